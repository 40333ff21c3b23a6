//! What the explorer pages show, gathered from the store: a zone's profile (leaders by
//! post, meetings, goals beside their results, tasks) and an official's (posts over
//! time, meetings and roles, the people met most, possible duplicates). Built on
//! [`crate::analyze`]: the same identities, timelines and verdicts as `zonekg analyze`.
//! Every function here reads the store: call it on a worker thread.

use crate::analyze::facts::{Holding, Indicator, Meeting, Source};
use crate::analyze::timeline::{self, GoalCheck, PostHistory};
use crate::analyze::{AnalyzeError, Facts};
use crate::model::Role;
use crate::query::{self, Answer, QueryError};
use oxigraph::model::Term;
use oxigraph::store::Store;
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ExploreError {
    #[error(transparent)]
    Analyze(#[from] AnalyzeError),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("no official named {0:?}")]
    NoOfficial(String),
    #[error(transparent)]
    Read(#[from] crate::serve::exec::ExecError),
}

/// A task a zone set, with its sentence.
#[derive(Debug, Clone)]
pub struct Task {
    pub year: Option<String>,
    pub by: Option<String>,
    pub text: String,
    pub source: Source,
}

/// Everything the page of one zone shows.
#[derive(Debug, Clone)]
pub struct ZoneProfile {
    pub iri: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Leading posts, each with its holders in order of first sighting.
    pub posts: Vec<PostHistory>,
    /// The other posts held in the zone, with the holder's label.
    pub other_posts: Vec<(String, Holding)>,
    pub meetings: Vec<Meeting>,
    pub goals: Vec<GoalCheck>,
    /// Results no goal of the zone is checked against.
    pub other_results: Vec<Indicator>,
    pub tasks: Vec<Task>,
    /// Officials' labels (`name`, or `name@zone` for namesakes) by IRI.
    pub labels: HashMap<String, String>,
}

/// Every canonical IRI folded into `iri`, itself included, as SPARQL terms.
fn folded_iris(facts: &Facts, iri: &str) -> Vec<String> {
    let mut iris = vec![format!("<{iri}>")];
    for (from, _) in facts.same_as.iter() {
        let mut at = from.as_str();
        for _ in 0..16 {
            match facts.same_as.get(at) {
                Some(next) if next != at => at = next,
                _ => break,
            }
        }
        if at == iri && from != iri {
            iris.push(format!("<{from}>"));
        }
    }
    iris
}

const TASKS: &str = "SELECT ?year ?by ?text ?sentence ?s ?report WHERE {
  VALUES ?zf { ZONE_IRIS }
  GRAPH ?g { ?f zk:zone ?zf ; a zk:Task }
  OPTIONAL { GRAPH ?g { ?f zk:text ?text } }
  OPTIONAL { GRAPH ?g { ?f zk:year ?year } }
  OPTIONAL { GRAPH ?g { ?f zk:setBy ?p } }
  BIND(COALESCE(?p, \"\") AS ?pkey)
  OPTIONAL { GRAPH ?g { ?pkey foaf:name ?by } }
  OPTIONAL { GRAPH ?g { ?f prov:wasDerivedFrom ?s } }
  BIND(COALESCE(?s, \"\") AS ?skey)
  OPTIONAL { GRAPH ?g { ?skey zk:text ?sentence } }
  OPTIONAL { GRAPH ?g { ?g zk:sourceName ?report } }
} ORDER BY ?year ?text";

/// The value of `var` in a row: a literal's lexical form or an IRI.
pub fn value(row: &oxigraph::sparql::QuerySolution, var: &str) -> Option<String> {
    match row.get(var)? {
        Term::Literal(l) => Some(l.value().to_string()),
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        _ => None,
    }
}

/// The rows of a SELECT run with zonekg's prefixes, on its own thread, under `timeout`.
pub fn select(
    store: &Store,
    text: &str,
    timeout: Duration,
) -> Result<Vec<oxigraph::sparql::QuerySolution>, QueryError> {
    Ok(match query::run(store, text, timeout)? {
        Answer::Solutions { rows, .. } => rows,
        _ => Vec::new(),
    })
}

/// The profile of the zone named (or short-named) `name`.
pub fn zone(
    store: &Store,
    facts: &Facts,
    name: &str,
    timeout: Duration,
) -> Result<ZoneProfile, ExploreError> {
    let iri = timeline::find_zone(facts, name)?;
    // The facts are shared between requests: the zone's goals and results go into a copy
    // of the little the timeline needs.
    let mut own = Facts {
        zones: facts.zones.clone(),
        officials: facts.officials.clone(),
        holdings: facts
            .holdings
            .iter()
            .filter(|h| h.zone.as_deref() == Some(iri.as_str()))
            .cloned()
            .collect(),
        same_as: facts.same_as.clone(),
        ..Facts::default()
    };
    own.load_indicators(store, Some(&iri))?;
    let mut tl = timeline::timeline(&own, &iri);
    facts.fill_sentences(
        store,
        tl.posts
            .iter_mut()
            .flat_map(|p| &mut p.holders)
            .map(|h| &mut h.source),
    )?;
    let labels = facts.official_labels();
    let mut other_posts: Vec<(String, Holding)> = own
        .holdings
        .iter()
        .filter(|h| !h.leading)
        .map(|h| {
            let label = labels.get(&h.person).cloned().unwrap_or_default();
            (label, h.clone())
        })
        .collect();
    other_posts.sort_by(|a, b| a.1.title.cmp(&b.1.title).then_with(|| a.0.cmp(&b.0)));
    let mut meetings: Vec<Meeting> = facts
        .meetings
        .iter()
        .filter(|m| m.zone.as_deref() == Some(iri.as_str()))
        .cloned()
        .collect();
    meetings.sort_by(|a, b| crate::analyze::facts::date_order(&a.date, &b.date));
    facts.fill_sentences(store, meetings.iter_mut().map(|m| &mut m.source))?;
    let used: Vec<&Indicator> = tl
        .goals
        .iter()
        .filter_map(|g| g.achievement.as_ref())
        .collect();
    let other_results = own
        .achievements
        .iter()
        .filter(|a| !used.contains(a))
        .cloned()
        .collect();
    let tasks = select(
        store,
        &TASKS.replace("ZONE_IRIS", &folded_iris(facts, &iri).join(" ")),
        timeout,
    )?
    .iter()
    .map(|row| Task {
        year: value(row, "year"),
        by: value(row, "by"),
        text: value(row, "text").unwrap_or_default(),
        source: Source {
            report: value(row, "report").unwrap_or_default(),
            sentence: value(row, "sentence"),
            sentence_iri: value(row, "s"),
            ..Source::default()
        },
    })
    .collect();
    let zone = facts.zones.get(&iri).cloned().unwrap_or_default();
    Ok(ZoneProfile {
        name: zone.name,
        aliases: zone.aliases.into_iter().collect(),
        iri,
        posts: tl.posts,
        other_posts,
        meetings,
        goals: tl.goals,
        other_results,
        tasks,
        labels,
    })
}

/// One post an official held, over time.
#[derive(Debug, Clone)]
pub struct PostRow {
    pub zone: Option<String>,
    pub post: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub reports: usize,
    pub source: Source,
}

/// One meeting an official took part in.
#[derive(Debug, Clone)]
pub struct MeetingRow {
    pub meeting: Meeting,
    pub zone: Option<String>,
    pub role: Role,
}

/// One person node's page section.
#[derive(Debug, Clone)]
pub struct Person {
    pub iri: String,
    /// `name` or `name@zone` for namesakes.
    pub label: String,
    /// The zone the person's identity is scoped to.
    pub zone: Option<String>,
    pub posts: Vec<PostRow>,
    pub meetings: Vec<MeetingRow>,
    /// The people met in most meetings, with how many.
    pub met_most: Vec<(String, usize)>,
    /// Others of the same name (other zones): labels and their posts; never merged.
    pub namesakes: Vec<(String, Vec<String>)>,
}

/// The person nodes `query` names: `name` (all namesakes) or `name@zone`.
pub fn officials(store: &Store, facts: &Facts, query: &str) -> Result<Vec<Person>, ExploreError> {
    let labels = facts.official_labels();
    let query = query.trim();
    let mut iris: Vec<&String> = facts
        .officials
        .iter()
        .filter(|(iri, o)| o.name == query || labels.get(*iri).is_some_and(|l| l == query))
        .map(|(iri, _)| iri)
        .collect();
    if iris.is_empty() {
        return Err(ExploreError::NoOfficial(query.to_string()));
    }
    // A label names one person; a bare name all who bear it.
    if let Some(exact) = iris
        .iter()
        .find(|i| labels.get(**i).is_some_and(|l| l == query) && query.contains('@'))
    {
        iris = vec![*exact];
    }
    let label = |iri: &str| labels.get(iri).cloned().unwrap_or_else(|| iri.to_string());
    let mut people = Vec::new();
    for iri in iris {
        let official = &facts.officials[iri];
        let mut posts: Vec<PostRow> = facts
            .holdings
            .iter()
            .filter(|h| h.person == *iri)
            .map(|h| {
                let dated: Vec<&String> = h.seen.iter().filter_map(|s| s.date.as_ref()).collect();
                let reports: std::collections::BTreeSet<&str> =
                    h.seen.iter().map(|s| s.source.report.as_str()).collect();
                PostRow {
                    zone: h.zone.as_ref().map(|z| facts.zone_name(z)),
                    post: post_name(h),
                    first_seen: dated.first().map(|d| d.to_string()),
                    last_seen: dated.last().map(|d| d.to_string()),
                    reports: reports.len(),
                    source: h.seen.first().map(|s| s.source.clone()).unwrap_or_default(),
                }
            })
            .collect();
        posts.sort_by(|a, b| {
            crate::analyze::facts::date_order(&a.first_seen, &b.first_seen)
                .then_with(|| a.post.cmp(&b.post))
        });
        facts.fill_sentences(store, posts.iter_mut().map(|p| &mut p.source))?;
        let mut meetings: Vec<MeetingRow> = facts
            .meetings
            .iter()
            .filter_map(|m| {
                let role = m.participants.iter().find(|(p, _)| p == iri)?.1;
                Some(MeetingRow {
                    zone: m.zone.as_ref().map(|z| facts.zone_name(z)),
                    meeting: m.clone(),
                    role,
                })
            })
            .collect();
        meetings
            .sort_by(|a, b| crate::analyze::facts::date_order(&a.meeting.date, &b.meeting.date));
        facts.fill_sentences(store, meetings.iter_mut().map(|m| &mut m.meeting.source))?;
        let mut met: HashMap<&str, usize> = HashMap::new();
        for m in &meetings {
            for (p, _) in &m.meeting.participants {
                if p != iri {
                    *met.entry(p.as_str()).or_default() += 1;
                }
            }
        }
        let mut met_most: Vec<(String, usize)> =
            met.into_iter().map(|(p, n)| (label(p), n)).collect();
        met_most.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        met_most.truncate(10);
        let mut namesakes: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (other, o) in &facts.officials {
            if other != iri && o.name == official.name {
                let posts = facts
                    .holdings
                    .iter()
                    .filter(|h| h.person == *other)
                    .map(|h| match &h.zone {
                        Some(z) => format!("{}（{}）", post_name(h), facts.zone_name(z)),
                        None => post_name(h),
                    })
                    .collect();
                namesakes.insert(label(other), posts);
            }
        }
        people.push(Person {
            iri: iri.clone(),
            label: label(iri),
            zone: official.zone.as_ref().map(|z| facts.zone_name(z)),
            posts,
            meetings,
            met_most,
            namesakes: namesakes.into_iter().collect(),
        });
    }
    Ok(people)
}

/// A post as readers name it: the body before the title (`管委会` + `主任`).
pub fn post_name(h: &Holding) -> String {
    match &h.organization {
        Some(o) if !h.title.starts_with(o.as_str()) => format!("{o}{}", h.title),
        _ => h.title.clone(),
    }
}

/// A meeting role in Chinese.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Host => "主持",
        Role::Speaker => "讲话",
        Role::Attendee => "出席",
    }
}
