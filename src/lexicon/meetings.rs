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

/// What a word of `meeting_words.txt` is (see the file's head).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MeetingWord {
    Tour,
    Today,
    Afterwards,
    StudyVerb,
    Plan,
    PlanBatch,
    PlanTalks,
    TalksVerb,
    PassingOn,
    TimeOfDay,
    Adverb,
    DateTail,
    Lead,
    NotVenue,
    SpeechTitle,
    National,
    GoesOn,
    Shared,
    SpeechObject,
    Attending,
    Present,
    CountLead,
    AttendMore,
}

impl Tag for MeetingWord {
    const ALL: &'static [(&'static str, Self)] = &[
        ("tour", MeetingWord::Tour),
        ("today", MeetingWord::Today),
        ("afterwards", MeetingWord::Afterwards),
        ("study_verb", MeetingWord::StudyVerb),
        ("plan", MeetingWord::Plan),
        ("plan_batch", MeetingWord::PlanBatch),
        ("plan_talks", MeetingWord::PlanTalks),
        ("talks_verb", MeetingWord::TalksVerb),
        ("passing_on", MeetingWord::PassingOn),
        ("time_of_day", MeetingWord::TimeOfDay),
        ("adverb", MeetingWord::Adverb),
        ("date_tail", MeetingWord::DateTail),
        ("lead", MeetingWord::Lead),
        ("not_venue", MeetingWord::NotVenue),
        ("speech_title", MeetingWord::SpeechTitle),
        ("national", MeetingWord::National),
        ("goes_on", MeetingWord::GoesOn),
        ("shared", MeetingWord::Shared),
        ("speech_object", MeetingWord::SpeechObject),
        ("attending", MeetingWord::Attending),
        ("present", MeetingWord::Present),
        ("count_lead", MeetingWord::CountLead),
        ("attend_more", MeetingWord::AttendMore),
    ];
}

/// The words of `meeting_words.txt`, a set per tag (each in file order).
pub(crate) struct MeetingWords {
    sets: Vec<(MeetingWord, WordSet)>,
}

impl MeetingWords {
    /// The words tagged `tag`, in file order.
    pub(crate) fn set(&self, tag: MeetingWord) -> &WordSet {
        &self
            .sets
            .iter()
            .find(|(t, _)| *t == tag)
            .expect("every tag has a set")
            .1
    }

    /// [`MeetingWords::set`]'s words.
    pub(crate) fn of(&self, tag: MeetingWord) -> &[&'static str] {
        self.set(tag).words()
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
    /// `meeting_words.txt`.
    pub words: MeetingWords,
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
        words: {
            let tagged = files::MEETING_WORDS.tagged::<MeetingWord>();
            let sets = MeetingWord::ALL
                .iter()
                .map(|&(_, tag)| {
                    let words = tagged.iter().filter(|(_, t)| *t == tag).map(|(w, _)| *w);
                    (tag, WordSet::new(words))
                })
                .collect();
            MeetingWords { sets }
        },
    }
});

/// Reads every table of this area (the `every_table_loads` test).
#[cfg(test)]
pub(crate) fn load_all() {
    LazyLock::force(&MEETINGS);
}
