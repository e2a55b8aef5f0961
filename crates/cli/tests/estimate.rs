//! End-to-end tests of `coherence estimate` on small fixtures (tests/data/estimate_*.csv:
//! the four-region example of Abel (2013) with the regions named DEU, ESP, FRA, ITA).

use std::path::{Path, PathBuf};

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

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join(name)
}

fn flows_cmd(db: &Path, method: &str, out: &Path) -> Command {
    flows_cmd_with(db, method, &fixture("estimate_vital.csv"), out)
}

/// As [`flows_cmd`], with births and deaths from `vital`.
fn flows_cmd_with(db: &Path, method: &str, vital: &Path, out: &Path) -> Command {
    let mut cmd = coherence(db);
    cmd.args(["estimate", "flows", "--method", method, "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(fixture("estimate_stocks.csv"))
        .arg("--vital")
        .arg(vital)
        .arg("--out")
        .arg(out);
    cmd
}

/// (orig, dest) → flow, checking the header and the period columns.
fn read_flows(path: &Path) -> Vec<(String, String, f64)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("orig,dest,period_start,period_end,flow"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f.len(), 5, "{l}");
            assert_eq!((f[2], f[3]), ("2015", "2020"), "{l}");
            (f[0].to_owned(), f[1].to_owned(), f[4].parse().unwrap())
        })
        .collect()
}

#[test]
fn every_method_writes_the_columns_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    for method in
        ["sd_drop_neg", "sd_rev_neg", "mig_rate", "da_min_open", "da_min_closed", "da_pb_closed"]
    {
        let out = dir.path().join(format!("{method}.csv"));
        let assert = flows_cmd(&db, method, &out).assert().success();
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(stderr.contains(method) && stderr.contains("4 areas"), "{stderr}");
        assert!(stderr.contains("stocks from"), "inputs are named: {stderr}");
        let rows = read_flows(&out);
        assert!(!rows.is_empty(), "{method}");
        assert!(rows.iter().all(|(o, d, _)| o != d), "{method}: no flows on the diagonal");
    }
}

#[test]
fn minimisation_reproduces_the_published_example() {
    // Abel (2013): total 150, A→C 50, B→A 35 (migest ffs_demo, defaults, no births/deaths).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let out = dir.path().join("f.csv");
    let assert = flows_cmd(&db, "da_min_closed", &out).assert().success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("allocation fit: converged"), "convergence is printed: {stderr}");
    let rows = read_flows(&out);
    let total: f64 = rows.iter().map(|r| r.2).sum();
    assert!((total - 150.0).abs() < 1e-6, "total {total}");
    let get = |o: &str, d: &str| rows.iter().find(|r| r.0 == o && r.1 == d).map_or(0.0, |r| r.2);
    assert!((get("DEU", "FRA") - 50.0).abs() < 1e-6);
    assert!((get("ESP", "DEU") - 35.0).abs() < 1e-6);
}

#[test]
fn flows_can_be_stored_as_a_derived_dataset() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let out = dir.path().join("f.csv");
    flows_cmd(&db, "da_pb_closed", &out)
        .arg("--store")
        .assert()
        .success()
        .stderr(predicate::str::contains("added import"));
    let listed = coherence(&db).args(["datasets", "--format", "json"]).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&listed.get_output().stdout).unwrap();
    let text = json.to_string();
    assert!(text.contains("estimate-flows.da_pb_closed.2015-2020"), "{text}");
    assert!(text.contains("estimate_stocks.csv"), "the input file is recorded: {text}");
    // The same inputs again change nothing.
    flows_cmd(&db, "da_pb_closed", &out)
        .arg("--store")
        .assert()
        .success()
        .stderr(predicate::str::contains("unchanged import"));
}

#[test]
fn a_bad_stock_row_names_file_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db)
        .args(["estimate", "flows", "--method", "sd_rev_neg", "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(fixture("estimate_stocks_bad.csv"))
        .arg("--out")
        .arg(dir.path().join("f.csv"))
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("estimate_stocks_bad.csv")
                .and(predicate::str::contains("row 3"))
                .and(predicate::str::contains("column value"))
                .and(predicate::str::contains("\"many\"")),
        );
    assert!(!dir.path().join("f.csv").exists(), "no output on error");
}

#[test]
fn an_unknown_method_lists_the_methods() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    flows_cmd(&db, "da_pb_open", &dir.path().join("f.csv")).assert().failure().stderr(
        predicate::str::contains("unknown method \"da_pb_open\"").and(predicate::str::contains(
            "sd_drop_neg, sd_rev_neg, mig_rate, da_min_open, da_min_closed, da_pb_closed",
        )),
    );
}

#[test]
fn demographic_accounting_without_births_and_deaths_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db)
        .args(["estimate", "flows", "--method", "da_min_closed", "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(fixture("estimate_stocks.csv"))
        .arg("--out")
        .arg(dir.path().join("f.csv"))
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("crude birth rate")
                .and(predicate::str::contains("DEU, ESP, FRA, ITA"))
                .and(predicate::str::contains("--vital")),
        );
}

#[test]
fn remittances_without_a_migration_matrix_fail_loudly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db)
        .args(["estimate", "remittances", "--year", "2017", "--out"])
        .arg(dir.path().join("r.csv"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("no bilateral migrant stock"));
}

#[test]
fn remittances_from_the_world_bank_2017_files() {
    let (Some(migration), Some(inflows)) = (
        test_support::shared_data(
            "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
        ),
        test_support::shared_data(
            "knomad_remittance_flows/knomad_remittance_inflows_2000-2022.xlsx",
        ),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).arg("-q").arg("import").arg(&migration).arg(&inflows).assert().success();
    let out = dir.path().join("r.csv");
    // No incomes are imported: the migrant-stock weights need none.
    let assert = coherence(&db)
        .args(["estimate", "remittances", "--year", "2017", "--variant", "stock"])
        .args(["--zero-corridor", "KOR:PRK", "--out"])
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("stock weights") && stderr.contains("KOR–PRK"), "{stderr}");
    assert!(stderr.contains("IND–PAK, LBN–ISR, AZE–ARM"), "{stderr}");
    assert!(stderr.contains("Other North"), "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("sender,receiver,year,usd_millions"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.len() > 5000, "{}", rows.len());
    assert!(rows.iter().all(|r| r.len() == 4 && r[2] == "2017"));
    for (a, b) in [("IND", "PAK"), ("PAK", "IND"), ("KOR", "PRK"), ("ISR", "LBN")] {
        assert!(!rows.iter().any(|r| r[0] == a && r[1] == b), "{a}→{b} is a zero corridor");
    }
}

/// Sender → amount (US$ millions) of one receiver in an `estimate remittances` CSV.
fn remitted_to(path: &Path, receiver: &str) -> Vec<(String, f64)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[1] == receiver).then(|| (f[0].to_owned(), f[3].parse().unwrap()))
        })
        .collect()
}

#[test]
fn remittances_by_default_keep_poorer_hosts_and_compare_with_the_2018_matrix() {
    let files: Option<Vec<PathBuf>> = [
        "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
        "wb_bilateral_remittance_2018/Bilateralremittancematrix2018Oct2019.csv",
        "knomad_remittance_flows/knomad_remittance_inflows_2000-2022.xlsx",
        "wdi_gdp_per_capita/API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_5728866.csv",
        "wdi_gdp_per_capita/Metadata_Country_API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_5728866.csv",
    ]
    .iter()
    .map(|p| test_support::shared_data(p))
    .collect();
    let Some(files) = files else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).arg("-q").arg("import").args(&files).assert().success();
    let year = ["estimate", "remittances", "--year", "2018", "--stock-year", "2017"];

    // Incomes missing for some hosts stop the default weights, naming the way out.
    coherence(&db)
        .args(year)
        .arg("--out")
        .arg(dir.path().join("r.csv"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("--missing-income drop-host"));

    let out = dir.path().join("default.csv");
    let assert = coherence(&db)
        .args(year)
        .args(["--missing-income", "drop-host", "--out"])
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    for expected in [
        "income-difference weights, ppp income, floor origin:0.06",
        "stocks of 2017 with inflows and incomes of 2018",
        "against the published matrix of 2018: correlation 0.99",
        "South–South share of low- and middle-income receivers' remittances",
    ] {
        assert!(stderr.contains(expected), "{expected:?} not in {stderr}");
    }
    // Nepal is poorer than India (PPP GDP per capita 2018): its Indian residents still
    // remit under the default weights, and not under the zero floor.
    let nepal = |rows: &[(String, f64)]| rows.iter().find(|(s, _)| s == "NPL").map(|r| r.1);
    let to_india = remitted_to(&out, "IND");
    assert!(nepal(&to_india).is_some_and(|v| v > 100.0), "{:?}", nepal(&to_india));
    let zero = dir.path().join("zero.csv");
    coherence(&db)
        .args(year)
        .args(["--missing-income", "drop-host", "--floor", "zero", "--out"])
        .arg(&zero)
        .assert()
        .success();
    assert_eq!(nepal(&remitted_to(&zero, "IND")), None);

    coherence(&db)
        .args(year)
        .args(["--floor", "origin:-1", "--out"])
        .arg(&zero)
        .assert()
        .failure()
        .stderr(predicate::str::contains("expected origin, origin:K, zero or host:S"));
}

/// The WDI bulk CSV fixtures of crude birth and death rates and population, 2014–2021, for
/// the four regions of the stock fixture (`tests/data/API_*_fixture.csv`).
const RATE_FIXTURES: [&str; 3] = [
    "API_SP.DYN.CBRT.IN_DS2_en_csv_v2_fixture.csv",
    "API_SP.DYN.CDRT.IN_DS2_en_csv_v2_fixture.csv",
    "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv",
];

/// `estimate flows` 2015–2020 on the stock fixture, without `--vital`.
fn flows_from_store(db: &Path, method: &str, out: &Path) -> Command {
    let mut cmd = coherence(db);
    cmd.args(["estimate", "flows", "--method", method, "--from", "2015", "--to", "2020"])
        .arg("--stocks")
        .arg(fixture("estimate_stocks.csv"))
        .arg("--out")
        .arg(out);
    cmd
}

fn same_flows(a: &[(String, String, f64)], b: &[(String, String, f64)]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.0 == y.0 && x.1 == y.1 && (x.2 - y.2).abs() <= 1e-9 * x.2.abs().max(1.0)
        })
}

#[test]
fn demographic_accounting_takes_births_and_deaths_from_the_stored_rates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let mut import = coherence(&db);
    import.arg("-q").arg("import");
    for f in RATE_FIXTURES {
        import.arg(fixture(f));
    }
    import.assert().success();
    for method in ["da_min_open", "da_min_closed", "da_pb_closed"] {
        let from_store = dir.path().join(format!("{method}_store.csv"));
        let assert = flows_from_store(&db, method, &from_store).assert().success();
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        // The inputs are named, the rule is printed, and the fit's state.
        assert!(stderr.contains("crude birth rate from the store: wdi-sp.dyn.cbrt.in"), "{stderr}");
        assert!(stderr.contains("crude death rate from the store: wdi-sp.dyn.cdrt.in"), "{stderr}");
        assert!(stderr.contains("population from the store: wdi-sp.pop.totl"), "{stderr}");
        assert!(stderr.contains("weight ½ for 2015 and 2020"), "{stderr}");
        // Σ births 172.499, Σ deaths 153.0735 (estimate_vital_from_rates.csv).
        assert!(stderr.contains("world 172 births, 153 deaths"), "{stderr}");
        assert!(stderr.contains("allocation fit: converged"), "{stderr}");
        assert!(!stderr.contains("ZERO births"), "{stderr}");

        // The same births and deaths computed by hand (mid-2015 to mid-2020: half of 2015
        // and of 2020, all of 2016–2019) and given as a file give the same flows.
        let by_hand = dir.path().join(format!("{method}_file.csv"));
        flows_from_store(&db, method, &by_hand)
            .arg("--vital")
            .arg(fixture("estimate_vital_from_rates.csv"))
            .assert()
            .success();
        let (store_rows, hand_rows) = (read_flows(&from_store), read_flows(&by_hand));
        assert!(!store_rows.is_empty(), "{method}");
        assert!(same_flows(&store_rows, &hand_rows), "{method}: {store_rows:?} vs {hand_rows:?}");

        // A file overrides the store: the calendar years 2015–2019 instead give other flows,
        // and so does no births and deaths at all.
        for other in [Some("estimate_vital_calendar_years.csv"), None] {
            let out = dir.path().join(format!("{method}_other.csv"));
            let mut cmd = flows_from_store(&db, method, &out);
            match other {
                Some(f) => cmd.arg("--vital").arg(fixture(f)),
                None => cmd.arg("--no-vital"),
            };
            cmd.assert().success();
            assert!(!same_flows(&store_rows, &read_flows(&out)), "{method}: {other:?}");
        }
    }
    // Stored as a derived dataset, the estimate records the rate and population imports
    // it was computed from.
    let out = dir.path().join("stored.csv");
    flows_from_store(&db, "da_pb_closed", &out).arg("--store").assert().success();
    let listed = coherence(&db).args(["datasets", "--format", "json"]).assert().success();
    let json: serde_json::Value = serde_json::from_slice(&listed.get_output().stdout).unwrap();
    let derived = json
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["key"] == "estimate-flows.da_pb_closed.2015-2020")
        .expect("the derived dataset");
    let files: Vec<&str> =
        derived["files"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            "estimate_stocks.csv",
            "wdi-sp.dyn.cbrt.in last updated 2024-06-28",
            "wdi-sp.dyn.cdrt.in last updated 2024-06-28",
            "wdi-sp.pop.totl last updated 2024-06-28"
        ]
    );
    assert!(
        derived["edition"].as_str().unwrap().ends_with("births and deaths from the store"),
        "{derived}"
    );
}

#[test]
fn an_area_without_a_stored_rate_stops_the_estimate_unless_zero_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    // Italy has no crude death rate for 2018 in this file.
    coherence(&db)
        .arg("-q")
        .arg("import")
        .arg(fixture(RATE_FIXTURES[0]))
        .arg(fixture("API_SP.DYN.CDRT.IN_DS2_en_csv_v2_fixture_gap.csv"))
        .arg(fixture(RATE_FIXTURES[2]))
        .assert()
        .success();
    let out = dir.path().join("f.csv");
    flows_from_store(&db, "da_pb_closed", &out).assert().failure().stderr(
        predicate::str::contains(
            "crude death rate (WDI SP.DYN.CDRT.IN) missing for 1 area(s): ITA (2018)",
        )
        .and(predicate::str::contains("--zero-vital-where-missing"))
        .and(predicate::str::contains(
            "years the store holds: crude birth rate 2014–2021; crude death rate 2014–2021",
        ))
        .and(predicate::str::contains("crude birth rate (WDI").not()),
    );
    assert!(!out.exists(), "no output on error");
    let assert = flows_from_store(&db, "da_pb_closed", &out)
        .arg("--zero-vital-where-missing")
        .assert()
        .success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("ZERO births and deaths (as asked, where missing) for 1 area(s): ITA"),
        "{stderr}"
    );
    // Italy's births (8.476) and deaths (12.3245) are left out of the world totals.
    assert!(stderr.contains("world 164 births, 141 deaths"), "{stderr}");
    assert!(!read_flows(&out).is_empty());
}

#[test]
fn a_closed_world_that_cannot_be_balanced_is_reported_not_converged() {
    // FRA has no immigrants in either table, so its residents are all FRA-born and the
    // closed-world rescale must keep that cell; with no births and deaths its native-born
    // growth (50 → 80) asks for a half-way FRA-born total below that cell.
    let rows = [
        ("DEU", "DEU", 100, 100),
        ("DEU", "ESP", 10, 10),
        ("ESP", "DEU", 5, 5),
        ("ESP", "ESP", 100, 100),
        ("FRA", "FRA", 50, 80),
    ];
    let mut csv = String::from("orig,dest,year,value\n");
    for (o, d, v0, v1) in rows {
        csv.push_str(&format!("{o},{d},2015,{v0}\n{o},{d},2020,{v1}\n"));
    }
    let dir = tempfile::tempdir().unwrap();
    let stocks = dir.path().join("pinned.csv");
    std::fs::write(&stocks, csv).unwrap();
    let db = dir.path().join("w.sqlite");
    for method in ["da_min_closed", "da_pb_closed"] {
        let out = dir.path().join(format!("{method}.csv"));
        let assert = coherence(&db)
            .args(["estimate", "flows", "--method", method, "--from", "2015", "--to", "2020"])
            .arg("--stocks")
            .arg(&stocks)
            .arg("--no-vital")
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        assert!(stderr.contains("WARNING: NOT CONVERGED: rescale stock_end"), "{method}: {stderr}");
        assert!(
            stderr.contains(
                "all residents count as native-born, for 2 area-year(s): FRA 2015, FRA 2020"
            ),
            "{method}: {stderr}"
        );
        assert!(stderr.contains("When the closed world cannot be balanced"), "{method}: {stderr}");
    }
}

#[test]
fn mig_rate_total_is_net_migration_by_default_and_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    // Germany has 50 births and 20 deaths; the fixture's populations are unchanged.
    let vital = dir.path().join("vital.csv");
    std::fs::write(
        &vital,
        "area,period_start,period_end,births,deaths\nDEU,2015,2020,50,20\n\
         ESP,2015,2020,0,0\nFRA,2015,2020,0,0\nITA,2015,2020,0,0\n",
    )
    .unwrap();
    let total = |extra: &[&str]| -> f64 {
        let out = dir.path().join("m.csv");
        let mut cmd = flows_cmd_with(&db, "mig_rate", &vital, &out);
        cmd.args(extra);
        cmd.assert().success();
        read_flows(&out).iter().map(|r| r.2).sum()
    };
    let given = total(&["--flow-total", "1000"]);
    assert!((given - 1000.0).abs() < 1e-6, "{given}");
    // The default differs from the sum of absolute population changes as soon as there
    // are births and deaths.
    let net = total(&[]);
    let change = total(&["--flow-total", "population-change"]);
    assert!((net - change).abs() > 1.0, "{net} vs {change}");
    let out = dir.path().join("m.csv");
    flows_cmd(&db, "mig_rate", &out)
        .args(["--flow-total", "lots"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("net-migration, population-change or a non-negative"));
}

#[test]
fn complete_areas_only_leaves_out_areas_without_births_and_deaths() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let vital = dir.path().join("vital.csv");
    let text = std::fs::read_to_string(fixture("estimate_vital.csv")).unwrap();
    let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("ITA,")).collect();
    std::fs::write(&vital, kept.join("\n") + "\n").unwrap();
    let out = dir.path().join("f.csv");
    let run = |extra: &[&str]| {
        let mut cmd = flows_cmd_with(&db, "da_min_closed", &vital, &out);
        cmd.args(extra);
        cmd
    };
    run(&[]).assert().failure().stderr(predicate::str::contains("ITA"));
    let assert = run(&["--complete-areas-only"]).assert().success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("left out (as asked: complete areas only)") && stderr.contains("ITA"),
        "{stderr}"
    );
    assert!(stderr.contains("3 areas"), "{stderr}");
    assert!(read_flows(&out).iter().all(|(o, d, _)| o != "ITA" && d != "ITA"));
}
