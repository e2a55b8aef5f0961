//! Ministries' proposed answers to a framework's items, before the coordinator stores a
//! version (table `answer_drafts`, schema 8).
//!
//! Each ministry of a government has at most one proposal per item of a framework: its
//! answer with a comment and evidence, by a user, at a time. A new proposal of the same
//! ministry replaces its earlier one; the audit trail keeps the old one
//! (`answers.draft`, in the same transaction). Two ministries may propose different
//! answers: the coordinator decides (see `analysis::drafts`).

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::accounts::{AuditRow, append_audit, json_string, now};
use crate::{Actor, Error, Store};

/// One ministry's proposed answer to one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerDraft {
    /// The government workspace.
    pub workspace_id: i64,
    /// The framework's id.
    pub framework: String,
    /// The item's id.
    pub item: String,
    /// The ministry proposing it.
    pub ministry: String,
    /// The answer's level code.
    pub answer: String,
    /// Why this answer.
    pub comment: String,
    /// What supports it (a law, a document, a link).
    pub evidence: String,
    /// The user who proposed it.
    pub user_id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
}

/// A proposal to record: which item, for which ministry, what answer and why.
#[derive(Clone, Copy, Debug)]
pub struct NewDraft<'a> {
    /// The government workspace.
    pub workspace_id: i64,
    /// The framework's id.
    pub framework: &'a str,
    /// The item's id.
    pub item: &'a str,
    /// The ministry proposing it.
    pub ministry: &'a str,
    /// The answer's level code.
    pub answer: &'a str,
    /// Why this answer.
    pub comment: &'a str,
    /// What supports it.
    pub evidence: &'a str,
}

fn draft_of(row: &AnyRow) -> Result<AnswerDraft, Error> {
    Ok(AnswerDraft {
        workspace_id: row.try_get("workspace_id")?,
        framework: row.try_get("framework")?,
        item: row.try_get("item")?,
        ministry: row.try_get("ministry")?,
        answer: row.try_get("answer")?,
        comment: row.try_get("comment")?,
        evidence: row.try_get("evidence")?,
        user_id: row.try_get("user_id")?,
        at: row.try_get("at")?,
    })
}

fn draft_json(answer: &str, comment: &str, evidence: &str, user_id: i64) -> String {
    format!(
        "{{\"answer\":{},\"comment\":{},\"evidence\":{},\"user_id\":{user_id}}}",
        json_string(answer),
        json_string(comment),
        json_string(evidence)
    )
}

async fn one(conn: &mut AnyConnection, new: &NewDraft<'_>) -> Result<Option<AnswerDraft>, Error> {
    sqlx::query(
        "SELECT * FROM answer_drafts
         WHERE workspace_id = $1 AND framework = $2 AND item = $3 AND ministry = $4",
    )
    .bind(new.workspace_id)
    .bind(new.framework)
    .bind(new.item)
    .bind(new.ministry)
    .fetch_optional(&mut *conn)
    .await?
    .as_ref()
    .map(draft_of)
    .transpose()
}

impl Store {
    /// Records `new` as its ministry's proposal for its item, replacing the ministry's
    /// earlier one (returned), by the actor, audited as `answers.draft` with the old and
    /// new proposal in the same transaction.
    ///
    /// # Errors
    /// [`Error::Conflict`] if the actor has no user id, the ministry or answer is empty,
    /// or the workspace does not exist; [`Error::Storage`] or [`Error::Query`] if the
    /// write fails (nothing is written then).
    pub async fn answer_draft_put(
        &self,
        new: &NewDraft<'_>,
        actor: &Actor,
    ) -> Result<Option<AnswerDraft>, Error> {
        let conflict = |what: &str| Err(Error::Conflict { what: what.to_owned() });
        let Some(user_id) = actor.user_id else {
            return conflict("an answer is proposed by a user of the server");
        };
        if new.ministry.trim().is_empty() || new.answer.trim().is_empty() {
            return conflict("a proposed answer names its ministry and its answer");
        }
        if self.workspace(new.workspace_id).await?.is_none() {
            return Err(Error::Conflict {
                what: format!("there is no workspace {}", new.workspace_id),
            });
        }
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let at = now();
            let old = one(&mut tx, new).await?;
            sqlx::query(
                "DELETE FROM answer_drafts
                 WHERE workspace_id = $1 AND framework = $2 AND item = $3 AND ministry = $4",
            )
            .bind(new.workspace_id)
            .bind(new.framework)
            .bind(new.item)
            .bind(new.ministry)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO answer_drafts
                 (workspace_id, framework, item, ministry, answer, comment, evidence, user_id, at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(new.workspace_id)
            .bind(new.framework)
            .bind(new.item)
            .bind(new.ministry)
            .bind(new.answer)
            .bind(new.comment)
            .bind(new.evidence)
            .bind(user_id)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
            let row = AuditRow {
                workspace_id: Some(new.workspace_id),
                action: "answers.draft",
                target: format!(
                    "answers/{}/{}/drafts/{}/{}",
                    new.workspace_id, new.framework, new.item, new.ministry
                ),
                old: old
                    .as_ref()
                    .map(|o| draft_json(&o.answer, &o.comment, &o.evidence, o.user_id)),
                new: Some(draft_json(new.answer, new.comment, new.evidence, user_id)),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(old)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "proposed answer"))
    }

    /// Every ministry's proposal for the items of `framework` in workspace
    /// `workspace_id`, by item then ministry.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn answer_drafts(
        &self,
        workspace_id: i64,
        framework: &str,
    ) -> Result<Vec<AnswerDraft>, Error> {
        let rows = sqlx::query(
            "SELECT * FROM answer_drafts WHERE workspace_id = $1 AND framework = $2
             ORDER BY item, ministry",
        )
        .bind(workspace_id)
        .bind(framework)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(draft_of).collect()
    }
}
