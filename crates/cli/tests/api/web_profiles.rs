//! The profile pages of the web workspace: their rows of the pages' permission matrix
//! (`pages.rs`) and what a profile page shows.

#[allow(unused_imports, reason = "the rows use these as they are added")]
use crate::pages::{D, F, N, PageRule, S, U};

/// The rows of these pages. Every signed-in user reads any profile (less what it may not
/// read of governments' work).
#[rustfmt::skip]
pub const PAGES: &[PageRule] = &[
    PageRule { method: "GET", route: "/profiles", path: "/profiles", form: None, expect: [S, 200, 200, 200, 200, 200, 200] },
    PageRule { method: "GET", route: "/profiles", path: "/profiles?area=XAA", form: None, expect: [S, D, D, D, D, D, D] },
    PageRule { method: "GET", route: "/profiles/{area}", path: "/profiles/XAA", form: None, expect: [S, 200, 200, 200, 200, 200, 200] },
    PageRule { method: "GET", route: "/profiles/{area}", path: "/profiles/no-such-place", form: None, expect: [S, N, N, N, N, N, N] },
    PageRule { method: "GET", route: "/profiles/{area}/download/{format}", path: "/profiles/XAA/download/xlsx", form: None, expect: [S, 200, 200, 200, 200, 200, 200] },
    // The test servers have no Chromium (the harness names a missing one), so the PDF is 503.
    PageRule { method: "GET", route: "/profiles/{area}/download/{format}", path: "/profiles/XAA/download/pdf", form: None, expect: [S, U, U, U, U, U, U] },
    PageRule { method: "GET", route: "/profiles/{area}/download/{format}", path: "/profiles/XAA/download/pdf?paper=a5", form: None, expect: [S, 400, 400, 400, 400, 400, 400] },
    PageRule { method: "GET", route: "/profiles/{area}/download/{format}", path: "/profiles/XAA/download/odt", form: None, expect: [S, N, N, N, N, N, N] },
];

/// The profile page is the brief's content in the workspace's frame, its user text
/// escaped, and each download is the API's answer in another form.
#[test]
fn a_profile_page_shows_the_brief_and_its_downloads_match_the_api() {
    use crate::harness::{Auth, Server};
    let server = Server::start();
    let admin = Auth::Token(server.admin_token());
    let page = server.get("/profiles/XAA", &admin);
    assert_eq!(page.status, 200, "{}", page.text);
    assert!(page.header("content-type").is_some_and(|t| t.starts_with("text/html")));
    assert!(page.text.contains("<h1>Pelaria</h1>"), "the brief's heading");
    assert!(page.text.contains("<link rel=\"stylesheet\" href=\"/static/brief.css\">"));
    assert!(page.text.contains("role=\"img\""), "the brief's charts");
    assert!(!page.text.contains("<style>"), "no inline style: the page's policy forbids it");
    let csv = server.get("/profiles/XAA/download/csv", &admin);
    let api = server.get("/api/v1/profiles/XAA?format=csv", &admin);
    assert_eq!(csv.status, 200);
    assert_eq!(csv.text, api.text, "the CSV download is the API's CSV");
    assert!(
        csv.header("content-disposition").is_some_and(|d| d.contains("coherence-profile-XAA.csv")),
        "{:?}",
        csv.headers
    );
    let json = server.get("/profiles/XAA/download/json", &admin);
    let api: serde_json::Value = server.get("/api/v1/profiles/XAA", &admin).json();
    assert_eq!(json.json(), api, "the JSON download is the API's profile");
    // The workbook (`report::xlsx::profile`, read back by openpyxl in tests/xlsx.rs).
    let xlsx = server.get("/profiles/XAA/download/xlsx", &admin);
    assert_eq!(xlsx.status, 200);
    assert!(xlsx.header("content-type").is_some_and(|t| t.ends_with("spreadsheetml.sheet")));
    assert!(
        xlsx.header("content-disposition")
            .is_some_and(|d| d.contains("coherence-profile-XAA.xlsx")),
        "{:?}",
        xlsx.headers
    );
    // In the visitor's language (`report::xlsx::profile::workbook_in`): other words, so
    // another length; the cache keeps each language's workbook apart.
    let length = |a: &crate::harness::Answer| a.header("content-length").map(str::to_owned);
    let lang = [("cookie", "coherence_lang=fr")];
    let french = server.get_with("/profiles/XAA/download/xlsx", &admin, &lang);
    assert_eq!(french.status, 200);
    assert!(length(&xlsx).is_some(), "{:?}", xlsx.headers);
    assert_ne!(length(&french), length(&xlsx), "the French workbook is not the English one");
    assert_eq!(length(&server.get("/profiles/XAA/download/xlsx", &admin)), length(&xlsx));
    let again = server.get_with("/profiles/XAA/download/xlsx", &admin, &lang);
    assert_eq!(length(&again), length(&french));
}
