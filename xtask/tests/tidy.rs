//! Tidy tests: the architecture invariants of the workspace, checked on the real
//! workspace (no violations) and on a deliberate breach (the checks must fail).

use std::path::{Path, PathBuf};

use xtask::Violation;
use xtask::layering::{self, Policy};
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

#[test]
fn breach_fixture_is_reported() {
    let fixture = breach_fixture();
    let metadata = tidy::cargo_metadata(&fixture.join("Cargo.toml")).expect("cargo metadata");
    let violations = layering::check(&metadata, &Policy::coherence()).expect("layering check");
    let listing = report(&violations);

    let sql = violations.iter().any(|v| {
        matches!(v, Violation::ForbiddenDependency { krate, dependency, chain, .. }
            if krate == "domain" && dependency == "rusqlite" && chain == &["domain", "rusqlite"])
    });
    assert!(sql, "the dependency of `domain` on `rusqlite` was not reported:\n{listing}");

    let io = violations.iter().any(|v| {
        matches!(v, Violation::ForbiddenSource { krate, file, line, pattern }
            if krate == "domain" && file.ends_with("domain/src/lib.rs") && *line == 5
                && pattern == "std::fs")
    });
    assert!(io, "the use of `std::fs` in `domain` was not reported:\n{listing}");

    // Nothing else: the doc comment mentions no forbidden path, the stub is not a
    // workspace crate, and the `println!` sits in a `#[cfg(test)]` module.
    assert_eq!(violations.len(), 2, "unexpected violations:\n{listing}");
}

#[test]
fn edge_rules_are_enforced() {
    // A synthetic resolve graph: `domain` on `stats` (leaf rule), `store` on
    // `ingest`, `report` on `cli` (no dependents), `ingest` on `test-support` as a
    // normal dependency (dev only). `stats` on `test-support` as a dev-dependency is
    // fine.
    let ids = ["domain", "stats", "store", "ingest", "report", "cli", "test-support"];
    let packages: Vec<String> = ids
        .iter()
        .map(|n| {
            format!(r#"{{"id":"{n}","name":"{n}","manifest_path":"/nowhere/{n}/Cargo.toml"}}"#)
        })
        .collect();
    let edge = |from: &str, to: &str, kind: &str| (from.to_owned(), to.to_owned(), kind.to_owned());
    let edges = [
        edge("domain", "stats", "null"),
        edge("store", "ingest", "null"),
        edge("report", "cli", r#""dev""#),
        edge("ingest", "test-support", "null"),
        edge("stats", "test-support", r#""dev""#),
    ];
    let nodes: Vec<String> = ids
        .iter()
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
    let metadata = format!(
        r#"{{"packages":[{}],"workspace_members":[{}],"resolve":{{"nodes":[{}]}}}}"#,
        packages.join(","),
        members.join(","),
        nodes.join(",")
    );
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
