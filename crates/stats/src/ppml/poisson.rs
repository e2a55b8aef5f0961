//! The Poisson IRLS loop (see the module documentation of [`crate::ppml`]).

use rayon::prelude::*;

use super::fixef::{Criterion, Demeaner, demean_columns};
use super::linalg::{independent_columns, mat_vec, spd_inverse, weighted_gram, weighted_moments};
use super::sample::prepare;
use super::vcov::{Sandwich, estimate};
use super::{Data, PpmlFit, PpmlOptions, SampleInfo, expand};
use crate::Error;
use crate::special::LnGammaY1;

/// The loosest demeaning tolerance, used at the first IRLS iterations (ppmlhdfe's
/// `start_inner_tol`, which is `1e-4` there). Early iterations move the fit far more than
/// a demeaning error of this size, and the tolerance is tightened tenfold as soon as the
/// relative deviance change comes within ten times of it, so a loose start saves sweeps
/// without adding iterations (one third of the sweeps on the 800,000-row benchmark, the
/// same 11 iterations on the ppmlhdfe and Yotov examples).
const START_INNER_TOL: f64 = 1e-1;
/// Whole outcomes below this take their logarithms from tables.
const WHOLE_TABLE: usize = 1024;
/// Maximum number of step halvings per iteration.
const MAX_HALVINGS: u32 = 30;
/// Bounds on the linear predictor, so that `exp(η)` stays finite and positive.
const ETA_MIN: f64 = -690.0;
const ETA_MAX: f64 = 700.0;

/// Observations per task in parallel loops. Sums are taken per chunk and the chunk sums
/// added in chunk order, so the bits do not depend on the number of threads.
const CHUNK: usize = 1 << 14;

/// `Σ_n w_n f(y_n, μ_n)` in a fixed order (see [`CHUNK`]).
fn chunked_sum(
    y: &[f64],
    mu: &[f64],
    w: Option<&[f64]>,
    f: impl Fn(f64, f64) -> f64 + Sync,
) -> f64 {
    let partial: Vec<f64> = y
        .par_chunks(CHUNK)
        .zip(mu.par_chunks(CHUNK))
        .enumerate()
        .map(|(c, (y, mu))| match w {
            Some(w) => {
                let w = &w[c * CHUNK..c * CHUNK + y.len()];
                y.iter().zip(mu).zip(w).map(|((&y, &mu), &w)| w * f(y, mu)).sum::<f64>()
            }
            None => y.iter().zip(mu).map(|(&y, &mu)| f(y, mu)).sum::<f64>(),
        })
        .collect();
    partial.iter().sum()
}

/// Poisson deviance `2 Σ w [y log(y/μ) − (y − μ)]`, with `y log(y/μ) = 0` at `y = 0`.
fn deviance(y: &[f64], mu: &[f64], w: Option<&[f64]>) -> f64 {
    chunked_sum(y, mu, w, |y, mu| {
        let ratio = if y > 0.0 { y * (y / mu).ln() } else { 0.0 };
        2.0 * (ratio - (y - mu))
    })
}

/// The deviance from `η`, with `y log y` precomputed: `log μ = η` (clamped as in
/// [`exp_eta`]), so no logarithm is taken in the IRLS loop. Summed per chunk of
/// [`CHUNK`] observations, the chunk sums added in order.
fn deviance_from_eta(
    y: &[f64],
    y_log_y: &[f64],
    eta: &[f64],
    mu: &[f64],
    w: Option<&[f64]>,
) -> f64 {
    let partial: Vec<f64> = y
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, y)| {
            let range = c * CHUNK..c * CHUNK + y.len();
            deviance_chunk(
                y,
                &y_log_y[range.clone()],
                &eta[range.clone()],
                &mu[range.clone()],
                w.map(|w| &w[range]),
            )
        })
        .collect();
    partial.iter().sum()
}

/// The deviance terms of one chunk, summed in order.
fn deviance_chunk(y: &[f64], y_log_y: &[f64], eta: &[f64], mu: &[f64], w: Option<&[f64]>) -> f64 {
    let terms =
        y.iter().zip(y_log_y).zip(eta).zip(mu).map(|(((&y, &yly), &eta), &mu)| {
            2.0 * (yly - y * eta.clamp(ETA_MIN, ETA_MAX) - (y - mu))
        });
    match w {
        Some(w) => terms.zip(w).map(|(t, &w)| w * t).sum::<f64>(),
        None => terms.sum::<f64>(),
    }
}

/// Poisson log-likelihood `Σ w [y log μ − μ − log Γ(y + 1)]` from `log μ`, with
/// `Σ w log Γ(y + 1)` given.
fn log_likelihood(
    y: &[f64],
    log_mu: &[f64],
    mu: &[f64],
    w: Option<&[f64]>,
    log_gamma_sum: f64,
) -> f64 {
    chunked_sum(y, log_mu, w, |y, log_mu| if y > 0.0 { y * log_mu } else { 0.0 })
        - chunked_sum(mu, mu, w, |mu, _| mu)
        - log_gamma_sum
}

/// `μ = exp(η)`, with `η` clamped to `[ETA_MIN, ETA_MAX]`.
fn exp_eta(eta: &[f64], mu: &mut [f64]) {
    mu.par_chunks_mut(CHUNK).zip(eta.par_chunks(CHUNK)).for_each(|(mu, eta)| exp_chunk(eta, mu));
}

/// [`exp_eta`] on one chunk.
fn exp_chunk(eta: &[f64], mu: &mut [f64]) {
    for (m, &e) in mu.iter_mut().zip(eta) {
        *m = e.clamp(ETA_MIN, ETA_MAX).exp();
    }
}

/// Working variable `z = η − offset + (y − μ)/μ` and the input of the demeaning (`z`
/// itself at the first iteration, else `z̃ + z − z_prev`) for one chunk.
#[inline(always)]
fn working_chunk(
    (z, z_tilde): (&mut [f64], &mut [f64]),
    (mu, eta, y, z_prev): (&[f64], &[f64], &[f64], &[f64]),
    offset: impl Iterator<Item = f64>,
    first: bool,
) {
    let inputs = mu.iter().zip(eta).zip(offset).zip(y).zip(z_prev);
    for ((zi, ti), ((((&m, &e), o), &yi), &zp)) in z.iter_mut().zip(z_tilde.iter_mut()).zip(inputs)
    {
        *zi = e - o + (yi - m) / m;
        if first {
            *ti = *zi;
        } else {
            *ti += *zi - zp;
        }
    }
}

/// Fits the Poisson model `E[y | x] = exp(xβ + Σ_g α_g + offset)` by PPML with the fixed
/// effects absorbed.
///
/// # Errors
/// [`Error::NegativeOutcome`] if some `y < 0`, [`Error::RegressionLength`] for columns of
/// different lengths, [`Error::InvalidWeight`] for a negative weight,
/// [`Error::ClusterCount`] when clustering without one or two cluster columns,
/// [`Error::NoObservations`] when every row is removed, [`Error::AllZeroOutcome`] when
/// every remaining outcome is zero. Non-convergence is not an error:
/// the fit is returned with `converged = false`.
#[doc(alias = "fepois")]
#[doc(alias = "ppmlhdfe")]
pub fn fit(data: &Data<'_>, options: &PpmlOptions) -> Result<PpmlFit, Error> {
    let prepared = prepare(
        data,
        options.vcov,
        options.fixef_rm,
        true,
        options.separation,
        (options.fixef_max_iter, options.collin_tol),
    )?;
    let rows = &prepared.rows;
    let n = rows.len();
    let k_all = data.x.len();
    let y: Vec<f64> = rows.iter().map(|&r| data.y[r]).collect();
    let w_user: Option<Vec<f64>> = data.weights.map(|w| rows.iter().map(|&r| w[r]).collect());
    let w_user = w_user.as_deref();
    // No offset is no vector: the loops read none.
    let offset: Option<Vec<f64>> = data.offset.map(|o| rows.iter().map(|&r| o[r]).collect());
    let mut x_raw: Vec<Vec<f64>> =
        data.x.iter().map(|col| rows.iter().map(|&r| col[r]).collect()).collect();

    // Starting values: μ⁰ = (y + ȳ)/2.
    let (w_sum, wy_sum) = match w_user {
        Some(w) => (w.iter().sum::<f64>(), y.iter().zip(w).map(|(&y, &w)| w * y).sum::<f64>()),
        None => (n as f64, y.iter().sum::<f64>()),
    };
    if wy_sum.is_nan() || wy_sum <= 0.0 {
        return Err(Error::AllZeroOutcome { n_obs: n });
    }
    let y_mean = wy_sum / w_sum;
    let mut mu: Vec<f64> = y.iter().map(|&y| 0.5 * (y + y_mean)).collect();
    // Counts repeat: the logarithms of small whole `y` come from tables of the same
    // expressions (the same bits, fewer logarithms).
    // `y - trunc(y)` by a conversion (no call to `trunc`).
    let whole = |y: f64| (0.0..WHOLE_TABLE as f64).contains(&y) && y - (y as usize) as f64 == 0.0;
    let log_mu_start: Vec<f64> =
        (0..WHOLE_TABLE).map(|k| (0.5 * (k as f64 + y_mean)).ln()).collect();
    let mut eta: Vec<f64> = y
        .iter()
        .zip(&mu)
        .map(|(&y, m)| if whole(y) { log_mu_start[y as usize] } else { m.ln() })
        .collect();
    // The starting values are not a fit of the model and may have a lower deviance than
    // any fit: the first step is never halved for a deviance increase, nor counted as
    // converged.
    let mut dev = f64::INFINITY;
    let y_log_y_of = |y: f64| if y > 0.0 { y * y.ln() } else { 0.0 };
    let y_log_y_table: Vec<f64> = (0..WHOLE_TABLE).map(|k| y_log_y_of(k as f64)).collect();
    let y_log_y: Vec<f64> = y
        .iter()
        .map(|&y| if whole(y) { y_log_y_table[y as usize] } else { y_log_y_of(y) })
        .collect();

    let final_inner_tol = options.fixef_tol.min(0.1 * options.glm_tol);
    let mut inner_tol = START_INNER_TOL.max(final_inner_tol);
    let mut z = vec![0.0; n];
    let mut z_prev = vec![0.0; n];
    let mut z_tilde = vec![0.0; n];
    let mut x_tilde: Vec<Vec<f64>> = Vec::new();
    let mut collin_reference: Vec<f64> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    let mut irls_w = if w_user.is_some() { vec![0.0; n] } else { Vec::new() };
    let mut bread = Vec::new();
    let mut beta: Vec<f64> = Vec::new();
    let mut eta_new = vec![0.0; n];
    let mut mu_new = vec![0.0; n];
    let mut converged = false;
    let mut demean_converged = true;
    let mut n_demean_sweeps = 0u64;
    let mut scratch = Vec::new();
    let mut rel_dev_change = f64::INFINITY;
    let mut n_iter = 0;

    while n_iter < options.glm_max_iter {
        n_iter += 1;
        let tol_this_iter = inner_tol;
        // Working variable and the input to the demeaning (a warm start from the last
        // iteration's demeaned values: z̃ + z − z_prev) in one pass. The IRLS weights are
        // `w μ`: `μ` itself without observation weights (no copy).
        let first = n_iter == 1;
        z.par_chunks_mut(CHUNK).zip(z_tilde.par_chunks_mut(CHUNK)).enumerate().for_each(
            |(c, (z_chunk, t_chunk))| {
                let range = c * CHUNK..c * CHUNK + z_chunk.len();
                let r = range.clone();
                let (mu, eta, y, z_prev) =
                    (&mu[r.clone()], &eta[r.clone()], &y[r.clone()], &z_prev[r]);
                match &offset {
                    Some(off) => working_chunk(
                        (z_chunk, t_chunk),
                        (mu, eta, y, z_prev),
                        off[range].iter().copied(),
                        first,
                    ),
                    None => working_chunk(
                        (z_chunk, t_chunk),
                        (mu, eta, y, z_prev),
                        std::iter::repeat(0.0),
                        first,
                    ),
                }
            },
        );
        if let Some(w) = w_user {
            irls_w
                .par_chunks_mut(CHUNK)
                .zip(mu.par_chunks(CHUNK))
                .zip(w.par_chunks(CHUNK))
                .for_each(|((out, mu), w)| {
                    out.iter_mut().zip(mu).zip(w).for_each(|((o, &m), &w)| *o = m * w);
                });
        }
        let irls_w: &[f64] = if w_user.is_some() { &irls_w } else { &mu };
        if first {
            // The weighted squares of the raw regressors, for the collinearity check.
            collin_reference = x_raw
                .iter()
                .map(|c| c.iter().zip(irls_w).map(|(&v, &w)| w * v * v).sum())
                .collect();
            x_tilde = std::mem::take(&mut x_raw);
        }
        let demeaner = Demeaner::new(&prepared.dims, irls_w, Criterion::WeightedRms);
        {
            let mut cols: Vec<&mut Vec<f64>> =
                std::iter::once(&mut z_tilde).chain(x_tilde.iter_mut()).collect();
            let (all_converged, n_sweeps) = demean_columns(
                &demeaner,
                &mut cols,
                tol_this_iter,
                options.fixef_max_iter,
                &mut scratch,
            );
            demean_converged = all_converged;
            n_demean_sweeps += u64::from(n_sweeps);
        }
        if n_iter == 1 {
            // Collinearity is decided once, at the starting weights (as ppmlhdfe does
            // up front); dropped columns are not carried further.
            let cols: Vec<&[f64]> = x_tilde.iter().map(Vec::as_slice).collect();
            let gram = weighted_gram(&cols, irls_w);
            let keep = independent_columns(&gram, &collin_reference, options.collin_tol);
            active = (0..k_all).filter(|&j| keep[j]).collect();
            x_tilde = active.iter().map(|&j| std::mem::take(&mut x_tilde[j])).collect();
        }
        let cols: Vec<&[f64]> = x_tilde.iter().map(Vec::as_slice).collect();
        let (gram, cross) = weighted_moments(&cols, irls_w, &z_tilde);
        bread = spd_inverse(&gram, active.len()).unwrap_or_else(|| vec![f64::NAN; gram.len()]);
        let mut beta_new = mat_vec(&bread, &cross);
        // η_new = z − (z̃ − X̃β) + offset, μ_new and the deviance in one pass.
        let mut dev_new = {
            let (z, z_tilde, y, y_log_y) = (&z, &z_tilde, &y, &y_log_y);
            let partial: Vec<f64> = eta_new
                .par_chunks_mut(CHUNK)
                .zip(mu_new.par_chunks_mut(CHUNK))
                .enumerate()
                .map(|(c, (eta, mu))| {
                    let range = c * CHUNK..c * CHUNK + eta.len();
                    let inputs = z[range.clone()].iter().zip(&z_tilde[range.clone()]);
                    match &offset {
                        Some(off) => {
                            for ((e, (&zn, &zt)), &o) in
                                eta.iter_mut().zip(inputs).zip(&off[range.clone()])
                            {
                                *e = zn - zt + o;
                            }
                        }
                        None => {
                            for (e, (&zn, &zt)) in eta.iter_mut().zip(inputs) {
                                *e = zn - zt + 0.0;
                            }
                        }
                    }
                    for (col, &b) in cols.iter().zip(&beta_new) {
                        for (e, &x) in eta.iter_mut().zip(&col[range.clone()]) {
                            *e += b * x;
                        }
                    }
                    exp_chunk(eta, mu);
                    deviance_chunk(
                        &y[range.clone()],
                        &y_log_y[range.clone()],
                        eta,
                        mu,
                        w_user.map(|w| &w[range]),
                    )
                })
                .collect();
            partial.iter().sum::<f64>()
        };
        // Step-halving when the deviance is not finite or rose.
        let mut halvings = 0;
        while halvings < MAX_HALVINGS
            && (!dev_new.is_finite() || (dev_new - dev) / (0.1 + dev_new.abs()) > options.glm_tol)
        {
            for (e_new, &e_old) in eta_new.iter_mut().zip(&eta) {
                *e_new = 0.5 * (*e_new + e_old);
            }
            if beta.len() == beta_new.len() {
                for (b_new, &b_old) in beta_new.iter_mut().zip(&beta) {
                    *b_new = 0.5 * (*b_new + b_old);
                }
            }
            exp_eta(&eta_new, &mut mu_new);
            dev_new = deviance_from_eta(&y, &y_log_y, &eta_new, &mu_new, w_user);
            halvings += 1;
        }
        rel_dev_change = (dev_new - dev).abs() / (0.1 + dev_new.abs());
        beta = beta_new;
        std::mem::swap(&mut eta, &mut eta_new);
        std::mem::swap(&mut mu, &mut mu_new);
        std::mem::swap(&mut z, &mut z_prev);
        dev = dev_new;
        if rel_dev_change < options.glm_tol && tol_this_iter <= final_inner_tol {
            converged = true;
            break;
        }
        if rel_dev_change < options.glm_tol {
            inner_tol = final_inner_tol;
        } else if rel_dev_change < 10.0 * inner_tol {
            inner_tol = (inner_tol / 10.0).max(final_inner_tol);
        }
    }

    // Inference at the final fit: bread from the last IRLS weights, scores w (y − μ).
    let score: Vec<f64> = match w_user {
        Some(w) => y.iter().zip(&mu).zip(w).map(|((&y, &m), &w)| w * (y - m)).collect(),
        None => y.iter().zip(&mu).map(|(&y, &m)| y - m).collect(),
    };
    let cols: Vec<&[f64]> = x_tilde.iter().map(Vec::as_slice).collect();
    let sandwich = Sandwich { x: &cols, bread: &bread, score: &score, iid_scale: 1.0 };
    let vcov_estimate =
        estimate(options.vcov, &options.ssc, &sandwich, &prepared.dims, &prepared.clusters);
    let (coef, se, vcov) = expand(k_all, &active, &beta, &vcov_estimate.vcov);

    let ln_gamma_y1 = LnGammaY1::new();
    let log_gamma_sum = chunked_sum(&y, &y, w_user, |y, _| ln_gamma_y1.at(y));
    // log μ = η clamped, as in the IRLS loop (no vector of it).
    let log_likelihood_value =
        chunked_sum(
            &y,
            &eta,
            w_user,
            |y, eta| {
                if y > 0.0 { y * eta.clamp(ETA_MIN, ETA_MAX) } else { 0.0 }
            },
        ) - chunked_sum(&mu, &mu, w_user, |mu, _| mu)
            - log_gamma_sum;
    // Reported with the logarithms taken directly, for full precision.
    let deviance_value = deviance(&y, &mu, w_user);

    // Intercept-only model with the offset: μ₀ = exp(offset) Σwy / Σw exp(offset).
    let (null_log_likelihood, null_deviance) = match &offset {
        Some(offset) => {
            let exp_offset: Vec<f64> = offset.iter().map(|o| o.exp()).collect();
            let w_exp_offset: f64 = match w_user {
                Some(w) => exp_offset.iter().zip(w).map(|(&e, &w)| w * e).sum(),
                None => exp_offset.iter().sum(),
            };
            let mu_null: Vec<f64> = exp_offset.iter().map(|&e| e * wy_sum / w_exp_offset).collect();
            let log_scale = (wy_sum / w_exp_offset).ln();
            let log_mu_null: Vec<f64> = offset.iter().map(|o| o + log_scale).collect();
            (
                log_likelihood(&y, &log_mu_null, &mu_null, w_user, log_gamma_sum),
                deviance(&y, &mu_null, w_user),
            )
        }
        None => {
            // exp(0) = 1 exactly: μ₀ is one number and every sum is taken as over
            // vectors of it, in the same order (the same bits, no vectors). The null
            // deviance's term of a small whole `y` comes from a table of the same
            // expression (fewer logarithms).
            let w_exp_offset: f64 = match w_user {
                Some(w) => w.iter().map(|&w| w * 1.0).sum(),
                None => (0..n).map(|_| 1.0).sum(),
            };
            let mu0 = 1.0 * wy_sum / w_exp_offset;
            let log_mu0 = 0.0 + (wy_sum / w_exp_offset).ln();
            let null_log_likelihood =
                chunked_sum(&y, &y, w_user, |y, _| if y > 0.0 { y * log_mu0 } else { 0.0 })
                    - chunked_sum(&y, &y, w_user, |_, _| mu0)
                    - log_gamma_sum;
            let term = |y: f64| {
                let ratio = if y > 0.0 { y * (y / mu0).ln() } else { 0.0 };
                2.0 * (ratio - (y - mu0))
            };
            let table: Vec<f64> = (0..WHOLE_TABLE).map(|k| term(k as f64)).collect();
            let null_deviance =
                chunked_sum(
                    &y,
                    &y,
                    w_user,
                    |y, _| if whole(y) { table[y as usize] } else { term(y) },
                );
            (null_log_likelihood, null_deviance)
        }
    };
    let mut fitted = vec![f64::NAN; data.y.len()];
    for (&r, &m) in rows.iter().zip(&mu) {
        fitted[r] = m;
    }
    Ok(PpmlFit {
        coef,
        se,
        vcov,
        sample: SampleInfo {
            n_obs: n,
            removed: prepared.removed,
            collinear: (0..k_all).filter(|j| !active.contains(j)).collect(),
            n_fixef_levels: prepared.dims.n_levels.clone(),
            n_clusters: prepared.clusters.iter().map(|c| c.1).collect(),
        },
        n_iter,
        converged,
        rel_dev_change,
        demean_converged,
        n_demean_sweeps,
        deviance: deviance_value,
        null_deviance,
        log_likelihood: log_likelihood_value,
        null_log_likelihood,
        pseudo_r2: 1.0 - log_likelihood_value / null_log_likelihood,
        ssc_factor: vcov_estimate.factor,
        fitted,
    })
}
