//! A report's title and publication date, read from its text.
//!
//! Saved web pages and plain-text reports carry both in their head: a title line, then an
//! information line (`发布时间:2024-02-07 16:30`, `来源:某网 日期:2023-09-05`,
//! `2023-09-05 10:20 来源:…`). This stage reads them for plain text, and for HTML when the
//! page's tags said nothing. It only fills what is still unknown, leaves both unset when
//! the text is not plain about them, and removes no line (the boilerplate stage does).

use super::{Document, Normalizer};
use crate::lexicon::alternation;
use crate::lexicon::normalize as lex;
use crate::zh::dates::Date;
use crate::zh::han::han_count;
use regex::Regex;
use std::sync::LazyLock;

pub struct Meta;

impl Normalizer for Meta {
    fn name(&self) -> &'static str {
        "meta"
    }

    fn normalize(&self, doc: &mut Document) {
        if doc.title.is_some() && doc.published.is_some() {
            return;
        }
        let text = doc.text.as_str();
        // both read the same head: find its lines once
        let head = Head::of(text);
        if doc.published.is_none() {
            doc.published = published_in_head(text, &head).map(|d| d.iso());
        }
        if doc.title.is_none() {
            doc.title = title_in_head(&head);
        }
    }
}

/// The head is read no further than this many non-blank lines.
const MAX_HEAD_LINES: usize = 60;
/// Titles are short: longer lines are body text or navigation.
const MAX_TITLE_CHARS: usize = 60;

/// A date as information lines write it, with or without time after it.
const DATE: &str = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?";
const TIME: &str = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?";
/// A weekday after a date (`2024年12月18日 星期三`).
const WEEKDAY: &str = r"(?:星期|周|礼拜)[一二三四五六日天]";

static PUBLISH_LABELED: LazyLock<Regex> = LazyLock::new(|| {
    let labels = alternation(lex::PUBLISH_DATE_LABELS.iter().copied());
    Regex::new(&format!(r"(?:{labels})\s*[:：]?\s*({DATE})")).unwrap()
});

/// A bare label (`日期:`) not glued to a word before it (`会议时间:` is not one).
static HEAD_LABELED: LazyLock<Regex> = LazyLock::new(|| {
    let labels = alternation(lex::HEAD_DATE_LABELS.iter().copied());
    Regex::new(&format!(
        r"(?:^|[^\p{{Han}}])(?:{labels})\s*[:：]\s*({DATE})"
    ))
    .unwrap()
});

/// The same label anywhere in a line already known to be an information line.
static HEAD_LABELED_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    let labels = alternation(lex::HEAD_DATE_LABELS.iter().copied());
    Regex::new(&format!(r"(?:{labels})\s*[:：]\s*({DATE})")).unwrap()
});

/// Any date label with a colon: marks an information line even when no date follows.
static ANY_DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let strong = alternation(lex::PUBLISH_DATE_LABELS.iter().copied());
    let head = alternation(lex::HEAD_DATE_LABELS.iter().copied());
    Regex::new(&format!(r"(?:^|[^\p{{Han}}])(?:{strong}|{head})\s*[:：]")).unwrap()
});

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    let markers = alternation(lex::HEAD_META_MARKERS.iter().copied());
    Regex::new(&format!(r"(?:{markers})\s*[:：]")).unwrap()
});

/// `2023-09-05 10:20 来源:…`: a date opening the information line.
static DATE_THEN_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    let markers = alternation(lex::HEAD_META_MARKERS.iter().copied());
    Regex::new(&format!(
        r"^({DATE})(?:\s*{TIME})?(?:\s*{WEEKDAY})?\s+(?:{markers})"
    ))
    .unwrap()
});

/// A line that is nothing but a date (and time).
static BARE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^({DATE})(?:\s*{TIME})?(?:\s*{WEEKDAY})?$")).unwrap());

/// Section headings (`一、`, `(二)`, `3.`, `第一章`) are not titles.
static ENUMERATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．]|第[一二三四五六七八九十百\d]+[章节部分条篇])",
    )
    .unwrap()
});

/// The non-blank lines of the head: up to the first body paragraph.
struct Head<'t> {
    lines: Vec<&'t str>,
    /// Whether a body paragraph follows the head (rather than the text running out).
    body_follows: bool,
}

impl<'t> Head<'t> {
    fn of(text: &'t str) -> Head<'t> {
        let mut lines = Vec::new();
        let mut body_follows = false;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if is_body(line) {
                body_follows = true;
                break;
            }
            if lines.len() == MAX_HEAD_LINES {
                break;
            }
            lines.push(line);
        }
        Head {
            lines,
            body_follows,
        }
    }

    /// Index of the first information line.
    fn info_line(&self) -> Option<usize> {
        self.lines.iter().position(|l| is_info_line(l))
    }
}

/// The publication date the text states, if it states one plainly.
pub fn published_in(text: &str) -> Option<Date> {
    published_in_head(text, &Head::of(text))
}

/// [`published_in`] with the head of `text` already found.
fn published_in_head(text: &str, head: &Head) -> Option<Date> {
    let labeled = |re: &Regex, line: &str| {
        re.captures_iter(line)
            .find_map(|c| Date::parse_iso(c.get(1)?.as_str()))
    };
    let in_head = |f: &dyn Fn(&str) -> Option<Date>| head.lines.iter().find_map(|l| f(l));
    in_head(&|l| labeled(&PUBLISH_LABELED, l))
        .or_else(|| labeled(&PUBLISH_LABELED, text))
        .or_else(|| in_head(&|l| labeled(&HEAD_LABELED, l)))
        .or_else(|| {
            in_head(&|l| {
                MARKER
                    .is_match(l)
                    .then(|| labeled(&HEAD_LABELED_LOOSE, l))
                    .flatten()
            })
        })
        .or_else(|| in_head(&|l| labeled(&DATE_THEN_MARKER, l)))
        .or_else(|| bare_date_under_title(head))
        .or_else(|| in_head(&web_date_in))
}

/// A line of only a date right under a title line.
fn bare_date_under_title(head: &Head) -> Option<Date> {
    head.lines.windows(2).find_map(|pair| {
        let date = BARE_DATE.captures(pair[1])?;
        is_title_like(pair[0])
            .then(|| Date::parse_iso(&date[1]))
            .flatten()
    })
}

/// The title the text shows, if one stands out plainly.
pub fn title_in(text: &str) -> Option<String> {
    title_in_head(&Head::of(text))
}

/// [`title_in`] with the head already found.
fn title_in_head(head: &Head) -> Option<String> {
    title_above_info_line(head)
        .or_else(|| title_repeating_breadcrumb(head))
        .or_else(|| title_before_body(head))
        .map(str::to_string)
}

/// The line just above the information line (`发布时间:…`).
fn title_above_info_line<'t>(head: &Head<'t>) -> Option<&'t str> {
    let at = head.info_line()?;
    let above = *head.lines.get(at.checked_sub(1)?)?;
    is_title_like(above).then_some(above)
}

/// A line repeating the last element of the breadcrumb (`首页 > 新闻 > 标题`).
fn title_repeating_breadcrumb<'t>(head: &Head<'t>) -> Option<&'t str> {
    let at = head.lines.iter().position(|l| is_breadcrumb(l))?;
    let last = head.lines[at]
        .rsplit(BREADCRUMB_SEPARATORS)
        .next()?
        .trim()
        .trim_end_matches(['…', '.']);
    if last.chars().count() < 4 {
        return None;
    }
    head.lines[at + 1..]
        .iter()
        .take(5)
        .find(|l| l.starts_with(last) && is_title_like(l))
        .copied()
}

/// A title-like line standing alone just before the first body paragraph, with at
/// most short scraps (a share button, a count) between them.
fn title_before_body<'t>(head: &Head<'t>) -> Option<&'t str> {
    if !head.body_follows {
        return None;
    }
    for line in head.lines.iter().rev().take(3) {
        if is_title_like(line) && han_count(line) >= 6 {
            return Some(line);
        }
        if line.chars().count() > 10 {
            return None;
        }
    }
    None
}

const BREADCRUMB_SEPARATORS: &[char] = &['>', '＞', '»', '›', '→'];

fn is_breadcrumb(line: &str) -> bool {
    let seps = line.matches(BREADCRUMB_SEPARATORS).count();
    seps >= 2 || seps == 1 && (line.contains("首页") || line.contains("位置"))
}

/// A paragraph of body text: long, and written in sentences.
fn is_body(line: &str) -> bool {
    let n = line.chars().count();
    n >= 100 || n >= 40 && line.contains('。')
}

fn is_info_line(line: &str) -> bool {
    MARKER.is_match(line)
        || ANY_DATE_LABEL.is_match(line)
        || DATE_THEN_MARKER.is_match(line)
        || web_date_in(line).is_some()
}

/// A web-style date (`2024-04-26`, `2024/04/26`) in a short head line that is no
/// sentence: `某区人民政府办公室 2024-04-26 【大】【中】【小】`, `2024-08-14 08:30 某日报`.
fn web_date_in(line: &str) -> Option<Date> {
    static WEB_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d])(\d{4}[-/]\d{1,2}[-/]\d{1,2})(?:[^\d]|$)").unwrap()
    });
    if line.chars().count() > 100 || line.contains('。') {
        return None;
    }
    let mut dates = WEB_DATE
        .captures_iter(line)
        .filter_map(|c| Date::parse_iso(&c[1]));
    let first = dates.next()?;
    dates.next().is_none().then_some(first)
}

/// Short, Chinese, not a sentence, not navigation, not an information line.
fn is_title_like(line: &str) -> bool {
    let n = line.chars().count();
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let menu = tokens.len() >= 3 && tokens.iter().all(|t| t.chars().count() <= 4);
    let list_item = line.starts_with(['-', '*', '•', '·']);
    (4..=MAX_TITLE_CHARS).contains(&n)
        && han_count(line) >= 4
        && !line.contains('。')
        && !line.ends_with([':', '：', '；', ';', '，', ','])
        && !menu
        && !list_item
        && !is_breadcrumb(line)
        && !is_info_line(line)
        && !ENUMERATED.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::MappedText;

    fn run(text: &str) -> Document {
        let mut doc = Document {
            text: MappedText::identity(text.to_string()),
            ..Document::default()
        };
        Meta.normalize(&mut doc);
        doc
    }

    const BODY: &str = "3月1日，某某经济开发区召开全区工作会议，总结去年工作成绩，部署今年重点任务，全体干部参加会议并认真讨论。";

    #[test]
    fn information_line_gives_date_and_title_above_it() {
        let text = format!(
            "首页 > 新闻中心 > 甲乙开发区召开年度工作会议\n\n甲乙开发区召开年度工作会议\n发布时间:2022-03-02 09:15:00   \n\n{BODY}\n"
        );
        let doc = run(&text);
        assert_eq!(doc.published.as_deref(), Some("2022-03-02"));
        assert_eq!(doc.title.as_deref(), Some("甲乙开发区召开年度工作会议"));
        // nothing removed
        assert_eq!(doc.text.as_str(), text);
    }

    #[test]
    fn source_and_date_line_under_the_title() {
        let text = format!("- 通知公告\n- 工作动态\n丙丁园区：坚定信心抓项目 | 专访\n来源:某某网 日期:2021-11-05 浏览:120\n{BODY}");
        let doc = run(&text);
        assert_eq!(doc.published.as_deref(), Some("2021-11-05"));
        assert_eq!(
            doc.title.as_deref(),
            Some("丙丁园区：坚定信心抓项目 | 专访")
        );
    }

    #[test]
    fn chinese_dates_and_dates_before_the_source() {
        assert_eq!(
            published_in(&format!("时间：2020年9月5日\n{BODY}"))
                .unwrap()
                .iso(),
            "2020-09-05"
        );
        assert_eq!(
            published_in(&format!(
                "某区新闻\n2019-10-08 10:20 来源:区融媒体中心\n{BODY}"
            ))
            .unwrap()
            .iso(),
            "2019-10-08"
        );
        assert_eq!(
            published_in(&format!("来源:区政府网站日期:2020-01-02\n{BODY}"))
                .unwrap()
                .iso(),
            "2020-01-02"
        );
        assert_eq!(
            published_in(&format!(
                "某某高新区举行项目集中签约仪式\n2021年6月18日\n{BODY}"
            ))
            .unwrap()
            .iso(),
            "2021-06-18"
        );
    }

    #[test]
    fn dates_in_the_body_are_not_publication_dates() {
        let text = format!("{BODY}\n会议时间：2020年3月1日\n日期:2020-05-06\n落款\n2020年3月2日\n");
        assert_eq!(published_in(&text), None);
        assert_eq!(
            published_in(&format!("会议时间：2020年3月1日\n{BODY}")),
            None
        );
        // a strong label counts wherever it stands
        let text = format!("{BODY}\n发布日期：2020-03-05\n");
        assert_eq!(published_in(&text).unwrap().iso(), "2020-03-05");
    }

    #[test]
    fn title_standing_alone_before_the_body() {
        let text = format!(
            "某门户 > 地方频道 > 正文\n\n某某区召开高质量发展推进会议\n\n3\n转发\n\n{BODY}"
        );
        assert_eq!(
            title_in(&text).as_deref(),
            Some("某某区召开高质量发展推进会议")
        );
        let text = format!("某文库 欢迎收藏本站\n\n某园区负责人在年度总结会上的讲话\n\neditor 收藏 时间: 打印本页 全文约800字\n\n{BODY}");
        assert_eq!(
            title_in(&text).as_deref(),
            Some("某园区负责人在年度总结会上的讲话")
        );
        assert_eq!(published_in(&text), None);
    }

    #[test]
    fn no_title_when_unsure() {
        assert_eq!(title_in(BODY), None);
        assert_eq!(title_in(&format!("一、主要工作成效明显\n{BODY}")), None);
        assert_eq!(title_in(&format!("首页 新闻 政务 服务\n{BODY}")), None);
        assert_eq!(title_in("短标题文字在此\n没有正文"), None);
    }

    #[test]
    fn known_values_are_kept() {
        let mut doc = Document {
            text: MappedText::identity(format!("别的标题行在这里\n发布时间:2020-01-01\n{BODY}")),
            title: Some("页面标题".into()),
            ..Document::default()
        };
        Meta.normalize(&mut doc);
        assert_eq!(doc.title.as_deref(), Some("页面标题"));
        assert_eq!(doc.published.as_deref(), Some("2020-01-01"));
    }
}
