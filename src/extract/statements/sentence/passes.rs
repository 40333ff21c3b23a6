//! The passes of [`PASSES`](super::PASSES): each takes a reading on or drops it.

use super::*;

/// `34亿元,同比增长2%`: a change alone after a result is that result's change, and a
/// second measure of a change it has (`同比增长2.7%,可比增长5.6%`) is no figure.
pub(super) fn joins_the_figure_before(
    sr: &mut SentenceRead,
    p: &mut Pending,
    out: &mut [Statement],
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
pub(super) fn continues_the_subject(
    sr: &mut SentenceRead,
    p: &mut Pending,
    _: &mut [Statement],
) -> bool {
    let rd = &mut p.rd;
    if rd.of_subject {
        if let Some((ind, start)) = &sr.subject {
            // the total of what was added is a total of the things
            let things = (STATEMENTS.words(WordPart::Added).words().iter())
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
pub(super) fn takes_the_subjects_name(
    sr: &mut SentenceRead,
    p: &mut Pending,
    out: &mut [Statement],
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
pub(super) fn not_one_projects_investment(
    sr: &mut SentenceRead,
    p: &mut Pending,
    _: &mut [Statement],
) -> bool {
    let rd = &p.rd;
    !(STATEMENTS
        .words(WordPart::BareInvestment)
        .contains(&rd.indicator)
        && (sr.rejected || names_one_project(&sr.s[..rd.span.start])))
}

/// A reading that may stand as a statement of its tense and is the zone's, not a
/// company's or the nation's; a reading ruled out rules out the bare investment after it.
pub(super) fn acceptable_and_own(
    sr: &mut SentenceRead,
    p: &mut Pending,
    _: &mut [Statement],
) -> bool {
    let rd = &p.rd;
    sr.rejected = !acceptable(rd, p.tense) || of_another_body(&sr.s[..rd.at], &rd.indicator);
    !sr.rejected
}

/// `526.8亿元,…总量首次突破500亿元`: a milestone after the exact figure restates it.
pub(super) fn not_a_restated_milestone(
    sr: &mut SentenceRead,
    p: &mut Pending,
    out: &mut [Statement],
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
