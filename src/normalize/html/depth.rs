//! A bound on how deep a page's elements nest, applied before parsing.
//!
//! The HTML parser looks up the stack of open elements for most tags it meets (is a `p`
//! open? a `table`?), so a page of 100,000 nested `<div>`s costs it 100,000² steps.
//! Real pages nest a few dozen deep. [`blank_deep_tags`] follows the nesting as the
//! parser would (closing the elements that the next `<p>`, `<li>` or `<td>` closes
//! implicitly) and blanks the tags deeper than [`MAX_HTML_DEPTH`] — each byte becomes a
//! space, so offsets stay where they were — leaving the text inside them to the element
//! they stand in.

use crate::limits::MAX_HTML_DEPTH;
use std::collections::HashMap;

/// `html` with the tags nested deeper than [`MAX_HTML_DEPTH`] blanked out and how many
/// there were; `None` when the page nests no deeper.
pub(super) fn blank_deep_tags(html: &str) -> Option<(String, usize)> {
    let bytes = html.as_bytes();
    let mut open = Open::default();
    // The tags blanked out so far, and the deep elements still open by (lower-cased)
    // name: their end tags are blanked too.
    let mut blanked: Vec<std::ops::Range<usize>> = Vec::new();
    let mut deep_open: HashMap<String, usize> = HashMap::new();
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + i;
        let tag = read_tag(html, start);
        at = tag.end;
        match tag.kind {
            Kind::Other => {}
            Kind::End(name) => {
                let deep = (!deep_open.is_empty())
                    .then(|| deep_open.get_mut(&name.to_ascii_lowercase()))
                    .flatten()
                    .filter(|n| **n > 0);
                if let Some(n) = deep {
                    *n -= 1;
                    blanked.push(start..tag.end);
                } else if let Some(k) = open
                    .names
                    .iter()
                    .rposition(|n| n.eq_ignore_ascii_case(name))
                {
                    open.truncate(k);
                }
            }
            Kind::Start(name) => {
                if open.tables == 0 && is(name, TABLE_PARTS) {
                    // outside a table the parser ignores them
                    continue;
                }
                close_implied(&mut open, name);
                // `<div/>` is an open div: only SVG and MathML elements close themselves
                if is(name, VOID) || (tag.self_closing && open.foreign > 0) {
                    continue;
                }
                if let Some(raw) = raw_text_end(html, name, tag.end) {
                    at = raw;
                    continue;
                }
                if open.names.len() >= MAX_HTML_DEPTH {
                    blanked.push(start..tag.end);
                    *deep_open.entry(name.to_ascii_lowercase()).or_default() += 1;
                } else {
                    open.push(name);
                }
            }
        }
    }
    if blanked.is_empty() {
        return None;
    }
    let mut out = html.as_bytes().to_vec();
    for r in &blanked {
        out[r.clone()].fill(b' ');
    }
    // a tag starts and ends with ASCII (`<`, `>`), so blanking whole tags leaves UTF-8
    let out = String::from_utf8(out).expect("whole tags blanked");
    Some((out, blanked.len()))
}

/// The stack of open elements, with counts of those that change how tags are read.
#[derive(Default)]
struct Open<'h> {
    names: Vec<&'h str>,
    /// Open `p` elements: most block tags close one.
    paragraphs: usize,
    tables: usize,
    /// Open `svg` and `math` elements, where `<x/>` closes itself.
    foreign: usize,
}

impl<'h> Open<'h> {
    fn push(&mut self, name: &'h str) {
        self.count(name, 1);
        self.names.push(name);
    }

    /// Closes the element at `k` and those inside it.
    fn truncate(&mut self, k: usize) {
        while self.names.len() > k {
            let name = self.names.pop().expect("longer than k");
            self.count(name, -1);
        }
    }

    fn count(&mut self, name: &str, by: isize) {
        let counter = if name.eq_ignore_ascii_case("p") {
            &mut self.paragraphs
        } else if name.eq_ignore_ascii_case("table") {
            &mut self.tables
        } else if is(name, &["svg", "math"]) {
            &mut self.foreign
        } else {
            return;
        };
        *counter = counter.checked_add_signed(by).expect("counted when pushed");
    }
}

/// Whether `name` is one of `names` (which are lower case).
fn is(name: &str, names: &[&str]) -> bool {
    names.iter().any(|x| x.eq_ignore_ascii_case(name))
}

/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr", "image",
];

/// Parts of a table, which only count inside one.
const TABLE_PARTS: &[&str] = &[
    "caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr",
];

enum Kind<'h> {
    Start(&'h str),
    End(&'h str),
    /// A comment, doctype, processing instruction, or a `<` that opens no tag.
    Other,
}

struct Tag<'h> {
    kind: Kind<'h>,
    self_closing: bool,
    /// Byte offset just past the tag.
    end: usize,
}

/// The tag opening at `start` (a `<`), read as the parser's tokenizer reads it.
fn read_tag(html: &str, start: usize) -> Tag<'_> {
    let bytes = html.as_bytes();
    let rest = &html[start..];
    let other = |end: usize| Tag {
        kind: Kind::Other,
        self_closing: false,
        end,
    };
    if rest.starts_with("<!--") {
        let end = memchr::memmem::find(&bytes[start + 4..], b"-->")
            .map_or(html.len(), |i| start + 4 + i + 3);
        return other(end);
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        return other(memchr::memchr(b'>', &bytes[start..]).map_or(html.len(), |i| start + i + 1));
    }
    let (closing, name_start) = match rest.as_bytes().get(1) {
        Some(b'/') => (true, start + 2),
        _ => (false, start + 1),
    };
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return other(start + 1);
    }
    let name_end = name_start
        + bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
            .unwrap_or(bytes.len() - name_start);
    let end = attributes_end(bytes, name_end);
    let name = &html[name_start..name_end];
    let self_closing = end >= 2 && bytes[end - 1] == b'>' && bytes[end - 2] == b'/';
    Tag {
        kind: if closing {
            Kind::End(name)
        } else {
            Kind::Start(name)
        },
        self_closing,
        end,
    }
}

/// Just past the `>` that ends a tag's attributes from `at`, skipping quoted values.
fn attributes_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return at + 1,
            b'=' => {
                at += 1;
                while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = bytes.get(at) {
                    at =
                        memchr::memchr(q, &bytes[at + 1..]).map_or(bytes.len(), |i| at + 1 + i + 1);
                }
            }
            _ => at += 1,
        }
    }
    bytes.len()
}

/// For an element whose content is raw text (`script`, `style` …), where its end tag
/// ends: no tag inside it counts.
fn raw_text_end(html: &str, name: &str, from: usize) -> Option<usize> {
    const RAW: &[&str] = &[
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "plaintext",
    ];
    let raw = RAW.iter().find(|r| r.eq_ignore_ascii_case(name))?;
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&bytes[at..], b"</") {
        let tag = at + i + 2;
        if bytes.len() >= tag + raw.len()
            && bytes[tag..tag + raw.len()].eq_ignore_ascii_case(raw.as_bytes())
        {
            return Some(at + i);
        }
        at = tag;
    }
    Some(html.len())
}

/// Closes the open elements that a start tag `name` closes without an end tag: the
/// previous `li`, `dt`/`dd`, `option`, cell or row, and an open `p` before a block.
fn close_implied(open: &mut Open, name: &str) {
    // (the elements closed, the elements that stop the search for them)
    let own: Option<(&[&str], &[&str])> = if is(name, &["li"]) {
        Some((&["li"], &["ul", "ol", "table", "td", "th"]))
    } else if is(name, &["dt", "dd"]) {
        Some((&["dt", "dd"], &["dl", "table", "td", "th"]))
    } else if is(name, &["option", "optgroup"]) {
        Some((&["option"], &["select", "datalist"]))
    } else if is(name, &["td", "th"]) {
        Some((&["td", "th"], &["tr", "table"]))
    } else if is(name, &["tr"]) {
        Some((&["tr"], &["table", "tbody", "thead", "tfoot"]))
    } else {
        None
    };
    if let Some((closes, stops)) = own {
        close_nearest(open, closes, stops);
    }
    if open.paragraphs > 0 && is(name, CLOSES_P) {
        close_nearest(open, &["p"], BUTTON_SCOPE);
    }
}

/// Closes the nearest open element of `closes` (and all inside it), unless one of
/// `stops` comes first.
fn close_nearest(open: &mut Open, closes: &[&str], stops: &[&str]) {
    for k in (0..open.names.len()).rev() {
        if is(open.names[k], closes) {
            open.truncate(k);
            return;
        }
        if is(open.names[k], stops) {
            return;
        }
    }
}

/// The elements an open `p` is not looked for beyond.
const BUTTON_SCOPE: &[&str] = &[
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th",
];

/// Start tags that close an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "search",
    "section",
    "summary",
    "table",
    "ul",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_normal_page_is_left_alone() {
        let page = "<html><body><div class=\"a>b\"><p>一<p>二<ul><li>甲<li>乙</ul>\
                    <script>if (a<b) document.write('<div>')</script></div></body></html>";
        assert_eq!(blank_deep_tags(page), None);
        // unclosed paragraphs, items and cells close each other: no depth builds up
        let unclosed = format!(
            "<body>{}</body>",
            "<p>段落<li>项<td>格<option>项".repeat(5000)
        );
        assert_eq!(blank_deep_tags(&unclosed), None);
    }

    #[test]
    fn tags_deeper_than_the_limit_become_spaces() {
        let depth = MAX_HTML_DEPTH + 10;
        let page = format!("{}园区{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let (out, blanked) = blank_deep_tags(&page).unwrap();
        assert_eq!(out.len(), page.len());
        assert_eq!(blanked, 2 * 10);
        let kept = "<div>".repeat(MAX_HTML_DEPTH);
        assert!(out.starts_with(&kept));
        assert_eq!(out.matches("<div>").count(), MAX_HTML_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_HTML_DEPTH);
        assert!(out.contains("园区"));
    }
}
