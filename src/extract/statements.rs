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
mod search;

use super::numbers::{self, Bound, Quantity};
use super::period::{self, SentenceTimes, YearRef, Years};
use super::Context;
use crate::lexicon;
use crate::model::{Change, GoalKind, Report};
use aho_corasick::{AhoCorasick, MatchKind};
use clauses::*;
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
        r"^(?:(?:到|至|截至|截止)?(?:19|20)\d{2}\s*年(?:度)?(?:底|末)?(?:以来)?|今年(?:以来)?|明年|去年|全年|年内|上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?|前\d{1,2}个月|[“\x22]?十[一二三四五]五[”\x22]?(?:末|期末|时期末|期间)?)",
    )
    .unwrap()
});

/// A change phrase right before a rate: `同比增长`, `比上年下降`, `增长`.
static CHANGE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:同比|比上年同期|比上年|较上年同期|较上年|比去年同期|比去年|较去年同期|较去年|与上年相比|环比|较年初|比年初)?[,，]?(?:分别)?(增长|增加|提高|上升|提升|下降|减少|降低|回落)了?$").unwrap()
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
    for para in &cx.segments.paragraphs {
        let heading = &cx.text[para.span.clone()];
        if let Some(t) = heading_tense(heading) {
            let year = period::last_anchor(heading).and_then(|a| a.resolve(years.doc));
            section = Some((t, year));
            continue;
        }
        let mut para_year: Option<i32> = section.and_then(|s| s.1);
        let mut para_period: Option<String> = None;
        let mut last_tense: Option<Tense> = section.map(|s| s.0);
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
            };
            reader.sentence(s, &times, i, frame, &mut out);
            if let Some(st) = out[before..].last() {
                last_tense = Some(st.tense);
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
    }
    out
}

/// What the text around a sentence says of it: the year and tense its paragraph has
/// set so far, and the tense of the heading over its section.
#[derive(Clone, Copy)]
struct Frame {
    para_year: Option<i32>,
    last_tense: Option<Tense>,
    section_tense: Option<Tense>,
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
            || matches!(
                c,
                '(' | '（'
                    | '第'
                    | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
            )
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
    let tense = SECTION_CUES
        .iter()
        .find(|(w, _)| p.contains(w))
        .map(|(_, t)| *t)?;
    numbers::find_quantities(p).is_empty().then_some(tense)
}

struct Reader {
    years: Years,
    zone_forms: Vec<String>,
}

/// What one clause says before the document context decides tense and year.
struct Reading {
    indicator: String,
    qty: Quantity,
    kind: Option<GoalKind>,
    /// Only a change (`同比增长2%`): belongs to the statement before, if any.
    change_only: bool,
    change: Option<Change>,
    /// A verb reporting a result stands before the value.
    result_verb: bool,
    /// Byte range in the sentence of the text the statement is told in.
    span: Range<usize>,
    /// Byte offset of the value in the sentence (where tense cues are read up to).
    at: usize,
    period: Option<String>,
}

impl Reading {
    /// A result told by a verb in front of a count, the whole clause `clause_len` long:
    /// the shape the inverted readings (`已签约12个`, `12个项目已开工`) give.
    fn counted_result(
        indicator: String,
        qty: Quantity,
        clause_len: usize,
        period: Option<String>,
    ) -> Reading {
        Reading {
            indicator,
            qty,
            kind: Some(GoalKind::Level),
            change_only: false,
            change: None,
            result_verb: true,
            span: 0..clause_len,
            at: qty.start,
            period,
        }
    }
}

impl Reader {
    fn sentence(
        &self,
        s: &str,
        times: &SentenceTimes,
        index: usize,
        frame: Frame,
        out: &mut Vec<Statement>,
    ) {
        let Frame {
            para_year,
            last_tense,
            section_tense,
        } = frame;
        let qs = numbers::find_quantities(s);
        if qs.is_empty() {
            return;
        }
        let (cues, first_plan_word) = self.cues(s, times, section_tense);
        // figures of an event told as held are results unless a plan cue leads them
        let event = tells_event(s);
        // tests of the whole sentence that rule them out for each of its clauses
        let may_have_placeholder = numbers::may_have_placeholder(s);
        let may_project = PROJECTIONS.is_match(s);
        let may_pair = find_word(s, "分别").is_some();
        let mut subject: Option<(String, usize)> = None;
        let mut prev: Option<usize> = None;
        // the tense of the sentence's last statement, for clauses that show none of
        // their own (`完成投资72亿元;实际使用外资1.3亿美元`)
        let mut sentence_tense: Option<Tense> = None;
        // where the text of `out[prev]` starts in `s`
        let mut prev_at = 0;
        // the clause's quantities, offsets in the clause; one buffer for all clauses
        let mut in_clause: Vec<Quantity> = Vec::with_capacity(qs.len());
        for r in split_clauses(s, &qs) {
            let clause = &s[r.clone()];
            in_clause.clear();
            in_clause.extend(
                qs.iter()
                    .filter(|q| q.start >= r.start && q.end <= r.end)
                    .map(|q| Quantity {
                        start: q.start - r.start,
                        end: q.end - r.start,
                        unit_start: q.unit_start - r.start,
                        ..*q
                    }),
            );
            let in_clause = &in_clause[..];
            if may_have_placeholder && numbers::has_placeholder(clause)
                || may_project && PROJECTIONS.is_match(clause)
            {
                subject = None;
                prev = None;
                continue;
            }
            if in_clause.is_empty() {
                if let Some(ind) = self.subject_of(clause) {
                    subject = Some((ind, r.start));
                    prev = None;
                }
                continue;
            }
            let readings = self.read_clause(clause, in_clause, may_pair);
            let mut produced = None;
            let mut produced_at = 0;
            for mut rd in readings {
                rd.span = rd.span.start + r.start..rd.span.end + r.start;
                rd.at += r.start;
                let period_before = times.sub_year_period_before(rd.at);
                // `一季度,…完成投资28亿元` told after that quarter is over
                let elapsed = rd.result_verb
                    && period_before.as_deref().is_some_and(|p| {
                        let year = times
                            .last_anchor_before(rd.at)
                            .and_then(|a| a.resolve(self.years.doc));
                        self.years.period_elapsed(p, year)
                    });
                // a bare change is told in the tense of the statement it follows
                let at_event = event && first_plan_word.is_none_or(|p| p > rd.at);
                let tense = if at_event {
                    Some(Tense::Result)
                } else {
                    self.tense(
                        &cues,
                        rd.at,
                        last_tense,
                        rd.result_verb || period_before.is_some(),
                        elapsed,
                    )
                }
                .or(prev.filter(|_| rd.change_only).map(|p| out[p].tense))
                .or(sentence_tense);
                let Some(tense) = tense else { continue };
                if rd.change_only {
                    if let (Tense::Result, Some(p)) = (tense, prev) {
                        let st: &mut Statement = &mut out[p];
                        if st.change.is_none() && takes_change(&st.unit, rd.change.as_ref()) {
                            st.change = rd.change.clone();
                            let start = first_occurrence(s, prev_at..prev_at + st.text.len());
                            st.text = s[start..rd.span.end].to_string();
                            prev_at = start;
                            continue;
                        }
                    }
                }
                let mut replaces = None;
                if rd.indicator.is_empty() {
                    match &subject {
                        Some((ind, start)) => {
                            rd.indicator = ind.clone();
                            rd.span.start = *start;
                        }
                        None => continue,
                    }
                    // `突破千亿元,达到1023亿元`: the exact figure replaces the milestone
                    replaces = prev.filter(|&p| {
                        let st = &out[p];
                        st.kind == GoalKind::AtLeast
                            && st.unit == rd.qty.unit
                            && st.indicator == rd.indicator
                    });
                }
                if !acceptable(&rd, tense) {
                    continue;
                }
                // a result's part of the year may be set anywhere before it (`上半年,…`);
                // a target's only in its own clause, where it belongs to the indicator
                if tense == Tense::Result && rd.period.is_none() {
                    rd.period = times.sub_year_period_before(rd.at);
                }
                let year = self.year(times, rd.at, tense, para_year, rd.period.is_some());
                let kind = kind_of(&rd);
                let mut indicator = rd.indicator.clone();
                if tense == Tense::Plan {
                    if let Some(p) = &rd.period {
                        // `上半年完成投资`: the verb stays with a part-year target
                        let verb = verb_before(&s[rd.span.clone()], &indicator);
                        indicator = format!("{p}{verb}{indicator}");
                    }
                }
                let change = match (&rd.change, tense) {
                    (Some(c), _) => Some(c.clone()),
                    (None, Tense::Result) if rd.change_only => rd.change.clone(),
                    _ => None,
                };
                if let Some(p) = replaces {
                    out.remove(p);
                }
                out.push(Statement {
                    sentence: index,
                    tense,
                    year,
                    period: rd.period.clone(),
                    indicator,
                    value: rd.qty.value,
                    unit: rd.qty.unit.to_string(),
                    kind,
                    change,
                    text: s[rd.span.clone()].to_string(),
                    activity: rd.qty.is_activity(),
                });
                sentence_tense = Some(tense);
                produced = Some(out.len() - 1);
                produced_at = rd.span.start;
                subject = Some((rd.indicator.clone(), rd.span.start));
            }
            if produced.is_some() {
                prev = produced;
                prev_at = produced_at;
            }
        }
    }

    /// Tense cues of a sentence with their offsets: cue words and year anchors; and
    /// where the first plan cue word stands.
    fn cues(
        &self,
        s: &str,
        times: &SentenceTimes,
        section: Option<Tense>,
    ) -> (Vec<(usize, Tense)>, Option<usize>) {
        let (ac, n_plan) = &*CUES;
        let mut cues: Vec<(usize, Tense)> = Vec::new();
        let mut first_plan_word = None;
        for m in ac.find_iter(s) {
            let w = &s[m.range()];
            let before = s[..m.start()].chars().next_back();
            let after = s[m.end()..].chars().next();
            let ok = match w {
                "要" => {
                    !matches!(
                        before,
                        Some(
                            '主' | '重'
                                | '需'
                                | '纪'
                                | '摘'
                                | '提'
                                | '概'
                                | '只'
                                | '必'
                                | '首'
                                | '政'
                                | '简'
                        )
                    ) && !matches!(
                        after,
                        Some('求' | '点' | '素' | '闻' | '务' | '件' | '案' | '么')
                    )
                }
                "将" => !matches!(after, Some('近')),
                // `争取上级资金X亿元` under a review heading tells funds won
                "争取" => section != Some(Tense::Result),
                // a plan as a noun (`占年度计划的26%`, `完成全年计划,`) sets no tense
                "计划" => {
                    !matches!(before, Some('占'))
                        && !after.is_none_or(|c| {
                            c == '的' || !(c.is_alphanumeric() || c == '“' || c == '"')
                        })
                }
                "了" => {
                    !matches!(before, Some('为' | '除' | '罢' | '不'))
                        && !matches!(after, Some('解'))
                }
                _ => true,
            };
            if ok {
                let t = if m.pattern().as_usize() < *n_plan {
                    first_plan_word = first_plan_word.or(Some(m.start()));
                    Tense::Plan
                } else {
                    Tense::Result
                };
                cues.push((m.start(), t));
            }
        }
        for (at, y) in times.anchors() {
            let t = match y {
                YearRef::Relative(d) if d > 0 => Some(Tense::Plan),
                YearRef::Relative(d) if d < 0 => Some(Tense::Result),
                YearRef::Relative(_) => None,
                YearRef::Absolute(y) => {
                    let horizon = s[..at].ends_with('到')
                        || s[..at].ends_with('至') && !s[..at].ends_with("截至");
                    if horizon {
                        Some(Tense::Plan)
                    } else {
                        self.years
                            .is_past(y)
                            .map(|p| if p { Tense::Result } else { Tense::Plan })
                    }
                }
            };
            if let Some(t) = t {
                cues.push((at, t));
            }
        }
        cues.sort_by_key(|c| c.0);
        (cues, first_plan_word)
    }

    /// Plan or result: the last cue before the value; else a result if a result verb
    /// states it in a part of the year already over (`elapsed`); else the first cue
    /// after it in the sentence, else the tense of the paragraph's last statement; with
    /// none of these, a result if a result verb states it or a part of the year
    /// (`上半年,…`) frames it.
    fn tense(
        &self,
        cues: &[(usize, Tense)],
        at: usize,
        last: Option<Tense>,
        result_verb: bool,
        elapsed: bool,
    ) -> Option<Tense> {
        let before = cues.iter().rev().find(|c| c.0 < at).map(|c| c.1);
        before
            .or(elapsed.then_some(Tense::Result))
            .or_else(|| cues.iter().find(|c| c.0 >= at).map(|c| c.1))
            .or(last)
            .or(result_verb.then_some(Tense::Result))
    }

    /// The year: the last anchor before the value in the sentence, else the paragraph's
    /// (if it is on the statement's side of now), else the plan or the reached year.
    fn year(
        &self,
        times: &SentenceTimes,
        at: usize,
        tense: Tense,
        para_year: Option<i32>,
        has_period: bool,
    ) -> Option<i32> {
        if let Some(y) = times
            .last_anchor_before(at)
            .and_then(|a| a.resolve(self.years.doc))
        {
            return Some(y);
        }
        let para = para_year.filter(|&y| {
            !matches!(
                (tense, self.years.is_past(y)),
                (Tense::Plan, Some(true)) | (Tense::Result, Some(false))
            )
        });
        para.or(match tense {
            Tense::Plan => self.years.plan,
            Tense::Result if has_period => self.years.doc,
            Tense::Result => self.years.reached(),
        })
    }

    /// The subject of a clause without a value (`园区规上工业总产值实现“破百亿”` →
    /// `规上工业总产值`): the words before its first link verb, if short.
    fn subject_of(&self, clause: &str) -> Option<String> {
        let at = SUBJECT_ENDS.find(clause)?.start();
        let ind = self.clean_indicator(&clause[..at]).0;
        (ind.chars().count() >= 2 && ind.chars().count() <= 20).then_some(ind)
    }

    /// The statements one clause makes, before tense and year.
    /// `may_pair`: whether the sentence holds `分别`, without which no clause of it pairs
    /// names with values.
    fn read_clause(&self, c: &str, qs: &[Quantity], may_pair: bool) -> Vec<Reading> {
        if let Some(list) = may_pair.then(|| self.read_respectively(c, qs)).flatten() {
            return list;
        }
        let last = qs.last().unwrap();
        // a change at the end: `…34亿元,同比增长2%` or a clause that is only `同比增长2%`
        let mut change = None;
        let mut main = last;
        let mut body_end = c.len();
        if last.is_rate() && tail_is_empty(&c[last.end..]) {
            if let Some(m) = may_end_with_change(&c[..last.start])
                .then(|| CHANGE_WORDS.find(&c[..last.start]))
                .flatten()
            {
                let sign = if is_fall(m.as_str()) { -1.0 } else { 1.0 };
                let ch = Change {
                    value: sign * last.value,
                    unit: last.unit.to_string(),
                };
                let head = &c[..m.start()];
                if qs.len() >= 2 && tail_is_empty(&head[qs[qs.len() - 2].end..]) {
                    main = &qs[qs.len() - 2];
                    body_end = m.start();
                    change = Some(ch);
                } else {
                    let (indicator, _, period) = self.clean_indicator(head);
                    if !indicator.is_empty() {
                        change = Some(ch);
                    } else {
                        return vec![Reading {
                            indicator,
                            qty: *last,
                            kind: Some(if sign < 0.0 {
                                GoalKind::Reduce
                            } else {
                                GoalKind::Growth
                            }),
                            change_only: true,
                            change: Some(ch),
                            result_verb: false,
                            span: 0..c.len(),
                            at: last.start,
                            period,
                        }];
                    }
                }
            }
        }
        // indicator, then value at the clause's end
        if tail_is_empty(&c[main.end..body_end]) {
            let mut pre = &c[..main.start];
            let mut main = *main;
            // the pattern ends in a dash or `至/到` and blanks
            let may_range = pre
                .trim_end()
                .ends_with(['-', '—', '–', '~', '～', '至', '到']);
            if let Some(r) = may_range.then(|| RANGE_START.captures(pre)).flatten() {
                // `增长6%-7%`: the range's lower end is the value
                if let Ok(low) = r[1].parse::<f64>() {
                    main.value = low;
                    pre = &pre[..r.get(0).unwrap().start()];
                }
            }
            // ranks, shares of a target, margins over another place are no figures of
            // the indicator itself
            if ends_with_any(pre, &["前", "后", "第", "排名", "的"]) || is_margin(pre) {
                return Vec::new();
            }
            let (body, kinds, linked_by_verb) = strip_links(pre);
            let body = after_last_verb(body);
            let (indicator, led_by_verb, period) = self.clean_indicator(body);
            let indicator = without_inner_realize(indicator);
            let result_verb = linked_by_verb || led_by_verb || {
                let rest = indicator.trim_start_matches('新');
                let verbs = RESULT_VERBS_BY_FIRST.get(rest.chars().next());
                verbs.iter().any(|v| rest.starts_with(v))
            };
            let kind = kinds.into_iter().flatten().next();
            return self
                .split_list(&indicator)
                .into_iter()
                .map(|ind| Reading {
                    indicator: ind,
                    qty: main,
                    kind,
                    change_only: false,
                    change: change.clone(),
                    result_verb,
                    span: 0..c.len(),
                    at: main.start,
                    period: period.clone(),
                })
                .collect();
        }
        // `共有21个项目现场签约`: a count of projects the event verb after it names
        if let Some(rd) = read_event_count(c, qs) {
            return vec![rd];
        }
        // `其中3宗已出让`
        static ALREADY: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^(?:其中)?[,，]?$").unwrap());
        for q in qs {
            let after = &c[q.end..];
            if ALREADY.is_match(&c[..q.start]) {
                if let Some(v) = after.strip_prefix("已经").or(after.strip_prefix("已")) {
                    let v = v.trim_end_matches('了');
                    if (2..=8).contains(&v.chars().count()) && !q.chinese {
                        return vec![Reading::counted_result(v.to_string(), *q, c.len(), None)];
                    }
                }
            }
        }
        // a result verb, the value, the noun it counts: `实现87户“白名单”企业帮扶`
        for q in qs.iter().filter(|q| !q.chinese) {
            let pre = c[..q.start].trim_end_matches('了');
            let verbs = RESULT_VERBS_BY_LAST.get(pre.chars().next_back());
            let Some(verb) = verbs.iter().find(|v| pre.ends_with(*v)) else {
                continue;
            };
            let noun = c[q.end..].trim_end_matches(['了', '等']);
            if noun.chars().count() < 2
                || numbers::may_hold_quantity(noun) && !numbers::find_quantities(noun).is_empty()
            {
                continue;
            }
            // SUBJECT_ENDS: the link words of two chars or more that imply a kind
            if noun.starts_with('的') || SUBJECT_ENDS.is_match(noun) {
                continue;
            }
            let (_, _, period) = self.clean_indicator(&pre[..pre.len() - verb.len()]);
            return vec![Reading::counted_result(
                noun.to_string(),
                *q,
                c.len(),
                period,
            )];
        }
        Vec::new()
    }

    /// `A、B分别增长8%、10%`: indicators before `分别`, values after, paired in order.
    fn read_respectively(&self, c: &str, qs: &[Quantity]) -> Option<Vec<Reading>> {
        let at = find_word(c, "分别")?;
        let (head, tail_at) = (&c[..at], at + "分别".len());
        let values: Vec<&Quantity> = qs.iter().filter(|q| q.start >= tail_at).collect();
        let (body, _, period) = self.clean_indicator(head);
        let names: Vec<String> = split_outside_quotes(&body, &["、", "和", "及", "与", "以及"])
            .into_iter()
            .map(|n| self.clean_indicator(n).0)
            .filter(|n| !n.is_empty())
            .collect();
        let names = match names.as_slice() {
            [one] if values.len() == 2 => split_paired_name(one).unwrap_or(names),
            _ => names,
        };
        if values.len() < 2 {
            return None;
        }
        // values that cannot be paired with their names would give one of them the
        // whole clause as its name
        if names.len() != values.len() {
            return Some(Vec::new());
        }
        let (_, kinds, result_verb) = strip_links(&c[tail_at..values[0].start]);
        let link = &c[tail_at..values[0].start];
        let fall = is_fall(link);
        let growth = CHANGE_WORDS.is_match(link) || link.is_empty() && values[0].is_rate();
        let kind = kinds.into_iter().flatten().next();
        Some(
            names
                .into_iter()
                .zip(values)
                .map(|(name, q)| Reading {
                    indicator: name,
                    qty: *q,
                    kind,
                    change_only: false,
                    change: (growth && q.is_rate()).then(|| Change {
                        value: if fall { -q.value } else { q.value },
                        unit: q.unit.to_string(),
                    }),
                    result_verb,
                    span: 0..c.len(),
                    at: q.start,
                    period: period.clone(),
                })
                .collect(),
        )
    }

    /// `A、B增长6%`: each listed indicator gets the value, when the list is of short
    /// names; otherwise the indicator stays whole.
    fn split_list(&self, indicator: &str) -> Vec<String> {
        if !indicator.contains('、') {
            return vec![indicator.to_string()];
        }
        let parts = split_outside_quotes(indicator, &["、"]);
        if parts.len() > 1 && parts.iter().all(|p| (2..=15).contains(&p.chars().count())) {
            parts
                .into_iter()
                .map(|p| self.clean_indicator(p).0)
                .collect()
        } else {
            vec![indicator.to_string()]
        }
    }

    /// Trims the scene-setting words off the front of an indicator: times, zone names,
    /// connectives, a leading count (`99个重点项目…`). Returns the indicator, whether a
    /// result verb was cut (`完成固定资产投资`), and the part of a year named there.
    fn clean_indicator(&self, s: &str) -> (String, bool, Option<String>) {
        let mut s = s.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '，' | '、' | ':' | '：' | ';' | '；')
        });
        let mut period = None;
        let mut verb = false;
        loop {
            let before = s.len();
            if let Some(m) = may_lead_with_time(s)
                .then(|| LEADING_TIME.find(s))
                .flatten()
            {
                if !m.as_str().is_empty() {
                    if let Some(p) = period::sub_year_period(m.as_str()) {
                        period = Some(p);
                    }
                    s = &s[m.end()..];
                }
            }
            for w in CONTEXT_BY_FIRST.get(s.chars().next()) {
                if let Some(rest) = s.strip_prefix(w) {
                    if !rest.is_empty() {
                        verb |= RESULT_VERBS.contains(w);
                        s = rest;
                        break;
                    }
                }
            }
            for z in &self.zone_forms {
                if let Some(rest) = s.strip_prefix(z.as_str()) {
                    s = rest;
                    break;
                }
            }
            if let Some(m) = may_lead_with_zone(s)
                .then(|| LEADING_ZONE.find(s))
                .flatten()
            {
                if s[m.end()..].chars().count() >= 2 {
                    s = &s[m.end()..];
                }
            }
            if let Some(m) = may_lead_with_enumerator(s)
                .then(|| ENUMERATOR.find(s))
                .flatten()
            {
                s = &s[m.end()..];
            }
            if s.starts_with(['(', '（']) {
                if let Some(close) = s.find([')', '）']) {
                    s = &s[close + 1..];
                }
            }
            // a quantity at the start begins with a digit or a numeral (`百分之` too)
            let may_lead =
                s.starts_with(|c: char| c.is_ascii_digit() || numbers::is_chinese_numeral(c));
            if let Some(q) = may_lead
                .then(|| numbers::find_quantities(s))
                .as_ref()
                .and_then(|qs| qs.first())
            {
                if q.start == 0 && !q.is_money() && !q.is_rate() && q.end < s.len() {
                    s = &s[q.end..];
                }
            }
            s = s.trim_start_matches([',', '，', '、', ':', '：', ' ', '的']);
            if s.len() == before {
                break;
            }
        }
        (s.to_string(), verb, period)
    }
}

// Cheap tests of a text's first chars, run before the anchored regexes that strip
// leading words: each is true wherever its regex can match.

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
