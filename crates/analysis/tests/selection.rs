//! Figures chosen on purpose, on the real files of the shared data folder (reached only
//! through `test_support::shared_data`; skipped visibly when it is absent): the order of
//! imports changes no figure, a publisher's placeholder never wins, a series is one
//! vintage, parts of one edition add up, editions are ordered by their dates and can be
//! pinned, the official SDG 17.3.2 series stands beside the recomputation, estimates say
//! which inputs they used, and data gaps tell "not loaded" from "not covered".

#![allow(clippy::float_cmp, reason = "values copied from a cell must equal the cell exactly")]

use std::path::{Path, PathBuf};

use analysis::profile::CountryProfile;
use analysis::{ReadFile, UnknownAreas, Workspace};

/// Files that hold overlapping or conflicting series: the WDI parts and extracts, KNOMAD
/// and WDI remittances, the UN DESA editions.
const FILES: &[&str] = &[
    "wdi_2021_cross_section/WDI_2021_all_indicators_part1.xlsx",
    "wdi_2021_cross_section/WDI_2021_all_indicators_part2.xlsx",
    "wb_bilateral_remittance_2017/WDI_NY.GDP.PCAP.CD_2017.xlsx",
    "wdi_gdp_per_capita/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_5358417.csv",
    "wdi_gdp/wb_NY.GDP.MKTP.CD_gdp_current_usd.csv",
    "wdi_population/wb_SP.POP.TOTL_population.csv",
    "knomad_remittance_flows/knomad_remittance_inflows_2000-2022.xlsx",
    "knomad_remittance_flows/knomad_remittance_outflows_2000-2022.xlsx",
    "wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls",
    "wdi_remittances/API_BM.TRF.PWKR.CD.DT_2023-05-10.xls",
    "wdi_remittances/API_BM.TRF.PWKR.CD.DT_DS2_en_csv_v2_3012027.csv",
    "wdi_remittances/API_BX.TRF.PWKR.DT.GD.ZS_2023-05-10.xls",
    "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
    "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
    "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_origin.xlsx",
];

const COUNTRIES: &[&str] = &["PHL", "NPL", "KEN", "MEX", "DEU", "USA", "SEN"];

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

fn read(files: &[&str]) -> Option<Vec<ReadFile>> {
    let paths: Vec<PathBuf> =
        files.iter().map(|f| test_support::shared_data(f)).collect::<Option<_>>()?;
    let inputs: Vec<analysis::Input> = paths
        .iter()
        .map(|p| analysis::Input::new(p.display().to_string(), std::fs::read(p).unwrap()))
        .collect();
    Some(
        analysis::read_files(&inputs, None, UnknownAreas::Reject, &analysis::Limits::default())
            .unwrap(),
    )
}

/// A store at `db` with `files` imported in the given order.
async fn store(db: &Path, files: &[&ReadFile]) -> Workspace {
    let ws = Workspace::open(db).await.unwrap();
    for f in files {
        ws.load(f.dataset(), &mut |_, _| {}).await.unwrap();
    }
    ws
}

/// The profiles as JSON without the store's own import ids (which number imports in
/// the order they came).
fn json_without_ids(profiles: &[CountryProfile]) -> String {
    let mut v = serde_json::to_value(profiles).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("dataset_id");
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    serde_json::to_string(&v).unwrap()
}

/// A small deterministic generator (xorshift64*), so the orders are the same each run.
struct Orders(u64);

impl Orders {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[test]
fn the_order_of_imports_changes_no_figure() {
    let Some(files) = read(FILES) else { return };
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let mut orders = Orders(0x5EED_C0FF_EE15_600D);
    let mut first: Option<String> = None;
    for n in 0..20 {
        let mut order: Vec<&ReadFile> = files.iter().collect();
        if n == 1 {
            order.reverse();
        } else if n > 1 {
            orders.shuffle(&mut order);
        }
        let db = dir.path().join(format!("order-{n}.sqlite"));
        let json = rt.block_on(async {
            let ws = store(&db, &order).await;
            json_without_ids(&ws.profiles(COUNTRIES).await.unwrap())
        });
        match &first {
            None => first = Some(json),
            Some(f) => {
                let names: Vec<&str> = order.iter().map(|f| f.path.as_str()).collect();
                assert!(*f == json, "order {n} gives other profiles: {names:?}");
            }
        }
    }
}

/// One store with every file of [`FILES`], for the tests below.
fn full(rt: &tokio::runtime::Runtime, dir: &Path) -> Option<Workspace> {
    let files = read(FILES)?;
    let refs: Vec<&ReadFile> = files.iter().collect();
    Some(rt.block_on(store(&dir.join("full.sqlite"), &refs)))
}

#[test]
fn a_knomad_placeholder_zero_never_wins_over_a_wdi_value() {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let Some(ws) = full(&rt, dir.path()) else { return };
    let ken = rt.block_on(ws.profile("KEN")).unwrap();
    let y2000 = ken.remittances_received.iter().find(|v| v.year == 2000).unwrap();
    // WDI BX.TRF.PWKR.CD.DT, Kenya, 2000: US$537.9 million; KNOMAD writes 0.
    assert!((y2000.value.value - 537.9e6).abs() < 0.1e6, "{}", y2000.value.value);
    let choice = y2000.value.choice.as_ref().unwrap();
    assert!(
        choice.alternatives.iter().any(|a| a.value == 0.0 && a.reason.starts_with("placeholder")),
        "{choice:?}"
    );
    let phl = rt.block_on(ws.profile("PHL")).unwrap();
    // KNOMAD comes first: the Philippines' 2022 inflows are KNOMAD's US$38,048.7 million,
    // not the US$9,066.9 million of WDI's May 2023 release.
    let y2022 = phl.remittances_received.iter().find(|v| v.year == 2022).unwrap();
    assert!((y2022.value.value - 38_048.724_4e6).abs() < 0.1e6, "{}", y2022.value.value);
    for v in phl.remittances_paid.iter().filter(|v| (2000..=2004).contains(&v.year)) {
        assert!(v.value.value > 0.0, "PHL remittances paid {} shown as 0", v.year);
    }
    // No year of any country shows a KNOMAD zero as its figure.
    for p in [&ken, &phl] {
        for v in p.remittances_received.iter().chain(&p.remittances_paid) {
            assert!(
                !(v.value.value == 0.0 && v.value.source.publisher.contains("KNOMAD")),
                "{} {}: a KNOMAD placeholder was chosen",
                p.area.iso3,
                v.year
            );
        }
    }
}

#[test]
fn parts_of_one_edition_add_up_and_a_2018_extract_hides_nothing() {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let Some(ws) = full(&rt, dir.path()) else { return };
    let datasets = rt.block_on(ws.datasets()).unwrap();
    let databank: Vec<_> = datasets.iter().filter(|d| d.key == "wdi-databank").collect();
    assert_eq!(databank.len(), 1, "two parts of one edition are one dataset");
    let files: Vec<&str> = databank[0].files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(files, ["WDI_2021_all_indicators_part1.xlsx", "WDI_2021_all_indicators_part2.xlsx"]);
    // GDP per capita: the 2021 series is the default, not the 2018 extract of 2017.
    let pcap: Vec<_> = datasets.iter().filter(|d| d.key == "wdi-ny.gdp.pcap.cd").collect();
    let default: Vec<&str> =
        pcap.iter().filter(|d| d.is_default).map(|d| d.edition.as_str()).collect();
    assert_eq!(default, ["2021"]);
    // Part 1's 2021 values (population, GDP) are in the profile.
    let npl = rt.block_on(ws.profile("NPL")).unwrap();
    assert!(npl.population.iter().any(|v| v.year == 2021));
    assert!(npl.gdp.iter().any(|v| v.year == 2021));
}

#[test]
fn an_edition_can_be_pinned_and_17_3_2_is_the_official_series() {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let Some(mut ws) = full(&rt, dir.path()) else { return };
    let stock =
        |p: &CountryProfile| p.stock_in.iter().find(|s| s.year == 2020).unwrap().total.value;
    let deu = rt.block_on(ws.profile("DEU")).unwrap();
    // Germany's immigrant stock in 2020: 15.02 M in the 2024 edition, 15.76 M in 2020's.
    assert!((stock(&deu) / 1e6 - 15.02).abs() < 0.01, "{}", stock(&deu));
    // The stock carries its rule; the 2020 edition's value for the same year is not an
    // alternative (only one edition of a key is read at a time).
    let total = &deu.stock_in.iter().find(|s| s.year == 2020).unwrap().total;
    let choice = total.choice.as_ref().expect("the stock's choice");
    assert!(choice.rule.starts_with("migrant-stock-totals"), "{choice:?}");
    assert!(choice.alternatives.is_empty(), "{choice:?}");
    let pin = [("undesa-ims-destination".to_owned(), "2020".to_owned())];
    rt.block_on(ws.pin_editions(&pin)).unwrap();
    let deu_2020 = rt.block_on(ws.profile("DEU")).unwrap();
    assert!((stock(&deu_2020) / 1e6 - 15.76).abs() < 0.01, "{}", stock(&deu_2020));
    assert!(deu_2020.stock_in[0].total.source.dataset.contains("2020"));
    assert_eq!(deu_2020.pinned_editions, ["undesa-ims-destination edition 2020"]);
    assert!(deu.pinned_editions.is_empty());
    let err = rt.block_on(ws.pin_editions(&[("undesa-ims-destination".into(), "2031".into())]));
    let msg = err.unwrap_err().to_string();
    assert!(msg.contains("\"2020\"") && msg.contains("\"2024\""), "{msg}");

    // The official SDG 17.3.2 series, and the recomputation named as such.
    let phl = rt.block_on(ws.profile("PHL")).unwrap();
    let official = phl.sdg_17_3_2.iter().find(|v| v.year == 2020).unwrap();
    assert!(
        official.value.source.dataset.contains("BX.TRF.PWKR.DT.GD.ZS")
            || official.value.source.cell.as_deref().unwrap_or("").contains("BX.TRF.PWKR.DT.GD.ZS")
    );
    let recomputed = phl.remittances_pct_gdp.iter().find(|v| v.year == 2020).unwrap();
    let how = recomputed.value.source.derivation.as_deref().unwrap();
    assert!(how.starts_with("recomputed, not the official series"), "{how}");
    assert!(how.contains("official SDG 17.3.2") && how.contains("difference"), "{how}");
}

#[test]
fn a_series_is_one_vintage_and_no_remittance_figure_is_a_zero() {
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let Some(ws) = full(&rt, dir.path()) else { return };
    // The Philippines' population in 2021: the bulk file's 113,100,950, as for every
    // other year, not the 2021 DataBank extract's 113,880,328 spliced into the series.
    let phl = rt.block_on(ws.profile("PHL")).unwrap();
    let p2021 = phl.population.iter().find(|v| v.year == 2021).unwrap();
    assert_eq!(p2021.value.value, 113_100_950.0);
    assert!(p2021.value.source.cell.as_deref().unwrap().contains("SP.POP.TOTL_population"));
    let usa = rt.block_on(ws.profile("USA")).unwrap();
    let g2021 = usa.gdp.iter().find(|v| v.year == 2021).unwrap();
    assert!(!g2021.value.source.cell.as_deref().unwrap().contains("WDI_2021_all_indicators"));
    // Mexico's remittances paid 2005–12: both publishers write 0; no figure is shown.
    let mex = rt.block_on(ws.profile("MEX")).unwrap();
    for v in mex.remittances_paid.iter().chain(&mex.remittances_received) {
        assert!(v.value.value > 0.0, "MEX {}: a remittance flow of 0 was shown", v.year);
    }
    assert!(mex.remittances_paid.iter().all(|v| !(2005..=2012).contains(&v.year)));
}

#[test]
fn estimate_remittances_says_which_inflows_it_used_and_takes_another_on_request() {
    let Some(files) = read(&[
        "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
        "knomad_remittance_flows/knomad_remittance_inflows_2000-2022.xlsx",
        "wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls",
    ]) else {
        return;
    };
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let refs: Vec<&ReadFile> = files.iter().collect();
    let ws = rt.block_on(store(&dir.path().join("e.sqlite"), &refs));
    let request = |inflows: Option<&str>| analysis::estimate::RemitRequest {
        year: 2017,
        stock_year: None,
        variant: analysis::estimate::RemitVariant::Stock,
        income: analysis::estimate::IncomeSeries::Ppp,
        floor: analysis::estimate::RemitFloor::DEFAULT,
        zero_corridors: Vec::new(),
        default_zero_corridors: true,
        missing_income: analysis::estimate::MissingIncomeRule::DropHost,
        inflows: inflows.map(str::to_owned),
        store_result: false,
        command: "test".to_owned(),
    };
    let by_rule = rt.block_on(ws.estimate_remittances(&request(None))).unwrap();
    let note = by_rule.notes.iter().find(|n| n.starts_with("inflows:")).unwrap();
    assert!(
        note.contains("knomad-remittance-inflows") && note.contains("by the rule remittances"),
        "{note}"
    );
    assert!(by_rule.notes.iter().any(|n| n.starts_with("not used: wdi-bx.trf.pwkr.cd.dt")));
    let wdi =
        rt.block_on(ws.estimate_remittances(&request(Some("wdi-bx.trf.pwkr.cd.dt")))).unwrap();
    let note = wdi.notes.iter().find(|n| n.starts_with("inflows:")).unwrap();
    assert!(note.contains("wdi-bx.trf.pwkr.cd.dt") && note.contains("as asked"), "{note}");
    let err = rt.block_on(ws.estimate_remittances(&request(Some("nope")))).unwrap_err().to_string();
    assert!(
        err.contains("knomad-remittance-inflows") && err.contains("wdi-bx.trf.pwkr.cd.dt"),
        "{err}"
    );
}

#[test]
fn data_gaps_tell_not_loaded_from_not_covered() {
    let Some(files) = read(&[
        "oecd_dioc_e_2010/File-1-DIOC-E-2010-11-Age.csv",
        "rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv",
    ]) else {
        return;
    };
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let refs: Vec<&ReadFile> = files.iter().collect();
    let ws = rt.block_on(store(&dir.path().join("g.sqlite"), &refs));
    let gaps = |code: &str| -> Vec<String> {
        rt.block_on(ws.profile(code)).unwrap().gaps.into_iter().map(|g| g.said.text).collect()
    };
    // Nepal's emigrants are in DIOC-E, its residents are not (not an OECD country).
    let npl = gaps("NPL");
    let skilled = npl.iter().find(|g| g.starts_with("Skilled emigration rate")).unwrap();
    assert!(
        skilled.contains("emigrants are loaded, but not the tertiary-educated residents"),
        "{skilled}"
    );
    // Germany is not a receiving country of Remittance Prices Worldwide: loaded, no value.
    let deu = gaps("DEU");
    let cost = deu.iter().find(|g| g.starts_with("SDG 10.c.1")).unwrap();
    assert!(cost.contains("is loaded, but holds no value of it for this country"), "{cost}");
    // Net migration is not loaded at all.
    let net = deu.iter().find(|g| g.starts_with("Net migration")).unwrap();
    assert!(net.contains("not loaded"), "{net}");
    // No gap names a command: front ends add their own.
    assert!(npl.iter().chain(&deu).all(|g| !g.contains("coherence ")), "{npl:?} {deu:?}");
}

#[test]
fn wpp_2019_population_by_sex_leaves_wdi_s_annual_population_in_profiles() {
    let wdi = "wdi_population/wb_SP.POP.TOTL_population.csv";
    let wpp = [
        "wpp2019_demographic_inputs/WPP2019_Period_Indicators_Medium.csv",
        "wpp2019_demographic_inputs/wpp2019_Rpkg/popM.txt",
        "wpp2019_demographic_inputs/wpp2019_Rpkg/popF.txt",
    ];
    let Some(files) = read(&[&[wdi][..], &wpp[..]].concat()) else { return };
    let rt = runtime();
    let dir = tempfile::tempdir().unwrap();
    let all: Vec<&ReadFile> = files.iter().collect();
    let with = rt.block_on(store(&dir.path().join("with.sqlite"), &all));
    let without = rt.block_on(store(&dir.path().join("without.sqlite"), &all[..1]));
    let keys: Vec<String> =
        rt.block_on(with.datasets()).unwrap().into_iter().map(|d| d.key).collect();
    assert!(keys.contains(&"wpp-population".to_owned()), "{keys:?}");

    // The United Kingdom in 1990: WDI's 57,247,586, by the rule `population`; WPP 2019's
    // 57,134,377 (males 27,772,100 + females 29,362,277) is stored by sex only, and
    // profiles show both sexes, so it is neither chosen nor an alternative. WPP's 1950
    // and 1955 do not extend WDI's series (from 1960).
    let gbr = rt.block_on(with.profile("GBR")).unwrap();
    let y1990 = gbr.population.iter().find(|v| v.year == 1990).unwrap();
    assert_eq!(y1990.value.value, 57_247_586.0);
    assert!(y1990.value.source.cell.as_deref().unwrap().contains("SP.POP.TOTL_population"));
    let choice = y1990.value.choice.as_ref().unwrap();
    assert!(choice.rule.starts_with("population: WDI's annual series"), "{}", choice.rule);
    assert!(choice.alternatives.is_empty(), "{choice:?}");
    assert_eq!(gbr.population.first().map(|v| v.year), Some(1960));

    // Every country's population series is the same with and without WPP 2019.
    for code in ["GBR", "AFG", "PHL", "DEU", "NPL"] {
        let series = |ws: &Workspace| {
            let p = rt.block_on(ws.profile(code)).unwrap();
            serde_json::to_string(&p.population).unwrap()
        };
        assert_eq!(series(&with), series(&without), "{code}");
    }
}
