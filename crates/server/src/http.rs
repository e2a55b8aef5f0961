//! What wraps every route: security headers, the CSRF checks of cookie-authenticated
//! writes, the body and time limits, the request log (method, path, status and time;
//! never headers, query strings or bodies, so no password, token or cookie), and the
//! 404 of unknown paths (JSON under `/api`, a page elsewhere).

use std::time::Instant;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::Method;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::AppState;
use crate::auth::{cookie, cookie_name};
use crate::error::{ApiError, Kind};

/// The headers every response carries. The pages have no inline script, so the policy
/// allows scripts and styles from the server itself only.
const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("cache-control", "no-store"),
];

/// `router` with every layer, on `state`.
pub(crate) fn layers(router: axum::Router<AppState>, state: &AppState) -> axum::Router<AppState> {
    let mut router = router
        .fallback(not_found)
        .layer(middleware::from_fn(crate::web::lang::choose))
        .layer(middleware::from_fn(plain_errors_as_json))
        .layer(middleware::from_fn_with_state(state.clone(), csrf))
        .layer(middleware::from_fn_with_state(state.clone(), deadline))
        .layer(DefaultBodyLimit::max(state.config.body_limit));
    for (name, value) in SECURITY_HEADERS {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    router.layer(middleware::from_fn(log))
}

/// Gives the API's error shape to the plain-text errors of the web framework's extractors
/// (a path or query string that cannot be parsed, a missing content type): the answer's
/// status is kept, its text becomes the message.
async fn plain_errors_as_json(request: Request, next: Next) -> Response {
    let api = is_api(request.uri().path());
    let response = next.run(request).await;
    let status = response.status();
    let plain = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    if !(status.is_client_error() || status.is_server_error()) || !plain {
        return response;
    }
    let kind = match status.as_u16() {
        401 => Kind::Unauthenticated,
        403 => Kind::Forbidden,
        404 | 405 => Kind::NotFound,
        409 => Kind::Conflict,
        413 => Kind::TooLarge,
        400..=499 => Kind::InvalidInput,
        _ => Kind::Internal,
    };
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024).await.unwrap_or_default();
    let mut error = if kind == Kind::Internal {
        ApiError::hidden(kind, &String::from_utf8_lossy(&body))
    } else {
        ApiError::new(kind, String::from_utf8_lossy(&body).trim().to_owned())
    };
    if kind == Kind::TooLarge {
        error = error.on("body_limit");
    }
    let mut response =
        if api { error.into_response() } else { crate::web::layout::error_page(&error) };
    *response.status_mut() = status;
    response
}

/// Whether `path` is the API's (JSON errors) rather than a page's (HTML errors).
fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

async fn not_found(request: Request) -> Response {
    if is_api(request.uri().path()) {
        ApiError::new(Kind::NotFound, "no such path in the API; see /api/v1/docs").into_response()
    } else {
        crate::web::layout::error_page(&ApiError::new(Kind::NotFound, "there is no such page"))
    }
}

/// Logs each request's method, path, status and duration.
async fn log(request: Request, next: Next) -> Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let started = Instant::now();
    let response = next.run(request).await;
    tracing::info!(
        %method,
        path = %path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}

/// Answers 503 (in the API's error shape) when a request takes longer than the limit.
async fn deadline(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(state.config.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::new(
            Kind::Unavailable,
            "the request took longer than the server allows; long work runs as a job",
        )
        .into_response(),
    }
}

/// Refuses a write that carries the session cookie unless the browser says it comes from
/// this site: `Sec-Fetch-Site: same-origin` (or `none`, typed by the user), or, from
/// browsers that do not send that header, an `Origin` equal to the request's host.
/// Requests with an API token (no cookie is used) and reads pass.
async fn csrf(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let (parts, body) = request.into_parts();
    let bearer = parts.headers.contains_key(header::AUTHORIZATION);
    let has_cookie = cookie(&parts, cookie_name(state.config.secure_cookies)).is_some();
    if !safe && has_cookie && !bearer && !same_site(&parts.headers) {
        return ApiError::new(
            Kind::Forbidden,
            "a write with the session cookie must come from this site's own pages \
             (Sec-Fetch-Site or Origin); scripts use an API token",
        )
        .into_response();
    }
    next.run(Request::from_parts(parts, body)).await
}

/// Whether the browser's headers say the request comes from this site.
fn same_site(headers: &axum::http::HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let (Some(origin), Some(host)) = (headers.get(header::ORIGIN), headers.get(header::HOST))
    else {
        return false;
    };
    let origin = origin.to_str().unwrap_or("");
    let host = host.to_str().unwrap_or("-");
    origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://")) == Some(host)
}
