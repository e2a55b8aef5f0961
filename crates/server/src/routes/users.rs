//! The instance's users (administrators only).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::access;
use crate::admin;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::routes::{ApiJson, Page, Paged};

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(update))
        .routes(routes!(reset_password))
}

/// A user, as the API shows it (never a password or its hash).
#[derive(Clone, Serialize, ToSchema)]
pub(crate) struct UserInfo {
    /// The user's id.
    pub(crate) id: i64,
    /// The sign-in name.
    pub(crate) name: String,
    /// The name shown to others.
    pub(crate) display_name: String,
    /// Whether the user administers the instance.
    pub(crate) is_admin: bool,
    /// Whether the account is disabled.
    pub(crate) disabled: bool,
    /// Until when it is locked after failed sign-ins.
    pub(crate) locked_until: Option<String>,
    /// When it was made.
    pub(crate) created_at: String,
}

impl UserInfo {
    pub(crate) fn of(u: &store::User) -> UserInfo {
        UserInfo {
            id: u.id,
            name: u.name.clone(),
            display_name: u.display_name.clone(),
            is_admin: u.is_admin,
            disabled: u.disabled,
            locked_until: u.locked_until.clone(),
            created_at: u.created_at.clone(),
        }
    }
}

/// The users, by id.
#[utoipa::path(get, path = "/api/v1/users", tag = "users", params(Page, UserFilter),
    responses((status = 200, body = Paged<UserInfo>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(page): Query<Page>,
    Query(filter): Query<UserFilter>,
) -> ApiResult<Json<Paged<UserInfo>>> {
    access::admin(&caller)?;
    let users: Vec<UserInfo> = state
        .store()
        .users()
        .await?
        .iter()
        .filter(|u| filter.disabled.is_none_or(|d| u.disabled == d))
        .filter(|u| filter.admin.is_none_or(|a| u.is_admin == a))
        .map(UserInfo::of)
        .collect();
    Ok(Json(page.of(users)?))
}

/// Which users to list.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct UserFilter {
    /// Only disabled (`true`) or enabled (`false`) accounts.
    pub(crate) disabled: Option<bool>,
    /// Only administrators (`true`) or the others (`false`).
    pub(crate) admin: Option<bool>,
}

/// A new user.
#[derive(Deserialize, ToSchema)]
pub(crate) struct NewUserBody {
    /// The sign-in name (lower-case letters, digits, `.`, `-`, `_`).
    #[schema(min_length = 1, max_length = 64, pattern = r"^[a-z][a-z0-9._-]*$")]
    pub(crate) name: String,
    /// The name shown to others (1 to 200 characters).
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub(crate) display_name: String,
    /// Whether the user administers the instance.
    #[serde(default)]
    pub(crate) is_admin: bool,
}

/// A user just made, with its one-time password.
#[derive(Serialize, ToSchema)]
pub(crate) struct UserMade {
    /// The user.
    pub(crate) user: UserInfo,
    /// The password, shown once; the user should change it.
    pub(crate) password: String,
}

/// Adds a user with a random password, shown once in the answer.
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = NewUserBody,
    responses((status = 201, body = UserMade), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub(crate) async fn add(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewUserBody>,
) -> ApiResult<(StatusCode, Json<UserMade>)> {
    access::admin(&caller)?;
    let actor = store::Actor::user(caller.user.id, "added by an administrator");
    let (user, password) =
        admin::add_user(state.store(), &body.name, &body.display_name, body.is_admin, None, &actor)
            .await?;
    let password = password.unwrap_or_default();
    Ok((StatusCode::CREATED, Json(UserMade { user: UserInfo::of(&user), password })))
}

/// A change of a user's account.
#[derive(Deserialize, ToSchema)]
pub(crate) struct UserUpdate {
    /// Disable (`true`) or enable (`false`) the account.
    pub(crate) disabled: bool,
    /// Why (1 to 2,000 characters).
    #[schema(min_length = 1, max_length = 2000, pattern = r"\S")]
    pub(crate) reason: String,
}

/// Disables or enables a user; disabling ends its sessions.
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users", request_body = UserUpdate,
    params(("id" = i64, Path, description = "The user's id")),
    responses((status = 200, body = UserInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(crate) async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<UserUpdate>,
) -> ApiResult<Json<UserInfo>> {
    access::admin(&caller)?;
    let reason = super::workspaces::reason(&body.reason)?;
    if id == caller.user.id && body.disabled {
        return Err(ApiError::invalid(
            "disabled",
            "an administrator cannot disable its own account",
        ));
    }
    let actor = store::Actor::user(caller.user.id, reason);
    let user = state
        .store()
        .user_set_disabled(id, body.disabled, &actor)
        .await?
        .ok_or_else(|| ApiError::not_found(format!("user {id}")))?;
    Ok(Json(UserInfo::of(&user)))
}

/// A new password, shown once.
#[derive(Serialize, ToSchema)]
pub(crate) struct PasswordMade {
    /// The new password.
    pub(crate) password: String,
}

/// Gives a user a new random password (shown once), ends its sessions and lifts a lock.
#[utoipa::path(post, path = "/api/v1/users/{id}/password", tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    responses((status = 200, body = PasswordMade), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub(crate) async fn reset_password(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<Json<PasswordMade>> {
    access::admin(&caller)?;
    let user =
        state.store().user(id).await?.ok_or_else(|| ApiError::not_found(format!("user {id}")))?;
    let actor = store::Actor::user(caller.user.id, "password reset by an administrator");
    let password = admin::reset_password(state.store(), &user.name, &actor).await?;
    Ok(Json(PasswordMade { password }))
}
