//! Matrix balancing: iterative proportional fitting (IPF, also called RAS) and
//! conditional maximisation (CM).
//!
//! Given row totals `r`, column totals `c` and a non-negative seed `m`, two-way IPF finds
//! `y[i][j] = a[i] * b[j] * m[i][j]` whose margins match `r` and `c`. This is the
//! maximum-likelihood fit of the log-linear model
//! `log y_ij = log a_i + log b_j + log m_ij` (Agresti 2002, p. 343; Willekens 1999).
//! Conditional maximisation ([`cm2`], [`cm3`]) reaches the same fixed point by updating the
//! parameters `a` and `b` instead of the table, and reports them.
//!
//! * [`fit2`]: two-way IPF; either margin may be absent (migest `ipf2`, `mipfp::Ipfp`).
//! * [`fit3`]: three-way IPF of an origin × destination × birthplace array to its
//!   (origin, birthplace) and (destination, birthplace) margins (migest `ipf3`).
//! * [`cm2`], [`cm3`]: conditional maximisation with the parameter estimates (migest `cm2`,
//!   `cm3`).
//!
//! # Conventions
//!
//! Matrices are [`faer::Mat`] (inputs borrowed as [`MatRef`]); a three-way array is a
//! slice of matrices, one per level of the third dimension, so `y[k][(i, j)]` is the cell
//! (origin `i`, destination `j`, birthplace `k`). Structural zeros are zeros in the seed:
//! they stay zero. A zero target margin zeroes its cells. Scaling factors follow
//! `mipfp::Ipfp`: a factor is `target / current`, and `0` when either is `0`.
//!
//! Every fit reports its iteration count, its largest remaining margin error and whether
//! the stopping rule was met. A fit that did not converge is returned with
//! `converged == false`; it is never silently passed off as a solution.
//!
//! # Example
//! ```
//! use stats::ipf::{self, IpfOptions};
//!
//! // Willekens (1999): two regions, known margins, a prior seed matrix.
//! let seed = faer::mat![[5.0, 2.0], [1.0, 7.0]];
//! let fit = ipf::fit2(seed.as_ref(), Some(&[18.0, 20.0]), Some(&[16.0, 22.0]), &IpfOptions::default())?;
//! assert!(fit.converged);
//! assert!((fit.fitted[(0, 0)] - 13.250193).abs() < 1e-5);
//! # Ok::<(), stats::Error>(())
//! ```
//!
//! # References
//! * Agresti, A. (2002). *Categorical Data Analysis*, 2nd ed. Wiley.
//! * Willekens, F. (1999). Modelling approaches to the indirect estimation of migration
//!   flows: from entropy to EM. *Mathematical Population Studies* 7(3), 239–278.
//! * Barthélemy, J. and Suesse, T. (2018). mipfp: an R package for multidimensional array
//!   fitting and simulating multivariate Bernoulli distributions. *Journal of Statistical
//!   Software* 86, code snippet 2.

use faer::{Mat, MatRef};
use rayon::prelude::*;

use crate::error::Error;

/// The relative difference allowed between the sums of two margins that must agree.
///
/// Margins computed in floating point from the same table differ by rounding only; a
/// larger difference means the inputs are inconsistent and the fit cannot match both.
pub const MARGIN_SUM_RTOL: f64 = 1e-8;

/// When an iterative fit stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopRule {
    /// Stop when the largest absolute difference between a target margin and the fitted
    /// margin is at most `tol` (migest `ipf2`, `ipf3`).
    MarginError,
    /// Stop when the largest absolute change of any cell over one full sweep is below
    /// `tol` (`mipfp::Ipfp`, used inside migest `ffs_demo`).
    CellChange,
}

/// Options for [`fit2`] and [`fit3`].
///
/// The defaults are those of migest's `ipf2` and `ipf3` (`tol = 1e-5`, `maxit = 500`,
/// margin-error stopping rule).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IpfOptions {
    /// Convergence tolerance, in the units of the table. Default: `1e-5`.
    pub tol: f64,
    /// Maximum number of sweeps (one sweep scales every margin once). Default: `500`.
    pub maxit: u32,
    /// Which quantity is compared with `tol`. Default: [`StopRule::MarginError`].
    pub stop: StopRule,
    /// A fit is reported as converged only if, besides meeting the stopping rule, its
    /// largest margin error is at most `margin_rtol` times the largest target margin.
    /// This catches tables that stop changing without fitting their margins (infeasible
    /// margins, where IPF cycles between the row and the column fit). Default: `1e-4`.
    pub margin_rtol: f64,
}

impl Default for IpfOptions {
    fn default() -> Self {
        IpfOptions { tol: 1e-5, maxit: 500, stop: StopRule::MarginError, margin_rtol: 1e-4 }
    }
}

impl IpfOptions {
    /// The settings migest `ffs_demo` passes to `mipfp::Ipfp`: `tol = 1e-3` on the cell
    /// change, at most `1e5` sweeps.
    pub fn mipfp() -> Self {
        IpfOptions { tol: 1e-3, maxit: 100_000, stop: StopRule::CellChange, margin_rtol: 1e-4 }
    }
}

/// Options for [`cm2`] and [`cm3`].
///
/// The defaults reproduce the published migest `cm2` example (Willekens 1999 data,
/// parameters to 7 digits): `tol = 1e-6`, `maxit = 500`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CmOptions {
    /// Stop when no parameter changes by more than `tol` in a sweep. Default: `1e-6`.
    pub tol: f64,
    /// Maximum number of sweeps. Default: `500`.
    pub maxit: u32,
}

impl Default for CmOptions {
    fn default() -> Self {
        CmOptions { tol: 1e-6, maxit: 500 }
    }
}

/// How an iterative fit ended. Plain data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Convergence {
    /// Sweeps performed.
    pub iterations: u32,
    /// Largest absolute difference between a target margin and the fitted margin.
    pub max_margin_error: f64,
    /// The value of the stopping criterion at the last sweep (see [`StopRule`]).
    pub criterion: f64,
    /// Whether the stopping rule was met within `maxit` sweeps and the margins are fitted
    /// (see [`IpfOptions::margin_rtol`]).
    pub converged: bool,
}

/// A two-way IPF fit.
#[derive(Clone, Debug)]
pub struct IpfFit {
    /// The fitted table, same shape as the seed.
    pub fitted: Mat<f64>,
    /// Sweeps performed.
    pub iterations: u32,
    /// Largest absolute difference between a target margin and the fitted margin.
    pub max_margin_error: f64,
    /// Whether the stopping rule was met within `maxit` sweeps and the margins are fitted
    /// (see [`IpfOptions::margin_rtol`]).
    pub converged: bool,
}

/// A three-way IPF fit.
#[derive(Clone, Debug)]
pub struct Ipf3Fit {
    /// The fitted array: `fitted[k][(i, j)]` for origin `i`, destination `j`, birthplace `k`.
    pub fitted: Vec<Mat<f64>>,
    /// Sweeps performed.
    pub iterations: u32,
    /// Largest absolute difference between a target margin and the fitted margin.
    pub max_margin_error: f64,
    /// Whether the stopping rule was met within `maxit` sweeps and the margins are fitted
    /// (see [`IpfOptions::margin_rtol`]).
    pub converged: bool,
}

/// A two-way conditional-maximisation fit.
#[derive(Clone, Debug)]
pub struct CmFit {
    /// The fitted table `alpha[i] * beta[j] * m[i][j]`.
    pub fitted: Mat<f64>,
    /// Row (origin) parameters.
    pub alpha: Vec<f64>,
    /// Column (destination) parameters.
    pub beta: Vec<f64>,
    /// Sweeps performed.
    pub iterations: u32,
    /// Largest absolute difference between a target margin and the fitted margin.
    pub max_margin_error: f64,
    /// Whether the parameters settled within `maxit` sweeps.
    pub converged: bool,
}

/// A three-way conditional-maximisation fit ([`cm3`]).
#[derive(Clone, Debug)]
pub struct Cm3Fit {
    /// The fitted array `alpha[i] * beta[j] * m[k][(i, j)]`, one matrix per level `k`.
    pub fitted: Vec<Mat<f64>>,
    /// Row (origin) parameters.
    pub alpha: Vec<f64>,
    /// Column (destination) parameters.
    pub beta: Vec<f64>,
    /// Sweeps performed.
    pub iterations: u32,
    /// Largest absolute difference between a target margin and the fitted margin.
    pub max_margin_error: f64,
    /// Whether the parameters settled within `maxit` sweeps.
    pub converged: bool,
}

/// Fits a two-way table to its row and column totals by IPF.
///
/// Each sweep scales the rows to `row_tot`, then the columns to `col_tot` (the order of
/// `mipfp::Ipfp` with `target.list = list(1, 2)`). Either margin may be `None`: the table
/// is then fitted to the other margin only (one sweep suffices).
///
/// # Errors
/// [`Error::DimensionMismatch`] if a margin's length differs from the seed's shape;
/// [`Error::InvalidValue`] if a seed cell or target is negative or not finite;
/// [`Error::MarginMismatch`] if both margins are given and their sums differ by more
/// than [`MARGIN_SUM_RTOL`] relative; [`Error::InvalidOption`] if `tol` is not positive.
#[doc(alias = "ipf2")]
#[doc(alias = "RAS")]
pub fn fit2(
    seed: MatRef<'_, f64>,
    row_tot: Option<&[f64]>,
    col_tot: Option<&[f64]>,
    options: &IpfOptions,
) -> Result<IpfFit, Error> {
    let (n_row, n_col) = (seed.nrows(), seed.ncols());
    check_options(options.tol)?;
    if let Some(r) = row_tot {
        check_len("row_tot", n_row, r.len())?;
        check_values("row_tot", r)?;
    }
    if let Some(c) = col_tot {
        check_len("col_tot", n_col, c.len())?;
        check_values("col_tot", c)?;
    }
    if let (Some(r), Some(c)) = (row_tot, col_tot) {
        check_sums(r.iter().sum(), c.iter().sum())?;
    }
    let mut table = Table::from_mat(seed);
    check_values("seed", &table.data)?;
    let conv = table.fit(row_tot, col_tot, options);
    Ok(IpfFit {
        fitted: table.to_mat(),
        iterations: conv.iterations,
        max_margin_error: conv.max_margin_error,
        converged: conv.converged,
    })
}

/// The seed of a three-way fit.
#[derive(Clone, Copy, Debug)]
pub enum Seed3<'a> {
    /// All cells 1 (the independence model).
    Uniform,
    /// One origin × destination matrix used for every birthplace (migest recycles a 2-D
    /// seed the same way).
    Recycled(MatRef<'a, f64>),
    /// One origin × destination matrix per birthplace.
    ByPob(&'a [Mat<f64>]),
}

/// Fits an origin × destination × birthplace array to its (origin, birthplace) and
/// (destination, birthplace) margins by IPF.
///
/// `row_tot` is origin × birthplace (`row_tot[(i, k)]` = people born in `k` living in `i`
/// at the start, i.e. the transpose of a start stock table) and `col_tot` is destination ×
/// birthplace. Note that migest's `ipf3` takes its column margin as birthplace ×
/// destination; here both margins have birthplace as the column.
///
/// Both margins share the birthplace index, so the problem splits into one two-way fit per
/// birthplace. The slices are fitted in parallel, but all of them sweep in lockstep and
/// stop together, when the stopping rule holds for the whole array (as in `mipfp::Ipfp`).
/// The result does not depend on the number of threads.
///
/// # Errors
/// As [`fit2`]; the margin sums are compared birthplace by birthplace.
#[doc(alias = "ipf3")]
pub fn fit3(
    seed: Seed3<'_>,
    row_tot: MatRef<'_, f64>,
    col_tot: MatRef<'_, f64>,
    options: &IpfOptions,
) -> Result<Ipf3Fit, Error> {
    check_options(options.tol)?;
    let n_orig = row_tot.nrows();
    let n_pob = row_tot.ncols();
    let n_dest = col_tot.nrows();
    check_len("col_tot columns (birthplaces)", n_pob, col_tot.ncols())?;
    let row_margins: Vec<Vec<f64>> = (0..n_pob).map(|k| column(row_tot, k)).collect();
    let col_margins: Vec<Vec<f64>> = (0..n_pob).map(|k| column(col_tot, k)).collect();
    for k in 0..n_pob {
        check_values("row_tot", &row_margins[k])?;
        check_values("col_tot", &col_margins[k])?;
        check_sums(row_margins[k].iter().sum(), col_margins[k].iter().sum())?;
    }
    let seeds: Vec<Table> = match seed {
        Seed3::Uniform => vec![Table::filled(n_orig, n_dest, 1.0)],
        Seed3::Recycled(m) => {
            check_len("seed rows", n_orig, m.nrows())?;
            check_len("seed columns", n_dest, m.ncols())?;
            let t = Table::from_mat(m);
            check_values("seed", &t.data)?;
            vec![t]
        }
        Seed3::ByPob(ms) => {
            check_len("seed matrices (birthplaces)", n_pob, ms.len())?;
            let mut out = Vec::with_capacity(n_pob);
            for m in ms {
                check_len("seed rows", n_orig, m.nrows())?;
                check_len("seed columns", n_dest, m.ncols())?;
                let t = Table::from_mat(m.as_ref());
                check_values("seed", &t.data)?;
                out.push(t);
            }
            out
        }
    };
    let margins: Vec<(Vec<f64>, Vec<f64>)> = row_margins.into_iter().zip(col_margins).collect();
    let make = |k: usize| seeds[if seeds.len() == 1 { 0 } else { k }].clone();
    let (fitted, conv) = fit_slices(n_pob, make, &margins, options, |_, t| t.to_mat());
    Ok(Ipf3Fit {
        fitted,
        iterations: conv.iterations,
        max_margin_error: conv.max_margin_error,
        converged: conv.converged,
    })
}

/// Fits a two-way table by conditional maximisation (Willekens 1999).
///
/// Starting from `alpha = beta = 1`, each sweep sets
/// `alpha[i] = row_tot[i] / Σ_j beta[j] m[i][j]`, then
/// `beta[j] = col_tot[j] / Σ_i alpha[i] m[i][j]` (a zero denominator gives a zero
/// parameter), and stops when no parameter moved by more than `tol`. The fitted table is
/// `alpha[i] * beta[j] * m[i][j]`, the same fixed point as [`fit2`].
///
/// # Errors
/// As [`fit2`] with both margins given.
pub fn cm2(
    seed: MatRef<'_, f64>,
    row_tot: &[f64],
    col_tot: &[f64],
    options: &CmOptions,
) -> Result<CmFit, Error> {
    let fit = cm3(&[seed.to_owned()], row_tot, col_tot, options)?;
    let Cm3Fit { mut fitted, alpha, beta, iterations, max_margin_error, converged } = fit;
    Ok(CmFit {
        fitted: fitted.pop().expect("one level in, one level out"),
        alpha,
        beta,
        iterations,
        max_margin_error,
        converged,
    })
}

/// Fits a three-way array `n[k][(i, j)] = alpha[i] * beta[j] * m[k][(i, j)]` to its
/// row totals (over `j` and `k`) and column totals (over `i` and `k`) by conditional
/// maximisation (migest `cm3`).
///
/// The parameters are those of [`cm2`] applied to the seed summed over `k`.
///
/// # Errors
/// As [`cm2`]; [`Error::DimensionMismatch`] if the seed matrices differ in shape.
pub fn cm3(
    seed: &[Mat<f64>],
    row_tot: &[f64],
    col_tot: &[f64],
    options: &CmOptions,
) -> Result<Cm3Fit, Error> {
    check_options(options.tol)?;
    let (n_row, n_col) = (row_tot.len(), col_tot.len());
    check_values("row_tot", row_tot)?;
    check_values("col_tot", col_tot)?;
    check_sums(row_tot.iter().sum(), col_tot.iter().sum())?;
    let mut collapsed = Table::filled(n_row, n_col, 0.0);
    for m in seed {
        check_len("seed rows", n_row, m.nrows())?;
        check_len("seed columns", n_col, m.ncols())?;
        let t = Table::from_mat(m.as_ref());
        check_values("seed", &t.data)?;
        for (acc, x) in collapsed.data.iter_mut().zip(&t.data) {
            *acc += x;
        }
    }
    let m = &collapsed;
    let mut alpha = vec![1.0; n_row];
    let mut beta = vec![1.0; n_col];
    let mut iterations = 0;
    let mut converged = false;
    let mut denom = vec![0.0; n_col];
    let mut denom_row = vec![0.0; n_row];
    while iterations < options.maxit {
        iterations += 1;
        let mut change: f64 = 0.0;
        denom_row.fill(0.0);
        for (j, b) in beta.iter().enumerate() {
            for (d, x) in denom_row.iter_mut().zip(m.col(j)) {
                *d += b * x;
            }
        }
        for i in 0..n_row {
            let new = factor(row_tot[i], denom_row[i]);
            change = change.max((new - alpha[i]).abs());
            alpha[i] = new;
        }
        for (j, d) in denom.iter_mut().enumerate() {
            *d = m.col(j).iter().zip(&alpha).map(|(x, a)| x * a).sum();
        }
        for j in 0..n_col {
            let new = factor(col_tot[j], denom[j]);
            change = change.max((new - beta[j]).abs());
            beta[j] = new;
        }
        if change <= options.tol {
            converged = true;
            break;
        }
    }
    let fitted: Vec<Mat<f64>> = seed
        .iter()
        .map(|s| Mat::from_fn(n_row, n_col, |i, j| alpha[i] * beta[j] * s[(i, j)]))
        .collect();
    let mut row_fit = vec![0.0; n_row];
    let mut col_fit = vec![0.0; n_col];
    for f in &fitted {
        for j in 0..n_col {
            for i in 0..n_row {
                row_fit[i] += f[(i, j)];
                col_fit[j] += f[(i, j)];
            }
        }
    }
    let max_margin_error = max_abs_diff(row_tot, &row_fit).max(max_abs_diff(col_tot, &col_fit));
    Ok(Cm3Fit { fitted, alpha, beta, iterations, max_margin_error, converged })
}

// ---------------------------------------------------------------------------------------
// Kernels shared with `flows`.

/// A dense column-major table (the layout of [`faer::Mat`]): the working form of every
/// fit. Cell `(i, j)` is `data[j * n_row + i]`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Table {
    pub(crate) n_row: usize,
    pub(crate) n_col: usize,
    pub(crate) data: Vec<f64>,
}

impl Table {
    pub(crate) fn filled(n_row: usize, n_col: usize, value: f64) -> Table {
        Table { n_row, n_col, data: vec![value; n_row * n_col] }
    }

    pub(crate) fn from_mat(m: MatRef<'_, f64>) -> Table {
        let (n_row, n_col) = (m.nrows(), m.ncols());
        let mut data = Vec::with_capacity(n_row * n_col);
        for j in 0..n_col {
            data.extend((0..n_row).map(|i| m[(i, j)]));
        }
        Table { n_row, n_col, data }
    }

    pub(crate) fn to_mat(&self) -> Mat<f64> {
        Mat::from_fn(self.n_row, self.n_col, |i, j| self.data[j * self.n_row + i])
    }

    #[inline]
    pub(crate) fn at(&self, i: usize, j: usize) -> f64 {
        self.data[j * self.n_row + i]
    }

    #[inline]
    pub(crate) fn at_mut(&mut self, i: usize, j: usize) -> &mut f64 {
        &mut self.data[j * self.n_row + i]
    }

    pub(crate) fn col(&self, j: usize) -> &[f64] {
        &self.data[j * self.n_row..(j + 1) * self.n_row]
    }

    pub(crate) fn col_mut(&mut self, j: usize) -> &mut [f64] {
        let n_row = self.n_row;
        &mut self.data[j * n_row..(j + 1) * n_row]
    }

    /// Row `i` as a vector.
    pub(crate) fn row(&self, i: usize) -> Vec<f64> {
        (0..self.n_col).map(|j| self.at(i, j)).collect()
    }

    pub(crate) fn row_sums(&self) -> Vec<f64> {
        let mut out = vec![0.0; self.n_row];
        for j in 0..self.n_col {
            for (acc, x) in out.iter_mut().zip(self.col(j)) {
                *acc += x;
            }
        }
        out
    }

    pub(crate) fn col_sums(&self) -> Vec<f64> {
        (0..self.n_col).map(|j| sum(self.col(j))).collect()
    }

    /// Scales each column `j` by `target[j] / colsum[j]` (zero when either is zero):
    /// a one-margin fit, exact after one sweep.
    pub(crate) fn scale_cols_to(&mut self, target: &[f64]) {
        for (j, &t) in target.iter().enumerate() {
            let col = self.col_mut(j);
            let f = factor(t, col.iter().sum());
            col.iter_mut().for_each(|x| *x *= f);
        }
    }

    /// Scales each row `i` by `target[i] / rowsum[i]` (zero when either is zero).
    pub(crate) fn scale_rows_to(&mut self, target: &[f64]) {
        let f: Vec<f64> = target.iter().zip(self.row_sums()).map(|(&t, s)| factor(t, s)).collect();
        for j in 0..self.n_col {
            for (x, f) in self.col_mut(j).iter_mut().zip(&f) {
                *x *= f;
            }
        }
    }

    /// Fits this table to the given margins in place.
    pub(crate) fn fit(
        &mut self,
        row_tot: Option<&[f64]>,
        col_tot: Option<&[f64]>,
        options: &IpfOptions,
    ) -> Convergence {
        let mut state = SweepState::new(self);
        let mut conv = Convergence {
            iterations: 0,
            max_margin_error: state.margin_error(row_tot, col_tot),
            criterion: f64::INFINITY,
            converged: false,
        };
        while conv.iterations < options.maxit {
            conv.iterations += 1;
            let out = state.sweep(self, row_tot, col_tot);
            conv.max_margin_error = out.margin_error;
            conv.criterion = criterion(&out, options.stop);
            if stop(conv.criterion, options) {
                conv.converged = true;
                break;
            }
        }
        let scale = row_tot.into_iter().chain(col_tot).flatten().fold(0.0_f64, |a, b| a.max(*b));
        conv.converged &= conv.max_margin_error <= options.margin_rtol * scale;
        conv
    }
}

/// Fits many tables with the stopping rule applied to all of them together, as one IPF
/// of their stack would (`mipfp::Ipfp` on a three-way array): every table makes the same
/// number of sweeps, the first number after which the rule holds for the whole stack.
///
/// Each table first sweeps on its own until its own rule holds (while it is in cache),
/// then all are brought to the largest of those counts, and only if the rule then fails
/// somewhere do they continue in lockstep. The tables are built by `make` and handed to
/// `finish` in parallel; the result does not depend on the number of threads.
pub(crate) fn fit_slices<R: Send>(
    n_slices: usize,
    make: impl Fn(usize) -> Table + Sync,
    margins: &[(Vec<f64>, Vec<f64>)],
    options: &IpfOptions,
    finish: impl Fn(usize, Table) -> R + Sync,
) -> (Vec<R>, Convergence) {
    struct Slice {
        table: Table,
        state: SweepState,
        sweeps: u32,
        criterion: f64,
        margin_error: f64,
    }
    let sweep = |s: &mut Slice, k: usize| {
        let (r, c) = &margins[k];
        let out = s.state.sweep(&mut s.table, Some(r), Some(c));
        s.sweeps += 1;
        s.criterion = criterion(&out, options.stop);
        s.margin_error = out.margin_error;
    };
    let mut slices: Vec<Slice> = (0..n_slices)
        .into_par_iter()
        .map(|k| {
            let table = make(k);
            let state = SweepState::new(&table);
            let (r, c) = &margins[k];
            let margin_error = state.margin_error(Some(r), Some(c));
            let mut s = Slice { table, state, sweeps: 0, criterion: f64::INFINITY, margin_error };
            while s.sweeps < options.maxit {
                sweep(&mut s, k);
                if stop(s.criterion, options) {
                    break;
                }
            }
            s
        })
        .collect();
    let mut target = slices.iter().map(|s| s.sweeps).max().unwrap_or(0);
    loop {
        slices.par_iter_mut().enumerate().for_each(|(k, s)| {
            while s.sweeps < target {
                sweep(s, k);
            }
        });
        let all_stop = slices.iter().all(|s| stop(s.criterion, options));
        if all_stop || target >= options.maxit {
            break;
        }
        target += 1;
    }
    let mut conv = Convergence {
        iterations: target,
        max_margin_error: slices.iter().map(|s| s.margin_error).fold(0.0, f64::max),
        criterion: slices.iter().map(|s| s.criterion).fold(0.0, f64::max),
        converged: n_slices == 0 || slices.iter().all(|s| stop(s.criterion, options)),
    };
    let scale =
        margins.iter().flat_map(|(r, c)| r.iter().chain(c.iter())).fold(0.0_f64, |a, b| a.max(*b));
    conv.converged &= conv.max_margin_error <= options.margin_rtol * scale;
    let results = slices.into_par_iter().enumerate().map(|(k, s)| finish(k, s.table)).collect();
    (results, conv)
}

#[derive(Clone, Copy, Debug)]
struct SweepOutcome {
    max_change: f64,
    margin_error: f64,
}

/// Scratch space for sweeps of one table; holds the table's current row sums.
#[derive(Clone, Debug)]
struct SweepState {
    row_sum: Vec<f64>,
    row_factor: Vec<f64>,
    col_sum: Vec<f64>,
    col_factor: Vec<f64>,
}

impl SweepState {
    fn new(t: &Table) -> SweepState {
        let mut row_sum = vec![0.0; t.n_row];
        let mut col_sum = vec![0.0; t.n_col];
        for (j, c) in col_sum.iter_mut().enumerate() {
            let col = t.col(j);
            *c = sum(col);
            for (acc, x) in row_sum.iter_mut().zip(col) {
                *acc += x;
            }
        }
        SweepState {
            row_sum,
            row_factor: vec![1.0; t.n_row],
            col_sum,
            col_factor: vec![1.0; t.n_col],
        }
    }

    fn margin_error(&self, row_tot: Option<&[f64]>, col_tot: Option<&[f64]>) -> f64 {
        let r = row_tot.map_or(0.0, |r| max_abs_diff(r, &self.row_sum));
        let c = col_tot.map_or(0.0, |c| max_abs_diff(c, &self.col_sum));
        r.max(c)
    }

    /// One sweep: rows to `row_tot`, then columns to `col_tot`, in two passes over the
    /// table. Each cell becomes `(x * row_factor) * col_factor`, the same bits as scaling
    /// rows and columns in separate passes. Sums and maxima run in [`LANES`] fixed
    /// interleaved accumulators (so the loops vectorise); the order is fixed, so the bits
    /// are too.
    fn sweep(
        &mut self,
        t: &mut Table,
        row_tot: Option<&[f64]>,
        col_tot: Option<&[f64]>,
    ) -> SweepOutcome {
        match row_tot {
            Some(r) => {
                for ((f, &target), &sum) in self.row_factor.iter_mut().zip(r).zip(&self.row_sum) {
                    *f = factor(target, sum);
                }
            }
            None => self.row_factor.fill(1.0),
        }
        for j in 0..t.n_col {
            // The column's total after the row step.
            self.col_sum[j] = dot(t.col(j), &self.row_factor);
        }
        match col_tot {
            Some(c) => {
                for ((f, &target), &sum) in self.col_factor.iter_mut().zip(c).zip(&self.col_sum) {
                    *f = factor(target, sum);
                }
            }
            None => self.col_factor.fill(1.0),
        }
        let mut max_change = [0.0_f64; LANES];
        self.row_sum.fill(0.0);
        for (j, &fc) in self.col_factor.iter().enumerate() {
            let col = t.col_mut(j);
            let n = col.len() - col.len() % LANES;
            let (body, tail) = col.split_at_mut(n);
            let (fr_body, fr_tail) = self.row_factor.split_at(n);
            let (acc_body, acc_tail) = self.row_sum.split_at_mut(n);
            for ((x, fr), acc) in body
                .chunks_exact_mut(LANES)
                .zip(fr_body.chunks_exact(LANES))
                .zip(acc_body.chunks_exact_mut(LANES))
            {
                for l in 0..LANES {
                    let new = x[l] * fr[l] * fc;
                    let change = (new - x[l]).abs();
                    max_change[l] = if change > max_change[l] { change } else { max_change[l] };
                    x[l] = new;
                    acc[l] += new;
                }
            }
            for ((x, fr), acc) in tail.iter_mut().zip(fr_tail).zip(acc_tail) {
                let new = *x * fr * fc;
                max_change[0] = max_change[0].max((new - *x).abs());
                *x = new;
                *acc += new;
            }
            // Exact up to rounding: the column was just scaled by `fc`.
            self.col_sum[j] *= fc;
        }
        let max_change = max_change.iter().fold(0.0_f64, |a, b| a.max(*b));
        SweepOutcome { max_change, margin_error: self.margin_error(row_tot, col_tot) }
    }
}

/// Number of interleaved accumulators in the sweep kernels.
const LANES: usize = 8;

/// `Σ a[i]` in [`LANES`] interleaved accumulators, combined pairwise.
pub(crate) fn sum(a: &[f64]) -> f64 {
    let body = a.len() - a.len() % LANES;
    let mut acc = [0.0_f64; LANES];
    for x in a[..body].chunks_exact(LANES) {
        for l in 0..LANES {
            acc[l] += x[l];
        }
    }
    let mut width = LANES;
    while width > 1 {
        width /= 2;
        for l in 0..width {
            acc[l] += acc[l + width];
        }
    }
    a[body..].iter().fold(acc[0], |s, x| s + x)
}

/// `Σ a[i] * b[i]` in [`LANES`] interleaved accumulators, combined pairwise.
pub(crate) fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let body = n - n % LANES;
    let mut acc = [0.0_f64; LANES];
    for (x, y) in a[..body].chunks_exact(LANES).zip(b[..body].chunks_exact(LANES)) {
        for l in 0..LANES {
            acc[l] += x[l] * y[l];
        }
    }
    let mut width = LANES;
    while width > 1 {
        width /= 2;
        for l in 0..width {
            acc[l] += acc[l + width];
        }
    }
    a[body..n].iter().zip(&b[body..n]).fold(acc[0], |s, (x, y)| s + x * y)
}

fn criterion(out: &SweepOutcome, rule: StopRule) -> f64 {
    match rule {
        StopRule::MarginError => out.margin_error,
        StopRule::CellChange => out.max_change,
    }
}

fn stop(criterion: f64, options: &IpfOptions) -> bool {
    match options.stop {
        // migest: `while (max.diff > tol)`.
        StopRule::MarginError => criterion <= options.tol,
        // mipfp: `if (stp.crit < tol)`.
        StopRule::CellChange => criterion < options.tol,
    }
}

/// The IPF scaling factor: `target / current`, and zero when either is zero (so `0/0`
/// and `x/0` cannot poison the table).
#[inline]
pub(crate) fn factor(target: f64, current: f64) -> f64 {
    if target == 0.0 || current == 0.0 { 0.0 } else { target / current }
}

pub(crate) fn max_abs_diff(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

fn column(m: MatRef<'_, f64>, k: usize) -> Vec<f64> {
    (0..m.nrows()).map(|i| m[(i, k)]).collect()
}

pub(crate) fn check_options(tol: f64) -> Result<(), Error> {
    if tol > 0.0 && tol.is_finite() {
        Ok(())
    } else {
        Err(Error::InvalidOption { what: "tol", reason: "must be positive and finite" })
    }
}

pub(crate) fn check_len(what: &'static str, expected: usize, found: usize) -> Result<(), Error> {
    if expected == found { Ok(()) } else { Err(Error::DimensionMismatch { what, expected, found }) }
}

pub(crate) fn check_values(what: &'static str, values: &[f64]) -> Result<(), Error> {
    match values.iter().position(|x| !(x.is_finite() && *x >= 0.0)) {
        None => Ok(()),
        Some(index) => Err(Error::InvalidValue { what, index, value: values[index] }),
    }
}

pub(crate) fn check_sums(row_sum: f64, col_sum: f64) -> Result<(), Error> {
    let scale = row_sum.abs().max(col_sum.abs()).max(1.0);
    if (row_sum - col_sum).abs() <= MARGIN_SUM_RTOL * scale {
        Ok(())
    } else {
        Err(Error::MarginMismatch { row_sum, col_sum })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_margin_is_exact_after_one_sweep() {
        let seed = faer::mat![[5.0, 2.0], [1.0, 7.0]];
        let fit = fit2(seed.as_ref(), Some(&[18.0, 20.0]), None, &IpfOptions::default()).unwrap();
        assert!(fit.converged);
        assert!(fit.max_margin_error < 1e-12);
        assert!((fit.fitted[(0, 0)] - 18.0 * 5.0 / 7.0).abs() < 1e-12);
    }

    #[test]
    fn zero_target_zeroes_its_cells() {
        let seed = faer::mat![[1.0, 1.0], [1.0, 1.0]];
        let fit = fit2(seed.as_ref(), Some(&[0.0, 4.0]), Some(&[2.0, 2.0]), &IpfOptions::default())
            .unwrap();
        assert!(fit.fitted[(0, 0)].abs() < 1e-300);
        assert!(fit.fitted[(0, 1)].abs() < 1e-300);
        assert!(fit.converged);
    }

    #[test]
    fn infeasible_margins_are_reported_not_hidden() {
        // Row 0 must hold 5 but its only non-zero seed cell is in column 0, whose total is 1.
        let seed = faer::mat![[1.0, 0.0], [1.0, 1.0]];
        let opts = IpfOptions { maxit: 50, ..IpfOptions::default() };
        let fit = fit2(seed.as_ref(), Some(&[5.0, 1.0]), Some(&[1.0, 5.0]), &opts).unwrap();
        assert!(!fit.converged);
        assert_eq!(fit.iterations, 50);
        assert!(fit.max_margin_error > 1.0);
    }

    #[test]
    fn mismatched_margins_are_an_error() {
        let seed = faer::mat![[1.0, 1.0], [1.0, 1.0]];
        let err = fit2(seed.as_ref(), Some(&[1.0, 1.0]), Some(&[1.0, 2.0]), &IpfOptions::default());
        assert!(matches!(err, Err(Error::MarginMismatch { .. })));
    }

    #[test]
    fn negative_seed_is_an_error() {
        let seed = faer::mat![[1.0, -1.0], [1.0, 1.0]];
        let err = fit2(seed.as_ref(), Some(&[1.0, 1.0]), Some(&[1.0, 1.0]), &IpfOptions::default());
        assert!(matches!(err, Err(Error::InvalidValue { what: "seed", index: 2, .. })));
    }
}
