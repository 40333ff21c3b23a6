//! Lists written without ordinals: paragraphs that open alike after an introduction or a
//! named plan (`十项攻坚行动`), paragraphs that each open with a dash (`——…`), and parallel
//! clauses of one sentence that each open with `要`.

use super::*;
use crate::lexicon;
use crate::lexicon::tasks::{
    MODAL_YAO_WORDS, TASK_ANAPHORA_OPENERS, TASK_PLAN_NOUNS, TASK_SPEECH_WORDS, TASK_VERBS,
};
use crate::zh::han::is_han;
use regex::Regex;

/// A named plan with a count: `十项攻坚行动`, `“三大攻坚战”`; group `noun` is what it is a
/// plan of, the word its items end with.
static PLAN_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = lexicon::alternation(TASK_PLAN_NOUNS.words().iter().copied());
    Regex::new(&format!(
        r"(?:[一二三四五六七八九十两]+|\d+)(?:项|大|个|条|场)[\p{{Han}}“”\x22]{{0,8}}?(?P<noun>{nouns})"
    ))
    .unwrap()
});

/// The noun of the last named plan in `intro` (`十项攻坚行动` → `行动`), if any.
fn plan_noun(intro: &str) -> Option<String> {
    // every plan phrase ends in one of the nouns: most paragraphs hold none and are
    // passed over without running the pattern
    if !TASK_PLAN_NOUNS.occurs_in(intro) {
        return None;
    }
    // the last match, captured alone (the pattern looks at no context, so the match at
    // its start is found again)
    let last = PLAN_PHRASE.find_iter(intro).last()?;
    let c = PLAN_PHRASE.captures_at(intro, last.start())?;
    Some(c["noun"].to_string())
}

/// The opening clause of a paragraph (up to the first `,;。:`), when short enough to name
/// an item.
fn head_clause(text: &str) -> Option<&str> {
    let cut = clause_end(text);
    let head = text[..cut].trim();
    let n = head.chars().count();
    // a paragraph opening with an ordinal belongs to an ordinal list
    let opens_with_words =
        head.starts_with(|c: char| is_han(c) || c == '“') && ordinal_at(head).is_none();
    ((2..=30).contains(&n) && opens_with_words).then_some(head)
}

/// Byte offset of the first of `,，;；。:：!！` in `text`, or its length.
pub(super) fn clause_end(text: &str) -> usize {
    first_stop(text, b",;:!", &[0x8C, 0x9B, 0x9A, 0x81])
}

/// Whether two paragraph heads open alike: two leading Han characters in common
/// (`实施…`) or two trailing ones (`…行动`).
fn alike(a: &str, b: &str) -> bool {
    let pre = |s: &str| s.chars().take(2).collect::<String>();
    let suf = |s: &str| {
        let v: Vec<char> = s.chars().collect();
        v[v.len().saturating_sub(2)..].iter().collect::<String>()
    };
    let han = |s: &str| s.chars().count() == 2 && s.chars().all(is_han);
    (han(&pre(a)) && pre(a) == pre(b)) || (han(&suf(a)) && suf(a) == suf(b))
}

/// A short line without sentence punctuation: a heading rather than a body paragraph.
fn is_heading_line(s: &str) -> bool {
    s.chars().count() <= 30 && !s.contains(['。', ';', '；', ',', '，'])
}

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
fn pieces(s: &str, seps: &[char]) -> Vec<(usize, usize)> {
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
fn trimmed(s: &str, (a, b): (usize, usize)) -> (usize, usize) {
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

/// Lists of three or more consecutive paragraphs that each open with a dash
/// (`——坚定不移抓工业强县,…`), as work reports write their lines of work (and of
/// results: the tasks extractor weighs which).
pub fn dash_lists(text: &str, segments: &Segments) -> Vec<ItemList> {
    let body_of = |p: &crate::segment::Paragraph| {
        let t = &text[p.span.clone()];
        let rest = t.trim_start().trim_start_matches(['—', '－']);
        let dashes = t.trim_start().len() - rest.len();
        // a dash line that is a date or a subtitle (`——2025年1月9日在…`) is no item
        (dashes >= "—".len() && rest.starts_with(|c: char| !c.is_ascii_digit()))
            .then(|| p.span.start + (t.len() - rest.len()))
    };
    let mut lists = Vec::new();
    let mut run: Vec<Item> = Vec::new();
    let close = |run: &mut Vec<Item>, lists: &mut Vec<ItemList>| {
        if run.len() >= 3 {
            lists.push(ItemList {
                family: Family::Dash,
                items: std::mem::take(run),
            });
        }
        run.clear();
    };
    for (k, p) in segments.paragraphs.iter().enumerate() {
        match body_of(p) {
            Some(body) => run.push(Item {
                marker: Marker {
                    family: Family::Dash,
                    number: run.len() as u32 + 1,
                    start: p.span.start
                        + (text[p.span.clone()].len() - text[p.span.clone()].trim_start().len()),
                    body,
                    paragraph: k,
                },
                end: p.span.end,
            }),
            None => close(&mut run, &mut lists),
        }
    }
    close(&mut run, &mut lists);
    lists
}

/// Lists written as paragraphs without ordinals: after a paragraph that introduces them
/// (ending in `——` or `:`, or naming a plan `十项攻坚行动`), three or more paragraphs
/// whose opening clauses open or end alike (and, after a named plan only, end in the
/// plan's noun). Items are either consecutive paragraphs or short heading lines each
/// followed by body paragraphs.
pub fn paragraph_lists(text: &str, segments: &Segments) -> Vec<ItemList> {
    let paras = &segments.paragraphs;
    let mut lists = Vec::new();
    let mut p = 0;
    while p + 1 < paras.len() {
        let intro = text[paras[p].span.clone()].trim_end();
        let by_punctuation = intro.ends_with(['—', ':', '：']);
        // after a named plan only, every item must name the plan's noun (punctuation
        // introduces a list whatever the words)
        let first = text[paras[p + 1].span.clone()].trim();
        // the next paragraph's head first: it is cheaper to read than the plan noun, and
        // most paragraphs open with none
        let first_head = head_clause(first);
        // and an item after a named plan names its noun: a head naming no plan noun at
        // all spares the search of the introduction
        let may_name_noun = first_head.is_some_and(|h| TASK_PLAN_NOUNS.occurs_in(h));
        let noun = (!by_punctuation && may_name_noun)
            .then(|| plan_noun(intro))
            .flatten();
        let names_noun = |h: &str| by_punctuation || noun.as_deref().is_some_and(|n| h.contains(n));
        let head = (by_punctuation || noun.is_some())
            .then_some(first_head)
            .flatten()
            .filter(|h| names_noun(h));
        let Some(head) = head else {
            p += 1;
            continue;
        };
        // a bare heading line, its body in the paragraphs after it
        let headings = head.len() == first.trim_end_matches(['。', ';', '；']).len();
        let mut chosen = vec![p + 1];
        let mut skipped = 0;
        for (q, para) in paras.iter().enumerate().skip(p + 2) {
            let body = text[para.span.clone()].trim();
            let item = head_clause(body)
                .filter(|h| alike(head, h) && names_noun(h))
                .filter(|h| !headings || h.len() == body.trim_end_matches(['。', ';', '；']).len());
            match item {
                Some(_) => {
                    chosen.push(q);
                    skipped = 0;
                }
                // a body paragraph under a heading line
                None if headings && skipped < 6 && !is_heading_line(body) => skipped += 1,
                None => break,
            }
        }
        if chosen.len() < 3 {
            p += 1;
            continue;
        }
        let items = chosen
            .iter()
            .enumerate()
            .map(|(i, &q)| {
                let span = paras[q].span.clone();
                let m = Marker {
                    family: Family::Paragraph,
                    number: i as u32 + 1,
                    start: span.start,
                    body: span.start,
                    paragraph: q,
                };
                Item {
                    marker: m,
                    end: span.end,
                }
            })
            .collect();
        p = *chosen.last().unwrap() + 1;
        lists.push(ItemList {
            family: Family::Paragraph,
            items,
        });
    }
    lists
}

/// The aspects a sentence counts out, `从甲,乙,丙等三个方面作了部署` (or `从甲;乙;丙三个方面`):
/// the words between `从` and the count, split at `;` where that gives as many items as
/// the count says, else at commas; a split that does not give the count is no list.
pub fn aspect_lists(text: &str, segments: &Segments) -> Vec<ItemList> {
    static COUNT: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("个方面".as_bytes()));
    static COUNTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"等?([二三四五六七八九十两]|\d{1,2})个方面").unwrap());
    let mut lists = Vec::new();
    if COUNT.find(text.as_bytes()).is_none() {
        return lists;
    }
    for sentence in &segments.sentences {
        let s = &text[sentence.span.clone()];
        if COUNT.find(s.as_bytes()).is_none() {
            continue;
        }
        for c in COUNTED.captures_iter(s) {
            let count = &c[1];
            let Some(n) = cn_number(count)
                .or_else(|| (count == "两").then_some(2))
                .or_else(|| count.parse().ok())
            else {
                continue;
            };
            let stop = c.get(0).unwrap().start();
            // the `从` that opens the aspects: the nearest one before the count whose words
            // split into as many pieces as it says (an aspect may hold `从严`)
            let split = s[..stop]
                .rmatch_indices('从')
                .map(|(i, w)| i + w.len())
                .filter(|&from| s[from..stop].chars().count() >= 4)
                .find_map(|from| {
                    let words = &s[from..stop];
                    [&[';', '；'][..], &[',', '，'][..]]
                        .into_iter()
                        .map(|seps| pieces(words, seps))
                        .find(|p| p.len() as u32 == n && n >= 2 && p.iter().all(|&(a, b)| b > a))
                        .map(|p| (from, p))
                });
            let Some((from, split)) = split else { continue };
            let base = sentence.span.start + from;
            let items = split
                .iter()
                .enumerate()
                .map(|(k, &(a, b))| Item {
                    marker: Marker {
                        family: Family::Aspect,
                        number: k as u32 + 1,
                        start: base + a,
                        body: base + a,
                        paragraph: sentence.paragraph,
                    },
                    end: base + b,
                })
                .collect();
            lists.push(ItemList {
                family: Family::Aspect,
                items,
            });
        }
    }
    lists
}

/// Whether `c` is a bullet that opens an item (`★`, `●`, `◆`, …).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '★' | '☆'
            | '●'
            | '○'
            | '◆'
            | '◇'
            | '■'
            | '□'
            | '▲'
            | '△'
            | '►'
            | '▶'
            | '◎'
            | '•'
    )
}

/// Lists of two or more items that each open with a bullet, in one paragraph
/// (`…部署:★ 要强化…;★ 要推进…`) or in paragraphs one after another: an item runs to
/// the next bullet or the end of its paragraph.
pub fn bullet_lists(text: &str, segments: &Segments) -> Vec<ItemList> {
    let mut lists = Vec::new();
    // most texts hold no bullet: one pass over the chars tells
    if !text.chars().any(is_bullet) {
        return lists;
    }
    let mut run: Vec<Item> = Vec::new();
    let close = |run: &mut Vec<Item>, lists: &mut Vec<ItemList>| {
        if run.len() >= 2 {
            lists.push(ItemList {
                family: Family::Dash,
                items: std::mem::take(run),
            });
        }
        run.clear();
    };
    for (k, p) in segments.paragraphs.iter().enumerate() {
        let t = &text[p.span.clone()];
        let bullets: Vec<usize> = t
            .char_indices()
            .filter(|&(i, c)| is_bullet(c) && t[..i].chars().next_back().is_none_or(is_boundary))
            .map(|(i, _)| i)
            .collect();
        if bullets.is_empty() {
            close(&mut run, &mut lists);
            continue;
        }
        if !t[..bullets[0]].trim().is_empty() {
            // words before the first bullet: a new list begins here
            close(&mut run, &mut lists);
        }
        for (j, &b) in bullets.iter().enumerate() {
            let after = b + t[b..].chars().next().map_or(0, char::len_utf8);
            let end = bullets.get(j + 1).copied().unwrap_or(t.len());
            let words = &t[after..end];
            let lead = words.len() - words.trim_start().len();
            let item_end = after
                + words
                    .trim_end_matches([';', '；', '。', ' ', '\u{3000}'])
                    .len();
            run.push(Item {
                marker: Marker {
                    family: Family::Dash,
                    number: run.len() as u32 + 1,
                    start: p.span.start + b,
                    body: p.span.start + after + lead,
                    paragraph: k,
                },
                end: p.span.start + item_end.max(after + lead),
            });
        }
    }
    close(&mut run, &mut lists);
    lists
}
