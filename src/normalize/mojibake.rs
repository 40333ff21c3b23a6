//! Repairs the mojibake that byte-level pinyin annotators leave in GBK pages.
//!
//! Some sites add `(pinyin)` after characters by searching the page's GBK *bytes*. Where
//! the two bytes of such a character straddle two real characters, the annotation lands
//! in the middle of one of them: its lead byte `X` is followed by `(`, the pair `X (`
//! is undecodable, and the page shows `?jīng)` with the shifted bytes after it decoding
//! to wrong characters (`山?jīng)龉I` for `山涼工`). The stage puts `X` back and decodes
//! the run again. `X` is the byte that makes, with the byte before it, a character with
//! that pinyin; which characters have which pinyin is learned from the page itself, from
//! its well-placed annotations (`經(jīng)`).
//!
//! Limits: a shifted run can also swallow a byte pair that the page's decoder dropped
//! (an unmapped code); that character is only restored when exactly one candidate forms
//! a pair of characters found elsewhere in the same page, otherwise it is left out.
//! Where no byte fits, only the debris `?jīng)` is removed.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use encoding_rs::GBK;

use super::pinyin::syllable;
use super::{Document, MappedText, Normalizer};
use crate::zh::han::is_han;

pub struct Mojibake;

/// A character as the misaligned annotator left it: `?` + syllable + `)`.
#[derive(Debug, Clone)]
struct Debris {
    /// Bytes of `?syllable)` in the text.
    span: Range<usize>,
    syllable: Range<usize>,
}

fn is_debris_mark(c: char) -> bool {
    c == '?' || c == '\u{FFFD}'
}

/// Debris starting at byte `at` (a `?`), if it is one.
fn debris_at(s: &str, at: usize) -> Option<Debris> {
    let mark = s[at..].chars().next()?;
    let inner = at + mark.len_utf8();
    let mut end = s.len().min(inner + 16);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let close = s[inner..end].find([')', '）'])?;
    let close_len = if s[inner + close..].starts_with(')') {
        1
    } else {
        3
    };
    // only a toned syllable: `?abc)` in a URL or code must not look like debris
    (syllable(&s[inner..inner + close]) == Some(true)).then_some(Debris {
        span: at..inner + close + close_len,
        syllable: inner..inner + close,
    })
}

fn find_debris(s: &str) -> Vec<Debris> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(k) = s[i..].find(is_debris_mark) {
        let at = i + k;
        match debris_at(s, at) {
            Some(d) => {
                i = d.span.end;
                found.push(d);
            }
            None => i = at + s[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// Characters the page annotates well-placed, by the syllable written after them.
fn learn_readings(s: &str) -> HashMap<&str, Vec<char>> {
    let mut readings: HashMap<&str, Vec<char>> = HashMap::new();
    for (open, _) in s.match_indices('(') {
        let Some(c) = s[..open].chars().next_back().filter(|&c| is_han(c)) else {
            continue;
        };
        let inner = open + 1;
        let Some(close) = s[inner..].find(')').filter(|&k| k <= 12) else {
            continue;
        };
        let syl = &s[inner..inner + close];
        if syllable(syl) == Some(true) {
            let chars = readings.entry(syl).or_default();
            if !chars.contains(&c) {
                chars.push(c);
            }
        }
    }
    readings
}

/// The GBK bytes of `c`, if it has any.
fn gbk_bytes(c: char, out: &mut Vec<u8>) -> bool {
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = GBK.encode(c.encode_utf8(&mut buf));
    if unmappable {
        return false;
    }
    out.extend_from_slice(&bytes);
    true
}

/// The one character a two-byte GBK sequence decodes to.
fn gbk_char(lead: u8, trail: u8) -> Option<char> {
    let pair = [lead, trail];
    let s = GBK.decode_without_bom_handling_and_without_replacement(&pair)?;
    let mut chars = s.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// Whether a GBK pair lies in a user-defined area, which pages decode to nothing.
fn is_unmapped_pair(lead: u8, trail: u8) -> bool {
    matches!((lead, trail), (0xA1..=0xA7, 0x40..=0xA0) | (0xAA..=0xAF | 0xF8..=0xFE, 0xA1..=0xFE))
}

/// Counts of Han bigrams, keyed by [`bigram_key`]. Counting every bigram of a long page
/// is the costly part of a repair, so the keys are packed and hashed cheaply.
type BigramCounts = HashMap<u64, u32, BuildHasherDefault<PackedKeyHasher>>;

fn bigram_key(a: char, b: char) -> u64 {
    (a as u64) << 21 | b as u64
}

/// A multiply-shift hasher for the packed `u64` keys (no untrusted keys: no DoS concern).
#[derive(Default)]
struct PackedKeyHasher(u64);

impl Hasher for PackedKeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A repaired run: what replaces `span` in the text, char by char with raw origins.
struct Repair {
    span: Range<usize>,
    chars: Vec<(char, usize)>,
}

/// Context shared by the repairs of one text.
struct Page<'a> {
    text: &'a MappedText,
    readings: HashMap<&'a str, Vec<char>>,
    bigrams: OnceCell<BigramCounts>,
}

impl Page<'_> {
    fn s(&self) -> &str {
        self.text.as_str()
    }

    /// The lead byte that, after `prev`, forms a character read `syl`.
    fn lost_byte(&self, prev: u8, syl: &str) -> Option<u8> {
        let known = self.readings.get(syl)?;
        let mut fits =
            (0x81..=0xFEu8).filter(|&x| gbk_char(prev, x).is_some_and(|c| known.contains(&c)));
        let x = fits.next()?;
        fits.next().is_none().then_some(x)
    }

    /// How often `pair` stands in the page (bigram counts taken once, on first need).
    fn count(&self, pair: [char; 2]) -> usize {
        let counts = self.bigrams.get_or_init(|| {
            let mut counts = BigramCounts::default();
            let mut prev = '\0';
            for c in self.s().chars() {
                if is_han(prev) && is_han(c) {
                    *counts.entry(bigram_key(prev, c)).or_default() += 1;
                }
                prev = c;
            }
            counts
        });
        counts
            .get(&bigram_key(pair[0], pair[1]))
            .map_or(0, |&n| n as usize)
    }

    /// Tries to repair the run of debris starting with `chain[0]`; the run ends where
    /// the bytes fall into step again.
    fn repair(&self, chain: &[Debris]) -> Option<Repair> {
        let s = self.s();
        let first = &chain[0];
        let prev_start = s[..first.span.start].char_indices().next_back()?.0;
        let mut bytes = Vec::new();
        // for each byte, the text offset of the char it came from
        let mut from = Vec::new();
        let prev = s[prev_start..first.span.start].chars().next()?;
        if !is_han(prev) || !gbk_bytes(prev, &mut bytes) || bytes.len() != 2 {
            return None;
        }
        from.extend([prev_start; 2]);
        let mut at = first.span.start;
        let mut next = 0;
        let end = loop {
            if chain.get(next).is_some_and(|d| d.span.start == at) {
                let d = &chain[next];
                let x = self.lost_byte(*bytes.last()?, &s[d.syllable.clone()])?;
                bytes.push(x);
                from.push(at);
                at = d.span.end;
                next += 1;
                continue;
            }
            let Some(c) = s[at..].chars().next() else {
                break at;
            };
            // bytes below 0x40 are never trail bytes: the decoder is in step again
            if (c as u32) < 0x40 || !gbk_bytes(c, &mut bytes) {
                break at;
            }
            from.resize(bytes.len(), at);
            at += c.len_utf8();
        };
        if next != chain.len() {
            return None;
        }
        let decoded = GBK.decode_without_bom_handling_and_without_replacement(&bytes)?;
        let mut chars = Vec::new();
        let mut b = 0;
        for c in decoded.chars() {
            if c.is_ascii() {
                return None;
            }
            chars.push((c, from[b]));
            // outside ASCII, every GBK char is two bytes
            b += 2;
        }
        self.fill_gap(&mut chars, &bytes, end);
        Some(Repair {
            span: prev_start..end,
            chars,
        })
    }

    /// Checks the run's last char against a well-placed annotation right after it; if it
    /// does not read so, a dropped pair sits inside it: restore it when the page's own
    /// bigrams single one out, else leave the char out.
    fn fill_gap(&self, chars: &mut Vec<(char, usize)>, bytes: &[u8], end: usize) {
        let s = self.s();
        let Some(after) = s[end..].strip_prefix('(') else {
            return;
        };
        let Some(close) = after.find(')').filter(|&k| k <= 12) else {
            return;
        };
        let Some(known) = self.readings.get(&after[..close]) else {
            return;
        };
        let Some(&(last, origin)) = chars.last() else {
            return;
        };
        if known.contains(&last) || bytes.len() < 2 {
            return;
        }
        chars.pop();
        let (lead, trail) = (bytes[bytes.len() - 2], bytes[bytes.len() - 1]);
        // the real last char is `v trail`, read as the annotation says
        let tails: Vec<(u8, char)> = (0x81..=0xFEu8)
            .filter_map(|v| {
                gbk_char(v, trail)
                    .filter(|c| known.contains(c))
                    .map(|c| (v, c))
            })
            .collect();
        let [(v, tail)] = tails[..] else { return };
        let before = chars.last().map(|&(c, _)| c);
        let mut best: Option<(usize, char)> = None;
        let mut tie = false;
        for u in 0x40..=0xFEu8 {
            if !is_unmapped_pair(u, v) {
                continue;
            }
            let Some(mid) = gbk_char(lead, u).filter(|&c| is_han(c)) else {
                continue;
            };
            let seen = self.count([mid, tail]) + before.map_or(0, |b| self.count([b, mid]));
            match best {
                Some((n, _)) if seen < n => {}
                Some((n, _)) if seen == n => tie = true,
                _ => {
                    best = Some((seen, mid));
                    tie = false;
                }
            }
        }
        if let Some((_, mid)) = best.filter(|&(n, _)| n > 0 && !tie) {
            chars.push((mid, origin));
        }
        chars.push((tail, origin));
    }
}

/// `text` with annotation mojibake repaired, or `None` when it has none.
pub fn repair_mojibake(text: &MappedText) -> Option<MappedText> {
    let s = text.as_str();
    // debris needs a `?` (or U+FFFD) and a `)`: most texts stop here
    if !(s.as_bytes().contains(&b'?') || s.contains("\u{FFFD}")) {
        return None;
    }
    let debris = find_debris(s);
    if debris.is_empty() {
        return None;
    }
    let page = Page {
        text,
        readings: learn_readings(s),
        bigrams: OnceCell::new(),
    };
    let mut out = MappedText::builder(s.len());
    let mut kept_from = 0;
    let mut i = 0;
    while i < debris.len() {
        // a chain: debris whose shifted runs touch (only GBK text between them)
        let mut j = i + 1;
        while j < debris.len() && only_gbk_text(&s[debris[j - 1].span.end..debris[j].span.start]) {
            j += 1;
        }
        match page
            .repair(&debris[i..j])
            .filter(|r| r.span.start >= kept_from)
        {
            Some(r) => {
                out.push_slice(text, kept_from..r.span.start);
                for (c, at) in r.chars {
                    out.push_char(c, text.raw_offset(at));
                }
                kept_from = r.span.end;
            }
            None => {
                // no fitting byte: at least drop the debris
                for d in &debris[i..j] {
                    out.push_slice(text, kept_from..d.span.start);
                    kept_from = d.span.end;
                }
            }
        }
        i = j;
    }
    out.push_slice(text, kept_from..s.len());
    Some(out.finish(text.raw_offset(s.len())))
}

/// Whether `between` is text the shifted decoding runs through (no sync byte).
fn only_gbk_text(between: &str) -> bool {
    between.chars().all(|c| c as u32 >= 0x40 && c != '\n')
}

impl Normalizer for Mojibake {
    fn name(&self) -> &'static str {
        "mojibake"
    }

    fn normalize(&self, doc: &mut Document) {
        if let Some(repaired) = repair_mojibake(&doc.text) {
            doc.text = repaired;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds the mojibake a byte-level annotator leaves: inserts `(syl)` after the
    /// GBK bytes of `target` wherever they occur, at any alignment, then decodes.
    fn annotate_bytes(text: &str, notes: &[(char, &str)]) -> String {
        let mut bytes = GBK.encode(text).0.into_owned();
        for &(c, syl) in notes {
            let mut key = Vec::new();
            assert!(gbk_bytes(c, &mut key));
            let ins = format!("({syl})");
            let mut out = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i..].starts_with(&key) {
                    out.extend_from_slice(&key);
                    out.extend_from_slice(&GBK.encode(&ins).0);
                    i += key.len();
                } else {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
            bytes = out;
        }
        // the page's decoder: an undecodable pair becomes one `?`
        let mut s = String::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] < 0x80 {
                s.push(bytes[i] as char);
                i += 1;
            } else if let Some(c) = bytes.get(i + 1).and_then(|&t| gbk_char(bytes[i], t)) {
                if !('\u{E000}'..='\u{F8FF}').contains(&c) {
                    s.push(c);
                }
                i += 2;
            } else {
                s.push('?');
                i += 2;
            }
        }
        s
    }

    fn repair(s: &str) -> String {
        repair_mojibake(&MappedText::identity(s.to_string()))
            .map_or_else(|| s.to_string(), MappedText::into_string)
    }

    #[test]
    fn simulated_annotator_leaves_debris() {
        // 涼 is a GBK extension char: `山涼` holds the bytes of 經 across its two chars
        let broken = annotate_bytes("經濟。山涼（經濟）", &[('經', "jīng"), ('濟', "jì")]);
        assert!(broken.contains("?jīng)"), "{broken}");
    }

    #[test]
    fn restores_the_lost_byte_and_realigns() {
        let broken = annotate_bytes("經濟。山涼（經濟）", &[('經', "jīng"), ('濟', "jì")]);
        // the second 經's annotation was the debris: it goes with it
        assert_eq!(repair(&broken), "經(jīng)濟(jì)。山涼（經濟(jì)）");
    }

    #[test]
    fn restores_a_dropped_pair_from_the_pages_own_bigrams() {
        let text = "經濟工業。山涼工業";
        let broken = annotate_bytes(text, &[('經', "jīng"), ('業', "yè")]);
        assert_eq!(repair(&broken), "經(jīng)濟工業(yè)。山涼工業(yè)");
    }

    #[test]
    fn without_evidence_only_the_debris_goes() {
        assert_eq!(repair("山?jīng)龉"), "山龉");
    }

    #[test]
    fn question_marks_in_plain_text_stay() {
        for s in ["为什么?(见下文)", "a?b=1)", "是否达标?yes)"] {
            assert_eq!(repair(s), s);
        }
    }

    #[test]
    fn whole_pipeline_repairs_and_cleans() {
        let broken = annotate_bytes("經濟工業。山涼工業", &[('經', "jīng"), ('業', "yè")]);
        let doc = crate::normalize::normalize(broken.as_bytes(), "a.txt").unwrap();
        assert_eq!(doc.text.as_str(), "经济工业。山凉工业");
    }
}
