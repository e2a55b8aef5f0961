//! The store is one file when a command ends, and `backup`/`restore` are the way to copy
//! it (issue "Hardening", item 4).

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

fn side_files(db: &Path) -> Vec<String> {
    ["-wal", "-shm"]
        .iter()
        .map(|s| format!("{}{s}", db.display()))
        .filter(|p| Path::new(p).exists())
        .collect()
}

#[test]
fn every_command_leaves_the_store_as_one_file() {
    if test_support::sqlite_only("the SQLite file and its -wal/-shm side files") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    assert_eq!(side_files(&db), Vec::<String>::new());
    // A failing command too.
    coherence(&db).args(["profile", "ZZZ"]).assert().failure();
    assert_eq!(side_files(&db), Vec::<String>::new());
    // The file alone, copied, holds everything.
    let copy = dir.path().join("copy.sqlite");
    std::fs::copy(&db, &copy).unwrap();
    coherence(&copy).args(["profile", "XAA"]).assert().success();
}

#[test]
fn backup_and_restore_round_trip_and_refuse_what_they_should() {
    if test_support::sqlite_only(
        "backup and restore copy SQLite files (a server is copied with db copy)",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let backup = dir.path().join("b.sqlite");
    coherence(&db).args(["backup", "--to"]).arg(&backup).assert().success();
    coherence(&db)
        .args(["backup", "--to"])
        .arg(&backup)
        .assert()
        .failure()
        .stderr(predicate::str::contains("exists"));
    let datasets = |db: &Path| {
        let out = coherence(db).args(["--format", "json", "datasets"]).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let before = datasets(&db);
    // Another store restored over this one: the backup comes back whole.
    let other = dir.path().join("other.sqlite");
    coherence(&other).args(["init"]).assert().success();
    coherence(&other).args(["restore", "--from"]).arg(&backup).assert().success();
    assert_eq!(datasets(&other), before);
    // A damaged backup is refused and the store is left as it was.
    let bad = dir.path().join("bad.sqlite");
    let mut bytes = std::fs::read(&backup).unwrap();
    bytes.truncate(bytes.len() / 3);
    std::fs::write(&bad, &bytes).unwrap();
    coherence(&db).args(["restore", "--from"]).arg(&bad).assert().failure();
    assert_eq!(datasets(&db), before);
}
