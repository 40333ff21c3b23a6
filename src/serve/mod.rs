//! `zonekg serve`: the knowledge graph over HTTP — a SPARQL 1.1 Protocol endpoint at
//! `/sparql` for the tools analysts already have (YASGUI, SPARQLWrapper, curl), and an
//! explorer of who leads which zone, in Chinese, rendered on the server (one small
//! bundled script, no CDN: it works offline).
//!
//! [`sparql`] speaks the protocol; [`negotiate`] picks a results format from `Accept`;
//! [`results`] writes answers; [`exec`] runs every piece of store work on a thread of its
//! own under the limits (timeout, rows, how many at once) and joins each such thread
//! before the process exits (see [`crate::query::run`] for why); [`explore`] gathers what
//! the explorer pages show, reusing [`crate::analyze`]; [`pages`] renders them and
//! [`html`] holds the layout they share.
//!
//! The store is opened read-only unless updates are allowed, so `zonekg ingest` can write
//! into another store (or this one, once the server stops) meanwhile.

pub mod exec;
pub mod explore;
pub mod html;
pub mod negotiate;
pub mod pages;
pub mod results;
pub mod sparql;

use crate::store::{KgStore, StoreError};
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use thiserror::Error;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store directory.
    pub store: PathBuf,
    /// Where to listen; port 0 picks a free port (the ready callback is told which).
    pub bind: SocketAddr,
    /// Each query is cancelled after this long.
    pub timeout: Duration,
    /// Rows (or triples) beyond this many are cut from an answer; `None`: no limit.
    pub max_rows: Option<usize>,
    /// Whether SPARQL updates are applied (the store is then opened for writing).
    pub allow_update: bool,
    /// How many queries or pages may work on the store at once; more wait their turn.
    pub workers: usize,
}

#[derive(Debug, Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("no store at {0} (run `zonekg ingest` first, or pass --store)")]
    Missing(PathBuf),
    #[error("cannot listen on {addr}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("the server stopped")]
    Io(#[from] std::io::Error),
}

/// Opens the store, listens on `config.bind`, calls `ready` with the address bound, and
/// serves until SIGINT or SIGTERM; then lets running requests end and joins every thread
/// that worked on the store.
pub fn serve(config: Config, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let kg = if config.allow_update {
        // Opening for writing would create an empty store; a typo should not.
        if !config.store.join("CURRENT").exists() {
            return Err(ServeError::Missing(config.store.clone()));
        }
        KgStore::open(&config.store)?
    } else {
        KgStore::open_read_only(&config.store)?
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()?;
    let app = Arc::new(exec::App::new(kg, config.clone()));
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.bind)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.bind,
                source,
            })?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(app.clone()))
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        Ok::<_, ServeError>(())
    });
    drop(runtime);
    app.join_stragglers();
    served
}

/// Every route of the server.
pub fn router(app: Arc<exec::App>) -> Router {
    Router::new()
        .route("/", get(pages::home::handle))
        .route("/zone/{name}", get(pages::zone::handle))
        .route("/official/{name}", get(pages::official::handle))
        .route("/graph", get(pages::graph::handle))
        .route("/evidence", get(pages::evidence::handle))
        .route(
            "/sparql",
            get(sparql::handle)
                .post(sparql::handle)
                .options(sparql::preflight),
        )
        .route("/assets/{file}", get(html::asset))
        .fallback(pages::not_found)
        .with_state(app)
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        tokio::signal::ctrl_c().await.ok();
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = interrupt => {},
        _ = terminate => {},
    }
}
