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
const OVERALL_F1: f64 = 0.70;

/// Per-tier floors: what each tier reaches now, less a small margin.
const TIER_F1: [(&str, f64); 9] = [
    ("officials", 0.87),
    ("posts", 0.79),
    ("leaders", 0.80),
    ("meetings", 0.74),
    ("participants", 0.64),
    ("goals", 0.64),
    ("achievements", 0.50),
    ("tasks", 0.10),
    ("zones", 0.72),
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
