//! World Bank and KNOMAD migration and remittance tables: the bilateral migration and
//! remittance matrices (a title row, a header row of names across, names down, total
//! rows and columns) and KNOMAD's annual remittance inflows and outflows.
//!
//! The remittance tables are published in US$ millions; values are stored in US$
//! (multiplied by 1,000,000). Pairs are (origin, destination) for migrant stocks and
//! (sender, receiver) for remittances. Zero cells of the matrices are not stored (a
//! missing pair means zero or no estimate); their number is reported as a diagnostic.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use domain::dataset::PairValue;
use domain::{Indicator, Iso3, Sex, Year};

use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value};
use crate::read::{AreaId, Builder, bad_value, missing};

/// US$ per US$ million.
const USD_PER_MILLION: f64 = 1_000_000.0;

/// Which bilateral matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Matrix {
    /// Migrant stocks, persons: origin down, destination across.
    Migration,
    /// Remittances, US$ millions: sender down, receiver across (unless the corner cell
    /// says otherwise).
    Remittances,
}

/// Which KNOMAD annual table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Remittances received.
    Inflows,
    /// Remittances sent.
    Outflows,
}

/// The first year (1950–2100) written in `text`.
fn year_in(text: &str) -> Option<Year> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = &text.get(i..i + 4)?;
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + 4).copied();
        if digits.bytes().all(|b| b.is_ascii_digit())
            && !before.is_some_and(|b| b.is_ascii_digit())
            && !after.is_some_and(|b| b.is_ascii_digit())
        {
            let year: i64 = digits.parse().ok()?;
            if (1950..=2100).contains(&year) { Year::new(year).ok() } else { None }
        } else {
            None
        }
    })
}

/// A matrix read from a grid: names across on `header`, names down in column 0.
struct MatrixLayout {
    header: usize,
    /// (column, area, column name) of the areas across.
    across: Vec<(usize, Iso3, String)>,
}

fn matrix_layout(
    out: &mut Builder<'_>,
    grid: &Grid,
    header: usize,
) -> Result<MatrixLayout, ImportError> {
    let file = out.file;
    let mut across = Vec::new();
    for col in 1..grid.n_cols(header) {
        let name = grid.text(header, col);
        if name.is_empty() {
            continue;
        }
        if let Some(area) = out.area(AreaId::Name(&name), || grid.location(file, header, col)) {
            across.push((col, area, grid.column_name(col)));
        }
    }
    if across.is_empty() {
        return Err(missing(
            grid.row_location(file, header),
            "country names across the header row",
        ));
    }
    Ok(MatrixLayout { header, across })
}

/// Reads the rows of a matrix below its header until the first blank name or a
/// "Notes" line. `scale` converts a cell to the stored unit.
fn read_matrix_rows(
    out: &mut Builder<'_>,
    grid: &Grid,
    layout: &MatrixLayout,
    indicator: Indicator,
    year: Year,
    scale: f64,
    rows_are_from: bool,
) -> Result<(), ImportError> {
    let file = out.file;
    let expected = if indicator.unit == domain::Unit::Persons {
        "a non-negative number of persons"
    } else {
        "a non-negative amount in US$ millions"
    };
    let mut zeros = 0usize;
    for row in layout.header + 1..grid.n_rows() {
        // Blank separators and the notes below the matrix have no value cells.
        if layout.across.iter().all(|(col, _, _)| grid.cell(row, *col).is_blank()) {
            continue;
        }
        let name = grid.text(row, 0);
        if name.is_empty() {
            return Err(missing(grid.location(file, row, 0), "a country name for a row of values"));
        }
        let Some(down) = out.area(AreaId::Name(&name), || grid.location(file, row, 0)) else {
            continue;
        };
        for (col, across, column) in &layout.across {
            let value = match grid.value(file, row, *col, expected)? {
                Value::Missing => continue,
                Value::Number(n) if n < 0.0 => {
                    return Err(bad_value(
                        grid.location(file, row, *col),
                        expected,
                        crate::grid::number_text(n),
                    ));
                }
                Value::Number(n) => n,
            };
            if value == 0.0 {
                zeros += 1;
                continue;
            }
            let (from, to) = if rows_are_from { (down, *across) } else { (*across, down) };
            out.push_pair(PairValue {
                indicator,
                from,
                to,
                year,
                sex: Sex::Total,
                value: value * scale,
                provenance: grid.provenance(file, row, column),
            })?;
        }
    }
    if zeros > 0 {
        out.note(
            grid.whole(file),
            format!("{zeros} zero cells were not stored (a missing pair means zero)"),
        );
    }
    Ok(())
}

/// A bilateral migration or remittance matrix in a workbook.
pub(crate) fn read_matrix(out: &mut Builder<'_>, matrix: Matrix) -> Result<(), ImportError> {
    let file = out.file;
    let mut wb = out.workbook()?;
    let mut grid = None;
    for name in wb.sheet_names() {
        let head = wb.head(&name, 3)?;
        let title = head.text(0, 0).to_ascii_lowercase();
        let fits = match matrix {
            Matrix::Migration => title.contains("bilateral") && title.contains("migra"),
            Matrix::Remittances => title.contains("bilateral") && title.contains("remittance"),
        };
        if fits {
            grid = Some(wb.sheet(&name)?);
            break;
        }
    }
    let grid = grid.ok_or_else(|| {
        missing(
            Location::file(file),
            "a sheet whose first cell is the matrix title (\"Bilateral …\")",
        )
    })?;
    let title = grid.text(0, 0).into_owned();
    let year = year_in(&title).ok_or_else(|| {
        bad_value(grid.location(file, 0, 0), "a title naming the year", title.clone())
    })?;
    // The header is the first row below the title with names across.
    let header = (1..grid.n_rows().min(10))
        .find(|&r| {
            (1..grid.n_cols(r))
                .filter(|&c| matches!(grid.cell(r, c), crate::grid::Cell::Text(_)))
                .count()
                > 10
        })
        .ok_or_else(|| missing(grid.whole(file), "a header row of country names"))?;
    let corner = grid.text(header, 0).to_ascii_lowercase();
    // "receiving (across) / sending (down)": rows are senders unless the corner says
    // the senders are across.
    let rows_are_from =
        !(corner.contains("sending (across)") || corner.contains("receiving (down)"));
    let version = title
        .find('(')
        .map(|_| title.rsplit('(').next().unwrap_or("").trim_end_matches(')').trim().to_owned());
    let (indicator, scale, key, publisher) = match matrix {
        Matrix::Migration => {
            (Indicator::MIGRANT_STOCK, 1.0, "wb-bilateral-migration", "World Bank")
        }
        Matrix::Remittances => (
            Indicator::BILATERAL_REMITTANCES_USD,
            USD_PER_MILLION,
            "wb-bilateral-remittances",
            "World Bank / KNOMAD",
        ),
    };
    out.meta.key = key.to_owned();
    out.meta.publisher = publisher.to_owned();
    out.meta.title = title.clone();
    out.meta.edition = match version {
        Some(v) if !v.is_empty() && v.to_ascii_lowercase().contains("version") => {
            format!("{year} ({v})")
        }
        _ => year.to_string(),
    };
    out.meta.licence = None;
    let layout = matrix_layout(out, &grid, header)?;
    read_matrix_rows(out, &grid, &layout, indicator, year, scale, rows_are_from)
}

/// A bilateral remittance matrix exported as CSV: an empty corner, receivers across,
/// senders down, US$ millions; the year is taken from the file name.
pub(crate) fn read_remittance_csv(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    grid.set_header(0);
    let year = year_in(file)
        .ok_or_else(|| missing(Location::file(file), "the matrix year in the file name"))?;
    out.meta.key = "wb-bilateral-remittances".to_owned();
    out.meta.publisher = "World Bank / KNOMAD".to_owned();
    out.meta.title = format!("Bilateral Remittance Matrix {year} (millions of US$)");
    // A release date after the year, as in "…2018Oct2019", completes the edition.
    let rest = file.find(&year.to_string()).map_or("", |i| &file[i + 4..]);
    out.meta.edition = match year_in(rest) {
        Some(release) => format!("{year} (release {release})"),
        None => year.to_string(),
    };
    out.meta.licence = None;
    let layout = matrix_layout(out, &grid, 0)?;
    read_matrix_rows(
        out,
        &grid,
        &layout,
        Indicator::BILATERAL_REMITTANCES_USD,
        year,
        USD_PER_MILLION,
        true,
    )
}

/// KNOMAD annual remittance inflows or outflows (US$ millions; years across).
pub(crate) fn read_knomad(out: &mut Builder<'_>, flow: Flow) -> Result<(), ImportError> {
    let file = out.file;
    let mut wb = out.workbook()?;
    let prefix = match flow {
        Flow::Inflows => "remittance inflows",
        Flow::Outflows => "remittance outflows",
    };
    let mut found = None;
    for name in wb.sheet_names() {
        let head = wb.head(&name, 5)?;
        if let Some((row, _)) = head.find(5, |s| s.to_ascii_lowercase().starts_with(prefix)) {
            found = Some((name, row));
            break;
        }
    }
    let (sheet, header) = found.ok_or_else(|| {
        missing(Location::file(file), format!("a sheet with a header cell starting {prefix:?}"))
    })?;
    let grid = wb.sheet(&sheet)?;
    let mut years = Vec::new();
    for col in 1..grid.n_cols(header) {
        let cell = grid.cell(header, col);
        match cell.integer().filter(|y| (1950..=2100).contains(y)) {
            Some(y) => years.push((
                col,
                Year::new(y).map_err(|e| {
                    bad_value(grid.location(file, header, col), "a year", e.to_string())
                })?,
                grid.column_name(col),
            )),
            None if cell.is_blank() => {}
            None => out.note(
                grid.location(file, header, col),
                format!("column {:?} is not a year and was not read", grid.text(header, col)),
            ),
        }
    }
    if years.is_empty() {
        return Err(missing(grid.row_location(file, header), "year columns"));
    }
    let (indicator, key) = match flow {
        Flow::Inflows => (Indicator::REMITTANCES_RECEIVED_USD, "knomad-remittance-inflows"),
        Flow::Outflows => (Indicator::REMITTANCES_PAID_USD, "knomad-remittance-outflows"),
    };
    out.meta.key = key.to_owned();
    out.meta.publisher = "World Bank / KNOMAD".to_owned();
    out.meta.title = grid.text(header, 0).into_owned();
    out.meta.licence = None;
    let date = grid
        .find(grid.n_rows(), |s| s.to_ascii_lowercase().starts_with("date:"))
        .map(|(r, c)| grid.text(r, c)["date:".len()..].trim().to_owned());
    let last = years.iter().map(|y| y.1).max().map_or_else(String::new, |y| y.to_string());
    out.meta.edition = match date {
        Some(d) => format!("{last} ({d})"),
        None => last,
    };

    let expected = "an amount in US$ millions";
    for row in header + 1..grid.n_rows() {
        // Blank separators, areas without data and the notes below have no value cells.
        if years.iter().all(|(col, _, _)| grid.cell(row, *col).is_blank()) {
            continue;
        }
        let name = grid.text(row, 0);
        if name.is_empty() {
            return Err(missing(grid.location(file, row, 0), "a country name for a row of values"));
        }
        let Some(area) = out.area(AreaId::Name(&name), || grid.location(file, row, 0)) else {
            continue;
        };
        for (col, year, column) in &years {
            if let Value::Number(n) = grid.value(file, row, *col, expected)? {
                let provenance = grid.provenance(file, row, column);
                out.area_value(
                    indicator,
                    area,
                    *year,
                    Sex::Total,
                    n * USD_PER_MILLION,
                    provenance,
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_titles_and_names() {
        let y = |s: &str| year_in(s).map(|y| y.get());
        assert_eq!(y("Bilateral Estimates of Migrant Stocks in 2017"), Some(2017));
        assert_eq!(y("Bilateralremittancematrix2018Oct2019.csv"), Some(2018));
        assert_eq!(y("matrix 12018"), None);
        assert_eq!(y("no year"), None);
    }
}
