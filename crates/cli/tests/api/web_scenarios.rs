//! The scenarios, datasets and audit pages of the web workspace: their rows of the pages'
//! permission matrix (`pages.rs`) and their tests.

use std::time::Duration;

use crate::harness::{Auth, World};
use crate::jobs::{ended, wait_for};
#[allow(unused_imports, reason = "the rows use these as they are added")]
use crate::pages::{D, F, N, PageRule, S};

/// A scenario form with an empty name: refused at its field (400), no job started.
const BAD_FORM: &str = "model=recruitment&name=&option=cap&origin=XAA&destination=XAB&year=2020&draws=4&seed=1&p-workers=1000";
/// A valid scenario form: a run of 4 draws starts, and the page sends on to it.
const GOOD_FORM: &str = "model=recruitment&name=Cap&option=cap&origin=XAA&destination=XAB&year=2020&draws=4&seed=1&p-workers=1000";

/// The rows of these pages. Columns: anonymous, viewer, contributor, contributor-other,
/// coordinator, other-coordinator, admin (who has no role in Pelaria).
#[rustfmt::skip]
pub const PAGES: &[PageRule] = &[
    PageRule { method: "GET", route: "/w/{id}/scenarios", path: "/w/{w}/scenarios", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/scenarios/new", path: "/w/{w}/scenarios/new?model=recruitment", form: None, expect: [S, F, 200, 200, 200, N, F] },
    PageRule { method: "GET", route: "/w/{id}/scenarios/new", path: "/w/{w}/scenarios/new?example=skills", form: None, expect: [S, F, 200, 200, 200, N, F] },
    PageRule { method: "GET", route: "/w/{id}/scenarios/new", path: "/w/{w}/scenarios/new?model=no-such-model", form: None, expect: [S, F, N, N, N, N, F] },
    PageRule { method: "POST", route: "/w/{id}/scenarios/new", path: "/w/{w}/scenarios/new", form: Some(BAD_FORM), expect: [S, F, 400, 400, 400, N, F] },
    PageRule { method: "POST", route: "/w/{id}/scenarios/new", path: "/w/{w}/scenarios/new", form: Some(GOOD_FORM), expect: [S, F, D, D, D, N, F] },
    PageRule { method: "GET", route: "/w/{id}/scenarios/runs/{job}", path: "/w/{w}/scenarios/runs/999999", form: None, expect: [S, N, N, N, N, N, N] },
    PageRule { method: "POST", route: "/w/{id}/scenarios/runs/{job}/brief", path: "/w/{w}/scenarios/runs/999999/brief", form: Some("action=add"), expect: [S, F, N, N, N, N, F] },
    PageRule { method: "GET", route: "/w/{id}/scenarios/compare", path: "/w/{w}/scenarios/compare", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/brief", path: "/w/{w}/brief", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    // A partnership has no brief of its own country.
    PageRule { method: "GET", route: "/w/{id}/brief", path: "/w/{p}/brief", form: None, expect: [S, N, N, N, 400, 400, 400] },
    PageRule { method: "GET", route: "/datasets", path: "/datasets", form: None, expect: [S, 200, 200, 200, 200, 200, 200] },
    // A form post, not multipart: administrators only, and then the upload cannot be read.
    PageRule { method: "POST", route: "/datasets/upload", path: "/datasets/upload", form: Some("kind=x"), expect: [S, F, F, F, F, F, 400] },
    PageRule { method: "GET", route: "/datasets/jobs/{id}", path: "/datasets/jobs/999999", form: None, expect: [S, N, N, N, N, N, N] },
    PageRule { method: "GET", route: "/datasets/{id}", path: "/datasets/1", form: None, expect: [S, 200, 200, 200, 200, 200, 200] },
    PageRule { method: "GET", route: "/datasets/{id}", path: "/datasets/999999", form: None, expect: [S, N, N, N, N, N, N] },
    PageRule { method: "GET", route: "/w/{id}/audit", path: "/w/{w}/audit?action=membership.&since=2000-01-01", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/audit", path: "/w/{w}/audit?since=yesterday", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/audit", path: "/audit", form: None, expect: [S, F, F, F, F, F, 200] },
];

/// `GET path` as `auth`: status and text.
fn page(world: &World, path: &str, auth: &Auth) -> (u16, String) {
    let a = world.server.send_raw("GET", path, auth, None, "text/plain");
    (a.status, a.text)
}

/// `POST path` with `form` as `auth`: status and where it sends.
fn post(world: &World, path: &str, form: &str, auth: &Auth) -> (u16, String) {
    let a = world.server.send_raw(
        "POST",
        path,
        auth,
        Some(form.as_bytes()),
        "application/x-www-form-urlencoded",
    );
    (a.status, a.text)
}

#[test]
fn a_run_from_the_form_shows_its_summary_and_goes_into_the_brief() {
    let world = World::new();
    let coordinator = &world.auth[4];
    let w = world.w;
    // An invalid value is refused at its field before any job starts.
    let bad = GOOD_FORM.replace("p-workers=1000", "p-workers=1000&p-compliance=1.5");
    let (status, text) = post(&world, &format!("/w/{w}/scenarios/new"), &bad, coordinator);
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("id=\"f-p-compliance-error\" aria-live=\"polite\">"), "{text}");
    assert!(text.contains("aria-invalid=\"true\""), "{text}");
    let jobs = world.server.get(&format!("/api/v1/workspaces/{w}/jobs"), coordinator).json();
    assert_eq!(jobs["total"], 0, "no job was started: {jobs}");

    let form = GOOD_FORM.replace("name=Cap", "name=%3Cscript%3Ex%3C%2Fscript%3E");
    let (status, _) = post(&world, &format!("/w/{w}/scenarios/new"), &form, coordinator);
    assert_eq!(status, 303);
    let jobs = world.server.get(&format!("/api/v1/workspaces/{w}/jobs"), coordinator).json();
    let id = jobs["items"][0]["id"].as_i64().expect("a job");
    let job = wait_for(&world.server, coordinator, id, Duration::from_secs(120), ended);
    assert_eq!(job["status"], "done", "{job}");
    assert!(job["params"]["file"].as_str().expect("the file").contains("workers = 1000"), "{job}");

    let run = format!("/w/{w}/scenarios/runs/{id}");
    let (status, text) = page(&world, &run, coordinator);
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("Policy options"), "the charts and interval tables");
    assert!(
        text.contains("&lt;script&gt;x&lt;/script&gt;") && !text.contains("<script>x"),
        "escaped"
    );
    let mean = job["result"]["summary"][0]["mean"].as_f64().expect("a mean");
    assert!(text.contains(&format!("data-value=\"{mean:?}\"")), "the summary's numbers");
    // The viewer reads it but may not add it; the other government sees nothing.
    assert_eq!(page(&world, &run, &world.auth[1]).0, 200);
    assert_eq!(page(&world, &run, &world.auth[5]).0, 404);
    assert_eq!(post(&world, &format!("{run}/brief"), "action=add", &world.auth[1]).0, 403);
    assert_eq!(post(&world, &format!("{run}/brief"), "action=add", coordinator).0, 303);
    let (status, brief) = page(&world, &format!("/w/{w}/brief"), &world.auth[1]);
    assert_eq!(status, 200);
    assert!(brief.contains("id=\"policy-options\""), "the brief has the run");
    let audit = world
        .server
        .get(&format!("/api/v1/workspaces/{w}/audit?action=brief."), coordinator)
        .json();
    assert_eq!(audit[0]["target"], format!("job/{id}"), "{audit}");
    let (_, trail) = page(&world, &format!("/w/{w}/audit?action=brief."), &world.auth[1]);
    assert!(trail.contains("brief.scenario.add"), "the audit page shows it");
    assert_eq!(post(&world, &format!("{run}/brief"), "action=remove", coordinator).0, 303);
    let (_, brief) = page(&world, &format!("/w/{w}/brief"), coordinator);
    assert!(!brief.contains("id=\"policy-options\""), "taken out");
}
