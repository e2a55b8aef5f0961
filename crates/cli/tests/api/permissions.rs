//! The permission matrix: every route of the API × every kind of caller gives the
//! expected status. The matrix is data ([`RULES`] and the rules of each resource's test
//! module); a route of the OpenAPI document without a row fails the test, so a new route
//! cannot go untested.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::harness::{CALLERS, Rule, World};

/// The routes that are not in the OpenAPI document (the document itself and its page).
const UNDOCUMENTED: &[(&str, &str)] =
    &[("GET", "/api/v1/openapi.json"), ("GET", "/api/v1/docs"), ("GET", "/api/v1/docs.css")];

const A: u16 = 401; // anonymous: no credentials
const N: u16 = 404; // not visible to this caller
const F: u16 = 403; // visible, but the role does not allow it

/// Accounts, workspaces, audit and the shared data. Columns: anonymous, viewer,
/// contributor (labour), contributor (health), coordinator, other government's
/// coordinator, admin.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    Rule { method: "GET", route: "/api/v1/openapi.json", path: "/api/v1/openapi.json", body: None, expect: [200, 200, 200, 200, 200, 200, 200] },
    Rule { method: "GET", route: "/api/v1/docs", path: "/api/v1/docs", body: None, expect: [200, 200, 200, 200, 200, 200, 200] },
    Rule { method: "GET", route: "/api/v1/docs.css", path: "/api/v1/docs.css", body: None, expect: [200, 200, 200, 200, 200, 200, 200] },
    Rule { method: "POST", route: "/api/v1/session", path: "/api/v1/session", body: Some(r#"{"name":"nobody","password":"not the password"}"#), expect: [A, A, A, A, A, A, A] },
    Rule { method: "GET", route: "/api/v1/me", path: "/api/v1/me", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    Rule { method: "PUT", route: "/api/v1/me/password", path: "/api/v1/me/password", body: Some(r#"{"current":"not the password","new":"a long enough new password"}"#), expect: [A, 400, 400, 400, 400, 400, 400] },
    Rule { method: "GET", route: "/api/v1/me/tokens", path: "/api/v1/me/tokens", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    Rule { method: "POST", route: "/api/v1/me/tokens", path: "/api/v1/me/tokens", body: Some(r#"{"name":"matrix"}"#), expect: [A, 201, 201, 201, 201, 201, 201] },
    Rule { method: "DELETE", route: "/api/v1/me/tokens/{id}", path: "/api/v1/me/tokens/999999", body: None, expect: [A, N, N, N, N, N, N] },
    Rule { method: "GET", route: "/api/v1/users", path: "/api/v1/users", body: None, expect: [A, F, F, F, F, F, 200] },
    Rule { method: "POST", route: "/api/v1/users", path: "/api/v1/users", body: Some(r#"{"name":"matrix_user","display_name":"Matrix"}"#), expect: [A, F, F, F, F, F, 201] },
    Rule { method: "PATCH", route: "/api/v1/users/{id}", path: "/api/v1/users/{viewer}", body: Some(r#"{"disabled":false,"reason":"matrix"}"#), expect: [A, F, F, F, F, F, 200] },
    Rule { method: "POST", route: "/api/v1/users/{id}/password", path: "/api/v1/users/{viewer}/password", body: None, expect: [A, F, F, F, F, F, 200] },
    Rule { method: "GET", route: "/api/v1/workspaces", path: "/api/v1/workspaces", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    Rule { method: "POST", route: "/api/v1/workspaces", path: "/api/v1/workspaces", body: Some(r#"{"name":"Matrix","country":"XAC","reason":"matrix"}"#), expect: [A, F, F, F, F, F, 201] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}", path: "/api/v1/workspaces/{w}", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/members", path: "/api/v1/workspaces/{w}/members", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "PUT", route: "/api/v1/workspaces/{id}/members/{user_id}", path: "/api/v1/workspaces/{w}/members/{admin}", body: Some(r#"{"role":"viewer","reason":"matrix"}"#), expect: [A, F, F, F, 204, N, 204] },
    Rule { method: "DELETE", route: "/api/v1/workspaces/{id}/members/{user_id}", path: "/api/v1/workspaces/{w}/members/{admin}?reason=matrix", body: None, expect: [A, F, F, F, 204, N, N] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/shares", path: "/api/v1/workspaces/{p}/shares", body: None, expect: [A, N, N, N, 200, 200, 200] },
    Rule { method: "PUT", route: "/api/v1/workspaces/{id}/shares", path: "/api/v1/workspaces/{p}/shares", body: Some(r#"{"workspace_id":{w},"what":"register","shared":true,"reason":"matrix"}"#), expect: [A, N, N, N, 204, F, F] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/audit", path: "/api/v1/workspaces/{w}/audit", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "GET", route: "/api/v1/audit", path: "/api/v1/audit", body: None, expect: [A, F, F, F, F, F, 200] },
    Rule { method: "GET", route: "/api/v1/datasets", path: "/api/v1/datasets", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    Rule { method: "GET", route: "/api/v1/profiles/{area}", path: "/api/v1/profiles/XAA", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    Rule { method: "GET", route: "/api/v1/briefs/{area}", path: "/api/v1/briefs/XAA", body: None, expect: [A, 200, 200, 200, 200, 200, 200] },
    // Last: signing out ends nothing the rows above need (the callers use tokens).
    Rule { method: "DELETE", route: "/api/v1/session", path: "/api/v1/session", body: None, expect: [A, 204, 204, 204, 204, 204, 204] },
];

/// Every resource's rules, in the order they run.
fn all_rules() -> Vec<&'static Rule> {
    let (sign_out, rest) = RULES.split_last().expect("rules");
    assert_eq!(
        (sign_out.method, sign_out.route),
        ("DELETE", "/api/v1/session"),
        "sign-out runs last"
    );
    rest.iter()
        .chain(crate::register::RULES)
        .chain(crate::answers::RULES)
        .chain(crate::matrices::RULES)
        .chain(crate::scenarios::RULES)
        .chain(crate::jobs::RULES)
        .chain(crate::imports::RULES)
        .chain(crate::corridors::RULES)
        .chain(crate::estimates::RULES)
        .chain(std::iter::once(sign_out))
        .collect()
}

/// Runs every rule for every caller and reports all mismatches at once.
#[test]
fn every_route_gives_each_caller_the_expected_status() {
    let world = World::new();
    let rules = all_rules();
    let doc = world.server.get("/api/v1/openapi.json", &crate::harness::Auth::None).json();
    let mut documented: BTreeSet<(String, String)> = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    documented.extend(UNDOCUMENTED.iter().map(|(m, p)| ((*m).to_owned(), (*p).to_owned())));
    let covered: BTreeSet<(String, String)> =
        rules.iter().map(|r| (r.method.to_owned(), r.route.to_owned())).collect();
    let missing: Vec<_> = documented.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&documented).collect();
    assert!(missing.is_empty(), "routes without a row in the permission matrix: {missing:?}");
    assert!(stale.is_empty(), "rows for routes the server does not have: {stale:?}");

    let mut failures = Vec::new();
    for rule in &rules {
        let path = world.fill(rule.path);
        let body: Option<Value> = rule.body.map(|b| {
            serde_json::from_str(&world.fill(b))
                .unwrap_or_else(|e| panic!("body of {} {}: {e}", rule.method, rule.path))
        });
        for (i, caller) in CALLERS.iter().enumerate() {
            let answer = world.server.send(rule.method, &path, &world.auth[i], body.as_ref());
            if answer.status != rule.expect[i] {
                failures.push(format!(
                    "{} {path} as {caller}: expected {}, got {} {}",
                    rule.method, rule.expect[i], answer.status, answer.text
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
