//! The pages' own static files: the style sheets and the small script, embedded in the
//! binary. Nothing third-party, nothing from another site.

use axum::Router;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::AppState;

/// The workspace's style sheet.
pub(crate) const APP_CSS: &str = include_str!("static/app.css");
/// The workspace's script: live progress, the workshop's tracker, inline validation.
pub(crate) const APP_JS: &str = include_str!("static/app.js");

/// The routes of the static files.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/static/app.css", get(|| async { file("text/css; charset=utf-8", APP_CSS) }))
        .route(
            "/static/brief.css",
            get(|| async { file("text/css; charset=utf-8", report::brief::CSS) }),
        )
        .route("/static/app.js", get(|| async { file("text/javascript; charset=utf-8", APP_JS) }))
}

fn file(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=3600")], body)
        .into_response()
}
