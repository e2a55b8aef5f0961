//! Writes that fail for reasons outside Coherence: a full disk, a read-only file or
//! folder (or a read-only session), an input/output error. They are reported as
//! [`Error::Storage`], naming the store and the operation, so that SQLite's bare
//! "database or disk is full" never reaches a user without saying which file.
//! PostgreSQL's errors are classified by their SQLSTATE in `dialect`.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::dialect::Dialect;
use crate::{Error, Location};

/// Why a store could not be written ([`Error::Storage`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StorageFailure {
    /// The disk (or the user's quota) is full: `SQLITE_FULL`, `ENOSPC`.
    Full,
    /// The file or its folder cannot be written: `SQLITE_READONLY`, a read-only file
    /// system, permissions.
    ReadOnly,
    /// The system reported an input/output error (`SQLITE_IOERR`), or SQLite could not
    /// open a file it needs beside the store (`SQLITE_CANTOPEN`).
    Io,
}

impl fmt::Display for StorageFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageFailure::Full => "the disk is full",
            StorageFailure::ReadOnly => "the file or its folder is read-only",
            StorageFailure::Io => "an input/output error",
        })
    }
}

// SQLite's primary result codes (https://www.sqlite.org/rescode.html); sqlx reports the
// extended code, whose low byte is the primary one.
/// `SQLITE_BUSY`: another connection held the store's lock past the busy timeout.
pub(crate) const SQLITE_BUSY: i64 = 5;
pub(crate) const SQLITE_READONLY: i64 = 8;
const SQLITE_IOERR: i64 = 10;
const SQLITE_FULL: i64 = 13;
pub(crate) const SQLITE_CANTOPEN: i64 = 14;
/// `SQLITE_IOERR_SHMSIZE`: the index beside the store (`-shm`) could not be extended,
/// which on a full disk is how opening fails.
const SQLITE_IOERR_SHMSIZE: i64 = 4874;

/// SQLite's primary result code of `e`, if it is an error SQLite returned.
pub(crate) fn sqlite_code(e: &sqlx::Error) -> Option<i64> {
    e.as_database_error()?.try_downcast_ref::<sqlx::sqlite::SqliteError>()?;
    let code = e.as_database_error()?.code()?.parse::<i64>().ok()?;
    Some(code & 0xff)
}

impl StorageFailure {
    /// The storage failure `e` reports, if it reports one.
    pub(crate) fn of(e: &sqlx::Error) -> Option<StorageFailure> {
        if let sqlx::Error::Io(io) = e {
            return Some(StorageFailure::of_io(io));
        }
        if let Some(failure) = Dialect::postgres_failure(e) {
            return Some(failure);
        }
        e.as_database_error()?.try_downcast_ref::<sqlx::sqlite::SqliteError>()?;
        let extended = e.as_database_error()?.code()?.parse::<i64>().ok()?;
        if extended == SQLITE_IOERR_SHMSIZE {
            return Some(StorageFailure::Full);
        }
        match extended & 0xff {
            SQLITE_FULL => Some(StorageFailure::Full),
            SQLITE_READONLY => Some(StorageFailure::ReadOnly),
            SQLITE_IOERR | SQLITE_CANTOPEN => Some(StorageFailure::Io),
            _ => None,
        }
    }

    /// The storage failure an operating-system error reports.
    pub(crate) fn of_io(e: &io::Error) -> StorageFailure {
        match e.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => StorageFailure::Full,
            io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied => {
                StorageFailure::ReadOnly
            }
            _ => StorageFailure::Io,
        }
    }
}

impl Error {
    /// This error, as an [`Error::Storage`] naming the store and `operation` when it is a
    /// query that failed for a reason of storage; otherwise unchanged.
    pub(crate) fn writing(self, store: &Location, operation: &'static str) -> Error {
        match self {
            Error::Query(source) => match StorageFailure::of(&source) {
                Some(failure) => {
                    Error::Storage { store: store.clone(), operation, failure, source }
                }
                None => Error::Query(source),
            },
            other => other,
        }
    }
}

/// An error of opening the store at `location` (or of migrating it), as an
/// [`Error::Storage`] when an SQLite file or its folder cannot be written or the open
/// failed for a reason of storage (a full disk); otherwise unchanged.
pub(crate) fn opening(location: &Location, e: Error) -> Error {
    let source = match &e {
        Error::Open { source, .. } | Error::Migration { source, .. } | Error::Query(source) => {
            source
        }
        _ => return e,
    };
    let storage = |failure, source| Error::Storage {
        store: location.clone(),
        operation: "opening it",
        failure,
        source,
    };
    if let Some(io) = location.path().and_then(not_writable) {
        return storage(StorageFailure::of_io(&io), sqlx::Error::Io(io));
    }
    match StorageFailure::of(source) {
        Some(failure) => match e {
            Error::Open { source, .. } | Error::Migration { source, .. } | Error::Query(source) => {
                storage(failure, source)
            }
            _ => e,
        },
        None => e,
    }
}

/// Why the store at `path` cannot be written, if it cannot: the file cannot be opened
/// for writing, or no file can be created in its folder (where SQLite keeps the store's
/// write-ahead log and its index). Called only after opening failed, to say why.
pub(crate) fn not_writable(path: &Path) -> Option<io::Error> {
    if path.exists()
        && let Err(e) = std::fs::OpenOptions::new().write(true).open(path)
    {
        return Some(e);
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "store".into(), |n| n.to_string_lossy());
    let probe = dir.join(format!(".{name}.probe-{}", std::process::id()));
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            // Best effort: the probe is empty and hidden.
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
        Err(e) => Some(e),
    }
}

/// The path of the store's write-ahead log (`<store>-wal`).
pub(crate) fn wal_path(path: &Path) -> PathBuf {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    PathBuf::from(wal)
}
