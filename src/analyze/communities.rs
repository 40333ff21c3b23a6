//! Groups: connected components, and communities found by Louvain modularity
//! optimization (Blondel et al. 2008) on edge weights.
//!
//! Louvain is written here because neither petgraph nor rustworkx-core offers it. Nodes
//! are visited in index order and ties keep a node where it is (else go to the lowest
//! community id), so the same graph always gives the same communities.

use super::graphs::KgGraph;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub id: usize,
    pub size: usize,
    /// Member labels, sorted.
    pub members: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Communities {
    pub components: Vec<Group>,
    pub communities: Vec<Group>,
    /// Modularity of the communities (networkx's definition, resolution 1).
    pub modularity: f64,
}

/// Components and Louvain communities of `g`, largest first.
pub fn communities(g: &KgGraph) -> Communities {
    let comps: Vec<usize> = {
        let sets = rustworkx_core::connectivity::connected_components(g);
        let mut of = vec![0; g.node_count()];
        for (i, set) in sets.iter().enumerate() {
            for n in set {
                of[n.index()] = i;
            }
        }
        of
    };
    let partition = louvain(g);
    Communities {
        components: groups(g, &comps),
        modularity: modularity(g, &partition),
        communities: groups(g, &partition),
    }
}

/// Turns a node → group map into groups, largest first, then by first member.
fn groups(g: &KgGraph, of: &[usize]) -> Vec<Group> {
    let mut by: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for n in g.node_indices() {
        by.entry(of[n.index()])
            .or_default()
            .push(g[n].label.clone());
    }
    let mut out: Vec<Group> = by
        .into_values()
        .map(|mut members| {
            members.sort();
            Group {
                id: 0,
                size: members.len(),
                members,
            }
        })
        .collect();
    out.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.members.cmp(&b.members)));
    for (i, grp) in out.iter_mut().enumerate() {
        grp.id = i + 1;
    }
    out
}

/// A weighted undirected graph in adjacency form, as Louvain's levels need it.
struct Level {
    /// (neighbor, weight) per node, self-loops excluded.
    adj: Vec<Vec<(usize, f64)>>,
    /// Weight of each node's self-loop (the edges inside an aggregated community).
    self_loop: Vec<f64>,
}

impl Level {
    fn degree(&self, i: usize) -> f64 {
        self.adj[i].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * self.self_loop[i]
    }
}

/// The Louvain partition of `g`: community id per node index.
pub fn louvain(g: &KgGraph) -> Vec<usize> {
    let n = g.node_count();
    let mut level = Level {
        adj: vec![Vec::new(); n],
        self_loop: vec![0.0; n],
    };
    for e in g.edge_references() {
        let (s, t, w) = (e.source().index(), e.target().index(), e.weight().weight);
        if s == t {
            level.self_loop[s] += w;
        } else {
            level.adj[s].push((t, w));
            level.adj[t].push((s, w));
        }
    }
    let mut of: Vec<usize> = (0..n).collect();
    loop {
        let (moved, community) = one_level(&level);
        if !moved {
            return of;
        }
        // Renumber communities densely, in order of first appearance.
        let mut ids: BTreeMap<usize, usize> = BTreeMap::new();
        let mut dense = vec![0; community.len()];
        for (i, c) in community.iter().enumerate() {
            let next = ids.len();
            dense[i] = *ids.entry(*c).or_insert(next);
        }
        for c in of.iter_mut() {
            *c = dense[*c];
        }
        level = aggregate(&level, &dense, ids.len());
    }
}

/// Moves nodes between communities while modularity rises; returns whether any moved.
fn one_level(level: &Level) -> (bool, Vec<usize>) {
    let n = level.adj.len();
    let k: Vec<f64> = (0..n).map(|i| level.degree(i)).collect();
    let m2: f64 = k.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if m2 == 0.0 {
        return (false, community);
    }
    let mut total = k.clone();
    let mut moved_any = false;
    let mut weight_to: Vec<f64> = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    loop {
        let mut moved = false;
        for i in 0..n {
            let own = community[i];
            for &(j, w) in &level.adj[i] {
                let c = community[j];
                if weight_to[c] == 0.0 {
                    touched.push(c);
                }
                weight_to[c] += w;
            }
            total[own] -= k[i];
            // Gain of joining c, up to terms common to every c.
            let gain = |c: usize, w: f64| w - total[c] * k[i] / m2;
            let mut best = own;
            let mut best_gain = gain(own, weight_to[own]);
            for &c in &touched {
                let g = gain(c, weight_to[c]);
                if g > best_gain + 1e-12 || (g >= best_gain - 1e-12 && c < best && best != own) {
                    best = c;
                    best_gain = g;
                }
            }
            total[best] += k[i];
            if best != own {
                community[i] = best;
                moved = true;
                moved_any = true;
            }
            for c in touched.drain(..) {
                weight_to[c] = 0.0;
            }
        }
        if !moved {
            return (moved_any, community);
        }
    }
}

/// One node per community; edges between communities summed, edges inside become loops.
fn aggregate(level: &Level, of: &[usize], count: usize) -> Level {
    let mut weights: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); count];
    let mut self_loop = vec![0.0; count];
    for (i, nbrs) in level.adj.iter().enumerate() {
        self_loop[of[i]] += level.self_loop[i];
        for &(j, w) in nbrs {
            if of[i] == of[j] {
                // Each inside edge is listed from both ends.
                self_loop[of[i]] += w / 2.0;
            } else {
                *weights[of[i]].entry(of[j]).or_default() += w;
            }
        }
    }
    Level {
        adj: weights
            .into_iter()
            .map(|m| m.into_iter().collect())
            .collect(),
        self_loop,
    }
}

/// Newman modularity of a partition: Σ_c (L_c / m − (d_c / 2m)²).
pub fn modularity(g: &KgGraph, of: &[usize]) -> f64 {
    let m: f64 = g.edge_weights().map(|e| e.weight).sum();
    if m == 0.0 {
        return 0.0;
    }
    let mut inside: BTreeMap<usize, f64> = BTreeMap::new();
    let mut degree: BTreeMap<usize, f64> = BTreeMap::new();
    for e in g.edge_references() {
        let (s, t, w) = (e.source().index(), e.target().index(), e.weight().weight);
        *degree.entry(of[s]).or_default() += w;
        *degree.entry(of[t]).or_default() += w;
        if of[s] == of[t] {
            *inside.entry(of[s]).or_default() += w;
        }
    }
    degree
        .iter()
        .map(|(c, d)| inside.get(c).copied().unwrap_or(0.0) / m - (d / (2.0 * m)).powi(2))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::graphs::{EdgeData, NodeData, NodeKind};

    /// Two triangles joined by one edge, plus a lone node.
    fn two_triangles() -> KgGraph {
        let mut g = KgGraph::default();
        let n: Vec<_> = (0..7)
            .map(|i| {
                g.add_node(NodeData {
                    key: format!("k{i}"),
                    label: format!("v{i}"),
                    kind: NodeKind::Official,
                    zone: None,
                    posts: Vec::new(),
                })
            })
            .collect();
        for (a, b) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] {
            g.add_edge(
                n[a],
                n[b],
                EdgeData {
                    weight: 1.0,
                    links: Vec::new(),
                },
            );
        }
        g
    }

    #[test]
    fn triangles_are_two_communities() {
        let g = two_triangles();
        let c = communities(&g);
        assert_eq!(c.components.len(), 2);
        assert_eq!(c.components[0].size, 6);
        assert_eq!(c.communities.len(), 3);
        assert_eq!(c.communities[0].members, vec!["v0", "v1", "v2"]);
        assert_eq!(c.communities[1].members, vec!["v3", "v4", "v5"]);
        // Two triangles plus a bridge: m = 7, each side L = 3, d = 7.
        let expected = 2.0 * (3.0 / 7.0 - (7.0_f64 / 14.0).powi(2));
        assert!((c.modularity - expected).abs() < 1e-12);
    }

    #[test]
    fn modularity_of_one_community_is_zero() {
        let g = two_triangles();
        assert!(modularity(&g, &[0; 7]).abs() < 1e-12);
    }
}
