//! Who is calling: passwords (Argon2id), sessions (a random cookie whose SHA-256 the store
//! keeps) and API tokens (shown once, stored as their SHA-256).
//!
//! A request is authenticated by `Authorization: Bearer TOKEN` or by the session cookie;
//! anything else is anonymous. Secrets never reach a log: the types holding them do not
//! print them, and the request log records neither headers nor bodies.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use sha2::{Digest, Sha256};
use store::User;

use crate::AppState;
use crate::error::{ApiError, ApiResult, Kind};

/// The session cookie's name. The `__Host-` prefix (when cookies are `Secure`) binds it
/// to this host and path `/`.
pub(crate) fn cookie_name(secure: bool) -> &'static str {
    if secure { "__Host-coherence_session" } else { "coherence_session" }
}

/// Prefix of every API token, so that a leaked token is recognisable in a scan.
pub const TOKEN_PREFIX: &str = "coh_";

/// Hashes `password` with Argon2id (the crate's defaults: 19 MiB, 2 passes), as a PHC
/// string with its own random salt.
///
/// # Errors
/// Only if the system's random source fails.
pub fn hash_password(password: &str) -> Result<String, String> {
    use argon2::PasswordHasher;
    argon2::Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("cannot hash the password: {e}"))
}

/// Whether `password` matches the PHC string `hash` (compared in constant time by the
/// hash's verifier).
pub fn verify_password(password: &str, hash: &str) -> bool {
    use argon2::PasswordVerifier;
    let Ok(parsed) = argon2::PasswordHash::new(hash) else { return false };
    argon2::Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok()
}

/// Runs `work` (an Argon2id hash or verification: about 20 ms of one core and 19 MiB) on a
/// blocking thread, at most as many at once as the machine has cores, so that a flood of
/// sign-ins queues instead of taking every core and gigabytes of memory.
pub(crate) async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> ApiResult<T> {
    static SLOTS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, usize::from))
    });
    let _slot = slots.acquire().await.map_err(|e| ApiError::hidden(Kind::Internal, &e))?;
    tokio::task::spawn_blocking(work).await.map_err(|e| ApiError::hidden(Kind::Internal, &e))
}

/// [`hash_password`] on the bounded blocking pool of [`hashing`].
///
/// # Errors
/// If the system's random source fails, or the blocking pool is gone.
pub(crate) async fn hash_password_off_thread(password: String) -> Result<String, String> {
    hashing(move || hash_password(&password)).await.map_err(|e| e.message)?
}

/// A hash that no password matches, checked when the name is unknown so that a sign-in
/// takes as long whether or not the account exists.
pub(crate) fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("no account has this password").unwrap_or_default())
}

/// `n` random bytes from the system, as lower-case hex.
///
/// # Errors
/// If the system's random source fails.
pub fn random_hex(n: usize) -> Result<String, String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes).map_err(|e| format!("the system's random source failed: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A new password for a person to type: 20 characters from an alphabet without look-alike
/// characters (about 110 bits).
///
/// # Errors
/// If the system's random source fails.
pub fn random_password() -> Result<String, String> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|e| format!("the system's random source failed: {e}"))?;
    // 256 % 54 = 40: a small bias, irrelevant at this length.
    Ok(bytes.iter().map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char).collect())
}

/// SHA-256 of `secret`, hex: how the store keeps session ids and tokens.
pub fn secret_hash(secret: &str) -> String {
    Sha256::digest(secret.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A new API token: its text (shown once), hash and display prefix.
///
/// # Errors
/// If the system's random source fails.
pub fn new_token() -> Result<(String, String, String), String> {
    let token = format!("{TOKEN_PREFIX}{}", random_hex(32)?);
    let prefix = token[..TOKEN_PREFIX.len() + 8].to_owned();
    let hash = secret_hash(&token);
    Ok((token, hash, prefix))
}

/// How the caller proved who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Credential {
    /// A session cookie (its hash): writes need the CSRF checks.
    Session(String),
    /// An API token (its id).
    Token(i64),
}

/// A signed-in caller.
#[derive(Clone, Debug)]
pub(crate) struct Caller {
    /// The user.
    pub(crate) user: User,
    /// How it signed in.
    pub(crate) credential: Credential,
}

/// A caller who may be anonymous.
#[derive(Clone, Debug)]
pub(crate) struct MaybeCaller(pub(crate) Option<Caller>);

impl FromRequestParts<AppState> for MaybeCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        if let Some(caller) = parts.extensions.get::<MaybeCaller>() {
            return Ok(caller.clone());
        }
        let caller = authenticate(parts, state).await?;
        let caller = MaybeCaller(caller);
        parts.extensions.insert(caller.clone());
        Ok(caller)
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        MaybeCaller::from_request_parts(parts, state).await?.0.ok_or_else(ApiError::unauthenticated)
    }
}

/// The value of the cookie `name` in the request's `Cookie` headers.
pub(crate) fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The caller of a request: a bearer token wins over a cookie; a credential that is
/// present but not valid is refused (401) rather than treated as anonymous.
async fn authenticate(parts: &Parts, state: &AppState) -> ApiResult<Option<Caller>> {
    if let Some(header) = parts.headers.get(AUTHORIZATION) {
        let token =
            header.to_str().ok().and_then(|h| h.strip_prefix("Bearer ")).ok_or_else(|| {
                ApiError::new(
                    Kind::Unauthenticated,
                    "the Authorization header is not `Bearer TOKEN`",
                )
            })?;
        return by_token(state, token.trim()).await.map(Some);
    }
    let Some(value) = cookie(parts, cookie_name(state.config.secure_cookies)) else {
        return Ok(None);
    };
    by_session(state, value).await
}

async fn by_token(state: &AppState, token: &str) -> ApiResult<Caller> {
    let invalid =
        || ApiError::new(Kind::Unauthenticated, "the API token is not valid, or was revoked");
    if !token.starts_with(TOKEN_PREFIX) || token.len() > 200 {
        return Err(invalid());
    }
    let (id, user) = state.store().token_user(&secret_hash(token)).await?.ok_or_else(invalid)?;
    if user.disabled {
        return Err(ApiError::new(Kind::Unauthenticated, "the account is disabled"));
    }
    if state.touch_due(&format!("t{id}")) {
        state.store().token_touch(id).await?;
    }
    Ok(Caller { user, credential: Credential::Token(id) })
}

/// The caller of a session cookie; an expired or unknown session is anonymous (the page
/// then asks to sign in again), and an expired one is deleted.
async fn by_session(state: &AppState, value: &str) -> ApiResult<Option<Caller>> {
    if value.len() > 200 {
        return Ok(None);
    }
    let hash = secret_hash(value);
    let Some((session, user)) = state.store().session_user(&hash).await? else {
        return Ok(None);
    };
    let now = jiff::Timestamp::now();
    let parse = |t: &str| t.parse::<jiff::Timestamp>().ok();
    let idle_end = parse(&session.last_seen_at).and_then(|t| {
        t.checked_add(jiff::SignedDuration::from_secs(state.config.session_idle.as_secs() as i64))
            .ok()
    });
    let absolute_end = parse(&session.expires_at);
    let alive = idle_end.is_some_and(|t| now < t) && absolute_end.is_some_and(|t| now < t);
    if !alive {
        state.store().session_close(&hash).await?;
        return Ok(None);
    }
    if user.disabled {
        return Ok(None);
    }
    if state.touch_due(&hash) {
        state.store().session_touch(&hash).await?;
    }
    Ok(Some(Caller { user, credential: Credential::Session(hash) }))
}

/// Failed sign-ins per client address, so that one address cannot try passwords against
/// many accounts (the per-account lock-out is in the store, shared by every process).
#[derive(Debug, Default)]
pub(crate) struct LoginLimiter {
    failures: Mutex<HashMap<IpAddr, (u32, Instant)>>,
}

impl LoginLimiter {
    /// Failures an address may make in one window.
    const PER_WINDOW: u32 = 20;
    /// The window.
    const WINDOW: Duration = Duration::from_secs(15 * 60);

    /// Refuses (429) an address that failed too often in the current window.
    pub(crate) fn check(&self, ip: IpAddr) -> ApiResult<()> {
        let map = self.failures.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match map.get(&ip) {
            Some((n, since)) if *n >= Self::PER_WINDOW && since.elapsed() < Self::WINDOW => {
                Err(ApiError::new(
                    Kind::TooManyRequests,
                    "too many failed sign-ins from this address; try again in 15 minutes",
                ))
            }
            _ => Ok(()),
        }
    }

    /// Counts a failure of `ip`.
    pub(crate) fn failed(&self, ip: IpAddr) {
        let mut map = self.failures.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if map.len() > 100_000 {
            map.retain(|_, (_, since)| since.elapsed() < Self::WINDOW);
        }
        let entry = map.entry(ip).or_insert((0, Instant::now()));
        if entry.1.elapsed() >= Self::WINDOW {
            *entry = (0, Instant::now());
        }
        entry.0 += 1;
    }
}
