//! The `zonekg` command: thin glue over the library, one file per subcommand in `cli/`.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        // one line per internal error; batch commands catch the panic and carry on
        eprintln!("zonekg: internal error: {info}")
    }));
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        // `zonekg … | head` closes the pipe early: that is the reader's choice, not an
        // error, so stop quietly as other Unix tools do. Output is written with
        // `write!`, never `print!`, so the error reaches here instead of panicking.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zonekg: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether the error comes from writing to a pipe whose reader has gone.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|cause| {
        let io = cause.downcast_ref::<std::io::Error>().map(|io| io.kind());
        // serde_json wraps the writer's error in its own
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(|j| j.io_error_kind());
        io == Some(BrokenPipe) || json == Some(BrokenPipe)
    })
}
