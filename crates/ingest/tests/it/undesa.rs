//! UN DESA International Migrant Stock files.

use domain::{Indicator, Iso3, Sex, Year};
use ingest::{DiagnosticKind, Kind, ReadOptions};
use rust_xlsxwriter::Workbook;

use crate::common::{Sheets, aggregates, check_csv_cells, check_workbook_cells, import};

fn iso(code: &'static str) -> Iso3 {
    Iso3::from_static(code)
}

fn year(y: i64) -> Year {
    Year::new(y).unwrap()
}

/// The sum of the stored values of one indicator, year and sex.
fn stored_total(dataset: &domain::dataset::Dataset, indicator: Indicator, y: i64, sex: Sex) -> f64 {
    dataset
        .values
        .iter()
        .filter(|v| v.indicator == indicator && v.year == year(y) && v.sex == sex)
        .map(|v| v.value)
        .sum()
}

/// Reads a totals workbook's `Table 1` independently: (header row, world row) and the
/// both-sexes column of `y`.
fn totals_layout(sheets: &Sheets, world: &str, y: &str) -> (u32, u32, u32) {
    let header = sheets.find_row("Table 1", 1, "Region, development group, country or area");
    let world_row = sheets.find_row("Table 1", 1, world);
    let col = sheets.find_col("Table 1", header, y);
    (header, world_row, col)
}

#[test]
fn destination_2020_reproduces_the_world_total() {
    let Some((dataset, diagnostics, bytes)) = import(
        "undesa_ims_2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
        Kind::UndesaDestination,
    ) else {
        return;
    };
    assert_eq!(dataset.meta.key, "undesa-ims-destination");
    assert_eq!(dataset.meta.edition, "2020");
    assert_eq!(dataset.meta.licence.as_deref(), Some("CC BY 3.0 IGO"));
    assert!(dataset.meta.publisher.contains("Population Division"));
    check_workbook_cells(&bytes, &dataset, 1.0);

    let sheets = Sheets::open(&bytes);
    let (_, world_row, col) = totals_layout(&sheets, "WORLD", "2020");
    let world = sheets.number("Table 1", world_row + 1, &letter(col)).unwrap();
    assert_eq!(world, 280_598_105.0, "the published 2020 world total");
    // Countries and areas add up to the world, the Channel Islands (M49 830) stored
    // under the World Bank's code CHI.
    assert_eq!(stored_total(&dataset, Indicator::IMMIGRANT_STOCK, 2020, Sex::Total), world);
    let channel = sheets.find_row("Table 1", 1, "Channel Islands");
    let channel = sheets.number("Table 1", channel + 1, &letter(col)).unwrap();
    let chi = dataset.values.iter().find(|v| {
        v.area == iso("CHI")
            && v.indicator == Indicator::IMMIGRANT_STOCK
            && v.year == year(2020)
            && v.sex == Sex::Total
    });
    assert_eq!(chi.map(|v| v.value), Some(channel));
    assert!(
        !diagnostics.iter().any(|d| matches!(&d.kind, DiagnosticKind::NoIsoCodeSkipped { .. }))
    );
    let aggregates = aggregates(&diagnostics);
    assert!(aggregates.iter().any(|a| a.starts_with("WORLD")));
    assert!(aggregates.iter().any(|a| a.starts_with("High-income countries")));
    // Males and females add up to both sexes for a large destination.
    let get = |sex| {
        dataset
            .values
            .iter()
            .find(|v| v.area == iso("USA") && v.year == year(2020) && v.sex == sex)
            .map(|v| v.value)
            .unwrap()
    };
    assert_eq!(get(Sex::Male) + get(Sex::Female), get(Sex::Total));
    let usa = dataset
        .values
        .iter()
        .find(|v| v.area == iso("USA") && v.year == year(2020) && v.sex == Sex::Total)
        .unwrap();
    assert_eq!(usa.provenance.sheet.as_deref(), Some("Table 1"));
    assert_eq!(usa.provenance.column.as_deref(), Some(letter(col).as_str()));
}

#[test]
fn destination_and_origin_2024_reproduce_the_world_total() {
    let Some((dest, _, dest_bytes)) = import(
        "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
        Kind::UndesaDestination,
    ) else {
        return;
    };
    let Some((orig, orig_diagnostics, orig_bytes)) = import(
        "undesa_ims_2024/undesa_pd_2024_ims_stock_by_sex_and_origin.xlsx",
        Kind::UndesaOrigin,
    ) else {
        return;
    };
    assert_eq!(
        (dest.meta.key.as_str(), dest.meta.edition.as_str()),
        ("undesa-ims-destination", "2024")
    );
    assert_eq!((orig.meta.key.as_str(), orig.meta.edition.as_str()), ("undesa-ims-origin", "2024"));
    check_workbook_cells(&dest_bytes, &dest, 1.0);
    check_workbook_cells(&orig_bytes, &orig, 1.0);
    assert!(orig.values.iter().all(|v| v.indicator == Indicator::EMIGRANT_STOCK));

    let sheets = Sheets::open(&dest_bytes);
    let (_, world_row, col) = totals_layout(&sheets, "World", "2024");
    let world = sheets.number("Table 1", world_row + 1, &letter(col)).unwrap();
    assert_eq!(world, 304_021_813.0);
    assert_eq!(stored_total(&dest, Indicator::IMMIGRANT_STOCK, 2024, Sex::Total), world);

    // By origin, the world total also counts migrants of unknown origin ("OTHER").
    let sheets = Sheets::open(&orig_bytes);
    let (_, world_row, col) = totals_layout(&sheets, "World", "2024");
    let at = |row: u32| sheets.number("Table 1", row + 1, &letter(col)).unwrap();
    let world = at(world_row);
    assert_eq!(world, 304_021_813.0);
    let other = at(sheets.find_row("Table 1", 1, "OTHER"));
    assert_eq!(stored_total(&orig, Indicator::EMIGRANT_STOCK, 2024, Sex::Total) + other, world);
    assert!(aggregates(&orig_diagnostics).iter().any(|a| a.starts_with("OTHER")));
}

#[test]
fn matrix_2015_reproduces_totals_and_orientation() {
    let Some((dataset, diagnostics, bytes)) = import(
        "undesa_ims_2015/UN_MigrantStockByOriginAndDestination_2015.xlsx",
        Kind::UndesaBilateral2015,
    ) else {
        return;
    };
    assert_eq!(
        (dataset.meta.key.as_str(), dataset.meta.edition.as_str()),
        ("undesa-ims-bilateral", "2015")
    );
    check_workbook_cells(&bytes, &dataset, 1.0);
    let sheets = Sheets::open(&bytes);
    let sheet = "Table 16";
    let names_row = sheets.find_row(sheet, 5, "Total");
    let total_col = 5;
    let world_row = sheets.find_row(sheet, 1, "WORLD");
    let world = sheets.number(sheet, world_row + 1, &letter(total_col)).unwrap();
    assert_eq!(world, 243_700_236.0);
    assert_eq!(stored_total(&dataset, Indicator::IMMIGRANT_STOCK, 2015, Sex::Total), world);

    // For the United States, the stored origins plus the residual columns make the total.
    let usa_row = sheets.find_row(sheet, 1, "United States of America");
    let cell = |col: u32| sheets.number(sheet, usa_row + 1, &letter(col)).unwrap_or(0.0);
    let residual: f64 = ["Other North", "Other South"]
        .iter()
        .map(|name| cell(sheets.find_col(sheet, names_row, name)))
        .sum();
    let to_usa: f64 = dataset.pairs.iter().filter(|p| p.to == iso("USA")).map(|p| p.value).sum();
    assert_eq!(to_usa + residual, cell(total_col));
    let mex_usa =
        dataset.pairs.iter().find(|p| p.from == iso("MEX") && p.to == iso("USA")).unwrap();
    assert!(mex_usa.value > 10_000_000.0, "Mexico → United States is the largest corridor");
    let aggregates = aggregates(&diagnostics);
    assert!(
        aggregates.contains(&"Other North".to_owned())
            && aggregates.contains(&"Other South".to_owned())
    );
}

#[test]
fn matrix_2019_csv_values_and_aggregates() {
    let Some((dataset, diagnostics, bytes)) = import(
        "undesa_ims_2019/UN_MigrantStockByOriginAndDestination_2019_clean.csv",
        Kind::UndesaBilateral2019Csv,
    ) else {
        return;
    };
    assert_eq!(
        (dataset.meta.key.as_str(), dataset.meta.edition.as_str()),
        ("undesa-ims-bilateral", "2019")
    );
    check_csv_cells(&bytes, &dataset, 1, 1.0);
    let aggregates = aggregates(&diagnostics);
    for region in ["Caribbean", "Melanesia", "Micronesia", "Polynesia", "South America"] {
        assert!(aggregates.contains(&region.to_owned()), "{region} is a region, not a destination");
    }
    let mex_usa = dataset
        .pairs
        .iter()
        .find(|p| p.from == iso("MEX") && p.to == iso("USA") && p.year == year(2019))
        .unwrap();
    assert!(mex_usa.value > 10_000_000.0);
    let years: std::collections::BTreeSet<i32> =
        dataset.pairs.iter().map(|p| p.year.get()).collect();
    assert_eq!(
        years.into_iter().collect::<Vec<_>>(),
        vec![1990, 1995, 2000, 2005, 2010, 2015, 2019]
    );
    // Independently: every 2019 cell of the non-aggregate rows is stored, the Channel
    // Islands' row and column included (under CHI).
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().unwrap().clone();
    let channel_col = header.iter().position(|h| h == "Channel Islands").unwrap();
    let (mut expected, mut channel) = (0.0, 0.0);
    for record in reader.records() {
        let record = record.unwrap();
        if &record[0] != "2019" || aggregates.iter().any(|a| a == &record[1]) {
            continue;
        }
        for (i, cell) in record.iter().enumerate().skip(2) {
            let v: f64 = cell.parse().unwrap();
            expected += v;
            if &record[1] == "Channel Islands" || i == channel_col {
                channel += v;
            }
        }
    }
    assert_eq!(expected, 260_283_744.0);
    let sum_2019: f64 =
        dataset.pairs.iter().filter(|p| p.year == year(2019)).map(|p| p.value).sum();
    assert_eq!(sum_2019, expected);
    let stored_channel: f64 = dataset
        .pairs
        .iter()
        .filter(|p| p.year == year(2019) && (p.from == iso("CHI") || p.to == iso("CHI")))
        .map(|p| p.value)
        .sum();
    assert!(channel > 0.0);
    assert_eq!(stored_channel, channel);
}

/// A spreadsheet column letter.
pub(crate) fn letter(col: u32) -> String {
    domain::provenance::column_letter(col)
}

/// A cell of a workbook built by a test.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Cell {
    Num(f64),
    Text(&'static str),
    Empty,
}

/// One row of the destination × origin table: destination name and code, origin name
/// and code, and the cells of the 21 year columns (1990 … 2020, three times).
pub(crate) struct PairRow {
    pub(crate) dest: (&'static str, f64),
    pub(crate) orig: (&'static str, f64),
    pub(crate) cells: Vec<Cell>,
}

/// The years of the 2020 edition.
const YEARS: [f64; 7] = [1990.0, 1995.0, 2000.0, 2005.0, 2010.0, 2015.0, 2020.0];

/// Builds a workbook in the layout of the 2020/2024 destination × origin workbook:
/// sheet `Table 1`, title lines, header on row 11, one row per pair from row 12.
/// `header` = false leaves the header row out.
pub(crate) fn bilateral_workbook(rows: &[PairRow], header: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let contents = wb.add_worksheet();
    contents.set_name("Table of contents").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("Table 1").unwrap();
    ws.write_string(0, 1, "International Migrant Stock 2020: Destination and origin").unwrap();
    ws.write_string(1, 1, "Table 1: International migrant stock at mid-year by sex and by region, country or area of destination and origin, 1990-2020").unwrap();
    ws.write_string(2, 1, "POP/DB/MIG/Stock/Rev.2020").unwrap();
    ws.write_string(4, 1, "Copyright © 2020 by United Nations, made available under a Creative Commons license CC BY 3.0 IGO").unwrap();
    ws.write_string(6, 7, "International migrant stock at mid-year, both sexes combined").unwrap();
    if header {
        let names = [
            "Index",
            "Region, development group, country or area of destination",
            "Notes of destination",
            "Location code of destination",
            "Type of data of destination",
            "Region, development group, country or area of origin",
            "Location code of origin",
        ];
        for (c, name) in names.iter().enumerate() {
            ws.write_string(10, c as u16, *name).unwrap();
        }
        for block in 0..3u16 {
            for (i, y) in YEARS.iter().enumerate() {
                ws.write_number(10, 7 + block * 7 + i as u16, *y).unwrap();
            }
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let r = 11 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, row.dest.0).unwrap();
        ws.write_number(r, 3, row.dest.1).unwrap();
        ws.write_string(r, 5, row.orig.0).unwrap();
        ws.write_number(r, 6, row.orig.1).unwrap();
        for (c, cell) in row.cells.iter().enumerate() {
            let c = 7 + c as u16;
            match cell {
                Cell::Num(n) => {
                    ws.write_number(r, c, *n).unwrap();
                }
                Cell::Text(t) => {
                    ws.write_string(r, c, *t).unwrap();
                }
                Cell::Empty => {}
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// 21 cells: both sexes = base + year index, males = a third, females the rest.
pub(crate) fn cells(base: f64) -> Vec<Cell> {
    let total: Vec<f64> = (0..7).map(|i| base + f64::from(i)).collect();
    let male: Vec<f64> = total.iter().map(|t| (t / 3.0).floor()).collect();
    let female: Vec<f64> = total.iter().zip(&male).map(|(t, m)| t - m).collect();
    total.into_iter().chain(male).chain(female).map(Cell::Num).collect()
}

/// The rows of a small destination × origin table with aggregates on both sides.
pub(crate) fn sample_rows() -> Vec<PairRow> {
    vec![
        PairRow { dest: ("WORLD", 900.0), orig: ("WORLD", 900.0), cells: cells(280_000_000.0) },
        PairRow {
            dest: ("United States of America*", 840.0),
            orig: ("Mexico", 484.0),
            cells: cells(10_000_000.0),
        },
        PairRow {
            dest: ("United States of America*", 840.0),
            orig: ("Other", 2003.0),
            cells: cells(1_000.0),
        },
        PairRow {
            dest: ("Germany", 276.0),
            orig: ("Türkiye", 792.0),
            cells: {
                let mut c = cells(1_500_000.0);
                c[0] = Cell::Empty;
                c[7] = Cell::Text("..");
                c
            },
        },
        PairRow {
            dest: ("Channel Islands*", 830.0),
            orig: ("United Kingdom*", 826.0),
            cells: cells(50_000.0),
        },
        PairRow {
            dest: ("Sub-Saharan Africa", 947.0),
            orig: ("Nigeria", 566.0),
            cells: cells(2_000_000.0),
        },
        PairRow { dest: ("Germany", 276.0), orig: ("WORLD", 900.0), cells: cells(15_000_000.0) },
    ]
}

#[test]
fn bilateral_workbook_layout_of_2020_and_2024() {
    let bytes = bilateral_workbook(&sample_rows(), true);
    let name = "undesa_pd_2020_ims_stock_by_sex_destination_and_origin.xlsx";
    assert_eq!(
        ingest::detect(name, &bytes, &ingest::Limits::default()),
        Some(Kind::UndesaBilateral)
    );
    let (dataset, diagnostics) =
        ingest::read(Kind::UndesaBilateral, name, &bytes, &ReadOptions::default()).unwrap();
    assert_eq!(dataset.meta.key, "undesa-ims-bilateral");
    assert_eq!(dataset.meta.edition, "2020");
    assert_eq!(dataset.meta.licence.as_deref(), Some("CC BY 3.0 IGO"));
    check_workbook_cells(&bytes, &dataset, 1.0);
    // Three country pairs: Mexico → USA (21 cells), Türkiye → Germany (19 cells) and
    // United Kingdom → Channel Islands (21 cells, under CHI).
    assert_eq!(dataset.pairs.len(), 21 + 19 + 21);
    assert_eq!(dataset.pairs.iter().filter(|p| p.to == iso("CHI")).count(), 21);
    let mex_usa: Vec<_> =
        dataset.pairs.iter().filter(|p| p.from == iso("MEX") && p.to == iso("USA")).collect();
    assert_eq!(mex_usa.len(), 21);
    let first = mex_usa.iter().find(|p| p.year == year(1990) && p.sex == Sex::Total).unwrap();
    assert_eq!(first.value, 10_000_000.0);
    assert_eq!(
        first.provenance.to_string(),
        format!("{name}, sheet \"Table 1\", row 13, column H")
    );
    let female_2020 =
        mex_usa.iter().find(|p| p.year == year(2020) && p.sex == Sex::Female).unwrap();
    assert_eq!(female_2020.provenance.column.as_deref(), Some("AB"));
    assert!(dataset.pairs.iter().all(|p| p.indicator == Indicator::MIGRANT_STOCK));
    let aggregates = aggregates(&diagnostics);
    for a in ["WORLD (900)", "Other (2003)", "Sub-Saharan Africa (947)"] {
        assert!(aggregates.contains(&a.to_owned()), "{a} in {aggregates:?}");
    }
    assert!(
        !diagnostics.iter().any(|d| matches!(&d.kind, DiagnosticKind::NoIsoCodeSkipped { .. }))
    );
}

#[test]
fn wpp_net_migration_in_persons() {
    let Some((dataset, diagnostics, bytes)) = import(
        "wpp2024_net_migration/wpp2024_mig1dt_net_migration_thousands.csv",
        Kind::WppNetMigration,
    ) else {
        return;
    };
    assert_eq!(
        (dataset.meta.key.as_str(), dataset.meta.edition.as_str()),
        ("wpp-net-migration", "2024")
    );
    check_csv_cells(&bytes, &dataset, 1, 1000.0);
    assert!(dataset.values.iter().all(|v| v.indicator == Indicator::NET_MIGRATION));
    let years: std::collections::BTreeSet<i32> =
        dataset.values.iter().map(|v| v.year.get()).collect();
    assert_eq!((years.first(), years.last(), years.len()), (Some(&1950), Some(&2023), 74));
    assert!(aggregates(&diagnostics).contains(&"M49 code 900".to_owned()));
    // Kosovo (WPP location 412) is stored under the World Bank's code XKX.
    assert!(
        !diagnostics.iter().any(|d| matches!(&d.kind, DiagnosticKind::NoIsoCodeSkipped { .. }))
    );
    let kosovo = dataset.values.iter().filter(|v| v.area == iso("XKX")).count();
    assert_eq!(kosovo, 74, "one value a year, 1950-2023");
}
