//! Scenario engine: the effects of policy options, quantified with uncertainty.
//!
//! A scenario is a baseline (a corridor or a country in a year, with values taken from
//! the store by `analysis`) and one or more policy options. Each option names a
//! [`model::Model`] and gives its parameters as values or distributions. The engine
//! draws every parameter, runs the model, and keeps every output of every draw.
//!
//! Reproducibility: draw `i` uses its own random stream derived from `(seed, i)`
//! ([`model::draw_rng`]), so results are bit-identical whatever the thread count, and a
//! run split into shards and merged equals the unsharded run.
//!
//! This crate does no I/O and reads no clock; writers take `impl Write`.
//!
//! The pipeline: [`spec::parse`] a scenario file, [`spec::resolve`] it against the models
//! and a baseline, [`engine::run`] it (on the caller's rayon pool), then
//! [`summary::summarise`], [`summary::compare_options`], or write the files of
//! [`output`] and [`arrow`]. Shards of one run are joined by [`engine::merge`].
//!
//! A large run is streamed: [`engine::run_each`] checks the [`engine::Limits`] against
//! the run's [`engine::Footprint`] before the first draw, then hands over the rows block
//! by block in draw order, for the writers ([`output::CsvRows`], [`arrow::ArrowWriter`])
//! and the [`summary::Summariser`], which keeps only each output's values.
//!
//! ```no_run
//! use montecarlo::engine::{RunOptions, Shard};
//! use montecarlo::model::Baseline;
//!
//! fn run(text: &str, baseline: &Baseline) -> Result<(), Box<dyn std::error::Error>> {
//!     let scenario = montecarlo::parse("scenario.toml", text)?;
//!     let plan = montecarlo::resolve(&scenario, baseline, &montecarlo::models::all())?;
//!     let opts = RunOptions { draws: 1000, seed: 7, shard: Shard::FULL };
//!     let ensemble = montecarlo::run(&plan, &opts, &|_done, _total| {})?;
//!     let mut csv = Vec::new();
//!     montecarlo::output::write_draws_csv(&ensemble, &mut csv)?;
//!     for row in montecarlo::summarise(&ensemble) {
//!         println!("{} {} {:?}: median {}", row.option, row.metric, row.year, row.stats.p50);
//!     }
//!     Ok(())
//! }
//! ```
//!
//! Errors in a scenario file name the file, line, column and field:
//!
//! ```
//! let err = montecarlo::parse("s.toml", "[scenario]\nname = 1\n").unwrap_err();
//! assert_eq!(err.to_string(), "s.toml:2:8: scenario.name: expected a string, found integer");
//! ```

pub mod arrow;
pub mod calibrate;
pub mod dist;
pub mod engine;
pub mod model;
pub mod models;
pub mod output;
pub mod parquet;
pub mod spec;
pub mod summary;
pub mod sweep;

pub use dist::{Dist, Distribution};
pub use engine::{
    Ensemble, Limits, MergeError, RunError, RunInfo, RunOptions, Shard, merge, run, run_each,
};
pub use spec::{Plan, Scenario, SpecError, parse, resolve};
pub use summary::{CompareError, DiffRow, Stats, SummaryRow, compare, compare_options, summarise};
