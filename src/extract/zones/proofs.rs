//! What proves a name a place ([`super::Rule::Proof`]). A division of the national table
//! is a place; a zone named after one is a zone; any other name needs more than one lucky
//! boundary: it recurs, its bare prefix is used alone, a body of it is named (`某某区委`,
//! `某某园区管委会`), the title names it, or (a town) it heads a place chain.

use super::is_han;
use super::kinds::{Kind, KINDS};
use super::prefix::ends_with_place;
use super::Mention;
use crate::extract::pos;
use crate::lexicon::zones::{LOOSE_ZONE_KINDS, PLACE_GOVERNANCE};
use crate::model::Level;

/// A name found with a certain start at least once, to be proved a place.
pub struct Candidate<'a> {
    pub(crate) prefix: &'a str,
    /// Its kind's place in [`super::kinds::Kinds::kinds`].
    pub(crate) kind: usize,
    pub(crate) kd: &'static Kind,
    /// The prefix and kind word: the name in full.
    pub(crate) name: String,
    /// Every mention of a name with a certain start somewhere.
    pub(crate) mentions: &'a [Mention<'a>],
    pub(crate) text: &'a str,
    pub(crate) title: &'a str,
}

impl<'a> Candidate<'a> {
    pub(crate) fn new(
        prefix: &'a str,
        kind: usize,
        mentions: &'a [Mention<'a>],
        text: &'a str,
        title: &'a str,
    ) -> Self {
        let kd = &KINDS.kinds[kind];
        Candidate {
            prefix,
            kind,
            kd,
            name: format!("{prefix}{}", kd.word),
            mentions,
            text,
            title,
        }
    }

    /// The mentions of this name.
    fn uses(&self) -> impl Iterator<Item = &Mention<'a>> + '_ {
        self.mentions
            .iter()
            .filter(|m| m.prefix == self.prefix && m.kind == self.kind)
    }
}

/// A city, county, district or province: its start was certain, or it is a name of the
/// national table.
pub fn division_level(c: &Candidate) -> bool {
    c.kd.level != Level::Zone && c.kd.level != Level::Town
}

/// A zone or town named after a division of the table, of a kind not loose.
pub fn named_after_a_division(c: &Candidate) -> bool {
    c.uses().any(|m| m.anchored) && !LOOSE_ZONE_KINDS.contains(c.kd.word)
}

/// Named twice.
pub fn named_twice(c: &Candidate) -> bool {
    c.uses().count() >= 2
}

/// Its bare prefix used alone, where that reads as a name, not a phrase
/// (`主题教育开发区` beside `抓实主题教育`).
pub fn prefix_used_alone(c: &Candidate) -> bool {
    let alone = || {
        c.text
            .match_indices(c.prefix)
            .any(|(i, _)| !c.text[i + c.prefix.len()..].starts_with(c.kd.word))
    };
    alone()
        && (c.kd.level != Level::Zone
            || !pos::holds_action(c.prefix) && !LOOSE_ZONE_KINDS.contains(c.kd.word))
}

/// A body of it named right after it (`某某区委`, `某某园区管委会`).
pub fn body_named(c: &Candidate) -> bool {
    // (each word after the name, not each occurrence of the name: occurrences overlap)
    PLACE_GOVERNANCE
        .words()
        .iter()
        .any(|g| c.text.contains(&format!("{}{g}", c.name)))
}

/// Named in the title.
pub fn named_in_the_title(c: &Candidate) -> bool {
    !c.title.is_empty() && c.title.contains(c.name.as_str())
}

/// One of its departments named after it (`…高新区商务局`).
pub fn department_named(c: &Candidate) -> bool {
    c.text.match_indices(c.name.as_str()).any(|(i, _)| {
        c.text[i + c.name.len()..]
            .chars()
            .take(6)
            .take_while(|&ch| is_han(ch))
            .any(|ch| ch == '局')
    })
}

/// A division listed beside another place: `落实某某省、某某市工作要求`.
pub fn listed_beside_a_place(c: &Candidate) -> bool {
    let (name, text) = (c.name.as_str(), c.text);
    c.kd.level != Level::Zone
        && (text.match_indices(&format!("{name}、")).any(|(i, _)| {
            let next = i + name.len() + '、'.len_utf8();
            c.mentions.iter().any(|m| m.at == next && m.strong)
        }) || text.match_indices(&format!("、{name}")).any(|(i, _)| {
            c.mentions
                .iter()
                .any(|m| m.strong && m.at + m.prefix.len() + KINDS.kinds[m.kind].word.len() == i)
        }))
}

/// A division first named right after a place (`南川市北塘区`).
pub fn after_a_place(c: &Candidate) -> bool {
    let text = c.text;
    c.kd.level != Level::Zone && ends_with_place(&text[..text.find(c.name.as_str()).unwrap_or(0)])
}

#[cfg(test)]
mod tests {
    use super::super::mentions_in;
    use super::*;

    /// Whether `proof` holds for the name `name` found in `text`.
    fn proves(proof: fn(&Candidate) -> bool, text: &str, title: &str, name: &str) -> bool {
        let (mentions, _) = mentions_in(text);
        let m = mentions
            .iter()
            .find(|m| format!("{}{}", m.prefix, KINDS.kinds[m.kind].word) == name)
            .unwrap_or_else(|| panic!("{name} not found in {text}"));
        proof(&Candidate::new(m.prefix, m.kind, &mentions, text, title))
    }

    #[test]
    fn a_district_is_a_place_by_its_level() {
        assert!(proves(division_level, "召开北塘区大会", "", "北塘区"));
        assert!(!proves(
            division_level,
            "召开青溪高新区大会",
            "",
            "青溪高新区"
        ));
    }

    #[test]
    fn a_zone_is_proved_by_recurring_or_by_what_is_said_of_it() {
        let once = "项目落户青溪产业园。";
        assert!(!proves(named_twice, once, "", "青溪产业园"));
        assert!(proves(
            named_twice,
            "落户青溪高新区。青溪高新区",
            "",
            "青溪高新区"
        ));
        assert!(proves(body_named, "，青溪高新区党工委", "", "青溪高新区"));
        assert!(proves(
            department_named,
            "，青溪高新区商务局",
            "",
            "青溪高新区"
        ));
        assert!(proves(
            named_in_the_title,
            "，青溪高新区",
            "青溪高新区会议",
            "青溪高新区"
        ));
        assert!(proves(
            prefix_used_alone,
            "，青溪高新区。推动青溪发展",
            "",
            "青溪高新区"
        ));
        assert!(!proves(
            prefix_used_alone,
            "，青溪产业园。推动青溪发展",
            "",
            "青溪产业园"
        ));
    }

    #[test]
    fn a_zone_named_after_a_division_needs_no_more() {
        assert!(proves(
            named_after_a_division,
            "包括长春高新区的园区",
            "",
            "长春高新区"
        ));
        assert!(!proves(
            named_after_a_division,
            "包括长春产业园的",
            "",
            "长春产业园"
        ));
    }

    #[test]
    fn a_division_listed_beside_or_after_a_place() {
        let text = "落实云岭省、南川市工作要求";
        assert!(proves(listed_beside_a_place, text, "", "云岭省"));
        assert!(proves(listed_beside_a_place, text, "", "南川市"));
        assert!(proves(after_a_place, "在南川市北塘区", "", "北塘区"));
    }
}
