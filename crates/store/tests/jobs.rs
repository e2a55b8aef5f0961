//! Jobs: made queued and audited, run, their progress and cancellation, finished once
//! with their files, and marked interrupted when a server starts again.

mod common;

use store::{Actor, Job, JobEnd, JobFile, JobStatus, Location, NewJob, NewUser, Store};

async fn store_with_user(path: &Location) -> (Store, Actor) {
    let store = Store::open(path).await.unwrap();
    let new = NewUser { name: "ana", display_name: "Ana", password_hash: "x", is_admin: true };
    let user = store.user_add(&new, &Actor::console("tests")).await.unwrap();
    (store, Actor::user(user.id, "tests"))
}

async fn add(store: &Store, actor: &Actor, kind: &str) -> Job {
    let new = NewJob { workspace_id: None, kind, params: "{\"n\":1}" };
    store.job_add(&new, actor).await.unwrap()
}

on_both! {
async fn a_job_runs_reports_progress_and_finishes_once_with_its_files(path: Location) {
    let (store, actor) = store_with_user(&path).await;
    let job = add(&store, &actor, "scenario").await;
    assert_eq!(job.status, JobStatus::Queued);
    assert!(store.job_begin(job.id).await.unwrap());
    assert!(!store.job_begin(job.id).await.unwrap(), "begun once");
    assert!(!store.job_progress(job.id, 3, 10).await.unwrap());
    let file = JobFile { name: "a.csv".into(), content_type: "text/csv".into(), bytes: vec![0, 1, 2] };
    let end = JobEnd::Done { result: "{}".into(), files: vec![file.clone()] };
    assert!(store.job_finish(job.id, end.clone()).await.unwrap());
    assert!(!store.job_finish(job.id, end).await.unwrap(), "ended once");
    let stored = store.job(job.id).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.progress_done, stored.progress_total), (JobStatus::Done, 3, 10));
    assert_eq!(store.job_file(job.id, "a.csv").await.unwrap(), Some(file));
    assert_eq!(store.job_files(job.id).await.unwrap()[0].size, 3);
    assert_eq!(store.jobs(None, Some(JobStatus::Done)).await.unwrap().len(), 1);
    assert!(store.jobs(None, Some(JobStatus::Running)).await.unwrap().is_empty());
    let audit = store.audit_log(store::AuditQuery { action: Some("job."), user_id: None, workspace_id: None, after: None, since: None, limit: 100 }).await.unwrap();
    assert!(audit.iter().any(|a| a.action == "job.start"));
}

async fn a_cancelled_job_is_told_to_stop_and_an_unfinished_one_is_interrupted(path: Location) {
    let (store, actor) = store_with_user(&path).await;
    let job = add(&store, &actor, "scenario").await;
    assert!(store.job_begin(job.id).await.unwrap());
    assert!(store.job_cancel(&job, &actor).await.unwrap());
    assert!(!store.job_cancel(&job, &actor).await.unwrap(), "asked once");
    assert!(store.job_progress(job.id, 1, 2).await.unwrap(), "told to stop");
    assert!(store.job_finish(job.id, JobEnd::Cancelled).await.unwrap());
    let other = add(&store, &actor, "import").await;
    assert!(store.job_begin(other.id).await.unwrap());
    let queued = add(&store, &actor, "import").await;
    assert_eq!(store.jobs_interrupt().await.unwrap(), 2);
    for id in [other.id, queued.id] {
        let j = store.job(id).await.unwrap().unwrap();
        assert_eq!((j.status, j.error.as_deref()), (JobStatus::Failed, Some(store::INTERRUPTED)));
    }
    let late = JobEnd::Done { result: "{}".into(), files: vec![] };
    assert!(!store.job_finish(other.id, late).await.unwrap(), "an interrupted job stays so");
    assert_eq!(store.job(job.id).await.unwrap().unwrap().status, JobStatus::Cancelled);
}
}
