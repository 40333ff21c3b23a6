//! Raw bytes to text: the first step of normalization.
//!
//! The encoding is found in this order: a byte-order mark (UTF-8, UTF-16); the charset
//! an HTTP header declared, when the bytes decode cleanly in it
//! ([`decode_with_charset`]); valid UTF-8; the charset a page declares in its head
//! (`<meta>`, an XML prolog); then statistical detection (`chardetng`), which tells GBK
//! from Big5. Files that are images, PDFs or archives are refused rather
//! than read as garbage; text that is merely damaged decodes with replacement chars.
//!
//! Every byte of the decoded text is mapped to the raw byte offset of the char it came
//! from, so evidence can point into the file the user has.

use super::{Document, MappedText};
use crate::error::ReadError;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, BIG5, GB18030, GBK, UTF_16BE, UTF_16LE, UTF_8};

/// A page must declare its charset this early (the HTML standard says 1024 bytes;
/// real pages are sloppier).
const DECLARATION_WINDOW: usize = 2048;
/// How much of the input detection and the binary check look at: enough to decide,
/// little enough that a huge file costs nothing extra.
const SAMPLE_LEN: usize = 64 * 1024;
/// How much of the decoded text is looked at to decide whether it is HTML.
const HTML_SNIFF_LEN: usize = 4096;

/// Decodes `bytes` into a [`Document`]; `name_hint` (file name or URL) helps tell HTML.
pub fn decode(bytes: &[u8], name_hint: &str) -> Result<Document, ReadError> {
    decode_with_charset(bytes, name_hint, None)
}

/// Decodes `bytes` as [`decode`] does, trusting first the charset `transport_charset`
/// (the label of an HTTP `Content-Type` header) when it is UTF-8 or a Chinese legacy
/// encoding and the bytes decode in it without error: a server's header outranks the
/// page's own `<meta>`, as in browsers. A single-byte label (`ISO-8859-1`, a common
/// server default) decodes anything and proves nothing, so it is not trusted.
pub fn decode_with_charset(
    bytes: &[u8],
    name_hint: &str,
    transport_charset: Option<&str>,
) -> Result<Document, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if let Some(kind) = binary_magic(bytes) {
        return Err(ReadError::Binary(kind));
    }
    let transport = transport_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .and_then(|enc| decode_transport_declared(enc, bytes).map(|text| (enc, text)));
    let (encoding, text) = match (Encoding::for_bom(bytes), transport) {
        (Some((enc, bom_len)), _) => (enc, decode_as(enc, bytes, bom_len)),
        (None, Some(declared)) => declared,
        (None, None) => decode_unmarked(bytes)?,
    };
    if text.as_str().trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let is_html = looks_like_html(text.as_str(), name_hint);
    Ok(Document {
        text,
        is_html,
        encoding: encoding.name(),
        ..Document::default()
    })
}

/// The kind of a file that starts with a well-known binary signature.
fn binary_magic(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF-", "PDF document"),
        (b"PK\x03\x04", "ZIP archive or Office document"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "legacy Office document",
        ),
        (b"\x1F\x8B", "gzip archive"),
        (b"Rar!\x1A\x07", "RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "7z archive"),
        (b"\x7FELF", "executable"),
        (b"BM", "BMP image"),
    ];
    MAGIC.iter().find_map(|&(magic, kind)| {
        // `BM` is too short to trust alone: a BMP header has its file size next.
        let plausible = magic != b"BM" || bytes.len() >= 26 && bytes[6..10] == [0; 4];
        (bytes.starts_with(magic) && plausible).then_some(kind)
    })
}

/// Decodes input without a byte-order mark.
fn decode_unmarked(bytes: &[u8]) -> Result<(&'static Encoding, MappedText), ReadError> {
    let sample = &bytes[..bytes.len().min(SAMPLE_LEN)];
    let (nul, control) = nul_and_control_count(sample);
    if nul == 0 && control * 20 <= sample.len() {
        // the common case, valid UTF-8 without NULs: one validation, no statistics
        if let Some(text) = valid_utf8(bytes) {
            return Ok((UTF_8, MappedText::identity(text.to_owned())));
        }
    }
    if nul > 0 {
        if let Some(enc) = unmarked_utf16(sample) {
            let text = decode_as(enc, bytes, 0);
            if !text.as_str().contains('\u{FFFD}') {
                return Ok((enc, text));
            }
        }
    }
    if nul * 100 > sample.len() || control * 20 > sample.len() {
        return Err(ReadError::Binary("data with NUL or control bytes"));
    }
    Ok(decode_legacy(bytes))
}

/// `bytes` decoded in the encoding a transport header declared, if it is one to trust
/// (UTF-8 or Chinese legacy), the bytes look like text and decode without error.
fn decode_transport_declared(enc: &'static Encoding, bytes: &[u8]) -> Option<MappedText> {
    let sample = &bytes[..bytes.len().min(SAMPLE_LEN)];
    let (nul, control) = nul_and_control_count(sample);
    if nul > 0 || control * 20 > sample.len() {
        return None;
    }
    if enc == UTF_8 {
        return valid_utf8(bytes).map(|text| MappedText::identity(text.to_owned()));
    }
    if !is_chinese_legacy(enc) {
        return None;
    }
    let (_, had_errors) = enc.decode_without_bom_handling(bytes);
    (!had_errors).then(|| decode_as(enc, bytes, 0))
}

/// How many bytes of `sample` are NULs, and how many are control bytes that text files
/// do not contain: all below 0x20 except tab, newlines, form feed (0x09–0x0D) and escape
/// (0x1B, used by ISO-2022).
fn nul_and_control_count(sample: &[u8]) -> (usize, usize) {
    // byte-wide counters over blocks short enough not to overflow them (and a multiple
    // of the vector width): the loop vectorizes to 16 or 32 bytes a step
    const BLOCK: usize = 224;
    let (mut nul, mut control) = (0, 0);
    for block in sample.chunks(BLOCK) {
        let (mut n, mut c) = (0u8, 0u8);
        for &b in block {
            n += u8::from(b == 0);
            c += u8::from(b < 0x20) - u8::from(b.wrapping_sub(0x09) < 5) - u8::from(b == 0x1B);
        }
        nul += usize::from(n);
        control += usize::from(c);
    }
    (nul, control)
}

/// UTF-16 without a BOM shows as NULs in every other byte when the text has ASCII.
fn unmarked_utf16(sample: &[u8]) -> Option<&'static Encoding> {
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    // ASCII in UTF-16LE is `x 0`: the zero sits at the odd index.
    if odd * 4 >= pairs && even * 20 < odd {
        Some(UTF_16LE)
    } else if even * 4 >= pairs && odd * 20 < even {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes bytes that are not marked: UTF-8 if they are UTF-8 (or nearly so), else the
/// declared or detected Chinese legacy encoding, whichever leaves fewer holes.
fn decode_legacy(bytes: &[u8]) -> (&'static Encoding, MappedText) {
    let utf8 = Utf8Stats::of(bytes);
    // Valid UTF-8 wins over any declaration: pages are often re-saved without
    // their meta tag being updated. A few broken sequences among many good ones are
    // damage, not another encoding.
    if utf8.invalid == 0 || utf8.multibyte >= 8 * utf8.invalid {
        return (UTF_8, decode_as(UTF_8, bytes, 0));
    }
    let mut candidates: Vec<&'static Encoding> = Vec::with_capacity(2);
    if let Some(enc) = declared_charset(bytes).filter(|e| supported_declared(e)) {
        candidates.push(enc);
    }
    let detected = detect(bytes);
    if is_chinese_legacy(detected) && !candidates.contains(&detected) {
        candidates.push(detected);
    }
    let mut best: Option<(&'static Encoding, usize)> = None;
    for enc in candidates {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            return (enc, decode_as(enc, bytes, 0));
        }
        let holes = text.matches('\u{FFFD}').count();
        if best.is_none_or(|(_, h)| holes < h) {
            best = Some((enc, holes));
        }
    }
    match best {
        Some((enc, holes)) if holes <= utf8.invalid => (enc, decode_as(enc, bytes, 0)),
        _ => (UTF_8, decode_as(UTF_8, bytes, 0)),
    }
}

/// `bytes` as text if they are well-formed UTF-8. Mostly-Han text is three bytes a char,
/// where std's validator steps char by char; `simdutf8` checks whole vectors at a time
/// (and answers exactly the same).
fn valid_utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Counts of well-formed multi-byte chars and ill-formed sequences, read as UTF-8.
struct Utf8Stats {
    multibyte: usize,
    invalid: usize,
}

impl Utf8Stats {
    fn of(bytes: &[u8]) -> Utf8Stats {
        let mut stats = Utf8Stats {
            multibyte: 0,
            invalid: 0,
        };
        for chunk in bytes.utf8_chunks() {
            // Continuation bytes are 0b10xx_xxxx; every other non-ASCII byte starts a char.
            stats.multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
            stats.invalid += usize::from(!chunk.invalid().is_empty());
        }
        stats
    }
}

/// The encoding a page or XML prolog declares near its start, if any.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(DECLARATION_WINDOW)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&head[from..], b"charset").map(|i| from + i) {
        from = at + b"charset".len();
        if let Some(enc) = label_after(&head[from..]) {
            return Some(enc);
        }
    }
    if head.starts_with(b"<?xml") {
        let prolog_end = find(&head, b"?>").unwrap_or(head.len());
        let at = find(&head[..prolog_end], b"encoding")?;
        return label_after(&head[at + b"encoding".len()..prolog_end]);
    }
    None
}

/// The encoding named by `= "label"` at the start of `s`.
fn label_after(s: &[u8]) -> Option<&'static Encoding> {
    let s = trim_ascii_start(s).strip_prefix(b"=")?;
    let s = trim_ascii_start(s);
    let s = s.strip_prefix(b"\"").or(s.strip_prefix(b"'")).unwrap_or(s);
    let len = s
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(s.len());
    Encoding::for_label(&s[..len])
}

fn trim_ascii_start(s: &[u8]) -> &[u8] {
    let skip = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[skip..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A declared charset is trusted if we can map its offsets: the Chinese multi-byte
/// encodings and the single-byte ones. A declared UTF-16 on unmarked bytes is a lie
/// browsers also ignore.
fn supported_declared(enc: &'static Encoding) -> bool {
    is_chinese_legacy(enc) || enc.is_single_byte()
}

fn is_chinese_legacy(enc: &'static Encoding) -> bool {
    enc == GBK || enc == GB18030 || enc == BIG5
}

/// What `chardetng` makes of the start of the input.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(SAMPLE_LEN)];
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, Utf8Detection::Allow)
}

/// Decodes `bytes[skip..]` (`skip` is the BOM's length) as `enc`, mapping each char to
/// the raw offset of the bytes it came from.
fn decode_as(enc: &'static Encoding, bytes: &[u8], skip: usize) -> MappedText {
    let body = &bytes[skip..];
    if enc == UTF_8 {
        return map_utf8(body, skip);
    }
    let (text, _) = enc.decode_without_bom_handling(body);
    let text = text.into_owned();
    if enc == UTF_16LE || enc == UTF_16BE {
        map_by_units(bytes, skip, text, |_, c| 2 * c.len_utf16())
    } else if enc == BIG5 {
        map_by_units(bytes, skip, text, big5_unit)
    } else if enc == GBK || enc == GB18030 {
        map_by_units(bytes, skip, text, gb18030_unit)
    } else {
        // single-byte encodings: one byte, one char
        map_by_units(bytes, skip, text, |_, _| 1)
    }
}

/// UTF-8 (possibly damaged): valid runs map byte for byte, each ill-formed sequence
/// becomes one U+FFFD standing for its bytes.
fn map_utf8(body: &[u8], skip: usize) -> MappedText {
    if let Some(s) = valid_utf8(body) {
        return MappedText::identity_from(s.to_owned(), skip);
    }
    let mut text = String::with_capacity(body.len() + 16);
    let mut origins = Vec::with_capacity(body.len() + 16);
    let mut at = skip;
    for chunk in body.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        origins.extend(at as u32..(at + valid.len()) as u32);
        at += valid.len();
        if !chunk.invalid().is_empty() {
            text.push('\u{FFFD}');
            origins.extend(std::iter::repeat_n(at as u32, '\u{FFFD}'.len_utf8()));
            at += chunk.invalid().len();
        }
    }
    origins.push(at as u32);
    MappedText::from_parts(text, origins)
}

/// Maps decoded `text` onto `bytes[skip..]`, where `unit(rest, c)` tells how many raw
/// bytes at the start of `rest` the decoder turned into char `c`.
fn map_by_units(
    bytes: &[u8],
    skip: usize,
    text: String,
    unit: fn(&[u8], char) -> usize,
) -> MappedText {
    let mut origins = Vec::with_capacity(text.len() + 1);
    let mut pos = skip;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let at = pos.min(bytes.len());
        origins.extend(std::iter::repeat_n(at as u32, c.len_utf8()));
        // Four Big5 codes decode to a letter plus a combining mark: the mark shares
        // the letter's two bytes.
        let shares_bytes = matches!(c, '\u{CA}' | '\u{EA}')
            && matches!(chars.peek(), Some('\u{304}' | '\u{30C}'))
            && bytes.get(at) == Some(&0x88);
        if shares_bytes {
            let mark = chars.next().unwrap_or_default();
            origins.extend(std::iter::repeat_n(at as u32, mark.len_utf8()));
        }
        pos = at + unit(&bytes[at..], c).max(1);
    }
    origins.push(bytes.len() as u32);
    MappedText::from_parts(text, origins)
}

/// Bytes of one GBK/GB18030 char (WHATWG gb18030 decoder): ASCII, two bytes (lead
/// 0x81–0xFE, trail 0x40–0xFE), or four (lead, digit, 0x81–0xFE, digit). On an error
/// with an ASCII byte after the lead, only the lead is consumed.
fn gb18030_unit(rest: &[u8], c: char) -> usize {
    let lead = rest[0];
    if !(0x81..=0xFE).contains(&lead) {
        return 1;
    }
    let Some(&second) = rest.get(1) else {
        return rest.len();
    };
    if second.is_ascii_digit() {
        return match (rest.get(2), rest.get(3)) {
            (Some(0x81..=0xFE), Some(b'0'..=b'9')) => 4,
            (Some(0x81..=0xFE), None) | (None, _) => rest.len(),
            _ => 1,
        };
    }
    if c == '\u{FFFD}' && second < 0x80 {
        1
    } else {
        2
    }
}

/// Bytes of one Big5 char: ASCII or a lead 0x81–0xFE with its trail byte; on an error
/// with an ASCII trail, only the lead is consumed.
fn big5_unit(rest: &[u8], c: char) -> usize {
    let lead = rest[0];
    if !(0x81..=0xFE).contains(&lead) {
        return 1;
    }
    match rest.get(1) {
        None => 1,
        Some(&second) if c == '\u{FFFD}' && second < 0x80 => 1,
        Some(_) => 2,
    }
}

/// Whether decoded text is an HTML page: by its name, its first tag, or tags that only
/// HTML has near its start.
fn looks_like_html(text: &str, name_hint: &str) -> bool {
    let name = name_hint.to_ascii_lowercase();
    let name = name.split(['?', '#']).next().unwrap_or("");
    if [".html", ".htm", ".shtml", ".xhtml"]
        .iter()
        .any(|ext| name.ends_with(ext))
    {
        return true;
    }
    let mut end = text.len().min(HTML_SNIFF_LEN);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // every sign below is a tag: a head without `<` (a plain report) has none
    if memchr::memchr(b'<', &text.as_bytes()[..end]).is_none() {
        return false;
    }
    let head = text[..end]
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || ["<body", "<head", "<p>", "<div", "<meta "]
            .iter()
            .any(|tag| head.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exactly_the_binary_control_bytes() {
        let all: Vec<u8> = (0..=255).collect();
        let expected = all
            .iter()
            .filter(|&&b| matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F))
            .count();
        assert_eq!(nul_and_control_count(&all), (1, expected));
        assert_eq!(nul_and_control_count("某区\t\r\n\x1b".as_bytes()), (0, 0));
        // counts carry over the blocks the counting works in
        let long = [0u8, 0x01, b'a'].repeat(1000);
        assert_eq!(nul_and_control_count(&long), (1000, 2000));
    }

    #[test]
    fn validation_agrees_with_std() {
        let long = "某某区召开会议,完成投资12亿元。".repeat(20);
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"plain".to_vec(),
            long.clone().into_bytes(),
            "\u{10FFFF}\u{7FF}\u{800}\u{FFFF}".as_bytes().to_vec(),
            vec![0xED, 0xA0, 0x80],       // a surrogate
            vec![0xC0, 0x80],             // overlong
            vec![0xF4, 0x90, 0x80, 0x80], // past U+10FFFF
        ];
        // long text cut inside a char, or with a stray byte deep inside
        let mut cut = long.clone().into_bytes();
        cut.truncate(cut.len() - 1);
        cases.push(cut);
        let mut stray = long.into_bytes();
        stray[100] = 0xFF;
        cases.push(stray);
        for bytes in &cases {
            assert_eq!(
                valid_utf8(bytes),
                std::str::from_utf8(bytes).ok(),
                "{bytes:x?}"
            );
        }
    }

    /// Checks that every char of the decoded text maps to raw bytes that decode to it.
    fn assert_offsets_exact(doc: &Document, raw: &[u8], enc: &'static Encoding) {
        let text = doc.text.as_str();
        let mut last = 0;
        for (i, c) in text.char_indices() {
            let range = doc.text.raw_range(i..i + c.len_utf8());
            assert!(range.start >= last, "offsets go back at {i}");
            last = range.start;
            let (piece, _) = enc.decode_without_bom_handling(&raw[range.clone()]);
            assert_eq!(piece, c.to_string(), "char {c:?} at {i} maps to {range:?}");
        }
        assert!(doc.text.raw_offset(text.len()) <= raw.len());
    }

    const REPORT: &str =
        "某某高新区召开2023年度工作会议。\n区长李某出席并讲话，全年完成投资12.5亿元。\n";

    #[test]
    fn empty_and_blank_inputs_are_empty() {
        assert!(matches!(decode(b"", "a.txt"), Err(ReadError::Empty)));
        assert!(matches!(
            decode(b"\xEF\xBB\xBF  \n", "a.txt"),
            Err(ReadError::Empty)
        ));
    }

    #[test]
    fn binary_signatures_are_refused() {
        let cases: &[(&[u8], &str)] = &[
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "PNG image"),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "JPEG image"),
            (b"GIF89a\x01\0\x01\0", "GIF image"),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", "PDF document"),
            (b"PK\x03\x04\x14\0\0\0", "ZIP archive or Office document"),
        ];
        for &(bytes, kind) in cases {
            match decode(bytes, "x.txt") {
                Err(ReadError::Binary(k)) => assert_eq!(k, kind),
                other => panic!("{kind}: got {other:?}"),
            }
        }
        let noise: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(decode(&noise, "x.txt"), Err(ReadError::Binary(_))));
    }

    #[test]
    fn utf8_with_and_without_bom_maps_offsets() {
        let doc = decode(REPORT.as_bytes(), "a.txt").unwrap();
        assert_eq!(doc.text.as_str(), REPORT);
        assert_eq!(doc.encoding, "UTF-8");
        assert!(!doc.is_html);
        assert_offsets_exact(&doc, REPORT.as_bytes(), UTF_8);

        let mut raw = b"\xEF\xBB\xBF".to_vec();
        raw.extend_from_slice(REPORT.as_bytes());
        let doc = decode(&raw, "a.txt").unwrap();
        assert_eq!(doc.text.as_str(), REPORT);
        assert_eq!(doc.text.raw_offset(0), 3);
        assert_offsets_exact(&doc, &raw, UTF_8);
        let i = REPORT.find("区长").unwrap();
        assert_eq!(
            &raw[doc.text.raw_range(i..i + "区长".len())],
            "区长".as_bytes()
        );
    }

    #[test]
    fn gbk_is_detected_and_maps_offsets() {
        let (raw, _, _) = GBK.encode(REPORT);
        let doc = decode(&raw, "a.txt").unwrap();
        assert_eq!(doc.text.as_str(), REPORT);
        assert!(doc.encoding == "GBK" || doc.encoding == "gb18030");
        assert_offsets_exact(&doc, &raw, GBK);
        let i = REPORT.find("12.5亿元").unwrap();
        let r = doc.text.raw_range(i..i + "12.5亿元".len());
        assert_eq!(GBK.decode_without_bom_handling(&raw[r]).0, "12.5亿元");
    }

    #[test]
    fn big5_is_detected() {
        let text = "某某科學園區管理委員會舉行年度工作會議，會議總結過去一年發展經驗並部署新年度重點工作。\n";
        let (raw, _, _) = BIG5.encode(text);
        let doc = decode(&raw, "a.txt").unwrap();
        assert_eq!(doc.encoding, "Big5");
        assert_eq!(doc.text.as_str(), text);
        assert_offsets_exact(&doc, &raw, BIG5);
    }

    #[test]
    fn utf16_with_bom_in_both_byte_orders() {
        for (enc, bom) in [(UTF_16LE, [0xFF, 0xFE]), (UTF_16BE, [0xFE, 0xFF])] {
            let mut raw = bom.to_vec();
            for unit in REPORT.encode_utf16() {
                let pair = if enc == UTF_16LE {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                raw.extend_from_slice(&pair);
            }
            let doc = decode(&raw, "a.txt").unwrap();
            assert_eq!(doc.text.as_str(), REPORT);
            assert_eq!(doc.encoding, enc.name());
            let i = REPORT.find("李某").unwrap();
            let r = doc.text.raw_range(i..i + "李某".len());
            assert_eq!(enc.decode_without_bom_handling(&raw[r]).0, "李某");
        }
    }

    #[test]
    fn declared_charset_is_honoured_for_a_gbk_page() {
        let page =
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
                    <title>通知</title></head><body><p>某区召开会议。</p></body></html>";
        let (raw, _, _) = GBK.encode(page);
        assert_eq!(declared_charset(&raw), Some(GBK));
        let doc = decode(&raw, "page").unwrap();
        assert!(doc.is_html);
        assert_eq!(doc.text.as_str(), page);
        assert_offsets_exact(&doc, &raw, GBK);
        assert_eq!(declared_charset(b"<meta charset='big5'>"), Some(BIG5));
    }

    #[test]
    fn a_header_charset_outranks_meta_and_detection() {
        // gb18030 from the header, where detection alone says GBK
        let (raw, _, _) = GBK.encode(REPORT);
        assert_eq!(decode(&raw, "a.txt").unwrap().encoding, GBK.name());
        let doc = decode_with_charset(&raw, "a.txt", Some("gb18030")).unwrap();
        assert_eq!(doc.encoding, GB18030.name());
        assert_eq!(doc.text.as_str(), REPORT);
        assert_offsets_exact(&doc, &raw, GB18030);
        // the header over a page's <meta>
        let page = format!(
            "<html><head><meta charset=\"big5\"></head><body><p>{REPORT}</p></body></html>"
        );
        let (raw, _, _) = GBK.encode(&page);
        let doc = decode_with_charset(&raw, "a.html", Some("GBK")).unwrap();
        assert_eq!(
            (doc.encoding, doc.text.as_str()),
            (GBK.name(), page.as_str())
        );
        // a header the bytes contradict, a single-byte one or an unknown one is passed over
        let (raw, _, _) = GBK.encode(REPORT);
        for label in ["utf-8", "iso-8859-1", "nonsense"] {
            let doc = decode_with_charset(&raw, "a.txt", Some(label)).unwrap();
            assert_eq!(doc.text.as_str(), REPORT, "{label}");
        }
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let page =
            "<html><head><meta charset=\"gbk\"></head><body><p>园区招商引资。</p></body></html>";
        let doc = decode(page.as_bytes(), "a.html").unwrap();
        assert_eq!(doc.encoding, "UTF-8");
        assert_eq!(doc.text.as_str(), page);
    }

    #[test]
    fn damaged_utf8_decodes_with_replacement_chars() {
        let mut raw = REPORT.as_bytes().to_vec();
        // a stray byte between two chars (byte 9 starts the fourth 3-byte char)
        raw.insert(9, 0xFF);
        let doc = decode(&raw, "a.txt").unwrap();
        assert_eq!(doc.encoding, "UTF-8");
        assert_eq!(doc.text.as_str().matches('\u{FFFD}').count(), 1);
        let i = doc.text.as_str().find("区长").unwrap();
        assert_eq!(
            &raw[doc.text.raw_range(i..i + "区长".len())],
            "区长".as_bytes()
        );
        // the last char of a truncated file is a hole, not a failure
        let cut = &REPORT.as_bytes()[..REPORT.len() - 5];
        assert!(decode(cut, "a.txt")
            .unwrap()
            .text
            .as_str()
            .ends_with('\u{FFFD}'));
    }

    #[test]
    fn html_is_recognised_by_name_or_content() {
        let d = |s: &str, name: &str| decode(s.as_bytes(), name).unwrap().is_html;
        assert!(d("某区新闻", "a.HTM"));
        assert!(d("\n <!DOCTYPE html><html></html>", "a.txt"));
        assert!(d("<div class=\"x\">某区新闻</div>", "a"));
        assert!(!d("某区新闻 a < b", "a.txt"));
    }

    #[test]
    fn a_long_single_line_decodes_in_linear_time() {
        let line = "园区经济稳中向好，".repeat(20 * 1024 * 1024 / "园区经济稳中向好，".len());
        let start = std::time::Instant::now();
        let doc = decode(line.as_bytes(), "a.txt").unwrap();
        assert_eq!(doc.text.len(), line.len());
        // generous even for an unoptimised build; quadratic work would take hours
        assert!(start.elapsed().as_secs() < 20);
        let (gbk, _, _) = GBK.encode(&line[..3 * 1024 * 1024]);
        let doc = decode(&gbk, "a.txt").unwrap();
        assert_eq!(doc.encoding, GBK.name());
        assert!(start.elapsed().as_secs() < 40);
    }
}
