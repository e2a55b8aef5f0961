//! Schema migrations, embedded in the binary.
//!
//! The store records each applied migration in `schema_migrations`. On open, pending
//! migrations are applied in order, each in its own `IMMEDIATE` transaction together
//! with its bookkeeping row, so a failed or interrupted migration leaves the store at
//! the previous version. The check for pending migrations is repeated inside the
//! transaction, so two processes opening a new store at once apply each migration once.

use sqlx::SqlitePool;

use crate::{Error, Store};

/// One schema migration.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// The schema version it brings the store to.
    pub version: i64,
    /// A short name.
    pub name: &'static str,
    /// The SQL it runs.
    pub sql: &'static str,
}

/// Every migration, in order. Versions are 1, 2, 3, ... without gaps.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "initial", sql: include_str!("../migrations/0001_initial.sql") },
    Migration {
        version: 2,
        name: "estimates",
        sql: include_str!("../migrations/0002_estimates.sql"),
    },
    Migration {
        version: 3,
        name: "register",
        sql: include_str!("../migrations/0003_register.sql"),
    },
    Migration {
        version: 4,
        name: "assessments",
        sql: include_str!("../migrations/0004_assessments.sql"),
    },
    Migration {
        version: 5,
        name: "editions",
        sql: include_str!("../migrations/0005_editions.sql"),
    },
    Migration {
        version: 6,
        name: "list separator",
        sql: include_str!("../migrations/0006_list_separator.sql"),
    },
];

/// The schema version this build writes: the last migration's.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

const BOOKKEEPING: &str = "CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)";

pub(crate) async fn current_version(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
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
    let mut tx = store.pool.begin_with("BEGIN IMMEDIATE").await?;
    for (id, edition) in pending {
        sqlx::query("UPDATE imports SET edition_order = ? WHERE id = ? AND edition_order = ''")
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
    let path = || store.path.clone();
    sqlx::query(BOOKKEEPING).execute(pool).await?;
    let supported = migrations.last().map_or(0, |m| m.version);
    let found = current_version(pool).await?;
    if found > supported {
        return Err(Error::TooNew { path: path(), found, supported });
    }
    for migration in migrations.iter().filter(|m| m.version > found) {
        let fail = |source| Error::Migration {
            path: path(),
            version: migration.version,
            name: migration.name,
            source,
        };
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.map_err(fail)?;
        let (applied,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM schema_migrations WHERE version = ?")
                .bind(migration.version)
                .fetch_one(&mut *tx)
                .await
                .map_err(fail)?;
        if applied > 0 {
            // Another process applied it between our check and our lock.
            tx.rollback().await.map_err(fail)?;
            continue;
        }
        sqlx::raw_sql(migration.sql).execute(&mut *tx).await.map_err(fail)?;
        sqlx::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
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
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        let store = Store::open(&path).await.unwrap();
        assert_eq!(store.schema_version().await.unwrap(), SCHEMA_VERSION);
        // A later build with one more migration opens the same file.
        let next = Migration {
            version: SCHEMA_VERSION + 1,
            name: "test-addition",
            sql: "CREATE TABLE test_addition (x INTEGER); INSERT INTO test_addition VALUES (7);",
        };
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
    }

    #[tokio::test]
    async fn a_failing_migration_leaves_the_previous_version() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.sqlite")).await.unwrap();
        let broken = Migration {
            version: SCHEMA_VERSION + 1,
            name: "broken",
            sql: "CREATE TABLE half_done (x INTEGER); THIS IS NOT SQL;",
        };
        let mut later = MIGRATIONS.to_vec();
        later.push(broken);
        let err = run_migrations(&store, &later).await.unwrap_err();
        assert!(matches!(err, Error::Migration { name: "broken", .. }), "{err}");
        assert_eq!(store.schema_version().await.unwrap(), SCHEMA_VERSION);
        let exists: Option<(String,)> =
            sqlx::query_as("SELECT name FROM sqlite_master WHERE name = 'half_done'")
                .fetch_optional(&store.pool)
                .await
                .unwrap();
        assert_eq!(exists, None, "the failed migration's first statement was rolled back");
    }
}
