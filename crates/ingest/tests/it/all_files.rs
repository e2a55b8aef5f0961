//! Every supported file of the shared data folder is recognised and read, and no other
//! file there is mistaken for a supported layout.

use std::time::{Duration, Instant};

use ingest::{Kind, ReadOptions};

/// Every file of the shared data folder that belongs to a supported family, with the
/// layout it must be recognised as.
pub(crate) const SUPPORTED: [(&str, Kind); 62] = [
    (
        "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
        Kind::UndesaDestination,
    ),
    (
        "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
        Kind::UndesaDestination,
    ),
    ("undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_origin.xlsx", Kind::UndesaOrigin),
    ("undesa_ims_2015/UN_MigrantStockByOriginAndDestination_2015.xlsx", Kind::UndesaBilateral2015),
    (
        "undesa_ims_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv",
        Kind::UndesaBilateral2019Csv,
    ),
    (
        "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
        Kind::WbBilateralMigration,
    ),
    (
        "wb_bilateral_remittance_2017/WB_Bilateral_Remittance_Estimates_2017.xlsx",
        Kind::WbBilateralRemittances,
    ),
    (
        "wb_bilateral_remittance_2018/Bilateralremittancematrix2018Oct2019.csv",
        Kind::WbBilateralRemittancesCsv,
    ),
    ("knomad_remittance_flows/knomad_remittance_inflows_2000-2022.xlsx", Kind::KnomadInflows),
    ("knomad_remittance_flows/knomad_remittance_outflows_2000-2022.xlsx", Kind::KnomadOutflows),
    ("wb_bilateral_remittance_2017/WDI_NY.GDP.PCAP.CD_2017.xlsx", Kind::WdiDatabank),
    ("wdi_2021_cross_section/WDI_2021_all_indicators_part1.xlsx", Kind::WdiDatabankBySeries),
    ("wdi_2021_cross_section/WDI_2021_all_indicators_part2.xlsx", Kind::WdiDatabankBySeries),
    ("wdi_gdp/wb_NY.GDP.MKTP.CD_gdp_current_usd.csv", Kind::WdiLongCsv),
    ("wdi_population/wb_SP.POP.TOTL_population.csv", Kind::WdiLongCsv),
    ("wdi_gdp_per_capita/API_NY.GDP.PCAP.CD_DS2_en_csv_v2_5358417.csv", Kind::WdiBulkCsv),
    ("wdi_gdp_per_capita/API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_5728866.csv", Kind::WdiBulkCsv),
    ("wdi_net_migration/API_SM.POP.NETM_DS2_en_csv_v2_3401672.csv", Kind::WdiBulkCsv),
    ("wdi_physicians/API_SH.MED.PHYS.ZS_DS2_en_csv_v2_10977.csv", Kind::WdiBulkCsv),
    ("wdi_tertiary_enrolment/API_SE.TER.ENRR_DS2_en_csv_v2_3403591.csv", Kind::WdiBulkCsv),
    ("wdi_remittances/API_BM.TRF.PWKR.CD.DT_DS2_en_csv_v2_3012027.csv", Kind::WdiBulkCsv),
    ("wdi_remittances/API_BX.TRF.PWKR.CD.DT_2023-05-10.xls", Kind::WdiBulkXls),
    ("wdi_remittances/API_BM.TRF.PWKR.CD.DT_2023-05-10.xls", Kind::WdiBulkXls),
    ("wdi_remittances/API_BX.TRF.PWKR.DT.GD.ZS_2023-05-10.xls", Kind::WdiBulkXls),
    ("wdi_remittances/API_SI.RMT.COST.IB.ZS_2023-05-10.xls", Kind::WdiBulkXls),
    ("wdi_remittances/API_SI.RMT.COST.OB.ZS_2023-05-10.xls", Kind::WdiBulkXls),
    ("rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv", Kind::RpwCorridors),
    ("wpp2024_net_migration/wpp2024_mig1dt_net_migration_thousands.csv", Kind::WppNetMigration),
    ("oecd_dioc_e_2010/File-1-DIOC-E-2010-11-Age.csv", Kind::OecdDiocE),
    ("iab_brain_drain/iabbd_8010_v1_gender.xls", Kind::IabBrainDrainGender),
    ("country_codes/WB_CLASS_income_groups_FY2024.xlsx", Kind::WbIncomeClassification),
    ("un_treaty_ratifications/hr_status_icmw.csv", Kind::IcmwRatifications),
    (
        "wdi_tertiary_enrolment/Metadata_Country_API_SE.TER.ENRR_DS2_en_csv_v2_3403591.csv",
        Kind::WdiMetadataCountry,
    ),
    (
        "wdi_gdp_per_capita/Metadata_Country_API_NY.GDP.PCAP.PP.CD_DS2_en_csv_v2_5728866.csv",
        Kind::WdiMetadataCountry,
    ),
    (
        "undesa_ims_2020/aggregates_correspondence_table_2020_1.xlsx",
        Kind::UndesaClassificationAnnex,
    ),
    (
        "undesa_ims_2024_bilateral_subset/undesa_ims_bilateral_2000-2020_iso3_migration_network.csv",
        Kind::UndesaBilateralTidyCsv,
    ),
    ("undesa_ims_2020_bilateral_chordjson/stock.json", Kind::UndesaBilateralChordJson),
    ("undesa_ims_2020_bilateral_chordjson/stock_female.json", Kind::UndesaBilateralChordJson),
    ("undesa_ims_2020_bilateral_chordjson/stock_male.json", Kind::UndesaBilateralChordJson),
    // The SDG Atlas 2018's DataBank exports of SI.RMT.COST.OB.ZS and SI.RMT.COST.IB.ZS
    // (the latter's country dimension is "Receiving Countries").
    ("wb_sdgatlas2018_sdg10/remittances_sending.xlsx", Kind::WdiDatabank),
    ("wb_sdgatlas2018_sdg10/remittances_receiving.xlsx", Kind::WdiDatabank),
    ("wpp2019_demographic_inputs/WPP2019_Period_Indicators_Medium.csv", Kind::WppPeriodIndicators),
    // The R package's tables take their edition from the folder `wpp2019_Rpkg`.
    ("wpp2019_demographic_inputs/wpp2019_Rpkg/popM.txt", Kind::WppPopulationByAge),
    ("wpp2019_demographic_inputs/wpp2019_Rpkg/popF.txt", Kind::WppPopulationByAge),
    ("oecd_imd_2024/standardised_inflows_of_temporary_migrants.csv", Kind::SdmxCsv),
    ("oecd_imd_2024/standardised_inflows_of_permanent-type_migrants.csv", Kind::SdmxCsv),
    ("unhcr_population/population.csv", Kind::UnhcrPopulation),
    (
        "ilostat_outflows/ddf--datapoints--mna_oemp_sex_cds_nb--by--ref_area--sex--classif1--time.csv",
        Kind::IlostatDdf,
    ),
    ("wpp2019_demographic_inputs/wpp2019_Rpkg/popF.txt", Kind::WppPopulationByAge), // Nepal DoFE monthly tables: the month and fiscal year from the file name.
    ("national_deployments/nepal_dofe_fy2079_80/shrawn-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/bhadra-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/ashoj-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/kartik-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/mangsir-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/poush-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/magh-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/falgun-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/chaitra-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/baisakh-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/jestha-2079.csv", Kind::DofeNepalMonthly),
    ("national_deployments/nepal_dofe_fy2079_80/asar-2079.csv", Kind::DofeNepalMonthly),
    // The SLBFE table takes its country and year from the folder `sri_lanka_slbfe_2024`.
    ("national_deployments/sri_lanka_slbfe_2024/data.json", Kind::SlbfeRegistrations),
];

#[test]
fn every_supported_file_is_recognised_and_read() {
    let Some(dir) = test_support::shared_data(".") else { return };
    let mut elapsed = Duration::ZERO;
    for (relative, kind) in SUPPORTED {
        let Some((name, bytes)) = crate::common::shared(relative) else { return };
        let start = Instant::now();
        let detected = ingest::detect(&name, &bytes, &ingest::Limits::default());
        // The path as `coherence import` passes it (relative to the folder imported).
        let options = ReadOptions { path: Some(relative.to_owned()), ..ReadOptions::default() };
        let result = ingest::read(kind, &name, &bytes, &options);
        elapsed += start.elapsed();
        assert_eq!(detected, Some(kind), "{relative}");
        let (dataset, _) = result.unwrap_or_else(|e| panic!("{e}"));
        let n = dataset.values.len() + dataset.pairs.len();
        assert!(n > 0, "{relative}: nothing read");
        assert!(!dataset.meta.key.is_empty() && !dataset.meta.publisher.is_empty(), "{relative}");
    }
    // The budget is for a release build; the test profile (opt-level 1) is slower, so
    // this only catches gross regressions.
    assert!(elapsed < Duration::from_secs(60), "reading every supported file took {elapsed:?}");

    // No other file of the folder is taken for a supported layout.
    let mut others = Vec::new();
    for family in std::fs::read_dir(&dir).unwrap() {
        let family = family.unwrap().path();
        if !family.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&family).unwrap() {
            let file = file.unwrap().path();
            let relative = format!(
                "{}/{}",
                family.file_name().unwrap().to_string_lossy(),
                file.file_name().unwrap().to_string_lossy()
            );
            if file.is_file() && !SUPPORTED.iter().any(|(s, _)| *s == relative) {
                others.push((relative, file));
            }
        }
    }
    assert!(others.len() > 10);
    for (relative, path) in others {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(ingest::detect(&name, &bytes, &ingest::Limits::default()), None, "{relative}");
    }
}
