//! Framework answers through the API: versions and their scores (the command line's for
//! the same answers), a contributor answering only its ministry's items, sign-off and
//! the comparison of two versions.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::harness::{HEALTH, LABOUR, Rule, World};

const A: u16 = 401;
const N: u16 = 404;
const F: u16 = 403;

/// The answers' routes (Pelaria's answers are not shared with the partnership: the other
/// government's coordinator sees none of them). Columns as in `permissions::RULES`.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    Rule { method: "GET", route: "/api/v1/frameworks", path: "/api/v1/frameworks", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    Rule { method: "PUT", route: "/api/v1/workspaces/{id}/answers/{framework}/assignments", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2/assignments", body: Some(r#"{"items":["1a"],"ministry":"Ministry of Labour and Overseas Employment","reason":"matrix"}"#), expect: [A, F, F, F, 204, N, F] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/answers/{framework}/assignments", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2/assignments", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    // The contributor of labour stores its item (version 1); the health contributor may
    // not answer it; the coordinator's whole set is the same answers (200, unchanged).
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/answers/{framework}", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2", body: Some(r#"{"answers":{"1a":"yes-all"},"reason":"matrix"}"#), expect: [A, F, 201, F, 200, N, F] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/answers/{framework}", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2?version=1", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/answers/{framework}/versions", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2/versions", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/answers/{framework}/compare", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2/compare?from=1&to=1", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/answers/{framework}/versions/{version}/signoff", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2/versions/1/signoff", body: Some(r#"{"reason":"matrix"}"#), expect: [A, F, F, F, 201, N, F] },
    // Proposals: labour proposes for its item 1a, health may not (not its item), the
    // coordinator decides; storing them makes version 2 (1a changes to "no").
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/answers/{framework}/drafts", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2/drafts", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "PUT", route: "/api/v1/workspaces/{id}/answers/{framework}/drafts", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2/drafts", body: Some(r#"{"item":"1a","answer":"no","comment":"matrix","evidence":"Act 1"}"#), expect: [A, F, 200, F, 200, N, F] },
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/answers/{framework}/drafts/version", path: "/api/v1/workspaces/{w}/answers/sdg-10.7.2/drafts/version", body: Some(r#"{"reason":"matrix"}"#), expect: [A, F, F, F, 201, N, F] },
];

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

/// What `coherence assess XAA --format json --answers FILE` says.
fn cli_assess(file: &Path) -> Value {
    let dir = tempfile::tempdir().expect("dir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .env("COHERENCE_DB", dir.path().join("unused.sqlite"))
        .env_remove("COHERENCE_LOG")
        .args(["assess", "XAA", "--framework", "sdg-10.7.2", "--format", "json", "--answers"])
        .arg(file)
        .output()
        .expect("coherence runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn versions_are_scored_as_the_command_line_scores_them_and_signed_once() {
    let world = World::new();
    let (contributor, other, coordinator) = (2, 3, 4);
    let base = format!("/api/v1/workspaces/{}/answers/sdg-10.7.2", world.w);
    let file = repo("examples/pelaria-sdg-10.7.2.csv");
    let csv = std::fs::read_to_string(&file).expect("the example");

    // Nothing stored yet: 404.
    assert_eq!(world.server.get(&base, &world.auth[1]).status, 404);
    // A contributor stores nothing before items are assigned to its ministry.
    let mine = json!({"answers": {"1a": "no"}, "reason": "our item"});
    let r = world.server.send("POST", &base, &world.auth[contributor], Some(&mine));
    assert_eq!(r.status, 403, "{}", r.text);
    assert!(r.text.contains("1a"), "{}", r.text);

    // The coordinator stores the example file: version 1, scored as the command line does.
    let r = world.server.send(
        "POST",
        &base,
        &world.auth[coordinator],
        Some(&json!({"csv": csv, "reason": "2026 round"})),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    let v1 = r.json();
    assert_eq!(v1["status"], "added");
    assert_eq!(v1["stored"]["answers"]["version"], 1);
    let cli = cli_assess(&file);
    assert_eq!(v1["stored"]["assessment"], cli["assessment"]);
    assert_eq!(v1["stored"]["assessment"]["overall"]["percent_exact"], "200/3");

    // The coordinator gives items 1a and 1b to labour; labour answers 1a.
    let assign = json!({"items": ["1a", "1b"], "ministry": LABOUR, "reason": "labour answers access to services"});
    let r = world.server.send(
        "PUT",
        &format!("{base}/assignments"),
        &world.auth[contributor],
        Some(&assign),
    );
    assert_eq!(r.status, 403, "{}", r.text);
    let r = world.server.send(
        "PUT",
        &format!("{base}/assignments"),
        &world.auth[coordinator],
        Some(&assign),
    );
    assert_eq!(r.status, 204, "{}", r.text);
    let r = world.server.send("POST", &base, &world.auth[other], Some(&mine));
    assert_eq!(r.status, 403, "{}", r.text);
    let r = world.server.send(
        "POST",
        &base,
        &world.auth[contributor],
        Some(&json!({"answers": {"1a": "no", "2a": "no"}, "reason": "x"})),
    );
    assert_eq!(r.status, 403, "an item of another ministry: {}", r.text);
    assert!(r.text.contains("2a"), "{}", r.text);
    let r = world.server.send("POST", &base, &world.auth[contributor], Some(&mine));
    assert_eq!(r.status, 201, "{}", r.text);
    let v2 = r.json();
    assert_eq!(v2["stored"]["answers"]["version"], 2);
    // The other items are version 1's.
    assert_eq!(v2["stored"]["answers"]["n_answers"], v1["stored"]["answers"]["n_answers"]);
    let compare = world.server.get(&format!("{base}/compare?from=1&to=2"), &world.auth[1]).json();
    assert_eq!(compare["changed"], json!([{"item": "1a", "from": "yes-all", "to": "no"}]));
    assert_ne!(compare["overall_from"], compare["overall_to"]);

    // Sign-off: the coordinator only, once per version; new versions can still be stored.
    let note = json!({"reason": "validated by the inter-ministerial committee"});
    let sign = format!("{base}/versions/1/signoff");
    assert_eq!(world.server.send("POST", &sign, &world.auth[contributor], Some(&note)).status, 403);
    let r = world.server.send("POST", &sign, &world.auth[coordinator], Some(&note));
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.json()["user_id"], world.ids[coordinator]);
    let r = world.server.send("POST", &sign, &world.auth[coordinator], Some(&note));
    assert_eq!(r.status, 409, "{}", r.text);
    let r = world.server.send(
        "POST",
        &format!("{base}/versions/9/signoff"),
        &world.auth[coordinator],
        Some(&note),
    );
    assert_eq!(r.status, 404, "{}", r.text);
    let r = world.server.send(
        "POST",
        &base,
        &world.auth[contributor],
        Some(&json!({"answers": {"1b": "no"}, "reason": "after sign-off"})),
    );
    assert_eq!(r.status, 201, "{}", r.text);

    // The history lists the versions with the sign-off; version 1 still scores as signed.
    let h = world.server.get(&format!("{base}/versions"), &world.auth[1]).json();
    let items = h["items"].as_array().expect("items");
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["signoff"]["user_id"], world.ids[coordinator]);
    assert!(items[1]["signoff"].is_null());
    let one = world.server.get(&format!("{base}?version=1"), &world.auth[1]).json();
    assert_eq!(one["assessment"], cli["assessment"]);
    assert_eq!(one["signoff"]["version"], 1);

    // Audited with user ids.
    let audit = world
        .server
        .get(&format!("/api/v1/workspaces/{}/audit", world.w), &world.auth[coordinator])
        .json();
    let rows = audit.as_array().expect("rows");
    for (action, who) in [
        ("answers.store", contributor),
        ("answers.signoff", coordinator),
        ("answers.assign", coordinator),
    ] {
        assert!(
            rows.iter().any(|r| r["action"] == action && r["user_id"] == world.ids[who]),
            "{action}: {audit}"
        );
    }
}

#[test]
fn answers_are_read_by_a_partner_only_when_shared() {
    let world = World::new();
    let base = format!("/api/v1/workspaces/{}/answers/sdg-10.7.2", world.w);
    let r = world.server.send(
        "POST",
        &base,
        &world.auth[4],
        Some(&json!({"answers": {"1a": "yes-all"}, "reason": "first"})),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(world.server.get(&base, &world.auth[5]).status, 404);
    let share = json!({"workspace_id": world.w, "what": "answers", "shared": true, "reason": "corridor review"});
    let r = world.server.send(
        "PUT",
        &format!("/api/v1/workspaces/{}/shares", world.p),
        &world.auth[4],
        Some(&share),
    );
    assert_eq!(r.status, 204, "{}", r.text);
    assert_eq!(world.server.get(&base, &world.auth[5]).status, 200);
    let r = world.server.send(
        "POST",
        &base,
        &world.auth[5],
        Some(&json!({"answers": {"1a": "no"}, "reason": "theirs"})),
    );
    assert_eq!(r.status, 403, "{}", r.text);
    // An unknown framework is 404, with the known ones named.
    let r =
        world.server.get(&format!("/api/v1/workspaces/{}/answers/sdg", world.w), &world.auth[4]);
    assert_eq!(r.status, 404, "{}", r.text);
}

#[test]
fn ministries_propose_a_conflict_waits_for_the_coordinator_and_the_version_scores_as_the_cli() {
    let world = World::new();
    let (viewer, labour, health, coordinator) = (1, 2, 3, 4);
    let base = format!("/api/v1/workspaces/{}/answers/sdg-10.7.2", world.w);
    let drafts = format!("{base}/drafts");
    let assign = |items: &[&str], ministry: &str| {
        let body = json!({"items": items, "ministry": ministry, "reason": "who answers"});
        let r = world.server.send(
            "PUT",
            &format!("{base}/assignments"),
            &world.auth[coordinator],
            Some(&body),
        );
        assert_eq!(r.status, 204, "{}", r.text);
    };
    let propose = |who: usize, item: &str, answer: &str| {
        let body = json!({"item": item, "answer": answer, "comment": format!("{item} <b>why</b>"), "evidence": "Act 7"});
        world.server.send("PUT", &drafts, &world.auth[who], Some(&body))
    };

    // Nothing assigned: a contributor may not propose; a viewer never.
    let r = propose(labour, "1c", "no");
    assert_eq!(r.status, 403, "{}", r.text);
    assert_eq!(propose(viewer, "1c", "no").status, 403);
    assign(&["1c", "2a"], LABOUR);
    assign(&["1a"], HEALTH);
    // Checked against the item's scale, naming the field.
    let r = propose(labour, "2a", "yes-all");
    assert_eq!(r.status, 400, "{}", r.text);
    assert_eq!(r.json()["error"]["field"], "answer");
    let r = propose(labour, "9z", "yes");
    assert_eq!(r.json()["error"]["field"], "item", "{}", r.text);
    // Labour proposes 1c and 2a, and replaces its own 2a.
    assert_eq!(propose(labour, "1c", "yes-regular-only").status, 200);
    assert_eq!(propose(labour, "2a", "no").status, 200);
    let r = propose(labour, "2a", "yes");
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json()["replaced"]["answer"], "no");
    assert_eq!(r.json()["proposal"]["ministry"], LABOUR);
    assert_eq!(propose(health, "1a", "yes-all").status, 200);
    // Health may not answer labour's 1c until the coordinator gives it to health.
    assert_eq!(propose(health, "1c", "yes-all").status, 403);
    assign(&["1c"], HEALTH);
    assert_eq!(propose(health, "1c", "yes-all").status, 200);

    let q = world.server.get(&drafts, &world.auth[viewer]).json();
    let item =
        |id: &str| q["items"].as_array().unwrap().iter().find(|i| i["item"] == id).unwrap().clone();
    assert_eq!(item("1c")["conflict"], true);
    assert_eq!(item("1c")["proposals"].as_array().unwrap().len(), 2);
    assert_eq!(item("2a")["resolved"], "yes");
    assert_eq!(item("2a")["proposals"][0]["comment"], "2a <b>why</b>");
    assert_eq!(q["progress"]["conflicts"], 1);
    assert_eq!(q["progress"]["proposed"], 3);
    assert_eq!(q["progress"]["assigned"], 3);

    // No version while the conflict stands; then the coordinator decides.
    let store = format!("{drafts}/version");
    let why = json!({"reason": "first round"});
    assert_eq!(world.server.send("POST", &store, &world.auth[labour], Some(&why)).status, 403);
    let r = world.server.send("POST", &store, &world.auth[coordinator], Some(&why));
    assert_eq!(r.status, 409, "{}", r.text);
    assert!(r.text.contains("1c"), "{}", r.text);
    let r = propose(coordinator, "1c", "yes-regular-only");
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json()["proposal"]["ministry"], "(coordinator)");
    let r = world.server.send("POST", &store, &world.auth[coordinator], Some(&why));
    assert_eq!(r.status, 201, "{}", r.text);
    let v1 = r.json();
    assert_eq!(v1["stored"]["answers"]["version"], 1);
    assert_eq!(v1["stored"]["answers"]["n_answers"], 3);
    // Scored as the command line scores a file of the same answers.
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("answers.csv");
    std::fs::write(&file, "item,answer\n1a,yes-all\n1c,yes-regular-only\n2a,yes\n").expect("file");
    assert_eq!(v1["stored"]["assessment"], cli_assess(&file)["assessment"]);
    // The same proposals again: unchanged.
    let r = world.server.send("POST", &store, &world.auth[coordinator], Some(&why));
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json()["status"], "unchanged");

    // Audited with the users' ids.
    let audit = world
        .server
        .get(&format!("/api/v1/workspaces/{}/audit", world.w), &world.auth[coordinator])
        .json();
    let rows = audit.as_array().expect("rows");
    for who in [labour, health, coordinator] {
        assert!(
            rows.iter().any(|r| r["action"] == "answers.draft" && r["user_id"] == world.ids[who]),
            "{audit}"
        );
    }
}
