//! The Monte Carlo run: draws, shards, and the ensemble of every output of every draw.
//!
//! # Random streams
//!
//! Draw `i` (a global index in `0..draws`) owns stream `i` of the ChaCha8 generator
//! seeded with the run's seed ([`draw_rng`]). Within that stream, positions are split
//! into regions so that what one parameter or model consumes never shifts another:
//!
//! * the model's simulation reads the stream from its start (block 0), exactly
//!   `draw_rng(seed, i)`;
//! * parameter `k` (0-based, in the model's parameter order) is drawn from the same
//!   stream positioned at block `(k + 1) · 2⁴⁰` ([`PARAM_REGION_BLOCKS`]).
//!
//! Every option of a draw starts from the same stream: **common random numbers**. Two
//! options of one model whose parameter `k` has the same distribution draw the same value
//! for it, and their simulations see the same random numbers, so the difference between
//! options in a draw is the effect of what differs between them, not noise. A value
//! depends only on `(seed, i, option's plan)`, never on threads, shards or order.
//!
//! # Shards
//!
//! Shard `k` of `n` (1-based) runs the contiguous draws
//! `⌊(k−1)·draws/n⌋ .. ⌊k·draws/n⌋`; the shards of one `n` cover `0..draws` once.
//! [`merge`] joins shards into exactly what the unsharded run returns.

use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use crate::dist::{Dist, TruncationError};
use crate::model::{Baseline, Domain, ModelError, Outputs, Params, Shape, Side, draw_rng};
use crate::spec::Plan;

/// Draws when neither the command line nor the scenario file says.
pub const DEFAULT_DRAWS: u64 = 1000;

/// Seed when neither the command line nor the scenario file says.
pub const DEFAULT_SEED: u64 = 1;

/// Size, in ChaCha blocks, of each parameter's region of a draw's stream.
pub const PARAM_REGION_BLOCKS: u64 = 1 << 40;

/// Draws handled together by one task (progress is reported per chunk).
const CHUNK: u64 = 64;

/// Part `k` of `n` of a run (1-based `k`), written `K/N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// Which part, `1..=n`.
    pub k: u64,
    /// How many parts.
    pub n: u64,
}

impl Shard {
    /// The whole run: `1/1`.
    pub const FULL: Shard = Shard { k: 1, n: 1 };

    /// Shard `k` of `n`.
    ///
    /// # Errors
    /// When `n = 0` or `k` is not in `1..=n`.
    pub fn new(k: u64, n: u64) -> Result<Shard, RunError> {
        if n == 0 || k == 0 || k > n {
            return Err(RunError::Shard(format!("{k}/{n}: expected K/N with 1 ≤ K ≤ N")));
        }
        Ok(Shard { k, n })
    }

    /// The draws of this shard among `draws`: `⌊(k−1)·draws/n⌋ .. ⌊k·draws/n⌋`.
    pub fn range(self, draws: u64) -> std::ops::Range<u64> {
        let at = |j: u64| (u128::from(j) * u128::from(draws) / u128::from(self.n)) as u64;
        at(self.k - 1)..at(self.k)
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.k, self.n)
    }
}

impl FromStr for Shard {
    type Err = RunError;

    fn from_str(s: &str) -> Result<Shard, RunError> {
        let bad = || RunError::Shard(format!("\"{s}\": expected K/N, e.g. 2/4"));
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let k = k.trim().parse().map_err(|_| bad())?;
        let n = n.trim().parse().map_err(|_| bad())?;
        Shard::new(k, n)
    }
}

/// The environment variables of the batch engines that say which part of an array job a
/// process is ([`Shard::from_engine`]).
pub mod engine_env {
    /// Kubernetes Indexed Jobs: the pod's index, `0 ..= completions − 1`.
    pub const KUBERNETES_INDEX: &str = "JOB_COMPLETION_INDEX";
    /// Slurm job arrays: the task's id, as the `--array` range numbers it.
    pub const SLURM_ID: &str = "SLURM_ARRAY_TASK_ID";
    /// Slurm job arrays: the lowest task id of the array.
    pub const SLURM_MIN: &str = "SLURM_ARRAY_TASK_MIN";
    /// Slurm job arrays: the step between task ids (`--array=0-30:10`).
    pub const SLURM_STEP: &str = "SLURM_ARRAY_TASK_STEP";
    /// Slurm job arrays: how many tasks the array has.
    pub const SLURM_COUNT: &str = "SLURM_ARRAY_TASK_COUNT";
}

impl Shard {
    /// The shard of a process of an array job, `spec` being `auto` or `auto/N`, from
    /// the engine's environment (`env` reads a variable):
    ///
    /// * Kubernetes Indexed Job: `K = JOB_COMPLETION_INDEX + 1` (the index counts from
    ///   0); Kubernetes does not tell a pod how many completions its Job has, so `N`
    ///   must be written (`auto/N`, N = the Job's `completions`).
    /// * Slurm job array: `K = (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN) /
    ///   SLURM_ARRAY_TASK_STEP + 1` (whatever the `--array` range starts at: `0-3` and
    ///   `1-4` both give 1..4; the step is 1 when unset), `N = SLURM_ARRAY_TASK_COUNT`; an
    ///   `N` written must equal it. The min must be set (Slurm sets it in every array), the
    ///   step not 0, the id on the array's grid.
    ///
    /// # Errors
    /// [`RunError::Shard`] when `spec` is neither `auto` nor `auto/N`, when neither
    /// engine's variables are set or both are, when a variable is not a number, when
    /// `N` is missing under Kubernetes or differs from Slurm's count, and when `K` is
    /// not in `1..=N`.
    pub fn from_engine(
        spec: &str,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Shard, RunError> {
        use engine_env::*;
        let bad = |why: String| RunError::Shard(format!("--shard {spec}: {why}"));
        let written: Option<u64> = match spec.trim().strip_prefix("auto") {
            Some("") => None,
            Some(rest) => Some(
                rest.strip_prefix('/')
                    .and_then(|n| n.trim().parse().ok())
                    .ok_or_else(|| bad("expected auto or auto/N, e.g. auto/8".to_owned()))?,
            ),
            None => return Err(bad("expected auto or auto/N, e.g. auto/8".to_owned())),
        };
        let number = |name: &str| -> Result<Option<u64>, RunError> {
            match env(name) {
                None => Ok(None),
                Some(v) => v
                    .trim()
                    .parse()
                    .map(Some)
                    .map_err(|_| bad(format!("{name} is {v:?}, not a whole number ≥ 0"))),
            }
        };
        let (kubernetes, slurm) = (number(KUBERNETES_INDEX)?, number(SLURM_ID)?);
        let (k, n) = match (kubernetes, slurm) {
            (Some(_), Some(_)) => {
                return Err(bad(format!(
                    "both {KUBERNETES_INDEX} (Kubernetes) and {SLURM_ID} (Slurm) are set; give --shard K/N"
                )));
            }
            (None, None) => {
                return Err(bad(format!(
                    "neither {KUBERNETES_INDEX} (a Kubernetes Indexed Job) nor {SLURM_ID} (a Slurm job array) is set; give --shard K/N outside an array job"
                )));
            }
            (Some(index), None) => {
                let n = written.ok_or_else(|| {
                    bad(format!(
                        "{KUBERNETES_INDEX} is set but Kubernetes does not say how many completions the Job has: write --shard auto/N with N its completions"
                    ))
                })?;
                if index >= n {
                    return Err(bad(format!(
                        "{KUBERNETES_INDEX} is {index}, beyond the {n} completions (indexes 0 to {})",
                        n.saturating_sub(1)
                    )));
                }
                (index + 1, n)
            }
            (None, Some(id)) => {
                let min = number(SLURM_MIN)?.ok_or_else(|| {
                    bad(format!(
                        "{SLURM_ID} is set but {SLURM_MIN} is not (Slurm sets both in a job array)"
                    ))
                })?;
                let step = number(SLURM_STEP)?.unwrap_or(1);
                if step == 0 {
                    return Err(bad(format!("{SLURM_STEP} is 0")));
                }
                let count = number(SLURM_COUNT)?;
                let n = match (written, count) {
                    (Some(w), Some(c)) if w != c => {
                        return Err(bad(format!(
                            "auto/{w} but the array has {c} tasks ({SLURM_COUNT})"
                        )));
                    }
                    (Some(n), _) | (None, Some(n)) => n,
                    (None, None) => {
                        return Err(bad(format!("{SLURM_COUNT} is not set: write --shard auto/N")));
                    }
                };
                let offset = id
                    .checked_sub(min)
                    .ok_or_else(|| bad(format!("{SLURM_ID} {id} is below {SLURM_MIN} {min}")))?;
                if offset % step != 0 {
                    return Err(bad(format!(
                        "{SLURM_ID} {id} is not on the array's grid ({SLURM_MIN} {min}, {SLURM_STEP} {step})"
                    )));
                }
                let k = offset / step + 1;
                if k > n {
                    return Err(bad(format!(
                        "{SLURM_ID} {id} is task {k} of an array of {n} ({SLURM_MIN} {min}, {SLURM_STEP} {step})"
                    )));
                }
                (k, n)
            }
        };
        Shard::new(k, n)
    }
}

/// How many draws, which seed, which shard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunOptions {
    /// Draws in the whole run (all shards together).
    pub draws: u64,
    /// The seed.
    pub seed: u64,
    /// Which part of the run to compute.
    pub shard: Shard,
}

/// One output of one option, as recorded in an ensemble.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricInfo {
    /// Output name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Scalar or yearly series.
    pub shape: Shape,
    /// Whose outcome it is.
    pub side: Side,
}

/// One resolved parameter, as recorded in an ensemble (text, for manifests and tables).
#[derive(Clone, Debug, PartialEq)]
pub struct ParamInfo {
    /// Parameter name.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Domain, as text.
    pub domain: String,
    /// Value or distribution, as text.
    pub value: String,
    /// Where the value comes from (file line, baseline key and source, model default).
    pub origin: String,
}

/// One option of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionInfo {
    /// Option name.
    pub name: String,
    /// Model name.
    pub model: String,
    /// Simulated years.
    pub horizon: usize,
    /// The resolved parameters in the model's order.
    pub parameters: Vec<ParamInfo>,
    /// The outputs, in the model's order; [`Row::metric`] indexes this list.
    pub metrics: Vec<MetricInfo>,
}

/// What a run was: everything but the numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct RunInfo {
    /// Scenario name.
    pub scenario: String,
    /// Scenario description.
    pub description: String,
    /// The scenario file as named by the caller.
    pub file: String,
    /// The baseline the plan was resolved against.
    pub baseline: Baseline,
    /// [`Plan::fingerprint`].
    pub fingerprint: String,
    /// The seed.
    pub seed: u64,
    /// Draws in the whole run.
    pub draws: u64,
    /// Which part this is.
    pub shard: Shard,
    /// The options.
    pub options: Vec<OptionInfo>,
    /// The calibration the options were run from, if any: targets observed and
    /// modelled, fitted parameters' posteriors.
    pub calibration: Option<crate::calibrate::CalibrationFit>,
}

impl RunInfo {
    /// The record of running `plan` with `opts`.
    pub fn new(plan: &Plan, opts: &RunOptions) -> RunInfo {
        RunInfo {
            scenario: plan.scenario.clone(),
            description: plan.description.clone(),
            file: plan.file.clone(),
            baseline: plan.baseline.clone(),
            fingerprint: plan.fingerprint(),
            seed: opts.seed,
            draws: opts.draws,
            shard: opts.shard,
            options: plan
                .options
                .iter()
                .map(|o| OptionInfo {
                    name: o.name.clone(),
                    model: o.model.name().to_owned(),
                    horizon: o.horizon,
                    parameters: o
                        .params
                        .iter()
                        .map(|p| ParamInfo {
                            name: p.def.name.to_owned(),
                            unit: p.def.unit.to_owned(),
                            domain: p.def.domain.to_string(),
                            value: p.value.to_string(),
                            origin: p.origin.to_string(),
                        })
                        .collect(),
                    metrics: o
                        .model
                        .outputs()
                        .iter()
                        .map(|d| MetricInfo {
                            name: d.name.to_owned(),
                            unit: d.unit.to_owned(),
                            shape: d.shape,
                            side: d.side,
                        })
                        .collect(),
                })
                .collect(),
            calibration: plan.calibrated.as_ref().map(|c| c.fit()),
        }
    }

    /// The draws this part holds.
    pub fn range(&self) -> std::ops::Range<u64> {
        self.shard.range(self.draws)
    }
}

/// One value of an ensemble in long form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// Global draw index.
    pub draw: u64,
    /// Index into [`RunInfo::options`].
    pub option: u32,
    /// Index into that option's [`OptionInfo::metrics`].
    pub metric: u32,
    /// Simulated year (0-based) for a series; `None` for a scalar.
    pub year: Option<u32>,
    /// The value.
    pub value: f64,
}

/// Every output of every draw of a run (or of a shard), in draw order, then option,
/// output and year order; and every parameter value drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Ensemble {
    /// What was run.
    pub info: RunInfo,
    /// The outputs' values.
    pub rows: Vec<Row>,
    /// The parameters' values, in draw, option and parameter order: [`Row::metric`]
    /// indexes the option's [`OptionInfo::parameters`]; [`Row::year`] is `None`.
    pub params: Vec<Row>,
}

/// A run that could not complete, naming the draw, option and parameter.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum RunError {
    /// The caller asked the run to stop ([`run_each_until`]); the draws computed so far
    /// were handed over, nothing after them.
    #[error("the run was stopped before its last draw")]
    Stopped,
    /// A malformed shard.
    #[error("shard {0}")]
    Shard(String),
    /// Zero draws.
    #[error("the number of draws must be at least 1")]
    NoDraws,
    /// A shard with no draws (more shards than draws).
    #[error("shard {shard} of {draws} draws holds no draw; use at most {draws} shards")]
    EmptyShard {
        /// The shard.
        shard: Shard,
        /// Draws in the run.
        draws: u64,
    },
    /// A drawn value outside its parameter's domain.
    #[error(
        "option \"{option}\", draw {draw}: parameter `{param}` drew {value}, outside its domain: {domain}"
    )]
    Domain {
        /// Draw index.
        draw: u64,
        /// Option name.
        option: String,
        /// Parameter name.
        param: String,
        /// The value drawn.
        value: f64,
        /// The domain, as text.
        domain: String,
    },
    /// A truncated distribution found no value inside its bounds.
    #[error("option \"{option}\", draw {draw}: parameter `{param}`: {source}")]
    Truncation {
        /// Draw index.
        draw: u64,
        /// Option name.
        option: String,
        /// Parameter name.
        param: String,
        /// What happened.
        source: TruncationError,
    },
    /// The model rejected the draw or failed.
    #[error("option \"{option}\", draw {draw}: {source}")]
    Model {
        /// Draw index.
        draw: u64,
        /// Option name.
        option: String,
        /// The model's error.
        source: ModelError,
    },
    /// The model left an output unset (NaN) or infinite.
    #[error("option \"{option}\", draw {draw}: output `{metric}`{} is {value} (every output must be set to a finite number)", .year.map(|y| format!(" year {y}")).unwrap_or_default())]
    Output {
        /// Draw index.
        draw: u64,
        /// Option name.
        option: String,
        /// Output name.
        metric: String,
        /// Year of a series.
        year: Option<u32>,
        /// The value (NaN when unset).
        value: f64,
    },
    /// The run would hold more memory than its limit allows ([`Footprint`]).
    #[error(
        "the run would hold about {} of memory ({draws} draws × {values_per_draw} output values, 8 bytes each, for the summary), over the limit of {}",
        bytes_text(*needed),
        bytes_text(*limit)
    )]
    Memory {
        /// Estimated bytes.
        needed: u64,
        /// The limit, in bytes.
        limit: u64,
        /// Draws in the shard.
        draws: u64,
        /// Output values per draw.
        values_per_draw: u64,
    },
    /// The model's horizon changed with a random parameter.
    #[error(
        "option \"{option}\", draw {draw}: the horizon is {got} years, not {planned}; it may depend only on fixed parameters"
    )]
    Horizon {
        /// Draw index.
        draw: u64,
        /// Option name.
        option: String,
        /// Horizon from the plan.
        planned: usize,
        /// Horizon in this draw.
        got: usize,
    },
}

/// Runs the draws of `opts.shard` in parallel on the current rayon pool (the caller
/// sets its size) and returns them in draw order. `progress(done, total)` is called
/// from worker threads as draws complete.
///
/// Every row is held in memory (32 bytes a value); no limit is checked. A large run is
/// better streamed with [`run_each`].
///
/// # Errors
/// The [`RunError`] of the lowest failing draw (so the error too is the same whatever
/// the thread count).
pub fn run(
    plan: &Plan,
    opts: &RunOptions,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<Ensemble, RunError> {
    let mut rows = Vec::new();
    let mut params = Vec::new();
    let info = run_each(plan, opts, &Limits::NONE, progress, |r: &[Row], p: &[Row]| {
        rows.extend_from_slice(r);
        params.extend_from_slice(p);
        Ok::<(), RunError>(())
    })?;
    Ok(Ensemble { info, rows, params })
}

/// Runs the draws of `opts.shard` block by block, in draw order, and hands each part of
/// a block to `each(outputs, params)` as soon as the block is done; nothing else is
/// kept. Draws run in parallel inside a block (on the current rayon pool, in chunks of
/// 64 draws), and `each` is called on the calling thread, in draw order, so what it
/// receives is the same for any thread count, and the concatenation over the shards
/// of a run is the unsharded run.
///
/// `limits` are checked before the first draw ([`check_limits`]).
///
/// # Errors
/// The [`RunError`] of the lowest failing draw, a limit exceeded, or `each`'s error.
/// The blocks before a failing one have been handed to `each` already.
pub fn run_each<E: From<RunError>>(
    plan: &Plan,
    opts: &RunOptions,
    limits: &Limits,
    progress: &(dyn Fn(u64, u64) + Sync),
    each: impl FnMut(&[Row], &[Row]) -> Result<(), E>,
) -> Result<RunInfo, E> {
    run_each_until(plan, opts, limits, progress, &|| false, each)
}

/// [`run_each`], stopping with [`RunError::Stopped`] once `stop` says so: it is asked
/// before each chunk of draws is computed, so a run stops within one chunk's time (on any
/// thread) of being asked, however many draws a block holds. The draws handed to `each`
/// before are the same as an unstopped run's.
///
/// # Errors
/// As [`run_each`], and [`RunError::Stopped`].
pub fn run_each_until<E: From<RunError>>(
    plan: &Plan,
    opts: &RunOptions,
    limits: &Limits,
    progress: &(dyn Fn(u64, u64) + Sync),
    stop: &(dyn Fn() -> bool + Sync),
    each: impl FnMut(&[Row], &[Row]) -> Result<(), E>,
) -> Result<RunInfo, E> {
    let range = opts.shard.range(opts.draws);
    run_range_until(plan, opts, range, limits, progress, stop, each)
}

/// [`run_each_until`] over the draws `range` (global indices, within `0..opts.draws`)
/// rather than `opts.shard`'s: how a sweep runs the part of one baseline's draws that
/// falls in its shard of the grid. The rows are those of the same draws of any other
/// run of `plan` with `opts.seed`.
///
/// # Errors
/// As [`run_each_until`].
pub fn run_range_until<E: From<RunError>>(
    plan: &Plan,
    opts: &RunOptions,
    range: std::ops::Range<u64>,
    limits: &Limits,
    progress: &(dyn Fn(u64, u64) + Sync),
    stop: &(dyn Fn() -> bool + Sync),
    mut each: impl FnMut(&[Row], &[Row]) -> Result<(), E>,
) -> Result<RunInfo, E> {
    let footprint = check_limits(plan, opts, limits)?;
    let range = range.start.min(opts.draws)..range.end.min(opts.draws);
    let total = range.end - range.start;
    let done = AtomicU64::new(0);
    progress(0, total);
    let mut block_start = range.start;
    while block_start < range.end {
        let block_end = block_start.saturating_add(footprint.block_draws).min(range.end);
        let chunks = (block_end - block_start).div_ceil(CHUNK);
        let parts: Vec<Result<ChunkRows, RunError>> = (0..chunks)
            .into_par_iter()
            .map(|c| {
                if stop() {
                    return Err(RunError::Stopped);
                }
                let start = block_start + c * CHUNK;
                let end = (start + CHUNK).min(block_end);
                let rows = run_chunk(plan, opts.seed, start..end);
                let now = done.fetch_add(end - start, Ordering::Relaxed) + (end - start);
                progress(now, total);
                rows
            })
            .collect();
        for part in parts {
            let (rows, params) = part?;
            each(&rows, &params)?;
        }
        block_start = block_end;
    }
    Ok(RunInfo::new(plan, opts))
}

/// Limits on a run, checked before any draw by [`check_limits`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most memory the run may hold, in bytes, as estimated by [`Footprint`].
    /// Default: [`DEFAULT_MAX_MEMORY`].
    pub max_memory_bytes: u64,
    /// Whether the summary keeps the output values in a scratch file
    /// ([`crate::summary::Summariser::with_scratch`]) instead of memory: the estimate
    /// then counts its bounded buffer ([`Footprint::with_scratch`]). Default: `false`.
    pub summary_scratch: bool,
}

/// The default of [`Limits::max_memory_bytes`]: 2 GiB.
pub const DEFAULT_MAX_MEMORY: u64 = 2 << 30;

impl Limits {
    /// No limit (what [`run`] uses: it holds every row anyway).
    pub const NONE: Limits = Limits { max_memory_bytes: u64::MAX, summary_scratch: false };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_memory_bytes: DEFAULT_MAX_MEMORY, summary_scratch: false }
    }
}

/// Rows handed over per block, about (a block holds whole chunks of draws).
const BLOCK_ROWS: u64 = 1 << 18;

/// Bytes of one [`Row`] in memory.
const ROW_BYTES: u64 = std::mem::size_of::<Row>() as u64;

/// What a streamed run holds in memory, known before it starts.
///
/// The summary needs every value of every output in every draw (its quantiles are
/// exact), 8 bytes each; the draws themselves are written block by block. The estimate
/// is `summary_bytes + block_bytes + batch_bytes + sort_bytes`, see each field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Footprint {
    /// Draws in the shard.
    pub draws: u64,
    /// Output values per draw, over all options.
    pub values_per_draw: u64,
    /// Parameter values per draw, over all options.
    pub params_per_draw: u64,
    /// Draws per block ([`run_each`]).
    pub block_draws: u64,
    /// The summary's values: `8 · values_per_draw · draws`.
    pub summary_bytes: u64,
    /// One block's rows: `32 · (values_per_draw + params_per_draw) · block_draws`.
    pub block_bytes: u64,
    /// The Arrow writers' pending record batches: `32` bytes for each of at most
    /// [`crate::arrow::BATCH_ROWS`] rows of each of the two tables.
    pub batch_bytes: u64,
    /// One output's values sorted for its quantiles: `8 · draws`.
    pub sort_bytes: u64,
    /// Bytes of the summary's scratch file on disk (not memory): `8 · values_per_draw ·
    /// draws` with [`Limits::summary_scratch`], else 0.
    pub scratch_bytes: u64,
}

impl Footprint {
    /// The footprint of running `opts` of `plan`.
    pub fn of(plan: &Plan, opts: &RunOptions) -> Footprint {
        Footprint::of_run(&RunInfo::new(plan, opts))
    }

    /// The footprint of the run `info` records (its shard's draws).
    pub fn of_run(info: &RunInfo) -> Footprint {
        let range = info.range();
        let draws = range.end - range.start;
        let (values_per_draw, params_per_draw) = per_draw(info);
        let per_draw = values_per_draw.saturating_add(params_per_draw).max(1);
        let block_draws = (BLOCK_ROWS / per_draw).max(1).next_multiple_of(CHUNK);
        Footprint::with_block(info, draws, block_draws.min(draws.max(1)), block_draws)
    }

    /// The footprint of merging `parts` into `merged` (from [`merge_order`]) by a caller
    /// that reads one part at a time: each part is held whole while it is copied, as its
    /// file's bytes and its rows (`2 · 32` bytes a row, counted in `block_bytes`).
    pub fn of_merge(merged: &RunInfo, parts: &[RunInfo]) -> Footprint {
        let largest = parts.iter().map(|p| p.range().end - p.range().start).max().unwrap_or(0);
        let mut f = Footprint::with_block(merged, merged.draws, largest, largest);
        f.block_bytes = f.block_bytes.saturating_mul(2);
        f
    }

    fn with_block(info: &RunInfo, draws: u64, held_draws: u64, block_draws: u64) -> Footprint {
        let (values_per_draw, params_per_draw) = per_draw(info);
        let per_draw = values_per_draw.saturating_add(params_per_draw);
        let batch = crate::arrow::BATCH_ROWS as u64;
        let batch_rows = values_per_draw.saturating_mul(draws).min(batch)
            + params_per_draw.saturating_mul(draws).min(batch);
        Footprint {
            draws,
            values_per_draw,
            params_per_draw,
            block_draws,
            summary_bytes: 8u64.saturating_mul(values_per_draw).saturating_mul(draws),
            block_bytes: ROW_BYTES.saturating_mul(per_draw).saturating_mul(held_draws),
            batch_bytes: ROW_BYTES.saturating_mul(batch_rows),
            sort_bytes: 8u64.saturating_mul(draws),
            scratch_bytes: 0,
        }
    }

    /// The footprint when the summary keeps its values in a scratch file: in memory,
    /// `summary_bytes` is then at most `16 · (SCRATCH_BUFFER_VALUES + values_per_draw ·
    /// block_draws)` (the values buffered before they are written, and their bytes),
    /// whatever the number of draws; the file takes `scratch_bytes` on disk.
    pub fn with_scratch(mut self) -> Footprint {
        let buffered = (crate::summary::SCRATCH_BUFFER_VALUES as u64)
            .saturating_add(self.values_per_draw.saturating_mul(self.block_draws));
        self.scratch_bytes = self.summary_bytes;
        self.summary_bytes = self.summary_bytes.min(16u64.saturating_mul(buffered));
        self
    }

    /// The estimate: the sum of the parts.
    pub fn total_bytes(&self) -> u64 {
        self.summary_bytes
            .saturating_add(self.block_bytes)
            .saturating_add(self.batch_bytes)
            .saturating_add(self.sort_bytes)
    }
}

/// Output values and parameter values per draw of the run `info` records.
fn per_draw(info: &RunInfo) -> (u64, u64) {
    let values = info
        .options
        .iter()
        .flat_map(|o| {
            o.metrics.iter().map(|m| match m.shape {
                Shape::Scalar => 1,
                Shape::Series => o.horizon as u64,
            })
        })
        .fold(0u64, u64::saturating_add);
    let params = info.options.iter().map(|o| o.parameters.len() as u64).sum();
    (values, params)
}

/// Checks a footprint against `limits`.
///
/// # Errors
/// [`RunError::Memory`] when [`Footprint::total_bytes`] exceeds the limit.
pub fn check_memory(footprint: &Footprint, limits: &Limits) -> Result<(), RunError> {
    let needed = footprint.total_bytes();
    if needed > limits.max_memory_bytes {
        return Err(RunError::Memory {
            needed,
            limit: limits.max_memory_bytes,
            draws: footprint.draws,
            values_per_draw: footprint.values_per_draw,
        });
    }
    Ok(())
}

/// Checks `opts` (at least one draw, a valid and non-empty shard) and `limits` before a
/// run, and returns what the run will hold.
///
/// # Errors
/// [`RunError::NoDraws`], [`RunError::Shard`], [`RunError::EmptyShard`], or
/// [`RunError::Memory`] when the [`Footprint`] exceeds `limits.max_memory_bytes`.
pub fn check_limits(
    plan: &Plan,
    opts: &RunOptions,
    limits: &Limits,
) -> Result<Footprint, RunError> {
    if opts.draws == 0 {
        return Err(RunError::NoDraws);
    }
    Shard::new(opts.shard.k, opts.shard.n)?;
    if opts.shard.range(opts.draws).is_empty() {
        return Err(RunError::EmptyShard { shard: opts.shard, draws: opts.draws });
    }
    let mut footprint = Footprint::of(plan, opts);
    if limits.summary_scratch {
        footprint = footprint.with_scratch();
    }
    check_memory(&footprint, limits)?;
    Ok(footprint)
}

/// The output rows and the parameter rows of some draws.
type ChunkRows = (Vec<Row>, Vec<Row>);

/// The output rows and the parameter rows of `draws`.
fn run_chunk(plan: &Plan, seed: u64, draws: std::ops::Range<u64>) -> Result<ChunkRows, RunError> {
    let mut outputs: Vec<Outputs> =
        plan.options.iter().map(|o| Outputs::new(o.model.outputs(), o.horizon)).collect();
    let mut values: Vec<Vec<f64>> =
        plan.options.iter().map(|o| vec![0.0; o.params.len()]).collect();
    let per_draw: usize = outputs.iter().map(|o| o.values().len()).sum();
    let n = (draws.end - draws.start) as usize;
    let mut rows = Vec::with_capacity(per_draw * n);
    let mut param_rows = Vec::with_capacity(values.iter().map(Vec::len).sum::<usize>() * n);
    for draw in draws {
        for (j, option) in plan.options.iter().enumerate() {
            let vals = &mut values[j];
            let fitted = option.posterior.as_ref().map(|p| (p, p.pick(seed, draw)));
            for (k, p) in option.params.iter().enumerate() {
                vals[k] = match fitted
                    .and_then(|(f, v)| f.params.iter().position(|&i| i == k).map(|i| v[i]))
                {
                    Some(v) => v,
                    None => sample_param(seed, draw, k, p, &option.name)?,
                };
                param_rows.push(Row {
                    draw,
                    option: j as u32,
                    metric: k as u32,
                    year: None,
                    value: vals[k],
                });
            }
            let defs = option.model.parameters();
            let params = Params::new(defs, vals);
            let horizon = option.model.horizon(&params);
            if horizon != option.horizon {
                return Err(RunError::Horizon {
                    draw,
                    option: option.name.clone(),
                    planned: option.horizon,
                    got: horizon,
                });
            }
            let model_err = |source| RunError::Model { draw, option: option.name.clone(), source };
            option.model.check(&params).map_err(model_err)?;
            let out = &mut outputs[j];
            out.clear();
            let mut rng = draw_rng(seed, draw);
            option.model.simulate(&params, &mut rng, out).map_err(model_err)?;
            let mut at = 0;
            for (m, def) in option.model.outputs().iter().enumerate() {
                let years = match def.shape {
                    Shape::Scalar => 1,
                    Shape::Series => option.horizon,
                };
                for t in 0..years {
                    let value = out.values()[at];
                    at += 1;
                    let year = (def.shape == Shape::Series).then_some(t as u32);
                    if !value.is_finite() {
                        return Err(RunError::Output {
                            draw,
                            option: option.name.clone(),
                            metric: def.name.to_owned(),
                            year,
                            value,
                        });
                    }
                    rows.push(Row { draw, option: j as u32, metric: m as u32, year, value });
                }
            }
        }
    }
    Ok((rows, param_rows))
}

/// Draws parameter `k` of a draw from its own region of the draw's stream.
pub(crate) fn sample_param(
    seed: u64,
    draw: u64,
    k: usize,
    p: &crate::spec::ResolvedParam,
    option: &str,
) -> Result<f64, RunError> {
    let value = match p.value.as_fixed() {
        Some(v) => v,
        None => {
            let mut rng = draw_rng(seed, draw);
            rng.set_block_pos((k as u64 + 1) * PARAM_REGION_BLOCKS);
            let v = p.value.sample(&mut rng).map_err(|source| RunError::Truncation {
                draw,
                option: option.to_owned(),
                param: p.def.name.to_owned(),
                source,
            })?;
            let continuous = !matches!(p.value.dist, Dist::Empirical { .. });
            if p.def.domain == Domain::Count && continuous { v.round() } else { v }
        }
    };
    if !p.def.domain.contains(value) {
        return Err(RunError::Domain {
            draw,
            option: option.to_owned(),
            param: p.def.name.to_owned(),
            value,
            domain: p.def.domain.to_string(),
        });
    }
    Ok(value)
}

/// A number of bytes for people: `512 bytes`, `3.2 MiB`, `1.4 TiB` (powers of 1024).
pub fn bytes_text(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// Shards that cannot be merged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// Nothing to merge.
    #[error("no parts to merge")]
    Empty,
    /// Parts of different runs.
    #[error(
        "part {index} is from a different run: its {what} differs from the first part's ({first} vs {this})"
    )]
    Mismatch {
        /// 1-based position of the part in the list given.
        index: usize,
        /// Which field differs.
        what: &'static str,
        /// The first part's value.
        first: String,
        /// This part's value.
        this: String,
    },
    /// Two parts hold some of the same draws.
    #[error("shards {a} and {b} overlap (draws {start}..{end})")]
    Overlap {
        /// One shard.
        a: Shard,
        /// The other.
        b: Shard,
        /// First shared draw.
        start: u64,
        /// One past the last shared draw.
        end: u64,
    },
    /// Draws that no part holds.
    #[error("draws {start}..{end} of {draws} are in no part (a shard is missing)")]
    Gap {
        /// First missing draw.
        start: u64,
        /// One past the last missing draw.
        end: u64,
        /// Draws in the run.
        draws: u64,
    },
    /// A part's rows do not match its shard.
    #[error("part {index} (shard {shard}) holds draw {draw}, outside its draws {start}..{end}")]
    Corrupt {
        /// 1-based position of the part.
        index: usize,
        /// Its shard.
        shard: Shard,
        /// The stray draw.
        draw: u64,
        /// Its first draw.
        start: u64,
        /// One past its last draw.
        end: u64,
    },
}

/// Joins the shards of one run into the ensemble an unsharded run returns: same
/// plan (fingerprint and options), seed and draws; shards non-overlapping and complete.
///
/// # Errors
/// A [`MergeError`] naming the part and what differs, the overlapping shards, or the
/// missing draws.
pub fn merge(parts: Vec<Ensemble>) -> Result<Ensemble, MergeError> {
    let infos: Vec<RunInfo> = parts.iter().map(|p| p.info.clone()).collect();
    let (info, order) = merge_order(&infos)?;
    for (i, p) in parts.iter().enumerate() {
        check_part_rows(i + 1, &p.info, &p.rows)?;
        check_part_rows(i + 1, &p.info, &p.params)?;
    }
    let mut parts: Vec<Option<Ensemble>> = parts.into_iter().map(Some).collect();
    let mut rows = Vec::new();
    let mut params = Vec::new();
    for i in order {
        let p = parts[i].take().expect("each part once");
        rows.extend(p.rows);
        params.extend(p.params);
    }
    Ok(Ensemble { info, rows, params })
}

/// Checks that the records of a run's shards fit together — same plan (fingerprint and
/// options), seed and draws; shards non-overlapping and complete — and returns the
/// merged run's record and the order (indices into `parts`) in which their rows follow
/// each other. Used by [`merge`], and by a caller that streams the shards' rows.
///
/// # Errors
/// As [`merge`].
pub fn merge_order(parts: &[RunInfo]) -> Result<(RunInfo, Vec<usize>), MergeError> {
    let first = parts.first().ok_or(MergeError::Empty)?;
    for (i, p) in parts.iter().enumerate() {
        check_same_run(i + 1, first, p)?;
    }
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| (parts[i].range().start, parts[i].range().end));
    let mut next = 0;
    let mut prev: Option<Shard> = None;
    for &i in &order {
        let p = &parts[i];
        let r = p.range();
        if r.start > next {
            return Err(MergeError::Gap { start: next, end: r.start, draws: first.draws });
        }
        if r.start < next {
            return Err(MergeError::Overlap {
                a: prev.unwrap_or(p.shard),
                b: p.shard,
                start: r.start,
                end: next.min(r.end),
            });
        }
        next = r.end;
        prev = Some(p.shard);
    }
    if next < first.draws {
        return Err(MergeError::Gap { start: next, end: first.draws, draws: first.draws });
    }
    let mut info = parts[order[0]].clone();
    info.shard = Shard::FULL;
    Ok((info, order))
}

/// Checks that part `index` (1-based) is of the same run as `first`.
fn check_same_run(index: usize, first: &RunInfo, p: &RunInfo) -> Result<(), MergeError> {
    let mismatch =
        |what, a: String, b: String| MergeError::Mismatch { index, what, first: a, this: b };
    if p.fingerprint != first.fingerprint {
        return Err(mismatch("plan fingerprint", first.fingerprint.clone(), p.fingerprint.clone()));
    }
    if p.seed != first.seed {
        return Err(mismatch("seed", first.seed.to_string(), p.seed.to_string()));
    }
    if p.draws != first.draws {
        return Err(mismatch("number of draws", first.draws.to_string(), p.draws.to_string()));
    }
    if p.scenario != first.scenario {
        return Err(mismatch("scenario name", first.scenario.clone(), p.scenario.clone()));
    }
    if p.options != first.options {
        let names =
            |i: &RunInfo| i.options.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ");
        let differing = first.options.iter().zip(&p.options).find(|(a, b)| a != b);
        return Err(match differing {
            Some((a, b)) if a.name == b.name => {
                mismatch("record of option", format!("{a:?}"), format!("{b:?}"))
            }
            _ => mismatch("options", names(first), names(p)),
        });
    }
    Ok(())
}

/// Checks that every row of part `index` (1-based) lies in its shard's draws.
///
/// # Errors
/// [`MergeError::Corrupt`] naming the first stray draw.
pub fn check_part_rows(index: usize, info: &RunInfo, rows: &[Row]) -> Result<(), MergeError> {
    let r = info.range();
    match rows.iter().find(|row| !r.contains(&row.draw)) {
        Some(row) => Err(MergeError::Corrupt {
            index,
            shard: info.shard,
            draw: row.draw,
            start: r.start,
            end: r.end,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_the_draws_once() {
        for draws in [1u64, 7, 10, 1000, 1001] {
            for n in 1..=8u64.min(draws) {
                let mut next = 0;
                for k in 1..=n {
                    let r = Shard::new(k, n).unwrap().range(draws);
                    assert_eq!(r.start, next, "draws {draws} shard {k}/{n}");
                    assert!(!r.is_empty());
                    next = r.end;
                }
                assert_eq!(next, draws);
            }
        }
    }

    #[test]
    fn the_shard_comes_from_the_batch_engine() {
        let from = |spec: &str, vars: &[(&str, &str)]| {
            let vars: Vec<(String, String)> =
                vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
            Shard::from_engine(spec, |name| {
                vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
            })
        };
        // Kubernetes: the index counts from 0, N is written.
        let k8s = [("JOB_COMPLETION_INDEX", "2")];
        assert_eq!(from("auto/4", &k8s).unwrap(), Shard { k: 3, n: 4 });
        assert!(from("auto", &k8s).unwrap_err().to_string().contains("completions"));
        assert!(from("auto/2", &k8s).is_err(), "index 2 is the third of two");
        // Slurm: whatever the range starts at, with its step; N from the count.
        fn slurm<'a>(id: &'a str, min: &'a str) -> [(&'a str, &'a str); 3] {
            [
                ("SLURM_ARRAY_TASK_ID", id),
                ("SLURM_ARRAY_TASK_MIN", min),
                ("SLURM_ARRAY_TASK_COUNT", "4"),
            ]
        }
        assert_eq!(from("auto", &slurm("0", "0")).unwrap(), Shard { k: 1, n: 4 });
        assert_eq!(from("auto", &slurm("4", "1")).unwrap(), Shard { k: 4, n: 4 });
        assert_eq!(from("auto/4", &slurm("3", "1")).unwrap(), Shard { k: 3, n: 4 });
        assert!(from("auto/5", &slurm("3", "1")).unwrap_err().to_string().contains("4 tasks"));
        let stepped = [
            ("SLURM_ARRAY_TASK_ID", "20"),
            ("SLURM_ARRAY_TASK_MIN", "0"),
            ("SLURM_ARRAY_TASK_STEP", "10"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
        ];
        assert_eq!(from("auto", &stepped).unwrap(), Shard { k: 3, n: 4 });
        // A step of 0, an id off the step's grid, no min, an index beyond N: refused,
        // naming the variable.
        let off = |vars: &[(&str, &str)]| from("auto/4", vars).unwrap_err().to_string();
        let step0 = [
            ("SLURM_ARRAY_TASK_ID", "3"),
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_STEP", "0"),
        ];
        assert!(off(&step0).contains("SLURM_ARRAY_TASK_STEP is 0"));
        let grid = [
            ("SLURM_ARRAY_TASK_ID", "2"),
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_STEP", "2"),
        ];
        assert!(off(&grid).contains("not on the array's grid"));
        assert!(off(&[("SLURM_ARRAY_TASK_ID", "2")]).contains("SLURM_ARRAY_TASK_MIN is not"));
        assert!(off(&[("JOB_COMPLETION_INDEX", "4")]).contains("JOB_COMPLETION_INDEX is 4"));
        let beyond = [("SLURM_ARRAY_TASK_ID", "5"), ("SLURM_ARRAY_TASK_MIN", "1")];
        assert!(off(&beyond).contains("task 5 of an array of 4"));
        // Neither, both, not a number, not auto.
        assert!(from("auto/4", &[]).unwrap_err().to_string().contains("neither"));
        let both = [("JOB_COMPLETION_INDEX", "0"), ("SLURM_ARRAY_TASK_ID", "0")];
        assert!(from("auto/4", &both).unwrap_err().to_string().contains("both"));
        assert!(from("auto/4", &[("JOB_COMPLETION_INDEX", "x")]).is_err());
        assert!(from("2/4", &k8s).is_err() && from("auto/x", &k8s).is_err());
    }

    #[test]
    fn shard_parses_k_of_n() {
        assert_eq!("2/4".parse::<Shard>().unwrap(), Shard { k: 2, n: 4 });
        assert!("0/4".parse::<Shard>().is_err());
        assert!("5/4".parse::<Shard>().is_err());
        assert!("2-4".parse::<Shard>().is_err());
        assert_eq!(Shard { k: 3, n: 8 }.to_string(), "3/8");
    }
}
