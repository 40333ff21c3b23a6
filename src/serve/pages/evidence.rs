//! `/evidence?s={sentence IRI}`: the sentence a fact came from, where it stands in its
//! report (characters in the normalized text, bytes in the raw file), the report (title,
//! date, location) and every fact read from that sentence.

use crate::serve::exec::App;
use crate::serve::explore::{select, value};
use crate::serve::html::{self, escape, table};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use oxigraph::model::NamedNode;
use std::sync::Arc;

#[derive(Debug, serde::Deserialize)]
pub struct Params {
    s: String,
}

const SENTENCE: &str = "SELECT ?text ?start ?end ?bstart ?bend ?report ?title ?issued ?location
    ?fact ?class WHERE {
  GRAPH ?g { SENTENCE zk:text ?text }
  OPTIONAL { GRAPH ?g { SENTENCE zk:charStart ?start } }
  OPTIONAL { GRAPH ?g { SENTENCE zk:charEnd ?end } }
  OPTIONAL { GRAPH ?g { SENTENCE zk:byteStart ?bstart } }
  OPTIONAL { GRAPH ?g { SENTENCE zk:byteEnd ?bend } }
  OPTIONAL { GRAPH ?g { ?g zk:sourceName ?report } }
  OPTIONAL { GRAPH ?g { ?g dcterms:title ?title } }
  OPTIONAL { GRAPH ?g { ?g dcterms:issued ?issued } }
  OPTIONAL { GRAPH ?g { ?g zk:location ?location } }
  OPTIONAL { GRAPH ?g { ?fact prov:wasDerivedFrom SENTENCE . ?fact a ?c
    FILTER(?c != zk:LeadingPost) } }
  BIND(REPLACE(STR(?c), \"^.*[#/]\", \"\") AS ?class)
} ORDER BY ?class";

/// The Chinese name of a fact's class.
fn class_zh(class: &str) -> &str {
    match class {
        "Zone" => "区域",
        "Person" => "官员",
        "Post" => "职务",
        "PostHolding" => "任职",
        "Meeting" => "会议",
        "Participation" => "参会",
        "Goal" => "目标",
        "Achievement" => "结果",
        "Task" => "任务",
        other => other,
    }
}

pub async fn handle(State(app): State<Arc<App>>, Query(params): Query<Params>) -> Response {
    let Ok(iri) = NamedNode::new(params.s.trim()) else {
        return html::error_page(
            StatusCode::BAD_REQUEST,
            "出处无效",
            "这不是一个句子的 IRI。",
        );
    };
    let worker = app.clone();
    let text = SENTENCE.replace("SENTENCE", &iri.to_string());
    let rows = app
        .on_worker(move || select(worker.kg.store(), &text, worker.config.timeout))
        .await;
    let rows = match rows {
        Ok(Ok(rows)) => rows,
        Ok(Err(e)) => {
            return html::error_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "读取失败",
                &e.to_string(),
            )
        }
        Err(e) => return super::exec_failure(e),
    };
    let Some(first) = rows.first() else {
        return html::error_page(
            StatusCode::NOT_FOUND,
            "找不到出处",
            "知识库中没有这个句子。",
        );
    };
    let get = |var: &str| value(first, var).unwrap_or_default();
    let mut body = String::from("<h1>原文出处</h1>");
    body.push_str(&format!(
        "<blockquote class=\"evidence\"><span class=\"sentence\">“{}”</span></blockquote>",
        escape(&get("text"))
    ));
    let report_rows = vec![
        vec!["报告".into(), escape(&get("report"))],
        vec!["标题".into(), escape(&get("title"))],
        vec!["发布日期".into(), escape(&get("issued"))],
        vec!["位置".into(), escape(&get("location"))],
        vec![
            "字符位置".into(),
            escape(&format!("{}–{}（规范化文本）", get("start"), get("end"))),
        ],
        vec![
            "字节位置".into(),
            escape(&format!("{}–{}（原始文件）", get("bstart"), get("bend"))),
        ],
    ];
    body.push_str(&table(&["项目", "内容"], &report_rows));
    let mut facts: Vec<Vec<String>> = Vec::new();
    for row in &rows {
        if let (Some(fact), Some(class)) = (value(row, "fact"), value(row, "class")) {
            facts.push(vec![
                escape(class_zh(&class)),
                format!("<code class=\"muted\">{}</code>", escape(&fact)),
            ]);
        }
    }
    facts.dedup();
    body.push_str(&format!("<h2>由此句得出的事实（{}）</h2>", facts.len()));
    body.push_str(&table(&["类别", "IRI"], &facts));
    body.push_str(&format!(
        "<p class=\"muted\"><a href=\"/sparql?query={}\">用 SPARQL 查看此句</a> · \
         句子 IRI：<code>{}</code></p>",
        html::url_part(&format!("DESCRIBE {iri}")),
        escape(iri.as_str())
    ));
    html::respond(StatusCode::OK, html::page("原文出处", &body))
}
