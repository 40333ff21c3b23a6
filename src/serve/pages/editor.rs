//! `/sparql` in a browser: an editor for SPARQL (zonekg's prefixes predeclared), the
//! answer as a table under it, and the canned queries, each with a small form for its
//! parameters.

use crate::query::{self, display_term, Answer, LimitedAnswer};
use crate::rdf::vocab::PREFIXES;
use crate::serve::html::{self, escape, table};
use crate::serve::sparql::{Failure, Request};
use axum::http::StatusCode;
use axum::response::Response;

/// What the editor starts with when nothing else is asked.
const EXAMPLE: &str = "# 谁在领导哪个开发区（前缀已预先声明）
SELECT ?official ?zone ?post WHERE {
  ?h org:member ?p ; zk:post ?pi .
  ?p foaf:name ?official .
  ?pi a zk:LeadingPost ; zk:title ?post ; org:postIn ?z .
  ?z rdfs:label ?zone .
}
ORDER BY ?zone ?post
LIMIT 50";

/// The formats the editor offers, as `format` values with their names.
const FORMATS: &[(&str, &str)] = &[
    ("html", "网页表格"),
    ("json", "SPARQL JSON"),
    ("xml", "SPARQL XML"),
    ("csv", "CSV"),
    ("tsv", "TSV"),
    ("turtle", "Turtle（图）"),
    ("ntriples", "N-Triples（图）"),
    ("jsonld", "JSON-LD（图）"),
];

/// The editor page; with the answer to show, or the failure to explain (and its status).
pub fn page(
    request: &Request,
    answer: Option<(&str, &LimitedAnswer)>,
    failure: Option<&Failure>,
) -> Response {
    let text = match (answer, &request.query, &request.canned, &request.edit) {
        (Some((text, _)), _, _, _) => text.to_string(),
        (None, Some(q), _, _) => q.clone(),
        (None, None, Some(name), _) | (None, None, None, Some(name)) => query::canned(name)
            .map(|c| c.text.to_string())
            .unwrap_or_default(),
        _ => EXAMPLE.to_string(),
    };
    let mut body = String::from("<h1>SPARQL 查询</h1>");
    let prefixes: Vec<String> = PREFIXES.iter().map(|(p, _)| format!("{p}:")).collect();
    body.push_str(&format!(
        "<p class=\"muted\">端点 <code>/sparql</code> 遵循 SPARQL 1.1 协议（GET、POST 表单、\
         application/sparql-query），可供 YASGUI、SPARQLWrapper、curl 使用。已预先声明前缀：{}。\
         默认图为所有图的并集。Ctrl+Enter 运行。</p>",
        escape(&prefixes.join(" "))
    ));
    let chosen = request.format.as_deref().unwrap_or("html");
    let options: String = FORMATS
        .iter()
        .map(|(v, name)| {
            let selected = if *v == chosen { " selected" } else { "" };
            format!("<option value=\"{v}\"{selected}>{}</option>", escape(name))
        })
        .collect();
    body.push_str(&format!(
        "<form action=\"/sparql\" method=\"post\" class=\"editor\">\
         <textarea name=\"query\" rows=\"14\" spellcheck=\"false\" aria-label=\"SPARQL\">{}</textarea>\
         <p><label>结果格式 <select name=\"format\">{options}</select></label> \
         <button type=\"submit\">运行</button></p></form>",
        escape(&text)
    ));
    let mut status = StatusCode::OK;
    if let Some(f) = failure {
        status = f.status;
        body.push_str(&format!(
            "<p class=\"error\">查询失败（{}）：{}</p>",
            f.status.as_u16(),
            escape(&f.message)
        ));
    }
    if let Some((_, answer)) = answer {
        body.push_str(&results(answer));
    }
    body.push_str("<h2>预设查询</h2>");
    for canned in query::CANNED {
        let params = query::placeholders(canned.text);
        let inputs: String = params
            .iter()
            .map(|p| {
                let given = request
                    .params
                    .iter()
                    .find(|(n, _)| n == p)
                    .filter(|_| request.canned.as_deref() == Some(canned.name))
                    .map(|(_, v)| v.as_str())
                    .unwrap_or("");
                format!(
                    "<input name=\"{p}\" placeholder=\"{p}\" aria-label=\"{p}\" value=\"{}\">",
                    escape(given)
                )
            })
            .collect();
        body.push_str(&format!(
            "<div class=\"canned\"><strong>{name}</strong> · <a href=\"/sparql?edit={name}\">在编辑器中打开</a>\
             <pre>{}</pre><form action=\"/sparql\" method=\"get\">\
             <input type=\"hidden\" name=\"canned\" value=\"{name}\">{inputs}\
             <button type=\"submit\">运行</button></form></div>",
            escape(&canned.description()),
            name = canned.name,
        ));
    }
    html::respond(status, html::page("SPARQL 查询", &body))
}

/// The answer as a table (or a yes/no), with a note when it was cut.
fn results(answer: &LimitedAnswer) -> String {
    let mut s = String::from("<h2>结果</h2>");
    let cell = |t: &oxigraph::model::Term| {
        let shown = display_term(t);
        match t {
            oxigraph::model::Term::NamedNode(n) => format!(
                "<span title=\"{}\">{}</span>",
                escape(n.as_str()),
                escape(&shown)
            ),
            _ => escape(&shown),
        }
    };
    let count = match &answer.answer {
        Answer::Boolean(b) => {
            s.push_str(&format!(
                "<p><strong>{}</strong></p>",
                if *b {
                    "是（true）"
                } else {
                    "否（false）"
                }
            ));
            return s;
        }
        Answer::Solutions { variables, rows } => {
            let head: Vec<&str> = variables.iter().map(String::as_str).collect();
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    variables
                        .iter()
                        .map(|v| row.get(v.as_str()).map(cell).unwrap_or_default())
                        .collect()
                })
                .collect();
            s.push_str(&table(&head, &cells));
            rows.len()
        }
        Answer::Graph(triples) => {
            let cells: Vec<Vec<String>> = triples
                .iter()
                .map(|t| {
                    vec![
                        cell(&t.subject.clone().into()),
                        cell(&t.predicate.clone().into()),
                        cell(&t.object),
                    ]
                })
                .collect();
            s.push_str(&table(&["主语", "谓语", "宾语"], &cells));
            triples.len()
        }
    };
    let note = if answer.truncated {
        format!(
            "<p class=\"note\">结果已截断：只显示前 {count} 行（服务器的 --max-rows 上限）。</p>"
        )
    } else {
        format!("<p class=\"muted\">共 {count} 行。</p>")
    };
    // the note goes above the table, where it is seen
    s.insert_str("<h2>结果</h2>".len(), &note);
    s
}
