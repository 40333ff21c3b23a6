//! Converts traditional Chinese to simplified (`區` → `区`, `陳曉東` → `陈晓东`) with
//! OpenCC's `t2s` tables, so names and facts are compared in one script.
//!
//! Simplified text passes untouched: a bit set of the characters that `t2s` changes on
//! their own tells quickly whether a piece of text needs converting at all. Conversion
//! runs per clause (up to `。，；` or a line end), so a phrase rule that changes the
//! length of a clause blurs offsets only within that clause.

use std::sync::LazyLock;

use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

use super::scan::{first_in, BmpSet};
use super::{Document, MappedText, Normalizer};

pub struct Hanzi;

/// The t2s converter, built once. `None` if the embedded tables fail to load, in which
/// case text passes unconverted rather than failing the whole report.
static T2S: LazyLock<Option<OpenCC>> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::T2s).ok());

/// The code points the bit set covers: CJK Extension A up to the compatibility ideographs.
const FIRST: u32 = 0x3400;
const LAST: u32 = 0xFAFF;

/// Bit `c - FIRST` is set when `t2s` changes the character `c` standing alone.
static TRADITIONAL: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; ((LAST - FIRST) / 64 + 1) as usize];
    let Some(t2s) = T2S.as_ref() else {
        return bits;
    };
    // one char per line: phrase rules never span a line break, so each line converts alone
    let chars: Vec<char> = (FIRST..=LAST).filter_map(char::from_u32).collect();
    let mut all = String::with_capacity(chars.len() * 4);
    for c in &chars {
        all.push(*c);
        all.push('\n');
    }
    let converted = t2s.convert(&all);
    for (c, line) in chars.iter().zip(converted.split('\n')) {
        if line.chars().ne(std::iter::once(*c)) {
            let k = *c as u32 - FIRST;
            bits[(k / 64) as usize] |= 1 << (k % 64);
        }
    }
    bits
});

/// Whether `c` is a traditional character that `t2s` converts.
pub fn is_traditional(c: char) -> bool {
    let k = c as u32;
    if !(FIRST..=LAST).contains(&k) {
        return false;
    }
    let k = k - FIRST;
    TRADITIONAL[(k / 64) as usize] & (1 << (k % 64)) != 0
}

/// The same bits for all of U+0000–FFFF, read straight from UTF-8 bytes. Only
/// three-byte chars are looked up: the bits' range (U+3400–FAFF) is all three-byte chars.
static TRADITIONAL_BMP: LazyLock<BmpSet> = LazyLock::new(|| {
    let mut words = [0u64; 1024];
    // FIRST is a multiple of 64, so the words line up
    let skip = (FIRST / 64) as usize;
    for (k, &w) in TRADITIONAL.iter().enumerate() {
        words[skip + k] = w;
    }
    BmpSet::from_bits(&words)
});

/// Byte offset of the first traditional char of `s`.
fn first_traditional(s: &str) -> Option<usize> {
    first_in(s, &TRADITIONAL_BMP)
}

/// Whether a clause ends after `c`.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '\n' | '。' | '，' | ',' | '；' | ';' | '！' | '？' | '!' | '?'
    )
}

/// `text` in simplified characters, or `None` when it has no traditional ones.
pub fn to_simplified(text: &MappedText) -> Option<MappedText> {
    let s = text.as_str();
    let first = first_traditional(s)?;
    let t2s = T2S.as_ref()?;
    let mut out = MappedText::builder(s.len());
    // start from the clause holding the first traditional char
    let mut clause_start = s[..first]
        .rfind(ends_clause)
        .map_or(0, |i| i + s[i..].chars().next().map_or(0, char::len_utf8));
    out.push_slice(text, 0..clause_start);
    let mut has_traditional = false;
    let scan_from = clause_start;
    for (i, c) in s[scan_from..].char_indices() {
        let i = scan_from + i;
        has_traditional |= is_traditional(c);
        if ends_clause(c) {
            let end = i + c.len_utf8();
            push_clause(&mut out, text, clause_start..end, has_traditional, t2s);
            clause_start = end;
            has_traditional = false;
        }
    }
    push_clause(&mut out, text, clause_start..s.len(), has_traditional, t2s);
    Some(out.finish(text.raw_offset(s.len())))
}

/// Appends one clause, converted if it has traditional characters.
fn push_clause(
    out: &mut super::MappedTextBuilder,
    text: &MappedText,
    clause: std::ops::Range<usize>,
    has_traditional: bool,
    t2s: &OpenCC,
) {
    if !has_traditional {
        out.push_slice(text, clause);
        return;
    }
    let src = &text.as_str()[clause.clone()];
    let converted = t2s.convert(src);
    if converted.chars().count() != src.chars().count() {
        // a phrase changed length: the clause as a whole stands for its raw start
        out.push_str(&converted, text.raw_offset(clause.start));
        return;
    }
    for ((i, from), to) in src.char_indices().zip(converted.chars()) {
        let at = clause.start + i;
        if from == to {
            out.push_slice(text, at..at + from.len_utf8());
        } else {
            out.push_char(to, text.raw_offset(at));
        }
    }
}

impl Normalizer for Hanzi {
    fn name(&self) -> &'static str {
        "hanzi"
    }

    fn normalize(&self, doc: &mut Document) {
        if let Some(simplified) = to_simplified(&doc.text) {
            doc.text = simplified;
        }
        // a title read from the page's tags is as traditional as the page
        for field in [&mut doc.title, &mut doc.published] {
            let simplified = field
                .as_deref()
                .and_then(|s| to_simplified(&MappedText::identity(s.to_string())));
            if let Some(simplified) = simplified {
                *field = Some(simplified.into_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(s: &str) -> Option<String> {
        to_simplified(&MappedText::identity(s.to_string())).map(MappedText::into_string)
    }

    #[test]
    fn converts_traditional_names_and_words() {
        assert_eq!(
            convert("管委會主任吳樹輝").as_deref(),
            Some("管委会主任吴树辉")
        );
        assert_eq!(convert("某某開發區").as_deref(), Some("某某开发区"));
        assert_eq!(
            convert("黨工委書記劉華儉").as_deref(),
            Some("党工委书记刘华俭")
        );
    }

    #[test]
    fn simplified_text_is_left_alone() {
        assert!(convert("某某高新区召开大会,区委书记讲话。").is_none());
        assert!(!is_traditional('区'));
        assert!(is_traditional('區'));
    }

    #[test]
    fn byte_scan_finds_the_same_first_traditional_char() {
        for s in [
            "某某高新区召开大会",
            "甲乙,發展",
            "a\u{3000}。區",
            "\u{33FF}\u{FAFF}\u{FB00}\u{FFFD}😀區",
            "豐",
            "",
        ] {
            let slow = s
                .char_indices()
                .find(|&(_, c)| is_traditional(c))
                .map(|(i, _)| i);
            assert_eq!(first_traditional(s), slow, "{s}");
        }
    }

    #[test]
    fn clauses_without_traditional_chars_are_copied() {
        let out = convert("甲乙,發展。丙丁,戊己。庚區").unwrap();
        assert_eq!(out, "甲乙,发展。丙丁,戊己。庚区");
    }

    #[test]
    fn converted_chars_point_at_their_raw_bytes() {
        let raw = "新區長";
        let t = MappedText::identity(raw.to_string());
        let out = to_simplified(&t).unwrap();
        assert_eq!(out.as_str(), "新区长");
        assert_eq!(out.raw_range(3..6), 3..6);
        assert_eq!(out.raw_range(6..9), 6..9);
        assert_eq!(out.raw_offset(out.len()), raw.len());
    }

    #[test]
    fn whole_pipeline_simplifies_names() {
        let raw = "管委會主任吳樹輝出席會議。";
        let doc = crate::normalize::normalize(raw.as_bytes(), "a.txt").unwrap();
        assert_eq!(doc.text.as_str(), "管委会主任吴树辉出席会议。");
        let at = doc.text.as_str().find('吴').unwrap();
        assert_eq!(
            doc.text.raw_range(at..at + 9),
            raw.find('吳').unwrap()..raw.find('出').unwrap()
        );
    }
}
