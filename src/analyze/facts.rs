//! The facts analysis needs, read from the store with SPARQL SELECT queries.
//!
//! Identity comes from the links graph: a zone or official that is `owl:sameAs` another
//! is folded into it, so every map below is keyed by the canonical IRI. Per-report facts
//! (when a post was seen held, which sentence said so) are read inside `GRAPH ?g` so that
//! a date and a sentence always come from the same report.

use super::AnalyzeError;
use crate::model::is_leading_title;
use crate::model::{GoalKind, Role};
use crate::rdf::vocab::{zk, PREFIXES};
use oxigraph::model::{Literal, NamedNode, Term, Variable};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Where a fact was read: the report's source name and the sentence, when stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Source {
    pub report: String,
    /// Left out by [`Facts::load_relations`] for posts and meetings: reading every
    /// sentence would dominate the load on a large store, and an answer shows only a few.
    /// [`Facts::fill_sentence`] looks one up.
    pub sentence: Option<String>,
    /// The sentence's IRI (`…/sentence/{start}-{end}`), read with its text: what a link
    /// to the evidence names.
    #[serde(skip)]
    pub sentence_iri: Option<String>,
    /// What to look the sentence up by.
    #[serde(skip)]
    pub evidence: Evidence,
}

/// The fact a [`Source`] stands for, enough to find its sentence again.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    #[default]
    Unknown,
    /// A post held: the canonical person and the post title, in the source's report.
    Post { person: String, title: String },
    /// A meeting, by its IRI.
    Meeting(String),
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

// Each property is read by its own sub-select, which oxigraph evaluates as one scan of
// that predicate, and the scans are hash-joined. Written as a plain basic graph pattern,
// the same query looks every property up once per row, which on a store of 10,000
// reports is several times slower. A property of which the store holds far more than
// the rows here (`zk:zone`) stays a single optional pattern: looked up per row, not
// scanned.

/// The sentence behind a post held in one report, for [`Evidence::Post`]; `VALUES ?p`
/// is filled with every IRI folded into the person. (oxigraph binds only variables the
/// query selects, hence `?report ?title`.)
const POST_SENTENCE: &str = "SELECT ?text ?s ?report ?title WHERE { VALUES_PERSON
    GRAPH ?g { ?g zk:sourceName ?report . ?h org:member ?p ; zk:post ?post .
      ?post zk:title ?title . ?h prov:wasDerivedFrom ?s . ?s zk:text ?text } } LIMIT 1";

/// The sentence behind a meeting, for [`Evidence::Meeting`].
const MEETING_SENTENCE: &str =
    "SELECT ?text ?s ?m WHERE { GRAPH ?g { ?m prov:wasDerivedFrom ?s . ?s zk:text ?text } } LIMIT 1";

const ZONES: &str = "SELECT ?z ?label ?alt WHERE {
    { SELECT ?g ?z WHERE { GRAPH ?g { ?z a zk:Zone } } }
    { SELECT ?g ?z ?label WHERE { GRAPH ?g { ?z rdfs:label ?label } } }
    OPTIONAL { SELECT ?g ?z ?alt WHERE { GRAPH ?g { ?z skos:altLabel ?alt } } } }";

const PERSONS: &str = "SELECT ?p ?name ?zone WHERE {
    { SELECT ?g ?p WHERE { GRAPH ?g { ?p a foaf:Person } } }
    { SELECT ?g ?p ?name WHERE { GRAPH ?g { ?p foaf:name ?name } } }
    OPTIONAL { SELECT ?g ?p ?zone WHERE { GRAPH ?g { ?p zk:scopeZone ?zone } } } }";

const HOLDINGS: &str = "SELECT ?person ?title ?org ?zone ?date ?source WHERE {
    { SELECT ?g ?h WHERE { GRAPH ?g { ?h a zk:PostHolding } } }
    { SELECT ?g ?h ?person WHERE { GRAPH ?g { ?h org:member ?person } } }
    { SELECT ?g ?h ?post WHERE { GRAPH ?g { ?h zk:post ?post } } }
    { SELECT ?g ?post ?title WHERE { GRAPH ?g { ?post zk:title ?title } } }
    OPTIONAL { SELECT ?g ?post ?org WHERE { GRAPH ?g { ?post zk:organizationName ?org } } }
    OPTIONAL { SELECT ?g ?post ?zone WHERE { GRAPH ?g { ?post org:postIn ?zone } } }
    OPTIONAL { SELECT ?g ?h ?date WHERE { GRAPH ?g { ?h zk:observedOn ?date } } }
    OPTIONAL { SELECT ?g ?source WHERE { GRAPH ?g { ?g zk:sourceName ?source } } } }";

const MEETINGS: &str = "SELECT ?m ?name ?date ?zone ?source WHERE {
    { SELECT ?g ?m WHERE { GRAPH ?g { ?m a zk:Meeting } } }
    OPTIONAL { SELECT ?g ?m ?name WHERE { GRAPH ?g { ?m schema:name ?name } } }
    OPTIONAL { SELECT ?g ?m ?date WHERE { GRAPH ?g { ?m schema:startDate ?date } } }
    OPTIONAL { SELECT ?g ?source WHERE { GRAPH ?g { ?g zk:sourceName ?source } } }
    OPTIONAL { GRAPH ?g { ?m zk:zone ?zone } } }";

const PARTICIPANTS: &str = "SELECT ?m ?person ?role WHERE {
    { SELECT ?g ?m ?pt WHERE { GRAPH ?g { ?m zk:participation ?pt } } }
    { SELECT ?g ?pt ?person WHERE { GRAPH ?g { ?pt zk:participant ?person } } }
    { SELECT ?g ?pt ?role WHERE { GRAPH ?g { ?pt zk:role ?role } } } }";

/// `VALUES_ZONE` is replaced by `VALUES ?zf { … } GRAPH ?g { ?f zk:zone ?zf }` to
/// read one zone's facts first, or by nothing for all zones. Every other pattern is
/// optional and one step from a bound node ("" stands for a missing one): oxigraph then
/// looks each up per fact instead of scanning the whole store.
const INDICATORS: &str = "SELECT ?class ?zone ?year ?indicator ?value ?unit ?kind ?cv ?cu
    ?period ?text ?s ?sentence ?source ?issued WHERE {
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
    each: impl FnMut(&QuerySolution),
) -> Result<(), AnalyzeError> {
    select_bound(store, query, Vec::new(), each)
}

/// [`select`] with variables bound to terms before evaluation.
fn select_bound(
    store: &Store,
    query: &str,
    bindings: Vec<(&str, Term)>,
    mut each: impl FnMut(&QuerySolution),
) -> Result<(), AnalyzeError> {
    let mut text = String::new();
    for (prefix, ns) in PREFIXES {
        text.push_str(&format!("PREFIX {prefix}: <{ns}>\n"));
    }
    text.push_str(query);
    let mut prepared = SparqlEvaluator::new()
        .parse_query(&text)
        .map_err(|e| AnalyzeError::Query(e.into()))?;
    for (var, term) in bindings {
        prepared = prepared.substitute_variable(Variable::new_unchecked(var), term);
    }
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
        let mut same_as = HashMap::new();
        select(store, SAME_AS, |s| {
            if let (Some(a), Some(b)) = (get(s, "a"), get(s, "b")) {
                same_as.insert(a, b);
            }
        })?;
        let canon = Canon(&same_as);
        // The reads are independent and each waits mostly on the store: run side by side.
        let (zones, officials, holdings, meetings) = std::thread::scope(|scope| {
            let holdings = scope.spawn(|| read_holdings(store, &canon));
            let meetings = scope.spawn(|| read_meetings(store, &canon));
            let zones = read_zones(store, &canon);
            let officials = read_officials(store, &canon);
            (zones, officials, joined(holdings), joined(meetings))
        });
        Ok(Facts {
            zones: zones?,
            officials: officials?,
            holdings: holdings?,
            meetings: meetings?,
            same_as,
            ..Facts::default()
        })
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
                    sentence_iri: get(s, "sentence").and(get(s, "s")),
                    evidence: Evidence::Unknown,
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

    /// Looks up the sentence of `source` when it was read without one (posts and
    /// meetings, see [`Source::sentence`]); leaves it `None` when the store has none.
    pub fn fill_sentence(&self, store: &Store, source: &mut Source) -> Result<(), AnalyzeError> {
        if source.sentence.is_some() {
            return Ok(());
        }
        let mut found = None;
        let mut keep = |s: &QuerySolution| found = get(s, "text").zip(get(s, "s"));
        match &source.evidence {
            Evidence::Unknown => {}
            Evidence::Post { person, title } => {
                let canon = Canon(&self.same_as);
                let mut iris = vec![format!("<{person}>")];
                iris.extend(
                    self.same_as
                        .keys()
                        .filter(|k| canon.of(k) == *person)
                        .map(|k| format!("<{k}>")),
                );
                let values = format!("VALUES ?p {{ {} }}", iris.join(" "));
                let bindings = vec![
                    ("report", Literal::new_simple_literal(&source.report).into()),
                    ("title", Literal::new_simple_literal(title).into()),
                ];
                let query = POST_SENTENCE.replace("VALUES_PERSON", &values);
                select_bound(store, &query, bindings, &mut keep)?;
            }
            Evidence::Meeting(m) => {
                let bindings = vec![("m", NamedNode::new_unchecked(m.as_str()).into())];
                select_bound(store, MEETING_SENTENCE, bindings, &mut keep)?;
            }
        }
        (source.sentence, source.sentence_iri) = found.unzip();
        Ok(())
    }

    /// [`Facts::fill_sentence`] for each of `sources`.
    pub fn fill_sentences<'a>(
        &self,
        store: &Store,
        sources: impl IntoIterator<Item = &'a mut Source>,
    ) -> Result<(), AnalyzeError> {
        sources
            .into_iter()
            .try_for_each(|source| self.fill_sentence(store, source))
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

fn read_zones(store: &Store, canon: &Canon<'_>) -> Result<BTreeMap<String, Zone>, AnalyzeError> {
    let mut zones: BTreeMap<String, Zone> = BTreeMap::new();
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
            zones.entry(c).or_default().name = label.clone();
        } else {
            zones.entry(c).or_default().aliases.insert(label.clone());
        }
    }
    for (z, alt) in aliases {
        zones.entry(canon.of(&z)).or_default().aliases.insert(alt);
    }
    // A canonical zone only ever named through another (should not happen) keeps a name.
    for zone in zones.values_mut() {
        if zone.name.is_empty() {
            zone.name = zone.aliases.iter().next().cloned().unwrap_or_default();
        }
        let name = zone.name.clone();
        zone.aliases.remove(&name);
    }
    Ok(zones)
}

fn read_officials(
    store: &Store,
    canon: &Canon<'_>,
) -> Result<BTreeMap<String, Official>, AnalyzeError> {
    let mut officials: BTreeMap<String, Official> = BTreeMap::new();
    select(store, PERSONS, |s| {
        let (Some(p), Some(name)) = (get(s, "p"), get(s, "name")) else {
            return;
        };
        let zone = get(s, "zone").map(|z| canon.of(&z));
        let entry = officials
            .entry(canon.of(&p))
            .or_insert(Official { name, zone: None });
        if entry.zone.is_none() {
            entry.zone = zone;
        }
    })?;
    Ok(officials)
}

fn read_holdings(store: &Store, canon: &Canon<'_>) -> Result<Vec<Holding>, AnalyzeError> {
    type Key = (String, Option<String>, String, Option<String>);
    let mut merged: BTreeMap<Key, BTreeSet<Sighting>> = BTreeMap::new();
    select(store, HOLDINGS, |s| {
        let (Some(person), Some(title)) = (get(s, "person"), get(s, "title")) else {
            return;
        };
        let person = canon.of(&person);
        let sighting = Sighting {
            date: get(s, "date"),
            source: Source {
                report: get(s, "source").unwrap_or_default(),
                sentence: None,
                sentence_iri: None,
                evidence: Evidence::Post {
                    person: person.clone(),
                    title: title.clone(),
                },
            },
        };
        let key = (
            person,
            get(s, "zone").map(|z| canon.of(&z)),
            title,
            get(s, "org"),
        );
        merged.entry(key).or_default().insert(sighting);
    })?;
    let mut holdings = Vec::with_capacity(merged.len());
    for ((person, zone, title, organization), seen) in merged {
        let mut seen: Vec<Sighting> = seen.into_iter().collect();
        seen.sort_by(|a, b| date_order(&a.date, &b.date).then_with(|| a.cmp(b)));
        holdings.push(Holding {
            leading: is_leading_title(&title),
            person,
            zone,
            title,
            organization,
            seen,
        });
    }
    Ok(holdings)
}

fn read_meetings(store: &Store, canon: &Canon<'_>) -> Result<Vec<Meeting>, AnalyzeError> {
    let mut by_key: BTreeMap<String, Meeting> = BTreeMap::new();
    select(store, MEETINGS, |s| {
        let Some(m) = get(s, "m") else { return };
        by_key.entry(m.clone()).or_insert_with(|| Meeting {
            name: get(s, "name"),
            date: get(s, "date"),
            zone: get(s, "zone").map(|z| canon.of(&z)),
            participants: Vec::new(),
            source: Source {
                report: get(s, "source").unwrap_or_default(),
                sentence: None,
                sentence_iri: None,
                evidence: Evidence::Meeting(m.clone()),
            },
            key: m,
        });
    })?;
    select(store, PARTICIPANTS, |s| {
        let (Some(m), Some(p), Some(r)) = (get(s, "m"), get(s, "person"), get(s, "role")) else {
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
    Ok(by_key
        .into_values()
        .map(|mut m| {
            m.participants.sort();
            m
        })
        .collect())
}

/// A scoped thread's result; its panic, if any, goes on in the caller.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
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
