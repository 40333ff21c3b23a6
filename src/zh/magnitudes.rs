//! Magnitude words: the `万` of `1.2万`, the `亿` of `亿元`, and what each multiplies by.
//!
//! Extraction reads them from here: the quantity pattern's alternation, the scanner that
//! stands for it, and a unit's magnitude (`亿元` → 1e8). The evaluator keeps the scorer's
//! own table (`eval::fold`), which must follow `score.py` even where it differs.

/// The magnitude words with what each multiplies by, in the quantity pattern's order:
/// for each first char, the longer words before the shorter (`万亿` before `万`), so the
/// first that opens a text is the longest.
pub const MAGNITUDES: [(&str, f64); 8] = [
    ("万亿", 1e12),
    ("千亿", 1e11),
    ("百亿", 1e10),
    ("亿", 1e8),
    ("千万", 1e7),
    ("百万", 1e6),
    ("万", 1e4),
    ("千", 1e3),
];

/// The words of [`MAGNITUDES`], in its order.
pub const WORDS: [&str; 8] = {
    let mut words = [""; 8];
    let mut i = 0;
    while i < words.len() {
        words[i] = MAGNITUDES[i].0;
        i += 1;
    }
    words
};

/// The factor of a magnitude word (`亿` → 1e8), if it is one.
pub fn factor(word: &str) -> Option<f64> {
    MAGNITUDES.iter().find(|(m, _)| *m == word).map(|&(_, f)| f)
}

/// Splits the magnitude that opens `unit` off it, if something follows: `亿元` →
/// (1e8, `元`); `家` and a bare `万` → (1, unit).
pub fn split_unit(unit: &str) -> (f64, &str) {
    for (m, f) in MAGNITUDES {
        if let Some(rest) = unit.strip_prefix(m) {
            if !rest.is_empty() {
                return (f, rest);
            }
        }
    }
    (1.0, unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_word_of_each_first_char_comes_first() {
        for (i, a) in WORDS.iter().enumerate() {
            for b in &WORDS[i + 1..] {
                assert!(!b.starts_with(a) || b == a, "{b} after {a}");
            }
        }
        assert_eq!(split_unit("千万元"), (1e7, "元"));
        assert_eq!(split_unit("百亿元"), (1e10, "元"));
        assert_eq!(split_unit("万"), (1.0, "万"));
        assert_eq!(factor("千亿"), Some(1e11));
        assert_eq!(factor("元"), None);
    }
}
