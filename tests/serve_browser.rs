//! `zonekg serve`, the explorer, as a reader sees it: pages rendered by headless
//! Chromium (Debian's `chromium`, installed by `scripts/setup --tests`; these tests fail
//! when it is missing). What each page must show is read from the store by the CLI
//! (`zonekg analyze timeline`), not written here.

mod common;

use common::server::{encode, rendered_dom, screenshot, target_dir, Server};
use common::{run_ok, stdout_json, zonekg};

/// `zonekg analyze timeline --zone ZONE --format json` on the test store.
fn timeline(zone: &str) -> serde_json::Value {
    stdout_json(&run_ok(
        zonekg()
            .args(["analyze", "timeline", "--zone", zone, "--format", "json"])
            .arg("--store")
            .arg(common::server::seeds_and_examples_store()),
    ))
}

fn verdict_zh(v: &str) -> &'static str {
    match v {
        "met" => "达成",
        "missed" => "未达成",
        _ => "未知",
    }
}

#[test]
fn the_home_page_lists_zones_and_their_leaders() {
    let server = Server::over_seeds(&[]);
    let dom = rendered_dom(&server.url("/"));
    let tl = timeline("岚溪高新区");
    assert!(
        dom.contains(tl["zone"].as_str().unwrap()),
        "zone missing:\n{dom}"
    );
    for post in tl["posts"].as_array().unwrap() {
        for holder in post["holders"].as_array().unwrap() {
            let name = holder["official"].as_str().unwrap();
            assert!(dom.contains(name), "leader {name} missing from /");
        }
    }
    // a search narrows the lists
    let searched = rendered_dom(&server.url(&format!("/?q={}", encode("柘川"))));
    assert!(searched.contains("柘川区"));
    assert!(!searched.contains(tl["zone"].as_str().unwrap()));
}

#[test]
fn a_zone_page_shows_its_leaders_verdicts_and_sentences() {
    let server = Server::over_seeds(&[]);
    // the short name resolves to the zone
    let url = server.url(&format!("/zone/{}", encode("岚溪高新区")));
    let dom = rendered_dom(&url);
    let tl = timeline("岚溪高新区");
    assert!(dom.contains(&format!("<h1>{}</h1>", tl["zone"].as_str().unwrap())));
    let mut leaders = 0;
    for post in tl["posts"].as_array().unwrap() {
        assert!(dom.contains(post["post"].as_str().unwrap()));
        for holder in post["holders"].as_array().unwrap() {
            assert!(dom.contains(holder["official"].as_str().unwrap()));
            if let Some(first) = holder["first_seen"].as_str() {
                assert!(dom.contains(first), "first date {first} missing");
            }
            let sentence = holder["source"]["sentence"].as_str().unwrap_or("");
            assert!(
                sentence.is_empty() || dom.contains(&html_text(sentence)),
                "the sentence behind a post is missing: {sentence}"
            );
            leaders += 1;
        }
    }
    assert!(leaders > 0);
    let goals = tl["goals"].as_array().unwrap();
    assert!(!goals.is_empty(), "the test zone has goals");
    for g in goals {
        let label = verdict_zh(g["verdict"].as_str().unwrap());
        assert!(dom.contains(&format!(
            "verdict {}\">{label}<",
            g["verdict"].as_str().unwrap()
        )));
        let said = g["goal"]["source"]["sentence"].as_str().unwrap();
        assert!(
            dom.contains(&html_text(said)),
            "goal sentence missing: {said}"
        );
    }
    assert!(
        dom.contains("href=\"/evidence?s="),
        "facts do not link to their sentences"
    );
    screenshot(
        &url,
        &target_dir().join("serve-screenshots/zone.png"),
        1280,
        2000,
    );
    screenshot(
        &url,
        &target_dir().join("serve-screenshots/zone-phone.png"),
        390,
        1600,
    );
}

/// Text as the rendered DOM writes it (Chromium escapes only `&`, `<` and `>` in text).
fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn an_official_page_shows_posts_meetings_and_namesakes() {
    let server = Server::over_seeds(&[]);
    let tl = timeline("岚溪高新区");
    let name = tl["posts"][0]["holders"][0]["official"].as_str().unwrap();
    let url = server.url(&format!("/official/{}", encode(name)));
    let dom = rendered_dom(&url);
    assert!(dom.contains(&format!("<h1>{name}</h1>")));
    assert!(dom.contains(tl["posts"][0]["post"].as_str().unwrap()));
    assert!(dom.contains(tl["zone"].as_str().unwrap()));
    assert!(
        dom.contains("class=\"sentence\""),
        "no sentence on the page"
    );
    assert!(dom.contains("参加的会议"));
    screenshot(
        &url,
        &target_dir().join("serve-screenshots/official.png"),
        1280,
        1400,
    );

    // two people called 韩立群 in two zones (examples/README.md): both, never merged
    let dom = rendered_dom(&server.url(&format!("/official/{}", encode("韩立群"))));
    assert!(dom.contains("可能是同一人"), "namesakes not flagged");
    assert_eq!(dom.matches("<h2 class=\"person\">").count(), 2);
}

#[test]
fn the_evidence_graph_and_editor_pages_render() {
    let server = Server::over_seeds(&[]);
    let zone = rendered_dom(&server.url(&format!("/zone/{}", encode("岚溪高新区"))));
    let link = zone
        .split("href=\"/evidence?s=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("an evidence link");
    let evidence =
        rendered_dom(&server.url(&format!("/evidence?s={}", link.replace("&amp;", "&"))));
    assert!(evidence.contains("原文出处") && evidence.contains("由此句得出的事实"));
    let graph = rendered_dom(&server.url("/graph"));
    assert!(graph.contains("<svg") && graph.contains("<circle") && graph.contains("<rect"));
    screenshot(
        &server.url("/graph"),
        &target_dir().join("serve-screenshots/graph.png"),
        1280,
        1000,
    );
    let editor = rendered_dom(&server.url("/sparql?canned=leaders"));
    assert!(editor.contains("<textarea") && editor.contains("<table>"));
}
