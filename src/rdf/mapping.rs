//! From a [`Report`] to the quads of its named graph.
//!
//! Everything a report states goes into one named graph whose IRI is the report's own:
//! replacing or dropping a report is dropping that graph. Shared nodes (zones, officials,
//! posts, post holdings) have IRIs minted from their identifying names ([`super::iri`]),
//! so each report graph restates the identity triples it relies on; a shared node lives as
//! long as one report graph still names it, and never twice. Each fact points at the
//! sentence it was read from (`prov:wasDerivedFrom`), and each sentence at its report.

use super::iri::{self, Scope};
use super::vocab::{dcterms, foaf, org, prov, rdf, rdfs, schema, skos, xsd, zk};
use crate::model::{is_leading_title, Evidence, GoalKind, Level, Report, Role};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, Quad, Term};
use std::collections::{HashMap, HashSet};

/// What is known about a report besides its facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportMeta {
    /// Where it was read from: an absolute path or a URL. This is the report's identity.
    pub location: String,
    /// Hex SHA-256 of the raw bytes: an unchanged report is not written again.
    pub content_hash: String,
    /// Version of the extractor that produced the facts; a new version rewrites them.
    pub extractor_version: String,
}

impl ReportMeta {
    /// Meta for bytes read from `location` by this build's extractor.
    pub fn for_bytes(location: impl Into<String>, bytes: &[u8]) -> Self {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(bytes);
        ReportMeta {
            location: location.into(),
            content_hash: digest.iter().map(|b| format!("{b:02x}")).collect(),
            extractor_version: EXTRACTOR_VERSION.to_string(),
        }
    }
}

/// The version recorded as `zk:extractorVersion`.
pub const EXTRACTOR_VERSION: &str = concat!("zonekg ", env!("CARGO_PKG_VERSION"));

/// The quads of one report's named graph.
pub fn map_report(report: &Report, meta: &ReportMeta) -> Vec<Quad> {
    let mut m = Mapper::new(report, meta);
    m.report_node();
    m.zones();
    m.officials();
    m.meetings();
    m.indicators();
    m.tasks();
    m.quads
}

struct Mapper<'a> {
    report: &'a Report,
    meta: &'a ReportMeta,
    graph: NamedNode,
    quads: Vec<Quad>,
    /// Sentences already described in this graph.
    sentences: HashSet<(usize, usize)>,
    /// Zones already described in this graph.
    zones_seen: HashSet<String>,
    /// Officials of this report by name, for participants and task owners.
    people: HashMap<String, NamedNode>,
    /// The date a report's observations are dated with.
    observed: Option<String>,
}

impl<'a> Mapper<'a> {
    fn new(report: &'a Report, meta: &'a ReportMeta) -> Self {
        // An observation is dated by the publication date; a report without one is dated
        // by the latest meeting it describes, which is when its posts were last seen held.
        let observed = report
            .published
            .clone()
            .filter(|d| is_iso_date(d))
            .or_else(|| {
                report
                    .meetings
                    .iter()
                    .filter_map(|m| m.date.clone())
                    .filter(|d| is_iso_date(d))
                    .max()
            });
        Mapper {
            report,
            meta,
            graph: iri::report(&meta.location),
            quads: Vec::with_capacity(64 + 24 * report.officials.len()),
            sentences: HashSet::new(),
            zones_seen: HashSet::new(),
            people: HashMap::new(),
            observed,
        }
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            s.clone(),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }

    fn add_type(&mut self, s: &NamedNode, class: NamedNodeRef<'_>) {
        self.add(s, rdf::TYPE, class.into_owned());
    }

    fn add_str(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }

    fn add_typed(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str, dt: NamedNodeRef<'_>) {
        self.add(s, p, Literal::new_typed_literal(value, dt));
    }

    fn add_int(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: impl ToString) {
        self.add_typed(s, p, &value.to_string(), xsd::INTEGER);
    }

    fn add_date(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, date: Option<&str>) {
        if let Some(d) = date.filter(|d| is_iso_date(d)) {
            self.add_typed(s, p, d, xsd::DATE);
        }
    }

    fn report_node(&mut self) {
        let r = self.graph.clone();
        self.add_type(&r, zk::REPORT);
        self.add_str(&r, zk::SOURCE_NAME, &self.report.source);
        self.add_str(&r, zk::LOCATION, &self.meta.location);
        self.add_str(&r, zk::CONTENT_HASH, &self.meta.content_hash);
        self.add_str(&r, zk::EXTRACTOR_VERSION, &self.meta.extractor_version);
        if let Some(t) = &self.report.title {
            self.add_str(&r, dcterms::TITLE, t);
        }
        self.add_date(&r, dcterms::ISSUED, self.report.published.as_deref());
    }

    /// Links `fact` to the sentence it came from (or to the report, lacking one).
    fn evidence(&mut self, fact: &NamedNode, ev: Option<&Evidence>) {
        let Some(ev) = ev else {
            let r = self.graph.clone();
            self.add(fact, prov::WAS_DERIVED_FROM, r);
            return;
        };
        let s = iri::sentence(&self.graph, ev.start, ev.end);
        if self.sentences.insert((ev.start, ev.end)) {
            let r = self.graph.clone();
            self.add_type(&s, zk::SENTENCE);
            self.add_str(&s, zk::TEXT, &ev.sentence);
            self.add_int(&s, zk::CHAR_START, ev.start);
            self.add_int(&s, zk::CHAR_END, ev.end);
            self.add_int(&s, zk::BYTE_START, ev.raw_start);
            self.add_int(&s, zk::BYTE_END, ev.raw_end);
            self.add(&s, dcterms::IS_PART_OF, r);
        }
        self.add(fact, prov::WAS_DERIVED_FROM, s);
    }

    /// The zone node for `name`, described in this graph the first time it is named.
    fn zone_ref(&mut self, name: &str) -> NamedNode {
        let z = iri::zone(&self.zone_key(name));
        if self.zones_seen.insert(name.to_string()) {
            self.add_type(&z, zk::ZONE);
            match self.located_in(name) {
                // `开发区（通辽市）`: the label tells it from other places' `开发区`
                Some(place) => {
                    self.add_str(&z, rdfs::LABEL, &format!("{name}（{place}）"));
                    self.add_str(&z, skos::ALT_LABEL, name);
                }
                None => self.add_str(&z, rdfs::LABEL, name),
            }
        }
        z
    }

    /// Where the text places a zone it names only generically (see [`crate::model::Zone::located_in`]).
    fn located_in(&self, name: &str) -> Option<&'a str> {
        let report: &'a Report = self.report;
        report
            .zones
            .iter()
            .find(|z| z.name == name)
            .and_then(|z| z.located_in.as_deref())
    }

    fn zones(&mut self) {
        let report = self.report;
        for zone in &report.zones {
            let z = self.zone_ref(&zone.name);
            for alias in &zone.aliases {
                if alias != &zone.name {
                    self.add_str(&z, skos::ALT_LABEL, alias);
                }
            }
            if let Some(level) = zone.level {
                self.add(&z, zk::LEVEL, level_iri(level).into_owned());
            }
            if let Some(kind) = &zone.kind {
                self.add_str(&z, zk::KIND, kind);
            }
            self.evidence(&z, zone.evidence.as_ref());
        }
    }

    /// What identifies a zone across reports: its name, or for a zone named only by a
    /// generic word (`高新区`) its name in this report, since every report that writes
    /// just `高新区` may mean another zone.
    /// Placed in a city or county, such a zone is that place's `高新区` in every report
    /// that places it there; placed only in a province, or nowhere, it stays the report's.
    fn zone_key(&self, name: &str) -> String {
        if !crate::extract::zones::is_generic_name(name) {
            return name.to_string();
        }
        let g = crate::gazetteer::get();
        match self.located_in(name) {
            Some(place)
                if g.named(place)
                    .iter()
                    .any(|&i| g.division(i).level != crate::gazetteer::DivisionLevel::Province) =>
            {
                format!("{name}@{place}")
            }
            _ => format!("{name}@{}", self.meta.location),
        }
    }

    /// The zone a person without a zoned post is scoped to: the report's first zone.
    fn default_scope(&self) -> Scope<'a> {
        let report: &'a Report = self.report;
        let meta: &'a ReportMeta = self.meta;
        match report.zones.first() {
            Some(z) => Scope::Zone(&z.name),
            None => Scope::Report(&meta.location),
        }
    }

    fn person_ref(&mut self, name: &str, scope: Scope<'_>) -> NamedNode {
        let key;
        let keyed = match scope {
            Scope::Zone(z) => {
                key = self.zone_key(z);
                Scope::Zone(&key)
            }
            other => other,
        };
        let p = iri::person(name, keyed);
        self.add_type(&p, foaf::PERSON);
        self.add_str(&p, foaf::NAME, name);
        if let Scope::Zone(z) = scope {
            let z = self.zone_ref(z);
            self.add(&p, zk::SCOPE_ZONE, z);
        }
        p
    }

    fn officials(&mut self) {
        let report = self.report;
        for official in &report.officials {
            let scope = official
                .posts
                .iter()
                .find_map(|p| p.zone.as_deref())
                .map(Scope::Zone)
                .unwrap_or_else(|| self.default_scope());
            let p = self.person_ref(&official.name, scope);
            self.people.insert(official.name.clone(), p.clone());
            self.evidence(&p, official.evidence.as_ref());
            for post in &official.posts {
                let zone = post.zone.as_deref();
                let organization = post.organization.as_deref();
                let zone_key = zone.map(|z| self.zone_key(z));
                let pi = iri::post(zone_key.as_deref(), organization, &post.title);
                self.add_type(&pi, org::POST);
                if is_leading_title(&post.title) {
                    self.add_type(&pi, zk::LEADING_POST);
                }
                self.add_str(&pi, rdfs::LABEL, &post.title);
                self.add_str(&pi, zk::TITLE, &post.title);
                if let Some(o) = organization {
                    self.add_str(&pi, zk::ORGANIZATION_NAME, o);
                }
                let zi = zone.map(|z| self.zone_ref(z));
                if let Some(zi) = &zi {
                    self.add(&pi, org::POST_IN, zi.clone());
                }
                self.add(&p, org::HOLDS, pi.clone());
                self.add(&pi, org::HELD_BY, p.clone());

                let h = iri::holding(&p, &pi);
                self.add_type(&h, zk::POST_HOLDING);
                self.add(&h, org::MEMBER, p.clone());
                self.add(&h, zk::POST, pi.clone());
                if let Some(zi) = zi {
                    self.add(&h, org::ORGANIZATION_PROP, zi);
                }
                let observed = self.observed.clone();
                self.add_date(&h, zk::OBSERVED_ON, observed.as_deref());
                let ev = post.evidence.as_ref().or(official.evidence.as_ref());
                self.evidence(&h, ev);
            }
        }
    }

    /// A person named in a meeting or task: the report's official of that name, else a
    /// person scoped to `zone` (or the report's default scope).
    fn named_person(&mut self, name: &str, zone: Option<&'a str>) -> NamedNode {
        if let Some(p) = self.people.get(name) {
            return p.clone();
        }
        let scope = zone
            .map(Scope::Zone)
            .unwrap_or_else(|| self.default_scope());
        let p = self.person_ref(name, scope);
        self.people.insert(name.to_string(), p.clone());
        p
    }

    fn meetings(&mut self) {
        let report = self.report;
        for meeting in &report.meetings {
            let start = meeting.evidence.as_ref().map_or(0, |e| e.start).to_string();
            let m = iri::fact(
                "meeting",
                &self.meta.location,
                &[
                    meeting.name.as_deref().unwrap_or(""),
                    meeting.date.as_deref().unwrap_or(""),
                    &start,
                ],
            );
            self.add_type(&m, zk::MEETING);
            if let Some(n) = &meeting.name {
                self.add_str(&m, schema::NAME, n);
            }
            self.add_date(&m, schema::START_DATE, meeting.date.as_deref());
            if let Some(v) = &meeting.venue {
                self.add_str(&m, zk::VENUE, v);
            }
            if let Some(a) = meeting.attendance {
                self.add_int(&m, zk::ATTENDANCE, a);
            }
            if let Some(z) = &meeting.zone {
                let zi = self.zone_ref(z);
                self.add(&m, zk::ZONE_PROP, zi);
            }
            for part in &meeting.participants {
                let person = self.named_person(&part.name, meeting.zone.as_deref());
                let pt = NamedNode::new_unchecked(format!(
                    "{}/participation/{}",
                    m.as_str(),
                    iri::key(&[&part.name, part.role.as_str()])
                ));
                self.add_type(&pt, zk::PARTICIPATION);
                self.add(&pt, zk::PARTICIPANT, person);
                self.add(&pt, zk::ROLE, role_iri(part.role).into_owned());
                self.add(&m, zk::PARTICIPATION_PROP, pt);
            }
            self.evidence(&m, meeting.evidence.as_ref());
        }
    }

    /// The facts an indicator value shares between goals and achievements.
    #[allow(clippy::too_many_arguments)]
    fn indicator(
        &mut self,
        kind: &str,
        class: NamedNodeRef<'_>,
        zone: Option<&str>,
        year: Option<i32>,
        indicator: &str,
        value: f64,
        unit: &str,
        text: &str,
        ev: Option<&Evidence>,
    ) -> NamedNode {
        let start = ev.map_or(0, |e| e.start).to_string();
        let year_s = year.map(|y| y.to_string()).unwrap_or_default();
        let value_s = decimal(value);
        let f = iri::fact(
            kind,
            &self.meta.location,
            &[
                zone.unwrap_or(""),
                &year_s,
                indicator,
                &value_s,
                unit,
                text,
                &start,
            ],
        );
        self.add_type(&f, class);
        self.add_str(&f, zk::INDICATOR, indicator);
        match &value_s {
            s if s.is_empty() => self.add_typed(&f, schema::VALUE, &value.to_string(), xsd::DOUBLE),
            s => self.add_typed(&f, schema::VALUE, s, xsd::DECIMAL),
        }
        self.add_str(&f, schema::UNIT_TEXT, unit);
        if let Some(z) = zone {
            let zi = self.zone_ref(z);
            self.add(&f, zk::ZONE_PROP, zi);
        }
        if let Some(y) = year {
            self.add_typed(&f, zk::YEAR, &format!("{y:04}"), xsd::G_YEAR);
        }
        self.add_str(&f, zk::TEXT, text);
        self.evidence(&f, ev);
        f
    }

    fn indicators(&mut self) {
        let report = self.report;
        for g in &report.goals {
            let f = self.indicator(
                "goal",
                zk::GOAL,
                g.zone.as_deref(),
                g.year,
                &g.indicator,
                g.value,
                &g.unit,
                &g.text,
                g.evidence.as_ref(),
            );
            self.add(&f, zk::GOAL_KIND_PROP, goal_kind_iri(g.kind).into_owned());
        }
        for a in &report.achievements {
            let f = self.indicator(
                "achievement",
                zk::ACHIEVEMENT,
                a.zone.as_deref(),
                a.year,
                &a.indicator,
                a.value,
                &a.unit,
                &a.text,
                a.evidence.as_ref(),
            );
            if let Some(p) = &a.period {
                self.add_str(&f, zk::PERIOD, p);
            }
            if let Some(c) = &a.change {
                let v = decimal(c.value);
                if !v.is_empty() {
                    self.add_typed(&f, zk::CHANGE_VALUE, &v, xsd::DECIMAL);
                    self.add_str(&f, zk::CHANGE_UNIT, &c.unit);
                }
            }
        }
    }

    fn tasks(&mut self) {
        let report = self.report;
        for t in &report.tasks {
            let start = t.evidence.as_ref().map_or(0, |e| e.start).to_string();
            let year = t.year.map(|y| y.to_string()).unwrap_or_default();
            let f = iri::fact(
                "task",
                &self.meta.location,
                &[t.zone.as_deref().unwrap_or(""), &year, &t.text, &start],
            );
            self.add_type(&f, zk::TASK);
            self.add_str(&f, zk::TEXT, &t.text);
            if let Some(z) = &t.zone {
                let zi = self.zone_ref(z);
                self.add(&f, zk::ZONE_PROP, zi);
            }
            if let Some(y) = t.year {
                self.add_typed(&f, zk::YEAR, &format!("{y:04}"), xsd::G_YEAR);
            }
            if let Some(by) = &t.by {
                let p = self.named_person(by, t.zone.as_deref());
                self.add(&f, zk::SET_BY, p);
            }
            self.evidence(&f, t.evidence.as_ref());
        }
    }
}

/// An `xsd:decimal` lexical form for `v`, or empty for NaN and infinities.
fn decimal(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    // `{}` never uses exponent notation for f64, which xsd:decimal forbids.
    format!("{v}")
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

pub fn level_iri(level: Level) -> NamedNodeRef<'static> {
    match level {
        Level::Province => zk::PROVINCE,
        Level::City => zk::CITY,
        Level::District => zk::DISTRICT,
        Level::County => zk::COUNTY,
        Level::Town => zk::TOWN,
        Level::Zone => zk::DEVELOPMENT_ZONE,
    }
}

pub fn role_iri(role: Role) -> NamedNodeRef<'static> {
    match role {
        Role::Host => zk::HOST,
        Role::Speaker => zk::SPEAKER,
        Role::Attendee => zk::ATTENDEE,
    }
}

pub fn goal_kind_iri(kind: GoalKind) -> NamedNodeRef<'static> {
    match kind {
        GoalKind::Growth => zk::GROWTH,
        GoalKind::Level => zk::REACH_LEVEL,
        GoalKind::AtLeast => zk::AT_LEAST,
        GoalKind::Reduce => zk::REDUCE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Official, Post, Zone};

    fn meta() -> ReportMeta {
        ReportMeta::for_bytes("/tmp/虚构.txt", b"x")
    }

    fn report() -> Report {
        Report {
            source: "虚构.txt".into(),
            published: Some("2023-04-05".into()),
            zones: vec![Zone {
                name: "青禾高新技术产业开发区".into(),
                aliases: vec!["青禾高新区".into()],
                level: Some(Level::Zone),
                ..Zone::default()
            }],
            officials: vec![Official {
                name: "林晓舟".into(),
                posts: vec![Post {
                    title: "党工委书记".into(),
                    organization: Some("党工委".into()),
                    zone: Some("青禾高新技术产业开发区".into()),
                    evidence: None,
                }],
                evidence: Some(Evidence {
                    sentence: "党工委书记林晓舟讲话。".into(),
                    start: 10,
                    end: 21,
                    raw_start: 30,
                    raw_end: 63,
                }),
            }],
            ..Report::default()
        }
    }

    #[test]
    fn mapping_is_deterministic_and_in_the_report_graph() {
        let a = map_report(&report(), &meta());
        let b = map_report(&report(), &meta());
        assert_eq!(a, b);
        let g = iri::report(&meta().location);
        assert!(a.iter().all(|q| q.graph_name == g.clone().into()));
    }

    #[test]
    fn leading_post_holding_is_dated_and_has_evidence() {
        let quads = map_report(&report(), &meta());
        let has = |p: NamedNodeRef<'_>, o: &str| {
            quads
                .iter()
                .any(|q| q.predicate == p && q.object.to_string().contains(o))
        };
        assert!(has(rdf::TYPE, zk::LEADING_POST.as_str()));
        assert!(has(zk::OBSERVED_ON, "2023-04-05"));
        assert!(has(zk::TEXT, "林晓舟讲话"));
        assert!(has(skos::ALT_LABEL, "青禾高新区"));
    }

    /// A zone named only `开发区` is labelled with the place the text puts it in, and
    /// that place's `开发区` is one node across reports; an unplaced one stays the
    /// report's own.
    #[test]
    fn generic_zone_is_labelled_and_keyed_by_its_place() {
        let generic = |located_in: Option<&str>, location: &str| {
            let report = Report {
                zones: vec![Zone {
                    name: "开发区".into(),
                    level: Some(Level::Zone),
                    located_in: located_in.map(String::from),
                    ..Zone::default()
                }],
                ..Report::default()
            };
            let meta = ReportMeta {
                location: location.into(),
                ..meta()
            };
            map_report(&report, &meta)
        };
        let zone_node = |quads: &[Quad]| {
            quads
                .iter()
                .find(|q| q.predicate == rdfs::LABEL)
                .map(|q| (q.subject.to_string(), q.object.to_string()))
                .expect("a labelled zone")
        };
        let (a, label) = zone_node(&generic(Some("宁波市"), "甲.txt"));
        assert!(label.contains("开发区（宁波市）"), "{label}");
        let (b, _) = zone_node(&generic(Some("宁波市"), "乙.txt"));
        assert_eq!(a, b);
        let (c, label) = zone_node(&generic(None, "甲.txt"));
        let (d, _) = zone_node(&generic(None, "乙.txt"));
        assert!(label.ends_with("\"开发区\""), "{label}");
        assert_ne!(c, d);
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_iso_date("2024-02-07"));
        assert!(!is_iso_date("2024-2-7"));
        assert!(!is_iso_date("2024-13-01"));
    }

    #[test]
    fn decimals_never_use_exponents() {
        assert_eq!(decimal(103.16), "103.16");
        assert_eq!(decimal(6.0), "6");
        assert_eq!(decimal(1e21), "1000000000000000000000");
        assert_eq!(decimal(f64::NAN), "");
    }
}
