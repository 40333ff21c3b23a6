//! Normalization on the real seed reports (read from `../shared`, never copied): the
//! publication date and title must come out as the gold files give them, and every
//! offset must stay inside the raw input, in order.

mod common;

/// Each seed's file name and raw bytes with its gold file.
fn seeds() -> Vec<(String, Vec<u8>, serde_json::Value)> {
    let seeds: Vec<_> = common::seed_files()
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let gold = common::read_json(&common::gold_dir().join(format!("{stem}.json")));
            (name, std::fs::read(&path).unwrap(), gold)
        })
        .collect();
    assert!(!seeds.is_empty(), "no seed reports found");
    seeds
}

/// Decoding and the meta stage alone already find the dates: they need no simplification.
#[test]
fn information_lines_give_gold_dates() {
    use zonekg::normalize::{encoding, meta::Meta, Normalizer};
    for (name, raw, gold) in seeds() {
        let mut doc = encoding::decode(&raw, &name).unwrap();
        Meta.normalize(&mut doc);
        assert_eq!(
            doc.published.as_deref(),
            gold["published"].as_str(),
            "{name}"
        );
    }
}

#[test]
fn publication_dates_match_gold() {
    let seeds = seeds();
    let mut dated = 0;
    for (name, raw, gold) in &seeds {
        let doc = zonekg::normalize::normalize(raw, name).unwrap();
        let want = gold["published"].as_str();
        assert_eq!(doc.published.as_deref(), want, "{name}");
        dated += usize::from(want.is_some());
    }
    // the seeds with an information line are read, not just the undated ones
    assert!(dated >= 2);
}

#[test]
fn titles_match_gold() {
    for (name, raw, gold) in seeds() {
        let doc = zonekg::normalize::normalize(&raw, &name).unwrap();
        assert_eq!(doc.title.as_deref(), gold["title"].as_str(), "{name}");
    }
}

#[test]
fn decoded_seeds_map_every_char_back_to_its_bytes() {
    for (name, raw, _) in seeds() {
        let doc = zonekg::normalize::encoding::decode(&raw, &name).unwrap();
        assert_eq!(doc.encoding, "UTF-8", "{name}");
        assert!(!doc.is_html, "{name}");
        let text = doc.text.as_str();
        let mut last = 0;
        for (i, c) in text.char_indices() {
            let r = doc.text.raw_range(i..i + c.len_utf8());
            assert!(r.start >= last && r.end <= raw.len(), "{name} at {i}");
            last = r.start;
            if c != '\u{FFFD}' {
                assert_eq!(&raw[r], c.to_string().as_bytes(), "{name} at {i}");
            }
        }
    }
}

#[test]
fn normalized_seed_offsets_stay_in_order_and_in_bounds() {
    for (name, raw, _) in seeds() {
        let doc = zonekg::normalize::normalize(&raw, &name).unwrap();
        let len = doc.text.len();
        let offsets: Vec<usize> = (0..=len).map(|i| doc.text.raw_offset(i)).collect();
        assert!(offsets.iter().all(|&o| o <= raw.len()), "{name}");
        assert!(offsets.windows(2).all(|w| w[0] <= w[1]), "{name}");
    }
}
