//! A hand-written reader of the quantity pattern ([`super::QUANTITY`]), tried only at the
//! chars a quantity can start with.
//!
//! The regex spent half its time searching and half reading capture groups on every
//! sentence that may hold a value. This reader walks the same pattern in the order a
//! backtracking matcher would (greedy pieces longest first, alternatives in list order),
//! so it finds the same leftmost-first matches with the same groups; the test
//! `scanner_agrees_with_the_pattern` checks that against the regex. It reads ASCII digits
//! only: text with other decimal digits (which `\d` also matches) goes to the regex.

use super::{is_chinese_numeral, CharMap};
use crate::lexicon;
use std::ops::Range;
use std::sync::LazyLock;

/// The groups of one quantity match, as byte ranges.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Groups {
    pub whole: Range<usize>,
    /// The numeral of `百分之…`.
    pub pct: Option<Range<usize>>,
    pub num: Option<Range<usize>>,
    /// `多`/`余` before the magnitude.
    pub more: Option<Range<usize>>,
    pub mag: Option<Range<usize>>,
    /// `多`/`余` after the magnitude.
    pub more2: Option<Range<usize>>,
    pub unit: Option<Range<usize>>,
    pub bound: Option<Range<usize>>,
}

/// Magnitudes in the pattern's order.
const MAGNITUDES: [&str; 8] = crate::zh::magnitudes::WORDS;
/// Bound words in the pattern's order.
const BOUNDS: [&str; 7] = ["及以上", "以上", "以下", "以内", "左右", "上下", "之多"];

/// Time units, then units, each list longest first (the order of the pattern's
/// alternation), grouped by first char and sorted by it for a binary search.
static UNITS_BY_FIRST: LazyLock<CharMap<Vec<&'static str>>> = LazyLock::new(|| {
    let sorted = |src: &'static str| {
        let mut w: Vec<&'static str> = lexicon::entries(src).collect();
        w.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        w
    };
    let all = sorted(include_str!("../../../data/lexicon/time_units.txt"))
        .into_iter()
        .chain(sorted(include_str!("../../../data/lexicon/units.txt")));
    let mut by_first: Vec<(char, Vec<&'static str>)> = Vec::new();
    for u in all {
        let Some(c) = u.chars().next() else { continue };
        match by_first.iter_mut().find(|(f, _)| *f == c) {
            Some((_, list)) => list.push(u),
            None => by_first.push((c, vec![u])),
        }
    }
    CharMap::new(by_first)
});

/// Whether `c` may be a decimal digit other than ASCII, which only the regex reads.
fn other_digit(c: char) -> bool {
    // no decimal digit lies in U+2000..U+9FFF (punctuation, CJK) or among the full-width
    // forms but `０-９`: skip the table for the chars of Chinese text
    match c {
        '\0'..='\x7f' | '\u{2000}'..='\u{9fff}' => false,
        '\u{ff00}'..='\u{ffff}' => ('０'..='９').contains(&c),
        _ => c.is_numeric(),
    }
}

/// Whether `s` has a decimal digit other than ASCII, which only the regex reads.
pub(super) fn has_other_digits(s: &str) -> bool {
    // only chars of two bytes (U+0080..U+07FF) or led by 0xEA..0xF4 (U+A000 on) may be
    // such digits: a test of every byte, which tells most texts at once
    let maybe = s.bytes().fold(false, |any, x| {
        any | (x >= 0xea || (0xc2..0xe2).contains(&x))
    });
    maybe && s.chars().any(other_digit)
}

/// Every quantity match in `s`, in order, as the regex's `captures_iter` finds them;
/// `None` if `s` has other digits than ASCII, which are left to the regex.
pub(super) fn matches(s: &str) -> Option<Vec<Groups>> {
    if has_other_digits(s) {
        return None;
    }
    let b = s.as_bytes();
    let mut out = Vec::new();
    // the end of a run of digits or numerals where no numeral match can start: a match
    // from a later position in the run would be one of those already tried
    let mut dead_run_end = 0;
    // where the next char starts
    let mut at = 0;
    while at < b.len() {
        let i = at;
        let x = b[i];
        // a match starts at an ASCII digit or a Chinese numeral (all three bytes long)
        let digit = x.is_ascii_digit();
        let c = if x < 0x80 {
            at += 1;
            x as u32
        } else {
            let (c, len) = super::decode(b, i);
            at += len;
            c
        };
        if !digit && !super::is_numeral_code(c) {
            continue;
        }
        if c == '百' as u32 {
            if let Some(g) = percent_at(s, i) {
                // matches do not overlap: the next starts at or after this
                at = g.whole.end;
                out.push(g);
                continue;
            }
        }
        if i >= dead_run_end {
            if let Some(g) = number_at(s, i) {
                // matches do not overlap: the next starts at or after this
                at = g.whole.end;
                out.push(g);
                continue;
            }
            dead_run_end = run_end(s, i, digit);
        }
    }
    Some(out)
}

/// The end of the run of ASCII digits (or Chinese numerals) starting at `i`.
fn run_end(s: &str, i: usize, digits: bool) -> usize {
    if digits {
        return i + ascii_digits(&s[i..]);
    }
    s[i..]
        .char_indices()
        .find(|&(_, c)| !is_chinese_numeral(c))
        .map_or(s.len(), |(k, _)| i + k)
}

fn ascii_digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// `百分之(?P<pct>[numerals点]+)(?P<bound>…)?` at `i`.
fn percent_at(s: &str, i: usize) -> Option<Groups> {
    let from = i + "百分之".len();
    if !s[i..].starts_with("百分之") {
        return None;
    }
    let end = s[from..]
        .char_indices()
        .find(|&(_, c)| !(is_chinese_numeral(c) || c == '点'))
        .map_or(s.len(), |(k, _)| from + k);
    if end == from {
        return None;
    }
    let bound = bound_at(s, end);
    Some(Groups {
        whole: i..bound.as_ref().map_or(end, |b| b.end),
        pct: Some(from..end),
        bound,
        ..Groups::default()
    })
}

/// The number branch at `i`: each way to end the numeral, in the pattern's order of
/// preference, until the rest reads as far as a unit.
fn number_at(s: &str, i: usize) -> Option<Groups> {
    let first = s[i..].chars().next()?;
    if first.is_ascii_digit() {
        arabic_number_at(s, i)
    } else if is_chinese_numeral(first) {
        let run = run_end(s, i, false);
        // `(?:点[digits]+)?` after the whole run: longest first
        if s[run..].starts_with('点') {
            let from = run + '点'.len_utf8();
            let digits_end = s[from..]
                .char_indices()
                .find(|&(_, c)| crate::zh::numerals::digit(c).is_none())
                .map_or(s.len(), |(k, _)| from + k);
            let mut end = digits_end;
            while end > from {
                if let Some(g) = after_numeral(s, i..end) {
                    return Some(g);
                }
                end -= s[..end].chars().next_back().unwrap().len_utf8();
            }
        }
        // `[numerals]+`: the whole run first, then one char shorter each time
        let mut end = run;
        while end > i {
            if let Some(g) = after_numeral(s, i..end) {
                return Some(g);
            }
            end -= s[..end].chars().next_back().unwrap().len_utf8();
        }
        None
    } else {
        None
    }
}

/// `\d+(?:,\d{3})*(?:\.\d+)?` from `i`, each way it may end in the pattern's order of
/// preference, until the rest reads as far as a unit.
fn arabic_number_at(s: &str, i: usize) -> Option<Groups> {
    let b = s.as_bytes();
    let k = ascii_digits(&s[i..]);
    // after all the digits: as many `,ddd` groups as there are, then fewer
    let mut groups = 0;
    while b.get(i + k + 4 * groups) == Some(&b',')
        && ascii_digits(&s[i + k + 4 * groups + 1..]) >= 3
    {
        groups += 1;
    }
    for g in (0..=groups).rev().map(|j| i + k + 4 * j) {
        if b.get(g) == Some(&b'.') {
            let frac = ascii_digits(&s[g + 1..]);
            for end in (1..=frac).rev().map(|m| g + 1 + m) {
                if let Some(found) = after_numeral(s, i..end) {
                    return Some(found);
                }
            }
        }
        if let Some(found) = after_numeral(s, i..g) {
            return Some(found);
        }
    }
    // fewer digits: the next char is then a digit, so neither group nor fraction follows
    (i + 1..i + k)
        .rev()
        .find_map(|end| after_numeral(s, i..end))
}

/// `\s*(?P<more>[多余])?(?P<mag>…)?(?P<more2>[多余])?\s*(?P<unit>…)(?P<bound>…)?` after the
/// numeral `num`, tried in the order a backtracking matcher tries it.
fn after_numeral(s: &str, num: Range<usize>) -> Option<Groups> {
    // most numerals stand in words (`统一`): unless a blank, `多/余`, a magnitude or a
    // unit follows, nothing below can match
    let next = s[num.end..].chars().next()?;
    if !(next.is_whitespace()
        || matches!(next, '多' | '余' | '万' | '千' | '百' | '亿')
        || unit_may_start(next))
    {
        return None;
    }
    for w in blanks(s, num.end) {
        for more in optional(more_at(s, w)) {
            let m1 = more.as_ref().map_or(w, |r| r.end);
            // every magnitude starts with one of these
            let may_mag = s[m1..].starts_with(['万', '千', '百', '亿']);
            let mags = MAGNITUDES
                .iter()
                .filter(|m| may_mag && s[m1..].starts_with(**m))
                .map(|m| Some(m1..m1 + m.len()));
            for mag in mags.chain([None]) {
                let m2 = mag.as_ref().map_or(m1, |r| r.end);
                for more2 in optional(more_at(s, m2)) {
                    let m3 = more2.as_ref().map_or(m2, |r| r.end);
                    for u in blanks(s, m3) {
                        if let Some(unit) = unit_at(s, u) {
                            let bound = bound_at(s, unit.end);
                            return Some(Groups {
                                whole: num.start..bound.as_ref().map_or(unit.end, |b| b.end),
                                pct: None,
                                num: Some(num),
                                more,
                                mag,
                                more2,
                                unit: Some(unit),
                                bound,
                            });
                        }
                    }
                }
            }
        }
    }
    None
}

/// The ends `\s*` may take from `at`, longest first.
fn blanks(s: &str, at: usize) -> impl Iterator<Item = usize> + '_ {
    let end = s[at..]
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(s.len(), |(k, _)| at + k);
    std::iter::successors(Some(end), move |&e| {
        (e > at).then(|| e - s[..e].chars().next_back().unwrap().len_utf8())
    })
}

/// An optional group's choices, present first.
fn optional(r: Option<Range<usize>>) -> impl Iterator<Item = Option<Range<usize>>> {
    let present = r.is_some();
    [r, None].into_iter().take(if present { 2 } else { 1 })
}

fn more_at(s: &str, at: usize) -> Option<Range<usize>> {
    s[at..]
        .starts_with(['多', '余'])
        .then(|| at..at + '多'.len_utf8())
}

fn units_starting_with(c: char) -> Option<&'static [&'static str]> {
    UNITS_BY_FIRST.get(c).map(Vec::as_slice)
}

fn unit_may_start(c: char) -> bool {
    units_starting_with(c).is_some()
}

fn unit_at(s: &str, at: usize) -> Option<Range<usize>> {
    let c = s[at..].chars().next()?;
    let unit = units_starting_with(c)?
        .iter()
        .find(|u| s[at..].starts_with(**u))?;
    Some(at..at + unit.len())
}

fn bound_at(s: &str, at: usize) -> Option<Range<usize>> {
    // every bound word starts with one of these, which most units are not followed by
    if !s[at..].starts_with(['及', '以', '左', '上', '之']) {
        return None;
    }
    let w = BOUNDS.iter().find(|w| s[at..].starts_with(**w))?;
    Some(at..at + w.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gates_hold_every_word_they_stand_for() {
        // `after_numeral` and `bound_at` try the words only after these first chars
        assert!(MAGNITUDES
            .iter()
            .all(|m| m.starts_with(['万', '千', '百', '亿'])));
        assert!(BOUNDS
            .iter()
            .all(|b| b.starts_with(['及', '以', '左', '上', '之'])));
    }

    #[test]
    fn finds_other_digits_of_any_length() {
        for s in ["增长٣%", "增长１２%", "增长𝟑%", "٣", "𝟗"] {
            assert!(has_other_digits(s), "{s}");
            assert_eq!(matches(s), None, "{s}");
        }
        for s in ["增长12%", "〇①Ⅻ", "é²", ""] {
            assert_eq!(has_other_digits(s), s.chars().any(other_digit), "{s}");
        }
    }
}
