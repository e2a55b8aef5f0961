//! The skills, remittance-cost and diaspora models: deterministic cores against
//! hand-computed cases, conservation identities over random parameters, the Mills et al.
//! (2011) training-cost formula by hand, and the sanity of the parameter tables.

use std::collections::HashMap;

use montecarlo::engine::{self, RunOptions, Shard};
use montecarlo::model::{
    Baseline, BaselineValue, Domain, Model, Outputs, ParamDefault, Params, Shape, draw_rng,
};
use montecarlo::models::diaspora::Diaspora;
use montecarlo::models::remittance_cost::{RemittanceCost, cost_path};
use montecarlo::models::skills::{Skills, mills_training_cost};
use montecarlo::models::{all, by_name};
use montecarlo::spec::{Place, parse, resolve};
use proptest::prelude::*;

const MODELS: [&dyn Model; 3] = [&Skills, &RemittanceCost, &Diaspora];

/// Parameter values in the model's order: `set` where given, else the documented value.
fn values(model: &dyn Model, set: &[(&str, f64)]) -> Vec<f64> {
    for (name, _) in set {
        assert!(
            model.parameters().iter().any(|d| d.name == *name),
            "{} has no parameter {name}",
            model.name()
        );
    }
    model
        .parameters()
        .iter()
        .map(|d| match set.iter().find(|(n, _)| *n == d.name) {
            Some(&(_, v)) => v,
            None => match d.default {
                ParamDefault::Value(v) => v,
                _ => panic!("{}: the test must set {}", model.name(), d.name),
            },
        })
        .collect()
}

/// Runs one draw with the given values; every output must be set and finite.
fn run_values(model: &dyn Model, v: &[f64]) -> Outputs {
    let p = Params::new(model.parameters(), v);
    model.check(&p).expect("parameters pass the model's check");
    let mut out = Outputs::new(model.outputs(), model.horizon(&p));
    let mut rng = draw_rng(7, 0);
    model.simulate(&p, &mut rng, &mut out).expect("simulate");
    for (i, x) in out.values().iter().enumerate() {
        assert!(x.is_finite(), "{}: output value {i} is {x}", model.name());
    }
    out
}

fn run(model: &dyn Model, set: &[(&str, f64)]) -> Outputs {
    run_values(model, &values(model, set))
}

fn close(a: f64, b: f64) -> bool {
    near(a, b, a.abs().max(b.abs()))
}

/// Equal to rounding, relative to `scale`, the size of the terms that were added up.
fn near(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + scale.abs())
}

#[track_caller]
fn assert_close(a: f64, b: f64, what: &str) {
    assert!(close(a, b), "{what}: {a} != {b}");
}

#[track_caller]
fn assert_series(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (t, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(close(*g, *w), "{what}[{t}]: {g} != {w}");
    }
}

// ---------------------------------------------------------------------------------
// Skills

/// Three years, no lever: every number below is worked out by hand in the comments.
fn skills_base() -> Vec<(&'static str, f64)> {
    vec![
        ("horizon_years", 3.0),
        ("population", 1_000_000.0),
        ("stock_start", 1000.0),
        ("graduates_per_year", 100.0),
        ("attrition_rate", 0.05),
        ("emigration_rate", 0.10),
        ("spend_primary_usd", 100.0),
        ("years_primary", 1.0),
        ("spend_secondary_usd", 200.0),
        ("years_secondary", 1.0),
        ("spend_professional_usd", 1000.0),
        ("years_professional", 1.0),
        ("interest_rate", 0.1),
        ("host_earnings_usd", 40_000.0),
        ("destination_training_cost_usd", 50_000.0),
    ]
}

#[test]
fn skills_without_levers_by_hand() {
    let out = run(&Skills, &skills_base());
    // Year 0: A = 0.05·1000 = 50, E = 0.10·1000 = 100, S = 1000 + 100 − 50 − 100 = 950.
    // Year 1: A = 47.5, E = 95, S = 907.5. Year 2: A = 45.375, E = 90.75, S = 871.375.
    assert_series(out.series("stock"), &[950.0, 907.5, 871.375], "stock");
    assert_series(out.series("attrition"), &[50.0, 47.5, 45.375], "attrition");
    assert_series(out.series("emigrants"), &[100.0, 95.0, 90.75], "emigrants");
    assert_series(out.series("recruits"), &[100.0, 95.0, 90.75], "recruits");
    assert_series(out.series("graduates"), &[100.0; 3], "graduates");
    assert_series(out.series("extra_graduates"), &[0.0; 3], "extra graduates");
    assert_series(out.series("density_per_10000"), &[9.5, 9.075, 8.71375], "density");
    assert_close(out.get("stock_end"), 871.375, "stock_end");
    assert_close(out.get("emigrants_total"), 285.75, "emigrants_total");
    assert_close(out.get("attrition_total"), 142.875, "attrition_total");
    assert_close(out.get("density_start"), 10.0, "density_start");
    assert_close(out.get("years_below_threshold"), 3.0, "years below 49");
    // 49 per 10,000 of 1,000,000 is 4,900 workers.
    assert_close(out.get("workers_short_end"), 4900.0 - 871.375, "workers short");
    // Mills: 100·1.1² + 200·1.1 + 1000 = 121 + 220 + 1000 = 1341.
    assert_close(out.get("training_cost_per_professional_usd"), 1341.0, "Mills cost");
    assert_close(out.get("lost_investment_total_usd"), 285.75 * 1341.0, "lost investment");
    assert_close(out.get("compensation_total_usd"), 0.0, "no compensation");
    assert_close(out.get("net_cost_origin_usd"), 285.75 * 1341.0, "net cost");
    assert_close(out.get("benefit_destination_usd"), 285.75 * 50_000.0, "benefit");
    assert_close(out.get("net_benefit_destination_usd"), 285.75 * 50_000.0, "net benefit");
    assert_close(out.get("stock_end_without_levers"), 871.375, "same draw, no levers");
}

#[test]
fn skills_with_every_lever_by_hand() {
    let mut set = skills_base();
    set.extend([
        ("population_growth", 0.1),
        ("destination_share", 0.8),
        ("cap_per_year", 70.0),
        ("cap_compliance", 1.0),
        ("cap_diversion", 0.5),
        ("g2g_trainees_per_recruit", 1.0),
        ("fund_usd_per_year", 10_000.0),
        ("completion_rate", 0.5),
        ("bhagwati_rate", 0.1),
        ("bhagwati_years", 2.0),
    ]);
    let out = run(&Skills, &set);
    // Year 0: E0 = 100, to the destination 80, capped at 70 (10 blocked, 5 of them
    // diverted), E = 70 + 20 + 5 = 95; A = 50; S = 1000 + 100 − 50 − 95 = 955.
    // Trainees: 1·70 (G2G) + 10,000 / 1,000 (fund) = 80, graduating in year 1 at 50 %.
    // Year 1: G = 100 + 40; A = 47.75; E0 = 95.5, dest 76.4 → 70 (6.4 blocked, 3.2
    // diverted), E = 70 + 19.1 + 3.2 = 92.3; S = 955 + 140 − 47.75 − 92.3 = 954.95.
    // Year 2: G = 140; A = 47.7475; E0 = 95.495, dest 76.396 → 70 (6.396 blocked),
    // E = 70 + 19.099 + 3.198 = 92.297; S = 954.9055.
    assert_series(out.series("stock"), &[955.0, 954.95, 954.9055], "stock");
    assert_series(out.series("graduates"), &[100.0, 140.0, 140.0], "graduates");
    assert_series(out.series("extra_graduates"), &[0.0, 40.0, 40.0], "extra graduates");
    assert_series(out.series("emigrants"), &[95.0, 92.3, 92.297], "emigrants");
    assert_series(out.series("recruits"), &[70.0; 3], "recruits");
    assert_close(out.get("cap_blocked_total"), 10.0 + 6.4 + 6.396, "blocked");
    assert_close(out.get("cap_diverted_total"), 5.0 + 3.2 + 3.198, "diverted");
    assert_close(out.get("trainees_funded_total"), 240.0, "trainees (the last 80 still in school)");
    assert_close(out.get("extra_graduates_total"), 80.0, "extra graduates total");
    // Population grows 10 % a year: 1.331 million at the end of year 2.
    assert_close(out.get("density_end"), 954.9055 / 1_331_000.0 * 1e4, "density_end");
    // Bhagwati: 10 % of 40,000 = 4,000 per payer-year; payers 70, 140, 140 (two years each).
    // G2G: 70 trainees · 1,000 a year; fund 10,000 a year.
    assert_series(
        out.series("compensation_usd"),
        &[280_000.0 + 70_000.0 + 10_000.0, 560_000.0 + 70_000.0 + 10_000.0, 640_000.0],
        "compensation",
    );
    assert_close(out.get("compensation_bhagwati_total_usd"), 1_400_000.0, "Bhagwati");
    assert_close(out.get("compensation_g2g_total_usd"), 210_000.0, "G2G");
    assert_close(out.get("compensation_fund_total_usd"), 30_000.0, "fund");
    assert_close(out.get("compensation_total_usd"), 1_640_000.0, "compensation total");
    let lost = 279.597 * 1341.0;
    assert_close(out.get("lost_investment_total_usd"), lost, "lost");
    assert_close(out.get("net_cost_origin_usd"), lost - 1_640_000.0, "net cost");
    assert_close(out.get("benefit_destination_usd"), 210.0 * 50_000.0, "benefit");
    assert_close(out.get("net_benefit_destination_usd"), 10_500_000.0 - 240_000.0, "net benefit");
    // Without the cap, G2G and fund, the same draw is the no-lever case.
    assert_close(out.get("stock_end_without_levers"), 871.375, "without levers");
    assert_close(
        out.get("density_end_without_levers"),
        871.375 / 1_331_000.0 * 1e4,
        "density without levers",
    );
}

#[test]
fn skills_with_every_lever_off_equals_the_no_policy_run() {
    // Levers that are set but do nothing: a cap nobody enforces (compliance 0, so the
    // diversion share has nothing to divert), or a fully enforced cap above the
    // destination's recruits (at most 100 a year in skills_base, cap 1,000); no G2G
    // training, no fund, no transfer (a transfer period without a rate pays nothing);
    // funded trainees' completion rate does not matter when none are funded. Every
    // output must equal the no-lever run, value for value (stock 950, 907.5, 871.375
    // as worked out in skills_without_levers_by_hand).
    let none = run(&Skills, &skills_base());
    let off = [
        vec![
            ("cap_per_year", 10.0),
            ("cap_compliance", 0.0),
            ("cap_diversion", 0.5),
            ("completion_rate", 0.3),
            ("bhagwati_years", 4.0),
        ],
        vec![("cap_per_year", 1000.0), ("cap_compliance", 1.0), ("cap_diversion", 1.0)],
    ];
    for levers in off {
        let mut set = skills_base();
        set.extend(levers);
        let out = run(&Skills, &set);
        assert_eq!(out.values().len(), none.values().len());
        for (k, (a, b)) in out.values().iter().zip(none.values()).enumerate() {
            assert!(close(*a, *b), "output value {k}: {a} with the levers off, {b} without");
        }
        assert_series(out.series("stock"), &[950.0, 907.5, 871.375], "stock");
        assert_close(out.get("cap_blocked_total"), 0.0, "nothing blocked");
        assert_close(out.get("compensation_total_usd"), 0.0, "no compensation");
        assert_close(out.get("stock_end"), out.get("stock_end_without_levers"), "same stock");
    }
}

#[test]
fn mills_training_cost_by_hand() {
    // Two years at 100 then one at 200, r = 10 %: 100·1.1² + 100·1.1 + 200 = 431.
    assert_close(mills_training_cost(&[(100.0, 2), (200.0, 1)], 0.1, 0), 431.0, "C");
    // Compounded two more years to the evaluation year: 431·1.21 = 521.51.
    assert_close(mills_training_cost(&[(100.0, 2), (200.0, 1)], 0.1, 2), 521.51, "C, g = 2");
    // Without interest, the sum of spending by stage.
    let stages = [(150.0, 6), (400.0, 6), (2500.0, 5)];
    assert_close(mills_training_cost(&stages, 0.0, 0), 900.0 + 2400.0 + 12_500.0, "r = 0");
    // A stage of zero years adds nothing; no stage costs nothing.
    assert_close(mills_training_cost(&[(1e6, 0), (10.0, 1)], 0.2, 0), 10.0, "empty stage");
    assert_close(mills_training_cost(&[], 0.1, 3), 0.0, "no stage");
}

#[test]
fn skills_check_refuses_inconsistent_parameters() {
    let mut set = skills_base();
    set.retain(|(n, _)| *n != "emigration_rate" && *n != "attrition_rate");
    set.extend([("attrition_rate", 0.6), ("emigration_rate", 0.5)]);
    let v = values(&Skills, &set);
    let err = Skills.check(&Params::new(Skills.parameters(), &v)).unwrap_err();
    assert!(err.message.contains("attrition_rate + emigration_rate"), "{err}");

    let mut set = skills_base();
    set.retain(|(n, _)| *n != "years_professional");
    set.push(("years_professional", 0.0));
    let v = values(&Skills, &set);
    assert!(Skills.check(&Params::new(Skills.parameters(), &v)).is_err());
}

// ---------------------------------------------------------------------------------
// Remittance cost

fn remit_base() -> Vec<(&'static str, f64)> {
    vec![
        ("horizon_years", 3.0),
        ("remittances_usd", 1_000_000.0),
        ("cost_start_pct", 8.0),
        ("target_pct", 3.0),
        ("years_to_target", 2.0),
    ]
}

#[test]
fn remittance_cost_without_response_by_hand() {
    let out = run(&RemittanceCost, &remit_base());
    // Halfway in year 0: 8 + (3 − 8)·½ = 5.5; the target from year 1.
    assert_series(out.series("cost_pct"), &[5.5, 3.0, 3.0], "cost path");
    // No growth, no response: 1e6 sent every year. Fees 1e6 · 5.5 % = 55,000, then
    // 1e6 · 3 % = 30,000 (8 % = 80,000 without the policy); saved 80,000 − 55,000 =
    // 25,000, then 50,000; received 1e6 − fees. Totals: saved 25,000 + 2 · 50,000 =
    // 125,000; fees 55,000 + 2 · 30,000 = 115,000; received 3e6 − 115,000 = 2,885,000
    // against 3e6 − 240,000 = 2,760,000 without the policy.
    assert_series(out.series("sent_usd"), &[1e6; 3], "sent");
    assert_series(out.series("fees_usd"), &[55_000.0, 30_000.0, 30_000.0], "fees");
    assert_series(out.series("fees_baseline_usd"), &[80_000.0; 3], "baseline fees");
    assert_series(out.series("savings_usd"), &[25_000.0, 50_000.0, 50_000.0], "savings");
    assert_series(out.series("received_usd"), &[945_000.0, 970_000.0, 970_000.0], "received");
    assert_series(out.series("extra_remittances_usd"), &[0.0; 3], "extra");
    assert_close(out.get("savings_total_usd"), 125_000.0, "savings total");
    assert_close(out.get("fees_total_usd"), 115_000.0, "fees total");
    assert_close(out.get("fees_baseline_total_usd"), 240_000.0, "baseline fees total");
    assert_close(out.get("received_total_usd"), 2_885_000.0, "received total");
    assert_close(out.get("received_baseline_total_usd"), 2_760_000.0, "baseline received");
    assert_close(out.get("extra_received_total_usd"), 125_000.0, "extra received = savings");
    assert_close(out.get("cost_end_pct"), 3.0, "end cost");
    assert_close(out.get("years_above_5pct"), 1.0, "years above 5 %");
    assert_close(out.get("years_at_or_below_3pct"), 2.0, "years at 3 %");
}

#[test]
fn remittance_cost_with_elasticity_by_hand() {
    let mut set = remit_base();
    set.extend([("elasticity", -0.5), ("remittance_growth", 0.1)]);
    let out = run(&RemittanceCost, &set);
    // Year t is t + 1 years after the baseline year (1e6 sent at 8 %), so the amount
    // sent without the policy is 1e6 · 1.1^(t+1): 1.1e6, 1.21e6, 1.331e6.
    // sent_t = 1e6 · 1.1^(t+1) · (c_t / 8)^(−½), with c = 5.5, 3, 3.
    let sent = [
        1.1e6 / (5.5f64 / 8.0).sqrt(),
        1.21e6 * (8.0f64 / 3.0).sqrt(),
        1.331e6 * (8.0f64 / 3.0).sqrt(),
    ];
    assert_series(out.series("sent_usd"), &sent, "sent");
    let base = [1.1e6, 1.21e6, 1.331e6];
    let extra: Vec<f64> = sent.iter().zip(base).map(|(s, b)| s - b).collect();
    assert_series(out.series("extra_remittances_usd"), &extra, "extra");
    // Savings on the baseline amount: (8 − 5.5) % = 2.5 %, then (8 − 3) % = 5 %.
    assert_series(
        out.series("savings_usd"),
        &[1.1e6 * 0.025, 1.21e6 * 0.05, 1.331e6 * 0.05],
        "savings on the baseline amount",
    );
    // Baseline fees: 8 % of 1.1e6, 1.21e6, 1.331e6.
    assert_series(
        out.series("fees_baseline_usd"),
        &[88_000.0, 96_800.0, 106_480.0],
        "baseline fees",
    );
    assert_series(
        out.series("fees_usd"),
        &[sent[0] * 0.055, sent[1] * 0.03, sent[2] * 0.03],
        "fees",
    );
}

#[test]
fn remittance_cost_path_edges() {
    // At once when years_to_target is 0; never above the starting cost.
    assert_close(cost_path(8.0, 3.0, 0.0, 0), 3.0, "at once");
    assert_close(cost_path(2.5, 3.0, 4.0, 0), 2.5, "already below the target");
    assert_close(cost_path(9.0, 3.0, 4.0, 1), 6.0, "half way in year 1 of 4");
    assert_close(cost_path(9.0, 3.0, 4.0, 10), 3.0, "stays at the target");
    // A target above the start leaves the corridor unchanged: no savings.
    let mut set = remit_base();
    set.retain(|(n, _)| *n != "target_pct");
    set.push(("target_pct", 10.0));
    let out = run(&RemittanceCost, &set);
    assert_close(out.get("savings_total_usd"), 0.0, "no savings");
    assert_close(out.get("extra_received_total_usd"), 0.0, "nothing extra");
    // A negative elasticity with a zero target is refused (infinite amounts).
    let mut set = remit_base();
    set.retain(|(n, _)| *n != "target_pct");
    set.extend([("target_pct", 0.0), ("elasticity", -1.0)]);
    let v = values(&RemittanceCost, &set);
    assert!(RemittanceCost.check(&Params::new(RemittanceCost.parameters(), &v)).is_err());
}

#[test]
fn remittance_cost_at_target_equal_to_the_start_saves_nothing() {
    // Target = today's cost (8 %): the cost stays at 8 % every year, so nothing is
    // saved and, whatever the elasticity, nothing extra is sent: (8 / 8)^ε = 1. Fees
    // are 8 % of 1e6 · 1.05^(t+1) = 1.05e6, 1.1025e6, 1.157625e6 → 84,000, 88,200,
    // 92,610, the same with and without the policy.
    for elasticity in [0.0, -0.5, 0.3] {
        let mut set = remit_base();
        set.retain(|(n, _)| *n != "target_pct");
        set.extend([("target_pct", 8.0), ("elasticity", elasticity), ("remittance_growth", 0.05)]);
        let out = run(&RemittanceCost, &set);
        assert_series(out.series("cost_pct"), &[8.0; 3], "cost path");
        assert_series(out.series("fees_usd"), &[84_000.0, 88_200.0, 92_610.0], "fees");
        assert_series(out.series("fees_baseline_usd"), &[84_000.0, 88_200.0, 92_610.0], "base");
        assert_series(out.series("savings_usd"), &[0.0; 3], "savings");
        assert_series(out.series("extra_remittances_usd"), &[0.0; 3], "extra");
        assert_close(out.get("savings_total_usd"), 0.0, "savings total");
        assert_close(out.get("extra_received_total_usd"), 0.0, "extra received");
        assert_close(out.get("fees_total_usd"), out.get("fees_baseline_total_usd"), "fees");
        assert_close(out.get("years_above_5pct"), 3.0, "years above 5 %");
    }
}

// ---------------------------------------------------------------------------------
// Diaspora

fn diaspora_base() -> Vec<(&'static str, f64)> {
    vec![
        ("horizon_years", 3.0),
        ("diaspora_size", 100_000.0),
        ("income_usd", 20_000.0),
        ("saving_rate", 0.1),
        ("bond_issue_usd", 1_000_000.0),
        ("bond_takeup", 0.01),
        ("bond_ticket_usd", 500.0),
        ("bond_coupon", 0.04),
        ("market_rate", 0.06),
        ("bond_maturity_years", 2.0),
        ("match_participation", 0.02),
        ("match_contribution_usd", 100.0),
        ("match_rate", 3.0),
        ("match_budget_usd", 250_000.0),
        ("origin_population", 1_000_000.0),
    ]
}

#[test]
fn diaspora_by_hand() {
    let out = run(&Diaspora, &diaspora_base());
    // Demand 100,000 · 1 % · 500 = 500,000 a year, under the issue: all sold.
    assert_series(out.series("bonds_sold_usd"), &[500_000.0; 3], "sold");
    // Two-year bonds: the year-0 bond is repaid at the start of year 2.
    assert_series(out.series("bonds_outstanding_usd"), &[500_000.0, 1e6, 1e6], "outstanding");
    assert_series(out.series("bond_repayment_usd"), &[0.0, 0.0, 500_000.0], "repayment");
    assert_series(out.series("bond_interest_usd"), &[20_000.0, 40_000.0, 40_000.0], "interest");
    // Contributions 100,000 · 2 % · 100 = 200,000; matching 3 · 200,000 capped at 250,000.
    assert_series(out.series("contributions_usd"), &[200_000.0; 3], "contributions");
    assert_series(out.series("matched_usd"), &[250_000.0; 3], "matched");
    assert_series(out.series("mobilised_usd"), &[950_000.0; 3], "mobilised");
    assert_series(out.series("government_cost_usd"), &[270_000.0, 290_000.0, 290_000.0], "cost");
    assert_close(out.get("mobilised_total_usd"), 2_850_000.0, "mobilised total");
    assert_close(out.get("diaspora_finance_total_usd"), 2_100_000.0, "diaspora money");
    assert_close(out.get("government_cost_total_usd"), 850_000.0, "government cost");
    assert_close(out.get("interest_total_usd"), 100_000.0, "interest");
    assert_close(out.get("patriotic_discount_total_usd"), 0.02 * 2_500_000.0, "discount");
    assert_close(out.get("outstanding_end_usd"), 1e6, "outstanding at the end");
    assert_close(out.get("bond_demand_unmet_total_usd"), 0.0, "no rationing");
    // Savings 100,000 · 20,000 · 10 % = 200 million a year.
    assert_close(out.get("diaspora_savings_total_usd"), 600e6, "savings");
    assert_close(out.get("share_of_savings"), 2_100_000.0 / 600e6, "share of savings");
    assert_close(out.get("mobilised_per_member_usd"), 9.5, "per member-year");
    assert_close(out.get("mobilised_per_resident_usd"), 0.95, "per resident-year");
}

#[test]
fn diaspora_with_zero_take_up_mobilises_nothing() {
    // Nobody buys the bond and nobody contributes: an issue of 1 million a year and a
    // matching budget of 250,000 a year stay unused. Nothing is sold, outstanding,
    // repaid or paid in interest; nothing is matched; the government pays nothing and
    // there is no patriotic discount (no bond outstanding). Diaspora savings are still
    // 100,000 · 20,000 · 10 % = 200 million a year.
    let mut set = diaspora_base();
    set.retain(|(n, _)| *n != "bond_takeup" && *n != "match_participation");
    set.extend([("bond_takeup", 0.0), ("match_participation", 0.0)]);
    let out = run(&Diaspora, &set);
    for series in [
        "bond_demand_usd",
        "bonds_sold_usd",
        "bonds_outstanding_usd",
        "bond_interest_usd",
        "bond_repayment_usd",
        "contributions_usd",
        "matched_usd",
        "mobilised_usd",
        "government_cost_usd",
    ] {
        assert_series(out.series(series), &[0.0; 3], series);
    }
    for total in [
        "bonds_total_usd",
        "contributions_total_usd",
        "matched_total_usd",
        "diaspora_finance_total_usd",
        "mobilised_total_usd",
        "interest_total_usd",
        "government_cost_total_usd",
        "patriotic_discount_total_usd",
        "outstanding_end_usd",
        "share_of_savings",
        "mobilised_per_member_usd",
        "mobilised_per_resident_usd",
    ] {
        assert!(out.get(total).abs() <= 0.0, "{total} = {}", out.get(total));
    }
    assert_close(out.get("diaspora_savings_total_usd"), 600e6, "savings");

    // Bond take-up alone at 0: only the matched contributions are mobilised,
    // 200,000 + 250,000 = 450,000 a year.
    let mut set = diaspora_base();
    set.retain(|(n, _)| *n != "bond_takeup");
    set.push(("bond_takeup", 0.0));
    let out = run(&Diaspora, &set);
    assert_series(out.series("mobilised_usd"), &[450_000.0; 3], "mobilised");
    assert_series(out.series("government_cost_usd"), &[250_000.0; 3], "cost: matching only");
    assert_close(out.get("bonds_total_usd"), 0.0, "no bond");
}

#[test]
fn diaspora_bond_rationed_by_the_issue() {
    let mut set = diaspora_base();
    set.retain(|(n, _)| *n != "bond_issue_usd");
    set.push(("bond_issue_usd", 300_000.0));
    let out = run(&Diaspora, &set);
    assert_series(out.series("bonds_sold_usd"), &[300_000.0; 3], "sold");
    assert_close(out.get("bond_demand_unmet_total_usd"), 600_000.0, "turned away");
}

// ---------------------------------------------------------------------------------
// Conservation over random parameters

/// Values for every parameter of `model` from uniforms `u` in [0, 1): within each
/// domain, horizons and other counts from 1 to 15, amounts up to 10⁵–10⁶.
fn random_values(model: &dyn Model, u: &[f64]) -> Vec<f64> {
    model
        .parameters()
        .iter()
        .zip(u)
        .map(|(d, &u)| match d.domain {
            Domain::Count => (1.0 + (u * 15.0).floor()).min(15.0),
            Domain::Probability => u,
            Domain::Range { min, max } => min + u * (max - min),
            Domain::Positive => 1.0 + u * 1e5,
            Domain::NonNegative | Domain::Real => u * 1e6,
        })
        .collect()
}

fn passes_check(model: &dyn Model, v: &[f64]) -> bool {
    model.check(&Params::new(model.parameters(), v)).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn skills_stock_is_conserved(u in prop::collection::vec(0.0f64..1.0, Skills.parameters().len())) {
        let v = random_values(&Skills, &u);
        prop_assume!(passes_check(&Skills, &v));
        let out = run_values(&Skills, &v);
        let (stock, g, a, e) = (
            out.series("stock"), out.series("graduates"), out.series("attrition"), out.series("emigrants"),
        );
        let mut prev = out.get("stock_start");
        for t in 0..out.horizon() {
            prop_assert!(near(stock[t], prev + g[t] - a[t] - e[t], prev + g[t] + a[t] + e[t]), "year {t}");
            prop_assert!(stock[t] >= 0.0);
            prev = stock[t];
        }
        let identity = out.get("stock_start") + out.get("graduates_total")
            - out.get("attrition_total") - out.get("emigrants_total");
        let scale = out.get("stock_start") + out.get("graduates_total")
            + out.get("attrition_total") + out.get("emigrants_total");
        prop_assert!(near(out.get("stock_end"), identity, scale), "{} != {identity}", out.get("stock_end"));
        let parts = out.get("compensation_bhagwati_total_usd") + out.get("compensation_g2g_total_usd")
            + out.get("compensation_fund_total_usd");
        prop_assert!(close(out.get("compensation_total_usd"), parts));
        prop_assert!(close(out.series("compensation_usd").iter().sum(), parts));
        prop_assert!(close(
            out.get("net_cost_origin_usd"),
            out.get("lost_investment_total_usd") - out.get("compensation_total_usd"),
        ));
        prop_assert!(close(
            out.get("lost_investment_total_usd"),
            out.get("emigrants_total") * out.get("training_cost_per_professional_usd"),
        ));
        // Recruits never exceed emigrants; a fully enforced cap holds.
        let p = Params::new(Skills.parameters(), &v);
        for (t, r) in out.series("recruits").iter().enumerate() {
            prop_assert!(*r <= e[t] * (1.0 + 1e-12));
            if p.get("cap_compliance") >= 1.0 {
                prop_assert!(*r <= p.get("cap_per_year") * (1.0 + 1e-12) + 1e-9);
            }
        }
    }

    #[test]
    fn remittances_sent_are_received_plus_fees(
        u in prop::collection::vec(0.0f64..1.0, RemittanceCost.parameters().len()),
    ) {
        let v = random_values(&RemittanceCost, &u);
        prop_assume!(passes_check(&RemittanceCost, &v));
        let out = run_values(&RemittanceCost, &v);
        let (sent, recv, fees) = (out.series("sent_usd"), out.series("received_usd"), out.series("fees_usd"));
        let (base_fees, savings, extra, cost) = (
            out.series("fees_baseline_usd"), out.series("savings_usd"),
            out.series("extra_remittances_usd"), out.series("cost_pct"),
        );
        for t in 0..out.horizon() {
            prop_assert!(close(sent[t], recv[t] + fees[t]), "year {t}");
            // Fees fall by the savings, less the fees on the extra amount sent.
            let scale = base_fees[t] + fees[t] + savings[t] + extra[t].abs();
            prop_assert!(near(base_fees[t] - fees[t], savings[t] - extra[t] * cost[t] / 100.0, scale));
            prop_assert!(savings[t] >= 0.0);
        }
        prop_assert!(close(out.get("sent_total_usd"), out.get("received_total_usd") + out.get("fees_total_usd")));
        // Extra received = savings + extra remittances net of their fees.
        let net_extra: f64 = (0..out.horizon()).map(|t| extra[t] * (1.0 - cost[t] / 100.0)).sum();
        let scale = out.get("received_total_usd") + out.get("received_baseline_total_usd");
        prop_assert!(near(out.get("extra_received_total_usd"), out.get("savings_total_usd") + net_extra, scale));
    }

    #[test]
    fn diaspora_mobilised_is_contributions_plus_matching(
        u in prop::collection::vec(0.0f64..1.0, Diaspora.parameters().len()),
    ) {
        let v = random_values(&Diaspora, &u);
        prop_assume!(passes_check(&Diaspora, &v));
        let out = run_values(&Diaspora, &v);
        let p = Params::new(Diaspora.parameters(), &v);
        let (sold, contrib, matched, mobilised) = (
            out.series("bonds_sold_usd"), out.series("contributions_usd"),
            out.series("matched_usd"), out.series("mobilised_usd"),
        );
        for t in 0..out.horizon() {
            prop_assert!(close(mobilised[t], sold[t] + contrib[t] + matched[t]), "year {t}");
            prop_assert!(sold[t] <= p.get("bond_issue_usd"));
            prop_assert!(matched[t] <= p.get("match_budget_usd"));
            prop_assert!(close(
                out.series("government_cost_usd")[t],
                out.series("bond_interest_usd")[t] + matched[t],
            ));
        }
        prop_assert!(close(
            out.get("mobilised_total_usd"),
            out.get("diaspora_finance_total_usd") + out.get("matched_total_usd"),
        ));
        prop_assert!(close(
            out.get("diaspora_finance_total_usd"),
            out.get("bonds_total_usd") + out.get("contributions_total_usd"),
        ));
        // Every bond sold is either repaid or still outstanding at the end.
        let repaid: f64 = out.series("bond_repayment_usd").iter().sum();
        prop_assert!(near(out.get("bonds_total_usd"), repaid + out.get("outstanding_end_usd"), out.get("bonds_total_usd")));
    }
}

/// Runs `model` twice on different random streams; the outputs must be identical.
fn assert_stream_free(model: &dyn Model, set: &[(&str, f64)]) {
    let v = values(model, set);
    let p = Params::new(model.parameters(), &v);
    let mut a = Outputs::new(model.outputs(), model.horizon(&p));
    let mut b = a.clone();
    model.simulate(&p, &mut draw_rng(1, 0), &mut a).expect("simulate");
    model.simulate(&p, &mut draw_rng(99, 12), &mut b).expect("simulate");
    assert_eq!(a.values(), b.values(), "{}", model.name());
}

#[test]
fn outputs_do_not_depend_on_the_random_stream() {
    // None of the three models draws random numbers.
    assert_stream_free(&Skills, &skills_base());
    assert_stream_free(&RemittanceCost, &remit_base());
    assert_stream_free(&Diaspora, &diaspora_base());
}

// ---------------------------------------------------------------------------------
// Parameter and output tables

#[test]
fn tables_are_sane() {
    for model in MODELS {
        let name = model.name();
        assert!(by_name(name).is_some(), "{name} is registered");
        assert_eq!(all().iter().filter(|m| m.name() == name).count(), 1, "{name} once");
        assert!(!model.description().is_empty());
        let defs = model.parameters();
        for (i, d) in defs.iter().enumerate() {
            assert!(
                !d.unit.is_empty() && !d.doc.is_empty() && !d.source.is_empty(),
                "{name}.{}",
                d.name
            );
            assert!(defs[..i].iter().all(|e| e.name != d.name), "{name}.{} twice", d.name);
            if let ParamDefault::Value(v) = d.default {
                assert!(d.domain.contains(v), "{name}.{} default {v} outside {}", d.name, d.domain);
            }
            if d.domain == Domain::Count {
                assert!(d.fixed, "{name}.{}: counts are structural, fixed values", d.name);
            }
            if d.name.starts_with("horizon") {
                assert!(d.fixed, "{name}.{}: horizons are fixed", d.name);
            }
        }
        let outs = model.outputs();
        for (i, o) in outs.iter().enumerate() {
            assert!(!o.unit.is_empty() && !o.doc.is_empty(), "{name} output {}", o.name);
            assert!(outs[..i].iter().all(|e| e.name != o.name), "{name} output {} twice", o.name);
        }
        assert!(outs.iter().any(|o| o.shape == Shape::Series), "{name} has a yearly series");
    }
}

// ---------------------------------------------------------------------------------
// Example scenario files

/// The demo world's 2020 values for Pelaria (XAA), and for the corridor to Brevmark
/// (XAB) when `corridor` (demo/indicators.csv, stocks.csv, remittances.csv,
/// remittance_costs.csv).
fn demo_baseline(corridor: bool) -> Baseline {
    let mut values = vec![
        ("diaspora_stock", 3_097_178.0),
        ("origin_population", 23_255_533.0),
        ("origin_gdp_usd", 43_720_000_000.0),
        ("origin_gdp_per_capita_usd", 1879.98),
        ("origin_remittances_received_usd", 8_118_805_000.0),
        ("origin_physicians_per_1000", 0.37),
        ("origin_health_workers_home", 40_500.0),
        ("origin_health_workers_abroad", 29_000.0),
    ];
    if corridor {
        values.extend([
            ("corridor_stock", 874_797.0),
            ("corridor_remittances_usd", 2_575_402_000.0),
            ("corridor_cost_pct", 8.5),
            ("destination_population", 37_455_441.0),
            ("destination_gdp_per_capita_usd", 48_199.99),
        ]);
    }
    Baseline {
        label: if corridor { "XAA → XAB, 2020" } else { "XAA, 2020" }.to_owned(),
        origin: Some("XAA".to_owned()),
        destination: corridor.then(|| "XAB".to_owned()),
        year: Some(2020),
        values: values
            .into_iter()
            .map(|(key, value)| BaselineValue {
                key: key.to_owned(),
                value,
                unit: String::new(),
                source: "demo world (test copy)".to_owned(),
            })
            .collect(),
    }
}

/// Runs an example file on the demo baseline and returns, per option and draw, the
/// scalar outputs by name.
fn run_example(file: &str) -> Vec<(String, Vec<HashMap<String, f64>>)> {
    let path = format!("{}/../../examples/scenarios/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("example file");
    let scenario = parse(file, &text).unwrap_or_else(|e| panic!("{e}"));
    let corridor = matches!(scenario.baseline.place, Place::Corridor { .. });
    let plan =
        resolve(&scenario, &demo_baseline(corridor), &all()).unwrap_or_else(|e| panic!("{e}"));
    assert!(plan.options.len() >= 2, "{file}: at least two options");
    let draws = 200;
    let opts = RunOptions { draws, seed: 20_260_101, shard: Shard::FULL };
    let ensemble = engine::run(&plan, &opts, &|_, _| {}).unwrap_or_else(|e| panic!("{file}: {e}"));
    let info = &ensemble.info;
    let mut by_option: Vec<(String, Vec<HashMap<String, f64>>)> = info
        .options
        .iter()
        .map(|o| (o.name.clone(), vec![HashMap::new(); draws as usize]))
        .collect();
    for r in ensemble.rows.iter().filter(|r| r.year.is_none()) {
        let metric = &info.options[r.option as usize].metrics[r.metric as usize].name;
        assert!(r.value.is_finite(), "{file}: {metric} of draw {} is {}", r.draw, r.value);
        by_option[r.option as usize].1[r.draw as usize].insert(metric.clone(), r.value);
    }
    by_option
}

#[test]
fn example_scenarios_run_and_conserve() {
    for (option, draws) in run_example("skills.toml") {
        for d in &draws {
            let flows = d["stock_start"] + d["graduates_total"]
                - d["attrition_total"]
                - d["emigrants_total"];
            let scale = d["stock_start"]
                + d["graduates_total"]
                + d["attrition_total"]
                + d["emigrants_total"];
            assert!(near(d["stock_end"], flows, scale), "skills {option}");
            // Pelaria starts at 17 per 10,000, far below the median of 49.
            assert!(d["density_start"] > 17.0 && d["density_start"] < 18.0);
        }
    }
    for (option, draws) in run_example("remittance-cost.toml") {
        for d in &draws {
            let parts = d["received_total_usd"] + d["fees_total_usd"];
            assert!(near(d["sent_total_usd"], parts, parts), "remittance-cost {option}");
            assert!(d["savings_total_usd"] > 0.0, "the corridor starts above every target");
        }
    }
    for (option, draws) in run_example("diaspora.toml") {
        for d in &draws {
            let parts = d["diaspora_finance_total_usd"] + d["matched_total_usd"];
            assert!(near(d["mobilised_total_usd"], parts, parts), "diaspora {option}");
        }
    }
}
