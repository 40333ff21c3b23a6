//! Cross-report links, derived from the report graphs and kept in their own graph.
//!
//! Report graphs never point at each other; what ties them together is recomputed here
//! after every ingest, from scratch, in one transaction. That way replacing or dropping a
//! report can never leave a stale link behind, and the result does not depend on the
//! order reports were ingested in.
//!
//! - A zone named only by a short form (`Y rdfs:label "青禾高新区"`) is `owl:sameAs` the
//!   zone whose full name has that form as an alias, when exactly one zone does.
//! - Each canonical zone gets its full name (`rdfs:label`) and every other name it goes
//!   by (`skos:altLabel`: its aliases and its short-named variants'), once.
//! - Person nodes with the same name whose zones are the same zone after that step are
//!   `owl:sameAs` the one with the smallest IRI.
//! - Person nodes with the same name in different zones are `zk:possibleSameAs` the first
//!   of them (smallest IRI): linked for review, never merged.

use super::StoreError;
use crate::rdf::vocab::{foaf, owl, rdfs, skos, zk, ID_BASE, LINKS_GRAPH};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What the links graph says, in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkStats {
    /// Distinct zones once short forms are resolved.
    pub zones: usize,
    /// Distinct officials: one per (name, resolved zone), plus people known in one report only.
    pub officials: usize,
    /// Groups of same-named officials in different zones.
    pub duplicate_groups: usize,
}

/// Each (subject, object) of `predicate` in the report graphs, as strings (an IRI or a
/// literal's value). Read with SPARQL rather than `quads_for_pattern` because the query
/// decodes only the two terms it returns, not the graph and predicate of every quad,
/// which on a large store is most of the cost.
fn pairs(store: &Store, predicate: NamedNodeRef<'_>) -> Result<Vec<(String, String)>, StoreError> {
    let query = format!(
        "SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{}> ?o }} FILTER(?g != <{}>) }}",
        predicate.as_str(),
        LINKS_GRAPH.as_str()
    );
    let prepared = SparqlEvaluator::new()
        .parse_query(&query)
        .expect("the links queries are valid SPARQL");
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute()? else {
        return Ok(Vec::new());
    };
    let value = |t: Option<&Term>| match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        _ => None,
    };
    let mut out = Vec::new();
    for solution in solutions {
        let solution = solution?;
        if let (Some(s), Some(o)) = (value(solution.get("s")), value(solution.get("o"))) {
            out.push((s, o));
        }
    }
    Ok(out)
}

/// Literal values of `predicate` on subjects whose IRI starts with `prefix`, report
/// graphs only.
fn literals(
    store: &Store,
    predicate: NamedNodeRef<'_>,
    prefix: &str,
) -> Result<BTreeMap<String, BTreeSet<String>>, StoreError> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (s, o) in pairs(store, predicate)? {
        if s.starts_with(prefix) {
            out.entry(s).or_default().insert(o);
        }
    }
    Ok(out)
}

/// Zone IRI → canonical zone IRI, for zones that resolve to another.
fn resolve_zones(
    labels: &BTreeMap<String, BTreeSet<String>>,
    aliases: &BTreeMap<String, BTreeSet<String>>,
) -> HashMap<String, String> {
    let mut owners: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for (zone, names) in aliases {
        for a in names {
            owners.entry(a.as_str()).or_default().insert(zone.as_str());
        }
    }
    let mut direct: HashMap<&str, &str> = HashMap::new();
    for (zone, names) in labels {
        let Some(name) = names.iter().next() else {
            continue;
        };
        // a zone a report names only by a generic word is that report's own
        if crate::extract::zones::is_generic_name(name) {
            continue;
        }
        let Some(cands) = owners.get(name.as_str()) else {
            continue;
        };
        let cands: Vec<&str> = cands
            .iter()
            .copied()
            .filter(|c| *c != zone && labels.get(*c).is_none_or(|l| !l.contains(name)))
            .collect();
        // An alias several zones share (a bare 高新区) identifies none of them.
        if let [only] = cands[..] {
            direct.insert(zone.as_str(), only);
        }
    }
    let mut out = HashMap::new();
    for &start in direct.keys() {
        let mut at = start;
        let mut steps = 0;
        while let Some(&next) = direct.get(at) {
            if next == start || steps > 16 {
                break;
            }
            at = next;
            steps += 1;
        }
        if at != start {
            out.insert(start.to_string(), at.to_string());
        }
    }
    out
}

/// Rebuilds the links graph; returns the resulting counts.
pub fn refresh(store: &Store) -> Result<LinkStats, StoreError> {
    let zone_prefix = format!("{ID_BASE}zone/");
    let person_prefix = format!("{ID_BASE}person/");
    let zone_labels = literals(store, rdfs::LABEL, &zone_prefix)?;
    let zone_aliases = literals(store, skos::ALT_LABEL, &zone_prefix)?;
    let canonical_zone = resolve_zones(&zone_labels, &zone_aliases);

    let names = literals(store, foaf::NAME, &person_prefix)?;
    let mut scope: HashMap<String, String> = HashMap::new();
    for (p, z) in pairs(store, zk::SCOPE_ZONE)? {
        let z = canonical_zone.get(&z).cloned().unwrap_or(z);
        scope.insert(p, z);
    }

    // name → identity (resolved zone, or the person itself when unscoped) → persons
    let mut by_name: BTreeMap<&str, BTreeMap<String, Vec<&str>>> = BTreeMap::new();
    for (person, ns) in &names {
        let Some(name) = ns.iter().next() else {
            continue;
        };
        let identity = scope.get(person).cloned().unwrap_or_else(|| person.clone());
        by_name
            .entry(name.as_str())
            .or_default()
            .entry(identity)
            .or_default()
            .push(person.as_str());
    }

    let mut quads = Vec::new();
    let link = |quads: &mut Vec<Quad>, s: &str, p: NamedNodeRef<'_>, o: &str| {
        quads.push(Quad::new(
            NamedNode::new_unchecked(s),
            p,
            NamedNode::new_unchecked(o),
            LINKS_GRAPH,
        ));
    };
    for (from, to) in &canonical_zone {
        link(&mut quads, from, owl::SAME_AS, to);
    }
    // Every zone node's canonical node, itself included: one lookup for queries, where
    // `owl:sameAs?` would need a path and a COALESCE.
    for zone in zone_labels.keys() {
        let to = canonical_zone.get(zone).unwrap_or(zone);
        link(&mut quads, zone, zk::CANONICAL_ZONE, to);
    }
    // Each canonical zone's names, stated once here so that queries look a zone up in
    // one place instead of in every report graph that mentions it.
    let mut names: BTreeMap<&str, (BTreeSet<&str>, BTreeSet<&str>)> = BTreeMap::new();
    for (zone, labels) in &zone_labels {
        let canonical = canonical_zone.get(zone).unwrap_or(zone);
        let entry = names.entry(canonical.as_str()).or_default();
        let set = if canonical == zone {
            &mut entry.0
        } else {
            &mut entry.1
        };
        set.extend(labels.iter().map(String::as_str));
        if let Some(aliases) = zone_aliases.get(zone) {
            entry.1.extend(aliases.iter().map(String::as_str));
        }
    }
    let name = |quads: &mut Vec<Quad>, s: &str, p: NamedNodeRef<'_>, o: &str| {
        quads.push(Quad::new(
            NamedNode::new_unchecked(s),
            p,
            Literal::new_simple_literal(o),
            LINKS_GRAPH,
        ));
    };
    for (zone, (labels, others)) in &names {
        for l in labels {
            name(&mut quads, zone, rdfs::LABEL, l);
        }
        for o in others.difference(labels) {
            name(&mut quads, zone, skos::ALT_LABEL, o);
        }
    }
    let mut stats = LinkStats {
        zones: zone_labels.len() - canonical_zone.len(),
        ..LinkStats::default()
    };
    for identities in by_name.values() {
        let mut heads = Vec::with_capacity(identities.len());
        for persons in identities.values() {
            // BTreeMap iteration gave `names` in IRI order, so persons[0] is the smallest.
            let head = persons[0];
            for p in &persons[1..] {
                link(&mut quads, p, owl::SAME_AS, head);
            }
            heads.push(head);
        }
        stats.officials += heads.len();
        if heads.len() > 1 {
            stats.duplicate_groups += 1;
            heads.sort_unstable();
            for other in &heads[1..] {
                link(&mut quads, other, zk::POSSIBLE_SAME_AS, heads[0]);
            }
        }
    }

    let mut tx = store.start_transaction()?;
    tx.clear_graph(LINKS_GRAPH)?;
    tx.extend(&quads);
    tx.commit()?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(xs: &[&str]) -> BTreeSet<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn short_names_resolve_only_when_unambiguous() {
        let mut labels = BTreeMap::new();
        labels.insert("full".to_string(), set(&["青禾高新技术产业开发区"]));
        labels.insert("short".to_string(), set(&["青禾高新区"]));
        labels.insert("bare".to_string(), set(&["高新区"]));
        labels.insert("other".to_string(), set(&["石川高新技术产业开发区"]));
        let mut aliases = BTreeMap::new();
        aliases.insert("full".to_string(), set(&["青禾高新区", "高新区"]));
        aliases.insert("other".to_string(), set(&["高新区"]));
        let canon = resolve_zones(&labels, &aliases);
        assert_eq!(canon.get("short").map(String::as_str), Some("full"));
        assert_eq!(canon.get("bare"), None);
        assert_eq!(canon.len(), 1);
    }
}
