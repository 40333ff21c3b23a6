//! The shortest chain between two officials or zones, each hop explained: the post or
//! meeting it stands for, when it was seen, and the sentence it came from.
//!
//! The walk is breadth-first over the combined graph (posts and meetings), so a chain is
//! shortest in hops; among equally short chains the one reached first in node order wins,
//! which keeps the answer the same from run to run.

use super::facts::{Facts, Source};
use super::graphs::{KgGraph, Link, NodeKind};
use super::AnalyzeError;
use petgraph::graph::NodeIndex;
use serde::Serialize;
use std::collections::VecDeque;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hop {
    pub from: String,
    pub to: String,
    /// `post` or `meeting`.
    pub kind: &'static str,
    /// The post title or meeting name.
    pub via: String,
    /// The dates it was seen on (a post) or held on (a meeting).
    pub dates: Vec<String>,
    pub source: Source,
    /// Other posts or meetings the same hop could also be explained by.
    pub also: usize,
}

/// Finds the node a user means by `query`: an official's name or label (`王某@甲高新区`),
/// a zone's name or one of its short forms. Exact matches win over partial ones.
pub fn resolve(g: &KgGraph, facts: &Facts, query: &str) -> Result<NodeIndex, AnalyzeError> {
    let query = query.trim();
    let exact: Vec<NodeIndex> = g
        .node_indices()
        .filter(|&n| {
            let d = &g[n];
            d.label == query
                || match d.kind {
                    NodeKind::Official => {
                        facts.officials.get(&d.key).is_some_and(|o| o.name == query)
                    }
                    NodeKind::Zone => facts
                        .zones
                        .get(&d.key)
                        .is_some_and(|z| z.aliases.contains(query)),
                }
        })
        .collect();
    let found = if exact.is_empty() {
        g.node_indices()
            .filter(|&n| g[n].kind == NodeKind::Zone && g[n].label.contains(query))
            .collect()
    } else {
        exact
    };
    match found[..] {
        [one] => Ok(one),
        [] => Err(AnalyzeError::NotFound(query.to_string())),
        _ => Err(AnalyzeError::Ambiguous {
            name: query.to_string(),
            candidates: found
                .iter()
                .map(|&n| g[n].label.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// The shortest chain from `a` to `b`, or `None` when they are not connected.
pub fn shortest(g: &KgGraph, a: NodeIndex, b: NodeIndex) -> Option<Vec<Hop>> {
    let mut parent: Vec<Option<NodeIndex>> = vec![None; g.node_count()];
    let mut seen = vec![false; g.node_count()];
    seen[a.index()] = true;
    let mut queue = VecDeque::from([a]);
    while let Some(v) = queue.pop_front() {
        if v == b {
            break;
        }
        // Neighbors in index order: petgraph lists them newest edge first.
        let mut next: Vec<NodeIndex> = g.neighbors(v).collect();
        next.sort_unstable();
        for w in next {
            if !seen[w.index()] {
                seen[w.index()] = true;
                parent[w.index()] = Some(v);
                queue.push_back(w);
            }
        }
    }
    if !seen[b.index()] {
        return None;
    }
    let mut nodes = vec![b];
    while let Some(p) = parent[nodes[nodes.len() - 1].index()] {
        nodes.push(p);
    }
    nodes.reverse();
    Some(nodes.windows(2).map(|w| hop(g, w[0], w[1])).collect())
}

/// Explains one edge by its earliest-seen fact.
fn hop(g: &KgGraph, from: NodeIndex, to: NodeIndex) -> Hop {
    let edge = g
        .find_edge(from, to)
        .expect("consecutive path nodes are adjacent");
    let links = &g[edge].links;
    let first = links
        .iter()
        .min_by(|x, y| {
            let (dx, dy) = (x.dates(), y.dates());
            super::facts::date_order(&dx.first().cloned(), &dy.first().cloned())
        })
        .expect("every edge stands for at least one fact");
    let source = match first {
        Link::Post { seen, .. } => seen.first().map(|s| s.source.clone()).unwrap_or_default(),
        Link::Meeting { source, .. } => source.clone(),
        Link::Official { .. } => Source::default(),
    };
    Hop {
        from: g[from].label.clone(),
        to: g[to].label.clone(),
        kind: first.kind(),
        via: first.describe(),
        dates: first.dates(),
        source,
        also: links.len() - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::graphs::{combined, tests::sample};

    #[test]
    fn two_hop_chain_through_a_zone_is_explained() {
        let facts = sample();
        let g = combined(&facts);
        let a = resolve(&g, &facts, "周乙").unwrap();
        let b = resolve(&g, &facts, "石川经开区").unwrap();
        let hops = shortest(&g, a, b).unwrap();
        assert_eq!(hops.len(), 1);
        assert_eq!(hops[0].via, "党工委书记");
        assert_eq!(hops[0].dates, vec!["2024-03-01".to_string()]);

        let a = resolve(&g, &facts, "林甲").unwrap();
        let b = resolve(&g, &facts, "石川").unwrap();
        let hops = shortest(&g, a, b).unwrap();
        // 林甲 → 吴丙 (meeting) → 石川经开区 (post), or via 青禾 → 周乙: three hops; the
        // meeting route is two.
        assert_eq!(hops.len(), 2);
        assert_eq!(hops[0].kind, "meeting");
        assert_eq!(hops[0].via, "虚构工作会议");
        assert_eq!(hops[1].kind, "post");
        assert_eq!(hops[1].from, "吴丙");
    }

    #[test]
    fn unknown_and_unreachable() {
        let mut facts = sample();
        facts.officials.insert(
            "p9".into(),
            crate::analyze::facts::Official {
                name: "孤丁".into(),
                zone: None,
            },
        );
        facts.holdings.push(crate::analyze::facts::Holding {
            person: "p9".into(),
            zone: None,
            title: "主任".into(),
            organization: None,
            leading: true,
            seen: Vec::new(),
        });
        let g = combined(&facts);
        assert!(matches!(
            resolve(&g, &facts, "无此人"),
            Err(AnalyzeError::NotFound(_))
        ));
        let a = resolve(&g, &facts, "孤丁").unwrap();
        let b = resolve(&g, &facts, "林甲").unwrap();
        assert!(shortest(&g, a, b).is_none());
    }
}
