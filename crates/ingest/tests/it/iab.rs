//! IAB brain-drain data, gender file: bilateral migrant stocks by sex, every fifth year
//! 1980–2010, checked against the cells read here with calamine.

use std::io::Cursor;

use calamine::{Data, Reader};
use domain::dataset::Dataset;
use domain::{Indicator, Iso3, Sex, Year};
use ingest::{ImportErrorKind, Kind, ReadOptions};
use rust_xlsxwriter::Workbook;

use crate::common::{aggregates, import, number};

const FILE: &str = "iab_brain_drain/iabbd_8010_v1_gender.xls";

fn stored(dataset: &Dataset, from: Iso3, to: Iso3, year: i64, sex: Sex) -> Option<f64> {
    let year = Year::new(year).unwrap();
    let found: Vec<f64> = dataset
        .pairs
        .iter()
        .filter(|p| {
            p.indicator == Indicator::MIGRANT_STOCK
                && p.from == from
                && p.to == to
                && p.year == year
                && p.sex == sex
        })
        .map(|p| p.value)
        .collect();
    assert!(found.len() <= 1);
    found.first().copied()
}

#[test]
fn stocks_by_sex_equal_the_cells() {
    let Some((dataset, diagnostics, bytes)) = import(FILE, Kind::IabBrainDrainGender) else {
        return;
    };
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(&bytes)).unwrap();
    let sheets: Vec<String> =
        wb.sheet_names().into_iter().filter(|n| n != "Explanatory note").collect();
    assert_eq!(sheets.len(), 20);
    let sexes = [Sex::Total, Sex::Male, Sex::Female];
    let mut checked = 0;
    for sheet in &sheets {
        let to = Iso3::parse(sheet).unwrap();
        let range = wb.worksheet_range(sheet).unwrap();
        if sheet == "DEU" {
            // Germany's sheet counts foreign citizens: not stored, and said so.
            assert!(matches!(range.get_value((1, 0)), Some(Data::String(s)) if s == "Citizenship"));
            assert!(dataset.pairs.iter().all(|p| p.to != to));
            continue;
        }
        let name_at = |r: u32| match range.get_value((r, 0)) {
            Some(Data::String(s)) => s.trim().to_owned(),
            _ => String::new(),
        };
        for (origin, name) in [("PHL", "Philippines"), ("IND", "India"), ("MEX", "Mexico")] {
            let from = Iso3::parse(origin).unwrap();
            let row = (0..range.height() as u32).find(|&r| name_at(r) == name).unwrap();
            for (i, year) in (1980..=2010).step_by(5).enumerate() {
                for (k, sex) in sexes.iter().enumerate() {
                    let col = u32::try_from(1 + 3 * i + k).unwrap();
                    let cell = number(range.get_value((row, col))).unwrap();
                    let value = stored(&dataset, from, to, year, *sex);
                    if cell == 0.0 {
                        assert_eq!(value, None, "{sheet} {name} {year} {sex}");
                    } else {
                        assert_eq!(value, Some(cell), "{sheet} {name} {year} {sex}");
                    }
                    checked += 1;
                }
            }
        }
        // Every stored value of the sheet's 2010 column: the sum of the rows of countries,
        // which with Unknown make up the published total.
        let total_row = (0..4).find(|&r| name_at(r) == "Total immigration stock").unwrap();
        let total = number(range.get_value((total_row, 19))).unwrap();
        let unknown_row = (0..range.height() as u32).find(|&r| name_at(r) == "Unknown").unwrap();
        let unknown = number(range.get_value((unknown_row, 19))).unwrap();
        let year = Year::new(2010).unwrap();
        let stored_sum: f64 = dataset
            .pairs
            .iter()
            .filter(|p| p.to == to && p.year == year && p.sex == Sex::Total)
            .map(|p| p.value)
            .sum();
        let cells_sum: f64 = (total_row + 2..range.height() as u32)
            .filter(|&r| {
                let name = name_at(r);
                // Not countries (reported), and the destination itself.
                !["Unknown", "Korea", "Serbia and Montenegro"].contains(&name.as_str())
                    && name != name_at(0)
            })
            .filter_map(|r| number(range.get_value((r, 19))))
            .sum();
        assert_eq!(stored_sum, cells_sum, "{sheet}");
        let not_stored: f64 = (total_row + 2..range.height() as u32)
            .filter(|&r| ["Korea", "Serbia and Montenegro"].contains(&name_at(r).as_str()))
            .filter_map(|r| number(range.get_value((r, 19))))
            .sum();
        assert!(
            (stored_sum + not_stored + unknown - total).abs() <= 0.5 + 1e-9 * total,
            "{sheet}: {stored_sum} + {unknown} vs {total}"
        );
    }
    assert_eq!(checked, 19 * 3 * 7 * 3);
    // Men and women add up to the total in every stored pair and year (a zero cell is
    // not stored).
    let mut parts: std::collections::HashMap<(Iso3, Iso3, Year), [f64; 3]> =
        std::collections::HashMap::new();
    for p in &dataset.pairs {
        let k = match p.sex {
            Sex::Total => 0,
            Sex::Male => 1,
            Sex::Female => 2,
        };
        parts.entry((p.from, p.to, p.year)).or_default()[k] = p.value;
    }
    assert!(parts.len() > 19_000);
    for (key, [t, m, f]) in &parts {
        assert_eq!(*t, m + f, "{key:?}");
    }
    let notes: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(
        notes.iter().any(|n| n.contains("sheet \"DEU\" counts migrants by citizenship")),
        "{notes:#?}"
    );
    // Provenance: sheet, row and column letter of the cell.
    let usa = Iso3::from_static("USA");
    let phl = dataset
        .pairs
        .iter()
        .find(|p| {
            p.from == Iso3::from_static("PHL")
                && p.to == usa
                && p.year == Year::new(2010).unwrap()
                && p.sex == Sex::Female
        })
        .unwrap();
    assert_eq!(phl.provenance.sheet.as_deref(), Some("USA"));
    assert_eq!(phl.provenance.column.as_deref(), Some("V"));
    let aggregates = aggregates(&diagnostics);
    assert!(aggregates.contains(&"Total immigration stock".to_owned()), "{aggregates:?}");
    assert!(aggregates.contains(&"Unknown".to_owned()), "{aggregates:?}");
    assert!(aggregates.iter().any(|a| a.starts_with("Korea (")), "{aggregates:?}");
}

/// A workbook in the IAB layout with one destination sheet; `cell` replaces the
/// Philippines' 2010 female value, `header` writes the header row.
fn workbook(cell: Option<&str>, header: bool) -> Vec<u8> {
    let mut wb = Workbook::new();
    let note = wb.add_worksheet();
    note.set_name("Explanatory note").unwrap();
    note.write_string(0, 0, "Each spreadsheet contains the total migrant stock in one destination country, all ages as a whole, by gender, country of birth and year.").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("USA").unwrap();
    ws.write_string(0, 0, "United States").unwrap();
    if header {
        ws.write_string(1, 0, "Country of birth").unwrap();
    }
    for i in 0..7u16 {
        ws.write_number(0, 1 + 3 * i, f64::from(1980 + 5 * i)).unwrap();
        for (k, label) in ["Total", "M-Total", "F-Total"].iter().enumerate() {
            ws.write_string(1, 1 + 3 * i + k as u16, *label).unwrap();
        }
    }
    ws.write_string(2, 0, "Total immigration stock").unwrap();
    ws.write_string(4, 0, "Philippines").unwrap();
    ws.write_string(5, 0, "Unknown").unwrap();
    for col in 1..22u16 {
        ws.write_number(2, col, 30.0).unwrap();
        ws.write_number(3, col, 0.5).unwrap();
        ws.write_number(4, col, 20.0).unwrap();
        ws.write_number(5, col, 10.0).unwrap();
    }
    if let Some(text) = cell {
        ws.write_string(4, 21, text).unwrap();
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn small_workbook_and_malformed_ones() {
    let read = |bytes: &[u8]| {
        ingest::read(Kind::IabBrainDrainGender, "iab.xlsx", bytes, &ReadOptions::default())
    };
    let bytes = workbook(None, true);
    assert_eq!(
        ingest::detect("iab.xlsx", &bytes, &ingest::Limits::default()),
        Some(Kind::IabBrainDrainGender)
    );
    let (dataset, diagnostics) = read(&bytes).unwrap();
    assert_eq!(dataset.pairs.len(), 21);
    let p = &dataset.pairs[20];
    assert_eq!((p.year, p.sex, p.value), (Year::new(2010).unwrap(), Sex::Female, 20.0));
    assert_eq!(
        (p.provenance.sheet.as_deref(), p.provenance.row, p.provenance.column.as_deref()),
        (Some("USA"), Some(5), Some("V"))
    );
    assert_eq!(aggregates(&diagnostics), ["Total immigration stock", "Unknown"]);

    let err = read(&workbook(Some("12a"), true)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "iab.xlsx, sheet \"USA\", row 5, column V: expected a non-negative number of persons, found \"12a\""
    );
    let err = read(&workbook(None, false)).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    assert_eq!(err.location.sheet.as_deref(), Some("USA"));
}
