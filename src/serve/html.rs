//! What every explorer page shares: escaping, the page frame (header, navigation, the
//! bundled stylesheet and script), small building blocks, and the assets themselves.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// The stylesheet: readable on a phone (one column, tables scroll sideways).
const STYLE_CSS: &str = include_str!("assets/style.css");
/// The one script: filters the lists on the home page as one types, and sends the
/// SPARQL editor with Ctrl+Enter. Every page works without it.
const APP_JS: &str = include_str!("assets/app.js");

/// `text` with `& < > " '` escaped, for element content and attribute values.
///
/// ```
/// assert_eq!(zonekg::serve::html::escape("<a href=\"x\">&"), "&lt;a href=&quot;x&quot;&gt;&amp;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` percent-encoded for a path segment or a query value.
pub fn url_part(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// A link to the page of the zone `name`.
pub fn zone_link(name: &str) -> String {
    format!("<a href=\"/zone/{}\">{}</a>", url_part(name), escape(name))
}

/// A link to the page of the official labelled `label` (`name` or `name@zone`).
pub fn official_link(label: &str) -> String {
    format!(
        "<a href=\"/official/{}\">{}</a>",
        url_part(label),
        escape(label)
    )
}

/// The sentence a fact came from, quoted, with a link to its evidence page and the
/// report's name; empty when the store keeps none.
pub fn source(sentence: Option<&str>, sentence_iri: Option<&str>, report: &str) -> String {
    let Some(sentence) = sentence else {
        return if report.is_empty() {
            String::new()
        } else {
            format!("<span class=\"src\">{}</span>", escape(report))
        };
    };
    let quote = match sentence_iri {
        Some(iri) => format!(
            "<a class=\"sentence\" href=\"/evidence?s={}\">“{}”</a>",
            url_part(iri),
            escape(sentence)
        ),
        None => format!("<span class=\"sentence\">“{}”</span>", escape(sentence)),
    };
    format!(
        "<blockquote class=\"evidence\">{quote}<span class=\"src\">——{}</span></blockquote>",
        escape(report)
    )
}

/// A whole page: `title` (escaped) and `body` (HTML as is).
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title} · zonekg</title><link rel=\"stylesheet\" href=\"/assets/style.css\">\
<script src=\"/assets/app.js\" defer></script></head><body>\
<header><a class=\"brand\" href=\"/\">开发区知识图谱</a><nav>\
<a href=\"/\">搜索</a><a href=\"/graph\">关系图</a><a href=\"/sparql\">SPARQL 查询</a></nav></header>\
<main>{body}</main><footer>zonekg · 数据来自所收录的政府报告，每条事实均附原文出处</footer>\
</body></html>\n",
        title = escape(title),
    )
}

/// An HTML response with `status`.
pub fn respond(status: StatusCode, html: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

/// A page that says what went wrong, in a sentence.
pub fn error_page(status: StatusCode, title: &str, message: &str) -> Response {
    let body = format!(
        "<h1>{}</h1><p class=\"error\">{}</p><p><a href=\"/\">返回首页</a></p>",
        escape(title),
        escape(message)
    );
    respond(status, page(title, &body))
}

/// A table: `head` cells are escaped, `rows` cells are HTML as is. On a narrow screen
/// each row becomes a card of labelled cells (see style.css).
pub fn table(head: &[&str], rows: &[Vec<String>]) -> String {
    let mut s = String::from("<div class=\"scroll\"><table><thead><tr>");
    for h in head {
        s.push_str(&format!("<th>{}</th>", escape(h)));
    }
    s.push_str("</tr></thead><tbody>");
    for row in rows {
        s.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            // the column's name, which a phone shows beside each cell (see style.css)
            let label = head.get(i).map(|h| escape(h)).unwrap_or_default();
            // a date stays on one line
            let date = cell.len() == 10 && cell.bytes().filter(|b| *b == b'-').count() == 2;
            let class = if date { " class=\"nowrap\"" } else { "" };
            s.push_str(&format!("<td{class} data-label=\"{label}\">{cell}</td>"));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>");
    s
}

/// `/assets/{file}`: the bundled stylesheet and script.
pub async fn asset(Path(file): Path<String>) -> Response {
    let (body, media) = match file.as_str() {
        "style.css" => (STYLE_CSS, "text/css; charset=utf-8"),
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    (
        [
            (header::CONTENT_TYPE, media),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}
