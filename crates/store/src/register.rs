//! The policy register: imported policies overlaid by users' edits, and the audit log.
//!
//! A country's *effective* register ([`Store::register`]) is the policies of its
//! default imports, with each policy that has a row in the register layer replaced by
//! that row, plus the policies only the register layer has. Edits
//! ([`Store::register_edit`]) and register-file imports ([`Store::register_import`])
//! write the register layer and the audit log in one `IMMEDIATE` transaction: who,
//! when, why, which policy and field, the old and the new value.

use domain::area::Iso3;
use domain::policy::{Policy, PolicyField};
use sqlx::{AnyConnection, Row};

use crate::accounts::json_string;
use crate::read::policy_from_row;
use crate::{Error, Store};

/// Where a policy of the effective register comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// As imported with a dataset, unedited.
    Imported {
        /// The import.
        import_id: i64,
    },
    /// An imported policy edited in the register.
    Edited {
        /// The import it was first taken from.
        import_id: i64,
    },
    /// Only in the register (imported from a register file, or authored).
    Register,
}

impl Layer {
    /// `imported`, `edited` or `register`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Imported { .. } => "imported",
            Layer::Edited { .. } => "edited",
            Layer::Register => "register",
        }
    }
}

/// A policy of the effective register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterPolicy {
    /// The policy.
    pub policy: Policy,
    /// Where it comes from.
    pub layer: Layer,
}

/// A change of one field of one policy, for the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's name (as in register files, e.g. `status`).
    pub field: String,
    /// The value before, as text ([`Policy::field_text`]: lists joined with
    /// [`domain::policy::LIST_SEPARATOR`]).
    pub old: String,
    /// The value after.
    pub new: String,
}

/// Who makes a change, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeBy {
    /// The user's name.
    pub user: String,
    /// The user's id, when the change comes through the server (the command line has
    /// only a name).
    pub user_id: Option<i64>,
    /// The reason given.
    pub reason: String,
}

/// One row of the audit log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// Order of the change.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub user: String,
    /// The user's id, for changes made through the server.
    pub user_id: Option<i64>,
    /// Why.
    pub reason: String,
    /// Whose policy.
    pub country: Iso3,
    /// The policy's id.
    pub policy_id: String,
    /// `create`, `import` or `edit`.
    pub action: String,
    /// The field changed, for edits and re-imports.
    pub field: Option<String>,
    /// The value before.
    pub old_value: Option<String>,
    /// The value after.
    pub new_value: Option<String>,
}

/// What [`Store::register_import`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegisterImportOutcome {
    /// Policies new to the register.
    pub added: usize,
    /// Policies whose fields changed.
    pub changed: usize,
    /// Policies already as in the file.
    pub unchanged: usize,
}

/// The field-by-field differences from `old` to `new`.
pub fn policy_changes(old: &Policy, new: &Policy) -> Vec<FieldChange> {
    old.field_texts()
        .into_iter()
        .zip(new.field_texts())
        .filter(|((_, a), (_, b))| a != b)
        .map(|((field, old), (_, new))| FieldChange { field: field.as_str().to_owned(), old, new })
        .collect()
}

const EFFECTIVE: &str = "
SELECT * FROM (
    SELECT p.import_id AS import_id, 'imported' AS layer, p.id, p.country, p.ministry, p.title,
           p.instrument, p.stages, p.area, p.partners, p.target_groups, p.status, p.start_year,
           p.end_year, p.objectives, p.tags, p.source
    FROM policies p
    WHERE p.import_id IN (SELECT id FROM default_imports)
      AND NOT EXISTS (SELECT 1 FROM register_policies r WHERE r.country = p.country AND r.id = p.id)
    UNION ALL
    SELECT COALESCE(r.base_import_id, 0), CASE WHEN r.base_import_id IS NULL THEN 'register' ELSE 'edited' END,
           r.id, r.country, r.ministry, r.title, r.instrument, r.stages, r.area, r.partners,
           r.target_groups, r.status, r.start_year, r.end_year, r.objectives, r.tags, r.source
    FROM register_policies r WHERE r.withdrawn = 0
) AS effective
WHERE ($1 IS NULL OR country = $1) AND ($2 IS NULL OR id = $2)
ORDER BY country, id, import_id";

async fn effective(
    conn: &mut AnyConnection,
    country: Option<Iso3>,
    id: Option<&str>,
) -> Result<Vec<RegisterPolicy>, Error> {
    let rows = sqlx::query(EFFECTIVE)
        .bind(country.map(|c| c.as_str().to_owned()))
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter()
        .map(|row| {
            let stored = policy_from_row(row)?;
            let layer: String = row.try_get("layer")?;
            let layer = match layer.as_str() {
                "imported" => Layer::Imported { import_id: stored.import_id },
                "edited" => Layer::Edited { import_id: stored.import_id },
                _ => Layer::Register,
            };
            Ok(RegisterPolicy { policy: stored.policy, layer })
        })
        .collect()
}

async fn upsert(
    conn: &mut AnyConnection,
    p: &Policy,
    base_import_id: Option<i64>,
    at: &str,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO register_policies (country, id, ministry, title, instrument, stages, area, partners,
                                        target_groups, status, start_year, end_year, objectives, tags,
                                        source, withdrawn, base_import_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0, $16, $17)
         ON CONFLICT (country, id) DO UPDATE SET
            ministry = excluded.ministry, title = excluded.title, instrument = excluded.instrument,
            stages = excluded.stages, area = excluded.area, partners = excluded.partners,
            target_groups = excluded.target_groups, status = excluded.status,
            start_year = excluded.start_year, end_year = excluded.end_year,
            objectives = excluded.objectives, tags = excluded.tags, source = excluded.source,
            withdrawn = 0, updated_at = excluded.updated_at",
    )
    .bind(p.country.as_str())
    .bind(&p.id)
    .bind(&p.ministry)
    .bind(&p.title)
    .bind(&p.instrument)
    .bind(p.field_text(PolicyField::Stages))
    .bind(&p.area)
    .bind(p.field_text(PolicyField::Partners))
    .bind(p.field_text(PolicyField::TargetGroups))
    .bind(p.status.as_str())
    .bind(p.start_year.map(i64::from))
    .bind(p.end_year.map(i64::from))
    .bind(&p.objectives)
    .bind(p.field_text(PolicyField::Tags))
    .bind(&p.source)
    .bind(base_import_id)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments, reason = "one audit row's columns")]
async fn audit(
    conn: &mut AnyConnection,
    at: &str,
    by: &ChangeBy,
    p: &Policy,
    action: &str,
    field: Option<&str>,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO register_audit (at, user_name, reason, country, policy_id, action, field, old_value, new_value, user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(at)
    .bind(&by.user)
    .bind(&by.reason)
    .bind(p.country.as_str())
    .bind(&p.id)
    .bind(action)
    .bind(field)
    .bind(old)
    .bind(new)
    .bind(by.user_id)
    .execute(&mut *conn)
    .await?;
    // The same change in the trail of every write, in the country's workspace if it has one.
    let field_json = |v: Option<&str>| {
        v.map(|v| format!("{{{}:{}}}", json_string(field.unwrap_or("policy")), json_string(v)))
    };
    sqlx::query(
        "INSERT INTO audit_log (at, user_id, workspace_id, action, target, old_value, new_value, reason)
         VALUES ($1, $2, (SELECT id FROM workspaces WHERE country = $3), $4, $5, $6, $7, $8)",
    )
    .bind(at)
    .bind(by.user_id)
    .bind(p.country.as_str())
    .bind(format!("policy.{action}"))
    .bind(format!("policy/{}/{}", p.country, p.id))
    .bind(field_json(old))
    .bind(field_json(new))
    .bind(&by.reason)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn base_of(layer: Layer) -> Option<i64> {
    match layer {
        Layer::Imported { import_id } | Layer::Edited { import_id } => Some(import_id),
        Layer::Register => None,
    }
}

impl Store {
    /// The effective register of `country` (all countries when `None`), by country and id.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn register(&self, country: Option<Iso3>) -> Result<Vec<RegisterPolicy>, Error> {
        let mut conn = self.pool.acquire().await?;
        effective(&mut conn, country, None).await
    }

    /// One policy of the effective register.
    ///
    /// # Errors
    /// As [`Store::register`].
    pub async fn register_policy(
        &self,
        country: Iso3,
        id: &str,
    ) -> Result<Option<RegisterPolicy>, Error> {
        let mut conn = self.pool.acquire().await?;
        Ok(effective(&mut conn, Some(country), Some(id)).await?.into_iter().next())
    }

    /// Replaces the policy `expected` of the effective register by `updated` (same
    /// country and id) and records each changed field in the audit log, in one
    /// transaction.
    ///
    /// # Errors
    /// [`Error::Conflict`] if the policy no longer is `expected` (changed by someone
    /// else meanwhile) or does not exist; [`Error::Storage`] (naming the store) if the disk
    /// is full, the store is read-only or an I/O error occurs, else [`Error::Query`] if the
    /// write fails (the store is then unchanged).
    pub async fn register_edit(
        &self,
        expected: &Policy,
        updated: &Policy,
        by: &ChangeBy,
    ) -> Result<Vec<FieldChange>, Error> {
        self.register_edit_tx(expected, updated, by)
            .await
            .map_err(|e| e.writing(&self.location, "register edit"))
    }

    /// [`Store::register_edit`], with the store's errors not yet named.
    async fn register_edit_tx(
        &self,
        expected: &Policy,
        updated: &Policy,
        by: &ChangeBy,
    ) -> Result<Vec<FieldChange>, Error> {
        let mut tx = self.dialect.begin_write(&self.pool).await?;
        let current = effective(&mut tx, Some(expected.country), Some(&expected.id))
            .await?
            .into_iter()
            .next();
        let Some(current) = current.filter(|c| &c.policy == expected) else {
            return Err(Error::Conflict {
                what: format!(
                    "policy {} of {} changed or disappeared while it was being edited; try again",
                    expected.id, expected.country
                ),
            });
        };
        if updated.id != expected.id || updated.country != expected.country {
            return Err(Error::Conflict {
                what: "a policy's id and country cannot be edited".to_owned(),
            });
        }
        let changes = policy_changes(expected, updated);
        if changes.is_empty() {
            tx.rollback().await?;
            return Ok(changes);
        }
        let at = jiff::Timestamp::now().to_string();
        upsert(&mut tx, updated, base_of(current.layer), &at).await?;
        for c in &changes {
            audit(&mut tx, &at, by, updated, "edit", Some(&c.field), Some(&c.old), Some(&c.new))
                .await?;
        }
        tx.commit().await?;
        Ok(changes)
    }

    /// Adds a new policy to the register layer (audit action `create`), in one
    /// transaction that first checks that the country's register has no policy of that id.
    ///
    /// # Errors
    /// [`Error::Conflict`] if the id is taken (by an imported or a register policy);
    /// [`Error::Storage`] if the store cannot be written, else [`Error::Query`].
    pub async fn register_create(&self, policy: &Policy, by: &ChangeBy) -> Result<(), Error> {
        let write = async {
            let mut tx = self.dialect.begin_write(&self.pool).await?;
            let taken = effective(&mut tx, Some(policy.country), Some(&policy.id)).await?;
            if !taken.is_empty() {
                return Err(Error::Conflict {
                    what: format!(
                        "the register of {} already has policy {}",
                        policy.country, policy.id
                    ),
                });
            }
            let at = jiff::Timestamp::now().to_string();
            upsert(&mut tx, policy, None, &at).await?;
            audit(&mut tx, &at, by, policy, "create", None, None, None).await?;
            tx.commit().await?;
            Ok(())
        };
        write.await.map_err(|e: Error| e.writing(&self.location, "register create"))
    }

    /// Imports policies read from a register file into the register layer, in one
    /// transaction: new policies are added (audit action `import`), existing ones (from
    /// a dataset or the register) are replaced and each changed field is recorded.
    ///
    /// # Errors
    /// [`Error::Storage`] (naming the store) if the disk is full, the store is
    /// read-only or an I/O error occurs, else [`Error::Query`] if the write fails; the
    /// store is then unchanged.
    pub async fn register_import(
        &self,
        policies: &[Policy],
        by: &ChangeBy,
    ) -> Result<RegisterImportOutcome, Error> {
        self.register_import_tx(policies, by)
            .await
            .map_err(|e| e.writing(&self.location, "register import"))
    }

    /// [`Store::register_import`], with the store's errors not yet named.
    async fn register_import_tx(
        &self,
        policies: &[Policy],
        by: &ChangeBy,
    ) -> Result<RegisterImportOutcome, Error> {
        let mut tx = self.dialect.begin_write(&self.pool).await?;
        let at = jiff::Timestamp::now().to_string();
        let mut outcome = RegisterImportOutcome::default();
        for p in policies {
            let current =
                effective(&mut tx, Some(p.country), Some(&p.id)).await?.into_iter().next();
            match current {
                None => {
                    upsert(&mut tx, p, None, &at).await?;
                    audit(&mut tx, &at, by, p, "import", None, None, None).await?;
                    outcome.added += 1;
                }
                Some(c) if c.policy == *p => outcome.unchanged += 1,
                Some(c) => {
                    upsert(&mut tx, p, base_of(c.layer), &at).await?;
                    for ch in policy_changes(&c.policy, p) {
                        audit(
                            &mut tx,
                            &at,
                            by,
                            p,
                            "import",
                            Some(&ch.field),
                            Some(&ch.old),
                            Some(&ch.new),
                        )
                        .await?;
                    }
                    outcome.changed += 1;
                }
            }
        }
        tx.commit().await?;
        Ok(outcome)
    }

    /// The audit log, oldest first, for one country and policy when given.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn register_audit(
        &self,
        country: Option<Iso3>,
        policy_id: Option<&str>,
    ) -> Result<Vec<AuditEntry>, Error> {
        let rows = sqlx::query(
            "SELECT * FROM register_audit WHERE ($1 IS NULL OR country = $1) AND ($2 IS NULL OR policy_id = $2)
             ORDER BY seq",
        )
        .bind(country.map(|c| c.as_str().to_owned()))
        .bind(policy_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let code: String = row.try_get("country")?;
                Ok(AuditEntry {
                    seq: row.try_get("seq")?,
                    at: row.try_get("at")?,
                    user: row.try_get("user_name")?,
                    user_id: row.try_get("user_id")?,
                    reason: row.try_get("reason")?,
                    country: Iso3::parse(&code)
                        .map_err(|_| Error::Corrupt { what: "area code", value: code.clone() })?,
                    policy_id: row.try_get("policy_id")?,
                    action: row.try_get("action")?,
                    field: row.try_get("field")?,
                    old_value: row.try_get("old_value")?,
                    new_value: row.try_get("new_value")?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use domain::policy::{PolicyStatus, Stage};

    use super::*;

    fn policy(id: &str) -> Policy {
        Policy {
            id: id.to_owned(),
            country: Iso3::parse("XAA").unwrap(),
            ministry: "Ministry of Labour".to_owned(),
            title: "A scheme".to_owned(),
            instrument: "programme".to_owned(),
            stages: vec![Stage::StayAbroad],
            area: "labour-migration".to_owned(),
            partners: vec![Iso3::parse("XAB").unwrap()],
            target_groups: vec!["migrant-workers".to_owned()],
            status: PolicyStatus::Active,
            start_year: Some(2020),
            end_year: None,
            objectives: "Objectives.".to_owned(),
            tags: vec!["temporary-scheme".to_owned()],
            source: "Act 1".to_owned(),
        }
    }

    fn by(reason: &str) -> ChangeBy {
        ChangeBy { user: "analyst".to_owned(), user_id: None, reason: reason.to_owned() }
    }

    #[tokio::test]
    async fn import_edit_and_audit_round_trip() {
        crate::testing::on_both(|location| async move {
            let store = Store::open(&location).await.unwrap();
            let p = policy("XAA-LAB-09");
            let out =
                store.register_import(std::slice::from_ref(&p), &by("first import")).await.unwrap();
            assert_eq!(out, RegisterImportOutcome { added: 1, changed: 0, unchanged: 0 });
            let again =
                store.register_import(std::slice::from_ref(&p), &by("again")).await.unwrap();
            assert_eq!(again.unchanged, 1);

            let mut q = p.clone();
            q.status = PolicyStatus::Ended;
            q.end_year = Some(2025);
            let changes = store.register_edit(&p, &q, &by("scheme closed")).await.unwrap();
            assert_eq!(changes.len(), 2);
            let now = store.register_policy(p.country, &p.id).await.unwrap().unwrap();
            assert_eq!(now.policy, q);
            assert_eq!(now.layer, Layer::Register);

            let log = store.register_audit(None, Some("XAA-LAB-09")).await.unwrap();
            assert_eq!(log.len(), 3);
            assert_eq!(log[0].action, "import");
            assert_eq!(log[1].field.as_deref(), Some("status"));
            assert_eq!(log[1].old_value.as_deref(), Some("active"));
            assert_eq!(log[1].new_value.as_deref(), Some("ended"));
            assert_eq!(log[2].field.as_deref(), Some("end_year"));
            assert!(log.iter().skip(1).all(|e| e.user == "analyst" && e.reason == "scheme closed"));

            // Editing from a stale copy is refused and changes nothing.
            let err = store.register_edit(&p, &q, &by("stale")).await.unwrap_err();
            assert!(matches!(err, Error::Conflict { .. }), "{err}");
            assert_eq!(store.register_audit(None, None).await.unwrap().len(), 3);
        })
        .await;
    }
}
