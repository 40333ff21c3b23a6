//! The sentence reader: the tense a sentence's cues and context give its statements, the
//! year they belong to, and the tests on a figure's words the [passes](super::sentence)
//! use.

use super::*;

/// Bases of a year-on-year comparison (`比上年增长4.3%`).
pub(super) static YEAR_ON_YEAR: LazyLock<Words> = LazyLock::new(|| {
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
pub(super) const BARE_INVESTMENT: [&str; 6] = [
    "总投资",
    "计划总投资",
    "总投资额",
    "投资总额",
    "计划总投资额",
    "协议总投资",
];

/// Whether an indicator is a share (`产值全区占比`, `工业投资占比`, `…比重`).
pub(super) fn is_share(indicator: &str) -> bool {
    indicator.ends_with("占比") || indicator.ends_with("比重")
}

/// What a share is a share of: `区本级产值全区占比` → `区本级产值`, `重工业产值占比` →
/// `重工业产值`; nothing for a bare `占比`.
pub(super) fn shared(indicator: &str) -> Option<&str> {
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
pub(super) fn has_minus_sign(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(['-', '－', '−']) else {
        return false;
    };
    rest.chars()
        .next_back()
        .is_some_and(|c| !(c.is_ascii_alphanumeric() || matches!(c, '%' | '‰' | '.' | ')' | '）')))
}

/// Whether the clause before `head`'s end is a project's name without a value
/// (`作为…首个开工的重点项目,`, `此次开工的某某项目,`), whose figures follow.
pub(super) fn names_one_project(head: &str) -> bool {
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
pub(super) fn of_another_body(before: &str, indicator: &str) -> bool {
    indicator.starts_with("全国")
        || before.contains('司')
            && ["有限公司", "股份公司", "有限责任公司"]
                .iter()
                .any(|w| before.contains(w))
}
