//! Coherence's development tasks, as a library so that tests can run them.
//!
//! * [`layering`]: the architecture invariants of the workspace (ARCHITECTURE.md,
//!   STYLE.md §8), checked on the JSON of `cargo metadata --format-version 1` and on
//!   the sources of the pure crates.
//! * [`tidy`]: the repository checks that `cargo run -p xtask -- tidy` runs: the
//!   layering, a `//!` crate doc at the top of every crate root, and no `#[ignore]`
//!   under `crates/`.
//!
//! Every check returns a list of [`Violation`]s; an empty list means the check passed.

use std::fmt;
use std::path::PathBuf;

pub mod layering;
pub mod tidy;

/// One broken invariant, with enough detail to find and fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Violation {
    /// A pure crate reaches a forbidden crate through its normal dependencies.
    ForbiddenDependency {
        /// The pure crate.
        krate: String,
        /// The forbidden crate it reaches.
        dependency: String,
        /// The dependency chain, from the pure crate to the forbidden one.
        chain: Vec<String>,
        /// Why the dependency is forbidden.
        reason: String,
    },
    /// A dependency edge between two crates that the layering forbids.
    ForbiddenEdge {
        /// The dependent crate.
        from: String,
        /// The crate it depends on.
        to: String,
        /// The kind of dependency: `normal`, `dev` or `build`.
        kind: String,
        /// The rule the edge breaks.
        rule: String,
    },
    /// A forbidden path or macro in the source of a pure crate.
    ForbiddenSource {
        /// The pure crate.
        krate: String,
        /// The source file.
        file: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// The forbidden text found.
        pattern: String,
    },
    /// A crate root (`lib.rs` or `main.rs`) that does not start with a `//!` doc.
    MissingCrateDoc {
        /// The crate root file.
        file: PathBuf,
    },
    /// An `#[ignore]` attribute: a test that never runs.
    IgnoredTest {
        /// The source file.
        file: PathBuf,
        /// The 1-based line number.
        line: usize,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::ForbiddenDependency { krate, dependency, chain, reason } => write!(
                f,
                "pure crate `{krate}` depends on `{dependency}` ({reason}): {}",
                chain.join(" -> ")
            ),
            Violation::ForbiddenEdge { from, to, kind, rule } => {
                write!(f, "`{from}` has a {kind} dependency on `{to}`: {rule}")
            }
            Violation::ForbiddenSource { krate, file, line, pattern } => {
                write!(f, "{}:{line}: pure crate `{krate}` uses `{pattern}`", file.display())
            }
            Violation::MissingCrateDoc { file } => {
                write!(f, "{}: a crate root must start with a `//!` crate doc", file.display())
            }
            Violation::IgnoredTest { file, line } => {
                write!(
                    f,
                    "{}:{line}: `#[ignore]` is not allowed; fix or delete the test",
                    file.display()
                )
            }
        }
    }
}

/// Why a check could not run at all (as opposed to finding violations).
#[derive(Debug)]
pub struct Error(String);

impl Error {
    pub(crate) fn new(message: impl Into<String>) -> Error {
        Error(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}
