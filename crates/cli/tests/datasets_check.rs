//! `coherence datasets check` on the real files of the shared data folder (reached only
//! through `test_support::shared_data`): only like is compared with like, and every pair
//! not compared is reported with its reason.

#![allow(clippy::print_stderr, reason = "a skipped test says so on stderr")]
#![allow(clippy::float_cmp, reason = "KNOMAD's placeholder is exactly 0")]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

/// Every file of the given shared-data folders, or `None` when the folder is absent.
fn files_of(folders: &[&str]) -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    for folder in folders {
        let dir = test_support::shared_data(folder)?;
        let mut in_dir: Vec<PathBuf> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        in_dir.sort();
        files.extend(in_dir);
    }
    Some(files)
}

/// Imports `files` into a new store; returns the store and each import's (key, edition).
fn store_with(dir: &Path, files: &[PathBuf]) -> (PathBuf, HashMap<i64, (String, String)>) {
    let db = dir.join("s.sqlite");
    coherence(&db).arg("import").args(files).assert().success();
    let out = coherence(&db).args(["datasets", "--format", "json"]).assert().success();
    let list: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let imports = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let text = |f: &str| d[f].as_str().unwrap().to_owned();
            (d["id"].as_i64().unwrap(), (text("key"), text("edition")))
        })
        .collect();
    (db, imports)
}

fn checks_json(db: &Path) -> Vec<Value> {
    let out = coherence(db).args(["datasets", "check", "--format", "json"]).assert().success();
    serde_json::from_slice::<Value>(&out.get_output().stdout).unwrap().as_array().unwrap().clone()
}

/// The (key, edition) of each dataset of a check.
fn keys_of<'a>(
    check: &Value,
    imports: &'a HashMap<i64, (String, String)>,
) -> Vec<&'a (String, String)> {
    check["dataset_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| &imports[&id.as_i64().unwrap()])
        .collect()
}

fn is_compared(check: &Value) -> bool {
    check["status"] == "compared"
}

#[test]
fn only_like_is_compared_with_like_on_the_real_files() {
    let Some(files) = files_of(&[
        "iab_brain_drain",
        "undesa_ims_2024",
        "undesa_ims_2019",
        "undesa_ims_2015",
        "wb_bilateral_migration_2017",
        "knomad_remittance_flows",
        "wdi_remittances",
    ]) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (db, imports) = store_with(dir.path(), &files);
    let checks = checks_json(&db);
    let is_un_totals = |k: &(String, String)| {
        k.0.starts_with("undesa-ims-destination") || k.0.starts_with("undesa-ims-origin")
    };

    for c in checks.iter().filter(|c| is_compared(c)) {
        let keys = keys_of(c, &imports);
        // IAB (20 OECD destinations) is never compared with UN DESA's world totals.
        assert!(
            !(keys.iter().any(|k| k.0 == "iab-brain-drain-gender")
                && keys.iter().any(|k| is_un_totals(k))),
            "IAB compared with UN totals: {c:#}"
        );
        // A UN DESA bilateral table is compared only with totals of its own edition.
        if let [bilateral, totals] = keys[..]
            && bilateral.0 == "undesa-ims-bilateral"
            && is_un_totals(totals)
        {
            assert_eq!(bilateral.1, totals.1, "editions differ: {c:#}");
        }
    }

    // The IAB table is reported as not compared, because of its universe.
    let iab_against_un: Vec<&Value> = checks
        .iter()
        .filter(|c| {
            let keys = keys_of(c, &imports);
            keys.iter().any(|k| k.0 == "iab-brain-drain-gender")
                && keys.iter().any(|k| is_un_totals(k))
        })
        .collect();
    assert_eq!(iab_against_un.len(), 2, "by destination and by origin");
    for c in iab_against_un {
        assert_eq!(c["status"], "not_compared");
        let reason = c["reason"].as_str().unwrap();
        assert!(reason.contains("different universes") && reason.contains("20 OECD"), "{reason}");
    }

    // The UN 2015 and World Bank 2017 tables are checked, or reported with a reason.
    for (key, edition) in [("undesa-ims-bilateral", "2015"), ("wb-bilateral-migration", "2017")] {
        let about: Vec<&Value> = checks
            .iter()
            .filter(|c| keys_of(c, &imports).iter().any(|k| k.0 == key && k.1 == edition))
            .collect();
        assert!(!about.is_empty(), "{key} {edition} is neither checked nor reported");
        for c in about {
            assert!(
                is_compared(c) || c["reason"].as_str().is_some_and(|r| r.len() > 20),
                "{key} {edition} without a reason: {c:#}"
            );
        }
    }

    // KNOMAD against WDI: placeholder zeros (on either side) are counted apart, never as
    // discrepancies.
    let knomad: Vec<&Value> = checks
        .iter()
        .filter(|c| is_compared(c) && keys_of(c, &imports)[0].0.starts_with("knomad-"))
        .collect();
    assert_eq!(knomad.len(), 2, "remittances received and paid");
    for c in knomad {
        assert!(c["no_estimate"].as_u64().unwrap() > 0, "{}", c["name"]);
        for d in c["discrepancies"].as_array().unwrap() {
            assert_ne!(d["value_a"].as_f64().unwrap(), 0.0, "placeholder zero reported: {d}");
            assert_ne!(d["value_b"].as_f64().unwrap(), 0.0, "placeholder zero reported: {d}");
        }
        let n = |f: &str| c[f].as_u64().unwrap();
        assert_eq!(n("agree") + n("below") + n("above"), n("compared"));
        assert_eq!(n("below") + n("above"), c["discrepancies"].as_array().unwrap().len() as u64);
    }

    // The table says what was not compared and why.
    let out = coherence(&db).args(["datasets", "check"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Not compared") && text.contains("different universes"), "{text}");
    assert!(text.contains("(no estimate)"), "{text}");
}

#[test]
fn the_2015_table_is_checked_against_its_own_totals_not_2024s() {
    let Some(files) = files_of(&["undesa_ims_2015", "undesa_ims_2024"]) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (db, imports) = store_with(dir.path(), &files);
    let checks = checks_json(&db);
    let with_2015: Vec<&Value> =
        checks.iter().filter(|c| keys_of(c, &imports).iter().any(|k| k.1 == "2015")).collect();
    let compared: Vec<&&Value> = with_2015.iter().filter(|c| is_compared(c)).collect();
    assert_eq!(compared.len(), 1, "{with_2015:#?}");
    let own = compared[0];
    let ids = own["dataset_ids"].as_array().unwrap();
    assert_eq!(ids[0], ids[1], "the table against its own Total column");
    // 231 destinations with both a Total and at least one stored origin in Table 16
    // (the Channel Islands among them, stored under the World Bank's code CHI).
    assert_eq!(own["compared"], 231);
    // Origins given only as "Other North/South" are in the total, not in the sum: the
    // sum is never above the total.
    assert_eq!(own["above"], 0);
    assert!(own["tolerance"]["basis"].as_str().unwrap().contains("Other North/South"));
    // Against the 2024 edition's totals: reported, not compared.
    let against_2024: Vec<&&Value> =
        with_2015.iter().filter(|c| keys_of(c, &imports).iter().any(|k| k.1 == "2024")).collect();
    assert_eq!(against_2024.len(), 2, "by destination and by origin");
    for c in against_2024 {
        assert_eq!(c["status"], "not_compared");
        assert!(c["reason"].as_str().unwrap().starts_with("different editions"));
    }
}
