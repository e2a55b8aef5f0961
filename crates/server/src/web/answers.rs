//! The answers pages (to be written).

use axum::Router;

use crate::AppState;

/// The routes of these pages.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
}
