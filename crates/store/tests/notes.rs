//! Notes on corridor findings and single policies shared with a partnership, in the
//! store, on both databases: each write audited in its transaction, notes in the order
//! written, a policy shared once and unshared once, and only by a side of the
//! partnership.

mod common;

use domain::Iso3;
use store::{Actor, AuditQuery, Error, Location, NewUser, SharedPolicy, Store, WorkspaceKind};

async fn user(store: &Store, name: &str) -> i64 {
    let new = NewUser { name, display_name: name, password_hash: "x", is_admin: false };
    store.user_add(&new, &Actor::console("tests")).await.unwrap().id
}

/// Pelaria, Brevmark, Ostrava (no side) and the partnership of the first two.
async fn world(store: &Store) -> (i64, i64, i64, i64) {
    let console = Actor::console("tests");
    let gov = |c: &'static str| WorkspaceKind::Government { country: Iso3::from_static(c) };
    let w = store.workspace_add("Pelaria", gov("XAA"), &console).await.unwrap().id;
    let v = store.workspace_add("Brevmark", gov("XAB"), &console).await.unwrap().id;
    let o = store.workspace_add("Ostrava", gov("XAC"), &console).await.unwrap().id;
    let kind = WorkspaceKind::Partnership { origin_id: w, destination_id: v };
    let p = store.workspace_add("Pelaria-Brevmark", kind, &console).await.unwrap().id;
    (w, v, o, p)
}

async fn audit(
    store: &Store,
    action: &str,
) -> Vec<(Option<i64>, String, Option<String>, Option<String>, String)> {
    store
        .audit_log(AuditQuery { action: Some(action), limit: 1000, ..AuditQuery::default() })
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.user_id, r.target, r.old_value, r.new_value, r.reason))
        .collect()
}

on_both! {
async fn notes_are_kept_in_order_with_their_author_and_audited(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let ana = user(&store, "ana").await;
    let ben = user(&store, "ben").await;
    let (w, _, _, p) = world(&store).await;
    let evil = "<script>alert(1)</script> \"quoted\"\nsecond line";
    let first = store.corridor_note_add(p, "R01", evil, &Actor::user(ana, "note")).await.unwrap();
    assert_eq!((first.workspace_id, first.finding.as_str(), first.user_id, first.body.as_str()), (p, "R01", ana, evil));
    let second = store.corridor_note_add(p, "general", "Agreed.", &Actor::user(ben, "note")).await.unwrap();
    assert!(second.id > first.id);
    assert_eq!(store.corridor_notes(p).await.unwrap(), vec![first.clone(), second]);
    // Nothing in another workspace.
    assert!(store.corridor_notes(w).await.unwrap().is_empty());

    // A government's workspace, an empty body or finding, and no user: refused, nothing written.
    for (ws, finding, body, actor) in [
        (w, "R01", "x", Actor::user(ana, "note")),
        (p, "R01", "  ", Actor::user(ana, "note")),
        (p, "", "x", Actor::user(ana, "note")),
        (p, "R01", "x", Actor::console("note")),
        (9999, "R01", "x", Actor::user(ana, "note")),
    ] {
        let r = store.corridor_note_add(ws, finding, body, &actor).await;
        assert!(matches!(r, Err(Error::Conflict { .. })), "{r:?}");
    }
    assert_eq!(store.corridor_notes(p).await.unwrap().len(), 2);

    let log = audit(&store, "corridor.note").await;
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].0, Some(ana));
    assert_eq!(log[0].1, format!("workspace/{p}/corridor/R01"));
    let new: serde_json::Value = serde_json::from_str(log[0].3.as_deref().unwrap()).unwrap();
    assert_eq!(new["body"], evil);
    assert_eq!(new["id"], first.id);
    common::assert_sound(&store).await;
}

async fn a_single_policy_is_shared_once_by_a_side_and_unshared_with_an_audit_row(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let ana = user(&store, "ana").await;
    let (w, v, o, p) = world(&store).await;
    let one = |ws: i64, id: &str| SharedPolicy { partnership_id: p, workspace_id: ws, policy_id: id.to_owned() };
    let by = Actor::user(ana, "corridor review");
    assert!(store.shared_policy_set(&one(w, "XAA-LAB-01"), true, &by).await.unwrap());
    // Again: nothing changes, nothing audited.
    assert!(!store.shared_policy_set(&one(w, "XAA-LAB-01"), true, &by).await.unwrap());
    assert!(store.shared_policy_set(&one(v, "XAB-01"), true, &by).await.unwrap());
    assert!(store.shared_policy_set(&one(w, "XAA-HEA-02"), true, &by).await.unwrap());
    assert_eq!(
        store.shared_policies(p).await.unwrap(),
        vec![one(w, "XAA-HEA-02"), one(w, "XAA-LAB-01"), one(v, "XAB-01")]
    );
    // Not a side, not a partnership, no id: refused.
    for bad in [one(o, "XAC-01"), SharedPolicy { partnership_id: w, ..one(w, "XAA-LAB-01") }, one(w, " ")] {
        let r = store.shared_policy_set(&bad, true, &by).await;
        assert!(matches!(r, Err(Error::Conflict { .. })), "{r:?}");
    }
    assert!(store.shared_policy_set(&one(w, "XAA-HEA-02"), false, &by).await.unwrap());
    assert!(!store.shared_policy_set(&one(w, "XAA-HEA-02"), false, &by).await.unwrap());
    assert_eq!(store.shared_policies(p).await.unwrap(), vec![one(w, "XAA-LAB-01"), one(v, "XAB-01")]);
    // Whole-register shares are separate.
    assert!(store.shares(p).await.unwrap().is_empty());

    let added = audit(&store, "share.add").await;
    assert_eq!(added.len(), 3);
    assert_eq!(added[0].0, Some(ana));
    assert_eq!(added[0].1, format!("workspace/{p}/share"));
    assert_eq!(added[0].3.as_deref(), Some(format!(r#"{{"workspace_id":{w},"what":"policy","policy":"XAA-LAB-01"}}"#).as_str()));
    assert_eq!(added[0].4, "corridor review");
    let removed = audit(&store, "share.remove").await;
    assert_eq!(removed.len(), 1);
    assert!(removed[0].2.as_deref().is_some_and(|v| v.contains("XAA-HEA-02")));
    assert_eq!(removed[0].3, None);
    common::assert_sound(&store).await;
}
}
