//! Which chars are Han ideographs.
//!
//! Two named variants, because extraction and normalization draw the line differently
//! on purpose: [`is_han`] is every ideograph block, [`is_word_han`] leaves out `丨`, an
//! ideograph code point that headlines use as a separator bar. (`normalize::scan`
//! counts [`is_han`] chars straight from UTF-8 bytes; its tests check it against this.)

/// Whether `c` is a CJK ideograph: the unified blocks U+3400–4DBF and U+4E00–9FFF, the
/// compatibility block U+F900–FAFF and the supplementary planes U+20000–3134F (rare
/// characters of names, and the simplified forms of some, lie beyond the BMP).
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Whether `c` is a Han char that can be part of a word or name: an ideograph
/// ([`is_han`]) other than `丨`, which headlines use as a separator bar.
#[inline]
pub fn is_word_han(c: char) -> bool {
    is_han(c) && c != '丨'
}

/// Whether `s` holds a Han char.
pub fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

/// How many chars of `s` are Han ([`is_han`]).
pub fn han_count(s: &str) -> usize {
    s.chars().filter(|&c| is_han(c)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ideograph_blocks_and_the_separator_bar() {
        for c in ['一', '龥', '㐀', '豈', '𠀀', '丨'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['a', '1', '、', '〇', '。', 'ａ', '가'] {
            assert!(!is_han(c), "{c}");
        }
        assert!(!is_word_han('丨') && is_word_han('一'));
        assert_eq!(han_count("a甲、乙"), 2);
        assert!(has_han("2024年") && !has_han("2024"));
    }
}
