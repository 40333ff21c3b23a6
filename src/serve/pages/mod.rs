//! The explorer's pages, one file each: the home page with its search ([`home`]), a
//! zone ([`zone`]), an official ([`official`]), the leadership and meeting graphs
//! ([`graph`]), the sentence behind a fact ([`evidence`]) and the SPARQL editor
//! ([`editor`]). Each gathers its data on a worker thread and renders HTML.

pub mod editor;
pub mod evidence;
pub mod graph;
pub mod home;
pub mod official;
pub mod zone;

use super::exec::ExecError;
use super::html;
use axum::http::StatusCode;
use axum::response::Response;

/// Any path the server does not know.
pub async fn not_found() -> Response {
    html::error_page(StatusCode::NOT_FOUND, "找不到页面", "没有这个页面。")
}

/// The page for a store that could not be read, or a busy server.
pub fn exec_failure(e: ExecError) -> Response {
    let status = match e {
        ExecError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
        ExecError::Query(crate::query::QueryError::Timeout(_)) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let message = match status {
        StatusCode::SERVICE_UNAVAILABLE => format!("服务器繁忙或查询超时，请稍后再试。（{e}）"),
        _ => format!("读取知识库失败：{e}"),
    };
    html::error_page(status, "暂时无法显示", &message)
}
