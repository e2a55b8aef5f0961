//! Signing in and out, the caller's own account, and its API tokens.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::{self, Caller, Credential};
use crate::error::{ApiError, ApiResult, ErrorBody, Kind};
use crate::routes::ApiJson;
use crate::routes::users::UserInfo;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in, sign_out))
        .routes(routes!(me))
        .routes(routes!(change_password))
        .routes(routes!(tokens, token_add))
        .routes(routes!(token_revoke))
}

/// A sign-in.
#[derive(Deserialize, ToSchema)]
pub(crate) struct SignIn {
    /// The sign-in name.
    name: String,
    /// The password.
    password: String,
}

/// The caller: its account and its workspaces.
#[derive(Serialize, ToSchema)]
pub(crate) struct Me {
    /// The account.
    user: UserInfo,
    /// Its memberships.
    memberships: Vec<MembershipOfMe>,
}

/// One of the caller's memberships.
#[derive(Serialize, ToSchema)]
pub(crate) struct MembershipOfMe {
    /// The workspace.
    workspace_id: i64,
    /// The role there.
    role: String,
    /// A contributor's ministry.
    ministry: Option<String>,
}

async fn me_of(state: &AppState, caller: &Caller) -> ApiResult<Me> {
    let memberships = state
        .store()
        .memberships_of_user(caller.user.id)
        .await?
        .into_iter()
        .map(|m| MembershipOfMe {
            workspace_id: m.workspace_id,
            role: m.role.as_str().to_owned(),
            ministry: m.ministry,
        })
        .collect();
    Ok(Me { user: UserInfo::of(&caller.user), memberships })
}

/// Signs in with a name and password; sets the session cookie (`HttpOnly`,
/// `SameSite=Strict`, `Secure`). Five failures in a row lock the account for 15 minutes.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", security(()),
    request_body = SignIn,
    responses(
        (status = 200, description = "Signed in", body = Me),
        (status = 400, body = ErrorBody), (status = 401, description = "Wrong name or password", body = ErrorBody),
        (status = 429, description = "Locked or too many attempts", body = ErrorBody)))]
async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<SignIn>,
) -> ApiResult<Response> {
    let (user, cookie) = open_session(&state, peer, &body.name, body.password).await?;
    let caller = Caller { user, credential: Credential::Session(String::new()) };
    let me = me_of(&state, &caller).await?;
    let mut headers = HeaderMap::new();
    headers.insert(SET_COOKIE, cookie);
    Ok((headers, Json(me)).into_response())
}

/// Checks a sign-in (the address's and the account's failures, the password) and opens a
/// session: the user and the `Set-Cookie` value. What the API's and the sign-in page's
/// handlers share.
pub(crate) async fn open_session(
    state: &AppState,
    peer: SocketAddr,
    name: &str,
    password: String,
) -> ApiResult<(store::User, HeaderValue)> {
    state.logins.check(peer.ip())?;
    if name.len() > 200 || password.len() > 1024 {
        return Err(ApiError::invalid("name", "the name or password is too long"));
    }
    let wrong = || ApiError::new(Kind::Unauthenticated, "wrong name or password");
    let found = state.store().user_credentials(name).await?;
    let hash = found.as_ref().map_or_else(|| auth::dummy_hash().to_owned(), |(_, h)| h.clone());
    let matches = auth::hashing(move || auth::verify_password(&password, &hash)).await?;
    let Some((user, _)) = found else {
        state.logins.failed(peer.ip());
        return Err(wrong());
    };
    let now = jiff::Timestamp::now();
    let locked = user.locked_until.as_deref().and_then(|t| t.parse::<jiff::Timestamp>().ok());
    if locked.is_some_and(|t| now < t) {
        return Err(ApiError::new(
            Kind::TooManyRequests,
            "the account is locked after repeated failed sign-ins; try again later or ask an administrator",
        ));
    }
    if !matches || user.disabled {
        state.logins.failed(peer.ip());
        if !user.disabled {
            let until =
                now + jiff::SignedDuration::from_secs(state.config.lock_out.as_secs() as i64);
            state
                .store()
                .login_failed(user.id, state.config.max_failed_logins, &until.to_string())
                .await?;
        }
        return Err(wrong());
    }
    let secret = auth::random_hex(32).map_err(|e| ApiError::hidden(Kind::Internal, &e))?;
    let absolute = state.config.session_absolute;
    let expires = now + jiff::SignedDuration::from_secs(absolute.as_secs() as i64);
    state.store().session_open(&auth::secret_hash(&secret), user.id, &expires.to_string()).await?;
    let secure = state.config.secure_cookies;
    let cookie = format!(
        "{}={secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        auth::cookie_name(secure),
        absolute.as_secs(),
        if secure { "; Secure" } else { "" }
    );
    let cookie =
        HeaderValue::from_str(&cookie).map_err(|e| ApiError::hidden(Kind::Internal, &e))?;
    Ok((user, cookie))
}

/// Ends the caller's session (if it signed in with one) and gives the `Set-Cookie` value
/// that clears the cookie.
pub(crate) async fn close_session(state: &AppState, caller: &Caller) -> ApiResult<HeaderValue> {
    if let Credential::Session(hash) = &caller.credential {
        state.store().session_close(hash).await?;
    }
    let secure = state.config.secure_cookies;
    let cookie = format!(
        "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
        auth::cookie_name(secure),
        if secure { "; Secure" } else { "" }
    );
    HeaderValue::from_str(&cookie).map_err(|e| ApiError::hidden(Kind::Internal, &e))
}

/// Signs out: ends the session and clears its cookie.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session",
    responses((status = 204, description = "Signed out"), (status = 401, body = ErrorBody)))]
async fn sign_out(State(state): State<AppState>, caller: Caller) -> ApiResult<Response> {
    let cookie = close_session(&state, &caller).await?;
    let mut headers = HeaderMap::new();
    headers.insert(SET_COOKIE, cookie);
    Ok((StatusCode::NO_CONTENT, headers).into_response())
}

/// The caller's account and memberships.
#[utoipa::path(get, path = "/api/v1/me", tag = "session",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
async fn me(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Me>> {
    Ok(Json(me_of(&state, &caller).await?))
}

/// An API token, without its secret.
#[derive(Serialize, ToSchema)]
pub(crate) struct TokenInfo {
    /// The token's id.
    id: i64,
    /// Its name.
    name: String,
    /// Its first characters.
    prefix: String,
    /// When it was made.
    created_at: String,
    /// When it was last used.
    last_used_at: Option<String>,
    /// When it was revoked.
    revoked_at: Option<String>,
}

impl TokenInfo {
    pub(crate) fn of(t: store::TokenRecord) -> TokenInfo {
        TokenInfo {
            id: t.id,
            name: t.name,
            prefix: t.prefix,
            created_at: t.created_at,
            last_used_at: t.last_used_at,
            revoked_at: t.revoked_at,
        }
    }
}

/// A new token's name.
#[derive(Deserialize, ToSchema)]
pub(crate) struct NewToken {
    /// What the token is for (1 to 100 characters).
    #[schema(min_length = 1, max_length = 100, pattern = r"\S")]
    name: String,
}

/// A token just made: its secret is shown here once and never again.
#[derive(Serialize, ToSchema)]
pub(crate) struct TokenMade {
    /// The token (send it as `Authorization: Bearer TOKEN`).
    token: String,
    /// The token's record.
    info: TokenInfo,
}

/// The caller's API tokens.
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "session",
    responses((status = 200, body = Vec<TokenInfo>), (status = 401, body = ErrorBody)))]
async fn tokens(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<TokenInfo>>> {
    let tokens = state.store().tokens(Some(caller.user.id)).await?;
    Ok(Json(tokens.into_iter().map(TokenInfo::of).collect()))
}

/// Makes an API token for the caller; the answer shows it once.
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "session", request_body = NewToken,
    responses((status = 201, body = TokenMade), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn token_add(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewToken>,
) -> ApiResult<(StatusCode, Json<TokenMade>)> {
    let (token, record) =
        crate::admin::make_token(state.store(), caller.user.id, &body.name, Some(caller.user.id))
            .await?;
    Ok((StatusCode::CREATED, Json(TokenMade { token, info: TokenInfo::of(record) })))
}

/// Revokes one of the caller's API tokens.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "session",
    params(("id" = i64, Path, description = "The token's id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn token_revoke(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    let mine = state.store().tokens(Some(caller.user.id)).await?;
    if !mine.iter().any(|t| t.id == id && t.revoked_at.is_none()) {
        return Err(ApiError::not_found(format!("token {id}")));
    }
    let actor = store::Actor::user(caller.user.id, "revoked by its owner");
    state.store().token_revoke(id, &actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A change of the caller's own password.
#[derive(Deserialize, ToSchema)]
pub(crate) struct PasswordChange {
    /// The current password.
    current: String,
    /// The new password (12 to 1,024 characters).
    #[schema(min_length = 12, max_length = 1024)]
    new: String,
}

/// Changes the caller's password (after the one-time password an administrator gave);
/// every session of the caller ends, so it signs in again.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "session", request_body = PasswordChange,
    responses((status = 204), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
async fn change_password(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<PasswordChange>,
) -> ApiResult<StatusCode> {
    set_own_password(&state, &caller, body.current, body.new).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replaces the caller's password after checking its current one (field `current` or
/// `new` named in the error); every session of the caller ends.
pub(crate) async fn set_own_password(
    state: &AppState,
    caller: &Caller,
    current: String,
    new: String,
) -> ApiResult<()> {
    if current.len() > 1024 {
        return Err(ApiError::invalid("current", "the current password is not right"));
    }
    crate::admin::check_password(&new).map_err(|e| ApiError::from(e).on("new"))?;
    let (_, hash) = state
        .store()
        .user_credentials(&caller.user.name)
        .await?
        .ok_or_else(ApiError::unauthenticated)?;
    let hashed = auth::hashing(move || {
        auth::verify_password(&current, &hash).then(|| auth::hash_password(&new))
    })
    .await?;
    let Some(hashed) = hashed else {
        return Err(ApiError::invalid("current", "the current password is not right"));
    };
    let hashed = hashed.map_err(|e| ApiError::hidden(Kind::Internal, &e))?;
    let actor = store::Actor::user(caller.user.id, "changed by the user");
    state.store().user_set_password(caller.user.id, &hashed, &actor).await?;
    Ok(())
}
