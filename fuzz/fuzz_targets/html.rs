//! The HTML path: any bytes read as a web page (`.html`), then extracted. Must not panic,
//! whatever the nesting, entities, encodings or broken tags.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(processed) = zonekg::process_limited(data, "fuzz.html", &zonekg::Limits::default()) {
        for e in processed.report.evidence() {
            assert!(e.raw_start <= e.raw_end && e.raw_end <= data.len(), "{e:?}");
        }
    }
});
