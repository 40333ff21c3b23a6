//! The `zonekg` command: thin glue over the library, one file per subcommand in `cli/`.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // one line per internal error; batch commands catch the panic and carry on
    std::panic::set_hook(Box::new(|info| eprintln!("zonekg: internal error: {info}")));
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("zonekg: {e:#}");
            ExitCode::from(2)
        }
    }
}
