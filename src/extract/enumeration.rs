//! Enumerated items as reports write them: `一是…二是…`, `一要…二要…`, `(一)…`, `一、…`,
//! `第一,…`, `1.…`, `(1)…`, `①…`, `首先…其次…最后…`, and the items of a named plan
//! written as a run of paragraphs that open alike (`实施甲行动。…` / `实施乙行动。…`).
//!
//! This module only finds the items and groups them into lists; deciding which lists set
//! future work is the task extractor's business.

use crate::segment::Segments;
use std::sync::LazyLock;

mod parallel;
mod unnumbered;

pub use parallel::parallel_lists;
pub use unnumbered::{aspect_lists, bullet_lists, dash_lists, paragraph_lists};

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
    /// Clauses of one sentence that each open with `要`, joined by `;` (`要…;要…;要…`).
    Parallel,
    /// Paragraphs that each open with a dash (`——坚定不移抓…`), or items that each open
    /// with a bullet (`★ 要强化…;★ 要推进…`).
    Dash,
    /// The aspects a sentence counts: `从甲,乙,丙等三个方面…`.
    Aspect,
    /// Clauses of one sentence that each open with the same directive word
    /// (`进一步强化…,进一步加快…,进一步优化…`).
    Anaphora,
}

impl Family {
    /// Whether items of this family sit inside running text rather than opening
    /// paragraphs; such lists do not stretch over many paragraphs.
    pub fn is_inline(self) -> bool {
        matches!(
            self,
            Family::Shi
                | Family::Yao
                | Family::Sequence
                | Family::Circled
                | Family::ParenArabic
                | Family::Parallel
                | Family::Aspect
                | Family::Anaphora
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

/// How an ordinal is written, as [`ordinal_at`] reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    /// `一是`
    Shi,
    /// `一要`
    Yao,
    /// `第一,` `第一是`
    Di,
    /// `(一)`
    ParenCn,
    /// `一、` `一.`
    HeadCn,
    /// `(1)`
    ParenArabic,
    /// `1.` `1、`
    Arabic,
    /// `①`
    Circled,
    /// `首先,` `其次要`
    Sequence,
}

use crate::zh::numerals::is_ordinal_numeral as is_cn_ordinal_digit;

/// Byte length of the run of 1 to `max` chars satisfying `is` that opens `s`, if the run
/// is no longer (a longer run is no ordinal: `一二三四是`).
fn leading_run(s: &str, is: fn(char) -> bool, max: usize) -> Option<usize> {
    let mut len = 0;
    for (n, c) in s.chars().enumerate() {
        if !is(c) {
            break;
        }
        if n == max {
            return None;
        }
        len += c.len_utf8();
    }
    (len > 0).then_some(len)
}

/// The ordinal opening `s`: how it is written, its numeral (or word, for `首先`), and
/// the byte length of the whole ordinal with the char that closes it. The forms:
/// `一是` `一要` `第一,` `(一)` `一、` `(1)` `1.` `①` `首先,`, numerals of one to three
/// chars (two digits). A hand-written reader rather than a regex: it runs at every
/// place an ordinal may begin, and a regex's captures cost far more.
///
/// Only ASCII digits are read as Arabic numerals: an ordinal in other digits would not
/// parse as a number and be dropped anyway.
fn ordinal_at(s: &str) -> Option<(Written, &str, usize)> {
    let first = s.chars().next()?;
    let closed_by = |at: usize, closers: &[char]| {
        let c = s[at..].chars().next().filter(|c| closers.contains(c))?;
        Some(at + c.len_utf8())
    };
    if is_cn_ordinal_digit(first) {
        let n = leading_run(s, is_cn_ordinal_digit, 3)?;
        let numeral = &s[..n];
        return match s[n..].chars().next()? {
            '是' => Some((Written::Shi, numeral, n + '是'.len_utf8())),
            '要' => Some((Written::Yao, numeral, n + '要'.len_utf8())),
            _ => Some((Written::HeadCn, numeral, closed_by(n, &['、', '.', '．'])?)),
        };
    }
    if first.is_ascii_digit() {
        let n = leading_run(s, |c| c.is_ascii_digit(), 2)?;
        return Some((Written::Arabic, &s[..n], closed_by(n, &['.', '．', '、'])?));
    }
    match first {
        '第' => {
            let at = first.len_utf8();
            let n = leading_run(&s[at..], is_cn_ordinal_digit, 3)?;
            let end = closed_by(at + n, &['是', ',', '，', '、', ':', '：'])?;
            Some((Written::Di, &s[at..at + n], end))
        }
        '(' | '（' => {
            let at = first.len_utf8();
            let (written, n) = match leading_run(&s[at..], is_cn_ordinal_digit, 3) {
                Some(n) => (Written::ParenCn, n),
                None => (
                    Written::ParenArabic,
                    leading_run(&s[at..], |c| c.is_ascii_digit(), 2)?,
                ),
            };
            let end = closed_by(at + n, &[')', '）'])?;
            Some((written, &s[at..at + n], end))
        }
        '①'..='⑳' => Some((Written::Circled, &s[..first.len_utf8()], first.len_utf8())),
        '首' | '其' | '再' | '最' => {
            let word = ["首先", "其次", "再次", "最后"]
                .into_iter()
                .find(|w| s.starts_with(w))?;
            let end = closed_by(word.len(), &[',', '，', ':', '：', '要', '是'])?;
            Some((Written::Sequence, word, end))
        }
        _ => None,
    }
}

/// Value of a Chinese numeral of up to three characters (`一`…`九十九`).
pub use crate::zh::numerals::read_ordinal as cn_number;

/// Whether an ordinal may begin after char `c`: at a line start or after punctuation,
/// never inside a word (`统一是`, `第1、2季度`, `2024.02`).
const fn is_boundary(c: char) -> bool {
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

/// Whether `c` can be the first char of an ordinal ([`ordinal_at`]).
fn may_open_ordinal(c: char) -> bool {
    is_cn_ordinal_digit(c)
        || c.is_ascii_digit()
        || matches!(c, '第' | '(' | '（' | '①'..='⑳' | '首' | '其' | '再' | '最')
}

/// Byte offsets where an ordinal may begin: the text's start and every char after a
/// boundary that can open one. Trying the anchored pattern only there, rather than
/// searching the whole text, skips the many ordinal-like runs inside words and numbers
/// (`统一`, `1.5亿元`). No match can run across such a place (an ordinal holds no
/// boundary char but its last), so this finds every ordinal a search would.
fn ordinal_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    if text.chars().next().is_some_and(may_open_ordinal) {
        starts.push(0);
    }
    let mut i = 0;
    while i < bytes.len() {
        // a char led by 0xE4..=0xE9 is Han, never a boundary: runs of them are stepped
        // over undecoded, in a loop of their own
        while bytes.get(i).is_some_and(|b| (0xE4..=0xE9).contains(b)) {
            i += 3;
        }
        let Some(&lead) = bytes.get(i) else { break };
        let boundary = if lead.is_ascii() {
            i += 1;
            ASCII_BOUNDARY[usize::from(lead)]
        } else {
            let c = text[i..].chars().next().expect("i is a char boundary");
            i += c.len_utf8();
            is_boundary(c)
        };
        if boundary && may_open_ordinal_at(text, i) {
            starts.push(i);
        }
    }
    starts
}

/// [`is_boundary`] for each ASCII char.
static ASCII_BOUNDARY: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = is_boundary(b as u8 as char);
        b += 1;
    }
    table
};

/// Whether the char at byte `at` of `text` (if any) can open an ordinal: an ASCII one
/// is judged by its byte.
fn may_open_ordinal_at(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_digit() || b == b'(',
        Some(_) => text[at..].chars().next().is_some_and(may_open_ordinal),
    }
}

/// Whether `at` opens its line (only blanks before it on the line). Looks back over
/// the blanks only: a line of 100,000 ordinals is not searched to its start for each.
fn opens_line(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .rev()
        .find(|c| *c == '\n' || !c.is_whitespace())
        .is_none_or(|c| c == '\n')
}

fn paragraph_of(segments: &Segments, at: usize) -> usize {
    segments
        .paragraphs
        .partition_point(|p| p.span.end <= at)
        .min(segments.paragraphs.len().saturating_sub(1))
}

/// Every ordinal in `text` that stands where an item could begin.
pub fn markers(text: &str, segments: &Segments) -> Vec<Marker> {
    let starts = ordinal_starts(text);
    let mut out = Vec::with_capacity(starts.len());
    for start in starts {
        let Some((written, numeral, len)) = ordinal_at(&text[start..]) else {
            continue;
        };
        let mut body = start + len;
        let (family, number) = match written {
            Written::Shi => (Family::Shi, cn_number(numeral)),
            Written::Yao => (Family::Yao, cn_number(numeral)),
            Written::Di => (Family::Di, cn_number(numeral)),
            Written::ParenCn => (Family::ParenCn, cn_number(numeral)),
            Written::HeadCn => {
                if !opens_line(text, start) {
                    continue;
                }
                (Family::HeadCn, cn_number(numeral))
            }
            Written::ParenArabic => (Family::ParenArabic, numeral.parse().ok()),
            Written::Arabic => {
                // `1.5亿元` is a number, not an item
                let next = text[body..].chars().next();
                if next.is_none_or(|ch| ch.is_ascii_digit() || ch == '%') {
                    continue;
                }
                (Family::Arabic, numeral.parse().ok())
            }
            Written::Circled => {
                let ch = numeral.chars().next().expect("one circled digit");
                (Family::Circled, Some(ch as u32 - '①' as u32 + 1))
            }
            Written::Sequence => {
                // the ordinal is the word; `要`/`是` after it belongs to the item
                body = start + numeral.len();
                let number = match numeral {
                    "首先" => 1,
                    "其次" => 2,
                    "再次" => 3,
                    _ => LAST,
                };
                (Family::Sequence, Some(number))
            }
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
    ordinal_lists_and_lone_items(text, segments).0
}

/// [`ordinal_lists`], and beside them the lone first items no second item follows
/// (`(一)…` on a page cut off before `(二)`), each as a list of one, for the caller to
/// weigh: an ordinal alone enumerates something only where the text says a list comes.
/// Of the lone first items of one family in one paragraph, only the last is one.
pub fn ordinal_lists_and_lone_items(
    text: &str,
    segments: &Segments,
) -> (Vec<ItemList>, Vec<ItemList>) {
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
    let (mut lists, mut lone): (Vec<ItemList>, Vec<ItemList>) =
        lists.into_iter().partition(|l| l.items.len() >= 2);
    // a lone first item of a family whose second item stands elsewhere is no cut list
    let listed: std::collections::HashSet<Family> = lists.iter().map(|l| l.family).collect();
    lone.retain(|l| l.family != Family::HeadCn && !listed.contains(&l.family));
    // nor is one another first item of its family follows in its paragraph (`一是…;
    // 一是…`): a paragraph of 100,000 of them holds no lists to weigh
    let mut last_of: std::collections::HashMap<(Family, usize), usize> = Default::default();
    for (i, l) in lone.iter().enumerate() {
        last_of.insert((l.family, l.items[0].marker.paragraph), i);
    }
    let mut i = 0;
    lone.retain(|l| {
        i += 1;
        last_of[&(l.family, l.items[0].marker.paragraph)] == i - 1
    });
    for list in lists.iter_mut().chain(lone.iter_mut()) {
        set_item_ends(list, segments);
    }
    (lists, lone)
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
    let cut = headline_end(words);
    let mut head = trim_item(&words[..cut]);
    // no more chars than bytes: a short head needs no count
    if head.len() > max_chars && head.chars().count() > max_chars {
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

/// Byte offset of the first of `;；。:：!！?？` in `words`, or its length.
fn headline_end(words: &str) -> usize {
    first_stop(words, b";:!?", &[0x9B, 0x9A, 0x81, 0x9F])
}

/// Byte offset of the first stop in `text`, or its length: one of the ASCII marks
/// `ascii`, a full-width mark `EF BC x` with `x` in `wide` (`，；：！？` are 8C/9B/9A/81/9F),
/// or `。` (E3 80 82). Read byte by byte, stepping over Han chars undecoded.
fn first_stop(text: &str, ascii: &[u8], wide: &[u8]) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0xE4..=0xE9 => i += 3,
            b if ascii.contains(&b) => return i,
            0xEF if bytes.get(i + 1) == Some(&0xBC)
                && bytes.get(i + 2).is_some_and(|x| wide.contains(x)) =>
            {
                return i
            }
            0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn trim_item(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | '—'))
}

#[cfg(test)]
mod tests {
    use super::unnumbered::clause_end;
    use super::*;
    use crate::segment::segment;
    use regex::Regex;

    fn heads(text: &str) -> Vec<Vec<String>> {
        let seg = segment(text);
        let mut lists = ordinal_lists(text, &seg);
        lists.extend(paragraph_lists(text, &seg));
        lists.extend(parallel_lists(text, &seg));
        lists.extend(dash_lists(text, &seg));
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
    fn an_ordinal_opens_its_line_after_blanks_only() {
        let text = "甲\n \u{3000}一、乙 二、丙";
        let at = |s: &str| text.find(s).unwrap();
        assert!(opens_line(text, 0));
        assert!(opens_line(text, at("一")));
        assert!(!opens_line(text, at("二")));
        assert!(opens_line(" 一、", 1));
    }

    #[test]
    fn dashed_paragraphs_make_a_list() {
        let text = "——2031年1月9日在某某会议上\n今年重点抓好以下工作:\n——坚定不移抓工业强县,推动扩容提质。\n——坚定不移抓项目投资。\n——坚定不移抓民生保障。\n";
        assert_eq!(
            heads(text),
            [[
                "坚定不移抓工业强县,推动扩容提质",
                "坚定不移抓项目投资",
                "坚定不移抓民生保障"
            ]]
        );
    }

    #[test]
    fn clauses_opening_with_yao_make_a_list() {
        let text = "会议强调,当前正值关键阶段,要聚焦目标不放松;要紧盯项目抓推进;要优化服务环境,做到有求必应。";
        assert_eq!(
            heads(text),
            [[
                "聚焦目标不放松",
                "紧盯项目抓推进",
                "优化服务环境,做到有求必应"
            ]]
        );
        // two clauses, or clauses that merely require, are no list
        assert!(heads("要聚焦目标;要紧盯项目。").is_empty());
        assert!(heads("会议要求各部门落实;要素保障到位;要点清晰。").is_empty());
    }

    /// The ordinal pattern [`ordinal_at`] reads by hand, as a regex.
    const ORDINAL_PATTERN: &str = concat!(
        r"^(?:(?P<shi>[一二三四五六七八九十]{1,3})(?P<shik>是|要)",
        r"|第(?P<di>[一二三四五六七八九十]{1,3})(?:是|[,，、:：])",
        r"|[(（](?P<pcn>[一二三四五六七八九十]{1,3})[)）]",
        r"|(?P<hcn>[一二三四五六七八九十]{1,3})[、.．]",
        r"|[(（](?P<par>[0-9]{1,2})[)）]",
        r"|(?P<ar>[0-9]{1,2})[.．、]",
        r"|(?P<circ>[①-⑳])",
        r"|(?P<seq>首先|其次|再次|最后)(?:[,，:：]|要|是))",
    );

    #[test]
    fn ordinal_reader_agrees_with_the_pattern() {
        let re = Regex::new(ORDINAL_PATTERN).unwrap();
        let alphabet = [
            "一", "十", "是", "要", "第", "(", "）", "、", ".", "，", "1", "2", "③", "首先",
            "最后", "甲",
        ];
        let strings = crate::extract::strings_of(&alphabet, 4);
        for s in &strings {
            let expected = re.captures(s).map(|c| {
                let (name, group) = ["shi", "di", "pcn", "hcn", "par", "ar", "circ", "seq"]
                    .iter()
                    .find_map(|n| c.name(n).map(|g| (*n, g.as_str())))
                    .unwrap();
                let name = match name {
                    "shi" if &c["shik"] == "要" => "yao",
                    n => n,
                };
                (name, group, c.get(0).unwrap().end())
            });
            let got = ordinal_at(s).map(|(w, numeral, end)| {
                let name = match w {
                    Written::Shi => "shi",
                    Written::Yao => "yao",
                    Written::Di => "di",
                    Written::ParenCn => "pcn",
                    Written::HeadCn => "hcn",
                    Written::ParenArabic => "par",
                    Written::Arabic => "ar",
                    Written::Circled => "circ",
                    Written::Sequence => "seq",
                };
                (name, numeral, end)
            });
            assert_eq!(got, expected, "{s}");
        }
    }

    #[test]
    fn clause_end_agrees_with_a_search() {
        let pieces = [
            ",", "，", ";", "；", "。", ":", "：", "!", "！", "甲", "a", "、", "】", "·",
        ];
        for s in crate::extract::strings_of(&pieces, 3) {
            let want = s
                .find([',', '，', ';', '；', '。', ':', '：', '!', '！'])
                .unwrap_or(s.len());
            assert_eq!(clause_end(&s), want, "{s}");
        }
    }

    #[test]
    fn headline_end_agrees_with_a_search() {
        let pieces = [
            ";", "；", "。", ":", "：", "!", "！", "?", "？", "，", "甲", "a", "、", "】", "·",
        ];
        for s in crate::extract::strings_of(&pieces, 3) {
            let want = s
                .find([';', '；', '。', ':', '：', '!', '！', '?', '？'])
                .unwrap_or(s.len());
            assert_eq!(headline_end(&s), want, "{s}");
        }
    }

    #[test]
    fn ordinals_start_only_after_boundaries() {
        let text = "一是甲,二是乙统一是(3)丁\n第二,戊";
        let starts: Vec<&str> = ordinal_starts(text)
            .into_iter()
            .map(|i| &text[i..])
            .collect();
        assert_eq!(
            starts,
            vec![&text[0..], "二是乙统一是(3)丁\n第二,戊", "第二,戊"]
        );
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(cn_number("三"), Some(3));
        assert_eq!(cn_number("十"), Some(10));
        assert_eq!(cn_number("十二"), Some(12));
        assert_eq!(cn_number("二十"), Some(20));
        assert_eq!(cn_number("二十一"), Some(21));
        assert_eq!(cn_number("百"), None);
        // every string of up to four numeral chars, against the positional reading
        let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
        for s in crate::extract::strings_of(&["一", "九", "十", "百"], 4) {
            let chars: Vec<char> = s.chars().collect();
            let want = match chars.as_slice() {
                ['十'] => Some(10),
                [a] => digit(*a),
                ['十', b] => digit(*b).map(|b| 10 + b),
                [a, '十'] => digit(*a).map(|a| a * 10),
                [a, '十', b] => digit(*a).zip(digit(*b)).map(|(a, b)| a * 10 + b),
                _ => None,
            };
            assert_eq!(cn_number(&s), want, "{s}");
        }
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
