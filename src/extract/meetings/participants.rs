//! Who took part in a meeting, and how: the officials named in the meeting's part of the
//! text with the role verb of their clause (`主持`, `讲话`, `出席`), minutes' header lines
//! (`出席：甲、乙`), and a speech's byline.

use super::*;

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
                .any(|p| NATIONAL_TITLES.contains(&p.title.as_str()))
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

/// A header line of minutes that says who played a part (`主持:某某`, `出席:甲、乙`):
/// the role and the list after the label.
pub(super) fn header_role(s: &str) -> Option<(Role, &str)> {
    const LABELS: [(&str, Role); 13] = [
        ("参加会议的还有", Role::Attendee),
        ("出席会议的还有", Role::Attendee),
        ("参会的还有", Role::Attendee),
        ("主持人", Role::Host),
        ("主持", Role::Host),
        ("出席人员", Role::Attendee),
        ("出席领导", Role::Attendee),
        ("参会人员", Role::Attendee),
        ("参加人员", Role::Attendee),
        ("与会人员", Role::Attendee),
        ("出席", Role::Attendee),
        ("参加", Role::Attendee),
        ("列席", Role::Attendee),
    ];
    let (label, role) = LABELS.iter().find(|(l, _)| s.starts_with(l))?;
    let list = s[label.len()..].trim_start_matches([' ', '　']);
    let list = list.strip_prefix([':', '：'])?;
    Some((*role, list.trim_end_matches(['。', ';', '；'])))
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

/// Which patterns of `words` occur in `s`, in pattern order, each once: the words
/// worth a closer look, so that a long list costs one pass over `s`.
pub(super) fn patterns_in(words: &AhoCorasick, s: &str) -> impl Iterator<Item = usize> {
    let mut found: Vec<usize> = words
        .find_overlapping_iter(s)
        .map(|m| m.pattern().as_usize())
        .collect();
    found.sort_unstable();
    found.dedup();
    found.into_iter()
}

/// A short line of its own naming the speaker under a speech's title
/// (`某某区党工委书记 张三`).
pub(super) fn is_speech_byline(cx: &Context, i: usize, s: &str) -> bool {
    let title = cx.doc.title.as_deref().unwrap_or("");
    let p = &cx.segments.paragraphs[cx.segments.sentences[i].paragraph];
    let is_speech = ["讲话", "致辞", "报告"]
        .iter()
        .any(|w| title.contains(w) || cx.text[..p.span.start].contains(w));
    is_speech && p.sentences.len() == 1 && s.chars().count() <= 40 && p.sentences.start < 8
}

pub(super) const NATIONAL_TITLES: &[&str] = &["总书记", "总理", "副总理", "委员长"];

pub(super) const CLAUSE_END: [char; 8] = [',', '，', '。', ';', '；', ':', '：', '!'];

/// The role verb in the clause after a name (`Some(None)` is a weak verb).
pub(super) fn role_after(s: &str, name_end: usize) -> Option<Option<Role>> {
    let rest = &s[name_end..];
    let clause_len = rest.find(CLAUSE_END).unwrap_or(rest.len());
    let clause = &rest[..clause_len];
    let mut candidates = vec![clause];
    let after = rest[clause_len..].trim_start_matches(CLAUSE_END);
    let next_len = after.find(CLAUSE_END).unwrap_or(after.len());
    let next = &after[..next_len];
    let bare = clause.trim_start_matches("同志").trim().is_empty();
    // `张三同志,代表…作报告`: the action goes on in the next clause; `A,B分别宣读`: shared
    if bare
        && (["代表", "作", "做", "在", "就", "向", "对", "主持", "宣读"]
            .iter()
            .any(|w| next.starts_with(w))
            || ["分别", "共同", "一同", "先后"]
                .iter()
                .any(|w| next.contains(w)))
    {
        candidates.push(next);
    }
    for c in candidates {
        if let Some(r) = role_in_clause(c) {
            return Some(r);
        }
    }
    // `甲率工作组赴…`: who leads the party takes part in its talks
    if LEX.leads.iter().any(|v| clause.starts_with(v)) {
        return Some(Some(Role::Attendee));
    }
    // `副主任甲、乙,各部门负责人参加会议`: listed before the others who attended
    if bare && ["参加", "出席", "列席"].iter().any(|w| next.contains(w)) {
        return Some(Some(Role::Attendee));
    }
    // `甲,法院院长乙,各街道负责人以及有关人员列席会议`: further down the list
    if bare && listed_before_attending(after) {
        return Some(Some(Role::Attendee));
    }
    None
}

/// The part told by the last clause of a sentence, where it is a speech (`作了表态发言`,
/// `作总结讲话`).
pub(super) fn speech_at_end(s: &str) -> Option<Role> {
    let s = s.trim_end_matches(['。', '!', '！', ' ']);
    let last = s.rsplit(CLAUSE_END).next().unwrap_or(s);
    (role_in_clause(last) == Some(Some(Role::Speaker))).then_some(Role::Speaker)
}

/// Whether `s` goes on as a list of who attended: clauses of titles and names, no
/// verb of any part, up to one with a verb of attending.
fn listed_before_attending(s: &str) -> bool {
    for clause in s.split(CLAUSE_END).take(LIST_CLAUSES) {
        match role_in_clause(clause) {
            Some(r) => return r == Some(Role::Attendee),
            None if clause.chars().count() > 30 || clause.contains('要') => return false,
            None => {}
        }
    }
    false
}

/// How many clauses a list of who attended runs to before its verb, at most.
const LIST_CLAUSES: usize = 10;

/// Where the list a name opens ends, and the bare names in it with their offsets in
/// `s`: `(正厅级)`, `、乙、丙`, `同志`, `等` after the name at `name_end`. A listed name
/// must end its item (`、`, a clause end, `等`) or be followed by its part (`出席`).
pub(super) fn list_after(s: &str, name_end: usize) -> (usize, Vec<(String, usize)>) {
    let mut at = name_end;
    let mut names = Vec::new();
    loop {
        let rest = &s[at..];
        if let Some(r) = rest.strip_prefix("同志") {
            at = s.len() - r.len();
        } else if let Some(r) = rest.strip_prefix(['(', '（']) {
            let Some(close) = r
                .find([')', '）'])
                .filter(|&c| r[..c].chars().count() <= 12)
            else {
                break;
            };
            at = s.len() - r.len() + close + r[close..].chars().next().map_or(1, char::len_utf8);
        } else if let Some(r) = rest.strip_prefix('、') {
            let start = s.len() - r.len();
            let Some(name) = officials::name_at(s, start) else {
                break;
            };
            let after = &s[start + name.len()..];
            let ends_item = after.is_empty()
                || after.starts_with(['、', '等', '(', '（', ' ', '　'])
                || after.starts_with(CLAUSE_END)
                || after.starts_with("同志")
                || LEX.roles.iter().any(|(v, _)| after.starts_with(v));
            if !ends_item {
                break;
            }
            at = start + name.len();
            names.push((name, start));
        } else {
            break;
        }
    }
    (at, names)
}

pub(super) fn role_in_clause(clause: &str) -> Option<Option<Role>> {
    static REPORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:作|做)[^,，。;；]{0,20}?(?:报告|讲话|部署|发言|总结|说明|动员|辅导)")
            .unwrap()
    });
    let mut found: Option<Option<Role>> = None;
    let mut consider = |r: Option<Role>| {
        found = match (found, r) {
            (None, r) => Some(r),
            (Some(None), Some(r)) => Some(Some(r)),
            (Some(Some(a)), Some(b)) if b < a => Some(Some(b)),
            (f, _) => f,
        };
    };
    if REPORT.is_match(clause) {
        consider(Some(Role::Speaker));
    }
    for k in patterns_in(&LEX.role_verbs, clause) {
        let (verb, role) = &LEX.roles[k];
        // `重要讲话`, `的部署` are nouns, not what the person did at the meeting
        let as_verb = clause.match_indices(verb).any(|(i, _)| {
            let before = &clause[..i];
            !(before.ends_with("重要")
                || before.ends_with('的')
                || before.ends_with("精神")
                || (*role != Some(Role::Attendee) && attended_object(before)))
        });
        if as_verb {
            consider(*role);
        }
    }
    found
}

/// Whether a verb after `before` names what was attended (`参加观摩点评`), not what the
/// person did: an attending verb precedes it with no `并`/`后` between (`出席并讲话`).
pub(super) fn attended_object(before: &str) -> bool {
    ["参加", "出席", "列席"]
        .iter()
        .filter_map(|a| before.rfind(a).map(|at| at + a.len()))
        .max()
        .is_some_and(|end| !before[end..].contains(['并', '后', '再', '还', '又']))
}
