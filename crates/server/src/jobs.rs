//! Running long work as jobs: a request makes the job (`queued`, audited) and answers 202
//! at once; the work runs in a task of its own (CPU work on a blocking thread), reports
//! its progress through a [`Progress`] that a watcher writes to the store at most every
//! [`PROGRESS_EVERY`], and stops when a cancellation is asked for. The job ends once, its
//! result and files written with its final status in one transaction.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use store::{Actor, Job, JobEnd, JobFile, NewJob};

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};

/// How often a running job's progress is written to the store, and its cancellation read.
pub(crate) const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// A running job's progress and whether it should stop, shared by its work and the
/// watcher that writes it to the store.
#[derive(Debug, Default)]
pub(crate) struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    stop: AtomicBool,
}

impl Progress {
    /// Records `done` of `total` units of work.
    pub(crate) fn set(&self, done: u64, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.done.fetch_max(done, Ordering::Relaxed);
    }

    /// Whether the job was asked to stop.
    pub(crate) fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    fn counts(&self) -> (i64, i64) {
        let clamp = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        (clamp(self.done.load(Ordering::Relaxed)), clamp(self.total.load(Ordering::Relaxed)))
    }
}

/// What a finished job produced: its result (JSON) and files.
#[derive(Debug)]
pub(crate) struct Output {
    /// The result.
    pub(crate) result: serde_json::Value,
    /// The files.
    pub(crate) files: Vec<JobFile>,
}

/// Why a job's work did not finish.
#[derive(Debug)]
pub(crate) enum Stop {
    /// It was asked to stop.
    Cancelled,
    /// It failed; the message is the one the API would answer (no internals).
    Failed(String),
}

impl From<ApiError> for Stop {
    fn from(e: ApiError) -> Stop {
        Stop::Failed(e.message)
    }
}

impl From<analysis::Error> for Stop {
    fn from(e: analysis::Error) -> Stop {
        Stop::from(ApiError::from(e))
    }
}

/// Makes a job of `kind` in `workspace_id` (`None`: instance-wide) for `params`, audited
/// as `job.start`, and runs `work` in the background. Returns the job as made.
///
/// # Errors
/// If the store cannot be written.
pub(crate) async fn start<F, Fut>(
    state: &AppState,
    caller: &Caller,
    workspace_id: Option<i64>,
    kind: &str,
    params: &serde_json::Value,
    work: F,
) -> ApiResult<Job>
where
    F: FnOnce(Arc<Progress>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Output, Stop>> + Send + 'static,
{
    let params = params.to_string();
    let new = NewJob { workspace_id, kind, params: &params };
    let actor = Actor::user(caller.user.id, format!("start a {kind} job"));
    let job = state.store().job_add(&new, &actor).await?;
    let store = state.store().clone();
    let id = job.id;
    tokio::spawn(async move {
        if let Err(e) = run(&store, id, work).await {
            tracing::error!(job = id, error = %e, "the job's state could not be written");
        }
    });
    Ok(job)
}

/// Runs `work` as job `id`, with a watcher writing its progress; writes its end.
async fn run<F, Fut>(store: &store::Store, id: i64, work: F) -> Result<(), store::Error>
where
    F: FnOnce(Arc<Progress>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Output, Stop>> + Send + 'static,
{
    if !store.job_begin(id).await? {
        // Cancelled before it began.
        store.job_finish(id, JobEnd::Cancelled).await?;
        return Ok(());
    }
    let progress = Arc::new(Progress::default());
    let watcher = tokio::spawn(watch(store.clone(), id, Arc::clone(&progress)));
    // The work in a task of its own, so that a panic ends the job as failed. A job asked
    // to stop ends `cancelled` at once; its work stops soon after (a scenario run before
    // its next chunk of draws, other work at its next write) and its output is dropped.
    let mut task = tokio::spawn(work(Arc::clone(&progress)));
    let outcome = tokio::select! {
        outcome = &mut task => Some(outcome),
        () = stopped(&progress) => None,
    };
    watcher.abort();
    let Some(outcome) = outcome else {
        store.job_finish(id, JobEnd::Cancelled).await?;
        return Ok(());
    };
    let (done, total) = progress.counts();
    let stop = store.job_progress(id, done, total).await?;
    let end = match outcome {
        Ok(Ok(output)) => JobEnd::Done { result: output.result.to_string(), files: output.files },
        Ok(Err(Stop::Cancelled)) => JobEnd::Cancelled,
        Ok(Err(Stop::Failed(_))) if stop || progress.stopped() => JobEnd::Cancelled,
        Ok(Err(Stop::Failed(error))) => JobEnd::Failed { error },
        Err(e) => {
            tracing::error!(job = id, error = %e, "a job's work stopped on a defect");
            JobEnd::Failed { error: "the job stopped on an internal error".to_owned() }
        }
    };
    store.job_finish(id, end).await?;
    Ok(())
}

/// Completes once `progress` is told to stop.
async fn stopped(progress: &Progress) {
    while !progress.stopped() {
        tokio::time::sleep(PROGRESS_EVERY).await;
    }
}

/// Writes job `id`'s progress every [`PROGRESS_EVERY`] and tells its work to stop when a
/// cancellation was asked for.
async fn watch(store: store::Store, id: i64, progress: Arc<Progress>) {
    let mut last = (-1, -1);
    loop {
        tokio::time::sleep(PROGRESS_EVERY).await;
        let now = progress.counts();
        let stop = if now == last {
            store.job(id).await.ok().flatten().is_some_and(|j| j.cancel_requested)
        } else {
            last = now;
            store.job_progress(id, now.0, now.1).await.unwrap_or(false)
        };
        if stop {
            progress.stop.store(true, Ordering::Relaxed);
        }
    }
}

/// A writer into memory that fails once its job is asked to stop, so that work writing
/// its output (a scenario run) ends at its next write.
pub(crate) struct StopWriter {
    /// The bytes written.
    pub(crate) bytes: Vec<u8>,
    progress: Arc<Progress>,
}

impl StopWriter {
    /// An empty writer of the job with `progress`.
    pub(crate) fn new(progress: Arc<Progress>) -> StopWriter {
        StopWriter { bytes: Vec::new(), progress }
    }
}

impl std::io::Write for StopWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.progress.stopped() {
            return Err(std::io::Error::new(std::io::ErrorKind::Interrupted, "job cancelled"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
