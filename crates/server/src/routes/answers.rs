//! A government's answers to the built-in frameworks: versions, their scores, which
//! ministry answers which item, and the coordinator's sign-off.
//!
//! Versions are immutable: storing answers makes a new version (or none if they are the
//! latest's), so a signed-off version stays as it was signed.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use store::{Role, Shared};
use utoipa::{IntoParams, ToSchema};
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
        .routes(routes!(frameworks))
        .routes(routes!(score, store_answers))
        .routes(routes!(versions))
        .routes(routes!(signoff))
        .routes(routes!(assignments, assign))
        .routes(routes!(compare))
}

/// A built-in framework.
#[derive(Serialize, ToSchema)]
pub(crate) struct FrameworkSummary {
    /// Its id.
    id: String,
    /// Its title.
    title: String,
    /// `scored` or `checklist`.
    kind: String,
    /// Whose adaptation it is, if it is not an official instrument.
    adaptation: Option<String>,
    /// The number of domains.
    n_domains: usize,
    /// The number of items.
    n_items: usize,
}

/// The built-in frameworks (any signed-in user).
#[utoipa::path(get, path = "/api/v1/frameworks", tag = "answers",
    responses((status = 200, body = Vec<FrameworkSummary>), (status = 401, body = ErrorBody)))]
async fn frameworks(_caller: Caller) -> ApiResult<Json<Vec<FrameworkSummary>>> {
    let list = analysis::assess::builtin_frameworks()?;
    Ok(Json(
        list.into_iter()
            .map(|f| FrameworkSummary {
                kind: serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                id: f.id,
                title: f.title,
                adaptation: f.adaptation,
                n_domains: f.n_domains,
                n_items: f.n_items,
            })
            .collect(),
    ))
}

/// Which version to read.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Version {
    /// The version (the latest when not given).
    #[param(minimum = 1)]
    version: Option<i64>,
}

/// A stored version, scored: `answers` (the version's provenance) and `assessment`
/// (the score, as `coherence assess --json` gives it), and its sign-off if any.
#[derive(Serialize, ToSchema)]
pub(crate) struct ScoredVersion {
    /// The version's provenance: version, file, who, when, why.
    #[schema(value_type = Object)]
    answers: serde_json::Value,
    /// The score.
    #[schema(value_type = Object)]
    assessment: serde_json::Value,
    /// The sign-off of this version, if it is signed.
    signoff: Option<SignoffBody>,
}

/// A sign-off.
#[derive(Serialize, ToSchema)]
pub(crate) struct SignoffBody {
    /// The signed version.
    version: i64,
    /// The coordinator's user id.
    user_id: i64,
    /// When (RFC 3339, UTC).
    at: String,
    /// The coordinator's note.
    note: String,
}

impl From<analysis::assess::SignoffInfo> for SignoffBody {
    fn from(s: analysis::assess::SignoffInfo) -> SignoffBody {
        SignoffBody { version: s.version, user_id: s.user_id, at: s.at, note: s.note }
    }
}

fn json<T: Serialize>(value: &T) -> ApiResult<serde_json::Value> {
    serde_json::to_value(value)
        .map_err(|e| ApiError::hidden(crate::Kind::Internal, &format!("serialising: {e}")))
}

async fn scored(
    state: &AppState,
    country: &str,
    framework: &str,
    version: Option<i64>,
) -> ApiResult<ScoredVersion> {
    let stored = state.app.stored_assessment(country, framework, version).await?;
    let signoff = state
        .app
        .answer_signoffs(country, framework)
        .await?
        .into_iter()
        .find(|s| s.version == stored.answers.version)
        .map(SignoffBody::from);
    Ok(ScoredVersion {
        answers: json(&stored.answers)?,
        assessment: json(&stored.assessment)?,
        signoff,
    })
}

/// The score of a version of the government's answers to a framework (the latest, or
/// `version`).
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/answers/{framework}", tag = "answers",
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id"), Version),
    responses((status = 200, body = ScoredVersion), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn score(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
    Query(v): Query<Version>,
) -> ApiResult<Json<ScoredVersion>> {
    let access = Access::to(&state, &caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    Ok(Json(scored(&state, country.as_str(), &framework, v.version).await?))
}

/// Answers to store: `answers` (item → answer code) or `csv` (the text of an answers
/// file, `item,answer` rows, as `coherence assess` reads it), and why.
#[derive(Deserialize, ToSchema)]
pub(crate) struct AnswersBody {
    /// Answers by item id.
    answers: Option<BTreeMap<String, String>>,
    /// An answers file's text.
    csv: Option<String>,
    /// Why.
    reason: String,
}

/// What storing answers did.
#[derive(Serialize, ToSchema)]
pub(crate) struct StoredOutcome {
    /// `added` (a new version) or `unchanged` (the latest version has these answers).
    status: String,
    /// The version holding the answers, scored.
    stored: ScoredVersion,
}

/// Stores a new version of the government's answers. A coordinator stores a whole set;
/// a contributor only the items assigned to its ministry, which replace those items of
/// the latest version.
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/answers/{framework}", tag = "answers", request_body = AnswersBody,
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id")),
    responses((status = 201, body = StoredOutcome), (status = 200, body = StoredOutcome), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn store_answers(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
    ApiJson(body): ApiJson<AnswersBody>,
) -> ApiResult<(StatusCode, Json<StoredOutcome>)> {
    let access = Access::to(&state, &caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    let contributor = access.role == Some(Role::Contributor);
    if !contributor {
        access.coordinate("store its answers to a framework")?;
    }
    let reason = reason(&body.reason)?;
    let app = state.app.acting_as(caller.user.id);
    let items: Vec<(String, String)> = match (body.answers, body.csv) {
        (Some(map), None) => map.into_iter().collect(),
        (None, Some(csv)) => analysis::assess::read_answer_items(
            &framework,
            &analysis::Input::new("answers.csv", csv.into_bytes()),
        )
        .map_err(|e| ApiError::from(e).on("csv"))?,
        _ => return Err(ApiError::invalid("answers", "give either answers or csv")),
    };
    if contributor {
        let mine = access.ministry.as_deref().unwrap_or_default();
        let assigned = state.app.answer_assignments(country.as_str(), &framework).await?;
        let not_mine: Vec<&str> = items
            .iter()
            .map(|(item, _)| item.as_str())
            .filter(|item| !assigned.iter().any(|(i, m)| i.eq_ignore_ascii_case(item) && m == mine))
            .collect();
        if !not_mine.is_empty() {
            return Err(ApiError::forbidden(format!(
                "a contributor of {mine:?} answers only the items assigned to its ministry; not assigned to it: {}",
                not_mine.join(", ")
            )));
        }
    }
    let outcome = app
        .store_answer_items(
            country.as_str(),
            &framework,
            &items,
            contributor,
            &caller.user.name,
            &reason,
        )
        .await?;
    let version = outcome.stored.answers.version;
    let status = outcome.status.as_str().to_owned();
    let code = if status == "added" { StatusCode::CREATED } else { StatusCode::OK };
    let stored = scored(&state, country.as_str(), &framework, Some(version)).await?;
    Ok((code, Json(StoredOutcome { status, stored })))
}

/// One version in the history.
#[derive(Serialize, ToSchema)]
pub(crate) struct VersionInfo {
    /// The version.
    version: i64,
    /// When it was stored.
    stored_at: String,
    /// Who stored it (the sign-in name).
    stored_by: String,
    /// Why.
    reason: String,
    /// How many items are answered.
    n_answers: usize,
    /// The source it was read from.
    file: String,
    /// Its sign-off, if it is signed.
    signoff: Option<SignoffBody>,
}

/// Every stored version of the government's answers to a framework, oldest first.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/answers/{framework}/versions", tag = "answers",
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id"), Page),
    responses((status = 200, body = Paged<VersionInfo>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn versions(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
    Query(page): Query<Page>,
) -> ApiResult<Json<Paged<VersionInfo>>> {
    let access = Access::to(&state, &caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    analysis::assess::load_framework(analysis::assess::FrameworkSource::Builtin(&framework))?;
    let signoffs = state.app.answer_signoffs(country.as_str(), &framework).await?;
    let items = state
        .app
        .answer_history(country.as_str(), Some(&framework))
        .await?
        .into_iter()
        .map(|a| VersionInfo {
            signoff: signoffs
                .iter()
                .find(|s| s.version == a.version)
                .cloned()
                .map(SignoffBody::from),
            version: a.version,
            stored_at: a.stored_at,
            stored_by: a.stored_by,
            reason: a.reason,
            n_answers: a.n_answers,
            file: a.file,
        })
        .collect();
    Ok(Json(page.of(items)?))
}

/// A sign-off's note.
#[derive(Deserialize, ToSchema)]
pub(crate) struct SignoffRequest {
    /// Why the version is validated.
    reason: String,
}

/// Signs off a version (the workspace's coordinator); a version is signed once.
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/answers/{framework}/versions/{version}/signoff", tag = "answers",
    request_body = SignoffRequest,
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id"),
        ("version" = i64, Path, description = "The version")),
    responses((status = 201, body = SignoffBody), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn signoff(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework, version)): Path<(i64, String, i64)>,
    ApiJson(body): ApiJson<SignoffRequest>,
) -> ApiResult<(StatusCode, Json<SignoffBody>)> {
    let access = Access::to(&state, &caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    access.coordinate("sign off its answers")?;
    let note = reason(&body.reason)?;
    // 404 for a version that does not exist.
    state.app.stored_assessment(country.as_str(), &framework, Some(version)).await?;
    let signed = state
        .app
        .acting_as(caller.user.id)
        .answers_signoff(country.as_str(), &framework, version, &note)
        .await?;
    Ok((StatusCode::CREATED, Json(signed.into())))
}

/// Which ministry answers an item.
#[derive(Serialize, ToSchema)]
pub(crate) struct Assignment {
    /// The item's id.
    item: String,
    /// The ministry.
    ministry: String,
}

/// Which ministry answers which item of a framework (members and admins).
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/answers/{framework}/assignments", tag = "answers",
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id")),
    responses((status = 200, body = Vec<Assignment>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn assignments(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
) -> ApiResult<Json<Vec<Assignment>>> {
    let access = Access::to(&state, &caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    let list = state.app.answer_assignments(country.as_str(), &framework).await?;
    Ok(Json(list.into_iter().map(|(item, ministry)| Assignment { item, ministry }).collect()))
}

/// Items to assign to a ministry.
#[derive(Deserialize, ToSchema)]
pub(crate) struct AssignBody {
    /// The items' ids.
    items: Vec<String>,
    /// The ministry that answers them (`null`: no ministry, only the coordinator).
    ministry: Option<String>,
    /// Why.
    reason: String,
}

/// Assigns items of a framework to a ministry (the workspace's coordinator).
#[utoipa::path(put, path = "/api/v1/workspaces/{id}/answers/{framework}/assignments", tag = "answers",
    request_body = AssignBody,
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id")),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn assign(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
    ApiJson(body): ApiJson<AssignBody>,
) -> ApiResult<StatusCode> {
    let access = Access::to(&state, &caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    access.coordinate("assign framework items to ministries")?;
    let reason = reason(&body.reason)?;
    if body.items.is_empty() || body.items.len() > 1000 {
        return Err(ApiError::invalid("items", "assign 1 to 1,000 items at a time"));
    }
    let ministry = body.ministry.as_deref().map(str::trim).filter(|m| !m.is_empty());
    if ministry.is_some_and(|m| m.chars().count() > 200) {
        return Err(ApiError::invalid("ministry", "a ministry's name has at most 200 characters"));
    }
    state
        .app
        .acting_as(caller.user.id)
        .answers_assign(country.as_str(), &framework, &body.items, ministry, &reason)
        .await
        .map_err(|e| ApiError::from(e).on("items"))?;
    Ok(StatusCode::NO_CONTENT)
}

/// The two versions to compare.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Pair {
    /// The older version.
    #[param(minimum = 1)]
    from: i64,
    /// The newer version.
    #[param(minimum = 1)]
    to: i64,
}

/// How an item's answer changed.
#[derive(Serialize, ToSchema)]
pub(crate) struct ItemChange {
    /// The item.
    item: String,
    /// Its answer in `from` (`null`: unanswered).
    from: Option<String>,
    /// Its answer in `to`.
    to: Option<String>,
}

/// What changed between two versions, and how the overall score moved.
#[derive(Serialize, ToSchema)]
pub(crate) struct Comparison {
    /// The older version.
    from: i64,
    /// The newer version.
    to: i64,
    /// The items whose answer changed.
    changed: Vec<ItemChange>,
    /// The overall score of `from` (as `assessment.overall` gives it).
    #[schema(value_type = Object)]
    overall_from: serde_json::Value,
    /// The overall score of `to`.
    #[schema(value_type = Object)]
    overall_to: serde_json::Value,
}

/// Compares two versions: the items whose answers changed and the overall scores.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/answers/{framework}/compare", tag = "answers",
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id"), Pair),
    responses((status = 200, body = Comparison), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn compare(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
    Query(pair): Query<Pair>,
) -> ApiResult<Json<Comparison>> {
    let access = Access::to(&state, &caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    let a = state.app.stored_assessment(country.as_str(), &framework, Some(pair.from)).await?;
    let b = state.app.stored_assessment(country.as_str(), &framework, Some(pair.to)).await?;
    let answer_of = |s: &analysis::assess::StoredAssessment, item: &str| {
        s.assessment.items.iter().find(|i| i.item == item).and_then(|i| i.answer.clone())
    };
    let mut changed = Vec::new();
    for item in a.assessment.items.iter().map(|i| i.item.as_str()) {
        let (from, to) = (answer_of(&a, item), answer_of(&b, item));
        if from != to {
            changed.push(ItemChange { item: item.to_owned(), from, to });
        }
    }
    Ok(Json(Comparison {
        from: pair.from,
        to: pair.to,
        changed,
        overall_from: json(&a.assessment.overall)?,
        overall_to: json(&b.assessment.overall)?,
    }))
}
