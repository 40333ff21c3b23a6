//! Queries against a remote SPARQL endpoint (SPARQL 1.1 Protocol), answered in the
//! same [`Answer`] as local queries so they print the same way.
//!
//! The query is checked locally first (a syntax error is reported with its line and
//! column, as for the local store), the vocabulary prefixes it does not declare are
//! declared, and it is POSTed as a form. SELECT and ASK results are read as SPARQL JSON
//! (or XML), CONSTRUCT and DESCRIBE results as N-Triples or Turtle. The canned queries
//! name the graphs they read (`GRAPH ?g`), so they work whatever the endpoint takes as
//! its default graph.

use super::{Remote, RemoteError};
use crate::query::{Answer, QueryError};
use crate::rdf::vocab::PREFIXES;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput,
};
use oxigraph::sparql::SparqlEvaluator;
use reqwest::Url;

/// What the query asks the endpoint to answer in.
const ACCEPT: &str = "application/sparql-results+json, application/sparql-results+xml;q=0.9, \
                      application/n-triples;q=0.8, text/turtle;q=0.7";

/// Why a remote query failed.
#[derive(Debug, thiserror::Error)]
pub enum RemoteQueryError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Remote(#[from] RemoteError),
}

/// `text` with a `PREFIX` declaration added for each vocabulary prefix it uses without
/// declaring (as the local store predeclares them).
pub fn with_prefixes(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::new();
    for (prefix, ns) in PREFIXES {
        let declared = lower.contains(&format!("prefix {prefix}:"));
        if !declared && text.contains(&format!("{prefix}:")) {
            out.push_str(&format!("PREFIX {prefix}: <{ns}>\n"));
        }
    }
    out.push_str(text);
    out
}

/// Runs `text` on the SPARQL endpoint at `endpoint`.
pub fn run(remote: &Remote, endpoint: &Url, text: &str) -> Result<Answer, RemoteQueryError> {
    let text = with_prefixes(text);
    // a syntax error is told with its line and column here, before any request
    let _parsed = SparqlEvaluator::new()
        .parse_query(&text)
        .map_err(QueryError::from)?;
    let response = remote.send(|client| {
        client
            .post(endpoint.clone())
            .header(reqwest::header::ACCEPT, ACCEPT)
            .form(&[("query", text.as_str())])
    })?;
    let media = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/sparql-results+json")
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let body = response
        .bytes()
        .map_err(|e| RemoteError::Http(e.to_string()))?;
    parse_answer(&media, &body).map_err(RemoteQueryError::from)
}

/// The namespace of every graph zonekg writes (reports, links, ontology).
pub const ZONEKG_GRAPHS: &str = "https://w3id.org/zonekg/";

/// How many quads the endpoint holds in zonekg's graphs (a shared store may hold
/// others).
pub fn count_zonekg_quads(remote: &Remote, endpoint: &Url) -> Result<u64, RemoteQueryError> {
    let query = format!(
        "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{ZONEKG_GRAPHS}\")) }}"
    );
    let Answer::Solutions { rows, .. } = run(remote, endpoint, &query)? else {
        return Err(RemoteError::Parse("a COUNT query answered without rows".into()).into());
    };
    let n = rows.first().and_then(|r| r.get("n")).and_then(|t| match t {
        oxigraph::model::Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    });
    n.ok_or_else(|| RemoteError::Parse("a COUNT query answered no number".into()).into())
}

/// Reads an answer of media type `media`.
fn parse_answer(media: &str, body: &[u8]) -> Result<Answer, RemoteError> {
    let parse_error = |e: &dyn std::fmt::Display| RemoteError::Parse(e.to_string());
    let results_format = match media {
        "application/sparql-results+json" | "application/json" => Some(QueryResultsFormat::Json),
        "application/sparql-results+xml" | "application/xml" => Some(QueryResultsFormat::Xml),
        _ => None,
    };
    if let Some(format) = results_format {
        return match QueryResultsParser::from_format(format)
            .for_reader(body)
            .map_err(|e| parse_error(&e))?
        {
            ReaderQueryResultsParserOutput::Boolean(b) => Ok(Answer::Boolean(b)),
            ReaderQueryResultsParserOutput::Solutions(solutions) => {
                let variables = solutions
                    .variables()
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect();
                let rows = solutions
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| parse_error(&e))?;
                Ok(Answer::Solutions { variables, rows })
            }
        };
    }
    let format = RdfFormat::from_media_type(media)
        .ok_or_else(|| RemoteError::Parse(format!("unexpected answer type {media}")))?;
    let triples = RdfParser::from_format(format)
        .for_reader(body)
        .map(|q| q.map(oxigraph::model::Triple::from))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| parse_error(&e))?;
    Ok(Answer::Graph(triples))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undeclared_vocabulary_prefixes_are_declared() {
        let q = with_prefixes("PREFIX zk: <x#>\nSELECT * WHERE { ?s foaf:name ?n ; zk:a ?b }");
        assert!(q.starts_with("PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nPREFIX zk: <x#>"));
        assert_eq!(q.matches("PREFIX").count(), 2);
    }

    #[test]
    fn json_results_become_rows() {
        let body = r#"{"head":{"vars":["official","reports"]},"results":{"bindings":[
            {"official":{"type":"literal","value":"林晓舟"},
             "reports":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"2"}}]}}"#;
        let Answer::Solutions { variables, rows } =
            parse_answer("application/sparql-results+json", body.as_bytes()).unwrap()
        else {
            panic!("solutions expected")
        };
        assert_eq!(variables, ["official", "reports"]);
        assert_eq!(
            crate::query::display_term(rows[0].get("official").unwrap()),
            "林晓舟"
        );
    }
}
