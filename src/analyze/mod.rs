//! Relationship analysis over the knowledge graph: who connects which zones, who meets
//! whom, who succeeded whom, which targets were met.
//!
//! [`facts`] reads the store with SPARQL SELECT queries into plain structs, resolving the
//! links graph's `owl:sameAs`; [`graphs`] turns those into petgraph graphs (leadership,
//! co-participation, zones). The algorithms each have a file: [`centrality`], [`path`],
//! [`communities`], [`timeline`], [`bridges`]; [`graphfile`] writes the graphs for Gephi,
//! Cytoscape, networkx and Graphviz; [`table`] lays results out as text or CSV.

pub mod bridges;
pub mod centrality;
pub mod communities;
pub mod facts;
pub mod graphfile;
pub mod graphs;
pub mod path;
pub mod table;
pub mod timeline;

pub use facts::Facts;
pub use graphs::{EdgeData, GraphKind, KgGraph, Link, NodeData, NodeKind};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum AnalyzeError {
    #[error("query failed: {0}")]
    Query(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("no official or zone named {0:?}")]
    NotFound(String),
    #[error("{name:?} names several nodes; write NAME@ZONE to pick one: {candidates}")]
    Ambiguous { name: String, candidates: String },
    #[error("no zone named {0:?}")]
    NoZone(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}
