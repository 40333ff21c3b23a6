//! The three graphs analysis runs on, built from [`Facts`] as undirected petgraph graphs:
//!
//! - **leadership**: officials and zones, an edge where an official holds posts in a zone
//!   (weight: the number of posts);
//! - **meetings**: officials, an edge where two take part in the same meeting (weight:
//!   the number of meetings);
//! - **zones**: zones, an edge where an official holds posts in both (weight: the number
//!   of such officials).
//!
//! Every edge keeps the [`Link`]s it stands for, so a path can say which post or meeting
//! each hop is, when it was seen and the sentence it came from.

use super::facts::{Facts, Sighting, Source};
use petgraph::graph::{NodeIndex, UnGraph};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Official,
    Zone,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Official => "official",
            NodeKind::Zone => "zone",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeData {
    /// The canonical IRI.
    pub key: String,
    /// What tables print: the name, disambiguated for namesakes (`王某@甲高新区`).
    pub label: String,
    pub kind: NodeKind,
    /// For an official: the zone their identity is scoped to.
    pub zone: Option<String>,
    /// For an official: the posts they hold (`党工委书记@甲高新区`).
    pub posts: Vec<String>,
}

/// One fact an edge stands for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Link {
    /// The official holds this post in the zone.
    Post {
        title: String,
        organization: Option<String>,
        seen: Vec<Sighting>,
    },
    /// Both officials took part in this meeting.
    Meeting {
        name: Option<String>,
        date: Option<String>,
        source: Source,
    },
    /// This official holds posts in both zones.
    Official {
        official: String,
        posts: Vec<String>,
    },
}

impl Link {
    pub fn kind(&self) -> &'static str {
        match self {
            Link::Post { .. } => "post",
            Link::Meeting { .. } => "meeting",
            Link::Official { .. } => "official",
        }
    }

    /// A short description: the post, the meeting, or the linking official.
    pub fn describe(&self) -> String {
        match self {
            Link::Post {
                title,
                organization,
                ..
            } => match organization {
                Some(o) if !title.starts_with(o.as_str()) => format!("{o}{title}"),
                _ => title.clone(),
            },
            Link::Meeting { name, .. } => name.clone().unwrap_or_else(|| "会议".into()),
            Link::Official { official, posts } => format!("{official}（{}）", posts.join("、")),
        }
    }

    /// The dates the fact was seen on, ascending.
    pub fn dates(&self) -> Vec<String> {
        match self {
            Link::Post { seen, .. } => {
                let set: BTreeSet<String> = seen.iter().filter_map(|s| s.date.clone()).collect();
                set.into_iter().collect()
            }
            Link::Meeting { date, .. } => date.iter().cloned().collect(),
            Link::Official { .. } => Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeData {
    pub weight: f64,
    pub links: Vec<Link>,
}

pub type KgGraph = UnGraph<NodeData, EdgeData>;

/// Which graph a command runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GraphKind {
    Leadership,
    Meetings,
    Zones,
}

impl GraphKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GraphKind::Leadership => "leadership",
            GraphKind::Meetings => "meetings",
            GraphKind::Zones => "zones",
        }
    }

    pub fn build(self, facts: &Facts) -> KgGraph {
        match self {
            GraphKind::Leadership => leadership(facts),
            GraphKind::Meetings => meetings(facts),
            GraphKind::Zones => zones(facts),
        }
    }
}

/// Adds nodes once per key and accumulates links on edges.
struct Builder<'a> {
    facts: &'a Facts,
    labels: HashMap<String, String>,
    /// Each official's posts, as node attributes.
    posts: HashMap<&'a str, Vec<String>>,
    graph: KgGraph,
    index: HashMap<String, NodeIndex>,
}

impl<'a> Builder<'a> {
    fn new(facts: &'a Facts) -> Self {
        let mut posts: HashMap<&str, Vec<String>> = HashMap::new();
        for h in &facts.holdings {
            let post = match &h.zone {
                Some(z) => format!("{}@{}", h.title, facts.zone_name(z)),
                None => h.title.clone(),
            };
            posts.entry(&h.person).or_default().push(post);
        }
        Builder {
            facts,
            labels: facts.official_labels(),
            posts,
            graph: KgGraph::default(),
            index: HashMap::new(),
        }
    }

    fn official(&mut self, iri: &str) -> NodeIndex {
        if let Some(&i) = self.index.get(iri) {
            return i;
        }
        let facts = self.facts;
        let zone = facts
            .officials
            .get(iri)
            .and_then(|o| o.zone.as_deref())
            .map(|z| facts.zone_name(z));
        let posts = self.posts.get(iri).cloned().unwrap_or_default();
        let label = self.labels.get(iri).cloned().unwrap_or_else(|| iri.into());
        self.add(iri, label, NodeKind::Official, zone, posts)
    }

    fn zone(&mut self, iri: &str) -> NodeIndex {
        if let Some(&i) = self.index.get(iri) {
            return i;
        }
        let label = self.facts.zone_name(iri);
        self.add(iri, label, NodeKind::Zone, None, Vec::new())
    }

    fn add(
        &mut self,
        key: &str,
        label: String,
        kind: NodeKind,
        zone: Option<String>,
        posts: Vec<String>,
    ) -> NodeIndex {
        let i = self.graph.add_node(NodeData {
            key: key.to_string(),
            label,
            kind,
            zone,
            posts,
        });
        self.index.insert(key.to_string(), i);
        i
    }

    fn link(&mut self, a: NodeIndex, b: NodeIndex, link: Link) {
        match self.graph.find_edge(a, b) {
            Some(e) => {
                let data = &mut self.graph[e];
                data.weight += 1.0;
                data.links.push(link);
            }
            None => {
                self.graph.add_edge(
                    a,
                    b,
                    EdgeData {
                        weight: 1.0,
                        links: vec![link],
                    },
                );
            }
        }
    }
}

/// Officials and zones, linked by the posts officials hold in zones. Officials whose
/// posts name no zone are kept as lone nodes: they still lead something.
pub fn leadership(facts: &Facts) -> KgGraph {
    let mut b = Builder::new(facts);
    add_posts(&mut b, facts);
    b.graph
}

fn add_posts(b: &mut Builder<'_>, facts: &Facts) {
    for h in &facts.holdings {
        let person = b.official(&h.person);
        if let Some(z) = &h.zone {
            let zone = b.zone(z);
            let link = Link::Post {
                title: h.title.clone(),
                organization: h.organization.clone(),
                seen: h.seen.clone(),
            };
            b.link(person, zone, link);
        }
    }
}

/// Officials linked by the meetings they took part in together.
pub fn meetings(facts: &Facts) -> KgGraph {
    let mut b = Builder::new(facts);
    add_meetings(&mut b, facts);
    b.graph
}

fn add_meetings(b: &mut Builder<'_>, facts: &Facts) {
    for m in &facts.meetings {
        let people: Vec<NodeIndex> = m.participants.iter().map(|(p, _)| b.official(p)).collect();
        for (i, &x) in people.iter().enumerate() {
            for &y in &people[i + 1..] {
                let link = Link::Meeting {
                    name: m.name.clone(),
                    date: m.date.clone(),
                    source: m.source.clone(),
                };
                b.link(x, y, link);
            }
        }
    }
}

/// Zones linked by the officials who hold posts in both.
pub fn zones(facts: &Facts) -> KgGraph {
    let mut b = Builder::new(facts);
    let mut by_person: BTreeMap<&str, BTreeMap<&str, Vec<String>>> = BTreeMap::new();
    for h in &facts.holdings {
        if let Some(z) = &h.zone {
            b.zone(z);
            by_person
                .entry(&h.person)
                .or_default()
                .entry(z)
                .or_default()
                .push(h.title.clone());
        }
    }
    for (person, zones) in by_person {
        let zones: Vec<(&str, Vec<String>)> = zones.into_iter().collect();
        for (i, (za, pa)) in zones.iter().enumerate() {
            for (zb, pb) in &zones[i + 1..] {
                let (x, y) = (b.zone(za), b.zone(zb));
                let posts = pa.iter().chain(pb).cloned().collect();
                let official = b.labels.get(person).cloned().unwrap_or_default();
                b.link(x, y, Link::Official { official, posts });
            }
        }
    }
    b.graph
}

/// Leadership and meetings together: what `path` walks.
pub fn combined(facts: &Facts) -> KgGraph {
    let mut b = Builder::new(facts);
    add_posts(&mut b, facts);
    add_meetings(&mut b, facts);
    b.graph
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analyze::facts::{Holding, Meeting, Official, Zone};
    use crate::model::Role;

    fn seen(date: &str, sentence: &str) -> Vec<Sighting> {
        vec![Sighting {
            date: Some(date.into()),
            source: Source {
                report: "虚构.txt".into(),
                sentence: Some(sentence.into()),
                ..Source::default()
            },
        }]
    }

    /// Three fictional officials in two fictional zones; 乙 leads in both; 甲 and 丙 met.
    pub(crate) fn sample() -> Facts {
        let mut f = Facts::default();
        for (k, name) in [("z1", "青禾高新区"), ("z2", "石川经开区")] {
            f.zones.insert(
                k.into(),
                Zone {
                    name: name.into(),
                    ..Zone::default()
                },
            );
        }
        for (k, name, z) in [
            ("p1", "林甲", "z1"),
            ("p2", "周乙", "z1"),
            ("p3", "吴丙", "z2"),
        ] {
            f.officials.insert(
                k.into(),
                Official {
                    name: name.into(),
                    zone: Some(z.into()),
                },
            );
        }
        for (p, z, title, date) in [
            ("p1", "z1", "党工委书记", "2023-01-05"),
            ("p2", "z1", "管委会主任", "2023-01-05"),
            ("p2", "z2", "党工委书记", "2024-03-01"),
            ("p3", "z2", "管委会主任", "2024-03-01"),
        ] {
            f.holdings.push(Holding {
                person: p.into(),
                zone: Some(z.into()),
                title: title.into(),
                organization: None,
                leading: true,
                seen: seen(date, "虚构句子。"),
            });
        }
        f.meetings.push(Meeting {
            key: "m1".into(),
            name: Some("虚构工作会议".into()),
            date: Some("2024-04-02".into()),
            zone: Some("z2".into()),
            participants: vec![("p1".into(), Role::Host), ("p3".into(), Role::Speaker)],
            source: Source::default(),
        });
        f
    }

    #[test]
    fn leadership_links_officials_to_zones() {
        let g = leadership(&sample());
        assert_eq!(g.node_count(), 5);
        assert_eq!(g.edge_count(), 4);
        let zones = g
            .node_weights()
            .filter(|n| n.kind == NodeKind::Zone)
            .count();
        assert_eq!(zones, 2);
    }

    #[test]
    fn meetings_weight_counts_meetings() {
        let mut f = sample();
        let mut again = f.meetings[0].clone();
        again.key = "m2".into();
        f.meetings.push(again);
        let g = meetings(&f);
        assert_eq!(g.node_count(), 2);
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.edge_weights().next().unwrap().weight, 2.0);
    }

    #[test]
    fn zones_are_linked_by_shared_officials() {
        let g = zones(&sample());
        assert_eq!(g.node_count(), 2);
        assert_eq!(g.edge_count(), 1);
        let e = g.edge_weights().next().unwrap();
        assert!(matches!(&e.links[0], Link::Official { official, .. } if official == "周乙"));
    }

    #[test]
    fn combined_has_posts_and_meetings() {
        let g = combined(&sample());
        assert_eq!(g.edge_count(), 5);
    }
}
