//! Whether a list sets work for the time ahead: the words before it, the heading of its
//! section, the list it is nested in and its items, weighed together.

use super::sense::{is_meta_heading, item_sense, ItemSense, CONTEXT_CUES};
use super::years::plan_years;
use crate::extract::enumeration::{Family, Item, ItemList};
use crate::extract::Context;
use crate::limits::MAX_SENTENCE_BYTES;
use regex::Regex;
use std::sync::LazyLock;

/// Whether a list sets work for the time ahead (`Some(true)`), tells what was done or is
/// (`Some(false)`), or only structures the document (`None`: `一、工作回顾 二、工作安排`).
pub(super) fn judge(
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
pub(super) fn introduction<'a>(cx: &Context<'a>, list: &ItemList) -> &'a str {
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
pub(super) fn two_sentences_at_most(s: &str) -> &str {
    let mut start = s.len().saturating_sub(2 * MAX_SENTENCE_BYTES);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The last `n` sentences of `s` (a trailing unfinished one counts).
pub(super) fn last_sentences(s: &str, n: usize) -> &str {
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
pub(super) fn is_section_heading(t: &str) -> bool {
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
pub(super) struct SectionHeadings {
    /// Indices of the paragraphs that are heading lines, in order.
    pub(super) paragraphs: Vec<usize>,
}

impl SectionHeadings {
    pub(super) fn of(cx: &Context) -> SectionHeadings {
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
    pub(super) fn above<'a>(&self, cx: &Context<'a>, list: &ItemList) -> Option<&'a str> {
        let first = list.items[0].marker.paragraph;
        let before = self.paragraphs.partition_point(|&p| p < first);
        let p = *self.paragraphs[..before].last()?;
        let t = &cx.text[cx.segments.paragraphs[p].span.clone()];
        Some(t.split('。').next().unwrap_or(t))
    }
}

/// How deep an ordinal family nests: headings enclose `(一)`, which enclose `1.`, which
/// enclose `一是`.
pub(super) fn depth(family: Family) -> u8 {
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
pub(super) fn parent_of(earlier: &[ItemList], list: &ItemList, cx: &Context) -> Option<usize> {
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
pub(super) fn item_extent(list: &ItemList, j: usize, cx: &Context) -> usize {
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

pub(super) fn opens_with_same_family(t: &str, family: Family) -> bool {
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
