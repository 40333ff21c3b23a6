//! Content negotiation: which format an answer is written in, from the request's
//! `Accept` header or a `format` parameter (which wins, for links and browsers).
//!
//! ```
//! use zonekg::serve::negotiate::{choose, Format, SOLUTION_FORMATS};
//! let f = choose(Some("text/csv;q=0.5, application/sparql-results+xml"), None, SOLUTION_FORMATS);
//! assert_eq!(f, Some(Format::Xml));
//! assert_eq!(choose(None, None, SOLUTION_FORMATS), Some(Format::Json));
//! ```

/// A format the server writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// SPARQL results
    Json,
    Xml,
    Csv,
    Tsv,
    /// RDF (CONSTRUCT, DESCRIBE)
    Turtle,
    NTriples,
    JsonLd,
    RdfXml,
    /// A page of the explorer with a table.
    Html,
}

impl Format {
    /// The media type the answer is sent as.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/sparql-results+json",
            Format::Xml => "application/sparql-results+xml",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Tsv => "text/tab-separated-values; charset=utf-8",
            Format::Turtle => "text/turtle; charset=utf-8",
            Format::NTriples => "application/n-triples",
            Format::JsonLd => "application/ld+json",
            Format::RdfXml => "application/rdf+xml",
            Format::Html => "text/html; charset=utf-8",
        }
    }

    /// The format a `format` parameter names: a short name or a media type.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "json" | "srj" => Format::Json,
            "xml" | "srx" => Format::Xml,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "turtle" | "ttl" => Format::Turtle,
            "ntriples" | "n-triples" | "nt" => Format::NTriples,
            "jsonld" | "json-ld" => Format::JsonLd,
            "rdfxml" | "rdf-xml" | "rdf" => Format::RdfXml,
            "html" => Format::Html,
            other => return media_format(other),
        })
    }
}

/// What a SELECT or ASK answer can be written as, the default first.
pub const SOLUTION_FORMATS: &[Format] = &[
    Format::Json,
    Format::Xml,
    Format::Csv,
    Format::Tsv,
    Format::Html,
];

/// What a CONSTRUCT or DESCRIBE answer can be written as, the default first.
pub const GRAPH_FORMATS: &[Format] = &[
    Format::Turtle,
    Format::NTriples,
    Format::JsonLd,
    Format::RdfXml,
    Format::Html,
];

/// The format a media type (without parameters) stands for; aliases included.
fn media_format(media: &str) -> Option<Format> {
    Some(match media {
        "application/sparql-results+json" | "application/json" => Format::Json,
        "application/sparql-results+xml" | "application/xml" | "text/xml" => Format::Xml,
        "text/csv" => Format::Csv,
        "text/tab-separated-values" => Format::Tsv,
        "text/turtle" | "application/x-turtle" => Format::Turtle,
        "application/n-triples" | "text/plain" => Format::NTriples,
        "application/ld+json" => Format::JsonLd,
        "application/rdf+xml" => Format::RdfXml,
        "text/html" | "application/xhtml+xml" => Format::Html,
        _ => return None,
    })
}

/// Whether `format` can answer a request for `media` (`*/*`, `text/*` or a type).
fn matches(media: &str, format: Format, offered: &[Format]) -> bool {
    match media {
        "*/*" => true,
        // JSON results stand for `application/json`, JSON-LD for a graph
        "application/json" => {
            format == Format::Json || (format == Format::JsonLd && !offered.contains(&Format::Json))
        }
        "application/xml" | "text/xml" => {
            format == Format::Xml || (format == Format::RdfXml && !offered.contains(&Format::Xml))
        }
        m if m.ends_with("/*") => format.media_type().starts_with(&m[..m.len() - 1]),
        m => media_format(m) == Some(format),
    }
}

/// The format to answer in: the `format` parameter if given (and one of `offered`),
/// else the offered format the `Accept` header rates highest (ties go to the earlier
/// offered format; more specific ranges override wildcards), else `None` (406).
pub fn choose(accept: Option<&str>, param: Option<&str>, offered: &[Format]) -> Option<Format> {
    if let Some(name) = param.filter(|p| !p.trim().is_empty()) {
        return Format::from_name(name).filter(|f| offered.contains(f));
    }
    let Some(accept) = accept.filter(|a| !a.trim().is_empty()) else {
        return offered.first().copied();
    };
    let ranges: Vec<(String, f32)> = accept
        .split(',')
        .filter_map(|range| {
            let mut parts = range.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            if media.is_empty() {
                return None;
            }
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((media, q))
        })
        .collect();
    let specificity = |m: &str| match m {
        "*/*" => 0,
        m if m.ends_with("/*") => 1,
        _ => 2,
    };
    let mut best: Option<(Format, f32)> = None;
    for &format in offered {
        // the most specific range that matches this format sets its quality
        let q = ranges
            .iter()
            .filter(|(m, _)| matches(m, format, offered))
            .max_by_key(|(m, _)| specificity(m))
            .map(|(_, q)| *q);
        if let Some(q) = q.filter(|q| *q > 0.0) {
            if best.is_none_or(|(_, b)| q > b) {
                best = Some((format, q));
            }
        }
    }
    best.map(|(f, _)| f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_browser_gets_html_and_curl_gets_the_default() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(
            choose(Some(browser), None, SOLUTION_FORMATS),
            Some(Format::Html)
        );
        assert_eq!(
            choose(Some("*/*"), None, GRAPH_FORMATS),
            Some(Format::Turtle)
        );
    }

    #[test]
    fn json_means_json_ld_for_a_graph() {
        assert_eq!(
            choose(Some("application/json"), None, GRAPH_FORMATS),
            Some(Format::JsonLd)
        );
        assert_eq!(
            choose(Some("application/json"), None, SOLUTION_FORMATS),
            Some(Format::Json)
        );
    }

    #[test]
    fn the_parameter_wins_and_nothing_acceptable_is_none() {
        assert_eq!(
            choose(Some("text/html"), Some("tsv"), SOLUTION_FORMATS),
            Some(Format::Tsv)
        );
        assert_eq!(choose(Some("image/png"), None, SOLUTION_FORMATS), None);
        assert_eq!(choose(Some("text/turtle"), None, SOLUTION_FORMATS), None);
        assert_eq!(
            choose(Some("text/csv;q=0, */*;q=0.1"), None, &[Format::Csv]),
            None
        );
    }
}
