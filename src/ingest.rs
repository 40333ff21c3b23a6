//! Ingesting reports into the store: extract in parallel, write in one writer.
//!
//! Worker threads (rayon) read each input, hash it, skip it when the store already holds
//! that content from this extractor, and otherwise extract and map it to quads. One writer
//! (the calling thread) collects whole reports into batches and writes each batch with
//! atomic commits ([`KgStore::write_reports`]), so a crash leaves only whole reports. When every input is done the
//! links graph is recomputed. Reports from URLs are fetched and extracted by the fetch
//! workers of [`web`] and written by the same writer.

pub mod web;

use crate::limits::{Cut, Limits};
use crate::rdf::{map_report, ReportMeta};
use crate::source::Input;
use crate::store::{KgStore, LinkStats, MappedReport, StoreError, WriteOutcome};
use rayon::prelude::*;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Reports extracted ahead of the writer. Extraction is many times faster than writing,
/// so a short queue keeps the writer busy; a long one only holds memory.
const QUEUE_REPORTS: usize = 64;

/// One report to ingest.
pub trait ReportInput: Sync {
    /// The report's identity in the store: an absolute path or a URL.
    fn location(&self) -> String;
    /// The name facts are attributed to (file name).
    fn source_name(&self) -> String;
    fn read(&self) -> std::io::Result<Vec<u8>>;
    /// The charset a transport (an HTTP header) declared for the bytes, if any.
    fn charset(&self) -> Option<String> {
        None
    }
}

impl ReportInput for Input {
    /// The absolute path, so that the same file ingested from another directory is the
    /// same report; for a page saved by `zonekg fetch`, its URL.
    fn location(&self) -> String {
        if let Some(saved) = &self.saved {
            return saved.url.clone();
        }
        std::fs::canonicalize(&self.path)
            .unwrap_or_else(|_| self.path.clone())
            .to_string_lossy()
            .into_owned()
    }

    fn source_name(&self) -> String {
        Input::source_name(self)
    }

    fn read(&self) -> std::io::Result<Vec<u8>> {
        Input::read(self)
    }

    fn charset(&self) -> Option<String> {
        self.saved.as_ref().and_then(|s| s.charset.clone())
    }
}

/// A report already in memory (generated corpora, tests, the benchmark).
#[derive(Debug, Clone)]
pub struct MemoryInput {
    pub location: String,
    pub name: String,
    pub bytes: Vec<u8>,
}

impl ReportInput for MemoryInput {
    fn location(&self) -> String {
        self.location.clone()
    }
    fn source_name(&self) -> String {
        self.name.clone()
    }
    fn read(&self) -> std::io::Result<Vec<u8>> {
        Ok(self.bytes.clone())
    }
}

/// How reports are read and grouped into batches, each written by one writer call.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// At most this many reports per batch.
    pub batch_reports: usize,
    /// A batch is written once it holds this many quads.
    pub batch_quads: usize,
    /// What one report may cost.
    pub limits: Limits,
}

impl Default for IngestOptions {
    fn default() -> Self {
        // Big enough that each bulk load writes sizeable files, small enough that a
        // batch (held in memory until written) stays a few tens of MB.
        IngestOptions {
            batch_reports: 1_000,
            batch_quads: 200_000,
            limits: Limits::default(),
        }
    }
}

/// What happened to one input.
#[derive(Debug)]
pub enum Event<'a> {
    Stored {
        location: &'a str,
        outcome: WriteOutcome,
        /// What was cut to keep the report within its limits.
        cuts: &'a [Cut],
    },
    Failed {
        location: &'a str,
        reason: String,
    },
}

/// Totals for one ingest run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestSummary {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub failed: usize,
    /// Quads in the report graphs written (added or replaced).
    pub quads_written: usize,
    pub links: LinkStats,
    /// Time spent writing report graphs into the store (the writer's share of the run).
    pub writing: Duration,
    /// Time spent recomputing the links graph at the end.
    pub linking: Duration,
}

/// A worker's result for one input.
enum Prepared {
    Mapped(MappedReport, Vec<Cut>),
    Unchanged(String),
    Failed(String, String),
}

fn prepare(kg: &KgStore, input: &dyn ReportInput, limits: &Limits) -> Prepared {
    let location = input.location();
    let bytes = match input.read() {
        Ok(b) => b,
        Err(e) => return Prepared::Failed(location, e.to_string()),
    };
    let meta = ReportMeta::for_bytes(location.clone(), &bytes);
    match kg.is_unchanged(&meta) {
        Ok(true) => return Prepared::Unchanged(location),
        Ok(false) => {}
        Err(e) => return Prepared::Failed(location, e.to_string()),
    }
    // An extractor bug on one report must not take the batch down with it: the report
    // is named and skipped like any other failure.
    let name = input.source_name();
    let charset = input.charset();
    match crate::process_caught(&bytes, &name, charset.as_deref(), limits) {
        Ok(processed) => Prepared::Mapped(
            MappedReport {
                quads: map_report(&processed.report, &meta),
                meta,
            },
            processed.cuts,
        ),
        Err(e) => Prepared::Failed(location, e.to_string()),
    }
}

/// Ingests `inputs` into `kg`, calling `on_event` once per input as it is settled.
/// Per-input failures are events, not errors; an `Err` is a store failure that stopped
/// the run (reports in batches already committed stay).
pub fn ingest<T: ReportInput>(
    kg: &KgStore,
    inputs: &[T],
    options: IngestOptions,
    on_event: impl FnMut(Event<'_>),
) -> Result<IngestSummary, StoreError> {
    let limits = options.limits;
    ingest_prepared(kg, options, on_event, move |tx| {
        inputs
            .par_iter()
            .try_for_each_with(tx, |tx, input| tx.send(prepare(kg, input, &limits)))
            .ok();
    })
}

/// Runs `produce` on its own thread, sending each input's [`Prepared`] result, and
/// writes them as they come; then refreshes the links graph.
fn ingest_prepared(
    kg: &KgStore,
    options: IngestOptions,
    mut on_event: impl FnMut(Event<'_>),
    produce: impl FnOnce(mpsc::SyncSender<Prepared>) + Send,
) -> Result<IngestSummary, StoreError> {
    let mut summary = IngestSummary::default();
    // Bounded so extraction cannot run far ahead of the writer and fill memory.
    let (tx, rx) = mpsc::sync_channel::<Prepared>(QUEUE_REPORTS);
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let producer = scope.spawn(move || produce(tx));
        // the reports of a batch, and what was cut from each
        let mut batch: (Vec<MappedReport>, Vec<Vec<Cut>>) = Default::default();
        let mut batch_quads = 0;
        let flush = |(batch, batch_cuts): &mut (Vec<MappedReport>, Vec<Vec<Cut>>),
                     summary: &mut IngestSummary,
                     on_event: &mut dyn FnMut(Event<'_>)|
         -> Result<(), StoreError> {
            if batch.is_empty() {
                return Ok(());
            }
            let started = Instant::now();
            let outcomes = kg.write_reports(batch)?;
            summary.writing += started.elapsed();
            for ((report, cuts), outcome) in batch.iter().zip(batch_cuts.iter()).zip(outcomes) {
                match outcome {
                    WriteOutcome::Added => summary.added += 1,
                    WriteOutcome::Replaced => summary.replaced += 1,
                    WriteOutcome::Unchanged => summary.unchanged += 1,
                }
                if outcome != WriteOutcome::Unchanged {
                    summary.quads_written += report.quads.len();
                }
                on_event(Event::Stored {
                    location: &report.meta.location,
                    outcome,
                    cuts,
                });
            }
            batch.clear();
            batch_cuts.clear();
            Ok(())
        };
        let mut result = Ok(());
        for prepared in rx.iter() {
            match prepared {
                Prepared::Mapped(report, cuts) => {
                    batch_quads += report.quads.len();
                    batch.0.push(report);
                    batch.1.push(cuts);
                    if batch.0.len() >= options.batch_reports || batch_quads >= options.batch_quads
                    {
                        result = flush(&mut batch, &mut summary, &mut on_event);
                        batch_quads = 0;
                    }
                }
                Prepared::Unchanged(location) => {
                    summary.unchanged += 1;
                    on_event(Event::Stored {
                        location: &location,
                        outcome: WriteOutcome::Unchanged,
                        cuts: &[],
                    });
                }
                Prepared::Failed(location, reason) => {
                    summary.failed += 1;
                    on_event(Event::Failed {
                        location: &location,
                        reason,
                    });
                }
            }
            if result.is_err() {
                break;
            }
        }
        // Dropping the receiver makes the workers' sends fail, which stops them.
        drop(rx);
        producer.join().expect("extraction worker panicked");
        result?;
        flush(&mut batch, &mut summary, &mut on_event)
    })?;
    let started = Instant::now();
    summary.links = kg.refresh_links()?;
    kg.flush()?;
    summary.linking = started.elapsed();
    Ok(summary)
}
