//! Quantified statements: an indicator with a value (`工业总产值完成34亿元`), read
//! clause by clause, with the year it belongs to and whether it is a plan or a result.
//!
//! Goals and achievements are the same kind of sentence told in different tenses, so
//! both extractors read them here and keep the tense they want. A sentence is cut into
//! clauses at `,;:` (and at `、` after a value); each clause yields statements of three
//! shapes: indicator-then-value (`签约项目34个`, `开工率超过90%`), verb-value-noun
//! (`实现87户企业帮扶`) and `其中3宗已出让`. Lists pair up (`A、B分别增长8%、10%`).
//! A bare change (`同比增长2%`) after a result is that result's change.

mod clauses;
mod reader;
mod readings;
mod rules;
mod search;
mod sentence;

use super::numbers::{self, Bound, Quantity};
use super::period::{self, SentenceTimes, YearRef, Years};
use super::Context;
use crate::lexicon;
use crate::model::{Change, GoalKind, Report};
use aho_corasick::{AhoCorasick, MatchKind};
use clauses::*;
use reader::Reader;
use readings::Reading;
use regex::Regex;
use search::{find_word, first_occurrence, ByChar, Words};
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

/// Whether a statement is a target or a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Plan,
    Result,
}

/// One indicator with its value, as one clause states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub sentence: usize,
    pub tense: Tense,
    pub year: Option<i32>,
    /// Part of a year (`上半年`), if the clause names one.
    pub period: Option<String>,
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    pub kind: GoalKind,
    pub change: Option<Change>,
    /// The clause(s) the statement is read from.
    pub text: String,
    /// Counts activities (`10批次`), not results.
    pub activity: bool,
}

/// The statements `keep` accepts, each (year, indicator, value, unit) once: a figure the
/// report repeats (in its summary and its body) is one fact.
pub fn distinct<'a>(
    statements: &'a [Statement],
    keep: impl Fn(&Statement) -> bool + 'a,
) -> impl Iterator<Item = &'a Statement> + 'a {
    let mut seen = std::collections::HashSet::new();
    let keep = Rc::new(keep);
    let kept = Rc::clone(&keep);
    statements.iter().filter(move |st| {
        keep(st)
            && !restated_shorter(statements, st, &*kept)
            && seen.insert((
                st.year,
                st.indicator.as_str(),
                st.value.to_bits(),
                st.unit.as_str(),
            ))
    })
}

/// Whether another kept statement gives the same figure under an indicator this one
/// ends with (`…推介会 现场签约项目` in a title, `签约项目` in the body): the shorter
/// names it without the scene around it.
fn restated_shorter(all: &[Statement], st: &Statement, keep: &dyn Fn(&Statement) -> bool) -> bool {
    all.iter().any(|o| {
        o.year == st.year
            && o.value == st.value
            && o.unit == st.unit
            && o.indicator.len() < st.indicator.len()
            && st.indicator.ends_with(o.indicator.as_str())
            && is_scene(&st.indicator[..st.indicator.len() - o.indicator.len()])
            && keep(o)
    })
}

/// Whether the words in front of an indicator set a scene (a title's `…举办推介会 `)
/// rather than qualify it (`规上工业`): they hold a blank or run long.
fn is_scene(front: &str) -> bool {
    front.contains(char::is_whitespace) || front.chars().count() >= 8
}

fn words(src: &'static str) -> Vec<&'static str> {
    let mut w: Vec<&str> = lexicon::entries(src).collect();
    w.sort_by_key(|w| std::cmp::Reverse(w.len()));
    w
}

static LINKS: LazyLock<Vec<(&'static str, Option<GoalKind>)>> = LazyLock::new(|| {
    let mut links: Vec<_> = lexicon::entries(include_str!("../../data/lexicon/value_links.txt"))
        .filter_map(|l| {
            let (w, k) = l.split_once(char::is_whitespace)?;
            let kind = match k.trim() {
                "growth" => Some(GoalKind::Growth),
                "reduce" => Some(GoalKind::Reduce),
                "at_least" => Some(GoalKind::AtLeast),
                "level" => Some(GoalKind::Level),
                _ => None,
            };
            Some((w, kind))
        })
        .collect();
    links.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    links
});
/// Link words of two chars or more that imply a kind: where a clause's subject ends.
static SUBJECT_ENDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words = LINKS
        .iter()
        .filter(|(w, k)| k.is_some() && w.chars().count() >= 2)
        .map(|(w, _)| *w);
    AhoCorasick::new(words).unwrap()
});
/// A link word and the kind it implies.
type Link = (&'static str, Option<GoalKind>);
/// [`LINKS`] by their last char, in list order: stripping links off the end of a text
/// then tries the few that can match rather than all of them.
static LINKS_BY_LAST: LazyLock<ByChar<Link>> =
    LazyLock::new(|| ByChar::new(LINKS.iter().map(|&(w, k)| (w.chars().next_back(), (w, k)))));
static RESULT_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/lexicon/result_verbs.txt")));
/// [`RESULT_VERBS`] by their first char and by their last, in list order.
static RESULT_VERBS_BY_FIRST: LazyLock<ByChar<&'static str>> =
    LazyLock::new(|| ByChar::new(RESULT_VERBS.iter().map(|&w| (w.chars().next(), w))));
static RESULT_VERBS_BY_LAST: LazyLock<ByChar<&'static str>> =
    LazyLock::new(|| ByChar::new(RESULT_VERBS.iter().map(|&w| (w.chars().next_back(), w))));
static CONTEXT_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/lexicon/indicator_context.txt")));
/// [`CONTEXT_WORDS`] by their first char, in list order (longest first).
static CONTEXT_BY_FIRST: LazyLock<ByChar<&'static str>> =
    LazyLock::new(|| ByChar::new(CONTEXT_WORDS.iter().map(|&w| (w.chars().next(), w))));

static NOT_RESULTS: LazyLock<Words> =
    LazyLock::new(|| Words::of_lexicon(include_str!("../../data/lexicon/not_results.txt")));

static PROJECTIONS: LazyLock<Words> =
    LazyLock::new(|| Words::of_lexicon(include_str!("../../data/lexicon/projection_cues.txt")));
static SECTION_CUES: LazyLock<Vec<(&'static str, Tense)>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../data/lexicon/section_cues.txt"))
        .filter_map(|l| {
            let (w, t) = l.split_once(char::is_whitespace)?;
            Some((
                w,
                if t.trim() == "plan" {
                    Tense::Plan
                } else {
                    Tense::Result
                },
            ))
        })
        .collect()
});

/// A zone named at the front of an indicator (`某某高新区规上工业总产值`).
static LEADING_ZONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{0,10}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|工业园区|产业园区|新区|工业园)").unwrap()
});

/// An item number in front of a list item: `1.`, `一是`, `(2)`, `③`.
static ENUMERATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}[.、]|[一二三四五六七八九十]{1,2}是|[(（]\d{1,2}[)）]|[①-⑳])").unwrap()
});

/// A range's lower end right before its upper value: `6%-`, `6～`.
static RANGE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d+(?:\.\d+)?)\s*[%％]?\s*[-—–~～至到]\s*$").unwrap());

/// Plan cues (pattern ids below `CUES.1`) and result cues in one automaton.
static CUES: LazyLock<(AhoCorasick, usize)> = LazyLock::new(|| {
    let plan: Vec<&str> =
        lexicon::entries(include_str!("../../data/lexicon/plan_cues.txt")).collect();
    let result = lexicon::entries(include_str!("../../data/lexicon/result_cues.txt"));
    let n = plan.len();
    let all: Vec<&str> = plan.into_iter().chain(result).chain(["了"]).collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(all)
        .unwrap();
    (ac, n)
});

/// Words of a margin over another place (`高于全省平均`).
const MARGIN_WORDS: [&str; 5] = ["高于", "低于", "快于", "慢于", "领先"];
static MARGINS: LazyLock<Words> = LazyLock::new(|| Words::new(MARGIN_WORDS.to_vec()));

/// Whether `pre` states a margin over another place (`增速高于全省平均`): a margin
/// word not negated, as `不低于`/`不高于` bound the indicator's own value.
fn is_margin(pre: &str) -> bool {
    MARGINS.is_match(pre)
        && MARGIN_WORDS
            .iter()
            .any(|w| pre.match_indices(w).any(|(i, _)| !pre[..i].ends_with('不')))
}

/// Time words that open an indicator: years, parts of a year, plan horizons.
static LEADING_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:到|至|截至|截止)?(?:19|20)\d{2}\s*年(?:度)?(?:底|末)?(?:以来)?|(?:截至|截止)(?:目前|\d{1,2}\s*月(?:底|末)?)|(?:到|至)(?:年底|年末)|年底前|今年(?:以来)?|明年|去年|全年|年末|年底|年内|上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?|前\d{1,2}个月|[“\x22]?十[一二三四五]五[”\x22]?(?:末|期末|时期末|期间)?)",
    )
    .unwrap()
});

/// A change phrase right before a rate: `同比增长`, `比上年下降`, `增长`.
static CHANGE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:同比|同口径|按可比价格?计算|可比价?|(?:比|较)(?:19|20)\d{2}年(?:同期)?|年均|年平均|比上年同期|比上年|较上年同期|较上年|比去年同期|比去年|较去年同期|较去年|与上年相比|环比|较年初|比年初)?[,，]?(?:分别)?(增长|增加|提高|上升|提升|上涨|下降|减少|降低|回落|下滑)了?$").unwrap()
});

/// Every quantified statement of the document, read once per document: goals and
/// achievements read the same statements.
pub fn statements(cx: &Context, report: &Report) -> Rc<Vec<Statement>> {
    cx.statements_with(report, || read_statements(cx, report))
}

/// Reads every quantified statement of the document.
fn read_statements(cx: &Context, report: &Report) -> Vec<Statement> {
    let years = Years::of(cx);
    let mut zone_forms: Vec<String> = report
        .zones
        .iter()
        .flat_map(|z| std::iter::once(z.name.clone()).chain(z.aliases.iter().cloned()))
        .filter(|n| n.chars().count() >= 2)
        .collect();
    zone_forms.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let reader = Reader { years, zone_forms };
    let mut out = Vec::new();
    // the tense and year a heading (`一、2023年工作回顾`) sets for its section
    let mut section: Option<(Tense, Option<i32>)> = None;
    let mut unread: Vec<&str> = Vec::new();
    // the tense the last bulleted paragraph ended in: a list of `◆` lines shares it
    let mut bullet_tense: Option<Tense> = None;
    // the tense of the document's last statement: a paragraph of bare figures
    // (`装备制造业产值增长10.5%`) with no cue of its own continues the report's tense
    let mut doc_tense: Option<Tense> = None;
    for para in &cx.segments.paragraphs {
        let heading = &cx.text[para.span.clone()];
        if let Some(t) = heading_tense(heading) {
            let year = period::last_anchor(heading).and_then(|a| a.resolve(years.doc));
            section = Some((t, year));
            continue;
        }
        let mut para_year: Option<i32> = section.and_then(|s| s.1);
        let mut para_period: Option<String> = None;
        let bulleted = heading.trim_start().starts_with(BULLETS);
        let mut last_tense: Option<Tense> =
            section.map(|s| s.0).or(bullet_tense.filter(|_| bulleted));
        // `1.规上工业总产值。前三季度累计完成…`: a labelled paragraph names its figures
        let label = para_label(cx, para);
        // sentences without a value since the last with one: the year they name is read
        // only when a statement after them needs it, as most have none after them
        unread.clear();
        for i in para.sentences.clone() {
            let s = cx.sentence(i);
            if !numbers::may_hold_quantity(s) {
                unread.push(s);
                continue;
            }
            if let Some(y) = latest_year(&unread, years.doc) {
                para_year = Some(y);
            }
            unread.clear();
            // read once for all the sentence's statements
            let times = SentenceTimes::new(s);
            let before = out.len();
            let section_tense = section.map(|s| s.0);
            let frame = Frame {
                para_year,
                last_tense,
                section_tense,
                doc_tense,
                label: label.as_deref(),
            };
            reader.sentence(s, &times, i, frame, &mut out);
            if let Some(st) = out[before..]
                .iter()
                .rev()
                .find(|st| !reader::is_planned_amount(&st.indicator))
            {
                last_tense = Some(st.tense);
                doc_tense = Some(st.tense);
            }
            for st in &mut out[before..] {
                if st.tense == Tense::Result && st.period.is_none() {
                    st.period.clone_from(&para_period);
                }
            }
            if let Some(p) = times.sub_year_period_before(s.len()) {
                para_period = Some(p);
            }
            if s.contains('年') {
                if let Some(y) = times
                    .last_anchor_before(s.len())
                    .and_then(|a| a.resolve(years.doc))
                {
                    para_year = Some(y);
                }
            }
        }
        bullet_tense = if bulleted { last_tense } else { None };
    }
    out
}

/// Marks that open the lines of a list.
const BULLETS: [char; 9] = ['●', '▲', '◆', '■', '□', '◇', '○', '★', '•'];

/// The label a paragraph opens with, when its first sentence is only that: a short
/// numbered or bulleted name without a value (`1.规上工业总产值。`, `■工业用电量。`).
fn para_label(cx: &Context, para: &crate::segment::Paragraph) -> Option<String> {
    if para.sentences.len() < 2 {
        return None;
    }
    let first = cx.sentence(para.sentences.start);
    let body = first.trim_end_matches(['。', ':', '：']);
    let body = body.trim_start_matches(BULLETS).trim_start();
    let digits = body.chars().take_while(|c| c.is_ascii_digit()).count();
    let body = if digits > 0 {
        body[digits..].strip_prefix(['.', '、', '．'])?
    } else if first.trim_start().starts_with(BULLETS) {
        body
    } else {
        return None;
    };
    let n = body.chars().count();
    ((2..=12).contains(&n)
        && body.chars().all(is_label_char)
        && numbers::find_quantities(body).is_empty())
    .then(|| body.to_string())
}

/// A char a paragraph's label may hold: Han characters and quotation marks.
fn is_label_char(c: char) -> bool {
    super::zones::is_han(c) || c == '“' || c == '”'
}

/// What the text around a sentence says of it: the year and tense its paragraph has
/// set so far, and the tense of the heading over its section.
#[derive(Clone, Copy)]
struct Frame<'a> {
    para_year: Option<i32>,
    last_tense: Option<Tense>,
    section_tense: Option<Tense>,
    /// The tense of the document's last statement before the sentence.
    doc_tense: Option<Tense>,
    /// The label the paragraph opens with, which names figures that name nothing.
    label: Option<&'a str>,
}

/// The year the latest of `sentences` that names one names.
fn latest_year(sentences: &[&str], doc_year: Option<i32>) -> Option<i32> {
    sentences.iter().rev().find_map(|s| {
        let last = s.contains('年').then(|| period::last_anchor(s)).flatten();
        last.and_then(|a| a.resolve(doc_year))
    })
}

/// The tense a short heading sets for the section below it, if it names one.
/// Only numbered headings count: a title (`2023年度总结大会召开`) heads no section.
fn heading_tense(p: &str) -> Option<Tense> {
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、]|第[一二三四五六七八九十]{1,3}部分)").unwrap()
    });
    // a numbered heading starts with a numeral, a digit, a bracket or `第`
    let numbered_start = p.chars().next().is_some_and(|c| {
        is_numeric(c)
            || matches!(c, '(' | '（' | '第')
            || crate::zh::numerals::is_ordinal_numeral(c)
    });
    // more than 120 bytes are more than 30 chars
    if !numbered_start || p.len() > 120 || p.chars().count() > 30 {
        return None;
    }
    if !NUMBERED.is_match(p) {
        return None;
    }
    // the cheaper test first: both must pass; most headings have no cue at all
    static ANY_CUE: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(SECTION_CUES.iter().map(|(w, _)| w)).unwrap());
    if !ANY_CUE.is_match(p) {
        return None;
    }
    // `消费市场低于预期`: a cue compared against is no cue
    let tense = SECTION_CUES
        .iter()
        .find(|(w, _)| {
            p.match_indices(w)
                .any(|(at, _)| !p[..at].ends_with(['于', '超', '及']))
        })
        .map(|(_, t)| *t)?;
    numbers::find_quantities(p).is_empty().then_some(tense)
}

/// Builds a report from made-up text for the extractors' tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::extract::{Context, Extractor};
    use crate::model::Report;
    use crate::normalize::{Document, MappedText};

    /// Runs `extractor` on `text` as a report published on `published` (ISO) with
    /// `title`.
    pub fn run(
        extractor: &dyn Extractor,
        text: &str,
        published: Option<&str>,
        title: Option<&str>,
    ) -> Report {
        let doc = Document {
            text: MappedText::identity(text.to_string()),
            published: published.map(str::to_string),
            title: title.map(str::to_string),
            ..Document::default()
        };
        let cx = Context::new(&doc);
        let mut report = Report::default();
        extractor.extract(&cx, &mut report);
        report
    }
}

#[cfg(test)]
mod tests;
