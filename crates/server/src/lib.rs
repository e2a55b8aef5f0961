//! `coherence serve`: the HTTP API of Coherence.
//!
//! JSON over HTTP under `/api/v1`, described by an OpenAPI 3.1 document generated from
//! the handlers themselves (`/api/v1/openapi.json`, and a page that reads it at
//! `/api/v1/docs`). Every handler calls the application API (`analysis`) or the store;
//! nothing here computes a figure. See `docs/api.md`.
//!
//! * [`auth`]: who calls (sessions, API tokens, passwords).
//! * `access`: what a role may do in a workspace; the one place permissions are decided.
//! * `routes`: the handlers, one module per resource.
//! * `http`: security headers, CSRF checks, body and time limits.
//!
//! This is the only crate that knows axum (the tidy check's owner rules).

mod access;
pub mod admin;
pub mod auth;
mod cache;
mod error;
mod http;
mod jobs;
mod routes;
mod web;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use error::{ApiError, Kind};

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// Whether cookies are `Secure` (and named `__Host-…`). On by default; off only for
    /// plain-HTTP development on the loopback address.
    pub secure_cookies: bool,
    /// A session ends after this long unused.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, used or not.
    pub session_absolute: Duration,
    /// The largest request body (an upload), in bytes.
    pub body_limit: usize,
    /// The longest a request may take before it is answered 503 (jobs run on).
    pub request_timeout: Duration,
    /// Failed sign-ins in a row that lock an account.
    pub max_failed_logins: i64,
    /// How long a locked account stays locked.
    pub lock_out: Duration,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            secure_cookies: true,
            session_idle: Duration::from_secs(2 * 60 * 60),
            session_absolute: Duration::from_secs(12 * 60 * 60),
            body_limit: 256 * 1024 * 1024,
            request_timeout: Duration::from_secs(60),
            max_failed_logins: 5,
            lock_out: Duration::from_secs(15 * 60),
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// The application API on the store.
    pub(crate) app: analysis::Workspace,
    /// How the server runs.
    pub(crate) config: Arc<Config>,
    /// Failed sign-ins per address.
    pub(crate) logins: Arc<auth::LoginLimiter>,
    /// Profiles and briefs computed from the current data.
    pub(crate) cache: Arc<cache::Cache>,
    /// What each user may not read of governments' work, for the current data.
    pub(crate) withheld: Arc<cache::WithheldCache>,
    /// When each session or token was last marked used, so that a busy client does not
    /// write the store on every request.
    touched: Arc<Mutex<HashMap<String, Instant>>>,
}

impl AppState {
    /// The state of a server on `app`.
    pub fn new(app: analysis::Workspace, config: Config) -> AppState {
        AppState {
            app,
            config: Arc::new(config),
            logins: Arc::default(),
            cache: Arc::default(),
            withheld: Arc::default(),
            touched: Arc::default(),
        }
    }

    /// Prepares the store for serving: every job left `queued` or `running` by a server
    /// that stopped (killed, say) is marked `failed` with the error `interrupted`. Call it
    /// once, before serving. Returns how many were marked.
    ///
    /// # Errors
    /// If the store cannot be written.
    pub async fn start_up(&self) -> Result<u64, store::Error> {
        let n = self.store().jobs_interrupt().await?;
        if n > 0 {
            tracing::warn!(jobs = n, "jobs left unfinished by a stopped server marked interrupted");
        }
        Ok(n)
    }

    /// The store.
    pub(crate) fn store(&self) -> &store::Store {
        self.app.store()
    }

    /// Whether the session or token `key` should be marked used now (at most once a
    /// minute).
    pub(crate) fn touch_due(&self, key: &str) -> bool {
        let mut map = self.touched.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = Instant::now();
        if map.len() > 100_000 {
            map.retain(|_, t| now.duration_since(*t) < Duration::from_secs(60));
        }
        match map.get(key) {
            Some(t) if now.duration_since(*t) < Duration::from_secs(60) => false,
            _ => {
                map.insert(key.to_owned(), now);
                true
            }
        }
    }
}

/// The server's router and its OpenAPI document.
pub fn router(state: AppState) -> (axum::Router, utoipa::openapi::OpenApi) {
    let (api, doc) = routes::api().split_for_parts();
    let doc = routes::document(doc);
    let doc_json = Arc::new(doc.to_pretty_json().unwrap_or_default());
    let api = api.merge(routes::docs::router(doc_json)).merge(web::router());
    (http::layers(api, &state).with_state(state), doc)
}

/// Every route of the web workspace's pages: (method, path in axum's syntax).
pub fn page_routes() -> Vec<(&'static str, &'static str)> {
    web::routes()
}

/// The OpenAPI document of the API, as served at `/api/v1/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    routes::document(routes::api().split_for_parts().1)
}

/// Serves the API on `listener` until `shutdown` completes. Jobs found unfinished in the
/// store (a server killed while they ran) are first marked interrupted.
///
/// # Errors
/// If the store cannot be written or the listener fails.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (router, _) = router(state);
    let service = router.into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown).await
}
