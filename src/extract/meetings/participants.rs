//! Who took part in a meeting, and how: the officials named in the meeting's part of the
//! text with the role verb of their clause (`主持`, `讲话`, `出席`), minutes' header lines
//! (`出席：甲、乙`), and a speech's byline.

use super::roles::{header_role, list_after, role_after, speech_at_end, CLAUSE_END};
use super::*;
use crate::model::Official;

/// Officials named in `range` of sentences with the part each played.
pub(super) fn participants(
    cx: &Context,
    range: std::ops::Range<usize>,
    report: &Report,
    focal: Option<&str>,
) -> Vec<Participant> {
    let mut best: Vec<Participant> = Vec::new();
    let read = cx.mentions(report);
    let names = NameStarts::of(&report.officials);
    let sentences = &cx.segments.sentences;
    let covered = match (sentences.get(range.start), range.end.checked_sub(1)) {
        (Some(first), Some(last)) if range.start < range.end => {
            first.span.start..sentences[last].span.end
        }
        _ => 0..0,
    };
    let mut all = names.all_in(&cx.text[covered.clone()]);
    for (at, _) in &mut all {
        *at += covered.start;
    }
    for i in range {
        let s = cx.sentence(i);
        // a minutes' header line: `主持:某某`, `出席:甲、乙、丙`
        if let Some((role, list)) = header_role(s) {
            for item in list.split(['、', ',', '，', ';', '；', ' ', '　']) {
                let item = item.trim_end_matches("同志");
                // `list` and `item` are slices of `s`: where the item starts in it
                let start = item.as_ptr() as usize - s.as_ptr() as usize;
                let titled = read[i]
                    .iter()
                    .rev()
                    .find(|m| m.span.start >= start && m.span.end <= start + item.len())
                    .map(|m| m.name.as_str());
                let bare = officials::name_at(item, 0).filter(|n| n.len() == item.len());
                if let Some(name) = titled.or(bare.as_deref()) {
                    add_participant(&mut best, name, role);
                }
            }
            continue;
        }
        let mut mentions = read[i].clone();
        // later mentions drop the title: `张三主持`, `会议由李四主持`
        for (o, at) in names.within(&all, sentences[i].span.clone()) {
            let o = &report.officials[o];
            let span = at..at + o.name.len();
            if !mentions
                .iter()
                .any(|m| m.span.start <= at && at < m.span.end)
            {
                mentions.push(officials::Mention {
                    name: o.name.clone(),
                    posts: o.posts.clone(),
                    span,
                });
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        // `区领导甲、乙、丙出席`: the bare names listed after a titled one share its title
        let mut listed = Vec::new();
        for m in &mentions {
            for (name, at) in list_after(s, m.span.end).1 {
                let taken = |k: &officials::Mention| k.span.start <= at && at < k.span.end;
                if !mentions.iter().any(taken) && !listed.iter().any(taken) {
                    listed.push(officials::Mention {
                        span: at..at + name.len(),
                        name,
                        posts: Vec::new(),
                    });
                }
            }
        }
        mentions.extend(listed);
        mentions.sort_by_key(|m| m.span.start);
        // `甲,乙,丙出席会议`: a name followed only by a comma shares the role of the
        // next name's clause, so roles are decided from the last mention back
        let mut roles: Vec<Option<Option<Role>>> = vec![None; mentions.len()];
        for k in (0..mentions.len()).rev() {
            let m = &mentions[k];
            let end = list_after(s, m.span.end).0;
            roles[k] = role_after(s, end).or_else(|| {
                let next = mentions.get(k + 1)?;
                let between = s.get(end.max(m.span.end)..next.span.start)?;
                let between = between.trim_start_matches("同志");
                let lead = between
                    .trim_start_matches(CLAUSE_END)
                    .trim_start_matches('、');
                let joined = between.len() != lead.len()
                    && !lead.contains(CLAUSE_END)
                    && lead.chars().count() <= 25;
                joined.then(|| roles[k + 1]).flatten()
            });
        }
        let only_one = mentions.len() == 1;
        for (m, role) in mentions.into_iter().zip(roles) {
            // national leaders are quoted in reports, not present at local meetings
            if m.posts
                .iter()
                .any(|p| MEETINGS.words.set(Word::National).contains(&p.title))
            {
                continue;
            }
            let role = match role {
                Some(r) => r,
                None if is_speech_byline(cx, i, s) => Some(Role::Speaker),
                // `甲从…、…等五个方面作了表态发言`: the sentence's subject, its verb at the end
                None if only_one && s[..m.span.start].trim().is_empty() => match speech_at_end(s) {
                    Some(r) => Some(r),
                    None => continue,
                },
                None => continue,
            };
            let role = match role {
                Some(r) => r,
                None => {
                    let own = m
                        .posts
                        .iter()
                        .any(|p| p.zone.is_some() && p.zone.as_deref() == focal);
                    if !own {
                        continue;
                    }
                    Role::Speaker
                }
            };
            add_participant(&mut best, &m.name, role);
        }
    }
    best
}

/// Adds `name` in `role`, or raises the role of one already there (host over speaker
/// over attendee).
pub(super) fn add_participant(best: &mut Vec<Participant>, name: &str, role: Role) {
    match best.iter_mut().find(|p| p.name == name) {
        Some(p) if role < p.role => p.role = role,
        Some(_) => {}
        None => best.push(Participant {
            name: name.to_string(),
            role,
        }),
    }
}

/// Officials' names, searched for through a meeting's whole part of the text at once
/// (per sentence, a searcher's set-up would cost more than the search).
pub(super) struct NameStarts<'r> {
    names: Vec<&'r str>,
    searchers: Vec<memmem::Finder<'r>>,
}

impl<'r> NameStarts<'r> {
    pub(super) fn of(officials: &'r [Official]) -> Self {
        NameStarts {
            names: officials.iter().map(|o| o.name.as_str()).collect(),
            searchers: officials
                .iter()
                .map(|o| memmem::Finder::new(o.name.as_bytes()))
                .collect(),
        }
    }

    /// (byte offset, official) of every occurrence of a name in `text`, overlapping ones
    /// too, ordered by offset.
    fn all_in(&self, text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for (k, searcher) in self.searchers.iter().enumerate() {
            if self.names[k].is_empty() {
                continue;
            }
            let mut from = 0;
            while let Some(i) = searcher.find(&bytes[from..]) {
                found.push((from + i, k));
                from += i + 1;
            }
        }
        found.sort_unstable();
        found
    }

    /// (official, byte offset in the span) of each name within `span` of the text that
    /// `all` ([`NameStarts::all_in`]) was read from, ordered by official and then
    /// offset; a name's occurrences do not overlap each other (as `str::match_indices`
    /// finds them).
    fn within(&self, all: &[(usize, usize)], span: std::ops::Range<usize>) -> Vec<(usize, usize)> {
        let first = all.partition_point(|&(at, _)| at < span.start);
        let mut found: Vec<(usize, usize)> = all[first..]
            .iter()
            .take_while(|&&(at, _)| at < span.end)
            .filter(|&&(at, k)| at + self.names[k].len() <= span.end)
            .map(|&(at, k)| (k, at - span.start))
            .collect();
        found.sort_unstable();
        let mut end_of: Option<(usize, usize)> = None; // (official, end of its last kept)
        found.retain(|&(k, at)| {
            let overlaps = matches!(end_of, Some((o, end)) if o == k && at < end);
            if !overlaps {
                end_of = Some((k, at + self.names[k].len()));
            }
            !overlaps
        });
        found
    }

    /// [`NameStarts::within`] the whole of `s`.
    #[cfg(test)]
    pub(super) fn occurrences(&self, s: &str) -> Vec<(usize, usize)> {
        self.within(&self.all_in(s), 0..s.len())
    }
}

/// A short line of its own naming the speaker under a speech's title
/// (`某某区党工委书记 张三`).
pub(super) fn is_speech_byline(cx: &Context, i: usize, s: &str) -> bool {
    let title = cx.doc.title.as_deref().unwrap_or("");
    let p = &cx.segments.paragraphs[cx.segments.sentences[i].paragraph];
    let speech = MEETINGS.words.set(Word::SpeechTitle);
    let is_speech = speech.occurs_in(title) || speech.occurs_in(&cx.text[..p.span.start]);
    is_speech && p.sentences.len() == 1 && s.chars().count() <= 40 && p.sentences.start < 8
}
