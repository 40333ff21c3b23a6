//! What one clause says ([`Reading`]): indicator, value, kind and change, before the
//! sentence's context decides tense and year; and how indicators are cleaned and lists
//! split, for the [rules](super::rules) that read clauses.

use super::*;

/// What one clause says before the document context decides tense and year.
#[derive(Debug, Clone)]
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
