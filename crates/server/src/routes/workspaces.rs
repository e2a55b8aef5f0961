//! Workspaces, their members, what partnerships share, and the audit trail.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use store::{Actor, Membership, Role, Share, Shared, SharedPolicy, WorkspaceKind};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::access::{self, Access};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::routes::{ApiJson, Page, Paged};

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(one))
        .routes(routes!(members))
        .routes(routes!(member_set, member_remove))
        .routes(routes!(shares, share_set))
        .routes(routes!(workspace_audit))
        .routes(routes!(audit))
}

/// A reason given for a change: 1 to 2,000 characters once trimmed.
pub(crate) fn reason(text: &str) -> ApiResult<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 2000 {
        return Err(ApiError::invalid(
            "reason",
            "every change needs a reason (1 to 2,000 characters)",
        ));
    }
    Ok(text.to_owned())
}

/// A workspace.
#[derive(Serialize, ToSchema)]
pub(crate) struct WorkspaceInfo {
    /// Its id.
    pub(crate) id: i64,
    /// Its name.
    pub(crate) name: String,
    /// `government` or `partnership`.
    pub(crate) kind: String,
    /// A government's country (ISO 3166-1 alpha-3).
    pub(crate) country: Option<String>,
    /// A partnership's origin government workspace.
    pub(crate) origin_id: Option<i64>,
    /// A partnership's destination government workspace.
    pub(crate) destination_id: Option<i64>,
    /// The caller's role there (`None`: an admin, or a partner reading what is shared).
    pub(crate) role: Option<String>,
    /// What the caller reads as a partner (for a government workspace it is not a member of).
    pub(crate) shared_with_me: Vec<String>,
    /// When it was made.
    pub(crate) created_at: String,
}

pub(crate) fn info(a: &Access) -> WorkspaceInfo {
    let w = &a.workspace;
    let (kind, country, origin_id, destination_id) = match w.kind {
        WorkspaceKind::Government { country } => {
            ("government", Some(country.to_string()), None, None)
        }
        WorkspaceKind::Partnership { origin_id, destination_id } => {
            ("partnership", None, Some(origin_id), Some(destination_id))
        }
    };
    WorkspaceInfo {
        id: w.id,
        name: w.name.clone(),
        kind: kind.to_owned(),
        country,
        origin_id,
        destination_id,
        role: a.role.map(|r| r.as_str().to_owned()),
        shared_with_me: a.shared.iter().map(|s| s.as_str().to_owned()).collect(),
        created_at: w.created_at.clone(),
    }
}

/// The workspaces the caller may read (an admin: all).
#[utoipa::path(get, path = "/api/v1/workspaces", tag = "workspaces", params(Page, WorkspaceFilter),
    responses((status = 200, body = Paged<WorkspaceInfo>), (status = 401, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<Page>,
    Query(filter): Query<WorkspaceFilter>,
) -> ApiResult<Json<Paged<WorkspaceInfo>>> {
    let mut items = Vec::new();
    for a in readable(&state, &caller).await? {
        let kind = if matches!(a.workspace.kind, WorkspaceKind::Government { .. }) {
            "government"
        } else {
            "partnership"
        };
        if filter.kind.as_deref().is_some_and(|k| k != kind) {
            continue;
        }
        items.push(info(&a));
    }
    Ok(Json(page.of(items)?))
}

/// The caller's access to each workspace it may read (an admin: all), in id order.
pub(crate) async fn readable(state: &AppState, caller: &Caller) -> ApiResult<Vec<Access>> {
    let mut out = Vec::new();
    for w in state.store().workspaces().await? {
        match Access::to(state, caller, w.id).await {
            Ok(a) => out.push(a),
            Err(e) if e.kind == crate::Kind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Which workspaces to list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct WorkspaceFilter {
    /// Only `government` or `partnership` workspaces.
    kind: Option<String>,
}

/// A new workspace: a government's (`country`) or a partnership (`origin_id`,
/// `destination_id`: two government workspaces).
#[derive(Deserialize, ToSchema)]
pub(crate) struct NewWorkspace {
    /// Its name (1 to 200 characters, unique).
    pub(crate) name: String,
    /// A government's country (code, M49 or name).
    pub(crate) country: Option<String>,
    /// A partnership's origin government workspace.
    pub(crate) origin_id: Option<i64>,
    /// A partnership's destination government workspace.
    pub(crate) destination_id: Option<i64>,
    /// Why (1 to 2,000 characters).
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub(crate) reason: String,
}

/// Makes a workspace (administrators only).
#[utoipa::path(post, path = "/api/v1/workspaces", tag = "workspaces", request_body = NewWorkspace,
    responses((status = 201, body = WorkspaceInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub(crate) async fn add(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewWorkspace>,
) -> ApiResult<(StatusCode, Json<WorkspaceInfo>)> {
    access::admin(&caller)?;
    let reason = reason(&body.reason)?;
    let name = body.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiError::invalid("name", "a workspace's name has 1 to 200 characters"));
    }
    let kind = match (&body.country, body.origin_id, body.destination_id) {
        (Some(country), None, None) => {
            let area = state
                .app
                .resolve_area(country)
                .await
                .map_err(|e| ApiError::from(e).on("country"))?;
            WorkspaceKind::Government { country: area.code() }
        }
        (None, Some(origin_id), Some(destination_id)) => {
            WorkspaceKind::Partnership { origin_id, destination_id }
        }
        _ => {
            return Err(ApiError::invalid(
                "country",
                "give either a country (a government's workspace) or origin_id and destination_id (a partnership)",
            ));
        }
    };
    let made =
        state.store().workspace_add(name, kind, &Actor::user(caller.user.id, reason)).await?;
    let access = Access::to(&state, &caller, made.id).await?;
    Ok((StatusCode::CREATED, Json(info(&access))))
}

/// One workspace.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}", tag = "workspaces",
    params(("id" = i64, Path, description = "The workspace's id")),
    responses((status = 200, body = WorkspaceInfo), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<WorkspaceInfo>> {
    Ok(Json(info(&Access::to(&state, &caller, id).await?)))
}

/// A member of a workspace.
#[derive(Serialize, ToSchema)]
pub(crate) struct MemberInfo {
    /// The user's id.
    pub(crate) user_id: i64,
    /// The user's sign-in name.
    pub(crate) name: String,
    /// The user's display name.
    pub(crate) display_name: String,
    /// `viewer`, `contributor` or `coordinator`.
    pub(crate) role: String,
    /// A contributor's ministry.
    pub(crate) ministry: Option<String>,
}

/// The members of a workspace (members and admins).
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/members", tag = "workspaces",
    params(("id" = i64, Path, description = "The workspace's id"), Page),
    responses((status = 200, body = Paged<MemberInfo>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn members(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(page): Query<Page>,
) -> ApiResult<Json<Paged<MemberInfo>>> {
    Access::to(&state, &caller, id).await?.read_records()?;
    let mut items = Vec::new();
    for m in state.store().memberships_of_workspace(id).await? {
        let Some(u) = state.store().user(m.user_id).await? else { continue };
        items.push(MemberInfo {
            user_id: u.id,
            name: u.name,
            display_name: u.display_name,
            role: m.role.as_str().to_owned(),
            ministry: m.ministry,
        });
    }
    Ok(Json(page.of(items)?))
}

/// A member's role.
#[derive(Deserialize, ToSchema)]
pub(crate) struct MemberBody {
    /// `viewer`, `contributor` or `coordinator`.
    pub(crate) role: String,
    /// The ministry a contributor edits for (contributors only).
    pub(crate) ministry: Option<String>,
    /// Why (1 to 2,000 characters).
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub(crate) reason: String,
}

/// Gives a user a role in the workspace (its coordinators and admins).
#[utoipa::path(put, path = "/api/v1/workspaces/{id}/members/{user_id}", tag = "workspaces", request_body = MemberBody,
    params(("id" = i64, Path, description = "The workspace's id"), ("user_id" = i64, Path, description = "The user's id")),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub(crate) async fn member_set(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, user_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<MemberBody>,
) -> ApiResult<StatusCode> {
    Access::to(&state, &caller, id).await?.manage_members()?;
    let reason = reason(&body.reason)?;
    let role = Role::parse(&body.role).ok_or_else(|| {
        ApiError::invalid("role", "the role is viewer, contributor or coordinator")
    })?;
    let ministry =
        body.ministry.as_deref().map(str::trim).filter(|m| !m.is_empty()).map(str::to_owned);
    if (role == Role::Contributor) != ministry.is_some() {
        return Err(ApiError::invalid(
            "ministry",
            "a contributor, and only a contributor, names its ministry",
        ));
    }
    if ministry.as_ref().is_some_and(|m| m.chars().count() > 200) {
        return Err(ApiError::invalid("ministry", "a ministry's name has at most 200 characters"));
    }
    state
        .store()
        .user(user_id)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("user {user_id}")))?;
    let m = Membership { workspace_id: id, user_id, role, ministry };
    state.store().membership_set(&m, &Actor::user(caller.user.id, reason)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Why a change is made, given in the query of a `DELETE`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Why {
    /// Why (1 to 2,000 characters).
    #[param(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub(crate) reason: String,
}

/// Removes a member from the workspace (its coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/workspaces/{id}/members/{user_id}", tag = "workspaces",
    params(("id" = i64, Path, description = "The workspace's id"), ("user_id" = i64, Path, description = "The user's id"), Why),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub(crate) async fn member_remove(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, user_id)): Path<(i64, i64)>,
    Query(why): Query<Why>,
) -> ApiResult<StatusCode> {
    Access::to(&state, &caller, id).await?.manage_members()?;
    let reason = reason(&why.reason)?;
    if !state.store().membership_remove(id, user_id, &Actor::user(caller.user.id, reason)).await? {
        return Err(ApiError::not_found(format!("member {user_id} of workspace {id}")));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// What one side shares with a partnership.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct ShareInfo {
    /// The government workspace that shares.
    pub(crate) workspace_id: i64,
    /// `register`, `answers`, `matrices` or `scenarios`.
    pub(crate) what: String,
    /// One policy of the register shared alone (`what` is `register`); `null` when the
    /// whole of `what` is shared.
    pub(crate) policy: Option<String>,
}

/// What each side shares with a partnership (its members and admins): whole parts first,
/// then single policies, each by workspace.
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/shares", tag = "workspaces",
    params(("id" = i64, Path, description = "The partnership's id")),
    responses((status = 200, body = Vec<ShareInfo>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn shares(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<Vec<ShareInfo>>> {
    Access::to(&state, &caller, id).await?.read_records()?;
    let whole = state.store().shares(id).await?.into_iter().map(|s| ShareInfo {
        workspace_id: s.workspace_id,
        what: s.what.as_str().to_owned(),
        policy: None,
    });
    let single = state.store().shared_policies(id).await?.into_iter().map(|s| ShareInfo {
        workspace_id: s.workspace_id,
        what: Shared::Register.as_str().to_owned(),
        policy: Some(s.policy_id),
    });
    Ok(Json(whole.chain(single).collect()))
}

/// A decision to share, or stop sharing, with a partnership.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ShareBody {
    /// The government workspace that shares (a side of the partnership).
    pub(crate) workspace_id: i64,
    /// `register`, `answers`, `matrices` or `scenarios`.
    pub(crate) what: String,
    /// One policy of the sharing government's register to share alone (with `what` =
    /// `register`); without it, the whole of `what` is shared. A partner reads a register
    /// shared whole, or else only the policies shared one by one.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 64)]
    pub(crate) policy: Option<String>,
    /// Share (`true`) or stop sharing (`false`).
    pub(crate) shared: bool,
    /// Why (1 to 2,000 characters).
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub(crate) reason: String,
}

/// Shares, or stops sharing, what one side chooses with the partnership (a part of its
/// work, or one policy of its register): decided by that side's coordinator.
#[utoipa::path(put, path = "/api/v1/workspaces/{id}/shares", tag = "workspaces", request_body = ShareBody,
    params(("id" = i64, Path, description = "The partnership's id")),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub(crate) async fn share_set(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ShareBody>,
) -> ApiResult<StatusCode> {
    let partnership = Access::to(&state, &caller, id).await?;
    let WorkspaceKind::Partnership { origin_id, destination_id } = partnership.workspace.kind
    else {
        return Err(ApiError::invalid("id", "only a partnership is shared with"));
    };
    if body.workspace_id != origin_id && body.workspace_id != destination_id {
        return Err(ApiError::invalid(
            "workspace_id",
            "the sharing workspace must be a side of the partnership",
        ));
    }
    let side = Access::to(&state, &caller, body.workspace_id).await?;
    side.coordinate("decide what it shares with a partnership")?;
    let reason = reason(&body.reason)?;
    let what = Shared::parse(&body.what).ok_or_else(|| {
        ApiError::invalid("what", "what is shared is register, answers, matrices or scenarios")
    })?;
    let actor = Actor::user(caller.user.id, reason);
    if let Some(policy) = body.policy.as_deref().map(str::trim) {
        if what != Shared::Register {
            return Err(ApiError::invalid(
                "policy",
                "a single policy is shared with what: register",
            ));
        }
        // 404 for a policy the sharing government's register does not have.
        let country = side.country()?;
        let found = state.app.register_policy(country.as_str(), policy).await?;
        let one = SharedPolicy {
            partnership_id: id,
            workspace_id: body.workspace_id,
            policy_id: found.id,
        };
        state.store().shared_policy_set(&one, body.shared, &actor).await?;
        return Ok(StatusCode::NO_CONTENT);
    }
    let share = Share { partnership_id: id, workspace_id: body.workspace_id, what };
    state.store().share_set(share, body.shared, &actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Filters and paging of the audit trail: rows after `after` (a sequence number), at
/// most `limit`.
#[derive(Deserialize, IntoParams, Default)]
#[into_params(parameter_in = Query)]
pub(crate) struct AuditPage {
    /// Only rows whose action starts with this (e.g. `policy.` or `user.add`).
    pub(crate) action: Option<String>,
    /// Only rows written by this user.
    pub(crate) user_id: Option<i64>,
    /// Only rows written after this time (RFC 3339, UTC, or a date such as `2026-12-01`).
    pub(crate) since: Option<String>,
    /// Only rows after this sequence number.
    #[param(minimum = 0)]
    pub(crate) after: Option<i64>,
    /// Rows to return (1 to 1,000; default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub(crate) limit: Option<u32>,
}

/// One row of the audit trail.
#[derive(Serialize, ToSchema)]
pub(crate) struct AuditInfo {
    /// Its sequence number (increasing; page with `after`).
    pub(crate) seq: i64,
    /// When (RFC 3339, UTC).
    pub(crate) at: String,
    /// Who (a user id; `null`: the administrator at the command line).
    pub(crate) user_id: Option<i64>,
    /// In which workspace.
    pub(crate) workspace_id: Option<i64>,
    /// What was done.
    pub(crate) action: String,
    /// What it was done to.
    pub(crate) target: String,
    /// The value before (JSON text).
    pub(crate) old_value: Option<String>,
    /// The value after (JSON text).
    pub(crate) new_value: Option<String>,
    /// Why (1 to 2,000 characters).
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub(crate) reason: String,
}

/// The rows of the audit trail of `workspace_id` (`None`: the whole instance's) that
/// `page` asks for, oldest first. The caller has checked who may read them.
pub(crate) async fn audit_rows(
    state: &AppState,
    workspace_id: Option<i64>,
    page: &AuditPage,
) -> ApiResult<Vec<AuditInfo>> {
    let limit = match page.limit {
        None => 100,
        Some(n @ 1..=1000) => i64::from(n),
        Some(_) => return Err(ApiError::invalid("limit", "limit is between 1 and 1000")),
    };
    let date = |s: &str| s.get(..10).and_then(|d| d.parse::<jiff::civil::Date>().ok());
    if page.since.as_deref().is_some_and(|s| date(s).is_none()) {
        return Err(ApiError::invalid(
            "since",
            "since is a date (2026-12-01) or a time (RFC 3339)",
        ));
    }
    let rows = state
        .store()
        .audit_log(store::AuditQuery {
            workspace_id,
            after: page.after,
            limit,
            action: page.action.as_deref(),
            user_id: page.user_id,
            since: page.since.as_deref(),
        })
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| AuditInfo {
            seq: r.seq,
            at: r.at,
            user_id: r.user_id,
            workspace_id: r.workspace_id,
            action: r.action,
            target: r.target,
            old_value: r.old_value,
            new_value: r.new_value,
            reason: r.reason,
        })
        .collect())
}

/// The audit trail of a workspace, oldest first (its members and admins).
#[utoipa::path(get, path = "/api/v1/workspaces/{id}/audit", tag = "audit",
    params(("id" = i64, Path, description = "The workspace's id"), AuditPage),
    responses((status = 200, body = Vec<AuditInfo>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn workspace_audit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(page): Query<AuditPage>,
) -> ApiResult<Json<Vec<AuditInfo>>> {
    Access::to(&state, &caller, id).await?.read_records()?;
    Ok(Json(audit_rows(&state, Some(id), &page).await?))
}

/// The whole audit trail, oldest first (administrators only).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditPage),
    responses((status = 200, body = Vec<AuditInfo>), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
async fn audit(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<AuditPage>,
) -> ApiResult<Json<Vec<AuditInfo>>> {
    access::admin(&caller)?;
    Ok(Json(audit_rows(&state, None, &page).await?))
}
