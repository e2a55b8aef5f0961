//! The server's accounts, workspaces and audit trail in the store, on both databases: one
//! name per user, sessions and tokens found by hash, memberships and shares audited with
//! their old and new values, and an audit trail that cannot be changed.

mod common;

use domain::Iso3;
use store::{
    Actor, AuditQuery, Location, Membership, NewUser, Role, Share, Shared, Store, WorkspaceKind,
};

fn new_user(name: &str) -> NewUser<'_> {
    NewUser {
        name,
        display_name: name,
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        is_admin: false,
    }
}

async fn trail(store: &Store) -> Vec<store::AuditRecord> {
    store.audit_log(AuditQuery { limit: 1000, ..AuditQuery::default() }).await.unwrap()
}

on_both! {
    async fn users_sessions_and_tokens(location: Location) {
        let store = Store::open(&location).await.unwrap();
        let console = Actor::console("test");
        let amina = store.user_add(&new_user("amina"), &console).await.unwrap();
        let again = store.user_add(&new_user("amina"), &console).await.unwrap_err();
        assert_eq!(again.kind(), store::ErrorKind::Conflict, "{again}");
        store.session_open("h1", amina.id, "2999-01-01T00:00:00Z").await.unwrap();
        let (session, user) = store.session_user("h1").await.unwrap().unwrap();
        assert_eq!((session.user_id, user.name.as_str()), (amina.id, "amina"));
        let token = store.token_add(amina.id, "nightly", "t1", "coh_1234", &Actor::user(amina.id, "t")).await.unwrap();
        assert_eq!(store.token_user("t1").await.unwrap().unwrap().0, token);
        assert!(store.token_revoke(token, &Actor::user(amina.id, "t")).await.unwrap());
        assert!(store.token_user("t1").await.unwrap().is_none(), "a revoked token is not found");
        // Disabling ends the sessions.
        store.user_set_disabled(amina.id, true, &console).await.unwrap();
        assert!(store.session_user("h1").await.unwrap().is_none());
        // Five failures lock; a new password lifts the lock.
        for _ in 0..4 {
            assert_eq!(store.login_failed(amina.id, 5, "2999-01-01T00:00:00Z").await.unwrap(), None);
        }
        assert!(store.login_failed(amina.id, 5, "2999-01-01T00:00:00Z").await.unwrap().is_some());
        store.user_set_password(amina.id, "$argon2id$new", &console).await.unwrap();
        assert_eq!(store.user(amina.id).await.unwrap().unwrap().locked_until, None);
        let actions: Vec<String> = trail(&store).await.into_iter().map(|r| r.action).collect();
        assert_eq!(
            actions,
            ["user.add", "token.add", "token.revoke", "user.disable", "user.lock", "user.password"]
        );
        assert!(trail(&store).await.iter().all(|r| !r.new_value.clone().unwrap_or_default().contains("argon2")));
    }

    async fn workspaces_members_and_shares(location: Location) {
        let store = Store::open(&location).await.unwrap();
        let console = Actor::console("setup");
        let ben = store.user_add(&new_user("ben"), &console).await.unwrap();
        let xaa = WorkspaceKind::Government { country: Iso3::from_static("XAA") };
        let w = store.workspace_add("Pelaria", xaa, &console).await.unwrap();
        let twice = store.workspace_add("Pelaria again", xaa, &console).await.unwrap_err();
        assert_eq!(twice.kind(), store::ErrorKind::Conflict, "one workspace per country");
        let v = store
            .workspace_add("Brevmark", WorkspaceKind::Government { country: Iso3::from_static("XAB") }, &console)
            .await
            .unwrap();
        let partnership = WorkspaceKind::Partnership { origin_id: w.id, destination_id: v.id };
        let p = store.workspace_add("Corridor", partnership, &console).await.unwrap();
        let bad = WorkspaceKind::Partnership { origin_id: w.id, destination_id: p.id };
        assert!(store.workspace_add("Nested", bad, &console).await.is_err(), "a partnership joins governments");
        let as_viewer = Membership { workspace_id: w.id, user_id: ben.id, role: Role::Viewer, ministry: None };
        store.membership_set(&as_viewer, &console).await.unwrap();
        let as_contributor =
            Membership { role: Role::Contributor, ministry: Some("Ministry of Health".into()), ..as_viewer.clone() };
        store.membership_set(&as_contributor, &Actor::console("promoted")).await.unwrap();
        assert_eq!(store.memberships_of_user(ben.id).await.unwrap(), [as_contributor]);
        let no_ministry = Membership { ministry: None, ..as_viewer.clone() };
        let no_ministry = Membership { role: Role::Contributor, ..no_ministry };
        assert!(store.membership_set(&no_ministry, &console).await.is_err());
        let share = Share { partnership_id: p.id, workspace_id: w.id, what: Shared::Register };
        assert!(store.share_set(share, true, &console).await.unwrap());
        assert!(!store.share_set(share, true, &console).await.unwrap(), "sharing twice changes nothing");
        let outsider = Share { workspace_id: p.id, ..share };
        assert!(store.share_set(outsider, true, &console).await.is_err());
        assert_eq!(store.shares(p.id).await.unwrap(), [share]);
        let rows = trail(&store).await;
        let promoted = rows.iter().find(|r| r.reason == "promoted").unwrap();
        assert_eq!(promoted.old_value.as_deref(), Some(r#"{"role":"viewer","ministry":null}"#));
        assert_eq!(
            promoted.new_value.as_deref(),
            Some(r#"{"role":"contributor","ministry":"Ministry of Health"}"#)
        );
        assert_eq!(promoted.workspace_id, Some(w.id));
        let query = AuditQuery { action: Some("share."), limit: 10, ..AuditQuery::default() };
        let shares: Vec<String> = store.audit_log(query).await.unwrap().into_iter().map(|r| r.action).collect();
        assert_eq!(shares, ["share.add"], "filtered by the action's prefix");
    }

    async fn the_audit_trail_cannot_be_changed(location: Location) {
        let store = Store::open(&location).await.unwrap();
        store.user_add(&new_user("chen"), &Actor::console("x")).await.unwrap();
        store.close().await;
        let pool = common::raw(&location).await;
        for sql in ["UPDATE audit_log SET reason = 'rewritten'", "DELETE FROM audit_log"] {
            let refused = sqlx::query(sql).execute(&pool).await.unwrap_err();
            assert!(refused.to_string().contains("append-only"), "{sql}: {refused}");
        }
        pool.close().await;
        let store = Store::open(&location).await.unwrap();
        assert_eq!(trail(&store).await[0].reason, "x");
    }
}
