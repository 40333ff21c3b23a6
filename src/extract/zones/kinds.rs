//! The kind words of place names as zone finding searches them: the zone kinds and the
//! administrative levels of [`lexicon::zones`] in one list, with the lookups built once.

use crate::lexicon::zones::{self as lexicon, ADMIN_LEVELS, PLACE_BARRIERS, PLACE_BOUNDARIES};
use crate::lexicon::WordSet;
use crate::model::Level;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// A kind word of a place name.
#[derive(Debug)]
pub struct Kind {
    pub word: &'static str,
    pub level: Level,
    /// Short kind forms the same zone goes by (`高新区`, `高区`).
    pub short: Vec<&'static str>,
    /// Whether this word is itself only a short form (`高区`), never a full name's end.
    pub is_short: bool,
}

pub(crate) struct Kinds {
    /// The zone kinds, then the short forms that are no kind of their own, then the
    /// administrative levels: a kind's place here is its id.
    pub(crate) kinds: Vec<Kind>,
    /// The kind words, searched through the whole text (an automaton: over a whole text
    /// of common chars, `区` `市` `园`, it beats a search by char).
    pub(crate) automaton: AhoCorasick,
    /// The kind words: is one right here? Which does a short string hold?
    pub(crate) words: WordSet,
    /// What no place prefix holds: the boundary words of two or more characters and
    /// the words of a body or post.
    pub(crate) barriers: WordSet,
}

pub(crate) static KINDS: LazyLock<Kinds> = LazyLock::new(|| {
    let mut kinds: Vec<Kind> = lexicon::ZONE_KINDS
        .iter()
        .map(|k| Kind {
            word: k.word,
            level: Level::Zone,
            short: k.short_forms.clone(),
            is_short: false,
        })
        .collect();
    // short forms that are not kind words of their own (`高区`)
    let shorts: Vec<&'static str> = kinds.iter().flat_map(|k| k.short.clone()).collect();
    for s in shorts {
        if !kinds.iter().any(|k| k.word == s) {
            kinds.push(Kind {
                word: s,
                level: Level::Zone,
                short: Vec::new(),
                is_short: true,
            });
        }
    }
    kinds.extend(ADMIN_LEVELS.iter().map(|a| Kind {
        word: a.word,
        level: a.level,
        short: Vec::new(),
        is_short: false,
    }));
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(kinds.iter().map(|k| k.word))
        .expect("zone kind automaton");
    let long_boundaries = PLACE_BOUNDARIES
        .words()
        .iter()
        .copied()
        .filter(|b| b.chars().count() >= 2);
    Kinds {
        words: WordSet::new(kinds.iter().map(|k| k.word)),
        barriers: WordSet::new(long_boundaries.chain(PLACE_BARRIERS.words().iter().copied())),
        kinds,
        automaton,
    }
});
