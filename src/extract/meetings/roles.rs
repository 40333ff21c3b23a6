//! The part a person named in a meeting's text played: the role verb of the clause after
//! the name (`主持` → host, `讲话` → speaker, `出席` → attendee), read by the named rules of
//! [`ROLE_RULES`] in order, and a minutes' header line (`出席：甲、乙`).

use super::*;
use crate::lexicon::WordSet;

/// A header line of minutes that says who played a part (`主持:某某`, `出席:甲、乙`):
/// the role and the list after the label.
pub(super) fn header_role(s: &str) -> Option<(Role, &str)> {
    let labels = &MEETINGS.header_labels;
    // the longest label the line opens with (`主持人`, not `主持`)
    let (label, id) = labels
        .starting_with(s.chars().next()?)
        .iter()
        .filter(|(l, _)| s.starts_with(l))
        .max_by_key(|(l, _)| l.len())?;
    let role = MEETINGS.header_roles[*id];
    let list = s[label.len()..].trim_start_matches([' ', '　']);
    let list = list.strip_prefix([':', '：'])?;
    Some((role, list.trim_end_matches(['。', ';', '；'])))
}

pub(super) const CLAUSE_END: [char; 8] = [',', '，', '。', ';', '；', ':', '：', '!'];

/// The words of `meeting_words.txt` tagged `tag`.
fn words(tag: Word) -> &'static WordSet {
    MEETINGS.words.set(tag)
}

/// What a role rule reads: the clause after a name, the clause after that, the rest of
/// the sentence from there, and whether the name's own clause is bare (`张三同志,`).
pub(super) struct AfterName<'a> {
    pub clause: &'a str,
    pub next: &'a str,
    pub after: &'a str,
    pub bare: bool,
}

/// A role: a [`Role`], or `None` for a weak verb (a speaker only for the report's own
/// officials).
pub(super) type Told = Option<Role>;

/// A named rule telling the part a person played from what follows their name, or
/// `None` to leave it to the rules after it.
pub(super) struct RoleRule {
    /// What the rule is for (the tests name the rule that answers).
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub apply: fn(&AfterName) -> Option<Told>,
}

/// The role rules, in the order they are tried: the first that answers tells the part.
pub(super) static ROLE_RULES: &[RoleRule] = &[
    RoleRule {
        name: "verb in the name's clause",
        apply: |a| role_in_clause(a.clause),
    },
    RoleRule {
        name: "verb in the clause it goes on in",
        apply: goes_on,
    },
    RoleRule {
        name: "leads the party",
        apply: leads_the_party,
    },
    RoleRule {
        name: "listed before those attending",
        apply: listed_before_others,
    },
    RoleRule {
        name: "further down a list of those attending",
        apply: further_down_the_list,
    },
];

/// The role verb in the clause after a name (`Some(None)` is a weak verb).
pub(super) fn role_after(s: &str, name_end: usize) -> Option<Told> {
    let rest = &s[name_end..];
    let clause_len = rest.find(CLAUSE_END).unwrap_or(rest.len());
    let clause = &rest[..clause_len];
    let after = rest[clause_len..].trim_start_matches(CLAUSE_END);
    let next_len = after.find(CLAUSE_END).unwrap_or(after.len());
    let at = AfterName {
        clause,
        next: &after[..next_len],
        after,
        bare: clause.trim_start_matches("同志").trim().is_empty(),
    };
    ROLE_RULES.iter().find_map(|r| (r.apply)(&at))
}

/// `张三同志,代表…作报告`: the action goes on in the next clause; `A,B分别宣读`: shared.
fn goes_on(a: &AfterName) -> Option<Told> {
    let goes_on = words(Word::GoesOn).starts(a.next) || words(Word::Shared).occurs_in(a.next);
    if a.bare && goes_on {
        role_in_clause(a.next)
    } else {
        None
    }
}

/// `甲率工作组赴…`: who leads the party takes part in its talks.
fn leads_the_party(a: &AfterName) -> Option<Told> {
    MEETINGS
        .leads
        .starts(a.clause)
        .then_some(Some(Role::Attendee))
}

/// `副主任甲、乙,各部门负责人参加会议`: listed before the others who attended.
fn listed_before_others(a: &AfterName) -> Option<Told> {
    (a.bare && words(Word::Attending).occurs_in(a.next)).then_some(Some(Role::Attendee))
}

/// `甲,法院院长乙,各街道负责人以及有关人员列席会议`: further down the list.
fn further_down_the_list(a: &AfterName) -> Option<Told> {
    (a.bare && listed_before_attending(a.after)).then_some(Some(Role::Attendee))
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
                || MEETINGS.role_verbs.starts(after);
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
    // `作…报告`, `做…发言`
    static REPORT: LazyLock<Regex> = LazyLock::new(|| {
        let objects = lexicon::alternation(words(Word::SpeechObject).words().iter().copied());
        Regex::new(&format!(r"(?:作|做)[^,，。;；]{{0,20}}?(?:{objects})")).unwrap()
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
    let verbs = &MEETINGS.role_verbs;
    for k in verbs.ids_in(clause) {
        let (verb, role) = (verbs.words()[k], &MEETINGS.roles[k]);
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
    words(Word::Attending)
        .words()
        .iter()
        .filter_map(|a| before.rfind(a).map(|at| at + a.len()))
        .max()
        .is_some_and(|end| !words(Word::AttendMore).occurs_in(&before[end..]))
}
