//! `/official/{name or name@zone}`: for each person of that name (namesakes in other
//! zones stay apart), the posts held in every zone over time, the meetings taken part
//! in and the role played, the people met most, and the others of the same name who may
//! be the same person (never merged: for review).

use crate::serve::exec::App;
use crate::serve::explore::{self, role_name, ExploreError, Person};
use crate::serve::html::{self, escape, source, table};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use std::sync::Arc;

pub async fn handle(State(app): State<Arc<App>>, Path(name): Path<String>) -> Response {
    let worker = app.clone();
    let asked = name.clone();
    let built = app
        .on_worker(move || {
            let facts = worker.facts()?;
            explore::officials(worker.kg.store(), &facts, &name)
        })
        .await;
    match built {
        Ok(Ok(people)) => html::respond(StatusCode::OK, render(&asked, &people)),
        Ok(Err(ExploreError::NoOfficial(_))) => html::error_page(
            StatusCode::NOT_FOUND,
            "找不到官员",
            &format!("知识库中没有名为“{asked}”的官员。"),
        ),
        Ok(Err(e)) => html::error_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "读取失败",
            &e.to_string(),
        ),
        Err(e) => super::exec_failure(e),
    }
}

fn render(asked: &str, people: &[Person]) -> String {
    let mut body = format!("<h1>{}</h1>", escape(asked));
    if people.len() > 1 {
        let links: Vec<String> = people
            .iter()
            .map(|p| html::official_link(&p.label))
            .collect();
        body.push_str(&format!(
            "<p class=\"note\">知识库中有 {} 位名为“{}”的官员，分属不同区域，可能是同一人，\
             也可能不是；系统不合并，请核对：{}</p>",
            people.len(),
            escape(asked),
            links.join("、")
        ));
    }
    for p in people {
        if people.len() > 1 {
            body.push_str(&format!(
                "<h2 class=\"person\">{}</h2>",
                html::official_link(&p.label)
            ));
        }
        if let Some(z) = &p.zone {
            body.push_str(&format!(
                "<p class=\"muted\">所属区域：{}</p>",
                html::zone_link(z)
            ));
        }
        body.push_str(&format!("<h3>任职经历（{}）</h3>", p.posts.len()));
        let rows: Vec<Vec<String>> = p
            .posts
            .iter()
            .map(|r| {
                vec![
                    r.zone
                        .as_deref()
                        .map(html::zone_link)
                        .unwrap_or_else(|| "—".into()),
                    escape(&r.post),
                    escape(r.first_seen.as_deref().unwrap_or("—")),
                    escape(r.last_seen.as_deref().unwrap_or("—")),
                    r.reports.to_string(),
                    source(
                        r.source.sentence.as_deref(),
                        r.source.sentence_iri.as_deref(),
                        &r.source.report,
                    ),
                ]
            })
            .collect();
        if !rows.is_empty() {
            body.push_str(&table(
                &["区域", "职务", "首次见于", "最近见于", "报告数", "出处"],
                &rows,
            ));
        }
        body.push_str(&format!("<h3>参加的会议（{}）</h3>", p.meetings.len()));
        let rows: Vec<Vec<String>> = p
            .meetings
            .iter()
            .map(|m| {
                let mt = &m.meeting;
                vec![
                    escape(mt.date.as_deref().unwrap_or("—")),
                    format!(
                        "{}{}",
                        escape(mt.name.as_deref().unwrap_or("会议")),
                        source(
                            mt.source.sentence.as_deref(),
                            mt.source.sentence_iri.as_deref(),
                            &mt.source.report
                        )
                    ),
                    m.zone
                        .as_deref()
                        .map(html::zone_link)
                        .unwrap_or_else(|| "—".into()),
                    role_name(m.role).to_string(),
                ]
            })
            .collect();
        if !rows.is_empty() {
            body.push_str(&table(&["日期", "会议与出处", "区域", "角色"], &rows));
        }
        body.push_str("<h3>同场最多的人</h3>");
        if p.met_most.is_empty() {
            body.push_str("<p class=\"muted\">未见与他人同场的会议。</p>");
        } else {
            let rows: Vec<Vec<String>> = p
                .met_most
                .iter()
                .map(|(label, n)| vec![html::official_link(label), format!("{n} 次")])
                .collect();
            body.push_str(&table(&["姓名", "同场会议"], &rows));
        }
        body.push_str("<h3>可能重复（同名）</h3>");
        if p.namesakes.is_empty() {
            body.push_str("<p class=\"muted\">没有同名的其他官员。</p>");
        } else {
            let rows: Vec<Vec<String>> = p
                .namesakes
                .iter()
                .map(|(label, posts)| vec![html::official_link(label), escape(&posts.join("、"))])
                .collect();
            body.push_str(&table(&["同名官员", "职务"], &rows));
        }
        body.push_str(&format!(
            "<p class=\"muted\"><a href=\"/graph?kind=meetings&amp;official={}\">在会议关系图中查看</a></p>",
            html::url_part(&p.label)
        ));
    }
    html::page(asked, &body)
}
