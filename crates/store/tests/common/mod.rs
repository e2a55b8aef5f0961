//! What the store's tests share: a fresh store location on each database, and the
//! `on_both!` macro that runs a test body on SQLite and on PostgreSQL.

#![allow(dead_code, reason = "each test file uses part of it")]

use store::{Dialect, Location, Store};

/// A fresh, empty place for a store, removed when dropped.
pub(crate) enum Db {
    /// A temporary folder; the store is `nested/store.sqlite` in it (the folder is created
    /// by the store).
    Sqlite(tempfile::TempDir),
    /// A PostgreSQL database created for this test.
    Postgres(test_support::PostgresDb),
}

impl Db {
    /// A temporary SQLite location.
    pub(crate) fn sqlite() -> Db {
        Db::Sqlite(tempfile::tempdir().unwrap())
    }

    /// A fresh PostgreSQL database, or `None` (after a visible SKIPPED line) without
    /// `COHERENCE_TEST_POSTGRES` outside CI.
    pub(crate) fn postgres() -> Option<Db> {
        test_support::postgres_db().map(Db::Postgres)
    }

    /// The store's location.
    pub(crate) fn location(&self) -> Location {
        match self {
            Db::Sqlite(dir) => Location::Sqlite(dir.path().join("nested").join("store.sqlite")),
            Db::Postgres(db) => Location::parse(db.url()),
        }
    }
}

/// A plain sqlx pool on a location, for tests that write what a store would not (another
/// program's tables, a newer schema version).
pub(crate) async fn raw(location: &Location) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    let url = match location {
        Location::Sqlite(path) => {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            format!("sqlite://{}?mode=rwc", path.display())
        }
        Location::Postgres(url) => url.expose().to_owned(),
    };
    sqlx::AnyPool::connect(&url).await.unwrap()
}

/// A plain pool on a location holding a store as schema version `version` left it: the
/// migrations up to it applied by hand, with their bookkeeping rows (an older Coherence's
/// store, for the migration tests).
pub(crate) async fn raw_at_version(location: &Location, version: i64) -> sqlx::AnyPool {
    let pool = raw(location).await;
    let postgres = matches!(location, Location::Postgres(_));
    sqlx::query(
        "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    )
    .execute(&pool)
    .await
    .unwrap();
    for m in store::MIGRATIONS.iter().filter(|m| m.version <= version) {
        sqlx::raw_sql(if postgres { m.postgres } else { m.sql }).execute(&pool).await.unwrap();
        sqlx::query("INSERT INTO schema_migrations VALUES ($1, $2, 'then')")
            .bind(m.version)
            .bind(m.name)
            .execute(&pool)
            .await
            .unwrap();
    }
    pool
}

/// Asserts SQLite's integrity check where there is one (PostgreSQL has none to ask).
pub(crate) async fn assert_sound(store: &Store) {
    if store.dialect() == Dialect::Sqlite {
        assert_eq!(store.integrity_check().await.unwrap(), vec!["ok".to_owned()]);
    }
}

/// Runs each `async fn name(location: Location) { … }` as two tests, `name::sqlite` and
/// `name::postgres`.
#[macro_export]
macro_rules! on_both {
    ($(async fn $name:ident($location:ident: Location) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports, reason = "each body uses part of the file's imports")]
            use super::*;

            async fn body($location: Location) $body

            #[tokio::test]
            async fn sqlite() {
                let db = common::Db::sqlite();
                body(db.location()).await;
            }

            #[tokio::test]
            async fn postgres() {
                let Some(db) = common::Db::postgres() else { return };
                body(db.location()).await;
            }
        }
    )*};
}
