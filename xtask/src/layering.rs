//! The layering of the workspace, checked as a test (STYLE.md §8, ARCHITECTURE.md).
//!
//! Four checks, all driven by a [`Policy`] and by the JSON that
//! `cargo metadata --format-version 1` prints:
//!
//! * [`check_dependencies`] walks the resolved dependency graph. For each *pure*
//!   crate it lists every crate reachable through normal dependencies (not dev, not
//!   build) and reports the forbidden ones, with the chain that reaches them; and it
//!   checks the [`EdgeRule`]s between workspace crates.
//! * [`check_sources`] scans the `src/` folder of each pure crate for forbidden
//!   paths and macros (`std::fs`, `SystemTime`, `println!`, …).
//! * [`owners::check_owners`] enforces the owner rules: one crate alone may use
//!   sqlx, an HTTP client, axum; `ingest` names no file-system API.
//! * [`owners::check_adapters`] walks the graph again, this time through every
//!   crate, so that a pure crate cannot reach an adapter by way of another crate.
//!
//! # What the graph check sees, and what it does not
//!
//! * The graph is cargo's resolve for the whole workspace, so features are unified
//!   across all members (and their dev-dependencies): an optional dependency that
//!   another member switches on counts for the pure crate too. This errs on the
//!   strict side.
//! * Only the platforms in the metadata count: `xtask tidy` asks cargo for the host's
//!   (`--filter-platform`), so a Windows-only dependency is not seen on Linux.
//! * This walk does not go *through* a workspace crate that is not pure (such as
//!   `analysis`): what such a crate may depend on is the business of the edge rules,
//!   the owner rules and the adapter walk ([`owners::check_adapters`]), which does go
//!   through it.
//! * The walk stops at the first forbidden crate of each path, so `sqlx` is reported
//!   once rather than once for each of its own dependencies.
//!
//! # Entropy and clocks
//!
//! `domain` and `stats` may not depend on `rand`, `rand_core`, `rand_chacha`,
//! `getrandom` or `fastrand` at all: they draw no random numbers. The future
//! `montecarlo` crate may depend on `rand`, but only to run generators seeded by the
//! caller. Its graph cannot show that (`rand`'s default features link `getrandom`
//! even when nothing asks for entropy), so for it the rule is checked in the source:
//! no `thread_rng`, `rand::rng()`, `OsRng`, `from_os_rng`, `from_entropy` or
//! `getrandom`, which [`check_sources`] forbids in every pure crate. Clocks are kept
//! simple: no pure crate may depend on `jiff` or `chrono` (dates in pure crates are
//! plain numbers, see `domain::time`), and the source may not name `SystemTime` or
//! `Instant::now`.
//!
//! # What the source scan sees, and what it does not
//!
//! Comments and the contents of string and character literals are blanked first, so
//! prose that mentions `std::fs` is not a violation. Items marked exactly
//! `#[cfg(test)]` (usually `mod tests { … }`) are skipped, and so are out-of-line
//! test modules (`#[cfg(test)] mod tests;`) and files starting with
//! `#![cfg(test)]`. Other spellings (`#[cfg(all(test, …))]`) are scanned as normal
//! code. The scan matches text, not names: `use std::{fs, io}` or a renamed import
//! escapes it; it is a tripwire against the common cases, not a proof.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::owners::{self, OwnerRule};
use crate::{Error, Violation};

/// A pattern naming crates: an exact name, or a prefix followed by `*` (`"sqlx-*"`).
pub type CratePattern = &'static str;

/// Whether `name` matches `pattern` (see [`CratePattern`]).
pub fn matches_pattern(pattern: &str, name: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => name == pattern,
    }
}

/// A pure crate: no I/O, no clock, no SQL, no network, no async runtime.
#[derive(Clone, Debug)]
pub struct PureCrate {
    /// The crate's package name.
    pub name: &'static str,
    /// Crates it may not reach through normal dependencies, each with the reason.
    pub forbidden: Vec<(CratePattern, &'static str)>,
    /// Workspace crates whose own dependencies the adapter walk does not enter
    /// ([`crate::owners::check_adapters`]): known exceptions, each reported as
    /// [`Violation::StaleException`] once it is no longer needed.
    pub through: Vec<&'static str>,
}

/// A rule on the direct dependency edges between workspace crates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EdgeRule {
    /// The crate has no normal or build dependency on any workspace crate.
    Leaf {
        /// The crate.
        krate: &'static str,
    },
    /// `from` has no normal or build dependency on `to`.
    NotOn {
        /// The dependent crate.
        from: &'static str,
        /// The crate it may not depend on.
        to: &'static str,
    },
    /// No crate depends on this one, with any kind of dependency.
    NoDependents {
        /// The crate.
        krate: &'static str,
    },
    /// Crates may depend on this one only as a dev-dependency.
    DevOnly {
        /// The crate.
        krate: &'static str,
    },
}

impl EdgeRule {
    fn describe(&self) -> String {
        match self {
            EdgeRule::Leaf { krate } => format!("`{krate}` depends on no workspace crate"),
            EdgeRule::NotOn { from, to } => format!("`{from}` may not depend on `{to}`"),
            EdgeRule::NoDependents { krate } => format!("nothing depends on `{krate}`"),
            EdgeRule::DevOnly { krate } => format!("`{krate}` is only a dev-dependency"),
        }
    }
}

/// What the layering check enforces.
#[derive(Clone, Debug)]
pub struct Policy {
    /// The pure crates. Those that do not exist (yet) in the workspace are skipped.
    pub pure: Vec<PureCrate>,
    /// Rules on edges between workspace crates.
    pub edges: Vec<EdgeRule>,
    /// Text that may not appear in a pure crate's source (outside comments, literals
    /// and `#[cfg(test)]` items).
    pub forbidden_source: Vec<&'static str>,
    /// Who alone may use a dependency or a source pattern ([`crate::owners`]).
    pub owners: Vec<OwnerRule>,
    /// The workspace crates that do I/O for the others (the file system, SQL, the
    /// network, the terminal): no pure crate may reach one, directly or not.
    pub adapters: Vec<&'static str>,
}

/// Crates that do I/O, run async code, speak SQL or HTTP, read spreadsheets, or read
/// the clock: forbidden in every pure crate.
const IMPURE: &[(CratePattern, &str)] = &[
    ("tokio", "async runtime"),
    ("tokio-*", "async runtime"),
    ("async-std", "async runtime"),
    ("async-io", "async I/O"),
    ("smol", "async runtime"),
    ("futures-io", "async I/O"),
    ("mio", "non-blocking I/O"),
    ("sqlx", "SQL"),
    ("sqlx-*", "SQL"),
    ("rusqlite", "SQL"),
    ("libsqlite3-sys", "SQL"),
    ("postgres", "SQL"),
    ("diesel", "SQL"),
    ("ureq", "network"),
    ("reqwest", "network"),
    ("hyper", "network"),
    ("hyper-*", "network"),
    ("axum", "network"),
    ("axum-*", "network"),
    ("tower", "network"),
    ("tower-*", "network"),
    ("calamine", "file formats belong to ingest"),
    ("csv", "file formats belong to ingest"),
    ("jiff", "clock"),
    ("chrono", "clock"),
];

/// Random-number crates: forbidden in crates that draw no random numbers.
const RANDOM: &[(CratePattern, &str)] = &[
    ("rand", "draws no random numbers"),
    ("rand_core", "draws no random numbers"),
    ("rand_chacha", "draws no random numbers"),
    ("getrandom", "draws no random numbers"),
    ("fastrand", "draws no random numbers"),
];

impl Policy {
    /// Coherence's layering (STYLE.md §8): the pure crates `domain`, `stats`,
    /// `montecarlo` and `report`, and the edge rules between workspace crates.
    pub fn coherence() -> Policy {
        let impure = || IMPURE.to_vec();
        let impure_and_random = || IMPURE.iter().chain(RANDOM).copied().collect::<Vec<_>>();
        Policy {
            pure: vec![
                PureCrate { name: "domain", forbidden: impure_and_random(), through: vec![] },
                PureCrate { name: "stats", forbidden: impure_and_random(), through: vec![] },
                PureCrate { name: "montecarlo", forbidden: impure(), through: vec![] },
                // `report` renders the result types of `analysis`, which reaches `store`
                // (and sqlx) and links them into `report` although `report` calls
                // neither. The exception goes once those types live below `analysis`.
                PureCrate { name: "report", forbidden: impure(), through: vec!["analysis"] },
                PureCrate { name: "assess", forbidden: impure_and_random(), through: vec![] },
            ],
            edges: vec![
                EdgeRule::Leaf { krate: "domain" },
                EdgeRule::Leaf { krate: "stats" },
                EdgeRule::NotOn { from: "store", to: "ingest" },
                EdgeRule::NotOn { from: "ingest", to: "store" },
                EdgeRule::NoDependents { krate: "cli" },
                EdgeRule::NoDependents { krate: "fuzz" },
                EdgeRule::DevOnly { krate: "test-support" },
            ],
            forbidden_source: vec![
                "std::fs",
                "std::net",
                "std::process",
                "std::env",
                "std::io::stdin",
                "std::io::stdout",
                "std::io::stderr",
                "SystemTime",
                "Instant::now",
                "thread_rng",
                "rand::rng()",
                "OsRng",
                "from_os_rng",
                "from_entropy",
                "getrandom",
                "print!",
                "println!",
                "eprint!",
                "eprintln!",
            ],
            owners: owners::coherence(),
            adapters: vec!["store", "fetch", "server", "cli", "print"],
        }
    }
}

/// The kind of a dependency edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DepKind {
    Normal,
    Dev,
    Build,
}

impl DepKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DepKind::Normal => "normal",
            DepKind::Dev => "dev",
            DepKind::Build => "build",
        }
    }
}

/// A package of the resolved graph.
pub(crate) struct Package {
    pub(crate) name: String,
    pub(crate) manifest_path: PathBuf,
    pub(crate) member: bool,
}

/// The parts of `cargo metadata` that the checks need.
pub(crate) struct Graph {
    pub(crate) packages: BTreeMap<String, Package>,
    /// Package id → (dependency package id, kinds of the edge).
    deps: BTreeMap<String, Vec<(String, Vec<DepKind>)>>,
}

impl Graph {
    pub(crate) fn parse(metadata_json: &str) -> Result<Graph, Error> {
        let root: Value = serde_json::from_str(metadata_json)
            .map_err(|e| Error::new(format!("cargo metadata output is not JSON: {e}")))?;
        let members: BTreeSet<&str> =
            array(&root, "workspace_members")?.iter().filter_map(Value::as_str).collect();
        let mut packages = BTreeMap::new();
        for p in array(&root, "packages")? {
            let id = string(p, "id")?;
            let package = Package {
                name: string(p, "name")?.to_owned(),
                manifest_path: PathBuf::from(string(p, "manifest_path")?),
                member: members.contains(id),
            };
            packages.insert(id.to_owned(), package);
        }
        let resolve = root
            .get("resolve")
            .filter(|r| !r.is_null())
            .ok_or_else(|| Error::new("cargo metadata has no `resolve` (was --no-deps used?)"))?;
        let mut deps = BTreeMap::new();
        for node in array(resolve, "nodes")? {
            let mut edges = Vec::new();
            for dep in array(node, "deps")? {
                let mut kinds = Vec::new();
                for k in array(dep, "dep_kinds")? {
                    kinds.push(match k.get("kind").and_then(Value::as_str) {
                        None => DepKind::Normal,
                        Some("dev") => DepKind::Dev,
                        Some("build") => DepKind::Build,
                        Some(other) => {
                            return Err(Error::new(format!("unknown dependency kind {other:?}")));
                        }
                    });
                }
                kinds.sort();
                kinds.dedup();
                edges.push((string(dep, "pkg")?.to_owned(), kinds));
            }
            deps.insert(string(node, "id")?.to_owned(), edges);
        }
        Ok(Graph { packages, deps })
    }

    pub(crate) fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.packages.get(id).map_or(id, |p| p.name.as_str())
    }

    /// The workspace member called `name`, if any.
    pub(crate) fn member(&self, name: &str) -> Option<(&str, &Package)> {
        self.packages
            .iter()
            .find(|(_, p)| p.member && p.name == name)
            .map(|(id, p)| (id.as_str(), p))
    }

    pub(crate) fn is_member(&self, id: &str) -> bool {
        self.packages.get(id).is_some_and(|p| p.member)
    }

    pub(crate) fn edges(&self, id: &str) -> &[(String, Vec<DepKind>)] {
        self.deps.get(id).map_or(&[], Vec::as_slice)
    }
}

fn array<'a>(v: &'a Value, key: &str) -> Result<&'a Vec<Value>, Error> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| Error::new(format!("cargo metadata: no array `{key}`")))
}

fn string<'a>(v: &'a Value, key: &str) -> Result<&'a str, Error> {
    v.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| Error::new(format!("cargo metadata: no string `{key}`")))
}

/// Checks the dependency graph in `metadata_json` (the output of
/// `cargo metadata --format-version 1`) against `policy`: forbidden crates reachable
/// from pure crates, and forbidden edges between workspace crates.
///
/// # Errors
/// Returns [`Error`] if the JSON is not cargo metadata with a `resolve` graph.
pub fn check_dependencies(metadata_json: &str, policy: &Policy) -> Result<Vec<Violation>, Error> {
    let graph = Graph::parse(metadata_json)?;
    let mut violations = Vec::new();
    for pure in &policy.pure {
        if let Some((id, _)) = graph.member(pure.name) {
            forbidden_reachable(&graph, policy, pure, id, &mut violations);
        }
    }
    for rule in &policy.edges {
        edge_violations(&graph, rule, &mut violations);
    }
    Ok(violations)
}

/// Breadth-first walk of the normal dependencies of `start`, reporting each
/// forbidden crate once, with its shortest chain.
fn forbidden_reachable(
    graph: &Graph,
    policy: &Policy,
    pure: &PureCrate,
    start: &str,
    out: &mut Vec<Violation>,
) {
    let is_pure_member =
        |id: &str| graph.is_member(id) && policy.pure.iter().any(|p| p.name == graph.name(id));
    let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    let mut reported = BTreeSet::new();
    while let Some(id) = queue.pop_front() {
        for (dep, kinds) in graph.edges(id) {
            if !kinds.contains(&DepKind::Normal)
                || dep == start
                || parent.contains_key(dep.as_str())
            {
                continue;
            }
            parent.insert(dep, id);
            let name = graph.name(dep);
            if let Some((_, reason)) = pure.forbidden.iter().find(|(p, _)| matches_pattern(p, name))
            {
                if reported.insert(name.to_owned()) {
                    let chain = chain_to(graph, &parent, start, dep);
                    out.push(Violation::ForbiddenDependency {
                        krate: pure.name.to_owned(),
                        dependency: name.to_owned(),
                        chain,
                        reason: (*reason).to_owned(),
                    });
                }
                continue;
            }
            if graph.is_member(dep) && !is_pure_member(dep) {
                continue;
            }
            queue.push_back(dep);
        }
    }
}

/// The names on the path from `start` to `end` that a breadth-first walk recorded in
/// `parent` (each reached id → the id it was reached from).
pub(crate) fn chain_to(
    graph: &Graph,
    parent: &BTreeMap<&str, &str>,
    start: &str,
    end: &str,
) -> Vec<String> {
    let mut chain = vec![graph.name(end).to_owned()];
    let mut at = end;
    while at != start {
        at = parent[at];
        chain.push(graph.name(at).to_owned());
    }
    chain.reverse();
    chain
}

fn edge_violations(graph: &Graph, rule: &EdgeRule, out: &mut Vec<Violation>) {
    for (id, package) in graph.packages.iter().filter(|(_, p)| p.member) {
        for (dep, kinds) in graph.edges(id) {
            if !graph.is_member(dep) {
                continue;
            }
            let to = graph.name(dep);
            for &kind in kinds {
                let runtime = kind != DepKind::Dev;
                let broken = match rule {
                    EdgeRule::Leaf { krate } => package.name == *krate && runtime,
                    EdgeRule::NotOn { from, to: target } => {
                        package.name == *from && to == *target && runtime
                    }
                    EdgeRule::NoDependents { krate } => to == *krate,
                    EdgeRule::DevOnly { krate } => to == *krate && runtime,
                };
                if broken {
                    out.push(Violation::ForbiddenEdge {
                        from: package.name.clone(),
                        to: to.to_owned(),
                        kind: kind.as_str().to_owned(),
                        rule: rule.describe(),
                    });
                }
            }
        }
    }
}

/// Scans the `src/` folder of every pure crate in `metadata_json` for the
/// [`Policy::forbidden_source`] texts. See the module doc for what is skipped.
///
/// # Errors
/// Returns [`Error`] if the JSON is not cargo metadata or a source file cannot be read.
pub fn check_sources(metadata_json: &str, policy: &Policy) -> Result<Vec<Violation>, Error> {
    let graph = Graph::parse(metadata_json)?;
    let mut violations = Vec::new();
    for pure in &policy.pure {
        let Some((_, package)) = graph.member(pure.name) else { continue };
        for (file, line, pattern) in scan_src(package, &policy.forbidden_source)? {
            violations.push(Violation::ForbiddenSource {
                krate: pure.name.to_owned(),
                file,
                line,
                pattern: pattern.to_owned(),
            });
        }
    }
    Ok(violations)
}

/// Every occurrence of `patterns` in the `src/` folder of `package`, as (file, 1-based
/// line, pattern), outside comments, literals and test items (see the module doc).
pub(crate) fn scan_src<'p>(
    package: &Package,
    patterns: &[&'p str],
) -> Result<Vec<(PathBuf, usize, &'p str)>, Error> {
    let Some(dir) = package.manifest_path.parent() else { return Ok(Vec::new()) };
    let mut files = Vec::new();
    rust_files(&dir.join("src"), &mut files)?;
    files.sort();
    // First strip every file, collecting the out-of-line test modules, then scan
    // what is not test code: a test module's file may sort before its parent.
    let mut stripped_files = Vec::new();
    let mut skipped: Vec<PathBuf> = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
        let stripped = strip_source(&text);
        let module_dir = module_dir(&file);
        for name in &stripped.test_modules {
            skipped.push(module_dir.join(format!("{name}.rs")));
            skipped.push(module_dir.join(name));
        }
        if let Some(code) = stripped.code {
            stripped_files.push((file, code));
        }
    }
    let mut found = Vec::new();
    for (file, code) in stripped_files {
        if !skipped.iter().any(|s| file.starts_with(s)) {
            let hits = find_patterns(&code, patterns);
            found.extend(hits.into_iter().map(|(line, pattern)| (file.clone(), line, pattern)));
        }
    }
    Ok(found)
}

/// Runs [`check_dependencies`], [`check_sources`], [`owners::check_owners`] and
/// [`owners::check_adapters`].
///
/// # Errors
/// As the two checks.
pub fn check(metadata_json: &str, policy: &Policy) -> Result<Vec<Violation>, Error> {
    let mut violations = check_dependencies(metadata_json, policy)?;
    violations.extend(check_sources(metadata_json, policy)?);
    violations.extend(owners::check_owners(metadata_json, policy)?);
    violations.extend(owners::check_adapters(metadata_json, policy)?);
    Ok(violations)
}

/// The folder holding the out-of-line submodules of the module in `file`.
fn module_dir(file: &Path) -> PathBuf {
    let parent = file.parent().unwrap_or(Path::new("")).to_path_buf();
    match file.file_stem().and_then(|s| s.to_str()) {
        Some("lib" | "main" | "mod") | None => parent,
        Some(stem) => parent.join(stem),
    }
}

/// Appends every `.rs` file under `dir` (recursively) to `out`.
pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Error::new(format!("{}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::new(format!("{}: {e}", dir.display())))?.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden || path.file_name().is_some_and(|n| n == "target") {
            continue;
        }
        if path.is_dir() {
            rust_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    Ok(())
}

/// A source file with comments, literals and test items blanked.
#[derive(Debug, PartialEq, Eq)]
pub struct Stripped {
    /// The code that remains, with the same line breaks as the input; `None` if the
    /// whole file is test-only (`#![cfg(test)]`).
    pub code: Option<String>,
    /// Names of out-of-line modules declared `#[cfg(test)] mod name;`.
    pub test_modules: Vec<String>,
}

/// Blanks comments, the contents of string and character literals, and items marked
/// `#[cfg(test)]`, keeping line breaks so that line numbers still hold.
pub fn strip_source(text: &str) -> Stripped {
    let mut code: Vec<char> = blank_comments_and_literals(text).chars().collect();
    if find(&code, "#![cfg(test)]").is_some() {
        return Stripped { code: None, test_modules: Vec::new() };
    }
    let mut test_modules = Vec::new();
    let marker = "#[cfg(test)]";
    let mut from = 0;
    while let Some(at) = find(&code[from..], marker).map(|i| i + from) {
        let item = skip_attributes(&code, at + marker.chars().count());
        let end = item_end(&code, item);
        if let Some(name) = out_of_line_module(&code[item..end]) {
            test_modules.push(name);
        }
        for c in &mut code[at..end] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        from = end;
    }
    Stripped { code: Some(code.into_iter().collect()), test_modules }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn contains_at(code: &[char], at: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(k, c)| code.get(at + k) == Some(&c))
}

fn find(code: &[char], s: &str) -> Option<usize> {
    (0..code.len()).find(|&i| contains_at(code, i, s))
}

/// Skips white space and outer attributes (`#[…]`) from `at`.
fn skip_attributes(code: &[char], mut at: usize) -> usize {
    loop {
        while code.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
        if !contains_at(code, at, "#[") {
            return at;
        }
        let mut depth = 0usize;
        while let Some(&c) = code.get(at) {
            at += 1;
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }
}

/// The end (exclusive) of the item starting at `at`: just after its `;` or its
/// closing `}` at nesting depth 0.
fn item_end(code: &[char], at: usize) -> usize {
    let (mut braces, mut others) = (0usize, 0usize);
    let mut i = at;
    while let Some(&c) = code.get(i) {
        i += 1;
        match c {
            '(' | '[' => others += 1,
            ')' | ']' => others = others.saturating_sub(1),
            '{' => braces += 1,
            '}' => {
                braces = braces.saturating_sub(1);
                if braces == 0 && others == 0 {
                    return i;
                }
            }
            ';' if braces == 0 && others == 0 => return i,
            _ => {}
        }
    }
    code.len()
}

/// The module name if `item` is `[pub[(…)]] mod name;`.
fn out_of_line_module(item: &[char]) -> Option<String> {
    let text: String = item.iter().collect();
    let text = text.trim();
    let rest = text.strip_suffix(';')?.trim_end();
    let words: Vec<&str> = rest.split_whitespace().collect();
    match words.as_slice() {
        [.., "mod", name] if words.len() <= 3 && name.chars().all(is_ident) => {
            Some((*name).to_owned())
        }
        _ => None,
    }
}

/// Replaces comments and the contents of string and character literals by spaces,
/// keeping line breaks.
fn blank_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        // An identifier character before a quote means a lifetime-like token, except
        // for the `b` of a byte literal (`b'x'`).
        let prev_ident = i > 0
            && is_ident(chars[i - 1])
            && !(chars[i - 1] == 'b' && (i < 2 || !is_ident(chars[i - 2])));
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if c == 'r' && raw_string_start(&chars, i) {
            // r"…", r#"…"#, and with a b or c prefix (already copied).
            let mut hashes = 0;
            out.push('r');
            i += 1;
            while chars[i] == '#' {
                hashes += 1;
                out.push('#');
                i += 1;
            }
            out.push('"');
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    out.push('"');
                    out.extend(std::iter::repeat_n('#', hashes));
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() {
                match chars[i] {
                    '\\' => {
                        blank(&mut out, chars[i]);
                        if let Some(&escaped) = chars.get(i + 1) {
                            blank(&mut out, escaped);
                        }
                        i += 2;
                    }
                    '"' => {
                        out.push('"');
                        i += 1;
                        break;
                    }
                    other => {
                        blank(&mut out, other);
                        i += 1;
                    }
                }
            }
        } else if c == '\'' && !prev_ident && char_literal_len(&chars, i).is_some() {
            let len = char_literal_len(&chars, i).unwrap_or(1);
            out.push('\'');
            for &inner in &chars[i + 1..i + len - 1] {
                blank(&mut out, inner);
            }
            out.push('\'');
            i += len;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether a raw string literal starts at `i` (which holds `r`).
fn raw_string_start(chars: &[char], i: usize) -> bool {
    let starts_token = match i.checked_sub(1).map(|p| chars[p]) {
        None => true,
        Some('b' | 'c') => i < 2 || !is_ident(chars[i - 2]),
        Some(p) => !is_ident(p),
    };
    if !starts_token {
        return false;
    }
    let mut j = i + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    chars.get(j) == Some(&'"')
}

/// The length of the character literal starting at `i` (which holds `'`), or `None`
/// if `'` starts a lifetime or label.
fn char_literal_len(chars: &[char], i: usize) -> Option<usize> {
    match chars.get(i + 1)? {
        '\\' => {
            // '\n', '\'', '\u{…}', '\x7f': up to the next quote after the escape.
            let close = (i + 3..chars.len().min(i + 14)).find(|&j| chars[j] == '\'')?;
            Some(close - i + 1)
        }
        _ if chars.get(i + 2) == Some(&'\'') => Some(3),
        _ => None,
    }
}

/// Every occurrence of the patterns in `code`, as (1-based line, pattern). A pattern
/// that starts with an identifier character must not be preceded by one, so that
/// `print!` does not match inside `eprint!`.
pub fn find_patterns<'p>(code: &str, patterns: &[&'p str]) -> Vec<(usize, &'p str)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        for &pattern in patterns {
            let mut from = 0;
            while let Some(at) = line[from..].find(pattern).map(|i| i + from) {
                let boundary = !pattern.starts_with(is_ident)
                    || !line[..at].chars().next_back().is_some_and(is_ident);
                if boundary {
                    found.push((n + 1, pattern));
                    break;
                }
                from = at + pattern.len();
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> String {
        strip_source(text).code.unwrap_or_default()
    }

    #[test]
    fn comments_and_literals_are_blanked() {
        let src = "// std::fs\nlet a = \"std::fs\"; /* std::net /* nested */ std::env */\n\
                   let b = r#\"std::process \"quoted\"\"#; let c = '\"'; let d: &'static str = \"\\\"\";\n\
                   use std::fs;";
        let stripped = code(src);
        assert_eq!(stripped.lines().count(), 4);
        let found = find_patterns(&stripped, &["std::fs", "std::net", "std::env", "std::process"]);
        assert_eq!(found, vec![(4, "std::fs")], "{stripped}");
        assert!(stripped.contains("&'static str"), "{stripped}");
    }

    #[test]
    fn cfg_test_items_are_skipped() {
        let src = "fn real() {}\n#[cfg(test)]\n#[allow(unused)]\nmod tests {\n    fn t() { println!(\"{}\", [1; 2].len()); }\n}\nfn after() { println!(); }\n";
        let found = find_patterns(&code(src), &["println!"]);
        assert_eq!(found, vec![(7, "println!")]);
        let out_of_line = strip_source("#[cfg(test)]\nmod tests;\nfn f() {}\n");
        assert_eq!(out_of_line.test_modules, vec!["tests".to_owned()]);
        assert!(out_of_line.code.unwrap().contains("fn f()"));
        assert_eq!(strip_source("#![cfg(test)]\nuse std::fs;\n").code, None);
    }

    #[test]
    fn patterns_respect_identifier_boundaries() {
        let found = find_patterns("eprint!(x); println!(y);", &["print!", "eprint!", "println!"]);
        assert_eq!(found, vec![(1, "eprint!"), (1, "println!")]);
        assert!(matches_pattern("sqlx-*", "sqlx-core"));
        assert!(!matches_pattern("sqlx-*", "sqlx"));
        assert!(matches_pattern("sqlx", "sqlx"));
        assert!(!matches_pattern("tokio", "tokio-postgres"));
    }

    #[test]
    fn module_dirs() {
        assert_eq!(module_dir(Path::new("src/lib.rs")), Path::new("src"));
        assert_eq!(module_dir(Path::new("src/area.rs")), Path::new("src/area"));
        assert_eq!(module_dir(Path::new("src/ppml/mod.rs")), Path::new("src/ppml"));
    }
}
