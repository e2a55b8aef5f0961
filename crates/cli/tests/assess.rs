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

#[test]
fn a_country_without_answers_gets_a_clear_message() {
    coherence().args(["assess", "XAA"]).assert().failure().stderr(
        predicate::str::contains("no answers to sdg-10.7.2 are stored for XAA yet")
            .and(predicate::str::contains("--answers")),
    );
    coherence().args(["assess", "XAA", "--framework", "sdg"]).assert().failure().stderr(
        predicate::str::contains(
            "built-in frameworks: sdg-10.7.2, pcmd-origin, pcmd-destination, mgi-checklist",
        ),
    );
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
