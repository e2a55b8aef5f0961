//! Poisson pseudo-maximum likelihood (PPML) and OLS with high-dimensional fixed effects.
//!
//! # Model
//! The Poisson gravity model (Santos Silva & Tenreyro 2006) is
//! `E[y_n | x_n] = μ_n = exp(x_n'β + Σ_g α_{g, f_g(n)} + offset_n)`, `y_n ≥ 0`, with any
//! number of fixed-effect dimensions `g` (exporter×year, importer×year, pair, …). The
//! estimator solves the first-order conditions `Σ_n w_n x̃_n (y_n − μ_n) = 0` and
//! `Σ_{n ∈ level} w_n (y_n − μ_n) = 0` for every fixed-effect level: the fitted values
//! reproduce the observed total of every level (the adding-up property; Fally 2015).
//!
//! # Algorithm
//! Iteratively reweighted least squares with the fixed effects partialled out, as in
//! ppmlhdfe (Correia, Guimarães & Zylkin 2020, Stata Journal 20(1):95–115):
//!
//! 1. start from `μ⁰ = (y + ȳ)/2`, `η⁰ = log μ⁰`;
//! 2. at each iteration, weights `W = w μ`, working variable
//!    `z = η − offset + (y − μ)/μ`; partial the fixed effects out of `z` and of every
//!    regressor by weighted alternating projections with Irons–Tuck acceleration
//!    (see the `fixef` module source); solve `β = (X̃'WX̃)⁻¹X̃'Wz̃`; set
//!    `η ← z − (z̃ − X̃β) + offset`;
//! 3. halve the step if the deviance `D = 2 Σ w [y log(y/μ) − (y − μ)]` rose;
//! 4. stop when `|D − D_old| / (0.1 + |D|) < glm_tol` (fixest's criterion), but only at
//!    an iteration whose demeaning ran at the final inner tolerance.
//!
//! Two accelerations from ppmlhdfe: the demeaning is warm-started (only the change
//! `z − z_prev` is added to last iteration's `z̃`, and last iteration's `X̃` is re-demeaned,
//! which is valid because the projection is linear), and its tolerance starts loose
//! (1e-4) and is tightened tenfold whenever the deviance change comes within ten times
//! of it, down to `min(fixef_tol, glm_tol / 10)`.
//!
//! Before fitting, observations are removed for a stated [`Removal`] reason: missing
//! values, zero weights, singleton fixed-effect levels, and separation (Correia,
//! Guimarães & Zylkin 2019, arXiv:1903.01633) by the fixed-effect method (levels with only
//! zero outcomes) and the iterated-rectifier method. Regressors collinear with earlier ones
//! or absorbed by the fixed effects are dropped and listed.
//!
//! Inference ([`Vcov`]): iid, heteroskedasticity-robust and one- or two-way clustered
//! (Cameron, Gelbach & Miller 2011) sandwich estimators with the small-sample factor made
//! explicit ([`Ssc`], with presets for Stata, fixest and pyfixest).
//!
//! [`fit_ols`] is least squares with absorbed fixed effects on the same demeaning.
//!
//! Long sums run in fixed-size chunks added in order and each column is demeaned
//! sequentially, so the same inputs give the same bits whatever the number of threads.
//! The method, the options and the meaning of every removal reason are described at
//! length in `docs/gravity.md`.
//!
//! # Example
//! ```
//! use stats::ppml::{self, Data, PpmlOptions};
//!
//! // Three origins × three destinations; y depends on distance.
//! let orig = [0, 0, 0, 1, 1, 1, 2, 2, 2];
//! let dest = [0, 1, 2, 0, 1, 2, 0, 1, 2];
//! let dist = [1.0, 2.0, 3.0, 2.0, 1.0, 2.0, 3.0, 2.0, 1.0];
//! let y = [10.0, 4.0, 1.0, 3.0, 12.0, 5.0, 0.0, 6.0, 9.0];
//! let data = Data { y: &y, x: vec![&dist], fixef: vec![&orig, &dest], ..Data::default() };
//! let fit = ppml::fit(&data, &PpmlOptions::default())?;
//! assert!(fit.converged);
//! assert!(fit.coef[0] < 0.0);
//! # Ok::<(), stats::Error>(())
//! ```
//!
//! # References
//! * Santos Silva, J. M. C. & Tenreyro, S. (2006). The log of gravity. *Review of
//!   Economics and Statistics* 88(4), 641–658.
//! * Correia, S., Guimarães, P. & Zylkin, T. (2020). Fast Poisson estimation with
//!   high-dimensional fixed effects. *Stata Journal* 20(1), 95–115.
//! * Correia, S., Guimarães, P. & Zylkin, T. (2019). Verifying the existence of maximum
//!   likelihood estimates for generalized linear models. arXiv:1903.01633.
//! * Bergé, L. (2018). Efficient estimation of maximum likelihood models with multiple
//!   fixed-effects: the R package FENmlm. CREA Discussion Paper 2018-13.
//! * Irons, B. M. & Tuck, R. C. (1969). A version of the Aitken accelerator for computer
//!   iteration. *International Journal for Numerical Methods in Engineering* 1(3), 275–277.
//! * Fally, T. (2015). Structural gravity and fixed effects. *Journal of International
//!   Economics* 97(1), 76–85.

mod fixef;
mod linalg;
mod ols;
mod poisson;
mod sample;
mod separation;
mod vcov;

pub use fixef::{group_ids, interact};
pub use ols::fit_ols;
pub use poisson::fit;

/// The columns of a regression: plain slices, one value per observation.
///
/// Rows with a missing value (NaN or infinite) in `y`, `x`, `weights` or `offset` are
/// removed ([`Removal::Missing`]). Group ids can be any `u32` values (they are renumbered
/// internally); build them from labels with [`group_ids`] and [`interact`].
#[derive(Clone, Debug, Default)]
pub struct Data<'a> {
    /// Dependent variable (`y ≥ 0` for Poisson).
    pub y: &'a [f64],
    /// Regressors, one slice per variable. An intercept is a column of ones (include it
    /// only without fixed effects; with them it is dropped as collinear).
    pub x: Vec<&'a [f64]>,
    /// Fixed-effect dimensions, one slice of group ids per dimension.
    pub fixef: Vec<&'a [u32]>,
    /// Observation weights (`≥ 0`; zero-weight rows are removed). `None`: all ones.
    pub weights: Option<&'a [f64]>,
    /// Offset added to the linear predictor with coefficient 1 (Poisson only; ignored by
    /// [`fit_ols`]). `None`: zero.
    pub offset: Option<&'a [f64]>,
    /// Cluster ids for [`Vcov::Cluster`]: one slice for one-way, two for two-way.
    pub cluster: Vec<&'a [u32]>,
}

/// The variance estimator (fixest's `vcov` keywords).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Vcov {
    /// Model-based: `V = c · (X̃'WX̃)⁻¹` (times `σ̂²` for OLS).
    #[default]
    Iid,
    /// Heteroskedasticity-robust sandwich (HC1 with the default small-sample factor).
    Hetero,
    /// Cluster-robust (CRV1) on [`Data::cluster`]; two columns give two-way clustering
    /// `V₁ + V₂ − V₁₂` (Cameron, Gelbach & Miller 2011).
    Cluster,
}

/// How fixed-effect coefficients count in the small-sample factor's `K`
/// (pyfixest `k_fixef`, fixest `fixef.K`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixefK {
    /// `K` counts only the regressors.
    None,
    /// `K` also counts the fixed-effect levels, except those of dimensions nested in a
    /// cluster variable (fixest `"nested"`, pyfixest `"nonnested"`).
    Nonnested,
    /// `K` counts all fixed-effect levels.
    Full,
}

/// Which number of clusters enters `G/(G−1)` with two-way clustering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClusterDf {
    /// The smallest `G` of the cluster dimensions, for every term (fixest `"min"`).
    Min,
    /// Each term uses its own `G` (fixest `"conventional"`).
    Conventional,
}

/// Named small-sample-correction presets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SscPreset {
    /// Stata: `ppmlhdfe`/`poisson` use `G/(G−1)` only (clustered), `N/(N−1)` (robust);
    /// `reghdfe` adds `(N−1)/(N−K)` with fixed effects nested in clusters not counted.
    Stata,
    /// R fixest defaults: `ssc(K.adj = TRUE, K.fixef = "nested", G.adj = TRUE, G.df = "min")`.
    Fixest,
    /// pyfixest defaults: `ssc(k_adj=True, k_fixef="nonnested", G_adj=True, G_df="min")`.
    Pyfixest,
}

/// The small-sample factor `c` multiplying the variance, made explicit.
///
/// With `df_k = K` counted as [`FixefK`] says (fixed-effect levels minus one per extra
/// dimension, as fixest and pyfixest count them):
/// * iid: `c = (N−1)/(N−df_k)` if `k_adj`, else 1;
/// * hetero: every observation is its own cluster: `c = N/(N−df_k)` if `k_adj`, else
///   `N/(N−1)` if `g_adj`, else 1;
/// * cluster: `c = [(N−1)/(N−df_k) if k_adj] · [G/(G−1) if g_adj]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ssc {
    /// Apply `(N−1)/(N−df_k)`.
    pub k_adj: bool,
    /// What `df_k` counts.
    pub k_fixef: FixefK,
    /// Apply `G/(G−1)`.
    pub g_adj: bool,
    /// Which `G` for two-way clustering.
    pub g_df: ClusterDf,
}

impl Ssc {
    /// fixest's defaults (also [`Ssc::default`]).
    pub const FIXEST: Ssc =
        Ssc { k_adj: true, k_fixef: FixefK::Nonnested, g_adj: true, g_df: ClusterDf::Min };

    /// The factor of a named preset for an estimator (`poisson = false` for OLS).
    ///
    /// fixest and pyfixest agree on these options; they differ only in small details of
    /// counting nested fixed effects and (with `k_adj = false`) of the robust factor.
    pub fn preset(preset: SscPreset, poisson: bool) -> Ssc {
        match preset {
            SscPreset::Fixest | SscPreset::Pyfixest => Ssc::FIXEST,
            SscPreset::Stata if poisson => {
                Ssc { k_adj: false, k_fixef: FixefK::None, g_adj: true, g_df: ClusterDf::Min }
            }
            SscPreset::Stata => Ssc::FIXEST,
        }
    }
}

impl Default for Ssc {
    fn default() -> Self {
        Ssc::FIXEST
    }
}

/// Which observations are removed before estimation (fixest's `fixef.rm`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixefRm {
    /// Keep all observations.
    None,
    /// Poisson: drop observations of fixed-effect levels whose outcomes are all zero
    /// (separation by the fixed-effect method), repeated until none is left.
    Perfect,
    /// Drop observations alone in their fixed-effect level, repeated until none is left.
    Singleton,
    /// Both of the above, alternated until nothing changes.
    Both,
}

/// Extra separation checks beyond the fixed-effect method of [`FixefRm::Perfect`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separation {
    /// None (fixest's default).
    None,
    /// The iterated rectifier ("ir"; Correia, Guimarães & Zylkin 2019), which also finds
    /// separation by combinations of regressors and fixed effects (ppmlhdfe default).
    Rectifier,
}

/// Options for [`fit`] (Poisson). The defaults are those of R `fixest::fepois`, except
/// that the variance is `Iid` unless asked for (fixest clusters by the first fixed
/// effect by default).
#[derive(Clone, Debug)]
pub struct PpmlOptions {
    /// IRLS convergence tolerance on `|D − D_old| / (0.1 + |D|)`. Default: `1e-8`.
    pub glm_tol: f64,
    /// Maximum number of IRLS iterations. Default: `25` (fixest `glm.iter`).
    pub glm_max_iter: u32,
    /// Tolerance of the demeaning: a sweep's change, the weighted root-mean-square
    /// group-mean correction summed over dimensions, must fall below it. The IRLS ends
    /// at `min(fixef_tol, glm_tol / 10)`. Default: `1e-6`.
    pub fixef_tol: f64,
    /// Maximum number of sweeps per demeaning. Default: `10_000`.
    pub fixef_max_iter: u32,
    /// Relative pivot below which a regressor is dropped as collinear. Default: `1e-10`.
    pub collin_tol: f64,
    /// Observations removed before fitting. Default: [`FixefRm::Perfect`].
    pub fixef_rm: FixefRm,
    /// Extra separation check. Default: [`Separation::None`].
    pub separation: Separation,
    /// Variance estimator. Default: [`Vcov::Iid`].
    pub vcov: Vcov,
    /// Small-sample factor. Default: [`Ssc::FIXEST`].
    pub ssc: Ssc,
}

impl Default for PpmlOptions {
    fn default() -> Self {
        Self {
            glm_tol: 1e-8,
            glm_max_iter: 25,
            fixef_tol: 1e-6,
            fixef_max_iter: 10_000,
            collin_tol: 1e-10,
            fixef_rm: FixefRm::Perfect,
            separation: Separation::None,
            vcov: Vcov::Iid,
            ssc: Ssc::FIXEST,
        }
    }
}

impl PpmlOptions {
    /// ppmlhdfe's choices: singletons and separated observations (fixed-effect and
    /// rectifier methods) removed, up to 1000 iterations, Stata's small-sample factor.
    pub fn ppmlhdfe() -> Self {
        Self {
            glm_max_iter: 1000,
            fixef_rm: FixefRm::Both,
            separation: Separation::Rectifier,
            ssc: Ssc::preset(SscPreset::Stata, true),
            ..Self::default()
        }
    }
}

/// Options for [`fit_ols`]. Defaults are those of R `fixest::feols`, except that the
/// variance is `Iid` unless asked for.
#[derive(Clone, Debug)]
pub struct OlsOptions {
    /// Tolerance of the demeaning. Default: `1e-8`.
    pub fixef_tol: f64,
    /// Maximum number of sweeps per demeaning. Default: `10_000`.
    pub fixef_max_iter: u32,
    /// Relative pivot below which a regressor is dropped as collinear. Default: `1e-10`.
    pub collin_tol: f64,
    /// Observations removed before fitting ([`FixefRm::Perfect`] means nothing for OLS).
    /// Default: [`FixefRm::None`].
    pub fixef_rm: FixefRm,
    /// Variance estimator. Default: [`Vcov::Iid`].
    pub vcov: Vcov,
    /// Small-sample factor. Default: [`Ssc::FIXEST`].
    pub ssc: Ssc,
}

impl Default for OlsOptions {
    fn default() -> Self {
        Self {
            fixef_tol: 1e-8,
            fixef_max_iter: 10_000,
            collin_tol: 1e-10,
            fixef_rm: FixefRm::None,
            vcov: Vcov::Iid,
            ssc: Ssc::FIXEST,
        }
    }
}

/// Why an input row was left out of the estimation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Removal {
    /// A missing (NaN or infinite) value in `y`, a regressor, the weight or the offset.
    Missing,
    /// Weight zero: the row does not contribute.
    ZeroWeight,
    /// The only observation of some fixed-effect level: its fixed effect fits it exactly,
    /// so it carries no information on `β` (removed iteratively).
    Singleton,
    /// Separated by the fixed-effect method: a level whose outcomes are all zero, whose
    /// fixed effect would go to −∞ (fixest's `fixef.rm = "perfect"`).
    SeparatedFixef,
    /// Separated by the iterated rectifier: a combination of regressors and fixed effects
    /// is zero where `y > 0` and non-negative (positive here) where `y = 0`, so `μ → 0`
    /// and some coefficient diverges.
    SeparatedRectifier,
}

/// The estimation sample and what was removed from the input.
#[derive(Clone, Debug, Default)]
pub struct SampleInfo {
    /// Observations used.
    pub n_obs: usize,
    /// Input rows removed, in row order, each with the reason.
    pub removed: Vec<(usize, Removal)>,
    /// Regressors dropped as collinear (input column indices).
    pub collinear: Vec<usize>,
    /// Number of levels of each fixed-effect dimension in the sample.
    pub n_fixef_levels: Vec<usize>,
    /// Number of clusters of each cluster dimension (empty unless clustered).
    pub n_clusters: Vec<usize>,
}

impl SampleInfo {
    /// How many rows were removed for `reason`.
    pub fn n_removed(&self, reason: Removal) -> usize {
        self.removed.iter().filter(|(_, r)| *r == reason).count()
    }
}

/// A fitted Poisson model. Plain data: reading it does no work.
#[derive(Clone, Debug)]
pub struct PpmlFit {
    /// Coefficients, one per input regressor (NaN for a dropped collinear one).
    pub coef: Vec<f64>,
    /// Standard errors (NaN for a dropped regressor).
    pub se: Vec<f64>,
    /// Variance matrix, `k × k` (NaN rows and columns for dropped regressors).
    pub vcov: faer::Mat<f64>,
    /// Sample, removals and dropped variables.
    pub sample: SampleInfo,
    /// IRLS iterations done.
    pub n_iter: u32,
    /// Whether the IRLS converged. A fit that did not is still returned.
    pub converged: bool,
    /// The last relative deviance change `|D − D_old| / (0.1 + |D|)`.
    pub rel_dev_change: f64,
    /// Whether every demeaning in the last iteration reached its tolerance.
    pub demean_converged: bool,
    /// Demeaning sweeps over all iterations (the slowest column's count per iteration).
    pub n_demean_sweeps: u64,
    /// Deviance `2 Σ w [y log(y/μ) − (y − μ)]`.
    pub deviance: f64,
    /// Deviance of the intercept-only model (with the offset).
    pub null_deviance: f64,
    /// Poisson log-likelihood `Σ w [y log μ − μ − log Γ(y + 1)]`.
    pub log_likelihood: f64,
    /// Log-likelihood of the intercept-only model.
    pub null_log_likelihood: f64,
    /// McFadden's pseudo-R² `1 − ℓ/ℓ₀` (as ppmlhdfe reports it).
    pub pseudo_r2: f64,
    /// The small-sample factor `c` applied to the variance.
    pub ssc_factor: f64,
    /// Fitted means `μ` for every input row (NaN for removed rows).
    pub fitted: Vec<f64>,
}

/// A fitted OLS model with absorbed fixed effects. Plain data.
#[derive(Clone, Debug)]
pub struct OlsFit {
    /// Coefficients, one per input regressor (NaN for a dropped collinear one).
    pub coef: Vec<f64>,
    /// Standard errors (NaN for a dropped regressor).
    pub se: Vec<f64>,
    /// Variance matrix, `k × k` (NaN rows and columns for dropped regressors).
    pub vcov: faer::Mat<f64>,
    /// Sample, removals and dropped variables.
    pub sample: SampleInfo,
    /// Whether every demeaning reached its tolerance.
    pub demean_converged: bool,
    /// Demeaning sweeps (the slowest column's count).
    pub n_demean_sweeps: u64,
    /// Residual sum of squares `Σ w e²`.
    pub rss: f64,
    /// `R² = 1 − RSS / Σ w (y − ȳ)²`.
    pub r2: f64,
    /// Within `R² = 1 − RSS / Σ w ỹ²` (equal to `r2` without fixed effects).
    pub r2_within: f64,
    /// The small-sample factor `c` applied to the variance.
    pub ssc_factor: f64,
    /// Residuals for every input row (NaN for removed rows).
    pub residuals: Vec<f64>,
}

/// Spreads the active-column estimates back to all `k` input columns (NaN elsewhere).
fn expand(
    k: usize,
    active: &[usize],
    coef_active: &[f64],
    vcov_active: &[f64],
) -> (Vec<f64>, Vec<f64>, faer::Mat<f64>) {
    let k_active = active.len();
    let mut coef = vec![f64::NAN; k];
    let mut se = vec![f64::NAN; k];
    let mut vcov = faer::Mat::from_fn(k, k, |_, _| f64::NAN);
    for (a, &i) in active.iter().enumerate() {
        coef[i] = coef_active[a];
        se[i] = vcov_active[a * k_active + a].sqrt();
        for (b, &j) in active.iter().enumerate() {
            vcov[(i, j)] = vcov_active[a * k_active + b];
        }
    }
    (coef, se, vcov)
}
