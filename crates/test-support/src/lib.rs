//! Helpers shared by Coherence's tests. Used only as a dev-dependency.
//!
//! [`shared_data`] is the one way a test reaches the real public datasets kept beside
//! the checkout in `../shared/data` (never copied into the repository). When that
//! folder is absent, the test is skipped with a visible message — except under
//! `CI=true`, where its absence is a failure, so CI can never pass by skipping.

#![allow(clippy::print_stderr, reason = "the skip message must be visible in test output")]

pub mod hostile;

use std::path::{Path, PathBuf};

/// The folder holding the shared datasets: `$COHERENCE_SHARED_DATA` if set, otherwise
/// `shared/data` beside the repository's checkout.
pub fn shared_data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("COHERENCE_SHARED_DATA") {
        return PathBuf::from(dir);
    }
    workspace_root().join("..").join("shared").join("data")
}

/// The repository's root folder.
pub fn workspace_root() -> PathBuf {
    // This crate lives in `<root>/crates/test-support`.
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..")
}

/// Whether the test runs under CI (`CI=true`).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The path of a file (or folder) under the shared data folder, e.g.
/// `shared_data("undesa_ims_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv")`.
///
/// Returns `None`, after printing a skip message, when the shared data folder is absent
/// outside CI.
///
/// # Panics
/// Panics when the folder is absent under `CI=true`, or when the folder is present but
/// the file is not (a renamed or missing file must never turn into a silent skip).
#[track_caller]
pub fn shared_data(relative: &str) -> Option<PathBuf> {
    let dir = shared_data_dir();
    if !dir.is_dir() {
        assert!(
            !under_ci(),
            "shared data folder {} is missing, and CI=true: tests that need real data must run",
            dir.display()
        );
        eprintln!(
            "SKIPPED: shared data folder {} is absent, so this test did not run ({relative})",
            dir.display()
        );
        return None;
    }
    let path = dir.join(relative);
    assert!(path.exists(), "{} is missing from the shared data folder", path.display());
    Some(path)
}

/// Asserts that `actual` is within `rel` relative (or `abs` absolute) distance of
/// `expected`, naming `what` in the failure message.
#[track_caller]
pub fn assert_close(what: &str, actual: f64, expected: f64, rel: f64, abs: f64) {
    let diff = (actual - expected).abs();
    let ok = diff <= abs || diff <= rel * expected.abs().max(actual.abs());
    assert!(ok, "{what}: got {actual}, expected {expected} (difference {diff:e})");
}
