//! Scenario runs as jobs: the scenario file (TOML) and the command line's options make a
//! job that runs every draw on a blocking thread and stores the run's files (draws and
//! parameters as CSV and Arrow IPC, the summary, the manifest with their SHA-256) as the
//! job's files: the same bytes as `coherence scenario run FILE --out DIR` with the same
//! file, draws and seed.

use std::sync::Arc;

use analysis::Input;
use analysis::scenario_run::{self, RunFile, RunFiles, RunRequest};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header::CONTENT_TYPE};
use serde::Deserialize;
use store::{JobFile, Role};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::jobs::{self, Output, Progress, Stop, StopWriter};
use crate::routes::jobs::JobInfo;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(run))
}

/// The largest scenario file, in bytes.
const MAX_SCENARIO_BYTES: usize = 1024 * 1024;

/// A run's options, as `coherence scenario run`'s.
#[derive(Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub(crate) struct RunOptions {
    /// Draws in the run (default: the file's `draws`, else the engine's default).
    draws: Option<u64>,
    /// The seed (default: the file's `seed`, else the engine's default).
    seed: Option<u64>,
    /// The scenario file's name, as the run's manifest records it (the command line
    /// records the path it was given); default `scenario.toml`.
    name: Option<String>,
}

/// A run asked for as JSON: the scenario's text and the options.
#[derive(Deserialize, ToSchema)]
pub(crate) struct RunBody {
    /// The scenario file (TOML, docs/scenarios.md).
    scenario: String,
    /// Draws in the run.
    draws: Option<u64>,
    /// The seed.
    seed: Option<u64>,
    /// The file's name, as the manifest records it.
    name: Option<String>,
}

/// The media type of a run's file.
fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, e)| e) {
        Some("csv") => "text/csv; charset=utf-8",
        Some("arrow") => "application/vnd.apache.arrow.file",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// The request's scenario text and options: a JSON body ([`RunBody`]) or the TOML file
/// itself with the options in the query.
fn request_of(
    headers: &HeaderMap,
    body: &[u8],
    query: RunOptions,
) -> ApiResult<(Vec<u8>, RunOptions)> {
    if body.len() > MAX_SCENARIO_BYTES {
        return Err(
            ApiError::new(crate::Kind::TooLarge, "a scenario file is at most 1 MiB").on("body")
        );
    }
    let json = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json {
        return Ok((body.to_vec(), query));
    }
    let parsed: RunBody = serde_json::from_slice(body)
        .map_err(|e| ApiError::invalid("body", format!("the JSON body cannot be used: {e}")))?;
    let options = RunOptions {
        draws: parsed.draws.or(query.draws),
        seed: parsed.seed.or(query.seed),
        name: parsed.name.or(query.name),
    };
    Ok((parsed.scenario.into_bytes(), options))
}

/// Starts a scenario run in a workspace (its contributors and coordinators): the body is
/// the scenario file (TOML, with the options `draws` and `seed` in the query) or JSON
/// `{"scenario", "draws", "seed"}`. Answers 202 with the job; its files are the run's.
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/scenarios", tag = "scenarios",
    params(("id" = i64, Path, description = "The workspace's id"), RunOptions),
    request_body(description = "The scenario file (TOML text), or JSON with the file and the options",
        content((String = "text/plain"), (RunBody = "application/json"))),
    responses((status = 202, body = JobInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody)))]
async fn run(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(query): Query<RunOptions>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<JobInfo>)> {
    runner(&state, &caller, id).await?;
    let (text, options) = request_of(&headers, &body, query)?;
    let name = options.name.unwrap_or_else(|| "scenario.toml".to_owned());
    if name.is_empty() || name.chars().count() > 255 || name.contains(['/', '\\']) {
        return Err(ApiError::invalid("name", "a file name has 1 to 255 characters and no '/'"));
    }
    let planned = plan(&state, name, text.clone(), options.draws, options.seed).await?;
    let job = start(&state, &caller, id, planned, &text).await?;
    Ok((StatusCode::ACCEPTED, Json(crate::routes::jobs::info(&state, job, false).await?)))
}

/// The caller's access to workspace `id` if it may start scenario runs there (and add
/// them to the workspace's brief): its contributors and coordinators; 404 for a workspace
/// it may not read, 403 for another role.
pub(crate) async fn runner(state: &AppState, caller: &Caller, id: i64) -> ApiResult<Access> {
    let access = Access::to(state, caller, id).await?;
    access.read_records()?;
    if !matches!(access.role, Some(Role::Contributor | Role::Coordinator)) {
        return Err(ApiError::forbidden(format!(
            "running a scenario in workspace {id} needs the contributor or coordinator role"
        )));
    }
    Ok(access)
}

/// The scenario file `text` (named `name`) parsed, resolved against the store's baseline
/// and checked against the run's limits, with `draws` and `seed` (else the file's, else
/// the engine's defaults): the run that [`start`] would start. Nothing is written.
///
/// # Errors
/// The parser's and planner's errors (a scenario error names the file's field).
pub(crate) async fn plan(
    state: &AppState,
    name: String,
    text: Vec<u8>,
    draws: Option<u64>,
    seed: Option<u64>,
) -> Result<scenario_run::PlannedRun, analysis::Error> {
    let scenario = scenario_run::parse_scenario(&Input::new(name, text))?;
    let request = RunRequest { draws, seed, ..RunRequest::default() };
    // The limits hold before the job is made; nothing runs otherwise.
    state.app.plan_scenario(&scenario, &request).await
}

/// Starts `planned` as a `scenario` job of workspace `id` for `caller` (who must be a
/// [`runner`]): every draw runs on a blocking thread; the job's files are the run's. The
/// job's parameters keep the scenario `file` it was planned from, so that the run can be
/// repeated (`coherence scenario run`).
pub(crate) async fn start(
    state: &AppState,
    caller: &Caller,
    id: i64,
    planned: scenario_run::PlannedRun,
    file: &[u8],
) -> ApiResult<store::Job> {
    let info = planned.info();
    let params = serde_json::json!({
        "scenario": info.scenario, "draws": info.draws, "seed": info.seed,
        "fingerprint": info.fingerprint, "file": String::from_utf8_lossy(file),
    });
    jobs::start(state, caller, Some(id), "scenario", &params, move |progress| async move {
        tokio::task::spawn_blocking(move || execute(planned, &progress))
            .await
            .map_err(|_| Stop::Failed("the run stopped on an internal error".to_owned()))?
    })
    .await
}

/// Runs `planned` on this (blocking) thread into memory; its files and summary.
fn execute(planned: scenario_run::PlannedRun, progress: &Arc<Progress>) -> Result<Output, Stop> {
    let files = RunFiles::create(|name| {
        Ok::<_, std::convert::Infallible>(RunFile {
            name: name.to_owned(),
            writer: StopWriter::new(Arc::clone(progress)),
        })
    })
    .unwrap_or_else(|e: std::convert::Infallible| match e {});
    let report = |done: u64, total: u64| progress.set(done, total);
    let stop = || progress.stopped();
    let outcome = planned.run_until(Some(1), Some(files), &report, &stop)?;
    if progress.stopped() {
        return Err(Stop::Cancelled);
    }
    let info = &outcome.info;
    let result = serde_json::json!({
        "scenario": info.scenario,
        "baseline": info.baseline.label,
        "fingerprint": info.fingerprint,
        "seed": info.seed,
        "draws": info.draws,
        "shard": info.shard.to_string(),
        "summary": outcome.summary.iter().map(|r| serde_json::json!({
            "option": r.option, "model": r.model, "metric": r.metric, "unit": r.unit,
            "side": r.side.as_str(), "year": r.year, "n": r.stats.n, "mean": r.stats.mean,
            "sd": r.stats.sd, "p05": r.stats.p05, "p25": r.stats.p25, "p50": r.stats.p50,
            "p75": r.stats.p75, "p95": r.stats.p95,
        })).collect::<Vec<_>>(),
    });
    let files = outcome
        .files
        .unwrap_or_default()
        .into_iter()
        .map(|f| JobFile {
            content_type: content_type(&f.name).to_owned(),
            name: f.name,
            bytes: f.writer.bytes,
        })
        .collect();
    Ok(Output { result, files })
}
