//! Lists written without ordinals: paragraphs that open alike after an introduction or a
//! named plan (`十项攻坚行动`), paragraphs that each open with a dash (`——…`), and parallel
//! clauses of one sentence that each open with `要`.

use super::*;

const PLAN_NOUNS: &str = include_str!("../../../data/lexicon/task_plan_nouns.txt");

/// A named plan with a count: `十项攻坚行动`, `“三大攻坚战”`; group `noun` is what it is a
/// plan of, the word its items end with.
static PLAN_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = lexicon::alternation(PLAN_NOUNS);
    Regex::new(&format!(
        r"(?:[一二三四五六七八九十两]+|\d+)(?:项|大|个|条|场)[\p{{Han}}“”\x22]{{0,8}}?(?P<noun>{nouns})"
    ))
    .unwrap()
});

/// The plan nouns by last char, to tell cheaply whether a short head names one.
static PLAN_NOUN_WORDS: LazyLock<WordsByChar> =
    LazyLock::new(|| WordsByChar::by_last(lexicon::entries(PLAN_NOUNS)));

/// The noun of the last named plan in `intro` (`十项攻坚行动` → `行动`), if any.
fn plan_noun(intro: &str) -> Option<String> {
    // every plan phrase ends in one of the nouns: most paragraphs hold none and are
    // passed over without running the pattern
    static NOUNS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        // leftmost-first, so the search runs on a SIMD literal searcher
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(lexicon::entries(PLAN_NOUNS))
            .expect("plan noun automaton")
    });
    if !NOUNS.is_match(intro) {
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

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Lists written as parallel clauses of one sentence, each opening with `要` and joined
/// by `;` (`要聚焦…;要紧盯…;要扎实开展…`): three or more such clauses make a list, its
/// first item maybe after a lead-in (`当前…关键阶段,要聚焦…`).
pub fn parallel_lists(text: &str, segments: &Segments) -> Vec<ItemList> {
    const OPENER: &str = "要";
    // searchers built once: a searcher built per sentence costs more than its search
    static FULL_SEMICOLON: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("；".as_bytes()));
    static YAO: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(OPENER.as_bytes()));
    // `要求`, `要素`: words, not the modal verb opening an item
    let opens_item = |rest: &str| {
        rest.starts_with(OPENER)
            && !["要求", "要素", "要点", "要闻", "要件", "要害", "要务"]
                .iter()
                .any(|w| rest.starts_with(w))
    };
    let mut lists = Vec::new();
    // the semicolons of the whole text, found once, in order
    let all = text.as_bytes();
    let mut semicolons: Vec<usize> = memchr::memchr_iter(b';', all)
        .chain(FULL_SEMICOLON.find_iter(all))
        .collect();
    if semicolons.len() < 2 {
        return lists;
    }
    semicolons.sort_unstable();
    for sentence in &segments.sentences {
        let s = &text[sentence.span.clone()];
        let b = s.as_bytes();
        // at least two semicolons and a `要`
        let first = semicolons.partition_point(|&i| i < sentence.span.start);
        let inside = semicolons[first..]
            .iter()
            .take_while(|&&i| i < sentence.span.end)
            .count();
        if inside < 2 || YAO.find(b).is_none() {
            continue;
        }
        // the semicolons' offsets and lengths, in order, then the sentence's end
        let mut cuts: Vec<(usize, usize)> = memchr::memchr_iter(b';', b)
            .map(|i| (i, 1))
            .chain(FULL_SEMICOLON.find_iter(b).map(|i| (i, "；".len())))
            .collect();
        cuts.sort_unstable();
        cuts.push((s.len(), 0));
        let mut starts: Vec<usize> = Vec::new();
        let mut clause_start = 0;
        for (i, cut_len) in cuts {
            let clause = &s[clause_start..i];
            let lead = clause.trim_start();
            let at = clause_start + (clause.len() - lead.len());
            if opens_item(lead) {
                starts.push(at);
            } else if starts.is_empty() {
                // the first item may follow a lead-in clause: `…阶段,要聚焦…`
                let first = lead
                    .char_indices()
                    .filter(|&(_, c)| matches!(c, ',' | '，'))
                    .map(|(k, c)| k + c.len_utf8())
                    .find(|&k| opens_item(&lead[k..]));
                match first {
                    Some(k) => starts.push(at + k),
                    None => {
                        clause_start = i + cut_len;
                        continue;
                    }
                }
            } else {
                break;
            }
            clause_start = i + cut_len;
        }
        if starts.len() < 3 {
            continue;
        }
        let base = sentence.span.start;
        let ends: Vec<usize> = starts[1..]
            .iter()
            .map(|&k| base + s[..k].trim_end_matches(['；', ';', ' ']).len())
            .chain([sentence.span.end])
            .collect();
        let items = starts
            .iter()
            .zip(ends)
            .enumerate()
            .map(|(n, (&k, end))| Item {
                marker: Marker {
                    family: Family::Parallel,
                    number: n as u32 + 1,
                    start: base + k,
                    body: base + k + OPENER.len(),
                    paragraph: sentence.paragraph,
                },
                end,
            })
            .collect();
        lists.push(ItemList {
            family: Family::Parallel,
            items,
        });
    }
    lists
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
        let may_name_noun = first_head.is_some_and(|h| PLAN_NOUN_WORDS.occurs_in(h));
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
