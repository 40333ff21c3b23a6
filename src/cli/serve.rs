//! `zonekg serve`: the SPARQL endpoint and the explorer over HTTP.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;
use zonekg::serve::{self, Config};

/// Serve the knowledge graph: a SPARQL 1.1 endpoint and a web explorer.
///
/// `/sparql` speaks the SPARQL 1.1 Protocol (GET, POST form, application/sparql-query;
/// results as JSON, XML, CSV or TSV, graphs as Turtle, N-Triples or JSON-LD, by the
/// Accept header) and runs canned queries by name (`/sparql?canned=leaders&zone=…`).
/// The explorer, in Chinese: `/` searches zones and officials, `/zone/NAME` shows a
/// zone's leaders, meetings, goals and results and tasks, `/official/NAME` an official's
/// posts and meetings, `/graph` the leadership and meeting graphs, and `/sparql` in a
/// browser is a query editor. The store is opened read-only (another store can be
/// ingested meanwhile) unless --allow-update. Stops on Ctrl-C or SIGTERM.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: super::ingest::StoreArgs,

    /// Address and port to listen on (port 0: any free port; the address is printed).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    bind: SocketAddr,

    /// Cancel each query after this many seconds (answered with 503).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,

    /// Send at most N rows (or triples) of an answer; a cut answer carries the header
    /// `X-Results-Truncated: max-rows=N`. 0: no limit.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    max_rows: usize,

    /// Accept SPARQL updates (opens the store for writing: no other process can then
    /// write to it). Without it, updates are refused with 403.
    #[arg(long)]
    allow_update: bool,

    /// How many queries or pages may read the store at once; further requests wait
    /// (at most the timeout, then 503).
    #[arg(long, value_name = "N", default_value_t = 4)]
    workers: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let timeout = Duration::try_from_secs_f64(args.timeout)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| anyhow::anyhow!("--timeout must be a positive number of seconds"))?;
    if args.workers == 0 {
        anyhow::bail!("--workers must be at least 1");
    }
    let config = Config {
        store: args.store.dir,
        bind: args.bind,
        timeout,
        max_rows: (args.max_rows > 0).then_some(args.max_rows),
        allow_update: args.allow_update,
        workers: args.workers,
    };
    let store = config.store.display().to_string();
    serve::serve(config, |addr| {
        // The first line on stdout, for scripts and tests that asked for port 0.
        println!("zonekg serve: listening on http://{addr}/ (store {store})");
    })?;
    Ok(ExitCode::SUCCESS)
}
