//! Assessment frameworks and cross-impact matrices: the thinking behind Coherence's
//! coherence assessment, with no I/O.
//!
//! * [`framework`]: a framework as data — domains, items, answer scales with points,
//!   bands, the rule for unanswered items — and [`Framework::validate`], which names
//!   the offending field of any mistake. The file format lives in `ingest`.
//! * [`score`]: scores a set of answers with exact fractions ([`Rational`]), so that a
//!   domain score of exactly 40 or 80 falls in the band that starts there (SDG 10.7.2's
//!   bounds are inclusive). A checklist framework (MGI-style) only tallies answers: it
//!   never produces a score, a band or a ranking.
//! * [`matrix`]: cross-impact judgements on the Nilsson scale −3 … +3 by several
//!   assessors, aggregated by the median, with their disagreement.
//! * [`metrics`]: out- and in-influence (positive and negative parts), a second-order
//!   term under an explicit [`metrics::SignConvention`], [`metrics::SecondOrderScale`] and
//!   [`metrics::SelfPaths`], strength and PageRank on the positive network, the
//!   strongest conflicts.
//! * [`render`]: the matrix and its metrics as CSV, JSON and GraphML text.
//!
//! # Example
//! ```
//! use assess::matrix::{self, Judgement};
//! use assess::metrics::{self, MetricsOptions};
//!
//! let j = |from: &str, to: &str, score: i8| Judgement {
//!     assessor: "A".into(), from: from.into(), to: to.into(), score,
//!     confidence: None, rationale: "r".into(), evidence: vec![], row: 0,
//! };
//! let m = matrix::aggregate(&[j("a", "b", 2), j("b", "a", -1)])?;
//! let out = metrics::compute(&m, &MetricsOptions::default());
//! assert_eq!(out.nodes[0].out_influence, 2.0);
//! # Ok::<(), assess::Error>(())
//! ```

pub mod framework;
pub mod matrix;
pub mod metrics;
mod rational;
pub mod render;
pub mod score;

pub use framework::Framework;
pub use rational::Rational;

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error of the assessment crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A number that is not an exact decimal or fraction.
    #[error(
        "{text:?} is not an exact number (write a decimal such as 0.5 or a fraction such as 1/2)"
    )]
    Number {
        /// What was given.
        text: String,
    },
    /// A framework that breaks a rule; `path` names the field.
    #[error("framework field {path}: {message}")]
    Framework {
        /// The offending field.
        path: framework::FieldPath,
        /// What is wrong.
        message: String,
    },
    /// An answer to an item the framework does not have.
    #[error("framework {framework} has no item {item:?}")]
    UnknownItem {
        /// The framework's id.
        framework: String,
        /// The item given.
        item: String,
    },
    /// An answer that is not a level of the item's scale.
    #[error("item {item}: {answer:?} is not an answer of this item (one of: {allowed})")]
    UnknownAnswer {
        /// The item.
        item: String,
        /// The answer given.
        answer: String,
        /// The allowed codes, comma-separated.
        allowed: String,
    },
    /// Two answers to the same item.
    #[error("item {item} is answered twice")]
    DuplicateAnswer {
        /// The item.
        item: String,
    },
    /// Points or percentages too large to add, multiply or divide exactly (a framework
    /// whose points are near 2^63, or whose many denominators have no small common
    /// multiple).
    #[error(
        "framework {framework}: the exact score of {what} does not fit in 64-bit fractions; use smaller points"
    )]
    Overflow {
        /// The framework's id.
        framework: String,
        /// What was being computed (a domain, the overall score).
        what: String,
    },
    /// A cross-impact judgement that breaks a rule.
    #[error("cross-impact judgement{}: {message}", row_text(*.row))]
    Judgement {
        /// The judgement's row in its file (0 when not from a file).
        row: u32,
        /// What is wrong.
        message: String,
    },
}

fn row_text(row: u32) -> String {
    if row == 0 { String::new() } else { format!(" on row {row}") }
}
