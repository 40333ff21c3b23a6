//! Errors of the library: why an input could not be read.

use thiserror::Error;

/// Why an input yields no report.
#[derive(Debug, Error)]
pub enum ReadError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty input")]
    Empty,
    #[error("binary data, not text ({0})")]
    Binary(&'static str),
    #[error("not decodable as text in any supported encoding")]
    Undecodable,
    /// A bug met on this input (a panic, caught): the input is skipped, not the batch.
    #[error("internal error while extracting: {0} (please report this input)")]
    Internal(String),
}
