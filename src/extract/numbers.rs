//! Numbers and quantities as reports write them: Arabic (`103.16`, `1,200`) and Chinese
//! (`一百零三`, `两千`, `百余`) numerals, magnitudes (`万`, `亿`), units from
//! `data/lexicon/units.txt`, and the bound words around them (`以上`, `左右`, `多`).
//!
//! [`parse_number`] reads one number; [`find_quantities`] finds every number-with-unit in
//! a sentence. Goals, achievements and meeting attendance all read their values here.

mod scan;

use crate::lexicon;
pub use crate::zh::numerals::is_numeral as is_chinese_numeral;
pub(crate) use crate::zh::numerals::is_numeral_code;
use crate::zh::numerals::{DIGITS as CN_DIGITS, NUMERALS as CN_NUMERALS};
pub(crate) use crate::zh::CjkSet;
use crate::zh::{magnitudes, numerals};
use regex::Regex;
use std::sync::LazyLock;

/// How a quantity's written value bounds the real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    /// `以上`, `多`, `余`, `之多`: the value or more.
    AtLeast,
    /// `左右`, `上下`: about the value.
    About,
    /// `以下`, `以内`: the value or less.
    AtMost,
}

/// A number with its unit, found in a piece of text. Cheap to copy: statements copy
/// their sentence's quantities clause by clause.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    /// The value in the written unit (`103.16` for `103.16亿元`).
    pub value: f64,
    /// Magnitude and unit as written (`亿元`, `万人`, `%`, `个`); `％` is folded to `%`.
    pub unit: &'static str,
    /// Byte range of the whole quantity, bound words included.
    pub start: usize,
    pub end: usize,
    /// Byte offset where the unit (with its magnitude) starts.
    pub unit_start: usize,
    pub bound: Bound,
    /// Written in Chinese numerals (`百亿元`, `两家`).
    pub chinese: bool,
}

impl Quantity {
    /// Whether the unit is a rate (`%`, `个百分点`, `倍`, `‰`).
    pub fn is_rate(&self) -> bool {
        is_rate_unit(self.unit)
    }

    /// Whether the unit is money (`元`, `亿元`, `万美元` …).
    pub fn is_money(&self) -> bool {
        self.unit.ends_with('元')
    }

    /// The unit without its magnitude (`万人` → `人`).
    pub fn base_unit(&self) -> &str {
        strip_magnitude(self.unit).1
    }

    /// The value in the base unit (`1.2万人` → 12000).
    pub fn base_value(&self) -> f64 {
        self.value * strip_magnitude(self.unit).0
    }

    /// Whether the quantity counts activities (`次`, `批次`), not results.
    pub fn is_activity(&self) -> bool {
        // the unit's last char first: most units end in none of theirs
        let last = self.unit.chars().next_back();
        ACTIVITY_LAST_CHARS.contains(&last)
            && ACTIVITY_UNITS
                .iter()
                .any(|u| self.unit.ends_with(u) && *u == self.base_unit())
    }
}

/// Whether the unit is percentage points (`个百分点`), the unit of a rate's change.
pub fn is_points_unit(unit: &str) -> bool {
    matches!(unit, "个百分点" | "百分点")
}

/// Whether `unit` is a rate: a percentage, percentage points or a multiple.
pub fn is_rate_unit(unit: &str) -> bool {
    matches!(unit, "%" | "‰" | "个百分点" | "百分点" | "倍")
}

/// The magnitude a unit carries: `亿元` → 1e8, `家` → 1.
pub fn magnitude(unit: &str) -> f64 {
    strip_magnitude(unit).0
}

/// The unit without its magnitude: `万家` → `家`, `亿元` → `元`.
pub fn base_unit(unit: &str) -> &str {
    strip_magnitude(unit).1
}

/// Splits a leading magnitude off a unit: `亿元` → (1e8, `元`).
fn strip_magnitude(unit: &str) -> (f64, &str) {
    magnitudes::split_unit(unit)
}

static ACTIVITY_UNITS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../data/lexicon/activity_units.txt")).collect()
});
/// The last chars of [`ACTIVITY_UNITS`].
static ACTIVITY_LAST_CHARS: LazyLock<Vec<Option<char>>> = LazyLock::new(|| {
    ACTIVITY_UNITS
        .iter()
        .map(|u| u.chars().next_back())
        .collect()
});

/// Every magnitude-and-unit a quantity may have, written out once: units of the lexicon
/// by their first char, each with its forms after [`UNIT_MAGNITUDES`].
type UnitForms = (&'static str, Vec<String>);
static UNIT_NAMES: LazyLock<CharMap<Vec<UnitForms>>> = LazyLock::new(|| {
    let mut groups: Vec<(char, Vec<UnitForms>)> = Vec::new();
    for u in lexicon::entries(include_str!("../../data/lexicon/units.txt")) {
        let Some(c) = u.chars().next() else { continue };
        let forms = (u, UNIT_MAGNITUDES.iter().map(|m| [m, u].concat()).collect());
        match groups.iter_mut().find(|(g, _)| *g == c) {
            Some((_, list)) => list.push(forms),
            None => groups.push((c, vec![forms])),
        }
    }
    CharMap::new(groups)
});

/// The magnitudes a unit may be written with, none first.
const UNIT_MAGNITUDES: [&str; 9] = {
    let mut forms = [""; 9];
    let mut i = 0;
    while i < magnitudes::WORDS.len() {
        forms[i + 1] = magnitudes::WORDS[i];
        i += 1;
    }
    forms
};

/// `magnitude` + `unit` as one static string. Both come from the quantity pattern,
/// whose units are those of the lexicon.
fn unit_name(magnitude: &str, unit: &str) -> &'static str {
    let (_, forms) = unit
        .chars()
        .next()
        .and_then(|c| UNIT_NAMES.get(c))
        .and_then(|group| group.iter().find(|(u, _)| *u == unit))
        .expect("a quantity's unit is in the lexicon");
    let m = UNIT_MAGNITUDES
        .iter()
        .position(|m| *m == magnitude)
        .expect("a quantity's magnitude is one of the pattern's");
    &forms[m]
}

static TIME_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::entries(include_str!("../../data/lexicon/time_units.txt")).collect());

/// A map from chars to values, for the few keys of a lexicon looked up for every char
/// or word of a sentence: open addressing in a table a few times the keys' number,
/// where a lookup takes a probe or two (a sorted table's binary search took several
/// ill-predicted steps).
pub(crate) struct CharMap<T> {
    slots: Vec<Option<(char, T)>>,
    shift: u32,
}

impl<T> CharMap<T> {
    pub(crate) fn new(entries: impl IntoIterator<Item = (char, T)>) -> Self {
        let entries: Vec<(char, T)> = entries.into_iter().collect();
        let bits = (entries.len() * 4)
            .next_power_of_two()
            .trailing_zeros()
            .max(4);
        let mut slots: Vec<Option<(char, T)>> = (0..1usize << bits).map(|_| None).collect();
        let shift = 32 - bits;
        for (c, v) in entries {
            let mut k = Self::slot(c, shift);
            while slots[k].as_ref().is_some_and(|(key, _)| *key != c) {
                k = (k + 1) & (slots.len() - 1);
            }
            slots[k] = Some((c, v));
        }
        CharMap { slots, shift }
    }

    fn slot(c: char, shift: u32) -> usize {
        ((c as u32).wrapping_mul(0x9e37_79b1) >> shift) as usize
    }

    #[inline]
    pub(crate) fn get(&self, c: char) -> Option<&T> {
        let mut k = Self::slot(c, self.shift);
        loop {
            match &self.slots[k] {
                Some((key, v)) if *key == c => return Some(v),
                Some(_) => k = (k + 1) & (self.slots.len() - 1),
                None => return None,
            }
        }
    }
}

/// Reads a number as reports write it: `170`, `1,200`, `103.16`, `1.2万`, `300多`,
/// `百余`, `一百零三`, `两千`, `三亿五千万`. Magnitude words multiply (`1.2万` →
/// 12000); trailing `多`/`余`/`左右`/`以上` are ignored.
pub fn parse_number(s: &str) -> Option<f64> {
    let mut s = s.trim();
    for tail in ["以上", "左右", "上下", "之多", "多", "余", "来"] {
        s = s.strip_suffix(tail).unwrap_or(s);
    }
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        let digits_end = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(s.len());
        let number: f64 = s[..digits_end].replace(',', "").parse().ok()?;
        let rest = s[digits_end..].trim_start_matches(['多', '余']);
        if rest.is_empty() {
            return Some(number);
        }
        return magnitudes::factor(rest).map(|f| number * f);
    }
    numerals::read(s)
}

/// The quantity pattern: number, optional `多/余`, magnitude, unit, bound word.
static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    let units = lexicon::alternation(lexicon::entries(include_str!(
        "../../data/lexicon/units.txt"
    )));
    let time = lexicon::alternation(lexicon::entries(include_str!(
        "../../data/lexicon/time_units.txt"
    )));
    let mags = magnitudes::WORDS.join("|");
    Regex::new(&format!(
        r"(?:百分之(?P<pct>[{CN_NUMERALS}点]+)|(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUMERALS}]+(?:点[{CN_DIGITS}]+)?)\s*(?P<more>[多余])?(?P<mag>{mags})?(?P<more2>[多余])?\s*(?P<unit>{time}|{units}))(?P<bound>及以上|以上|以下|以内|左右|上下|之多)?"
    ))
    .unwrap()
});

/// Indices of [`QUANTITY`]'s named groups, looked up once.
struct GroupIndex {
    pct: usize,
    num: usize,
    more: usize,
    mag: usize,
    more2: usize,
    unit: usize,
    bound: usize,
}

static GROUP_INDEX: LazyLock<GroupIndex> = LazyLock::new(|| {
    let index = |name: &str| {
        QUANTITY
            .capture_names()
            .position(|n| n == Some(name))
            .expect("QUANTITY names the group")
    };
    GroupIndex {
        pct: index("pct"),
        num: index("num"),
        more: index("more"),
        mag: index("mag"),
        more2: index("more2"),
        unit: index("unit"),
        bound: index("bound"),
    }
});

/// [`QUANTITY`]'s matches in `s` with their groups, read by the regex.
fn regex_matches(s: &str) -> Vec<scan::Groups> {
    let g = &*GROUP_INDEX;
    QUANTITY
        .captures_iter(s)
        .map(|c| {
            let get = |i: usize| c.get(i).map(|m| m.range());
            scan::Groups {
                whole: c.get(0).unwrap().range(),
                pct: get(g.pct),
                num: get(g.num),
                more: get(g.more),
                mag: get(g.mag),
                more2: get(g.more2),
                unit: get(g.unit),
                bound: get(g.bound),
            }
        })
        .collect()
}

/// Finds every number-with-unit in `s`, in order. Skips ordinals (`第3个`), parts of
/// codes (`A3个`), durations (`2个月`) and runs of Chinese numerals that are not one
/// number.
pub fn find_quantities(s: &str) -> Vec<Quantity> {
    let matches = scan::matches(s).unwrap_or_else(|| regex_matches(s));
    let mut out = Vec::new();
    for c in matches {
        let whole = c.whole.clone();
        let before = s[..whole.start].chars().next_back();
        if matches!(before, Some(b) if b == '第' || b.is_ascii_alphanumeric() || b == '.' || b == '/')
        {
            continue;
        }
        let bound = match c.bound.clone().map(|b| &s[b]) {
            Some("以上" | "及以上" | "之多") => Bound::AtLeast,
            Some("左右" | "上下") => Bound::About,
            Some("以下" | "以内") => Bound::AtMost,
            _ if c.more.is_some() || c.more2.is_some() => Bound::AtLeast,
            _ => Bound::Exact,
        };
        if let Some(pct) = c.pct {
            if let Some(value) = parse_percent_words(&s[pct]) {
                out.push(Quantity {
                    value,
                    unit: "%",
                    start: whole.start,
                    end: whole.end,
                    unit_start: whole.start,
                    bound,
                    chinese: true,
                });
            }
            continue;
        }
        let (Some(num), Some(unit)) = (c.num, c.unit) else {
            continue;
        };
        let unit_text = &s[unit.clone()];
        if TIME_UNITS.contains(&unit_text) {
            continue;
        }
        let mut numeral = &s[num.clone()];
        let mut magnitude = c.mag.clone().map_or("", |m| &s[m]);
        let chinese = !numeral.starts_with(|c: char| c.is_ascii_digit());
        if chinese && magnitude.is_empty() {
            // the numeral run swallowed the magnitude (百亿 → 百 + 亿)
            for m in ["万亿", "亿", "万"] {
                if let Some(head) = numeral.strip_suffix(m) {
                    if !head.is_empty() {
                        numeral = head;
                        magnitude = m;
                        break;
                    }
                }
            }
        }
        if chinese && (numeral.ends_with(['万', '亿']) || numeral.is_empty()) {
            continue; // `万人` alone: a word, not a number
        }
        let value = if chinese {
            numerals::read(numeral)
        } else if numeral.contains(',') {
            numeral.replace(',', "").parse().ok()
        } else {
            numeral.parse().ok()
        };
        let Some(value) = value else { continue };
        let unit_str = if unit_text == "％" { "%" } else { unit_text };
        // a policy's name in quotes (`“二十条”`) counts nothing
        if chinese && matches!(before, Some('“' | '"')) && s[whole.end..].starts_with(['”', '"'])
        {
            continue;
        }
        let unit_start = match &c.mag {
            Some(m) => m.start,
            None if !magnitude.is_empty() => num.start + numeral.len(),
            None => unit.start,
        };
        // `三百五十亿元人民币`: the currency named after the unit is part of it
        let end = if unit_str.ends_with('元') && s[whole.end..].starts_with("人民币") {
            whole.end + "人民币".len()
        } else {
            whole.end
        };
        out.push(Quantity {
            value,
            unit: unit_name(magnitude, unit_str),
            start: whole.start,
            end,
            unit_start,
            bound,
            chinese,
        });
    }
    out
}

/// `百分之十五` → 15, `百分之三点五` → 3.5.
fn parse_percent_words(s: &str) -> Option<f64> {
    match s.split_once('点') {
        Some((int, frac)) => {
            let i = numerals::read(int)?;
            let digits: Option<String> = frac
                .chars()
                .map(|c| numerals::digit(c).map(|d| char::from(b'0' + d)))
                .collect();
            format!("{i}.{}", digits?).parse().ok()
        }
        None => numerals::read(s),
    }
}

/// Whether `s` has something that could be a number: an ASCII digit or a Chinese
/// numeral.
pub fn may_hold_number(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit()) || s.chars().any(is_chinese_numeral)
}

/// The chars a unit (or `多/余`, the `分` of `百分之`) can start with, sorted.
static UNIT_STARTS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut starts: Vec<char> = lexicon::entries(include_str!("../../data/lexicon/units.txt"))
        .filter_map(|u| u.chars().next())
        .chain(['多', '余', '分'])
        .collect();
    starts.sort_unstable();
    starts.dedup();
    starts
});

/// [`UNIT_STARTS`] for a test per char: a bitmap of those in Chinese text, the
/// others (`%`, `‰`, `％`) in a short list.
struct UnitStarts {
    cjk: CjkSet,
    other: Vec<char>,
}

static UNIT_START_SET: LazyLock<UnitStarts> = LazyLock::new(|| {
    let mut cjk = CjkSet::empty();
    let other = UNIT_STARTS
        .iter()
        .copied()
        .filter(|&c| !cjk.insert(c))
        .collect();
    UnitStarts { cjk, other }
});

impl UnitStarts {
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        self.cjk.contains(c) || !('\u{3000}'..='\u{9fff}').contains(&c) && self.other.contains(&c)
    }
}

/// Whether `s` may hold a quantity: a run of ASCII digits followed by a magnitude or a
/// unit's first char (dates like `2月6日` are not), or a Chinese numeral directly
/// followed by a char a unit can start with. The cheap test run before any quantity
/// search, since Chinese numerals alone (`一是`, `统一`) are in almost every sentence:
/// one pass over the chars, looking up unit starts only after a number.
pub fn may_hold_quantity(s: &str) -> bool {
    let units = &*UNIT_START_SET;
    // after a run of digits (with `.` and `,` inside it), after a Chinese numeral
    let (mut in_digits, mut after_numeral) = (false, false);
    for c in s.chars() {
        if c.is_ascii_digit() {
            in_digits = true;
            after_numeral = false;
            continue;
        }
        if in_digits {
            if c == '.' || c == ',' {
                continue;
            }
            if matches!(c, '万' | '亿' | '千' | '百' | ' ') || units.contains(c) {
                return true;
            }
            in_digits = false;
        } else if after_numeral && units.contains(c) {
            return true;
        }
        after_numeral = is_chinese_numeral(c);
    }
    false
}

/// The code point of the (non-ASCII) char starting at `b[i]` of valid UTF-8, and its
/// length in bytes.
#[inline(always)]
pub(crate) fn decode(b: &[u8], i: usize) -> (u32, usize) {
    let x = b[i] as u32;
    let cont = |k: usize| b[i + k] as u32 & 0x3f;
    if x >= 0xf0 {
        (
            ((x & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    } else if x >= 0xe0 {
        (((x & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (((x & 0x1f) << 6) | cont(1), 2)
    }
}

/// Whether `s` writes a value as a placeholder (`X亿元`, `增长XX`, `×个`): a lone Latin
/// X (or ×) standing where a number would be, as in templates.
pub fn has_placeholder(s: &str) -> bool {
    static RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^A-Za-z])[XxＸ×]{1,3}(?:[^A-Za-z]|$)").unwrap());
    may_have_placeholder(s) && RE.is_match(s)
}

/// Whether `s` has a char a placeholder is written with; false for most sentences,
/// and then for each of their clauses.
pub fn may_have_placeholder(s: &str) -> bool {
    memchr::memchr2(b'X', b'x', s.as_bytes()).is_some() || s.contains('Ｘ') || s.contains('×')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<(f64, String)> {
        find_quantities(s)
            .into_iter()
            .map(|q| (q.value, q.unit.to_string()))
            .collect()
    }

    #[test]
    fn parses_arabic_and_chinese_numbers() {
        assert_eq!(parse_number("170"), Some(170.0));
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("103.16"), Some(103.16));
        assert_eq!(parse_number("300多"), Some(300.0));
        assert_eq!(parse_number("1.2万"), Some(12000.0));
        assert_eq!(parse_number("百余"), Some(100.0));
        assert_eq!(parse_number("一百零三"), Some(103.0));
        assert_eq!(parse_number("两千"), Some(2000.0));
        assert_eq!(parse_number("十二"), Some(12.0));
        assert_eq!(parse_number("二十"), Some(20.0));
        assert_eq!(parse_number("三亿五千万"), Some(3.5e8));
        assert_eq!(parse_number("一万亿"), Some(1e12));
        assert_eq!(parse_number("二〇二四"), Some(2024.0));
        assert_eq!(parse_number("一点二"), Some(1.2));
        assert_eq!(parse_number("十二点零五"), Some(12.05));
        assert_eq!(parse_number("一点"), None);
        assert_eq!(parse_number("十四五"), None);
        assert_eq!(parse_number("三三两两"), None);
        assert_eq!(parse_number("X"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn finds_quantities_with_magnitudes_and_units() {
        assert_eq!(q("产值达到58.6亿元"), vec![(58.6, "亿元".into())]);
        assert_eq!(q("收入完成2350万元"), vec![(2350.0, "万元".into())]);
        assert_eq!(q("突破百亿元"), vec![(100.0, "亿元".into())]);
        assert_eq!(q("兑现资金一点二亿元"), vec![(1.2, "亿元".into())]);
        assert_eq!(q("办理贷款4,560万元"), vec![(4560.0, "万元".into())]);
        assert_eq!(
            q("出台“二十条”,总投资三百亿元人民币"),
            vec![(300.0, "亿元".into())]
        );
        assert_eq!(q("投资过十亿元项目"), vec![(10.0, "亿元".into())]);
        assert_eq!(q("新增就业1.5万人"), vec![(1.5, "万人".into())]);
        assert_eq!(q("利用外资2.3亿美元"), vec![(2.3, "亿美元".into())]);
        assert_eq!(q("提高1.5个百分点"), vec![(1.5, "个百分点".into())]);
        assert_eq!(q("增长3.2倍"), vec![(3.2, "倍".into())]);
        assert_eq!(q("增长百分之十五"), vec![(15.0, "%".into())]);
        assert_eq!(q("达到85％"), vec![(85.0, "%".into())]);
        assert_eq!(
            q("收储土地560亩、企业12家"),
            vec![(560.0, "亩".into()), (12.0, "家".into())]
        );
        assert_eq!(
            q("引进5亿元项目4个"),
            vec![(5.0, "亿元".into()), (4.0, "个".into())]
        );
    }

    #[test]
    fn reads_bounds() {
        let f = |s: &str| find_quantities(s)[0].bound;
        assert_eq!(f("项目20个以上"), Bound::AtLeast);
        assert_eq!(f("300多人"), Bound::AtLeast);
        assert_eq!(f("百余人"), Bound::AtLeast);
        assert_eq!(f("增长7%左右"), Bound::About);
        assert_eq!(f("控制在3%以内"), Bound::AtMost);
        assert_eq!(f("共85人"), Bound::Exact);
        assert_eq!(find_quantities("300多人")[0].value, 300.0);
    }

    #[test]
    fn skips_dates_ordinals_durations_and_words() {
        assert!(q("2024年3月5日召开").is_empty());
        assert!(q("位居第3名").is_empty());
        assert!(q("用2个月时间").is_empty());
        assert!(q("“十四五”规划").is_empty());
        assert!(q("走进万家").is_empty());
        assert!(q("电话0531-8888888").is_empty());
        assert!(q("增长X%").is_empty());
        assert!(q("完成投资X亿元").is_empty());
    }

    #[test]
    fn tells_units_apart() {
        let qs = find_quantities("完成5.6亿元,增长12%,外出招商8批次");
        assert!(qs[0].is_money() && !qs[0].is_rate());
        assert!(qs[1].is_rate());
        assert!(qs[2].is_activity());
        assert_eq!(qs[0].base_unit(), "元");
        let people = &find_quantities("参会人员1.2万人")[0];
        assert_eq!((people.base_value(), people.base_unit()), (12000.0, "人"));
    }

    #[test]
    fn tells_quickly_whether_a_quantity_may_be_there() {
        assert!(may_hold_quantity("完成34亿元"));
        assert!(may_hold_quantity("突破百亿元"));
        assert!(may_hold_quantity("增长6%"));
        assert!(may_hold_quantity("300多人"));
        assert!(!may_hold_quantity("一是坚持统一领导"));
        assert!(!may_hold_quantity("三大任务、统一领导"));
        assert!(!may_hold_quantity("2024年3月5日上午"));
        assert!(may_hold_quantity("3月5日,引进1.5万人"));
    }

    /// The pairs [`may_hold_quantity`] looks for, spelled out: a digit run (with `.`
    /// `,` inside) before a magnitude, a blank or a unit's first char; a Chinese numeral
    /// before a unit's first char.
    fn may_hold_quantity_by_pairs(s: &str) -> bool {
        let chars: Vec<char> = s.chars().collect();
        let unit = |c: char| UNIT_STARTS.contains(&c);
        chars
            .windows(2)
            .any(|w| CN_NUMERALS.contains(w[0]) && unit(w[1]))
            || (0..chars.len()).any(|i| {
                let starts_run = chars[i].is_ascii_digit();
                let mut j = i;
                while j < chars.len() && (chars[j].is_ascii_digit() || ".,".contains(chars[j])) {
                    j += 1;
                }
                starts_run
                    && chars
                        .get(j)
                        .is_some_and(|&c| "万亿千百 ".contains(c) || unit(c))
            })
    }

    #[test]
    fn quantity_pretest_finds_every_pair() {
        let alphabet = [
            "1", ".", ",", " ", "三", "百", "亿", "元", "个", "年", "月", "是", "%",
        ];
        let strings = crate::extract::strings_of(&alphabet, 4);
        for s in &strings {
            assert_eq!(may_hold_quantity(s), may_hold_quantity_by_pairs(s), "{s}");
        }
        let numerals: String = ('\u{3000}'..='\u{9fff}')
            .filter(|&c| is_chinese_numeral(c))
            .collect();
        assert_eq!(numerals.chars().count(), CN_NUMERALS.chars().count());
        assert!(numerals.chars().all(|c| CN_NUMERALS.contains(c)));
    }

    /// Strings made of pieces of the quantity pattern: digits and groups, blanks,
    /// numerals that are also magnitudes or begin units (`千瓦`, `百分点`), `百分之`,
    /// `多/余`, units, time units and bound words.
    const PIECES: [&str; 24] = [
        "1",
        "0",
        ",",
        "234",
        ".",
        " ",
        "百",
        "分之",
        "三",
        "千",
        "万",
        "亿",
        "多",
        "余",
        "米",
        "瓦时",
        "个",
        "月",
        "%",
        "以上",
        "点",
        "元",
        "百分点",
        "第",
    ];

    #[test]
    fn scanner_agrees_with_the_pattern() {
        let mut strings = crate::extract::strings_of(&PIECES, 3);
        // longer strings, pieces picked by a fixed linear congruential sequence
        let mut state = 0x2545_f491_u64;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize
        };
        for _ in 0..30_000 {
            let n = 4 + next() % 6;
            strings.push((0..n).map(|_| PIECES[next() % PIECES.len()]).collect());
        }
        for s in &strings {
            assert!(!scan::has_other_digits(s));
            assert_eq!(scan::matches(s), Some(regex_matches(s)), "{s}");
        }
    }

    #[test]
    fn other_digits_go_to_the_regex() {
        assert!(scan::has_other_digits("增长１２%"));
        assert_eq!(scan::matches("增长１２%"), None);
        assert!(!scan::has_other_digits("增长12%,〇①"));
        // `\d` matches no char of U+2000..U+9FFF, which the check skips
        let digit = Regex::new(r"^\d$").unwrap();
        assert!(('\u{2000}'..='\u{9fff}').all(|c| !digit.is_match(c.encode_utf8(&mut [0; 4]))));
        assert_eq!(q("增长１２%"), Vec::<(f64, String)>::new());
        assert_eq!(q("完成１２亿元,增长7%"), vec![(7.0, "%".into())]);
    }

    #[test]
    fn spots_placeholders() {
        assert!(has_placeholder("总产值X亿元"));
        assert!(has_placeholder("增长XX"));
        assert!(has_placeholder("共有×个项目"));
        assert!(!has_placeholder("AVSP许可"));
        assert!(!has_placeholder("增长6%"));
    }
}
