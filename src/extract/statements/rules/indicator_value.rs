//! The rules of a figure that ends its clause ([`Ending::ValueAtEnd`]): a share of a
//! whole, words that make it no figure of its own, and the common shape, an indicator
//! then its value (`签约项目34个`, `工业总产值完成34亿元`).

use super::*;

/// `完成投资28亿元,占年度计划的26%`, `…完成全年目标的52%`: a share of a plan or a whole.
pub(super) fn share_of_a_whole(reader: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    let Ending::ValueAtEnd { main, pre, .. } = clause.ending(reader) else {
        return None;
    };
    if !main.is_rate() {
        return None;
    }
    let share = share_of_whole(pre)?;
    Some(vec![share_reading(
        reader,
        pre,
        share,
        main,
        clause.text.len(),
    )])
}

/// Ranks (`排名全省第3位`), margins over another place or period (`高于全省平均2个
/// 百分点`), comparisons of rates and contributions to one: no figures of the indicator
/// itself, so the clause states none.
pub(super) fn not_its_own_figure(reader: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    let Ending::ValueAtEnd { main, pre, .. } = clause.ending(reader) else {
        return None;
    };
    let pre: &str = pre;
    (ends_with_any(pre, &["前", "后", "第", "排名", "的"])
        || is_margin(pre)
        || numbers::is_points_unit(main.unit) && (is_rate_comparison(pre) || is_contribution(pre)))
    .then(Vec::new)
}

/// `工业总产值完成34亿元,同比增长2%`, `签约项目34个`, `A、B增长6%`: the words before the
/// figure, link words cut off, name it.
pub(super) fn indicator_then_value(reader: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    let Ending::ValueAtEnd { main, pre, change } = clause.ending(reader) else {
        return None;
    };
    let (main, pre): (Quantity, &str) = (*main, pre);
    let (body, kinds, linked_by_verb) = strip_links(pre);
    let grouped = grouped_figure(body);
    let body = after_last_verb(grouped.as_deref().unwrap_or(body));
    // `某某产业园建设项目计划总投资400亿元`: a project called by its name, before
    // its name is cut as a zone's
    if is_one_project(body) {
        return Some(Vec::new());
    }
    let (indicator, led_by_verb, period) = reader.clean_indicator(body);
    let indicator = without_inner_realize(indicator);
    let (mut indicator, of_subject) = of_the_subject(indicator);
    // `…,力争实现翻一番、达到860亿元`: the value is the subject's, or that of
    // the words before the doubling (`营业收入力争到2033年实现翻一番、达到…`)
    if DOUBLINGS.contains(&indicator.as_str()) {
        indicator = before_doubling(strip_links(pre).0)
            .map(|b| reader.clean_indicator(b).0)
            .unwrap_or_default();
    }
    let result_verb = linked_by_verb || led_by_verb || {
        let rest = indicator.trim_start_matches('新');
        let verbs = RESULT_VERBS_BY_FIRST.get(rest.chars().next());
        verbs.iter().any(|v| rest.starts_with(v))
    };
    let kind = kinds.into_iter().flatten().next();
    Some(
        reader
            .split_list(&indicator)
            .into_iter()
            .map(|ind| Reading {
                indicator: ind,
                qty: main,
                kind,
                change_only: false,
                change: change.clone(),
                result_verb,
                span: 0..clause.text.len(),
                at: main.start,
                period: period.clone(),
                of_subject,
            })
            .collect(),
    )
}

/// `甲、乙、丙三大主导产业合计完成产值` → `三大主导产业完成产值`: the figure is the
/// group's, named by the group; nothing when the words name no group.
pub(super) fn grouped_figure(body: &str) -> Option<String> {
    let g = body.contains('大').then(|| GROUP.find(body)).flatten()?;
    Some(
        [&body[g.start()..g.end()], &body[g.end()..]]
            .concat()
            .replacen("合计", "", 1),
    )
}

/// `新增某类企业38家,总数达到241家`: a bare total is the subject's, and so is the share a
/// total makes (`总量占全区规上工业增加值65.7%` → `占全区规上工业增加值`). The
/// indicator, and whether it continues the subject.
pub(super) fn of_the_subject(indicator: String) -> (String, bool) {
    let share_of_total = SHARE_OF_TOTAL
        .iter()
        .find_map(|w| indicator.strip_prefix(w))
        .filter(|share| share.starts_with('占'))
        .map(str::to_string);
    let of_subject = BARE_WORDS.contains(&indicator.as_str()) || share_of_total.is_some();
    (share_of_total.unwrap_or(indicator), of_subject)
}

/// A named group of industries or sectors (`三大主导产业`, `四大支柱产业`).
pub(super) static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[二三四五六七八九十两\d]大(?:主导|支柱|战略性新兴|新兴|重点|优势|特色|先导)?(?:产业|行业|板块)")
        .unwrap()
});

/// Whether `tail` after a value names it a target (`的预期目标`, `的目标任务`).
pub(super) fn is_target_tail(tail: &str) -> bool {
    tail.strip_prefix('的').is_some_and(|t| {
        let t = t.trim_end_matches(['。', ' ']);
        [
            "预期目标",
            "奋斗目标",
            "年度目标",
            "主要目标",
            "目标任务",
            "目标",
        ]
        .contains(&t)
    })
}

/// Whether `tail` after a value names it a milestone (`大关`, `台阶`).
pub(super) fn is_milestone_tail(tail: &str) -> bool {
    let t = tail.trim_end_matches(['。', ' ']);
    ["大关", "关口", "台阶", "新台阶", "大台阶", "新关口"].contains(&t)
}

/// Words that stand where an indicator would but name none of their own: totals
/// (`总数达到241家`), rates (`增速达到12.3%`), a target (`全年目标为6.8亿元`).
const BARE_WORDS: [&str; 10] = [
    "总数",
    "总量",
    "累计",
    "总计",
    "合计",
    "总规模",
    "增速",
    "增幅",
    "目标",
    "目标为",
];

/// Words that name a share without saying of what (`比重较上年提高2个百分点`).
pub(super) const SHARE_WORDS: [&str; 4] = ["比重", "占比", "份额", "所占比重"];

/// Totals whose share follows them (`总量占…`): the share is the subject's.
const SHARE_OF_TOTAL: [&str; 4] = ["总量", "总额", "规模", "合计"];

/// Words of doubling that stand where an indicator would (`实现翻一番、达到860亿元`).
const DOUBLINGS: [&str; 6] = ["翻一番", "翻番", "翻两番", "翻了一番", "翻一倍", "倍增"];

/// The words before a doubling phrase, without the plan words and horizon that lead
/// to it: `营业收入力争到2033年实现翻一番、` → `营业收入`.
pub(super) fn before_doubling(body: &str) -> Option<&str> {
    static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:力争|确保|争取|努力)?(?:(?:到|至)?(?:19|20)\d{2}\s*年(?:底|末)?)?(?:实现|基本实现)?$")
            .unwrap()
    });
    let at = DOUBLINGS.iter().filter_map(|d| body.find(d)).min()?;
    let before = body[..at].trim_end_matches([',', '，', '、', ' ']);
    let words = &before[..LEAD_IN.find(before).map_or(before.len(), |m| m.start())];
    (!words.is_empty()).then_some(words)
}

/// A share of a plan or a whole at the end of `pre`: where the words of the share
/// start (`占年度计划的`, `完成全年目标任务的`, `占全市的`).
pub(super) fn share_of_whole(pre: &str) -> Option<usize> {
    static SHARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:(?:完成|达到|达|为|相当于)了?(?:本年度|年度|全年|本年|年)(?:投资计划|计划任务|目标任务|考核目标|计划|目标|任务)?|占(?:(?:本年度|年度|全年|本年|全部|全[市省区县国])\p{Han}{0,8}?|[\p{Han}A-Za-z]{2,14}?))的$",
        )
        .unwrap()
    });
    if !pre.ends_with('的') {
        return None;
    }
    SHARE.find(pre).map(|m| m.start())
}

/// The reading of a share: its words after the subject's when the clause starts with
/// them (`,占年度计划的26.3%`), else the clause's own indicator with them.
fn share_reading(reader: &Reader, pre: &str, share: usize, qty: &Quantity, len: usize) -> Reading {
    let words = pre.trim_end_matches('的');
    let (own, _, period) = reader.clean_indicator(&words[..share]);
    let of_subject = own.is_empty();
    let indicator = format!("{own}{}", &words[share..]);
    Reading {
        indicator,
        qty: *qty,
        kind: None,
        change_only: false,
        change: None,
        result_verb: false,
        span: 0..len,
        at: qty.start,
        period,
        of_subject,
    }
}

/// Whether `pre` tells a part's contribution to a growth rate (`拉动规上工业产值增长`,
/// `分别拉动经济增长`): a split of another figure's rate, no figure of its own.
pub(super) fn is_contribution(pre: &str) -> bool {
    const PULLS: [&str; 3] = ["拉动", "下拉", "带动"];
    PULLS.iter().any(|w| pre.contains(w))
}

/// Whether `pre` compares a rate with another period or place (`增速较一季度提高`,
/// `较上月加快`): the difference of two rates, no figure of its own. A share's change
/// (`比重较上年提高`) is not one.
fn is_rate_comparison(pre: &str) -> bool {
    static COMPARISON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[^,，;；]*?(?:增速|增幅|增长率|涨幅|降幅|速度))?(?:较|比)(?:[^重例]|$)")
            .unwrap()
    });
    COMPARISON.is_match(pre.trim_start_matches([',', '，', ' ']))
}
