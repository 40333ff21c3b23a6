//! Random input through the whole pipeline: `zonekg::process` never panics, and every
//! fact's evidence points inside the text it came from.

use proptest::prelude::*;
use zonekg::model::{Evidence, Report};

/// Characters government reports are made of, plus the placeholders and line ends
/// that trip parsers.
const ALPHABET: &[char] = &[
    '区', '园', '新', '高', '开', '发', '经', '济', '技', '术', '业', '工', '产', '值', '增', '长',
    '亿', '元', '万', '个', '家', '年', '月', '日', '会', '议', '召', '主', '持', '书', '记', '任',
    '党', '委', '管', '实', '现', '目', '标', '达', '到', '突', '破', '是', '一', '二', '三', '要',
    '王', '李', '出', '席', '讲', '话', '上', '午', '同', '比', '降', '低', '规', '模', '以', '左',
    '右', '、', '，', '。', '：', '；', '“', '”', '（', '）', '(', ')', '%', '.', '0', '1', '2',
    '3', '4', '5', '6', '7', '8', '9', 'X', '\n', '\r', ' ', '<', '>', '>', '區', '(', 'q', 'ū',
];

fn han_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..1500)
        .prop_map(|chars| chars.into_iter().collect())
}

fn all_evidence(r: &Report) -> Vec<&Evidence> {
    let mut ev: Vec<&Evidence> = Vec::new();
    ev.extend(r.zones.iter().filter_map(|z| z.evidence.as_ref()));
    for o in &r.officials {
        ev.extend(o.evidence.as_ref());
        ev.extend(o.posts.iter().filter_map(|p| p.evidence.as_ref()));
    }
    ev.extend(r.meetings.iter().filter_map(|m| m.evidence.as_ref()));
    ev.extend(r.goals.iter().filter_map(|g| g.evidence.as_ref()));
    ev.extend(r.achievements.iter().filter_map(|a| a.evidence.as_ref()));
    ev.extend(r.tasks.iter().filter_map(|t| t.evidence.as_ref()));
    ev
}

/// Runs the pipeline and checks every evidence span against the normalized text and
/// the raw input.
fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(report) = zonekg::process(bytes, "random.txt") else {
        return Ok(()); // refusing unreadable input is fine; panicking is not
    };
    let doc = zonekg::normalize::normalize(bytes, "random.txt")
        .map_err(|e| TestCaseError::fail(format!("process read it, normalize did not: {e}")))?;
    let chars: Vec<char> = doc.text.as_str().chars().collect();
    for ev in all_evidence(&report) {
        prop_assert!(ev.start <= ev.end, "{ev:?}");
        prop_assert!(ev.end <= chars.len(), "{ev:?} beyond {} chars", chars.len());
        prop_assert!(ev.raw_start <= ev.raw_end, "{ev:?}");
        prop_assert!(
            ev.raw_end <= bytes.len(),
            "{ev:?} beyond {} bytes",
            bytes.len()
        );
        let span: String = chars[ev.start..ev.end].iter().collect();
        prop_assert_eq!(&span, &ev.sentence);
    }
    Ok(())
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        check(&bytes)?;
    }

    #[test]
    fn random_han_text_keeps_evidence_in_bounds(text in han_text()) {
        check(text.as_bytes())?;
    }

    #[test]
    fn random_han_text_in_html_keeps_evidence_in_bounds(text in han_text()) {
        let page = format!("<html><body><div class=\"nav\">首页</div><p>{}</p></body></html>",
            text.replace('\n', "</p><p>"));
        check(page.as_bytes())?;
    }

    #[test]
    fn random_han_text_in_gbk_keeps_evidence_in_bounds(text in han_text()) {
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        check(&gbk)?;
    }
}
