//! How an item and the words around a list read: the cue words that tell whether they
//! look ahead or back, and whether an item sets work or reports it done.

use crate::lexicon::tasks::{
    TASK_CUES, TASK_FIGURE_UNITS, TASK_META_HEADINGS, TASK_RESULTS, TASK_TARGET_WORDS, TASK_VERBS,
    TASK_VERB_LEADS,
};
use crate::lexicon::{self, WordSet};
use regex::Regex;
use std::sync::LazyLock;

/// What a word of the cue lists says about the time a list speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Future,
    Past,
    /// Counts twice: `以来`, `一年来` leave no doubt the list looks back.
    StrongPast,
    /// A longer word that only contains a cue (`主要` is not `要`).
    Neutral,
}

/// A set of cue words matched longest-first, so neutral words swallow the cues inside them.
pub(super) struct Cues {
    /// The words, searched as a leftmost-longest automaton would (cheaper on the short
    /// clauses read here, where an automaton's set-up dominates).
    words: WordSet,
    kinds: Vec<Cue>,
}

impl Cues {
    /// The lists in order: of a word listed twice, the first place counts.
    pub(super) fn new(lists: &[(&[&'static str], Cue)]) -> Cues {
        let mut words = Vec::new();
        let mut kinds = Vec::new();
        for &(list, kind) in lists {
            for &w in list {
                words.push(w);
                kinds.push(kind);
            }
        }
        Cues {
            words: WordSet::new(words),
            kinds,
        }
    }

    /// (future, past) cue counts in `s`.
    pub(super) fn count(&self, s: &str) -> (i32, i32) {
        let (mut future, mut past) = (0, 0);
        for (_, id) in self.words.find_all(s) {
            match self.kinds[id] {
                Cue::Future => future += 1,
                Cue::Past => past += 1,
                Cue::StrongPast => past += 2,
                Cue::Neutral => {}
            }
        }
        (future, past)
    }
}

/// Cues in the words that introduce a list or head its section.
pub(super) static CONTEXT_CUES: LazyLock<Cues> = LazyLock::new(|| {
    let cues = &*TASK_CUES;
    Cues::new(&[
        (&cues.future, Cue::Future),
        (&cues.past, Cue::Past),
        (&cues.past_strong, Cue::StrongPast),
        (&cues.neutral, Cue::Neutral),
    ])
});

/// Marks of work already done inside an item.
pub(super) static DONE_MARKS: LazyLock<Cues> = LazyLock::new(|| {
    let cues = &*TASK_CUES;
    Cues::new(&[
        (&cues.done_marks, Cue::Past),
        (&cues.past_strong, Cue::StrongPast),
        (&cues.neutral, Cue::Neutral),
    ])
});

/// The words [`DONE_MARKS`] counts as past, alone: where none occurs, none is counted
/// (the neutral words only hide marks, never add one).
pub(super) static PAST_MARKS: LazyLock<WordSet> = LazyLock::new(|| {
    let cues = &*TASK_CUES;
    WordSet::new(cues.done_marks.iter().chain(&cues.past_strong).copied())
});

/// An item that opens with who must act: `各部门要…`, `全区上下必须…`.
pub(super) static SUBJECT_MUST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^,，;；。:：要]{0,9}?[^,，;；。:：要主重需只不纪摘](?:要|必须|务必)[^素点求]")
        .unwrap()
});

/// Whether a heading names a document part rather than a work item (`一、工作回顾`,
/// `二、2024年工作安排`).
pub(super) fn is_meta_heading(h: &str) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:19|20)\d\d\s*年").unwrap());
    TASK_META_HEADINGS.occurs_in(h) || YEAR.is_match(h)
}

/// A figure stated as reached: a number with a unit, where no word makes it a target
/// ([`TASK_TARGET_WORDS`]).
pub(super) static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    let units = lexicon::alternation(TASK_FIGURE_UNITS.iter().copied());
    Regex::new(&format!(r"\d+(?:\.\d+)?\s*(?:{units})")).unwrap()
});

/// How an item reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ItemSense {
    Work,
    Result,
    Unclear,
}

/// How an item reads, from its headline and the rest of its words (`body`): a headline
/// of work to do whose body reports figures reached or work done (`一是强化招商。全年签约
/// 项目35个`) tells of the past year rather than sets work.
pub(super) fn item_sense(head: &str, body: &str) -> ItemSense {
    let opens_with_work = (opens_with_work_verb(head) && !head.starts_with("要素"))
        || ((head.contains('要') || head.contains('必')) && SUBJECT_MUST.is_match(head));
    if reports_done(head) || (!opens_with_work && TASK_RESULTS.occurs_in(head)) {
        return ItemSense::Result;
    }
    if opens_with_work && !body_reports_done(body) {
        ItemSense::Work
    } else {
        ItemSense::Unclear
    }
}

/// Whether one of the first [`BODY_SENTENCES`] sentences of `body` reports something done.
pub(super) fn body_reports_done(body: &str) -> bool {
    let read = match body
        .match_indices(['。', ';', '；'])
        .nth(BODY_SENTENCES - 1)
    {
        Some((at, _)) => &body[..at],
        None => body,
    };
    // no sentence of the part read can report anything done when the whole of it holds
    // neither a mark of work done nor a digit (no mark holds a separator)
    if !may_hold_digit(read) && !PAST_MARKS.occurs_in(read) {
        return false;
    }
    read.split(['。', ';', '；']).any(reports_done)
}

/// Whether `head` opens with a verb of work to do, after an optional `要` `是要` `需要`
/// or the `关于` of a minutes' heading (`二、关于加快…`) (the pattern
/// `^(?:要|是要|需要|关于)?(?:verbs)`, read by first char).
pub(super) fn opens_with_work_verb(head: &str) -> bool {
    let leads = TASK_VERB_LEADS.words().iter();
    std::iter::once(&"").chain(leads).any(|lead| {
        head.strip_prefix(lead)
            .is_some_and(|rest| TASK_VERBS.starts(rest))
    })
}

/// How many sentences of an item's body are read for reports of work done.
pub(super) const BODY_SENTENCES: usize = 4;

/// Whether a clause reports something done: a mark of completion, or a figure no target
/// word makes a goal.
pub(super) fn reports_done(clause: &str) -> bool {
    (PAST_MARKS.occurs_in(clause) && DONE_MARKS.count(clause).1 > 0)
        || (may_hold_digit(clause)
            && FIGURE.is_match(clause)
            && !TASK_TARGET_WORDS.occurs_in(clause))
}

/// Whether `s` may hold a digit (`\d`, any Unicode decimal digit), which [`FIGURE`]
/// needs: most clauses hold none. One pass over the bytes, without branches, finds ASCII
/// digits and the lead bytes of chars that are neither ASCII nor Han (a lead byte
/// 0xE4..=0xE9 opens U+4000..U+9FFF, where no digit is); only those chars are decoded.
pub(super) fn may_hold_digit(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (digit, other) = bytes.iter().fold((false, false), |(digit, other), &b| {
        (
            digit | b.is_ascii_digit(),
            other | (b >= 0xC0 && !(0xE4..=0xE9).contains(&b)),
        )
    });
    if digit {
        return true;
    }
    other
        && bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b >= 0xC0 && !(0xE4..=0xE9).contains(&b))
            .any(|(i, _)| s[i..].chars().next().is_some_and(char::is_numeric))
}
