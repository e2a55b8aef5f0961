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

pub mod arrow;
pub mod dist;
pub mod engine;
pub mod model;
pub mod models;
pub mod output;
pub mod spec;
pub mod summary;

pub use dist::{Dist, Distribution};
pub use engine::{Ensemble, MergeError, RunError, RunInfo, RunOptions, Shard, merge, run};
pub use spec::{Plan, Scenario, SpecError, parse, resolve};
pub use summary::{CompareError, DiffRow, Stats, SummaryRow, compare, compare_options, summarise};
