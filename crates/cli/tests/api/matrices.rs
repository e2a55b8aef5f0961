//! Cross-impact matrices through the API: made by the coordinator, scored by members
//! (one score per assessor per cell, re-scoring audited), aggregated as `coherence
//! matrix` aggregates the same judgements, and the progress of each assessor.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::harness::{Rule, World};

const A: u16 = 401;
const N: u16 = 404;
const F: u16 = 403;

/// The matrices' routes (not shared with the partnership). The permission test's store
/// is fresh, so the matrix its rows make has id 1.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/matrices", path: "/api/v1/workspaces/{w}/matrices", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/matrices", path: "/api/v1/workspaces/{w}/matrices", body: Some(r#"{"name":"Matrix","elements":[{"id":"a","label":"A"},{"id":"b","label":"B"}],"reason":"matrix"}"#), expect: [A, F, F, F, 201, N, F] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/matrices/{matrix}", path: "/api/v1/workspaces/{w}/matrices/1", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "PUT", route: "/api/v1/workspaces/{id}/matrices/{matrix}/scores", path: "/api/v1/workspaces/{w}/matrices/1/scores", body: Some(r#"{"row":"a","col":"b","score":2,"reason":"matrix"}"#), expect: [A, F, 200, 200, 200, N, F] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/matrices/{matrix}/scores", path: "/api/v1/workspaces/{w}/matrices/1/scores", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/matrices/{matrix}/aggregate", path: "/api/v1/workspaces/{w}/matrices/1/aggregate", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
    Rule { method: "GET", route: "/api/v1/workspaces/{id}/matrices/{matrix}/progress", path: "/api/v1/workspaces/{w}/matrices/1/progress", body: None, expect: [A, 200, 200, 200, 200, N, 200] },
];

/// Medians by (from, to) of a `matrix` JSON value (nodes and cells).
fn medians(matrix: &Value) -> BTreeMap<(String, String), f64> {
    let nodes: Vec<&str> =
        matrix["nodes"].as_array().expect("nodes").iter().filter_map(Value::as_str).collect();
    matrix["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .map(|c| {
            let at =
                |k: &str| nodes[usize::try_from(c[k].as_u64().expect("index")).expect("index")];
            ((at("from").to_owned(), at("to").to_owned()), c["median"].as_f64().expect("median"))
        })
        .collect()
}

#[test]
fn scores_aggregate_as_the_command_line_aggregates_the_same_judgements() {
    let world = World::new();
    let (viewer, contributor, other, coordinator) = (1, 2, 3, 4);
    let base = format!("/api/v1/workspaces/{}/matrices", world.w);
    let elements = json!([
        {"id": "recruitment", "label": "Brevmark nurse recruitment"},
        {"id": "health", "label": "Pelaria health coverage"},
        {"id": "remittances", "label": "Cheaper remittances"}
    ]);
    let new = json!({"name": "Corridor objectives", "elements": elements, "reason": "2026 review"});
    assert_eq!(world.server.send("POST", &base, &world.auth[contributor], Some(&new)).status, 403);
    let r = world.server.send("POST", &base, &world.auth[coordinator], Some(&new));
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.json()["id"].as_i64().expect("id");
    let r = world.server.send("POST", &base, &world.auth[coordinator], Some(&new));
    assert_eq!(r.status, 409, "the same name twice: {}", r.text);
    let scores = format!("{base}/{id}/scores");

    let judgements: &[(usize, &str, &str, i64)] = &[
        (contributor, "recruitment", "health", -3),
        (other, "recruitment", "health", -2),
        (coordinator, "recruitment", "health", 1),
        (contributor, "remittances", "health", 2),
        (coordinator, "remittances", "health", 1),
        (other, "health", "recruitment", -1),
    ];
    let put = |who: usize, row: &str, col: &str, score: i64, reason: &str| {
        world.server.send(
            "PUT",
            &scores,
            &world.auth[who],
            Some(&json!({"row": row, "col": col, "score": score, "reason": reason})),
        )
    };
    // A first score of +3 by the contributor, replaced below: the audit keeps it.
    assert_eq!(put(contributor, "recruitment", "health", 3, "first thought").status, 200);
    for (who, row, col, score) in judgements {
        let r = put(*who, row, col, *score, "evidence from the 2025 survey");
        assert_eq!(r.status, 200, "{}", r.text);
    }
    assert_eq!(put(viewer, "recruitment", "health", 1, "x").status, 403);
    assert_eq!(put(contributor, "recruitment", "health", 4, "x").status, 400);
    assert_eq!(put(contributor, "recruitment", "recruitment", 1, "x").status, 400);
    assert_eq!(put(contributor, "recruitment", "nowhere", 1, "x").status, 400);
    let r = put(contributor, "recruitment", "health", -3, " ");
    assert_eq!(r.status, 400, "{}", r.text);

    // One score per assessor per cell.
    let list = world.server.get(&scores, &world.auth[viewer]).json();
    assert_eq!(list["total"], judgements.len());
    let audit = world
        .server
        .get(&format!("/api/v1/workspaces/{}/audit", world.w), &world.auth[coordinator])
        .json();
    let rescored = audit
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["action"] == "matrix.score" && r["old_value"].is_string())
        .expect("the re-scoring's row");
    assert_eq!(rescored["user_id"], world.ids[contributor]);
    assert!(
        rescored["old_value"].as_str().unwrap_or_default().contains("\"score\":3"),
        "{rescored}"
    );

    // The same judgements as a file, assessors named by user id: the same medians.
    let mut csv = String::from("assessor,from,to,score,rationale\n");
    for (who, row, col, score) in judgements {
        csv.push_str(&format!(
            "{},{row},{col},{score},evidence from the 2025 survey\n",
            world.ids[*who]
        ));
    }
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("judgements.csv");
    std::fs::write(&file, csv).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .env("COHERENCE_DB", dir.path().join("unused.sqlite"))
        .env_remove("COHERENCE_LOG")
        .args(["matrix", "metrics", "--format", "json"])
        .arg(&file)
        .output()
        .expect("coherence runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cli: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let aggregate = world.server.get(&format!("{base}/{id}/aggregate"), &world.auth[viewer]).json();
    assert_eq!(medians(&aggregate["matrix"]), medians(&cli["matrix"]));
    let key = ("recruitment".to_owned(), "health".to_owned());
    assert!((medians(&aggregate["matrix"])[&key] + 2.0).abs() < 1e-12, "{aggregate}");
    assert_eq!(aggregate["metrics"]["conflicts"], cli["metrics"]["conflicts"]);

    // Progress: 6 cells; the coordinator scored 2 of them.
    let p = world.server.get(&format!("{base}/{id}/progress"), &world.auth[viewer]).json();
    assert_eq!(p["cells"], 6);
    let mine = p["assessors"]
        .as_array()
        .expect("assessors")
        .iter()
        .find(|a| a["user_id"] == world.ids[coordinator])
        .expect("the coordinator")
        .clone();
    assert_eq!(mine["scored"], 2);
    assert_eq!(mine["unscored"].as_array().expect("unscored").len(), 4);

    // A partner reads the matrices only once they are shared.
    let url = format!("{base}/{id}");
    assert_eq!(world.server.get(&url, &world.auth[5]).status, 404);
    let share = json!({"workspace_id": world.w, "what": "matrices", "shared": true, "reason": "corridor review"});
    let r = world.server.send(
        "PUT",
        &format!("/api/v1/workspaces/{}/shares", world.p),
        &world.auth[coordinator],
        Some(&share),
    );
    assert_eq!(r.status, 204, "{}", r.text);
    assert_eq!(world.server.get(&url, &world.auth[5]).status, 200);
    assert_eq!(put(5, "recruitment", "health", 1, "theirs").status, 403);
}
