//! Framework answers stored per country, as numbered versions.
//!
//! A government's answers to a framework's questionnaire are kept per (country,
//! framework) as versions 1, 2, 3, ... ([`Store::store_answers`]): answers that differ
//! from the latest version become the next version, the same answers again add
//! nothing, and older versions stay readable ([`Store::answer_set`] with a version,
//! [`Store::answer_sets`]). Each version records who stored it, when and why (the
//! convention of the register's audit log: [`ChangeBy`], the store's clock in RFC 3339
//! UTC) and the file it was read from with its SHA-256. A store is one `IMMEDIATE`
//! transaction: either the version and all its answers are written, or nothing is.

use domain::area::Iso3;
use sqlx::{AnyConnection, Row};

use crate::{ChangeBy, Error, Store};

/// One stored answer: an item id and the level code given.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct StoredAnswer {
    /// The item's id (e.g. `1a`).
    pub item: String,
    /// The level's code (e.g. `yes-regular-only`).
    pub answer: String,
}

/// Answers to store: whose, for which framework, read from which file.
#[derive(Clone, Copy, Debug)]
pub struct NewAnswers<'a> {
    /// The country the answers describe.
    pub country: Iso3,
    /// The framework's id (e.g. `sdg-10.7.2`).
    pub framework: &'a str,
    /// The answers file's name, as the user gave it.
    pub file_name: &'a str,
    /// The file's SHA-256 (hex).
    pub sha256: &'a str,
    /// The answers (unanswered items have none).
    pub answers: &'a [StoredAnswer],
}

/// One stored version of a country's answers to a framework, without the answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerSetRecord {
    /// The country.
    pub country: Iso3,
    /// The framework's id.
    pub framework: String,
    /// The version: 1 for the first answers stored, then 2, 3, ...
    pub version: i64,
    /// The answers file's name.
    pub file_name: String,
    /// The file's SHA-256 (hex).
    pub sha256: String,
    /// When it was stored (RFC 3339, UTC).
    pub at: String,
    /// Who stored it.
    pub user: String,
    /// Why.
    pub reason: String,
    /// How many items are answered.
    pub n_answers: usize,
}

/// A stored version with its answers, ordered by item id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerSet {
    /// The version's record.
    pub record: AnswerSetRecord,
    /// The answers.
    pub answers: Vec<StoredAnswer>,
}

/// Whether [`Store::store_answers`] wrote a new version, written `added` or `unchanged`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswersStatus {
    /// The answers differ from the latest version (or none was stored): a new version.
    Added,
    /// The latest version holds the same answers: nothing was written.
    Unchanged,
}

impl AnswersStatus {
    /// `added` or `unchanged`.
    pub fn as_str(self) -> &'static str {
        match self {
            AnswersStatus::Added => "added",
            AnswersStatus::Unchanged => "unchanged",
        }
    }
}

/// What [`Store::store_answers`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswersStored {
    /// A new version, or the same answers as the latest.
    pub status: AnswersStatus,
    /// The version that now holds the answers (the new one, or the existing latest).
    pub record: AnswerSetRecord,
}

const SETS: &str = "
SELECT s.id, s.country, s.framework, s.version, s.file_name, s.sha256, s.at, s.user_name, s.reason,
       (SELECT COUNT(*) FROM assessment_answers a WHERE a.set_id = s.id) AS n_answers
FROM assessment_answer_sets s
WHERE ($1 IS NULL OR s.country = $1) AND ($2 IS NULL OR s.framework = $2)
  AND ($3 IS NULL OR s.version = $3)
ORDER BY s.country, s.framework, s.version";

async fn sets(
    conn: &mut AnyConnection,
    country: Option<Iso3>,
    framework: Option<&str>,
    version: Option<i64>,
) -> Result<Vec<(i64, AnswerSetRecord)>, Error> {
    let rows = sqlx::query(SETS)
        .bind(country.map(|c| c.as_str().to_owned()))
        .bind(framework)
        .bind(version)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            let code: String = row.try_get("country")?;
            let n: i64 = row.try_get("n_answers")?;
            Ok((
                row.try_get("id")?,
                AnswerSetRecord {
                    country: Iso3::parse(&code)
                        .map_err(|_| Error::Corrupt { what: "area code", value: code.clone() })?,
                    framework: row.try_get("framework")?,
                    version: row.try_get("version")?,
                    file_name: row.try_get("file_name")?,
                    sha256: row.try_get("sha256")?,
                    at: row.try_get("at")?,
                    user: row.try_get("user_name")?,
                    reason: row.try_get("reason")?,
                    n_answers: usize::try_from(n).unwrap_or(0),
                },
            ))
        })
        .collect()
}

async fn answers_of(conn: &mut AnyConnection, set_id: i64) -> Result<Vec<StoredAnswer>, Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT item, answer FROM assessment_answers WHERE set_id = $1 ORDER BY item",
    )
    .bind(set_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|(item, answer)| StoredAnswer { item, answer }).collect())
}

/// The latest version of each (country, framework) among `records` (ordered by
/// country, framework, version).
fn latest_only(records: Vec<(i64, AnswerSetRecord)>) -> Vec<(i64, AnswerSetRecord)> {
    let mut out: Vec<(i64, AnswerSetRecord)> = Vec::new();
    for (id, r) in records {
        match out.last_mut() {
            Some((last_id, last)) if last.country == r.country && last.framework == r.framework => {
                *last_id = id;
                *last = r;
            }
            _ => out.push((id, r)),
        }
    }
    out
}

impl Store {
    /// Stores a country's answers to a framework as its next version, with who, when
    /// and why, in one transaction. If the latest stored version has the same answers
    /// (whatever the file's name), nothing is written and that version is returned.
    ///
    /// # Errors
    /// [`Error::Storage`] (naming the store) if the disk is full, the store is
    /// read-only or an I/O error occurs, else [`Error::Query`] if the write fails; the
    /// store is then unchanged.
    pub async fn store_answers(
        &self,
        new: &NewAnswers<'_>,
        by: &ChangeBy,
    ) -> Result<AnswersStored, Error> {
        self.store_answers_tx(new, by)
            .await
            .map_err(|e| e.writing(&self.location, "storing answers"))
    }

    /// [`Store::store_answers`], with the store's errors not yet named.
    async fn store_answers_tx(
        &self,
        new: &NewAnswers<'_>,
        by: &ChangeBy,
    ) -> Result<AnswersStored, Error> {
        let mut tx = self.dialect.begin_write(&self.pool).await?;
        let latest = sets(&mut tx, Some(new.country), Some(new.framework), None).await?.pop();
        let mut given = new.answers.to_vec();
        given.sort();
        if let Some((id, record)) = &latest
            && answers_of(&mut tx, *id).await? == given
        {
            tx.rollback().await?;
            return Ok(AnswersStored { status: AnswersStatus::Unchanged, record: record.clone() });
        }
        let version = latest.as_ref().map_or(1, |(_, r)| r.version + 1);
        let at = jiff::Timestamp::now().to_string();
        let (set_id,): (i64,) = sqlx::query_as(
            "INSERT INTO assessment_answer_sets (country, framework, version, file_name, sha256, at, user_name, reason, user_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(new.country.as_str())
        .bind(new.framework)
        .bind(version)
        .bind(new.file_name)
        .bind(new.sha256)
        .bind(&at)
        .bind(&by.user)
        .bind(&by.reason)
        .bind(by.user_id)
        .fetch_one(&mut *tx)
        .await?;
        for a in new.answers {
            sqlx::query(
                "INSERT INTO assessment_answers (set_id, item, answer) VALUES ($1, $2, $3)",
            )
            .bind(set_id)
            .bind(&a.item)
            .bind(&a.answer)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO audit_log (at, user_id, workspace_id, action, target, old_value, new_value, reason)
             VALUES ($1, $2, (SELECT id FROM workspaces WHERE country = $3), 'answers.store', $4, $5, $6, $7)",
        )
        .bind(&at)
        .bind(by.user_id)
        .bind(new.country.as_str())
        .bind(format!("answers/{}/{}/{version}", new.country, new.framework))
        .bind(latest.as_ref().map(|(_, r)| format!("{{\"version\":{}}}", r.version)))
        .bind(format!(
            "{{\"version\":{version},\"answered\":{},\"sha256\":\"{}\"}}",
            new.answers.len(),
            new.sha256
        ))
        .bind(&by.reason)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(AnswersStored {
            status: AnswersStatus::Added,
            record: AnswerSetRecord {
                country: new.country,
                framework: new.framework.to_owned(),
                version,
                file_name: new.file_name.to_owned(),
                sha256: new.sha256.to_owned(),
                at,
                user: by.user.clone(),
                reason: by.reason.clone(),
                n_answers: new.answers.len(),
            },
        })
    }

    /// Every stored version (without answers), by country, framework and version; for
    /// one country and framework when given.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn answer_sets(
        &self,
        country: Option<Iso3>,
        framework: Option<&str>,
    ) -> Result<Vec<AnswerSetRecord>, Error> {
        let mut conn = self.pool.acquire().await?;
        Ok(sets(&mut conn, country, framework, None).await?.into_iter().map(|(_, r)| r).collect())
    }

    /// One version of a country's answers to a framework, with its answers: `version`,
    /// or the latest when `None`. `None` if there is no such version.
    ///
    /// # Errors
    /// As [`Store::answer_sets`].
    pub async fn answer_set(
        &self,
        country: Iso3,
        framework: &str,
        version: Option<i64>,
    ) -> Result<Option<AnswerSet>, Error> {
        let mut conn = self.pool.acquire().await?;
        let Some((id, record)) =
            sets(&mut conn, Some(country), Some(framework), version).await?.pop()
        else {
            return Ok(None);
        };
        let answers = answers_of(&mut conn, id).await?;
        Ok(Some(AnswerSet { record, answers }))
    }

    /// The latest version of each framework's answers stored for `country`, with their
    /// answers, by framework id.
    ///
    /// # Errors
    /// As [`Store::answer_sets`].
    pub async fn latest_answer_sets(&self, country: Iso3) -> Result<Vec<AnswerSet>, Error> {
        let mut conn = self.pool.acquire().await?;
        let latest = latest_only(sets(&mut conn, Some(country), None, None).await?);
        let mut out = Vec::with_capacity(latest.len());
        for (id, record) in latest {
            let answers = answers_of(&mut conn, id).await?;
            out.push(AnswerSet { record, answers });
        }
        Ok(out)
    }
}

/// The sign-off of a version of a country's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerSignoff {
    /// The signed version.
    pub version: i64,
    /// The coordinator who signed it.
    pub user_id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The coordinator's note.
    pub note: String,
}

/// Which ministry answers one item of a framework for a country.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerAssignment {
    /// The item's id.
    pub item: String,
    /// The ministry that answers it.
    pub ministry: String,
}

impl Store {
    /// Signs off `version` of `country`'s answers to `framework` (the actor, with its
    /// reason as the note), audited as `answers.signoff`.
    ///
    /// # Errors
    /// [`Error::Conflict`] if there is no such version, it is already signed, or the
    /// actor has no user id; [`Error::Storage`] or [`Error::Query`] if the write fails.
    pub async fn answers_signoff(
        &self,
        country: Iso3,
        framework: &str,
        version: i64,
        actor: &crate::Actor,
    ) -> Result<AnswerSignoff, Error> {
        let Some(user_id) = actor.user_id else {
            return Err(Error::Conflict { what: "a sign-off is made by a user".to_owned() });
        };
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let Some((set_id, _)) =
                sets(&mut tx, Some(country), Some(framework), Some(version)).await?.pop()
            else {
                return Err(Error::Conflict {
                    what: format!("{country} has no version {version} of answers to {framework}"),
                });
            };
            let signed: Option<(i64,)> =
                sqlx::query_as("SELECT user_id FROM answer_signoffs WHERE set_id = $1")
                    .bind(set_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if let Some((by,)) = signed {
                return Err(Error::Conflict {
                    what: format!(
                        "version {version} of {country}'s answers to {framework} is already signed off (by user {by})"
                    ),
                });
            }
            let at = crate::accounts::now();
            sqlx::query(
                "INSERT INTO answer_signoffs (set_id, user_id, at, note) VALUES ($1, $2, $3, $4)",
            )
            .bind(set_id)
            .bind(user_id)
            .bind(&at)
            .bind(&actor.reason)
            .execute(&mut *tx)
            .await?;
            let row = crate::accounts::AuditRow {
                workspace_id: workspace_of(&mut tx, country).await?,
                action: "answers.signoff",
                target: format!("answers/{country}/{framework}/{version}"),
                old: None,
                new: Some(format!("{{\"version\":{version},\"signed_by\":{user_id}}}")),
            };
            crate::accounts::append_audit(&mut tx, &at, actor, row).await?;
            tx.commit().await?;
            Ok(AnswerSignoff { version, user_id, at, note: actor.reason.clone() })
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "answers sign-off"))
    }

    /// The sign-offs of `country`'s answers to `framework`, by version.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn answer_signoffs(
        &self,
        country: Iso3,
        framework: &str,
    ) -> Result<Vec<AnswerSignoff>, Error> {
        let rows: Vec<(i64, i64, String, String)> = sqlx::query_as(
            "SELECT s.version, o.user_id, o.at, o.note
             FROM answer_signoffs o JOIN assessment_answer_sets s ON s.id = o.set_id
             WHERE s.country = $1 AND s.framework = $2 ORDER BY s.version",
        )
        .bind(country.as_str())
        .bind(framework)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(version, user_id, at, note)| AnswerSignoff { version, user_id, at, note })
            .collect())
    }

    /// Assigns `items` of `framework` to `ministry` for `country` (replacing their earlier
    /// ministry), or unassigns them when `ministry` is `None`; audited as
    /// `answers.assign`, one row per call.
    ///
    /// # Errors
    /// [`Error::Storage`] or [`Error::Query`] if the write fails.
    pub async fn answers_assign(
        &self,
        country: Iso3,
        framework: &str,
        items: &[String],
        ministry: Option<&str>,
        actor: &crate::Actor,
    ) -> Result<(), Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            for item in items {
                sqlx::query(
                    "DELETE FROM answer_assignments WHERE country = $1 AND framework = $2 AND item = $3",
                )
                .bind(country.as_str())
                .bind(framework)
                .bind(item)
                .execute(&mut *tx)
                .await?;
                if let Some(m) = ministry {
                    sqlx::query(
                        "INSERT INTO answer_assignments (country, framework, item, ministry) VALUES ($1, $2, $3, $4)",
                    )
                    .bind(country.as_str())
                    .bind(framework)
                    .bind(item)
                    .bind(m)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            let list = items.iter().map(|i| crate::accounts::json_string(i)).collect::<Vec<_>>();
            let row = crate::accounts::AuditRow {
                workspace_id: workspace_of(&mut tx, country).await?,
                action: "answers.assign",
                target: format!("answers/{country}/{framework}/assignments"),
                old: None,
                new: Some(format!(
                    "{{\"items\":[{}],\"ministry\":{}}}",
                    list.join(","),
                    ministry.map_or_else(|| "null".to_owned(), crate::accounts::json_string)
                )),
            };
            crate::accounts::append_audit(&mut tx, &crate::accounts::now(), actor, row).await?;
            tx.commit().await?;
            Ok(())
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "answer assignment"))
    }

    /// Which ministry answers which item of `framework` for `country`, by item.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn answer_assignments(
        &self,
        country: Iso3,
        framework: &str,
    ) -> Result<Vec<AnswerAssignment>, Error> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT item, ministry FROM answer_assignments
             WHERE country = $1 AND framework = $2 ORDER BY item",
        )
        .bind(country.as_str())
        .bind(framework)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(item, ministry)| AnswerAssignment { item, ministry }).collect())
    }
}

/// The government workspace of `country`, if there is one.
async fn workspace_of(conn: &mut AnyConnection, country: Iso3) -> Result<Option<i64>, Error> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM workspaces WHERE country = $1")
        .bind(country.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(id,)| id))
}
