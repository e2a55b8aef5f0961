//! IAB brain-drain data (Brücker, Capuano & Marfouk 2013), gender file
//! `iabbd_8010_v1_gender.xls`: an `Explanatory note` sheet and one sheet per destination
//! country, named by its ISO alpha-3 code. In each destination sheet, row 1 holds the
//! destination's name and the years (1980, 1985, … 2010, each over three columns), row
//! 2 the header `Country of birth`, `Total`, `M-Total`, `F-Total` repeated per year,
//! row 3 the destination's total (`Total immigration stock`), row 4 the shares of men
//! and women in it (no name), then one row per country of birth, `Unknown` last.
//!
//! Stored: [`Indicator::MIGRANT_STOCK`] pairs (country of birth → destination) for each
//! year, for both sexes (`Total`), men (`M-Total`) and women (`F-Total`), in persons,
//! all ages. The total row and `Unknown` are aggregates (reported, not stored); the
//! shares row is reported and not read. Zero cells are not stored (a missing pair
//! means zero); one diagnostic per sheet gives their number.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use domain::dataset::PairValue;
use domain::{Indicator, Sex, Year};

use crate::areas::AreaMatch;
use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value, Workbook};
use crate::read::{AreaId, Builder, bad_value, missing};

/// The sheet that introduces the file.
const NOTE_SHEET: &str = "Explanatory note";
/// The first cell of the header row.
const HEADER: &str = "Country of birth";
/// The first cell of the header row of a sheet by citizenship (Germany).
const HEADER_CITIZENSHIP: &str = "Citizenship";

/// Names of the file that are not one country: the label reported and what it is.
const NOT_COUNTRIES: [(&str, &str); 4] = [
    ("Total immigration stock", "Total immigration stock"),
    ("Unknown", "Unknown"),
    ("Korea", "Korea (North and South not separated)"),
    ("Serbia and Montenegro", "Serbia and Montenegro (former state, not separated)"),
];

/// Whether a workbook is the IAB gender file: an `Explanatory note` sheet describing
/// total migrant stocks by gender, and destination sheets with the IAB header.
pub(crate) fn is_gender_file(wb: &mut Workbook<'_>) -> bool {
    if !wb.has_sheet(NOTE_SHEET) {
        return false;
    }
    let Ok(note) = wb.head(NOTE_SHEET, 4) else { return false };
    let text = note.text(0, 0).to_ascii_lowercase();
    text.contains("migrant stock") && text.contains("gender")
}

/// A value column: its index, year, sex and letter.
struct Column {
    col: usize,
    year: Year,
    sex: Sex,
    letter: String,
}

/// Reads the gender file.
pub(crate) fn read_gender(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut wb = out.workbook()?;
    if !wb.has_sheet(NOTE_SHEET) {
        return Err(missing(Location::file(file), format!("a sheet named {NOTE_SHEET:?}")));
    }
    out.meta.key = "iab-brain-drain-gender".to_owned();
    out.meta.publisher = "Institute for Employment Research (IAB)".to_owned();
    out.meta.title = "IAB brain-drain data: total migrant stock by gender, country of birth and \
                      destination, 1980–2010 (Brücker, Capuano and Marfouk 2013)"
        .to_owned();
    out.meta.edition = edition(file);
    let mut read_any = false;
    for name in wb.sheet_names() {
        if name == NOTE_SHEET {
            continue;
        }
        let grid = wb.sheet(&name)?;
        read_sheet(out, &grid, &name)?;
        read_any = true;
    }
    if !read_any {
        return Err(missing(Location::file(file), "one sheet per destination country"));
    }
    Ok(())
}

/// The edition: the version in the file name (`…_v1_…`), with the years covered.
fn edition(file: &str) -> String {
    let version = file.split(['_', '.']).find(|part| {
        part.len() > 1 && part.starts_with('v') && part[1..].bytes().all(|b| b.is_ascii_digit())
    });
    match version {
        Some(v) => format!("1980–2010 {v}"),
        None => "1980–2010".to_owned(),
    }
}

/// Reads one destination sheet.
fn read_sheet(out: &mut Builder<'_>, grid: &Grid, sheet: &str) -> Result<(), ImportError> {
    let file = out.file;
    let header = (0..grid.n_rows().min(6))
        .find(|&r| {
            let first = grid.text(r, 0);
            first.eq_ignore_ascii_case(HEADER) || first.eq_ignore_ascii_case(HEADER_CITIZENSHIP)
        })
        .ok_or_else(|| missing(grid.whole(file), format!("a header row starting {HEADER:?}")))?;
    if grid.text(header, 0).eq_ignore_ascii_case(HEADER_CITIZENSHIP) {
        // Stocks of foreign citizens, not of the foreign-born: not the same measure as
        // the migrant stocks by country of birth of every other sheet and source.
        out.note(
            grid.location(file, header, 0),
            format!(
                "sheet {sheet:?} counts migrants by citizenship, not country of birth; \
                 not stored"
            ),
        );
        return Ok(());
    }
    let destination_name = grid.text(0, 0).into_owned();
    let Some(destination) =
        out.area(AreaId::Wb(sheet, &destination_name), || grid.location(file, 0, 0))
    else {
        return Ok(());
    };
    let columns = value_columns(file, grid, header)?;
    let mut zeros = 0usize;
    for row in header + 1..grid.n_rows() {
        let name = grid.text(row, 0);
        if columns.iter().all(|c| grid.cell(row, c.col).is_blank()) {
            continue;
        }
        if name.is_empty() {
            // The shares of men and women below the total.
            out.note(
                grid.row_location(file, row),
                "a row without country name (shares of men and women in the total) was not read"
                    .to_owned(),
            );
            continue;
        }
        let not_country = NOT_COUNTRIES.iter().find(|(n, _)| name.eq_ignore_ascii_case(n));
        let origin = if let Some((_, label)) = not_country {
            out.skip_area((*label).to_owned(), AreaMatch::Aggregate, || {
                grid.location(file, row, 0)
            });
            None
        } else {
            out.area(AreaId::Name(&name), || grid.location(file, row, 0))
        };
        let Some(origin) = origin else { continue };
        if origin == destination {
            out.note(
                grid.row_location(file, row),
                format!("{name}: the destination itself as country of birth was not read"),
            );
            continue;
        }
        for c in &columns {
            const PERSONS: &str = "a non-negative number of persons";
            let value = match grid.value(file, row, c.col, PERSONS)? {
                Value::Missing => continue,
                Value::Number(n) if n < 0.0 => {
                    return Err(bad_value(
                        grid.location(file, row, c.col),
                        PERSONS,
                        crate::grid::number_text(n),
                    ));
                }
                Value::Number(n) => n,
            };
            if value == 0.0 {
                zeros += 1;
                continue;
            }
            out.push_pair(PairValue {
                indicator: Indicator::MIGRANT_STOCK,
                from: origin,
                to: destination,
                year: c.year,
                sex: c.sex,
                value,
                provenance: grid.provenance(file, row, &c.letter),
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

/// The value columns: the years on the row above the header (each over the three
/// columns from where it is written), the sex from the header.
fn value_columns(file: &str, grid: &Grid, header: usize) -> Result<Vec<Column>, ImportError> {
    let year_row = header
        .checked_sub(1)
        .ok_or_else(|| missing(grid.row_location(file, header), "a row of years above"))?;
    let mut columns = Vec::new();
    let mut year = None;
    for col in 1..grid.n_cols(header) {
        let written = grid.cell(year_row, col);
        if !written.is_blank() {
            let y = written
                .integer()
                .filter(|y| (1950..=2100).contains(y))
                .and_then(|y| Year::new(y).ok())
                .ok_or_else(|| {
                    bad_value(grid.location(file, year_row, col), "a year", written.text())
                })?;
            year = Some(y);
        }
        let label = grid.text(header, col);
        let sex = match label.as_ref() {
            "" => continue,
            "Total" => Sex::Total,
            "M-Total" => Sex::Male,
            "F-Total" => Sex::Female,
            other => {
                return Err(bad_value(
                    grid.location(file, header, col),
                    "Total, M-Total or F-Total",
                    other,
                ));
            }
        };
        let year = year.ok_or_else(|| {
            missing(grid.location(file, year_row, col), "a year above the first value column")
        })?;
        columns.push(Column { col, year, sex, letter: grid.column_name(col) });
    }
    if columns.is_empty() {
        return Err(missing(grid.row_location(file, header), "Total, M-Total, F-Total columns"));
    }
    Ok(columns)
}
