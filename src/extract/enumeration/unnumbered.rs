//! Lists written without ordinals: paragraphs that open alike after an introduction or a
//! named plan (`十项攻坚行动`), paragraphs that each open with a dash (`——…`) or a bullet,
//! and the aspects a sentence counts out. Parallel clauses of one sentence: [`super::parallel`].

use super::parallel::pieces;
use super::*;
use crate::lexicon;
use crate::lexicon::tasks::TASK_PLAN_NOUNS;
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
