//! `coherence register` end to end: import and export round trip, malformed files
//! refused with file, line and field, edits with their audit log, and the reason rule.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .env("USER", "env-user")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("w.sqlite");
    coherence(&db).current_dir(dir).args(["-q", "demo"]).assert().success();
    db
}

fn json(cmd: &mut Command) -> serde_json::Value {
    let out = cmd.assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

#[test]
fn edit_and_audit_log_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    coherence(&db)
        .args(["register", "edit", "XAB-HEA-01", "--set", "status=suspended"])
        .args(["--set", "tags+=g2g-agreement", "--reason", "Drive paused pending an agreement"])
        .assert()
        .success()
        .stdout(predicate::str::contains("status \"active\" → \"suspended\""));
    let list =
        json(coherence(&db).args(["register", "list", "--country", "XAB", "--format", "json"]));
    let p = list.as_array().unwrap().iter().find(|p| p["id"] == "XAB-HEA-01").unwrap();
    assert_eq!(p["status"], "suspended");
    assert_eq!(p["layer"], "edited");
    assert!(p["tags"].as_array().unwrap().iter().any(|t| t == "g2g-agreement"));

    let log = json(coherence(&db).args(["register", "log", "XAB-HEA-01", "--format", "json"]));
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["field"], "status");
    assert_eq!(log[0]["old_value"], "active");
    assert_eq!(log[0]["new_value"], "suspended");
    assert_eq!(log[0]["user"], "env-user", "the user defaults to $USER");
    assert_eq!(log[0]["reason"], "Drive paused pending an agreement");
    assert_eq!(log[1]["field"], "tags");
    assert!(!log[0]["at"].as_str().unwrap().is_empty());

    // --user wins over $USER; a field a register file would refuse is refused.
    coherence(&db)
        .args([
            "register",
            "edit",
            "XAB-HEA-01",
            "--set",
            "end_year=2027",
            "--reason",
            "r",
            "--user",
            "ana",
        ])
        .assert()
        .success();
    let log = json(coherence(&db).args(["register", "log", "--format", "json"]));
    assert_eq!(log.as_array().unwrap().last().unwrap()["user"], "ana");
    coherence(&db)
        .args(["register", "edit", "XAB-HEA-01", "--set", "status=paused", "--reason", "r"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("status: expected planned, active, suspended or ended"));
    coherence(&db)
        .args(["register", "edit", "XAB-HEA-01", "--set", "id=X", "--reason", "r"])
        .assert()
        .failure();
}

#[test]
fn an_edit_without_a_reason_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    coherence(&db)
        .args(["register", "edit", "XAB-HEA-01", "--set", "status=ended"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--reason"));
    coherence(&db)
        .args(["register", "edit", "XAB-HEA-01", "--set", "status=ended", "--reason", "  "])
        .assert()
        .failure()
        .stderr(predicate::str::contains("needs a reason"));
    let log = json(coherence(&db).args(["register", "log", "--format", "json"]));
    assert!(log.as_array().unwrap().is_empty(), "nothing was recorded");
}

#[test]
fn export_and_import_round_trip_in_toml_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    for ext in ["toml", "csv"] {
        let file = dir.path().join(format!("pelaria.{ext}"));
        coherence(&db)
            .args(["register", "export", "--country", "XAA", "-o"])
            .arg(&file)
            .assert()
            .success();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("XAA-HEA-01"), "{text}");
        // Re-importing the same register changes nothing.
        let s = json(coherence(&db).args(["--format", "json", "register", "import"]).arg(&file));
        assert_eq!(s["read"], 10);
        assert_eq!(s["unchanged"], 10);
    }
    // A new policy in a CSV register is added and audited.
    let csv = dir.path().join("new.csv");
    let text = std::fs::read_to_string(dir.path().join("pelaria.csv")).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let row = lines.next().unwrap().replacen("XAA-DIA-01", "XAA-DIA-09", 1);
    std::fs::write(&csv, format!("{header}\n{row}\n")).unwrap();
    let s = json(
        coherence(&db)
            .args(["--format", "json", "register", "import"])
            .arg(&csv)
            .args(["--reason", "new strategy"]),
    );
    assert_eq!(s["added"], 1);
    let log = json(coherence(&db).args(["register", "log", "XAA-DIA-09", "--format", "json"]));
    assert_eq!(log[0]["action"], "import");
    assert_eq!(log[0]["reason"], "new strategy");
}

#[test]
fn a_malformed_register_file_is_refused_with_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let toml = dir.path().join("bad.toml");
    std::fs::write(
        &toml,
        "[[policy]]\nid = \"XAA-X-01\"\ncountry = \"XAA\"\nministry = \"M\"\ntitle = \"T\"\n\
         instrument = \"law\"\nstages = [\"abroad\"]\narea = \"health\"\nstatus = \"active\"\n\
         objectives = \"O\"\nsource = \"S\"\n",
    )
    .unwrap();
    coherence(&db)
        .args(["register", "import"])
        .arg(&toml)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.toml, row 7, column stages"));
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "id,country,ministry,title,instrument,stages,area,partners,target_groups,status,objectives,tags,source\n\
         XAA-X-01,XAA,M,T,law,stay-abroad,health,,,active,O,,S\n\
         XAA-X-02,XAA,M,T,law,stay-abroad,health,,,in-force,O,,S\n",
    )
    .unwrap();
    coherence(&db)
        .args(["register", "import"])
        .arg(&csv)
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad.csv, row 3, column status"));
    let log = json(coherence(&db).args(["register", "log", "--format", "json"]));
    assert!(log.as_array().unwrap().is_empty(), "nothing of a refused file is stored");
}

/// The rule ids found on the corridor `origin` → `destination` among a profile's
/// corridor checks (`None` when that corridor is not among them).
fn findings_of(
    profile: &serde_json::Value,
    origin: &str,
    destination: &str,
) -> Option<Vec<String>> {
    profile["corridor_checks"].as_array().unwrap().iter().find_map(|c| {
        (c["origin"]["iso3"] == origin && c["destination"]["iso3"] == destination).then(|| {
            c["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["rule_id"].as_str().unwrap().to_owned())
                .collect()
        })
    })
}

#[test]
fn profile_and_brief_show_the_register_after_edits() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let before = json(coherence(&db).args(["profile", "XAB", "--format", "json"]));
    let nurse = |p: &serde_json::Value| {
        p["policies"].as_array().unwrap().iter().find(|x| x["id"] == "XAB-HEA-01").unwrap().clone()
    };
    assert_eq!(nurse(&before)["status"], "active");
    assert_eq!(nurse(&before)["layer"], "imported");
    assert!(nurse(&before)["last_change"].is_null());
    let fired = findings_of(&before, "XAA", "XAB").expect("the corridor XAA → XAB is checked");
    assert!(fired.iter().any(|r| r == "who-code-active-recruitment"), "{fired:?}");

    coherence(&db)
        .args(["register", "edit", "XAB-HEA-01", "--set", "status=suspended"])
        .args(["--reason", "Drive paused pending an agreement", "--user", "m.ortiz"])
        .assert()
        .success();

    let after = json(coherence(&db).args(["profile", "XAB", "--format", "json"]));
    let p = nurse(&after);
    assert_eq!(p["status"], "suspended");
    assert_eq!(p["layer"], "edited");
    let change = &p["last_change"];
    assert_eq!(change["action"], "edit");
    assert_eq!(change["user"], "m.ortiz");
    assert_eq!(change["reason"], "Drive paused pending an agreement");
    assert_eq!(change["fields"][0]["field"], "status");
    assert_eq!(change["fields"][0]["old"], "active");
    assert_eq!(change["fields"][0]["new"], "suspended");
    let log = json(coherence(&db).args(["register", "log", "XAB-HEA-01", "--format", "json"]));
    assert_eq!(change["at"], log[0]["at"], "the profile shows the audit log's time");

    // The profile lists what `register list` lists, with the same status and layer.
    let list =
        json(coherence(&db).args(["register", "list", "--country", "XAB", "--format", "json"]));
    let listed: Vec<(String, String, String)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].to_string(), e["status"].to_string(), e["layer"].to_string()))
        .collect();
    let profiled: Vec<(String, String, String)> = after["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["id"].to_string(), e["status"].to_string(), e["layer"].to_string()))
        .collect();
    assert_eq!(profiled, listed);
    // Unedited policies carry no change.
    assert!(
        after["policies"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["id"] != "XAB-HEA-01")
            .all(|x| x["last_change"].is_null())
    );
    // The corridor checks in the profile read the same register: with the drive
    // suspended, active recruitment no longer fires.
    let fired = findings_of(&after, "XAA", "XAB").unwrap();
    assert!(!fired.iter().any(|r| r == "who-code-active-recruitment"), "{fired:?}");

    let table = coherence(&db).args(["profile", "XAB"]).assert().success();
    let text = String::from_utf8(table.get_output().stdout.clone()).unwrap();
    let line = text.lines().find(|l| l.starts_with("XAB-HEA-01")).unwrap();
    assert!(line.contains("suspended"), "{line}");
    assert!(line.contains("by m.ortiz: Drive paused pending an agreement"), "{line}");
    assert!(line.contains("status: active → suspended"), "{line}");

    let html = dir.path().join("brevmark.html");
    coherence(&db).args(["report", "XAB", "-o"]).arg(&html).assert().success();
    let html = std::fs::read_to_string(&html).unwrap();
    let register = &html[html.find("id=\"policies\"").unwrap()..];
    let register = &register[..register.find("</section>").unwrap()];
    assert!(register.contains("Register change"), "{register}");
    assert!(register.contains("Drive paused pending an agreement"), "{register}");
    assert!(register.contains("status: active → suspended"), "{register}");
    assert!(register.contains("<td>suspended</td>"), "{register}");
}

#[test]
fn escape_sequences_in_data_never_reach_the_terminal() {
    // A policy title carrying a terminal escape sequence (clear screen) and a bell.
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let file = dir.path().join("pelaria.csv");
    coherence(&db)
        .args(["register", "export", "--country", "XAA", "-o"])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let row = lines.next().unwrap().replacen("XAA-DIA-01", "XAA-DIA-66", 1);
    let field = header.split(',').position(|h| h == "title").unwrap();
    let mut cells: Vec<String> = row.split(',').map(str::to_owned).collect();
    cells[field] = "Hostile\u{1b}[2J title\u{7}".to_owned();
    let hostile = dir.path().join("hostile.csv");
    std::fs::write(&hostile, format!("{header}\n{}\n", cells.join(","))).unwrap();
    coherence(&db)
        .args(["register", "import"])
        .arg(&hostile)
        .args(["--reason", "test"])
        .assert()
        .success();
    let listed = coherence(&db).args(["register", "list", "--country", "XAA"]).assert().success();
    let out = listed.get_output().stdout.clone();
    assert!(!out.contains(&0x1b) && !out.contains(&0x07), "{}", String::from_utf8_lossy(&out));
    assert!(String::from_utf8_lossy(&out).contains("Hostile\u{fffd}[2J title\u{fffd}"));
}
