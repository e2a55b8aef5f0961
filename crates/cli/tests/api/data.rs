//! The shared data through the API: the same profiles (JSON and CSV) and briefs as the
//! command line's, for the demo world and for real countries and groups.

use std::process::Command;

use crate::harness::{Auth, Server};

/// `coherence --db DB ARGS…`'s standard output.
fn cli(db: &std::ffi::OsStr, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_coherence"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("coherence");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Compares the API's profile of each area, JSON and CSV, with the CLI's.
fn same_profiles(server: &Server, token: &Auth, areas: &[&str]) {
    for area in areas {
        let path = format!("/api/v1/profiles/{}", area.replace(' ', "%20"));
        let api = server.get(&path, token);
        assert_eq!(api.status, 200, "{area}: {}", api.text);
        let cli_json: serde_json::Value =
            serde_json::from_str(&cli(&server.db, &["--format", "json", "profile", area]))
                .expect("JSON");
        assert!(api.json() == cli_json, "the API's profile of {area} differs from the CLI's");
        let csv = server.get(&format!("{path}?format=csv"), token);
        assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
        assert!(
            csv.text == cli(&server.db, &["--format", "csv", "profile", area]),
            "CSV of {area}"
        );
    }
}

#[test]
fn demo_profiles_and_briefs_are_the_command_lines() {
    let server = Server::start();
    let token = Auth::Token(server.admin_token());
    same_profiles(&server, &token, &["XAA", "XAB", "world"]);
    let year = server.get("/api/v1/profiles/XAA?year=2020", &token).json();
    assert!(year["stock_in"].as_array().expect("stocks").iter().all(|s| s["year"] == 2020));
    let brief = server.get("/api/v1/briefs/XAA", &token);
    assert_eq!(brief.status, 200);
    assert!(brief.text.starts_with("<!DOCTYPE html>") || brief.text.starts_with("<!doctype html>"));
    let csp = brief.header("content-security-policy").expect("csp");
    assert!(!csp.contains("script-src") && csp.contains("default-src 'none'"), "{csp}");
    let unknown = server.get("/api/v1/profiles/Atlantis", &token);
    assert_eq!(unknown.status, 404, "{}", unknown.text);
    assert_eq!(server.get("/api/v1/profiles/XAA?format=xml", &token).status, 400);
}

#[test]
fn real_profiles_are_the_command_lines() {
    let files = [
        "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
        "rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv",
        "wdi_population/wb_SP.POP.TOTL_population.csv",
        "wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls",
        "country_codes/WB_CLASS_income_groups_FY2024.xlsx",
    ];
    let Some(paths) =
        files.iter().map(|f| test_support::shared_data(f)).collect::<Option<Vec<_>>>()
    else {
        return;
    };
    let dir = tempfile::tempdir().expect("dir");
    let db = test_support::store_arg(&dir.path().join("real.sqlite"));
    let out = Command::new(env!("CARGO_BIN_EXE_coherence"))
        .arg("--db")
        .arg(&db)
        .args(["-q", "import"])
        .args(&paths)
        .output()
        .expect("import");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let server = Server::spawn(dir, db, &["--insecure-cookies"], false);
    let token = Auth::Token(server.admin_token());
    same_profiles(&server, &token, &["PHL", "NPL", "DEU", "Mexico", "income:LMC", "sdg:SSA"]);
}

#[test]
fn a_governments_register_and_answers_stay_out_of_others_profiles_until_shared() {
    let world = crate::harness::World::new();
    let (server, other, viewer) = (&world.server, &world.auth[5], &world.auth[1]);
    let policies = |auth: &Auth| {
        let p = server.get("/api/v1/profiles/XAA", auth).json();
        (p["policies"].as_array().map_or(0, Vec::len), p["gaps"].to_string())
    };
    let (own, _) = policies(viewer);
    assert!(own > 0, "Pelaria's viewer reads its register in the profile");
    let (seen, gaps) = policies(other);
    assert_eq!(seen, 0, "Brevmark's coordinator does not read Pelaria's register");
    assert!(gaps.contains("not shared with you"), "{gaps}");
    let brief = server.get("/api/v1/briefs/XAA", other).text;
    assert!(!brief.contains("XAA-LAB-01"), "nor in the brief");
    // Pelaria's coordinator shares its register with the partnership.
    let share = serde_json::json!({"workspace_id": world.w, "what": "register", "shared": true, "reason": "joint review"});
    let r = server.send(
        "PUT",
        &format!("/api/v1/workspaces/{}/shares", world.p),
        &world.auth[4],
        Some(&share),
    );
    assert_eq!(r.status, 204, "{}", r.text);
    assert_eq!(policies(other).0, own, "once shared, the partner reads it");
    let brief = server.get("/api/v1/briefs/XAA", other).text;
    assert!(brief.contains("XAA-LAB-01"), "and the brief shows it");
}
