//! The store layer with hand-built reports (independent of extraction quality):
//! namesakes stay apart and are flagged, holdings collect their dates across reports,
//! short zone names resolve, unchanged reports change nothing, changed ones replace only
//! their own graph, and a store reopens after its process ends.

mod common;

use std::collections::BTreeSet;
use std::time::Duration;
use zonekg::model::{Evidence, Level, Official, Post, Report, Zone};
use zonekg::query::{self, Answer};
use zonekg::rdf::{iri, map_report, ReportMeta};
use zonekg::store::{KgStore, MappedReport, WriteOutcome};

const QINGHE: &str = "青禾高新技术产业开发区";
const SHICHUAN: &str = "石川经济技术开发区";

fn zone(name: &str, alias: &str) -> Zone {
    Zone {
        name: name.into(),
        aliases: vec![alias.into()],
        level: Some(Level::Zone),
        kind: Some("开发区".into()),
        located_in: None,
        evidence: None,
    }
}

fn official(name: &str, title: &str, org: &str, zone: &str) -> Official {
    Official {
        name: name.into(),
        posts: vec![Post {
            title: title.into(),
            organization: Some(org.into()),
            zone: Some(zone.into()),
            evidence: None,
        }],
        evidence: Some(Evidence {
            sentence: format!("区{title}{name}出席会议。"),
            start: 20,
            end: 32,
            raw_start: 60,
            raw_end: 96,
        }),
    }
}

fn report(source: &str, published: &str, zones: Vec<Zone>, officials: Vec<Official>) -> Report {
    Report {
        source: source.into(),
        title: Some(format!("{source}的标题")),
        published: Some(published.into()),
        zones,
        officials,
        ..Report::default()
    }
}

fn mapped(r: &Report) -> MappedReport {
    let meta = ReportMeta::for_bytes(format!("/fixtures/{}", r.source), r.source.as_bytes());
    MappedReport {
        quads: map_report(r, &meta),
        meta,
    }
}

/// Three fictional reports: one official leads 青禾 in 2023 and 2024; a namesake leads 石川.
fn corpus() -> Vec<Report> {
    vec![
        report(
            "qinghe_2023.txt",
            "2023-04-12",
            vec![zone(QINGHE, "青禾高新区")],
            vec![
                official("林晓舟", "党工委书记", "党工委", QINGHE),
                official("周雨桐", "管委会主任", "管委会", QINGHE),
            ],
        ),
        report(
            "qinghe_2024.txt",
            "2024-02-20",
            vec![zone(QINGHE, "青禾高新区")],
            vec![official("林晓舟", "党工委书记", "党工委", QINGHE)],
        ),
        report(
            "shichuan_2024.txt",
            "2024-03-08",
            vec![zone(SHICHUAN, "石川经开区")],
            vec![official("林晓舟", "党工委书记", "党工委", SHICHUAN)],
        ),
    ]
}

fn rows(kg: &KgStore, name: &str, params: &[(&str, &str)]) -> Vec<Vec<String>> {
    let q = query::canned(name).unwrap();
    let params: Vec<(String, String)> = params
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    let text = query::bind_params(q.text, &params).unwrap();
    match query::run(kg.store(), &text, Duration::from_secs(30)).unwrap() {
        Answer::Solutions { variables, rows } => rows
            .iter()
            .map(|r| {
                variables
                    .iter()
                    .map(|v| {
                        r.get(v.as_str())
                            .map(query::display_term)
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect(),
        other => panic!("{name}: expected solutions, got {other:?}"),
    }
}

fn store_with(reports: &[Report]) -> (tempfile::TempDir, KgStore) {
    let dir = common::temp_dir();
    let kg = KgStore::open(dir.path().join("store")).unwrap();
    let mapped: Vec<MappedReport> = reports.iter().map(mapped).collect();
    kg.write_reports(&mapped).unwrap();
    kg.refresh_links().unwrap();
    (dir, kg)
}

#[test]
fn namesakes_in_two_zones_are_two_nodes_flagged_as_duplicates() {
    let (_dir, kg) = store_with(&corpus());
    assert_ne!(
        iri::person("林晓舟", iri::Scope::Zone(QINGHE)),
        iri::person("林晓舟", iri::Scope::Zone(SHICHUAN))
    );

    // leaders: official, zone, post, first, last, reports
    let leaders = rows(&kg, "leaders", &[]);
    let lin: Vec<&Vec<String>> = leaders.iter().filter(|r| r[0] == "林晓舟").collect();
    assert_eq!(lin.len(), 2, "{leaders:?}");
    let qinghe = lin.iter().find(|r| r[1] == QINGHE).expect("青禾 row");
    assert_eq!(&qinghe[3..6], &["2023-04-12", "2024-02-20", "2"]);
    let shichuan = lin.iter().find(|r| r[1] == SHICHUAN).expect("石川 row");
    assert_eq!(&shichuan[3..6], &["2024-03-08", "2024-03-08", "1"]);

    let dups = rows(&kg, "duplicates", &[]);
    let zones: BTreeSet<&str> = dups
        .iter()
        .filter(|r| r[0] == "林晓舟")
        .map(|r| r[1].as_str())
        .collect();
    assert_eq!(zones, BTreeSet::from([QINGHE, SHICHUAN]));
    let nodes: BTreeSet<&str> = dups.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(nodes.len(), 2);
    assert!(dups.iter().all(|r| r[0] == "林晓舟"), "{dups:?}");
}

#[test]
fn leaders_filter_by_zone_alias_and_period() {
    let (_dir, kg) = store_with(&corpus());
    let in_2023 = rows(&kg, "leaders", &[("zone", "青禾高新区"), ("at", "2023")]);
    let names: BTreeSet<&str> = in_2023.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, BTreeSet::from(["林晓舟", "周雨桐"]));
    let in_2024 = rows(&kg, "leaders", &[("zone", "青禾高新区"), ("at", "2024")]);
    let names: BTreeSet<&str> = in_2024.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, BTreeSet::from(["林晓舟"]));
    assert!(rows(&kg, "leaders", &[("zone", "不存在的区")]).is_empty());
}

#[test]
fn a_zone_named_by_its_short_form_is_the_same_zone() {
    let mut reports = corpus();
    reports.push(report(
        "qinghe_short.txt",
        "2024-06-01",
        vec![Zone {
            name: "青禾高新区".into(),
            ..Zone::default()
        }],
        vec![official("方可欣", "管委会主任", "管委会", "青禾高新区")],
    ));
    let (_dir, kg) = store_with(&reports);
    let leaders = rows(&kg, "leaders", &[]);
    let fang = leaders.iter().find(|r| r[0] == "方可欣").expect("方可欣");
    assert_eq!(fang[1], QINGHE);
    let profile = rows(&kg, "zone", &[("zone", "青禾高新区")]);
    let leaders_in_profile: BTreeSet<&str> = profile
        .iter()
        .filter(|r| r[1] == "1 leader")
        .map(|r| r[2].as_str())
        .collect();
    assert_eq!(
        leaders_in_profile,
        BTreeSet::from(["林晓舟", "周雨桐", "方可欣"])
    );
    let other = rows(&kg, "zone", &[("zone", "石川经开区")]);
    assert!(other.iter().all(|r| r[0] == SHICHUAN), "{other:?}");
    let names: BTreeSet<&str> = other.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(names, BTreeSet::from(["林晓舟"]));
}

#[test]
fn unchanged_reports_change_nothing_and_changed_ones_replace_their_graph() {
    let reports = corpus();
    let (_dir, kg) = store_with(&reports);
    let before = kg.quad_count().unwrap();
    let again: Vec<MappedReport> = reports.iter().map(mapped).collect();
    let outcomes = kg.write_reports(&again).unwrap();
    assert!(outcomes.iter().all(|o| *o == WriteOutcome::Unchanged));
    kg.refresh_links().unwrap();
    assert_eq!(kg.quad_count().unwrap(), before);

    // The 2024 青禾 report now names another leader.
    let mut edited = reports[1].clone();
    edited.officials = vec![official("梁思远", "党工委书记", "党工委", QINGHE)];
    let mut m = mapped(&edited);
    m.meta.content_hash = "edited".into();
    let graph_of = |kg: &KgStore, r: &Report| -> BTreeSet<String> {
        let g = iri::report(&format!("/fixtures/{}", r.source));
        kg.store()
            .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
            .map(|q| q.unwrap().to_string())
            .collect()
    };
    let others_before = [graph_of(&kg, &reports[0]), graph_of(&kg, &reports[2])];
    let edited_before = graph_of(&kg, &reports[1]);
    assert_eq!(
        kg.write_reports(&[m]).unwrap(),
        vec![WriteOutcome::Replaced]
    );
    kg.refresh_links().unwrap();
    assert_eq!(
        [graph_of(&kg, &reports[0]), graph_of(&kg, &reports[2])],
        others_before
    );
    assert_ne!(graph_of(&kg, &reports[1]), edited_before);

    let leaders = rows(&kg, "leaders", &[("zone", QINGHE)]);
    let lin = leaders.iter().find(|r| r[0] == "林晓舟").unwrap();
    assert_eq!(
        &lin[3..6],
        &["2023-04-12", "2023-04-12", "1"],
        "2024 sighting gone"
    );
    assert!(leaders.iter().any(|r| r[0] == "梁思远"));
}

#[test]
fn a_store_reopens_with_its_contents() {
    let dir = common::temp_dir();
    let path = dir.path().join("store");
    let count = {
        let kg = KgStore::open(&path).unwrap();
        let mapped: Vec<MappedReport> = corpus().iter().map(mapped).collect();
        kg.write_reports(&mapped).unwrap();
        kg.refresh_links().unwrap();
        kg.flush().unwrap();
        kg.quad_count().unwrap()
    };
    let kg = KgStore::open(&path).unwrap();
    assert_eq!(kg.quad_count().unwrap(), count);
    assert_eq!(kg.report_count().unwrap(), 3);
    drop(kg);
    let ro = KgStore::open_read_only(&path).unwrap();
    assert_eq!(ro.quad_count().unwrap(), count);
    assert!(KgStore::open_read_only(dir.path().join("nothing")).is_err());
}

#[test]
fn removing_a_report_drops_only_its_graph() {
    let (_dir, kg) = store_with(&corpus());
    assert!(kg.remove_report("/fixtures/shichuan_2024.txt").unwrap());
    let stats = kg.refresh_links().unwrap();
    assert_eq!(stats.duplicate_groups, 0);
    assert!(rows(&kg, "duplicates", &[]).is_empty());
    assert_eq!(kg.report_count().unwrap(), 2);
}
