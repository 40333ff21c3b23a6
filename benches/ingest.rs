//! Ingest benchmark: a generated corpus (10,000 reports by default; set
//! `ZONEKG_BENCH_REPORTS` to change it) ingested end to end — extraction, mapping,
//! store writes, links — into a fresh store; then each canned query timed on that store.
//! Prints reports/s, quads/s, peak RSS and per-query times (median of 5 runs).
//!
//! Set `ZONEKG_BENCH_STORE=DIR` to build the store in DIR and keep it (to explore a large
//! store with `zonekg query --store DIR`); DIR must not hold a store yet.
//!
//! Run with `cargo bench --bench ingest`. Targets on a 2-core machine: ≥ 1,000 reports/s,
//! peak RSS under 1 GB, every canned query under 50 ms.
//!
//! Besides ingest end to end it times extraction and mapping alone, and oxigraph's bulk
//! loader alone on the same quads: the store's own limit, which bounds ingest.

#[path = "support/synth.rs"]
mod synth;

use rayon::prelude::*;
use std::time::{Duration, Instant};
use zonekg::ingest::{self, IngestOptions, MemoryInput};
use zonekg::query;
use zonekg::rdf::{map_report, ReportMeta};
use zonekg::store::KgStore;

/// Peak resident set size of this process, in MB (Linux `VmHWM`).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// The store's own speed limit on this machine: oxigraph's bulk loader, on every core and
/// in batches of a million quads (its best case), loading the quads ingest wrote, mapped
/// beforehand so that only the loading is timed. Ingest cannot be faster than this.
fn bulk_load_floor(corpus: &[MemoryInput]) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = oxigraph::store::Store::open(dir.path()).expect("store opens");
    let (mut loading, mut quads) = (Duration::ZERO, 0);
    // about a million quads per chunk
    for chunk in corpus.chunks(2_500) {
        let batch: Vec<oxigraph::model::Quad> = chunk
            .par_iter()
            .flat_map_iter(|r| {
                let report = zonekg::process(&r.bytes, &r.name).expect("synthetic reports read");
                map_report(
                    &report,
                    &ReportMeta::for_bytes(r.location.clone(), &r.bytes),
                )
            })
            .collect();
        quads += batch.len();
        let started = Instant::now();
        let mut loader = store.bulk_loader();
        loader.load_quads(batch).expect("bulk load");
        loader.commit().expect("bulk load commits");
        loading += started.elapsed();
    }
    println!(
        "oxigraph bulk loader alone, same {quads} quads: {:.2} s ({:.0} quads/s, {:.0} reports/s)",
        loading.as_secs_f64(),
        quads as f64 / loading.as_secs_f64(),
        corpus.len() as f64 / loading.as_secs_f64()
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing and expects a
    // quick run, so a test run ingests a small corpus.
    let benching = std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("ZONEKG_BENCH_REPORTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if benching { 10_000 } else { 30 });

    let corpus: Vec<MemoryInput> = synth::corpus(n, synth::BENCH_SEED)
        .into_iter()
        .map(MemoryInput::from)
        .collect();
    let bytes: usize = corpus.iter().map(|r| r.bytes.len()).sum();

    let dir = tempfile::tempdir().expect("temporary folder");
    let store_dir = match std::env::var_os("ZONEKG_BENCH_STORE") {
        Some(kept) => std::path::PathBuf::from(kept),
        None => dir.path().join("store"),
    };
    let kg = KgStore::open(&store_dir).expect("store opens");
    assert_eq!(
        kg.report_count().expect("store reads"),
        0,
        "{} already holds reports",
        store_dir.display()
    );
    // Reading, extracting and mapping alone, on every core: the part of ingest that is
    // zonekg's own, before any store write.
    let started = Instant::now();
    let mapped: usize = corpus
        .par_iter()
        .map(|r| {
            let report = zonekg::process(&r.bytes, &r.name).expect("synthetic reports read");
            let meta = ReportMeta::for_bytes(r.location.clone(), &r.bytes);
            map_report(&report, &meta).len()
        })
        .sum();
    let mapping = started.elapsed().as_secs_f64();
    println!(
        "extract + map alone: {:.2} s: {:.0} reports/s, {mapped} quads",
        mapping,
        n as f64 / mapping
    );

    let started = Instant::now();
    let summary = ingest::ingest(&kg, &corpus, IngestOptions::default(), |_| {}).expect("ingest");
    let took = started.elapsed().as_secs_f64();
    println!(
        "ingest: {n} reports ({:.1} MB) in {took:.2} s: {:.0} reports/s, {:.0} quads/s ({} quads written); {} zones, {} officials",
        bytes as f64 / 1e6,
        n as f64 / took,
        summary.quads_written as f64 / took,
        summary.quads_written,
        summary.links.zones,
        summary.links.officials,
    );
    println!(
        "  of which: writing report graphs {:.2} s ({:.0} quads/s), links graph {:.2} s",
        summary.writing.as_secs_f64(),
        summary.quads_written as f64 / summary.writing.as_secs_f64(),
        summary.linking.as_secs_f64()
    );
    if let Some(mb) = peak_rss_mb() {
        println!("peak RSS: {mb:.0} MB");
    }
    bulk_load_floor(&corpus);

    // Sample parameters from the store itself so that filtered queries hit real data.
    let sample = |q: &str, var: &str| -> String {
        match query::run(kg.store(), q, Duration::from_secs(30)).expect("sample query") {
            query::Answer::Solutions { rows, .. } => rows
                .first()
                .and_then(|r| r.get(var))
                .map(query::display_term)
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    // Parameters as an analyst gives them: a zone's name (the zone of a person who holds a
    // leading post, so every zone-filtered query has rows), that person's name, one fact.
    let zone = sample(
        "SELECT ?n WHERE { GRAPH ?g { ?pi a zk:LeadingPost ; org:postIn ?z . ?h zk:post ?pi } \
         GRAPH <https://w3id.org/zonekg/id/graph/links> { ?z zk:canonicalZone ?c . ?c rdfs:label ?n } } LIMIT 1",
        "n",
    );
    let person = sample(
        "SELECT ?n WHERE { GRAPH <https://w3id.org/zonekg/id/graph/links> { ?p zk:possibleSameAs ?o } \
         GRAPH ?g { ?p foaf:name ?n } } LIMIT 1",
        "n",
    );
    let fact = sample("SELECT ?f WHERE { ?f a zk:Goal } LIMIT 1", "f");
    println!("parameters: zone={zone} official={person}");
    // Median time in ms and row count; `None` when the query ran out of time.
    let timed = |text: &str, runs: usize| -> Option<(f64, usize)> {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let answer = match query::run(kg.store(), text, Duration::from_secs(120)) {
                Err(query::QueryError::Timeout(_)) => return None,
                answer => answer.expect("query runs"),
            };
            times.push(t.elapsed());
            if let query::Answer::Solutions { rows: r, .. } = answer {
                rows = r.len();
            }
        }
        times.sort();
        Some((times[times.len() / 2].as_secs_f64() * 1e3, rows))
    };
    let show = |t: Option<(f64, usize)>| match t {
        Some((ms, rows)) => format!("{ms:>8.1} ms ({rows} rows)"),
        None => "over 120 s".to_string(),
    };
    // a test run (`cargo test --benches`) only checks that every query runs
    let runs = if benching { 5 } else { 1 };
    for q in query::CANNED {
        let param = |name: &str, value: &str| vec![(name.to_string(), value.to_string())];
        let params = match q.name {
            "posts-of" => param("official", &person),
            "duplicates" | "officials" => param("name", &person),
            "evidence" => param("fact", &format!("<{fact}>")),
            _ => param("zone", &zone),
        };
        let text = query::bind_params(q.text, &params).expect("parameters bind");
        let filtered = timed(&text, runs);
        // the whole listing, without parameters: what a dump of the store costs
        let all = query::bind_params(q.text, &[]).expect("no parameters");
        println!(
            "query {:<13} {} with {}={};  whole listing {}",
            q.name,
            show(filtered),
            params[0].0,
            params[0].1,
            show(timed(&all, 1))
        );
    }
}
