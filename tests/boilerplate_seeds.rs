//! Normalization on the real seed reports (read from `../shared`, never copied): the
//! boilerplate stage keeps every line holding a gold fact and drops the site footers;
//! no pinyin annotation or annotation debris survives the pipeline.
//!
//! Set `ZONEKG_DUMP=1` to print each seed's normalized text.
//!
//! Like every test on `../shared`, these fail when it is missing (see `tests/common`).

mod common;

use regex::Regex;
use serde_json::Value;
use zonekg::normalize::{self, Document};

/// Each seed's name, raw bytes and gold report; every seed has a gold report.
fn seeds() -> Vec<(String, Vec<u8>, Value)> {
    common::seed_files()
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let gold = common::read_json(&common::gold_dir().join(format!("{stem}.json")));
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (stem, bytes, gold)
        })
        .collect()
}

/// The document after every stage but boilerplate, and after all of them.
fn before_and_after(bytes: &[u8], name: &str) -> (Document, Document) {
    let mut doc = normalize::encoding::decode(bytes, name).expect("decodable seed");
    for stage in normalize::pipeline() {
        if stage.name() == "boilerplate" {
            break;
        }
        stage.normalize(&mut doc);
    }
    let before = doc.clone();
    for stage in normalize::pipeline()
        .iter()
        .skip_while(|s| s.name() != "boilerplate")
    {
        stage.normalize(&mut doc);
    }
    (before, doc)
}

/// The strings a gold report's facts are written with: names, and values with units.
fn fact_strings(gold: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let list = |key: &str| gold[key].as_array().cloned().unwrap_or_default();
    for o in list("officials") {
        out.extend(o["name"].as_str().map(str::to_string));
    }
    for m in list("meetings") {
        for p in m["participants"].as_array().into_iter().flatten() {
            out.extend(p["name"].as_str().map(str::to_string));
        }
    }
    for f in list("goals").into_iter().chain(list("achievements")) {
        if let (Some(v), Some(u)) = (f["value"].as_number(), f["unit"].as_str()) {
            out.push(format!("{v}{u}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn lines_with_gold_facts_survive_boilerplate_removal() {
    let seeds = seeds();
    let mut checked = 0;
    for (name, bytes, gold) in &seeds {
        let (before, after) = before_and_after(bytes, name);
        if std::env::var_os("ZONEKG_DUMP").is_some() {
            eprintln!("==== {name}\n{}", after.text.as_str());
        }
        let kept: std::collections::HashSet<&str> = after.text.as_str().lines().collect();
        for fact in fact_strings(gold) {
            for line in before.text.as_str().lines().filter(|l| l.contains(&fact)) {
                assert!(
                    kept.contains(line),
                    "{name}: line with `{fact}` was dropped: {line}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no gold fact found in any seed text");
}

#[test]
fn site_footers_are_gone() {
    for (name, bytes, _) in seeds() {
        let (_, after) = before_and_after(&bytes, &name);
        for line in after.text.as_str().lines() {
            for marker in [
                "ICP",
                "版权所有",
                "Notice:",
                "特别声明",
                "公网安备",
                "举报电话",
            ] {
                assert!(!line.contains(marker), "{name}: footer line kept: {line}");
            }
        }
    }
}

#[test]
fn no_pinyin_annotation_or_debris_survives() {
    let toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";
    let annotation =
        Regex::new(&format!(r"\p{{Han}}\s?\([a-zü{toned}]*[{toned}][a-zü]*\)")).unwrap();
    let debris = Regex::new(&format!(r"\?[a-zü]*[{toned}][a-zü]*\)")).unwrap();
    for (name, bytes, _) in seeds() {
        let doc = normalize::normalize(&bytes, &name).expect("decodable seed");
        let text = doc.text.as_str();
        assert!(
            !annotation.is_match(text),
            "{name}: {:?}",
            annotation.find(text)
        );
        assert!(!debris.is_match(text), "{name}: {:?}", debris.find(text));
    }
}
