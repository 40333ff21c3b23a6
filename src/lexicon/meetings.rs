//! The words meetings are read with (`src/extract/meetings`): meeting nouns, verbs of
//! holding, the verbs and header labels telling the part a person played. Each file is
//! read once, into [`MEETINGS`].

use super::{files, Tag, WordSet};
use crate::model::Role;
use std::sync::LazyLock;

/// The part a role verb or header label tells (`meeting_roles.txt`): a [`Role`], or
/// `weak` (`强调`, `指出`), a speaker only for the report's own officials.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Host,
    Speaker,
    Attendee,
    Weak,
}

impl Tag for Part {
    const ALL: &'static [(&'static str, Self)] = &[
        ("host", Part::Host),
        ("speaker", Part::Speaker),
        ("attendee", Part::Attendee),
        ("weak", Part::Weak),
    ];
}

impl Part {
    /// The role told, `None` for a weak verb.
    pub(crate) fn role(self) -> Option<Role> {
        match self {
            Part::Host => Some(Role::Host),
            Part::Speaker => Some(Role::Speaker),
            Part::Attendee => Some(Role::Attendee),
            Part::Weak => None,
        }
    }
}

/// The meetings' tables.
pub(crate) struct Meetings {
    /// Words a meeting's name ends with (`meeting_nouns.txt`).
    pub nouns: WordSet,
    /// Verbs of holding (`held_verbs.txt`), in file order: the first that names a
    /// meeting in a sentence wins.
    pub held: WordSet,
    /// Role verbs, longest first (ids index `roles`), with the role each tells.
    pub role_verbs: WordSet,
    pub roles: Vec<Option<Role>>,
    /// Header labels (`meeting_header_labels.txt`) with their roles.
    pub header_labels: WordSet,
    pub header_roles: Vec<Role>,
    /// Verbs of leading a party (`率`, `带队`), read right after a name only.
    pub leads: WordSet,
    /// Batches of projects started together (`集中开工`), longest first.
    pub batches: WordSet,
}

/// The meetings' tables, read once.
pub(crate) static MEETINGS: LazyLock<Meetings> = LazyLock::new(|| {
    let mut roles = files::MEETING_ROLES.tagged::<Part>();
    roles.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
    let labels = files::MEETING_HEADER_LABELS.tagged::<Part>();
    let mut batches: Vec<&str> = files::MEETING_BATCH_EVENTS.words().collect();
    batches.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Meetings {
        nouns: WordSet::new(files::MEETING_NOUNS.words()),
        held: WordSet::new(files::HELD_VERBS.words()),
        role_verbs: WordSet::new(roles.iter().map(|r| r.0)),
        roles: roles.iter().map(|r| r.1.role()).collect(),
        header_labels: WordSet::new(labels.iter().map(|l| l.0)),
        header_roles: labels
            .iter()
            .map(|&(w, p)| {
                p.role().unwrap_or_else(|| {
                    panic!("data/lexicon/meeting_header_labels.txt: `{w}` tells no role")
                })
            })
            .collect(),
        leads: WordSet::new(files::MEETING_LEAD_VERBS.words()),
        batches: WordSet::new(batches),
    }
});

/// Reads every table of this area.
pub(crate) fn load_all() {
    LazyLock::force(&MEETINGS);
}
