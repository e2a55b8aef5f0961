//! End-to-end tests of `coherence estimate` on small fixtures (tests/data/estimate_*.csv:
//! the four-region example of Abel (2013) with the regions named DEU, ESP, FRA, ITA).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB").env("NO_COLOR", "1").arg("--db").arg(db);
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join(name)
}

fn flows_cmd(db: &Path, method: &str, out: &Path) -> Command {
    let mut cmd = coherence(db);
    cmd.args(["estimate", "flows", "--method", method, "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(fixture("estimate_stocks.csv"))
        .arg("--vital")
        .arg(fixture("estimate_vital.csv"))
        .arg("--out")
        .arg(out);
    cmd
}

/// (orig, dest) → flow, checking the header and the period columns.
fn read_flows(path: &Path) -> Vec<(String, String, f64)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("orig,dest,period_start,period_end,flow"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 5, "{l}");
            assert_eq!((f[2], f[3]), ("2015", "2020"), "{l}");
            (f[0].to_owned(), f[1].to_owned(), f[4].parse().unwrap())
        })
        .collect()
}

#[test]
fn every_method_writes_the_columns_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    for method in
        ["sd_drop_neg", "sd_rev_neg", "mig_rate", "da_min_open", "da_min_closed", "da_pb_closed"]
    {
        let out = dir.path().join(format!("{method}.csv"));
        let assert = flows_cmd(&db, method, &out).assert().success();
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(stderr.contains(method) && stderr.contains("4 areas"), "{stderr}");
        assert!(stderr.contains("stocks from"), "inputs are named: {stderr}");
        let rows = read_flows(&out);
        assert!(!rows.is_empty(), "{method}");
        assert!(rows.iter().all(|(o, d, _)| o != d), "{method}: no flows on the diagonal");
    }
}

#[test]
fn minimisation_reproduces_the_published_example() {
    // Abel (2013): total 150, A→C 50, B→A 35 (migest ffs_demo, defaults, no births/deaths).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let out = dir.path().join("f.csv");
    let assert = flows_cmd(&db, "da_min_closed", &out).assert().success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("allocation fit: converged"), "convergence is printed: {stderr}");
    let rows = read_flows(&out);
    let total: f64 = rows.iter().map(|r| r.2).sum();
    assert!((total - 150.0).abs() < 1e-6, "total {total}");
    let get = |o: &str, d: &str| rows.iter().find(|r| r.0 == o && r.1 == d).map_or(0.0, |r| r.2);
    assert!((get("DEU", "FRA") - 50.0).abs() < 1e-6);
    assert!((get("ESP", "DEU") - 35.0).abs() < 1e-6);
}

#[test]
fn flows_can_be_stored_as_a_derived_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let out = dir.path().join("f.csv");
    flows_cmd(&db, "da_pb_closed", &out)
        .arg("--store")
        .assert()
        .success()
        .stderr(predicate::str::contains("added import"));
    let listed = coherence(&db).args(["datasets", "--format", "json"]).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&listed.get_output().stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("estimate-flows.da_pb_closed.2015-2020"), "{text}");
    assert!(text.contains("estimate_stocks.csv"), "the input file is recorded: {text}");
    // The same inputs again change nothing.
    flows_cmd(&db, "da_pb_closed", &out)
        .arg("--store")
        .assert()
        .success()
        .stderr(predicate::str::contains("unchanged import"));
}

#[test]
fn a_bad_stock_row_names_file_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db)
        .args(["estimate", "flows", "--method", "sd_rev_neg", "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(fixture("estimate_stocks_bad.csv"))
        .arg("--out")
        .arg(dir.path().join("f.csv"))
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("estimate_stocks_bad.csv")
                .and(predicate::str::contains("row 3"))
                .and(predicate::str::contains("column value"))
                .and(predicate::str::contains("\"many\"")),
        );
    assert!(!dir.path().join("f.csv").exists(), "no output on error");
}

#[test]
fn an_unknown_method_lists_the_methods() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    flows_cmd(&db, "da_pb_open", &dir.path().join("f.csv")).assert().failure().stderr(
        predicate::str::contains("unknown method \"da_pb_open\"").and(predicate::str::contains(
            "sd_drop_neg, sd_rev_neg, mig_rate, da_min_open, da_min_closed, da_pb_closed",
        )),
    );
}

#[test]
fn demographic_accounting_without_births_and_deaths_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db)
        .args(["estimate", "flows", "--method", "da_min_closed", "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(fixture("estimate_stocks.csv"))
        .arg("--out")
        .arg(dir.path().join("f.csv"))
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("crude birth rate")
                .and(predicate::str::contains("DEU, ESP, FRA, ITA"))
                .and(predicate::str::contains("--vital")),
        );
}

#[test]
fn remittances_without_a_migration_matrix_fail_loudly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db)
        .args(["estimate", "remittances", "--year", "2017", "--out"])
        .arg(dir.path().join("r.csv"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("no bilateral migrant stock"));
}

#[test]
fn remittances_from_the_world_bank_2017_files() {
    let (Some(migration), Some(inflows)) = (
        test_support::shared_data(
            "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
        ),
        test_support::shared_data(
            "knomad_remittance_flows/knomad_remittance_inflows_2000-2022.xlsx",
        ),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).arg("-q").arg("import").arg(&migration).arg(&inflows).assert().success();
    let out = dir.path().join("r.csv");
    let assert = coherence(&db)
        .args(["estimate", "remittances", "--year", "2017", "--zero-corridor", "KOR:PRK", "--out"])
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("stock weights") && stderr.contains("KOR–PRK"), "{stderr}");
    assert!(stderr.contains("IND–PAK, LBN–ISR, AZE–ARM"), "{stderr}");
    assert!(stderr.contains("Other North"), "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("sender,receiver,year,usd_millions"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.len() > 5000, "{}", rows.len());
    assert!(rows.iter().all(|r| r.len() == 4 && r[2] == "2017"));
    for (a, b) in [("IND", "PAK"), ("PAK", "IND"), ("KOR", "PRK"), ("ISR", "LBN")] {
        assert!(!rows.iter().any(|r| r[0] == a && r[1] == b), "{a}→{b} is a zero corridor");
    }
}
