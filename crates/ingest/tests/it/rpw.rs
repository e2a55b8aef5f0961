//! Remittance Prices Worldwide: the corridor extract and the dataset of quotes.

use domain::{Indicator, Iso3};
use ingest::{DiagnosticKind, Kind, ReadOptions};
use rust_xlsxwriter::Workbook;

use crate::common::{check_csv_cells, import};

fn iso(code: &'static str) -> Iso3 {
    Iso3::from_static(code)
}

#[test]
fn corridor_extract_keeps_the_latest_quarter_of_each_year() {
    let Some((dataset, diagnostics, bytes)) = import(
        "rpw_corridors/wb_databank_RPW_corridors_ATCR.CORR_2011Q1-2020Q3.csv",
        Kind::RpwCorridors,
    ) else {
        return;
    };
    assert_eq!(
        (dataset.meta.key.as_str(), dataset.meta.edition.as_str()),
        ("rpw-corridors", "last updated 12/07/2020")
    );
    check_csv_cells(&bytes, &dataset, 1, 1.0);
    assert!(dataset.pairs.iter().all(|p| p.indicator == Indicator::REMITTANCE_COST_200));
    // Costs may be negative where the exchange rate offered beats the interbank rate.
    assert!(dataset.pairs.iter().all(|p| p.value < 100.0));
    // United States → Mexico: the 2019 value is the fourth quarter's.
    let usa_mex = dataset
        .pairs
        .iter()
        .find(|p| p.from == iso("USA") && p.to == iso("MEX") && p.year.get() == 2019)
        .unwrap();
    assert_eq!(usa_mex.provenance.column.as_deref(), Some("2019Q4 [YR2019Q4]"));
    // 2020 has quarters 1 to 3 only.
    let usa_mex = dataset
        .pairs
        .iter()
        .find(|p| p.from == iso("USA") && p.to == iso("MEX") && p.year.get() == 2020)
        .unwrap();
    assert_eq!(usa_mex.provenance.column.as_deref(), Some("2020Q3 [YR2020Q3]"));
    assert!(diagnostics.iter().any(|d| matches!(&d.kind, DiagnosticKind::Note { message } if message.contains("earlier quarters"))));
}

/// Builds a workbook in the layout of the RPW dataset of quotes.
fn quotes_workbook(rows: &[(&str, &str, &str, &str, &str, f64, f64)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Dataset (from Q2 2016)").unwrap();
    let header = [
        "id",
        "period",
        "source_code",
        "source_name",
        "destination_code",
        "destination_name",
        "firm",
        "cc1 lcu fee",
        "cc1 fx margin",
        "cc1 total cost %",
        "cc2 lcu fee",
        "cc2 fx margin",
        "cc2 total cost %",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (period, sc, sn, dc, dn, cc1, cc2)) in rows.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_number(r, 0, f64::from(r)).unwrap();
        for (c, text) in [(1, period), (2, sc), (3, sn), (4, dc), (5, dn)] {
            ws.write_string(r, c, *text).unwrap();
        }
        ws.write_string(r, 6, format!("Firm {r}")).unwrap();
        ws.write_number(r, 9, *cc1).unwrap();
        ws.write_number(r, 12, *cc2).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn dataset_of_quotes_gives_corridor_means() {
    let bytes = quotes_workbook(&[
        ("2019_3Q", "USA", "United States", "MEX", "Mexico", 5.0, 3.0),
        ("2019_4Q", "USA", "United States", "MEX", "Mexico", 4.0, 2.0),
        ("2019_4Q", "USA", "United States", "MEX", "Mexico", 6.0, 3.0),
        ("2020_1Q", "GBR", "United Kingdom", "NGA", "Nigeria", 8.5, 6.0),
        ("2020_1Q", "WLD", "World", "NGA", "Nigeria", 9.0, 9.0),
    ]);
    let name = "rpw_dataset_2011_2025_q1.xlsx";
    assert_eq!(ingest::detect(name, &bytes, &ingest::Limits::default()), Some(Kind::RpwDataset));
    let (dataset, _) =
        ingest::read(Kind::RpwDataset, name, &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(
        (dataset.meta.key.as_str(), dataset.meta.edition.as_str()),
        ("rpw-dataset", "2020 Q1")
    );
    let get = |indicator: Indicator, from, to| {
        dataset
            .pairs
            .iter()
            .find(|p| p.indicator == indicator && p.from == iso(from) && p.to == iso(to))
            .unwrap()
    };
    let usa_mex = get(Indicator::REMITTANCE_COST_200, "USA", "MEX");
    assert_eq!((usa_mex.year.get(), usa_mex.value), (2019, 5.0), "mean of the two 2019 Q4 quotes");
    assert_eq!(
        usa_mex.provenance.to_string(),
        format!("{name}, sheet \"Dataset (from Q2 2016)\", row 3, column J")
    );
    assert_eq!(get(Indicator::REMITTANCE_COST_500, "USA", "MEX").value, 2.5);
    assert_eq!(get(Indicator::REMITTANCE_COST_200, "GBR", "NGA").value, 8.5);
    assert_eq!(dataset.pairs.len(), 4);
}
