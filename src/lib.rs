//! zonekg turns Chinese government reports about development zones into facts
//! (zones, officials and their posts, meetings, goals, achievements, tasks) and those
//! facts into a knowledge graph.
//!
//! The modules read as the pipeline: [`source`] → [`normalize`] → [`segment`] →
//! [`extract`] → [`model`]. [`process`] runs the whole of it on one input:
//!
//! ```
//! let report = zonekg::process("2月6日，某某高新区召开大会。".as_bytes(), "a.txt").unwrap();
//! assert_eq!(report.source, "a.txt");
//! ```

pub mod analyze;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod query;
pub mod rdf;
pub mod remote;
pub mod segment;
pub mod source;
pub mod store;
pub mod synth;

pub use error::ReadError;
pub use model::Report;

/// Reads raw bytes (any supported encoding, text or HTML) and extracts a report.
/// `source` is the name the report is known by (file name or URL).
pub fn process(bytes: &[u8], source: &str) -> Result<Report, ReadError> {
    process_with_charset(bytes, source, None)
}

/// [`process`] for a page whose HTTP header declared `charset` (it outranks the page's
/// own `<meta>`).
pub fn process_with_charset(
    bytes: &[u8],
    source: &str,
    charset: Option<&str>,
) -> Result<Report, ReadError> {
    let doc = normalize::normalize_with_charset(bytes, source, charset)?;
    Ok(extract::extract(&doc, source))
}
