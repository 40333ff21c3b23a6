//! Minting instance IRIs. Every IRI is a pure function of the fact it names, so the same
//! fact from the same report gets the same IRI on every run, and shared things (zones,
//! officials, posts, post holdings) get the same IRI from every report that names them.
//!
//! Keys are hashes of the identifying strings rather than the strings themselves: names
//! hold any character, and a fixed-width ASCII key is safe in every RDF syntax.

use super::vocab::ID_BASE;
use oxigraph::model::NamedNode;
use sha2::{Digest, Sha256};

/// Separates the parts of a key so that ("ab", "c") and ("a", "bc") differ.
const SEP: u8 = 0x1f;

/// A 32-hex-digit key for the given parts.
pub fn key(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([SEP]);
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(32);
    for b in &digest[..16] {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

fn mint(kind: &str, parts: &[&str]) -> NamedNode {
    NamedNode::new_unchecked(format!("{ID_BASE}{kind}/{}", key(parts)))
}

/// A report, by where it was read from (absolute path or URL). The report's named graph
/// has the same IRI.
pub fn report(location: &str) -> NamedNode {
    mint("report", &[location])
}

/// A zone, by its fullest name. Zones named only by a short form are linked to their full
/// form in the links graph (see `store::links`).
pub fn zone(name: &str) -> NamedNode {
    mint("zone", &[name])
}

/// What an official's identity is scoped by: the zone their post belongs to, or, when no
/// zone is known, the report that names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    Zone(&'a str),
    Report(&'a str),
}

/// An official: one per (name, zone), so namesakes in two zones stay two nodes.
pub fn person(name: &str, scope: Scope<'_>) -> NamedNode {
    match scope {
        Scope::Zone(z) => mint("person", &[name, "zone", z]),
        Scope::Report(r) => mint("person", &[name, "report", r]),
    }
}

/// A post (position) in a zone's body: (zone, organization, title).
pub fn post(zone: Option<&str>, organization: Option<&str>, title: &str) -> NamedNode {
    mint(
        "post",
        &[zone.unwrap_or(""), organization.unwrap_or(""), title],
    )
}

/// One official holding one post, shared by every report that observes it.
pub fn holding(person: &NamedNode, post: &NamedNode) -> NamedNode {
    mint("holding", &[person.as_str(), post.as_str()])
}

/// A sentence of a report, by its char span.
pub fn sentence(report: &NamedNode, start: usize, end: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/sentence/{start}-{end}", report.as_str()))
}

/// A per-report fact (meeting, goal, achievement, task): the report plus the fact's own
/// identifying fields.
pub fn fact(kind: &str, location: &str, parts: &[&str]) -> NamedNode {
    let mut all = Vec::with_capacity(parts.len() + 1);
    all.push(location);
    all.extend_from_slice(parts);
    mint(kind, &all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_separate_parts() {
        assert_eq!(key(&["ab", "c"]), key(&["ab", "c"]));
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_eq!(key(&["x"]).len(), 32);
    }

    #[test]
    fn namesakes_in_two_zones_are_two_people() {
        let a = person("王某", Scope::Zone("甲高新区"));
        let b = person("王某", Scope::Zone("乙经开区"));
        assert_ne!(a, b);
        assert_eq!(a, person("王某", Scope::Zone("甲高新区")));
        assert_ne!(a, person("王某", Scope::Report("甲高新区")));
    }
}
