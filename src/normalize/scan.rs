//! Counting Han characters straight from UTF-8 bytes, without decoding char by char.
//!
//! The boilerplate stage weighs every line by its Han characters: a count over fixed-size
//! windows of bytes (which the compiler turns into vector compares) keeps that cheap.
//! The tests check it against its plain `chars()` twin.

/// Pairs of bytes looked at in one step of [`han_count`].
const PAIRS: usize = 32;

/// How many chars of `s` are Han ideographs ([`is_han`](super::pinyin::is_han)): the
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
            .filter(|&(i, c)| bytes[i] == 0xF0 && super::pinyin::is_han(c))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::pinyin::is_han;

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

    #[test]
    fn han_count_agrees_with_is_han() {
        let text = edges();
        for s in [
            text.as_str(),
            "",
            "a",
            "区",
            "某某高新区召开2024年度工作会议,区委书记出席。",
        ] {
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
