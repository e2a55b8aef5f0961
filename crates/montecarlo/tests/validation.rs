//! The policy-option models against published cases of real programmes (issue #20).
//!
//! Each case is a scenario file in `examples/validation/` whose parameters cite their
//! publication; the test runs it through the engine, as the CLI would, and asserts the
//! published figure: exactly where the case is an exact computation, within the
//! published range otherwise, and, where the model misses, what it gives (the miss is
//! explained in `docs/validation.md`, "Policy-option models against evaluated
//! programmes"). The last test checks that the figures of that section's table are the
//! ones computed here, so the table cannot drift.

use std::collections::HashMap;

use montecarlo::calibrate::{Calibration, calibrate};
use montecarlo::engine::{self, RunOptions, Shard};
use montecarlo::model::Baseline;
use montecarlo::models::all;
use montecarlo::models::remittance_cost::cost_pct_of_fee_schedule;
use montecarlo::models::skills::mills_training_cost;
use montecarlo::spec::{Place, parse, resolve};

/// One option's draws: each draw's scalar outputs and year-0 series values by name
/// (a series `x` is stored as `x[0]`).
type Draws = Vec<HashMap<String, f64>>;

/// Runs `examples/validation/{file}` with the file's own draws and seed, on a baseline
/// without values (every case sets every parameter the models would take from the
/// store), and returns each option's draws by option name.
fn run_case(file: &str) -> HashMap<String, Draws> {
    run_case_fit(file).0
}

/// [`run_case`], and the case's calibration when it has one (applied before the run).
fn run_case_fit(file: &str) -> (HashMap<String, Draws>, Option<Calibration>) {
    let path = format!("{}/../../examples/validation/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("validation example file");
    let scenario = parse(file, &text).unwrap_or_else(|e| panic!("{e}"));
    let (origin, destination) = match &scenario.baseline.place {
        Place::Corridor { origin, destination } => (origin.clone(), Some(destination.clone())),
        Place::Country(c) => (c.clone(), None),
    };
    let baseline = Baseline {
        label: file.to_owned(),
        origin: Some(origin),
        destination,
        year: Some(scenario.baseline.year),
        values: Vec::new(),
    };
    let mut plan = resolve(&scenario, &baseline, &all()).unwrap_or_else(|e| panic!("{e}"));
    let mut fit = None;
    if plan.calibration.is_some() {
        let c = calibrate(&plan, &|_, _| {}).unwrap_or_else(|e| panic!("{file}: {e}"));
        plan = plan.calibrated(&c).unwrap_or_else(|e| panic!("{file}: {e}"));
        fit = Some(c);
    }
    let draws = plan.draws.unwrap_or(engine::DEFAULT_DRAWS);
    let seed = plan.seed.unwrap_or(engine::DEFAULT_SEED);
    let opts = RunOptions { draws, seed, shard: Shard::FULL };
    let ensemble = engine::run(&plan, &opts, &|_, _| {}).unwrap_or_else(|e| panic!("{file}: {e}"));
    let info = &ensemble.info;
    let mut by_option: Vec<Draws> = vec![vec![HashMap::new(); draws as usize]; info.options.len()];
    for r in &ensemble.rows {
        let name = &info.options[r.option as usize].metrics[r.metric as usize].name;
        let key = match r.year {
            None => name.clone(),
            Some(0) => format!("{name}[0]"),
            Some(_) => continue,
        };
        assert!(r.value.is_finite(), "{file}: {key} of draw {} is {}", r.draw, r.value);
        by_option[r.option as usize][r.draw as usize].insert(key, r.value);
    }
    (info.options.iter().map(|o| o.name.clone()).zip(by_option).collect(), fit)
}

/// The single draw of a deterministic case.
fn only(draws: &Draws) -> &HashMap<String, f64> {
    assert_eq!(draws.len(), 1, "a deterministic case runs one draw");
    &draws[0]
}

/// The mean over the draws of `f`.
fn mean(draws: &Draws, f: impl Fn(&HashMap<String, f64>) -> f64) -> f64 {
    draws.iter().map(f).sum::<f64>() / draws.len() as f64
}

/// `x` rounded to whole units with thousands separators, e.g. `517,931`.
fn thousands(x: f64) -> String {
    let digits = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

/// Equal to the bit: the case is an exact computation.
fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits()
}

#[track_caller]
fn assert_same(got: f64, want: f64, what: &str) {
    assert!(same(got, want), "{what}: {got} != {want}");
}

#[track_caller]
fn assert_near(got: f64, want: f64, tol: f64, what: &str) {
    assert!((got - want).abs() <= tol, "{what}: {got} is not within {tol} of {want}");
}

// --- The published figures, with their sources. ---------------------------------------

/// Kirigia et al. (2006), BMC Health Serv Res 6:89: compounded cost of educating a
/// doctor and a nurse in Kenya, US$ (2005 prices).
const KENYA_DOCTOR_USD: f64 = 517_931.0;
const KENYA_NURSE_USD: f64 = 338_868.0;

/// Martin (2016), KNOMAD–ILO surveys: recruitment costs of 1 to 7 months of earnings.
const KNOMAD_RANGE_MONTHS: (f64, f64) = (1.0, 7.0);

/// World Bank (2011), Migration and Poverty, Gibson & McKenzie: NZ$20 fixed fee and a
/// 6 % exchange-rate margin, NZ→Tonga, and the published cost in per cent per amount.
const NZ_TONGA_FIXED_NZD: f64 = 20.0;
const NZ_TONGA_FX_MARGIN: f64 = 0.06;
const NZ_TONGA_COST_PCT: [(f64, f64); 4] =
    [(50.0, 32.9), (100.0, 21.8), (200.0, 14.6), (1000.0, 7.9)];

/// McKenzie (2010), citing the NZ Department of Labour: RSE overstay below 1 %.
const RSE_OVERSTAY_MAX: f64 = 0.01;
/// Bedford & Bedford (2023): 101,850 arrivals of 36,675 workers, 2007–2022.
const RSE_ARRIVALS: f64 = 101_850.0;
const RSE_WORKERS: f64 = 36_675.0;
/// Bedford & Bedford (2023): 56 % of workers returned at least once, over 16 seasons.
const RSE_RETURNED_AT_LEAST_ONCE: f64 = 0.56;

/// DMO, June 2017: Nigeria's diaspora bond, US$300 m, 5 years, 5.625 %, 130 % subscribed.
const NIGERIA_ISSUE_USD: f64 = 300e6;
const NIGERIA_YEARS: f64 = 5.0;
const NIGERIA_COUPON: f64 = 0.05625;
const NIGERIA_SUBSCRIBED: f64 = 1.30;

// --- The figures Coherence gives, by case, as written in docs/validation.md. ---------

/// Each case's figure as the docs table shows it, keyed by the start of the table's
/// "case" cell.
fn figures() -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();

    let kenya = run_case("skills-kenya-training-cost.toml");
    for (case, option) in [("Kenya, doctor", "doctor"), ("Kenya, nurse", "nurse")] {
        let cost = only(&kenya[option])["training_cost_per_professional_usd"];
        rows.push((case, format!("US${}", thousands(cost))));
    }

    let qatar = run_case("recruitment-qatar.toml");
    let ratio = only(&qatar["median-migrant-in-qatar"])["sdg_10_7_1_mean"];
    rows.push(("Qatar, median migrant", format!("{ratio:.2} months")));

    for (case, (amount, _)) in
        ["NZ→Tonga, NZ$50", "NZ→Tonga, NZ$100", "NZ→Tonga, NZ$200", "NZ→Tonga, NZ$1,000"]
            .into_iter()
            .zip(NZ_TONGA_COST_PCT)
    {
        let cost = cost_pct_of_fee_schedule(NZ_TONGA_FIXED_NZD, NZ_TONGA_FX_MARGIN, amount);
        rows.push((case, format!("{cost:.2} %")));
    }

    let RseFigures { never_leaving: rse, leaving, p_leave } = rse_figures();
    rows.push(("RSE, overstay per arrival", format!("{:.2} %", 100.0 * rse.per_arrival)));
    rows.push(("RSE, overstay per worker", format!("{:.2} %", 100.0 * rse.per_worker)));
    rows.push(("RSE, arrivals per worker", format!("{:.2}", rse.per_person)));
    rows.push(("RSE, returned at least once", format!("{:.1} %", 100.0 * rse.returned)));
    rows.push((
        "RSE, leaving fitted: p_leave_scheme",
        format!("{:.3} ({:.3}–{:.3})", p_leave[1], p_leave[0], p_leave[2]),
    ));
    rows.push(("RSE, leaving fitted: arrivals per worker", format!("{:.2}", leaving.per_person)));
    rows.push((
        "RSE, leaving fitted: returned at least once",
        format!("{:.1} %", 100.0 * leaving.returned),
    ));
    rows.push((
        "RSE, leaving fitted: overstay per arrival",
        format!("{:.2} %", 100.0 * leaving.per_arrival),
    ));

    let nigeria = run_case("diaspora-nigeria-bond.toml");
    let bond = only(&nigeria["diaspora-bond-2017"]);
    let m = |x: f64| format!("US${:.3} m", x / 1e6);
    rows.push(("Nigeria, bonds sold", m(bond["bonds_total_usd"])));
    rows.push(("Nigeria, subscriptions turned away", m(bond["bond_demand_unmet_total_usd"])));
    rows.push(("Nigeria, coupon in the first year", m(bond["interest_total_usd"])));
    rows.push(("Nigeria, coupon over five years", m(NIGERIA_YEARS * bond["interest_total_usd"])));
    rows
}

/// The RSE case's means over draws: overstayers per arrival, overstayers per distinct
/// worker, arrivals per distinct worker, and a lower bound of the share of workers who
/// came back at least once. Every overstayer stays to the end (no exit,
/// no regularisation), so `persons_irregular` counts every overstay.
fn rse_figures() -> RseFigures {
    let (rse, fit) = run_case_fit("temporary-scheme-rse.toml");
    let fit = fit.expect("the RSE case fits p_leave_scheme");
    assert!(fit.reached, "the fit reaches its tolerance");
    let of = |option: &str| {
        let draws = &rse[option];
        let arrivals = |d: &HashMap<String, f64>| d["persons_recruited"] + d["reentries_total"];
        RseOption {
            per_arrival: mean(draws, |d| d["persons_irregular"] / arrivals(d)),
            per_worker: mean(draws, |d| d["persons_irregular"] / d["persons_recruited"]),
            per_person: mean(draws, |d| arrivals(d) / d["persons_recruited"]),
            returned: mean(draws, |d| d["persons_reentered"] / d["persons_recruited"]),
        }
    };
    let p = fit.params[0].posterior;
    RseFigures {
        never_leaving: of("rse-2007-2022"),
        leaving: of("rse-leaving-fitted"),
        p_leave: [p.p05, p.p50, p.p95],
    }
}

/// The RSE case's two options: returnees never leaving the scheme, and leaving at the
/// fitted yearly rate.
struct RseFigures {
    never_leaving: RseOption,
    leaving: RseOption,
    /// The fitted p_leave_scheme: 5th percentile, median, 95th.
    p_leave: [f64; 3],
}

/// One option of the RSE case: overstayers per arrival and per distinct worker,
/// arrivals per distinct worker, and the share of workers re-admitted at least once.
struct RseOption {
    per_arrival: f64,
    per_worker: f64,
    per_person: f64,
    returned: f64,
}

// --- One test per case. ----------------------------------------------------------------

#[test]
fn skills_reproduces_kirigia_kenya_training_costs_to_the_dollar() {
    let kenya = run_case("skills-kenya-training-cost.toml");
    for (option, spend, published) in
        [("doctor", 65_997.0, KENYA_DOCTOR_USD), ("nurse", 43_180.0, KENYA_NURSE_USD)]
    {
        let model = only(&kenya[option])["training_cost_per_professional_usd"];
        assert_same(model.round(), published, &format!("{option}: the model's output"));
        let formula = mills_training_cost(&[(spend, 1)], 0.0665, 32);
        assert_same(formula.round(), published, &format!("{option}: mills_training_cost"));
        assert_same(model, formula, &format!("{option}: the model is the formula"));
    }
}

#[test]
fn recruitment_in_qatar_falls_in_the_knomad_ilo_range() {
    let qatar = run_case("recruitment-qatar.toml");
    let d = only(&qatar["median-migrant-in-qatar"]);
    let ratio = d["sdg_10_7_1_mean"];
    assert_same(ratio, 1.25, "10.7.1 is the observed fee ratio");
    assert!((KNOMAD_RANGE_MONTHS.0..=KNOMAD_RANGE_MONTHS.1).contains(&ratio));
    // The fee in dollars: 1.25 × 3,945 / 12.
    assert_near(d["fee_per_worker"], 1.25 * 3945.0 / 12.0, 1e-9, "fee");
}

#[test]
fn fee_schedule_reproduces_the_world_bank_nz_tonga_example_to_rounding_up() {
    let costs: Vec<f64> = NZ_TONGA_COST_PCT
        .iter()
        .map(|&(x, _)| cost_pct_of_fee_schedule(NZ_TONGA_FIXED_NZD, NZ_TONGA_FX_MARGIN, x))
        .collect();
    // 1 − 0.94·x/(x + 20), exactly: 23/70, 26/120, 32/220, 80/1020.
    let exact = [23.0 / 70.0, 26.0 / 120.0, 32.0 / 220.0, 80.0 / 1020.0];
    for (c, e) in costs.iter().zip(exact) {
        assert_near(*c, 100.0 * e, 1e-12, "fee schedule");
    }
    let round1 = |x: f64| (10.0 * x).round() / 10.0;
    let ceil1 = |x: f64| (10.0 * x).ceil() / 10.0;
    let published: Vec<f64> = NZ_TONGA_COST_PCT.iter().map(|p| p.1).collect();
    // Rounded to nearest, only NZ$50 matches; rounded up, all but NZ$100.
    let nearest: Vec<bool> =
        costs.iter().zip(&published).map(|(c, p)| same(round1(*c), *p)).collect();
    assert_eq!(nearest, [true, false, false, false]);
    let up: Vec<bool> = costs.iter().zip(&published).map(|(c, p)| same(ceil1(*c), *p)).collect();
    assert_eq!(up, [true, false, true, true]);
    // NZ$100: 21.67 % against 21.8 %, a miss of 0.13 points that no rounding explains.
    assert_near(published[1] - costs[1], 0.1333, 1e-3, "NZ$100 miss");
    // No fixed margin reproduces all four: the margin each figure implies (to its
    // rounding) is 6.06 % for 50, 200 and 1,000 and 6.16 % for 100.
    let implied: Vec<f64> = NZ_TONGA_COST_PCT
        .iter()
        .map(|&(x, p)| 1.0 - (1.0 - p / 100.0) * (x + NZ_TONGA_FIXED_NZD) / x)
        .collect();
    for (i, want) in [0.0606, 0.0616, 0.0606, 0.0606].into_iter().enumerate() {
        assert_near(implied[i], want, 5e-4, "implied margin");
    }

    // Nothing paid, no cost (the function's documented limit).
    assert_same(cost_pct_of_fee_schedule(0.0, 0.06, 0.0), 0.0, "nothing paid");

    // The remittance-cost model run at the NZ$200 cost, on what the sender pays.
    let nz = run_case("remittance-cost-nz-tonga.toml");
    let d = only(&nz["fee-schedule-at-nz200"]);
    assert_near(d["received_total_usd"], 0.94 * 200.0, 1e-9, "received");
    assert_near(d["fees_total_usd"], 20.0 + 0.06 * 200.0, 1e-9, "fees");
}

#[test]
fn rse_overstay_per_arrival_is_below_one_percent_but_circularity_is_overstated() {
    let RseFigures { never_leaving: rse, leaving, p_leave } = rse_figures();
    // Overstayers per arrival (contract ends): below the published 1 %.
    assert!(rse.per_arrival < RSE_OVERSTAY_MAX);
    assert_near(rse.per_arrival, 0.005620, 5e-6, "overstay per arrival");
    // Per distinct worker, over 16 seasons: far above, since each worker comes ~10 times.
    assert_near(rse.per_worker, 0.05873, 5e-6, "overstay per worker");
    // Arrivals per worker: 10.58 against the published 2.78 when returnees never leave
    // the scheme (docs/validation.md).
    let published = RSE_ARRIVALS / RSE_WORKERS;
    assert_near(published, 2.777, 1e-3, "published arrivals per worker");
    assert_near(rse.per_person, 10.580, 5e-4, "model arrivals per worker");
    // Every worker but those recruited in the last seasons comes back: 98.8 % against 56 %.
    assert_near(rse.returned, 0.9878, 5e-5, "returned at least once, never leaving");
    assert!(p_leave[0] > 0.0 && p_leave[2] < 0.95, "the fit narrows the prior: {p_leave:?}");
    // With leaving fitted to the arrivals per worker, the share who came back at least
    // once is a figure the fit did not use.
    assert!((leaving.per_person / published - 1.0).abs() < 0.05, "fitted arrivals per worker");
    assert!(leaving.per_arrival < RSE_OVERSTAY_MAX);
    // 64.5 % came back at least once against the published 56 %: closer than 98.8 %,
    // still above (a miss, explained in docs/validation.md).
    assert_near(leaving.returned, 0.6447, 5e-4, "returned at least once, leaving fitted");
    assert!(leaving.returned > RSE_RETURNED_AT_LEAST_ONCE);
}

#[test]
fn diaspora_model_reproduces_the_nigeria_bond_terms_not_its_take_up() {
    let nigeria = run_case("diaspora-nigeria-bond.toml");
    let d = only(&nigeria["diaspora-bond-2017"]);
    // Demand is an input here (take-up derived from the 130 %): reproduced by construction.
    assert_near(d["bond_demand_usd[0]"] / NIGERIA_ISSUE_USD, NIGERIA_SUBSCRIBED, 1e-12, "demand");
    assert_same(d["bonds_total_usd"], NIGERIA_ISSUE_USD, "sold: the issue");
    assert_near(d["bond_demand_unmet_total_usd"], 0.30 * NIGERIA_ISSUE_USD, 1e-4, "turned away");
    assert_near(d["interest_total_usd"], NIGERIA_COUPON * NIGERIA_ISSUE_USD, 1e-6, "coupon");
    assert_same(d["government_cost_total_usd"], d["interest_total_usd"], "cost: the coupon");
    assert_same(d["patriotic_discount_total_usd"], 0.0, "no market rate set");
    assert_near(
        NIGERIA_YEARS * d["interest_total_usd"],
        84_375_000.0,
        1e-6,
        "coupon over five years",
    );
}

#[test]
fn docs_table_shows_the_computed_figures() {
    let path = format!("{}/../../docs/validation.md", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("docs/validation.md");
    let heading = "## Policy-option models against evaluated programmes";
    let start = text.find(heading).expect("the section is in docs/validation.md");
    let section = &text[start + heading.len()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    // Table rows: | model | case | published figure | Coherence | within range |.
    let rows: Vec<Vec<&str>> = section
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("| ---") && !l.starts_with("| model"))
        .map(|l| l.trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    let figures = figures();
    for (case, want) in &figures {
        let row = rows
            .iter()
            .find(|r| r.len() == 5 && r[1].starts_with(case))
            .unwrap_or_else(|| panic!("docs table has no row for {case}"));
        assert_eq!(row[3], want.as_str(), "docs table, {case}");
    }
    // Every row with a figure is checked; rows without one show a dash.
    for r in &rows {
        assert!(
            r[3] == "—" || figures.iter().any(|(c, _)| r[1].starts_with(c)),
            "docs table row not checked: {r:?}"
        );
    }
}
