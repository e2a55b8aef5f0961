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

/// The shared data imported for the comparison: stocks (UN DESA 2020 by destination, the
/// World Bank's 2017 bilateral matrix), remittances and their cost (WDI, RPW), population
/// (WDI), demography (WPP 2019) and the income groups (so that `income:` groups resolve).
const SHARED_FILES: [&str; 7] = [
    "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
    "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
    "rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv",
    "wdi_population/wb_SP.POP.TOTL_population.csv",
    "wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls",
    "wpp2019_demographic_inputs/WPP2019_Period_Indicators_Medium.csv",
    "country_codes/WB_CLASS_income_groups_FY2024.xlsx",
];

/// Real countries and groups whose profiles are compared.
const PROFILES: [&str; 12] = [
    "PHL",
    "NPL",
    "MEX",
    "DEU",
    "QAT",
    "IND",
    "NGA",
    "USA",
    "world",
    "sdg:SSA",
    "region:Western Asia",
    "income:LMC",
];

/// The standard output of a successful `coherence --db DB ARGS…`.
fn stdout_of(db: &OsStr, args: &[&str]) -> String {
    let out = coherence(db).args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// `datasets` as JSON, without the import times (which differ between the two imports).
fn datasets_json(db: &OsStr) -> String {
    let text = stdout_of(db, &["--format", "json", "datasets"]);
    text.lines().filter(|l| !l.contains("\"imported_at\"")).collect::<Vec<_>>().join("\n")
}

#[test]
fn shared_data_gives_the_same_json_on_sqlite_and_postgres() {
    if test_support::sqlite_only("compares SQLite with PostgreSQL itself (run in the default pass)")
    {
        return;
    }
    let Some(files) = SHARED_FILES.iter().map(|f| test_support::shared_data(f)).collect() else {
        return;
    };
    let files: Vec<std::path::PathBuf> = files;
    let Some(server) = test_support::postgres_db() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shared.sqlite");
    let stores = [file.as_os_str(), OsStr::new(server.url())];
    for db in stores {
        coherence(db).args(["-q", "import"]).args(&files).assert().success();
    }
    let [sqlite, postgres] = stores;
    for country in PROFILES {
        let args = ["profile", country, "--format", "json"];
        assert!(stdout_of(sqlite, &args) == stdout_of(postgres, &args), "profile {country}");
    }
    let args = ["corridor", "--all", "--format", "json"];
    assert!(stdout_of(sqlite, &args) == stdout_of(postgres, &args), "corridor --all");
    assert_eq!(datasets_json(sqlite), datasets_json(postgres));
}

/// A relative store path that climbs two folders opens, for reading and for writing
/// (SQLite alone refused `../../w.sqlite`: "unable to open database file").
#[test]
fn a_store_two_folders_up_opens() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a").join("b");
    std::fs::create_dir_all(&nested).unwrap();
    coherence("../../w.sqlite").current_dir(&nested).args(["-q", "demo"]).assert().success();
    assert!(dir.path().join("w.sqlite").exists());
    coherence("../../w.sqlite")
        .current_dir(&nested)
        .args(["profile", "XAA", "--format", "json"])
        .assert()
        .success();
}
