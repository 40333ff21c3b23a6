//! Ingesting reports from URLs beside files.
//!
//! Pages are fetched by the [`Fetcher`]'s workers (within its per-host limits), each
//! extracted on the worker that fetched it and handed to the one writer with the files'
//! reports. A page is located at its final URL. The store directory keeps, per URL asked
//! for, what the last answer was (`zonekg-http.json`: final URL, content hash, `ETag`,
//! `Last-Modified`), so the next run asks conditionally and an unchanged page is not
//! downloaded again; the content hash still catches a page that changed nothing but its
//! validators.

use super::{ingest_prepared, prepare, Event, IngestOptions, IngestSummary, Prepared, ReportInput};
use crate::rdf::{ReportMeta, EXTRACTOR_VERSION};
use crate::source::web::{FetchError, Fetched, Fetcher, Page, Validators};
use crate::source::Input;
use crate::store::{KgStore, StoreError};
use rayon::prelude::*;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

/// The file in the store directory that remembers the last answer per URL.
pub const HTTP_CACHE_FILE: &str = "zonekg-http.json";

/// A fetched page, read as a report: located at its final URL, decoded with its
/// header's charset.
#[derive(Debug, Clone)]
pub struct FetchedPage(pub Page);

impl ReportInput for FetchedPage {
    fn location(&self) -> String {
        self.0.url.to_string()
    }
    fn source_name(&self) -> String {
        self.0.url.to_string()
    }
    fn read(&self) -> std::io::Result<Vec<u8>> {
        Ok(self.0.bytes.clone())
    }
    fn charset(&self) -> Option<String> {
        self.0.charset.clone()
    }
}

/// What the last answer for one URL was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct CachedAnswer {
    location: String,
    content_hash: String,
    #[serde(default)]
    etag: Option<String>,
    #[serde(default)]
    last_modified: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct HttpCache {
    /// By the URL asked for.
    pages: BTreeMap<String, CachedAnswer>,
}

impl HttpCache {
    /// The cache of the store in `dir`; a missing or unreadable one is empty (it only
    /// saves downloads).
    fn load(dir: &Path) -> Self {
        std::fs::read(dir.join(HTTP_CACHE_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    fn save(&self, dir: &Path) -> std::io::Result<()> {
        let tmp = dir.join(format!("{HTTP_CACHE_FILE}.tmp"));
        let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, json)?;
        std::fs::rename(tmp, dir.join(HTTP_CACHE_FILE))
    }
}

/// Ingests `files` and the pages at `urls` into `kg` (see [`super::ingest`]); a URL that
/// cannot be fetched is a failed input, named by the URL with the reason.
pub fn ingest_with_urls(
    kg: &KgStore,
    files: &[Input],
    urls: &[Url],
    fetcher: &Fetcher,
    options: IngestOptions,
    on_event: impl FnMut(Event<'_>),
) -> Result<IngestSummary, StoreError> {
    let cache = Mutex::new(HttpCache::load(kg.path()));
    let cached = |url: &Url| {
        let cache = cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.pages.get(url.as_str()).cloned()
    };
    // Asked conditionally only while the store still holds what that answer gave.
    let validators = |url: &Url| -> Option<Validators> {
        let answer = cached(url)?;
        let (hash, version) = kg.stored_version(&answer.location).ok()??;
        let current = hash == answer.content_hash && version == EXTRACTOR_VERSION;
        let v = Validators {
            etag: answer.etag,
            last_modified: answer.last_modified,
        };
        (current && (v.etag.is_some() || v.last_modified.is_some())).then_some(v)
    };
    let limits = options.limits;
    let settle = |url: &Url, result: Result<Fetched, FetchError>| -> Prepared {
        match result {
            Ok(Fetched::Page(page)) => {
                let input = FetchedPage(page);
                let prepared = prepare(kg, &input, &limits);
                if !matches!(prepared, Prepared::Failed(..)) {
                    let page = &input.0;
                    let answer = CachedAnswer {
                        location: page.url.to_string(),
                        content_hash: ReportMeta::for_bytes("", &page.bytes).content_hash,
                        etag: page.validators.etag.clone(),
                        last_modified: page.validators.last_modified.clone(),
                    };
                    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
                    cache.pages.insert(url.to_string(), answer);
                }
                prepared
            }
            Ok(Fetched::NotModified { url: final_url, .. }) => Prepared::Unchanged(
                cached(url).map_or_else(|| final_url.to_string(), |a| a.location),
            ),
            Err(e) => Prepared::Failed(url.to_string(), e.to_string()),
        }
    };
    let result = ingest_prepared(kg, options, on_event, |tx| {
        let files_tx = tx.clone();
        rayon::join(
            || {
                files
                    .par_iter()
                    .try_for_each_with(files_tx, |tx, input| tx.send(prepare(kg, input, &limits)))
                    .ok();
            },
            || {
                fetcher.fetch_each(urls, validators, |url, result| {
                    // a closed channel means the writer stopped on a store error
                    tx.send(settle(url, result)).ok();
                });
            },
        );
    });
    let saved = cache
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .save(kg.path());
    let summary = result?;
    saved.map_err(|e| StoreError::Cache(HTTP_CACHE_FILE, e))?;
    Ok(summary)
}
