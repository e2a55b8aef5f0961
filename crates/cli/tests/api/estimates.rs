//! Estimates as jobs: a flow estimate's file is the bytes of the command line's `--out`.

use std::time::Duration;

use crate::harness::{Rule, World};
use crate::jobs::{ended, wait_for};

const A: u16 = 401;
const N: u16 = 404;
const F: u16 = 403;

/// Starting an estimate: contributors and coordinators (an unknown method: 400, no job).
#[rustfmt::skip]
pub(crate) const RULES: &[Rule] = &[
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/estimates/flows", path: "/api/v1/workspaces/{w}/estimates/flows", body: Some(r#"{"method":"nope","from":2015,"to":2020}"#), expect: [A, F, 400, 400, 400, N, F] },
];

#[test]
fn a_flow_estimate_gives_the_bytes_of_the_command_line() {
    let world = World::new();
    let server = &world.server;
    let contributor = &world.auth[2];
    let body = serde_json::json!({"method": "sd_rev_neg", "from": 2015, "to": 2020});
    let a = server.send(
        "POST",
        &format!("/api/v1/workspaces/{}/estimates/flows", world.w),
        contributor,
        Some(&body),
    );
    assert_eq!(a.status, 202, "{}", a.text);
    let id = a.json()["id"].as_i64().expect("id");
    let job = wait_for(server, contributor, id, Duration::from_secs(300), ended);
    assert_eq!(job["status"], "done", "{job}");
    // The viewer reads the result.
    let served = server.get(&format!("/api/v1/jobs/{id}/files/flows.csv"), &world.auth[1]);
    assert_eq!(served.status, 200, "{}", served.text);
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("flows.csv");
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .arg("--db")
        .arg(&server.db)
        .args([
            "--quiet",
            "estimate",
            "flows",
            "--method",
            "sd_rev_neg",
            "--from",
            "2015",
            "--to",
            "2020",
            "--out",
        ])
        .arg(&out)
        .output()
        .expect("coherence runs");
    assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
    assert_eq!(served.text, std::fs::read_to_string(&out).expect("the CLI's file"));
}
