//! The place name before a kind word ([`super::Rule::Name`]): where it starts, and what
//! no place name opens, ends or holds.

use super::is_han;
use super::kind_words::KindWord;
use super::kinds::{Kind, KINDS};
use crate::extract::pos;
use crate::gazetteer;
use crate::lexicon::zones::{
    GOVERNED_ZONE_KINDS, INSTITUTIONS, PLACE_BOUNDARIES, PLACE_CUT_AFTER, PLACE_FALSE_WORDS,
    PLACE_GENERIC, PLACE_GOVERNANCE, PLACE_HEAD_STOPS, PLACE_TAIL_STOPS,
};
use crate::model::Level;

/// A place prefix found in front of a kind word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prefix<'t> {
    pub(crate) text: &'t str,
    /// Its start is certain: after punctuation, a boundary word or a place.
    pub(crate) strong: bool,
    /// It is, or opens with, a name of the national table of divisions.
    pub(crate) anchored: bool,
}

/// The place prefix in front of a kind word.
///
/// A city, county or district is a name the national table holds (`霍州` + `市`). A
/// development zone's prefix reaches back no further than the last word no name holds
/// (a verb, adverb, preposition: [`pos::name_floor`]); of the prefixes left, the longest
/// that opens with a division's name wins (`包括长春高新区` → `长春`), else the longest
/// one whose start is certain.
pub fn place_before<'t>(w: &KindWord<'t>) -> Option<Prefix<'t>> {
    let (text, end, kind) = (w.text, w.start, w.kind);
    let k = &*KINDS;
    let g = gazetteer::get();
    let mut run = [0usize; 12];
    let mut starts = han_run_before(text, end, &mut run);
    if is_division_level(kind.level) {
        if let Some(p) = division_name_before(text, starts, end, kind) {
            return Some(p);
        }
        // a name the table lacks (abolished, renamed, or newer than the table) is read
        // as any other, and must prove itself by recurring (see [`super::proofs`])
        if ends_in_a_division_after_a_stray_word(text, starts, end, kind) {
            return None;
        }
    }
    starts = cut_at_function_word(text, starts);
    // every prefix ends alike, so one bad last char rules them all out
    if ends_like_no_name(&text[..end]) {
        return None;
    }
    let run_start = starts.last().copied().unwrap_or(end);
    let floor =
        run_start + pos::name_floor(&text[run_start..end + kind.word.len()], end - run_start);
    // [`plausible_prefix`]'s barrier test, grown a char at a time: a longer prefix holds
    // the shorter, so once a barrier word is inside, every longer prefix fails too
    // ... except inside a division's name (`上党`, whose `党` is no party)
    // (the division's name each start opens with, looked up once: the loop below reads
    // the same starts)
    let anchors: Vec<(usize, &str)> = starts
        .iter()
        .filter_map(|&s| g.form_at_start(&text[s..end]).map(|f| (s, f)))
        .collect();
    let shielded = |at: usize| anchors.iter().any(|&(s, f)| s <= at && at < s + f.len());
    let barrier_at = |at: usize| k.barriers.starts(&text[at..end]) && !shielded(at);
    if starts.first().is_some_and(|&at| barrier_at(at)) {
        return None;
    }
    let max = if kind.level == Level::Zone { 8 } else { 3 };
    let mut best: Option<Prefix> = None;
    let mut anchored: Option<Prefix> = None;
    for len in 2..=starts.len() {
        let at = starts[len - 1];
        // another zone's name ends inside (`某某开发区某某高新区`): this one starts after it
        if barrier_at(at) || at < floor || holds_zone_kind(&text[at..end]) {
            break;
        }
        let prefix = &text[at..end];
        let false_word = kind.level != Level::Zone
            && PLACE_FALSE_WORDS
                .words
                .iter()
                .any(|w| ends_with_joined(prefix, kind.word, w));
        if false_word || !plausible_head(prefix) {
            continue;
        }
        if kind.level == Level::Zone {
            if let Some(&(_, form)) = anchors.iter().find(|&&(s, _)| s == at) {
                anchored = Some(zone_after_its_division(prefix, form));
            }
        }
        if len > max {
            continue;
        }
        let before = &text[run_start..at];
        let strong = before.is_empty() || PLACE_BOUNDARIES.ends(before) || ends_with_place(before);
        let candidate = Prefix {
            text: prefix,
            strong,
            anchored: false,
        };
        match (&best, strong) {
            // development zones: the longest certain name; towns: the shortest certain
            // one (their names are short)
            (None, _) => best = Some(candidate),
            (Some(b), true) if !b.strong => best = Some(candidate),
            (Some(b), true) if b.strong && kind.level == Level::Zone => best = Some(candidate),
            _ => {}
        }
    }
    // a park known by its body (`某某村某某园管委会`) is named in full, even where a
    // division's name stands inside its name
    if GOVERNED_ZONE_KINDS.contains(kind.word) && best.is_some_and(|b| b.strong) {
        return best;
    }
    anchored.or(best)
}

fn is_division_level(level: Level) -> bool {
    matches!(
        level,
        Level::Province | Level::City | Level::County | Level::District
    )
}

/// Byte offsets where the chars of the Han run before `end` start (at most 12), nearest
/// first, written into `run`: prefixes and what stands before them are slices of `text`.
fn han_run_before<'r>(text: &str, end: usize, run: &'r mut [usize; 12]) -> &'r [usize] {
    let mut n = 0;
    for (i, c) in text[..end].char_indices().rev() {
        if n == run.len() || !is_han(c) {
            break;
        }
        run[n] = i;
        n += 1;
    }
    &run[..n]
}

/// The longest prefix of up to eight chars that makes a division's full name with the
/// kind word (`霍州` + `市`).
fn division_name_before<'t>(
    text: &'t str,
    starts: &[usize],
    end: usize,
    kind: &Kind,
) -> Option<Prefix<'t>> {
    let g = gazetteer::get();
    for len in (2..=starts.len().min(8)).rev() {
        let prefix = &text[starts[len - 1]..end];
        if g.is_name(&format!("{prefix}{}", kind.word)) {
            return Some(Prefix {
                text: prefix,
                strong: true,
                anchored: true,
            });
        }
    }
    None
}

/// Whether the name before a level suffix ends in a division's name after a stray word
/// (`经霍州市`): that name, not a longer one the table lacks.
fn ends_in_a_division_after_a_stray_word(
    text: &str,
    starts: &[usize],
    end: usize,
    kind: &Kind,
) -> bool {
    let g = gazetteer::get();
    let name_end = end + kind.word.len();
    let from = starts
        .get(starts.len().clamp(1, 3) - 1)
        .copied()
        .unwrap_or(end);
    g.forms_in(&text[from..name_end])
        .any(|(at, len)| at > 0 && from + at + len == name_end)
}

/// The starts of a Han run up to a function word inside it, which ends whatever came
/// before (`记者专访了某某高新区`); the run whole where the word is one of its last two
/// chars.
fn cut_at_function_word<'r>(text: &str, starts: &'r [usize]) -> &'r [usize] {
    match starts
        .iter()
        .position(|&i| text[i..].starts_with(PLACE_CUT_AFTER.as_slice()))
    {
        Some(i) if i >= 2 => &starts[..i],
        _ => starts,
    }
}

/// Whether what stands before a kind word ends as no place name does: with a function
/// word, or with the word ending an institution's name (`…大学自贸区研究院`).
fn ends_like_no_name(before: &str) -> bool {
    !plausible_tail(before) || INSTITUTIONS.ends(before)
}

/// A zone named after its city (`江门市翠山湖高新区`) is the part after the city.
fn zone_after_its_division<'t>(prefix: &'t str, division: &str) -> Prefix<'t> {
    let own = &prefix[division.len()..];
    let text = if gazetteer::get().is_name(division)
        && division.ends_with(['市', '县', '区', '州', '省'])
        && own.chars().count() >= 2
    {
        own
    } else {
        prefix
    };
    Prefix {
        text,
        strong: true,
        anchored: true,
    }
}

/// A division whose name has a one-char prefix (`城区`, `郊区`: real districts, but also
/// common nouns) is one only where it opens a clause and its body or action follows
/// (`，城区召开…`, `城区人民政府`).
pub fn one_char_division<'t>(w: &KindWord<'t>) -> Option<Prefix<'t>> {
    let (text, end, kind) = (w.text, w.start, w.kind);
    if !matches!(kind.level, Level::County | Level::District) {
        return None;
    }
    let mut before = text[..end].char_indices().rev();
    let (at, c) = before.next()?;
    if !is_han(c) || before.next().is_some_and(|(_, p)| is_han(p)) {
        return None;
    }
    let prefix = &text[at..end];
    let after = &text[end + kind.word.len()..];
    (gazetteer::get().is_name(&format!("{prefix}{}", kind.word)) && PLACE_GOVERNANCE.starts(after))
        .then_some(Prefix {
            text: prefix,
            strong: true,
            anchored: true,
        })
}

/// Whether `s` holds a development zone's kind word of two characters or more.
fn holds_zone_kind(s: &str) -> bool {
    let k = &*KINDS;
    k.words.find_all(s).into_iter().any(|(_, id)| {
        let kind = &k.kinds[id];
        kind.level == Level::Zone && kind.word.chars().count() >= 2
    })
}

/// Whether `head` followed by `tail` ends with `w`, without joining them.
fn ends_with_joined(head: &str, tail: &str, w: &str) -> bool {
    match w.len().checked_sub(tail.len()) {
        None | Some(0) => tail.ends_with(w),
        Some(n) => w.ends_with(tail) && w.is_char_boundary(n) && head.ends_with(&w[..n]),
    }
}

/// Whether `prefix` may be the place part of a name: it opens and ends as one does and
/// holds no boundary word of two chars or more nor a word of a body or post.
fn plausible_prefix(prefix: &str) -> bool {
    plausible_tail(prefix)
        && plausible_head(prefix)
        && !prefix
            .char_indices()
            .any(|(i, _)| KINDS.barriers.starts(&prefix[i..]))
}

/// Whether a place prefix may end the way `s` does (not with a function word).
fn plausible_tail(s: &str) -> bool {
    !s.ends_with(PLACE_TAIL_STOPS.as_slice())
}

/// Whether a place prefix may open the way `prefix` does: not with a function word, nor
/// with a count (`一名新区领导`, `两个园区`).
fn plausible_head(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    let counted = chars
        .next()
        .is_some_and(|c| "一二两三四五六七八九十几每".contains(c))
        && chars.next().is_some_and(|c| "名个位项批所座".contains(c));
    !counted && !starts_with_generic(prefix) && !prefix.starts_with(PLACE_HEAD_STOPS.as_slice())
}

/// Whether `prefix` is a generic word or opens with one of two chars or more
/// (`重点…`, `高水平…`): such a prefix names no place.
fn starts_with_generic(prefix: &str) -> bool {
    let Some(first) = prefix.chars().next() else {
        return PLACE_GENERIC.contains(prefix);
    };
    PLACE_GENERIC
        .starting_with(first)
        .iter()
        .any(|(g, _)| prefix.starts_with(g) && (g.len() == prefix.len() || g.chars().count() >= 2))
}

/// Whether `s` ends with an administrative place name such as `南川市`.
pub(crate) fn ends_with_place(s: &str) -> bool {
    let mut tail = s.char_indices().rev();
    let Some((at, last)) = tail.next() else {
        return false;
    };
    let Some((start, _)) = tail.nth(1) else {
        return false;
    };
    matches!(last, '省' | '市' | '区' | '县' | '州') && plausible_prefix(&s[start..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_han_run_before_a_kind_word_is_read_back_to_punctuation() {
        let text = "3月,青溪高新区";
        let end = text.find("高新区").unwrap();
        let mut run = [0; 12];
        let starts = han_run_before(text, end, &mut run);
        let firsts: Vec<&str> = starts.iter().map(|&i| &text[i..end]).collect();
        assert_eq!(firsts, ["溪", "青溪"]);
    }

    #[test]
    fn a_function_word_cuts_the_run() {
        let text = "记者专访了青溪";
        let mut run = [0; 12];
        let starts = han_run_before(text, text.len(), &mut run);
        let cut = cut_at_function_word(text, starts);
        assert_eq!(&text[*cut.last().unwrap()..], "青溪");
    }

    #[test]
    fn no_name_ends_with_a_function_word_or_an_institution() {
        assert!(ends_like_no_name("建设的"));
        assert!(ends_like_no_name("拜访某某大学"));
        assert!(!ends_like_no_name("青溪"));
    }

    #[test]
    fn a_division_is_a_name_of_the_table() {
        let text = "经霍州市";
        let end = text.find('市').unwrap();
        let k = &*KINDS;
        let city = k.kinds.iter().find(|k| k.word == "市").unwrap();
        let mut run = [0; 12];
        let starts = han_run_before(text, end, &mut run);
        let p = division_name_before(text, starts, end, city).unwrap();
        assert_eq!(p.text, "霍州");
        // `经霍州` is no longer name the table lacks: it is `霍州` after a stray word
        assert!(ends_in_a_division_after_a_stray_word(
            text, starts, end, city
        ));
    }

    #[test]
    fn a_zone_named_after_its_city_is_the_part_after_it() {
        assert_eq!(
            zone_after_its_division("江门市翠山湖", "江门市").text,
            "翠山湖"
        );
        assert_eq!(zone_after_its_division("江门翠山", "江门").text, "江门翠山");
    }

    #[test]
    fn prefixes_open_and_end_as_names_do() {
        assert!(!plausible_head("两个") && !plausible_head("重点"));
        assert!(!plausible_head("高水平"), "a quality a plan asks for");
        assert!(plausible_head("青溪"));
        assert!(!plausible_tail("落实的") && plausible_tail("青溪"));
        assert!(ends_with_place("落实南川市") && !ends_with_place("落实"));
        assert!(ends_with_joined("地", "区", "地区") && !ends_with_joined("某", "区", "地区"));
        assert!(holds_zone_kind("某某开发区某某") && !holds_zone_kind("某某园"));
    }
}
