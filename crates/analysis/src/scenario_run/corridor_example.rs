//! A scenario file for a real corridor (`coherence scenario example NAME --corridor
//! ORIGIN:DEST`): the corridor's baseline read from the store with the source of every
//! value, and one option of the model with every parameter listed — the values the
//! store gives the model, and each default with where it comes from — so that an
//! analyst sees, before running it, what the scenario rests on.
//!
//! Nothing is invented: a parameter the model requires and neither the store nor the
//! model's documented defaults give is written as a comment that says so, and is
//! listed in [`CorridorExample::unset`]; the file then needs it set before it runs.

use std::fmt::Write as _;

use montecarlo::model::{Baseline, Model, ParamDef, ParamDefault};

use super::ScenarioError;
use super::corridor_health::Health;
use super::corridor_trend::Trend;
use crate::{Error, Workspace};

/// A scenario file written for a corridor.
#[derive(Clone, Debug, PartialEq)]
pub struct CorridorExample {
    /// The file's text (TOML).
    pub text: String,
    /// The baseline year chosen: the newest year of the corridor's figures.
    pub year: i32,
    /// The parameters the file leaves for the analyst to set (required, and known
    /// neither to the store nor to the model): empty when the file runs as written.
    pub unset: Vec<&'static str>,
}

impl Workspace {
    /// The example scenario of model `name` for the corridor `origin` → `destination`
    /// (countries as for [`Workspace::profile`]), baseline year `year` or, when `None`,
    /// the newest year of the corridor's figures (stock, deployments, remittances,
    /// cost) in the store.
    ///
    /// # Errors
    /// [`ScenarioError::Year`] for a year a scenario file cannot name;
    /// [`ScenarioError::UnknownExample`] for a model that does not exist;
    /// [`Error::UnknownArea`] for an unknown country;
    /// [`ScenarioError::NoCorridorData`] when the store holds no figure of the corridor
    /// and no year is given; [`Error::Store`].
    pub async fn scenario_example_for_corridor(
        &self,
        name: &str,
        origin: &str,
        destination: &str,
        year: Option<i32>,
    ) -> Result<CorridorExample, Error> {
        if let Some(y) = year.filter(|y| !montecarlo::spec::BASELINE_YEARS.contains(y)) {
            return Err(ScenarioError::Year { year: y }.into());
        }
        let model =
            montecarlo::models::by_name(name).ok_or_else(|| ScenarioError::UnknownExample {
                name: name.to_owned(),
                known: montecarlo::models::all().iter().map(|m| m.name()).collect(),
            })?;
        let report = self.corridor(origin, destination, None).await?;
        let (o, d) = (&report.origin, &report.destination);
        let mut year = match year.or_else(|| report.figures.iter().map(|f| f.year).max()) {
            Some(y) => y,
            None => {
                let corridor = format!("{} ({}) → {} ({})", o.name, o.iso3, d.name, d.iso3);
                return Err(ScenarioError::NoCorridorData { corridor }.into());
            }
        };
        let mut baseline = self.scenario_baseline(&o.iso3, Some(&d.iso3), Some(year)).await?;
        let mut health = None;
        if model.name() == "skills" && baseline.get("origin_health_workers_home").is_none() {
            health = self.health((&o.iso3, &d.iso3), year).await?;
            if let Some(h) = health.as_ref().filter(|h| h.year != year) {
                year = h.year;
                baseline = self.scenario_baseline(&o.iso3, Some(&d.iso3), Some(year)).await?;
            }
            if baseline.get("origin_physicians").is_none() {
                health = None;
            }
        }
        let label = format!("{} ({}) → {} ({})", o.name, o.iso3, d.name, d.iso3);
        let place = format!("{}:{}", o.iso3, d.iso3);
        let trend = match model.name() {
            "remittance-cost" => self.remittance_trend(&o.iso3, year).await?,
            _ => None,
        };
        let corridor = (o.iso3.as_str(), d.iso3.as_str());
        let found = Found { health: health.as_ref(), trend: trend.as_ref() };
        let mut example = write(model, &baseline, (&label, &place), corridor, year, found);
        calibration(&mut example.text, model, &baseline);
        Ok(example)
    }
}

/// What the store gives a file beyond the baseline's own values.
#[derive(Clone, Copy)]
struct Found<'a> {
    /// The skills model's physicians and history.
    health: Option<&'a Health>,
    /// The origin's growth of remittances, for the remittance-cost model.
    trend: Option<&'a Trend>,
}

/// The file's text.
fn write(
    model: &dyn Model,
    baseline: &Baseline,
    (label, place): (&str, &str),
    (origin, destination): (&str, &str),
    year: i32,
    found: Found<'_>,
) -> CorridorExample {
    let name = model.name();
    let mut s = String::new();
    let _ = writeln!(s, "# {name} on the corridor {label}, baseline {year}.");
    let _ = writeln!(
        s,
        "# Written by `coherence scenario example {name} --corridor {place}` from the store."
    );
    let _ = writeln!(
        s,
        "# Model: {} Equations and sources: docs/models/{name}.md.",
        model.description()
    );
    if let Some(h) = found.health {
        s.push_str(&super::corridor_health::header(h));
    }
    s.push_str("#\n# The baseline, read from the store when the scenario runs (the newest value in or before\n");
    let _ = writeln!(s, "# {year} of each; these were the values when this file was written):");
    if baseline.values.is_empty() {
        s.push_str("#   (none)\n");
    }
    for v in &baseline.values {
        let _ =
            writeln!(s, "#   {} = {} {} — {}", v.key, number(v.value), v.unit, one_line(&v.source));
    }
    s.push_str(
        "#\n# Every parameter of the option is listed. A commented line is the model's default,\n\
         # with where it comes from: uncomment it and change the value to set it (a number, or a\n\
         # distribution as in docs/scenarios.md). A line already set comes from the corridor\n\
         # parameters Coherence carries (surveys and regulations, with the source cited).\n\n",
    );
    s.push_str("[scenario]\n");
    let _ = writeln!(s, "name = {}", quoted(&format!("{name}: {label}")));
    let _ = writeln!(
        s,
        "description = {}",
        quoted(&format!(
            "The {name} model on the corridor {label}, from the store's data of {year} and before.{}",
            found.health.map(super::corridor_health::description).unwrap_or_default()
        ))
    );
    s.push_str("\n[baseline]\n");
    let _ = writeln!(s, "corridor = {}", quoted(&format!("{origin}-{destination}")));
    let _ = writeln!(s, "year = {year}\n");
    s.push_str("[[option]]\nname = \"as-observed\"\n");
    let _ = writeln!(s, "model = {}", quoted(name));
    s.push_str("[option.parameters]\n");
    let mut unset = Vec::new();
    // The option's lines set from the corridor's data (a history option shares them).
    let mut set = Vec::new();
    let known = super::corridor_parameters::for_corridor(origin, destination);
    for def in model.parameters() {
        let fixed = |value: f64, source: &str| {
            format!(
                "{} = {{ dist = \"fixed\", value = {}, source = {} }}",
                def.name,
                number(value),
                quoted(&one_line(source))
            )
        };
        let line = if let Some(row) = super::corridor_parameters::row_for(&known, def.name) {
            Some(fixed(row.value, &row.citation()))
        } else if let Some(a) = AS_OBSERVED.iter().find(|a| a.0 == name && a.1 == def.name) {
            Some(fixed(a.2, a.3))
        } else if let Some((_, _, key, why)) =
            CORRIDOR_SCOPE.iter().find(|c| c.0 == name && c.1 == def.name)
        {
            baseline
                .get(key)
                .map(|v| fixed(v.value, &format!("baseline {key}: {}; {why}", v.source)))
        } else {
            let health =
                found.health.and_then(|h| super::corridor_health::parameter(def, baseline, h));
            health.or_else(|| {
                found.trend.and_then(|t| super::corridor_trend::parameter(def, baseline, t))
            })
        };
        match line {
            Some(line) => {
                let _ = writeln!(s, "# {} ({}): {}\n{line}", def.name, def.unit, one_line(def.doc));
                set.push(line);
            }
            None if !parameter(&mut s, def, baseline) => unset.push(def.name),
            None => {}
        }
    }
    policy_option(&mut s, (name, year), &set);
    if name == "remittance-cost"
        && let Some(c) = baseline.get("corridor_cost_pct").filter(|c| c.value <= 3.0)
    {
        let _ = writeln!(
            s,
            "# The corridor already costs {} %, at or below 3 %: this option changes nothing as written;\n# set target_pct lower to study a further cut.",
            number((c.value * 100.0).round() / 100.0)
        );
    }
    if let Some(h) = found.health {
        super::corridor_health::history(&mut s, h, baseline, &set);
    }
    CorridorExample { text: s, year, unset }
}

/// Parameters whose model default is a policy, set in the "as-observed" option to what
/// no policy means: (model, parameter, value, why). The model's default policy is then
/// written as a second option.
const AS_OBSERVED: &[(&str, &str, f64, &str)] = &[
    (
        "remittance-cost",
        "target_pct",
        100.0,
        "as observed: no target, the cost stays at its baseline level (a target above the starting cost leaves it unchanged)",
    ),
    (
        "recruitment",
        "compliance",
        0.0,
        "as observed: the cap is not enforced, workers pay the market's fees",
    ),
];

/// Parameters whose model default is a country's figure where a corridor file needs the
/// corridor's: (model, parameter, baseline key, why). The diaspora model's members
/// default to the whole diaspora and their income to the destination's GDP per capita;
/// on a corridor, the members are the corridor's migrants, whose income that is.
const CORRIDOR_SCOPE: &[(&str, &str, &str, &str)] = &[(
    "diaspora",
    "diaspora_size",
    "corridor_stock",
    "the corridor's migrants, whose income the destination's GDP per capita stands for (the model's default, the whole diaspora, would give every emigrant this destination's income)",
)];

/// The option that applies the model's default policy, for the models whose
/// "as-observed" option sets the policy aside ([`AS_OBSERVED`]). It shares the lines the
/// as-observed option sets from the corridor's data (`set`), except the policy's own.
fn policy_option(s: &mut String, (model, year): (&str, i32), set: &[String]) {
    let sdg = (year < SDG_YEAR).then(|| SDG_YEAR - year);
    let (option, what) = match (model, sdg) {
        ("remittance-cost", Some(n)) => (
            "cost-to-3-percent",
            format!("the SDG 10.c target: the cost falls linearly to 3 % by {SDG_YEAR}, over {n} years"),
        ),
        ("remittance-cost", None) => (
            "cost-to-3-percent",
            "the cost falls linearly to 3 % over ten years (the model's defaults; the SDG target year, 2030, is past)".to_owned(),
        ),
        ("recruitment", _) => (
            "fee-cap-1-month",
            "a cap of one month's wage on recruitment fees, enforced for 30 % of workers (the model's defaults)".to_owned(),
        ),
        _ => return,
    };
    let _ = writeln!(s, "\n# The policy: {what}. Change its parameters to the option you study.");
    let _ = writeln!(s, "[[option]]\nname = {}\nmodel = {}", quoted(option), quoted(model));
    s.push_str("[option.parameters]\n");
    let policy: Vec<String> =
        AS_OBSERVED.iter().filter(|a| a.0 == model).map(|a| format!("{} = ", a.1)).collect();
    for line in set.iter().filter(|l| !policy.iter().any(|p| l.starts_with(p.as_str()))) {
        let _ = writeln!(s, "{line}");
    }
    if let ("remittance-cost", Some(n)) = (model, sdg) {
        let _ = writeln!(
            s,
            "years_to_target = {{ dist = \"fixed\", value = {n}, source = {} }}",
            quoted(&format!(
                "SDG target 10.c: below 3 % by {SDG_YEAR}; year {n} of the policy is {SDG_YEAR} after a {year} baseline"
            ))
        );
    }
}

/// The year SDG target 10.c sets for remittance costs below 3 %.
const SDG_YEAR: i32 = 2030;

/// What a corridor's calibration fits, by model: the targets (output, baseline key) and
/// the free parameters with their wide priors and why.
struct Fit {
    targets: &'static [(&'static str, &'static str)],
    free: &'static [(&'static str, f64, f64, &'static str)],
}

/// The temporary scheme is fitted to the corridor's migrant stock and the remittances
/// it receives, through the two rates nothing official publishes per corridor. The other
/// models start from the observed values themselves (the remittance-cost model's amount
/// and cost) or need a series the store does not hold (docs/scenarios.md, "A real
/// corridor").
const TEMPORARY_SCHEME_FIT: Fit = Fit {
    targets: &[
        ("workers_present", "corridor_stock"),
        ("remittances_received", "corridor_remittances_usd"),
    ],
    free: &[
        (
            "p_renew",
            0.0,
            0.95,
            "wide prior: from no renewal to almost every contract renewed; it sets how many stay for each one admitted",
        ),
        (
            "remittance_share",
            0.05,
            0.6,
            "wide prior: from 5 % to 60 % of earnings net of debt service (at most 1 − consumption_share = 0.6); it absorbs the wage assumed",
        ),
    ],
};

/// The `[calibration]` table, written as comments when the model has no corridor fit
/// or the baseline lacks a target.
fn calibration(s: &mut String, model: &dyn Model, baseline: &Baseline) {
    let fit = match model.name() {
        "temporary-scheme" => TEMPORARY_SCHEME_FIT,
        _ => return,
    };
    let missing: Vec<&str> =
        fit.targets.iter().map(|t| t.1).filter(|k| baseline.get(k).is_none()).collect();
    let c = if missing.is_empty() { "" } else { "# " };
    s.push_str(
        "\n# Calibration (docs/scenarios.md, \"Calibration\"): the free parameters are fitted so that\n\
         # this option reproduces the corridor's observed stock and remittances in the horizon's\n\
         # last year (ABC population Monte Carlo); every option then runs from the fit.\n\
         # `coherence scenario calibrate FILE` prints the fit. The wage and the other parameters\n\
         # stay as above: set them from the corridor's data first, the fit depends on them.\n",
    );
    if !missing.is_empty() {
        let _ = writeln!(
            s,
            "# Not active: the store has no {} for this corridor; give the observed value as\n# {{ value = ..., source = \"...\" }} and uncomment.",
            missing.join(" or ")
        );
    }
    let _ = writeln!(s, "{c}[calibration]\n{c}[calibration.targets]");
    for (output, key) in fit.targets {
        let _ = writeln!(s, "{c}{output} = {}", quoted(key));
    }
    let _ = writeln!(s, "{c}[calibration.free]");
    for (name, min, max, why) in fit.free {
        let _ = writeln!(
            s,
            "{c}{name} = {{ min = {}, max = {}, source = {} }}",
            number(*min),
            number(*max),
            quoted(why)
        );
    }
}

/// One parameter's lines; `false` when the file cannot give it a value.
fn parameter(s: &mut String, def: &ParamDef, baseline: &Baseline) -> bool {
    let _ = writeln!(s, "# {} ({}): {}", def.name, def.unit, one_line(def.doc));
    match def.default {
        ParamDefault::Value(v) => {
            let _ = writeln!(
                s,
                "# {} = {}    # default: {}",
                def.name,
                number(v),
                one_line(def.source)
            );
            true
        }
        ParamDefault::Baseline(key) => match baseline.get(key) {
            Some(b) => {
                let _ = writeln!(
                    s,
                    "# {} = {}    # baseline {key}: {}",
                    def.name,
                    number(b.value),
                    one_line(&b.source)
                );
                true
            }
            None => {
                let _ = writeln!(
                    s,
                    "# {} = ?    # NOT SET: its default is the baseline value {key}, which the store does not hold for this corridor; set it. {}",
                    def.name,
                    one_line(def.source)
                );
                false
            }
        },
        ParamDefault::Required => {
            let _ = writeln!(
                s,
                "# {} = ?    # NOT SET: required, and neither the store nor the model gives it; set it. {}",
                def.name,
                one_line(def.source)
            );
            false
        }
    }
}

/// A number as TOML writes it: whole numbers without a fraction.
pub(super) fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { format!("{v}") }
}

/// A number with its sign and one decimal (a minus sign, not a hyphen).
pub(super) fn signed(v: f64) -> String {
    if v >= 0.0 { format!("+{v:.1}") } else { format!("−{:.1}", -v) }
}

/// A TOML basic string.
pub(super) fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// Text on one line (for a comment).
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
