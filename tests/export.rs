//! `zonekg export`: every format parses back, with oxigraph and with Python's rdflib, to
//! the number of quads (dataset formats) or distinct triples (triple formats) in the store.

mod common;

use common::{run, run_ok, temp_dir, zonekg};
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfParser};
use std::collections::HashSet;
use std::path::Path;
use zonekg::store::KgStore;

const FORMATS: &[(&str, bool)] = &[
    ("turtle", false),
    ("trig", true),
    ("ntriples", false),
    ("nquads", true),
    ("rdfxml", false),
    ("jsonld", true),
];

fn oxigraph_format(name: &str) -> RdfFormat {
    match name {
        "turtle" => RdfFormat::Turtle,
        "trig" => RdfFormat::TriG,
        "ntriples" => RdfFormat::NTriples,
        "nquads" => RdfFormat::NQuads,
        "rdfxml" => RdfFormat::RdfXml,
        "jsonld" => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        _ => unreachable!(),
    }
}

/// rdflib's count of statements in `file`: quads for datasets, triples otherwise.
fn rdflib_count(file: &Path, format: &str, dataset: bool) -> usize {
    let have = run(std::process::Command::new("python3").args(["-c", "import rdflib"]));
    if !have.status.success() {
        run_ok(
            std::process::Command::new("python3").args(["-m", "pip", "install", "-q", "rdflib"]),
        );
    }
    let rdflib_format = match format {
        "turtle" => "turtle",
        "trig" => "trig",
        "ntriples" => "nt",
        "nquads" => "nquads",
        "rdfxml" => "xml",
        "jsonld" => "json-ld",
        _ => unreachable!(),
    };
    let script = if dataset {
        "import sys, rdflib\nd = rdflib.Dataset()\nd.parse(sys.argv[1], format=sys.argv[2])\nprint(sum(len(g) for g in d.graphs()))"
    } else {
        "import sys, rdflib\ng = rdflib.Graph()\ng.parse(sys.argv[1], format=sys.argv[2])\nprint(len(g))"
    };
    let out = run_ok(
        std::process::Command::new("python3")
            .args(["-c", script])
            .arg(file)
            .arg(rdflib_format),
    );
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

fn oxigraph_count(file: &Path, format: &str) -> usize {
    let bytes = std::fs::read(file).unwrap();
    RdfParser::from_format(oxigraph_format(format))
        .for_slice(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .expect("the export parses back")
        .len()
}

fn build_store(dir: &Path) -> std::path::PathBuf {
    let store = dir.join("store");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kg");
    run_ok(
        zonekg()
            .arg("ingest")
            .arg(common::seeds_dir())
            .arg(fixtures)
            .arg("--store")
            .arg(&store),
    );
    store
}

#[test]
fn every_format_parses_back_to_the_same_count() {
    let dir = temp_dir();
    let store = build_store(dir.path());
    let (quads, triples, report_quads, report) = {
        let kg = KgStore::open_read_only(&store).unwrap();
        let all: Vec<_> = kg.store().iter().map(|q| q.unwrap()).collect();
        let triples: HashSet<String> = all
            .iter()
            .map(|q| format!("{} {} {}", q.subject, q.predicate, q.object))
            .collect();
        let report = zonekg::export::find_report(&kg, "qinghe_2023.txt").unwrap();
        let report_quads = all
            .iter()
            .filter(|q| q.graph_name == report.clone().into())
            .count();
        (all.len(), triples.len(), report_quads, report)
    };
    assert!(
        triples < quads,
        "the union should merge triples several reports state"
    );

    for (format, dataset) in FORMATS {
        let file = dir.path().join(format!("all.{format}"));
        run_ok(
            zonekg()
                .args(["export", "--format", format, "--out"])
                .arg(&file)
                .arg("--store")
                .arg(&store),
        );
        let expected = if *dataset { quads } else { triples };
        assert_eq!(
            oxigraph_count(&file, format),
            expected,
            "oxigraph, {format}"
        );
        assert_eq!(
            rdflib_count(&file, format, *dataset),
            expected,
            "rdflib, {format}"
        );

        let one = dir.path().join(format!("one.{format}"));
        run_ok(
            zonekg()
                .args([
                    "export",
                    "--format",
                    format,
                    "--report",
                    report.as_str(),
                    "--out",
                ])
                .arg(&one)
                .arg("--store")
                .arg(&store),
        );
        assert_eq!(
            oxigraph_count(&one, format),
            report_quads,
            "oxigraph, one report, {format}"
        );
        assert_eq!(
            rdflib_count(&one, format, *dataset),
            report_quads,
            "rdflib, one report, {format}"
        );
    }
}

#[test]
fn an_unknown_report_is_an_error() {
    let dir = temp_dir();
    let store = build_store(dir.path());
    let out = run(zonekg()
        .args(["export", "--report", "no-such-report.txt", "--store"])
        .arg(&store));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-report.txt"));
}
