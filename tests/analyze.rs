//! `zonekg analyze` and the graph exports, end to end: the fictional example reports are
//! ingested into a temporary store with the built binary; networkx reads the GraphML and
//! GEXF exports and recomputes PageRank, betweenness and modularity; Graphviz renders the
//! DOT. The same cross-checks also run on a hand-built graph, so they hold whatever the
//! extractors find in the examples.
//!
//! Needs python3 with networkx and Graphviz's `dot` (scripts/test installs them).

mod common;

use common::{run_ok, stdout_json, temp_dir, zonekg};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;
use zonekg::analyze::facts::{Facts, Holding, Meeting, Official, Sighting, Source, Zone};
use zonekg::analyze::graphfile::{self, GraphFormat};
use zonekg::analyze::{centrality, communities, graphs, KgGraph};
use zonekg::model::Role;

/// A store holding the example reports, built once for all tests.
static STORE: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = temp_dir();
    let store = dir.path().join("store");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    files.sort();
    // One report per run: the timeline needs 01 and 02 (same zone, two years); a report
    // the extractor cannot read must not keep the others out.
    for f in &files {
        let out = zonekg()
            .arg("ingest")
            .arg(f)
            .arg("--no-leaders")
            .arg("--store")
            .arg(&store)
            .output()
            .unwrap();
        let name = f.file_name().unwrap().to_string_lossy();
        if name.starts_with("01_") || name.starts_with("02_") {
            assert!(
                out.status.success(),
                "ingest {name}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    (dir, store)
});

fn analyze(args: &[&str]) -> Value {
    let mut cmd = zonekg();
    cmd.arg("analyze")
        .args(args)
        .arg("--store")
        .arg(&STORE.1)
        .args(["--format", "json"]);
    stdout_json(&run_ok(&mut cmd))
}

fn export(graph: &str, format: &str, out: &Path) {
    run_ok(
        zonekg()
            .args(["export", "--format", format, "--graph", graph])
            .arg("--out")
            .arg(out)
            .arg("--store")
            .arg(&STORE.1),
    );
}

/// Runs a Python script (networkx) with arguments; returns its stdout as JSON.
fn python(script: &str, args: &[&Path]) -> Value {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 must be installed (with networkx)");
    assert!(
        out.status.success(),
        "python3 failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Reads a graph file with networkx; prints its counts, PageRank and betweenness (keyed by
/// the `iri` attribute) and the modularity of the communities given as JSON in argv[2].
const NETWORKX: &str = r#"
import json, sys
import networkx as nx
path = sys.argv[1]
g = nx.read_graphml(path) if path.endswith(".graphml") else nx.read_gexf(path)
iri = {n: d["iri"] for n, d in g.nodes(data=True)}
try:
    pr = nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=100000, weight="weight")
except ImportError:  # nx.pagerank needs numpy and scipy; this is networkx's pure-Python one
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
    pr = _pagerank_python(g, alpha=0.85, tol=1e-13, max_iter=100000, weight="weight")
bc = nx.betweenness_centrality(g, normalized=True)
out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(),
       "pagerank": {iri[n]: v for n, v in pr.items()},
       "betweenness": {iri[n]: v for n, v in bc.items()}}
if len(sys.argv) > 2:
    groups = json.load(open(sys.argv[2]))
    by_iri = {v: k for k, v in iri.items()}
    parts = [{by_iri[m] for m in grp} for grp in groups]
    out["modularity"] = nx.community.modularity(g, parts, weight="weight") if g.number_of_edges() else 0.0
print(json.dumps(out))
"#;

/// Top five by value, ties by key, values rounded so float noise cannot reorder ties.
fn top5(scores: &[(String, f64)]) -> Vec<String> {
    let mut v: Vec<(i64, &String)> = scores
        .iter()
        .map(|(k, x)| (-(x * 1e9).round() as i64, k))
        .collect();
    v.sort();
    v.into_iter().take(5).map(|(_, k)| k.clone()).collect()
}

/// PageRank and betweenness from `ours` (iri, pagerank, betweenness) against networkx.
fn assert_agrees(ours: &[(String, f64, f64)], nx: &Value) {
    for (name, col) in [("pagerank", 1), ("betweenness", 2)] {
        let mine: Vec<(String, f64)> = ours
            .iter()
            .map(|r| (r.0.clone(), if col == 1 { r.1 } else { r.2 }))
            .collect();
        let theirs: Vec<(String, f64)> = nx[name]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_f64().unwrap()))
            .collect();
        assert_eq!(mine.len(), theirs.len());
        for (k, v) in &mine {
            let t = theirs
                .iter()
                .find(|(tk, _)| tk == k)
                .unwrap_or_else(|| panic!("{k} not in networkx"))
                .1;
            assert!(
                (v - t).abs() < 1e-6,
                "{name} of {k}: ours {v}, networkx {t}"
            );
        }
        assert_eq!(top5(&mine), top5(&theirs), "{name} top 5");
    }
}

#[test]
fn exports_open_in_networkx_and_graphviz_with_the_reported_counts() {
    let dir = temp_dir();
    for graph in ["leadership", "meetings", "zones"] {
        let head = analyze(&["centrality", "--graph", graph]);
        let (nodes, edges) = (
            head["nodes"].as_u64().unwrap(),
            head["edges"].as_u64().unwrap(),
        );
        assert_eq!(head["scores"].as_array().unwrap().len() as u64, nodes);
        for format in ["graphml", "gexf"] {
            let file = dir.path().join(format!("{graph}.{format}"));
            export(graph, format, &file);
            let nx = python(NETWORKX, &[&file]);
            assert_eq!(nx["nodes"].as_u64(), Some(nodes), "{graph}.{format} nodes");
            assert_eq!(nx["edges"].as_u64(), Some(edges), "{graph}.{format} edges");
            assert_eq!(nx["directed"], Value::Bool(false));
        }
        let dot = dir.path().join(format!("{graph}.dot"));
        export(graph, "dot", &dot);
        let svg = Command::new("dot")
            .arg("-Tsvg")
            .arg(&dot)
            .output()
            .expect("graphviz `dot` must be installed");
        assert!(
            svg.status.success(),
            "dot: {}",
            String::from_utf8_lossy(&svg.stderr)
        );
        let svg = String::from_utf8(svg.stdout).unwrap();
        assert!(svg.contains("<svg"));
        assert_eq!(svg.matches("class=\"node\"").count() as u64, nodes);
        assert_eq!(svg.matches("class=\"edge\"").count() as u64, edges);

        let csv = dir.path().join(format!("{graph}-csv"));
        export(graph, "csv", &csv);
        let lines = |f: &str| {
            std::fs::read_to_string(csv.join(f))
                .unwrap()
                .lines()
                .count() as u64
        };
        assert_eq!(lines("nodes.csv"), nodes + 1);
        assert_eq!(lines("edges.csv"), edges + 1);
    }
    // The examples name leaders, so the leadership graph is not empty.
    let head = analyze(&["centrality"]);
    assert!(head["edges"].as_u64().unwrap() > 0);
}

#[test]
fn pagerank_betweenness_and_modularity_agree_with_networkx_on_the_examples() {
    let dir = temp_dir();
    for graph in ["leadership", "meetings"] {
        let ours = analyze(&["centrality", "--graph", graph]);
        let rows: Vec<(String, f64, f64)> = ours["scores"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["iri"].as_str().unwrap().to_string(),
                    s["pagerank"].as_f64().unwrap(),
                    s["betweenness"].as_f64().unwrap(),
                )
            })
            .collect();
        assert!(!rows.is_empty(), "{graph} graph is empty");
        let file = dir.path().join(format!("{graph}.graphml"));
        export(graph, "graphml", &file);

        // Communities are printed by label; map them to IRIs for networkx.
        let comm = analyze(&["communities", "--graph", graph]);
        let label_iri: std::collections::HashMap<String, String> = {
            let facts_graph = python(
                "import json,sys,networkx as nx; g=nx.read_graphml(sys.argv[1]); print(json.dumps({d['label']: d['iri'] for _, d in g.nodes(data=True)}))",
                &[&file],
            );
            facts_graph
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
                .collect()
        };
        let groups: Vec<Vec<String>> = comm["communities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                g["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| label_iri[m.as_str().unwrap()].clone())
                    .collect()
            })
            .collect();
        let groups_file = dir.path().join(format!("{graph}-groups.json"));
        std::fs::write(&groups_file, serde_json::to_string(&groups).unwrap()).unwrap();

        let nx = python(NETWORKX, &[&file, &groups_file]);
        assert_agrees(&rows, &nx);
        let q = comm["modularity"].as_f64().unwrap();
        assert!(
            (q - nx["modularity"].as_f64().unwrap()).abs() < 1e-9,
            "modularity {q} vs {}",
            nx["modularity"]
        );
    }
}

#[test]
fn timeline_matches_a_goal_with_the_result_reported_a_year_later() {
    let t = analyze(&["timeline", "--zone", "岚溪高新区"]);
    let goals = t["goals"].as_array().unwrap();
    let matched: Vec<&Value> = goals
        .iter()
        .filter(|g| {
            g["achievement"].is_object()
                && g["goal"]["source"]["report"]
                    .as_str()
                    .unwrap()
                    .starts_with("01_")
                && g["achievement"]["source"]["report"]
                    .as_str()
                    .unwrap()
                    .starts_with("02_")
        })
        .collect();
    assert!(
        !matched.is_empty(),
        "no 2024 goal of report 01 met its result in report 02: {t:#}"
    );
    for g in &matched {
        assert_eq!(g["year"], g["achievement"]["year"]);
        assert!(["met", "missed", "unknown"].contains(&g["verdict"].as_str().unwrap()));
        assert!(!g["reason"].as_str().unwrap().is_empty());
    }
    assert!(matched
        .iter()
        .any(|g| g["verdict"] == "met" || g["verdict"] == "missed"));
    // The party secretary is seen in both years.
    let posts = t["posts"].as_array().unwrap();
    assert!(posts.iter().any(|p| p["holders"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["first_seen"] != h["last_seen"] && h["first_seen"].is_string())));
    // The default table names both.
    let mut cmd = zonekg();
    cmd.args(["analyze", "timeline", "--zone", "岚溪高新区", "--store"])
        .arg(&STORE.1);
    let text = String::from_utf8(run_ok(&mut cmd).stdout).unwrap();
    assert!(text.contains("verdict") && text.contains("first_seen"));
}

#[test]
fn path_explains_a_two_hop_chain_across_two_reports() {
    // Officials of the same zone named in different years' reports, never in one meeting.
    let p = analyze(&["path", "韦清和", "苗若冰"]);
    let hops = p["hops"].as_array().unwrap();
    assert_eq!(hops.len(), 2, "{p:#}");
    assert_eq!(hops[0]["from"], "韦清和");
    assert_eq!(hops[1]["to"], "苗若冰");
    for h in hops {
        assert!(["post", "meeting"].contains(&h["kind"].as_str().unwrap()));
        assert!(!h["via"].as_str().unwrap().is_empty());
        assert!(!h["dates"].as_array().unwrap().is_empty());
        assert!(h["source"]["sentence"]
            .as_str()
            .is_some_and(|s| !s.is_empty()));
    }
    let reports: std::collections::BTreeSet<&str> = hops
        .iter()
        .map(|h| h["source"]["report"].as_str().unwrap())
        .collect();
    assert_eq!(reports.len(), 2, "the chain spans both years' reports");
}

#[test]
fn unknown_names_fail_and_every_command_prints_a_table() {
    let mut cmd = zonekg();
    cmd.args(["analyze", "path", "无此人", "韦清和", "--store"])
        .arg(&STORE.1);
    let out = cmd.output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("无此人"));
    for args in [
        vec!["centrality", "--top", "3"],
        vec!["communities"],
        vec!["bridges"],
    ] {
        let mut cmd = zonekg();
        cmd.arg("analyze").args(&args).arg("--store").arg(&STORE.1);
        let table = String::from_utf8(run_ok(&mut cmd).stdout).unwrap();
        assert!(table.contains("----"), "{args:?}: {table}");
        let mut cmd = zonekg();
        cmd.arg("analyze")
            .args(&args)
            .args(["--format", "csv", "--store"])
            .arg(&STORE.1);
        let csv = String::from_utf8(run_ok(&mut cmd).stdout).unwrap();
        assert!(csv.lines().next().unwrap().contains(','), "{args:?}: {csv}");
    }
}

/// A fictional graph of 24 officials in 5 zones and 12 meetings, made without extraction.
fn hand_built() -> Facts {
    let mut f = Facts::default();
    let zones = [
        "青禾高新区",
        "石川经开区",
        "云岭工业园区",
        "桐溪新区",
        "北岸高新区",
    ];
    for (i, z) in zones.iter().enumerate() {
        f.zones.insert(
            format!("z{i}"),
            Zone {
                name: z.to_string(),
                ..Zone::default()
            },
        );
    }
    let given = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地";
    for (i, c) in given.chars().enumerate() {
        f.officials.insert(
            format!("p{i:02}"),
            Official {
                name: format!("林{c}"),
                zone: Some(format!("z{}", i % 5)),
            },
        );
        let seen = vec![Sighting {
            date: Some(format!("2024-0{}-01", 1 + i % 9)),
            source: Source {
                report: format!("r{i}.txt"),
                sentence: Some("虚构句子。".into()),
                ..Source::default()
            },
        }];
        let titles = ["党工委书记", "管委会主任", "副主任"];
        f.holdings.push(Holding {
            person: format!("p{i:02}"),
            zone: Some(format!("z{}", i % 5)),
            title: titles[i % 3].into(),
            organization: None,
            leading: i % 3 < 2,
            seen: seen.clone(),
        });
        // Every seventh official also holds a post in the next zone: zone links.
        if i % 7 == 0 {
            f.holdings.push(Holding {
                person: format!("p{i:02}"),
                zone: Some(format!("z{}", (i + 1) % 5)),
                title: "副书记".into(),
                organization: None,
                leading: false,
                seen,
            });
        }
    }
    for m in 0..12usize {
        let people: std::collections::BTreeSet<usize> =
            [m, (m * 5 + 3) % 24, (m * 7 + 1) % 24, (m * 11) % 24]
                .into_iter()
                .collect();
        f.meetings.push(Meeting {
            key: format!("m{m}"),
            name: Some(format!("第{m}次虚构会议")),
            date: Some(format!("2024-1{}-0{}", m % 3, 1 + m % 9)),
            zone: Some(format!("z{}", m % 5)),
            participants: people
                .into_iter()
                .map(|p| (format!("p{p:02}"), Role::Attendee))
                .collect(),
            source: Source::default(),
        });
    }
    f
}

#[test]
fn hand_built_graphs_agree_with_networkx() {
    let facts = hand_built();
    let dir = temp_dir();
    for (name, g) in [
        ("leadership", graphs::leadership(&facts)),
        ("meetings", graphs::meetings(&facts)),
        ("zones", graphs::zones(&facts)),
    ] {
        let g: KgGraph = g;
        assert!(g.edge_count() > 0, "{name}");
        let file = dir.path().join(format!("{name}.graphml"));
        graphfile::export(&g, name, GraphFormat::GraphMl, Some(&file)).unwrap();
        let partition = communities::louvain(&g);
        let mut groups: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
        for n in g.node_indices() {
            groups
                .entry(partition[n.index()])
                .or_default()
                .push(g[n].key.clone());
        }
        let groups_file = dir.path().join(format!("{name}-groups.json"));
        let groups: Vec<Vec<String>> = groups.into_values().collect();
        std::fs::write(&groups_file, serde_json::to_string(&groups).unwrap()).unwrap();
        let nx = python(NETWORKX, &[&file, &groups_file]);
        assert_eq!(nx["nodes"].as_u64(), Some(g.node_count() as u64));
        assert_eq!(nx["edges"].as_u64(), Some(g.edge_count() as u64));
        let rows: Vec<(String, f64, f64)> = centrality::centrality(&g)
            .into_iter()
            .map(|s| (s.iri, s.pagerank, s.betweenness))
            .collect();
        assert_agrees(&rows, &nx);
        let q = communities::modularity(&g, &partition);
        assert!(
            (q - nx["modularity"].as_f64().unwrap()).abs() < 1e-9,
            "{name} modularity"
        );
        if g.edge_count() > 5 {
            assert!(
                q > 0.0,
                "{name}: Louvain should find structure, modularity {q}"
            );
        }

        let gexf = dir.path().join(format!("{name}.gexf"));
        graphfile::export(&g, name, GraphFormat::Gexf, Some(&gexf)).unwrap();
        let nx = python(NETWORKX, &[&gexf]);
        assert_eq!(nx["edges"].as_u64(), Some(g.edge_count() as u64));
    }
}
