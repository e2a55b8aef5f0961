//! Accounts of the server: users, their sessions and API tokens, and the audit trail.
//!
//! The store keeps no secret: a password arrives as its Argon2id hash (made by the
//! server), a session cookie and an API token as the SHA-256 of their random value, so a
//! copy of the store signs no one in. Every change to an account is one transaction that
//! also appends its row to the audit trail ([`Store::audit_log`]), who (a user id), when,
//! what, the old and the new value, why. The trail is append-only: triggers refuse to
//! change or delete its rows.

use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{Error, Store};

/// A user of the server, without the password's hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    /// The user's id (what the audit trail records).
    pub id: i64,
    /// The sign-in name.
    pub name: String,
    /// The name shown to others.
    pub display_name: String,
    /// Whether the user administers the instance.
    pub is_admin: bool,
    /// Whether the account is disabled (it can no longer sign in or use its tokens).
    pub disabled: bool,
    /// Until when the account is locked after failed sign-ins (RFC 3339), if it is.
    pub locked_until: Option<String>,
    /// Failed sign-ins since the last success.
    pub failed_logins: i64,
    /// When it was created.
    pub created_at: String,
    /// When it signed in before its latest sign-in (RFC 3339): what "since your last
    /// visit" counts from. `None` before its second sign-in.
    pub previous_sign_in_at: Option<String>,
}

/// A new user, with the hash of its password.
#[derive(Clone, Copy, Debug)]
pub struct NewUser<'a> {
    /// The sign-in name.
    pub name: &'a str,
    /// The name shown to others.
    pub display_name: &'a str,
    /// The password's Argon2id hash (a PHC string).
    pub password_hash: &'a str,
    /// Whether the user administers the instance.
    pub is_admin: bool,
}

/// Who writes, and why: the user's id (`None` for the command line's administrator
/// commands run before any account exists) and the reason given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The user making the change.
    pub user_id: Option<i64>,
    /// Why.
    pub reason: String,
}

impl Actor {
    /// A user acting for `reason`.
    pub fn user(user_id: i64, reason: impl Into<String>) -> Actor {
        Actor { user_id: Some(user_id), reason: reason.into() }
    }

    /// The administrator at the command line (the audit trail records no user id).
    pub fn console(reason: impl Into<String>) -> Actor {
        Actor { user_id: None, reason: reason.into() }
    }
}

/// A stored session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    /// Whose session.
    pub user_id: i64,
    /// When it began.
    pub created_at: String,
    /// When it was last used (the idle expiry counts from here).
    pub last_seen_at: String,
    /// The absolute expiry.
    pub expires_at: String,
}

/// An API token, without its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRecord {
    /// The token's id.
    pub id: i64,
    /// Whose token.
    pub user_id: i64,
    /// The name its owner gave it.
    pub name: String,
    /// Its first characters.
    pub prefix: String,
    /// When it was made.
    pub created_at: String,
    /// When it was last used.
    pub last_used_at: Option<String>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<String>,
}

/// One row of the audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditRecord {
    /// Its place in the trail (increasing).
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who (`None`: the administrator at the command line).
    pub user_id: Option<i64>,
    /// In which workspace (`None`: the instance).
    pub workspace_id: Option<i64>,
    /// What was done, e.g. `user.add`, `membership.set`, `policy.edit`.
    pub action: String,
    /// What it was done to, e.g. `user/3`, `policy/NPL/np-001`.
    pub target: String,
    /// The value before (JSON), if there was one.
    pub old_value: Option<String>,
    /// The value after (JSON), if there is one.
    pub new_value: Option<String>,
    /// Why.
    pub reason: String,
}

/// Which rows of the audit trail to read.
#[derive(Clone, Copy, Debug, Default)]
pub struct AuditQuery<'a> {
    /// Only rows whose action starts with this (e.g. `policy.`).
    pub action: Option<&'a str>,
    /// Only rows written by this user.
    pub user_id: Option<i64>,
    /// Only this workspace's rows (`None`: every row).
    pub workspace_id: Option<i64>,
    /// Only rows after this sequence number (for paging).
    pub after: Option<i64>,
    /// Only rows written after this time (RFC 3339, UTC).
    pub since: Option<&'a str>,
    /// At most this many rows.
    pub limit: i64,
}

/// One audit row to append.
pub(crate) struct AuditRow<'a> {
    pub(crate) workspace_id: Option<i64>,
    pub(crate) action: &'a str,
    pub(crate) target: String,
    pub(crate) old: Option<String>,
    pub(crate) new: Option<String>,
}

/// Appends `row` to the audit trail, in the caller's transaction.
pub(crate) async fn append_audit(
    conn: &mut AnyConnection,
    at: &str,
    actor: &Actor,
    row: AuditRow<'_>,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, user_id, workspace_id, action, target, old_value, new_value, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(at)
    .bind(actor.user_id)
    .bind(row.workspace_id)
    .bind(row.action)
    .bind(row.target)
    .bind(row.old)
    .bind(row.new)
    .bind(&actor.reason)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The time now, as the store writes it.
pub(crate) fn now() -> String {
    jiff::Timestamp::now().to_string()
}

/// Whether `e` is a violation of a uniqueness constraint.
pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error().is_some_and(|d| d.is_unique_violation())
}

const USER_COLUMNS: &str = "id, name, display_name, is_admin, disabled, locked_until, failed_logins, created_at, previous_sign_in_at";

fn user_of(row: &AnyRow) -> Result<User, Error> {
    user_at(row, 0)
}

/// The user whose [`USER_COLUMNS`] start at column `at` of `row`.
fn user_at(row: &AnyRow, at: usize) -> Result<User, Error> {
    Ok(User {
        id: row.try_get(at)?,
        name: row.try_get(at + 1)?,
        display_name: row.try_get(at + 2)?,
        is_admin: row.try_get::<i64, _>(at + 3)? != 0,
        disabled: row.try_get::<i64, _>(at + 4)? != 0,
        locked_until: row.try_get(at + 5)?,
        failed_logins: row.try_get(at + 6)?,
        created_at: row.try_get(at + 7)?,
        previous_sign_in_at: row.try_get(at + 8)?,
    })
}

/// `columns` (comma-separated) each prefixed with `prefix` (a table alias).
fn prefixed(prefix: &str, columns: &str) -> String {
    columns.split(", ").map(|c| format!("{prefix}{c}")).collect::<Vec<_>>().join(", ")
}

/// The JSON of a user as the audit trail records it (never the password's hash).
fn user_json(u: &User) -> String {
    format!(
        "{{\"name\":{},\"display_name\":{},\"is_admin\":{},\"disabled\":{}}}",
        json_string(&u.name),
        json_string(&u.display_name),
        u.is_admin,
        u.disabled
    )
}

/// `s` as a JSON string.
pub(crate) fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Store {
    /// Adds a user, and its row to the audit trail (`user.add`).
    ///
    /// # Errors
    /// [`Error::Conflict`] if the name is taken; [`Error::Storage`] if the store cannot be
    /// written, else [`Error::Query`].
    pub async fn user_add(&self, new: &NewUser<'_>, actor: &Actor) -> Result<User, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let at = now();
            let inserted = sqlx::query(
                "INSERT INTO users (name, display_name, password_hash, is_admin, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(new.name)
            .bind(new.display_name)
            .bind(new.password_hash)
            .bind(i64::from(new.is_admin))
            .bind(&at)
            .fetch_one(&mut *tx)
            .await;
            let id: i64 = match inserted {
                Ok(row) => row.try_get(0)?,
                Err(e) if is_unique_violation(&e) => {
                    return Err(Error::Conflict {
                        what: format!("a user named {:?} exists already", new.name),
                    });
                }
                Err(e) => return Err(e.into()),
            };
            let user = User {
                id,
                name: new.name.to_owned(),
                display_name: new.display_name.to_owned(),
                is_admin: new.is_admin,
                disabled: false,
                locked_until: None,
                failed_logins: 0,
                created_at: at.clone(),
                previous_sign_in_at: None,
            };
            let row = AuditRow {
                workspace_id: None,
                action: "user.add",
                target: format!("user/{id}"),
                old: None,
                new: Some(user_json(&user)),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(user)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "user add"))
    }

    /// Every user, by id.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn users(&self) -> Result<Vec<User>, Error> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
        rows.iter().map(user_of).collect()
    }

    /// The user with this id.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn user(&self, id: i64) -> Result<Option<User>, Error> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(user_of).transpose()
    }

    /// The user signing in as `name`, with its password's hash.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn user_credentials(&self, name: &str) -> Result<Option<(User, String)>, Error> {
        let sql = format!("SELECT {USER_COLUMNS}, password_hash FROM users WHERE name = $1");
        let row =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(name).fetch_optional(&self.pool).await?;
        row.map(|r| Ok((user_of(&r)?, r.try_get(9)?))).transpose()
    }

    /// How many enabled administrators there are.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn admin_count(&self) -> Result<i64, Error> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND disabled = 0")
                .fetch_one(&self.pool)
                .await?;
        Ok(n)
    }

    /// Disables or enables the user `id`; disabling also ends its sessions. Audited as
    /// `user.disable` or `user.enable`. Returns the user as it now is (`None`: no such user).
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn user_set_disabled(
        &self,
        id: i64,
        disabled: bool,
        actor: &Actor,
    ) -> Result<Option<User>, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let Some(before) = user_in(&mut tx, id).await? else { return Ok(None) };
            let at = now();
            sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
                .bind(i64::from(disabled))
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if disabled {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            let after = User { disabled, ..before.clone() };
            let row = AuditRow {
                workspace_id: None,
                action: if disabled { "user.disable" } else { "user.enable" },
                target: format!("user/{id}"),
                old: Some(user_json(&before)),
                new: Some(user_json(&after)),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(Some(after))
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "user disable"))
    }

    /// Sets the password hash of user `id`, clears its failed sign-ins and lock, and ends
    /// its sessions. Audited as `user.password` (without any hash). `false`: no such user.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn user_set_password(
        &self,
        id: i64,
        password_hash: &str,
        actor: &Actor,
    ) -> Result<bool, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let changed = sqlx::query(
                "UPDATE users SET password_hash = $1, failed_logins = 0, locked_until = NULL WHERE id = $2",
            )
            .bind(password_hash)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(false);
            }
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let row = AuditRow {
                workspace_id: None,
                action: "user.password",
                target: format!("user/{id}"),
                old: None,
                new: None,
            };
            append_audit(&mut tx, &now(), actor, row).await?;
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "password reset"))
    }

    /// Records a failed sign-in of user `id`: after `max_failures` in a row the account is
    /// locked until `lock_until`. Returns the lock's end if the account is now locked.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn login_failed(
        &self,
        id: i64,
        max_failures: i64,
        lock_until: &str,
    ) -> Result<Option<String>, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let (failures,): (i64,) = sqlx::query_as(
                "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
            let locked = failures >= max_failures;
            if locked {
                sqlx::query("UPDATE users SET locked_until = $1, failed_logins = 0 WHERE id = $2")
                    .bind(lock_until)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                let row = AuditRow {
                    workspace_id: None,
                    action: "user.lock",
                    target: format!("user/{id}"),
                    old: None,
                    new: Some(format!("{{\"locked_until\":{}}}", json_string(lock_until))),
                };
                let actor =
                    Actor { user_id: None, reason: format!("{max_failures} failed sign-ins") };
                append_audit(&mut tx, &now(), &actor, row).await?;
            }
            tx.commit().await?;
            Ok(locked.then(|| lock_until.to_owned()))
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "sign-in"))
    }

    /// Records a successful sign-in of user `id` and opens its session: clears the failed
    /// sign-ins and the lock, keeps the time of the sign-in before this one
    /// ([`User::previous_sign_in_at`]), and stores the session (the SHA-256 of its cookie).
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn session_open(
        &self,
        id_hash: &str,
        user_id: i64,
        expires_at: &str,
    ) -> Result<(), Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let at = now();
            sqlx::query(
                "UPDATE users SET failed_logins = 0, locked_until = NULL,
                 previous_sign_in_at = last_sign_in_at, last_sign_in_at = $2 WHERE id = $1",
            )
            .bind(user_id)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at)
                 VALUES ($1, $2, $3, $3, $4)",
            )
            .bind(id_hash)
            .bind(user_id)
            .bind(&at)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
                .bind(&at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "sign-in"))
    }

    /// The session whose cookie hashes to `id_hash`.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>, Error> {
        let row: Option<(i64, String, String, String)> = sqlx::query_as(
            "SELECT user_id, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = $1",
        )
        .bind(id_hash)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(user_id, created_at, last_seen_at, expires_at)| SessionRecord {
            user_id,
            created_at,
            last_seen_at,
            expires_at,
        }))
    }

    /// Marks the session used now.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn session_touch(&self, id_hash: &str) -> Result<(), Error> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now())
            .bind(id_hash)
            .execute(&self.pool)
            .await
            .map_err(|e| Error::from(e).writing(&self.location, "session"))?;
        Ok(())
    }

    /// Ends the session (sign-out, or an expired session seen).
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn session_close(&self, id_hash: &str) -> Result<(), Error> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await
            .map_err(|e| Error::from(e).writing(&self.location, "sign-out"))?;
        Ok(())
    }

    /// Stores a new API token of `user_id` (its SHA-256 and first characters). Audited as
    /// `token.add`. Returns the token's id.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn token_add(
        &self,
        user_id: i64,
        name: &str,
        token_hash: &str,
        prefix: &str,
        actor: &Actor,
    ) -> Result<i64, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let at = now();
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(user_id)
            .bind(name)
            .bind(token_hash)
            .bind(prefix)
            .bind(&at)
            .fetch_one(&mut *tx)
            .await?;
            let row = AuditRow {
                workspace_id: None,
                action: "token.add",
                target: format!("token/{id}"),
                old: None,
                new: Some(format!(
                    "{{\"user_id\":{user_id},\"name\":{},\"prefix\":{}}}",
                    json_string(name),
                    json_string(prefix)
                )),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(id)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "token add"))
    }

    /// The token whose SHA-256 is `token_hash`, revoked or not.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn token_by_hash(&self, token_hash: &str) -> Result<Option<TokenRecord>, Error> {
        let sql = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(token_of).transpose()
    }

    /// The tokens of `user_id` (every user's when `None`), by id.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn tokens(&self, user_id: Option<i64>) -> Result<Vec<TokenRecord>, Error> {
        let sql = format!(
            "SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE ($1 IS NULL OR user_id = $1) ORDER BY id"
        );
        let rows =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(user_id).fetch_all(&self.pool).await?;
        rows.iter().map(token_of).collect()
    }

    /// Revokes token `id`. Audited as `token.revoke`. `false`: no such token, or revoked
    /// already.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn token_revoke(&self, id: i64, actor: &Actor) -> Result<bool, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let at = now();
            let changed = sqlx::query(
                "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
            )
            .bind(&at)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                return Ok(false);
            }
            let row = AuditRow {
                workspace_id: None,
                action: "token.revoke",
                target: format!("token/{id}"),
                old: None,
                new: Some(format!("{{\"revoked_at\":{}}}", json_string(&at))),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "token revoke"))
    }

    /// Marks token `id` used now.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn token_touch(&self, id: i64) -> Result<(), Error> {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(|e| Error::from(e).writing(&self.location, "token"))?;
        Ok(())
    }

    /// The live token whose SHA-256 is `token_hash` and its user, in one query: what
    /// every request with a token reads. `None` when no token has that hash or it was
    /// revoked.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn token_user(&self, token_hash: &str) -> Result<Option<(i64, User)>, Error> {
        let sql = format!(
            "SELECT t.id, {} FROM api_tokens t JOIN users u ON u.id = t.user_id
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL",
            prefixed("u.", USER_COLUMNS)
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((r.try_get(0)?, user_at(&r, 1)?))).transpose()
    }

    /// The session whose cookie hashes to `id_hash` and its user, in one query: what every
    /// request with a session cookie reads.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn session_user(
        &self,
        id_hash: &str,
    ) -> Result<Option<(SessionRecord, User)>, Error> {
        let sql = format!(
            "SELECT s.user_id, s.created_at, s.last_seen_at, s.expires_at, {} FROM sessions s
             JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1",
            prefixed("u.", USER_COLUMNS)
        );
        let row =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id_hash).fetch_optional(&self.pool).await?;
        row.map(|r| {
            let session = SessionRecord {
                user_id: r.try_get(0)?,
                created_at: r.try_get(1)?,
                last_seen_at: r.try_get(2)?,
                expires_at: r.try_get(3)?,
            };
            Ok((session, user_at(&r, 4)?))
        })
        .transpose()
    }

    /// Rows of the audit trail, in order.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn audit_log(&self, query: AuditQuery<'_>) -> Result<Vec<AuditRecord>, Error> {
        let rows = sqlx::query(
            "SELECT seq, at, user_id, workspace_id, action, target, old_value, new_value, reason
             FROM audit_log WHERE ($1 IS NULL OR workspace_id = $1) AND seq > $2
             AND ($4 IS NULL OR substr(action, 1, length($4)) = $4)
             AND ($5 IS NULL OR user_id = $5)
             AND ($6 IS NULL OR at > $6)
             ORDER BY seq LIMIT $3",
        )
        .bind(query.workspace_id)
        .bind(query.after.unwrap_or(0))
        .bind(query.limit)
        .bind(query.action)
        .bind(query.user_id)
        .bind(query.since)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditRecord {
                    seq: r.try_get(0)?,
                    at: r.try_get(1)?,
                    user_id: r.try_get(2)?,
                    workspace_id: r.try_get(3)?,
                    action: r.try_get(4)?,
                    target: r.try_get(5)?,
                    old_value: r.try_get(6)?,
                    new_value: r.try_get(7)?,
                    reason: r.try_get(8)?,
                })
            })
            .collect()
    }
}

const TOKEN_COLUMNS: &str = "id, user_id, name, prefix, created_at, last_used_at, revoked_at";

fn token_of(r: &AnyRow) -> Result<TokenRecord, Error> {
    Ok(TokenRecord {
        id: r.try_get(0)?,
        user_id: r.try_get(1)?,
        name: r.try_get(2)?,
        prefix: r.try_get(3)?,
        created_at: r.try_get(4)?,
        last_used_at: r.try_get(5)?,
        revoked_at: r.try_get(6)?,
    })
}

/// The user `id`, read in the caller's transaction.
async fn user_in(conn: &mut AnyConnection, id: i64) -> Result<Option<User>, Error> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *conn).await?;
    row.as_ref().map(user_of).transpose()
}
