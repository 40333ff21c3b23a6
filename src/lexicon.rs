//! Word lists shipped as data files under `data/lexicon/`, read once.
//!
//! A list file has one entry per line; `#` starts a comment; blank lines are skipped.
//! Extractors compile the lists they need into automata or regexes on first use.

/// The entries of a list file's text, in file order.
pub fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// Regex alternation of the entries, longest first, each escaped.
pub fn alternation(src: &'static str) -> String {
    let mut words: Vec<&str> = entries(src).collect();
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

    #[test]
    fn skips_comments_and_blank_lines() {
        let got: Vec<_> = entries("# head\n甲\n\n乙 # note\n").collect();
        assert_eq!(got, vec!["甲", "乙"]);
        assert_eq!(alternation("a\nabc\n"), "abc|a");
    }
}
