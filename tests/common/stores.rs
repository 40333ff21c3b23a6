//! Real triple stores on loopback, started by the tests: Oxigraph's server (the
//! `oxigraph` package from PyPI) and OpenLink Virtuoso (Debian's
//! `virtuoso-opensource-7-bin`). `scripts/setup --tests` installs both; a test that
//! cannot start one fails, naming what to install.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A store server running for one test; killed when dropped.
pub struct RunningStore {
    pub name: &'static str,
    /// The SPARQL 1.1 Graph Store HTTP Protocol URL.
    pub graph_store: String,
    /// The SPARQL query endpoint.
    pub endpoint: String,
    child: Child,
    _dir: tempfile::TempDir,
}

impl Drop for RunningStore {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// A port free on loopback just now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free loopback port")
        .port()
}

/// Waits until `url` answers a query, or panics with the server's log.
fn wait_until_up(url: &str, child: &mut Child, log: &Path, what: &str) {
    let client = reqwest::blocking::Client::new();
    let deadline = Instant::now() + Duration::from_secs(90);
    while Instant::now() < deadline {
        if let Ok(Some(status)) = child.try_wait() {
            panic!(
                "{what} exited ({status}) before answering:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        let asked = client
            .post(url)
            .header("Accept", "application/sparql-results+json")
            .form(&[("query", "ASK { }")])
            .timeout(Duration::from_secs(2))
            .send();
        if asked.is_ok_and(|r| r.status().is_success()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!(
        "{what} did not answer at {url} within 90 s:\n{}",
        std::fs::read_to_string(log).unwrap_or_default()
    );
}

/// The `oxigraph` command: `ZONEKG_OXIGRAPH`, else on PATH, else in the scripts folder
/// of the `python3` that pip installed it for.
fn oxigraph_command() -> PathBuf {
    if let Some(path) = std::env::var_os("ZONEKG_OXIGRAPH") {
        return path.into();
    }
    let on_path = Command::new("oxigraph")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if on_path {
        return "oxigraph".into();
    }
    let scripts = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_path('scripts'))",
        ])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let candidate = Path::new(&scripts).join("oxigraph");
    assert!(
        candidate.exists(),
        "the `oxigraph` server is not installed (pip install oxigraph; scripts/setup --tests does it)"
    );
    candidate
}

/// Oxigraph's server (`oxigraph serve`) on a fresh directory.
pub fn start_oxigraph() -> RunningStore {
    let dir = super::temp_dir();
    let port = free_port();
    let log = dir.path().join("server.log");
    let mut child = Command::new(oxigraph_command())
        .arg("serve")
        .arg("--location")
        .arg(dir.path().join("data"))
        .arg("--bind")
        .arg(format!("127.0.0.1:{port}"))
        .stdout(Stdio::from(std::fs::File::create(&log).unwrap()))
        .stderr(Stdio::from(
            std::fs::File::create(dir.path().join("server.err")).unwrap(),
        ))
        .spawn()
        .expect(
            "cannot start `oxigraph serve` (pip install oxigraph; scripts/setup --tests does it)",
        );
    let base = format!("http://127.0.0.1:{port}");
    wait_until_up(&format!("{base}/query"), &mut child, &log, "oxigraph serve");
    RunningStore {
        name: "oxigraph",
        graph_store: format!("{base}/store"),
        endpoint: format!("{base}/query"),
        child,
        _dir: dir,
    }
}

/// Virtuoso (`virtuoso-t`) with a fresh database, its SPARQL user allowed to update
/// (the Graph Store endpoint `/sparql-graph-crud` writes as that user).
pub fn start_virtuoso() -> RunningStore {
    let dir = super::temp_dir();
    let d = dir.path().display().to_string();
    let (sql_port, http_port) = (free_port(), free_port());
    let ini = format!(
        "[Database]\nDatabaseFile = {d}/virtuoso.db\nErrorLogFile = {d}/virtuoso.log\n\
         TransactionFile = {d}/virtuoso.trx\nxa_persistent_file = {d}/virtuoso.pxa\n\
         ErrorLogLevel = 7\nFileExtend = 200\nMaxCheckpointRemap = 2000\nStriping = 0\n\
         TempStorage = TempDatabase\n\n[TempDatabase]\nDatabaseFile = {d}/virtuoso-temp.db\n\
         TransactionFile = {d}/virtuoso-temp.trx\nMaxCheckpointRemap = 2000\nStriping = 0\n\n\
         [Parameters]\nServerPort = 127.0.0.1:{sql_port}\nNumberOfBuffers = 20000\n\
         MaxDirtyBuffers = 15000\nDirsAllowed = ., {d}\nCheckpointInterval = 60\n\n\
         [HTTPServer]\nServerPort = 127.0.0.1:{http_port}\nServerRoot = {d}\n\
         MaxClientConnections = 8\nServerThreads = 8\n\n\
         [SPARQL]\nResultSetMaxRows = 1000000\nMaxQueryExecutionTime = 120\n"
    );
    let ini_path = dir.path().join("virtuoso.ini");
    std::fs::write(&ini_path, ini).unwrap();
    let log = dir.path().join("virtuoso.log");
    let mut child = Command::new("virtuoso-t")
        .arg("+foreground")
        .arg("+configfile")
        .arg(&ini_path)
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect(
            "cannot start `virtuoso-t` (apt-get install virtuoso-opensource-7-bin; scripts/setup --tests does it)",
        );
    let base = format!("http://127.0.0.1:{http_port}");
    wait_until_up(&format!("{base}/sparql"), &mut child, &log, "virtuoso-t");
    let granted = Command::new("isql-vt")
        .arg(sql_port.to_string())
        .args(["dba", "dba", "exec=grant SPARQL_UPDATE to \"SPARQL\";"])
        .output()
        .expect("cannot run isql-vt (it comes with virtuoso-opensource-7-bin)");
    assert!(
        granted.status.success(),
        "isql-vt could not let SPARQL update: {}",
        String::from_utf8_lossy(&granted.stderr)
    );
    RunningStore {
        name: "virtuoso",
        graph_store: format!("{base}/sparql-graph-crud"),
        endpoint: format!("{base}/sparql"),
        child,
        _dir: dir,
    }
}
