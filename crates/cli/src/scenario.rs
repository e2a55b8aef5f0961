//! `coherence scenario`: run a scenario file's Monte Carlo ensemble, merge shards,
//! compare runs or options, print the built-in examples, list the models.
//!
//! A run directory holds `draws.csv` and `draws.arrow` (outputs; Arrow IPC file),
//! `parameters.csv` and `parameters.arrow` (the parameter values drawn), `summary.csv`
//! and `manifest.json` (with the SHA-256 of every other file); `merge` and `compare`
//! read the manifest and the Arrow files. A run streams its draws to the files block by
//! block within its limits (`--max-memory`, `--threads`); `merge` checks every file of
//! every shard against its manifest before writing anything. See docs/scenarios.md.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use montecarlo::arrow::ArrowWriter;
use montecarlo::engine::{
    DEFAULT_DRAWS, DEFAULT_MAX_MEMORY, DEFAULT_SEED, Ensemble, Footprint, Limits, Row, RunError,
    RunInfo, RunOptions, Shard,
};
use montecarlo::model::{Baseline, Domain, Model, ParamDefault, Shape};
use montecarlo::output::{CsvRows, FileRecord, Manifest};
use montecarlo::spec::Place;
use montecarlo::summary::{DiffRow, Summariser, SummaryRow};
use sha2::{Digest, Sha256};

use crate::args::{Format, Global};
use crate::commands::{Error, open_read};
use crate::outfile::Pending;
use crate::output::{number, plain_table};

pub(crate) const SCENARIO_EXAMPLES: &str = "\
Examples:
  coherence scenario example temporary-scheme > scheme.toml
  coherence scenario run scheme.toml --draws 2000 --seed 7 --out runs/scheme
  coherence scenario run scheme.toml --shard 2/4 --out runs/part2
  coherence scenario merge runs/part1 runs/part2 runs/part3 runs/part4 --out runs/all
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
    },
    /// Print a ready-to-run example scenario for the demo world.
    Example {
        /// One of: temporary-scheme, skills, remittance-cost, diaspora, recruitment.
        name: String,
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
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Write draws.csv, draws.arrow, parameters.csv, parameters.arrow, summary.csv and
    /// manifest.json to this directory.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The most memory the run may hold, e.g. 4GiB or 500MB (default 2GiB): the summary
    /// keeps 8 bytes per output value per draw; the draws are written as they come.
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

/// The built-in examples, by name.
const EXAMPLES: &[(&str, &str)] = &[
    ("temporary-scheme", include_str!("../../../examples/scenarios/temporary-scheme.toml")),
    ("skills", include_str!("../../../examples/scenarios/skills.toml")),
    ("remittance-cost", include_str!("../../../examples/scenarios/remittance-cost.toml")),
    ("diaspora", include_str!("../../../examples/scenarios/diaspora.toml")),
    ("recruitment", include_str!("../../../examples/scenarios/recruitment.toml")),
];

/// The data files of a run directory, in the order the manifest lists them (each with
/// its SHA-256), before the manifest itself.
const FILES: [&str; 5] =
    ["draws.csv", "draws.arrow", "parameters.csv", "parameters.arrow", "summary.csv"];

/// The manifest of a run directory.
const MANIFEST: &str = "manifest.json";

pub(crate) async fn run(global: &Global, args: ScenarioArgs) -> Result<(), Error> {
    match args.action {
        Action::Run(a) => run_file(global, a).await,
        Action::Merge { dirs, out, max_memory } => merge(global, &dirs, &out, limits(max_memory)),
        Action::Compare { a, b, options } => compare(global, &a, b.as_deref(), options),
        Action::Example { name } => example(&name),
        Action::Models => models(global),
    }
}

async fn run_file(global: &Global, args: RunArgs) -> Result<(), Error> {
    let shard = args.shard.unwrap_or(Shard::FULL);
    if shard != Shard::FULL && args.out.is_none() {
        return Err("--shard needs --out DIR: a shard is only useful once merged".into());
    }
    let threads = thread_count(args.threads)?;
    let text = analysis::read_document(&args.file)?;
    let name = args.file.display().to_string();
    let scenario = montecarlo::spec::parse(&name, &text)?;
    let baseline = baseline(global, &scenario).await?;
    let plan = montecarlo::spec::resolve(&scenario, &baseline, &montecarlo::models::all())?;
    let opts = RunOptions {
        draws: args.draws.or(plan.draws).unwrap_or(DEFAULT_DRAWS),
        seed: args.seed.or(plan.seed).unwrap_or(DEFAULT_SEED),
        shard,
    };
    // Limits first: nothing is allocated, spawned or created before they hold.
    let limits = limits(args.max_memory);
    montecarlo::engine::check_limits(&plan, &opts, &limits).map_err(limit_error)?;
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(t) = threads {
        pool = pool.num_threads(t);
    }
    let pool = pool.build()?;
    let info = RunInfo::new(&plan, &opts);
    let mut sink = RunSink::new(&info, args.out.as_deref())?;
    let bar = draws_bar(global.quiet);
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        if done > bar.position() {
            bar.set_position(done);
        }
    };
    pool.install(|| {
        montecarlo::engine::run_each(&plan, &opts, &limits, &progress, |rows, params| {
            sink.push(rows, params)
        })
    })
    .map_err(|e| -> Error { e })?;
    bar.finish_and_clear();
    let summary = sink.finish()?;
    if !global.quiet {
        print_summary(global.format, &info, &summary, args.out.as_deref())?;
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

/// The limits of `--max-memory`.
fn limits(max_memory: Option<u64>) -> Limits {
    Limits { max_memory_bytes: max_memory.unwrap_or(DEFAULT_MAX_MEMORY) }
}

/// A run's error, with the flag that raises a limit it names.
fn limit_error(e: RunError) -> Error {
    match e {
        RunError::Memory { needed, .. } => {
            let gib = needed.div_ceil(1 << 30);
            format!("{e}; raise the limit with --max-memory {gib}GiB if the machine has the memory")
                .into()
        }
        other => other.into(),
    }
}

/// The scenario's baseline, from the store.
async fn baseline(
    global: &Global,
    scenario: &montecarlo::spec::Scenario,
) -> Result<Baseline, Error> {
    let ws = open_read(global).await?;
    let year = Some(scenario.baseline.year);
    let baseline = match &scenario.baseline.place {
        Place::Corridor { origin, destination } => {
            ws.scenario_baseline(origin, Some(destination), year).await
        }
        Place::Country(code) => ws.scenario_baseline(code, None, year).await,
    };
    // Demo-world codes (XAA, XAB, ...) need the demo world in the store.
    let demo_code = match &scenario.baseline.place {
        Place::Corridor { origin, .. } | Place::Country(origin) => origin.starts_with('X'),
    };
    baseline.map_err(|e| {
        let hint = if demo_code && matches!(e, analysis::Error::UnknownArea { .. }) {
            " (the demo world's countries need `coherence demo` first)"
        } else {
            ""
        };
        format!(
            "{}:{}:{}: baseline: {e}{hint}",
            scenario.file, scenario.baseline_at.line, scenario.baseline_at.column
        )
        .into()
    })
}

fn draws_bar(quiet: bool) -> ProgressBar {
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

/// An error that may cross threads (from inside the run's thread pool).
type SendError = Box<dyn std::error::Error + Send + Sync>;

/// One output file of a run directory being written, with its checksum.
type OutFile = Hashed<Pending>;

/// The draws and parameters files of a run directory, written as rows arrive.
struct RunFiles {
    dir: PathBuf,
    draws_csv: CsvRows<BufWriter<OutFile>>,
    draws_arrow: ArrowWriter<OutFile>,
    params_csv: CsvRows<BufWriter<OutFile>>,
    params_arrow: ArrowWriter<OutFile>,
}

/// Where a run's rows go as they are produced (a run) or read (a merge): the summary,
/// and the files of `--out`. Nothing is in place until [`RunSink::finish`]: the files are
/// temporary until then, and removed if the command fails.
struct RunSink {
    info: RunInfo,
    summary: Summariser,
    files: Option<RunFiles>,
}

impl RunSink {
    fn new(info: &RunInfo, out: Option<&Path>) -> Result<RunSink, Error> {
        let files = match out {
            None => None,
            Some(dir) => {
                std::fs::create_dir_all(dir)
                    .map_err(|err| format!("cannot create {}: {err}", dir.display()))?;
                let open = |name: &str| -> Result<OutFile, Error> {
                    Ok(Hashed::new(Pending::create(&dir.join(name))?))
                };
                let failed = |name: &str, e: std::io::Error| -> Error {
                    format!("cannot write {}: {e}", dir.join(name).display()).into()
                };
                Some(RunFiles {
                    dir: dir.to_owned(),
                    draws_csv: CsvRows::draws(info, BufWriter::new(open("draws.csv")?))
                        .map_err(|e| failed("draws.csv", e))?,
                    draws_arrow: ArrowWriter::outputs(info, open("draws.arrow")?)
                        .map_err(|e| failed("draws.arrow", e))?,
                    params_csv: CsvRows::parameters(info, BufWriter::new(open("parameters.csv")?))
                        .map_err(|e| failed("parameters.csv", e))?,
                    params_arrow: ArrowWriter::parameters(info, open("parameters.arrow")?)
                        .map_err(|e| failed("parameters.arrow", e))?,
                })
            }
        };
        Ok(RunSink { info: info.clone(), summary: Summariser::new(info), files })
    }

    /// Adds the next output rows and parameter rows, in draw order.
    fn push(&mut self, rows: &[Row], params: &[Row]) -> Result<(), SendError> {
        self.summary.push(rows);
        if let Some(f) = &mut self.files {
            let failed = |name: &str, e: std::io::Error| -> SendError {
                format!("cannot write {}: {e}", f.dir.join(name).display()).into()
            };
            f.draws_csv.push(rows).map_err(|e| failed("draws.csv", e))?;
            f.draws_arrow.push(rows).map_err(|e| failed("draws.arrow", e))?;
            f.params_csv.push(params).map_err(|e| failed("parameters.csv", e))?;
            f.params_arrow.push(params).map_err(|e| failed("parameters.arrow", e))?;
        }
        Ok(())
    }

    /// Finishes the summary and, with `--out`, writes summary.csv and the manifest (with
    /// every other file's SHA-256) and renames every file into place, the manifest last.
    fn finish(self) -> Result<Vec<SummaryRow>, Error> {
        let summary = self.summary.finish();
        let Some(f) = self.files else { return Ok(summary) };
        let failed = |name: &str, e: &dyn std::fmt::Display| -> Error {
            format!("cannot write {}: {e}", f.dir.join(name).display()).into()
        };
        let csv = |w: CsvRows<BufWriter<OutFile>>, name: &str| -> Result<OutFile, Error> {
            w.finish().into_inner().map_err(|e| failed(name, e.error()))
        };
        let mut summary_file = Hashed::new(Pending::create(&f.dir.join("summary.csv"))?);
        montecarlo::output::write_summary_csv(&summary, &mut summary_file)
            .map_err(|e| failed("summary.csv", &e))?;
        let written = [
            csv(f.draws_csv, "draws.csv")?,
            f.draws_arrow.finish().map_err(|e| failed("draws.arrow", &e))?,
            csv(f.params_csv, "parameters.csv")?,
            f.params_arrow.finish().map_err(|e| failed("parameters.arrow", &e))?,
            summary_file,
        ];
        let mut pending = Vec::with_capacity(FILES.len());
        let mut records = Vec::with_capacity(FILES.len());
        for (name, file) in FILES.iter().zip(written) {
            let (file, sha256) = file.finish();
            pending.push(file);
            records.push(FileRecord { name: (*name).to_owned(), sha256: Some(sha256) });
        }
        records.push(FileRecord { name: MANIFEST.to_owned(), sha256: None });
        let mut manifest = Pending::create(&f.dir.join(MANIFEST))?;
        montecarlo::output::write_manifest(&self.info, &records, &mut manifest)
            .map_err(|e| failed(MANIFEST, &e))?;
        pending.push(manifest);
        for file in pending {
            file.commit()?;
        }
        Ok(summary)
    }
}

/// Reads a run directory written by `run` or `merge`.
fn read_run(dir: &Path) -> Result<Ensemble, Error> {
    let info = read_manifest(dir)?.info;
    let rows = read_table(dir, "draws.arrow", None, |b| montecarlo::arrow::read_arrow(&info, b))?;
    let params = read_table(dir, "parameters.arrow", None, |b| {
        montecarlo::arrow::read_parameters_arrow(&info, b)
    })?;
    Ok(Ensemble { info, rows, params })
}

/// The manifest of a run directory.
fn read_manifest(dir: &Path) -> Result<Manifest, Error> {
    let path = dir.join(MANIFEST);
    let text = analysis::read_document(&path)?;
    Ok(montecarlo::output::parse_manifest(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// Reads the Arrow table `name` of `dir` with `read`; with `sha256`, its bytes must have
/// that SHA-256.
fn read_table<T>(
    dir: &Path,
    name: &str,
    sha256: Option<&str>,
    read: impl FnOnce(&[u8]) -> Result<T, montecarlo::arrow::ArrowError>,
) -> Result<T, Error> {
    let path = dir.join(name);
    let bytes = analysis::read_input(&path, analysis::MAX_TABLE_BYTES)?;
    if let Some(expected) = sha256 {
        check_sha256(&path, &hex(&Sha256::digest(&bytes)), expected)?;
    }
    Ok(read(&bytes).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// Reads a shard's manifest and checks every file it lists against the SHA-256 it
/// records; returns the manifest. A file missing, changed or truncated after the run,
/// or a manifest without checksums, is refused, naming the folder and the file.
fn verify_shard(dir: &Path) -> Result<Manifest, Error> {
    let manifest = read_manifest(dir)?;
    for name in FILES {
        let expected = manifest
            .files
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| f.sha256.as_deref())
            .ok_or_else(|| {
                format!(
                    "{}: the manifest records no SHA-256 of {name} (written by an older \
                     Coherence, or edited), so the shard cannot be checked; run it again",
                    dir.join(MANIFEST).display()
                )
            })?;
        let path = dir.join(name);
        let actual = hash_file(&path)?;
        check_sha256(&path, &actual, expected)?;
    }
    Ok(manifest)
}

/// The SHA-256 of a file's bytes, read in pieces.
fn hash_file(path: &Path) -> Result<String, Error> {
    let failed = |e: std::io::Error| format!("cannot read {}: {e}", path.display());
    let mut file = std::fs::File::open(path).map_err(failed)?;
    let mut hasher = Hashed::new(std::io::sink());
    std::io::copy(&mut file, &mut hasher).map_err(failed)?;
    Ok(hasher.finish().1)
}

fn check_sha256(path: &Path, actual: &str, expected: &str) -> Result<(), Error> {
    if actual == expected {
        return Ok(());
    }
    Err(format!(
        "{}: its SHA-256 is not the one its manifest records: the file was changed, truncated \
         or replaced after the run; run this shard again (expected {expected}, found {actual})",
        path.display()
    )
    .into())
}

fn merge(global: &Global, dirs: &[PathBuf], out: &Path, limits: Limits) -> Result<(), Error> {
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
    // Every file of every shard is checked before anything is written.
    let manifests = dirs.iter().map(|d| verify_shard(d)).collect::<Result<Vec<_>, _>>()?;
    let infos: Vec<RunInfo> = manifests.iter().map(|m| m.info.clone()).collect();
    let (merged, order) = montecarlo::engine::merge_order(&infos)?;
    let footprint = Footprint::of_merge(&merged, &infos);
    montecarlo::engine::check_memory(&footprint, &limits).map_err(limit_error)?;
    let mut sink = RunSink::new(&merged, Some(out))?;
    for i in order {
        let (dir, manifest) = (&dirs[i], &manifests[i]);
        let sha = |name: &str| {
            manifest.files.iter().find(|f| f.name == name).and_then(|f| f.sha256.as_deref())
        };
        let info = &manifest.info;
        let rows = read_table(dir, "draws.arrow", sha("draws.arrow"), |b| {
            montecarlo::arrow::read_arrow(info, b)
        })?;
        let params = read_table(dir, "parameters.arrow", sha("parameters.arrow"), |b| {
            montecarlo::arrow::read_parameters_arrow(info, b)
        })?;
        montecarlo::engine::check_part_rows(i + 1, info, &rows)?;
        montecarlo::engine::check_part_rows(i + 1, info, &params)?;
        sink.push(&rows, &params).map_err(|e| -> Error { e })?;
    }
    sink.finish()?;
    if !global.quiet {
        println!(
            "merged {} parts: {} draws of \"{}\" (seed {}, plan {}) → {}",
            dirs.len(),
            merged.draws,
            merged.scenario,
            merged.seed,
            merged.fingerprint,
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
) -> Result<(), Error> {
    let ea = read_run(a)?;
    let rows = match (b, options.as_deref()) {
        (Some(b), _) => montecarlo::summary::compare(&ea, &read_run(b)?)?,
        (None, Some([x, y])) => montecarlo::summary::compare_options(&ea, x, y)?,
        _ => return Err("give DIR_A DIR_B, or DIR --options A B".into()),
    };
    let mut out = crate::output::stdout(global.format);
    match global.format {
        Format::Csv => montecarlo::output::write_diff_csv(&rows, &mut out)?,
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&diff_json(&rows))?)?,
        Format::Table => {
            writeln!(out, "Paired differences B − A, draw by draw, over {} draws.", ea.info.draws)?;
            writeln!(out, "90 % interval: 5th–95th percentile of the differences.")?;
            let mut pairs: Vec<(&str, &str)> = Vec::new();
            for r in &rows {
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
fn sig(x: f64) -> String {
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
                writeln!(w, "Written: {} ({}, {MANIFEST})", dir.display(), FILES.join(", "))?;
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

fn example(name: &str) -> Result<(), Error> {
    match EXAMPLES.iter().find(|(n, _)| *n == name) {
        Some((_, text)) => {
            print!("{text}");
            Ok(())
        }
        None => {
            let names: Vec<&str> = EXAMPLES.iter().map(|(n, _)| *n).collect();
            Err(format!("no example \"{name}\"; examples: {}", names.join(", ")).into())
        }
    }
}

fn default_text(d: ParamDefault) -> String {
    match d {
        ParamDefault::Required => "required".to_owned(),
        ParamDefault::Value(v) => v.to_string(),
        ParamDefault::Baseline(key) => format!("baseline {key}"),
    }
}

fn domain_text(d: Domain) -> String {
    d.to_string()
}

fn models(global: &Global) -> Result<(), Error> {
    let all = montecarlo::models::all();
    let mut w = crate::output::stdout(global.format);
    if global.format == Format::Json {
        let list: Vec<serde_json::Value> = all.iter().map(|m| model_json(*m)).collect();
        writeln!(w, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    for m in &all {
        writeln!(w, "{}\n  {}\n", m.name(), m.description())?;
        let params: Vec<Vec<String>> = m
            .parameters()
            .iter()
            .map(|p| {
                vec![
                    p.name.to_owned(),
                    p.unit.to_owned(),
                    domain_text(p.domain),
                    default_text(p.default),
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
            .outputs()
            .iter()
            .map(|o| {
                vec![
                    o.name.to_owned(),
                    o.unit.to_owned(),
                    match o.shape {
                        Shape::Scalar => "scalar".to_owned(),
                        Shape::Series => "yearly".to_owned(),
                    },
                    o.side.as_str().to_owned(),
                    o.doc.to_owned(),
                ]
            })
            .collect();
        plain_table(&mut w, &["output", "unit", "shape", "side", "meaning"], &outputs)?;
        writeln!(w)?;
    }
    Ok(())
}

fn model_json(m: &dyn Model) -> serde_json::Value {
    serde_json::json!({
        "name": m.name(),
        "description": m.description(),
        "parameters": m.parameters().iter().map(|p| serde_json::json!({
            "name": p.name, "unit": p.unit, "domain": domain_text(p.domain),
            "default": default_text(p.default), "fixed": p.fixed, "source": p.source, "doc": p.doc,
        })).collect::<Vec<_>>(),
        "outputs": m.outputs().iter().map(|o| serde_json::json!({
            "name": o.name, "unit": o.unit,
            "shape": match o.shape { Shape::Scalar => "scalar", Shape::Series => "series" },
            "side": o.side.as_str(), "doc": o.doc,
        })).collect::<Vec<_>>(),
    })
}

/// The scenario runs in `dirs`, summarised for the brief's "Policy options" section of
/// `country`'s brief, with a warning for each run whose baseline is not about it.
///
/// A run must be whole (a shard is refused: merge the shards first). A yearly output's
/// year `t` (0-based) is shown as year `t + 1` of the policy.
pub(crate) fn brief_results(
    dirs: &[PathBuf],
    country: &str,
) -> Result<(Vec<report::scenario::ScenarioResult>, Vec<String>), Error> {
    use report::scenario::{BaselineRow, MetricResult, OptionResult, Quantiles, ScenarioResult};
    let mut out = Vec::with_capacity(dirs.len());
    let mut warnings = Vec::new();
    for dir in dirs {
        let e = read_run(dir)?;
        let info = &e.info;
        let b = &info.baseline;
        if b.origin.as_deref() != Some(country) && b.destination.as_deref() != Some(country) {
            warnings.push(format!(
                "{}: scenario {:?} (baseline {}) is not about {country}; it is shown as given",
                dir.display(),
                info.scenario,
                b.label
            ));
        }
        if info.shard.n > 1 {
            return Err(format!(
                "{}: is shard {}/{} of a run; merge the shards first (coherence scenario merge)",
                dir.display(),
                info.shard.k,
                info.shard.n
            )
            .into());
        }
        let summary = montecarlo::summary::summarise(&e);
        // One entry per (model, output), in the order the options declare them.
        let mut metrics: Vec<(String, MetricResult)> = Vec::new();
        for row in &summary {
            let idx = match metrics
                .iter()
                .position(|(model, m)| *model == row.model && m.name == row.metric)
            {
                Some(i) => i,
                None => {
                    let doc = montecarlo::models::by_name(&row.model)
                        .and_then(|m| m.outputs().iter().find(|o| o.name == row.metric))
                        .map_or(String::new(), |o| o.doc.to_owned());
                    let title = humanise(&row.metric);
                    metrics.push((
                        row.model.clone(),
                        MetricResult {
                            name: row.metric.clone(),
                            title: if doc.is_empty() {
                                title
                            } else {
                                format!("{title} — {doc}")
                            },
                            unit: row.unit.clone(),
                            side: row.side.as_str().to_owned(),
                            options: Vec::new(),
                        },
                    ));
                    metrics.len() - 1
                }
            };
            let metric = &mut metrics[idx].1;
            let q = Quantiles {
                year: row.year.map(|t| t as i32 + 1),
                mean: row.stats.mean,
                p05: row.stats.p05,
                p25: row.stats.p25,
                p50: row.stats.p50,
                p75: row.stats.p75,
                p95: row.stats.p95,
            };
            match metric.options.iter_mut().find(|o| o.option == row.option) {
                Some(o) => o.points.push(q),
                None => metric
                    .options
                    .push(OptionResult { option: row.option.clone(), points: vec![q] }),
            }
        }
        out.push(ScenarioResult {
            name: info.scenario.clone(),
            description: info.description.clone(),
            baseline_label: info.baseline.label.clone(),
            baseline: info
                .baseline
                .values
                .iter()
                .map(|v| BaselineRow {
                    key: v.key.clone(),
                    value: v.value,
                    unit: v.unit.clone(),
                    source: v.source.clone(),
                })
                .collect(),
            draws: info.draws,
            seed: info.seed,
            fingerprint: info.fingerprint.clone(),
            metrics: metrics.into_iter().map(|(_, m)| m).collect(),
        });
    }
    Ok((out, warnings))
}

/// `labour_supplied` → `Labour supplied`.
fn humanise(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
