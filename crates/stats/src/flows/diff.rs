//! Stock differencing and migration-rate estimators (migest `ffs_diff`, `ffs_rates`).

use faer::{Mat, MatRef};

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

/// Options for [`rates`]. Defaults are those of migest's `ffs_rates` documentation
/// example.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RatesOptions {
    /// Which variant. Default: [`RateMethod::Dennett`].
    pub method: RateMethod,
    /// Global flow total `M` for [`RateMethod::Dennett`]. Default: `None`, meaning
    /// `Σ_r |Σ_b S1[b][r] − Σ_b S0[b][r]|`, the sum of absolute changes in population by
    /// place of residence (the choice of migest's example).
    pub flow_total: Option<f64>,
}

impl Default for RatesOptions {
    fn default() -> Self {
        RatesOptions { method: RateMethod::Dennett, flow_total: None }
    }
}

/// Flows from migration rates (migest `ffs_rates`).
///
/// # Errors
/// [`Error::DimensionMismatch`] and [`Error::InvalidValue`] as [`stock_diff`];
/// [`Error::InvalidOption`] if `flow_total` is negative or not finite;
/// [`Error::SingularStock`] for Rogers–von Rabenau when `stock_start` is singular.
#[doc(alias = "ffs_rates")]
pub fn rates(
    stock_start: MatRef<'_, f64>,
    stock_end: MatRef<'_, f64>,
    options: &RatesOptions,
) -> Result<Mat<f64>, Error> {
    let (s0, s1) = square_pair(stock_start, stock_end)?;
    let n = s0.n_row;
    match options.method {
        RateMethod::Dennett => {
            let total = match options.flow_total {
                Some(m) if m.is_finite() && m >= 0.0 => m,
                Some(_) => {
                    return Err(Error::InvalidOption {
                        what: "flow_total",
                        reason: "must be finite and non-negative",
                    });
                }
                None => {
                    let (c0, c1) = (s0.col_sums(), s1.col_sums());
                    c0.iter().zip(&c1).map(|(a, b)| (b - a).abs()).sum()
                }
            };
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
        let opts = RatesOptions { method: RateMethod::RogersVonRabenau, ..Default::default() };
        assert!(matches!(rates(s0.as_ref(), s1.as_ref(), &opts), Err(Error::SingularStock { .. })));
    }
}
