//! Officials and their posts: `区党工委书记、管委会主任张三`, `区领导李四、王五等`.
//!
//! A post is written as a title chain in front of a name: elements split on `、`, each
//! `[jurisdiction][body]title` (`区` + `党工委` + `书记`). The name after the chain is
//! checked against the surname list and must be followed by something that can follow
//! a name (a verb like `主持`, `同志`, punctuation), which is how its length (2–4 chars)
//! is decided. The jurisdiction resolves to a zone: a named place (`某某高新区`), or a bare
//! level (`区`, `市`, `省`) resolved to the report's zone of that level; an element with
//! none inherits from the element before it.

//!
//! - [`names`] — where a name starts and ends;
//! - [`chain`] — the elements of a title chain;
//! - [`rules`] — the named rules an element becomes a post by, in order;
//! - [`levels`] — the zones a level resolves to;
//! - [`appointments`] — notices and profiles, where the name comes first.

pub(crate) mod appointments;
mod chain;
mod levels;
mod names;
mod rules;

use super::zones::is_han;
use super::{Context, Extractor};
use crate::lexicon::officials::OFFICIALS;
use crate::model::{Official, Post, Report};
use chain::title_chain;
pub use names::name_at;
use names::{list_name_at, name_before, names_at};
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
    let titles = &OFFICIALS.titles;
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
    for (m, id) in titles.find_all(sentence) {
        let title = titles.words()[id];
        if OFFICIALS.quoted_leaders.contains(title) {
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

#[cfg(test)]
mod tests;
