//! Helpers shared by Coherence's tests. Used only as a dev-dependency.
//!
//! [`shared_data`] is the one way a test reaches the real public datasets kept beside
//! the checkout in `../shared/data` (never copied into the repository). When that
//! folder is absent, the test is skipped with a visible message — except under
//! `CI=true`, where its absence is a failure, so CI can never pass by skipping.

#![allow(clippy::print_stderr, reason = "the skip message must be visible in test output")]

pub mod hostile;
mod store;

pub use store::{STORE_ENV, on_postgres, sqlite_only, store_arg};

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

/// A fresh, empty PostgreSQL database for one test, created from the administrator URL in
/// `COHERENCE_TEST_POSTGRES` (e.g. `postgres://postgres@localhost/postgres?host=/tmp/pg`,
/// as `scripts/postgres-for-tests.sh start` prints it) and dropped when the value is
/// dropped. Created and dropped with `psql`, so that tests need no database driver.
#[derive(Debug)]
pub struct PostgresDb {
    admin: String,
    name: String,
    url: String,
}

impl PostgresDb {
    /// The database's URL, for `--db` or `store::Location::parse`.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for PostgresDb {
    fn drop(&mut self) {
        // Best effort: a database left behind by a crashed test goes with the server.
        let _ = psql(&self.admin, &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
    }
}

/// The environment variable holding the PostgreSQL administrator URL for tests.
pub const POSTGRES_ENV: &str = "COHERENCE_TEST_POSTGRES";

/// A fresh, empty PostgreSQL database named `coherence_t_<pid>_<counter>` (see
/// [`PostgresDb`]).
///
/// Returns `None`, after printing `SKIPPED: PostgreSQL (set COHERENCE_TEST_POSTGRES)`, when
/// the variable is absent outside CI.
///
/// # Panics
/// Panics when the variable is absent under `CI=true`, or when the database cannot be
/// created.
#[track_caller]
pub fn postgres_db() -> Option<PostgresDb> {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let Some(admin) = std::env::var(POSTGRES_ENV).ok().filter(|v| !v.is_empty()) else {
        assert!(
            !under_ci(),
            "{POSTGRES_ENV} is not set, and CI=true: the PostgreSQL tests must run"
        );
        eprintln!("SKIPPED: PostgreSQL (set {POSTGRES_ENV})");
        return None;
    };
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("coherence_t_{}_{n}", std::process::id());
    if let Err(e) = psql(&admin, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .and_then(|()| psql(&admin, &format!("CREATE DATABASE {name}")))
    {
        panic!("cannot create the test database {name} with {POSTGRES_ENV}: {e}");
    }
    let url = with_database(&admin, &name);
    Some(PostgresDb { admin, name, url })
}

/// `url` with its database (the path after the host) replaced by `name`.
pub(crate) fn with_database(url: &str, name: &str) -> String {
    let start = url.find("://").map_or(0, |i| i + 3);
    let path = url[start..].find('/').map(|i| start + i);
    let query = url[start..].find('?').map(|i| start + i);
    match (path, query) {
        (Some(p), Some(q)) if p < q => format!("{}/{name}{}", &url[..p], &url[q..]),
        (Some(p), None) => format!("{}/{name}", &url[..p]),
        (_, Some(q)) => format!("{}/{name}{}", &url[..q], &url[q..]),
        (None, None) => format!("{url}/{name}"),
    }
}

/// Runs one SQL command with `psql` on `url`.
pub(crate) fn psql(url: &str, sql: &str) -> Result<(), String> {
    let out = std::process::Command::new("psql")
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql])
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("cannot run psql: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn the_database_of_a_url_is_replaced() {
        assert_eq!(
            with_database("postgres://postgres@localhost/postgres?host=/tmp/x", "t1"),
            "postgres://postgres@localhost/t1?host=/tmp/x"
        );
        assert_eq!(with_database("postgres://u@h:5432/db", "t2"), "postgres://u@h:5432/t2");
        assert_eq!(with_database("postgres://u@h", "t3"), "postgres://u@h/t3");
    }
}
