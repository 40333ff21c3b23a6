//! Inputs whose cost once grew with the square of their size (issue 11), scaled down:
//! what they state must still be read, and what was cut to bound them must be said.
//! Their time and memory at full size are measured by `scripts/pathological measure`.
//! Inputs the fuzz targets (`fuzz/`) find are kept here once fixed.

use zonekg::limits::{MAX_HTML_DEPTH, MAX_LISTS, MAX_SENTENCE_BYTES};
use zonekg::{Cut, Limits, Processed};

fn process(text: &str, name: &str) -> Processed {
    zonekg::process_limited(text.as_bytes(), name, &Limits::default()).expect("readable")
}

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍";

/// `count` different three-char names.
fn names(count: usize) -> Vec<String> {
    let s: Vec<char> = SURNAMES.chars().collect();
    let g: Vec<char> = GIVEN.chars().collect();
    (0..count)
        .map(|i| {
            let (a, b, c) = (
                i % s.len(),
                i / s.len() % g.len(),
                i / s.len() / g.len() % g.len(),
            );
            format!("{}{}{}", s[a], g[b], g[c])
        })
        .collect()
}

#[test]
fn a_long_list_of_titled_names_keeps_every_official() {
    let names = names(3000);
    let list: Vec<String> = names.iter().map(|n| format!("党工委委员{n}")).collect();
    let text = format!(
        "某某高新区党工委召开会议。出席会议的有{}。\n",
        list.join("、")
    );
    let p = process(&text, "names.txt");
    let found: std::collections::HashSet<&str> =
        p.report.officials.iter().map(|o| o.name.as_str()).collect();
    // a name cut in two where the sentence is split may be lost, no more
    let pieces = text.len() / (MAX_SENTENCE_BYTES / 2);
    let missing = names.iter().filter(|n| !found.contains(n.as_str())).count();
    assert!(
        missing <= pieces,
        "{missing} of {} names missing",
        names.len()
    );
    assert!(p
        .report
        .evidence()
        .all(|e| e.sentence.len() <= MAX_SENTENCE_BYTES));
    assert!(
        matches!(p.cuts.as_slice(), [Cut::LongSentences { count: 1, .. }]),
        "{:?}",
        p.cuts
    );
}

#[test]
fn a_sentence_nested_deeper_than_the_limit_is_still_read() {
    let depth = MAX_HTML_DEPTH * 20;
    let page = format!(
        "<html><head><meta charset=\"utf-8\"></head><body>{}\
         2024年,某某高新区实现地区生产总值441.8亿元,同比增长6.8%。{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let p = process(&page, "deep.html");
    let a = &p.report.achievements;
    assert!(
        a.iter()
            .any(|a| a.indicator == "地区生产总值" && a.value == 441.8),
        "{a:?}"
    );
    // the start and end tags of the divs beyond the limit (`html` and `body` count too)
    let beyond = depth - MAX_HTML_DEPTH;
    let tags = match p.cuts.as_slice() {
        [Cut::DeepHtml { tags }] => *tags,
        other => panic!("{other:?}"),
    };
    assert!((2 * beyond..2 * beyond + 8).contains(&tags), "{tags}");
}

#[test]
fn unclosed_paragraphs_and_items_are_no_nesting() {
    let body = "<p>园区召开推进会。<li>项目建设有序推进。".repeat(2 * MAX_HTML_DEPTH);
    let page = format!("<html><body><div class=\"content\">{body}</div></body></html>");
    let p = process(&page, "flat.html");
    assert!(p.cuts.is_empty(), "{:?}", p.cuts);
}

#[test]
fn a_run_of_figures_without_punctuation_is_read_in_pieces() {
    let units = ["亿元", "万元", "%", "个", "家", "增长", "达到", "同比增长"];
    let mut text = String::new();
    let mut x: u32 = 7;
    while text.len() < 200_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        if x.is_multiple_of(3) {
            text.push_str(&(x % 100_000).to_string());
        } else {
            text.push_str(units[(x as usize >> 8) % units.len()]);
        }
    }
    let p = process(&text, "figures.txt");
    assert!(p
        .report
        .evidence()
        .all(|e| e.sentence.len() <= MAX_SENTENCE_BYTES));
    assert!(matches!(p.cuts.as_slice(), [Cut::LongSentences { .. }]));
}

#[test]
fn many_enumerated_items_in_one_paragraph_are_read() {
    let items: String = (0..20_000)
        .map(|i| format!("{}是加快推进重点项目建设;", ["一", "二", "三"][i % 3]))
        .collect();
    let text = format!("2025年,某某高新区重点抓好以下工作:{items}\n");
    let p = process(&text, "items.txt");
    assert!(!p.report.tasks.is_empty());
}

#[test]
fn a_report_over_the_size_limit_is_cut_at_a_line_end() {
    // lines of one length, each with its own figure
    let line = |i: usize| format!("2024年,某某高新区完成固定资产投资{}亿元。\n", 100 + i);
    let text: String = (0..500).map(line).collect();
    let limits = Limits {
        max_report_bytes: 100 * line(0).len() + 10,
    };
    let p = zonekg::process_limited(text.as_bytes(), "big.txt", &limits).unwrap();
    assert_eq!(
        p.cuts,
        vec![Cut::Report {
            size: text.len(),
            kept: 100 * line(0).len()
        }]
    );
    let values: Vec<f64> = p.report.achievements.iter().map(|a| a.value).collect();
    assert_eq!(values, (100..200).map(f64::from).collect::<Vec<_>>());
}

#[test]
fn lists_beyond_the_most_weighed_are_said_to_be_cut() {
    let items: String = (0..3 * MAX_LISTS)
        .map(|i| format!("一是加快推进项目{i};二是持续优化环境{i};"))
        .collect();
    let text = format!("2025年,某某高新区重点抓好以下工作:{items}\n");
    let p = process(&text, "pairs.txt");
    assert!(!p.report.tasks.is_empty());
    assert!(
        p.cuts.contains(&Cut::Lists {
            count: 3 * MAX_LISTS,
            read: MAX_LISTS
        }),
        "{:?}",
        p.cuts
    );
}
