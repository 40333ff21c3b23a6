//! `/sparql`: the SPARQL 1.1 Protocol.
//!
//! - a query by GET (`?query=`), by POST of a form (`query=`) or of the query itself
//!   (`Content-Type: application/sparql-query`); `default-graph-uri` and
//!   `named-graph-uri` choose the dataset (else the default graph is the union of all
//!   graphs, as in `zonekg query`); zonekg's prefixes are predeclared;
//! - a canned query by name, its parameters as further fields:
//!   `/sparql?canned=leaders&zone=青禾高新区`;
//! - an update by POST (`update=` or `application/sparql-update`): 403 unless the
//!   server was started with `--allow-update`;
//! - answers in the format `Accept` (or a `format` field) asks for; a browser gets the
//!   editor page with the answer as a table, and `/sparql` with no query is that editor.
//!
//! Errors: 400 for a syntax error (with its line and column) or a bad parameter, 403 for
//! a refused update, 406 when no asked format fits the answer, 415 for an unknown body
//! type, 503 when the query was cancelled at the timeout or the server is busy. An answer
//! cut at `--max-rows` says so in the `X-Results-Truncated` header.

use super::exec::{App, ExecError};
use super::negotiate::{self, Format};
use super::{pages, results};
use crate::query::{self, Answer, Dataset, QueryError};
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use oxigraph::model::NamedNode;
use std::sync::Arc;

/// The header that says an answer was cut, and at how many rows.
pub const TRUNCATED_HEADER: &str = "x-results-truncated";

/// What a request asks for, read from its query string and body.
#[derive(Debug, Default)]
pub struct Request {
    pub query: Option<String>,
    pub update: Option<String>,
    pub canned: Option<String>,
    /// Fields that are not protocol fields: a canned query's parameters.
    pub params: Vec<(String, String)>,
    pub dataset: Dataset,
    pub format: Option<String>,
    /// `edit=NAME`: open the editor with that canned query's text.
    pub edit: Option<String>,
}

/// A failed request: its status and what to tell the client.
#[derive(Debug)]
pub struct Failure {
    pub status: StatusCode,
    pub message: String,
}

impl Failure {
    fn new(status: StatusCode, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }
}

impl From<ExecError> for Failure {
    fn from(e: ExecError) -> Failure {
        let status = match &e {
            ExecError::Query(QueryError::Syntax(_))
            | ExecError::Query(QueryError::UnknownParameter(_))
            | ExecError::Query(QueryError::BadParameter(_))
            | ExecError::Query(QueryError::Update(_)) => StatusCode::BAD_REQUEST,
            ExecError::Query(QueryError::Timeout(_)) | ExecError::Busy(_) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let message = match &e {
            ExecError::Query(QueryError::Timeout(t)) => format!(
                "query cancelled: it ran longer than the server's timeout of {} s (--timeout)",
                t.as_secs_f64()
            ),
            e => e.to_string(),
        };
        Failure { status, message }
    }
}

impl Request {
    /// Reads the protocol fields from the URL's query string and, for POST, the body.
    pub fn parse(
        raw_query: Option<&str>,
        content_type: Option<&str>,
        body: &[u8],
        is_post: bool,
    ) -> Result<Request, Failure> {
        let mut fields: Vec<(String, String)> = raw_query
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        let mut request = Request::default();
        if is_post {
            let media = content_type
                .and_then(|c| c.split(';').next())
                .map(|c| c.trim().to_ascii_lowercase())
                .unwrap_or_default();
            let text = || {
                String::from_utf8(body.to_vec())
                    .map_err(|_| Failure::new(StatusCode::BAD_REQUEST, "the body is not UTF-8"))
            };
            match media.as_str() {
                "application/x-www-form-urlencoded" => {
                    fields.extend(form_urlencoded::parse(body).into_owned());
                }
                "application/sparql-query" => request.query = Some(text()?),
                "application/sparql-update" => request.update = Some(text()?),
                other => {
                    return Err(Failure::new(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!(
                            "cannot read a body of type {other:?}: send \
                             application/x-www-form-urlencoded, application/sparql-query \
                             or application/sparql-update"
                        ),
                    ))
                }
            }
        }
        for (name, value) in fields {
            let once = |slot: &mut Option<String>, value: String| {
                if slot.replace(value).is_some() {
                    Err(Failure::new(
                        StatusCode::BAD_REQUEST,
                        format!("`{name}` is given more than once"),
                    ))
                } else {
                    Ok(())
                }
            };
            match name.as_str() {
                "query" => once(&mut request.query, value)?,
                "update" if is_post => once(&mut request.update, value)?,
                "update" => {
                    return Err(Failure::new(
                        StatusCode::BAD_REQUEST,
                        "an update must be sent by POST",
                    ))
                }
                "canned" => once(&mut request.canned, value)?,
                "format" | "output" => once(&mut request.format, value)?,
                "edit" => once(&mut request.edit, value)?,
                "default-graph-uri" => request.dataset.default_graphs.push(graph(&name, &value)?),
                "named-graph-uri" => request.dataset.named_graphs.push(graph(&name, &value)?),
                "using-graph-uri" | "using-named-graph-uri" => {
                    return Err(Failure::new(
                        StatusCode::BAD_REQUEST,
                        format!("`{name}` is not supported: name the graphs in the update"),
                    ))
                }
                _ => request.params.push((name, value)),
            }
        }
        Ok(request)
    }

    /// The SPARQL text to run: the query, or the canned query with its parameters bound.
    /// Fields other than the protocol's are parameters only for a canned query (clients
    /// add fields of their own, which a plain query ignores).
    pub fn query_text(&self) -> Result<Option<String>, Failure> {
        match (&self.query, &self.canned) {
            (Some(_), Some(_)) => Err(Failure::new(
                StatusCode::BAD_REQUEST,
                "give either `query` or `canned`, not both",
            )),
            (Some(q), None) => Ok(Some(q.clone())),
            (None, Some(name)) => {
                let canned = query::canned(name.trim()).ok_or_else(|| {
                    let known: Vec<&str> = query::CANNED.iter().map(|q| q.name).collect();
                    Failure::new(
                        StatusCode::NOT_FOUND,
                        format!(
                            "no canned query named {name:?}; there are: {}",
                            known.join(", ")
                        ),
                    )
                })?;
                // An empty field is a parameter not given (as an empty form input sends).
                let params: Vec<(String, String)> = self
                    .params
                    .iter()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .cloned()
                    .collect();
                query::bind_params(canned.text, &params)
                    .map(Some)
                    .map_err(|e| Failure::new(StatusCode::BAD_REQUEST, e.to_string()))
            }
            (None, None) => Ok(None),
        }
    }
}

fn graph(field: &str, value: &str) -> Result<NamedNode, Failure> {
    NamedNode::new(value.trim()).map_err(|e| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            format!("`{field}` is not an IRI: {e}"),
        )
    })
}

/// Whether the client is a browser that wants a page (it lists HTML before anything
/// the protocol offers).
fn wants_html(headers: &HeaderMap, format: Option<&str>) -> bool {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .map(str::to_string);
    negotiate::choose(accept.as_deref(), format, negotiate::SOLUTION_FORMATS) == Some(Format::Html)
}

/// Marks the response to an update: it is not shared with other origins.
#[derive(Debug, Clone, Copy)]
struct UpdateAnswer;

/// The `/sparql` handler, for GET and POST. Answers to queries may be read by pages of
/// any origin (a YASGUI page, a notebook in a browser), as public SPARQL endpoints
/// allow; answers to updates may not.
pub async fn handle(
    state: State<Arc<App>>,
    method: axum::http::Method,
    headers: HeaderMap,
    raw_query: RawQuery,
    body: Bytes,
) -> Response {
    let mut response = answer(state, method, headers, raw_query, body).await;
    if response.extensions().get::<UpdateAnswer>().is_none() {
        response.headers_mut().insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
    }
    response
}

/// `OPTIONS /sparql`: a browser asking whether another origin may send a query with a
/// body type of the protocol's. A server that accepts updates says no: a page of
/// another site must not write to the store.
pub async fn preflight(State(app): State<Arc<App>>) -> Response {
    if app.config.allow_update {
        return StatusCode::NO_CONTENT.into_response();
    }
    (
        StatusCode::NO_CONTENT,
        [
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            (header::ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS"),
            (header::ACCESS_CONTROL_ALLOW_HEADERS, "Accept, Content-Type"),
            (header::ACCESS_CONTROL_MAX_AGE, "3600"),
        ],
    )
        .into_response()
}

async fn answer(
    State(app): State<Arc<App>>,
    method: axum::http::Method,
    headers: HeaderMap,
    RawQuery(raw_query): RawQuery,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|c| c.to_str().ok());
    let request = match Request::parse(
        raw_query.as_deref(),
        content_type,
        &body,
        method == axum::http::Method::POST,
    ) {
        Ok(r) => r,
        Err(f) => return failure(&headers, None, f),
    };
    let html = wants_html(&headers, request.format.as_deref());
    if request.update.is_some() {
        let mut response = update(&app, &headers, &request).await;
        response.extensions_mut().insert(UpdateAnswer);
        return response;
    }
    let text = match request.query_text() {
        Ok(Some(text)) => text,
        Ok(None) if html => return pages::editor::page(&request, None, None),
        Ok(None) => {
            let f = Failure::new(
                StatusCode::BAD_REQUEST,
                "no query: give `query`, `canned` or (by POST) `update`; open /sparql in a \
                 browser for the editor",
            );
            return failure(&headers, None, f);
        }
        Err(f) => return failure(&headers, Some(&request), f),
    };
    let answer = match app.query(text.clone(), request.dataset.clone()).await {
        Ok(a) => a,
        Err(e) => return failure(&headers, Some(&request), e.into()),
    };
    let offered = match answer.answer {
        Answer::Graph(_) => negotiate::GRAPH_FORMATS,
        _ => negotiate::SOLUTION_FORMATS,
    };
    let accept = headers.get(header::ACCEPT).and_then(|a| a.to_str().ok());
    let Some(format) = negotiate::choose(accept, request.format.as_deref(), offered) else {
        let names: Vec<&str> = offered.iter().map(|f| f.media_type()).collect();
        let f = Failure::new(
            StatusCode::NOT_ACCEPTABLE,
            format!("this answer can be sent as: {}", names.join(", ")),
        );
        return failure(&headers, None, f);
    };
    let max_rows = app.config.max_rows.unwrap_or(usize::MAX);
    if format == Format::Html {
        return pages::editor::page(&request, Some((&text, &answer)), None);
    }
    let truncated = answer.truncated;
    let written = tokio::task::spawn_blocking(move || results::write(&answer.answer, format)).await;
    match written {
        Ok(Ok(bytes)) => {
            let mut response =
                ([(header::CONTENT_TYPE, format.media_type())], bytes).into_response();
            if truncated {
                response.headers_mut().insert(
                    TRUNCATED_HEADER,
                    HeaderValue::from_str(&format!("max-rows={max_rows}"))
                        .expect("a number is a header value"),
                );
            }
            response
        }
        _ => failure(
            &headers,
            None,
            Failure::new(StatusCode::INTERNAL_SERVER_ERROR, "cannot write the answer"),
        ),
    }
}

/// An update: refused unless the server was started with `--allow-update`.
async fn update(app: &Arc<App>, headers: &HeaderMap, request: &Request) -> Response {
    let update = request.update.as_ref().expect("an update");
    if request.query.is_some() || request.canned.is_some() {
        let f = Failure::new(
            StatusCode::BAD_REQUEST,
            "give a query or an update, not both",
        );
        return failure(headers, None, f);
    }
    if !app.config.allow_update {
        let f = Failure::new(
            StatusCode::FORBIDDEN,
            "updates are refused: this server is read-only (start it with --allow-update \
             to accept them)",
        );
        return failure(headers, None, f);
    }
    match app.update(update.clone()).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => failure(headers, None, e.into()),
    }
}

/// The failure as plain text, or, for a browser, as the editor page with the message.
fn failure(headers: &HeaderMap, request: Option<&Request>, f: Failure) -> Response {
    if let Some(request) = request.filter(|r| wants_html(headers, r.format.as_deref())) {
        return pages::editor::page(request, None, Some(&f));
    }
    let mut response = (
        f.status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{}\n", f.message),
    )
        .into_response();
    if f.status == StatusCode::SERVICE_UNAVAILABLE {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}
