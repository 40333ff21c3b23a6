//! Title chains: the elements of a post written before a name, split on `、` (or blanks,
//! or `,` between two chains), each `[jurisdiction][body]title` (`区` + `党工委` + `书记`),
//! resolved to posts by [`super::rules`].

use super::rules::{resolve, Inherited};
use crate::extract::zones::is_han;
use crate::lexicon::officials::OFFICIALS;
use crate::model::{Post, Report};

/// One element of a title chain: `区` + `党工委` + `书记`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Element {
    pub jurisdiction: String,
    pub body: String,
    pub title: String,
}

/// Parses the chain of titles ending at `end` (the last title spans `start..end`) and
/// resolves each element to a post.
pub(super) fn title_chain(
    s: &str,
    start: usize,
    end: usize,
    report: &Report,
    carried: Option<&Inherited>,
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
        match OFFICIALS.titles.find_all(&s[..prev_end]).last() {
            Some((m, _)) if m.end == prev_end => {
                t_start = m.start;
                t_end = m.end;
            }
            _ => break,
        }
        if elements.len() > 6 {
            break;
        }
    }
    elements.reverse();
    let mut posts = Vec::new();
    let mut inherited: Option<Inherited> = None;
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
    let floor = left + crate::extract::pos::name_floor(&s[left..span_end], title_start - left);
    if floor > left
        && (s[floor..]
            .chars()
            .next()
            .is_some_and(|c| crate::lexicon::zones::level_of_char(c).is_some())
            || crate::gazetteer::get().form_at_start(&s[floor..]).is_some())
    {
        left = floor;
    }
    while let Some(w) = OFFICIALS.lead_stops.longest_prefix(&s[left..title_start]) {
        left += w.len();
    }
    left
}

pub(super) fn parse_element(prefix: &str, title: &str) -> Element {
    let mut rest = prefix;
    let mut body = String::new();
    // peel bodies from the right: `区委组织部` → 组织部, then 区委
    while let Some(b) = OFFICIALS.bodies.longest_suffix(rest) {
        body.insert_str(0, b);
        rest = &rest[..rest.len() - b.len()];
    }
    Element {
        jurisdiction: rest.to_string(),
        body,
        title: title.to_string(),
    }
}
