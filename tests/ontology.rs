//! The ontology parses (with oxigraph and rdflib), and declares — with Chinese and English
//! labels and a comment — every term the mapping and the links graph write.

mod common;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Term, Triple};
use std::collections::BTreeSet;
use zonekg::model::*;
use zonekg::rdf::vocab::{owl, rdf, rdfs, zk};
use zonekg::rdf::{map_report, ReportMeta, ONTOLOGY_TTL};

fn ontology() -> Vec<Triple> {
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(ONTOLOGY_TTL)
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()
        .expect("ontology parses")
}

fn ev(start: usize) -> Option<Evidence> {
    Some(Evidence {
        sentence: "虚构的句子。".into(),
        start,
        end: start + 6,
        raw_start: start * 3,
        raw_end: start * 3 + 18,
    })
}

/// A report using every field the model has, every enum value included.
fn everything() -> Report {
    let levels = [
        Level::Province,
        Level::City,
        Level::District,
        Level::County,
        Level::Town,
        Level::Zone,
    ];
    Report {
        source: "全字段.txt".into(),
        title: Some("虚构标题".into()),
        published: Some("2024-01-02".into()),
        zones: levels
            .iter()
            .enumerate()
            .map(|(i, l)| Zone {
                name: format!("虚构区域{i}"),
                aliases: vec![format!("简称{i}")],
                level: Some(*l),
                kind: Some("区".into()),
                located_in: None,
                evidence: ev(i),
            })
            .collect(),
        officials: vec![Official {
            name: "甲乙丙".into(),
            posts: vec![
                Post {
                    title: "党工委书记".into(),
                    organization: Some("党工委".into()),
                    zone: Some("虚构区域5".into()),
                    evidence: ev(10),
                },
                Post {
                    title: "副主任".into(),
                    organization: None,
                    zone: None,
                    evidence: None,
                },
            ],
            evidence: ev(10),
        }],
        meetings: vec![Meeting {
            name: Some("虚构会议".into()),
            date: Some("2024-01-01".into()),
            venue: Some("虚构会场".into()),
            attendance: Some(120),
            zone: Some("虚构区域5".into()),
            participants: [Role::Host, Role::Speaker, Role::Attendee]
                .iter()
                .enumerate()
                .map(|(i, r)| Participant {
                    name: format!("参会{i}"),
                    role: *r,
                })
                .collect(),
            evidence: ev(20),
        }],
        goals: [
            GoalKind::Growth,
            GoalKind::Level,
            GoalKind::AtLeast,
            GoalKind::Reduce,
        ]
        .iter()
        .map(|k| Goal {
            zone: Some("虚构区域5".into()),
            year: Some(2024),
            indicator: "虚构指标".into(),
            value: 6.5,
            unit: "%".into(),
            kind: *k,
            text: format!("虚构指标{}", k.as_str()),
            evidence: ev(30),
        })
        .collect(),
        achievements: vec![Achievement {
            zone: Some("虚构区域5".into()),
            year: Some(2023),
            period: Some("上半年".into()),
            indicator: "虚构产值".into(),
            value: 103.5,
            unit: "亿元".into(),
            change: Some(Change {
                value: -2.0,
                unit: "%".into(),
            }),
            text: "虚构产值达到103.5亿元".into(),
            evidence: ev(40),
        }],
        tasks: vec![Task {
            zone: Some("虚构区域5".into()),
            year: Some(2024),
            by: Some("甲乙丙".into()),
            text: "虚构任务".into(),
            evidence: ev(50),
        }],
    }
}

#[test]
fn ontology_parses_with_oxigraph() {
    let triples = ontology();
    assert!(triples.len() > 200, "{} triples", triples.len());
}

#[test]
fn ontology_parses_with_rdflib() {
    let script =
        "import sys, rdflib\ng = rdflib.Graph().parse(sys.argv[1], format='turtle')\nprint(len(g))";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/zonekg.ttl");
    let have = common::run(std::process::Command::new("python3").args(["-c", "import rdflib"]));
    if !have.status.success() {
        common::run_ok(
            std::process::Command::new("python3").args(["-m", "pip", "install", "-q", "rdflib"]),
        );
    }
    let out = common::run(
        std::process::Command::new("python3")
            .args(["-c", script])
            .arg(&path),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let n: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert_eq!(n, ontology().len());
}

/// Terms used by the written quads: predicates, classes, and vocabulary individuals.
fn terms_written() -> BTreeSet<NamedNode> {
    let meta = ReportMeta::for_bytes("/虚构/全字段.txt", b"x");
    let quads = map_report(&everything(), &meta);
    let mut terms = BTreeSet::new();
    for q in &quads {
        terms.insert(q.predicate.clone());
        if let Term::NamedNode(o) = &q.object {
            if !o.as_str().starts_with(zonekg::rdf::vocab::ID_BASE) {
                terms.insert(o.clone());
            }
        }
    }
    // The links graph's two properties.
    terms.insert(owl::SAME_AS.into_owned());
    terms.insert(zk::POSSIBLE_SAME_AS.into_owned());
    terms
}

#[test]
fn every_term_written_is_declared_with_labels_and_comment() {
    let triples = ontology();
    let about = |t: &NamedNode| -> Vec<&Triple> {
        triples
            .iter()
            .filter(|x| x.subject == t.clone().into())
            .collect()
    };
    let terms = terms_written();
    assert!(terms.len() > 60, "mapping used only {} terms", terms.len());
    for t in &terms {
        let facts = about(t);
        let has_type = facts.iter().any(|x| x.predicate == rdf::TYPE);
        let label = |lang: &str| {
            facts.iter().any(|x| {
                x.predicate == rdfs::LABEL
                    && matches!(&x.object, Term::Literal(l) if l.language() == Some(lang))
            })
        };
        let comment = facts
            .iter()
            .any(|x| x.predicate.as_str() == "http://www.w3.org/2000/01/rdf-schema#comment");
        assert!(has_type, "{t} is not declared in ontology/zonekg.ttl");
        assert!(
            label("zh") && label("en"),
            "{t} lacks a zh or en rdfs:label"
        );
        assert!(comment, "{t} lacks an rdfs:comment");
    }
}

#[test]
fn every_declared_zk_term_has_labels_and_comment() {
    let triples = ontology();
    let subjects: BTreeSet<String> = triples
        .iter()
        .filter_map(|t| match &t.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(zk::NS) => {
                Some(n.as_str().to_string())
            }
            _ => None,
        })
        .collect();
    for s in &subjects {
        let zh = triples.iter().any(|t| {
            t.subject.to_string() == format!("<{s}>")
                && t.predicate == rdfs::LABEL
                && matches!(&t.object, Term::Literal(l) if l.language() == Some("zh"))
        });
        assert!(zh, "{s} lacks a Chinese label");
    }
}
