//! The `[calibration]` table of a scenario file: which option is the baseline to fit,
//! the observed targets its outputs must reproduce, and the free parameters with their
//! uniform priors. Read here; resolved and run by [`crate::calibrate`].
//!
//! ```toml
//! [calibration]
//! option = "as-observed"     # the option fitted (default: the first)
//! year = 20                  # the model year a series output is read at (default: the last)
//! tolerance = 0.10           # relative distance every target must reach (default 0.10)
//! particles = 200            # posterior sample size (default 200)
//! max_simulations = 20000    # budget of model runs (default 20,000)
//! simulated_size = 5000      # largest size a model with a size parameter is simulated at
//! seed = 1                   # the calibration's own seed (default 1)
//! [calibration.targets]
//! workers_present = "corridor_stock"                   # a baseline key
//! remittances_received = { value = 2.2e9, source = "..." }  # or a number with its source
//! [calibration.free]
//! remittance_share = { min = 0.05, max = 0.95, source = "wide prior: any share" }
//! p_renew = { min = 0, max = 0.95 }
//! ```

use super::{Ctx, Location, SpecError, Value, check_keys, integer, join, number, string, table};
use toml::de::DeValue;

/// Most targets or free parameters a calibration may name.
pub const MAX_TARGETS: usize = 20;

/// Smallest `tolerance`: closer than 0.1 % is below any observed figure's precision.
pub const MIN_TOLERANCE: f64 = 0.001;

/// Largest `tolerance`: a fit further than 50 % from what is observed reproduces nothing.
pub const MAX_TOLERANCE: f64 = 0.5;

/// Largest `particles` (the posterior sample kept).
pub const MAX_PARTICLES: u64 = 10_000;

/// Largest `max_simulations`.
pub const MAX_SIMULATIONS: u64 = 1_000_000;

/// The `[calibration]` table.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationSpec {
    /// `option`: the option fitted, and where it is named; `None` for the first option.
    pub option: Option<(String, Location)>,
    /// `year`: the model year (1-based) at which series outputs are compared; `None`
    /// for the horizon's last year.
    pub year: Option<(u32, Location)>,
    /// `tolerance`: the largest relative distance |modelled / observed − 1| allowed for
    /// every target of an accepted simulation, in [`MIN_TOLERANCE`, `MAX_TOLERANCE`].
    pub tolerance: f64,
    /// `particles`: the size of the posterior sample.
    pub particles: u64,
    /// `max_simulations`: the most model runs the calibration may spend.
    pub max_simulations: u64,
    /// `simulated_size`: the largest value of a model's size parameter simulated (see
    /// [`crate::model::Size`]); 0 simulates at full size.
    pub simulated_size: f64,
    /// `seed`: the calibration's own seed.
    pub seed: u64,
    /// The targets, in file order.
    pub targets: Vec<TargetSpec>,
    /// The free parameters, in file order.
    pub free: Vec<FreeSpec>,
    /// Where the table starts.
    pub at: Location,
}

/// Defaults of the `[calibration]` table.
pub mod defaults {
    /// `tolerance`.
    pub const TOLERANCE: f64 = 0.10;
    /// `particles`.
    pub const PARTICLES: u64 = 200;
    /// `max_simulations`.
    pub const MAX_SIMULATIONS: u64 = 20_000;
    /// `simulated_size`.
    pub const SIMULATED_SIZE: f64 = 5_000.0;
    /// `seed`.
    pub const SEED: u64 = 1;
}

/// One target: an output of the fitted option and the observed value it must reproduce.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetSpec {
    /// The output's name.
    pub output: String,
    /// The observed value.
    pub observed: Observed,
    /// Where it is written.
    pub at: Location,
}

/// Where a target's observed value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Observed {
    /// A baseline value (from the store), by key.
    Baseline(String),
    /// A number written in the file, with its source.
    Value {
        /// The value.
        value: f64,
        /// Its source (required).
        source: String,
    },
}

/// One free parameter and its uniform prior.
#[derive(Clone, Debug, PartialEq)]
pub struct FreeSpec {
    /// The parameter's name.
    pub name: String,
    /// The prior's lower bound.
    pub min: f64,
    /// The prior's upper bound (> `min`).
    pub max: f64,
    /// Why this range, if given.
    pub source: Option<String>,
    /// Where it is written.
    pub at: Location,
}

const KEYS: &[&str] = &[
    "option",
    "year",
    "tolerance",
    "particles",
    "max_simulations",
    "simulated_size",
    "seed",
    "targets",
    "free",
];

/// Reads the `[calibration]` table.
pub(super) fn parse(cx: &Ctx<'_>, v: &Value<'_>) -> Result<CalibrationSpec, SpecError> {
    let (t, span) = table(cx, v, "calibration")?;
    check_keys(cx, t, "calibration", KEYS)?;
    let option = match t.get("option") {
        Some(o) => Some((string(cx, o, "calibration.option")?, cx.at(o.span().start))),
        None => None,
    };
    let year = match t.get("year") {
        Some(y) => {
            let n = integer(cx, y, "calibration.year")?;
            let n = u32::try_from(n).ok().filter(|n| (1..=200).contains(n)).ok_or_else(|| {
                cx.err(
                    y.span(),
                    "calibration.year",
                    format!("expected a model year in 1..=200, found {n}"),
                )
            })?;
            Some((n, cx.at(y.span().start)))
        }
        None => None,
    };
    let tolerance = match t.get("tolerance") {
        Some(x) => {
            let f = number(cx, x, "calibration.tolerance")?;
            if !(MIN_TOLERANCE..=MAX_TOLERANCE).contains(&f) {
                return Err(cx.err(
                    x.span(),
                    "calibration.tolerance",
                    format!(
                        "expected a relative distance from {MIN_TOLERANCE} to {MAX_TOLERANCE} (0.10 is 10 %), found {}",
                        if f.abs() < 1e-6 || f.abs() > 1e6 { format!("{f:e}") } else { f.to_string() }
                    ),
                ));
            }
            f
        }
        None => defaults::TOLERANCE,
    };
    let particles = count(cx, t.get("particles"), "calibration.particles", 10, MAX_PARTICLES)?
        .unwrap_or(defaults::PARTICLES);
    let max_simulations =
        count(cx, t.get("max_simulations"), "calibration.max_simulations", 1, MAX_SIMULATIONS)?
            .unwrap_or(defaults::MAX_SIMULATIONS);
    if max_simulations < particles {
        let at = t.get("max_simulations").or(t.get("particles")).map_or(span.clone(), |v| v.span());
        return Err(cx.err(
            at,
            "calibration.max_simulations",
            format!("max_simulations ({max_simulations}) must be at least particles ({particles})"),
        ));
    }
    let simulated_size = match t.get("simulated_size") {
        Some(x) => {
            let f = number(cx, x, "calibration.simulated_size")?;
            if f < 0.0 || (f > 0.0 && f < 100.0) {
                return Err(cx.err(
                    x.span(),
                    "calibration.simulated_size",
                    format!("expected 0 (full size) or a size of at least 100, found {f}"),
                ));
            }
            f
        }
        None => defaults::SIMULATED_SIZE,
    };
    let seed = count(cx, t.get("seed"), "calibration.seed", 0, u64::MAX)?.unwrap_or(defaults::SEED);
    let targets = targets(cx, t.get("targets"), span.clone())?;
    let free = free(cx, t.get("free"), span.clone())?;
    Ok(CalibrationSpec {
        option,
        year,
        tolerance,
        particles,
        max_simulations,
        simulated_size,
        seed,
        targets,
        free,
        at: cx.at(span.start),
    })
}

/// A whole number in `min..=max`, if present.
fn count(
    cx: &Ctx<'_>,
    v: Option<&Value<'_>>,
    field: &str,
    min: u64,
    max: u64,
) -> Result<Option<u64>, SpecError> {
    let Some(v) = v else { return Ok(None) };
    let n = integer(cx, v, field)?;
    u64::try_from(n).ok().filter(|n| (min..=max).contains(n)).map(Some).ok_or_else(|| {
        cx.err(v.span(), field, format!("expected a whole number in {min}..={max}, found {n}"))
    })
}

fn targets(
    cx: &Ctx<'_>,
    v: Option<&Value<'_>>,
    span: std::ops::Range<usize>,
) -> Result<Vec<TargetSpec>, SpecError> {
    let Some(v) = v else {
        return Err(cx.err(
            span,
            "calibration.targets",
            "missing [calibration.targets]: name at least one output and its observed value",
        ));
    };
    let (t, tspan) = table(cx, v, "calibration.targets")?;
    if t.is_empty() || t.len() > MAX_TARGETS {
        return Err(cx.err(
            tspan,
            "calibration.targets",
            format!("expected 1 to {MAX_TARGETS} targets, found {}", t.len()),
        ));
    }
    let mut out = Vec::new();
    for (key, value) in t {
        let field = join("calibration.targets", key.get_ref());
        let observed = match value.get_ref() {
            DeValue::String(s) => Observed::Baseline(s.to_string()),
            DeValue::Table(vt) => {
                check_keys(cx, vt, &field, &["value", "source"])?;
                let Some(x) = vt.get("value") else {
                    return Err(cx.err(value.span(), &field, "missing `value`"));
                };
                let value_f = number(cx, x, &join(&field, "value"))?;
                let Some(s) = vt.get("source") else {
                    return Err(cx.err(
                        value.span(),
                        &join(&field, "source"),
                        "missing `source`: an observed value written in the file must say where it comes from",
                    ));
                };
                Observed::Value { value: value_f, source: string(cx, s, &join(&field, "source"))? }
            }
            other => {
                return Err(cx.err(
                    value.span(),
                    &field,
                    format!(
                        "expected a baseline key (a string) or {{ value = ..., source = \"...\" }}, found {}",
                        other.type_str()
                    ),
                ));
            }
        };
        out.push(TargetSpec {
            output: key.get_ref().to_string(),
            observed,
            at: cx.at(value.span().start),
        });
    }
    if out.is_empty() || out.len() > MAX_TARGETS {
        return Err(cx.err(
            tspan,
            "calibration.targets",
            format!("expected 1 to {MAX_TARGETS} targets, found {}", out.len()),
        ));
    }
    out.sort_by_key(|t| (t.at.line, t.at.column));
    Ok(out)
}

fn free(
    cx: &Ctx<'_>,
    v: Option<&Value<'_>>,
    span: std::ops::Range<usize>,
) -> Result<Vec<FreeSpec>, SpecError> {
    let Some(v) = v else {
        return Err(cx.err(
            span,
            "calibration.free",
            "missing [calibration.free]: name at least one parameter to fit, with its range { min, max }",
        ));
    };
    let (t, tspan) = table(cx, v, "calibration.free")?;
    if t.is_empty() || t.len() > MAX_TARGETS {
        return Err(cx.err(
            tspan,
            "calibration.free",
            format!("expected 1 to {MAX_TARGETS} free parameters, found {}", t.len()),
        ));
    }
    let mut out = Vec::new();
    for (key, value) in t {
        let field = join("calibration.free", key.get_ref());
        let (vt, _) = table(cx, value, &field)?;
        check_keys(cx, vt, &field, &["min", "max", "source"])?;
        let bound = |k: &str| -> Result<f64, SpecError> {
            match vt.get(k) {
                Some(x) => number(cx, x, &join(&field, k)),
                None => Err(cx.err(
                    value.span(),
                    &join(&field, k),
                    format!("missing `{k}`: a free parameter's prior is uniform on [min, max]"),
                )),
            }
        };
        let (min, max) = (bound("min")?, bound("max")?);
        if min >= max {
            return Err(cx.err(
                value.span(),
                &field,
                format!("min ({min}) must be below max ({max})"),
            ));
        }
        let source =
            vt.get("source").map(|s| string(cx, s, &join(&field, "source"))).transpose()?;
        out.push(FreeSpec {
            name: key.get_ref().to_string(),
            min,
            max,
            source,
            at: cx.at(value.span().start),
        });
    }
    if out.is_empty() || out.len() > MAX_TARGETS {
        return Err(cx.err(
            tspan,
            "calibration.free",
            format!("expected 1 to {MAX_TARGETS} free parameters, found {}", out.len()),
        ));
    }
    out.sort_by_key(|f| (f.at.line, f.at.column));
    Ok(out)
}
