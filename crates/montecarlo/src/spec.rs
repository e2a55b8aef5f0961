//! Scenario files (TOML) and their resolution against the models and a baseline.
//!
//! ```toml
//! [scenario]
//! name = "Seasonal scheme"
//! description = "A temporary scheme between Pelaria and Brevmark."
//! draws = 2000          # optional; the command line's --draws wins
//! seed = 7              # optional; the command line's --seed wins
//!
//! [baseline]
//! corridor = "XAA-XAB"  # or: country = "XAA"
//! year = 2020
//!
//! [[option]]
//! name = "pilot"
//! model = "temporary-scheme"
//! [option.parameters]
//! quota = 2000
//! p_overstay = { dist = "beta", alpha = 2, beta = 30 }
//! wage_gain = { dist = "lognormal", median = 450, p95 = 900, source = "ILO 2023" }
//! ```
//!
//! [`parse`] reads the text into a [`Scenario`] (types and shapes checked, every error
//! with file, line, column and field path); [`resolve`] checks it against the models
//! and a [`Baseline`] and returns a [`Plan`] in which every parameter of every option
//! has a value or distribution and a recorded origin. Field paths count options from
//! 1: `option[2].parameters.p_overstay` is a parameter of the second `[[option]]`.

use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::dist::{Dist, Distribution, Z95};
use crate::model::{Baseline, Domain, Model, ParamDef, ParamDefault, Params};

mod calibration;
mod sweep;

pub use sweep::{MAX_SWEEP_CORRIDORS, SweepSpec};

pub use calibration::{
    CalibrationSpec, FreeSpec, MAX_PARTICLES, MAX_SIMULATIONS, MAX_TARGETS, MAX_TOLERANCE,
    MIN_TOLERANCE, Observed, TargetSpec, defaults as calibration_defaults,
};

/// The most parameters an option may set (no model has as many).
pub const MAX_PARAMETERS: usize = 100;

/// The years a scenario's baseline may name.
pub const BASELINE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2300;

/// A position in a scenario file (1-based line and column, in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, counted in characters.
    pub column: usize,
}

/// A scenario file that cannot be read or resolved: where, which field, and what was
/// expected.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{file}:{}:{}: {field}: {message}", at.line, at.column)]
pub struct SpecError {
    /// The file name as given by the caller.
    pub file: String,
    /// Where in the file.
    pub at: Location,
    /// The field path, e.g. `option[2].parameters.p_overstay`.
    pub field: String,
    /// What is wrong and what was expected.
    pub message: String,
}

/// Where a scenario's baseline is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A corridor from `origin` to `destination` (area codes).
    Corridor {
        /// Country of origin.
        origin: String,
        /// Country of destination.
        destination: String,
    },
    /// One country.
    Country(String),
}

/// The `[baseline]` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineSpec {
    /// Corridor or country.
    pub place: Place,
    /// Year of the baseline values.
    pub year: i32,
}

/// One parameter as written in an option's `parameters` table.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamSpec {
    /// The parameter's name.
    pub name: String,
    /// Its value or distribution.
    pub value: Distribution,
    /// The `source` given with a distribution table, if any.
    pub source: Option<String>,
    /// Where the value is.
    pub at: Location,
}

/// One `[[option]]`.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionSpec {
    /// The option's name (unique in the file).
    pub name: String,
    /// The model's name.
    pub model: String,
    /// The parameters given, in file order.
    pub parameters: Vec<ParamSpec>,
    /// Where the option's table starts.
    pub at: Location,
    /// Where the model's name is.
    pub model_at: Location,
}

/// A scenario file, read and checked for shape but not yet against the models.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The file name, as given to [`parse`] (for messages).
    pub file: String,
    /// `scenario.name`.
    pub name: String,
    /// `scenario.description` (empty when absent).
    pub description: String,
    /// `scenario.draws`, if given.
    pub draws: Option<u64>,
    /// `scenario.seed`, if given.
    pub seed: Option<u64>,
    /// The baseline.
    pub baseline: BaselineSpec,
    /// Where the `[baseline]` table is.
    pub baseline_at: Location,
    /// The options, in file order.
    pub options: Vec<OptionSpec>,
    /// The `[calibration]` table, if any.
    pub calibration: Option<CalibrationSpec>,
    /// The `[sweep]` table, if any: the file is then a set of corridors, and
    /// `baseline.place` is the placeholder corridor `*-*` until
    /// [`Scenario::for_corridor`] names one.
    pub sweep: Option<SweepSpec>,
}

impl Scenario {
    /// This scenario with its baseline the corridor `origin` → `destination` and no
    /// sweep: one baseline of a sweep, resolved and run as a single-corridor file is.
    pub fn for_corridor(&self, origin: &str, destination: &str) -> Scenario {
        let mut one = self.clone();
        one.baseline.place =
            Place::Corridor { origin: origin.to_owned(), destination: destination.to_owned() };
        one.sweep = None;
        one
    }
}

/// The distributions a scenario file may name in `dist = "..."`.
pub const DISTRIBUTIONS: &[&str] =
    &["fixed", "normal", "lognormal", "triangular", "uniform", "beta", "empirical"];

struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Ctx<'_> {
    fn at(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location { line, column: before[line_start..].chars().count() + 1 }
    }

    fn err(&self, span: Range<usize>, field: &str, message: impl Into<String>) -> SpecError {
        SpecError {
            file: self.file.to_owned(),
            at: self.at(span.start),
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

type Value<'i> = Spanned<DeValue<'i>>;

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

/// Reads scenario text. `file` names the file in error messages.
///
/// # Errors
/// The first problem found, as a [`SpecError`]: TOML syntax, an unknown table or key
/// (with the closest known one), a missing or mistyped field, or a distribution whose
/// own parameters are invalid (an `sd ≤ 0`, `min > max`, ...).
pub fn parse(file: &str, text: &str) -> Result<Scenario, SpecError> {
    let cx = Ctx { file, text };
    let root = DeTable::parse(text).map_err(|e| {
        cx.err(
            e.span().unwrap_or(0..0),
            "(file)",
            format!("not valid TOML: {}", e.message().trim()),
        )
    })?;
    let root_span = root.span();
    let root = root.into_inner();
    check_keys(&cx, &root, "", &["scenario", "baseline", "option", "calibration", "sweep"])?;
    let sweep = root.get("sweep").map(|v| sweep::parse(&cx, v)).transpose()?;

    let scenario = require(&cx, &root, "", "scenario", root_span.clone())?;
    let (scenario_table, scenario_span) = table(&cx, scenario, "scenario")?;
    check_keys(&cx, scenario_table, "scenario", &["name", "description", "draws", "seed"])?;
    let name = string(
        &cx,
        require(&cx, scenario_table, "scenario", "name", scenario_span.clone())?,
        "scenario.name",
    )?;
    let description = match scenario_table.get("description") {
        Some(v) => string(&cx, v, "scenario.description")?,
        None => String::new(),
    };
    let draws = match scenario_table.get("draws") {
        Some(v) => {
            let n = integer(&cx, v, "scenario.draws")?;
            if n < 1 {
                return Err(cx.err(
                    v.span(),
                    "scenario.draws",
                    format!("expected a number of draws ≥ 1, found {n}"),
                ));
            }
            Some(n as u64)
        }
        None => None,
    };
    let seed = match scenario_table.get("seed") {
        Some(v) => {
            let n = integer(&cx, v, "scenario.seed")?;
            if n < 0 {
                return Err(cx.err(
                    v.span(),
                    "scenario.seed",
                    format!("expected a whole number ≥ 0, found {n}"),
                ));
            }
            Some(n as u64)
        }
        None => None,
    };

    let baseline = require(&cx, &root, "", "baseline", root_span.clone())?;
    let (baseline_table, baseline_span) = table(&cx, baseline, "baseline")?;
    let baseline_at = cx.at(baseline_span.start);
    check_keys(&cx, baseline_table, "baseline", &["corridor", "country", "year"])?;
    let place = match (baseline_table.get("corridor"), baseline_table.get("country")) {
        (None, None) if sweep.is_some() => {
            Place::Corridor { origin: "*".to_owned(), destination: "*".to_owned() }
        }
        (Some(c), _) | (_, Some(c)) if sweep.is_some() => {
            return Err(cx.err(
                c.span(),
                "baseline",
                "a sweep names its corridors in [sweep]; [baseline] gives only the year",
            ));
        }
        (Some(c), None) => {
            let text = string(&cx, c, "baseline.corridor")?;
            match text.split_once('-') {
                Some((o, d)) if !o.trim().is_empty() && !d.trim().is_empty() => Place::Corridor {
                    origin: o.trim().to_owned(),
                    destination: d.trim().to_owned(),
                },
                _ => {
                    return Err(cx.err(
                        c.span(),
                        "baseline.corridor",
                        format!("expected ORIGIN-DESTINATION (e.g. \"XAA-XAB\"), found \"{text}\""),
                    ));
                }
            }
        }
        (None, Some(c)) => {
            let text = string(&cx, c, "baseline.country")?;
            if text.trim().is_empty() {
                return Err(cx.err(
                    c.span(),
                    "baseline.country",
                    "expected a country code, found an empty string",
                ));
            }
            Place::Country(text.trim().to_owned())
        }
        (Some(_), Some(c)) => {
            return Err(cx.err(c.span(), "baseline", "give either corridor or country, not both"));
        }
        (None, None) => {
            return Err(cx.err(
                baseline_span,
                "baseline",
                "missing the place: expected corridor = \"ORIGIN-DESTINATION\" or country = \"CODE\"",
            ));
        }
    };
    let year_value = require(&cx, baseline_table, "baseline", "year", baseline_span.clone())?;
    let year = integer(&cx, year_value, "baseline.year")?;
    let year =
        i32::try_from(year).ok().filter(|y| BASELINE_YEARS.contains(y)).ok_or_else(|| {
            cx.err(year_value.span(), "baseline.year", format!("expected a year, found {year}"))
        })?;

    let options_value = require(&cx, &root, "", "option", root_span)?;
    let DeValue::Array(items) = options_value.get_ref() else {
        return Err(cx.err(
            options_value.span(),
            "option",
            format!("expected [[option]] tables, found {}", options_value.get_ref().type_str()),
        ));
    };
    if items.is_empty() {
        return Err(cx.err(options_value.span(), "option", "expected at least one [[option]]"));
    }
    let mut options: Vec<OptionSpec> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("option[{}]", i + 1);
        let (t, span) = table(&cx, item, &path)?;
        check_keys(&cx, t, &path, &["name", "model", "description", "parameters"])?;
        let name_value = require(&cx, t, &path, "name", span.clone())?;
        let name = string(&cx, name_value, &join(&path, "name"))?;
        if let Some(prev) = options.iter().find(|o| o.name == name) {
            return Err(cx.err(
                name_value.span(),
                &join(&path, "name"),
                format!(
                    "option \"{name}\" is already defined on line {}; option names must differ",
                    prev.at.line
                ),
            ));
        }
        if let Some(d) = t.get("description") {
            string(&cx, d, &join(&path, "description"))?;
        }
        let model_value = require(&cx, t, &path, "model", span.clone())?;
        let model = string(&cx, model_value, &join(&path, "model"))?;
        let mut parameters = Vec::new();
        if let Some(p) = t.get("parameters") {
            let ppath = join(&path, "parameters");
            let (pt, pspan) = table(&cx, p, &ppath)?;
            if pt.len() > MAX_PARAMETERS {
                return Err(cx.err(
                    pspan,
                    &ppath,
                    format!("{} parameters: a model has at most {MAX_PARAMETERS}", pt.len()),
                ));
            }
            for (key, value) in pt {
                let field = join(&ppath, key.get_ref());
                let (dist, source) = param_value(&cx, value, &field)?;
                parameters.push(ParamSpec {
                    name: key.get_ref().to_string(),
                    value: dist,
                    source,
                    at: cx.at(value.span().start),
                });
            }
            // The TOML map is sorted by key; keep the file's order.
            parameters.sort_by_key(|p| (p.at.line, p.at.column));
        }
        options.push(OptionSpec {
            name,
            model,
            parameters,
            at: cx.at(span.start),
            model_at: cx.at(model_value.span().start),
        });
    }

    if let (Some(_), Some(c)) = (&sweep, root.get("calibration")) {
        return Err(cx.err(
            c.span(),
            "calibration",
            "a sweep cannot be calibrated: each corridor would need its own fit; calibrate one corridor's file instead",
        ));
    }
    let calibration = root.get("calibration").map(|v| calibration::parse(&cx, v)).transpose()?;
    Ok(Scenario {
        file: file.to_owned(),
        name,
        description,
        draws,
        seed,
        baseline: BaselineSpec { place, year },
        baseline_at,
        options,
        calibration,
        sweep,
    })
}

fn check_keys(cx: &Ctx<'_>, t: &DeTable<'_>, path: &str, known: &[&str]) -> Result<(), SpecError> {
    for key in t.keys() {
        let k = key.get_ref();
        if !known.contains(&k.as_ref()) {
            let hint = match closest(k, known.iter().copied()) {
                Some(c) => format!("; did you mean `{c}`?"),
                None => String::new(),
            };
            return Err(cx.err(
                key.span(),
                &join(path, k),
                format!("unknown key `{k}`{hint} (expected one of: {})", known.join(", ")),
            ));
        }
    }
    Ok(())
}

fn require<'t, 'i>(
    cx: &Ctx<'_>,
    t: &'t DeTable<'i>,
    path: &str,
    key: &str,
    span: Range<usize>,
) -> Result<&'t Value<'i>, SpecError> {
    t.get(key).ok_or_else(|| {
        let what = match (path.is_empty(), key) {
            (true, "option") => "[[option]]: a scenario needs at least one option".to_owned(),
            (true, _) => format!("[{key}]"),
            (false, _) => format!("`{key}`"),
        };
        cx.err(span, &join(path, key), format!("missing {what}"))
    })
}

fn table<'t, 'i>(
    cx: &Ctx<'_>,
    v: &'t Value<'i>,
    field: &str,
) -> Result<(&'t DeTable<'i>, Range<usize>), SpecError> {
    match v.get_ref() {
        DeValue::Table(t) => Ok((t, v.span())),
        other => {
            Err(cx.err(v.span(), field, format!("expected a table, found {}", other.type_str())))
        }
    }
}

fn string(cx: &Ctx<'_>, v: &Value<'_>, field: &str) -> Result<String, SpecError> {
    match v.get_ref() {
        DeValue::String(s) => Ok(s.to_string()),
        other => {
            Err(cx.err(v.span(), field, format!("expected a string, found {}", other.type_str())))
        }
    }
}

fn integer(cx: &Ctx<'_>, v: &Value<'_>, field: &str) -> Result<i64, SpecError> {
    match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map_err(|_| cx.err(v.span(), field, format!("integer {i} is too large"))),
        other => Err(cx.err(
            v.span(),
            field,
            format!("expected a whole number, found {}", other.type_str()),
        )),
    }
}

fn number(cx: &Ctx<'_>, v: &Value<'_>, field: &str) -> Result<f64, SpecError> {
    let x = match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map(|n| n as f64)
            .map_err(|_| cx.err(v.span(), field, format!("integer {i} is too large")))?,
        DeValue::Float(f) => f.as_str().parse::<f64>().map_err(|_| {
            cx.err(v.span(), field, format!("cannot read {} as a number", f.as_str()))
        })?,
        other => {
            return Err(cx.err(
                v.span(),
                field,
                format!("expected a number, found {}", other.type_str()),
            ));
        }
    };
    if x.is_finite() {
        Ok(x)
    } else {
        Err(cx.err(v.span(), field, format!("expected a finite number, found {x}")))
    }
}

/// A parameter's value: a number, or a table `{ dist = "...", ... }`.
fn param_value(
    cx: &Ctx<'_>,
    v: &Value<'_>,
    field: &str,
) -> Result<(Distribution, Option<String>), SpecError> {
    let t = match v.get_ref() {
        DeValue::Integer(_) | DeValue::Float(_) => {
            return Ok((Distribution::fixed(number(cx, v, field)?), None));
        }
        DeValue::Table(t) => t,
        other => {
            return Err(cx.err(
                v.span(),
                field,
                format!(
                    "expected a number or a distribution table {{ dist = \"...\", ... }}, found {}",
                    other.type_str()
                ),
            ));
        }
    };
    let dist_value = t.get("dist").ok_or_else(|| {
        cx.err(
            v.span(),
            &join(field, "dist"),
            format!("missing `dist`: expected one of {}", DISTRIBUTIONS.join(", ")),
        )
    })?;
    let dist_name = string(cx, dist_value, &join(field, "dist"))?;
    let common = ["dist", "lower", "upper", "source"];
    let keys: &[&str] = match dist_name.as_str() {
        "fixed" => &["value"],
        "normal" => &["mean", "sd"],
        "lognormal" => &["meanlog", "sdlog", "median", "p95"],
        "triangular" => &["min", "mode", "max"],
        "uniform" => &["min", "max"],
        "beta" => &["alpha", "beta", "min", "max"],
        "empirical" => &["values"],
        other => {
            let hint = closest(other, DISTRIBUTIONS.iter().copied())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            return Err(cx.err(
                dist_value.span(),
                &join(field, "dist"),
                format!(
                    "unknown distribution \"{other}\"; {hint}expected one of {}",
                    DISTRIBUTIONS.join(", ")
                ),
            ));
        }
    };
    let known: Vec<&str> = keys.iter().chain(common.iter()).copied().collect();
    for key in t.keys() {
        let k = key.get_ref();
        if !known.contains(&k.as_ref()) {
            let hint = closest(k, known.iter().copied())
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            return Err(cx.err(
                key.span(),
                &join(field, k),
                format!(
                    "unknown key `{k}` for a {dist_name} distribution; {hint}expected {}",
                    known.join(", ")
                ),
            ));
        }
    }
    let get = |key: &str| -> Result<Option<f64>, SpecError> {
        t.get(key).map(|x| number(cx, x, &join(field, key))).transpose()
    };
    let need = |key: &str| -> Result<f64, SpecError> {
        get(key)?.ok_or_else(|| {
            cx.err(
                v.span(),
                &join(field, key),
                format!("a {dist_name} distribution needs `{key}` (it takes {})", keys.join(", ")),
            )
        })
    };
    let dist = match dist_name.as_str() {
        "fixed" => Dist::Fixed(need("value")?),
        "normal" => Dist::Normal { mean: need("mean")?, sd: need("sd")? },
        "lognormal" => match (get("meanlog")?, get("sdlog")?, get("median")?, get("p95")?) {
            (Some(meanlog), Some(sdlog), None, None) => Dist::LogNormal { meanlog, sdlog },
            (None, Some(sdlog), Some(median), None) => {
                positive(cx, t, field, "median", median)?;
                Dist::LogNormal { meanlog: median.ln(), sdlog }
            }
            (None, None, Some(median), Some(p95)) => {
                positive(cx, t, field, "median", median)?;
                if p95 <= median {
                    let span = t.get("p95").map_or(v.span(), |x| x.span());
                    return Err(cx.err(
                        span,
                        &join(field, "p95"),
                        format!("p95 must exceed the median (got p95 = {p95}, median = {median})"),
                    ));
                }
                Dist::LogNormal { meanlog: median.ln(), sdlog: (p95.ln() - median.ln()) / Z95 }
            }
            _ => {
                return Err(cx.err(
                    v.span(),
                    field,
                    "a lognormal distribution takes meanlog and sdlog, or median and p95, or median and sdlog",
                ));
            }
        },
        "triangular" => {
            Dist::Triangular { min: need("min")?, mode: need("mode")?, max: need("max")? }
        }
        "uniform" => Dist::Uniform { min: need("min")?, max: need("max")? },
        "beta" => Dist::Beta {
            alpha: need("alpha")?,
            beta: need("beta")?,
            min: get("min")?.unwrap_or(0.0),
            max: get("max")?.unwrap_or(1.0),
        },
        "empirical" => {
            let vf = join(field, "values");
            let values = t.get("values").ok_or_else(|| {
                cx.err(v.span(), &vf, "an empirical distribution needs `values = [...]`")
            })?;
            let DeValue::Array(items) = values.get_ref() else {
                return Err(cx.err(
                    values.span(),
                    &vf,
                    format!("expected an array of numbers, found {}", values.get_ref().type_str()),
                ));
            };
            let values = items
                .iter()
                .enumerate()
                .map(|(i, x)| number(cx, x, &format!("{vf}[{i}]")))
                .collect::<Result<Vec<f64>, _>>()?;
            Dist::Empirical { values }
        }
        _ => unreachable!("checked above"),
    };
    let mut d = Distribution::new(dist);
    if let Some(lower) = get("lower")? {
        d.lower = lower;
    }
    if let Some(upper) = get("upper")? {
        d.upper = upper;
    }
    d.validate().map_err(|e| cx.err(v.span(), field, e.0))?;
    let source = t.get("source").map(|s| string(cx, s, &join(field, "source"))).transpose()?;
    Ok((d, source))
}

fn positive(
    cx: &Ctx<'_>,
    t: &DeTable<'_>,
    field: &str,
    key: &str,
    x: f64,
) -> Result<(), SpecError> {
    if x > 0.0 {
        return Ok(());
    }
    let span = t.get(key).map_or(0..0, |x| x.span());
    Err(cx.err(span, &join(field, key), format!("{key} must be > 0 (got {x})")))
}

/// The edit distance between `a` and `b` (Levenshtein, over characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let n = word.chars().count();
    // The distance is at least the difference in length: a candidate whose length is too
    // far from the word's cannot be close enough, and computing the distance to a word of
    // a million characters took seconds (found by coherence-fuzz).
    let within = |c: &str| {
        let m = c.chars().count();
        n.abs_diff(m) <= (m.max(n) / 2).max(1)
    };
    candidates
        .into_iter()
        .filter(|c| within(c) || c.contains(word))
        .map(|c| (distance(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(n) / 2).max(1) || c.contains(word))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Where a resolved parameter's value comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// Set in the scenario file.
    File {
        /// Where in the file.
        at: Location,
        /// The `source` given with it, if any.
        source: Option<String>,
    },
    /// A baseline value (the model's default names the key).
    Baseline {
        /// The baseline key.
        key: String,
        /// The baseline value's source.
        source: String,
    },
    /// The model's documented default.
    Default {
        /// The source of the default.
        source: String,
    },
    /// Fitted by the scenario's calibration ([`Plan::calibrated`]).
    Calibrated {
        /// The option fitted.
        option: String,
        /// The targets it reproduces, by output name.
        targets: String,
    },
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File { at, source: None } => write!(f, "scenario file, line {}", at.line),
            Origin::File { at, source: Some(s) } => {
                write!(f, "scenario file, line {} ({s})", at.line)
            }
            Origin::Baseline { key, source } => write!(f, "baseline {key} ({source})"),
            Origin::Default { source } => write!(f, "model default ({source})"),
            Origin::Calibrated { option, targets } => {
                write!(f, "calibrated on option \"{option}\" to the observed {targets}")
            }
        }
    }
}

/// One parameter of an option, resolved.
#[derive(Clone, Debug)]
pub struct ResolvedParam {
    /// The model's definition.
    pub def: ParamDef,
    /// Its value or distribution.
    pub value: Distribution,
    /// Where it comes from.
    pub origin: Origin,
}

/// One option, resolved: its model and every parameter in the model's order.
#[derive(Clone)]
pub struct PlannedOption {
    /// The option's name.
    pub name: String,
    /// The model.
    pub model: &'static dyn Model,
    /// Simulated years (from the fixed parameters).
    pub horizon: usize,
    /// One entry per model parameter, in the model's order.
    pub params: Vec<ResolvedParam>,
    /// A calibration's posterior, drawn jointly for the parameters it fitted (their
    /// [`ResolvedParam::value`] lists the same values, for display); set by
    /// [`Plan::calibrated`].
    pub posterior: Option<std::sync::Arc<crate::calibrate::Posterior>>,
}

impl fmt::Debug for PlannedOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PlannedOption")
            .field("name", &self.name)
            .field("model", &self.model.name())
            .field("horizon", &self.horizon)
            .field("params", &self.params)
            .field("posterior", &self.posterior)
            .finish()
    }
}

/// A scenario resolved against the models and a baseline: everything a run needs
/// except the seed, the number of draws and the shard.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The scenario file's name.
    pub file: String,
    /// `scenario.name`.
    pub scenario: String,
    /// `scenario.description`.
    pub description: String,
    /// The baseline, as built by the caller.
    pub baseline: Baseline,
    /// `scenario.draws` from the file, if given.
    pub draws: Option<u64>,
    /// `scenario.seed` from the file, if given.
    pub seed: Option<u64>,
    /// The options, in file order.
    pub options: Vec<PlannedOption>,
    /// The calibration the file asks for, resolved; `None` without `[calibration]`.
    /// [`crate::calibrate::calibrate`] runs it and [`Plan::calibrated`] applies it.
    pub calibration: Option<crate::calibrate::CalibrationPlan>,
    /// The calibration applied by [`Plan::calibrated`], if any.
    pub calibrated: Option<std::sync::Arc<crate::calibrate::Calibration>>,
}

/// The free parameter `name` of the scenario's calibration when the calibration fits an
/// option of `model` (the option it names, or the first): a required parameter it fits
/// need not be set in the file, since every option of the model draws it from the fit
/// (a run always calibrates first). When the calibration names no option of the file,
/// the parameter is taken as fitted too, so that the calibration's own check names the
/// unknown option rather than the parameter.
fn fitted<'a>(scenario: &'a Scenario, model: &dyn Model, name: &str) -> Option<&'a FreeSpec> {
    let spec = scenario.calibration.as_ref()?;
    let option = match &spec.option {
        Some((option, _)) => scenario.options.iter().find(|o| &o.name == option),
        None => scenario.options.first(),
    };
    if option.is_some_and(|o| o.model != model.name()) {
        return None;
    }
    spec.free.iter().find(|f| f.name == name)
}

/// The value a fitted parameter stands at until the calibration runs: a bound of its
/// prior inside the parameter's domain, so that a prior outside the domain is reported by
/// the calibration's check (naming `calibration.free`), not here.
fn placeholder(def: &ParamDef, free: &FreeSpec) -> f64 {
    [free.min, free.max, (free.min + free.max) / 2.0]
        .into_iter()
        .find(|v| def.domain.contains(*v))
        .unwrap_or(free.min)
}

/// Resolves `scenario` against `models` and `baseline`.
///
/// # Errors
/// A [`SpecError`] located in the file for: an unknown model (listing the known ones),
/// an unknown parameter (suggesting the closest), a value or distribution outside the
/// parameter's domain (naming the parameter, the value and the domain), a distribution
/// for a fixed parameter, a missing required parameter, and a baseline default whose key
/// the baseline lacks.
pub fn resolve(
    scenario: &Scenario,
    baseline: &Baseline,
    models: &[&'static dyn Model],
) -> Result<Plan, SpecError> {
    let err = |at: Location, field: String, message: String| SpecError {
        file: scenario.file.clone(),
        at,
        field,
        message,
    };
    let mut options = Vec::with_capacity(scenario.options.len());
    for (i, o) in scenario.options.iter().enumerate() {
        let path = format!("option[{}]", i + 1);
        let Some(model) = models.iter().copied().find(|m| m.name() == o.model) else {
            let names: Vec<&str> = models.iter().map(|m| m.name()).collect();
            let hint = closest(&o.model, names.iter().copied())
                .map(|c| format!("did you mean \"{c}\"? "))
                .unwrap_or_default();
            let known = if names.is_empty() { "(none)".to_owned() } else { names.join(", ") };
            return Err(err(
                o.model_at,
                format!("{path}.model"),
                format!("unknown model \"{}\"; {hint}known models: {known}", o.model),
            ));
        };
        let defs = model.parameters();
        for p in &o.parameters {
            if !defs.iter().any(|d| d.name == p.name) {
                let hint = closest(&p.name, defs.iter().map(|d| d.name))
                    .map(|c| format!("did you mean `{c}`? "))
                    .unwrap_or_default();
                let list: Vec<&str> = defs.iter().map(|d| d.name).collect();
                return Err(err(
                    p.at,
                    format!("{path}.parameters.{}", p.name),
                    format!(
                        "model \"{}\" has no parameter `{}`; {hint}its parameters: {}",
                        model.name(),
                        p.name,
                        list.join(", ")
                    ),
                ));
            }
        }
        let mut params = Vec::with_capacity(defs.len());
        for def in defs {
            let field = format!("{path}.parameters.{}", def.name);
            let (value, origin, at) = match o.parameters.iter().find(|p| p.name == def.name) {
                Some(p) => {
                    (p.value.clone(), Origin::File { at: p.at, source: p.source.clone() }, p.at)
                }
                None => match def.default {
                    ParamDefault::Required
                        if let Some(free) = fitted(scenario, model, def.name) =>
                    {
                        (
                            Distribution::fixed(placeholder(def, free)),
                            Origin::Default {
                                source: format!(
                                    "fitted by the calibration (uniform prior [{}, {}])",
                                    free.min, free.max
                                ),
                            },
                            free.at,
                        )
                    }
                    ParamDefault::Required => {
                        return Err(err(
                            o.at,
                            field,
                            format!(
                                "model \"{}\" needs parameter `{}` ({}; {}): set it in [option.parameters]",
                                model.name(),
                                def.name,
                                def.unit,
                                def.doc
                            ),
                        ));
                    }
                    ParamDefault::Value(v) => (
                        Distribution::fixed(v),
                        Origin::Default { source: def.source.to_owned() },
                        o.at,
                    ),
                    ParamDefault::Baseline(key) => match baseline.get(key) {
                        Some(b) => (
                            Distribution::fixed(b.value),
                            Origin::Baseline { key: key.to_owned(), source: b.source.clone() },
                            o.at,
                        ),
                        None => {
                            let label = if baseline.label.is_empty() {
                                "the baseline"
                            } else {
                                &baseline.label
                            };
                            return Err(err(
                                o.at,
                                field,
                                format!(
                                    "parameter `{}` defaults to the baseline value `{key}`, which {label} does not have; set `{}` in the file",
                                    def.name, def.name
                                ),
                            ));
                        }
                    },
                },
            };
            if def.fixed && value.as_fixed().is_none() {
                return Err(err(
                    at,
                    field,
                    format!(
                        "`{}` is structural and takes a fixed value ({}), not a distribution",
                        def.name, def.domain
                    ),
                ));
            }
            if !value.within(def.domain) {
                let message = match (&origin, value.as_fixed()) {
                    (Origin::File { .. }, Some(v)) => {
                        format!(
                            "`{}` = {v} is outside its domain: {} ({})",
                            def.name, def.domain, def.unit
                        )
                    }
                    (Origin::File { .. }, None) => {
                        let hint = match def.domain.bounds() {
                            (lo, hi) if lo.is_finite() && hi.is_finite() => {
                                format!(
                                    "; truncate it with lower = {lo}, upper = {hi}, or use a distribution on [{lo}, {hi}] (beta, uniform, triangular)"
                                )
                            }
                            (lo, _) if lo.is_finite() => {
                                format!("; truncate it with lower = {lo}, or use a lognormal")
                            }
                            _ => String::new(),
                        };
                        format!(
                            "`{}` = {value} can take values in {}, outside its domain: {} ({}){hint}",
                            def.name,
                            value.support(),
                            def.domain,
                            def.unit
                        )
                    }
                    (_, _) => format!(
                        "`{}` = {value} from {origin} is outside its domain: {} ({}); set it in the file",
                        def.name, def.domain, def.unit
                    ),
                };
                return Err(err(at, field, message));
            }
            params.push(ResolvedParam { def: *def, value, origin });
        }
        let typical: Vec<f64> = params
            .iter()
            .map(|p| {
                let v = p.value.typical();
                if p.def.domain == Domain::Count { v.round() } else { v }
            })
            .collect();
        let horizon = model.horizon(&Params::new(defs, &typical));
        if horizon == 0 {
            return Err(err(
                o.at,
                path,
                format!("model \"{}\" gives a horizon of 0 years", model.name()),
            ));
        }
        options.push(PlannedOption {
            name: o.name.clone(),
            model,
            horizon,
            params,
            posterior: None,
        });
    }
    let mut plan = Plan {
        file: scenario.file.clone(),
        scenario: scenario.name.clone(),
        description: scenario.description.clone(),
        baseline: baseline.clone(),
        draws: scenario.draws,
        seed: scenario.seed,
        options,
        calibration: None,
        calibrated: None,
    };
    if let Some(spec) = &scenario.calibration {
        plan.calibration = Some(crate::calibrate::resolve(scenario, spec, &plan)?);
    }
    Ok(plan)
}

impl Plan {
    /// A text that determines every number a run produces for a given seed, draws and
    /// shard: scenario name, baseline values, options with their models, horizons,
    /// parameter values (exact decimal forms) and outputs, and this crate's version. The
    /// file name and line numbers are left out, so the same scenario gives the same text
    /// wherever the file lives.
    pub fn canonical(&self) -> String {
        use fmt::Write as _;
        let mut s = String::new();
        let _ = writeln!(s, "montecarlo {}", env!("CARGO_PKG_VERSION"));
        let _ = writeln!(s, "scenario {:?}", self.scenario);
        let b = &self.baseline;
        let _ =
            writeln!(s, "baseline {:?} {:?} {:?} {:?}", b.label, b.origin, b.destination, b.year);
        for v in &b.values {
            let _ = writeln!(s, "  {:?} = {} {:?} {:?}", v.key, v.value, v.unit, v.source);
        }
        for o in &self.options {
            let _ =
                writeln!(s, "option {:?} model {:?} horizon {}", o.name, o.model.name(), o.horizon);
            for p in &o.params {
                let origin = match &p.origin {
                    Origin::File { source, .. } => format!("file {source:?}"),
                    other => other.to_string(),
                };
                let _ = writeln!(
                    s,
                    "  {} = {} [{}] from {}",
                    p.def.name, p.value, p.def.domain, origin
                );
            }
            for out in o.model.outputs() {
                let _ = writeln!(
                    s,
                    "  output {} {:?} {:?} {:?}",
                    out.name, out.unit, out.shape, out.side
                );
            }
        }
        s
    }

    /// The plan's fingerprint: FNV-1a (64-bit) of [`Plan::canonical`], as 16 hex digits.
    /// It tells whether two runs (or shards) come from the same plan; it is not a
    /// cryptographic hash.
    pub fn fingerprint(&self) -> String {
        format!("{:016x}", fnv1a(self.canonical().as_bytes()))
    }
}

/// FNV-1a, 64-bit.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos() {
        assert_eq!(closest("p_overstya", ["p_overstay", "quota"]), Some("p_overstay"));
        assert_eq!(closest("zzzzzz", ["p_overstay", "quota"]), None);
        assert_eq!(distance("kitten", "sitting"), 3);
        // A prefix is still suggested, however short.
        assert_eq!(closest("p_", ["p_overstay", "quota"]), Some("p_overstay"));
    }

    #[test]
    fn a_parameter_name_of_a_million_characters_gets_no_suggestion_and_no_distance() {
        // Seed 1, case 21314 of `coherence-fuzz run scenario`: an unknown parameter
        // named by a million digits spent seconds in edit distances to every name.
        let long = "9".repeat(1_000_000);
        assert_eq!(closest(&long, ["attrition_rate", "emigration_rate"]), None);
        let text = format!(
            "[scenario]\nname = \"x\"\n[baseline]\ncountry = \"XAA\"\nyear = 2020\n\
             [[option]]\nname = \"a\"\nmodel = \"skills\"\n[option.parameters]\n{long} = 1\n"
        );
        let scenario = parse("long.toml", &text).unwrap();
        let baseline = crate::model::Baseline::default();
        let err = resolve(&scenario, &baseline, &crate::models::all()).unwrap_err();
        assert!(err.message.contains("has no parameter"), "{}", &err.message[..200]);
    }

    #[test]
    fn location_counts_lines_and_characters() {
        let cx = Ctx { file: "f", text: "a\nbé = 1\n" };
        assert_eq!(cx.at(0), Location { line: 1, column: 1 });
        assert_eq!(cx.at(2), Location { line: 2, column: 1 });
        // 'é' is two bytes but one column.
        assert_eq!(cx.at(6), Location { line: 2, column: 4 });
    }
}
