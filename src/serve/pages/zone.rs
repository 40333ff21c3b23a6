//! `/zone/{name or alias}`: a zone's leaders by post (first and last date a report saw
//! each holder), its other posts, its meetings, its goals beside the results reported
//! later (达成 / 未达成 / 未知, with the comparison made) and its tasks; each fact with
//! the sentence it came from, linked to its evidence page.

use crate::analyze::facts::Indicator;
use crate::analyze::timeline::Verdict;
use crate::analyze::AnalyzeError;
use crate::serve::exec::App;
use crate::serve::explore::{self, post_name, role_name, ExploreError, ZoneProfile};
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
            explore::zone(worker.kg.store(), &facts, &name, worker.config.timeout)
        })
        .await;
    match built {
        Ok(Ok(profile)) => html::respond(StatusCode::OK, render(&profile)),
        Ok(Err(ExploreError::Analyze(AnalyzeError::NoZone(_)))) => html::error_page(
            StatusCode::NOT_FOUND,
            "找不到区域",
            &format!("知识库中没有名为“{asked}”的区域。"),
        ),
        Ok(Err(ExploreError::Analyze(AnalyzeError::Ambiguous { candidates, .. }))) => {
            let links: Vec<String> = candidates.split(", ").map(html::zone_link).collect();
            let body = format!(
                "<h1>“{}”可指多个区域</h1><p>请选择：</p><ul><li>{}</li></ul>",
                escape(&asked),
                links.join("</li><li>")
            );
            html::respond(StatusCode::OK, html::page(&asked, &body))
        }
        Ok(Err(e)) => html::error_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "读取失败",
            &e.to_string(),
        ),
        Err(e) => super::exec_failure(e),
    }
}

/// A verdict as a coloured label.
pub fn verdict_label(v: Verdict) -> String {
    let (class, text) = match v {
        Verdict::Met => ("met", "达成"),
        Verdict::Missed => ("missed", "未达成"),
        Verdict::Unknown => ("unknown", "未知"),
    };
    format!("<span class=\"verdict {class}\">{text}</span>")
}

/// The reason `analyze timeline` gives for a verdict, in Chinese.
pub fn reason_zh(reason: &str) -> String {
    if reason.starts_with("no result reported") {
        return "未见该指标当年的结果".into();
    }
    if let Some(rest) = reason.strip_prefix("only a partial-year result ") {
        return format!(
            "仅有部分年度的结果{}",
            rest.replace('(', "（").replace(')', "）")
        );
    }
    if let Some(rest) = reason.strip_prefix("units differ ") {
        return format!(
            "单位不同{}",
            rest.replace(" vs ", " 与 ")
                .replace('(', "（")
                .replace(')', "）")
        );
    }
    match reason {
        "the result gives no growth rate" => "结果未给出增速".into(),
        "the result gives no rate" => "结果未给出比率".into(),
        "the result gives no rate of fall" => "结果未给出降幅".into(),
        r => format!("比较：{}", r.replace("fall ", "降幅 ")),
    }
}

fn indicator_cell(i: &Indicator) -> String {
    format!(
        "{}{}",
        escape(&i.text),
        source(
            i.source.sentence.as_deref(),
            i.source.sentence_iri.as_deref(),
            &i.source.report
        )
    )
}

fn render(z: &ZoneProfile) -> String {
    let mut body = format!("<h1>{}</h1>", escape(&z.name));
    if !z.aliases.is_empty() {
        body.push_str(&format!(
            "<p class=\"aliases\">又称 {}</p>",
            escape(&z.aliases.join("、"))
        ));
    }
    body.push_str(&format!(
        "<p class=\"muted\"><a href=\"/graph?zone={}\">在关系图中查看</a> · \
         <a href=\"/sparql?canned=zone&amp;zone={}\">SPARQL 概况</a></p>",
        html::url_part(&z.name),
        html::url_part(&z.name)
    ));

    body.push_str("<h2>历任领导</h2>");
    if z.posts.is_empty() {
        body.push_str("<p class=\"muted\">报告中未见该区域的主要领导职务。</p>");
    }
    for p in &z.posts {
        body.push_str(&format!("<h3>{}</h3>", escape(&p.post)));
        let rows: Vec<Vec<String>> = p
            .holders
            .iter()
            .map(|h| {
                vec![
                    h.order.to_string(),
                    html::official_link(&h.official),
                    escape(h.first_seen.as_deref().unwrap_or("—")),
                    escape(h.last_seen.as_deref().unwrap_or("—")),
                    source(
                        h.source.sentence.as_deref(),
                        h.source.sentence_iri.as_deref(),
                        &h.source.report,
                    ),
                ]
            })
            .collect();
        body.push_str(&table(
            &["序", "姓名", "首次见于", "最近见于", "出处"],
            &rows,
        ));
    }
    if !z.other_posts.is_empty() {
        body.push_str("<h2>其他职务</h2>");
        let rows: Vec<Vec<String>> = z
            .other_posts
            .iter()
            .map(|(label, h)| {
                let dates: Vec<&str> = h.seen.iter().filter_map(|s| s.date.as_deref()).collect();
                vec![
                    escape(&post_name(h)),
                    html::official_link(label),
                    escape(&match (dates.first(), dates.last()) {
                        (Some(a), Some(b)) if a != b => format!("{a} 至 {b}"),
                        (Some(a), _) => a.to_string(),
                        _ => "—".into(),
                    }),
                ]
            })
            .collect();
        body.push_str(&table(&["职务", "姓名", "见于"], &rows));
    }

    body.push_str(&format!("<h2>会议（{}）</h2>", z.meetings.len()));
    let rows: Vec<Vec<String>> = z
        .meetings
        .iter()
        .map(|m| {
            vec![
                escape(m.date.as_deref().unwrap_or("—")),
                format!(
                    "{}{}",
                    escape(m.name.as_deref().unwrap_or("会议")),
                    source(
                        m.source.sentence.as_deref(),
                        m.source.sentence_iri.as_deref(),
                        &m.source.report
                    )
                ),
                m.participants
                    .iter()
                    .map(|(p, r)| {
                        let label = z.labels.get(p).map_or(p.as_str(), String::as_str);
                        format!("{}（{}）", html::official_link(label), role_name(*r))
                    })
                    .collect::<Vec<_>>()
                    .join("、"),
            ]
        })
        .collect();
    if !rows.is_empty() {
        body.push_str(&table(&["日期", "会议与出处", "参会（角色）"], &rows));
    }

    body.push_str(&format!("<h2>目标与完成情况（{}）</h2>", z.goals.len()));
    let rows: Vec<Vec<String>> = z
        .goals
        .iter()
        .map(|g| {
            vec![
                escape(&g.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into())),
                escape(&g.indicator),
                indicator_cell(&g.goal),
                g.achievement
                    .as_ref()
                    .map(indicator_cell)
                    .unwrap_or_else(|| "<span class=\"muted\">未见</span>".into()),
                format!(
                    "{}<br><span class=\"muted\">{}</span>",
                    verdict_label(g.verdict),
                    escape(&reason_zh(&g.reason))
                ),
            ]
        })
        .collect();
    if !rows.is_empty() {
        body.push_str(&table(
            &["年份", "指标", "目标", "后来报告的结果", "判定"],
            &rows,
        ));
    }
    if !z.other_results.is_empty() {
        body.push_str(&format!(
            "<h2>其他已报告结果（{}）</h2>",
            z.other_results.len()
        ));
        let rows: Vec<Vec<String>> = z
            .other_results
            .iter()
            .map(|a| {
                vec![
                    escape(&a.year.map(|y| y.to_string()).unwrap_or_else(|| "—".into())),
                    escape(&a.indicator),
                    indicator_cell(a),
                ]
            })
            .collect();
        body.push_str(&table(&["年份", "指标", "结果与出处"], &rows));
    }

    body.push_str(&format!("<h2>工作任务（{}）</h2>", z.tasks.len()));
    let rows: Vec<Vec<String>> = z
        .tasks
        .iter()
        .map(|t| {
            vec![
                escape(t.year.as_deref().unwrap_or("—")),
                t.by.as_deref().map(html::official_link).unwrap_or_default(),
                format!(
                    "{}{}",
                    escape(&t.text),
                    source(
                        t.source.sentence.as_deref(),
                        t.source.sentence_iri.as_deref(),
                        &t.source.report
                    )
                ),
            ]
        })
        .collect();
    if !rows.is_empty() {
        body.push_str(&table(&["年份", "部署人", "任务与出处"], &rows));
    }
    html::page(&z.name, &body)
}
