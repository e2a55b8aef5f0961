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
    /// Removes rows with missing values or zero weights.
    pub(crate) fn new(data: &Data<'_>) -> Self {
        let status = (0..data.y.len())
            .map(|r| {
                let missing = !data.y[r].is_finite()
                    || data.x.iter().any(|x| !x[r].is_finite())
                    || data.offset.is_some_and(|o| !o[r].is_finite())
                    || data.weights.is_some_and(|w| w[r].is_nan());
                if missing {
                    Some(Removal::Missing)
                } else if data.weights.is_some_and(|w| w[r] == 0.0) {
                    Some(Removal::ZeroWeight)
                } else {
                    None
                }
            })
            .collect();
        Self { status }
    }

    /// Rows still in the sample, in input order.
    pub(crate) fn rows(&self) -> Vec<usize> {
        (0..self.status.len()).filter(|&r| self.status[r].is_none()).collect()
    }

    /// Alternates singleton removal and fixed-effect separation (as `fixef_rm` says) until
    /// neither removes anything. Returns the number of rows removed.
    pub(crate) fn drop_singletons_and_perfect(
        &mut self,
        data: &Data<'_>,
        fixef_rm: FixefRm,
        poisson: bool,
    ) -> usize {
        let singletons = matches!(fixef_rm, FixefRm::Singleton | FixefRm::Both);
        let perfect = poisson && matches!(fixef_rm, FixefRm::Perfect | FixefRm::Both);
        let mut total = 0;
        // The separation step removes only zero outcomes, so it leaves no level all-zero
        // behind: it needs repeating only after singletons were removed.
        let mut separation_done = false;
        loop {
            let mut changed = 0;
            if singletons {
                changed += self.drop_levels(data, Removal::Singleton, |count, _| count == 1);
            }
            if perfect && (changed > 0 || !separation_done) {
                changed += self.drop_levels(data, Removal::SeparatedFixef, |_, y_sum| y_sum == 0.0);
                separation_done = true;
            }
            total += changed;
            if changed == 0 {
                return total;
            }
        }
    }

    /// Removes, dimension by dimension, every row of a level for which
    /// `condition(n_rows, sum_of_y)` holds (over rows still in the sample).
    fn drop_levels(
        &mut self,
        data: &Data<'_>,
        reason: Removal,
        condition: impl Fn(usize, f64) -> bool,
    ) -> usize {
        let mut removed = 0;
        let mut rows = self.rows();
        for ids in &data.fixef {
            if removed > 0 {
                rows = self.rows();
            }
            let n_levels = ids.iter().map(|&id| id as usize + 1).max().unwrap_or(0);
            if n_levels > 4 * ids.len() + 1024 {
                // Sparse ids: renumber first.
                let dims = FixefDims::new(&[ids], &rows);
                let (count, y_sum) = count_and_sum(
                    dims.n_levels[0],
                    dims.ids[0].iter().zip(&rows).map(|(&id, &r)| (id, data.y[r])),
                );
                for (&id, &r) in dims.ids[0].iter().zip(&rows) {
                    if condition(count[id as usize], y_sum[id as usize]) {
                        self.status[r] = Some(reason);
                        removed += 1;
                    }
                }
            } else {
                let (count, y_sum) =
                    count_and_sum(n_levels, rows.iter().map(|&r| (ids[r], data.y[r])));
                for &r in &rows {
                    let id = ids[r] as usize;
                    if condition(count[id], y_sum[id]) {
                        self.status[r] = Some(reason);
                        removed += 1;
                    }
                }
            }
        }
        removed
    }

    /// The removed rows with their reasons, in row order.
    pub(crate) fn removed(&self) -> Vec<(usize, Removal)> {
        self.status.iter().enumerate().filter_map(|(r, s)| s.map(|s| (r, s))).collect()
    }
}

/// The number of rows and the sum of `y` of each level, from `(id, y)` pairs. Runs of
/// equal ids (data sorted by the dimension) are counted and summed in registers, instead
/// of read-modify-writing one memory cell, which would chain every addition. (The sums
/// of non-negative `y` serve only to find all-zero levels: their order does not matter.)
fn count_and_sum(
    n_levels: usize,
    pairs: impl Iterator<Item = (u32, f64)>,
) -> (Vec<usize>, Vec<f64>) {
    let mut count = vec![0usize; n_levels];
    let mut y_sum = vec![0.0; n_levels];
    let mut current: Option<(u32, usize, f64)> = None;
    for (id, y) in pairs {
        match &mut current {
            Some((run_id, n, sum)) if *run_id == id => {
                *n += 1;
                *sum += y;
            }
            _ => {
                if let Some((run_id, n, sum)) = current {
                    count[run_id as usize] += n;
                    y_sum[run_id as usize] += sum;
                }
                current = Some((id, 1, y));
            }
        }
    }
    if let Some((run_id, n, sum)) = current {
        count[run_id as usize] += n;
        y_sum[run_id as usize] += sum;
    }
    (count, y_sum)
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
