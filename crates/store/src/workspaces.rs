//! Workspaces, their members' roles, and what a corridor partnership shares.
//!
//! A government's workspace holds the register and the answers of its country (one
//! workspace per country); a partnership joins two governments' workspaces, and sees of
//! each only what that side shares with it ([`Store::share_set`]). Membership gives a
//! role in one workspace; a contributor's membership names its ministry. Every change is
//! audited in the same transaction.

use domain::area::Iso3;
use sqlx::{Row, any::AnyRow};

use crate::accounts::{Actor, AuditRow, append_audit, is_unique_violation, json_string, now};
use crate::{Error, Store};

/// A workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// Its id.
    pub id: i64,
    /// Its name (unique).
    pub name: String,
    /// A government's or a partnership.
    pub kind: WorkspaceKind,
    /// When it was made.
    pub created_at: String,
}

/// What a workspace is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WorkspaceKind {
    /// A government's workspace: its country's register, answers and matrices.
    Government {
        /// The country.
        country: Iso3,
    },
    /// A corridor partnership of two governments' workspaces.
    Partnership {
        /// The origin government's workspace.
        origin_id: i64,
        /// The destination government's workspace.
        destination_id: i64,
    },
}

/// A role in a workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Reads.
    Viewer,
    /// Edits what its ministry owns.
    Contributor,
    /// Edits everything in the workspace, signs off, invites.
    Coordinator,
}

impl Role {
    /// The role's name as stored and in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Contributor => "contributor",
            Role::Coordinator => "coordinator",
        }
    }

    /// The role named `s`.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "viewer" => Some(Role::Viewer),
            "contributor" => Some(Role::Contributor),
            "coordinator" => Some(Role::Coordinator),
            _ => None,
        }
    }
}

/// A user's membership of a workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    /// The workspace.
    pub workspace_id: i64,
    /// The user.
    pub user_id: i64,
    /// The role.
    pub role: Role,
    /// A contributor's ministry.
    pub ministry: Option<String>,
}

/// What a government's workspace may share with a partnership.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shared {
    /// Its policy register.
    Register,
    /// Its answers to assessment frameworks.
    Answers,
    /// Its cross-impact matrices.
    Matrices,
    /// Its scenario runs.
    Scenarios,
}

impl Shared {
    /// Every kind, in order.
    pub const ALL: [Shared; 4] =
        [Shared::Register, Shared::Answers, Shared::Matrices, Shared::Scenarios];

    /// The name as stored and in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Shared::Register => "register",
            Shared::Answers => "answers",
            Shared::Matrices => "matrices",
            Shared::Scenarios => "scenarios",
        }
    }

    /// The kind named `s`.
    pub fn parse(s: &str) -> Option<Shared> {
        Shared::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One share: `workspace_id` shares `what` with `partnership_id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    /// The partnership.
    pub partnership_id: i64,
    /// The government's workspace that shares.
    pub workspace_id: i64,
    /// What it shares.
    pub what: Shared,
}

/// One policy of a government's register shared with a partnership (when the government
/// does not share its whole register).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SharedPolicy {
    /// The partnership.
    pub partnership_id: i64,
    /// The government's workspace that shares.
    pub workspace_id: i64,
    /// The policy's id in that government's register.
    pub policy_id: String,
}

const WORKSPACE_COLUMNS: &str = "id, name, kind, country, origin_id, destination_id, created_at";

fn workspace_of(r: &AnyRow) -> Result<Workspace, Error> {
    let kind: String = r.try_get(2)?;
    let kind = match kind.as_str() {
        "government" => {
            let country: String = r.try_get(3)?;
            let country = Iso3::parse(&country)
                .map_err(|_| Error::Corrupt { what: "workspace country", value: country })?;
            WorkspaceKind::Government { country }
        }
        "partnership" => {
            WorkspaceKind::Partnership { origin_id: r.try_get(4)?, destination_id: r.try_get(5)? }
        }
        _ => return Err(Error::Corrupt { what: "workspace kind", value: kind }),
    };
    Ok(Workspace { id: r.try_get(0)?, name: r.try_get(1)?, kind, created_at: r.try_get(6)? })
}

fn membership_of(r: &AnyRow) -> Result<Membership, Error> {
    let role: String = r.try_get(2)?;
    Ok(Membership {
        workspace_id: r.try_get(0)?,
        user_id: r.try_get(1)?,
        role: Role::parse(&role).ok_or(Error::Corrupt { what: "role", value: role })?,
        ministry: r.try_get(3)?,
    })
}

fn membership_json(m: &Membership) -> String {
    format!(
        "{{\"role\":\"{}\",\"ministry\":{}}}",
        m.role.as_str(),
        m.ministry.as_deref().map_or_else(|| "null".to_owned(), json_string)
    )
}

impl Store {
    /// Makes a workspace. Audited as `workspace.add`.
    ///
    /// # Errors
    /// [`Error::Conflict`] if the name is taken, the country has its workspace already, or
    /// a partnership's sides are not two distinct government workspaces; [`Error::Storage`]
    /// if the store cannot be written, else [`Error::Query`].
    pub async fn workspace_add(
        &self,
        name: &str,
        kind: WorkspaceKind,
        actor: &Actor,
    ) -> Result<Workspace, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let (kind_text, country, origin, destination) = match kind {
                WorkspaceKind::Government { country } => {
                    ("government", Some(country.as_str().to_owned()), None, None)
                }
                WorkspaceKind::Partnership { origin_id, destination_id } => {
                    for side in [origin_id, destination_id] {
                        let found: Option<(String,)> =
                            sqlx::query_as("SELECT kind FROM workspaces WHERE id = $1")
                                .bind(side)
                                .fetch_optional(&mut *tx)
                                .await?;
                        if found.is_none_or(|(k,)| k != "government") {
                            return Err(Error::Conflict {
                                what: format!("workspace {side} is not a government's workspace"),
                            });
                        }
                    }
                    if origin_id == destination_id {
                        return Err(Error::Conflict {
                            what: "a partnership joins two different governments".to_owned(),
                        });
                    }
                    ("partnership", None, Some(origin_id), Some(destination_id))
                }
            };
            let at = now();
            let inserted = sqlx::query(
                "INSERT INTO workspaces (name, kind, country, origin_id, destination_id, created_at, created_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            )
            .bind(name)
            .bind(kind_text)
            .bind(country)
            .bind(origin)
            .bind(destination)
            .bind(&at)
            .bind(actor.user_id)
            .fetch_one(&mut *tx)
            .await;
            let id: i64 = match inserted {
                Ok(row) => row.try_get(0)?,
                Err(e) if is_unique_violation(&e) => {
                    return Err(Error::Conflict {
                        what: format!(
                            "a workspace named {name:?}, or one for the same country or partners, exists already"
                        ),
                    });
                }
                Err(e) => return Err(e.into()),
            };
            let row = AuditRow {
                workspace_id: Some(id),
                action: "workspace.add",
                target: format!("workspace/{id}"),
                old: None,
                new: Some(format!("{{\"name\":{},\"kind\":\"{kind_text}\"}}", json_string(name))),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(Workspace { id, name: name.to_owned(), kind, created_at: at })
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "workspace add"))
    }

    /// Every workspace, by id.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for a bad row.
    pub async fn workspaces(&self) -> Result<Vec<Workspace>, Error> {
        let sql = format!("SELECT {WORKSPACE_COLUMNS} FROM workspaces ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
        rows.iter().map(workspace_of).collect()
    }

    /// The workspace `id`.
    ///
    /// # Errors
    /// As [`Store::workspaces`].
    pub async fn workspace(&self, id: i64) -> Result<Option<Workspace>, Error> {
        let sql = format!("SELECT {WORKSPACE_COLUMNS} FROM workspaces WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(workspace_of).transpose()
    }

    /// The government workspace of `country`.
    ///
    /// # Errors
    /// As [`Store::workspaces`].
    pub async fn workspace_of_country(&self, country: Iso3) -> Result<Option<Workspace>, Error> {
        let sql = format!("SELECT {WORKSPACE_COLUMNS} FROM workspaces WHERE country = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(country.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(workspace_of).transpose()
    }

    /// Gives `user_id` `role` in `workspace_id` (replacing its former role), with the
    /// ministry a contributor edits for. Audited as `membership.set` with the old and new
    /// role.
    ///
    /// # Errors
    /// [`Error::Conflict`] if a contributor has no ministry or another role has one;
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn membership_set(&self, m: &Membership, actor: &Actor) -> Result<(), Error> {
        if (m.role == Role::Contributor) != m.ministry.is_some() {
            return Err(Error::Conflict {
                what: "a contributor, and only a contributor, belongs to a ministry".to_owned(),
            });
        }
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let old = sqlx::query(
                "SELECT workspace_id, user_id, role, ministry FROM memberships
                 WHERE workspace_id = $1 AND user_id = $2",
            )
            .bind(m.workspace_id)
            .bind(m.user_id)
            .fetch_optional(&mut *tx)
            .await?;
            let old = old.as_ref().map(membership_of).transpose()?;
            if old.as_ref() == Some(m) {
                tx.rollback().await?;
                return Ok(());
            }
            let at = now();
            sqlx::query("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                .bind(m.workspace_id)
                .bind(m.user_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO memberships (workspace_id, user_id, role, ministry, created_at)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(m.workspace_id)
            .bind(m.user_id)
            .bind(m.role.as_str())
            .bind(m.ministry.as_deref())
            .bind(&at)
            .execute(&mut *tx)
            .await?;
            let row = AuditRow {
                workspace_id: Some(m.workspace_id),
                action: "membership.set",
                target: format!("workspace/{}/member/{}", m.workspace_id, m.user_id),
                old: old.as_ref().map(membership_json),
                new: Some(membership_json(m)),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(())
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "membership"))
    }

    /// Removes `user_id` from `workspace_id`. Audited as `membership.remove`. `false`: it
    /// was not a member.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn membership_remove(
        &self,
        workspace_id: i64,
        user_id: i64,
        actor: &Actor,
    ) -> Result<bool, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let old = sqlx::query(
                "SELECT workspace_id, user_id, role, ministry FROM memberships
                 WHERE workspace_id = $1 AND user_id = $2",
            )
            .bind(workspace_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(old) = old.as_ref().map(membership_of).transpose()? else {
                return Ok(false);
            };
            sqlx::query("DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2")
                .bind(workspace_id)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
            let row = AuditRow {
                workspace_id: Some(workspace_id),
                action: "membership.remove",
                target: format!("workspace/{workspace_id}/member/{user_id}"),
                old: Some(membership_json(&old)),
                new: None,
            };
            append_audit(&mut tx, &now(), actor, row).await?;
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "membership"))
    }

    /// The members of `workspace_id`, by user id.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn memberships_of_workspace(
        &self,
        workspace_id: i64,
    ) -> Result<Vec<Membership>, Error> {
        let rows = sqlx::query(
            "SELECT workspace_id, user_id, role, ministry FROM memberships
             WHERE workspace_id = $1 ORDER BY user_id",
        )
        .bind(workspace_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(membership_of).collect()
    }

    /// The memberships of `user_id`, by workspace id.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn memberships_of_user(&self, user_id: i64) -> Result<Vec<Membership>, Error> {
        let rows = sqlx::query(
            "SELECT workspace_id, user_id, role, ministry FROM memberships
             WHERE user_id = $1 ORDER BY workspace_id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(membership_of).collect()
    }

    /// Shares (`on`) or stops sharing `what` of `workspace_id` with `partnership_id`.
    /// Audited as `share.add` or `share.remove`. `false`: nothing changed.
    ///
    /// # Errors
    /// [`Error::Conflict`] if `workspace_id` is not a side of the partnership;
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn share_set(&self, share: Share, on: bool, actor: &Actor) -> Result<bool, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let sides: Option<(Option<i64>, Option<i64>)> =
                sqlx::query_as("SELECT origin_id, destination_id FROM workspaces WHERE id = $1")
                    .bind(share.partnership_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let is_side = sides.is_some_and(|(o, d)| {
                o == Some(share.workspace_id) || d == Some(share.workspace_id)
            });
            if !is_side {
                return Err(Error::Conflict {
                    what: format!(
                        "workspace {} is not a side of partnership {}",
                        share.workspace_id, share.partnership_id
                    ),
                });
            }
            let at = now();
            let changed = if on {
                let sql = match self.dialect {
                    crate::Dialect::Sqlite => {
                        "INSERT OR IGNORE INTO shares (partnership_id, workspace_id, what, created_at, created_by)
                         VALUES ($1, $2, $3, $4, $5)"
                    }
                    crate::Dialect::Postgres => {
                        "INSERT INTO shares (partnership_id, workspace_id, what, created_at, created_by)
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING"
                    }
                };
                sqlx::query(sql)
                    .bind(share.partnership_id)
                    .bind(share.workspace_id)
                    .bind(share.what.as_str())
                    .bind(&at)
                    .bind(actor.user_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected()
            } else {
                sqlx::query(
                    "DELETE FROM shares WHERE partnership_id = $1 AND workspace_id = $2 AND what = $3",
                )
                .bind(share.partnership_id)
                .bind(share.workspace_id)
                .bind(share.what.as_str())
                .execute(&mut *tx)
                .await?
                .rows_affected()
            };
            if changed == 0 {
                tx.rollback().await?;
                return Ok(false);
            }
            let value = format!(
                "{{\"workspace_id\":{},\"what\":\"{}\"}}",
                share.workspace_id,
                share.what.as_str()
            );
            let row = AuditRow {
                workspace_id: Some(share.partnership_id),
                action: if on { "share.add" } else { "share.remove" },
                target: format!("workspace/{}/share", share.partnership_id),
                old: (!on).then(|| value.clone()),
                new: on.then_some(value),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "share"))
    }

    /// What each side shares with `partnership_id`.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for a bad row.
    pub async fn shares(&self, partnership_id: i64) -> Result<Vec<Share>, Error> {
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT partnership_id, workspace_id, what FROM shares
             WHERE partnership_id = $1 ORDER BY workspace_id, what",
        )
        .bind(partnership_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(partnership_id, workspace_id, what)| {
                let what =
                    Shared::parse(&what).ok_or(Error::Corrupt { what: "share", value: what })?;
                Ok(Share { partnership_id, workspace_id, what })
            })
            .collect()
    }

    /// Shares (`on`) or stops sharing one policy of `workspace_id`'s register with
    /// `partnership_id`. Audited as `share.add` or `share.remove`, as [`Store::share_set`],
    /// with the policy in the value. `false`: nothing changed. The policy's existence is
    /// the caller's to check (the register is read through `analysis`).
    ///
    /// # Errors
    /// [`Error::Conflict`] if `workspace_id` is not a side of the partnership or the
    /// policy id is empty; [`Error::Storage`] if the store cannot be written, else
    /// [`Error::Query`].
    pub async fn shared_policy_set(
        &self,
        shared: &SharedPolicy,
        on: bool,
        actor: &Actor,
    ) -> Result<bool, Error> {
        if shared.policy_id.trim().is_empty() {
            return Err(Error::Conflict { what: "a shared policy is named by its id".to_owned() });
        }
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let sides: Option<(Option<i64>, Option<i64>)> =
                sqlx::query_as("SELECT origin_id, destination_id FROM workspaces WHERE id = $1")
                    .bind(shared.partnership_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let is_side = sides.is_some_and(|(o, d)| {
                o == Some(shared.workspace_id) || d == Some(shared.workspace_id)
            });
            if !is_side {
                return Err(Error::Conflict {
                    what: format!(
                        "workspace {} is not a side of partnership {}",
                        shared.workspace_id, shared.partnership_id
                    ),
                });
            }
            let changed = if on {
                let sql = match self.dialect {
                    crate::Dialect::Sqlite => {
                        "INSERT OR IGNORE INTO shared_policies (partnership_id, workspace_id, policy_id)
                         VALUES ($1, $2, $3)"
                    }
                    crate::Dialect::Postgres => {
                        "INSERT INTO shared_policies (partnership_id, workspace_id, policy_id)
                         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
                    }
                };
                sqlx::query(sql)
            } else {
                sqlx::query(
                    "DELETE FROM shared_policies
                     WHERE partnership_id = $1 AND workspace_id = $2 AND policy_id = $3",
                )
            }
            .bind(shared.partnership_id)
            .bind(shared.workspace_id)
            .bind(&shared.policy_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if changed == 0 {
                tx.rollback().await?;
                return Ok(false);
            }
            let at = now();
            let value = format!(
                "{{\"workspace_id\":{},\"what\":\"policy\",\"policy\":{}}}",
                shared.workspace_id,
                json_string(&shared.policy_id)
            );
            let row = AuditRow {
                workspace_id: Some(shared.partnership_id),
                action: if on { "share.add" } else { "share.remove" },
                target: format!("workspace/{}/share", shared.partnership_id),
                old: (!on).then(|| value.clone()),
                new: on.then_some(value),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "shared policy"))
    }

    /// The single policies each side shares with `partnership_id`, by workspace and id.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn shared_policies(&self, partnership_id: i64) -> Result<Vec<SharedPolicy>, Error> {
        let rows: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT partnership_id, workspace_id, policy_id FROM shared_policies
             WHERE partnership_id = $1 ORDER BY workspace_id, policy_id",
        )
        .bind(partnership_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(partnership_id, workspace_id, policy_id)| SharedPolicy {
                partnership_id,
                workspace_id,
                policy_id,
            })
            .collect())
    }
}
