//! Text that remembers, for every byte, which byte of the raw input it came from.
//!
//! Every normalization stage rewrites text (drops pinyin, folds widths, converts
//! characters); facts must still point into the raw input. A [`MappedText`] carries one
//! raw offset per byte of its text, so a stage that copies, drops or replaces pieces keeps
//! the map right by building its output through [`MappedTextBuilder`].

use std::ops::Range;

/// Text plus, for each byte of it, the raw-input byte offset it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText {
    text: String,
    /// `origins[i]` is the raw offset of `text`'s byte `i`; one extra entry at the end
    /// holds the raw offset just past the last piece.
    origins: Vec<u32>,
}

impl MappedText {
    /// Text read straight from raw bytes where byte `i` of `text` is raw byte `i`.
    pub fn identity(text: String) -> Self {
        let origins = (0..=text.len() as u32).collect();
        MappedText { text, origins }
    }

    /// Text whose bytes come from raw offsets given by `origin_of(byte_index)`.
    pub fn from_parts(text: String, origins: Vec<u32>) -> Self {
        debug_assert_eq!(origins.len(), text.len() + 1);
        MappedText { text, origins }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Raw byte offset of the normalized byte offset `i` (`i == len()` allowed).
    pub fn raw_offset(&self, i: usize) -> usize {
        self.origins[i.min(self.origins.len() - 1)] as usize
    }

    /// Raw byte range covered by the normalized byte range `r`.
    pub fn raw_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.raw_offset(r.start);
        let end = if r.end > r.start {
            // one past the raw offset of the last byte, so a one-char span is not empty
            let last = self.raw_offset(r.end - 1);
            self.raw_offset(r.end).max(last + 1)
        } else {
            start
        };
        Range { start, end }
    }

    pub fn into_string(self) -> String {
        self.text
    }

    /// A builder pre-sized for text of about this many bytes.
    pub fn builder(capacity: usize) -> MappedTextBuilder {
        MappedTextBuilder {
            text: String::with_capacity(capacity),
            origins: Vec::with_capacity(capacity + 1),
        }
    }
}

/// Builds a [`MappedText`] piece by piece.
#[derive(Debug, Default)]
pub struct MappedTextBuilder {
    text: String,
    origins: Vec<u32>,
}

impl MappedTextBuilder {
    /// Appends `src[range]` with the raw offsets it already has.
    pub fn push_slice(&mut self, src: &MappedText, range: Range<usize>) {
        self.text.push_str(&src.text[range.clone()]);
        self.origins.extend_from_slice(&src.origins[range]);
    }

    /// Appends new text standing for the raw byte `origin` (a replacement char, a
    /// folded width, a converted character).
    pub fn push_str(&mut self, s: &str, origin: usize) {
        self.text.push_str(s);
        self.origins
            .extend(std::iter::repeat_n(origin as u32, s.len()));
    }

    pub fn push_char(&mut self, c: char, origin: usize) {
        let mut buf = [0u8; 4];
        self.push_str(c.encode_utf8(&mut buf), origin);
    }

    /// The text so far.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Drops trailing whitespace already pushed (used when collapsing blank lines).
    pub fn trim_end(&mut self) {
        let keep = self.text.trim_end().len();
        self.text.truncate(keep);
        self.origins.truncate(keep);
    }

    /// Finishes the text; `end` is the raw offset just past the last piece.
    pub fn finish(mut self, end: usize) -> MappedText {
        self.origins.push(end as u32);
        MappedText {
            text: self.text,
            origins: self.origins,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_each_byte_to_itself() {
        let t = MappedText::identity("a区b".to_string());
        assert_eq!(t.raw_offset(1), 1);
        assert_eq!(t.raw_range(1..4), 1..4);
    }

    #[test]
    fn builder_keeps_origins_of_copied_and_new_text() {
        let src = MappedText::identity("區(qū)x".to_string());
        let mut b = MappedText::builder(8);
        b.push_char('区', 0);
        b.push_slice(&src, src.len() - 1..src.len());
        let out = b.finish(src.len());
        assert_eq!(out.as_str(), "区x");
        assert_eq!(out.raw_offset(0), 0);
        assert_eq!(out.raw_offset(3), src.len() - 1);
        assert_eq!(out.raw_range(3..4), src.len() - 1..src.len());
    }
}
