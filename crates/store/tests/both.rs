//! The same behaviour on SQLite and PostgreSQL: floating values kept bit for bit, and a
//! whole store copied from one database to the other and back with every row equal.

mod common;

use domain::dataset::{AreaValue, Dataset, DatasetMeta, PairValue, SourceFile};
use domain::provenance::Provenance;
use domain::{Indicator, Iso3, Sex, Year};
use store::{ChangeBy, Error, Location, Store};

/// Values that a 4-byte float, a decimal text round trip or a lossy driver would change.
/// (-0.0 is stored as 0.0 on both: SQLite keeps no sign of zero, so the store drops it.)
const AWKWARD: [f64; 9] = [
    0.1 + 0.2,
    1e-300,
    5e-324,
    f64::MAX,
    -1.797_693_134_862_315_7e308,
    123_456_789_012_345.67,
    2.225_073_858_507_201e-308,
    f64::MIN_POSITIVE,
    1.0 / 3.0,
];

fn awkward_dataset() -> Dataset {
    let file = "awkward.csv";
    let a = Iso3::from_static("XAA");
    let b = Iso3::from_static("XAB");
    let values = AWKWARD
        .iter()
        .enumerate()
        .map(|(i, &value)| AreaValue {
            indicator: Indicator::POPULATION,
            area: a,
            year: Year::new(2000 + i as i64).unwrap(),
            sex: Sex::Total,
            value,
            provenance: Provenance::csv(file, i as u32 + 2, "value"),
        })
        .chain([AreaValue {
            indicator: Indicator::POPULATION,
            area: b,
            year: Year::new(2000).unwrap(),
            sex: Sex::Total,
            value: -0.0,
            provenance: Provenance::csv(file, 40, "value"),
        }])
        .collect();
    let pairs = AWKWARD
        .iter()
        .enumerate()
        .map(|(i, &value)| PairValue {
            indicator: Indicator::MIGRANT_STOCK,
            from: a,
            to: b,
            year: Year::new(2000 + i as i64).unwrap(),
            sex: Sex::Total,
            value,
            provenance: Provenance::csv(file, i as u32 + 20, "value"),
        })
        .collect();
    Dataset {
        meta: DatasetMeta {
            key: "awkward".to_owned(),
            publisher: "Test".to_owned(),
            title: "Awkward floats".to_owned(),
            edition: "2024".to_owned(),
            source: file.to_owned(),
            licence: Some("none".to_owned()),
            fictional: true,
            files: vec![SourceFile { name: file.to_owned(), sha256: "ab".to_owned(), bytes: 1 }],
        },
        areas: Vec::new(),
        values,
        pairs,
        policies: Vec::new(),
    }
}

/// Asserts that the store returns every awkward value bit for bit.
async fn assert_awkward_values(store: &Store) {
    let negative_zero = store.area_values(Indicator::POPULATION.code, Iso3::from_static("XAB"));
    assert!(negative_zero.await.unwrap().iter().all(|v| v.value.to_bits() == 0));
    let values = store.area_values(Indicator::POPULATION.code, Iso3::from_static("XAA")).await;
    let bits: Vec<u64> = values.unwrap().iter().map(|v| v.value.to_bits()).collect();
    assert_eq!(bits, AWKWARD.map(f64::to_bits));
    let pairs = store.pair_values(Indicator::MIGRANT_STOCK.code, None, None).await.unwrap();
    let bits: Vec<u64> = pairs.iter().map(|v| v.value.to_bits()).collect();
    assert_eq!(bits, AWKWARD.map(f64::to_bits));
}

/// A store with rows in every kind of table: an import, a register edit with its audit
/// rows, and stored answers.
async fn fill(store: &Store) {
    store.import(&awkward_dataset(), &mut |_, _| {}).await.unwrap();
    let demo = domain::policy::Policy {
        id: "XAA-LAB-01".to_owned(),
        country: Iso3::from_static("XAA"),
        ministry: "Labour".to_owned(),
        title: "Scheme".to_owned(),
        instrument: "law".to_owned(),
        stages: vec![domain::policy::Stage::StayAbroad],
        area: "labour-migration".to_owned(),
        partners: vec![Iso3::from_static("XAB")],
        target_groups: vec!["workers".to_owned()],
        status: domain::policy::PolicyStatus::Active,
        start_year: Some(2020),
        end_year: None,
        objectives: "Ünïcode and 'quotes'.".to_owned(),
        tags: vec!["t".to_owned()],
        source: "Act".to_owned(),
    };
    let by = ChangeBy { user: "ana".to_owned(), user_id: None, reason: "test".to_owned() };
    store.register_import(std::slice::from_ref(&demo), &by).await.unwrap();
    let mut edited = demo.clone();
    edited.end_year = Some(2030);
    store.register_edit(&demo, &edited, &by).await.unwrap();
    let answers = [store::StoredAnswer { item: "1a".to_owned(), answer: "yes".to_owned() }];
    let new = store::NewAnswers {
        country: Iso3::from_static("XAA"),
        framework: "sdg-10.7.2",
        file_name: "a.csv",
        sha256: "cd",
        answers: &answers,
    };
    store.store_answers(&new, &by).await.unwrap();
}

on_both! {
    async fn floating_values_keep_every_bit(location: Location) {
        let store = Store::open(&location).await.unwrap();
        store.import(&awkward_dataset(), &mut |_, _| {}).await.unwrap();
        assert_awkward_values(&store).await;
        store.close().await;
        let store = Store::open_for_reading(&location).await.unwrap();
        assert_awkward_values(&store).await;
    }

    async fn audit_rows_go_with_their_edit(location: Location) {
        let store = Store::open(&location).await.unwrap();
        fill(&store).await;
        let log = store.register_audit(None, None).await.unwrap();
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["import", "edit"]);
        assert_eq!(log[1].field.as_deref(), Some("end_year"));
        assert_eq!(log[1].new_value.as_deref(), Some("2030"));
        assert!(log[0].seq < log[1].seq);
    }

    async fn a_copy_goes_only_into_an_empty_store(location: Location) {
        let dir = tempfile::tempdir().unwrap();
        let source = Store::open(dir.path().join("source.sqlite")).await.unwrap();
        fill(&source).await;
        let target = Store::open(&location).await.unwrap();
        target.import(&awkward_dataset(), &mut |_, _| {}).await.unwrap();
        let before = target.datasets().await.unwrap();
        let err = store::copy(&source, &target).await.unwrap_err();
        assert!(matches!(err, Error::Copy { .. }), "{err}");
        assert!(err.to_string().contains("not empty"), "{err}");
        assert_eq!(target.datasets().await.unwrap(), before);
    }

    async fn a_store_opened_for_reading_refuses_every_kind_of_write(location: Location) {
        Store::open(&location).await.unwrap().close().await;
        let store = Store::open_for_reading(&location).await.unwrap();
        let err = store.import(&awkward_dataset(), &mut |_, _| {}).await.unwrap_err();
        assert!(matches!(err, Error::Storage { failure: store::StorageFailure::ReadOnly, .. }), "{err}");
        let by = ChangeBy { user: "ana".to_owned(), user_id: None, reason: "r".to_owned() };
        let err = store.register_import(&[], &by).await;
        assert!(err.is_ok() || matches!(err, Err(Error::Storage { .. })), "{err:?}");
        assert!(store.datasets().await.unwrap().is_empty());
    }
}

/// Every table's rows of a store, as text with floats by their bits, in key order.
async fn snapshot(store: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for d in store.datasets().await.unwrap() {
        out.push(format!("{:?}", (d.id, d.key, d.edition, d.files, d.rows, d.imported_at)));
    }
    for v in store.pair_values(Indicator::MIGRANT_STOCK.code, None, None).await.unwrap() {
        out.push(format!("{} {} {}", v.import_id, v.value.to_bits(), v.provenance));
    }
    for e in store.register_audit(None, None).await.unwrap() {
        out.push(format!("{:?}", (e.seq, e.at, e.user, e.field, e.old_value, e.new_value)));
    }
    for s in store.answer_sets(None, None).await.unwrap() {
        out.push(format!("{s:?}"));
    }
    out
}

#[tokio::test]
async fn a_store_goes_to_postgres_and_back_with_every_row_equal() {
    let Some(pg) = common::Db::postgres() else { return };
    let dir = tempfile::tempdir().unwrap();
    let first = Store::open(dir.path().join("first.sqlite")).await.unwrap();
    fill(&first).await;
    let server = Store::open(pg.location()).await.unwrap();
    let there = store::copy(&first, &server).await.unwrap();
    let back = Store::open(dir.path().join("back.sqlite")).await.unwrap();
    let again = store::copy(&server, &back).await.unwrap();
    assert_eq!(there, again, "the same rows each way");
    let rows = |table: &str| there.tables.iter().find(|t| t.table == table).unwrap().rows;
    assert_eq!(rows("area_values"), AWKWARD.len() as u64 + 1);
    assert_eq!(rows("register_audit"), 2);
    assert_eq!(rows("assessment_answers"), 1);
    let expected = snapshot(&first).await;
    assert_eq!(snapshot(&server).await, expected);
    assert_eq!(snapshot(&back).await, expected);
    assert_awkward_values(&server).await;
    assert_awkward_values(&back).await;
    // The server's ids continue after the copied ones.
    let mut other = awkward_dataset();
    other.meta.edition = "2025".to_owned();
    let added = server.import(&other, &mut |_, _| {}).await.unwrap();
    assert!(added.import_id > 1, "{}", added.import_id);
    let by =
        ChangeBy { user: "ben".to_owned(), user_id: None, reason: "after the copy".to_owned() };
    let policy = server.register(None).await.unwrap().remove(0).policy;
    let mut changed = policy.clone();
    changed.title = "Renamed".to_owned();
    server.register_edit(&policy, &changed, &by).await.unwrap();
    let log = server.register_audit(None, None).await.unwrap();
    assert_eq!(log.last().unwrap().seq, 3, "the audit sequence continues");
}

#[test]
fn a_password_in_a_postgres_url_is_never_shown() {
    let location = Location::parse("postgres://ann:s3cret@127.0.0.1:1/nothing?sslmode=bogus");
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let err = runtime.block_on(Store::open(&location)).unwrap_err();
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("ann:***@127.0.0.1"), "{shown}");
    }
}
