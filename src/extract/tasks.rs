//! Tasks: the qualitative work items a report sets for the time ahead, one per enumerated
//! item (`一是…`, `一要…`, `(一)…`, `第一,…`, `1.…`, the paragraphs of a named plan).
//!
//! Reports enumerate past results just as often as future work, so every list found by
//! [`enumeration`](super::enumeration) is weighed before its items are kept: the words
//! just before it (`重点抓好以下方面:` against `一年来…取得成效`), the heading of its
//! section, the list it is nested in, and its items themselves (a verb of work to do,
//! `强化…`, against a result reached, `经济发展迎来新气象`, `同比增长`). A task's year is
//! the plan year the text gives near the list, else the year the report plans for; its
//! `by` is the official named last before the list (a `他指出` refers back to them).

use super::enumeration::{self, Family, Item, ItemList};
use super::{dates, Context, Extractor};
use crate::lexicon::tasks::{
    MODAL_YAO_WORDS, SUMMARY_PART_PERIODS, TASK_CUES, TASK_FIGURE_UNITS, TASK_META_HEADINGS,
    TASK_RESULTS, TASK_TARGET_LEADS, TASK_TARGET_WORDS, TASK_VERBS, TASK_VERB_LEADS,
};
use crate::lexicon::{self, WordSet};
use crate::limits::{Cut, MAX_LISTS, MAX_SENTENCE_BYTES};
use crate::model::{Report, Task};
use regex::Regex;
use std::sync::LazyLock;

pub struct Tasks;

impl Extractor for Tasks {
    fn name(&self) -> &'static str {
        "tasks"
    }

    fn extract(&self, cx: &Context, report: &mut Report) {
        let text = cx.text;
        let (mut lists, lone) = enumeration::ordinal_lists_and_lone_items(text, &cx.segments);
        lists.extend(enumeration::paragraph_lists(text, &cx.segments));
        lists.extend(enumeration::parallel_lists(text, &cx.segments));
        lists.extend(enumeration::dash_lists(text, &cx.segments));
        lists.extend(enumeration::bullet_lists(text, &cx.segments));
        lists.extend(enumeration::aspect_lists(text, &cx.segments));
        lists.extend(lone.into_iter().filter(|l| lone_item_stands(cx, l)));
        if lists.is_empty() {
            return;
        }
        lists.sort_by_key(ItemList::start);
        if lists.len() > MAX_LISTS {
            // each list is weighed against the words around it: no real report holds
            // this many, and a page of 100,000 `一是…二是…` would cost minutes
            cx.note_cut(Cut::Lists {
                count: lists.len(),
                read: MAX_LISTS,
            });
            lists.truncate(MAX_LISTS);
        }
        let default_year = plan_year(cx);
        let zone = report.zones.first().map(|z| z.name.clone());
        let mut names: Vec<&str> = report.officials.iter().map(|o| o.name.as_str()).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        // per list: Some(forward?) or None for a list that is document structure
        let headings = SectionHeadings::of(cx);
        let mut verdicts: Vec<Option<bool>> = Vec::with_capacity(lists.len());
        let mut tasks: Vec<(usize, Task)> = Vec::new();
        // (year, text) of the tasks kept: one task is kept once
        let mut kept: std::collections::HashSet<(Option<i32>, String)> = Default::default();
        let mut heads: Vec<&str> = Vec::new();
        for (i, list) in lists.iter().enumerate() {
            if sub_items(&lists, list) {
                verdicts.push(None);
                continue;
            }
            let parent = parent_of(&lists[..i], list, cx).and_then(|p| verdicts[p]);
            heads.clear();
            heads.extend(
                list.items
                    .iter()
                    .map(|it| enumeration::headline(text, it, MAX_HEADLINE_CHARS)),
            );
            let near = introduction(cx, list);
            let heading = headings.above(cx, list);
            let verdict = judge(text, list, &heads, parent, default_year, near, heading);
            verdicts.push(verdict);
            if verdict != Some(true) {
                continue;
            }
            let year = list_year(cx, list, default_year, near);
            let by = setter(cx, list, &names);
            for (item, head) in list.items.iter().zip(&heads) {
                let head = &without_modal(head);
                let seen = kept.contains(&(year, head.to_string()));
                if seen || !worth_keeping(head) || states_targets(head) {
                    continue;
                }
                kept.insert((year, head.to_string()));
                let task = Task {
                    zone: zone.clone(),
                    year,
                    by: by.clone(),
                    text: head.to_string(),
                    evidence: cx.sentence_at(item.marker.start).map(|s| cx.evidence(s)),
                };
                tasks.push((item.marker.start, task));
            }
        }
        // nested lists were judged after their parents: put items back in reading order
        tasks.sort_by_key(|(at, _)| *at);
        report.tasks.extend(tasks.into_iter().map(|(_, t)| t));
    }
}

/// Whether a list of clauses stands inside an item of an inline ordinal list, between its
/// first and last ordinals (`二是抓项目。要分析指标;要化解瓶颈;要深入一线。三是…`): the
/// clauses spell out that item rather than set tasks of their own.
fn sub_items(lists: &[ItemList], list: &ItemList) -> bool {
    matches!(
        list.family,
        Family::Parallel | Family::Anaphora | Family::Aspect | Family::Dash
    ) && lists.iter().any(|o| {
        matches!(
            o.family,
            Family::Shi | Family::Yao | Family::Di | Family::Sequence
        ) && o.items.len() >= 2
            && o.start() < list.start()
            && list.start() < o.items[o.items.len() - 1].marker.start
    })
}

/// Words that announce a list: `抓好以下七个方面重点工作`, `提出三点要求`, `如下`.
static ANNOUNCES_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"以下|如下|[二三四五六七八九十两几\d]+(?:个方面|方面|点|项|条)").unwrap()
});

/// Whether a lone first item (`(一)…` no `(二)` follows) is kept: where the words before
/// it announce a list, or the text breaks off mid-sentence in its paragraph, and
/// nothing in those words looks back (`重点开展了以下工作:`).
fn lone_item_stands(cx: &Context, list: &ItemList) -> bool {
    let item = &list.items[0].marker;
    let family_ok = matches!(
        list.family,
        Family::ParenCn | Family::Shi | Family::Yao | Family::Di | Family::Arabic
    );
    if !family_ok {
        return false;
    }
    let near = introduction(cx, list);
    // the cheap tests first: a document may hold thousands of lone items
    (ANNOUNCES_LIST.is_match(near) || cut_off_in(cx, item.paragraph))
        && CONTEXT_CUES.count(near).1 == 0
}

/// Whether the text breaks off in paragraph `p`: it is the last, and its last sentence
/// has no closing mark (a page cut off mid-sentence).
fn cut_off_in(cx: &Context, p: usize) -> bool {
    let paras = &cx.segments.paragraphs;
    p + 1 == paras.len()
        && !cx.text[paras[p].span.clone()]
            .trim_end()
            .ends_with(['。', '！', '？', '!', '?', '”', '"', '…', '）', ')'])
}

/// Longer headlines are cut at a comma: the gist is in the opening clauses.
const MAX_HEADLINE_CHARS: usize = 100;

/// What a word of the cue lists says about the time a list speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Future,
    Past,
    /// Counts twice: `以来`, `一年来` leave no doubt the list looks back.
    StrongPast,
    /// A longer word that only contains a cue (`主要` is not `要`).
    Neutral,
}

/// A set of cue words matched longest-first, so neutral words swallow the cues inside them.
struct Cues {
    /// The words, searched as a leftmost-longest automaton would (cheaper on the short
    /// clauses read here, where an automaton's set-up dominates).
    words: WordSet,
    kinds: Vec<Cue>,
}

impl Cues {
    /// The lists in order: of a word listed twice, the first place counts.
    fn new(lists: &[(&[&'static str], Cue)]) -> Cues {
        let mut words = Vec::new();
        let mut kinds = Vec::new();
        for &(list, kind) in lists {
            for &w in list {
                words.push(w);
                kinds.push(kind);
            }
        }
        Cues {
            words: WordSet::new(words),
            kinds,
        }
    }

    /// (future, past) cue counts in `s`.
    fn count(&self, s: &str) -> (i32, i32) {
        let (mut future, mut past) = (0, 0);
        for (_, id) in self.words.find_all(s) {
            match self.kinds[id] {
                Cue::Future => future += 1,
                Cue::Past => past += 1,
                Cue::StrongPast => past += 2,
                Cue::Neutral => {}
            }
        }
        (future, past)
    }
}

/// Cues in the words that introduce a list or head its section.
static CONTEXT_CUES: LazyLock<Cues> = LazyLock::new(|| {
    let cues = &*TASK_CUES;
    Cues::new(&[
        (&cues.future, Cue::Future),
        (&cues.past, Cue::Past),
        (&cues.past_strong, Cue::StrongPast),
        (&cues.neutral, Cue::Neutral),
    ])
});

/// Marks of work already done inside an item.
static DONE_MARKS: LazyLock<Cues> = LazyLock::new(|| {
    let cues = &*TASK_CUES;
    Cues::new(&[
        (&cues.done_marks, Cue::Past),
        (&cues.past_strong, Cue::StrongPast),
        (&cues.neutral, Cue::Neutral),
    ])
});

/// The words [`DONE_MARKS`] counts as past, alone: where none occurs, none is counted
/// (the neutral words only hide marks, never add one).
static PAST_MARKS: LazyLock<WordSet> = LazyLock::new(|| {
    let cues = &*TASK_CUES;
    WordSet::new(cues.done_marks.iter().chain(&cues.past_strong).copied())
});

/// An item that opens with who must act: `各部门要…`, `全区上下必须…`.
static SUBJECT_MUST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^,，;；。:：要]{0,9}?[^,，;；。:：要主重需只不纪摘](?:要|必须|务必)[^素点求]")
        .unwrap()
});

/// Whether a heading names a document part rather than a work item (`一、工作回顾`,
/// `二、2024年工作安排`).
fn is_meta_heading(h: &str) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:19|20)\d\d\s*年").unwrap());
    TASK_META_HEADINGS.occurs_in(h) || YEAR.is_match(h)
}

/// A figure stated as reached: a number with a unit, where no word makes it a target
/// ([`TASK_TARGET_WORDS`]).
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    let units = lexicon::alternation(TASK_FIGURE_UNITS.iter().copied());
    Regex::new(&format!(r"\d+(?:\.\d+)?\s*(?:{units})")).unwrap()
});

/// How an item reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemSense {
    Work,
    Result,
    Unclear,
}

/// How an item reads, from its headline and the rest of its words (`body`): a headline
/// of work to do whose body reports figures reached or work done (`一是强化招商。全年签约
/// 项目35个`) tells of the past year rather than sets work.
fn item_sense(head: &str, body: &str) -> ItemSense {
    let opens_with_work = (opens_with_work_verb(head) && !head.starts_with("要素"))
        || ((head.contains('要') || head.contains('必')) && SUBJECT_MUST.is_match(head));
    if reports_done(head) || (!opens_with_work && TASK_RESULTS.occurs_in(head)) {
        return ItemSense::Result;
    }
    if opens_with_work && !body_reports_done(body) {
        ItemSense::Work
    } else {
        ItemSense::Unclear
    }
}

/// Whether one of the first [`BODY_SENTENCES`] sentences of `body` reports something done.
fn body_reports_done(body: &str) -> bool {
    let read = match body
        .match_indices(['。', ';', '；'])
        .nth(BODY_SENTENCES - 1)
    {
        Some((at, _)) => &body[..at],
        None => body,
    };
    // no sentence of the part read can report anything done when the whole of it holds
    // neither a mark of work done nor a digit (no mark holds a separator)
    if !may_hold_digit(read) && !PAST_MARKS.occurs_in(read) {
        return false;
    }
    read.split(['。', ';', '；']).any(reports_done)
}

/// Whether `head` opens with a verb of work to do, after an optional `要` `是要` `需要`
/// or the `关于` of a minutes' heading (`二、关于加快…`) (the pattern
/// `^(?:要|是要|需要|关于)?(?:verbs)`, read by first char).
fn opens_with_work_verb(head: &str) -> bool {
    let leads = TASK_VERB_LEADS.words().iter();
    std::iter::once(&"").chain(leads).any(|lead| {
        head.strip_prefix(lead)
            .is_some_and(|rest| TASK_VERBS.starts(rest))
    })
}

/// How many sentences of an item's body are read for reports of work done.
const BODY_SENTENCES: usize = 4;

/// Whether a clause reports something done: a mark of completion, or a figure no target
/// word makes a goal.
fn reports_done(clause: &str) -> bool {
    (PAST_MARKS.occurs_in(clause) && DONE_MARKS.count(clause).1 > 0)
        || (may_hold_digit(clause)
            && FIGURE.is_match(clause)
            && !TASK_TARGET_WORDS.occurs_in(clause))
}

/// Whether `s` may hold a digit (`\d`, any Unicode decimal digit), which [`FIGURE`]
/// needs: most clauses hold none. One pass over the bytes, without branches, finds ASCII
/// digits and the lead bytes of chars that are neither ASCII nor Han (a lead byte
/// 0xE4..=0xE9 opens U+4000..U+9FFF, where no digit is); only those chars are decoded.
fn may_hold_digit(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (digit, other) = bytes.iter().fold((false, false), |(digit, other), &b| {
        (
            digit | b.is_ascii_digit(),
            other | (b >= 0xC0 && !(0xE4..=0xE9).contains(&b)),
        )
    });
    if digit {
        return true;
    }
    other
        && bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b >= 0xC0 && !(0xE4..=0xE9).contains(&b))
            .any(|(i, _)| s[i..].chars().next().is_some_and(char::is_numeric))
}

/// Whether a list sets work for the time ahead (`Some(true)`), tells what was done or is
/// (`Some(false)`), or only structures the document (`None`: `一、工作回顾 二、工作安排`).
fn judge(
    text: &str,
    list: &ItemList,
    heads: &[&str],
    parent: Option<bool>,
    default_year: Option<i32>,
    near: &str,
    heading: Option<&str>,
) -> Option<bool> {
    let n = heads.len() as f32;
    let senses: Vec<ItemSense> = list
        .items
        .iter()
        .zip(heads)
        .map(|(item, head)| {
            let words = &text[item.marker.body..item.end.max(item.marker.body)];
            item_sense(head, words.get(head.len()..).unwrap_or(""))
        })
        .collect();
    let work = senses.iter().filter(|&&s| s == ItemSense::Work).count() as f32;
    let done = senses.iter().filter(|&&s| s == ItemSense::Result).count() as f32;
    // headings that name document parts (`一、工作回顾`, `(二)主要任务`) are structure
    // (items inside running text are clauses, never part names)
    let meta = |(h, s): (&&str, &ItemSense)| {
        *s != ItemSense::Work && !list.family.is_inline() && is_meta_heading(h)
    };
    let metas = heads.iter().zip(&senses).filter(|&p| meta(p)).count() as f32;
    match list.family {
        // paragraphs without ordinals are a list only when they read as work to do, and
        // so are `一、` headings: `一、综合` `二、工业` head the parts of a bulletin
        Family::Paragraph | Family::Dash if work * 2.0 < n => return Some(false),
        Family::HeadCn if metas == 0.0 && work * 2.0 < n => return None,
        Family::HeadCn if metas > 0.0 => return None,
        _ if metas * 2.0 > n => return None,
        _ => {}
    }
    let (mut future, mut past) = CONTEXT_CUES.count(near);
    let years: Vec<i32> = plan_years(near).collect();
    if let Some(base) = default_year {
        if years.iter().any(|&y| y >= base) {
            future += 1;
        } else if !years.is_empty() {
            past += 2;
        }
    }
    let mut score = (future - past).clamp(-3, 3) as f32;
    if matches!(list.family, Family::Yao | Family::Parallel | Family::Aspect) {
        score += 2.0; // `一要…二要…`, `要…;要…` are directives by their very form
    }
    score += match parent {
        Some(true) => 2.0,
        Some(false) => -2.0,
        None => 0.0,
    };
    if list.family == Family::Aspect {
        // `从甲,乙等三个方面,对下一步工作作了部署`: the words after the aspects tell
        let last = list.items[list.items.len() - 1].end;
        let tail = &text[last..];
        let tail = &tail[..tail.find('。').unwrap_or(tail.len())];
        let (f, p) = CONTEXT_CUES.count(tail);
        score += (f - p).clamp(-2, 2) as f32;
    }
    if list.family != Family::HeadCn {
        if let Some(heading) = heading {
            let (mut f, mut p) = CONTEXT_CUES.count(heading);
            // `一、2023年计划执行情况` in a report on 2024 looks back
            if let Some(base) = default_year {
                let years = plan_years(heading);
                let (later, earlier) =
                    years.fold(
                        (0, 0),
                        |(l, e), y| {
                            if y >= base {
                                (l + 1, e)
                            } else {
                                (l, e + 1)
                            }
                        },
                    );
                if later > 0 {
                    f += 1;
                } else if earlier > 0 {
                    p += 1;
                }
            }
            score += 2.0 * (f - p).signum() as f32;
        }
    }
    score += 2.0 * (work - done) / n;
    Some(score > 0.0)
}

/// The words just before a list: the last two sentences before its first ordinal in its
/// paragraph, or the last two of the paragraph before when the list opens its paragraph.
fn introduction<'a>(cx: &Context<'a>, list: &ItemList) -> &'a str {
    let first = &list.items[0].marker;
    let paras = &cx.segments.paragraphs;
    let before = &cx.text[paras[first.paragraph].span.start..first.start];
    if before.trim().chars().nth(1).is_some() || first.paragraph == 0 {
        return last_sentences(two_sentences_at_most(before), 2);
    }
    last_sentences(
        two_sentences_at_most(&cx.text[paras[first.paragraph - 1].span.clone()]),
        2,
    )
}

/// The end of `s` that two sentences can span: a sentence longer than
/// [`MAX_SENTENCE_BYTES`] is read in pieces of that length. (A list item in a paragraph
/// of 100,000 items looks back this far, not to the paragraph's start.)
fn two_sentences_at_most(s: &str) -> &str {
    let mut start = s.len().saturating_sub(2 * MAX_SENTENCE_BYTES);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The last `n` sentences of `s` (a trailing unfinished one counts).
fn last_sentences(s: &str, n: usize) -> &str {
    let body = s
        .trim_end_matches(['。', '!', '！', '?', '？', ' '])
        .as_bytes();
    // read byte by byte from the end: `。` is E3 80 82, `！` EF BC 81, `？` EF BC 9F, and
    // in valid UTF-8 those three bytes can only be that char
    let mut seen = 0;
    for end in (1..=body.len()).rev() {
        let ends_sentence = match body[end - 1] {
            b'!' | b'?' => true,
            0x82 => body[..end - 1].ends_with(&[0xE3, 0x80]),
            0x81 | 0x9F => body[..end - 1].ends_with(&[0xEF, 0xBC]),
            _ => false,
        };
        if ends_sentence {
            seen += 1;
            if seen == n {
                return &s[end..];
            }
        }
    }
    s
}

/// Whether `t` opens with a `一、` heading ordinal: blanks, one to three Chinese numerals
/// and `、` `.` `．` (the pattern `^\s*[一二三四五六七八九十]{1,3}[、.．]`, read by hand:
/// it is tried on paragraph after paragraph).
fn is_section_heading(t: &str) -> bool {
    let mut chars = t.trim_start().chars();
    let mut numerals = 0;
    for c in chars.by_ref() {
        if crate::zh::numerals::is_ordinal_numeral(c) {
            numerals += 1;
            continue;
        }
        return (1..=3).contains(&numerals) && matches!(c, '、' | '.' | '．');
    }
    false
}

/// The `一、` heading lines of a document, read once for all its lists.
struct SectionHeadings {
    /// Indices of the paragraphs that are heading lines, in order.
    paragraphs: Vec<usize>,
}

impl SectionHeadings {
    fn of(cx: &Context) -> SectionHeadings {
        let paragraphs = cx
            .segments
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| is_section_heading(&cx.text[p.span.clone()]))
            .map(|(i, _)| i)
            .collect();
        SectionHeadings { paragraphs }
    }

    /// The nearest `一、` heading line above a list, if any.
    fn above<'a>(&self, cx: &Context<'a>, list: &ItemList) -> Option<&'a str> {
        let first = list.items[0].marker.paragraph;
        let before = self.paragraphs.partition_point(|&p| p < first);
        let p = *self.paragraphs[..before].last()?;
        let t = &cx.text[cx.segments.paragraphs[p].span.clone()];
        Some(t.split('。').next().unwrap_or(t))
    }
}

/// How deep an ordinal family nests: headings enclose `(一)`, which enclose `1.`, which
/// enclose `一是`.
fn depth(family: Family) -> u8 {
    match family {
        Family::HeadCn => 0,
        Family::ParenCn | Family::Paragraph | Family::Dash => 1,
        Family::Di | Family::Arabic => 2,
        Family::ParenArabic | Family::Circled => 3,
        Family::Shi
        | Family::Yao
        | Family::Sequence
        | Family::Parallel
        | Family::Aspect
        | Family::Anaphora => 4,
    }
}

/// The earlier list one of whose items encloses `list`, innermost first.
fn parent_of(earlier: &[ItemList], list: &ItemList, cx: &Context) -> Option<usize> {
    let at = list.start();
    let mut best: Option<(usize, usize)> = None; // (list index, item start)
    for (k, outer) in earlier.iter().enumerate() {
        if depth(outer.family) >= depth(list.family) {
            continue;
        }
        for (j, item) in outer.items.iter().enumerate() {
            let end = item_extent(outer, j, cx);
            if item.marker.start < at && at < end && best.is_none_or(|(_, s)| item.marker.start > s)
            {
                best = Some((k, item.marker.start));
            }
        }
    }
    best.map(|(k, _)| k)
}

/// Where the text an item governs ends: at the next item of its list; the last item of a
/// paragraph list governs up to five paragraphs more, or to the next paragraph that opens
/// with an ordinal of its depth or shallower.
fn item_extent(list: &ItemList, j: usize, cx: &Context) -> usize {
    if let Some(next) = list.items.get(j + 1) {
        return next.marker.start;
    }
    let item: &Item = &list.items[j];
    let paras = &cx.segments.paragraphs;
    if list.family.is_inline() {
        return item.end;
    }
    let last = (item.marker.paragraph + 5).min(paras.len() - 1);
    let following = &paras[item.marker.paragraph + 1..=last];
    for para in following {
        let t = &cx.text[para.span.clone()];
        if is_section_heading(t) || opens_with_same_family(t, list.family) {
            return para.span.start;
        }
    }
    paras[last].span.end
}

fn opens_with_same_family(t: &str, family: Family) -> bool {
    static PAREN_CN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*[(（][一二三四五六七八九十]{1,3}[)）]").unwrap());
    static ARABIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\d{1,2}[.．、]\D").unwrap());
    match family {
        Family::ParenCn => PAREN_CN.is_match(t),
        Family::Arabic => ARABIC.is_match(t) || PAREN_CN.is_match(t),
        Family::Di => t.trim_start().starts_with('第') || PAREN_CN.is_match(t),
        _ => false,
    }
}

/// Years in `s` that a plan is for: `2024年`, not a horizon (`到2035年`, `至2030年`) nor
/// the start of a period looked back on (`2023年以来`).
fn plan_years(s: &str) -> impl Iterator<Item = i32> + '_ {
    dates::year_mentions(s).filter_map(move |(at, y)| {
        let before = &s[..at];
        let after = &s[at + 4..];
        let after = after.trim_start_matches(['年', '度', ' ']);
        let horizon = before.ends_with('到') || before.ends_with('至') || before.ends_with("到了");
        (!horizon && !after.starts_with("以来")).then_some(y)
    })
}

static SUMMARY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年度?([^。\n,，;；]{0,16}?)总结").unwrap());

/// The year the report plans for when a list does not say: the report's year, or the year
/// after the one it sums up (a `2023年度…总结` meeting plans for 2024).
fn plan_year(cx: &Context) -> Option<i32> {
    // every match ends in `总结`: most reports have none, and one search tells
    let summary = cx.text.contains("总结");
    let summed_up = SUMMARY_YEAR
        .captures_iter(if summary { cx.text } else { "" })
        .filter(|c| !SUMMARY_PART_PERIODS.occurs_in(&c[2]))
        .filter_map(|c| c[1].parse::<i32>().ok())
        .max()
        .map(|y| y + 1);
    match (cx.doc_year(), summed_up) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (None, None) => session_year(cx.text).or_else(|| campaign_year(cx.text)),
        (a, b) => a.or(b),
    }
}

/// The year in the name of a campaign, where the text gives no `年` at all
/// (`隐患整治2031专项行动`).
fn campaign_year(text: &str) -> Option<i32> {
    static CAMPAIGN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|\D)((?:19|20)\d\d)(?:专项|行动|攻坚|年度)").unwrap());
    CAMPAIGN
        .captures_iter(text)
        .filter_map(|c| c[1].parse().ok())
        .max()
}

/// The year of an annual session of the national congress or conference the text names
/// (`十四届全国人大二次会议`, `全国政协十四届二次会议`): the first session of the Nth
/// term meets in 1998 + 5(N - 9), one session a year after it.
fn session_year(text: &str) -> Option<i32> {
    static SESSION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"第?([一二三四五六七八九十]{1,3})届全国(?:人大|人民代表大会|政协)第?([一二三四五])次会议",
            r"|全国政协第?([一二三四五六七八九十]{1,3})届第?([一二三四五])次会议"
        ))
        .unwrap()
    });
    if !text.contains("全国") {
        return None;
    }
    SESSION
        .captures_iter(text)
        .filter_map(|c| {
            let term = enumeration::cn_number(c.get(1).or(c.get(3))?.as_str())? as i32;
            let session = enumeration::cn_number(c.get(2).or(c.get(4))?.as_str())? as i32;
            (term >= 9).then(|| 1998 + 5 * (term - 9) + session - 1)
        })
        .max()
}

/// A list's year: the latest plan year written in its paragraph before it or in the words
/// introducing it, else the report's plan year; `明年` in a dated report is the year after.
fn list_year(cx: &Context, list: &ItemList, default_year: Option<i32>, near: &str) -> Option<i32> {
    let first = &list.items[0].marker;
    let para_start = cx.segments.paragraphs[first.paragraph].span.start;
    let own = &cx.text[para_start..first.start];
    let mut year = default_year;
    for y in plan_years(own).chain(plan_years(near)) {
        year = Some(year.map_or(y, |d| d.max(y)));
    }
    if let Some(published) = cx.published {
        if says_next_year(own) || says_next_year(near) {
            year = Some(year.map_or(published.year + 1, |d| d.max(published.year + 1)));
        }
    }
    year
}

/// Whether `s` holds `明年` or `来年`: found by their shared `年`.
fn says_next_year(s: &str) -> bool {
    s.match_indices('年')
        .any(|(at, _)| s[..at].ends_with(['明', '来']))
}

/// The official who set a list: the one named last before it, in its paragraph or the
/// three before (`他强调` and `同时强调` refer back to that name).
fn setter(cx: &Context, list: &ItemList, names: &[&str]) -> Option<String> {
    if names.is_empty() {
        return None;
    }
    let first = &list.items[0].marker;
    let paras = &cx.segments.paragraphs;
    for p in (first.paragraph.saturating_sub(3)..=first.paragraph).rev() {
        let span = paras[p].span.clone();
        let end = if p == first.paragraph {
            first.start
        } else {
            span.end
        };
        let window = &cx.text[span.start..end];
        let found = names
            .iter()
            .filter_map(|n| window.rfind(n).map(|at| (at + n.len(), *n)))
            .max();
        if let Some((_, name)) = found {
            return Some(name.to_string());
        }
    }
    None
}

/// Whether a headline only states quantified targets (`地区生产总值增长7%以上；`,
/// `A达到40亿元，力争到2027年翻一番`): goals, not qualitative work. Every clause holds a
/// figure, or only qualifies the one before (`力争…`, `其中…`).
fn states_targets(head: &str) -> bool {
    let mut clauses = head
        .split([',', '，', ';', '；', '。', '、'])
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let figure = |c: &str| may_hold_digit(c) && FIGURE.is_match(c);
    clauses.next().is_some_and(figure) && clauses.all(|c| figure(c) || TASK_TARGET_LEADS.starts(c))
}

/// An item's words without the modal `要` they open with (`一是要加快…` is the task
/// `加快…`); `要素…` `要求…` are words of their own.
fn without_modal(head: &str) -> &str {
    match head.strip_prefix('要') {
        Some(rest) if !MODAL_YAO_WORDS.starts(head) && rest.chars().nth(3).is_some() => rest,
        _ => head,
    }
}

/// Whether a headline says enough to be a task: some Han characters, not just a name.
fn worth_keeping(head: &str) -> bool {
    head.chars()
        .filter(|&c| crate::zh::han::is_han(c))
        .nth(2)
        .is_some()
}

#[cfg(test)]
mod tests;
