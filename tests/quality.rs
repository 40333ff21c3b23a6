//! Extraction quality on the seed reports, measured by the reference scorer.
//!
//! Runs `zonekg extract` on `../shared/seeds`, scores the output with
//! `../shared/gold/score.py`, and holds it to the bar (overall F1 ≥ 0.90, every tier
//! ≥ 0.80). Also checks that `zonekg eval`, extracting the same seeds itself, reports
//! the same figures as score.py.

mod common;

use common::*;

const OVERALL_F1: f64 = 0.90;
const TIER_F1: f64 = 0.80;

/// Extracts every seed into a fresh folder and returns it with score.py's report.
fn extract_and_score() -> (tempfile::TempDir, serde_json::Value) {
    let out_dir = temp_dir();
    run_ok(
        zonekg()
            .arg("extract")
            .args(seed_files())
            .args(["--format", "json", "--out-dir"])
            .arg(out_dir.path()),
    );
    let report = score_py_json(&gold_dir(), out_dir.path());
    (out_dir, report)
}

#[test]
fn extraction_meets_the_quality_bar_on_the_seeds() {
    let (_out, report) = extract_and_score();
    let mut below = Vec::new();
    for tier in SCORE_TIERS {
        let f1 = report[tier]["f1"]
            .as_f64()
            .unwrap_or_else(|| panic!("score.py gave no f1 for {tier}: {report}"));
        let bar = if tier == "all" { OVERALL_F1 } else { TIER_F1 };
        if f1 < bar {
            below.push(format!("{tier}: F1 {f1:.3} < {bar:.2}"));
        }
    }
    assert!(
        below.is_empty(),
        "extraction is below the bar:\n{}\nfull report: {report:#}",
        below.join("\n")
    );
}

#[test]
fn eval_on_the_seeds_agrees_with_score_py() {
    let (_out, expected) = extract_and_score();
    let out = run_ok(
        zonekg()
            .arg("eval")
            .arg(gold_dir())
            .arg(seeds_dir())
            .arg("--json"),
    );
    assert_scores_agree(&expected, &stdout_json(&out), 0.01);
}
