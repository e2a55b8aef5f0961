//! Application-level tests: the demo world loaded into a store, profiles checked against
//! the source cells read independently from the demo files.

#![allow(
    clippy::float_cmp,
    reason = "the values are whole numbers of persons, exactly representable"
)]

use std::collections::HashMap;

use analysis::Workspace;

fn demo_file(name: &str) -> String {
    let path = test_support::workspace_root().join("demo").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (orig, dest, year, sex) → value, read with a plain CSV parse of demo/stocks.csv.
fn stocks_csv() -> HashMap<(String, String, i32, String), f64> {
    let text = demo_file("stocks.csv");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("orig,dest,year,sex,value"));
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                (f[0].to_owned(), f[1].to_owned(), f[2].parse().unwrap(), f[3].to_owned()),
                f[4].parse().unwrap(),
            )
        })
        .collect()
}

async fn demo_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("w.sqlite")).await.unwrap();
    ws.load_demo(&mut |_, _| {}).await.unwrap();
    (dir, ws)
}

#[tokio::test]
async fn demo_profile_matches_the_source_cells() {
    let (_dir, ws) = demo_workspace().await;
    let stocks = stocks_csv();
    let p = ws.profile("XAA").await.unwrap();
    assert!(p.fictional_notice.is_some());

    for year in &p.stock_out {
        for (sex, value) in [
            ("total", Some(&year.total)),
            ("male", year.male.as_ref()),
            ("female", year.female.as_ref()),
        ] {
            let expected: f64 = stocks
                .iter()
                .filter(|((o, d, y, s), _)| o == "XAA" && d != "XAA" && *y == year.year && s == sex)
                .map(|(_, v)| v)
                .sum();
            assert_eq!(value.unwrap().value, expected, "emigrants {} {sex}", year.year);
        }
    }
    for c in &p.top_destinations {
        let expected = stocks[&("XAA".to_owned(), c.partner.clone(), c.year, "total".to_owned())];
        assert_eq!(c.stock.value, expected, "XAA→{} {}", c.partner, c.year);
        // The cited cell holds exactly this value.
        let cell = c.stock.source.cell.as_deref().unwrap();
        let row: usize =
            cell.split("row ").nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
        let line = demo_file("stocks.csv").lines().nth(row - 1).unwrap().to_owned();
        assert_eq!(line, format!("XAA,{},{},total,{}", c.partner, c.year, expected), "{cell}");
    }
    let shares: f64 = p.top_destinations.iter().map(|c| c.share.value).sum();
    assert!(shares <= 100.0 + 1e-9);

    // 17.3.2 = remittances received / GDP × 100, year by year.
    for r in &p.remittances_pct_gdp {
        let received =
            p.remittances_received.iter().find(|v| v.year == r.year).unwrap().value.value;
        let gdp = p.gdp.iter().find(|v| v.year == r.year).unwrap().value.value;
        assert!((r.value.value - 100.0 * received / gdp).abs() < 1e-12);
    }
    assert!(!p.policies.is_empty());
}

#[tokio::test]
async fn a_real_country_without_data_lists_its_gaps() {
    let (_dir, ws) = demo_workspace().await;
    let p = ws.profile("Nepal").await.unwrap();
    assert_eq!(p.area.iso3, "NPL");
    assert!(p.fictional_notice.is_none(), "no fictional value was used");
    assert!(p.stock_in.is_empty() && p.remittances_received.is_empty());
    assert!(p.gaps.iter().any(|g| g.said.text.contains("Immigrant stock")), "{:?}", p.gaps);
    assert!(
        p.gaps.iter().any(|g| g.said.text.contains("17.3.2") || g.said.text.contains("Remittances received"))
    );
}

#[tokio::test]
async fn loading_the_demo_twice_changes_nothing() {
    let (_dir, ws) = demo_workspace().await;
    let before = ws.datasets().await.unwrap();
    let again = ws.load_demo(&mut |_, _| {}).await.unwrap();
    assert_eq!(again.status, analysis::LoadStatus::Unchanged);
    assert_eq!(ws.datasets().await.unwrap(), before);
}
