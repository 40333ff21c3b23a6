//! Removes the pinyin annotations some sites add after characters: `區(qū)` → `區`.
//!
//! An annotation is a Han character, an optional space, then one pinyin syllable in
//! brackets. The syllable is checked against the list of Mandarin syllables
//! (`data/lexicon/pinyin_syllables.txt`), so `(AVSP)`, `(hi-tech)`, `(2023)`, `(一)` and
//! `(高新区)` stay. A syllable without tone (`(men)`) is only taken for an annotation in a
//! text that also has tone-marked ones, because bare latin words look the same.

use crate::zh::han::is_han;
use std::ops::Range;

use super::{Document, MappedText, Normalizer};
use crate::lexicon;

pub struct Pinyin;

/// The toneless vowel of a tone-marked one.
fn untoned(c: char) -> Option<char> {
    Some(match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'ü',
        _ => return None,
    })
}

/// Whether `body` is one pinyin syllable; `Some(true)` when it carries a tone (a tone
/// mark or a final tone digit 1–5), `Some(false)` when it is bare.
pub(crate) fn syllable(body: &str) -> Option<bool> {
    // the longest syllable is six letters (`zhuang`); ü takes two bytes
    let mut buf = [0u8; 8];
    let mut len = 0;
    let mut toned = false;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        let plain = if c.is_ascii_lowercase() || c == 'ü' {
            c
        } else if let Some(v) = untoned(c) {
            if toned {
                return None;
            }
            toned = true;
            v
        } else if matches!(c, '1'..='5') && chars.peek().is_none() && !toned && len > 0 {
            toned = true;
            continue;
        } else {
            return None;
        };
        if len + plain.len_utf8() > buf.len() {
            return None;
        }
        plain.encode_utf8(&mut buf[len..]);
        len += plain.len_utf8();
    }
    let s = std::str::from_utf8(&buf[..len]).ok()?;
    lexicon::normalize::PINYIN_SYLLABLES
        .contains(s)
        .then_some(toned)
}

/// One annotation found: the bytes to drop and whether its syllable had a tone.
struct Annotation {
    drop: Range<usize>,
    toned: bool,
}

/// Annotations in `s`, in order.
fn find_annotations(s: &str) -> Vec<Annotation> {
    let bytes = s.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    // `(` and the lead byte of `（`, found by a byte search
    while let Some(i) = memchr::memchr2(b'(', 0xEF, &bytes[from..]).map(|k| from + k) {
        let open_len = match bytes[i] {
            b'(' => 1,
            _ if s[i..].starts_with('（') => '（'.len_utf8(),
            _ => {
                from = i + 1;
                continue;
            }
        };
        if let Some(a) = annotation_at(s, i, open_len) {
            from = a.drop.end;
            found.push(a);
        } else {
            from = i + open_len;
        }
    }
    found
}

/// The annotation whose opening bracket is at byte `open`, if it is one.
fn annotation_at(s: &str, open: usize, open_len: usize) -> Option<Annotation> {
    let before = &s[..open];
    let start = before.strip_suffix(' ').map_or(open, |b| b.len());
    if !s[..start].chars().next_back().is_some_and(is_han) {
        return None;
    }
    let inner = open + open_len;
    // a syllable is at most 6 letters plus a digit: look no further than that
    let mut end = s.len().min(inner + 16);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let window = &s[inner..end];
    let close = window.find([')', '）'])?;
    let close_len = if window[close..].starts_with(')') {
        1
    } else {
        '）'.len_utf8()
    };
    let toned = syllable(&window[..close])?;
    Some(Annotation {
        drop: start..inner + close + close_len,
        toned,
    })
}

/// `text` without its pinyin annotations, or `None` when it has none.
pub fn strip_pinyin(text: &MappedText) -> Option<MappedText> {
    let s = text.as_str();
    let found = find_annotations(s);
    let any_toned = found.iter().any(|a| a.toned);
    let mut drops = found.iter().filter(|a| a.toned || any_toned).peekable();
    drops.peek()?;
    let mut out = MappedText::builder(s.len());
    let mut kept_from = 0;
    for a in drops {
        out.push_slice(text, kept_from..a.drop.start);
        kept_from = a.drop.end;
    }
    out.push_slice(text, kept_from..s.len());
    Some(out.finish(text.raw_offset(s.len())))
}

impl Normalizer for Pinyin {
    fn name(&self) -> &'static str {
        "pinyin"
    }

    fn normalize(&self, doc: &mut Document) {
        if let Some(stripped) = strip_pinyin(&doc.text) {
            doc.text = stripped;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let t = MappedText::identity(s.to_string());
        strip_pinyin(&t).map_or_else(|| s.to_string(), MappedText::into_string)
    }

    #[test]
    fn removes_annotations_after_han_chars() {
        assert_eq!(strip("某某區(qū)發(fā)展會(huì)議"), "某某區發展會議");
        assert_eq!(strip("綠(lǜ)色 園 (yuán)區"), "綠色 園區");
        assert_eq!(strip("開（kāi）發"), "開發");
        assert_eq!(strip("發(fa1)展"), "發展");
    }

    #[test]
    fn keeps_brackets_that_are_not_pinyin() {
        for s in [
            "互联网视听节目服务(AVSP)",
            "产业(hi-tech)",
            "年度(2023)",
            "任务(一)",
            "某某(高新区)",
            "园区(park)",
            "to be (qū)",
        ] {
            assert_eq!(strip(s), s);
        }
    }

    #[test]
    fn bare_syllables_need_toned_company() {
        // alone, `(men)` may be an English word
        assert_eq!(strip("粉丝(men)"), "粉丝(men)");
        assert_eq!(strip("我們(men)的園(yuán)區"), "我們的園區");
    }

    #[test]
    fn checks_syllable_structure() {
        assert_eq!(syllable("zhuàng"), Some(true));
        assert_eq!(syllable("lüè"), Some(true));
        assert_eq!(syllable("qu"), Some(false));
        assert_eq!(syllable("bong"), None);
        assert_eq!(syllable("àá"), None);
        assert_eq!(syllable(""), None);
    }

    #[test]
    fn offsets_of_kept_text_are_unchanged() {
        let raw = "區(qū)長";
        let t = MappedText::identity(raw.to_string());
        let out = strip_pinyin(&t).unwrap();
        assert_eq!(out.as_str(), "區長");
        assert_eq!(out.raw_range(3..6), raw.len() - 3..raw.len());
    }

    #[test]
    fn long_line_is_linear() {
        let line = "某區(qū)(甲)".repeat(200_000);
        let start = std::time::Instant::now();
        let out = strip(&line);
        assert_eq!(out.len(), "某區(甲)".len() * 200_000);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn whole_pipeline_removes_annotations_and_simplifies() {
        let raw = "某某高新區(qū)召開(kāi)大會(huì)（AVSP）。";
        let doc = crate::normalize::normalize(raw.as_bytes(), "a.txt").unwrap();
        assert_eq!(doc.text.as_str(), "某某高新区召开大会(AVSP)。");
        // `召` still points at its raw bytes, past the dropped annotation
        let at = doc.text.as_str().find('召').unwrap();
        let raw_at = raw.find('召').unwrap();
        assert_eq!(doc.text.raw_range(at..at + 3), raw_at..raw_at + 3);
    }
}
