//! What a meeting is called and where it was held, in a sentence that says it was held:
//! by the named rules of [`NAME_RULES`] in order (a verb of holding, a study group's
//! session, talks, a batch of projects started together).

use super::dating::YESTERDAY;
use super::roles::CLAUSE_END;
use super::*;
use crate::lexicon::WordSet;

/// How a meeting was held, before its verb (`以视频形式`, `以线上线下结合方式`).
static MANNER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"以[^,，。;；]{1,10}?(?:形式|方式)$").unwrap());

/// Whether a held activity is a tour of sites (`重大项目建设拉练活动`, `观摩活动`), which
/// is no meeting; the meeting held after it (`拉练点评会`) is one.
pub(super) fn is_tour(name: &str) -> bool {
    words(Word::Tour).occurs_in(name) && !name.ends_with('会')
}

/// The words of `meeting_words.txt` tagged `tag`.
fn words(tag: Word) -> &'static WordSet {
    MEETINGS.words.set(tag)
}

/// What a party committee's theory study group is called for short (`理论学习中心组`).
pub(super) const STUDY_GROUP: &str = "中心组";

/// A meeting's name, and its venue where the sentence gives one.
pub(super) type Named = (String, Option<String>);

/// A named rule reading a meeting's name (and venue) from a sentence, or `None` to leave
/// it to the rules after it.
pub(super) struct NameRule {
    /// What the rule is for (the tests name the rule that answers).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub apply: fn(&str) -> Option<Named>,
}

/// The name rules, in the order they are tried: the first that answers names the
/// meeting.
pub(super) static NAME_RULES: &[NameRule] = &[
    NameRule {
        name: "verb of holding",
        apply: held_name_and_venue,
    },
    NameRule {
        name: "study session",
        apply: |s| study_session(s).map(|n| (n, None)),
    },
    NameRule {
        name: "talks",
        apply: |s| talks(s).map(|n| (n, None)),
    },
    NameRule {
        name: "batch of projects",
        apply: |s| batch_event(s).map(|n| (n, None)),
    },
];

/// The meeting's name (and venue) in a sentence that says it was held.
pub(super) fn name_and_venue(s: &str) -> Option<Named> {
    NAME_RULES.iter().find_map(|r| (r.apply)(s))
}

/// What the words of `meeting_batch_events.txt` open with.
pub(super) const BATCH: &str = "集中";

/// `3月23日,园区28个重点项目集中开工。`: a dated batch of projects started (signed,
/// completed) together, named by its clause; not one planned (`力争…集中开工`).
fn batch_event(s: &str) -> Option<String> {
    if !MONTH_DAY.is_match(s) {
        return None;
    }
    MEETINGS.batches.words().iter().find_map(|w| {
        s.match_indices(w).find_map(|(at, _)| {
            let end = at + w.len();
            let ends_clause = s[end..]
                .chars()
                .next()
                .is_none_or(|c| CLAUSE_END.contains(&c));
            let name = name_ending_any(&s[..end])?;
            let planned =
                words(Word::Plan).occurs_in(&name) || words(Word::PlanBatch).occurs_in(&name);
            (ends_clause && !planned && name.contains("项目")).then_some(name)
        })
    })
}

/// The run of name characters that ends `s`, after a lead date.
fn name_ending_any(s: &str) -> Option<String> {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c) || c.is_ascii_digit() || matches!(c, '(' | ')' | '“' | '”'))
        .last()
        .map(|(i, _)| i)?;
    let mut name = &s[start..];
    if let Some(m) = MONTH_DAY.find(name) {
        name = &name[m.end()..];
    }
    (name.chars().count() >= 4).then(|| name.to_string())
}

/// Talks, the word held without a verb of holding (`座谈`, but not `座谈会`).
pub(super) const TALKS: &str = "座谈";

/// `与某某研究院进行了座谈交流`: talks with a party, named from `与` on; not talks
/// planned (`将与…座谈`).
pub(super) fn talks(s: &str) -> Option<String> {
    s.match_indices(TALKS).find_map(|(at, _)| {
        let after = &s[at + TALKS.len()..];
        if after.starts_with('会') {
            return None;
        }
        let clause_start = s[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| CLAUSE_END.contains(c))
            .map_or(0, |(c, ch)| c + ch.len_utf8());
        let clause = &s[clause_start..at];
        // the first: the party's own name may hold one (`研究与发展中心`)
        let with = clause.find(['与', '同'])?;
        let before = &clause[..with];
        if words(Word::Plan).occurs_in(before) || words(Word::PlanTalks).occurs_in(before) {
            return None;
        }
        let mut party = &clause[with..];
        for verb in words(Word::TalksVerb).words() {
            if let Some(p) = party.strip_suffix(verb) {
                party = p;
                break;
            }
        }
        let tail = if after.starts_with("交流") {
            "交流"
        } else {
            ""
        };
        (party.chars().count() >= 3).then(|| format!("{party}{TALKS}{tail}"))
    })
}

/// Whether a meeting's name is that of talks (`与某某座谈交流`), which a report tells
/// as one stop of a visit, dated by the visit.
pub(super) fn is_talks(name: &str) -> bool {
    name.contains(TALKS) && !name.contains("座谈会")
}

/// `某某党工委理论学习中心组开展2024年第3次集体学习`: the group and its session make
/// the name.
fn study_session(s: &str) -> Option<String> {
    for verb in words(Word::StudyVerb).words() {
        for (at, _) in s.match_indices(verb) {
            let subject = trim_adverbs(&s[..at]);
            if !subject.ends_with(STUDY_GROUP) {
                continue;
            }
            let Some(session) = name_after(&s[at + verb.len()..]) else {
                continue;
            };
            let mut start = subject.len();
            for (i, c) in subject.char_indices().rev() {
                if !(is_han(c) || c.is_ascii_digit()) {
                    break;
                }
                start = i;
            }
            let mut group = &subject[start..];
            if let Some(m) = MONTH_DAY.find(group) {
                group = &group[m.end()..];
            }
            return Some(format!("{group}{session}"));
        }
    }
    None
}

/// `…大会在…召开`, `召开…会议`: a meeting named before or after a verb of holding.
fn held_name_and_venue(s: &str) -> Option<Named> {
    let held = &MEETINGS.held;
    if !held.occurs_in(s) {
        return None;
    }
    for verb in held.words() {
        for (at, _) in s.match_indices(verb) {
            // `召开…会议`: the name follows the verb
            if let Some(name) = name_after(&s[at + verb.len()..]) {
                if passed_on(&s[..at], &s[at + verb.len()..], &name) {
                    continue;
                }
                return Some((name, venue_before(&s[..at])));
            }
            // `9月27日,甲主持召开会议,专题学习…`: a dated meeting named no more than that
            if bare_meeting(&s[at + verb.len()..]) && MONTH_DAY.is_match(&s[..at]) {
                return Some((BARE_MEETING.to_string(), venue_before(&s[..at])));
            }
            // `…大会(在…)召开`: the name precedes, maybe with a venue between
            let before = &s[..at];
            let (head, venue) = match before.rfind('在') {
                Some(v) if v > 0 && noun_end(&before[..v]).is_some() => {
                    (&before[..v], venue_before(before))
                }
                _ => (before, None),
            };
            // `…会议以视频形式召开`: the manner is no part of the name
            let head = trim_adverbs(head);
            let head = MANNER.find(head).map_or(head, |m| &head[..m.start()]);
            if let Some(name) = name_ending(head) {
                return Some((name, venue));
            }
        }
    }
    None
}

/// What a meeting is called where the report gives it no name.
const BARE_MEETING: &str = "会议";

/// Whether `after` a verb of holding is the bare word for a meeting, ending its clause.
fn bare_meeting(after: &str) -> bool {
    after
        .trim_start_matches('了')
        .strip_prefix(BARE_MEETING)
        .is_some_and(|r| {
            r.chars()
                .next()
                .is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric())
        })
}

/// Whether a meeting named after a verb of holding is one whose spirit the report's
/// meeting passes on (`传达了11月26日召开的市委经济工作会议精神`), not one held here.
fn passed_on(before: &str, after: &str, name: &str) -> bool {
    let rest = after.trim_start_matches(['了', ' ', '的']);
    let following = rest.get(name.len()..).unwrap_or("");
    if following.starts_with("精神") {
        return true;
    }
    // `传达学习…召开的…会议`: the verb of passing on in the same clause, before it
    let clause = before
        .rsplit([',', '，', ';', '；'])
        .next()
        .unwrap_or(before);
    after.starts_with('的') && words(Word::PassingOn).occurs_in(clause)
}

/// `s` without the adverbs and times of day that end it (`隆重`, `上午`, `昨日`).
pub(super) fn trim_adverbs(s: &str) -> &str {
    let mut s = s;
    for part in words(Word::TimeOfDay).words() {
        s = s.strip_suffix(part).unwrap_or(s);
    }
    if let Some(m) = s
        .ends_with('日')
        .then(|| YESTERDAY.find_iter(s).last())
        .flatten()
        .filter(|m| m.end() == s.len())
    {
        s = &s[..m.start()];
    }
    for adv in words(Word::Adverb).words() {
        s = s.strip_suffix(adv).unwrap_or(s);
    }
    s
}

/// Byte offset just past a meeting word that ends `s`, if one does.
fn noun_end(s: &str) -> Option<usize> {
    let s2 = trim_adverbs(s);
    MEETINGS.nouns.longest_suffix(s2).and_then(|n| {
        let before = s2[..s2.len() - n.len()].chars().next_back();
        (n.chars().count() > 1 || before.is_some_and(is_han)).then_some(s2.len())
    })
}

/// The meeting name that ends `s`: back to punctuation or to the end of a date.
fn name_ending(s: &str) -> Option<String> {
    let end = noun_end(s)?;
    let s = &s[..end];
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        if is_han(c)
            || c.is_ascii_digit()
            || matches!(c, '〇' | '“' | '”' | '"' | '·' | '(' | ')' | '《' | '》')
        {
            start = i;
        } else {
            break;
        }
    }
    let mut name = &s[start..];
    // a lead date (`2月6日上午,` is cut by the comma; `2月6日上午某某会` is not)
    if let Some(m) = MONTH_DAY.find(name) {
        name = &name[m.end()..];
        for t in words(Word::DateTail).words() {
            name = name.strip_prefix(t).unwrap_or(name);
        }
    }
    let name = strip_subject(name);
    (name.chars().count() >= 3).then(|| name.to_string())
}

/// Removes a leading `区委、区政府`-style subject or `由…` that is not part of a name.
fn strip_subject(name: &str) -> &str {
    let mut n = name;
    for lead in words(Word::Lead).words() {
        n = n.strip_prefix(lead).unwrap_or(n);
    }
    n
}

/// `召开X会议…`: the meeting name right after the verb.
fn name_after(s: &str) -> Option<String> {
    let s = s.trim_start_matches(['了', ' ', '的']);
    let mut end = 0;
    let mut last_noun_end = None;
    for (i, c) in s.char_indices() {
        if !(is_han(c)
            || c.is_ascii_digit()
            || matches!(
                c,
                '“' | '”' | '"' | '·' | '(' | ')' | '《' | '》' | '-' | '—' | '~'
            ))
        {
            break;
        }
        end = i + c.len_utf8();
        if noun_end(&s[..end]).is_some() {
            last_noun_end = Some(end);
        }
        if end > 150 {
            break;
        }
    }
    let _ = end;
    let name = &s[..last_noun_end?];
    (name.chars().count() >= 3).then(|| name.to_string())
}

/// `…在某某礼堂` before the verb: the venue.
fn venue_before(s: &str) -> Option<String> {
    let s = trim_adverbs(s);
    let at = s.rfind('在')?;
    let venue = &s[at + '在'.len_utf8()..];
    let ok = venue.chars().count() >= 2
        && venue.chars().count() <= 30
        && !words(Word::NotVenue).contains(venue)
        && venue
            .chars()
            .all(|c| is_han(c) || c.is_ascii_alphanumeric() || c == '(' || c == ')');
    ok.then(|| venue.to_string())
}
