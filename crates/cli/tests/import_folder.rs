//! End-to-end tests of `coherence import` on folders and on real files: the import goes
//! on past files it does not recognise, says what became of each file, names the file
//! of every note, and keeps Kosovo's values under the World Bank's code `XKX`.

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

fn json(cmd: &mut Command) -> serde_json::Value {
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The file outcomes of a JSON import report, as `(file, outcome, reason)`.
fn outcomes(report: &serde_json::Value) -> Vec<(String, String, String)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or("").to_owned();
            (text("file"), text("outcome"), text("reason"))
        })
        .collect()
}

/// A folder holding a file Coherence does not recognise and a file that looks like a
/// WDI bulk CSV but has a bad cell.
fn folder_with_a_bad_file(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("downloads");
    std::fs::create_dir_all(folder.join(".cache")).unwrap();
    std::fs::write(folder.join("README.md"), "Files downloaded by hand.\n").unwrap();
    std::fs::write(folder.join(".cache").join("hidden.csv"), "not, data\n").unwrap();
    std::fs::write(
        folder.join("API_SP.POP.TOTL_DS2_en_csv_v2.csv"),
        "Country Name,Country Code,Indicator Name,Indicator Code,2000\n\
         Philippines,PHL,\"Population, total\",SP.POP.TOTL,abc\n",
    )
    .unwrap();
    folder
}

#[test]
fn the_shared_folder_is_imported_past_the_files_not_recognised() {
    let Some(data) = test_support::shared_data(".") else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let output = coherence(&db).arg("-q").arg("import").arg(&data).output().unwrap();
    let (stdout, stderr) =
        (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{stderr}");
    // The summary, then every refused file with its reason.
    let summary = stdout.lines().find(|l| l.contains(" file(s) imported, ")).expect(&stdout);
    let count = |word: &str| -> usize {
        let at = summary.find(word).unwrap_or_else(|| panic!("{word} in {summary}"));
        summary[..at].split([' ', ',']).rfind(|w| !w.is_empty()).unwrap().parse().unwrap()
    };
    assert!(count(" file(s) imported") > 30, "{summary}");
    assert_eq!(count(" unchanged"), 0, "{summary}");
    assert!(count(" refused") > 30, "{summary}");
    let sources = data.join("SOURCES.md");
    assert!(
        stdout.contains(&format!(
            "  refused: {}: not a layout Coherence recognises",
            sources.display()
        )),
        "{stdout}"
    );
    // Every note names its file.
    let wdi = data.join("wdi_remittances").join("API_BX.TRF.PWKR.CD.DT_2023-05-10.xls");
    assert!(
        stderr.lines().any(|l| l.starts_with(&format!("{}: ", wdi.display()))
            && l.contains("note(s) on values not stored")),
        "{stderr}"
    );
    assert!(!stderr.lines().any(|l| l.starts_with("  ")), "a note without its file: {stderr}");

    // Again: the same files are read and stored again (unchanged, unless two files hold
    // the same dataset edition), and the JSON report lists each outcome.
    let report = json(coherence(&db).args(["--format", "json", "import"]).arg(&data));
    let files = outcomes(&report);
    let imported = count(" file(s) imported");
    let again = |k: &str| report["summary"][k].as_u64().unwrap() as usize;
    assert_eq!(again("imported") + again("unchanged"), imported, "{}", report["summary"]);
    assert!(again("unchanged") > 30, "{}", report["summary"]);
    assert_eq!(again("refused"), count(" refused"));
    assert_eq!(files.iter().filter(|f| f.1 == "unchanged").count(), again("unchanged"));
    let sources = sources.display().to_string();
    assert!(
        files.contains(&(sources, "refused".into(), "not a layout Coherence recognises".into())),
        "{files:?}"
    );
    let mut paths: Vec<&String> = files.iter().map(|f| &f.0).collect();
    let in_order = paths.clone();
    paths.sort();
    assert_eq!(paths, in_order, "files are taken in sorted path order");
}

#[test]
fn strict_refuses_to_store_anything_when_a_file_is_refused() {
    let Some(data) = test_support::shared_data("wdi_remittances") else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let folder = folder_with_a_bad_file(dir.path());
    coherence(&db)
        .args(["import", "--strict"])
        .arg(&data)
        .arg(&folder)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--strict: 2 file(s) refused; nothing was stored"));
    let datasets = json(coherence(&db).args(["--format", "json", "datasets"]));
    assert_eq!(datasets.as_array().map(Vec::len), Some(0), "{datasets}");

    // Without --strict the same import goes on and succeeds.
    let report = json(coherence(&db).args(["--format", "json", "import"]).arg(&data).arg(&folder));
    let files = outcomes(&report);
    let bad = folder.join("API_SP.POP.TOTL_DS2_en_csv_v2.csv").display().to_string();
    let refused: Vec<&(String, String, String)> =
        files.iter().filter(|f| f.1 == "refused").collect();
    assert_eq!(refused.len(), 2, "{files:?}");
    assert!(refused.iter().any(|f| f.0 == bad
        && f.2.starts_with("not readable as the layout it resembles: ")
        && f.2.contains("expected a number, found \"abc\"")));
    assert!(!files.iter().any(|f| f.0.contains(".cache")), "hidden files are skipped");
    assert!(report["summary"]["imported"].as_u64().unwrap() >= 6, "{report}");
    assert!(files.iter().all(|f| f.1 == "imported" || f.1 == "refused"), "{files:?}");
}

#[test]
fn a_named_file_that_fails_to_read_stores_nothing_and_fails() {
    let Some(wdi) =
        test_support::shared_data("wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let bad = folder_with_a_bad_file(dir.path()).join("API_SP.POP.TOTL_DS2_en_csv_v2.csv");
    coherence(&db)
        .arg("import")
        .arg(&wdi)
        .arg(&bad)
        .assert()
        .failure()
        .stdout(predicate::str::contains(format!("{}: failed: ", bad.display())))
        .stdout(predicate::str::contains("; not stored"))
        .stderr(predicate::str::contains("1 file(s) could not be imported; nothing was stored"));
    let datasets = json(coherence(&db).args(["--format", "json", "datasets"]));
    assert_eq!(datasets.as_array().map(Vec::len), Some(0), "{datasets}");
}

#[test]
fn kosovo_remittances_are_stored_under_xkx() {
    let Some(wdi) =
        test_support::shared_data("wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    coherence(&db).arg("-q").arg("import").arg(&wdi).assert().success();
    let profile = json(coherence(&db).args(["--format", "json", "profile", "XKX"]));
    assert_eq!(profile["area"]["iso3"], "XKX");
    assert_eq!(profile["area"]["name"], "Kosovo");
    assert_eq!(profile["area"]["fictional"], false);
    let received = profile["remittances_received"].as_array().unwrap();
    let y2022 = received.iter().find(|r| r["year"] == 2022).expect("Kosovo's 2022 remittances");
    assert!(y2022["value"]["value"].as_f64().unwrap() > 1e9, "{y2022}");
    let cell = y2022["value"]["source"]["cell"].as_str().unwrap();
    assert!(
        cell.starts_with("API_BX.TRF.PWKR.CD.DT_2023-05-10.xls, sheet \"Data\", row "),
        "{cell}"
    );
}

#[test]
fn the_wpp_2019_folder_is_imported_with_the_r_package_s_edition_from_its_folder() {
    let Some(data) = test_support::shared_data("wpp2019_demographic_inputs") else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite");
    let output = coherence(&db).args(["-v", "import"]).arg(&data).output().unwrap();
    let (stdout, stderr) =
        (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "{stderr}");
    // The period indicators and the two population tables are stored; the derived files,
    // the package's other tables and the notes are refused, as any unknown layout is.
    assert!(stdout.contains("3 file(s) imported, 0 unchanged, 8 refused"), "{stdout}");
    for refused in [
        "SOURCES.md",
        "derived_wpp2019_demo_inputs_1990_2020.csv",
        "derived_wpp2019_poptotal_1990_2020.csv",
        "make_derived.py",
        "wpp2019_Rpkg/ChangeLog",
        "wpp2019_Rpkg/LICENSE",
        "wpp2019_Rpkg/UNlocations.txt",
        "wpp2019_Rpkg/migration.txt",
    ] {
        let path = data.join(refused);
        let line = format!("  refused: {}: not a layout Coherence recognises", path.display());
        assert!(stdout.contains(&line), "{line}\n{stdout}");
    }
    // One edition of the population in two files: added, then extended.
    assert!(stdout.contains("added import 1 (wpp-period-indicators edition 2019)"), "{stdout}");
    assert!(stdout.contains("added import 2 (wpp-population edition 2019)"), "{stdout}");
    assert!(stdout.contains("extended import 2 (wpp-population edition 2019)"), "{stdout}");
    // The edition of the R package's tables is taken from the folder, and said so.
    let pop_m = data.join("wpp2019_Rpkg").join("popM.txt");
    let note = format!(
        "{}: note: popM.txt: edition 2019 taken from the folder name \"wpp2019_Rpkg\"",
        pop_m.display()
    );
    assert!(stderr.contains(&note), "{note}\n{stderr}");
    let datasets = json(coherence(&db).args(["--format", "json", "datasets"]));
    let keys: Vec<&str> =
        datasets.as_array().unwrap().iter().map(|d| d["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["wpp-period-indicators", "wpp-population"], "{datasets}");

    // The same table named alone, outside a `wpp<year>` folder: refused, nothing stored.
    let alone = dir.path().join("popM.txt");
    std::fs::copy(&pop_m, &alone).unwrap();
    let other = dir.path().join("other.sqlite");
    coherence(&other)
        .arg("import")
        .arg(&alone)
        .assert()
        .failure()
        .stdout(predicate::str::contains("expected the World Population Prospects edition"));
    let datasets = json(coherence(&other).args(["--format", "json", "datasets"]));
    assert_eq!(datasets.as_array().map(Vec::len), Some(0), "{datasets}");
}
