//! Extraction quality on real web reports (`../shared/real`: 52 reports from 30
//! provinces with hand-made gold), scored by the reference scorer with its strict zones
//! tier (`score.py --zones`).
//!
//! These reports were not written for zonekg, so they are the honest measure; the bars
//! below hold what extraction reaches now, to catch any change that loses ground on
//! real text. `zonekg eval ../shared/real/gold ../shared/real/texts --zones --per-doc`
//! shows each miss.

mod common;

use common::*;

/// Overall F1 (all tiers and zones pooled) extraction must keep on the real reports.
const OVERALL_F1: f64 = 0.92;

/// Per-tier floors: what each tier reaches now, less a small margin.
const TIER_F1: [(&str, f64); 9] = [
    ("officials", 0.93),
    ("posts", 0.92),
    ("leaders", 0.93),
    ("meetings", 0.94),
    ("participants", 0.90),
    ("goals", 0.90),
    ("achievements", 0.86),
    ("tasks", 0.95),
    ("zones", 0.85),
];

fn extract_and_score() -> (tempfile::TempDir, serde_json::Value) {
    let (texts, gold) = real_dirs();
    let out_dir = temp_dir();
    run_ok(
        zonekg()
            .arg("extract")
            .arg(&texts)
            .args(["--format", "json", "--out-dir"])
            .arg(out_dir.path()),
    );
    let report = score_py_zones_json(&gold, out_dir.path());
    (out_dir, report)
}

#[test]
fn real_reports_keep_their_quality() {
    let (_out, report) = extract_and_score();
    let mut below = Vec::new();
    for (tier, bar) in TIER_F1.iter().chain(&[("all", OVERALL_F1)]) {
        let f1 = report[tier]["f1"]
            .as_f64()
            .unwrap_or_else(|| panic!("score.py gave no f1 for {tier}: {report}"));
        if f1 < *bar {
            below.push(format!("{tier}: F1 {f1:.3} < {bar:.2}"));
        }
    }
    assert!(
        below.is_empty(),
        "extraction lost ground on the real reports:\n{}\nfull report: {report:#}",
        below.join("\n")
    );
}

#[test]
fn eval_with_zones_agrees_with_score_py() {
    let (_out, expected) = extract_and_score();
    let (texts, gold) = real_dirs();
    let out = run_ok(
        zonekg()
            .arg("eval")
            .arg(&gold)
            .arg(&texts)
            .args(["--json", "--zones"]),
    );
    let actual = stdout_json(&out);
    assert_scores_agree(&expected, &actual, 0.001);
    let zones = (&expected["zones"]["f1"], &actual["zones"]["f1"]);
    assert_eq!(zones.0, zones.1, "the strict zones tier differs");
}

/// The who-leads-which-zone table after ingesting the seeds and the real reports, as
/// `leaders_table.py` scores it, and the identity of zones named only generically.
#[test]
fn the_leaders_table_of_the_real_reports() {
    let (texts, gold) = real_dirs();
    let store = temp_dir();
    run_ok(
        zonekg()
            .arg("ingest")
            .arg("--store")
            .arg(store.path())
            .arg("--no-leaders")
            .arg(seeds_dir())
            .arg(&texts),
    );
    let leaders = run_ok(
        zonekg()
            .args(["leaders", "--format", "json", "--store"])
            .arg(store.path()),
    );
    let rows = store.path().join("leaders.json");
    std::fs::write(&rows, &leaders.stdout).expect("write the leaders rows");
    let scored = run_ok(
        python3(&gold_dir().join("leaders_table.py"))
            .arg(&rows)
            .arg(gold_dir())
            .arg(&gold),
    );
    let report = String::from_utf8_lossy(&scored.stdout);
    let f1: f64 = report
        .lines()
        .last()
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|f| f.parse().ok())
        .unwrap_or_else(|| panic!("no F1 in leaders_table.py's output:\n{report}"));
    assert!(f1 >= 0.90, "leaders table F1 {f1:.3} < 0.90:\n{report}");

    // no node labelled only by a generic word holds leading posts seen in two reports
    let query = r#"SELECT ?label (COUNT(DISTINCT ?g) AS ?reports) WHERE {
        GRAPH ?g { ?pi org:postIn ?z ; a zk:LeadingPost . ?h zk:post ?pi }
        GRAPH ?g2 { ?z rdfs:label ?label }
        FILTER(?label IN ("高新区", "开发区", "经开区", "新区", "园区", "工业园区", "示范区"))
    } GROUP BY ?z ?label"#;
    let out = run_ok(
        zonekg()
            .args(["query", query, "--format", "json", "--store"])
            .arg(store.path()),
    );
    let json = stdout_json(&out);
    let bindings = json["results"]["bindings"]
        .as_array()
        .expect("SPARQL results JSON");
    assert!(
        bindings.len() >= 2,
        "the real reports have several zones named only 高新区 or 开发区: {json}"
    );
    for b in bindings {
        let n: u32 = b["reports"]["value"]
            .as_str()
            .unwrap_or("0")
            .parse()
            .unwrap_or(0);
        assert_eq!(
            n, 1,
            "a generic zone node holds leaders of {n} reports: {b}"
        );
    }
}
