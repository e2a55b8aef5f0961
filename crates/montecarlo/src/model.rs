//! The contract between the engine and the policy-option models.
//!
//! A model declares its parameters ([`ParamDef`]) and outputs ([`OutputDef`]) as static
//! tables, and turns one draw of parameter values into output values
//! ([`Model::simulate`]). Models are deterministic given the parameters and the random
//! stream they are handed; they never create their own generator.

use std::fmt;

/// The random generator of one draw: ChaCha8, a documented, portable algorithm.
pub type DrawRng = rand::rngs::ChaCha8Rng;

/// The generator for draw `draw` of a run seeded with `seed`: stream `draw` of the
/// ChaCha8 generator seeded from `seed`. Independent of threads, shards and order.
pub fn draw_rng(seed: u64, draw: u64) -> DrawRng {
    use rand::SeedableRng;
    let mut rng = DrawRng::seed_from_u64(seed);
    rng.set_stream(draw);
    rng
}

/// The set of values a parameter may take.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Domain {
    /// Any finite number.
    Real,
    /// A finite number ≥ 0.
    NonNegative,
    /// A finite number > 0.
    Positive,
    /// A probability or share, in [0, 1].
    Probability,
    /// A whole number ≥ 0 (a count of workers, a number of years).
    Count,
    /// A finite number in [min, max].
    Range {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
}

impl Domain {
    /// Whether `x` lies in the domain.
    pub fn contains(self, x: f64) -> bool {
        if !x.is_finite() {
            return false;
        }
        match self {
            Domain::Real => true,
            Domain::NonNegative => x >= 0.0,
            Domain::Positive => x > 0.0,
            Domain::Probability => (0.0..=1.0).contains(&x),
            Domain::Count => x >= 0.0 && x.fract() == 0.0,
            Domain::Range { min, max } => (min..=max).contains(&x),
        }
    }

    /// The domain's bounds `(lower, upper)`, infinite where it is unbounded.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            Domain::Real => (f64::NEG_INFINITY, f64::INFINITY),
            Domain::NonNegative | Domain::Positive | Domain::Count => (0.0, f64::INFINITY),
            Domain::Probability => (0.0, 1.0),
            Domain::Range { min, max } => (min, max),
        }
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Domain::Real => f.write_str("a finite number"),
            Domain::NonNegative => f.write_str("a number ≥ 0"),
            Domain::Positive => f.write_str("a number > 0"),
            Domain::Probability => f.write_str("a probability in [0, 1]"),
            Domain::Count => f.write_str("a whole number ≥ 0"),
            Domain::Range { min, max } => write!(f, "a number in [{min}, {max}]"),
        }
    }
}

/// Where a parameter's default comes from when the scenario file does not set it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamDefault {
    /// No default: the scenario file must set it.
    Required,
    /// A documented value.
    Value(f64),
    /// A value of the baseline (see [`Baseline`]), by key; e.g. `"corridor_cost_pct"`.
    Baseline(&'static str),
}

/// One parameter of a model.
#[derive(Clone, Copy, Debug)]
pub struct ParamDef {
    /// Name as written in scenario files (snake_case).
    pub name: &'static str,
    /// Unit, e.g. `"persons"`, `"USD per month"`, `"share"`, `"years"`.
    pub unit: &'static str,
    /// Allowed values; every draw is checked against it.
    pub domain: Domain,
    /// Default when the scenario file does not set it.
    pub default: ParamDefault,
    /// Whether the parameter is structural (a horizon, a population size) and must be a
    /// fixed value rather than a distribution.
    pub fixed: bool,
    /// Source of the default (publication, table), or why it is a convention.
    pub source: &'static str,
    /// One sentence on what the parameter means.
    pub doc: &'static str,
}

/// Which side of the corridor an output concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The country of origin.
    Origin,
    /// The country of destination.
    Destination,
    /// The migrants themselves, or the corridor as a whole.
    Migrants,
}

impl Side {
    /// Lower-case name used in output files.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Origin => "origin",
            Side::Destination => "destination",
            Side::Migrants => "migrants",
        }
    }
}

/// Whether an output is one number per draw or one number per simulated year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One value per draw (a total, an end-of-horizon level).
    Scalar,
    /// One value per simulated year `0..horizon`.
    Series,
}

/// One output of a model.
#[derive(Clone, Copy, Debug)]
pub struct OutputDef {
    /// Name in output files (snake_case).
    pub name: &'static str,
    /// Unit.
    pub unit: &'static str,
    /// Scalar or yearly series.
    pub shape: Shape,
    /// Whose outcome it is.
    pub side: Side,
    /// One sentence on what it measures.
    pub doc: &'static str,
}

/// A value of the baseline, with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineValue {
    /// Key, e.g. `"diaspora_stock"`.
    pub key: String,
    /// The value.
    pub value: f64,
    /// Unit.
    pub unit: String,
    /// Where it comes from (dataset, edition, cell).
    pub source: String,
}

/// The baseline of a scenario: a corridor or a country in a year, with values read
/// from the store by the caller.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Baseline {
    /// What the baseline describes, e.g. `"XAA → XAB, 2020"`.
    pub label: String,
    /// Origin area code, if a corridor or an origin country.
    pub origin: Option<String>,
    /// Destination area code, if a corridor.
    pub destination: Option<String>,
    /// Year of the baseline values.
    pub year: Option<i32>,
    /// The values, in a stable order.
    pub values: Vec<BaselineValue>,
}

impl Baseline {
    /// The value under `key`, if present.
    pub fn get(&self, key: &str) -> Option<&BaselineValue> {
        self.values.iter().find(|v| v.key == key)
    }
}

/// One draw's parameter values, in the order of the model's [`Model::parameters`].
#[derive(Clone, Copy, Debug)]
pub struct Params<'a> {
    defs: &'static [ParamDef],
    values: &'a [f64],
}

impl<'a> Params<'a> {
    /// Pairs definitions with values; both in the model's order.
    ///
    /// # Panics
    /// If the lengths differ (an engine bug).
    pub fn new(defs: &'static [ParamDef], values: &'a [f64]) -> Self {
        assert_eq!(defs.len(), values.len(), "one value per parameter");
        Params { defs, values }
    }

    /// The value of parameter `name`.
    ///
    /// # Panics
    /// If the model has no such parameter (a bug in the model, caught by its tests).
    pub fn get(&self, name: &str) -> f64 {
        match self.defs.iter().position(|d| d.name == name) {
            Some(i) => self.values[i],
            None => panic!("model has no parameter `{name}`"),
        }
    }

    /// The values in the model's order.
    pub fn values(&self) -> &'a [f64] {
        self.values
    }
}

/// The outputs of one draw, written by a model.
#[derive(Clone, Debug)]
pub struct Outputs {
    defs: &'static [OutputDef],
    horizon: usize,
    /// Row-major: for output `k`, scalar at `offset[k]`, series at `offset[k]..+horizon`.
    offsets: Vec<usize>,
    values: Vec<f64>,
}

impl Outputs {
    /// Room for every output of a model over `horizon` years, filled with NaN (unset).
    pub fn new(defs: &'static [OutputDef], horizon: usize) -> Self {
        let mut offsets = Vec::with_capacity(defs.len());
        let mut n = 0;
        for d in defs {
            offsets.push(n);
            n += match d.shape {
                Shape::Scalar => 1,
                Shape::Series => horizon,
            };
        }
        Outputs { defs, horizon, offsets, values: vec![f64::NAN; n] }
    }

    fn index(&self, name: &str, shape: Shape) -> usize {
        match self.defs.iter().position(|d| d.name == name) {
            Some(k) if self.defs[k].shape == shape => k,
            Some(_) => panic!("output `{name}` is not a {shape:?}"),
            None => panic!("model has no output `{name}`"),
        }
    }

    /// Sets scalar output `name`.
    pub fn set(&mut self, name: &str, value: f64) {
        let k = self.index(name, Shape::Scalar);
        self.values[self.offsets[k]] = value;
    }

    /// Sets year `t` (0-based) of series output `name`.
    pub fn set_year(&mut self, name: &str, t: usize, value: f64) {
        let k = self.index(name, Shape::Series);
        assert!(t < self.horizon, "year {t} beyond horizon {}", self.horizon);
        self.values[self.offsets[k] + t] = value;
    }

    /// Sets the whole series `name` from a slice of length `horizon`.
    pub fn set_series(&mut self, name: &str, series: &[f64]) {
        let k = self.index(name, Shape::Series);
        assert_eq!(series.len(), self.horizon, "series `{name}` length");
        let o = self.offsets[k];
        self.values[o..o + self.horizon].copy_from_slice(series);
    }

    /// The simulated horizon in years.
    pub fn horizon(&self) -> usize {
        self.horizon
    }

    /// All values in layout order (outputs in declaration order; series year by year).
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Resets every value to NaN, keeping the allocation.
    pub fn clear(&mut self) {
        self.values.fill(f64::NAN);
    }

    /// Scalar output `name`.
    pub fn get(&self, name: &str) -> f64 {
        let k = self.index(name, Shape::Scalar);
        self.values[self.offsets[k]]
    }

    /// Series output `name`.
    pub fn series(&self, name: &str) -> &[f64] {
        let k = self.index(name, Shape::Series);
        let o = self.offsets[k];
        &self.values[o..o + self.horizon]
    }
}

/// A model failed for one draw (e.g. the drawn parameters are inconsistent).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{model}: {message}")]
pub struct ModelError {
    /// The model's name.
    pub model: &'static str,
    /// What went wrong, naming the parameters involved.
    pub message: String,
}

/// A model's size parameter and the outputs proportional to it ([`Model::size`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// The parameter (a fixed [`Domain::Count`]).
    pub param: &'static str,
    /// The outputs whose expectation is proportional to it, other things equal.
    pub outputs: &'static [&'static str],
}

/// A policy-option model.
///
/// Implementations are plain structs with no state; everything a run needs is in the
/// parameters, the baseline and the random stream.
pub trait Model: Sync + Send {
    /// Name used in scenario files, e.g. `"temporary-scheme"`.
    fn name(&self) -> &'static str;

    /// One paragraph on what the model does (shown by `scenario` help and in docs).
    fn description(&self) -> &'static str;

    /// The parameters, in a fixed order.
    fn parameters(&self) -> &'static [ParamDef];

    /// The outputs, in a fixed order.
    fn outputs(&self) -> &'static [OutputDef];

    /// The number of simulated years given the (fixed) parameters; 1 for a static model.
    fn horizon(&self, params: &Params<'_>) -> usize;

    /// Checks relations between parameters that a single domain cannot express (e.g.
    /// a minimum below a maximum), once per draw, before [`Model::simulate`]. The default
    /// accepts everything.
    fn check(&self, params: &Params<'_>) -> Result<(), ModelError> {
        let _ = params;
        Ok(())
    }

    /// The parameter that sets the model's size, and the outputs proportional to it in
    /// expectation (counts of persons, sums of money), if the model has one: a
    /// calibration may then simulate a smaller copy and scale those outputs back
    /// ([`crate::calibrate`]). The default: no size.
    fn size(&self) -> Option<Size> {
        None
    }

    /// Runs one draw: reads parameters, may draw from `rng`, writes every output.
    fn simulate(
        &self,
        params: &Params<'_>,
        rng: &mut DrawRng,
        out: &mut Outputs,
    ) -> Result<(), ModelError>;
}
