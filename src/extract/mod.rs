//! Reading facts out of normalized text.
//!
//! Each fact kind has one file and one [`Extractor`]; [`extractors`] registers them in the
//! order they run. Later extractors read what earlier ones found from the [`Report`] being
//! built (officials resolve their zones against the zones found first; tasks name the
//! official who set them). Every fact carries the [`Evidence`] of its sentence, built by
//! [`Context::evidence`].

pub mod achievements;
pub mod enumeration;
pub mod goals;
pub mod meetings;
pub mod numbers;
pub mod officials;
pub mod period;
pub mod pos;
pub mod statements;
pub mod tasks;
pub mod zones;

/// Every string of at most `up_to` pieces, repeats allowed: tests check a hand-written
/// reader against the pattern it replaces on all of them.
#[cfg(test)]
pub(crate) fn strings_of(pieces: &[&str], up_to: usize) -> Vec<String> {
    let mut strings = vec![String::new()];
    for _ in 0..up_to {
        let longer: Vec<String> = strings
            .iter()
            .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
            .collect();
        strings.extend(longer);
    }
    strings
}

use crate::limits::Cut;
use crate::model::{Evidence, Report, Zone};
use crate::normalize::Document;
use crate::segment::{segment, Segments};
/// Dates are a fact of Chinese text ([`crate::zh::dates`]); extractors reach them as
/// `super::dates`.
use crate::zh::dates;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

/// What every extractor may read: the text, its sentences, and the dates that anchor it.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub segments: Segments,
    /// Char offsets (start, end) of each sentence, parallel to `segments.sentences`.
    sentence_chars: Vec<(usize, usize)>,
    /// The date the report speaks from: a speech's dateline (`(2024年12月27日)` under its
    /// title) where there is one, else the publication date. `今年`, `明年` and dates
    /// without a year are read against it.
    pub published: Option<dates::Date>,
    /// A dateline standing on its own line in the report's head, if any.
    pub dateline: Option<dates::Date>,
    /// [`Context::doc_year`], read once: several extractors ask for it.
    doc_year: std::cell::OnceCell<Option<i32>>,
    /// What several extractors read alike, computed once (see [`Context::mentions`] and
    /// [`statements::statements`]).
    memo: Memo,
    /// What extractors left out to keep within the report's bounds.
    cuts: RefCell<Vec<Cut>>,
}

/// Results shared between extractors, each with the zones it was read against: later
/// extractors see the same zones, so they reuse it; were the zones to change, it is
/// read again.
#[derive(Default)]
struct Memo {
    mentions: Slot<Vec<Vec<officials::Mention>>>,
    statements: Slot<Vec<statements::Statement>>,
}

/// A memoized value with the zones it was read against.
type Slot<T> = RefCell<Option<(Vec<Zone>, Rc<T>)>>;

/// The memoized value in `slot` if it was read against `zones`, else `read()`, stored.
fn memoized<T>(slot: &Slot<T>, zones: &[Zone], read: impl FnOnce() -> T) -> Rc<T> {
    if let Some((seen, found)) = slot.borrow().as_ref() {
        if seen.as_slice() == zones {
            return Rc::clone(found);
        }
    }
    let found = Rc::new(read());
    *slot.borrow_mut() = Some((zones.to_vec(), Rc::clone(&found)));
    found
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let text = doc.text.as_str();
        let segments = segment(text);
        let mut sentence_chars = Vec::with_capacity(segments.sentences.len());
        let (mut byte, mut chars) = (0usize, 0usize);
        for s in &segments.sentences {
            chars += text[byte..s.span.start].chars().count();
            let start = chars;
            chars += text[s.span.clone()].chars().count();
            byte = s.span.end;
            sentence_chars.push((start, chars));
        }
        let dateline = dateline(text, &segments);
        let issued = doc.published.as_deref().and_then(dates::Date::parse_iso);
        let published = dateline
            .or_else(|| issued.and_then(|p| lead_date(text, &segments, p)))
            .or(issued);
        Context {
            dateline,
            doc,
            text,
            segments,
            sentence_chars,
            published,
            doc_year: std::cell::OnceCell::new(),
            memo: Memo::default(),
            cuts: RefCell::default(),
        }
    }

    /// The titled people each sentence names ([`officials::mentions_in`]), read once
    /// for the officials and again used for meeting participants.
    pub fn mentions(&self, report: &Report) -> Rc<Vec<Vec<officials::Mention>>> {
        memoized(&self.memo.mentions, &report.zones, || {
            let notices = officials::appointments::may_hold_appointments(self.text);
            let mut all: Vec<Vec<officials::Mention>> = (0..self.segments.sentences.len())
                .map(|i| officials::mentions_with_appointments(self.sentence(i), report, notices))
                .collect();
            self.add_profile_posts(&mut all, report);
            all
        })
    }

    /// A profile's `现任…` sentence gives the posts of the person its paragraph opens
    /// with (`某某,男,汉族,…`).
    fn add_profile_posts(&self, all: &mut [Vec<officials::Mention>], report: &Report) {
        use officials::appointments::{profile_name, profile_posts};
        static NOW_HOLDS: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new("现任".as_bytes()));
        // one search of the document, then of the sentences only where it found one
        if NOW_HOLDS.find(self.text.as_bytes()).is_none() {
            return;
        }
        for (i, s) in self.segments.sentences.iter().enumerate() {
            let text = &self.text[s.span.clone()];
            if NOW_HOLDS.find(text.as_bytes()).is_none() {
                continue;
            }
            let first = self.segments.paragraphs[s.paragraph].sentences.start;
            let Some(name) = profile_name(self.sentence(first)) else {
                continue;
            };
            if let Some(m) = profile_posts(&name, text, report) {
                if !all[i].iter().any(|o| o.name == m.name) {
                    all[i].push(m);
                }
            }
        }
    }

    /// The document's quantified statements, read once for goals and achievements.
    pub(crate) fn statements_with(
        &self,
        report: &Report,
        read: impl FnOnce() -> Vec<statements::Statement>,
    ) -> Rc<Vec<statements::Statement>> {
        memoized(&self.memo.statements, &report.zones, read)
    }

    /// Records that an extractor left something out to bound its cost.
    pub fn note_cut(&self, cut: Cut) {
        self.cuts.borrow_mut().push(cut);
    }

    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &'a str {
        &self.text[self.segments.sentences[i].span.clone()]
    }

    /// Evidence for a fact read from sentence `i`.
    pub fn evidence(&self, i: usize) -> Evidence {
        let span = self.segments.sentences[i].span.clone();
        let raw = self.doc.text.raw_range(span.clone());
        let (start, end) = self.sentence_chars[i];
        Evidence {
            sentence: self.text[span].to_string(),
            start,
            end,
            raw_start: raw.start,
            raw_end: raw.end,
        }
    }

    /// Index of the sentence holding normalized byte offset `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let sents = &self.segments.sentences;
        let i = sents.partition_point(|s| s.span.end <= at);
        (i < sents.len() && sents[i].span.start <= at).then_some(i)
    }
}

/// A short line of only a full date near the top (`(2025年2月10日)`): when a speech was
/// given, which may be weeks before it was published.
fn dateline(text: &str, segments: &Segments) -> Option<dates::Date> {
    segments.paragraphs.iter().take(6).find_map(|p| {
        let line = text[p.span.clone()]
            .trim_matches(|c: char| matches!(c, '(' | ')' | '（' | '）') || c.is_whitespace());
        let d = dates::find_full_date(line)?;
        (line.chars().count() <= 12 && line.contains('年')).then_some(d)
    })
}

/// The day a news report's lead sentence gives (`12月30日,…召开`), read against the
/// publication date: a report published on 3 January about a meeting on 30 December
/// speaks from the old year.
fn lead_date(text: &str, segments: &Segments, issued: dates::Date) -> Option<dates::Date> {
    static LEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日").unwrap()
    });
    segments.paragraphs.iter().take(8).find_map(|p| {
        let c = LEAD.captures(&text[p.span.clone()])?;
        let (month, day) = (c[2].parse().ok()?, c[3].parse().ok()?);
        let year = match c.get(1) {
            Some(y) => y.as_str().parse().ok()?,
            None if (month, day) > (issued.month, issued.day) => issued.year - 1,
            None => issued.year,
        };
        dates::Date::new(year, month, day).filter(|d| *d <= issued)
    })
}

/// One kind of fact.
pub trait Extractor: Send + Sync {
    /// A short name for diagnostics and tests.
    fn name(&self) -> &'static str;
    /// Adds the facts of this kind found in `cx` to `report`.
    fn extract(&self, cx: &Context, report: &mut Report);
}

/// The extractors, in the order they run: zones first (everything resolves against them),
/// officials before meetings (participants are officials), tasks last (they name who set
/// them).
pub fn extractors() -> &'static [&'static dyn Extractor] {
    &[
        &zones::Zones,
        &officials::Officials,
        &meetings::Meetings,
        &goals::Goals,
        &achievements::Achievements,
        &tasks::Tasks,
    ]
}

/// Runs every extractor over a normalized document.
pub fn extract(doc: &Document, source: &str) -> Report {
    extract_bounded(doc, source).0
}

/// [`extract`], saying what was cut to bound its cost: sentences too long to read as
/// one, lists beyond the most weighed.
pub fn extract_bounded(doc: &Document, source: &str) -> (Report, Vec<Cut>) {
    let cx = Context::new(doc);
    let long = cx.segments.long;
    let mut cuts: Vec<Cut> = (long.count > 0)
        .then_some(Cut::LongSentences {
            count: long.count,
            longest: long.longest,
        })
        .into_iter()
        .collect();
    let mut report = Report {
        source: source.to_string(),
        title: doc.title.clone(),
        published: doc.published.clone(),
        ..Report::default()
    };
    for extractor in extractors() {
        extractor.extract(&cx, &mut report);
    }
    zones::drop_unreferenced_places(&mut report, cx.text);
    cuts.append(&mut cx.cuts.borrow_mut());
    (report, cuts)
}

impl Context<'_> {
    /// The year the report speaks from: the publication year where known, else the
    /// latest year the text names as a period it reports on or plans for — that is the
    /// year the report was written in, since year-end summaries are published early in
    /// the year they plan for (`2023年度…总结` with `2024年工作部署` → 2024). Years that
    /// only set a horizon (`到2035年`, `至2030年`) do not count.
    pub fn doc_year(&self) -> Option<i32> {
        *self.doc_year.get_or_init(|| self.read_doc_year())
    }

    fn read_doc_year(&self) -> Option<i32> {
        if let Some(d) = self.published {
            return Some(d.year);
        }
        dates::year_mentions(self.text)
            .filter(|&(at, _)| {
                let before = &self.text[..at];
                !(before.ends_with('到') || before.ends_with('至') || before.ends_with("到了"))
            })
            .map(|(_, y)| y)
            .max()
    }
}
