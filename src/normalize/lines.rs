//! Tidies line structure: one line break (`\n`), no trailing blanks, at most one blank
//! line in a row, and no print-layout notes such as `(下转第2版)` / `(上接第1版)`.
//!
//! Lines are paragraphs for the segmenter, so a stray `\r` or a run of empty lines would
//! otherwise split or pad paragraphs. Leading spaces (paragraph indents) stay.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{Document, MappedText, Normalizer};

pub struct Lines;

/// A newspaper's "continued on / from page N" note.
static PAGE_JUMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[(（]\s*(?:下转|上接|转|接)\s*第?\s*[0-9一二三四五六七八九十]{1,3}\s*[版页]\s*[)）]",
    )
    .expect("valid regex")
});

/// One piece of output: a slice of the input, or a `\n` standing for a raw `\r`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Keep(Range<usize>),
    Newline(usize),
}

/// Collects pieces, merging adjacent kept slices so an untouched text is one piece.
#[derive(Default)]
struct Pieces(Vec<Piece>);

impl Pieces {
    fn keep(&mut self, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        if let Some(Piece::Keep(last)) = self.0.last_mut() {
            if last.end == r.start {
                last.end = r.end;
                return;
            }
        }
        self.0.push(Piece::Keep(r));
    }
}

/// The line break ending a line: its byte range and whether it is a bare `\r`.
fn line_break(s: &str, at: usize) -> (Range<usize>, bool) {
    match s.as_bytes().get(at) {
        Some(b'\r') if s.as_bytes().get(at + 1) == Some(&b'\n') => (at..at + 2, false),
        Some(b'\r') => (at..at + 1, true),
        Some(_) => (at..at + 1, false),
        None => (at..at, false),
    }
}

/// `text` with tidy lines, or `None` when it is tidy already.
pub fn tidy_lines(text: &MappedText) -> Option<MappedText> {
    let s = text.as_str();
    let mut pieces = Pieces::default();
    let mut line = Vec::new();
    let mut emitted_any = false;
    let mut blank_break: Option<(Range<usize>, bool)> = None;
    let mut note_ends = NoteEnds::of(s);
    let mut start = 0;
    while start <= s.len() {
        let end =
            memchr::memchr2(b'\n', b'\r', &s.as_bytes()[start..]).map_or(s.len(), |i| start + i);
        let (brk, bare_cr) = line_break(s, end);
        line.clear();
        let had_jump = if note_ends.any_in(start..end) {
            split_out_page_jumps(s, start..end, &mut line)
        } else {
            line.push(start..end);
            false
        };
        trim_end(s, &mut line);
        if line.is_empty() {
            // a line that held only a page note disappears; a blank one may stay as one
            if !had_jump && emitted_any && blank_break.is_none() {
                blank_break = Some((brk.clone(), bare_cr));
            }
        } else {
            if let Some((b, cr)) = blank_break.take() {
                push_break(&mut pieces, b, cr);
            }
            for r in line.drain(..) {
                pieces.keep(r);
            }
            push_break(&mut pieces, brk.clone(), bare_cr);
            emitted_any = true;
        }
        if brk.is_empty() {
            break;
        }
        start = brk.end;
    }
    if pieces.0.as_slice() == [Piece::Keep(0..s.len())] || (s.is_empty() && pieces.0.is_empty()) {
        return None;
    }
    let mut out = MappedText::builder(s.len());
    for p in pieces.0 {
        match p {
            Piece::Keep(r) => out.push_slice(text, r),
            Piece::Newline(at) => out.push_char('\n', text.raw_offset(at)),
        }
    }
    Some(out.finish(text.raw_offset(s.len())))
}

/// Pushes a line break as `\n`: the `\n` of `\r\n`, or a new `\n` for a bare `\r`.
fn push_break(pieces: &mut Pieces, brk: Range<usize>, bare_cr: bool) {
    if brk.is_empty() {
        return;
    }
    if bare_cr {
        pieces.0.push(Piece::Newline(brk.start));
    } else {
        pieces.keep(brk.end - 1..brk.end);
    }
}

/// Where the text has `版` or `页`, the chars every page note ends in: found once for
/// the whole text, so a line without them skips the regex without a search of its own.
struct NoteEnds {
    /// Byte offsets, ascending.
    at: Vec<usize>,
    /// The first offset not yet passed by the lines asked about.
    next: usize,
}

impl NoteEnds {
    fn of(s: &str) -> NoteEnds {
        let bytes = s.as_bytes();
        let mut at: Vec<usize> = memchr::memmem::find_iter(bytes, "版".as_bytes())
            .chain(memchr::memmem::find_iter(bytes, "页".as_bytes()))
            .collect();
        at.sort_unstable();
        NoteEnds { at, next: 0 }
    }

    /// Whether one lies in `line`; lines are asked about in text order.
    fn any_in(&mut self, line: Range<usize>) -> bool {
        while self.at.get(self.next).is_some_and(|&i| i < line.start) {
            self.next += 1;
        }
        self.at.get(self.next).is_some_and(|&i| i < line.end)
    }
}

/// Pushes the parts of `line` around page notes; returns whether there was a note.
fn split_out_page_jumps(s: &str, line: Range<usize>, out: &mut Vec<Range<usize>>) -> bool {
    let body = &s[line.clone()];
    let mut from = line.start;
    let mut any = false;
    for m in PAGE_JUMP.find_iter(body) {
        out.push(from..line.start + m.start());
        from = line.start + m.end();
        any = true;
    }
    out.push(from..line.end);
    out.retain(|r| !r.is_empty());
    any
}

/// Drops trailing white space from the pieces of a line.
fn trim_end(s: &str, line: &mut Vec<Range<usize>>) {
    while let Some(last) = line.last_mut() {
        let kept = s[last.clone()].trim_end().len();
        if kept == 0 {
            line.pop();
        } else {
            last.end = last.start + kept;
            break;
        }
    }
}

impl Normalizer for Lines {
    fn name(&self) -> &'static str {
        "lines"
    }

    fn normalize(&self, doc: &mut Document) {
        if let Some(tidy) = tidy_lines(&doc.text) {
            doc.text = tidy;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tidy(s: &str) -> String {
        tidy_lines(&MappedText::identity(s.to_string()))
            .map_or_else(|| s.to_string(), MappedText::into_string)
    }

    #[test]
    fn unifies_line_breaks_and_trims_line_ends() {
        assert_eq!(tidy("甲 \r\n乙\t\r丙  "), "甲\n乙\n丙");
    }

    #[test]
    fn collapses_blank_runs_and_drops_outer_blanks() {
        assert_eq!(tidy("\n\n甲\n\n \n\n乙\n\n\n"), "甲\n\n乙\n");
    }

    #[test]
    fn drops_page_jump_notes() {
        assert_eq!(tidy("推动园区发展(下转第2版)\n"), "推动园区发展\n");
        assert_eq!(tidy("（上接第一版）会议指出,要加强"), "会议指出,要加强");
        assert_eq!(tidy("甲\n(下转第3版)\n乙"), "甲\n乙");
        // a bracket that merely mentions a page stays
        assert_eq!(tidy("见附件(第2页)"), "见附件(第2页)");
    }

    #[test]
    fn tidy_text_is_left_alone() {
        let t = MappedText::identity("甲\n\n乙\n".to_string());
        assert!(tidy_lines(&t).is_none());
    }

    #[test]
    fn new_line_breaks_point_at_their_carriage_returns() {
        let raw = "甲\r乙\r\n丙";
        let out = tidy_lines(&MappedText::identity(raw.to_string())).unwrap();
        assert_eq!(out.as_str(), "甲\n乙\n丙");
        assert_eq!(out.raw_offset(3), 3);
        assert_eq!(out.raw_offset(4), 4);
        assert_eq!(out.raw_offset(7), 8);
        assert_eq!(out.raw_offset(8), 9);
    }

    #[test]
    fn long_single_line_is_fast() {
        let line = "某某园区推进项目建设 ".repeat(100_000);
        let start = std::time::Instant::now();
        let out = tidy(&line);
        assert_eq!(out.len(), line.len() - 1);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn whole_pipeline_tidies_lines() {
        let raw = "某某园区召开大会。  \r\n\r\n\r\n会议要求加快发展(下转第2版)\r\n";
        let doc = crate::normalize::normalize(raw.as_bytes(), "a.txt").unwrap();
        assert_eq!(
            doc.text.as_str(),
            "某某园区召开大会。\n\n会议要求加快发展\n"
        );
    }
}
