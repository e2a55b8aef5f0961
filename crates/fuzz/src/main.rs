//! `coherence-fuzz`: a seeded, structure-aware fuzzer of every file format Coherence
//! reads, on the stable toolchain.
//!
//! Each target (`coherence-fuzz list`) takes real files as its corpus (the shared data,
//! the repository's frameworks, rules, examples and demo world), mutates them (bytes,
//! numbers, lines, cells; for xlsx the XML inside a member, re-zipped with correct
//! CRCs) and runs each case through the same library calls as the command line. Case `n`
//! of seed `s` is always the same input. A panic, an abort (allocation failure, stack
//! overflow) or a hang is a finding, saved with what replays it. See
//! `docs/reliability.md`, "Fuzzing".

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line tool: it reports on standard output and error"
)]

mod dice;
mod driver;
mod formats;
mod mutate;
mod targets;
mod zipmut;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::driver::{Corpus, RunSettings, Summary};
use crate::targets::{Input, Sources, TARGETS, Target};

#[derive(Parser)]
#[command(name = "coherence-fuzz", about = "Fuzzes every file format Coherence reads")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// Where the corpus comes from.
#[derive(clap::Args, Clone)]
struct CorpusArgs {
    /// The shared data folder (real files of the publishers), as the tests find it.
    #[arg(long, env = "COHERENCE_SHARED_DATA", default_value_os_t = default_repo().join("../shared/data"))]
    corpus: PathBuf,
    /// The repository's root (frameworks, rules, examples, demo world).
    #[arg(long, default_value_os_t = default_repo())]
    repo: PathBuf,
}

#[derive(Subcommand)]
enum Cmd {
    /// Lists the targets with their corpus.
    List(CorpusArgs),
    /// Runs targets (`all`, or names) one after the other, each for --seconds.
    Run {
        /// Target names, or `all`.
        #[arg(required = true)]
        targets: Vec<String>,
        /// Seconds per target.
        #[arg(long, default_value_t = 60.0)]
        seconds: f64,
        /// The run's seed: the same seed gives the same cases.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// A case running longer than this many seconds is a hang.
        #[arg(long, default_value_t = 10.0)]
        timeout: f64,
        /// Address-space limit of the worker (`ulimit -v`), in MiB; 0 for none.
        #[arg(long, default_value_t = 2048)]
        memory_mib: u64,
        /// Where findings are saved (outside the repository).
        #[arg(long, default_value_os_t = std::env::temp_dir().join("coherence-fuzz"))]
        findings: PathBuf,
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// Runs one input through a target in this process (a panic shows its backtrace).
    Replay {
        /// The target.
        target: String,
        /// A saved input; or give --seed and --case to make the input again.
        file: Option<PathBuf>,
        /// The variant of a saved input (in its .txt file).
        #[arg(long, default_value_t = 0)]
        variant: u64,
        /// With --case: the run's seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The case to make again.
        #[arg(long)]
        case: Option<u64>,
        /// Also write the case's input to this file.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        corpus: CorpusArgs,
    },
    /// The worker the supervisor starts (internal).
    #[command(hide = true)]
    Work {
        target: String,
        #[arg(long)]
        seed: u64,
        #[arg(long)]
        first: u64,
        #[arg(long)]
        seconds: f64,
        #[command(flatten)]
        corpus: CorpusArgs,
    },
}

/// The repository this binary was built from.
fn default_repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn sources(c: &CorpusArgs) -> Sources {
    Sources { shared: c.corpus.clone(), repo: c.repo.clone() }
}

fn target(name: &str) -> Result<&'static Target, String> {
    targets::find(name).ok_or_else(|| {
        let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
        format!("no target {name:?}; targets: {}", names.join(", "))
    })
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Cmd::List(c) => {
            let s = sources(&c);
            for t in TARGETS {
                let n = (t.seeds)(&s).len();
                println!("{:<14} {}\n{:<14} corpus: {} ({n} files)", t.name, t.about, "", t.corpus);
            }
            for k in driver::KNOWN {
                println!(
                    "known ({}, {} containing {}): {}",
                    k.targets.join(", "),
                    k.kind,
                    k.contains.join(" and "),
                    k.note
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Work { target: name, seed, first, seconds, corpus } => {
            let corpus = Corpus::load(target(&name)?, &sources(&corpus))?;
            driver::work(&corpus, seed, first, seconds).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Replay { target: name, file, variant, seed, case, out, corpus } => {
            let t = target(&name)?;
            let (input, variant) = match (file, case) {
                (Some(path), None) => {
                    let bytes = std::fs::read(&path)
                        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    (Input { name: driver::original_name(&path), bytes }, variant)
                }
                (None, Some(case)) => Corpus::load(t, &sources(&corpus))?.case(seed, case),
                _ => return Err("give a FILE, or --case (with --seed)".to_owned()),
            };
            if let Some(out) = out {
                std::fs::write(&out, &input.bytes)
                    .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            }
            println!("{}: {} bytes, variant {variant}", input.name, input.bytes.len());
            match (t.run)(&input, variant) {
                Ok(()) => println!("read without error"),
                Err(e) => println!("refused: {e}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Run { targets, seconds, seed, timeout, memory_mib, findings, corpus } => {
            let chosen: Vec<&'static Target> = if targets.iter().any(|t| t == "all") {
                TARGETS.iter().collect()
            } else {
                targets.iter().map(|n| target(n)).collect::<Result<_, _>>()?
            };
            let settings = RunSettings {
                seed,
                seconds,
                timeout: Duration::from_secs_f64(timeout),
                memory_mib,
                findings: findings.clone(),
                shared: corpus.corpus.clone(),
                repo: corpus.repo.clone(),
            };
            run_targets(&chosen, &settings, &sources(&corpus))
        }
    }
}

/// Runs each target in turn, prints a line per target, appends it to `runs.tsv` in the
/// findings folder, and fails if any target has an open finding.
fn run_targets(
    chosen: &[&'static Target],
    settings: &RunSettings,
    sources: &Sources,
) -> Result<ExitCode, String> {
    std::fs::create_dir_all(&settings.findings)
        .map_err(|e| format!("cannot create {}: {e}", settings.findings.display()))?;
    println!(
        "{:<14} {:>8} {:>10} {:>8} {:>12} {:>5} {:>5}  findings in {}",
        "target",
        "seconds",
        "cases",
        "cases/s",
        "slowest ms",
        "open",
        "known",
        settings.findings.display()
    );
    let mut open = 0;
    for t in chosen {
        let corpus = Corpus::load(t, sources)?;
        let s = driver::supervise(&corpus, settings).map_err(|e| format!("{}: {e}", t.name))?;
        let line = summary_line(t.name, corpus.len(), settings.seed, &s);
        println!("{line}");
        for (signature, n) in s.open.iter().chain(&s.known) {
            println!("    {n} × {signature}");
        }
        let log = settings.findings.join("runs.tsv");
        let mut row = line.split_whitespace().collect::<Vec<_>>().join("\t");
        row.push('\n');
        // One append of one line: runs sharing a findings folder do not overwrite each other.
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| std::io::Write::write_all(&mut f, row.as_bytes()))
            .map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        open += s.open.values().sum::<u64>();
    }
    Ok(if open == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn summary_line(name: &str, seeds: usize, seed: u64, s: &Summary) -> String {
    format!(
        "{:<14} {:>8.0} {:>10} {:>8.0} {:>12} {:>5} {:>5}  seed {seed}, {seeds} seed files, slowest case {}, {} worker(s)",
        name,
        s.seconds,
        s.cases,
        s.cases as f64 / s.seconds.max(1e-9),
        s.slowest.0,
        s.open.values().sum::<u64>(),
        s.known.values().sum::<u64>(),
        s.slowest.1,
        s.workers
    )
}
