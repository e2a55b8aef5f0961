//! Weighted least squares with absorbed fixed effects (fixest `feols`, reghdfe).
//!
//! By the Frisch–Waugh–Lovell theorem, `β` from regressing `y` on `X` and all
//! fixed-effect dummies equals `β` from regressing the demeaned `ỹ` on the demeaned `X̃`:
//! `β = (X̃'WX̃)⁻¹ X̃'Wỹ`, residuals `e = ỹ − X̃β`.

use super::fixef::{Criterion, Demeaner, Demeaning, FixefDims, demean_columns};
use super::linalg::{independent_columns, mat_vec, spd_inverse, weighted_cross, weighted_gram};
use super::sample::prepare;
use super::vcov::{Sandwich, estimate};
use super::{Data, OlsFit, OlsOptions, SampleInfo, Separation, expand};
use crate::Error;

/// A weighted least-squares fit on demeaned columns.
pub(crate) struct WlsFit {
    /// Indices (into the input columns) of the regressors kept.
    pub(crate) active: Vec<usize>,
    /// Coefficients of the kept regressors.
    pub(crate) coef: Vec<f64>,
    /// Demeaned kept regressors.
    pub(crate) x_tilde: Vec<Vec<f64>>,
    /// Demeaned response.
    pub(crate) y_tilde: Vec<f64>,
    /// Residuals `ỹ − X̃β`.
    pub(crate) resid: Vec<f64>,
    /// `(X̃'WX̃)⁻¹` of the kept regressors.
    pub(crate) bread: Vec<f64>,
    /// Whether every demeaning converged.
    pub(crate) converged: bool,
    /// Largest number of demeaning sweeps over the columns.
    pub(crate) n_sweeps: u32,
}

/// Regresses `y` on `x` and the fixed effects with weights `w` (all of sample length).
pub(crate) fn wls_fe(
    dims: &FixefDims,
    w: &[f64],
    y: &[f64],
    x: &[Vec<f64>],
    demeaning: Demeaning,
    collin_tol: f64,
) -> WlsFit {
    let Demeaning { criterion, tol, max_sweeps } = demeaning;
    let reference: Vec<f64> =
        x.iter().map(|c| c.iter().zip(w).map(|(&v, &w)| w * v * v).sum()).collect();
    let mut y_tilde = y.to_vec();
    let mut x_tilde: Vec<Vec<f64>> = x.to_vec();
    let demeaner = Demeaner::new(dims, w, criterion);
    let (converged, n_sweeps) = {
        let mut cols: Vec<&mut Vec<f64>> =
            std::iter::once(&mut y_tilde).chain(x_tilde.iter_mut()).collect();
        demean_columns(&demeaner, &mut cols, tol, max_sweeps, &mut Vec::new())
    };
    let all: Vec<&[f64]> = x_tilde.iter().map(Vec::as_slice).collect();
    let gram = weighted_gram(&all, w);
    let keep = independent_columns(&gram, &reference, collin_tol);
    let active: Vec<usize> = (0..x.len()).filter(|&j| keep[j]).collect();
    let x_tilde: Vec<Vec<f64>> = active.iter().map(|&j| std::mem::take(&mut x_tilde[j])).collect();
    let k = active.len();
    let mut gram_active = vec![0.0; k * k];
    for (a, &i) in active.iter().enumerate() {
        for (b, &j) in active.iter().enumerate() {
            gram_active[a * k + b] = gram[i * x.len() + j];
        }
    }
    let bread = spd_inverse(&gram_active, k).unwrap_or_else(|| vec![f64::NAN; k * k]);
    let cols: Vec<&[f64]> = x_tilde.iter().map(Vec::as_slice).collect();
    let coef = mat_vec(&bread, &weighted_cross(&cols, w, &y_tilde));
    let mut resid = y_tilde.clone();
    for (col, &b) in x_tilde.iter().zip(&coef) {
        for (r, &v) in resid.iter_mut().zip(col) {
            *r -= b * v;
        }
    }
    WlsFit { active, coef, x_tilde, y_tilde, resid, bread, converged, n_sweeps }
}

/// Fits `y = Xβ + Σ_g α_g + e` by (weighted) least squares with the fixed effects
/// absorbed.
///
/// The variance follows [`OlsOptions::vcov`] and [`OlsOptions::ssc`]; the iid variance
/// uses `σ̂² = RSS/(N−1)` times the small-sample factor (so `RSS/(N−K)` by default).
///
/// # Errors
/// [`Error::RegressionLength`] for columns of different lengths, [`Error::InvalidWeight`]
/// for a negative weight, [`Error::ClusterCount`] when clustering without one or two
/// cluster columns, [`Error::NoObservations`] when every row is removed.
#[doc(alias = "feols")]
#[doc(alias = "reghdfe")]
pub fn fit_ols(data: &Data<'_>, options: &OlsOptions) -> Result<OlsFit, Error> {
    let prepared = prepare(
        data,
        options.vcov,
        options.fixef_rm,
        false,
        Separation::None,
        (options.fixef_max_iter, options.collin_tol),
    )?;
    let rows = &prepared.rows;
    let y: Vec<f64> = rows.iter().map(|&r| data.y[r]).collect();
    let w: Vec<f64> = match data.weights {
        Some(weights) => rows.iter().map(|&r| weights[r]).collect(),
        None => vec![1.0; rows.len()],
    };
    let x: Vec<Vec<f64>> =
        data.x.iter().map(|col| rows.iter().map(|&r| col[r]).collect()).collect();
    let demeaning = Demeaning {
        criterion: Criterion::WeightedRms,
        tol: options.fixef_tol,
        max_sweeps: options.fixef_max_iter,
    };
    let wls = wls_fe(&prepared.dims, &w, &y, &x, demeaning, options.collin_tol);
    let n = rows.len() as f64;
    let rss: f64 = wls.resid.iter().zip(&w).map(|(&e, &w)| w * e * e).sum();
    let w_sum: f64 = w.iter().sum();
    let y_mean = y.iter().zip(&w).map(|(&y, &w)| w * y).sum::<f64>() / w_sum;
    let tss: f64 = y.iter().zip(&w).map(|(&y, &w)| w * (y - y_mean).powi(2)).sum();
    let tss_within: f64 = wls.y_tilde.iter().zip(&w).map(|(&y, &w)| w * y * y).sum();
    let score: Vec<f64> = wls.resid.iter().zip(&w).map(|(&e, &w)| w * e).collect();
    let x_refs: Vec<&[f64]> = wls.x_tilde.iter().map(Vec::as_slice).collect();
    let sandwich =
        Sandwich { x: &x_refs, bread: &wls.bread, score: &score, iid_scale: rss / (n - 1.0) };
    let estimate =
        estimate(options.vcov, &options.ssc, &sandwich, &prepared.dims, &prepared.clusters);
    let (coef, se, vcov) = expand(data.x.len(), &wls.active, &wls.coef, &estimate.vcov);
    let mut residuals = vec![f64::NAN; data.y.len()];
    for (&r, &e) in rows.iter().zip(&wls.resid) {
        residuals[r] = e;
    }
    Ok(OlsFit {
        coef,
        se,
        vcov,
        sample: SampleInfo {
            n_obs: rows.len(),
            removed: prepared.removed,
            collinear: (0..data.x.len()).filter(|j| !wls.active.contains(j)).collect(),
            n_fixef_levels: prepared.dims.n_levels.clone(),
            n_clusters: prepared.clusters.iter().map(|c| c.1).collect(),
        },
        demean_converged: wls.converged,
        n_demean_sweeps: u64::from(wls.n_sweeps),
        rss,
        r2: 1.0 - rss / tss,
        r2_within: if prepared.dims.ids.is_empty() {
            1.0 - rss / tss
        } else {
            1.0 - rss / tss_within
        },
        ssc_factor: estimate.factor,
        residuals,
    })
}
