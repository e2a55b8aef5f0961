//! The bilateral remittance matrix: each country's remittance inflow allocated across the
//! countries where its emigrants live (Ratha & Shaw 2007; Mohapatra & Ratha 2010, annex
//! eqs. 2A.1–2A.3; the World Bank/KNOMAD Bilateral Remittance Matrix).
//!
//! For a receiving (origin) country `i` with inflow `R_i`, the amount sent from host `j`
//! is `R_ij = w_ij · R_i` with weights `w_ij = v_ij / Σ_j v_ij` over hosts `j ≠ i` holding
//! emigrants from `i` (`M_ij > 0`), outside the zero-corridor list. The raw weight `v_ij`
//! is set by [`Weighting`]:
//!
//! | variant | `v_ij` | source |
//! | --- | --- | --- |
//! | [`Weighting::MigrantStock`] | `M_ij` | annex eq. 2A.1 |
//! | [`Weighting::HostIncome`] | `M_ij · y_j` | annex, second rule (in words) |
//! | [`Weighting::IncomeDifference`] | `M_ij · g(y_i, y_j)`, `g` set by [`IncomeFloor`] | annex, third rule (in words); `g` fitted |
//!
//! The annex names the third rule only in words (weights that take into account migrants'
//! incomes abroad as well as the origin's income); its functional form is not quoted here.
//! The default `g` ([`IncomeFloor::OriginIncome`]) is the form the published 2017 and 2018
//! matrices follow: within a receiver, what a migrant remits does not depend on the host's
//! income when the host is poorer than the origin, and grows linearly with the income gap
//! when the host is richer. Its one parameter is fitted to those matrices
//! ([`FITTED_GAP_SHARE`]; `docs/validation.md`). South–South corridors (poorer hosts)
//! therefore keep a positive share, as in Ratha & Shaw's estimates (South–South
//! remittances 10–29 % of developing countries' receipts in 2005, depending on the rule).
//!
//! `y` is per-capita income; which series is the caller's choice. The published matrices'
//! notes say both incomes are proxied by per-capita incomes in PPP terms (2017 workbook,
//! caveat (b); the 2021 matrix's Data360 metadata); a World Bank box on the remittance
//! *forecasts* (Mohapatra & Ratha in *The Day After Tomorrow*, 2010, box 17.4) uses the
//! host's nominal income instead. Each allocated column sums to its inflow (mass
//! preservation); host totals are estimated outflows and are never forced to match
//! balance-of-payments outflows.
//!
//! Nothing is filled in silently: a missing inflow leaves the origin's column missing
//! (`NaN`), not zero; an inflow that cannot be allocated (no emigrants, or all weights zero)
//! is reported; a missing income is an error by default ([`MissingIncome`]).
//!
//! # Conventions
//! The migrant stock `stock[(i, j)]` is origin (place of birth) × host (residence), as in
//! the World Bank Bilateral Migration Matrix. The output is host (sending) × origin
//! (receiving), the layout of the published remittance matrix: `sent[(j, i)]` is money
//! sent from `j` to `i`. Areas are indexed alike in every input.
//!
//! # Example
//! ```
//! use stats::remit::{self, RemitInput, RemitOptions, Weighting};
//!
//! // Origin 0 receives 100; its emigrants live in areas 1, 2, 3.
//! let stock = faer::mat![
//!     [0.0, 50.0, 30.0, 20.0],
//!     [0.0, 0.0, 0.0, 0.0],
//!     [0.0, 0.0, 0.0, 0.0],
//!     [0.0, 0.0, 0.0, 0.0]];
//! let input = RemitInput {
//!     stock: stock.as_ref(),
//!     inflows: &[Some(100.0), None, None, None],
//!     income: &[Some(10.0), Some(40.0), Some(20.0), Some(5.0)],
//!     zero_corridors: &[],
//!     other_areas: &[],
//! };
//! let options = RemitOptions { weighting: Weighting::HostIncome, ..RemitOptions::default() };
//! let m = remit::allocate(&input, &options)?;
//! assert!((m.sent[(1, 0)] - 74.074074).abs() < 1e-6);
//! # Ok::<(), stats::Error>(())
//! ```
//!
//! # References
//! * Ratha, D. and Shaw, W. (2007). *South-South Migration and Remittances*. World Bank
//!   Working Paper 102.
//! * Mohapatra, S. and Ratha, D. (2010). Forecasting migrant remittances during the global
//!   financial crisis. World Bank Policy Research Working Paper 5512, annex.
//! * Mohapatra, S. and Ratha, D. (2010). The impact of the global financial crisis on
//!   migration and remittances. In *The Day After Tomorrow*, World Bank, box 17.4.
//! * World Bank/KNOMAD, Bilateral Remittance Estimates for 2017 (April 2018 version),
//!   notes under the matrix; Bilateral Remittance Matrix 2021, Data360 indicator `WB_KNOMAD_BRE`.

use faer::{Mat, MatRef};

use crate::error::Error;
use crate::ipf::{Table, check_len, check_values};

/// How the raw weight of host `j` for origin `i` is formed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Weighting {
    /// First rule (annex eq. 2A.1): `v_ij = M_ij`.
    MigrantStock,
    /// Second rule: migrants' incomes, proxied by `v_ij = M_ij · y_j`.
    HostIncome,
    /// Third rule: migrants' incomes abroad and the origin's income,
    /// `v_ij = M_ij · g(y_i, y_j)` with `g` set by `floor`. The annex gives this rule in
    /// words only; see [`IncomeFloor`] for the forms offered and where each comes from.
    IncomeDifference {
        /// How `g` treats hosts no richer than the origin.
        floor: IncomeFloor,
    },
}

/// The gap share of [`IncomeFloor::OriginIncome`] that reproduces the published
/// 2017 and 2018 matrices best (least total absolute deviation over both years, PPP
/// incomes; `docs/validation.md` gives the fit and the command that reproduces it).
pub const FITTED_GAP_SHARE: f64 = 0.06;

/// The income term `g` of [`Weighting::IncomeDifference`], with `d = y_j − y_i` the host's
/// income minus the origin's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IncomeFloor {
    /// `g = y_i + k · max(d, 0)` (default, `k` = [`FITTED_GAP_SHARE`]): every emigrant
    /// weighs at least the origin's income, and emigrants in richer hosts add the share
    /// `k` of the income gap. This is the shape of the published matrices (in a poorer
    /// host, what a migrant remits does not vary with the host's income). `k = 0` gives
    /// the migrant-stock weights; as `k` grows the weights approach those of
    /// [`IncomeFloor::Zero`] for every receiver with a richer host.
    OriginIncome(f64),
    /// `g = max(d, 0)`: emigrants in hosts no richer than the origin are given no weight,
    /// so South–South corridors from poorer hosts vanish and a receiver whose emigrants all
    /// live in poorer hosts is unallocatable. The published matrices do not do this
    /// (their poorer-host corridors are positive); kept as an option.
    Zero,
    /// `g = max(d, share · y_j)`: emigrants in poorer hosts remit in proportion to `share`
    /// of the host income (`share = 1` gives [`Weighting::HostIncome`]).
    HostIncomeShare(f64),
}

impl IncomeFloor {
    /// `g` for origin income `origin` and host income `host`.
    fn term(self, origin: f64, host: f64) -> f64 {
        let gap = host - origin;
        match self {
            IncomeFloor::OriginIncome(k) => origin + k * gap.max(0.0),
            IncomeFloor::Zero => gap.max(0.0),
            IncomeFloor::HostIncomeShare(share) => gap.max(share * host),
        }
    }
}

/// What to do when an income needed by the weights is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingIncome {
    /// Return [`Error::MissingIncome`].
    Fail,
    /// Leave the origins that need it unallocated ([`OriginStatus::MissingIncome`]).
    SkipOrigin,
    /// Drop the host from those origins' denominators, so its share goes to the other
    /// hosts; each drop is reported ([`RemitDiagnostic::HostDropped`]). A missing origin
    /// income still skips the origin.
    DropHost,
}

/// How residual areas ("Other North", "Other South": emigrants whose host country is not
/// identified) are treated as hosts. As origins they are never allocated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherHosts {
    /// As any other host; under the income variants their income must be given (e.g. a
    /// group average).
    Allocate,
    /// Excluded from the denominators: their emigrants' share goes to identified hosts.
    /// Each exclusion is reported ([`RemitDiagnostic::OtherHostExcluded`]).
    Exclude,
}

/// Options for [`allocate`].
///
/// The default weighting is the third rule ([`Weighting::IncomeDifference`]) with the
/// origin-income floor at the gap share fitted to the published matrices, over whatever
/// income series the caller passes (the published matrices' notes name PPP per-capita
/// incomes; the fit uses them).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RemitOptions {
    /// Default: `IncomeDifference { floor: IncomeFloor::OriginIncome(FITTED_GAP_SHARE) }`.
    pub weighting: Weighting,
    /// Default: [`MissingIncome::Fail`].
    pub missing_income: MissingIncome,
    /// Default: [`OtherHosts::Allocate`].
    pub other_hosts: OtherHosts,
}

impl Default for RemitOptions {
    fn default() -> Self {
        RemitOptions {
            weighting: Weighting::IncomeDifference {
                floor: IncomeFloor::OriginIncome(FITTED_GAP_SHARE),
            },
            missing_income: MissingIncome::Fail,
            other_hosts: OtherHosts::Allocate,
        }
    }
}

/// The inputs of [`allocate`]; all indexed by the same `n` areas.
#[derive(Clone, Copy, Debug)]
pub struct RemitInput<'a> {
    /// Migrant stock, origin × host (`n × n`). The diagonal is ignored.
    pub stock: MatRef<'a, f64>,
    /// Remittance inflow of each area as an origin (any currency unit; the output is in
    /// the same unit). `None` = not reported.
    pub inflows: &'a [Option<f64>],
    /// Per-capita income of each area. `None` = not available.
    pub income: &'a [Option<f64>],
    /// `(origin, host)` pairs forced to zero (e.g. both directions of a closed border).
    pub zero_corridors: &'a [(usize, usize)],
    /// Residual areas such as "Other North" and "Other South".
    pub other_areas: &'a [usize],
}

/// What happened to one origin's inflow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OriginStatus {
    /// Allocated; its column sums to the inflow.
    Allocated,
    /// No inflow reported: column left missing (`NaN`).
    MissingInflow,
    /// An inflow is reported but no host has positive weight (no emigrants, or all weights
    /// zero): column left missing.
    Unallocatable {
        /// The inflow that could not be placed.
        inflow: f64,
    },
    /// An income the weights need is missing ([`MissingIncome::SkipOrigin`]): column left
    /// missing.
    MissingIncome {
        /// The area whose income is missing.
        area: usize,
    },
    /// A residual area ("Other North"/"Other South"): never an origin.
    OtherArea,
}

/// A host-level adjustment, reported for transparency.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RemitDiagnostic {
    /// A host without income was dropped from an origin's denominator
    /// ([`MissingIncome::DropHost`]).
    HostDropped {
        /// Receiving area.
        origin: usize,
        /// Dropped host.
        host: usize,
        /// Emigrants of `origin` living in `host`.
        stock: f64,
    },
    /// A residual host was excluded ([`OtherHosts::Exclude`]).
    OtherHostExcluded {
        /// Receiving area.
        origin: usize,
        /// Excluded residual host.
        host: usize,
        /// Emigrants of `origin` living in `host`.
        stock: f64,
    },
    /// An inflow was given for a residual area and ignored.
    InflowOfOtherArea {
        /// The residual area.
        area: usize,
    },
}

/// A bilateral remittance matrix. Plain data.
#[derive(Clone, Debug)]
pub struct RemitMatrix {
    /// Host (sending) × origin (receiving): `sent[(j, i)]` is remitted from `j` to `i`.
    /// Columns of origins not allocated are `NaN`.
    pub sent: Mat<f64>,
    /// One status per origin.
    pub status: Vec<OriginStatus>,
    /// Host-level adjustments.
    pub diagnostics: Vec<RemitDiagnostic>,
}

impl RemitMatrix {
    /// Estimated outflows of each host: the row sums of `sent` over allocated origins.
    pub fn host_outflows(&self) -> Vec<f64> {
        (0..self.sent.nrows())
            .map(|j| {
                (0..self.sent.ncols())
                    .filter(|&i| self.status[i] == OriginStatus::Allocated)
                    .map(|i| self.sent[(j, i)])
                    .sum()
            })
            .collect()
    }
}

/// Allocates each origin's remittance inflow across its emigrants' hosts.
///
/// # Errors
/// [`Error::DimensionMismatch`] if the stock is not square or a vector's length differs;
/// [`Error::InvalidValue`] for a negative or non-finite stock, inflow or income, or an
/// area index out of range in `zero_corridors` or `other_areas`;
/// [`Error::InvalidOption`] for a negative or non-finite floor share or gap share;
/// [`Error::MissingIncome`] under [`MissingIncome::Fail`].
#[doc(alias = "bilateral remittance matrix")]
pub fn allocate(input: &RemitInput<'_>, options: &RemitOptions) -> Result<RemitMatrix, Error> {
    let n = input.stock.nrows();
    check_len("stock columns", n, input.stock.ncols())?;
    check_len("inflows", n, input.inflows.len())?;
    check_len("income", n, input.income.len())?;
    let stock = Table::from_mat(input.stock);
    for i in 0..n {
        for j in 0..n {
            let v = stock.at(i, j);
            if i != j && !(v.is_finite() && v >= 0.0) {
                return Err(Error::InvalidValue { what: "stock", index: j * n + i, value: v });
            }
        }
    }
    let inflows: Vec<f64> = input.inflows.iter().map(|x| x.unwrap_or(0.0)).collect();
    check_values("inflows", &inflows)?;
    let incomes: Vec<f64> = input.income.iter().map(|x| x.unwrap_or(0.0)).collect();
    check_values("income", &incomes)?;
    check_floor(options.weighting)?;
    let mut zero = vec![false; n * n];
    for (k, &(i, j)) in input.zero_corridors.iter().enumerate() {
        if i >= n || j >= n {
            let value = i.max(j) as f64;
            return Err(Error::InvalidValue { what: "zero_corridors", index: k, value });
        }
        zero[i * n + j] = true;
    }
    let mut other = vec![false; n];
    for (k, &a) in input.other_areas.iter().enumerate() {
        if a >= n {
            return Err(Error::InvalidValue { what: "other_areas", index: k, value: a as f64 });
        }
        other[a] = true;
    }

    let uses_host_income = !matches!(options.weighting, Weighting::MigrantStock);
    let uses_origin_income = matches!(options.weighting, Weighting::IncomeDifference { .. });
    let mut sent = Mat::<f64>::zeros(n, n);
    let mut status = Vec::with_capacity(n);
    let mut diagnostics = Vec::new();
    let mut weights = vec![0.0; n];
    'origin: for i in 0..n {
        let inflow = match (other[i], input.inflows[i]) {
            (true, given) => {
                if given.is_some() {
                    diagnostics.push(RemitDiagnostic::InflowOfOtherArea { area: i });
                }
                set_missing(&mut sent, i);
                status.push(OriginStatus::OtherArea);
                continue;
            }
            (false, None) => {
                set_missing(&mut sent, i);
                status.push(OriginStatus::MissingInflow);
                continue;
            }
            (false, Some(r)) => r,
        };
        let origin_income = if uses_origin_income {
            match input.income[i] {
                Some(y) => y,
                None if options.missing_income == MissingIncome::Fail => {
                    return Err(Error::MissingIncome { index: i });
                }
                None => {
                    set_missing(&mut sent, i);
                    status.push(OriginStatus::MissingIncome { area: i });
                    continue;
                }
            }
        } else {
            0.0
        };
        let mut origin_diagnostics = Vec::new();
        for j in 0..n {
            weights[j] = 0.0;
            let m = stock.at(i, j);
            if j == i || m <= 0.0 || zero[i * n + j] {
                continue;
            }
            if other[j] && options.other_hosts == OtherHosts::Exclude {
                origin_diagnostics.push(RemitDiagnostic::OtherHostExcluded {
                    origin: i,
                    host: j,
                    stock: m,
                });
                continue;
            }
            let host_income = if uses_host_income {
                match (input.income[j], options.missing_income) {
                    (Some(y), _) => y,
                    (None, MissingIncome::Fail) => return Err(Error::MissingIncome { index: j }),
                    (None, MissingIncome::SkipOrigin) => {
                        set_missing(&mut sent, i);
                        status.push(OriginStatus::MissingIncome { area: j });
                        continue 'origin;
                    }
                    (None, MissingIncome::DropHost) => {
                        origin_diagnostics.push(RemitDiagnostic::HostDropped {
                            origin: i,
                            host: j,
                            stock: m,
                        });
                        continue;
                    }
                }
            } else {
                0.0
            };
            weights[j] = match options.weighting {
                Weighting::MigrantStock => m,
                Weighting::HostIncome => m * host_income,
                Weighting::IncomeDifference { floor } => m * floor.term(origin_income, host_income),
            };
        }
        diagnostics.append(&mut origin_diagnostics);
        let total: f64 = weights.iter().sum();
        if inflow == 0.0 {
            status.push(OriginStatus::Allocated);
            continue;
        }
        if total <= 0.0 {
            set_missing(&mut sent, i);
            status.push(OriginStatus::Unallocatable { inflow });
            continue;
        }
        for (j, w) in weights.iter().enumerate() {
            sent[(j, i)] = w / total * inflow;
        }
        status.push(OriginStatus::Allocated);
    }
    Ok(RemitMatrix { sent, status, diagnostics })
}

/// The floor's parameter must be finite and non-negative.
fn check_floor(weighting: Weighting) -> Result<(), Error> {
    let (what, value) = match weighting {
        Weighting::IncomeDifference { floor: IncomeFloor::HostIncomeShare(s) } => {
            ("floor share", s)
        }
        Weighting::IncomeDifference { floor: IncomeFloor::OriginIncome(k) } => ("gap share", k),
        _ => return Ok(()),
    };
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(Error::InvalidOption { what, reason: "must be finite and non-negative" })
    }
}

fn set_missing(sent: &mut Mat<f64>, origin: usize) {
    for j in 0..sent.nrows() {
        sent[(j, origin)] = f64::NAN;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_origin(weighting: Weighting) -> RemitMatrix {
        let stock = faer::mat![
            [0.0, 50.0, 30.0, 20.0],
            [0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0]
        ];
        let input = RemitInput {
            stock: stock.as_ref(),
            inflows: &[Some(100.0), None, Some(0.0), Some(5.0)],
            income: &[Some(10.0), Some(40.0), Some(20.0), Some(5.0)],
            zero_corridors: &[],
            other_areas: &[],
        };
        allocate(&input, &RemitOptions { weighting, ..RemitOptions::default() }).unwrap()
    }

    #[test]
    fn status_of_each_origin_is_reported() {
        let m = one_origin(Weighting::MigrantStock);
        assert_eq!(m.status[0], OriginStatus::Allocated);
        assert_eq!(m.status[1], OriginStatus::MissingInflow);
        assert_eq!(m.status[2], OriginStatus::Allocated);
        assert_eq!(m.status[3], OriginStatus::Unallocatable { inflow: 5.0 });
        assert!(m.sent[(0, 1)].is_nan());
        assert!(m.sent[(0, 3)].is_nan());
        assert!(m.sent[(0, 2)].abs() < 1e-300);
    }
}
