//! Lists written as parallel clauses of one sentence: clauses that each open with `要`,
//! clauses one `要` governs, and clauses that each open with one directive word.

use super::*;
use crate::lexicon::tasks::{
    MODAL_YAO_WORDS, TASK_ANAPHORA_OPENERS, TASK_SPEECH_WORDS, TASK_VERBS,
};
use crate::zh::han::is_han;

/// Lists written as parallel clauses of one sentence:
/// - clauses joined by `;` that each open with `要` (`要聚焦…;要紧盯…;要扎实开展…`), three
///   or more, the first maybe after a lead-in (`当前…关键阶段,要聚焦…`) or a subject
///   (`各部门要聚焦…`);
/// - clauses joined by `;` that one `要` governs, written alike (`全区上下要坚定信心,…;
///   拉高标杆,…;立说立行,…`: each opens with a phrase of the same length);
/// - clauses joined by commas that each open with `要`, three or more, or two after a
///   word of speech (`他强调,各部门要…,要…`);
/// - clauses that each open with one directive word (`进一步强化…,进一步加快…,进一步
///   优化…`), three or more, with the clauses of work before them in the sentence.
pub fn parallel_lists(text: &str, segments: &Segments) -> Vec<ItemList> {
    static YAO: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("要".as_bytes()));
    let mut lists = Vec::new();
    for sentence in &segments.sentences {
        let s = &text[sentence.span.clone()];
        // most sentences hold neither `要` nor a directive opener: two searches tell
        let has_yao = YAO.find(s.as_bytes()).is_some();
        if !has_yao && !TASK_ANAPHORA_OPENERS.occurs_in(s) {
            continue;
        }
        // clauses numbered by ordinals (`首先,要…;其次,要…`) belong to an ordinal list
        if numbered(s) {
            continue;
        }
        let found = if has_yao {
            semicolon_items(s).or_else(|| comma_items(s))
        } else {
            None
        };
        let (family, items) = match found {
            Some(items) => (Family::Parallel, items),
            None => match anaphora_items(s) {
                Some(items) => (Family::Anaphora, items),
                None => continue,
            },
        };
        let base = sentence.span.start;
        let items = items
            .into_iter()
            .enumerate()
            .map(|(n, (start, body, end))| Item {
                marker: Marker {
                    family,
                    number: n as u32 + 1,
                    start: base + start,
                    body: base + body,
                    paragraph: sentence.paragraph,
                },
                end: base + end,
            })
            .collect();
        lists.push(ItemList { family, items });
    }
    lists
}

/// Whether a clause of `s` opens with an ordinal (`一是`, `首先,`, `(二)`).
fn numbered(s: &str) -> bool {
    pieces(s, &[',', '，', ';', '；', ':', '：'])
        .into_iter()
        .any(|c| {
            let (a, b) = trimmed(s, c);
            let w = &s[a..b];
            // (`1.5亿元` opens with a number, not an ordinal)
            let ordinal = ordinal_at(w).is_some_and(|(_, _, len)| {
                w[len..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_digit() && c != '%')
            });
            ordinal || ["首先", "其次", "再次", "最后"].contains(&w)
        })
}

/// An item as (start, body, end) offsets into its sentence.
type Span3 = (usize, usize, usize);

/// Whether a clause opens with the modal `要` (not `要求`, `要素`, …).
fn opens_with_modal(clause: &str) -> bool {
    clause.starts_with('要') && !MODAL_YAO_WORDS.starts(clause)
}

/// Byte offset of the modal `要` of a clause: opening it, or after a short subject
/// (`各部门要…`, `园区上下要…`), not inside a word (`主要`, `需要`, `要求`).
fn modal_at(clause: &str) -> Option<usize> {
    if opens_with_modal(clause) {
        return Some(0);
    }
    let at = clause.find('要')?;
    let subject = &clause[..at];
    let n = subject.chars().count();
    let last = subject.chars().next_back()?;
    ((2..=10).contains(&n)
        && subject.chars().all(is_han)
        && !"主重需只不纪摘想就是".contains(last)
        && opens_with_modal(&clause[at..]))
    .then_some(at)
}

/// Byte ranges of the pieces of `s` between the separators `seps`.
pub(super) fn pieces(s: &str, seps: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in s.char_indices().filter(|(_, c)| seps.contains(c)) {
        out.push((from, i));
        from = i + c.len_utf8();
    }
    out.push((from, s.len()));
    out
}

/// Trimmed of blanks at its start: the range of a piece's words.
pub(super) fn trimmed(s: &str, (a, b): (usize, usize)) -> (usize, usize) {
    let w = &s[a..b];
    (a + (w.len() - w.trim_start().len()), b)
}

fn semicolon_items(s: &str) -> Option<Vec<Span3>> {
    let chunks: Vec<(usize, usize)> = pieces(s, &[';', '；'])
        .into_iter()
        .map(|c| trimmed(s, c))
        .collect();
    if chunks.len() < 3 {
        return None;
    }
    // the first item: a chunk that opens with `要`, or one whose comma clause does
    let mut first = None;
    for (k, &(a, b)) in chunks.iter().enumerate() {
        let clauses = pieces(&s[a..b], &[',', '，']);
        let at = clauses.iter().find_map(|&c| {
            let (ca, cb) = trimmed(&s[a..b], c);
            modal_at(&s[a + ca..a + cb]).map(|m| a + ca + m)
        });
        if let Some(at) = at {
            first = Some((k, at));
            break;
        }
    }
    let (k, at) = first?;
    let rest = &chunks[k + 1..];
    let yao = '要'.len_utf8();
    let mut items: Vec<Span3> = vec![(at, at + yao, chunks[k].1)];
    let all_yao = rest
        .iter()
        .take_while(|&&(a, b)| opens_with_modal(&s[a..b]))
        .count();
    if all_yao >= 2 {
        items.extend(rest[..all_yao].iter().map(|&(a, b)| (a, a + yao, b)));
        return Some(items);
    }
    // clauses one `要` governs: written alike, short, each opening with a phrase of the
    // same length before a comma
    if rest.len() < 2 || rest.iter().any(|&(a, b)| opens_with_modal(&s[a..b])) {
        return None;
    }
    let opening = |a: usize, b: usize| -> Option<usize> {
        let w = &s[a..b];
        let cut = w.find([',', '，'])?;
        let n = w[..cut].chars().count();
        ((2..=8).contains(&n) && w.chars().count() <= 40).then_some(n)
    };
    let n = opening(at + yao, chunks[k].1)?;
    if rest.iter().all(|&(a, b)| opening(a, b) == Some(n)) {
        items.extend(rest.iter().map(|&(a, b)| (a, a, b)));
        return Some(items);
    }
    None
}

fn comma_items(s: &str) -> Option<Vec<Span3>> {
    let clauses: Vec<(usize, usize)> = pieces(s, &[',', '，', ';', '；'])
        .into_iter()
        .map(|c| trimmed(s, c))
        .collect();
    let mut starts: Vec<usize> = Vec::new();
    for &(a, b) in &clauses {
        let c = &s[a..b];
        if starts.is_empty() {
            if let Some(m) = modal_at(c) {
                starts.push(a + m);
            }
        } else if opens_with_modal(c) {
            starts.push(a);
        }
    }
    // two clauses make a list only after a word of speech in the sentence
    let spoken = starts
        .first()
        .is_some_and(|&f| TASK_SPEECH_WORDS.occurs_in(&s[..f]));
    if starts.len() < 3 && !(starts.len() == 2 && spoken) {
        return None;
    }
    let yao = '要'.len_utf8();
    let ends = starts[1..]
        .iter()
        .map(|&k| s[..k].trim_end_matches([',', '，', ';', '；', ' ']).len())
        .chain([s.len()]);
    Some(
        starts
            .iter()
            .zip(ends)
            .map(|(&k, e)| (k, k + yao, e))
            .collect(),
    )
}

fn anaphora_items(s: &str) -> Option<Vec<Span3>> {
    if !TASK_ANAPHORA_OPENERS.occurs_in(s) {
        return None;
    }
    let clauses: Vec<(usize, usize)> = pieces(s, &[',', '，', ';', '；'])
        .into_iter()
        .map(|c| trimmed(s, c))
        .collect();
    let opener = |&(a, b): &(usize, usize)| -> Option<&str> {
        let w = &s[a..b];
        let c = w.chars().next()?;
        TASK_ANAPHORA_OPENERS
            .starting_with(c)
            .iter()
            .map(|&(o, _)| o)
            .find(|o| w.starts_with(o))
    };
    // the longest run of clauses opening with one opener
    let (mut best, mut run_start) = ((0, 0), 0);
    for i in 0..clauses.len() {
        let same = i > 0
            && opener(&clauses[i]).is_some()
            && opener(&clauses[i]) == opener(&clauses[i - 1]);
        if !same {
            run_start = i;
        }
        if opener(&clauses[i]).is_some() && i + 1 - run_start > best.1 - best.0 {
            best = (run_start, i + 1);
        }
    }
    if best.1 - best.0 < 3 {
        return None;
    }
    // the clauses of work before the run, back to the sentence's start
    let mut from = best.0;
    while from > 0 && TASK_VERBS.starts(&s[clauses[from - 1].0..clauses[from - 1].1]) {
        from -= 1;
    }
    if from > 0 && from < best.0 {
        from = best.0;
    }
    Some(
        clauses[from..best.1]
            .iter()
            .map(|&(a, b)| {
                let w = &s[a..b];
                let e = w.find('…').unwrap_or(w.len());
                (a, a, a + e)
            })
            .collect(),
    )
}
