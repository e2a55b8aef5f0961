//! Fixed-effect group ids and the weighted alternating-projection demeaner.
//!
//! Partialling out fixed effects means replacing a column `v` by its residual from a
//! weighted least-squares regression on all fixed-effect dummies,
//! `ṽ = v − D α̂`, `α̂ = argmin_α Σ_n w_n (v_n − Σ_g α_{g, f_g(n)})²`.
//! The method of alternating projections (Gaure 2013; Guimarães & Portugal 2010) sweeps
//! over the dimensions, each time subtracting the weighted group means of the current
//! residual, `r ← r − P_g r` with `(P_g r)_n = Σ_{m: f_g(m) = f_g(n)} w_m r_m / Σ w_m`.
//! One sweep `F = (I − P_G)…(I − P_1)` is a linear contraction whose fixed point is `ṽ`.
//! Sweeps are accelerated with the Irons & Tuck (1969) extrapolation used by fixest
//! (Bergé 2018): from `x`, `F(x)` and `F(F(x))`,
//! `x ← F²x − (⟨Δ₁, Δ₂⟩ / ⟨Δ₂, Δ₂⟩) Δ₁`, `Δ₁ = F²x − Fx`, `Δ₂ = F²x − 2Fx + x`.
//! The extrapolation is an affine combination of points of `v + span(D)`, so it stays on
//! that set and the fixed point is unchanged.
//!
//! Convergence: the change made by the last sweep is below the tolerance, the change being
//! measured (see [`Criterion`]) as the weighted root-mean-square group-mean correction
//! summed over dimensions, `Σ_g (Σ_j W_{g j} δ_{g j}² / Σ_n w_n)^½` (an upper bound on the
//! weighted RMS change of the observations), or as the largest correction,
//! `Σ_g max_j |δ_{g j}|` (an upper bound on `max_n |F(r)_n − r_n|`). Each column is demeaned sequentially, so the result does not depend on the
//! number of threads.

use std::collections::HashMap;
use std::hash::Hash;

/// Numbers the distinct labels `0, 1, 2, …` in order of first appearance.
///
/// Use it to turn any column of labels (strings, integers, tuples) into the `u32` group
/// ids that [`Data::fixef`](super::Data::fixef) and [`Data::cluster`](super::Data::cluster)
/// take. The numbering depends only on the order of `labels`.
///
/// # Panics
/// Panics if there are more than `u32::MAX` distinct labels.
pub fn group_ids<T: Hash + Eq>(labels: &[T]) -> Vec<u32> {
    let mut index: HashMap<&T, u32> = HashMap::new();
    labels
        .iter()
        .map(|label| {
            let next = u32::try_from(index.len()).expect("more than u32::MAX groups");
            *index.entry(label).or_insert(next)
        })
        .collect()
}

/// The group ids of the interaction of two groupings (fixest's `a^b`): one group per
/// observed pair of values, numbered in order of first appearance.
///
/// # Panics
/// Panics if `a` and `b` have different lengths.
pub fn interact(a: &[u32], b: &[u32]) -> Vec<u32> {
    assert_eq!(a.len(), b.len(), "interacted columns must have the same length");
    let pairs: Vec<u64> =
        a.iter().zip(b).map(|(&a, &b)| (u64::from(a) << 32) | u64::from(b)).collect();
    group_ids(&pairs)
}

/// Renumbers `ids[rows]` densely as `0..n_levels` (first appearance order).
pub(crate) fn compact(ids: &[u32], rows: &[usize]) -> (Vec<u32>, usize) {
    let max_id = rows.iter().map(|&r| ids[r]).max().unwrap_or(0) as usize;
    let mut out = Vec::with_capacity(rows.len());
    if max_id <= 4 * rows.len() + 1024 {
        let mut map = vec![u32::MAX; max_id + 1];
        let mut next = 0u32;
        for &r in rows {
            let slot = &mut map[ids[r] as usize];
            if *slot == u32::MAX {
                *slot = next;
                next += 1;
            }
            out.push(*slot);
        }
        (out, next as usize)
    } else {
        let mut map: HashMap<u32, u32> = HashMap::new();
        for &r in rows {
            let next = map.len() as u32;
            out.push(*map.entry(ids[r]).or_insert(next));
        }
        let n = map.len();
        (out, n)
    }
}

/// The ends of the runs of equal ids, if runs average at least eight observations.
fn run_ends(ids: &[u32]) -> Option<Vec<usize>> {
    let ends: Vec<usize> =
        (1..=ids.len()).filter(|&n| n == ids.len() || ids[n] != ids[n - 1]).collect();
    (ends.len() * 8 <= ids.len()).then_some(ends)
}

/// Fixed-effect dimensions restricted to the estimation sample, with dense ids.
#[derive(Clone, Debug, Default)]
pub(crate) struct FixefDims {
    /// `ids[g][n]`: the level of dimension `g` for sample observation `n`.
    pub(crate) ids: Vec<Vec<u32>>,
    /// Number of levels of each dimension.
    pub(crate) n_levels: Vec<usize>,
    /// For a dimension whose ids come in long runs of equal values (data sorted by it),
    /// the end of each run. Sums over a run are then kept in registers instead of
    /// read-modify-writing one memory cell, which would chain every addition.
    pub(crate) run_ends: Vec<Option<Vec<usize>>>,
    /// The ids again in 16 bits, for dimensions of at most 65,536 levels: the demeaning
    /// passes then read half as many bytes of ids.
    pub(crate) narrow: Vec<Option<Vec<u16>>>,
}

impl FixefDims {
    pub(crate) fn new(columns: &[&[u32]], rows: &[usize]) -> Self {
        use rayon::prelude::*;
        // One dimension per task: each is computed the same way whatever the threads.
        let dims: Vec<_> = columns.par_iter().map(|c| Self::dimension(c, rows)).collect();
        let mut out = Self::default();
        for (ids, n_levels, run_ends, narrow) in dims {
            out.ids.push(ids);
            out.n_levels.push(n_levels);
            out.run_ends.push(run_ends);
            out.narrow.push(narrow);
        }
        out
    }

    /// One dimension in one pass over `ids[rows]`: the dense ids (as [`compact`] numbers
    /// them), the number of levels, the ends of the runs of equal ids when runs average
    /// at least eight observations, and the ids in 16 bits when they fit.
    #[allow(clippy::type_complexity, reason = "the four fields of one dimension")]
    fn dimension(
        ids: &[u32],
        rows: &[usize],
    ) -> (Vec<u32>, usize, Option<Vec<usize>>, Option<Vec<u16>>) {
        let max_id = rows.iter().map(|&r| ids[r]).max().unwrap_or(0) as usize;
        if max_id > 4 * rows.len() + 1024 {
            let (dense, n_levels) = compact(ids, rows);
            let run_ends = run_ends(&dense);
            let narrow = (n_levels <= 1 << 16)
                .then(|| dense.iter().map(|&id| u16::try_from(id).unwrap_or(u16::MAX)).collect());
            return (dense, n_levels, run_ends, narrow);
        }
        let n = rows.len();
        let mut map = vec![u32::MAX; max_id + 1];
        let mut next = 0u32;
        let mut dense = vec![0u32; n];
        let mut narrow = vec![0u16; n];
        // Runs are worth it when they average at least eight observations.
        let max_runs = n / 8;
        let mut ends: Vec<usize> = Vec::new();
        let mut runs_ok = true;
        let mut previous = u32::MAX;
        for (i, ((&r, d), w)) in rows.iter().zip(&mut dense).zip(&mut narrow).enumerate() {
            let slot = &mut map[ids[r] as usize];
            if *slot == u32::MAX {
                *slot = next;
                next += 1;
            }
            let id = *slot;
            *d = id;
            // Ids beyond 16 bits only when there are more than 65,536 levels, and then
            // the narrow copy is dropped below.
            *w = id as u16;
            if id != previous && i > 0 && runs_ok {
                if ends.len() < max_runs {
                    ends.push(i);
                } else {
                    runs_ok = false;
                }
            }
            previous = id;
        }
        let n_levels = next as usize;
        let run_ends = if n == 0 {
            Some(ends)
        } else if runs_ok && ends.len() < max_runs {
            ends.push(n);
            Some(ends)
        } else {
            None
        };
        let narrow = (n_levels <= 1 << 16).then_some(narrow);
        (dense, n_levels, run_ends, narrow)
    }

    /// The ids of dimension `g` for the demeaning passes.
    fn pass_ids(&self, g: usize) -> Ids<'_> {
        match &self.narrow[g] {
            Some(ids) => Ids::Narrow(ids),
            None => Ids::Wide(&self.ids[g]),
        }
    }
}

/// The group ids of a dimension as the demeaning reads them.
#[derive(Clone, Copy)]
enum Ids<'a> {
    /// 16-bit ids (at most 65,536 levels).
    Narrow(&'a [u16]),
    /// 32-bit ids.
    Wide(&'a [u32]),
}

/// A group id type.
trait Id: Copy {
    /// The id as an index.
    fn index(self) -> usize;
}

impl Id for u16 {
    #[inline(always)]
    fn index(self) -> usize {
        usize::from(self)
    }
}

impl Id for u32 {
    #[inline(always)]
    fn index(self) -> usize {
        self as usize
    }
}

/// The group means a pass subtracts: the ids of a dimension, the ends of their runs
/// when the data come sorted by it, and the mean of each level.
type Subtract<'a, G = Ids<'a>> = (G, Option<&'a [usize]>, &'a [f64]);

/// The sums a pass accumulates into: the ids of a dimension, the ends of their runs, and
/// the sums of each level.
type Accumulate<'a, T = Ids<'a>> = (T, Option<&'a [usize]>, &'a mut [f64]);

/// One pass over the `n_obs` observations: `value(n, δ)` gives (and may store) the new
/// value of observation `n` from the mean `δ` of its level in the subtracted dimension,
/// and, with `acc`, `w_n · value` is added to the sums of its level. A run of equal ids
/// (data sorted by that dimension) shares one mean, or has its sum kept in registers
/// instead of read-modify-writing one memory cell, which would chain every addition.
#[inline(always)]
fn pass(
    n_obs: usize,
    (ids_g, runs_g, delta): Subtract<'_>,
    acc: Option<Accumulate<'_>>,
    w: &[f64],
    value: impl FnMut(usize, f64) -> f64,
) {
    use Ids::{Narrow, Wide};
    match (ids_g, acc) {
        (Narrow(g), None) => pass_typed::<u16, u16>(n_obs, (g, runs_g, delta), None, w, value),
        (Wide(g), None) => pass_typed::<u32, u32>(n_obs, (g, runs_g, delta), None, w, value),
        (Narrow(g), Some((Narrow(t), r, s))) => {
            pass_typed(n_obs, (g, runs_g, delta), Some((t, r, s)), w, value);
        }
        (Narrow(g), Some((Wide(t), r, s))) => {
            pass_typed(n_obs, (g, runs_g, delta), Some((t, r, s)), w, value);
        }
        (Wide(g), Some((Narrow(t), r, s))) => {
            pass_typed(n_obs, (g, runs_g, delta), Some((t, r, s)), w, value);
        }
        (Wide(g), Some((Wide(t), r, s))) => {
            pass_typed(n_obs, (g, runs_g, delta), Some((t, r, s)), w, value);
        }
    }
}

/// [`pass`] for one pair of id types.
#[inline(always)]
fn pass_typed<G: Id, T: Id>(
    n_obs: usize,
    (ids_g, runs_g, delta): Subtract<'_, &[G]>,
    acc: Option<Accumulate<'_, &[T]>>,
    w: &[f64],
    mut value: impl FnMut(usize, f64) -> f64,
) {
    let ids_g = &ids_g[..n_obs];
    let w = &w[..n_obs];
    match acc {
        Some((ids_t, Some(ends), sums)) => {
            let ids_t = &ids_t[..n_obs];
            let mut start = 0;
            for &end in ends {
                let end = end.min(n_obs);
                // Two accumulators, combined in a fixed order.
                let (mut even, mut odd) = (0.0, 0.0);
                let mut n = start;
                while n + 1 < end {
                    even += w[n] * value(n, delta[ids_g[n].index()]);
                    odd += w[n + 1] * value(n + 1, delta[ids_g[n + 1].index()]);
                    n += 2;
                }
                if n < end {
                    even += w[n] * value(n, delta[ids_g[n].index()]);
                }
                if start < end {
                    sums[ids_t[start].index()] += even + odd;
                }
                start = end;
            }
        }
        Some((ids_t, None, sums)) => {
            let ids_t = &ids_t[..n_obs];
            match runs_g {
                Some(ends) => {
                    let mut start = 0;
                    for &end in ends {
                        let end = end.min(n_obs);
                        if start < end {
                            let d = delta[ids_g[start].index()];
                            for ((n, &id), &w) in
                                (start..end).zip(&ids_t[start..end]).zip(&w[start..end])
                            {
                                sums[id.index()] += w * value(n, d);
                            }
                        }
                        start = end;
                    }
                }
                None => {
                    for (n, ((&g, &t), &w)) in ids_g.iter().zip(ids_t).zip(w).enumerate() {
                        sums[t.index()] += w * value(n, delta[g.index()]);
                    }
                }
            }
        }
        None => match runs_g {
            Some(ends) => {
                let mut start = 0;
                for &end in ends {
                    let end = end.min(n_obs);
                    if start < end {
                        let d = delta[ids_g[start].index()];
                        for n in start..end {
                            value(n, d);
                        }
                    }
                    start = end;
                }
            }
            None => {
                for (n, &g) in ids_g.iter().enumerate() {
                    value(n, delta[g.index()]);
                }
            }
        },
    }
}

/// Adds `w_n v_n` to `sums[ids[n]]` (by runs when given).
fn accumulate(ids: &[u32], runs: Option<&[usize]>, w: &[f64], v: &[f64], sums: &mut [f64]) {
    let n_obs = v.len();
    let (ids, w) = (&ids[..n_obs], &w[..n_obs]);
    match runs {
        Some(ends) => {
            let mut start = 0;
            for &end in ends {
                let end = end.min(n_obs);
                if start < end {
                    // Two accumulators, combined in a fixed order.
                    let (mut even, mut odd) = (0.0, 0.0);
                    let mut pairs_w = w[start..end].chunks_exact(2);
                    let mut pairs_v = v[start..end].chunks_exact(2);
                    for (a, b) in (&mut pairs_w).zip(&mut pairs_v) {
                        even += a[0] * b[0];
                        odd += a[1] * b[1];
                    }
                    for (a, b) in pairs_w.remainder().iter().zip(pairs_v.remainder()) {
                        even += a * b;
                    }
                    sums[ids[start] as usize] += even + odd;
                }
                start = end;
            }
        }
        None => {
            for ((&id, &w), &v) in ids.iter().zip(w).zip(v) {
                sums[id as usize] += w * v;
            }
        }
    }
}

/// Observations per block in [`weight_sums`]: the block's weights stay in the first-level
/// cache while every dimension reads them.
const WEIGHT_BLOCK: usize = 2048;

/// The weight sums of each level of the dimensions `gs` and, if `with_total`, the sum of
/// all weights (else `0`), going over the weights once, block by block. Every sum is
/// taken in observation order — a run of equal ids (data sorted by the dimension) summed
/// by itself first, then added to its level — as separate passes would take it.
fn weight_sums(
    dims: &FixefDims,
    gs: std::ops::Range<usize>,
    weights: &[f64],
    with_total: bool,
) -> (Vec<Vec<f64>>, f64) {
    let n = weights.len();
    let mut sums: Vec<Vec<f64>> = gs.clone().map(|g| vec![0.0; dims.n_levels[g]]).collect();
    // Per dimension with runs: the next run, its start and its partial sum.
    let mut run_state: Vec<(usize, usize, f64)> = vec![(0, 0, -0.0); sums.len()];
    // The total is summed in the same loop as the runs of the first dimension that has
    // them: two chains of additions that wait on nothing but themselves, side by side.
    let total_with_runs = gs.clone().find(|&g| dims.run_ends[g].is_some());
    let mut total = -0.0;
    let mut block_start = 0;
    while block_start < n {
        let block_end = (block_start + WEIGHT_BLOCK).min(n);
        let block = &weights[block_start..block_end];
        let mut total_done = !with_total;
        for ((g, sums), state) in gs.clone().zip(&mut sums).zip(&mut run_state) {
            let sums = sums.as_mut_slice();
            match dims.run_ends[g].as_deref() {
                Some(ends) => {
                    let with_total = !total_done && total_with_runs == Some(g);
                    let (next, start, partial) = state;
                    let ids = &dims.ids[g];
                    // The position in the run that contains it.
                    let mut pos = block_start;
                    while *next < ends.len() {
                        let end = ends[*next].min(n);
                        let segment = &weights[pos..end.clamp(pos, block_end)];
                        if with_total {
                            for &w in segment {
                                *partial += w;
                                total += w;
                            }
                        } else {
                            *partial = segment.iter().fold(*partial, |a, &w| a + w);
                        }
                        pos += segment.len();
                        if end > block_end {
                            break;
                        }
                        if *start < end {
                            sums[ids[*start] as usize] += *partial;
                        }
                        *partial = -0.0;
                        *start = end;
                        *next += 1;
                    }
                    if with_total {
                        total = weights[pos..block_end].iter().fold(total, |a, &w| a + w);
                        total_done = true;
                    }
                }
                None => match dims.pass_ids(g) {
                    Ids::Narrow(ids) => {
                        for (&id, &w) in ids[block_start..block_end].iter().zip(block) {
                            sums[usize::from(id)] += w;
                        }
                    }
                    Ids::Wide(ids) => {
                        for (&id, &w) in ids[block_start..block_end].iter().zip(block) {
                            sums[id as usize] += w;
                        }
                    }
                },
            }
        }
        if !total_done {
            total = block.iter().fold(total, |a, &w| a + w);
        }
        block_start = block_end;
    }
    (sums, if with_total { total } else { 0.0 })
}

/// `(&v[g], &mut v[t])` for `g ≠ t`.
fn pick(v: &mut [Vec<f64>], g: usize, t: usize) -> (&[f64], &mut [f64]) {
    if g < t {
        let (a, b) = v.split_at_mut(t);
        (&a[g], &mut b[0])
    } else {
        let (a, b) = v.split_at_mut(g);
        (&b[0], &mut a[t])
    }
}

/// Outcome of demeaning one column.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DemeanInfo {
    /// Number of sweeps done.
    pub(crate) n_sweeps: u32,
    /// Whether the tolerance was reached.
    pub(crate) converged: bool,
}

/// Weighted demeaning against a fixed set of dimensions and weights.
pub(crate) struct Demeaner<'a> {
    dims: &'a FixefDims,
    weights: &'a [f64],
    /// `1 / Σ_{n in level} w_n` per dimension and level (0 for an empty level).
    inv_wsum: Vec<Vec<f64>>,
    /// `1 / Σ_n w_n`.
    inv_total_weight: f64,
    /// How the change of a sweep is measured.
    criterion: Criterion,
}

/// How far to demean: the change criterion, its tolerance and the most sweeps allowed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Demeaning {
    pub(crate) criterion: Criterion,
    pub(crate) tol: f64,
    pub(crate) max_sweeps: u32,
}

/// How the demeaning measures the change made by a sweep, to compare with its tolerance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Criterion {
    /// `Σ_g (Σ_j W_{g j} δ_{g j}² / Σ_n w_n)^½`: the weighted root-mean-square group-mean
    /// correction, summed over dimensions; by the triangle inequality an upper bound on
    /// the weighted RMS change of the observations. Observations with negligible weight
    /// (fitted means near zero) do not hold the demeaning back, and they do not matter for
    /// the weighted least-squares step either.
    WeightedRms,
    /// `Σ_g max_j |δ_{g j}|`: an upper bound on the largest change of any observation.
    /// Used where the observations with small weights are the ones that matter (the
    /// separation rectifier).
    Largest,
}

impl<'a> Demeaner<'a> {
    pub(crate) fn new(dims: &'a FixefDims, weights: &'a [f64], criterion: Criterion) -> Self {
        use rayon::prelude::*;
        let n_dims = dims.ids.len();
        // Each dimension's sums and the total are taken in observation order, so the
        // bits are the same whether the dimensions are summed together (one read of the
        // weights) or one per task.
        let (sums, total) = if n_dims > 1 && rayon::current_num_threads() > 1 {
            let mut parts: Vec<(Vec<Vec<f64>>, f64)> = (0..n_dims)
                .into_par_iter()
                .map(|g| weight_sums(dims, g..g + 1, weights, g == 0))
                .collect();
            let total = parts[0].1;
            (parts.iter_mut().map(|(s, _)| s.pop().unwrap_or_default()).collect(), total)
        } else {
            weight_sums(dims, 0..n_dims, weights, true)
        };
        let inv_wsum = sums
            .into_iter()
            .map(|sums| sums.iter().map(|&s| if s > 0.0 { 1.0 / s } else { 0.0 }).collect())
            .collect();
        let inv_total_weight = if total > 0.0 { 1.0 / total } else { 0.0 };
        Self { dims, weights, inv_wsum, inv_total_weight, criterion }
    }

    /// Replaces `col` by its residual after partialling out all fixed effects. The
    /// result may come back in a buffer swapped with the work space (no copy).
    pub(crate) fn demean(
        &self,
        col: &mut Vec<f64>,
        tol: f64,
        max_sweeps: u32,
        scratch: &mut Scratch,
    ) -> DemeanInfo {
        let ids = &self.dims.ids;
        let n_dims = ids.len();
        let n_obs = col.len();
        scratch.fit(&self.dims.n_levels, n_obs);
        let Scratch { sums, sums_gx, gx, ggx } = scratch;
        let sums = sums.as_mut_slice();
        if n_dims == 0 {
            return DemeanInfo { n_sweeps: 0, converged: true };
        }
        // Every sweep starts with the dimension-0 sums of its starting point in
        // `sums[0]`: the first one from this pass, the later ones from the last pass of
        // the sweep before (so a sweep costs one pass per dimension).
        sums[0].fill(0.0);
        accumulate(&ids[0], self.runs(0), self.weights, col, &mut sums[0]);
        if n_dims == 1 {
            // One projection is exact.
            for (d, &inv) in sums[0].iter_mut().zip(&self.inv_wsum[0]) {
                *d *= inv;
            }
            let col = col.as_mut_slice();
            pass(
                n_obs,
                (self.dims.pass_ids(0), self.runs(0), &sums[0]),
                None,
                self.weights,
                |n, d| {
                    col[n] -= d;
                    col[n]
                },
            );
            return DemeanInfo { n_sweeps: 1, converged: true };
        }
        // `col` holds the current point x; `gx` = F(x) and `ggx` = F(F(x)). The
        // extrapolated point is written back to `col` during the first pass of the next
        // sweep, and the Irons–Tuck inner products are taken during the last pass of the
        // second sweep, so each acceleration step costs two sweeps and no extra pass.
        // The dimension-0 sums of the extrapolated point are the same combination of
        // those of F(x) (kept in `sums_gx`) and F(F(x)): the sums are linear.
        let mut pending: Option<f64> = None;
        let mut n_sweeps = 0;
        while n_sweeps < max_sweeps {
            let start = match pending.take() {
                None => Start::Copy(col.as_slice()),
                Some(coef) => Start::Extrapolate { x: col.as_mut_slice(), ggx, coef },
            };
            let change = self.sweep(gx, sums, start, tol, None);
            n_sweeps += 1;
            if change < tol {
                std::mem::swap(col, gx);
                return DemeanInfo { n_sweeps, converged: true };
            }
            sums_gx.copy_from_slice(&sums[0]);
            let mut products = (0.0, 0.0);
            let change = self.sweep(
                ggx,
                sums,
                Start::Copy(gx),
                tol,
                Some((col.as_slice(), gx, &mut products)),
            );
            n_sweeps += 1;
            if change < tol {
                std::mem::swap(col, ggx);
                return DemeanInfo { n_sweeps, converged: true };
            }
            let (vprod, ssq) = products;
            if ssq > 0.0 && vprod.is_finite() && ssq.is_finite() {
                let coef = vprod / ssq;
                for (s, &s1) in sums[0].iter_mut().zip(sums_gx.iter()) {
                    *s -= coef * (*s - s1);
                }
                pending = Some(coef);
            } else {
                std::mem::swap(col, ggx);
            }
        }
        if let Some(coef) = pending {
            for ((x, &g1), &g2) in col.iter_mut().zip(gx.iter()).zip(ggx.iter()) {
                *x = g2 - coef * (g2 - g1);
            }
        }
        DemeanInfo { n_sweeps, converged: false }
    }

    /// The ends of the runs of equal ids of dimension `g`, if it is summed by runs.
    fn runs(&self, g: usize) -> Option<&[usize]> {
        self.dims.run_ends[g].as_deref()
    }

    /// One Gauss–Seidel sweep over at least two dimensions into `r`, from the point given
    /// by `start`, whose dimension-0 weighted sums `sums[0]` holds on entry. Pass `g`
    /// subtracts the group means of dimension `g` and accumulates the sums of dimension
    /// `g + 1`; unless the change is below `tol`, the last pass accumulates the
    /// dimension-0 sums of the result into `sums[0]` for the next sweep and, with
    /// `products = (x, gx, out)`, puts the Irons–Tuck inner products `⟨Δ₁, Δ₂⟩` and
    /// `⟨Δ₂, Δ₂⟩` into `out`. Returns the change (see [`Criterion`]).
    fn sweep(
        &self,
        r: &mut [f64],
        sums: &mut [Vec<f64>],
        start: Start<'_>,
        tol: f64,
        products: Option<ItProducts<'_>>,
    ) -> f64 {
        let ids = &self.dims.ids;
        let w = self.weights;
        let n_dims = ids.len();
        let n_obs = r.len();
        let mut change = 0.0;
        let mut start = Some(start);
        let mut products = products;
        for g in 0..n_dims {
            // Σ_j W_j δ_j² = Σ_j (Σ_{n∈j} w_n r_n) δ_j.
            let mut weighted_ss = 0.0;
            for (s, &inv) in sums[g].iter_mut().zip(&self.inv_wsum[g]) {
                let delta = *s * inv;
                weighted_ss += *s * delta;
                *s = delta;
            }
            change += match self.criterion {
                Criterion::WeightedRms => (weighted_ss * self.inv_total_weight).max(0.0).sqrt(),
                Criterion::Largest => sums[g].iter().fold(0.0f64, |m, d| m.max(d.abs())),
            };
            let last = g + 1 == n_dims;
            // The dimension whose sums this pass accumulates, if any.
            let target = if !last {
                Some(g + 1)
            } else if change >= tol {
                Some(0)
            } else {
                None
            };
            let (delta, acc): (&[f64], Option<Accumulate<'_>>) = match target {
                Some(t) => {
                    let (delta, sums_t) = pick(sums, g, t);
                    sums_t.fill(0.0);
                    (delta, Some((self.dims.pass_ids(t), self.runs(t), sums_t)))
                }
                None => (&sums[g], None),
            };
            let sub = (self.dims.pass_ids(g), self.runs(g), delta);
            if g == 0 {
                match start.take().expect("the first pass takes the start") {
                    Start::Copy(src) => {
                        let src = &src[..n_obs];
                        pass(n_obs, sub, acc, w, |n, d| {
                            r[n] = src[n] - d;
                            r[n]
                        });
                    }
                    Start::Extrapolate { x, ggx, coef } => {
                        // `r` holds F(x) from the last step.
                        let (x, ggx) = (&mut x[..n_obs], &ggx[..n_obs]);
                        pass(n_obs, sub, acc, w, |n, d| {
                            let v = ggx[n] - coef * (ggx[n] - r[n]);
                            x[n] = v;
                            r[n] = v - d;
                            r[n]
                        });
                    }
                }
            } else if let Some((x, gx, out)) =
                if last && acc.is_some() { products.take() } else { None }
            {
                let (x, gx) = (&x[..n_obs], &gx[..n_obs]);
                let (mut vprod, mut ssq) = (0.0, 0.0);
                pass(n_obs, sub, acc, w, |n, d| {
                    let v = r[n] - d;
                    r[n] = v;
                    let d1 = v - gx[n];
                    let d2 = v - 2.0 * gx[n] + x[n];
                    vprod += d1 * d2;
                    ssq += d2 * d2;
                    v
                });
                *out = (vprod, ssq);
            } else {
                pass(n_obs, sub, acc, w, |n, d| {
                    r[n] -= d;
                    r[n]
                });
            }
        }
        change
    }
}

/// Work space of one column's demeaning, kept across calls so that repeated demeaning
/// (one per IRLS iteration) does not allocate.
#[derive(Default)]
pub(crate) struct Scratch {
    sums: Vec<Vec<f64>>,
    sums_gx: Vec<f64>,
    gx: Vec<f64>,
    ggx: Vec<f64>,
}

impl Scratch {
    fn fit(&mut self, n_levels: &[usize], n_obs: usize) {
        self.sums.resize_with(n_levels.len(), Vec::new);
        for (sums, &n) in self.sums.iter_mut().zip(n_levels) {
            sums.resize(n, 0.0);
        }
        self.sums_gx.resize(n_levels.first().copied().unwrap_or(0), 0.0);
        self.gx.resize(n_obs, 0.0);
        self.ggx.resize(n_obs, 0.0);
    }
}

/// `(x, F(x), out)`: the points whose Irons–Tuck inner products the last pass of the
/// second sweep puts into `out`.
type ItProducts<'a> = (&'a [f64], &'a [f64], &'a mut (f64, f64));

/// Where the first pass of a sweep takes its values from.
enum Start<'s> {
    /// A copy of another vector.
    Copy(&'s [f64]),
    /// The Irons–Tuck point `ggx − coef (ggx − gx)`, with `gx` in the swept vector;
    /// the point is also stored in `x`.
    Extrapolate { x: &'s mut [f64], ggx: &'s [f64], coef: f64 },
}

/// Demeans several columns in parallel (each one sequentially, so the result does not
/// depend on the thread count). Returns whether every column converged, and the largest
/// number of sweeps any column needed.
pub(crate) fn demean_columns(
    demeaner: &Demeaner<'_>,
    cols: &mut [&mut Vec<f64>],
    tol: f64,
    max_sweeps: u32,
    scratch: &mut Vec<Scratch>,
) -> (bool, u32) {
    use rayon::prelude::*;
    scratch.resize_with(cols.len(), Scratch::default);
    let infos: Vec<DemeanInfo> = cols
        .par_iter_mut()
        .zip(scratch.par_iter_mut())
        .map(|(c, scratch)| demeaner.demean(c, tol, max_sweeps, scratch))
        .collect();
    (infos.iter().all(|i| i.converged), infos.iter().map(|i| i.n_sweeps).max().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_interactions() {
        assert_eq!(group_ids(&["b", "a", "b", "c"]), [0, 1, 0, 2]);
        assert_eq!(interact(&[0, 0, 1, 1], &[5, 6, 5, 5]), [0, 1, 2, 2]);
        let (ids, n) = compact(&[7, 3, 7, 9], &[1, 2, 3]);
        assert_eq!((ids, n), (vec![0, 1, 2], 3));
    }

    proptest::proptest! {
        #[test]
        fn one_pass_dimension_matches_separate_passes(
            ids in proptest::collection::vec(0u32..40, 0..200),
            run in 1usize..30,
            sparse in proptest::bool::ANY,
            skip in 0usize..5,
        ) {
            // Runs of `run` equal ids, some rows left out, sparse or dense ids.
            let ids: Vec<u32> = ids
                .iter()
                .enumerate()
                .map(|(i, &id)| match (sparse, id < 30) {
                    (true, _) => id * 7_000_001,
                    (false, true) => (i / run) as u32,
                    (false, false) => id,
                })
                .collect();
            let rows: Vec<usize> = (0..ids.len()).filter(|r| skip == 0 || r % 5 != skip).collect();
            let (dense, n_levels) = compact(&ids, &rows);
            let narrow: Option<Vec<u16>> = (n_levels <= 1 << 16)
                .then(|| dense.iter().map(|&id| u16::try_from(id).unwrap_or(u16::MAX)).collect());
            let expected = (dense.clone(), n_levels, run_ends(&dense), narrow);
            proptest::prop_assert_eq!(FixefDims::dimension(&ids, &rows), expected);
        }
    }

    #[test]
    fn blocked_weight_sums_match_separate_passes_bit_for_bit() {
        // Runs of 1 to 4,999 observations crossing block boundaries, a scattered
        // dimension, and one too large for 16-bit ids.
        let n = 20_000usize;
        let mut sorted = Vec::with_capacity(n);
        let (mut level, mut left) = (0u32, 1usize);
        for i in 0..n {
            if left == 0 {
                level += 1;
                left = 1 + (i * 7919) % 4999;
            }
            sorted.push(level);
            left -= 1;
        }
        let scattered: Vec<u32> = (0..n).map(|i| ((i * 31) % 97) as u32).collect();
        let wide: Vec<u32> = (0..n).map(|i| ((i * 7) % 70_001) as u32).collect();
        let rows: Vec<usize> = (0..n).collect();
        let dims = FixefDims::new(&[&sorted, &scattered, &wide], &rows);
        assert!(dims.run_ends[0].is_some() && dims.run_ends[1].is_none());
        let w: Vec<f64> = (0..n).map(|i| (i as f64 * 0.37).sin().abs() + 1e-3).collect();
        for n_obs in [n, n - 1500] {
            let w = &w[..n_obs];
            let (sums, total) = weight_sums(&dims, 0..3, w, true);
            assert_eq!(total.to_bits(), w.iter().sum::<f64>().to_bits());
            for g in 0..3 {
                let mut expected = vec![0.0; dims.n_levels[g]];
                match &dims.run_ends[g] {
                    Some(ends) => {
                        let mut start = 0;
                        for &end in ends {
                            let end = end.min(n_obs);
                            if start < end {
                                expected[dims.ids[g][start] as usize] +=
                                    w[start..end].iter().sum::<f64>();
                            }
                            start = end;
                        }
                    }
                    None => {
                        for (&id, &w) in dims.ids[g].iter().zip(w) {
                            expected[id as usize] += w;
                        }
                    }
                }
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&sums[g]), bits(&expected), "dimension {g}");
                assert_eq!(bits(&weight_sums(&dims, g..g + 1, w, false).0[0]), bits(&expected));
            }
        }
    }

    #[test]
    fn wide_and_narrow_ids_demean_alike() {
        // 70,000 levels (32-bit ids in the passes) beside 7 levels (16-bit ids).
        let n = 140_000u32;
        let a: Vec<u32> = (0..n).map(|i| (i * 7919) % 70_000).collect();
        let b: Vec<u32> = (0..n).map(|i| i % 7).collect();
        let rows: Vec<usize> = (0..n as usize).collect();
        let dims = FixefDims::new(&[&a, &b], &rows);
        assert!(dims.narrow[0].is_none() && dims.narrow[1].is_some());
        let w: Vec<f64> = (0..n).map(|i| 1.0 + f64::from(i % 5)).collect();
        let mut v: Vec<f64> = (0..n).map(|i| f64::from(i).sin() * 3.0).collect();
        let info = Demeaner::new(&dims, &w, Criterion::Largest).demean(
            &mut v,
            1e-12,
            10_000,
            &mut Scratch::default(),
        );
        assert!(info.converged);
        for (ids, &n_levels) in dims.ids.iter().zip(&dims.n_levels) {
            let mut sums = vec![0.0; n_levels];
            for ((&id, &w), &v) in ids.iter().zip(&w).zip(&v) {
                sums[id as usize] += w * v;
            }
            assert!(sums.iter().all(|s| s.abs() < 1e-8), "{:?}", &sums[..5]);
        }
    }

    #[test]
    fn two_way_demeaning_is_orthogonal_to_both_dimensions() {
        let a: Vec<u32> = (0..60).map(|n| n % 5).collect();
        let b: Vec<u32> = (0..60).map(|n| (n * 7 / 3) % 4).collect();
        let dims = FixefDims::new(&[&a, &b], &(0..60).collect::<Vec<_>>());
        let w: Vec<f64> = (0..60).map(|n| 1.0 + f64::from(n % 3)).collect();
        let mut v: Vec<f64> = (0..60).map(|n| f64::from(n).sin() * 10.0).collect();
        let info = Demeaner::new(&dims, &w, Criterion::Largest).demean(
            &mut v,
            1e-13,
            10_000,
            &mut Scratch::default(),
        );
        assert!(info.converged);
        for ids in &dims.ids {
            let mut sums = [0.0; 5];
            for ((&id, &w), &v) in ids.iter().zip(&w).zip(&v) {
                sums[id as usize] += w * v;
            }
            assert!(sums.iter().all(|s| s.abs() < 1e-10), "{sums:?}");
        }
    }
}
