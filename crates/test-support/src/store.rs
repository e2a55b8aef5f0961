//! The store a CLI test runs on: the SQLite file it names, or, under
//! `COHERENCE_TEST_STORE=postgres`, a PostgreSQL database of its own for each such file.
//!
//! A test names its stores by file path as always and passes [`store_arg`] of the path to
//! `--db`. On PostgreSQL each distinct path maps to a fresh database
//! `coherence_s_<pid>_<hash of the path>`, created on first use from the administrator URL
//! in `COHERENCE_TEST_POSTGRES`. A database is dropped once the folder holding its path is
//! gone (the test's temporary folder was removed), or, when its test process has ended, by
//! the next test process; those of the last process stay on the throwaway server.
//! Tests whose subject is the SQLite file itself call [`sqlite_only`] first.

use std::collections::HashMap;
use std::ffi::OsString;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::{POSTGRES_ENV, psql, with_database};

/// The environment variable choosing the database of the CLI's tests: `postgres`, or
/// absent (SQLite files).
pub const STORE_ENV: &str = "COHERENCE_TEST_STORE";

/// The prefix of the databases made by [`store_arg`].
const PREFIX: &str = "coherence_s_";

/// Whether the tests run their stores on PostgreSQL (`COHERENCE_TEST_STORE=postgres`).
pub fn on_postgres() -> bool {
    std::env::var(STORE_ENV).is_ok_and(|v| v == "postgres")
}

/// Whether a test about the SQLite file itself must be skipped (on PostgreSQL): if so,
/// prints `SKIPPED on PostgreSQL: <reason>`. Use as
/// `if test_support::sqlite_only("…") { return; }`.
pub fn sqlite_only(reason: &str) -> bool {
    let skip = on_postgres();
    if skip {
        eprintln!("SKIPPED on PostgreSQL: {reason}");
    }
    skip
}

/// The `--db` argument for the store a test keeps at `path`: the path itself, or, on
/// PostgreSQL, the URL of the database this path maps to (created on first use).
///
/// # Panics
/// Panics on PostgreSQL when `COHERENCE_TEST_POSTGRES` is not set or the database cannot
/// be created.
pub fn store_arg(path: &Path) -> OsString {
    if !on_postgres() {
        return path.as_os_str().to_owned();
    }
    let admin = std::env::var(POSTGRES_ENV)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| panic!("{STORE_ENV}=postgres needs {POSTGRES_ENV} (an admin URL)"));
    OsString::from(with_database(&admin, &database_for(&admin, path)))
}

/// The stores made by this process: path → database name.
static MADE: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);

/// The database of `path`, created (after dropping finished tests' databases) if new.
fn database_for(admin: &str, path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut made = MADE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let first = made.is_none();
    let made = made.get_or_insert_with(HashMap::new);
    if let Some(name) = made.get(&absolute) {
        return name.clone();
    }
    if first && Path::new("/proc/self").exists() {
        drop_dead_processes(admin);
    }
    made.retain(|p, name| p.parent().is_some_and(Path::exists) || !drop_database(admin, name));
    let name = format!("{PREFIX}{}_{:016x}", std::process::id(), hash(&absolute));
    if let Err(e) = drop_database_sql(admin, &name)
        .and_then(|()| psql(admin, &format!("CREATE DATABASE {name}")))
    {
        panic!("cannot create the test store {name} for {}: {e}", path.display());
    }
    made.insert(absolute, name.clone());
    name
}

/// A stable hash of a path.
fn hash(path: &Path) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    path.hash(&mut hasher);
    hasher.finish()
}

/// Drops the test stores of processes that have ended (best effort).
fn drop_dead_processes(admin: &str) {
    let sql = format!("SELECT datname FROM pg_database WHERE datname LIKE '{PREFIX}%'");
    let Ok(names) = psql_rows(admin, &sql) else { return };
    for name in names {
        let pid = name.strip_prefix(PREFIX).and_then(|rest| rest.split('_').next());
        if pid.is_some_and(|pid| !Path::new("/proc").join(pid).exists()) {
            drop_database(admin, &name);
        }
    }
}

/// Drops a database (best effort); whether it is gone.
fn drop_database(admin: &str, name: &str) -> bool {
    drop_database_sql(admin, name).is_ok()
}

/// `DROP DATABASE IF EXISTS name WITH (FORCE)`.
fn drop_database_sql(admin: &str, name: &str) -> Result<(), String> {
    psql(admin, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
}

/// The rows (one column) of a query run with `psql`.
fn psql_rows(url: &str, sql: &str) -> Result<Vec<String>, String> {
    let out = std::process::Command::new("psql")
        .args(["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql])
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("cannot run psql: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn on_sqlite_the_store_is_the_path_itself() {
        if super::on_postgres() {
            return;
        }
        let path = Path::new("/tmp/some folder/w.sqlite");
        assert_eq!(super::store_arg(path), path.as_os_str());
        assert!(!super::sqlite_only("a test of the file"));
    }
}
