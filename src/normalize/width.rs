//! Folds full-width forms and odd spaces to plain ASCII, so later stages and extractors
//! see one spelling of `,:;()!?`, digits and latin letters.
//!
//! Full-width ASCII (U+FF01–FF5E) becomes ASCII, the ideographic space and NBSP become
//! a space, zero-width characters are dropped. Chinese punctuation that has no ASCII
//! twin (`。`, `、`, `“”‘’`, `《》`, `——`, `…`) stays: it is outside the folded range.

use super::{Document, MappedText, Normalizer};

pub struct Width;

/// What becomes of one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fold {
    Keep,
    Into(char),
    Drop,
}

fn fold(c: char) -> Fold {
    match c {
        // full-width ASCII sits at a fixed distance from ASCII
        '\u{FF01}'..='\u{FF5E}' => Fold::Into(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
            Fold::Into(' ')
        }
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Fold::Drop,
        _ => Fold::Keep,
    }
}

/// Offsets in `bytes` of the chars that may fold, in order: those led by C2, E2 and EF,
/// and the ideographic space (E3 80 80) — the only E3-led char that folds, while E3 also
/// leads `。、《》`, so it is searched whole.
fn fold_candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut spaces = memchr::memmem::find_iter(bytes, "\u{3000}".as_bytes()).peekable();
    let mut others = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes).peekable();
    std::iter::from_fn(move || match (spaces.peek(), others.peek()) {
        (Some(r), Some(c)) if r < c => spaces.next(),
        (_, Some(_)) => others.next(),
        _ => spaces.next(),
    })
}

/// Folds `text`, or returns `None` when no character needs folding.
pub fn fold_width(text: &MappedText) -> Option<MappedText> {
    let s = text.as_str();
    let mut out: Option<super::MappedTextBuilder> = None;
    let mut kept_from = 0;
    // only these chars can fold (U+00A0–00AD, U+2000–2FFF, U+3000, U+FExx–FFxx); lead
    // bytes never occur inside a char, so a byte search finds them and everything
    // else, most of all CJK, is skipped
    for i in fold_candidates(s.as_bytes()) {
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let f = fold(c);
        if f != Fold::Keep {
            let o = out.get_or_insert_with(|| MappedText::builder(s.len()));
            o.push_slice(text, kept_from..i);
            if let Fold::Into(to) = f {
                o.push_char(to, text.raw_offset(i));
            }
            kept_from = i + c.len_utf8();
        }
    }
    let mut out = out?;
    out.push_slice(text, kept_from..s.len());
    Some(out.finish(text.raw_offset(s.len())))
}

impl Normalizer for Width {
    fn name(&self) -> &'static str {
        "width"
    }

    fn normalize(&self, doc: &mut Document) {
        if let Some(folded) = fold_width(&doc.text) {
            doc.text = folded;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> MappedText {
        let mut doc = Document {
            text: MappedText::identity(s.to_string()),
            ..Document::default()
        };
        Width.normalize(&mut doc);
        doc.text
    }

    #[test]
    fn folds_full_width_ascii_and_keeps_chinese_punctuation() {
        let out = run("某某区（试点）：完成１２３亿元，增长５％！Ａｂ；“好”、《规划》。");
        assert_eq!(
            out.as_str(),
            "某某区(试点):完成123亿元,增长5%!Ab;“好”、《规划》。"
        );
    }

    #[test]
    fn folds_spaces_and_drops_zero_width() {
        let out = run("甲\u{3000}乙\u{00A0}丙\u{200B}丁\u{FEFF}");
        assert_eq!(out.as_str(), "甲 乙 丙丁");
    }

    #[test]
    fn offsets_lead_back_to_raw_chars() {
        let raw = "区（一）";
        let out = run(raw);
        assert_eq!(out.as_str(), "区(一)");
        // `(` stands for the full-width bracket at raw byte 3
        assert_eq!(out.raw_range(3..4), 3..6);
        // `一` is copied: it keeps its own raw bytes
        assert_eq!(out.raw_range(4..7), 6..9);
        assert_eq!(out.raw_offset(out.len()), raw.len());
    }

    #[test]
    fn rare_and_common_lead_bytes_fold_in_text_order() {
        // C2 (NBSP, `»`) and E2/E3/EF chars interleaved: both byte searches merge right
        let raw = "甲\u{00A0}乙“丙”\u{3000}丁（1）\u{200B}»戊\u{00A0}";
        let out = fold_width(&MappedText::identity(raw.to_string())).unwrap();
        assert_eq!(out.as_str(), "甲 乙“丙” 丁(1)»戊 ");
        let at = out.as_str().find('(').unwrap();
        assert_eq!(
            out.raw_range(at..at + 1),
            raw.find('（').unwrap()..raw.find('1').unwrap()
        );
        let at = out.as_str().find('»').unwrap();
        assert_eq!(
            out.raw_range(at..at + 2),
            raw.find('»').unwrap()..raw.find('戊').unwrap()
        );
        assert_eq!(out.raw_offset(out.len()), raw.len());
    }

    #[test]
    fn text_without_wide_forms_is_left_alone() {
        let t = MappedText::identity("普通文本, plain.".to_string());
        assert!(fold_width(&t).is_none());
        // lead bytes of chars that do not fold are looked at and kept
        let t = MappedText::identity("“引文”、《书名》…»".to_string());
        assert!(fold_width(&t).is_none());
    }

    #[test]
    fn whole_pipeline_folds_widths() {
        let doc = crate::normalize::normalize(
            "某某区（试点）完成１２３亿元，增长５％。".as_bytes(),
            "a.txt",
        )
        .unwrap();
        assert_eq!(doc.text.as_str(), "某某区(试点)完成123亿元,增长5%。");
        // `1` came from the full-width digit at raw bytes 27..30
        let at = doc.text.as_str().find('1').unwrap();
        assert_eq!(doc.text.raw_range(at..at + 1), 27..30);
    }
}
