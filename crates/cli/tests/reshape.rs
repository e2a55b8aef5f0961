//! End-to-end tests of the third-party reshapes of the UN DESA destination × origin
//! table: imported as datasets of their own, they give `estimate flows` the stocks of
//! 2015 and 2020 without a `--stocks` file.

use std::path::Path;

use assert_cmd::Command;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn flows_2015_2020_from_the_store_with_the_tidy_subset() {
    let (Some(rev2015), Some(tidy)) = (
        test_support::shared_data(
            "undesa_ims_2015/UN_MigrantStockByOriginAndDestination_2015.xlsx",
        ),
        test_support::shared_data(
            "undesa_ims_2024_bilateral_subset/undesa_ims_bilateral_2000-2020_iso3_migration_network.csv",
        ),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let import = coherence(&db).arg("import").arg(&rev2015).arg(&tidy).assert().success();
    let stdout = text(&import.get_output().stdout);
    // The reshape is a dataset of its own, beside the official 2015 table.
    assert!(stdout.contains("(undesa-bilateral-tidy-csv)"), "{stdout}");
    assert!(
        stdout.contains(
            "(undesa-ims-bilateral-tidy-2024 edition 2024): 0 areas, 0 values, 38530 pairs"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("(undesa-ims-bilateral edition 2015)"), "{stdout}");

    let out = dir.path().join("x.csv");
    let estimate = coherence(&db)
        .args([
            "estimate",
            "flows",
            "--method",
            "sd_rev_neg",
            "--from",
            "2015",
            "--to",
            "2020",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let stderr = text(&estimate.get_output().stderr);
    assert!(
        stderr.contains("stocks from the store: undesa-ims-bilateral-tidy-2024 edition 2024"),
        "{stderr}"
    );
    let flows = std::fs::read_to_string(&out).unwrap();
    let mut lines = flows.lines();
    assert_eq!(lines.next(), Some("orig,dest,period_start,period_end,flow"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.len() > 5000, "{}", rows.len());
    assert!(rows.iter().all(|r| r.len() == 5 && r[2] == "2015" && r[3] == "2020" && r[0] != r[1]));
    assert!(rows.iter().all(|r| r[4].parse::<f64>().is_ok_and(|f| f > 0.0)));
}

#[test]
fn the_chord_json_is_selected_with_kind_and_every_name_matches() {
    let Some(chord) =
        test_support::shared_data("undesa_ims_2020_bilateral_chordjson/stock_female.json")
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let dry = coherence(&db)
        .args(["import", "--dry-run", "--kind", "undesa-bilateral-chord-json"])
        .arg(&chord)
        .assert()
        .success();
    let stdout = text(&dry.get_output().stdout);
    assert!(stdout.contains("read as") && stdout.contains("chord-diagram JSON"), "{stdout}");
    assert!(stdout.contains("(undesa-bilateral-chord-json)"), "{stdout}");
    // Every name matches: the file imports without --skip-unknown, under a key of its own.
    let stored = coherence(&db).arg("import").arg(&chord).assert().success();
    let stdout = text(&stored.get_output().stdout);
    assert!(stdout.contains("undesa-ims-bilateral-chord-2020-female edition 2020"), "{stdout}");
    assert!(stdout.contains("73247 pairs"), "{stdout}");
    let stderr = text(&stored.get_output().stderr);
    assert!(!stderr.contains("unknown country or area"), "{stderr}");
}
