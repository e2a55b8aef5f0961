//! The register pages of the web workspace: their rows of the pages' permission matrix
//! (`pages.rs`) and their tests.

#[allow(unused_imports, reason = "the rows use these as they are added")]
use crate::pages::{D, F, N, PageRule, S};

/// The rows of these pages.
#[rustfmt::skip]
pub const PAGES: &[PageRule] = &[];
