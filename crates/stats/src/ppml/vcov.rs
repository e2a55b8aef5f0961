//! Variance estimators: model-based, heteroskedasticity-robust and cluster-robust
//! sandwiches with an explicit small-sample factor.
//!
//! With bread `B = (X̃'WX̃)⁻¹` and scores `s_n = x̃_n u_n` (`u_n = w_n (y_n − μ_n)` for
//! Poisson, `w_n e_n` for OLS):
//! * iid: `V = c · σ̂² · B` (`σ̂² = 1` for Poisson, `RSS/(N−1)` for OLS);
//! * hetero: `V = c · B (Σ_n s_n s_n') B`;
//! * cluster: `V = c · B (Σ_g S_g S_g') B`, `S_g = Σ_{n ∈ g} s_n`; two-way:
//!   `V = V₁ + V₂ − V₁₂` with `V₁₂` clustered on the intersection.

use super::fixef::FixefDims;
use super::linalg::sandwich;
use super::{ClusterDf, FixefK, Ssc, Vcov};

/// The pieces of a sandwich estimator.
pub(crate) struct Sandwich<'a> {
    /// Active, demeaned regressors (sample length).
    pub(crate) x: &'a [&'a [f64]],
    /// `(X̃'WX̃)⁻¹`, row-major `k × k`.
    pub(crate) bread: &'a [f64],
    /// Score multipliers `u_n`.
    pub(crate) score: &'a [f64],
    /// `σ̂²` for the iid variance.
    pub(crate) iid_scale: f64,
}

/// The estimated variance and the factor used.
pub(crate) struct VcovEstimate {
    pub(crate) vcov: Vec<f64>,
    pub(crate) factor: f64,
}

/// `df_k`: the number of parameters the small-sample factor counts.
fn df_k(ssc: &Ssc, k: usize, fixef: &FixefDims, clusters: &[(Vec<u32>, usize)]) -> f64 {
    let n_fe = fixef.n_levels.len();
    if n_fe == 0 || ssc.k_fixef == FixefK::None {
        return k as f64;
    }
    let k_fe: usize = fixef.n_levels.iter().sum();
    let k_fe_adj = k_fe - (n_fe - 1);
    if ssc.k_fixef == FixefK::Full {
        return (k + k_fe_adj) as f64;
    }
    // Nonnested: dimensions whose every level lies inside one cluster are not counted
    // (their levels are replaced by one, as fixest and pyfixest do).
    let mut nested_levels = 0;
    let mut n_nested = 0;
    for (ids, &n_levels) in fixef.ids.iter().zip(&fixef.n_levels) {
        let nested = clusters.iter().any(|(cl, _)| {
            let mut cluster_of = vec![u32::MAX; n_levels];
            ids.iter().zip(cl).all(|(&id, &c)| {
                let slot = &mut cluster_of[id as usize];
                if *slot == u32::MAX {
                    *slot = c;
                }
                *slot == c
            })
        });
        if nested {
            nested_levels += n_levels;
            n_nested += 1;
        }
    }
    (k + k_fe_adj + n_nested - nested_levels) as f64
}

/// `Σ_g S_g S_g'` over the clusters `ids` (with `n_groups` groups), row-major.
fn cluster_meat(s: &Sandwich<'_>, ids: &[u32], n_groups: usize) -> Vec<f64> {
    let k = s.x.len();
    let mut sums = vec![0.0; n_groups * k];
    for (j, col) in s.x.iter().enumerate() {
        for ((&id, &x), &u) in ids.iter().zip(col.iter()).zip(s.score) {
            sums[id as usize * k + j] += x * u;
        }
    }
    let mut meat = vec![0.0; k * k];
    for group in sums.chunks_exact(k) {
        for i in 0..k {
            for j in 0..=i {
                meat[i * k + j] += group[i] * group[j];
            }
        }
    }
    for i in 0..k {
        for j in 0..i {
            meat[j * k + i] = meat[i * k + j];
        }
    }
    meat
}

/// Computes the variance for `kind`; `clusters` are compacted ids with their counts.
pub(crate) fn estimate(
    kind: Vcov,
    ssc: &Ssc,
    s: &Sandwich<'_>,
    fixef: &FixefDims,
    clusters: &[(Vec<u32>, usize)],
) -> VcovEstimate {
    let k = s.x.len();
    let n = s.score.len() as f64;
    if k == 0 {
        return VcovEstimate { vcov: Vec::new(), factor: f64::NAN };
    }
    let nested_clusters: &[(Vec<u32>, usize)] = if kind == Vcov::Cluster { clusters } else { &[] };
    let df_k = df_k(ssc, k, fixef, nested_clusters);
    let k_factor = if ssc.k_adj { (n - 1.0) / (n - df_k) } else { 1.0 };
    match kind {
        Vcov::Iid => {
            let factor = k_factor;
            let vcov = s.bread.iter().map(|b| b * s.iid_scale * factor).collect();
            VcovEstimate { vcov, factor }
        }
        Vcov::Hetero => {
            let factor = if ssc.k_adj {
                n / (n - df_k)
            } else if ssc.g_adj {
                n / (n - 1.0)
            } else {
                1.0
            };
            let mut meat = vec![0.0; k * k];
            for i in 0..k {
                for j in 0..=i {
                    let v: f64 = s.x[i]
                        .iter()
                        .zip(s.x[j])
                        .zip(s.score)
                        .map(|((&a, &b), &u)| a * b * u * u)
                        .sum();
                    meat[i * k + j] = v;
                    meat[j * k + i] = v;
                }
            }
            let vcov = sandwich(s.bread, &meat, k).iter().map(|v| v * factor).collect();
            VcovEstimate { vcov, factor }
        }
        Vcov::Cluster => {
            let g_min = clusters.iter().map(|c| c.1).min().unwrap_or(1) as f64;
            let g_factor = |g: usize| {
                let g = match ssc.g_df {
                    ClusterDf::Min => g_min,
                    ClusterDf::Conventional => g as f64,
                };
                if ssc.g_adj { g / (g - 1.0) } else { 1.0 }
            };
            let term = |ids: &[u32], n_groups: usize| -> Vec<f64> {
                let meat = cluster_meat(s, ids, n_groups);
                let f = g_factor(n_groups) * k_factor;
                sandwich(s.bread, &meat, k).iter().map(|v| v * f).collect()
            };
            let vcov = match clusters {
                [(ids, g)] => term(ids, *g),
                [(a, ga), (b, gb)] => {
                    let both = super::fixef::interact(a, b);
                    let g_both = both.iter().map(|&i| i as usize + 1).max().unwrap_or(0);
                    let (va, vb, vab) = (term(a, *ga), term(b, *gb), term(&both, g_both));
                    va.iter().zip(&vb).zip(&vab).map(|((a, b), ab)| a + b - ab).collect()
                }
                _ => unreachable!("cluster count checked by the caller"),
            };
            VcovEstimate { vcov, factor: g_factor(clusters[0].1) * k_factor }
        }
    }
}
