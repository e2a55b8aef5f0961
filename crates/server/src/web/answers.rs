//! The answers pages (to be written).

use crate::web::Pages;

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
}
