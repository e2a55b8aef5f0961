//! Cross-impact matrices scored by several assessors of a workspace.
//!
//! A matrix ([`Store::matrix_add`]) belongs to a workspace and has elements (an id and a
//! label each). Each assessor gives at most one score per cell, the influence of the
//! row element on the column element from −3 to +3, with a reason
//! ([`Store::matrix_score`]); scoring a cell again replaces the assessor's own score,
//! and the audit trail keeps the old one. Every write is audited in its transaction.
//!
//! The elements are stored one per line as `id`, a tab and the label; the caller checks
//! that ids and labels hold no tab or line break ([`MatrixElement::is_storable`]).

use sqlx::{Row, any::AnyRow};

use crate::accounts::{Actor, AuditRow, append_audit, is_unique_violation, json_string, now};
use crate::{Error, Store};

/// One element of a matrix: a row and a column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixElement {
    /// Its id (unique in the matrix).
    pub id: String,
    /// What it is, for people.
    pub label: String,
}

impl MatrixElement {
    /// Whether the element can be stored: an id and a label without tabs or line breaks.
    pub fn is_storable(&self) -> bool {
        let clean = |s: &str| !s.contains(['\t', '\n', '\r']);
        !self.id.is_empty() && clean(&self.id) && clean(&self.label)
    }
}

/// A stored matrix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixRecord {
    /// Its id.
    pub id: i64,
    /// Its workspace.
    pub workspace_id: i64,
    /// Its name (unique in the workspace).
    pub name: String,
    /// Its elements, in order.
    pub elements: Vec<MatrixElement>,
    /// Who made it.
    pub created_by: i64,
    /// When (RFC 3339, UTC).
    pub created_at: String,
}

/// One assessor's score of one cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatrixScore {
    /// The assessor's user id.
    pub assessor_id: i64,
    /// The influencing element.
    pub row_id: String,
    /// The influenced element.
    pub col_id: String,
    /// The score, −3 to +3.
    pub score: i64,
    /// The assessor's reason.
    pub reason: String,
    /// When it was given (RFC 3339, UTC).
    pub at: String,
}

fn encode(elements: &[MatrixElement]) -> String {
    elements.iter().map(|e| format!("{}\t{}", e.id, e.label)).collect::<Vec<_>>().join("\n")
}

fn decode(text: &str) -> Result<Vec<MatrixElement>, Error> {
    text.lines()
        .map(|line| {
            let (id, label) = line
                .split_once('\t')
                .ok_or_else(|| Error::Corrupt { what: "matrix element", value: line.to_owned() })?;
            Ok(MatrixElement { id: id.to_owned(), label: label.to_owned() })
        })
        .collect()
}

fn matrix_of(row: &AnyRow) -> Result<MatrixRecord, Error> {
    let elements: String = row.try_get("elements")?;
    Ok(MatrixRecord {
        id: row.try_get("id")?,
        workspace_id: row.try_get("workspace_id")?,
        name: row.try_get("name")?,
        elements: decode(&elements)?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
    })
}

fn score_json(score: i64, reason: &str) -> String {
    format!("{{\"score\":{score},\"reason\":{}}}", json_string(reason))
}

impl Store {
    /// Makes a matrix named `name` in `workspace_id` with `elements` (at least two,
    /// unique ids, each [`MatrixElement::is_storable`]).
    ///
    /// # Errors
    /// [`Error::Conflict`] if the workspace has a matrix of that name or the elements are
    /// not as required; [`Error::Storage`] or [`Error::Query`] if the write fails.
    pub async fn matrix_add(
        &self,
        workspace_id: i64,
        name: &str,
        elements: &[MatrixElement],
        actor: &Actor,
    ) -> Result<MatrixRecord, Error> {
        let mut ids: Vec<&str> = elements.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() != elements.len()
            || elements.len() < 2
            || !elements.iter().all(MatrixElement::is_storable)
        {
            return Err(Error::Conflict {
                what: "a matrix has at least two elements with unique ids, without tabs or line breaks"
                    .to_owned(),
            });
        }
        let created_by = actor.user_id.ok_or_else(|| Error::Conflict {
            what: "a matrix is made by a user of the server".to_owned(),
        })?;
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let at = now();
            let inserted = sqlx::query(
                "INSERT INTO matrices (workspace_id, name, elements, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(workspace_id)
            .bind(name)
            .bind(encode(elements))
            .bind(created_by)
            .bind(&at)
            .fetch_one(&mut *tx)
            .await;
            let id: i64 = match inserted {
                Ok(row) => row.try_get("id")?,
                Err(e) if is_unique_violation(&e) => {
                    return Err(Error::Conflict {
                        what: format!(
                            "workspace {workspace_id} already has a matrix named {name:?}"
                        ),
                    });
                }
                Err(e) => return Err(e.into()),
            };
            let row = AuditRow {
                workspace_id: Some(workspace_id),
                action: "matrix.add",
                target: format!("matrix/{id}"),
                old: None,
                new: Some(format!(
                    "{{\"name\":{},\"elements\":{}}}",
                    json_string(name),
                    elements.len()
                )),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(MatrixRecord {
                id,
                workspace_id,
                name: name.to_owned(),
                elements: elements.to_vec(),
                created_by,
                created_at: at,
            })
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "matrix"))
    }

    /// The matrices of `workspace_id`, by name.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for a bad row.
    pub async fn matrices(&self, workspace_id: i64) -> Result<Vec<MatrixRecord>, Error> {
        let rows = sqlx::query("SELECT * FROM matrices WHERE workspace_id = $1 ORDER BY name")
            .bind(workspace_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(matrix_of).collect()
    }

    /// The matrix `id`, if it exists.
    ///
    /// # Errors
    /// As [`Store::matrices`].
    pub async fn matrix(&self, id: i64) -> Result<Option<MatrixRecord>, Error> {
        let row = sqlx::query("SELECT * FROM matrices WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(matrix_of).transpose()
    }

    /// Records `score` as the assessor's (the actor's) score of the cell `row_id` →
    /// `col_id` of matrix `matrix_id`, replacing its own earlier score of that cell; the
    /// audit trail keeps the old score and reason. Returns the replaced score, if any.
    ///
    /// # Errors
    /// [`Error::Conflict`] for an unknown matrix, an element it does not have, a cell of
    /// an element on itself, a score outside −3..+3 or an actor without a user id;
    /// [`Error::Storage`] or [`Error::Query`] if the write fails.
    pub async fn matrix_score(
        &self,
        matrix_id: i64,
        row_id: &str,
        col_id: &str,
        score: i64,
        actor: &Actor,
    ) -> Result<Option<MatrixScore>, Error> {
        let conflict = |what: String| Err(Error::Conflict { what });
        let Some(assessor_id) = actor.user_id else {
            return conflict("a score is given by a user of the server".to_owned());
        };
        if !(-3..=3).contains(&score) {
            return conflict(format!("a score is from -3 to +3, not {score}"));
        }
        if row_id == col_id {
            return conflict(format!("the cell {row_id} → {col_id} is an element on itself"));
        }
        let Some(matrix) = self.matrix(matrix_id).await? else {
            return conflict(format!("there is no matrix {matrix_id}"));
        };
        for id in [row_id, col_id] {
            if !matrix.elements.iter().any(|e| e.id == id) {
                return conflict(format!("matrix {matrix_id} has no element {id:?}"));
            }
        }
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let at = now();
            let old = sqlx::query(
                "SELECT * FROM matrix_scores
                 WHERE matrix_id = $1 AND assessor_id = $2 AND row_id = $3 AND col_id = $4",
            )
            .bind(matrix_id)
            .bind(assessor_id)
            .bind(row_id)
            .bind(col_id)
            .fetch_optional(&mut *tx)
            .await?
            .as_ref()
            .map(score_of)
            .transpose()?;
            sqlx::query(
                "DELETE FROM matrix_scores
                 WHERE matrix_id = $1 AND assessor_id = $2 AND row_id = $3 AND col_id = $4",
            )
            .bind(matrix_id)
            .bind(assessor_id)
            .bind(row_id)
            .bind(col_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO matrix_scores (matrix_id, assessor_id, row_id, col_id, score, reason, at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(matrix_id)
            .bind(assessor_id)
            .bind(row_id)
            .bind(col_id)
            .bind(score)
            .bind(&actor.reason)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
            let row = AuditRow {
                workspace_id: Some(matrix.workspace_id),
                action: "matrix.score",
                target: format!("matrix/{matrix_id}/{row_id}/{col_id}"),
                old: old.as_ref().map(|o| score_json(o.score, &o.reason)),
                new: Some(score_json(score, &actor.reason)),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(old)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "matrix score"))
    }

    /// Every score of matrix `matrix_id`, by row, column and assessor.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn matrix_scores(&self, matrix_id: i64) -> Result<Vec<MatrixScore>, Error> {
        let rows = sqlx::query(
            "SELECT * FROM matrix_scores WHERE matrix_id = $1 ORDER BY row_id, col_id, assessor_id",
        )
        .bind(matrix_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(score_of).collect()
    }
}

fn score_of(row: &AnyRow) -> Result<MatrixScore, Error> {
    Ok(MatrixScore {
        assessor_id: row.try_get("assessor_id")?,
        row_id: row.try_get("row_id")?,
        col_id: row.try_get("col_id")?,
        score: row.try_get("score")?,
        reason: row.try_get("reason")?,
        at: row.try_get("at")?,
    })
}
