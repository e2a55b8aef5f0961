//! Reading datasets back. Values are read from each dataset's default (newest) edition
//! unless an import is named.

use domain::area::{Area, AreaKind, Iso3, M49};
use domain::policy::{Policy, PolicyStatus, Stage, split_list};
use domain::provenance::Provenance;
use domain::{Sex, Unit};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Error, Store};

/// A stored import, as listed by [`Store::datasets`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetRecord {
    /// The import's id.
    pub id: i64,
    /// The dataset family's key.
    pub key: String,
    /// Publisher.
    pub publisher: String,
    /// Title.
    pub title: String,
    /// Edition, as its label reads.
    pub edition: String,
    /// The date the edition's label gives, `YYYY-MM-DD` with `00` for what it does not
    /// give ([`domain::edition::EditionOrder`]): editions of a key sort by it.
    pub edition_order: String,
    /// Official URL or file name.
    pub source: String,
    /// Licence or terms, if stated.
    pub licence: Option<String>,
    /// Whether the data are fictional.
    pub fictional: bool,
    /// When it was imported (RFC 3339, UTC).
    pub imported_at: String,
    /// Whether it is its key's default (newest) edition.
    pub is_default: bool,
    /// The files read: (name, SHA-256, bytes); checksums are absent for files only named
    /// by values' provenance.
    pub files: Vec<(String, Option<String>, Option<i64>)>,
    /// Rows stored: areas, values, pairs, policies.
    pub rows: [i64; 4],
}

/// A stored value for one area.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredAreaValue {
    /// The import it belongs to.
    pub import_id: i64,
    /// The indicator code.
    pub indicator: String,
    /// The area.
    pub area: Iso3,
    /// The year.
    pub year: i32,
    /// The sex breakdown.
    pub sex: Sex,
    /// The value.
    pub value: f64,
    /// The unit.
    pub unit: Unit,
    /// Where it was read.
    pub provenance: Provenance,
}

/// A stored number for one area, without its provenance: see
/// [`Store::indicator_numbers`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AreaNumber {
    /// The import it belongs to.
    pub import_id: i64,
    /// The area.
    pub area: Iso3,
    /// The year.
    pub year: i32,
    /// The value.
    pub value: f64,
    /// The unit.
    pub unit: Unit,
}

/// A stored value for a pair of areas.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredPairValue {
    /// The import it belongs to.
    pub import_id: i64,
    /// The indicator code.
    pub indicator: String,
    /// The first area (origin, or remittance sender).
    pub from: Iso3,
    /// The second area (destination, or remittance receiver).
    pub to: Iso3,
    /// The year.
    pub year: i32,
    /// The sex breakdown.
    pub sex: Sex,
    /// The value.
    pub value: f64,
    /// The unit.
    pub unit: Unit,
    /// Where it was read.
    pub provenance: Provenance,
}

/// A stored policy with the import it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPolicy {
    /// The import it belongs to.
    pub import_id: i64,
    /// The policy.
    pub policy: Policy,
}

/// A file of an import: name, SHA-256 and bytes.
type ImportFile = (String, Option<String>, Option<i64>);

fn corrupt(what: &'static str, value: &str) -> Error {
    Error::Corrupt { what, value: value.to_owned() }
}

fn iso3(s: &str) -> Result<Iso3, Error> {
    Iso3::parse(s).map_err(|_| corrupt("area code", s))
}

fn sex(s: &str) -> Result<Sex, Error> {
    Sex::parse(s).ok_or_else(|| corrupt("sex", s))
}

fn unit(s: &str) -> Result<Unit, Error> {
    Unit::parse(s).ok_or_else(|| corrupt("unit", s))
}

fn provenance(row: &AnyRow) -> Result<Provenance, Error> {
    Ok(Provenance {
        file: row.try_get("file")?,
        sheet: row.try_get("sheet")?,
        row: row.try_get::<Option<i64>, _>("row_no")?.map(|r| r as u32),
        column: row.try_get("col")?,
    })
}

impl Store {
    /// Every stored import, by dataset key and then newest edition first.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn datasets(&self) -> Result<Vec<DatasetRecord>, Error> {
        let rows = sqlx::query(
            "SELECT i.*, CASE WHEN i.id IN (SELECT id FROM default_imports) THEN 1 ELSE 0 END AS is_default
             FROM imports i ORDER BY i.dataset_key, i.edition_order DESC, i.edition DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        // Every import's files in one statement, in the order of their ids.
        let all_files: Vec<(i64, String, Option<String>, Option<i64>)> = sqlx::query_as(
            "SELECT import_id, name, sha256, bytes FROM import_files ORDER BY import_id, id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut files_of: std::collections::HashMap<i64, Vec<ImportFile>> =
            std::collections::HashMap::new();
        for (import_id, name, sha256, bytes) in all_files {
            files_of.entry(import_id).or_default().push((name, sha256, bytes));
        }
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let id: i64 = row.try_get("id")?;
            let files = files_of.remove(&id).unwrap_or_default();
            out.push(DatasetRecord {
                id,
                key: row.try_get("dataset_key")?,
                publisher: row.try_get("publisher")?,
                title: row.try_get("title")?,
                edition: row.try_get("edition")?,
                edition_order: row.try_get("edition_order")?,
                source: row.try_get("source")?,
                licence: row.try_get("licence")?,
                fictional: row.try_get::<i64, _>("fictional")? != 0,
                imported_at: row.try_get("imported_at")?,
                is_default: row.try_get::<i64, _>("is_default")? != 0,
                files,
                rows: [
                    row.try_get("n_areas")?,
                    row.try_get("n_values")?,
                    row.try_get("n_pairs")?,
                    row.try_get("n_policies")?,
                ],
            });
        }
        Ok(out)
    }

    /// Areas defined by default imports (e.g. the demo world's fictional countries).
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad codes.
    pub async fn defined_areas(&self) -> Result<Vec<(i64, Area)>, Error> {
        let rows = sqlx::query(self.scoped(
            "SELECT import_id, iso3, m49, name, kind FROM areas
             WHERE import_id IN (SELECT id FROM default_imports) ORDER BY iso3, import_id",
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let code: String = row.try_get("iso3")?;
                let kind: String = row.try_get("kind")?;
                let m49: Option<i64> = row.try_get("m49")?;
                Ok((
                    row.try_get("import_id")?,
                    Area {
                        iso3: iso3(&code)?,
                        m49: m49.and_then(|m| u16::try_from(m).ok()).and_then(|m| M49::new(m).ok()),
                        name: row.try_get("name")?,
                        kind: AreaKind::parse(&kind).ok_or_else(|| corrupt("area kind", &kind))?,
                    },
                ))
            })
            .collect()
    }

    /// Values of `indicator` for `area` from default imports, by year and sex.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn area_values(
        &self,
        indicator: &str,
        area: Iso3,
    ) -> Result<Vec<StoredAreaValue>, Error> {
        let rows = sqlx::query(self.scoped("SELECT v.*, f.name AS file FROM area_values v JOIN import_files f ON f.id = v.file_id
             WHERE v.indicator = $1 AND v.area = $2 AND v.import_id IN (SELECT id FROM default_imports)
             ORDER BY v.year, v.sex, v.import_id"),
        )
        .bind(indicator)
        .bind(area.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(area_value).collect()
    }

    /// Values of a bilateral `indicator` from default imports, for pairs whose first
    /// area is `from` (when given) and whose second is `to` (when given).
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn pair_values(
        &self,
        indicator: &str,
        from: Option<Iso3>,
        to: Option<Iso3>,
    ) -> Result<Vec<StoredPairValue>, Error> {
        // One statement per case, so that SQLite uses the index on the given end
        // (`?2 IS NULL OR from_area = ?2` would scan the whole table).
        macro_rules! pairs_sql {
            ($filter:literal) => {
                concat!(
                    "SELECT v.*, f.name AS file FROM pair_values v JOIN import_files f ON f.id = v.file_id
                     WHERE v.indicator = $1 AND ",
                    $filter,
                    " AND v.import_id IN (SELECT id FROM default_imports)
                     ORDER BY v.year, v.from_area, v.to_area, v.sex, v.import_id"
                )
            };
        }
        let sql = match (from.is_some(), to.is_some()) {
            (true, true) => pairs_sql!("v.from_area = $2 AND v.to_area = $3"),
            (true, false) => pairs_sql!("v.from_area = $2 AND $3 IS NULL"),
            (false, true) => pairs_sql!("v.to_area = $3 AND $2 IS NULL"),
            (false, false) => pairs_sql!("$2 IS NULL AND $3 IS NULL"),
        };
        let rows = sqlx::query(self.scoped(sql))
            .bind(indicator)
            .bind(from.map(|a| a.as_str().to_owned()))
            .bind(to.map(|a| a.as_str().to_owned()))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(pair_value).collect()
    }

    /// Values of every indicator for `area` from default imports, by indicator, year,
    /// sex and import: what [`Store::area_values`] returns for each indicator, in one
    /// statement (a profile reads most indicators of its country).
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn area_values_of(&self, area: Iso3) -> Result<Vec<StoredAreaValue>, Error> {
        let rows = sqlx::query(self.scoped(
            "SELECT v.*, f.name AS file FROM area_values v JOIN import_files f ON f.id = v.file_id
             WHERE v.area = $1 AND v.import_id IN (SELECT id FROM default_imports)
             ORDER BY v.indicator, v.year, v.sex, v.import_id",
        ))
        .bind(area.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(area_value).collect()
    }

    /// Values of every bilateral indicator from default imports for the pairs with
    /// `area` at `end` ([`End::From`]: the first area, origin or sender; [`End::To`]:
    /// the second), by indicator and then in the order of [`Store::pair_values`]: what
    /// it returns for each indicator, in one statement.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn pair_values_of(
        &self,
        area: Iso3,
        end: End,
    ) -> Result<Vec<StoredPairValue>, Error> {
        let sql = match end {
            End::From => {
                "SELECT v.*, f.name AS file FROM pair_values v JOIN import_files f ON f.id = v.file_id
                 WHERE v.from_area = $1 AND v.import_id IN (SELECT id FROM default_imports)
                 ORDER BY v.indicator, v.year, v.from_area, v.to_area, v.sex, v.import_id"
            }
            End::To => {
                "SELECT v.*, f.name AS file FROM pair_values v JOIN import_files f ON f.id = v.file_id
                 WHERE v.to_area = $1 AND v.import_id IN (SELECT id FROM default_imports)
                 ORDER BY v.indicator, v.year, v.from_area, v.to_area, v.sex, v.import_id"
            }
        };
        let rows = sqlx::query(self.scoped(sql)).bind(area.as_str()).fetch_all(&self.pool).await?;
        rows.iter().map(pair_value).collect()
    }

    /// Values of `indicator` for `sex` and `year`, for all areas, from default imports,
    /// without provenance: [`Store::indicator_numbers`] of one year.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn indicator_numbers_in(
        &self,
        indicator: &str,
        sex: Sex,
        year: i32,
    ) -> Result<Vec<AreaNumber>, Error> {
        let rows = sqlx::query(self.scoped(
            "SELECT import_id, area, year, value, unit FROM area_values
             WHERE indicator = $1 AND sex = $2 AND year = $3
               AND import_id IN (SELECT id FROM default_imports)
             ORDER BY area, year, import_id",
        ))
        .bind(indicator)
        .bind(sex.as_str())
        .bind(i64::from(year))
        .fetch_all(&self.pool)
        .await?;
        area_numbers(&rows)
    }

    /// The policies of `country`'s register, from default imports.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn policies(&self, country: Iso3) -> Result<Vec<StoredPolicy>, Error> {
        let rows = sqlx::query(self.scoped("SELECT * FROM policies WHERE country = $1 AND import_id IN (SELECT id FROM default_imports)
             ORDER BY id"),
        )
        .bind(country.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(policy_from_row).collect()
    }
}

/// Rows of `import_id, area, year, value, unit` as numbers.
fn area_numbers(rows: &[AnyRow]) -> Result<Vec<AreaNumber>, Error> {
    let mut out = Vec::with_capacity(rows.len());
    // Units repeat: parse each distinct text once.
    let mut last_unit: Option<(String, Unit)> = None;
    for row in rows {
        let code: &str = row.try_get("area")?;
        let u: &str = row.try_get("unit")?;
        let unit = match &last_unit {
            Some((text, unit)) if text == u => *unit,
            _ => {
                let parsed = unit(u)?;
                last_unit = Some((u.to_owned(), parsed));
                parsed
            }
        };
        out.push(AreaNumber {
            import_id: row.try_get("import_id")?,
            area: iso3(code)?,
            year: row.try_get("year")?,
            value: row.try_get("value")?,
            unit,
        });
    }
    Ok(out)
}

fn area_value(row: &AnyRow) -> Result<StoredAreaValue, Error> {
    let code: String = row.try_get("area")?;
    let s: String = row.try_get("sex")?;
    let u: String = row.try_get("unit")?;
    Ok(StoredAreaValue {
        import_id: row.try_get("import_id")?,
        indicator: row.try_get("indicator")?,
        area: iso3(&code)?,
        year: row.try_get("year")?,
        sex: sex(&s)?,
        value: row.try_get("value")?,
        unit: unit(&u)?,
        provenance: provenance(row)?,
    })
}

fn pair_value(row: &AnyRow) -> Result<StoredPairValue, Error> {
    let from: String = row.try_get("from_area")?;
    let to: String = row.try_get("to_area")?;
    let s: String = row.try_get("sex")?;
    let u: String = row.try_get("unit")?;
    Ok(StoredPairValue {
        import_id: row.try_get("import_id")?,
        indicator: row.try_get("indicator")?,
        from: iso3(&from)?,
        to: iso3(&to)?,
        year: row.try_get("year")?,
        sex: sex(&s)?,
        value: row.try_get("value")?,
        unit: unit(&u)?,
        provenance: provenance(row)?,
    })
}

pub(crate) fn policy_from_row(row: &AnyRow) -> Result<StoredPolicy, Error> {
    let country: String = row.try_get("country")?;
    let stages: String = row.try_get("stages")?;
    let partners: String = row.try_get("partners")?;
    let groups: String = row.try_get("target_groups")?;
    let status: String = row.try_get("status")?;
    let tags: String = row.try_get("tags")?;
    Ok(StoredPolicy {
        import_id: row.try_get("import_id")?,
        policy: Policy {
            id: row.try_get("id")?,
            country: iso3(&country)?,
            ministry: row.try_get("ministry")?,
            title: row.try_get("title")?,
            instrument: row.try_get("instrument")?,
            stages: split_list(&stages)
                .map(|s| Stage::parse(s).ok_or_else(|| corrupt("stage", s)))
                .collect::<Result<_, _>>()?,
            area: row.try_get("area")?,
            partners: split_list(&partners).map(iso3).collect::<Result<_, _>>()?,
            target_groups: split_list(&groups).map(str::to_owned).collect(),
            status: PolicyStatus::parse(&status)
                .ok_or_else(|| corrupt("policy status", &status))?,
            start_year: row.try_get("start_year")?,
            end_year: row.try_get("end_year")?,
            objectives: row.try_get("objectives")?,
            tags: split_list(&tags).map(str::to_owned).collect(),
            source: row.try_get("source")?,
        },
    })
}

/// A sum of bilateral values for one area, year and import: see [`Store::pair_sums`].
#[derive(Clone, Debug, PartialEq)]
pub struct PairSum {
    /// The import the values belong to.
    pub import_id: i64,
    /// The area summed for (the destination, or the origin).
    pub area: Iso3,
    /// The year.
    pub year: i32,
    /// The sum.
    pub sum: f64,
    /// How many pairs were summed.
    pub n_pairs: i64,
}

/// Which end of the pairs [`Store::pair_sums`] groups by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// Group by the first area (origin, or sender): sums over the second.
    From,
    /// Group by the second area (destination, or receiver): sums over the first.
    To,
}

impl Store {
    /// Every value of `indicator` for `sex`, for all areas, from default imports.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn indicator_values(
        &self,
        indicator: &str,
        sex: Sex,
    ) -> Result<Vec<StoredAreaValue>, Error> {
        let rows = sqlx::query(self.scoped(
            "SELECT v.*, f.name AS file FROM area_values v JOIN import_files f ON f.id = v.file_id
             WHERE v.indicator = $1 AND v.sex = $2 AND v.import_id IN (SELECT id FROM default_imports)
             ORDER BY v.area, v.year, v.import_id",
        ))
        .bind(indicator)
        .bind(sex.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(area_value).collect()
    }

    /// The numbers of `indicator` for `sex`, for all areas, from default imports: as
    /// [`Store::indicator_values`] without the provenance (no file join, no strings per
    /// row), for aggregates that need only the values and their imports.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad rows.
    pub async fn indicator_numbers(
        &self,
        indicator: &str,
        sex: Sex,
    ) -> Result<Vec<AreaNumber>, Error> {
        let rows = sqlx::query(self.scoped(
            "SELECT import_id, area, year, value, unit FROM area_values
             WHERE indicator = $1 AND sex = $2 AND import_id IN (SELECT id FROM default_imports)
             ORDER BY area, year, import_id",
        ))
        .bind(indicator)
        .bind(sex.as_str())
        .fetch_all(&self.pool)
        .await?;
        area_numbers(&rows)
    }

    /// Sums of a bilateral `indicator` for `sex` by import, area and year, from default
    /// imports, leaving out pairs of an area with itself.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read, [`Error::Corrupt`] for bad codes.
    pub async fn pair_sums(
        &self,
        indicator: &str,
        sex: Sex,
        end: End,
    ) -> Result<Vec<PairSum>, Error> {
        let sql = match end {
            End::From => {
                "SELECT import_id, from_area AS area, year, SUM(value) AS s, COUNT(*) AS n FROM pair_values
                 WHERE indicator = $1 AND sex = $2 AND from_area <> to_area
                   AND import_id IN (SELECT id FROM default_imports)
                 GROUP BY import_id, from_area, year ORDER BY from_area, year, import_id"
            }
            End::To => {
                "SELECT import_id, to_area AS area, year, SUM(value) AS s, COUNT(*) AS n FROM pair_values
                 WHERE indicator = $1 AND sex = $2 AND from_area <> to_area
                   AND import_id IN (SELECT id FROM default_imports)
                 GROUP BY import_id, to_area, year ORDER BY to_area, year, import_id"
            }
        };
        let rows = sqlx::query(self.scoped(sql))
            .bind(indicator)
            .bind(sex.as_str())
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                let code: String = row.try_get("area")?;
                Ok(PairSum {
                    import_id: row.try_get("import_id")?,
                    area: iso3(&code)?,
                    year: row.try_get("year")?,
                    sum: row.try_get("s")?,
                    n_pairs: row.try_get("n")?,
                })
            })
            .collect()
    }
}

/// What the store's data are at one moment, for a cache of what is computed from them
/// (profiles, briefs): it changes with every import (added, extended or replaced), stored
/// estimate, register change, stored or signed-off answers, and every audited change of
/// accounts, workspaces, members and shares (which change who may read what). Equal
/// generations read equal data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Generation([i64; 8]);

impl Store {
    /// The store's data [`Generation`], in one query of a few index lookups.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn generation(&self) -> Result<Generation, Error> {
        let row = sqlx::query(
            "SELECT (SELECT COALESCE(MAX(id), 0) FROM imports), (SELECT COUNT(*) FROM imports),
                    (SELECT COALESCE(MAX(id), 0) FROM estimates), (SELECT COUNT(*) FROM estimates),
                    (SELECT COALESCE(MAX(seq), 0) FROM register_audit),
                    (SELECT COALESCE(MAX(id), 0) FROM assessment_answer_sets),
                    (SELECT COUNT(*) FROM answer_signoffs), (SELECT COALESCE(MAX(seq), 0) FROM audit_log)",
        )
        .fetch_one(&self.pool)
        .await?;
        let mut g = [0i64; 8];
        for (i, v) in g.iter_mut().enumerate() {
            *v = row.try_get(i)?;
        }
        Ok(Generation(g))
    }
}
