//! Stock differencing and migration-rate estimators (migest `ffs_diff`, `ffs_rates`).

use faer::{Mat, MatRef};

use super::Stocks;
use crate::error::Error;
use crate::ipf::{Table, check_len, check_values};

/// How a fall in a stock is treated by [`stock_diff`] (migest's `decrease`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decrease {
    /// Falls are dropped: `F = max(ΔS, 0)` (Bertoli & Fernández-Huertas Moraga 2015;
    /// Abel & Cohen's `sd_drop_neg`).
    Zero,
    /// A fall in the stock of `b`-born in `r` is booked as a return flow `r → b`:
    /// `F = max(ΔS, 0) + max(−ΔSᵀ, 0)` (Beine & Parsons 2015; `sd_rev_neg`).
    Return,
}

/// Options for [`stock_diff`]. Defaults are migest's `ffs_diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiffOptions {
    /// Treatment of falling stocks. Default: [`Decrease::Return`].
    pub decrease: Decrease,
    /// Keep the native-born diagonal in the difference. Default: `false` (the diagonals
    /// are set to zero first, so the flow matrix has a zero diagonal).
    pub include_native_born: bool,
}

impl Default for DiffOptions {
    fn default() -> Self {
        DiffOptions { decrease: Decrease::Return, include_native_born: false }
    }
}

/// Flows as differences of two stock tables (migest `ffs_diff`).
///
/// With `ΔS = stock_end − stock_start` (diagonals zeroed unless `include_native_born`),
/// the flow from `i` to `j` is `max(ΔS[i][j], 0)` plus, for [`Decrease::Return`],
/// `max(−ΔS[j][i], 0)`. Flows are never negative.
///
/// # Errors
/// [`Error::DimensionMismatch`] if the tables are not square and of one size;
/// [`Error::InvalidValue`] if a stock is negative or not finite.
#[doc(alias = "ffs_diff")]
pub fn stock_diff(
    stock_start: MatRef<'_, f64>,
    stock_end: MatRef<'_, f64>,
    options: &DiffOptions,
) -> Result<Mat<f64>, Error> {
    let (s0, s1) = square_pair(stock_start, stock_end)?;
    let n = s0.n_row;
    let delta = |i: usize, j: usize| {
        if i == j && !options.include_native_born { 0.0 } else { s1.at(i, j) - s0.at(i, j) }
    };
    Ok(Mat::from_fn(n, n, |i, j| {
        let up = delta(i, j).max(0.0);
        match options.decrease {
            Decrease::Zero => up,
            Decrease::Return => up + (-delta(j, i)).max(0.0),
        }
    }))
}

/// The migration-rate variant of [`rates`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateMethod {
    /// Dennett (2016): a global flow total distributed in proportion to the foreign-born
    /// stocks at the start, `F = M · P / ΣP` with `P` the start table with zero diagonal.
    Dennett,
    /// Rogers & von Rabenau (1971): the transition matrix `g = S0⁻¹ S1` applied to the
    /// start population of each area, `F[i][j] = g[i][j] · Σ_b S0[b][i]`, diagonal zero.
    /// Flows can be negative.
    RogersVonRabenau,
}

/// The global flow total `M` of [`RateMethod::Dennett`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FlowTotal {
    /// The sum of absolute net migration, `M = Σ_r |n_r|`, with
    /// `n_r = (P1_r − P0_r) − (births_r − deaths_r)`, `P` the population by residence
    /// (column sums of the stock tables), and the net figures first balanced so that
    /// they sum to zero (migest `rescale_net`, "no switches": positives and negatives are
    /// each scaled to meet half-way). This is Abel & Cohen's choice: their script sets
    /// `M = sum(abs(rescale_net(net)))` with net migration from World Population
    /// Prospects, whose populations, births and deaths satisfy the same identity. Without
    /// births and deaths it is the sum of absolute population changes.
    NetMigration,
    /// `M = Σ_r |P1_r − P0_r|`, the sum of absolute population changes, births and deaths
    /// included (migest's documentation example, made for tables without births and
    /// deaths; with real tables it counts natural increase as migration).
    PopulationChange,
    /// A total given by the caller (finite, non-negative).
    Given(f64),
}

/// Options for [`rates`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RatesOptions {
    /// Which variant. Default: [`RateMethod::Dennett`].
    pub method: RateMethod,
    /// Global flow total `M` for [`RateMethod::Dennett`]. Default:
    /// [`FlowTotal::NetMigration`].
    pub flow_total: FlowTotal,
}

impl Default for RatesOptions {
    fn default() -> Self {
        RatesOptions { method: RateMethod::Dennett, flow_total: FlowTotal::NetMigration }
    }
}

/// Flows from migration rates (migest `ffs_rates`). The births and deaths of `stocks` are
/// used only by [`FlowTotal::NetMigration`].
///
/// # Errors
/// [`Error::DimensionMismatch`] and [`Error::InvalidValue`] as [`stock_diff`], and for
/// births or deaths of the wrong length or not finite;
/// [`Error::InvalidOption`] if a given `flow_total` is negative or not finite;
/// [`Error::SingularStock`] for Rogers–von Rabenau when `stock_start` is singular.
#[doc(alias = "ffs_rates")]
pub fn rates(stocks: &Stocks<'_>, options: &RatesOptions) -> Result<Mat<f64>, Error> {
    let (s0, s1) = square_pair(stocks.stock_start, stocks.stock_end)?;
    let n = s0.n_row;
    match options.method {
        RateMethod::Dennett => {
            let total = flow_total(&s0, &s1, stocks, options.flow_total)?;
            let mut p = s0;
            for i in 0..n {
                *p.at_mut(i, i) = 0.0;
            }
            let sum: f64 = p.data.iter().sum();
            let scale = if sum > 0.0 { total / sum } else { 0.0 };
            Ok(Mat::from_fn(n, n, |i, j| p.at(i, j) * scale))
        }
        RateMethod::RogersVonRabenau => {
            let g = solve(&s0, &s1)?;
            let pop = s0.col_sums();
            Ok(Mat::from_fn(n, n, |i, j| if i == j { 0.0 } else { g.at(i, j) * pop[i] }))
        }
    }
}

/// The Dennett total `M` (see [`FlowTotal`]).
fn flow_total(s0: &Table, s1: &Table, stocks: &Stocks<'_>, rule: FlowTotal) -> Result<f64, Error> {
    let change: Vec<f64> = s0.col_sums().iter().zip(s1.col_sums()).map(|(a, b)| b - a).collect();
    match rule {
        FlowTotal::Given(m) if m.is_finite() && m >= 0.0 => Ok(m),
        FlowTotal::Given(_) => Err(Error::InvalidOption {
            what: "flow_total",
            reason: "must be finite and non-negative",
        }),
        FlowTotal::PopulationChange => Ok(change.iter().map(|c| c.abs()).sum()),
        FlowTotal::NetMigration => {
            check_len("births", change.len(), stocks.births.len())?;
            check_len("deaths", change.len(), stocks.deaths.len())?;
            check_values("births", stocks.births)?;
            check_values("deaths", stocks.deaths)?;
            let net: Vec<f64> = change
                .iter()
                .zip(stocks.births.iter().zip(stocks.deaths))
                .map(|(c, (b, d))| c - (b - d))
                .collect();
            Ok(balance_net(&net).iter().map(|v| v.abs()).sum())
        }
    }
}

/// migest `rescale_net` ("no switches", without rounding): positive and negative net
/// figures are scaled so that both meet half-way and the sum is zero. If one side is
/// empty, nothing can balance it and the figures are returned as they are.
pub(crate) fn balance_net(net: &[f64]) -> Vec<f64> {
    let pos: f64 = net.iter().filter(|v| **v > 0.0).sum();
    let neg: f64 = net.iter().filter(|v| **v < 0.0).sum();
    if pos <= 0.0 || neg >= 0.0 {
        return net.to_vec();
    }
    let half = (pos + neg) / 2.0;
    let (up, down) = ((pos - half) / pos, (neg - half) / neg);
    net.iter().map(|&v| if v > 0.0 { v * up } else { v * down }).collect()
}

fn square_pair(a: MatRef<'_, f64>, b: MatRef<'_, f64>) -> Result<(Table, Table), Error> {
    let n = a.nrows();
    check_len("stock_start columns", n, a.ncols())?;
    check_len("stock_end rows", n, b.nrows())?;
    check_len("stock_end columns", n, b.ncols())?;
    let (a, b) = (Table::from_mat(a), Table::from_mat(b));
    check_values("stock_start", &a.data)?;
    check_values("stock_end", &b.data)?;
    Ok((a, b))
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting. Sequential, so the
/// bits do not depend on the thread count.
fn solve(a: &Table, b: &Table) -> Result<Table, Error> {
    let n = a.n_row;
    let mut a = a.clone();
    let mut x = b.clone();
    let scale = a.data.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let eps = f64::EPSILON * (n as f64) * scale;
    for col in 0..n {
        let (pivot_row, pivot) =
            (col..n).map(|r| (r, a.at(r, col))).fold((col, 0.0_f64), |best, (r, v)| {
                if v.abs() > best.1.abs() { (r, v) } else { best }
            });
        if pivot.abs() <= eps {
            return Err(Error::SingularStock { column: col, pivot });
        }
        if pivot_row != col {
            for j in 0..n {
                a.data.swap(j * n + col, j * n + pivot_row);
                x.data.swap(j * n + col, j * n + pivot_row);
            }
        }
        for r in col + 1..n {
            let f = a.at(r, col) / pivot;
            if f == 0.0 {
                continue;
            }
            for j in col..n {
                let v = a.at(col, j);
                *a.at_mut(r, j) -= f * v;
            }
            for j in 0..n {
                let v = x.at(col, j);
                *x.at_mut(r, j) -= f * v;
            }
        }
    }
    for col in (0..n).rev() {
        let pivot = a.at(col, col);
        for j in 0..n {
            let mut v = x.at(col, j);
            for k in col + 1..n {
                v -= a.at(col, k) * x.at(k, j);
            }
            *x.at_mut(col, j) = v / pivot;
        }
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_start_stock_is_an_error() {
        let s0 = faer::mat![[1.0, 2.0], [2.0, 4.0]];
        let s1 = faer::mat![[1.0, 2.0], [2.0, 5.0]];
        let zero = [0.0; 2];
        let stocks = Stocks {
            stock_start: s0.as_ref(),
            stock_end: s1.as_ref(),
            births: &zero,
            deaths: &zero,
        };
        let opts = RatesOptions { method: RateMethod::RogersVonRabenau, ..Default::default() };
        assert!(matches!(rates(&stocks, &opts), Err(Error::SingularStock { .. })));
    }

    #[test]
    fn net_migration_is_balanced_before_it_is_summed() {
        // Positives 30, negatives −10: both move half-way, to 20 and −20.
        let got = balance_net(&[20.0, 10.0, -10.0, 0.0]);
        for (g, want) in got.iter().zip([40.0 / 3.0, 20.0 / 3.0, -20.0, 0.0]) {
            assert!((g - want).abs() < 1e-12, "{got:?}");
        }
        assert_eq!(balance_net(&[5.0, 1.0]), vec![5.0, 1.0]);
    }

    #[test]
    fn the_default_total_is_net_migration_not_population_change() {
        // Area 0 grows by 100 with 100 more births than deaths: no migration. Area 1 gains
        // 10 people from area 2. migest's example total would count 120.
        let s0 = faer::mat![[1000.0, 0.0, 0.0], [0.0, 500.0, 0.0], [0.0, 20.0, 500.0]];
        let s1 = faer::mat![[1100.0, 0.0, 0.0], [0.0, 500.0, 0.0], [0.0, 30.0, 490.0]];
        let (births, deaths) = ([150.0, 0.0, 0.0], [50.0, 0.0, 0.0]);
        let stocks = Stocks {
            stock_start: s0.as_ref(),
            stock_end: s1.as_ref(),
            births: &births,
            deaths: &deaths,
        };
        let net = rates(&stocks, &RatesOptions::default()).unwrap();
        // M = |0| + |10| + |−10| = 20, all on the one foreign-born stock (2 in 1).
        assert!((net[(2, 1)] - 20.0).abs() < 1e-12);
        let old = RatesOptions { flow_total: FlowTotal::PopulationChange, ..Default::default() };
        assert!((rates(&stocks, &old).unwrap()[(2, 1)] - 120.0).abs() < 1e-12);
    }
}
