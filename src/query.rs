//! SPARQL over the store: canned queries (`queries/*.rq`, embedded in the binary),
//! parameters, a timeout, and result printing.
//!
//! Parameters are placeholders: a variable whose name starts with `_` (`?_zone`). Binding
//! `zone=…` replaces `?_zone` with the value as a SPARQL term everywhere in the text,
//! subqueries included. Every line that still mentions a placeholder afterwards is
//! dropped, so an optional filter is one line (`FILTER(?official = ?_name)`) that is there
//! only when its parameter is given — and costs nothing when it is not.
//!
//! Queries see the union of all graphs as their default graph, so ad-hoc queries need no
//! `GRAPH` clause; `GRAPH ?g` still names the report a fact came from.

use crate::rdf::vocab::PREFIXES;
use crate::zh::width::width;
use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, QueryEvaluationError, QueryResults, QuerySolution, SparqlEvaluator,
    SparqlSyntaxError,
};
use oxigraph::store::Store;
use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;
use thiserror::Error;

/// A query shipped with zonekg.
#[derive(Debug, Clone, Copy)]
pub struct CannedQuery {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! canned {
    ($($name:literal),* $(,)?) => {
        &[$(CannedQuery { name: $name, text: include_str!(concat!("../queries/", $name, ".rq")) }),*]
    };
}

/// Every canned query, by name.
pub const CANNED: &[CannedQuery] = canned![
    "leaders",
    "officials",
    "posts-of",
    "zone",
    "meetings",
    "goals",
    "achievements",
    "tasks",
    "evidence",
    "duplicates",
];

impl CannedQuery {
    /// The leading comment: what the query answers and its parameters.
    pub fn description(&self) -> String {
        self.text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| l.trim_start_matches('#').strip_prefix(' ').unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The canned query called `name`.
pub fn canned(name: &str) -> Option<&'static CannedQuery> {
    CANNED.iter().find(|q| q.name == name)
}

#[derive(Debug, Error)]
pub enum QueryError {
    /// The message carries the line and column (`error at 3:14: expected …`).
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    #[error("query failed: {0}")]
    Evaluation(QueryEvaluationError),
    #[error("query cancelled after the {0:?} timeout")]
    Timeout(Duration),
    #[error("update failed: {0}")]
    Update(String),
    #[error("parameter `{0}`: the query has no ?_{0} placeholder")]
    UnknownParameter(String),
    #[error("parameter `{0}`: expected NAME=VALUE")]
    BadParameter(String),
    #[error("cannot read query file {path}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write results")]
    Write(#[from] std::io::Error),
}

impl From<SparqlSyntaxError> for QueryError {
    fn from(e: SparqlSyntaxError) -> Self {
        QueryError::Syntax(e.to_string())
    }
}

impl From<QueryEvaluationError> for QueryError {
    fn from(e: QueryEvaluationError) -> Self {
        QueryError::Evaluation(e)
    }
}

/// The text of QUERY as the command line gives it: `@file.rq`, a canned query's name, or
/// SPARQL itself.
pub fn resolve(query: &str) -> Result<String, QueryError> {
    if let Some(path) = query.strip_prefix('@') {
        return std::fs::read_to_string(path).map_err(|source| QueryError::File {
            path: path.to_string(),
            source,
        });
    }
    Ok(match canned(query.trim()) {
        Some(q) => q.text.to_string(),
        None => query.to_string(),
    })
}

/// Splits `NAME=VALUE`.
pub fn parse_param(s: &str) -> Result<(String, String), QueryError> {
    match s.split_once('=') {
        Some((n, v)) if !n.trim().is_empty() => Ok((n.trim().to_string(), v.to_string())),
        _ => Err(QueryError::BadParameter(s.to_string())),
    }
}

/// The SPARQL term a parameter value stands for: an IRI when it looks like one
/// (`<…>` or `http(s)://…`), else a string literal.
pub fn param_term(value: &str) -> Term {
    let iri = value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .or_else(|| {
            (value.starts_with("http://") || value.starts_with("https://")).then_some(value)
        });
    match iri.and_then(|i| NamedNode::new(i).ok()) {
        Some(n) => n.into(),
        None => Literal::new_simple_literal(value).into(),
    }
}

fn is_var_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '\u{b7}'
}

/// Replaces each `?_NAME` / `$_NAME` placeholder by its value, then drops the lines that
/// mention a placeholder left unbound. Placeholders in comments and string literals count
/// too; canned queries keep them out of both.
pub fn bind_params(text: &str, params: &[(String, String)]) -> Result<String, QueryError> {
    let mut out = text.to_string();
    for (name, value) in params {
        let term = param_term(value).to_string();
        let mut replaced = String::with_capacity(out.len());
        let mut found = false;
        let mut rest = out.as_str();
        while let Some(i) = rest.find(['?', '$']) {
            let after = &rest[i + 1..];
            let matches = after
                .strip_prefix('_')
                .and_then(|a| a.strip_prefix(name.as_str()))
                .is_some_and(|tail| !tail.starts_with(is_var_char));
            if matches {
                replaced.push_str(&rest[..i]);
                replaced.push_str(&term);
                rest = &after[1 + name.len()..];
                found = true;
            } else {
                replaced.push_str(&rest[..=i]);
                rest = after;
            }
        }
        replaced.push_str(rest);
        if !found {
            return Err(QueryError::UnknownParameter(name.clone()));
        }
        out = replaced;
    }
    // Dropped lines become empty lines, so that error positions match the text as written.
    Ok(out
        .split_inclusive('\n')
        .map(|l| {
            if has_placeholder(l) {
                if l.ends_with('\n') {
                    "\n"
                } else {
                    ""
                }
            } else {
                l
            }
        })
        .collect())
}

/// Whether `line` mentions a placeholder (`?_x`, `$_x`).
fn has_placeholder(line: &str) -> bool {
    line.match_indices(['?', '$']).any(|(i, _)| {
        line[i + 1..]
            .strip_prefix('_')
            .and_then(|t| t.chars().next())
            .is_some_and(is_var_char)
    })
}

/// A query's results, fully read, so that the timeout covers the whole evaluation.
#[derive(Debug)]
pub enum Answer {
    Solutions {
        variables: Vec<String>,
        rows: Vec<QuerySolution>,
    },
    Boolean(bool),
    Graph(Vec<oxigraph::model::Triple>),
}

/// Parses and runs `text` on `store`, giving up after `timeout`.
///
/// The query runs on its own thread (see [`start`]): some plans (a large aggregate, a
/// cross product) check the cancellation token rarely, so the caller stops waiting when
/// time is up rather than when evaluation notices; the abandoned evaluation is cancelled
/// and given [`CANCEL_GRACE`] to end.
///
/// The worker is always joined when it ends: RocksDB's thread-local state is torn down as
/// the thread exits, and a process that exits meanwhile destroys the mutexes that
/// teardown takes (`pthread lock: Invalid argument`, abort).
pub fn run(store: &Store, text: &str, timeout: Duration) -> Result<Answer, QueryError> {
    let limits = Limits {
        timeout,
        max_rows: None,
    };
    match start(store, text, limits, &Dataset::default())?.wait() {
        Waited::Done(answer) => answer.map(|a| a.answer),
        Waited::TimedOut(straggler) => {
            straggler.join_within(CANCEL_GRACE).ok();
            Err(QueryError::Timeout(timeout))
        }
    }
}

/// What one query may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Evaluation is cancelled after this long.
    pub timeout: Duration,
    /// Rows (or triples) beyond this many are not read.
    pub max_rows: Option<usize>,
}

/// The graphs a query reads, as the SPARQL protocol's `default-graph-uri` and
/// `named-graph-uri` give them. Empty lists keep zonekg's default: the union of all
/// graphs as the default graph, every named graph available.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    pub default_graphs: Vec<NamedNode>,
    pub named_graphs: Vec<NamedNode>,
}

/// An answer read up to [`Limits::max_rows`].
#[derive(Debug)]
pub struct LimitedAnswer {
    pub answer: Answer,
    /// Whether rows (or triples) were left unread because of the limit.
    pub truncated: bool,
}

/// A query evaluating on its own thread; [`Running::wait`] collects it.
pub struct Running {
    token: CancellationToken,
    worker: std::thread::JoinHandle<()>,
    receive: mpsc::Receiver<Result<LimitedAnswer, QueryError>>,
    timeout: Duration,
}

/// What waiting for a [`Running`] query gave.
pub enum Waited {
    /// The query ended (its worker is joined): its answer or its error.
    Done(Result<LimitedAnswer, QueryError>),
    /// Time ran out and the query was cancelled; its worker may still be running.
    TimedOut(Straggler),
}

/// The worker of a cancelled query that has not ended yet. Whoever holds it must join it
/// before the process exits (see [`run`]).
pub struct Straggler {
    worker: std::thread::JoinHandle<()>,
}

impl Straggler {
    /// Whether the worker has ended (joining it then does not block).
    pub fn is_finished(&self) -> bool {
        self.worker.is_finished()
    }

    /// Waits for the worker to end.
    pub fn join(self) {
        self.worker.join().ok();
    }

    /// Waits at most `grace` for the worker to end; gives it back if it has not.
    pub fn join_within(self, grace: Duration) -> Result<(), Straggler> {
        let given_up = std::time::Instant::now() + grace;
        while !self.worker.is_finished() && std::time::Instant::now() < given_up {
            std::thread::sleep(Duration::from_millis(5));
        }
        if self.worker.is_finished() {
            self.join();
            Ok(())
        } else {
            Err(self)
        }
    }
}

/// Parses `text` (a syntax error is returned at once) and starts evaluating it on a
/// thread of its own, reading at most `limits.max_rows` rows.
pub fn start(
    store: &Store,
    text: &str,
    limits: Limits,
    dataset: &Dataset,
) -> Result<Running, QueryError> {
    let token = CancellationToken::new();
    let mut prepared = prepare(
        SparqlEvaluator::new().with_cancellation_token(token.clone()),
        text,
    )?;
    if !dataset.default_graphs.is_empty() {
        let graphs = dataset.default_graphs.iter().cloned().map(Into::into);
        prepared.dataset_mut().set_default_graph(graphs.collect());
    }
    if !dataset.named_graphs.is_empty() {
        let graphs = dataset.named_graphs.iter().cloned().map(Into::into);
        prepared
            .dataset_mut()
            .set_available_named_graphs(graphs.collect());
    }
    let store = store.clone();
    let (send, receive) = mpsc::channel();
    let Limits { timeout, max_rows } = limits;
    let worker = std::thread::spawn(move || {
        let cancelled = |e: QueryEvaluationError| match e {
            QueryEvaluationError::Cancelled => QueryError::Timeout(timeout),
            e => QueryError::Evaluation(e),
        };
        // One more than the limit is read, to tell a cut answer from one that fits.
        let take = max_rows.map_or(usize::MAX, |m| m.saturating_add(1));
        let cut = |len: usize| max_rows.is_some_and(|m| len > m);
        let answer = (|| {
            Ok(
                match prepared.on_store(&store).execute().map_err(cancelled)? {
                    QueryResults::Solutions(solutions) => {
                        let variables = solutions
                            .variables()
                            .iter()
                            .map(|v| v.as_str().to_string())
                            .collect();
                        let mut rows = solutions
                            .take(take)
                            .collect::<Result<Vec<_>, _>>()
                            .map_err(cancelled)?;
                        let truncated = cut(rows.len());
                        rows.truncate(max_rows.unwrap_or(usize::MAX));
                        LimitedAnswer {
                            answer: Answer::Solutions { variables, rows },
                            truncated,
                        }
                    }
                    QueryResults::Boolean(b) => LimitedAnswer {
                        answer: Answer::Boolean(b),
                        truncated: false,
                    },
                    QueryResults::Graph(triples) => {
                        let mut triples = triples
                            .take(take)
                            .collect::<Result<Vec<_>, _>>()
                            .map_err(cancelled)?;
                        let truncated = cut(triples.len());
                        triples.truncate(max_rows.unwrap_or(usize::MAX));
                        LimitedAnswer {
                            answer: Answer::Graph(triples),
                            truncated,
                        }
                    }
                },
            )
        })();
        // The caller may have stopped waiting; then nobody needs the answer.
        send.send(answer).ok();
    });
    Ok(Running {
        token,
        worker,
        receive,
        timeout,
    })
}

impl Running {
    /// Waits until the query ends or its timeout has passed since this call; in the
    /// second case cancels it without waiting for the worker.
    pub fn wait(self) -> Waited {
        match self.receive.recv_timeout(self.timeout) {
            Ok(answer) => {
                self.worker.join().ok();
                Waited::Done(answer)
            }
            Err(_) => {
                self.token.cancel();
                Waited::TimedOut(Straggler {
                    worker: self.worker,
                })
            }
        }
    }
}

/// Parses `text` as a SPARQL update (with the vocabulary prefixes declared) and applies
/// it to `store` on a thread of its own, cancelled after `timeout`. Unlike a query, the
/// update is always waited for to the end, so that what is answered is what happened: a
/// cancelled update is rolled back.
pub fn update(store: &Store, text: &str, timeout: Duration) -> Result<(), QueryError> {
    let token = CancellationToken::new();
    let mut evaluator = SparqlEvaluator::new().with_cancellation_token(token.clone());
    for (prefix, ns) in PREFIXES {
        evaluator = evaluator
            .with_prefix(*prefix, *ns)
            .expect("vocabulary namespaces are valid IRIs");
    }
    let prepared = evaluator.parse_update(text)?;
    let store = store.clone();
    let worker = std::thread::spawn(move || prepared.on_store(&store).execute());
    let deadline = std::time::Instant::now() + timeout;
    let mut cancelled = false;
    while !worker.is_finished() {
        if !cancelled && std::time::Instant::now() >= deadline {
            token.cancel();
            cancelled = true;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    match worker.join() {
        Ok(Ok(())) => Ok(()),
        Ok(Err(_)) if cancelled => Err(QueryError::Timeout(timeout)),
        Ok(Err(e)) => Err(QueryError::Update(e.to_string())),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The placeholders (`?_NAME`) of a query, in order of first mention, without the `_`:
/// the parameters a canned query takes.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
        for (i, _) in line.match_indices(['?', '$']) {
            let Some(rest) = line[i + 1..].strip_prefix('_') else {
                continue;
            };
            let name: String = rest.chars().take_while(|c| is_var_char(*c)).collect();
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// How long a timed-out query may take to notice its cancellation before the caller
/// returns without it.
pub const CANCEL_GRACE: Duration = Duration::from_secs(5);

/// Parses `text` with the vocabulary prefixes declared and the union of all graphs as
/// the default graph.
fn prepare(
    mut evaluator: SparqlEvaluator,
    text: &str,
) -> Result<oxigraph::sparql::PreparedSparqlQuery, QueryError> {
    for (prefix, ns) in PREFIXES {
        evaluator = evaluator
            .with_prefix(*prefix, *ns)
            .expect("vocabulary namespaces are valid IRIs");
    }
    let mut prepared = evaluator.parse_query(text)?;
    prepared.dataset_mut().set_default_graph_as_union();
    Ok(prepared)
}

/// Runs `text` to the end and returns oxigraph's plan for it, with the rows and time
/// each step took, as JSON: what to read when a query is slow.
pub fn explain(store: &Store, text: &str) -> Result<String, QueryError> {
    let (results, explanation) = prepare(SparqlEvaluator::new(), text)?
        .on_store(store)
        .compute_statistics()
        .explain();
    // the statistics are only complete once every solution has been read
    match results? {
        QueryResults::Solutions(solutions) => {
            for s in solutions {
                s?;
            }
        }
        QueryResults::Graph(triples) => {
            for t in triples {
                t?;
            }
        }
        QueryResults::Boolean(_) => {}
    }
    let mut json = Vec::new();
    explanation
        .write_in_json(&mut json)
        .expect("writing to memory cannot fail");
    Ok(String::from_utf8_lossy(&json).into_owned())
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// Aligned columns for reading; IRIs shortened with the vocabulary prefixes.
    Table,
    Json,
    Csv,
    Tsv,
    Xml,
}

/// Prints an answer. CONSTRUCT and DESCRIBE results are printed as N-Triples whatever
/// the format.
pub fn write_answer(
    answer: &Answer,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    let results_format = match format {
        OutputFormat::Table => None,
        OutputFormat::Json => Some(QueryResultsFormat::Json),
        OutputFormat::Csv => Some(QueryResultsFormat::Csv),
        OutputFormat::Tsv => Some(QueryResultsFormat::Tsv),
        OutputFormat::Xml => Some(QueryResultsFormat::Xml),
    };
    match (answer, results_format) {
        (Answer::Graph(triples), _) => {
            for t in triples {
                writeln!(out, "{t} .")?;
            }
        }
        (Answer::Boolean(b), None) => writeln!(out, "{b}")?,
        (Answer::Boolean(b), Some(f)) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, *b)?;
            writeln!(out)?;
        }
        (Answer::Solutions { variables, rows }, Some(f)) => {
            let vars = variables
                .iter()
                .map(|v| oxigraph::sparql::Variable::new_unchecked(v.as_str()))
                .collect();
            let mut s = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(&mut *out, vars)?;
            for row in rows {
                s.serialize(row)?;
            }
            s.finish()?;
            if f == QueryResultsFormat::Json || f == QueryResultsFormat::Xml {
                writeln!(out)?;
            }
        }
        (Answer::Solutions { variables, rows }, None) => write_table(variables, rows, out)?,
    }
    Ok(())
}

/// A term as a reader wants it: a literal's value, an IRI shortened to `prefix:local`.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => {
            for (prefix, ns) in PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(ns) {
                    return format!("{prefix}:{local}");
                }
            }
            n.as_str().to_string()
        }
        other => other.to_string(),
    }
}

fn write_table(
    variables: &[String],
    rows: &[QuerySolution],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            variables
                .iter()
                .map(|v| row.get(v.as_str()).map(display_term).unwrap_or_default())
                .map(|s| s.replace(['\n', '\t'], " "))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = variables.iter().map(|v| width(v)).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(c));
        }
    }
    let line = |out: &mut dyn Write, cols: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in cols.iter().zip(&widths).enumerate() {
            if i + 1 < cols.len() {
                s.push_str(c);
                s.push_str(&" ".repeat(w - width(c) + 2));
            } else {
                s.push_str(c);
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, variables)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &rule)?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(out, "({} rows)", rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canned_query_parses_and_says_what_it_answers() {
        for q in CANNED {
            assert!(q.text.starts_with(&format!("# {}:", q.name)), "{}", q.name);
            let parsed = SparqlEvaluator::new().parse_query(q.text);
            assert!(parsed.is_ok(), "{}: {:?}", q.name, parsed.err());
            // Without parameters the lines using them go; what is left must parse too.
            let bare = bind_params(q.text, &[]).unwrap();
            let parsed = SparqlEvaluator::new().parse_query(&bare);
            assert!(
                parsed.is_ok(),
                "{} without parameters: {:?}",
                q.name,
                parsed.err()
            );
        }
    }

    #[test]
    fn params_replace_whole_placeholders_only() {
        let q = "SELECT * WHERE { ?s ?p ?_zone . ?s ?q ?_zones . FILTER(?x = $_zone) }";
        let b = bind_params(q, &[("zone".into(), "青禾\"区".into())]).unwrap();
        assert_eq!(b, "", "the line still mentions ?_zones, so it is dropped");
        let q = "SELECT * WHERE { ?s ?p ?_zone .\n FILTER(?x = $_zone) }\n FILTER(?y = ?_zones)";
        let b = bind_params(q, &[("zone".into(), "青禾\"区".into())]).unwrap();
        assert_eq!(
            b,
            "SELECT * WHERE { ?s ?p \"青禾\\\"区\" .\n FILTER(?x = \"青禾\\\"区\") }\n"
        );
        assert!(matches!(
            bind_params(q, &[("nope".into(), "x".into())]),
            Err(QueryError::UnknownParameter(_))
        ));
    }

    #[test]
    fn iri_values_become_iris() {
        assert!(matches!(
            param_term("https://w3id.org/zonekg/id/x"),
            Term::NamedNode(_)
        ));
        assert!(matches!(param_term("<urn:x>"), Term::NamedNode(_)));
        assert!(matches!(param_term("2023"), Term::Literal(_)));
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let store = Store::new().unwrap();
        let e = run(&store, "SELECT * WHERE {\n ?s ?p }", Duration::from_secs(5)).unwrap_err();
        let msg = e.to_string();
        assert!(matches!(e, QueryError::Syntax(_)));
        assert!(msg.contains("2:"), "{msg}");
    }

    #[test]
    fn canned_queries_bind_their_documented_parameters() {
        let leaders = canned("leaders").unwrap();
        let text = bind_params(
            leaders.text,
            &[("zone".into(), "某区".into()), ("at".into(), "2023".into())],
        )
        .unwrap();
        let store = Store::new().unwrap();
        assert!(matches!(
            run(&store, &text, Duration::from_secs(5)).unwrap(),
            Answer::Solutions { .. }
        ));
    }

    #[test]
    fn wide_chars_take_two_columns() {
        assert_eq!(width("高新区ab"), 8);
    }
}
