//! `/` (`?q=` to search): zones and officials whose name or short name contains the
//! query — every one when there is none, up to [`LIST_MAX`] each — with each zone's
//! leaders and each official's posts.

use crate::serve::exec::App;
use crate::serve::explore::post_name;
use crate::serve::html::{self, escape};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// At most this many zones and this many officials are listed.
pub const LIST_MAX: usize = 200;

#[derive(Debug, serde::Deserialize)]
pub struct Search {
    #[serde(default)]
    q: String,
}

pub async fn handle(State(app): State<Arc<App>>, Query(search): Query<Search>) -> Response {
    let worker = app.clone();
    let built = app
        .on_worker(move || -> Result<String, String> {
            let facts = worker.facts().map_err(|e| e.to_string())?;
            let reports = worker.kg.report_count().map_err(|e| e.to_string())?;
            Ok(render(&facts, reports, search.q.trim()))
        })
        .await;
    match built {
        Ok(Ok(page)) => html::respond(StatusCode::OK, page),
        Ok(Err(e)) => html::error_page(StatusCode::INTERNAL_SERVER_ERROR, "读取失败", &e),
        Err(e) => super::exec_failure(e),
    }
}

fn render(facts: &crate::analyze::Facts, reports: usize, q: &str) -> String {
    let labels = facts.official_labels();
    // each zone's leaders, the latest seen first
    let mut leaders: HashMap<&str, BTreeSet<(std::cmp::Reverse<String>, String)>> = HashMap::new();
    let mut posts_of: HashMap<&str, BTreeSet<String>> = HashMap::new();
    for h in &facts.holdings {
        let label = labels.get(&h.person).cloned().unwrap_or_default();
        if let (Some(z), true) = (&h.zone, h.leading) {
            let last = h
                .seen
                .iter()
                .filter_map(|s| s.date.clone())
                .max()
                .unwrap_or_default();
            leaders.entry(z.as_str()).or_default().insert((
                std::cmp::Reverse(last),
                format!("{label}（{}）", post_name(h)),
            ));
        }
        let post = match &h.zone {
            Some(z) => format!("{}·{}", facts.zone_name(z), post_name(h)),
            None => post_name(h),
        };
        posts_of.entry(h.person.as_str()).or_default().insert(post);
    }
    let zones: Vec<(&String, &crate::analyze::facts::Zone)> = facts
        .zones
        .iter()
        .filter(|(_, z)| {
            q.is_empty() || z.name.contains(q) || z.aliases.iter().any(|a| a.contains(q))
        })
        .collect();
    let officials: BTreeMap<&String, &String> = facts
        .officials
        .iter()
        .filter(|(_, o)| q.is_empty() || o.name.contains(q))
        .filter_map(|(iri, _)| Some((labels.get(iri)?, iri)))
        .collect();

    let mut body = String::from("<h1>谁在领导哪个开发区</h1>");
    body.push_str(&format!(
        "<p class=\"muted\">知识库收录报告 {reports} 篇，区域 {} 个，官员 {} 人。\
         点开区域看其历任领导、会议、目标与完成情况；点开官员看其任职经历与会议。</p>",
        facts.zones.len(),
        facts.officials.len()
    ));
    body.push_str(&format!(
        "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"区域或官员姓名，如：高新区、张三\" \
         aria-label=\"搜索\" data-filter><button type=\"submit\">搜索</button></form>",
        escape(q)
    ));
    if !q.is_empty() && zones.is_empty() && officials.is_empty() {
        body.push_str(&format!(
            "<p class=\"note\">没有名称含“{}”的区域或官员。</p>",
            escape(q)
        ));
    }
    body.push_str(&format!("<h2>区域（{}）</h2>", zones.len()));
    body.push_str("<ul class=\"cards\" data-filterable>");
    for (iri, zone) in zones.iter().take(LIST_MAX) {
        let mut item = format!("<li><strong>{}</strong>", html::zone_link(&zone.name));
        if !zone.aliases.is_empty() {
            let aliases: Vec<&str> = zone.aliases.iter().map(String::as_str).collect();
            item.push_str(&format!(
                " <span class=\"aliases\">又称 {}</span>",
                escape(&aliases.join("、"))
            ));
        }
        if let Some(ls) = leaders.get(iri.as_str()) {
            let names: Vec<String> = ls.iter().take(4).map(|(_, l)| escape(l)).collect();
            item.push_str(&format!(
                "<br><span class=\"muted\">{}</span>",
                names.join("；")
            ));
        }
        item.push_str("</li>");
        body.push_str(&item);
    }
    body.push_str("</ul>");
    if zones.len() > LIST_MAX {
        body.push_str(&format!(
            "<p class=\"note\">只列出前 {LIST_MAX} 个，请输入更具体的名称。</p>"
        ));
    }
    body.push_str(&format!("<h2>官员（{}）</h2>", officials.len()));
    body.push_str("<ul class=\"cards\" data-filterable>");
    for (label, iri) in officials.iter().take(LIST_MAX) {
        let posts: Vec<String> = posts_of
            .get(iri.as_str())
            .map(|p| p.iter().take(3).map(|s| escape(s)).collect())
            .unwrap_or_default();
        body.push_str(&format!(
            "<li><strong>{}</strong><br><span class=\"muted\">{}</span></li>",
            html::official_link(label),
            posts.join("；")
        ));
    }
    body.push_str("</ul>");
    if officials.len() > LIST_MAX {
        body.push_str(&format!(
            "<p class=\"note\">只列出前 {LIST_MAX} 人，请输入更具体的姓名。</p>"
        ));
    }
    html::page(if q.is_empty() { "首页" } else { q }, &body)
}
