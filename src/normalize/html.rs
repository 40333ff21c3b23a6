//! HTML pages to their main text, one paragraph per line.
//!
//! Runs only on documents decoding found to be HTML. The page's title and publication
//! date come from its tags ([`page_meta`]); the main text from the content container
//! that Chinese government CMSs mark (`TRS_Editor`, `zoom`, `article`, `content` …),
//! picked by how much Han text outside links it holds; failing that, from the
//! readability port `dom_smoothie`; failing that, from the whole body. Scripts, styles,
//! navigation, headers, footers and forms never reach the text. A page with nothing
//! readable yields empty text. Every emitted char keeps the raw offset of the source
//! it was found at ([`align`]). Tags nested deeper than any real page nests are blanked
//! out before parsing ([`depth`]), as the parser's cost grows with the nesting squared.

mod align;
mod depth;
mod page_meta;

use super::{meta, Document, MappedText, MappedTextBuilder, Normalizer};
use crate::limits::Cut;
use crate::zh::han::han_count;
use align::Aligner;
use scraper::node::Element;
use scraper::{ElementRef, Node};

pub struct Html;

impl Normalizer for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn normalize(&self, doc: &mut Document) {
        if !doc.is_html {
            return;
        }
        // tags nested absurdly deep are blanked out first: the parser's cost grows with
        // the square of the nesting
        let shallow;
        let (source, deep) = match depth::blank_deep_tags(doc.text.as_str()) {
            Some((text, tags)) => {
                doc.cuts.push(Cut::DeepHtml { tags });
                shallow = doc.text.with_text(text);
                (&shallow, true)
            }
            None => (&doc.text, false),
        };
        let page = scraper::Html::parse_document(source.as_str());
        let tags = page_meta::read(&page);
        let mut published = tags.published;
        let mut title = tags.title;
        if published.is_none() || title.is_none() {
            // The information line (`发布时间:…`) often sits outside the content
            // container, so read it from all the visible text.
            let visible = walk(source, page.root_element(), Drop::Invisible).into_string();
            published = published.or_else(|| meta::published_in(&visible));
            title = title.or_else(|| meta::title_in(&visible));
        }
        let text = main_text(source, &page, !deep);
        doc.title = doc.title.take().or(title);
        doc.published = doc.published.take().or(published.map(|d| d.iso()));
        doc.text = text;
    }
}

/// Below this many Han chars outside links, a container is not the article.
const MIN_ARTICLE_HAN: usize = 50;
/// A container inside the best one replaces it when it holds this share of its text.
const NESTED_SHARE: f64 = 0.7;

/// The page's main text: the best content container, else readability (where asked
/// for), else the body. Readability weighs every element by the text under it, a cost
/// that grows with the nesting: a page nested too deep to parse as it is skips it.
fn main_text(source: &MappedText, page: &scraper::Html, readability: bool) -> MappedText {
    if let Some(container) = content_container(page) {
        return walk(source, container, Drop::Boilerplate);
    }
    if let Some(text) = readability.then(|| readability_text(source)).flatten() {
        return text;
    }
    walk(source, page.root_element(), Drop::Boilerplate)
}

/// Substrings of `id`/`class` values that content containers carry.
const CONTENT_HINTS: &[&str] = &[
    "trs_editor",
    "article",
    "content",
    "zoom",
    "detail",
    "main-text",
    "maintext",
    "art_con",
    "pages_content",
    "con",
    "text",
    "txt",
    "zwnr",
];

/// The hinted container with the most Han text outside links, or the container inside
/// it that holds most of that text.
fn content_container(page: &scraper::Html) -> Option<ElementRef<'_>> {
    struct Candidate<'a> {
        el: ElementRef<'a>,
        depth: usize,
        han: usize,
    }
    let mut candidates = Vec::new();
    // Post-order walk summing Han chars outside links, linear in the page size.
    let root = page.root_element();
    let mut stack = vec![(root, root.children(), 0usize, false)];
    while let Some((_, children, _, _)) = stack.last_mut() {
        match children.next() {
            Some(node) => match node.value() {
                Node::Text(t) => {
                    let (_, _, han, in_link) = stack.last_mut().unwrap();
                    if !*in_link {
                        *han += han_count(t);
                    }
                }
                Node::Element(e) if !is_dropped(e, Drop::Boilerplate) => {
                    let in_link = stack.last().unwrap().3 || e.name() == "a";
                    let el = ElementRef::wrap(node).unwrap();
                    stack.push((el, node.children(), 0, in_link));
                }
                _ => {}
            },
            None => {
                let (el, _, han, _) = stack.pop().unwrap();
                if let Some(parent) = stack.last_mut() {
                    parent.2 += han;
                }
                if is_content_hinted(el.value()) {
                    let depth = stack.len();
                    candidates.push(Candidate { el, depth, han });
                }
            }
        }
    }
    let best = candidates
        .iter()
        .max_by_key(|c| (c.han, std::cmp::Reverse(c.depth)))?;
    if best.han < MIN_ARTICLE_HAN {
        return None;
    }
    let inner = candidates
        .iter()
        .filter(|c| c.han as f64 >= NESTED_SHARE * best.han as f64 && c.depth > best.depth)
        .filter(|c| c.el.ancestors().any(|a| a.id() == best.el.id()))
        .max_by_key(|c| c.depth);
    Some(inner.unwrap_or(best).el)
}

fn is_content_hinted(e: &Element) -> bool {
    e.name() == "article" || attr_tokens(e).any(|v| CONTENT_HINTS.iter().any(|h| v.contains(h)))
}

/// The article `dom_smoothie` finds, walked like a container, if it has enough text.
fn readability_text(source: &MappedText) -> Option<MappedText> {
    let mut readability = dom_smoothie::Readability::new(source.as_str(), None, None).ok()?;
    let article = readability.parse().ok()?;
    let fragment = scraper::Html::parse_fragment(&article.content);
    let text = walk(source, fragment.root_element(), Drop::Boilerplate);
    (han_count(text.as_str()) >= MIN_ARTICLE_HAN).then_some(text)
}

/// What a walk leaves out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Drop {
    /// What a reader never sees: scripts, styles, the head, hidden elements.
    Invisible,
    /// That, plus navigation, headers, footers, forms, sidebars and share bars.
    Boilerplate,
}

/// Elements a reader never sees.
const INVISIBLE_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "title", "meta", "link", "svg", "canvas",
    "object", "embed", "iframe", "audio", "video", "map",
];
/// Page furniture around the article.
const BOILERPLATE_TAGS: &[&str] = &[
    "nav", "header", "footer", "form", "aside", "select", "option", "button", "input", "textarea",
    "label",
];
/// Substrings of `id`/`class` values marking page furniture.
const BOILERPLATE_HINTS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "header",
    "breadcrumb",
    "crumb",
    "share",
    "sidebar",
    "copyright",
    "toolbar",
    "dqwz",
    "location",
];

fn is_dropped(e: &Element, drop: Drop) -> bool {
    let name = e.name();
    if INVISIBLE_TAGS.contains(&name) || is_hidden(e) {
        return true;
    }
    drop == Drop::Boilerplate
        && (BOILERPLATE_TAGS.contains(&name)
            || attr_tokens(e).any(|v| BOILERPLATE_HINTS.iter().any(|h| v.contains(h))))
}

fn is_hidden(e: &Element) -> bool {
    e.attr("hidden").is_some()
        || e.attr("style").is_some_and(|s| {
            let s: String = s
                .split_whitespace()
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// The element's `id` and `class` values, lower-cased.
fn attr_tokens(e: &Element) -> impl Iterator<Item = String> + '_ {
    e.id()
        .into_iter()
        .chain(e.classes())
        .map(str::to_ascii_lowercase)
}

/// Elements that start and end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "html",
    "body",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "hr",
    "center",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "fieldset",
    "legend",
];

/// The text under `root`, one block per line, mapped to raw offsets through `source`.
fn walk(source: &MappedText, root: ElementRef<'_>, drop: Drop) -> MappedText {
    let mut out = Emitter::new(source);
    let mut stack = vec![(root.children(), true)];
    while let Some((children, _)) = stack.last_mut() {
        let Some(node) = children.next() else {
            let (_, block) = stack.pop().unwrap();
            if block {
                out.line_break();
            }
            continue;
        };
        match node.value() {
            Node::Text(t) => out.text(t),
            Node::Element(e) if !is_dropped(e, drop) => match e.name() {
                "br" => out.line_break(),
                name => {
                    let block = BLOCK_TAGS.contains(&name);
                    if block {
                        out.line_break();
                    } else if matches!(name, "td" | "th") {
                        out.gap();
                    }
                    stack.push((node.children(), block));
                }
            },
            _ => {}
        }
    }
    out.finish()
}

/// Builds the text of a walk: finds each text node in the source, then hands its chars
/// to the [`Sink`].
struct Emitter<'s> {
    aligner: Aligner<'s>,
    sink: Sink<'s>,
}

impl<'s> Emitter<'s> {
    fn new(source: &'s MappedText) -> Self {
        Emitter {
            aligner: Aligner::new(source.as_str()),
            sink: Sink {
                source,
                out: MappedText::builder(source.len() / 4),
                line_open: false,
                space: None,
                last: '\n',
                raw_end: 0,
            },
        }
    }

    fn text(&mut self, text: &str) {
        self.aligner.align(text, |c, at| self.sink.char(c, at));
    }

    fn gap(&mut self) {
        self.sink.gap();
    }

    fn line_break(&mut self) {
        self.sink.line_break();
    }

    fn finish(mut self) -> MappedText {
        self.sink.line_break();
        let end = self.sink.raw_end;
        self.sink.out.finish(end)
    }
}

/// Collapses white space as a browser does, breaks lines at blocks, and maps every
/// char back to the raw input.
struct Sink<'s> {
    source: &'s MappedText,
    out: MappedTextBuilder,
    /// Whether the current line has any text yet.
    line_open: bool,
    /// A collapsed run of white space waiting for the next char: its raw offset, and
    /// whether it separates cells (kept even between Chinese chars).
    space: Option<(usize, bool)>,
    last: char,
    /// Raw offset just past the last char emitted; nothing is mapped before it.
    raw_end: usize,
}

impl Sink<'_> {
    /// Takes char `c` found at byte `at` of the decoded page.
    fn char(&mut self, c: char, at: usize) {
        let raw = self.source.raw_offset(at);
        if c.is_whitespace() {
            if self.line_open && self.space.is_none() {
                self.space = Some((raw, false));
            }
            return;
        }
        if let Some((origin, hard)) = self.space.take() {
            // A line break inside Chinese text is no word break.
            if hard || !(is_wide(self.last) && is_wide(c)) {
                self.out.push_char(' ', origin.max(self.raw_end));
            }
        }
        let raw = raw.max(self.raw_end);
        self.out.push_char(c, raw);
        self.raw_end = self.source.raw_offset(at + c.len_utf8()).max(raw);
        self.last = c;
        self.line_open = true;
    }

    /// Separates table cells with a space.
    fn gap(&mut self) {
        if self.line_open {
            self.space = Some((self.raw_end, true));
        }
    }

    fn line_break(&mut self) {
        self.space = None;
        if self.line_open {
            self.out.push_char('\n', self.raw_end);
            self.line_open = false;
            self.last = '\n';
        }
    }
}

fn is_wide(c: char) -> bool {
    c >= '\u{2E80}' && !c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::encoding::decode;
    use encoding_rs::GBK;

    const PARA1: &str =
        "某某高新区召开年度工作会议，总结去年成绩，部署今年任务，全区干部参加会议。";
    const PARA2: &str = "会议强调，要坚持项目为王，全年新开工项目三十个以上，力争实现更大突破。";

    fn page(body: &str) -> String {
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某园区新闻_某某区人民政府</title>\
             <style>p {{ color: red }}</style><script>var 标题 = \"不要\";</script></head>\
             <body>{body}</body></html>"
        )
    }

    fn normalize(raw: &[u8]) -> Document {
        let mut doc = decode(raw, "x.html").unwrap();
        Html.normalize(&mut doc);
        doc
    }

    /// Every line of the text maps to raw bytes that decode to that line.
    fn assert_lines_map_back(doc: &Document, raw: &[u8], enc: &'static encoding_rs::Encoding) {
        let text = doc.text.as_str();
        let mut last = 0;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end();
            let r = doc.text.raw_range(at..at + body.len());
            assert!(
                r.start >= last && r.end <= raw.len(),
                "line {body:?} at {r:?}"
            );
            last = r.start;
            assert_eq!(enc.decode_without_bom_handling(&raw[r]).0, body);
            at += line.len();
        }
    }

    #[test]
    fn content_container_wins_and_furniture_is_dropped() {
        let html = page(&format!(
            "<div class=\"header\">网站首页 政务公开 新闻中心</div>\
             <nav><a href=\"/\">首页</a><a href=\"/x\">机构设置</a></nav>\
             <div class=\"main\"><div class=\"position\">当前位置：<a>首页</a> &gt; <a>新闻</a></div>\
             <div class=\"TRS_Editor\"><p>{PARA1}</p>\n<p style=\"text-indent:2em\">{PARA2}<br>第三行文字</p></div>\
             <ul class=\"related\"><li><a>相关新闻一则标题</a></li></ul></div>\
             <form>搜索</form><div id=\"footer\">版权所有 某某区人民政府</div>"
        ));
        let doc = normalize(html.as_bytes());
        assert_eq!(doc.text.as_str(), format!("{PARA1}\n{PARA2}\n第三行文字\n"));
        assert_eq!(doc.title.as_deref(), Some("某园区新闻"));
        assert_lines_map_back(&doc, html.as_bytes(), encoding_rs::UTF_8);
    }

    #[test]
    fn meta_tags_and_date_outside_the_container() {
        let html = format!(
            "<html><head><meta name=\"ArticleTitle\" content=\"某园区召开大会\"></head><body>\
             <div class=\"info\">发布时间：2022-04-05 来源：区政府办</div>\
             <div id=\"zoom\"><p>{PARA1}</p><p>{PARA2}</p></div></body></html>"
        );
        let doc = normalize(html.as_bytes());
        assert_eq!(doc.title.as_deref(), Some("某园区召开大会"));
        assert_eq!(doc.published.as_deref(), Some("2022-04-05"));
        assert_eq!(doc.text.as_str(), format!("{PARA1}\n{PARA2}\n"));
    }

    #[test]
    fn page_of_only_scripts_has_no_text() {
        let html = "<html><head><script>document.write('某某新闻')</script></head>\
                    <body><script>var a = '<p>园区</p>';</script><noscript>请开启脚本</noscript></body></html>";
        let doc = normalize(html.as_bytes());
        assert_eq!(doc.text.as_str(), "");
        assert!(doc.text.is_empty());
    }

    #[test]
    fn gbk_page_with_entities_maps_back_to_raw_bytes() {
        let html = format!(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>\
             <body><div class=\"article-content\">\r\n<p>{PARA1}</p>\r\n<p>甲&amp;乙公司&nbsp;签约，{PARA2}</p>\
             <table><tr><td>指标</td><td>数值</td></tr></table></div></body></html>"
        );
        let (raw, _, _) = GBK.encode(&html);
        let doc = normalize(&raw);
        let text = doc.text.as_str();
        assert_eq!(
            text,
            // the no-break space between Chinese words is no word break either
            format!("{PARA1}\n甲&乙公司签约，{PARA2}\n指标 数值\n")
        );
        let i = text.find("签约").unwrap();
        let r = doc.text.raw_range(i..i + "签约".len());
        assert_eq!(GBK.decode_without_bom_handling(&raw[r]).0, "签约");
        let first = doc.text.raw_range(0..PARA1.len());
        assert_eq!(GBK.decode_without_bom_handling(&raw[first]).0, PARA1);
        let offsets: Vec<usize> = (0..=text.len()).map(|i| doc.text.raw_offset(i)).collect();
        assert!(offsets.windows(2).all(|w| w[0] <= w[1]));
        assert!(offsets.iter().all(|&o| o <= raw.len()));
    }

    #[test]
    fn without_a_container_the_body_is_read() {
        let html = page(&format!("<nav>导航栏目</nav><section><h2>小标题</h2><p>{PARA1}</p></section><footer>页脚</footer>"));
        let doc = normalize(html.as_bytes());
        assert_eq!(doc.text.as_str(), format!("小标题\n{PARA1}\n"));
        assert_lines_map_back(&doc, html.as_bytes(), encoding_rs::UTF_8);
    }

    #[test]
    fn a_large_page_is_read_in_linear_time() {
        let paragraphs = format!("<p>{PARA1}</p>\n<p>&#30002;&#20057;{PARA2}</p>\n").repeat(10_000);
        let html = page(&format!("<div class=\"content\">{paragraphs}</div>"));
        let start = std::time::Instant::now();
        let doc = normalize(html.as_bytes());
        assert_eq!(doc.text.as_str().lines().count(), 20_000);
        assert!(doc.text.as_str().ends_with(&format!("甲乙{PARA2}\n")));
        // generous for an unoptimised build; quadratic work would take far longer
        assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
    }

    #[test]
    fn plain_text_is_left_alone() {
        let mut doc = decode("<p>不是网页</p>".as_bytes(), "a.txt").unwrap();
        doc.is_html = false;
        Html.normalize(&mut doc);
        assert_eq!(doc.text.as_str(), "<p>不是网页</p>");
    }
}
