//! Cross-impact matrices of a workspace: made by its coordinator, scored cell by cell by
//! its contributors and coordinators (one score per assessor per cell, with a reason),
//! aggregated as `coherence matrix` aggregates a judgements file (median, disagreement,
//! network metrics), and a progress view of who has not scored what.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use store::{MatrixElement, MatrixRecord, Role, Shared};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::routes::workspaces::reason;
use crate::routes::{ApiJson, Page, Paged};

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(one))
        .routes(routes!(scores, score))
        .routes(routes!(aggregate))
        .routes(routes!(progress))
}

/// An element of a matrix.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct Element {
    /// Its id (1 to 64 letters, digits, `-`, `_` or `.`; unique in the matrix).
    pub(crate) id: String,
    /// What it is (1 to 500 characters, no line breaks or tabs).
    pub(crate) label: String,
}

/// A matrix.
#[derive(Serialize, ToSchema)]
pub(crate) struct MatrixInfo {
    /// Its id.
    id: i64,
    /// Its workspace.
    workspace_id: i64,
    /// Its name.
    name: String,
    /// Its elements (rows and columns), in order.
    elements: Vec<Element>,
    /// Who made it (a user id).
    created_by: i64,
    /// When.
    created_at: String,
}

impl From<MatrixRecord> for MatrixInfo {
    fn from(m: MatrixRecord) -> MatrixInfo {
        MatrixInfo {
            id: m.id,
            workspace_id: m.workspace_id,
            name: m.name,
            elements: m
                .elements
                .into_iter()
                .map(|e| Element { id: e.id, label: e.label })
                .collect(),
            created_by: m.created_by,
            created_at: m.created_at,
        }
    }
}

/// The matrix `matrix` of workspace `id`, readable by the caller; 404 otherwise.
pub(crate) async fn matrix_of(
    state: &AppState,
    caller: &Caller,
    id: i64,
    matrix: i64,
) -> ApiResult<(Access, MatrixRecord)> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Matrices)?;
    let record = state
        .store()
        .matrix(matrix)
        .await?
        .filter(|m| m.workspace_id == id)
        .ok_or_else(|| ApiError::not_found(format!("matrix {matrix} of workspace {id}")))?;
    Ok((access, record))
}

/// The matrices of a workspace.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/matrices", tag = "matrices",
    params(("id" = i64, Path, description = "The workspace's id"), Page),
    responses((status = 200, body = Paged<MatrixInfo>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(page): Query<Page>,
) -> ApiResult<Json<Paged<MatrixInfo>>> {
    let (_, matrices) = matrices_of(&state, &caller, id).await?;
    Ok(Json(page.of(matrices.into_iter().map(MatrixInfo::from).collect())?))
}

/// The caller's access to workspace `id` and its matrices, if it may read them.
pub(crate) async fn matrices_of(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> ApiResult<(Access, Vec<MatrixRecord>)> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Matrices)?;
    let matrices = state.store().matrices(id).await?;
    Ok((access, matrices))
}

/// A new matrix.
#[derive(Deserialize, ToSchema)]
pub(crate) struct NewMatrix {
    /// Its name (1 to 200 characters, unique in the workspace).
    pub(crate) name: String,
    /// Its elements (2 to 200).
    pub(crate) elements: Vec<Element>,
    /// Why.
    pub(crate) reason: String,
}

fn is_element_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Makes a matrix in the workspace (its coordinator).
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/matrices", tag = "matrices", request_body = NewMatrix,
    params(("id" = i64, Path, description = "The workspace's id")),
    responses((status = 201, body = MatrixInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn add(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<NewMatrix>,
) -> ApiResult<(StatusCode, Json<MatrixInfo>)> {
    let made = add_matrix(&state, &caller, id, &body).await?;
    Ok((StatusCode::CREATED, Json(made.into())))
}

/// Makes the matrix `body` in workspace `id` as the caller (its coordinator): what
/// `POST /api/v1/workspaces/{id}/matrices` does.
pub(crate) async fn add_matrix(
    state: &AppState,
    caller: &Caller,
    id: i64,
    body: &NewMatrix,
) -> ApiResult<MatrixRecord> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Matrices)?;
    access.coordinate("make a cross-impact matrix")?;
    let reason = reason(&body.reason)?;
    let name = body.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiError::invalid("name", "a matrix's name has 1 to 200 characters"));
    }
    if body.elements.len() < 2 || body.elements.len() > 200 {
        return Err(ApiError::invalid("elements", "a matrix has 2 to 200 elements"));
    }
    let mut elements = Vec::with_capacity(body.elements.len());
    for e in &body.elements {
        let label = e.label.trim();
        let element = MatrixElement { id: e.id.trim().to_owned(), label: label.to_owned() };
        if !is_element_id(&element.id)
            || label.is_empty()
            || label.chars().count() > 500
            || !element.is_storable()
        {
            return Err(ApiError::invalid(
                "elements",
                format!(
                    "element {:?}: an id of 1 to 64 letters, digits, '-', '_' or '.', and a label of 1 to 500 characters on one line",
                    e.id
                ),
            ));
        }
        if elements.iter().any(|x: &MatrixElement| x.id == element.id) {
            return Err(ApiError::invalid(
                "elements",
                format!("element {:?} is given twice", element.id),
            ));
        }
        elements.push(element);
    }
    let actor = store::Actor::user(caller.user.id, reason);
    Ok(state.store().matrix_add(id, name, &elements, &actor).await?)
}

/// One matrix.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/matrices/{matrix}", tag = "matrices",
    params(("id" = i64, Path, description = "The workspace's id"), ("matrix" = i64, Path, description = "The matrix's id")),
    responses((status = 200, body = MatrixInfo), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, matrix)): Path<(i64, i64)>,
) -> ApiResult<Json<MatrixInfo>> {
    Ok(Json(matrix_of(&state, &caller, id, matrix).await?.1.into()))
}

/// One assessor's score of one cell.
#[derive(Serialize, ToSchema)]
pub(crate) struct ScoreInfo {
    /// The assessor (a user id).
    assessor_id: i64,
    /// The influencing element.
    row: String,
    /// The influenced element.
    col: String,
    /// −3 to +3.
    score: i64,
    /// The assessor's reason.
    reason: String,
    /// When.
    at: String,
}

impl From<store::MatrixScore> for ScoreInfo {
    fn from(s: store::MatrixScore) -> ScoreInfo {
        ScoreInfo {
            assessor_id: s.assessor_id,
            row: s.row_id,
            col: s.col_id,
            score: s.score,
            reason: s.reason,
            at: s.at,
        }
    }
}

/// Every score of a matrix: who scored what, by row, column and assessor.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/matrices/{matrix}/scores", tag = "matrices",
    params(("id" = i64, Path, description = "The workspace's id"), ("matrix" = i64, Path, description = "The matrix's id"), Page),
    responses((status = 200, body = Paged<ScoreInfo>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn scores(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, matrix)): Path<(i64, i64)>,
    Query(page): Query<Page>,
) -> ApiResult<Json<Paged<ScoreInfo>>> {
    let (_, _, scores) = scores_of(&state, &caller, id, matrix).await?;
    Ok(Json(page.of(scores.into_iter().map(ScoreInfo::from).collect())?))
}

/// The caller's access, the matrix `matrix` of workspace `id` and every score of it (by
/// row, column and assessor), if the caller may read it.
pub(crate) async fn scores_of(
    state: &AppState,
    caller: &Caller,
    id: i64,
    matrix: i64,
) -> ApiResult<(Access, MatrixRecord, Vec<store::MatrixScore>)> {
    let (access, record) = matrix_of(state, caller, id, matrix).await?;
    let scores = state.store().matrix_scores(matrix).await?;
    Ok((access, record, scores))
}

/// A score of one cell.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ScoreBody {
    /// The influencing element's id.
    pub(crate) row: String,
    /// The influenced element's id.
    pub(crate) col: String,
    /// −3 (counteracts strongly) to +3 (reinforces strongly).
    #[schema(minimum = -3, maximum = 3)]
    pub(crate) score: i64,
    /// Why (required).
    pub(crate) reason: String,
}

/// What scoring did.
#[derive(Serialize, ToSchema)]
pub(crate) struct Scored {
    /// The caller's score now.
    score: i64,
    /// The caller's earlier score of the cell, replaced (`null`: the first).
    replaced: Option<i64>,
}

/// Scores a cell as the caller (its contributors and coordinators); a new score replaces
/// the caller's own, and the audit trail keeps the old one.
#[utoipa::path(put, path = "/api/v1/workspaces/{id}/matrices/{matrix}/scores", tag = "matrices", request_body = ScoreBody,
    params(("id" = i64, Path, description = "The workspace's id"), ("matrix" = i64, Path, description = "The matrix's id")),
    responses((status = 200, body = Scored), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn score(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, matrix)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<ScoreBody>,
) -> ApiResult<Json<Scored>> {
    let (access, record) = matrix_of(&state, &caller, id, matrix).await?;
    may_score(&access)?;
    let reason = check_score(&record, &body)?;
    let old = save_score(&state, &access, &record, &body, reason).await?;
    Ok(Json(Scored { score: body.score, replaced: old }))
}

/// Requires that the caller may score the workspace's matrices: its contributors and
/// coordinators.
pub(crate) fn may_score(access: &Access) -> ApiResult<()> {
    if matches!(access.role, Some(Role::Contributor | Role::Coordinator)) {
        Ok(())
    } else {
        Err(ApiError::forbidden(format!(
            "scoring a matrix of workspace {} needs the contributor or coordinator role",
            access.workspace.id
        )))
    }
}

/// Checks a score of `record`'s cell (an element of the matrix on another, −3 … +3, a
/// reason); returns the reason, trimmed.
pub(crate) fn check_score(record: &MatrixRecord, body: &ScoreBody) -> ApiResult<String> {
    let reason = reason(&body.reason)?;
    if !(-3..=3).contains(&body.score) {
        return Err(ApiError::invalid("score", "a score is an integer from -3 to +3"));
    }
    for (field, element) in [("row", &body.row), ("col", &body.col)] {
        if !record.elements.iter().any(|e| &e.id == element) {
            return Err(ApiError::invalid(
                field,
                format!("matrix {} has no element {element:?}", record.id),
            ));
        }
    }
    if body.row == body.col {
        return Err(ApiError::invalid("col", "an element is not scored on itself"));
    }
    Ok(reason)
}

/// Stores a score checked by [`check_score`] as the caller's (after [`may_score`]),
/// audited; returns the caller's earlier score of the cell, replaced.
pub(crate) async fn save_score(
    state: &AppState,
    access: &Access,
    record: &MatrixRecord,
    body: &ScoreBody,
    reason: String,
) -> ApiResult<Option<i64>> {
    let actor = store::Actor::user(access.user_id, reason);
    let old =
        state.store().matrix_score(record.id, &body.row, &body.col, body.score, &actor).await?;
    Ok(old.map(|o| o.score))
}

/// The aggregate of a matrix's scores (as `coherence matrix --json` gives it for the
/// same judgements, assessors named by user id), or `null` before any score.
#[derive(Serialize, ToSchema)]
pub(crate) struct Aggregate {
    /// Nodes, assessors and cells with median and disagreement.
    #[schema(value_type = Object)]
    matrix: Option<serde_json::Value>,
    /// The network metrics.
    #[schema(value_type = Object)]
    metrics: Option<serde_json::Value>,
}

/// The aggregate of a matrix: median and disagreement per cell, and network metrics.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/matrices/{matrix}/aggregate", tag = "matrices",
    params(("id" = i64, Path, description = "The workspace's id"), ("matrix" = i64, Path, description = "The matrix's id")),
    responses((status = 200, body = Aggregate), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn aggregate(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, matrix)): Path<(i64, i64)>,
) -> ApiResult<Json<Aggregate>> {
    let (_, _, report) = report_of(&state, &caller, id, matrix).await?;
    let value = |v: Result<serde_json::Value, serde_json::Error>| {
        v.map_err(|e| ApiError::hidden(crate::Kind::Internal, &format!("serialising: {e}")))
    };
    Ok(Json(match report {
        None => Aggregate { matrix: None, metrics: None },
        Some(r) => Aggregate {
            matrix: Some(value(serde_json::to_value(&r.matrix))?),
            metrics: Some(value(serde_json::to_value(&r.metrics))?),
        },
    }))
}

/// The caller's access, the matrix `matrix` of workspace `id` and the aggregate of its
/// scores with the default metrics options (`None` before any score), if the caller may
/// read it: what `GET …/aggregate` serialises.
pub(crate) async fn report_of(
    state: &AppState,
    caller: &Caller,
    id: i64,
    matrix: i64,
) -> ApiResult<(Access, MatrixRecord, Option<analysis::assess::MatrixReport>)> {
    let (access, record) = matrix_of(state, caller, id, matrix).await?;
    let options = analysis::assess::MetricsOptions::default();
    let report = state.app.stored_matrix_report(matrix, &options).await?;
    Ok((access, record, report))
}

/// One assessor's progress.
#[derive(Serialize, ToSchema)]
pub(crate) struct AssessorProgress {
    /// The assessor (a user id).
    pub(crate) user_id: i64,
    /// Its role in the workspace (`null`: no longer a member, its scores kept).
    pub(crate) role: Option<String>,
    /// Cells it scored.
    pub(crate) scored: usize,
    /// Cells it has not scored, as `row→col` (at most 1,000 listed).
    pub(crate) unscored: Vec<String>,
}

/// Who has scored how much of a matrix: every contributor and coordinator of the
/// workspace, and anyone who scored it.
#[derive(Serialize, ToSchema)]
pub(crate) struct Progress {
    /// Cells of the matrix (n × (n − 1)).
    pub(crate) cells: usize,
    /// By assessor.
    pub(crate) assessors: Vec<AssessorProgress>,
}

/// Which cells are unscored by whom.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/matrices/{matrix}/progress", tag = "matrices",
    params(("id" = i64, Path, description = "The workspace's id"), ("matrix" = i64, Path, description = "The matrix's id")),
    responses((status = 200, body = Progress), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn progress(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, matrix)): Path<(i64, i64)>,
) -> ApiResult<Json<Progress>> {
    let (_, record, scores) = scores_of(&state, &caller, id, matrix).await?;
    Ok(Json(progress_of(&state, &record, &scores).await?))
}

/// Who has scored how much of `record` (with its `scores`): every contributor and
/// coordinator of its workspace, and anyone who scored it, by user id.
pub(crate) async fn progress_of(
    state: &AppState,
    record: &MatrixRecord,
    scores: &[store::MatrixScore],
) -> ApiResult<Progress> {
    let id = record.workspace_id;
    let members = state.store().memberships_of_workspace(id).await?;
    let mut who: Vec<(i64, Option<String>)> = members
        .iter()
        .filter(|m| matches!(m.role, Role::Contributor | Role::Coordinator))
        .map(|m| (m.user_id, Some(m.role.as_str().to_owned())))
        .collect();
    for s in scores {
        if !who.iter().any(|(u, _)| *u == s.assessor_id) {
            who.push((s.assessor_id, None));
        }
    }
    who.sort_by_key(|(u, _)| *u);
    let cells: Vec<(&str, &str)> = record
        .elements
        .iter()
        .flat_map(|r| record.elements.iter().map(move |c| (r.id.as_str(), c.id.as_str())))
        .filter(|(r, c)| r != c)
        .collect();
    let assessors = who
        .into_iter()
        .map(|(user_id, role)| {
            let done = |r: &str, c: &str| {
                scores.iter().any(|s| s.assessor_id == user_id && s.row_id == r && s.col_id == c)
            };
            let scored = cells.iter().filter(|(r, c)| done(r, c)).count();
            let unscored = cells
                .iter()
                .filter(|(r, c)| !done(r, c))
                .take(1000)
                .map(|(r, c)| format!("{r}→{c}"))
                .collect();
            AssessorProgress { user_id, role, scored, unscored }
        })
        .collect();
    Ok(Progress { cells: cells.len(), assessors })
}
