//! The facts analysis needs, read from the store with SPARQL SELECT queries.
//!
//! Identity comes from the links graph: a zone or official that is `owl:sameAs` another
//! is folded into it, so every map below is keyed by the canonical IRI. Per-report facts
//! (when a post was seen held, which sentence said so) are read inside `GRAPH ?g` so that
//! a date and a sentence always come from the same report.

use super::AnalyzeError;
use crate::model::{GoalKind, Role};
use crate::rdf::mapping::is_leading_title;
use crate::rdf::vocab::{zk, PREFIXES};
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Where a fact was read: the report's source name and the sentence, when stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Source {
    pub report: String,
    pub sentence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Official {
    pub name: String,
    /// Canonical IRI of the zone the official's identity is scoped to.
    pub zone: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Zone {
    pub name: String,
    /// Short forms, and the labels of zones folded into this one.
    pub aliases: BTreeSet<String>,
}

/// One report's sighting of a post held: the report's date and its sentence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Sighting {
    pub date: Option<String>,
    pub source: Source,
}

/// An official holding a post, with every report that saw it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Holding {
    pub person: String,
    /// Canonical zone IRI the post belongs to.
    pub zone: Option<String>,
    pub title: String,
    pub organization: Option<String>,
    pub leading: bool,
    /// Sorted by date (undated last).
    pub seen: Vec<Sighting>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub key: String,
    pub name: Option<String>,
    pub date: Option<String>,
    pub zone: Option<String>,
    /// Canonical person IRIs with their roles; one entry per person.
    pub participants: Vec<(String, Role)>,
    pub source: Source,
}

/// A goal (with its kind) or an achievement (with its change and period).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub zone: Option<String>,
    pub year: Option<i32>,
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    pub kind: Option<GoalKind>,
    pub change: Option<(f64, String)>,
    pub period: Option<String>,
    pub text: String,
    pub published: Option<String>,
    pub source: Source,
}

/// Everything analysis reads, keyed by canonical IRIs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facts {
    pub officials: BTreeMap<String, Official>,
    pub zones: BTreeMap<String, Zone>,
    pub holdings: Vec<Holding>,
    pub meetings: Vec<Meeting>,
    pub goals: Vec<Indicator>,
    pub achievements: Vec<Indicator>,
    /// The links graph's `owl:sameAs`: IRI → the IRI it is folded into.
    #[serde(skip)]
    pub same_as: HashMap<String, String>,
}

const SAME_AS: &str = "SELECT ?a ?b WHERE { GRAPH ?g { ?a owl:sameAs ?b } }";

const ZONES: &str = "SELECT ?z ?label ?alt WHERE { GRAPH ?g { ?z a zk:Zone ; rdfs:label ?label .
    OPTIONAL { ?z skos:altLabel ?alt } } }";

const PERSONS: &str =
    "SELECT ?p ?name ?zone WHERE { GRAPH ?g { ?p a foaf:Person ; foaf:name ?name .
    OPTIONAL { ?p zk:scopeZone ?zone } } }";

const HOLDINGS: &str = "SELECT ?person ?title ?org ?zone ?date ?text ?source WHERE { GRAPH ?g {
    ?h a zk:PostHolding ; org:member ?person ; zk:post ?post .
    ?post zk:title ?title .
    OPTIONAL { ?post zk:organizationName ?org }
    OPTIONAL { ?post org:postIn ?zone }
    OPTIONAL { ?h zk:observedOn ?date }
    OPTIONAL { ?h prov:wasDerivedFrom ?s . ?s zk:text ?text }
    OPTIONAL { ?g zk:sourceName ?source } } }";

const MEETINGS: &str = "SELECT ?m ?name ?date ?zone ?text ?source WHERE { GRAPH ?g {
    ?m a zk:Meeting .
    OPTIONAL { ?m schema:name ?name }
    OPTIONAL { ?m schema:startDate ?date }
    OPTIONAL { ?m zk:zone ?zone }
    OPTIONAL { ?m prov:wasDerivedFrom ?s . ?s zk:text ?text }
    OPTIONAL { ?g zk:sourceName ?source } } }";

const PARTICIPANTS: &str = "SELECT ?m ?person ?role WHERE { GRAPH ?g {
    ?m zk:participation ?pt . ?pt zk:participant ?person ; zk:role ?role } }";

/// `VALUES_ZONE` is replaced by `VALUES ?zf { … } GRAPH ?g { ?f zk:zone ?zf }` to
/// read one zone's facts first, or by nothing for all zones. Every other pattern is
/// optional and one step from a bound node ("" stands for a missing one): oxigraph then
/// looks each up per fact instead of scanning the whole store.
const INDICATORS: &str = "SELECT ?class ?zone ?year ?indicator ?value ?unit ?kind ?cv ?cu
    ?period ?text ?sentence ?source ?issued WHERE {
    VALUES_ZONE
    VALUES ?class { zk:Goal zk:Achievement }
    GRAPH ?g { ?f a ?class }
    OPTIONAL { GRAPH ?g { ?f zk:indicator ?indicator } }
    OPTIONAL { GRAPH ?g { ?f schema:value ?value } }
    OPTIONAL { GRAPH ?g { ?f schema:unitText ?unit } }
    OPTIONAL { GRAPH ?g { ?f zk:text ?text } }
    OPTIONAL { GRAPH ?g { ?f zk:zone ?zone } }
    OPTIONAL { GRAPH ?g { ?f zk:year ?year } }
    OPTIONAL { GRAPH ?g { ?f zk:goalKind ?kind } }
    OPTIONAL { GRAPH ?g { ?f zk:changeValue ?cv } }
    OPTIONAL { GRAPH ?g { ?f zk:changeUnit ?cu } }
    OPTIONAL { GRAPH ?g { ?f zk:period ?period } }
    OPTIONAL { GRAPH ?g { ?f prov:wasDerivedFrom ?s } }
    BIND(COALESCE(?s, \"\") AS ?skey)
    OPTIONAL { GRAPH ?g { ?skey zk:text ?sentence } }
    OPTIONAL { GRAPH ?g { ?g zk:sourceName ?source } }
    OPTIONAL { GRAPH ?g { ?g dcterms:issued ?issued } } }";

/// Runs a SELECT query (with zonekg's prefixes) and hands each solution to `each`.
fn select(
    store: &Store,
    query: &str,
    mut each: impl FnMut(&QuerySolution),
) -> Result<(), AnalyzeError> {
    let mut text = String::new();
    for (prefix, ns) in PREFIXES {
        text.push_str(&format!("PREFIX {prefix}: <{ns}>\n"));
    }
    text.push_str(query);
    let prepared = SparqlEvaluator::new()
        .parse_query(&text)
        .map_err(|e| AnalyzeError::Query(e.into()))?;
    if let QueryResults::Solutions(solutions) = prepared.on_store(store).execute()? {
        for solution in solutions {
            each(&solution?);
        }
    }
    Ok(())
}

/// The value of a variable: a literal's lexical form or an IRI.
fn get(s: &QuerySolution, var: &str) -> Option<String> {
    match s.get(var)? {
        Term::Literal(l) => Some(l.value().to_string()),
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn role(iri: &str) -> Option<Role> {
    [
        (zk::HOST, Role::Host),
        (zk::SPEAKER, Role::Speaker),
        (zk::ATTENDEE, Role::Attendee),
    ]
    .into_iter()
    .find(|(t, _)| t.as_str() == iri)
    .map(|(_, r)| r)
}

fn goal_kind(iri: &str) -> Option<GoalKind> {
    [
        (zk::GROWTH, GoalKind::Growth),
        (zk::REACH_LEVEL, GoalKind::Level),
        (zk::AT_LEAST, GoalKind::AtLeast),
        (zk::REDUCE, GoalKind::Reduce),
    ]
    .into_iter()
    .find(|(t, _)| t.as_str() == iri)
    .map(|(_, k)| k)
}

/// Follows `owl:sameAs` to the end of its chain.
struct Canon<'a>(&'a HashMap<String, String>);

impl Canon<'_> {
    fn of(&self, iri: &str) -> String {
        let mut at = iri;
        for _ in 0..16 {
            match self.0.get(at) {
                Some(next) if next != at => at = next,
                _ => break,
            }
        }
        at.to_string()
    }
}

impl Facts {
    /// Reads everything analysis needs from `store`.
    pub fn load(store: &Store) -> Result<Facts, AnalyzeError> {
        let mut facts = Facts::load_relations(store)?;
        facts.load_indicators(store, None)?;
        Ok(facts)
    }

    /// Reads zones, officials, posts and meetings, but no goals or achievements: all that
    /// the graphs need. [`Facts::load_indicators`] adds the rest.
    pub fn load_relations(store: &Store) -> Result<Facts, AnalyzeError> {
        let mut facts = Facts::default();
        select(store, SAME_AS, |s| {
            if let (Some(a), Some(b)) = (get(s, "a"), get(s, "b")) {
                facts.same_as.insert(a, b);
            }
        })?;
        let same = std::mem::take(&mut facts.same_as);
        let canon = Canon(&same);
        facts.load_zones(store, &canon)?;
        facts.load_officials(store, &canon)?;
        facts.load_holdings(store, &canon)?;
        facts.load_meetings(store, &canon)?;
        facts.same_as = same;
        Ok(facts)
    }

    /// Adds the goals and achievements of the zone with canonical IRI `zone` (every IRI
    /// folded into it included), or of all zones when `None`.
    pub fn load_indicators(
        &mut self,
        store: &Store,
        zone: Option<&str>,
    ) -> Result<(), AnalyzeError> {
        let values = match zone {
            None => String::new(),
            Some(z) => {
                let canon = Canon(&self.same_as);
                let mut iris: Vec<&str> = vec![z];
                iris.extend(
                    self.same_as
                        .keys()
                        .filter(|k| canon.of(k) == z)
                        .map(String::as_str),
                );
                let iris: Vec<String> = iris.iter().map(|i| format!("<{i}>")).collect();
                format!(
                    "VALUES ?zf {{ {} }} GRAPH ?g {{ ?f zk:zone ?zf }}",
                    iris.join(" ")
                )
            }
        };
        let query = INDICATORS.replace("VALUES_ZONE", &values);
        let same = std::mem::take(&mut self.same_as);
        let result = self.read_indicators(store, &query, &Canon(&same));
        self.same_as = same;
        result
    }

    fn load_zones(&mut self, store: &Store, canon: &Canon<'_>) -> Result<(), AnalyzeError> {
        let mut labels: BTreeMap<String, String> = BTreeMap::new();
        let mut aliases: Vec<(String, String)> = Vec::new();
        select(store, ZONES, |s| {
            let (Some(z), Some(label)) = (get(s, "z"), get(s, "label")) else {
                return;
            };
            if let Some(alt) = get(s, "alt") {
                aliases.push((z.clone(), alt));
            }
            labels.insert(z, label);
        })?;
        for (z, label) in &labels {
            let c = canon.of(z);
            if &c == z {
                self.zones.entry(c).or_default().name = label.clone();
            } else {
                self.zones
                    .entry(c)
                    .or_default()
                    .aliases
                    .insert(label.clone());
            }
        }
        for (z, alt) in aliases {
            self.zones
                .entry(canon.of(&z))
                .or_default()
                .aliases
                .insert(alt);
        }
        // A canonical zone only ever named through another (should not happen) keeps a name.
        for zone in self.zones.values_mut() {
            if zone.name.is_empty() {
                zone.name = zone.aliases.iter().next().cloned().unwrap_or_default();
            }
            let name = zone.name.clone();
            zone.aliases.remove(&name);
        }
        Ok(())
    }

    fn load_officials(&mut self, store: &Store, canon: &Canon<'_>) -> Result<(), AnalyzeError> {
        select(store, PERSONS, |s| {
            let (Some(p), Some(name)) = (get(s, "p"), get(s, "name")) else {
                return;
            };
            let zone = get(s, "zone").map(|z| canon.of(&z));
            let entry = self
                .officials
                .entry(canon.of(&p))
                .or_insert(Official { name, zone: None });
            if entry.zone.is_none() {
                entry.zone = zone;
            }
        })?;
        Ok(())
    }

    fn load_holdings(&mut self, store: &Store, canon: &Canon<'_>) -> Result<(), AnalyzeError> {
        type Key = (String, Option<String>, String, Option<String>);
        let mut merged: BTreeMap<Key, BTreeSet<Sighting>> = BTreeMap::new();
        select(store, HOLDINGS, |s| {
            let (Some(person), Some(title)) = (get(s, "person"), get(s, "title")) else {
                return;
            };
            let key = (
                canon.of(&person),
                get(s, "zone").map(|z| canon.of(&z)),
                title,
                get(s, "org"),
            );
            let sighting = Sighting {
                date: get(s, "date"),
                source: Source {
                    report: get(s, "source").unwrap_or_default(),
                    sentence: get(s, "text"),
                },
            };
            merged.entry(key).or_default().insert(sighting);
        })?;
        for ((person, zone, title, organization), seen) in merged {
            let mut seen: Vec<Sighting> = seen.into_iter().collect();
            seen.sort_by(|a, b| date_order(&a.date, &b.date).then_with(|| a.cmp(b)));
            self.holdings.push(Holding {
                leading: is_leading_title(&title),
                person,
                zone,
                title,
                organization,
                seen,
            });
        }
        Ok(())
    }

    fn load_meetings(&mut self, store: &Store, canon: &Canon<'_>) -> Result<(), AnalyzeError> {
        let mut by_key: BTreeMap<String, Meeting> = BTreeMap::new();
        select(store, MEETINGS, |s| {
            let Some(m) = get(s, "m") else { return };
            by_key.entry(m.clone()).or_insert_with(|| Meeting {
                key: m,
                name: get(s, "name"),
                date: get(s, "date"),
                zone: get(s, "zone").map(|z| canon.of(&z)),
                participants: Vec::new(),
                source: Source {
                    report: get(s, "source").unwrap_or_default(),
                    sentence: get(s, "text"),
                },
            });
        })?;
        select(store, PARTICIPANTS, |s| {
            let (Some(m), Some(p), Some(r)) = (get(s, "m"), get(s, "person"), get(s, "role"))
            else {
                return;
            };
            let (Some(meeting), Some(r)) = (by_key.get_mut(&m), role(&r)) else {
                return;
            };
            let p = canon.of(&p);
            // One entry per person: the most important role they played (host first).
            match meeting.participants.iter_mut().find(|(q, _)| *q == p) {
                Some(entry) => entry.1 = entry.1.min(r),
                None => meeting.participants.push((p, r)),
            }
        })?;
        for mut m in by_key.into_values() {
            m.participants.sort();
            self.meetings.push(m);
        }
        Ok(())
    }

    fn read_indicators(
        &mut self,
        store: &Store,
        query: &str,
        canon: &Canon<'_>,
    ) -> Result<(), AnalyzeError> {
        select(store, query, |s| {
            let (Some(class), Some(indicator), Some(value)) =
                (get(s, "class"), get(s, "indicator"), get(s, "value"))
            else {
                return;
            };
            let Ok(value) = value.parse::<f64>() else {
                return;
            };
            let change = match (get(s, "cv").and_then(|v| v.parse().ok()), get(s, "cu")) {
                (Some(v), Some(u)) => Some((v, u)),
                _ => None,
            };
            let fact = Indicator {
                zone: get(s, "zone").map(|z| canon.of(&z)),
                year: get(s, "year").and_then(|y| y.parse().ok()),
                indicator,
                value,
                unit: get(s, "unit").unwrap_or_default(),
                kind: get(s, "kind").as_deref().and_then(goal_kind),
                change,
                period: get(s, "period"),
                text: get(s, "text").unwrap_or_default(),
                published: get(s, "issued"),
                source: Source {
                    report: get(s, "source").unwrap_or_default(),
                    sentence: get(s, "sentence"),
                },
            };
            if class == zk::GOAL.as_str() {
                self.goals.push(fact);
            } else {
                self.achievements.push(fact);
            }
        })?;
        Ok(())
    }

    /// A zone's display name, or the IRI when the zone is unknown.
    pub fn zone_name(&self, iri: &str) -> String {
        self.zones
            .get(iri)
            .map_or_else(|| iri.to_string(), |z| z.name.clone())
    }

    /// Every official's display label: the name, plus `@zone` when another official
    /// shares the name (namesakes in two zones stay two people).
    pub fn official_labels(&self) -> HashMap<String, String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for o in self.officials.values() {
            *counts.entry(o.name.as_str()).or_default() += 1;
        }
        self.officials
            .iter()
            .map(|(iri, o)| {
                let label = match (&o.zone, counts[o.name.as_str()] > 1) {
                    (Some(z), true) => format!("{}@{}", o.name, self.zone_name(z)),
                    _ => o.name.clone(),
                };
                (iri.clone(), label)
            })
            .collect()
    }
}

/// Dates ascending, undated last.
pub fn date_order(a: &Option<String>, b: &Option<String>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}
