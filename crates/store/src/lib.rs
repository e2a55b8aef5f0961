//! Coherence's store: every imported dataset, in one SQLite file (the default) or in a
//! PostgreSQL database ([`Location`]).
//!
//! * One file or database, opened with [`Store::open`]. The schema is created and migrated by
//!   migrations embedded in the binary (`migrate`): an older store is migrated on
//!   open; a store written by a newer Coherence is refused with [`Error::TooNew`].
//! * Datasets are stored as versioned *imports* ([`Store::import`]): one row per
//!   (dataset key, edition) with its publisher, title, source, licence, file checksums,
//!   import time and row counts, plus the values it brought, each with the file, sheet,
//!   row and column it was read from. Importing the same files again changes nothing;
//!   another file of a stored edition adds its values to it (a conflicting value stops
//!   the import); nothing is replaced unless asked ([`ImportMode::Replace`]). A newer
//!   edition (by the date its label gives, `domain::edition`) is kept beside the older
//!   ones and becomes the default.
//! * Every write is one transaction, begun `IMMEDIATE` so that concurrent writers
//!   (other processes) queue on SQLite's lock instead of failing half-way; a process
//!   killed in the middle of a write leaves the store as it was before that write.
//! * A country's answers to an assessment framework are kept as numbered versions
//!   with who stored them, when and why ([`Store::store_answers`]).
//!
//! * The same statements run on both databases (sqlx's `Any` driver, `$N` placeholders);
//!   what differs between them lives in one module (`dialect`). [`copy`] moves a whole
//!   store from one to the other.
//!
//! This is the only crate that writes SQL.

mod accounts;
mod assessments;
mod briefs;
mod copy;
mod dialect;
mod drafts;
mod estimates;
mod failure;
mod jobs;
mod location;
mod matrices;
mod migrate;
mod notes;
mod read;
mod register;
mod workspaces;
mod write;

use std::path::{Path, PathBuf};

use sqlx::AnyPool;

use dialect::Access;

pub use accounts::{Actor, AuditQuery, AuditRecord, NewUser, SessionRecord, TokenRecord, User};
pub use assessments::{
    AnswerAssignment, AnswerSet, AnswerSetRecord, AnswerSignoff, AnswersStatus, AnswersStored,
    NewAnswers, StoredAnswer,
};
pub use briefs::BriefScenario;
pub use copy::{CopyReport, TableCopy, copy};
pub use dialect::Dialect;
pub use drafts::{AnswerDraft, NewDraft};
pub use estimates::{
    DataFile, EstimateRecord, EstimateSaved, EstimateSummary, Estimator, StoredCoefficient,
};
pub use failure::StorageFailure;
pub use jobs::{INTERRUPTED, Job, JobEnd, JobFile, JobFileInfo, JobStatus, NewJob};
pub use location::{Location, PostgresUrl};
pub use matrices::{MatrixElement, MatrixRecord, MatrixScore};
pub use migrate::{MIGRATIONS, Migration, SCHEMA_VERSION};
pub use notes::CorridorNote;
pub use read::{
    AreaNumber, DatasetRecord, End, Generation, PairSum, StoredAreaValue, StoredPairValue,
    StoredPolicy,
};
pub use register::{
    AuditEntry, ChangeBy, FieldChange, Layer, RegisterImportOutcome, RegisterPolicy, policy_changes,
};
pub use workspaces::{Membership, Role, Share, Shared, SharedPolicy, Workspace, WorkspaceKind};
pub use write::{ImportConflict, ImportMode, ImportOutcome, ImportStatus, Replaced};

/// An error of the store. A PostgreSQL location is shown without its password.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store could not be opened or created.
    #[error("cannot open the store {store}: {source}")]
    Open {
        /// The store's location.
        store: Location,
        /// The underlying error.
        source: sqlx::Error,
    },
    /// The file or database belongs to another program: it has tables but none of a
    /// Coherence store's. Nothing was written to it.
    #[error(
        "{store} is a database with {tables} table(s) but not a Coherence store; \
         Coherence does not add its tables to another program's database"
    )]
    NotAStore {
        /// The database's location.
        store: Location,
        /// How many tables it holds.
        tables: i64,
    },
    /// A backup could not be written, or a file to restore is not a whole store.
    #[error("{path}: {reason}")]
    Backup {
        /// The file concerned.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The operation exists only for one database (backup and restore of a file, SQLite's
    /// integrity check are SQLite's).
    #[error("{store}: {what}")]
    Unsupported {
        /// The store's location.
        store: Location,
        /// What cannot be done, and what to do instead.
        what: &'static str,
    },
    /// A copy's target already holds data, or the copy did not arrive whole.
    #[error("{store}: {reason}")]
    Copy {
        /// The store concerned.
        store: Location,
        /// What is wrong.
        reason: String,
    },
    /// The store was written by a newer version of Coherence.
    #[error(
        "the store {store} has schema version {found}, written by a newer coherence; \
         this version knows schema versions up to {supported}"
    )]
    TooNew {
        /// The store's location.
        store: Location,
        /// The store's schema version.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },
    /// A schema migration failed; the store was left at its previous version.
    #[error("cannot migrate the store {store} to schema version {version} ({name}): {source}")]
    Migration {
        /// The store's location.
        store: Location,
        /// The version being applied.
        version: i64,
        /// The migration's name.
        name: &'static str,
        /// The underlying error.
        source: sqlx::Error,
    },
    /// A write could not be made: the disk is full, the file or its folder is read-only
    /// (or the session is), or the system reported an I/O error. Nothing of the failed
    /// write was kept.
    #[error("cannot write the store {store} ({operation}): {failure}: {source}")]
    Storage {
        /// The store's location.
        store: Location,
        /// What was being written, e.g. `import` or `register edit`.
        operation: &'static str,
        /// Why it could not be written.
        failure: StorageFailure,
        /// The underlying error.
        source: sqlx::Error,
    },
    /// The store is in a folder that cannot be written and its latest changes are in a
    /// write-ahead log SQLite cannot read there (its `-shm` index is missing).
    #[error(
        "the store {path} cannot be read here: its folder is read-only and its latest changes \
         are in {wal}, which SQLite reads only with an index file it cannot create in a \
         read-only folder; open the store once where its folder can be written"
    )]
    UnreadableLog {
        /// The store's path.
        path: PathBuf,
        /// The write-ahead log's path.
        wal: PathBuf,
    },
    /// A query failed.
    #[error("store query failed: {0}")]
    Query(#[from] sqlx::Error),
    /// A register edit found the policy changed by someone else, or an edit that is
    /// not allowed.
    #[error("{what}")]
    Conflict {
        /// What happened.
        what: String,
    },
    /// An import would have changed stored data (another file of the same name, or
    /// another value for a stored cell of the same edition); nothing was written.
    #[error("{0}")]
    ImportConflict(Box<write::ImportConflict>),
    /// Data read from the store does not have the expected form (a damaged store).
    #[error("the store holds an invalid {what}: {value:?}")]
    Corrupt {
        /// What was being read.
        what: &'static str,
        /// The stored text.
        value: String,
    },
}

/// What kind of failure an [`Error`] is, for a front end to choose its words and its
/// status (an HTTP server: the status named on each kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file given is not usable as asked: a backup target that exists, a file to
    /// restore from that is missing or not a whole store (HTTP 400). The store has no
    /// "not found" of its own: a read that finds nothing returns nothing, and the layers
    /// above say what was asked for.
    InvalidInput,
    /// The write would change stored data it may not change: an import that conflicts
    /// with a stored edition, a policy changed by someone else meanwhile (HTTP 409).
    Conflict,
    /// The store refuses writes: it was opened for reading, or its file or folder is
    /// read-only (HTTP 403). Reads still work.
    Forbidden,
    /// The store cannot be used for reasons outside the request: it cannot be opened,
    /// is another program's database or of a newer schema, the disk is full, the system
    /// reported an I/O error, or another writer held it too long (HTTP 503). Distinct
    /// from [`ErrorKind::Internal`] because no defect of Coherence is implied: an
    /// operator (or the user, choosing another store) can fix it, and a later try may
    /// succeed.
    Unavailable,
    /// A defect or a damaged store: a query or a migration failed, or stored data does
    /// not have the expected form (HTTP 500).
    Internal,
}

impl Error {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Open { .. }
            | Error::NotAStore { .. }
            | Error::TooNew { .. }
            | Error::UnreadableLog { .. } => ErrorKind::Unavailable,
            Error::Backup { .. } | Error::Unsupported { .. } => ErrorKind::InvalidInput,
            // A target that holds data, or a copy that did not arrive whole.
            Error::Copy { .. } => ErrorKind::Conflict,
            Error::Migration { .. } | Error::Corrupt { .. } => ErrorKind::Internal,
            Error::Storage { failure: StorageFailure::ReadOnly, .. } => ErrorKind::Forbidden,
            Error::Storage { .. } => ErrorKind::Unavailable,
            Error::Query(source) => query_kind(source),
            Error::Conflict { .. } | Error::ImportConflict(_) => ErrorKind::Conflict,
        }
    }
}

/// The kind of a failed query: a busy or closed store, or a system error, is
/// unavailable; a write refused by a store opened for reading is forbidden; anything
/// else is a defect.
fn query_kind(source: &sqlx::Error) -> ErrorKind {
    match source {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            ErrorKind::Unavailable
        }
        _ => match StorageFailure::of(source) {
            Some(StorageFailure::ReadOnly) => ErrorKind::Forbidden,
            Some(_) => ErrorKind::Unavailable,
            None if failure::sqlite_code(source) == Some(failure::SQLITE_BUSY) => {
                ErrorKind::Unavailable
            }
            None => ErrorKind::Internal,
        },
    }
}

/// A Coherence store: a connection pool on one SQLite file or one PostgreSQL database.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    location: Location,
    dialect: Dialect,
    /// The imports read in place of their keys' default editions ([`Store::pinned`]),
    /// as the SQL that selects the ids to read; `None` reads the default editions.
    scope: Option<std::sync::Arc<str>>,
}

impl Store {
    /// The same store, reading the imports `pinned` in place of the default editions of
    /// their dataset keys (e.g. the UN DESA 2020 edition where 2024 is the default);
    /// every other key still reads its default edition. Writes are unaffected.
    /// An empty list reads the default editions.
    pub fn pinned(&self, pinned: &[i64]) -> Store {
        let scope = (!pinned.is_empty()).then(|| {
            // Integers only: nothing of the caller's text reaches the SQL.
            let ids = pinned.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
            format!(
                "(SELECT id FROM imports WHERE id IN ({ids}) UNION ALL \
                 SELECT id FROM default_imports WHERE dataset_key NOT IN \
                 (SELECT dataset_key FROM imports WHERE id IN ({ids}))) AS pinned_imports"
            )
            .into()
        });
        Store { scope, ..self.clone() }
    }

    /// The imports this handle reads: `sql` as written (default editions), or with
    /// `default_imports` replaced by the pinned scope.
    fn scoped(&self, sql: &'static str) -> sqlx::AssertSqlSafe<std::borrow::Cow<'static, str>> {
        // Safe: `sql` is a literal of this crate and the scope holds only integers.
        sqlx::AssertSqlSafe(match &self.scope {
            None => sql.into(),
            Some(scope) => sql.replace("default_imports", scope).into(),
        })
    }

    /// Opens the store at `location`, creating it if needed (an SQLite file and its
    /// folder; a PostgreSQL database must exist, empty or a store) and migrating its
    /// schema to [`SCHEMA_VERSION`].
    ///
    /// # Errors
    /// [`Error::Open`] if it cannot be opened or created, [`Error::NotAStore`] for another
    /// program's database, [`Error::Storage`] if it cannot be written, [`Error::TooNew`]
    /// if it was written by a newer Coherence, [`Error::Migration`] if a migration fails.
    pub async fn open(location: impl Into<Location>) -> Result<Store, Error> {
        let location = &location.into();
        let Location::Sqlite(path) = location else {
            let opened = async {
                let store = Store::connect(location, Access::Write).await?;
                let opened = async {
                    refuse_foreign_in(&store).await?;
                    migrate::run(&store).await
                };
                match opened.await {
                    Ok(()) => Ok(store),
                    Err(e) => {
                        store.close().await;
                        Err(e)
                    }
                }
            };
            return opened.await.map_err(|e| failure::opening(location, e));
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| Error::Open { store: location.clone(), source: sqlx::Error::Io(e) })?;
        }
        refuse_foreign(path).await.map_err(|e| failure::opening(location, e))?;
        let opened = async {
            let store = Store::connect(location, Access::Write).await?;
            migrate::run(&store).await?;
            Ok(store)
        };
        opened.await.map_err(|e| failure::opening(location, e))
    }

    /// Opens the store at `location` to read it, never writing to it: when it exists at
    /// this build's schema, through connections that refuse every write (SQLite's
    /// `query_only`, PostgreSQL's read-only sessions), or, when an SQLite file or its
    /// folder cannot be written, read-only as [`Store::open_read_only`] does. A missing
    /// store, or one of an older schema, is opened as [`Store::open`] does (created, or
    /// migrated).
    ///
    /// # Errors
    /// As [`Store::open`] and [`Store::open_read_only`]; [`Error::Storage`] if an older
    /// store needs migrating but cannot be written.
    pub async fn open_for_reading(location: impl Into<Location>) -> Result<Store, Error> {
        let location = &location.into();
        let store = match location {
            Location::Sqlite(path) => {
                if std::fs::metadata(path).map_or(true, |m| m.len() == 0) {
                    return Store::open(location).await;
                }
                refuse_foreign(path).await.map_err(|e| failure::opening(location, e))?;
                match Store::connect(location, Access::Read).await {
                    Ok(store) => store,
                    Err(e) => match failure::not_writable(path) {
                        Some(_) => Store::open_read_only(path).await?,
                        None => return Err(failure::opening(location, e)),
                    },
                }
            }
            Location::Postgres(_) => {
                let store = Store::connect(location, Access::Read).await?;
                if let Err(e) = refuse_foreign_in(&store).await {
                    store.close().await;
                    return Err(e);
                }
                store
            }
        };
        let found = match store.schema_version_if_any().await {
            Ok(found) => found,
            Err(e) => {
                store.close().await;
                return Err(e);
            }
        };
        if found == SCHEMA_VERSION {
            return Ok(store);
        }
        store.close().await;
        if found > SCHEMA_VERSION {
            return Err(Error::TooNew {
                store: location.clone(),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Store::open(location).await
    }

    /// Opens an existing SQLite store read-only, without migrating it (to check a backup,
    /// or to read a store whose file or folder cannot be written).
    ///
    /// SQLite reads a store in write-ahead-log mode through an index file beside it
    /// (`-shm`), which it cannot create in a read-only folder. There, if the store has no
    /// log with changes in it (`-wal` absent or empty: the store is one file, as every
    /// command leaves it), it is opened as immutable (no locks, no index), which is
    /// exact because nobody can write in that folder. A store whose log holds changes is
    /// read with its index when that exists, and refused otherwise
    /// ([`Error::UnreadableLog`]): reading it as immutable would silently miss them.
    /// In a writable folder, SQLite creates an empty log and index beside the store and
    /// leaves them when a read-only connection closes.
    ///
    /// # Errors
    /// [`Error::Open`] if it cannot be opened; [`Error::NotAStore`] for another program's
    /// database; [`Error::UnreadableLog`] as above.
    pub async fn open_read_only(path: &Path) -> Result<Store, Error> {
        if !path.is_file() {
            let source = sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::NotFound));
            return Err(Error::Open { store: path.into(), source });
        }
        let store = connect_read_only(path).await?;
        if let Err(e) = refuse_foreign_in(&store).await {
            store.close().await;
            return Err(e);
        }
        Ok(store)
    }

    /// A pool of connections to the store at `location`, checked with one query (SQLite
    /// opens files lazily).
    async fn connect(location: &Location, access: Access) -> Result<Store, Error> {
        let open_error = |source| Error::Open { store: location.clone(), source };
        let dialect = Dialect::of(location);
        let pool = Dialect::connect(location, access).await.map_err(open_error)?;
        let store = Store { pool, location: location.clone(), dialect, scope: None };
        if let Err(source) = sqlx::query(dialect.count_tables_sql()).fetch_one(&store.pool).await {
            store.close().await;
            return Err(open_error(source));
        }
        Ok(store)
    }

    /// Where the store lives.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The database the store runs on.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The store's schema version.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn schema_version(&self) -> Result<i64, Error> {
        migrate::current_version(&self.pool).await.map_err(Error::Query)
    }

    /// The store's schema version, 0 for an empty database (no `schema_migrations`).
    async fn schema_version_if_any(&self) -> Result<i64, Error> {
        let (_, ours): (i64, i64) =
            sqlx::query_as(self.dialect.count_tables_sql()).fetch_one(&self.pool).await?;
        if ours == 0 { Ok(0) } else { self.schema_version().await }
    }

    /// Runs SQLite's integrity check and returns its report (`["ok"]` when sound).
    ///
    /// # Errors
    /// [`Error::Unsupported`] on PostgreSQL, [`Error::Query`] if the check cannot run.
    pub async fn integrity_check(&self) -> Result<Vec<String>, Error> {
        self.sqlite_only("the integrity check is SQLite's (PostgreSQL checks its own pages)")?;
        let rows: Vec<(String,)> =
            sqlx::query_as("PRAGMA integrity_check").fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(|(s,)| s).collect())
    }

    /// [`Error::Unsupported`] with `what` unless the store is an SQLite file.
    fn sqlite_only(&self, what: &'static str) -> Result<&Path, Error> {
        self.location
            .path()
            .ok_or_else(|| Error::Unsupported { store: self.location.clone(), what })
    }

    /// Closes the pool, waiting for connections to finish.
    pub async fn close(self) {
        self.pool.close().await;
    }

    /// A handle that closes the store's connections from elsewhere (a program's exit
    /// path): when the last connection to an SQLite store closes, SQLite writes the
    /// write-ahead log back into the store file and removes it, so the store is one file
    /// again.
    pub fn closer(&self) -> Closer {
        Closer(self.pool.clone())
    }

    /// Writes a consistent copy of an SQLite store to `target` (SQLite's `VACUUM INTO`),
    /// while others may keep reading and writing. `target` must not exist.
    ///
    /// # Errors
    /// [`Error::Backup`] if `target` exists or cannot be written; [`Error::Unsupported`]
    /// on PostgreSQL, whose stores are backed up by [`copy`]ing them into an SQLite file.
    pub async fn backup_to(&self, target: &Path) -> Result<(), Error> {
        self.sqlite_only(
            "backup to a file is an SQLite feature; a PostgreSQL store is backed up by copying \
             it into a new SQLite store",
        )?;
        let fail = |reason: String| Error::Backup { path: target.to_owned(), reason };
        if std::fs::symlink_metadata(target).is_ok() {
            return Err(fail("it exists; give a new file".to_owned()));
        }
        let text = target.to_str().ok_or_else(|| fail("the path is not UTF-8".to_owned()))?;
        sqlx::query("VACUUM INTO $1")
            .bind(text)
            .execute(&self.pool)
            .await
            .map_err(|e| fail(e.to_string()))?;
        Ok(())
    }
}

/// Closes a store's connections (see [`Store::closer`]).
#[derive(Clone, Debug)]
pub struct Closer(AnyPool);

impl Closer {
    /// Waits for the connections in use to be returned and closes them all.
    pub async fn close(self) {
        self.0.close().await;
    }
}

/// Replaces the SQLite store at `target` by the backup at `backup`, after checking that
/// the backup is a whole Coherence store (`PRAGMA integrity_check`, its schema no newer
/// than this build's). The backup is copied beside the target and renamed over it, and
/// the target's leftover write-ahead files (`-wal`, `-shm`, which belong to the store
/// being replaced) are removed first, so the restored store cannot be mixed with them. No
/// other program may have the target open.
///
/// # Errors
/// [`Error::Backup`] naming the file and what is wrong with it; [`Error::Unsupported`]
/// when `target` is a PostgreSQL database (copy the backup into it instead).
pub async fn restore(backup: &Path, target: impl Into<Location>) -> Result<(), Error> {
    let target = target.into();
    let Location::Sqlite(target) = &target else {
        return Err(Error::Unsupported {
            store: target.clone(),
            what: "restoring a backup file is an SQLite feature; copy the backup into an \
                   empty PostgreSQL database instead",
        });
    };
    let fail = |path: &Path, reason: String| Error::Backup { path: path.to_owned(), reason };
    let checked = Store::open_read_only(backup).await.map_err(|e| fail(backup, e.to_string()))?;
    let (result,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&checked.pool)
        .await
        .map_err(|e| fail(backup, e.to_string()))?;
    let version = checked.schema_version().await.map_err(|e| fail(backup, e.to_string()))?;
    checked.close().await;
    if result != "ok" {
        return Err(fail(backup, format!("the integrity check failed: {result}")));
    }
    let supported = migrate::MIGRATIONS.last().map_or(0, |m| m.version);
    if version == 0 || version > supported {
        return Err(fail(backup, format!("schema version {version} is not one this build reads")));
    }
    replace_file(backup, target).map_err(|(path, e)| fail(&path, e.to_string()))
}

/// Copies `backup` beside `target`, removes the target's write-ahead files and renames the
/// copy over the target; on failure, the path concerned and the error.
fn replace_file(backup: &Path, target: &Path) -> Result<(), (PathBuf, std::io::Error)> {
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let at_target = |e| (target.to_owned(), e);
    std::fs::create_dir_all(dir).map_err(at_target)?;
    let tmp = dir.join(format!(
        ".{}.restore-{}",
        target.file_name().map_or_else(|| "store".into(), |n| n.to_string_lossy()),
        std::process::id()
    ));
    std::fs::copy(backup, &tmp).map_err(at_target)?;
    std::fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(at_target)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = target.as_os_str().to_owned();
        side.push(suffix);
        match std::fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err((PathBuf::from(side), e)),
        }
    }
    std::fs::rename(&tmp, target).map_err(at_target)
}

/// A read-only pool on the SQLite store at `path`; as immutable when the folder cannot be
/// written and the store's log holds no changes (see [`Store::open_read_only`]).
async fn connect_read_only(path: &Path) -> Result<Store, Error> {
    let location = Location::from(path);
    match Store::connect(&location, Access::ReadOnly { immutable: false }).await {
        Ok(store) => Ok(store),
        Err(e) if can_open_immutable(path, &e)? => {
            Store::connect(&location, Access::ReadOnly { immutable: true }).await
        }
        Err(e) => Err(e),
    }
}

/// Whether a store that failed to open read-only with `e` may be opened as immutable:
/// SQLite could not open a file it needs (the log's index, in a folder that cannot be
/// written: on a read-only mount, or a folder of another user on a writable disk) and
/// the store's log holds no changes. A log with changes is
/// [`Error::UnreadableLog`].
fn can_open_immutable(path: &Path, e: &Error) -> Result<bool, Error> {
    // On a read-only mount SQLite says "cannot open" the log's index; in a folder of
    // another user on a writable disk, that the database is read-only (it cannot create
    // the index there); some drivers report the operating system's refusal instead.
    let refused = |source: &sqlx::Error| match source {
        sqlx::Error::Io(io) => matches!(
            io.kind(),
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
        ),
        _ => matches!(
            failure::sqlite_code(source),
            Some(failure::SQLITE_CANTOPEN | failure::SQLITE_READONLY)
        ),
    };
    let cantopen = matches!(e, Error::Open { source, .. } if refused(source));
    if !cantopen || failure::not_writable(path).is_none() {
        return Ok(false);
    }
    let wal = failure::wal_path(path);
    match std::fs::metadata(&wal) {
        Ok(meta) if meta.len() > 0 => Err(Error::UnreadableLog { path: path.to_owned(), wal }),
        _ => Ok(true),
    }
}

/// Refuses an existing SQLite database that holds tables but is not a Coherence store (no
/// `schema_migrations` table), read through a read-only connection before anything is
/// written: Coherence never adds its tables to another program's database (nor switches
/// its journal mode). A missing or empty file is a store to create.
async fn refuse_foreign(path: &Path) -> Result<(), Error> {
    if std::fs::metadata(path).map_or(true, |m| m.len() == 0) {
        return Ok(());
    }
    let store = connect_read_only(path).await?;
    let checked = refuse_foreign_in(&store).await;
    store.close().await;
    checked
}

/// [`refuse_foreign`] on an open pool (either database).
async fn refuse_foreign_in(store: &Store) -> Result<(), Error> {
    let (tables, ours): (i64, i64) = sqlx::query_as(store.dialect.count_tables_sql())
        .fetch_one(&store.pool)
        .await
        .map_err(|source| Error::Open { store: store.location.clone(), source })?;
    if tables > 0 && ours == 0 {
        return Err(Error::NotAStore { store: store.location.clone(), tables });
    }
    Ok(())
}

/// What the unit tests share.
#[cfg(test)]
pub(crate) mod testing {
    use crate::Location;

    /// Runs `body` on a fresh SQLite file, then on a fresh PostgreSQL database (skipped
    /// visibly without `COHERENCE_TEST_POSTGRES` outside CI).
    pub(crate) async fn on_both<F, Fut>(body: F)
    where
        F: Fn(Location) -> Fut,
        Fut: std::future::Future<Output = ()>,
    {
        let dir = tempfile::tempdir().unwrap();
        body(Location::Sqlite(dir.path().join("s.sqlite"))).await;
        if let Some(db) = test_support::postgres_db() {
            body(Location::parse(db.url())).await;
        }
    }
}
