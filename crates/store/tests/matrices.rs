//! Cross-impact matrices, answer assignments and sign-offs in the store, on both
//! databases: one score per assessor per cell, re-scoring audited with the old value, a
//! version signed once.

mod common;

use domain::Iso3;
use store::{
    Actor, AuditQuery, ChangeBy, Error, Location, MatrixElement, NewAnswers, NewUser, Store,
    StoredAnswer, WorkspaceKind,
};

async fn user(store: &Store, name: &str) -> i64 {
    let new = NewUser { name, display_name: name, password_hash: "x", is_admin: false };
    store.user_add(&new, &Actor::console("tests")).await.unwrap().id
}

fn elements(ids: &[&str]) -> Vec<MatrixElement> {
    ids.iter()
        .map(|id| MatrixElement { id: (*id).to_owned(), label: format!("{id} label") })
        .collect()
}

async fn audit_actions(store: &Store) -> Vec<(String, Option<String>)> {
    store
        .audit_log(AuditQuery { limit: 1000, ..AuditQuery::default() })
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.action, r.old_value))
        .collect()
}

on_both! {
async fn a_rescore_replaces_the_assessors_own_and_the_audit_keeps_the_old(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let ana = user(&store, "ana").await;
    let ben = user(&store, "ben").await;
    let w = store
        .workspace_add("Pelaria", WorkspaceKind::Government { country: Iso3::from_static("XAA") }, &Actor::console("tests"))
        .await
        .unwrap()
        .id;
    let m = store.matrix_add(w, "Objectives", &elements(&["a", "b", "c"]), &Actor::user(ana, "review")).await.unwrap();
    assert_eq!(store.matrix(m.id).await.unwrap().unwrap(), m);
    assert_eq!(store.matrices(w).await.unwrap(), vec![m.clone()]);
    // The same name again, too few elements, repeated ids: refused.
    for (name, bad) in [("Objectives", elements(&["a", "b"])), ("Other", elements(&["a"])), ("Other", elements(&["a", "a"]))] {
        let again = store.matrix_add(w, name, &bad, &Actor::user(ana, "x")).await;
        assert!(matches!(again, Err(Error::Conflict { .. })), "{again:?}");
    }

    assert_eq!(store.matrix_score(m.id, "a", "b", 3, &Actor::user(ana, "first")).await.unwrap(), None);
    store.matrix_score(m.id, "a", "b", -1, &Actor::user(ben, "ben's")).await.unwrap();
    let old = store.matrix_score(m.id, "a", "b", -2, &Actor::user(ana, "second")).await.unwrap();
    assert_eq!(old.map(|o| (o.score, o.reason)), Some((3, "first".to_owned())));
    let scores = store.matrix_scores(m.id).await.unwrap();
    let pairs: Vec<(i64, i64, &str)> = scores.iter().map(|s| (s.assessor_id, s.score, s.reason.as_str())).collect();
    assert_eq!(pairs, vec![(ana, -2, "second"), (ben, -1, "ben's")]);
    // Outside the scale, an element on itself, an unknown element, no user: refused.
    for (row, col, score) in [("a", "b", 4), ("a", "a", 1), ("a", "z", 1)] {
        let r = store.matrix_score(m.id, row, col, score, &Actor::user(ana, "x")).await;
        assert!(matches!(r, Err(Error::Conflict { .. })), "{r:?}");
    }
    assert!(store.matrix_score(m.id, "a", "b", 1, &Actor::console("x")).await.is_err());
    assert_eq!(store.matrix_scores(m.id).await.unwrap().len(), 2);

    let log = audit_actions(&store).await;
    let scored: Vec<&(String, Option<String>)> = log.iter().filter(|(a, _)| a == "matrix.score").collect();
    assert_eq!(scored.len(), 3);
    assert_eq!(scored[2].1.as_deref(), Some(r#"{"score":3,"reason":"first"}"#));
    assert!(log.iter().any(|(a, _)| a == "matrix.add"));
    common::assert_sound(&store).await;
}

async fn a_version_is_signed_once_and_items_are_assigned_to_ministries(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let ana = user(&store, "ana").await;
    let xaa = Iso3::from_static("XAA");
    let list = vec![StoredAnswer { item: "1a".to_owned(), answer: "yes-all".to_owned() }];
    let new = NewAnswers { country: xaa, framework: "sdg-10.7.2", file_name: "a.csv", sha256: "ab", answers: &list };
    let by = ChangeBy { user: "ana".to_owned(), user_id: Some(ana), reason: "first".to_owned() };
    store.store_answers(&new, &by).await.unwrap();

    let signed = store.answers_signoff(xaa, "sdg-10.7.2", 1, &Actor::user(ana, "validated")).await.unwrap();
    assert_eq!((signed.version, signed.user_id, signed.note.as_str()), (1, ana, "validated"));
    let twice = store.answers_signoff(xaa, "sdg-10.7.2", 1, &Actor::user(ana, "again")).await;
    assert!(matches!(twice, Err(Error::Conflict { .. })), "{twice:?}");
    let missing = store.answers_signoff(xaa, "sdg-10.7.2", 2, &Actor::user(ana, "x")).await;
    assert!(matches!(missing, Err(Error::Conflict { .. })), "{missing:?}");
    assert_eq!(store.answer_signoffs(xaa, "sdg-10.7.2").await.unwrap(), vec![signed]);

    let items = vec!["1a".to_owned(), "1b".to_owned()];
    store.answers_assign(xaa, "sdg-10.7.2", &items, Some("Labour"), &Actor::user(ana, "split")).await.unwrap();
    store.answers_assign(xaa, "sdg-10.7.2", &items[1..], Some("Health"), &Actor::user(ana, "move")).await.unwrap();
    let got: Vec<(String, String)> = store
        .answer_assignments(xaa, "sdg-10.7.2")
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.item, a.ministry))
        .collect();
    assert_eq!(got, vec![("1a".to_owned(), "Labour".to_owned()), ("1b".to_owned(), "Health".to_owned())]);
    store.answers_assign(xaa, "sdg-10.7.2", &items[..1], None, &Actor::user(ana, "unassign")).await.unwrap();
    assert_eq!(store.answer_assignments(xaa, "sdg-10.7.2").await.unwrap().len(), 1);
    let log = audit_actions(&store).await;
    assert_eq!(log.iter().filter(|(a, _)| a == "answers.assign").count(), 3);
    assert_eq!(log.iter().filter(|(a, _)| a == "answers.signoff").count(), 1);
    common::assert_sound(&store).await;
}
}
