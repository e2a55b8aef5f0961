//! The country brief on real data (`../shared/data`, through
//! `test_support::shared_data`): the Philippines, Nepal, Mexico and Germany. The
//! colophon carries the date of `SOURCE_DATE_EPOCH` and the version; the brief asks its
//! reader to run no command; the headline follows the country's role; sources are
//! cited by dataset, once per table.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

/// The datasets the brief's headline and tables read.
const FOLDERS: [&str; 5] =
    ["undesa_ims_2024", "wdi_remittances", "knomad_remittance_flows", "rpw_corridors", "wdi_gdp"];

/// The brief of `country` dated 2026-12-07 by `SOURCE_DATE_EPOCH`.
fn brief(db: &Path, dir: &Path, country: &str) -> String {
    let out = dir.join(format!("{country}.html"));
    coherence(db)
        .env("SOURCE_DATE_EPOCH", "1796601600")
        .args(["report", country, "-o"])
        .arg(&out)
        .assert()
        .success();
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn real_briefs_are_dated_follow_the_role_and_cite_each_dataset_once() {
    let Some(folders) =
        FOLDERS.iter().map(|f| test_support::shared_data(f)).collect::<Option<Vec<PathBuf>>>()
    else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.sqlite");
    coherence(&db).arg("-q").arg("import").args(&folders).assert().success();

    for country in ["PHL", "NPL", "MEX", "DEU"] {
        let html = brief(&db, dir.path(), country);
        assert!(html.contains("<time datetime=\"2026-12-07\">7 December 2026</time>"), "{country}");
        assert!(
            html.contains(&format!("by Coherence {} from", env!("CARGO_PKG_VERSION"))),
            "{country}: the version"
        );
        assert!(html.contains("<dt>Dataset editions used</dt>"), "{country}");
        // No command for the reader, in any text the brief shows.
        for command in ["coherence ", "--store", "--answers", "<code>coherence"] {
            assert!(!html.contains(command), "{country}: {command:?}");
        }
        // Sources once per table: numbered by dataset, few markers.
        let sources = html.matches("<li id=\"src-").count();
        let markers = html.matches("href=\"#src-").count();
        assert!(sources < 30, "{country}: {sources} numbered sources");
        assert!(markers < 100, "{country}: {markers} footnote markers");
        // The same epoch gives the same bytes.
        assert_eq!(brief(&db, dir.path(), country), html, "{country}");
    }

    let deu = brief(&db, dir.path(), "DEU");
    assert!(deu.contains("Germany is mainly a country of destination: "), "role sentence");
    assert!(deu.contains("<dt>Average cost of sending US$200 from Germany (SDG 10.c.1)</dt>"));
    assert!(deu.contains("<dt>Remittances paid ("));
    assert!(!deu.contains("Cost of sending US$200 to Germany</dt>"), "no 'not available' card");
    for origin in ["PHL", "NPL", "MEX"] {
        let html = brief(&db, dir.path(), origin);
        assert!(html.contains("is mainly a country of origin: "), "{origin}");
        assert!(html.contains("<dt>Remittances received ("), "{origin}");
    }
}

#[test]
fn a_source_date_epoch_that_is_not_a_number_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite");
    coherence(&db).args(["-q", "demo", "-o"]).arg(dir.path().join("x.html")).assert().success();
    let out = coherence(&db)
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["report", "XAA", "-o"])
        .arg(dir.path().join("b.html"))
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("SOURCE_DATE_EPOCH is \"yesterday\": expected whole seconds"),
        "{stderr}"
    );
    let html = dir.path().join("c.html");
    coherence(&db)
        .env("SOURCE_DATE_EPOCH", "0")
        .args(["report", "XAA", "-o"])
        .arg(&html)
        .assert()
        .success();
    assert!(std::fs::read_to_string(html).unwrap().contains("1 January 1970"));
}
