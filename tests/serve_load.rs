//! `zonekg serve` under load, on loopback: 8 clients × 200 canned queries each while a
//! heavy query runs beside them. Every answer must be right (200, SPARQL JSON) and the
//! server's memory must stay bounded; the latencies are printed (p50, p99, max), not
//! asserted: they depend on the machine.

mod common;

use common::server::{client, encode, reply, Server};
use std::time::{Duration, Instant};

const CLIENTS: usize = 8;
const QUERIES_PER_CLIENT: usize = 200;
/// The server's memory may not pass this while under load (it serves a small store).
const RSS_LIMIT_KIB: u64 = 1024 * 1024;

/// Canned queries with parameters, as the explorer's users ask them.
fn canned_urls(server: &Server) -> Vec<String> {
    [
        "canned=leaders".to_string(),
        format!("canned=leaders&zone={}", encode("岚溪高新区")),
        format!("canned=zone&zone={}", encode("岚溪高新技术产业开发区")),
        format!("canned=meetings&zone={}", encode("岚溪高新区")),
        format!("canned=goals&zone={}", encode("岚溪高新区")),
        format!(
            "canned=achievements&zone={}&year=2024",
            encode("岚溪高新区")
        ),
        format!("canned=tasks&zone={}", encode("岚溪高新区")),
        format!("canned=posts-of&official={}", encode("邵明远")),
        format!("canned=officials&name={}", encode("韩立群")),
        format!("canned=duplicates&name={}", encode("韩立群")),
    ]
    .iter()
    .map(|q| server.url(&format!("/sparql?{q}")))
    .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

#[test]
fn eight_clients_of_two_hundred_canned_queries_beside_a_heavy_query() {
    let server = Server::over_seeds(&["--timeout", "15", "--workers", "4"]);
    let urls = canned_urls(&server);
    let idle_rss = server.rss_kib();

    let heavy_url = server.url(&format!(
        "/sparql?query={}",
        encode("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?a")
    ));
    let heavy = std::thread::spawn(move || {
        reply(
            client()
                .get(&heavy_url)
                .header("Accept", "application/json")
                .call(),
        )
        .status
    });
    std::thread::sleep(Duration::from_millis(300));

    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let peak = {
        let done = done.clone();
        let pid = server.pid();
        std::thread::spawn(move || {
            let mut peak = 0u64;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let status =
                    std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
                let rss = status
                    .lines()
                    .find_map(|l| l.strip_prefix("VmRSS:"))
                    .and_then(|v| v.split_whitespace().next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                peak = peak.max(rss);
                std::thread::sleep(Duration::from_millis(20));
            }
            peak
        })
    };

    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let urls = urls.clone();
            std::thread::spawn(move || {
                let agent = client();
                let mut latencies = Vec::with_capacity(QUERIES_PER_CLIENT);
                let mut errors = Vec::new();
                for i in 0..QUERIES_PER_CLIENT {
                    let url = &urls[(c + i) % urls.len()];
                    let t = Instant::now();
                    let r = reply(
                        agent
                            .get(url)
                            .header("Accept", "application/sparql-results+json")
                            .call(),
                    );
                    latencies.push(t.elapsed());
                    let good = r.status == 200
                        && serde_json::from_str::<serde_json::Value>(&r.body)
                            .is_ok_and(|j| j["results"]["bindings"].is_array());
                    if !good {
                        errors.push(format!("{url}: {} {}", r.status, r.body));
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = Vec::new();
    for c in clients {
        let (l, e) = c.join().expect("a client panicked");
        latencies.extend(l);
        errors.extend(e);
    }
    let wall = started.elapsed();
    let heavy_still_running = !heavy.is_finished();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let peak_rss = peak.join().unwrap();

    latencies.sort();
    let n = latencies.len();
    println!(
        "serve load: {n} canned queries from {CLIENTS} clients in {:.2} s ({:.0}/s); \
         latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; heavy query running throughout: \
         {heavy_still_running}; server RSS idle {} MiB, peak {} MiB",
        wall.as_secs_f64(),
        n as f64 / wall.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies[n - 1].as_secs_f64() * 1e3,
        idle_rss / 1024,
        peak_rss / 1024,
    );
    assert!(
        errors.is_empty(),
        "{} errors, first: {}",
        errors.len(),
        errors[0]
    );
    assert_eq!(n, CLIENTS * QUERIES_PER_CLIENT);
    assert!(
        peak_rss < RSS_LIMIT_KIB,
        "the server grew to {} MiB",
        peak_rss / 1024
    );
    // The heavy query ends at the timeout (503) or, on a fast machine, with its answer.
    let status = heavy.join().unwrap();
    assert!(status == 503 || status == 200, "heavy query: {status}");
}
