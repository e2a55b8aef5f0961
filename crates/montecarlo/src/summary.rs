//! Summaries of an ensemble and paired differences between options or runs.
//!
//! Quantiles are Hyndman and Fan's (1996) type 7, the default of R's `quantile` and
//! NumPy's `percentile`: for sorted values `x₁ ≤ … ≤ xₙ` and probability `p`, with
//! `h = (n − 1)·p`, the quantile is `x_{⌊h⌋+1} + (h − ⌊h⌋)·(x_{⌊h⌋+2} − x_{⌊h⌋+1})`.
//! The standard deviation uses the `n − 1` denominator (0 when `n = 1`). Sums run in draw
//! order, so the same ensemble gives the same bits.

use std::collections::BTreeMap;

use crate::engine::{Ensemble, Row, RunInfo};
use crate::model::{Shape, Side};

/// Count, mean, standard deviation and quantiles of a set of values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stats {
    /// Number of values.
    pub n: usize,
    /// Mean.
    pub mean: f64,
    /// Standard deviation (`n − 1` denominator; 0 when `n = 1`).
    pub sd: f64,
    /// 5th percentile.
    pub p05: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// Quantile `p` (type 7) of values sorted in ascending order.
///
/// # Panics
/// If `sorted` is empty.
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    assert!(!sorted.is_empty(), "quantile of no values");
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

impl Stats {
    /// The statistics of `values` (in draw order; the mean and sd are summed in it).
    ///
    /// # Panics
    /// If `values` is empty.
    pub fn of(values: &[f64]) -> Stats {
        let n = values.len();
        assert!(n > 0, "statistics of no values");
        let mean = values.iter().sum::<f64>() / n as f64;
        let sd = if n > 1 {
            (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1) as f64).sqrt()
        } else {
            0.0
        };
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        Stats {
            n,
            mean,
            sd,
            p05: quantile(&sorted, 0.05),
            p25: quantile(&sorted, 0.25),
            p50: quantile(&sorted, 0.50),
            p75: quantile(&sorted, 0.75),
            p95: quantile(&sorted, 0.95),
        }
    }
}

/// The summary of one option × output × year.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    /// Option name.
    pub option: String,
    /// Model name.
    pub model: String,
    /// Output name.
    pub metric: String,
    /// Unit.
    pub unit: String,
    /// Whose outcome it is.
    pub side: Side,
    /// Simulated year (0-based) of a series; `None` for a scalar.
    pub year: Option<u32>,
    /// The statistics over draws.
    pub stats: Stats,
}

type Key = (u32, u32, Option<u32>);

/// The values of every (option, output, year) in draw order.
fn columns(rows: &[Row]) -> BTreeMap<Key, Vec<f64>> {
    let mut map: BTreeMap<Key, Vec<f64>> = BTreeMap::new();
    for r in rows {
        map.entry((r.option, r.metric, r.year)).or_default().push(r.value);
    }
    map
}

/// One row per option × output × year, in option, output and year order.
pub fn summarise(e: &Ensemble) -> Vec<SummaryRow> {
    // Columns for the rows there are, whatever the record claims (it may come from a
    // file): nothing is allocated ahead.
    let mut s = Summariser { info: e.info.clone(), columns: BTreeMap::new() };
    s.push(&e.rows);
    s.finish()
}

/// A summary built as rows arrive (a streamed run or merge): it keeps every output's
/// values, 8 bytes each (the quantiles are exact), and nothing else.
///
/// Given the rows of a run in draw order, in as many pieces as wanted,
/// [`Summariser::finish`] returns exactly [`summarise`] of the whole ensemble.
#[derive(Clone, Debug)]
pub struct Summariser {
    info: RunInfo,
    columns: BTreeMap<Key, Vec<f64>>,
}

impl Summariser {
    /// An empty summary of the run `info` describes, with room for the values of every
    /// output of every draw of its shard.
    ///
    /// The room is allocated at once (so the values are never copied to a larger
    /// allocation): check the run's [`crate::engine::Footprint`] first.
    pub fn new(info: &RunInfo) -> Summariser {
        let range = info.range();
        let draws = usize::try_from(range.end - range.start).unwrap_or(0);
        let mut columns = BTreeMap::new();
        for (o, option) in info.options.iter().enumerate() {
            for (m, metric) in option.metrics.iter().enumerate() {
                let (o, m) = (o as u32, m as u32);
                match metric.shape {
                    Shape::Scalar => {
                        columns.insert((o, m, None), Vec::with_capacity(draws));
                    }
                    Shape::Series => {
                        for t in 0..option.horizon as u32 {
                            columns.insert((o, m, Some(t)), Vec::with_capacity(draws));
                        }
                    }
                }
            }
        }
        Summariser { info: info.clone(), columns }
    }

    /// Adds output rows (the next ones in draw order).
    pub fn push(&mut self, rows: &[Row]) {
        for r in rows {
            let key = (r.option, r.metric, r.year);
            match self.columns.get_mut(&key) {
                Some(column) => column.push(r.value),
                // A key `new` did not foresee (a row not from this run's plan) still
                // gets its summary.
                None => self.columns.entry(key).or_default().push(r.value),
            }
        }
    }

    /// One row per option × output × year that has values, in option, output and
    /// year order.
    pub fn finish(self) -> Vec<SummaryRow> {
        let info = self.info;
        self.columns
            .into_iter()
            .filter(|(_, values)| !values.is_empty())
            .map(|((o, m, year), values)| {
                let option = &info.options[o as usize];
                let metric = &option.metrics[m as usize];
                SummaryRow {
                    option: option.name.clone(),
                    model: option.model.clone(),
                    metric: metric.name.clone(),
                    unit: metric.unit.clone(),
                    side: metric.side,
                    year,
                    stats: Stats::of(&values),
                }
            })
            .collect()
    }
}

/// The paired difference `b − a` of one output and year, draw by draw.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffRow {
    /// The option subtracted (`a`), prefixed by its run's label when comparing runs.
    pub a: String,
    /// The option from which it is subtracted (`b`).
    pub b: String,
    /// Output name.
    pub metric: String,
    /// Unit.
    pub unit: String,
    /// Simulated year of a series; `None` for a scalar.
    pub year: Option<u32>,
    /// Statistics of `b − a` over draws: the 5th–95th percentiles are a 90 % interval.
    pub stats: Stats,
    /// Share of draws in which `b > a`.
    pub share_b_greater: f64,
}

/// Two ensembles or options that cannot be compared draw by draw.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CompareError {
    /// No option of that name.
    #[error("no option \"{name}\" (options: {known})")]
    UnknownOption {
        /// The name asked for.
        name: String,
        /// The options there are.
        known: String,
    },
    /// Different seeds or draws: draws are not paired.
    #[error("runs are not paired: {0}")]
    NotPaired(String),
    /// No output in common.
    #[error("options \"{a}\" and \"{b}\" have no output in common")]
    NothingInCommon {
        /// First option.
        a: String,
        /// Second option.
        b: String,
    },
}

fn option_index(e: &Ensemble, name: &str) -> Result<u32, CompareError> {
    e.info.options.iter().position(|o| o.name == name).map(|i| i as u32).ok_or_else(|| {
        CompareError::UnknownOption {
            name: name.to_owned(),
            known: e.info.options.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", "),
        }
    })
}

fn diffs(
    (ea, oa, label_a): (&Ensemble, u32, String),
    (eb, ob, label_b): (&Ensemble, u32, String),
    ca: &BTreeMap<Key, Vec<f64>>,
    cb: &BTreeMap<Key, Vec<f64>>,
) -> Vec<DiffRow> {
    let infa = &ea.info.options[oa as usize];
    let infb = &eb.info.options[ob as usize];
    let mut out = Vec::new();
    for (m, metric) in infa.metrics.iter().enumerate() {
        let Some(mb) =
            infb.metrics.iter().position(|x| x.name == metric.name && x.unit == metric.unit)
        else {
            continue;
        };
        for ((_, _, year), va) in ca.range((oa, m as u32, None)..=(oa, m as u32, Some(u32::MAX))) {
            let Some(vb) = cb.get(&(ob, mb as u32, *year)) else { continue };
            let d: Vec<f64> = va.iter().zip(vb).map(|(x, y)| y - x).collect();
            if d.is_empty() {
                continue;
            }
            let greater = d.iter().filter(|x| **x > 0.0).count();
            out.push(DiffRow {
                a: label_a.clone(),
                b: label_b.clone(),
                metric: metric.name.clone(),
                unit: metric.unit.clone(),
                year: *year,
                stats: Stats::of(&d),
                share_b_greater: greater as f64 / d.len() as f64,
            });
        }
    }
    out
}

/// Paired differences `b − a` between two options of one run, for every output the two
/// share (same name and unit) and every year both have.
///
/// # Errors
/// An unknown option, or options with no output in common.
pub fn compare_options(e: &Ensemble, a: &str, b: &str) -> Result<Vec<DiffRow>, CompareError> {
    let (oa, ob) = (option_index(e, a)?, option_index(e, b)?);
    let c = columns(&e.rows);
    let rows = diffs((e, oa, a.to_owned()), (e, ob, b.to_owned()), &c, &c);
    if rows.is_empty() {
        return Err(CompareError::NothingInCommon { a: a.to_owned(), b: b.to_owned() });
    }
    Ok(rows)
}

/// Paired differences `b − a` between two runs (e.g. a scenario and a variant of it),
/// for every option name both have and every output they share. Draws are paired by
/// index, so both runs need the same seed and draws (and shard).
///
/// # Errors
/// Runs with a different seed, number of draws or shard, or with no option and output
/// in common.
pub fn compare(a: &Ensemble, b: &Ensemble) -> Result<Vec<DiffRow>, CompareError> {
    let (ia, ib) = (&a.info, &b.info);
    if ia.seed != ib.seed || ia.draws != ib.draws || ia.range() != ib.range() {
        return Err(CompareError::NotPaired(format!(
            "seed {} with {} draws (shard {}) against seed {} with {} draws (shard {})",
            ia.seed, ia.draws, ia.shard, ib.seed, ib.draws, ib.shard
        )));
    }
    let (ca, cb) = (columns(&a.rows), columns(&b.rows));
    let mut out = Vec::new();
    for (oa, opt) in ia.options.iter().enumerate() {
        let Ok(ob) = option_index(b, &opt.name) else { continue };
        let label_a = format!("{}:{}", ia.scenario, opt.name);
        let label_b = format!("{}:{}", ib.scenario, opt.name);
        out.extend(diffs((a, oa as u32, label_a), (b, ob, label_b), &ca, &cb));
    }
    if out.is_empty() {
        return Err(CompareError::NothingInCommon {
            a: ia.scenario.clone(),
            b: ib.scenario.clone(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_7_quantiles_match_r() {
        // R: quantile(c(1, 2, 3, 4, 10), c(.05, .25, .5, .75, .95))
        //    1.2 2.0 3.0 4.0 8.8
        let s = Stats::of(&[4.0, 1.0, 10.0, 3.0, 2.0]);
        let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
        assert!(close(s.p05, 1.2), "{}", s.p05);
        assert!(close(s.p25, 2.0));
        assert!(close(s.p50, 3.0));
        assert!(close(s.p75, 4.0));
        assert!(close(s.p95, 8.8), "{}", s.p95);
        assert!(close(s.mean, 4.0));
        // sd(c(1,2,3,4,10)) = 3.535534
        assert!((s.sd - 3.535_533_905_932_737_6).abs() < 1e-12);
        assert_eq!(Stats::of(&[5.0]).sd.to_bits(), 0.0f64.to_bits());
    }
}
