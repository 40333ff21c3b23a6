//! Pushing the store's graphs to a remote store with the SPARQL 1.1 Graph Store HTTP
//! Protocol: one `PUT <graph-store>?graph=IRI` per named graph (each report's graph,
//! the links graph, the ontology), so a second push of a graph replaces it.
//!
//! The store directory remembers, per remote graph store, a fingerprint of each graph
//! pushed there (`zonekg-push.json`): a report graph's is its content hash and
//! extractor version, another graph's the SHA-256 of its N-Triples. Only graphs whose
//! fingerprint changed are pushed again (all of them with [`PushOptions::all`]); a
//! report dropped from the store since is deleted from the remote one.

use super::{Remote, RemoteError};
use crate::rdf::vocab::{LINKS_GRAPH, ONTOLOGY_GRAPH};
use crate::rdf::ONTOLOGY_TTL;
use crate::store::KgStore;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef};
use reqwest::Url;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The file in the store directory that remembers what was pushed where.
pub const PUSH_STATE_FILE: &str = "zonekg-push.json";

/// The media type of the bodies sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyType {
    /// `application/n-triples`.
    NTriples,
    /// `text/turtle` (the body is N-Triples, which is Turtle too), for stores that do
    /// not take N-Triples.
    Turtle,
}

impl BodyType {
    fn media_type(self) -> &'static str {
        match self {
            BodyType::NTriples => "application/n-triples",
            BodyType::Turtle => "text/turtle; charset=utf-8",
        }
    }
}

#[derive(Debug, Clone)]
pub struct PushOptions {
    /// Push every graph, changed or not.
    pub all: bool,
    /// Graphs in flight at once.
    pub jobs: usize,
    pub body: BodyType,
}

impl Default for PushOptions {
    fn default() -> Self {
        PushOptions {
            all: false,
            jobs: 4,
            body: BodyType::NTriples,
        }
    }
}

/// What happened to one graph.
#[derive(Debug)]
pub enum PushEvent<'a> {
    Pushed { graph: &'a str, quads: usize },
    Deleted { graph: &'a str },
    Failed { graph: &'a str, reason: String },
}

/// Totals of one push.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PushSummary {
    /// Named graphs in the local store.
    pub graphs: usize,
    pub pushed: usize,
    /// Graphs left alone: the remote store has them as they are.
    pub unchanged: usize,
    /// Graphs deleted remotely because they are gone locally.
    pub deleted: usize,
    pub failed: usize,
    /// Quads in the graphs pushed.
    pub quads_pushed: usize,
    /// Time spent sending.
    pub elapsed: Duration,
}

/// One graph to push or delete.
#[derive(Debug, Clone)]
pub struct PlannedGraph {
    pub graph: NamedNode,
    pub fingerprint: String,
}

/// What a push will do: the graphs to put, the graphs to delete, and how many are
/// already there as they are.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub put: Vec<PlannedGraph>,
    pub delete: Vec<String>,
    pub graphs: usize,
    pub unchanged: usize,
}

/// The per-store record of what was pushed: graph IRI → fingerprint, by graph store URL.
#[derive(Debug, Default, Serialize, Deserialize)]
struct PushState {
    stores: BTreeMap<String, BTreeMap<String, String>>,
}

impl PushState {
    fn load(dir: &Path) -> Result<Self, RemoteError> {
        let path = dir.join(PUSH_STATE_FILE);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| RemoteError::State {
                path: path.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(PushState::default()),
            Err(source) => Err(RemoteError::State {
                path: path.display().to_string(),
                source,
            }),
        }
    }

    fn save(&self, dir: &Path) -> Result<(), RemoteError> {
        let path = dir.join(PUSH_STATE_FILE);
        let tmp = dir.join(format!("{PUSH_STATE_FILE}.tmp"));
        let write = || -> std::io::Result<()> {
            let json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
            std::fs::write(&tmp, json)?;
            std::fs::rename(&tmp, &path)
        };
        write().map_err(|source| RemoteError::State {
            path: path.display().to_string(),
            source,
        })
    }
}

/// The fingerprint of a local graph: what must differ for it to be pushed again.
fn fingerprint(kg: &KgStore, graph: NamedNodeRef<'_>) -> Result<String, RemoteError> {
    if graph == ONTOLOGY_GRAPH {
        return Ok(format!("ontology:{}", hex(&Sha256::digest(ONTOLOGY_TTL))));
    }
    if graph != LINKS_GRAPH {
        let location = kg
            .store()
            .quads_for_pattern(
                Some(graph.into()),
                Some(crate::rdf::vocab::zk::LOCATION),
                None,
                Some(graph.into()),
            )
            .next()
            .transpose()?
            .and_then(|q| match q.object {
                oxigraph::model::Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            });
        if let Some((hash, version)) = match location {
            Some(l) => kg.stored_version(&l)?,
            None => None,
        } {
            return Ok(format!("report:{hash}:{version}"));
        }
    }
    let mut hasher = Sha256::new();
    write_ntriples(kg, graph, &mut HashWriter(&mut hasher))?;
    Ok(format!("ntriples:{}", hex(&hasher.finalize())))
}

struct HashWriter<'a>(&'a mut Sha256);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes the triples of `graph` as N-Triples; returns how many.
fn write_ntriples(
    kg: &KgStore,
    graph: NamedNodeRef<'_>,
    out: &mut dyn std::io::Write,
) -> Result<usize, RemoteError> {
    let mut n = 0;
    for quad in kg
        .store()
        .quads_for_pattern(None, None, None, Some(GraphNameRef::from(graph)))
    {
        let q = quad?;
        writeln!(out, "{} {} {} .", q.subject, q.predicate, q.object)
            .map_err(|e| RemoteError::Parse(e.to_string()))?;
        n += 1;
    }
    Ok(n)
}

/// Decides what pushing `kg` to `graph_store` does.
pub fn plan(kg: &KgStore, graph_store: &Url, all: bool) -> Result<Plan, RemoteError> {
    let state = PushState::load(kg.path())?;
    let pushed = state.stores.get(graph_store.as_str());
    let mut plan = Plan::default();
    let mut local = std::collections::HashSet::new();
    for graph in kg.store().named_graphs() {
        let oxigraph::model::NamedOrBlankNode::NamedNode(graph) = graph? else {
            continue;
        };
        plan.graphs += 1;
        let fp = fingerprint(kg, graph.as_ref())?;
        local.insert(graph.as_str().to_string());
        let same = pushed.and_then(|p| p.get(graph.as_str())) == Some(&fp);
        if same && !all {
            plan.unchanged += 1;
        } else {
            plan.put.push(PlannedGraph {
                graph,
                fingerprint: fp,
            });
        }
    }
    if let Some(pushed) = pushed {
        plan.delete = pushed
            .keys()
            .filter(|g| !local.contains(g.as_str()))
            .cloned()
            .collect();
    }
    Ok(plan)
}

/// The Graph Store Protocol URL of one graph.
pub fn graph_url(graph_store: &Url, graph: &str) -> Url {
    let mut url = graph_store.clone();
    url.query_pairs_mut().append_pair("graph", graph);
    url
}

/// Carries out `plan`: PUTs and DELETEs, `options.jobs` at a time, each retried by
/// `remote`, then reported through `on_event`. Graphs that went through are recorded
/// whatever happens to the others, so an interrupted push resumes where it stopped.
pub fn push(
    kg: &KgStore,
    remote: &Remote,
    graph_store: &Url,
    plan: &Plan,
    options: &PushOptions,
    on_event: impl Fn(PushEvent<'_>) + Sync,
) -> Result<PushSummary, RemoteError> {
    let started = Instant::now();
    let mut state = PushState::load(kg.path())?;
    let record = Mutex::new(
        state
            .stores
            .remove(graph_store.as_str())
            .unwrap_or_default(),
    );
    let summary = Mutex::new(PushSummary {
        graphs: plan.graphs,
        unchanged: plan.unchanged,
        ..PushSummary::default()
    });
    let next = AtomicUsize::new(0);
    let jobs = plan.put.len() + plan.delete.len();
    let put_one = |g: &PlannedGraph| -> Result<usize, RemoteError> {
        let mut body = Vec::new();
        let quads = write_ntriples(kg, g.graph.as_ref(), &mut body)?;
        let url = graph_url(graph_store, g.graph.as_str());
        remote.send(|client| {
            client
                .put(url.clone())
                .header(reqwest::header::CONTENT_TYPE, options.body.media_type())
                .body(body.clone())
        })?;
        Ok(quads)
    };
    let delete_one = |g: &str| -> Result<(), RemoteError> {
        let url = graph_url(graph_store, g);
        match remote.send(|client| client.delete(url.clone())) {
            Ok(_) => Ok(()),
            // already gone is what we wanted
            Err(RemoteError::Status { status, .. }) if status == reqwest::StatusCode::NOT_FOUND => {
                Ok(())
            }
            Err(e) => Err(e),
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.clamp(1, jobs.max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= jobs {
                    break;
                }
                if let Some(g) = plan.put.get(i) {
                    let result = put_one(g);
                    let mut s = summary.lock().unwrap_or_else(|e| e.into_inner());
                    match result {
                        Ok(quads) => {
                            s.pushed += 1;
                            s.quads_pushed += quads;
                            drop(s);
                            record
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .insert(g.graph.as_str().to_string(), g.fingerprint.clone());
                            on_event(PushEvent::Pushed {
                                graph: g.graph.as_str(),
                                quads,
                            });
                        }
                        Err(e) => {
                            s.failed += 1;
                            drop(s);
                            on_event(PushEvent::Failed {
                                graph: g.graph.as_str(),
                                reason: e.to_string(),
                            });
                        }
                    }
                } else {
                    let g = &plan.delete[i - plan.put.len()];
                    let result = delete_one(g);
                    let mut s = summary.lock().unwrap_or_else(|e| e.into_inner());
                    match result {
                        Ok(()) => {
                            s.deleted += 1;
                            drop(s);
                            record.lock().unwrap_or_else(|e| e.into_inner()).remove(g);
                            on_event(PushEvent::Deleted { graph: g });
                        }
                        Err(e) => {
                            s.failed += 1;
                            drop(s);
                            on_event(PushEvent::Failed {
                                graph: g,
                                reason: e.to_string(),
                            });
                        }
                    }
                }
            });
        }
    });
    state.stores.insert(
        graph_store.to_string(),
        record.into_inner().unwrap_or_else(|e| e.into_inner()),
    );
    state.save(kg.path())?;
    let mut summary = summary.into_inner().unwrap_or_else(|e| e.into_inner());
    summary.elapsed = started.elapsed();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_urls_carry_the_graph_as_a_parameter() {
        let store = Url::parse("http://127.0.0.1:7878/store").unwrap();
        assert_eq!(
            graph_url(&store, "https://w3id.org/zonekg/id/report/a#b").as_str(),
            "http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fzonekg%2Fid%2Freport%2Fa%23b"
        );
    }
}
