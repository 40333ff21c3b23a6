//! From raw bytes to clean simplified-Chinese text, one small stage at a time.
//!
//! [`decode`](encoding::decode) turns bytes into text (UTF-8, UTF-16, GBK, Big5 …); then the
//! stages in [`pipeline`] run in order, each behind the [`Normalizer`] trait. Every stage
//! keeps the [`MappedText`] map, so offsets in the final text lead back to raw bytes.
//! A new stage is one new file plus one line in [`pipeline`].

pub mod boilerplate;
pub mod encoding;
pub mod hanzi;
pub mod html;
pub mod lines;
pub mod mapped;
pub mod meta;
pub mod mojibake;
pub mod pinyin;
mod scan;
pub mod trail;
pub mod width;

pub use mapped::{MappedText, MappedTextBuilder};

use crate::error::ReadError;

/// A report on its way through normalization.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The text as the stages have left it so far.
    pub text: MappedText,
    /// Whether the input was an HTML page (set by decoding; read by the HTML stage).
    pub is_html: bool,
    /// Title, from the page's metadata or the text's first heading line.
    pub title: Option<String>,
    /// Publication date (ISO) from the page's metadata or a `发布时间` line.
    pub published: Option<String>,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// Items of the page's breadcrumb trail (`首页 > 专题 > 某某高新区`), kept because they
    /// often name the zone a report is about while the trail itself is dropped.
    pub trail: Vec<String>,
    /// What the stages left out to keep the document within its bounds.
    pub cuts: Vec<crate::limits::Cut>,
}

/// One normalization stage.
pub trait Normalizer: Send + Sync {
    /// A short name for diagnostics and tests.
    fn name(&self) -> &'static str;
    /// Rewrites the document in place, keeping its offset map right.
    fn normalize(&self, doc: &mut Document);
}

/// The stages, in the order they run. Mojibake repair needs the raw pinyin notes, so it
/// runs first after HTML; width folding runs before pinyin removal so that full-width
/// brackets are already ASCII; trail and meta read the page head (breadcrumb, title,
/// date) on clean simplified text before boilerplate drops those lines.
pub fn pipeline() -> &'static [&'static dyn Normalizer] {
    &[
        &html::Html,
        &mojibake::Mojibake,
        &width::Width,
        &pinyin::Pinyin,
        &hanzi::Hanzi,
        &lines::Lines,
        &trail::Trail,
        &meta::Meta,
        &boilerplate::Boilerplate,
    ]
}

/// Decodes `bytes` and runs every stage: what extraction reads.
pub fn normalize(bytes: &[u8], name_hint: &str) -> Result<Document, ReadError> {
    normalize_with_charset(bytes, name_hint, None)
}

/// [`normalize`], with the charset an HTTP header declared for the bytes (see
/// [`encoding::decode_with_charset`]).
pub fn normalize_with_charset(
    bytes: &[u8],
    name_hint: &str,
    transport_charset: Option<&str>,
) -> Result<Document, ReadError> {
    let mut doc = encoding::decode_with_charset(bytes, name_hint, transport_charset)?;
    for stage in pipeline() {
        stage.normalize(&mut doc);
    }
    Ok(doc)
}
