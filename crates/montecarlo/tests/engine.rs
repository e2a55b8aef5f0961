//! The engine against a small model of the tests' own: scenario errors, determinism
//! across threads and shards, merge checks, output round trips.

use montecarlo::arrow::{
    ArrowWriter, read_arrow, read_parameters_arrow, write_arrow, write_arrow_batched,
    write_parameters_arrow,
};
use montecarlo::engine::{
    DEFAULT_MAX_MEMORY, Ensemble, Footprint, Limits, MergeError, RunError, RunOptions, Shard,
    check_limits, merge, merge_order, run, run_each,
};
use montecarlo::model::{
    Baseline, BaselineValue, Domain, DrawRng, Model, ModelError, OutputDef, Outputs, ParamDef,
    ParamDefault, Params, Shape, Side,
};
use montecarlo::output::{
    CsvRows, FileRecord, parse_manifest, read_manifest, write_draws_csv, write_manifest,
    write_parameters_csv, write_summary_csv,
};
use montecarlo::spec::{Plan, SpecError, parse, resolve};
use montecarlo::summary::{Summariser, compare, compare_options, summarise};
use rand::Rng;

/// A toy scheme: `quota` workers, each overstays with probability `p_overstay`; yearly
/// earnings with noise from the draw's stream.
struct Toy;

const PARAMS: &[ParamDef] = &[
    ParamDef {
        name: "quota",
        unit: "persons",
        domain: Domain::Count,
        default: ParamDefault::Required,
        fixed: false,
        source: "set by the scenario",
        doc: "Workers admitted per year.",
    },
    ParamDef {
        name: "p_overstay",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.1),
        fixed: false,
        source: "test convention",
        doc: "Probability that a worker overstays.",
    },
    ParamDef {
        name: "cost_pct",
        unit: "per cent",
        domain: Domain::NonNegative,
        default: ParamDefault::Baseline("corridor_cost_pct"),
        fixed: false,
        source: "baseline",
        doc: "Remittance cost.",
    },
    ParamDef {
        name: "horizon",
        unit: "years",
        domain: Domain::Range { min: 1.0, max: 50.0 },
        default: ParamDefault::Value(4.0),
        fixed: true,
        source: "test convention",
        doc: "Years simulated.",
    },
];

const OUTPUTS: &[OutputDef] = &[
    OutputDef {
        name: "overstayers",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Destination,
        doc: "Overstayers over the horizon.",
    },
    OutputDef {
        name: "earnings",
        unit: "USD",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Earnings by year.",
    },
];

impl Model for Toy {
    fn name(&self) -> &'static str {
        "toy"
    }
    fn description(&self) -> &'static str {
        "A test model."
    }
    fn parameters(&self) -> &'static [ParamDef] {
        PARAMS
    }
    fn outputs(&self) -> &'static [OutputDef] {
        OUTPUTS
    }
    fn horizon(&self, params: &Params<'_>) -> usize {
        params.get("horizon") as usize
    }
    fn check(&self, params: &Params<'_>) -> Result<(), ModelError> {
        if params.get("quota") > 1e7 {
            return Err(ModelError { model: "toy", message: "quota above 10 million".into() });
        }
        Ok(())
    }
    fn simulate(
        &self,
        params: &Params<'_>,
        rng: &mut DrawRng,
        out: &mut Outputs,
    ) -> Result<(), ModelError> {
        let quota = params.get("quota");
        let p = params.get("p_overstay");
        let mut over = 0.0;
        for t in 0..out.horizon() {
            let noise = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
            over += quota * p;
            out.set_year(
                "earnings",
                t,
                quota * (1000.0 + 100.0 * noise) * (1.0 - params.get("cost_pct") / 100.0),
            );
        }
        out.set("overstayers", over);
        Ok(())
    }
}

static TOY: Toy = Toy;

fn models() -> Vec<&'static dyn Model> {
    vec![&TOY]
}

fn baseline() -> Baseline {
    Baseline {
        label: "XAA → XAB, 2020".into(),
        origin: Some("XAA".into()),
        destination: Some("XAB".into()),
        year: Some(2020),
        values: vec![BaselineValue {
            key: "corridor_cost_pct".into(),
            value: 6.5,
            unit: "per cent".into(),
            source: "demo remittance costs 2020".into(),
        }],
    }
}

const GOOD: &str = r#"[scenario]
name = "Toy scheme"
description = "Two quotas."
draws = 300
seed = 11

[baseline]
corridor = "XAA-XAB"
year = 2020

[[option]]
name = "small"
model = "toy"
[option.parameters]
quota = 1000
p_overstay = { dist = "beta", alpha = 2, beta = 18 }

[[option]]
name = "large"
model = "toy"
[option.parameters]
quota = { dist = "triangular", min = 1500, mode = 2000, max = 3000 }
p_overstay = { dist = "normal", mean = 0.1, sd = 0.05, lower = 0, upper = 1 }
cost_pct = { dist = "uniform", min = 3, max = 7, source = "survey" }
"#;

fn plan(text: &str) -> Result<Plan, SpecError> {
    let s = parse("toy.toml", text)?;
    resolve(&s, &baseline(), &models())
}

fn run_with(plan: &Plan, threads: usize, shard: Shard, draws: u64) -> Ensemble {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    pool.install(|| run(plan, &RunOptions { draws, seed: 11, shard }, &|_, _| {})).unwrap()
}

fn csv(e: &Ensemble) -> Vec<u8> {
    let mut out = Vec::new();
    write_draws_csv(e, &mut out).unwrap();
    out
}

#[test]
fn good_scenario_resolves_with_origins() {
    let p = plan(GOOD).unwrap();
    assert_eq!(p.options.len(), 2);
    let small = &p.options[0];
    assert_eq!(small.horizon, 4);
    let origin = |o: usize, k: usize| p.options[o].params[k].origin.to_string();
    assert_eq!(origin(0, 0), "scenario file, line 15");
    assert_eq!(origin(0, 2), "baseline corridor_cost_pct (demo remittance costs 2020)");
    assert_eq!(origin(0, 3), "model default (test convention)");
    assert_eq!(origin(1, 2), "scenario file, line 24 (survey)");
    assert_eq!(p.draws, Some(300));
    assert_eq!(p.seed, Some(11));
}

fn error(text: &str) -> SpecError {
    plan(text).expect_err("the scenario should be rejected")
}

fn with_params(params: &str) -> String {
    format!(
        "[scenario]\nname = \"x\"\n[baseline]\ncountry = \"XAA\"\nyear = 2020\n[[option]]\nname = \"a\"\nmodel = \"toy\"\n[option.parameters]\n{params}\n"
    )
}

#[test]
fn negative_quota_is_named_with_its_domain() {
    let e = error(&with_params("quota = -5"));
    assert_eq!(e.field, "option[1].parameters.quota");
    assert_eq!((e.at.line, e.at.column), (10, 9));
    let text = e.to_string();
    assert!(text.starts_with("toy.toml:10:9: option[1].parameters.quota: "), "{text}");
    assert!(text.contains("-5") && text.contains("a whole number ≥ 0"), "{text}");
}

#[test]
fn probability_above_one_is_rejected() {
    let e = error(&with_params("quota = 10\np_overstay = 1.5"));
    assert_eq!(e.field, "option[1].parameters.p_overstay");
    assert_eq!(e.at.line, 11);
    assert!(
        e.message.contains("1.5") && e.message.contains("a probability in [0, 1]"),
        "{}",
        e.message
    );
}

#[test]
fn normal_on_a_probability_needs_truncation() {
    let e =
        error(&with_params("quota = 10\np_overstay = { dist = \"normal\", mean = 0.2, sd = 0.1 }"));
    assert_eq!(e.field, "option[1].parameters.p_overstay");
    assert!(e.message.contains("(-inf, inf)"), "{}", e.message);
    assert!(e.message.contains("lower = 0, upper = 1"), "{}", e.message);
    // Truncated within the domain it is accepted.
    plan(&with_params("quota = 10\np_overstay = { dist = \"normal\", mean = 0.2, sd = 0.1, lower = 0, upper = 1 }"))
        .unwrap();
    // Truncated beyond it, it is not.
    let e = error(&with_params(
        "quota = 10\np_overstay = { dist = \"normal\", mean = 0.2, sd = 0.1, lower = 0, upper = 2 }",
    ));
    assert!(e.message.contains("[0, 2]"), "{}", e.message);
}

#[test]
fn unknown_model_lists_the_known_ones() {
    let e = error(&with_params("quota = 1").replace("model = \"toy\"", "model = \"tyo\""));
    assert_eq!(e.field, "option[1].model");
    assert_eq!((e.at.line, e.at.column), (8, 9));
    assert!(
        e.message.contains("unknown model \"tyo\"") && e.message.contains("known models: toy"),
        "{}",
        e.message
    );
}

#[test]
fn unknown_parameter_suggests_the_closest() {
    let e = error(&with_params("quota = 1\np_overstya = 0.1"));
    assert_eq!(e.field, "option[1].parameters.p_overstya");
    assert!(e.message.contains("did you mean `p_overstay`?"), "{}", e.message);
}

#[test]
fn missing_required_and_baseline_key_are_named() {
    let e = error(&with_params("p_overstay = 0.1"));
    assert_eq!(e.field, "option[1].parameters.quota");
    assert!(e.message.contains("needs parameter `quota`"), "{}", e.message);
    let s = parse("toy.toml", &with_params("quota = 3")).unwrap();
    let e = resolve(&s, &Baseline::default(), &models()).unwrap_err();
    assert_eq!(e.field, "option[1].parameters.cost_pct");
    assert!(e.message.contains("`corridor_cost_pct`"), "{}", e.message);
}

#[test]
fn fixed_parameter_takes_no_distribution() {
    let e = error(&with_params("quota = 3\nhorizon = { dist = \"uniform\", min = 2, max = 5 }"));
    assert_eq!(e.field, "option[1].parameters.horizon");
    assert!(e.message.contains("structural"), "{}", e.message);
}

#[test]
fn syntax_and_shape_errors_are_located() {
    let e = parse("s.toml", "[scenario]\nname = \"x\"\nname2 = \n").unwrap_err();
    assert_eq!(e.at.line, 3);
    assert!(e.message.contains("not valid TOML"), "{}", e.message);

    let e = parse("s.toml", &with_params("quota = { dist = \"normal\", mean = 3 }")).unwrap_err();
    assert_eq!(e.field, "option[1].parameters.quota.sd");
    assert!(e.message.contains("needs `sd`"), "{}", e.message);

    let e = parse("s.toml", &with_params("quota = { dist = \"gauss\", mean = 3, sd = 1 }"))
        .unwrap_err();
    assert_eq!(e.field, "option[1].parameters.quota.dist");
    assert!(e.message.contains("unknown distribution \"gauss\""), "{}", e.message);

    let e = parse("s.toml", &with_params("quota = \"many\"")).unwrap_err();
    assert_eq!(e.field, "option[1].parameters.quota");
    assert!(e.message.contains("found string"), "{}", e.message);

    let e = parse(
        "s.toml",
        &with_params("quota = { dist = \"triangular\", min = 3, mode = 9, max = 5 }"),
    )
    .unwrap_err();
    assert!(e.message.contains("mode must lie in [min, max]"), "{}", e.message);

    let e =
        parse("s.toml", &with_params("q = 1").replace("year = 2020", "yaer = 2020")).unwrap_err();
    assert_eq!(e.field, "baseline.yaer");
    assert!(e.message.contains("did you mean `year`?"), "{}", e.message);

    let e =
        parse("s.toml", &with_params("q = 1").replace("country = \"XAA\"", "corridor = \"XAA\""))
            .unwrap_err();
    assert_eq!(e.field, "baseline.corridor");

    let e =
        parse("s.toml", "[scenario]\nname = \"x\"\n[baseline]\ncountry = \"XAA\"\nyear = 2020\n")
            .unwrap_err();
    assert_eq!(e.field, "option");
    assert!(e.message.contains("[[option]]"), "{}", e.message);
}

#[test]
fn same_seed_same_bits_with_one_and_two_threads() {
    let p = plan(GOOD).unwrap();
    let one = run_with(&p, 1, Shard::FULL, 300);
    let two = run_with(&p, 2, Shard::FULL, 300);
    assert_eq!(one.rows.len(), 300 * 2 * (1 + 4));
    assert_eq!(csv(&one), csv(&two));
    // A different seed gives different numbers.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    let other = pool
        .install(|| run(&p, &RunOptions { draws: 300, seed: 12, shard: Shard::FULL }, &|_, _| {}))
        .unwrap();
    assert_ne!(csv(&one), csv(&other));
}

#[test]
fn four_shards_merged_equal_the_full_run() {
    let p = plan(GOOD).unwrap();
    let full = run_with(&p, 2, Shard::FULL, 301);
    let mut parts: Vec<Ensemble> =
        (1..=4).map(|k| run_with(&p, 1, Shard::new(k, 4).unwrap(), 301)).collect();
    parts.reverse();
    let merged = merge(parts.clone()).unwrap();
    assert_eq!(merged, full);
    assert_eq!(csv(&merged), csv(&full));

    // A missing shard and a repeated one are named.
    let gap = merge(parts[..3].to_vec()).unwrap_err();
    assert!(matches!(gap, MergeError::Gap { start: 0, .. }), "{gap}");
    let mut doubled = parts.clone();
    doubled.push(parts[0].clone());
    assert!(matches!(merge(doubled).unwrap_err(), MergeError::Overlap { .. }));
    // A shard of another seed is refused.
    let mut other = parts.clone();
    other[1].info.seed = 12;
    assert!(matches!(merge(other).unwrap_err(), MergeError::Mismatch { what: "seed", .. }));
}

#[test]
fn drawn_parameters_are_recorded() {
    let p = plan(GOOD).unwrap();
    let e = run_with(&p, 2, Shard::FULL, 200);
    // 2 options × 4 parameters per draw, fixed values included.
    assert_eq!(e.params.len(), 200 * 2 * 4);
    let values = |option: u32, k: u32| -> Vec<f64> {
        e.params.iter().filter(|r| r.option == option && r.metric == k).map(|r| r.value).collect()
    };
    assert!(values(0, 0).iter().all(|q| q.to_bits() == 1000f64.to_bits()));
    // The triangular quota of "large" is rounded to whole workers, inside [1500, 3000].
    let q = values(1, 0);
    assert!(q.iter().all(|q| q.fract() == 0.0 && (1500.0..=3000.0).contains(q)), "{q:?}");
    assert!(q.iter().any(|x| x.to_bits() != q[0].to_bits()));
    // The outputs follow the parameters drawn: overstayers = 4 × quota × p_overstay.
    let p_over = values(1, 1);
    let over: Vec<f64> =
        e.rows.iter().filter(|r| r.option == 1 && r.metric == 0).map(|r| r.value).collect();
    for i in 0..200 {
        assert!((over[i] - 4.0 * q[i] * p_over[i]).abs() < 1e-6 * over[i].max(1.0));
    }
    let mut out = Vec::new();
    write_parameters_csv(&e, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("draw,option,parameter,value\n0,small,quota,1000\n"),
        "{}",
        &text[..60]
    );
}

#[test]
fn progress_reaches_the_total() {
    use std::sync::atomic::{AtomicU64, Ordering};
    let p = plan(GOOD).unwrap();
    let last = AtomicU64::new(0);
    run(&p, &RunOptions { draws: 200, seed: 1, shard: Shard::FULL }, &|done, total| {
        assert_eq!(total, 200);
        last.fetch_max(done, Ordering::Relaxed);
    })
    .unwrap();
    assert_eq!(last.load(Ordering::Relaxed), 200);
}

#[test]
fn identical_options_have_zero_paired_difference() {
    // Common random numbers: the same parameters give the same draws in every option.
    let text = GOOD.replace(
        "quota = { dist = \"triangular\", min = 1500, mode = 2000, max = 3000 }\np_overstay = { dist = \"normal\", mean = 0.1, sd = 0.05, lower = 0, upper = 1 }\ncost_pct = { dist = \"uniform\", min = 3, max = 7, source = \"survey\" }",
        "quota = 1000\np_overstay = { dist = \"beta\", alpha = 2, beta = 18 }",
    );
    let p = plan(&text).unwrap();
    let e = run_with(&p, 2, Shard::FULL, 100);
    let d = compare_options(&e, "small", "large").unwrap();
    assert_eq!(d.len(), 1 + 4);
    for r in &d {
        assert_eq!(r.stats.sd.to_bits(), 0.0f64.to_bits(), "{r:?}");
        assert_eq!(r.stats.mean.to_bits(), 0.0f64.to_bits(), "{r:?}");
    }
    // The real pair differs, and the larger quota overstays more in every draw.
    let p = plan(GOOD).unwrap();
    let e = run_with(&p, 2, Shard::FULL, 100);
    let d = compare_options(&e, "small", "large").unwrap();
    let over = d.iter().find(|r| r.metric == "overstayers").unwrap();
    assert!(over.stats.mean > 0.0);
    // Comparing a run with itself gives zero differences.
    assert!(compare(&e, &e).unwrap().iter().all(|r| r.stats.mean == 0.0 && r.stats.sd == 0.0));
}

#[test]
fn summary_quantiles_follow_the_draws() {
    let p = plan(GOOD).unwrap();
    let e = run_with(&p, 2, Shard::FULL, 300);
    let s = summarise(&e);
    assert_eq!(s.len(), 2 * (1 + 4));
    let small = s.iter().find(|r| r.option == "small" && r.metric == "overstayers").unwrap();
    // 4 years × 1000 × Beta(2, 18): mean 0.1 → 400.
    assert_eq!(small.stats.n, 300);
    assert!((small.stats.mean - 400.0).abs() < 30.0, "{:?}", small.stats);
    assert!(small.stats.p05 < small.stats.p50 && small.stats.p50 < small.stats.p95);
    let mut out = Vec::new();
    write_summary_csv(&s, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("option,model,metric,unit,side,year,n,mean,sd,p05,p25,p50,p75,p95\n"));
    assert!(text.contains("\nsmall,toy,earnings,USD,migrants,3,300,"), "{text}");
}

#[test]
fn draws_round_trip_through_arrow_and_the_manifest() {
    let p = plan(GOOD).unwrap();
    let e = run_with(&p, 2, Shard::new(2, 3).unwrap(), 300);
    let mut manifest = Vec::new();
    let files = [
        FileRecord { name: "draws.csv".to_owned(), sha256: Some("ab".repeat(32)) },
        FileRecord { name: "manifest.json".to_owned(), sha256: None },
    ];
    write_manifest(&e.info, &files, &mut manifest).unwrap();
    let text = std::str::from_utf8(&manifest).unwrap();
    let info = read_manifest(text).unwrap();
    assert_eq!(info, e.info);
    assert_eq!(parse_manifest(text).unwrap().files, files);
    // A manifest of the first layout (file names, no checksums) is still read.
    let v1 = text.replace("coherence-scenario-run/2", "coherence-scenario-run/1");
    let v1 = v1.replace(
        &format!(
            "{{\n      \"name\": \"draws.csv\",\n      \"sha256\": \"{}\"\n    }}",
            "ab".repeat(32)
        ),
        "\"draws.csv\"",
    );
    let m = parse_manifest(&v1).unwrap();
    assert_eq!(m.info, e.info);
    assert_eq!(m.files[0], FileRecord { name: "draws.csv".to_owned(), sha256: None });
    let mut bytes = Vec::new();
    write_arrow(&e.info, &e.rows, &mut bytes).unwrap();
    let rows = read_arrow(&info, &bytes).unwrap();
    assert_eq!(rows, e.rows);
    let mut pbytes = Vec::new();
    write_parameters_arrow(&e.info, &e.params, &mut pbytes).unwrap();
    assert_eq!(read_parameters_arrow(&info, &pbytes).unwrap(), e.params);
    // The two files are not interchangeable.
    assert!(read_arrow(&info, &pbytes).is_err());
    assert!(read_parameters_arrow(&info, &bytes).is_err());
    // Several record batches, one of them without any scalar (no validity bitmap).
    let mut batched = Vec::new();
    write_arrow_batched(&e.info, &e.rows, 3, &mut batched).unwrap();
    assert_eq!(read_arrow(&info, &batched).unwrap(), e.rows);
    // Flipped bytes give an error or (in the values) other numbers, never a panic.
    let mut rng = montecarlo::model::draw_rng(5, 5);
    for _ in 0..3000 {
        let mut broken = bytes.clone();
        let at = (rng.next_u64() % broken.len() as u64) as usize;
        broken[at] ^= 1 << (rng.next_u64() % 8);
        let _ = read_arrow(&info, &broken);
        // A random 32-bit word (a wild offset or length).
        let mut broken = bytes.clone();
        let at = (rng.next_u64() % (broken.len() as u64 - 4)) as usize;
        broken[at..at + 4].copy_from_slice(&(rng.next_u64() as u32).to_le_bytes());
        let _ = read_arrow(&info, &broken);
    }
    // Truncated files are an error, not a panic.
    for cut in [10, bytes.len() / 2, bytes.len() - 7] {
        let mut broken = bytes.clone();
        broken.truncate(cut);
        assert!(read_arrow(&info, &broken).is_err());
    }
}

#[test]
fn model_check_and_domain_errors_name_the_draw() {
    let p = plan(&with_params("quota = { dist = \"uniform\", min = 0, max = 2e7 }")).unwrap();
    let err =
        run(&p, &RunOptions { draws: 50, seed: 3, shard: Shard::FULL }, &|_, _| {}).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("option \"a\", draw ") && text.contains("quota above 10 million"),
        "{text}"
    );
}

/// The Python interpreter with pyarrow: `$COHERENCE_PYTHON` (`.ci/run` sets it to a
/// virtual environment with pyarrow from PyPI), else `python3` if it has pyarrow. Outside
/// CI, without pyarrow, the check is skipped with a visible message; under `CI=true` a
/// missing pyarrow is a failure.
#[allow(clippy::print_stderr, reason = "says visibly that the check was skipped")]
fn python_with_pyarrow() -> Option<String> {
    let candidates = std::env::var("COHERENCE_PYTHON").into_iter().chain(["python3".to_owned()]);
    let found = candidates.into_iter().find(|py| {
        std::process::Command::new(py)
            .args(["-c", "import pyarrow"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but no Python with pyarrow (set COHERENCE_PYTHON; .ci/run installs it)"
        );
        eprintln!("SKIPPED: pyarrow not found; the Arrow file is checked only by the Rust reader");
    }
    found
}

/// pyarrow reads the Arrow file: same columns, types, nulls and values.
#[test]
fn pyarrow_reads_the_arrow_file() {
    let Some(python) = python_with_pyarrow() else {
        return;
    };
    let p = plan(GOOD).unwrap();
    let e = run_with(&p, 2, Shard::FULL, 50);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draws.arrow");
    // Record batches of 7 rows: the footer lists many blocks.
    let mut bytes = Vec::new();
    write_arrow_batched(&e.info, &e.rows, 7, &mut bytes).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let csv_path = dir.path().join("draws.csv");
    std::fs::write(&csv_path, csv(&e)).unwrap();
    let script = r#"
import sys, csv
import pyarrow as pa
f = pa.ipc.open_file(sys.argv[1])
assert f.num_record_batches > 10, f.num_record_batches
t = f.read_all()
assert t.schema.names == ["draw", "option", "metric", "year", "value"], t.schema
assert str(t.schema.field("draw").type) == "uint64"
assert str(t.schema.field("option").type) == "dictionary<values=string, indices=int32, ordered=0>", t.schema.field("option").type
assert str(t.schema.field("metric").type) == "dictionary<values=string, indices=int32, ordered=0>"
assert str(t.schema.field("year").type) == "int32"
assert str(t.schema.field("value").type) == "double"
rows = list(csv.DictReader(open(sys.argv[2])))
assert t.num_rows == len(rows), (t.num_rows, len(rows))
d = t.to_pydict()
for i, r in enumerate(rows):
    assert d["draw"][i] == int(r["draw"])
    assert d["option"][i] == r["option"] and d["metric"][i] == r["metric"]
    assert d["year"][i] == (int(r["year"]) if r["year"] else None)
    assert d["value"][i] == float(r["value"]), (i, d["value"][i], r["value"])
print("ok", t.num_rows)
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script, path.to_str().unwrap(), csv_path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pyarrow failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    // The parameters file.
    let ppath = dir.path().join("parameters.arrow");
    let mut pbytes = Vec::new();
    write_parameters_arrow(&e.info, &e.params, &mut pbytes).unwrap();
    std::fs::write(&ppath, &pbytes).unwrap();
    let pcsv = dir.path().join("parameters.csv");
    let mut text = Vec::new();
    write_parameters_csv(&e, &mut text).unwrap();
    std::fs::write(&pcsv, text).unwrap();
    let script = r#"
import sys, csv
import pyarrow as pa
t = pa.ipc.open_file(sys.argv[1]).read_all()
assert t.schema.names == ["draw", "option", "parameter", "value"], t.schema
rows = list(csv.DictReader(open(sys.argv[2])))
assert t.num_rows == len(rows) > 0
d = t.to_pydict()
for i, r in enumerate(rows):
    assert d["draw"][i] == int(r["draw"]) and d["option"][i] == r["option"]
    assert d["parameter"][i] == r["parameter"] and d["value"][i] == float(r["value"])
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script, ppath.to_str().unwrap(), pcsv.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "pyarrow failed:\n{}", String::from_utf8_lossy(&out.stderr));
}

/// A run streamed block by block into the writers gives the bytes of the run held in
/// memory, for any thread count and shard, with blocks of any size.
#[test]
fn a_streamed_run_writes_the_bytes_of_the_run_held_in_memory() {
    let p = plan(GOOD).unwrap();
    let draws = 700;
    let whole = run_with(&p, 2, Shard::FULL, draws);
    let mut expected = [Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    write_draws_csv(&whole, &mut expected[0]).unwrap();
    write_arrow(&whole.info, &whole.rows, &mut expected[1]).unwrap();
    write_parameters_csv(&whole, &mut expected[2]).unwrap();
    write_parameters_arrow(&whole.info, &whole.params, &mut expected[3]).unwrap();
    write_summary_csv(&summarise(&whole), &mut expected[4]).unwrap();
    for threads in [1, 3] {
        let opts = RunOptions { draws, seed: 11, shard: Shard::FULL };
        let info = montecarlo::engine::RunInfo::new(&p, &opts);
        let mut draws_csv = CsvRows::draws(&info, Vec::new()).unwrap();
        let mut draws_arrow = ArrowWriter::outputs(&info, Vec::new()).unwrap();
        let mut params_csv = CsvRows::parameters(&info, Vec::new()).unwrap();
        let mut params_arrow = ArrowWriter::parameters(&info, Vec::new()).unwrap();
        let mut summary = Summariser::new(&info);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let mut calls = 0;
        pool.install(|| {
            run_each(&p, &opts, &Limits::default(), &|_, _| {}, |rows: &[_], params: &[_]| {
                calls += 1;
                draws_csv.push(rows).unwrap();
                draws_arrow.push(rows).unwrap();
                params_csv.push(params).unwrap();
                params_arrow.push(params).unwrap();
                summary.push(rows).unwrap();
                Ok::<(), RunError>(())
            })
        })
        .unwrap();
        assert!(calls > 1, "handed over in chunks");
        let mut summary_csv = Vec::new();
        write_summary_csv(&summary.finish().unwrap(), &mut summary_csv).unwrap();
        let got = [
            draws_csv.finish(),
            draws_arrow.finish().unwrap(),
            params_csv.finish(),
            params_arrow.finish().unwrap(),
            summary_csv,
        ];
        for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
            assert!(g == e, "file {i} differs with {threads} threads");
        }
    }
    // Rows pushed in pieces that straddle batches give the bytes of the whole table.
    let mut batched = Vec::new();
    write_arrow_batched(&whole.info, &whole.rows, 7, &mut batched).unwrap();
    let mut w = ArrowWriter::outputs_batched(&whole.info, 7, Vec::new()).unwrap();
    for piece in whole.rows.chunks(3) {
        w.push(piece).unwrap();
    }
    assert!(w.finish().unwrap() == batched);
}

/// The memory a run would hold is estimated before any draw, and a run over the limit
/// is refused naming the estimate and the limit.
#[test]
fn a_run_over_the_memory_limit_is_refused_before_any_draw() {
    let p = plan(GOOD).unwrap();
    let opts = RunOptions { draws: 1_000_000_000_000, seed: 1, shard: Shard::FULL };
    let f = Footprint::of(&p, &opts);
    assert_eq!(f.summary_bytes, 8 * f.values_per_draw * 1_000_000_000_000);
    let mut drew = false;
    let err = run_each(&p, &opts, &Limits::default(), &|_, _| {}, |_: &[_], _: &[_]| {
        drew = true;
        Ok::<(), RunError>(())
    })
    .unwrap_err();
    assert!(!drew);
    assert!(matches!(err, RunError::Memory { limit: DEFAULT_MAX_MEMORY, .. }), "{err}");
    let text = err.to_string();
    assert!(text.contains("over the limit of 2.0 GiB"), "{text}");
    assert!(text.contains("1000000000000 draws"), "{text}");
    // The same run in a shard small enough fits.
    let opts = RunOptions {
        draws: 1_000_000_000_000,
        seed: 1,
        shard: Shard::new(1, 1_000_000_000).unwrap(),
    };
    assert!(check_limits(&p, &opts, &Limits::default()).is_ok());
    // A limit below the estimate refuses a small run too.
    let opts = RunOptions { draws: 100, seed: 1, shard: Shard::FULL };
    let need = Footprint::of(&p, &opts).total_bytes();
    assert!(
        check_limits(&p, &opts, &Limits { max_memory_bytes: need - 1, ..Limits::default() })
            .is_err()
    );
    assert!(
        check_limits(&p, &opts, &Limits { max_memory_bytes: need, ..Limits::default() }).is_ok()
    );
}

/// `merge_order` checks the records alone, for a merge that streams the shards' rows.
#[test]
fn merge_order_puts_the_shards_in_draw_order() {
    let p = plan(GOOD).unwrap();
    let parts: Vec<Ensemble> =
        (1..=3).rev().map(|k| run_with(&p, 1, Shard::new(k, 3).unwrap(), 90)).collect();
    let infos: Vec<_> = parts.iter().map(|e| e.info.clone()).collect();
    let (info, order) = merge_order(&infos).unwrap();
    assert_eq!(order, [2, 1, 0]);
    assert_eq!(info.shard, Shard::FULL);
    assert!(matches!(merge_order(&infos[1..]).unwrap_err(), MergeError::Gap { .. }));
}

/// A summary of rows read from files allocates for the rows there are, not for the draws
/// or years the (untrusted) record claims.
#[test]
fn a_summary_of_read_rows_allocates_only_for_them() {
    let p = plan(GOOD).unwrap();
    let mut e = run_with(&p, 1, Shard::FULL, 20);
    let expected = summarise(&e);
    e.info.draws = 1 << 50;
    e.info.options[0].horizon = 1 << 40;
    assert_eq!(summarise(&e), expected);
}

/// A run asked to stop stops before its next chunk of draws, with `RunError::Stopped`; the
/// rows it handed over before are the first rows of the whole run.
#[test]
fn a_stopped_run_stops_within_a_chunk_and_what_it_gave_is_the_runs_start() {
    let p = plan(GOOD).unwrap();
    let draws = 20_000;
    let whole = run_with(&p, 1, Shard::FULL, draws);
    let opts = RunOptions { draws, seed: 11, shard: Shard::FULL };
    let computed = std::sync::atomic::AtomicU64::new(0);
    let progress = |done: u64, _: u64| computed.store(done, std::sync::atomic::Ordering::Relaxed);
    // Asked to stop once some draws are done.
    let stop = || computed.load(std::sync::atomic::Ordering::Relaxed) > 0;
    let mut given = Vec::new();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let err = pool
        .install(|| {
            montecarlo::engine::run_each_until(
                &p,
                &opts,
                &Limits::default(),
                &progress,
                &stop,
                |rows: &[_], _: &[_]| {
                    given.extend_from_slice(rows);
                    Ok::<(), RunError>(())
                },
            )
        })
        .unwrap_err();
    assert_eq!(err, RunError::Stopped);
    let done = computed.load(std::sync::atomic::Ordering::Relaxed);
    assert!(done > 0 && done < draws, "stopped after {done} of {draws} draws");
    assert!(given.len() < whole.rows.len());
    assert!(given[..] == whole.rows[..given.len()], "what was given is the run's start");
}

/// The fields of every record of a CSV text, header included.
fn csv_records(text: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn an_option_named_like_a_formula_is_written_as_text_and_numbers_stay_numbers() {
    const LINK: &str = "=HYPERLINK(\"http://example.invalid\",\"x\")";
    let text = GOOD.replace("name = \"small\"", &format!("name = '{LINK}'"));
    let p = plan(&text).unwrap();
    let e = run_with(&p, 2, Shard::FULL, 40);
    let summary = summarise(&e);
    // B − A with A the larger quota: negative differences.
    let diff = compare_options(&e, "large", LINK).unwrap();
    let mut files = [Vec::new(), Vec::new(), Vec::new(), Vec::new()];
    write_draws_csv(&e, &mut files[0]).unwrap();
    write_parameters_csv(&e, &mut files[1]).unwrap();
    write_summary_csv(&summary, &mut files[2]).unwrap();
    montecarlo::output::write_diff_csv(&diff, &mut files[3]).unwrap();
    let quoted = "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"";
    let mut negatives = 0;
    for (name, bytes) in ["draws", "parameters", "summary", "diff"].iter().zip(&files) {
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.contains(quoted), "{name}: {text}");
        assert!(!text.contains(",\"=HYPERLINK") && !text.contains("\n\"=HYPERLINK"), "{name}");
        let records = csv_records(bytes);
        let names: Vec<&str> = records.iter().flatten().map(String::as_str).collect();
        assert!(names.contains(&format!("'{LINK}").as_str()), "{name}");
        // Reading the field back and removing the quote gives the option's name.
        assert!(names.iter().any(|f| domain::spreadsheet::unquote(f) == LINK), "{name}");
        for field in records.iter().flatten().filter(|f| f.starts_with(['-', '+'])) {
            assert!(field.parse::<f64>().is_ok(), "{name}: {field:?} is a number, unquoted");
            negatives += 1;
        }
        assert!(!names.iter().any(|f| f.starts_with("'-") || f.starts_with("'+")), "{name}");
    }
    assert!(negatives > 0, "the differences include negative numbers, written as numbers");
    // The same run gives the same bytes.
    let mut again = Vec::new();
    write_draws_csv(&run_with(&p, 1, Shard::FULL, 40), &mut again).unwrap();
    assert_eq!(again, files[0]);
}

/// A summary that keeps its values in a scratch file, written in many pieces, gives the
/// bits of the summary held in memory; its footprint stays bounded however many draws.
#[test]
fn a_summary_kept_in_a_scratch_file_has_the_bits_of_the_one_in_memory() {
    let p = plan(GOOD).unwrap();
    let whole = run_with(&p, 2, Shard::FULL, 300);
    let expected = summarise(&whole);
    for buffer in [1, 7, 500, 1 << 30] {
        let file = Box::new(std::io::Cursor::new(Vec::new()));
        let mut s = Summariser::with_scratch_buffer(&whole.info, file, buffer);
        for piece in whole.rows.chunks(13) {
            s.push(piece).unwrap();
        }
        assert_eq!(s.finish().unwrap(), expected, "buffer of {buffer} values");
    }
    // A file that cannot be written is an error, not a panic.
    let mut s = Summariser::with_scratch_buffer(&whole.info, Box::new(Unwritable), 1);
    assert!(s.push(&whole.rows).is_err());
    // The estimate: bounded in memory, on disk instead.
    let opts = RunOptions { draws: 100_000_000, seed: 1, shard: Shard::FULL };
    let f = Footprint::of(&p, &opts);
    let s = f.with_scratch();
    assert_eq!(s.scratch_bytes, f.summary_bytes);
    assert!(s.summary_bytes < 64 << 20 && f.summary_bytes > 64 << 20, "{s:?}");
    let limits = Limits { summary_scratch: true, ..Limits::default() };
    assert!(check_limits(&p, &opts, &limits).is_ok());
}

/// A scratch file whose writes fail.
struct Unwritable;

impl std::io::Read for Unwritable {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Ok(0)
    }
}

impl std::io::Write for Unwritable {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("disk full"))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl std::io::Seek for Unwritable {
    fn seek(&mut self, _: std::io::SeekFrom) -> std::io::Result<u64> {
        Ok(0)
    }
}

/// The Parquet file of one option: `PAR1` at both ends, the footer's length pointing at
/// metadata inside the file, a data page header first, every row of the option in its
/// row groups; and pyarrow (when installed) reads the same values, in draw order.
#[test]
fn the_parquet_file_of_an_option_holds_its_rows() {
    use montecarlo::parquet::{ParquetWriter, partition_path};
    let p = plan(GOOD).unwrap();
    let e = run_with(&p, 2, Shard::FULL, 50);
    let mut w = ParquetWriter::outputs_grouped(&e.info, 1, 7, Vec::new()).unwrap();
    for piece in e.rows.chunks(5) {
        w.push(piece).unwrap();
    }
    let bytes = w.finish().unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let n = bytes.len();
    let meta_len = u32::from_le_bytes(bytes[n - 8..n - 4].try_into().unwrap()) as usize;
    assert!(meta_len > 0 && meta_len + 12 < n, "{meta_len} of {n}");
    // PageHeader: field 1 (type) = DATA_PAGE (0), field 2 (uncompressed size).
    assert_eq!(&bytes[4..6], &[0x15, 0x00]);
    let theirs: Vec<&montecarlo::engine::Row> = e.rows.iter().filter(|r| r.option == 1).collect();
    // Every value's bytes are in the file, in draw order.
    let values: Vec<u8> = theirs.iter().take(7).flat_map(|r| r.value.to_le_bytes()).collect();
    assert!(
        bytes.windows(values.len()).any(|x| x == values.as_slice()),
        "first row group's values"
    );
    let name = partition_path(&e.info, 1);
    assert_eq!(name, format!("option={}/part-00001.parquet", e.info.options[1].name));

    let Some(python) = python_with_pyarrow() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("o.parquet");
    std::fs::write(&path, &bytes).unwrap();
    let expected: Vec<String> = theirs
        .iter()
        .map(|r| {
            let metric = &e.info.options[1].metrics[r.metric as usize].name;
            let year = r.year.map_or("None".to_owned(), |y| y.to_string());
            format!("{} {metric} {year} {}", r.draw, r.value.to_bits())
        })
        .collect();
    let script = r#"
import sys, struct
import pyarrow.parquet as pq
f = pq.ParquetFile(sys.argv[1])
assert f.metadata.num_row_groups > 5, f.metadata.num_row_groups
t = f.read()
assert str(t.schema) == "draw: int64 not null\nmetric: string not null\nyear: int32\nvalue: double not null" or t.schema.names == ["draw", "metric", "year", "value"], t.schema
for r in t.to_pylist():
    bits = struct.unpack("<Q", struct.pack("<d", r["value"]))[0]
    print(r["draw"], r["metric"], r["year"], bits)
"#;
    let out = std::process::Command::new(&python)
        .args(["-c", script, path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "pyarrow failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<String> =
        String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(got, expected);
}
