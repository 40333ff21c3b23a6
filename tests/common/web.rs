//! A loopback web site of fictional reports (`tests/fixtures/web`) and of the ways
//! fetching goes wrong, for the fetch tests.

use super::http::{Reply, Request, TestServer};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The fictional reports the site serves.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/web")
        .join(name)
}

pub fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture report")
}

/// `text` in GBK.
pub fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "fixture text must be GBK-encodable");
    bytes.into_owned()
}

/// The bytes each good page is served with.
pub struct Bodies {
    pub utf8: Vec<u8>,
    pub gbk_header: Vec<u8>,
    pub gbk_meta: Vec<u8>,
}

impl Bodies {
    pub fn served() -> Bodies {
        Bodies {
            utf8: fixture_text("web01_heyang_hitech_conference.txt").into_bytes(),
            gbk_header: gbk(&fixture_text("web02_songtan_edz_summary.html")),
            gbk_meta: gbk(&fixture_text("web03_qiaoshan_district_meeting.html")),
        }
    }
}

/// Paths the site serves.
pub mod paths {
    /// UTF-8 text, with an ETag (answers 304 to a matching If-None-Match).
    pub const UTF8: &str = "/news/heyang.txt";
    /// GBK HTML, charset only in the Content-Type header, no extension.
    pub const GBK_HEADER: &str = "/news/songtan";
    /// GBK HTML, charset only in its <meta>.
    pub const GBK_META: &str = "/news/qiaoshan.html";
    /// 302 → 301 → 307 → FINAL.
    pub const CHAIN: &str = "/r/1";
    pub const CHAIN_FINAL: &str = "/final/songtan-moved.html";
    /// a → b → a.
    pub const LOOP: &str = "/loop/a";
    pub const MISSING: &str = "/missing.html";
    /// 500 on the first request, then the UTF-8 report.
    pub const FLAKY: &str = "/flaky.txt";
    /// 429 with Retry-After: 1 on the first request, then the UTF-8 report.
    pub const BUSY: &str = "/busy.txt";
    /// A body of 600 kB.
    pub const HUGE: &str = "/huge.txt";
    /// Never answers.
    pub const SILENT: &str = "/silent";
}

/// The ETag of the UTF-8 page.
pub const ETAG: &str = "\"heyang-v1\"";

/// What the site saw.
#[derive(Default)]
pub struct Log {
    pub requests: Mutex<Vec<(String, Instant, Option<String>)>>,
    pub not_modified: AtomicUsize,
}

impl Log {
    /// Requests for `path`, with when they came and the User-Agent.
    pub fn hits(&self, path: &str) -> Vec<(Instant, Option<String>)> {
        let requests = self.requests.lock().unwrap();
        requests
            .iter()
            .filter(|(p, ..)| p == path)
            .map(|(_, t, ua)| (*t, ua.clone()))
            .collect()
    }
}

/// Starts the site; returns the server and its log.
pub fn start_site() -> (TestServer, Arc<Log>) {
    use paths::*;
    let bodies = Bodies::served();
    let log = Arc::new(Log::default());
    let seen = log.clone();
    let flaky = AtomicUsize::new(0);
    let busy = AtomicUsize::new(0);
    let server = TestServer::start(move |req: &Request| {
        let path = req.target.clone();
        seen.requests.lock().unwrap().push((
            path.clone(),
            Instant::now(),
            req.header("user-agent").map(str::to_string),
        ));
        match path.as_str() {
            UTF8 => {
                if req.header("if-none-match") == Some(ETAG) {
                    seen.not_modified.fetch_add(1, Ordering::SeqCst);
                    return Reply::Answer {
                        status: 304,
                        headers: vec![("ETag".into(), ETAG.into())],
                        body: Vec::new(),
                    };
                }
                Reply::new(200, "text/plain; charset=utf-8", bodies.utf8.clone())
                    .with("ETag", ETAG)
                    .with("Last-Modified", "Fri, 15 Mar 2024 02:20:00 GMT")
            }
            GBK_HEADER => Reply::new(200, "text/html; charset=GBK", bodies.gbk_header.clone()),
            GBK_META => Reply::new(200, "text/html", bodies.gbk_meta.clone()),
            CHAIN => Reply::redirect(302, "/r/2"),
            "/r/2" => Reply::redirect(301, "/r/3"),
            "/r/3" => Reply::redirect(307, CHAIN_FINAL),
            CHAIN_FINAL => Reply::new(200, "text/html; charset=gbk", bodies.gbk_header.clone()),
            LOOP => Reply::redirect(302, "/loop/b"),
            "/loop/b" => Reply::redirect(302, LOOP),
            FLAKY => match flaky.fetch_add(1, Ordering::SeqCst) {
                0 => Reply::new(500, "text/plain", "database unavailable"),
                _ => Reply::new(200, "text/plain; charset=utf-8", bodies.utf8.clone()),
            },
            BUSY => match busy.fetch_add(1, Ordering::SeqCst) {
                0 => Reply::new(429, "text/plain", "slow down").with("Retry-After", "1"),
                _ => Reply::new(200, "text/plain; charset=utf-8", bodies.utf8.clone()),
            },
            HUGE => Reply::new(200, "text/plain; charset=utf-8", "园区".repeat(100_000)),
            SILENT => Reply::Silence,
            _ => Reply::new(404, "text/html", "<h1>404</h1>"),
        }
    });
    (server, log)
}

/// The fetching flags the tests use: short waits, a 0.5 MB cap, a 2 s read timeout.
pub const FETCH_FLAGS: &[&str] = &[
    "--retries",
    "1",
    "--retry-wait",
    "0.05",
    "--read-timeout",
    "2",
    "--max-size",
    "0.5",
    "--host-rate",
    "0",
    "--per-host",
    "4",
];
