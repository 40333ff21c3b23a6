//! Reports from URLs: `extract`, `ingest` and `fetch` against a web site served on
//! loopback by the test process (tests/common/web.rs): pages in UTF-8 and GBK (declared
//! in the header only, or in `<meta>` only), a redirect chain and loop, a 404, a 500 and
//! a 429 before success, a body over the cap, a server that never answers.

mod common;

use common::web::{self, paths, start_site, Bodies, FETCH_FLAGS};
use common::{run, run_ok, temp_dir, zonekg};
use serde_json::Value;
use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Report JSON objects printed one a line, by their `source`.
fn reports_by_source(stdout: &[u8]) -> std::collections::BTreeMap<String, Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .map(|r| (r["source"].as_str().unwrap().to_string(), r))
        .collect()
}

/// A report without its `source` (the one thing a URL and a file differ in).
fn facts(report: &Value) -> Value {
    let mut r = report.clone();
    r.as_object_mut().unwrap().remove("source");
    r
}

/// Facts without evidence (raw byte offsets differ between encodings of one text).
fn without_evidence(v: &Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.iter()
                .filter(|(k, _)| k.as_str() != "evidence" && k.as_str() != "source")
                .map(|(k, v)| (k.clone(), without_evidence(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(without_evidence).collect()),
        other => other.clone(),
    }
}

fn extract_files(files: &[&Path]) -> std::collections::BTreeMap<String, Value> {
    let out = run_ok(
        zonekg()
            .arg("extract")
            .args(files)
            .args(["--format", "jsonl"]),
    );
    reports_by_source(&out.stdout)
}

#[test]
fn every_failure_is_named_with_its_reason_and_the_batch_goes_on() {
    let (site, log) = start_site();
    let all = [
        paths::UTF8,
        paths::GBK_HEADER,
        paths::GBK_META,
        paths::CHAIN,
        paths::LOOP,
        paths::MISSING,
        paths::FLAKY,
        paths::BUSY,
        paths::HUGE,
        paths::SILENT,
    ];
    let urls: Vec<String> = all.iter().map(|p| site.url(p)).collect();
    let out = run(zonekg()
        .arg("extract")
        .args(&urls)
        .args(["--format", "jsonl"])
        .args(FETCH_FLAGS));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr:\n{stderr}");
    let failures: Vec<&str> = stderr.lines().collect();
    let expect_failure = |path: &str, reason: &str| {
        let url = site.url(path);
        assert!(
            failures
                .iter()
                .any(|l| l.contains(&format!("{url}:")) && l.contains(reason)),
            "{url} should fail with `{reason}`; stderr:\n{stderr}"
        );
    };
    expect_failure(paths::LOOP, "redirect loop");
    expect_failure(paths::MISSING, "HTTP 404");
    expect_failure(paths::HUGE, "larger than the 524288-byte cap");
    expect_failure(paths::SILENT, "timed out");
    assert_eq!(failures.len(), 4, "only the four bad URLs fail:\n{stderr}");

    let reports = reports_by_source(&out.stdout);
    let sources: Vec<&String> = reports.keys().collect();
    let mut expected = [
        site.url(paths::UTF8),
        site.url(paths::GBK_HEADER),
        site.url(paths::GBK_META),
        site.url(paths::CHAIN_FINAL),
        site.url(paths::FLAKY),
        site.url(paths::BUSY),
    ];
    expected.sort();
    assert_eq!(
        sources,
        expected.iter().collect::<Vec<_>>(),
        "a report's source is its final URL"
    );
    for (source, report) in &reports {
        assert!(
            !report["officials"].as_array().unwrap().is_empty(),
            "{source}: no officials"
        );
    }

    // the 500 and the 429 were retried; the 429's Retry-After (1 s) was honoured over
    // the 0.05 s backoff
    assert_eq!(log.hits(paths::FLAKY).len(), 2);
    let busy = log.hits(paths::BUSY);
    assert_eq!(busy.len(), 2);
    assert!(busy[1].0 - busy[0].0 >= Duration::from_millis(950));
    // the silent server was asked twice (one retry), each time for the read timeout
    assert_eq!(log.hits(paths::SILENT).len(), 2);
    // the loop was stopped when it came back, not after --max-redirects
    assert!(log.hits(paths::LOOP).len() <= 2);
    // every request named zonekg
    let ua = log.hits(paths::UTF8)[0].1.clone().unwrap_or_default();
    assert!(ua.starts_with("zonekg/"), "{ua}");
}

#[test]
fn facts_from_pages_equal_facts_from_the_same_files_on_disk() {
    let (site, _log) = start_site();
    let dir = temp_dir();
    let bodies = Bodies::served();
    // the very bytes served, as files (no header: the GBK page is found by detection)
    let on_disk = [
        (paths::UTF8, "heyang.txt", &bodies.utf8),
        (paths::GBK_HEADER, "songtan.html", &bodies.gbk_header),
        (paths::GBK_META, "qiaoshan.html", &bodies.gbk_meta),
    ];
    for (_, name, bytes) in &on_disk {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let urls: Vec<String> = on_disk.iter().map(|(p, ..)| site.url(p)).collect();
    let out = run_ok(
        zonekg()
            .arg("extract")
            .args(&urls)
            .args(["--format", "jsonl"])
            .args(FETCH_FLAGS),
    );
    let from_web = reports_by_source(&out.stdout);
    let files: Vec<_> = on_disk.iter().map(|(_, n, _)| dir.path().join(n)).collect();
    let from_disk = extract_files(&files.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    let originals = [
        web::fixture("web01_heyang_hitech_conference.txt"),
        web::fixture("web02_songtan_edz_summary.html"),
        web::fixture("web03_qiaoshan_district_meeting.html"),
    ];
    let from_originals = extract_files(&originals.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    for (i, (path, name, _)) in on_disk.iter().enumerate() {
        let web = &from_web[&site.url(path)];
        let disk = &from_disk[*name];
        assert_eq!(facts(web), facts(disk), "{path} and {name} differ");
        let original = originals[i].file_name().unwrap().to_str().unwrap();
        assert_eq!(
            without_evidence(web),
            without_evidence(&from_originals[original]),
            "{path} read otherwise than its UTF-8 original {original}"
        );
        assert!(web["achievements"]
            .as_array()
            .is_some_and(|a| !a.is_empty()));
    }
}

#[test]
fn saved_pages_keep_their_url_and_header_charset() {
    let (site, _log) = start_site();
    let dir = temp_dir();
    let list = dir.path().join("urls.txt");
    std::fs::write(
        &list,
        format!(
            "# reports to keep\n{}\n\n{}\n",
            site.url(paths::CHAIN),
            site.url(paths::UTF8)
        ),
    )
    .unwrap();
    let saved = dir.path().join("saved");
    let out = run(zonekg()
        .arg("fetch")
        .arg(site.url(paths::GBK_HEADER))
        .arg(site.url(paths::MISSING))
        .arg("--urls")
        .arg(&list)
        .arg("--out-dir")
        .arg(&saved)
        .args(FETCH_FLAGS));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the 404 fails the run: {stderr}"
    );
    assert!(stderr.contains(&site.url(paths::MISSING)), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("charset GBK from the header"), "{stdout}");

    // a sidecar per page, with the final URL and the header's charset
    let mut sidecars: Vec<Value> = std::fs::read_dir(&saved)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".fetch.json"))
        .map(|p| common::read_json(&p))
        .collect();
    sidecars.sort_by_key(|s| s["url"].as_str().unwrap().to_string());
    assert_eq!(sidecars.len(), 3);
    let moved = sidecars
        .iter()
        .find(|s| s["requested"] == site.url(paths::CHAIN))
        .unwrap();
    assert_eq!(moved["url"], site.url(paths::CHAIN_FINAL));
    assert_eq!(moved["charset"], "gbk");

    // read back, the saved pages are the pages: same sources, same facts
    let from_saved = reports_by_source(
        &run_ok(
            zonekg()
                .arg("extract")
                .arg(&saved)
                .args(["--format", "jsonl"]),
        )
        .stdout,
    );
    let urls = [
        site.url(paths::GBK_HEADER),
        site.url(paths::CHAIN),
        site.url(paths::UTF8),
    ];
    let from_web = reports_by_source(
        &run_ok(
            zonekg()
                .arg("extract")
                .args(urls)
                .args(["--format", "jsonl"])
                .args(FETCH_FLAGS),
        )
        .stdout,
    );
    assert_eq!(from_saved, from_web);
}

/// Counts of the summary line `reports: N in store (A added, R replaced, U unchanged, F failed)`.
fn summary(stdout: &[u8]) -> String {
    String::from_utf8_lossy(stdout)
        .lines()
        .find(|l| l.starts_with("reports:"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn ingested_pages_are_located_at_their_final_url_and_unchanged_pages_change_nothing() {
    let (site, log) = start_site();
    let dir = temp_dir();
    let store = dir.path().join("store");
    let urls = [
        site.url(paths::UTF8),
        site.url(paths::CHAIN),
        site.url(paths::GBK_META),
    ];
    let ingest = |extra: &[String]| {
        run(zonekg()
            .arg("ingest")
            .args(urls.iter().chain(extra))
            .arg("--store")
            .arg(&store)
            .arg("--no-leaders")
            .args(FETCH_FLAGS))
    };
    let first = ingest(&[site.url(paths::MISSING)]);
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert_eq!(first.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{}: HTTP 404", site.url(paths::MISSING))),
        "{stderr}"
    );
    assert_eq!(
        summary(&first.stdout),
        "reports: 3 in store (3 added, 0 replaced, 0 unchanged, 1 failed)"
    );
    let locations = run_ok(
        zonekg()
            .arg("query")
            .arg("SELECT ?l WHERE { GRAPH ?g { ?g zk:location ?l } } ORDER BY ?l")
            .args(["--format", "csv", "--store"])
            .arg(&store),
    );
    let locations = String::from_utf8_lossy(&locations.stdout);
    assert!(
        locations.contains(&site.url(paths::CHAIN_FINAL)),
        "{locations}"
    );
    assert!(!locations.contains(&site.url(paths::CHAIN)), "{locations}");
    let quads = |out: &std::process::Output| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find(|l| l.starts_with("quads:"))
            .unwrap_or_default()
            .split(" in store")
            .next()
            .unwrap()
            .to_string()
    };

    // again: the page with an ETag is asked conditionally and answers 304; the others
    // come back the same and their hash says so
    let second = ingest(&[]);
    assert!(second.status.success());
    assert_eq!(
        summary(&second.stdout),
        "reports: 3 in store (0 added, 0 replaced, 3 unchanged, 0 failed)"
    );
    assert_eq!(log.not_modified.load(Ordering::SeqCst), 1);
    assert_eq!(quads(&second), quads(&first));

    // pages saved by `fetch` and ingested from disk are the same reports
    let saved = dir.path().join("saved");
    run_ok(
        zonekg()
            .arg("fetch")
            .args(urls)
            .arg("--out-dir")
            .arg(&saved)
            .args(FETCH_FLAGS),
    );
    let third = run_ok(
        zonekg()
            .arg("ingest")
            .arg(&saved)
            .arg("--store")
            .arg(&store)
            .arg("--no-leaders"),
    );
    assert_eq!(
        summary(&third.stdout),
        "reports: 3 in store (0 added, 0 replaced, 3 unchanged, 0 failed)"
    );
}

#[test]
fn other_schemes_are_refused_and_named() {
    let out = run(zonekg()
        .arg("extract")
        .arg("ftp://example.org/report.txt")
        .arg(web::fixture("web01_heyang_hitech_conference.txt")));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ftp://example.org/report.txt: only http:// and https:// URLs"),
        "{stderr}"
    );
    assert!(common::stdout_json(&out)[0]["officials"].is_array());
}
