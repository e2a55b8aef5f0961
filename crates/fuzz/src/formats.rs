//! The targets of the text formats that are not imported datasets: scenarios,
//! frameworks and answers, judgements, corridor rules, registers, Coherence's own CSV
//! and TOML formats, and gravity formulas; and the seeds that are made, not read.

use std::sync::OnceLock;

use domain::Area;
use montecarlo::engine::{RunOptions, Shard};
use montecarlo::model::{Baseline, BaselineValue, ParamDefault};

use crate::dice::Dice;
use crate::targets::{Input, Sources, files};

/// The areas the demo world defines: the "known" areas of register and format readers.
fn known_areas() -> &'static [Area] {
    static AREAS: OnceLock<Vec<Area>> = OnceLock::new();
    AREAS.get_or_init(|| ingest::demo::demo_world().map(|d| d.areas).unwrap_or_default())
}

/// Text of an input, lossily (the command line reads these files as UTF-8 and refuses
/// other bytes before any reader sees them).
fn text(input: &Input) -> Result<&str, String> {
    std::str::from_utf8(&input.bytes).map_err(|e| format!("not UTF-8: {e}"))
}

/// A one-thread pool for scenario draws, made once.
fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a one-thread pool")
    })
}

/// A baseline holding every key a model's default names; `variant` picks ordinary,
/// zero or extreme values.
fn baseline(variant: u64) -> Baseline {
    let mut dice = Dice::for_case(variant, 1);
    let mut values: Vec<BaselineValue> = Vec::new();
    for model in montecarlo::models::all() {
        for p in model.parameters() {
            if let ParamDefault::Baseline(key) = p.default {
                if values.iter().any(|v| v.key == key) {
                    continue;
                }
                let value = match dice.below(10) {
                    0 => 0.0,
                    1 => 1e15,
                    2 => f64::MIN_POSITIVE,
                    _ => 1000.0,
                };
                values.push(BaselineValue {
                    key: key.to_owned(),
                    value,
                    unit: p.unit.to_owned(),
                    source: "fuzz".to_owned(),
                });
            }
        }
    }
    Baseline {
        label: "XAA → XAB, 2020".to_owned(),
        origin: Some("XAA".to_owned()),
        destination: Some("XAB".to_owned()),
        year: Some(2020),
        values,
    }
}

/// `coherence scenario run` without the store: parse, resolve, three draws, summary.
pub(crate) fn run_scenario(input: &Input, variant: u64) -> Result<(), String> {
    let text = text(input)?;
    let scenario = montecarlo::spec::parse(&input.name, text).map_err(|e| e.to_string())?;
    let plan = montecarlo::spec::resolve(&scenario, &baseline(variant), &montecarlo::models::all())
        .map_err(|e| e.to_string())?;
    let _ = plan.canonical();
    let opts = RunOptions { draws: 3, seed: plan.seed.unwrap_or(1), shard: Shard::FULL };
    let ensemble = pool()
        .install(|| montecarlo::engine::run(&plan, &opts, &|_, _| {}))
        .map_err(|e| e.to_string())?;
    let _ = montecarlo::summary::summarise(&ensemble);
    Ok(())
}

/// `coherence assess framework FILE`.
pub(crate) fn run_framework(input: &Input, variant: u64) -> Result<(), String> {
    let framework =
        ingest::framework::read_framework(&input.name, &input.bytes).map_err(|e| e.to_string())?;
    // Then scored, every item answered with one of its levels (the variant picks which),
    // so that hostile points reach the exact arithmetic.
    let mut answers = Vec::new();
    for domain in &framework.domains {
        for (i, item) in domain.items.iter().enumerate() {
            let levels = &framework.item_scale(domain, item).levels;
            if levels.is_empty() {
                continue;
            }
            let pick = (variant as usize).wrapping_add(i) % levels.len();
            answers.push(assess::score::Answer {
                item: item.id.clone(),
                answer: levels[pick].code.clone(),
            });
        }
    }
    assess::score::score(&framework, &answers).map_err(|e| e.to_string())?;
    Ok(())
}

/// `coherence assess score`: the answers against the built-in framework whose id the
/// file name contains, then scored.
pub(crate) fn run_answers(input: &Input, _variant: u64) -> Result<(), String> {
    let id = ingest::framework::BUILTIN_FRAMEWORKS
        .iter()
        .map(|(id, _, _)| *id)
        .find(|id| input.name.contains(id))
        .unwrap_or("sdg-10.7.2");
    let framework = ingest::framework::builtin_framework(id)
        .ok_or("no built-in framework")?
        .map_err(|e| e.to_string())?;
    let answers = ingest::framework::read_answers(&input.name, &input.bytes, &framework)
        .map_err(|e| e.to_string())?;
    assess::score::score(&framework, &answers).map_err(|e| e.to_string())?;
    Ok(())
}

/// `coherence assess matrix`: judgements aggregated, their metrics (each sign
/// convention) and the three renderings.
pub(crate) fn run_matrix(input: &Input, variant: u64) -> Result<(), String> {
    use assess::metrics::{MetricsOptions, SignConvention};
    let judgements =
        ingest::framework::read_judgements(&input.name, &input.bytes).map_err(|e| e.to_string())?;
    let matrix = assess::matrix::aggregate(&judgements).map_err(|e| e.to_string())?;
    let mut options = MetricsOptions::default();
    if variant % 2 == 1 {
        options.sign_convention = SignConvention::NegativeDominant;
    }
    let metrics = assess::metrics::compute(&matrix, &options);
    let _ = assess::render::metrics_csv(&metrics);
    let _ = assess::render::cells_csv(&matrix);
    let _ = assess::render::graphml(&matrix, &metrics);
    assess::render::json(&matrix, &metrics).map_err(|e| e.to_string())?;
    Ok(())
}

/// `coherence corridor check --rules FILE`, up to the rules being read.
pub(crate) fn run_rules(input: &Input, _variant: u64) -> Result<(), String> {
    ingest::rules::read_corridor_rules(&input.name, text(input)?).map_err(|e| e.to_string())?;
    Ok(())
}

/// `coherence register import FILE`, up to the policies being read.
pub(crate) fn run_register(input: &Input, _variant: u64) -> Result<(), String> {
    ingest::register::read_register(&input.name, text(input)?, known_areas())
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// The demo world's policies.
fn demo_policies(s: &Sources) -> (Vec<Input>, Vec<domain::policy::Policy>) {
    let toml = files(&s.repo.join("demo"), &["toml"]);
    let toml: Vec<Input> = toml.into_iter().filter(|i| i.name == "policies.toml").collect();
    let policies = toml
        .first()
        .and_then(|i| std::str::from_utf8(&i.bytes).ok())
        .and_then(|t| ingest::formats::read_policies_toml("policies.toml", t, known_areas()).ok())
        .unwrap_or_default();
    (toml, policies)
}

/// Seeds of `register-csv`: the demo world's policies as a CSV register.
pub(crate) fn register_csv_seeds(s: &Sources) -> Vec<Input> {
    let (_, policies) = demo_policies(s);
    vec![Input {
        name: "register.csv".to_owned(),
        bytes: ingest::register::write_register_csv(&policies).into_bytes(),
    }]
}

/// Seeds of `register-toml`: `demo/policies.toml` and the same policies re-written.
pub(crate) fn register_toml_seeds(s: &Sources) -> Vec<Input> {
    let (mut seeds, policies) = demo_policies(s);
    seeds.push(Input {
        name: "register.toml".to_owned(),
        bytes: ingest::register::write_register_toml(&policies).into_bytes(),
    });
    seeds
}

/// Seeds of `formats`: the demo world's files, and flow-stock and vital-event tables.
pub(crate) fn own_format_seeds(s: &Sources) -> Vec<Input> {
    let mut seeds = files(&s.repo.join("demo"), &["csv", "toml"]);
    seeds.push(Input {
        name: "flow_stocks.csv".to_owned(),
        bytes: b"orig,dest,year,value\nXAA,XAB,2010,1500\nXAB,XAA,2010,200.5\nXAA,XAB,2015,1800\n"
            .to_vec(),
    });
    seeds.push(Input {
        name: "vital.csv".to_owned(),
        bytes: b"area,period_start,period_end,births,deaths\nXAA,2010,2015,12000,8000\nXAB,2010,2015,900,1000.5\n".to_vec(),
    });
    seeds
}

/// Coherence's own formats, the reader chosen by the file name as the demo loader and
/// the estimate commands choose it.
pub(crate) fn run_own_format(input: &Input, _variant: u64) -> Result<(), String> {
    use ingest::formats as f;
    let (name, text, known) = (input.name.as_str(), text(input)?, known_areas());
    let e = |e: ingest::ImportError| e.to_string();
    match name {
        "world.toml" => f::read_world_toml(name, text).map(drop).map_err(e),
        "countries.csv" => f::read_countries_csv(name, text).map(drop).map_err(e),
        "indicators.csv" => f::read_indicators_csv(name, text, known).map(drop).map_err(e),
        "stocks.csv" => f::read_stocks_csv(name, text, known).map(drop).map_err(e),
        "remittances.csv" => f::read_remittances_csv(name, text, known).map(drop).map_err(e),
        "remittance_costs.csv" => f::read_costs_csv(name, text, known).map(drop).map_err(e),
        "policies.toml" => f::read_policies_toml(name, text, known).map(drop).map_err(e),
        "flow_stocks.csv" => f::read_flow_stocks_csv(name, text, known).map(drop).map_err(e),
        "vital.csv" => f::read_vital_csv(name, text, known).map(drop).map_err(e),
        other => Err(format!("no reader for {other}")),
    }
}

/// Formulas of `docs/gravity.md` and of the formula tests, good and bad.
const FORMULAS: &[&str] = &[
    "flow ~ log(dist) + contig + lang | orig^year + dest^year",
    "flow ~ fta + log(dist) | orig^year + dest^year",
    "trade ~ fta | isoimp^year + isoexp^year + isoimp^isoexp",
    "trade ~ log(DIST) + CNTG | exporter^year + importer^year",
    "y ~ x1 + log(x2) + x3 | fe1 + fe2^year",
    "y ~ fta + ln_tariff + cu | exp_year + imp_year + pair",
    "y ~ x + 0",
    "y ~ -1 + x",
    "y ~ exp(x)",
    "y ~ x | a | b",
    "y ~ x + | a",
    "y ~ x ~ z",
    "y ~ 1 | a + b",
];

/// Seeds of `formula`: one input per formula.
pub(crate) fn formula_seeds(_: &Sources) -> Vec<Input> {
    FORMULAS
        .iter()
        .enumerate()
        .map(|(i, f)| Input { name: format!("formula-{i}"), bytes: f.as_bytes().to_vec() })
        .collect()
}

/// `coherence gravity fit --model FORMULA`, up to the formula being parsed.
pub(crate) fn run_formula(input: &Input, _variant: u64) -> Result<(), String> {
    stats::formula::parse(text(input)?).map_err(|e| e.to_string())?;
    Ok(())
}
