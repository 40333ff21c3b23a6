//! Splits normalized text into paragraphs and sentences, keeping byte spans.
//!
//! Extractors read sentence by sentence; a fact's evidence is its sentence's span.
//! Sentences end at `。！？!?` (with any closing quote or bracket that follows) and at line
//! ends; a line is a paragraph. A sentence longer than [`MAX_SENTENCE_BYTES`] (no real
//! report has one) is read in pieces, split at clause breaks: see [`crate::limits`].

use crate::limits::MAX_SENTENCE_BYTES;
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
    /// The sentences longer than [`MAX_SENTENCE_BYTES`], read in pieces.
    pub long: LongSentences,
}

/// How many sentences were too long to read as one, and the length of the longest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LongSentences {
    pub count: usize,
    /// Bytes.
    pub longest: usize,
}

fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | '）' | '」' | '』' | '》')
}

/// Splits `text` into paragraphs (lines) and sentences.
pub fn segment(text: &str) -> Segments {
    // about a sentence per 80 bytes of report text: room enough that the lists
    // rarely grow
    let mut out = Segments {
        paragraphs: Vec::with_capacity(text.len() / 256 + 4),
        sentences: Vec::with_capacity(text.len() / 64 + 8),
        long: LongSentences::default(),
    };
    let mut line_start = 0;
    let lines = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .chain((text.as_bytes().last() != Some(&b'\n')).then_some(text.len()));
    for line_end in lines {
        if line_end == line_start {
            break;
        }
        let line = &text[line_start..line_end];
        let body = line.trim_end_matches(['\n', '\r']);
        let kept = trimmed(body);
        if !kept.is_empty() {
            let first = out.sentences.len();
            let paragraph = out.paragraphs.len();
            let mut sink = Sink {
                offset: line_start,
                paragraph,
                sentences: &mut out.sentences,
                long: &mut out.long,
            };
            split_sentences(body, &mut sink);
            out.paragraphs.push(Paragraph {
                span: line_start + kept.start..line_start + kept.end,
                sentences: first..out.sentences.len(),
            });
        }
        line_start = line_end;
    }
    out
}

/// Where the sentences of one line go.
struct Sink<'a> {
    /// Byte offset of the line in the text.
    offset: usize,
    paragraph: usize,
    sentences: &'a mut Vec<Sentence>,
    long: &'a mut LongSentences,
}

fn split_sentences(line: &str, out: &mut Sink) {
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
        push_sentence(line, start..end, out);
        start = end;
        at = end;
    }
    push_sentence(line, start..line.len(), out);
}

/// Byte offset of the first sentence terminal at or after `from`. Looks at bytes, not
/// chars: a terminal is `!`, `?` or a char led by 0xE3 (`。`) or 0xEF (`！？`), and lead
/// bytes never occur inside a char, so vector byte searches step over the Han text
/// between.
fn next_terminal(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut at = from;
    loop {
        // 0xEF is rare once widths are folded: search it only up to the next other lead
        let common = memchr::memchr3(b'!', b'?', 0xE3, &bytes[at..]).map(|i| at + i);
        let limit = common.unwrap_or(bytes.len());
        let i = memchr::memchr(0xEF, &bytes[at..limit]).map_or(common, |i| Some(at + i))?;
        if line[i..].starts_with(is_terminal) {
            return Some(i);
        }
        at = i + 1;
    }
}

/// Pushes the sentence `r` of `line`, in pieces if it is too long.
fn push_sentence(line: &str, r: Range<usize>, out: &mut Sink) {
    let kept = trimmed(&line[r.clone()]);
    let (mut start, end) = (r.start + kept.start, r.start + kept.end);
    if end - start > MAX_SENTENCE_BYTES {
        out.long.count += 1;
        out.long.longest = out.long.longest.max(end - start);
        while end - start > MAX_SENTENCE_BYTES {
            let split = start + piece_end(&line[start..end]);
            push_trimmed(line, start..split, out);
            start = split;
        }
    }
    push_trimmed(line, start..end, out);
}

/// Where the first piece of an over-long sentence ends: after the last clause break
/// within [`MAX_SENTENCE_BYTES`], or at the limit (on a char boundary) if there is none
/// in its second half.
fn piece_end(sentence: &str) -> usize {
    let mut limit = MAX_SENTENCE_BYTES;
    while !sentence.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = &sentence[..limit];
    match head.rfind([';', '；', ',', '，', '、', ' ', '\u{3000}']) {
        Some(i) if i >= limit / 2 => i + head[i..].chars().next().map_or(1, char::len_utf8),
        _ => limit,
    }
}

fn push_trimmed(line: &str, r: Range<usize>, out: &mut Sink) {
    let kept = trimmed(&line[r.clone()]);
    if kept.is_empty() {
        return;
    }
    let base = out.offset + r.start;
    out.sentences.push(Sentence {
        span: base + kept.start..base + kept.end,
        paragraph: out.paragraph,
    });
}

/// The byte range of `s` that `s.trim()` leaves. Most pieces start and end with a char
/// that is plainly no white space: a byte test settles those without decoding.
fn trimmed(s: &str) -> Range<usize> {
    let bytes = s.as_bytes();
    // white space is ASCII or led by C2 (U+0085, U+00A0), E1, E2 or E3 (U+1680, U+2000…,
    // U+3000)
    let start = match bytes.first() {
        Some(&b) if !matches!(b, 0x09..=0x0D | b' ' | 0xC2 | 0xE1..=0xE3) => 0,
        _ => s.len() - s.trim_start().len(),
    };
    let end = match bytes.last() {
        Some(&b) if b.is_ascii() && !matches!(b, 0x09..=0x0D | b' ') => s.len(),
        _ => start + s[start..].trim_end().len(),
    };
    start..end.max(start)
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
    fn trimmed_agrees_with_trim() {
        for s in [
            "",
            " ",
            "\u{3000}",
            "甲",
            " 甲 ",
            "\u{3000}甲乙。\u{3000}",
            "\u{A0}a\u{85}",
            "\u{2003}x\u{205F}",
            "a\u{B}",
            "\t甲。”",
            "Ω ",
        ] {
            let r = trimmed(s);
            let lead = s.len() - s.trim_start().len();
            assert_eq!(&s[r.clone()], s.trim(), "{s:?}");
            if !s.trim().is_empty() {
                assert_eq!(r.start, lead, "{s:?}");
            }
        }
    }

    #[test]
    fn an_overlong_sentence_is_read_in_pieces_at_clause_breaks() {
        let item = "党工委书记王某某、";
        let text = format!("{}。\n短句。", item.repeat(2000));
        let seg = segment(&text);
        let sents: Vec<&str> = seg.sentences.iter().map(|s| s.text(&text)).collect();
        assert!(sents.len() > 2);
        assert_eq!(sents.concat(), text.replace('\n', ""));
        for s in &sents[..sents.len() - 1] {
            assert!(s.len() <= MAX_SENTENCE_BYTES);
        }
        // every piece but the last of the long one ends after a clause break
        for s in &sents[..sents.len() - 2] {
            assert!(s.ends_with('、'), "{s}");
        }
        assert_eq!(seg.long.count, 1);
        assert_eq!(seg.long.longest, item.len() * 2000 + "。".len());
        // no break at all: pieces end at the limit, on char boundaries
        let run = "甲".repeat(5000);
        let seg = segment(&run);
        assert_eq!(seg.sentences.len(), 4);
        assert_eq!(seg.sentences[0].span, 0..MAX_SENTENCE_BYTES - 1);
    }

    #[test]
    fn empty_text_has_no_sentences() {
        assert!(segment("").sentences.is_empty());
        assert!(segment(" \n\n ").paragraphs.is_empty());
    }
}
