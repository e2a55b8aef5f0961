//! World Development Indicators in their several layouts.

use domain::{Indicator, Iso3, Sex, Year};
use ingest::{DiagnosticKind, Kind, ReadOptions};

use crate::common::{aggregates, check_csv_cells, check_workbook_cells, import};

fn iso(code: &'static str) -> Iso3 {
    Iso3::from_static(code)
}

/// The bulk CSV downloads: (file, indicator, 1-based line of the header).
const BULK_CSV: [(&str, Indicator, u32); 6] = [
    (
        "wdi_gdp_per_capita/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_5358417.csv",
        Indicator::GDP_PER_CAPITA_USD,
        1,
    ),
    (
        "wdi_gdp_per_capita/API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_5728866.csv",
        Indicator::GDP_PER_CAPITA_PPP,
        5,
    ),
    ("wdi_net_migration/API_SM.POP.NETM_DS2_en_csv_v2_3401672.csv", Indicator::NET_MIGRATION, 5),
    (
        "wdi_physicians/API_SH.MED.PHYS.ZS_DS2_en_csv_v2_10977.csv",
        Indicator::PHYSICIANS_PER_1000,
        5,
    ),
    (
        "wdi_tertiary_enrolment/API_SE.TER.ENRR_DS2_en_csv_v2_3403591.csv",
        Indicator::TERTIARY_ENROLMENT,
        5,
    ),
    (
        "wdi_remittances/API_BM.TRF.PWKR.CD.DT_DS2_en_csv_v2_3012027.csv",
        Indicator::REMITTANCES_PAID_USD,
        5,
    ),
];

#[test]
fn bulk_csv_files() {
    for (file, indicator, header) in BULK_CSV {
        let Some((dataset, diagnostics, bytes)) = import(file, Kind::WdiBulkCsv) else { return };
        assert!(dataset.values.iter().all(|v| v.indicator == indicator), "{file}");
        assert_eq!(
            dataset.meta.key,
            format!("wdi-{}", indicator.wdi_code.unwrap().to_ascii_lowercase())
        );
        assert_eq!(dataset.meta.licence.as_deref(), Some("CC BY 4.0"));
        check_csv_cells(&bytes, &dataset, header, 1.0);
        let aggregates = aggregates(&diagnostics);
        assert!(aggregates.contains(&"World (WLD)".to_owned()), "{file}");
        assert!(aggregates.contains(&"Sub-Saharan Africa (SSF)".to_owned()), "{file}");
        assert!(dataset.values.iter().all(|v| v.area != iso("WLD")));
    }
    let Some((dataset, _, _)) = import(BULK_CSV[4].0, Kind::WdiBulkCsv) else { return };
    assert_eq!(dataset.meta.edition, "last updated 2024-06-28");
}

#[test]
fn bulk_workbooks() {
    let files = [
        (
            "wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls",
            Indicator::REMITTANCES_RECEIVED_USD,
        ),
        ("wdi_remittances/API_BM.TRF.PWKR.CD.DT_2023-05-10.xls", Indicator::REMITTANCES_PAID_USD),
        (
            "wdi_remittances/API_BX.TRF.PWKR.DT.GD.ZS_2023-05-10.xls",
            Indicator::REMITTANCES_RECEIVED_PCT_GDP,
        ),
        ("wdi_remittances/API_SI.RMT.COST.IB.ZS_2023-05-10.xls", Indicator::REMITTANCE_COST_TO_PCT),
        (
            "wdi_remittances/API_SI.RMT.COST.OB.ZS_2023-05-10.xls",
            Indicator::REMITTANCE_COST_FROM_PCT,
        ),
    ];
    for (file, indicator) in files {
        let Some((dataset, _, bytes)) = import(file, Kind::WdiBulkXls) else { return };
        assert!(dataset.values.iter().all(|v| v.indicator == indicator), "{file}");
        assert_eq!(dataset.meta.edition, "last updated 2023-05-10", "{file}");
        check_workbook_cells(&bytes, &dataset, 1.0);
    }
}

#[test]
fn long_csv_files() {
    for (file, indicator) in [
        ("wdi_population/wb_SP.POP.TOTL_population.csv", Indicator::POPULATION),
        ("wdi_gdp/wb_NY.GDP.MKTP.CD_gdp_current_usd.csv", Indicator::GDP_USD),
    ] {
        let Some((dataset, _, bytes)) = import(file, Kind::WdiLongCsv) else { return };
        assert!(dataset.values.iter().all(|v| v.indicator == indicator), "{file}");
        check_csv_cells(&bytes, &dataset, 1, 1.0);
    }
    let Some((population, _, _)) =
        import("wdi_population/wb_SP.POP.TOTL_population.csv", Kind::WdiLongCsv)
    else {
        return;
    };
    let india = population
        .values
        .iter()
        .find(|v| v.area == iso("IND") && v.year == Year::new(2020).unwrap())
        .unwrap();
    assert!((1.3e9..1.5e9).contains(&india.value));
}

#[test]
fn databank_exports() {
    let Some((gdppc, _, bytes)) =
        import("wb_bilateral_remittance_2017/WDI_NY.GDP.PCAP.CD_2017.xlsx", Kind::WdiDatabank)
    else {
        return;
    };
    assert_eq!(gdppc.meta.edition, "last updated 10/18/2018");
    assert!(
        gdppc
            .values
            .iter()
            .all(|v| v.indicator == Indicator::GDP_PER_CAPITA_USD && v.year.get() == 2017)
    );
    check_workbook_cells(&bytes, &gdppc, 1.0);
    for part in ["part1", "part2"] {
        let file = format!("wdi_2021_cross_section/WDI_2021_all_indicators_{part}.xlsx");
        let Some((dataset, diagnostics, bytes)) = import(&file, Kind::WdiDatabankBySeries) else {
            return;
        };
        check_workbook_cells(&bytes, &dataset, 1.0);
        assert!(diagnostics.iter().any(|d| matches!(&d.kind, DiagnosticKind::Note { message } if message.contains("not ones Coherence stores"))));
    }
    let Some((part1, _, _)) = import(
        "wdi_2021_cross_section/WDI_2021_all_indicators_part1.xlsx",
        Kind::WdiDatabankBySeries,
    ) else {
        return;
    };
    for indicator in
        [Indicator::GDP_PER_CAPITA_PPP, Indicator::POPULATION, Indicator::REMITTANCES_RECEIVED_USD]
    {
        assert!(part1.values.iter().any(|v| v.indicator == indicator), "{}", indicator.code);
    }
    let Some((part2, _, _)) = import(
        "wdi_2021_cross_section/WDI_2021_all_indicators_part2.xlsx",
        Kind::WdiDatabankBySeries,
    ) else {
        return;
    };
    // SM.POP.TOTL is there too, but has no value for 2021 (UN DESA estimates 2020 and 2024).
    for indicator in [Indicator::NET_MIGRATION, Indicator::TERTIARY_ENROLMENT] {
        assert!(part2.values.iter().any(|v| v.indicator == indicator), "{}", indicator.code);
    }
}

#[test]
fn api_json() {
    let name = "wdi_api_SM.POP.NETM.json";
    let bytes =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wdi_api_SM.POP.NETM.json"))
            .unwrap();
    assert_eq!(ingest::detect(name, &bytes, &ingest::Limits::default()), Some(Kind::WdiApiJson));
    let (dataset, diagnostics) =
        ingest::read(Kind::WdiApiJson, name, &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(dataset.meta.key, "wdi-sm.pop.netm");
    assert_eq!(dataset.meta.edition, "last updated 2024-06-28");
    let values: Vec<(&str, i32, f64, u32)> = dataset
        .values
        .iter()
        .map(|v| (v.area.as_str(), v.year.get(), v.value, v.provenance.row.unwrap()))
        .collect();
    assert_eq!(
        values,
        vec![
            ("PHL", 2023, -230_000.0, 2),
            ("PHL", 2022, -150_112.0, 3),
            ("DEU", 2023, 435_000.0, 5)
        ]
    );
    assert!(
        dataset
            .values
            .iter()
            .all(|v| v.indicator == Indicator::NET_MIGRATION && v.sex == Sex::Total)
    );
    assert_eq!(dataset.values[0].provenance.to_string(), format!("{name}, row 2, column value"));
    assert_eq!(aggregates(&diagnostics), vec!["World (WLD)".to_owned()]);

    let bad = br#"[{"page":1},[{"indicator":{"id":"SM.POP.NETM"},"country":{"id":"PH","value":"Philippines"},"countryiso3code":"PHL","date":"2023","value":"lots"}]]"#;
    let err = ingest::read(Kind::WdiApiJson, name, bad, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{name}, row 1, column value: expected a number, found \"\\\"lots\\\"\"")
    );
}
