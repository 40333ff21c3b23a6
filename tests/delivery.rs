//! The same report delivered differently yields the same facts.
//!
//! Reports reach us as UTF-8 or GBK, plain text or an HTML page, with LF or CRLF line
//! ends. For every seed report (read from `../shared/seeds` at test time) and every
//! example, this builds those deliveries from the plain text and checks that
//! `zonekg::process` finds the same officials and posts, meetings, goals, achievements
//! and tasks in each. Evidence, source name and title are left out of the comparison:
//! offsets rightly differ between deliveries.

use serde_json::Value;
use std::path::{Path, PathBuf};

fn shared_seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

/// Plain UTF-8 texts with LF line ends: (name, text).
fn seeds() -> Vec<(String, String)> {
    let dir = shared_seeds();
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("seed reports are needed at {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("seeds are UTF-8");
            (file_name(&p), text.replace("\r\n", "\n"))
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no seed reports in {}", dir.display());
    out
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// The facts of a report as sorted JSON lists, without evidence.
fn facts(bytes: &[u8], name: &str) -> Vec<(&'static str, Vec<String>)> {
    let report = zonekg::process(bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let value = serde_json::to_value(&report).unwrap();
    ["officials", "meetings", "goals", "achievements", "tasks"]
        .into_iter()
        .map(|key| {
            let mut items: Vec<String> = value[key]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(|mut v| {
                    drop_evidence(&mut v);
                    v.to_string()
                })
                .collect();
            items.sort();
            (key, items)
        })
        .collect()
}

fn drop_evidence(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("evidence");
            map.values_mut().for_each(drop_evidence);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_evidence),
        _ => {}
    }
}

/// GBK bytes of `text`, or `None` where GBK has no code for some character (emoji,
/// some rare characters): such a text is never delivered in GBK.
fn gbk(text: &str) -> Option<Vec<u8>> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text as a government web page: each line a `<p>`, inside navigation, a header,
/// share links and a footer with the ICP and copyright lines.
fn html_page(text: &str) -> String {
    let mut page = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政务动态</title>\n\
         <script>var site = {name: \"门户网站\"};</script></head>\n<body>\n\
         <div class=\"header\"><a href=\"/\">无障碍浏览</a> <a href=\"/\">长者模式</a></div>\n\
         <ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li>\
         <li><a href=\"/xwzx/\">新闻中心</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul>\n\
         <div class=\"article\">\n",
    );
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        page.push_str("<p>");
        page.push_str(&escape(line.trim()));
        page.push_str("</p>\n");
    }
    page.push_str(
        "</div>\n<div class=\"share\">分享到：<a>微信</a> <a>微博</a></div>\n\
         <div class=\"footer\"><p>版权所有：门户网站管理中心</p>\
         <p><a href=\"https://beian.miit.gov.cn/\">浙ICP备31415926号-1</a> 浙公网安备 33999902000271号</p></div>\n\
         </body></html>\n",
    );
    page
}

/// Compares every delivery of `text` with the plain UTF-8 text, which must give facts:
/// two empty results would agree and prove nothing.
fn assert_same_facts_in_every_delivery(name: &str, text: &str) {
    let plain = facts(text.as_bytes(), name);
    assert_some_facts(name, &plain);
    let mut deliveries: Vec<(&str, Vec<u8>)> = vec![
        ("CRLF", text.replace('\n', "\r\n").into_bytes()),
        ("HTML", html_page(text).into_bytes()),
    ];
    match gbk(text) {
        Some(bytes) => deliveries.push(("GBK", bytes)),
        None => eprintln!("{name}: not encodable in GBK, GBK delivery skipped"),
    }
    for (how, bytes) in deliveries {
        let got = facts(&bytes, name);
        for ((key, want), (_, have)) in plain.iter().zip(&got) {
            assert_eq!(have, want, "{name} delivered as {how}: {key} differ");
        }
    }
}

fn assert_some_facts(name: &str, facts: &[(&str, Vec<String>)]) {
    assert!(
        facts.iter().any(|(_, items)| !items.is_empty()),
        "{name} gave no facts at all: the deliveries are compared with nothing"
    );
}

#[test]
fn seeds_give_the_same_facts_in_every_delivery() {
    for (name, text) in seeds() {
        assert_same_facts_in_every_delivery(&name, &text);
    }
}

/// Example files as plain UTF-8 with LF, decoding the GBK one; the HTML example is
/// already a delivery and has no plain original.
fn plain_examples() -> Vec<(String, Vec<u8>, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut out: Vec<(String, Vec<u8>, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let raw = std::fs::read(&p).unwrap();
            let text = match std::str::from_utf8(&raw) {
                Ok(t) => t.to_string(),
                Err(_) => {
                    let (t, had_errors) = encoding_rs::GBK.decode_without_bom_handling(&raw);
                    assert!(!had_errors, "{} is neither UTF-8 nor GBK", p.display());
                    t.into_owned()
                }
            };
            (file_name(&p), raw, text.replace("\r\n", "\n"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn examples_give_the_same_facts_in_every_delivery() {
    let examples = plain_examples();
    assert!(examples.len() >= 7);
    // a template of `XX` placeholders is there to yield no facts (tests/robustness.rs
    // checks that it does): its deliveries would compare nothing with nothing
    let factless = "07_template_placeholders.txt";
    assert!(examples.iter().any(|(name, _, _)| name == factless));
    for (name, raw, text) in examples.iter().filter(|(name, _, _)| name != factless) {
        assert_same_facts_in_every_delivery(name, text);
        // The file as shipped (GBK, CRLF) against its plain UTF-8 text (which gave facts).
        assert_eq!(
            facts(raw, name),
            facts(text.as_bytes(), name),
            "{name} as shipped"
        );
    }
}
