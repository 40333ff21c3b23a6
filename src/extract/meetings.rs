//! Meetings the report describes as held: name, date, venue, attendance, and who
//! hosted, spoke or attended.
//!
//! A meeting is a sentence where a meeting word (`…大会`, `…推进会`, `…会议`) meets a
//! verb of holding (`召开`, `举行`). The date is the sentence's `M月D日` with the year
//! resolved from the publication date or the years the report names. Participants are
//! the officials named in the meeting's part of the text, each with the role verb that
//! follows the name (`主持` → host, `讲话`/`作…报告`/`宣读` → speaker, `出席` → attendee).

use super::dates::Date;
use super::officials;
use super::zones::{self, is_han};
use super::{Context, Extractor};
use crate::lexicon;
use crate::lexicon::WordsByChar;
use crate::model::{Meeting, Official, Participant, Report, Role};
use aho_corasick::AhoCorasick;
use memchr::memmem;
use regex::Regex;
use std::sync::LazyLock;

mod participants;

use participants::participants;

pub struct Meetings;

impl Extractor for Meetings {
    fn name(&self) -> &'static str {
        "meetings"
    }

    fn extract(&self, cx: &Context, report: &mut Report) {
        let held_at = held_sentences(cx);
        // a tour held before the first meeting (`拉练活动举行`): who took part in it is
        // no participant of the meeting
        let tours: Vec<usize> = held_at
            .iter()
            .copied()
            .filter(|&i| name_and_venue(cx.sentence(i)).is_some_and(|(n, _)| is_tour(&n)))
            .collect();
        let mut held: Vec<(usize, Meeting)> = held_at
            .into_iter()
            .filter_map(|i| meeting_in(cx, i, report).map(|m| (i, m)))
            .collect();
        if let Some(speech) = speech_meeting(cx) {
            held.insert(0, speech);
        }
        // a report often restates its meeting (title, lead): keep one per name/date
        let mut meetings: Vec<(usize, Meeting)> = Vec::new();
        for (i, m) in held {
            // talks at two stops of a visit are two meetings; the visit's first day
            // dates the first only
            let mut m = m;
            let talks_name = |k: &Meeting| k.name.as_deref().is_some_and(is_talks);
            if talks_name(&m)
                && meetings
                    .iter()
                    .any(|(_, k)| talks_name(k) && k.name != m.name)
            {
                if !MONTH_DAY.is_match(cx.sentence(i)) {
                    m.date = None;
                }
                meetings.push((i, m));
                continue;
            }
            let same = meetings.iter_mut().find(|(_, k)| {
                (k.date == m.date || k.name == m.name || k.date.is_none() || m.date.is_none())
                    && talks_name(k) == talks_name(&m)
            });
            match same {
                Some((at, k)) => {
                    // keep the dated statement: it is the one that describes the meeting
                    if k.date.is_none() && m.date.is_some() {
                        *at = i;
                        k.evidence = m.evidence.clone();
                    }
                    let longer = |a: &Option<String>, b: &Option<String>| {
                        a.as_ref().map_or(0, |s| s.chars().count())
                            >= b.as_ref().map_or(0, |s| s.chars().count())
                    };
                    if !longer(&k.name, &m.name) {
                        k.name = m.name;
                    }
                    k.venue = k.venue.take().or(m.venue);
                    k.attendance = k.attendance.or(m.attendance);
                    k.date = k.date.take().or(m.date);
                }
                None => meetings.push((i, m)),
            }
        }
        let focal = zones::focal(report).map(|z| z.name.clone());
        let starts: Vec<usize> = meetings.iter().map(|(i, _)| *i).collect();
        for (n, (i, m)) in meetings.iter_mut().enumerate() {
            // the meeting's part of the text: from its paragraph to the next meeting
            let own = cx.segments.paragraphs[cx.segments.sentences[*i].paragraph]
                .sentences
                .start;
            let first = if n == 0 {
                // past the tour's paragraph, where its party is listed
                tours.iter().rev().find(|&&t| t < *i).map_or(0, |&t| {
                    let p = cx.segments.sentences[t].paragraph;
                    cx.segments.paragraphs[p].sentences.end.min(own).max(t + 1)
                })
            } else {
                // not back over the sentence of the meeting before
                own.max(starts[n - 1] + 1).min(*i)
            };
            let last = starts
                .get(n + 1)
                .copied()
                .unwrap_or(cx.segments.sentences.len());
            m.participants = participants(cx, first..last, report, focal.as_deref());
            m.zone = focal.clone();
        }
        report.meetings = meetings.into_iter().map(|(_, m)| m).collect();
    }
}

/// The sentences holding a verb of holding, in order: one search through the whole text
/// per verb (most sentences hold none, and a searcher run over a long text is cheap per
/// byte, where per sentence its set-up would dominate).
fn held_sentences(cx: &Context) -> Vec<usize> {
    let sentences = &cx.segments.sentences;
    let mut found = Vec::new();
    for verb in &LEX.held_searchers {
        for at in verb.find_iter(cx.text.as_bytes()) {
            let Some(i) = cx.sentence_at(at) else {
                continue;
            };
            // an occurrence running over a sentence's end is in neither sentence
            if at + verb.needle().len() <= sentences[i].span.end {
                found.push(i);
            }
        }
    }
    // a study group's session is held without a verb of holding (`中心组开展集体学习`)
    for at in memmem::find_iter(cx.text.as_bytes(), STUDY_GROUP.as_bytes()) {
        found.extend(cx.sentence_at(at));
    }
    // a batch of projects started together (`20个重点项目集中开工`)
    for at in memmem::find_iter(cx.text.as_bytes(), BATCH.as_bytes()) {
        found.extend(cx.sentence_at(at));
    }
    // talks held with a party visited (`与某某研究院进行了座谈交流`)
    for at in memmem::find_iter(cx.text.as_bytes(), TALKS.as_bytes()) {
        found.extend(cx.sentence_at(at));
    }
    found.sort_unstable();
    found.dedup();
    found
}

struct Lexicons {
    nouns: Vec<&'static str>,
    held: Vec<&'static str>,
    /// Searchers for the verbs of `held` that hold no other (a sentence holding
    /// `隆重召开` holds `召开`): where any of `held` occurs, one of these does.
    held_searchers: Vec<memmem::Finder<'static>>,
    /// `held` by last char: most sentences hold none, and one pass over their chars
    /// tells (cheaper than an automaton stepping byte by byte through Han text).
    any_held: WordsByChar,
    roles: Vec<(&'static str, Option<Role>)>,
    /// The verbs of `roles`, pattern `k` being `roles[k]`: tells which occur in a clause
    /// in one pass.
    role_verbs: AhoCorasick,
    /// Verbs of leading a party (`率`, `带队`), read right after a name only.
    leads: Vec<&'static str>,
    /// Batches of projects started together (`集中开工`), longest first.
    batches: Vec<&'static str>,
}

static LEX: LazyLock<Lexicons> = LazyLock::new(|| {
    let mut nouns: Vec<&str> =
        lexicon::entries(include_str!("../../data/lexicon/meeting_nouns.txt")).collect();
    nouns.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut roles: Vec<(&str, Option<Role>)> =
        lexicon::entries(include_str!("../../data/lexicon/meeting_roles.txt"))
            .filter_map(|l| {
                let (verb, role) = l.split_once(' ')?;
                let role = match role.trim() {
                    "host" => Some(Role::Host),
                    "speaker" => Some(Role::Speaker),
                    "attendee" => Some(Role::Attendee),
                    _ => None, // weak: a speaker only for the report's own officials
                };
                Some((verb, role))
            })
            .collect();
    roles.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
    let held: Vec<&str> =
        lexicon::entries(include_str!("../../data/lexicon/held_verbs.txt")).collect();
    let held_searchers = held
        .iter()
        .filter(|w| !held.iter().any(|v| v != *w && w.contains(v)))
        .map(|w| memmem::Finder::new(w.as_bytes()))
        .collect();
    Lexicons {
        held_searchers,
        nouns,
        any_held: WordsByChar::by_last(held.iter().copied()),
        held,
        role_verbs: AhoCorasick::new(roles.iter().map(|r| r.0)).unwrap(),
        roles,
        leads: lexicon::entries(include_str!("../../data/lexicon/meeting_lead_verbs.txt"))
            .collect(),
        batches: {
            let mut b: Vec<&str> =
                lexicon::entries(include_str!("../../data/lexicon/meeting_batch_events.txt"))
                    .collect();
            b.sort_by_key(|w| std::cmp::Reverse(w.len()));
            b
        },
    }
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日").unwrap()
});

static ATTENDANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:共|约|近|计|逾|超过)?(\d+|[一二两三四五六七八九十百千]+)\s*(余|多)?\s*(?:人|名)(?:次)?(?:参加|出席|参会|与会|到会|列席)")
        .unwrap()
});

/// How a meeting was held, before its verb (`以视频形式`, `以线上线下结合方式`).
static MANNER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"以[^,，。;；]{1,10}?(?:形式|方式)$").unwrap());

/// A day of the month alone opening a sentence (`26日下午,…`).
static DAY_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2})\s*日(?:上午|下午|晚上|晚)?[,，]").unwrap());

/// Whether a held activity is a tour of sites (`重大项目建设拉练活动`, `观摩活动`), which
/// is no meeting; the meeting held after it (`拉练点评会`) is one.
fn is_tour(name: &str) -> bool {
    ["拉练", "观摩", "调研", "考察", "视察"]
        .iter()
        .any(|w| name.contains(w))
        && !name.ends_with('会')
}

/// `昨日`, `昨天`, `昨(十七)日`: the day before the report.
static YESTERDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"昨(?:日|天|\s*[(（][一二三四五六七八九十]{1,3}[)）]\s*日)").unwrap()
});

/// The meeting sentence `i` reports as held, if any.
fn meeting_in(cx: &Context, i: usize, report: &Report) -> Option<Meeting> {
    let s = cx.sentence(i);
    let (name, venue) = name_and_venue(s)?;
    if is_tour(&name) {
        return None;
    }
    let date = month_day_in(cx, s)
        // `522日` for `5月22日`, days before the report was issued
        .or_else(|| missing_month(cx, s))
        // `26日下午,…点评会召开` after `9月25日至26日`: the month of the date before
        .or_else(|| {
            let day: u32 = DAY_ONLY.captures(s)?[1].parse().ok()?;
            let before = date_before(cx, i)?;
            Date::new(before.year, before.month, day)
        })
        // a newspaper's `昨日`, `昨(十七)日`: the day before it was published
        .or_else(|| {
            YESTERDAY
                .is_match(s)
                .then(|| cx.published.map(|d| d.previous_day()))
                .flatten()
        })
        // a speech: `今天我们召开…会议` under a dateline `(2025年2月10日)`
        .or_else(|| {
            ["今天", "今日", "此次", "这次"]
                .iter()
                .any(|w| s.contains(w))
                .then_some(cx.dateline)
                .flatten()
        })
        // `在随后召开的座谈会上`, talks during a visit: the day the report's account began
        .or_else(|| {
            (is_talks(&name)
                || ["随后", "之后", "期间", "当天", "当日", "会上"]
                    .iter()
                    .any(|w| s.contains(w)))
            .then(|| date_before(cx, i))
            .flatten()
        });
    let attendance = cx.segments.sentences[i..]
        .iter()
        // the count is often told a few sentences on, after who spoke
        .take(8)
        .map(|sent| &cx.text[sent.span.clone()])
        .find_map(attendance_in);
    let _ = report;
    Some(Meeting {
        name: Some(name),
        date: date.map(|d| d.iso()),
        venue,
        attendance,
        zone: None,
        participants: Vec::new(),
        evidence: Some(cx.evidence(i)),
    })
}

/// The last `M月D日` date written before sentence `i`, within the few paragraphs before.
fn date_before(cx: &Context, i: usize) -> Option<Date> {
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
fn month_day_in(cx: &Context, s: &str) -> Option<Date> {
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
fn is_news_dateline(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '　']);
    after.starts_with('讯')
        || after
            .strip_prefix('电')
            .is_some_and(|r| r.is_empty() || r.starts_with([' ', '　', '(', '（', '　', '讯']))
}

/// A sentence opening with a date whose `月` was dropped (`522日,…` for `5月22日`): read
/// so only where the date falls in the weeks before the report was issued.
fn missing_month(cx: &Context, s: &str) -> Option<Date> {
    static RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{3,4})\s*日").unwrap());
    let issued = Date::parse_iso(cx.doc.published.as_deref()?)?;
    let digits = RUN.captures(s)?.get(1)?.as_str();
    let (month, day) = digits.split_at(digits.len() - 2);
    let date = Date::new(issued.year, month.parse().ok()?, day.parse().ok()?)?;
    let days = |d: Date| d.year * 372 + d.month as i32 * 31 + d.day as i32;
    (date <= issued && days(issued) - days(date) <= 62).then_some(date)
}

/// A speech's own meeting: `在某某工作会议上的讲话` as its title, with a dateline.
fn speech_meeting(cx: &Context) -> Option<(usize, Meeting)> {
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
fn resolve_date(cx: &Context, year: Option<i32>, month: u32, day: u32) -> Option<Date> {
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
        let event = super::dates::latest_event_named(cx.text)?;
        return Date::new(super::dates::year_after_event(event, month), month, day);
    };
    // a late-year meeting in a report that also plans the next year is in the earlier year
    let names_previous = super::dates::year_mentions(cx.text).any(|(_, m)| m == y - 1);
    let y = if month >= 11 && names_previous {
        y - 1
    } else {
        y
    };
    Date::new(y, month, day)
}

fn attendance_in(s: &str) -> Option<u32> {
    let c = ATTENDANCE.captures(s)?;
    let n = super::numbers::parse_number(&c[1])?;
    (2.0..1_000_000.0).contains(&n).then_some(n as u32)
}

/// What a party committee's theory study group is called for short (`理论学习中心组`).
const STUDY_GROUP: &str = "中心组";

/// Verbs with which a study group holds a session (`中心组开展集体学习`): too common to
/// say a meeting was held elsewhere.
const STUDY_VERBS: &[&str] = &["开展", "进行", "组织"];

/// The meeting's name (and venue) in a sentence that says it was held.
fn name_and_venue(s: &str) -> Option<(String, Option<String>)> {
    held_name_and_venue(s)
        .or_else(|| study_session(s).map(|n| (n, None)))
        .or_else(|| talks(s).map(|n| (n, None)))
        .or_else(|| batch_event(s).map(|n| (n, None)))
}

/// What the words of `meeting_batch_events.txt` open with.
const BATCH: &str = "集中";

/// `3月23日,园区28个重点项目集中开工。`: a dated batch of projects started (signed,
/// completed) together, named by its clause; not one planned (`力争…集中开工`).
fn batch_event(s: &str) -> Option<String> {
    if !MONTH_DAY.is_match(s) {
        return None;
    }
    LEX.batches.iter().find_map(|w| {
        s.match_indices(w).find_map(|(at, _)| {
            let end = at + w.len();
            let ends_clause = s[end..]
                .chars()
                .next()
                .is_none_or(|c| participants::CLAUSE_END.contains(&c));
            let name = name_ending_any(&s[..end])?;
            let planned = ["力争", "将", "计划", "拟", "预计", "确保"]
                .iter()
                .any(|p| name.contains(p));
            (ends_clause && !planned && name.contains("项目")).then_some(name)
        })
    })
}

/// The run of name characters that ends `s`, after a lead date.
fn name_ending_any(s: &str) -> Option<String> {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c) || c.is_ascii_digit() || matches!(c, '(' | ')' | '“' | '”'))
        .last()
        .map(|(i, _)| i)?;
    let mut name = &s[start..];
    if let Some(m) = MONTH_DAY.find(name) {
        name = &name[m.end()..];
    }
    (name.chars().count() >= 4).then(|| name.to_string())
}

/// Talks, the word held without a verb of holding (`座谈`, but not `座谈会`).
const TALKS: &str = "座谈";

/// `与某某研究院进行了座谈交流`: talks with a party, named from `与` on; not talks
/// planned (`将与…座谈`).
fn talks(s: &str) -> Option<String> {
    s.match_indices(TALKS).find_map(|(at, _)| {
        let after = &s[at + TALKS.len()..];
        if after.starts_with('会') {
            return None;
        }
        let clause_start = s[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| participants::CLAUSE_END.contains(c))
            .map_or(0, |(c, ch)| c + ch.len_utf8());
        let clause = &s[clause_start..at];
        // the first: the party's own name may hold one (`研究与发展中心`)
        let with = clause.find(['与', '同'])?;
        if ["将", "拟", "计划", "准备"]
            .iter()
            .any(|w| clause[..with].contains(w))
        {
            return None;
        }
        let mut party = &clause[with..];
        for verb in ["进行了", "进行", "开展了", "开展", "举行了", "举行"] {
            if let Some(p) = party.strip_suffix(verb) {
                party = p;
                break;
            }
        }
        let tail = if after.starts_with("交流") {
            "交流"
        } else {
            ""
        };
        (party.chars().count() >= 3).then(|| format!("{party}{TALKS}{tail}"))
    })
}

/// Whether a meeting's name is that of talks (`与某某座谈交流`), which a report tells
/// as one stop of a visit, dated by the visit.
fn is_talks(name: &str) -> bool {
    name.contains(TALKS) && !name.contains("座谈会")
}

/// `某某党工委理论学习中心组开展2024年第3次集体学习`: the group and its session make
/// the name.
fn study_session(s: &str) -> Option<String> {
    for verb in STUDY_VERBS {
        for (at, _) in s.match_indices(verb) {
            let subject = trim_adverbs(&s[..at]);
            if !subject.ends_with(STUDY_GROUP) {
                continue;
            }
            let Some(session) = name_after(&s[at + verb.len()..]) else {
                continue;
            };
            let mut start = subject.len();
            for (i, c) in subject.char_indices().rev() {
                if !(is_han(c) || c.is_ascii_digit()) {
                    break;
                }
                start = i;
            }
            let mut group = &subject[start..];
            if let Some(m) = MONTH_DAY.find(group) {
                group = &group[m.end()..];
            }
            return Some(format!("{group}{session}"));
        }
    }
    None
}

fn held_name_and_venue(s: &str) -> Option<(String, Option<String>)> {
    let lex = &*LEX;
    if !lex.any_held.occurs_in(s) {
        return None;
    }
    for verb in &lex.held {
        for (at, _) in s.match_indices(verb) {
            // `召开…会议`: the name follows the verb
            if let Some(name) = name_after(&s[at + verb.len()..]) {
                if passed_on(&s[..at], &s[at + verb.len()..], &name) {
                    continue;
                }
                return Some((name, venue_before(&s[..at])));
            }
            // `9月27日,甲主持召开会议,专题学习…`: a dated meeting named no more than that
            if bare_meeting(&s[at + verb.len()..]) && MONTH_DAY.is_match(&s[..at]) {
                return Some((BARE_MEETING.to_string(), venue_before(&s[..at])));
            }
            // `…大会(在…)召开`: the name precedes, maybe with a venue between
            let before = &s[..at];
            let (head, venue) = match before.rfind('在') {
                Some(v) if v > 0 && noun_end(&before[..v]).is_some() => {
                    (&before[..v], venue_before(before))
                }
                _ => (before, None),
            };
            // `…会议以视频形式召开`: the manner is no part of the name
            let head = trim_adverbs(head);
            let head = MANNER.find(head).map_or(head, |m| &head[..m.start()]);
            if let Some(name) = name_ending(head) {
                return Some((name, venue));
            }
        }
    }
    None
}

/// What a meeting is called where the report gives it no name.
const BARE_MEETING: &str = "会议";

/// Whether `after` a verb of holding is the bare word for a meeting, ending its clause.
fn bare_meeting(after: &str) -> bool {
    after
        .trim_start_matches('了')
        .strip_prefix(BARE_MEETING)
        .is_some_and(|r| {
            r.chars()
                .next()
                .is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric())
        })
}

/// Whether a meeting named after a verb of holding is one whose spirit the report's
/// meeting passes on (`传达了11月26日召开的市委经济工作会议精神`), not one held here.
fn passed_on(before: &str, after: &str, name: &str) -> bool {
    let rest = after.trim_start_matches(['了', ' ', '的']);
    let following = rest.get(name.len()..).unwrap_or("");
    if following.starts_with("精神") {
        return true;
    }
    // `传达学习…召开的…会议`: the verb of passing on in the same clause, before it
    let clause = before
        .rsplit([',', '，', ';', '；'])
        .next()
        .unwrap_or(before);
    after.starts_with('的') && ["传达", "学习", "贯彻"].iter().any(|w| clause.contains(w))
}

fn trim_adverbs(s: &str) -> &str {
    let mut s = s;
    for part in ["上午", "下午", "晚上"] {
        s = s.strip_suffix(part).unwrap_or(s);
    }
    if let Some(m) = s
        .ends_with('日')
        .then(|| YESTERDAY.find_iter(s).last())
        .flatten()
        .filter(|m| m.end() == s.len())
    {
        s = &s[..m.start()];
    }
    for adv in [
        "隆重", "顺利", "胜利", "正式", "如期", "近日", "日前", "今天", "上午", "下午", "晚上",
    ] {
        s = s.strip_suffix(adv).unwrap_or(s);
    }
    s
}

/// Byte offset just past a meeting word that ends `s`, if one does.
fn noun_end(s: &str) -> Option<usize> {
    let s2 = trim_adverbs(s);
    LEX.nouns.iter().find(|n| s2.ends_with(**n)).and_then(|n| {
        let before = s2[..s2.len() - n.len()].chars().next_back();
        (n.chars().count() > 1 || before.is_some_and(is_han)).then_some(s2.len())
    })
}

/// The meeting name that ends `s`: back to punctuation or to the end of a date.
fn name_ending(s: &str) -> Option<String> {
    let end = noun_end(s)?;
    let s = &s[..end];
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        if is_han(c)
            || c.is_ascii_digit()
            || matches!(c, '〇' | '“' | '”' | '"' | '·' | '(' | ')' | '《' | '》')
        {
            start = i;
        } else {
            break;
        }
    }
    let mut name = &s[start..];
    // a lead date (`2月6日上午,` is cut by the comma; `2月6日上午某某会` is not)
    if let Some(m) = MONTH_DAY.find(name) {
        name = &name[m.end()..];
        for t in ["上午", "下午", "晚上", "晚", "起"] {
            name = name.strip_prefix(t).unwrap_or(name);
        }
    }
    let name = strip_subject(name);
    (name.chars().count() >= 3).then(|| name.to_string())
}

/// Removes a leading `区委、区政府`-style subject or `由…` that is not part of a name.
fn strip_subject(name: &str) -> &str {
    let mut n = name;
    for lead in ["由", "在", "于"] {
        n = n.strip_prefix(lead).unwrap_or(n);
    }
    n
}

/// `召开X会议…`: the meeting name right after the verb.
fn name_after(s: &str) -> Option<String> {
    let s = s.trim_start_matches(['了', ' ', '的']);
    let mut end = 0;
    let mut last_noun_end = None;
    for (i, c) in s.char_indices() {
        if !(is_han(c)
            || c.is_ascii_digit()
            || matches!(
                c,
                '“' | '”' | '"' | '·' | '(' | ')' | '《' | '》' | '-' | '—' | '~'
            ))
        {
            break;
        }
        end = i + c.len_utf8();
        if noun_end(&s[..end]).is_some() {
            last_noun_end = Some(end);
        }
        if end > 150 {
            break;
        }
    }
    let _ = end;
    let name = &s[..last_noun_end?];
    (name.chars().count() >= 3).then(|| name.to_string())
}

/// `…在某某礼堂` before the verb: the venue.
fn venue_before(s: &str) -> Option<String> {
    let s = trim_adverbs(s);
    let at = s.rfind('在')?;
    let venue = &s[at + '在'.len_utf8()..];
    let ok = venue.chars().count() >= 2
        && venue.chars().count() <= 30
        && ![
            "随后", "此前", "之后", "当天", "今天", "今年", "近日", "日前", "会上",
        ]
        .contains(&venue)
        && venue
            .chars()
            .all(|c| is_han(c) || c.is_ascii_alphanumeric() || c == '(' || c == ')');
    ok.then(|| venue.to_string())
}

#[cfg(test)]
mod tests {
    use super::participants::*;
    use super::*;

    #[test]
    fn finds_official_names_as_match_indices_would() {
        let officials: Vec<Official> = ["王某", "王王", "李某某"]
            .iter()
            .map(|n| Official {
                name: n.to_string(),
                ..Official::default()
            })
            .collect();
        let s = "王某主持,王王王讲话,李某某、王某出席";
        let expected: Vec<(usize, usize)> = officials
            .iter()
            .enumerate()
            .flat_map(|(k, o)| s.match_indices(o.name.as_str()).map(move |(at, _)| (k, at)))
            .collect();
        assert_eq!(NameStarts::of(&officials).occurrences(s), expected);
    }

    #[test]
    fn name_and_venue_in_common_phrasings() {
        let (n, v) =
            name_and_venue("3月5日上午,青溪高新区2024年度工作会议在管委会三楼会议室隆重召开。")
                .unwrap();
        assert_eq!(n, "青溪高新区2024年度工作会议");
        assert_eq!(v.as_deref(), Some("管委会三楼会议室"));
        let (n, v) =
            name_and_venue("4月2日,区委、区政府召开北塘区2024年度高质量发展推进会。").unwrap();
        assert_eq!(n, "北塘区2024年度高质量发展推进会");
        assert_eq!(v, None);
        let (n, _) = name_and_venue("1月8日,2024年度园区总结表彰大会召开。").unwrap();
        assert_eq!(n, "2024年度园区总结表彰大会");
        assert!(name_and_venue("在2022年度工作总结大会上的讲话").is_none());
    }

    #[test]
    fn roles_from_the_clause_after_a_name() {
        assert_eq!(role_after("张三主持会议", 6), Some(Some(Role::Host)));
        assert_eq!(role_after("张三组织召开推进会", 6), Some(Some(Role::Host)));
        assert_eq!(
            role_after("张三同志,代表管委会作2024年工作报告。", 6),
            Some(Some(Role::Speaker))
        );
        assert_eq!(
            role_after("张三、李四等出席会议", 6),
            Some(Some(Role::Attendee))
        );
        assert_eq!(role_after("张三出席并讲话", 6), Some(Some(Role::Speaker)));
        assert_eq!(role_after("张三强调,要加快发展", 6), Some(None));
        assert_eq!(role_after("张三同志的文章", 6), None);
    }

    #[test]
    fn attendance_counts() {
        assert_eq!(attendance_in("共170人参加会议"), Some(170));
        assert_eq!(attendance_in("300多人出席"), Some(300));
        assert_eq!(attendance_in("各部门负责人参加会议"), None);
    }
    #[test]
    fn a_newspapers_yesterday_and_a_speech_subtitle_date_their_meetings() {
        use crate::extract::statements::testing::run;
        let r = run(
            &Meetings,
            "某某合作区项目签约仪式昨(十五)日下午在会展中心举行。",
            Some("2031-06-16"),
            None,
        );
        assert_eq!(r.meetings[0].date.as_deref(), Some("2031-06-15"));
        assert_eq!(r.meetings[0].venue.as_deref(), Some("会展中心"));
        let r = run(
            &Meetings,
            "——2031年2月3日在某某开发区2031年工作会议上\n\n同志们:\n\n现在,我向大会报告工作。",
            Some("2031-02-10"),
            Some("某某开发区管委会工作报告"),
        );
        assert_eq!(r.meetings[0].date.as_deref(), Some("2031-02-03"));
        assert_eq!(
            r.meetings[0].name.as_deref(),
            Some("某某开发区2031年工作会议")
        );
    }

    #[test]
    fn a_news_dateline_does_not_date_the_meeting() {
        use crate::extract::statements::testing::run;
        let r = run(
            &Meetings,
            "青溪融媒3月9日讯(记者 某某)3月8日上午,青溪园区组织召开2030年总结大会,甲乙丙主持会议。",
            Some("2031-03-09"),
            None,
        );
        assert_eq!(r.meetings[0].date.as_deref(), Some("2031-03-08"));
        assert!(is_news_dateline("电 (记者某某)"));
        assert!(!is_news_dateline("电子信息产业推介会"));
    }

    #[test]
    fn a_date_missing_its_month_sign_is_read_near_the_issue_date() {
        use crate::extract::statements::testing::run;
        let r = run(
            &Meetings,
            "617日,园区召开安全生产工作推进会。",
            Some("2031-06-19"),
            None,
        );
        assert_eq!(r.meetings[0].date.as_deref(), Some("2031-06-17"));
        // far from the issue date, the digits are no date
        let r = run(
            &Meetings,
            "617日,园区召开安全生产工作推进会。",
            Some("2031-11-19"),
            None,
        );
        assert_eq!(r.meetings[0].date, None);
    }

    #[test]
    fn a_dated_meeting_may_go_unnamed() {
        let (n, _) =
            name_and_venue("4月3日上午,园区党工委书记某某主持召开会议,专题学习有关文件精神。")
                .unwrap();
        assert_eq!(n, "会议");
        // undated, `召开会议` is too common to tell a meeting
        assert!(name_and_venue("各单位要定期召开会议,研究解决问题。").is_none());
    }

    #[test]
    fn a_tour_is_no_meeting_and_its_review_meeting_takes_the_month_before() {
        use crate::extract::statements::testing::run;
        let r = run(
            &Meetings,
            "9月25日至26日,某某区重大项目建设拉练活动举行。\n26日下午,全区重大项目建设拉练点评会在区行政中心召开。",
            Some("2031-09-28"),
            None,
        );
        let dates: Vec<_> = r.meetings.iter().map(|m| m.date.as_deref()).collect();
        assert_eq!(dates, [Some("2031-09-26")]);
    }

    #[test]
    fn the_manner_of_holding_is_no_part_of_the_name() {
        let s = "2月26日,某某经开区安全生产工作会议以视频形式召开。";
        assert_eq!(
            name_and_venue(s).map(|n| n.0).as_deref(),
            Some("某某经开区安全生产工作会议")
        );
    }

    #[test]
    fn minutes_header_lines_give_roles() {
        assert_eq!(header_role("主持:某某某"), Some((Role::Host, "某某某")));
        assert_eq!(
            header_role("出席：甲乙、丙丁。"),
            Some((Role::Attendee, "甲乙、丙丁"))
        );
        assert_eq!(
            header_role("参加会议的还有:甲乙、丙丁"),
            Some((Role::Attendee, "甲乙、丙丁"))
        );
        assert_eq!(header_role("记录:某某"), None);
        assert_eq!(header_role("主持召开会议"), None);
    }

    #[test]
    fn a_meeting_whose_spirit_is_passed_on_is_not_held_here() {
        let s = "会议传达了5月12日召开的市委全会精神和市委书记某某某在会上的讲话要求。";
        assert_eq!(name_and_venue(s), None);
        let s = "在随后召开的项目推进座谈会上,与会企业代表作了发言。";
        assert_eq!(
            name_and_venue(s).map(|n| n.0).as_deref(),
            Some("项目推进座谈会")
        );
    }

    #[test]
    fn study_group_session_is_a_held_meeting() {
        let (n, v) = name_and_venue(
            "7月9日,青溪高新区党工委理论学习中心组开展2024年第3次集体学习,围绕产业升级进行研讨。",
        )
        .unwrap();
        assert_eq!(n, "青溪高新区党工委理论学习中心组2024年第3次集体学习");
        assert_eq!(v, None);
        // without a study group, `开展` holds no meeting
        assert!(name_and_venue("园区开展集体学习活动,提升能力。").is_none());
    }

    #[test]
    fn names_listed_after_a_titled_one_and_a_long_list_before_its_verb() {
        let s = "园区领导甲建国、王小明(正处级)、李大海,区法院院长某某某,各街道负责人以及有关人员列席会议。";
        let at = "园区领导甲建国".len();
        let (end, names) = list_after(s, at);
        let names: Vec<&str> = names.iter().map(|n| n.0.as_str()).collect();
        assert_eq!(names, ["王小明", "李大海"]);
        assert!(s[end..].starts_with(','));
        assert_eq!(role_after(s, end), Some(Some(Role::Attendee)));
        // a list item that is no bare name ends the list
        let s = "主任王小明、各部门负责人参加会议";
        assert!(list_after(s, "主任王小明".len()).1.is_empty());
        // a clause with a verb of its own breaks the list
        assert_eq!(
            role_after("张三,要抓好项目建设,各部门负责人参加会议", 6),
            None
        );
    }

    #[test]
    fn talks_at_the_stops_of_a_visit() {
        use crate::extract::statements::testing::run;
        let r = run(
            &Meetings,
            "3月4日至5日,青溪园区工作组赴某市学习考察。\n工作组先后与某某新区管委会和某某集团进行了座谈交流。\n在某某研究院,工作组与研究与发展中心负责人座谈。",
            Some("2031-03-09"),
            None,
        );
        let got: Vec<_> = r
            .meetings
            .iter()
            .map(|m| (m.name.as_deref().unwrap(), m.date.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("与某某新区管委会和某某集团座谈交流", Some("2031-03-04")),
                ("与研究与发展中心负责人座谈", None)
            ]
        );
        // talks planned, and a 座谈会 without a verb of holding, are none
        assert_eq!(talks("下一步将与有关企业开展座谈。"), None);
        assert_eq!(talks("与会人员在座谈会上交流。"), None);
    }

    #[test]
    fn a_dated_batch_of_projects_started_together_is_a_meeting() {
        let (n, _) = name_and_venue("4月8日,青溪园区(某某镇)16个重点产业项目集中开工。").unwrap();
        assert_eq!(n, "青溪园区(某某镇)16个重点产业项目集中开工");
        assert!(name_and_venue("园区16个重点产业项目集中开工。").is_none());
        assert!(name_and_venue("4月8日,园区力争二季度一批项目集中开工。").is_none());
        assert!(name_and_venue("4月8日,此次集中开工项目16个。").is_none());
    }

    #[test]
    fn a_speech_told_at_the_end_of_its_speakers_sentence() {
        assert_eq!(
            speech_at_end("王某从坚定信念、勇于担当、廉洁自律三个方面作了表态发言。"),
            Some(Role::Speaker)
        );
        assert_eq!(speech_at_end("王某一行参观了企业展厅。"), None);
    }

    #[test]
    fn who_leads_the_party_attends_its_talks() {
        assert_eq!(
            role_after("张三率工作组一行赴某地学习", 6),
            Some(Some(Role::Attendee))
        );
        assert_eq!(
            role_after("张三带队赴某地考察", 6),
            Some(Some(Role::Attendee))
        );
        assert_eq!(role_after("张三介绍,今年增长率较高", 6), None);
    }

    #[test]
    fn what_was_attended_is_no_role_of_its_own() {
        assert_eq!(
            role_after("张三 参加观摩点评。", 6),
            Some(Some(Role::Attendee))
        );
        assert_eq!(
            role_after("张三出席会议并点评", 6),
            Some(Some(Role::Speaker))
        );
        assert_eq!(role_after("张三主持并讲话", 6), Some(Some(Role::Host)));
    }
}
