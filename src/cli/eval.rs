//! `zonekg eval`: extraction quality against gold Report JSON, figures as `score.py` gives them.

use anyhow::{bail, Context as _};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use zonekg::eval::{self, EvalError, Pair, Scores, Summary};
use zonekg::source::{self, Input};

/// Score extraction against gold Report JSON.
///
/// Compares facts tier by tier (officials, posts, leaders, meetings, participants, goals,
/// achievements, tasks) and prints precision, recall and F1 for each, and for all tiers
/// pooled, micro-averaged over the documents. The figures are those of
/// `shared/gold/score.py`; see `shared/gold/SCHEMA.md` for how facts are matched.
///
/// Gold files are GOLD_DIR/<name>.json. Predictions come either from a folder of Report
/// JSON (--pred, e.g. the output of `zonekg extract --out-dir`) or from reports that are
/// extracted now (INPUT files or directories), each paired with the gold file of the
/// same stem (`a.txt` with `a.json`). A gold file with no prediction is scored as an
/// empty prediction. A tier whose key a gold file leaves out is not scored for it.
///
/// Exit status: 0 when every prediction was read, 1 when some could not be (they are
/// named on stderr and scored as empty), 2 when the gold folder cannot be used.
///
/// Examples:
///   zonekg eval gold/ reports/              extract reports/*.txt and score them
///   zonekg eval gold/ --pred out/ --json    score earlier `zonekg extract --out-dir out/`
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Folder of gold Report JSON files, one <name>.json per report.
    #[arg(value_name = "GOLD_DIR")]
    gold_dir: PathBuf,

    /// Reports to extract and score: files, or directories walked for .txt, .html and
    /// .htm files. Paired with gold files by file stem.
    #[arg(
        value_name = "INPUT",
        required_unless_present = "pred",
        conflicts_with = "pred"
    )]
    inputs: Vec<PathBuf>,

    /// Score the Report JSON files in DIR instead of extracting: DIR/<name>.json is the
    /// prediction for GOLD_DIR/<name>.json. A missing file counts as empty; a file that
    /// is not valid JSON counts as empty and is named on stderr.
    #[arg(long, value_name = "DIR")]
    pred: Option<PathBuf>,

    /// Print the figures as one JSON object keyed by tier (and `all`), each with
    /// precision, recall, f1, gold, predicted and matched: the shape of `score.py --json`.
    #[arg(long)]
    json: bool,

    /// Also list, per document and tier, the gold items missed and the predicted items
    /// left unmatched. Printed before the table, or on stderr with --json so that stdout
    /// stays one JSON object.
    #[arg(long)]
    per_doc: bool,

    #[command(flatten)]
    limits: super::extract::LimitArgs,

    /// Add the strict zones tier of `score.py --zones` (and count it in `all`): a zone
    /// is right only when its name is a gold zone's name or alias, so a name with words
    /// glued on (`不断夯实开发区`) is wrong.
    #[arg(long)]
    zones: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gold = eval::read_gold_dir(&args.gold_dir).context("cannot read the gold reports")?;
    if gold.is_empty() {
        bail!("no gold files (*.json) in {}", args.gold_dir.display());
    }
    let (mut predictions, failed) = match &args.pred {
        Some(dir) => read_predictions(dir, &gold),
        None => extract_predictions(&args.inputs, &gold, &args.limits.limits())?,
    };
    let pairs = gold.into_iter().map(|(name, gold)| {
        let predicted = predictions
            .remove(&name)
            .unwrap_or_else(|| Value::Object(Default::default()));
        Pair {
            name,
            gold,
            predicted,
        }
    });
    let tiers: &[eval::Tier] = if args.zones {
        &eval::Tier::WITH_ZONES
    } else {
        &eval::Tier::ALL
    };
    let scores = eval::score_tiers(pairs, tiers)?;

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.per_doc {
        if args.json {
            print_per_doc(&scores, &mut std::io::stderr().lock())?;
        } else {
            print_per_doc(&scores, &mut out)?;
        }
    }
    if args.json {
        let mut ser = serde_json::Serializer::with_formatter(
            &mut out,
            serde_json::ser::PrettyFormatter::with_indent(b" "),
        );
        serde::Serialize::serialize(&scores.summary(), &mut ser)?;
        writeln!(out)?;
    } else {
        print_table(&scores.summary(), &mut out)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Predictions read from DIR/<name>.json for each gold name; the flag says some failed.
fn read_predictions(dir: &Path, gold: &[(String, Value)]) -> (HashMap<String, Value>, bool) {
    let mut predictions = HashMap::new();
    let mut failed = false;
    for (name, _) in gold {
        let path = dir.join(format!("{name}.json"));
        if !path.exists() {
            continue;
        }
        match eval::read_json(&path) {
            Ok(v) => {
                predictions.insert(name.clone(), v);
            }
            Err(e) => {
                eprintln!("zonekg: {}; scored as empty", without_path(&e, &path));
                failed = true;
            }
        }
    }
    (predictions, failed)
}

/// The error text, naming the file once.
fn without_path(e: &EvalError, path: &Path) -> String {
    match e {
        EvalError::Json { source, .. } => format!("{}: not valid JSON ({source})", path.display()),
        other => other.to_string(),
    }
}

/// Reports extracted from the inputs, keyed by file stem; the flag says some failed.
fn extract_predictions(
    inputs: &[PathBuf],
    gold: &[(String, Value)],
    limits: &zonekg::Limits,
) -> anyhow::Result<(HashMap<String, Value>, bool)> {
    let (inputs, missing) = source::collect(inputs);
    let mut failed = !missing.is_empty();
    for (path, e) in &missing {
        super::report_failure(path, e);
    }
    // a panicking input is named and scored as empty, as `extract` and `ingest` do
    let results: Vec<(&Input, Result<zonekg::Processed, String>)> = inputs
        .par_iter()
        .map(|input| (input, super::extract::extract_one(input, limits)))
        .collect();

    let gold_names: std::collections::HashSet<&str> =
        gold.iter().map(|(n, _)| n.as_str()).collect();
    let mut predictions = HashMap::new();
    for (input, result) in results {
        let stem = input.stem();
        if !gold_names.contains(stem.as_str()) {
            eprintln!(
                "zonekg: {}: no gold file {stem}.json; not scored",
                input.path.display()
            );
            continue;
        }
        if predictions.contains_key(&stem) {
            eprintln!(
                "zonekg: {}: another input already has the stem {stem}; not scored",
                input.path.display()
            );
            continue;
        }
        match result {
            Ok(processed) => {
                super::extract::report_cuts(&input.path, &processed.cuts);
                predictions.insert(stem, eval::report_to_value(&processed.report)?);
            }
            Err(reason) => {
                super::report_failure(&input.path, &format!("{reason}; scored as empty"));
                failed = true;
            }
        }
    }
    for (name, _) in gold {
        if !predictions.contains_key(name) && !inputs.iter().any(|i| &i.stem() == name) {
            eprintln!("zonekg: no input for gold file {name}.json; scored as empty");
        }
    }
    Ok((predictions, failed))
}

fn print_per_doc(scores: &Scores, out: &mut dyn Write) -> std::io::Result<()> {
    let list = |items: &[Value]| {
        let parts: Vec<String> = items.iter().map(Value::to_string).collect();
        format!("[{}]", parts.join(", "))
    };
    for doc in &scores.documents {
        for t in &doc.tiers {
            if !t.misses.is_empty() || !t.extras.is_empty() {
                writeln!(
                    out,
                    "{} {}: missed {} extra {}",
                    doc.name,
                    t.tier.as_str(),
                    list(&t.misses),
                    list(&t.extras)
                )?;
            }
        }
    }
    Ok(())
}

fn print_table(summary: &Summary, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<13}{:>7}{:>7}{:>7}{:>6}{:>6}",
        "tier", "P", "R", "F1", "gold", "pred"
    )?;
    for (tier, r) in &summary.0 {
        writeln!(
            out,
            "{:<13}{:>7.3}{:>7.3}{:>7.3}{:>6}{:>6}",
            tier, r.precision, r.recall, r.f1, r.gold, r.predicted
        )?;
    }
    Ok(())
}
