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
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/estimates/remittances", path: "/api/v1/workspaces/{w}/estimates/remittances", body: Some(r#"{"year":2020,"variant":"nope"}"#), expect: [A, F, 400, 400, 400, N, F] },
    Rule { method: "POST", route: "/api/v1/workspaces/{id}/estimates/gravity", path: "/api/v1/workspaces/{w}/estimates/gravity?model=flow%20~%20log(dist)%20%7C%20orig", body: Some(r#""not a table""#), expect: [A, F, 400, 400, 400, N, F] },
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

/// `coherence --db DB ARGS…`, which must succeed; its standard output.
fn cli(db: &std::ffi::OsStr, args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("coherence runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn a_remittance_matrix_gives_the_bytes_of_the_command_line() {
    let world = World::new();
    let server = &world.server;
    let coordinator = &world.auth[4];
    let body = serde_json::json!({"year": 2020});
    let url = format!("/api/v1/workspaces/{}/estimates/remittances", world.w);
    let a = server.send("POST", &url, coordinator, Some(&body));
    assert_eq!(a.status, 202, "{}", a.text);
    let id = a.json()["id"].as_i64().expect("id");
    let job = wait_for(server, coordinator, id, Duration::from_secs(300), ended);
    assert_eq!(job["status"], "done", "{job}");
    assert_eq!(job["result"]["variant"], "income-difference", "{job}");
    let served = server.get(&format!("/api/v1/jobs/{id}/files/remittances.csv"), &world.auth[1]);
    assert_eq!(served.status, 200, "{}", served.text);
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("remittances.csv");
    let args = ["--quiet", "estimate", "remittances", "--year", "2020", "--out"];
    let mut args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    args.push(out.as_os_str());
    cli(&server.db, &args);
    assert_eq!(served.text, std::fs::read_to_string(&out).expect("the CLI's file"));
}

#[test]
fn a_gravity_fit_gives_the_command_lines_estimate() {
    let world = World::new();
    let server = &world.server;
    let contributor = &world.auth[2];
    // A small panel: 6 origins × 6 destinations, flows falling with distance.
    let mut csv = String::from("orig,dest,flow,dist\n");
    for o in 0..6u32 {
        for d in 0..6u32 {
            if o == d {
                continue;
            }
            let dist = 1.0 + f64::from((o * 7 + d * 3) % 11);
            let flow = (1000.0 / dist.powf(1.3) * f64::from(1 + (o + d) % 4)).round();
            csv.push_str(&format!("O{o},D{d},{flow},{dist}\n"));
        }
    }
    let model = "flow ~ log(dist) | orig + dest";
    let url = format!(
        "/api/v1/workspaces/{}/estimates/gravity?model={}&vcov=hetero&name=panel.csv",
        world.w,
        model.replace(' ', "%20").replace('|', "%7C").replace('+', "%2B")
    );
    let a = server.send_raw("POST", &url, contributor, Some(csv.as_bytes()), "text/csv");
    assert_eq!(a.status, 202, "{}", a.text);
    let id = a.json()["id"].as_i64().expect("id");
    let job = wait_for(server, contributor, id, Duration::from_secs(300), ended);
    assert_eq!(job["status"], "done", "{job}");
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("panel.csv");
    std::fs::write(&file, &csv).expect("data");
    let args = ["--format", "json", "gravity"].map(std::ffi::OsStr::new);
    let mut args: Vec<&std::ffi::OsStr> = args.to_vec();
    args.push(file.as_os_str());
    args.extend(["--model", model, "--vcov", "hetero"].map(std::ffi::OsStr::new));
    let expected: serde_json::Value =
        serde_json::from_slice(&cli(&server.db, &args)).expect("the CLI's JSON");
    assert_eq!(job["result"], expected, "the job's estimate is the CLI's");
    let bad = server.send_raw(
        "POST",
        &url.replace("log(dist)", "log(distance)"),
        contributor,
        Some(csv.as_bytes()),
        "text/csv",
    );
    assert_eq!(bad.status, 400, "an unknown column is refused before any job: {}", bad.text);
}

#[test]
fn a_flow_estimate_from_uploaded_tables_gives_the_bytes_of_the_command_line() {
    let world = World::new();
    let server = &world.server;
    let coordinator = &world.auth[4];
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data");
    let stocks = data.join("estimate_stocks.csv");
    let vital = data.join("estimate_vital.csv");
    let read = |p: &std::path::Path| std::fs::read_to_string(p).expect("fixture");
    let body = serde_json::json!({"method": "da_pb_closed", "from": 2015, "to": 2020,
        "stocks_csv": read(&stocks), "vital_csv": read(&vital)});
    let url = format!("/api/v1/workspaces/{}/estimates/flows", world.w);
    let a = server.send("POST", &url, coordinator, Some(&body));
    assert_eq!(a.status, 202, "{}", a.text);
    let id = a.json()["id"].as_i64().expect("id");
    let job = wait_for(server, coordinator, id, Duration::from_secs(300), ended);
    assert_eq!(job["status"], "done", "{job}");
    let served = server.get(&format!("/api/v1/jobs/{id}/files/flows.csv"), coordinator);
    let dir = tempfile::tempdir().expect("dir");
    let out = dir.path().join("flows.csv");
    let args = [
        "--quiet",
        "estimate",
        "flows",
        "--method",
        "da_pb_closed",
        "--from",
        "2015",
        "--to",
        "2020",
    ];
    let mut args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    args.extend([std::ffi::OsStr::new("--stocks"), stocks.as_os_str()]);
    args.extend([
        std::ffi::OsStr::new("--vital"),
        vital.as_os_str(),
        std::ffi::OsStr::new("--out"),
    ]);
    args.push(out.as_os_str());
    cli(&server.db, &args);
    assert_eq!(served.text, std::fs::read_to_string(&out).expect("the CLI's file"));
    let both = serde_json::json!({"method": "da_pb_closed", "from": 2015, "to": 2020,
        "vital_csv": read(&vital), "no_vital": true});
    assert_eq!(server.send("POST", &url, coordinator, Some(&both)).status, 400);
}
