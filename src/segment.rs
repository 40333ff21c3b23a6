//! Splits normalized text into paragraphs and sentences, keeping byte spans.
//!
//! Extractors read sentence by sentence; a fact's evidence is its sentence's span.
//! Sentences end at `。！？!?` (with any closing quote or bracket that follows) and at line
//! ends; a line is a paragraph.

use std::ops::Range;

/// One sentence of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the normalized text, trimmed of surrounding white space.
    pub span: Range<usize>,
    /// Index of the paragraph (line) the sentence stands in.
    pub paragraph: usize,
}

impl Sentence {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.clone()]
    }
}

/// A line of the normalized text that has any non-blank content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Range<usize>,
    /// Indices into the sentence list: this paragraph's sentences.
    pub sentences: Range<usize>,
}

/// The text's paragraphs and sentences.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | '）' | '」' | '』' | '》')
}

/// Splits `text` into paragraphs (lines) and sentences.
pub fn segment(text: &str) -> Segments {
    let mut out = Segments::default();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            let first = out.sentences.len();
            let paragraph = out.paragraphs.len();
            split_sentences(body, line_start, paragraph, &mut out.sentences);
            let lead = body.len() - body.trim_start().len();
            out.paragraphs.push(Paragraph {
                span: line_start + lead..line_start + body.trim_end().len(),
                sentences: first..out.sentences.len(),
            });
        }
        line_start = line_end;
    }
    out
}

fn split_sentences(line: &str, offset: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let mut start = 0;
    let mut at = 0;
    while let Some(i) = next_terminal(line, at) {
        let c = line[i..].chars().next().expect("a terminal char");
        let mut end = i + c.len_utf8();
        // closing quotes and further terminals stay with the sentence
        for d in line[end..].chars() {
            if is_terminal(d) || is_closer(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        push_trimmed(line, start..end, offset, paragraph, out);
        start = end;
        at = end;
    }
    push_trimmed(line, start..line.len(), offset, paragraph, out);
}

/// Byte offset of the first sentence terminal at or after `from`. Looks at bytes, not
/// chars: a terminal is `!`, `?` or a char led by 0xE3 (`。`) or 0xEF (`！？`), so the
/// Han text between is stepped over without decoding.
fn next_terminal(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'!' | b'?' | 0xE3 | 0xEF) && line[i..].starts_with(is_terminal) {
            return Some(i);
        }
        i += utf8_len(b);
    }
    None
}

/// Length of the UTF-8 sequence led by byte `b` (1 for a stray continuation byte, which
/// a `str` never starts a char with).
fn utf8_len(b: u8) -> usize {
    match b {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

fn push_trimmed(
    line: &str,
    r: Range<usize>,
    offset: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let s = &line[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = offset + r.start + lead;
    out.push(Sentence {
        span: start..start + trimmed.len(),
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_terminals_and_lines_keeping_closing_quotes() {
        let text = "他说：“好。”然后走了！\n\n第二段";
        let seg = segment(text);
        let sents: Vec<&str> = seg.sentences.iter().map(|s| s.text(text)).collect();
        assert_eq!(sents, vec!["他说：“好。”", "然后走了！", "第二段"]);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(seg.sentences[2].paragraph, 1);
        assert_eq!(seg.paragraphs[0].sentences, 0..2);
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(segment("").sentences.is_empty());
        assert!(segment(" \n\n ").paragraphs.is_empty());
    }
}
