//! The workspace pages (being written).

use crate::web::Pages;

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
}
