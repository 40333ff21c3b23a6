//! `zonekg fetch`: pages saved for later runs; and the fetching options `ingest` and
//! `extract` share.

use anyhow::Context as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use zonekg::source::saved;
use zonekg::source::web::{FetchOptions, Fetched, Fetcher};

/// How URLs are fetched: limits and manners.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Fetching URLs")]
pub struct FetchArgs {
    /// Read URLs to fetch from FILE, one a line (blank lines and lines starting with #
    /// are skipped).
    #[arg(long, value_name = "FILE")]
    pub urls: Option<PathBuf>,

    /// Follow at most N redirects (a redirect loop is refused at once).
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub max_redirects: usize,

    /// Refuse a page larger than this many megabytes.
    #[arg(long, value_name = "MB", default_value_t = 20.0)]
    pub max_size: f64,

    /// Give up connecting to a server after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub connect_timeout: f64,

    /// Give up on a server that sends nothing for this many seconds (before the answer
    /// starts, or between parts of its body).
    #[arg(long = "read-timeout", value_name = "SECONDS", default_value_t = 30.0)]
    pub read_timeout: f64,

    /// Retry a page this many times after a 429, a 5xx, a timeout or a dropped
    /// connection, waiting 1, 2, 4 … times --retry-wait in between (or what the
    /// server's Retry-After asks for).
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,

    /// The first wait before a retry, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 1.0)]
    pub retry_wait: f64,

    /// At most N requests in flight to one host.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub per_host: usize,

    /// At most this many requests started per second to one host (0: no limit).
    #[arg(long, value_name = "PER_SECOND", default_value_t = 2.0)]
    pub host_rate: f64,

    /// At most N requests in flight in all.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub fetch_jobs: usize,
}

impl FetchArgs {
    pub fn options(&self) -> anyhow::Result<FetchOptions> {
        let seconds = |s: f64, flag: &str| {
            Duration::try_from_secs_f64(s)
                .map_err(|_| anyhow::anyhow!("--{flag} must be a number of seconds ≥ 0"))
        };
        anyhow::ensure!(
            self.max_size > 0.0,
            "--max-size must be a positive number of megabytes"
        );
        Ok(FetchOptions {
            max_redirects: self.max_redirects,
            max_body_bytes: (self.max_size * 1024.0 * 1024.0) as u64,
            connect_timeout: seconds(self.connect_timeout, "connect-timeout")?,
            read_timeout: seconds(self.read_timeout, "read-timeout")?,
            retries: self.retries,
            retry_wait: seconds(self.retry_wait, "retry-wait")?,
            per_host: self.per_host.max(1),
            host_rate: self.host_rate,
            jobs: self.fetch_jobs.max(1),
            ..FetchOptions::default()
        })
    }

    pub fn fetcher(&self) -> anyhow::Result<Fetcher> {
        Ok(Fetcher::new(self.options()?)?)
    }

    /// The command line's inputs with the lines of --urls added.
    pub fn inputs(&self, inputs: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
        let mut all = inputs.to_vec();
        if let Some(file) = &self.urls {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the URL list {}", file.display()))?;
            all.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(PathBuf::from),
            );
        }
        Ok(all)
    }
}

/// Save web pages for later runs of extract and ingest.
///
/// Each page is written to DIR under a name made from its final URL (`.html` or
/// `.txt`), with a sidecar `<name>.fetch.json` holding its final URL, the URL asked for,
/// the charset its Content-Type header declared and its validators. `zonekg ingest DIR`
/// and `zonekg extract DIR` later read the saved pages as those URLs: located at the
/// URL, decoded with the header's charset. A page that cannot be fetched is named on
/// stderr with the reason; the others are still saved, and the exit status is 1.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// http:// or https:// URLs.
    #[arg(value_name = "URL", required_unless_present = "urls")]
    targets: Vec<String>,

    /// Where to save the pages (created if need be).
    #[arg(long, value_name = "DIR")]
    out_dir: PathBuf,

    #[command(flatten)]
    fetch: FetchArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let targets: Vec<PathBuf> = args.targets.iter().map(PathBuf::from).collect();
    let (urls, paths, bad) = zonekg::source::split_urls(&args.fetch.inputs(&targets)?);
    let failed = AtomicBool::new(!bad.is_empty() || !paths.is_empty());
    for (arg, e) in &bad {
        super::report_failure(Path::new(arg), e);
    }
    for path in &paths {
        super::report_failure(path, &"not an http:// or https:// URL");
    }
    std::fs::create_dir_all(&args.out_dir)
        .with_context(|| format!("cannot create {}", args.out_dir.display()))?;
    let fetcher = args.fetch.fetcher()?;
    fetcher.fetch_each(
        &urls,
        |_| None,
        |url, result| {
            let outcome = match result {
                Ok(Fetched::Page(page)) => {
                    saved::save(&args.out_dir, &page.saved(), &page.bytes).map(|path| (page, path))
                }
                Ok(Fetched::NotModified { .. }) => unreachable!("fetch asks unconditionally"),
                Err(e) => {
                    super::report_failure(Path::new(url.as_str()), &e);
                    failed.store(true, Ordering::Relaxed);
                    return;
                }
            };
            match outcome {
                Ok((page, path)) => {
                    let charset = page
                        .charset
                        .as_deref()
                        .map(|c| format!(", charset {c} from the header"))
                        .unwrap_or_default();
                    let moved = if page.url != page.requested {
                        format!(" (now at {})", page.url)
                    } else {
                        String::new()
                    };
                    println!(
                        "{url}{moved} → {} ({} bytes{charset})",
                        path.display(),
                        page.bytes.len()
                    );
                }
                Err(e) => {
                    super::report_failure(&args.out_dir, &e);
                    failed.store(true, Ordering::Relaxed);
                }
            }
        },
    );
    Ok(if failed.load(Ordering::Relaxed) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
