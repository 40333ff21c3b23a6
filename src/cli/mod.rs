//! Command-line interface: argument definitions and dispatch. Each subcommand lives in
//! its own file and only wires library calls together.

mod analyze;
mod eval;
mod export;
mod extract;
mod fetch;
mod ingest;
mod leaders;
mod push;
mod query;
mod serve;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Turn Chinese government reports about development zones into a knowledge graph.
///
/// zonekg reads reports as published on the web (plain text or HTML, UTF-8 or GBK,
/// traditional or simplified), extracts the facts they state — zones, officials and
/// their posts, meetings, quantified goals and achievements, tasks — each with the
/// sentence it came from.
#[derive(Debug, Parser)]
#[command(name = "zonekg", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Extract(extract::Args),
    Eval(eval::Args),
    Ingest(ingest::Args),
    Query(query::Args),
    Leaders(leaders::Args),
    Export(export::Args),
    Analyze(analyze::Args),
    Serve(serve::Args),
    Fetch(fetch::Args),
    Push(push::Args),
}

/// Runs the chosen subcommand. `Ok` carries the exit code (1 when some input failed);
/// `Err` is a usage or environment problem that stopped the command (exit 2).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(args) => query::run(args),
        Command::Leaders(args) => leaders::run(args),
        Command::Export(args) => export::run(args),
        Command::Analyze(args) => analyze::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Fetch(args) => fetch::run(args),
        Command::Push(args) => push::run(args),
    }
}

/// Prints a per-input failure the way every batch command does: one line, naming the
/// input, then the batch carries on.
pub(crate) fn report_failure(path: &std::path::Path, reason: &dyn std::fmt::Display) {
    eprintln!("zonekg: {}: {reason}", path.display());
}
