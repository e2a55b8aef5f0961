//! Coherence's development tasks, as a library so that tests can run them.
//!
//! * [`layering`]: the architecture invariants of the workspace (ARCHITECTURE.md,
//!   STYLE.md §8), checked on the JSON of `cargo metadata --format-version 1` and on
//!   the sources of the pure crates.
//! * [`owners`]: the owner rules (one crate alone uses sqlx, an HTTP client, axum;
//!   `ingest` touches no file) and the walk that keeps adapters out of pure crates.
//! * [`tidy`]: the repository checks that `cargo run -p xtask -- tidy` runs: the
//!   layering, a `//!` crate doc at the top of every crate root, and no `#[ignore]`
//!   under `crates/`.
//!
//! Every check returns a list of [`Violation`]s; an empty list means the check passed.

use std::fmt;
use std::path::PathBuf;

pub mod layering;
pub mod owners;
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
    /// A crate depends directly on a crate that another crate owns (an owner rule).
    OwnerDependency {
        /// The id of the owner rule.
        rule: String,
        /// The dependent crate.
        krate: String,
        /// The dependency edge: the crate, then the owned crate.
        chain: Vec<String>,
        /// The rule in words.
        why: String,
    },
    /// A crate's source names what an owner rule keeps out of it.
    OwnerSource {
        /// The id of the owner rule.
        rule: String,
        /// The crate.
        krate: String,
        /// The source file.
        file: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// The text found.
        pattern: String,
        /// The rule in words.
        why: String,
    },
    /// A pure crate reaches an adapter (an I/O crate of the workspace, or a crate one
    /// owner alone may use), possibly through other crates.
    AdapterReached {
        /// The pure crate.
        krate: String,
        /// The adapter it reaches.
        adapter: String,
        /// The dependency path, from the pure crate to the adapter.
        chain: Vec<String>,
    },
    /// An exception of the adapter walk that no longer hides any adapter: remove it.
    StaleException {
        /// The pure crate.
        krate: String,
        /// The crate the walk was told not to enter.
        through: String,
    },
}

impl Violation {
    /// The id of the rule broken, the same for every violation of one rule (an owner
    /// rule's own id, or the name of the check).
    pub fn rule(&self) -> &str {
        match self {
            Violation::ForbiddenDependency { .. } => "pure-dependency",
            Violation::ForbiddenEdge { .. } => "edge",
            Violation::ForbiddenSource { .. } => "pure-source",
            Violation::MissingCrateDoc { .. } => "crate-doc",
            Violation::IgnoredTest { .. } => "no-ignore",
            Violation::OwnerDependency { rule, .. } | Violation::OwnerSource { rule, .. } => rule,
            Violation::AdapterReached { .. } => "pure-no-adapter",
            Violation::StaleException { .. } => "stale-exception",
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] ", self.rule())?;
        match self {
            Violation::ForbiddenDependency { krate, dependency, chain, reason } => write!(
                f,
                "pure crate `{krate}` depends on `{dependency}` ({reason}): {}",
                chain.join(" → ")
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
            Violation::OwnerDependency { krate, chain, why, .. } => {
                let dependency = chain.last().map_or("", String::as_str);
                write!(f, "`{krate}` depends on `{dependency}`, but {why}: {}", chain.join(" → "))
            }
            Violation::OwnerSource { krate, file, line, pattern, why, .. } => {
                write!(f, "{}:{line}: `{krate}` uses `{pattern}`, but {why}", file.display())
            }
            Violation::AdapterReached { krate, adapter, chain } => write!(
                f,
                "pure crate `{krate}` reaches the adapter `{adapter}`: {}",
                chain.join(" → ")
            ),
            Violation::StaleException { krate, through } => write!(
                f,
                "pure crate `{krate}` no longer reaches an adapter through `{through}`: \
                 remove the exception from the policy"
            ),
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
