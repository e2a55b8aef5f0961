//! Choosing the estimation sample: input checks, missing values, singletons and
//! separation by the fixed-effect method.

use super::fixef::{FixefDims, compact};
use super::separation::rectifier;
use super::{Data, FixefRm, Removal, Separation, Vcov};
use crate::Error;

/// Checks lengths and value ranges that make the input unusable.
pub(crate) fn validate(data: &Data<'_>, poisson: bool) -> Result<(), Error> {
    let n = data.y.len();
    let check = |column: String, len: usize| {
        if len == n { Ok(()) } else { Err(Error::RegressionLength { column, len, expected: n }) }
    };
    for (i, x) in data.x.iter().enumerate() {
        check(format!("x[{i}]"), x.len())?;
    }
    for (i, f) in data.fixef.iter().enumerate() {
        check(format!("fixef[{i}]"), f.len())?;
    }
    for (i, c) in data.cluster.iter().enumerate() {
        check(format!("cluster[{i}]"), c.len())?;
    }
    if let Some(w) = data.weights {
        check("weights".into(), w.len())?;
        if let Some((row, &value)) =
            w.iter().enumerate().find(|&(_, &w)| w < 0.0 || w.is_infinite())
        {
            return Err(Error::InvalidWeight { row, value });
        }
    }
    if let Some(o) = data.offset {
        check("offset".into(), o.len())?;
    }
    if poisson && let Some((row, &value)) = data.y.iter().enumerate().find(|&(_, &y)| y < 0.0) {
        return Err(Error::NegativeOutcome { row, value });
    }
    Ok(())
}

/// Row status while the sample is being chosen.
pub(crate) struct Selection {
    /// `None` while the row is in the sample.
    pub(crate) status: Vec<Option<Removal>>,
}

impl Selection {
    /// Removes rows with missing values or zero weights (column by column).
    pub(crate) fn new(data: &Data<'_>) -> Self {
        let missing = |s: &mut Option<Removal>, ok: bool| {
            if !ok {
                *s = Some(Removal::Missing);
            }
        };
        let mut status: Vec<Option<Removal>> =
            data.y.iter().map(|y| (!y.is_finite()).then_some(Removal::Missing)).collect();
        for x in &data.x {
            status.iter_mut().zip(x.iter()).for_each(|(s, v)| missing(s, v.is_finite()));
        }
        if let Some(o) = data.offset {
            status.iter_mut().zip(o).for_each(|(s, v)| missing(s, v.is_finite()));
        }
        if let Some(w) = data.weights {
            for (s, &w) in status.iter_mut().zip(w) {
                if w.is_nan() {
                    *s = Some(Removal::Missing);
                } else if s.is_none() && w == 0.0 {
                    *s = Some(Removal::ZeroWeight);
                }
            }
        }
        Self { status }
    }

    /// Rows still in the sample, in input order.
    pub(crate) fn rows(&self) -> Vec<usize> {
        (0..self.status.len()).filter(|&r| self.status[r].is_none()).collect()
    }

    /// Alternates singleton removal and fixed-effect separation (as `fixef_rm` says) until
    /// neither removes anything. Returns the number of rows removed.
    ///
    /// Each step goes dimension by dimension and removes every row of a level that is a
    /// singleton (or has only zero outcomes) among the rows still in the sample. The
    /// numbers of rows and of positive outcomes of every level are counted once and kept
    /// up to date as rows go; a step looks at the rows only when some level qualifies.
    pub(crate) fn drop_singletons_and_perfect(
        &mut self,
        data: &Data<'_>,
        fixef_rm: FixefRm,
        poisson: bool,
    ) -> usize {
        let singletons = matches!(fixef_rm, FixefRm::Singleton | FixefRm::Both);
        let perfect = poisson && matches!(fixef_rm, FixefRm::Perfect | FixefRm::Both);
        if !(singletons || perfect) || data.fixef.is_empty() {
            return 0;
        }
        let mut counts = LevelCounts::new(data, &self.status);
        let mut total = 0;
        // The separation step removes only zero outcomes, so it leaves no level all-zero
        // behind: it needs repeating only after singletons were removed.
        let mut separation_done = false;
        loop {
            let mut changed = 0;
            if singletons {
                for g in 0..data.fixef.len() {
                    changed += counts.drop_levels(
                        g,
                        &mut self.status,
                        data.y,
                        Removal::Singleton,
                        |n, _| n == 1,
                    );
                }
            }
            if perfect && (changed > 0 || !separation_done) {
                for g in 0..data.fixef.len() {
                    changed += counts.drop_levels(
                        g,
                        &mut self.status,
                        data.y,
                        Removal::SeparatedFixef,
                        |n, positive| n > 0 && positive == 0,
                    );
                }
                separation_done = true;
            }
            total += changed;
            if changed == 0 {
                return total;
            }
        }
    }

    /// The removed rows with their reasons, in row order.
    pub(crate) fn removed(&self) -> Vec<(usize, Removal)> {
        self.status.iter().enumerate().filter_map(|(r, s)| s.map(|s| (r, s))).collect()
    }
}

/// The ids of one fixed-effect dimension (as given, or renumbered when they are sparse),
/// with the number of rows and of positive outcomes of each level among the rows still in
/// the sample. (For `y ≥ 0`, a level's outcomes sum to zero exactly when none is
/// positive.) Counts saturate at `u32::MAX`, far beyond any count that decides anything.
struct Dim<'a> {
    ids: std::borrow::Cow<'a, [u32]>,
    count: Vec<u32>,
    positive: Vec<u32>,
}

/// The level counts of every dimension.
struct LevelCounts<'a> {
    dims: Vec<Dim<'a>>,
}

impl<'a> LevelCounts<'a> {
    /// One counting pass per dimension (the dimensions in parallel).
    fn new(data: &Data<'a>, status: &[Option<Removal>]) -> Self {
        use rayon::prelude::*;
        let y = data.y;
        let dims = data
            .fixef
            .par_iter()
            .map(|&ids| {
                let max_id = ids.iter().copied().max().unwrap_or(0) as usize;
                let (ids, n_levels) = if max_id > 4 * ids.len() + 1024 {
                    // Sparse ids: renumber first.
                    let all: Vec<usize> = (0..ids.len()).collect();
                    let (dense, n_levels) = compact(ids, &all);
                    (std::borrow::Cow::Owned(dense), n_levels)
                } else {
                    (std::borrow::Cow::Borrowed(ids), max_id + 1)
                };
                let mut count = vec![0u32; n_levels];
                let mut positive = vec![0u32; n_levels];
                for ((&id, s), &y) in ids.iter().zip(status).zip(y) {
                    if s.is_none() {
                        let id = id as usize;
                        count[id] = count[id].saturating_add(1);
                        positive[id] = positive[id].saturating_add(u32::from(y > 0.0));
                    }
                }
                Dim { ids, count, positive }
            })
            .collect();
        Self { dims }
    }

    /// Removes every row still in the sample whose level of dimension `g` satisfies
    /// `condition(n_rows, n_positive)`, and updates the counts of all dimensions. Returns
    /// the number of rows removed.
    fn drop_levels(
        &mut self,
        g: usize,
        status: &mut [Option<Removal>],
        y: &[f64],
        reason: Removal,
        condition: impl Fn(u32, u32) -> bool,
    ) -> usize {
        let dim = &self.dims[g];
        if !dim.count.iter().zip(&dim.positive).any(|(&n, &p)| condition(n, p)) {
            return 0;
        }
        // Rows of other levels of `g` do not change its counts: decided up front.
        let drop: Vec<bool> =
            dim.count.iter().zip(&dim.positive).map(|(&n, &p)| condition(n, p)).collect();
        let mut removed = 0;
        for r in 0..status.len() {
            if status[r].is_none() && drop[self.dims[g].ids[r] as usize] {
                status[r] = Some(reason);
                removed += 1;
                let positive = u32::from(y[r] > 0.0);
                for dim in &mut self.dims {
                    let id = dim.ids[r] as usize;
                    dim.count[id] = dim.count[id].saturating_sub(1);
                    dim.positive[id] = dim.positive[id].saturating_sub(positive);
                }
            }
        }
        removed
    }
}

/// The estimation sample, ready for fitting.
pub(crate) struct Prepared {
    /// Input rows in the sample, in order.
    pub(crate) rows: Vec<usize>,
    /// Removed input rows with reasons, in row order.
    pub(crate) removed: Vec<(usize, Removal)>,
    /// Fixed effects on the sample.
    pub(crate) dims: FixefDims,
    /// Compacted cluster ids on the sample and their numbers of clusters.
    pub(crate) clusters: Vec<(Vec<u32>, usize)>,
}

/// Validates the input and chooses the sample: missing values and zero weights, then
/// singletons and fixed-effect separation alternated, then (Poisson, if asked) the
/// iterated rectifier, repeated until nothing changes.
pub(crate) fn prepare(
    data: &Data<'_>,
    vcov: Vcov,
    fixef_rm: FixefRm,
    poisson: bool,
    separation: Separation,
    (fixef_max_iter, collin_tol): (u32, f64),
) -> Result<Prepared, Error> {
    validate(data, poisson)?;
    if vcov == Vcov::Cluster && !(1..=2).contains(&data.cluster.len()) {
        return Err(Error::ClusterCount { got: data.cluster.len() });
    }
    let mut selection = Selection::new(data);
    loop {
        selection.drop_singletons_and_perfect(data, fixef_rm, poisson);
        if !(poisson && separation == Separation::Rectifier) {
            break;
        }
        let rows = selection.rows();
        let separated = rectifier(data, &rows, fixef_max_iter, collin_tol);
        if separated.is_empty() {
            break;
        }
        for r in separated {
            selection.status[r] = Some(Removal::SeparatedRectifier);
        }
    }
    let rows = selection.rows();
    let removed = selection.removed();
    if rows.is_empty() {
        return Err(Error::NoObservations { removed: removed.len(), total: data.y.len() });
    }
    let dims = FixefDims::new(&data.fixef, &rows);
    let clusters = if vcov == Vcov::Cluster {
        data.cluster.iter().map(|c| compact(c, &rows)).collect()
    } else {
        Vec::new()
    };
    Ok(Prepared { rows, removed, dims, clusters })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The straightforward method: every step recounts the rows still in the sample.
    fn reference(data: &Data<'_>, fixef_rm: FixefRm) -> Vec<Option<Removal>> {
        let mut status = Selection::new(data).status;
        let singletons = matches!(fixef_rm, FixefRm::Singleton | FixefRm::Both);
        let perfect = matches!(fixef_rm, FixefRm::Perfect | FixefRm::Both);
        let step = |status: &mut Vec<Option<Removal>>,
                    reason,
                    cond: &dyn Fn(usize, f64) -> bool| {
            let mut removed = 0;
            for ids in &data.fixef {
                let n_levels = ids.iter().map(|&id| id as usize + 1).max().unwrap_or(0);
                let (mut count, mut sum) = (vec![0usize; n_levels], vec![0.0; n_levels]);
                for r in (0..ids.len()).filter(|&r| status[r].is_none()) {
                    count[ids[r] as usize] += 1;
                    sum[ids[r] as usize] += data.y[r];
                }
                let rows: Vec<usize> = (0..ids.len()).filter(|&r| status[r].is_none()).collect();
                for r in rows {
                    if cond(count[ids[r] as usize], sum[ids[r] as usize]) {
                        status[r] = Some(reason);
                        removed += 1;
                    }
                }
            }
            removed
        };
        let mut separation_done = false;
        loop {
            let mut changed = 0;
            if singletons {
                changed += step(&mut status, Removal::Singleton, &|n, _| n == 1);
            }
            if perfect && (changed > 0 || !separation_done) {
                changed += step(&mut status, Removal::SeparatedFixef, &|_, s| s == 0.0);
                separation_done = true;
            }
            if changed == 0 {
                return status;
            }
        }
    }

    proptest! {
        #[test]
        fn counted_removal_matches_recounting(
            rows in prop::collection::vec(
                (0u32..6, 0u32..9, 0u32..4, 0u32..4, 0u32..10), 1..120),
            sparse in any::<bool>(),
            rm in 0usize..4,
        ) {
            let y: Vec<f64> = rows
                .iter()
                .map(|r| match r.4 { 0..=4 => 0.0, 9 => f64::NAN, v => f64::from(v) * 0.5 })
                .collect();
            let scale = if sparse { 1_000_003 } else { 1 };
            let a: Vec<u32> = rows.iter().map(|r| r.0 * scale).collect();
            let b: Vec<u32> = rows.iter().map(|r| r.1).collect();
            let c: Vec<u32> = rows.iter().map(|r| r.2 * 3 + r.3).collect();
            let data = Data { y: &y, fixef: vec![&a, &b, &c], ..Data::default() };
            let fixef_rm = [FixefRm::None, FixefRm::Perfect, FixefRm::Singleton, FixefRm::Both][rm];
            let mut selection = Selection::new(&data);
            selection.drop_singletons_and_perfect(&data, fixef_rm, true);
            prop_assert_eq!(selection.status, reference(&data, fixef_rm));
        }
    }
}
