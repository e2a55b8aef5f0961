//! Running a target: the cases (a pure function of corpus, seed and case number), the
//! worker that runs them in-process under `catch_unwind`, and the supervisor that runs
//! the worker as a child process under a memory limit, restarts it after an abort or a
//! hang, and saves every finding with what replays it.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::dice::Dice;
use crate::mutate::{self, Shape};
use crate::targets::{Input, Mutation, Sources, Target};
use crate::zipmut;

/// Findings that are known and being fixed elsewhere: counted and saved, but not as open
/// crashes. Each entry names where its fix is being made; remove it once that is merged.
pub(crate) const KNOWN: &[Known] = &[Known {
    targets: &["import-xlsx", "container"],
    kind: "abort",
    contains: &["memory allocation of", "/calamine-", "/src/lib.rs:"],
    note: "#13 item 3: a cell or declared dimension far out (XFD1048576) makes the \
           spreadsheet reader allocate its dense range; limits on sheet dimensions are \
           being added in ingest's grid.rs and container.rs",
}];

/// A known class of finding (see [`KNOWN`]).
pub(crate) struct Known {
    /// The targets it shows in.
    pub(crate) targets: &'static [&'static str],
    /// `panic`, `abort` or `hang`.
    pub(crate) kind: &'static str,
    /// Texts its signature contains, all of them (the abort's message and the frame of
    /// the backtrace where it happened).
    pub(crate) contains: &'static [&'static str],
    /// Why it is known and where it is fixed.
    pub(crate) note: &'static str,
}

/// A target's seed inputs, ready to make cases from.
pub(crate) struct Corpus {
    target: &'static Target,
    seeds: Vec<Input>,
}

impl Corpus {
    /// Reads the target's seeds; an error if there are none.
    pub(crate) fn load(target: &'static Target, sources: &Sources) -> Result<Corpus, String> {
        let seeds = (target.seeds)(sources);
        if seeds.is_empty() {
            return Err(format!(
                "target {}: no seed files ({}) under {} or {}",
                target.name,
                target.corpus,
                sources.shared.display(),
                sources.repo.display()
            ));
        }
        Ok(Corpus { target, seeds })
    }

    /// How many seed inputs there are.
    pub(crate) fn len(&self) -> usize {
        self.seeds.len()
    }

    /// Case `case` of a run seeded `seed`, and its variant: the first cases are the
    /// seeds as they are, every later one a mutated seed.
    pub(crate) fn case(&self, seed: u64, case: u64) -> (Input, u64) {
        let mut dice = Dice::for_case(seed, case);
        let variant = dice.bits();
        if let Some(input) = usize::try_from(case).ok().and_then(|c| self.seeds.get(c)) {
            return (input.clone(), variant);
        }
        let base = dice.pick(&self.seeds);
        let mut bytes = base.bytes.clone();
        match self.target.mutation {
            Mutation::Text | Mutation::Binary => {
                let others: Vec<&[u8]> = self.seeds.iter().map(|s| s.bytes.as_slice()).collect();
                let shape = if self.target.mutation == Mutation::Text {
                    Shape::Text
                } else {
                    Shape::Binary
                };
                mutate::mutate(&mut dice, &mut bytes, &others, shape);
            }
            Mutation::Workbook => zipmut::mutate_workbook(&mut dice, &mut bytes, &[]),
        }
        (Input { name: base.name.clone(), bytes }, variant)
    }
}

/// The message and place of the last panic, set by the worker's panic hook.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// The worker: runs cases from `first` on until `seconds` have passed, printing
/// `case N` before each case and `panic N WHERE: MESSAGE` after a panic, so that the
/// supervisor knows which input a crash that kills the process came from.
pub(crate) fn work(corpus: &Corpus, seed: u64, first: u64, seconds: f64) -> std::io::Result<()> {
    panic::set_hook(Box::new(|info| {
        let place = info.location().map_or_else(String::new, |l| l.to_string());
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let line = format!("{place}: {message}").replace(['\n', '\r'], " ");
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(line);
        }
    }));
    let start = Instant::now();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut case = first;
    while start.elapsed().as_secs_f64() < seconds {
        // Announced before the input is made, so that whatever kills the process is
        // charged to this case.
        writeln!(out, "case {case}")?;
        out.flush()?;
        let (input, variant) = corpus.case(seed, case);
        let result = panic::catch_unwind(AssertUnwindSafe(|| (corpus.target.run)(&input, variant)));
        if result.is_err() {
            let what = LAST_PANIC.lock().ok().and_then(|mut l| l.take()).unwrap_or_default();
            writeln!(out, "panic {case} {what}")?;
        }
        case += 1;
    }
    writeln!(out, "end {case}")?;
    out.flush()
}

/// How the supervisor runs a target.
pub(crate) struct RunSettings {
    /// The run's seed.
    pub(crate) seed: u64,
    /// How long to run, in seconds.
    pub(crate) seconds: f64,
    /// A case running longer than this is a hang.
    pub(crate) timeout: Duration,
    /// The worker's address-space limit (`ulimit -v`), in MiB; 0 for none.
    pub(crate) memory_mib: u64,
    /// Where findings are saved.
    pub(crate) findings: PathBuf,
    /// Where corpus files come from (passed on to the worker).
    pub(crate) shared: PathBuf,
    /// The repository root (passed on to the worker).
    pub(crate) repo: PathBuf,
}

/// What a run of one target did.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// Seconds it ran.
    pub(crate) seconds: f64,
    /// Cases executed (started).
    pub(crate) cases: u64,
    /// The slowest case: milliseconds and case number.
    pub(crate) slowest: (u128, u64),
    /// Findings not in [`KNOWN`]: signature → count.
    pub(crate) open: HashMap<String, u64>,
    /// Findings in [`KNOWN`]: signature → count.
    pub(crate) known: HashMap<String, u64>,
    /// Times the worker was started.
    pub(crate) workers: u64,
}

/// A message from the worker.
enum Event {
    Case(u64),
    Panic(u64, String),
    End,
}

/// Runs `corpus`'s target for `settings.seconds` under the supervisor.
pub(crate) fn supervise(corpus: &Corpus, settings: &RunSettings) -> std::io::Result<Summary> {
    let target = corpus.target;
    let start = Instant::now();
    let mut summary = Summary::default();
    let mut next = 0u64;
    loop {
        let left = settings.seconds - start.elapsed().as_secs_f64();
        if left <= 0.0 {
            break;
        }
        summary.workers += 1;
        let mut child = worker_command(target.name, settings, next, left).spawn()?;
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().expect("piped stdout");
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let event = if let Some(n) = line.strip_prefix("case ") {
                    n.parse().ok().map(Event::Case)
                } else if let Some(rest) = line.strip_prefix("panic ") {
                    rest.split_once(' ')
                        .and_then(|(n, what)| Some(Event::Panic(n.parse().ok()?, what.to_owned())))
                } else if line.starts_with("end ") {
                    Some(Event::End)
                } else {
                    None
                };
                if event.is_some_and(|e| tx.send(e).is_err()) {
                    break;
                }
            }
        });
        let mut stderr = child.stderr.take().expect("piped stderr");
        let errors = std::thread::spawn(move || {
            let mut text = Vec::new();
            let _ = stderr.read_to_end(&mut text);
            String::from_utf8_lossy(&text[..text.len().min(64 * 1024)]).into_owned()
        });
        let mut current: Option<(u64, Instant)> = None;
        let mut ended = false;
        let mut hung = false;
        loop {
            match rx.recv_timeout(settings.timeout) {
                Ok(Event::Case(n)) => {
                    if let Some((c, at)) = current {
                        note_time(&mut summary, c, at);
                    }
                    summary.cases += 1;
                    current = Some((n, Instant::now()));
                }
                Ok(Event::Panic(n, what)) => {
                    let signature = format!("panic at {what}");
                    record(corpus, settings, &mut summary, "panic", n, &signature, &what)?;
                }
                Ok(Event::End) => {
                    if let Some((c, at)) = current.take() {
                        note_time(&mut summary, c, at);
                    }
                    ended = true;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if current.is_some_and(|(_, at)| at.elapsed() >= settings.timeout) {
                        hung = true;
                        let _ = child.kill();
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        let status = child.wait()?;
        let _ = reader.join();
        let stderr_tail = errors.join().unwrap_or_default();
        if ended && status.success() {
            break;
        }
        let Some((case, _)) = current else {
            return Err(std::io::Error::other(format!(
                "the worker of {} stopped before its first case ({status}): {stderr_tail}",
                target.name
            )));
        };
        let (kind, signature) = if hung {
            ("hang", format!("hang: more than {} s", settings.timeout.as_secs_f64()))
        } else {
            ("abort", format!("abort ({status}): {}", abort_line(&stderr_tail)))
        };
        let detail = format!("{signature}\n\nstandard error (first 64 KiB):\n{stderr_tail}");
        record(corpus, settings, &mut summary, kind, case, &signature, &detail)?;
        next = case + 1;
    }
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}

/// The worker's command line: under `sh -c 'ulimit -v …; exec …'` when a memory limit
/// is set (the standard library has no safe way to set a resource limit).
fn worker_command(target: &str, s: &RunSettings, first: u64, seconds: f64) -> Command {
    let exe = std::env::current_exe().unwrap_or_else(|_| PathBuf::from("coherence-fuzz"));
    let args: Vec<String> = vec![
        "work".to_owned(),
        target.to_owned(),
        "--seed".to_owned(),
        s.seed.to_string(),
        "--first".to_owned(),
        first.to_string(),
        "--seconds".to_owned(),
        format!("{seconds:.3}"),
        "--corpus".to_owned(),
        s.shared.display().to_string(),
        "--repo".to_owned(),
        s.repo.display().to_string(),
    ];
    let mut command = if s.memory_mib > 0 {
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!("ulimit -v {} && exec \"$0\" \"$@\"", s.memory_mib * 1024))
            .arg(exe)
            .args(args);
        c
    } else {
        let mut c = Command::new(exe);
        c.args(args);
        c
    };
    // The backtrace names where an abort happened: the signature of the finding.
    command.env("RUST_BACKTRACE", "1");
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    command
}

fn note_time(summary: &mut Summary, case: u64, at: Instant) {
    let ms = at.elapsed().as_millis();
    if ms > summary.slowest.0 {
        summary.slowest = (ms, case);
    }
}

/// What a dead worker's standard error says about why it died: the line naming the
/// failed allocation or stack overflow (else the last line), and the first frame of the
/// backtrace outside the standard library, when there is one.
fn abort_line(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let why = lines
        .iter()
        .find(|l| l.contains("memory allocation") || l.contains("overflowed its stack"))
        .or(lines.last())
        .map_or_else(|| "(nothing on standard error)".to_owned(), |l| l.trim().to_owned());
    let frame = lines
        .iter()
        .map(|l| l.trim())
        .find(|l| l.starts_with("at ") && l.contains("/src/") && !l.contains("/rustc/"));
    match frame {
        Some(at) => format!("{why} {at}"),
        None => why,
    }
}

/// Whether a finding of `target` is known (see [`KNOWN`]).
fn is_known(target: &str, kind: &str, signature: &str) -> bool {
    KNOWN.iter().any(|k| {
        k.kind == kind
            && k.targets.contains(&target)
            && k.contains.iter().all(|c| signature.contains(c))
    })
}

/// Counts a finding and saves its input (the first three of each signature), with a
/// text file saying what happened and how to replay it.
fn record(
    corpus: &Corpus,
    s: &RunSettings,
    summary: &mut Summary,
    kind: &str,
    case: u64,
    signature: &str,
    detail: &str,
) -> std::io::Result<()> {
    let target = corpus.target.name;
    // Numbers in a signature (sizes, offsets) would make every finding look new.
    let key: String = signature.chars().filter(|c| !c.is_ascii_digit()).collect();
    let known = is_known(target, kind, signature);
    let counts = if known { &mut summary.known } else { &mut summary.open };
    let count = counts.entry(key).or_insert(0);
    *count += 1;
    if *count > 3 {
        return Ok(());
    }
    let (input, variant) = corpus.case(s.seed, case);
    let dir = s.findings.join(target);
    std::fs::create_dir_all(&dir)?;
    let file = dir.join(format!("{kind}-s{}-c{case}--{}", s.seed, input.name));
    std::fs::write(&file, &input.bytes)?;
    let note = format!(
        "target: {target}\nkind: {kind}{}\nseed: {}\ncase: {case}\nvariant: {variant}\n\
         replay: coherence-fuzz replay {target} {} --variant {variant}\n\
         or: coherence-fuzz replay {target} --seed {} --case {case}\n\n{detail}\n",
        if known { " (known, see KNOWN in crates/fuzz/src/driver.rs)" } else { "" },
        s.seed,
        file.display(),
        s.seed,
    );
    std::fs::write(file.with_extension("txt"), note)
}

/// The file name a saved finding stands for (the part after `--`), so that a replay
/// reads it under the name the readers saw.
pub(crate) fn original_name(path: &Path) -> String {
    let name = path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match name.split_once("--") {
        Some((_, original)) if !original.is_empty() => original.to_owned(),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_findings_replay_under_their_original_name() {
        let p = Path::new("/tmp/f/panic-s1-c20--API_SM.POP.NETM_DS2.csv");
        assert_eq!(original_name(p), "API_SM.POP.NETM_DS2.csv");
        assert_eq!(original_name(Path::new("plain.csv")), "plain.csv");
    }

    #[test]
    fn the_known_allocation_abort_is_known_only_in_the_workbook_targets() {
        let sig = "abort (signal: 6): memory allocation of 549755813888 bytes failed at \
                   /r/calamine-0.38.0/src/lib.rs:1051:21";
        assert!(is_known("import-xlsx", "abort", sig));
        assert!(!is_known("import-csv", "abort", sig));
        assert!(!is_known("import-xlsx", "panic", sig));
        // The same failure elsewhere in the reader is not the known one.
        let other = "abort (signal: 6): memory allocation of 8 bytes failed at \
                     /r/calamine-0.38.0/src/xlsx/mod.rs:10:1";
        assert!(!is_known("import-xlsx", "abort", other));
    }
}
