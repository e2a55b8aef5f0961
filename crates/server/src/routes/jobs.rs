//! Jobs: their status, progress and result, the files they produced, cancellation, and
//! the lists of a workspace's and of the instance's jobs.
//!
//! Who sees a job: the members of its workspace and the admins; a partner reading a
//! government's scenarios (shared with its partnership) sees that workspace's scenario
//! jobs; an instance-wide job (an import) is seen by the admins and the user who started
//! it. A job the caller may not see answers 404. Its creator, its workspace's
//! coordinators and the admins may cancel it.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use store::{Actor, Job, JobStatus, Role, Shared};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::routes::{Page, Paged};

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(instance_jobs))
        .routes(routes!(one))
        .routes(routes!(cancel))
        .routes(routes!(file))
        .routes(routes!(workspace_jobs))
}

/// A file a job produced.
#[derive(Serialize, ToSchema)]
pub(crate) struct FileInfo {
    /// Its name (fetch it at `/api/v1/jobs/{id}/files/{name}`).
    name: String,
    /// Its media type.
    content_type: String,
    /// Its size in bytes.
    size: i64,
}

/// A job.
#[derive(Serialize, ToSchema)]
pub(crate) struct JobInfo {
    /// Its id.
    id: i64,
    /// Its workspace (`null`: instance-wide, e.g. an import).
    workspace_id: Option<i64>,
    /// What it does: `import`, `scenario`, `estimate.flows`, `estimate.remittances`,
    /// `gravity`.
    kind: String,
    /// `queued`, `running`, `done`, `failed` or `cancelled`.
    status: String,
    /// Work done, in the job's own unit (rows, draws).
    progress_done: i64,
    /// Work to do (0 when unknown).
    progress_total: i64,
    /// Whether a cancellation was asked for.
    cancel_requested: bool,
    /// The request.
    #[schema(value_type = Object)]
    params: serde_json::Value,
    /// The result, when done.
    #[schema(value_type = Option<Object>)]
    result: Option<serde_json::Value>,
    /// Why it failed (`interrupted`: the server stopped while it ran).
    error: Option<String>,
    /// Who started it.
    created_by: i64,
    /// When it was made.
    created_at: String,
    /// When its work began.
    started_at: Option<String>,
    /// When it ended.
    finished_at: Option<String>,
    /// The files it produced (when done).
    files: Vec<FileInfo>,
}

/// The JSON stored as `text`, or `null` for a text that is not JSON.
fn json_of(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or(serde_json::Value::Null)
}

/// The API's view of `job` (its files listed when `with_files`).
pub(crate) async fn info(state: &AppState, job: Job, with_files: bool) -> ApiResult<JobInfo> {
    let files = if with_files && job.status == JobStatus::Done {
        state
            .store()
            .job_files(job.id)
            .await?
            .into_iter()
            .map(|f| FileInfo { name: f.name, content_type: f.content_type, size: f.size })
            .collect()
    } else {
        Vec::new()
    };
    Ok(JobInfo {
        id: job.id,
        workspace_id: job.workspace_id,
        kind: job.kind,
        status: job.status.as_str().to_owned(),
        progress_done: job.progress_done,
        progress_total: job.progress_total,
        cancel_requested: job.cancel_requested,
        params: json_of(&job.params),
        result: job.result.as_deref().map(json_of),
        error: job.error,
        created_by: job.created_by,
        created_at: job.created_at,
        started_at: job.started_at,
        finished_at: job.finished_at,
        files,
    })
}

/// Whether the caller may see a job of `kind` with `access` to its workspace.
fn sees_in(access: &Access, kind: &str) -> bool {
    access.is_member_or_admin() || (kind == "scenario" && access.read(Shared::Scenarios).is_ok())
}

/// Job `id`, if the caller may see it (404 otherwise), with the caller's standing in its
/// workspace.
pub(crate) async fn visible(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> ApiResult<(Job, Option<Access>)> {
    let not_found = || ApiError::not_found(format!("job {id}"));
    let job = state.store().job(id).await?.ok_or_else(not_found)?;
    match job.workspace_id {
        None if caller.user.is_admin || job.created_by == caller.user.id => Ok((job, None)),
        None => Err(not_found()),
        Some(w) => {
            let access = Access::to(state, caller, w).await.map_err(|_| not_found())?;
            if sees_in(&access, &job.kind) { Ok((job, Some(access))) } else { Err(not_found()) }
        }
    }
}

/// A status to filter a list of jobs by.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct StatusFilter {
    /// Only jobs of this status (`queued`, `running`, `done`, `failed`, `cancelled`).
    status: Option<String>,
}

impl StatusFilter {
    fn status(&self) -> ApiResult<Option<JobStatus>> {
        self.status
            .as_deref()
            .map(|s| {
                JobStatus::parse(s).ok_or_else(|| {
                    ApiError::invalid(
                        "status",
                        "status is queued, running, done, failed or cancelled",
                    )
                })
            })
            .transpose()
    }
}

/// The instance-wide jobs (imports), newest first: every one for an admin, the caller's
/// own for others.
#[utoipa::path(get, path = "/api/v1/jobs", tag = "jobs", params(Page, StatusFilter),
    responses((status = 200, body = Paged<JobInfo>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn instance_jobs(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<Page>,
    Query(filter): Query<StatusFilter>,
) -> ApiResult<Json<Paged<JobInfo>>> {
    let jobs = state.store().jobs(None, filter.status()?).await?;
    let mine: Vec<Job> = jobs
        .into_iter()
        .filter(|j| caller.user.is_admin || j.created_by == caller.user.id)
        .collect();
    let page = page.of(mine)?;
    let mut items = Vec::with_capacity(page.items.len());
    for job in page.items {
        items.push(info(&state, job, false).await?);
    }
    Ok(Json(Paged { total: page.total, offset: page.offset, items }))
}

/// The jobs of a workspace, newest first (its members and admins; a partner reading its
/// scenarios sees its scenario jobs).
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/jobs", tag = "jobs",
    params(("id" = i64, Path, description = "The workspace's id"), Page, StatusFilter),
    responses((status = 200, body = Paged<JobInfo>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn workspace_jobs(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(page): Query<Page>,
    Query(filter): Query<StatusFilter>,
) -> ApiResult<Json<Paged<JobInfo>>> {
    let (_, seen) = workspace_job_list(&state, &caller, id, filter.status()?).await?;
    let page = page.of(seen)?;
    let mut items = Vec::with_capacity(page.items.len());
    for job in page.items {
        items.push(info(&state, job, false).await?);
    }
    Ok(Json(Paged { total: page.total, offset: page.offset, items }))
}

/// The jobs of workspace `id` the caller sees (of `status` if given), newest first, with
/// the caller's access: its members and admins see all of them, a partner reading its
/// scenarios its scenario jobs; 404 for anyone else.
pub(crate) async fn workspace_job_list(
    state: &AppState,
    caller: &Caller,
    id: i64,
    status: Option<JobStatus>,
) -> ApiResult<(Access, Vec<Job>)> {
    let access = Access::to(state, caller, id).await?;
    if !access.is_member_or_admin() {
        access.read(Shared::Scenarios)?;
    }
    let jobs = state.store().jobs(Some(id), status).await?;
    let seen = jobs.into_iter().filter(|j| sees_in(&access, &j.kind)).collect();
    Ok((access, seen))
}

/// A job: its status, progress, result when done, error when failed, and files.
#[utoipa::path(get, path = "/api/v1/jobs/{id}", tag = "jobs",
    params(("id" = i64, Path, description = "The job's id")),
    responses((status = 200, body = JobInfo), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<JobInfo>> {
    let (job, _) = visible(&state, &caller, id).await?;
    Ok(Json(info(&state, job, true).await?))
}

/// Asks a job to stop (its creator, its workspace's coordinators, admins); it ends
/// `cancelled` soon after. Audited as `job.cancel`. 409 if it has ended.
#[utoipa::path(post, path = "/api/v1/jobs/{id}/cancel", tag = "jobs",
    params(("id" = i64, Path, description = "The job's id")),
    responses((status = 202, body = JobInfo), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn cancel(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<(axum::http::StatusCode, Json<JobInfo>)> {
    let (job, access) = visible(&state, &caller, id).await?;
    let coordinator = access.as_ref().is_some_and(|a| a.role == Some(Role::Coordinator));
    if !(caller.user.is_admin || job.created_by == caller.user.id || coordinator) {
        return Err(ApiError::forbidden(
            "only the job's creator, its workspace's coordinators and admins may cancel it",
        ));
    }
    let actor = Actor::user(caller.user.id, "cancel the job");
    if !state.store().job_cancel(&job, &actor).await? {
        return Err(ApiError::new(
            crate::Kind::Conflict,
            format!("job {id} has ended ({}) or is being cancelled", job.status.as_str()),
        ));
    }
    let job =
        state.store().job(id).await?.ok_or_else(|| ApiError::not_found(format!("job {id}")))?;
    Ok((axum::http::StatusCode::ACCEPTED, Json(info(&state, job, false).await?)))
}

/// A file a job produced, with its media type.
#[utoipa::path(get, path = "/api/v1/jobs/{id}/files/{name}", tag = "jobs",
    params(("id" = i64, Path, description = "The job's id"), ("name" = String, Path, description = "The file's name")),
    responses((status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn file(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, name)): Path<(i64, String)>,
) -> ApiResult<Response> {
    visible(&state, &caller, id).await?;
    let found = state.store().job_file(id, &name).await?;
    let f = found.ok_or_else(|| ApiError::not_found(format!("file {name:?} of job {id}")))?;
    // Names are the job's own (letters, digits, '.', '-', '_'); quoted all the same.
    let safe: String = f
        .name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    let disposition = format!("attachment; filename=\"{safe}\"");
    Ok(([(CONTENT_TYPE, f.content_type), (CONTENT_DISPOSITION, disposition)], f.bytes)
        .into_response())
}
