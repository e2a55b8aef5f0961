//! Calibration of real corridors (`../shared/data`, through `test_support::shared_data`):
//! the temporary-scheme example of Nepal → Qatar and the Philippines → Saudi Arabia,
//! fitted to the stock and remittances the store holds, reproduces both within 10 %.
//! The fit here is smaller than the default (40 particles, simulated at 500 places) to
//! keep the test short; docs/validation.md records the default fit's figures.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

/// A store of the shared data files `data` in `dir`, or `None` (a visible skip outside
/// CI) when the shared data are absent.
fn store_of(dir: &Path, data: &[&str]) -> Option<PathBuf> {
    let paths: Vec<PathBuf> =
        data.iter().map(|f| test_support::shared_data(f)).collect::<Option<_>>()?;
    let db = dir.join("s.sqlite");
    coherence(&db).arg("-q").arg("import").args(&paths).assert().success();
    Some(db)
}

/// The corridor file `scenario example MODEL --corridor CORRIDOR` writes, checked to
/// leave nothing to set.
fn example(db: &Path, model: &str, corridor: &str) -> String {
    let out = coherence(db)
        .args(["scenario", "example", model, "--corridor", corridor])
        .assert()
        .success();
    assert!(out.get_output().stderr.is_empty(), "{model} {corridor}: nothing left to set");
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// What the corridors' baselines read: stock, remittances, cost, GDP per capita, deployments.
const DATA: [&str; 6] = [
    "undesa_ims_2024_bilateral_subset",
    "wb_bilateral_remittance_2018",
    "rpw_corridors",
    "wdi_gdp_per_capita",
    "national_deployments/nepal_dofe_fy2079_80",
    "ilostat_outflows",
];

#[test]
fn real_corridors_calibrate_to_their_stock_and_remittances() {
    let dir = tempfile::tempdir().unwrap();
    let Some(db) = store_of(dir.path(), &DATA) else { return };
    for (corridor, stock, remittances) in
        [("NPL:QAT", 248_899.0, 2_227_000_000.0), ("PHL:SAU", 730_715.0, 3_273_000_000.0)]
    {
        let text = example(&db, "temporary-scheme", corridor);
        let small = text.replace(
            "[calibration]\n",
            "[calibration]\nparticles = 40\nmax_simulations = 4000\nsimulated_size = 500\n",
        );
        let file = dir.path().join(format!("{}.toml", corridor.replace(':', "-")));
        std::fs::write(&file, small).unwrap();
        let out = coherence(&db)
            .args(["--format", "json", "scenario", "calibrate"])
            .arg(&file)
            .assert()
            .success();
        let fit: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        assert_eq!(fit["reached"], true, "{corridor}: {fit}");
        let targets = fit["targets"].as_array().unwrap();
        let observed: Vec<f64> = targets.iter().map(|t| t["observed"].as_f64().unwrap()).collect();
        assert_eq!(observed, [stock, remittances], "{corridor}");
        assert!(targets[0]["source"].as_str().unwrap().contains("International Migrant Stock"));
        assert!(targets[1]["source"].as_str().unwrap().contains("Bilateral Remittance Matrix"));
        for t in targets {
            let gap =
                t["modelled"]["p50"].as_f64().unwrap() / t["observed"].as_f64().unwrap() - 1.0;
            assert!(gap.abs() <= 0.10, "{corridor}: {t}");
        }
        for p in fit["parameters"].as_array().unwrap() {
            let (lo, mid, hi) = (
                p["posterior"]["p05"].as_f64().unwrap(),
                p["posterior"]["p50"].as_f64().unwrap(),
                p["posterior"]["p95"].as_f64().unwrap(),
            );
            let (min, max) =
                (p["prior"]["min"].as_f64().unwrap(), p["prior"]["max"].as_f64().unwrap());
            assert!(min <= lo && lo <= mid && mid <= hi && hi <= max, "{corridor}: {p}");
            assert!(hi - lo < (max - min) / 2.0, "{corridor}: the data narrow the prior: {p}");
        }
    }
}

/// What a health-worker corridor's baseline reads: physicians, population, GDP per
/// capita, the bilateral stock.
const HEALTH_DATA: [&str; 4] =
    ["wdi_physicians", "wdi_population", "wdi_gdp_per_capita", "undesa_ims_2024_bilateral_subset"];

/// The skills example of Nigeria → United Kingdom runs as written: physicians from the
/// store (0.367 per 1,000 × 209,485,641 people in 2019), England's training cost from
/// the corridor parameters, spending per student from a wide prior, and the two unknown
/// rates fitted by replaying 2009–2019 until the physicians of 2019 are reproduced.
#[test]
fn a_health_worker_corridor_calibrates_to_its_physicians() {
    let dir = tempfile::tempdir().unwrap();
    let Some(db) = store_of(dir.path(), &HEALTH_DATA) else { return };
    let text = example(&db, "skills", "NGA:GBR");
    assert!(text.contains("year = 2019\n") && text.contains("name = \"history-2009-2019\""));
    assert!(text.contains("stock_start = { dist = \"fixed\", value = 76881, "), "{text}");
    assert!(text.contains("destination_training_cost_usd = { dist = \"fixed\", value = 296470"));
    assert!(text.contains("spend_primary_usd = { dist = \"uniform\", "), "{text}");
    let file = dir.path().join("nga-gbr.toml");
    std::fs::write(&file, &text).unwrap();
    let out = coherence(&db)
        .args(["--format", "json", "scenario", "calibrate"])
        .arg(&file)
        .assert()
        .success();
    let fit: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(fit["reached"], true, "{fit}");
    let target = &fit["targets"][0];
    assert_eq!(target["observed"].as_f64(), Some(76_881.0), "{target}");
    let gap = target["modelled"]["p50"].as_f64().unwrap() / 76_881.0 - 1.0;
    assert!(gap.abs() <= 0.10, "{target}");
    for p in fit["parameters"].as_array().unwrap() {
        let (lo, hi) =
            (p["posterior"]["p05"].as_f64().unwrap(), p["posterior"]["p95"].as_f64().unwrap());
        let (min, max) = (p["prior"]["min"].as_f64().unwrap(), p["prior"]["max"].as_f64().unwrap());
        assert!(min <= lo && lo < hi && hi <= max, "{p}");
    }
    // Every option runs from the fit.
    coherence(&db)
        .args(["-q", "scenario", "run"])
        .arg(&file)
        .args(["--draws", "40"])
        .assert()
        .success();
}

/// A high-cost corridor, Lesotho → South Africa (8.0 % in 2020, RPW): the remittance-cost
/// example runs as written; its as-observed option keeps the observed cost; the observed
/// amount (US$411 m, bilateral matrix 2018) is carried to 2020 by Lesotho's total (US$582 m
/// to US$468 m, KNOMAD) and grown by the origin's trend, drawn around the mean of its
/// yearly changes 2010–2020; the policy option shares both.
#[test]
fn a_high_cost_corridor_starts_from_its_observed_amount_and_cost() {
    let data = ["wb_bilateral_remittance_2018", "rpw_corridors", "knomad_remittance_flows"];
    let dir = tempfile::tempdir().unwrap();
    let Some(db) = store_of(dir.path(), &data) else { return };
    let text = example(&db, "remittance-cost", "LSO:ZAF");
    let growth: Vec<&str> =
        text.lines().filter(|l| l.starts_with("remittance_growth = ")).collect();
    assert_eq!(growth.len(), 2, "both options grow as the origin did: {text}");
    assert!(growth[0].contains("mean = -0.016554, sd = 0.046886"), "{}", growth[0]);
    let amount: Vec<&str> = text.lines().filter(|l| l.starts_with("remittances_usd = ")).collect();
    assert_eq!(amount.len(), 2, "{text}");
    assert!(amount[0].contains("value = 330636843,"), "411 m × 468 / 582: {}", amount[0]);
    let file = dir.path().join("lso-zaf.toml");
    std::fs::write(&file, &text).unwrap();
    let out = coherence(&db)
        .args(["--format", "csv", "scenario", "run"])
        .arg(&file)
        .args(["--draws", "200"])
        .assert()
        .success();
    let csv = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let row = |option: &str, metric: &str, year: &str| -> Vec<f64> {
        let prefix = format!("{option},remittance-cost,{metric},");
        let line = csv
            .lines()
            .find(|l| l.starts_with(&prefix) && l.split(',').nth(5) == Some(year))
            .unwrap_or_else(|| panic!("{prefix} {year}: {csv}"));
        line.split(',').skip(7).map(|v| v.parse().unwrap()).collect()
    };
    // mean, sd, p05, p25, p50, p75, p95
    let cost = row("as-observed", "cost_pct", "0");
    assert!((cost[4] - 8.025).abs() < 0.001 && cost[1] < 1e-9, "{cost:?}");
    let sent = row("as-observed", "sent_usd", "0");
    let median = sent[4] / 330_636_843.0 - 1.0;
    assert!((median - (-0.0166)).abs() < 0.01, "year 0 = observed × (1 + growth): {sent:?}");
    assert!(sent[2] < sent[6], "the trend's uncertainty is drawn");
    let policy = row("cost-to-3-percent", "sent_usd", "0");
    assert_eq!(policy, sent, "the policy shares the growth, on the same draws");
}
