//! `zonekg ingest` end to end: the seeds' leaders match `zonekg extract`, re-ingesting
//! changes nothing, an edited report replaces only its own graph, a failing report is
//! named and skipped, and a `kill -9` mid-batch leaves only whole reports.

mod common;
#[path = "../benches/support/synth.rs"]
mod synth;

use common::{run, run_ok, seed_files, seeds_dir, stdout_json, temp_dir, zonekg};
use oxigraph::io::{RdfFormat, RdfParser};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use zonekg::model::LEADING_TITLES;

fn ingest(store: &Path, inputs: &[&Path]) -> std::process::Output {
    let mut cmd = zonekg();
    cmd.arg("ingest").args(inputs).arg("--store").arg(store);
    run(&mut cmd)
}

/// (official, zone) pairs of `zonekg query leaders`.
fn leader_pairs(store: &Path) -> BTreeSet<(String, String)> {
    let out = run_ok(
        zonekg()
            .args(["query", "leaders", "--format", "json", "--store"])
            .arg(store),
    );
    let json = stdout_json(&out);
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["official"]["value"].as_str().unwrap().to_string(),
                b["zone"]["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The store's quads by graph, via an N-Quads export.
fn graphs(store: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let out = run_ok(
        zonekg()
            .args(["export", "--format", "nquads", "--store"])
            .arg(store),
    );
    let mut by_graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for q in RdfParser::from_format(RdfFormat::NQuads).for_slice(&out.stdout) {
        let q = q.unwrap();
        by_graph
            .entry(q.graph_name.to_string())
            .or_default()
            .insert(q.to_string());
    }
    by_graph
}

#[test]
fn seed_leaders_are_the_leading_posts_extract_gives() {
    let dir = temp_dir();
    let store = dir.path().join("store");
    let out = ingest(&store, &[&seeds_dir()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains(&format!("reports: {} in store", seed_files().len())),
        "{summary}"
    );

    let extracted = run_ok(
        zonekg()
            .arg("extract")
            .arg(seeds_dir())
            .args(["--format", "jsonl"]),
    );
    let mut expected = BTreeSet::new();
    for line in String::from_utf8_lossy(&extracted.stdout).lines() {
        let report: zonekg::Report = serde_json::from_str(line).unwrap();
        for o in &report.officials {
            for p in &o.posts {
                if let (true, Some(z)) = (LEADING_TITLES.contains(&p.title.as_str()), &p.zone) {
                    expected.insert((o.name.clone(), z.clone()));
                }
            }
        }
    }
    assert_eq!(leader_pairs(&store), expected);
}

#[test]
fn reingesting_changes_nothing_and_an_edit_replaces_only_its_graph() {
    let dir = temp_dir();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    for f in seed_files() {
        std::fs::copy(&f, reports.join(f.file_name().unwrap())).unwrap();
    }
    let store = dir.path().join("store");
    assert!(ingest(&store, &[&reports]).status.success());
    let first = graphs(&store);
    let out = ingest(&store, &[&reports]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 added, 0 replaced"));
    let second = graphs(&store);
    assert_eq!(
        first, second,
        "re-ingesting unchanged reports changed the store"
    );
    let count =
        |g: &BTreeMap<String, BTreeSet<String>>| g.values().map(BTreeSet::len).sum::<usize>();
    assert_eq!(count(&first), count(&second));

    // Edit one report: append a sentence that names nobody.
    let edited = seed_files()[0].file_name().unwrap().to_owned();
    let path = reports.join(&edited);
    let mut text = std::fs::read(&path).unwrap();
    text.extend_from_slice("\n会议还通报了其他事项。\n".as_bytes());
    std::fs::write(&path, text).unwrap();
    let out = ingest(&store, &[&reports]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 replaced"));
    let third = graphs(&store);
    let edited_graph =
        zonekg::rdf::iri::report(&std::fs::canonicalize(&path).unwrap().to_string_lossy())
            .to_string();
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        third.keys().collect::<Vec<_>>()
    );
    for (graph, quads) in &first {
        if *graph == edited_graph {
            assert_ne!(
                quads, &third[graph],
                "the edited report's graph did not change"
            );
        } else if !graph.contains("/graph/links") {
            assert_eq!(quads, &third[graph], "graph {graph} changed");
        }
    }
}

#[test]
fn a_failing_report_is_named_and_skipped() {
    let dir = temp_dir();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    std::fs::copy(&seed_files()[0], reports.join("good.txt")).unwrap();
    std::fs::write(
        reports.join("broken.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2, 0, 0],
    )
    .unwrap();
    let store = dir.path().join("store");
    let out = ingest(&store, &[&reports, &dir.path().join("missing.txt")]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines.iter().any(|l| l.contains("broken.txt")), "{stderr}");
    assert!(lines.iter().any(|l| l.contains("missing.txt")), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("reports: 1 in store"));
}

#[test]
fn fixture_reports_ingest() {
    let dir = temp_dir();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kg");
    let store = dir.path().join("store");
    let out = ingest(&store, &[&fixtures]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("reports: 3 in store"));
}

#[test]
fn kill_9_mid_ingest_leaves_only_whole_reports() {
    let dir = temp_dir();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let corpus = synth::corpus(4000, 11);
    for r in &corpus {
        std::fs::write(reports.join(&r.name), &r.text).unwrap();
    }
    let store = dir.path().join("store");
    let mut child = zonekg()
        .arg("ingest")
        .arg(&reports)
        .arg("--store")
        .arg(&store)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the first committed batch, then kill without warning.
    let started = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let n = zonekg::store::KgStore::open_read_only(&store)
            .and_then(|kg| kg.report_count())
            .unwrap_or(0);
        if n > 0 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "ingest ended before the kill"
        );
        assert!(started.elapsed().as_secs() < 300, "no batch committed");
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let kg = zonekg::store::KgStore::open(&store).expect("the store reopens after kill -9");
    let stored = kg.report_count().unwrap();
    assert!(
        stored > 0 && stored < corpus.len(),
        "{stored} reports stored"
    );
    // Every stored report graph is exactly what mapping that report gives.
    let mut checked = 0;
    for r in &corpus {
        let path = std::fs::canonicalize(reports.join(&r.name)).unwrap();
        let location = path.to_string_lossy().into_owned();
        let graph = zonekg::rdf::iri::report(&location);
        let in_store: BTreeSet<String> = kg
            .store()
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
            .map(|q| q.unwrap().to_string())
            .collect();
        if in_store.is_empty() {
            continue;
        }
        let report = zonekg::process(r.text.as_bytes(), &r.name).unwrap();
        let meta = zonekg::rdf::ReportMeta::for_bytes(location, r.text.as_bytes());
        let expected: BTreeSet<String> = zonekg::rdf::map_report(&report, &meta)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(in_store, expected, "{} is stored partially", r.name);
        checked += 1;
    }
    assert_eq!(checked, stored);
}

#[test]
fn the_leaders_table_after_ingest_is_cut_to_the_rows_asked_for() {
    let dir = temp_dir();
    let store = dir.path().join("store");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let out = run_ok(
        zonekg()
            .arg("ingest")
            .arg(&examples)
            .args(["--leaders-rows", "2", "--store"])
            .arg(&store),
    );
    let full = run_ok(
        zonekg()
            .args(["query", "leaders", "--format", "json", "--store"])
            .arg(&store),
    );
    let rows = stdout_json(&full)["results"]["bindings"]
        .as_array()
        .unwrap()
        .len();
    assert!(rows > 2, "the examples have more than two leading posts");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("(2 rows)"), "{stdout}");
    let footer = stdout.lines().last().unwrap();
    let expected = format!(
        "… and {} more ({rows} in all): `zonekg leaders` lists them",
        rows - 2
    );
    assert_eq!(footer, expected);
}
