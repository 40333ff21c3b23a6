//! A sentence read clause by clause: the [rules](super::rules) say what each clause
//! states; then each reading is given its tense and goes through the named passes of
//! [`PASSES`] (joined to the figure before, named by the subject, ruled out …) before
//! it becomes a [`Statement`].

use super::reader::{
    has_minus_sign, is_planned_amount, is_share, names_one_project, of_another_body, shared,
    BARE_INVESTMENT, YEAR_ON_YEAR,
};
use super::*;

#[cfg(test)]
mod tests;

/// A reading on its way to a statement, with the tense it was given.
pub(super) struct Pending {
    pub(super) rd: Reading,
    pub(super) tense: Tense,
    /// The tense is the indicator's by its name (`年度计划投资`), not the sentence's.
    pub(super) by_name: bool,
    /// The statement the reading replaces (a milestone the exact figure follows).
    pub(super) replaces: Option<usize>,
}

/// One pass over a reading: whether it goes on to the next (false drops it, or has
/// merged it into the statement before).
pub(super) struct Pass {
    /// What the pass does, for readers of the list and its tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) name: &'static str,
    pub(super) run: fn(&mut SentenceRead, &mut Pending, &mut Vec<Statement>) -> bool,
}

/// The passes a reading goes through after its tense is set, in order.
pub(super) static PASSES: &[Pass] = &[
    Pass {
        name: "a bare change joins the figure before",
        run: joins_the_figure_before,
    },
    Pass {
        name: "a total or share continues the subject",
        run: continues_the_subject,
    },
    Pass {
        name: "a bare figure takes the subject's name",
        run: takes_the_subjects_name,
    },
    Pass {
        name: "a bare investment after one project is the project's",
        run: not_one_projects_investment,
    },
    Pass {
        name: "acceptable, and the zone's own",
        run: acceptable_and_own,
    },
    Pass {
        name: "a milestone after the exact figure restates it",
        run: not_a_restated_milestone,
    },
];

/// One sentence being read: what it tells of all its clauses, and what the reader
/// keeps from clause to clause.
pub(super) struct SentenceRead<'a> {
    reader: &'a Reader,
    s: &'a str,
    times: &'a SentenceTimes<'a>,
    index: usize,
    frame: Frame<'a>,
    /// Tense cues with their offsets, and where the first plan cue word stands.
    cues: Vec<(usize, Tense)>,
    first_plan_word: Option<usize>,
    /// Figures of an event told as held are results unless a plan cue leads them.
    event: bool,
    /// A figure compared with last year's is one reached, where nothing else tells.
    year_on_year: bool,
    /// What the figures of the clauses to come are of, and where it is named.
    subject: Option<(String, usize)>,
    /// Whether the sentence's last reading was ruled out (`该项目总建筑面积…`).
    rejected: bool,
    /// What the sentence's last share is a share of (`区本级产值全区占比` → `区本级产值`).
    last_shared: Option<String>,
    /// The statement the last clause with one made, and where its text starts in `s`.
    prev: Option<usize>,
    prev_at: usize,
    /// The tense of the sentence's last statement, for clauses that show none of their
    /// own (`完成投资72亿元;实际使用外资1.3亿美元`).
    sentence_tense: Option<Tense>,
}

impl Reader {
    /// Reads the statements of sentence `s` (number `index`) into `out`.
    pub(super) fn sentence(
        &self,
        s: &str,
        times: &SentenceTimes,
        index: usize,
        frame: Frame,
        out: &mut Vec<Statement>,
    ) {
        let qs = numbers::find_quantities(s);
        if qs.is_empty() {
            return;
        }
        let (cues, first_plan_word) = self.cues(s, times, frame.section_tense);
        let mut sr = SentenceRead {
            reader: self,
            s,
            times,
            index,
            frame,
            cues,
            first_plan_word,
            event: tells_event(s),
            year_on_year: YEAR_ON_YEAR.is_match(s),
            subject: frame.label.map(|l| (l.to_string(), 0)),
            rejected: false,
            last_shared: None,
            prev: None,
            prev_at: 0,
            sentence_tense: None,
        };
        // tests of the whole sentence that rule them out for each of its clauses
        let may_have_placeholder = numbers::may_have_placeholder(s);
        let may_project = PROJECTIONS.is_match(s);
        let may_pair = find_word(s, "分别").is_some();
        // where the clauses without a value right before this one start
        let mut lead_start: Option<usize> = None;
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
            // a placeholder (`X亿元`) or a projection (`建成后可达…`) states nothing, and
            // the clauses after it have no subject from before it
            if may_have_placeholder && numbers::has_placeholder(clause)
                || may_project && PROJECTIONS.is_match(clause)
            {
                sr.subject = None;
                sr.prev = None;
                continue;
            }
            if in_clause.is_empty() {
                lead_start = lead_start.or(Some(r.start));
                sr.names_the_subject(r.clone());
                continue;
            }
            let lead = &s[lead_start.unwrap_or(r.start)..r.start];
            lead_start = None;
            let readings = self.read_clause(clause, &in_clause, may_pair, lead);
            let mut produced = None;
            for mut rd in readings {
                rd.span = rd.span.start + r.start..rd.span.end + r.start;
                rd.at += r.start;
                let Some((tense, by_name)) = sr.tense_of(&rd, out) else {
                    continue;
                };
                let mut p = Pending {
                    rd,
                    tense,
                    by_name,
                    replaces: None,
                };
                if PASSES.iter().all(|pass| (pass.run)(&mut sr, &mut p, out)) {
                    produced = Some(sr.push(p, out));
                }
            }
            if let Some((at, start)) = produced {
                sr.prev = Some(at);
                sr.prev_at = start;
            }
        }
    }
}

impl SentenceRead<'_> {
    /// A clause without a value (range `r` of the sentence) names what the figures after
    /// it are of: a label before a colon (`■ 规上工业总产值:86.35亿元`), or the words
    /// before its link verb (`园区规上工业总产值实现“破百亿”`).
    fn names_the_subject(&mut self, r: Range<usize>) {
        let (s, clause) = (self.s, &self.s[r.clone()]);
        let label = s[r.end..]
            .starts_with([':', '：'])
            .then(|| self.reader.clean_indicator(clause).0)
            .filter(|l| (2..=20).contains(&l.chars().count()));
        if let Some(ind) = label.or_else(|| self.reader.subject_of(clause)) {
            self.subject = Some((ind, r.start));
            self.prev = None;
        }
    }

    /// The tense of a reading, and whether its indicator's name gives it.
    fn tense_of(&self, rd: &Reading, out: &[Statement]) -> Option<(Tense, bool)> {
        let (reader, times) = (self.reader, self.times);
        let period_before = times.sub_year_period_before(rd.at);
        // `一季度,…完成投资28亿元` told after that quarter is over
        let elapsed = rd.result_verb
            && period_before.as_deref().is_some_and(|p| {
                let year = times
                    .last_anchor_before(rd.at)
                    .and_then(|a| a.resolve(reader.years.doc));
                reader.years.period_elapsed(p, year)
            });
        // a bare change is told in the tense of the statement it follows
        let at_event = self.event && self.first_plan_word.is_none_or(|p| p > rd.at);
        // `年度计划投资217亿元` is a plan by its name
        let by_name = is_planned_amount(&rd.indicator);
        let tense = if by_name {
            Some(Tense::Plan)
        } else if at_event {
            Some(Tense::Result)
        } else {
            reader.tense(
                &self.cues,
                rd.at,
                rd.span.end,
                self.frame.last_tense,
                rd.result_verb
                    || period_before.is_some()
                    || self.year_on_year
                    || reader.years.summarized.is_some(),
                elapsed,
            )
        }
        .or(self.prev.filter(|_| rd.change_only).map(|p| out[p].tense))
        .or(self.sentence_tense)
        .or(self.frame.doc_tense)?;
        Some((tense, by_name))
    }

    /// Makes the statement of a reading that went through every pass; returns its place
    /// in `out` and where its text starts.
    fn push(&mut self, p: Pending, out: &mut Vec<Statement>) -> (usize, usize) {
        let Pending {
            mut rd,
            tense,
            by_name,
            replaces,
        } = p;
        let (s, times) = (self.s, self.times);
        // a result's part of the year may be set anywhere before it (`上半年,…`);
        // a target's only in its own clause, where it belongs to the indicator
        if tense == Tense::Result && rd.period.is_none() {
            rd.period = times.sub_year_period_before(rd.at);
        }
        let year = self.reader.year(
            times,
            rd.at,
            tense,
            self.frame.para_year,
            rd.period.is_some(),
        );
        let kind = kind_of(&rd);
        let mut indicator = rd.indicator.clone();
        if tense == Tense::Plan {
            if let Some(p) = &rd.period {
                // `上半年完成投资`: the verb stays with a part-year target
                let verb = verb_before(&s[rd.span.clone()], &indicator);
                indicator = format!("{p}{verb}{indicator}");
            }
        }
        let mut change = match (&rd.change, tense) {
            (Some(c), _) => Some(c.clone()),
            (None, Tense::Result) if rd.change_only => rd.change.clone(),
            _ => None,
        };
        // a result that is only a rate of change (`基础设施投资下降4.1%`): the
        // signed rate is the figure itself, not a change of another
        let mut value = rd.qty.value;
        // `人口自然增长率为-3.9‰`: a minus sign before the value
        if has_minus_sign(&s[..rd.at]) {
            value = -value;
        }
        if let Some(c) = change.as_ref().filter(|c| {
            tense == Tense::Result && c.unit == rd.qty.unit && (c.value.abs() - value).abs() < 1e-9
        }) {
            value = c.value;
            change = None;
        }
        if let Some(p) = replaces {
            out.remove(p);
        }
        out.push(Statement {
            sentence: self.index,
            tense,
            year,
            period: rd.period.clone(),
            indicator,
            value,
            unit: rd.qty.unit.to_string(),
            kind,
            change,
            text: s[rd.span.clone()].to_string(),
            activity: rd.qty.is_activity(),
        });
        if !by_name {
            self.sentence_tense = Some(tense);
        }
        if let Some(base) = shared(&rd.indicator) {
            self.last_shared = Some(base.to_string());
        }
        self.subject = Some((rd.indicator, rd.span.start));
        (out.len() - 1, rd.span.start)
    }
}

/// `34亿元,同比增长2%`: a change alone after a result is that result's change, and a
/// second measure of a change it has (`同比增长2.7%,可比增长5.6%`) is no figure.
fn joins_the_figure_before(
    sr: &mut SentenceRead,
    p: &mut Pending,
    out: &mut Vec<Statement>,
) -> bool {
    let rd = &p.rd;
    if !rd.change_only {
        return true;
    }
    let (Tense::Result, Some(prev)) = (p.tense, sr.prev) else {
        return true;
    };
    let st: &mut Statement = &mut out[prev];
    if st.change.is_none() && takes_change(&st.unit, rd.change.as_ref()) {
        st.change = rd.change.clone();
        let start = first_occurrence(sr.s, sr.prev_at..sr.prev_at + st.text.len());
        st.text = sr.s[start..rd.span.end].to_string();
        sr.prev_at = start;
        return false;
    }
    !(st.change.is_some() && takes_change(&st.unit, rd.change.as_ref()))
}

/// `新增某类企业38家,总数达到241家`, `完成投资28亿元,占年度计划的26%`: a total or a
/// share without a name of its own is the subject's.
fn continues_the_subject(sr: &mut SentenceRead, p: &mut Pending, _: &mut Vec<Statement>) -> bool {
    let rd = &mut p.rd;
    if rd.of_subject {
        if let Some((ind, start)) = &sr.subject {
            // the total of what was added is a total of the things
            let things = ["新增", "新引进", "新培育", "新认定", "净增"]
                .iter()
                .find_map(|v| ind.strip_prefix(v))
                .filter(|t| t.chars().count() >= 2)
                .unwrap_or(ind);
            rd.indicator = format!("{things}{}", rd.indicator);
            rd.span.start = *start;
        }
    }
    true
}

/// A figure without a name (`规上工业总产值:`, `…,达到1023亿元`) is the subject's; the
/// exact figure replaces a milestone of it just before (`突破千亿元,达到1023亿元`).
fn takes_the_subjects_name(
    sr: &mut SentenceRead,
    p: &mut Pending,
    out: &mut Vec<Statement>,
) -> bool {
    let rd = &mut p.rd;
    if !rd.indicator.is_empty() {
        return true;
    }
    match &sr.subject {
        // `产值全区占比36.5%,同比下降4.4%`: a rate after a share is the growth of what
        // is shared, and a bare share's (`经开区占比22.7%,同比增长92.8%`) that of the
        // last share named
        Some((ind, _)) if rd.change_only && is_share(ind) => {
            match shared(ind).or(sr.last_shared.as_deref()) {
                Some(base) => rd.indicator = base.to_string(),
                None => return false,
            }
        }
        Some((ind, start)) => {
            rd.indicator = ind.clone();
            rd.span.start = *start;
        }
        None => return false,
    }
    p.replaces = sr.prev.filter(|&prev| {
        let st = &out[prev];
        st.kind == GoalKind::AtLeast && st.unit == rd.qty.unit && st.indicator == rd.indicator
    });
    true
}

/// `该项目总建筑面积…,总投资5.8亿元`, `作为…首个开工的项目,计划总投资2.9亿元`: a bare
/// investment after one project's figure or name is that project's.
fn not_one_projects_investment(
    sr: &mut SentenceRead,
    p: &mut Pending,
    _: &mut Vec<Statement>,
) -> bool {
    let rd = &p.rd;
    !(BARE_INVESTMENT.contains(&rd.indicator.as_str())
        && (sr.rejected || names_one_project(&sr.s[..rd.span.start])))
}

/// A reading that may stand as a statement of its tense and is the zone's, not a
/// company's or the nation's; a reading ruled out rules out the bare investment after it.
fn acceptable_and_own(sr: &mut SentenceRead, p: &mut Pending, _: &mut Vec<Statement>) -> bool {
    let rd = &p.rd;
    sr.rejected = !acceptable(rd, p.tense) || of_another_body(&sr.s[..rd.at], &rd.indicator);
    !sr.rejected
}

/// `526.8亿元,…总量首次突破500亿元`: a milestone after the exact figure restates it.
fn not_a_restated_milestone(
    sr: &mut SentenceRead,
    p: &mut Pending,
    out: &mut Vec<Statement>,
) -> bool {
    let rd = &p.rd;
    let restated = rd.of_subject
        && p.tense == Tense::Result
        && kind_of(rd) == GoalKind::AtLeast
        && sr.prev.is_some_and(|prev| {
            let st = &out[prev];
            numbers::base_unit(&st.unit) == numbers::base_unit(rd.qty.unit)
                && st.value * numbers::magnitude(&st.unit)
                    >= rd.qty.value * numbers::magnitude(rd.qty.unit)
        });
    !restated
}
