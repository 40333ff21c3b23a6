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
use zonekg::Report;

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
    fetch: super::fetch::FetchArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

/// One input's outcome: the name a failure is reported under, the stem of its output
/// file, and its report or why there is none.
type Outcome = (String, String, Result<Report, String>);

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
    let mut results: Vec<Outcome> = inputs
        .par_iter()
        .map(|input| {
            let name = input.path.display().to_string();
            (name, input.stem(), extract_one(input))
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
                        (url.to_string(), stem.to_string(), extract_page(&page))
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

fn extract_one(input: &Input) -> Result<Report, String> {
    let bytes = input.read().map_err(|e| e.to_string())?;
    let charset = input.saved.as_ref().and_then(|s| s.charset.as_deref());
    extract_bytes(&bytes, &input.source_name(), charset)
}

fn extract_page(page: &Page) -> Result<Report, String> {
    extract_bytes(&page.bytes, page.url.as_str(), page.charset.as_deref())
}

fn extract_bytes(bytes: &[u8], source: &str, charset: Option<&str>) -> Result<Report, String> {
    // a bug on one odd input must not cost the user the rest of the batch
    std::panic::catch_unwind(|| zonekg::process_with_charset(bytes, source, charset))
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
