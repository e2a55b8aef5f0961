//! `coherence scenario` on the demo world: the same seed gives the same files whatever
//! the thread count, shards merged equal the full run, and scenario errors name the
//! file, line and field.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB").env("NO_COLOR", "1").arg("--db").arg(db);
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
