//! Drops web-page boilerplate around a report: breadcrumbs, menus, share widgets,
//! editor credits, disclaimers, copyright and registration footers.
//!
//! Works line by line, since pages flatten to one widget or paragraph per line. Each
//! line is classed once (markers from `data/lexicon/boilerplate.txt`, one aho-corasick
//! pass); then the zones are cut: the header before the first line of report text loses
//! menus, and the footer — from its first footer line after the last line of report
//! text — goes whole. A line of real sentences is never dropped for a marker word in it:
//! only disclaimer blocks (`特别声明:` …) go whatever their length, and a news item
//! the site appended just before its footer.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::scan::{count_in, han_count, BmpSet};
use super::{Document, MappedText, Normalizer};
use crate::lexicon::normalize::{Kind, BOILERPLATE};
use crate::zh::han::is_han;

pub struct Boilerplate;

struct Markers {
    automaton: AhoCorasick,
    kinds: Vec<Kind>,
    /// Markers that open a line, for the prefix rules: for each of the kinds `Block`,
    /// `Credit` and `Lead` (see [`opener_list`]), its markers with their first char,
    /// longest first.
    openers: [Vec<(char, &'static str)>; 3],
    /// The Han chars of the automaton's markers, as bits indexed by code point (all are
    /// three-byte chars, U+0800–FFFF), or `None` if some marker has another Han char.
    han_letters: Option<BmpSet>,
}

impl Markers {
    /// Whether markers surely leave enough of `s`'s `han` Han chars uncovered for the line
    /// to stay text, as [`classify`] weighs it, whatever the automaton would find: true
    /// when `s` has too few Han chars that occur in some marker at all (matches do not
    /// overlap, so each counts once at most).
    fn surely_uncovered(&self, letters: &BmpSet, s: &str, han: usize) -> bool {
        let enough = |coverable: usize| (han - coverable.min(han)) * 5 > (han * 2).max(10);
        // counted piece by piece: most lines are decided before their end, once even
        // all the rest (three bytes a char) being marker letters would leave enough
        const PIECE: usize = 120;
        let mut coverable = 0;
        let mut from = 0;
        while from < s.len() {
            let mut to = (from + PIECE).min(s.len());
            while !s.is_char_boundary(to) {
                to += 1;
            }
            coverable += count_in(&s[from..to], letters);
            if enough(coverable + (s.len() - to) / 3) {
                return true;
            }
            from = to;
        }
        enough(coverable)
    }
}

static MARKERS: LazyLock<Markers> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut kinds = Vec::new();
    let mut openers = Vec::new();
    for &(word, kind) in BOILERPLATE.iter() {
        match kind {
            Kind::Widget | Kind::Footer => {
                words.push(word);
                kinds.push(kind);
            }
            Kind::Block | Kind::Credit | Kind::Lead => openers.push((kind, word)),
        }
    }
    // longest first, so `责任编辑` is tried before `编辑`
    openers.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
    let openers = [Kind::Block, Kind::Credit, Kind::Lead].map(|kind| {
        openers
            .iter()
            .filter(|(k, _)| *k == kind)
            .filter_map(|&(_, w)| Some((w.chars().next()?, w)))
            .collect()
    });
    let mut letters = Box::new([0u64; 1024]);
    let mut all_three_byte = true;
    for c in words.iter().flat_map(|w| w.chars()).filter(|&c| is_han(c)) {
        all_three_byte &= c.len_utf8() == 3;
        let k = c as usize & 0xFFFF;
        letters[k / 64] |= 1 << (k % 64);
    }
    let han_letters = all_three_byte.then(|| BmpSet::from_bits(&letters));
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(&words)
        .expect("boilerplate automaton");
    Markers {
        automaton,
        kinds,
        openers,
        han_letters,
    }
});

/// A page's dated info label, as in `发布时间:2024-02-07` or `… 日期:2023年9月5日`; the
/// label stands alone, so `会议时间:2024年3月2日` (a fact of the report) is not one.
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s|:：/])(?:发布时间|发布日期|发表时间|更新时间|发布|日期|时间)[^0-9\n]{0,6}\d{4}\s*[-年/.]\s*\d{1,2}",
    )
    .expect("valid regex")
});

/// Whether `s` holds a word every label of [`DATED`] holds (`发布`, `日期` or `时间`):
/// most lines hold none, and three searches cost less than the pattern.
fn may_be_dated(s: &str) -> bool {
    ["时间", "日期", "发布"].iter().any(|w| s.contains(w))
}

/// A number with a measure word: a line holding one may carry a fact.
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d(?:\.\d+)?\s*(?:%|‰|个|家|项|亿|万|元|人|亩|倍|平方|公里|千米|吨|台|套|件|户|名|条|座|所|批)")
        .expect("valid regex")
});

/// What a line is, once classed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Blank,
    /// Boilerplate: goes.
    Drop,
    /// A metadata line (`发布时间:…`): goes once the page's date is known.
    Meta,
    /// Report text: sentences of some length.
    Content,
    /// Any other short line: a title, a caption, a menu item.
    Short,
}

#[derive(Debug, Clone)]
struct Line {
    /// The line without its `\n`.
    body: Range<usize>,
    class: Class,
    /// Whether the line can open the footer zone.
    footer: bool,
    /// Whether the line opens like a news item.
    lead: bool,
}

/// Whether `s` holds one of `。，,；;！？!?、`.
fn has_sentence_punct(s: &str) -> bool {
    // byte by byte: `。、` are E3 80 82/81, `，；！？` are EF BC 8C/9B/81/9F
    let bytes = s.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b',' | b';' | b'!' | b'?' => true,
        0xE3 => bytes
            .get(i + 1..i + 3)
            .is_some_and(|t| t[0] == 0x80 && matches!(t[1], 0x81 | 0x82)),
        0xEF => bytes
            .get(i + 1..i + 3)
            .is_some_and(|t| t[0] == 0xBC && matches!(t[1], 0x8C | 0x9B | 0x81 | 0x9F)),
        _ => false,
    })
}

/// The line with leading blanks and opening brackets skipped.
fn opening(s: &str) -> &str {
    s.trim_start_matches([' ', '\t', '(', '（', '【', '[', '「'])
}

/// The opener marker `s` starts with, of the given kind.
fn opener(s: &str, kind: Kind) -> Option<&'static str> {
    let open = opening(s);
    let first = open.chars().next()?;
    opener_list(kind)
        .iter()
        .find(|&&(c, w)| c == first && open.starts_with(w))
        .map(|&(_, w)| w)
}

/// The opener markers of `kind`, longest first.
fn opener_list(kind: Kind) -> &'static [(char, &'static str)] {
    let at = match kind {
        Kind::Block => 0,
        Kind::Credit => 1,
        Kind::Lead => 2,
        Kind::Widget | Kind::Footer => return &[],
    };
    &MARKERS.openers[at]
}

/// Whether the line names only a source, author or editor (`来源:某某办公室`).
fn is_credit(s: &str) -> bool {
    let Some(word) = opener(s, Kind::Credit) else {
        return false;
    };
    let rest = &opening(s)[word.len()..];
    rest.starts_with([':', '：', ' ', '|']) && s.chars().count() <= 60 && !s.contains('。')
}

/// Whether the line is a breadcrumb trail (`首页 > 专题 > 正文`).
fn is_breadcrumb(s: &str) -> bool {
    let steps = s.matches(['>', '›', '»', '＞']).count();
    steps >= 2 && !s.contains('。') && s.chars().count() <= 100
}

/// Classes one line; `published_known` tells whether a metadata line may go.
fn classify(s: &str, published_known: bool) -> (Class, bool) {
    if s.trim().is_empty() {
        return (Class::Blank, false);
    }
    if opener(s, Kind::Block).is_some() {
        return (Class::Drop, true);
    }
    let han = han_count(s);
    if han >= 20 && has_sentence_punct(s) {
        // sentences: the automaton is needed only if markers could dominate the line,
        // i.e. if enough of its Han chars occur in markers at all
        if let Some(letters) = &MARKERS.han_letters {
            if MARKERS.surely_uncovered(letters, s, han) {
                return (Class::Content, false);
            }
        }
    }
    let (mut covered, mut widget, mut footer) = (0, false, false);
    for m in MARKERS.automaton.find_iter(s) {
        covered += s[m.range()].chars().filter(|&c| is_han(c)).count();
        match MARKERS.kinds[m.pattern().as_usize()] {
            Kind::Footer => footer = true,
            _ => widget = true,
        }
    }
    let uncovered = han - covered.min(han);
    let dominated = (widget || footer) && uncovered * 5 <= (han * 2).max(10);
    let content = han >= 20 && has_sentence_punct(s) && !dominated;
    if content {
        return (Class::Content, false);
    }
    let meta = s.chars().count() <= 100 && may_be_dated(s) && DATED.is_match(s);
    if meta && !published_known {
        return (Class::Meta, false);
    }
    if is_credit(s) {
        return (Class::Drop, true);
    }
    if meta || is_breadcrumb(s) || dominated {
        return (Class::Drop, footer);
    }
    if footer && !QUANTITY.is_match(s) {
        return (Class::Drop, true);
    }
    // a footer word beside a quantity may be a fact (`办理施工许可证23个`)
    (Class::Short, false)
}

/// A short line without Han characters (`0`, `221381`): a counter left by a widget.
fn is_counter(s: &str) -> bool {
    let t = s.trim();
    t.chars().count() <= 20 && !t.chars().any(is_han)
}

/// A short line that reads as a menu entry.
fn is_menu_item(s: &str) -> bool {
    let t = s.trim();
    let bulleted = t.starts_with(['-', '·', '•', '*', '|']);
    let n = t.chars().count();
    !has_sentence_punct(t) && (n <= 12 || (bulleted && n <= 24))
}

/// The Han bigrams of a text.
fn bigrams(s: &str) -> HashSet<(char, char)> {
    let mut out = HashSet::new();
    let mut prev = None;
    for c in s.chars() {
        if is_han(c) {
            if let Some(p) = prev {
                out.insert((p, c));
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    out
}

/// Share of a candidate paragraph's bigrams found in the rest of the report: a news
/// item the site appended talks about something else.
const APPENDED_ITEM_OVERLAP: f64 = 0.07;

fn classify_lines(s: &str, doc: &Document) -> Vec<Line> {
    let published_known = doc.published.is_some();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < s.len() {
        let piece_end =
            memchr::memchr(b'\n', &s.as_bytes()[start..]).map_or(s.len(), |i| start + i + 1);
        let piece = &s[start..piece_end];
        let body = start..start + piece.trim_end_matches(['\n', '\r']).len();
        let text = &s[body.clone()];
        let (class, footer) = classify(text, published_known);
        let lead = opener(text, Kind::Lead).is_some();
        lines.push(Line {
            body,
            class,
            footer,
            lead,
        });
        start += piece.len();
    }
    lines
}

/// Drops counters next to dropped lines, header menus and lines before the title.
fn cut_header(s: &str, lines: &mut [Line], title: Option<&str>) {
    let first_content = lines
        .iter()
        .position(|l| l.class == Class::Content)
        .unwrap_or(lines.len());
    // a counter sits next to its widget
    let solid: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].class != Class::Blank)
        .collect();
    for (k, &i) in solid.iter().enumerate() {
        let near_drop = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| solid.get(j))
            .any(|&j| lines[j].class == Class::Drop);
        if lines[i].class == Class::Short && near_drop && is_counter(&s[lines[i].body.clone()]) {
            lines[i].class = Class::Drop;
        }
    }
    // menus: runs of four or more menu entries before the report text
    let mut run: Vec<usize> = Vec::new();
    for i in 0..=first_content.min(lines.len()) {
        let entry = i < first_content
            && lines[i].class == Class::Short
            && is_menu_item(&s[lines[i].body.clone()]);
        if entry || (i < first_content && lines[i].class == Class::Blank) {
            if entry {
                run.push(i);
            }
            continue;
        }
        if run.len() >= 4 {
            for &j in &run {
                lines[j].class = Class::Drop;
            }
        }
        run.clear();
    }
    // whatever short stands before the page's own title is site header
    let Some(title) = title.map(str::trim).filter(|t| t.chars().count() >= 4) else {
        return;
    };
    let heading = lines[..first_content].iter().position(|l| {
        let t = s[l.body.clone()].trim();
        t.contains(title) || (t.chars().count() >= 6 && title.contains(t))
    });
    if let Some(h) = heading {
        for l in &mut lines[..h] {
            if l.class == Class::Short {
                l.class = Class::Drop;
            }
        }
    }
}

/// Drops the footer zone and a news item appended just before it.
fn cut_footer(s: &str, lines: &mut [Line]) {
    let Some(last_content) = lines.iter().rposition(|l| l.class == Class::Content) else {
        return;
    };
    let Some(footer_start) = (last_content + 1..lines.len()).find(|&i| lines[i].footer) else {
        return;
    };
    for l in &mut lines[footer_start..] {
        l.class = Class::Drop;
    }
    // an appended item: the last paragraphs, opening like news, about something else
    let contents: Vec<usize> = (0..=last_content)
        .filter(|&i| lines[i].class == Class::Content)
        .collect();
    let Some(k) = contents.iter().rev().take(3).position(|&i| lines[i].lead) else {
        return;
    };
    let item = &contents[contents.len() - 1 - k..];
    if item.len() * 2 >= contents.len() {
        return;
    }
    let item_bigrams: HashSet<(char, char)> = item
        .iter()
        .flat_map(|&i| bigrams(&s[lines[i].body.clone()]))
        .collect();
    let rest: HashSet<(char, char)> = contents[..contents.len() - item.len()]
        .iter()
        .flat_map(|&i| bigrams(&s[lines[i].body.clone()]))
        .collect();
    if item_bigrams.is_empty() {
        return;
    }
    let shared = item_bigrams.intersection(&rest).count() as f64 / item_bigrams.len() as f64;
    if shared < APPENDED_ITEM_OVERLAP {
        for &i in item {
            lines[i].class = Class::Drop;
        }
    }
}

/// `text` without boilerplate lines, or `None` when it has none.
pub fn strip_boilerplate(text: &MappedText, doc: &Document) -> Option<MappedText> {
    let s = text.as_str();
    let mut lines = classify_lines(s, doc);
    cut_header(s, &mut lines, doc.title.as_deref());
    cut_footer(s, &mut lines);
    let published_known = doc.published.is_some();
    let goes = |l: &Line| l.class == Class::Drop || (l.class == Class::Meta && published_known);
    if !lines.iter().any(goes) {
        return None;
    }
    let mut out = MappedText::builder(s.len());
    // a blank line between kept lines stays as one; blanks left by dropped lines go
    let mut pending_blank: Option<Range<usize>> = None;
    let mut kept_any = false;
    for l in &lines {
        let with_break = l.body.start..(l.body.end + 1).min(s.len());
        match l.class {
            Class::Blank => {
                if kept_any && pending_blank.is_none() {
                    pending_blank = Some(with_break);
                }
            }
            _ if goes(l) => {}
            _ => {
                if let Some(b) = pending_blank.take() {
                    out.push_slice(text, b);
                }
                out.push_slice(text, with_break);
                kept_any = true;
            }
        }
    }
    Some(out.finish(text.raw_offset(s.len())))
}

impl Normalizer for Boilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }

    fn normalize(&self, doc: &mut Document) {
        if let Some(clean) = strip_boilerplate(&doc.text, doc) {
            doc.text = clean;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_with(s: &str, title: Option<&str>, published: Option<&str>) -> String {
        let doc = Document {
            text: MappedText::identity(s.to_string()),
            title: title.map(str::to_string),
            published: published.map(str::to_string),
            ..Document::default()
        };
        strip_boilerplate(&doc.text, &doc).map_or_else(|| s.to_string(), MappedText::into_string)
    }

    fn strip(s: &str) -> String {
        strip_with(s, None, None)
    }

    const BODY: &str = "3月2日,某某高新区召开工作会议,区党工委书记王某某出席会议并讲话,管委会主任李某某主持。\n会议指出,2024年要实现地区生产总值增长6%,完成固定资产投资80亿元。\n";

    #[test]
    fn drops_breadcrumbs_widgets_and_footer() {
        let page = format!(
            "首页 > 新闻中心 > 工作动态\n\n某某高新区召开工作会议\n\n0\n分享至\n字号:大 中 小\n\n{BODY}\n来源:某某高新区管委会\n\n责任编辑:张某\n某某市人民政府 版权所有\n某ICP备12345678号\n某公网安备 11010502000001号\n举报电话:010-12345678\n"
        );
        let out = strip(&page);
        assert_eq!(out, format!("某某高新区召开工作会议\n\n{BODY}"));
    }

    #[test]
    fn drops_disclaimer_blocks_account_boxes_and_related_lists() {
        let page = format!(
            "{BODY}\n特别声明:以上内容为自媒体平台用户上传并发布,本平台仅提供信息存储服务。\n\nNotice: The content above is uploaded and posted by a user, and the platform only provides information storage services.\n某某观察\n专注城市经济。\n12345文章数 678关注度\n往期回顾 全部\n相关阅读\n某某区召开另一个会议\n无障碍浏览 进入关怀版\n"
        );
        assert_eq!(strip(&page), BODY);
    }

    #[test]
    fn keeps_long_sentences_that_contain_marker_words() {
        let text = "会议强调,要扎实做好版权所有保护工作,分享发展成果,推动首页经济和许可证审批改革取得实效,确保全年完成新增注册企业500家。\n";
        assert_eq!(strip(text), text);
        // a short fact line with a footer word is not footer
        let short = format!("{BODY}办理施工许可证23个\n");
        assert_eq!(strip(&short), short);
    }

    #[test]
    fn drops_menus_above_the_report_and_keeps_the_title() {
        let page = format!(
            "- 新闻动态\n- 政策解读\n- 园区规划\n- 产业研究\n- 案例分析\n某某园区:坚定不移打造百亿园区\n{BODY}"
        );
        assert_eq!(
            strip(&page),
            format!("某某园区:坚定不移打造百亿园区\n{BODY}")
        );
    }

    #[test]
    fn short_closing_lines_without_footer_stay() {
        let text = format!("{BODY}新的一年,\n再接再厉,\n再创新辉煌!\n相关附件:\n");
        assert_eq!(
            strip(&text),
            format!("{BODY}新的一年,\n再接再厉,\n再创新辉煌!\n")
        );
    }

    #[test]
    fn metadata_lines_go_only_once_the_date_is_known() {
        let text = format!("某某会议召开\n发布时间:2024-02-07 16:30\n{BODY}");
        assert_eq!(strip(&text), text);
        let known = strip_with(&text, None, Some("2024-02-07"));
        assert_eq!(known, format!("某某会议召开\n{BODY}"));
        // a dated line of the report itself is no page metadata
        let notice = format!("会议时间:2024年3月2日\n{BODY}");
        assert_eq!(strip_with(&notice, None, Some("2024-02-07")), notice);
    }

    #[test]
    fn site_lines_before_the_title_go() {
        let text = format!(
            "某某文库,记住我们\n某某会议上的讲话\n作者 分享 加入收藏 预计阅读时长5分钟\n{BODY}"
        );
        let out = strip_with(&text, Some("某某会议上的讲话"), None);
        assert_eq!(out, format!("某某会议上的讲话\n{BODY}"));
    }

    #[test]
    fn drops_a_news_item_appended_before_the_footer() {
        let text = format!(
            "{BODY}会议要求各部门把会议精神落实到工作中去,推动高新区高质量发展取得新成效。\n近日,某地名茶全面开采,采茶工人从早上就开启忙碌,茶叶品质提升、价格基本持平。\n(来源:某某区人民政府网站)\n"
        );
        let out = strip(&text);
        assert_eq!(
            out,
            format!(
                "{BODY}会议要求各部门把会议精神落实到工作中去,推动高新区高质量发展取得新成效。\n"
            )
        );
    }

    #[test]
    fn sentence_punctuation_is_found_byte_by_byte() {
        let marks = ['。', '，', ',', '；', ';', '！', '？', '!', '?', '、'];
        for s in [
            "",
            "甲乙",
            "甲。",
            "甲，乙",
            "a,b",
            "「」《》“”",
            "：",
            "（）",
            "甲、",
            "？",
            "⋯!",
        ] {
            assert_eq!(has_sentence_punct(s), s.contains(marks), "{s}");
        }
    }

    #[test]
    fn openers_match_by_their_first_char() {
        assert_eq!(opener("【责任编辑:某某】", Kind::Credit), Some("责任编辑"));
        assert_eq!(opener("编辑:某某", Kind::Credit), Some("编辑"));
        assert_eq!(opener("近日,某区召开会议", Kind::Lead), Some("近日"));
        assert_eq!(opener("近日,某区召开会议", Kind::Credit), None);
        assert_eq!(opener("", Kind::Block), None);
        assert_eq!(opener("Notice: x", Kind::Block), Some("Notice:"));
    }

    #[test]
    fn clean_report_is_left_alone() {
        let t = MappedText::identity(BODY.to_string());
        assert!(strip_boilerplate(&t, &Document::default()).is_none());
    }

    #[test]
    fn kept_lines_keep_their_offsets() {
        let raw = format!("分享至\n{BODY}");
        let doc = Document {
            text: MappedText::identity(raw.clone()),
            ..Document::default()
        };
        let out = strip_boilerplate(&doc.text, &doc).unwrap();
        assert_eq!(out.as_str(), BODY);
        assert_eq!(out.raw_offset(0), "分享至\n".len());
    }

    #[test]
    fn whole_pipeline_drops_page_furniture() {
        let raw = format!("首页 > 新闻 > 正文\n分享至\n{BODY}来源:某某管委会\n某某网 版权所有\n某ICP备00000000号\n");
        let doc = crate::normalize::normalize(raw.as_bytes(), "a.txt").unwrap();
        assert_eq!(doc.text.as_str(), BODY);
        assert_eq!(doc.text.raw_offset(0), raw.find("3月2日").unwrap());
    }
}
