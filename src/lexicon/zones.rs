//! The words of zone finding: the kind words zone and place names end with, the levels of
//! administrative areas, and the words around a place name that tell where it starts,
//! what it is and whose it is.
//!
//! [`ADMIN_LEVELS`] is the one table of administrative level suffixes (`省`, `自治州`,
//! `县`, `街道` …) and the level each names; [`ZONE_KINDS`] the one table of zone kind
//! words: other areas read them from here.

use super::{files, Tag, WordSet};
use crate::model::Level;
use std::sync::LazyLock;

/// A kind word a development zone's name ends with (`经济技术开发区`), and the short
/// forms the same zone goes by (`经开区`, `开发区`).
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneKind {
    pub word: &'static str,
    pub short_forms: Vec<&'static str>,
}

/// The zone kind words of `zone_kinds.txt`, in file order (longest forms are matched
/// first wherever they are searched for).
pub static ZONE_KINDS: LazyLock<Vec<ZoneKind>> = LazyLock::new(|| {
    files::ZONE_KINDS
        .with_forms()
        .into_iter()
        .map(|(word, short_forms)| ZoneKind { word, short_forms })
        .collect()
});

/// Zone kind words loose enough that a place before them does not make a zone by itself
/// (`某某园区`, `某某片区`).
pub static LOOSE_ZONE_KINDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::ZONE_KINDS_LOOSE.words()));

/// Zone kind words that make a zone only with a zone's own body right after them
/// (`某某园管委会`).
pub static GOVERNED_ZONE_KINDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::ZONE_KINDS_GOVERNED.words()));

/// The levels an administrative suffix names, as `admin_levels.txt` tags them (a zone is
/// no administrative level: no suffix is tagged one).
impl Tag for Level {
    const ALL: &'static [(&'static str, Self)] = &[
        ("province", Level::Province),
        ("city", Level::City),
        ("county", Level::County),
        ("district", Level::District),
        ("town", Level::Town),
    ];
}

/// A suffix of administrative areas (`自治州`) and the level it names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdminLevel {
    pub word: &'static str,
    pub level: Level,
}

/// The suffixes of administrative areas of `admin_levels.txt`, in file order.
pub static ADMIN_LEVELS: LazyLock<Vec<AdminLevel>> = LazyLock::new(|| {
    files::ADMIN_LEVELS
        .tagged::<Level>()
        .into_iter()
        .map(|(word, level)| AdminLevel { word, level })
        .collect()
});

/// The level an administrative suffix names (`县` → county), if it is one.
pub fn admin_level(word: &str) -> Option<Level> {
    ADMIN_LEVELS
        .iter()
        .find(|a| a.word == word)
        .map(|a| a.level)
}

/// The level a one-char administrative suffix names (`区` → district, `乡` → town): the
/// char that opens a body of that level (`区委`, `县政府`) or a head's title (`区长`).
pub fn level_of_char(c: char) -> Option<Level> {
    let mut buf = [0u8; 4];
    admin_level(c.encode_utf8(&mut buf))
}

/// Words that end an institution's name (`…大学`): a zone word after one names no zone.
pub static INSTITUTIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::ZONE_PREFIX_INSTITUTIONS.words()));

/// Words that make a place prefix generic (`全区`, `示范区`, `高水平园区`).
pub static PLACE_GENERIC: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::PLACE_GENERIC.words()));

/// Words that end just before a place name starts (`召开北塘区…`).
pub static PLACE_BOUNDARIES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::PLACE_BOUNDARIES.words()));

/// Words that name a body or an action of a place right after its name (`某某区委`).
pub static PLACE_GOVERNANCE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::PLACE_GOVERNANCE.words()));

/// Words of a body or post no place prefix holds (`委`, `副`).
pub static PLACE_BARRIERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::PLACE_BARRIERS.words()));

/// The chars of a one-char list file.
fn chars_of(file: &super::ListFile) -> Vec<char> {
    file.lines()
        .map(|(n, l)| {
            let mut chars = l.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => panic!("data/lexicon/{}.txt:{n}: `{l}` is not one char", file.name),
            }
        })
        .collect()
}

/// Function words after which a place name may start but inside which it hardly ever
/// continues.
pub static PLACE_CUT_AFTER: LazyLock<Vec<char>> =
    LazyLock::new(|| chars_of(&files::PLACE_CUT_AFTER));

/// Function words no place prefix ends with.
pub static PLACE_TAIL_STOPS: LazyLock<Vec<char>> =
    LazyLock::new(|| chars_of(&files::PLACE_TAIL_STOPS));

/// Function words and date or count chars no place prefix opens with.
pub static PLACE_HEAD_STOPS: LazyLock<Vec<char>> =
    LazyLock::new(|| chars_of(&files::PLACE_HEAD_STOPS));

/// What shows a word that ends like a place name is none (`place_false_words.txt`).
#[derive(Debug)]
pub struct PlaceFalseWords {
    /// Common nouns ending like a place name (`城市`, `景区`).
    pub words: Vec<&'static str>,
    /// Chars that, right after a level suffix, show it is none (`市场`, `区域`).
    pub next_chars: Vec<char>,
    /// (level suffix, following word): a suffix that starts a fixed term there
    /// (`地区生产总值`).
    pub follows: Vec<(&'static str, &'static str)>,
}

pub static PLACE_FALSE_WORDS: LazyLock<PlaceFalseWords> = LazyLock::new(|| {
    let entries: Vec<&'static str> = files::PLACE_FALSE_WORDS.words().collect();
    PlaceFalseWords {
        words: entries
            .iter()
            .copied()
            .filter(|w| !w.contains('+'))
            .collect(),
        next_chars: entries
            .iter()
            .filter_map(|w| w.strip_prefix('+').and_then(|c| c.chars().next()))
            .collect(),
        follows: entries
            .iter()
            .filter_map(|w| w.split_once('+'))
            .filter(|(kind, _)| !kind.is_empty())
            .collect(),
    }
});

/// What a body of a development zone named right after a word shows (`zone_bodies.txt`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ZoneBody {
    /// A zone's own body: after a governed kind it makes a zone (`某某园管委会`).
    Own,
    /// After a zone's generic word (`开发区党工委`), the report speaks of its zone.
    AfterWord,
    /// Named anywhere, the report speaks of a zone of its own.
    Alone,
}

impl Tag for ZoneBody {
    const ALL: &'static [(&'static str, Self)] = &[
        ("own", ZoneBody::Own),
        ("word", ZoneBody::AfterWord),
        ("alone", ZoneBody::Alone),
    ];
}

/// The bodies of a development zone, by what they show.
#[derive(Debug)]
pub struct ZoneBodies {
    pub own: WordSet,
    pub after_word: WordSet,
    pub alone: WordSet,
}

pub static ZONE_BODIES: LazyLock<ZoneBodies> = LazyLock::new(|| {
    let all = files::ZONE_BODIES.tagged::<ZoneBody>();
    let of = |tag| WordSet::new(all.iter().filter(|&&(_, t)| t == tag).map(|&(w, _)| w));
    ZoneBodies {
        own: of(ZoneBody::Own),
        after_word: of(ZoneBody::AfterWord),
        alone: of(ZoneBody::Alone),
    }
});

/// Bodies and posts of a city or county named by its level alone (`市委`, `县长`), by
/// level.
pub static DIVISION_BODIES: LazyLock<Vec<(Level, WordSet)>> = LazyLock::new(|| {
    let all = files::DIVISION_BODIES.tagged::<Level>();
    let mut levels: Vec<Level> = all.iter().map(|&(_, l)| l).collect();
    levels.dedup();
    levels
        .into_iter()
        .map(|level| {
            let words = all.iter().filter(|&&(_, l)| l == level).map(|&(w, _)| w);
            (level, WordSet::new(words))
        })
        .collect()
});

/// The bodies and posts of a division of `level` named by its level alone.
pub fn division_bodies(level: Level) -> Option<&'static WordSet> {
    DIVISION_BODIES
        .iter()
        .find(|(l, _)| *l == level)
        .map(|(_, words)| words)
}

/// The words around what a report passes on from elsewhere.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PassedOn {
    /// Before the zone's name: `传达`, `落实`.
    Opens,
    /// After it: `精神`, `部署`.
    Closes,
}

impl Tag for PassedOn {
    const ALL: &'static [(&'static str, Self)] =
        &[("opens", PassedOn::Opens), ("closes", PassedOn::Closes)];
}

/// The words that open and close what a report passes on (`zone_passed_on.txt`).
#[derive(Debug)]
pub struct PassedOnWords {
    pub opens: WordSet,
    pub closes: WordSet,
}

pub static PASSED_ON: LazyLock<PassedOnWords> = LazyLock::new(|| {
    let all = files::ZONE_PASSED_ON.tagged::<PassedOn>();
    let of = |tag| WordSet::new(all.iter().filter(|&&(_, t)| t == tag).map(|&(w, _)| w));
    PassedOnWords {
        opens: of(PassedOn::Opens),
        closes: of(PassedOn::Closes),
    }
});

/// How a word for a kind of zone names no zone of its own (`zone_generic_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GenericWord {
    /// A name that is only this word names a different zone in every report.
    Generic,
    /// Any park or part of one, never a zone's name, even used alone.
    AnyPark,
    /// A generic word, not a short form standing for one zone.
    NotShort,
}

impl Tag for GenericWord {
    const ALL: &'static [(&'static str, Self)] = &[
        ("generic", GenericWord::Generic),
        ("any_park", GenericWord::AnyPark),
        ("not_short", GenericWord::NotShort),
    ];
}

/// The generic words of zones, each with how it is generic.
pub static ZONE_GENERIC_WORDS: LazyLock<Vec<(&'static str, GenericWord)>> =
    LazyLock::new(|| files::ZONE_GENERIC_WORDS.tagged::<GenericWord>());

/// Whether `word` is a generic word of zones of that sort.
pub fn is_generic_word(word: &str, sort: GenericWord) -> bool {
    ZONE_GENERIC_WORDS
        .iter()
        .any(|&(w, s)| s == sort && w == word)
}

/// Reads every table of this area (the registry's test that every table loads).
#[cfg(test)]
pub(crate) fn load_all() {
    let _ = (&*ZONE_KINDS, &*LOOSE_ZONE_KINDS, &*GOVERNED_ZONE_KINDS);
    let _ = (&*ADMIN_LEVELS, &*INSTITUTIONS, &*PLACE_GENERIC);
    let _ = (&*PLACE_BOUNDARIES, &*PLACE_GOVERNANCE, &*PLACE_BARRIERS);
    let _ = (&*PLACE_CUT_AFTER, &*PLACE_TAIL_STOPS, &*PLACE_HEAD_STOPS);
    let _ = (&*PLACE_FALSE_WORDS, &*ZONE_BODIES, &*DIVISION_BODIES);
    let _ = (&*PASSED_ON, &*ZONE_GENERIC_WORDS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_read_their_files() {
        load_all();
        let ez = ZONE_KINDS
            .iter()
            .find(|k| k.word == "经济技术开发区")
            .unwrap();
        assert_eq!(ez.short_forms, ["经开区", "开发区"]);
        assert_eq!(admin_level("自治州"), Some(Level::City));
        assert_eq!(admin_level("街道"), Some(Level::Town));
        assert_eq!(admin_level("园区"), None);
        assert!(PLACE_FALSE_WORDS.next_chars.contains(&'场'));
        assert!(PLACE_FALSE_WORDS.follows.contains(&("地区", "生产总值")));
        assert!(!PLACE_FALSE_WORDS.words.iter().any(|w| w.contains('+')));
        assert!(ZONE_BODIES.own.contains("管委会") && ZONE_BODIES.alone.contains("管委会"));
        assert!(division_bodies(Level::County).is_some_and(|b| b.contains("县长")));
        assert!(PASSED_ON.opens.contains("传达") && PASSED_ON.closes.contains("精神"));
        assert!(is_generic_word("片区", GenericWord::AnyPark));
        assert!(!is_generic_word("新区", GenericWord::AnyPark));
    }

    #[test]
    #[should_panic(expected = "is not one char")]
    fn a_char_list_holds_chars() {
        chars_of(&crate::lexicon::ListFile::new("t", "的\n之所\n"));
    }
}
