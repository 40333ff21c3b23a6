//! Counting and finding chars straight from UTF-8 bytes, without decoding char by char.
//!
//! The boilerplate stage weighs every line by its Han characters: a count over fixed-size
//! windows of bytes (which the compiler turns into vector compares) keeps that cheap.
//! Stages that test chars against a set of three-byte chars ([`BmpSet`]: traditional
//! characters, marker letters) look bits up straight from the bytes. The tests check each against its plain `chars()` twin.

/// Pairs of bytes looked at in one step of [`han_count`].
const PAIRS: usize = 32;

/// How many chars of `s` are Han ideographs ([`is_han`](crate::zh::han::is_han)): the
/// unified blocks U+3400–4DBF and U+4E00–9FFF, the compatibility block U+F900–FAFF, and
/// the supplementary planes U+20000–3134F.
pub(crate) fn han_count(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while at + PAIRS < bytes.len() {
        count += usize::from(han_leads(&bytes[at..at + PAIRS + 1]));
        at += PAIRS;
    }
    // the rest, padded with NULs (which lead nothing)
    let mut tail = [0u8; PAIRS + 1];
    let rest = &bytes[at..];
    tail[..rest.len()].copy_from_slice(rest);
    count += usize::from(han_leads(&tail));
    // four-byte chars are rare: decode them
    if memchr::memchr(0xF0, bytes).is_some() {
        count += s
            .char_indices()
            .filter(|&(i, c)| bytes[i] == 0xF0 && crate::zh::han::is_han(c))
            .count();
    }
    count
}

/// How many of the first [`PAIRS`] bytes of `window` lead a three-byte Han char, each
/// told by its lead and the byte after it:
///   E3 90..BF → U+3400–3FFF (Han)   E4 → U+4000–4FFF, Han except E4 B7 (U+4DC0–4DFF)
///   E5..E9    → U+5000–9FFF (Han)   EF A4..AB → U+F900–FAFF (Han)
#[inline(always)]
fn han_leads(window: &[u8]) -> u8 {
    let leads: &[u8; PAIRS] = window[..PAIRS].try_into().expect("a whole window");
    let seconds: &[u8; PAIRS] = window[1..=PAIRS].try_into().expect("a whole window");
    let mut n = 0u8;
    for (&lead, &second) in leads.iter().zip(seconds) {
        n += u8::from(matches!(lead, 0xE5..=0xE9))
            | u8::from(lead == 0xE4 && second != 0xB7)
            | u8::from(lead == 0xE3 && second >= 0x90)
            | u8::from(lead == 0xEF && matches!(second, 0xA4..=0xAB));
    }
    n
}

/// A set of three-byte chars (U+0800–FFFF), tested straight from a char's bytes.
///
/// Built from bits indexed by code point (word `c / 64`, bit `c % 64`), but stored
/// indexed by the lead byte's low half and the whole second byte, so a lookup needs no
/// masking of the second byte: the word for `E5 8C 97` is at `0x58C`, its bit is the
/// third byte's low six bits (a 64-bit shift takes its count modulo 64).
pub(crate) struct BmpSet {
    words: Box<[u64; 4096]>,
}

impl BmpSet {
    /// The set whose bit `c % 64` of word `c / 64` is set for each member `c`.
    pub(crate) fn from_bits(bits: &[u64; 1024]) -> BmpSet {
        let mut words = Box::new([0u64; 4096]);
        for (k, word) in words.iter_mut().enumerate() {
            // every second byte, not only continuation bytes, reads as `second & 0x3F`
            *word = bits[(k >> 8) << 6 | (k & 0x3F)];
        }
        BmpSet { words }
    }

    /// Whether the three-byte char `[lead, second, third]` is in the set, as 0 or 1.
    #[inline(always)]
    fn bit(&self, lead: u8, second: u8, third: u8) -> u64 {
        let word = self.words[usize::from(lead & 0x0F) << 8 | usize::from(second)];
        word.wrapping_shr(u32::from(third)) & 1
    }

    /// Steps over `bytes` char by char, calling `hit(at, bit)` for every three-byte char
    /// (`bit` is 1 if it is in the set); stops as soon as `hit` returns `true`.
    #[inline(always)]
    fn walk(&self, bytes: &[u8], mut hit: impl FnMut(usize, u64) -> bool) {
        let mut i = 0;
        while i < bytes.len() {
            let lead = bytes[i];
            if lead & 0xF0 != 0xE0 {
                i += 1;
                continue;
            }
            let Some(&[second, third]) = bytes.get(i + 1..i + 3) else {
                return;
            };
            if hit(i, self.bit(lead, second, third)) {
                return;
            }
            i += 3;
        }
    }
}

/// How many chars of `s` are in `set`.
pub(crate) fn count_in(s: &str, set: &BmpSet) -> usize {
    let mut n = 0;
    set.walk(s.as_bytes(), |_, bit| {
        n += bit as usize;
        false
    });
    n
}

/// Byte offset of the first char of `s` in `set`.
pub(crate) fn first_in(s: &str, set: &BmpSet) -> Option<usize> {
    let mut found = None;
    set.walk(s.as_bytes(), |at, bit| {
        found = (bit != 0).then_some(at);
        found.is_some()
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zh::han::is_han;

    /// Text with chars at the edges of every range the scans tell apart.
    fn edges() -> String {
        let points = [
            0x41, 0xA0, 0xBB, 0x7FF, 0x2000, 0x3000, 0x3002, 0x33FF, 0x3400, 0x3FFF, 0x4000,
            0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x5000, 0x9FFF, 0xA000, 0xF8FF, 0xF900, 0xFAFF, 0xFB00,
            0xFF08, 0xFFFD, 0x1F600, 0x1FFFF, 0x20000, 0x2A6DF, 0x30000, 0x3134F, 0x31350, 0x31FFF,
            0x32000, 0x10FFFF,
        ];
        points
            .iter()
            .filter_map(|&p| char::from_u32(p))
            .flat_map(|c| [c, '区', 'a'])
            .collect()
    }

    /// Texts every scan is checked on: the edge chars, the empty and one-char texts, a
    /// sentence.
    fn samples(edges: &str) -> [&str; 5] {
        [
            edges,
            "",
            "a",
            "区",
            "某某高新区召开2024年度工作会议,区委书记出席。",
        ]
    }

    #[test]
    fn set_scans_agree_with_chars() {
        // a set of a few Han chars, CJK punctuation and one char above the Han blocks
        let members = ['区', '園', '。', '\u{FF0C}', '\u{3400}', '\u{0800}'];
        let mut bits = [0u64; 1024];
        for c in members {
            let k = c as usize;
            bits[k / 64] |= 1 << (k % 64);
        }
        let set = BmpSet::from_bits(&bits);
        let text = edges();
        let mut inputs = samples(&text).to_vec();
        inputs.extend([
            "一二三四五六七八九十園",
            "一二三四园区。",
            "一二三四五六七八,区",
        ]);
        for s in inputs {
            let want = s.chars().filter(|c| members.contains(c)).count();
            assert_eq!(count_in(s, &set), want, "{s}");
            let first = s.char_indices().find(|(_, c)| members.contains(c));
            assert_eq!(first_in(s, &set), first.map(|(i, _)| i), "{s}");
        }
        let long = text.repeat(40) + "甲乙丙丁戊己庚辛壬癸區区";
        let want = long.chars().filter(|c| members.contains(c)).count();
        assert_eq!(count_in(&long, &set), want);
    }

    #[test]
    fn han_count_agrees_with_is_han() {
        let text = edges();
        for s in samples(&text) {
            assert_eq!(
                han_count(s),
                s.chars().filter(|&c| is_han(c)).count(),
                "{s}"
            );
        }
        // long enough for several counting blocks
        let long = text.repeat(40);
        assert_eq!(
            han_count(&long),
            long.chars().filter(|&c| is_han(c)).count()
        );
    }
}
