//! Output files are written whole, never through a planted link and never over a special
//! file (issue "Hardening", item 1). The hostile files are made by the tests.

#![cfg(unix)]
#![allow(clippy::print_stderr, reason = "a test that cannot run says SKIPPED")]

use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join(name)
}

/// `coherence estimate flows` writing its CSV to `out`.
fn flows_to(dir: &Path, out: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(&dir.join("w.sqlite")));
    cmd.args(["estimate", "flows", "--method", "sd_drop_neg", "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(fixture("estimate_stocks.csv"))
        .arg("--out")
        .arg(out);
    cmd
}

const HEADER: &str = "orig,dest,period_start,period_end,flow\n";

#[test]
fn a_link_planted_at_a_temporary_name_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "not yours\n").unwrap();
    // The name earlier versions wrote through before renaming.
    symlink(&victim, dir.path().join(".f.csv.tmp")).unwrap();
    let out = dir.path().join("f.csv");
    flows_to(dir.path(), &out).assert().success();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not yours\n");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with(HEADER));
    assert!(std::fs::symlink_metadata(&out).unwrap().file_type().is_file());
}

#[test]
fn a_link_at_the_output_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "not yours\n").unwrap();
    let out = dir.path().join("f.csv");
    symlink(&victim, &out).unwrap();
    flows_to(dir.path(), &out)
        .assert()
        .failure()
        .stderr(predicate::str::contains("is a symbolic link"));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not yours\n");
    assert!(std::fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
}

#[test]
fn a_fifo_is_written_into_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    flows_to(dir.path(), &fifo).assert().success();
    assert!(reader.join().unwrap().starts_with(HEADER));
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_new_output_is_readable_and_a_replaced_one_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("f.csv");
    flows_to(dir.path(), &out).assert().success();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), 0o644);
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    flows_to(dir.path(), &out).assert().success();
    assert_eq!(mode(&out), 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
