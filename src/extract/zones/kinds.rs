//! The kind words of place names and the words around them that zone finding reads.

use crate::lexicon;
use crate::lexicon::WordsByChar;
use crate::model::Level;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;
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
    pub(crate) kinds: Vec<Kind>,
    /// The kind words, searched through the whole text.
    pub(crate) automaton: AhoCorasick,
    /// The kind words by first char: is a kind word right here?
    pub(crate) kind_at: WordsByChar,
    /// The boundary words by last char: does a place name start right after this?
    pub(crate) boundaries: WordsByChar,
    /// What no place prefix holds, by first char: the boundary words of two or more
    /// characters and the words of a body or post ([`BARRIERS`]).
    pub(crate) barriers: WordsByChar,
    pub(crate) generic: HashSet<&'static str>,
    /// [`Kinds::generic`] by first char: the generic words a prefix may start with.
    pub(crate) generic_by_first: WordsByChar,
    pub(crate) false_words: Vec<&'static str>,
    pub(crate) false_next: Vec<char>,
    /// (level suffix, following word): a suffix that starts a fixed term there
    /// (`地区生产总值`, regional GDP) ends no place name.
    pub(crate) false_follow: Vec<(&'static str, &'static str)>,
}

pub(crate) static KINDS: LazyLock<Kinds> = LazyLock::new(|| {
    let mut kinds = Vec::new();
    for line in lexicon::entries(include_str!("../../../data/lexicon/zone_kinds.txt")) {
        let (word, short) = match line.split_once('=') {
            Some((w, s)) => (w.trim(), s.split(',').map(str::trim).collect()),
            None => (line, Vec::new()),
        };
        kinds.push(Kind {
            word,
            level: Level::Zone,
            short,
            is_short: false,
        });
    }
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
    for line in lexicon::entries(include_str!("../../../data/lexicon/admin_levels.txt")) {
        let (word, level) = line.split_once(' ').unwrap_or((line, "district"));
        let level = match level.trim() {
            "province" => Level::Province,
            "city" => Level::City,
            "county" => Level::County,
            "town" => Level::Town,
            _ => Level::District,
        };
        kinds.push(Kind {
            word,
            level,
            short: Vec::new(),
            is_short: false,
        });
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(kinds.iter().map(|k| k.word))
        .expect("zone kind automaton");
    let kind_at = WordsByChar::by_first(kinds.iter().map(|k| k.word));
    let generic: HashSet<&str> =
        lexicon::entries(include_str!("../../../data/lexicon/place_generic.txt")).collect();
    let boundaries =
        || lexicon::entries(include_str!("../../../data/lexicon/place_boundaries.txt"));
    let false_src = include_str!("../../../data/lexicon/place_false_words.txt");
    Kinds {
        false_words: lexicon::entries(false_src)
            .filter(|w| !w.contains('+'))
            .collect(),
        false_follow: lexicon::entries(false_src)
            .filter_map(|w| w.split_once('+'))
            .filter(|(kind, _)| !kind.is_empty())
            .collect(),
        false_next: lexicon::entries(false_src)
            .filter_map(|w| w.strip_prefix('+').and_then(|c| c.chars().next()))
            .collect(),
        kinds,
        automaton,
        kind_at,
        barriers: WordsByChar::by_first(
            boundaries()
                .filter(|b| b.chars().count() >= 2)
                .chain(BARRIERS.iter().copied()),
        ),
        boundaries: WordsByChar::by_last(boundaries()),
        generic_by_first: WordsByChar::by_first(generic.iter().copied()),
        generic,
    }
});

/// Kind words after which even a division's name makes a zone only where it recurs.
pub(crate) static LOOSE_KINDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../../data/lexicon/zone_kinds_loose.txt")).collect()
});

/// Kind words that make a zone only with a zone's body right after them (`某某园管委会`).
pub(crate) static GOVERNED_KINDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!(
        "../../../data/lexicon/zone_kinds_governed.txt"
    ))
    .collect()
});

/// A development zone's own bodies, which make a park of a governed kind a zone.
pub(crate) const OWN_BODIES: [&str; 5] = ["党工委", "管委会", "管委", "工委", "管理委员会"];

/// Words that end an institution's name (`…大学`): a zone word after one names no zone.
pub(crate) static INSTITUTIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!(
        "../../../data/lexicon/zone_prefix_institutions.txt"
    ))
    .collect()
});

/// Words of a body or post (`某某区委`, `副区长`): a prefix holding one names no place.
pub(crate) const BARRIERS: &[&str] = &["委", "政府", "党", "部门", "副", "常务"];

/// Function words after which a place name may start but inside which it hardly ever
/// continues.
pub(crate) const CUT_AFTER: &[char] = &[
    '了', '是', '由', '将', '把', '被', '向', '从', '对', '给', '让', '在', '为', '于', '的', '就',
    '到', '占',
];

/// Words that name a body of a place right after it (`某某区委`, `某某市人民政府`).
pub(crate) const GOVERNANCE: &[&str] = &[
    "委",
    "政府",
    "人民政府",
    "人大",
    "政协",
    "党",
    "领导",
    "管委会",
    "管委",
    "工委",
    "上下",
    "召开",
    "举行",
    "举办",
    "局",
    "人民",
];
