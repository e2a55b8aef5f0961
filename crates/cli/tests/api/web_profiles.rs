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

/// The profile page and its brief downloads are in the reader's language (the cookie,
/// else `Accept-Language`), each language cached apart; the data files are the same in
/// every language.
#[test]
fn a_profile_page_speaks_the_readers_language() {
    use crate::harness::{Auth, Server};
    let server = Server::start();
    let admin = Auth::Token(server.admin_token());
    let get = |path: &str, headers: &[(&str, &str)]| {
        let answer = server.get_with(path, &admin, headers);
        assert_eq!(answer.status, 200, "{path} {headers:?}: {}", answer.text);
        answer
    };

    let fr = get("/profiles/XAA", &[("accept-language", "fr")]);
    assert!(fr.text.contains("<html lang=\"fr\" dir=\"ltr\">"), "{}", fr.text);
    assert!(fr.text.contains(">Téléchargements</h2>"), "the page's own words in French");
    assert!(fr.text.contains(">Classeur Excel</a>"));
    assert!(fr.text.contains("href=\"/api/v1/briefs/XAA?lang=fr\">Ouvrir la note comme une page"));
    assert!(!fr.text.contains(">Downloads</h2>"), "no English heading left");

    // The same page next in English: not the French page from the cache.
    let en = get("/profiles/XAA", &[("accept-language", "en")]);
    assert!(en.text.contains("<html lang=\"en\" dir=\"ltr\">"), "{}", en.text);
    assert!(en.text.contains(">Downloads</h2>") && en.text.contains(">Excel workbook</a>"));
    assert!(!en.text.contains("Téléchargements"), "the English page is not the cached French one");
    assert_ne!(fr.text, en.text);

    // The cookie wins over the browser; Arabic is right to left.
    let ar = get("/profiles/XAA", &[("accept-language", "fr"), ("cookie", "coherence_lang=ar")]);
    assert!(ar.text.contains("<html lang=\"ar\" dir=\"rtl\">"), "{}", ar.text);
    assert!(ar.text.contains(">التنزيلات</h2>") && ar.text.contains(">مصنف Excel</a>"));
    assert!(!ar.text.contains("Téléchargements") && !ar.text.contains(">Downloads</h2>"));

    // The chooser's words too.
    let chooser = get("/profiles", &[("accept-language", "es")]);
    assert!(
        chooser.text.contains(">País o grupo") && chooser.text.contains(">Países y zonas</h2>")
    );
    assert!(chooser.text.contains("ficticio (mundo de demostración)"), "{}", chooser.text);

    // The HTML brief downloaded is written in the reader's language, each cached apart.
    for (lang, head) in [
        ("fr", "<html lang=\"fr\" dir=\"ltr\">"),
        ("en", "<html lang=\"en\" dir=\"ltr\">"),
        ("ar", "<html lang=\"ar\" dir=\"rtl\">"),
    ] {
        let brief = get("/profiles/XAA/download/html", &[("accept-language", lang)]);
        assert!(brief.text.contains(head), "{lang}: {}", &brief.text[..300.min(brief.text.len())]);
        let api = get(&format!("/api/v1/briefs/XAA?lang={lang}"), &[]);
        assert!(api.text.contains(head), "the API's brief in {lang}");
    }
    // The API's brief is English unless asked otherwise, whatever the browser says.
    let api = get("/api/v1/briefs/XAA", &[("accept-language", "fr")]);
    assert!(api.text.contains("<html lang=\"en\" dir=\"ltr\">"));
    let unknown = server.get("/api/v1/briefs/XAA?lang=de", &admin);
    assert_eq!(unknown.status, 400, "{}", unknown.text);
    assert!(unknown.text.contains("en, fr, es and ar"), "{}", unknown.text);

    // The data files do not change with the language.
    let csv_fr = get("/profiles/XAA/download/csv", &[("accept-language", "fr")]);
    let csv_en = get("/profiles/XAA/download/csv", &[("accept-language", "en")]);
    assert_eq!(csv_fr.text, csv_en.text);
}
