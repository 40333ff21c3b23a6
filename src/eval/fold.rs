//! The folding rules the scorer compares facts by, as `../shared/gold/score.py` defines them.
//!
//! Each function mirrors the scorer function of the same name. These constants define the
//! metric rather than the extraction, so they live here, next to the code that reads them,
//! and must change only together with `score.py`.

use regex::Regex;
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Normalized post titles that lead a zone (the scorer's `LEADING_TITLES`). The product's
/// own list is `model::LEADING_TITLES`; this one follows `score.py` (a test compares them).
pub const LEADING_TITLES: &[&str] = &[
    "党工委书记",
    "管委会主任",
    "区委书记",
    "区长",
    "县委书记",
    "县长",
    "市委书记",
    "市长",
    "省委书记",
    "省长",
    "书记",
    "主任",
];

/// Participant roles, most important first; anything else counts as the last.
pub const ROLES: [&str; 3] = ["host", "speaker", "attendee"];

/// Unit prefixes and what they multiply by, tried in this order. The scorer's table, kept
/// as `score.py` has it (without `千亿`, `百亿`); extraction's is `zh::magnitudes`.
const MULTIPLIERS: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
];

/// Indicator rewrites, applied in order.
const INDICATOR_FOLDS: &[(&str, &str)] = &[
    ("规模以上", "规上"),
    ("一般公共财政预算收入", "一般公共预算收入"),
    ("社会消费品零售总额", "社零总额"),
    ("固定资产投资", "固投"),
    ("全年", ""),
    ("年度", ""),
    ("累计", ""),
    ("全区", ""),
    ("园区", ""),
];

static BODIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "党工委|管委会|管委|党支部|党委|党组|区委|市委|省委|县委|区政府|市政府|省政府|县政府",
    )
    .expect("BODIES regex")
});

/// A title that starts with a level body (`区委…`, `市政府…`) keeps it.
static LEVEL_BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^(区|市|省|县)(委|政府)").expect("LEVEL_BODY regex"));

/// Python's `\s` also matches the separators U+001C..U+001F, Rust's does not.
static PUNCT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[\s\x1C-\x1F"'“”‘’「」『』《》〈〉()（）,，、。:：;；!！?？·\-—_/]"#)
        .expect("PUNCT regex")
});

static PARENS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(][^)）]*[)）]").expect("PARENS regex"));

/// Drops whitespace and punctuation.
pub fn fold(s: &str) -> String {
    PUNCT.replace_all(s, "").into_owned()
}

/// Drops parenthesized parts (`河源工业园区(高新区)` → `河源工业园区`) and outer spaces.
pub fn strip_parens(s: &str) -> String {
    let stripped = PARENS.replace_all(s, "");
    // Python's str.strip() set of spaces, which includes U+001C..U+001F.
    stripped
        .trim_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c))
        .to_string()
}

/// Non-empty string field, the scorer's truthy `d.get(key)`; other JSON types count as absent.
pub fn text<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    obj.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// Objects of an array field (`doc.get(key) or []`); entries that are not objects are skipped.
pub fn objects<'a>(obj: &'a Map<String, Value>, key: &str) -> Vec<&'a Map<String, Value>> {
    match obj.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    }
}

/// A zone's name followed by its aliases; non-strings are skipped.
fn zone_names(zone: &Map<String, Value>) -> Vec<&str> {
    let aliases = match zone.get("aliases") {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    zone.get("name")
        .and_then(Value::as_str)
        .into_iter()
        .chain(aliases)
        .collect()
}

/// score.py's strict zone test: the predicted name (with or without its bracketed part)
/// is one of the gold zone's names or aliases, folded, or the gold name is one of the
/// predicted zone's.
pub fn strict_zone_match(gold: &Map<String, Value>, predicted: &Map<String, Value>) -> bool {
    let names = |z: &Map<String, Value>| -> HashSet<String> {
        zone_names(z)
            .into_iter()
            .flat_map(|n| [fold(n), fold(&strip_parens(n))])
            .filter(|f| !f.is_empty())
            .collect()
    };
    let (g_names, p_names) = (names(gold), names(predicted));
    let g = gold.get("name").and_then(Value::as_str).unwrap_or("");
    let p = predicted.get("name").and_then(Value::as_str).unwrap_or("");
    g_names.contains(&fold(&strip_parens(p)))
        || g_names.contains(&fold(p))
        || p_names.contains(&fold(&strip_parens(g)))
}

/// All folded names and aliases of a document's zones.
pub fn zone_forms(zones: &[&Map<String, Value>]) -> HashSet<String> {
    let mut forms = HashSet::new();
    for n in zones.iter().flat_map(|z| zone_names(z)) {
        if !n.is_empty() {
            forms.insert(fold(n));
            forms.insert(fold(&strip_parens(n)));
        }
    }
    forms.remove("");
    forms
}

/// Forms sorted longest first. score.py leaves equal lengths in set order; sorting them
/// by text makes the result reproducible and differs only when two same-length forms
/// prefix each other's remainders.
pub fn longest_first(forms: HashSet<String>) -> Vec<String> {
    let mut v: Vec<String> = forms.into_iter().collect();
    v.sort_by(|a, b| {
        b.chars()
            .count()
            .cmp(&a.chars().count())
            .then_with(|| a.cmp(b))
    });
    v
}

/// A post title without the jurisdiction in front, so that `某某高新区党工委书记` and
/// `党工委书记` compare equal.
pub fn norm_title(title: &str, forms: &[String]) -> String {
    let mut t = fold(title);
    let mut changed = true;
    while changed {
        changed = false;
        for f in forms {
            if f.chars().count() >= 2 && t.starts_with(f.as_str()) && t.len() > f.len() {
                t = t[f.len()..].to_string();
                changed = true;
            }
        }
    }
    if let Some(body) = BODIES.find(&t) {
        // `某某集团党支部书记` → `党支部书记`, but `区委副书记` stays.
        if body.start() > 0 && !LEVEL_BODY.is_match(&t) {
            t = t[body.start()..].to_string();
        }
    }
    if let Some(rest) = t.strip_prefix('区') {
        if rest.starts_with("党工委") || rest.starts_with("管委") {
            t = rest.to_string();
        }
    }
    t = t
        .replace("管委主任", "管委会主任")
        .replace("管委副主任", "管委会副主任");
    if t != "市政府" && t != "区政府" {
        t = t.replace("市政府", "").replace("区政府", "");
    }
    t
}

/// Every folded name of the zone in `zones` that `x` names, or just `x`.
fn canon(x: &str, zones: &[&Map<String, Value>]) -> Vec<String> {
    for z in zones {
        let names = zone_names(z);
        if names
            .iter()
            .any(|n| !n.is_empty() && fold(&strip_parens(n)) == x)
        {
            return names
                .iter()
                .filter(|n| !n.is_empty())
                .map(|n| fold(&strip_parens(n)))
                .collect();
        }
    }
    vec![x.to_string()]
}

/// Zones match when equal or one contains the other, through either side's aliases.
pub fn zone_match(
    a: &str,
    b: &str,
    zones_a: &[&Map<String, Value>],
    zones_b: &[&Map<String, Value>],
) -> bool {
    let (a1, b1) = (fold(&strip_parens(a)), fold(&strip_parens(b)));
    if a1.is_empty() || b1.is_empty() {
        return false;
    }
    if a1.contains(&b1) || b1.contains(&a1) {
        return true;
    }
    let (ca, cb) = (canon(&a1, zones_a), canon(&b1, zones_b));
    ca.iter().any(|p| {
        cb.iter()
            .any(|q| q.contains(p.as_str()) || p.contains(q.as_str()))
    })
}

fn fold_indicator(s: &str) -> String {
    let mut s = fold(s);
    for (from, to) in INDICATOR_FOLDS {
        s = s.replace(from, to);
    }
    s
}

/// Indicators match when one contains the other after folding.
pub fn indicator_match(a: &str, b: &str) -> bool {
    let (a, b) = (fold_indicator(a), fold_indicator(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// Python's `float(value)` for the JSON types it accepts; `None` for null and the rest.
fn py_float(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A fact's value in base units and the unit left: (103.16, `亿元`) → (1.0316e10, `元`).
fn base_value(fact: &Map<String, Value>) -> Option<(f64, String)> {
    let value = py_float(fact.get("value")?)?;
    let mut unit = fold(fact.get("unit").and_then(Value::as_str).unwrap_or(""));
    let mut mult = 1.0;
    for (prefix, m) in MULTIPLIERS {
        if unit.starts_with(prefix) && unit.len() > prefix.len() {
            mult = *m;
            unit = unit[prefix.len()..].to_string();
            break;
        }
    }
    if unit == "个百分点" {
        unit = "%".to_string();
    }
    Some((value * mult, unit))
}

/// Values match within 0.5 % once both are in the same base unit.
pub fn value_match(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    match (base_value(a), base_value(b)) {
        (Some((va, ua)), Some((vb, ub))) if ua == ub => {
            va == vb || (va - vb).abs() <= 0.005 * va.abs().max(vb.abs())
        }
        _ => false,
    }
}

/// Character bigrams; a one-char string is its own single "bigram".
fn bigrams(s: &str) -> HashSet<(char, Option<char>)> {
    let chars: Vec<char> = fold(s).chars().collect();
    match chars.len() {
        0 => HashSet::new(),
        1 => HashSet::from([(chars[0], None)]),
        _ => chars.windows(2).map(|w| (w[0], Some(w[1]))).collect(),
    }
}

/// Texts match when one contains the other or their bigrams' Dice score is at least 0.6.
pub fn text_match(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    if fa.contains(&fb) || fb.contains(&fa) {
        return true;
    }
    let (ba, bb) = (bigrams(&fa), bigrams(&fb));
    let shared = ba.intersection(&bb).count();
    // Same arithmetic as Python: integer numerator and denominator, one true division.
    (2 * shared) as f64 / (ba.len() + bb.len()) as f64 >= 0.6
}

/// Python's `==` on two optional JSON values: missing equals null, 2024 equals 2024.0,
/// true equals 1.
pub fn py_eq(a: Option<&Value>, b: Option<&Value>) -> bool {
    let norm = |v: Option<&Value>| match v {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(Value::from(u8::from(*b))),
        Some(v) => Some(v.clone()),
    };
    match (norm(a), norm(b)) {
        (None, None) => true,
        (Some(Value::Number(x)), Some(Value::Number(y))) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => match (x.as_u64(), y.as_u64()) {
                (Some(i), Some(j)) => i == j,
                _ => x.as_f64() == y.as_f64(),
            },
        },
        (x, y) => x == y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn scorer_leads_by_the_products_leading_titles() {
        assert_eq!(LEADING_TITLES, crate::model::LEADING_TITLES);
    }

    #[test]
    fn fold_drops_spaces_and_punctuation() {
        assert_eq!(fold(" 甲、乙（丙）—丁\u{1c}"), "甲乙丙丁");
        assert_eq!(strip_parens(" 某某工业园区(高新区) "), "某某工业园区");
        assert_eq!(strip_parens("某某园（一期）东区"), "某某园东区");
    }

    #[test]
    fn norm_title_strips_jurisdictions_and_keeps_level_bodies() {
        let zones = [obj(
            json!({"name": "青禾高新技术产业开发区", "aliases": ["青禾高新区"]}),
        )];
        let refs: Vec<_> = zones.iter().collect();
        let forms = longest_first(zone_forms(&refs));
        assert_eq!(norm_title("青禾高新区党工委书记", &forms), "党工委书记");
        assert_eq!(norm_title("区党工委副书记", &forms), "党工委副书记");
        assert_eq!(norm_title("管委主任", &forms), "管委会主任");
        assert_eq!(norm_title("管委副主任", &forms), "管委会副主任");
        assert_eq!(norm_title("远山控股集团党支部书记", &forms), "党支部书记");
        assert_eq!(norm_title("区委副书记", &forms), "区委副书记");
        assert_eq!(norm_title("市政府副市长", &forms), "副市长");
        assert_eq!(norm_title("市政府", &forms), "市政府");
        // A form is not stripped when nothing would be left.
        assert_eq!(norm_title("青禾高新区", &forms), "青禾高新区");
    }

    #[test]
    fn zones_match_by_containment_or_aliases() {
        let gold = [obj(
            json!({"name": "青禾高新技术产业开发区", "aliases": ["青禾高新区"]}),
        )];
        let pred = [obj(json!({"name": "青禾高新区"}))];
        let (g, p): (Vec<_>, Vec<_>) = (gold.iter().collect(), pred.iter().collect());
        assert!(zone_match("青禾高新区（东区）", "青禾高新区", &g, &p));
        assert!(zone_match("青禾高新技术产业开发区", "青禾高新区", &g, &p));
        assert!(!zone_match("青禾高新技术产业开发区", "青禾高新区", &[], &p));
        assert!(!zone_match("（东区）", "青禾高新区", &g, &p));
    }

    #[test]
    fn indicators_fold_and_contain() {
        assert!(indicator_match("规模以上工业增加值", "规上工业增加值"));
        assert!(indicator_match("全年固定资产投资", "固投"));
        assert!(!indicator_match("园区", "工业产值"));
    }

    #[test]
    fn values_fold_units_and_allow_half_a_percent() {
        let a = obj(json!({"value": 12.5, "unit": "亿元"}));
        assert!(value_match(
            &a,
            &obj(json!({"value": 125000, "unit": "万元"}))
        ));
        assert!(value_match(
            &a,
            &obj(json!({"value": 12.56, "unit": "亿元"}))
        ));
        assert!(!value_match(
            &a,
            &obj(json!({"value": 12.6, "unit": "亿元"}))
        ));
        assert!(!value_match(
            &a,
            &obj(json!({"value": 12.5, "unit": "亿美元"}))
        ));
        assert!(!value_match(
            &a,
            &obj(json!({"value": null, "unit": "亿元"}))
        ));
        let pct = obj(json!({"value": "3", "unit": "个百分点"}));
        assert!(value_match(&pct, &obj(json!({"value": 3, "unit": "%"}))));
        // A bare prefix is a unit of its own, not a multiplier.
        assert!(!value_match(
            &obj(json!({"value": 2, "unit": "万"})),
            &obj(json!({"value": 20000, "unit": ""}))
        ));
    }

    #[test]
    fn texts_match_by_containment_or_dice() {
        assert!(text_match("推进园区数字化改造", "一是推进园区数字化改造。"));
        // 5 bigrams each, 3 shared: Dice exactly 0.6 is enough.
        assert!(text_match("优化营商环境", "优化营商服务"));
        // 5 bigrams each, 2 shared: Dice 0.4.
        assert!(!text_match("优化营商环境", "优化政务环境"));
        assert!(text_match("甲", "甲"));
        assert!(!text_match("", "优化"));
    }

    #[test]
    fn python_equality_of_years() {
        assert!(py_eq(Some(&json!(2024)), Some(&json!(2024.0))));
        assert!(py_eq(None, Some(&Value::Null)));
        assert!(py_eq(Some(&json!(true)), Some(&json!(1))));
        assert!(!py_eq(Some(&json!(2024)), Some(&json!("2024"))));
        assert!(!py_eq(Some(&json!(2024)), None));
    }
}
