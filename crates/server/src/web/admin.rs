//! The admin pages (being written).

use axum::Router;

use crate::AppState;

/// The routes of these pages.
pub(crate) fn router() -> Router<AppState> {
    Router::new()
}
