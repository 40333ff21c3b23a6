//! `zonekg eval --pred` gives the figures `../shared/gold/score.py` gives, on the same
//! prediction folders: the gold files themselves, no predictions, broken files, gold
//! files altered at random (deterministically) in ways each folding rule cares about,
//! and a made-up gold set with tiers left out.

mod common;

use common::*;
use serde_json::{json, Value};
use std::path::Path;

/// Runs both scorers on one prediction folder, asserts they agree within 0.001 and
/// returns the figures.
fn both_agree(gold: &Path, pred: &Path) -> Value {
    let expected = score_py_json(gold, pred);
    let out = run(zonekg()
        .arg("eval")
        .arg(gold)
        .arg("--pred")
        .arg(pred)
        .arg("--json"));
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "zonekg eval failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let actual = stdout_json(&out);
    assert_scores_agree(&expected, &actual, 0.001);
    actual
}

#[test]
fn gold_as_predictions_scores_one_everywhere() {
    let scores = both_agree(&gold_dir(), &gold_dir());
    for tier in SCORE_TIERS {
        assert_eq!(scores[tier]["f1"], json!(1.0), "{tier}: {scores}");
    }
}

#[test]
fn no_predictions_score_zero_recall() {
    let pred = temp_dir();
    let scores = both_agree(&gold_dir(), pred.path());
    assert_eq!(scores["all"]["predicted"], json!(0));
    assert_eq!(scores["all"]["recall"], json!(0.0));
}

#[test]
fn broken_missing_and_wrapped_predictions() {
    let gold = gold_files();
    let pred = temp_dir();
    for (i, g) in gold.iter().enumerate() {
        let target = pred.path().join(g.file_name().unwrap());
        match i % 3 {
            0 => std::fs::write(&target, "{ not json").unwrap(),
            1 => write_json(&target, &json!([read_json(g)])),
            _ => {} // missing
        }
    }
    let out = run(zonekg()
        .arg("eval")
        .arg(gold_dir())
        .arg("--pred")
        .arg(pred.path())
        .arg("--json"));
    assert_eq!(
        out.status.code(),
        Some(1),
        "a broken prediction is reported"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid JSON"));
    assert_scores_agree(
        &score_py_json(&gold_dir(), pred.path()),
        &stdout_json(&out),
        0.001,
    );
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[(self.next() % options.len() as u64) as usize]
    }
}

/// Applies `f` to each object of array `doc[key]`; `f` returns the objects to keep in
/// its place (none to delete it, two to add a duplicate).
fn rewrite(
    doc: &mut Value,
    key: &str,
    rng: &mut Rng,
    mut f: impl FnMut(Value, &mut Rng) -> Vec<Value>,
) {
    if let Some(Value::Array(items)) = doc.get_mut(key) {
        let old = std::mem::take(items);
        for item in old {
            items.extend(f(item, rng));
        }
    }
}

fn zone_names(doc: &Value) -> Vec<String> {
    let mut names = Vec::new();
    for z in doc["zones"].as_array().into_iter().flatten() {
        names.extend(z["name"].as_str().map(String::from));
        for a in z["aliases"].as_array().into_iter().flatten() {
            names.extend(a.as_str().map(String::from));
        }
    }
    names
}

/// The kinds of slip an extractor makes, each applied to an item with probability `p`.
fn mutate(mut doc: Value, rng: &mut Rng, p: f64) -> Value {
    let zones = zone_names(&doc);
    rewrite(&mut doc, "officials", rng, |mut o, rng| {
        if rng.chance(p / 2.0) {
            return vec![];
        }
        if rng.chance(p / 2.0) {
            o["name"] = json!(format!("{}甲", o["name"].as_str().unwrap_or("")));
        }
        rewrite(&mut o, "posts", rng, |mut post, rng| {
            let title = post["title"].as_str().unwrap_or("").to_string();
            if rng.chance(p) && !zones.is_empty() {
                let zone = &zones[(rng.next() % zones.len() as u64) as usize];
                post["title"] = json!(format!("{zone}{title}"));
            } else if rng.chance(p) {
                let t = rng.pick(&["区", "市政府", "某某集团"]);
                post["title"] = json!(format!("{t}{}", title.replace("管委会", "管委")));
            }
            if rng.chance(p) && !zones.is_empty() {
                post["zone"] = json!(zones[(rng.next() % zones.len() as u64) as usize]);
            } else if rng.chance(p) {
                post["zone"] = json!(format!("{}（东区）", post["zone"].as_str().unwrap_or("")));
            }
            if rng.chance(p / 3.0) {
                vec![post.clone(), post]
            } else {
                vec![post]
            }
        });
        vec![o]
    });
    rewrite(&mut doc, "meetings", rng, |mut m, rng| {
        if rng.chance(p / 2.0) {
            if let Some(d) = m["date"].as_str() {
                m["date"] = json!(format!("{}9", &d[..d.len().saturating_sub(1)]));
            }
        }
        rewrite(&mut m, "participants", rng, |mut part, rng| {
            if rng.chance(p / 2.0) {
                return vec![];
            }
            if rng.chance(p) {
                part["role"] = json!(rng.pick(&["host", "speaker", "attendee", "guest"]));
            }
            if rng.chance(p / 2.0) {
                let mut again = part.clone();
                again["role"] = json!("attendee");
                return vec![again, part];
            }
            vec![part]
        });
        vec![m]
    });
    for key in ["goals", "achievements"] {
        rewrite(&mut doc, key, rng, |mut g, rng| {
            if rng.chance(p / 2.0) {
                return vec![];
            }
            let value = g["value"].as_f64();
            let unit = g["unit"].as_str().unwrap_or("").to_string();
            if let (Some(v), Some(rest)) = (value, unit.strip_prefix('亿')) {
                if rng.chance(p) {
                    g["value"] = json!(v * 10000.0);
                    g["unit"] = json!(format!("万{rest}"));
                }
            }
            if let Some(v) = value {
                if rng.chance(p) {
                    // Within and beyond the 0.5 % tolerance.
                    g["value"] = json!(v * if rng.chance(0.5) { 1.003 } else { 1.02 });
                }
            }
            if rng.chance(p / 2.0) {
                g["year"] = json!(g["year"].as_i64().map_or(2000, |y| y + 1));
            }
            if rng.chance(p) {
                let ind = g["indicator"]
                    .as_str()
                    .unwrap_or("")
                    .replace("规上", "规模以上");
                g["indicator"] = json!(format!("{}{ind}", rng.pick(&["全年", "累计", "", "新"])));
            }
            vec![g]
        });
    }
    rewrite(&mut doc, "tasks", rng, |mut t, rng| {
        if rng.chance(p / 2.0) {
            return vec![];
        }
        let chars: Vec<char> = t["text"].as_str().unwrap_or("").chars().collect();
        if rng.chance(p) {
            // Lose some words at the front: a bigram overlap near the 0.6 threshold.
            let cut = (rng.next() % (chars.len() as u64 / 2 + 1)) as usize;
            let tail: String = chars[cut..].iter().collect();
            t["text"] = json!(format!("{}{tail}", rng.pick(&["", "一是", "加快"])));
        }
        if rng.chance(p / 3.0) {
            t["year"] = Value::Null;
        }
        vec![t]
    });
    if rng.chance(p) {
        if let Some(zs) = doc.get_mut("zones").and_then(Value::as_array_mut) {
            for z in zs {
                z["aliases"] = json!([]);
            }
        }
    }
    doc
}

#[test]
fn altered_predictions_agree_with_score_py() {
    let gold = gold_files();
    let mut strictly_between = 0;
    for (variant, p) in [0.1, 0.25, 0.4, 0.6, 0.8].into_iter().enumerate() {
        let pred = temp_dir();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (variant as u64 + 1));
        for g in &gold {
            let altered = mutate(read_json(g), &mut rng, p);
            write_json(&pred.path().join(g.file_name().unwrap()), &altered);
        }
        let scores = both_agree(&gold_dir(), pred.path());
        let f1 = scores["all"]["f1"].as_f64().unwrap();
        if f1 > 0.0 && f1 < 1.0 {
            strictly_between += 1;
        }
    }
    assert!(
        strictly_between >= 3,
        "the alterations should lower the scores"
    );
}

/// Made-up gold reports: one leaves tiers out, one has empty lists.
fn fictional_gold() -> Vec<(&'static str, Value)> {
    vec![
        (
            "a",
            json!({
                "zones": [{"name": "青禾高新技术产业开发区", "aliases": ["青禾高新区", "高新区"]}],
                "officials": [
                    {"name": "林一", "posts": [
                        {"title": "党工委书记", "zone": "青禾高新技术产业开发区"},
                        {"title": "管委会主任", "zone": "青禾高新技术产业开发区"}]},
                    {"name": "周二", "posts": [{"title": "区委副书记", "zone": null}]},
                    {"name": "吴三", "posts": [{"title": "远山投资集团党支部书记", "zone": null}]}],
                "meetings": [{"date": "2031-02-06", "participants": [
                    {"name": "林一", "role": "speaker"}, {"name": "周二", "role": "host"}]}],
                "goals": [
                    {"year": 2032, "indicator": "规模以上工业总产值", "value": 12.5, "unit": "亿元"},
                    {"year": 2032, "indicator": "一般公共财政预算收入", "value": 6, "unit": "%"}],
                "achievements": [
                    {"year": 2031, "indicator": "社会消费品零售总额", "value": 3.2, "unit": "个百分点"}],
                "tasks": [
                    {"year": 2032, "text": "优化营商环境"},
                    {"year": 2032, "text": "建设人才公寓"}]
            }),
        ),
        (
            "b",
            json!({
                "zones": [],
                "officials": [{"name": "郑四", "posts": [{"title": "县长", "zone": "白石县"}]}],
                "achievements": []
            }),
        ),
    ]
}

fn fictional_predictions() -> Vec<(&'static str, Value)> {
    vec![
        (
            "a",
            json!({
                "zones": [{"name": "青禾高新区"}],
                "officials": [
                    {"name": "林一", "posts": [
                        {"title": "青禾高新区党工委书记", "zone": "青禾高新区"},
                        {"title": "区管委主任", "zone": "高新区"}]},
                    {"name": "周二", "posts": [{"title": "区委副书记"}]},
                    {"name": "吴三", "posts": [{"title": "党支部书记"}]},
                    {"name": "王五", "posts": [{"title": "主任", "zone": "青禾高新区（东区）"}]}],
                "meetings": [{"date": "2031-02-06", "participants": [
                    {"name": "林一", "role": "attendee"}, {"name": "林一", "role": "speaker"},
                    {"name": "周二", "role": "moderator"}]}],
                "goals": [
                    {"year": 2032, "indicator": "规上工业总产值", "value": 125100, "unit": "万元"},
                    {"year": 2032, "indicator": "一般公共预算收入", "value": 6.1, "unit": "%"}],
                "achievements": [
                    {"year": 2031, "indicator": "全年社零总额", "value": 3.2, "unit": "%"}],
                "tasks": [
                    {"year": 2032, "text": "优化营商服务"},
                    {"year": 2032, "text": "一是建设人才公寓。"},
                    {"year": 2032, "text": "建设人才公寓"}]
            }),
        ),
        (
            "b",
            json!({"zones": [{"name": "白石县"}],
                   "officials": [{"name": "郑四", "posts": [{"title": "白石县县长", "zone": "白石"}]}],
                   "meetings": [{"date": "2031-05-01", "participants": []}],
                   "achievements": [{"year": 2031, "indicator": "税收", "value": 1, "unit": "亿元"}]}),
        ),
    ]
}

#[test]
fn fictional_reports_agree_with_score_py() {
    let (gold, pred) = (temp_dir(), temp_dir());
    for (name, doc) in fictional_gold() {
        write_json(&gold.path().join(format!("{name}.json")), &doc);
    }
    for (name, doc) in fictional_predictions() {
        write_json(&pred.path().join(format!("{name}.json")), &doc);
    }
    let scores = both_agree(gold.path(), pred.path());
    let counts = |tier: &str| {
        let t = &scores[tier];
        (
            t["matched"].clone(),
            t["gold"].clone(),
            t["predicted"].clone(),
        )
    };
    // Worked out by hand from the rules in SCHEMA.md; score.py agrees (checked above).
    assert_eq!(counts("officials"), (json!(4), json!(4), json!(5)));
    assert_eq!(counts("posts"), (json!(5), json!(5), json!(6)));
    assert_eq!(counts("leaders"), (json!(2), json!(2), json!(4)));
    // File b leaves meetings, goals and tasks out, so its extra meeting is not counted.
    assert_eq!(counts("meetings"), (json!(1), json!(1), json!(1)));
    assert_eq!(counts("participants"), (json!(1), json!(2), json!(2)));
    assert_eq!(counts("goals"), (json!(1), json!(2), json!(2)));
    assert_eq!(counts("achievements"), (json!(1), json!(1), json!(2)));
    assert_eq!(counts("tasks"), (json!(2), json!(2), json!(3)));
}
