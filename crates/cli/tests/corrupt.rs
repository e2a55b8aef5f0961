//! A damaged workbook is refused as corrupt and nothing is stored (issue "Hardening",
//! item 2). The damaged copy is made by the test.

use assert_cmd::Command;
use predicates::prelude::*;

#[test]
fn a_workbook_with_a_flipped_bit_is_refused_as_corrupt() {
    let Some(path) = test_support::shared_data(
        "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    // The middle of the file lies in the compressed data of its largest sheet.
    let at = bytes.len() / 2;
    bytes[at] ^= 0x04;
    let bad = dir.path().join("undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx");
    std::fs::write(&bad, &bytes).unwrap();
    let db = dir.path().join("w.sqlite");
    let run = |args: &[&str]| {
        let mut cmd = Command::cargo_bin("coherence").unwrap();
        cmd.env_remove("COHERENCE_DB")
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(test_support::store_arg(&db))
            .args(args);
        cmd
    };
    run(&["import", bad.to_str().unwrap()])
        .assert()
        .failure()
        .stdout(
            predicate::str::contains("is corrupt").and(predicate::str::contains("xl/worksheets/")),
        )
        .stderr(predicate::str::contains("nothing was stored"));
    let listed = run(&["--format", "json", "datasets"]).assert().success();
    let text = String::from_utf8(listed.get_output().stdout.clone()).unwrap();
    assert!(!text.contains("undesa"), "nothing is stored: {text}");
}
