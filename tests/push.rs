//! `zonekg push` and `zonekg query --endpoint` against real stores started on loopback
//! (tests/common/stores.rs): after a push the remote store holds the local quads,
//! graph by graph; a second push sends nothing; a changed report replaces only its
//! graph; the canned queries give the same rows remotely as locally.

mod common;

use common::stores::{start_oxigraph, start_virtuoso, RunningStore};
use common::{run_ok, temp_dir, zonekg};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const PER_GRAPH: &str = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } \
     FILTER(STRSTARTS(STR(?g), \"https://w3id.org/zonekg/\")) } GROUP BY ?g";

/// Quads per zonekg graph, from `zonekg query` on the local store or an endpoint.
fn per_graph(store: &Path, endpoint: Option<&str>) -> BTreeMap<String, u64> {
    let mut cmd = zonekg();
    cmd.arg("query")
        .arg(PER_GRAPH)
        .args(["--format", "tsv", "--store"])
        .arg(store);
    if let Some(e) = endpoint {
        cmd.args(["--endpoint", e]);
    }
    let out = run_ok(&mut cmd);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .map(|l| {
            let (g, n) = l.split_once('\t').expect("two columns");
            let n = n.split("^^").next().unwrap().trim_matches('"');
            (g.trim_matches(['<', '>']).to_string(), n.parse().unwrap())
        })
        .collect()
}

/// The plan line of `zonekg push`: how many graphs it sends.
fn to_push(stdout: &[u8]) -> usize {
    let text = String::from_utf8_lossy(stdout);
    let line = text
        .lines()
        .find(|l| l.contains(" to push"))
        .unwrap_or_else(|| panic!("no plan line in:\n{text}"));
    line.split(": ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

fn push(store: &Path, remote: &RunningStore) -> std::process::Output {
    run_ok(
        zonekg()
            .arg("push")
            .args(["--graph-store", &remote.graph_store])
            .args(["--endpoint", &remote.endpoint])
            .arg("--store")
            .arg(store),
    )
}

fn query(store: &Path, args: &[&str], endpoint: Option<&str>) -> String {
    let mut cmd = zonekg();
    cmd.args(args).arg("--store").arg(store);
    if let Some(e) = endpoint {
        cmd.args(["--endpoint", e]);
    }
    String::from_utf8_lossy(&run_ok(&mut cmd).stdout).into_owned()
}

/// The fictional fixtures (copied, so one can change) and the seeds, ingested.
fn local_store(dir: &Path) -> (PathBuf, PathBuf) {
    let reports = dir.join("reports");
    std::fs::create_dir(&reports).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kg");
    for f in common::files_with_extension(&fixtures, "txt") {
        std::fs::copy(&f, reports.join(f.file_name().unwrap())).unwrap();
    }
    let store = dir.join("store");
    run_ok(
        zonekg()
            .arg("ingest")
            .arg(common::seeds_dir())
            .arg(&reports)
            .arg("--no-leaders")
            .arg("--store")
            .arg(&store),
    );
    (store, reports)
}

/// Pushes, re-pushes, changes a report and pushes again, checking the remote store and
/// the canned queries (`queries`, beside `leaders`) against the local store each time.
fn round_trip(remote: RunningStore, queries: &[&[&str]]) {
    let dir = temp_dir();
    let (store, reports) = local_store(dir.path());
    let local = per_graph(&store, None);
    assert!(local.len() > 5, "{local:?}");

    // first push: everything, and the remote store holds what the local one does
    let first = push(&store, &remote);
    assert_eq!(to_push(&first.stdout), local.len());
    let stdout = String::from_utf8_lossy(&first.stdout);
    let local_total: u64 = local.values().sum();
    assert!(
        stdout.contains(&format!("remote: {local_total} quads in zonekg's graphs")),
        "{}: {stdout}",
        remote.name
    );
    assert_eq!(
        per_graph(&store, Some(&remote.endpoint)),
        local,
        "{}",
        remote.name
    );

    // second push: nothing to send
    let second = push(&store, &remote);
    assert_eq!(to_push(&second.stdout), 0, "{}", remote.name);

    // the same canned queries, the same rows
    let leaders: &[&[&str]] = &[
        &["leaders"],
        &["leaders", "--zone", "青禾高新区", "--at", "2024"],
    ];
    for args in leaders.iter().chain(queries) {
        let here = query(&store, args, None);
        let there = query(&store, args, Some(&remote.endpoint));
        assert!(here.lines().count() > 3, "{args:?} gave nothing:\n{here}");
        assert_eq!(there, here, "{}: {args:?}", remote.name);
    }

    // a changed report: its graph (and the links graph, if the links changed) goes again,
    // and replaces the old one
    let changed = reports.join("shichuan_2024.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n会议还明确，2024年石川经开区新签约亿元以上项目力争达到36个。\n");
    std::fs::write(&changed, text).unwrap();
    run_ok(
        zonekg()
            .arg("ingest")
            .arg(&reports)
            .arg("--no-leaders")
            .arg("--store")
            .arg(&store),
    );
    let after = per_graph(&store, None);
    let differing: Vec<&String> = after
        .keys()
        .filter(|g| local.get(*g) != after.get(*g))
        .collect();
    assert!(!differing.is_empty());
    let third = push(&store, &remote);
    let sent = to_push(&third.stdout);
    assert!(
        (1..=2).contains(&sent),
        "{}: only the report's graph and the links graph may go; {sent} went",
        remote.name
    );
    assert_eq!(
        per_graph(&store, Some(&remote.endpoint)),
        after,
        "{}",
        remote.name
    );
    let leaders = query(&store, &["leaders"], None);
    assert_eq!(query(&store, &["leaders"], Some(&remote.endpoint)), leaders);
}

const CANNED: &[&[&str]] = &[
    &["query", "zone", "--param", "zone=石川经开区"],
    &["query", "goals", "--param", "zone=青禾高新区"],
    &["query", "duplicates"],
];

#[test]
fn push_to_oxigraph_server() {
    let mut queries = CANNED.to_vec();
    queries.extend([&["query", "officials"][..], &["query", "meetings"]]);
    round_trip(start_oxigraph(), &queries);
}

/// Virtuoso 7.2 turns a non-ASCII GROUP_CONCAT separator (`、`) into `?`, so the two
/// canned queries that join lists with one (officials, meetings) differ there.
#[test]
fn push_to_virtuoso() {
    round_trip(start_virtuoso(), CANNED);
}

#[test]
fn a_failing_store_is_named_and_the_push_exits_1() {
    let dir = temp_dir();
    let (store, _) = local_store(dir.path());
    // a port nobody listens on
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = common::run(
        zonekg()
            .arg("push")
            .args(["--graph-store", &format!("http://127.0.0.1:{port}/store")])
            .args(["--remote-retries", "1"])
            .arg("--store")
            .arg(&store),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("https://w3id.org/zonekg/"), "{stderr}");
    // nothing was recorded as pushed
    let state: serde_json::Value = common::read_json(&store.join("zonekg-push.json"));
    let recorded = &state["stores"][format!("http://127.0.0.1:{port}/store")];
    assert!(recorded.as_object().is_none_or(|o| o.is_empty()), "{state}");
}
