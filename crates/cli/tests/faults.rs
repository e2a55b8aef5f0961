//! Faults (issue "Hardening", "Machinery" and item 7): the real binary killed with
//! SIGKILL at seeded points during each kind of write, and run out of disk space at each
//! write, leaves a store whose `PRAGMA integrity_check` is ok and which holds either
//! everything it held before or that plus the whole operation; a store in a read-only
//! folder can be read but not written, and the refusal names the file.
//!
//! Kills need nothing special. A full disk and a read-only folder need a tmpfs, so those
//! tests run as root (as CI does) and say SKIPPED otherwise; under `CI=true` they must
//! run. The store is compared with the `sqlite3` command (installed by `.ci/run`).
//! Figures of a run are printed to stderr (`cargo test --test faults -- --nocapture`).

#![cfg(unix)]
#![allow(clippy::print_stderr, reason = "a test that cannot run says SKIPPED; figures are printed")]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Kill points per operation.
const KILLS: usize = 24;
/// Free-space sizes per operation.
const FULL_SIZES: usize = 21;
/// Columns that hold the time of a write: they differ between two runs of one operation.
const TIME_COLUMNS: [&str; 5] = ["imported_at", "updated_at", "at", "created_at", "applied_at"];

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("coherence")
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("..").join(path)
}

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::new(bin());
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("-q")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    cmd
}

#[track_caller]
fn ok(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Whether this process runs as root (reads /proc; no unsafe code needed).
fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"))
    })
}

/// Prints why a test did not run, or fails under CI, where every test must run.
#[track_caller]
fn skip(why: &str) {
    assert!(!test_support::under_ci(), "CI=true and this test cannot run: {why}");
    eprintln!("SKIPPED: {why}");
}

fn have_sqlite3() -> bool {
    let found = Command::new("sqlite3").arg("-version").output().is_ok_and(|o| o.status.success());
    if !found {
        skip("the sqlite3 command is missing (apt-get install sqlite3)");
    }
    found
}

/// A tmpfs mounted on a fresh folder, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// Mounts a tmpfs of `bytes`; `None` (after saying SKIPPED) when not root or when
    /// mounting fails outside CI.
    fn mount(bytes: u64) -> Option<Tmpfs> {
        if !is_root() {
            skip("not root, so no tmpfs can be mounted for this test");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={}k", bytes.div_ceil(1024)), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status();
        if !status.is_ok_and(|s| s.success()) {
            skip("mount -t tmpfs failed");
            return None;
        }
        Some(Tmpfs { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts it read-only (or read-write again).
    fn remount(&self, read_only: bool) {
        let how = if read_only { "remount,ro" } else { "remount,rw" };
        let status = Command::new("mount").args(["-o", how]).arg(self.path()).status().unwrap();
        assert!(status.success(), "mount -o {how} failed");
    }

    /// Bytes free, as `df` reports them.
    fn available(&self) -> u64 {
        let out = Command::new("df").args(["-B1", "--output=avail"]).arg(self.path()).output();
        let text = String::from_utf8(out.unwrap().stdout).unwrap();
        text.lines().nth(1).unwrap().trim().parse().unwrap()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.path()).status();
    }
}

/// `PRAGMA integrity_check` and every row of every table without its time columns, in
/// order, through the `sqlite3` command (which also recovers a log left by a killed
/// writer, as the next command would).
fn examine(db: &Path) -> (String, String) {
    let tables = sqlite(
        db,
        "SELECT m.name, group_concat(p.name, ' ') FROM sqlite_master m \
         JOIN pragma_table_info(m.name) p WHERE m.type = 'table' \
         AND m.name NOT LIKE 'sqlite_%' GROUP BY m.name ORDER BY m.name",
    );
    let mut script = String::from("PRAGMA integrity_check;\nSELECT '--';\n");
    for line in tables.lines() {
        let (table, columns) = line.split_once('|').unwrap();
        let kept: Vec<&str> = columns.split(' ').filter(|c| !TIME_COLUMNS.contains(c)).collect();
        let order: Vec<String> = (1..=kept.len()).map(|i| i.to_string()).collect();
        script.push_str(&format!(
            "SELECT '{table}';\nSELECT {} FROM {table} ORDER BY {};\n",
            kept.join(", "),
            order.join(", ")
        ));
    }
    let all = sqlite(db, &script);
    let (check, rows) = all.split_once("--\n").unwrap();
    (check.trim().to_owned(), rows.to_owned())
}

fn sqlite(db: &Path, sql: &str) -> String {
    let out = Command::new("sqlite3").arg(db).arg(sql).output().unwrap();
    assert!(out.status.success(), "sqlite3 {sql}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A seeded sequence in [0, 1) (xorshift64*): the same points on every run.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The arguments of a command after `--db`, given the work folder.
type Arguments = Box<dyn Fn(&Path) -> Vec<OsString>>;

/// One kind of write, run by the real binary on the store `<work>/s.sqlite`.
struct Operation {
    name: &'static str,
    /// The arguments after `--db`, given the work folder.
    args: Arguments,
    /// Whether it writes the store (else it writes `<work>/out`, reading the store).
    writes_store: bool,
}

fn args(items: &[&dyn AsRef<std::ffi::OsStr>]) -> Vec<OsString> {
    items.iter().map(|a| a.as_ref().to_owned()).collect()
}

/// The store every operation starts from: the demo world, a register edit, stored
/// answers, a derived dataset and (with the shared data) a stored gravity estimate.
fn template(dir: &Path) -> PathBuf {
    let db = dir.join("template.sqlite");
    ok(coherence(&db).current_dir(dir).args(["demo", "-o"]).arg(dir.join("brief.html")));
    ok(coherence(&db).args(["register", "edit", "XAA-FIN-01", "--set", "end_year=2026"]).args([
        "--reason",
        "earlier edit",
        "--user",
        "t",
    ]));
    ok(coherence(&db)
        .args(["assess", "XAA", "--store", "--user", "t", "--answers"])
        .arg(repo("examples/pelaria-sdg-10.7.2.csv")));
    ok(coherence(&db)
        .args(["estimate", "flows", "--method", "sd_rev_neg", "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(repo("crates/cli/tests/data/estimate_stocks.csv"))
        .arg("--out")
        .arg(dir.join("flows.csv"))
        .arg("--store"));
    if let Some(data) = fta_data() {
        ok(&mut gravity(&db, &data, "earlier"));
    }
    ok(coherence(&db)
        .current_dir(dir)
        .args(["scenario", "example", "remittance-cost"])
        .stdout(std::fs::File::create(dir.join("scenario.toml")).unwrap()));
    db
}

fn fta_data() -> Option<PathBuf> {
    test_support::shared_data("validation/ppmlhdfe_example_trade_fta_total.csv")
}

fn gravity(db: &Path, data: &Path, name: &str) -> Command {
    let mut cmd = coherence(db);
    cmd.arg("gravity").arg(data).args(gravity_args(name));
    cmd
}

fn gravity_args(name: &str) -> [String; 8] {
    [
        "--model",
        "trade ~ fta | isoimp^year + isoexp^year + isoimp^isoexp",
        "--vcov",
        "cluster:isoimp^isoexp",
        "--ssc",
        "stata",
        "--store",
        name,
    ]
    .map(str::to_owned)
}

/// The work folder's store and output, reset to the template.
fn reset(work: &Path, template: &Path) {
    for name in ["s.sqlite", "s.sqlite-wal", "s.sqlite-shm", "ballast"] {
        let _ = std::fs::remove_file(work.join(name));
    }
    let _ = std::fs::remove_dir_all(work.join("out"));
    std::fs::copy(template, work.join("s.sqlite")).unwrap();
}

fn spawn(op: &Operation, work: &Path) -> std::process::Child {
    coherence(&work.join("s.sqlite")).args((op.args)(work)).spawn().unwrap()
}

fn finish(op: &Operation, work: &Path) -> Output {
    coherence(&work.join("s.sqlite")).args((op.args)(work)).stdout(Stdio::piped()).output().unwrap()
}

/// What a whole run of an operation leaves: the store's rows and the output files.
struct Reference {
    before: String,
    after: String,
    out: Vec<(String, Vec<u8>)>,
    seconds: f64,
    /// Bytes the operation adds to the store's folder (store growth and output files).
    written: u64,
}

fn out_files(work: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(work.join("out")) else { return Vec::new() };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

fn reference(op: &Operation, work: &Path, template: &Path) -> Reference {
    reset(work, template);
    let (check, before) = examine(&work.join("s.sqlite"));
    assert_eq!(check, "ok");
    let mut seconds = f64::INFINITY;
    for _ in 0..2 {
        reset(work, template);
        let started = Instant::now();
        let out = finish(op, work);
        seconds = seconds.min(started.elapsed().as_secs_f64());
        assert!(out.status.success(), "{}: {}", op.name, String::from_utf8_lossy(&out.stderr));
    }
    let out = out_files(work);
    let grown = std::fs::metadata(work.join("s.sqlite"))
        .unwrap()
        .len()
        .saturating_sub(std::fs::metadata(template).unwrap().len());
    let written = grown + out.iter().map(|(_, b)| b.len() as u64).sum::<u64>();
    let (check, after) = examine(&work.join("s.sqlite"));
    assert_eq!(check, "ok");
    if op.writes_store {
        assert_ne!(before, after, "{} changed nothing", op.name);
    }
    Reference { before, after, out, seconds, written }
}

/// The store is whole and holds either what it held or that plus the whole operation
/// (returns whether the operation happened); every output file present is whole and a
/// temporary file is only left by a kill.
fn check_after(op: &Operation, work: &Path, r: &Reference, killed: bool) -> bool {
    let (check, rows) = examine(&work.join("s.sqlite"));
    assert_eq!(check, "ok", "{}: integrity check", op.name);
    let stored = rows == r.after;
    assert!(stored || rows == r.before, "{}: the store holds neither before nor after", op.name);
    let present = out_files(work);
    for (name, bytes) in &present {
        if name.starts_with(".coherence-") && name.ends_with(".tmp") {
            assert!(killed, "{}: temporary file {name} left behind by a failure", op.name);
            continue;
        }
        let whole = r.out.iter().find(|(n, _)| n == name).map(|(_, b)| b);
        assert_eq!(whole, Some(bytes), "{}: {name} is not the whole file", op.name);
    }
    if present.iter().any(|(name, _)| name == "manifest.json") {
        // The manifest is written last: with it, every file of the run is there.
        for (name, _) in &r.out {
            assert!(present.iter().any(|(n, _)| n == name), "{name} missing beside the manifest");
        }
    }
    if op.writes_store { stored } else { r.out.iter().all(|f| present.contains(f)) }
}

/// Kills the operation at `KILLS` seeded points over its duration (denser towards the
/// end, where the writes are) and checks the store and outputs after each.
fn kill_points(op: &Operation, template: &Path) {
    let work = tempfile::tempdir().unwrap();
    let work = work.path();
    let r = reference(op, work, template);
    let mut seeded = Seeded(0x5eed_0013 + op.name.len() as u64);
    let (mut points, mut landed, mut done, mut leftovers) = (0, 0, 0, 0);
    // Points are drawn until KILLS of them land while the command runs.
    while landed < KILLS && points < 4 * KILLS {
        points += 1;
        reset(work, template);
        let delay = r.seconds * seeded.next().powf(0.75);
        let mut child = spawn(op, work);
        std::thread::sleep(Duration::from_secs_f64(delay));
        if child.try_wait().unwrap().is_none() {
            landed += 1;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        if check_after(op, work, &r, true) {
            done += 1;
        }
        if out_files(work).iter().any(|(name, _)| name.ends_with(".tmp")) {
            leftovers += 1;
        }
        if !op.writes_store {
            // The next run into the same folder succeeds and writes the whole run.
            let out = finish(op, work);
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            check_after(op, work, &r, true);
        }
    }
    assert!(landed >= 20, "{}: only {landed} of {points} kills landed while it ran", op.name);
    eprintln!(
        "{}: {points} kill points over {:.3} s, {landed} landed while it ran; after them {done} \
         found it done, {} not done, {leftovers} left a hidden temporary output file; integrity \
         ok and earlier values intact after each",
        op.name,
        r.seconds,
        points - done
    );
}

/// Runs the operation with `FULL_SIZES` amounts of free space, from none to more than it
/// writes, and checks the store, the outputs and the error after each.
fn full_disk(op: &Operation, template: &Path) {
    let plain = tempfile::tempdir().unwrap();
    let r = reference(op, plain.path(), template);
    let room = 2 * r.written + 96 * 1024;
    let size = std::fs::metadata(template).unwrap().len() + room + 2 * 1024 * 1024;
    let Some(fs) = Tmpfs::mount(size) else { return };
    let work = fs.path();
    let (mut failed, mut done) = (0, 0);
    let mut errors = Vec::new();
    for i in 0..FULL_SIZES {
        reset(work, template);
        let free = room * i as u64 / (FULL_SIZES as u64 - 1);
        let ballast = fs.available().saturating_sub(free);
        std::fs::write(work.join("ballast"), vec![1u8; ballast as usize]).unwrap();
        let out = finish(op, work);
        // `import` reports each file's failure in its report, on standard output.
        let stderr = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        std::fs::remove_file(work.join("ballast")).unwrap();
        if !out.status.success() {
            failed += 1;
            // A scenario run also opens the store (to read it) on the full disk.
            let store = work.join("s.sqlite").display().to_string();
            let out = work.join("out").display().to_string();
            assert!(
                stderr.contains(&store) || (!op.writes_store && stderr.contains(&out)),
                "{}: the error names neither {store} nor {out}: {stderr}",
                op.name
            );
            let lines = stderr.lines().filter(|l| l.contains("s.sqlite") || l.contains("out/"));
            for line in lines.map(|l| l.replace(&work.display().to_string(), "…")) {
                if !errors.contains(&line) {
                    errors.push(line);
                }
            }
        }
        let happened = check_after(op, work, &r, false);
        assert!(!out.status.success() || happened, "{}: success but not done", op.name);
        if op.writes_store && !out.status.success() {
            assert!(!happened, "{}: it failed but the write was kept", op.name);
        }
        if happened {
            done += 1;
        }
    }
    eprintln!(
        "{}: {FULL_SIZES} free-space sizes from 0 to {} KiB (it writes {} KiB): {failed} failed, \
         {done} done; integrity ok and earlier values intact after each; errors: {errors:?}",
        op.name,
        room / 1024,
        r.written / 1024
    );
}

fn both(op: &Operation) {
    if !have_sqlite3() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let template = template(dir.path());
    kill_points(op, &template);
    full_disk(op, &template);
}

/// Why the kill and full-disk tests run on SQLite only.
const FAULTS: &str = "kills and a full disk are checked on the SQLite file and its log";

#[test]
fn import_survives_kills_and_a_full_disk() {
    if test_support::sqlite_only(FAULTS) {
        return;
    }
    let Some(file) = test_support::shared_data("wdi_population/wb_SP.POP.TOTL_population.csv")
    else {
        return;
    };
    both(&Operation {
        name: "import",
        args: Box::new(move |_| args(&[&"import", &file])),
        writes_store: true,
    });
}

#[test]
fn register_edit_survives_kills_and_a_full_disk() {
    if test_support::sqlite_only(FAULTS) {
        return;
    }
    both(&Operation {
        name: "register edit",
        args: Box::new(|_| {
            args(&[&"register", &"edit", &"XAB-HEA-01", &"--set", &"status=suspended"])
                .into_iter()
                .chain(args(&[&"--set", &"tags+=g2g", &"--reason", &"fault", &"--user", &"t"]))
                .collect()
        }),
        writes_store: true,
    });
}

#[test]
fn assessment_store_survives_kills_and_a_full_disk() {
    if test_support::sqlite_only(FAULTS) {
        return;
    }
    let answers = repo("examples/brevmark-pcmd-destination.csv");
    both(&Operation {
        name: "assessment store",
        args: Box::new(move |_| {
            args(&[&"assess", &"XAB", &"--framework", &"pcmd-destination", &"--store"])
                .into_iter()
                .chain(args(&[&"--user", &"t", &"--answers", &answers]))
                .collect()
        }),
        writes_store: true,
    });
}

#[test]
fn estimate_store_survives_kills_and_a_full_disk() {
    if test_support::sqlite_only(FAULTS) {
        return;
    }
    let Some(data) = fta_data() else { return };
    both(&Operation {
        name: "estimate store",
        args: Box::new(move |_| {
            let mut a = args(&[&"gravity", &data]);
            a.extend(gravity_args("fault").map(OsString::from));
            a
        }),
        writes_store: true,
    });
}

#[test]
fn scenario_run_survives_kills_and_a_full_disk() {
    if test_support::sqlite_only(FAULTS) {
        return;
    }
    if !have_sqlite3() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let template = template(dir.path());
    let toml = dir.path().join("scenario.toml");
    let op = Operation {
        name: "scenario run",
        args: Box::new(move |work| {
            args(&[&"scenario", &"run", &toml, &"--draws", &"101", &"--seed", &"9", &"--out"])
                .into_iter()
                .chain([work.join("out").into_os_string()])
                .collect()
        }),
        writes_store: false,
    };
    kill_points(&op, &template);
    full_disk(&op, &template);
}

#[test]
fn a_store_in_a_read_only_folder_is_read_and_not_written() {
    if test_support::sqlite_only("a SQLite file in a read-only folder") {
        return;
    }
    if !have_sqlite3() {
        return;
    }
    let Some(fs) = Tmpfs::mount(4 * 1024 * 1024) else { return };
    let db = fs.path().join("s.sqlite");
    ok(coherence(&db).current_dir(fs.path()).args(["demo", "-o", "brief.html"]));
    let read = |args: &[&str]| {
        let out = coherence(&db).args(args).stdout(Stdio::piped()).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    let commands: [&[&str]; 7] = [
        &["--format", "json", "datasets"],
        &["--format", "json", "profile", "XAA"],
        &["profile", "XAB", "--why"],
        &["register", "list", "--country", "XAB"],
        &["register", "log"],
        &["corridor", "XAA", "XAB"],
        &["gravity", "--list"],
    ];
    let before: Vec<Vec<u8>> = commands.iter().map(|a| read(a)).collect();
    fs.remount(true);
    // Every read command reads as it did; nothing is created beside the store.
    for (args, expected) in commands.iter().zip(&before) {
        assert_eq!(&read(args), expected, "{args:?}");
    }
    let report = tempfile::tempdir().unwrap();
    read(&["report", "XAA", "-o", report.path().join("b.html").to_str().unwrap()]);
    let mut names: Vec<String> = std::fs::read_dir(fs.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["brief.html", "s.sqlite"]);
    // Every write command fails, naming the store and saying why.
    let writes: [&[&str]; 3] = [
        &[
            "register",
            "edit",
            "XAB-HEA-01",
            "--set",
            "status=paused",
            "--reason",
            "r",
            "--user",
            "t",
        ],
        &["demo", "-o", "/dev/null"],
        &["init"],
    ];
    for args in writes {
        let out = coherence(&db).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded on a read-only store");
        assert!(
            stderr.contains(&db.display().to_string()) && stderr.contains("read-only"),
            "{args:?}: {stderr}"
        );
    }
    fs.remount(false);
    let (check, _) = examine(&db);
    assert_eq!(check, "ok");

    // A log holding changes (left by a writer that did not write it back) is read with its
    // index, and refused without it, never read past.
    let status = Command::new("sqlite3")
        .args(["-cmd", ".dbconfig no_ckpt_on_close on"])
        .arg(&db)
        .arg(
            "INSERT INTO register_audit (at, user_name, reason, country, policy_id, action) \
             VALUES ('t', 'u', 'only in the log', 'XAA', 'XAA-FIN-01', 'edit')",
        )
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let side = |suffix: &str| PathBuf::from(format!("{}{suffix}", db.display()));
    assert!(std::fs::metadata(side("-wal")).unwrap().len() > 0);
    fs.remount(true);
    assert!(String::from_utf8(read(&["register", "log"])).unwrap().contains("only in the log"));
    fs.remount(false);
    std::fs::remove_file(side("-shm")).unwrap();
    fs.remount(true);
    let out = coherence(&db).args(["register", "log"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains(&side("-wal").display().to_string()),
        "{stderr}"
    );
    fs.remount(false);
    let (check, rows) = examine(&db);
    assert_eq!(check, "ok");
    assert!(rows.contains("only in the log"));
}

#[test]
fn an_output_file_on_a_full_disk_is_named_and_leaves_nothing_behind() {
    let Some(fs) = Tmpfs::mount(256 * 1024) else { return };
    let store = tempfile::tempdir().unwrap();
    let db = store.path().join("s.sqlite");
    ok(coherence(&db).current_dir(store.path()).args(["demo", "-o", "brief.html"]));
    let ballast = fs.available().saturating_sub(16 * 1024);
    std::fs::write(fs.path().join("ballast"), vec![1u8; ballast as usize]).unwrap();
    let target = fs.path().join("brief.html");
    let out = coherence(&db).args(["report", "XAA", "-o"]).arg(&target).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains(&target.display().to_string()), "{stderr}");
    let names: Vec<String> = std::fs::read_dir(fs.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["ballast"]);
}

/// A store in a folder of another user, on a writable disk (a shared store on a cluster
/// node, say): read as on a read-only mount, never written. Run as the user `nobody`
/// through `su`, so the test needs root (as CI runs it) and says SKIPPED otherwise.
#[test]
fn a_store_in_another_users_folder_is_read_and_not_written() {
    use std::os::unix::fs::PermissionsExt;
    if test_support::sqlite_only("a SQLite file in another user's folder") {
        return;
    }
    let su = Command::new("su").arg("--help").output().is_ok_and(|o| o.status.success());
    if !is_root() || !su {
        skip("another user's folder needs root and su");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mode =
        |p: &Path, m: u32| std::fs::set_permissions(p, PermissionsExt::from_mode(m)).unwrap();
    mode(dir.path(), 0o755);
    let own_bin = dir.path().join("coherence");
    std::fs::copy(bin(), &own_bin).unwrap();
    mode(&own_bin, 0o755);
    let folder = dir.path().join("store");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("s.sqlite");
    ok(coherence(&db).current_dir(dir.path()).args(["demo", "-o", "brief.html"]));
    mode(&db, 0o444);
    mode(&folder, 0o555);
    let as_nobody = |args: &str| {
        let line = format!("{} -q --db {} {args}", own_bin.display(), db.display());
        Command::new("su").args(["nobody", "-s", "/bin/sh", "-c", &line]).output().unwrap()
    };
    let out = as_nobody("corridor XAA XAB");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("7 of 7 rules fired"), "{text}");
    let out = as_nobody("register edit XAB-HEA-01 --set status=paused --reason r --user t");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.contains("read-only"), "{stderr}");
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["s.sqlite"], "nothing created beside the store");
    mode(&folder, 0o755);
}
