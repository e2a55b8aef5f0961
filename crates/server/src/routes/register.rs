//! The policy register of a government's workspace: list and filter, one policy, create,
//! edit with a reason and optimistic concurrency, and each policy's history.
//!
//! A policy carries a `version` (a digest of its fields). An edit sends the version it
//! read; if the policy changed since, the edit is refused with 409 and nothing is written.

use std::collections::BTreeMap;

use analysis::register::{EditOp, FieldEdit, RegisterEntry};
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
        .routes(routes!(list, create))
        .routes(routes!(one, edit))
        .routes(routes!(history))
}

/// A policy of the register.
#[derive(Serialize, ToSchema)]
pub(crate) struct PolicyInfo {
    /// The policy's id.
    pub(crate) id: String,
    /// Whose policy (ISO 3166-1 alpha-3).
    pub(crate) country: String,
    /// Where it comes from: `imported`, `edited` or `register`.
    pub(crate) layer: String,
    /// The owning ministry.
    pub(crate) ministry: String,
    /// The title.
    pub(crate) title: String,
    /// The instrument.
    pub(crate) instrument: String,
    /// Stages of the migration cycle.
    pub(crate) stages: Vec<String>,
    /// Policy area.
    pub(crate) area: String,
    /// Partner countries.
    pub(crate) partners: Vec<String>,
    /// Target groups.
    pub(crate) target_groups: Vec<String>,
    /// `planned`, `active`, `suspended` or `ended`.
    pub(crate) status: String,
    /// Start year.
    pub(crate) start_year: Option<i32>,
    /// End year.
    pub(crate) end_year: Option<i32>,
    /// Stated objectives.
    pub(crate) objectives: String,
    /// Tags.
    pub(crate) tags: Vec<String>,
    /// Source document.
    pub(crate) source: String,
    /// The policy's version: send it back with an edit (changes with every change).
    pub(crate) version: String,
}

impl From<RegisterEntry> for PolicyInfo {
    fn from(e: RegisterEntry) -> PolicyInfo {
        PolicyInfo {
            id: e.id,
            country: e.country,
            layer: e.layer.as_str().to_owned(),
            ministry: e.ministry,
            title: e.title,
            instrument: e.instrument,
            stages: e.stages,
            area: e.area,
            partners: e.partners,
            target_groups: e.target_groups,
            status: e.status,
            start_year: e.start_year,
            end_year: e.end_year,
            objectives: e.objectives,
            tags: e.tags,
            source: e.source,
            version: e.version,
        }
    }
}

/// Filters of the register (all optional; several combine with "and").
#[derive(Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct PolicyFilter {
    /// The owning ministry (exact, ignoring case).
    pub(crate) ministry: Option<String>,
    /// A stage the policy acts on (`before-departure`, `recruitment-departure`,
    /// `stay-abroad`, `return-reintegration`).
    pub(crate) stage: Option<String>,
    /// The policy area.
    pub(crate) area: Option<String>,
    /// A partner country (ISO 3166-1 alpha-3).
    pub(crate) partner: Option<String>,
    /// The status.
    pub(crate) status: Option<String>,
}

impl PolicyFilter {
    fn keeps(&self, e: &RegisterEntry) -> bool {
        let same = |want: &Option<String>, have: &str| {
            want.as_deref().is_none_or(|w| w.trim().eq_ignore_ascii_case(have))
        };
        let within = |want: &Option<String>, have: &[String]| {
            want.as_deref().is_none_or(|w| have.iter().any(|h| h.eq_ignore_ascii_case(w.trim())))
        };
        same(&self.ministry, &e.ministry)
            && same(&self.area, &e.area)
            && same(&self.status, &e.status)
            && within(&self.stage, &e.stages)
            && within(&self.partner, &e.partners)
    }
}

/// The register of a government's workspace, filtered and paged (its members, admins,
/// and partners it shares its register with; a partner it shares single policies with
/// reads those alone).
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/policies", tag = "register",
    params(("id" = i64, Path, description = "The government workspace's id"), PolicyFilter, Page),
    responses((status = 200, body = Paged<PolicyInfo>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(filter): Query<PolicyFilter>,
    Query(page): Query<Page>,
) -> ApiResult<Json<Paged<PolicyInfo>>> {
    let access = Access::to(&state, &caller, id).await?;
    let view = access.read_register()?;
    let country = access.country()?;
    let items: Vec<PolicyInfo> = state
        .app
        .register_list(Some(country.as_str()))
        .await?
        .into_iter()
        .filter(|e| view.shows(&e.id) && filter.keeps(e))
        .map(PolicyInfo::from)
        .collect();
    Ok(Json(page.of(items)?))
}

/// A field's value in a request: text, a number (a year) or a list of texts; `null`
/// empties the field.
fn field_text(field: &str, value: &serde_json::Value) -> ApiResult<String> {
    use serde_json::Value;
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Null => Ok(String::new()),
        Value::Array(items) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.clone()),
                _ => Err(ApiError::invalid(field, format!("{field}: a list holds texts"))),
            })
            .collect::<ApiResult<Vec<_>>>()
            .map(|v| v.join(";")),
        Value::Bool(_) | Value::Object(_) => {
            Err(ApiError::invalid(field, format!("{field}: give a text, a number or a list")))
        }
    }
}

fn edits_of(
    map: &BTreeMap<String, serde_json::Value>,
    op: EditOp,
    out: &mut Vec<FieldEdit>,
) -> ApiResult<()> {
    for (field, value) in map {
        let value = field_text(field, value)?;
        out.push(FieldEdit { field: field.trim().to_owned(), op, value: value.trim().to_owned() });
    }
    Ok(())
}

/// `e` with the field it concerns, when its message names a policy's field first (as the
/// register's checks write them: `title may not be empty`, `start_year: expected ...`),
/// so that a form shows it at that field.
fn on_field(e: ApiError) -> ApiError {
    if e.field.is_some() || e.kind != crate::Kind::InvalidInput {
        return e;
    }
    if e.message.contains("cannot name a policy") {
        return e.on("id");
    }
    let named = domain::policy::PolicyField::NAMES.iter().find(|name| {
        e.message
            .strip_prefix(**name)
            .is_some_and(|rest| rest.starts_with(':') || rest.starts_with(' '))
    });
    match named {
        Some(name) => e.on(name),
        None => e,
    }
}

/// A new policy.
#[derive(Deserialize, ToSchema)]
pub(crate) struct NewPolicy {
    /// Its id (1 to 64 letters, digits, `-`, `_` or `.`; unique in the country's register).
    pub(crate) id: String,
    /// Its fields: `ministry`, `title`, `instrument`, `area`, `stages`, `objectives` and
    /// `source` are required;
    /// `status` is `planned` unless given. Lists are arrays or `;`-separated text.
    #[schema(value_type = Object)]
    pub(crate) fields: BTreeMap<String, serde_json::Value>,
    /// Why.
    pub(crate) reason: String,
}

/// Adds a policy to the register: a coordinator, or a contributor for its own ministry.
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/policies", tag = "register", request_body = NewPolicy,
    params(("id" = i64, Path, description = "The government workspace's id")),
    responses((status = 201, body = PolicyInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub(crate) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<NewPolicy>,
) -> ApiResult<(StatusCode, Json<PolicyInfo>)> {
    let access = Access::to(&state, &caller, id).await?;
    access.read(Shared::Register)?;
    let country = access.country()?;
    let mut edits = Vec::new();
    edits_of(&body.fields, EditOp::Set, &mut edits)?;
    let ministry = edits.iter().find(|e| e.field == "ministry").map(|e| e.value.clone());
    let Some(ministry) = ministry.filter(|m| !m.is_empty()) else {
        return Err(ApiError::invalid("fields", "a new policy names its ministry"));
    };
    access.edit_for(Some(ministry.as_str()))?;
    let reason = reason(&body.reason)?;
    let made = state
        .app
        .acting_as(caller.user.id)
        .register_create(country.as_str(), body.id.trim(), &edits, &caller.user.name, &reason)
        .await
        .map_err(|e| on_field(e.into()))?;
    Ok((StatusCode::CREATED, Json(made.into())))
}

/// One policy of the register (404 for a partner it is not shared with).
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/policies/{policy}", tag = "register",
    params(("id" = i64, Path, description = "The government workspace's id"), ("policy" = String, Path, description = "The policy's id")),
    responses((status = 200, body = PolicyInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub(crate) async fn one(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, policy)): Path<(i64, String)>,
) -> ApiResult<Json<PolicyInfo>> {
    let access = Access::to(&state, &caller, id).await?;
    access.read_policy(&policy)?;
    let country = access.country()?;
    Ok(Json(state.app.register_policy(country.as_str(), &policy).await?.into()))
}

/// An edit of a policy's fields.
#[derive(Deserialize, ToSchema)]
pub(crate) struct PolicyEdit {
    /// The policy's version as read (`version` of the policy); the edit is refused with
    /// 409 if the policy changed since.
    pub(crate) version: String,
    /// Fields to set (lists: arrays or `;`-separated text; `null` empties a field).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub(crate) set: BTreeMap<String, serde_json::Value>,
    /// Items to add to list fields.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub(crate) add: BTreeMap<String, serde_json::Value>,
    /// Items to remove from list fields.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub(crate) remove: BTreeMap<String, serde_json::Value>,
    /// Why.
    pub(crate) reason: String,
}

/// What an edit changed, and the policy after it.
#[derive(Serialize, ToSchema)]
pub(crate) struct EditOutcome {
    /// The changed fields (none if the edit changed nothing).
    pub(crate) changes: Vec<FieldChange>,
    /// The policy now, with its new version.
    pub(crate) policy: PolicyInfo,
}

/// One changed field.
#[derive(Serialize, ToSchema)]
pub(crate) struct FieldChange {
    /// The field.
    pub(crate) field: String,
    /// The value before (lists joined with `;`).
    pub(crate) old: String,
    /// The value after.
    pub(crate) new: String,
}

/// Edits a policy's fields with a reason: a coordinator, or a contributor of the owning
/// ministry (which may not give the policy to another ministry).
#[utoipa::path(patch, path = "/api/v1/workspaces/{id}/policies/{policy}", tag = "register", request_body = PolicyEdit,
    params(("id" = i64, Path, description = "The government workspace's id"), ("policy" = String, Path, description = "The policy's id")),
    responses((status = 200, body = EditOutcome), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub(crate) async fn edit(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, policy)): Path<(i64, String)>,
    ApiJson(body): ApiJson<PolicyEdit>,
) -> ApiResult<Json<EditOutcome>> {
    let access = Access::to(&state, &caller, id).await?;
    access.read_policy(&policy)?;
    let country = access.country()?;
    let current = state.app.register_policy(country.as_str(), &policy).await?;
    access.edit_for(Some(current.ministry.as_str()))?;
    let mut edits = Vec::new();
    edits_of(&body.set, EditOp::Set, &mut edits)?;
    edits_of(&body.add, EditOp::Add, &mut edits)?;
    edits_of(&body.remove, EditOp::Remove, &mut edits)?;
    let moves = edits.iter().any(|e| e.field == "ministry" && e.value != current.ministry);
    if moves && access.role != Some(Role::Coordinator) {
        return Err(ApiError::forbidden(format!(
            "only a coordinator gives a policy to another ministry; {} stays with {:?}",
            current.id, current.ministry
        )));
    }
    let reason = reason(&body.reason)?;
    if edits.is_empty() {
        return Err(ApiError::invalid("set", "name at least one field to set, add or remove"));
    }
    let changes = state
        .app
        .acting_as(caller.user.id)
        .register_edit_checked(
            country.as_str(),
            &policy,
            body.version.trim(),
            &edits,
            &caller.user.name,
            &reason,
        )
        .await
        .map_err(|e| on_field(e.into()))?;
    let now = state.app.register_policy(country.as_str(), &policy).await?;
    Ok(Json(EditOutcome {
        changes: changes
            .into_iter()
            .map(|c| FieldChange { field: c.field, old: c.old, new: c.new })
            .collect(),
        policy: now.into(),
    }))
}

/// One change of a policy.
#[derive(Serialize, ToSchema)]
pub(crate) struct PolicyChange {
    /// Order of the change.
    pub(crate) seq: i64,
    /// When (RFC 3339, UTC).
    pub(crate) at: String,
    /// Who: the server's user id (`null` for a change made at the command line).
    pub(crate) user_id: Option<i64>,
    /// Who, as recorded (the sign-in name, or the command line's user).
    pub(crate) user: String,
    /// `create`, `import` or `edit`.
    pub(crate) action: String,
    /// The field, for edits and re-imports.
    pub(crate) field: Option<String>,
    /// The value before.
    pub(crate) old_value: Option<String>,
    /// The value after.
    pub(crate) new_value: Option<String>,
    /// Why.
    pub(crate) reason: String,
}

/// The history of a policy, oldest first.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/policies/{policy}/history", tag = "register",
    params(("id" = i64, Path, description = "The government workspace's id"), ("policy" = String, Path, description = "The policy's id"), Page),
    responses((status = 200, body = Paged<PolicyChange>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub(crate) async fn history(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, policy)): Path<(i64, String)>,
    Query(page): Query<Page>,
) -> ApiResult<Json<Paged<PolicyChange>>> {
    let access = Access::to(&state, &caller, id).await?;
    access.read_policy(&policy)?;
    let country = access.country()?;
    // 404 for a policy the register does not have.
    state.app.register_policy(country.as_str(), &policy).await?;
    let items: Vec<PolicyChange> = state
        .app
        .policy_history(country.as_str(), &policy)
        .await?
        .into_iter()
        .map(|a| PolicyChange {
            seq: a.seq,
            at: a.at,
            user_id: a.user_id,
            user: a.user,
            action: a.action.as_str().to_owned(),
            field: a.field,
            old_value: a.old_value,
            new_value: a.new_value,
            reason: a.reason,
        })
        .collect();
    Ok(Json(page.of(items)?))
}
