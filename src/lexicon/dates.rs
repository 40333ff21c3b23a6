//! The typed table of dates: national meetings that date a report (`event_dates.txt`).

use super::{files, WordSet};
use std::sync::LazyLock;

/// National meetings by name, with the (year, month) each was held, by the names' ids.
pub struct EventDates {
    pub names: WordSet,
    pub held: Vec<(i32, u32)>,
}

impl EventDates {
    /// When the first meeting of the same kind as `id` after it was held: sessions of the
    /// National People's Congress (`…人大…会议`) follow each other, and party congresses
    /// and plenums.
    pub fn next_of_kind(&self, id: usize) -> Option<(i32, u32)> {
        let congress = |i: usize| self.names.words()[i].contains("人大");
        (0..self.held.len())
            .filter(|&i| congress(i) == congress(id) && self.held[i] > self.held[id])
            .map(|i| self.held[i])
            .min()
    }
}

/// The meetings of `event_dates.txt`, each `name YYYY-MM`.
pub static EVENT_DATES: LazyLock<EventDates> = LazyLock::new(|| {
    let (names, held): (Vec<&str>, Vec<(i32, u32)>) = files::EVENT_DATES
        .valued()
        .into_iter()
        .map(|(name, date)| (name, year_month(date)))
        .unzip();
    EventDates {
        names: WordSet::new(names),
        held,
    }
});

/// `2024-07` → (2024, 7).
fn year_month(date: &str) -> (i32, u32) {
    date.split_once('-')
        .and_then(|(y, m)| Some((y.parse().ok()?, m.parse().ok()?)))
        .unwrap_or_else(|| panic!("data/lexicon/event_dates.txt: `{date}` is not YYYY-MM"))
}

/// Reads every table of this file (the `every_table_loads` test).
#[cfg(test)]
pub(crate) fn load_all() {
    LazyLock::force(&EVENT_DATES);
}
