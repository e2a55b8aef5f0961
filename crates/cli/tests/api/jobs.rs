//! Jobs: a scenario run started, followed, cancelled; a server killed in the middle of a
//! job leaves it `failed: interrupted` and the store usable; who sees a job.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{Auth, Rule, Server, World};

const A: u16 = 401;
const N: u16 = 404;
const F: u16 = 403;

/// Jobs' routes (on jobs that do not exist: who sees which job is tested below).
#[rustfmt::skip]
pub(crate) const RULES: &[Rule] = &[
    Rule { method: "GET", route: "/api/v1/jobs", path: "/api/v1/jobs", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    Rule { method: "GET", route: "/api/v1/jobs/{id}", path: "/api/v1/jobs/999999", body: None, expect: [A, N, N, N, N, N, N] },
    Rule { method: "GET", route: "/api/v1/jobs/{id}/files/{name}", path: "/api/v1/jobs/999999/files/summary.csv", body: None, expect: [A, N, N, N, N, N, N] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/jobs", path: "/api/v1/workspaces/{w}/jobs?status=done", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "POST", route: "/api/v1/jobs/{id}/cancel", path: "/api/v1/jobs/999999/cancel", body: None, expect: [A, N, N, N, N, N, N] },
];

/// A scenario file of the demo world.
pub(crate) fn scenario_text() -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .args(["scenario", "example", "temporary-scheme"])
        .output()
        .expect("coherence runs");
    assert!(out.status.success());
    out.stdout
}

/// Starts a scenario run of `draws` draws (seed 7) in `workspace` as `auth`; the job.
pub(crate) fn start_run(server: &Server, auth: &Auth, workspace: i64, draws: u64) -> Value {
    let a = server.send_raw(
        "POST",
        &format!("/api/v1/workspaces/{workspace}/scenarios?draws={draws}&seed=7"),
        auth,
        Some(&scenario_text()),
        "application/toml",
    );
    assert_eq!(a.status, 202, "{}", a.text);
    a.json()
}

/// Follows job `id` until `done(job)`, at most `limit`.
pub(crate) fn wait_for(
    server: &Server,
    auth: &Auth,
    id: i64,
    limit: Duration,
    done: impl Fn(&Value) -> bool,
) -> Value {
    let start = Instant::now();
    loop {
        let a = server.get(&format!("/api/v1/jobs/{id}"), auth);
        assert_eq!(a.status, 200, "{}", a.text);
        let job = a.json();
        if done(&job) {
            return job;
        }
        assert!(start.elapsed() < limit, "job {id} still {job}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Whether the job has ended.
pub(crate) fn ended(job: &Value) -> bool {
    matches!(job["status"].as_str(), Some("done" | "failed" | "cancelled"))
}

/// A server on the demo world with a workspace of Pelaria coordinated by the admin; its
/// token and the workspace.
fn server_with_workspace() -> (Server, Auth, i64) {
    let server = Server::start();
    let admin = Auth::Token(server.admin_token());
    let r = server.send(
        "POST",
        "/api/v1/workspaces",
        &admin,
        Some(&serde_json::json!({"name": "Pelaria", "country": "XAA", "reason": "tests"})),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let w = r.json()["id"].as_i64().expect("id");
    let r = server.send(
        "PUT",
        &format!("/api/v1/workspaces/{w}/members/1"),
        &admin,
        Some(&serde_json::json!({"role": "coordinator", "reason": "tests"})),
    );
    assert_eq!(r.status, 204, "{}", r.text);
    (server, admin, w)
}

#[test]
fn a_job_killed_half_way_is_failed_interrupted_after_a_restart_and_the_store_stays_usable() {
    let (server, admin, w) = server_with_workspace();
    let job = start_run(&server, &admin, w, 20_000);
    let id = job["id"].as_i64().expect("id");
    assert_eq!(job["status"], "queued");
    let running = wait_for(&server, &admin, id, Duration::from_secs(120), |j| {
        j["status"] == "running" && j["progress_done"].as_i64().unwrap_or(0) > 0
    });
    assert!(running["progress_total"].as_i64() == Some(20_000), "{running}");
    let (dir, db) = server.kill();
    let server = Server::spawn(dir, db.clone(), &["--insecure-cookies"], false);
    let job = server.get(&format!("/api/v1/jobs/{id}"), &admin).json();
    assert_eq!(
        (job["status"].as_str(), job["error"].as_str()),
        (Some("failed"), Some("interrupted"))
    );
    assert_eq!(job["files"], serde_json::json!([]), "no half-written files");
    assert_eq!(server.get(&format!("/api/v1/jobs/{id}/files/draws.csv"), &admin).status, 404);
    // The store is whole and a new job runs to its end.
    let again = start_run(&server, &admin, w, 8);
    let again = again["id"].as_i64().expect("id");
    let done = wait_for(&server, &admin, again, Duration::from_secs(300), ended);
    assert_eq!(done["status"], "done", "{done}");
    let listed = server.get(&format!("/api/v1/workspaces/{w}/jobs?status=failed"), &admin).json();
    assert_eq!(listed["total"], 1, "{listed}");
    drop(server);
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .arg("--db")
        .arg(&db)
        .args(["datasets", "check"])
        .output()
        .expect("coherence runs");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
}

#[test]
fn a_cancelled_job_stops_and_the_cancellation_is_audited() {
    let (server, admin, w) = server_with_workspace();
    let job = start_run(&server, &admin, w, 20_000);
    let id = job["id"].as_i64().expect("id");
    wait_for(&server, &admin, id, Duration::from_secs(120), |j| j["status"] == "running");
    let a = server.send("POST", &format!("/api/v1/jobs/{id}/cancel"), &admin, None);
    assert_eq!(a.status, 202, "{}", a.text);
    let job = wait_for(&server, &admin, id, Duration::from_secs(60), ended);
    assert_eq!(job["status"], "cancelled", "{job}");
    let again = server.send("POST", &format!("/api/v1/jobs/{id}/cancel"), &admin, None);
    assert_eq!(again.status, 409, "{}", again.text);
    let audit = server.get(&format!("/api/v1/workspaces/{w}/audit"), &admin).json();
    let actions: Vec<&str> =
        audit.as_array().expect("audit rows").iter().filter_map(|r| r["action"].as_str()).collect();
    assert!(actions.contains(&"job.start") && actions.contains(&"job.cancel"), "{actions:?}");
}

#[test]
fn a_scenario_job_is_seen_by_a_partner_only_when_scenarios_are_shared() {
    let world = World::new();
    let job = start_run(&world.server, &world.auth[4], world.w, 4);
    let id = job["id"].as_i64().expect("id");
    let partner = &world.auth[5];
    assert_eq!(world.server.get(&format!("/api/v1/jobs/{id}"), partner).status, 404);
    let share = serde_json::json!({"workspace_id": world.w, "what": "scenarios", "shared": true, "reason": "tests"});
    let a = world.server.send(
        "PUT",
        &format!("/api/v1/workspaces/{}/shares", world.p),
        &world.auth[4],
        Some(&share),
    );
    assert_eq!(a.status, 204, "{}", a.text);
    assert_eq!(world.server.get(&format!("/api/v1/jobs/{id}"), partner).status, 200);
    let list = world.server.get(&format!("/api/v1/workspaces/{}/jobs", world.w), partner);
    assert_eq!(list.status, 200, "{}", list.text);
    // The partner may not cancel what it only reads.
    let a = world.server.send("POST", &format!("/api/v1/jobs/{id}/cancel"), partner, None);
    assert!(a.status == F || a.status == 409, "{}", a.text);
}
