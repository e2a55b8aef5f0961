//! `coherence profile --why` and `--edition` on real files: the rule that chose each
//! figure and the values it beat, and the edition read, said where a reader looks.

use std::path::Path;

use assert_cmd::Command;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

#[test]
fn why_names_the_rule_and_the_values_it_beat() {
    let (Some(knomad), Some(wdi)) = (
        test_support::shared_data(
            "knomad_remittance_flows/knomad_remittance_inflows_2000-2022.xlsx",
        ),
        test_support::shared_data("wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).arg("-q").arg("import").arg(&knomad).arg(&wdi).assert().success();
    let why = stdout(coherence(&db).args(["profile", "KEN", "--why"]));
    // Kenya 2000: KNOMAD writes 0 (no estimate); WDI's US$537.9 million is the figure.
    let at = why.find("remittances received 2000:").expect(&why);
    let block: String = why[at..].lines().take(3).collect::<Vec<_>>().join("\n");
    assert!(block.contains("537.9 million") && block.contains("BX.TRF.PWKR.CD.DT"), "{block}");
    assert!(block.contains("rule remittances:"), "{block}");
    assert!(block.contains("not used: 0 from") && block.contains("placeholder"), "{block}");
    // Without --why the table says nothing of it.
    let plain = stdout(coherence(&db).args(["profile", "KEN"]));
    assert!(!plain.contains("Why these figures"), "{plain}");
}

#[test]
fn a_pinned_edition_is_named_in_the_table_and_the_brief() {
    let (Some(e2020), Some(e2024)) = (
        test_support::shared_data(
            "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
        ),
        test_support::shared_data(
            "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
        ),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).arg("-q").arg("import").arg(&e2020).arg(&e2024).assert().success();
    let pin = ["--edition", "undesa-ims-destination=2020"];
    let table = stdout(coherence(&db).args(["profile", "DEU"]).args(pin));
    assert!(
        table.contains(
            "Editions read instead of the newest (--edition): undesa-ims-destination edition 2020"
        ),
        "{table}"
    );
    assert!(table.contains("15,762,457"), "the 2020 edition's 2020 stock: {table}");
    let brief = dir.path().join("deu.html");
    coherence(&db).args(["report", "DEU", "-o"]).arg(&brief).args(pin).assert().success();
    let html = std::fs::read_to_string(&brief).unwrap();
    assert!(html.contains(
        "Editions read instead of the newest, as asked: undesa-ims-destination edition 2020"
    ));
    // An edition that is not stored is refused with the stored ones.
    let out = coherence(&db)
        .args(["profile", "DEU", "--edition", "undesa-ims-destination=2031"])
        .assert()
        .failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.contains("\"2020\"") && err.contains("\"2024\""), "{err}");
}

#[test]
fn the_brief_says_what_changed_since_the_previous_editions() {
    let (Some(e2020), Some(e2024)) = (
        test_support::shared_data(
            "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
        ),
        test_support::shared_data(
            "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
        ),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    // One edition: nothing to compare, and the brief does not pretend to.
    coherence(&db).arg("-q").arg("import").arg(&e2020).assert().success();
    let brief = dir.path().join("deu.html");
    coherence(&db).args(["report", "DEU", "-o"]).arg(&brief).assert().success();
    let html = std::fs::read_to_string(&brief).unwrap();
    assert!(!html.contains("What changed since the previous editions"));
    // Two editions: the 2024 edition's immigrants of 2024 beside the 2020 edition's
    // latest figure (15,762,457 in 2020), the edition compared named.
    coherence(&db).arg("-q").arg("import").arg(&e2024).assert().success();
    coherence(&db).args(["report", "DEU", "-o"]).arg(&brief).assert().success();
    let html = std::fs::read_to_string(&brief).unwrap();
    let at = html.find("What changed since the previous editions").expect("the changes");
    let changes = &html[at..at + html[at..].find("</section>").unwrap()];
    assert!(changes.contains("undesa-ims-destination edition 2020"), "{changes}");
    assert!(changes.contains("Immigrants: <strong>"), "{changes}");
    assert!(changes.contains("(2024)"), "{changes}");
    assert!(changes.contains("15,762,457 persons (2020)"), "{changes}");
    // In French too.
    coherence(&db).args(["--lang", "fr", "report", "DEU", "-o"]).arg(&brief).assert().success();
    let html = std::fs::read_to_string(&brief).unwrap();
    assert!(html.contains("Ce qui a changé depuis les éditions précédentes"));
}
