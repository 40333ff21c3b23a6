//! Posts given in an appointment notice, where the name comes before the title chain:
//! `任命某某同志为某某区管委会副主任`, `某某同志任某某街道党工委书记`, `免去某某同志的…
//! 职务`, and `免去其…职务` / `提名为…人选` for the person the sentence named last.
//!
//! A post someone is removed from is still a post the notice gives them: who held what,
//! and until when, is what readers of such notices are after.
//!
//! A leader's profile (`某某,男,汉族,1975年3月生,…。现任某某市委常委,某某经开区党工委
//! 书记、管委会主任。`) names the person at the head of the paragraph and the posts in a
//! later sentence: [`profile_posts`].

use super::{list_name_at, name_at, title_chain, Mention};
use crate::lexicon::officials::Appointments;
use crate::lexicon::officials::OFFICIALS;
use crate::model::Report;

/// The words of appointment notices.
fn words() -> &'static Appointments {
    &OFFICIALS.appointments
}

/// Whether a document may hold an appointment: one of the words every one of them
/// holds. Tested once per document (a search per sentence costs more than the rest).
pub(crate) fn may_hold_appointments(text: &str) -> bool {
    words().marks.occurs_in(text)
}

/// Whether `c` opens a verb of appointing or a word referring back to the person named
/// last (`免去其`, `提名为`): where an appointment may start inside a clause.
fn opens_a_lead(c: char) -> bool {
    !words().before_name.starting_with(c).is_empty()
        || !words().refer_back.starting_with(c).is_empty()
}

/// Posts of people named before their title chains in a notice sentence.
pub(super) fn appointments_in(sentence: &str, report: &Report) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    let mut last: Option<(String, std::ops::Range<usize>)> = None;
    let mut at = 0;
    let mut prev: Option<char> = None;
    while at < sentence.len() {
        let c = sentence[at..]
            .chars()
            .next()
            .expect("at is a char boundary");
        // an appointment starts at a clause's start or at one of the verbs' first chars
        let may_start = prev.is_none_or(|p| !super::is_han(p)) || opens_a_lead(c);
        let found = may_start
            .then(|| person_then_chain(sentence, at, last.as_ref()))
            .flatten();
        let Some((people, chain_start)) = found else {
            at += c.len_utf8();
            prev = Some(c);
            continue;
        };
        let chain_end = chain_end(sentence, chain_start);
        let posts = posts_in(sentence, chain_start, chain_end, report);
        at = chain_end.max(at + c.len_utf8());
        prev = sentence[..at].chars().next_back();
        if posts.is_empty() {
            continue;
        }
        for (name, span) in people {
            last = Some((name.clone(), span.clone()));
            match out.iter_mut().find(|m| m.name == name) {
                Some(m) => m.posts.extend(posts.iter().cloned()),
                None => out.push(Mention {
                    name,
                    posts: posts.clone(),
                    span,
                }),
            }
        }
    }
    out
}

/// At `at`: a person (named, or `其` for the last one named) and where the chain of
/// their post starts.
type People = Vec<(String, std::ops::Range<usize>)>;

fn person_then_chain(
    s: &str,
    at: usize,
    last: Option<&(String, std::ops::Range<usize>)>,
) -> Option<(People, usize)> {
    let rest = &s[at..];
    // `免去其…职务`, `任命其为…`, `提名为…人选`: the person named last
    if let Some(last) = last {
        if let Some(lead) = words().refer_back.longest_prefix(rest) {
            return Some((vec![(last.0.clone(), last.1.clone())], at + lead.len()));
        }
    }
    // a name after a verb of appointing, or opening a clause
    let opens_clause = s[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !super::is_han(c));
    let name_start = match words().before_name.longest_prefix(rest) {
        Some(v) => at + v.len(),
        None if opens_clause => at,
        None => return None,
    };
    let name = name_at(s, name_start)?;
    let mut people = vec![(name.clone(), name_start..name_start + name.len())];
    let mut end = name_start + name.len();
    // `任命甲、乙、丙为…`, `甲、乙同志任…`: a list of names shares the chain
    while let Some(next) = s[end..].strip_prefix('、') {
        let at2 = s.len() - next.len();
        let Some((n, e)) = name_at(s, at2)
            .map(|n| (n.clone(), at2 + n.len()))
            .or_else(|| list_name_at(s, at2))
        else {
            break;
        };
        people.push((n, at2..e));
        end = e;
    }
    // `甲等3名同志为…`: the count of a list cut short
    let after = counted_rest(&s[end..]).unwrap_or(&s[end..]);
    let connector = words().connectors.longest_prefix(after)?;
    // without a verb of appointing, only `某某同志任…` reads as one (`某某为…` is common
    // prose), unless the sentence appointed someone already (`任命甲为…,乙为…`)
    if name_start == at && !connector.starts_with("同志") && last.is_none() {
        return None;
    }
    let chain_start = s.len() - after.len() + connector.len();
    Some((people, chain_start))
}

/// What follows `等3名` / `等三名` before `同志为`, if `rest` opens with such a count.
fn counted_rest(rest: &str) -> Option<&str> {
    let r = rest.strip_prefix('等')?;
    let digits = r
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || "一二两三四五六七八九十".contains(*c)))
        .map_or(r.len(), |(i, _)| i);
    (digits > 0)
        .then(|| r[digits..].strip_prefix(['名', '位']))
        .flatten()
}

/// The person a profile paragraph opens with: `某某,男,` / `某某(女,…)`.
pub(crate) fn profile_name(first: &str) -> Option<String> {
    let name = name_at(first, 0)?;
    let rest = first[name.len()..].strip_prefix([',', '，', '(', '（'])?;
    rest.starts_with(['男', '女']).then_some(name)
}

/// The posts a profile sentence gives after `现任` (`现任某某市委常委,某某经开区党工委书记、
/// 管委会主任`): chains joined by `,` or `、`, up to the sentence's end.
pub(crate) fn profile_posts(name: &str, sentence: &str, report: &Report) -> Option<Mention> {
    let at = sentence.find("现任")? + "现任".len();
    let mut posts = Vec::new();
    let mut start = at;
    while start < sentence.len() {
        let end = chain_end(sentence, start);
        let found = posts_in(sentence, start, end, report);
        if found.is_empty() {
            break;
        }
        posts.extend(found);
        // the next chain, after `,` or `、`; a bracketed note ends the list
        match sentence[end..].chars().next() {
            Some(c @ (',' | '，' | '、')) => start = end + c.len_utf8(),
            _ => break,
        }
    }
    (!posts.is_empty()).then(|| Mention {
        name: name.to_string(),
        posts,
        span: at..at,
    })
}

/// Where the chain that starts at `start` ends.
fn chain_end(s: &str, start: usize) -> usize {
    // the first end: where the leftmost of them starts
    words()
        .chain_ends
        .find_all(&s[start..])
        .first()
        .map_or(s.len(), |(r, _)| start + r.start)
}

/// The posts of the chain `s[start..end]`: its last title must end it.
fn posts_in(s: &str, start: usize, end: usize, report: &Report) -> Vec<super::Post> {
    let chain = &s[start..end];
    let Some((last, _)) = OFFICIALS.titles.find_all(chain).pop() else {
        return Vec::new();
    };
    if last.end != chain.len() {
        return Vec::new();
    }
    title_chain(chain, last.start, last.end, report, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posts(s: &str) -> Vec<(String, Vec<String>)> {
        appointments_in(s, &Report::default())
            .into_iter()
            .map(|m| (m.name, m.posts.into_iter().map(|p| p.title).collect()))
            .collect()
    }

    #[test]
    fn reads_appointments_and_removals() {
        assert_eq!(
            posts("任命柏青山同志为某某高新区管委会副主任(试用期一年);"),
            [("柏青山".to_string(), vec!["管委会副主任".to_string()])]
        );
        assert_eq!(
            posts("蓝若溪同志任某某街道党工委书记,免去其某某镇党委副书记职务;"),
            [(
                "蓝若溪".to_string(),
                vec!["党工委书记".to_string(), "党委副书记".to_string()]
            )]
        );
        assert_eq!(
            posts("免去童怀远同志的某某高新区管委会副主任职务(另有任用)。"),
            [("童怀远".to_string(), vec!["管委会副主任".to_string()])]
        );
        assert_eq!(
            posts("伍思源同志任某某高新区党工委委员,提名为某某高新区管委会副主任人选;"),
            [(
                "伍思源".to_string(),
                vec!["党工委委员".to_string(), "管委会副主任".to_string()]
            )]
        );
    }

    #[test]
    fn reads_a_profile() {
        let name = profile_name("邵景行,男,汉族,1976年4月生,大学学历。").unwrap();
        assert_eq!(name, "邵景行");
        assert_eq!(profile_name("会议强调,男女平等"), None);
        let m = profile_posts(
            &name,
            "现任某某市委常委,某某经开区党工委书记、管委会主任。",
            &Report::default(),
        )
        .unwrap();
        let titles: Vec<&str> = m.posts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["市委常委", "党工委书记", "管委会主任"]);
    }

    #[test]
    fn prose_is_no_appointment() {
        assert!(posts("会议认为,园区主任会议制度运行良好。").is_empty());
        assert!(posts("张华为企业解决难题12个。").is_empty());
    }
}
