//! The administrator's operations on accounts, shared by the command line
//! (`coherence user add|list|disable|reset-password|token`) and the API's user routes.
//! Passwords are made here (random, shown once) or given by the administrator; no account
//! ever has a default password.

use store::{Actor, NewUser, Store, TokenRecord, User};

use crate::auth;
use crate::error::{ApiError, Kind};

/// An error of an administrator's operation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// A value given cannot be used.
    #[error("{field}: {message}")]
    Invalid {
        /// The field (e.g. `name`).
        field: &'static str,
        /// What is wrong.
        message: String,
    },
    /// No user of that name.
    #[error("no user is named {0:?}")]
    NoSuchUser(String),
    /// The system's random source or the password hasher failed.
    #[error("{0}")]
    Crypto(String),
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        match e {
            Error::Store(e) => e.into(),
            Error::Invalid { field, message } => ApiError::invalid(field, message),
            Error::NoSuchUser(name) => ApiError::not_found(format!("user {name:?}")),
            Error::Crypto(m) => ApiError::hidden(Kind::Internal, &m),
        }
    }
}

/// Checks a sign-in name: 1 to 64 of `a-z`, `0-9`, `.`, `-`, `_`, starting with a letter.
///
/// # Errors
/// [`Error::Invalid`] saying what is wrong.
pub fn check_name(name: &str) -> Result<(), Error> {
    let ok = (1..=64).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::Invalid {
            field: "name",
            message: format!(
                "{name:?} is not a sign-in name: 1 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter"
            ),
        })
    }
}

/// Checks a password chosen by a person: 12 to 1,024 characters.
///
/// # Errors
/// [`Error::Invalid`].
pub fn check_password(password: &str) -> Result<(), Error> {
    let n = password.chars().count();
    if (12..=1024).contains(&n) {
        Ok(())
    } else {
        Err(Error::Invalid {
            field: "password",
            message: "a password has 12 to 1,024 characters".to_owned(),
        })
    }
}

/// `password`'s Argon2id hash, made on a blocking thread (about 20 ms of one core).
async fn hash(password: &str) -> Result<String, Error> {
    auth::hash_password_off_thread(password.to_owned()).await.map_err(Error::Crypto)
}

/// Adds a user. Without `password`, one is made and returned (to show once).
///
/// # Errors
/// [`Error::Invalid`] for a bad name, display name or password; [`Error::Store`]
/// ([`store::Error::Conflict`]) if the name is taken.
pub async fn add_user(
    store: &Store,
    name: &str,
    display_name: &str,
    is_admin: bool,
    password: Option<&str>,
    actor: &Actor,
) -> Result<(User, Option<String>), Error> {
    check_name(name)?;
    let display_name = display_name.trim();
    if display_name.is_empty() || display_name.chars().count() > 200 {
        return Err(Error::Invalid {
            field: "display_name",
            message: "a display name has 1 to 200 characters".to_owned(),
        });
    }
    let (password, made) = match password {
        Some(p) => {
            check_password(p)?;
            (p.to_owned(), None)
        }
        None => {
            let p = auth::random_password().map_err(Error::Crypto)?;
            (p.clone(), Some(p))
        }
    };
    let password_hash = hash(&password).await?;
    let new = NewUser { name, display_name, password_hash: &password_hash, is_admin };
    let user = store.user_add(&new, actor).await?;
    Ok((user, made))
}

/// The user named `name`.
///
/// # Errors
/// [`Error::NoSuchUser`], or [`Error::Store`].
pub async fn user_named(store: &Store, name: &str) -> Result<User, Error> {
    store
        .user_credentials(name)
        .await?
        .map(|(u, _)| u)
        .ok_or_else(|| Error::NoSuchUser(name.to_owned()))
}

/// Disables (or enables) the user `name`; disabling ends its sessions and its tokens stop
/// working.
///
/// # Errors
/// [`Error::NoSuchUser`], or [`Error::Store`].
pub async fn set_disabled(
    store: &Store,
    name: &str,
    disabled: bool,
    actor: &Actor,
) -> Result<User, Error> {
    let user = user_named(store, name).await?;
    store
        .user_set_disabled(user.id, disabled, actor)
        .await?
        .ok_or_else(|| Error::NoSuchUser(name.to_owned()))
}

/// Gives the user `name` a new random password (returned, to show once), ends its
/// sessions and lifts a lock.
///
/// # Errors
/// [`Error::NoSuchUser`], or [`Error::Store`].
pub async fn reset_password(store: &Store, name: &str, actor: &Actor) -> Result<String, Error> {
    let user = user_named(store, name).await?;
    let password = auth::random_password().map_err(Error::Crypto)?;
    store.user_set_password(user.id, &hash(&password).await?, actor).await?;
    Ok(password)
}

/// Makes an API token for `user_id`; returns its secret (to show once) and its record.
///
/// # Errors
/// [`Error::Invalid`] for a bad name, or [`Error::Store`].
pub async fn make_token(
    store: &Store,
    user_id: i64,
    name: &str,
    by: Option<i64>,
) -> Result<(String, TokenRecord), Error> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(Error::Invalid {
            field: "name",
            message: "a token's name has 1 to 100 characters".to_owned(),
        });
    }
    let (token, token_hash, prefix) = auth::new_token().map_err(Error::Crypto)?;
    let actor = Actor { user_id: by, reason: format!("API token {name:?}") };
    let id = store.token_add(user_id, name, &token_hash, &prefix, &actor).await?;
    let record = store
        .tokens(Some(user_id))
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(Error::Crypto("the token just stored cannot be read back".to_owned()))?;
    Ok((token, record))
}

/// Makes the first administrator, `admin`, with a random password, if the store has no
/// enabled administrator; returns the name and password to show once.
///
/// # Errors
/// [`Error::Store`].
pub async fn first_admin(store: &Store) -> Result<Option<(String, String)>, Error> {
    if store.admin_count().await? > 0 {
        return Ok(None);
    }
    let mut name = "admin".to_owned();
    let mut n = 1;
    while store.user_credentials(&name).await?.is_some() {
        n += 1;
        name = format!("admin{n}");
    }
    let actor = Actor::console("first administrator, made when the server started");
    let (_, password) = add_user(store, &name, "Administrator", true, None, &actor).await?;
    Ok(password.map(|p| (name, p)))
}
