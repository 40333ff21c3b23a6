//! [`WordSet`], the one type words are looked up with, and the char-keyed tables behind
//! it: the checks extractors run at every candidate are "does the text end with one of
//! these words here", "does it start with one", "does one occur in it".
//!
//! Looping over a whole list costs a comparison per word; an automaton costs a call set-up
//! that dwarfs the few chars being tested. Keying the words by their first (or last) char
//! leaves one or two words to compare, and a bit filter answers most lookups (chars no
//! word has there) without searching at all.
//!
//! Keyed by last char, the words can also be searched for through a whole text
//! ([`WordsByChar::leftmost_longest`]): where the words are built of chars common in the
//! text (`长`, `委`), stepping char by char and looking only at the few chars that end a
//! word beats an automaton stepping byte by byte.

const FILTER_BITS: usize = 4096;

use std::ops::Range;

/// A set of chars as a bit filter (bit `c % FILTER_BITS`): tells which chars of a text
/// may be in the set, reading most chars' bits from their bytes without decoding them.
#[derive(Debug, Clone)]
pub struct CharFilter {
    bits: Box<[u64; FILTER_BITS / 64]>,
}

impl Default for CharFilter {
    fn default() -> Self {
        CharFilter {
            bits: Box::new([0u64; FILTER_BITS / 64]),
        }
    }
}

impl CharFilter {
    /// Adds `c` to the set.
    pub fn insert(&mut self, c: char) {
        let bit = c as usize % FILTER_BITS;
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    fn passes_bit(&self, bit: usize) -> bool {
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether `c` may be in the set.
    pub fn passes(&self, c: char) -> bool {
        self.passes_bit(c as usize % FILTER_BITS)
    }

    /// The chars of `s` (with their byte offsets) that may be in the set: the others are
    /// skipped. A three-byte char's filter bit is its low 12 bits, read from its last two
    /// bytes, so most chars are passed over without being decoded.
    pub fn chars_in<'s>(&'s self, s: &'s str) -> FilteredChars<'s> {
        FilteredChars {
            filter: self,
            s,
            i: 0,
        }
    }
}

/// The chars of a text that pass a [`CharFilter`], with their byte offsets.
pub struct FilteredChars<'s> {
    filter: &'s CharFilter,
    s: &'s str,
    i: usize,
}

impl Iterator for FilteredChars<'_> {
    type Item = (usize, char);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, char)> {
        const _: () = assert!(FILTER_BITS == 1 << 12);
        let bytes = self.s.as_bytes();
        while self.i < bytes.len() {
            let at = self.i;
            if (0xE0..0xF0).contains(&bytes[at]) {
                self.i += 3;
                let bit =
                    (usize::from(bytes[at + 1] & 0x3F) << 6) | usize::from(bytes[at + 2] & 0x3F);
                if !self.filter.passes_bit(bit) {
                    continue;
                }
                let c = self.s[at..].chars().next().expect("a char starts here");
                return Some((at, c));
            }
            let c = self.s[at..].chars().next().expect("a char starts here");
            self.i += c.len_utf8();
            if self.filter.passes(c) {
                return Some((at, c));
            }
        }
        None
    }
}

/// Words grouped by their first or last char.
#[derive(Debug, Clone)]
pub struct WordsByChar {
    /// Every key char.
    filter: CharFilter,
    /// (key char, words with that key and their places in the list given), sorted by key.
    groups: Vec<(char, Vec<(&'static str, usize)>)>,
}

impl WordsByChar {
    /// The words keyed by their first char.
    pub fn by_first(words: impl IntoIterator<Item = &'static str>) -> Self {
        Self::keyed(words, |w| w.chars().next())
    }

    /// The words keyed by their last char.
    pub fn by_last(words: impl IntoIterator<Item = &'static str>) -> Self {
        Self::keyed(words, |w| w.chars().next_back())
    }

    fn keyed(words: impl IntoIterator<Item = &'static str>, key: fn(&str) -> Option<char>) -> Self {
        let mut groups: Vec<(char, Vec<(&'static str, usize)>)> = Vec::new();
        let mut filter = CharFilter::default();
        for (id, w) in words.into_iter().enumerate() {
            let Some(c) = key(w) else { continue };
            filter.insert(c);
            match groups.binary_search_by_key(&c, |g| g.0) {
                Ok(i) => groups[i].1.push((w, id)),
                Err(i) => groups.insert(i, (c, vec![(w, id)])),
            }
        }
        WordsByChar { filter, groups }
    }

    /// The words keyed by `c` with their places in the list given, in that order.
    pub fn get(&self, c: char) -> &[(&'static str, usize)] {
        if !self.filter.passes(c) {
            return &[];
        }
        match self.groups.binary_search_by_key(&c, |g| g.0) {
            Ok(i) => &self.groups[i].1,
            Err(_) => &[],
        }
    }

    /// The chars of `s` (with their byte offsets) that may be keys.
    fn key_chars<'s>(&'s self, s: &'s str) -> impl Iterator<Item = (usize, char)> + 's {
        self.filter.chars_in(s)
    }

    /// Whether `s` starts with one of the words (keyed by first char).
    pub fn starts(&self, s: &str) -> bool {
        s.chars()
            .next()
            .is_some_and(|c| self.get(c).iter().any(|(w, _)| s.starts_with(w)))
    }

    /// Whether `s` ends with one of the words (keyed by last char).
    pub fn ends(&self, s: &str) -> bool {
        s.chars()
            .next_back()
            .is_some_and(|c| self.get(c).iter().any(|(w, _)| s.ends_with(w)))
    }

    /// Whether one of the words (keyed by last char) occurs anywhere in `s`: an
    /// automaton's `is_match`, one char at a time.
    pub fn occurs_in(&self, s: &str) -> bool {
        let bytes = s.as_bytes();
        self.key_chars(s).any(|(i, c)| {
            let head = &bytes[..i + c.len_utf8()];
            self.get(c)
                .iter()
                .any(|(w, _)| head.ends_with(w.as_bytes()))
        })
    }

    /// The words (keyed by last char) found in `s` one after another as a leftmost-longest
    /// automaton finds them: from where the last match ended, the match that starts first,
    /// the longest of those (of words listed twice, the first). Each is (byte range, place
    /// of the word in the list given).
    pub fn leftmost_longest(&self, s: &str) -> Vec<(Range<usize>, usize)> {
        // every occurrence, overlapping ones too, as found by the char that ends it
        let mut all: Vec<(Range<usize>, usize)> = Vec::new();
        for (i, c) in self.key_chars(s) {
            let words = self.get(c);
            if words.is_empty() {
                continue;
            }
            let end = i + c.len_utf8();
            let head = &s.as_bytes()[..end];
            for &(w, id) in words {
                // the byte before the key char tells most words apart without a call to
                // compare them (`增长` against the many titles ending in `长`)
                let (w_bytes, key_len) = (w.as_bytes(), c.len_utf8());
                let differs_before = w_bytes.len() > key_len
                    && head.len() > key_len
                    && w_bytes[w_bytes.len() - key_len - 1] != head[head.len() - key_len - 1];
                if !differs_before && head.ends_with(w_bytes) {
                    all.push((end - w.len()..end, id));
                }
            }
        }
        if all.len() <= 1 {
            return all;
        }
        // leftmost first, the longest first among those starting alike, then first listed
        all.sort_by_key(|(r, id)| (r.start, std::cmp::Reverse(r.end), *id));
        let mut next = 0;
        all.retain(|(r, _)| {
            let keep = r.start >= next;
            if keep {
                next = r.end;
            }
            keep
        });
        all
    }
}

/// A list of words to look up, in list order (the place of a word in the list is its id):
/// keyed by first char for [`WordSet::starts`], by last char for [`WordSet::ends`],
/// [`WordSet::occurs_in`] and [`WordSet::find_all`].
#[derive(Debug, Clone)]
pub struct WordSet {
    words: Vec<&'static str>,
    by_first: WordsByChar,
    by_last: WordsByChar,
}

impl WordSet {
    /// The words, in the order given (a word listed twice keeps its first place in lookups).
    pub fn new(words: impl IntoIterator<Item = &'static str>) -> Self {
        let words: Vec<&'static str> = words.into_iter().collect();
        WordSet {
            by_first: WordsByChar::by_first(words.iter().copied()),
            by_last: WordsByChar::by_last(words.iter().copied()),
            words,
        }
    }

    /// The words in the order given.
    pub fn words(&self) -> &[&'static str] {
        &self.words
    }

    /// Whether `w` is one of the words.
    pub fn contains(&self, w: &str) -> bool {
        w.chars()
            .next()
            .is_some_and(|c| self.by_first.get(c).iter().any(|(x, _)| *x == w))
    }

    /// Whether `s` starts with one of the words.
    pub fn starts(&self, s: &str) -> bool {
        self.by_first.starts(s)
    }

    /// The longest word `s` starts with.
    pub fn longest_prefix(&self, s: &str) -> Option<&'static str> {
        let c = s.chars().next()?;
        let words = self.by_first.get(c).iter().map(|(w, _)| *w);
        words.filter(|w| s.starts_with(w)).max_by_key(|w| w.len())
    }

    /// Whether `s` ends with one of the words.
    pub fn ends(&self, s: &str) -> bool {
        self.by_last.ends(s)
    }

    /// The longest word `s` ends with.
    pub fn longest_suffix(&self, s: &str) -> Option<&'static str> {
        let c = s.chars().next_back()?;
        let words = self.by_last.get(c).iter().map(|(w, _)| *w);
        words.filter(|w| s.ends_with(w)).max_by_key(|w| w.len())
    }

    /// The words starting with `c`, with their ids, in list order.
    pub fn starting_with(&self, c: char) -> &[(&'static str, usize)] {
        self.by_first.get(c)
    }

    /// The words ending with `c`, with their ids, in list order.
    pub fn ending_with(&self, c: char) -> &[(&'static str, usize)] {
        self.by_last.get(c)
    }

    /// Whether one of the words occurs anywhere in `s`.
    pub fn occurs_in(&self, s: &str) -> bool {
        self.by_last.occurs_in(s)
    }

    /// The ids of the words that occur anywhere in `s` (overlapping ones too), each once,
    /// in id order: an automaton's overlapping search, for a list whose words worth a
    /// closer look are few.
    pub fn ids_in(&self, s: &str) -> Vec<usize> {
        let bytes = s.as_bytes();
        let mut found = Vec::new();
        for (i, c) in self.by_last.key_chars(s) {
            let head = &bytes[..i + c.len_utf8()];
            for &(w, id) in self.by_last.get(c) {
                if head.ends_with(w.as_bytes()) {
                    found.push(id);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The words found in `s` one after another as a leftmost-longest automaton finds
    /// them, each as (byte range, id).
    pub fn find_all(&self, s: &str) -> Vec<(Range<usize>, usize)> {
        self.by_last.leftmost_longest(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: [&str; 6] = ["召开", "在", "全区", "区县", "a", "落实"];

    #[test]
    fn starts_and_ends_agree_with_a_scan_of_the_list() {
        let first = WordsByChar::by_first(WORDS);
        let last = WordsByChar::by_last(WORDS);
        for s in [
            "",
            "召开大会",
            "召",
            "在此",
            "全区上下",
            "县区",
            "区县",
            "ab",
            "ba",
            "推进落实",
            "现在",
            "开召",
        ] {
            assert_eq!(
                first.starts(s),
                WORDS.iter().any(|w| s.starts_with(w)),
                "{s}"
            );
            assert_eq!(last.ends(s), WORDS.iter().any(|w| s.ends_with(w)), "{s}");
            assert_eq!(
                last.occurs_in(s),
                WORDS.iter().any(|w| s.contains(w)),
                "{s}"
            );
        }
        assert_eq!(first.get('全'), &[("全区", 2)]);
        // every char a key may be is passed by the filter
        let keys: Vec<(usize, char)> = first.key_chars("甲全a乙召b在😀").collect();
        assert_eq!(keys, vec![(3, '全'), (6, 'a'), (10, '召'), (14, '在')]);
        assert!(first.get('甲').is_empty());
        let set = WordSet::new(WORDS);
        for w in WORDS {
            assert!(set.contains(w));
        }
        assert!(!set.contains("召") && !set.contains("开"));
        assert_eq!(set.longest_prefix("全区县"), Some("全区"));
        assert_eq!(set.longest_suffix("推进落实"), Some("落实"));
        assert_eq!(
            set.find_all("在全区落实"),
            vec![(0..3, 1), (3..9, 2), (9..15, 5)]
        );
        assert_eq!(set.ids_in("区县全区县在在"), vec![1, 2, 3]);
        assert!(set.ids_in("甲乙").is_empty());
    }

    #[test]
    fn leftmost_longest_agrees_with_the_automaton() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let words = [
            "书记",
            "副书记",
            "常务副书记",
            "区长",
            "副区长",
            "长",
            "主任",
            "任",
            "委员",
            "委",
            "常委",
            "区委",
            "b",
            "ab",
            "abc",
            "委员",
            "任",
        ];
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .unwrap();
        let by_last = WordsByChar::by_last(words);
        for s in [
            "",
            "区委常委、常务副书记张三,副区长李四,主任王五",
            "增长较快,区长长期关注",
            "abcabab ab b",
            "委员会委员长区委书记",
            "常务副区长任职",
        ] {
            let want: Vec<(Range<usize>, usize)> = automaton
                .find_iter(s)
                .map(|m| (m.range(), m.pattern().as_usize()))
                .collect();
            assert_eq!(by_last.leftmost_longest(s), want, "{s}");
        }
    }
}
