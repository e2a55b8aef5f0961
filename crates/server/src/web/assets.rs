//! The pages' own static files: the style sheets and the small script, embedded in the
//! binary. Nothing third-party, nothing from another site.

use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::web::Pages;

/// The workspace's style sheet.
pub(crate) const APP_CSS: &str = include_str!("static/app.css");
/// The workspace's script: live progress, the workshop's tracker, inline validation.
pub(crate) const APP_JS: &str = include_str!("static/app.js");

/// Adds the routes of the static files.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/static/app.css", || async { file("text/css; charset=utf-8", APP_CSS) })
        .get("/static/brief.css", || async { file("text/css; charset=utf-8", report::brief::CSS) })
        .get("/static/app.js", || async { file("text/javascript; charset=utf-8", APP_JS) })
}

fn file(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=3600")], body)
        .into_response()
}
