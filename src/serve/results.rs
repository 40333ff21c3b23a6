//! Answers written in the SPARQL results formats (JSON, XML, CSV, TSV) and, for graphs,
//! in Turtle, N-Triples, JSON-LD and RDF/XML, with oxigraph's serializers. Turtle and
//! RDF/XML use the vocabulary prefixes.

use super::negotiate::Format;
use crate::query::Answer;
use crate::rdf::vocab::PREFIXES;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::Variable;

/// `answer` in `format` (not [`Format::Html`], which the editor page renders).
pub fn write(answer: &Answer, format: Format) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    match answer {
        Answer::Solutions { variables, rows } => {
            let vars = variables
                .iter()
                .map(|v| Variable::new_unchecked(v.as_str()))
                .collect();
            let mut s = QueryResultsSerializer::from_format(results_format(format))
                .serialize_solutions_to_writer(&mut out, vars)?;
            for row in rows {
                s.serialize(row)?;
            }
            s.finish()?;
        }
        Answer::Boolean(b) => {
            QueryResultsSerializer::from_format(results_format(format))
                .serialize_boolean_to_writer(&mut out, *b)?;
        }
        Answer::Graph(triples) => {
            let mut serializer = RdfSerializer::from_format(rdf_format(format));
            if matches!(format, Format::Turtle | Format::RdfXml) {
                for (prefix, ns) in PREFIXES {
                    serializer = serializer
                        .with_prefix(*prefix, *ns)
                        .expect("vocabulary namespaces are valid IRIs");
                }
            }
            let mut s = serializer.for_writer(&mut out);
            for t in triples {
                s.serialize_triple(t)?;
            }
            s.finish()?;
        }
    }
    Ok(out)
}

fn results_format(format: Format) -> QueryResultsFormat {
    match format {
        Format::Xml => QueryResultsFormat::Xml,
        Format::Csv => QueryResultsFormat::Csv,
        Format::Tsv => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}

fn rdf_format(format: Format) -> RdfFormat {
    match format {
        Format::NTriples => RdfFormat::NTriples,
        Format::JsonLd => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        Format::RdfXml => RdfFormat::RdfXml,
        _ => RdfFormat::Turtle,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode, Triple};

    #[test]
    fn a_graph_round_trips_through_json_ld() {
        let t = Triple::new(
            NamedNode::new_unchecked("https://w3id.org/zonekg/id/zone/1"),
            NamedNode::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal::new_simple_literal("青禾高新区"),
        );
        let bytes = write(&Answer::Graph(vec![t.clone()]), Format::JsonLd).unwrap();
        let parsed: Vec<_> = oxigraph::io::RdfParser::from_format(rdf_format(Format::JsonLd))
            .for_slice(&bytes)
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].object, t.object);
    }
}
