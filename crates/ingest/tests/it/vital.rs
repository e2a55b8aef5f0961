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

#[test]
#[allow(clippy::print_stderr, reason = "the figures of docs/validation.md are printed")]
fn world_births_and_deaths_of_2021_from_rates_and_population() {
    // Births = crude birth rate ÷ 1,000 × mid-year population, as demographic accounting
    // computes them; over every economy of the file with all three values.
    let Some((dataset, _, _)) = import(FILE, Kind::WdiDatabankBySeries) else {
        return;
    };
    let value = |indicator: Indicator, area: Iso3| {
        dataset.values.iter().find(|v| v.indicator == indicator && v.area == area).map(|v| v.value)
    };
    let (mut births, mut deaths, mut people, mut economies) = (0.0, 0.0, 0.0, 0);
    for v in dataset.values.iter().filter(|v| v.indicator == Indicator::POPULATION) {
        let (Some(cbr), Some(cdr)) = (
            value(Indicator::BIRTH_RATE_CRUDE, v.area),
            value(Indicator::DEATH_RATE_CRUDE, v.area),
        ) else {
            continue;
        };
        births += cbr / 1000.0 * v.value;
        deaths += cdr / 1000.0 * v.value;
        people += v.value;
        economies += 1;
    }
    eprintln!(
        "2021, {economies} economies, {:.0} million people: {:.1} million births, {:.1} million deaths",
        people / 1e6,
        births / 1e6,
        deaths / 1e6
    );
    // About 7.9 billion people, crude rates near 17 and 9 per 1,000 (2021, a year of
    // high COVID-19 mortality): a rate read per person or per 100 would miss by 10×.
    assert!((7.5e9..8.1e9).contains(&people), "{people}");
    assert!((1.2e8..1.5e8).contains(&births), "{births}");
    assert!((5.5e7..8.0e7).contains(&deaths), "{deaths}");
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
