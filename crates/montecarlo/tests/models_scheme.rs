//! Tests of the temporary-scheme and recruitment models: hand-computed cases,
//! conservation identities over random parameters, and the parameter tables.

use std::collections::HashMap;

use montecarlo::engine::{self, RunOptions, Shard};
use montecarlo::model::{
    Baseline, BaselineValue, Domain, Model, ModelError, Outputs, ParamDefault, Params, draw_rng,
};
use montecarlo::models::recruitment::{RecruitmentInputs, outcomes};
use montecarlo::models::{self, Recruitment, TemporaryScheme};
use montecarlo::spec::{parse, resolve};
use proptest::prelude::*;

/// Values for every parameter: the documented defaults, the baseline stand-ins below,
/// then `overrides`.
fn values(model: &dyn Model, overrides: &[(&str, f64)]) -> Vec<f64> {
    for (name, _) in overrides {
        assert!(model.parameters().iter().any(|d| d.name == *name), "no parameter {name}");
    }
    model
        .parameters()
        .iter()
        .map(|d| {
            if let Some((_, v)) = overrides.iter().find(|(n, _)| *n == d.name) {
                return *v;
            }
            match d.default {
                ParamDefault::Value(v) => v,
                ParamDefault::Baseline("origin_gdp_per_capita_usd") => 1879.98,
                ParamDefault::Baseline("corridor_cost_pct") => 8.5,
                other => panic!("parameter {} needs a value ({other:?})", d.name),
            }
        })
        .collect()
}

fn simulate(model: &dyn Model, vals: &[f64], seed: u64, draw: u64) -> Result<Outputs, ModelError> {
    let params = Params::new(model.parameters(), vals);
    let mut out = Outputs::new(model.outputs(), model.horizon(&params));
    let mut rng = draw_rng(seed, draw);
    model.check(&params)?;
    model.simulate(&params, &mut rng, &mut out)?;
    Ok(out)
}

fn run_scheme(overrides: &[(&str, f64)]) -> Outputs {
    simulate(&TemporaryScheme, &values(&TemporaryScheme, overrides), 7, 0).expect("simulate")
}

/// `a` and `b` agree to `rel` relative to the larger magnitude (or absolutely near 0).
fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1.0)
}

#[track_caller]
fn assert_close(a: f64, b: f64) {
    assert!(close(a, b, 1e-12), "{a} vs {b}");
}

#[track_caller]
fn assert_series(s: &[f64], expected: &[f64]) {
    assert_eq!(s.len(), expected.len());
    for (a, b) in s.iter().zip(expected) {
        assert_close(*a, *b);
    }
}

/// Deterministic settings: no heterogeneity, no overstay, no renewal, one-year contracts.
const DETERMINISTIC: &[(&str, f64)] = &[
    ("quota", 100.0),
    ("years", 3.0),
    ("contract_years", 1.0),
    ("months_worked", 12.0),
    ("wage_usd_month", 1000.0),
    ("wage_sd_log", 0.0),
    ("recruitment_cost_ratio", 2.0),
    ("recruitment_cost_sd_log", 0.0),
    ("debt_interest_rate", 0.0),
    ("consumption_share", 0.5),
    ("remittance_share", 0.3),
    ("p_overstay", 0.0),
    ("p_renew", 0.0),
    ("p_reentry", 0.0),
    ("skill_gain_per_year", 0.05),
    ("skill_use_share", 1.0),
    ("origin_earnings_usd_year", 2000.0),
    ("origin_employment_rate", 0.5),
    ("transfer_cost_pct", 10.0),
];

fn with(base: &[(&'static str, f64)], extra: &[(&'static str, f64)]) -> Vec<(&'static str, f64)> {
    let mut v: Vec<(&'static str, f64)> =
        base.iter().filter(|(n, _)| !extra.iter().any(|(m, _)| m == n)).copied().collect();
    v.extend_from_slice(extra);
    v
}

#[test]
fn scheme_one_year_contracts_by_hand() {
    // 100 new recruits a year for 3 years, each earning 12 × 1,000 = 12,000 a year and
    // repaying a fee of 2 × 1,000 = 2,000 in that year: net 10,000, of which 5,000
    // consumed, 3,000 remitted, 2,000 saved and brought home at the end of the year.
    let out = run_scheme(DETERMINISTIC);
    assert_close(out.get("persons_recruited"), 300.0);
    assert_close(out.get("reentries_total"), 0.0);
    assert_close(out.get("persons_returned"), 300.0);
    assert_close(out.get("persons_present"), 0.0);
    assert_close(out.get("persons_irregular"), 0.0);
    assert_close(out.get("earned_total"), 3_600_000.0);
    assert_close(out.get("debt_service_total"), 600_000.0);
    assert_close(out.get("consumption_total"), 1_500_000.0);
    assert_close(out.get("spent_total"), 2_100_000.0);
    assert_close(out.get("remitted_total"), 900_000.0);
    assert_close(out.get("saved_total"), 600_000.0);
    assert_close(out.get("savings_repatriated_total"), 600_000.0);
    assert_close(out.get("savings_held_end"), 0.0);
    assert_close(out.get("recruitment_fees_total"), 600_000.0);
    assert_close(out.get("interest_total"), 0.0);
    assert_close(out.get("recruitment_cost_total"), 600_000.0);
    assert_close(out.get("debt_carried_home_total"), 0.0);
    assert_close(out.get("debt_outstanding_end"), 0.0);
    assert_close(out.get("remittances_received_total"), 810_000.0);
    assert_close(out.get("transfer_cost_total"), 90_000.0);
    assert_close(out.get("sdg_10_7_1_mean"), 2.0);
    assert_close(out.get("sdg_10_7_1_ratio_of_means"), 2.0);
    assert_close(out.get("earnings_per_worker_year"), 12_000.0);
    assert_series(out.series("labour_supplied"), &[100.0, 100.0, 100.0]);
    assert_series(out.series("workers_present"), &[0.0, 0.0, 0.0]);
    assert_series(out.series("irregular_stays"), &[0.0, 0.0, 0.0]);
    assert_series(out.series("reentries"), &[0.0, 0.0, 0.0]);
    assert_series(out.series("remittances_received"), &[270_000.0, 270_000.0, 270_000.0]);
    assert_series(out.series("returnees_with_skills"), &[100.0, 200.0, 300.0]);
    // Household gain: 270,000 received + 200,000 savings home + skills premium
    // (2,000 × 0.05 = 100 a year per year abroad: 0, 100 × 100, 200 × 100) − earnings
    // foregone (100 abroad × 2,000 × 0.5 = 100,000).
    assert_series(out.series("household_income_gain"), &[370_000.0, 380_000.0, 390_000.0]);
    assert_close(out.get("household_income_gain_total"), 1_140_000.0);
}

#[test]
fn scheme_with_quota_zero_outputs_zeros() {
    // No places: nobody is recruited, so nothing is earned, spent, saved, remitted,
    // owed or foregone, in every year; ratios over nobody are reported as 0. Run with
    // the default parameters (re-entry, overstay, interest all active) over 5 years.
    let out = run_scheme(&[("quota", 0.0), ("years", 5.0)]);
    assert_eq!(out.horizon(), 5);
    for (k, v) in out.values().iter().enumerate() {
        assert!(v.abs() <= 0.0, "output value {k} is {v} with a quota of 0");
    }
    check_identities(&out, 0.0);
}

#[test]
fn scheme_circular_reentry_by_hand() {
    // Every returnee re-enters: the same 100 workers every year; re-entry costs half
    // the first fee (1,000).
    let o = with(DETERMINISTIC, &[("p_reentry", 1.0), ("reentry_cost_share", 0.5)]);
    let out = run_scheme(&o);
    assert_close(out.get("persons_recruited"), 100.0);
    assert_close(out.get("reentries_total"), 200.0);
    assert_series(out.series("reentries"), &[0.0, 100.0, 100.0]);
    assert_close(out.get("persons_returned"), 100.0);
    assert_close(out.get("recruitment_fees_total"), 400_000.0);
    assert_close(out.get("debt_service_total"), 400_000.0);
    assert_close(out.get("earned_total"), 3_600_000.0);
    // Net 3,200,000: half consumed, 30% remitted, 20% saved.
    assert_close(out.get("consumption_total"), 1_600_000.0);
    assert_close(out.get("remitted_total"), 960_000.0);
    assert_close(out.get("saved_total"), 640_000.0);
    // 10.7.1 counts first recruitments only.
    assert_close(out.get("sdg_10_7_1_mean"), 2.0);
    // At the end of each year all 100 are home and use their skills; none is at home
    // during a year, so no skills premium is earned.
    assert_series(out.series("returnees_with_skills"), &[100.0, 100.0, 100.0]);
    // Year 0 as before (370,000). Re-entry years: net 12,000 − 1,000 = 11,000 a
    // worker, so 100 × 3,300 × 0.9 = 297,000 received and 100 × 2,200 = 220,000 saved
    // and brought home; foregone 100,000.
    assert_series(out.series("household_income_gain"), &[370_000.0, 417_000.0, 417_000.0]);
}

#[test]
fn scheme_debt_with_interest_by_hand() {
    // One worker, a two-year contract, 1,000 a month for one month a year, a fee of
    // 2,000 at 10% a year: owes 2,200, repays 1,000 (1,200 left); owes 1,320, repays
    // 1,000; returns with 320 unpaid.
    let o = with(
        DETERMINISTIC,
        &[
            ("quota", 1.0),
            ("years", 2.0),
            ("contract_years", 2.0),
            ("months_worked", 1.0),
            ("debt_interest_rate", 0.1),
            ("consumption_share", 0.0),
            ("remittance_share", 0.0),
        ],
    );
    let out = run_scheme(&o);
    assert_close(out.get("persons_recruited"), 2.0);
    let o1 = with(&o, &[("quota", 1.0), ("years", 1.0)]);
    let one = run_scheme(&o1);
    assert_close(one.get("interest_total"), 200.0);
    assert_close(one.get("debt_outstanding_end"), 1200.0);
    // Two-year horizon, quota 1: the first worker (as above) and a second recruited in
    // year 1 (owes 2,200, repays 1,000, 1,200 outstanding at the end).
    assert_close(out.get("recruitment_fees_total"), 4000.0);
    assert_close(out.get("interest_total"), 200.0 + 120.0 + 200.0);
    assert_close(out.get("debt_service_total"), 3000.0);
    assert_close(out.get("debt_carried_home_total"), 320.0);
    assert_close(out.get("debt_outstanding_end"), 1200.0);
    assert_close(out.get("recruitment_cost_total"), 3000.0 + 320.0 + 1200.0);
    assert_close(out.get("earned_total"), 3000.0);
    assert_close(out.get("spent_total"), 3000.0);
    assert_close(out.get("saved_total"), 0.0);
    assert_series(out.series("workers_present"), &[1.0, 1.0]);
    assert_close(out.get("persons_returned"), 1.0);
    assert_close(out.get("persons_present"), 1.0);
    assert_series(out.series("labour_supplied"), &[1.0 / 12.0, 2.0 / 12.0]);
}

#[test]
fn scheme_overstay_exit_and_regularisation_by_hand() {
    // Everyone overstays; irregular workers earn half the wage and remit everything.
    let base = with(
        DETERMINISTIC,
        &[
            ("quota", 10.0),
            ("years", 2.0),
            ("recruitment_cost_ratio", 0.0),
            ("consumption_share", 0.0),
            ("remittance_share", 1.0),
            ("p_overstay", 1.0),
            ("p_irregular_exit", 0.0),
            ("p_regularise", 0.0),
            ("irregular_wage_ratio", 0.5),
        ],
    );
    let out = run_scheme(&base);
    assert_series(out.series("irregular_stays"), &[10.0, 20.0]);
    assert_close(out.get("persons_irregular"), 20.0);
    assert_close(out.get("persons_recruited"), 20.0);
    assert_close(out.get("earned_total"), 120_000.0 + 60_000.0 + 120_000.0);
    assert_close(out.get("remitted_total"), 300_000.0);

    // Irregular workers all leave after a year and may never re-enter.
    let exit = with(&base, &[("years", 3.0), ("p_irregular_exit", 1.0), ("p_reentry", 1.0)]);
    let out = run_scheme(&exit);
    assert_close(out.get("persons_recruited"), 30.0);
    assert_close(out.get("reentries_total"), 0.0);
    assert_close(out.get("persons_returned"), 20.0);
    assert_close(out.get("persons_irregular"), 10.0);
    assert_series(out.series("irregular_stays"), &[10.0, 10.0, 10.0]);

    // Irregular workers are all regularised after a year and stay.
    let reg = with(&base, &[("years", 3.0), ("p_regularise", 1.0)]);
    let out = run_scheme(&reg);
    assert_close(out.get("persons_regularised"), 20.0);
    assert_close(out.get("persons_present"), 20.0);
    assert_close(out.get("persons_irregular"), 10.0);
    assert_series(out.series("workers_present"), &[0.0, 10.0, 20.0]);
    assert_series(out.series("labour_supplied"), &[10.0, 20.0, 30.0]);
}

#[test]
fn scheme_renewal_keeps_workers_without_new_fees() {
    let o = with(DETERMINISTIC, &[("p_renew", 1.0)]);
    let out = run_scheme(&o);
    // Renewals do not use the quota: 100 new workers a year, all staying.
    assert_close(out.get("persons_recruited"), 300.0);
    assert_close(out.get("persons_present"), 300.0);
    assert_series(out.series("labour_supplied"), &[100.0, 200.0, 300.0]);
    assert_close(out.get("recruitment_fees_total"), 600_000.0);
    // Savings stay abroad: 2,000 in a worker's first year (fee repaid), 2,400 after;
    // 300 first years and 300 later years.
    assert_close(out.get("saved_total"), 300.0 * 2000.0 + 300.0 * 2400.0);
    assert_close(out.get("savings_repatriated_total"), 0.0);
    assert_close(out.get("savings_held_end"), out.get("saved_total"));
}

/// Every conservation identity of the scheme model, to 1e-9 relative.
fn check_identities(out: &Outputs, quota: f64) {
    let g = |k: &str| out.get(k);
    // Head counts are whole numbers, compared exactly.
    let n = |k: &str| {
        let v = out.get(k);
        assert!(v >= 0.0 && v.fract() == 0.0, "{k} = {v}");
        v as u64
    };
    let ns = |k: &str| out.series(k).iter().map(|v| *v as u64).sum::<u64>();
    assert_eq!(
        n("persons_recruited"),
        n("persons_returned") + n("persons_present") + n("persons_irregular"),
        "persons"
    );
    assert!(g("persons_regularised") <= g("persons_present"));
    let rel = 1e-9;
    assert!(
        close(g("earned_total"), g("spent_total") + g("saved_total") + g("remitted_total"), rel),
        "money: {} vs {} + {} + {}",
        g("earned_total"),
        g("spent_total"),
        g("saved_total"),
        g("remitted_total")
    );
    assert!(close(g("spent_total"), g("consumption_total") + g("debt_service_total"), rel));
    assert!(close(g("saved_total"), g("savings_repatriated_total") + g("savings_held_end"), rel));
    assert!(close(
        g("recruitment_cost_total"),
        g("recruitment_fees_total") + g("interest_total"),
        rel
    ));
    assert!(close(
        g("recruitment_cost_total"),
        g("debt_service_total") + g("debt_carried_home_total") + g("debt_outstanding_end"),
        rel
    ));
    assert!(close(
        g("remitted_total"),
        g("remittances_received_total") + g("transfer_cost_total"),
        rel
    ));
    let sum = |k: &str| out.series(k).iter().sum::<f64>();
    assert!(close(sum("household_income_gain"), g("household_income_gain_total"), rel));
    assert!(close(sum("remittances_received"), g("remittances_received_total"), rel));
    assert_eq!(ns("reentries"), n("reentries_total"));
    for r in out.series("reentries") {
        assert!(*r <= quota);
    }
    // Admissions: quota places a year, filled by new recruits and re-entries.
    assert_eq!(n("persons_recruited") + n("reentries_total"), quota as u64 * out.horizon() as u64);
    // The engine refuses NaN (unset) and infinite outputs, even with a quota of 0.
    assert!(out.values().iter().all(|v| v.is_finite()), "unset or infinite output");
}

fn probability() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn scheme_conservation_holds_for_random_parameters(
        quota in prop_oneof![Just(0u32), 0u32..300],
        years in 1u32..15,
        contract in 1u32..4,
        months in 0.0..=12.0f64,
        wage in 10.0..10_000.0f64,
        wage_sd in 0.0..1.5f64,
        ratio in 0.0..15.0f64,
        ratio_sd in 0.0..1.5f64,
        reentry_share in probability(),
        interest in 0.0..2.0f64,
        (consumption, remit) in (probability(), probability()).prop_map(|(a, b)| (a * (1.0 - b), b)),
        (overstay, renew) in (probability(), probability()).prop_map(|(a, b)| (a, b * (1.0 - a))),
        reentry in probability(),
        (exit, regularise) in (probability(), probability()).prop_map(|(a, b)| (a, b * (1.0 - a))),
        irregular_wage in probability(),
        skill_use in probability(),
        transfer in 0.0..30.0f64,
        seed in any::<u64>(),
        draw in 0u64..1000,
    ) {
        let o = [
            ("quota", f64::from(quota)),
            ("years", f64::from(years)),
            ("contract_years", f64::from(contract)),
            ("months_worked", months),
            ("wage_usd_month", wage),
            ("wage_sd_log", wage_sd),
            ("recruitment_cost_ratio", ratio),
            ("recruitment_cost_sd_log", ratio_sd),
            ("reentry_cost_share", reentry_share),
            ("debt_interest_rate", interest),
            ("consumption_share", consumption),
            ("remittance_share", remit),
            ("p_overstay", overstay),
            ("p_renew", renew),
            ("p_reentry", reentry),
            ("p_irregular_exit", exit),
            ("p_regularise", regularise),
            ("irregular_wage_ratio", irregular_wage),
            ("skill_use_share", skill_use),
            ("transfer_cost_pct", transfer),
        ];
        let vals = values(&TemporaryScheme, &o);
        let out = simulate(&TemporaryScheme, &vals, seed, draw).expect("simulate");
        check_identities(&out, f64::from(quota));
    }

    #[test]
    fn recruitment_cap_never_raises_fees_without_markup(
        m in 0.0..15.0f64,
        sd in 0.0..2.0f64,
        cap in 0.0..10.0f64,
        c in 0.0..=1.0f64,
        dc in 0.0..=1.0f64,
    ) {
        let mut x = base_recruitment();
        x.fee_ratio_market = m;
        x.fee_sd_log = sd;
        x.fee_cap_ratio = cap;
        x.compliance = c;
        let r = outcomes(&x);
        prop_assert!(r.sdg_10_7_1_mean <= r.sdg_10_7_1_mean_no_cap * (1.0 + 1e-12) + 1e-12);
        prop_assert!(r.share_above_cap <= r.share_above_cap_no_cap + 1e-12);
        prop_assert!((0.0..=1.0).contains(&r.share_above_cap));
        prop_assert!(close(r.net_remittance_gain_total, r.worker_saving_total, 1e-9));
        // More compliance, lower fees.
        x.compliance = (c + dc).min(1.0);
        let more = outcomes(&x);
        prop_assert!(more.sdg_10_7_1_mean <= r.sdg_10_7_1_mean * (1.0 + 1e-12) + 1e-12);
    }
}

#[test]
fn scheme_is_reproducible_and_reuses_buffers_cleanly() {
    let vals = values(&TemporaryScheme, &[("quota", 500.0), ("years", 10.0)]);
    let a = simulate(&TemporaryScheme, &vals, 42, 3).unwrap();
    let b = simulate(&TemporaryScheme, &vals, 42, 4).unwrap();
    let a2 = simulate(&TemporaryScheme, &vals, 42, 3).unwrap();
    let bits = |o: &Outputs| o.values().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&a), bits(&a2));
    assert_ne!(bits(&a), bits(&b));
    // The same draw on another thread (a fresh worker buffer) gives the same bits.
    let c = std::thread::spawn(move || {
        let vals = values(&TemporaryScheme, &[("quota", 500.0), ("years", 10.0)]);
        simulate(&TemporaryScheme, &vals, 42, 3).unwrap()
    })
    .join()
    .unwrap();
    assert_eq!(bits(&a), bits(&c));
    check_identities(&a, 500.0);
}

#[test]
fn scheme_rejects_inconsistent_parameters() {
    let bad = [
        vec![("quota", 10.0), ("consumption_share", 0.7), ("remittance_share", 0.4)],
        vec![("quota", 10.0), ("p_overstay", 0.6), ("p_renew", 0.5)],
        vec![("quota", 10.0), ("p_irregular_exit", 0.6), ("p_regularise", 0.5)],
        vec![("quota", 10.0), ("contract_years", 1.5)],
        vec![("quota", 10.0), ("years", 2.5)],
        vec![("quota", 1e7), ("years", 20.0)],
    ];
    for o in bad {
        let vals = values(&TemporaryScheme, &o);
        let err = simulate(&TemporaryScheme, &vals, 1, 0).expect_err("rejected");
        assert_eq!(err.model, "temporary-scheme");
    }
}

fn base_recruitment() -> RecruitmentInputs {
    RecruitmentInputs {
        workers: 1000.0,
        wage_usd_month: 500.0,
        contract_months: 24.0,
        fee_ratio_market: 3.0,
        fee_sd_log: 0.0,
        fee_cap_ratio: 1.0,
        compliance: 0.4,
        evasion_markup: 0.0,
        debt_share: 0.5,
        debt_interest_rate: 0.2,
        repayment_months: 12.0,
        remittance_share: 0.5,
        transfer_cost_pct: 5.0,
    }
}

#[test]
fn recruitment_cap_by_hand() {
    // Every market fee is 3 months; a cap of 1 month respected by 40% of recruiters:
    // 0.4 × 1 + 0.6 × 3 = 2.2 months = 1,100 USD; interest 1,100 × 0.5 × 0.2 × 1 = 110.
    let r = outcomes(&base_recruitment());
    assert_close(r.sdg_10_7_1_mean, 2.2);
    assert_close(r.sdg_10_7_1_mean_no_cap, 3.0);
    assert_close(r.share_above_cap, 0.6);
    assert_close(r.share_above_cap_no_cap, 1.0);
    assert_close(r.fee_per_worker, 1100.0);
    assert_close(r.interest_per_worker, 110.0);
    assert_close(r.net_earnings_per_worker, 12_000.0 - 1210.0);
    assert_close(r.recruitment_cost_total, 1_210_000.0);
    assert_close(r.recruitment_cost_total_no_cap, 1_650_000.0);
    assert_close(r.worker_saving_total, 440_000.0);
    // 1,000 × 12,000 × 0.5 × 0.95 received.
    assert_close(r.remittances_received_total, 5_700_000.0);
    assert_close(r.net_remittances_total, 4_490_000.0);
    assert_close(r.net_remittances_no_cap_total, 4_050_000.0);
    assert_close(r.net_remittance_gain_total, 440_000.0);
}

#[test]
fn recruitment_ban_cap_above_market_and_markup_by_hand() {
    let mut x = base_recruitment();
    x.fee_cap_ratio = 0.0;
    x.compliance = 1.0;
    let r = outcomes(&x);
    assert_close(r.sdg_10_7_1_mean, 0.0);
    assert_close(r.share_above_cap, 0.0);
    assert_close(r.share_above_cap_no_cap, 1.0);

    let mut x = base_recruitment();
    x.fee_cap_ratio = 5.0;
    let r = outcomes(&x);
    assert_close(r.sdg_10_7_1_mean, 3.0);
    assert_close(r.share_above_cap, 0.0);
    assert_close(r.worker_saving_total, 0.0);

    // Evaders charge 1.5 × the market fee of 2: 0.5 × 1 + 0.5 × 3 = 2.
    let mut x = base_recruitment();
    x.fee_ratio_market = 2.0;
    x.compliance = 0.5;
    x.evasion_markup = 0.5;
    let r = outcomes(&x);
    assert_close(r.sdg_10_7_1_mean, 2.0);
    assert_close(r.share_above_cap, 0.5);
    // A market fee under the cap pushed above it by the markup (0.8 × 1.5 = 1.2 > 1).
    x.fee_ratio_market = 0.8;
    let r = outcomes(&x);
    assert_close(r.share_above_cap, 0.5);
    assert_close(r.share_above_cap_no_cap, 0.0);
    assert_close(r.sdg_10_7_1_mean, 0.5 * 0.8 + 0.5 * 1.2);
}

#[test]
fn recruitment_cap_that_does_not_bind_equals_no_cap() {
    // Every market fee is 2 months (σ = 0) and the cap is 2.5: compliant and
    // non-compliant recruiters both charge 2 months = 1,000 USD, so whatever the
    // compliance the cohort pays what it pays without a cap. By hand: interest
    // 1,000 × 0.5 × 0.2 × 12/12 = 100; net earnings 24 × 500 − 1,100 = 10,900; cost of
    // the cohort 1,000 × 1,100 = 1,100,000; received 1,000 × 12,000 × 0.5 × 0.95 =
    // 5,700,000; net remittances 5,700,000 − 1,100,000 = 4,600,000.
    let mut x = base_recruitment();
    x.fee_ratio_market = 2.0;
    x.fee_cap_ratio = 2.5;
    for c in [0.0, 0.4, 1.0] {
        x.compliance = c;
        let r = outcomes(&x);
        assert_close(r.sdg_10_7_1_mean, 2.0);
        assert_close(r.sdg_10_7_1_mean_no_cap, 2.0);
        assert_close(r.share_above_cap, 0.0);
        assert_close(r.share_above_cap_no_cap, 0.0);
        assert_close(r.fee_per_worker, 1000.0);
        assert_close(r.interest_per_worker, 100.0);
        assert_close(r.net_earnings_per_worker, 10_900.0);
        assert_close(r.recruitment_cost_total, 1_100_000.0);
        assert_close(r.recruitment_cost_total_no_cap, 1_100_000.0);
        assert_close(r.net_remittances_total, 4_600_000.0);
        assert_close(r.net_remittances_no_cap_total, 4_600_000.0);
        assert!(r.worker_saving_total.abs() <= 0.0, "{}", r.worker_saving_total);
        assert!(r.net_remittance_gain_total.abs() <= 0.0, "{}", r.net_remittance_gain_total);
    }
    // Lognormal fees (mean 2, σ = 0.6) under a cap of 1,000 months: P(F > 1000) is
    // 1 − Φ((ln 1000 − ln 2 + 0.18)/0.6) = 1 − Φ(10.66), below 1e-25, so full
    // compliance changes nothing measurable: every output equals the no-compliance run.
    x.fee_sd_log = 0.6;
    x.fee_cap_ratio = 1000.0;
    x.compliance = 0.0;
    let none = outcomes(&x);
    x.compliance = 1.0;
    let full = outcomes(&x);
    assert!(close(full.sdg_10_7_1_mean, 2.0, 1e-12), "{}", full.sdg_10_7_1_mean);
    assert!(full.share_above_cap_no_cap < 1e-20);
    assert!(close(full.recruitment_cost_total, none.recruitment_cost_total, 1e-12));
    assert!(close(full.net_remittances_total, none.net_remittances_total, 1e-12));
    assert!(full.worker_saving_total.abs() < 1e-6 * none.recruitment_cost_total);
}

#[test]
fn recruitment_lognormal_cap_by_hand() {
    // Market fee lognormal with μ = 0, σ = 1 (mean e^0.5), cap 1, full compliance:
    // E[min(F, 1)] = e^0.5 Φ(−1) + 1 − Φ(0) = 0.7615782918651235; P(F > 1) = 0.5.
    let mut x = base_recruitment();
    x.fee_ratio_market = 0.5f64.exp();
    x.fee_sd_log = 1.0;
    x.compliance = 1.0;
    let r = outcomes(&x);
    assert!(close(r.sdg_10_7_1_mean, 0.761_578_291_865_123_5, 1e-12), "{}", r.sdg_10_7_1_mean);
    assert_close(r.share_above_cap, 0.0);
    assert!(close(r.share_above_cap_no_cap, 0.5, 1e-12));
    // No compliance: the market mean, half above the cap.
    x.compliance = 0.0;
    let r = outcomes(&x);
    assert!(close(r.sdg_10_7_1_mean, 0.5f64.exp(), 1e-12));
    assert!(close(r.share_above_cap, 0.5, 1e-12));
}

#[test]
fn recruitment_model_writes_every_output() {
    let vals = values(&Recruitment, &[("workers", 5000.0)]);
    let out = simulate(&Recruitment, &vals, 1, 0).unwrap();
    assert!(out.values().iter().all(|v| v.is_finite()));
    assert!(out.get("sdg_10_7_1_mean") < out.get("sdg_10_7_1_mean_no_cap"));
}

#[test]
fn parameter_tables_are_sane() {
    for name in ["temporary-scheme", "recruitment"] {
        let model = models::by_name(name).expect("registered");
        assert_eq!(model.name(), name);
        assert!(!model.description().is_empty());
        let params = model.parameters();
        for (k, d) in params.iter().enumerate() {
            assert!(!d.unit.is_empty(), "{name}.{} unit", d.name);
            assert!(d.doc.len() > 10, "{name}.{} doc", d.name);
            assert!(d.source.len() > 10, "{name}.{} source", d.name);
            assert!(
                d.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{name}.{} is snake_case",
                d.name
            );
            assert!(params[..k].iter().all(|e| e.name != d.name), "{name}.{} twice", d.name);
            if let ParamDefault::Value(v) = d.default {
                assert!(d.domain.contains(v), "{name}.{} default {v} outside {}", d.name, d.domain);
            }
            if let ParamDefault::Baseline(key) = d.default {
                assert!(
                    [
                        "corridor_stock",
                        "destination_gdp_per_capita_usd",
                        "origin_gdp_per_capita_usd",
                        "corridor_cost_pct",
                        "corridor_deployments",
                        "origin_population"
                    ]
                    .contains(&key),
                    "{name}.{} baseline key {key}",
                    d.name
                );
            }
            if let Domain::Range { min, max } = d.domain {
                assert!(min < max);
            }
            if d.domain == Domain::Count {
                assert!(d.fixed, "{name}.{}: counts are structural, fixed values", d.name);
            }
        }
        let outputs = model.outputs();
        for (k, d) in outputs.iter().enumerate() {
            assert!(!d.unit.is_empty() && d.doc.len() > 10, "{name} output {}", d.name);
            assert!(
                outputs[..k].iter().all(|e| e.name != d.name),
                "{name} output {} twice",
                d.name
            );
        }
    }
}

/// The demo world's values for a corridor from Pelaria (XAA), in 2020, as the baseline
/// loader gives them (the keys these two models use).
fn demo_baseline(destination: &str, cost_pct: f64) -> Baseline {
    let values = [("origin_gdp_per_capita_usd", 1879.98), ("corridor_cost_pct", cost_pct)];
    Baseline {
        label: format!("XAA → {destination}, 2020"),
        origin: Some("XAA".to_owned()),
        destination: Some(destination.to_owned()),
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

/// Runs an example scenario file through the engine; per option, per draw, the scalar
/// outputs by name.
fn run_example(
    file: &str,
    baseline: &Baseline,
    draws: u64,
) -> Vec<(String, Vec<HashMap<String, f64>>)> {
    let path = format!("{}/../../examples/scenarios/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("example file");
    let scenario = parse(file, &text).unwrap_or_else(|e| panic!("{e}"));
    let plan = resolve(&scenario, baseline, &models::all()).unwrap_or_else(|e| panic!("{e}"));
    assert!(plan.options.len() >= 2, "{file}: at least two options");
    let opts = RunOptions { draws, seed: 20_261_128, shard: Shard::FULL };
    let ensemble = engine::run(&plan, &opts, &|_, _| {}).unwrap_or_else(|e| panic!("{file}: {e}"));
    let info = &ensemble.info;
    let mut by_option: Vec<(String, Vec<HashMap<String, f64>>)> = info
        .options
        .iter()
        .map(|o| (o.name.clone(), vec![HashMap::new(); draws as usize]))
        .collect();
    for r in ensemble.rows.iter().filter(|r| r.year.is_none()) {
        let metric = &info.options[r.option as usize].metrics[r.metric as usize].name;
        by_option[r.option as usize].1[r.draw as usize].insert(metric.clone(), r.value);
    }
    by_option
}

#[test]
fn example_scenarios_resolve_run_and_conserve() {
    let runs = run_example("temporary-scheme.toml", &demo_baseline("XAB", 8.5), 3);
    let names: Vec<&str> = runs.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["circular-40k", "circular-40k-fair-recruitment-return-support", "one-off-40k"]
    );
    for (option, draws) in &runs {
        for d in draws {
            assert!(d.values().all(|v| v.is_finite()), "{option}");
            let persons = d["persons_returned"] + d["persons_present"] + d["persons_irregular"];
            assert!(close(d["persons_recruited"], persons, 0.0), "{option}");
            let money = d["spent_total"] + d["saved_total"] + d["remitted_total"];
            assert!(close(d["earned_total"], money, 1e-9), "{option}");
            assert!(close(d["persons_recruited"] + d["reentries_total"], 800_000.0, 0.0));
        }
    }
    for k in 0..3 {
        let (circular, fair, one_off) = (&runs[0].1[k], &runs[1].1[k], &runs[2].1[k]);
        // About 100,000 distinct workers with re-hiring (more when more overstay);
        // 800,000 without.
        assert!(circular["persons_recruited"] > 50_000.0, "{circular:?}");
        assert!(circular["persons_recruited"] < 200_000.0, "{circular:?}");
        assert!(close(one_off["persons_recruited"], 800_000.0, 0.0));
        // Employer-pays recruitment: at most 0.5 months against at least 0.5.
        assert!(fair["sdg_10_7_1_mean"] < circular["sdg_10_7_1_mean"]);
    }

    let runs = run_example("recruitment.toml", &demo_baseline("XAC", 4.0), 200);
    let mean = |option: usize, k: &str| {
        runs[option].1.iter().map(|d| d[k]).sum::<f64>() / runs[option].1.len() as f64
    };
    for (option, draws) in &runs {
        for d in draws {
            assert!(d.values().all(|v| v.is_finite()), "{option}");
            assert!(close(d["net_remittance_gain_total"], d["worker_saving_total"], 1e-9));
        }
    }
    // No cap: 10.7.1 is the market ratio; the ban, well complied with, cuts it most.
    assert!(runs[0].1.iter().all(|d| close(
        d["sdg_10_7_1_mean"],
        d["sdg_10_7_1_mean_no_cap"],
        1e-12
    )));
    assert!(mean(3, "sdg_10_7_1_mean") < mean(2, "sdg_10_7_1_mean"));
    assert!(mean(2, "sdg_10_7_1_mean") < mean(1, "sdg_10_7_1_mean"));
    assert!(mean(1, "sdg_10_7_1_mean") < mean(0, "sdg_10_7_1_mean"));
}

#[test]
fn scheme_random_decisions_have_their_probabilities() {
    // 10,000 places a year for 5 years, one-year contracts, no re-entry: 50,000
    // contract ends, each an overstay with probability 0.1 (no exit, no
    // regularisation), each return using skills with probability 0.3. Bounds are six
    // standard deviations of the binomial counts.
    let o = with(
        DETERMINISTIC,
        &[
            ("quota", 10_000.0),
            ("years", 5.0),
            ("p_overstay", 0.1),
            ("p_irregular_exit", 0.0),
            ("p_regularise", 0.0),
            ("skill_use_share", 0.3),
            ("wage_sd_log", 0.25),
            ("recruitment_cost_sd_log", 0.5),
        ],
    );
    let out = run_scheme(&o);
    let irregular = out.get("persons_irregular");
    assert!((irregular - 5000.0).abs() < 6.0 * (50_000.0f64 * 0.1 * 0.9).sqrt(), "{irregular}");
    let returned = out.get("persons_returned");
    let skilled = *out.series("returnees_with_skills").last().unwrap();
    let sd = (returned * 0.3 * 0.7).sqrt();
    assert!((skilled - 0.3 * returned).abs() < 6.0 * sd, "{skilled} of {returned}");
    // Lognormal wages and cost ratios keep their means (50,000 recruits). Years
    // abroad: 50,000 in contract, the rest irregular at 0.85 of the wage.
    let years_abroad: f64 = out.series("labour_supplied").iter().sum();
    let expected = 12_000.0 * (50_000.0 + 0.85 * (years_abroad - 50_000.0)) / years_abroad;
    let per_year = out.get("earnings_per_worker_year") / expected;
    assert!((per_year - 1.0).abs() < 0.01, "{per_year}");
    let ratio = out.get("sdg_10_7_1_mean") / 2.0;
    assert!((ratio - 1.0).abs() < 0.02, "{ratio}");

    // Re-entry with probability 0.5: in year 1 about half of the ~9,000 returnees.
    let o = with(&o, &[("years", 2.0), ("p_reentry", 0.5)]);
    let out = run_scheme(&o);
    let first_returnees = 10_000.0 - out.series("irregular_stays")[0];
    let reentered = out.series("reentries")[1];
    let sd = (first_returnees * 0.25).sqrt();
    assert!((reentered - 0.5 * first_returnees).abs() < 6.0 * sd, "{reentered}");
}
