//! Rules on a kind word found in the text: which are passed over before any name is
//! looked for before them ([`super::Rule::Skip`]), and which, with no name before them,
//! stand alone for the report's zone ([`super::Rule::Bare`]).

use super::is_han;
use super::kinds::{Kind, KINDS};
use crate::lexicon::zones::{
    GOVERNED_ZONE_KINDS, LOOSE_ZONE_KINDS, PLACE_BOUNDARIES, PLACE_FALSE_WORDS, ZONE_BODIES,
};
use crate::model::Level;

/// A kind word found in the text searched.
pub struct KindWord<'t> {
    pub(crate) text: &'t str,
    /// Byte range of the kind word.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Its place in [`super::kinds::Kinds::kinds`].
    #[allow(dead_code)]
    pub(crate) id: usize,
    pub(crate) kind: &'static Kind,
}

impl<'t> KindWord<'t> {
    /// The text after the kind word.
    pub(crate) fn after(&self) -> &'t str {
        &self.text[self.end..]
    }
}

/// A level suffix that opens a common word there (`市场`, `区域`, `地区生产总值`) ends no
/// place name.
pub fn suffix_opens_a_word(w: &KindWord) -> bool {
    let after = w.after();
    w.kind.level != Level::Zone
        && (after
            .chars()
            .next()
            .is_some_and(|c| PLACE_FALSE_WORDS.next_chars.contains(&c))
            || PLACE_FALSE_WORDS
                .follows
                .iter()
                .any(|(word, next)| *word == w.kind.word && after.starts_with(next)))
}

/// A governed kind (`园`) makes a zone only with a zone's own body right after it
/// (`某某园管委会`): `公园`, `家园`, `校园` are none.
pub fn governed_without_own_body(w: &KindWord) -> bool {
    GOVERNED_ZONE_KINDS.contains(w.kind.word) && !ZONE_BODIES.own.starts(w.after())
}

/// `园区办`, `片区办`: an office for parks, not a park.
pub fn park_office(w: &KindWord) -> bool {
    LOOSE_ZONE_KINDS.contains(w.kind.word) && w.after().starts_with('办')
}

/// A zone's kind word standing alone (`高区党工委`), not the tail of a longer word.
pub fn stands_alone(w: &KindWord) -> bool {
    w.kind.level == Level::Zone && standalone_short(w.text, w.start)
}

/// A zone's kind word right after the level word of an unnamed city or county
/// (`市开发区`).
pub fn level_prefixed_kind(w: &KindWord) -> bool {
    w.kind.level == Level::Zone && level_prefixed(w.text, w.start).is_some()
}

/// Whether the kind word at `start` stands alone: not after a Han char, unless that ends
/// a boundary word or a year.
pub(crate) fn standalone_short(text: &str, start: usize) -> bool {
    let prev = text[..start].chars().next_back();
    // `XX工业园区` in a template names no zone, not even a generic one
    if prev.is_some_and(|c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | '×' | '*' | '＊')) {
        return false;
    }
    // `省级工业园`, `国家级开发区`: a rank of zone, not the zone
    if prev == Some('级') {
        return false;
    }
    !prev.is_some_and(is_han) || {
        PLACE_BOUNDARIES.ends(&text[..start])
            || text[..start].ends_with("年度")
            || text[..start].ends_with("年")
    }
}

/// The level word of an unnamed city or county right before a kind word that stands
/// alone after it (`，市开发区召开…`, `2023年县经开区…`): such a report calls its zone
/// `市开发区`.
pub(crate) fn level_prefixed(text: &str, start: usize) -> Option<char> {
    let before = &text[..start];
    let level = before
        .chars()
        .next_back()
        .filter(|c| matches!(c, '市' | '县'))?;
    let rest = &before[..before.len() - level.len_utf8()];
    standalone_short(text, rest.len()).then_some(level)
}

/// The level word every bare use of `form` follows, if it is always the same one.
pub(crate) fn leveled_as(bare: &[(usize, usize)], form: &str, text: &str) -> Option<char> {
    let k = &*KINDS;
    let mut levels = bare
        .iter()
        .filter(|&&(kind, _)| k.kinds[kind].word == form)
        .map(|&(_, at)| level_prefixed(text, at));
    let first = levels.next()??;
    levels.all(|l| l == Some(first)).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first kind word `word` found in `text`.
    fn found<'t>(text: &'t str, word: &str) -> KindWord<'t> {
        let k = &*KINDS;
        let m = k
            .automaton
            .find_iter(text)
            .find(|m| k.kinds[m.pattern().as_usize()].word == word)
            .unwrap();
        KindWord {
            text,
            start: m.start(),
            end: m.end(),
            id: m.pattern().as_usize(),
            kind: &k.kinds[m.pattern().as_usize()],
        }
    }

    #[test]
    fn a_level_suffix_opening_a_common_word_is_passed_over() {
        assert!(suffix_opens_a_word(&found("培育市场主体", "市")));
        assert!(suffix_opens_a_word(&found("完成地区生产总值", "地区")));
        assert!(!suffix_opens_a_word(&found("松岭区召开", "区")));
        // a zone's kind word is never a level suffix
        assert!(!suffix_opens_a_word(&found("开发区内", "开发区")));
    }

    #[test]
    fn a_governed_kind_needs_its_own_body() {
        assert!(governed_without_own_body(&found("走进美丽家园。", "园")));
        assert!(!governed_without_own_body(&found("翠岭园党工委", "园")));
        assert!(!governed_without_own_body(&found("翠岭工业园", "工业园")));
    }

    #[test]
    fn an_office_for_parks_is_no_park() {
        assert!(park_office(&found("自治区园区办主任", "园区")));
        assert!(!park_office(&found("开发区办公室", "开发区")));
    }

    #[test]
    fn a_kind_word_stands_alone_after_punctuation_a_boundary_or_a_year() {
        assert!(stands_alone(&found("，高区召开", "高区")));
        assert!(stands_alone(&found("召开高区大会", "高区")));
        assert!(stands_alone(&found("2023年开发区", "开发区")));
        assert!(!stands_alone(&found("省级工业园", "工业园")));
        assert!(!stands_alone(&found("XX工业园区", "工业园区")));
        assert!(!stands_alone(&found("青溪高新区", "高新区")));
    }

    #[test]
    fn an_unnamed_citys_kind_word_keeps_its_level() {
        assert!(level_prefixed_kind(&found("，市开发区召开", "开发区")));
        assert_eq!(
            level_prefixed("2023年县经开区", "2023年县".len()),
            Some('县')
        );
        assert!(!level_prefixed_kind(&found("宁波市开发区", "开发区")));
        let text = "，市开发区召开。市开发区上下";
        let bare: Vec<(usize, usize)> = text
            .match_indices("开发区")
            .map(|(at, _)| (found(text, "开发区").id, at))
            .collect();
        assert_eq!(leveled_as(&bare, "开发区", text), Some('市'));
    }
}
