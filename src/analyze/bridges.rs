//! Officials who link several zones or bodies: posts in two zones, posts in two bodies
//! (党工委 and 管委会 of one zone, or a zone and a company), or meetings held by two zones.
//! Each is also scored by betweenness in the leadership graph and flagged when removing
//! them would split it (an articulation point).

use super::centrality::betweenness;
use super::facts::Facts;
use super::graphs::{leadership, NodeKind};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bridge {
    pub official: String,
    /// Zones the official holds posts in.
    pub zones: Vec<String>,
    /// Bodies the official holds posts in (`甲高新区·党工委`, or a named company).
    pub bodies: Vec<String>,
    /// Zones whose meetings the official took part in.
    pub meeting_zones: Vec<String>,
    /// Betweenness in the leadership graph (normalized).
    pub betweenness: f64,
    /// Whether removing the official disconnects part of the leadership graph.
    pub articulation: bool,
}

/// Officials linking at least two zones or bodies, strongest links first.
pub fn bridges(facts: &Facts) -> Vec<Bridge> {
    #[derive(Default)]
    struct Ties {
        zones: BTreeSet<String>,
        bodies: BTreeSet<String>,
        meeting_zones: BTreeSet<String>,
    }
    let mut ties: HashMap<&str, Ties> = HashMap::new();
    for h in &facts.holdings {
        let t = ties.entry(&h.person).or_default();
        let zone = h.zone.as_deref().map(|z| facts.zone_name(z));
        if let Some(z) = &zone {
            t.zones.insert(z.clone());
        }
        if let Some(org) = &h.organization {
            t.bodies.insert(match &zone {
                Some(z) => format!("{z}·{org}"),
                None => org.clone(),
            });
        }
    }
    for m in &facts.meetings {
        let Some(z) = &m.zone else { continue };
        for (p, _) in &m.participants {
            ties.entry(p)
                .or_default()
                .meeting_zones
                .insert(facts.zone_name(z));
        }
    }

    let g = leadership(facts);
    let bc = betweenness(&g);
    let cut: std::collections::HashSet<usize> =
        rustworkx_core::connectivity::articulation_points(&g, None)
            .into_iter()
            .map(|n| n.index())
            .collect();
    let node: HashMap<&str, usize> = g
        .node_indices()
        .filter(|&n| g[n].kind == NodeKind::Official)
        .map(|n| (g[n].key.as_str(), n.index()))
        .collect();
    let labels = facts.official_labels();

    let mut out: Vec<Bridge> = ties
        .into_iter()
        .filter(|(_, t)| t.zones.len() >= 2 || t.bodies.len() >= 2 || t.meeting_zones.len() >= 2)
        .map(|(p, t)| {
            let i = node.get(p).copied();
            Bridge {
                official: labels.get(p).cloned().unwrap_or_else(|| p.to_string()),
                zones: t.zones.into_iter().collect(),
                bodies: t.bodies.into_iter().collect(),
                meeting_zones: t.meeting_zones.into_iter().collect(),
                betweenness: i.map_or(0.0, |i| bc[i]),
                articulation: i.is_some_and(|i| cut.contains(&i)),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.zones.len(), b.bodies.len(), b.meeting_zones.len())
            .cmp(&(a.zones.len(), a.bodies.len(), a.meeting_zones.len()))
            .then_with(|| b.betweenness.total_cmp(&a.betweenness))
            .then_with(|| a.official.cmp(&b.official))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::graphs::tests::sample;

    #[test]
    fn official_with_posts_in_two_zones_is_a_bridge() {
        let b = bridges(&sample());
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].official, "周乙");
        assert_eq!(b[0].zones, vec!["石川经开区", "青禾高新区"]);
        assert!(b[0].articulation);
        assert!(b[0].betweenness > 0.0);
    }

    #[test]
    fn two_bodies_of_one_zone_count() {
        let mut facts = sample();
        facts.holdings[0].organization = Some("党工委".into());
        let mut second = facts.holdings[0].clone();
        second.title = "管委会主任".into();
        second.organization = Some("管委会".into());
        facts.holdings.push(second);
        let b = bridges(&facts);
        assert!(b
            .iter()
            .any(|x| x.official == "林甲" && x.bodies.len() == 2));
    }
}
