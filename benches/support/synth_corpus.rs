//! Writes the synthetic corpus the extract benchmark reads to files, one report a file,
//! so that `scripts/same-output` can extract it like any other report set.
//!
//! `cargo run --release --example synth-corpus -- N DIR` writes `synth::corpus(N, SEED)`
//! into DIR (made if missing), with the seed of `benches/extract.rs`.

#[path = "synth.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir), 2) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1).map(PathBuf::from),
        args.len(),
    ) else {
        eprintln!("usage: synth-corpus N DIR");
        return ExitCode::from(2);
    };
    if let Err(e) = write_corpus(n, &dir) {
        eprintln!("synth-corpus: {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn write_corpus(n: usize, dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for r in synth::corpus(n, synth::BENCH_SEED) {
        std::fs::write(dir.join(&r.name), &r.text)?;
    }
    Ok(())
}
