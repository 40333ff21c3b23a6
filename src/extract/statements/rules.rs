//! The shapes a clause states its figures in, as an ordered list of named rules
//! ([`RULES`]): the first rule that reads the clause gives its readings, so a new sentence
//! shape is one function here (or in a file of its own under `rules/`), one line in the
//! list and its tests.
//!
//! A rule answers `None` when the clause is not of its shape, and `Some` with what the
//! clause says (possibly nothing: `排名第3位` is a shape that states no figure) when it is,
//! which ends the search.

mod indicator_value;
mod respectively;

#[cfg(test)]
mod tests;

use super::*;
use indicator_value::{
    indicator_then_value, is_milestone_tail, is_target_tail, not_its_own_figure, share_of_a_whole,
    SHARE_WORDS,
};
use respectively::values_given_respectively;
use std::cell::OnceCell;

/// One sentence shape: its name and how it reads a clause.
pub(super) struct Rule {
    pub(super) name: &'static str,
    pub(super) read: fn(&Reader, &Clause) -> Option<Vec<Reading>>,
}

/// The clause shapes in the order they are tried: the first that reads a clause wins.
pub(super) static RULES: &[Rule] = &[
    Rule {
        name: "values given 分别",
        read: values_given_respectively,
    },
    Rule {
        name: "count change",
        read: count_change,
    },
    Rule {
        name: "由A到B",
        read: from_a_to_b,
    },
    Rule {
        name: "change alone at clause end",
        read: change_alone,
    },
    Rule {
        name: "share of a whole",
        read: share_of_a_whole,
    },
    Rule {
        name: "rank, margin or rate comparison",
        read: not_its_own_figure,
    },
    Rule {
        name: "indicator then value",
        read: indicator_then_value,
    },
    Rule {
        name: "count then event verb",
        read: event_count,
    },
    Rule {
        name: "其中…已",
        read: already_done,
    },
    Rule {
        name: "verb–value–noun",
        read: verb_value_noun,
    },
];

/// One clause with its quantities (offsets in the clause) and what the sentence around it
/// tells the rules.
pub(super) struct Clause<'a> {
    pub(super) text: &'a str,
    pub(super) qs: &'a [Quantity],
    /// Whether the sentence holds `分别`, without which no clause of it pairs names with
    /// values.
    pub(super) may_pair: bool,
    /// The clauses without a value right before this one, which may hold the first names
    /// of a `分别` list (`甲,乙,丙和丁产量分别增长…`).
    pub(super) lead: &'a str,
    /// How the clause ends, read once for the rules that need it.
    ending: OnceCell<Ending<'a>>,
}

/// How a clause ends, as the rules after the first three read it.
pub(super) enum Ending<'a> {
    /// A change with no figure of its own (`同比增长2%`, `比重较上年提高2个百分点`).
    ChangeAlone(Reading),
    /// The figure ends the clause (`…34亿元,同比增长2%`, `…增长10%的预期目标` too).
    ValueAtEnd {
        /// The figure; of a range (`增长6%-7%`), the lower end.
        main: Quantity,
        /// The words before it (the range's lower end cut off).
        pre: &'a str,
        /// A change told after it (`,同比增长2%`, `(同比增长9.7%)`).
        change: Option<Change>,
    },
    /// Words follow the figure (`实现87户企业帮扶`).
    WordsAfter,
}

impl<'a> Clause<'a> {
    pub(super) fn new(text: &'a str, qs: &'a [Quantity], may_pair: bool, lead: &'a str) -> Self {
        Clause {
            text,
            qs,
            may_pair,
            lead,
            ending: OnceCell::new(),
        }
    }

    /// How the clause ends.
    pub(super) fn ending(&self, reader: &Reader) -> &Ending<'a> {
        self.ending.get_or_init(|| self.read_ending(reader))
    }

    fn read_ending(&self, reader: &Reader) -> Ending<'a> {
        let (c, qs) = (self.text, self.qs);
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
                    let (indicator, _, period) = reader.clean_indicator(head);
                    // `比重较上年提高2个百分点`: the change of the share before
                    let of_share = numbers::is_points_unit(last.unit)
                        && SHARE_WORDS.contains(&indicator.as_str());
                    if !indicator.is_empty() && !of_share {
                        change = Some(ch);
                    } else {
                        return Ending::ChangeAlone(Reading {
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
                        });
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
        if !tail_is_empty(&c[main.end..body_end]) {
            return Ending::WordsAfter;
        }
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
        Ending::ValueAtEnd { main, pre, change }
    }
}

impl Reader {
    /// The statements one clause makes, before tense and year: those of the first rule
    /// of [`RULES`] that reads it.
    pub(super) fn read_clause(
        &self,
        c: &str,
        qs: &[Quantity],
        may_pair: bool,
        lead: &str,
    ) -> Vec<Reading> {
        let clause = Clause::new(c, qs, may_pair, lead);
        self.first_rule(&clause)
            .map(|(_, readings)| readings)
            .unwrap_or_default()
    }

    /// The name of the first rule that reads `clause`, with its readings.
    pub(super) fn first_rule(&self, clause: &Clause) -> Option<(&'static str, Vec<Reading>)> {
        RULES
            .iter()
            .find_map(|rule| Some((rule.name, (rule.read)(self, clause)?)))
    }
}

/// `比上年末净增41家`, `较年初增加0.74万人`: a clause that is only the change of a
/// count since a year's start, which belongs to the figure before it.
fn count_change(_: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    static COUNT_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:同比|(?:比|较)(?:上年末|上年底|去年底|去年末|年初|上年同期|去年同期|上年|去年))(净增|新增|增加|净减|减少|多|少)(?:签|引进|开工|认定|培育)?了?$",
        )
        .unwrap()
    });
    let c = clause.text;
    let [q] = clause.qs else { return None };
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
    Some(vec![Reading {
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
    }])
}

/// `地区生产总值由186.2亿元增加到287.5亿元`: the figure reached is the second.
fn from_a_to_b(reader: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    static FROM_TO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:增加|增长|提高|提升|上升|扩大|跃升|攀升|减少|下降|降低|缩小)(?:到|至)$")
            .unwrap()
    });
    let c = clause.text;
    let [from, to] = clause.qs else { return None };
    let at = c[..from.start].rfind(['由', '从'])?;
    if !FROM_TO.is_match(&c[from.end..to.start]) || !tail_is_empty(&c[to.end..]) {
        return None;
    }
    let (indicator, _, period) = reader.clean_indicator(&c[..at]);
    (!indicator.is_empty()).then(|| {
        vec![Reading {
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
        }]
    })
}

/// `同比增长2%`, `比重较上年提高2个百分点`: a change at the clause's end with no
/// indicator of its own, which belongs to the figure before it.
fn change_alone(reader: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    match clause.ending(reader) {
        Ending::ChangeAlone(rd) => Some(vec![rd.clone()]),
        _ => None,
    }
}

/// `共有21个项目现场签约`: a count of projects the event verb after it names.
fn event_count(_: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    read_event_count(clause.text, clause.qs).map(|rd| vec![rd])
}

/// `其中3宗已出让`: a part of the figure before, done already.
fn already_done(_: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    static ALREADY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:其中)?[,，]?$").unwrap());
    let c = clause.text;
    for q in clause.qs {
        let after = &c[q.end..];
        if ALREADY.is_match(&c[..q.start]) {
            if let Some(v) = after.strip_prefix("已经").or(after.strip_prefix("已")) {
                let v = v.trim_end_matches('了');
                if (2..=8).contains(&v.chars().count()) && !q.chinese {
                    return Some(vec![Reading::counted_result(
                        v.to_string(),
                        *q,
                        c.len(),
                        None,
                    )]);
                }
            }
        }
    }
    None
}

/// A result verb, the value, the noun it counts: `实现87户“白名单”企业帮扶`.
fn verb_value_noun(reader: &Reader, clause: &Clause) -> Option<Vec<Reading>> {
    let c = clause.text;
    for q in clause.qs.iter().filter(|q| !q.chinese) {
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
        let (_, _, period) = reader.clean_indicator(&pre[..pre.len() - verb.len()]);
        return Some(vec![Reading::counted_result(
            noun.to_string(),
            *q,
            c.len(),
            period,
        )]);
    }
    None
}
