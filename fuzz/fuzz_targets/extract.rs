//! Extraction on normalized text: the whole pipeline on a plain-text report. Must not
//! panic; every fact's evidence must be a sentence of the text at its stated span.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = zonekg::normalize::normalize(data, "fuzz.txt") else {
        return;
    };
    let report = zonekg::extract::extract(&doc, "fuzz.txt");
    let chars: Vec<char> = doc.text.as_str().chars().collect();
    for e in report.evidence() {
        assert!(e.start <= e.end && e.end <= chars.len(), "{e:?}");
        let sentence: String = chars[e.start..e.end].iter().collect();
        assert_eq!(sentence, e.sentence);
        assert!(e.raw_start <= e.raw_end && e.raw_end <= data.len(), "{e:?}");
    }
});
