//! A zone over time: who held each leading post when, and each goal beside the result
//! reported later for the same indicator and year — met, missed, or unknown.
//!
//! A goal and an achievement match when they are for the same zone and year and one
//! indicator contains the other after the folds in `data/lexicon/indicator_folds.txt`
//! (the scorer's rule). Whether the result reaches the goal depends on the goal's kind:
//! growth compares the reported change (or a value in %) with the goal's %; level and
//! at-least compare values in base units (亿 = 10⁸, 万 = 10⁴); reduce wants the value at
//! or below the goal, or for a % goal a fall at least as large.

use super::facts::{date_order, Facts, Indicator, Source};
use super::AnalyzeError;
use crate::model::GoalKind;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tenure {
    /// 1 for the first holder seen, 2 for the next …
    pub order: usize,
    pub official: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostHistory {
    pub post: String,
    pub holders: Vec<Tenure>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    Missed,
    Unknown,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalCheck {
    pub year: Option<i32>,
    pub indicator: String,
    pub goal: Indicator,
    pub achievement: Option<Indicator>,
    pub verdict: Verdict,
    /// Why: the two figures compared, or what was missing.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    pub zone: String,
    pub posts: Vec<PostHistory>,
    pub goals: Vec<GoalCheck>,
}

/// The zone the user means: by name or short form, exactly, else the one zone whose
/// name contains `query`.
pub fn find_zone(facts: &Facts, query: &str) -> Result<String, AnalyzeError> {
    let query = query.trim();
    let exact: Vec<&String> = facts
        .zones
        .iter()
        .filter(|(_, z)| z.name == query || z.aliases.contains(query))
        .map(|(k, _)| k)
        .collect();
    let found: Vec<&String> = if exact.is_empty() {
        let partial: Vec<&String> = facts
            .zones
            .iter()
            .filter(|(_, z)| z.name.contains(query) || z.aliases.iter().any(|a| a.contains(query)))
            .map(|(k, _)| k)
            .collect();
        partial
    } else {
        exact
    };
    match found[..] {
        [one] => Ok(one.clone()),
        [] => Err(AnalyzeError::NoZone(query.to_string())),
        _ => Err(AnalyzeError::Ambiguous {
            name: query.to_string(),
            candidates: found
                .iter()
                .map(|k| facts.zone_name(k))
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// The timeline of the zone whose canonical IRI is `zone`.
pub fn timeline(facts: &Facts, zone: &str) -> Timeline {
    let labels = facts.official_labels();
    let mut posts: BTreeMap<String, Vec<Tenure>> = BTreeMap::new();
    for h in facts
        .holdings
        .iter()
        .filter(|h| h.leading && h.zone.as_deref() == Some(zone))
    {
        let post = match &h.organization {
            Some(o) if !h.title.starts_with(o.as_str()) => format!("{o}{}", h.title),
            _ => h.title.clone(),
        };
        let mut dated = h.seen.iter().filter(|s| s.date.is_some());
        posts.entry(post).or_default().push(Tenure {
            order: 0,
            official: labels
                .get(&h.person)
                .cloned()
                .unwrap_or_else(|| h.person.clone()),
            first_seen: dated.clone().next().and_then(|s| s.date.clone()),
            last_seen: dated.next_back().and_then(|s| s.date.clone()),
            source: h.seen.first().map(|s| s.source.clone()).unwrap_or_default(),
        });
    }
    let posts = posts
        .into_iter()
        .map(|(post, mut holders)| {
            holders.sort_by(|a, b| {
                date_order(&a.first_seen, &b.first_seen).then_with(|| a.official.cmp(&b.official))
            });
            for (i, t) in holders.iter_mut().enumerate() {
                t.order = i + 1;
            }
            PostHistory { post, holders }
        })
        .collect();

    let mut goals: Vec<GoalCheck> = facts
        .goals
        .iter()
        .filter(|g| g.zone.as_deref() == Some(zone))
        .map(|g| check(g, &facts.achievements))
        .collect();
    goals.sort_by(|a, b| {
        a.year
            .cmp(&b.year)
            .then_with(|| a.indicator.cmp(&b.indicator))
    });
    Timeline {
        zone: facts.zone_name(zone),
        posts,
        goals,
    }
}

/// The goal beside the best matching achievement: a whole-year figure over a partial
/// one, then the latest report.
pub fn check(goal: &Indicator, achievements: &[Indicator]) -> GoalCheck {
    let best = achievements
        .iter()
        .filter(|a| {
            a.zone == goal.zone
                && goal.year.is_some()
                && a.year == goal.year
                && indicator_match(&a.indicator, &goal.indicator)
        })
        .max_by(|a, b| (a.period.is_none(), &a.published).cmp(&(b.period.is_none(), &b.published)));
    let (verdict, reason) = match best {
        None => (
            Verdict::Unknown,
            "no result reported for this indicator and year".into(),
        ),
        Some(a) => judge(goal, a),
    };
    GoalCheck {
        year: goal.year,
        indicator: goal.indicator.clone(),
        goal: goal.clone(),
        achievement: best.cloned(),
        verdict,
        reason,
    }
}

/// Whether `a` reaches `goal`, and the comparison made.
pub fn judge(goal: &Indicator, a: &Indicator) -> (Verdict, String) {
    if let Some(p) = &a.period {
        return (
            Verdict::Unknown,
            format!("only a partial-year result ({p})"),
        );
    }
    let kind = goal.kind.unwrap_or(GoalKind::Level);
    let at_least = |got: f64, want: f64, unit: &str| {
        let v = if got >= want - 1e-9 {
            Verdict::Met
        } else {
            Verdict::Missed
        };
        (v, format!("{} ≥ {}{unit}?", trim(got), trim(want)))
    };
    let percent = is_percent(&goal.unit);
    let change_pct = a
        .change
        .as_ref()
        .filter(|(_, u)| is_percent(u))
        .map(|(v, _)| *v);
    match kind {
        GoalKind::Growth if percent => {
            let got = change_pct.or_else(|| is_percent(&a.unit).then_some(a.value));
            match got {
                Some(got) => at_least(got, goal.value, "%"),
                None => (Verdict::Unknown, "the result gives no growth rate".into()),
            }
        }
        // `增长10%以上` (a floor on growth) or `达到3%以上` (a floor on a rate): the
        // result's own rate where it is one, else its growth
        GoalKind::AtLeast if percent => {
            let got = if is_percent(&a.unit) {
                Some(a.value)
            } else {
                change_pct
            };
            match got {
                Some(got) => at_least(got, goal.value, "%"),
                None => (Verdict::Unknown, "the result gives no rate".into()),
            }
        }
        GoalKind::Reduce if percent => match change_pct {
            Some(c) => {
                let v = if -c >= goal.value - 1e-9 {
                    Verdict::Met
                } else {
                    Verdict::Missed
                };
                (v, format!("fall {}% ≥ {}%?", trim(-c), trim(goal.value)))
            }
            None => (Verdict::Unknown, "the result gives no rate of fall".into()),
        },
        _ => {
            let (got, ug) = base_value(a.value, &a.unit);
            let (want, uw) = base_value(goal.value, &goal.unit);
            if ug != uw {
                return (
                    Verdict::Unknown,
                    format!("units differ ({} vs {})", a.unit, goal.unit),
                );
            }
            if kind == GoalKind::Reduce {
                let v = if got <= want + 1e-9 {
                    Verdict::Met
                } else {
                    Verdict::Missed
                };
                (
                    v,
                    format!(
                        "{}{} ≤ {}{}?",
                        trim(a.value),
                        a.unit,
                        trim(goal.value),
                        goal.unit
                    ),
                )
            } else {
                let (v, _) = at_least(got, want, "");
                (
                    v,
                    format!(
                        "{}{} ≥ {}{}?",
                        trim(a.value),
                        a.unit,
                        trim(goal.value),
                        goal.unit
                    ),
                )
            }
        }
    }
}

fn is_percent(unit: &str) -> bool {
    matches!(unit, "%" | "％" | "个百分点" | "百分点")
}

fn trim(v: f64) -> String {
    format!("{}", (v * 1e6).round() / 1e6)
}

/// Magnitude prefixes a unit may start with, largest first. Not `zh::magnitudes`: this
/// table lacks `千亿` and `百亿`, and taking that one would change the timeline's output
/// (a `千亿元` goal would then meet `亿元` results); left for a behaviour change.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
];

/// A value in base units and the unit left: (103.16, `亿元`) → (1.0316e10, `元`).
pub fn base_value(value: f64, unit: &str) -> (f64, String) {
    for (prefix, m) in MULTIPLIERS {
        if let Some(rest) = unit.strip_prefix(prefix) {
            if !rest.is_empty() {
                return (value * m, rest.to_string());
            }
        }
    }
    (value, unit.to_string())
}

fn fold_indicator(s: &str) -> String {
    let mut s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && !"，、。“”（）".contains(*c))
        .collect();
    for (short, long) in crate::lexicon::normalize::INDICATOR_FOLDS.iter() {
        s = s.replace(long, short);
    }
    s
}

/// Indicators match when one contains the other after folding.
pub fn indicator_match(a: &str, b: &str) -> bool {
    let (a, b) = (fold_indicator(a), fold_indicator(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::graphs::tests::sample;

    fn fact(indicator: &str, value: f64, unit: &str, kind: Option<GoalKind>) -> Indicator {
        Indicator {
            zone: Some("z1".into()),
            year: Some(2024),
            indicator: indicator.into(),
            value,
            unit: unit.into(),
            kind,
            change: None,
            period: None,
            text: String::new(),
            published: None,
            source: Source::default(),
        }
    }

    #[test]
    fn indicators_fold_before_matching() {
        assert!(indicator_match("规模以上工业增加值", "规上工业增加值"));
        assert!(indicator_match("全年固定资产投资", "固投"));
        assert!(!indicator_match("地区生产总值", "一般公共预算收入"));
    }

    #[test]
    fn growth_goal_is_met_by_a_larger_change() {
        let goal = fact("规上工业增加值", 9.0, "%", Some(GoalKind::Growth));
        let got = fact("规模以上工业增加值", 9.4, "%", None);
        assert_eq!(judge(&goal, &got).0, Verdict::Met);
        let mut low = fact("地区生产总值", 400.0, "亿元", None);
        low.change = Some((8.5, "%".into()));
        assert_eq!(judge(&goal, &low).0, Verdict::Missed);
    }

    #[test]
    fn a_floor_in_percent_takes_a_rate_or_a_growth() {
        let goal = fact("规上工业总产值", 10.0, "%", Some(GoalKind::AtLeast));
        let mut level = fact("规上工业总产值", 612.3, "亿元", None);
        level.change = Some((11.5, "%".into()));
        assert_eq!(judge(&goal, &level).0, Verdict::Met);
        let rate = fact("规上工业总产值", 9.4, "%", None);
        assert_eq!(judge(&goal, &rate).0, Verdict::Missed);
        let bare = fact("规上工业总产值", 612.3, "亿元", None);
        assert_eq!(judge(&goal, &bare).0, Verdict::Unknown);
    }

    #[test]
    fn level_goals_compare_in_base_units() {
        let goal = fact("一般公共预算收入", 30.0, "亿元", Some(GoalKind::Level));
        assert_eq!(
            judge(&goal, &fact("一般公共预算收入", 307000.0, "万元", None)).0,
            Verdict::Met
        );
        assert_eq!(
            judge(&goal, &fact("一般公共预算收入", 29.9, "亿元", None)).0,
            Verdict::Missed
        );
        assert_eq!(
            judge(&goal, &fact("一般公共预算收入", 31.0, "家", None)).0,
            Verdict::Unknown
        );
    }

    #[test]
    fn reduce_goals_want_a_fall() {
        let goal = fact("单位能耗", 3.0, "%", Some(GoalKind::Reduce));
        let mut got = fact("单位能耗", 0.52, "吨标准煤", None);
        got.change = Some((-3.4, "%".into()));
        assert_eq!(judge(&goal, &got).0, Verdict::Met);
        got.change = Some((-2.0, "%".into()));
        assert_eq!(judge(&goal, &got).0, Verdict::Missed);
        let level = fact("排放量", 10.0, "万吨", Some(GoalKind::Reduce));
        assert_eq!(
            judge(&level, &fact("排放量", 9.5, "万吨", None)).0,
            Verdict::Met
        );
    }

    #[test]
    fn partial_year_results_do_not_decide() {
        let goal = fact("地区生产总值", 6.0, "%", Some(GoalKind::Growth));
        let mut half = fact("地区生产总值", 7.0, "%", None);
        half.period = Some("上半年".into());
        assert_eq!(judge(&goal, &half).0, Verdict::Unknown);
    }

    #[test]
    fn succession_is_ordered_by_first_sighting() {
        let mut facts = sample();
        let mut later = facts.holdings[0].clone();
        later.person = "p3".into();
        later.seen[0].date = Some("2025-06-01".into());
        facts.holdings.push(later);
        facts
            .goals
            .push(fact("规上工业增加值", 9.0, "%", Some(GoalKind::Growth)));
        facts
            .achievements
            .push(fact("规模以上工业增加值", 8.0, "%", None));
        let z = find_zone(&facts, "青禾").unwrap();
        let t = timeline(&facts, &z);
        let secretary = t.posts.iter().find(|p| p.post == "党工委书记").unwrap();
        assert_eq!(secretary.holders[0].official, "林甲");
        assert_eq!(secretary.holders[1].official, "吴丙");
        assert_eq!(secretary.holders[1].order, 2);
        assert_eq!(t.goals[0].verdict, Verdict::Missed);
    }
}
