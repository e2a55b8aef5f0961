//! Scenario runs: plan a scenario file against the store's baseline, run its Monte
//! Carlo ensemble streaming the draws into the caller's writers, read a run back,
//! verify and merge shards, compare runs or options, and the brief's results.
//!
//! A run is a set of files ([`RUN_FILES`] and the [`MANIFEST`] with the SHA-256 of
//! every other file). This module opens no file and prints nothing: a caller gives
//! writers ([`RunFiles`]) and a [`RunFolder`] to read from (the CLI: a directory; a
//! server: stored blobs), and renders what comes back. Running is CPU-heavy and
//! synchronous ([`PlannedRun::run`], [`PlannedMerge::merge`]): call it from a blocking
//! thread (`tokio::task::spawn_blocking` in a server), never on an async executor.

mod brief;
mod corridor_example;
mod corridor_health;
pub mod corridor_parameters;
mod corridor_trend;
mod models;
mod sweep;

use std::io::{BufWriter, Read, Write};

use montecarlo::arrow::ArrowWriter;
use montecarlo::engine::{
    DEFAULT_DRAWS, DEFAULT_MAX_MEMORY, DEFAULT_SEED, Ensemble, Footprint, Limits, Row, RunError,
    RunInfo, RunOptions, Shard,
};
use montecarlo::output::{CsvRows, FileRecord, Manifest};
use montecarlo::parquet::ParquetWriter;
use montecarlo::spec::{Place, Plan};
use montecarlo::summary::{DiffRow, ScratchFile, Summariser, SummaryRow};
use sha2::{Digest, Sha256};

use crate::{Error, Input, Workspace};

pub use brief::{
    BaselineFit, BaselineRow, FittedRow, MetricResult, ObservedRow, OptionResult, Quantiles,
    ScenarioResult, brief_result,
};
pub use corridor_example::CorridorExample;
pub use models::{EXAMPLES, ModelInfo, OutputInfo, ParameterInfo, example, models};
pub use sweep::{
    ParquetFiles, PlannedSweep, SWEEP_FILES, SWEEP_MANIFEST_FORMAT, SweepRecord, baselines_json,
    is_sweep_manifest, read_baselines_json, read_sweep_manifest, sha256_of, sweep_merge_order,
    sweep_outputs, write_sweep_manifest,
};

/// The data files of a run, in the order the manifest lists them (each with its
/// SHA-256), before the manifest itself.
pub const RUN_FILES: [&str; 5] =
    ["draws.csv", "draws.arrow", "parameters.csv", "parameters.arrow", "summary.csv"];

/// The manifest of a run.
pub const MANIFEST: &str = "manifest.json";

/// An error of a scenario run, a merge, a comparison or a run read back.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScenarioError {
    /// The scenario file is malformed, or does not fit its models and baseline.
    #[error(transparent)]
    Spec(#[from] montecarlo::spec::SpecError),
    /// The baseline could not be built from the store.
    #[error("{file}:{line}:{column}: baseline: {source}")]
    Baseline {
        /// The scenario file.
        file: String,
        /// The line of its `[baseline]`.
        line: usize,
        /// The column.
        column: usize,
        /// Whether the baseline names a demo-world code (`X..`): the demo world must be
        /// loaded first.
        demo: bool,
        /// What went wrong.
        source: Box<Error>,
    },
    /// The run failed or would pass a limit.
    #[error(transparent)]
    Run(#[from] RunError),
    /// The run's thread pool could not be built.
    #[error(transparent)]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// A file of the run could not be written.
    #[error("cannot write {file}: {source}")]
    Write {
        /// The file, as its writer was named.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file of a run could not be read.
    #[error("cannot read {file}: {source}")]
    Read {
        /// The file.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A manifest is malformed.
    #[error("{file}: {source}")]
    Manifest {
        /// The manifest.
        file: String,
        /// What is wrong.
        source: montecarlo::output::ManifestError,
    },
    /// An Arrow file of a run is malformed.
    #[error("{file}: {source}")]
    Arrow {
        /// The file.
        file: String,
        /// What is wrong.
        source: montecarlo::arrow::ArrowError,
    },
    /// A manifest records no SHA-256 of a file, so a shard cannot be checked.
    #[error(
        "{manifest}: the manifest records no SHA-256 of {name} (written by an older \
         Coherence, or edited), so the shard cannot be checked; run it again"
    )]
    NoChecksum {
        /// The manifest.
        manifest: String,
        /// The file it lacks a checksum of.
        name: String,
    },
    /// A file's bytes are not those its manifest records.
    #[error(
        "{file}: its SHA-256 is not the one its manifest records: the file was changed, \
         truncated or replaced after the run; run this shard again (expected {expected}, \
         found {actual})"
    )]
    Checksum {
        /// The file.
        file: String,
        /// The SHA-256 the manifest records.
        expected: String,
        /// The SHA-256 of the bytes found.
        actual: String,
    },
    /// Shards do not make one run, or a shard's rows are not its own.
    #[error(transparent)]
    Merge(#[from] montecarlo::engine::MergeError),
    /// Two runs or options cannot be compared.
    #[error(transparent)]
    Compare(#[from] montecarlo::summary::CompareError),
    /// A run given for a brief is one shard of a run.
    #[error("{folder}: is shard {k}/{n} of a run; merge the shards first")]
    Shard {
        /// The run folder.
        folder: String,
        /// The shard's number.
        k: u64,
        /// The number of shards.
        n: u64,
    },
    /// No built-in example has that name.
    #[error("no example \"{name}\"; examples: {}", known.join(", "))]
    UnknownExample {
        /// The name asked for.
        name: String,
        /// The examples' names.
        known: Vec<&'static str>,
    },
    /// A corridor example was asked without a baseline year for a corridor of which
    /// the store holds no figure.
    #[error(
        "the store holds no figure of the corridor {corridor} (stock, deployments, remittances or cost); load its data or give the baseline year"
    )]
    NoCorridorData {
        /// The corridor, named.
        corridor: String,
    },
    /// A run planned with [`RunRequest::summary_scratch`] was run without its scratch
    /// file ([`PlannedRun::with_scratch`]).
    #[error("the run was planned to keep its summary in a scratch file, and none was given")]
    NoScratch,
    /// A baseline year outside the years a scenario file may name.
    #[error("baseline year {year}: expected a year from {} to {}", montecarlo::spec::BASELINE_YEARS.start(), montecarlo::spec::BASELINE_YEARS.end())]
    Year {
        /// The year given.
        year: i32,
    },
    /// One corridor of a sweep could not be resolved (its baseline lacks a value a
    /// model needs, say): the sweep is refused, naming the corridor.
    #[error("{file}: sweep, corridor {corridor}: {source}")]
    Sweep {
        /// The scenario file.
        file: String,
        /// The corridor's code, `ORIGIN-DESTINATION`.
        corridor: String,
        /// What went wrong with it.
        source: Box<ScenarioError>,
    },
    /// A sweep that selects no corridor, or more than
    /// [`montecarlo::spec::MAX_SWEEP_CORRIDORS`].
    #[error(
        "{file}: [sweep] selects {found} corridors in the store; expected 1 to {limit} (narrow it with min_stock, origin or destination)"
    )]
    SweepSize {
        /// The scenario file.
        file: String,
        /// Corridors selected.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// A sweep's files that do not fit together or cannot be read back.
    #[error("{0}")]
    SweepFiles(String),
    /// A sweep's draws file that cannot be read back.
    #[error(transparent)]
    SweepDraws(#[from] montecarlo::sweep::SweepError),
    /// The scenario's calibration failed or did not reach its tolerance.
    #[error("{file}: {source}")]
    Calibration {
        /// The scenario file.
        file: String,
        /// What happened.
        source: montecarlo::calibrate::CalibrationError,
    },
}

impl ScenarioError {
    /// What kind of failure this is ([`crate::ErrorKind`]).
    pub fn kind(&self) -> crate::ErrorKind {
        use crate::ErrorKind;
        match self {
            ScenarioError::Baseline { source, .. } => source.kind(),
            ScenarioError::Sweep { source, .. } => source.kind(),
            ScenarioError::SweepSize { .. }
            | ScenarioError::SweepFiles(_)
            | ScenarioError::SweepDraws(_) => ErrorKind::InvalidInput,
            ScenarioError::Run(RunError::Memory { .. }) => ErrorKind::TooLarge,
            // Asked to stop by its caller (a cancelled job): nothing is wrong with the
            // scenario, and running it again would finish.
            ScenarioError::Run(RunError::Stopped) => ErrorKind::Unavailable,
            ScenarioError::Threads(_) | ScenarioError::NoScratch => ErrorKind::Internal,
            ScenarioError::Write { .. } => ErrorKind::Unavailable,
            ScenarioError::Read { source, .. } => match source.kind() {
                std::io::ErrorKind::NotFound => ErrorKind::NotFound,
                std::io::ErrorKind::PermissionDenied => ErrorKind::Forbidden,
                _ => ErrorKind::Unavailable,
            },
            ScenarioError::UnknownExample { .. } | ScenarioError::NoCorridorData { .. } => {
                ErrorKind::NotFound
            }
            ScenarioError::Year { .. } => ErrorKind::InvalidInput,
            ScenarioError::Calibration { .. } => ErrorKind::InvalidInput,
            // The scenario, its draws, a run's files, shards and comparisons given.
            ScenarioError::Spec(_)
            | ScenarioError::Run(_)
            | ScenarioError::Manifest { .. }
            | ScenarioError::Arrow { .. }
            | ScenarioError::NoChecksum { .. }
            | ScenarioError::Checksum { .. }
            | ScenarioError::Merge(_)
            | ScenarioError::Compare(_)
            | ScenarioError::Shard { .. } => ErrorKind::InvalidInput,
        }
    }
}

impl From<ScenarioError> for Error {
    fn from(e: ScenarioError) -> Error {
        Error::Scenario(Box::new(e))
    }
}

/// Where a run's files are read from: a run directory (the CLI), stored blobs or
/// uploads (a server). The caller bounds what it reads.
pub trait RunFolder {
    /// The run as messages name it (a directory's path, say).
    fn name(&self) -> String;
    /// The file `file` of the run as messages name it (a path, say).
    fn file_name(&self, file: &str) -> String;
    /// The whole bytes of the file `file` ([`MANIFEST`] or one of [`RUN_FILES`]).
    ///
    /// # Errors
    /// The caller's error reading the file (a missing file, a file past its limit).
    fn read(&self, file: &str) -> Result<Vec<u8>, Error>;
    /// The file `file`, to be read in pieces (for its checksum).
    ///
    /// # Errors
    /// The caller's error opening the file.
    fn open(&self, file: &str) -> Result<Box<dyn Read + '_>, Error>;
}

/// One output file of a run: a writer and the name messages show for it.
#[derive(Debug)]
pub struct RunFile<W> {
    /// The file as messages name it (a path, say).
    pub name: String,
    /// Where its bytes go.
    pub writer: W,
}

/// The writers of a run's files, one per file of [`RUN_FILES`] and the [`MANIFEST`].
#[derive(Debug)]
pub struct RunFiles<W> {
    files: [RunFile<W>; 6],
    /// The Parquet files of the draws, one per option ([`RunFiles::with_parquet`]).
    parquet: Vec<RunFile<W>>,
}

impl<W> RunFiles<W> {
    /// Gets a writer for each of [`RUN_FILES`], then for the [`MANIFEST`], in that
    /// order, from `create` (which is given the file's name in the run).
    ///
    /// # Errors
    /// The first error of `create`.
    pub fn create<E>(
        mut create: impl FnMut(&'static str) -> Result<RunFile<W>, E>,
    ) -> Result<RunFiles<W>, E> {
        let [a, b, c, d, e] = RUN_FILES;
        Ok(RunFiles {
            files: [create(a)?, create(b)?, create(c)?, create(d)?, create(e)?, create(MANIFEST)?],
            parquet: Vec::new(),
        })
    }

    /// Adds the draws as Parquet, one file per option of the run `info` records, named
    /// [`parquet_files`]: `create` is given each name. The manifest lists them with their
    /// SHA-256, after [`RUN_FILES`].
    ///
    /// # Errors
    /// The first error of `create`.
    pub fn with_parquet<E>(
        mut self,
        info: &RunInfo,
        mut create: impl FnMut(&str) -> Result<RunFile<W>, E>,
    ) -> Result<RunFiles<W>, E> {
        for name in parquet_files(info) {
            self.parquet.push(create(&name)?);
        }
        Ok(self)
    }
}

/// The Parquet files of a run's draws, one per option, Hive-partitioned under `draws/`:
/// `draws/option=NAME/part-K.parquet` (K the shard's number,
/// [`montecarlo::parquet::partition_path`]), so the folders of every shard of a run, or
/// of several runs, read as one table.
pub fn parquet_files(info: &RunInfo) -> Vec<String> {
    (0..info.options.len() as u32)
        .map(|o| format!("draws/{}", montecarlo::parquet::partition_path(info, o)))
        .collect()
}

/// What a run or a merge produced.
#[derive(Debug)]
pub struct RunOutcome<W> {
    /// The run.
    pub info: RunInfo,
    /// Its summary, one row per option, output and year.
    pub summary: Vec<SummaryRow>,
    /// The written files, flushed, to be put in place in this order (the manifest
    /// last); `None` when the run wrote no files.
    pub files: Option<Vec<RunFile<W>>>,
    /// The calibration the options were run from, when the scenario has one.
    pub calibration: Option<montecarlo::calibrate::Calibration>,
}

/// What to run of a scenario file; `None` takes the file's value, else the default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunRequest {
    /// Draws in the whole run (default: the file's `draws`, else
    /// [`montecarlo::engine::DEFAULT_DRAWS`]).
    pub draws: Option<u64>,
    /// Seed (default: the file's `seed`, else [`montecarlo::engine::DEFAULT_SEED`]).
    pub seed: Option<u64>,
    /// The part of the draws to run; `None` for all of them.
    pub shard: Option<Shard>,
    /// The most memory the run may hold, in bytes (default
    /// [`montecarlo::engine::DEFAULT_MAX_MEMORY`]).
    pub max_memory: Option<u64>,
    /// Whether the summary keeps the output values in a scratch file given by
    /// [`PlannedRun::with_scratch`] (8 bytes per output value per draw on disk) rather
    /// than in memory: the run's memory then stays flat whatever its draws.
    pub summary_scratch: bool,
}

/// The limits of a run or merge holding at most `max_memory` bytes (else the default).
pub fn limits(max_memory: Option<u64>) -> Limits {
    Limits { max_memory_bytes: max_memory.unwrap_or(DEFAULT_MAX_MEMORY), summary_scratch: false }
}

/// A scenario resolved against its baseline and checked against its limits, ready to
/// run ([`Workspace::plan_scenario`]).
pub struct PlannedRun {
    plan: Plan,
    options: RunOptions,
    limits: Limits,
    info: RunInfo,
    scratch: Option<Box<dyn ScratchFile>>,
}

impl std::fmt::Debug for PlannedRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlannedRun")
            .field("plan", &self.plan)
            .field("options", &self.options)
            .field("limits", &self.limits)
            .field("scratch", &self.scratch.is_some())
            .finish_non_exhaustive()
    }
}

/// Parses a scenario file (TOML; docs/scenarios.md).
///
/// # Errors
/// [`ScenarioError::Spec`] naming the line and field, [`Error::Io`] for a file that is
/// not UTF-8.
pub fn parse_scenario(file: &Input) -> Result<montecarlo::spec::Scenario, Error> {
    Ok(montecarlo::spec::parse(&file.name, file.text()?).map_err(ScenarioError::from)?)
}

impl Workspace {
    /// Builds the baseline of a scenario ([`parse_scenario`]) from the store, resolves
    /// the scenario against the models and checks the run's limits: nothing is
    /// allocated or written before they hold.
    ///
    /// # Errors
    /// [`ScenarioError::Baseline`] if the baseline cannot be built,
    /// [`ScenarioError::Spec`] if the scenario does not fit its models and baseline,
    /// [`ScenarioError::Run`] for a limit passed (or no draws),
    /// [`ScenarioError::SweepFiles`] for a file with a `[sweep]` table
    /// ([`Workspace::plan_sweep`] plans those).
    pub async fn plan_scenario(
        &self,
        spec: &montecarlo::spec::Scenario,
        request: &RunRequest,
    ) -> Result<PlannedRun, Error> {
        if spec.sweep.is_some() {
            let msg = format!(
                "{}: a [sweep] file is a set of corridors: run it with `coherence scenario run FILE --out DIR` (Workspace::plan_sweep), one corridor at a time elsewhere",
                spec.file
            );
            return Err(ScenarioError::SweepFiles(msg).into());
        }
        let baseline = self.baseline_of(spec).await?;
        let plan = montecarlo::spec::resolve(spec, &baseline, &montecarlo::models::all())
            .map_err(ScenarioError::from)?;
        let options = RunOptions {
            draws: request.draws.or(plan.draws).unwrap_or(DEFAULT_DRAWS),
            seed: request.seed.or(plan.seed).unwrap_or(DEFAULT_SEED),
            shard: request.shard.unwrap_or(Shard::FULL),
        };
        let limits =
            Limits { summary_scratch: request.summary_scratch, ..limits(request.max_memory) };
        montecarlo::engine::check_limits(&plan, &options, &limits).map_err(ScenarioError::from)?;
        let info = RunInfo::new(&plan, &options);
        Ok(PlannedRun { plan, options, limits, info, scratch: None })
    }

    /// The scenario's baseline, from the store.
    async fn baseline_of(
        &self,
        spec: &montecarlo::spec::Scenario,
    ) -> Result<montecarlo::model::Baseline, ScenarioError> {
        let year = Some(spec.baseline.year);
        let (origin, destination) = match &spec.baseline.place {
            Place::Corridor { origin, destination } => (origin, Some(destination.as_str())),
            Place::Country(code) => (code, None),
        };
        self.scenario_baseline(origin, destination, year).await.map_err(|e| {
            ScenarioError::Baseline {
                file: spec.file.clone(),
                line: spec.baseline_at.line,
                column: spec.baseline_at.column,
                // Demo-world codes (XAA, XAB, ...) need the demo world in the store.
                demo: origin.starts_with('X'),
                source: Box::new(e),
            }
        })
    }
}

impl PlannedRun {
    /// What will be run: scenario, baseline, seed, draws, shard, options, fingerprint.
    pub fn info(&self) -> &RunInfo {
        &self.info
    }

    /// The scratch file the summary keeps its values in, for a run planned with
    /// [`RunRequest::summary_scratch`] (a temporary file, say; it is only read and
    /// written, never removed).
    pub fn with_scratch(mut self, file: Box<dyn ScratchFile>) -> PlannedRun {
        self.scratch = Some(file);
        self
    }

    /// Runs every draw on `threads` worker threads (default: one per core; the results
    /// do not depend on it), streaming the draws and parameters into `files` when given,
    /// and summarises. `progress` is told the draws done and the total.
    ///
    /// Blocking and CPU-heavy: call it from a blocking thread.
    ///
    /// # Errors
    /// [`ScenarioError::Run`] for a failing draw, [`ScenarioError::Threads`],
    /// [`ScenarioError::Write`] naming the file that could not be written,
    /// [`ScenarioError::NoScratch`] for a run planned with a scratch file not given.
    pub fn run<W: Write + Send>(
        self,
        threads: Option<usize>,
        files: Option<RunFiles<W>>,
        progress: &(dyn Fn(u64, u64) + Send + Sync),
    ) -> Result<RunOutcome<W>, Error> {
        self.run_until(threads, files, progress, &|| false)
    }

    /// [`PlannedRun::run`], stopping (with [`montecarlo::engine::RunError::Stopped`]) once
    /// `stop` says so, within one chunk of draws: how a server cancels a run.
    ///
    /// # Errors
    /// As [`PlannedRun::run`], and the stopped run's error.
    pub fn run_until<W: Write + Send>(
        self,
        threads: Option<usize>,
        files: Option<RunFiles<W>>,
        progress: &(dyn Fn(u64, u64) + Send + Sync),
        stop: &(dyn Fn() -> bool + Send + Sync),
    ) -> Result<RunOutcome<W>, Error> {
        let pool = thread_pool(threads)?;
        let (plan, info, calibration) = match (&self.plan.calibration, &self.plan.calibrated) {
            (Some(_), None) => {
                let plan = &self.plan;
                let calibration = pool.install(|| calibrate_plan(plan))?;
                let plan = self.plan.calibrated(&calibration).map_err(|source| {
                    ScenarioError::Calibration { file: self.plan.file.clone(), source }
                })?;
                let info = RunInfo::new(&plan, &self.options);
                (plan, info, Some(calibration))
            }
            (_, calibrated) => {
                let calibration = calibrated.as_ref().map(|c| c.as_ref().clone());
                (self.plan, self.info, calibration)
            }
        };
        let summary = match self.scratch {
            Some(file) => Summariser::with_scratch(&info, file),
            None if self.limits.summary_scratch => return Err(ScenarioError::NoScratch.into()),
            None => Summariser::new(&info),
        };
        let mut sink = RunSink::new(&info, files, summary)?;
        pool.install(|| {
            montecarlo::engine::run_each_until(
                &plan,
                &self.options,
                &self.limits,
                progress,
                stop,
                |rows, params| sink.push(rows, params),
            )
        })?;
        let mut outcome = sink.finish()?;
        outcome.calibration = calibration;
        Ok(outcome)
    }

    /// This run with `calibration` (of its own plan, from [`PlannedRun::calibrate`])
    /// applied, so that [`PlannedRun::run`] runs the options from it without fitting
    /// again.
    ///
    /// # Errors
    /// [`ScenarioError::Calibration`] when the calibration did not reach its tolerance.
    pub fn with_calibration(
        self,
        calibration: &montecarlo::calibrate::Calibration,
    ) -> Result<PlannedRun, Error> {
        let plan = self.plan.calibrated(calibration).map_err(|source| {
            ScenarioError::Calibration { file: self.plan.file.clone(), source }
        })?;
        let info = RunInfo::new(&plan, &self.options);
        Ok(PlannedRun { plan, info, ..self })
    }

    /// Whether the scenario has a `[calibration]`: [`PlannedRun::run`] then fits it
    /// first and runs the options from its posterior.
    pub fn calibrates(&self) -> bool {
        self.plan.calibration.is_some()
    }

    /// Runs the scenario's calibration alone (`coherence scenario calibrate`) on
    /// `threads` worker threads; the result does not depend on their number. A
    /// calibration that does not reach its tolerance is returned (`reached = false`).
    ///
    /// Blocking and CPU-heavy: call it from a blocking thread.
    ///
    /// # Errors
    /// [`ScenarioError::Calibration`] when the file has no `[calibration]` or a
    /// simulation fails; [`ScenarioError::Threads`].
    pub fn calibrate(
        &self,
        threads: Option<usize>,
    ) -> Result<montecarlo::calibrate::Calibration, Error> {
        let pool = thread_pool(threads)?;
        let plan = &self.plan;
        Ok(pool.install(|| calibrate_plan(plan))?)
    }
}

/// Runs `plan`'s calibration on the current rayon pool.
fn calibrate_plan(plan: &Plan) -> Result<montecarlo::calibrate::Calibration, ScenarioError> {
    montecarlo::calibrate::calibrate(plan, &|_, _| {})
        .map_err(|source| ScenarioError::Calibration { file: plan.file.clone(), source })
}

/// A rayon pool of `threads` threads (default: one per core).
fn thread_pool(threads: Option<usize>) -> Result<rayon::ThreadPool, ScenarioError> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(t) = threads {
        pool = pool.num_threads(t);
    }
    Ok(pool.build()?)
}

/// Shards verified against their manifests and found to make one run within the
/// memory limit ([`plan_merge`]).
#[derive(Debug)]
pub struct PlannedMerge {
    merged: RunInfo,
    order: Vec<usize>,
    manifests: Vec<Manifest>,
}

/// Checks every file of every shard against its manifest, then that the shards make
/// one run and that merging them fits in `max_memory` bytes (else the default).
/// Nothing is written.
///
/// # Errors
/// [`ScenarioError::NoChecksum`] or [`ScenarioError::Checksum`] naming the file,
/// [`ScenarioError::Merge`] for shards of different runs, missing or overlapping,
/// [`ScenarioError::Run`] for the memory limit, and the folders' read errors.
pub fn plan_merge<F: RunFolder>(
    shards: &[F],
    max_memory: Option<u64>,
) -> Result<PlannedMerge, Error> {
    let manifests = shards.iter().map(verify_shard).collect::<Result<Vec<_>, _>>()?;
    let infos: Vec<RunInfo> = manifests.iter().map(|m| m.info.clone()).collect();
    let (merged, order) = montecarlo::engine::merge_order(&infos).map_err(ScenarioError::from)?;
    let footprint = Footprint::of_merge(&merged, &infos);
    montecarlo::engine::check_memory(&footprint, &limits(max_memory))
        .map_err(ScenarioError::from)?;
    Ok(PlannedMerge { merged, order, manifests })
}

impl PlannedMerge {
    /// The merged run.
    pub fn info(&self) -> &RunInfo {
        &self.merged
    }

    /// Reads the shards (the same folders, in the same order, as given to
    /// [`plan_merge`]) in draw order, checking each Arrow file against its checksum
    /// again as it is read, and writes the merged run into `files`.
    ///
    /// Blocking: call it from a blocking thread.
    ///
    /// # Errors
    /// As [`plan_merge`], and [`ScenarioError::Write`] naming the file.
    pub fn merge<F: RunFolder, W: Write>(
        self,
        shards: &[F],
        files: RunFiles<W>,
    ) -> Result<RunOutcome<W>, Error> {
        let mut sink = RunSink::new(&self.merged, Some(files), Summariser::new(&self.merged))?;
        for i in self.order {
            let (folder, manifest) = (&shards[i], &self.manifests[i]);
            let sha = |name: &str| {
                manifest.files.iter().find(|f| f.name == name).and_then(|f| f.sha256.as_deref())
            };
            let info = &manifest.info;
            let rows = read_table(folder, "draws.arrow", sha("draws.arrow"), |b| {
                montecarlo::arrow::read_arrow(info, b)
            })?;
            let params = read_table(folder, "parameters.arrow", sha("parameters.arrow"), |b| {
                montecarlo::arrow::read_parameters_arrow(info, b)
            })?;
            montecarlo::engine::check_part_rows(i + 1, info, &rows).map_err(ScenarioError::from)?;
            montecarlo::engine::check_part_rows(i + 1, info, &params)
                .map_err(ScenarioError::from)?;
            sink.push(&rows, &params)?;
        }
        Ok(sink.finish()?)
    }
}

/// Reads a run written by a run or a merge.
///
/// # Errors
/// The folder's read errors, [`ScenarioError::Manifest`] or [`ScenarioError::Arrow`]
/// naming the file.
pub fn read_run(folder: &impl RunFolder) -> Result<Ensemble, Error> {
    let info = read_manifest(folder)?.info;
    let rows =
        read_table(folder, "draws.arrow", None, |b| montecarlo::arrow::read_arrow(&info, b))?;
    let params = read_table(folder, "parameters.arrow", None, |b| {
        montecarlo::arrow::read_parameters_arrow(&info, b)
    })?;
    Ok(Ensemble { info, rows, params })
}

/// Paired differences, draw by draw (B − A), and the draws they are over.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The draws of the first run.
    pub draws: u64,
    /// One row per pair of options, output and year.
    pub rows: Vec<DiffRow>,
}

/// Compares the options two runs share (same seed and draws): differences are B − A.
///
/// # Errors
/// As [`read_run`], and [`ScenarioError::Compare`].
pub fn compare_runs(a: &impl RunFolder, b: &impl RunFolder) -> Result<Comparison, Error> {
    let ea = read_run(a)?;
    let rows = montecarlo::summary::compare(&ea, &read_run(b)?).map_err(ScenarioError::from)?;
    Ok(Comparison { draws: ea.info.draws, rows })
}

/// Compares two options `x` (A) and `y` (B) of one run: differences are B − A.
///
/// # Errors
/// As [`read_run`], and [`ScenarioError::Compare`].
pub fn compare_options(run: &impl RunFolder, x: &str, y: &str) -> Result<Comparison, Error> {
    let e = read_run(run)?;
    let rows = montecarlo::summary::compare_options(&e, x, y).map_err(ScenarioError::from)?;
    Ok(Comparison { draws: e.info.draws, rows })
}

/// The manifest of a run.
fn read_manifest(folder: &impl RunFolder) -> Result<Manifest, Error> {
    let file = folder.file_name(MANIFEST);
    let input = Input::new(file.clone(), folder.read(MANIFEST)?);
    Ok(montecarlo::output::parse_manifest(input.text()?)
        .map_err(|source| ScenarioError::Manifest { file, source })?)
}

/// Reads the Arrow table `name` of `folder` with `read`; with `sha256`, its bytes must
/// have that SHA-256.
fn read_table<T>(
    folder: &impl RunFolder,
    name: &str,
    sha256: Option<&str>,
    read: impl FnOnce(&[u8]) -> Result<T, montecarlo::arrow::ArrowError>,
) -> Result<T, Error> {
    let bytes = folder.read(name)?;
    if let Some(expected) = sha256 {
        check_sha256(folder.file_name(name), &hex(&Sha256::digest(&bytes)), expected)?;
    }
    Ok(read(&bytes)
        .map_err(|source| ScenarioError::Arrow { file: folder.file_name(name), source })?)
}

/// Reads a shard's manifest and checks every file it lists against the SHA-256 it
/// records; returns the manifest. A file missing, changed or truncated after the run,
/// or a manifest without checksums, is refused, naming the folder and the file.
///
/// # Errors
/// [`ScenarioError::NoChecksum`], [`ScenarioError::Checksum`], [`ScenarioError::Read`],
/// and the folder's read errors.
pub fn verify_shard(folder: &impl RunFolder) -> Result<Manifest, Error> {
    let manifest = read_manifest(folder)?;
    for name in RUN_FILES {
        let expected = manifest
            .files
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| f.sha256.as_deref())
            .ok_or_else(|| ScenarioError::NoChecksum {
                manifest: folder.file_name(MANIFEST),
                name: name.to_owned(),
            })?;
        let file = folder.file_name(name);
        let mut reader = folder.open(name)?;
        let mut hasher = Hashed::new(std::io::sink());
        std::io::copy(&mut reader, &mut hasher)
            .map_err(|source| ScenarioError::Read { file: file.clone(), source })?;
        check_sha256(file, &hasher.finish().1, expected)?;
    }
    Ok(manifest)
}

fn check_sha256(file: String, actual: &str, expected: &str) -> Result<(), ScenarioError> {
    if actual == expected {
        return Ok(());
    }
    Err(ScenarioError::Checksum { file, expected: expected.to_owned(), actual: actual.to_owned() })
}

/// A writer that computes the SHA-256 of what passes through it.
struct Hashed<W: Write> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Hashed<W> {
    fn new(inner: W) -> Hashed<W> {
        Hashed { inner, hasher: Sha256::new() }
    }

    /// The writer and the SHA-256 of everything written, in hexadecimal.
    fn finish(self) -> (W, String) {
        (self.inner, hex(&self.hasher.finalize()))
    }
}

impl<W: Write> Write for Hashed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Lower-case hexadecimal digits of `bytes`.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One output file being written, with its checksum.
type OutFile<W> = Hashed<W>;

/// The streamed files of a run, written as rows arrive, and the two written at the end.
struct Streams<W: Write> {
    names: Vec<String>,
    draws_csv: CsvRows<BufWriter<OutFile<W>>>,
    draws_arrow: ArrowWriter<OutFile<W>>,
    params_csv: CsvRows<BufWriter<OutFile<W>>>,
    params_arrow: ArrowWriter<OutFile<W>>,
    summary: OutFile<W>,
    manifest: W,
    /// The Parquet files' names and writers.
    parquet: Vec<(String, ParquetWriter<OutFile<W>>)>,
}

impl<W: Write> Streams<W> {
    fn new(info: &RunInfo, files: RunFiles<W>) -> Result<Streams<W>, ScenarioError> {
        let parquet = files
            .parquet
            .into_iter()
            .enumerate()
            .map(|(o, file)| {
                let w = ParquetWriter::outputs(info, o as u32, Hashed::new(file.writer));
                w.map(|w| (file.name.clone(), w))
                    .map_err(|source| ScenarioError::Write { file: file.name, source })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let [a, b, c, d, e, f] = files.files;
        let names = vec![a.name, b.name, c.name, d.name, e.name, f.name];
        let failed = |i: usize| {
            let file = names[i].clone();
            move |source| ScenarioError::Write { file, source }
        };
        let draws_csv =
            CsvRows::draws(info, BufWriter::new(Hashed::new(a.writer))).map_err(failed(0))?;
        let draws_arrow = ArrowWriter::outputs(info, Hashed::new(b.writer)).map_err(failed(1))?;
        let params_csv =
            CsvRows::parameters(info, BufWriter::new(Hashed::new(c.writer))).map_err(failed(2))?;
        let params_arrow =
            ArrowWriter::parameters(info, Hashed::new(d.writer)).map_err(failed(3))?;
        let summary = Hashed::new(e.writer);
        let manifest = f.writer;
        Ok(Streams {
            names,
            draws_csv,
            draws_arrow,
            params_csv,
            params_arrow,
            summary,
            manifest,
            parquet,
        })
    }

    fn push(&mut self, rows: &[Row], params: &[Row]) -> Result<(), ScenarioError> {
        let failed = |i: usize| {
            let file = self.names[i].clone();
            move |source| ScenarioError::Write { file, source }
        };
        self.draws_csv.push(rows).map_err(failed(0))?;
        self.draws_arrow.push(rows).map_err(failed(1))?;
        self.params_csv.push(params).map_err(failed(2))?;
        self.params_arrow.push(params).map_err(failed(3))?;
        for (name, w) in &mut self.parquet {
            w.push(rows).map_err(|source| ScenarioError::Write { file: name.clone(), source })?;
        }
        Ok(())
    }

    /// Writes summary.csv and the manifest (with every other file's SHA-256).
    fn finish(
        self,
        info: &RunInfo,
        summary: &[SummaryRow],
    ) -> Result<Vec<RunFile<W>>, ScenarioError> {
        let names = self.names;
        let failed = |i: usize| {
            let file = names[i].clone();
            move |source| ScenarioError::Write { file, source }
        };
        let csv = |w: CsvRows<BufWriter<OutFile<W>>>, i: usize| {
            w.finish().into_inner().map_err(|e| failed(i)(e.into_error()))
        };
        let mut summary_file = self.summary;
        montecarlo::output::write_summary_csv(summary, &mut summary_file).map_err(failed(4))?;
        let written = [
            csv(self.draws_csv, 0)?,
            self.draws_arrow.finish().map_err(failed(1))?,
            csv(self.params_csv, 2)?,
            self.params_arrow.finish().map_err(failed(3))?,
            summary_file,
        ];
        let mut out = Vec::with_capacity(RUN_FILES.len() + 1);
        let mut records = Vec::with_capacity(RUN_FILES.len() + 1);
        for ((name, file), shown) in RUN_FILES.iter().zip(written).zip(&names) {
            let (writer, sha256) = file.finish();
            out.push(RunFile { name: shown.clone(), writer });
            records.push(FileRecord { name: (*name).to_owned(), sha256: Some(sha256) });
        }
        for ((shown, w), name) in self.parquet.into_iter().zip(parquet_files(info)) {
            let file = w
                .finish()
                .map_err(|source| ScenarioError::Write { file: shown.clone(), source })?;
            let (writer, sha256) = file.finish();
            out.push(RunFile { name: shown, writer });
            records.push(FileRecord { name, sha256: Some(sha256) });
        }
        records.push(FileRecord { name: MANIFEST.to_owned(), sha256: None });
        let mut manifest = self.manifest;
        montecarlo::output::write_manifest(info, &records, &mut manifest).map_err(failed(5))?;
        out.push(RunFile { name: names[5].clone(), writer: manifest });
        Ok(out)
    }
}

/// Where a run's rows go as they are produced (a run) or read (a merge): the summary,
/// and the files when given.
struct RunSink<W: Write> {
    info: RunInfo,
    summary: Summariser,
    files: Option<Streams<W>>,
}

impl<W: Write> RunSink<W> {
    fn new(
        info: &RunInfo,
        files: Option<RunFiles<W>>,
        summary: Summariser,
    ) -> Result<RunSink<W>, ScenarioError> {
        let files = files.map(|f| Streams::new(info, f)).transpose()?;
        Ok(RunSink { info: info.clone(), summary, files })
    }

    /// Adds the next output rows and parameter rows, in draw order.
    fn push(&mut self, rows: &[Row], params: &[Row]) -> Result<(), ScenarioError> {
        self.summary.push(rows).map_err(scratch_failed)?;
        match &mut self.files {
            Some(f) => f.push(rows, params),
            None => Ok(()),
        }
    }

    /// Finishes the summary and, with files, writes summary.csv and the manifest.
    fn finish(self) -> Result<RunOutcome<W>, ScenarioError> {
        let summary = self.summary.finish().map_err(scratch_failed)?;
        let files = match self.files {
            Some(f) => Some(f.finish(&self.info, &summary)?),
            None => None,
        };
        Ok(RunOutcome { info: self.info, summary, files, calibration: None })
    }
}

/// The summary's scratch file could not be written or read.
fn scratch_failed(source: std::io::Error) -> ScenarioError {
    ScenarioError::Write { file: "the summary's scratch file".to_owned(), source }
}
