//! End-to-end tests of the `coherence` binary on the demo world.

#![allow(
    clippy::float_cmp,
    reason = "the values are whole numbers of persons, exactly representable"
)]
#![allow(clippy::print_stderr, reason = "a skipped test says so on stderr")]

use std::path::Path;

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

#[test]
fn demo_writes_a_brief_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let brief = dir.path().join("brief.html");
    // A fixed date (SOURCE_DATE_EPOCH: 2026-12-07), so the two runs match at midnight too.
    let out = coherence(&db)
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1796601600")
        .args(["demo", "-o"])
        .arg(&brief)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout.trim(), brief.display().to_string(), "demo prints the brief's path");
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("FICTIONAL DEMO WORLD") && stderr.contains("added"), "{stderr}");
    let html = std::fs::read_to_string(&brief).unwrap();
    assert!(html.contains("FICTIONAL DEMO WORLD") && html.contains("Pelaria"));

    let datasets = |db: &Path| {
        let out = coherence(db).args(["datasets", "--format", "json"]).assert().success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        v
    };
    let before = datasets(&db);
    let again = coherence(&db)
        .current_dir(dir.path())
        .env("SOURCE_DATE_EPOCH", "1796601600")
        .args(["demo", "-o"])
        .arg(&brief)
        .assert()
        .success();
    let stderr = String::from_utf8(again.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("unchanged"), "{stderr}");
    assert_eq!(datasets(&db), before, "a second demo run changes nothing in the store");
    assert_eq!(std::fs::read_to_string(&brief).unwrap(), html, "the brief is byte-identical");

    let list = before.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let d = &list[0];
    assert_eq!(d["key"], "demo-world");
    assert_eq!(d["fictional"], true);
    assert!(
        d["files"].as_array().unwrap().iter().all(|f| f["sha256"].as_str().unwrap().len() == 64)
    );
}

#[test]
fn profile_json_has_units_and_sources() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let out = coherence(&db).args(["profile", "XAA", "--format", "json"]).assert().success();
    let p: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(p["fictional_notice"].as_str().unwrap().contains("FICTIONAL"));
    assert_eq!(p["area"]["iso3"], "XAA");

    // Stocks in and out by year, each value with unit and source.
    for side in ["stock_in", "stock_out"] {
        let years = p[side].as_array().unwrap();
        assert!(years.len() >= 5, "{side}: {years:?}");
        for y in years {
            let total = &y["total"];
            assert_eq!(total["unit"], "persons");
            assert!(total["value"].as_f64().unwrap() > 0.0);
            assert!(total["source"]["dataset"].as_str().unwrap().contains("edition"));
            assert!(total["source"]["derivation"].as_str().unwrap().contains("sum over"));
            let (m, f) =
                (y["male"]["value"].as_f64().unwrap(), y["female"]["value"].as_f64().unwrap());
            assert_eq!(m + f, total["value"].as_f64().unwrap(), "male + female = total");
        }
    }
    // Top corridors, largest first, each read from one cell.
    let top = p["top_destinations"].as_array().unwrap();
    assert!(!top.is_empty());
    let stocks: Vec<f64> = top.iter().map(|c| c["stock"]["value"].as_f64().unwrap()).collect();
    assert!(stocks.windows(2).all(|w| w[0] >= w[1]), "{stocks:?}");
    let cell = top[0]["stock"]["source"]["cell"].as_str().unwrap();
    assert!(cell.contains("stocks.csv") && cell.contains("row"), "{cell}");
    // Remittances in current US$, and 17.3.2 in per cent.
    let received = p["remittances_received"].as_array().unwrap();
    assert!(!received.is_empty());
    assert_eq!(received[0]["value"]["unit"], "usd_current");
    let pct = p["remittances_pct_gdp"].as_array().unwrap();
    assert!(!pct.is_empty());
    assert_eq!(pct[0]["value"]["unit"], "percent");
    assert!(p["costs_to"].as_array().unwrap().iter().all(|c| c["cost_pct"]["unit"] == "percent"));
}

#[test]
fn profile_accepts_names_and_renders_csv_and_tables() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    coherence(&db).args(["profile", "pelaria"]).assert().success().stdout(
        predicate::str::contains("FICTIONAL DEMO WORLD")
            .and(predicate::str::contains("Emigrants living abroad")),
    );
    let out = coherence(&db)
        .args(["profile", "XAA", "--format", "csv", "--year", "2020"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "country,measure,year,partner,sex,value,unit,dataset_id,dataset,cell,derivation,notice"
    );
    assert!(text.lines().skip(1).all(|l| l.starts_with("XAA,")));
    assert!(text.contains("stock_out,2020,,total,"));
    assert!(!text.contains("stock_out,2015,"), "--year keeps one year");
}

#[test]
fn errors_are_one_line_with_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let out = coherence(&db).args(["profile", "Pelarai"]).assert().failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("did you mean Pelaria (XAA)"),
        "{stderr}"
    );
}

#[test]
fn a_store_from_a_newer_version_is_refused_naming_the_file() {
    if test_support::sqlite_only("the newer store is made with the sqlite3 command") {
        return;
    }
    // A store from a newer Coherence is refused, naming the file.
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.sqlite");
    coherence(&newer).arg("init").assert().success();
    // `sqlite3` (Debian package sqlite3, installed by .ci/run) stands in for a newer build.
    let status = std::process::Command::new("sqlite3")
        .arg(&newer)
        .arg("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
        .status()
        .expect("the sqlite3 command is needed by this test (apt-get install sqlite3)");
    assert!(status.success());
    coherence(&newer).arg("datasets").assert().failure().stderr(
        predicate::str::contains("schema version 999")
            .and(predicate::str::contains("newer.sqlite")),
    );
}

#[test]
fn the_store_path_comes_from_the_environment() {
    if test_support::sqlite_only("COHERENCE_DB names a SQLite file, checked to exist") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.sqlite");
    Command::cargo_bin("coherence")
        .unwrap()
        .env("COHERENCE_DB", &db)
        .args(["-q", "init"])
        .assert()
        .success();
    assert!(db.exists());
}

#[test]
fn help_shows_examples() {
    Command::cargo_bin("coherence").unwrap().arg("--help").assert().success().stdout(
        predicate::str::contains("Examples:").and(predicate::str::contains("coherence demo")),
    );
}

/// Chromium, if installed: Debian's `chromium` (installed by .ci/run).
fn chromium() -> Option<std::path::PathBuf> {
    let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::var_os("PATH")?
            .to_str()?
            .split(':')
            .map(|dir| Path::new(dir).join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            !test_support::under_ci(),
            "chromium is required under CI=true (apt-get install chromium)"
        );
        eprintln!("SKIPPED: chromium is not installed, so the brief was not rendered");
    }
    found
}

fn headless(chromium: &Path, profile_dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile_dir.display()));
    cmd
}

#[test]
fn the_brief_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    let brief = dir.path().join("brief.html");
    coherence(&db)
        .current_dir(dir.path())
        .args(["-q", "demo", "-o"])
        .arg(&brief)
        .assert()
        .success();
    let url = format!("file://{}", brief.display());

    // The DOM after Chromium has parsed the page: headings, charts with text alternatives.
    let dom =
        headless(&chromium, &dir.path().join("p1")).arg("--dump-dom").arg(&url).output().unwrap();
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert!(dom.contains("<h1") && dom.contains("Pelaria"), "no heading in the rendered DOM");
    assert!(dom.contains("FICTIONAL DEMO WORLD"));
    assert!(dom.matches("role=\"img\"").count() >= 4, "the charts are missing");
    assert!(dom.contains("<th scope="), "tables need header cells");

    // A screenshot: a real PNG of the requested size.
    let png = dir.path().join("brief.png");
    let shot = headless(&chromium, &dir.path().join("p2"))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,2400")
        .arg(&url)
        .output()
        .unwrap();
    assert!(shot.status.success(), "{}", String::from_utf8_lossy(&shot.stderr));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1200, 2400));
    assert!(bytes.len() > 50_000, "the screenshot is nearly empty ({} bytes)", bytes.len());
}

#[test]
fn fetch_lists_the_catalogue_and_explains_what_to_do_offline() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).args(["fetch", "--list"]).assert().success().stdout(
        predicate::str::contains("undesa-ims-2024-destination")
            .and(predicate::str::contains("United Nations")),
    );
    // A mirror that refuses connections stands in for a machine without network.
    let out = coherence(&db)
        .args([
            "fetch",
            "undesa-ims-2024-destination",
            "--retries",
            "0",
            "--mirror",
            "http://127.0.0.1:9",
        ])
        .arg("--cache")
        .arg(dir.path().join("cache"))
        .assert()
        .failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("Download these files by hand"), "{stderr}");
    assert!(stderr.contains("https://www.un.org/"), "the official URL is given: {stderr}");
    assert!(stderr.contains("coherence import --kind undesa-destination"), "{stderr}");
    assert!(stderr.lines().last().unwrap().starts_with("error: could not reach"), "{stderr}");
}

#[test]
fn profiles_show_stored_flow_estimates_or_say_how_to_store_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).current_dir(dir.path()).args(["-q", "demo"]).assert().success();
    let profile = |db: &Path| {
        let out = coherence(db).args(["profile", "XAA", "--format", "json"]).assert().success();
        serde_json::from_slice::<serde_json::Value>(&out.get_output().stdout).unwrap()
    };

    // None stored: the gap names the table and its two latest years, and the action
    // that fills it; the CLI's table adds the command (the JSON, which a brief or a web
    // page also reads, names no command).
    let p = profile(&db);
    assert_eq!(p["estimated_flows"].as_array().unwrap().len(), 0);
    let gap = p["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["text"].as_str().unwrap().starts_with("Estimated migration flows"))
        .expect("a gap for estimated flows");
    let text = gap["text"].as_str().unwrap();
    assert!(text.contains("2020 and 2024") && !text.contains("coherence"), "{text}");
    assert_eq!(
        gap["fill"],
        serde_json::json!({"action": "estimate_flows", "from": 2020, "to": 2024})
    );
    let table = coherence(&db).args(["profile", "XAA"]).assert().success();
    let table = String::from_utf8(table.get_output().stdout.clone()).unwrap();
    assert!(
        table.contains("coherence estimate flows --method sd_rev_neg --from 2020 --to 2024"),
        "{table}"
    );

    // Estimate, store, and the profile shows the totals of the stored estimate.
    let flows = dir.path().join("flows.csv");
    coherence(&db)
        .args(["-q", "estimate", "flows", "--method", "sd_rev_neg", "--from", "2015", "--to"])
        .args(["2020", "--store", "--out"])
        .arg(&flows)
        .assert()
        .success();
    let (mut inflow, mut outflow) = (0.0, 0.0);
    for line in std::fs::read_to_string(&flows).unwrap().lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let v: f64 = f[4].parse().unwrap();
        match (f[0], f[1]) {
            (o, d) if o == d => {}
            (_, "XAA") => inflow += v,
            ("XAA", _) => outflow += v,
            _ => {}
        }
    }
    assert!(inflow > 0.0 && outflow > 0.0, "{inflow} {outflow}");
    // An estimate over the fictional demo world is itself marked fictional.
    let out = coherence(&db).args(["datasets", "--format", "json"]).assert().success();
    let sets: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let derived: Vec<&serde_json::Value> = sets
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["key"].as_str().is_some_and(|k| k.starts_with("estimate-flows")))
        .collect();
    assert_eq!(derived.len(), 1, "{sets}");
    assert_eq!(derived[0]["fictional"], true, "{}", derived[0]);
    let p = profile(&db);
    let list = p["estimated_flows"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    let f = &list[0];
    assert_eq!(
        (f["method"].as_str(), f["period_start"].as_i64()),
        (Some("sd_rev_neg"), Some(2015))
    );
    assert_eq!(f["period_end"], 2020);
    let close = |v: &serde_json::Value, want: f64| {
        let got = v["value"].as_f64().unwrap();
        assert!((got - want).abs() <= 1e-6 * want.abs().max(1.0), "{got} vs {want}");
    };
    close(&f["inflow"], inflow);
    close(&f["outflow"], outflow);
    close(&f["net"], inflow - outflow);
    assert_eq!(f["inflow"]["unit"], "persons");
    let derivation = f["inflow"]["source"]["derivation"].as_str().unwrap();
    assert!(
        derivation.contains("sd_rev_neg")
            && derivation.contains("stored by")
            && derivation.contains("estimate flows --method sd_rev_neg"),
        "{derivation}"
    );
    assert!(
        p["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| !g["text"].as_str().unwrap().starts_with("Estimated migration flows")),
        "no gap once stored"
    );

    // Table, CSV and the HTML brief show them too.
    coherence(&db).args(["profile", "XAA"]).assert().success().stdout(
        predicate::str::contains("Estimated migration flows")
            .and(predicate::str::contains("2015–2020"))
            .and(predicate::str::contains("sd_rev_neg")),
    );
    coherence(&db)
        .args(["profile", "XAA", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::contains("XAA,estimated_inflow,2020,,total,"));
    let brief = dir.path().join("brief.html");
    coherence(&db).args(["-q", "report", "XAA", "-o"]).arg(&brief).assert().success();
    let html = std::fs::read_to_string(&brief).unwrap();
    assert!(html.contains("Estimated migration flows of Pelaria"), "brief has the flows");
    assert!(html.contains("sd_rev_neg"));
}

#[test]
fn profile_tables_speak_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite");
    coherence(&db).args(["demo", "-o"]).arg(dir.path().join("b.html")).assert().success();
    let profile = |lang: &str| {
        let out = coherence(&db).args(["profile", "XAA", "--lang", lang]).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let english = profile("en");
    assert!(english.contains("Emigrants living abroad") && english.contains("3,561,871"));
    let french = profile("fr");
    assert!(french.contains("Émigrants vivant à l’étranger"), "{french}");
    assert!(french.contains("3\u{202F}561\u{202F}871") && french.contains("14,78\u{202F}%"));
    assert!(!french.contains("Emigrants living abroad"));
    let spanish = profile("es");
    assert!(
        spanish.contains("Emigrantes que viven en el extranjero") && spanish.contains("3.561.871")
    );
    let arabic = profile("ar");
    assert!(arabic.contains("المهاجرون المقيمون في الخارج") && arabic.contains("3,561,871"));
    // The environment variable chooses too; an unknown language is refused in one line.
    let out = coherence(&db).env("COHERENCE_LANG", "fr").args(["profile", "XAA"]).assert();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("Émigrants"));
    coherence(&db)
        .args(["profile", "XAA", "--lang", "de"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("the languages are en, fr, es and ar"));
}
