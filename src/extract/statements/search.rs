//! Searches the statement reader runs on every sentence: word lists behind a test of a
//! few chars (for whole sentences, where most have none of them), plain scans where a
//! string searcher would cost more to build than to run.

use crate::extract::numbers::CjkSet;
use aho_corasick::AhoCorasick;
use std::ops::Range;

/// An automaton over a list of words, behind a test of a few chars one of which each
/// word has: most texts have none of them, which char searches tell for less than the
/// automaton's search.
pub(super) struct Words {
    gate: Vec<char>,
    /// [`Words::gate`]'s chars of Chinese text, as a bitmap; `None` if it has others.
    gate_cjk: Option<CjkSet>,
    automaton: AhoCorasick,
}

impl Words {
    pub(super) fn new(words: Vec<&str>) -> Self {
        let automaton = AhoCorasick::new(&words).unwrap();
        let mut left = words;
        left.retain(|w| !w.is_empty());
        let mut gate = Vec::new();
        // the char the most words left have, until every word has one
        while let Some(best) = left.iter().flat_map(|w| w.chars()).max_by_key(|&c| {
            let n = left.iter().filter(|w| w.contains(c)).count();
            (n, std::cmp::Reverse(c))
        }) {
            left.retain(|w| !w.contains(best));
            gate.push(best);
        }
        let mut set = CjkSet::empty();
        let gate_cjk = gate.iter().all(|&c| set.insert(c)).then_some(set);
        Words {
            gate,
            gate_cjk,
            automaton,
        }
    }

    /// Whether `s` holds one of the words.
    pub(super) fn is_match(&self, s: &str) -> bool {
        let gate = if s.len() < 48 {
            // a short text: one pass over its chars
            match &self.gate_cjk {
                Some(set) => s.chars().any(|c| set.contains(c)),
                None => s.chars().any(|c| self.gate.contains(&c)),
            }
        } else {
            self.gate.iter().any(|&c| s.contains(c))
        };
        gate && self.automaton.is_match(s)
    }
}

/// Where a statement's text, known to stand at `at` in the sentence `s`, first occurs
/// in it: found without building a searcher for the (long) text.
pub(super) fn first_occurrence(s: &str, at: Range<usize>) -> usize {
    let (b, text) = (s.as_bytes(), &s.as_bytes()[at.clone()]);
    if text.is_empty() {
        return 0;
    }
    // the fast search for one byte of its first char (the last, for Chinese: the lead
    // bytes are alike) finds the candidates
    let k = text.len().min(3) - 1;
    memchr::memchr_iter(text[k], &b[k..at.start + k])
        .find(|&i| b[i..].starts_with(text))
        .unwrap_or(at.start)
}

/// `s.find(w)`, by the fast search for `w`'s first char: the texts here are short,
/// and a string searcher costs more to build than such a search costs to run.
pub(super) fn find_word(s: &str, w: &str) -> Option<usize> {
    let Some(first) = w.chars().next() else {
        return Some(0);
    };
    s.match_indices(first)
        .map(|(i, _)| i)
        .find(|&i| s[i..].starts_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_as_str_finds_them() {
        let texts = [
            "",
            "分",
            "分别",
            "甲分别乙分别",
            "实现了实现",
            "完成实现完成",
            "ab",
        ];
        for s in texts {
            for w in ["分别", "实现", "完成", "", "b"] {
                assert_eq!(find_word(s, w), s.find(w), "{s} {w}");
            }
        }
    }

    #[test]
    fn finds_the_first_occurrence_of_a_text() {
        let s = "甲增长5%,乙增长5%,甲增长5%";
        let at = s.rfind("甲增长5%").unwrap();
        assert_eq!(first_occurrence(s, at..s.len()), 0);
        let at = s.find("乙").unwrap();
        assert_eq!(first_occurrence(s, at..at + "乙增长".len()), at);
    }

    #[test]
    fn gated_words_match_as_the_automaton_does() {
        let list = vec!["建成后", "可达", "预计可", "参会", "出席"];
        let words = Words::new(list.clone());
        let automaton = AhoCorasick::new(&list).unwrap();
        assert!(words.gate.len() < list.len());
        let texts = [
            "项目建成后年产值",
            "预计可实现",
            "可",
            "出席会议",
            "参加",
            "规上工业总产值增长6%",
            "一段较长的文字,说的是园区的规上工业总产值增长了百分之六,项目建成后可达百亿元",
        ];
        for s in texts {
            assert_eq!(words.is_match(s), automaton.is_match(s), "{s}");
        }
    }
}
