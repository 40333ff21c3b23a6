//! When a meeting was held: the `M月D日` of its sentence with the year resolved, or
//! where the sentence writes none, a date from around it, by the named rules of
//! [`DATE_RULES`] in order; and a speech's own meeting, dated by its dateline.

use super::naming::is_talks;
use super::*;

/// What a date rule reads: the sentence `s` (number `i`) that says the meeting `name`
/// was held.
pub(super) struct Dating<'a> {
    pub cx: &'a Context<'a>,
    pub i: usize,
    pub s: &'a str,
    pub name: &'a str,
}

/// A named rule dating a meeting, or `None` to leave it to the rules after it.
pub(super) struct DateRule {
    /// What the rule is for (the tests name the rule that answers).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub apply: fn(&Dating) -> Option<Date>,
}

/// The date rules, in the order they are tried: the first that answers dates the
/// meeting.
pub(super) static DATE_RULES: &[DateRule] = &[
    DateRule {
        name: "month and day",
        apply: |d| month_day_in(d.cx, d.s),
    },
    DateRule {
        name: "month sign dropped",
        apply: |d| missing_month(d.cx, d.s),
    },
    DateRule {
        name: "day in the month before",
        apply: day_in_month_before,
    },
    DateRule {
        name: "yesterday",
        apply: yesterday,
    },
    DateRule {
        name: "today of a speech",
        apply: today_of_speech,
    },
    DateRule {
        name: "afterwards",
        apply: afterwards,
    },
];

/// `26日下午,…点评会召开` after `9月25日至26日`: the month of the date before.
fn day_in_month_before(d: &Dating) -> Option<Date> {
    let day: u32 = DAY_ONLY.captures(d.s)?[1].parse().ok()?;
    let before = date_before(d.cx, d.i)?;
    Date::new(before.year, before.month, day)
}

/// A newspaper's `昨日`, `昨(十七)日`: the day before it was published.
fn yesterday(d: &Dating) -> Option<Date> {
    YESTERDAY
        .is_match(d.s)
        .then(|| d.cx.published.map(|p| p.previous_day()))
        .flatten()
}

/// A speech: `今天我们召开…会议` under a dateline `(2025年2月10日)`.
fn today_of_speech(d: &Dating) -> Option<Date> {
    MEETINGS
        .words
        .set(Word::Today)
        .occurs_in(d.s)
        .then_some(d.cx.dateline)
        .flatten()
}

/// `在随后召开的座谈会上`, talks during a visit: the day the report's account began.
fn afterwards(d: &Dating) -> Option<Date> {
    (is_talks(d.name) || MEETINGS.words.set(Word::Afterwards).occurs_in(d.s))
        .then(|| date_before(d.cx, d.i))
        .flatten()
}

/// A day of the month alone opening a sentence (`26日下午,…`).
pub(super) static DAY_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s*日(?:上午|下午|晚上|晚)?[,，]").unwrap());

/// `昨日`, `昨天`, `昨(十七)日`: the day before the report.
pub(super) static YESTERDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"昨(?:日|天|\s*[(（][一二三四五六七八九十]{1,3}[)）]\s*日)").unwrap()
});

/// The last `M月D日` date written before sentence `i`, within the few paragraphs before.
pub(super) fn date_before(cx: &Context, i: usize) -> Option<Date> {
    let para = cx.segments.sentences[i].paragraph;
    let first = cx.segments.paragraphs[para.saturating_sub(4)]
        .sentences
        .start;
    (first..i)
        .rev()
        .find_map(|j| month_day_in(cx, cx.sentence(j)))
}

/// The first `M月D日` of `s` that is no news dateline (`某某融媒1月23日讯`,
/// `新华社北京5月3日电`), which dates the report, not what it tells.
pub(super) fn month_day_in(cx: &Context, s: &str) -> Option<Date> {
    MONTH_DAY
        .captures_iter(s)
        .find(|c| !is_news_dateline(&s[c.get(0).map_or(0, |m| m.end())..]))
        .and_then(|c| {
            let month = c[2].parse().ok()?;
            let day = c[3].parse().ok()?;
            let year = c.get(1).and_then(|y| y.as_str().parse().ok());
            resolve_date(cx, year, month, day)
        })
}

/// Whether what follows a date makes it a news dateline: `讯`, or `电` standing alone
/// (`日电 (记者…)`, not `日电子…`).
pub(super) fn is_news_dateline(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '　']);
    after.starts_with('讯')
        || after
            .strip_prefix('电')
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '　', '(', '（', '　', '讯']))
}

/// A sentence opening with a date whose `月` was dropped (`522日,…` for `5月22日`): read
/// so only where the date falls in the weeks before the report was issued.
pub(super) fn missing_month(cx: &Context, s: &str) -> Option<Date> {
    static RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{3,4})\s*日").unwrap());
    let issued = Date::parse_iso(cx.doc.published.as_deref()?)?;
    let digits = RUN.captures(s)?.get(1)?.as_str();
    let (month, day) = digits.split_at(digits.len() - 2);
    let date = Date::new(issued.year, month.parse().ok()?, day.parse().ok()?)?;
    let days = |d: Date| d.year * 372 + d.month as i32 * 31 + d.day as i32;
    (date <= issued && days(issued) - days(date) <= 62).then_some(date)
}

/// A speech's own meeting: `在某某工作会议上的讲话` as its title, with a dateline.
pub(super) fn speech_meeting(cx: &Context) -> Option<(usize, Meeting)> {
    static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"在(.{2,40}?(?:会议|大会|会))上的(?:讲话|致辞|报告|发言|主持词)").unwrap()
    });
    // a subtitle `——2025年1月16日在某某工作会议上` under a work report's title
    static SUBTITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[—－-]{1,2}\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*在(.{2,40}?(?:会议|大会|会))上$").unwrap()
    });
    let title = cx.doc.title.as_deref().unwrap_or("");
    let head = cx
        .segments
        .sentences
        .iter()
        .take(6)
        .map(|s| &cx.text[s.span.clone()]);
    let (i, name, line) = std::iter::once(title)
        .chain(head)
        .enumerate()
        .find_map(|(i, t)| {
            SPEECH
                .captures(t)
                .or_else(|| SUBTITLE.captures(t.trim()))
                .map(|c| (i.saturating_sub(1), c[1].to_string(), t))
        })?;
    let date = MONTH_DAY
        .captures(line)
        .and_then(|c| {
            let year = c.get(1)?.as_str().parse().ok()?;
            Date::new(year, c[2].parse().ok()?, c[3].parse().ok()?)
        })
        .or(cx.dateline)?;
    Some((
        i,
        Meeting {
            name: Some(name),
            date: Some(date.iso()),
            evidence: (!cx.segments.sentences.is_empty()).then(|| cx.evidence(i)),
            ..Meeting::default()
        },
    ))
}

/// Year of a `M月D日` date: written, else from the publication date (a date after it
/// is last year's), else the report's own year.
pub(super) fn resolve_date(cx: &Context, year: Option<i32>, month: u32, day: u32) -> Option<Date> {
    if let Some(y) = year {
        return Date::new(y, month, day);
    }
    if let Some(p) = cx.published {
        let y = if (month, day) > (p.month, p.day) {
            p.year - 1
        } else {
            p.year
        };
        return Date::new(y, month, day);
    }
    let Some(y) = cx.doc_year() else {
        // no year written: the first after the latest national meeting the text names
        let event = crate::zh::dates::latest_event_named(cx.text)?;
        return Date::new(crate::zh::dates::year_after_event(event, month), month, day);
    };
    // a late-year meeting in a report that also plans the next year is in the earlier year
    let names_previous = crate::zh::dates::year_mentions(cx.text).any(|(_, m)| m == y - 1);
    let y = if month >= 11 && names_previous {
        y - 1
    } else {
        y
    };
    Date::new(y, month, day)
}
