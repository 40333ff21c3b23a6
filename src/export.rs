//! Writing the store (or one report's graph) out as RDF, streamed quad by quad.
//!
//! Dataset formats (TriG, N-Quads, JSON-LD) keep each report's named graph. Triple
//! formats (Turtle, N-Triples, RDF/XML) get the union of the graphs: a triple several
//! reports state is written once, which takes a set of 128-bit fingerprints of the
//! triples written so far (16 bytes a triple), never the triples themselves.

use crate::rdf::iri;
use crate::rdf::vocab::{zk, PREFIXES};
use crate::store::KgStore;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNodeRef, QuadRef, TermRef};
use oxigraph::store::StorageError;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Write;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExportError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("cannot write the export")]
    Write(#[from] std::io::Error),
    #[error("no report {0:?} in the store (give its path, file name or IRI)")]
    UnknownReport(String),
    #[error("{0:?} names several reports; give its path or IRI")]
    AmbiguousReport(String),
}

/// The RDF syntaxes `zonekg export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RdfExportFormat {
    Turtle,
    TriG,
    NTriples,
    NQuads,
    RdfXml,
    JsonLd,
}

impl RdfExportFormat {
    pub fn rdf_format(self) -> RdfFormat {
        match self {
            RdfExportFormat::Turtle => RdfFormat::Turtle,
            RdfExportFormat::TriG => RdfFormat::TriG,
            RdfExportFormat::NTriples => RdfFormat::NTriples,
            RdfExportFormat::NQuads => RdfFormat::NQuads,
            RdfExportFormat::RdfXml => RdfFormat::RdfXml,
            RdfExportFormat::JsonLd => RdfFormat::JsonLd {
                profile: JsonLdProfileSet::empty(),
            },
        }
    }

    /// Whether the syntax keeps named graphs.
    pub fn keeps_graphs(self) -> bool {
        self.rdf_format().supports_datasets()
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExportStats {
    /// Quads (dataset formats) or distinct triples (triple formats) written.
    pub statements: usize,
}

/// The graph of the report `name` names: its IRI, its location (a path is made absolute
/// the way `ingest` records it), or its file name when only one report has it.
pub fn find_report(kg: &KgStore, name: &str) -> Result<NamedNode, ExportError> {
    let store = kg.store();
    let mut candidates = Vec::new();
    if let Ok(n) = NamedNode::new(name) {
        candidates.push(n);
    }
    candidates.push(iri::report(name));
    if let Ok(abs) = std::fs::canonicalize(name) {
        candidates.push(iri::report(&abs.to_string_lossy()));
    }
    for c in &candidates {
        if store.contains_named_graph(c.as_ref())? {
            return Ok(c.clone());
        }
    }
    let mut found = Vec::new();
    for q in store.quads_for_pattern(None, Some(zk::SOURCE_NAME), None, None) {
        let q = q?;
        if let (NamedOrBlankNodeRef::NamedNode(s), TermRef::Literal(l)) =
            (q.subject.as_ref(), q.object.as_ref())
        {
            if l.value() == name && q.graph_name.as_ref() == GraphNameRef::NamedNode(s) {
                found.push(s.into_owned());
            }
        }
    }
    match found.len() {
        0 => Err(ExportError::UnknownReport(name.to_string())),
        1 => Ok(found.remove(0)),
        _ => Err(ExportError::AmbiguousReport(name.to_string())),
    }
}

fn serializer(format: RdfExportFormat) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format.rdf_format());
    for (prefix, ns) in PREFIXES {
        s = s
            .with_prefix(*prefix, *ns)
            .expect("vocabulary namespaces are valid IRIs");
    }
    s
}

/// A 128-bit fingerprint of a triple, for dropping repeats in triple formats.
fn fingerprint(q: QuadRef<'_>) -> u128 {
    let mut a = std::collections::hash_map::DefaultHasher::new();
    let mut b = std::collections::hash_map::DefaultHasher::new();
    0u8.hash(&mut a);
    1u8.hash(&mut b);
    for h in [&mut a, &mut b] {
        q.subject.hash(h);
        q.predicate.hash(h);
        q.object.hash(h);
    }
    (u128::from(a.finish()) << 64) | u128::from(b.finish())
}

/// Writes the whole store, or the graph of `report`, to `out` in `format`.
pub fn export(
    kg: &KgStore,
    format: RdfExportFormat,
    report: Option<&NamedNode>,
    out: impl Write,
) -> Result<ExportStats, ExportError> {
    let store = kg.store();
    let graph = report.map(|r| GraphNameRef::NamedNode(r.as_ref()));
    let mut writer = serializer(format).for_writer(out);
    let mut stats = ExportStats::default();
    let mut seen: HashSet<u128> = HashSet::new();
    for q in store.quads_for_pattern(None, None, None, graph) {
        let q = q?;
        if format.keeps_graphs() {
            writer.serialize_quad(&q)?;
        } else {
            // One report's graph has no repeats; the union of several may.
            if report.is_none() && !seen.insert(fingerprint(q.as_ref())) {
                continue;
            }
            writer.serialize_triple(q.as_ref())?;
        }
        stats.statements += 1;
    }
    writer.finish()?.flush()?;
    Ok(stats)
}
