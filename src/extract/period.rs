//! Which year, and which part of it, a stated figure belongs to.
//!
//! Reports anchor figures with explicit years (`2023年,…`), relative ones (`今年`,
//! `明年`, `去年`), plan horizons (`“十四五”末`) and parts of a year (`上半年`,
//! `一季度`, `1-9月`). A year-end summary (`2023年度工作总结`) speaks of the year it sums
//! up and plans for the one after. [`Years`] holds those document-wide anchors;
//! [`anchors`] and [`sub_year_period`] read the local ones.

use super::Context;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A year reference found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// `2023年`, `到2025年`, `“十四五”末` (resolved to its last year).
    Absolute(i32),
    /// `今年` (0), `明年` (+1), `去年` (−1), `前年` (−2): relative to the document year.
    Relative(i32),
}

impl YearRef {
    /// The calendar year, given the document year for relative references.
    pub fn resolve(self, doc_year: Option<i32>) -> Option<i32> {
        match self {
            YearRef::Absolute(y) => Some(y),
            YearRef::Relative(d) => doc_year.map(|y| y + d),
        }
    }
}

static ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)\d{2})\s*年|今年|明年|去年|前年|[“\x22]?十([一二三四五])五[”\x22]?(?:末|期末|时期末|收官之年)",
    )
    .unwrap()
});

/// Year references in `s` with their byte offsets, in order. Comparisons (`比去年`,
/// `较上年`, `去年同期`) are not anchors and are skipped.
pub fn anchors(s: &str) -> impl Iterator<Item = (usize, YearRef)> + '_ {
    // plain matches, not captures: each branch of ANCHOR is told by its text, and a
    // match costs far less than its groups
    ANCHOR
        .find_iter(s)
        .filter_map(move |m| Some((m.start(), read_anchor(s, m.range())?)))
}

/// The year an [`ANCHOR`] match at `m` in `s` refers to, unless it is a comparison.
fn read_anchor(s: &str, m: Range<usize>) -> Option<YearRef> {
    let text = &s[m.clone()];
    // `(扣除2022年…专项资金)`: a year in a bracket dates only the note
    if let Some(open) = s[..m.start].rfind(['(', '（']) {
        if !s[open..m.start].contains([')', '）']) && s[m.end..].contains([')', '）']) {
            return None;
        }
    }
    let before = s[..m.start].chars().next_back();
    let after = &s[m.end..];
    // a base of comparison (`较2024年下降8%`, `与去年相比`) dates nothing
    let absolute = text.starts_with(|c: char| c.is_ascii_digit());
    // and so does a start year whose figure follows (`从2020年的186家增长到452家`)
    let start_of_change = before == Some('从') && after.starts_with('的');
    if absolute
        && (matches!(before, Some('比' | '较')) || after.starts_with("相比") || start_of_change)
    {
        return None;
    }
    let year = if absolute {
        // `2023年`: the year is the first four digits
        YearRef::Absolute(text[..4].parse().ok()?)
    } else if let Some((_, plan)) = text.split_once('十') {
        let n = match plan.chars().next() {
            Some('一') => 11,
            Some('二') => 12,
            Some('三') => 13,
            Some('四') => 14,
            _ => 15,
        };
        // the N-th five-year plan ends in 1955 + 5·N
        YearRef::Absolute(1955 + 5 * n)
    } else {
        let comparison = matches!(before, Some('比' | '较' | '同' | '于'))
            || after.starts_with("同期")
            || after.starts_with("同比");
        if comparison {
            return None;
        }
        YearRef::Relative(match text {
            "今年" => 0,
            "明年" => 1,
            "去年" => -1,
            _ => -2,
        })
    };
    Some(year)
}

/// The last year reference in `s`, if any.
pub fn last_anchor(s: &str) -> Option<YearRef> {
    anchors(s).last().map(|(_, y)| y)
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"上半年|下半年|前三季度|(?:第)?[一二三四1-4]季度|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月(?:份)?|前\d{1,2}个月|前[一二三四五六七八九十]{1,2}个月",
    )
    .unwrap()
});

/// The first [`PERIOD`] match in `s`, if any.
fn find_period(s: &str) -> Option<Range<usize>> {
    // every part of a year is written with one of these; most sentences have none (a
    // char search each: cheaper than an automaton's on a sentence)
    if !(s.contains('季') || s.contains('半') || s.contains('月')) {
        return None;
    }
    Some(PERIOD.find(s)?.range())
}

/// The last month of a part of a year as [`sub_year_period`] writes it.
fn last_month(period: &str) -> Option<u32> {
    let quarter = |c: char| match c {
        '一' | '1' => Some(3),
        '二' | '2' => Some(6),
        '三' | '3' => Some(9),
        '四' | '4' => Some(12),
        _ => None,
    };
    match period {
        "上半年" => Some(6),
        "下半年" => Some(12),
        "前三季度" => Some(9),
        _ if period.ends_with("季度") => quarter(period.trim_start_matches('第').chars().next()?),
        _ if period.starts_with('前') && period.ends_with("个月") => {
            let n = &period['前'.len_utf8()..period.len() - "个月".len()];
            let n = super::numbers::parse_number(n)?;
            (n.fract() == 0.0).then_some(n as u32)
        }
        // `1-4月`: the month after the range sign
        _ => period
            .trim_end_matches('月')
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok(),
    }
    .filter(|m| (1..=12).contains(m))
}

fn period_text(m: &str) -> String {
    m.trim_end_matches('份').replace(' ', "")
}

/// A part of a year named in `s` (`上半年`, `一季度`, `前三季度`, `1-9月`), as written,
/// with the trailing `份` dropped.
pub fn sub_year_period(s: &str) -> Option<String> {
    find_period(s).map(|m| period_text(&s[m]))
}

/// The year references and the first part of a year in one sentence, found once: a
/// sentence's statements each ask for those before their value, and searching every
/// prefix again cost more than the rest of the reading.
pub struct SentenceTimes<'a> {
    text: &'a str,
    /// [`ANCHOR`] matches, comparisons included: whether one is a comparison may
    /// depend on where the text is cut.
    anchors: Vec<Range<usize>>,
    period: Option<Range<usize>>,
}

impl<'a> SentenceTimes<'a> {
    pub fn new(text: &'a str) -> Self {
        SentenceTimes {
            text,
            // every anchor has a `年` or a `十`: most sentences with neither need no search
            anchors: if text.contains('年') || text.contains('十') {
                ANCHOR.find_iter(text).map(|m| m.range()).collect()
            } else {
                Vec::new()
            },
            period: find_period(text),
        }
    }

    /// [`anchors`] of the whole sentence.
    pub fn anchors(&self) -> impl Iterator<Item = (usize, YearRef)> + '_ {
        self.anchors
            .iter()
            .filter_map(|m| Some((m.start, read_anchor(self.text, m.clone())?)))
    }

    /// [`last_anchor`] of the sentence's first `at` bytes. A match of the whole sentence
    /// is one of the prefix if it ends in it, and none starts inside another, so the
    /// prefix's matches are those that end by `at`.
    pub fn last_anchor_before(&self, at: usize) -> Option<YearRef> {
        let head = &self.text[..at];
        self.anchors
            .iter()
            .rev()
            .filter(|m| m.end <= at)
            .find_map(|m| read_anchor(head, m.clone()))
    }

    /// [`sub_year_period`] of the sentence's first `at` bytes.
    pub fn sub_year_period_before(&self, at: usize) -> Option<String> {
        match &self.period {
            None => None,
            Some(m) if m.end <= at => Some(period_text(&self.text[m.clone()])),
            // the first part of a year runs past `at`: the prefix may hold a shorter one
            Some(_) => sub_year_period(&self.text[..at]),
        }
    }
}

/// The years a document speaks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Years {
    /// [`Context::doc_year`]: what `今年` means.
    pub doc: Option<i32>,
    /// The year a year-end summary sums up (`2023年度…总结`), if the report is one.
    pub summarized: Option<i32>,
    /// The year its plans are for: the year after the summarized one, else the doc year.
    pub plan: Option<i32>,
    /// Year and month of publication, where known: which parts of a year are over.
    pub published: Option<(i32, u32)>,
}

impl Years {
    pub fn of(cx: &Context) -> Years {
        // a report that names no year speaks from the year of the latest national
        // meeting it names
        let doc = cx.doc_year().or_else(|| year_of_named_events(cx.text));
        let head_end = floor_char_boundary(cx.text, 600);
        let summarized = cx
            .doc
            .title
            .as_deref()
            .and_then(summarized_year)
            .or_else(|| summarized_year(&cx.text[..head_end]))
            .or_else(|| looks_back_on_last_year(cx, doc));
        let plan = match summarized {
            Some((y, true)) => Some(y),
            Some((y, false)) => Some(y + 1),
            None => doc,
        };
        Years {
            doc,
            summarized: summarized.map(|(y, _)| y),
            plan,
            published: cx.published.map(|d| (d.year, d.month)),
        }
    }

    /// Whether `period` (`一季度`, `上半年`, `1-4月`) of `year` (the document year if
    /// `None`) was over when the report was published; `false` where unknown.
    pub fn period_elapsed(&self, period: &str, year: Option<i32>) -> bool {
        let (Some((py, pm)), Some(last)) = (self.published, last_month(period)) else {
            return false;
        };
        match year.or(self.doc) {
            Some(y) if y < py => true,
            Some(y) if y == py => pm > last,
            _ => false,
        }
    }

    /// The year a result belongs to when the text names none: the summarized year, else
    /// the document year.
    pub fn reached(&self) -> Option<i32> {
        self.summarized.or(self.doc)
    }

    /// Whether `year` lies before the report's own year (a result), after it (a plan),
    /// or is the report's year (`None`: undecided).
    pub fn is_past(&self, year: i32) -> Option<bool> {
        let now = self.summarized.or(self.doc)?;
        match year.cmp(&now) {
            std::cmp::Ordering::Less => Some(true),
            std::cmp::Ordering::Greater => Some(false),
            std::cmp::Ordering::Equal if self.summarized.is_some() => Some(true),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// The year of the latest national meeting `text` names (`二十届三中全会` → 2024), from
/// the list the meeting dates use (`event_dates.txt`).
pub fn year_of_named_events(text: &str) -> Option<i32> {
    let (held, next) = crate::zh::dates::latest_event_and_next(text)?;
    // a report on months `1-N月` was written once they were over, after the meeting and
    // before the next of its kind: where two years fit, the text does not tell which
    let (Some(next), Some(n)) = (next, find_period(text).and_then(|m| last_month(&text[m]))) else {
        return Some(held.0);
    };
    let mut fits = (held.0..=next.0).filter(|&y| (y, n) >= held && (y, n) < next);
    match (fits.next(), fits.next()) {
        (Some(y), None) => Some(y),
        _ => None,
    }
}

/// A report from a year's first quarter that speaks of `过去一年` sums up the year
/// before, though it may name no year at all.
fn looks_back_on_last_year(cx: &Context, doc: Option<i32>) -> Option<(i32, bool)> {
    let (year, month) = cx.published.map(|d| (d.year, d.month))?;
    let early = month <= 3 && doc == Some(year);
    let looks_back = ["过去一年", "过去的一年"]
        .iter()
        .any(|w| cx.text.contains(w));
    (early && looks_back).then_some((year - 1, false))
}

/// The year a summary sums up, from a title or opening like `2023年度…工作总结` or
/// `2023年…统计公报`; the flag
/// says it covers part of a year only (`上半年工作总结`), so its plans stay in that year.
fn summarized_year(s: &str) -> Option<(i32, bool)> {
    // a char of each word a match ends in (总结, 回顾, 成果汇报, 工作报告, 述职, 公报), looked for
    // first: most titles and openings have none
    if !(s.contains('结') || s.contains('顾') || s.contains('报') || s.contains('职')) {
        return None;
    }
    let (whole, between) = match summary_match(s) {
        Ok(m) => m?,
        Err(OtherDigits) => {
            let c = SUMMARY.captures(s)?;
            (c.get(0)?.range(), c.get(2)?.range())
        }
    };
    let after = &s[whole.end..];
    let (whole, between) = (&s[whole], &s[between]);
    // `召开2024年…会议,总结2023年工作`: the year before a clause break is the meeting's;
    // the year the summary word governs follows it, or there is none
    if between.contains([',', '，', ';', '；']) {
        let next = after.trim_start();
        let digits = next
            .get(..4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
        if !next[4..].trim_start().starts_with('年') {
            return None;
        }
        let year = digits.parse().ok()?;
        let partial = next.chars().take(12).collect::<String>().contains("半年");
        return Some((year, partial));
    }
    let year: i32 = whole[..4].parse().ok()?;
    // `2025年政府工作报告` is given in 2025 about 2024, and plans 2025
    if whole.ends_with("工作报告") && between.contains("政府") && !whole.contains("年度") {
        return Some((year - 1, false));
    }
    let partial = between.contains("半年") || between.contains("季度");
    Some((year, partial))
}

/// A year-end summary's year and the words up to the summary word.
static SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"((?:19|20)\d{2})\s*年(?:度)?([^。\n]{0,30}?)(?:总结|回顾|成果汇报|工作报告|述职|公报)",
    )
    .unwrap()
});

/// The words [`SUMMARY`] ends in, in its order.
const SUMMARY_WORDS: [&str; 6] = ["总结", "回顾", "成果汇报", "工作报告", "述职", "公报"];

/// A [`SUMMARY`] match: the whole match and the words between the year and the summary
/// word.
type SummaryMatch = (Range<usize>, Range<usize>);

/// A year written with other decimal digits than ASCII, which `\d` matches too.
struct OtherDigits;

/// [`SUMMARY`]'s first match, read by hand (the regex's captures cost as much as the
/// rest of a document's statements): the whole match and the words between the year
/// and the summary word. Years in other digits than ASCII are left to the regex.
fn summary_match(s: &str) -> Result<Option<SummaryMatch>, OtherDigits> {
    let b = s.as_bytes();
    for p in 0..b.len().saturating_sub(1) {
        if !matches!((b[p], b[p + 1]), (b'1', b'9') | (b'2', b'0')) {
            continue;
        }
        let mut at = p + 2;
        let mut digits = 0;
        while digits < 2 {
            match s[at..].chars().next() {
                Some(c) if c.is_ascii_digit() => at += 1,
                Some(c) if !c.is_ascii() && c.is_numeric() => return Err(OtherDigits),
                _ => break,
            }
            digits += 1;
        }
        let Some(after) = s[at..]
            .trim_start()
            .strip_prefix('年')
            .filter(|_| digits == 2)
        else {
            continue;
        };
        // `度` taken if there: without it the words can end no further (none begins
        // with `度`)
        let mut k = s.len() - after.strip_prefix('度').unwrap_or(after).len();
        let from = k;
        // the fewest chars of `[^。\n]`, up to 30, before a summary word
        for n in 0..=30 {
            if let Some(w) = SUMMARY_WORDS.iter().find(|w| s[k..].starts_with(**w)) {
                return Ok(Some((p..k + w.len(), from..k)));
            }
            match s[k..].chars().next() {
                Some(c) if n < 30 && c != '。' && c != '\n' => k += c.len_utf8(),
                _ => break,
            }
        }
    }
    Ok(None)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_meeting_dates_a_report_only_where_one_year_fits() {
        // no months: the meeting's year
        assert_eq!(
            year_of_named_events("学习贯彻二十届二中全会精神,推动园区发展"),
            Some(2023)
        );
        // months 1-3 fall after a February meeting in its year and, before the next
        // plenum in July of the year after, in that year too: either year fits
        assert_eq!(
            year_of_named_events("传达学习二十届二中全会精神。1~3月,全区完成产值12亿元"),
            None
        );
        // months 1-11 after a July plenum: the next plenum came before November of the
        // following year, so only the plenum's year fits
        assert_eq!(
            year_of_named_events("深入学习二十届三中全会精神。1-11月,规上工业产值增长5%"),
            Some(2024)
        );
        // a session of the people's congress is not the next of a plenum's kind
        assert_eq!(
            year_of_named_events("贯彻十四届全国人大二次会议精神,上半年完成投资8亿元"),
            Some(2024)
        );
    }

    #[test]
    fn a_summary_year_is_the_one_its_summary_word_governs() {
        let text = "5月9日,园区召开2031年招商工作会议,总结2030年招商工作,部署全年任务。";
        assert_eq!(summarized_year(text), Some((2030, false)));
        // a clause break and no year after the summary word: no year summed up
        assert_eq!(summarized_year("召开2031年工作会议,总结经验。"), None);
        assert_eq!(summarized_year("2031年度工作总结"), Some((2031, false)));
        assert_eq!(
            summarized_year("某某高新区2030年国民经济和社会发展统计公报"),
            Some((2030, false))
        );
    }

    #[test]
    fn reads_explicit_relative_and_plan_years() {
        let got: Vec<YearRef> = anchors("2023年,我区…今年…明年…“十四五”末…十三五期末")
            .map(|(_, y)| y)
            .collect();
        assert_eq!(
            got,
            vec![
                YearRef::Absolute(2023),
                YearRef::Relative(0),
                YearRef::Relative(1),
                YearRef::Absolute(2025),
                YearRef::Absolute(2020)
            ]
        );
        assert_eq!(last_anchor("比去年增长5%"), None);
        assert_eq!(last_anchor("较上年同期"), None);
        assert_eq!(last_anchor("去年同期"), None);
        assert_eq!(last_anchor("去年,全县"), Some(YearRef::Relative(-1)));
        assert_eq!(YearRef::Relative(1).resolve(Some(2024)), Some(2025));
        assert_eq!(YearRef::Relative(0).resolve(None), None);
    }

    #[test]
    fn reads_parts_of_a_year() {
        assert_eq!(sub_year_period("上半年,园区").as_deref(), Some("上半年"));
        assert_eq!(sub_year_period("一季度开工率").as_deref(), Some("一季度"));
        assert_eq!(sub_year_period("今年前三季度").as_deref(), Some("前三季度"));
        assert_eq!(sub_year_period("1-9月份,全区").as_deref(), Some("1-9月"));
        assert_eq!(sub_year_period("1至6月").as_deref(), Some("1至6月"));
        assert_eq!(sub_year_period("第二季度").as_deref(), Some("第二季度"));
        assert_eq!(sub_year_period("全年完成"), None);
    }

    #[test]
    fn sentence_times_agree_with_reading_each_prefix() {
        let sentences = [
            "2023年,我区比去年同期增长5%,今年上半年完成3亿元,明年1-9月份力争“十四五”末达到",
            "去年同比增长,去年同期,去年,全县前三季度实现;2024 年第二季度",
            "较上年,前年完成,2025年目标,十三五期末,前3个月,前十个月",
            "上半年",
            "",
        ];
        for s in sentences {
            let times = SentenceTimes::new(s);
            assert_eq!(
                times.anchors().collect::<Vec<_>>(),
                anchors(s).collect::<Vec<_>>()
            );
            for at in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                assert_eq!(
                    times.last_anchor_before(at),
                    last_anchor(&s[..at]),
                    "{s} {at}"
                );
                assert_eq!(
                    times.sub_year_period_before(at),
                    sub_year_period(&s[..at]),
                    "{s} {at}"
                );
            }
        }
    }

    #[test]
    fn reads_summaries_as_the_pattern_does() {
        let cases = [
            "某某区2022年度工作总结大会",
            "2023 年上半年工作回顾",
            "2019年2020年度述职",
            "1920年。总结",
            "20201年总结",
            "2021年\n总结",
            "2024年政府工作报告,2023年成果汇报",
            "2024年一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十总结",
            "2024年一二三四五六七八九十一二三四五六七八九十一二三四五六七八九总结",
            "2024年度一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十总结",
            "192年总结,19年,2099年度回顾",
            "",
        ];
        for s in cases {
            let by_regex = SUMMARY
                .captures(s)
                .map(|c| (c.get(0).unwrap().range(), c.get(2).unwrap().range()));
            assert!(matches!(summary_match(s), Ok(m) if m == by_regex), "{s}");
        }
        assert!(summary_match("２０２３年总结").is_ok());
        assert!(summary_match("20２３年总结").is_err());
    }

    #[test]
    fn finds_the_summarized_year() {
        assert_eq!(
            summarized_year("某某区2022年度工作总结大会"),
            Some((2022, false))
        );
        assert_eq!(summarized_year("2023年上半年工作总结"), Some((2023, true)));
        assert_eq!(
            summarized_year("2021年度高质量发展成果汇报会召开"),
            Some((2021, false))
        );
        assert_eq!(summarized_year("2024年工作要点"), None);
    }

    #[test]
    fn tells_which_parts_of_a_year_are_over() {
        let months: Vec<Option<u32>> = [
            "一季度",
            "第二季度",
            "上半年",
            "前三季度",
            "1-4月",
            "前5个月",
            "前十个月",
            "全年",
        ]
        .into_iter()
        .map(last_month)
        .collect();
        assert_eq!(
            months,
            vec![
                Some(3),
                Some(6),
                Some(6),
                Some(9),
                Some(4),
                Some(5),
                Some(10),
                None
            ]
        );
        let years = Years {
            doc: Some(2024),
            published: Some((2024, 7)),
            ..Years::default()
        };
        assert!(years.period_elapsed("上半年", None));
        assert!(!years.period_elapsed("前三季度", None));
        assert!(years.period_elapsed("下半年", Some(2023)));
        assert!(!years.period_elapsed("一季度", Some(2025)));
        assert!(!Years::default().period_elapsed("一季度", Some(2020)));
    }
}
