//! Separation detection by the iterated rectifier (Correia, Guimarães & Zylkin 2019,
//! arXiv:1903.01633, section 4; ppmlhdfe's `relu` method).
//!
//! Observations with `y = 0` are separated when some linear combination `z` of the
//! regressors and fixed-effect dummies satisfies `z = 0` wherever `y > 0` and `z ≥ 0`
//! wherever `y = 0`, with `z > 0` somewhere: along `z` the likelihood keeps rising and the
//! fitted means of those observations go to zero. The rectifier looks for the largest such
//! `z` by repeated weighted least squares:
//!
//! 1. `u = 1{y = 0}`; weights `ω = N₊ / tol²` where `y > 0` (pinning the fit to zero
//!    there) and `1` elsewhere;
//! 2. regress `u` on the regressors and fixed effects with weights `ω`: fitted `û`;
//! 3. set `û = 0` where `y > 0` or `−0.1·tol < û < tol`;
//! 4. if `û ≥ 0` everywhere, the observations with `û > 0` are separated; otherwise set
//!    `u = max(û, 0)` on the `y = 0` observations and repeat (at most 100 times).
//!
//! `tol = 1e-4` as in ppmlhdfe and pyfixest.
//!
//! The weights make the least-squares problem badly conditioned, which slows alternating
//! projections down to a crawl when several fixed-effect dimensions interlock. Small
//! problems (at most [`DENSE_MAX_CELLS`] cells in the full design) are therefore solved
//! exactly by a column-pivoted Householder QR of `√ω [X D]`; larger ones use the
//! demeaning.

use super::Data;
use super::fixef::{Criterion, Demeaning, FixefDims};
use super::ols::wls_fe;

/// Tolerance on `û` (ppmlhdfe and pyfixest: 1e-4).
const RECTIFIER_TOL: f64 = 1e-4;
/// Maximum number of rectifier iterations (ppmlhdfe and pyfixest: 100).
const RECTIFIER_MAX_ITER: u32 = 100;
/// Demeaning tolerance inside the rectifier, far below `RECTIFIER_TOL`.
const RECTIFIER_FIXEF_TOL: f64 = 1e-10;
/// Largest `n × (k + Σ levels)` design solved by dense QR.
const DENSE_MAX_CELLS: usize = 4_000_000;
/// Relative size of a QR pivot below which a design column counts as dependent.
const DENSE_RANK_TOL: f64 = 1e-10;

/// Fitted values of the weighted regression of `v` on `x` and the fixed-effect dummies,
/// by column-pivoted QR of the dense weighted design.
fn dense_fitted(dims: &FixefDims, w: &[f64], v: &[f64], x: &[Vec<f64>]) -> Vec<f64> {
    let n = v.len();
    let mut offsets = Vec::with_capacity(dims.n_levels.len());
    let mut p = x.len();
    for &levels in &dims.n_levels {
        offsets.push(p);
        p += levels;
    }
    let root_w: Vec<f64> = w.iter().map(|w| w.sqrt()).collect();
    let mut design = faer::Mat::<f64>::zeros(n, p);
    for (j, col) in x.iter().enumerate() {
        for i in 0..n {
            design[(i, j)] = root_w[i] * col[i];
        }
    }
    for (ids, &offset) in dims.ids.iter().zip(&offsets) {
        for (i, &id) in ids.iter().enumerate() {
            design[(i, offset + id as usize)] = root_w[i];
        }
    }
    let qr = design.col_piv_qr();
    let r = qr.thin_R();
    let size = r.nrows().min(r.ncols());
    let largest = (0..size).map(|i| r[(i, i)].abs()).fold(0.0, f64::max);
    let rank = (0..size).take_while(|&i| r[(i, i)].abs() > DENSE_RANK_TOL * largest).count();
    let q = qr.compute_thin_Q();
    let b: Vec<f64> = v.iter().zip(&root_w).map(|(v, w)| v * w).collect();
    let mut fitted = vec![0.0; n];
    for j in 0..rank {
        let coef: f64 = (0..n).map(|i| q[(i, j)] * b[i]).sum();
        for (i, f) in fitted.iter_mut().enumerate() {
            *f += q[(i, j)] * coef;
        }
    }
    fitted.iter().zip(&root_w).map(|(f, w)| f / w).collect()
}

/// Input rows (among `rows`) separated by the iterated rectifier; empty if none, or if
/// the rectifier did not settle within its iteration limit.
pub(crate) fn rectifier(
    data: &Data<'_>,
    rows: &[usize],
    max_sweeps: u32,
    collin_tol: f64,
) -> Vec<usize> {
    let y: Vec<f64> = rows.iter().map(|&r| data.y[r]).collect();
    let interior: Vec<bool> = y.iter().map(|&y| y > 0.0).collect();
    let n_interior = interior.iter().filter(|&&i| i).count();
    if n_interior == rows.len() {
        return Vec::new();
    }
    let pin = n_interior.max(1) as f64 / (RECTIFIER_TOL * RECTIFIER_TOL);
    let omega: Vec<f64> = interior.iter().map(|&i| if i { pin } else { 1.0 }).collect();
    let dims = FixefDims::new(&data.fixef, rows);
    let x: Vec<Vec<f64>> =
        data.x.iter().map(|col| rows.iter().map(|&r| col[r]).collect()).collect();
    let n_columns = x.len() + dims.n_levels.iter().sum::<usize>();
    let dense = rows.len().saturating_mul(n_columns) <= DENSE_MAX_CELLS;
    let mut u: Vec<f64> = interior.iter().map(|&i| if i { 0.0 } else { 1.0 }).collect();
    for _ in 0..RECTIFIER_MAX_ITER {
        let mut u_hat = if dense {
            dense_fitted(&dims, &omega, &u, &x)
        } else {
            let demeaning =
                Demeaning { criterion: Criterion::Largest, tol: RECTIFIER_FIXEF_TOL, max_sweeps };
            let fit = wls_fe(&dims, &omega, &u, &x, demeaning, collin_tol);
            u.iter().zip(&fit.resid).map(|(&u, &e)| u - e).collect()
        };
        for (v, &i) in u_hat.iter_mut().zip(&interior) {
            if i || (*v > -0.1 * RECTIFIER_TOL && *v < RECTIFIER_TOL) {
                *v = 0.0;
            }
        }
        if u_hat.iter().all(|&v| v >= 0.0) {
            return rows.iter().zip(&u_hat).filter(|&(_, &v)| v > 0.0).map(|(&r, _)| r).collect();
        }
        for ((u, &v), &i) in u.iter_mut().zip(&u_hat).zip(&interior) {
            if !i {
                *u = v.max(0.0);
            }
        }
    }
    Vec::new()
}
