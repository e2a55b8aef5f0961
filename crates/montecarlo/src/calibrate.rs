//! Calibration of a baseline option to observed targets by approximate Bayesian
//! computation (ABC), and the posterior that options are then run from.
//!
//! # Method
//!
//! ABC population Monte Carlo (Beaumont, Cornuet, Marin & Robert 2009, "Adaptive
//! approximate Bayesian computation", *Biometrika* 96(4)), with uniform priors on the
//! free parameters:
//!
//! 1. Generation 0 draws `particles` parameter vectors from the priors and simulates
//!    each; all are kept, with equal weights.
//! 2. The next tolerance is the median distance of the current particles (never below
//!    the target `tolerance`). Generation `t` proposes vectors by picking a particle of
//!    generation `t − 1` by weight and moving each free parameter by a normal step of
//!    variance twice the particles' weighted variance (proposals outside the prior are
//!    drawn again); a proposal is kept when its distance is within the generation's
//!    tolerance, until `particles` are kept. A kept vector's weight is proportional to
//!    1 / Σⱼ wⱼ K(θ | θⱼ) (the prior's density is constant on its support).
//! 3. It stops when a generation completes at the target tolerance (*reached*), or
//!    when the next generation would pass `max_simulations` (*not reached*: the last
//!    complete generation is reported, and no option may run from it).
//!
//! The distance of a simulation is the largest relative gap over the targets,
//! maxₖ |modelledₖ / observedₖ − 1|: a kept vector reproduces every target within the
//! tolerance. The posterior is the last generation resampled to equal weights
//! (systematic resampling), so that a run draws one of its vectors, jointly, per draw.
//!
//! Parameters that are not free keep their resolved value or distribution and are drawn
//! per simulation as a run draws them. A model with a size parameter ([`Size`]) larger
//! than `simulated_size` is simulated at that size, and targets (which must then be
//! proportional outputs) are compared after scaling back: the expectation is the same
//! and each simulation costs a fraction.
//!
//! # Reproducibility
//!
//! Simulation `s` (counted over all generations) uses stream `s` of the calibration's
//! seed: the model reads it from block 0 and parameter `k` at its region, as a run does
//! ([`crate::engine`]), and the proposal (parent choice, steps, prior draws) reads it
//! from [`PROPOSAL_REGION`]. Proposals are simulated in batches of `particles` in
//! parallel and kept in index order, so the result is the same bits on any thread count.

use std::sync::Arc;

use rayon::prelude::*;

use crate::dist::{standard_normal, uniform01};
use crate::engine::{RunError, sample_param};
use crate::model::{Domain, Outputs, Params, Shape, Size, draw_rng};
use crate::spec::{
    CalibrationSpec, Location, Observed, Origin, Plan, PlannedOption, Scenario, SpecError,
};

/// Block of a simulation's stream where its proposal is drawn.
pub const PROPOSAL_REGION: u64 = 1 << 62;

/// Block of a run draw's stream where the posterior vector is chosen.
pub const POSTERIOR_REGION: u64 = 3 << 61;

/// Most proposals drawn again for one simulation when a step leaves the prior.
const MAX_RETRIES: u32 = 1000;

/// Most generations.
pub const MAX_GENERATIONS: usize = 50;

/// A target, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The output's name.
    pub output: String,
    /// Its unit.
    pub unit: String,
    /// Index into the option's [`Outputs::values`].
    pub offset: usize,
    /// The model year (1-based) for a series; `None` for a scalar.
    pub year: Option<usize>,
    /// The observed value (> 0).
    pub observed: f64,
    /// Where it comes from.
    pub source: String,
}

/// A free parameter, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Free {
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its index among the option's parameters.
    pub index: usize,
    /// The uniform prior's bounds.
    pub min: f64,
    /// Upper bound.
    pub max: f64,
    /// Why this range, if said.
    pub source: Option<String>,
}

/// A calibration resolved against the plan's fitted option and baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationPlan {
    /// The settings as read.
    pub spec: CalibrationSpec,
    /// Index of the fitted option in [`Plan::options`].
    pub option: usize,
    /// The targets.
    pub targets: Vec<Target>,
    /// The free parameters.
    pub free: Vec<Free>,
    /// The size parameter's index and the value simulated, when the model is simulated
    /// smaller than planned.
    pub simulated: Option<(usize, f64)>,
    /// Planned size ÷ simulated size (1 at full size).
    pub scale: f64,
}

/// Resolves `spec` (the `[calibration]` of `scenario`) against `plan`.
///
/// # Errors
/// A [`SpecError`] at the table or entry for: an unknown option, a year past the
/// horizon, an unknown output or parameter (with the closest name), a structural
/// parameter set free, a free parameter the fitted option sets in the file, a prior
/// outside the parameter's domain, an unknown or non-positive observed value, and a
/// target not proportional to the size when the model is simulated smaller.
pub fn resolve(
    scenario: &Scenario,
    spec: &CalibrationSpec,
    plan: &Plan,
) -> Result<CalibrationPlan, SpecError> {
    let err = |at: Location, field: String, message: String| SpecError {
        file: scenario.file.clone(),
        at,
        field,
        message,
    };
    let option = match &spec.option {
        None => 0,
        Some((name, at)) => plan.options.iter().position(|o| &o.name == name).ok_or_else(|| {
            let names: Vec<&str> = plan.options.iter().map(|o| o.name.as_str()).collect();
            err(
                *at,
                "calibration.option".into(),
                format!("no option \"{name}\"; the options: {}", names.join(", ")),
            )
        })?,
    };
    let o = &plan.options[option];
    let year = match spec.year {
        Some((y, at)) if y as usize > o.horizon => {
            return Err(err(
                at,
                "calibration.year".into(),
                format!("year {y} is past option \"{}\"'s horizon of {} years", o.name, o.horizon),
            ));
        }
        Some((y, _)) => y as usize,
        None => o.horizon,
    };
    let (simulated, scale) = simulated_size(spec, o);
    let targets = targets(scenario, spec, plan, o, year, scale)?;
    let free = free(scenario, spec, &scenario.options[option].parameters, o)?;
    Ok(CalibrationPlan { spec: spec.clone(), option, targets, free, simulated, scale })
}

/// The size simulated and the scale, for a model with a size larger than allowed.
fn simulated_size(spec: &CalibrationSpec, o: &PlannedOption) -> (Option<(usize, f64)>, f64) {
    let Some(Size { param, .. }) = o.model.size() else { return (None, 1.0) };
    let Some(k) = o.params.iter().position(|p| p.def.name == param) else { return (None, 1.0) };
    let Some(size) = o.params[k].value.as_fixed() else { return (None, 1.0) };
    if spec.simulated_size <= 0.0 || size <= spec.simulated_size {
        return (None, 1.0);
    }
    let small = spec.simulated_size.round();
    (Some((k, small)), size / small)
}

fn targets(
    scenario: &Scenario,
    spec: &CalibrationSpec,
    plan: &Plan,
    o: &PlannedOption,
    year: usize,
    scale: f64,
) -> Result<Vec<Target>, SpecError> {
    let err = |at: Location, field: String, message: String| SpecError {
        file: scenario.file.clone(),
        at,
        field,
        message,
    };
    let defs = o.model.outputs();
    let mut out = Vec::with_capacity(spec.targets.len());
    for t in &spec.targets {
        let field = format!("calibration.targets.{}", t.output);
        let mut offset = 0;
        let mut found = None;
        for d in defs {
            if d.name == t.output {
                found = Some(d);
                break;
            }
            offset += if d.shape == Shape::Series { o.horizon } else { 1 };
        }
        let Some(def) = found else {
            let hint = crate::spec::closest(&t.output, defs.iter().map(|d| d.name))
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            return Err(err(
                t.at,
                field,
                format!("model \"{}\" has no output `{}`; {hint}", o.model.name(), t.output),
            ));
        };
        let year = (def.shape == Shape::Series).then_some(year);
        if let Some(y) = year {
            offset += y - 1;
        }
        if scale > 1.0 && !o.model.size().is_some_and(|s| s.outputs.contains(&def.name)) {
            return Err(err(
                t.at,
                field,
                format!(
                    "`{}` is not proportional to the model's size, which the calibration simulates {scale:.1} times smaller (simulated_size = {}); set simulated_size = 0 to simulate at full size",
                    def.name, spec.simulated_size
                ),
            ));
        }
        let (observed, source) = match &t.observed {
            Observed::Value { value, source } => (*value, source.clone()),
            Observed::Baseline(key) => match plan.baseline.get(key) {
                Some(b) if b.unit != def.unit => {
                    return Err(err(
                        t.at,
                        field,
                        format!(
                            "the baseline value `{key}` is in {}, the output `{}` in {}: a target must be the same quantity",
                            b.unit, def.name, def.unit
                        ),
                    ));
                }
                Some(b) => (b.value, format!("baseline {key}: {}", b.source)),
                None => {
                    return Err(err(
                        t.at,
                        field,
                        format!(
                            "the baseline has no value `{key}` ({}); give the observed value as {{ value = ..., source = \"...\" }}",
                            if plan.baseline.label.is_empty() {
                                "none"
                            } else {
                                &plan.baseline.label
                            }
                        ),
                    ));
                }
            },
        };
        if !(observed > 0.0 && observed.is_finite()) {
            return Err(err(
                t.at,
                field,
                format!(
                    "the observed value must be a positive number to fit a relative distance, found {observed}"
                ),
            ));
        }
        out.push(Target {
            output: def.name.to_owned(),
            unit: def.unit.to_owned(),
            offset,
            year,
            observed,
            source,
        });
    }
    Ok(out)
}

fn free(
    scenario: &Scenario,
    spec: &CalibrationSpec,
    set: &[crate::spec::ParamSpec],
    o: &PlannedOption,
) -> Result<Vec<Free>, SpecError> {
    let err = |at: Location, field: String, message: String| SpecError {
        file: scenario.file.clone(),
        at,
        field,
        message,
    };
    let mut out: Vec<Free> = Vec::with_capacity(spec.free.len());
    for f in &spec.free {
        let field = format!("calibration.free.{}", f.name);
        let Some(index) = o.params.iter().position(|p| p.def.name == f.name) else {
            let hint = crate::spec::closest(&f.name, o.params.iter().map(|p| p.def.name))
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            return Err(err(
                f.at,
                field,
                format!("model \"{}\" has no parameter `{}`; {hint}", o.model.name(), f.name),
            ));
        };
        let def = o.params[index].def;
        if def.fixed {
            return Err(err(
                f.at,
                field,
                format!("`{}` is structural (fixed) and cannot be fitted", def.name),
            ));
        }
        if let Some(p) = set.iter().find(|p| p.name == f.name) {
            return Err(err(
                f.at,
                field,
                format!(
                    "`{}` is set in option \"{}\" (line {}); a fitted parameter takes its value from the calibration: remove one of them",
                    def.name, o.name, p.at.line
                ),
            ));
        }
        if !(def.domain.contains(f.min) && def.domain.contains(f.max))
            || def.domain == Domain::Count
        {
            return Err(err(
                f.at,
                field,
                format!(
                    "the prior [{}, {}] must lie in `{}`'s domain: {} (whole numbers cannot be fitted)",
                    f.min, f.max, def.name, def.domain
                ),
            ));
        }
        out.push(Free {
            name: def.name.to_owned(),
            unit: def.unit.to_owned(),
            index,
            min: f.min,
            max: f.max,
            source: f.source.clone(),
        });
    }
    Ok(out)
}

/// The posterior: equally weighted vectors of the fitted parameters, drawn jointly.
#[derive(Clone, Debug, PartialEq)]
pub struct Posterior {
    /// The fitted parameters' indices among the option's parameters.
    pub params: Vec<usize>,
    /// The vectors, row by row (`params.len()` values each).
    pub samples: Vec<f64>,
}

impl Posterior {
    /// Number of vectors.
    pub fn len(&self) -> usize {
        self.samples.len() / self.params.len().max(1)
    }

    /// Whether it holds no vector.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The vector a run's draw `draw` uses (seeded with `seed`).
    pub fn pick(&self, seed: u64, draw: u64) -> &[f64] {
        let mut rng = draw_rng(seed, draw);
        rng.set_block_pos(POSTERIOR_REGION);
        let n = self.len();
        let i = ((uniform01(&mut rng) * n as f64) as usize).min(n.saturating_sub(1));
        let m = self.params.len();
        &self.samples[i * m..(i + 1) * m]
    }

    /// The values of fitted parameter `j` (its column).
    pub fn column(&self, j: usize) -> Vec<f64> {
        let m = self.params.len();
        self.samples.iter().skip(j).step_by(m.max(1)).copied().collect()
    }
}

/// Median and 90 % interval.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// 5th percentile.
    pub p05: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
}

impl Interval {
    /// Of equally weighted values (quantiles of type 7, as the run's summary).
    pub fn of(values: &[f64]) -> Interval {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let q = |p: f64| crate::summary::quantile(&v, p);
        Interval { p05: q(0.05), p50: q(0.5), p95: q(0.95) }
    }
}

/// One target's fit.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetFit {
    /// The target.
    pub target: Target,
    /// The modelled value over the posterior's simulations (scaled to full size).
    pub modelled: Interval,
}

/// One fitted parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamFit {
    /// The parameter and its prior.
    pub free: Free,
    /// Its posterior.
    pub posterior: Interval,
}

/// One generation of the calibration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Generation {
    /// Its tolerance (∞ for generation 0).
    pub tolerance: f64,
    /// Simulations run.
    pub simulations: u64,
    /// Vectors kept.
    pub kept: u64,
}

/// A calibration's result.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    /// The fitted option's name.
    pub option: String,
    /// Its model.
    pub model: String,
    /// The settings, targets and free parameters.
    pub plan: CalibrationPlan,
    /// Whether the last generation reached the target tolerance.
    pub reached: bool,
    /// The largest distance among the posterior's vectors.
    pub distance: f64,
    /// Simulations run in all.
    pub simulations: u64,
    /// The generations.
    pub generations: Vec<Generation>,
    /// Each target's fit.
    pub targets: Vec<TargetFit>,
    /// Each fitted parameter.
    pub params: Vec<ParamFit>,
    /// The posterior.
    pub posterior: Arc<Posterior>,
}

/// A calibration that cannot be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CalibrationError {
    /// A simulation failed.
    #[error("calibration: {0}")]
    Run(#[from] RunError),
    /// The target tolerance was not reached within the budget of simulations.
    #[error(
        "calibration of option \"{option}\" did not reach its tolerance of {tolerance} within {simulations} simulations (the closest vectors are {distance:.3} from the targets): {hint}"
    )]
    NotReached {
        /// What stands in the way, in words ([`Calibration::diagnosis`]).
        hint: String,
        /// The fitted option.
        option: String,
        /// The target tolerance.
        tolerance: f64,
        /// The distance reached.
        distance: f64,
        /// Simulations run.
        simulations: u64,
    },
    /// Not even generation 0 found `particles` draws of the priors that the model
    /// accepts (e.g. shares that add up to more than 1) within the budget.
    #[error(
        "calibration of option \"{option}\": {simulations} draws of the priors did not give enough that the model accepts (its checks refuse the others: see the model's parameter relations); narrow the priors"
    )]
    NoValidDraw {
        /// The fitted option.
        option: String,
        /// Simulations run.
        simulations: u64,
    },
    /// The plan has no `[calibration]`.
    #[error("the scenario has no [calibration] table")]
    None,
}

/// A kept vector.
struct Particle {
    theta: Vec<f64>,
    distance: f64,
    weight: f64,
    modelled: Vec<f64>,
}

/// Runs the plan's calibration on the current rayon pool. `progress(simulations,
/// budget)` is called after each batch.
///
/// # Errors
/// [`CalibrationError::None`] without a calibration; [`CalibrationError::Run`] for a
/// simulation that fails (the lowest failing one of its batch). A calibration that does
/// not reach its tolerance is returned with `reached = false`.
pub fn calibrate(
    plan: &Plan,
    progress: &dyn Fn(u64, u64),
) -> Result<Calibration, CalibrationError> {
    let cal = plan.calibration.as_ref().ok_or(CalibrationError::None)?;
    let o = &plan.options[cal.option];
    let n = cal.spec.particles as usize;
    let budget = cal.spec.max_simulations;
    let mut sims: u64 = 0;
    let mut generations = Vec::new();
    let mut particles: Vec<Particle> = Vec::new();
    let mut reached = false;
    while !reached && generations.len() < MAX_GENERATIONS {
        // Generation 0 keeps every valid draw of the priors.
        let first = generations.is_empty();
        let epsilon =
            if first { f64::INFINITY } else { median_distance(&particles).max(cal.spec.tolerance) };
        let kernel = (!first).then(|| Kernel::of(&particles, cal.free.len()));
        let previous = kernel.as_ref().map(|k| (particles.as_slice(), k));
        let mut kept: Vec<Particle> = Vec::with_capacity(n);
        let mut spent = 0;
        while kept.len() < n && sims + (n as u64) <= budget {
            let batch = simulate_batch(cal, o, sims, n as u64, previous)?;
            sims += n as u64;
            spent += n as u64;
            progress(sims, budget);
            for (theta, distance, modelled) in batch {
                if distance.is_finite() && distance <= epsilon && kept.len() < n {
                    let weight = match previous {
                        Some((p, k)) => 1.0 / k.mixture(p, &theta),
                        None => 1.0,
                    };
                    kept.push(Particle { theta, distance, weight, modelled });
                }
            }
        }
        generations.push(Generation {
            tolerance: epsilon,
            simulations: spent,
            kept: kept.len() as u64,
        });
        if kept.len() < n {
            break;
        }
        normalise(&mut kept);
        particles = kept;
        reached = max_distance(&particles) <= cal.spec.tolerance;
    }
    if particles.is_empty() {
        return Err(CalibrationError::NoValidDraw { option: o.name.clone(), simulations: sims });
    }
    Ok(finish(plan, cal, particles, reached, sims, generations))
}

/// The result from the last complete generation, resampled to equal weights.
fn finish(
    plan: &Plan,
    cal: &CalibrationPlan,
    particles: Vec<Particle>,
    reached: bool,
    simulations: u64,
    generations: Vec<Generation>,
) -> Calibration {
    let o = &plan.options[cal.option];
    let chosen = systematic(&particles, cal.spec.seed);
    let m = cal.free.len();
    let mut samples = Vec::with_capacity(chosen.len() * m);
    for &i in &chosen {
        samples.extend_from_slice(&particles[i].theta);
    }
    let posterior = Posterior { params: cal.free.iter().map(|f| f.index).collect(), samples };
    let targets = cal
        .targets
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let values: Vec<f64> = chosen.iter().map(|&i| particles[i].modelled[k]).collect();
            TargetFit { target: t.clone(), modelled: Interval::of(&values) }
        })
        .collect();
    let params = cal
        .free
        .iter()
        .enumerate()
        .map(|(j, f)| ParamFit { free: f.clone(), posterior: Interval::of(&posterior.column(j)) })
        .collect();
    Calibration {
        option: o.name.clone(),
        model: o.model.name().to_owned(),
        plan: cal.clone(),
        reached,
        distance: max_distance(&particles),
        simulations,
        generations,
        targets,
        params,
        posterior: Arc::new(posterior),
    }
}

/// Indices of `particles` chosen by systematic resampling (one uniform from the seed).
fn systematic(particles: &[Particle], seed: u64) -> Vec<usize> {
    let n = particles.len();
    let mut rng = draw_rng(seed, u64::MAX);
    rng.set_block_pos(PROPOSAL_REGION);
    let u = uniform01(&mut rng);
    let mut out = Vec::with_capacity(n);
    let mut cum = 0.0;
    let mut i = 0;
    for k in 0..n {
        let point = (k as f64 + u) / n as f64;
        while i + 1 < n && cum + particles[i].weight < point {
            cum += particles[i].weight;
            i += 1;
        }
        out.push(i);
    }
    out
}

fn normalise(particles: &mut [Particle]) {
    let total: f64 = particles.iter().map(|p| p.weight).sum();
    for p in particles {
        p.weight /= total;
    }
}

fn max_distance(particles: &[Particle]) -> f64 {
    particles.iter().map(|p| p.distance).fold(0.0, f64::max)
}

fn median_distance(particles: &[Particle]) -> f64 {
    let mut d: Vec<f64> = particles.iter().map(|p| p.distance).collect();
    d.sort_by(f64::total_cmp);
    crate::summary::quantile(&d, 0.5)
}

/// The perturbation kernel: independent normal steps, variance twice the particles'
/// weighted variance in each free parameter.
struct Kernel {
    sd: Vec<f64>,
    /// Cumulative weights, for picking a parent.
    cumulative: Vec<f64>,
}

impl Kernel {
    fn of(particles: &[Particle], m: usize) -> Kernel {
        let mut sd = Vec::with_capacity(m);
        for j in 0..m {
            let mean: f64 = particles.iter().map(|p| p.weight * p.theta[j]).sum();
            let var: f64 = particles.iter().map(|p| p.weight * (p.theta[j] - mean).powi(2)).sum();
            sd.push((2.0 * var).sqrt());
        }
        let mut cumulative = Vec::with_capacity(particles.len());
        let mut c = 0.0;
        for p in particles {
            c += p.weight;
            cumulative.push(c);
        }
        Kernel { sd, cumulative }
    }

    /// Σⱼ wⱼ K(θ | θⱼ), up to a constant factor common to every θ.
    fn mixture(&self, particles: &[Particle], theta: &[f64]) -> f64 {
        let mut total = 0.0;
        for p in particles {
            let mut z2 = 0.0;
            for (j, (&a, &b)) in theta.iter().zip(&p.theta).enumerate() {
                if self.sd[j] > 0.0 {
                    z2 += ((a - b) / self.sd[j]).powi(2);
                }
            }
            total += p.weight * (-0.5 * z2).exp();
        }
        total.max(f64::MIN_POSITIVE)
    }

    fn parent(&self, u: f64) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let point = u * total;
        self.cumulative.partition_point(|&c| c <= point).min(self.cumulative.len() - 1)
    }
}

/// A simulated proposal: the free parameters, the distance, the modelled targets.
type Simulated = (Vec<f64>, f64, Vec<f64>);

/// Simulations `first .. first + count`, in parallel, in index order.
fn simulate_batch(
    cal: &CalibrationPlan,
    o: &PlannedOption,
    first: u64,
    count: u64,
    previous: Option<(&[Particle], &Kernel)>,
) -> Result<Vec<Simulated>, CalibrationError> {
    let seed = cal.spec.seed;
    let results: Vec<Result<Simulated, RunError>> = (first..first + count)
        .into_par_iter()
        .map_init(
            || (Outputs::new(o.model.outputs(), o.horizon), vec![0.0; o.params.len()]),
            |(out, vals), s| {
                let theta = propose(cal, seed, s, previous);
                simulate_one(cal, o, s, &theta, out, vals).map(|(d, m)| (theta, d, m))
            },
        )
        .collect();
    results.into_iter().map(|r| r.map_err(CalibrationError::from)).collect()
}

/// The free parameters of simulation `s`: from the priors, or a step from a parent.
fn propose(
    cal: &CalibrationPlan,
    seed: u64,
    s: u64,
    previous: Option<(&[Particle], &Kernel)>,
) -> Vec<f64> {
    let mut rng = draw_rng(seed, s);
    rng.set_block_pos(PROPOSAL_REGION);
    let prior =
        |rng: &mut crate::model::DrawRng, f: &Free| f.min + (f.max - f.min) * uniform01(rng);
    let Some((particles, kernel)) = previous else {
        return cal.free.iter().map(|f| prior(&mut rng, f)).collect();
    };
    let parent = &particles[kernel.parent(uniform01(&mut rng))].theta;
    cal.free
        .iter()
        .enumerate()
        .map(|(j, f)| {
            for _ in 0..MAX_RETRIES {
                let x = parent[j] + kernel.sd[j] * standard_normal(&mut rng);
                if (f.min..=f.max).contains(&x) {
                    return x;
                }
            }
            parent[j]
        })
        .collect()
}

/// Runs simulation `s` with the free parameters `theta`; its distance and modelled
/// targets (scaled to full size).
fn simulate_one(
    cal: &CalibrationPlan,
    o: &PlannedOption,
    s: u64,
    theta: &[f64],
    out: &mut Outputs,
    vals: &mut [f64],
) -> Result<(f64, Vec<f64>), RunError> {
    let seed = cal.spec.seed;
    for (k, p) in o.params.iter().enumerate() {
        vals[k] = sample_param(seed, s, k, p, &o.name)?;
    }
    for (f, &x) in cal.free.iter().zip(theta) {
        vals[f.index] = x;
    }
    if let Some((k, small)) = cal.simulated {
        vals[k] = small;
    }
    let params = Params::new(o.model.parameters(), vals);
    let model_err = |source| RunError::Model { draw: s, option: o.name.clone(), source };
    if o.model.check(&params).is_err() {
        // Outside the model's valid region: the prior's density is 0 there.
        return Ok((f64::INFINITY, vec![f64::NAN; cal.targets.len()]));
    }
    out.clear();
    let mut rng = draw_rng(seed, s);
    o.model.simulate(&params, &mut rng, out).map_err(model_err)?;
    let mut distance: f64 = 0.0;
    let mut modelled = Vec::with_capacity(cal.targets.len());
    for t in &cal.targets {
        let m = out.values()[t.offset] * cal.scale;
        let d = (m / t.observed - 1.0).abs();
        distance = distance.max(if d.is_nan() { f64::INFINITY } else { d });
        modelled.push(m);
    }
    Ok((distance, modelled))
}

/// A calibration as a run records it (in its manifest): what was fitted to what, and
/// how well; the posterior's vectors themselves are in the parameters' values.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalibrationFit {
    /// The fitted option.
    pub option: String,
    /// Its model.
    pub model: String,
    /// The method, in words.
    pub method: String,
    /// The target tolerance.
    pub tolerance: f64,
    /// The largest distance among the posterior's vectors.
    pub distance: f64,
    /// Simulations run.
    pub simulations: u64,
    /// The calibration's seed.
    pub seed: u64,
    /// Each target: observed, and modelled over the posterior's simulations.
    pub targets: Vec<TargetRecord>,
    /// Each fitted parameter: prior and posterior.
    pub parameters: Vec<ParamRecord>,
}

/// A target as recorded.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetRecord {
    /// The output.
    pub output: String,
    /// Model year (1-based) for a series.
    pub year: Option<usize>,
    /// Unit.
    pub unit: String,
    /// Observed value.
    pub observed: f64,
    /// Its source.
    pub source: String,
    /// Modelled in the calibration.
    pub modelled: Interval,
}

/// A fitted parameter as recorded.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParamRecord {
    /// The parameter.
    pub name: String,
    /// Unit.
    pub unit: String,
    /// Prior lower bound.
    pub min: f64,
    /// Prior upper bound.
    pub max: f64,
    /// Posterior.
    pub posterior: Interval,
}

/// The method's name, as recorded.
pub const METHOD: &str = "ABC population Monte Carlo (Beaumont et al. 2009), uniform priors, distance max |modelled/observed - 1|";

impl Calibration {
    /// What keeps a calibration from its tolerance, in words: the target furthest from
    /// its observed value, and the fitted parameters pressed against an end of their
    /// prior (the model cannot go further within it).
    pub fn diagnosis(&self) -> String {
        let mut parts = Vec::new();
        if let Some(t) = self.targets.iter().max_by(|a, b| {
            let gap = |t: &TargetFit| (t.modelled.p50 / t.target.observed - 1.0).abs();
            gap(a).total_cmp(&gap(b))
        }) {
            let gap = 100.0 * (t.modelled.p50 / t.target.observed - 1.0);
            parts.push(format!("`{}` is {gap:+.1} % from its observed value", t.target.output));
        }
        for p in &self.params {
            let edge = 0.01 * (p.free.max - p.free.min);
            if p.posterior.p95 >= p.free.max - edge {
                parts.push(format!(
                    "`{}` is at the upper end of its prior ({})",
                    p.free.name, p.free.max
                ));
            } else if p.posterior.p05 <= p.free.min + edge {
                parts.push(format!(
                    "`{}` is at the lower end of its prior ({})",
                    p.free.name, p.free.min
                ));
            }
        }
        let pressed = self.params.iter().any(|p| {
            let edge = 0.01 * (p.free.max - p.free.min);
            p.posterior.p95 >= p.free.max - edge || p.posterior.p05 <= p.free.min + edge
        });
        let advice = if pressed {
            "the model cannot reach the targets within these priors: check that the targets and the model describe the same thing, the parameters the fit depends on and the file sets (a wage, a contract length, a starting stock), a break in the series the targets come from, or widen a prior that is too narrow"
        } else {
            "raise max_simulations, or check the targets and the parameters the fit depends on"
        };
        format!("{}; {advice}", parts.join("; "))
    }

    /// Generations that kept all their particles (the last may have stopped short).
    pub fn complete_generations(&self) -> usize {
        let n = self.plan.spec.particles;
        self.generations.iter().filter(|g| g.kept == n).count()
    }

    /// The record of this calibration for a run's manifest.
    pub fn fit(&self) -> CalibrationFit {
        CalibrationFit {
            option: self.option.clone(),
            model: self.model.clone(),
            method: METHOD.to_owned(),
            tolerance: self.plan.spec.tolerance,
            distance: self.distance,
            simulations: self.simulations,
            seed: self.plan.spec.seed,
            targets: self
                .targets
                .iter()
                .map(|t| TargetRecord {
                    output: t.target.output.clone(),
                    year: t.target.year,
                    unit: t.target.unit.clone(),
                    observed: t.target.observed,
                    source: t.target.source.clone(),
                    modelled: t.modelled,
                })
                .collect(),
            parameters: self
                .params
                .iter()
                .map(|p| ParamRecord {
                    name: p.free.name.clone(),
                    unit: p.free.unit.clone(),
                    min: p.free.min,
                    max: p.free.max,
                    posterior: p.posterior,
                })
                .collect(),
        }
    }
}

impl Plan {
    /// This plan with `calibration` applied: every option of the fitted model draws the
    /// fitted parameters jointly from the posterior, except a parameter the option sets
    /// in the scenario file (a policy that changes it).
    ///
    /// # Errors
    /// [`CalibrationError::NotReached`] when the calibration did not reach its tolerance.
    pub fn calibrated(&self, calibration: &Calibration) -> Result<Plan, CalibrationError> {
        if !calibration.reached {
            return Err(CalibrationError::NotReached {
                hint: calibration.diagnosis(),
                option: calibration.option.clone(),
                tolerance: calibration.plan.spec.tolerance,
                distance: calibration.distance,
                simulations: calibration.simulations,
            });
        }
        let mut plan = self.clone();
        let post = &calibration.posterior;
        for o in &mut plan.options {
            if o.model.name() != calibration.model {
                continue;
            }
            let mut fitted = Posterior { params: Vec::new(), samples: Vec::new() };
            let mut columns = Vec::new();
            for (j, &k) in post.params.iter().enumerate() {
                if matches!(o.params[k].origin, Origin::File { .. }) {
                    continue;
                }
                fitted.params.push(k);
                columns.push(post.column(j));
                o.params[k].value = crate::dist::Distribution::new(crate::dist::Dist::Empirical {
                    values: post.column(j),
                });
                o.params[k].origin = Origin::Calibrated {
                    option: calibration.option.clone(),
                    targets: calibration
                        .targets
                        .iter()
                        .map(|t| t.target.output.clone())
                        .collect::<Vec<_>>()
                        .join(", "),
                };
            }
            if fitted.params.is_empty() {
                continue;
            }
            for i in 0..post.len() {
                for c in &columns {
                    fitted.samples.push(c[i]);
                }
            }
            o.posterior = Some(Arc::new(fitted));
        }
        plan.calibrated = Some(Arc::new(calibration.clone()));
        Ok(plan)
    }
}
