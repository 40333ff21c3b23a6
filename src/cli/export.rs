//! `zonekg export`: the store, or one report's graph, as RDF.

use anyhow::Context as _;
use clap::ValueEnum;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use zonekg::analyze::graphfile::{self, GraphFormat};
use zonekg::export::{self, RdfExportFormat};
use zonekg::store::KgStore;

/// Write the knowledge graph (or one report's graph) as RDF, streamed.
///
/// TriG, N-Quads and JSON-LD keep each report's named graph; Turtle, N-Triples and
/// RDF/XML get the union of all graphs, each triple once.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = Format::Turtle)]
    format: Format,

    /// Write to FILE instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,

    /// Only this report's graph: its path, file name, or IRI.
    #[arg(long, value_name = "REPORT")]
    report: Option<String>,

    #[command(flatten)]
    store: super::ingest::StoreArgs,

    // --- analysis graphs (graphml, gexf, dot, csv); see src/analyze/graphfile.rs ---
    /// Which analysis graph the graphml, gexf, dot and csv formats write (csv writes
    /// nodes.csv and edges.csv into the directory --out, default the current one).
    #[arg(long, value_enum, default_value_t = super::analyze::Graph::Leadership)]
    graph: super::analyze::Graph,
}

/// Export formats. RDF syntaxes now; network-graph formats can join as more variants
/// with their own branch in `run`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Turtle,
    Trig,
    Ntriples,
    Nquads,
    Rdfxml,
    Jsonld,
    // --- analysis graphs, not RDF: see `graph_format` ---
    Graphml,
    Gexf,
    Dot,
    Csv,
}

impl Format {
    fn rdf(self) -> RdfExportFormat {
        match self {
            Format::Turtle => RdfExportFormat::Turtle,
            Format::Trig => RdfExportFormat::TriG,
            Format::Ntriples => RdfExportFormat::NTriples,
            Format::Nquads => RdfExportFormat::NQuads,
            Format::Rdfxml => RdfExportFormat::RdfXml,
            Format::Jsonld => RdfExportFormat::JsonLd,
            Format::Graphml | Format::Gexf | Format::Dot | Format::Csv => {
                unreachable!("graph formats are written by graph_format")
            }
        }
    }

    /// The network-graph file format, for the analysis graph formats.
    fn graph_format(self) -> Option<GraphFormat> {
        match self {
            Format::Graphml => Some(GraphFormat::GraphMl),
            Format::Gexf => Some(GraphFormat::Gexf),
            Format::Dot => Some(GraphFormat::Dot),
            Format::Csv => Some(GraphFormat::Csv),
            _ => None,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let kg = KgStore::open_read_only(&args.store.dir)?;
    // --- analysis graphs ---
    if let Some(format) = args.format.graph_format() {
        anyhow::ensure!(
            args.report.is_none(),
            "--report applies to the RDF formats only"
        );
        let kind = args.graph.kind();
        graphfile::export_from_store(kg.store(), kind, format, args.out.as_deref())
            .context("cannot write the graph")?;
        return Ok(ExitCode::SUCCESS);
    }
    let report = args
        .report
        .as_deref()
        .map(|r| export::find_report(&kg, r))
        .transpose()?;
    let out: Box<dyn std::io::Write> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    export::export(&kg, args.format.rdf(), report.as_ref(), &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
