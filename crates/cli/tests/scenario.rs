//! `coherence scenario` on the demo world: the same seed gives the same files whatever
//! the thread count, shards merged equal the full run, and scenario errors name the
//! file, line and field.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

/// A temporary folder with the demo world loaded and the remittance-cost example
/// written to `scenario.toml`.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let w = World { dir };
        w.cmd().current_dir(w.path()).args(["-q", "demo", "-o", "brief.html"]).assert().success();
        let out = w.cmd().args(["scenario", "example", "remittance-cost"]).assert().success();
        std::fs::write(w.path().join("scenario.toml"), &out.get_output().stdout).unwrap();
        w
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cmd(&self) -> Command {
        coherence(&self.path().join("w.sqlite"))
    }

    /// Runs the example (101 draws, seed 9) with `extra` arguments into `out`.
    fn run(&self, out: &str, extra: &[&str]) -> PathBuf {
        self.run_seed(out, "9", extra)
    }

    fn run_seed(&self, out: &str, seed: &str, extra: &[&str]) -> PathBuf {
        let dir = self.path().join(out);
        self.cmd()
            .args(["-q", "scenario", "run"])
            .arg(self.path().join("scenario.toml"))
            .args(["--draws", "101", "--seed", seed, "--out"])
            .arg(&dir)
            .args(extra)
            .assert()
            .success();
        dir
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }
}

const FILES: [&str; 6] = [
    "draws.csv",
    "draws.arrow",
    "parameters.csv",
    "parameters.arrow",
    "summary.csv",
    "manifest.json",
];

fn assert_same_files(a: &Path, b: &Path) {
    for f in FILES {
        let x = std::fs::read(a.join(f)).unwrap();
        let y = std::fs::read(b.join(f)).unwrap();
        assert!(x == y, "{f} differs between {} and {}", a.display(), b.display());
    }
}

#[test]
fn same_seed_gives_identical_files_across_runs_and_threads() {
    let w = World::new();
    let a = w.run("a", &["--threads", "1"]);
    let b = w.run("b", &["--threads", "1"]);
    let c = w.run("c", &["--threads", "2"]);
    assert_same_files(&a, &b);
    assert_same_files(&a, &c);
    let draws = std::fs::read_to_string(a.join("draws.csv")).unwrap();
    assert!(draws.starts_with("draw,option,metric,year,value\n0,"), "{}", &draws[..80]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(a.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["seed"], 9);
    assert_eq!(manifest["draws"], 101);
    assert_eq!(manifest["shard"], "1/1");
    // Every parameter is recorded with where its value comes from.
    let params = manifest["options"][0]["parameters"].as_array().unwrap();
    assert!(params.iter().all(|p| !p["source"].as_str().unwrap().is_empty()));
    assert!(
        params.iter().any(|p| p["source"].as_str().unwrap().starts_with("baseline ")),
        "{params:?}"
    );

    // Another seed changes the draws.
    let d = w.run_seed("d", "10", &[]);
    assert_ne!(
        std::fs::read(a.join("draws.csv")).unwrap(),
        std::fs::read(d.join("draws.csv")).unwrap()
    );
}

#[test]
fn four_shards_merged_equal_the_full_run() {
    let w = World::new();
    let full = w.run("full", &[]);
    let parts: Vec<PathBuf> =
        (1..=4).map(|k| w.run(&format!("part{k}"), &["--shard", &format!("{k}/4")])).collect();
    let merged = w.path().join("merged");
    w.cmd()
        .args(["-q", "scenario", "merge"])
        .args([&parts[2], &parts[0], &parts[3], &parts[1]])
        .arg("--out")
        .arg(&merged)
        .assert()
        .success();
    assert_same_files(&full, &merged);

    // A missing shard is named.
    let out = w
        .cmd()
        .args(["scenario", "merge"])
        .args([&parts[0], &parts[1], &parts[3]])
        .arg("--out")
        .arg(w.path().join("bad"))
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("draws 50..75 of 101 are in no part"), "{err}");

    // An output folder that is one of the shards is refused, and the shard is untouched.
    let before = std::fs::read(parts[0].join("draws.csv")).unwrap();
    let out = w
        .cmd()
        .args(["scenario", "merge"])
        .args([&parts[0], &parts[1], &parts[2], &parts[3]])
        .arg("--out")
        .arg(parts[0].join("."))
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("is one of the shards being merged"), "{err}");
    assert_eq!(std::fs::read(parts[0].join("draws.csv")).unwrap(), before);
}

/// `--shard auto/N` as the batch engines run it: four processes of a Kubernetes
/// Indexed Job (JOB_COMPLETION_INDEX 0..3) and of a Slurm array numbered 1-4, each
/// merged, equal the unsharded run byte for byte.
#[test]
fn shards_from_kubernetes_and_slurm_indexes_merge_to_the_full_run() {
    let w = World::new();
    let full = w.run("full", &[]);
    let run_with = |out: &str, spec: &str, vars: &[(&str, String)]| {
        let dir = w.path().join(out);
        let mut cmd = w.cmd();
        for name in [
            "JOB_COMPLETION_INDEX",
            "SLURM_ARRAY_TASK_ID",
            "SLURM_ARRAY_TASK_MIN",
            "SLURM_ARRAY_TASK_STEP",
            "SLURM_ARRAY_TASK_COUNT",
        ] {
            cmd.env_remove(name);
        }
        for (k, v) in vars {
            cmd.env(k, v);
        }
        cmd.args(["-q", "scenario", "run"])
            .arg(w.path().join("scenario.toml"))
            .args(["--draws", "101", "--seed", "9", "--shard", spec, "--out"])
            .arg(&dir)
            .assert()
            .success();
        dir
    };
    let k8s: Vec<PathBuf> = (0..4)
        .map(|i| run_with(&format!("k8s{i}"), "auto/4", &[("JOB_COMPLETION_INDEX", i.to_string())]))
        .collect();
    let slurm: Vec<PathBuf> = (1..=4)
        .map(|id| {
            let vars = [
                ("SLURM_ARRAY_TASK_ID", id.to_string()),
                ("SLURM_ARRAY_TASK_MIN", "1".to_owned()),
                ("SLURM_ARRAY_TASK_COUNT", "4".to_owned()),
            ];
            run_with(&format!("slurm{id}"), "auto", &vars)
        })
        .collect();
    for (name, parts) in [("k8s", &k8s), ("slurm", &slurm)] {
        let merged = w.path().join(format!("{name}-merged"));
        w.cmd()
            .args(["-q", "scenario", "merge"])
            .args(parts)
            .arg("--out")
            .arg(&merged)
            .assert()
            .success();
        assert_same_files(&full, &merged);
    }
    // Outside an array job, `auto` says which variables it looked for.
    let out = w
        .cmd()
        .env_remove("JOB_COMPLETION_INDEX")
        .env_remove("SLURM_ARRAY_TASK_ID")
        .args(["scenario", "run"])
        .arg(w.path().join("scenario.toml"))
        .args(["--shard", "auto/4", "--out"])
        .arg(w.path().join("none"))
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("JOB_COMPLETION_INDEX") && err.contains("SLURM_ARRAY_TASK_ID"), "{err}");
}

#[test]
fn compare_gives_paired_differences() {
    let w = World::new();
    let a = w.run("a", &[]);
    let out = w
        .cmd()
        .args(["--format", "csv", "scenario", "compare"])
        .arg(&a)
        .args(["--options", "sdg-3pct-2030", "sdg-3pct-2030-with-response"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(
        text.starts_with("a,b,metric,unit,year,n,mean,sd,p05,p25,p50,p75,p95,share_b_greater\n"),
        "{text}"
    );
    assert!(text.contains("\nsdg-3pct-2030,sdg-3pct-2030-with-response,"), "{text}");
    // A run compared with itself differs by nothing.
    let out =
        w.cmd().args(["--format", "csv", "scenario", "compare"]).arg(&a).arg(&a).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        assert_eq!(cols[6], "0", "{line}");
    }
}

fn run_error(w: &World, file: &Path) -> String {
    let out = w.cmd().args(["scenario", "run"]).arg(file).args(["--draws", "5"]).assert().failure();
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

const HEAD: &str = "[scenario]\nname = \"t\"\n[baseline]\ncorridor = \"XAA-XAB\"\nyear = 2020\n\
                    [[option]]\nname = \"a\"\nmodel = \"temporary-scheme\"\n[option.parameters]\n";

#[test]
fn scenario_errors_name_file_line_and_field() {
    let w = World::new();
    let f = w.write("neg.toml", &format!("{HEAD}quota = -40\n"));
    let err = run_error(&w, &f);
    assert!(err.contains("neg.toml:10:9: option[1].parameters.quota:"), "{err}");
    assert!(err.contains("-40") && err.contains("a whole number ≥ 0"), "{err}");

    let f = w.write("prob.toml", &format!("{HEAD}quota = 10\np_overstay = 1.5\n"));
    let err = run_error(&w, &f);
    assert!(err.contains("prob.toml:11:14: option[1].parameters.p_overstay:"), "{err}");
    assert!(err.contains("1.5") && err.contains("a probability in [0, 1]"), "{err}");

    let f = w.write(
        "model.toml",
        &format!("{HEAD}quota = 10\n").replace("temporary-scheme", "temporary-schema"),
    );
    let err = run_error(&w, &f);
    assert!(
        err.contains("model.toml:8:9: option[1].model: unknown model \"temporary-schema\""),
        "{err}"
    );
    assert!(err.contains("did you mean \"temporary-scheme\"?"), "{err}");

    let f = w.write(
        "syntax.toml",
        &format!("{HEAD}quota = 10\np_overstay = {{ dist = \"beta\", alpha = 2 }}\n"),
    );
    let err = run_error(&w, &f);
    assert!(err.contains("syntax.toml:11:14: option[1].parameters.p_overstay.beta:"), "{err}");

    let err = String::from_utf8_lossy(
        &w.cmd().args(["scenario", "run", "missing.toml"]).assert().failure().get_output().stderr,
    )
    .into_owned();
    assert!(err.contains("cannot read missing.toml"), "{err}");
}

#[test]
fn examples_and_models_are_listed() {
    let w = World::new();
    for name in ["temporary-scheme", "skills", "remittance-cost", "diaspora", "recruitment"] {
        let out = w.cmd().args(["scenario", "example", name]).assert().success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
        assert!(text.contains("[scenario]") && text.contains("[[option]]"), "{name}");
    }
    let out = w.cmd().args(["scenario", "example", "nope"]).assert().failure();
    assert!(
        String::from_utf8_lossy(&out.get_output().stderr)
            .contains("examples: temporary-scheme, skills")
    );
    let out = w.cmd().args(["scenario", "models"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    for name in
        ["temporary-scheme", "skills", "remittance-cost", "diaspora", "recruitment", "p_overstay"]
    {
        assert!(text.contains(name), "{name} missing from `scenario models`");
    }
}

#[test]
fn an_empty_store_says_to_load_the_demo_world() {
    let w = World::new();
    let out = coherence(&w.path().join("empty.sqlite"))
        .args(["scenario", "run"])
        .arg(w.path().join("scenario.toml"))
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("scenario.toml:") && err.contains(": baseline: "), "{err}");
    assert!(err.contains("`coherence demo`"), "{err}");
}

#[test]
fn a_run_appears_in_the_brief_as_charts_with_intervals_and_a_shard_is_refused() {
    let w = World::new();
    let run = w.run("full", &[]);
    let brief = w.path().join("with-options.html");
    let out = w
        .cmd()
        .args(["report", "XAA", "-o"])
        .arg(&brief)
        .arg("--scenario")
        .arg(&run)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!stderr.contains("warning:"), "the example's corridor starts in XAA: {stderr}");
    let html = std::fs::read_to_string(&brief).unwrap();
    assert!(html.contains("<h2 id=\"policy-options-h\">Policy options</h2>"));
    assert!(html.contains("href=\"#policy-options\""), "listed in the contents");
    // Yearly outputs as fan charts with both bands, totals as interval charts.
    assert!(html.contains("class=\"band90\"") && html.contains("class=\"band50\""));
    assert!(html.contains("90% interval"));
    // The run is named by its fingerprint, and the baseline by its sources.
    let manifest = std::fs::read_to_string(run.join("manifest.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let fingerprint = v["fingerprint"].as_str().expect("fingerprint in the manifest");
    assert!(html.contains(fingerprint));
    assert!(html.contains("remittance_costs.csv"), "baseline cost with its source");

    // Without --scenario the brief has no such section.
    let plain = w.path().join("plain.html");
    w.cmd().args(["-q", "report", "XAA", "-o"]).arg(&plain).assert().success();
    assert!(!std::fs::read_to_string(&plain).unwrap().contains("policy-options"));

    // Another country's brief gets a warning; a shard is refused.
    let other = w.path().join("other.html");
    let out =
        w.cmd().args(["report", "XAC", "-o"]).arg(&other).arg("--scenario").arg(&run).assert();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("is not about XAC"), "{stderr}");
    let shard = w.run("part", &["--shard", "2/4"]);
    let out = w
        .cmd()
        .args(["report", "XAA", "-o"])
        .arg(w.path().join("x.html"))
        .arg("--scenario")
        .arg(&shard)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("shard 2/4") && stderr.contains("merge"), "{stderr}");
}

// Limits (issue 13, item 3): each is checked before the work, under a 1 GB address
// space, and ends within seconds with an error naming the limit and its flag.

/// Runs `coherence ARGS` under `ulimit -v 1048576` (1 GB of virtual memory), with a
/// deadline; returns (success, stderr).
fn under_1gb(w: &World, args: &[&str]) -> (bool, String) {
    let bin = assert_cmd::cargo::cargo_bin("coherence");
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -v 1048576; exec \"$0\" \"$@\"")
        .arg(&bin)
        .env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(&w.path().join("w.sqlite")))
        .args(args)
        .current_dir(w.path());
    let started = std::time::Instant::now();
    let out = cmd.output().unwrap();
    let secs = started.elapsed().as_secs();
    assert!(secs < 60, "took {secs} s: {args:?}");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn draws_beyond_the_memory_limit_are_refused_before_the_run() {
    let w = World::new();
    let (ok, err) = under_1gb(
        &w,
        &["scenario", "run", "scenario.toml", "--draws", "1000000000000", "--out", "big"],
    );
    assert!(!ok, "{err}");
    assert!(err.contains("1000000000000 draws"), "{err}");
    assert!(err.contains("over the limit of 2.0 GiB"), "{err}");
    assert!(err.contains("--max-memory"), "{err}");
    assert!(!err.contains("memory allocation"), "{err}");
    assert!(!w.path().join("big").exists(), "nothing is written");

    // The limit is the flag's: a small run over a small limit is refused, and a bad size
    // is named.
    let (ok, err) = under_1gb(
        &w,
        &["scenario", "run", "scenario.toml", "--draws", "1000", "--max-memory", "100KB"],
    );
    assert!(!ok && err.contains("over the limit of 97.7 KiB"), "{err}");
    let (ok, err) = under_1gb(&w, &["scenario", "run", "scenario.toml", "--max-memory", "lots"]);
    assert!(!ok && err.contains("not a size such as 4GiB"), "{err}");
}

#[test]
fn threads_beyond_the_limit_are_refused_before_any_is_started() {
    let w = World::new();
    let (ok, err) =
        under_1gb(&w, &["scenario", "run", "scenario.toml", "--threads", "1000000000000"]);
    assert!(!ok, "{err}");
    assert!(err.contains("--threads 1000000000000 is over the limit of"), "{err}");
    assert!(err.contains("8 per core"), "{err}");
}

/// A run whose draws, held in memory, would exceed the memory limit given, streams its
/// draws to the files and holds only the summary's values: it succeeds under the limit
/// and under a 1 GB address space, and writes what the same run in shards merges to.
#[test]
fn a_run_larger_than_its_memory_limit_streams_its_draws() {
    let w = World::new();
    // 10,000 draws × 264 values (243 outputs, 21 parameters): 84 MB of rows held whole
    // (32 bytes each), 19 MB of summary values, 110 MB of text in draws.csv.
    let (draws, limit) = ("10000", "72MiB");
    let (ok, err) = under_1gb(
        &w,
        &[
            "-q",
            "scenario",
            "run",
            "scenario.toml",
            "--draws",
            draws,
            "--max-memory",
            limit,
            "--out",
            "streamed",
        ],
    );
    assert!(ok, "{err}");
    let dir = w.path().join("streamed");
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"draws\": 10000,"), "{manifest}");
    let lines = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap().lines().count() - 1;
    let rows = lines("draws.csv") + lines("parameters.csv");
    assert!(rows * 32 > 72 << 20, "{rows} rows: held whole they would exceed the limit");
    let csv = std::fs::read_to_string(dir.join("draws.csv")).unwrap();
    assert!(csv.lines().last().unwrap().starts_with("9999,"));
}

// Shard integrity (issue 13, item 5): merge checks every file of every shard against the
// SHA-256 its manifest records before anything is written.

/// The SHA-256 of a file, in hexadecimal.
fn sha256_of(path: &Path) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(std::fs::read(path).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Merges `parts` into `out`; the merge must fail. Returns its stderr.
fn merge_refused(w: &World, parts: &[PathBuf], out: &Path) -> String {
    let result = w.cmd().args(["scenario", "merge"]).args(parts).arg("--out").arg(out).assert();
    let err = String::from_utf8_lossy(&result.get_output().stderr).into_owned();
    assert!(!result.get_output().status.success(), "merged a damaged shard");
    assert!(!out.exists(), "{} written: {err}", out.display());
    err
}

#[test]
fn a_manifest_records_the_sha256_of_every_file() {
    let w = World::new();
    let run = w.run("full", &[]);
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(run.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["format"], "coherence-scenario-run/2");
    let files = manifest["files"].as_array().unwrap();
    for f in &FILES[..5] {
        let record = files.iter().find(|r| r["name"] == *f).unwrap_or_else(|| panic!("{f}"));
        assert_eq!(record["sha256"].as_str().unwrap(), sha256_of(&run.join(f)), "{f}");
    }
    assert!(files.iter().any(|r| r["name"] == "manifest.json" && r.get("sha256").is_none()));

    // A merged run's manifest records its own files (it is the full run's, byte for byte).
    let parts: Vec<PathBuf> =
        (1..=2).map(|k| w.run(&format!("part{k}"), &["--shard", &format!("{k}/2")])).collect();
    let merged = w.path().join("merged");
    w.cmd()
        .args(["-q", "scenario", "merge"])
        .args(&parts)
        .arg("--out")
        .arg(&merged)
        .assert()
        .success();
    let text = std::fs::read_to_string(merged.join("manifest.json")).unwrap();
    for f in &FILES[..5] {
        assert!(text.contains(&sha256_of(&merged.join(f))), "{f}");
    }
    assert_same_files(&run, &merged);
}

#[test]
fn a_shard_changed_after_the_run_is_refused_and_nothing_is_written() {
    let w = World::new();
    let parts: Vec<PathBuf> =
        (1..=2).map(|k| w.run(&format!("part{k}"), &["--shard", &format!("{k}/2")])).collect();
    let out = w.path().join("merged");

    // One value of draws.arrow edited in place: 1e9 where the run wrote another value.
    let arrow = parts[0].join("draws.arrow");
    let original = std::fs::read(&arrow).unwrap();
    let csv = std::fs::read_to_string(parts[0].join("draws.csv")).unwrap();
    let value: f64 = csv.lines().nth(1).unwrap().rsplit(',').next().unwrap().parse().unwrap();
    let at = original
        .windows(8)
        .position(|b| b == value.to_le_bytes())
        .expect("the first value is in the Arrow file");
    let mut edited = original.clone();
    edited[at..at + 8].copy_from_slice(&1e9f64.to_le_bytes());
    std::fs::write(&arrow, &edited).unwrap();
    let err = merge_refused(&w, &parts, &out);
    assert!(err.contains("part1/draws.arrow"), "{err}");
    assert!(err.contains("SHA-256"), "{err}");
    std::fs::write(&arrow, &original).unwrap();

    // draws.csv truncated (merge reads only the Arrow files, but every file is checked).
    let csv_path = parts[1].join("draws.csv");
    let text = std::fs::read(&csv_path).unwrap();
    std::fs::write(&csv_path, &text[..text.len() / 2]).unwrap();
    let err = merge_refused(&w, &parts, &out);
    assert!(err.contains("part2/draws.csv") && err.contains("SHA-256"), "{err}");
    std::fs::write(&csv_path, &text).unwrap();

    // A file deleted.
    let params = parts[1].join("parameters.arrow");
    let bytes = std::fs::read(&params).unwrap();
    std::fs::remove_file(&params).unwrap();
    let err = merge_refused(&w, &parts, &out);
    assert!(err.contains("part2/parameters.arrow"), "{err}");
    std::fs::write(&params, &bytes).unwrap();

    // A manifest without checksums (an older layout, or edited) cannot be checked.
    let manifest_path = parts[0].join("manifest.json");
    let manifest = std::fs::read_to_string(&manifest_path).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    v["format"] = "coherence-scenario-run/1".into();
    v["files"] = serde_json::json!(FILES);
    std::fs::write(&manifest_path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let err = merge_refused(&w, &parts, &out);
    assert!(err.contains("part1/manifest.json") && err.contains("no SHA-256"), "{err}");
    std::fs::write(&manifest_path, &manifest).unwrap();

    // A merge over its memory limit is refused before anything is written.
    let result = w
        .cmd()
        .args(["scenario", "merge"])
        .args(&parts)
        .arg("--out")
        .arg(&out)
        .args(["--max-memory", "10KB"])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&result.get_output().stderr).into_owned();
    assert!(err.contains("over the limit of 9.8 KiB") && err.contains("--max-memory"), "{err}");
    assert!(!out.exists());

    // Restored, the shards merge.
    w.cmd()
        .args(["-q", "scenario", "merge"])
        .args(&parts)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
}

/// An option named like a formula: every CSV of the run (its files, a merge of its
/// shards, `scenario run --format csv`, `scenario compare --format csv`) writes it as
/// text, a `'` before it; the merged shards still equal the full run, and `compare`
/// finds the option by its name as written in the scenario.
#[test]
fn an_option_named_like_a_formula_is_text_in_every_csv() {
    const LINK: &str = "=HYPERLINK(\"http://example.invalid\",\"x\")";
    let quoted = "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"";
    let w = World::new();
    let text = std::fs::read_to_string(w.path().join("scenario.toml")).unwrap();
    let text = text.replacen("name = \"sdg-3pct-2030\"", &format!("name = '{LINK}'"), 1);
    assert!(text.contains(LINK), "the example has the option renamed");
    std::fs::write(w.path().join("scenario.toml"), text).unwrap();
    let full = w.run("full", &[]);
    for f in ["draws.csv", "parameters.csv", "summary.csv"] {
        let csv = std::fs::read_to_string(full.join(f)).unwrap();
        let field = [format!(",{quoted},"), format!("\n{quoted},")];
        assert!(field.iter().any(|q| csv.contains(q.as_str())), "{f}");
        assert!(!csv.contains(",\"=HYPERLINK"), "{f}");
    }
    let parts: Vec<PathBuf> =
        (1..=2).map(|k| w.run(&format!("part{k}"), &["--shard", &format!("{k}/2")])).collect();
    let merged = w.path().join("merged");
    w.cmd()
        .args(["-q", "scenario", "merge"])
        .args(&parts)
        .arg("--out")
        .arg(&merged)
        .assert()
        .success();
    assert_same_files(&full, &merged);
    let run = w
        .cmd()
        .args(["--format", "csv", "scenario", "run"])
        .arg(w.path().join("scenario.toml"))
        .args(["--draws", "21", "--seed", "9"])
        .assert()
        .success();
    let stdout = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains(&format!("\n{quoted},")), "{stdout}");
    let compare = w
        .cmd()
        .args(["--format", "csv", "scenario", "compare", "--options", LINK])
        .arg("sdg-3pct-2030-with-response")
        .arg(&full)
        .assert()
        .success();
    let stdout = String::from_utf8(compare.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains(&format!("\n{quoted},sdg-3pct-2030-with-response,")), "{stdout}");
}

/// `scenario example NAME --corridor ORIGIN:DEST` on the demo corridor: the file runs
/// as written, its quota is the corridor's deployments with their source, and a model
/// whose required parameters nothing gives says which are left to set.
#[test]
fn a_corridor_example_runs_as_written_and_says_what_it_leaves_unset() {
    let w = World::new();
    let out = w
        .cmd()
        .args(["scenario", "example", "temporary-scheme", "--corridor", "XAA:XAB"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("[baseline]\ncorridor = \"XAA-XAB\"\nyear = 2024\n"), "{text}");
    let quota = text.lines().find(|l| l.starts_with("# quota = ")).unwrap();
    assert!(quota.contains("baseline corridor_deployments") && quota.contains("deployments.csv"));
    assert!(out.get_output().stderr.is_empty(), "nothing left to set");
    // The file fits the stock and remittances it observes; a smaller fit than the
    // default keeps the test short (the settings are the file's to change).
    assert!(text.contains("[calibration.targets]\nworkers_present = \"corridor_stock\"\n"));
    let small = text.replace(
        "[calibration]\n",
        "[calibration]\nparticles = 40\nmax_simulations = 2000\nsimulated_size = 400\ntolerance = 0.15\n",
    );
    // Pelaria's 1,079,990 emigrants in Brevmark are a settled diaspora: 37,893
    // departures a year cannot make them in 20 years, renewing 95 % of contracts. The
    // fit says so, and nothing runs from it.
    let file = w.write("xaa-xab.toml", &small);
    let out = w.cmd().args(["scenario", "calibrate"]).arg(&file).assert().failure();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(report.contains("(temporary-scheme): NOT reached"), "{report}");
    let line = report.lines().find(|l| l.starts_with("workers_present (year 20;")).unwrap();
    assert!(line.contains(" 1,079,990 ") && line.contains(" -5"), "{report}");
    assert!(report.contains("baseline corridor_stock: Coherence demo world"), "{report}");
    assert!(stderr.contains("did not reach its tolerance of 0.15"), "{stderr}");
    let out = w
        .cmd()
        .args(["-q", "scenario", "run"])
        .arg(&file)
        .args(["--draws", "8"])
        .assert()
        .failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("xaa-xab.toml: the calibration did not reach its tolerance"),
        "{stderr}"
    );
    // What stands in the way: the target furthest off, the parameter at its prior's end.
    assert!(stderr.contains("`workers_present` is -5"), "{stderr}");
    assert!(stderr.contains("`p_renew` is at the upper end of its prior (0.95)"), "{stderr}");
    // Even with -q, the fit that failed is shown before the error.
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(report.contains("NOT reached") && report.contains("summary year 19"), "{report}");
    // The CSV says whether the fit was reached.
    let out =
        w.cmd().args(["--format", "csv", "scenario", "calibrate"]).arg(&file).assert().failure();
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(csv.lines().nth(1).unwrap().starts_with("fit,not reached,,0.15,"), "{csv}");

    // A stock a scheme can hold (its workers, say, from a survey), at Brevmark's wages,
    // is reached.
    let reachable = small
        .replace(
            "workers_present = \"corridor_stock\"",
            "workers_present = { value = 200000, source = \"scheme workers present (test)\" }",
        )
        .replace("[option.parameters]\n", "[option.parameters]\nwage_usd_month = 3000\n");
    let file = w.write("reachable.toml", &reachable);
    let out = w.cmd().args(["scenario", "calibrate"]).arg(&file).assert().success();
    let report = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(report.contains("(temporary-scheme): reached"), "{report}");
    assert!(report.contains("p_renew") && report.contains("uniform [0, 0.95]"), "{report}");
    let json =
        w.cmd().args(["--format", "json", "scenario", "calibrate"]).arg(&file).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(json["reached"], true);
    for t in json["targets"].as_array().unwrap() {
        let gap = t["modelled"]["p50"].as_f64().unwrap() / t["observed"].as_f64().unwrap() - 1.0;
        assert!(gap.abs() <= 0.15, "{t}");
    }
    let dir = w.path().join("xaa-xab");
    w.cmd()
        .args(["-q", "scenario", "run"])
        .arg(&file)
        .args(["--draws", "8", "--out"])
        .arg(&dir)
        .assert()
        .success();
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    assert!(manifest.contains("baseline corridor_deployments (Coherence demo world"), "{manifest}");
    assert!(
        manifest.contains("calibrated on option \\\"as-observed\\\" to the observed workers_present, remittances_received"),
        "{manifest}"
    );
    // The brief shows the baseline against what is observed before the options.
    let brief = w.path().join("xaa-fit.html");
    w.cmd()
        .args(["-q", "report", "XAA", "-o"])
        .arg(&brief)
        .arg("--scenario")
        .arg(&dir)
        .assert()
        .success();
    let html = std::fs::read_to_string(&brief).unwrap();
    let fit = html
        .find("against what is observed (option “as-observed”, calibrated)")
        .expect("fit table");
    let section = html.find("id=\"policy-options\"").expect("policy section");
    let first_chart = section + html[section..].find("<figure>").expect("a chart");
    assert!(section < fit && fit < first_chart, "the fit comes before the options' charts");
    assert!(html[fit..].contains("<td class=\"num\">200,000</td>"), "the observed stock");
    assert!(
        html.contains("scheme workers present (test)") && html.contains("p_renew "),
        "sources and parameters"
    );

    // The demo world stores doctors and nurses, so the skills file models them as the
    // model does, and leaves what nothing gives to set (spending per student, graduates):
    // the physicians-only file of a real corridor is in calibrate_real.rs.
    let out = w
        .cmd()
        .args(["scenario", "example", "skills", "--corridor", "Pelaria:Brevmark", "--year", "2020"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(text.contains("year = 2020") && text.contains("# spend_primary_usd = ?"), "{text}");
    assert!(stderr.contains("spend_primary_usd") && stderr.contains("NOT SET"), "{stderr}");

    // A corridor without any figure, and a malformed corridor.
    let err = w
        .cmd()
        .args(["scenario", "example", "temporary-scheme", "--corridor", "XAG:XAE"])
        .assert()
        .failure();
    let err = String::from_utf8(err.get_output().stderr.clone()).unwrap();
    assert!(err.contains("holds no figure of the corridor Maruvia (XAG)"), "{err}");
    w.cmd().args(["scenario", "example", "skills", "--corridor", "XAA-XAB"]).assert().failure();
    // A year no scenario file may name is refused here, not by the run.
    let err = w
        .cmd()
        .args(["scenario", "example", "skills", "--corridor", "XAA:XAB", "--year", "3000"])
        .assert()
        .failure();
    let err = String::from_utf8(err.get_output().stderr.clone()).unwrap();
    assert!(err.contains("baseline year 3000: expected a year from 1800 to 2300"), "{err}");
}

/// The Python interpreter with pyarrow and duckdb: `$COHERENCE_PYTHON` (`.ci/run` sets
/// it to a virtual environment with both from PyPI), else `python3` if it has them.
/// Outside CI, without them, the check is skipped with a visible message; under
/// `CI=true` they must be there.
#[allow(clippy::print_stderr, reason = "says visibly that the check was skipped")]
fn python_with_pyarrow_and_duckdb() -> Option<String> {
    let candidates = std::env::var("COHERENCE_PYTHON").into_iter().chain(["python3".to_owned()]);
    let found = candidates.into_iter().find(|py| {
        std::process::Command::new(py)
            .args(["-c", "import pyarrow.parquet, duckdb"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but no Python with pyarrow and duckdb (set COHERENCE_PYTHON; .ci/run installs them)"
        );
        eprintln!("SKIPPED: pyarrow or duckdb not found; the Parquet files are not read back");
    }
    found
}

/// `--format parquet` writes the draws as Hive-partitioned Parquet files, listed in the
/// manifest with their SHA-256; two shards add their parts to the same folders; pyarrow
/// and DuckDB read the folder as one table whose counts and means per option, output and
/// year are the summary's.
#[test]
fn parquet_draws_read_by_pyarrow_and_duckdb_total_the_summary() {
    let w = World::new();
    let full = w.run("pq", &["--format", "parquet"]);
    let manifest = std::fs::read_to_string(full.join("manifest.json")).unwrap();
    let parts: Vec<PathBuf> = std::fs::read_dir(full.join("draws"))
        .unwrap()
        .map(|d| d.unwrap().path().join("part-00001.parquet"))
        .collect();
    assert_eq!(parts.len(), 3, "one folder per option: {parts:?}");
    for p in &parts {
        let bytes = std::fs::read(p).unwrap();
        assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"), "{}", p.display());
        let name = p.strip_prefix(&full).unwrap().to_str().unwrap();
        assert!(manifest.contains(&format!("\"{name}\"")), "{name} in {manifest}");
        assert!(manifest.contains(&sha256_of(p)), "{name}'s SHA-256");
    }
    // Without --out, and in another command, the format is refused.
    let err = w
        .cmd()
        .args(["--format", "parquet", "scenario", "run"])
        .arg(w.path().join("scenario.toml"))
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&err.get_output().stderr).contains("needs --out"));
    let err = w.cmd().args(["--format", "parquet", "scenario", "models"]).assert().failure();
    assert!(String::from_utf8_lossy(&err.get_output().stderr).contains("is for scenario run"));

    // Shards write part-00001 and part-00002 of the same folders.
    let sharded = w.path().join("sharded");
    for k in 1..=2 {
        w.run(&format!("s{k}"), &["--format", "parquet", "--shard", &format!("{k}/2")]);
        let from = w.path().join(format!("s{k}/draws"));
        for option in std::fs::read_dir(&from).unwrap() {
            let option = option.unwrap();
            let to = sharded.join(option.file_name());
            std::fs::create_dir_all(&to).unwrap();
            for f in std::fs::read_dir(option.path()).unwrap() {
                let f = f.unwrap();
                std::fs::copy(f.path(), to.join(f.file_name())).unwrap();
            }
        }
    }
    let Some(python) = python_with_pyarrow_and_duckdb() else { return };
    let script = r#"
import sys, csv, math
import pyarrow.parquet as pq, duckdb
summary = {(r["option"], r["metric"], r["year"]): (int(r["n"]), float(r["mean"]))
           for r in csv.DictReader(open(sys.argv[2]))}
def check(name, groups):
    assert len(groups) == len(summary), (name, len(groups), len(summary))
    for (o, m, y, n, total) in groups:
        key = (o, m, "" if y is None else str(y))
        sn, smean = summary[key]
        assert n == sn, (name, key, n, sn)
        assert math.isclose(total / n, smean, rel_tol=1e-9, abs_tol=1e-9), (name, key, total / n, smean)
for folder in sys.argv[1], sys.argv[3]:
    t = pq.read_table(folder)
    assert sorted(t.column_names) == ["draw", "metric", "option", "value", "year"], t.schema
    g = t.group_by(["option", "metric", "year"]).aggregate([("value", "count"), ("value", "sum")]).to_pylist()
    check("pyarrow " + folder, [(r["option"], r["metric"], r["year"], r["value_count"], r["value_sum"]) for r in g])
    rows = duckdb.sql(f"select option, metric, year, count(*), sum(value) from read_parquet('{folder}/*/*.parquet', hive_partitioning = true) group by all").fetchall()
    check("duckdb " + folder, rows)
    assert duckdb.sql(f"select count(distinct draw) from read_parquet('{folder}/*/*.parquet')").fetchall()[0][0] == 101
print("ok")
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script])
        .arg(full.join("draws"))
        .arg(full.join("summary.csv"))
        .arg(&sharded)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pyarrow/duckdb failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The "as-observed" option of a corridor example is the corridor as observed: where a
/// model's defaults are a policy (the remittance-cost model's 3 % target, the
/// recruitment model's enforced fee cap), the option sets it aside and the policy is a
/// second option. Before, the option named "as-observed" brought the cost to 3 %.
#[test]
fn a_corridor_example_s_as_observed_option_applies_no_policy() {
    let w = World::new();
    let csv = |model: &str| -> String {
        let out = w
            .cmd()
            .args(["scenario", "example", model, "--corridor", "XAA:XAB"])
            .assert()
            .success();
        assert!(out.get_output().stderr.is_empty(), "{model}: nothing left to set");
        let file = w.write(
            &format!("{model}.toml"),
            std::str::from_utf8(&out.get_output().stdout).unwrap(),
        );
        let run = w
            .cmd()
            .args(["--format", "csv", "scenario", "run"])
            .arg(&file)
            .args(["--draws", "20"])
            .assert()
            .success();
        String::from_utf8(run.get_output().stdout.clone()).unwrap()
    };
    // The summary's median of an output of an option (CSV: option, model, metric, ...).
    let median = |csv: &str, option: &str, output: &str| -> f64 {
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let p50 = header.iter().position(|h| *h == "p50").expect("p50 column");
        let line = csv
            .lines()
            .find(|l| l.starts_with(option) && l.contains(&format!(",{output},")))
            .unwrap_or_else(|| panic!("{option} {output}: {csv}"));
        line.split(',').nth(p50).unwrap().parse().unwrap()
    };
    let cost = csv("remittance-cost");
    let start = median(&cost, "as-observed", "cost_end_pct");
    assert!(start > 5.0, "the demo corridor's observed cost stays: {cost}");
    assert!(median(&cost, "as-observed", "savings_total_usd").abs() < 1e-9);
    assert!((median(&cost, "cost-to-3-percent", "cost_end_pct") - 3.0).abs() < 1e-9);
    assert!(median(&cost, "cost-to-3-percent", "savings_total_usd") > 0.0);

    let fees = csv("recruitment");
    let market = median(&fees, "as-observed", "sdg_10_7_1_mean_no_cap");
    let observed = median(&fees, "as-observed", "sdg_10_7_1_mean");
    assert!((observed - market).abs() < 1e-12, "no cap enforced: {observed} vs {market}");
    assert!(median(&fees, "fee-cap-1-month", "sdg_10_7_1_mean") < market);
}

/// The temporary-scheme example as a sweep over every corridor of the demo world
/// (`[sweep] origin = "*"`), at a test's size: 40 places a year for 5 years (the
/// example's 40,000 for 20 years is the acceptance size of e2e/sweep-acceptance.sh).
/// `transfer_cost` sets the remittance cost that some corridors' baselines lack.
fn sweep_file(w: &World, transfer_cost: bool) -> PathBuf {
    let out = w.cmd().args(["scenario", "example", "temporary-scheme"]).assert().success();
    let example = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut text = String::new();
    for line in example.lines() {
        match line {
            "corridor = \"XAA-XAB\"" => continue,
            "quota = 40000" => text.push_str("quota = 40\n"),
            "years = 20" => text.push_str("years = 5\n"),
            l if l.starts_with("p_reentry") && transfer_cost => {
                text.push_str(&format!("{l}\ntransfer_cost_pct = 7.0\n"));
            }
            l => text.push_str(&format!("{l}\n")),
        }
    }
    text.push_str("\n[sweep]\norigin = \"*\"\n");
    w.write(if transfer_cost { "sweep.toml" } else { "sweep-short.toml" }, &text)
}

/// The sweep's files a merge reproduces.
const SWEEP_FILES: [&str; 5] =
    ["draws.csv", "parameters.csv", "summary.csv", "baselines.json", "manifest.json"];

/// Runs shards `1..=n` of the sweep in parallel processes (as a batch engine would) and
/// merges them into `merged-N`.
fn sweep_sharded(w: &World, file: &Path, n: u32) -> PathBuf {
    let children: Vec<_> = (1..=n)
        .map(|k| {
            let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("coherence"));
            cmd.env_remove("COHERENCE_DB")
                .env("NO_COLOR", "1")
                .arg("--db")
                .arg(test_support::store_arg(&w.path().join("w.sqlite")))
                .args(["-q", "scenario", "run"])
                .arg(file)
                .args(["--draws", "10", "--seed", "3", "--threads", "1", "--shard"])
                .arg(format!("{k}/{n}"))
                .arg("--out")
                .arg(w.path().join(format!("sweep-{n}-{k}")))
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a shard of {n} failed");
    }
    let merged = w.path().join(format!("merged-{n}"));
    let mut cmd = w.cmd();
    cmd.args(["-q", "scenario", "merge"]);
    for k in (1..=n).rev() {
        cmd.arg(w.path().join(format!("sweep-{n}-{k}")));
    }
    cmd.arg("--out").arg(&merged).assert().success();
    merged
}

/// A sweep over every corridor of the demo world: a corridor whose baseline lacks a
/// value a model needs refuses the sweep, naming it and the key; run as 1 process, as
/// 4 shards and as 7 shards, the merged files are the same bytes; pyarrow and DuckDB
/// read its Parquet folder (partitioned by baseline and option) as one table whose
/// counts and means are the summary's.
#[test]
fn a_sweep_over_every_corridor_merges_to_the_same_bytes_from_any_shard_count() {
    let w = World::new();
    let short = sweep_file(&w, false);
    let mut cmd = w.cmd();
    cmd.args(["scenario", "run"]).arg(&short).arg("--out").arg(w.path().join("no"));
    let err = String::from_utf8_lossy(&cmd.assert().failure().get_output().stderr).into_owned();
    assert!(err.contains("sweep, corridor XAA-XAD"), "{err}");
    assert!(err.contains("corridor_cost_pct") && err.contains("transfer_cost_pct"), "{err}");

    let file = sweep_file(&w, true);
    let full = w.path().join("sweep-full");
    w.cmd()
        .args(["-q", "--format", "parquet", "scenario", "run"])
        .arg(&file)
        .args(["--draws", "10", "--seed", "3", "--out"])
        .arg(&full)
        .assert()
        .success();
    let draws = std::fs::read_to_string(full.join("draws.csv")).unwrap();
    assert!(draws.starts_with("baseline,draw,option,metric,year,value\nXAA-XAB,0,"), "{draws:.80}");
    let summary = std::fs::read_to_string(full.join("summary.csv")).unwrap();
    let corridors: std::collections::BTreeSet<&str> =
        summary.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(corridors.len(), 40, "every corridor of the demo world: {corridors:?}");
    let baselines = std::fs::read_to_string(full.join("baselines.json")).unwrap();
    assert!(
        baselines.contains("\"baseline\": \"XAH-XAF\"") && baselines.contains("corridor_stock")
    );

    for n in [4, 7] {
        let merged = sweep_sharded(&w, &file, n);
        for f in SWEEP_FILES {
            // The manifest of a Parquet run also lists its Parquet files: compare the
            // others' bytes with a run without them.
            if f == "manifest.json" {
                continue;
            }
            let a = std::fs::read(full.join(f)).unwrap();
            let b = std::fs::read(merged.join(f)).unwrap();
            assert!(a == b, "{f} differs between the whole sweep and {n} shards merged");
        }
        if n == 4 {
            let m = std::fs::read_to_string(merged.join("manifest.json")).unwrap();
            assert!(m.contains("\"shard\": \"1/1\""), "{m}");
        }
    }
    let m4 = std::fs::read(w.path().join("merged-4/manifest.json")).unwrap();
    let m7 = std::fs::read(w.path().join("merged-7/manifest.json")).unwrap();
    assert!(m4 == m7, "the merged manifests differ between 4 and 7 shards");
    // A missing shard is named, not merged.
    let err = merge_refused(
        &w,
        &[w.path().join("sweep-4-1"), w.path().join("sweep-4-3"), w.path().join("sweep-4-4")],
        &w.path().join("gap"),
    );
    assert!(err.contains("are in no part: a shard is missing"), "{err}");

    // A list is run in grid order; a pattern and a stock threshold select from the store.
    let text = std::fs::read_to_string(&file).unwrap();
    let select = |name: &str, sweep: &str| {
        let f = w.write(name, &text.replace("origin = \"*\"", sweep));
        let out = w.path().join(format!("{name}.out"));
        let mut cmd = w.cmd();
        cmd.args(["-q", "scenario", "run"]).arg(&f).args(["--draws", "1", "--out"]).arg(&out);
        let result = cmd.assert();
        let o = result.get_output();
        let summary = std::fs::read_to_string(out.join("summary.csv")).unwrap_or_default();
        let mut codes: Vec<String> =
            summary.lines().skip(1).map(|l| l.split(',').next().unwrap().to_owned()).collect();
        codes.dedup();
        (codes, String::from_utf8_lossy(&o.stderr).into_owned())
    };
    let (codes, _) = select("list.toml", "corridors = [\"XAB-XAC\", \"XAA-XAB\"]");
    assert_eq!(codes, ["XAA-XAB", "XAB-XAC"]);
    let (codes, _) = select("origin.toml", "origin = \"XAA\"");
    assert!(codes.len() == 7 && codes.iter().all(|c| c.starts_with("XAA-")), "{codes:?}");
    let (codes, _) = select("big.toml", "min_stock = 100000");
    assert!(!codes.is_empty() && codes.len() < 40, "{codes:?}");
    let (codes, err) = select("none.toml", "min_stock = 1e12");
    assert!(codes.is_empty() && err.contains("[sweep] selects 0 corridors"), "{err}");

    let Some(python) = python_with_pyarrow_and_duckdb() else { return };
    let script = r#"
import sys, csv, math
import pyarrow.parquet as pq, duckdb
summary = {(r["baseline"], r["option"], r["metric"], r["year"]): (int(r["n"]), float(r["mean"]))
           for r in csv.DictReader(open(sys.argv[2]))}
def check(name, groups):
    assert len(groups) == len(summary), (name, len(groups), len(summary))
    for (b, o, m, y, n, total) in groups:
        key = (b, o, m, "" if y is None else str(y))
        sn, smean = summary[key]
        assert n == sn, (name, key, n, sn)
        assert math.isclose(total / n, smean, rel_tol=1e-9, abs_tol=1e-9), (name, key, total / n, smean)
folder = sys.argv[1]
t = pq.read_table(folder)
assert sorted(t.column_names) == ["baseline", "draw", "metric", "option", "value", "year"], t.schema
g = t.group_by(["baseline", "option", "metric", "year"]).aggregate([("value", "count"), ("value", "sum")]).to_pylist()
check("pyarrow", [(r["baseline"], r["option"], r["metric"], r["year"], r["value_count"], r["value_sum"]) for r in g])
rows = duckdb.sql(f"select baseline, option, metric, year, count(*), sum(value) from read_parquet('{folder}/*/*/*.parquet', hive_partitioning = true) group by all").fetchall()
check("duckdb", rows)
print("ok")
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script])
        .arg(full.join("draws"))
        .arg(full.join("summary.csv"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pyarrow/duckdb failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
