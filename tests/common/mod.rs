//! Helpers shared by the integration tests: the built `zonekg` binary, the read-only
//! reference folder `../shared` (seed reports, gold reports, score.py), temporary
//! folders, and running commands with their failures explained.
//!
//! Tests that need `../shared` fail (they do not skip) when it is missing: a quality
//! check that silently passes without its data would prove nothing.

// Each test crate uses only some of these helpers.
#![allow(dead_code)]

pub mod http;
pub mod server;
pub mod stores;
pub mod web;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A command running the `zonekg` binary built for this test run.
pub fn zonekg() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zonekg"))
}

/// `../shared` next to the crate; panics if it is missing.
pub fn shared_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        dir.is_dir(),
        "reference folder {} is missing; these tests need its seeds, gold files and score.py",
        dir.display()
    );
    dir
}

/// The seed reports (`../shared/seeds`).
pub fn seeds_dir() -> PathBuf {
    existing(shared_dir().join("seeds"))
}

/// The gold Report JSON files (`../shared/gold`).
pub fn gold_dir() -> PathBuf {
    existing(shared_dir().join("gold"))
}

/// The reference scorer (`../shared/gold/score.py`).
pub fn score_py() -> PathBuf {
    existing(gold_dir().join("score.py"))
}

/// The seed report files (`*.txt`), sorted; panics if there are none.
pub fn seed_files() -> Vec<PathBuf> {
    let files = files_with_extension(&seeds_dir(), "txt");
    assert!(
        !files.is_empty(),
        "no seed reports in {}",
        seeds_dir().display()
    );
    files
}

/// The gold files (`*.json`), sorted; panics if there are none.
pub fn gold_files() -> Vec<PathBuf> {
    let files = files_with_extension(&gold_dir(), "json");
    assert!(
        !files.is_empty(),
        "no gold files in {}",
        gold_dir().display()
    );
    files
}

/// Files of `dir` with extension `ext`, sorted by name.
pub fn files_with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

fn existing(path: PathBuf) -> PathBuf {
    assert!(path.exists(), "{} is missing", path.display());
    path
}

/// A fresh temporary folder, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("cannot create a temporary folder")
}

/// A command running `python3 SCRIPT`.
pub fn python3(script: &Path) -> Command {
    let mut cmd = Command::new("python3");
    cmd.arg(script);
    cmd
}

/// Runs a command to completion; panics if it cannot be started.
pub fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

/// Runs a command and asserts it exited with status 0, showing its stderr if not.
pub fn run_ok(cmd: &mut Command) -> Output {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A command's stdout parsed as JSON.
pub fn stdout_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Writes `value` as pretty JSON to `path`.
pub fn write_json(path: &Path, value: &serde_json::Value) {
    let text = serde_json::to_string_pretty(value).expect("serializable JSON");
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Reads and parses a JSON file.
pub fn read_json(path: &Path) -> serde_json::Value {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Scores `pred_dir` against `gold_dir` with score.py (`--json`) and returns its report.
pub fn score_py_json(gold_dir: &Path, pred_dir: &Path) -> serde_json::Value {
    let out = run_ok(
        python3(&score_py())
            .arg(gold_dir)
            .arg(pred_dir)
            .arg("--json"),
    );
    stdout_json(&out)
}

/// score.py's report with the strict zones tier (`--zones`), as JSON.
pub fn score_py_zones_json(gold_dir: &Path, pred_dir: &Path) -> serde_json::Value {
    let out = run_ok(
        python3(&score_py())
            .arg(gold_dir)
            .arg(pred_dir)
            .args(["--json", "--zones"]),
    );
    stdout_json(&out)
}

/// The real reports with gold answers (`../shared/real`): texts and gold folders.
pub fn real_dirs() -> (PathBuf, PathBuf) {
    let real = existing(shared_dir().join("real"));
    (existing(real.join("texts")), existing(real.join("gold")))
}

/// The tier names score.py reports, `all` last.
pub const SCORE_TIERS: [&str; 9] = [
    "officials",
    "posts",
    "leaders",
    "meetings",
    "participants",
    "goals",
    "achievements",
    "tasks",
    "all",
];

/// Asserts two score reports (score.py's `--json` shape) agree: every tier's precision,
/// recall and F1 within `tolerance`, and its gold, predicted and matched counts equal.
pub fn assert_scores_agree(
    expected: &serde_json::Value,
    actual: &serde_json::Value,
    tolerance: f64,
) {
    let mut diffs = Vec::new();
    for tier in SCORE_TIERS {
        for key in ["precision", "recall", "f1", "gold", "predicted", "matched"] {
            let e = expected[tier][key].as_f64();
            let a = actual[tier][key].as_f64();
            match (e, a) {
                (Some(e), Some(a)) if (e - a).abs() <= tolerance => {}
                _ => diffs.push(format!("{tier}.{key}: expected {e:?}, got {a:?}")),
            }
        }
    }
    assert!(
        diffs.is_empty(),
        "scores differ:\n{}\nexpected: {expected}\nactual: {actual}",
        diffs.join("\n")
    );
}
