//! Ministries' proposed answers in the store, on both databases: one proposal per
//! ministry and item, a new one replacing the ministry's own, audited with the old one in
//! the same transaction.

mod common;

use domain::Iso3;
use store::{Actor, AuditQuery, Error, Location, NewDraft, NewUser, Store, WorkspaceKind};

async fn user(store: &Store, name: &str) -> i64 {
    let new = NewUser { name, display_name: name, password_hash: "x", is_admin: false };
    store.user_add(&new, &Actor::console("tests")).await.unwrap().id
}

fn draft<'a>(
    w: i64,
    item: &'a str,
    ministry: &'a str,
    answer: &'a str,
    comment: &'a str,
) -> NewDraft<'a> {
    NewDraft {
        workspace_id: w,
        framework: "sdg-10.7.2",
        item,
        ministry,
        answer,
        comment,
        evidence: "Act 12 of 2024",
    }
}

on_both! {
async fn a_ministrys_new_proposal_replaces_its_own_and_the_audit_keeps_the_old(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let ana = user(&store, "ana").await;
    let ben = user(&store, "ben").await;
    let w = store
        .workspace_add("Pelaria", WorkspaceKind::Government { country: Iso3::from_static("XAA") }, &Actor::console("tests"))
        .await
        .unwrap()
        .id;
    let labour = "Ministry of Labour";
    let health = "Ministry of Health \"<b>\"";
    assert_eq!(store.answer_drafts(w, "sdg-10.7.2").await.unwrap(), vec![]);
    let old = store.answer_draft_put(&draft(w, "1a", labour, "yes-all", "first"), &Actor::user(ana, "proposal")).await.unwrap();
    assert_eq!(old, None);
    store.answer_draft_put(&draft(w, "1a", health, "no", "theirs"), &Actor::user(ben, "proposal")).await.unwrap();
    store.answer_draft_put(&draft(w, "1b", labour, "no", "b"), &Actor::user(ana, "proposal")).await.unwrap();
    // Labour again on 1a: replaces its own, not health's.
    let old = store
        .answer_draft_put(&draft(w, "1a", labour, "yes-regular-only", "second"), &Actor::user(ana, "changed"))
        .await
        .unwrap()
        .expect("the earlier proposal");
    assert_eq!((old.answer.as_str(), old.comment.as_str(), old.user_id), ("yes-all", "first", ana));
    let all = store.answer_drafts(w, "sdg-10.7.2").await.unwrap();
    let rows: Vec<(&str, &str, &str, &str)> =
        all.iter().map(|d| (d.item.as_str(), d.ministry.as_str(), d.answer.as_str(), d.comment.as_str())).collect();
    assert_eq!(
        rows,
        vec![("1a", health, "no", "theirs"), ("1a", labour, "yes-regular-only", "second"), ("1b", labour, "no", "b")]
    );
    assert_eq!(all[1].evidence, "Act 12 of 2024");
    assert_eq!(all[1].user_id, ana);
    assert!(all[1].at.ends_with('Z'), "{}", all[1].at);
    // Another framework's drafts are apart.
    assert_eq!(store.answer_drafts(w, "mgi-checklist").await.unwrap(), vec![]);

    // Audited: four rows, the last with the old proposal, by the user, in the workspace.
    let audit = store.audit_log(AuditQuery { limit: 1000, ..AuditQuery::default() }).await.unwrap();
    let drafts: Vec<_> = audit.iter().filter(|r| r.action == "answers.draft").collect();
    assert_eq!(drafts.len(), 4);
    let last = drafts.iter().find(|r| r.reason == "changed").expect("the change");
    assert_eq!(last.user_id, Some(ana));
    assert_eq!(last.workspace_id, Some(w));
    let old_value: serde_json::Value = serde_json::from_str(last.old_value.as_deref().unwrap()).unwrap();
    assert_eq!(old_value["answer"], "yes-all");
    assert_eq!(old_value["comment"], "first");
    let new_value: serde_json::Value = serde_json::from_str(last.new_value.as_deref().unwrap()).unwrap();
    assert_eq!(new_value["answer"], "yes-regular-only");
    let health_row = drafts.iter().find(|r| r.user_id == Some(ben)).unwrap();
    assert!(health_row.target.contains(health), "{}", health_row.target);
    assert!(health_row.old_value.is_none());

    // Refused, and nothing written: no user, no ministry, no answer, no such workspace.
    for (new, actor) in [
        (draft(w, "1c", labour, "no", "x"), Actor::console("console")),
        (draft(w, "1c", " ", "no", "x"), Actor::user(ana, "x")),
        (draft(w, "1c", labour, "", "x"), Actor::user(ana, "x")),
        (draft(w + 100, "1c", labour, "no", "x"), Actor::user(ana, "x")),
    ] {
        let r = store.answer_draft_put(&new, &actor).await;
        assert!(matches!(r, Err(Error::Conflict { .. })), "{r:?}");
    }
    assert_eq!(store.answer_drafts(w, "sdg-10.7.2").await.unwrap().len(), 3);
    let audit = store.audit_log(AuditQuery { limit: 1000, ..AuditQuery::default() }).await.unwrap();
    assert_eq!(audit.iter().filter(|r| r.action == "answers.draft").count(), 4);
}
}
