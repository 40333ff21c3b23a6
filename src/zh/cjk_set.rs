//! A set of chars of Chinese text as a bitmap: one bit test per char.

/// A set of chars of Chinese text (U+3000..U+9FFF, CJK punctuation to the unified
/// ideographs) as a bitmap: one bit test per char.
pub(crate) struct CjkSet([u64; CjkSet::WORDS]);

impl CjkSet {
    const FIRST: u32 = 0x3000;
    const LEN: u32 = 0xa000 - CjkSet::FIRST;
    const WORDS: usize = (CjkSet::LEN / 64) as usize;

    /// The empty set.
    pub(crate) const fn empty() -> Self {
        CjkSet([0; CjkSet::WORDS])
    }

    /// The chars of `s`, at compile time; every one must be a three-byte char in
    /// U+3000..U+9FFF.
    pub(crate) const fn of(s: &str) -> Self {
        let mut set = CjkSet::empty();
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            assert!(
                b[i] >= 0xE3 && b[i] <= 0xE9,
                "a char outside U+3000..U+9FFF"
            );
            let c = ((b[i] as u32 & 0x0f) << 12)
                | ((b[i + 1] as u32 & 0x3f) << 6)
                | (b[i + 2] as u32 & 0x3f);
            let k = c - CjkSet::FIRST;
            set.0[(k / 64) as usize] |= 1 << (k % 64);
            i += 3;
        }
        set
    }

    /// Adds `c`; false (and nothing added) if it is outside U+3000..U+9FFF.
    pub(crate) fn insert(&mut self, c: char) -> bool {
        let k = (c as u32).wrapping_sub(CjkSet::FIRST);
        if k >= CjkSet::LEN {
            return false;
        }
        self.0[(k / 64) as usize] |= 1 << (k % 64);
        true
    }

    /// False for every char outside U+3000..U+9FFF.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        self.contains_code(c as u32)
    }

    /// [`CjkSet::contains`] for a code point.
    #[inline]
    pub(crate) fn contains_code(&self, c: u32) -> bool {
        let k = c.wrapping_sub(CjkSet::FIRST);
        k < CjkSet::LEN && self.0[(k / 64) as usize] >> (k % 64) & 1 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_put_in() {
        const SET: CjkSet = CjkSet::of("一〇");
        assert!(SET.contains('一') && SET.contains('〇') && !SET.contains('二'));
        let mut set = CjkSet::empty();
        assert!(set.insert('亿') && !set.insert('%'));
        assert!(set.contains('亿') && !set.contains('%'));
    }
}
