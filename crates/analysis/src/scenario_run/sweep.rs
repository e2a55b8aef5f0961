//! Sweeps: a scenario file with a `[sweep]` table run over every corridor it selects
//! (docs/scenarios.md, "Sweeps"). Each corridor's baseline is built from the store and
//! resolved as a single-corridor file is ([`Workspace::plan_scenario`]'s code); the
//! work is the grid of [`montecarlo::sweep`], so a shard is a contiguous block of
//! (baseline, draw) cells and the shards of any count merge to the same bytes.
//!
//! A sweep's folder holds [`SWEEP_FILES`] and [`MANIFEST`]. `draws.csv`,
//! `parameters.csv` and `summary.csv` carry a first `baseline` column;
//! `baselines.json` lists every baseline of the sweep with its values and sources and
//! each option's resolved parameters (a single run's manifest per corridor); the
//! Parquet files (`--format parquet`) are `draws/baseline=O-D/option=NAME/part-K.parquet`.
//! The summary and the Parquet files are derived from `draws.csv` ([`sweep_outputs`])
//! by a run and by a merge alike. Like the rest of this module, nothing here opens a
//! file: the caller gives writers and readers.

use std::io::{BufRead, Write};

use montecarlo::engine::{DEFAULT_DRAWS, DEFAULT_SEED, Limits, RunInfo, RunOptions, Shard};
use montecarlo::output::{CsvRows, FileRecord};
use montecarlo::parquet::ParquetWriter;
use montecarlo::spec::{MAX_SWEEP_CORRIDORS, Plan, Scenario};
use montecarlo::sweep::{DRAWS_HEADER, Grid, PARAMETERS_HEADER};
use serde::{Deserialize, Serialize};

use super::{RunRequest, ScenarioError, limits, thread_pool};
use crate::{Error, Workspace};

/// The files of a sweep's folder, before its manifest.
pub const SWEEP_FILES: [&str; 4] = ["draws.csv", "parameters.csv", "summary.csv", "baselines.json"];

/// The layout of a sweep's manifest.
pub const SWEEP_MANIFEST_FORMAT: &str = "coherence-scenario-sweep/1";

/// One baseline of a planned sweep.
struct SweepBaseline {
    code: String,
    plan: Plan,
    options: RunOptions,
    info: RunInfo,
}

/// A sweep resolved against the store, every corridor's limits checked: ready to run.
pub struct PlannedSweep {
    record: SweepRecord,
    baselines: Vec<SweepBaseline>,
    limits: Limits,
}

impl std::fmt::Debug for PlannedSweep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlannedSweep").field("record", &self.record).finish_non_exhaustive()
    }
}

/// What a sweep (or one shard of it) is: everything its manifest says but its files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepRecord {
    /// [`SWEEP_MANIFEST_FORMAT`].
    pub format: String,
    /// Scenario name.
    pub scenario: String,
    /// The scenario file as named by the caller.
    pub file: String,
    /// [`montecarlo::sweep::fingerprint`] of the baselines and their plans.
    pub fingerprint: String,
    /// The sweep's seed (each baseline's own is [`montecarlo::sweep::baseline_seed`]).
    pub seed: u64,
    /// Draws per baseline.
    pub draws: u64,
    /// The baselines' codes, in grid order.
    pub baselines: Vec<String>,
    /// This part, `K/N`.
    pub shard: String,
    /// The grid cells this part holds, `[start, end)`.
    pub cell_range: [u64; 2],
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestJson {
    #[serde(flatten)]
    record: SweepRecord,
    files: Vec<FileJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileJson {
    name: String,
    sha256: String,
}

impl Workspace {
    /// Plans the sweep of `spec` (which has a `[sweep]` table): selects its corridors
    /// ([`Workspace::sweep_corridors`]), builds and resolves each one's baseline, and
    /// checks each one's limits. Nothing is run.
    ///
    /// # Errors
    /// [`ScenarioError::SweepSize`] for no corridor or too many,
    /// [`ScenarioError::Sweep`] naming the first corridor whose baseline cannot be
    /// built or lacks a value a model needs (the sweep is refused, never run short),
    /// [`ScenarioError::Run`] for a limit passed.
    pub async fn plan_sweep(
        &self,
        spec: &Scenario,
        request: &RunRequest,
    ) -> Result<PlannedSweep, Error> {
        let sweep = spec
            .sweep
            .as_ref()
            .ok_or_else(|| ScenarioError::SweepFiles(format!("{}: no [sweep] table", spec.file)))?;
        let corridors = self.sweep_corridors(sweep, Some(spec.baseline.year)).await?;
        if corridors.is_empty() || corridors.len() > MAX_SWEEP_CORRIDORS {
            let (file, found) = (spec.file.clone(), corridors.len());
            return Err(ScenarioError::SweepSize { file, found, limit: MAX_SWEEP_CORRIDORS }.into());
        }
        let draws = request.draws.or(spec.draws).unwrap_or(DEFAULT_DRAWS);
        let seed = request.seed.or(spec.seed).unwrap_or(DEFAULT_SEED);
        let shard = request.shard.unwrap_or(Shard::FULL);
        let limits = limits(request.max_memory);
        let mut baselines = Vec::with_capacity(corridors.len());
        for (origin, destination) in &corridors {
            let code = montecarlo::sweep::corridor_code(origin, destination);
            let failed = |source: ScenarioError| ScenarioError::Sweep {
                file: spec.file.clone(),
                corridor: code.clone(),
                source: Box::new(source),
            };
            let one = spec.for_corridor(origin, destination);
            let baseline = self.baseline_of(&one).await.map_err(failed)?;
            let plan = montecarlo::spec::resolve(&one, &baseline, &montecarlo::models::all())
                .map_err(|e| failed(e.into()))?;
            let seed = montecarlo::sweep::baseline_seed(seed, &code);
            let options = RunOptions { draws, seed, shard: Shard::FULL };
            montecarlo::engine::check_limits(&plan, &options, &limits)
                .map_err(|e| failed(e.into()))?;
            let info = RunInfo::new(&plan, &options);
            baselines.push(SweepBaseline { code, plan, options, info });
        }
        let grid = Grid { baselines: baselines.len() as u64, draws };
        let cells = grid.shard_cells(shard);
        if cells.is_empty() {
            let msg = format!(
                "shard {shard} of a sweep of {} cells ({} corridors × {draws} draws) holds no cell; use at most {} shards",
                grid.cells(),
                baselines.len(),
                grid.cells()
            );
            return Err(ScenarioError::SweepFiles(msg).into());
        }
        let fingerprint = montecarlo::sweep::fingerprint(
            baselines.iter().map(|b| (b.code.as_str(), b.info.fingerprint.as_str())),
        );
        let record = SweepRecord {
            format: SWEEP_MANIFEST_FORMAT.to_owned(),
            scenario: spec.name.clone(),
            file: spec.file.clone(),
            fingerprint,
            seed,
            draws,
            baselines: baselines.iter().map(|b| b.code.clone()).collect(),
            shard: shard.to_string(),
            cell_range: [cells.start, cells.end],
        };
        Ok(PlannedSweep { record, baselines, limits })
    }
}

impl PlannedSweep {
    /// The sweep's record (its manifest's, without the files).
    pub fn record(&self) -> &SweepRecord {
        &self.record
    }

    /// Each baseline's code and run record (of all its draws), in grid order.
    pub fn baselines(&self) -> Vec<(String, RunInfo)> {
        self.baselines.iter().map(|b| (b.code.clone(), b.info.clone())).collect()
    }

    /// Runs this part's cells on `threads` worker threads (the results do not depend
    /// on them), streaming the draws and the parameter values into `draws` and
    /// `params` (with their headers). `progress` is told the cells done and the total.
    ///
    /// Blocking and CPU-heavy.
    ///
    /// # Errors
    /// [`ScenarioError::Sweep`] naming the corridor of a failing draw,
    /// [`ScenarioError::Threads`], [`ScenarioError::Write`].
    pub fn run<W: Write + Send>(
        &self,
        threads: Option<usize>,
        mut draws: W,
        mut params: W,
        progress: &(dyn Fn(u64, u64) + Send + Sync),
    ) -> Result<(W, W), Error> {
        let pool = thread_pool(threads)?;
        let write_failed =
            |file: &str, source| ScenarioError::Write { file: file.to_owned(), source };
        writeln!(draws, "{DRAWS_HEADER}").map_err(|e| write_failed("draws.csv", e))?;
        writeln!(params, "{PARAMETERS_HEADER}").map_err(|e| write_failed("parameters.csv", e))?;
        let grid = Grid { baselines: self.baselines.len() as u64, draws: self.record.draws };
        let [start, end] = self.record.cell_range;
        let total = end - start;
        let mut done_before = 0;
        for (b, range) in grid.pieces(start..end) {
            let base = &self.baselines[b];
            let n = range.end - range.start;
            let mut d = CsvRows::sweep_draws(&base.info, &base.code, &mut draws);
            let mut p = CsvRows::sweep_parameters(&base.info, &base.code, &mut params);
            let each = |rows: &[montecarlo::engine::Row], ps: &[montecarlo::engine::Row]| {
                d.push(rows).map_err(|e| write_failed("draws.csv", e))?;
                p.push(ps).map_err(|e| write_failed("parameters.csv", e))
            };
            let before = done_before;
            let progress = |done: u64, _: u64| progress(before + done, total);
            pool.install(|| {
                montecarlo::engine::run_range_until(
                    &base.plan,
                    &base.options,
                    range,
                    &self.limits,
                    &progress,
                    &|| false,
                    each,
                )
            })
            .map_err(|e| match e {
                ScenarioError::Write { .. } => e,
                other => ScenarioError::Sweep {
                    file: self.record.file.clone(),
                    corridor: base.code.clone(),
                    source: Box::new(other),
                },
            })?;
            done_before += n;
        }
        Ok((draws, params))
    }
}

/// `baselines.json`: each baseline's code and its run record as a single run's
/// manifest holds it (baseline values with sources, options' resolved parameters).
///
/// # Errors
/// Never in practice (writing to memory).
pub fn baselines_json(baselines: &[(String, RunInfo)]) -> Result<Vec<u8>, Error> {
    let mut out = b"[\n".to_vec();
    for (i, (code, info)) in baselines.iter().enumerate() {
        let mut m = Vec::new();
        montecarlo::output::write_manifest(info, &[], &mut m)
            .map_err(|source| ScenarioError::Write { file: "baselines.json".into(), source })?;
        let sep = if i + 1 < baselines.len() { "," } else { "" };
        let code = serde_json::to_string(code).unwrap_or_default();
        out.extend_from_slice(format!("{{\"baseline\": {code}, \"run\": ").as_bytes());
        out.extend_from_slice(String::from_utf8_lossy(&m).trim_end().as_bytes());
        out.extend_from_slice(format!("}}{sep}\n").as_bytes());
    }
    out.extend_from_slice(b"]\n");
    Ok(out)
}

#[derive(Deserialize)]
struct BaselineEntry {
    baseline: String,
    run: serde_json::Value,
}

/// Reads `baselines.json` back: each baseline's code and run record.
///
/// # Errors
/// [`ScenarioError::SweepFiles`] for a file this crate did not write.
pub fn read_baselines_json(bytes: &[u8]) -> Result<Vec<(String, RunInfo)>, Error> {
    let bad = |e: String| ScenarioError::SweepFiles(format!("baselines.json: {e}"));
    let entries: Vec<BaselineEntry> =
        serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    let mut out = Vec::with_capacity(entries.len());
    for e in entries {
        let info = montecarlo::output::read_manifest(&e.run.to_string())
            .map_err(|err| bad(format!("{}: {err}", e.baseline)))?;
        out.push((e.baseline, info));
    }
    Ok(out)
}

/// Writes a sweep's manifest (pretty JSON): its record and its files with their
/// SHA-256.
///
/// # Errors
/// The writer's.
pub fn write_sweep_manifest(
    record: &SweepRecord,
    files: &[FileRecord],
    w: impl Write,
) -> std::io::Result<()> {
    let files = files
        .iter()
        .map(|f| FileJson { name: f.name.clone(), sha256: f.sha256.clone().unwrap_or_default() })
        .collect();
    let m = ManifestJson { record: record.clone(), files };
    let mut w = w;
    serde_json::to_writer_pretty(&mut w, &m)?;
    writeln!(w)
}

/// Whether a manifest's text is a sweep's.
pub fn is_sweep_manifest(text: &str) -> bool {
    text.contains(SWEEP_MANIFEST_FORMAT)
}

/// Reads a sweep's manifest: its record and files.
///
/// # Errors
/// [`ScenarioError::SweepFiles`] for a manifest this crate did not write.
pub fn read_sweep_manifest(text: &str) -> Result<(SweepRecord, Vec<FileRecord>), Error> {
    let m: ManifestJson = serde_json::from_str(text)
        .map_err(|e| ScenarioError::SweepFiles(format!("sweep manifest: {e}")))?;
    if m.record.format != SWEEP_MANIFEST_FORMAT {
        let msg = format!(
            "sweep manifest: layout {:?}, expected {SWEEP_MANIFEST_FORMAT}",
            m.record.format
        );
        return Err(ScenarioError::SweepFiles(msg).into());
    }
    let files =
        m.files.into_iter().map(|f| FileRecord { name: f.name, sha256: Some(f.sha256) }).collect();
    Ok((m.record, files))
}

/// The order in which the parts of one sweep follow each other in the grid, and the
/// merged sweep's record: same sweep (fingerprint, seed, draws, baselines), cells
/// non-overlapping and complete.
///
/// # Errors
/// [`ScenarioError::SweepFiles`] naming the part that differs, or the cells missing or
/// held twice.
pub fn sweep_merge_order(parts: &[SweepRecord]) -> Result<(SweepRecord, Vec<usize>), Error> {
    let bad = |m: String| -> Error { ScenarioError::SweepFiles(m).into() };
    let first = parts.first().ok_or_else(|| bad("no part to merge".into()))?;
    for (i, p) in parts.iter().enumerate() {
        let same = p.fingerprint == first.fingerprint
            && p.seed == first.seed
            && p.draws == first.draws
            && p.baselines == first.baselines
            && p.scenario == first.scenario;
        if !same {
            return Err(bad(format!(
                "part {} is not of the same sweep as part 1 (scenario, baselines and their plans, seed or draws differ)",
                i + 1
            )));
        }
    }
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i].cell_range);
    let cells = Grid { baselines: first.baselines.len() as u64, draws: first.draws }.cells();
    let mut next = 0;
    for &i in &order {
        let [s, e] = parts[i].cell_range;
        if s > next {
            return Err(bad(format!(
                "cells {next}..{s} of {cells} are in no part: a shard is missing"
            )));
        }
        if s < next {
            return Err(bad(format!(
                "part {} ({}) overlaps another part at cell {s}",
                i + 1,
                parts[i].shard
            )));
        }
        next = e;
    }
    if next != cells {
        return Err(bad(format!(
            "cells {next}..{cells} of {cells} are in no part: a shard is missing"
        )));
    }
    let mut merged = first.clone();
    merged.shard = Shard::FULL.to_string();
    merged.cell_range = [0, cells];
    Ok((merged, order))
}

/// Where [`sweep_outputs`] writes the Parquet files: `create(path)` opens the writer of
/// `draws/PATH`, `done(writer)` takes it back complete.
pub type ParquetFiles<'a, W> =
    (&'a mut dyn FnMut(&str) -> std::io::Result<W>, &'a mut dyn FnMut(W) -> std::io::Result<()>);

/// Derives a sweep's summary (`summary.csv` bytes) from its draws file (`draws`, with
/// its header) and, when `parquet` is given, writes the Parquet files of part `shard`
/// through it: `create(path)` gives the writer of `draws/PATH`, `done(writer)` is handed
/// it back once its file is complete (to put it in place). The same function
/// serves a run and a merge, so both give the same bytes. Holds one baseline's values
/// at a time.
///
/// # Errors
/// [`ScenarioError::SweepDraws`] for a draws file this sweep did not write,
/// [`ScenarioError::Write`] for a Parquet file.
pub fn sweep_outputs<W: Write>(
    baselines: &[(String, RunInfo)],
    draws: impl BufRead,
    shard: Shard,
    mut parquet: Option<ParquetFiles<'_, W>>,
) -> Result<Vec<u8>, Error> {
    type Writers<W> = (usize, Vec<ParquetWriter<W>>);
    let mut open: Option<Writers<W>> = None;
    let finish = |open: &mut Option<Writers<W>>,
                  done: &mut dyn FnMut(W) -> std::io::Result<()>|
     -> std::io::Result<()> {
        if let Some((_, writers)) = open.take() {
            for w in writers {
                done(w.finish()?)?;
            }
        }
        Ok(())
    };
    let summaries = montecarlo::sweep::read_draws(baselines, draws, |b, rows| {
        let Some((make, done)) = parquet.as_mut() else { return Ok(()) };
        if open.as_ref().is_none_or(|(c, _)| *c != b) {
            finish(&mut open, *done)?;
            let (code, info) = &baselines[b];
            let info = RunInfo { shard, ..info.clone() };
            let mut writers = Vec::new();
            for o in 0..info.options.len() as u32 {
                let path = montecarlo::sweep::partition_path(code, &info, o);
                writers.push(ParquetWriter::outputs(&info, o, make(&path)?)?);
            }
            open = Some((b, writers));
        }
        if let Some((_, writers)) = open.as_mut() {
            for w in writers {
                w.push(rows)?;
            }
        }
        Ok(())
    })
    .map_err(|e| match e {
        montecarlo::sweep::SweepError::Io(source) => {
            ScenarioError::Write { file: "draws/ (Parquet)".into(), source }
        }
        other => other.into(),
    })?;
    if let Some((_, done)) = parquet.as_mut() {
        finish(&mut open, *done)
            .map_err(|source| ScenarioError::Write { file: "draws/ (Parquet)".into(), source })?;
    }
    let rows: Vec<(String, Vec<montecarlo::summary::SummaryRow>)> = baselines
        .iter()
        .zip(summaries)
        .filter(|(_, s)| !s.is_empty())
        .map(|((code, _), s)| (code.clone(), s))
        .collect();
    let mut out = Vec::new();
    montecarlo::sweep::write_summary_csv(&rows, &mut out)
        .map_err(|source| ScenarioError::Write { file: "summary.csv".into(), source })?;
    Ok(out)
}

/// The SHA-256 of what `r` reads, in lower-case hexadecimal (a sweep's manifest
/// records each file's).
///
/// # Errors
/// The reader's.
pub fn sha256_of(r: &mut impl std::io::Read) -> std::io::Result<String> {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(super::hex(&h.finalize()))
}
