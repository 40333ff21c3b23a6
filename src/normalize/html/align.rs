//! Finding the parsed page's text in the page source, so extracted text keeps offsets.
//!
//! The HTML parser hands out text without positions. Text nodes come in source order,
//! so a cursor moving forward through the source meets each one after the last: a node
//! is found by searching for a plain run of its chars, then followed char by char,
//! stepping over entities (`&amp;`) and the CRs the parser dropped. Entity-decoded
//! chars map to their entity's start; positions never go back and never leave the source.

/// How far ahead a text node is searched for; a node not found this close maps to the
/// cursor instead (the cost of a miss must stay bounded).
const SEARCH_WINDOW: usize = 1 << 20;
/// After this many misses (a page writing all its text as entities) searches shrink.
const MAX_WIDE_MISSES: usize = 16;
const NARROW_WINDOW: usize = 16 << 10;
/// Tags stepped over (when searching failed) before a char is given up on.
const MAX_TAG_SKIPS: usize = 64;
/// Longest tag stepped over.
const MAX_TAG_LEN: usize = 4096;
/// Longest run searched for: long enough to be unique, short enough to be cheap.
const MAX_RUN: usize = 48;

pub(super) struct Aligner<'s> {
    source: &'s str,
    cursor: usize,
    misses: usize,
}

impl<'s> Aligner<'s> {
    /// Starts at the page's `<body`, so text repeated in `<title>` is not matched there.
    pub fn new(source: &'s str) -> Self {
        let cursor = find_ascii_ci(source, "<body").unwrap_or(0);
        Aligner {
            source,
            cursor,
            misses: 0,
        }
    }

    /// Calls `each(c, at)` for every char of `text` with the source byte offset `at` it
    /// was read from.
    pub fn align(&mut self, text: &str, mut each: impl FnMut(char, usize)) {
        // One search per node: a node that cannot be found is followed by stepping.
        let mut may_seek = true;
        for (k, c) in text.char_indices() {
            let mut tags_skipped = 0;
            loop {
                if c != '\r' {
                    // the parser turns CRLF into LF
                    while self.rest().starts_with('\r') {
                        self.cursor += 1;
                    }
                }
                let at = self.cursor;
                let rest = self.rest();
                if let Some(len) = entity_len(rest) {
                    each(c, at);
                    self.cursor += len;
                    break;
                }
                if rest.starts_with(c) {
                    each(c, at);
                    self.cursor += c.len_utf8();
                    break;
                }
                if c.is_whitespace() {
                    // white space the source spells differently (or not at all here)
                    each(c, at);
                    break;
                }
                if may_seek {
                    if self.seek(&text[k..]) {
                        continue;
                    }
                    may_seek = false;
                }
                match tag_len(rest) {
                    Some(len) if tags_skipped < MAX_TAG_SKIPS => {
                        tags_skipped += 1;
                        self.cursor += len;
                    }
                    _ => {
                        each(c, at);
                        break;
                    }
                }
            }
        }
    }

    fn rest(&self) -> &'s str {
        &self.source[self.cursor..]
    }

    /// Moves the cursor to the next occurrence of the plain run `text` starts with;
    /// false (cursor unmoved) when there is none near.
    fn seek(&mut self, text: &str) -> bool {
        let run = plain_run(text);
        if run.is_empty() {
            return false;
        }
        let window = if self.misses < MAX_WIDE_MISSES {
            SEARCH_WINDOW
        } else {
            NARROW_WINDOW
        };
        let mut end = (self.cursor + window).min(self.source.len());
        while !self.source.is_char_boundary(end) {
            end -= 1;
        }
        match self.source[self.cursor..end].find(run) {
            Some(i) => {
                self.cursor += i;
                true
            }
            None => {
                self.misses += 1;
                false
            }
        }
    }
}

/// The longest prefix of `text` (up to [`MAX_RUN`] bytes) that the source must spell as
/// is: no whitespace and nothing an entity may stand for.
fn plain_run(text: &str) -> &str {
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let special = c.is_whitespace() || matches!(c, '&' | '<' | '>' | '"' | '\'');
        if special || i + c.len_utf8() > MAX_RUN {
            break;
        }
        end = i + c.len_utf8();
    }
    &text[..end]
}

/// Length of a character reference at the start of `s`: `&#20013;`, `&#x4E2D;`,
/// `&name;`, or one of the few names pages write without `;` (`&nbsp`).
fn entity_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('&')?.as_bytes();
    let (digits, name_len) = match body {
        [b'#', b'x' | b'X', rest @ ..] => (
            true,
            2 + rest.iter().take_while(|b| b.is_ascii_hexdigit()).count(),
        ),
        [b'#', rest @ ..] => (
            true,
            1 + rest.iter().take_while(|b| b.is_ascii_digit()).count(),
        ),
        _ => (
            false,
            body.iter()
                .take(32)
                .take_while(|b| b.is_ascii_alphanumeric())
                .count(),
        ),
    };
    let has_semicolon = body.get(name_len) == Some(&b';');
    let bare_ok = digits
        || ["nbsp", "amp", "lt", "gt", "quot", "copy"]
            .contains(&std::str::from_utf8(&body[..name_len]).ok()?);
    let valid = name_len > usize::from(digits) && (has_semicolon || bare_ok);
    valid.then_some(1 + name_len + usize::from(has_semicolon))
}

/// Length of the tag at the start of `s`, up to its `>`.
fn tag_len(s: &str) -> Option<usize> {
    if !s.starts_with('<') {
        return None;
    }
    let head = &s.as_bytes()[..s.len().min(MAX_TAG_LEN)];
    Some(head.iter().position(|&b| b == b'>')? + 1)
}

/// Byte offset of `needle` (ASCII, lower case) in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(source: &str, nodes: &[&str]) -> Vec<(char, usize)> {
        let mut aligner = Aligner::new(source);
        let mut out = Vec::new();
        for node in nodes {
            aligner.align(node, |c, at| out.push((c, at)));
        }
        out
    }

    #[test]
    fn finds_text_nodes_after_markup() {
        let src = "<title>园区</title><body><p>园区<b>新闻</b></p></body>";
        let got = positions(src, &["园区", "新闻"]);
        assert_eq!(got[0], ('园', src.find("<p>").unwrap() + 3));
        assert_eq!(got[2], ('新', src.find("新闻").unwrap()));
    }

    #[test]
    fn steps_over_entities_and_crlf() {
        let src = "<body><p>A&amp;B&nbsp;区\r\n县</p>";
        let got = positions(src, &["A&B\u{a0}区\n县"]);
        let at = |s: &str| src.find(s).unwrap();
        assert_eq!(got[1], ('&', at("&amp;")));
        assert_eq!(got[2], ('B', at("B&")));
        assert_eq!(got[3], ('\u{a0}', at("&nbsp;")));
        assert_eq!(got[4], ('区', at("区")));
        assert_eq!(got[6], ('县', at("县")));
    }

    #[test]
    fn text_written_as_entities_is_stepped_through() {
        let src = "<body><div><p>&#30002;&#x4E59;</p><p>&#19993;</p>";
        let got = positions(src, &["甲乙", "丙"]);
        let at = |s: &str| src.find(s).unwrap();
        assert_eq!(
            got,
            vec![
                ('甲', at("&#30002;")),
                ('乙', at("&#x4E59;")),
                ('丙', at("&#19993;"))
            ]
        );
    }

    #[test]
    fn a_bare_ampersand_is_text() {
        assert_eq!(entity_len("&B公司"), None);
        assert_eq!(entity_len("&nbsp;x"), Some(6));
        assert_eq!(entity_len("&nbspx"), None);
        assert_eq!(entity_len("&#x4E2D;"), Some(8));
        assert_eq!(entity_len("&#;"), None);
        let src = "<body><p>甲&乙</p>";
        assert_eq!(
            positions(src, &["甲&乙"])[2],
            ('乙', src.find('乙').unwrap())
        );
    }

    #[test]
    fn positions_are_monotone_even_when_text_is_missing() {
        let src = "<body><p>甲乙</p><p>丙丁</p>";
        let got = positions(src, &["丙丁", "不在源码", "甲乙"]);
        assert!(got.windows(2).all(|w| w[0].1 <= w[1].1));
        assert!(got.iter().all(|&(_, at)| at <= src.len()));
    }
}
