//! Speed of `zonekg analyze` on the graph of a generated corpus: loading the facts from
//! the store, then each command (centrality on each graph, communities, path, timeline,
//! bridges). Target: each command, load included, under 2 s on 10,000 reports.
//!
//! `cargo bench --bench analyze` ingests 10,000 synthetic reports into a temporary store
//! first (that takes a while), prints one timed pass of each command, then lets criterion
//! measure them. Under `cargo test --all-targets` it runs once on 200 reports.
//!
//! Set `ZONEKG_BENCH_STORE=DIR` to use the store in DIR: an empty or missing one is
//! filled with the corpus and kept, one that holds reports (say, the one the ingest
//! benchmark kept) is analysed as it is.

#[path = "support/synth.rs"]
mod synth;

use criterion::{criterion_group, criterion_main, Criterion};
use oxigraph::store::Store;
use std::hint::black_box;
use std::time::Instant;
use synth::corpus;
use zonekg::analyze::{bridges, centrality, communities, graphs, path, timeline};
use zonekg::analyze::{Facts, GraphKind};
use zonekg::ingest::{ingest, IngestOptions, MemoryInput};
use zonekg::store::KgStore;

fn benchmarking() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test")
}

/// Every command the CLI runs, on facts already loaded; returns something to keep.
/// A named command over loaded facts; returns a count to keep the work observable.
type Run<'a> = (&'static str, Box<dyn Fn(&Facts) -> usize + 'a>);

fn commands<'a>(facts: &'a Facts, store: &'a Store) -> Vec<Run<'a>> {
    let combined = graphs::combined(facts);
    // A long path: the first official to the last one in the same component.
    let (a, b) = {
        let nodes: Vec<_> = combined.node_indices().collect();
        let a = nodes[0];
        let b = nodes
            .iter()
            .rev()
            .copied()
            .find(|&n| path::shortest(&combined, a, n).is_some())
            .unwrap_or(a);
        (combined[a].label.clone(), combined[b].label.clone())
    };
    // The zone with the most posts.
    let zone = {
        let mut count = std::collections::HashMap::new();
        for h in &facts.holdings {
            if let Some(z) = &h.zone {
                *count.entry(z.clone()).or_insert(0) += 1;
            }
        }
        count
            .into_iter()
            .max_by_key(|(z, n)| (*n, z.clone()))
            .map(|(z, _)| z)
            .unwrap_or_default()
    };
    let mut out: Vec<Run<'a>> = Vec::new();
    for kind in [GraphKind::Leadership, GraphKind::Meetings, GraphKind::Zones] {
        let name = match kind {
            GraphKind::Leadership => "centrality leadership",
            GraphKind::Meetings => "centrality meetings",
            GraphKind::Zones => "centrality zones",
        };
        out.push((
            name,
            Box::new(move |f| centrality::centrality(&kind.build(f)).len()),
        ));
    }
    out.push((
        "communities",
        Box::new(|f| {
            communities::communities(&graphs::leadership(f))
                .communities
                .len()
        }),
    ));
    out.push((
        "path",
        Box::new(move |f| {
            let g = graphs::combined(f);
            let (x, y) = (
                path::resolve(&g, f, &a).unwrap(),
                path::resolve(&g, f, &b).unwrap(),
            );
            let mut hops = path::shortest(&g, x, y).unwrap_or_default();
            // as the CLI does: the sentences of the hops shown, from the store
            f.fill_sentences(store, hops.iter_mut().map(|h| &mut h.source))
                .unwrap();
            hops.len()
        }),
    ));
    out.push((
        "timeline",
        Box::new(move |f| {
            // Timeline reads the zone's goals and results from the store itself.
            let mut f = f.clone();
            f.load_indicators(store, Some(&zone)).unwrap();
            let mut tl = timeline::timeline(&f, &zone);
            let sources = tl.posts.iter_mut().flat_map(|p| &mut p.holders);
            f.fill_sentences(store, sources.map(|h| &mut h.source))
                .unwrap();
            tl.goals.len()
        }),
    ));
    out.push(("bridges", Box::new(|f| bridges::bridges(f).len())));
    out
}

fn analyze(c: &mut Criterion) {
    let n = if benchmarking() { 10_000 } else { 200 };
    let dir = tempfile::tempdir().unwrap();
    let store_dir = match std::env::var_os("ZONEKG_BENCH_STORE") {
        Some(kept) => std::path::PathBuf::from(kept),
        None => dir.path().join("store"),
    };
    let kg = KgStore::open(&store_dir).unwrap();
    let started = Instant::now();
    let held = kg.report_count().unwrap();
    if held == 0 {
        let inputs: Vec<MemoryInput> = corpus(n, synth::BENCH_SEED)
            .into_iter()
            .map(MemoryInput::from)
            .collect();
        ingest(&kg, &inputs, IngestOptions::default(), |_| {}).unwrap();
    }
    let ingested = match held {
        0 => format!("ingested in {:.1} s", started.elapsed().as_secs_f64()),
        _ => format!("store in {}", store_dir.display()),
    };
    let n = kg.report_count().unwrap();

    let started = Instant::now();
    let facts = Facts::load_relations(kg.store()).unwrap();
    let load_secs = started.elapsed().as_secs_f64();
    println!(
        "analyze: {n} reports ({ingested}); facts loaded in {load_secs:.2} s: \
         {} officials, {} zones, {} posts held, {} meetings",
        facts.officials.len(),
        facts.zones.len(),
        facts.holdings.len(),
        facts.meetings.len(),
    );
    for kind in [GraphKind::Leadership, GraphKind::Meetings, GraphKind::Zones] {
        let g = kind.build(&facts);
        println!(
            "analyze: {} graph: {} nodes, {} edges",
            kind.as_str(),
            g.node_count(),
            g.edge_count()
        );
    }
    let commands = commands(&facts, kg.store());
    for (name, run) in &commands {
        let started = Instant::now();
        let out = run(&facts);
        let secs = started.elapsed().as_secs_f64();
        println!(
            "analyze: {name}: {secs:.3} s (+ {load_secs:.2} s load = {:.2} s) -> {out}",
            secs + load_secs
        );
    }

    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.bench_function("load facts", |b| {
        b.iter(|| Facts::load_relations(black_box(kg.store())).unwrap())
    });
    for (name, run) in &commands {
        group.bench_function(*name, |b| b.iter(|| run(black_box(&facts))));
    }
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
