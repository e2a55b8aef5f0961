//! Store tests: schema versions, import semantics, transactions, and what happens when
//! two processes write at once or a writer is killed half-way.
//!
//! The multi-process tests re-run this test binary as child processes: a child is this
//! binary asked to run one `child_*` test, with an environment variable telling it which
//! store to write to. Without that variable the `child_*` tests return at once.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use domain::dataset::{AreaValue, Dataset, DatasetMeta, PairValue, SourceFile};
use domain::provenance::Provenance;
use domain::{Indicator, Iso3, Sex, Year};
use store::{Error, ErrorKind, ImportMode, ImportStatus, Location, StorageFailure, Store};

const CHILD_DB: &str = "COHERENCE_TEST_CHILD_DB";
const CHILD_MARKER: &str = "COHERENCE_TEST_CHILD_MARKER";
const CHILD_EDITION: &str = "COHERENCE_TEST_CHILD_EDITION";

fn dataset(edition: &str, sha: &str, n_pairs: usize) -> Dataset {
    let file = "test.csv";
    let a = Iso3::from_static("XAA");
    let b = Iso3::from_static("XAB");
    let values = (0..5)
        .map(|i| AreaValue {
            indicator: Indicator::POPULATION,
            area: a,
            year: Year::new(2000 + i).unwrap(),
            sex: Sex::Total,
            value: 1_000.0 * (i + 1) as f64,
            provenance: Provenance::csv(file, i as u32 + 2, "value"),
        })
        .collect();
    let pairs = (0..n_pairs)
        .map(|i| PairValue {
            indicator: Indicator::MIGRANT_STOCK,
            from: a,
            to: b,
            year: Year::new(1900 + (i % 300) as i64).unwrap(),
            sex: [Sex::Total, Sex::Male, Sex::Female][(i / 300) % 3],
            // Distinct keys: the same (year, sex) may repeat only across `i / 900`, so the
            // test datasets keep n_pairs <= 900 unless they want a key clash.
            value: i as f64,
            provenance: Provenance::csv(file, i as u32 + 2, "value"),
        })
        .collect();
    Dataset {
        meta: DatasetMeta {
            key: "test-data".to_owned(),
            publisher: "Test".to_owned(),
            title: "Test data".to_owned(),
            edition: edition.to_owned(),
            source: file.to_owned(),
            licence: None,
            fictional: true,
            files: vec![SourceFile { name: file.to_owned(), sha256: sha.to_owned(), bytes: 10 }],
        },
        areas: Vec::new(),
        values,
        pairs,
        policies: Vec::new(),
    }
}

async fn import(store: &Store, d: &Dataset) -> Result<store::ImportOutcome, Error> {
    store.import(d, &mut |_, _| {}).await
}

/// The text of a location as `--db` would take it (a test URL holds no password).
fn db_text(location: &Location) -> String {
    match location {
        Location::Sqlite(path) => path.display().to_string(),
        Location::Postgres(url) => url.expose().to_owned(),
    }
}

on_both! {
async fn creates_and_reopens_at_current_version(path: Location) {
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.schema_version().await.unwrap(), store::SCHEMA_VERSION);
    store.close().await;
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.schema_version().await.unwrap(), store::SCHEMA_VERSION);
    common::assert_sound(&store).await;
}


async fn refuses_a_newer_store(path: Location) {
    let store = Store::open(&path).await.unwrap();
    store.close().await;
    // Pretend a future Coherence migrated this file.
    {
        let pool = common::raw(&path).await;
        sqlx::query(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }
    let err = Store::open(&path).await.unwrap_err();
    assert!(matches!(err, Error::TooNew { found: 999, .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("schema version 999") && msg.contains("newer coherence"), "{msg}");
    assert_eq!(err.kind(), ErrorKind::Unavailable);
    assert!(!msg.contains("--db"), "the store leaves the way out to front ends: {msg}");
}


async fn refuses_another_programs_database_without_writing_to_it(path: Location) {
    {
        let pool = common::raw(&path).await;
        sqlx::query("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query("INSERT INTO invoices (id, amount) VALUES (1, 12.5)").execute(&pool).await.unwrap();
        pool.close().await;
    }
    let before = path.path().map(|p| std::fs::read(p).unwrap());
    let err = Store::open(&path).await.unwrap_err();
    assert!(matches!(err, Error::NotAStore { tables: 1, .. }), "{err}");
    assert!(err.to_string().contains("not a Coherence store"), "{err}");
    assert_eq!(err.kind(), ErrorKind::Unavailable);
    assert!(!err.to_string().contains("--db"), "{err}");
    assert_eq!(path.path().map(|p| std::fs::read(p).unwrap()), before, "the database was written to");
    let pool = common::raw(&path).await;
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM invoices").fetch_one(&pool).await.unwrap();
    assert_eq!(n, 1);
    if let Some(file) = path.path() {
        pool.close().await;
        // A new file and an empty one are stores to create.
        std::fs::write(file, b"").unwrap();
    } else {
        // An emptied database is a store to create.
        sqlx::query("DROP TABLE invoices").execute(&pool).await.unwrap();
        pool.close().await;
    }
    Store::open(&path).await.unwrap().close().await;
}


async fn a_store_opened_for_reading_refuses_writes_and_stays_one_file(path: Location) {
    // A missing store is created, as by `open`.
    Store::open_for_reading(&path).await.unwrap().close().await;
    let store = Store::open(&path).await.unwrap();
    import(&store, &dataset("2020", "aa", 3)).await.unwrap();
    store.close().await;
    let store = Store::open_for_reading(&path).await.unwrap();
    assert_eq!(store.datasets().await.unwrap().len(), 1);
    let err = import(&store, &dataset("2021", "bb", 3)).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Storage { operation: "import", failure: StorageFailure::ReadOnly, .. }
        ),
        "{err}"
    );
    assert!(err.to_string().contains(&path.to_string()), "{err}");
    assert_eq!(err.kind(), ErrorKind::Forbidden, "a store opened for reading refuses writes");
    store.close().await;
    for side in ["-wal", "-shm"].iter().filter(|_| path.path().is_some()) {
        let mut p = path.path().unwrap().as_os_str().to_owned();
        p.push(side);
        assert!(!Path::new(&p).exists(), "{side} left beside the store");
    }
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.datasets().await.unwrap().len(), 1);
    common::assert_sound(&store).await;
}


async fn import_is_idempotent_and_editions_are_kept(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let first = import(&store, &dataset("2020", "aa", 10)).await.unwrap();
    assert_eq!(first.status, ImportStatus::Added);
    let again = import(&store, &dataset("2020", "aa", 10)).await.unwrap();
    assert_eq!(again.status, ImportStatus::Unchanged);
    assert_eq!(again.import_id, first.import_id);

    // The same file with other bytes: refused, nothing written.
    let before = store.datasets().await.unwrap();
    let err = import(&store, &dataset("2020", "bb", 12)).await.unwrap_err();
    assert!(matches!(err, Error::ImportConflict(_)), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("test.csv") && msg.contains("aa") && msg.contains("bb"), "{msg}");
    assert_eq!(store.datasets().await.unwrap(), before);

    // Replacing must be asked for, and says what went.
    let replaced = store
        .import_with(&dataset("2020", "bb", 12), ImportMode::Replace, &mut |_, _| {})
        .await
        .unwrap();
    assert_eq!(replaced.status, ImportStatus::Replaced);
    let gone = replaced.replaced.unwrap();
    assert_eq!((gone.files, gone.rows), (vec!["test.csv".to_owned()], [0, 5, 10, 0]));
    let listed = store.datasets().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].rows, [0, 5, 12, 0]);
    assert_eq!(listed[0].files, vec![("test.csv".to_owned(), Some("bb".to_owned()), Some(10))]);

    // A newer edition is kept beside the older one and becomes the default.
    let newer = import(&store, &dataset("2024", "cc", 3)).await.unwrap();
    assert_eq!(newer.status, ImportStatus::Added);
    let listed = store.datasets().await.unwrap();
    assert_eq!(
        listed.iter().map(|d| (d.edition.as_str(), d.is_default)).collect::<Vec<_>>(),
        vec![("2024", true), ("2020", false)]
    );
    let stocks = store
        .pair_values(Indicator::MIGRANT_STOCK.code, Some(Iso3::from_static("XAA")), None)
        .await
        .unwrap();
    assert_eq!(stocks.len(), 3, "only the default edition is read");
    assert!(stocks.iter().all(|v| v.import_id == newer.import_id));
    assert_eq!(stocks[0].provenance, Provenance::csv("test.csv", 2, "value"));

    // Pinning the older edition reads it instead.
    let pinned = store.pinned(&[replaced.import_id]);
    let stocks = pinned
        .pair_values(Indicator::MIGRANT_STOCK.code, Some(Iso3::from_static("XAA")), None)
        .await
        .unwrap();
    assert_eq!(stocks.len(), 12);
    assert!(stocks.iter().all(|v| v.import_id == replaced.import_id));
}


async fn editions_are_ordered_by_the_date_their_labels_give_not_by_text(path: Location) {
    let store = Store::open(&path).await.unwrap();
    // As text, "last updated 10/18/2018" sorts after "2021"; as dates, before.
    import(&store, &dataset("2021", "aa", 3)).await.unwrap();
    import(&store, &dataset("last updated 10/18/2018", "bb", 2)).await.unwrap();
    let listed = store.datasets().await.unwrap();
    let default: Vec<&str> =
        listed.iter().filter(|d| d.is_default).map(|d| d.edition.as_str()).collect();
    assert_eq!(default, ["2021"]);
    assert_eq!(listed[0].edition, "2021", "newest first");
}


async fn a_version_4_store_orders_its_editions_by_date_once_migrated(path: Location) {
    {
        let pool = common::raw_at_version(&path, 4).await;
        for (id, edition) in [(1, "2021"), (2, "last updated 10/18/2018")] {
            sqlx::query(
                "INSERT INTO imports (id, dataset_key, publisher, title, edition, source, fictional,
                                      fingerprint, imported_at, n_areas, n_values, n_pairs, n_policies)
                 VALUES ($1, 'k', 'p', 't', $2, 's', 0, 'f', 'then', 0, 0, 0, 0)",
            )
            .bind(id as i64)
            .bind(edition)
            .execute(&pool)
            .await
            .unwrap();
        }
        // Version 4 compared labels as text: the 2018 extract was the default.
        let (default,): (String,) =
            sqlx::query_as("SELECT edition FROM default_imports").fetch_one(&pool).await.unwrap();
        assert_eq!(default, "last updated 10/18/2018");
        pool.close().await;
    }
    let store = Store::open(&path).await.unwrap();
    let listed = store.datasets().await.unwrap();
    let default: Vec<&str> =
        listed.iter().filter(|d| d.is_default).map(|d| d.edition.as_str()).collect();
    assert_eq!(default, ["2021"]);
}

async fn a_version_5_store_joins_its_lists_with_the_one_separator_once_migrated(path: Location) {
    {
        let pool = common::raw_at_version(&path, 5).await;
        // Version 5 joined the lists of policy rows with '|'.
        sqlx::raw_sql(
            "INSERT INTO imports (id, dataset_key, publisher, title, edition, source, fictional,
                                  fingerprint, imported_at, n_areas, n_values, n_pairs, n_policies,
                                  edition_order)
             VALUES (1, 'k', 'p', 't', '2024', 's', 1, 'f', 'then', 0, 0, 0, 1, '2024-00-00');
             INSERT INTO policies VALUES (1, 'XAA-1', 'XAA', 'm', 't', 'law',
                 'before-departure|stay-abroad', 'health', 'XAB|XAC', 'health-workers|diaspora',
                 'active', 2020, NULL, 'o', 'a|b', 's');
             INSERT INTO register_policies VALUES ('XAA', 'XAA-2', 'm', 't', 'law',
                 'stay-abroad|return-reintegration', 'labour', 'XAB', 'seasonal-workers',
                 'planned', NULL, NULL, 'o', 'c|d', 's', 0, NULL, 'then');",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.schema_version().await.unwrap(), store::SCHEMA_VERSION);
    let register = store.register(Some(Iso3::from_static("XAA"))).await.unwrap();
    let policies: Vec<_> = register.iter().map(|r| &r.policy).collect();
    assert_eq!(policies.len(), 2);
    let stages = |i: usize| policies[i].stages.iter().map(|s| s.as_str()).collect::<Vec<_>>();
    assert_eq!(stages(0), ["before-departure", "stay-abroad"]);
    assert_eq!(policies[0].partners, [Iso3::from_static("XAB"), Iso3::from_static("XAC")]);
    assert_eq!(policies[0].target_groups, ["health-workers", "diaspora"]);
    assert_eq!(policies[0].tags, ["a", "b"]);
    assert_eq!(stages(1), ["stay-abroad", "return-reintegration"]);
    assert_eq!(policies[1].tags, ["c", "d"]);
    // The rows themselves now hold the one separator.
    drop(store);
    let pool = common::raw(&path).await;
    for query in [
        "SELECT stages, partners, target_groups, tags FROM policies",
        "SELECT stages, partners, target_groups, tags FROM register_policies",
    ] {
        let rows: Vec<(String, String, String, String)> =
            sqlx::query_as(query).fetch_all(&pool).await.unwrap();
        assert_eq!(rows.len(), 1, "{query}");
        for (stages, partners, groups, tags) in rows {
            for list in [stages, partners, groups, tags] {
                assert!(!list.contains('|'), "{query}: {list}");
            }
        }
    }
    let (stages,): (String,) =
        sqlx::query_as("SELECT stages FROM policies").fetch_one(&pool).await.unwrap();
    let separator = domain::policy::LIST_SEPARATOR;
    assert_eq!(stages, format!("before-departure{separator}stay-abroad"));
}


async fn parts_of_one_edition_add_up_and_conflicts_stop_the_import(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let one = import(&store, &part("2021", "part1.xlsx", "p1", 10)).await.unwrap();
    // A second part with 20 pairs: its first 10 cells are the same values as part 1's.
    let two = import(&store, &part("2021", "part2.xlsx", "p2", 20)).await.unwrap();
    assert_eq!(two.status, ImportStatus::Extended);
    assert_eq!(two.import_id, one.import_id);
    assert_eq!(two.duplicates, 5 + 10, "5 values and 10 pairs were already stored");
    let listed = store.datasets().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].rows, [0, 5, 20, 0]);
    let names: Vec<&str> = listed[0].files.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(names, ["part1.xlsx", "part2.xlsx"]);
    // Part 1's cells keep their provenance.
    let stocks = store.pair_values(Indicator::MIGRANT_STOCK.code, None, None).await.unwrap();
    assert_eq!(stocks.iter().filter(|v| v.provenance.file == "part1.xlsx").count(), 10);
    // Importing either part again changes nothing.
    let again = import(&store, &part("2021", "part1.xlsx", "p1", 10)).await.unwrap();
    assert_eq!(again.status, ImportStatus::Unchanged);

    // A third part that disagrees on one cell is refused and names both cells.
    let mut three = part("2021", "part3.xlsx", "p3", 1);
    three.pairs[0].value = 99.0;
    let before = store.datasets().await.unwrap();
    let err = import(&store, &three).await.unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, Error::ImportConflict(_)), "{msg}");
    assert!(
        msg.contains("part1.xlsx") && msg.contains("part3.xlsx") && msg.contains("99"),
        "{msg}"
    );
    assert_eq!(store.datasets().await.unwrap(), before, "nothing was written");
}


async fn a_failed_import_leaves_the_store_unchanged(path: Location) {
    let store = Store::open(&path).await.unwrap();
    import(&store, &dataset("2020", "aa", 10)).await.unwrap();
    let before = store.datasets().await.unwrap();

    // Two values with the same key: the second violates the primary key after many rows
    // have been written in the same transaction.
    let mut bad = dataset("2024", "dd", 600);
    let dup = bad.pairs[0].clone();
    bad.pairs.push(dup);
    let err = import(&store, &bad).await.unwrap_err();
    assert!(matches!(err, Error::Query(_)), "{err}");
    assert_eq!(store.datasets().await.unwrap(), before);
    let stocks = store.pair_values(Indicator::MIGRANT_STOCK.code, None, None).await.unwrap();
    assert_eq!(stocks.len(), 10);
}


async fn delete_import_removes_its_rows(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let out = import(&store, &dataset("2020", "aa", 10)).await.unwrap();
    assert!(store.delete_import(out.import_id).await.unwrap());
    assert!(!store.delete_import(out.import_id).await.unwrap());
    assert!(store.datasets().await.unwrap().is_empty());
    assert!(store.pair_values(Indicator::MIGRANT_STOCK.code, None, None).await.unwrap().is_empty());
}


async fn two_processes_writing_at_once_do_not_corrupt_the_store(path: Location) {
    // Both children create the store, migrate it and write, all at the same time.
    let children: Vec<_> = ["2001", "2002", "2003"]
        .iter()
        .map(|edition| child("child_writer", &path, edition, None).spawn().unwrap())
        .collect();
    for c in children {
        // Its standard error is read to the end (a full pipe cannot stall it) and shown.
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a concurrent writer failed: {}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let store = Store::open(&path).await.unwrap();
    common::assert_sound(&store).await;
    let listed = store.datasets().await.unwrap();
    assert_eq!(listed.len(), 3);
    assert_eq!(store.schema_version().await.unwrap(), store::SCHEMA_VERSION);
    assert!(listed.iter().all(|d| d.rows == [0, 5, 900, 0]));
}


async fn a_writer_killed_half_way_leaves_the_store_as_it_was(path: Location) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&path).await.unwrap();
    import(&store, &dataset("2020", "aa", 10)).await.unwrap();
    let before = store.datasets().await.unwrap();
    store.close().await;

    let marker = dir.path().join("marker");
    let mut c = child("child_writer", &path, "2024", Some(&marker)).spawn().unwrap();
    let start = Instant::now();
    while !marker.exists() {
        if let Some(status) = c.try_wait().unwrap() {
            panic!("the child ended before it was killed: {status}");
        }
        assert!(start.elapsed() < Duration::from_secs(120), "the child never started writing");
        std::thread::sleep(Duration::from_millis(20));
    }
    c.kill().unwrap(); // SIGKILL: no destructor, no rollback by the child.
    c.wait().unwrap();

    let store = Store::open(&path).await.unwrap();
    common::assert_sound(&store).await;
    assert_eq!(store.datasets().await.unwrap(), before);
    let stocks = store.pair_values(Indicator::MIGRANT_STOCK.code, None, None).await.unwrap();
    assert_eq!(stocks.len(), 10, "no row of the killed import survives");
    // The store still takes writes.
    assert_eq!(
        import(&store, &dataset("2024", "ee", 5)).await.unwrap().status,
        ImportStatus::Added
    );
}


async fn indicator_numbers_are_indicator_values_without_provenance(path: Location) {
    let store = Store::open(&path).await.unwrap();
    import(&store, &dataset("2020", "aa", 10)).await.unwrap();
    let newer = import(&store, &dataset("2024", "cc", 3)).await.unwrap();
    let mut other = dataset("2021", "dd", 0);
    other.meta.key = "other-data".to_owned();
    for v in &mut other.values {
        v.area = Iso3::from_static("XAB");
        v.value += 0.5;
    }
    import(&store, &other).await.unwrap();

    let values = store.indicator_values(Indicator::POPULATION.code, Sex::Total).await.unwrap();
    let numbers = store.indicator_numbers(Indicator::POPULATION.code, Sex::Total).await.unwrap();
    assert_eq!(values.len(), 10, "two default imports of five values each");
    let from_values: Vec<store::AreaNumber> = values
        .iter()
        .map(|v| store::AreaNumber {
            import_id: v.import_id,
            area: v.area,
            year: v.year,
            value: v.value,
            unit: v.unit,
        })
        .collect();
    assert_eq!(numbers, from_values, "same rows in the same order");
    assert!(numbers.iter().all(|n| n.area.as_str() == "XAB" || n.import_id == newer.import_id));
    assert!(
        store.indicator_numbers(Indicator::POPULATION.code, Sex::Male).await.unwrap().is_empty()
    );
}
}

/// `dataset` under another file name (another part of the same edition).
fn part(edition: &str, file: &str, sha: &str, n_pairs: usize) -> Dataset {
    let mut d = dataset(edition, sha, n_pairs);
    d.meta.files[0].name = file.to_owned();
    for v in &mut d.values {
        v.provenance.file = file.to_owned();
    }
    for v in &mut d.pairs {
        v.provenance.file = file.to_owned();
    }
    d
}

// ---- Multi-process tests -------------------------------------------------------------

fn child(test: &str, db: &Location, edition: &str, marker: Option<&Path>) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([test, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_DB, db_text(db))
        .env(CHILD_EDITION, edition)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(marker) = marker {
        cmd.env(CHILD_MARKER, marker);
    }
    cmd
}

/// Child: imports a large dataset (edition from the environment).
#[tokio::test]
async fn child_writer() {
    let Ok(db) = std::env::var(CHILD_DB) else { return };
    let edition = std::env::var(CHILD_EDITION).unwrap();
    let store = Store::open(Location::parse(&db)).await.unwrap();
    let d = dataset(&edition, &format!("sha-{edition}"), 900);
    let marker = std::env::var_os(CHILD_MARKER).map(PathBuf::from);
    store
        .import(&d, &mut |done, _| {
            // A killed child stops here, half-way through its transaction.
            if let Some(marker) = marker.as_ref().filter(|_| done > 300) {
                std::fs::write(marker, b"writing").unwrap();
                std::thread::sleep(Duration::from_secs(60));
            }
        })
        .await
        .unwrap();
}

#[test]
fn a_busy_or_closed_store_is_unavailable_and_other_query_failures_are_defects() {
    assert_eq!(Error::Query(sqlx::Error::PoolTimedOut).kind(), ErrorKind::Unavailable);
    assert_eq!(Error::Query(sqlx::Error::PoolClosed).kind(), ErrorKind::Unavailable);
    assert_eq!(Error::Query(sqlx::Error::RowNotFound).kind(), ErrorKind::Internal);
    let corrupt = Error::Corrupt { what: "area code", value: "??".to_owned() };
    assert_eq!(corrupt.kind(), ErrorKind::Internal);
    let conflict = Error::Conflict { what: "changed meanwhile".to_owned() };
    assert_eq!(conflict.kind(), ErrorKind::Conflict);
}
