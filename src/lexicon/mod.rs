//! The words zonekg knows, shipped as data files under `data/lexicon/` and read once into
//! typed tables, and the one type words are looked up with.
//!
//! - [`files`] registers every list file (the only place that includes them);
//! - [`ListFile`] reads a file by the one grammar below, rejecting what a table does not
//!   expect (a tag it does not know, a tag on a plain list) with the file and line;
//! - [`WordSet`] is how extractors look words up: does a text start or end with one, does
//!   one occur in it, where are they all.
//!
//! # The grammar of a list file
//!
//! One entry per line; `#` starts a comment; blank lines are skipped. An entry is one of
//!
//! ```text
//! 高新区                       a word (a plain list)
//! 同比增长 growth              a word and its tag (the last field; the word may hold spaces)
//! 经济技术开发区 = 经开区, 开发区   a word and the other forms it goes by
//! ```
//!
//! ```
//! use zonekg::lexicon::{ListFile, Tag};
//!
//! #[derive(Debug, Clone, Copy, PartialEq)]
//! enum Sign { Up, Down }
//! impl Tag for Sign {
//!     const ALL: &'static [(&'static str, Self)] = &[("up", Sign::Up), ("down", Sign::Down)];
//! }
//!
//! let file = ListFile::new("example", "增长 up  # grows\n下降 down\n");
//! assert_eq!(file.tagged::<Sign>(), vec![("增长", Sign::Up), ("下降", Sign::Down)]);
//! ```

pub mod dates;
pub mod files;
pub(crate) mod meetings;
pub mod normalize;
pub(crate) mod officials;
pub(crate) mod statements;
pub mod tasks;
mod words;
pub mod zones;

pub use words::WordSet;

use std::sync::atomic::{AtomicUsize, Ordering};

/// One list file of `data/lexicon/`: its name (without `.txt`) and its text.
#[derive(Debug)]
pub struct ListFile {
    pub name: &'static str,
    pub text: &'static str,
    /// How many times a table has read the file: once, for the tables of a registered
    /// file (the `every_table_loads` test checks it).
    reads: AtomicUsize,
}

impl ListFile {
    /// A list file of `name` holding `text`.
    pub const fn new(name: &'static str, text: &'static str) -> Self {
        ListFile {
            name,
            text,
            reads: AtomicUsize::new(0),
        }
    }

    /// How many times a table has read the file.
    pub fn reads(&self) -> usize {
        self.reads.load(Ordering::Relaxed)
    }
}

/// A closed set of tags a list file's entries may carry, each with the value it reads as.
pub trait Tag: Copy + 'static {
    /// Every tag as written in the file, with its value.
    const ALL: &'static [(&'static str, Self)];
}

impl ListFile {
    /// The entries (comments and blank lines skipped, trimmed), with their line numbers.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &'static str)> {
        self.reads.fetch_add(1, Ordering::Relaxed);
        self.text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.split('#').next().unwrap_or("").trim()))
            .filter(|(_, l)| !l.is_empty())
    }

    /// The words of a plain list, in file order.
    ///
    /// # Panics
    /// On an entry with a tag or other forms: a plain list has neither.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.lines().map(|(n, l)| {
            if l.contains(char::is_whitespace) || l.contains('=') {
                self.reject(n, &format!("`{l}`: a plain list's entry is one word"));
            }
            l
        })
    }

    /// The words with their tags, in file order.
    ///
    /// # Panics
    /// On an entry without a tag or with one `T` does not know.
    pub fn tagged<T: Tag>(&self) -> Vec<(&'static str, T)> {
        self.lines()
            .map(|(n, l)| {
                let Some((word, tag)) = l.rsplit_once(char::is_whitespace) else {
                    self.reject(n, &format!("`{l}` has no tag"));
                };
                match T::ALL.iter().find(|(name, _)| *name == tag) {
                    Some(&(_, value)) => (word.trim_end(), value),
                    None => {
                        let known: Vec<&str> = T::ALL.iter().map(|(name, _)| *name).collect();
                        self.reject(
                            n,
                            &format!("unknown tag `{tag}` (known: {})", known.join(", ")),
                        )
                    }
                }
            })
            .collect()
    }

    /// The words with a value each (the last field, as written), in file order.
    ///
    /// # Panics
    /// On an entry without a value.
    pub fn valued(&self) -> Vec<(&'static str, &'static str)> {
        self.lines()
            .map(|(n, l)| match l.rsplit_once(char::is_whitespace) {
                Some((word, value)) => (word.trim_end(), value),
                None => self.reject(n, &format!("`{l}` has no value")),
            })
            .collect()
    }

    /// The words with the other forms each goes by (`word = form, form`; none if the
    /// entry has no `=`), in file order.
    ///
    /// # Panics
    /// On an entry with a tag, or with `=` and no form after it.
    pub fn with_forms(&self) -> Vec<(&'static str, Vec<&'static str>)> {
        self.lines()
            .map(|(n, l)| {
                let (word, forms) = match l.split_once('=') {
                    Some((word, forms)) => {
                        let forms: Vec<&str> = forms.split(',').map(str::trim).collect();
                        if forms.iter().any(|f| f.is_empty()) {
                            self.reject(n, &format!("`{l}`: an empty form"));
                        }
                        (word.trim(), forms)
                    }
                    None => (l, Vec::new()),
                };
                if word.contains(char::is_whitespace) {
                    self.reject(n, &format!("`{l}`: a word with forms has no tag"));
                }
                (word, forms)
            })
            .collect()
    }

    fn reject(&self, line: usize, why: &str) -> ! {
        panic!("data/lexicon/{}.txt:{line}: {why}", self.name)
    }
}

/// Regex alternation of words, longest first, each escaped: for the few patterns that
/// hold a list inside a larger shape.
pub fn alternation<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.into_iter().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Sign {
        Up,
        Down,
    }
    impl Tag for Sign {
        const ALL: &'static [(&'static str, Self)] = &[("up", Sign::Up), ("down", Sign::Down)];
    }

    const fn file(text: &'static str) -> ListFile {
        ListFile::new("t", text)
    }

    #[test]
    fn skips_comments_and_blank_lines() {
        let got: Vec<_> = file("# head\n甲\n\n乙 # note\n").words().collect();
        assert_eq!(got, vec!["甲", "乙"]);
        assert_eq!(alternation(["a", "abc"]), "abc|a");
    }

    #[test]
    fn reads_tags_values_and_forms() {
        assert_eq!(
            file("大 中 小 up\n降 down\n").tagged::<Sign>(),
            vec![("大 中 小", Sign::Up), ("降", Sign::Down)]
        );
        assert_eq!(file("十八大 2012-11").valued(), vec![("十八大", "2012-11")]);
        assert_eq!(
            file("经济开发区 = 经开区, 开发区\n园区\n").with_forms(),
            vec![("经济开发区", vec!["经开区", "开发区"]), ("园区", vec![])]
        );
    }

    #[test]
    #[should_panic(expected = "data/lexicon/t.txt:2: unknown tag `sideways`")]
    fn rejects_an_unknown_tag() {
        file("增长 up\n持平 sideways\n").tagged::<Sign>();
    }

    #[test]
    #[should_panic(expected = "has no tag")]
    fn rejects_a_missing_tag() {
        file("增长\n").tagged::<Sign>();
    }

    #[test]
    #[should_panic(expected = "a plain list's entry is one word")]
    fn rejects_a_tag_on_a_plain_list() {
        file("增长 up\n").words().count();
    }

    /// Every typed table reads its files: a wrong tag or shape fails here, not in use.
    /// Each area's table module adds its `load_all` to this list.
    #[test]
    fn every_table_loads() {
        let areas: &[fn()] = &[
            officials::load_all,
            meetings::load_all,
            statements::load_all,
            zones::load_all,
            tasks::load_all,
            dates::load_all,
            normalize::load_all,
        ];
        for load in areas {
            load();
        }
        // each file is read by one table, once: a list is not kept twice
        let not_once: Vec<(&str, usize)> = files::ALL
            .iter()
            .map(|f| (f.name, f.reads()))
            .filter(|&(_, n)| n != 1)
            .collect();
        assert!(
            not_once.is_empty(),
            "files not read exactly once: {not_once:?}"
        );
    }

    #[test]
    fn every_file_in_the_folder_is_registered_once() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
            .collect();
        on_disk.sort();
        let mut registered: Vec<&str> = files::ALL.iter().map(|f| f.name).collect();
        registered.sort();
        let before = registered.len();
        registered.dedup();
        assert_eq!(registered.len(), before, "a file registered twice");
        assert_eq!(registered, on_disk);
    }
}
