//! Tests and cuts on the text of one sentence or clause that the statement reader uses:
//! where a clause may start with a time, a zone or an ordinal, where verbs and links
//! end, how a sentence splits into clauses, and which readings are acceptable.

use super::*;

/// Whether [`LEADING_TIME`] may match: it starts with one of its first chars (`\d` is
/// covered by `is_numeric`).
pub(super) fn may_lead_with_time(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        is_numeric(c)
            || matches!(
                c,
                '到' | '至'
                    | '截'
                    | '今'
                    | '明'
                    | '去'
                    | '全'
                    | '年'
                    | '上'
                    | '下'
                    | '前'
                    | '第'
                    | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '十'
                    | '“'
                    | '"'
            )
    })
}

/// `char::is_numeric`, told at once for the ideographs, none of which is numeric (the
/// Chinese numerals are letters to Unicode).
pub(super) fn is_numeric(c: char) -> bool {
    !('\u{3400}'..='\u{9fff}').contains(&c) && c.is_numeric()
}

/// Whether [`LEADING_ZONE`] may match: every zone word ends in `区` or `园`, at most
/// 10 + 9 chars in.
pub(super) fn may_lead_with_zone(s: &str) -> bool {
    s.chars().take(19).any(|c| c == '区' || c == '园')
}

/// Whether [`ENUMERATOR`] may match (`\d` and `①-⑳` are covered by `is_numeric`).
pub(super) fn may_lead_with_enumerator(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        is_numeric(c) || matches!(c, '(' | '（') || crate::zh::numerals::is_ordinal_numeral(c)
    })
}

/// The words after the last `实现`/`完成` in an indicator, when a long preamble runs
/// into it without a comma (`…齐心协力实现地区生产总值` → `地区生产总值`).
pub(super) fn after_last_verb(s: &str) -> &str {
    last_verb_end(s)
        .filter(|&i| {
            s[..i].chars().count() > 8 && s[i..].chars().count() >= 2 && !s[i..].starts_with('率')
        })
        .map_or(s, |i| &s[i..])
}

/// `氢能产业实现产值` → `氢能产业产值`, `民营企业完成进出口额` → `民营企业进出口额`:
/// `实现`/`完成` between a short subject and the figure's noun is the verb of the
/// sentence, not part of the indicator's name. `完成投资` is a name of its own.
pub(super) fn without_inner_realize(indicator: String) -> String {
    // the first `实现` or `完成`, read char by char (indicators are short)
    let found = indicator.char_indices().find_map(|(at, c)| {
        let verb = match c {
            '实' => "实现",
            '完' => "完成",
            _ => return None,
        };
        indicator[at..].starts_with(verb).then_some((at, verb))
    });
    match found {
        Some((at, verb))
            if (2..=8).contains(&indicator[..at].chars().count())
                && indicator[at + verb.len()..].chars().count() >= 2
                && !(verb == "完成" && indicator[at + verb.len()..].starts_with("投资")) =>
        {
            [&indicator[..at], &indicator[at + verb.len()..]].concat()
        }
        _ => indicator,
    }
}

/// Where the last `实现` or `完成` in `s` ends.
pub(super) fn last_verb_end(s: &str) -> Option<usize> {
    const VERBS: [&str; 2] = ["实现", "完成"];
    // both words are as long: the last to start ends last. Candidates are found by
    // the last bytes of their first chars, which few other chars share
    let [a, b] = VERBS.map(|v| v.as_bytes()[2]);
    let bytes = s.as_bytes();
    memchr::memrchr2_iter(a, b, bytes)
        .filter_map(|k| k.checked_sub(2))
        .find(|&i| VERBS.iter().any(|v| bytes[i..].starts_with(v.as_bytes())))
        .map(|i| i + VERBS[0].len())
}

/// Cuts link words off the end of the text before a value; returns what is left, the
/// kinds the words imply (closest to the value first), and whether a result verb was
/// among them.
pub(super) fn strip_links(pre: &str) -> (&str, Vec<Option<GoalKind>>, bool) {
    let mut s = pre.trim_end();
    let mut kinds = Vec::new();
    let mut result_verb = false;
    'outer: loop {
        for (w, k) in LINKS_BY_LAST.get(s.chars().next_back()) {
            if let Some(rest) = s.strip_suffix(w) {
                if RESULT_VERBS.contains(w) || matches!(*w, "达" | "累计" | "共计" | "共") {
                    result_verb = true;
                }
                kinds.push(*k);
                s = rest.trim_end();
                continue 'outer;
            }
        }
        break;
    }
    (s, kinds, result_verb)
}

/// Names that pair two indicators in one word, each with the words that part them:
/// `城乡居民人均可支配收入分别达到A元和B元` gives one figure for 城镇 and one for 农村.
pub(super) const PAIRED_PREFIXES: [(&str, [&str; 2]); 1] = [("城乡", ["城镇", "农村"])];

/// `城乡居民收入` → `城镇居民收入`, `农村居民收入`, in the order reports give them.
pub(super) fn split_paired_name(name: &str) -> Option<Vec<String>> {
    PAIRED_PREFIXES.iter().find_map(|(pair, parts)| {
        let rest = name.strip_prefix(pair)?;
        (!rest.is_empty()).then(|| parts.iter().map(|p| [p, rest].concat()).collect())
    })
}

pub(super) fn kind_of(rd: &Reading) -> GoalKind {
    let rate = rd.qty.is_rate();
    let kinds = || rd.kind.into_iter();
    if kinds().any(|k| k == GoalKind::Reduce) {
        GoalKind::Reduce
    } else if rd.qty.bound == Bound::AtLeast && !kinds().any(|k| k == GoalKind::Level) {
        // `增长10%以上`: a floor, as `X以上` is wherever it stands
        GoalKind::AtLeast
    } else if rate
        && (kinds().any(|k| k == GoalKind::Growth)
            || rd.indicator.ends_with("增速") && !kinds().any(|k| k == GoalKind::AtLeast))
    {
        GoalKind::Growth
    } else if kinds().any(|k| k == GoalKind::AtLeast) || rd.qty.bound == Bound::AtLeast {
        GoalKind::AtLeast
    } else if rate && rd.qty.bound == Bound::About && !rd.indicator.ends_with(['率', '重', '比'])
    {
        GoalKind::Growth
    } else {
        rd.kind.unwrap_or(GoalKind::Level)
    }
}

pub(super) static EVENT_MARKERS: LazyLock<Words> =
    LazyLock::new(|| Words::of_lexicon(include_str!("../../../data/lexicon/event_markers.txt")));
pub(super) static EVENT_VERBS: LazyLock<Words> =
    LazyLock::new(|| Words::of_lexicon(include_str!("../../../data/lexicon/event_verbs.txt")));

/// Whether a sentence tells the figures of an event as held: `此次`, `现场`, `共有`
/// with `签约`, `开工` (`此次集中开工项目32个`).
pub(super) fn tells_event(s: &str) -> bool {
    EVENT_MARKERS.is_match(s) && EVENT_VERBS.is_match(s)
}

/// `共有21个项目现场签约` → `签约项目` 21: a count, the noun it counts and the event
/// verb that ends the clause, with no more than a count word before the value.
pub(super) fn read_event_count(c: &str, qs: &[Quantity]) -> Option<Reading> {
    static LEAD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:其中|共有|共|计有|有)?[,，]?$").unwrap());
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        let verbs = lexicon::alternation(lexicon::entries(include_str!(
            "../../../data/lexicon/event_verbs.txt"
        )));
        Regex::new(&format!(
            r"^(\p{{Han}}{{1,6}}?)(?:现场|集中|成功|顺利|正式)?({verbs})了?[”\x22)）。!！]*$"
        ))
        .unwrap()
    });
    let q = qs.first()?;
    if qs.len() != 1 || q.chinese || q.is_rate() || q.is_money() || !LEAD.is_match(&c[..q.start]) {
        return None;
    }
    let tail = TAIL.captures(&c[q.end..])?;
    Some(Reading::counted_result(
        format!("{}{}", &tail[2], &tail[1]),
        *q,
        c.len(),
        None,
    ))
}

/// The result verb (`完成`) right before the last occurrence of `indicator` in `text`,
/// or nothing.
pub(super) fn verb_before<'t>(text: &'t str, indicator: &str) -> &'t str {
    let Some(at) = text.rfind(indicator) else {
        return "";
    };
    let pre = &text[..at];
    RESULT_VERBS_BY_LAST
        .get(pre.chars().next_back())
        .iter()
        .find(|v| pre.ends_with(*v))
        .map_or("", |v| &pre[pre.len() - v.len()..])
}

/// Whether an indicator is a figure of one named project (`…开工的某某新材料项目总投资`),
/// which describes that project, not a target or result of the zone.
pub(super) fn is_one_project(indicator: &str) -> bool {
    static ONE_PROJECT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"的\p{Han}[^,，;；、]{3,}项目(?:计划)?总投资$").unwrap());
    if !indicator.ends_with("总投资") {
        return false;
    }
    if ONE_PROJECT.is_match(indicator) {
        return true;
    }
    // `某某半导体封测基地项目总投资`: a project called by its name, not a batch of them
    // (`签约项目总投资`, `重点项目总投资`, `本次开工项目总投资`)
    const BATCH: [&str; 17] = [
        "签约",
        "开工",
        "重点",
        "重大",
        "集中",
        "拉练",
        "观摩",
        "本次",
        "此次",
        "在建",
        "新建",
        "续建",
        "竣工",
        "全部",
        "上述",
        "亿元以上",
        "招引",
    ];
    let name = indicator
        .trim_end_matches("总投资")
        .trim_end_matches("计划")
        .strip_suffix("项目");
    name.is_some_and(|n| {
        n.chars().count() >= 6
            && n.chars().all(crate::extract::zones::is_han)
            && !BATCH.iter().any(|b| n.contains(b))
    })
}

/// Whether a reading may stand as a statement of this tense.
pub(super) fn acceptable(rd: &Reading, tense: Tense) -> bool {
    let n = rd.indicator.chars().count();
    if !(2..=40).contains(&n) || rd.qty.value <= 0.0 {
        return false;
    }
    if rd
        .indicator
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
    {
        return false;
    }
    if NOT_RESULTS.is_match(&rd.indicator) || is_one_project(&rd.indicator) {
        return false;
    }
    // a move in a ranking (`较五年前前移27位`) is no figure
    const RANK_MOVES: [&str; 7] = ["前移", "提升", "上升", "前进", "跃升", "后移", "下降"];
    if rd.qty.unit == "位" && RANK_MOVES.iter().any(|m| rd.indicator.ends_with(m)) {
        return false;
    }
    // a Chinese count of one is an idiom more often than a figure (`一个中心`)
    if rd.qty.chinese && !rd.qty.is_money() && !rd.qty.is_rate() && rd.qty.value < 2.0 {
        return false;
    }
    tense == Tense::Plan || !rd.qty.is_activity()
}

/// Whether a result in `unit` takes the bare change that follows it as its own: an
/// amount takes any (`34亿元,同比增长2%`), a share or rate only a change in points
/// (`比重达到30%,同比提高2个百分点`), as a rate's `增长2%` is no change of it.
pub(super) fn takes_change(unit: &str, change: Option<&Change>) -> bool {
    // a change in a count (`比上年末净增41家`) belongs to a figure counted alike only
    if let Some(c) = change.filter(|c| !numbers::is_rate_unit(&c.unit)) {
        return numbers::base_unit(unit) == numbers::base_unit(&c.unit);
    }
    if !numbers::is_rate_unit(unit) {
        return true;
    }
    let in_points = change.is_some_and(|c| numbers::is_points_unit(&c.unit));
    matches!(unit, "%" | "‰") && in_points
}

pub(super) fn is_fall(s: &str) -> bool {
    static FALLS: LazyLock<Words> =
        LazyLock::new(|| Words::new(vec!["下降", "减少", "降低", "回落", "下滑"]));
    FALLS.is_match(s)
}

/// Whether [`CHANGE_WORDS`] may match: the text ends in a change verb, `了` aside.
pub(super) fn may_end_with_change(s: &str) -> bool {
    let s = s.strip_suffix('了').unwrap_or(s);
    [
        "增长", "增加", "提高", "上升", "提升", "上涨", "下降", "减少", "降低", "回落", "下滑",
    ]
    .iter()
    .any(|w| s.ends_with(w))
}

/// Whether nothing but closing punctuation follows a value.
pub(super) fn tail_is_empty(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '”' | '"' | '’' | ')' | '）' | '。' | '!' | '！' | '…' | '.'
            )
    })
}

pub(super) fn ends_with_any(s: &str, ws: &[&str]) -> bool {
    ws.iter().any(|w| s.ends_with(w))
}

/// Splits at any of `seps` that stand outside quotes.
pub(super) fn split_outside_quotes<'a>(s: &'a str, seps: &[&str]) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0i32, 0usize, 0usize);
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next().unwrap();
        match c {
            '“' | '「' | '《' | '(' | '（' => depth += 1,
            '”' | '」' | '》' | ')' | '）' => depth -= 1,
            _ => {}
        }
        if depth <= 0 {
            if let Some(sep) = seps.iter().find(|sep| rest.starts_with(**sep)) {
                parts.push(&s[start..i]);
                i += sep.len();
                start = i;
                continue;
            }
        }
        i += c.len_utf8();
    }
    parts.push(&s[start..]);
    parts.retain(|p| !p.trim().is_empty());
    parts
}

/// Cuts a sentence into clauses at `,;:` outside quotes, and at `、` that follows a
/// value (`开工率超过90%、上半年…`).
pub(super) fn split_clauses(s: &str, qs: &[Quantity]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(8);
    let (mut depth, mut start) = (0i32, 0usize);
    // a clause holds `分别` only if the sentence does
    let may_pair = find_word(s, "分别").is_some();
    for (i, c) in s.char_indices() {
        match c {
            '“' | '「' | '《' => depth += 1,
            '”' | '」' | '》' => depth -= 1,
            _ => {}
        }
        let cut = match c {
            // a thousands separator (`4,560万元`) is inside its quantity
            ',' => depth <= 0 && !qs.iter().any(|q| q.start < i && i < q.end),
            '，' | ';' | '；' | ':' | '：' | '。' | '!' | '！' | '?' | '？' => depth <= 0,
            // not inside `A、B分别增长8%、10%`, where the values pair with the names
            '、' => {
                depth <= 0
                    && qs.iter().any(|q| q.end == i)
                    && !(may_pair && find_word(&s[start..i], "分别").is_some())
            }
            // a full stop typed as `.` after a word ends the clause; in `1.2` it is a point
            // and after a percent sign when a word, not a digit, follows (`47.8%.今年以来`)
            '.' => {
                depth <= 0
                    && s[..i].chars().next_back().is_some_and(|p| {
                        !p.is_ascii()
                            || p == '%' && s[i + 1..].chars().next().is_some_and(|n| !n.is_ascii())
                    })
            }
            _ => false,
        };
        if cut {
            if i > start {
                out.push(start..i);
            }
            start = i + c.len_utf8();
        }
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}
