//! `coherence report --pdf`: the briefs of a real country (the Philippines, from the
//! shared data) and of a demo country printed by headless Chromium in English, French,
//! Spanish and Arabic, checked with poppler's `pdfinfo` and `pdftotext`, their pages
//! saved as PNG (`pdftoppm -r 50`) under `target/pdf-pages/COUNTRY-LANG/` for a person to
//! look at (the Arabic brief's first two pages among them).
//!
//! These tests need Chromium and poppler-utils (installed by `.ci/run`): outside CI they
//! are skipped visibly when either is missing; under `CI=true` they fail.

#![allow(clippy::print_stderr, reason = "a skipped test says so on stderr")]

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;

fn coherence(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("coherence").unwrap();
    cmd.env_remove("COHERENCE_DB")
        .env_remove("COHERENCE_CHROMIUM")
        .env("NO_COLOR", "1")
        .arg("--db")
        .arg(test_support::store_arg(db));
    cmd
}

/// Whether Chromium and poppler's tools are installed; says why not (or fails under CI).
fn tools_present() -> bool {
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
    };
    let chromium = ["chromium", "chromium-browser", "google-chrome"].iter().any(|n| on_path(n));
    let missing: Vec<&str> = [("chromium", chromium), ("poppler-utils", on_path("pdftotext"))]
        .into_iter()
        .filter_map(|(name, present)| (!present).then_some(name))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(!test_support::under_ci(), "{missing:?} required under CI=true (apt-get install)");
    eprintln!("SKIPPED: {missing:?} not installed, so no brief was printed to PDF");
    false
}

/// The shared files the Philippines' brief reads: stocks by destination and the
/// bilateral matrix, remittances and their cost, population and GDP, demography, the
/// income groups.
const SHARED_FILES: [&str; 8] = [
    "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
    "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
    "rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv",
    "wdi_population/wb_SP.POP.TOTL_population.csv",
    "wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls",
    "wdi_gdp/wb_NY.GDP.MKTP.CD_gdp_current_usd.csv",
    "wpp2019_demographic_inputs/WPP2019_Period_Indicators_Medium.csv",
    "country_codes/WB_CLASS_income_groups_FY2024.xlsx",
];

/// Where the PNG pages of `name` go: `target/pdf-pages/NAME/` (emptied first).
fn pages_dir(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| test_support::workspace_root().join("target"), PathBuf::from);
    let dir = target.join("pdf-pages").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Process::new(program).args(args).output().unwrap();
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What `pdfinfo` says of `pdf`, as (field, value) lines.
fn info(pdf: &Path, field: &str) -> String {
    run("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix(field).and_then(|v| v.strip_prefix(':')))
        .unwrap_or_else(|| panic!("pdfinfo gave no {field}"))
        .trim()
        .to_owned()
}

/// The text of page `page` (all pages when `None`), spaces collapsed.
fn text(pdf: &Path, page: Option<usize>) -> String {
    let mut args = vec!["-enc".to_owned(), "UTF-8".to_owned()];
    if let Some(p) = page {
        args.extend(["-f".to_owned(), p.to_string(), "-l".to_owned(), p.to_string()]);
    }
    args.extend([pdf.to_str().unwrap().to_owned(), "-".to_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    collapse(&run("pdftotext", &args))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as it can be compared between the HTML and what `pdftotext` extracts: without
/// the bidirectional controls the extraction adds around right-to-left runs. Text with
/// Arabic is compared by its Arabic letters alone, in order, without lam, the alefs and
/// the harakat: the extraction of a right-to-left line may move its digits, Latin words
/// and brackets, and swap the letters of a lam-alef ligature or a vowel sign.
fn comparable(text: &str) -> String {
    let arabic = |c: &char| ('\u{0600}'..='\u{06FF}').contains(c);
    if !text.chars().any(|c| arabic(&c)) {
        let kept: String = text.chars().filter(|c| !bidi_control(*c)).collect();
        return collapse(&kept);
    }
    text.chars()
        .filter(|c| arabic(c) && c.is_alphabetic())
        .filter(|c| {
            !matches!(c, 'ل' | 'ا' | 'أ' | 'إ' | 'آ' | '\u{064B}'..='\u{065F}' | '\u{0670}')
        })
        .collect()
}

/// The invisible marks of the Unicode bidirectional algorithm.
fn bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text of the brief's `h2` headings, entities decoded.
fn section_titles(html: &str) -> Vec<String> {
    html.split("<h2 id=\"")
        .skip(1)
        .map(|rest| {
            let inner = &rest[rest.find('>').unwrap() + 1..rest.find("</h2>").unwrap()];
            collapse(&decode(inner))
        })
        .collect()
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// How many footnotes (sources) the brief lists.
fn footnotes(html: &str) -> usize {
    html.matches("<li id=\"src-").count()
}

/// Prints `country`'s brief from the store `db` in `lang` to PDF on `paper`, and checks
/// it against the HTML brief: page count, page size, tags, every section title, every
/// footnote number, the footer in the language; saves its pages as PNG. Returns the
/// PDF's path and its page count.
fn print_and_check(
    db: &Path,
    dir: &Path,
    country: &str,
    paper: &str,
    lang: i18n::Lang,
) -> (PathBuf, usize) {
    let name = format!("{country}-{}", lang.code());
    let html_path = dir.join(format!("{name}.html"));
    coherence(db)
        .args(["--lang", lang.code(), "report", country, "-o"])
        .arg(&html_path)
        .assert()
        .success();
    let html = std::fs::read_to_string(&html_path).unwrap();
    let pdf = dir.join(format!("{name}.pdf"));
    let out = coherence(db)
        .args(["--lang", lang.code(), "report", country, "--pdf", "--paper", paper, "-o"])
        .arg(&pdf)
        .assert()
        .success();
    assert_eq!(String::from_utf8_lossy(&out.get_output().stdout).trim(), pdf.display().to_string());
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "{name}: not a PDF");

    let pages: usize = info(&pdf, "Pages").parse().unwrap();
    assert!((3..=120).contains(&pages), "{name}: {pages} pages");
    let size = info(&pdf, "Page size");
    let expected = if paper == "letter" { "612 x 792" } else { "595.92 x 841.92" };
    assert!(size.starts_with(expected), "{name}: page size {size}, not {paper}");
    assert_eq!(info(&pdf, "Tagged"), "yes", "{name}: the PDF is tagged for screen readers");

    let all = comparable(&text(&pdf, None));
    let titles = section_titles(&html);
    assert!(titles.len() >= 10, "{name}: only {} sections", titles.len());
    for title in &titles {
        assert!(all.contains(&comparable(title)), "{name}: section {title:?} is not in the PDF");
    }
    let words = lang.messages();
    let n = footnotes(&html);
    assert!(n > 0, "{name}: the brief cites no source");
    // The sources start on a page of their own: the text from that page to the end.
    let heading = comparable(&words.text("brief-h-sources"));
    let start = (1..=pages)
        .rev()
        .find(|&p| comparable(&text(&pdf, Some(p))).contains(&heading))
        .expect("a page with the Sources heading");
    let sources: String = (start..=pages)
        .map(|p| text(&pdf, Some(p)))
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !bidi_control(*c))
        .collect();
    for k in 1..=n {
        // A right-to-left list's marker "1." is extracted as ".1".
        let found = sources.contains(&format!("{k}. ")) || sources.contains(&format!(" .{k}"));
        assert!(found, "{name}: footnote {k} of {n} missing");
    }
    let (page, of) = (words.text("brief-page"), words.text("brief-page-of"));
    let first = comparable(&text(&pdf, Some(1)));
    // Right to left, the extraction may give the footer's runs in either order: each
    // word is looked for on its own.
    let has_footer = |text: &str, p: usize| {
        if lang.is_rtl() {
            text.contains(&comparable(&page)) && text.contains(&comparable(&of))
        } else {
            text.contains(&comparable(&format!("{page} {p} {of} {pages}")))
        }
    };
    assert!(has_footer(&first, 1), "{name}: footer of page 1: {first}");
    let last_text = text(&pdf, Some(pages));
    let last = comparable(&last_text);
    assert!(has_footer(&last, pages), "{name}: last page's footer: {last}");
    let digits: String = last_text.chars().filter(|c| !bidi_control(*c)).collect();
    assert!(digits.contains(&pages.to_string()), "{name}: the page count in the footer");
    let kicker = comparable(&words.text("brief-kicker"));
    let kicker_words: Vec<&str> = kicker.split(' ').collect();
    assert!(
        kicker_words.iter().all(|w| last.to_lowercase().contains(&w.to_lowercase())),
        "{name}: the footer's title ({kicker}): {last}"
    );

    let png_dir = pages_dir(&name);
    run(
        "pdftoppm",
        &["-r", "50", "-png", pdf.to_str().unwrap(), &format!("{}/page", png_dir.display())],
    );
    let pngs = std::fs::read_dir(&png_dir).unwrap().count();
    assert_eq!(pngs, pages, "{name}: one PNG per page in {}", png_dir.display());
    (pdf, pages)
}

#[test]
fn a_real_and_a_demo_brief_print_to_pdf_with_every_section_and_footnote() {
    let Some(files) = SHARED_FILES.iter().map(|f| test_support::shared_data(f)).collect() else {
        return;
    };
    let files: Vec<PathBuf> = files;
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).arg("import").args(&files).assert().success();
    coherence(&db).args(["demo", "-o"]).arg(dir.path().join("demo.html")).assert().success();

    for lang in i18n::Lang::OFFERED {
        let (_, _) = print_and_check(&db, dir.path(), "PHL", "a4", lang);
        let (pdf, pages) = print_and_check(&db, dir.path(), "XAA", "letter", lang);
        // The demo brief's banner is on every page, in the header, in the language.
        let notice = lang.messages().text("brief-demo-notice");
        let banner = comparable(notice.split(':').next().unwrap());
        for page in 1..=pages {
            let text = comparable(&text(&pdf, Some(page)));
            assert!(text.contains(&banner), "{lang}: page {page} has no banner: {text}");
        }
    }
}

#[test]
fn without_chromium_the_pdf_fails_with_one_line_and_the_html_brief_works() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).args(["demo", "-o"]).arg(dir.path().join("demo.html")).assert().success();
    let empty = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("xaa.pdf");
    let out = coherence(&db)
        .env("PATH", empty.path())
        .args(["report", "XAA", "--pdf", "-o"])
        .arg(&pdf)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains("Chromium was not found") && stderr.contains("apt-get install chromium"),
        "{stderr}"
    );
    assert!(stderr.contains("COHERENCE_CHROMIUM"), "{stderr}");
    assert!(!pdf.exists(), "no file is written");

    let out = coherence(&db)
        .env("COHERENCE_CHROMIUM", "/nonexistent/chromium")
        .args(["report", "XAA", "--pdf", "-o"])
        .arg(&pdf)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("/nonexistent/chromium"), "names the missing browser: {stderr}");

    let html = dir.path().join("xaa.html");
    coherence(&db)
        .env("PATH", empty.path())
        .args(["report", "XAA", "-o"])
        .arg(&html)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&html).unwrap().contains("<h2"));
}

#[test]
fn all_briefs_are_written_in_one_command_one_file_per_area() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).args(["demo", "-o"]).arg(dir.path().join("demo.html")).assert().success();
    let out_dir = dir.path().join("briefs");
    let out = coherence(&db).args(["report", "--all", "-o"]).arg(&out_dir).assert().success();
    let listed = String::from_utf8_lossy(&out.get_output().stdout).lines().count();
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), listed, "each file written is listed");
    // The 249 ISO 3166-1 areas, the real areas outside it and the demo world's countries.
    assert!(names.len() >= 249 + 8, "{} briefs", names.len());
    for name in ["XAA.html", "PHL.html", "DEU.html", "XKX.html"] {
        assert!(names.iter().any(|n| n == name), "{name} missing");
    }
    let xaa = std::fs::read_to_string(out_dir.join("XAA.html")).unwrap();
    assert!(xaa.contains("FICTIONAL DEMO WORLD"));

    // A file where the folder should be is refused, and so is --all with a country.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    coherence(&db)
        .args(["report", "--all", "-o"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(predicates::str::contains("is not a folder"));
    coherence(&db).args(["report", "XAA", "--all", "-o"]).arg(&out_dir).assert().failure();
    coherence(&db).args(["report", "-o"]).arg(&out_dir).assert().failure();
}
