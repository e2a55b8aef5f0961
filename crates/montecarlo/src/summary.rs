//! Summaries of an ensemble and paired differences between options or runs.
//!
//! Quantiles are Hyndman and Fan's (1996) type 7, the default of R's `quantile` and
//! NumPy's `percentile`: for sorted values `x₁ ≤ … ≤ xₙ` and probability `p`, with
//! `h = (n − 1)·p`, the quantile is `x_{⌊h⌋+1} + (h − ⌊h⌋)·(x_{⌊h⌋+2} − x_{⌊h⌋+1})`.
//! The standard deviation uses the `n − 1` denominator (0 when `n = 1`). Sums run in draw
//! order, so the same ensemble gives the same bits.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom, Write};

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
        Stats::of_vec(values.to_vec())
    }

    /// [`Stats::of`] of values the caller gives up (in draw order): they are sorted in
    /// place, so no copy is made. The same values give the same bits as [`Stats::of`].
    ///
    /// # Panics
    /// If `values` is empty.
    pub fn of_vec(mut values: Vec<f64>) -> Stats {
        let n = values.len();
        assert!(n > 0, "statistics of no values");
        let mean = values.iter().sum::<f64>() / n as f64;
        let sd = if n > 1 {
            (values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1) as f64).sqrt()
        } else {
            0.0
        };
        values.sort_by(f64::total_cmp);
        let sorted = &values;
        Stats {
            n,
            mean,
            sd,
            p05: quantile(sorted, 0.05),
            p25: quantile(sorted, 0.25),
            p50: quantile(sorted, 0.50),
            p75: quantile(sorted, 0.75),
            p95: quantile(sorted, 0.95),
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
    let columns = columns(&e.rows);
    columns
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(key, values)| summary_row(&e.info, key, Stats::of_vec(values)))
        .collect()
}

/// The summary row of `key` of the run `info` records.
fn summary_row(info: &RunInfo, (o, m, year): Key, stats: Stats) -> SummaryRow {
    let option = &info.options[o as usize];
    let metric = &option.metrics[m as usize];
    SummaryRow {
        option: option.name.clone(),
        model: option.model.clone(),
        metric: metric.name.clone(),
        unit: metric.unit.clone(),
        side: metric.side,
        year,
        stats,
    }
}

/// A seekable file the [`Summariser`] keeps the values in when it is not to hold them
/// in memory: a temporary file, say (or a `Cursor<Vec<u8>>` in a test).
pub trait ScratchFile: Read + Write + Seek + Send {}

impl<T: Read + Write + Seek + Send> ScratchFile for T {}

/// Values a [`Summariser`] with a scratch file holds in memory before it writes them to
/// the file: 2²¹ values, 16 MiB.
pub const SCRATCH_BUFFER_VALUES: usize = 1 << 21;

/// The values written to the scratch file, and where.
struct Scratch {
    file: Box<dyn ScratchFile>,
    /// Bytes written so far.
    end: u64,
    /// One entry per flush: the offset of each column's values in the file, then the
    /// end of the flush (so column `c` holds `offsets[c] .. offsets[c + 1]`). Columns
    /// that appeared after a flush have no entry in it.
    flushes: Vec<Vec<u64>>,
    /// Reused for the bytes of a flush and of a column read back.
    bytes: Vec<u8>,
    /// Values buffered before a flush.
    buffer: usize,
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scratch")
            .field("end", &self.end)
            .field("flushes", &self.flushes.len())
            .finish()
    }
}

impl Scratch {
    /// Appends every column's buffered values to the file and empties the buffers (one
    /// column's bytes at a time, so no copy of the whole buffer is made).
    fn flush(&mut self, columns: &mut [Vec<f64>]) -> std::io::Result<()> {
        let mut offsets = Vec::with_capacity(columns.len() + 1);
        self.file.seek(SeekFrom::Start(self.end))?;
        for column in columns.iter_mut() {
            offsets.push(self.end);
            self.bytes.clear();
            for v in column.iter() {
                self.bytes.extend_from_slice(&v.to_le_bytes());
            }
            self.file.write_all(&self.bytes)?;
            self.end += self.bytes.len() as u64;
            column.clear();
        }
        offsets.push(self.end);
        self.flushes.push(offsets);
        Ok(())
    }

    /// The values of column `c` written to the file, in the order they came, followed
    /// by `rest` (its values still buffered).
    fn column(&mut self, c: usize, rest: Vec<f64>) -> std::io::Result<Vec<f64>> {
        let written: u64 =
            self.flushes.iter().filter_map(|o| Some(o.get(c + 1)? - o.get(c)?)).sum();
        let count = usize::try_from(written / 8).unwrap_or(usize::MAX);
        let mut values = Vec::with_capacity(count.saturating_add(rest.len()));
        for offsets in &self.flushes {
            let (Some(&start), Some(&end)) = (offsets.get(c), offsets.get(c + 1)) else {
                continue;
            };
            let len = usize::try_from(end - start).unwrap_or(usize::MAX);
            self.bytes.resize(len, 0);
            self.file.seek(SeekFrom::Start(start))?;
            self.file.read_exact(&mut self.bytes)?;
            values.extend(
                self.bytes
                    .chunks_exact(8)
                    .map(|b| f64::from_le_bytes(b.try_into().unwrap_or([0; 8]))),
            );
        }
        values.extend(rest);
        Ok(values)
    }
}

/// A summary built as rows arrive (a streamed run or merge). Its quantiles are exact,
/// so it keeps every output's values, 8 bytes each: in memory ([`Summariser::new`]),
/// or in a scratch file ([`Summariser::with_scratch`]), holding then at most
/// [`SCRATCH_BUFFER_VALUES`] values in memory while rows arrive and one output's values
/// (8 bytes a draw) while it finishes.
///
/// Given the rows of a run in draw order, in as many pieces as wanted,
/// [`Summariser::finish`] returns exactly [`summarise`] of the whole ensemble, to the
/// bit, whether the values were kept in memory or in a file.
#[derive(Debug)]
pub struct Summariser {
    info: RunInfo,
    /// Each (option, output, year) and its column.
    index: BTreeMap<Key, usize>,
    /// The values of each column not yet in the scratch file (all of them without one).
    columns: Vec<Vec<f64>>,
    /// Values in `columns`.
    buffered: usize,
    scratch: Option<Scratch>,
}

impl Summariser {
    /// An empty summary of the run `info` describes, holding its values in memory, with
    /// room for the values of every output of every draw of its shard.
    ///
    /// The room is allocated at once (so the values are never copied to a larger
    /// allocation): check the run's [`crate::engine::Footprint`] first.
    pub fn new(info: &RunInfo) -> Summariser {
        let range = info.range();
        let draws = usize::try_from(range.end - range.start).unwrap_or(0);
        Summariser::with_room(info, draws, None)
    }

    /// An empty summary of the run `info` describes that keeps its values in `file`
    /// (8 bytes per output value per draw: see [`crate::engine::Footprint::scratch_bytes`]),
    /// holding at most [`SCRATCH_BUFFER_VALUES`] of them in memory.
    pub fn with_scratch(info: &RunInfo, file: Box<dyn ScratchFile>) -> Summariser {
        Summariser::with_scratch_buffer(info, file, SCRATCH_BUFFER_VALUES)
    }

    /// [`Summariser::with_scratch`] writing the values to `file` each time `buffer`
    /// values (at least 1) have come (a small buffer exercises the file in tests).
    pub fn with_scratch_buffer(
        info: &RunInfo,
        file: Box<dyn ScratchFile>,
        buffer: usize,
    ) -> Summariser {
        let scratch =
            Scratch { file, end: 0, flushes: Vec::new(), bytes: Vec::new(), buffer: buffer.max(1) };
        Summariser::with_room(info, 0, Some(scratch))
    }

    fn with_room(info: &RunInfo, draws: usize, scratch: Option<Scratch>) -> Summariser {
        let mut index = BTreeMap::new();
        for (o, option) in info.options.iter().enumerate() {
            for (m, metric) in option.metrics.iter().enumerate() {
                let (o, m) = (o as u32, m as u32);
                match metric.shape {
                    Shape::Scalar => {
                        let next = index.len();
                        index.insert((o, m, None), next);
                    }
                    Shape::Series => {
                        for t in 0..option.horizon as u32 {
                            let next = index.len();
                            index.insert((o, m, Some(t)), next);
                        }
                    }
                }
            }
        }
        let columns = (0..index.len()).map(|_| Vec::with_capacity(draws)).collect();
        Summariser { info: info.clone(), index, columns, buffered: 0, scratch }
    }

    /// Adds output rows (the next ones in draw order).
    ///
    /// # Errors
    /// Writing to the scratch file failed (never without one).
    pub fn push(&mut self, rows: &[Row]) -> std::io::Result<()> {
        for r in rows {
            let key = (r.option, r.metric, r.year);
            let c = match self.index.get(&key) {
                Some(&c) => c,
                // A key `new` did not foresee (a row not from this run's plan) still
                // gets its summary.
                None => {
                    self.columns.push(Vec::new());
                    let c = self.index.len();
                    self.index.insert(key, c);
                    c
                }
            };
            self.columns[c].push(r.value);
        }
        self.buffered += rows.len();
        if let Some(scratch) = &mut self.scratch
            && self.buffered >= scratch.buffer
        {
            scratch.flush(&mut self.columns)?;
            self.buffered = 0;
        }
        Ok(())
    }

    /// One row per option × output × year that has values, in option, output and
    /// year order.
    ///
    /// # Errors
    /// Reading the scratch file failed (never without one).
    pub fn finish(mut self) -> std::io::Result<Vec<SummaryRow>> {
        let mut out = Vec::with_capacity(self.index.len());
        for (&key, &c) in &self.index {
            let rest = std::mem::take(&mut self.columns[c]);
            let values = match &mut self.scratch {
                Some(scratch) => scratch.column(c, rest)?,
                None => rest,
            };
            if !values.is_empty() {
                out.push(summary_row(&self.info, key, Stats::of_vec(values)));
            }
        }
        Ok(out)
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
