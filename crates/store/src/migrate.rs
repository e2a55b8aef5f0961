//! Schema migrations, embedded in the binary.
//!
//! The store records each applied migration in `schema_migrations`. On open, pending
//! migrations are applied in order, each in its own `IMMEDIATE` transaction together
//! with its bookkeeping row, so a failed or interrupted migration leaves the store at
//! the previous version. The check for pending migrations is repeated inside the
//! transaction, so two processes opening a new store at once apply each migration once.
//!
//! Each migration has its SQL for SQLite and for PostgreSQL, bringing both to the same
//! schema version with the same tables, columns, keys and views. A migration written in
//! the SQL both share gives the same file twice ([`Migration::portable`]).

use sqlx::AnyPool;

use crate::dialect::Dialect;
use crate::{Error, Store};

/// One schema migration.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// The schema version it brings the store to.
    pub version: i64,
    /// A short name.
    pub name: &'static str,
    /// The SQL it runs on SQLite.
    pub sql: &'static str,
    /// The SQL it runs on PostgreSQL: the same schema in PostgreSQL's types (`BIGINT`
    /// identities, `DOUBLE PRECISION`, text compared byte by byte with `COLLATE "C"`).
    pub postgres: &'static str,
}

impl Migration {
    /// A migration whose SQL is the same on both databases.
    pub const fn portable(version: i64, name: &'static str, sql: &'static str) -> Migration {
        Migration { version, name, sql, postgres: sql }
    }

    /// The SQL it runs on `dialect`.
    fn sql_for(&self, dialect: Dialect) -> &'static str {
        match dialect {
            Dialect::Sqlite => self.sql,
            Dialect::Postgres => self.postgres,
        }
    }
}

/// A migration with its SQLite and PostgreSQL files, `migrations/<file>` and
/// `migrations/postgres/<file>`.
macro_rules! migration {
    ($version:literal, $name:literal, $file:literal) => {
        Migration {
            version: $version,
            name: $name,
            sql: include_str!(concat!("../migrations/", $file)),
            postgres: include_str!(concat!("../migrations/postgres/", $file)),
        }
    };
}

/// Every migration, in order. Versions are 1, 2, 3, ... without gaps.
pub const MIGRATIONS: &[Migration] = &[
    migration!(1, "initial", "0001_initial.sql"),
    migration!(2, "estimates", "0002_estimates.sql"),
    migration!(3, "register", "0003_register.sql"),
    migration!(4, "assessments", "0004_assessments.sql"),
    migration!(5, "editions", "0005_editions.sql"),
    Migration::portable(6, "list separator", include_str!("../migrations/0006_list_separator.sql")),
    migration!(7, "server", "0007_server.sql"),
    migration!(8, "workspace", "0008_workspace.sql"),
];

/// The schema version this build writes: the last migration's.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

const BOOKKEEPING: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version     BIGINT PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)";

/// Creates the bookkeeping table if it is missing: on SQLite as it is (the statement
/// writes nothing when the table exists); on PostgreSQL inside a write transaction, so that
/// two processes creating it at once do not collide in the catalogue.
async fn ensure_bookkeeping(store: &Store) -> Result<(), sqlx::Error> {
    match store.dialect {
        Dialect::Sqlite => {
            // SQLite's historical form, kept so the table of existing stores is unchanged.
            sqlx::query(sqlx::AssertSqlSafe(BOOKKEEPING.replace("BIGINT", "INTEGER")))
                .execute(&store.pool)
                .await?;
        }
        Dialect::Postgres => {
            let mut tx = store.dialect.begin_write(&store.pool).await?;
            sqlx::query(BOOKKEEPING).execute(&mut *tx).await?;
            tx.commit().await?;
        }
    }
    Ok(())
}

pub(crate) async fn current_version(pool: &AnyPool) -> Result<i64, sqlx::Error> {
    let (version,): (Option<i64>,) =
        sqlx::query_as("SELECT MAX(version) FROM schema_migrations").fetch_one(pool).await?;
    Ok(version.unwrap_or(0))
}

pub(crate) async fn run(store: &Store) -> Result<(), Error> {
    run_migrations(store, MIGRATIONS).await?;
    fill_edition_order(store).await
}

/// Fills `imports.edition_order` for rows written before schema version 5 (the column's
/// value comes from Rust, [`domain::edition::EditionOrder`], which SQL cannot compute),
/// in one transaction; a store with no such rows is not written to.
async fn fill_edition_order(store: &Store) -> Result<(), Error> {
    let pending: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, edition FROM imports WHERE edition_order = ''")
            .fetch_all(&store.pool)
            .await?;
    if pending.is_empty() {
        return Ok(());
    }
    let mut tx = store.dialect.begin_write(&store.pool).await?;
    for (id, edition) in pending {
        sqlx::query("UPDATE imports SET edition_order = $1 WHERE id = $2 AND edition_order = ''")
            .bind(domain::edition::EditionOrder::parse(&edition).to_string())
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(crate) async fn run_migrations(store: &Store, migrations: &[Migration]) -> Result<(), Error> {
    let pool = &store.pool;
    let path = || store.location.clone();
    ensure_bookkeeping(store).await?;
    let supported = migrations.last().map_or(0, |m| m.version);
    let found = current_version(pool).await?;
    if found > supported {
        return Err(Error::TooNew { store: path(), found, supported });
    }
    for migration in migrations.iter().filter(|m| m.version > found) {
        let fail = |source| Error::Migration {
            store: path(),
            version: migration.version,
            name: migration.name,
            source,
        };
        let mut tx = store.dialect.begin_write(pool).await.map_err(fail)?;
        let (applied,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM schema_migrations WHERE version = $1")
                .bind(migration.version)
                .fetch_one(&mut *tx)
                .await
                .map_err(fail)?;
        if applied > 0 {
            // Another process applied it between our check and our lock.
            tx.rollback().await.map_err(fail)?;
            continue;
        }
        sqlx::raw_sql(sqlx::AssertSqlSafe(migration.sql_for(store.dialect)))
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
        )
        .bind(migration.version)
        .bind(migration.name)
        .bind(jiff::Timestamp::now().to_string())
        .execute(&mut *tx)
        .await
        .map_err(fail)?;
        tx.commit().await.map_err(fail)?;
        tracing::info!(version = migration.version, name = migration.name, "migrated store schema");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_consecutive() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1, "migration {} is out of order", m.name);
        }
    }

    #[tokio::test]
    async fn an_older_store_is_migrated_on_open() {
        crate::testing::on_both(|location| async move {
            let store = Store::open(&location).await.unwrap();
            assert_eq!(store.schema_version().await.unwrap(), SCHEMA_VERSION);
            // A later build with one more migration opens the same file.
            let next = Migration::portable(
                SCHEMA_VERSION + 1,
                "test-addition",
                "CREATE TABLE test_addition (x INTEGER); INSERT INTO test_addition VALUES (7);",
            );
            let mut later = MIGRATIONS.to_vec();
            later.push(next);
            run_migrations(&store, &later).await.unwrap();
            assert_eq!(store.schema_version().await.unwrap(), SCHEMA_VERSION + 1);
            let (x,): (i64,) =
                sqlx::query_as("SELECT x FROM test_addition").fetch_one(&store.pool).await.unwrap();
            assert_eq!(x, 7);
            // Running it again applies nothing twice.
            run_migrations(&store, &later).await.unwrap();
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM test_addition")
                .fetch_one(&store.pool)
                .await
                .unwrap();
            assert_eq!(n, 1);
            // And the build that knows only the old migrations now refuses the file.
            let err = run(&store).await.unwrap_err();
            assert!(matches!(err, Error::TooNew { .. }), "{err}");
        })
        .await;
    }

    #[tokio::test]
    async fn a_failing_migration_leaves_the_previous_version() {
        crate::testing::on_both(|location| async move {
            let store = Store::open(&location).await.unwrap();
            let broken = Migration::portable(
                SCHEMA_VERSION + 1,
                "broken",
                "CREATE TABLE half_done (x INTEGER); THIS IS NOT SQL;",
            );
            let mut later = MIGRATIONS.to_vec();
            later.push(broken);
            let err = run_migrations(&store, &later).await.unwrap_err();
            assert!(matches!(err, Error::Migration { name: "broken", .. }), "{err}");
            assert_eq!(store.schema_version().await.unwrap(), SCHEMA_VERSION);
            let exists = sqlx::query("SELECT 1 FROM half_done").execute(&store.pool).await;
            assert!(exists.is_err(), "the failed migration's first statement was rolled back");
        })
        .await;
    }
}
