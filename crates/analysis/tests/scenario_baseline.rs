//! Scenario baselines read from the demo world, checked against the demo's own files.

#![allow(clippy::float_cmp, reason = "stored values are the demo files' numbers, exactly")]

use analysis::Workspace;

fn value(b: &montecarlo::model::Baseline, key: &str) -> f64 {
    b.get(key).unwrap_or_else(|| panic!("baseline has no {key}: {b:?}")).value
}

#[tokio::test]
async fn corridor_baseline_carries_the_demo_values_with_their_sources() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("w.sqlite")).await.unwrap();
    ws.load_demo(&mut |_, _| {}).await.unwrap();

    let b = ws.scenario_baseline("XAA", Some("XAB"), Some(2020)).await.unwrap();
    assert_eq!(b.origin.as_deref(), Some("XAA"));
    assert_eq!(b.destination.as_deref(), Some("XAB"));
    // demo/stocks.csv: XAA,XAB,2020,total,874797
    assert_eq!(value(&b, "corridor_stock"), 874_797.0);
    // demo/remittances.csv: XAB,XAA,2020,2575402000 (sender, receiver)
    assert_eq!(value(&b, "corridor_remittances_usd"), 2_575_402_000.0);
    // demo/remittance_costs.csv: XAB,XAA,2020,8.5
    assert_eq!(value(&b, "corridor_cost_pct"), 8.5);
    // demo/indicators.csv: XAA,population,2020,total,23255533
    assert_eq!(value(&b, "origin_population"), 23_255_533.0);
    assert!(value(&b, "diaspora_stock") >= value(&b, "corridor_stock"));
    assert!(value(&b, "destination_gdp_per_capita_usd") > value(&b, "origin_gdp_per_capita_usd"));
    for v in &b.values {
        assert!(!v.source.is_empty() && !v.unit.is_empty(), "{v:?}");
    }
    let stock = b.get("corridor_stock").unwrap();
    assert!(stock.source.contains("stocks.csv") && stock.source.contains("year 2020"), "{stock:?}");

    // An earlier year takes the newest value in or before it.
    let early = ws.scenario_baseline("XAA", Some("XAB"), Some(2003)).await.unwrap();
    let s = early.get("corridor_stock").unwrap();
    assert!(s.source.contains("year 2000"), "{s:?}");
    assert_eq!(s.value, 311_599.0);
}

#[tokio::test]
async fn country_baseline_has_no_corridor_keys_and_unknown_countries_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("w.sqlite")).await.unwrap();
    ws.load_demo(&mut |_, _| {}).await.unwrap();
    let b = ws.scenario_baseline("XAA", None, None).await.unwrap();
    assert!(b.get("corridor_stock").is_none());
    assert!(b.get("origin_population").is_some());
    let err = ws.scenario_baseline("Atlantis", None, None).await.unwrap_err();
    assert!(err.to_string().contains("Atlantis"), "{err}");
}
