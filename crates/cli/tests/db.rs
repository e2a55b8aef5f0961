//! `--db postgres://…` and `coherence db copy`: the same profiles from either database,
//! and a whole store copied between them (issue 14, "One store, two databases").

use std::ffi::OsStr;

use assert_cmd::Command;
use predicates::prelude::*;

fn coherence(db: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB").env("NO_COLOR", "1").arg("--db").arg(db);
    cmd
}

fn profile_json(db: impl AsRef<OsStr>, country: &str) -> Vec<u8> {
    let out = coherence(db).args(["profile", country, "--format", "json"]).assert().success();
    out.get_output().stdout.clone()
}

#[test]
fn a_copy_goes_into_a_new_file_and_never_over_data() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.sqlite");
    coherence(&source).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let target = dir.path().join("target.sqlite");
    let mut copy = Command::cargo_bin("coherence").unwrap();
    copy.env_remove("COHERENCE_DB").args(["db", "copy", "--from"]).arg(&source).arg("--to");
    copy.arg(&target)
        .assert()
        .success()
        .stdout(predicate::str::contains("area_values\t600"))
        .stderr(predicate::str::contains("compared equal"));
    assert_eq!(profile_json(&target, "XAA"), profile_json(&source, "XAA"));
    // Again into the same target: refused, nothing changed.
    let mut again = Command::cargo_bin("coherence").unwrap();
    again.env_remove("COHERENCE_DB").args(["db", "copy", "--from"]).arg(&source).arg("--to");
    again.arg(&target).assert().failure().stderr(predicate::str::contains("not empty"));
    assert_eq!(profile_json(&target, "XAA"), profile_json(&source, "XAA"));
}

#[test]
fn postgres_gives_the_same_profiles_and_copies_round_trip() {
    let Some(server) = test_support::postgres_db() else { return };
    let Some(back_server) = test_support::postgres_db() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.sqlite");
    coherence(&file).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    coherence(server.url()).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let countries = ["XAA", "XAB", "XAC", "XAD", "XAE"];
    for country in countries {
        assert_eq!(profile_json(server.url(), country), profile_json(&file, country), "{country}");
    }
    // SQLite → PostgreSQL → SQLite, each verified by the command, then the same profiles.
    let copy = |from: &OsStr, to: &OsStr| {
        let mut cmd = Command::cargo_bin("coherence").unwrap();
        cmd.env_remove("COHERENCE_DB").args(["-q", "db", "copy", "--from"]).arg(from);
        cmd.arg("--to").arg(to).assert().success();
    };
    let back = dir.path().join("back.sqlite");
    copy(file.as_os_str(), OsStr::new(back_server.url()));
    copy(OsStr::new(back_server.url()), back.as_os_str());
    for country in countries {
        assert_eq!(profile_json(&back, country), profile_json(&file, country), "{country}");
    }
    // A file backup is SQLite's; a server is copied instead.
    coherence(server.url())
        .arg("backup")
        .arg("--to")
        .arg(dir.path().join("b.sqlite"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("SQLite feature"));
}
