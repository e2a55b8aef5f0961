//! `coherence scenario`: run a scenario file's Monte Carlo ensemble, merge shards,
//! compare runs or options, print the built-in examples, list the models.
//!
//! A run directory holds `draws.csv` and `draws.arrow` (outputs; Arrow IPC file),
//! `parameters.csv` and `parameters.arrow` (the parameter values drawn), `summary.csv`
//! and `manifest.json` (with the SHA-256 of every other file); `merge` and `compare`
//! read the manifest and the Arrow files. A run streams its draws to the files block by
//! block within its limits (`--max-memory`, `--threads`); `merge` checks every file of
//! every shard against its manifest before writing anything. See docs/scenarios.md.
//!
//! The work is `analysis::scenario_run`'s: these handlers parse the arguments, read and
//! create the files (a run directory is an [`analysis::scenario_run::RunFolder`]), show
//! progress and render the results.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use analysis::scenario_run::{
    self, Comparison, MANIFEST, ModelInfo, RUN_FILES, RunFile, RunFiles, RunFolder, RunRequest,
    ScenarioError,
};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use montecarlo::engine::{RunError, RunInfo, Shard};
use montecarlo::summary::{DiffRow, SummaryRow};

use crate::args::{Format, Global};
use crate::commands::{Error, open_read};
use crate::outfile::Pending;
use crate::output::{number, plain_table};

pub(crate) const SCENARIO_EXAMPLES: &str = "\
Examples:
  coherence scenario example temporary-scheme > scheme.toml
  coherence scenario example temporary-scheme --corridor NPL:QAT > npl-qat.toml
  coherence scenario run scheme.toml --draws 2000 --seed 7 --out runs/scheme
  coherence scenario calibrate npl-qat.toml
  coherence scenario run scheme.toml --shard 2/4 --out runs/part2
  coherence scenario merge runs/part1 runs/part2 runs/part3 runs/part4 --out runs/all
  coherence scenario run sweep.toml --shard 3/100 --out runs/sweep3   # a [sweep] file
  coherence scenario compare runs/scheme --options circular-40k one-off-40k
  coherence scenario compare runs/scheme runs/variant
  coherence scenario models

The demo world must be loaded (`coherence demo`) for the examples' baselines.
See docs/scenarios.md for the file format, distributions, streams and output files.";

/// Arguments of `coherence scenario`.
#[derive(Debug, Args)]
pub(crate) struct ScenarioArgs {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, Subcommand)]
enum Action {
    /// Run a scenario file: draw every parameter, run every option, summarise.
    Run(RunArgs),
    /// Fit the scenario's [calibration]: its free parameters so that the fitted option
    /// reproduces the observed targets (ABC population Monte Carlo); prints each target
    /// observed and modelled and each parameter's posterior interval. `run` does the
    /// same before running the options from the posterior.
    Calibrate {
        /// The scenario file (TOML) with a [calibration] table.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Worker threads (default: one per core). Results do not depend on it.
        #[arg(long)]
        threads: Option<u64>,
    },
    /// Merge the run directories of the shards of one run into the unsharded result.
    Merge {
        /// The shards' run directories (any order).
        #[arg(required = true, value_name = "DIR")]
        dirs: Vec<PathBuf>,
        /// Where to write the merged run.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The most memory the merge may hold, e.g. 4GiB or 500MB (default 2GiB).
        #[arg(long, value_name = "SIZE", value_parser = parse_size)]
        max_memory: Option<u64>,
    },
    /// Paired differences, draw by draw: two options of one run (--options A B), or the
    /// options two runs share (DIR_A DIR_B; same seed and draws). Differences are B − A.
    Compare {
        /// A run directory.
        #[arg(value_name = "DIR_A")]
        a: PathBuf,
        /// A second run directory.
        #[arg(
            value_name = "DIR_B",
            conflicts_with = "options",
            required_unless_present = "options"
        )]
        b: Option<PathBuf>,
        /// Two options of DIR_A: A and B.
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        options: Option<Vec<String>>,
        /// Write to this file instead of standard output (required with `--format xlsx`).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a ready-to-run example scenario: for the demo world, or with `--corridor`
    /// for any corridor of the store, its baseline and every parameter's source written
    /// out.
    Example {
        /// One of: temporary-scheme, skills, remittance-cost, diaspora, recruitment.
        name: String,
        /// A corridor of the store, ORIGIN:DEST (codes, M49 codes or names): the file's
        /// baseline is that corridor's, every value with its source.
        #[arg(long, value_name = "ORIGIN:DEST")]
        corridor: Option<String>,
        /// The baseline year (with --corridor): values are the newest in or before it.
        /// Default: the newest year of the corridor's stock, deployments, remittances
        /// and cost in the store.
        #[arg(long, requires = "corridor")]
        year: Option<i32>,
    },
    /// List the models with their parameters (unit, domain, default and its source)
    /// and outputs.
    Models,
}

#[derive(Debug, Args)]
struct RunArgs {
    /// The scenario file (TOML).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Draws in the whole run (default: the file's `draws`, else 1000).
    #[arg(long)]
    draws: Option<u64>,
    /// Seed (default: the file's `seed`, else 1).
    #[arg(long)]
    seed: Option<u64>,
    /// Worker threads (default: one per core; at most 8 per core). Results do not
    /// depend on it.
    #[arg(long)]
    threads: Option<u64>,
    /// Run only part K of N of the draws (for a batch cluster; join with `merge`).
    /// `auto/N` (or `auto` in a Slurm array) takes K from the engine: a Kubernetes
    /// Indexed Job's JOB_COMPLETION_INDEX + 1, or a Slurm job array's task
    /// (SLURM_ARRAY_TASK_ID counted from SLURM_ARRAY_TASK_MIN; N from
    /// SLURM_ARRAY_TASK_COUNT).
    #[arg(long, value_name = "K/N|auto/N")]
    shard: Option<String>,
    /// Write draws.csv, draws.arrow, parameters.csv, parameters.arrow, summary.csv and
    /// manifest.json to this directory (a [sweep] file: draws.csv, parameters.csv,
    /// summary.csv, baselines.json and manifest.json; required).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The most memory the run may hold, e.g. 4GiB or 500MB (default 2GiB). The draws are
    /// written as they come; the summary keeps 8 bytes per output value per draw in a
    /// temporary file (in TMPDIR), so memory stays flat whatever the draws.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_memory: Option<u64>,
}

/// Threads a run may use per core (`--threads`): more cannot make it faster.
const MAX_THREADS_PER_CORE: u64 = 8;

/// Parses a size: a number of bytes, optionally with a unit (`B`, `KB`, `MB`, `GB`,
/// `TB` in powers of 1000; `KiB`, `MiB`, `GiB`, `TiB` in powers of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let not_a_size = || format!("\"{text}\" is not a size such as 4GiB or 500MB");
    if number.is_empty() {
        return Err(not_a_size());
    }
    let scale: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" => 1e3,
        "mb" => 1e6,
        "gb" => 1e9,
        "tb" => 1e12,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        "tib" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        other => {
            return Err(format!(
                "unknown unit \"{other}\"; use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB"
            ));
        }
    };
    let value: f64 = number.parse().map_err(|_| not_a_size())?;
    let bytes = value * scale;
    if !bytes.is_finite() || bytes < 1.0 || bytes >= u64::MAX as f64 {
        return Err(not_a_size());
    }
    Ok(bytes as u64)
}

pub(crate) async fn run(global: &Global, args: ScenarioArgs) -> Result<(), Error> {
    match args.action {
        Action::Run(a) => run_file(global, a).await,
        Action::Calibrate { file, threads } => calibrate(global, &file, threads).await,
        Action::Merge { dirs, out, max_memory } => merge(global, &dirs, &out, max_memory),
        Action::Compare { a, b, options, output } => {
            compare(global, &a, b.as_deref(), options, output.as_deref())
        }
        Action::Example { name, corridor: None, .. } => {
            print!("{}", scenario_run::example(&name).map_err(analysis::Error::from)?);
            Ok(())
        }
        Action::Example { name, corridor: Some(corridor), year } => {
            corridor_example(global, &name, &corridor, year).await
        }
        Action::Models => models(global),
    }
}

/// `scenario example NAME --corridor ORIGIN:DEST`: the file on standard output, and on
/// standard error what it leaves to set, if anything.
async fn corridor_example(
    global: &Global,
    name: &str,
    corridor: &str,
    year: Option<i32>,
) -> Result<(), Error> {
    let Some((origin, destination)) = corridor.split_once(':') else {
        return Err(format!("--corridor {corridor:?}: expected ORIGIN:DEST, e.g. NPL:QAT").into());
    };
    let ws = open_read(global).await?;
    let example =
        ws.scenario_example_for_corridor(name, origin.trim(), destination.trim(), year).await?;
    print!("{}", example.text);
    if !example.unset.is_empty() && !global.quiet {
        eprintln!(
            "note: the file needs {} set before it runs (marked NOT SET): neither the store nor the model's documented defaults give {}",
            example.unset.join(", "),
            if example.unset.len() == 1 { "it" } else { "them" }
        );
    }
    Ok(())
}

async fn run_file(global: &Global, args: RunArgs) -> Result<(), Error> {
    let shard = match args.shard.as_deref() {
        None => Shard::FULL,
        Some(spec) if spec.trim().starts_with("auto") => {
            Shard::from_engine(spec, |name| std::env::var(name).ok()).map_err(|e| e.to_string())?
        }
        Some(spec) => spec.parse::<Shard>().map_err(|e| e.to_string())?,
    };
    if shard != Shard::FULL && args.out.is_none() {
        return Err("--shard needs --out DIR: a shard is only useful once merged".into());
    }
    if global.parquet() && args.out.is_none() {
        return Err("--format parquet needs --out DIR: the Parquet files go in DIR/draws/".into());
    }
    let threads = thread_count(args.threads)?;
    let file = crate::files::document(&args.file)?;
    let scenario = scenario_run::parse_scenario(&file)?;
    if scenario.sweep.is_some() {
        let Some(out) = args.out.as_deref() else {
            return Err("a sweep ([sweep]) needs --out DIR: its files go in DIR".into());
        };
        let request = RunRequest {
            draws: args.draws,
            seed: args.seed,
            shard: Some(shard),
            max_memory: args.max_memory,
            summary_scratch: false,
        };
        let run = crate::sweep::SweepRun { scenario: &scenario, request, threads, out };
        return crate::sweep::run(global, run).await;
    }
    let ws = open_read(global).await?;
    let request = RunRequest {
        draws: args.draws,
        seed: args.seed,
        shard: Some(shard),
        max_memory: args.max_memory,
        // The summary's values go to a temporary file, so memory stays flat whatever
        // the draws.
        summary_scratch: true,
    };
    // Limits first: nothing is allocated, spawned or created before they hold.
    let planned = ws.plan_scenario(&scenario, &request).await.map_err(with_hint)?;
    let scratch = tempfile::tempfile().map_err(|err| {
        format!(
            "cannot create the summary's temporary file in {} (set TMPDIR to a folder with room): {err}",
            std::env::temp_dir().display()
        )
    })?;
    let planned = planned.with_scratch(Box::new(scratch));
    let mut files = args.out.as_deref().map(create_run_files).transpose()?;
    if let (Some(dir), true) = (args.out.as_deref(), global.parquet()) {
        files = files.map(|f| add_parquet_files(f, dir, planned.info())).transpose()?;
    }
    let bar = draws_bar(global.quiet);
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        if done > bar.position() {
            bar.set_position(done);
        }
    };
    let planned = if planned.calibrates() {
        if !global.quiet {
            eprintln!("calibrating the baseline to its observed targets first ([calibration])…");
        }
        let c = planned.calibrate(threads)?;
        // The fit is shown before anything runs from it, or instead of it.
        if global.format == Format::Table && (!global.quiet || !c.reached) {
            crate::calibration::write(
                &mut crate::output::stdout(global.format),
                global.format,
                &c,
            )?;
        }
        if !c.reached {
            return Err(not_reached(&args.file, &c));
        }
        planned.with_calibration(&c)?
    } else {
        planned
    };
    let outcome = planned.run(threads, files, &progress)?;
    bar.finish_and_clear();
    commit(outcome.files)?;
    if !global.quiet {
        print_summary(global.format, &outcome.info, &outcome.summary, args.out.as_deref())?;
    }
    Ok(())
}

/// The error of a calibration short of its tolerance: what stands in the way.
fn not_reached(file: &Path, c: &montecarlo::calibrate::Calibration) -> Error {
    format!(
        "{}: the calibration did not reach its tolerance of {} (the closest vectors are {:.3} from the targets), so no option runs from it: {}",
        file.display(),
        c.plan.spec.tolerance,
        c.distance,
        c.diagnosis()
    )
    .into()
}

/// `scenario calibrate FILE`: the calibration's report; an error (after the report)
/// when it did not reach its tolerance.
async fn calibrate(global: &Global, path: &Path, threads: Option<u64>) -> Result<(), Error> {
    let threads = thread_count(threads)?;
    let file = crate::files::document(path)?;
    let scenario = scenario_run::parse_scenario(&file)?;
    if scenario.calibration.is_none() {
        return Err(format!(
            "{}: the scenario has no [calibration] table (docs/scenarios.md, \"Calibration\")",
            path.display()
        )
        .into());
    }
    let ws = open_read(global).await?;
    let request = RunRequest { draws: Some(1), ..RunRequest::default() };
    let planned = ws.plan_scenario(&scenario, &request).await.map_err(with_hint)?;
    let c = planned.calibrate(threads)?;
    crate::calibration::write(&mut crate::output::stdout(global.format), global.format, &c)?;
    if !c.reached {
        return Err(not_reached(path, &c));
    }
    Ok(())
}

/// `--threads`, checked: at least 1, at most [`MAX_THREADS_PER_CORE`] per core.
fn thread_count(requested: Option<u64>) -> Result<Option<usize>, Error> {
    let Some(t) = requested else { return Ok(None) };
    if t == 0 {
        return Err("--threads must be at least 1".into());
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get() as u64);
    let max = cores.saturating_mul(MAX_THREADS_PER_CORE);
    if t > max {
        return Err(format!(
            "--threads {t} is over the limit of {max} threads ({MAX_THREADS_PER_CORE} per core, \
             {cores} cores here); the results do not depend on the thread count, so give at \
             most {max} (more cores raise the limit)"
        )
        .into());
    }
    Ok(Some(usize::try_from(t).unwrap_or(usize::MAX)))
}

/// An error of `analysis::scenario_run`, with the command line's words added: the flag
/// that raises a memory limit, the command that loads the demo world or merges shards.
fn with_hint(e: analysis::Error) -> Error {
    let hint = match &e {
        analysis::Error::Scenario(s) => match s.as_ref() {
            ScenarioError::Run(RunError::Memory { needed, .. }) => {
                let gib = needed.div_ceil(1 << 30);
                format!(
                    "; raise the limit with --max-memory {gib}GiB if the machine has the memory"
                )
            }
            ScenarioError::Baseline { demo: true, source, .. }
                if matches!(**source, analysis::Error::UnknownArea { .. }) =>
            {
                " (the demo world's countries need `coherence demo` first)".to_owned()
            }
            ScenarioError::Shard { .. } => " (coherence scenario merge)".to_owned(),
            _ => return e.into(),
        },
        _ => return e.into(),
    };
    format!("{e}{hint}").into()
}

pub(crate) fn draws_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} draws ({eta})")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message("scenario");
    bar
}

/// The files of a run directory, created (as temporary files until [`commit`]).
fn create_run_files(dir: &Path) -> Result<RunFiles<Pending>, Error> {
    std::fs::create_dir_all(dir)
        .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
    RunFiles::create(|name| -> Result<_, Error> {
        let path = dir.join(name);
        Ok(RunFile { name: path.display().to_string(), writer: Pending::create(&path)? })
    })
}

/// Adds the draws' Parquet files (`DIR/draws/option=NAME/part-K.parquet`), created as
/// temporary files until [`commit`].
fn add_parquet_files(
    files: RunFiles<Pending>,
    dir: &Path,
    info: &RunInfo,
) -> Result<RunFiles<Pending>, Error> {
    files.with_parquet(info, |name| -> Result<_, Error> {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|err| format!("cannot create {}: {err}", parent.display()))?;
        }
        Ok(RunFile { name: path.display().to_string(), writer: Pending::create(&path)? })
    })
}

/// Puts a run's written files in place, in order (the manifest last).
fn commit(files: Option<Vec<RunFile<Pending>>>) -> Result<(), Error> {
    for file in files.into_iter().flatten() {
        file.writer.commit()?;
    }
    Ok(())
}

/// A run directory, read within the CLI's limits: the manifest as a document, the
/// Arrow files as tables.
struct RunDir<'a>(&'a Path);

impl RunFolder for RunDir<'_> {
    fn name(&self) -> String {
        self.0.display().to_string()
    }

    fn file_name(&self, file: &str) -> String {
        self.0.join(file).display().to_string()
    }

    fn read(&self, file: &str) -> Result<Vec<u8>, analysis::Error> {
        let max = if file == MANIFEST {
            crate::files::MAX_DOCUMENT_BYTES
        } else {
            crate::files::MAX_TABLE_BYTES
        };
        crate::files::read_input(&self.0.join(file), max)
    }

    fn open(&self, file: &str) -> Result<Box<dyn std::io::Read + '_>, analysis::Error> {
        let path = self.0.join(file);
        let opened = std::fs::File::open(&path)
            .map_err(|source| analysis::Error::Io { path: path.display().to_string(), source })?;
        Ok(Box::new(opened))
    }
}

fn merge(
    global: &Global,
    dirs: &[PathBuf],
    out: &Path,
    max_memory: Option<u64>,
) -> Result<(), Error> {
    // The output folder must not be one of the inputs: merging would overwrite a shard.
    if let Ok(target) = std::fs::canonicalize(out) {
        for dir in dirs {
            if std::fs::canonicalize(dir).is_ok_and(|d| d == target) {
                return Err(format!(
                    "--out {} is one of the shards being merged; give a new folder",
                    out.display()
                )
                .into());
            }
        }
    }
    if dirs.first().is_some_and(|d| crate::sweep::is_sweep(d)) {
        return crate::sweep::merge(global, dirs, out);
    }
    let shards: Vec<RunDir<'_>> = dirs.iter().map(|d| RunDir(d)).collect();
    // Every file of every shard is checked before anything is written.
    let planned = scenario_run::plan_merge(&shards, max_memory).map_err(with_hint)?;
    let files = create_run_files(out)?;
    let merged = planned.merge(&shards, files)?;
    commit(merged.files)?;
    if !global.quiet {
        let info = &merged.info;
        println!(
            "merged {} parts: {} draws of \"{}\" (seed {}, plan {}) → {}",
            dirs.len(),
            info.draws,
            info.scenario,
            info.seed,
            info.fingerprint,
            out.display()
        );
    }
    Ok(())
}

fn compare(
    global: &Global,
    a: &Path,
    b: Option<&Path>,
    options: Option<Vec<String>>,
    output: Option<&Path>,
) -> Result<(), Error> {
    let Comparison { draws, rows } = match (b, options.as_deref()) {
        (Some(b), _) => scenario_run::compare_runs(&RunDir(a), &RunDir(b))?,
        (None, Some([x, y])) => scenario_run::compare_options(&RunDir(a), x, y)?,
        _ => return Err("give DIR_A DIR_B, or DIR --options A B".into()),
    };
    if global.xlsx() {
        let path = crate::output::xlsx_path(output)?;
        return crate::sheets::write(path, &crate::sheets::diff(&rows, draws));
    }
    match output {
        Some(path) => {
            crate::outfile::write_with(path, |out| write_compare(out, global, draws, &rows))
        }
        None => write_compare(&mut crate::output::stdout(global.format), global, draws, &rows),
    }
}

/// `scenario compare` as text, JSON or CSV.
fn write_compare(
    mut out: &mut dyn Write,
    global: &Global,
    draws: u64,
    rows: &[DiffRow],
) -> Result<(), Error> {
    match global.format {
        // The engine's CSV: its text fields (option and metric names) are formula-safe.
        Format::Csv => montecarlo::output::write_diff_csv(rows, &mut out)?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&diff_json(rows))?)?,
        Format::Table => {
            writeln!(out, "Paired differences B − A, draw by draw, over {draws} draws.")?;
            writeln!(out, "90 % interval: 5th–95th percentile of the differences.")?;
            let mut pairs: Vec<(&str, &str)> = Vec::new();
            for r in rows {
                if !pairs.contains(&(r.a.as_str(), r.b.as_str())) {
                    pairs.push((&r.a, &r.b));
                }
            }
            for (pa, pb) in pairs {
                writeln!(out, "\nA = {pa}\nB = {pb}")?;
                let these: Vec<&DiffRow> = rows.iter().filter(|r| r.a == pa && r.b == pb).collect();
                let table: Vec<Vec<String>> = these
                    .iter()
                    .filter(|r| keep_in_table(r.year, &these, &r.metric))
                    .map(|r| {
                        vec![
                            r.metric.clone(),
                            year_text(r.year),
                            sig(r.stats.mean),
                            sig(r.stats.p05),
                            sig(r.stats.p50),
                            sig(r.stats.p95),
                            format!("{:.0}%", 100.0 * r.share_b_greater),
                            r.unit.clone(),
                        ]
                    })
                    .collect();
                plain_table(
                    &mut out,
                    &["output", "year", "mean", "p05", "median", "p95", "B > A", "unit"],
                    &table,
                )?;
            }
            writeln!(
                out,
                "\nSeries show their last year; every year is in the CSV (--format csv)."
            )?;
        }
    }
    Ok(())
}

fn diff_json(rows: &[DiffRow]) -> serde_json::Value {
    rows.iter()
        .map(|r| {
            serde_json::json!({
                "a": r.a, "b": r.b, "metric": r.metric, "unit": r.unit, "year": r.year,
                "n": r.stats.n, "mean": r.stats.mean, "sd": r.stats.sd, "p05": r.stats.p05,
                "p25": r.stats.p25, "p50": r.stats.p50, "p75": r.stats.p75, "p95": r.stats.p95,
                "share_b_greater": r.share_b_greater,
            })
        })
        .collect()
}

/// In tables, a series shows only its last year.
fn keep_in_table(year: Option<u32>, rows: &[&DiffRow], metric: &str) -> bool {
    match year {
        None => true,
        Some(y) => {
            rows.iter().filter(|r| r.metric == metric).all(|r| r.year.is_none_or(|z| z <= y))
        }
    }
}

fn year_text(year: Option<u32>) -> String {
    year.map_or_else(|| "—".to_owned(), |y| y.to_string())
}

/// A number with about four significant digits and thousands separators.
pub(crate) fn sig(x: f64) -> String {
    let a = x.abs();
    if a >= 1000.0 || a == 0.0 {
        number(x, 0)
    } else if a >= 1.0 {
        number(x, 2)
    } else {
        let decimals = (3 - a.log10().floor() as i32).clamp(2, 12) as usize;
        number(x, decimals)
    }
}

fn print_summary(
    format: Format,
    info: &RunInfo,
    rows: &[SummaryRow],
    out: Option<&Path>,
) -> Result<(), Error> {
    let mut w = crate::output::stdout(format);
    match format {
        Format::Csv => montecarlo::output::write_summary_csv(rows, &mut w)?,
        Format::Json => {
            writeln!(w, "{}", serde_json::to_string_pretty(&summary_json(info, rows))?)?;
        }
        Format::Table => {
            let range = info.range();
            writeln!(w, "{}", info.scenario)?;
            writeln!(
                w,
                "baseline {}; {} draws (seed {}, shard {}: draws {}..{}), plan {}",
                if info.baseline.label.is_empty() { "—" } else { &info.baseline.label },
                info.draws,
                info.seed,
                info.shard,
                range.start,
                range.end,
                info.fingerprint
            )?;
            for option in &info.options {
                writeln!(
                    w,
                    "\nOption \"{}\" ({}, {} years)",
                    option.name, option.model, option.horizon
                )?;
                let table: Vec<Vec<String>> = rows
                    .iter()
                    .filter(|r| r.option == option.name && last_or_scalar(r, option.horizon))
                    .map(|r| {
                        vec![
                            r.metric.clone(),
                            year_text(r.year),
                            sig(r.stats.mean),
                            sig(r.stats.p05),
                            sig(r.stats.p50),
                            sig(r.stats.p95),
                            r.unit.clone(),
                            r.side.as_str().to_owned(),
                        ]
                    })
                    .collect();
                plain_table(
                    &mut w,
                    &["output", "year", "mean", "p05", "median", "p95", "unit", "side"],
                    &table,
                )?;
            }
            writeln!(
                w,
                "\nSeries show their last simulated year (0-based); every year is in summary.csv."
            )?;
            if let Some(dir) = out {
                writeln!(w, "Written: {} ({}, {MANIFEST})", dir.display(), RUN_FILES.join(", "))?;
            }
        }
    }
    Ok(())
}

fn last_or_scalar(r: &SummaryRow, horizon: usize) -> bool {
    r.year.is_none_or(|y| y as usize + 1 == horizon)
}

fn summary_json(info: &RunInfo, rows: &[SummaryRow]) -> serde_json::Value {
    serde_json::json!({
        "scenario": info.scenario,
        "baseline": info.baseline.label,
        "fingerprint": info.fingerprint,
        "seed": info.seed,
        "draws": info.draws,
        "shard": info.shard.to_string(),
        "summary": rows.iter().map(|r| serde_json::json!({
            "option": r.option, "model": r.model, "metric": r.metric, "unit": r.unit,
            "side": r.side.as_str(), "year": r.year, "n": r.stats.n, "mean": r.stats.mean,
            "sd": r.stats.sd, "p05": r.stats.p05, "p25": r.stats.p25, "p50": r.stats.p50,
            "p75": r.stats.p75, "p95": r.stats.p95,
        })).collect::<Vec<_>>(),
    })
}

fn models(global: &Global) -> Result<(), Error> {
    let all = scenario_run::models();
    let mut w = crate::output::stdout(global.format);
    if global.format == Format::Json {
        let list: Vec<serde_json::Value> = all.iter().map(model_json).collect();
        writeln!(w, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    for m in &all {
        writeln!(w, "{}\n  {}\n", m.name, m.description)?;
        let params: Vec<Vec<String>> = m
            .parameters
            .iter()
            .map(|p| {
                vec![
                    p.name.to_owned(),
                    p.unit.to_owned(),
                    p.domain.clone(),
                    p.default.clone(),
                    if p.fixed { "fixed".to_owned() } else { String::new() },
                    p.source.to_owned(),
                ]
            })
            .collect();
        plain_table(
            &mut w,
            &["parameter", "unit", "domain", "default", "", "source of the default"],
            &params,
        )?;
        writeln!(w)?;
        let outputs: Vec<Vec<String>> = m
            .outputs
            .iter()
            .map(|o| {
                vec![
                    o.name.to_owned(),
                    o.unit.to_owned(),
                    if o.yearly { "yearly" } else { "scalar" }.to_owned(),
                    o.side.to_owned(),
                    o.doc.to_owned(),
                ]
            })
            .collect();
        plain_table(&mut w, &["output", "unit", "shape", "side", "meaning"], &outputs)?;
        writeln!(w)?;
    }
    Ok(())
}

fn model_json(m: &ModelInfo) -> serde_json::Value {
    serde_json::json!({
        "name": m.name,
        "description": m.description,
        "parameters": m.parameters.iter().map(|p| serde_json::json!({
            "name": p.name, "unit": p.unit, "domain": p.domain,
            "default": p.default, "fixed": p.fixed, "source": p.source, "doc": p.doc,
        })).collect::<Vec<_>>(),
        "outputs": m.outputs.iter().map(|o| serde_json::json!({
            "name": o.name, "unit": o.unit,
            "shape": if o.yearly { "series" } else { "scalar" },
            "side": o.side, "doc": o.doc,
        })).collect::<Vec<_>>(),
    })
}

/// The scenario runs in `dirs`, summarised for the brief's "Policy options" section of
/// `country`'s brief, with a warning for each run whose baseline is not about it.
pub(crate) fn brief_results(
    dirs: &[PathBuf],
    country: &str,
) -> Result<(Vec<scenario_run::ScenarioResult>, Vec<String>), Error> {
    let mut results = Vec::with_capacity(dirs.len());
    let mut warnings = Vec::new();
    for dir in dirs {
        let (result, warning) =
            scenario_run::brief_result(&RunDir(dir), country).map_err(with_hint)?;
        results.push(result);
        warnings.extend(warning);
    }
    Ok((results, warnings))
}

impl ScenarioArgs {
    /// Whether the action writes `--format parquet` (`scenario run`).
    pub(crate) fn writes_parquet(&self) -> bool {
        matches!(self.action, Action::Run(_))
    }

    /// Whether the action writes `--format xlsx` (`scenario compare`).
    pub(crate) fn writes_xlsx(&self) -> bool {
        matches!(self.action, Action::Compare { .. })
    }
}
