//! The scenario runs a workspace shows in its brief's "Policy options" section.
//!
//! A run is a finished scenario job of the workspace ([`Store::brief_scenario_add`]);
//! adding it again changes nothing, and removing it takes it out of the brief
//! ([`Store::brief_scenario_remove`]). Every change is audited in its transaction.

use sqlx::{Row, any::AnyRow};

use crate::accounts::{Actor, AuditRow, append_audit, now};
use crate::{Error, Store};

/// A scenario run in a workspace's brief.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefScenario {
    /// The workspace.
    pub workspace_id: i64,
    /// The run (a `scenario` job of the workspace, done).
    pub job_id: i64,
    /// Who added it.
    pub user_id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
}

fn brief_scenario_of(row: &AnyRow) -> Result<BriefScenario, Error> {
    Ok(BriefScenario {
        workspace_id: row.try_get("workspace_id")?,
        job_id: row.try_get("job_id")?,
        user_id: row.try_get("user_id")?,
        at: row.try_get("at")?,
    })
}

impl Store {
    /// Adds the scenario run `job_id` to the brief of `workspace_id` (audited as
    /// `brief.scenario.add`); `false` if it was there already (nothing is written).
    ///
    /// # Errors
    /// [`Error::Conflict`] if the job is not a finished (`done`) scenario job of that
    /// workspace, or the actor is not a user of the server; [`Error::Storage`] or
    /// [`Error::Query`] if the write fails.
    pub async fn brief_scenario_add(
        &self,
        workspace_id: i64,
        job_id: i64,
        actor: &Actor,
    ) -> Result<bool, Error> {
        let user_id = actor.user_id.ok_or_else(|| Error::Conflict {
            what: "a run is added to a brief by a user of the server".to_owned(),
        })?;
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let job = sqlx::query("SELECT workspace_id, kind, status FROM jobs WHERE id = $1")
                .bind(job_id)
                .fetch_optional(&mut *tx)
                .await?;
            let fits = match &job {
                Some(row) => {
                    let ws: Option<i64> = row.try_get("workspace_id")?;
                    let kind: String = row.try_get("kind")?;
                    let status: String = row.try_get("status")?;
                    ws == Some(workspace_id) && kind == "scenario" && status == "done"
                }
                None => false,
            };
            if !fits {
                return Err(Error::Conflict {
                    what: format!(
                        "job {job_id} is not a finished scenario run of workspace {workspace_id}"
                    ),
                });
            }
            let there = sqlx::query(
                "SELECT job_id FROM brief_scenarios WHERE workspace_id = $1 AND job_id = $2",
            )
            .bind(workspace_id)
            .bind(job_id)
            .fetch_optional(&mut *tx)
            .await?;
            if there.is_some() {
                return Ok(false);
            }
            let at = now();
            sqlx::query(
                "INSERT INTO brief_scenarios (workspace_id, job_id, user_id, at) VALUES ($1, $2, $3, $4)",
            )
            .bind(workspace_id)
            .bind(job_id)
            .bind(user_id)
            .bind(&at)
            .execute(&mut *tx)
            .await?;
            let row = AuditRow {
                workspace_id: Some(workspace_id),
                action: "brief.scenario.add",
                target: format!("job/{job_id}"),
                old: None,
                new: Some(format!("{{\"job_id\":{job_id}}}")),
            };
            append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "brief scenario"))
    }

    /// Takes the run `job_id` out of the brief of `workspace_id` (audited as
    /// `brief.scenario.remove`); `false` if it was not there (nothing is written).
    ///
    /// # Errors
    /// [`Error::Storage`] or [`Error::Query`] if the write fails.
    pub async fn brief_scenario_remove(
        &self,
        workspace_id: i64,
        job_id: i64,
        actor: &Actor,
    ) -> Result<bool, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let removed =
                sqlx::query("DELETE FROM brief_scenarios WHERE workspace_id = $1 AND job_id = $2")
                    .bind(workspace_id)
                    .bind(job_id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
            if removed == 0 {
                return Ok(false);
            }
            let row = AuditRow {
                workspace_id: Some(workspace_id),
                action: "brief.scenario.remove",
                target: format!("job/{job_id}"),
                old: Some(format!("{{\"job_id\":{job_id}}}")),
                new: None,
            };
            append_audit(&mut tx, &now(), actor, row).await?;
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "brief scenario"))
    }

    /// The runs in the brief of `workspace_id`, in the order they were added.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn brief_scenarios(&self, workspace_id: i64) -> Result<Vec<BriefScenario>, Error> {
        let rows = sqlx::query(
            "SELECT workspace_id, job_id, user_id, at FROM brief_scenarios
             WHERE workspace_id = $1 ORDER BY at, job_id",
        )
        .bind(workspace_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(brief_scenario_of).collect()
    }
}
