//! `zonekg leaders`: the canned `leaders` query with its parameters as options.

use std::process::ExitCode;
use zonekg::query;

/// Who leads which zone: official, zone, leading post, first and last date seen.
///
/// Leading posts are 党工委书记, 管委会主任, 区委书记, 区长, 县委书记, 县长, 市委书记,
/// 市长, 省委书记, 省长, 书记 and 主任.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this zone (its name or a short form of it).
    #[arg(long, value_name = "ZONE")]
    zone: Option<String>,

    /// Only holdings a report observed in this period: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    at: Option<String>,

    #[arg(long, value_enum, default_value_t = super::query::Format::Table)]
    format: super::query::Format,

    /// Cancel the query after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    timeout: f64,

    #[command(flatten)]
    store: super::ingest::StoreArgs,

    #[command(flatten)]
    remote: super::query::Endpoint,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let leaders = query::canned("leaders").expect("leaders is a canned query");
    let mut params = Vec::new();
    if let Some(z) = args.zone {
        params.push(("zone".to_string(), z));
    }
    if let Some(at) = args.at {
        params.push(("at".to_string(), at));
    }
    super::query::execute(
        &args.store,
        &args.remote,
        leaders.text,
        &params,
        args.format,
        args.timeout,
    )
}
