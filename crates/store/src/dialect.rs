//! Everything that differs between SQLite and PostgreSQL, in one place.
//!
//! Every statement of the store is written once, in the SQL both databases share, with
//! `$1, $2, …` placeholders, and runs through sqlx's `Any` driver. What cannot be written
//! once lives here: connecting (SQLite's pragmas and read-only or immutable opening,
//! PostgreSQL's read-only sessions), the statement that begins a write transaction,
//! schema introspection, the schema files of each migration, the classification of
//! storage failures and what follows a copy with explicit ids.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Any, AnyPool, ConnectOptions, Connection, Executor, Transaction};

use crate::failure::StorageFailure;
use crate::location::Location;

/// The database a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// One SQLite file.
    Sqlite,
    /// A PostgreSQL database.
    Postgres,
}

/// How a pool's connections may use the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// Read and write; an SQLite file is created if missing.
    Write,
    /// Read, through connections that refuse every write (SQLite's `query_only`,
    /// PostgreSQL's `default_transaction_read_only`).
    Read,
    /// SQLite only: read-only (`SQLITE_OPEN_READONLY`); `immutable` also skips locks and
    /// the log.
    ReadOnly {
        /// SQLite's `immutable`: the file cannot change while it is open.
        immutable: bool,
    },
}

/// How long a writer waits for another process's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// How long opening a PostgreSQL store waits for the server.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The key of the PostgreSQL advisory lock every write transaction takes, so that writers
/// queue one after another as they do on SQLite (`BEGIN IMMEDIATE`). Any constant would
/// do; this one spells "COHE".
const WRITE_LOCK: i64 = 0x434f_4845;

/// SQLite's settings for every connection of a pool that may write: the write-ahead log,
/// a minute's wait for another writer, foreign keys, and a page cache large enough for a
/// profile's indexes with the file mapped instead of read page by page.
const SQLITE_WRITE_PRAGMAS: &str = "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; \
     PRAGMA mmap_size = 268435456;";

/// SQLite's settings for a read-only connection (no journal mode can be set there).
const SQLITE_READ_ONLY_PRAGMAS: &str = "PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456;";

/// sqlx's options for an SQLite connection with `access`, with every setting the pool's
/// connections get from [`SQLITE_WRITE_PRAGMAS`] and its variants.
fn sqlite_options(path: &std::path::Path, access: Access) -> SqliteConnectOptions {
    // An absolute path: SQLite fails to open a relative one that climbs two folders
    // (`../../s.sqlite`, "unable to open database file"); messages keep the user's path.
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let options = SqliteConnectOptions::new()
        .filename(absolute)
        .disable_statement_logging()
        .pragma("cache_size", "-32768")
        .pragma("mmap_size", "268435456");
    match access {
        Access::Write | Access::Read => {
            let options = options
                .create_if_missing(access == Access::Write)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(BUSY_TIMEOUT);
            if access == Access::Read { options.pragma("query_only", "true") } else { options }
        }
        Access::ReadOnly { immutable } => options.read_only(true).immutable(immutable),
    }
}

/// Opens and closes one SQLite connection with every setting. Processes creating the
/// same new file at once can find it locked while another sets it up (switching a new
/// file to the write-ahead log takes it whole, and SQLite does not always wait for that
/// with its busy handler): a busy or locked answer is retried every 50 ms for up to the
/// busy timeout, like any other wait for a writer; every other error is returned at once.
async fn first_sqlite_connection(options: &SqliteConnectOptions) -> Result<(), sqlx::Error> {
    let start = std::time::Instant::now();
    loop {
        match options.connect().await {
            Ok(conn) => return conn.close().await,
            Err(e) if busy(&e) && start.elapsed() < BUSY_TIMEOUT => {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Whether SQLite answered "busy" or "locked" (primary result codes 5 and 6, whatever
/// the extended code).
fn busy(e: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = e else { return false };
    db.code().and_then(|c| c.parse::<i32>().ok()).is_some_and(|c| matches!(c & 0xff, 5 | 6))
}

impl Dialect {
    /// The dialect of a location.
    pub fn of(location: &Location) -> Dialect {
        match location {
            Location::Sqlite(_) => Dialect::Sqlite,
            Location::Postgres(_) => Dialect::Postgres,
        }
    }

    /// A pool of connections to `location` with `access`.
    ///
    /// On SQLite, one connection is first opened with every setting (sqlx's own
    /// `SqliteConnectOptions`) and closed: a file that cannot be opened, read or set up (not
    /// a database, a full disk, a read-only folder) fails there at once with SQLite's own
    /// error. The pool's connections then get the same settings from an `after_connect`
    /// hook, whose errors sqlx would only retry until it gives up.
    pub(crate) async fn connect(
        location: &Location,
        access: Access,
    ) -> Result<AnyPool, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let options = match location {
            Location::Sqlite(path) => {
                let sqlite = sqlite_options(path, access);
                first_sqlite_connection(&sqlite).await?;
                AnyConnectOptions::from_url(&sqlite.to_url_lossy())?
            }
            Location::Postgres(url) => AnyConnectOptions::from_str(url.expose())?,
        }
        // Bulk imports and whole-table reads are slow by design; sqlx's per-statement
        // warnings would only clutter the CLI's output.
        .disable_statement_logging();
        let setup: &'static str = match (Dialect::of(location), access) {
            (Dialect::Sqlite, Access::Write) => SQLITE_WRITE_PRAGMAS,
            (Dialect::Sqlite, Access::Read) => {
                "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                 PRAGMA cache_size = -32768; PRAGMA mmap_size = 268435456; \
                 PRAGMA query_only = true;"
            }
            (Dialect::Sqlite, Access::ReadOnly { .. }) => SQLITE_READ_ONLY_PRAGMAS,
            (Dialect::Postgres, Access::Read) => {
                "SET client_min_messages = warning; SET default_transaction_read_only = on"
            }
            (Dialect::Postgres, _) => "SET client_min_messages = warning",
        };
        debug_assert_eq!(BUSY_TIMEOUT.as_millis(), 60_000, "busy_timeout in the pragmas");
        // A connection to a server that cannot be reached fails after this long instead of
        // sqlx's 30 s; writers waiting for the write lock wait on a connection they hold,
        // so this does not limit them.
        let mut pool = AnyPoolOptions::new().max_connections(4);
        if Dialect::of(location) == Dialect::Postgres {
            pool = pool.acquire_timeout(CONNECT_TIMEOUT);
        }
        pool.after_connect(move |conn, _| {
            Box::pin(async move {
                conn.execute(sqlx::raw_sql(setup)).await?;
                Ok(())
            })
        })
        .connect_with(options)
        .await
    }

    /// Begins a write transaction: SQLite's `BEGIN IMMEDIATE` (the write lock at once, so
    /// writers queue instead of failing half-way); on PostgreSQL, `BEGIN` and a
    /// transaction-scoped advisory lock that every writer takes, so that writers queue the
    /// same way and an import's check-then-write holds across processes.
    pub(crate) async fn begin_write(
        self,
        pool: &AnyPool,
    ) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self {
            Dialect::Sqlite => pool.begin_with("BEGIN IMMEDIATE").await,
            Dialect::Postgres => {
                let mut tx = pool.begin_with("BEGIN").await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(WRITE_LOCK)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx)
            }
        }
    }

    /// Begins a transaction that reads one consistent state of the store (a copy's
    /// source): SQLite's deferred `BEGIN`, PostgreSQL's repeatable read.
    pub(crate) async fn begin_snapshot(
        self,
        pool: &AnyPool,
    ) -> Result<Transaction<'static, Any>, sqlx::Error> {
        match self {
            Dialect::Sqlite => pool.begin_with("BEGIN").await,
            Dialect::Postgres => {
                pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").await
            }
        }
    }

    /// A statement returning (number of tables, 1 if one of them is `schema_migrations`
    /// else 0) over the database's own tables.
    pub(crate) fn count_tables_sql(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN name = 'schema_migrations' THEN 1 ELSE 0 END), 0) \
                 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            }
            Dialect::Postgres => {
                "SELECT COUNT(*), COALESCE(SUM(CASE WHEN table_name = 'schema_migrations' THEN 1 ELSE 0 END), 0) \
                 FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            }
        }
    }

    /// A statement returning the names of the database's own tables, sorted.
    pub(crate) fn tables_sql(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
                 ORDER BY name"
            }
            Dialect::Postgres => {
                "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
            }
        }
    }

    /// A statement returning the columns of table `$1` in their order: (name, declared
    /// type, 1 if part of the primary key else 0).
    pub(crate) fn columns_sql(self) -> &'static str {
        match self {
            Dialect::Sqlite => {
                "SELECT name, type, CASE WHEN pk > 0 THEN 1 ELSE 0 END FROM pragma_table_info($1) \
                 ORDER BY cid"
            }
            Dialect::Postgres => {
                "SELECT CAST(c.column_name AS TEXT), CAST(c.data_type AS TEXT), \
                        CASE WHEN EXISTS (
                            SELECT 1 FROM information_schema.table_constraints t
                            JOIN information_schema.key_column_usage k
                              ON k.constraint_name = t.constraint_name
                             AND k.table_schema = t.table_schema AND k.table_name = t.table_name
                            WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_name = c.table_name
                              AND t.table_schema = c.table_schema AND k.column_name = c.column_name
                        ) THEN 1 ELSE 0 END
                 FROM information_schema.columns c
                 WHERE c.table_schema = current_schema() AND c.table_name = $1
                 ORDER BY c.ordinal_position"
            }
        }
    }

    /// After rows were written with explicit ids (a copy), makes the next generated id of
    /// every identity column follow the largest stored one. SQLite's `INTEGER PRIMARY
    /// KEY` does so by itself; PostgreSQL's sequences are advanced with `setval`.
    pub(crate) async fn advance_identities(
        self,
        tx: &mut Transaction<'static, Any>,
    ) -> Result<(), sqlx::Error> {
        if self == Dialect::Sqlite {
            return Ok(());
        }
        let identities: Vec<(String, String)> = sqlx::query_as(
            "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns \
             WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY 1, 2",
        )
        .fetch_all(&mut **tx)
        .await?;
        for (table, column) in identities {
            // Names read from the catalogue, quoted: nothing of a user's text.
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), \
                 COALESCE(MAX(\"{column}\"), 0) + 1, false) FROM \"{table}\""
            );
            tx.execute(sqlx::AssertSqlSafe(sql)).await?;
        }
        Ok(())
    }

    /// Writes the placeholder of the `n`-th (1-based) parameter of a statement with many
    /// parameters, bound in order: PostgreSQL's `$n`; on SQLite an anonymous `?`, because
    /// SQLite looks up each named parameter (`$n` is a name to it) by a linear scan, which
    /// made a 6,000-parameter insert quadratic (an import of every shared file took 57 s
    /// instead of 6 s). Statements with few parameters keep `$n` on both.
    pub(crate) fn write_placeholder(self, sql: &mut String, n: usize) {
        use std::fmt::Write;
        match self {
            Dialect::Sqlite => sql.push('?'),
            // Writing to a String cannot fail.
            Dialect::Postgres => {
                let _ = write!(sql, "${n}");
            }
        }
    }

    /// The largest number of bound parameters one statement may carry: SQLite's 32,766,
    /// PostgreSQL's 65,535.
    pub(crate) fn max_parameters(self) -> usize {
        match self {
            Dialect::Sqlite => 32_766,
            Dialect::Postgres => 65_535,
        }
    }

    /// The storage failure a PostgreSQL error reports, by its SQLSTATE: `53100` disk full,
    /// `53200` out of memory and `58030` input/output error, `25006` a read-only
    /// transaction (a session opened for reading).
    pub(crate) fn postgres_failure(e: &sqlx::Error) -> Option<StorageFailure> {
        let db = e.as_database_error()?;
        db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>()?;
        match db.code()?.as_ref() {
            "53100" => Some(StorageFailure::Full),
            "25006" => Some(StorageFailure::ReadOnly),
            "53200" | "58030" => Some(StorageFailure::Io),
            _ => None,
        }
    }
}
