//! Official datasets uploaded by an administrator: read and checked against the import
//! limits at once (413 naming the limit), stored by a job that adds or refuses, and the
//! import's provenance.

use std::time::Duration;

use crate::harness::{Auth, Rule, Server};
use crate::jobs::{ended, wait_for};

const A: u16 = 401;
const N: u16 = 404;
const F: u16 = 403;

/// Uploads (the JSON body is a file of no known layout: 400 for the admin) and
/// provenance.
#[rustfmt::skip]
pub(crate) const RULES: &[Rule] = &[
    Rule { method: "POST", route: "/api/v1/datasets", path: "/api/v1/datasets?name=matrix.csv", body: Some(r#"{"not":"a dataset"}"#), expect: [A, F, F, F, F, F, 400] },
    Rule { method: "GET", route: "/api/v1/datasets/{id}", path: "/api/v1/datasets/999999", body: None, expect: [A, N, N, N, N, N, N] },
];

const WDI: &str = "API_SP.POP.TOTL_DS2_en_csv_v2_fixture.csv";

fn upload(server: &Server, auth: &Auth, name: &str, bytes: &[u8]) -> crate::harness::Answer {
    server.send_raw(
        "POST",
        &format!("/api/v1/datasets?name={name}"),
        auth,
        Some(bytes),
        "application/octet-stream",
    )
}

#[test]
fn an_uploaded_file_is_imported_by_a_job_and_the_same_file_again_changes_nothing() {
    let server = Server::start();
    let admin = Auth::Token(server.admin_token());
    let bytes =
        std::fs::read(test_support::workspace_root().join("crates/cli/tests/data").join(WDI))
            .expect("fixture");
    let a = upload(&server, &admin, WDI, &bytes);
    assert_eq!(a.status, 202, "{}", a.text);
    let id = a.json()["id"].as_i64().expect("id");
    assert_eq!(a.json()["workspace_id"], serde_json::Value::Null);
    let job = wait_for(&server, &admin, id, Duration::from_secs(300), ended);
    assert_eq!(job["status"], "done", "{job}");
    let outcome = &job["result"]["outcome"];
    assert_eq!(outcome["status"], "added", "{job}");
    let import_id = outcome["import_id"].as_i64().expect("import id");
    let sha = job["params"]["sha256"].as_str().expect("sha256").to_owned();
    let provenance = server.get(&format!("/api/v1/datasets/{import_id}"), &admin);
    assert_eq!(provenance.status, 200, "{}", provenance.text);
    assert!(provenance.text.contains(&sha), "{}", provenance.text);

    let again = upload(&server, &admin, WDI, &bytes);
    let id = again.json()["id"].as_i64().expect("id");
    let job = wait_for(&server, &admin, id, Duration::from_secs(300), ended);
    assert_eq!(job["result"]["outcome"]["status"], "unchanged", "{job}");
    let listed = server.get("/api/v1/jobs?status=done", &admin).json();
    assert_eq!(listed["total"], 2, "{listed}");
}

#[test]
fn a_file_past_an_import_limit_is_refused_with_413_naming_the_limit() {
    let server = Server::start();
    let admin = Auth::Token(server.admin_token());
    let bomb = test_support::hostile::zip_bomb(40 << 20, 1);
    let a = upload(&server, &admin, "ratio.xlsx", &bomb);
    assert_eq!(a.status, 413, "{}", a.text);
    assert_eq!(a.json()["error"]["field"], "ratio", "{}", a.text);
    let jobs = server.get("/api/v1/jobs", &admin).json();
    assert_eq!(jobs["total"], 0, "no job for a refused file");
}
