//! Who is central: degree, weighted degree, PageRank and betweenness of every node.
//!
//! PageRank is written here because petgraph's ignores edge weights and runs a fixed
//! number of rounds; it follows networkx's definition (an undirected edge is two directed
//! ones, dangling nodes spread their rank evenly) so the two agree on the same graph.
//! Betweenness is rustworkx-core's Brandes, unweighted and normalized like networkx's
//! default.

use super::graphs::KgGraph;
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use serde::Serialize;

/// networkx's damping factor.
pub const DAMPING: f64 = 0.85;

/// Graphs with at least this many nodes compute betweenness on all cores.
const PARALLEL_THRESHOLD: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub node: String,
    /// The node's IRI (the `iri` attribute of exported graphs).
    pub iri: String,
    pub kind: &'static str,
    pub degree: usize,
    pub weighted_degree: f64,
    pub pagerank: f64,
    pub betweenness: f64,
}

/// Every node's scores, highest PageRank first (ties by label).
pub fn centrality(g: &KgGraph) -> Vec<Score> {
    let pr = pagerank(g, DAMPING, 1e-12, 1000);
    let bc = betweenness(g);
    let mut out: Vec<Score> = g
        .node_indices()
        .map(|n| Score {
            node: g[n].label.clone(),
            iri: g[n].key.clone(),
            kind: g[n].kind.as_str(),
            degree: g.edges(n).count(),
            // `+ 0.0`: an empty f64 sum is -0.0.
            weighted_degree: g.edges(n).map(|e| e.weight().weight).sum::<f64>() + 0.0,
            pagerank: pr[n.index()],
            betweenness: bc[n.index()],
        })
        .collect();
    out.sort_by(|a, b| {
        b.pagerank
            .total_cmp(&a.pagerank)
            .then_with(|| a.node.cmp(&b.node))
    });
    out
}

/// Weighted PageRank by power iteration, stopping when the L1 change is below
/// `n * tol` (networkx's rule) or after `max_iter` rounds. Indexed by node index.
pub fn pagerank(g: &KgGraph, damping: f64, tol: f64, max_iter: usize) -> Vec<f64> {
    let n = g.node_count();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let out_weight: Vec<f64> = g
        .node_indices()
        .map(|v| g.edges(v).map(|e| e.weight().weight).sum())
        .collect();
    let mut x = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..max_iter {
        let dangling: f64 = (0..n).filter(|&i| out_weight[i] == 0.0).map(|i| x[i]).sum();
        let base = (damping * dangling + 1.0 - damping) / nf;
        next.iter_mut().for_each(|v| *v = base);
        for e in g.edge_references() {
            let (s, t, w) = (e.source().index(), e.target().index(), e.weight().weight);
            // An undirected edge carries rank both ways.
            next[t] += damping * x[s] * w / out_weight[s];
            if s != t {
                next[s] += damping * x[t] * w / out_weight[t];
            }
        }
        let err: f64 = x.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if err < nf * tol {
            break;
        }
    }
    x
}

/// Normalized shortest-path betweenness (endpoints excluded), by node index.
///
/// Computed one connected component at a time: rustworkx allocates per-source arrays the
/// size of the whole graph, and a corpus graph is thousands of small components, so this
/// turns O(V²) work into Σ (component size)². Each component's pair counts are then
/// normalized by the whole graph's size, as networkx does.
pub fn betweenness(g: &KgGraph) -> Vec<f64> {
    let n = g.node_count();
    let mut out = vec![0.0; n];
    if n <= 2 {
        return out;
    }
    // Pairs are counted once each; networkx's normalized value is 2·count/((n-1)(n-2)).
    let scale = 2.0 / ((n - 1) as f64 * (n - 2) as f64);
    // Each node's component and its index inside it; then each component's edges.
    let components = rustworkx_core::connectivity::connected_components(g);
    let mut place = vec![(0usize, 0u32); n];
    let mut members: Vec<Vec<NodeIndex>> = Vec::with_capacity(components.len());
    for (c, set) in components.into_iter().enumerate() {
        let mut m: Vec<NodeIndex> = set.into_iter().collect();
        m.sort_unstable();
        for (i, v) in m.iter().enumerate() {
            place[v.index()] = (c, i as u32);
        }
        members.push(m);
    }
    let mut edges: Vec<Vec<(u32, u32)>> = vec![Vec::new(); members.len()];
    for e in g.edge_references() {
        let ((c, a), (_, b)) = (place[e.source().index()], place[e.target().index()]);
        if a != b {
            edges[c].push((a, b));
        }
    }
    for (m, e) in members.iter().zip(edges) {
        if m.len() < 3 {
            continue;
        }
        let mut sub = UnGraph::<(), ()>::with_capacity(m.len(), e.len());
        for _ in 0..m.len() {
            sub.add_node(());
        }
        sub.extend_with_edges(e);
        let counts = rustworkx_core::centrality::betweenness_centrality(
            &sub,
            false,
            false,
            PARALLEL_THRESHOLD,
        );
        for (i, c) in counts.into_iter().enumerate() {
            out[m[i].index()] = c.unwrap_or(0.0) * scale;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::graphs::{EdgeData, NodeData, NodeKind};

    fn path_graph(n: usize) -> KgGraph {
        let mut g = KgGraph::default();
        let nodes: Vec<_> = (0..n)
            .map(|i| {
                g.add_node(NodeData {
                    key: format!("n{i}"),
                    label: format!("n{i}"),
                    kind: NodeKind::Official,
                    zone: None,
                    posts: Vec::new(),
                })
            })
            .collect();
        for w in nodes.windows(2) {
            g.add_edge(
                w[0],
                w[1],
                EdgeData {
                    weight: 1.0,
                    links: Vec::new(),
                },
            );
        }
        g
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_the_middle() {
        let g = path_graph(3);
        let pr = pagerank(&g, DAMPING, 1e-12, 1000);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(pr[1] > pr[0]);
        assert!((pr[0] - pr[2]).abs() < 1e-12);
        // For a 3-path a–m–a: a = (1-d)/3 + d·m/2 and m = 1 - 2a, so
        // a = ((1-d)/3 + d/2) / (1+d).
        let d = DAMPING;
        let a = ((1.0 - d) / 3.0 + d / 2.0) / (1.0 + d);
        assert!((pr[0] - a).abs() < 1e-9, "{} vs {a}", pr[0]);
    }

    #[test]
    fn isolated_nodes_share_dangling_rank() {
        let mut g = path_graph(2);
        g.add_node(NodeData {
            key: "lone".into(),
            label: "lone".into(),
            kind: NodeKind::Zone,
            zone: None,
            posts: Vec::new(),
        });
        let pr = pagerank(&g, DAMPING, 1e-12, 1000);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(pr[2] < pr[0]);
    }

    #[test]
    fn betweenness_by_component_equals_the_whole_graph() {
        // Two paths of different lengths and a lone node: three components.
        let mut g = path_graph(4);
        let more = path_graph(5);
        let base = g.node_count();
        for n in more.node_indices() {
            g.add_node(more[n].clone());
        }
        for e in more.edge_references() {
            let (s, t) = (e.source().index() + base, e.target().index() + base);
            g.add_edge(NodeIndex::new(s), NodeIndex::new(t), e.weight().clone());
        }
        g.add_node(more[NodeIndex::new(0)].clone());
        let whole: Vec<f64> =
            rustworkx_core::centrality::betweenness_centrality(&g, false, true, 1000)
                .into_iter()
                .map(|v| v.unwrap())
                .collect();
        let ours = betweenness(&g);
        assert_eq!(ours.len(), whole.len());
        for (a, b) in ours.iter().zip(&whole) {
            assert!((a - b).abs() < 1e-12, "{ours:?} vs {whole:?}");
        }
        assert!(ours[base + 2] > ours[1]);
    }

    #[test]
    fn betweenness_of_a_path_is_normalized() {
        let g = path_graph(3);
        let b = betweenness(&g);
        assert_eq!(b, vec![0.0, 1.0, 0.0]);
        let scores = centrality(&g);
        assert_eq!(scores[0].node, "n1");
        assert_eq!(scores[0].degree, 2);
    }
}
