//! `zonekg extract`: reports in, Report JSON out.

use anyhow::Context as _;
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use zonekg::source::web::{Fetched, Page};
use zonekg::source::{self, saved, Input};
use zonekg::{Cut, Limits, Processed, Report};

/// Extract the facts each report states, as Report JSON.
///
/// Each INPUT is a report file (text or HTML, any common Chinese encoding), a directory,
/// walked for .txt, .html and .htm files, or an http:// or https:// URL (its report's
/// source is its final URL). An input that cannot be read is named on stderr with the
/// reason; the others are still written, and the exit status is 1.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Report files, directories or URLs.
    #[arg(required_unless_present = "urls", value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Output format: `json` prints one object for a single input and an array for
    /// several; `jsonl` prints one object per line.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Write one file DIR/<input stem>.json per input (one Report JSON object each)
    /// instead of printing to stdout.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    #[command(flatten)]
    limits: LimitArgs,

    #[command(flatten)]
    fetch: super::fetch::FetchArgs,
}

/// How much of a report is read; shared by the commands that extract.
#[derive(Debug, Clone, clap::Args)]
pub struct LimitArgs {
    /// Read at most this many bytes of each report (a number, or with a K, M or G suffix
    /// for KiB, MiB, GiB). A longer report is cut at the last line end before the limit
    /// and the cut is named on stderr. Fixed bounds no real report reaches are named
    /// there too: a sentence over 4 KiB is read in pieces split at clause breaks, HTML
    /// tags nested over 256 deep are read as if absent, and of more than 2,000
    /// enumerated lists the first 2,000 are weighed as tasks.
    #[arg(long, value_name = "BYTES", default_value = "16M", value_parser = parse_size)]
    pub max_report_bytes: usize,
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            max_report_bytes: self.max_report_bytes,
        }
    }
}

/// `16777216`, `64K`, `16M`, `1G` (binary multiples; `KiB`, `MiB`, `GiB` too).
fn parse_size(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (number, unit) = s.split_at(digits);
    let number: usize = number
        .parse()
        .map_err(|_| format!("`{s}` is not a size: a number of bytes, maybe with K, M or G"))?;
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("unknown unit `{unit}`: use K, M or G")),
    };
    match number.checked_mul(1 << shift) {
        Some(0) => Err("the limit must be at least one byte".to_string()),
        Some(n) => Ok(n),
        None => Err(format!("`{s}` is too large")),
    }
}

/// Names on stderr what was cut from one input, a line each.
pub(crate) fn report_cuts(path: &std::path::Path, cuts: &[Cut]) {
    for cut in cuts {
        eprintln!("zonekg: {}: cut: {cut}", path.display());
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

/// One input's outcome: the name a failure is reported under, the stem of its output
/// file, and its report or why there is none.
type Outcome = (String, String, Result<Processed, String>);

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let all = args.fetch.inputs(&args.inputs)?;
    let (urls, paths, bad) = source::split_urls(&all);
    let (inputs, missing) = source::collect(&paths);
    let mut failed = !missing.is_empty() || !bad.is_empty();
    for (path, e) in &missing {
        super::report_failure(path, e);
    }
    for (arg, e) in &bad {
        super::report_failure(Path::new(arg), e);
    }
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output directory {}", dir.display()))?;
    }
    let limits = args.limits.limits();
    let mut results: Vec<Outcome> = inputs
        .par_iter()
        .map(|input| {
            let name = input.path.display().to_string();
            (name, input.stem(), extract_one(input, &limits))
        })
        .collect();
    if !urls.is_empty() {
        let fetcher = args.fetch.fetcher()?;
        let fetched: Mutex<Vec<Option<Outcome>>> =
            Mutex::new((0..urls.len()).map(|_| None).collect());
        fetcher.fetch_each(
            &urls,
            |_| None,
            |url, result| {
                let outcome = match result {
                    Ok(Fetched::Page(page)) => {
                        let stem = saved::file_name(&page.saved());
                        let stem = stem.rsplit_once('.').map_or(stem.as_str(), |(s, _)| s);
                        (
                            url.to_string(),
                            stem.to_string(),
                            extract_page(&page, &limits),
                        )
                    }
                    Ok(Fetched::NotModified { .. }) => unreachable!("extract asks unconditionally"),
                    Err(e) => (url.to_string(), String::new(), Err(e.to_string())),
                };
                let at = urls.iter().position(|u| std::ptr::eq(u, url));
                if let Some(at) = at {
                    fetched.lock().unwrap_or_else(|e| e.into_inner())[at] = Some(outcome);
                }
            },
        );
        let fetched = fetched.into_inner().unwrap_or_else(|e| e.into_inner());
        results.extend(fetched.into_iter().flatten());
    }

    let single = all.len() == 1 && results.len() == 1;
    let mut reports = Vec::new();
    for (name, stem, result) in results {
        let result = result.map(|processed| {
            report_cuts(Path::new(&name), &processed.cuts);
            processed.report
        });
        match result {
            Ok(report) => match &args.out_dir {
                Some(dir) => {
                    let path = dir.join(format!("{stem}.json"));
                    let json = serde_json::to_string_pretty(&report)?;
                    if let Err(e) = std::fs::write(&path, json + "\n") {
                        super::report_failure(&path, &e);
                        failed = true;
                    }
                }
                None => reports.push(report),
            },
            Err(reason) => {
                super::report_failure(Path::new(&name), &reason);
                failed = true;
            }
        }
    }
    if args.out_dir.is_none() {
        print_reports(&reports, args.format, single)?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads and extracts one input; a failure is its reason. Shared with `eval`.
pub(crate) fn extract_one(input: &Input, limits: &Limits) -> Result<Processed, String> {
    let bytes = input.read().map_err(|e| e.to_string())?;
    let charset = input.saved.as_ref().and_then(|s| s.charset.as_deref());
    extract_bytes(&bytes, &input.source_name(), charset, limits)
}

fn extract_page(page: &Page, limits: &Limits) -> Result<Processed, String> {
    extract_bytes(
        &page.bytes,
        page.url.as_str(),
        page.charset.as_deref(),
        limits,
    )
}

fn extract_bytes(
    bytes: &[u8],
    source: &str,
    charset: Option<&str>,
    limits: &Limits,
) -> Result<Processed, String> {
    // a bug on one odd input must not cost the user the rest of the batch
    zonekg::process_caught(bytes, source, charset, limits).map_err(|e| e.to_string())
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
