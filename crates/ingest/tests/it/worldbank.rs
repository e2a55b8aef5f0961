//! World Bank/KNOMAD bilateral matrices and annual remittance flows.

use domain::{Indicator, Iso3, Unit};
use ingest::Kind;

use crate::common::{Sheets, aggregates, check_csv_cells, check_workbook_cells, import};
use crate::undesa::letter;

fn iso(code: &'static str) -> Iso3 {
    Iso3::from_static(code)
}

/// Areas outside ISO 3166-1, stored under the World Bank's codes.
const PUBLISHER_CODED: [(&str, &str); 2] = [("Channel Islands", "CHI"), ("Kosovo", "XKX")];

#[test]
fn migration_matrix_2017_rows_are_origins() {
    let Some((dataset, diagnostics, bytes)) = import(
        "wb_bilateral_migration_2017/WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx",
        Kind::WbBilateralMigration,
    ) else {
        return;
    };
    assert_eq!(
        (dataset.meta.key.as_str(), dataset.meta.edition.as_str()),
        ("wb-bilateral-migration", "2017")
    );
    check_workbook_cells(&bytes, &dataset, 1.0);
    assert!(
        dataset
            .pairs
            .iter()
            .all(|p| p.indicator == Indicator::MIGRANT_STOCK && p.year.get() == 2017)
    );
    // Afghanistan's row: the stored destinations (Kosovo and the Channel Islands under
    // XKX and CHI) make the row's World total.
    let sheets = Sheets::open(&bytes);
    let sheet = "Bilateral_Migration_2017";
    let row = sheets.find_row(sheet, 0, "Afghanistan");
    assert!(row > 1);
    let cell = |col: u32| sheets.number(sheet, row + 1, &letter(col)).unwrap();
    let world = cell(sheets.find_col(sheet, 1, "World"));
    let from_afg: f64 =
        dataset.pairs.iter().filter(|p| p.from == iso("AFG")).map(|p| p.value).sum();
    assert!((from_afg - world).abs() < 1e-6, "{from_afg} vs {world}");
    for (name, code) in PUBLISHER_CODED {
        let published = cell(sheets.find_col(sheet, 1, name));
        let stored = dataset.pairs.iter().find(|p| p.from == iso("AFG") && p.to == iso(code));
        assert_eq!(stored.map_or(0.0, |p| p.value), published, "{name}");
    }
    assert!(dataset.pairs.iter().any(|p| p.from == iso("XKX") && p.value > 0.0));
    let afg_irn =
        dataset.pairs.iter().find(|p| p.from == iso("AFG") && p.to == iso("IRN")).unwrap();
    assert!(afg_irn.value > 1_000_000.0, "Afghan migrants in Iran: {}", afg_irn.value);
    let aggregates = aggregates(&diagnostics);
    for a in ["Other North", "Other South", "World"] {
        assert!(aggregates.contains(&a.to_owned()), "{a}");
    }
}

#[test]
fn remittance_matrix_2017_in_us_dollars() {
    let Some((dataset, _, bytes)) = import(
        "wb_bilateral_remittance_2017/WB_Bilateral_Remittance_Estimates_2017.xlsx",
        Kind::WbBilateralRemittances,
    ) else {
        return;
    };
    assert_eq!(dataset.meta.key, "wb-bilateral-remittances");
    assert_eq!(dataset.meta.edition, "2017 (April 2018 Version)");
    assert_eq!(Indicator::BILATERAL_REMITTANCES_USD.unit, Unit::UsdCurrent);
    check_workbook_cells(&bytes, &dataset, 1e6);
    // India's column (receiver): the stored senders (Kosovo and the Channel Islands
    // under XKX and CHI) make the WORLD row, in US$ millions.
    let sheets = Sheets::open(&bytes);
    let sheet = "Bilateral_Remittances_2017";
    let col = sheets.find_col(sheet, 1, "India");
    let cell = |row: u32| sheets.number(sheet, row + 1, &letter(col)).unwrap();
    let world = cell(sheets.find_row(sheet, 0, "WORLD"));
    let to_ind: f64 = dataset.pairs.iter().filter(|p| p.to == iso("IND")).map(|p| p.value).sum();
    assert!((to_ind / 1e6 - world).abs() < 1e-6, "{to_ind} vs {world}");
    assert!(dataset.pairs.iter().any(|p| p.to == iso("XKX") && p.value > 0.0));
    let usa_mex =
        dataset.pairs.iter().find(|p| p.from == iso("USA") && p.to == iso("MEX")).unwrap();
    assert!(usa_mex.value > 20e9, "US → Mexico, in US$: {}", usa_mex.value);
}

#[test]
fn remittance_matrix_2018_csv() {
    let Some((dataset, _, bytes)) = import(
        "wb_bilateral_remittance_2018/Bilateralremittancematrix2018Oct2019.csv",
        Kind::WbBilateralRemittancesCsv,
    ) else {
        return;
    };
    assert_eq!(dataset.meta.key, "wb-bilateral-remittances");
    assert_eq!(dataset.meta.edition, "2018 (release 2019)");
    check_csv_cells(&bytes, &dataset, 1, 1e6);
    // Independently: all cells sum to 682,222 (US$ millions, rounded by the export), and
    // all are stored, Kosovo's and the Channel Islands' rows and columns included.
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(bytes.as_slice());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let header: Vec<String> =
        records[0].iter().map(|h| h.trim_start_matches('\u{feff}').to_owned()).collect();
    let (mut all, mut publisher_coded) = (0.0, 0.0);
    for record in &records[1..] {
        for (i, cell) in record.iter().enumerate().skip(1) {
            // Four cells (a country with itself, e.g. row 89) read "N/A": not stored.
            let Ok(v) = cell.parse::<f64>() else {
                assert_eq!(cell, "N/A");
                continue;
            };
            all += v;
            let coded = |name: &str| PUBLISHER_CODED.iter().any(|(n, _)| *n == name);
            if coded(&record[0]) || coded(&header[i]) {
                publisher_coded += v;
            }
        }
    }
    assert_eq!(all, 682_222.0);
    let stored: f64 = dataset.pairs.iter().map(|p| p.value).sum();
    assert!(publisher_coded > 0.0);
    assert!((stored / 1e6 - all).abs() < 1e-6, "{stored} vs {all}");
}

#[test]
fn knomad_inflows_and_outflows() {
    let Some((inflows, in_diagnostics, in_bytes)) = import(
        "knomad_remittance_flows/knomad_remittance_inflows_2000-2022.xlsx",
        Kind::KnomadInflows,
    ) else {
        return;
    };
    let Some((outflows, _, out_bytes)) = import(
        "knomad_remittance_flows/knomad_remittance_outflows_2000-2022.xlsx",
        Kind::KnomadOutflows,
    ) else {
        return;
    };
    assert_eq!(
        (inflows.meta.key.as_str(), inflows.meta.edition.as_str()),
        ("knomad-remittance-inflows", "2022 (June 2023)")
    );
    assert_eq!(outflows.meta.key, "knomad-remittance-outflows");
    check_workbook_cells(&in_bytes, &inflows, 1e6);
    check_workbook_cells(&out_bytes, &outflows, 1e6);
    assert!(inflows.values.iter().all(|v| v.indicator == Indicator::REMITTANCES_RECEIVED_USD));
    assert!(outflows.values.iter().all(|v| v.indicator == Indicator::REMITTANCES_PAID_USD));
    let india =
        inflows.values.iter().find(|v| v.area == iso("IND") && v.year.get() == 2022).unwrap();
    assert!(india.value > 100e9, "India 2022, in US$: {}", india.value);
    let aggregates = aggregates(&in_diagnostics);
    assert!(aggregates.contains(&"World".to_owned()));
    assert!(aggregates.contains(&"Low-and Middle-Income Countries".to_owned()));
}
