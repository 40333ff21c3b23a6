//! `zonekg ingest`: reports in, knowledge graph out.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zonekg::ingest::{self, Event, IngestOptions};
use zonekg::query::{self, OutputFormat};
use zonekg::source;
use zonekg::store::{KgStore, DEFAULT_STORE_DIR};

/// Where the store lives; shared by every command that reads or writes it.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArgs {
    /// The store directory (an oxigraph RocksDB store; created by `ingest`).
    #[arg(long = "store", value_name = "DIR", env = "ZONEKG_STORE", default_value = DEFAULT_STORE_DIR)]
    pub dir: PathBuf,
}

/// Extract the facts of each report and add them to the knowledge graph.
///
/// Each INPUT is a report file, a directory (walked for .txt, .html and .htm files) or
/// an http:// or https:// URL (located in the graph at its final URL; asked again
/// conditionally, so an unchanged page is not downloaded twice).
/// Reports are extracted in parallel and written one batch of whole reports at a time:
/// an interrupted run leaves only whole reports in the store. A report already stored
/// with the same content is skipped; a changed one replaces its old facts. A report that
/// cannot be read is named on stderr and skipped, and the exit status is 1. At the end,
/// a summary and the table of who leads which zone (the first rows of it; `zonekg
/// leaders` lists them all).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Report files, directories or URLs.
    #[arg(required_unless_present = "urls", value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    #[command(flatten)]
    store: StoreArgs,

    /// Do not print the leaders table at the end.
    #[arg(long)]
    no_leaders: bool,

    #[command(flatten)]
    limits: super::extract::LimitArgs,

    /// Print at most N rows of the leaders table at the end (0: all of them). A large
    /// store has thousands; `zonekg leaders` lists and filters them.
    #[arg(long, value_name = "N", default_value_t = 20)]
    leaders_rows: usize,

    #[command(flatten)]
    fetch: super::fetch::FetchArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (urls, paths, bad) = source::split_urls(&args.fetch.inputs(&args.inputs)?);
    let (inputs, missing) = source::collect(&paths);
    let mut failed = !missing.is_empty() || !bad.is_empty();
    for (path, e) in &missing {
        super::report_failure(path, e);
    }
    for (arg, e) in &bad {
        super::report_failure(Path::new(arg), e);
    }
    let kg = KgStore::open(&args.store.dir)?;

    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new((inputs.len() + urls.len()) as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} reports {per_sec} eta {eta}")
                .expect("progress template is valid"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let options = IngestOptions {
        limits: args.limits.limits(),
        ..IngestOptions::default()
    };
    let on_event = |event: Event<'_>| {
        match &event {
            Event::Failed { location, reason } => {
                bar.suspend(|| super::report_failure(Path::new(location), reason))
            }
            Event::Stored { location, cuts, .. } if !cuts.is_empty() => {
                bar.suspend(|| super::extract::report_cuts(Path::new(location), cuts))
            }
            Event::Stored { .. } => {}
        }
        bar.inc(1);
    };
    let summary = if urls.is_empty() {
        ingest::ingest(&kg, &inputs, options, on_event)?
    } else {
        let fetcher = args.fetch.fetcher()?;
        ingest::web::ingest_with_urls(&kg, &inputs, &urls, &fetcher, options, on_event)?
    };
    bar.finish_and_clear();
    failed |= summary.failed > 0;

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "reports: {} in store ({} added, {} replaced, {} unchanged, {} failed)",
        kg.report_count()?,
        summary.added,
        summary.replaced,
        summary.unchanged,
        summary.failed
    )?;
    writeln!(
        out,
        "quads: {} in store ({} written); zones: {}; officials: {} ({} names in several zones)",
        kg.quad_count()?,
        summary.quads_written,
        summary.links.zones,
        summary.links.officials,
        summary.links.duplicate_groups
    )?;
    if !args.no_leaders {
        let leaders = query::canned("leaders").expect("leaders is a canned query");
        let text = query::bind_params(leaders.text, &[])?;
        let mut answer = query::run(kg.store(), &text, std::time::Duration::from_secs(30))?;
        let left_out = match &mut answer {
            query::Answer::Solutions { rows, .. } if args.leaders_rows > 0 => {
                let all = rows.len();
                rows.truncate(args.leaders_rows);
                all - rows.len()
            }
            _ => 0,
        };
        writeln!(out)?;
        query::write_answer(&answer, OutputFormat::Table, &mut out)?;
        if left_out > 0 {
            writeln!(
                out,
                "… and {left_out} more ({} in all): `zonekg leaders` lists them",
                left_out + args.leaders_rows
            )?;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
