//! Writing datasets: one import, one transaction.

use std::collections::HashMap;

use domain::dataset::{AreaValue, Dataset, PairValue};
use domain::provenance::Provenance;
use sqlx::{QueryBuilder, Sqlite, Transaction};

use crate::{Error, Store};

/// What [`Store::import`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStatus {
    /// A new dataset or edition was stored.
    Added,
    /// The same dataset key and edition was already stored from other files; it was
    /// replaced by this import.
    Replaced,
    /// The same files were already stored; nothing changed.
    Unchanged,
}

impl ImportStatus {
    /// A lower-case word for output.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportStatus::Added => "added",
            ImportStatus::Replaced => "replaced",
            ImportStatus::Unchanged => "unchanged",
        }
    }
}

/// The result of [`Store::import`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportOutcome {
    /// The import's id in the store.
    pub import_id: i64,
    /// What happened.
    pub status: ImportStatus,
}

/// Rows per multi-row INSERT: 500 rows × 11 parameters stays far below SQLite's limit
/// of 32,766 bound parameters.
const BATCH: usize = 500;

/// The fingerprint of a dataset's inputs: its files' names and SHA-256s, sorted by
/// name and concatenated. Equal fingerprints mean equal inputs.
fn fingerprint(dataset: &Dataset) -> String {
    let mut files: Vec<(&str, &str)> =
        dataset.meta.files.iter().map(|f| (f.name.as_str(), f.sha256.as_str())).collect();
    files.sort_unstable();
    let mut out = String::new();
    for (name, sha) in files {
        out.push_str(name);
        out.push('=');
        out.push_str(sha);
        out.push(';');
    }
    out
}

impl Store {
    /// Stores `dataset` as one import, in one transaction.
    ///
    /// If an import with the same dataset key, edition and files exists, nothing
    /// changes ([`ImportStatus::Unchanged`]). If one with the same key and edition but
    /// other files exists, it is replaced ([`ImportStatus::Replaced`]). Otherwise the
    /// dataset is added beside any other editions ([`ImportStatus::Added`]).
    ///
    /// `progress` is called with (rows written, rows in all) as the write proceeds.
    ///
    /// # Errors
    /// [`Error::Query`] if the write fails; the store is then unchanged.
    pub async fn import(
        &self,
        dataset: &Dataset,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportOutcome, Error> {
        let meta = &dataset.meta;
        let fingerprint = fingerprint(dataset);
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;

        let existing: Option<(i64, String)> = sqlx::query_as(
            "SELECT id, fingerprint FROM imports WHERE dataset_key = ? AND edition = ?",
        )
        .bind(&meta.key)
        .bind(&meta.edition)
        .fetch_optional(&mut *tx)
        .await?;
        let status = match existing {
            Some((id, fp)) if fp == fingerprint => {
                tx.rollback().await?;
                return Ok(ImportOutcome { import_id: id, status: ImportStatus::Unchanged });
            }
            Some((id, _)) => {
                sqlx::query("DELETE FROM imports WHERE id = ?").bind(id).execute(&mut *tx).await?;
                ImportStatus::Replaced
            }
            None => ImportStatus::Added,
        };

        let [(_, n_areas), (_, n_values), (_, n_pairs), (_, n_policies)] = dataset.row_counts();
        let (import_id,): (i64,) = sqlx::query_as(
            "INSERT INTO imports (dataset_key, publisher, title, edition, source, licence, fictional,
                                  fingerprint, imported_at, n_areas, n_values, n_pairs, n_policies)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(&meta.key)
        .bind(&meta.publisher)
        .bind(&meta.title)
        .bind(&meta.edition)
        .bind(&meta.source)
        .bind(&meta.licence)
        .bind(meta.fictional)
        .bind(&fingerprint)
        .bind(jiff::Timestamp::now().to_string())
        .bind(n_areas as i64)
        .bind(n_values as i64)
        .bind(n_pairs as i64)
        .bind(n_policies as i64)
        .fetch_one(&mut *tx)
        .await?;

        let mut files = FileIds { import_id, ids: HashMap::new() };
        for file in &meta.files {
            files.insert(&mut tx, &file.name, Some(&file.sha256), Some(file.bytes)).await?;
        }

        let total = (n_areas + n_values + n_pairs + n_policies) as u64;
        let mut done = 0u64;
        progress(done, total);

        for area in &dataset.areas {
            sqlx::query(
                "INSERT INTO areas (import_id, iso3, m49, name, kind) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(import_id)
            .bind(area.iso3.as_str())
            .bind(area.m49.map(|m| i64::from(m.get())))
            .bind(&area.name)
            .bind(area.kind.as_str())
            .execute(&mut *tx)
            .await?;
        }
        done += n_areas as u64;
        progress(done, total);

        for chunk in dataset.values.chunks(BATCH) {
            insert_area_values(&mut tx, &mut files, chunk).await?;
            done += chunk.len() as u64;
            progress(done, total);
        }
        for chunk in dataset.pairs.chunks(BATCH) {
            insert_pair_values(&mut tx, &mut files, chunk).await?;
            done += chunk.len() as u64;
            progress(done, total);
        }
        for policy in &dataset.policies {
            let join = |items: Vec<&str>| items.join("|");
            sqlx::query(
                "INSERT INTO policies (import_id, id, country, ministry, title, instrument, stages, area,
                                       partners, target_groups, status, start_year, end_year,
                                       objectives, tags, source)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(import_id)
            .bind(&policy.id)
            .bind(policy.country.as_str())
            .bind(&policy.ministry)
            .bind(&policy.title)
            .bind(&policy.instrument)
            .bind(join(policy.stages.iter().map(|s| s.as_str()).collect()))
            .bind(&policy.area)
            .bind(join(policy.partners.iter().map(|p| p.as_str()).collect()))
            .bind(join(policy.target_groups.iter().map(String::as_str).collect()))
            .bind(policy.status.as_str())
            .bind(policy.start_year)
            .bind(policy.end_year)
            .bind(&policy.objectives)
            .bind(join(policy.tags.iter().map(String::as_str).collect()))
            .bind(&policy.source)
            .execute(&mut *tx)
            .await?;
        }
        done += n_policies as u64;
        progress(done, total);

        tx.commit().await?;
        tracing::info!(import_id, key = %meta.key, edition = %meta.edition, status = status.as_str(), "stored dataset");
        Ok(ImportOutcome { import_id, status })
    }

    /// Deletes an import and everything it brought, in one transaction. Returns whether
    /// it existed.
    ///
    /// # Errors
    /// [`Error::Query`] if the write fails; the store is then unchanged.
    pub async fn delete_import(&self, import_id: i64) -> Result<bool, Error> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let deleted = sqlx::query("DELETE FROM imports WHERE id = ?")
            .bind(import_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(deleted.rows_affected() > 0)
    }
}

/// The ids of an import's files, by name; files named by values' provenance but not
/// listed in the dataset's metadata are added without a checksum.
struct FileIds {
    import_id: i64,
    ids: HashMap<String, i64>,
}

impl FileIds {
    async fn insert(
        &mut self,
        tx: &mut Transaction<'static, Sqlite>,
        name: &str,
        sha256: Option<&str>,
        bytes: Option<u64>,
    ) -> Result<i64, Error> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO import_files (import_id, name, sha256, bytes) VALUES (?, ?, ?, ?)
             ON CONFLICT (import_id, name) DO UPDATE SET name = excluded.name RETURNING id",
        )
        .bind(self.import_id)
        .bind(name)
        .bind(sha256)
        .bind(bytes.map(|b| b as i64))
        .fetch_one(&mut **tx)
        .await?;
        self.ids.insert(name.to_owned(), id);
        Ok(id)
    }

    async fn id(
        &mut self,
        tx: &mut Transaction<'static, Sqlite>,
        provenance: &Provenance,
    ) -> Result<i64, Error> {
        match self.ids.get(&provenance.file) {
            Some(&id) => Ok(id),
            None => self.insert(tx, &provenance.file, None, None).await,
        }
    }
}

async fn insert_area_values(
    tx: &mut Transaction<'static, Sqlite>,
    files: &mut FileIds,
    chunk: &[AreaValue],
) -> Result<(), Error> {
    let mut file_ids = Vec::with_capacity(chunk.len());
    for v in chunk {
        file_ids.push(files.id(tx, &v.provenance).await?);
    }
    let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new(
        "INSERT INTO area_values (import_id, indicator, area, year, sex, value, unit, file_id, sheet, row_no, col) ",
    );
    qb.push_values(chunk.iter().zip(file_ids), |mut row, (v, file_id)| {
        row.push_bind(files.import_id)
            .push_bind(v.indicator.code)
            .push_bind(v.area.as_str().to_owned())
            .push_bind(v.year.get())
            .push_bind(v.sex.as_str())
            .push_bind(v.value)
            .push_bind(v.indicator.unit.as_str())
            .push_bind(file_id)
            .push_bind(v.provenance.sheet.clone())
            .push_bind(v.provenance.row.map(i64::from))
            .push_bind(v.provenance.column.clone());
    });
    qb.build().execute(&mut **tx).await?;
    Ok(())
}

async fn insert_pair_values(
    tx: &mut Transaction<'static, Sqlite>,
    files: &mut FileIds,
    chunk: &[PairValue],
) -> Result<(), Error> {
    let mut file_ids = Vec::with_capacity(chunk.len());
    for v in chunk {
        file_ids.push(files.id(tx, &v.provenance).await?);
    }
    let mut qb: QueryBuilder<Sqlite> = QueryBuilder::new(
        "INSERT INTO pair_values (import_id, indicator, from_area, to_area, year, sex, value, unit, file_id, sheet, row_no, col) ",
    );
    qb.push_values(chunk.iter().zip(file_ids), |mut row, (v, file_id)| {
        row.push_bind(files.import_id)
            .push_bind(v.indicator.code)
            .push_bind(v.from.as_str().to_owned())
            .push_bind(v.to.as_str().to_owned())
            .push_bind(v.year.get())
            .push_bind(v.sex.as_str())
            .push_bind(v.value)
            .push_bind(v.indicator.unit.as_str())
            .push_bind(file_id)
            .push_bind(v.provenance.sheet.clone())
            .push_bind(v.provenance.row.map(i64::from))
            .push_bind(v.provenance.column.clone());
    });
    qb.build().execute(&mut **tx).await?;
    Ok(())
}
