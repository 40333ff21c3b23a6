//! The rule of values given `分别`: `A、B分别增长8%、10%`, indicators before `分别`,
//! values after, paired in order.

use super::*;
use indicator_value::{is_contribution, GROUP};

/// `A、B分别增长8%、10%`: indicators before `分别`, values after, paired in order.
pub(super) fn values_given_respectively(reader: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    if !clause.may_pair {
        return None;
    }
    reader.read_respectively(clause.text, clause.qs, clause.lead)
}

impl Reader {
    /// `A、B分别增长8%、10%`: indicators before `分别`, values after, paired in order.
    fn read_respectively(&self, c: &str, qs: &[Quantity], lead: &str) -> Option<Vec<Reading>> {
        let at = find_word(c, "分别")?;
        let (head, tail_at) = (&c[..at], at + "分别".len());
        let values: Vec<&Quantity> = qs.iter().filter(|q| q.start >= tail_at).collect();
        let (body, _, period) = self.clean_indicator(head);
        // `甲、乙、丙三大主导产业产值分别…`: the group's name stands between the last
        // member and the noun they share
        let body = match body.contains('大').then(|| GROUP.find(&body)).flatten() {
            Some(g) => [&body[..g.start()], &body[g.end()..]].concat(),
            None => body,
        };
        if values.len() < 2 {
            return None;
        }
        // `分别拉动经济增长0.1个、0.9个和2.4个百分点`: contributions to a rate
        if values
            .last()
            .is_some_and(|q| numbers::is_points_unit(q.unit))
            && is_contribution(&c[tail_at..])
        {
            return Some(Vec::new());
        }
        // the names are cut at the fewest marks that give one per value: `建筑及装潢材料、
        // 饮料和日用品类` is three, `A、B分别` two, and `及` joins names only where the
        // others do not part enough (`甲及乙分别`)
        let mut names: Vec<String> = Vec::new();
        for seps in NAME_SEPARATORS {
            names = split_outside_quotes(&body, seps)
                .into_iter()
                .map(|n| self.clean_indicator(n).0)
                .filter(|n| !n.is_empty())
                .collect();
            if names.len() >= values.len() {
                break;
            }
        }
        // `第一、二、三产业…分别为`: ordinals that share the noun after the last
        if let Some(expanded) = expand_ordinal_sectors(&body) {
            names = expanded;
        }
        // `甲,乙,丙和丁产量分别增长…`: names before commas stand in the clauses before
        if names.len() < values.len() && !lead.is_empty() {
            let before: Vec<String> = split_outside_quotes(lead, &[",", "，"])
                .into_iter()
                .map(|n| self.clean_indicator(n).0)
                .filter(|n| !n.is_empty())
                .collect();
            // the last names are this clause's, read whole or as split
            let whole = before.len() + 1;
            if whole == values.len() {
                names = [before, vec![body.clone()]].concat();
            } else if before.len() + names.len() == values.len() {
                names = [before, names].concat();
            }
        }
        let names = match names.as_slice() {
            [one] if values.len() == 2 => split_paired_name(one).unwrap_or(names),
            _ => with_shared_noun(names),
        };
        // values that cannot be paired with their names would give one of them the
        // whole clause as its name
        if names.len() != values.len() {
            return Some(Vec::new());
        }
        let (_, kinds, result_verb) = strip_links(&c[tail_at..values[0].start]);
        let link = &c[tail_at..values[0].start];
        let fall = is_fall(link);
        let growth = CHANGE_WORDS.is_match(link) || link.is_empty() && values[0].is_rate();
        let kind = kinds.into_iter().flatten().next();
        Some(
            names
                .into_iter()
                .zip(values)
                .map(|(name, q)| Reading {
                    indicator: name,
                    qty: *q,
                    kind,
                    change_only: false,
                    change: (growth && q.is_rate()).then(|| Change {
                        value: if fall { -q.value } else { q.value },
                        unit: q.unit.to_string(),
                    }),
                    result_verb,
                    span: 0..c.len(),
                    at: q.start,
                    period: period.clone(),
                    of_subject: false,
                })
                .collect(),
        )
    }
}

/// `第一、二、三产业增加值` → `第一产业增加值`, `第二产业增加值`, `第三产业增加值`.
fn expand_ordinal_sectors(body: &str) -> Option<Vec<String>> {
    static ORDINALS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^第?([一二三])(?:[、和及]第?([一二三]))(?:[、和及]第?([一二三]))?(产业|产)(.*)$",
        )
        .unwrap()
    });
    let c = ORDINALS.captures(body)?;
    let (noun, rest) = (c[4].to_string(), c[5].to_string());
    let noun = if noun == "产" {
        "产业".to_string()
    } else {
        noun
    };
    Some(
        [c.get(1), c.get(2), c.get(3)]
            .into_iter()
            .flatten()
            .map(|n| format!("第{}{noun}{rest}", n.as_str()))
            .collect(),
    )
}

/// The marks that part the names of a `分别` list, fewest first.
const NAME_SEPARATORS: [&[&str]; 3] = [
    &["、"],
    &["、", "和", "与", "以及"],
    &["、", "和", "及", "与", "以及"],
];

/// Nouns a list's members share, written once after the last (`甲、乙和丙产量`).
static LIST_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../../../data/lexicon/list_nouns.txt")));

/// `甲、乙和丙产量` → `甲产量`, `乙产量`, `丙产量`: the noun after the last member is
/// every member's, where none of the others names one.
fn with_shared_noun(names: Vec<String>) -> Vec<String> {
    let Some(last) = names.last() else {
        return names;
    };
    let ends_in_noun = |n: &str| {
        LIST_NOUNS
            .iter()
            .find(|w| n.ends_with(**w) && n.len() > w.len())
    };
    let Some(noun) = ends_in_noun(last) else {
        return names;
    };
    if names[..names.len() - 1]
        .iter()
        .any(|n| ends_in_noun(n).is_some())
    {
        return names;
    }
    let n = names.len();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            if i + 1 < n {
                format!("{name}{noun}")
            } else {
                name
            }
        })
        .collect()
}
