//! The words officials and their posts are read with (`src/extract/officials`): titles,
//! bodies, surnames, what may follow a name, and the words that decide how a title
//! chain's element becomes a post. Each file is read once, into [`OFFICIALS`].

use super::{files, Tag, WordSet};
use std::sync::LazyLock;

/// What a word of `post_words.txt` is (see the file's head).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PostWord {
    Company,
    Department,
    Rank,
    Sender,
    Government,
    PartyGroup,
    ZoneBody,
    ZoneShort,
    Director,
    BureauHead,
    QuotedLeader,
}

impl Tag for PostWord {
    const ALL: &'static [(&'static str, Self)] = &[
        ("company", PostWord::Company),
        ("department", PostWord::Department),
        ("rank", PostWord::Rank),
        ("sender", PostWord::Sender),
        ("government", PostWord::Government),
        ("party_group", PostWord::PartyGroup),
        ("zone_body", PostWord::ZoneBody),
        ("zone_short", PostWord::ZoneShort),
        ("director", PostWord::Director),
        ("bureau_head", PostWord::BureauHead),
        ("quoted_leader", PostWord::QuotedLeader),
    ];
}

/// What a char of `name_chars.txt` is (see the file's head).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameChar {
    Function,
    Follower,
    Verb,
}

impl Tag for NameChar {
    const ALL: &'static [(&'static str, Self)] = &[
        ("function", NameChar::Function),
        ("follower", NameChar::Follower),
        ("verb", NameChar::Verb),
    ];
}

/// What a word of `appointment_words.txt` is (see the file's head).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AppointmentWord {
    Appoint,
    Decide,
    ConnectorMark,
    Connector,
    ReferBack,
    ChainEnd,
}

impl Tag for AppointmentWord {
    const ALL: &'static [(&'static str, Self)] = &[
        ("appoint", AppointmentWord::Appoint),
        ("decide", AppointmentWord::Decide),
        ("connector_mark", AppointmentWord::ConnectorMark),
        ("connector", AppointmentWord::Connector),
        ("refer_back", AppointmentWord::ReferBack),
        ("chain_end", AppointmentWord::ChainEnd),
    ];
}

/// The words of appointment notices (`appointment_words.txt`).
pub(crate) struct Appointments {
    /// Verbs before a name making the sentence an appointment (`任命`, `决定`).
    pub before_name: WordSet,
    /// Words one of which every notice holds.
    pub marks: WordSet,
    /// Connectors after a name that open its chain (`同志为`, `担任`).
    pub connectors: WordSet,
    /// Words referring back to the person named last (`免去其`).
    pub refer_back: WordSet,
    /// What ends a title chain in a notice (`职务`, `，`).
    pub chain_ends: WordSet,
}

/// The officials' tables.
pub(crate) struct Officials {
    /// Post titles (`titles.txt`), ids in file order.
    pub titles: WordSet,
    /// Bodies between a jurisdiction and a title (`bodies.txt`).
    pub bodies: WordSet,
    pub surnames: WordSet,
    /// What may follow a name (`name_followers.txt`), longest first: the first of a
    /// char's words that fits is the longest.
    pub followers: WordSet,
    /// Words no name opens with (`not_names.txt`).
    pub not_names: WordSet,
    /// Words before a title chain that are no part of it (`title_lead_stop.txt`).
    pub lead_stops: WordSet,
    /// `post_words.txt`, by tag.
    pub company_suffixes: WordSet,
    pub department_suffixes: WordSet,
    pub personal_ranks: WordSet,
    /// In file order.
    pub senders: Vec<&'static str>,
    /// In file order: the longer form first.
    pub governments: Vec<&'static str>,
    pub party_groups: WordSet,
    /// Zone bodies with their short forms, for the start of a body.
    pub zone_bodies: WordSet,
    /// Zone bodies without their short forms, for an organization holding one.
    pub zone_bodies_held: Vec<&'static str>,
    pub director_titles: WordSet,
    pub bureau_head_titles: WordSet,
    /// National leaders' titles, read only with a name before them (`某某总书记指出`).
    pub quoted_leaders: WordSet,
    /// (how a party group's body ends, the body it directs), in file order.
    pub directed_bodies: Vec<(&'static str, &'static str)>,
    /// Words jieba takes for nouns that end a name reaching back (`name_breakers.txt`),
    /// read by `extract::pos` for zones' names as well as posts.
    pub name_breakers: WordSet,
    pub appointments: Appointments,
    /// `name_chars.txt`, by tag.
    pub function_chars: Vec<char>,
    pub follower_chars: Vec<char>,
    pub verb_chars: Vec<char>,
}

/// The officials' tables, read once.
pub(crate) static OFFICIALS: LazyLock<Officials> = LazyLock::new(|| {
    let longest_first = |words: &mut Vec<&'static str>| {
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    };
    let post_words = files::POST_WORDS.tagged::<PostWord>();
    let tagged = |tags: &[PostWord]| -> Vec<&'static str> {
        post_words
            .iter()
            .filter(|(_, t)| tags.contains(t))
            .map(|(w, _)| *w)
            .collect()
    };
    let name_chars = files::NAME_CHARS.tagged::<NameChar>();
    let chars = |tag: NameChar| -> Vec<char> {
        name_chars
            .iter()
            .filter(|(_, t)| *t == tag)
            .map(|(w, _)| {
                let mut cs = w.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => c,
                    _ => panic!("data/lexicon/name_chars.txt: `{w}` is not one char"),
                }
            })
            .collect()
    };
    let appointment_words = files::APPOINTMENT_WORDS.tagged::<AppointmentWord>();
    let appointment = |tags: &[AppointmentWord]| {
        WordSet::new(
            appointment_words
                .iter()
                .filter(|(_, t)| tags.contains(t))
                .map(|(w, _)| *w),
        )
    };
    use AppointmentWord as A;
    let appointments = Appointments {
        before_name: appointment(&[A::Appoint, A::Decide]),
        marks: appointment(&[A::Appoint, A::ConnectorMark]),
        connectors: appointment(&[A::ConnectorMark, A::Connector]),
        refer_back: appointment(&[A::ReferBack]),
        chain_ends: appointment(&[A::ChainEnd]),
    };
    let mut followers: Vec<&str> = files::NAME_FOLLOWERS.words().collect();
    longest_first(&mut followers);
    Officials {
        titles: WordSet::new(files::TITLES.words()),
        bodies: WordSet::new(files::BODIES.words()),
        surnames: WordSet::new(files::SURNAMES.words()),
        followers: WordSet::new(followers),
        not_names: WordSet::new(files::NOT_NAMES.words()),
        lead_stops: WordSet::new(files::TITLE_LEAD_STOP.words()),
        company_suffixes: WordSet::new(tagged(&[PostWord::Company])),
        department_suffixes: WordSet::new(tagged(&[PostWord::Department])),
        personal_ranks: WordSet::new(tagged(&[PostWord::Rank])),
        senders: tagged(&[PostWord::Sender]),
        governments: tagged(&[PostWord::Government]),
        party_groups: WordSet::new(tagged(&[PostWord::PartyGroup])),
        zone_bodies: WordSet::new(tagged(&[PostWord::ZoneBody, PostWord::ZoneShort])),
        zone_bodies_held: tagged(&[PostWord::ZoneBody]),
        director_titles: WordSet::new(tagged(&[PostWord::Director])),
        bureau_head_titles: WordSet::new(tagged(&[PostWord::BureauHead])),
        quoted_leaders: WordSet::new(tagged(&[PostWord::QuotedLeader])),
        directed_bodies: files::DIRECTED_BODIES.valued(),
        name_breakers: WordSet::new(files::NAME_BREAKERS.words()),
        appointments,
        function_chars: chars(NameChar::Function),
        follower_chars: chars(NameChar::Follower),
        verb_chars: chars(NameChar::Verb),
    }
});

/// Reads every table of this area (the `every_table_loads` test).
#[cfg(test)]
pub(crate) fn load_all() {
    LazyLock::force(&OFFICIALS);
}
