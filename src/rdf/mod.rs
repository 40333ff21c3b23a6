//! The knowledge-graph model: the vocabulary ([`vocab`]), how IRIs are minted ([`iri`]),
//! and how a [`Report`](crate::model::Report) becomes the quads of its named graph
//! ([`mapping`]). The ontology that declares every term is `ontology/zonekg.ttl`,
//! embedded here as [`ONTOLOGY_TTL`].

pub mod iri;
pub mod mapping;
pub mod vocab;

pub use mapping::{map_report, ReportMeta, EXTRACTOR_VERSION};

/// The ontology, in Turtle, as shipped with the binary.
pub const ONTOLOGY_TTL: &str = include_str!("../../ontology/zonekg.ttl");
