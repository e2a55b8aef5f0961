//! A scenario run's results as the brief's "Policy options" section shows them.

use montecarlo::summary::SummaryRow;

use super::{RunFolder, ScenarioError, read_run};
use crate::Error;

/// Quantiles of one output over the draws, at one year or for a total.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantiles {
    /// The year of the policy (1-based), or `None` for a scalar output.
    pub year: Option<i32>,
    /// Mean over draws.
    pub mean: f64,
    /// 5th percentile.
    pub p05: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// One policy option's quantiles of one output.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionResult {
    /// The option's name, as in the scenario file.
    pub option: String,
    /// One entry for a scalar output, one per year for a series.
    pub points: Vec<Quantiles>,
}

/// One output of a model, across the options of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricResult {
    /// The output's name, e.g. `remittances`.
    pub name: String,
    /// A readable title.
    pub title: String,
    /// Unit.
    pub unit: String,
    /// Whose outcome: origin, destination or migrants.
    pub side: String,
    /// The options' results.
    pub options: Vec<OptionResult>,
}

/// A baseline value shown with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineRow {
    /// Key, e.g. `corridor_stock`.
    pub key: String,
    /// Value.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// Source.
    pub source: String,
}

/// An observed figure beside what the run's calibrated baseline gives for it.
#[derive(Clone, Debug, PartialEq)]
pub struct ObservedRow {
    /// The output compared, e.g. `workers_present`.
    pub output: String,
    /// The model year (1-based) for a series.
    pub year: Option<usize>,
    /// Unit.
    pub unit: String,
    /// The observed value.
    pub observed: f64,
    /// Its source.
    pub source: String,
    /// The baseline option's value in this run: 5th percentile, median, 95th.
    pub modelled: [f64; 3],
}

/// A parameter fitted by the run's calibration.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedRow {
    /// The parameter.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// The uniform prior's bounds.
    pub prior: [f64; 2],
    /// The posterior's 5th percentile, median, 95th.
    pub posterior: [f64; 3],
}

/// A calibrated run's baseline against what is observed.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineFit {
    /// The baseline option's name.
    pub option: String,
    /// The calibration's tolerance (relative).
    pub tolerance: f64,
    /// The targets, observed and modelled by this run.
    pub observed: Vec<ObservedRow>,
    /// The fitted parameters.
    pub fitted: Vec<FittedRow>,
}

/// The results of one scenario run, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioResult {
    /// The scenario's name.
    pub name: String,
    /// Its description.
    pub description: String,
    /// What the baseline describes, e.g. "Aland → Borduria, 2020".
    pub baseline_label: String,
    /// The baseline values used.
    pub baseline: Vec<BaselineRow>,
    /// Number of draws.
    pub draws: u64,
    /// The seed.
    pub seed: u64,
    /// The run's fingerprint, so a figure can be traced to its run.
    pub fingerprint: String,
    /// The outputs.
    pub metrics: Vec<MetricResult>,
    /// For a calibrated run: its baseline against what is observed.
    pub fit: Option<BaselineFit>,
}

/// The scenario run in `folder`, summarised for the "Policy options" section of
/// `country`'s brief (an ISO3 code), with a warning when its baseline is not about it.
///
/// A run must be whole (a shard is refused: merge the shards first). A yearly output's
/// year `t` (0-based) is shown as year `t + 1` of the policy.
///
/// # Errors
/// As [`read_run`], and [`ScenarioError::Shard`] for a shard.
pub fn brief_result(
    folder: &impl RunFolder,
    country: &str,
) -> Result<(ScenarioResult, Option<String>), Error> {
    let e = read_run(folder)?;
    let info = &e.info;
    let b = &info.baseline;
    let mut warning = None;
    if b.origin.as_deref() != Some(country) && b.destination.as_deref() != Some(country) {
        warning = Some(format!(
            "{}: scenario {:?} (baseline {}) is not about {country}; it is shown as given",
            folder.name(),
            info.scenario,
            b.label
        ));
    }
    if info.shard.n > 1 {
        return Err(ScenarioError::Shard {
            folder: folder.name(),
            k: info.shard.k,
            n: info.shard.n,
        }
        .into());
    }
    let summary = montecarlo::summary::summarise(&e);
    let result = ScenarioResult {
        name: info.scenario.clone(),
        description: info.description.clone(),
        baseline_label: info.baseline.label.clone(),
        baseline: info
            .baseline
            .values
            .iter()
            .map(|v| BaselineRow {
                key: v.key.clone(),
                value: v.value,
                unit: v.unit.clone(),
                source: v.source.clone(),
            })
            .collect(),
        draws: info.draws,
        seed: info.seed,
        fingerprint: info.fingerprint.clone(),
        metrics: metrics(&summary),
        fit: info.calibration.as_ref().map(|c| baseline_fit(c, &summary)),
    };
    Ok((result, warning))
}

/// The calibrated baseline option of the run against the observed targets: the run's
/// own quantiles of each target output (not the calibration's), so the table shows what
/// the options start from.
fn baseline_fit(c: &montecarlo::calibrate::CalibrationFit, summary: &[SummaryRow]) -> BaselineFit {
    let observed = c
        .targets
        .iter()
        .filter_map(|t| {
            let year = t.year.map(|y| y as u32 - 1);
            let row = summary
                .iter()
                .find(|r| r.option == c.option && r.metric == t.output && r.year == year)?;
            Some(ObservedRow {
                output: t.output.clone(),
                year: t.year,
                unit: t.unit.clone(),
                observed: t.observed,
                source: t.source.clone(),
                modelled: [row.stats.p05, row.stats.p50, row.stats.p95],
            })
        })
        .collect();
    let fitted = c
        .parameters
        .iter()
        .map(|p| FittedRow {
            name: p.name.clone(),
            unit: p.unit.clone(),
            prior: [p.min, p.max],
            posterior: [p.posterior.p05, p.posterior.p50, p.posterior.p95],
        })
        .collect();
    BaselineFit { option: c.option.clone(), tolerance: c.tolerance, observed, fitted }
}

/// One entry per (model, output), in the order the options declare them.
fn metrics(summary: &[SummaryRow]) -> Vec<MetricResult> {
    let mut metrics: Vec<(String, MetricResult)> = Vec::new();
    for row in summary {
        let idx =
            match metrics.iter().position(|(model, m)| *model == row.model && m.name == row.metric)
            {
                Some(i) => i,
                None => {
                    metrics.push((row.model.clone(), metric_of(row)));
                    metrics.len() - 1
                }
            };
        let metric = &mut metrics[idx].1;
        let q = Quantiles {
            year: row.year.map(|t| t as i32 + 1),
            mean: row.stats.mean,
            p05: row.stats.p05,
            p25: row.stats.p25,
            p50: row.stats.p50,
            p75: row.stats.p75,
            p95: row.stats.p95,
        };
        match metric.options.iter_mut().find(|o| o.option == row.option) {
            Some(o) => o.points.push(q),
            None => {
                metric.options.push(OptionResult { option: row.option.clone(), points: vec![q] })
            }
        }
    }
    metrics.into_iter().map(|(_, m)| m).collect()
}

/// An output with no options yet, titled from its name and its model's doc.
fn metric_of(row: &SummaryRow) -> MetricResult {
    let doc = montecarlo::models::by_name(&row.model)
        .and_then(|m| m.outputs().iter().find(|o| o.name == row.metric))
        .map_or(String::new(), |o| o.doc.to_owned());
    let title = humanise(&row.metric);
    MetricResult {
        name: row.metric.clone(),
        title: if doc.is_empty() { title } else { format!("{title} — {doc}") },
        unit: row.unit.clone(),
        side: row.side.as_str().to_owned(),
        options: Vec::new(),
    }
}

/// `labour_supplied` → `Labour supplied`.
fn humanise(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
