//! Scenario runs as jobs: the run's files are the bytes of `coherence scenario run` for
//! the same file, draws and seed; who may start one.

use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::harness::{Auth, Rule, Server, World};
use crate::jobs::{ended, scenario_text, start_run, wait_for};

const A: u16 = 401;
const N: u16 = 404;
const F: u16 = 403;

/// Starting a run: contributors and coordinators of the workspace (4 draws).
#[rustfmt::skip]
pub(crate) const RULES: &[Rule] = &[
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/scenarios", path: "/api/v1/workspaces/{w}/scenarios?draws=4&seed=1", body: Some(r#"{"scenario":"not a scenario"}"#), expect: [A, F, 400, 400, 400, N, F] },
    // The audit trail from a date on (the web workspace's filter); a date that is none is refused.
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/audit", path: "/api/v1/workspaces/{w}/audit?since=2000-01-01", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/audit", path: "/api/v1/workspaces/{w}/audit?since=yesterday", body: None, expect: [A, 400, 400, 400, 400, N, 400] },
    Rule { method: "GET", route: "/api/v1/audit", path: "/api/v1/audit?since=2000-01-01T00:00:00Z", body: None, expect: [A, F, F, F, F, F, 200] },
];

/// The bytes of `GET path` (the harness's answers are text).
fn bytes_of(server: &Server, path: &str, auth: &Auth) -> (Vec<u8>, String) {
    let Auth::Token(token) = auth else { panic!("a token") };
    let agent: ureq::Agent =
        ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut r = agent
        .get(format!("{}{path}", server.base))
        .header("authorization", format!("Bearer {token}"))
        .call()
        .expect("the server answers");
    assert_eq!(r.status().as_u16(), 200, "{path}");
    let kind =
        r.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    (r.body_mut().with_config().limit(64 << 20).read_to_vec().expect("body"), kind)
}

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_run_gives_the_bytes_of_the_command_line_for_the_same_file_and_seed() {
    let world = World::new();
    let coordinator = &world.auth[4];
    let job = start_run(&world.server, coordinator, world.w, 24);
    let id = job["id"].as_i64().expect("id");
    let job = wait_for(&world.server, coordinator, id, Duration::from_secs(300), ended);
    assert_eq!(job["status"], "done", "{job}");
    assert_eq!(job["result"]["draws"], 24);
    assert_eq!(job["result"]["seed"], 7);
    let files = job["files"].as_array().expect("files");
    assert_eq!(files.len(), 6, "{files:?}");

    let dir = tempfile::tempdir().expect("dir");
    let toml = dir.path().join("scenario.toml");
    std::fs::write(&toml, scenario_text()).expect("write");
    let out = dir.path().join("run");
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .arg("--db")
        .arg(&world.server.db)
        .current_dir(dir.path())
        .args(["--quiet", "scenario", "run", "scenario.toml"])
        .args(["--draws", "24", "--seed", "7", "--out"])
        .arg(&out)
        .output()
        .expect("coherence runs");
    assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
    for f in files {
        let name = f["name"].as_str().expect("name");
        let (served, kind) =
            bytes_of(&world.server, &format!("/api/v1/jobs/{id}/files/{name}"), coordinator);
        assert_eq!(kind, f["content_type"].as_str().expect("type"), "{name}");
        let written = std::fs::read(out.join(name)).expect("the CLI's file");
        assert_eq!(sha(&served), sha(&written), "{name} differs from the command line's");
    }
    // The viewer reads the job and its files; the other government does not.
    assert_eq!(
        world.server.get(&format!("/api/v1/jobs/{id}/files/summary.csv"), &world.auth[1]).status,
        200
    );
    assert_eq!(
        world.server.get(&format!("/api/v1/jobs/{id}/files/summary.csv"), &world.auth[5]).status,
        404
    );
}

#[test]
fn a_scenario_as_json_with_options_runs_and_a_bad_one_is_refused_at_once() {
    let world = World::new();
    let text = String::from_utf8(scenario_text()).expect("utf-8");
    let body = serde_json::json!({"scenario": text, "draws": 4, "seed": 3});
    let a = world.server.send(
        "POST",
        &format!("/api/v1/workspaces/{}/scenarios", world.w),
        &world.auth[2],
        Some(&body),
    );
    assert_eq!(a.status, 202, "{}", a.text);
    let id = a.json()["id"].as_i64().expect("id");
    let job = wait_for(&world.server, &world.auth[2], id, Duration::from_secs(300), ended);
    assert_eq!(
        (job["status"].as_str(), job["result"]["seed"].as_i64()),
        (Some("done"), Some(3)),
        "{job}"
    );
    let bad = world.server.send_raw(
        "POST",
        &format!("/api/v1/workspaces/{}/scenarios", world.w),
        &world.auth[2],
        Some(b"draws = ["),
        "application/toml",
    );
    assert_eq!(bad.status, 400, "{}", bad.text);
}
