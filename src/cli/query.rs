//! `zonekg query`: SPARQL over the store, canned or ad hoc.

use clap::ValueEnum;
use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;
use zonekg::query::{self, OutputFormat};
use zonekg::store::KgStore;

/// Run a SPARQL query over the knowledge graph.
///
/// QUERY is SPARQL text, @FILE (a file of SPARQL), or the name of a canned query:
/// leaders, officials, posts-of, zone, meetings, goals, achievements, tasks, evidence,
/// duplicates (`zonekg query --list` describes each and its parameters). The default
/// graph is the union of all graphs. A syntax error is printed with its line and column
/// and the exit status is 2. With --endpoint, the query runs on a remote SPARQL endpoint
/// (a store `zonekg push` filled) and prints the same way.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// SPARQL text, @FILE, or a canned query's name.
    #[arg(value_name = "QUERY", required_unless_present = "list")]
    query: Option<String>,

    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Bind the placeholder ?_NAME to VALUE (a string, or an IRI when it looks like one).
    #[arg(long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,

    /// Cancel the query after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,

    /// List the canned queries with what they answer and their parameters.
    #[arg(long)]
    list: bool,

    /// Print oxigraph's plan for the query (as JSON, with the rows and time of each
    /// step) instead of its results: what to read when a query is slow.
    #[arg(long, conflicts_with_all = ["list", "endpoint"])]
    explain: bool,

    #[command(flatten)]
    store: super::ingest::StoreArgs,

    #[command(flatten)]
    remote: Endpoint,
}

/// A remote SPARQL endpoint to ask instead of the local store.
#[derive(Debug, Clone, clap::Args)]
pub struct Endpoint {
    /// Run the query on this SPARQL endpoint (SPARQL 1.1 Protocol) instead of the local
    /// store: a store that `zonekg push` filled answers the canned queries the same way.
    #[arg(long, value_name = "URL")]
    pub endpoint: Option<String>,

    #[command(flatten)]
    pub remote: super::push::RemoteArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Tsv,
    Xml,
}

impl From<Format> for OutputFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Table => OutputFormat::Table,
            Format::Json => OutputFormat::Json,
            Format::Csv => OutputFormat::Csv,
            Format::Tsv => OutputFormat::Tsv,
            Format::Xml => OutputFormat::Xml,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.list {
        let mut out = std::io::stdout().lock();
        for q in query::CANNED {
            writeln!(out, "{}\n", q.description())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let text = query::resolve(args.query.as_deref().unwrap_or_default())?;
    let params = args
        .params
        .iter()
        .map(|p| query::parse_param(p))
        .collect::<Result<Vec<_>, _>>()?;
    if args.explain {
        let kg = KgStore::open_read_only(&args.store.dir)?;
        let plan = query::explain(kg.store(), &query::bind_params(&text, &params)?)?;
        writeln!(std::io::stdout().lock(), "{plan}")?;
        return Ok(ExitCode::SUCCESS);
    }
    execute(
        &args.store,
        &args.remote,
        &text,
        &params,
        args.format,
        args.timeout,
    )
}

/// Binds, runs and prints a query; shared with `zonekg leaders`.
pub fn execute(
    store: &super::ingest::StoreArgs,
    endpoint: &Endpoint,
    text: &str,
    params: &[(String, String)],
    format: Format,
    timeout: f64,
) -> anyhow::Result<ExitCode> {
    let text = query::bind_params(text, params)?;
    let timeout = Duration::try_from_secs_f64(timeout)
        .map_err(|_| anyhow::anyhow!("--timeout must be a positive number of seconds"))?;
    let answer = match &endpoint.endpoint {
        Some(url) => {
            let url =
                reqwest::Url::parse(url).map_err(|e| anyhow::anyhow!("--endpoint {url}: {e}"))?;
            let remote = endpoint.remote.remote(timeout)?;
            zonekg::remote::sparql::run(&remote, &url, &text)?
        }
        None => {
            let kg = KgStore::open_read_only(&store.dir)?;
            query::run(kg.store(), &text, timeout)?
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    query::write_answer(&answer, format.into(), &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
