//! `zonekg serve` for tests: a store of the seed reports and the examples (built once per
//! test binary), the real binary started on a free loopback port, an HTTP client, the
//! server's memory, and headless Chromium.

use super::{run_ok, seeds_dir, zonekg};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// A store of `../shared/seeds` and `examples/`, built once per test binary under
/// cargo's temporary folder for integration tests.
pub fn seeds_and_examples_store() -> PathBuf {
    static STORE: OnceLock<PathBuf> = OnceLock::new();
    STORE
        .get_or_init(|| {
            let exe = std::env::current_exe().expect("the test binary's path");
            let name = exe.file_stem().and_then(|s| s.to_str()).unwrap_or("serve");
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("store-{name}"));
            if dir.exists() {
                std::fs::remove_dir_all(&dir).expect("cannot remove the old test store");
            }
            let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
            run_ok(
                zonekg()
                    .arg("ingest")
                    .arg(seeds_dir())
                    .arg(examples)
                    .arg("--store")
                    .arg(&dir)
                    .arg("--no-leaders"),
            );
            dir
        })
        .clone()
}

/// A running `zonekg serve`, stopped (SIGTERM, then SIGKILL) when dropped.
pub struct Server {
    child: Option<Child>,
    /// `http://127.0.0.1:PORT`
    pub base: String,
}

impl Server {
    /// Starts `zonekg serve --store STORE --bind 127.0.0.1:0 ARGS…` and waits for the
    /// line saying where it listens.
    pub fn start(store: &Path, args: &[&str]) -> Server {
        let mut child = zonekg()
            .arg("serve")
            .arg("--store")
            .arg(store)
            .args(["--bind", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("cannot start zonekg serve");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("cannot read the server's first line");
        let base = line
            .split("listening on ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .map(|url| url.trim_end_matches('/').to_string())
            .unwrap_or_else(|| panic!("zonekg serve did not say where it listens: {line:?}"));
        Server {
            child: Some(child),
            base,
        }
    }

    /// The server over the seeds and examples store, with `args`.
    pub fn over_seeds(args: &[&str]) -> Server {
        Server::start(&seeds_and_examples_store(), args)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    /// The server's resident memory now, in KiB (from /proc).
    pub fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("cannot read the server's /proc status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .expect("VmRSS in /proc status")
    }

    /// Sends SIGTERM and waits (at most `within`) for the server to exit.
    pub fn stop(mut self, within: Duration) -> Option<ExitStatus> {
        let mut child = self.child.take().expect("running");
        terminate(&mut child, within)
    }
}

fn terminate(child: &mut Child, within: Duration) -> Option<ExitStatus> {
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .ok();
    let end = Instant::now() + within;
    while Instant::now() < end {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().ok();
    child.wait().ok();
    None
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            terminate(&mut child, Duration::from_secs(10));
        }
    }
}

/// An HTTP client that returns 4xx and 5xx answers rather than failing on them.
pub fn client() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

/// A response read whole: status, headers, body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: ureq::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn content_type(&self) -> &str {
        self.header("content-type").unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// Reads a ureq response whole.
pub fn reply(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = response.expect("the request failed");
    Reply {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .expect("cannot read the body"),
    }
}

/// GET `url` with `Accept: accept`.
pub fn get(url: &str, accept: &str) -> Reply {
    reply(client().get(url).header("Accept", accept).call())
}

/// `text` percent-encoded for a query string.
pub fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Debian's Chromium: `chromium` on PATH; panics (the test fails) when it is missing:
/// `scripts/setup --tests` installs it.
pub fn chromium() -> Command {
    let found = Command::new("chromium")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "chromium is not installed: run scripts/setup --tests (Debian package `chromium`)"
    );
    let profile = std::env::temp_dir().join(format!(
        "zonekg-chromium-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let mut cmd = Command::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// The DOM Chromium renders for `url` (after the page's script has run).
pub fn rendered_dom(url: &str) -> String {
    let out = run_ok(chromium().args(["--virtual-time-budget=3000", "--dump-dom", url]));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A PNG screenshot of `url` at `width`×`height`, written to `path`.
pub fn screenshot(url: &str, path: &Path, width: u32, height: u32) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("cannot create the screenshot folder");
    }
    run_ok(chromium().args([
        format!("--screenshot={}", path.display()),
        format!("--window-size={width},{height}"),
        "--hide-scrollbars".to_string(),
        url.to_string(),
    ]));
    let bytes = std::fs::read(path).expect("chromium wrote no screenshot");
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "{} is not a real screenshot ({} bytes)",
        path.display(),
        bytes.len()
    );
}

/// The project's `target/` folder (where screenshots go).
pub fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is target/tmp")
        .to_path_buf()
}
