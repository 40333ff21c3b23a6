//! `zonekg extract`: reports in, Report JSON out.

use anyhow::Context as _;
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use zonekg::source::{self, Input};
use zonekg::Report;

/// Extract the facts each report states, as Report JSON.
///
/// Each INPUT is a report file (text or HTML, any common Chinese encoding) or a directory,
/// walked for .txt, .html and .htm files. An input that cannot be read is named on stderr
/// with the reason; the others are still written, and the exit status is 1.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Report files or directories.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Output format: `json` prints one object for a single input and an array for
    /// several; `jsonl` prints one object per line.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Write one file DIR/<input stem>.json per input (one Report JSON object each)
    /// instead of printing to stdout.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (inputs, missing) = source::collect(&args.inputs);
    let mut failed = !missing.is_empty();
    for (path, e) in &missing {
        super::report_failure(path, e);
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output directory {}", dir.display()))?;
    }
    let results: Vec<(&Input, Result<Report, String>)> = inputs
        .par_iter()
        .map(|input| (input, extract_one(input)))
        .collect();

    let mut reports = Vec::new();
    for (input, result) in results {
        match result {
            Ok(report) => match &args.out_dir {
                Some(dir) => {
                    let path = dir.join(format!("{}.json", input.stem()));
                    let json = serde_json::to_string_pretty(&report)?;
                    if let Err(e) = std::fs::write(&path, json + "\n") {
                        super::report_failure(&path, &e);
                        failed = true;
                    }
                }
                None => reports.push(report),
            },
            Err(reason) => {
                super::report_failure(&input.path, &reason);
                failed = true;
            }
        }
    }
    if args.out_dir.is_none() {
        print_reports(
            &reports,
            args.format,
            args.inputs.len() == 1 && inputs.len() == 1,
        )?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn extract_one(input: &Input) -> Result<Report, String> {
    let bytes = input.read().map_err(|e| e.to_string())?;
    // a bug on one odd input must not cost the user the rest of the batch
    std::panic::catch_unwind(|| zonekg::process(&bytes, &input.source_name()))
        .map_err(|_| "internal error while extracting (please report this input)".to_string())?
        .map_err(|e| e.to_string())
}

fn print_reports(reports: &[Report], format: Format, single: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Jsonl => {
            for r in reports {
                serde_json::to_writer(&mut out, r)?;
                writeln!(out)?;
            }
        }
        Format::Json if single && reports.len() == 1 => {
            serde_json::to_writer_pretty(&mut out, &reports[0])?;
            writeln!(out)?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, reports)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}
