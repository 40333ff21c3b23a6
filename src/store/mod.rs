//! The embedded knowledge-graph store: an oxigraph RocksDB store in a directory.
//!
//! Layout (one named graph each):
//! - the ontology, under its own IRI (`https://w3id.org/zonekg/def`), reloaded on every
//!   writable open when the shipped ontology changed;
//! - one graph per report, named by the report's IRI, holding all its facts: writing a
//!   report is replacing that graph in a transaction, so a report is in the store whole or
//!   not at all;
//! - the links graph, derived from the report graphs by [`links`] after each ingest.

pub mod links;

use crate::rdf::vocab::{zk, LINKS_GRAPH, ONTOLOGY_GRAPH};
use crate::rdf::{iri, ReportMeta, ONTOLOGY_TTL};
use oxigraph::io::{RdfFormat, RdfParser, RdfSyntaxError};
use oxigraph::model::{GraphNameRef, NamedNodeRef, Quad, TermRef};
use oxigraph::store::{StorageError, Store};
use std::path::{Path, PathBuf};
use thiserror::Error;

pub use links::LinkStats;

/// Below this many quads, new reports are written in a transaction, not bulk loaded.
const BULK_LOAD_MIN_QUADS: usize = 5_000;

/// The store directory used when neither `--store` nor `ZONEKG_STORE` says otherwise.
pub const DEFAULT_STORE_DIR: &str = "./zonekg-store";

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open store {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: StorageError,
    },
    #[error("no store at {0} (run `zonekg ingest` first, or pass --store)")]
    Missing(PathBuf),
    #[error("this zonekg was built without its on-disk store (the `rocksdb` feature)")]
    NoDiskStore,
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("the shipped ontology does not parse")]
    Ontology(#[from] RdfSyntaxError),
    #[error("reading the report graphs failed")]
    Query(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("cannot write {0} in the store directory")]
    Cache(&'static str, #[source] std::io::Error),
}

/// What writing one report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteOutcome {
    /// The report was not in the store.
    Added,
    /// The report was in the store with other content or another extractor; its graph
    /// was replaced.
    Replaced,
    /// The same content by the same extractor was already stored: nothing was written.
    Unchanged,
}

/// A report ready to be written: its meta and the quads of its graph.
#[derive(Debug, Clone)]
pub struct MappedReport {
    pub meta: ReportMeta,
    pub quads: Vec<Quad>,
}

/// The zonekg knowledge graph in a directory.
#[derive(Clone)]
pub struct KgStore {
    store: Store,
    path: PathBuf,
}

impl KgStore {
    /// Opens (creating if need be) the store in `dir` for reading and writing, and makes
    /// sure it holds the current ontology. Only one process may hold it open this way.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = dir.as_ref().to_path_buf();
        let store = disk::open(&path, false)?;
        let kg = KgStore { store, path };
        kg.load_ontology()?;
        Ok(kg)
    }

    /// Opens an existing store for reading only (queries, exports): fails if `dir` holds
    /// no store rather than creating an empty one, and does not lock out a writer.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = dir.as_ref().to_path_buf();
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing(path));
        }
        let store = disk::open(&path, true)?;
        Ok(KgStore { store, path })
    }

    /// The underlying oxigraph store, for queries and exports.
    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the ontology graph when it differs from the ontology shipped with this
    /// build (a new build may add terms); otherwise leaves the store untouched.
    fn load_ontology(&self) -> Result<(), StoreError> {
        let quads = ontology_quads()?;
        let graph = GraphNameRef::from(ONTOLOGY_GRAPH);
        let stored = self
            .store
            .quads_for_pattern(None, None, None, Some(graph))
            .count();
        let mut same = stored == quads.len();
        if same {
            for q in &quads {
                if !self.store.contains(q)? {
                    same = false;
                    break;
                }
            }
        }
        if !same {
            let mut tx = self.store.start_transaction()?;
            tx.clear_graph(graph)?;
            tx.extend(&quads);
            tx.commit()?;
        }
        Ok(())
    }

    /// The content hash and extractor version stored for the report read from
    /// `location`, if it is in the store.
    pub fn stored_version(&self, location: &str) -> Result<Option<(String, String)>, StoreError> {
        let r = iri::report(location);
        let get = |p: NamedNodeRef<'_>| -> Result<Option<String>, StorageError> {
            let mut it = self.store.quads_for_pattern(
                Some(r.as_ref().into()),
                Some(p),
                None,
                Some(r.as_ref().into()),
            );
            Ok(match it.next().transpose()? {
                Some(q) => match q.object.as_ref() {
                    TermRef::Literal(l) => Some(l.value().to_string()),
                    _ => None,
                },
                None => None,
            })
        };
        Ok(
            match (get(zk::CONTENT_HASH)?, get(zk::EXTRACTOR_VERSION)?) {
                (Some(h), Some(v)) => Some((h, v)),
                _ => None,
            },
        )
    }

    /// Whether the store already holds exactly this content from this extractor.
    pub fn is_unchanged(&self, meta: &ReportMeta) -> Result<bool, StoreError> {
        Ok(self
            .stored_version(&meta.location)?
            .is_some_and(|(h, v)| h == meta.content_hash && v == meta.extractor_version))
    }

    /// Writes whole reports: a report already stored with the same content and extractor
    /// is skipped, a changed one has its graph replaced, a new one is added. New reports
    /// go in through the bulk loader (sorted files ingested at once, far faster than
    /// transactions for large batches), replaced ones in a transaction; both commit
    /// atomically, so after a crash the store holds each report whole or not at all.
    /// When a location comes twice, its last report is written.
    pub fn write_reports(&self, reports: &[MappedReport]) -> Result<Vec<WriteOutcome>, StoreError> {
        let mut last = std::collections::HashMap::new();
        for (i, r) in reports.iter().enumerate() {
            last.insert(r.meta.location.as_str(), i);
        }
        let mut outcomes = Vec::with_capacity(reports.len());
        let (mut added, mut replaced) = (Vec::new(), Vec::new());
        for (i, report) in reports.iter().enumerate() {
            let outcome = match self.stored_version(&report.meta.location)? {
                _ if last[report.meta.location.as_str()] != i => WriteOutcome::Unchanged,
                Some((h, v))
                    if h == report.meta.content_hash && v == report.meta.extractor_version =>
                {
                    WriteOutcome::Unchanged
                }
                Some(_) => WriteOutcome::Replaced,
                None => WriteOutcome::Added,
            };
            match outcome {
                WriteOutcome::Added => added.push(report),
                WriteOutcome::Replaced => replaced.push(report),
                WriteOutcome::Unchanged => {}
            }
            outcomes.push(outcome);
        }
        if !replaced.is_empty() {
            let mut tx = self.store.start_transaction()?;
            for report in &replaced {
                tx.clear_graph(iri::report(&report.meta.location).as_ref())?;
                tx.extend(&report.quads);
            }
            tx.commit()?;
        }
        let added_quads: usize = added.iter().map(|r| r.quads.len()).sum();
        if added_quads >= BULK_LOAD_MIN_QUADS {
            // Sized to this batch: by default the loader reserves room for a million quads.
            let megabytes = (added_quads / 1000).max(1);
            let mut loader = self
                .store
                .bulk_loader()
                .with_num_threads(1)
                .with_max_memory_size_in_megabytes(megabytes);
            loader.load_quads(added.iter().flat_map(|r| r.quads.iter().cloned()))?;
            loader.commit()?;
        } else if !added.is_empty() {
            // A few reports: a transaction, rather than a handful of tiny files.
            let mut tx = self.store.start_transaction()?;
            for report in &added {
                tx.extend(&report.quads);
            }
            tx.commit()?;
        }
        Ok(outcomes)
    }

    /// Drops the report read from `location`; returns whether it was there.
    pub fn remove_report(&self, location: &str) -> Result<bool, StoreError> {
        let graph = iri::report(location);
        if !self.store.contains_named_graph(graph.as_ref())? {
            return Ok(false);
        }
        let mut tx = self.store.start_transaction()?;
        tx.remove_named_graph(graph.as_ref())?;
        tx.commit()?;
        Ok(true)
    }

    /// Recomputes the links graph from the report graphs; see [`links`].
    pub fn refresh_links(&self) -> Result<LinkStats, StoreError> {
        links::refresh(&self.store)
    }

    /// Number of quads in the store (all graphs).
    pub fn quad_count(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    /// Number of reports in the store.
    pub fn report_count(&self) -> Result<usize, StoreError> {
        let mut n = 0;
        for g in self.store.named_graphs() {
            let g = g?;
            if g.as_ref() != ONTOLOGY_GRAPH.into() && g.as_ref() != LINKS_GRAPH.into() {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Makes sure everything written is on disk.
    pub fn flush(&self) -> Result<(), StoreError> {
        disk::flush(&self.store)
    }
}

/// The store on disk: RocksDB, when built with it (the default `rocksdb` feature).
#[cfg(feature = "rocksdb")]
mod disk {
    use super::{Path, Store, StoreError};

    pub fn open(path: &Path, read_only: bool) -> Result<Store, StoreError> {
        let opened = if read_only {
            Store::open_read_only(path)
        } else {
            Store::open(path)
        };
        opened.map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })
    }

    pub fn flush(store: &Store) -> Result<(), StoreError> {
        Ok(store.flush()?)
    }
}

/// Without RocksDB there is no store on disk to open or flush.
#[cfg(not(feature = "rocksdb"))]
mod disk {
    use super::{Path, Store, StoreError};

    pub fn open(_path: &Path, _read_only: bool) -> Result<Store, StoreError> {
        Err(StoreError::NoDiskStore)
    }

    pub fn flush(_store: &Store) -> Result<(), StoreError> {
        Ok(())
    }
}

/// The shipped ontology as quads of the ontology graph.
pub fn ontology_quads() -> Result<Vec<Quad>, RdfSyntaxError> {
    RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(ONTOLOGY_GRAPH)
        .for_slice(ONTOLOGY_TTL)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ontology_parses() {
        let q = ontology_quads().unwrap();
        assert!(q.len() > 100);
    }
}
