//! The permission matrix of the web workspace's pages: every page route × every kind of
//! caller gives the expected status, like the API's (`permissions.rs`). A page route of
//! the server (`server::page_routes`) without a row fails the test.
//!
//! Callers send their API token (pages accept it as the API does); an anonymous visitor
//! is sent to the sign-in page (303). Form posts are sent as
//! `application/x-www-form-urlencoded` with the `form` of the row.

use std::collections::BTreeSet;

use crate::harness::{CALLERS, World};

/// Anonymous: sent to the sign-in page.
pub const S: u16 = 303;
/// Not visible to this caller.
pub const N: u16 = 404;

/// Not available on this server (a PDF without Chromium).
pub const U: u16 = 503;
/// Visible, but the role does not allow it.
pub const F: u16 = 403;
/// Done, and sent on to the next page.
pub const D: u16 = 303;

/// One row: a page route, the form posted (with [`World::fill`]'s placeholders), and the
/// status each caller of [`CALLERS`] gets, in that order.
pub struct PageRule {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The route as the server declares it (`/w/{id}/register`).
    pub route: &'static str,
    /// The path sent, with placeholders.
    pub path: &'static str,
    /// The form posted, if any.
    pub form: Option<&'static str>,
    /// The expected status of each caller.
    pub expect: [u16; 7],
}

/// The frame's pages: sign-in, account, home, static files.
#[rustfmt::skip]
pub const PAGES: &[PageRule] = &[
    PageRule { method: "GET", route: "/static/app.css", path: "/static/app.css", form: None, expect: [200; 7] },
    PageRule { method: "GET", route: "/static/app.js", path: "/static/app.js", form: None, expect: [200; 7] },
    PageRule { method: "GET", route: "/static/brief.css", path: "/static/brief.css", form: None, expect: [200; 7] },
    // Signed in (with a token): the sign-in page sends on to the home page.
    PageRule { method: "GET", route: "/signin", path: "/signin", form: None, expect: [200, D, D, D, D, D, D] },
    PageRule { method: "POST", route: "/signin", path: "/signin", form: Some("name=nobody&password=not+the+password"), expect: [401; 7] },
    PageRule { method: "GET", route: "/", path: "/", form: None, expect: [S, 200, 200, 200, 200, 200, 200] },
    PageRule { method: "GET", route: "/account", path: "/account", form: None, expect: [S, 200, 200, 200, 200, 200, 200] },
    PageRule { method: "POST", route: "/account", path: "/account", form: Some("current=not+the+password&new=a+long+enough+password"), expect: [S, 400, 400, 400, 400, 400, 400] },
    // Last: signing out ends nothing the rows above need (the callers use tokens).
    PageRule { method: "GET", route: "/language", path: "/language?lang=fr&next=/", form: None, expect: [D; 7] },
    PageRule { method: "POST", route: "/signout", path: "/signout", form: None, expect: [S, D, D, D, D, D, D] },
];

/// Every page module's rows, in the order they run (signing out last).
fn all_rules() -> Vec<&'static PageRule> {
    let (sign_out, rest) = PAGES.split_last().expect("rows");
    assert_eq!(sign_out.route, "/signout", "signing out runs last");
    rest.iter()
        .chain(crate::web_admin::PAGES)
        .chain(crate::web_profiles::PAGES)
        .chain(crate::web_register::PAGES)
        .chain(crate::web_answers::PAGES)
        .chain(crate::web_workshop::PAGES)
        .chain(crate::web_scenarios::PAGES)
        .chain(std::iter::once(sign_out))
        .collect()
}

/// Runs every row for every caller and reports all mismatches at once.
#[test]
fn every_page_gives_each_caller_the_expected_status() {
    let world = World::new();
    let rules = all_rules();
    let declared: BTreeSet<(String, String)> =
        server::page_routes().into_iter().map(|(m, p)| (m.to_owned(), p.to_owned())).collect();
    let covered: BTreeSet<(String, String)> =
        rules.iter().map(|r| (r.method.to_owned(), r.route.to_owned())).collect();
    let missing: Vec<_> = declared.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&declared).collect();
    assert!(missing.is_empty(), "page routes without a row in the matrix: {missing:?}");
    assert!(stale.is_empty(), "rows for page routes the server does not have: {stale:?}");

    let mut failures = Vec::new();
    for rule in &rules {
        let path = world.fill(rule.path);
        let form = rule.form.map(|f| world.fill(f));
        for (i, caller) in CALLERS.iter().enumerate() {
            let answer = world.server.send_raw(
                rule.method,
                &path,
                &world.auth[i],
                form.as_deref().map(str::as_bytes),
                "application/x-www-form-urlencoded",
            );
            if answer.status != rule.expect[i] {
                let text: String = answer.text.chars().take(400).collect();
                failures.push(format!(
                    "{} {path} as {caller}: expected {}, got {} {text}",
                    rule.method, rule.expect[i], answer.status
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}
