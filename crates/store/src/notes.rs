//! Notes the two governments of a partnership exchange on a corridor finding.
//!
//! A note ([`Store::corridor_note_add`]) belongs to a partnership's workspace and to one
//! finding (a corridor rule's id, or `general`); it records who wrote it and when. Notes
//! are never edited or deleted: the thread is the record of the exchange. Every note is
//! audited (`corridor.note`) in the transaction that writes it.

use sqlx::{Row, any::AnyRow};

use crate::accounts::{Actor, AuditRow, append_audit, json_string, now};
use crate::{Error, Store};

/// A note on a corridor finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorridorNote {
    /// Its id (increasing in the order notes are written).
    pub id: i64,
    /// The partnership's workspace.
    pub workspace_id: i64,
    /// The finding: a corridor rule's id, or `general`.
    pub finding: String,
    /// Who wrote it.
    pub user_id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// What it says.
    pub body: String,
}

/// The note of a row of `id, workspace_id, finding, user_id, at, body`.
fn note_of(r: &AnyRow) -> Result<CorridorNote, Error> {
    Ok(CorridorNote {
        id: r.try_get(0)?,
        workspace_id: r.try_get(1)?,
        finding: r.try_get(2)?,
        user_id: r.try_get(3)?,
        at: r.try_get(4)?,
        body: r.try_get(5)?,
    })
}

impl Store {
    /// Adds a note by `actor` on `finding` in partnership `workspace_id`. Audited as
    /// `corridor.note` (target `workspace/ID/corridor/FINDING`, the note as the new value).
    ///
    /// # Errors
    /// [`Error::Conflict`] if the workspace is not a partnership, the finding or the body
    /// is empty, or the actor is not a user; [`Error::Storage`] if the store cannot be
    /// written, else [`Error::Query`].
    pub async fn corridor_note_add(
        &self,
        workspace_id: i64,
        finding: &str,
        body: &str,
        actor: &Actor,
    ) -> Result<CorridorNote, Error> {
        let conflict = |what: &str| Error::Conflict { what: what.to_owned() };
        let user_id = actor.user_id.ok_or_else(|| conflict("a note is written by a user"))?;
        if finding.trim().is_empty() || body.trim().is_empty() {
            return Err(conflict("a note names its finding and says something"));
        }
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let kind: Option<String> =
                sqlx::query_scalar("SELECT kind FROM workspaces WHERE id = $1")
                    .bind(workspace_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if kind.as_deref() != Some("partnership") {
                return Err(Error::Conflict {
                    what: format!("workspace {workspace_id} is not a partnership"),
                });
            }
            let at = now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO corridor_notes (workspace_id, finding, user_id, at, body)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(workspace_id)
            .bind(finding)
            .bind(user_id)
            .bind(&at)
            .bind(body)
            .fetch_one(&mut *tx)
            .await?;
            let row = AuditRow {
                workspace_id: Some(workspace_id),
                action: "corridor.note",
                target: format!("workspace/{workspace_id}/corridor/{finding}"),
                old: None,
                new: Some(format!("{{\"id\":{id},\"body\":{}}}", json_string(body))),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(CorridorNote {
                id,
                workspace_id,
                finding: finding.to_owned(),
                user_id,
                at,
                body: body.to_owned(),
            })
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "corridor note"))
    }

    /// The notes of partnership `workspace_id`, oldest first.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn corridor_notes(&self, workspace_id: i64) -> Result<Vec<CorridorNote>, Error> {
        let rows = sqlx::query(
            "SELECT id, workspace_id, finding, user_id, at, body FROM corridor_notes
             WHERE workspace_id = $1 ORDER BY id",
        )
        .bind(workspace_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(note_of).collect()
    }
}
