//! Normalization of any bytes: decoding (UTF-8, UTF-16, GBK, Big5 …), HTML when the
//! bytes look like a page, mojibake, widths, pinyin, hanzi, lines, meta, boilerplate.
//! Must not panic, and every offset must lead back into the input, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = zonekg::normalize::normalize(data, "fuzz.txt") else {
        return;
    };
    let text = &doc.text;
    let mut last = 0;
    for i in (0..=text.len()).filter(|&i| text.as_str().is_char_boundary(i)) {
        let raw = text.raw_offset(i);
        assert!(raw <= data.len(), "offset {i} maps past the input");
        assert!(raw >= last, "offset {i} maps before the one ahead of it");
        last = raw;
    }
});
