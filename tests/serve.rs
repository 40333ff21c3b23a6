//! `zonekg serve`, the SPARQL 1.1 Protocol side: the real binary on a free loopback
//! port over a store of the seed reports and the examples, asked as SPARQL clients ask.

mod common;

use common::server::{client, encode, get, reply, Server};
use common::{run_ok, stdout_json, zonekg};
use oxigraph::io::{RdfFormat, RdfParser};
use std::time::{Duration, Instant};

const LEADERS: &str = "SELECT ?official ?post ?zone WHERE {
  ?h org:member ?p ; zk:post ?pi . ?p foaf:name ?official .
  ?pi a zk:LeadingPost ; zk:title ?post ; org:postIn ?z . ?z rdfs:label ?zone .
} ORDER BY ?zone ?post ?official";

const ZONES_GRAPH: &str = "CONSTRUCT { ?z rdfs:label ?l ; skos:altLabel ?a } WHERE {
  ?z a zk:Zone ; rdfs:label ?l . OPTIONAL { ?z skos:altLabel ?a } }";

/// A query that reads the store for minutes: three scans joined on nothing.
const HEAVY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

fn sparql_get(server: &Server, query: &str, accept: &str) -> common::server::Reply {
    get(
        &server.url(&format!("/sparql?query={}", encode(query))),
        accept,
    )
}

/// The `?var` values of a SPARQL JSON answer, row by row.
fn column(json: &serde_json::Value, var: &str) -> Vec<String> {
    json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| b[var]["value"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn select_by_get_post_form_and_post_body_agree_in_every_results_format() {
    let server = Server::over_seeds(&[]);
    let json = sparql_get(&server, LEADERS, "application/sparql-results+json");
    assert_eq!(json.status, 200, "{}", json.body);
    assert!(json
        .content_type()
        .starts_with("application/sparql-results+json"));
    let officials = column(&json.json(), "official");
    assert!(officials.len() >= 5, "too few leaders: {officials:?}");

    let form = reply(
        client()
            .post(server.url("/sparql"))
            .header("Accept", "application/sparql-results+json")
            .send_form([("query", LEADERS)]),
    );
    assert_eq!(form.status, 200, "{}", form.body);
    assert_eq!(column(&form.json(), "official"), officials);

    let body = reply(
        client()
            .post(server.url("/sparql"))
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "application/json")
            .send(LEADERS),
    );
    assert_eq!(body.status, 200, "{}", body.body);
    assert_eq!(column(&body.json(), "official"), officials);

    let xml = sparql_get(&server, LEADERS, "application/sparql-results+xml");
    assert_eq!(xml.status, 200);
    assert!(xml
        .content_type()
        .starts_with("application/sparql-results+xml"));
    assert!(xml.body.contains("<sparql") && xml.body.contains(&officials[0]));
    assert_eq!(xml.body.matches("<result>").count(), officials.len());

    let csv = sparql_get(&server, LEADERS, "text/csv");
    assert_eq!(csv.status, 200);
    assert!(csv.content_type().starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "official,post,zone");
    assert_eq!(lines.len(), officials.len() + 1);
    assert!(lines[1].starts_with(&officials[0]));

    let tsv = sparql_get(&server, LEADERS, "text/tab-separated-values");
    assert_eq!(tsv.status, 200);
    let lines: Vec<&str> = tsv.body.lines().collect();
    assert_eq!(lines[0], "?official\t?post\t?zone");
    assert_eq!(lines.len(), officials.len() + 1);

    // no Accept at all (or */*): SPARQL JSON; a format field overrides Accept
    let any = sparql_get(&server, LEADERS, "*/*");
    assert!(any
        .content_type()
        .starts_with("application/sparql-results+json"));
    let by_field = get(
        &server.url(&format!("/sparql?format=csv&query={}", encode(LEADERS))),
        "application/json",
    );
    assert!(by_field.content_type().starts_with("text/csv"));

    let ask = sparql_get(&server, "ASK { ?p a foaf:Person }", "application/json");
    assert_eq!(ask.json()["boolean"], true);

    // a page of another origin (a YASGUI page) may read query answers
    assert_eq!(json.header("access-control-allow-origin"), Some("*"));
    let preflight = reply(
        client()
            .options(server.url("/sparql"))
            .header("Origin", "https://yasgui.example")
            .header("Access-Control-Request-Method", "POST")
            .call(),
    );
    assert_eq!(preflight.status, 204);
    assert!(preflight
        .header("access-control-allow-methods")
        .is_some_and(|m| m.contains("POST")));

    let refused = sparql_get(&server, LEADERS, "image/png");
    assert_eq!(refused.status, 406, "{}", refused.body);
}

#[test]
fn construct_and_describe_come_as_turtle_n_triples_and_json_ld() {
    let server = Server::over_seeds(&[]);
    let mut counts = Vec::new();
    for (accept, media, format) in [
        ("text/turtle", "text/turtle", RdfFormat::Turtle),
        (
            "application/n-triples",
            "application/n-triples",
            RdfFormat::NTriples,
        ),
        (
            "application/ld+json",
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
    ] {
        let r = sparql_get(&server, ZONES_GRAPH, accept);
        assert_eq!(r.status, 200, "{accept}: {}", r.body);
        assert!(r.content_type().starts_with(media), "{}", r.content_type());
        let triples: Vec<_> = RdfParser::from_format(format)
            .for_slice(r.body.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{accept} does not parse: {e}\n{}", r.body));
        assert!(
            r.body.contains("岚溪高新技术产业开发区"),
            "{accept} lacks a zone's label"
        );
        assert_eq!(
            rdflib_count(&r.body, accept),
            triples.len(),
            "rdflib reads {accept} otherwise"
        );
        counts.push(triples.len());
    }
    assert!(counts[0] > 5);
    assert!(counts.iter().all(|c| *c == counts[0]), "{counts:?}");
    // JSON-LD is also what application/json means for a graph
    let json = sparql_get(&server, ZONES_GRAPH, "application/json");
    assert!(json.content_type().starts_with("application/ld+json"));

    let zone = column(
        &sparql_get(
            &server,
            "SELECT ?z WHERE { ?z a zk:Zone } LIMIT 1",
            "application/json",
        )
        .json(),
        "z",
    )
    .remove(0);
    let described = sparql_get(&server, &format!("DESCRIBE <{zone}>"), "text/turtle");
    assert_eq!(described.status, 200);
    assert!(described.body.contains("rdfs:label") || described.body.contains("label"));
}

/// How many triples rdflib (an independent parser) reads from `body`.
fn rdflib_count(body: &str, media: &str) -> usize {
    let dir = common::temp_dir();
    let file = dir.path().join("graph");
    std::fs::write(&file, body).unwrap();
    let format = match media {
        "text/turtle" => "turtle",
        "application/n-triples" => "nt",
        _ => "json-ld",
    };
    let script = "import rdflib, sys\ng = rdflib.Graph()\ng.parse(sys.argv[1], format=sys.argv[2])\nprint(len(g))";
    let out = run_ok(
        std::process::Command::new("python3")
            .args(["-c", script])
            .arg(&file)
            .arg(format),
    );
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn canned_queries_take_their_parameters_and_match_the_cli() {
    let server = Server::over_seeds(&[]);
    let r = get(
        &server.url(&format!(
            "/sparql?canned=leaders&zone={}",
            encode("岚溪高新区")
        )),
        "application/sparql-results+json",
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let zones = column(&r.json(), "zone");
    assert!(!zones.is_empty());
    assert!(
        zones.iter().all(|z| z == "岚溪高新技术产业开发区"),
        "{zones:?}"
    );

    let store = common::server::seeds_and_examples_store();
    let cli = stdout_json(&run_ok(
        zonekg()
            .args([
                "query",
                "leaders",
                "--param",
                "zone=岚溪高新区",
                "--format",
                "json",
            ])
            .arg("--store")
            .arg(&store),
    ));
    assert_eq!(r.json(), cli, "the endpoint and `zonekg query` differ");

    // an empty field is a parameter not given; an unknown one is an error
    let all = get(
        &server.url("/sparql?canned=leaders&zone="),
        "application/json",
    );
    assert!(column(&all.json(), "zone").len() > zones.len());
    let bad = get(&server.url("/sparql?canned=leaders&colour=red"), "*/*");
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("colour"), "{}", bad.body);
    let unknown = get(&server.url("/sparql?canned=nope"), "*/*");
    assert_eq!(unknown.status, 404);
    assert!(unknown.body.contains("leaders"), "{}", unknown.body);
}

#[test]
fn updates_are_refused_unless_allowed() {
    let server = Server::over_seeds(&[]);
    let insert = "INSERT DATA { <urn:x> rdfs:label \"x\" }";
    let form = reply(
        client()
            .post(server.url("/sparql"))
            .send_form([("update", insert)]),
    );
    assert_eq!(form.status, 403, "{}", form.body);
    assert!(form.body.contains("--allow-update"));
    let body = reply(
        client()
            .post(server.url("/sparql"))
            .header("Content-Type", "application/sparql-update")
            .send(insert),
    );
    assert_eq!(body.status, 403);
    let ask = sparql_get(&server, "ASK { <urn:x> ?p ?o }", "application/json");
    assert_eq!(ask.json()["boolean"], false);

    // allowed, on a copy of the store (opened for writing)
    let copy = common::temp_dir();
    copy_dir(&common::server::seeds_and_examples_store(), copy.path());
    let writable = Server::start(copy.path(), &["--allow-update"]);
    let done = reply(
        client()
            .post(writable.url("/sparql"))
            .header("Content-Type", "application/sparql-update")
            .send(insert),
    );
    assert_eq!(done.status, 204, "{}", done.body);
    assert_eq!(done.header("access-control-allow-origin"), None);
    let ask = sparql_get(
        &writable,
        "ASK { <urn:x> rdfs:label \"x\" }",
        "application/json",
    );
    assert_eq!(ask.json()["boolean"], true);
    let broken = reply(
        client()
            .post(writable.url("/sparql"))
            .send_form([("update", "INSERT DATA { <urn:x> }")]),
    );
    assert_eq!(broken.status, 400);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_syntax_error_is_a_400_with_line_and_column() {
    let server = Server::over_seeds(&[]);
    let r = sparql_get(&server, "SELECT ?s WHERE {\n  ?s ?p }", "application/json");
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("syntax error"), "{}", r.body);
    assert!(r.body.contains("2:"), "no line and column: {}", r.body);
    let canned = get(&server.url("/sparql?canned=leaders&zone=%22"), "*/*");
    assert_eq!(
        canned.status, 200,
        "a quote in a parameter is escaped: {}",
        canned.body
    );
}

#[test]
fn answers_beyond_max_rows_are_cut_and_say_so() {
    let server = Server::over_seeds(&["--max-rows", "3"]);
    let r = sparql_get(&server, LEADERS, "application/json");
    assert_eq!(r.status, 200);
    assert_eq!(column(&r.json(), "official").len(), 3);
    assert_eq!(r.header("x-results-truncated"), Some("max-rows=3"));
    let graph = sparql_get(&server, ZONES_GRAPH, "application/n-triples");
    assert_eq!(graph.body.lines().count(), 3);
    assert_eq!(graph.header("x-results-truncated"), Some("max-rows=3"));
    let small = sparql_get(
        &server,
        "SELECT ?x WHERE { VALUES ?x { 1 2 } }",
        "application/json",
    );
    assert_eq!(column(&small.json(), "x").len(), 2);
    assert_eq!(small.header("x-results-truncated"), None);
    let page = sparql_get(&server, LEADERS, "text/html");
    assert!(
        page.body.contains("结果已截断"),
        "the page says nothing of the cut"
    );
}

#[test]
fn a_heavy_query_is_cut_at_the_timeout_and_the_server_goes_on() {
    let timeout = 2.0;
    let server = Server::over_seeds(&["--timeout", "2"]);
    let started = Instant::now();
    let r = sparql_get(&server, HEAVY, "application/json");
    let took = started.elapsed();
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("timeout"), "{}", r.body);
    assert!(
        took < Duration::from_secs_f64(timeout + 2.0),
        "answered after {took:?}, more than the timeout + 2 s"
    );
    // the server still answers, and stops cleanly (the cancelled query's thread joined)
    let after = get(&server.url("/sparql?canned=leaders"), "application/json");
    assert_eq!(after.status, 200);
    let status = server.stop(Duration::from_secs(20));
    assert!(
        status.is_some_and(|s| s.success()),
        "the server did not stop cleanly: {status:?}"
    );
}

#[test]
fn a_browser_asking_sparql_gets_the_editor_and_a_table() {
    let server = Server::over_seeds(&[]);
    let html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    let editor = get(&server.url("/sparql"), html);
    assert_eq!(editor.status, 200);
    assert!(editor.body.contains("SPARQL 查询") && editor.body.contains("leaders"));
    let table = sparql_get(&server, LEADERS, html);
    assert!(table.content_type().starts_with("text/html"));
    assert!(table.body.contains("<table>") && table.body.contains("邵明远"));
    let error = sparql_get(&server, "SELECT ?s WHERE {", html);
    assert_eq!(error.status, 400);
    assert!(error.body.contains("查询失败"));
    let none = get(&server.url("/sparql"), "application/json");
    assert_eq!(none.status, 400);
}
