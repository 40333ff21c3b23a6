//! `/graph`: the leadership graph (officials and the zones they hold posts in) or the
//! meeting graph (officials who took part in the same meetings), drawn as an SVG laid
//! out on the server (a force-directed layout: no script needed). `zone=` or
//! `official=` centres it on one node and its neighbours two steps out; a graph larger
//! than [`MAX_NODES`] keeps its best-connected nodes and says so. Each node links to its
//! page.

use crate::analyze::{GraphKind, KgGraph, NodeKind};
use crate::serve::exec::App;
use crate::serve::html::{self, escape};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::Arc;

/// At most this many nodes are drawn.
pub const MAX_NODES: usize = 120;

#[derive(Debug, Default, serde::Deserialize)]
pub struct Params {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    zone: Option<String>,
    #[serde(default)]
    official: Option<String>,
}

pub async fn handle(State(app): State<Arc<App>>, Query(params): Query<Params>) -> Response {
    let worker = app.clone();
    let built = app
        .on_worker(move || -> Result<String, String> {
            let facts = worker.facts().map_err(|e| e.to_string())?;
            Ok(render(&facts, &params))
        })
        .await;
    match built {
        Ok(Ok(page)) => html::respond(StatusCode::OK, page),
        Ok(Err(e)) => html::error_page(StatusCode::INTERNAL_SERVER_ERROR, "读取失败", &e),
        Err(e) => super::exec_failure(e),
    }
}

/// The nodes to draw: the focus and its neighbourhood (or everything), cut to
/// [`MAX_NODES`] by weighted degree; and whether anything was cut.
fn pick(g: &KgGraph, focus: Option<NodeIndex>) -> (Vec<NodeIndex>, bool) {
    let candidates: Vec<NodeIndex> = match focus {
        None => g.node_indices().collect(),
        Some(start) => {
            let mut seen = BTreeSet::from([start]);
            let mut queue = VecDeque::from([(start, 0)]);
            while let Some((n, depth)) = queue.pop_front() {
                if depth == 2 {
                    continue;
                }
                for m in g.neighbors(n) {
                    if seen.insert(m) {
                        queue.push_back((m, depth + 1));
                    }
                }
            }
            seen.into_iter().collect()
        }
    };
    let weight = |n: NodeIndex| -> f64 { g.edges(n).map(|e| e.weight().weight).sum() };
    let mut ranked = candidates.clone();
    ranked.sort_by(|a, b| {
        let focus_first = (Some(*b) == focus).cmp(&(Some(*a) == focus));
        focus_first.then_with(|| weight(*b).total_cmp(&weight(*a)))
    });
    let cut = ranked.len() > MAX_NODES;
    ranked.truncate(MAX_NODES);
    (ranked, cut)
}

/// Fruchterman–Reingold from a deterministic start (a spiral), with a pull towards the
/// centre that keeps separate components near each other; the result is scaled into the
/// unit square. One graph is always drawn the same.
pub fn layout(n: usize, edges: &[(usize, usize, f64)]) -> Vec<(f64, f64)> {
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let t = i as f64 * 2.399_963; // the golden angle
            let r = 0.45 * ((i as f64 + 0.5) / n.max(1) as f64).sqrt();
            (0.5 + r * t.cos(), 0.5 + r * t.sin())
        })
        .collect();
    if n < 2 {
        return pos;
    }
    let k = 0.9 * (1.0 / n as f64).sqrt();
    let iterations = 400;
    for step in 0..iterations {
        let temperature = 0.05 * (1.0 - step as f64 / iterations as f64) + 0.001;
        let mut shift = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(1e-4);
                let f = k * k / d;
                shift[i].0 += dx / d * f;
                shift[i].1 += dy / d * f;
                shift[j].0 -= dx / d * f;
                shift[j].1 -= dy / d * f;
            }
        }
        for &(a, b, w) in edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-4);
            let f = d * d / k * (1.0 + w.ln_1p() * 0.3);
            shift[a].0 -= dx / d * f;
            shift[a].1 -= dy / d * f;
            shift[b].0 += dx / d * f;
            shift[b].1 += dy / d * f;
        }
        for (p, s) in pos.iter_mut().zip(shift.iter_mut()) {
            s.0 -= (p.0 - 0.5) * 1.5 * k;
            s.1 -= (p.1 - 0.5) * 1.5 * k;
            let len = (s.0 * s.0 + s.1 * s.1).sqrt().max(1e-9);
            let moved = len.min(temperature);
            p.0 += s.0 / len * moved;
            p.1 += s.1 / len * moved;
        }
    }
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in &pos {
        (x0, x1, y0, y1) = (x0.min(p.0), x1.max(p.0), y0.min(p.1), y1.max(p.1));
    }
    let (w, h) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
    // room on the right for the last labels
    pos.iter()
        .map(|p| (0.03 + 0.8 * (p.0 - x0) / w, 0.04 + 0.92 * (p.1 - y0) / h))
        .collect()
}

fn render(facts: &crate::analyze::Facts, params: &Params) -> String {
    let kind = match params.kind.as_deref() {
        Some("meetings") => GraphKind::Meetings,
        _ => GraphKind::Leadership,
    };
    let g = kind.build(facts);
    let zone = params.zone.as_deref().filter(|z| !z.trim().is_empty());
    let official = params.official.as_deref().filter(|o| !o.trim().is_empty());
    let focus = g.node_indices().find(|&n| {
        let node = &g[n];
        match node.kind {
            NodeKind::Zone => zone.is_some_and(|z| {
                node.label == z
                    || facts
                        .zones
                        .get(&node.key)
                        .is_some_and(|zz| zz.aliases.contains(z))
            }),
            NodeKind::Official => official.is_some_and(|o| node.label == o),
        }
    });
    let (nodes, cut) = pick(&g, focus);
    let index: HashMap<NodeIndex, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let edges: Vec<(usize, usize, f64)> = g
        .edge_references()
        .filter_map(|e| {
            Some((
                *index.get(&e.source())?,
                *index.get(&e.target())?,
                e.weight().weight,
            ))
        })
        .collect();
    let pos = layout(nodes.len(), &edges);
    let (w, h) = (960.0, 720.0);
    let mut svg = format!(
        "<svg class=\"graph\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\" \
         role=\"img\" aria-label=\"关系图\">"
    );
    for &(a, b, weight) in &edges {
        svg.push_str(&format!(
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke-width=\"{:.1}\"/>",
            pos[a].0 * w,
            pos[a].1 * h,
            pos[b].0 * w,
            pos[b].1 * h,
            1.0 + weight.min(6.0) * 0.5
        ));
    }
    for (i, &n) in nodes.iter().enumerate() {
        let node = &g[n];
        let (x, y) = (pos[i].0 * w, pos[i].1 * h);
        let href = match node.kind {
            NodeKind::Zone => format!("/zone/{}", html::url_part(&node.label)),
            NodeKind::Official => format!("/official/{}", html::url_part(&node.label)),
        };
        let shape = match node.kind {
            NodeKind::Zone => format!(
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\"/>",
                x - 6.0,
                y - 6.0
            ),
            NodeKind::Official => format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\"/>"),
        };
        let tip = if node.posts.is_empty() {
            escape(&node.label)
        } else {
            escape(&format!("{}：{}", node.label, node.posts.join("、")))
        };
        svg.push_str(&format!(
            "<a href=\"{href}\"><title>{tip}</title>{shape}<text x=\"{:.1}\" y=\"{:.1}\">{}</text></a>",
            x + 8.0,
            y + 4.0,
            escape(&node.label)
        ));
    }
    svg.push_str("</svg>");

    let title = match kind {
        GraphKind::Meetings => "会议关系图",
        _ => "领导关系图",
    };
    let mut body = format!("<h1>{title}</h1>");
    body.push_str(&format!(
        "<form class=\"search\" action=\"/graph\" method=\"get\">\
         <select name=\"kind\" aria-label=\"图\"><option value=\"leadership\"{}>领导关系（官员—区域）</option>\
         <option value=\"meetings\"{}>会议关系（同场官员）</option></select>\
         <input type=\"search\" name=\"zone\" value=\"{}\" placeholder=\"聚焦区域\" aria-label=\"区域\">\
         <input type=\"search\" name=\"official\" value=\"{}\" placeholder=\"聚焦官员\" aria-label=\"官员\">\
         <button type=\"submit\">显示</button></form>",
        if kind == GraphKind::Leadership { " selected" } else { "" },
        if kind == GraphKind::Meetings { " selected" } else { "" },
        escape(zone.unwrap_or("")),
        escape(official.unwrap_or(""))
    ));
    body.push_str(&format!(
        "<p class=\"legend muted\"><span>■ 区域</span><span>● 官员</span>\
         <span>共 {} 个节点、{} 条边</span></p>",
        g.node_count(),
        g.edge_count()
    ));
    if (zone.is_some() || official.is_some()) && focus.is_none() {
        body.push_str("<p class=\"note\">图中没有这个区域或官员，下面显示整张图。</p>");
    }
    if cut {
        body.push_str(&format!(
            "<p class=\"note\">节点过多，只画出连接最多的 {MAX_NODES} 个；可按区域或官员聚焦。</p>"
        ));
    }
    body.push_str(&svg);
    html::page(title, &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_deterministic_and_inside_the_frame() {
        let edges = [(0, 1, 1.0), (1, 2, 2.0), (2, 0, 1.0), (3, 0, 1.0)];
        let a = layout(4, &edges);
        assert_eq!(a, layout(4, &edges));
        assert!(a
            .iter()
            .all(|(x, y)| (0.0..=1.0).contains(x) && (0.0..=1.0).contains(y)));
        // linked nodes end nearer than the farthest pair
        let d = |i: usize, j: usize| ((a[i].0 - a[j].0).powi(2) + (a[i].1 - a[j].1).powi(2)).sqrt();
        assert!(d(0, 1) < 0.9);
    }
}
