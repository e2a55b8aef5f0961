//! Labour migration and forced displacement in profiles, on the real files of the shared
//! data folder (reached only through `test_support::shared_data`; skipped visibly when
//! it is absent): the Philippines' deployments (ILOSTAT), Nepal's fiscal year 2079/80
//! (the Department of Foreign Employment's twelve monthly tables, summed), seasonal
//! workers admitted by the United States (OECD) and refugees from Syria in Türkiye
//! (UNHCR), each against the file's cells read here independently.

#![allow(clippy::float_cmp, reason = "values copied from a cell must equal the cell exactly")]

use std::path::PathBuf;

use analysis::profile::CountryProfile;
use analysis::{UnknownAreas, Workspace};

const NEPAL: &str = "national_deployments/nepal_dofe_fy2079_80";
const MONTHS: [&str; 12] = [
    "shrawn", "bhadra", "ashoj", "kartik", "mangsir", "poush", "magh", "falgun", "chaitra",
    "baisakh", "jestha", "asar",
];
const ILOSTAT: &str =
    "ilostat_outflows/ddf--datapoints--mna_oemp_sex_cds_nb--by--ref_area--sex--classif1--time.csv";
const OECD_TEMPORARY: &str = "oecd_imd_2024/standardised_inflows_of_temporary_migrants.csv";
const UNHCR: &str = "unhcr_population/population.csv";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

/// Runs `then` on a new store holding `files`; `None` when the shared data folder is
/// absent.
fn with_store<T>(files: &[String], then: impl AsyncFnOnce(&Workspace) -> T) -> Option<T> {
    with_store_and(files, &[], then)
}

/// As [`with_store`], with files written here too (`(name, text)`), imported after.
fn with_store_and<T>(
    files: &[String],
    written: &[(&str, &str)],
    then: impl AsyncFnOnce(&Workspace) -> T,
) -> Option<T> {
    let paths: Vec<PathBuf> =
        files.iter().map(|f| test_support::shared_data(f)).collect::<Option<_>>()?;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("labour.sqlite");
    let mut inputs: Vec<analysis::Input> = paths
        .iter()
        .map(|p| analysis::Input::new(p.display().to_string(), std::fs::read(p).unwrap()))
        .collect();
    inputs.extend(
        written.iter().map(|(name, text)| analysis::Input::new(*name, text.as_bytes().to_vec())),
    );
    let read =
        analysis::read_files(&inputs, None, UnknownAreas::Reject, &analysis::Limits::default())
            .unwrap();
    Some(runtime().block_on(async {
        let ws = Workspace::open(&db).await.unwrap();
        for file in &read {
            ws.load(file.dataset(), &mut |_, _| {}).await.unwrap();
        }
        then(&ws).await
    }))
}

/// The profiles of `queries` in a new store holding `files`.
fn profiles(files: &[String], queries: &[&str]) -> Option<Vec<CountryProfile>> {
    with_store(files, async |ws| ws.profiles(queries).await.unwrap())
}

fn nepal(months: &[&str]) -> Vec<String> {
    months.iter().map(|m| format!("{NEPAL}/{m}-2079.csv")).collect()
}

/// The rows of a CSV file of the shared folder, as maps from header to cell.
fn rows(relative: &str, skip: usize) -> Vec<std::collections::HashMap<String, String>> {
    let path = test_support::shared_data(relative).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let body: String = text.lines().skip(skip).map(|l| format!("{l}\n")).collect();
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect()
        })
        .collect()
}

#[test]
fn deployments_refugees_and_inflows_equal_the_files() {
    let mut files = nepal(&MONTHS);
    files.extend([ILOSTAT, OECD_TEMPORARY, UNHCR].map(String::from));
    let Some(p) = profiles(&files, &["PHL", "NPL", "USA", "TUR", "DEU"]) else { return };
    let (phl, npl, usa, tur, deu) = (&p[0], &p[1], &p[2], &p[3], &p[4]);

    // The Philippines, 2024: the ILO's total over all destinations (it counts the
    // destinations it does not name), and the five largest named destinations.
    let ilo = rows(ILOSTAT, 0);
    let cell = |dest: &str, sex: &str| {
        ilo.iter()
            .find(|r| {
                r["ref_area"] == "phl"
                    && r["time"] == "2024"
                    && r["classif1"] == dest
                    && r["sex"] == sex
            })
            .map(|r| (r["mna_oemp_sex_cds_nb"].parse::<f64>().unwrap() * 1000.0).round())
    };
    let last = phl.labour.deployments.last().unwrap();
    assert_eq!((last.year, last.value.value), (2024, cell("cds_des_total", "sex_t").unwrap()));
    assert_eq!(last.value.value, 1_827_799.0);
    let top: Vec<(&str, f64)> = phl.labour.top_destinations[..5]
        .iter()
        .map(|d| (d.partner.as_str(), d.total.value))
        .collect();
    for (code, value) in &top {
        let dest = format!("cds_des_{}", code.to_ascii_lowercase());
        assert_eq!(Some(*value), cell(&dest, "sex_t"), "{code}");
    }
    assert_eq!(top.iter().map(|t| t.0).collect::<Vec<_>>(), ["SAU", "ARE", "SGP", "HKG", "QAT"]);
    let sau = &phl.labour.top_destinations[0];
    assert_eq!(sau.female.as_ref().unwrap().value, cell("cds_des_sau", "sex_f").unwrap());
    // Its share is of the ILO's total, which counts the destinations it does not name.
    let share = sau.share.value;
    assert!((share - 100.0 * 419_355.0 / 1_827_799.0).abs() < 1e-9, "{share}");
    assert!(sau.share.source.derivation.as_deref().unwrap().contains("publisher's total"));

    // Nepal, fiscal year 2079/80 (stored at 2022, the year it starts in): the twelve
    // monthly tables summed, never one month taken for the year.
    let fy = npl.labour.deployments.iter().find(|d| d.year == 2022).unwrap();
    assert_eq!(fy.value.value, 689_437.0, "{:?}", fy.value.source);
    let how = fy.value.source.derivation.as_deref().unwrap_or_default();
    assert!(how.contains("12 monthly tables"), "{:?}", fy.value);
    // Cited as the whole year, not as its first month.
    let cited = &fy.value.source.dataset;
    assert!(cited.contains("fiscal year 2079/80: the 12 monthly tables summed"), "{cited}");
    assert!(!cited.contains("Shrawan"), "{cited}");
    assert_eq!(&npl.labour.top_destinations[0].total.source.dataset, cited);
    let top: Vec<(&str, f64)> = npl.labour.top_destinations[..2]
        .iter()
        .map(|d| (d.partner.as_str(), d.total.value))
        .collect();
    assert_eq!(top, [("MYS", 250_874.0), ("QAT", 140_659.0)]);
    let reentry = npl.labour.channels.iter().find(|c| c.indicator == "deployments_reentry");
    assert!(reentry.is_some() && npl.labour.reentry_share.is_some(), "{:?}", npl.labour.channels);
    // G-to-G permits appear in seven months only: the other months hold none (a zero),
    // and the year is still whole.
    let g2g = npl.labour.channels.iter().find(|c| c.indicator == "deployments_g2g").unwrap();
    assert_eq!(g2g.values[0].value.value, 10_569.0);

    // Seasonal workers admitted by the United States in 2023 (OECD).
    let oecd = rows(OECD_TEMPORARY, 0);
    let seasonal = oecd
        .iter()
        .find(|r| {
            r["REF_AREA"] == "USA" && r["MIGRATION_TYPE"] == "SEAS" && r["TIME_PERIOD"] == "2023"
        })
        .map(|r| r["OBS_VALUE"].parse::<f64>().unwrap())
        .unwrap();
    let series = usa
        .labour
        .temporary_inflows
        .iter()
        .find(|c| c.indicator == "temporary_inflow_seasonal")
        .unwrap();
    assert_eq!(series.values.iter().find(|v| v.year == 2023).unwrap().value.value, seasonal);

    // Refugees from Syria hosted by Türkiye at the end of 2023 (UNHCR).
    let unhcr = rows(UNHCR, 14);
    let syria = unhcr
        .iter()
        .find(|r| {
            r["Year"] == "2023"
                && r["Country of origin (ISO)"] == "SYR"
                && r["Country of asylum (ISO)"] == "TUR"
        })
        .map(|r| r["Refugees under UNHCR's mandate"].parse::<f64>().unwrap())
        .unwrap();
    let first = &tur.displacement.top_origins[0];
    assert_eq!((first.partner.as_str(), first.year, first.total.value), ("SYR", 2023, syria));
    assert_eq!(syria, 3_214_780.0);
    let hosted = tur.displacement.refugees_hosted.iter().find(|v| v.year == 2023).unwrap();
    assert!(hosted.value.value >= syria);

    // Germany publishes no deployments here: a gap, never a zero.
    assert!(deu.labour.deployments.is_empty());
    let topic = |g: &analysis::profile::Gap| {
        g.said.args.iter().any(|(_, t)| matches!(t, analysis::said::Term::Said(s) if s.code == "gap-topic-deployments"))
    };
    assert!(deu.gaps.iter().any(topic), "{:?}", deu.gaps);
}

#[test]
fn a_fiscal_year_with_a_month_missing_is_left_out_and_said() {
    let Some(p) = profiles(&nepal(&MONTHS[..11]), &["NPL"]) else { return };
    let npl = &p[0];
    assert!(npl.labour.deployments.is_empty(), "{:?}", npl.labour.deployments);
    assert!(npl.labour.top_destinations.is_empty());
    assert_eq!(npl.labour.incomplete_years, [("dofe-nepal-2079-80".to_owned(), 11)]);
    let gap = npl.gaps.iter().find(|g| g.said.code == "gap-parts-missing").unwrap();
    assert!(gap.said.text.contains("11 of its 12 monthly tables"), "{}", gap.said.text);
}

/// A register of Nepal with one active policy, none of it on return.
const NEPAL_REGISTER: &str = r#"
[[policy]]
id = "NPL-LAB-01"
country = "NPL"
ministry = "Ministry of Labour, Employment and Social Security"
title = "Pre-departure orientation"
instrument = "programme"
stages = ["before-departure"]
area = "labour-migration"
status = "active"
objectives = "Orient workers before they leave."
source = "test register"
"#;

#[test]
fn the_corridor_shows_and_checks_a_fiscal_year_of_deployments() {
    let Some((report, profile, baseline)) = with_store(&nepal(&MONTHS), async |ws| {
        let file = analysis::Input::new("npl.toml", NEPAL_REGISTER.as_bytes().to_vec());
        ws.register_import(&file, "tester", Some("test")).await.unwrap();
        let report = ws.corridor("NPL", "QAT", None).await.unwrap();
        let baseline = ws.scenario_baseline("NPL", Some("QAT"), Some(2022)).await.unwrap();
        (report, ws.profiles(&["NPL"]).await.unwrap().remove(0), baseline)
    }) else {
        return;
    };
    // A scenario's baseline takes the same figure as the observed annual inflow of a
    // temporary scheme (the quota's default), with the same citation.
    let inflow = baseline.get("corridor_deployments").unwrap();
    assert_eq!(inflow.value, 140_659.0);
    assert!(inflow.source.contains("fiscal year 2079/80: the 12 monthly tables summed"));
    // The corridor's figure is the fiscal year's twelve months summed, as the profile
    // shows it, cited as the whole year.
    let shown = profile.labour.top_destinations.iter().find(|d| d.partner == "QAT").unwrap();
    let figure = report.figures.iter().find(|d| d.indicator == "deployments").unwrap();
    assert_eq!((figure.year, figure.value), (2022, 140_659.0));
    assert_eq!(figure.value, shown.total.value);
    assert_eq!(figure.source.dataset, shown.total.source.dataset);
    assert!(figure.source.derivation.as_deref().unwrap().contains("12 monthly tables"));

    // Nepal's register is loaded and holds no active return policy: the rule fires on
    // that figure.
    let f = report
        .findings
        .iter()
        .find(|f| f.rule_id == "large-deployments-without-return-support")
        .unwrap_or_else(|| panic!("{:?}", report.unevaluated));
    assert_eq!((f.data[0].what.as_str(), f.data[0].value), ("deployments NPL→QAT", 140_659.0));

    // With a month missing, the year is not whole: no figure, and the rule says what it
    // lacks rather than pass.
    let Some((report, baseline)) = with_store(&nepal(&MONTHS[..11]), async |ws| {
        let file = analysis::Input::new("npl.toml", NEPAL_REGISTER.as_bytes().to_vec());
        ws.register_import(&file, "tester", Some("test")).await.unwrap();
        let baseline = ws.scenario_baseline("NPL", Some("QAT"), Some(2022)).await.unwrap();
        (ws.corridor("NPL", "QAT", None).await.unwrap(), baseline)
    }) else {
        return;
    };
    assert!(baseline.get("corridor_deployments").is_none(), "{:?}", baseline.values);
    assert!(report.figures.iter().all(|d| d.indicator != "deployments"), "{:?}", report.figures);
    let u = report
        .unevaluated
        .iter()
        .find(|u| u.rule_id == "large-deployments-without-return-support")
        .unwrap();
    assert_eq!(u.missing[0].text, "deployments for NPL→QAT");
}

/// A corridor's stock is one figure wherever it is shown: the profile's destination,
/// the corridor check's figures and a scenario's baseline choose the same table, even
/// where another table holds a longer series of that corridor (the 2020 edition's
/// chord-diagram JSON goes back to 1990, the 2024 edition's subset to 2000).
#[test]
fn a_corridors_stock_is_the_same_figure_in_profile_corridor_and_baseline() {
    let files = [
        "undesa_ims_2020_bilateral_chordjson/stock.json",
        "undesa_ims_2024_bilateral_subset/undesa_ims_bilateral_2000-2020_iso3_migration_network.csv",
    ]
    .map(String::from);
    let Some((profile, report, baseline)) = with_store(&files, async |ws| {
        let profile = ws.profiles(&["NPL"]).await.unwrap().remove(0);
        let report = ws.corridor("NPL", "QAT", None).await.unwrap();
        let baseline = ws.scenario_baseline("NPL", Some("QAT"), Some(2020)).await.unwrap();
        (profile, report, baseline)
    }) else {
        return;
    };
    let shown = profile.top_destinations.iter().find(|d| d.partner == "QAT").unwrap();
    let figure = report.figures.iter().find(|d| d.indicator == "migrant_stock").unwrap();
    let base = baseline.get("corridor_stock").unwrap();
    assert_eq!((shown.year, figure.year), (2020, 2020));
    assert_eq!(shown.stock.value, figure.value);
    assert_eq!(base.value, figure.value, "{}", base.source);
    assert!(shown.stock.source.dataset.contains("2024"), "{}", shown.stock.source.dataset);
    assert!(base.source.contains("International Migrant Stock 2024"), "{}", base.source);
}

/// A user's deployments CSV of a few lines never replaces a published series: Nepal's
/// fiscal year stays the Department's twelve tables summed, the user's figure listed as
/// the choice's alternative; and files of two origins are two datasets, both read.
#[test]
fn a_users_deployments_file_fills_gaps_and_never_hides_a_published_series() {
    const HEADER: &str = "origin,destination,year,sex,channel,skill,persons,source\n";
    let few = format!(
        "{HEADER}NPL,QAT,2022,total,,,1234,ministry\nNPL,QAT,2023,total,,,150000,ministry\n"
    );
    let lanka = format!("{HEADER}LKA,KWT,2024,total,,,5555,ministry\n");
    let written = [("few.csv", few.as_str()), ("lanka.csv", lanka.as_str())];
    let Some((npl, lka, report)) = with_store_and(&nepal(&MONTHS), &written, async |ws| {
        let p = ws.profiles(&["NPL", "LKA"]).await.unwrap();
        let report = ws.corridor("NPL", "QAT", None).await.unwrap();
        (p[0].clone(), p[1].clone(), report)
    }) else {
        return;
    };
    let fy = npl.labour.deployments.iter().find(|d| d.year == 2022).unwrap();
    assert_eq!(fy.value.value, 689_437.0, "{:?}", fy.value.source);
    let choice = fy.value.choice.as_ref().unwrap();
    assert!(choice.alternatives.iter().any(|a| a.value == 1234.0), "{choice:?}");
    // The user's 2023, a year no published source holds, is read; so is the other
    // origin's file.
    let y2023 = npl.labour.deployments.iter().find(|d| d.year == 2023).unwrap();
    assert_eq!(y2023.value.value, 150_000.0);
    assert_eq!(lka.labour.deployments.last().unwrap().value.value, 5555.0);
    // The corridor shows the newest year, from the user's file, with its source.
    let figure = report.figures.iter().find(|d| d.indicator == "deployments").unwrap();
    assert_eq!((figure.year, figure.value), (2023, 150_000.0));
    assert!(figure.source.cell.as_deref().unwrap().contains("few.csv"), "{:?}", figure.source);
}
