//! Store work for the server, each piece on a thread of its own, under the limits:
//! at most [`Config::workers`] at once (the others wait, at most the timeout), queries
//! cancelled at the timeout, answers cut at `max_rows`.
//!
//! A cancelled query whose plan notices the cancellation late keeps its worker thread,
//! and its slot, until it ends: the server never runs more store work than it has slots,
//! however many queries time out. Its thread is joined when it ends, and at shutdown
//! every such thread is waited for (RocksDB's thread teardown must not race the process
//! exit; see [`crate::query::run`]).

use super::Config;
use crate::analyze::Facts;
use crate::query::{self, Dataset, LimitedAnswer, QueryError, Straggler, Waited};
use crate::store::KgStore;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use thiserror::Error;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// What the handlers share.
pub struct App {
    pub kg: KgStore,
    pub config: Config,
    slots: Arc<Semaphore>,
    /// Threads waiting for cancelled queries to end, each holding its query's slot.
    reapers: Mutex<Vec<std::thread::JoinHandle<()>>>,
    /// Zones, officials, posts and meetings, read once per store generation.
    facts: Mutex<Option<(u64, Arc<Facts>)>>,
    /// Bumped by every update, so that cached facts are read again.
    generation: AtomicU64,
}

#[derive(Debug, Error)]
pub enum ExecError {
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("the server is busy: {0} queries are running; try again")]
    Busy(usize),
    #[error("reading the store failed: {0}")]
    Read(String),
}

impl App {
    pub fn new(kg: KgStore, config: Config) -> App {
        App {
            kg,
            slots: Arc::new(Semaphore::new(config.workers.max(1))),
            config,
            reapers: Mutex::new(Vec::new()),
            facts: Mutex::new(None),
            generation: AtomicU64::new(0),
        }
    }

    /// The limits a query runs under.
    pub fn limits(&self) -> query::Limits {
        query::Limits {
            timeout: self.config.timeout,
            max_rows: self.config.max_rows,
        }
    }

    async fn slot(&self) -> Result<OwnedSemaphorePermit, ExecError> {
        let wait = self.slots.clone().acquire_owned();
        match tokio::time::timeout(self.config.timeout, wait).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(ExecError::Busy(self.config.workers)),
        }
    }

    /// Runs a SPARQL query: parsed at once (a syntax error costs no slot), evaluated on
    /// its own thread, cancelled at the timeout.
    pub async fn query(
        self: &Arc<Self>,
        text: String,
        dataset: Dataset,
    ) -> Result<LimitedAnswer, ExecError> {
        let permit = self.slot().await?;
        let running = query::start(self.kg.store(), &text, self.limits(), &dataset)?;
        let app = self.clone();
        // The waiting, the slot and the reaping all live in the blocking task, which runs
        // to its end even when the client hangs up and this future is dropped.
        tokio::task::spawn_blocking(move || match running.wait() {
            Waited::Done(answer) => {
                drop(permit);
                Ok(answer?)
            }
            Waited::TimedOut(straggler) => {
                app.reap(straggler, permit);
                Err(QueryError::Timeout(app.config.timeout).into())
            }
        })
        .await
        .map_err(|e| ExecError::Read(e.to_string()))?
    }

    /// Applies a SPARQL update (only called when updates are allowed).
    pub async fn update(self: &Arc<Self>, text: String) -> Result<(), ExecError> {
        let app = self.clone();
        let done = self
            .on_worker(move || query::update(app.kg.store(), &text, app.config.timeout))
            .await?;
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(done?)
    }

    /// Runs `work` (which reads the store) on a thread of its own, in a slot, and joins
    /// the thread.
    pub async fn on_worker<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ExecError> {
        let permit = self.slot().await?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            std::thread::scope(|scope| {
                scope
                    .spawn(work)
                    .join()
                    .map_err(|_| ExecError::Read("internal error while reading the store".into()))
            })
        })
        .await
        .map_err(|e| ExecError::Read(e.to_string()))?
    }

    /// The store's zones, officials, posts and meetings, read on first use and again
    /// after an update. Call from a worker thread ([`App::on_worker`]).
    pub fn facts(&self) -> Result<Arc<Facts>, ExecError> {
        let generation = self.generation.load(Ordering::SeqCst);
        let mut cached = self.facts.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((g, facts)) = cached.as_ref() {
            if *g == generation {
                return Ok(facts.clone());
            }
        }
        let facts = Arc::new(
            Facts::load_relations(self.kg.store()).map_err(|e| ExecError::Read(e.to_string()))?,
        );
        *cached = Some((generation, facts.clone()));
        Ok(facts)
    }

    /// Keeps the slot of a cancelled query until its worker ends, on a thread that then
    /// joins it.
    fn reap(&self, straggler: Straggler, permit: OwnedSemaphorePermit) {
        if straggler.is_finished() {
            straggler.join();
            return;
        }
        let reaper = std::thread::spawn(move || {
            straggler.join();
            drop(permit);
        });
        let mut reapers = self.reapers.lock().unwrap_or_else(|e| e.into_inner());
        reapers.retain(|r| !r.is_finished());
        reapers.push(reaper);
    }

    /// Waits for the workers of cancelled queries (at shutdown).
    pub fn join_stragglers(&self) {
        let reapers = std::mem::take(&mut *self.reapers.lock().unwrap_or_else(|e| e.into_inner()));
        let running = reapers.iter().filter(|r| !r.is_finished()).count();
        if running > 0 {
            eprintln!("zonekg serve: waiting for {running} cancelled queries to end");
        }
        for r in reapers {
            r.join().ok();
        }
    }
}
