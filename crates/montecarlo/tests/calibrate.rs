//! Calibration by ABC population Monte Carlo: it recovers parameters that generated
//! the targets, reaches its tolerance, gives the same bits on any thread count, and a
//! run from its posterior reproduces the targets.

use montecarlo::calibrate::{CalibrationError, calibrate};
use montecarlo::engine::{self, RunOptions, Shard};
use montecarlo::model::{Baseline, Model, Outputs, Params, draw_rng};
use montecarlo::models::{self, TemporaryScheme};
use montecarlo::spec::{parse, resolve};

const YEARS: usize = 10;

/// The scheme's outputs at full size (quota 20,000) with remittance share 0.5 and
/// renewal 0.4, averaged over 4 draws: (workers present, remittances received) in the
/// last year.
fn truth() -> (f64, f64) {
    let model = TemporaryScheme;
    let vals: Vec<f64> = model
        .parameters()
        .iter()
        .map(|d| match d.name {
            "quota" => 20_000.0,
            "years" => YEARS as f64,
            "remittance_share" => 0.5,
            "p_renew" => 0.4,
            "origin_earnings_usd_year" => 1200.0,
            "transfer_cost_pct" => 4.0,
            _ => match d.default {
                montecarlo::model::ParamDefault::Value(v) => v,
                _ => panic!("{}", d.name),
            },
        })
        .collect();
    let params = Params::new(model.parameters(), &vals);
    let (mut present, mut remitted) = (0.0, 0.0);
    for draw in 0..4 {
        let mut out = Outputs::new(model.outputs(), YEARS);
        model.simulate(&params, &mut draw_rng(99, draw), &mut out).unwrap();
        present += out.series("workers_present")[YEARS - 1] / 4.0;
        remitted += out.series("remittances_received")[YEARS - 1] / 4.0;
    }
    (present, remitted)
}

fn scenario(present: f64, remitted: f64, extra: &str) -> String {
    format!(
        r#"[scenario]
name = "calibration test"

[baseline]
corridor = "XAA-XAB"
year = 2020

[[option]]
name = "as-observed"
model = "temporary-scheme"
[option.parameters]
quota = 20000
years = {YEARS}
origin_earnings_usd_year = 1200
transfer_cost_pct = 4

[[option]]
name = "lower-fees"
model = "temporary-scheme"
[option.parameters]
quota = 20000
years = {YEARS}
origin_earnings_usd_year = 1200
transfer_cost_pct = 2

[calibration]
particles = 100
max_simulations = 6000
simulated_size = 2000
{extra}
[calibration.targets]
workers_present = {{ value = {present}, source = "the model at share 0.5, renewal 0.4" }}
remittances_received = {{ value = {remitted}, source = "the model at share 0.5, renewal 0.4" }}

[calibration.free]
remittance_share = {{ min = 0.05, max = 0.95, source = "any share" }}
p_renew = {{ min = 0, max = 0.9 }}
"#
    )
}

fn plan(text: &str) -> montecarlo::Plan {
    let s = parse("cal.toml", text).expect("parse");
    resolve(&s, &Baseline::default(), &models::all()).expect("resolve")
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap()
}

#[test]
fn calibration_recovers_the_parameters_that_made_the_targets() {
    let (present, remitted) = truth();
    let plan = plan(&scenario(present, remitted, ""));
    let cal = pool(2).install(|| calibrate(&plan, &|_, _| {})).expect("calibrate");
    assert!(cal.reached, "{:?}", cal.generations);
    assert!(cal.distance <= 0.10);
    assert!(cal.generations.len() >= 2, "{:?}", cal.generations);
    let share = &cal.params[0];
    let renew = &cal.params[1];
    assert_eq!(share.free.name, "remittance_share");
    assert!(share.posterior.p05 <= 0.5 && 0.5 <= share.posterior.p95, "{share:?}");
    assert!(renew.posterior.p05 <= 0.4 && 0.4 <= renew.posterior.p95, "{renew:?}");
    assert!((share.posterior.p50 - 0.5).abs() < 0.06, "{share:?}");
    assert!((renew.posterior.p50 - 0.4).abs() < 0.08, "{renew:?}");
    // Narrower than the priors.
    assert!(share.posterior.p95 - share.posterior.p05 < 0.3, "{share:?}");
    for t in &cal.targets {
        assert!((t.modelled.p50 / t.target.observed - 1.0).abs() <= 0.10, "{t:?}");
    }
    // Scaled: simulated at 2,000 places for 20,000.
    assert!((cal.plan.scale - 10.0).abs() < 1e-12, "{}", cal.plan.scale);

    // Options run from the posterior, at full size, reproduce the targets.
    let calibrated = plan.calibrated(&cal).expect("reached");
    assert!(calibrated.options.iter().all(|o| o.posterior.is_some()));
    assert_ne!(calibrated.fingerprint(), plan.fingerprint());
    let opts = RunOptions { draws: 40, seed: 3, shard: Shard::FULL };
    let e = pool(2).install(|| engine::run(&calibrated, &opts, &|_, _| {})).unwrap();
    let rows = montecarlo::summarise(&e);
    let median = |metric: &str| {
        rows.iter()
            .find(|r| {
                r.option == "as-observed" && r.metric == metric && r.year == Some(YEARS as u32 - 1)
            })
            .map(|r| r.stats.p50)
            .unwrap()
    };
    assert!((median("workers_present") / present - 1.0).abs() <= 0.10);
    assert!((median("remittances_received") / remitted - 1.0).abs() <= 0.10);
    // The parameters drawn are the posterior's vectors, jointly.
    let post = &cal.posterior;
    let pairs: Vec<(f64, f64)> =
        (0..post.len()).map(|i| (post.samples[2 * i], post.samples[2 * i + 1])).collect();
    let share_k = TemporaryScheme.parameters().iter().position(|d| d.name == "remittance_share");
    let renew_k = TemporaryScheme.parameters().iter().position(|d| d.name == "p_renew");
    for draw in 0..40 {
        let get = |k| {
            e.params
                .iter()
                .find(|r| r.draw == draw && r.option == 0 && r.metric == k as u32)
                .unwrap()
                .value
        };
        let pair = (get(share_k.unwrap()), get(renew_k.unwrap()));
        assert!(pairs.contains(&pair), "draw {draw}: {pair:?} is not a posterior vector");
    }
}

#[test]
fn calibration_gives_the_same_bits_on_one_and_two_threads() {
    let (present, remitted) = truth();
    let plan = plan(
        &scenario(present, remitted, "particles = 20\nmax_simulations = 400\n")
            .replace("particles = 100\nmax_simulations = 6000\n", ""),
    );
    let one = pool(1).install(|| calibrate(&plan, &|_, _| {})).unwrap();
    let two = pool(2).install(|| calibrate(&plan, &|_, _| {})).unwrap();
    let bits = |c: &montecarlo::calibrate::Calibration| {
        c.posterior.samples.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
    };
    assert_eq!(bits(&one), bits(&two));
    assert_eq!(one.generations, two.generations);
    assert_eq!(one.simulations, two.simulations);
}

#[test]
fn a_calibration_short_of_its_tolerance_cannot_be_run_from() {
    let (present, remitted) = truth();
    // Targets no vector reaches: twice as many workers but a tiny budget.
    let text = scenario(present * 50.0, remitted, "")
        .replace("max_simulations = 6000", "max_simulations = 300");
    let plan = plan(&text);
    let cal = pool(2).install(|| calibrate(&plan, &|_, _| {})).unwrap();
    assert!(!cal.reached);
    let err = plan.calibrated(&cal).unwrap_err();
    assert!(matches!(err, CalibrationError::NotReached { .. }), "{err}");
    assert!(err.to_string().contains("did not reach its tolerance of 0.1"), "{err}");
}

#[test]
fn a_calibration_table_is_checked_against_the_model() {
    let (present, remitted) = truth();
    let base = scenario(present, remitted, "");
    let cases = [
        (
            base.replace("p_renew = {", "p_renw = {"),
            "has no parameter `p_renw`; did you mean `p_renew`?",
        ),
        (base.replace("workers_present = {", "workers = {"), "has no output `workers`"),
        (
            base.replace("p_renew = { min = 0, max = 0.9 }", "p_renew = { min = 0, max = 1.5 }"),
            "must lie in `p_renew`'s domain",
        ),
        (
            base.replace("p_renew = { min = 0, max = 0.9 }", "quota = { min = 1, max = 9 }"),
            "structural",
        ),
        (
            base.replace("[calibration]\n", "[calibration]\nyear = 11\n"),
            "past option \"as-observed\"'s horizon",
        ),
        (
            base.replace("[calibration]\n", "[calibration]\noption = \"nope\"\n"),
            "no option \"nope\"",
        ),
        (base.replace("{ value = ", "{ valu = "), "unknown key `valu`"),
        (
            base.replace("workers_present = {", "sdg_10_7_1_mean = {"),
            "not proportional to the model's size",
        ),
        (
            base.replace(
                "remittances_received = { value",
                "remittances_received = \"corridor_remittances_usd\"\nx = { value",
            ),
            "the baseline has no value `corridor_remittances_usd`",
        ),
        (
            base.replace(
                "origin_earnings_usd_year = 1200\ntransfer_cost_pct = 4\n",
                "origin_earnings_usd_year = 1200\ntransfer_cost_pct = 4\np_renew = 0.1\n",
            ),
            "is set in option \"as-observed\"",
        ),
        (base.replace("min = 0.05, max = 0.95", "min = 0.95, max = 0.05"), "must be below max"),
        (base.replace("particles = 100", "particles = 5"), "expected a whole number in 10..=10000"),
        (base.replace("[calibration]\n", "[calibration]\ntolerance = 1e-300\n"), "found 1e-300"),
        (base.replace("[calibration]\n", "[calibration]\ntolerance = 0.9\n"), "from 0.001 to 0.5"),
    ];
    let many: String = (0..25).map(|i| format!("p{i} = {{ min = 0, max = 1 }}\n")).collect();
    let cases = cases.into_iter().chain([(
        base.replace("[calibration.free]\n", &format!("[calibration.free]\n{many}")),
        "expected 1 to 20 free parameters, found 27",
    )]);
    for (text, expected) in cases {
        let s = parse("cal.toml", &text);
        let message = match s {
            Err(e) => e.to_string(),
            Ok(s) => resolve(&s, &Baseline::default(), &models::all())
                .map(|_| ())
                .unwrap_err()
                .to_string(),
        };
        assert!(message.contains(expected), "expected {expected:?} in {message}");
        assert!(message.starts_with("cal.toml:"), "{message}");
    }
}

#[test]
fn a_baseline_target_must_be_the_same_quantity_as_its_output() {
    let (present, remitted) = truth();
    let text = scenario(present, remitted, "").replace(
        "workers_present = { value",
        "workers_present = \"corridor_cost_pct\"\nx_unused = { value",
    );
    let text = text.replace("x_unused = ", "# ");
    let baseline = Baseline {
        values: vec![montecarlo::model::BaselineValue {
            key: "corridor_cost_pct".to_owned(),
            value: 2.69,
            unit: "percent".to_owned(),
            source: "test".to_owned(),
        }],
        ..Baseline::default()
    };
    let s = parse("cal.toml", &text).expect("parse");
    let err = resolve(&s, &baseline, &models::all()).unwrap_err().to_string();
    assert!(
        err.contains("`corridor_cost_pct` is in percent, the output `workers_present` in persons"),
        "{err}"
    );
}

/// A skills file that leaves the two rates it fits unset: `graduates_per_year` and
/// `emigration_rate` are required, and the calibration's fit stands for them in every
/// skills option; a model the calibration does not fit still needs them set.
fn skills(extra_option: &str) -> String {
    format!(
        r#"[scenario]
name = "skills fitted"
[baseline]
country = "XAA"
year = 2020
[[option]]
name = "past"
model = "skills"
[option.parameters]
population = 1000000
stock_start = 1000
spend_primary_usd = 100
spend_secondary_usd = 200
spend_professional_usd = 2000
destination_training_cost_usd = 100000
host_earnings_usd = 40000
{extra_option}
[calibration]
particles = 50
max_simulations = 5000
[calibration.targets]
stock = {{ value = 1200, source = "test" }}
[calibration.free]
graduates_per_year = {{ min = 0, max = 300 }}
emigration_rate = {{ min = 0, max = 0.15 }}
"#
    )
}

#[test]
fn a_required_parameter_the_calibration_fits_need_not_be_set() {
    let plan = plan(&skills(""));
    let past = &plan.options[0];
    let g = past.params.iter().find(|p| p.def.name == "graduates_per_year").unwrap();
    assert!(format!("{:?}", g.origin).contains("fitted by the calibration"), "{:?}", g.origin);
    let fit = pool(1).install(|| calibrate(&plan, &|_, _| {})).expect("calibrates");
    assert!(fit.reached);
    let run = plan.calibrated(&fit).expect("applies");
    assert!(run.options[0].params.iter().any(|p| p.def.name == "emigration_rate"
        && matches!(p.origin, montecarlo::spec::Origin::Calibrated { .. })));

    // Another model's option is not fitted: its required parameters stay required.
    let other = "[[option]]\nname = \"fees\"\nmodel = \"recruitment\"\n[option.parameters]\n";
    let text = skills("").replace("\n[calibration]", &format!("\n{other}\n[calibration]"));
    let s = parse("cal.toml", &text).expect("parse");
    let err = resolve(&s, &Baseline::default(), &models::all()).unwrap_err().to_string();
    assert!(err.contains("option[2].parameters.workers"), "{err}");
}
