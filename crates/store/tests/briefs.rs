//! The scenario runs of a workspace's brief, on both databases: only a finished scenario
//! job of the workspace is added, once; removing takes it out; both are audited.

mod common;

use domain::Iso3;
use store::{Actor, AuditQuery, Error, JobEnd, Location, NewJob, NewUser, Store, WorkspaceKind};

async fn user(store: &Store, name: &str) -> i64 {
    let new = NewUser { name, display_name: name, password_hash: "x", is_admin: false };
    store.user_add(&new, &Actor::console("tests")).await.unwrap().id
}

async fn workspace(store: &Store, name: &str, code: &'static str) -> i64 {
    let kind = WorkspaceKind::Government { country: Iso3::from_static(code) };
    store.workspace_add(name, kind, &Actor::console("tests")).await.unwrap().id
}

async fn job(
    store: &Store,
    actor: &Actor,
    workspace_id: Option<i64>,
    kind: &str,
    done: bool,
) -> i64 {
    let new = NewJob { workspace_id, kind, params: "{}" };
    let job = store.job_add(&new, actor).await.unwrap();
    if done {
        assert!(store.job_begin(job.id).await.unwrap());
        let end = JobEnd::Done { result: "{}".into(), files: vec![] };
        assert!(store.job_finish(job.id, end).await.unwrap());
    }
    job.id
}

async fn actions(store: &Store) -> Vec<(String, String)> {
    store
        .audit_log(AuditQuery { action: Some("brief."), limit: 100, ..AuditQuery::default() })
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.action, r.target))
        .collect()
}

on_both! {
async fn a_finished_run_of_the_workspace_is_added_once_and_removed(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let ana = user(&store, "ana").await;
    let actor = Actor::user(ana, "for the minister's brief");
    let w = workspace(&store, "Pelaria", "XAA").await;
    let v = workspace(&store, "Brevmark", "XAB").await;
    let run = job(&store, &actor, Some(w), "scenario", true).await;
    let later = job(&store, &actor, Some(w), "scenario", true).await;

    assert!(store.brief_scenarios(w).await.unwrap().is_empty());
    assert!(store.brief_scenario_add(w, run, &actor).await.unwrap());
    assert!(!store.brief_scenario_add(w, run, &actor).await.unwrap(), "added once");
    assert!(store.brief_scenario_add(w, later, &actor).await.unwrap());
    let listed = store.brief_scenarios(w).await.unwrap();
    let ids: Vec<(i64, i64, i64)> = listed.iter().map(|b| (b.workspace_id, b.job_id, b.user_id)).collect();
    assert_eq!(ids, vec![(w, run, ana), (w, later, ana)]);
    assert!(listed[0].at.ends_with('Z'), "{}", listed[0].at);
    assert!(store.brief_scenarios(v).await.unwrap().is_empty(), "another workspace's brief");

    assert!(store.brief_scenario_remove(w, run, &actor).await.unwrap());
    assert!(!store.brief_scenario_remove(w, run, &actor).await.unwrap(), "removed once");
    assert_eq!(store.brief_scenarios(w).await.unwrap().len(), 1);

    let target = format!("job/{run}");
    let log = actions(&store).await;
    assert_eq!(
        log,
        vec![
            ("brief.scenario.add".to_owned(), target.clone()),
            ("brief.scenario.add".to_owned(), format!("job/{later}")),
            ("brief.scenario.remove".to_owned(), target),
        ]
    );
    common::assert_sound(&store).await;
}

async fn only_a_finished_scenario_job_of_the_same_workspace_is_added(path: Location) {
    let store = Store::open(&path).await.unwrap();
    let ana = user(&store, "ana").await;
    let actor = Actor::user(ana, "tests");
    let w = workspace(&store, "Pelaria", "XAA").await;
    let v = workspace(&store, "Brevmark", "XAB").await;
    let running = job(&store, &actor, Some(w), "scenario", false).await;
    let other = job(&store, &actor, Some(v), "scenario", true).await;
    let import = job(&store, &actor, None, "import", true).await;
    let estimate = job(&store, &actor, Some(w), "estimate.flows", true).await;
    for id in [running, other, import, estimate, 999_999] {
        let r = store.brief_scenario_add(w, id, &actor).await;
        assert!(matches!(r, Err(Error::Conflict { .. })), "job {id}: {r:?}");
    }
    let done = job(&store, &actor, Some(w), "scenario", true).await;
    let console = store.brief_scenario_add(w, done, &Actor::console("x")).await;
    assert!(matches!(console, Err(Error::Conflict { .. })), "{console:?}");
    assert!(store.brief_scenarios(w).await.unwrap().is_empty());
    assert!(actions(&store).await.is_empty(), "nothing refused is audited");
}
}
