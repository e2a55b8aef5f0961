//! Tidy tests: the architecture invariants of the workspace, checked on the real
//! workspace (no violations) and on a deliberate breach (the checks must fail).

use std::path::{Path, PathBuf};

use xtask::Violation;
use xtask::layering::{self, Policy};
use xtask::owners;
use xtask::tidy;

fn report(violations: &[Violation]) -> String {
    violations.iter().map(|v| format!("  {v}\n")).collect()
}

fn breach_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/breach")
}

#[test]
fn workspace_respects_the_layering() {
    let root = tidy::workspace_root();
    let metadata = tidy::cargo_metadata(&root.join("Cargo.toml")).expect("cargo metadata");
    let violations = layering::check(&metadata, &Policy::coherence()).expect("layering check");
    assert!(violations.is_empty(), "layering violations:\n{}", report(&violations));
}

#[test]
fn every_crate_root_has_a_crate_doc() {
    let violations = tidy::check_crate_docs(&tidy::workspace_root()).expect("crate docs check");
    assert!(violations.is_empty(), "missing crate docs:\n{}", report(&violations));
}

#[test]
fn no_ignored_tests() {
    let violations = tidy::check_no_ignore(&tidy::workspace_root()).expect("#[ignore] check");
    assert!(violations.is_empty(), "ignored tests:\n{}", report(&violations));
}

/// The layering violations of the breach fixture.
fn breach_violations() -> Vec<Violation> {
    let fixture = breach_fixture();
    let metadata = tidy::cargo_metadata(&fixture.join("Cargo.toml")).expect("cargo metadata");
    layering::check(&metadata, &Policy::coherence()).expect("layering check")
}

/// The one violation of `rule` in `violations` (the test fails if there is not
/// exactly one).
fn only<'a>(violations: &'a [Violation], rule: &str) -> &'a Violation {
    let found: Vec<&Violation> = violations.iter().filter(|v| v.rule() == rule).collect();
    assert_eq!(found.len(), 1, "`{rule}` should fail once:\n{}", report(violations));
    found[0]
}

#[test]
fn breach_fixture_breaks_each_rule_once() {
    let violations = breach_violations();
    let mut rules: Vec<&str> = violations.iter().map(Violation::rule).collect();
    rules.sort_unstable();
    // Nothing else: the doc comments and literals mention forbidden paths, the stubs
    // are not workspace crates, `store` and `fetch` own what they use, a
    // dev-dependency is not counted, and test code is not scanned.
    assert_eq!(
        rules,
        [
            "axum-only-in-server",
            "http-client-only-in-fetch",
            "no-fs-in-ingest",
            "pure-dependency",
            "pure-no-adapter",
            "pure-source",
            "sqlx-only-in-store",
        ],
        "unexpected violations:\n{}",
        report(&violations)
    );
}

#[test]
fn breach_fixture_pure_crate_rules() {
    let violations = breach_violations();
    let listing = report(&violations);
    let sql = only(&violations, "pure-dependency");
    assert!(
        matches!(sql, Violation::ForbiddenDependency { krate, dependency, chain, .. }
            if krate == "domain" && dependency == "rusqlite" && chain == &["domain", "rusqlite"]),
        "the dependency of `domain` on `rusqlite` was not reported:\n{listing}"
    );
    let io = only(&violations, "pure-source");
    assert!(
        matches!(io, Violation::ForbiddenSource { krate, file, line, pattern }
            if krate == "domain" && file.ends_with("domain/src/lib.rs") && *line == 5
                && pattern == "std::fs"),
        "the use of `std::fs` in `domain` was not reported:\n{listing}"
    );
    let adapter = only(&violations, "pure-no-adapter");
    assert!(
        matches!(adapter, Violation::AdapterReached { krate, adapter, chain }
            if krate == "assess" && adapter == "store"
                && chain == &["assess", "bridge", "store"]),
        "`assess` reaching `store` through `bridge` was not reported:\n{listing}"
    );
    assert!(adapter.to_string().contains("assess → bridge → store"), "{adapter}");
}

#[test]
fn breach_fixture_owner_rules() {
    let violations = breach_violations();
    for (rule, krate, dependency) in [
        ("sqlx-only-in-store", "sneaky-sql", "sqlx"),
        ("http-client-only-in-fetch", "sneaky-http", "ureq"),
        ("axum-only-in-server", "sneaky-web", "axum"),
    ] {
        let v = only(&violations, rule);
        assert!(
            matches!(v, Violation::OwnerDependency { krate: k, chain, .. }
                if k == krate && chain == &[krate, dependency]),
            "`{rule}`: expected `{krate}` on `{dependency}`, got: {v}"
        );
        assert!(v.to_string().contains(&format!("{krate} → {dependency}")), "{v}");
    }
    let fs = only(&violations, "no-fs-in-ingest");
    assert!(
        matches!(fs, Violation::OwnerSource { krate, file, line, pattern, .. }
            if krate == "ingest" && file.ends_with("ingest/src/lib.rs") && *line == 6
                && pattern == "std::fs"),
        "the file read in `ingest` was not reported: {fs}"
    );
}

/// The JSON of `cargo metadata` for a workspace of the crates `ids` (package id =
/// name) with the dependency `edges` (from, to, kind as JSON: `null`, `"dev"`, …).
/// Names in `external` are dependencies, not workspace members.
fn synthetic_metadata(ids: &[&str], external: &[&str], edges: &[(&str, &str, &str)]) -> String {
    let packages: Vec<String> = ids
        .iter()
        .chain(external)
        .map(|n| {
            format!(r#"{{"id":"{n}","name":"{n}","manifest_path":"/nowhere/{n}/Cargo.toml"}}"#)
        })
        .collect();
    let nodes: Vec<String> = ids
        .iter()
        .chain(external)
        .map(|n| {
            let deps: Vec<String> = edges
                .iter()
                .filter(|(from, _, _)| from == n)
                .map(|(_, to, kind)| {
                    format!(r#"{{"pkg":"{to}","dep_kinds":[{{"kind":{kind},"target":null}}]}}"#)
                })
                .collect();
            format!(r#"{{"id":"{n}","deps":[{}]}}"#, deps.join(","))
        })
        .collect();
    let members: Vec<String> = ids.iter().map(|n| format!(r#""{n}""#)).collect();
    format!(
        r#"{{"packages":[{}],"workspace_members":[{}],"resolve":{{"nodes":[{}]}}}}"#,
        packages.join(","),
        members.join(","),
        nodes.join(",")
    )
}

#[test]
fn edge_rules_are_enforced() {
    // A synthetic resolve graph: `domain` on `stats` (leaf rule), `store` on
    // `ingest`, `report` on `cli` (no dependents), `ingest` on `test-support` as a
    // normal dependency (dev only). `stats` on `test-support` as a dev-dependency is
    // fine.
    let ids = ["domain", "stats", "store", "ingest", "report", "cli", "test-support"];
    let edges = [
        ("domain", "stats", "null"),
        ("store", "ingest", "null"),
        ("report", "cli", r#""dev""#),
        ("ingest", "test-support", "null"),
        ("stats", "test-support", r#""dev""#),
    ];
    let metadata = synthetic_metadata(&ids, &[], &edges);
    let violations = layering::check_dependencies(&metadata, &Policy::coherence()).expect("check");
    let mut edges: Vec<(&str, &str, &str)> = violations
        .iter()
        .filter_map(|v| match v {
            Violation::ForbiddenEdge { from, to, kind, .. } => {
                Some((from.as_str(), to.as_str(), kind.as_str()))
            }
            _ => None,
        })
        .collect();
    edges.sort_unstable();
    assert_eq!(
        edges,
        [
            ("domain", "stats", "normal"),
            ("ingest", "test-support", "normal"),
            ("report", "cli", "dev"),
            ("store", "ingest", "normal"),
        ],
        "{}",
        report(&violations)
    );
    assert_eq!(violations.len(), 4, "{}", report(&violations));
}

#[test]
fn the_exception_of_report_holds_only_while_needed() {
    let policy = Policy::coherence();
    let ids = ["report", "analysis", "store", "montecarlo", "helper"];
    // `report` reaches `store` only through its exception, `analysis`; `montecarlo`
    // reaches `sqlx` through `helper`, and `helper` is no owner of it.
    let edges = [
        ("report", "analysis", "null"),
        ("analysis", "store", "null"),
        ("store", "sqlx", "null"),
        ("montecarlo", "helper", "null"),
        ("helper", "sqlx", "null"),
    ];
    let metadata = synthetic_metadata(&ids, &["sqlx"], &edges);
    let violations = owners::check_adapters(&metadata, &policy).expect("adapter check");
    let found: Vec<String> = violations.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        ["[pure-no-adapter] pure crate `montecarlo` reaches the adapter `sqlx`: \
          montecarlo → helper → sqlx"],
        "{}",
        report(&violations)
    );
    // Once `analysis` no longer reaches an adapter, the exception must go.
    let metadata = synthetic_metadata(&ids, &["sqlx"], &edges[..1]);
    let violations = owners::check_adapters(&metadata, &policy).expect("adapter check");
    assert!(
        matches!(violations.as_slice(), [Violation::StaleException { krate, through }]
            if krate == "report" && through == "analysis"),
        "{}",
        report(&violations)
    );
}

#[test]
fn each_adapter_path_is_reported_once() {
    // `assess` on `sqlx` directly: the forbidden-dependency walk reports it, the
    // adapter walk does not repeat it. `stats` on `isahc` (an HTTP client that is on
    // no forbidden list) and `domain` on `cli` are reported by the adapter walk.
    let edges = [("assess", "sqlx", "null"), ("stats", "isahc", "null"), ("domain", "cli", "null")];
    let metadata =
        synthetic_metadata(&["assess", "stats", "domain", "cli"], &["sqlx", "isahc"], &edges);
    let policy = Policy::coherence();
    let mut violations = layering::check_dependencies(&metadata, &policy).expect("check");
    violations.extend(owners::check_adapters(&metadata, &policy).expect("adapter check"));
    let mut found: Vec<(&str, String)> =
        violations.iter().map(|v| (v.rule(), v.to_string())).collect();
    found.sort();
    let rules: Vec<&str> = found.iter().map(|(rule, _)| *rule).collect();
    // `domain` on `cli` also breaks two edge rules (leaf, no dependents).
    assert_eq!(
        rules,
        ["edge", "edge", "pure-dependency", "pure-no-adapter", "pure-no-adapter"],
        "{}",
        report(&violations)
    );
    assert!(found[3].1.ends_with("domain → cli"), "{}", found[3].1);
    assert!(found[4].1.ends_with("stats → isahc"), "{}", found[4].1);
}

#[test]
fn owners_that_do_not_exist_still_own() {
    // No `server` here: `cli` on `axum` breaks the rule all the same; `cli` on
    // `ureq` as a dev-dependency (test code) does not break the HTTP rule.
    let edges = [("cli", "axum", "null"), ("cli", "ureq", r#""dev""#)];
    let metadata = synthetic_metadata(&["cli"], &["axum", "ureq"], &edges);
    let violations = owners::check_owners(&metadata, &Policy::coherence()).expect("owner check");
    let rules: Vec<&str> = violations.iter().map(Violation::rule).collect();
    assert_eq!(rules, ["axum-only-in-server"], "{}", report(&violations));
}

#[test]
fn source_scan_skips_comments_literals_and_test_modules() {
    let dir = std::env::temp_dir().join(format!("xtask-tidy-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(&src).expect("temp dir");
    let files = [
        ("lib.rs", "//! Uses std::fs in prose only.\n#[cfg(test)]\nmod a_tests;\nmod clock;\n"),
        ("a_tests.rs", "use std::fs;\n"),
        ("clock.rs", "const S: &str = \"std::net\";\n/* std::env */\nuse std::time::SystemTime;\n"),
    ];
    for (name, text) in files {
        std::fs::write(src.join(name), text).expect("temp file");
    }
    let manifest = dir.join("Cargo.toml").display().to_string().replace('\\', "/");
    let metadata = format!(
        r#"{{"packages":[{{"id":"d","name":"domain","manifest_path":"{manifest}"}}],
            "workspace_members":["d"],"resolve":{{"nodes":[{{"id":"d","deps":[]}}]}}}}"#
    );
    let result = layering::check_sources(&metadata, &Policy::coherence());
    std::fs::remove_dir_all(&dir).expect("remove temp dir");
    let violations = result.expect("source check");
    let found: Vec<(String, usize, String)> = violations
        .iter()
        .filter_map(|v| match v {
            Violation::ForbiddenSource { file, line, pattern, .. } => Some((
                file.file_name().unwrap_or_default().to_string_lossy().into_owned(),
                *line,
                pattern.clone(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        found,
        [("clock.rs".to_owned(), 3, "SystemTime".to_owned())],
        "{}",
        report(&violations)
    );
}
