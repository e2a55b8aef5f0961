//! Excel workbooks (issue 17, "Excel"): a profile's workbook read back by an independent
//! reader (openpyxl) equals the JSON profile number for number, for the demo world and
//! a real country of the shared data; `--format xlsx` needs `-o FILE`; and text that a
//! spreadsheet would take for a formula stays text in CSV and in workbooks.

#![allow(clippy::print_stderr, reason = "a check that cannot run says SKIPPED")]

use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

/// The Python interpreter with openpyxl: `$COHERENCE_PYTHON` (`.ci/run` sets it to a
/// virtual environment with openpyxl from PyPI), else `python3` if it has openpyxl.
/// Outside CI, without openpyxl, the check is skipped with a visible message; under
/// `CI=true` a missing openpyxl is a failure.
fn python_with_openpyxl() -> Option<String> {
    let candidates = std::env::var("COHERENCE_PYTHON").into_iter().chain(["python3".to_owned()]);
    let found = candidates.into_iter().find(|py| {
        std::process::Command::new(py)
            .args(["-c", "import openpyxl"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        assert!(
            !test_support::under_ci(),
            "CI=true but no Python with openpyxl (set COHERENCE_PYTHON; .ci/run installs it)"
        );
        eprintln!("SKIPPED: openpyxl not found; the workbooks are not read back by it");
    }
    found
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("data").join(name)
}

/// The corridor checks' data values in a profile's JSON (what the brief's corridor
/// section shows: each corridor's figures, and with each finding the values tested or
/// shown for context).
fn corridor_values(json: &Path) -> usize {
    let profile: serde_json::Value = serde_json::from_slice(&std::fs::read(json).unwrap()).unwrap();
    let checks = profile["corridor_checks"].as_array().map_or(&[][..], Vec::as_slice);
    let findings = checks.iter().flat_map(|c| c["findings"].as_array().into_iter().flatten());
    let tested: usize = findings
        .flat_map(|f| ["data", "context"].map(|k| f[k].as_array().map_or(0, Vec::len)))
        .sum();
    let figures: usize = checks.iter().map(|c| c["figures"].as_array().map_or(0, Vec::len)).sum();
    tested + figures
}

/// Writes `country`'s profile as JSON and as a workbook in `lang` (twice: the same
/// bytes) and has openpyxl hold the workbook to the JSON
/// (`tests/data/check_profile_xlsx.py`), the corridor checks' values included. Returns
/// how many corridor check values the workbook holds.
fn check_profile(
    db: &Path,
    dir: &Path,
    country: &str,
    lang: i18n::Lang,
    python: Option<&str>,
) -> usize {
    let json = dir.join(format!("{country}.json"));
    let book = dir.join(format!("{country}-{lang}.xlsx"));
    coherence(db)
        .args(["profile", country, "--format", "json", "-o"])
        .arg(&json)
        .assert()
        .success();
    coherence(db)
        .args(["profile", country, "--format", "xlsx", "--lang", lang.code(), "-o"])
        .arg(&book)
        .assert()
        .success();
    let again = dir.join(format!("{country}-{lang}-again.xlsx"));
    coherence(db)
        .args(["profile", country, "--format", "xlsx", "--lang", lang.code(), "-o"])
        .arg(&again)
        .assert()
        .success();
    let bytes = std::fs::read(&book).unwrap();
    assert!(bytes.starts_with(b"PK"), "{country}: not a zip container");
    assert!(bytes == std::fs::read(&again).unwrap(), "{country}: not the same bytes twice");
    let expected = corridor_values(&json);
    // An Arabic workbook's sheets are laid out right to left.
    let view = member(&book, "xl/worksheets/sheet1.xml");
    assert_eq!(view.contains("rightToLeft=\"1\""), lang.is_rtl(), "{country} ({lang})");
    let Some(python) = python else { return expected };
    let words =
        ["xlsx-sheet-about", "xlsx-sheet-sources", "xlsx-col-sources", "xlsx-col-json-path"]
            .map(|k| lang.messages().text(k));
    let out = std::process::Command::new(python)
        .arg(script("check_profile_xlsx.py"))
        .arg(&book)
        .arg(&json)
        .args(&words)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    eprintln!("{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{country} ({lang}): the workbook is not the JSON's:\n{text}");
    assert!(text.contains("numbers equal to the JSON's"), "{text}");
    let covered = format!("({expected} corridor check values)");
    assert!(text.contains(&covered), "{country} ({lang}): not {covered}: {text}");
    expected
}

#[test]
fn demo_profile_workbooks_read_back_equal_to_the_json() {
    let python = python_with_openpyxl();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let mut values = 0;
    for country in ["XAA", "XAB"] {
        for lang in i18n::Lang::OFFERED {
            values += check_profile(&db, dir.path(), country, lang, python.as_deref());
        }
    }
    assert!(values > 0, "the demo's corridor checks have data values");
}

/// The shared data a real country's workbook is built from: stocks (UN DESA 2020 by
/// destination and the World Bank's bilateral matrix), costs (RPW), population, GDP and
/// remittances (WDI).
const SHARED_FILES: [&str; 6] = [
    "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
    "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
    "rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv",
    "wdi_population/wb_SP.POP.TOTL_population.csv",
    "wdi_gdp/wb_NY.GDP.MKTP.CD_gdp_current_usd.csv",
    "wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls",
];

#[test]
fn a_real_countrys_profile_workbook_reads_back_equal_to_the_json() {
    let Some(files) = SHARED_FILES.iter().map(|f| test_support::shared_data(f)).collect() else {
        return;
    };
    let files: Vec<PathBuf> = files;
    let python = python_with_openpyxl();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.sqlite");
    coherence(&db).args(["-q", "import"]).args(&files).assert().success();
    for lang in [i18n::Lang::En, i18n::Lang::Ar] {
        check_profile(&db, dir.path(), "PHL", lang, python.as_deref());
    }
}

#[test]
fn a_workbook_needs_an_output_file_and_a_command_that_writes_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    coherence(&db)
        .args(["profile", "XAA", "--format", "xlsx"])
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("give the file with -o FILE"));
    coherence(&db)
        .args(["datasets", "--format", "xlsx"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--format xlsx is for profile, estimate"));
    // Never through a link planted at the output path.
    #[cfg(unix)]
    {
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "not yours\n").unwrap();
        let out = dir.path().join("p.xlsx");
        std::os::unix::fs::symlink(&victim, &out).unwrap();
        coherence(&db)
            .args(["profile", "XAA", "--format", "xlsx", "-o"])
            .arg(&out)
            .assert()
            .failure()
            .stderr(predicate::str::contains("is a symbolic link"));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "not yours\n");
    }
}

/// A member of a workbook (a zip container) as text.
fn member(book: &Path, name: &str) -> String {
    let file = std::fs::File::open(book).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

const LINK: &str = "=HYPERLINK(\"http://example.invalid\",\"x\")";

#[test]
fn a_formula_in_a_register_exports_as_text_in_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    coherence(&db)
        .args(["register", "edit", "XAA-DIA-01", "--user", "test", "--reason", "injection test"])
        .arg("--set")
        .arg(format!("title={LINK}"))
        .assert()
        .success();
    // CSV: the field starts with a quote, so no spreadsheet reads a formula.
    let csv = dir.path().join("register.csv");
    coherence(&db)
        .args(["register", "export", "--country", "XAA", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    let quoted = "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"";
    assert!(text.contains(quoted), "{text}");
    assert!(!text.contains(",\"=HYPERLINK"), "{text}");
    for args in [
        &["register", "list", "--format", "csv"][..],
        &["corridor", "XAA", "XAC", "--format", "csv"],
    ] {
        let out = coherence(&db).args(args).assert().success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        assert!(
            !text.contains(",\"=HYPERLINK") && !text.starts_with("=HYPERLINK"),
            "{args:?}: {text}"
        );
    }
    // The exported file reads back to the same register: the quote is removed.
    coherence(&db)
        .args(["register", "import", "--user", "test"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 added, 0 changed"));
    // XLSX: a string cell (shared string), no formula element anywhere.
    let book = dir.path().join("register.xlsx");
    coherence(&db)
        .args(["register", "export", "--country", "XAA", "--format", "xlsx", "-o"])
        .arg(&book)
        .assert()
        .success();
    let sheet = member(&book, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>") && !sheet.contains("<f "), "{sheet}");
    let strings = member(&book, "xl/sharedStrings.xml");
    assert!(strings.contains(&format!("<t>{LINK}</t>")), "{strings}");
    let profile = dir.path().join("profile.xlsx");
    coherence(&db)
        .args(["profile", "XAA", "--format", "xlsx", "-o"])
        .arg(&profile)
        .assert()
        .success();
    let Some(python) = python_with_openpyxl() else { return };
    let check = r#"
import sys, openpyxl
link = sys.argv[3]
for path, sheet in ((sys.argv[1], "Register"), (sys.argv[2], "Policies")):
    ws = openpyxl.load_workbook(path)[sheet]
    cells = [c for row in ws.iter_rows() for c in row if c.value == link]
    assert len(cells) == 1, (path, len(cells))
    assert cells[0].data_type == "s", cells[0].data_type
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
print("text, not a formula")
"#;
    let out = std::process::Command::new(python)
        .args(["-c", check])
        .arg(&book)
        .arg(&profile)
        .arg(LINK)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Has openpyxl hold `sheet` of `book` to the CSV `csv` (`tests/data/check_table_xlsx.py`).
fn check_table(python: &str, book: &Path, sheet: &str, csv: &Path) {
    let out = std::process::Command::new(python)
        .arg(script("check_table_xlsx.py"))
        .arg(book)
        .arg(sheet)
        .arg(csv)
        .output()
        .unwrap();
    eprintln!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(out.status.success(), "{sheet}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn estimate_matrix_and_scenario_workbooks_hold_their_csvs_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let db = d.join("demo.sqlite");
    coherence(&db).current_dir(d).args(["-q", "demo"]).assert().success();
    let root = test_support::workspace_root();
    let stocks = script("estimate_stocks.csv");
    // Flows from the test's stock table alone, in a store of their own.
    let edb = d.join("estimate.sqlite");
    let flows = ["estimate", "flows", "--method", "sd_drop_neg", "--from", "2015", "--to", "2020"];
    coherence(&edb)
        .args(flows)
        .arg("--stocks")
        .arg(&stocks)
        .arg("-o")
        .arg(d.join("f.csv"))
        .assert()
        .success();
    coherence(&edb)
        .args(["-q", "--format", "xlsx"])
        .args(flows)
        .arg("--stocks")
        .arg(&stocks)
        .arg("-o")
        .arg(d.join("f.xlsx"))
        .assert()
        .success();
    let matrix = root.join("examples").join("pelaria-brevmark-matrix.csv");
    let metrics = coherence(&db)
        .args(["matrix", "metrics", "--format", "csv"])
        .arg(&matrix)
        .assert()
        .success();
    std::fs::write(d.join("m.csv"), &metrics.get_output().stdout).unwrap();
    coherence(&db)
        .args(["matrix", "metrics", "--format", "xlsx", "-o"])
        .arg(d.join("m.xlsx"))
        .arg(&matrix)
        .assert()
        .success();
    let scenario = root.join("examples").join("scenarios").join("remittance-cost.toml");
    coherence(&db)
        .args(["-q", "scenario", "run"])
        .arg(&scenario)
        .args(["--draws", "20", "--seed", "3", "--out"])
        .arg(d.join("run"))
        .assert()
        .success();
    let compare =
        ["scenario", "compare", "--options", "sdg-3pct-2030", "sdg-3pct-2030-with-response"];
    let diff = coherence(&db)
        .args(["--format", "csv"])
        .args(compare)
        .arg(d.join("run"))
        .assert()
        .success();
    std::fs::write(d.join("c.csv"), &diff.get_output().stdout).unwrap();
    coherence(&db)
        .args(["--format", "xlsx"])
        .args(compare)
        .arg(d.join("run"))
        .arg("-o")
        .arg(d.join("c.xlsx"))
        .assert()
        .success();
    let Some(python) = python_with_openpyxl() else { return };
    check_table(&python, &d.join("f.xlsx"), "Flows", &d.join("f.csv"));
    check_table(&python, &d.join("m.xlsx"), "Metrics", &d.join("m.csv"));
    check_table(&python, &d.join("c.xlsx"), "Differences B - A", &d.join("c.csv"));
}
