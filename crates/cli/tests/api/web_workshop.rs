//! The workshop pages of the web workspace: their rows of the pages' permission matrix
//! (`pages.rs`) and their tests.

use serde_json::Value;

use crate::harness::World;
use crate::pages::{D, F, N, PageRule, S};

/// The rows of these pages. The pages' test store is fresh and no row before these makes
/// a matrix, so the one the coordinator makes here has id 1.
#[rustfmt::skip]
pub const PAGES: &[PageRule] = &[
    PageRule { method: "GET", route: "/w/{id}/matrices", path: "/w/{w}/matrices", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    // A partnership's matrices: its coordinators (and the admin) read them.
    PageRule { method: "GET", route: "/w/{id}/matrices", path: "/w/{p}/matrices", form: None, expect: [S, N, N, N, 200, 200, 200] },
    // Only the coordinator makes a matrix (the admin without a role does not).
    PageRule { method: "POST", route: "/w/{id}/matrices", path: "/w/{w}/matrices", form: Some("name=Pages&elements=a%3A+A%0Ab%3A+B&reason=pages"), expect: [S, F, F, F, D, N, F] },
    PageRule { method: "GET", route: "/w/{id}/matrices/{matrix}", path: "/w/{w}/matrices/1", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/matrices/{matrix}", path: "/w/{w}/matrices/99", form: None, expect: [S, N, N, N, N, N, N] },
    // Contributors and coordinators score; viewers and the role-less admin do not.
    PageRule { method: "POST", route: "/w/{id}/matrices/{matrix}/scores", path: "/w/{w}/matrices/1/scores", form: Some("s-0-1=2&r-0-1=pages"), expect: [S, F, D, D, D, N, F] },
    PageRule { method: "GET", route: "/w/{id}/matrices/{matrix}/tracker", path: "/w/{w}/matrices/1/tracker", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/matrices/{matrix}/results", path: "/w/{w}/matrices/1/results", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/matrices/{matrix}/export/{format}", path: "/w/{w}/matrices/1/export/csv", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/matrices/{matrix}/export/{format}", path: "/w/{w}/matrices/1/export/xlsx", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/matrices/{matrix}/export/{format}", path: "/w/{w}/matrices/1/export/graphml", form: None, expect: [S, 200, 200, 200, 200, N, 200] },
    PageRule { method: "GET", route: "/w/{id}/matrices/{matrix}/export/{format}", path: "/w/{w}/matrices/1/export/pdf", form: None, expect: [S, N, N, N, N, N, N] },
];

/// The injection payloads of the end-to-end journeys.
const LINK: &str = "=HYPERLINK(\"http://example.invalid\",\"x\")";
const EVIL: &str = "<script>window.__xss=1</script> \"><img src=x onerror=\"window.__xss=1\">";

/// `text` encoded for a form body.
fn enc(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Posts `form` to `path` as caller `who`.
fn post(world: &World, who: usize, path: &str, form: &str) -> crate::harness::Answer {
    world.server.send_raw(
        "POST",
        path,
        &world.auth[who],
        Some(form.as_bytes()),
        "application/x-www-form-urlencoded",
    )
}

/// The scoring form's fields of a 3 × 3 matrix: `scores` in the order of the pairs
/// (0→1, 0→2, 1→0, 1→2, 2→0, 2→1), each with `reason`.
fn all_cells(scores: &[i64; 6], reason: &str) -> String {
    let mut form = Vec::new();
    let mut i = 0;
    for r in 0..3 {
        for c in (0..3).filter(|c| *c != r) {
            form.push(format!(
                "s-{r}-{c}={}&r-{r}-{c}={}",
                enc(&scores[i].to_string()),
                enc(reason)
            ));
            i += 1;
        }
    }
    form.join("&")
}

#[test]
fn a_workshop_through_the_pages_gives_the_command_lines_metrics() {
    let world = World::new();
    let (viewer, contributor, other, coordinator) = (1, 2, 3, 4);
    let w = world.w;

    // The coordinator makes a 3 × 3 matrix from typed objectives, one label hostile.
    let objectives = format!("health: Health coverage\nremit: Cheaper remittances\n{EVIL}");
    let form = format!("name=Workshop&elements={}&reason=tests", enc(&objectives));
    let r = post(&world, contributor, &format!("/w/{w}/matrices"), &form);
    assert_eq!(r.status, 403, "a contributor does not make matrices");
    let r = post(&world, coordinator, &format!("/w/{w}/matrices"), "name=&elements=a&reason=x");
    assert_eq!(r.status, 400);
    assert!(r.text.contains("aria-invalid=\"true\""), "the error is on its field: {}", r.text);
    let r = post(&world, coordinator, &format!("/w/{w}/matrices"), &form);
    assert_eq!(r.status, 303, "{}", r.text);
    let page = r.header("location").expect("where the matrix is").to_owned();
    let m: i64 = page.rsplit('/').next().and_then(|s| s.parse().ok()).expect("the matrix's id");

    // The tracker: three assessors, six pairs each.
    let tracker = world.server.get(&format!("{page}/tracker"), &world.auth[viewer]);
    assert_eq!(tracker.status, 200);
    assert!(tracker.text.contains("data-left=\"18\""), "{}", tracker.text);

    // A score without a reason saves nothing and says where.
    let r =
        post(&world, contributor, &format!("{page}/scores"), "s-0-1=2&r-0-1=&s-0-2=1&r-0-2=fine");
    assert_eq!(r.status, 400);
    assert!(
        r.text.contains("id=\"f-r-0-1-error\" aria-live=\"polite\">every change needs a reason"),
        "{}",
        r.text
    );
    let p = world
        .server
        .get(&format!("/api/v1/workspaces/{w}/matrices/{m}/scores"), &world.auth[viewer]);
    assert_eq!(p.json()["total"], 0, "nothing saved");

    // Each assessor scores all six pairs in one post; the hostile text is a reason too.
    let scores = [
        (contributor, [3, -2, 1, 0, -3, 2]),
        (other, [1, -3, 2, 1, 2, 2]),
        (coordinator, [2, -1, -1, 0, -3, 3]),
    ];
    // The coordinator's reason is a text a spreadsheet would take for a formula.
    for (k, (who, s)) in scores.iter().enumerate() {
        let reason = if k == 2 { LINK } else { EVIL };
        let r = post(&world, *who, &format!("{page}/scores"), &all_cells(s, reason));
        assert_eq!(r.status, 303, "{}", r.text);
        assert_eq!(r.header("location"), Some(format!("{page}?saved=6").as_str()));
        let left = 18 - 6 * (k + 1);
        let tracker = world.server.get(&format!("{page}/tracker"), &world.auth[viewer]).text;
        assert!(tracker.contains(&format!("data-left=\"{left}\"")), "{tracker}");
    }
    // Posting the same scores again changes nothing.
    let r = post(&world, contributor, &format!("{page}/scores"), &all_cells(&scores[0].1, EVIL));
    assert_eq!(r.header("location"), Some(format!("{page}?saved=0").as_str()));

    // The results and every page escape the hostile text.
    let results = world.server.get(&format!("{page}/results"), &world.auth[viewer]);
    assert_eq!(results.status, 200);
    for text in [&results.text, &world.server.get(&page, &world.auth[contributor]).text] {
        assert!(!text.contains("<script>window") && !text.contains("<img src=x"), "{text}");
        assert!(text.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;"));
    }
    assert!(results.text.contains("role=\"img\""), "charts with a text alternative");

    // The exported judgements through the command line give the page's metrics.
    let csv = world.server.get(&format!("{page}/export/csv"), &world.auth[viewer]);
    assert_eq!(csv.status, 200);
    assert!(csv.header("content-disposition").unwrap_or_default().contains(".csv"));
    // The formula-like reason is text in the CSV (a `'` before it), and the command
    // line reads it back without the quote.
    assert!(csv.text.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"\n"));
    assert!(!csv.text.contains(",\"=HYPERLINK"), "{}", csv.text);
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("judgements.csv");
    std::fs::write(&file, &csv.text).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_coherence"))
        .env("COHERENCE_DB", dir.path().join("unused.sqlite"))
        .env_remove("COHERENCE_LOG")
        .args(["matrix", "metrics", "--format", "json"])
        .arg(&file)
        .output()
        .expect("coherence runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cli: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rationales = cli["matrix"]["cells"][0]["rationales"].as_array().expect("rationales");
    assert!(
        rationales.iter().any(|r| r.as_str().is_some_and(|r| r.ends_with(&format!(": {LINK}")))),
        "{rationales:?}"
    );
    let nodes = cli["metrics"]["nodes"].as_array().expect("nodes");
    assert_eq!(nodes.len(), 3);
    for node in nodes {
        let name = node["name"].as_str().expect("name");
        for key in ["out_influence", "in_positive", "combined_out", "pagerank"] {
            let want = node[key].as_f64().expect("a number");
            let row_start =
                results.text.find(&format!("<tr data-node=\"{name}\">")).expect("a row");
            let row = &results.text[row_start..];
            let row = &row[..row.find("</tr>").expect("row end")];
            let at = row.find(&format!("data-metric=\"{key}\" data-value=\"")).expect("the metric");
            let rest = &row[at..];
            let rest = &rest[rest.find("data-value=\"").expect("value") + 12..];
            let got: f64 = rest[..rest.find('"').expect("end")].parse().expect("a number");
            #[allow(
                clippy::float_cmp,
                reason = "the page gives the very number the command line computes"
            )]
            let same = got == want;
            assert!(same, "{name} {key}: the page gives {got}, the command line {want}");
        }
    }
    // The API's aggregate is the same as well.
    let api = world
        .server
        .get(&format!("/api/v1/workspaces/{w}/matrices/{m}/aggregate"), &world.auth[viewer])
        .json();
    assert_eq!(api["metrics"]["conflicts"], cli["metrics"]["conflicts"]);

    // The workbook and the graph.
    let xlsx = world.server.get(&format!("{page}/export/xlsx"), &world.auth[viewer]);
    assert_eq!(xlsx.status, 200);
    let graphml = world.server.get(&format!("{page}/export/graphml"), &world.auth[viewer]);
    assert_eq!(graphml.status, 200);
    assert_eq!(graphml.text.matches("<node ").count(), 3);
    assert!(!graphml.text.contains("<script>"));

    // The scale and the metrics' headings in the reader's language; the metrics' keys and
    // the scale's values stay as they are.
    let fr = [("accept-language", "fr")];
    let matrix = world.server.get_with(&page, &world.auth[contributor], &fr).text;
    assert!(matrix.contains("Indissociable</strong>: les progrès de l’un"), "{matrix}");
    assert!(matrix.contains("value=\"-3\">−3 Annulant</option>"), "{matrix}");
    assert!(!matrix.contains("Indivisible"), "no English point of the scale");
    let results = world.server.get_with(&format!("{page}/results"), &world.auth[viewer], &fr).text;
    assert!(results.contains(">Influence sortante (somme de la ligne)</th>"), "{results}");
    assert!(results.contains("data-metric=\"out_influence\""));
    assert!(!results.contains("Out-influence"));

    // The register names the stages of the migration cycle and the statuses in the language.
    let es = [("accept-language", "es")];
    let register = world.server.get_with(&format!("/w/{w}/register"), &world.auth[viewer], &es);
    assert_eq!(register.status, 200);
    assert!(register.text.contains(">Estancia en el extranjero</option>"), "{}", register.text);
    assert!(register.text.contains("\">en vigor</span>"), "{}", register.text);
    assert!(!register.text.contains("Stay abroad") && !register.text.contains(">active</span>"));
}
