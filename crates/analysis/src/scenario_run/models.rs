//! The models' description (parameters, outputs) and the built-in example scenarios.

use montecarlo::model::{Domain, Model, ParamDefault, Shape};

use super::ScenarioError;

/// The built-in example scenarios for the demo world, by name.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("temporary-scheme", include_str!("../../../../examples/scenarios/temporary-scheme.toml")),
    ("skills", include_str!("../../../../examples/scenarios/skills.toml")),
    ("remittance-cost", include_str!("../../../../examples/scenarios/remittance-cost.toml")),
    ("diaspora", include_str!("../../../../examples/scenarios/diaspora.toml")),
    ("recruitment", include_str!("../../../../examples/scenarios/recruitment.toml")),
];

/// The text of the built-in example `name`.
///
/// # Errors
/// [`ScenarioError::UnknownExample`] listing the examples.
pub fn example(name: &str) -> Result<&'static str, ScenarioError> {
    match EXAMPLES.iter().find(|(n, _)| *n == name) {
        Some((_, text)) => Ok(text),
        None => Err(ScenarioError::UnknownExample {
            name: name.to_owned(),
            known: EXAMPLES.iter().map(|(n, _)| *n).collect(),
        }),
    }
}

/// A model, described for listing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelInfo {
    /// The name a scenario's options give.
    pub name: &'static str,
    /// What it models.
    pub description: &'static str,
    /// Its parameters.
    pub parameters: Vec<ParameterInfo>,
    /// Its outputs.
    pub outputs: Vec<OutputInfo>,
}

/// A model's parameter, described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParameterInfo {
    /// Name.
    pub name: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// The values it may take, in words (e.g. `[0, 1]`).
    pub domain: String,
    /// Its default: `required`, a number, or `baseline KEY`.
    pub default: String,
    /// Whether a scenario may not draw it.
    pub fixed: bool,
    /// The source of the default.
    pub source: &'static str,
    /// What it means.
    pub doc: &'static str,
}

/// A model's output, described.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputInfo {
    /// Name.
    pub name: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// Whether it is one value per year (else one value).
    pub yearly: bool,
    /// Whose outcome: origin, destination or migrants.
    pub side: &'static str,
    /// What it means.
    pub doc: &'static str,
}

/// Every model with its parameters and outputs.
pub fn models() -> Vec<ModelInfo> {
    montecarlo::models::all().iter().map(|m| describe(*m)).collect()
}

fn describe(m: &dyn Model) -> ModelInfo {
    ModelInfo {
        name: m.name(),
        description: m.description(),
        parameters: m
            .parameters()
            .iter()
            .map(|p| ParameterInfo {
                name: p.name,
                unit: p.unit,
                domain: domain_text(p.domain),
                default: default_text(p.default),
                fixed: p.fixed,
                source: p.source,
                doc: p.doc,
            })
            .collect(),
        outputs: m
            .outputs()
            .iter()
            .map(|o| OutputInfo {
                name: o.name,
                unit: o.unit,
                yearly: matches!(o.shape, Shape::Series),
                side: o.side.as_str(),
                doc: o.doc,
            })
            .collect(),
    }
}

fn default_text(d: ParamDefault) -> String {
    match d {
        ParamDefault::Required => "required".to_owned(),
        ParamDefault::Value(v) => v.to_string(),
        ParamDefault::Baseline(key) => format!("baseline {key}"),
    }
}

fn domain_text(d: Domain) -> String {
    d.to_string()
}
