//! Reports from the web: fetching `http://` and `https://` pages politely and safely.
//!
//! A [`Fetcher`] is one HTTP client (reqwest with rustls) with the limits a crawler of
//! government sites needs: redirects followed up to a limit (a loop is named as such),
//! a cap on the body size, connect and read timeouts, retries with exponential backoff
//! on 429 and 5xx answers and on dropped connections (a `Retry-After` header is
//! honoured), at most a few requests at a time to one host and a minimum interval
//! between them, and a User-Agent naming zonekg. A page keeps the charset its
//! `Content-Type` header declares, which outranks the page's own `<meta>` when it is
//! decoded ([`crate::normalize::encoding::decode_with_charset`]).
//!
//! Conditional requests: given the `ETag` / `Last-Modified` a previous fetch returned,
//! a page that has not changed answers `304 Not Modified` and is not downloaded again.

use super::saved::SavedPage;
use reqwest::blocking::{Client, Response};
use reqwest::header::{self, HeaderMap};
use reqwest::{StatusCode, Url};
use std::collections::HashMap;
use std::io::Read as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime};
use thiserror::Error;

/// The User-Agent zonekg sends: who is asking, so site operators can tell.
pub const USER_AGENT: &str = concat!(
    "zonekg/",
    env!("CARGO_PKG_VERSION"),
    " (+https://w3id.org/zonekg; knowledge graph of development-zone reports)"
);

/// Limits and manners of a [`Fetcher`].
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Largest body accepted, in bytes.
    pub max_body_bytes: u64,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for the answer to start, and for each read of its body.
    pub read_timeout: Duration,
    /// Retries after a 429, a 5xx or a dropped connection or timeout.
    pub retries: u32,
    /// The first retry waits this long; each next one twice as long.
    pub retry_wait: Duration,
    /// No wait (backoff or `Retry-After`) is longer than this.
    pub max_retry_wait: Duration,
    /// Requests in flight to one host at most.
    pub per_host: usize,
    /// Requests started per second to one host at most (0: no limit).
    pub host_rate: f64,
    /// Requests in flight in all.
    pub jobs: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            max_redirects: 10,
            max_body_bytes: 20 * 1024 * 1024,
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            retries: 3,
            retry_wait: Duration::from_secs(1),
            max_retry_wait: Duration::from_secs(60),
            per_host: 2,
            host_rate: 2.0,
            jobs: 8,
        }
    }
}

/// Why a page could not be fetched.
#[derive(Debug, Error)]
pub enum FetchError {
    #[error("only http:// and https:// URLs can be fetched")]
    Scheme,
    #[error("not a URL: {0}")]
    BadUrl(String),
    #[error("HTTP {0}")]
    Status(StatusCode),
    #[error("body larger than the {0}-byte cap (--max-size)")]
    TooLarge(u64),
    #[error("{0}")]
    Redirect(String),
    #[error("timed out ({0})")]
    Timeout(String),
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("{0}")]
    Http(String),
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
}

impl FetchError {
    /// Whether trying again later may succeed.
    fn is_transient(&self) -> bool {
        match self {
            FetchError::Status(s) => *s == StatusCode::TOO_MANY_REQUESTS || s.is_server_error(),
            FetchError::Timeout(_) | FetchError::Connect(_) | FetchError::Http(_) => true,
            _ => false,
        }
    }
}

/// Validators of an earlier answer, for a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A page as fetched.
#[derive(Debug, Clone)]
pub struct Page {
    /// The URL asked for.
    pub requested: Url,
    /// The URL answered, after redirects: the report's location.
    pub url: Url,
    pub bytes: Vec<u8>,
    /// The charset the `Content-Type` header declares, as written there.
    pub charset: Option<String>,
    pub content_type: Option<String>,
    pub validators: Validators,
}

impl Page {
    /// What a later run needs to read the saved page as this one ([`SavedPage`]).
    pub fn saved(&self) -> SavedPage {
        SavedPage {
            url: self.url.to_string(),
            requested: self.requested.to_string(),
            charset: self.charset.clone(),
            content_type: self.content_type.clone(),
            etag: self.validators.etag.clone(),
            last_modified: self.validators.last_modified.clone(),
        }
    }
}

/// The outcome of one fetch.
#[derive(Debug, Clone)]
pub enum Fetched {
    Page(Page),
    /// The server says the page is unchanged since the validators given.
    NotModified {
        requested: Url,
        url: Url,
    },
}

/// Parses a command-line argument as a URL to fetch, if it is one: `http://` and
/// `https://` are fetched; another `scheme://` is refused; anything else is a path.
pub fn parse_url(arg: &str) -> Option<Result<Url, FetchError>> {
    let (scheme, _) = arg.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+')
    {
        return None;
    }
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Some(Err(FetchError::Scheme));
    }
    Some(Url::parse(arg).map_err(|e| FetchError::BadUrl(format!("{arg}: {e}"))))
}

/// An HTTP client with zonekg's limits; share one across threads.
pub struct Fetcher {
    client: Client,
    options: FetchOptions,
    hosts: HostLimiter,
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> Result<Self, FetchError> {
        let max_redirects = options.max_redirects;
        let policy = reqwest::redirect::Policy::custom(move |attempt| {
            let url = attempt.url().clone();
            if !matches!(url.scheme(), "http" | "https") {
                let msg = format!("redirected to {url}, which is not http(s)");
                return attempt.error(msg);
            }
            let previous = attempt.previous();
            if previous.contains(&url) {
                let chain: Vec<String> = previous.iter().map(Url::to_string).collect();
                let msg = format!("redirect loop: {} → {url}", chain.join(" → "));
                return attempt.error(msg);
            }
            if previous.len() > max_redirects {
                let msg = format!("more than {max_redirects} redirects (--max-redirects)");
                return attempt.error(msg);
            }
            attempt.follow()
        });
        let client = Client::builder()
            .user_agent(USER_AGENT)
            .redirect(policy)
            .connect_timeout(options.connect_timeout)
            .timeout(options.read_timeout)
            .build()
            .map_err(|e| FetchError::Client(e.to_string()))?;
        Ok(Fetcher {
            client,
            hosts: HostLimiter::new(options.per_host.max(1), options.host_rate),
            options,
        })
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Fetches `url`, retrying transient failures; with `validators`, asks whether the
    /// page changed since.
    pub fn fetch(&self, url: &Url, validators: Option<&Validators>) -> Result<Fetched, FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Scheme);
        }
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let mut attempt = 0;
        loop {
            let result = {
                let _slot = self.hosts.acquire(&host);
                self.fetch_once(url, validators)
            };
            let (error, retry_after) = match result {
                Ok(fetched) => return Ok(fetched),
                Err(e) => e,
            };
            if attempt >= self.options.retries || !error.is_transient() {
                return Err(error);
            }
            let backoff = self.options.retry_wait.saturating_mul(1 << attempt.min(16));
            let wait = retry_after.unwrap_or_default().max(backoff);
            std::thread::sleep(wait.min(self.options.max_retry_wait));
            attempt += 1;
        }
    }

    /// One request; on failure, the error and the wait a `Retry-After` header asks for.
    fn fetch_once(
        &self,
        url: &Url,
        validators: Option<&Validators>,
    ) -> Result<Fetched, (FetchError, Option<Duration>)> {
        let mut request = self.client.get(url.clone());
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &v.last_modified {
                request = request.header(header::IF_MODIFIED_SINCE, lm);
            }
        }
        let response = request.send().map_err(|e| (classify(&e), None))?;
        let status = response.status();
        let final_url = response.url().clone();
        if status == StatusCode::NOT_MODIFIED && validators.is_some() {
            return Ok(Fetched::NotModified {
                requested: url.clone(),
                url: final_url,
            });
        }
        if !status.is_success() {
            let retry_after = retry_after(response.headers());
            return Err((FetchError::Status(status), retry_after));
        }
        let headers = response.headers().clone();
        let bytes = self.read_body(response).map_err(|e| (e, None))?;
        let text = |name: header::HeaderName| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = text(header::CONTENT_TYPE);
        Ok(Fetched::Page(Page {
            requested: url.clone(),
            url: final_url,
            bytes,
            charset: content_type.as_deref().and_then(charset_param),
            content_type,
            validators: Validators {
                etag: text(header::ETAG),
                last_modified: text(header::LAST_MODIFIED),
            },
        }))
    }

    /// The body, refusing it as soon as it is known to pass the cap.
    fn read_body(&self, response: Response) -> Result<Vec<u8>, FetchError> {
        let cap = self.options.max_body_bytes;
        if response.content_length().is_some_and(|n| n > cap) {
            return Err(FetchError::TooLarge(cap));
        }
        let mut bytes = Vec::new();
        response
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(
                |e| match e.get_ref().and_then(|e| e.downcast_ref::<reqwest::Error>()) {
                    Some(re) => classify(re),
                    None if e.kind() == std::io::ErrorKind::TimedOut => {
                        FetchError::Timeout("reading the body".into())
                    }
                    None => FetchError::Http(format!("reading the body: {e}")),
                },
            )?;
        if bytes.len() as u64 > cap {
            return Err(FetchError::TooLarge(cap));
        }
        Ok(bytes)
    }

    /// Fetches every URL, `jobs` at a time (within the per-host limits), calling
    /// `on_done` from the worker threads as each one is settled.
    pub fn fetch_each<V, F>(&self, urls: &[Url], validators: V, on_done: F)
    where
        V: Fn(&Url) -> Option<Validators> + Sync,
        F: Fn(&Url, Result<Fetched, FetchError>) + Sync,
    {
        let next = AtomicUsize::new(0);
        let workers = self.options.jobs.clamp(1, urls.len().max(1));
        std::thread::scope(|scope| {
            for _ in 0..workers {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = urls.get(i) else { break };
                    let v = validators(url);
                    on_done(url, self.fetch(url, v.as_ref()));
                });
            }
        });
    }
}

/// A reqwest error in words a user can act on.
fn classify(e: &reqwest::Error) -> FetchError {
    let mut detail = String::new();
    let mut source: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = source {
        detail = s.to_string();
        source = s.source();
    }
    if e.is_redirect() {
        FetchError::Redirect(detail)
    } else if e.is_timeout() {
        FetchError::Timeout(if e.is_connect() {
            "connecting (--connect-timeout)".into()
        } else {
            "waiting for the answer (--timeout)".into()
        })
    } else if e.is_connect() {
        FetchError::Connect(detail)
    } else if detail.is_empty() {
        FetchError::Http(e.to_string())
    } else {
        FetchError::Http(detail)
    }
}

/// The wait a `Retry-After` header asks for: seconds, or an HTTP date.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

/// Per-host politeness: at most `per_host` requests in flight to one host, and request
/// starts at least `1 / rate` seconds apart.
struct HostLimiter {
    per_host: usize,
    interval: Duration,
    state: Mutex<HashMap<String, HostState>>,
    changed: Condvar,
}

#[derive(Default)]
struct HostState {
    active: usize,
    next_start: Option<Instant>,
}

/// A request slot on one host, given back when dropped.
struct HostSlot<'a> {
    limiter: &'a HostLimiter,
    host: String,
}

impl HostLimiter {
    fn new(per_host: usize, rate: f64) -> Self {
        let interval = if rate > 0.0 && rate.is_finite() {
            Duration::from_secs_f64(1.0 / rate)
        } else {
            Duration::ZERO
        };
        HostLimiter {
            per_host,
            interval,
            state: Mutex::new(HashMap::new()),
            changed: Condvar::new(),
        }
    }

    fn acquire(&self, host: &str) -> HostSlot<'_> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            let now = Instant::now();
            let h = state.entry(host.to_string()).or_default();
            let wait = h.next_start.map_or(Duration::ZERO, |t| t - now.min(t));
            if h.active < self.per_host && wait.is_zero() {
                h.active += 1;
                h.next_start = Some(now + self.interval);
                break;
            }
            let timeout = if wait.is_zero() {
                Duration::from_secs(1)
            } else {
                wait
            };
            state = self
                .changed
                .wait_timeout(state, timeout)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        HostSlot {
            limiter: self,
            host: host.to_string(),
        }
    }
}

impl Drop for HostSlot<'_> {
    fn drop(&mut self) {
        let mut state = self.limiter.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(h) = state.get_mut(&self.host) {
            h.active = h.active.saturating_sub(1);
        }
        self.limiter.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_comes_from_the_content_type_parameter() {
        assert_eq!(
            charset_param("text/html; charset=GBK").as_deref(),
            Some("GBK")
        );
        assert_eq!(
            charset_param("text/html;Charset=\"utf-8\"").as_deref(),
            Some("utf-8")
        );
        assert_eq!(charset_param("text/html"), None);
    }

    #[test]
    fn only_http_and_https_are_urls_to_fetch() {
        assert!(matches!(parse_url("https://example.org/a"), Some(Ok(_))));
        assert!(matches!(parse_url("HTTP://example.org/a"), Some(Ok(_))));
        assert!(matches!(
            parse_url("ftp://example.org/a"),
            Some(Err(FetchError::Scheme))
        ));
        assert!(parse_url("reports/a.txt").is_none());
        assert!(parse_url("C:/x://y").is_none());
    }

    #[test]
    fn retry_after_takes_seconds_or_a_date() {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        h.insert(
            header::RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
    }

    #[test]
    fn host_starts_are_spaced_by_the_rate() {
        let limiter = HostLimiter::new(4, 20.0);
        let start = Instant::now();
        for _ in 0..3 {
            drop(limiter.acquire("a.example"));
        }
        // three starts at 20/s: the third no earlier than 100 ms after the first
        assert!(start.elapsed() >= Duration::from_millis(95));
    }
}
