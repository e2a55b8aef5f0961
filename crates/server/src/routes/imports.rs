//! Official datasets uploaded by an administrator and imported as a job, and one import's
//! provenance.
//!
//! An upload is the file itself as the body (`application/octet-stream`), its name in the
//! query. It goes through the command line's import limits (`analysis::Limits`): a file
//! past one is refused with 413 naming the limit in `field`; the server's body limit stays
//! the outer bound. The import adds a dataset or another file of a stored edition, or is
//! refused (a conflict with stored data fails the job); it never replaces silently, as
//! `coherence import` without `--replace`.

use std::sync::Arc;

use analysis::{FileReader, ImportMode, Input, Limits, UnknownAreas};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::access;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::jobs::{self, Output, Progress, Stop};
use crate::routes::jobs::JobInfo;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(upload)).routes(routes!(provenance))
}

/// An uploaded file's name and layout.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct UploadQuery {
    /// The file's name (its extension tells its format), 1 to 255 characters.
    name: String,
    /// The layout to read it as (`coherence import --kind`); default: recognised.
    kind: Option<String>,
}

/// Uploads an official file (administrators only): it is read and checked against the
/// import limits at once (413 naming the limit, 400 for a file of no known layout), then
/// stored by a job. 202 with the job; its result is the import's report.
#[utoipa::path(post, path = "/api/v1/datasets", tag = "data", params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file"),
    responses((status = 202, body = JobInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 413, body = ErrorBody)))]
async fn upload(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<UploadQuery>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<JobInfo>)> {
    let job = start_import(&state, &caller, &query.name, query.kind, body).await?;
    Ok((StatusCode::ACCEPTED, Json(crate::routes::jobs::info(&state, job, false).await?)))
}

/// Reads and checks the uploaded file `body` named `name` (as layout `kind`, else the
/// recognised one) against the import limits, then starts the job that stores it
/// (administrators only). A file past a limit or of no known layout is refused before
/// any job is made.
pub(crate) async fn start_import(
    state: &AppState,
    caller: &Caller,
    name: &str,
    kind: Option<String>,
    body: Bytes,
) -> ApiResult<store::Job> {
    access::admin(caller)?;
    let name = name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 255 || name.contains(['/', '\\']) {
        return Err(ApiError::invalid("name", "a file name has 1 to 255 characters and no '/'"));
    }
    let limits = Limits::default();
    if body.len() as u64 > limits.file_bytes {
        let found = body.len() as u64;
        return Err(analysis::Error::input_too_large(&name, found, limits.file_bytes).into());
    }
    let reader = FileReader::new(kind.as_deref(), UnknownAreas::Reject, &limits)
        .map_err(|e| ApiError::from(e).on("kind"))?;
    let sha256 = hex(&Sha256::digest(&body));
    let params = serde_json::json!({
        "name": name, "kind": kind, "bytes": body.len(), "sha256": sha256,
    });
    // Reading checks every limit (sizes, inflation, cells) and the layout: a file that
    // passes none is refused here, before any job is made. Storing is the job.
    let input = Input::new(name, body.to_vec());
    let read = tokio::task::spawn_blocking(move || reader.read(&input))
        .await
        .map_err(|e| ApiError::hidden(crate::Kind::Internal, &e))??;
    let app = state.app.acting_as(caller.user.id);
    jobs::start(state, caller, None, "import", &params, move |progress| import(app, read, progress))
        .await
}

/// Stores the file read as a new dataset or another file of a stored edition, as
/// `coherence import` does (one transaction: stored whole or not at all).
async fn import(
    app: analysis::Workspace,
    read: analysis::ReadFile,
    progress: Arc<Progress>,
) -> Result<Output, Stop> {
    if progress.stopped() {
        return Err(Stop::Cancelled);
    }
    let outcome = app
        .load_with(read.dataset(), ImportMode::Add, &mut |done, total| progress.set(done, total))
        .await?;
    let diagnostics: Vec<&str> = read.diagnostics.iter().map(|d| d.text.as_str()).collect();
    let result = serde_json::json!({
        "file": read.path,
        "kind": read.kind,
        "description": read.description,
        "detected": read.detected,
        "diagnostics": diagnostics,
        "outcome": outcome,
    });
    Ok(Output { result, files: Vec::new() })
}

/// `bytes` in lower-case hexadecimal.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// One stored import: its dataset, edition, source, files with their SHA-256 and sizes,
/// and rows (as one item of `GET /api/v1/datasets`).
#[utoipa::path(get, path = "/api/v1/datasets/{id}", tag = "data",
    params(("id" = i64, Path, description = "The import's id")),
    responses((status = 200, description = "The import", body = Object), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn provenance(
    State(state): State<AppState>,
    _caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<analysis::DatasetInfo>> {
    let all = state.app.datasets().await?;
    let found = all.into_iter().find(|d| d.id == id);
    Ok(Json(found.ok_or_else(|| ApiError::not_found(format!("dataset {id}")))?))
}
