//! Writing datasets: one import, one transaction.

use std::collections::HashMap;

use domain::dataset::{AreaValue, Dataset, PairValue};
use domain::policy::PolicyField;
use domain::provenance::Provenance;
use sqlx::{Any, Transaction};

use crate::dialect::Dialect;
use crate::{Error, Store};

/// What [`Store::import`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStatus {
    /// A new dataset or edition was stored.
    Added,
    /// The edition was already stored from other files (parts of one edition): this
    /// file's values were added to it. Cells both files hold with the same value are
    /// kept once ([`ImportOutcome::duplicates`]).
    Extended,
    /// The edition was stored and replaced, as asked ([`ImportMode::Replace`]); what
    /// went is in [`ImportOutcome::replaced`].
    Replaced,
    /// The same files were already stored; nothing changed.
    Unchanged,
}

impl ImportStatus {
    /// A lower-case word for output.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportStatus::Added => "added",
            ImportStatus::Extended => "extended",
            ImportStatus::Replaced => "replaced",
            ImportStatus::Unchanged => "unchanged",
        }
    }
}

/// Whether an import may replace an edition already stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Add a new edition, or add a file's values to a stored edition; refuse (with
    /// [`Error::ImportConflict`]) anything that would change a stored value.
    #[default]
    Add,
    /// Replace the stored edition of the same dataset key, all its files, with this one.
    Replace,
}

/// What an import replaced: the files and row counts that went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    /// The import that was deleted.
    pub import_id: i64,
    /// Its files' names.
    pub files: Vec<String>,
    /// Its rows: areas, values, pairs, policies.
    pub rows: [i64; 4],
}

/// The result of [`Store::import`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOutcome {
    /// The import's id in the store.
    pub import_id: i64,
    /// What happened.
    pub status: ImportStatus,
    /// Cells already stored from another file of the same edition with the same value:
    /// not stored twice.
    pub duplicates: u64,
    /// What was replaced, for [`ImportStatus::Replaced`].
    pub replaced: Option<Replaced>,
}

/// Why an import was refused: it would have changed what is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportConflict {
    /// A file of the same name is stored in this edition with other bytes.
    ChangedFile {
        /// The dataset key.
        key: String,
        /// The edition.
        edition: String,
        /// The file's name.
        file: String,
        /// The SHA-256 stored.
        stored_sha256: String,
        /// The SHA-256 of the file being imported.
        new_sha256: String,
    },
    /// The same cell (indicator, area or pair, year, sex) holds another value in a file
    /// of the same edition already stored.
    Cell {
        /// The dataset key.
        key: String,
        /// The edition.
        edition: String,
        /// The cell, e.g. "NY.GDP.MKTP.CD, PHL, 2021, both sexes".
        what: String,
        /// The value stored and where it was read.
        stored: (f64, String),
        /// The value being imported and where it was read.
        new: (f64, String),
    },
}

impl std::fmt::Display for ImportConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportConflict::ChangedFile { key, edition, file, stored_sha256, new_sha256 } => {
                write!(
                    f,
                    "{key} edition {edition}: the file {file} is already stored with SHA-256 {stored_sha256}, \
                     and this one has SHA-256 {new_sha256}; nothing was stored (replacing an edition must be asked for)"
                )
            }
            ImportConflict::Cell { key, edition, what, stored, new } => write!(
                f,
                "{key} edition {edition}: {what} is {} in {} but {} in {}; nothing was stored \
                 (two files of one edition disagree; replacing an edition must be asked for)",
                stored.0, stored.1, new.0, new.1
            ),
        }
    }
}

/// Rows per multi-row INSERT: 500 rows × 12 parameters stays far below the limits of
/// bound parameters in one statement (SQLite's 32,766, PostgreSQL's 65,535).
const BATCH: usize = 500;
const _: () = assert!(BATCH * 12 <= 32_766, "a batch must fit SQLite's parameter limit");

/// `value`, with -0.0 as 0.0: SQLite stores no sign of zero, so neither database keeps
/// one and both return the same bits.
fn unsigned_zero(value: f64) -> f64 {
    if value == 0.0 { 0.0 } else { value }
}

/// `insert` followed by `VALUES` with `rows` rows of `columns` placeholders each, in
/// `dialect`'s form for many parameters ([`Dialect::write_placeholder`]), bound in order.
pub(crate) fn bulk_insert(dialect: Dialect, insert: &str, columns: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(insert.len() + rows * columns * 7);
    sql.push_str(insert);
    sql.push_str(" VALUES ");
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            dialect.write_placeholder(&mut sql, row * columns + column + 1);
        }
        sql.push(')');
    }
    sql
}

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

/// An area value's cell: indicator, area, year, sex.
type AreaCell = (String, String, i64, String);
/// A pair value's cell: indicator, from, to, year, sex.
type PairCell = (String, String, String, i64, String);

/// The cells an edition already holds, with their value and where it was read: what a
/// further file of the same edition is checked against.
#[derive(Default)]
struct StoredCells {
    areas: HashMap<AreaCell, (f64, String)>,
    pairs: HashMap<PairCell, (f64, String)>,
}

/// Whether two readings of a cell agree: the same number (as read, so bit for bit).
fn same_value(a: f64, b: f64) -> bool {
    // The same text read twice gives the same bits; 0.0 and -0.0 are one value.
    a.to_bits() == b.to_bits() || (a == 0.0 && b == 0.0) || (a.is_nan() && b.is_nan())
}

fn cell_text(file: String, sheet: Option<String>, row: Option<i64>, col: Option<String>) -> String {
    Provenance { file, sheet, row: row.map(|r| r as u32), column: col }.to_string()
}

/// How a dataset's files compare with the files an edition already has.
enum FilesPlan {
    /// Every file is stored already, with the same bytes.
    AllStored,
    /// A file of the same name is stored with other bytes: (name, stored, new).
    Changed(String, String, String),
    /// At least one file is new to the edition, none changed.
    New,
}

fn plan_files(dataset: &Dataset, stored: &[(String, Option<String>)]) -> FilesPlan {
    let stored: HashMap<&str, &str> =
        stored.iter().filter_map(|(n, sha)| Some((n.as_str(), sha.as_deref()?))).collect();
    let mut any_new = false;
    for file in &dataset.meta.files {
        match stored.get(file.name.as_str()) {
            Some(sha) if *sha == file.sha256 => {}
            Some(sha) => {
                return FilesPlan::Changed(
                    file.name.clone(),
                    (*sha).to_owned(),
                    file.sha256.clone(),
                );
            }
            None => any_new = true,
        }
    }
    if any_new { FilesPlan::New } else { FilesPlan::AllStored }
}

impl Store {
    /// Stores `dataset` in one transaction, never replacing anything:
    /// [`Store::import_with`] in [`ImportMode::Add`].
    ///
    /// # Errors
    /// As [`Store::import_with`].
    pub async fn import(
        &self,
        dataset: &Dataset,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<ImportOutcome, Error> {
        self.import_with(dataset, ImportMode::Add, progress).await
    }

    /// Stores `dataset` as one import, in one transaction.
    ///
    /// * No import of the same dataset key and edition: the dataset is added beside any
    ///   other editions ([`ImportStatus::Added`]).
    /// * The edition is stored with the same files (names and SHA-256): nothing changes
    ///   ([`ImportStatus::Unchanged`]).
    /// * The edition is stored from other files (parts of one edition): this file's
    ///   values are added to it ([`ImportStatus::Extended`]); a cell already stored with
    ///   the same value is kept once, and one stored with another value stops the import
    ///   ([`Error::ImportConflict`], naming both cells).
    /// * A file of the same name is stored in the edition with other bytes: refused
    ///   ([`Error::ImportConflict`]) unless `mode` is [`ImportMode::Replace`], which
    ///   deletes the stored edition (all its files) and stores this one
    ///   ([`ImportStatus::Replaced`], with what went). `Replace` also replaces an edition
    ///   stored from other files instead of extending it.
    ///
    /// `progress` is called with (rows written, rows in all) as the write proceeds.
    ///
    /// # Errors
    /// [`Error::ImportConflict`] as above, [`Error::Storage`] (naming the store) if the
    /// disk is full, the store is read-only or an I/O error occurs, else [`Error::Query`]
    /// if the write fails; the store is then unchanged.
    pub async fn import_with(
        &self,
        dataset: &Dataset,
        mode: ImportMode,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<ImportOutcome, Error> {
        self.import_with_tx(dataset, mode, progress)
            .await
            .map_err(|e| e.writing(&self.location, "import"))
    }

    /// [`Store::import_with`], with the store's errors not yet named.
    async fn import_with_tx(
        &self,
        dataset: &Dataset,
        mode: ImportMode,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<ImportOutcome, Error> {
        let meta = &dataset.meta;
        let mut tx = self.dialect.begin_write(&self.pool).await?;

        let existing: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM imports WHERE dataset_key = $1 AND edition = $2")
                .bind(&meta.key)
                .bind(&meta.edition)
                .fetch_optional(&mut *tx)
                .await?;
        let mut replaced = None;
        let mut extend = None;
        if let Some((id,)) = existing {
            let stored: Vec<(String, Option<String>)> =
                sqlx::query_as("SELECT name, sha256 FROM import_files WHERE import_id = $1")
                    .bind(id)
                    .fetch_all(&mut *tx)
                    .await?;
            match (plan_files(dataset, &stored), mode) {
                (FilesPlan::AllStored, _) => {
                    tx.rollback().await?;
                    let status = ImportStatus::Unchanged;
                    return Ok(ImportOutcome { import_id: id, status, duplicates: 0, replaced });
                }
                (FilesPlan::Changed(file, stored_sha256, new_sha256), ImportMode::Add) => {
                    tx.rollback().await?;
                    return Err(Error::ImportConflict(Box::new(ImportConflict::ChangedFile {
                        key: meta.key.clone(),
                        edition: meta.edition.clone(),
                        file,
                        stored_sha256,
                        new_sha256,
                    })));
                }
                (_, ImportMode::Replace) => {
                    replaced = Some(replaced_summary(&mut tx, id).await?);
                    sqlx::query("DELETE FROM imports WHERE id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                }
                (FilesPlan::New, ImportMode::Add) => extend = Some(id),
            }
        }
        let (import_id, cells) = match extend {
            Some(id) => (id, Some(stored_cells(&mut tx, id).await?)),
            None => (insert_import_row(&mut tx, dataset).await?, None),
        };
        let duplicates =
            write_rows(&mut tx, self.dialect, dataset, import_id, cells.as_ref(), progress).await?;
        finish_import_row(&mut tx, import_id).await?;
        tx.commit().await?;
        let status = match (extend, &replaced) {
            (Some(_), _) => ImportStatus::Extended,
            (None, Some(_)) => ImportStatus::Replaced,
            (None, None) => ImportStatus::Added,
        };
        tracing::info!(import_id, key = %meta.key, edition = %meta.edition, status = status.as_str(), "stored dataset");
        Ok(ImportOutcome { import_id, status, duplicates, replaced })
    }

    /// Deletes an import and everything it brought, in one transaction. Returns whether
    /// it existed.
    ///
    /// # Errors
    /// [`Error::Storage`] (naming the store) if the disk is full, the store is
    /// read-only or an I/O error occurs, else [`Error::Query`] if the write fails; the
    /// store is then unchanged.
    pub async fn delete_import(&self, import_id: i64) -> Result<bool, Error> {
        self.delete_import_tx(import_id)
            .await
            .map_err(|e| e.writing(&self.location, "deleting an import"))
    }

    /// [`Store::delete_import`], with the store's errors not yet named.
    async fn delete_import_tx(&self, import_id: i64) -> Result<bool, Error> {
        let mut tx = self.dialect.begin_write(&self.pool).await?;
        let deleted = sqlx::query("DELETE FROM imports WHERE id = $1")
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
    dialect: Dialect,
    ids: HashMap<String, i64>,
}

impl FileIds {
    async fn insert(
        &mut self,
        tx: &mut Transaction<'static, Any>,
        name: &str,
        sha256: Option<&str>,
        bytes: Option<u64>,
    ) -> Result<i64, Error> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO import_files (import_id, name, sha256, bytes) VALUES ($1, $2, $3, $4)
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
        tx: &mut Transaction<'static, Any>,
        provenance: &Provenance,
    ) -> Result<i64, Error> {
        match self.ids.get(&provenance.file) {
            Some(&id) => Ok(id),
            None => self.insert(tx, &provenance.file, None, None).await,
        }
    }
}

async fn insert_area_values(
    tx: &mut Transaction<'static, Any>,
    files: &mut FileIds,
    chunk: &[&AreaValue],
) -> Result<(), Error> {
    let mut file_ids = Vec::with_capacity(chunk.len());
    for v in chunk {
        file_ids.push(files.id(tx, &v.provenance).await?);
    }
    let sql = bulk_insert(
        files.dialect,
        "INSERT INTO area_values (import_id, indicator, area, year, sex, value, unit, file_id, sheet, row_no, col)",
        11,
        chunk.len(),
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for (v, file_id) in chunk.iter().zip(file_ids) {
        query = query
            .bind(files.import_id)
            .bind(v.indicator.code)
            .bind(v.area.as_str().to_owned())
            .bind(i64::from(v.year.get()))
            .bind(v.sex.as_str())
            .bind(unsigned_zero(v.value))
            .bind(v.indicator.unit.as_str())
            .bind(file_id)
            .bind(v.provenance.sheet.clone())
            .bind(v.provenance.row.map(i64::from))
            .bind(v.provenance.column.clone());
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

async fn insert_pair_values(
    tx: &mut Transaction<'static, Any>,
    files: &mut FileIds,
    chunk: &[&PairValue],
) -> Result<(), Error> {
    let mut file_ids = Vec::with_capacity(chunk.len());
    for v in chunk {
        file_ids.push(files.id(tx, &v.provenance).await?);
    }
    let sql = bulk_insert(
        files.dialect,
        "INSERT INTO pair_values (import_id, indicator, from_area, to_area, year, sex, value, unit, file_id, sheet, row_no, col)",
        12,
        chunk.len(),
    );
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
    for (v, file_id) in chunk.iter().zip(file_ids) {
        query = query
            .bind(files.import_id)
            .bind(v.indicator.code)
            .bind(v.from.as_str().to_owned())
            .bind(v.to.as_str().to_owned())
            .bind(i64::from(v.year.get()))
            .bind(v.sex.as_str())
            .bind(unsigned_zero(v.value))
            .bind(v.indicator.unit.as_str())
            .bind(file_id)
            .bind(v.provenance.sheet.clone())
            .bind(v.provenance.row.map(i64::from))
            .bind(v.provenance.column.clone());
    }
    query.execute(&mut **tx).await?;
    Ok(())
}

async fn replaced_summary(
    tx: &mut Transaction<'static, Any>,
    import_id: i64,
) -> Result<Replaced, Error> {
    let files: Vec<(String,)> =
        sqlx::query_as("SELECT name FROM import_files WHERE import_id = $1 ORDER BY id")
            .bind(import_id)
            .fetch_all(&mut **tx)
            .await?;
    let (a, v, p, q): (i64, i64, i64, i64) =
        sqlx::query_as("SELECT n_areas, n_values, n_pairs, n_policies FROM imports WHERE id = $1")
            .bind(import_id)
            .fetch_one(&mut **tx)
            .await?;
    Ok(Replaced { import_id, files: files.into_iter().map(|(n,)| n).collect(), rows: [a, v, p, q] })
}

async fn stored_cells(
    tx: &mut Transaction<'static, Any>,
    import_id: i64,
) -> Result<StoredCells, Error> {
    type AreaRow =
        (String, String, i64, String, f64, String, Option<String>, Option<i64>, Option<String>);
    type PairRow = (
        String,
        String,
        String,
        i64,
        String,
        f64,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
    );
    let mut cells = StoredCells::default();
    let areas: Vec<AreaRow> = sqlx::query_as(
        "SELECT v.indicator, v.area, v.year, v.sex, v.value, f.name, v.sheet, v.row_no, v.col
         FROM area_values v JOIN import_files f ON f.id = v.file_id WHERE v.import_id = $1",
    )
    .bind(import_id)
    .fetch_all(&mut **tx)
    .await?;
    for (ind, area, year, sex, value, file, sheet, row, col) in areas {
        cells.areas.insert((ind, area, year, sex), (value, cell_text(file, sheet, row, col)));
    }
    let pairs: Vec<PairRow> = sqlx::query_as(
        "SELECT v.indicator, v.from_area, v.to_area, v.year, v.sex, v.value, f.name, v.sheet, v.row_no, v.col
         FROM pair_values v JOIN import_files f ON f.id = v.file_id WHERE v.import_id = $1",
    )
    .bind(import_id)
    .fetch_all(&mut **tx)
    .await?;
    for (ind, from, to, year, sex, value, file, sheet, row, col) in pairs {
        cells.pairs.insert((ind, from, to, year, sex), (value, cell_text(file, sheet, row, col)));
    }
    Ok(cells)
}

async fn insert_import_row(
    tx: &mut Transaction<'static, Any>,
    dataset: &Dataset,
) -> Result<i64, Error> {
    let meta = &dataset.meta;
    let (import_id,): (i64,) = sqlx::query_as(
        "INSERT INTO imports (dataset_key, publisher, title, edition, edition_order, source, licence,
                              fictional, fingerprint, imported_at, n_areas, n_values, n_pairs, n_policies)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, 0, 0, 0) RETURNING id",
    )
    .bind(&meta.key)
    .bind(&meta.publisher)
    .bind(&meta.title)
    .bind(&meta.edition)
    .bind(domain::edition::EditionOrder::parse(&meta.edition).to_string())
    .bind(&meta.source)
    .bind(&meta.licence)
    .bind(i64::from(meta.fictional))
    .bind(fingerprint(dataset))
    .bind(jiff::Timestamp::now().to_string())
    .fetch_one(&mut **tx)
    .await?;
    Ok(import_id)
}

/// Sets the import's row counts and fingerprint from what it holds now.
async fn finish_import_row(
    tx: &mut Transaction<'static, Any>,
    import_id: i64,
) -> Result<(), Error> {
    let files: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT name, sha256 FROM import_files WHERE import_id = $1 ORDER BY name")
            .bind(import_id)
            .fetch_all(&mut **tx)
            .await?;
    let mut fp = String::new();
    for (name, sha) in files.iter().filter_map(|(n, s)| Some((n, s.as_ref()?))) {
        fp.push_str(name);
        fp.push('=');
        fp.push_str(sha);
        fp.push(';');
    }
    sqlx::query(
        "UPDATE imports SET fingerprint = $1,
            n_areas = (SELECT COUNT(*) FROM areas WHERE import_id = $2),
            n_values = (SELECT COUNT(*) FROM area_values WHERE import_id = $2),
            n_pairs = (SELECT COUNT(*) FROM pair_values WHERE import_id = $2),
            n_policies = (SELECT COUNT(*) FROM policies WHERE import_id = $2)
         WHERE id = $2",
    )
    .bind(fp)
    .bind(import_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

fn conflict(dataset: &Dataset, what: String, stored: &(f64, String), new: (f64, String)) -> Error {
    Error::ImportConflict(Box::new(ImportConflict::Cell {
        key: dataset.meta.key.clone(),
        edition: dataset.meta.edition.clone(),
        what,
        stored: stored.clone(),
        new,
    }))
}

/// The values of `dataset` not already stored in `cells` (an edition being extended);
/// a cell stored with another value is a conflict. Returns the values to write and how
/// many were already stored.
fn new_area_values<'a>(
    dataset: &'a Dataset,
    cells: Option<&StoredCells>,
) -> Result<(Vec<&'a AreaValue>, u64), Error> {
    let Some(cells) = cells else { return Ok((dataset.values.iter().collect(), 0)) };
    let mut out = Vec::with_capacity(dataset.values.len());
    let mut duplicates = 0;
    for v in &dataset.values {
        let key = (
            v.indicator.code.to_owned(),
            v.area.as_str().to_owned(),
            i64::from(v.year.get()),
            v.sex.as_str().to_owned(),
        );
        match cells.areas.get(&key) {
            None => out.push(v),
            Some(stored) if same_value(stored.0, v.value) => duplicates += 1,
            Some(stored) => {
                let what = format!("{}, {}, {}, {}", key.0, key.1, key.2, v.sex.as_str());
                return Err(conflict(dataset, what, stored, (v.value, v.provenance.to_string())));
            }
        }
    }
    Ok((out, duplicates))
}

/// As [`new_area_values`], for pairs.
fn new_pair_values<'a>(
    dataset: &'a Dataset,
    cells: Option<&StoredCells>,
) -> Result<(Vec<&'a PairValue>, u64), Error> {
    let Some(cells) = cells else { return Ok((dataset.pairs.iter().collect(), 0)) };
    let mut out = Vec::with_capacity(dataset.pairs.len());
    let mut duplicates = 0;
    for v in &dataset.pairs {
        let key = (
            v.indicator.code.to_owned(),
            v.from.as_str().to_owned(),
            v.to.as_str().to_owned(),
            i64::from(v.year.get()),
            v.sex.as_str().to_owned(),
        );
        match cells.pairs.get(&key) {
            None => out.push(v),
            Some(stored) if same_value(stored.0, v.value) => duplicates += 1,
            Some(stored) => {
                let what =
                    format!("{}, {} → {}, {}, {}", key.0, key.1, key.2, key.3, v.sex.as_str());
                return Err(conflict(dataset, what, stored, (v.value, v.provenance.to_string())));
            }
        }
    }
    Ok((out, duplicates))
}

/// Writes the dataset's files, areas, values, pairs and policies into `import_id`,
/// skipping cells `cells` already holds with the same value. Returns how many were
/// skipped.
async fn write_rows(
    tx: &mut Transaction<'static, Any>,
    dialect: Dialect,
    dataset: &Dataset,
    import_id: i64,
    cells: Option<&StoredCells>,
    progress: &mut (dyn FnMut(u64, u64) + Send),
) -> Result<u64, Error> {
    let (values, dup_values) = new_area_values(dataset, cells)?;
    let (pairs, dup_pairs) = new_pair_values(dataset, cells)?;
    let mut files = FileIds { import_id, dialect, ids: HashMap::new() };
    for file in &dataset.meta.files {
        files.insert(tx, &file.name, Some(&file.sha256), Some(file.bytes)).await?;
    }
    let total = (dataset.areas.len() + values.len() + pairs.len() + dataset.policies.len()) as u64;
    let mut done = 0u64;
    progress(done, total);
    for area in &dataset.areas {
        sqlx::query(
            "INSERT INTO areas (import_id, iso3, m49, name, kind) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (import_id, iso3) DO NOTHING",
        )
        .bind(import_id)
        .bind(area.iso3.as_str())
        .bind(area.m49.map(|m| i64::from(m.get())))
        .bind(&area.name)
        .bind(area.kind.as_str())
        .execute(&mut **tx)
        .await?;
    }
    done += dataset.areas.len() as u64;
    progress(done, total);
    for chunk in values.chunks(BATCH) {
        insert_area_values(tx, &mut files, chunk).await?;
        done += chunk.len() as u64;
        progress(done, total);
    }
    for chunk in pairs.chunks(BATCH) {
        insert_pair_values(tx, &mut files, chunk).await?;
        done += chunk.len() as u64;
        progress(done, total);
    }
    for policy in &dataset.policies {
        insert_policy(tx, import_id, policy).await?;
    }
    done += dataset.policies.len() as u64;
    progress(done, total);
    Ok(dup_values + dup_pairs)
}

async fn insert_policy(
    tx: &mut Transaction<'static, Any>,
    import_id: i64,
    policy: &domain::policy::Policy,
) -> Result<(), Error> {
    sqlx::query(
        "INSERT INTO policies (import_id, id, country, ministry, title, instrument, stages, area,
                               partners, target_groups, status, start_year, end_year,
                               objectives, tags, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(import_id)
    .bind(&policy.id)
    .bind(policy.country.as_str())
    .bind(&policy.ministry)
    .bind(&policy.title)
    .bind(&policy.instrument)
    .bind(policy.field_text(PolicyField::Stages))
    .bind(&policy.area)
    .bind(policy.field_text(PolicyField::Partners))
    .bind(policy.field_text(PolicyField::TargetGroups))
    .bind(policy.status.as_str())
    .bind(policy.start_year.map(i64::from))
    .bind(policy.end_year.map(i64::from))
    .bind(&policy.objectives)
    .bind(policy.field_text(PolicyField::Tags))
    .bind(&policy.source)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SQLite gets anonymous placeholders in a multi-row insert (it looks named ones up one
    /// by one, which made large inserts quadratic); PostgreSQL gets them numbered.
    #[test]
    fn multi_row_inserts_use_each_database_s_placeholders() {
        let insert = "INSERT INTO t (a, b)";
        assert_eq!(
            bulk_insert(Dialect::Sqlite, insert, 2, 2),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
        assert_eq!(
            bulk_insert(Dialect::Postgres, insert, 2, 2),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)"
        );
    }
}
