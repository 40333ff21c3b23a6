//! `zonekg push`: the store's graphs into a remote triple store; and the options that
//! reach a remote store, shared with `query` and `leaders`.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;
use zonekg::remote::push::{self, BodyType, PushEvent, PushOptions};
use zonekg::remote::{parse_auth, sparql, Remote, RemoteOptions};
use zonekg::store::KgStore;

/// How to reach a remote store.
#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Remote store")]
pub struct RemoteArgs {
    /// HTTP basic authentication for the remote store.
    #[arg(long, value_name = "USER:PASSWORD", env = "ZONEKG_REMOTE_AUTH")]
    pub auth: Option<String>,

    /// Retry a request this many times after a 429, a 5xx or a dropped connection,
    /// with exponential backoff.
    #[arg(long = "remote-retries", value_name = "N", default_value_t = 3)]
    pub retries: u32,
}

impl RemoteArgs {
    /// The HTTP client, each request allowed `timeout`.
    pub fn remote(&self, timeout: Duration) -> anyhow::Result<Remote> {
        let auth = self.auth.as_deref().map(parse_auth).transpose()?;
        Ok(Remote::new(RemoteOptions {
            auth,
            timeout,
            retries: self.retries,
            ..RemoteOptions::default()
        })?)
    }
}

/// Write the knowledge graph into a remote triple store (SPARQL 1.1 Graph Store
/// HTTP Protocol).
///
/// Each named graph of the store — every report's graph, the links graph, the
/// ontology — is sent with one PUT to GRAPH_STORE?graph=IRI, which replaces that graph
/// in the remote store. The store directory remembers what was pushed to each graph
/// store, so a second push sends only the graphs that changed since (all of them with
/// --all) and deletes the remote copies of reports dropped since. A graph that fails is
/// retried, then named on stderr; the others still go, and the exit status is 1.
///
/// Tested with Oxigraph (`oxigraph serve`: GRAPH_STORE is http://HOST:PORT/store,
/// ENDPOINT http://HOST:PORT/query).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The remote store's Graph Store Protocol URL.
    #[arg(long, value_name = "URL")]
    graph_store: String,

    /// The remote store's SPARQL query endpoint: given, the quads of zonekg's graphs
    /// there are counted after the push and compared with the local store.
    #[arg(long, value_name = "URL")]
    endpoint: Option<String>,

    /// Push every graph, changed since the last push or not.
    #[arg(long)]
    all: bool,

    /// Send N graphs at a time.
    #[arg(long, value_name = "N", default_value_t = 4)]
    jobs: usize,

    /// Label bodies text/turtle rather than application/n-triples (they are N-Triples,
    /// which is Turtle too), for stores that do not take N-Triples.
    #[arg(long)]
    turtle: bool,

    /// Give up on one request after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 120.0)]
    timeout: f64,

    #[command(flatten)]
    remote: RemoteArgs,

    #[command(flatten)]
    store: super::ingest::StoreArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let graph_store = reqwest::Url::parse(&args.graph_store)
        .map_err(|e| anyhow::anyhow!("--graph-store {}: {e}", args.graph_store))?;
    let endpoint = args
        .endpoint
        .as_deref()
        .map(|e| reqwest::Url::parse(e).map_err(|err| anyhow::anyhow!("--endpoint {e}: {err}")))
        .transpose()?;
    let timeout = Duration::try_from_secs_f64(args.timeout)
        .map_err(|_| anyhow::anyhow!("--timeout must be a positive number of seconds"))?;
    let remote = args.remote.remote(timeout)?;
    let kg = KgStore::open_read_only(&args.store.dir)?;

    let plan = push::plan(&kg, &graph_store, args.all)?;
    println!(
        "{} graphs in the store: {} to push, {} unchanged since the last push, {} to delete",
        plan.graphs,
        plan.put.len(),
        plan.unchanged,
        plan.delete.len()
    );
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new((plan.put.len() + plan.delete.len()) as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} graphs {per_sec} eta {eta}")
                .expect("progress template is valid"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let options = PushOptions {
        all: args.all,
        jobs: args.jobs.max(1),
        body: if args.turtle {
            BodyType::Turtle
        } else {
            BodyType::NTriples
        },
    };
    let summary = push::push(&kg, &remote, &graph_store, &plan, &options, |event| {
        if let PushEvent::Failed { graph, reason } = &event {
            bar.suspend(|| super::report_failure(Path::new(graph), reason));
        }
        bar.inc(1);
    })?;
    bar.finish_and_clear();
    let seconds = summary.elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        summary.quads_pushed as f64 / seconds
    } else {
        0.0
    };
    println!(
        "pushed: {} graphs, {} quads in {seconds:.2} s ({rate:.0} quads/s); unchanged: {}; deleted: {}; failed: {}",
        summary.pushed, summary.quads_pushed, summary.unchanged, summary.deleted, summary.failed
    );
    if let Some(endpoint) = &endpoint {
        let remote_quads = sparql::count_zonekg_quads(&remote, endpoint)?;
        println!(
            "remote: {remote_quads} quads in zonekg's graphs at {endpoint}; local store: {}",
            kg.quad_count()?
        );
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
