//! `coherence assess` and `coherence matrix`, end to end.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

fn coherence() -> Command {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env("COHERENCE_DB", dir.path().join("unused.sqlite")).env_remove("COHERENCE_LOG");
    cmd
}

fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn the_pelaria_example_scores_with_exact_bands() {
    let v = json(
        coherence()
            .args(["assess", "XAA", "--format", "json", "--answers"])
            .arg(repo("examples/pelaria-sdg-10.7.2.csv")),
    );
    let a = &v["assessment"];
    assert_eq!(v["country"], "XAA");
    assert_eq!(a["framework"], "sdg-10.7.2");
    assert_eq!(a["overall"]["percent_exact"], "200/3");
    assert_eq!(a["overall"]["band"]["label"], "Partially meets");
    // Domain 1: 1 + 1 + ½ + ½ + 1 = 4 of 5 → exactly 80, the inclusive lower edge of "Meets".
    assert_eq!(a["domains"][0]["score"]["percent_exact"], "80");
    assert_eq!(a["domains"][0]["score"]["band"]["code"], 3);
    // Domain 5: 2 of 5 → exactly 40, the lower edge of "Partially meets".
    assert_eq!(a["domains"][4]["score"]["percent_exact"], "40");
    assert_eq!(a["domains"][4]["score"]["band"]["code"], 2);

    coherence()
        .args(["assess", "--answers"])
        .arg(repo("examples/pelaria-sdg-10.7.2.csv"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("66.67 (exactly 200/3)")
                .and(predicate::str::contains("Fully meets")),
        );

    let csv = coherence()
        .args(["assess", "XAA", "--format", "csv", "--answers"])
        .arg(repo("examples/pelaria-sdg-10.7.2.csv"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(csv).unwrap();
    assert_eq!(csv.lines().count(), 1 + 30 + 6 + 1);
    assert!(csv.contains("XAA,sdg-10.7.2,item,1,1c,yes-regular-only,1/2,1,,,,"), "{csv}");
}

/// `coherence` on the store `db`, as the user `env-user`.
fn coherence_on(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env_remove("COHERENCE_LOG")
        .env("USER", "env-user")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

/// A store with the demo world loaded.
fn demo(dir: &Path) -> PathBuf {
    let db = dir.join("w.sqlite");
    coherence_on(&db).current_dir(dir).args(["-q", "demo"]).assert().success();
    db
}

#[test]
fn a_country_without_answers_gets_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    coherence_on(&db).args(["assess", "XAA"]).assert().failure().stderr(
        predicate::str::contains("no answers to sdg-10.7.2 are stored for XAA").and(
            predicate::str::contains(
                "coherence assess XAA --framework sdg-10.7.2 --answers FILE.csv --store",
            ),
        ),
    );
    coherence_on(&db).args(["assess", "XAA", "--history"]).assert().success().stdout(
        predicate::str::contains("No answers are stored for XAA")
            .and(predicate::str::contains("--store")),
    );
    coherence().args(["assess", "XAA", "--framework", "sdg"]).assert().failure().stderr(
        predicate::str::contains(
            "built-in frameworks: sdg-10.7.2, pcmd-origin, pcmd-destination, mgi-checklist",
        ),
    );
}

#[test]
fn stored_answers_score_as_the_file_does_and_are_versioned() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let file = repo("examples/pelaria-sdg-10.7.2.csv");
    let from_file =
        json(coherence_on(&db).args(["assess", "XAA", "--format", "json", "--answers"]).arg(&file));
    // Scoring a file stores nothing.
    coherence_on(&db).args(["assess", "XAA"]).assert().failure();
    let profile = json(coherence_on(&db).args(["profile", "XAA", "--format", "json"]));
    assert!(profile["assessments"].as_array().unwrap().is_empty());
    let gaps = profile["gaps"].to_string();
    assert!(
        gaps.contains(r#""action":"store_answers","country":"XAA","framework":"sdg-10.7.2""#),
        "{gaps}"
    );
    let table = coherence_on(&db).args(["profile", "XAA"]).assert().success();
    let table = String::from_utf8(table.get_output().stdout.clone()).unwrap();
    assert!(table.contains("coherence assess XAA --answers FILE.csv --store"), "{table}");

    let stored = json(
        coherence_on(&db)
            .args(["assess", "Pelaria", "--format", "json", "--store", "--answers"])
            .arg(&file)
            .args(["--reason", "2025 Inquiry round"]),
    );
    assert_eq!(stored["status"], "added");
    assert_eq!(stored["country"], "XAA");
    assert_eq!(stored["answers"]["version"], 1);
    assert_eq!(stored["answers"]["stored_by"], "env-user");
    assert_eq!(stored["answers"]["reason"], "2025 Inquiry round");
    assert_eq!(stored["answers"]["n_answers"], 30);
    assert_eq!(stored["assessment"], from_file["assessment"]);
    // Storing the same answers again changes nothing.
    let again = json(
        coherence_on(&db)
            .args(["assess", "XAA", "--format", "json", "--store", "--user", "other", "--answers"])
            .arg(&file),
    );
    assert_eq!(again["status"], "unchanged");
    assert_eq!(again["answers"], stored["answers"]);

    // `assess XAA` alone scores the stored answers: the same score, and says which.
    let alone = json(coherence_on(&db).args(["assess", "XAA", "--format", "json"]));
    assert_eq!(alone["assessment"], from_file["assessment"]);
    assert_eq!(alone["assessment"]["overall"]["percent_exact"], "200/3");
    assert_eq!(alone["answers"], stored["answers"]);
    coherence_on(&db).args(["assess", "XAA"]).assert().success().stdout(
        predicate::str::contains("Answers: version 1, from ")
            .and(predicate::str::contains("pelaria-sdg-10.7.2.csv, stored 20"))
            .and(predicate::str::contains("by env-user (2025 Inquiry round)"))
            .and(predicate::str::contains("66.67 (exactly 200/3)")),
    );
    let csv = coherence_on(&db).args(["assess", "XAA", "--format", "csv"]).assert().success();
    let csv = String::from_utf8(csv.get_output().stdout.clone()).unwrap();
    assert!(csv.contains("XAA,sdg-10.7.2,item,1,1c,yes-regular-only,1/2,1,,,,"), "{csv}");

    // The profile shows the stored scores with the answers' provenance.
    let profile = json(coherence_on(&db).args(["profile", "XAA", "--format", "json"]));
    let a = &profile["assessments"][0];
    assert_eq!(a["framework"], "sdg-10.7.2");
    assert_eq!(a["overall"]["percent_exact"], "200/3");
    assert_eq!(a["overall"]["band"]["label"], "Partially meets");
    assert_eq!(a["domains"][0]["score"]["band"]["label"], "Meets");
    assert_eq!(a["domains"][5]["score"]["band"]["label"], "Fully meets");
    assert_eq!(a["answers"], stored["answers"]);
    assert!(!profile["gaps"].to_string().contains("SDG 10.7.2"), "{}", profile["gaps"]);
    let csv = coherence_on(&db).args(["profile", "XAA", "--format", "csv"]).assert().success();
    let csv = String::from_utf8(csv.get_output().stdout.clone()).unwrap();
    let overall = csv.lines().find(|l| l.starts_with("XAA,sdg-10.7.2_overall,")).unwrap();
    assert!(overall.contains("band 2 Partially meets; exactly 200/3"), "{overall}");
    assert!(overall.contains("by env-user: 2025 Inquiry round"), "{overall}");

    // New answers make version 2; version 1 stays readable.
    let text = std::fs::read_to_string(&file).unwrap().replace("5b,no,", "5b,yes,");
    let newer = dir.path().join("pelaria-2026.csv");
    std::fs::write(&newer, text).unwrap();
    let v2 = json(
        coherence_on(&db)
            .args(["assess", "XAA", "--format", "json", "--store", "--answers"])
            .arg(&newer),
    );
    assert_eq!(v2["status"], "added");
    assert_eq!(v2["answers"]["version"], 2);
    assert_eq!(v2["answers"]["reason"], format!("answers from {}", newer.display()));
    let latest = json(coherence_on(&db).args(["assess", "XAA", "--format", "json"]));
    assert_eq!(latest["answers"]["version"], 2);
    assert_eq!(latest["assessment"]["domains"][4]["score"]["percent_exact"], "60");
    let old = json(coherence_on(&db).args([
        "assess",
        "XAA",
        "--format",
        "json",
        "--stored-version",
        "1",
    ]));
    assert_eq!(old["assessment"], from_file["assessment"]);
    coherence_on(&db).args(["assess", "XAA", "--stored-version", "3"]).assert().failure().stderr(
        predicate::str::contains(
            "version 3 of the sdg-10.7.2 answers for XAA is not stored; stored versions: 1, 2",
        ),
    );
    let history = json(coherence_on(&db).args(["assess", "XAA", "--history", "--format", "json"]));
    let versions: Vec<i64> =
        history.as_array().unwrap().iter().map(|h| h["version"].as_i64().unwrap()).collect();
    assert_eq!(versions, [1, 2]);

    // The brief shows the latest stored assessment.
    let html = dir.path().join("pelaria.html");
    coherence_on(&db).args(["report", "XAA", "-o"]).arg(&html).assert().success();
    let html = std::fs::read_to_string(&html).unwrap();
    let section = &html[html.find("id=\"assessments\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(
        section.contains("Answers: version 2 of the <code>sdg-10.7.2</code> answers"),
        "{section}"
    );
    assert!(section.contains("pelaria-2026.csv"), "{section}");
    assert!(section.contains("stored 20") && section.contains("by env-user"), "{section}");
    assert!(section.contains("Migrant rights"), "{section}");
    assert!(section.contains("3 — Meets"), "{section}");
    assert!(html.contains("<a href=\"#assessments\">"));
}

#[test]
fn a_malformed_answers_file_is_not_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let answers = dir.path().join("bad.csv");
    std::fs::write(&answers, "item,answer\n1a,yes-all\n1b,perhaps\n").unwrap();
    coherence_on(&db)
        .args(["assess", "XAA", "--store", "--answers"])
        .arg(&answers)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.csv, row 3, column answer"));
    let history = json(coherence_on(&db).args(["assess", "XAA", "--history", "--format", "json"]));
    assert!(history.as_array().unwrap().is_empty(), "{history}");
    // --store needs the country; an unknown country is refused before anything is stored.
    let file = repo("examples/pelaria-sdg-10.7.2.csv");
    coherence_on(&db)
        .args(["assess", "--store", "--answers"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--store needs the COUNTRY"));
    coherence_on(&db)
        .args(["assess", "Atlantis", "--store", "--answers"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no country or area matches \"Atlantis\""));
    coherence_on(&db)
        .args(["assess", "XAA", "--store", "--reason", " ", "--answers"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("every stored set of answers needs a reason")
                .and(predicate::str::contains("pass --reason")),
        );
    let history = json(coherence_on(&db).args(["assess", "XAA", "--history", "--format", "json"]));
    assert!(history.as_array().unwrap().is_empty(), "{history}");
}

#[test]
fn other_frameworks_and_the_list() {
    coherence()
        .args(["assess", "XAB", "--framework", "pcmd-destination", "--answers"])
        .arg(repo("examples/brevmark-pcmd-destination.csv"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Coherence's adaptation")
                .and(predicate::str::contains("33.33 (exactly 100/3)")),
        );
    coherence().args(["assess", "--list"]).assert().success().stdout(
        predicate::str::contains("mgi-checklist").and(predicate::str::contains("30 items")),
    );
}

#[test]
fn a_checklist_is_tallied_never_ranked() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("mgi.csv");
    std::fs::write(
        &answers,
        "item,answer\nm1.1,complete\nm1.2,partial\nm1.3,absent\nm2.1,complete\n",
    )
    .unwrap();
    let v = json(
        coherence()
            .args(["assess", "--framework", "mgi-checklist", "--format", "json", "--answers"])
            .arg(&answers),
    );
    assert!(v["assessment"]["overall"].is_null());
    assert!(v["assessment"]["domains"].as_array().unwrap().iter().all(|d| d["score"].is_null()));
    assert_eq!(v["assessment"]["domains"][0]["tally"][2]["count"], 1);
    coherence()
        .args(["assess", "--framework", "mgi-checklist", "--answers"])
        .arg(&answers)
        .assert()
        .success()
        .stdout(predicate::str::contains("never scored or ranked"));
}

#[test]
fn malformed_inputs_name_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let framework = dir.path().join("bad.toml");
    let text = std::fs::read_to_string(repo("frameworks/sdg-10.7.2.toml")).unwrap().replacen(
        "points = \"1/2\"",
        "points = 0.5",
        1,
    );
    std::fs::write(&framework, text).unwrap();
    let answers = dir.path().join("answers.csv");
    std::fs::write(&answers, "item,answer\n1a,yes\n").unwrap();
    coherence()
        .args(["assess", "--framework-file"])
        .arg(&framework)
        .arg("--answers")
        .arg(&answers)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.toml, row 19, column points"));
    coherence().args(["assess", "--answers"]).arg(&answers).assert().failure().stderr(
        predicate::str::contains("answers.csv, row 2, column answer")
            .and(predicate::str::contains("yes-all, yes-regular-only, no")),
    );
    let matrix = dir.path().join("m.csv");
    std::fs::write(&matrix, "assessor,from,to,score,rationale\nA,x,y,5,r\n").unwrap();
    coherence()
        .args(["matrix", "metrics"])
        .arg(&matrix)
        .assert()
        .failure()
        .stderr(predicate::str::contains("m.csv, row 2, column score"));
}

#[test]
fn matrix_metrics_and_exports() {
    let file = repo("examples/pelaria-brevmark-matrix.csv");
    coherence().args(["matrix", "metrics"]).arg(&file).assert().success().stdout(
        predicate::str::contains("-2 Brevmark nurse recruitment → Pelaria health coverage")
            .and(predicate::str::contains("algebraic"))
            .and(predicate::str::contains("assessors disagree").not()),
    );
    let v = json(
        coherence()
            .args([
                "matrix",
                "metrics",
                "--format",
                "json",
                "--sign-convention",
                "negative-dominant",
            ])
            .arg(&file),
    );
    assert_eq!(v["metrics"]["sign_convention"], "negative-dominant");
    assert_eq!(v["matrix"]["nodes"].as_array().unwrap().len(), 6);
    coherence()
        .args(["matrix", "metrics", "--format", "csv"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("node,out_influence"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.graphml");
    coherence()
        .args(["matrix", "export"])
        .arg(&file)
        .args(["--to", "graphml", "-o"])
        .arg(&out)
        .assert()
        .success();
    let g = std::fs::read_to_string(&out).unwrap();
    assert!(g.contains("<graph id=\"cross-impact\" edgedefault=\"directed\">"));
    assert_eq!(g.matches("<edge ").count(), 8);
    coherence()
        .args(["matrix", "export"])
        .arg(&file)
        .args(["--to", "cells-csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("MoL Pelaria: Recruitment drains"));
}

/// Issue #21, finding 4: by default a second-order path counts its product divided by 3
/// and paths back to the start (i → j → i) are left out; both terms are reported beside
/// the combined value, and every output names the options. On METHODS.md §6.1's matrix
/// `S = [[0,2,−1],[1,0,3],[0,−2,0]]`, by hand: second order out (8/3, −1/3, −2/3),
/// combined out (11/3, 11/3, −8/3) and in (1/3, 2/3, 11/3). The raw square with self
/// paths (the vector's own convention) stays available and gives (11, −1, −10).
#[test]
fn matrix_second_order_is_on_the_score_scale_without_self_paths() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.csv");
    std::fs::write(
        &file,
        "assessor,from,to,score,rationale\nA,a,b,2,r\nA,a,c,-1,r\nA,b,a,1,r\nA,b,c,3,r\nA,c,b,-2,r\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        json(coherence().args(["matrix", "metrics", "--format", "json"]).args(extra).arg(&file))
    };
    let nodes = |v: &serde_json::Value, key: &str| -> Vec<serde_json::Value> {
        v["metrics"]["nodes"].as_array().unwrap().iter().map(|n| n[key].clone()).collect()
    };
    let exact = |v: &serde_json::Value, key: &str| -> Vec<String> {
        v["metrics"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["exact"][key].as_str().unwrap_or("missing").to_owned())
            .collect()
    };
    let v = run(&[]);
    assert_eq!(v["metrics"]["second_order_scale"], "divided-by-3");
    assert_eq!(v["metrics"]["self_paths"], "excluded");
    assert_eq!(nodes(&v, "out_influence"), [1.0, 4.0, -2.0]);
    assert_eq!(exact(&v, "second_order_out"), ["8/3", "-1/3", "-2/3"]);
    assert_eq!(exact(&v, "combined_out"), ["11/3", "11/3", "-8/3"]);
    assert_eq!(exact(&v, "combined_in"), ["1/3", "2/3", "11/3"]);
    assert_eq!(nodes(&v, "combined_out"), [11.0 / 3.0, 11.0 / 3.0, -8.0 / 3.0]);
    // The matrix square of METHODS.md §6.1, through explicit options.
    let square = run(&["--second-order", "raw", "--include-self-paths"]);
    assert_eq!(square["metrics"]["second_order_scale"], "raw");
    assert_eq!(square["metrics"]["self_paths"], "included");
    assert_eq!(exact(&square, "combined_out"), ["11", "-1", "-10"]);
    assert_eq!(
        square["metrics"]["second_order"],
        serde_json::json!([2.0, 2.0, 6.0, 0.0, -4.0, -1.0, -2.0, 0.0, -6.0])
    );
    // The earlier flag still means the default; it cannot be mixed with --second-order.
    assert_eq!(exact(&run(&["--divide-by-3"]), "combined_out"), ["11/3", "11/3", "-8/3"]);
    coherence()
        .args(["matrix", "metrics", "--divide-by-3", "--second-order", "raw"])
        .arg(&file)
        .assert()
        .failure();
    // Table and CSV show both terms and name the options.
    coherence().args(["matrix", "metrics"]).arg(&file).assert().success().stdout(
        predicate::str::contains("each path's product divided by 3")
            .and(predicate::str::contains("(i → j → i) left out"))
            .and(predicate::str::contains("out 2nd"))
            .and(predicate::str::is_match(r"(?m)^a\s+1\s+2\s+-1\s+2\.67\s+3\.67\s").unwrap()),
    );
    let csv = coherence()
        .args(["matrix", "metrics", "--format", "csv", "--include-self-paths"])
        .arg(&file)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.lines().next().unwrap().ends_with(",sign_convention,second_order_scale,self_paths")
    );
    assert!(csv.lines().nth(1).unwrap().ends_with(",algebraic,divided-by-3,included"), "{csv}");
}

/// SDG 10.7.2's metadata (IMPUTATION) assign a missing answer 0 at country level; the
/// rule of leaving the domain uncomputed stays available through a framework file.
#[test]
fn an_unanswered_10_7_2_item_counts_as_zero_as_its_metadata_say() {
    let dir = tempfile::tempdir().unwrap();
    // The example's answers without item 2a (domain 2).
    let full = std::fs::read_to_string(repo("examples/pelaria-sdg-10.7.2.csv")).unwrap();
    let answers = dir.path().join("partial.csv");
    let partial: Vec<&str> = full.lines().filter(|l| !l.starts_with("2a,")).collect();
    assert_eq!(partial.len() + 1, full.lines().count(), "item 2a is in the example");
    std::fs::write(&answers, partial.join("\n") + "\n").unwrap();
    let a = json(coherence().args(["assess", "--format", "json", "--answers"]).arg(&answers));
    let a = &a["assessment"];
    assert_eq!(a["non_response"], "count-as-zero");
    assert_eq!(a["unanswered"], serde_json::json!(["2a"]));
    assert!(!a["overall"].is_null(), "the overall score is computed: {a}");
    let domain2 = &a["domains"][1];
    assert!(!domain2["score"].is_null(), "domain 2 is computed with 2a as 0: {domain2}");
    // The other rule, from a copy of the framework file.
    let toml = std::fs::read_to_string(repo("frameworks/sdg-10.7.2.toml")).unwrap();
    let strict = dir.path().join("sdg-strict.toml");
    std::fs::write(
        &strict,
        toml.replace("non_response = \"count-as-zero\"", "non_response = \"domain-not-computed\""),
    )
    .unwrap();
    let b = json(
        coherence()
            .args(["assess", "--format", "json", "--framework-file"])
            .arg(&strict)
            .arg("--answers")
            .arg(&answers),
    );
    let b = &b["assessment"];
    assert!(b["overall"].is_null() && b["domains"][1]["score"].is_null(), "{b}");
    let table = coherence().args(["assess", "--answers"]).arg(&answers).assert().success();
    let text = String::from_utf8(table.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Unanswered items count as 0"), "{text}");
}
