//! The year a list of tasks is for: the plan years the text gives near it, else the year
//! the report plans for.

use crate::extract::enumeration::{self, ItemList};
use crate::extract::{dates, Context};
use crate::lexicon::tasks::SUMMARY_PART_PERIODS;
use regex::Regex;
use std::sync::LazyLock;

/// Years in `s` that a plan is for: `2024年`, not a horizon (`到2035年`, `至2030年`) nor
/// the start of a period looked back on (`2023年以来`).
pub(super) fn plan_years(s: &str) -> impl Iterator<Item = i32> + '_ {
    dates::year_mentions(s).filter_map(move |(at, y)| {
        let before = &s[..at];
        let after = &s[at + 4..];
        let after = after.trim_start_matches(['年', '度', ' ']);
        let horizon = before.ends_with('到') || before.ends_with('至') || before.ends_with("到了");
        (!horizon && !after.starts_with("以来")).then_some(y)
    })
}

pub(super) static SUMMARY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年度?([^。\n,，;；]{0,16}?)总结").unwrap());

/// The year the report plans for when a list does not say: the report's year, or the year
/// after the one it sums up (a `2023年度…总结` meeting plans for 2024).
pub(super) fn plan_year(cx: &Context) -> Option<i32> {
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
pub(super) fn campaign_year(text: &str) -> Option<i32> {
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
pub(super) fn session_year(text: &str) -> Option<i32> {
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
pub(super) fn list_year(
    cx: &Context,
    list: &ItemList,
    default_year: Option<i32>,
    near: &str,
) -> Option<i32> {
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
pub(super) fn says_next_year(s: &str) -> bool {
    s.match_indices('年')
        .any(|(at, _)| s[..at].ends_with(['明', '来']))
}
