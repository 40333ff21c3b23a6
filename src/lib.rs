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
pub mod limits;
pub mod model;
pub mod normalize;
pub mod query;
pub mod rdf;
pub mod remote;
pub mod segment;
pub mod serve;
pub mod source;
pub mod store;
pub mod zh;

pub use error::ReadError;
pub use limits::{Cut, Limits};
pub use model::Report;

/// Reads raw bytes (any supported encoding, text or HTML) and extracts a report, within
/// the default [`Limits`]. `source` is the name the report is known by (file name or URL).
pub fn process(bytes: &[u8], source: &str) -> Result<Report, ReadError> {
    process_limited(bytes, source, &Limits::default()).map(|p| p.report)
}

/// [`process`] for a page whose HTTP header declared `charset` (it outranks the page's
/// own `<meta>`).
pub fn process_with_charset(
    bytes: &[u8],
    source: &str,
    charset: Option<&str>,
) -> Result<Report, ReadError> {
    process_page(bytes, source, charset, &Limits::default()).map(|p| p.report)
}

/// A report and what was cut to keep it within its [`Limits`].
#[derive(Debug, Clone)]
pub struct Processed {
    pub report: Report,
    pub cuts: Vec<Cut>,
}

/// [`process_page`], with a panic on the way (a bug some odd input sets off) caught
/// and returned as [`ReadError::Internal`], so one input cannot stop a batch.
pub fn process_caught(
    bytes: &[u8],
    source: &str,
    charset: Option<&str>,
    limits: &Limits,
) -> Result<Processed, ReadError> {
    caught(|| process_page(bytes, source, charset, limits))
}

/// Runs `f`, turning a panic into [`ReadError::Internal`] with the panic's message.
fn caught<T>(f: impl FnOnce() -> Result<T, ReadError>) -> Result<T, ReadError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("a panic");
        Err(ReadError::Internal(message.to_string()))
    })
}

/// [`process`] within `limits`, saying what was cut.
pub fn process_limited(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
) -> Result<Processed, ReadError> {
    process_page(bytes, source, None, limits)
}

/// [`process_limited`] for a page whose HTTP header declared `charset`.
pub fn process_page(
    bytes: &[u8],
    source: &str,
    charset: Option<&str>,
    limits: &Limits,
) -> Result<Processed, ReadError> {
    let mut cuts = Vec::new();
    let bytes = match limits.cut(bytes) {
        Some(kept) => {
            cuts.push(Cut::Report {
                size: bytes.len(),
                kept: kept.len(),
            });
            kept
        }
        None => bytes,
    };
    let mut doc = normalize::normalize_with_charset(bytes, source, charset)?;
    cuts.append(&mut doc.cuts);
    let (report, long) = extract::extract_bounded(&doc, source);
    cuts.extend(long);
    Ok(Processed { report, cuts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_as_an_internal_error_naming_it() {
        let r: Result<(), ReadError> = caught(|| panic!("index out of bounds"));
        let e = r.unwrap_err();
        assert!(matches!(&e, ReadError::Internal(m) if m == "index out of bounds"));
        assert!(e.to_string().contains("please report this input"));
        assert_eq!(caught(|| Ok::<_, ReadError>(7)).unwrap(), 7);
    }
}
