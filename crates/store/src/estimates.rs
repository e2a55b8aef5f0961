//! Fitted gravity models stored under a name, with their provenance: the estimator,
//! formula, variance type, data file (name, SHA-256, rows), coefficients, standard errors,
//! variance matrix, sample size and removal counts. Each save is one transaction.

use sqlx::{Any, Transaction};

use crate::{Error, Store};

/// The estimator of a gravity model; stored as its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Estimator {
    /// Poisson pseudo-maximum likelihood (fixest `fepois`, Stata `ppmlhdfe`).
    Ppml,
    /// Least squares with the fixed effects absorbed (fixest `feols`).
    Ols,
}

impl Estimator {
    /// The lower-case name (`ppml`, `ols`), as stored and written in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Estimator::Ppml => "ppml",
            Estimator::Ols => "ols",
        }
    }

    /// The estimator of a stored name.
    ///
    /// # Errors
    /// [`Error::Corrupt`] for a name no estimator has.
    fn parse(name: &str) -> Result<Estimator, Error> {
        match name {
            "ppml" => Ok(Estimator::Ppml),
            "ols" => Ok(Estimator::Ols),
            _ => Err(Error::Corrupt { what: "estimator", value: name.to_owned() }),
        }
    }
}

/// The data file an estimate was computed from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DataFile {
    /// The file's name (without its folder).
    pub name: String,
    /// SHA-256 of the file's bytes (64 lower-case hex digits).
    pub sha256: String,
    /// Data rows (without the header).
    pub rows: usize,
}

/// One regressor of a stored estimate.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct StoredCoefficient {
    /// The regressor as written in the formula (`log(dist)`), or `(Intercept)`.
    pub name: String,
    /// The estimate; `None` for a regressor dropped as collinear.
    pub estimate: Option<f64>,
    /// Its standard error; `None` for a regressor dropped as collinear.
    pub std_error: Option<f64>,
}

/// A fitted model with its provenance, as saved by [`Store::save_estimate`] and read
/// back by [`Store::estimate`]. The one definition of a stored estimate: `analysis`
/// returns it as it is, and its JSON is the output of front ends.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EstimateRecord {
    /// The name it is stored under (unique in the store).
    pub name: String,
    /// The estimator.
    pub estimator: Estimator,
    /// The model formula as given.
    pub formula: String,
    /// The variance estimator (`iid`, `hetero`, `cluster:a^b`).
    pub vcov_type: String,
    /// The small-sample-correction preset (`stata`, `fixest`, `pyfixest`).
    pub ssc: String,
    /// The data file's name, SHA-256 and rows.
    pub data: DataFile,
    /// Observations used in the estimation.
    pub n_obs: i64,
    /// Whether the fit converged.
    pub converged: bool,
    /// IRLS iterations (`None` for OLS).
    pub iterations: Option<i64>,
    /// Deviance (residual sum of squares for OLS).
    pub deviance: Option<f64>,
    /// Log-likelihood.
    pub log_likelihood: Option<f64>,
    /// Every regressor, in formula order (estimated ones first, then collinear ones).
    pub coefficients: Vec<StoredCoefficient>,
    /// The variance matrix over the estimated coefficients (those with an `estimate`),
    /// row by row: `k` rows of `k` values for `k` estimated coefficients.
    pub vcov: Vec<Vec<f64>>,
    /// Input rows left out, by reason (only reasons with rows).
    pub removed: Vec<(String, i64)>,
    /// When it was saved (RFC 3339, UTC). The store sets it: [`Store::save_estimate`]
    /// ignores the value given.
    pub created_at: String,
}

/// A stored estimate as listed by [`Store::estimates`]: [`EstimateRecord`] without the
/// coefficients, with its id.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct EstimateSummary {
    /// Its id in the store (not written in output).
    #[serde(skip)]
    pub id: i64,
    /// The name it is stored under.
    pub name: String,
    /// The estimator.
    pub estimator: Estimator,
    /// The model formula.
    pub formula: String,
    /// The variance estimator.
    pub vcov_type: String,
    /// The small-sample-correction preset.
    pub ssc: String,
    /// The data file's name, SHA-256 and rows.
    pub data: DataFile,
    /// Observations used.
    pub n_obs: i64,
    /// Whether the fit converged.
    pub converged: bool,
    /// When it was saved (RFC 3339, UTC).
    pub created_at: String,
}

/// What [`Store::save_estimate`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EstimateSaved {
    /// A new estimate was stored with this id.
    Added(i64),
    /// An estimate of the same name was replaced; the new one has this id.
    Replaced(i64),
    /// An estimate of that name exists (with this id) and replacing was not asked for;
    /// nothing changed.
    NameTaken(i64),
}

/// Selects the columns of a [`SummaryRow`] from `estimates`.
macro_rules! select_summary {
    ($rest:literal) => {
        concat!(
            "SELECT id, name, estimator, formula, vcov_type, ssc, data_file, data_sha256, \
             data_rows, n_obs, converged, created_at FROM estimates ",
            $rest
        )
    };
}

type SummaryRow =
    (i64, String, String, String, String, String, String, String, i64, i64, i64, String);

fn summary(
    (
        id,
        name,
        estimator,
        formula,
        vcov_type,
        ssc,
        data_file,
        data_sha256,
        data_rows,
        n_obs,
        converged,
        created_at,
    ): SummaryRow,
) -> Result<EstimateSummary, Error> {
    Ok(EstimateSummary {
        id,
        name,
        estimator: Estimator::parse(&estimator)?,
        formula,
        vcov_type,
        ssc,
        data: DataFile {
            name: data_file,
            sha256: data_sha256,
            rows: usize::try_from(data_rows).unwrap_or(0),
        },
        n_obs,
        converged: converged != 0,
        created_at,
    })
}

impl Store {
    /// Saves a fitted model under `record.name`, in one transaction. If the name is
    /// taken, the old estimate is replaced when `replace` is true, and otherwise nothing
    /// changes ([`EstimateSaved::NameTaken`]).
    ///
    /// # Errors
    /// [`Error::Storage`] (naming the store) if the disk is full, the store is
    /// read-only or an I/O error occurs, else [`Error::Query`] if the write fails (the
    /// store is then unchanged), or [`Error::Corrupt`] if `record.vcov` does not have
    /// `k × k` values for the `k` estimated coefficients.
    pub async fn save_estimate(
        &self,
        record: &EstimateRecord,
        replace: bool,
    ) -> Result<EstimateSaved, Error> {
        self.save_estimate_tx(record, replace)
            .await
            .map_err(|e| e.writing(&self.location, "saving an estimate"))
    }

    /// [`Store::save_estimate`], with the store's errors not yet named.
    async fn save_estimate_tx(
        &self,
        record: &EstimateRecord,
        replace: bool,
    ) -> Result<EstimateSaved, Error> {
        let k = record.coefficients.iter().filter(|c| c.estimate.is_some()).count();
        let values: usize = record.vcov.iter().map(Vec::len).sum();
        if record.vcov.len() != k || record.vcov.iter().any(|row| row.len() != k) {
            return Err(Error::Corrupt {
                what: "variance matrix size",
                value: format!("{values} values for {k} coefficients"),
            });
        }
        let mut tx = self.dialect.begin_write(&self.pool).await?;
        let existing: Option<(i64,)> = sqlx::query_as("SELECT id FROM estimates WHERE name = $1")
            .bind(&record.name)
            .fetch_optional(&mut *tx)
            .await?;
        if let Some((id,)) = existing {
            if !replace {
                tx.rollback().await?;
                return Ok(EstimateSaved::NameTaken(id));
            }
            sqlx::query("DELETE FROM estimates WHERE id = $1").bind(id).execute(&mut *tx).await?;
        }
        let id = insert(&mut tx, record).await?;
        tx.commit().await?;
        tracing::info!(name = %record.name, id, "saved estimate");
        Ok(if existing.is_some() { EstimateSaved::Replaced(id) } else { EstimateSaved::Added(id) })
    }

    /// Every stored estimate, by name.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn estimates(&self) -> Result<Vec<EstimateSummary>, Error> {
        let rows: Vec<SummaryRow> =
            sqlx::query_as(select_summary!("ORDER BY name")).fetch_all(&self.pool).await?;
        rows.into_iter().map(summary).collect()
    }

    /// The estimate stored under `name`, if any.
    ///
    /// # Errors
    /// [`Error::Query`] if the store cannot be read.
    pub async fn estimate(&self, name: &str) -> Result<Option<EstimateRecord>, Error> {
        let mut conn = self.pool.acquire().await?;
        let row: Option<SummaryRow> = sqlx::query_as(select_summary!("WHERE name = $1"))
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let summary = summary(row)?;
        let id = summary.id;
        let (iterations, deviance, log_likelihood): (Option<i64>, Option<f64>, Option<f64>) =
            sqlx::query_as(
                "SELECT iterations, deviance, log_likelihood FROM estimates WHERE id = $1",
            )
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
        let coefficients: Vec<(String, Option<f64>, Option<f64>)> = sqlx::query_as(
            "SELECT name, coef, se FROM estimate_coefficients WHERE estimate_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let vcov: Vec<(f64,)> = sqlx::query_as(
            "SELECT value FROM estimate_vcov WHERE estimate_id = $1 ORDER BY row, col",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let removed: Vec<(String, i64)> = sqlx::query_as(
            "SELECT reason, n_rows FROM estimate_removed WHERE estimate_id = $1 ORDER BY reason",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        let coefficients: Vec<StoredCoefficient> = coefficients
            .into_iter()
            .map(|(name, estimate, std_error)| StoredCoefficient { name, estimate, std_error })
            .collect();
        let k = coefficients.iter().filter(|c| c.estimate.is_some()).count();
        let vcov: Vec<f64> = vcov.into_iter().map(|(v,)| v).collect();
        Ok(Some(EstimateRecord {
            name: summary.name,
            estimator: summary.estimator,
            formula: summary.formula,
            vcov_type: summary.vcov_type,
            ssc: summary.ssc,
            data: summary.data,
            n_obs: summary.n_obs,
            converged: summary.converged,
            iterations,
            deviance,
            log_likelihood,
            coefficients,
            vcov: if k == 0 { Vec::new() } else { vcov.chunks(k).map(<[f64]>::to_vec).collect() },
            removed,
            created_at: summary.created_at,
        }))
    }
}

async fn insert(tx: &mut Transaction<'_, Any>, record: &EstimateRecord) -> Result<i64, Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO estimates (name, estimator, formula, vcov_type, ssc, data_file, data_sha256, \
         data_rows, n_obs, converged, iterations, deviance, log_likelihood, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(&record.name)
    .bind(record.estimator.name())
    .bind(&record.formula)
    .bind(&record.vcov_type)
    .bind(&record.ssc)
    .bind(&record.data.name)
    .bind(&record.data.sha256)
    .bind(record.data.rows as i64)
    .bind(record.n_obs)
    .bind(i64::from(record.converged))
    .bind(record.iterations)
    .bind(record.deviance)
    .bind(record.log_likelihood)
    .bind(jiff::Timestamp::now().to_string())
    .fetch_one(&mut **tx)
    .await?;
    for (position, c) in record.coefficients.iter().enumerate() {
        sqlx::query(
            "INSERT INTO estimate_coefficients (estimate_id, position, name, coef, se) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(&c.name)
        .bind(c.estimate)
        .bind(c.std_error)
        .execute(&mut **tx)
        .await?;
    }
    let k = record.coefficients.iter().filter(|c| c.estimate.is_some()).count();
    for (index, value) in record.vcov.iter().flatten().enumerate() {
        sqlx::query(
            "INSERT INTO estimate_vcov (estimate_id, row, col, value) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind((index / k) as i64)
        .bind((index % k) as i64)
        .bind(value)
        .execute(&mut **tx)
        .await?;
    }
    for (reason, n_rows) in &record.removed {
        sqlx::query(
            "INSERT INTO estimate_removed (estimate_id, reason, n_rows) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(reason)
        .bind(n_rows)
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, coef: f64) -> EstimateRecord {
        EstimateRecord {
            name: name.to_owned(),
            estimator: Estimator::Ppml,
            formula: "y ~ x + z | fe".to_owned(),
            vcov_type: "cluster:fe".to_owned(),
            ssc: "stata".to_owned(),
            data: DataFile { name: "d.csv".to_owned(), sha256: "0".repeat(64), rows: 10 },
            n_obs: 9,
            converged: true,
            iterations: Some(5),
            deviance: Some(1.5),
            log_likelihood: Some(-20.25),
            coefficients: vec![
                StoredCoefficient {
                    name: "x".to_owned(),
                    estimate: Some(coef),
                    std_error: Some(0.1),
                },
                StoredCoefficient { name: "z".to_owned(), estimate: None, std_error: None },
            ],
            vcov: vec![vec![0.01]],
            removed: vec![("missing".to_owned(), 1)],
            created_at: String::new(),
        }
    }

    /// `record` as read back: with the time the store gave it.
    fn read(store_record: EstimateRecord, saved: &EstimateRecord) -> EstimateRecord {
        assert!(!store_record.created_at.is_empty());
        EstimateRecord { created_at: saved.created_at.clone(), ..store_record }
    }

    #[tokio::test]
    async fn save_list_read_and_replace() {
        crate::testing::on_both(|location| async move {
            let store = Store::open(&location).await.unwrap();
            let first = record("fta", 0.25);
            let EstimateSaved::Added(id) = store.save_estimate(&first, false).await.unwrap() else {
                panic!("not added")
            };
            let back = store.estimate("fta").await.unwrap().unwrap();
            assert_eq!(read(back, &first), first);
            assert_eq!(store.estimates().await.unwrap()[0].id, id);
            assert_eq!(store.estimate("other").await.unwrap(), None);

            let second = record("fta", 0.5);
            assert_eq!(
                store.save_estimate(&second, false).await.unwrap(),
                EstimateSaved::NameTaken(id)
            );
            let kept = store.estimate("fta").await.unwrap().unwrap();
            assert_eq!(read(kept, &first), first, "unchanged");
            assert!(matches!(
                store.save_estimate(&second, true).await.unwrap(),
                EstimateSaved::Replaced(_)
            ));
            assert_eq!(read(store.estimate("fta").await.unwrap().unwrap(), &second), second);
            let list = store.estimates().await.unwrap();
            assert_eq!(list.len(), 1);
            assert_eq!(list[0].name, "fta");
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM estimate_coefficients")
                .fetch_one(&store.pool)
                .await
                .unwrap();
            assert_eq!(n, 2, "the replaced estimate's rows are gone");
        })
        .await;
    }

    #[test]
    fn estimators_are_stored_by_name_and_an_unknown_name_is_a_damaged_store() {
        for e in [Estimator::Ppml, Estimator::Ols] {
            assert_eq!(Estimator::parse(e.name()).unwrap(), e);
            assert_eq!(serde_json::to_string(&e).unwrap(), format!("\"{}\"", e.name()));
        }
        let err = Estimator::parse("poisson").unwrap_err();
        assert!(matches!(err, Error::Corrupt { what: "estimator", .. }), "{err}");
    }

    #[tokio::test]
    async fn a_malformed_variance_matrix_writes_nothing() {
        crate::testing::on_both(|location| async move {
            let store = Store::open(&location).await.unwrap();
            let mut bad = record("bad", 1.0);
            bad.vcov = vec![vec![1.0, 2.0]];
            assert!(store.save_estimate(&bad, false).await.is_err());
            assert!(store.estimates().await.unwrap().is_empty());
        })
        .await;
    }
}
