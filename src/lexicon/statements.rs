//! The words quantified statements are read with (`src/extract/statements`, goals and
//! achievements) and the units of the quantities in them (`src/extract/numbers`): link
//! words with the kind they imply, result verbs, tense cues, year-on-year bases, units.
//! Each file is read once, into [`STATEMENTS`] or [`UNITS`].

use super::{files, Tag, WordSet};
use crate::model::GoalKind;
use std::sync::LazyLock;

/// A word between an indicator and its value (`完成`, `同比增长`, `value_links.txt`), with
/// the goal kind it implies (`-` in the file: none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ValueLink {
    pub word: &'static str,
    pub kind: Option<GoalKind>,
}

/// The tag of a link word: the kind it implies.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Implies(Option<GoalKind>);

impl Tag for Implies {
    const ALL: &'static [(&'static str, Self)] = &[
        ("growth", Implies(Some(GoalKind::Growth))),
        ("reduce", Implies(Some(GoalKind::Reduce))),
        ("at_least", Implies(Some(GoalKind::AtLeast))),
        ("level", Implies(Some(GoalKind::Level))),
        ("-", Implies(None)),
    ];
}

/// The tense a heading's cue word sets for its section (`section_cues.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueTense {
    Plan,
    Result,
}

impl Tag for CueTense {
    const ALL: &'static [(&'static str, Self)] =
        &[("plan", CueTense::Plan), ("result", CueTense::Result)];
}

/// What a year-on-year base compares with (`year_on_year.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Base {
    /// Last year, or its same period (`同比`, `比上年`, `较年初`): a base of any change.
    Year,
    /// Last year's end (`比上年末`): a base of changes of counts.
    YearEnd,
}

impl Tag for Base {
    const ALL: &'static [(&'static str, Self)] =
        &[("year", Base::Year), ("year_end", Base::YearEnd)];
}

/// The part a word of `statement_words.txt` plays (the file's header says each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordPart {
    Bare,
    Share,
    Total,
    Doubling,
    TargetTail,
    MilestoneTail,
    BareInvestment,
    OneProjectNot,
    Margin,
    Contribution,
    RankMove,
    Added,
    Company,
    WholeArea,
    Rise,
    Fall,
}

impl Tag for WordPart {
    const ALL: &'static [(&'static str, Self)] = &[
        ("bare", WordPart::Bare),
        ("share", WordPart::Share),
        ("total", WordPart::Total),
        ("doubling", WordPart::Doubling),
        ("target_tail", WordPart::TargetTail),
        ("milestone_tail", WordPart::MilestoneTail),
        ("bare_investment", WordPart::BareInvestment),
        ("one_project_not", WordPart::OneProjectNot),
        ("margin", WordPart::Margin),
        ("contribution", WordPart::Contribution),
        ("rank_move", WordPart::RankMove),
        ("added", WordPart::Added),
        ("company", WordPart::Company),
        ("whole_area", WordPart::WholeArea),
        ("rise", WordPart::Rise),
        ("fall", WordPart::Fall),
    ];
}

/// The statement reader's tables.
pub(crate) struct Statements {
    /// Link words, in file order.
    pub value_links: Vec<ValueLink>,
    /// Verbs that report a result (`完成`, `实现`), in file order.
    pub result_verbs: WordSet,
    /// Scene-setting words cut off the front of an indicator (`indicator_context.txt`).
    pub indicator_context: WordSet,
    /// Words of indicators that are no results (`not_results.txt`).
    pub not_results: WordSet,
    /// Words that make a figure a projection (`建成后`, `projection_cues.txt`).
    pub projection_cues: WordSet,
    /// Tense cue words of a sentence: plans, then results.
    pub plan_cues: WordSet,
    pub result_cues: WordSet,
    /// Cue words of headings with the tense they set, in file order.
    pub section_cues: Vec<(&'static str, CueTense)>,
    /// Words that tell an event held (`此次`, `现场`) and its verbs (`签约`, `开工`).
    pub event_markers: WordSet,
    pub event_verbs: WordSet,
    /// Nouns a list's members share, written once after the last (`产量`).
    pub list_nouns: WordSet,
    /// Bases of a year-on-year comparison, in file order, with what they compare with.
    pub year_on_year: Vec<(&'static str, Base)>,
    /// The words of `statement_words.txt` by their part (`WordPart as usize`), in file
    /// order.
    parts: Vec<WordSet>,
}

impl Statements {
    /// The words that play `part`, in file order.
    pub fn words(&self, part: WordPart) -> &WordSet {
        &self.parts[part as usize]
    }
}

/// The statement reader's tables, read once.
pub(crate) static STATEMENTS: LazyLock<Statements> = LazyLock::new(|| Statements {
    value_links: files::VALUE_LINKS
        .tagged::<Implies>()
        .into_iter()
        .map(|(word, Implies(kind))| ValueLink { word, kind })
        .collect(),
    result_verbs: WordSet::new(files::RESULT_VERBS.words()),
    indicator_context: WordSet::new(files::INDICATOR_CONTEXT.words()),
    not_results: WordSet::new(files::NOT_RESULTS.words()),
    projection_cues: WordSet::new(files::PROJECTION_CUES.words()),
    plan_cues: WordSet::new(files::PLAN_CUES.words()),
    result_cues: WordSet::new(files::RESULT_CUES.words()),
    section_cues: files::SECTION_CUES.tagged(),
    event_markers: WordSet::new(files::EVENT_MARKERS.words()),
    event_verbs: WordSet::new(files::EVENT_VERBS.words()),
    list_nouns: WordSet::new(files::LIST_NOUNS.words()),
    year_on_year: files::YEAR_ON_YEAR.tagged(),
    parts: {
        let words = files::STATEMENT_WORDS.tagged::<WordPart>();
        (WordPart::ALL.iter())
            .map(|&(_, part)| {
                WordSet::new(words.iter().filter(|(_, p)| *p == part).map(|(w, _)| *w))
            })
            .collect()
    },
});

/// The units quantities are counted or measured in.
pub(crate) struct Units {
    /// Units as they follow a number (`个`, `元`, `%`), in file order (`units.txt`).
    pub units: WordSet,
    /// Unit words that make a number a duration (`个月`, `time_units.txt`).
    pub time: WordSet,
    /// Units that count activities, not results (`批次`, `activity_units.txt`).
    pub activity: WordSet,
}

/// The units, read once.
pub(crate) static UNITS: LazyLock<Units> = LazyLock::new(|| Units {
    units: WordSet::new(files::UNITS.words()),
    time: WordSet::new(files::TIME_UNITS.words()),
    activity: WordSet::new(files::ACTIVITY_UNITS.words()),
});

/// Reads every table of the area: a wrong tag or shape fails here.
#[cfg(test)]
pub(crate) fn load_all() {
    LazyLock::force(&STATEMENTS);
    LazyLock::force(&UNITS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_part_has_its_words() {
        for (i, &(name, part)) in WordPart::ALL.iter().enumerate() {
            assert_eq!(part as usize, i, "{name}");
            assert!(!STATEMENTS.words(part).words().is_empty(), "{name}");
        }
        assert!(STATEMENTS.words(WordPart::Fall).contains("下降"));
    }
}
