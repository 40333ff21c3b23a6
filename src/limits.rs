//! Bounds on what one report may cost, and what was cut to keep within them.
//!
//! Extraction costs time and memory in proportion to a report's size, with three caps
//! that no real report reaches, so that a pathological input (a 20 MB page on one line,
//! a list of 20,000 titled names, HTML nested 100,000 deep) is cut instead of filling
//! the machine:
//!
//! - a report is read up to [`Limits::max_report_bytes`] (16 MiB unless the user says
//!   otherwise: `--max-report-bytes`), cut at the last line end before the limit;
//! - a sentence longer than [`MAX_SENTENCE_BYTES`] is read in pieces, split at the last
//!   clause break (`;`, `,`, `、`) before the limit;
//! - HTML tags nested deeper than [`MAX_HTML_DEPTH`] are read as if they were not there;
//! - of more than [`MAX_LISTS`] enumerated lists, the first are weighed as tasks.
//!
//! Each cut is a [`Cut`], returned with the report by [`crate::process_limited`]; the
//! commands print it on stderr.
//!
//! ```
//! let big = "园区召开大会。\n".repeat(100);
//! let limits = zonekg::Limits { max_report_bytes: 100 };
//! let processed = zonekg::process_limited(big.as_bytes(), "big.txt", &limits).unwrap();
//! assert!(matches!(processed.cuts[0], zonekg::Cut::Report { size: 2200, kept: 88 }));
//! ```

use std::fmt;

/// The longest sentence read as one, in bytes (about 1,350 Han chars). The longest
/// sentence of the real reports and fixtures has under 500 chars; list-like pages that
/// run on without a full stop (personnel notices, statistics) are read in pieces. Every
/// fact keeps its sentence, so this also bounds the output: a list of 20,000 titled
/// names in one sentence would otherwise repeat that sentence 20,000 times.
pub const MAX_SENTENCE_BYTES: usize = 4 * 1024;

/// The most enumerated lists (`一是…二是…`, `(一)…(二)…`) of a report weighed as
/// tasks, in reading order. Real reports hold a few dozen.
pub const MAX_LISTS: usize = 2_000;

/// The deepest nesting of HTML elements read as such. Real pages nest a few dozen
/// deep; deeper tags are blanked out before parsing (their text stays).
pub const MAX_HTML_DEPTH: usize = 256;

/// What a report may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of a report read; the rest is cut.
    pub max_report_bytes: usize,
}

impl Limits {
    /// The default size limit: 16 MiB, hundreds of times the largest real report.
    pub const DEFAULT_MAX_REPORT_BYTES: usize = 16 * 1024 * 1024;

    /// `bytes` cut to the size limit: at the last line end within the limit's last
    /// 64 KiB where there is one (so no line is cut in two), else at the limit, moved
    /// back to the start of a UTF-8 char that straddles it (kept even for UTF-16, whose
    /// units are two bytes). `None` when the report is within the limit.
    pub fn cut<'b>(&self, bytes: &'b [u8]) -> Option<&'b [u8]> {
        let limit = self.max_report_bytes;
        if bytes.len() <= limit {
            return None;
        }
        let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
        if utf16 {
            return Some(&bytes[..limit & !1]);
        }
        let window = limit.saturating_sub(64 * 1024);
        let end = match memchr::memrchr(b'\n', &bytes[window..limit]) {
            Some(i) => window + i + 1,
            None => {
                // not inside a UTF-8 char: back over continuation bytes to its lead
                let mut end = limit;
                while end + 3 > limit && end > 0 && bytes[end] & 0xC0 == 0x80 {
                    end -= 1;
                }
                end
            }
        };
        Some(&bytes[..end])
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_report_bytes: Self::DEFAULT_MAX_REPORT_BYTES,
        }
    }
}

/// Something left out or read differently to keep a report within its bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    /// The report was longer than the size limit: only its first `kept` bytes were read.
    Report { size: usize, kept: usize },
    /// `count` sentences were longer than [`MAX_SENTENCE_BYTES`] (the longest `longest`
    /// bytes) and were read in pieces: a fact spanning two pieces is missed.
    LongSentences { count: usize, longest: usize },
    /// `tags` HTML tags stood deeper than [`MAX_HTML_DEPTH`] and were ignored.
    DeepHtml { tags: usize },
    /// The report held `count` enumerated lists: only the first `read` were weighed as
    /// tasks ([`MAX_LISTS`]).
    Lists { count: usize, read: usize },
}

impl fmt::Display for Cut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cut::Report { size, kept } => write!(
                f,
                "{size} bytes, more than --max-report-bytes: read the first {kept}, \
                 cut the last {}",
                size - kept
            ),
            Cut::LongSentences { count, longest } => write!(
                f,
                "{count} sentence(s) longer than {MAX_SENTENCE_BYTES} bytes (the longest \
                 {longest}) read in pieces of at most {MAX_SENTENCE_BYTES}"
            ),
            Cut::Lists { count, read } => write!(
                f,
                "{count} enumerated lists: the first {read} read for tasks, the other {} not",
                count - read
            ),
            Cut::DeepHtml { tags } => write!(
                f,
                "{tags} HTML tag(s) nested deeper than {MAX_HTML_DEPTH} ignored (their text is kept)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_the_last_line_end_within_the_limit() {
        let limits = Limits {
            max_report_bytes: 10,
        };
        assert_eq!(limits.cut(b"0123456789"), None);
        assert_eq!(limits.cut(b"abc\ndef\nghijkl"), Some(&b"abc\ndef\n"[..]));
        assert_eq!(limits.cut(b"0123456789abc"), Some(&b"0123456789"[..]));
        // `甲` (E7 94 B2) straddles the limit: it is left out whole
        assert_eq!(
            limits.cut("01234567甲".as_bytes()),
            Some("01234567".as_bytes())
        );
        assert_eq!(
            limits.cut(b"\xFF\xFEa\0b\0c\0d\0e\0f\0"),
            Some(&b"\xFF\xFEa\0b\0c\0d\0"[..])
        );
    }
}
