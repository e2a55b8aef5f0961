//! End-to-end tests of `coherence gravity`: the published ppmlhdfe FTA example (METHODS.md
//! §8 V-G2) reproduced through the command line to the printed digits, JSON output,
//! storing and listing estimates, and the errors a user meets (bad cell, unknown column,
//! non-convergence).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const FTA_MODEL: &str = "trade ~ fta | isoimp^year + isoexp^year + isoimp^isoexp";

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

fn fta_data() -> Option<PathBuf> {
    test_support::shared_data("validation/ppmlhdfe_example_trade_fta_total.csv")
}

/// `coherence gravity` on the FTA example with ppmlhdfe's choices (cluster by pair, Stata
/// small-sample factor).
fn fta_command(db: &Path, data: &Path) -> Command {
    let mut cmd = coherence(db);
    cmd.arg("gravity").arg(data).args([
        "--model",
        FTA_MODEL,
        "--vcov",
        "cluster:isoimp^isoexp",
        "--ssc",
        "stata",
    ]);
    cmd
}

/// A number as printed (thousands separators allowed).
fn printed(text: &str) -> f64 {
    text.replace(',', "").parse().unwrap_or_else(|_| panic!("{text:?} is not a number"))
}

/// Asserts that `value` rounds to `published` at the published number of decimals.
#[track_caller]
fn rounds_to(what: &str, value: f64, published: &str) {
    let decimals = published.split_once('.').map_or(0, |(_, f)| f.len());
    let rounded = format!("{value:.decimals$}");
    assert_eq!(rounded, published, "{what}: {value} does not round to the published {published}");
}

/// The text after `label` on the line that has it, up to the next run of three spaces.
fn field<'a>(stdout: &'a str, label: &str) -> &'a str {
    let start = stdout.find(label).unwrap_or_else(|| panic!("no {label:?} in\n{stdout}"));
    let rest = &stdout[start + label.len()..];
    let end = rest.find(['\n']).unwrap_or(rest.len());
    rest[..end].split("   ").next().unwrap().trim()
}

// V-G2: ppmlhdfe's published output: fta .1924455 (.0419527), N 5,950, 1,190 clusters,
// 11 iterations, deviance 377,332,502.3, log pseudolikelihood −188,710,931.7,
// pseudo-R² 0.9938.
#[test]
fn table_reproduces_published_ppmlhdfe_fta_example() {
    let Some(data) = fta_data() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = fta_command(&dir.path().join("s.sqlite"), &data).assert().success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();

    let fta_line = stdout
        .lines()
        .find(|l| l.starts_with("fta "))
        .unwrap_or_else(|| panic!("no coefficient line in\n{stdout}"));
    let cells: Vec<&str> = fta_line.split_whitespace().collect();
    rounds_to("fta", printed(cells[1]), "0.1924455");
    rounds_to("fta SE", printed(cells[2]), "0.0419527");
    assert_eq!(cells.last(), Some(&"***"), "{fta_line}");

    assert_eq!(field(&stdout, "Observations:"), "5,950");
    assert!(stdout.contains("isoimp^isoexp: 1,190 clusters"), "{stdout}");
    assert!(stdout.contains("Iterations: 11, converged"), "{stdout}");
    assert!(stdout.contains("Removed rows: none"), "{stdout}");
    rounds_to("deviance", printed(field(&stdout, "Deviance:")), "377332502.3");
    rounds_to("log-likelihood", printed(field(&stdout, "Log-likelihood:")), "-188710931.7");
    rounds_to("pseudo-R²", printed(field(&stdout, "Pseudo R²:")), "0.9938");
}

#[test]
fn json_carries_the_same_numbers() {
    let Some(data) = fta_data() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = fta_command(&dir.path().join("s.sqlite"), &data)
        .args(["--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let coef = &v["coefficients"][0];
    assert_eq!(coef["name"], "fta");
    let number = |value: &serde_json::Value| value.as_f64().unwrap();
    // Within half a unit of the last published digit.
    assert!((number(&coef["estimate"]) - 0.1924455).abs() <= 5e-8, "{coef}");
    assert!((number(&coef["std_error"]) - 0.0419527).abs() <= 5e-8, "{coef}");
    assert!((number(&v["deviance"]) - 377_332_502.3).abs() <= 0.05);
    assert!((number(&v["log_likelihood"]) + 188_710_931.7).abs() <= 0.05);
    let se = number(&coef["std_error"]);
    assert!((number(&v["vcov"][0][0]) - se * se).abs() <= 1e-12 * se * se);
    assert_eq!(v["n_obs"], 5950);
    assert_eq!(v["iterations"], 11);
    assert_eq!(v["converged"], true);
    assert_eq!(v["statistic"], "z");
    assert_eq!(v["clusters"][0]["levels"], 1190);
    assert_eq!(v["vcov_type"], "cluster:isoimp^isoexp");
    assert_eq!(v["ssc"], "stata");
    assert_eq!(v["data"]["rows"], 5950);
    assert_eq!(v["data"]["sha256"].as_str().unwrap().len(), 64);
    assert!(v["removed"].as_object().unwrap().values().all(|n| n == 0), "{}", v["removed"]);
}

#[test]
fn store_then_list_round_trips() {
    let Some(data) = fta_data() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    fta_command(&db, &data)
        .args(["--store", "fta-ppmlhdfe"])
        .assert()
        .success()
        .stderr(predicate::str::contains("stored as estimate \"fta-ppmlhdfe\""));
    let out = coherence(&db).args(["gravity", "--list", "--format", "json"]).assert().success();
    let list: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let stored = &list.as_array().unwrap()[0];
    assert_eq!(stored["name"], "fta-ppmlhdfe");
    assert_eq!(stored["estimator"], "ppml");
    assert_eq!(stored["formula"], FTA_MODEL);
    assert_eq!(stored["vcov_type"], "cluster:isoimp^isoexp");
    assert_eq!(stored["ssc"], "stata");
    assert_eq!(stored["n_obs"], 5950);
    assert_eq!(stored["converged"], true);
    assert_eq!(stored["data"]["name"], "ppmlhdfe_example_trade_fta_total.csv");
    assert_eq!(stored["data"]["rows"], 5950);
    let table = coherence(&db).args(["gravity", "--list"]).assert().success();
    let text = String::from_utf8(table.get_output().stdout.clone()).unwrap();
    assert!(text.contains("fta-ppmlhdfe") && text.contains(FTA_MODEL), "{text}");

    // The name is taken: refused without --replace, replaced with it.
    fta_command(&db, &data)
        .args(["--store", "fta-ppmlhdfe"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already stored"));
    fta_command(&db, &data)
        .args(["--store", "fta-ppmlhdfe", "--replace"])
        .assert()
        .success()
        .stderr(predicate::str::contains("replaced"));
    let out = coherence(&db).args(["gravity", "--list", "--format", "json"]).assert().success();
    let list: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn nonconvergence_fails_loudly_unless_allowed() {
    let Some(data) = fta_data() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    fta_command(&db, &data)
        .args(["--max-iter", "1", "--store", "early"])
        .assert()
        .failure()
        .stdout(predicate::str::contains("NOT CONVERGED"))
        .stderr(predicate::str::contains("warning: the IRLS did not converge in 1 iterations"))
        .stderr(predicate::str::contains("error: the fit did not converge"))
        .stderr(predicate::str::contains("nothing was stored"));
    let out = coherence(&db).args(["gravity", "--list", "--format", "json"]).assert().success();
    let list: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(list.as_array().unwrap().is_empty(), "{list}");
    fta_command(&db, &data)
        .args(["--max-iter", "1", "--allow-nonconvergence"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: the IRLS did not converge"));
}

/// A small CSV in a temporary folder.
fn write_csv(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_bad_cell_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "flows.csv", "orig,dest,flow,dist\nA,B,10,1.5\nA,C,n/a?,2.5\n");
    coherence(&dir.path().join("s.sqlite"))
        .arg("gravity")
        .arg(&csv)
        .args(["--model", "flow ~ log(dist) | orig"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "flows.csv: line 3, column \"flow\": \"n/a?\" is not a number",
        ));
}

#[test]
fn an_unknown_column_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let csv = write_csv(dir.path(), "flows.csv", "orig,dest,flow,dist\nA,B,10,1.5\n");
    coherence(&dir.path().join("s.sqlite"))
        .arg("gravity")
        .arg(&csv)
        .args(["--model", "flow ~ log(distance) | orig"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no column \"distance\""))
        .stderr(predicate::str::contains("orig, dest, flow, dist"));
}

#[test]
fn missing_values_and_logs_of_non_positive_values_are_removed_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    // Two origins, four destinations; row 3 has no flow, row 4 a zero distance, row 5 no
    // origin. The rest is a regular panel.
    let csv = write_csv(
        dir.path(),
        "flows.csv",
        "orig,dest,flow,dist\n\
         A,W,10,1.0\nA,X,,2.0\nA,Y,5,0\n,Z,4,2.5\nA,Z,3,4.0\nB,W,8,2.0\nB,X,9,1.0\nB,Y,7,1.5\nB,Z,5,2.0\nA,W,12,1.2\n",
    );
    let out = coherence(&dir.path().join("s.sqlite"))
        .arg("gravity")
        .arg(&csv)
        .args(["--model", "flow ~ log(dist) | orig", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["removed"]["missing"], 2, "{}", v["removed"]);
    assert_eq!(v["removed"]["log_non_positive"], 1, "{}", v["removed"]);
    assert_eq!(v["n_obs"], 7);
    assert_eq!(v["data"]["rows"], 10);
    assert_eq!(v["coefficients"][0]["name"], "log(dist)");
}

#[test]
fn lines_are_right_in_crlf_files_and_for_values_the_estimator_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = "orig,dest,flow,dist,w\r\n".to_owned();
    for i in 0..40 {
        text.push_str(&format!("A,B{i},{},{}.5,1\r\n", i + 1, 1 + i % 3));
    }
    let bad = write_csv(dir.path(), "bad.csv", &text.replace("A,B29,30,", "A,B29,3O,"));
    let db = dir.path().join("s.sqlite");
    coherence(&db)
        .arg("gravity")
        .arg(&bad)
        .args(["--model", "flow ~ log(dist) | orig"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "bad.csv: line 31, column \"flow\": \"3O\" is not a number",
        ));
    let negative = write_csv(dir.path(), "neg.csv", &text.replace("A,B9,10,", "A,B9,-10,"));
    coherence(&db)
        .arg("gravity")
        .arg(&negative)
        .args(["--model", "flow ~ log(dist) | orig"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "neg.csv: line 11, column \"flow\": negative outcome -10",
        ));
    let weight = write_csv(dir.path(), "w.csv", &text.replace("A,B4,5,2.5,1", "A,B4,5,2.5,-1"));
    coherence(&db)
        .arg("gravity")
        .arg(&weight)
        .args(["--model", "flow ~ log(dist) | orig", "--weights", "w"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("w.csv: line 6, column \"w\": negative weight -1"));
}
