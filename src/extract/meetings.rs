//! Meetings the report describes as held: name, date, venue, attendance, and who
//! hosted, spoke or attended.
//!
//! A meeting is a sentence where a meeting word (`…大会`, `…推进会`, `…会议`) meets a
//! verb of holding (`召开`, `举行`). The date is the sentence's `M月D日` with the year
//! resolved from the publication date or the years the report names. Participants are
//! the officials named in the meeting's part of the text, each with the role verb that
//! follows the name (`主持` → host, `讲话`/`作…报告`/`宣读` → speaker, `出席` → attendee).

//!
//! - [`naming`] — what a meeting is called and where it was held;
//! - [`dating`] — when;
//! - [`participants`] — who took part, with the part of each ([`roles`]).

use super::dates::Date;
use super::officials;
use super::zones::{self, is_han};
use super::{Context, Extractor};
use crate::lexicon;
use crate::lexicon::meetings::{MeetingWord as Word, MEETINGS};
use crate::model::{Meeting, Participant, Report, Role};
use memchr::memmem;
use regex::Regex;
use std::sync::LazyLock;

mod dating;
mod naming;
mod participants;
mod roles;

use dating::{speech_meeting, Dating, DATE_RULES};
use naming::{is_talks, is_tour, name_and_venue, BATCH, STUDY_GROUP, TALKS};
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
    for verb in HELD_SEARCHERS.iter() {
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

/// Searchers for the verbs of holding that hold no other (a sentence holding `隆重召开`
/// holds `召开`): where any verb of holding occurs, one of these does.
static HELD_SEARCHERS: LazyLock<Vec<memmem::Finder<'static>>> = LazyLock::new(|| {
    let held = MEETINGS.held.words();
    held.iter()
        .filter(|w| !held.iter().any(|v| v != *w && w.contains(v)))
        .map(|w| memmem::Finder::new(w.as_bytes()))
        .collect()
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日").unwrap()
});

/// A count of those who attended (`共170人参加`).
static ATTENDANCE: LazyLock<Regex> = LazyLock::new(|| {
    let words = &MEETINGS.words;
    let leads = lexicon::alternation(words.of(Word::CountLead).iter().copied());
    let verbs = lexicon::alternation(
        words
            .of(Word::Attending)
            .iter()
            .copied()
            .chain(words.of(Word::Present).iter().copied()),
    );
    Regex::new(&format!(
        r"(?:{leads})?(\d+|[一二两三四五六七八九十百千]+)\s*(余|多)?\s*(?:人|名)(?:次)?(?:{verbs})"
    ))
    .unwrap()
});

/// The meeting sentence `i` reports as held, if any.
fn meeting_in(cx: &Context, i: usize, report: &Report) -> Option<Meeting> {
    let s = cx.sentence(i);
    let (name, venue) = name_and_venue(s)?;
    if is_tour(&name) {
        return None;
    }
    let at = Dating {
        cx,
        i,
        s,
        name: &name,
    };
    let date = DATE_RULES.iter().find_map(|r| (r.apply)(&at));
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

fn attendance_in(s: &str) -> Option<u32> {
    let c = ATTENDANCE.captures(s)?;
    let n = super::numbers::parse_number(&c[1])?;
    (2.0..1_000_000.0).contains(&n).then_some(n as u32)
}

#[cfg(test)]
mod tests;
