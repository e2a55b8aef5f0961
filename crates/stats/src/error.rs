//! The one error type of the `stats` crate.
//!
//! Every estimator returns [`Error`] for inputs it cannot work with. Numerical trouble that
//! still yields an answer (a fit that did not converge, dropped observations or variables)
//! is reported in the result's diagnostics, not here.

/// Why an estimator in `stats` could not produce a result.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A column of a regression has a different length from the dependent variable.
    #[error("column `{column}` has {len} values but the dependent variable has {expected}")]
    RegressionLength {
        /// Which column (e.g. `x[2]`, `fixef[0]`, `weights`).
        column: String,
        /// Its length.
        len: usize,
        /// The length of the dependent variable.
        expected: usize,
    },
    /// The Poisson dependent variable is negative somewhere.
    #[error("the dependent variable is negative ({value}) at row {row}; Poisson needs y >= 0")]
    NegativeOutcome {
        /// Input row.
        row: usize,
        /// The offending value.
        value: f64,
    },
    /// A regression weight is negative or not finite.
    #[error("weight {value} at row {row} is negative or not finite")]
    InvalidWeight {
        /// Input row.
        row: usize,
        /// The offending value.
        value: f64,
    },
    /// Nothing is left to estimate on after removing observations.
    #[error("no observations left to estimate on ({removed} of {total} rows removed)")]
    NoObservations {
        /// Rows removed (missing values, singletons, separation).
        removed: usize,
        /// Input rows.
        total: usize,
    },
    /// Every outcome in the Poisson estimation sample is zero: nothing to fit.
    #[error("the dependent variable is zero for all {n_obs} observations")]
    AllZeroOutcome {
        /// Observations in the sample.
        n_obs: usize,
    },
    /// A clustered variance was asked for without cluster ids, or with more than two.
    #[error("clustered standard errors need one or two cluster columns, got {got}")]
    ClusterCount {
        /// Number of cluster columns supplied.
        got: usize,
    },
    /// A regression formula could not be parsed.
    #[error("cannot parse formula `{formula}`: {reason}")]
    Formula {
        /// The formula as given.
        formula: String,
        /// What is wrong with it.
        reason: String,
    },
    // Matrix balancing, flows from stocks and remittance allocation (`ipf`, `flows`, `remit`).
    /// An input vector or matrix has the wrong size.
    #[error("{what} has size {found}, expected {expected}")]
    DimensionMismatch {
        /// Which input (e.g. `row_tot`, `stock_end rows`).
        what: &'static str,
        /// The size implied by the other inputs.
        expected: usize,
        /// The size given.
        found: usize,
    },
    /// An input value is negative or not finite where only finite non-negative values
    /// make sense (stocks, margins, seeds, inflows, incomes).
    #[error("{what} has an invalid value {value} at position {index} (column-major)")]
    InvalidValue {
        /// Which input.
        what: &'static str,
        /// Position of the value (column-major for matrices, as faer stores them).
        index: usize,
        /// The offending value.
        value: f64,
    },
    /// Two margins that must have the same total do not.
    #[error("row totals sum to {row_sum} but column totals sum to {col_sum}")]
    MarginMismatch {
        /// Sum of the row (origin) totals.
        row_sum: f64,
        /// Sum of the column (destination) totals.
        col_sum: f64,
    },
    /// An option has a value the estimator cannot use.
    #[error("option `{what}` {reason}")]
    InvalidOption {
        /// The option's name.
        what: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The start stock table is singular, so the Rogers–von Rabenau transition matrix
    /// does not exist.
    #[error(
        "stock_start is singular (pivot {pivot} at column {column}); the migration-rate transition matrix does not exist"
    )]
    SingularStock {
        /// Column of the elimination where the pivot vanished.
        column: usize,
        /// The pivot found.
        pivot: f64,
    },
    /// A per-capita income needed by the remittance weights is missing.
    #[error("income of area {index} is missing but needed by the remittance weights")]
    MissingIncome {
        /// Area index.
        index: usize,
    },
}
