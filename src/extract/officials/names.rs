//! Person names: where a name after a title starts and ends, decided by the surname
//! list and by what follows it (`主持`, `同志`, punctuation), and the lists of names that
//! share a title (`区领导甲、乙、丙等`).

use crate::extract::zones::is_han;
use crate::lexicon::officials::OFFICIALS;

/// Names starting at `at`: `张三`, `张三同志`, `张三、李四、王五等`.
pub(super) fn names_at(s: &str, mut at: usize) -> Vec<(String, std::ops::Range<usize>)> {
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
    if !OFFICIALS
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
pub(super) fn list_name_at(s: &str, at: usize) -> Option<(String, usize)> {
    let rest = &s[at..];
    let len = rest.chars().take(4).take_while(|&c| is_han(c)).count();
    (2..=len.min(3)).find_map(|n| {
        let end = at + rest.char_indices().nth(n).map_or(rest.len(), |(i, _)| i);
        let cand = &s[at..end];
        let closed = s[end..].starts_with('、') || follow_strength(&s[end..]) >= 2;
        (closed
            && !cand.contains(function_chars())
            && !opens_with_not_name(cand)
            && !starts_with_title(cand)
            && !OFFICIALS.titles.occurs_in(cand))
        .then(|| (cand.to_string(), end))
    })
}

fn starts_with_title(s: &str) -> bool {
    let head: String = s.chars().take(8).take_while(|&c| is_han(c)).collect();
    OFFICIALS.titles.occurs_in(&head)
}

/// The person name at `at`, if one starts there.
pub fn name_at(s: &str, at: usize) -> Option<String> {
    let lex = &*OFFICIALS;
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
        let verb_follows = rest.starts_with(verb_chars());
        let ends_in_function_word = ends_with_single_follower(&cand)
            && strength < 2
            && !(cand.ends_with('和') && verb_follows);
        // `李四作专题报告`: a verb after a name is the verb, whatever follows it, where
        // the name without it is long enough to be a name
        let swallows_verb = len > surname_len + 1 && ends_with_verb(&cand);
        // `李明副研究员`: the last char opens the title that follows, not the name
        let last_at = at + cand.len() - chars[len - 1].len_utf8();
        let opens_title = len > surname_len + 1 && OFFICIALS.titles.starts(&s[last_at..]);
        let given_body = given.trim_end_matches(|c| (strength >= 2 || verb_follows) && c == '和');
        if opens_with_not_name(&given)
            || opens_with_not_name(&cand)
            || ends_in_function_word
            || swallows_verb
            || opens_title
            || given_body.contains(function_chars())
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
                || given.contains(function_chars())
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

/// Function words that do not occur in given names (`关于抓落实` is no name); see
/// `name_chars.txt`.
fn function_chars() -> &'static [char] {
    &OFFICIALS.function_chars
}

fn ends_with_single_follower(cand: &str) -> bool {
    cand.ends_with(&OFFICIALS.follower_chars[..])
}

/// Whether a name candidate ends in a one-character verb that opens what a person
/// does (`作`, `说`, `赴`): given names rarely end in these, so the verb follows the name.
fn ends_with_verb(cand: &str) -> bool {
    cand.ends_with(verb_chars())
}

/// Verbs of one character that open what a person does (`作报告`, `说`, `赴`).
fn verb_chars() -> &'static [char] {
    &OFFICIALS.verb_chars
}

/// How surely `rest` is what follows a name: 3 punctuation or end, 2 a word of two or
/// more characters, 1 a one-character word, 0 nothing known.
fn follow_strength(rest: &str) -> u8 {
    match rest.chars().next() {
        None => 3,
        Some(c) if !is_han(c) && !c.is_ascii_alphanumeric() => 3,
        // a title after a name (`李明副研究员`) is a word that follows names
        Some(_)
            if OFFICIALS
                .titles
                .longest_prefix(rest)
                .is_some_and(|t| t.chars().count() >= 2) =>
        {
            2
        }
        Some(c) => OFFICIALS
            .followers
            .starting_with(c)
            .iter()
            .find(|(f, _)| rest.starts_with(f))
            .map_or(0, |(f, _)| if f.chars().count() >= 2 { 2 } else { 1 }),
    }
}

/// Whether `s` opens with a word no name opens with (`not_names.txt`).
fn opens_with_not_name(s: &str) -> bool {
    OFFICIALS.not_names.starts(s)
}

/// A three-character name right before `end` (`…习某某总书记`).
pub(super) fn name_before(s: &str, end: usize) -> Option<String> {
    let chars: Vec<char> = s[..end].chars().rev().take(3).collect();
    if chars.len() < 3 || !chars.iter().all(|&c| is_han(c)) {
        return None;
    }
    let name: String = chars.iter().rev().collect();
    let start = end - name.len();
    name_at(s, start).filter(|n| *n == name)
}
