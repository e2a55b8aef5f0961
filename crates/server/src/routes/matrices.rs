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
    id: String,
    /// What it is (1 to 500 characters, no line breaks or tabs).
    label: String,
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
async fn matrix_of(
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
    Access::to(&state, &caller, id).await?.read(Shared::Matrices)?;
    let items = state.store().matrices(id).await?.into_iter().map(MatrixInfo::from).collect();
    Ok(Json(page.of(items)?))
}

/// A new matrix.
#[derive(Deserialize, ToSchema)]
pub(crate) struct NewMatrix {
    /// Its name (1 to 200 characters, unique in the workspace).
    name: String,
    /// Its elements (2 to 200).
    elements: Vec<Element>,
    /// Why.
    reason: String,
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
    let access = Access::to(&state, &caller, id).await?;
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
    let made = state.store().matrix_add(id, name, &elements, &actor).await?;
    Ok((StatusCode::CREATED, Json(made.into())))
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
    matrix_of(&state, &caller, id, matrix).await?;
    let items =
        state.store().matrix_scores(matrix).await?.into_iter().map(ScoreInfo::from).collect();
    Ok(Json(page.of(items)?))
}

/// A score of one cell.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ScoreBody {
    /// The influencing element's id.
    row: String,
    /// The influenced element's id.
    col: String,
    /// −3 (counteracts strongly) to +3 (reinforces strongly).
    #[schema(minimum = -3, maximum = 3)]
    score: i64,
    /// Why (required).
    reason: String,
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
    if !matches!(access.role, Some(Role::Contributor | Role::Coordinator)) {
        return Err(ApiError::forbidden(format!(
            "scoring a matrix of workspace {id} needs the contributor or coordinator role"
        )));
    }
    let reason = reason(&body.reason)?;
    if !(-3..=3).contains(&body.score) {
        return Err(ApiError::invalid("score", "a score is an integer from -3 to +3"));
    }
    for (field, element) in [("row", &body.row), ("col", &body.col)] {
        if !record.elements.iter().any(|e| &e.id == element) {
            return Err(ApiError::invalid(
                field,
                format!("matrix {matrix} has no element {element:?}"),
            ));
        }
    }
    if body.row == body.col {
        return Err(ApiError::invalid("col", "an element is not scored on itself"));
    }
    let actor = store::Actor::user(access.user_id, reason);
    let old = state.store().matrix_score(matrix, &body.row, &body.col, body.score, &actor).await?;
    Ok(Json(Scored { score: body.score, replaced: old.map(|o| o.score) }))
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
    matrix_of(&state, &caller, id, matrix).await?;
    let options = analysis::assess::MetricsOptions::default();
    let report = state.app.stored_matrix_report(matrix, &options).await?;
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

/// One assessor's progress.
#[derive(Serialize, ToSchema)]
pub(crate) struct AssessorProgress {
    /// The assessor (a user id).
    user_id: i64,
    /// Its role in the workspace (`null`: no longer a member, its scores kept).
    role: Option<String>,
    /// Cells it scored.
    scored: usize,
    /// Cells it has not scored, as `row→col` (at most 1,000 listed).
    unscored: Vec<String>,
}

/// Who has scored how much of a matrix: every contributor and coordinator of the
/// workspace, and anyone who scored it.
#[derive(Serialize, ToSchema)]
pub(crate) struct Progress {
    /// Cells of the matrix (n × (n − 1)).
    cells: usize,
    /// By assessor.
    assessors: Vec<AssessorProgress>,
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
    let (_, record) = matrix_of(&state, &caller, id, matrix).await?;
    let scores = state.store().matrix_scores(matrix).await?;
    let members = state.store().memberships_of_workspace(id).await?;
    let mut who: Vec<(i64, Option<String>)> = members
        .iter()
        .filter(|m| matches!(m.role, Role::Contributor | Role::Coordinator))
        .map(|m| (m.user_id, Some(m.role.as_str().to_owned())))
        .collect();
    for s in &scores {
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
    Ok(Json(Progress { cells: cells.len(), assessors }))
}
