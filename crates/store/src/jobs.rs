//! Jobs: long work (an import, an estimate, a scenario run) started by a request and run
//! in the background by the server.
//!
//! A job is made `queued` ([`Store::job_add`], audited as `job.start`), marked `running`
//! when its work begins, reports its progress ([`Store::job_progress`], which answers
//! whether a cancellation was asked for), and ends once: `done` with its result and files
//! written in the same transaction ([`Store::job_finish`]), `failed` with an error, or
//! `cancelled`. A job left `queued` or `running` by a server that stopped is marked
//! `failed` with the error `interrupted` when a server starts again
//! ([`Store::jobs_interrupt`]); its files were never written, as they are written only
//! with the `done` status.

use sqlx::{Row, any::AnyRow};

use crate::accounts::{Actor, AuditRow, append_audit, json_string, now};
use crate::{Error, Store};

/// The error of a job found unfinished when a server starts.
pub const INTERRUPTED: &str = "interrupted";

/// Where a job is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobStatus {
    /// Made, not begun.
    Queued,
    /// Working.
    Running,
    /// Finished with a result.
    Done,
    /// Stopped by an error (or by a server that stopped: [`INTERRUPTED`]).
    Failed,
    /// Stopped because it was asked to.
    Cancelled,
}

impl JobStatus {
    /// Every status, in order.
    pub const ALL: [JobStatus; 5] = [
        JobStatus::Queued,
        JobStatus::Running,
        JobStatus::Done,
        JobStatus::Failed,
        JobStatus::Cancelled,
    ];

    /// The status's name as stored and in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
            JobStatus::Cancelled => "cancelled",
        }
    }

    /// The status named `s`.
    pub fn parse(s: &str) -> Option<JobStatus> {
        JobStatus::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether the job has ended (done, failed or cancelled).
    pub fn is_final(self) -> bool {
        matches!(self, JobStatus::Done | JobStatus::Failed | JobStatus::Cancelled)
    }
}

/// A stored job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    /// Its id.
    pub id: i64,
    /// The workspace it belongs to; `None` for instance-wide work (an import).
    pub workspace_id: Option<i64>,
    /// What it does (`import`, `scenario`, `estimate.flows`...).
    pub kind: String,
    /// Where it is.
    pub status: JobStatus,
    /// Work done, in the job's own unit.
    pub progress_done: i64,
    /// Work to do (0 when unknown).
    pub progress_total: i64,
    /// Whether someone asked it to stop.
    pub cancel_requested: bool,
    /// The request (JSON).
    pub params: String,
    /// The result (JSON), when done.
    pub result: Option<String>,
    /// Why it failed.
    pub error: Option<String>,
    /// Who started it.
    pub created_by: i64,
    /// When it was made.
    pub created_at: String,
    /// When its work began.
    pub started_at: Option<String>,
    /// When it ended.
    pub finished_at: Option<String>,
}

/// A job to make.
#[derive(Clone, Copy, Debug)]
pub struct NewJob<'a> {
    /// Its workspace (`None`: instance-wide).
    pub workspace_id: Option<i64>,
    /// What it does.
    pub kind: &'a str,
    /// The request (JSON).
    pub params: &'a str,
}

/// A file a job produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobFile {
    /// Its name (`draws.csv`...).
    pub name: String,
    /// Its media type.
    pub content_type: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A produced file without its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobFileInfo {
    /// Its name.
    pub name: String,
    /// Its media type.
    pub content_type: String,
    /// Its size in bytes.
    pub size: i64,
}

/// How a job ended.
#[derive(Clone, Debug)]
pub enum JobEnd {
    /// With a result (JSON) and files.
    Done {
        /// The result.
        result: String,
        /// The files.
        files: Vec<JobFile>,
    },
    /// With an error.
    Failed {
        /// What went wrong.
        error: String,
    },
    /// Cancelled, as asked.
    Cancelled,
}

const JOB_COLUMNS: &str = "id, workspace_id, kind, status, progress_done, progress_total, \
    cancel_requested, params, result, error, created_by, created_at, started_at, finished_at";

fn job_of(r: &AnyRow) -> Result<Job, Error> {
    let status: String = r.try_get(3)?;
    Ok(Job {
        id: r.try_get(0)?,
        workspace_id: r.try_get(1)?,
        kind: r.try_get(2)?,
        status: JobStatus::parse(&status)
            .ok_or(Error::Corrupt { what: "job status", value: status })?,
        progress_done: r.try_get(4)?,
        progress_total: r.try_get(5)?,
        cancel_requested: r.try_get::<i64, _>(6)? != 0,
        params: r.try_get(7)?,
        result: r.try_get(8)?,
        error: r.try_get(9)?,
        created_by: r.try_get(10)?,
        created_at: r.try_get(11)?,
        started_at: r.try_get(12)?,
        finished_at: r.try_get(13)?,
    })
}

impl Store {
    /// Makes a `queued` job. Audited as `job.start` with its kind and request.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn job_add(&self, new: &NewJob<'_>, actor: &Actor) -> Result<Job, Error> {
        let user = actor
            .user_id
            .ok_or_else(|| Error::Conflict { what: "a job is started by a user".to_owned() })?;
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let at = now();
            let row = sqlx::query(
                "INSERT INTO jobs (workspace_id, kind, status, params, created_by, created_at)
                 VALUES ($1, $2, 'queued', $3, $4, $5) RETURNING id",
            )
            .bind(new.workspace_id)
            .bind(new.kind)
            .bind(new.params)
            .bind(user)
            .bind(&at)
            .fetch_one(&mut *tx)
            .await?;
            let id: i64 = row.try_get(0)?;
            let audit = AuditRow {
                workspace_id: new.workspace_id,
                action: "job.start",
                target: format!("job/{id}"),
                old: None,
                new: Some(format!(
                    "{{\"kind\":{},\"params\":{}}}",
                    json_string(new.kind),
                    new.params
                )),
            };
            append_audit(&mut tx, &at, actor, audit).await?;
            tx.commit().await?;
            Ok(Job {
                id,
                workspace_id: new.workspace_id,
                kind: new.kind.to_owned(),
                status: JobStatus::Queued,
                progress_done: 0,
                progress_total: 0,
                cancel_requested: false,
                params: new.params.to_owned(),
                result: None,
                error: None,
                created_by: user,
                created_at: at,
                started_at: None,
                finished_at: None,
            })
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "job add"))
    }

    /// The job `id`.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for a bad row.
    pub async fn job(&self, id: i64) -> Result<Option<Job>, Error> {
        let sql = format!("SELECT {JOB_COLUMNS} FROM jobs WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(job_of).transpose()
    }

    /// The jobs of `workspace_id` (`None`: the instance-wide ones), newest first, of
    /// `status` if given.
    ///
    /// # Errors
    /// As [`Store::job`].
    pub async fn jobs(
        &self,
        workspace_id: Option<i64>,
        status: Option<JobStatus>,
    ) -> Result<Vec<Job>, Error> {
        let mut conditions = vec![match workspace_id {
            Some(_) => "workspace_id = $1",
            None => "workspace_id IS NULL",
        }];
        let next = if workspace_id.is_some() { "$2" } else { "$1" };
        let status_condition = format!("status = {next}");
        if status.is_some() {
            conditions.push(&status_condition);
        }
        let sql = format!(
            "SELECT {JOB_COLUMNS} FROM jobs WHERE {} ORDER BY id DESC",
            conditions.join(" AND ")
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        if let Some(w) = workspace_id {
            query = query.bind(w);
        }
        if let Some(s) = status {
            query = query.bind(s.as_str());
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(job_of).collect()
    }

    /// Marks a queued job `running`. `false`: it was no longer queued (cancelled, or
    /// marked interrupted).
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn job_begin(&self, id: i64) -> Result<bool, Error> {
        let done = sqlx::query(
            "UPDATE jobs SET status = 'running', started_at = $2
             WHERE id = $1 AND status = 'queued' AND cancel_requested = 0",
        )
        .bind(id)
        .bind(now())
        .execute(&self.pool)
        .await
        .map_err(|e| Error::from(e).writing(&self.location, "job"))?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a running job's progress; answers whether it should stop (a
    /// cancellation was asked for, or it is no longer running).
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn job_progress(&self, id: i64, done: i64, total: i64) -> Result<bool, Error> {
        let row: Option<(String, i64)> = sqlx::query_as(
            "UPDATE jobs SET progress_done = $2, progress_total = $3
             WHERE id = $1 RETURNING status, cancel_requested",
        )
        .bind(id)
        .bind(done)
        .bind(total)
        .fetch_optional(&self.pool)
        .await
        .map_err(|e| Error::from(e).writing(&self.location, "job progress"))?;
        Ok(row.is_none_or(|(status, cancel)| status != "running" || cancel != 0))
    }

    /// Ends a queued or running job as `end` says, its files with it in one transaction.
    /// `false`: it had ended already (marked interrupted meanwhile); nothing was written.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn job_finish(&self, id: i64, end: JobEnd) -> Result<bool, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let (status, result, error, files) = match end {
                JobEnd::Done { result, files } => ("done", Some(result), None, files),
                JobEnd::Failed { error } => ("failed", None, Some(error), Vec::new()),
                JobEnd::Cancelled => ("cancelled", None, None, Vec::new()),
            };
            let updated = sqlx::query(
                "UPDATE jobs SET status = $2, result = $3, error = $4, finished_at = $5
                 WHERE id = $1 AND status IN ('queued', 'running')",
            )
            .bind(id)
            .bind(status)
            .bind(result)
            .bind(error)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            for f in files {
                sqlx::query(
                    "INSERT INTO job_files (job_id, name, content_type, bytes) VALUES ($1, $2, $3, $4)",
                )
                .bind(id)
                .bind(f.name)
                .bind(f.content_type)
                .bind(f.bytes)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "job finish"))
    }

    /// Asks a queued or running job to stop. Audited as `job.cancel`. `false`: it had
    /// ended already.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn job_cancel(&self, job: &Job, actor: &Actor) -> Result<bool, Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let updated = sqlx::query(
                "UPDATE jobs SET cancel_requested = 1
                 WHERE id = $1 AND status IN ('queued', 'running') AND cancel_requested = 0",
            )
            .bind(job.id)
            .execute(&mut *tx)
            .await?;
            if updated.rows_affected() != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            let audit = AuditRow {
                workspace_id: job.workspace_id,
                action: "job.cancel",
                target: format!("job/{}", job.id),
                old: Some("{\"cancel_requested\":false}".to_owned()),
                new: Some("{\"cancel_requested\":true}".to_owned()),
            };
            append_audit(&mut tx, &now(), actor, audit).await?;
            tx.commit().await?;
            Ok(true)
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "job cancel"))
    }

    /// Marks every job left `queued` or `running` `failed` with the error
    /// [`INTERRUPTED`]: called when a server starts, before it runs any job. Returns how
    /// many were marked.
    ///
    /// # Errors
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn jobs_interrupt(&self) -> Result<u64, Error> {
        let done = sqlx::query(
            "UPDATE jobs SET status = 'failed', error = $1, finished_at = $2
             WHERE status IN ('queued', 'running')",
        )
        .bind(INTERRUPTED)
        .bind(now())
        .execute(&self.pool)
        .await
        .map_err(|e| Error::from(e).writing(&self.location, "jobs interrupt"))?;
        Ok(done.rows_affected())
    }

    /// The files job `id` produced, by name.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn job_files(&self, id: i64) -> Result<Vec<JobFileInfo>, Error> {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT name, content_type, LENGTH(bytes) FROM job_files WHERE job_id = $1 ORDER BY name",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(name, content_type, size)| JobFileInfo { name, content_type, size })
            .collect())
    }

    /// The file `name` of job `id`.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn job_file(&self, id: i64, name: &str) -> Result<Option<JobFile>, Error> {
        let row: Option<(String, String, Vec<u8>)> = sqlx::query_as(
            "SELECT name, content_type, bytes FROM job_files WHERE job_id = $1 AND name = $2",
        )
        .bind(id)
        .bind(name)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(name, content_type, bytes)| JobFile { name, content_type, bytes }))
    }
}
