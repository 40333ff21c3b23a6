//! Calendar dates as reports write them, and the years that anchor them.

use regex::Regex;
use std::sync::LazyLock;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1900..=2200).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYY年M月D日`) at the start
    /// of `s`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})").unwrap()
        });
        let c = RE.captures(s)?;
        Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    }

    /// The day before.
    pub fn previous_day(&self) -> Date {
        match (self.day, self.month) {
            (d, _) if d > 1 => Date {
                day: d - 1,
                ..*self
            },
            (_, 1) => Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            },
            (_, m) => Date {
                month: m - 1,
                day: days_in_month(self.year, m - 1),
                ..*self
            },
        }
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Finds the first full date (`2024年2月6日`, `2024-02-06`) anywhere in `s`.
pub fn find_full_date(s: &str) -> Option<Date> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2}))",
        )
        .unwrap()
    });
    RE.captures_iter(s).find_map(|c| {
        let y = c[1].parse().ok()?;
        let (m, d) = match (c.get(2), c.get(3)) {
            (Some(m), Some(d)) => (m.as_str(), d.as_str()),
            _ => (c.get(4)?.as_str(), c.get(5)?.as_str()),
        };
        Date::new(y, m.parse().ok()?, d.parse().ok()?)
    })
}

/// Years written as `2023年` (also `2023年度`) in `text`, with their byte offsets.
pub fn year_mentions(text: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap());
    // a match starts with its four digits: no groups needed, and a match costs far
    // less than its captures
    RE.find_iter(text)
        .filter_map(|m| Some((m.start(), m.as_str()[..4].parse().ok()?)))
}

/// A year and a month (1–12).
pub type YearMonth = (i32, u32);

/// The latest of the national meetings of `event_dates.txt` that `text` names, as (year,
/// month): a report that writes no year was written after it.
pub fn latest_event_named(text: &str) -> Option<(i32, u32)> {
    latest_event_id(text).map(|id| crate::lexicon::dates::EVENT_DATES.held[id])
}

/// [`latest_event_named`], with when the next meeting of its kind was held (a party
/// congress or plenum, or a session of the National People's Congress), if the list has
/// one: a report naming the one and not the other was written between them.
pub fn latest_event_and_next(text: &str) -> Option<(YearMonth, Option<YearMonth>)> {
    let events = &*crate::lexicon::dates::EVENT_DATES;
    let latest = latest_event_id(text)?;
    Some((events.held[latest], events.next_of_kind(latest)))
}

/// The id (in `event_dates.txt`) of the latest national meeting `text` names.
fn latest_event_id(text: &str) -> Option<usize> {
    let events = &*crate::lexicon::dates::EVENT_DATES;
    events
        .names
        .find_all(text)
        .into_iter()
        .map(|(_, id)| id)
        .max_by_key(|&id| events.held[id])
}

/// The year of a `M月D日` written after a meeting held in `event` (year, month): that
/// year from the meeting's month on, else the next.
pub fn year_after_event(event: (i32, u32), month: u32) -> i32 {
    if month >= event.1 {
        event.0
    } else {
        event.0 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_and_chinese_dates() {
        assert_eq!(
            Date::parse_iso("2024-02-07 16:30:51").unwrap().iso(),
            "2024-02-07"
        );
        assert_eq!(Date::parse_iso("2023年9月5日").unwrap().iso(), "2023-09-05");
        assert!(Date::parse_iso("2023-02-30").is_none());
        assert_eq!(
            find_full_date("发布时间:2024-02-07 16:30").unwrap().iso(),
            "2024-02-07"
        );
        assert_eq!(
            find_full_date("于2023年12月1日召开").unwrap().iso(),
            "2023-12-01"
        );
    }

    #[test]
    fn a_national_meeting_named_dates_what_follows_it() {
        let e = latest_event_named("会议传达学习了党的二十大和二十届三中全会精神").unwrap();
        assert_eq!(e, (2024, 7));
        assert_eq!(year_after_event(e, 11), 2024);
        assert_eq!(year_after_event(e, 2), 2025);
        assert_eq!(latest_event_named("会议研究了园区规划"), None);
    }

    #[test]
    fn the_day_before_crosses_months_and_years() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(d(2024, 12, 18).previous_day(), d(2024, 12, 17));
        assert_eq!(d(2024, 3, 1).previous_day(), d(2024, 2, 29));
        assert_eq!(d(2025, 1, 1).previous_day(), d(2024, 12, 31));
    }
}
