//! Crude birth and death rates (WDI `SP.DYN.CBRT.IN`, `SP.DYN.CDRT.IN`): the series
//! demographic accounting turns into births and deaths. The shared data hold them in the
//! WDI 2021 cross-section (a DataBank export, years down and series across).

use domain::{Indicator, Iso3, Sex, Unit};
use ingest::Kind;

use crate::common::{Sheets, check_workbook_cells, column_index, import};

const FILE: &str = "wdi_2021_cross_section/WDI_2021_all_indicators_part1.xlsx";

/// The series' column headers in the DataBank export.
const HEADERS: [(Indicator, &str); 2] = [
    (Indicator::BIRTH_RATE_CRUDE, "Birth rate, crude (per 1,000 people) [SP.DYN.CBRT.IN]"),
    (Indicator::DEATH_RATE_CRUDE, "Death rate, crude (per 1,000 people) [SP.DYN.CDRT.IN]"),
];

/// The 0-based column index of a spreadsheet column given as letters or a number.
fn column_of(column: &str) -> u32 {
    column.parse::<u32>().map_or_else(|_| column_index(column), |c| c - 1)
}

#[test]
fn crude_birth_and_death_rates_of_the_2021_cross_section() {
    let Some((dataset, _, bytes)) = import(FILE, Kind::WdiDatabankBySeries) else {
        return;
    };
    for (indicator, _) in HEADERS {
        assert_eq!(indicator.unit, Unit::PerThousand);
        let n = dataset.values.iter().filter(|v| v.indicator == indicator).count();
        // 217 economies; a few small ones have no 2021 estimate.
        assert!((190..=217).contains(&n), "{}: {n} values", indicator.code);
    }
    // Every stored value against its cell (located by the value's provenance).
    check_workbook_cells(&bytes, &dataset, 1.0);

    // A few cells located independently of the importer: the row by the country code
    // (column D), the column by the series header (row 1).
    let sheets = Sheets::open(&bytes);
    for code in ["NPL", "DEU", "NGA", "JPN", "BRA", "PHL"] {
        let area = Iso3::parse(code).unwrap();
        let row = sheets.find_row("Data", 3, code);
        assert_eq!(sheets.text("Data", row, 0), "2021", "{code}: row {row} is not 2021");
        for (indicator, header) in HEADERS {
            let col = sheets.find_col("Data", 0, header);
            let letters = column_letters(col);
            let cell = sheets
                .number("Data", row + 1, &letters)
                .unwrap_or_else(|| panic!("{code} {}: no number in the source", indicator.code));
            let stored: Vec<_> = dataset
                .values
                .iter()
                .filter(|v| v.indicator == indicator && v.area == area && v.sex == Sex::Total)
                .collect();
            assert_eq!(stored.len(), 1, "{code} {}", indicator.code);
            let v = stored[0];
            assert_eq!(v.year.get(), 2021);
            assert_eq!(v.value, cell, "{code} {}", indicator.code);
            // The provenance names the same cell.
            assert_eq!(v.provenance.sheet.as_deref(), Some("Data"));
            assert_eq!(v.provenance.row, Some(row + 1), "{code} {}", indicator.code);
            assert_eq!(
                column_of(v.provenance.column.as_deref().unwrap()),
                col,
                "{code} {}",
                indicator.code
            );
            // Crude rates are per 1,000 people: plausible human values only.
            assert!((3.0..60.0).contains(&cell), "{code} {}: {cell}", indicator.code);
        }
    }
    // Spot values as published (WDI, last updated 03/28/2024): Japan's death rate is
    // above its birth rate, Nigeria's birth rate is several times Germany's.
    let rate = |indicator: Indicator, code: &str| {
        let area = Iso3::parse(code).unwrap();
        dataset.values.iter().find(|v| v.indicator == indicator && v.area == area).unwrap().value
    };
    assert!(
        rate(Indicator::DEATH_RATE_CRUDE, "JPN") > rate(Indicator::BIRTH_RATE_CRUDE, "JPN"),
        "Japan 2021"
    );
    assert!(
        rate(Indicator::BIRTH_RATE_CRUDE, "NGA") > 3.0 * rate(Indicator::BIRTH_RATE_CRUDE, "DEU"),
        "Nigeria and Germany 2021"
    );
}

/// A 0-based column index as spreadsheet letters (`0` → `A`, `26` → `AA`).
fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + u8::try_from(col % 26).unwrap());
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}
