//! Framework answers stored per country: the migration from schema version 3, storing
//! the same answers twice, versions kept for audit, and a failed store leaving nothing.

mod common;

use domain::Iso3;
use store::{AnswersStatus, ChangeBy, Error, Location, NewAnswers, Store, StoredAnswer};

fn answers(pairs: &[(&str, &str)]) -> Vec<StoredAnswer> {
    pairs
        .iter()
        .map(|(i, a)| StoredAnswer { item: (*i).to_owned(), answer: (*a).to_owned() })
        .collect()
}

fn by(user: &str, reason: &str) -> ChangeBy {
    ChangeBy { user: user.to_owned(), user_id: None, reason: reason.to_owned() }
}

fn new<'a>(file: &'a str, list: &'a [StoredAnswer]) -> NewAnswers<'a> {
    NewAnswers {
        country: Iso3::from_static("XAA"),
        framework: "sdg-10.7.2",
        file_name: file,
        sha256: "ab",
        answers: list,
    }
}

async fn count(pool: &sqlx::AnyPool, table: &str) -> i64 {
    let sql = match table {
        "assessment_answer_sets" => "SELECT COUNT(*) FROM assessment_answer_sets",
        "assessment_answers" => "SELECT COUNT(*) FROM assessment_answers",
        other => panic!("no count for {other}"),
    };
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(pool).await.unwrap();
    n
}

on_both! {
async fn a_version_3_store_is_migrated_and_keeps_its_register(path: Location) {
    // A store as schema version 3 left it, with a register row and an audit row.
    {
        let pool = common::raw_at_version(&path, 3).await;
        sqlx::query(
            "INSERT INTO register_audit (at, user_name, reason, country, policy_id, action)
             VALUES ('2026-01-01T00:00:00Z', 'ana', 'review', 'XAA', 'XAA-LAB-01', 'import')",
        )
        .execute(&pool)
        .await
        .unwrap();
        let exists = sqlx::query("SELECT 1 FROM assessment_answer_sets").execute(&pool).await;
        assert!(exists.is_err(), "version 3 has no answers table");
        pool.close().await;
    }
    let store = Store::open(&path).await.unwrap();
    assert_eq!(store.schema_version().await.unwrap(), store::SCHEMA_VERSION);
    let log = store.register_audit(None, None).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].user, "ana");
    let list = answers(&[("1a", "yes-all")]);
    let out = store.store_answers(&new("a.csv", &list), &by("ana", "first")).await.unwrap();
    assert_eq!(out.status, AnswersStatus::Added);
    assert_eq!(out.record.version, 1);
    common::assert_sound(&store).await;
}


async fn storing_the_same_answers_again_changes_nothing(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let list = answers(&[("1a", "yes-all"), ("1b", "no"), ("2a", "yes")]);
    let first = store.store_answers(&new("a.csv", &list), &by("ana", "2026 round")).await.unwrap();
    assert_eq!(first.status, AnswersStatus::Added);
    assert_eq!(first.record.version, 1);
    assert_eq!(first.record.n_answers, 3);
    // The same answers, in another order and from another file: nothing new.
    let mut shuffled = list.clone();
    shuffled.reverse();
    let again =
        store.store_answers(&new("copy.csv", &shuffled), &by("ben", "again")).await.unwrap();
    assert_eq!(again.status, AnswersStatus::Unchanged);
    assert_eq!(again.record, first.record, "the existing version is returned");
    let pool = common::raw(&path).await;
    assert_eq!(count(&pool, "assessment_answer_sets").await, 1);
    assert_eq!(count(&pool, "assessment_answers").await, 3);
}


async fn new_answers_make_a_new_version_and_old_ones_stay_readable(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let xaa = Iso3::from_static("XAA");
    let v1 = answers(&[("1a", "yes-all"), ("1b", "no")]);
    let v2 = answers(&[("1a", "yes-all"), ("1b", "yes-all")]);
    store.store_answers(&new("2025.csv", &v1), &by("ana", "2025 round")).await.unwrap();
    let second =
        store.store_answers(&new("2026.csv", &v2), &by("ben", "2026 round")).await.unwrap();
    assert_eq!(second.status, AnswersStatus::Added);
    assert_eq!(second.record.version, 2);
    // Going back to the first answers is a change too: version 3.
    let third = store.store_answers(&new("back.csv", &v1), &by("ana", "revert")).await.unwrap();
    assert_eq!(third.record.version, 3);

    let latest = store.answer_set(xaa, "sdg-10.7.2", None).await.unwrap().unwrap();
    assert_eq!(latest.record.version, 3);
    assert_eq!(latest.answers, v1);
    let old = store.answer_set(xaa, "sdg-10.7.2", Some(2)).await.unwrap().unwrap();
    assert_eq!(old.answers, v2);
    assert_eq!(old.record.file_name, "2026.csv");
    assert_eq!(old.record.user, "ben");
    assert_eq!(old.record.reason, "2026 round");
    assert!(old.record.at.ends_with('Z') && old.record.at.contains('T'), "{}", old.record.at);
    assert!(store.answer_set(xaa, "sdg-10.7.2", Some(4)).await.unwrap().is_none());
    assert!(store.answer_set(xaa, "pcmd-origin", None).await.unwrap().is_none());

    let history = store.answer_sets(Some(xaa), Some("sdg-10.7.2")).await.unwrap();
    let versions: Vec<i64> = history.iter().map(|r| r.version).collect();
    assert_eq!(versions, [1, 2, 3]);

    // Another framework and another country are versioned separately.
    let other = NewAnswers { framework: "pcmd-origin", ..new("p.csv", &v1) };
    assert_eq!(store.store_answers(&other, &by("ana", "r")).await.unwrap().record.version, 1);
    let xab = NewAnswers { country: Iso3::from_static("XAB"), ..new("b.csv", &v1) };
    assert_eq!(store.store_answers(&xab, &by("ana", "r")).await.unwrap().record.version, 1);
    let latest: Vec<(String, i64)> = store
        .latest_answer_sets(xaa)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.record.framework, s.record.version))
        .collect();
    assert_eq!(latest, [("pcmd-origin".to_owned(), 1), ("sdg-10.7.2".to_owned(), 3)]);
}


async fn a_failed_store_leaves_nothing(path: Location) {
    let store = Store::open(&path).await.unwrap();
    // Make the write fail half-way: after the version row and the first answers.
    {
        let pool = common::raw(&path).await;
        let trigger = match path {
            Location::Sqlite(_) => {
                "CREATE TRIGGER fail_half_way BEFORE INSERT ON assessment_answers
                 WHEN NEW.item = '3a' BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            }
            Location::Postgres(_) => {
                "CREATE FUNCTION fail_half_way() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN IF NEW.item = '3a' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$;
                 CREATE TRIGGER fail_half_way BEFORE INSERT ON assessment_answers
                 FOR EACH ROW EXECUTE FUNCTION fail_half_way();"
            }
        };
        sqlx::raw_sql(trigger)
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }
    let list = answers(&[("1a", "yes-all"), ("2a", "yes"), ("3a", "no")]);
    let err = store.store_answers(&new("a.csv", &list), &by("ana", "r")).await.unwrap_err();
    assert!(matches!(err, Error::Query(_)), "{err}");
    let pool = common::raw(&path).await;
    assert_eq!(count(&pool, "assessment_answer_sets").await, 0);
    assert_eq!(count(&pool, "assessment_answers").await, 0);
    assert!(store.answer_sets(None, None).await.unwrap().is_empty());
    // Once the cause is gone, the same answers are stored as version 1.
    let drop = match path {
        Location::Sqlite(_) => "DROP TRIGGER fail_half_way",
        Location::Postgres(_) => "DROP TRIGGER fail_half_way ON assessment_answers",
    };
    sqlx::query(drop).execute(&pool).await.unwrap();
    let out = store.store_answers(&new("a.csv", &list), &by("ana", "r")).await.unwrap();
    assert_eq!(out.record.version, 1);
}
}
