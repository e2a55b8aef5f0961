//! Resource tests (issue "Hardening", item 3): each import limit holds against a hostile
//! file built here, with the command running under a 1 GiB address-space limit
//! (`ulimit -v`) and ending within seconds; the error names the limit and the flag that
//! raises it, and nothing is stored.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use test_support::hostile;

/// `coherence --db DB ARGS…` under `ulimit -v 1048576` (KiB).
fn bounded(db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(r#"ulimit -v 1048576 && exec "$@""#)
        .arg("sh")
        .arg(assert_cmd::cargo::cargo_bin("coherence"))
        .arg("--db")
        .arg(test_support::store_arg(db))
        .args(args)
        .env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60));
    cmd
}

/// Imports `file` under the memory limit and checks the refusal names `limit` and
/// `flag_hint`, that the process was not killed, and that nothing was stored.
fn refused(file: &Path, extra: &[&str], limit_text: &str) {
    let dir = file.parent().unwrap();
    let db = dir.join("w.sqlite");
    let mut args = vec!["import"];
    args.extend(extra);
    args.push(file.to_str().unwrap());
    let out = bounded(&db, &args).output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exits with an error, not a signal: {text}");
    assert!(text.contains(limit_text), "names the limit {limit_text}: {text}");
    assert!(text.contains("nothing was stored"), "{text}");
    assert!(!text.contains("memory allocation"), "{text}");
}

fn cell(reference: &str) -> String {
    let row: String = reference.chars().filter(char::is_ascii_digit).collect();
    format!(r#"<row r="{row}"><c r="{reference}"><v>1</v></c></row>"#)
}

#[test]
fn a_5_kb_workbook_with_a_cell_at_xfd1048576() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bomb.xlsx");
    std::fs::write(&file, hostile::xlsx("Table 1", &(cell("A1") + &cell("XFD1048576")))).unwrap();
    refused(&file, &["--kind", "undesa-destination"], "--limit sheet-cells=N");
}

#[test]
fn a_workbook_with_one_value_at_cv1000000() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tall.xlsx");
    std::fs::write(&file, hostile::xlsx("Table 1", &(cell("A1") + &cell("CV1000000")))).unwrap();
    refused(
        &file,
        &["--kind", "undesa-destination"],
        "beyond the limit sheet-cells = 16777216 cells (found 100000000)",
    );
}

#[test]
fn a_3_mb_workbook_inflating_past_256_mib() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inflates.xlsx");
    // A 16 KiB period deflates about 100 times: within the ratio limit, past the size.
    let bytes = hostile::zip_bomb(300 << 20, 16 << 10);
    assert!(bytes.len() < 4 << 20, "{}", bytes.len());
    std::fs::write(&file, bytes).unwrap();
    refused(&file, &[], "--limit uncompressed=N");
}

#[test]
fn a_zip_member_inflating_a_thousand_times() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ratio.xlsx");
    std::fs::write(&file, hostile::zip_bomb(40 << 20, 1)).unwrap();
    refused(&file, &[], "--limit ratio=N");
}

#[test]
fn an_xls_sheet_declaring_four_billion_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bomb.xls");
    let mut d = 0u32.to_le_bytes().to_vec();
    d.extend(u32::MAX.to_le_bytes());
    d.extend([0, 0, 0, 1, 0, 0]);
    std::fs::write(&file, hostile::xls(&hostile::biff(0x0200, &d))).unwrap();
    refused(&file, &["--kind", "wdi-bulk-xls"], "--limit sheet-cells=N");
}

#[test]
fn a_file_larger_than_512_mib_and_a_device_that_never_ends() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge.csv");
    // Sparse: no disk is used.
    std::fs::File::create(&file).unwrap().set_len(600 << 20).unwrap();
    refused(&file, &[], "--limit file-bytes=N");
    let zero = Path::new("/dev/zero");
    let db = dir.path().join("w.sqlite");
    let out = bounded(&db, &["import", "--limit", "file-bytes=1M", zero.to_str().unwrap()])
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("beyond the limit file-bytes = 1048576 bytes"), "{text}");
}

#[test]
fn a_limit_is_raised_or_lowered_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("small.xlsx");
    std::fs::write(&file, hostile::xlsx("Table 1", &(cell("A1") + &cell("C3")))).unwrap();
    refused(
        &file,
        &["--kind", "undesa-destination", "--limit", "sheet-cells=8"],
        "sheet-cells = 8",
    );
    let db = dir.path().join("w.sqlite");
    let out =
        bounded(&db, &["import", "--limit", "cells=8", file.to_str().unwrap()]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("the limits are file-bytes, members, uncompressed, ratio, sheet-cells"),
        "{text}"
    );
}

#[test]
fn documents_read_whole_are_held_to_64_mib() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let endless = "/dev/zero";
    for args in [
        vec!["register", "import", "--user", "test", endless],
        vec!["assess", "--framework-file", endless],
        vec!["assess", "XAA", "--framework", "sdg-10.7.2", "--answers", endless],
        vec!["corridor", "NPL", "QAT", "--rules", endless],
    ] {
        let out = bounded(&db, &args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {text}");
        assert!(text.contains("beyond the limit file-bytes = 67108864 bytes"), "{args:?}: {text}");
    }
}
