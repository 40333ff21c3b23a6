//! Terminal columns a char takes: two for East Asian wide and full-width chars (CJK,
//! Hangul, full-width forms), one for the rest. For tables printed to a terminal.

/// Whether `c` takes two columns in a terminal.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Columns `c` takes: 2 for wide chars ([`is_wide`]), else 1.
pub fn char_width(c: char) -> usize {
    if is_wide(c) {
        2
    } else {
        1
    }
}

/// Columns `s` takes.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_full_width_take_two_columns() {
        assert_eq!(width("ab"), 2);
        assert_eq!(width("高新区"), 6);
        assert_eq!(width("ＡＢ"), 4);
        assert_eq!(width("한"), 2);
    }
}
