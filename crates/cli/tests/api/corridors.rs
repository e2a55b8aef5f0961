//! Corridor checks: the command line's JSON, for a caller who may read both registers.

use crate::harness::{Rule, World};

const A: u16 = 401;
const N: u16 = 404;

/// By the time this row runs, Pelaria (`w`) shares its register with the partnership
/// (a row of `permissions::RULES`); Brevmark (`v`) shares nothing. So only Brevmark's
/// coordinator (a partner) and the admin read both registers.
#[rustfmt::skip]
pub(crate) const RULES: &[Rule] = &[
    Rule { method: "GET", route: "/api/v1/corridors/{origin}/{destination}", path: "/api/v1/corridors/XAA/XAB", body: None, expect: [A, N, N, N, N, 200, 200] },
];

#[test]
fn a_corridor_check_is_the_command_lines_json_for_whoever_reads_both_registers() {
    let world = World::new();
    let server = &world.server;
    let coordinator = &world.auth[4];
    assert_eq!(server.get("/api/v1/corridors/XAA/XAB", coordinator).status, 404);
    // Brevmark shares its register with the partnership: Pelaria's coordinator checks.
    let share = serde_json::json!({"workspace_id": world.v, "what": "register", "shared": true, "reason": "tests"});
    let a = server.send(
        "PUT",
        &format!("/api/v1/workspaces/{}/shares", world.p),
        &world.auth[5],
        Some(&share),
    );
    assert_eq!(a.status, 204, "{}", a.text);
    let served = server.get("/api/v1/corridors/XAA/XAB", coordinator);
    assert_eq!(served.status, 200, "{}", served.text);
    // Pelaria's own viewer is not in the partnership: Brevmark's register stays closed.
    assert_eq!(server.get("/api/v1/corridors/XAA/XAB", &world.auth[1]).status, 404);
    // A country without a government workspace has shared data, not a government's work.
    let open = server.get("/api/v1/corridors/XAA/XAC", &world.auth[1]);
    assert_eq!(open.status, 200, "{}", open.text);
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .arg("--db")
        .arg(&server.db)
        .args(["--format", "json", "corridor", "XAA", "XAB"])
        .output()
        .expect("coherence runs");
    assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
    let expected: serde_json::Value = serde_json::from_slice(&cli.stdout).expect("JSON");
    assert_eq!(served.json(), expected);
}
