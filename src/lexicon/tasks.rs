//! The words of tasks and of the lists they are found in: the cues that tell whether a
//! list looks ahead or back, the verbs a work item opens with, the words of results,
//! targets and document parts, and the nouns of named plans.

use super::{files, WordSet};
use std::sync::LazyLock;

/// The cue lists a list of items is weighed by, each read once.
#[derive(Debug)]
pub struct TaskCues {
    /// Before a list: it sets work for the time ahead (`重点抓好以下方面`).
    pub future: Vec<&'static str>,
    /// Before a list or in its heading: it tells what was done (`取得成效`).
    pub past: Vec<&'static str>,
    /// Words that leave no doubt a list looks back (`一年来`): they count twice.
    pub past_strong: Vec<&'static str>,
    /// Longer words that hold a cue char without its sense (`主要`, `为了`).
    pub neutral: Vec<&'static str>,
    /// Marks of work already done inside an item (`了`, `同比`, `累计`).
    pub done_marks: Vec<&'static str>,
}

pub static TASK_CUES: LazyLock<TaskCues> = LazyLock::new(|| TaskCues {
    future: files::TASK_CUES_FUTURE.words().collect(),
    past: files::TASK_CUES_PAST.words().collect(),
    past_strong: files::TASK_CUES_PAST_STRONG.words().collect(),
    neutral: files::TASK_CUES_NEUTRAL.words().collect(),
    done_marks: files::TASK_DONE_MARKS.words().collect(),
});

/// Verbs of work to do that an item opens with (`加快`, `强化`).
pub static TASK_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_VERBS.words()));

/// Words an item may open with before its verb of work (`要`, `关于`).
pub static TASK_VERB_LEADS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_VERB_LEADS.words()));

/// Words of a result reached (`迎来`, `成效`).
pub static TASK_RESULTS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_RESULTS.words()));

/// Words of a document part rather than a work item, in `一、` headings (`回顾`, `措施`).
pub static TASK_META_HEADINGS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_META_HEADINGS.words()));

/// Units of a figure stated as reached (`个`, `亿`, `%`), in file order.
pub static TASK_FIGURE_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| files::TASK_FIGURE_UNITS.words().collect());

/// Words that make a figure a target (`力争`, `以上`).
pub static TASK_TARGET_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_TARGET_WORDS.words()));

/// Words that open a clause qualifying the target before it (`力争`, `其中`).
pub static TASK_TARGET_LEADS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_TARGET_LEADS.words()));

/// Words opening with `要` that are not the modal `要` (`要求`, `要素`).
pub static MODAL_YAO_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::MODAL_YAO_WORDS.words()));

/// Words of speech before clauses of directives (`强调`, `指出`).
pub static TASK_SPEECH_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_SPEECH_WORDS.words()));

/// Parts of a year a summary may sum up (`半年`, `季度`).
pub static SUMMARY_PART_PERIODS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::SUMMARY_PART_PERIODS.words()));

/// What a named plan is a plan of (`行动`, `攻坚战`), in file order.
pub static TASK_PLAN_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_PLAN_NOUNS.words()));

/// Words that, opening three clauses in a row, make them a list (`进一步`).
pub static TASK_ANAPHORA_OPENERS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::TASK_ANAPHORA_OPENERS.words()));

/// Reads every table of this area (the registry's test that every table loads).
#[cfg(test)]
pub(crate) fn load_all() {
    let _ = (&*TASK_CUES, &*TASK_VERBS, &*TASK_VERB_LEADS, &*TASK_RESULTS);
    let _ = (
        &*TASK_META_HEADINGS,
        &*TASK_FIGURE_UNITS,
        &*TASK_TARGET_WORDS,
    );
    let _ = (&*TASK_TARGET_LEADS, &*MODAL_YAO_WORDS, &*TASK_SPEECH_WORDS);
    let _ = (
        &*SUMMARY_PART_PERIODS,
        &*TASK_PLAN_NOUNS,
        &*TASK_ANAPHORA_OPENERS,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_read_their_files() {
        load_all();
        assert!(TASK_CUES.neutral.contains(&"主要") && TASK_CUES.past_strong.contains(&"以来"));
        assert!(TASK_VERBS.starts("加快建设") && MODAL_YAO_WORDS.contains("要素"));
        assert!(TASK_PLAN_NOUNS.ends("十项攻坚行动"));
    }
}
