//! Owner rules and the adapter walk: which crate alone may touch SQL, HTTP, the web
//! framework or the file system, and that no pure crate reaches one of those crates,
//! however many crates stand in between.
//!
//! # Owner rules
//!
//! One table, [`coherence`], says for each [`Owned`] thing (direct dependencies on
//! crates matching a pattern, or a text in the source) which crates may use it
//! ([`Scope`]). [`check_owners`] reports every use elsewhere:
//!
//! * A dependency counts when it is direct, normal or build. Reaching `sqlx` through
//!   `store` is what the owner is for; a dev-dependency is test code (the server's
//!   tests may well call it with an HTTP client).
//! * A source pattern is looked for in the crate's `src/` folder only, as the pure
//!   crates' scan does (comments, literals and `#[cfg(test)]` items blanked; the
//!   integration tests under `tests/` are not scanned: they may write temporary
//!   files). One violation per line, however many of the patterns it holds.
//! * An owner that does not exist yet (`server`) still owns: every other crate is
//!   checked.
//!
//! `hyper` is in no rule: it is the HTTP engine under axum as well as under HTTP
//! clients, so it is owned through them.
//!
//! # The adapter walk
//!
//! [`check_adapters`] starts at each pure crate and follows normal dependencies
//! through every crate, workspace crates that are not pure included (which the
//! forbidden-dependency walk of [`crate::layering`] does not enter). It stops at
//! the first adapter of each path: a crate in [`Policy::adapters`] or one that an
//! owner rule restricts (`sqlx`, `ureq`, `axum`, …). Each adapter is reported once per
//! pure crate, with the shortest path, unless the forbidden-dependency walk covers it
//! already: a crate of the pure crate's forbidden list on a path of pure and external
//! crates only (such as `domain → sqlx`).
//! A pure crate's [`PureCrate::through`] crates are not entered; an exception that
//! no longer hides anything is itself a violation.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::layering::{self, CratePattern, DepKind, Graph, Policy, PureCrate, matches_pattern};
use crate::{Error, Violation};

/// What an owner rule restricts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Owned {
    /// Direct normal or build dependencies on crates matching these patterns.
    Dependency(Vec<CratePattern>),
    /// These texts in a crate's `src/` (outside comments, literals and test items).
    Source(Vec<&'static str>),
}

/// Which workspace crates an owner rule checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Only this crate (which need not exist) may use it: every other crate is checked.
    OnlyIn(&'static str),
    /// This crate may not use it: it alone is checked.
    NotIn(&'static str),
}

impl Scope {
    fn applies_to(&self, krate: &str) -> bool {
        match self {
            Scope::OnlyIn(owner) => krate != *owner,
            Scope::NotIn(target) => krate == *target,
        }
    }
}

/// One row of the owner table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerRule {
    /// The rule's id, as the violations name it (`sqlx-only-in-store`).
    pub id: &'static str,
    /// What is restricted.
    pub owned: Owned,
    /// Where it may not be used.
    pub scope: Scope,
    /// The rule in words, for the message.
    pub why: &'static str,
}

/// HTTP client crates: the network belongs to `fetch`.
const HTTP_CLIENTS: &[CratePattern] =
    &["ureq", "reqwest", "isahc", "attohttpc", "curl", "minreq", "surf"];

/// Coherence's owner table (ARCHITECTURE.md, Layering).
pub fn coherence() -> Vec<OwnerRule> {
    vec![
        OwnerRule {
            id: "sqlx-only-in-store",
            owned: Owned::Dependency(vec!["sqlx", "sqlx-*"]),
            scope: Scope::OnlyIn("store"),
            why: "only `store` speaks SQL",
        },
        OwnerRule {
            id: "http-client-only-in-fetch",
            owned: Owned::Dependency(HTTP_CLIENTS.to_vec()),
            scope: Scope::OnlyIn("fetch"),
            why: "only `fetch` makes HTTP requests",
        },
        OwnerRule {
            id: "axum-only-in-server",
            owned: Owned::Dependency(vec!["axum", "axum-*", "tower-http"]),
            scope: Scope::OnlyIn("server"),
            why: "only `server` serves HTTP",
        },
        OwnerRule {
            id: "no-fs-in-ingest",
            owned: Owned::Source(vec![
                "std::fs",
                "fs::",
                "File::open",
                "File::create",
                "OpenOptions",
            ]),
            scope: Scope::NotIn("ingest"),
            why: "`ingest` reads the bytes its callers pass",
        },
    ]
}

/// Checks the owner rules of `policy` on the workspace in `metadata_json`.
///
/// # Errors
/// Returns [`Error`] if the JSON is not cargo metadata or a source file cannot be read.
pub fn check_owners(metadata_json: &str, policy: &Policy) -> Result<Vec<Violation>, Error> {
    let graph = Graph::parse(metadata_json)?;
    let mut violations = Vec::new();
    for rule in &policy.owners {
        match &rule.owned {
            Owned::Dependency(patterns) => {
                owned_dependencies(&graph, rule, patterns, &mut violations)
            }
            Owned::Source(patterns) => owned_sources(&graph, rule, patterns, &mut violations)?,
        }
    }
    Ok(violations)
}

fn owned_dependencies(
    graph: &Graph,
    rule: &OwnerRule,
    patterns: &[CratePattern],
    out: &mut Vec<Violation>,
) {
    for (id, package) in graph.packages.iter().filter(|(_, p)| p.member) {
        if !rule.scope.applies_to(&package.name) {
            continue;
        }
        for (dep, kinds) in graph.edges(id) {
            let name = graph.name(dep);
            let runtime = kinds.iter().any(|k| *k != DepKind::Dev);
            if runtime && patterns.iter().any(|p| matches_pattern(p, name)) {
                out.push(Violation::OwnerDependency {
                    rule: rule.id.to_owned(),
                    krate: package.name.clone(),
                    chain: vec![package.name.clone(), name.to_owned()],
                    why: rule.why.to_owned(),
                });
            }
        }
    }
}

fn owned_sources(
    graph: &Graph,
    rule: &OwnerRule,
    patterns: &[&'static str],
    out: &mut Vec<Violation>,
) -> Result<(), Error> {
    for package in graph.packages.values().filter(|p| p.member) {
        if !rule.scope.applies_to(&package.name) {
            continue;
        }
        let mut lines = BTreeSet::new();
        for (file, line, pattern) in layering::scan_src(package, patterns)? {
            if lines.insert((file.clone(), line)) {
                out.push(Violation::OwnerSource {
                    rule: rule.id.to_owned(),
                    krate: package.name.clone(),
                    file,
                    line,
                    pattern: pattern.to_owned(),
                    why: rule.why.to_owned(),
                });
            }
        }
    }
    Ok(())
}

/// Whether the package `id` is an adapter under `policy`: a workspace adapter or a
/// crate that an owner rule restricts to one owner.
fn is_adapter(policy: &Policy, graph: &Graph, id: &str) -> bool {
    let name = graph.name(id);
    if graph.is_member(id) {
        return policy.adapters.contains(&name);
    }
    policy.owners.iter().any(|rule| match &rule.owned {
        Owned::Dependency(patterns) => patterns.iter().any(|p| matches_pattern(p, name)),
        Owned::Source(_) => false,
    })
}

/// Checks that no pure crate of `policy` reaches an adapter through its normal
/// dependencies, and that every [`PureCrate::through`] exception is still needed.
///
/// # Errors
/// Returns [`Error`] if the JSON is not cargo metadata with a `resolve` graph.
pub fn check_adapters(metadata_json: &str, policy: &Policy) -> Result<Vec<Violation>, Error> {
    let graph = Graph::parse(metadata_json)?;
    let mut violations = Vec::new();
    for pure in &policy.pure {
        if let Some((id, _)) = graph.member(pure.name) {
            adapters_reached(&graph, policy, pure, id, &mut violations);
            stale_exceptions(&graph, policy, pure, id, &mut violations);
        }
    }
    Ok(violations)
}

/// Breadth-first walk from the pure crate at `start` through every crate but its
/// exceptions, reporting each adapter once, with its shortest path.
fn adapters_reached(
    graph: &Graph,
    policy: &Policy,
    pure: &PureCrate,
    start: &str,
    out: &mut Vec<Violation>,
) {
    let is_impure_member =
        |id: &str| graph.is_member(id) && !policy.pure.iter().any(|p| p.name == graph.name(id));
    let parent = walk(graph, start, |id| {
        let exempt = graph.is_member(id) && pure.through.contains(&graph.name(id));
        !exempt && !is_adapter(policy, graph, id)
    });
    for (&id, _) in parent.iter().filter(|(id, _)| is_adapter(policy, graph, id)) {
        let name = graph.name(id);
        let via_impure = chain_ids(&parent, start, id).iter().any(|at| is_impure_member(at));
        let forbidden = pure.forbidden.iter().any(|(p, _)| matches_pattern(p, name));
        // The forbidden-dependency walk covers a forbidden crate on a path of pure and
        // external crates: one report is enough.
        if via_impure || !forbidden {
            out.push(Violation::AdapterReached {
                krate: pure.name.to_owned(),
                adapter: name.to_owned(),
                chain: layering::chain_to(graph, &parent, start, id),
            });
        }
    }
}

/// The ids strictly between `start` and `end` on the recorded path.
fn chain_ids<'a>(parent: &BTreeMap<&'a str, &'a str>, start: &str, end: &str) -> Vec<&'a str> {
    let mut ids = Vec::new();
    let mut at = parent[end];
    while at != start {
        ids.push(at);
        at = parent[at];
    }
    ids
}

/// Breadth-first walk of normal dependencies from `start`, entering only the crates
/// for which `enter` holds. Returns every reached id → the id it was reached from.
fn walk<'g>(
    graph: &'g Graph,
    start: &'g str,
    enter: impl Fn(&str) -> bool,
) -> BTreeMap<&'g str, &'g str> {
    let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(id) = queue.pop_front() {
        for (dep, kinds) in graph.edges(id) {
            let dep = dep.as_str();
            if !kinds.contains(&DepKind::Normal) || dep == start || parent.contains_key(dep) {
                continue;
            }
            parent.insert(dep, id);
            if enter(dep) {
                queue.push_back(dep);
            }
        }
    }
    parent
}

/// Reports the exceptions of `pure` that hide nothing: the pure crate does not depend
/// on the crate directly, or no adapter lies behind it.
fn stale_exceptions(
    graph: &Graph,
    policy: &Policy,
    pure: &PureCrate,
    start: &str,
    out: &mut Vec<Violation>,
) {
    for &through in &pure.through {
        let direct = graph
            .edges(start)
            .iter()
            .find(|(dep, kinds)| graph.name(dep) == through && kinds.contains(&DepKind::Normal));
        let hides_adapter = direct.is_some_and(|(dep, _)| {
            walk(graph, dep, |id| !is_adapter(policy, graph, id))
                .keys()
                .any(|id| is_adapter(policy, graph, id))
        });
        if !hides_adapter {
            out.push(Violation::StaleException {
                krate: pure.name.to_owned(),
                through: through.to_owned(),
            });
        }
    }
}
