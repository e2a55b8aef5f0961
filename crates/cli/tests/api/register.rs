//! The policy register through the API: who edits what, reasons, conflicting edits, the
//! history with user ids, and a partner's reading once the register is shared.

use serde_json::{Value, json};

use crate::harness::{LABOUR, Rule, World};

const A: u16 = 401;
const F: u16 = 403;

/// The register's routes. Columns: anonymous, viewer, contributor (labour), contributor
/// (health), coordinator, other government's coordinator, admin. They run after the
/// accounts' rows, which share Pelaria's register with the partnership: the other
/// government's coordinator reads it, and edits nothing.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/policies", path: "/api/v1/workspaces/{w}/policies?stage=stay-abroad&limit=5", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    // The contributor of labour creates the policy; the coordinator then finds it exists.
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/policies", path: "/api/v1/workspaces/{w}/policies", body: Some(r#"{"id":"XAA-LAB-90","fields":{"ministry":"Ministry of Labour and Overseas Employment","title":"Matrix","instrument":"programme","area":"labour","stages":["before-departure"],"objectives":"Test.","source":"Tests"},"reason":"matrix"}"#), expect: [A, F, 201, F, 409, F, F] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/policies/{policy}", path: "/api/v1/workspaces/{w}/policies/XAA-LAB-01", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    // A stale version: those allowed to edit get as far as the version check (409).
    Rule { method: "PATCH", route: "/api/v1/workspaces/{id}/policies/{policy}", path: "/api/v1/workspaces/{w}/policies/XAA-LAB-01", body: Some(r#"{"version":"0000000000000000","set":{"title":"Matrix"},"reason":"matrix"}"#), expect: [A, F, 409, F, 409, F, F] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/policies/{policy}/history", path: "/api/v1/workspaces/{w}/policies/XAA-LAB-01/history", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
];

fn policy(world: &World, who: usize, id: &str) -> Value {
    let r = world
        .server
        .get(&format!("/api/v1/workspaces/{}/policies/{id}", world.w), &world.auth[who]);
    assert_eq!(r.status, 200, "{}", r.text);
    r.json()
}

fn patch(world: &World, who: usize, id: &str, body: &Value) -> crate::harness::Answer {
    world.server.send(
        "PATCH",
        &format!("/api/v1/workspaces/{}/policies/{id}", world.w),
        &world.auth[who],
        Some(body),
    )
}

#[test]
fn a_contributor_edits_its_ministrys_policies_only_with_a_reason_and_the_version_it_read() {
    let world = World::new();
    let (contributor, other, coordinator) = (2, 3, 4);
    let read = policy(&world, contributor, "XAA-LAB-01");
    assert_eq!(read["ministry"], LABOUR);
    let version = read["version"].as_str().expect("version").to_owned();

    // No reason: 400 naming the field.
    let r = patch(
        &world,
        contributor,
        "XAA-LAB-01",
        &json!({"version": version, "set": {"status": "suspended"}, "reason": " "}),
    );
    assert_eq!(r.status, 400, "{}", r.text);
    assert_eq!(r.json()["error"]["field"], "reason");

    // Another ministry's contributor: 403 saying whose policy it is.
    let r = patch(
        &world,
        other,
        "XAA-LAB-01",
        &json!({"version": version, "set": {"status": "suspended"}, "reason": "not ours"}),
    );
    assert_eq!(r.status, 403, "{}", r.text);
    let message = r.json()["error"]["message"].as_str().unwrap_or_default().to_owned();
    assert!(message.contains(LABOUR) && message.contains("Ministry of Health"), "{message}");

    // Its own: 200, with the change and a new version.
    let r = patch(
        &world,
        contributor,
        "XAA-LAB-01",
        &json!({"version": version, "set": {"status": "suspended"}, "add": {"tags": ["review-2026"]}, "reason": "suspended pending review"}),
    );
    assert_eq!(r.status, 200, "{}", r.text);
    let done = r.json();
    assert_eq!(done["policy"]["status"], "suspended");
    assert_ne!(done["policy"]["version"], Value::String(version.clone()));
    assert!(done["changes"].as_array().expect("changes").iter().any(|c| c["field"] == "status"));

    // The coordinator edits with the version read before that edit: 409, nothing written.
    let r = patch(
        &world,
        coordinator,
        "XAA-LAB-01",
        &json!({"version": version, "set": {"title": "Renamed"}, "reason": "late"}),
    );
    assert_eq!(r.status, 409, "{}", r.text);
    assert_ne!(policy(&world, coordinator, "XAA-LAB-01")["title"], "Renamed");

    // A contributor may not give its policy to another ministry; the coordinator may.
    let now = done["policy"]["version"].clone();
    let r = patch(
        &world,
        contributor,
        "XAA-LAB-01",
        &json!({"version": now, "set": {"ministry": "Ministry of Health"}, "reason": "move"}),
    );
    assert_eq!(r.status, 403, "{}", r.text);
    assert!(r.text.contains("another ministry"), "{}", r.text);
    let r = patch(
        &world,
        coordinator,
        "XAA-LAB-01",
        &json!({"version": now, "set": {"ministry": "Ministry of Health"}, "reason": "reorganisation"}),
    );
    assert_eq!(r.status, 200, "{}", r.text);

    // A bad value is refused as a register file would refuse it.
    let now = r.json()["policy"]["version"].clone();
    let r = patch(
        &world,
        coordinator,
        "XAA-LAB-01",
        &json!({"version": now, "set": {"status": "dormant"}, "reason": "x"}),
    );
    assert_eq!(r.status, 400, "{}", r.text);

    // The history names who (user ids), what, old, new and why.
    let h = world.server.get(
        &format!("/api/v1/workspaces/{}/policies/XAA-LAB-01/history", world.w),
        &world.auth[1],
    );
    assert_eq!(h.status, 200, "{}", h.text);
    let items = h.json()["items"].as_array().expect("items").clone();
    let status = items.iter().find(|c| c["field"] == "status").expect("the status change");
    assert_eq!(status["user_id"], world.ids[contributor]);
    assert_eq!(status["old_value"], "active");
    assert_eq!(status["new_value"], "suspended");
    assert_eq!(status["reason"], "suspended pending review");
    let moved = items.iter().find(|c| c["field"] == "ministry").expect("the ministry change");
    assert_eq!(moved["user_id"], world.ids[coordinator]);

    // The workspace's audit trail has the same edits with the user ids.
    let audit = world
        .server
        .get(&format!("/api/v1/workspaces/{}/audit", world.w), &world.auth[coordinator])
        .json();
    let edits: Vec<&Value> =
        audit.as_array().expect("rows").iter().filter(|r| r["action"] == "policy.edit").collect();
    assert!(edits.iter().any(|r| r["user_id"] == world.ids[contributor]), "{audit}");
}

#[test]
fn policies_are_created_for_the_callers_ministry_and_listed_with_filters() {
    let world = World::new();
    let url = format!("/api/v1/workspaces/{}/policies", world.w);
    let fields = |ministry: &str| {
        json!({"ministry": ministry, "title": "Pre-departure orientation", "instrument": "programme",
               "area": "labour", "stages": "before-departure", "partners": ["XAB"],
               "objectives": "Prepare workers.", "source": "Tests", "start_year": 2026})
    };
    let r = world.server.send(
        "POST",
        &url,
        &world.auth[3],
        Some(&json!({"id": "XAA-LAB-77", "fields": fields(LABOUR), "reason": "new"})),
    );
    assert_eq!(r.status, 403, "{}", r.text);
    let r = world.server.send(
        "POST",
        &url,
        &world.auth[2],
        Some(&json!({"id": "XAA-LAB-77", "fields": {"ministry": LABOUR}, "reason": "new"})),
    );
    assert_eq!(r.status, 400, "{}", r.text);
    assert!(r.text.contains("title"), "{}", r.text);
    let r = world.server.send(
        "POST",
        &url,
        &world.auth[2],
        Some(&json!({"id": "XAA-LAB-77", "fields": fields(LABOUR), "reason": "new"})),
    );
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.json()["status"], "planned");
    assert_eq!(r.json()["start_year"], 2026);

    let list = world
        .server
        .get(
            &format!("{url}?ministry={}&partner=XAB&limit=100", LABOUR.replace(' ', "%20")),
            &world.auth[1],
        )
        .json();
    let ids: Vec<&str> =
        list["items"].as_array().expect("items").iter().filter_map(|p| p["id"].as_str()).collect();
    assert!(ids.contains(&"XAA-LAB-77"), "{ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("XAA-")), "{ids:?}");
    let all = world.server.get(&format!("{url}?limit=2&offset=1"), &world.auth[1]).json();
    assert_eq!(all["items"].as_array().expect("items").len(), 2);
    assert!(all["total"].as_u64().unwrap_or(0) > 2);

    let h = world.server.get(&format!("{url}/XAA-LAB-77/history"), &world.auth[4]).json();
    assert_eq!(h["items"][0]["user_id"], world.ids[2]);
    assert_eq!(h["items"][0]["action"], "create", "{h}");
    let again = world.server.send(
        "POST",
        &url,
        &world.auth[4],
        Some(&json!({"id": "XAA-LAB-77", "fields": fields(LABOUR), "reason": "twice"})),
    );
    assert_eq!(again.status, 409, "an id is created once: {}", again.text);
    let trail = world
        .server
        .get(&format!("/api/v1/workspaces/{}/audit?action=policy.", world.w), &world.auth[4]);
    assert!(trail.text.contains("policy.create"), "{}", trail.text);
}

#[test]
fn a_partner_reads_the_register_only_once_it_is_shared_and_never_edits_it() {
    let world = World::new();
    let partner = 5;
    let url = format!("/api/v1/workspaces/{}/policies", world.w);
    assert_eq!(world.server.get(&url, &world.auth[partner]).status, 404);
    // The partner's own coordinator cannot share Pelaria's register (it does not see it).
    let share = json!({"workspace_id": world.w, "what": "register", "shared": true, "reason": "corridor review"});
    let r = world.server.send(
        "PUT",
        &format!("/api/v1/workspaces/{}/shares", world.p),
        &world.auth[partner],
        Some(&share),
    );
    assert_eq!(r.status, 404, "{}", r.text);
    let r = world.server.send(
        "PUT",
        &format!("/api/v1/workspaces/{}/shares", world.p),
        &world.auth[4],
        Some(&share),
    );
    assert_eq!(r.status, 204, "{}", r.text);
    let list = world.server.get(&url, &world.auth[partner]);
    assert_eq!(list.status, 200, "{}", list.text);
    assert!(list.json()["total"].as_u64().unwrap_or(0) > 0);
    let read = policy(&world, partner, "XAA-LAB-01");
    let r = patch(
        &world,
        partner,
        "XAA-LAB-01",
        &json!({"version": read["version"], "set": {"title": "Theirs"}, "reason": "x"}),
    );
    assert_eq!(r.status, 403, "{}", r.text);
    // Answers are not shared: still nothing.
    let answers = world
        .server
        .get(&format!("/api/v1/workspaces/{}/answers/sdg-10.7.2", world.w), &world.auth[partner]);
    assert_eq!(answers.status, 404);
}

#[test]
fn a_partner_reads_only_the_policies_shared_one_by_one_everywhere() {
    let world = World::new();
    let (coordinator, partner) = (4, 5);
    let shares = format!("/api/v1/workspaces/{}/shares", world.p);
    let one = |policy: &str, shared: bool| json!({"workspace_id": world.w, "what": "register", "policy": policy, "shared": shared, "reason": "corridor review"});
    let put =
        |who: usize, body: &Value| world.server.send("PUT", &shares, &world.auth[who], Some(body));
    let get = |path: &str| world.server.get(path, &world.auth[partner]);
    let policies = format!("/api/v1/workspaces/{}/policies", world.w);

    // Nothing shared: the partner sees nothing and cannot share Pelaria's policy itself.
    assert_eq!(get(&policies).status, 404);
    assert_eq!(put(partner, &one("XAA-LAB-01", true)).status, 404);
    // A policy the register does not have, a policy of answers: refused.
    assert_eq!(put(coordinator, &one("XAA-NOPE-99", true)).status, 404);
    let answers = json!({"workspace_id": world.w, "what": "answers", "policy": "XAA-LAB-01", "shared": true, "reason": "x"});
    let r = put(coordinator, &answers);
    assert_eq!(
        (r.status, r.json()["error"]["field"].as_str()),
        (400, Some("policy")),
        "{}",
        r.text
    );
    assert_eq!(put(coordinator, &one("XAA-LAB-01", true)).status, 204);

    // Listed with the shares; the partner reads Pelaria's workspace now, but decides nothing.
    let listed = world.server.get(&shares, &world.auth[coordinator]);
    assert_eq!(listed.status, 200, "{}", listed.text);
    assert!(
        listed.json().as_array().expect("shares").iter().any(|s| s["workspace_id"] == world.w
            && s["what"] == "register"
            && s["policy"] == "XAA-LAB-01"),
        "{}",
        listed.text
    );
    assert_eq!(put(partner, &one("XAA-LAB-02", true)).status, 403);

    // The register: that policy alone, in the list, one by one, in the history.
    let list = get(&format!("{policies}?limit=1000"));
    assert_eq!(list.status, 200, "{}", list.text);
    let items = list.json()["items"].clone();
    let ids: Vec<&str> =
        items.as_array().expect("items").iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids, vec!["XAA-LAB-01"], "{}", list.text);
    assert_eq!(get(&format!("{policies}/XAA-LAB-01")).status, 200);
    assert_eq!(get(&format!("{policies}/XAA-LAB-01/history")).status, 200);
    assert_eq!(get(&format!("{policies}/XAA-LAB-02")).status, 404);
    assert_eq!(get(&format!("{policies}/XAA-LAB-02/history")).status, 404);
    let read = policy(&world, partner, "XAA-LAB-01");
    let r = patch(
        &world,
        partner,
        "XAA-LAB-01",
        &json!({"version": read["version"], "set": {"title": "Theirs"}, "reason": "x"}),
    );
    assert_eq!(r.status, 403, "{}", r.text);
    let r = patch(
        &world,
        partner,
        "XAA-LAB-02",
        &json!({"version": "0", "set": {"title": "Theirs"}, "reason": "x"}),
    );
    assert_eq!(r.status, 404, "{}", r.text);

    // The profile, the brief and the corridor check show that policy and no other.
    let profile = get("/api/v1/profiles/XAA");
    assert_eq!(profile.status, 200, "{}", profile.text);
    let ids: Vec<String> = profile.json()["policies"]
        .as_array()
        .expect("policies")
        .iter()
        .filter_map(|p| p["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(ids, vec!["XAA-LAB-01".to_owned()]);
    let brief = get("/api/v1/briefs/XAA");
    assert_eq!(brief.status, 200);
    assert!(brief.text.contains("XAA-LAB-01"));
    let corridor = get("/api/v1/corridors/XAA/XAB");
    assert_eq!(corridor.status, 200, "{}", corridor.text);
    for hidden in ["XAA-LAB-02", "XAA-LAB-03", "XAA-HEA-01", "XAA-FIN-01", "XAA-DIA-01"] {
        for (what, body) in
            [("profile", &profile.text), ("brief", &brief.text), ("corridor", &corridor.text)]
        {
            assert!(!body.contains(hidden), "the {what} shows the unshared {hidden}");
        }
    }

    // The share and its end are audited; unshared, the partner sees nothing again.
    assert_eq!(put(coordinator, &one("XAA-LAB-01", false)).status, 204);
    assert_eq!(get(&policies).status, 404);
    assert_eq!(get("/api/v1/corridors/XAA/XAB").status, 404);
    let trail = world.server.get(
        &format!("/api/v1/workspaces/{}/audit?action=share.", world.p),
        &world.auth[coordinator],
    );
    assert!(
        trail.text.contains("share.add") && trail.text.contains("share.remove"),
        "{}",
        trail.text
    );
    assert!(trail.text.contains("XAA-LAB-01"), "{}", trail.text);
}
