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
        .routes(routes!(drafts, propose))
        .routes(routes!(store_drafts))
}

/// A built-in framework.
#[derive(Serialize, ToSchema)]
pub(crate) struct FrameworkSummary {
    /// Its id.
    pub(crate) id: String,
    /// Its title.
    pub(crate) title: String,
    /// `scored` or `checklist`.
    pub(crate) kind: String,
    /// Whose adaptation it is, if it is not an official instrument.
    pub(crate) adaptation: Option<String>,
    /// The number of domains.
    pub(crate) n_domains: usize,
    /// The number of items.
    pub(crate) n_items: usize,
}

/// The built-in frameworks (any signed-in user).
#[utoipa::path(get, path = "/api/v1/frameworks", tag = "answers",
    responses((status = 200, body = Vec<FrameworkSummary>), (status = 401, body = ErrorBody)))]
async fn frameworks(_caller: Caller) -> ApiResult<Json<Vec<FrameworkSummary>>> {
    Ok(Json(framework_list()?))
}

/// The built-in frameworks, summarised.
pub(crate) fn framework_list() -> ApiResult<Vec<FrameworkSummary>> {
    let list = analysis::assess::builtin_frameworks()?;
    Ok(list
        .into_iter()
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
        .collect())
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
    pub(crate) answers: serde_json::Value,
    /// The score.
    #[schema(value_type = Object)]
    pub(crate) assessment: serde_json::Value,
    /// The sign-off of this version, if it is signed.
    pub(crate) signoff: Option<SignoffBody>,
}

/// A sign-off.
#[derive(Serialize, ToSchema)]
pub(crate) struct SignoffBody {
    /// The signed version.
    pub(crate) version: i64,
    /// The coordinator's user id.
    pub(crate) user_id: i64,
    /// When (RFC 3339, UTC).
    pub(crate) at: String,
    /// The coordinator's note.
    pub(crate) note: String,
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
    Ok(Json(scored_version(&state, &caller, id, &framework, v.version).await?))
}

/// `version` (the latest when `None`) of workspace `id`'s answers to `framework`,
/// scored, as the caller may read it.
pub(crate) async fn stored_version(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    version: Option<i64>,
) -> ApiResult<analysis::assess::StoredAssessment> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    Ok(state.app.stored_assessment(country.as_str(), framework, version).await?)
}

/// The score of `version` (the latest when `None`) of workspace `id`'s answers to
/// `framework`, with its sign-off, as the caller may read it.
async fn scored_version(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    version: Option<i64>,
) -> ApiResult<ScoredVersion> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    scored(state, country.as_str(), framework, version).await
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
    pub(crate) status: String,
    /// The version holding the answers, scored.
    pub(crate) stored: ScoredVersion,
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
    pub(crate) version: i64,
    /// When it was stored.
    pub(crate) stored_at: String,
    /// Who stored it (the sign-in name).
    pub(crate) stored_by: String,
    /// Why.
    pub(crate) reason: String,
    /// How many items are answered.
    pub(crate) n_answers: usize,
    /// The source it was read from.
    pub(crate) file: String,
    /// Its sign-off, if it is signed.
    pub(crate) signoff: Option<SignoffBody>,
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
    Ok(Json(page.of(version_list(&state, &caller, id, &framework).await?)?))
}

/// Every stored version of workspace `id`'s answers to `framework`, oldest first, as the
/// caller may read them.
pub(crate) async fn version_list(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
) -> ApiResult<Vec<VersionInfo>> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    analysis::assess::load_framework(analysis::assess::FrameworkSource::Builtin(framework))?;
    let signoffs = state.app.answer_signoffs(country.as_str(), framework).await?;
    let items = state
        .app
        .answer_history(country.as_str(), Some(framework))
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
    Ok(items)
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
    let signed = sign_off(&state, &caller, id, &framework, version, &body.reason).await?;
    Ok((StatusCode::CREATED, Json(signed)))
}

/// Signs off `version` of workspace `id`'s answers to `framework` with `note` (the
/// workspace's coordinator).
pub(crate) async fn sign_off(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    version: i64,
    note: &str,
) -> ApiResult<SignoffBody> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    access.coordinate("sign off its answers")?;
    let note = reason(note)?;
    // 404 for a version that does not exist.
    state.app.stored_assessment(country.as_str(), framework, Some(version)).await?;
    let signed = state
        .app
        .acting_as(caller.user.id)
        .answers_signoff(country.as_str(), framework, version, &note)
        .await?;
    Ok(signed.into())
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
    pub(crate) items: Vec<String>,
    /// The ministry that answers them (`null`: no ministry, only the coordinator).
    pub(crate) ministry: Option<String>,
    /// Why.
    pub(crate) reason: String,
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
    assign_items(&state, &caller, id, &framework, body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Assigns items of `framework` to a ministry in workspace `id` (the workspace's
/// coordinator).
pub(crate) async fn assign_items(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    body: AssignBody,
) -> ApiResult<()> {
    let access = Access::to(state, caller, id).await?;
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
        .answers_assign(country.as_str(), framework, &body.items, ministry, &reason)
        .await
        .map_err(|e| ApiError::from(e).on("items"))?;
    Ok(())
}

/// The two versions to compare.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Pair {
    /// The older version.
    #[param(minimum = 1)]
    pub(crate) from: i64,
    /// The newer version.
    #[param(minimum = 1)]
    pub(crate) to: i64,
}

/// How an item's answer changed.
#[derive(Serialize, ToSchema)]
pub(crate) struct ItemChange {
    /// The item.
    pub(crate) item: String,
    /// Its answer in `from` (`null`: unanswered).
    pub(crate) from: Option<String>,
    /// Its answer in `to`.
    pub(crate) to: Option<String>,
}

/// What changed between two versions, and how the overall score moved.
#[derive(Serialize, ToSchema)]
pub(crate) struct Comparison {
    /// The older version.
    pub(crate) from: i64,
    /// The newer version.
    pub(crate) to: i64,
    /// The items whose answer changed.
    pub(crate) changed: Vec<ItemChange>,
    /// The overall score of `from` (as `assessment.overall` gives it).
    #[schema(value_type = Object)]
    pub(crate) overall_from: serde_json::Value,
    /// The overall score of `to`.
    #[schema(value_type = Object)]
    pub(crate) overall_to: serde_json::Value,
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
    let (_, _, comparison) = comparison(&state, &caller, id, &framework, pair).await?;
    Ok(Json(comparison))
}

/// Compares two versions of workspace `id`'s answers to `framework`: both versions,
/// scored, and what changed.
pub(crate) async fn comparison(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    pair: Pair,
) -> ApiResult<(analysis::assess::StoredAssessment, analysis::assess::StoredAssessment, Comparison)>
{
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    let a = state.app.stored_assessment(country.as_str(), framework, Some(pair.from)).await?;
    let b = state.app.stored_assessment(country.as_str(), framework, Some(pair.to)).await?;
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
    let comparison = Comparison {
        from: pair.from,
        to: pair.to,
        changed,
        overall_from: json(&a.assessment.overall)?,
        overall_to: json(&b.assessment.overall)?,
    };
    Ok((a, b, comparison))
}

/// The questionnaire: every item with its assignment, the ministries' proposals, the
/// coordinator's decision, the latest stored answer and whether it is in conflict; and
/// the counts.
#[derive(Serialize, ToSchema)]
pub(crate) struct DraftsBody {
    /// The items, in the framework's order.
    #[schema(value_type = Vec<Object>)]
    items: Vec<analysis::drafts::ItemState>,
    /// Items in the framework, assigned, proposed, resolved, in conflict, answered.
    #[schema(value_type = Object)]
    progress: analysis::drafts::Progress,
}

/// Workspace `id`'s questionnaire of `framework` with its proposals, as the caller may
/// read it: the caller's access, the framework and the questionnaire.
pub(crate) async fn questionnaire(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
) -> ApiResult<(Access, analysis::assess::Framework, analysis::drafts::Questionnaire)> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    let (f, q) = state.app.questionnaire(id, country.as_str(), framework).await?;
    Ok((access, f, q))
}

/// The ministries' proposed answers to a framework's items, the coordinator's decisions,
/// conflicts and progress (members, admins, partners it is shared with).
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/answers/{framework}/drafts", tag = "answers",
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id")),
    responses((status = 200, body = DraftsBody), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn drafts(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
) -> ApiResult<Json<DraftsBody>> {
    let (_, _, q) = questionnaire(&state, &caller, id, &framework).await?;
    Ok(Json(DraftsBody { items: q.items, progress: q.progress }))
}

/// A proposed answer to one item.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ProposeBody {
    /// The item's id.
    pub(crate) item: String,
    /// The answer's level code (of the item's scale).
    pub(crate) answer: String,
    /// Why this answer.
    #[serde(default)]
    pub(crate) comment: String,
    /// What supports it (a law, a document, a link).
    #[serde(default)]
    pub(crate) evidence: String,
}

/// A recorded proposal.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProposedBody {
    /// The proposal (its ministry is `(coordinator)` for the coordinator's decision).
    #[schema(value_type = Object)]
    proposal: analysis::drafts::Draft,
    /// The ministry's earlier proposal it replaces, if any.
    #[schema(value_type = Option<Object>)]
    replaced: Option<analysis::drafts::Draft>,
}

/// Records the caller's proposal: a contributor's for its ministry, only for an item
/// assigned to its ministry; a coordinator's for any item, as the decision.
pub(crate) async fn propose_answer(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    body: &ProposeBody,
) -> ApiResult<ProposedBody> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    let f =
        analysis::assess::load_framework(analysis::assess::FrameworkSource::Builtin(framework))?;
    analysis::drafts::check_proposal(&f, &body.item, &body.answer, &body.comment, &body.evidence)
        .map_err(|(field, message)| ApiError::invalid(field, message))?;
    let assigned = state.app.answer_assignments(country.as_str(), &f.id).await?;
    let owner = assigned.iter().find(|(i, _)| *i == body.item).map(|(_, m)| m.as_str());
    access.edit_for(owner)?;
    let ministry = if access.role == Some(Role::Coordinator) {
        analysis::drafts::COORDINATOR.to_owned()
    } else {
        access.ministry.clone().unwrap_or_default()
    };
    let replaced = state
        .app
        .acting_as(caller.user.id)
        .propose_answer(
            id,
            &f.id,
            &body.item,
            &ministry,
            &body.answer,
            &body.comment,
            &body.evidence,
        )
        .await?;
    let mine = state.app.answer_drafts(id, &f.id).await?;
    let proposal = mine
        .into_iter()
        .find(|d| d.item == body.item && d.ministry == ministry)
        .map(analysis::drafts::Draft::from)
        .ok_or_else(|| ApiError::hidden(crate::Kind::Internal, &"the proposal was not kept"))?;
    Ok(ProposedBody { proposal, replaced: replaced.map(analysis::drafts::Draft::from) })
}

/// Proposes an answer to one item: a contributor for its ministry (only the items
/// assigned to it), the coordinator for any item (the decision, which settles a
/// conflict). A ministry's new proposal replaces its earlier one.
#[utoipa::path(put, path = "/api/v1/workspaces/{id}/answers/{framework}/drafts", tag = "answers",
    request_body = ProposeBody,
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id")),
    responses((status = 200, body = ProposedBody), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn propose(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
    ApiJson(body): ApiJson<ProposeBody>,
) -> ApiResult<Json<ProposedBody>> {
    Ok(Json(propose_answer(&state, &caller, id, &framework, &body).await?))
}

/// Why a version is stored.
#[derive(Deserialize, ToSchema)]
pub(crate) struct StoreDraftsBody {
    /// Why.
    pub(crate) reason: String,
}

/// Stores the questionnaire's resolved answers as a new version (the coordinator); 409
/// while ministries' proposals conflict.
pub(crate) async fn store_resolved(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    why: &str,
) -> ApiResult<StoredOutcome> {
    let access = Access::to(state, caller, id).await?;
    access.read(Shared::Answers)?;
    let country = access.country()?;
    access.coordinate("store its answers to a framework")?;
    let why = reason(why)?;
    let outcome = state
        .app
        .acting_as(caller.user.id)
        .store_resolved(id, country.as_str(), framework, &caller.user.name, &why)
        .await?;
    let version = outcome.stored.answers.version;
    let status = outcome.status.as_str().to_owned();
    let stored = scored(state, country.as_str(), framework, Some(version)).await?;
    Ok(StoredOutcome { status, stored })
}

/// Stores the proposals as a new version (the coordinator): each item's decision, else
/// the answer all ministries propose; other items keep the latest version's answer.
/// Refused (409) while two ministries propose different answers to an item.
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/answers/{framework}/drafts/version", tag = "answers",
    request_body = StoreDraftsBody,
    params(("id" = i64, Path, description = "The government workspace's id"), ("framework" = String, Path, description = "The framework's id")),
    responses((status = 201, body = StoredOutcome), (status = 200, body = StoredOutcome), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
async fn store_drafts(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, framework)): Path<(i64, String)>,
    ApiJson(body): ApiJson<StoreDraftsBody>,
) -> ApiResult<(StatusCode, Json<StoredOutcome>)> {
    let outcome = store_resolved(&state, &caller, id, &framework, &body.reason).await?;
    let code = if outcome.status == "added" { StatusCode::CREATED } else { StatusCode::OK };
    Ok((code, Json(outcome)))
}
