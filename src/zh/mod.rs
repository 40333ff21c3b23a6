//! Facts of Chinese text that both `normalize` and `extract` rely on: which chars are Han
//! ideographs ([`han`]), how wide chars print ([`width`]), what numerals are worth
//! ([`numerals`]), the magnitude words (`万`, `亿`, [`magnitudes`]) and calendar dates as
//! reports write them ([`dates`]). Facts of the language, not of any report: each is
//! written once here and the stages call it.

mod cjk_set;
pub mod dates;
pub mod han;
pub mod magnitudes;
pub mod numerals;
pub mod width;

pub(crate) use cjk_set::CjkSet;
