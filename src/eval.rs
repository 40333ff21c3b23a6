//! Scoring extracted reports against gold reports: a port of `../shared/gold/score.py`.
//!
//! Both sides are Report JSON as [`serde_json::Value`], so gold files (which may leave
//! out whole keys) and [`Report`]s (through [`report_to_value`]) take one code path.
//! Facts are compared in eight tiers; within a tier each gold item takes the first
//! unused predicted item that is the same under the folding rules of [`fold`], and
//! precision, recall and F1 are micro-averaged over documents. A tier whose key is
//! absent from a gold file is not scored for that file; an empty list is scored.

mod fold;

use crate::model::Report;
use fold::{objects, py_eq, text, ROLES};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a set of reports could not be scored.
#[derive(Debug, Error)]
pub enum EvalError {
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not valid JSON: {source}", path.display())]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("gold report {name} is not a JSON object")]
    GoldNotObject { name: String },
    #[error("cannot turn a report into JSON: {0}")]
    Serialize(#[source] serde_json::Error),
}

/// What is compared, in the order score.py prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    /// Official names.
    Officials,
    /// (name, normalized post title).
    Posts,
    /// (name, zone) for posts that lead a zone.
    Leaders,
    /// Meeting dates.
    Meetings,
    /// (meeting date, name, role).
    Participants,
    /// Year + indicator + value of goals.
    Goals,
    /// Year + indicator + value of achievements.
    Achievements,
    /// Year + text of tasks.
    Tasks,
    /// Zone names, strictly: a predicted name is right only when it is a gold zone's
    /// name or alias (score.py `--zones`).
    Zones,
}

impl Tier {
    pub const ALL: [Tier; 8] = [
        Tier::Officials,
        Tier::Posts,
        Tier::Leaders,
        Tier::Meetings,
        Tier::Participants,
        Tier::Goals,
        Tier::Achievements,
        Tier::Tasks,
    ];

    /// [`Tier::ALL`] and the strict zones tier, as `score.py --zones` scores them.
    pub const WITH_ZONES: [Tier; 9] = {
        let mut tiers = [Tier::Zones; 9];
        let mut i = 0;
        while i < Tier::ALL.len() {
            tiers[i] = Tier::ALL[i];
            i += 1;
        }
        tiers
    };

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Officials => "officials",
            Tier::Posts => "posts",
            Tier::Leaders => "leaders",
            Tier::Meetings => "meetings",
            Tier::Participants => "participants",
            Tier::Goals => "goals",
            Tier::Achievements => "achievements",
            Tier::Tasks => "tasks",
            Tier::Zones => "zones",
        }
    }

    /// The Report key a gold file must have for the tier to be scored.
    fn key(self) -> &'static str {
        match self {
            Tier::Officials | Tier::Posts | Tier::Leaders => "officials",
            Tier::Meetings | Tier::Participants => "meetings",
            Tier::Goals => "goals",
            Tier::Achievements => "achievements",
            Tier::Tasks => "tasks",
            Tier::Zones => "zones",
        }
    }
}

/// Matched, gold and predicted item counts, and the figures they give.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub matched: usize,
    pub gold: usize,
    pub predicted: usize,
}

impl Counts {
    /// 1 when nothing was predicted and nothing was to be found.
    pub fn precision(&self) -> f64 {
        match (self.predicted, self.gold) {
            (0, 0) => 1.0,
            (0, _) => 0.0,
            (p, _) => self.matched as f64 / p as f64,
        }
    }

    /// 1 when nothing was to be found and nothing was predicted.
    pub fn recall(&self) -> f64 {
        match (self.gold, self.predicted) {
            (0, 0) => 1.0,
            (0, _) => 0.0,
            (g, _) => self.matched as f64 / g as f64,
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    fn add(&mut self, other: Counts) {
        self.matched += other.matched;
        self.gold += other.gold;
        self.predicted += other.predicted;
    }
}

/// One document to score: its name (the gold file's stem), gold and predicted Report JSON.
#[derive(Debug, Clone)]
pub struct Pair {
    pub name: String,
    pub gold: Value,
    /// A Report object; an array counts as its first element, anything else as empty.
    pub predicted: Value,
}

/// How one tier went in one document.
#[derive(Debug, Clone)]
pub struct TierOutcome {
    pub tier: Tier,
    pub counts: Counts,
    /// Gold items no prediction is the same as, in the shape [`Tier`] describes.
    pub misses: Vec<Value>,
    /// Predicted items left unmatched.
    pub extras: Vec<Value>,
}

/// How one document went, tier by tier (tiers its gold file leaves out are absent).
#[derive(Debug, Clone)]
pub struct DocumentScore {
    pub name: String,
    pub tiers: Vec<TierOutcome>,
}

/// Scores over all documents.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// The tiers scored, in print order.
    tiers: Vec<Tier>,
    totals: BTreeMap<Tier, Counts>,
    pub documents: Vec<DocumentScore>,
}

impl Scores {
    /// Counts of one tier summed over documents.
    pub fn tier(&self, tier: Tier) -> Counts {
        self.totals.get(&tier).copied().unwrap_or_default()
    }

    /// All tiers pooled (micro-average).
    pub fn overall(&self) -> Counts {
        let mut all = Counts::default();
        for c in self.totals.values() {
            all.add(*c);
        }
        all
    }

    /// One row per tier, then `all`, with figures rounded to 3 places as score.py prints.
    pub fn summary(&self) -> Summary {
        let rows = self
            .tiers
            .iter()
            .map(|t| (t.as_str(), self.tier(*t)))
            .chain([("all", self.overall())])
            .map(|(name, c)| (name, Row::from(c)))
            .collect();
        Summary(rows)
    }
}

/// A summary row; serializes with the keys and key order of `score.py --json`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Row {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
}

impl From<Counts> for Row {
    fn from(c: Counts) -> Self {
        Row {
            precision: round3(c.precision()),
            recall: round3(c.recall()),
            f1: round3(c.f1()),
            gold: c.gold,
            predicted: c.predicted,
            matched: c.matched,
        }
    }
}

/// Python's `round(x, 3)`: formatting rounds the exact binary value half to even, as it does.
fn round3(x: f64) -> f64 {
    format!("{x:.3}").parse().unwrap_or(x)
}

/// Rows named by tier, in print order; serializes as one JSON object in that order.
#[derive(Debug, Clone)]
pub struct Summary(pub Vec<(&'static str, Row)>);

impl Serialize for Summary {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, row) in &self.0 {
            map.serialize_entry(name, row)?;
        }
        map.end()
    }
}

/// Scores every pair on [`Tier::ALL`]. Fails only when a gold report is not a JSON object.
pub fn score(pairs: impl IntoIterator<Item = Pair>) -> Result<Scores, EvalError> {
    score_tiers(pairs, &Tier::ALL)
}

/// Scores every pair on the tiers given ([`Tier::WITH_ZONES`] for `score.py --zones`).
pub fn score_tiers(
    pairs: impl IntoIterator<Item = Pair>,
    tiers: &[Tier],
) -> Result<Scores, EvalError> {
    let mut scores = Scores {
        tiers: tiers.to_vec(),
        ..Scores::default()
    };
    for pair in pairs {
        let gold = pair
            .gold
            .as_object()
            .ok_or_else(|| EvalError::GoldNotObject {
                name: pair.name.clone(),
            })?;
        let empty = Map::new();
        let predicted = match &pair.predicted {
            Value::Object(o) => o,
            Value::Array(a) => a.first().and_then(Value::as_object).unwrap_or(&empty),
            _ => &empty,
        };
        let mut doc = DocumentScore {
            name: pair.name.clone(),
            tiers: Vec::new(),
        };
        for &tier in tiers {
            if !gold.contains_key(tier.key()) {
                continue;
            }
            let outcome = match_tier(tier, gold, predicted);
            scores.totals.entry(tier).or_default().add(outcome.counts);
            doc.tiers.push(outcome);
        }
        scores.documents.push(doc);
    }
    Ok(scores)
}

/// A report as the JSON value [`score`] compares.
pub fn report_to_value(report: &Report) -> Result<Value, EvalError> {
    serde_json::to_value(report).map_err(EvalError::Serialize)
}

/// The gold files of a folder (`*.json`, sorted by name), each with its file stem.
pub fn read_gold_dir(dir: &Path) -> Result<Vec<(String, Value)>, EvalError> {
    let io = |e| EvalError::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            read_json(&p).map(|v| (stem, v))
        })
        .collect()
}

/// One JSON file.
pub fn read_json(path: &Path) -> Result<Value, EvalError> {
    let bytes = std::fs::read(path).map_err(|e| EvalError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    serde_json::from_slice(&bytes).map_err(|e| EvalError::Json {
        path: path.to_path_buf(),
        source: e,
    })
}

/// An item of a tier: a key compared by equality (a name, a date, a tuple), or a whole
/// fact compared by rules.
#[derive(Debug, Clone)]
enum Item<'a> {
    Key(Vec<String>),
    Fact(&'a Map<String, Value>),
}

impl Item<'_> {
    /// The item as score.py would list it: a string, a tuple as an array, or the fact
    /// without its (long) evidence.
    fn to_value(&self) -> Value {
        match self {
            Item::Key(k) if k.len() == 1 => Value::from(k[0].as_str()),
            Item::Key(k) => Value::from(k.clone()),
            Item::Fact(o) => {
                let mut o = (*o).clone();
                o.remove("evidence");
                Value::Object(o)
            }
        }
    }
}

/// The items of one tier in one document, in score.py's order (sorted sets for the
/// key tiers, document order for the rest).
fn items<'a>(doc: &'a Map<String, Value>, tier: Tier, forms: &[String]) -> Vec<Item<'a>> {
    let officials = || objects(doc, "officials");
    let meetings = || objects(doc, "meetings");
    match tier {
        Tier::Officials => sorted(
            officials()
                .into_iter()
                .filter_map(|o| text(o, "name"))
                .map(|n| vec![n.to_string()]),
        ),
        Tier::Posts => sorted(officials().into_iter().flat_map(|o| {
            objects(o, "posts").into_iter().filter_map(move |p| {
                let (name, title) = (text(o, "name")?, text(p, "title")?);
                Some(vec![name.to_string(), fold::norm_title(title, forms)])
            })
        })),
        Tier::Leaders => {
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            for o in officials() {
                for p in objects(o, "posts") {
                    let title = fold::norm_title(text(p, "title").unwrap_or(""), forms);
                    let (Some(zone), Some(name)) = (text(p, "zone"), text(o, "name")) else {
                        continue;
                    };
                    if fold::LEADING_TITLES.contains(&title.as_str())
                        && seen.insert((name, fold::fold(&fold::strip_parens(zone))))
                    {
                        out.push(Item::Key(vec![name.to_string(), zone.to_string()]));
                    }
                }
            }
            out
        }
        Tier::Meetings => sorted(
            meetings()
                .into_iter()
                .filter_map(|m| text(m, "date"))
                .map(|d| vec![d.to_string()]),
        ),
        Tier::Participants => {
            let mut set = BTreeSet::new();
            for m in meetings() {
                let Some(date) = text(m, "date") else {
                    continue;
                };
                // Each person once per meeting, in the most important role given.
                let mut best: BTreeMap<&str, usize> = BTreeMap::new();
                for p in objects(m, "participants") {
                    let Some(name) = text(p, "name") else {
                        continue;
                    };
                    let rank = p
                        .get("role")
                        .and_then(Value::as_str)
                        .and_then(|r| ROLES.iter().position(|x| *x == r))
                        .unwrap_or(ROLES.len() - 1);
                    let slot = best.entry(name).or_insert(rank);
                    *slot = (*slot).min(rank);
                }
                set.extend(best.into_iter().map(|(n, r)| vec![date, n, ROLES[r]]));
            }
            sorted(
                set.into_iter()
                    .map(|k| k.into_iter().map(String::from).collect()),
            )
        }
        Tier::Goals | Tier::Achievements => objects(doc, tier.as_str())
            .into_iter()
            .filter(|g| text(g, "indicator").is_some())
            .map(Item::Fact)
            .collect(),
        Tier::Tasks => objects(doc, "tasks")
            .into_iter()
            .filter(|t| text(t, "text").is_some())
            .map(Item::Fact)
            .collect(),
        Tier::Zones => objects(doc, "zones")
            .into_iter()
            .filter(|z| text(z, "name").is_some_and(|n| !n.is_empty()))
            .map(Item::Fact)
            .collect(),
    }
}

/// Distinct keys in sorted order, as Python's `sorted(set(...))`.
fn sorted<'a>(keys: impl Iterator<Item = Vec<String>>) -> Vec<Item<'a>> {
    keys.collect::<BTreeSet<_>>()
        .into_iter()
        .map(Item::Key)
        .collect()
}

/// The zones of both documents, for resolving names through either side's aliases.
struct Zones<'a> {
    gold: Vec<&'a Map<String, Value>>,
    predicted: Vec<&'a Map<String, Value>>,
}

/// Whether gold item `g` and predicted item `p` are the same fact.
fn same(tier: Tier, g: &Item, p: &Item, zones: &Zones) -> bool {
    match (tier, g, p) {
        (Tier::Leaders, Item::Key(g), Item::Key(p)) => {
            g[0] == p[0] && fold::zone_match(&g[1], &p[1], &zones.gold, &zones.predicted)
        }
        (Tier::Goals | Tier::Achievements, Item::Fact(g), Item::Fact(p)) => {
            py_eq(g.get("year"), p.get("year"))
                && fold::indicator_match(
                    text(g, "indicator").unwrap_or(""),
                    text(p, "indicator").unwrap_or(""),
                )
                && fold::value_match(g, p)
        }
        (Tier::Tasks, Item::Fact(g), Item::Fact(p)) => {
            py_eq(g.get("year"), p.get("year"))
                && fold::text_match(text(g, "text").unwrap_or(""), text(p, "text").unwrap_or(""))
        }
        (Tier::Zones, Item::Fact(g), Item::Fact(p)) => fold::strict_zone_match(g, p),
        (_, Item::Key(g), Item::Key(p)) => g == p,
        _ => false,
    }
}

/// Greedy matching: each gold item takes the first unused predicted item that is the same.
fn match_tier(
    tier: Tier,
    gold: &Map<String, Value>,
    predicted: &Map<String, Value>,
) -> TierOutcome {
    let zones = Zones {
        gold: objects(gold, "zones"),
        predicted: objects(predicted, "zones"),
    };
    let mut forms = fold::zone_forms(&zones.gold);
    forms.extend(fold::zone_forms(&zones.predicted));
    let forms = fold::longest_first(forms);
    let (g_items, p_items) = (items(gold, tier, &forms), items(predicted, tier, &forms));

    let mut used = vec![false; p_items.len()];
    let mut matched = 0;
    for g in &g_items {
        if let Some(i) =
            (0..p_items.len()).find(|&i| !used[i] && same(tier, g, &p_items[i], &zones))
        {
            used[i] = true;
            matched += 1;
        }
    }
    // As score.py: a miss is a gold item no prediction is the same as, used or not.
    let misses = g_items
        .iter()
        .filter(|g| !p_items.iter().any(|p| same(tier, g, p, &zones)))
        .map(Item::to_value)
        .collect();
    let extras = p_items
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(p, _)| p.to_value())
        .collect();
    TierOutcome {
        tier,
        counts: Counts {
            matched,
            gold: g_items.len(),
            predicted: p_items.len(),
        },
        misses,
        extras,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn one(gold: Value, predicted: Value) -> Scores {
        score([Pair {
            name: "t".into(),
            gold,
            predicted,
        }])
        .unwrap()
    }

    fn counts(s: &Scores, tier: Tier) -> (usize, usize, usize) {
        let c = s.tier(tier);
        (c.matched, c.gold, c.predicted)
    }

    #[test]
    fn officials_posts_and_leaders_fold_titles_and_zones() {
        let gold = json!({
            "zones": [{"name": "青禾高新技术产业开发区", "aliases": ["青禾高新区"]}],
            "officials": [
                {"name": "林一", "posts": [
                    {"title": "党工委书记", "zone": "青禾高新技术产业开发区"},
                    {"title": "管委会主任", "zone": "青禾高新技术产业开发区"}]},
                {"name": "周二", "posts": [{"title": "常务副主任", "zone": null}]},
                {"name": "吴三", "posts": [{"title": "远山集团党支部书记"}]}
            ]
        });
        let pred = json!({
            "zones": [{"name": "青禾高新区"}],
            "officials": [
                // Zone prefix and 管委 short form fold away; the zone matches by alias.
                {"name": "林一", "posts": [
                    {"title": "青禾高新区党工委书记", "zone": "青禾高新区"},
                    {"title": "管委主任", "zone": "青禾高新区"}]},
                {"name": "吴三", "posts": [{"title": "党支部书记"}]},
                {"name": "郑四", "posts": [{"title": "书记", "zone": "别处县"}]},
                {"name": ""}
            ]
        });
        let s = one(gold, pred);
        assert_eq!(counts(&s, Tier::Officials), (2, 3, 3));
        assert_eq!(counts(&s, Tier::Posts), (3, 4, 4));
        // Two leading posts in one zone are one leader.
        assert_eq!(counts(&s, Tier::Leaders), (1, 1, 2));
        // No meetings key in the gold: that tier is not scored at all.
        assert_eq!(counts(&s, Tier::Meetings), (0, 0, 0));
        assert!(s.documents[0]
            .tiers
            .iter()
            .all(|t| t.tier != Tier::Meetings));
    }

    #[test]
    fn participants_keep_each_persons_main_role() {
        let gold = json!({"meetings": [{"date": "2031-03-02", "participants": [
            {"name": "林一", "role": "host"}, {"name": "周二", "role": "speaker"}]}]});
        let pred = json!({"meetings": [
            {"date": "2031-03-02", "participants": [
                {"name": "林一", "role": "attendee"}, {"name": "林一", "role": "host"},
                {"name": "周二", "role": "chair"}]},
            {"date": null, "participants": [{"name": "吴三", "role": "host"}]}]});
        let s = one(gold, pred);
        assert_eq!(counts(&s, Tier::Meetings), (1, 1, 1));
        // 周二's unknown role counts as attendee, which is not the gold's speaker.
        assert_eq!(counts(&s, Tier::Participants), (1, 2, 2));
        let doc = &s.documents[0];
        let p = doc
            .tiers
            .iter()
            .find(|t| t.tier == Tier::Participants)
            .unwrap();
        assert_eq!(p.misses, vec![json!(["2031-03-02", "周二", "speaker"])]);
        assert_eq!(p.extras, vec![json!(["2031-03-02", "周二", "attendee"])]);
    }

    #[test]
    fn goals_and_achievements_compare_year_indicator_and_base_value() {
        let gold = json!({
            "goals": [
                {"year": 2031, "indicator": "规模以上工业总产值", "value": 12.5, "unit": "亿元"},
                {"year": 2031, "indicator": "固定资产投资", "value": 8, "unit": "%"},
                {"year": 2031, "indicator": "新增企业", "value": 30, "unit": "家"}],
            "achievements": [
                {"year": 2030, "indicator": "税收收入", "value": 2, "unit": "亿元"}]
        });
        let pred = json!({
            "goals": [
                {"year": 2031.0, "indicator": "规上工业总产值", "value": 125000, "unit": "万元"},
                {"year": 2031, "indicator": "全年固投", "value": 8.03, "unit": "%"},
                {"year": 2030, "indicator": "新增企业", "value": 30, "unit": "家"},
                {"year": 2031, "indicator": "", "value": 1, "unit": "家"}],
            "achievements": [
                {"indicator": "税收收入", "value": 2, "unit": "亿元"}]
        });
        let s = one(gold, pred);
        // The wrong year does not match; the empty indicator is not an item.
        assert_eq!(counts(&s, Tier::Goals), (2, 3, 3));
        assert_eq!(counts(&s, Tier::Achievements), (0, 1, 1));
    }

    #[test]
    fn tasks_match_once_each_by_text() {
        let gold = json!({"tasks": [
            {"year": 2031, "text": "优化营商环境"},
            {"year": 2031, "text": "推进园区数字化改造"}]});
        let pred = json!({"tasks": [
            {"year": 2031, "text": "优化营商服务"},
            {"year": 2031, "text": "一是推进园区数字化改造。"},
            {"year": 2031, "text": "推进园区数字化改造"}]});
        let s = one(gold, pred);
        assert_eq!(counts(&s, Tier::Tasks), (2, 2, 3));
    }

    #[test]
    fn empty_lists_are_scored_and_overall_pools_tiers() {
        let gold = json!({"officials": [], "goals": [], "tasks": [{"year": null, "text": "建设人才公寓"}]});
        let pred = json!([{"officials": [{"name": "林一"}], "tasks": [{"text": "建设人才公寓"}]}]);
        let s = one(gold, pred);
        assert_eq!(counts(&s, Tier::Officials), (0, 0, 1));
        assert_eq!(s.tier(Tier::Officials).precision(), 0.0);
        assert_eq!(s.tier(Tier::Officials).recall(), 0.0);
        assert_eq!(s.tier(Tier::Goals).f1(), 1.0);
        let all = s.overall();
        assert_eq!((all.matched, all.gold, all.predicted), (1, 1, 2));
        let json = serde_json::to_string(&s.summary()).unwrap();
        assert!(json.starts_with(r#"{"officials":{"precision":0.0,"recall":0.0,"f1":0.0,"gold":0"#));
        assert!(json.ends_with(
            r#""all":{"precision":0.5,"recall":1.0,"f1":0.667,"gold":1,"predicted":2,"matched":1}}"#
        ));
    }

    #[test]
    fn gold_must_be_an_object_and_predictions_may_be_anything() {
        let bad = score([Pair {
            name: "x".into(),
            gold: json!([]),
            predicted: json!({}),
        }]);
        assert!(matches!(bad, Err(EvalError::GoldNotObject { .. })));
        let s = one(json!({"officials": [{"name": "林一"}]}), json!("garbage"));
        assert_eq!(counts(&s, Tier::Officials), (0, 1, 0));
    }

    #[test]
    fn rounding_follows_python() {
        assert_eq!(round3(0.0625), 0.062);
        assert_eq!(round3(2.0 / 3.0), 0.667);
        assert_eq!(round3(1.0), 1.0);
    }
}
