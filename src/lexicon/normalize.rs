//! The typed tables of normalization: boilerplate markers, the labels and markers of a
//! page's head lines, pinyin syllables; and the indicator folds of `analyze timeline`.
//! Each file is read once, here.

use super::{files, Tag, WordSet};
use std::sync::LazyLock;

/// What a boilerplate marker says about the line holding it (`boilerplate.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Share, print and navigation widgets: a short line dominated by them is dropped.
    Widget,
    /// Site footer: a short line with one is dropped; one after the report text opens
    /// the footer zone.
    Footer,
    /// A line starting with one is a disclaimer block.
    Block,
    /// A line starting with one and `:` names a source, editor or author only.
    Credit,
    /// How an unrelated news item a site appends to the report starts.
    Lead,
}

impl Tag for Kind {
    const ALL: &'static [(&'static str, Self)] = &[
        ("widget", Kind::Widget),
        ("footer", Kind::Footer),
        ("block", Kind::Block),
        ("credit", Kind::Credit),
        ("lead", Kind::Lead),
    ];
}

/// Boilerplate markers with their kinds, in file order.
pub static BOILERPLATE: LazyLock<Vec<(&'static str, Kind)>> =
    LazyLock::new(|| files::BOILERPLATE.tagged());

/// Labels that name a text's publication date wherever they stand (`发布时间`).
pub static PUBLISH_DATE_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| files::PUBLISH_DATE_LABELS.words().collect());

/// Bare date labels (`日期`): the publication date only in a page's head lines.
pub static HEAD_DATE_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| files::HEAD_DATE_LABELS.words().collect());

/// Words that mark the information line under a page's title (`来源`, `作者`).
pub static HEAD_META_MARKERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| files::HEAD_META_MARKERS.words().collect());

/// Mandarin pinyin syllables without tone.
pub static PINYIN_SYLLABLES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(files::PINYIN_SYLLABLES.words()));

/// Indicator spellings folded before goals meet achievements, in file order: each
/// (short, long) writes long as short; an empty short drops the long.
pub static INDICATOR_FOLDS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    files::INDICATOR_FOLDS
        .with_forms()
        .into_iter()
        .flat_map(|(word, forms)| match forms[..] {
            [] => vec![("", word)],
            _ => forms.into_iter().map(|long| (word, long)).collect(),
        })
        .collect()
});

/// Reads every table of this file (the `every_table_loads` test).
#[cfg(test)]
pub(crate) fn load_all() {
    LazyLock::force(&BOILERPLATE);
    LazyLock::force(&PUBLISH_DATE_LABELS);
    LazyLock::force(&HEAD_DATE_LABELS);
    LazyLock::force(&HEAD_META_MARKERS);
    LazyLock::force(&PINYIN_SYLLABLES);
    LazyLock::force(&INDICATOR_FOLDS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_markers_may_hold_spaces() {
        assert!(BOILERPLATE.contains(&("大 中 小", Kind::Widget)));
        assert!(INDICATOR_FOLDS.contains(&("规上", "规模以上")));
        assert!(INDICATOR_FOLDS.contains(&("", "全年")));
        assert!(PINYIN_SYLLABLES.contains("zhong"));
    }
}
