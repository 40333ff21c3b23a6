//! Throughput of reading reports: normalization plus extraction (`zonekg::process`) over
//! a synthetic corpus, in MB/s (criterion) and reports/s (printed after a timed pass).
//!
//! `cargo bench --bench extract`. Target: at least 20 MB/s on one thread. Under
//! `cargo test --all-targets` criterion runs each benchmark once, on a small corpus.

#[path = "support/synth.rs"]
mod synth;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::Instant;
use synth::{corpus, SyntheticReport, BENCH_SEED};

/// Whether criterion will measure (`cargo bench`) rather than run once as a test; the
/// same rule criterion applies to its arguments.
fn benchmarking() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test")
}

fn process_all(reports: &[SyntheticReport]) -> usize {
    let mut facts = 0;
    for r in reports {
        let report = zonekg::process(r.text.as_bytes(), &r.name).expect("synthetic text reads");
        facts += report.officials.len()
            + report.meetings.len()
            + report.goals.len()
            + report.achievements.len()
            + report.tasks.len();
    }
    facts
}

fn extract(c: &mut Criterion) {
    let n = if benchmarking() { 500 } else { 40 };
    let reports = corpus(n, BENCH_SEED);
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();

    if benchmarking() {
        // Criterion reports bytes/s only; timed passes give reports/s too. The median of
        // several, because a single pass on a shared machine can be off by a fifth.
        let facts = process_all(&reports); // warms the lazily compiled lexicons
        let mut times: Vec<f64> = (0..9)
            .map(|_| {
                let started = Instant::now();
                black_box(process_all(&reports));
                started.elapsed().as_secs_f64()
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let secs = times[times.len() / 2];
        println!(
            "extract: {n} reports, {:.2} MB, {facts} facts; median of 9 passes {:.1} ms: \
             {:.0} reports/s, {:.1} MB/s",
            bytes as f64 / 1e6,
            secs * 1e3,
            n as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    }

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("normalize+extract", |b| {
        b.iter(|| process_all(black_box(&reports)))
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
