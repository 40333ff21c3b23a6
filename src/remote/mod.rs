//! Remote triple stores over HTTP, for collections that outgrow one embedded store:
//! [`push`] writes the store's graphs into one with the SPARQL 1.1 Graph Store HTTP
//! Protocol, [`sparql`] asks it queries with the SPARQL 1.1 Protocol.
//!
//! [`Remote`] is the HTTP client both use: a User-Agent naming zonekg, optional HTTP
//! basic authentication, a timeout, and retries with exponential backoff on dropped
//! connections, 429 and 5xx answers (honouring `Retry-After`).

pub mod push;
pub mod sparql;

use crate::source::web::{retry_after, USER_AGENT};
use reqwest::blocking::{Client, RequestBuilder, Response};
use reqwest::StatusCode;
use std::time::Duration;
use thiserror::Error;

/// How to reach a remote store.
#[derive(Debug, Clone)]
pub struct RemoteOptions {
    /// HTTP basic authentication: user and password.
    pub auth: Option<(String, String)>,
    /// Time allowed for one request.
    pub timeout: Duration,
    /// Retries of a request that failed for a reason that may pass.
    pub retries: u32,
    /// The first retry waits this long; each next one twice as long.
    pub retry_wait: Duration,
}

impl Default for RemoteOptions {
    fn default() -> Self {
        RemoteOptions {
            auth: None,
            timeout: Duration::from_secs(60),
            retries: 3,
            retry_wait: Duration::from_millis(500),
        }
    }
}

#[derive(Debug, Error)]
pub enum RemoteError {
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
    #[error("not a URL: {0}")]
    BadUrl(String),
    #[error("--auth must be USER:PASSWORD")]
    BadAuth,
    #[error("{0}")]
    Http(String),
    #[error("HTTP {status}: {body}")]
    Status { status: StatusCode, body: String },
    #[error("cannot read the answer: {0}")]
    Parse(String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("cannot read the local graph")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("cannot keep the push record {path}")]
    State {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl RemoteError {
    fn is_transient(&self) -> bool {
        match self {
            RemoteError::Http(_) => true,
            RemoteError::Status { status, .. } => {
                *status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
            }
            _ => false,
        }
    }
}

/// Parses `USER:PASSWORD`.
pub fn parse_auth(s: &str) -> Result<(String, String), RemoteError> {
    match s.split_once(':') {
        Some((user, password)) if !user.is_empty() => Ok((user.into(), password.into())),
        _ => Err(RemoteError::BadAuth),
    }
}

/// An HTTP client for remote stores; share one across threads.
pub struct Remote {
    client: Client,
    options: RemoteOptions,
}

impl Remote {
    pub fn new(options: RemoteOptions) -> Result<Self, RemoteError> {
        let client = Client::builder()
            .user_agent(USER_AGENT)
            .timeout(options.timeout)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| RemoteError::Client(e.to_string()))?;
        Ok(Remote { client, options })
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends the request `build` makes (with authentication added), retrying transient
    /// failures; a non-2xx answer is an error carrying the start of its body.
    pub fn send(&self, build: impl Fn(&Client) -> RequestBuilder) -> Result<Response, RemoteError> {
        let mut attempt = 0;
        loop {
            let mut request = build(&self.client);
            if let Some((user, password)) = &self.options.auth {
                request = request.basic_auth(user, Some(password));
            }
            let (error, wait) = match request.send() {
                Ok(response) if response.status().is_success() => return Ok(response),
                Ok(response) => {
                    let status = response.status();
                    let wait = retry_after(response.headers());
                    let body = response.text().unwrap_or_default();
                    let body: String = body.trim().chars().take(300).collect();
                    (RemoteError::Status { status, body }, wait)
                }
                Err(e) => (RemoteError::Http(describe(&e)), None),
            };
            if attempt >= self.options.retries || !error.is_transient() {
                return Err(error);
            }
            let backoff = self.options.retry_wait.saturating_mul(1 << attempt.min(16));
            std::thread::sleep(
                wait.unwrap_or_default()
                    .max(backoff)
                    .min(Duration::from_secs(60)),
            );
            attempt += 1;
        }
    }
}

/// A reqwest error with its innermost cause, which is the one that says what happened.
fn describe(e: &reqwest::Error) -> String {
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail = format!("{e}: {s}");
        source = s.source();
    }
    detail
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_is_user_colon_password() {
        assert_eq!(
            parse_auth("admin:pw:x").unwrap(),
            ("admin".into(), "pw:x".into())
        );
        assert!(parse_auth("admin").is_err());
        assert!(parse_auth(":pw").is_err());
    }
}
