//! The sentence reader: the statements a sentence makes, with the tense its cues and
//! context give them and the year they belong to.

use super::*;

/// Bases of a year-on-year comparison (`比上年增长4.3%`).
static YEAR_ON_YEAR: LazyLock<Words> = LazyLock::new(|| {
    Words::new(vec![
        "同比",
        "比上年",
        "较上年",
        "比去年",
        "较去年",
        "比年初",
        "较年初",
    ])
});

/// Investment figures that name no projects of their own (`总投资1156亿元`).
const BARE_INVESTMENT: [&str; 6] = [
    "总投资",
    "计划总投资",
    "总投资额",
    "投资总额",
    "计划总投资额",
    "协议总投资",
];

/// Whether an indicator is a share (`产值全区占比`, `工业投资占比`, `…比重`).
fn is_share(indicator: &str) -> bool {
    indicator.ends_with("占比") || indicator.ends_with("比重")
}

/// What a share is a share of: `区本级产值全区占比` → `区本级产值`, `重工业产值占比` →
/// `重工业产值`; nothing for a bare `占比`.
fn shared(indicator: &str) -> Option<&str> {
    if !is_share(indicator) {
        return None;
    }
    let base = match indicator.find('占') {
        Some(at) => &indicator[..at],
        None => indicator.strip_suffix("比重")?,
    };
    let base = ["全区", "全市", "全省", "全县", "全国"]
        .iter()
        .find_map(|w| base.strip_suffix(w))
        .unwrap_or(base);
    (base.chars().count() >= 2).then_some(base)
}

/// Whether the text before a value ends in a minus sign that belongs to it (`为-3.9‰`),
/// not a dash between two values (`6%-8%`).
fn has_minus_sign(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(['-', '－', '−']) else {
        return false;
    };
    rest.chars()
        .next_back()
        .is_some_and(|c| !(c.is_ascii_alphanumeric() || matches!(c, '%' | '‰' | '.' | ')' | '）')))
}

/// Whether the clause before `head`'s end is a project's name without a value
/// (`作为…首个开工的重点项目,`, `此次开工的某某项目,`), whose figures follow.
fn names_one_project(head: &str) -> bool {
    let head = head.trim_end_matches([',', '，', ' ']);
    let clause = head
        .rsplit([',', '，', ';', '；', '。'])
        .next()
        .unwrap_or(head);
    clause.ends_with("项目")
        && (!numbers::may_hold_quantity(clause) || numbers::find_quantities(clause).is_empty())
}

pub(super) struct Reader {
    pub(super) years: Years,
    pub(super) zone_forms: Vec<String>,
}

impl Reader {
    pub(super) fn sentence(
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
            doc_tense,
            label,
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
        // a figure compared with last year's is one reached, where nothing else tells
        let year_on_year = YEAR_ON_YEAR.is_match(s);
        let mut subject: Option<(String, usize)> = label.map(|l| (l.to_string(), 0));
        // whether the sentence's last reading was ruled out (`该项目总建筑面积…`)
        let mut rejected = false;
        // what the sentence's last share is a share of (`区本级产值全区占比` → `区本级产值`)
        let mut last_shared: Option<String> = None;
        // where the clauses without a value right before this one start
        let mut lead_start: Option<usize> = None;
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
                lead_start = lead_start.or(Some(r.start));
                // `■ 规上工业总产值:86.35亿元`: a label before a colon names what follows
                let label = s[r.end..]
                    .starts_with([':', '：'])
                    .then(|| self.clean_indicator(clause).0)
                    .filter(|l| (2..=20).contains(&l.chars().count()));
                if let Some(ind) = label.or_else(|| self.subject_of(clause)) {
                    subject = Some((ind, r.start));
                    prev = None;
                }
                continue;
            }
            let lead = &s[lead_start.unwrap_or(r.start)..r.start];
            lead_start = None;
            let readings = self.read_clause(clause, in_clause, may_pair, lead);
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
                // `年度计划投资217亿元` is a plan by its name
                let by_name = is_planned_amount(&rd.indicator);
                let tense = if by_name {
                    Some(Tense::Plan)
                } else if at_event {
                    Some(Tense::Result)
                } else {
                    self.tense(
                        &cues,
                        rd.at,
                        rd.span.end,
                        last_tense,
                        rd.result_verb
                            || period_before.is_some()
                            || year_on_year
                            || self.years.summarized.is_some(),
                        elapsed,
                    )
                }
                .or(prev.filter(|_| rd.change_only).map(|p| out[p].tense))
                .or(sentence_tense)
                .or(doc_tense);
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
                        // `同比增长2.7%,可比增长5.6%`: a second measure of a change the
                        // figure has is no figure of its own
                        if st.change.is_some() && takes_change(&st.unit, rd.change.as_ref()) {
                            continue;
                        }
                    }
                }
                if rd.of_subject {
                    if let Some((ind, start)) = &subject {
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
                let mut replaces = None;
                if rd.indicator.is_empty() {
                    match &subject {
                        // `产值全区占比36.5%,同比下降4.4%`: a rate after a share is the
                        // growth of what is shared, and a bare share's (`经开区占比22.7%,同比
                        // 增长92.8%`) that of the last share named
                        Some((ind, _)) if rd.change_only && is_share(ind) => {
                            match shared(ind).or(last_shared.as_deref()) {
                                Some(base) => rd.indicator = base.to_string(),
                                None => continue,
                            }
                        }
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
                // `该项目总建筑面积…,总投资5.8亿元`, `作为…首个开工的项目,计划总投资
                // 2.9亿元`: a bare investment after one project's figure or name is that
                // project's
                if BARE_INVESTMENT.contains(&rd.indicator.as_str())
                    && (rejected || names_one_project(&s[..rd.span.start]))
                {
                    continue;
                }
                if !acceptable(&rd, tense) || of_another_body(&s[..rd.at], &rd.indicator) {
                    rejected = true;
                    continue;
                }
                rejected = false;
                // `526.8亿元,…总量首次突破500亿元`: a milestone after the exact figure
                // restates it
                let restated = rd.of_subject
                    && tense == Tense::Result
                    && kind_of(&rd) == GoalKind::AtLeast
                    && prev.is_some_and(|p| {
                        let st = &out[p];
                        numbers::base_unit(&st.unit) == numbers::base_unit(rd.qty.unit)
                            && st.value * numbers::magnitude(&st.unit)
                                >= rd.qty.value * numbers::magnitude(rd.qty.unit)
                    });
                if restated {
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
                    tense == Tense::Result
                        && c.unit == rd.qty.unit
                        && (c.value.abs() - value).abs() < 1e-9
                }) {
                    value = c.value;
                    change = None;
                }
                if let Some(p) = replaces {
                    out.remove(p);
                }
                out.push(Statement {
                    sentence: index,
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
                    sentence_tense = Some(tense);
                }
                if let Some(base) = shared(&rd.indicator) {
                    last_shared = Some(base.to_string());
                }
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
    pub(super) fn cues(
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
                // a plan as a noun (`占年度计划的26%`, `完成全年计划,`) sets no tense, nor
                // does the planned size of projects signed (`计划总投资326亿元`)
                "计划" => {
                    !matches!(before, Some('占' | '超'))
                        && !names_a_plan(&s[..m.start()], &s[m.end()..])
                        && !after.is_none_or(|c| {
                            c == '的' || c == '总' || !(c.is_alphanumeric() || c == '“' || c == '"')
                        })
                }
                // a plan's share (`完成全年目标任务的31%`) sets no tense
                "目标任务" => after != Some('的'),
                "了" => {
                    !matches!(before, Some('为' | '除' | '罢' | '不'))
                        && !matches!(after, Some('解'))
                }
                _ => true,
            };
            // `预计全年实现…` late in a year: an estimate of the year's result
            // and so is it under a review heading (`2023年计划执行情况`)
            if w == "预计" && (section == Some(Tense::Result) || self.estimates_this_year(s)) {
                cues.push((m.start(), Tense::Result));
                continue;
            }
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
                    // `从第52名跃升至2020年第10位`: a horizon already behind the report
                    // looks back
                    let behind = self
                        .years
                        .summarized
                        .or(self.years.doc)
                        .is_some_and(|now| y < now);
                    if horizon && !behind {
                        Some(Tense::Plan)
                    } else if horizon {
                        Some(Tense::Result)
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

    /// Whether a sentence's `预计` estimates the current year's outcome: the report is
    /// published in the year's last quarter (or sums that year up), and the sentence
    /// names no later year.
    fn estimates_this_year(&self, s: &str) -> bool {
        let late = matches!(self.years.published, Some((y, m)) if m >= 10 && Some(y) == self.years.doc)
            || self.years.summarized.is_some() && self.years.summarized == self.years.doc;
        late && !s.contains("明年")
            && !period::anchors(s).any(|(_, y)| match y {
                YearRef::Absolute(y) => self.years.doc.is_some_and(|d| y > d),
                YearRef::Relative(d) => d > 0,
            })
    }

    /// Plan or result: the last cue before the value; else a result if a result verb
    /// states it in a part of the year already over (`elapsed`); else the first cue
    /// after it in its clause, else the tense of the paragraph's last statement; with
    /// none of these, a result if a result verb states it or a part of the year
    /// (`上半年,…`) frames it; else the first cue after it in the sentence.
    pub(super) fn tense(
        &self,
        cues: &[(usize, Tense)],
        at: usize,
        clause_end: usize,
        last: Option<Tense>,
        result_verb: bool,
        elapsed: bool,
    ) -> Option<Tense> {
        let before = cues.iter().rev().find(|c| c.0 < at).map(|c| c.1);
        let after = |within: usize| cues.iter().find(|c| c.0 >= at && c.0 < within).map(|c| c.1);
        // a cue in a later clause (`…4.93亿元(同比增长3.6%),全年目标为6.8亿元`) speaks
        // of that clause, unless nothing else tells this one's tense
        before
            .or(elapsed.then_some(Tense::Result))
            .or_else(|| after(clause_end))
            .or(last)
            .or(result_verb.then_some(Tense::Result))
            .or_else(|| after(usize::MAX))
    }

    /// The year: the last anchor before the value in the sentence, else the paragraph's
    /// (if it is on the statement's side of now), else the plan or the reached year.
    pub(super) fn year(
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
    pub(super) fn subject_of(&self, clause: &str) -> Option<String> {
        let at = SUBJECT_ENDS.find(clause)?.start();
        let ind = self.clean_indicator(&clause[..at]).0;
        (ind.chars().count() >= 2 && ind.chars().count() <= 20).then_some(ind)
    }
}

/// Whether a `计划` between `before` and `after` names a planned amount of a
/// period (`年度计划投资`, `全年计划完成投资`): a plan told by the figure's own name,
/// which tells nothing of the figures around it (`确定项目30项,总投资100亿元,年度计划
/// 投资20亿元` counts projects fixed).
fn names_a_plan(before: &str, after: &str) -> bool {
    (before.ends_with("年度") || before.ends_with("全年") || before.ends_with("当年"))
        && (after.starts_with("投资") || after.starts_with("完成投资"))
}

/// Whether an indicator is a planned amount by its name (`年度计划投资`).
pub(crate) fn is_planned_amount(indicator: &str) -> bool {
    indicator.match_indices("计划").any(|(i, w)| {
        let after = &indicator[i + w.len()..];
        names_a_plan(&indicator[..i], after)
            || i == 0 && (after.starts_with("投资") || after.starts_with("完成投资"))
    })
}

/// Whether a figure is a company's or the nation's, not the zone's: a company named
/// before it in the sentence (`龙头企业某某股份有限公司实现营业收入…`), or an indicator
/// of the whole country (`全国规上工业增加值`).
fn of_another_body(before: &str, indicator: &str) -> bool {
    indicator.starts_with("全国")
        || before.contains('司')
            && ["有限公司", "股份公司", "有限责任公司"]
                .iter()
                .any(|w| before.contains(w))
}
