//! Enumerated items as reports write them: `一是…二是…`, `一要…二要…`, `(一)…`, `一、…`,
//! `第一,…`, `1.…`, `(1)…`, `①…`, `首先…其次…最后…`, and the items of a named plan
//! written as a run of paragraphs that open alike (`实施甲行动。…` / `实施乙行动。…`).
//!
//! This module only finds the items and groups them into lists; deciding which lists set
//! future work is the task extractor's business.

use crate::lexicon;
use crate::segment::Segments;
use regex::Regex;
use std::sync::LazyLock;

/// How an item is numbered. Items of one list share a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// `一是` `二是`
    Shi,
    /// `一要` `二要`
    Yao,
    /// `第一,` `第二是`
    Di,
    /// `(一)`
    ParenCn,
    /// `一、` opening a paragraph: a section heading
    HeadCn,
    /// `1.` `1、`
    Arabic,
    /// `(1)`
    ParenArabic,
    /// `①`
    Circled,
    /// `首先` `其次` `再次` `最后`
    Sequence,
    /// Paragraphs that open alike after an introducing paragraph (no ordinal at all).
    Paragraph,
}

impl Family {
    /// Whether items of this family sit inside running text rather than opening
    /// paragraphs; such lists do not stretch over many paragraphs.
    pub fn is_inline(self) -> bool {
        matches!(
            self,
            Family::Shi | Family::Yao | Family::Sequence | Family::Circled | Family::ParenArabic
        )
    }

    /// How far apart (in paragraphs) two consecutive items of one list may stand.
    fn max_paragraph_gap(self) -> usize {
        match self {
            Family::HeadCn => usize::MAX,
            f if f.is_inline() => 3,
            _ => 25,
        }
    }
}

/// One ordinal found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub family: Family,
    /// 1-based position the ordinal states; `首先` is 1, `最后` continues any list.
    pub number: u32,
    /// Byte offset of the ordinal in the text.
    pub start: usize,
    /// Byte offset just past the ordinal (and its punctuation): where the item's words begin.
    pub body: usize,
    /// Index of the paragraph the ordinal stands in.
    pub paragraph: usize,
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub marker: Marker,
    /// Byte offset where the item's own words end: the next item of the list when it
    /// stands in the same paragraph, else the end of the item's paragraph.
    pub end: usize,
}

/// Items numbered one after another in one family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemList {
    pub family: Family,
    pub items: Vec<Item>,
}

impl ItemList {
    /// Byte offset of the first item's ordinal.
    pub fn start(&self) -> usize {
        self.items[0].marker.start
    }
}

/// `最后` has no number of its own: it continues whatever list it closes.
const LAST: u32 = 0;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<shi>[一二三四五六七八九十]{1,3})(?P<shik>是|要)",
        r"|第(?P<di>[一二三四五六七八九十]{1,3})(?:是|[,，、:：])",
        r"|[(（](?P<pcn>[一二三四五六七八九十]{1,3})[)）]",
        r"|(?P<hcn>[一二三四五六七八九十]{1,3})[、.．]",
        r"|[(（](?P<par>\d{1,2})[)）]",
        r"|(?P<ar>\d{1,2})[.．、]",
        r"|(?P<circ>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])",
        r"|(?P<seq>首先|其次|再次|最后)(?:[,，:：]|要|是)",
    ))
    .unwrap()
});

/// Value of a Chinese numeral of up to three characters (`一`…`九十九`).
pub fn cn_number(s: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a),
        ['十', b] => Some(10 + digit(*b)?),
        [a, '十'] => Some(digit(*a)? * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// Whether an ordinal may begin after `before` (the text preceding it): at a line start or
/// after punctuation, never inside a word (`统一是`, `第1、2季度`, `2024.02`).
fn at_boundary(before: &str) -> bool {
    match before.chars().next_back() {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '，'
                        | ':'
                        | '：'
                        | ';'
                        | '；'
                        | '。'
                        | '!'
                        | '！'
                        | '?'
                        | '？'
                        | '、'
                        | '—'
                        | '…'
                        | '“'
                        | '”'
                        | '"'
                        | ')'
                        | '）'
                        | '》'
                        | '】'
                )
        }
    }
}

/// Whether `at` opens its line (only blanks before it on the line).
fn opens_line(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].trim().is_empty()
}

fn paragraph_of(segments: &Segments, at: usize) -> usize {
    segments
        .paragraphs
        .partition_point(|p| p.span.end <= at)
        .min(segments.paragraphs.len().saturating_sub(1))
}

/// Every ordinal in `text` that stands where an item could begin.
pub fn markers(text: &str, segments: &Segments) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut from = 0;
    // find first, capture only at a boundary: most ordinal-like runs sit inside words or
    // numbers (`1.5亿元`), and captures cost far more than a match
    while let Some(found) = MARKER.find_at(text, from) {
        from = found.end();
        let start = found.start();
        if !at_boundary(&text[..start]) {
            continue;
        }
        // the pattern looks at no context, so the match at `start` is found again
        let Some(c) = MARKER.captures_at(text, start) else {
            continue;
        };
        let whole = c.get(0).unwrap();
        let mut body = whole.end();
        let (family, number) = if let Some(n) = c.name("shi") {
            let family = if &c["shik"] == "是" {
                Family::Shi
            } else {
                Family::Yao
            };
            (family, cn_number(n.as_str()))
        } else if let Some(n) = c.name("di") {
            (Family::Di, cn_number(n.as_str()))
        } else if let Some(n) = c.name("pcn") {
            (Family::ParenCn, cn_number(n.as_str()))
        } else if let Some(n) = c.name("hcn") {
            if !opens_line(text, start) {
                continue;
            }
            (Family::HeadCn, cn_number(n.as_str()))
        } else if let Some(n) = c.name("par") {
            (Family::ParenArabic, n.as_str().parse().ok())
        } else if let Some(n) = c.name("ar") {
            // `1.5亿元` is a number, not an item
            let next = text[body..].chars().next();
            if next.is_none_or(|ch| ch.is_ascii_digit() || ch == '%') {
                continue;
            }
            (Family::Arabic, n.as_str().parse().ok())
        } else if let Some(n) = c.name("circ") {
            let ch = n.as_str().chars().next().unwrap();
            (Family::Circled, Some(ch as u32 - '①' as u32 + 1))
        } else if let Some(n) = c.name("seq") {
            // the ordinal is the word; `要`/`是` after it belongs to the item
            body = n.end();
            let number = match n.as_str() {
                "首先" => 1,
                "其次" => 2,
                "再次" => 3,
                _ => LAST,
            };
            (Family::Sequence, Some(number))
        } else {
            continue;
        };
        let Some(number) = number else { continue };
        // punctuation that only separates the ordinal from its words
        let rest = &text[body..];
        let trimmed = rest.trim_start_matches([',', '，', ':', '：', ' ']);
        body += rest.len() - trimmed.len();
        out.push(Marker {
            family,
            number,
            start,
            body,
            paragraph: paragraph_of(segments, start),
        });
    }
    out
}

/// Groups ordinals into lists: each list starts at number 1 and goes on one by one in its
/// family, its items no further apart than the family allows. Lists of one item are
/// dropped: an ordinal alone enumerates nothing.
pub fn ordinal_lists(text: &str, segments: &Segments) -> Vec<ItemList> {
    let mut lists: Vec<ItemList> = Vec::new();
    // index into `lists` of the open list of each family
    let mut open: Vec<(Family, usize)> = Vec::new();
    for m in markers(text, segments) {
        let slot = open.iter().position(|&(f, _)| f == m.family);
        let continues = slot.is_some_and(|s| {
            let list = &lists[open[s].1];
            let last = &list.items.last().unwrap().marker;
            let expected = list.items.len() as u32 + 1;
            let near = m.paragraph - last.paragraph <= m.family.max_paragraph_gap();
            let closed = m.family == Family::Sequence && last.number == LAST;
            near && !closed && (m.number == expected || (m.number == LAST && expected > 2))
        });
        if continues {
            lists[open[slot.unwrap()].1]
                .items
                .push(Item { end: 0, marker: m });
        } else if m.number == 1 {
            if let Some(s) = slot {
                open.remove(s);
            }
            open.push((m.family, lists.len()));
            lists.push(ItemList {
                family: m.family,
                items: vec![Item { end: 0, marker: m }],
            });
        }
    }
    lists.retain(|l| l.items.len() >= 2);
    for list in &mut lists {
        set_item_ends(list, segments);
    }
    lists
}

fn set_item_ends(list: &mut ItemList, segments: &Segments) {
    let n = list.items.len();
    for i in 0..n {
        let m = &list.items[i].marker;
        let para_end = segments.paragraphs[m.paragraph].span.end;
        list.items[i].end = match list.items.get(i + 1) {
            Some(next) if next.marker.paragraph == m.paragraph => next.marker.start,
            _ => para_end,
        };
    }
}

/// The words an item opens with: from after its ordinal up to the first `;` `。` `:`
/// (or `!` `?`), trimmed of separating punctuation, and cut at a comma when it runs on
/// past `max_chars`.
pub fn headline<'t>(text: &'t str, item: &Item, max_chars: usize) -> &'t str {
    let words = &text[item.marker.body..item.end.max(item.marker.body)];
    let cut = words
        .find([';', '；', '。', ':', '：', '!', '！', '?', '？'])
        .unwrap_or(words.len());
    let mut head = trim_item(&words[..cut]);
    if head.chars().count() > max_chars {
        let limit = head
            .char_indices()
            .nth(max_chars)
            .map_or(head.len(), |(i, _)| i);
        if let Some(comma) = head[..limit].rfind([',', '，']) {
            head = trim_item(&head[..comma]);
        } else {
            head = &head[..limit];
        }
    }
    head
}

fn trim_item(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | '—'))
}

/// A named plan with a count: `十项攻坚行动`, `“三大攻坚战”`; group `noun` is what it is a
/// plan of, the word its items end with.
static PLAN_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = lexicon::alternation(include_str!("../../data/lexicon/task_plan_nouns.txt"));
    Regex::new(&format!(
        r"(?:[一二三四五六七八九十两]+|\d+)(?:项|大|个|条|场)[\p{{Han}}“”\x22]{{0,8}}?(?P<noun>{nouns})"
    ))
    .unwrap()
});

/// The opening clause of a paragraph (up to the first `,;。:`), when short enough to name
/// an item.
fn head_clause(text: &str) -> Option<&str> {
    let cut = text
        .find([',', '，', ';', '；', '。', ':', '：', '!', '！'])
        .unwrap_or(text.len());
    let head = text[..cut].trim();
    let n = head.chars().count();
    // a paragraph opening with an ordinal belongs to an ordinal list
    let opens_with_words = head.starts_with(|c: char| is_han(c) || c == '“')
        && MARKER.find(head).is_none_or(|m| m.start() > 0);
    ((2..=30).contains(&n) && opens_with_words).then_some(head)
}

/// Whether two paragraph heads open alike: two leading Han characters in common
/// (`实施…`) or two trailing ones (`…行动`).
fn alike(a: &str, b: &str) -> bool {
    let pre = |s: &str| s.chars().take(2).collect::<String>();
    let suf = |s: &str| {
        let v: Vec<char> = s.chars().collect();
        v[v.len().saturating_sub(2)..].iter().collect::<String>()
    };
    let han = |s: &str| s.chars().count() == 2 && s.chars().all(is_han);
    (han(&pre(a)) && pre(a) == pre(b)) || (han(&suf(a)) && suf(a) == suf(b))
}

/// A short line without sentence punctuation: a heading rather than a body paragraph.
fn is_heading_line(s: &str) -> bool {
    s.chars().count() <= 30 && !s.contains(['。', ';', '；', ',', '，'])
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Lists written as paragraphs without ordinals: after a paragraph that introduces them
/// (ending in `——` or `:`, or naming a plan `十项攻坚行动`), three or more paragraphs
/// whose opening clauses open or end alike (and, after a named plan only, end in the
/// plan's noun). Items are either consecutive paragraphs or short heading lines each
/// followed by body paragraphs.
pub fn paragraph_lists(text: &str, segments: &Segments) -> Vec<ItemList> {
    let paras = &segments.paragraphs;
    let mut lists = Vec::new();
    let mut p = 0;
    while p + 1 < paras.len() {
        let intro = text[paras[p].span.clone()].trim_end();
        let by_punctuation = intro.ends_with(['—', ':', '：']);
        // after a named plan only, every item must name the plan's noun
        // the last match, captured alone (the pattern looks at no context, so the match
        // at its start is found again)
        let noun = PLAN_PHRASE
            .find_iter(intro)
            .last()
            .and_then(|m| PLAN_PHRASE.captures_at(intro, m.start()))
            .map(|c| c["noun"].to_string());
        let names_noun = |h: &str| by_punctuation || noun.as_deref().is_some_and(|n| h.contains(n));
        let first = text[paras[p + 1].span.clone()].trim();
        let head = (by_punctuation || noun.is_some())
            .then(|| head_clause(first))
            .flatten()
            .filter(|h| names_noun(h));
        let Some(head) = head else {
            p += 1;
            continue;
        };
        // a bare heading line, its body in the paragraphs after it
        let headings = head.len() == first.trim_end_matches(['。', ';', '；']).len();
        let mut chosen = vec![p + 1];
        let mut skipped = 0;
        for (q, para) in paras.iter().enumerate().skip(p + 2) {
            let body = text[para.span.clone()].trim();
            let item = head_clause(body)
                .filter(|h| alike(head, h) && names_noun(h))
                .filter(|h| !headings || h.len() == body.trim_end_matches(['。', ';', '；']).len());
            match item {
                Some(_) => {
                    chosen.push(q);
                    skipped = 0;
                }
                // a body paragraph under a heading line
                None if headings && skipped < 6 && !is_heading_line(body) => skipped += 1,
                None => break,
            }
        }
        if chosen.len() < 3 {
            p += 1;
            continue;
        }
        let items = chosen
            .iter()
            .enumerate()
            .map(|(i, &q)| {
                let span = paras[q].span.clone();
                let m = Marker {
                    family: Family::Paragraph,
                    number: i as u32 + 1,
                    start: span.start,
                    body: span.start,
                    paragraph: q,
                };
                Item {
                    marker: m,
                    end: span.end,
                }
            })
            .collect();
        p = *chosen.last().unwrap() + 1;
        lists.push(ItemList {
            family: Family::Paragraph,
            items,
        });
    }
    lists
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn heads(text: &str) -> Vec<Vec<String>> {
        let seg = segment(text);
        let mut lists = ordinal_lists(text, &seg);
        lists.extend(paragraph_lists(text, &seg));
        lists
            .iter()
            .map(|l| {
                l.items
                    .iter()
                    .map(|i| headline(text, i, 100).to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(cn_number("三"), Some(3));
        assert_eq!(cn_number("十"), Some(10));
        assert_eq!(cn_number("十二"), Some(12));
        assert_eq!(cn_number("二十"), Some(20));
        assert_eq!(cn_number("二十一"), Some(21));
        assert_eq!(cn_number("百"), None);
    }

    #[test]
    fn inline_items_end_at_semicolons_and_next_ordinals() {
        let got = heads("会议要求:一是抓好甲项工作;二是推进乙项改革,二是不算。三是做好丙事");
        assert_eq!(
            got,
            vec![vec!["抓好甲项工作", "推进乙项改革,二是不算", "做好丙事"]]
        );
    }

    #[test]
    fn ordinals_inside_words_and_numbers_are_not_items() {
        assert!(heads("坚持统一是前提,增长1.5%,第1、2季度,一是孤项。").is_empty());
    }

    #[test]
    fn paragraph_items_and_headings() {
        let text = "(一)加快产业升级。内容甲。\n(二)优化营商环境\n一、总体要求\n二、主要任务";
        let got = heads(text);
        assert_eq!(got[0], vec!["加快产业升级", "优化营商环境"]);
        assert_eq!(got[1], vec!["总体要求", "主要任务"]);
    }

    #[test]
    fn sequence_words_need_a_second_item() {
        assert!(heads("首先,会议播放了视频。然后,某某讲话。").is_empty());
        assert_eq!(
            heads("首先,要统一思想;其次,要压实责任;最后,要严明纪律。"),
            vec![vec!["要统一思想", "要压实责任", "要严明纪律"]]
        );
    }

    #[test]
    fn runs_of_alike_paragraphs_after_an_introduction() {
        let text = "全区要突出抓好“三大行动”——\n实施甲乙提升行动。内容。\n实施丙丁攻坚行动。内容。\n实施戊己护航行动。内容。\n会议还强调了别的事。";
        assert_eq!(
            heads(text),
            vec![vec![
                "实施甲乙提升行动",
                "实施丙丁攻坚行动",
                "实施戊己护航行动"
            ]]
        );
        // captions after an ordinary paragraph are no list
        assert!(heads("会议圆满结束。\n甲组获奖合影\n乙组获奖合影\n丙组获奖合影").is_empty());
    }
}
