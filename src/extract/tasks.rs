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

use super::enumeration::{self, Family, ItemList};
use super::{Context, Extractor};
use crate::lexicon::tasks::{MODAL_YAO_WORDS, TASK_TARGET_LEADS};
use crate::limits::{Cut, MAX_LISTS};
use crate::model::{Report, Task};
use regex::Regex;
use std::sync::LazyLock;

mod judge;
mod sense;
mod years;

#[cfg(test)]
use judge::is_section_heading;
use judge::{introduction, judge, parent_of, SectionHeadings};
use sense::{may_hold_digit, CONTEXT_CUES, FIGURE};
use years::{list_year, plan_year};

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
