//! Chinese numerals: what each digit is worth, which chars make up a numeral, and the two
//! readings reports need — amounts (`一百零三`, `两千`, `三亿五千万`, `一点二`,
//! `二〇二四`) and ordinals (`一` … `九十九`, as in `三是`, `第十二`, `（二）`).
//!
//! Amounts admit `两`, `零`/`〇` and the financial forms (`壹`, `拾`); ordinals are written
//! with the plain digits and `十` only.

use super::CjkSet;

/// The digits of amounts, `零` to `九` with `〇`, `两` and the financial forms.
pub const DIGITS: &str = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖";
/// Every char of an amount: [`DIGITS`] and the powers of ten.
pub const NUMERALS: &str = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟";

/// The [`NUMERALS`] chars as a bitmap built at compile time.
static NUMERAL_SET: CjkSet = CjkSet::of(NUMERALS);

/// The value of an amount's digit (`两` → 2, `〇` → 0, `叁` → 3).
pub fn digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral ([`NUMERALS`]).
#[inline]
pub fn is_numeral(c: char) -> bool {
    // this runs on every char of every sentence: one bit test
    NUMERAL_SET.contains(c)
}

/// [`is_numeral`] for a code point.
#[inline]
pub fn is_numeral_code(c: u32) -> bool {
    NUMERAL_SET.contains_code(c)
}

/// Reads an amount (`一百零三`, `两千`, `三亿五千万`, `十`, `一点二`, `二〇二四`).
/// Returns `None` for runs that are not one number (`十四五`, `三三两两`).
pub fn read(s: &str) -> Option<f64> {
    let value = |c| digit(c).map(f64::from);
    if s.is_empty() {
        return None;
    }
    // `一点二` (1.2): a whole number, then digits one by one
    if let Some((whole, fraction)) = s.split_once('点') {
        let mut scale = 1.0;
        let mut part = 0.0;
        for c in fraction.chars() {
            scale /= 10.0;
            part += value(c)? * scale;
        }
        return (!fraction.is_empty()).then_some(read(whole)? + part);
    }
    // digit-by-digit form (二〇二四): only digits, with a 〇/零 to tell it from words
    if s.chars().count() > 1 && s.chars().all(|c| DIGITS.contains(c)) && s.contains(['〇', '零'])
    {
        return s
            .chars()
            .try_fold(0.0, |acc, c| Some(acc * 10.0 + value(c)?));
    }
    let (mut total, mut section, mut digit) = (0.0f64, 0.0f64, None::<f64>);
    for c in s.chars() {
        if let Some(d) = value(c) {
            if digit.is_some() && d != 0.0 {
                return None; // two digits in a row: not one number
            }
            digit = if d == 0.0 { None } else { Some(d) };
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10.0,
            '百' | '佰' => 100.0,
            '千' | '仟' => 1000.0,
            '万' => {
                total += (section + digit.take().unwrap_or(0.0)) * 1e4;
                section = 0.0;
                continue;
            }
            '亿' => {
                total = (total + section + digit.take().unwrap_or(0.0)) * 1e8;
                section = 0.0;
                continue;
            }
            _ => return None,
        };
        section += digit.take().unwrap_or(1.0) * unit;
    }
    let v = total + section + digit.unwrap_or(0.0);
    (v > 0.0 || s.chars().all(|c| c == '零' || c == '〇')).then_some(v)
}

/// Whether `c` is a char of an ordinal: `一` to `九`, or `十`.
pub fn is_ordinal_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The value of an ordinal's digit, `一` to `九`.
pub fn ordinal_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Reads an ordinal of up to three characters (`一` … `九十九`).
pub fn read_ordinal(s: &str) -> Option<u32> {
    let mut chars = s.chars();
    let first = [chars.next(), chars.next(), chars.next(), chars.next()];
    match first {
        [Some('十'), None, ..] => Some(10),
        [Some(a), None, ..] => ordinal_digit(a),
        [Some('十'), Some(b), None, _] => Some(10 + ordinal_digit(b)?),
        [Some(a), Some('十'), None, _] => Some(ordinal_digit(a)? * 10),
        [Some(a), Some('十'), Some(b), None] => Some(ordinal_digit(a)? * 10 + ordinal_digit(b)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts() {
        assert_eq!(read("一百零三"), Some(103.0));
        assert_eq!(read("两千"), Some(2000.0));
        assert_eq!(read("三亿五千万"), Some(350_000_000.0));
        assert_eq!(read("一点二"), Some(1.2));
        assert_eq!(read("二〇二四"), Some(2024.0));
        assert_eq!(read("十四五"), None);
        assert_eq!(read(""), None);
    }

    #[test]
    fn numeral_set_is_the_numerals() {
        let chars: String = ('\u{3000}'..='\u{9fff}')
            .filter(|&c| is_numeral(c))
            .collect();
        assert_eq!(chars.chars().count(), NUMERALS.chars().count());
        assert!(chars.chars().all(|c| NUMERALS.contains(c)));
        assert!(DIGITS.chars().all(|c| digit(c).is_some()));
    }

    #[test]
    fn reads_ordinals() {
        assert_eq!(read_ordinal("三"), Some(3));
        assert_eq!(read_ordinal("十"), Some(10));
        assert_eq!(read_ordinal("十二"), Some(12));
        assert_eq!(read_ordinal("二十一"), Some(21));
        assert_eq!(read_ordinal("两"), None);
        assert_eq!(read_ordinal("百"), None);
        assert!("一二三四五六七八九十".chars().all(is_ordinal_numeral));
    }
}
