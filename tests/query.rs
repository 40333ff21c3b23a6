//! `zonekg query` and `zonekg leaders`: canned queries, files, parameters, output
//! formats, syntax errors (exit 2 with line and column) and the timeout.

mod common;

use common::{run, run_ok, stdout_json, temp_dir, zonekg};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A store holding the seeds and the fictional fixtures, built once for this file.
fn store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &STORE
        .get_or_init(|| {
            let dir = temp_dir();
            let store = dir.path().join("store");
            let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kg");
            run_ok(
                zonekg()
                    .arg("ingest")
                    .arg(common::seeds_dir())
                    .arg(fixtures)
                    .arg("--store")
                    .arg(&store),
            );
            (dir, store)
        })
        .1
}

fn query(args: &[&str]) -> std::process::Output {
    run(zonekg().arg("query").args(args).arg("--store").arg(store()))
}

#[test]
fn every_canned_query_runs_in_every_format() {
    for q in zonekg::query::CANNED {
        let out = query(&[q.name, "--format", "json"]);
        assert!(
            out.status.success(),
            "{}: {}",
            q.name,
            String::from_utf8_lossy(&out.stderr)
        );
        let json = stdout_json(&out);
        assert!(json["head"]["vars"].is_array(), "{}", q.name);
        for format in ["table", "csv", "tsv", "xml"] {
            let out = query(&[q.name, "--format", format]);
            assert!(out.status.success(), "{} {format}", q.name);
        }
    }
    let leaders = query(&["leaders", "--format", "json"]);
    assert!(!stdout_json(&leaders)["results"]["bindings"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[test]
fn sparql_text_and_files_run_over_the_union_graph() {
    let text = "SELECT (COUNT(*) AS ?n) WHERE { ?r a zk:Report }";
    let out = query(&[text, "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    let n: usize = csv.lines().nth(1).unwrap().trim().parse().unwrap();
    assert_eq!(n, common::seed_files().len() + 3);

    let dir = temp_dir();
    let file = dir.path().join("q.rq");
    std::fs::write(&file, "ASK { ?z a zk:Zone }").unwrap();
    let out = query(&[&format!("@{}", file.display())]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "true");
}

#[test]
fn syntax_errors_exit_2_with_line_and_column() {
    let out = query(&["SELECT ?x WHERE {\n  ?x ?y\n}"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("3:1") || stderr.contains("2:"), "{stderr}");
    assert!(stderr.to_lowercase().contains("syntax"), "{stderr}");
}

#[test]
fn parameters_bind_placeholders() {
    let out = query(&["leaders", "--param", "zone=没有这个区", "--format", "json"]);
    assert!(out.status.success());
    assert!(stdout_json(&out)["results"]["bindings"]
        .as_array()
        .unwrap()
        .is_empty());
    let out = query(&["leaders", "--param", "nosuch=1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nosuch"));
}

#[test]
fn leaders_shortcut_matches_the_canned_query() {
    let canned = query(&["leaders", "--format", "csv"]);
    let shortcut = run_ok(
        zonekg()
            .args(["leaders", "--format", "csv", "--store"])
            .arg(store()),
    );
    assert_eq!(canned.stdout, shortcut.stdout);
    let some_year = run_ok(
        zonekg()
            .args(["leaders", "--at", "1999", "--format", "csv", "--store"])
            .arg(store()),
    );
    assert_eq!(
        String::from_utf8_lossy(&some_year.stdout).lines().count(),
        1
    );
}

#[test]
fn a_slow_query_is_cancelled_by_the_timeout() {
    let heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    store(); // built before the clock starts
    let started = std::time::Instant::now();
    let out = query(&[heavy, "--timeout", "0.5"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("timeout"));
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn a_missing_store_is_an_error_not_an_empty_answer() {
    let dir = temp_dir();
    let out = run(zonekg()
        .args(["query", "leaders", "--store"])
        .arg(dir.path().join("none")));
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("none").exists());
}
