//! Text that remembers, for every byte, which byte of the raw input it came from.
//!
//! Every normalization stage rewrites text (drops pinyin, folds widths, converts
//! characters); facts must still point into the raw input. A [`MappedText`] carries the
//! raw offset of each byte of its text, so a stage that copies, drops or replaces pieces
//! keeps the map right by building its output through [`MappedTextBuilder`].
//!
//! The map is kept as runs ([`Span`]) rather than one offset per byte: copied text is a
//! few long runs whose raw offsets rise by one per byte, so a stage that copies most of
//! its input copies a handful of runs instead of four bytes of offset per text byte.

use std::ops::Range;

/// A run of text bytes, from `at` up to the next span's `at`, whose raw offsets start at
/// `raw` and rise by one per byte (`rising`) or all stand for `raw` (new text standing
/// for one raw char).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    at: u32,
    raw: u32,
    rising: bool,
}

impl Span {
    /// Raw offset of text byte `i`, which lies in this span.
    fn raw_at(self, i: usize) -> usize {
        let step = if self.rising { i - self.at as usize } else { 0 };
        self.raw as usize + step
    }
}

/// Text plus, for each byte of it, the raw-input byte offset it came from.
#[derive(Debug, Clone)]
pub struct MappedText {
    text: String,
    /// Runs of the map in text order, starting at 0 unless the text is empty; the last
    /// one, at `text.len()`, holds the raw offset just past the last piece.
    spans: Vec<Span>,
}

impl Default for MappedText {
    fn default() -> Self {
        MappedText::identity(String::new())
    }
}

/// Equal texts with equal raw offsets at every byte, however the runs are cut.
impl PartialEq for MappedText {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
            && (0..=self.len()).all(|i| self.raw_offset(i) == other.raw_offset(i))
    }
}

impl Eq for MappedText {}

impl MappedText {
    /// Text read straight from raw bytes where byte `i` of `text` is raw byte `i`.
    pub fn identity(text: String) -> Self {
        MappedText::identity_from(text, 0)
    }

    /// Text read straight from raw bytes where byte `i` of `text` is raw byte `start + i`
    /// (text after a byte-order mark).
    pub fn identity_from(text: String, start: usize) -> Self {
        let end = Span {
            at: text.len() as u32,
            raw: (start + text.len()) as u32,
            rising: false,
        };
        let spans = if text.is_empty() {
            vec![end]
        } else {
            let all = Span {
                at: 0,
                raw: start as u32,
                rising: true,
            };
            vec![all, end]
        };
        MappedText { text, spans }
    }

    /// Text whose byte `i` comes from raw offset `origins[i]`; `origins` has one extra
    /// entry at the end, the raw offset just past the last piece.
    pub fn from_parts(text: String, origins: Vec<u32>) -> Self {
        debug_assert_eq!(origins.len(), text.len() + 1);
        let mut b = MappedTextBuilder::default();
        let n = text.len();
        let mut i = 0;
        while i < n {
            let raw = origins[i];
            let mut j = i + 1;
            let rising = j >= n || origins[j] != raw;
            if rising {
                while j < n && origins[j] == raw + (j - i) as u32 {
                    j += 1;
                }
            } else {
                while j < n && origins[j] == raw {
                    j += 1;
                }
            }
            b.push_run(i, j - i, raw, rising);
            i = j;
        }
        b.text = text;
        b.finish(origins.last().map_or(0, |&o| o as usize))
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The same map over `text`, which replaces this text byte for byte (it has the
    /// same length): a stage that blanks bytes out keeps every offset.
    pub fn with_text(&self, text: String) -> MappedText {
        assert_eq!(text.len(), self.text.len(), "a replacement byte for byte");
        MappedText {
            text,
            spans: self.spans.clone(),
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Index of the span holding text byte `i` (`i <= len()`).
    fn span_of(&self, i: usize) -> usize {
        self.spans.partition_point(|s| s.at as usize <= i) - 1
    }

    /// Raw byte offset of the normalized byte offset `i` (`i == len()` allowed).
    pub fn raw_offset(&self, i: usize) -> usize {
        let i = i.min(self.text.len());
        self.spans[self.span_of(i)].raw_at(i)
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
            // a copied text is a few runs, plus two for each replaced char
            spans: Vec::with_capacity(16),
        }
    }
}

/// Builds a [`MappedText`] piece by piece.
#[derive(Debug, Default)]
pub struct MappedTextBuilder {
    text: String,
    spans: Vec<Span>,
}

impl MappedTextBuilder {
    /// Records that the `len` text bytes at `at` (the current end of the map) come from
    /// `raw` on, rising or all standing for `raw`; joins the last run when it goes on.
    #[inline]
    fn push_run(&mut self, at: usize, len: usize, raw: u32, rising: bool) {
        if len == 0 {
            return;
        }
        // one byte rises and stands for its origin alike
        let rising = rising || len == 1;
        if let Some(last) = self.spans.last_mut() {
            let last_len = at - last.at as usize;
            let goes_on = if rising {
                (last.rising || last_len == 1) && last.raw as usize + last_len == raw as usize
            } else {
                (!last.rising || last_len == 1) && last.raw == raw
            };
            if goes_on {
                last.rising = rising;
                return;
            }
        }
        self.spans.push(Span {
            at: at as u32,
            raw,
            rising,
        });
    }

    /// Appends `src[range]` with the raw offsets it already has.
    #[inline]
    pub fn push_slice(&mut self, src: &MappedText, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let base = self.text.len();
        self.text.push_str(&src.text[range.clone()]);
        // a non-empty range ends at or before the last span (at `src.len()`), so every
        // span it touches has a next one
        let mut k = src.span_of(range.start);
        loop {
            let span = src.spans[k];
            let next = src.spans[k + 1].at as usize;
            let from = range.start.max(span.at as usize);
            let to = next.min(range.end);
            let raw = span.raw_at(from) as u32;
            self.push_run(base + from - range.start, to - from, raw, span.rising);
            if next >= range.end {
                break;
            }
            k += 1;
        }
    }

    /// Appends new text standing for the raw byte `origin` (a replacement char, a
    /// folded width, a converted character).
    #[inline]
    pub fn push_str(&mut self, s: &str, origin: usize) {
        let at = self.text.len();
        self.text.push_str(s);
        self.push_run(at, s.len(), origin as u32, false);
    }

    #[inline]
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
        while self.spans.last().is_some_and(|s| s.at as usize >= keep) {
            self.spans.pop();
        }
    }

    /// Finishes the text; `end` is the raw offset just past the last piece.
    pub fn finish(mut self, end: usize) -> MappedText {
        self.spans.push(Span {
            at: self.text.len() as u32,
            raw: end as u32,
            rising: false,
        });
        MappedText {
            text: self.text,
            spans: self.spans,
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

    /// The map as it was before runs: one raw offset per byte, plus the end.
    #[derive(Default)]
    struct PerByte {
        text: String,
        origins: Vec<u32>,
    }

    impl PerByte {
        fn push_slice(&mut self, src: &PerByte, r: Range<usize>) {
            self.text.push_str(&src.text[r.clone()]);
            self.origins.extend_from_slice(&src.origins[r]);
        }
        fn push_str(&mut self, s: &str, origin: usize) {
            self.text.push_str(s);
            self.origins
                .extend(std::iter::repeat_n(origin as u32, s.len()));
        }
        fn trim_end(&mut self) {
            let keep = self.text.trim_end().len();
            self.text.truncate(keep);
            self.origins.truncate(keep);
        }
        fn finish(mut self, end: usize) -> PerByte {
            self.origins.push(end as u32);
            self
        }
    }

    fn assert_same_map(runs: &MappedText, bytes: &PerByte) {
        assert_eq!(runs.as_str(), bytes.text);
        for (i, &o) in bytes.origins.iter().enumerate() {
            assert_eq!(
                runs.raw_offset(i),
                o as usize,
                "byte {i} of {:?}",
                bytes.text
            );
        }
        // past the end reads as the end
        assert_eq!(
            runs.raw_offset(bytes.text.len() + 3),
            *bytes.origins.last().unwrap() as usize
        );
    }

    /// A small random generator, so the test needs no seed data.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    /// A char boundary of `s` at or before a random byte.
    fn boundary(s: &str, rng: &mut Lcg) -> usize {
        let mut at = rng.below(s.len() + 1);
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// One random stage: copies, drops and replaces pieces of `src` in both maps.
    fn random_stage(runs: &MappedText, bytes: &PerByte, rng: &mut Lcg) -> (MappedText, PerByte) {
        const PIECES: [&str; 6] = ["区", "\n", " ", "ab", "《", ""];
        let s = bytes.text.as_str();
        let mut out = MappedText::builder(s.len());
        let mut model = PerByte::default();
        let mut from = 0;
        while from < s.len() {
            let mut to = boundary(s, rng).max(from);
            if rng.below(3) == 0 {
                to = s.len();
            }
            match rng.below(5) {
                0 => {} // dropped
                1 => {
                    let piece = PIECES[rng.below(PIECES.len())];
                    let origin = bytes.origins[from] as usize;
                    out.push_str(piece, origin);
                    model.push_str(piece, origin);
                }
                2 => {
                    out.trim_end();
                    model.trim_end();
                    out.push_slice(runs, from..to);
                    model.push_slice(bytes, from..to);
                }
                _ => {
                    out.push_slice(runs, from..to);
                    model.push_slice(bytes, from..to);
                }
            }
            from = to.max(from + s[from..].chars().next().map_or(1, char::len_utf8));
        }
        let end = bytes.origins[s.len()] as usize;
        (out.finish(end), model.finish(end))
    }

    #[test]
    fn runs_give_the_offsets_a_per_byte_map_gives() {
        let mut rng = Lcg(7);
        for round in 0..300 {
            // a raw text with blanks, ASCII and CJK, read with a BOM-like skip or not
            let words = ["某区", " ", "\n", "abc", "召开会议", "。", "  \n", "2024年"];
            let raw: String = (0..rng.below(40))
                .map(|_| words[rng.below(words.len())])
                .collect();
            let skip = rng.below(4);
            let mut runs = MappedText::identity_from(raw.clone(), skip);
            let mut bytes = PerByte {
                text: raw.clone(),
                origins: (skip as u32..=(skip + raw.len()) as u32).collect(),
            };
            assert_same_map(&runs, &bytes);
            // maps as a legacy decoder leaves them, several bytes per raw char
            if round % 3 == 0 {
                let origins: Vec<u32> = (0..=raw.len() as u32).map(|i| i / 3 * 2).collect();
                runs = MappedText::from_parts(raw.clone(), origins.clone());
                bytes = PerByte { text: raw, origins };
                assert_same_map(&runs, &bytes);
            }
            for _ in 0..4 {
                let (r, b) = random_stage(&runs, &bytes, &mut rng);
                assert_same_map(&r, &b);
                assert_eq!(r, MappedText::from_parts(b.text.clone(), b.origins.clone()));
                (runs, bytes) = (r, b);
            }
        }
    }
}
