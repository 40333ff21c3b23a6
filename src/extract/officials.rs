//! Officials and their posts: `区党工委书记、管委会主任张三`, `区领导李四、王五等`.
//!
//! A post is written as a title chain in front of a name: elements split on `、`, each
//! `[jurisdiction][body]title` (`区` + `党工委` + `书记`). The name after the chain is
//! checked against the surname list and must be followed by something that can follow
//! a name (a verb like `主持`, `同志`, punctuation), which is how its length (2–4 chars)
//! is decided. The jurisdiction resolves to a zone: a named place (`某某高新区`), or a bare
//! level (`区`, `市`, `省`) resolved to the report's zone of that level; an element with
//! none inherits from the element before it.

pub(crate) mod appointments;

use super::zones::{self, is_han};
use super::{Context, Extractor};
use crate::lexicon;
use crate::lexicon::WordsByChar;
use crate::model::{Level, Official, Post, Report};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;
use std::sync::LazyLock;

pub struct Officials;

impl Extractor for Officials {
    fn name(&self) -> &'static str {
        "officials"
    }

    fn extract(&self, cx: &Context, report: &mut Report) {
        let mut found: Vec<Official> = Vec::new();
        let mentions = cx.mentions(report);
        let last = mentions.len().saturating_sub(1);
        for (i, in_sentence) in mentions.iter().enumerate() {
            for mention in in_sentence.iter().cloned() {
                // a page cut off mid-name (`…管委会主任陈`) states no name
                if i == last && cut_off_at(cx.sentence(i), mention.span.end) {
                    continue;
                }
                let evidence = cx.evidence(i);
                let official = match found.iter_mut().find(|o| o.name == mention.name) {
                    Some(o) => o,
                    None => {
                        found.push(Official {
                            name: mention.name.clone(),
                            posts: Vec::new(),
                            evidence: Some(evidence.clone()),
                        });
                        found.last_mut().expect("just pushed")
                    }
                };
                for mut post in mention.posts {
                    if !official
                        .posts
                        .iter()
                        .any(|p| p.title == post.title && p.zone == post.zone)
                    {
                        post.evidence = Some(evidence.clone());
                        official.posts.push(post);
                    }
                }
            }
        }
        report.officials = found;
    }
}

struct Lexicons {
    titles: AhoCorasick,
    /// The titles by last char, for the search through every sentence (cheaper than
    /// the automaton there, as `长`, `委`, `员` are common chars).
    titles_by_last: WordsByChar,
    title_words: Vec<&'static str>,
    bodies: Vec<&'static str>,
    surnames: HashSet<&'static str>,
    /// What may follow a name, longest first, by first char (one group to try).
    followers: WordsByChar,
    /// Words no name opens with, by first char.
    not_names: WordsByChar,
    lead_stops: Vec<&'static str>,
}

static LEX: LazyLock<Lexicons> = LazyLock::new(|| {
    let title_words: Vec<&str> =
        lexicon::entries(include_str!("../../data/lexicon/titles.txt")).collect();
    let titles = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&title_words)
        .expect("title automaton");
    let mut bodies: Vec<&str> =
        lexicon::entries(include_str!("../../data/lexicon/bodies.txt")).collect();
    bodies.sort_by_key(|b| std::cmp::Reverse(b.len()));
    let mut followers: Vec<&str> =
        lexicon::entries(include_str!("../../data/lexicon/name_followers.txt")).collect();
    followers.sort_by_key(|b| std::cmp::Reverse(b.len()));
    let mut lead_stops: Vec<&str> =
        lexicon::entries(include_str!("../../data/lexicon/title_lead_stop.txt")).collect();
    lead_stops.sort_by_key(|b| std::cmp::Reverse(b.len()));
    Lexicons {
        titles,
        titles_by_last: WordsByChar::by_last(title_words.iter().copied()),
        title_words,
        bodies,
        surnames: lexicon::entries(include_str!("../../data/lexicon/surnames.txt")).collect(),
        followers: WordsByChar::by_first(followers),
        not_names: WordsByChar::by_first(lexicon::entries(include_str!(
            "../../data/lexicon/not_names.txt"
        ))),
        lead_stops,
    }
});

/// A person named in a sentence with the posts the sentence gives them.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub name: String,
    pub posts: Vec<Post>,
    /// Byte range of the name in the sentence.
    pub span: std::ops::Range<usize>,
}

/// Every titled person in one sentence.
pub fn mentions_in(sentence: &str, report: &Report) -> Vec<Mention> {
    let lex = &*LEX;
    let mut out = Vec::new();
    // (a byte search: a test by char costs as much as the rest of this function)
    static QUOTE_MARKS: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        LazyLock::new(|| ["“", "「"].map(|q| memchr::memmem::Finder::new(q.as_bytes())));
    let quoted = QUOTE_MARKS
        .iter()
        .any(|f| f.find(sentence.as_bytes()).is_some());
    // the body of the chain before, for a chain that names none (`管委会常务副主任甲,
    // 副主任乙、丙`)
    let mut carried: Option<(Option<String>, Option<String>)> = None;
    for (m, id) in lex.titles_by_last.leftmost_longest(sentence) {
        let title = lex.title_words[id];
        if title == "总书记" || title == "总理" {
            // only where the sentence goes on to quote them (`…总书记深刻指出`, `…总书记关于
            // …的重要论述`), not in set phrases such as `…总书记系列重要讲话精神`
            // the leader named with the title is an official wherever the text speaks of
            // them (`某某总书记指出`, `…在…时的重要讲话`), not in the set phrase
            // `…总书记系列重要讲话精神`
            let set_phrase = sentence[m.end..].starts_with("系列");
            if let Some(name) = name_before(sentence, m.start).filter(|_| !set_phrase) {
                let start = m.start - name.len();
                out.push(Mention {
                    posts: vec![Post {
                        title: title.to_string(),
                        ..Post::default()
                    }],
                    span: start..m.start,
                    name,
                });
            }
            continue;
        }
        // `管委会副主任(挂职) 某某`: a short note in brackets between title and name
        // a title inside quotes is a slogan's word (`“工委委员包联企业”制度`)
        if quoted && in_quotes(&sentence[..m.start]) {
            continue;
        }
        let names = names_at(sentence, after_note(sentence, m.end));
        if names.is_empty() {
            continue;
        }
        let posts = title_chain(sentence, m.start, m.end, report, carried.as_ref());
        if let Some(last) = posts.last() {
            carried = Some((last.zone.clone(), last.organization.clone()));
        }
        for (name, span) in names {
            out.push(Mention {
                name,
                posts: posts.clone(),
                span,
            });
        }
    }
    out
}

/// Whether a name ending at `end` runs into the end of a text that stops without
/// punctuation: the page was cut there, maybe inside the name.
fn cut_off_at(last_sentence: &str, end: usize) -> bool {
    let body = last_sentence.trim_end();
    end >= body.len() && body.chars().next_back().is_some_and(is_han)
}

/// [`mentions_in`], and in a document that may hold appointments (`任命某某同志为…`, see
/// [`appointments::may_hold_appointments`]) the people they name before their posts.
pub fn mentions_with_appointments(sentence: &str, report: &Report, notices: bool) -> Vec<Mention> {
    let mut out = mentions_in(sentence, report);
    if notices {
        for m in appointments::appointments_in(sentence, report) {
            if !out.iter().any(|o| o.name == m.name) {
                out.push(m);
            }
        }
    }
    out
}

/// Whether the end of `before` lies inside a quotation (an opening mark not closed).
fn in_quotes(before: &str) -> bool {
    let open = before.rfind(['“', '「']);
    let close = before.rfind(['”', '」']);
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Past a short bracketed note at `at` (`(挂职)`, `（兼）`), if one is there.
fn after_note(s: &str, at: usize) -> usize {
    let rest = &s[at..];
    let Some(inner) = rest.strip_prefix(['(', '（']) else {
        return at;
    };
    match inner.find([')', '）']) {
        Some(close) if inner[..close].chars().count() <= 6 => {
            let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
            s.len() - inner[close + close_len..].len()
        }
        _ => at,
    }
}

/// Names starting at `at`: `张三`, `张三同志`, `张三、李四、王五等`.
fn names_at(s: &str, mut at: usize) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    at += s[at..].len() - s[at..].trim_start_matches([' ', '\t']).len();
    while let Some((name, end)) = name_at(s, at)
        .map(|n| {
            let end = at + n.len();
            (n, end)
        })
        .or_else(|| padded_name_at(s, at))
        .or_else(|| (!out.is_empty()).then(|| list_name_at(s, at)).flatten())
    {
        // a later list item that is followed by a title starts a new chain (`、区政协主席…`)
        if !out.is_empty() && (follow_strength(&s[end..]) == 0 || starts_with_title(&s[at..])) {
            break;
        }
        out.push((name, at..end));
        let rest = &s[end..];
        let rest = rest.strip_prefix("同志").unwrap_or(rest);
        // `甲、乙`; `甲,乙分别…` only where what follows the next name is a strong sign
        let next = rest.strip_prefix('、').or_else(|| {
            let r = rest.strip_prefix([',', '，'])?;
            let n = name_at(s, s.len() - r.len())?;
            (follow_strength(&r[n.len()..]) >= 2 && !starts_with_title(r)).then_some(r)
        });
        match next {
            Some(r) => at = s.len() - r.len(),
            None => break,
        }
    }
    out
}

/// `卜　宏`: a two-character name padded with blanks to the width of the names listed
/// beside it; the name and where it ends.
fn padded_name_at(s: &str, at: usize) -> Option<(String, usize)> {
    let first = s[at..].chars().next()?;
    if !LEX
        .surnames
        .contains(first.encode_utf8(&mut [0; 4]) as &str)
    {
        return None;
    }
    let rest = &s[at + first.len_utf8()..];
    let given = rest.trim_start_matches([' ', '　']);
    let pad = rest.len() - given.len();
    let second = given.chars().next().filter(|&c| is_han(c))?;
    let end = at + first.len_utf8() + pad + second.len_utf8();
    // padding is a list's, so what follows is punctuation or a word that follows names
    (pad > 0 && pad <= 6 && follow_strength(&s[end..]) >= 1)
        .then(|| (format!("{first}{second}"), end))
}

/// Whether a title word starts within the next few characters (a new title chain).
/// A later item of a list of names (`区领导甲、乙、丙出席`) whose surname the list lacks:
/// two or three Han characters closed by `、`, punctuation or a strong follower (`等`,
/// `出席`), holding no title and no function word.
fn list_name_at(s: &str, at: usize) -> Option<(String, usize)> {
    let rest = &s[at..];
    let len = rest.chars().take(4).take_while(|&c| is_han(c)).count();
    (2..=len.min(3)).find_map(|n| {
        let end = at + rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
        let cand = &s[at..end];
        let closed = s[end..].starts_with('、') || follow_strength(&s[end..]) >= 2;
        (closed
            && !cand.contains(FUNCTION_CHARS)
            && !opens_with_not_name(cand)
            && !starts_with_title(cand)
            && !LEX.titles.is_match(cand))
        .then(|| (cand.to_string(), end))
    })
}

fn starts_with_title(s: &str) -> bool {
    let head: String = s.chars().take(8).take_while(|&c| is_han(c)).collect();
    LEX.titles.find(head.as_str()).is_some()
}

/// The person name at `at`, if one starts there.
pub fn name_at(s: &str, at: usize) -> Option<String> {
    let lex = &*LEX;
    let chars: Vec<char> = s[at..].chars().take(5).collect();
    if chars.len() < 2 || !chars.iter().take(2).all(|&c| is_han(c)) {
        return None;
    }
    let dotted = with_dotted_part(s, at, String::new());
    if !dotted.is_empty() {
        return Some(dotted);
    }
    let two: String = chars[..2].iter().collect();
    let one = chars[0].to_string();
    let (surname_len, lengths): (usize, &[usize]) = if lex.surnames.contains(two.as_str()) {
        (2, &[3, 4])
    } else if lex.surnames.contains(one.as_str()) {
        (1, &[2, 3])
    } else {
        return None;
    };
    let mut best: Option<(usize, u8)> = None; // (length, strength of what follows)
    for &len in lengths {
        if len > chars.len() || !chars[..len].iter().all(|&c| is_han(c)) {
            continue;
        }
        let cand: String = chars[..len].iter().collect();
        let given: String = chars[surname_len..len].iter().collect();
        let rest = &s[at + cand.len()..];
        let strength = follow_strength(rest);
        // `韦清和宣读`: a name may end in `和` when a verb, not a name, follows
        // (`郁清和作推介`: nor when a one-character verb follows)
        let verb_follows = rest.starts_with(ONE_CHAR_VERBS);
        let ends_in_function_word = ends_with_single_follower(&cand)
            && strength < 2
            && !(cand.ends_with('和') && verb_follows);
        // `李四作专题报告`: a verb after a name is the verb, whatever follows it, where
        // the name without it is long enough to be a name
        let swallows_verb = len > surname_len + 1 && ends_with_verb(&cand);
        let given_body = given.trim_end_matches(|c| (strength >= 2 || verb_follows) && c == '和');
        if opens_with_not_name(&given)
            || opens_with_not_name(&cand)
            || ends_in_function_word
            || swallows_verb
            || given_body.contains(FUNCTION_CHARS)
        {
            continue;
        }
        if strength > 0 && best.is_none_or(|(_, b)| strength >= b) {
            best = Some((len, strength));
        }
    }
    let len = match best {
        Some((len, _)) => len,
        // nothing known follows: most names are three characters
        None => {
            let len = surname_len + 2;
            if len > chars.len() || !chars[..len].iter().all(|&c| is_han(c)) {
                return None;
            }
            let given: String = chars[surname_len..len].iter().collect();
            let cand: String = chars[..len].iter().collect();
            if opens_with_not_name(&given)
                || opens_with_not_name(&cand)
                || given.contains(FUNCTION_CHARS)
            {
                return None;
            }
            len
        }
    };
    let name: String = chars[..len].iter().collect();
    Some(with_dotted_part(s, at, name))
}

/// `艾尔肯·吐尔逊`: a name written in parts joined by a middle dot.
fn with_dotted_part(s: &str, at: usize, name: String) -> String {
    let rest = &s[at..];
    let first: String = rest.chars().take_while(|&c| is_han(c)).take(6).collect();
    let Some(after) = rest[first.len()..].strip_prefix(['·', '•', '・']) else {
        return name;
    };
    let second: String = after.chars().take_while(|&c| is_han(c)).take(8).collect();
    if first.chars().count() >= 2 && second.chars().count() >= 2 {
        format!("{first}·{second}")
    } else {
        name
    }
}

/// Function words that do not occur in given names (`关于抓落实` is no name). `向` and
/// `之` are left out: they are common in given names (`向东`, `敬之`), and a name followed
/// by `向` (`某某向大会报告`) is cut by [`ends_with_single_follower`].
const FUNCTION_CHARS: &[char] = &[
    '的', '了', '于', '在', '是', '把', '被', '等', '及', '对', '和', '与', '这', '那', '其', '也',
    '都', '就', '要', '会', '将', '让', '使', '从',
];

fn ends_with_single_follower(cand: &str) -> bool {
    cand.ends_with([
        '等', '在', '就', '对', '向', '为', '与', '和', '及', '并', '也', '还', '又', '则', '从',
        '作', '做', '说', '谈', '率', '赴', '到', '同',
    ])
}

/// Whether a name candidate ends in a one-character verb that opens what a person
/// does (`作`, `说`, `赴`): given names rarely end in these, so the verb follows the name.
fn ends_with_verb(cand: &str) -> bool {
    cand.ends_with(ONE_CHAR_VERBS)
}

/// Verbs of one character that open what a person does (`作报告`, `说`, `赴`).
const ONE_CHAR_VERBS: [char; 6] = ['作', '做', '说', '谈', '率', '赴'];

/// How surely `rest` is what follows a name: 3 punctuation or end, 2 a word of two or
/// more characters, 1 a one-character word, 0 nothing known.
fn follow_strength(rest: &str) -> u8 {
    match rest.chars().next() {
        None => 3,
        Some(c) if !is_han(c) && !c.is_ascii_alphanumeric() => 3,
        Some(c) => LEX
            .followers
            .get(c)
            .iter()
            .find(|(f, _)| rest.starts_with(f))
            .map_or(0, |(f, _)| if f.chars().count() >= 2 { 2 } else { 1 }),
    }
}

/// Whether `s` opens with a word no name opens with (`not_names.txt`).
fn opens_with_not_name(s: &str) -> bool {
    LEX.not_names.starts(s)
}

/// A three-character name right before `end` (`…习某某总书记`).
fn name_before(s: &str, end: usize) -> Option<String> {
    let chars: Vec<char> = s[..end].chars().rev().take(3).collect();
    if chars.len() < 3 || !chars.iter().all(|&c| is_han(c)) {
        return None;
    }
    let name: String = chars.iter().rev().collect();
    let start = end - name.len();
    name_at(s, start).filter(|n| *n == name)
}

/// One element of a title chain: `区` + `党工委` + `书记`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Element {
    jurisdiction: String,
    body: String,
    title: String,
}

/// Parses the chain of titles ending at `end` (the last title spans `start..end`) and
/// resolves each element to a post.
fn title_chain(
    s: &str,
    start: usize,
    end: usize,
    report: &Report,
    carried: Option<&(Option<String>, Option<String>)>,
) -> Vec<Post> {
    let mut elements = Vec::new();
    let (mut t_start, mut t_end) = (start, end);
    loop {
        let left = element_start(s, t_start);
        elements.push(parse_element(&s[left..t_start], &s[t_start..t_end]));
        // another element before this one, joined by `、` (or `,` between two chains)
        let before = &s[..left];
        // `县委副书记  开发区党工委书记 某某`: titles padded apart by blanks
        let spaced = before.trim_end_matches([' ', '　']);
        let sep = if spaced.len() < before.len() {
            Some(' ')
        } else {
            before
                .chars()
                .next_back()
                .filter(|c| matches!(c, '、' | ',' | '，'))
        };
        let Some(sep) = sep else {
            break;
        };
        let prev_end = if sep == ' ' {
            spaced.len()
        } else {
            left - sep.len_utf8()
        };
        // `各局主要负责人,某某公司总经理某某`: a post of unnamed people ends a list item
        if sep != '、' && s[..prev_end].ends_with("负责人") {
            break;
        }
        match LEX.titles.find_iter(&s[..prev_end]).last() {
            Some(m) if m.end() == prev_end => {
                t_start = m.start();
                t_end = m.end();
            }
            _ => break,
        }
        if elements.len() > 6 {
            break;
        }
    }
    elements.reverse();
    let mut posts = Vec::new();
    let mut inherited: Option<(Option<String>, Option<String>)> = None; // zone, organization
    if elements
        .first()
        .is_some_and(|e| e.jurisdiction.is_empty() && e.body.is_empty())
    {
        inherited = carried.cloned();
    }
    for e in elements {
        let post = resolve(&e, inherited.as_ref(), report);
        inherited = Some((post.zone.clone(), post.organization.clone()));
        posts.push(post);
    }
    posts
}

/// Start of the chain element whose title starts at `title_start`: back over Han
/// characters (and a bracketed short name) to punctuation, minus leading words that
/// are not part of the post (`由`, `会上`).
fn element_start(s: &str, title_start: usize) -> usize {
    let mut left = title_start;
    let mut depth = 0;
    for (i, c) in s[..title_start].char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth > 0 => depth -= 1,
            c if depth > 0 || is_han(c) => {}
            _ => break,
        }
        left = i;
        if title_start - left > 60 {
            break;
        }
    }
    // `大会由县人大常委会主任…`: what precedes `由` is the sentence, not the post
    if let Some(i) = s[left..title_start].rfind('由') {
        left += i + '由'.len_utf8();
    }
    // `会议确定区科技局局长…`: a verb before the chain is no part of it
    // (only where a jurisdiction follows it: department names hold verbs, `投资促进局`)
    let span_end = title_start + s[title_start..].chars().next().map_or(0, char::len_utf8);
    let floor = left + super::pos::name_floor(&s[left..span_end], title_start - left);
    if floor > left
        && (s[floor..].starts_with(['区', '市', '县', '省', '镇', '乡'])
            || crate::gazetteer::get().form_at_start(&s[floor..]).is_some())
    {
        left = floor;
    }
    let mut stripped = true;
    while stripped {
        stripped = false;
        for w in &LEX.lead_stops {
            if s[left..title_start].starts_with(w) && left + w.len() <= title_start {
                left += w.len();
                stripped = true;
                break;
            }
        }
    }
    left
}

fn parse_element(prefix: &str, title: &str) -> Element {
    let mut rest = prefix;
    let mut body = String::new();
    // peel bodies from the right: `区委组织部` → 组织部, then 区委
    while let Some(b) = LEX.bodies.iter().find(|b| rest.ends_with(**b)) {
        body.insert_str(0, b);
        rest = &rest[..rest.len() - b.len()];
    }
    Element {
        jurisdiction: rest.to_string(),
        body,
        title: title.to_string(),
    }
}

/// The level a body or title implies (`区委`, `副市长` → city).
fn implied_level(e: &Element) -> Option<Level> {
    let probe = format!("{}{}", e.body, e.title);
    let first_body = LEX
        .bodies
        .iter()
        .find(|b| e.body.starts_with(**b))
        .copied()
        .unwrap_or("");
    let level_of = |c: char| match c {
        '省' => Some(Level::Province),
        '市' => Some(Level::City),
        '区' => Some(Level::District),
        '县' => Some(Level::County),
        '镇' | '乡' => Some(Level::Town),
        _ => None,
    };
    if let Some(c) = first_body
        .chars()
        .next()
        .filter(|_| first_body.chars().count() <= 3)
    {
        if let Some(l) = level_of(c) {
            return Some(l);
        }
    }
    for (word, level) in [
        ("区长", Level::District),
        ("市长", Level::City),
        ("县长", Level::County),
        ("省长", Level::Province),
        ("镇长", Level::Town),
        ("乡长", Level::Town),
    ] {
        if probe.ends_with(word) {
            return Some(level);
        }
    }
    if ["区领导", "市领导", "省领导", "县领导"].contains(&e.title.as_str()) {
        return e.title.chars().next().and_then(level_of);
    }
    None
}

fn zone_of_level(report: &Report, level: Level) -> Option<String> {
    let focal = zones::focal(report);
    let pick = match level {
        // `区委`, `区长`: the district itself where the report names one
        Level::District => focal
            .filter(|z| z.level == Some(Level::District))
            .or_else(|| zones::unique_of_level(report, Level::District))
            .or_else(|| focal.filter(|z| z.level == Some(Level::Zone))),
        Level::County => focal
            .filter(|z| z.level == Some(Level::County))
            .or_else(|| zones::unique_of_level(report, Level::County)),
        other => zones::unique_of_level(report, other).or_else(|| named_in_focal(report, other)),
    };
    pick.map(|z| z.name.clone())
}

/// The zone a bare `党工委` or `管委会` belongs to: the report's development zone (the
/// focal one where it is one), not a city or province the report names more often.
fn focal_development_zone(report: &Report) -> Option<&crate::model::Zone> {
    zones::focal(report)
        .filter(|z| z.level == Some(Level::Zone))
        .or_else(|| report.zones.iter().find(|z| z.level == Some(Level::Zone)))
        .or_else(|| zones::focal(report))
}

/// Of several places of a level, the one the report's zone is named after
/// (`某某市` for `某某经济技术开发区`).
fn named_in_focal(report: &Report, level: Level) -> Option<&crate::model::Zone> {
    let focal = zones::focal(report)?;
    let g = crate::gazetteer::get();
    report
        .zones
        .iter()
        .filter(|z| z.level == Some(level))
        .find(|z| {
            let short = g.named(&z.name).first().and_then(|&i| g.division(i).short);
            std::iter::once(z.name.as_str())
                .chain(short)
                .any(|form| focal.name != z.name && focal.name.starts_with(form))
        })
}

const COMPANY_SUFFIXES: &[&str] = &[
    "集团",
    "公司",
    "银行",
    "协会",
    "商会",
    "学会",
    "中心",
    "医院",
    "大学",
    "学院",
    "学校",
    "研究院",
    "研究所",
    "基金会",
    "合作社",
    "联合会",
];

/// Endings of department names (`商务局`, `党群工作部`, `发展改革委`): a post in a department
/// is titled with it (`商务局副局长`), as the body stays in `组织部部长`.
const DEPARTMENT_SUFFIXES: &[&str] = &[
    "局",
    "部",
    "委",
    "办",
    "厅",
    "处",
    "科",
    "中心",
    "办公室",
    "委员会",
];

/// Splits a department off the end of an unresolved jurisdiction: `市商务局` → (`市`,
/// `商务局`); `某某经开区经济发展局` → (`某某经开区`, `经济发展局`).
fn split_department<'j>(j: &'j str, report: &Report) -> Option<(&'j str, &'j str)> {
    if !DEPARTMENT_SUFFIXES.iter().any(|d| j.ends_with(d)) || j.chars().count() < 2 {
        return None;
    }
    // `区委办`, `市政府办`: an office of the level's committee or government keeps the
    // level, which is part of its name
    let mut chars = j.chars();
    if let (Some(level), Some('委' | '政')) = (chars.next(), chars.next()) {
        if single_level(level.encode_utf8(&mut [0; 4])).is_some() {
            return Some(("", j));
        }
    }
    let mut best: Option<(&str, &str)> = None;
    for (i, _) in j.char_indices().skip(1) {
        let (place, dept) = j.split_at(i);
        let placed = single_level(place).is_some()
            || report
                .zones
                .iter()
                .any(|z| z.name == place || z.aliases.iter().any(|a| a == place));
        if placed && dept.chars().count() >= 2 {
            best = Some((place, dept));
        }
    }
    best.or(Some(("", j)))
}

/// Academic ranks: a person's own, whatever unit names it (`某某大学经济学院教授` is a
/// 教授 of that school), unlike the offices of a department (`商务局副局长`).
const PERSONAL_RANKS: &[&str] = &["教授", "副教授", "研究员", "副研究员"];

fn resolve(
    e: &Element,
    inherited: Option<&(Option<String>, Option<String>)>,
    report: &Report,
) -> Post {
    let unit = format!("{}{}", e.jurisdiction, e.body);
    // `市委某某专项工作第三督导组成员`: a member of a named group, titled with the group
    // (without the committee that sent it, which is its organization's head)
    if e.title == "组成员" && !unit.is_empty() {
        let mut post = resolve_office(e, inherited, report);
        let group = [
            "省委",
            "市委",
            "区委",
            "县委",
            "省政府",
            "市政府",
            "区政府",
            "县政府",
        ]
        .iter()
        .find_map(|b| unit.strip_prefix(b))
        .filter(|g| !g.is_empty())
        .unwrap_or(&unit);
        post.title = format!("{group}{}", e.title);
        post.organization = Some(format!("{unit}组"));
        return post;
    }
    if PERSONAL_RANKS.contains(&e.title.as_str()) && !unit.is_empty() {
        let mut post = resolve_office(e, inherited, report);
        post.title = e.title.clone();
        post.organization = Some(unit);
        return post;
    }
    resolve_office(e, inherited, report)
}

fn resolve_office(
    e: &Element,
    inherited: Option<&(Option<String>, Option<String>)>,
    report: &Report,
) -> Post {
    if e.body.is_empty() {
        if let Some((place, dept)) = split_department(&e.jurisdiction, report) {
            let inner = Element {
                jurisdiction: place.to_string(),
                body: String::new(),
                title: e.title.clone(),
            };
            let mut post = resolve_office(&inner, inherited, report);
            // a government is no part of the title (`…政府经济局副局长` → 经济局副局长)
            let dept = ["人民政府", "政府"]
                .iter()
                .find_map(|g| dept.strip_prefix(g))
                .filter(|d| !d.is_empty())
                .unwrap_or(dept);
            post.title = format!("{dept}{}", e.title);
            post.organization = Some(e.jurisdiction.clone());
            return post;
        }
    }
    let is_zone_body = ["党工委", "管委会", "管委", "工委"]
        .iter()
        .any(|b| e.body.starts_with(b));
    // a government is no part of the title: `市政府副市长` → 副市长, `省政府副秘书长` → 副秘书长
    let mut title = if e.body.ends_with("政府") {
        e.title.clone()
    } else {
        let inner = LEX
            .bodies
            .iter()
            .find(|b| e.body.ends_with(**b))
            .copied()
            .unwrap_or("");
        // keep `区委` in `区委副书记`; drop outer bodies (`区委组织部` → 组织部部长), and
        // all of them before a title that names its own (`管委会党组成员` → 党组成员)
        if ["党组", "党工委", "党委"]
            .iter()
            .any(|b| e.title.starts_with(b))
        {
            e.title.clone()
        } else {
            format!("{inner}{}", e.title)
        }
    };
    // `经开区领导`, `新区领导`: leaders of the zone, written `区领导`
    if title.ends_with("区领导") && !matches!(title.as_str(), "区领导") {
        title = "区领导".to_string();
    }
    if title.starts_with("管委") && !title.starts_with("管委会") {
        title = title.replacen("管委", "管委会", 1);
    }
    // `党工委委员、副主任`, `管委会党组书记、主任`: a bare 主任 after a zone body is the
    // management committee's (the party bodies have none)
    let mut e_body = e.body.clone();
    let bare_director = e.body.is_empty()
        && e.jurisdiction.is_empty()
        && matches!(e.title.as_str(), "主任" | "副主任" | "常务副主任");
    let inherited_org = inherited.and_then(|(_, org)| org.as_deref()).unwrap_or("");
    // `人大常委会党组书记、主任`: the body under the party group has the director
    let directed = inherited_org.strip_suffix("党组").and_then(|o| {
        DIRECTED_BODIES
            .iter()
            .find(|(end, _)| o.ends_with(end))
            .map(|(_, body)| *body)
    });
    // `县农业农村局党组书记、局长`: the bureau's own head
    let bureau = inherited_org
        .strip_suffix("党组")
        .filter(|o| o.ends_with('局') && e.body.is_empty() && e.jurisdiction.is_empty())
        .filter(|_| matches!(e.title.as_str(), "局长" | "副局长" | "常务副局长"))
        .map(|o| {
            let mut chars = o.chars();
            match chars.next() {
                Some(c) if single_level(c.encode_utf8(&mut [0; 4])).is_some() => chars.as_str(),
                _ => o,
            }
        });
    if let Some(bureau) = bureau {
        title = format!("{bureau}{}", e.title);
        e_body = bureau.to_string();
    } else if let Some(body) = directed.filter(|_| bare_director) {
        title = format!("{body}{}", e.title);
        e_body = body.to_string();
    } else if bare_director
        && (inherited_org.contains("党工委")
            || inherited_org.contains("管委会")
            || inherited_org.contains("工委"))
    {
        title = format!("管委会{}", e.title);
        e_body = "管委会".to_string();
    }
    let organization_from_body = (!e_body.is_empty()).then(|| e_body.clone());
    let j = e.jurisdiction.as_str();
    let (zone, organization) = if j.is_empty() {
        match implied_level(e) {
            Some(level) => (zone_of_level(report, level), organization_from_body),
            None => match inherited {
                Some((zone, org)) => (zone.clone(), organization_from_body.or_else(|| org.clone())),
                None if is_zone_body => (
                    focal_development_zone(report).map(|z| z.name.clone()),
                    organization_from_body,
                ),
                None => (None, organization_from_body),
            },
        }
    } else if let Some(level) = single_level(j) {
        // `区党工委`: the zone's own bodies, whatever district the report also names
        let zone = if is_zone_body && level == Level::District {
            focal_development_zone(report).map(|z| z.name.clone())
        } else {
            zone_of_level(report, level)
        };
        (zone, organization_from_body)
    } else if COMPANY_SUFFIXES.iter().any(|s| j.ends_with(s)) {
        (None, Some(j.to_string()))
    } else if let Some(z) = zones::resolve(report, j) {
        (Some(z.name.clone()), organization_from_body)
    } else if is_zone_body {
        // a zone body under a name we could not place (a garbled or unusual form): the
        // report's own zone is by far the likeliest
        (
            zones::focal(report).map(|z| z.name.clone()),
            organization_from_body,
        )
    } else {
        (None, Some(format!("{j}{}", e.body)))
    };
    Post {
        title,
        organization,
        zone,
        evidence: None,
    }
}

/// Bodies headed by a 主任 that a party group sits over (`人大常委会党组书记、主任`), by
/// how the group's body is written: a people's congress's director is its standing
/// committee's (`区人大党组书记、主任`).
const DIRECTED_BODIES: &[(&str, &str)] = &[
    ("人大常委会", "人大常委会"),
    ("人大", "人大常委会"),
    ("监察委员会", "监察委员会"),
    ("管委会", "管委会"),
    ("委员会", "委员会"),
];

fn single_level(j: &str) -> Option<Level> {
    match j {
        "区" => Some(Level::District),
        "市" => Some(Level::City),
        "省" => Some(Level::Province),
        "县" => Some(Level::County),
        "镇" | "乡" => Some(Level::Town),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
