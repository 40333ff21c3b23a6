//! What one clause says: indicator, value, kind and change, before the sentence's
//! context decides tense and year; lists read pairwise (`分别`), indicators cleaned.

use super::*;

/// What one clause says before the document context decides tense and year.
pub(super) struct Reading {
    pub(super) indicator: String,
    pub(super) qty: Quantity,
    pub(super) kind: Option<GoalKind>,
    /// Only a change (`同比增长2%`): belongs to the statement before, if any.
    pub(super) change_only: bool,
    pub(super) change: Option<Change>,
    /// A verb reporting a result stands before the value.
    pub(super) result_verb: bool,
    /// Byte range in the sentence of the text the statement is told in.
    pub(super) span: Range<usize>,
    /// Byte offset of the value in the sentence (where tense cues are read up to).
    pub(super) at: usize,
    pub(super) period: Option<String>,
    /// The indicator continues the subject of the clauses before it: a share of a whole
    /// (`完成投资28亿元,占年度计划的26%` → `完成投资占年度计划`).
    pub(super) of_subject: bool,
}

impl Reading {
    /// A result told by a verb in front of a count, the whole clause `clause_len` long:
    /// the shape the inverted readings (`已签约12个`, `12个项目已开工`) give.
    pub(super) fn counted_result(
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
            of_subject: false,
        }
    }
}

impl Reader {
    /// The statements one clause makes, before tense and year.
    /// `may_pair`: whether the sentence holds `分别`, without which no clause of it pairs
    /// names with values.
    /// `lead`: the clauses without a value right before this one, which may hold the
    /// first names of a `分别` list (`甲,乙,丙和丁产量分别增长…`).
    pub(super) fn read_clause(
        &self,
        c: &str,
        qs: &[Quantity],
        may_pair: bool,
        lead: &str,
    ) -> Vec<Reading> {
        if let Some(list) = may_pair
            .then(|| self.read_respectively(c, qs, lead))
            .flatten()
        {
            return list;
        }
        if let Some(rd) = count_change(c, qs) {
            return vec![rd];
        }
        if let Some(rd) = self.read_from_to(c, qs) {
            return vec![rd];
        }
        let last = qs.last().unwrap();
        // a change at the end: `…34亿元,同比增长2%` or a clause that is only `同比增长2%`
        let mut change = None;
        let mut main = last;
        let mut body_end = c.len();
        // `增长 15.4 %`: blanks before the value are no part of the change words
        let before_last = c[..last.start].trim_end();
        if last.is_rate() && tail_is_empty(&c[last.end..]) {
            if let Some(m) = may_end_with_change(before_last)
                .then(|| CHANGE_WORDS.find(before_last))
                .flatten()
            {
                let sign = if is_fall(m.as_str()) { -1.0 } else { 1.0 };
                let ch = Change {
                    value: sign * last.value,
                    unit: last.unit.to_string(),
                };
                let head = &c[..m.start()];
                // `完成586.4亿元(同比增长9.7%)`: the change in brackets after the value
                let between = head[qs.len().checked_sub(2).map_or(0, |k| qs[k].end)..]
                    .trim_end_matches(['(', '（', ' ']);
                if qs.len() >= 2 && tail_is_empty(between) {
                    main = &qs[qs.len() - 2];
                    body_end = head.trim_end_matches(['(', '（', ' ']).len();
                    change = Some(ch);
                } else {
                    let (indicator, _, period) = self.clean_indicator(head);
                    // `比重较上年提高2个百分点`: the change of the share before
                    let of_share = numbers::is_points_unit(last.unit)
                        && SHARE_WORDS.contains(&indicator.as_str());
                    if !indicator.is_empty() && !of_share {
                        change = Some(ch);
                    } else {
                        return vec![Reading {
                            indicator: String::new(),
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
                            of_subject: false,
                        }];
                    }
                }
            }
        }
        // `…增长10%的预期目标`: a value that names a target ends its statement, and so
        // does a milestone's noun (`突破500亿元大关`, `迈上三百亿元台阶`)
        if body_end == c.len()
            && (is_target_tail(&c[main.end..]) || is_milestone_tail(&c[main.end..]))
        {
            body_end = main.end;
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
            // a share of a plan or a whole: `占年度计划的26.3%`, `…完成全年目标的52%`
            if main.is_rate() {
                if let Some(share) = share_of_whole(pre) {
                    return vec![share_reading(self, pre, share, &main, c.len())];
                }
            }
            // ranks, margins over another place or period, comparisons of rates are no
            // figures of the indicator itself
            if ends_with_any(pre, &["前", "后", "第", "排名", "的"])
                || is_margin(pre)
                || numbers::is_points_unit(main.unit)
                    && (is_rate_comparison(pre) || is_contribution(pre))
            {
                return Vec::new();
            }
            let (body, kinds, linked_by_verb) = strip_links(pre);
            // `甲、乙、丙三大主导产业合计完成产值`: the figure is the group's
            let grouped;
            let body = match body.contains('大').then(|| GROUP.find(body)).flatten() {
                Some(g) => {
                    grouped = [&body[g.start()..g.end()], &body[g.end()..]]
                        .concat()
                        .replacen("合计", "", 1);
                    grouped.as_str()
                }
                None => body,
            };
            let body = after_last_verb(body);
            // `某某产业园建设项目计划总投资400亿元`: a project called by its name, before
            // its name is cut as a zone's
            if is_one_project(body) {
                return Vec::new();
            }
            let (indicator, led_by_verb, period) = self.clean_indicator(body);
            let mut indicator = without_inner_realize(indicator);
            // `新增某类企业38家,总数达到241家`: a bare total is the subject's, and so is
            // the share a total makes (`总量占全区规上工业增加值65.7%`)
            let share_of_total = SHARE_OF_TOTAL
                .iter()
                .find_map(|w| indicator.strip_prefix(w))
                .filter(|share| share.starts_with('占'))
                .map(str::to_string);
            let of_subject = BARE_WORDS.contains(&indicator.as_str()) || share_of_total.is_some();
            if let Some(share) = share_of_total {
                indicator = share;
            }
            // `…,力争实现翻一番、达到860亿元`: the value is the subject's, or that of
            // the words before the doubling (`营业收入力争到2033年实现翻一番、达到…`)
            if DOUBLINGS.contains(&indicator.as_str()) {
                indicator = before_doubling(strip_links(pre).0)
                    .map(|b| self.clean_indicator(b).0)
                    .unwrap_or_default();
            }
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
                    of_subject,
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
    pub(super) fn read_respectively(
        &self,
        c: &str,
        qs: &[Quantity],
        lead: &str,
    ) -> Option<Vec<Reading>> {
        let at = find_word(c, "分别")?;
        let (head, tail_at) = (&c[..at], at + "分别".len());
        let values: Vec<&Quantity> = qs.iter().filter(|q| q.start >= tail_at).collect();
        let (body, _, period) = self.clean_indicator(head);
        // `甲、乙、丙三大主导产业产值分别…`: the group's name stands between the last
        // member and the noun they share
        let body = match body.contains('大').then(|| GROUP.find(&body)).flatten() {
            Some(g) => [&body[..g.start()], &body[g.end()..]].concat(),
            None => body,
        };
        if values.len() < 2 {
            return None;
        }
        // `分别拉动经济增长0.1个、0.9个和2.4个百分点`: contributions to a rate
        if values
            .last()
            .is_some_and(|q| numbers::is_points_unit(q.unit))
            && is_contribution(&c[tail_at..])
        {
            return Some(Vec::new());
        }
        // the names are cut at the fewest marks that give one per value: `建筑及装潢材料、
        // 饮料和日用品类` is three, `A、B分别` two, and `及` joins names only where the
        // others do not part enough (`甲及乙分别`)
        let mut names: Vec<String> = Vec::new();
        for seps in NAME_SEPARATORS {
            names = split_outside_quotes(&body, seps)
                .into_iter()
                .map(|n| self.clean_indicator(n).0)
                .filter(|n| !n.is_empty())
                .collect();
            if names.len() >= values.len() {
                break;
            }
        }
        // `第一、二、三产业…分别为`: ordinals that share the noun after the last
        if let Some(expanded) = expand_ordinal_sectors(&body) {
            names = expanded;
        }
        // `甲,乙,丙和丁产量分别增长…`: names before commas stand in the clauses before
        if names.len() < values.len() && !lead.is_empty() {
            let before: Vec<String> = split_outside_quotes(lead, &[",", "，"])
                .into_iter()
                .map(|n| self.clean_indicator(n).0)
                .filter(|n| !n.is_empty())
                .collect();
            // the last names are this clause's, read whole or as split
            let whole = before.len() + 1;
            if whole == values.len() {
                names = [before, vec![body.clone()]].concat();
            } else if before.len() + names.len() == values.len() {
                names = [before, names].concat();
            }
        }
        let names = match names.as_slice() {
            [one] if values.len() == 2 => split_paired_name(one).unwrap_or(names),
            _ => with_shared_noun(names),
        };
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
                    of_subject: false,
                })
                .collect(),
        )
    }

    /// `A、B增长6%`: each listed indicator gets the value, when the list is of short
    /// names; otherwise the indicator stays whole.
    pub(super) fn split_list(&self, indicator: &str) -> Vec<String> {
        // `解决用工、用地、物流等问题`: a list that `等` closes is one indicator
        if !indicator.contains('、') || indicator.contains('等') {
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
    pub(super) fn clean_indicator(&self, s: &str) -> (String, bool, Option<String>) {
        // bullets (`●`, `◆`, `■`) open list lines, not names
        let mut s = s.trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '，'
                        | '、'
                        | ':'
                        | '：'
                        | ';'
                        | '；'
                        | '●'
                        | '▲'
                        | '◆'
                        | '■'
                        | '□'
                        | '◇'
                        | '○'
                        | '★'
                        | '☆'
                        | '•'
                )
        });
        // `一季度开局良好(GDP增长5.9%)`: a bracket left open before the value holds
        // the figure's own words
        if let Some(open) = s.rfind(['(', '（']) {
            let inner = &s[open..];
            if !inner.contains([')', '）']) {
                s = &inner[inner.chars().next().map_or(0, char::len_utf8)..];
            }
        }
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
        // `甲、乙等新建项目`: the names listed before `等` are examples of what is
        // counted, no part of its name (`高等`, `中等`, `等级` are no such `等`)
        if let Some(i) = s.rfind('等') {
            let (head, tail) = (&s[..i], &s[i + '等'.len_utf8()..]);
            if head.contains('、')
                && tail.chars().count() >= 2
                && !head.ends_with(['高', '中', '初', '同', '平', '均', '对', '超', '次'])
                && !tail.starts_with(['级', '于', '同', '值', '待', '候'])
            {
                s = tail;
            }
        }
        // `规上工业总产值(不含军工)`: a note in brackets after the name is no part of it
        if s.ends_with([')', '）']) {
            if let Some(open) = s.rfind(['(', '（']) {
                if s[..open].chars().count() >= 2 {
                    s = &s[..open];
                }
            }
        }
        (s.to_string(), verb, period)
    }
}

/// `第一、二、三产业增加值` → `第一产业增加值`, `第二产业增加值`, `第三产业增加值`.
fn expand_ordinal_sectors(body: &str) -> Option<Vec<String>> {
    static ORDINALS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^第?([一二三])(?:[、和及]第?([一二三]))(?:[、和及]第?([一二三]))?(产业|产)(.*)$",
        )
        .unwrap()
    });
    let c = ORDINALS.captures(body)?;
    let (noun, rest) = (c[4].to_string(), c[5].to_string());
    let noun = if noun == "产" {
        "产业".to_string()
    } else {
        noun
    };
    Some(
        [c.get(1), c.get(2), c.get(3)]
            .into_iter()
            .flatten()
            .map(|n| format!("第{}{noun}{rest}", n.as_str()))
            .collect(),
    )
}

/// The marks that part the names of a `分别` list, fewest first.
const NAME_SEPARATORS: [&[&str]; 3] = [
    &["、"],
    &["、", "和", "与", "以及"],
    &["、", "和", "及", "与", "以及"],
];

/// Nouns a list's members share, written once after the last (`甲、乙和丙产量`).
static LIST_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../../data/lexicon/list_nouns.txt")));

/// `甲、乙和丙产量` → `甲产量`, `乙产量`, `丙产量`: the noun after the last member is
/// every member's, where none of the others names one.
fn with_shared_noun(names: Vec<String>) -> Vec<String> {
    let Some(last) = names.last() else {
        return names;
    };
    let ends_in_noun = |n: &str| {
        LIST_NOUNS
            .iter()
            .find(|w| n.ends_with(**w) && n.len() > w.len())
    };
    let Some(noun) = ends_in_noun(last) else {
        return names;
    };
    if names[..names.len() - 1]
        .iter()
        .any(|n| ends_in_noun(n).is_some())
    {
        return names;
    }
    let n = names.len();
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            if i + 1 < n {
                format!("{name}{noun}")
            } else {
                name
            }
        })
        .collect()
}

/// A named group of industries or sectors (`三大主导产业`, `四大支柱产业`).
static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[二三四五六七八九十两\d]大(?:主导|支柱|战略性新兴|新兴|重点|优势|特色|先导)?(?:产业|行业|板块)")
        .unwrap()
});

/// Whether `tail` after a value names it a target (`的预期目标`, `的目标任务`).
fn is_target_tail(tail: &str) -> bool {
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
fn is_milestone_tail(tail: &str) -> bool {
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
const SHARE_WORDS: [&str; 4] = ["比重", "占比", "份额", "所占比重"];

/// Totals whose share follows them (`总量占…`): the share is the subject's.
const SHARE_OF_TOTAL: [&str; 4] = ["总量", "总额", "规模", "合计"];

/// Words of doubling that stand where an indicator would (`实现翻一番、达到860亿元`).
const DOUBLINGS: [&str; 6] = ["翻一番", "翻番", "翻两番", "翻了一番", "翻一倍", "倍增"];

/// The words before a doubling phrase, without the plan words and horizon that lead
/// to it: `营业收入力争到2033年实现翻一番、` → `营业收入`.
fn before_doubling(body: &str) -> Option<&str> {
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
fn share_of_whole(pre: &str) -> Option<usize> {
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
fn is_contribution(pre: &str) -> bool {
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

/// `比上年末净增41家`, `较年初增加0.74万人`: a clause that is only the change of a
/// count since a year's start, which belongs to the figure before it.
fn count_change(c: &str, qs: &[Quantity]) -> Option<Reading> {
    static COUNT_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:同比|(?:比|较)(?:上年末|上年底|去年底|去年末|年初|上年同期|去年同期|上年|去年))(净增|新增|增加|净减|减少|多|少)(?:签|引进|开工|认定|培育)?了?$",
        )
        .unwrap()
    });
    let [q] = qs else { return None };
    if q.is_rate() || !tail_is_empty(&c[q.end..]) {
        return None;
    }
    let pre = c[..q.start].trim_start_matches([',', '，', ' ']);
    // `总数达到568家,净增63家`: a net change alone is the total's change too
    let verb = match pre {
        "净增" | "净减" => pre,
        _ if pre.starts_with(['比', '较', '同']) => COUNT_CHANGE.captures(pre)?.get(1)?.as_str(),
        _ => return None,
    };
    let sign = if verb.contains(['减', '少']) {
        -1.0
    } else {
        1.0
    };
    Some(Reading {
        indicator: String::new(),
        qty: *q,
        kind: Some(GoalKind::Level),
        change_only: true,
        change: Some(Change {
            value: sign * q.value,
            unit: q.unit.to_string(),
        }),
        result_verb: false,
        span: 0..c.len(),
        at: q.start,
        period: None,
        of_subject: false,
    })
}

impl Reader {
    /// `地区生产总值由186.2亿元增加到287.5亿元`: the figure reached is the second.
    fn read_from_to(&self, c: &str, qs: &[Quantity]) -> Option<Reading> {
        static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^(?:增加|增长|提高|提升|上升|扩大|跃升|攀升|减少|下降|降低|缩小)(?:到|至)$",
            )
            .unwrap()
        });
        let [from, to] = qs else { return None };
        let at = c[..from.start].rfind(['由', '从'])?;
        if !FROM_TO.is_match(&c[from.end..to.start]) || !tail_is_empty(&c[to.end..]) {
            return None;
        }
        let (indicator, _, period) = self.clean_indicator(&c[..at]);
        (!indicator.is_empty()).then_some(Reading {
            indicator,
            qty: *to,
            kind: Some(GoalKind::Level),
            change_only: false,
            change: None,
            result_verb: true,
            span: 0..c.len(),
            at: to.start,
            period,
            of_subject: false,
        })
    }
}
