//! UN DESA International Migrant Stock: totals by destination and by origin, the
//! destination × origin table (2020 and 2024 editions), the Rev. 2015 origin ×
//! destination matrix and the 2019 matrix as CSV.
//!
//! Areas are identified by their M49 location code where the file gives one (the
//! names then only label messages), by name otherwise. Aggregates (the world, SDG and
//! geographic regions, development and income groups, "Other North", "Other South",
//! "OTHER") are not stored: see [`crate::areas`].

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use domain::dataset::PairValue;
use domain::{Indicator, Sex, Year};

use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value};
use crate::read::{AreaId, Builder, bad_value, missing};

/// The publisher of every UN DESA file (and of World Population Prospects).
pub(crate) const PUBLISHER: &str =
    "United Nations, Department of Economic and Social Affairs, Population Division";
/// What a count cell must hold.
const PERSONS: &str = "a non-negative number of persons";
/// How many rows a header is looked for in.
const HEADER_SEARCH_ROWS: usize = 25;

/// Which total a totals workbook gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// Migrants living in each area (by destination).
    Destination,
    /// Migrants born in each area (by origin).
    Origin,
}

/// A value column: its index, year, sex and name (letter or header).
struct ValueColumn {
    col: usize,
    year: Year,
    sex: Sex,
    name: String,
}

/// The year columns of a header row from `first_col` on: a run of years for both
/// sexes, then (optionally) the same years for males and for females.
fn year_columns(
    grid: &Grid,
    file: &str,
    row: usize,
    first_col: usize,
) -> Result<Vec<ValueColumn>, ImportError> {
    let mut columns: Vec<ValueColumn> = Vec::new();
    let mut block = 0usize;
    for col in first_col..grid.n_cols(row) {
        let Some(year) = grid.cell(row, col).integer().filter(|y| (1900..=2200).contains(y)) else {
            continue;
        };
        let year = Year::new(year)
            .map_err(|e| bad_value(grid.location(file, row, col), "a year", e.to_string()))?;
        if columns.last().is_some_and(|last| year <= last.year) {
            block += 1;
        }
        let sex = *Sex::ALL.get(block).ok_or_else(|| {
            bad_value(
                grid.location(file, row, col),
                "at most three blocks of years (both sexes, male, female)",
                year.to_string(),
            )
        })?;
        columns.push(ValueColumn { col, year, sex, name: grid.column_name(col) });
    }
    if columns.is_empty() {
        return Err(missing(
            grid.row_location(file, row),
            "year columns (1990, 1995, …) in the header row",
        ));
    }
    Ok(columns)
}

/// The edition stated in the first rows: "International Migrant Stock 2024…" or
/// "POP/DB/MIG/Stock/Rev.2024".
fn edition(grid: &Grid, rows: usize) -> Option<String> {
    for row in 0..grid.n_rows().min(rows) {
        for col in 0..grid.n_cols(row).min(12) {
            let text = grid.text(row, col);
            for marker in ["Migrant Stock ", "Stock/Rev."] {
                if let Some(at) = text.find(marker) {
                    let digits: String = text[at + marker.len()..]
                        .chars()
                        .take_while(char::is_ascii_digit)
                        .collect();
                    if digits.len() == 4 {
                        return Some(digits);
                    }
                }
            }
        }
    }
    None
}

/// The licence stated in the first rows, if any.
fn licence(grid: &Grid, rows: usize) -> Option<String> {
    let (row, col) =
        grid.find(rows, |s| s.contains("CC BY 3.0 IGO") || s.contains("All rights reserved"))?;
    let text = grid.text(row, col);
    if text.contains("CC BY 3.0 IGO") {
        Some("CC BY 3.0 IGO".to_owned())
    } else {
        Some(text.into_owned())
    }
}

/// The first cell of the first rows that mentions `needle` (case-insensitive).
fn title(grid: &Grid, rows: usize, needle: &str) -> Option<String> {
    let needle = needle.to_ascii_lowercase();
    grid.find(rows, |s| s.to_ascii_lowercase().contains(&needle))
        .map(|(r, c)| grid.text(r, c).into_owned())
}

/// Reads an M49 code cell; `None` for a blank cell.
pub(crate) fn location_code(
    grid: &Grid,
    file: &str,
    row: usize,
    col: usize,
) -> Result<Option<u16>, ImportError> {
    let cell = grid.cell(row, col);
    if cell.is_blank() {
        return Ok(None);
    }
    cell.integer().and_then(|c| u16::try_from(c).ok()).filter(|&c| c > 0).map(Some).ok_or_else(
        || bad_value(grid.location(file, row, col), "a UN M49 location code", cell.text()),
    )
}

/// Reads a count cell: `None` when missing.
fn persons(grid: &Grid, file: &str, row: usize, col: usize) -> Result<Option<f64>, ImportError> {
    match grid.value(file, row, col, PERSONS)? {
        Value::Missing => Ok(None),
        Value::Number(n) if n >= 0.0 => Ok(Some(n)),
        Value::Number(n) => {
            Err(bad_value(grid.location(file, row, col), PERSONS, crate::grid::number_text(n)))
        }
    }
}

/// Totals by destination or by origin (2020 and 2024 editions, sheet `Table 1`).
pub(crate) fn read_totals(out: &mut Builder<'_>, side: Side) -> Result<(), ImportError> {
    let file = out.file;
    let grid = out.workbook()?.sheet("Table 1")?;
    let (header, code_col) = grid
        .find(HEADER_SEARCH_ROWS, |s| s.eq_ignore_ascii_case("Location code"))
        .ok_or_else(|| missing(grid.whole(file), "a header row with \"Location code\""))?;
    let name_col = (0..grid.n_cols(header))
        .find(|&c| grid.text(header, c).starts_with("Region, development group"))
        .ok_or_else(|| {
            missing(
                grid.row_location(file, header),
                "a column \"Region, development group, country or area\"",
            )
        })?;
    let columns = year_columns(&grid, file, header, code_col.max(name_col) + 1)?;
    let (indicator, key, what) = match side {
        Side::Destination => (Indicator::IMMIGRANT_STOCK, "undesa-ims-destination", "Destination"),
        Side::Origin => (Indicator::EMIGRANT_STOCK, "undesa-ims-origin", "Origin"),
    };
    let edition = edition(&grid, header).unwrap_or_else(|| {
        columns.iter().map(|c| c.year).max().map_or_else(String::new, |y| y.to_string())
    });
    out.meta.key = key.to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title = title(&grid, header, "International Migrant Stock")
        .unwrap_or_else(|| format!("International Migrant Stock {edition}: {what}"));
    out.meta.edition = edition;
    out.meta.licence = licence(&grid, header);

    for row in header + 1..grid.n_rows() {
        let name = grid.text(row, name_col);
        let Some(code) = location_code(&grid, file, row, code_col)? else {
            // Headings and notes have neither a code nor values.
            if columns.iter().all(|c| grid.cell(row, c.col).is_blank()) {
                continue;
            }
            return Err(missing(
                grid.location(file, row, code_col),
                format!("the location code of {name:?}"),
            ));
        };
        let Some(area) = out.area(AreaId::M49(code, &name), || grid.location(file, row, name_col))
        else {
            continue;
        };
        for c in &columns {
            if let Some(value) = persons(&grid, file, row, c.col)? {
                let provenance = grid.provenance(file, row, &c.name);
                out.area_value(indicator, area, c.year, c.sex, value, provenance)?;
            }
        }
    }
    Ok(())
}

/// The destination × origin table of the 2020 and 2024 editions (sheet `Table 1`, one
/// row per destination–origin pair).
pub(crate) fn read_bilateral(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let grid = out.workbook()?.sheet("Table 1")?;
    let (header, dest_code_col) = grid
        .find(HEADER_SEARCH_ROWS, |s| s.eq_ignore_ascii_case("Location code of destination"))
        .ok_or_else(|| {
            missing(grid.whole(file), "a header row with \"Location code of destination\"")
        })?;
    let find = |pred: &dyn Fn(&str) -> bool, what: &str| {
        (0..grid.n_cols(header))
            .find(|&c| pred(&grid.text(header, c).to_ascii_lowercase()))
            .ok_or_else(|| missing(grid.row_location(file, header), format!("a column {what:?}")))
    };
    let orig_code_col = find(&|s| s == "location code of origin", "Location code of origin")?;
    let dest_name_col = find(
        &|s| s.starts_with("region") && s.ends_with("of destination"),
        "Region, development group, country or area of destination",
    )?;
    let orig_name_col = find(
        &|s| s.starts_with("region") && s.ends_with("of origin"),
        "Region, development group, country or area of origin",
    )?;
    let columns = year_columns(&grid, file, header, orig_code_col.max(orig_name_col) + 1)?;
    let edition = edition(&grid, header).unwrap_or_else(|| {
        columns.iter().map(|c| c.year).max().map_or_else(String::new, |y| y.to_string())
    });
    out.meta.key = "undesa-ims-bilateral".to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title = title(&grid, header, "International Migrant Stock").unwrap_or_else(|| {
        format!("International Migrant Stock {edition}: Destination and origin")
    });
    out.meta.edition = edition;
    out.meta.licence = licence(&grid, header);

    for row in header + 1..grid.n_rows() {
        let dest_name = grid.text(row, dest_name_col);
        let orig_name = grid.text(row, orig_name_col);
        let dest_code = location_code(&grid, file, row, dest_code_col)?;
        let orig_code = location_code(&grid, file, row, orig_code_col)?;
        let (dest_code, orig_code) = match (dest_code, orig_code) {
            (Some(d), Some(o)) => (d, o),
            (None, None) if dest_name.is_empty() && orig_name.is_empty() => continue,
            (None, _) => {
                return Err(missing(
                    grid.location(file, row, dest_code_col),
                    "the location code of destination",
                ));
            }
            (_, None) => {
                return Err(missing(
                    grid.location(file, row, orig_code_col),
                    "the location code of origin",
                ));
            }
        };
        let dest = out
            .area(AreaId::M49(dest_code, &dest_name), || grid.location(file, row, dest_name_col));
        let orig = out
            .area(AreaId::M49(orig_code, &orig_name), || grid.location(file, row, orig_name_col));
        let (Some(dest), Some(orig)) = (dest, orig) else { continue };
        for c in &columns {
            if let Some(value) = persons(&grid, file, row, c.col)? {
                out.push_pair(PairValue {
                    indicator: Indicator::MIGRANT_STOCK,
                    from: orig,
                    to: dest,
                    year: c.year,
                    sex: c.sex,
                    value,
                    provenance: grid.provenance(file, row, &c.name),
                })?;
            }
        }
    }
    Ok(())
}

/// The Rev. 2015 origin × destination matrix (sheet `Table 16`): destinations down
/// with their M49 codes, origins across by name, `Total` first.
pub(crate) fn read_2015(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let grid = out.workbook()?.sheet("Table 16")?;
    let (header, code_col) = grid
        .find(HEADER_SEARCH_ROWS, |s| s.eq_ignore_ascii_case("Country code"))
        .ok_or_else(|| missing(grid.whole(file), "a header row with \"Country code\""))?;
    let name_col = (0..grid.n_cols(header))
        .find(|&c| {
            grid.text(header, c).to_ascii_lowercase().contains("country or area of destination")
        })
        .ok_or_else(|| {
            missing(
                grid.row_location(file, header),
                "a column \"Major area, region, country or area of destination\"",
            )
        })?;
    let origin_col = (0..grid.n_cols(header))
        .find(|&c| grid.text(header, c).eq_ignore_ascii_case("Country of origin"))
        .ok_or_else(|| {
            missing(grid.row_location(file, header), "a column \"Country of origin\"")
        })?;
    let names_row = header + 1;
    let title = title(&grid, header, "Table 16");
    let year = title
        .as_deref()
        .and_then(|t| t.rsplit(", ").next())
        .and_then(|y| Year::parse(y).ok())
        .ok_or_else(|| missing(grid.whole(file), "a title \"Table 16. … , <year>\""))?;
    out.meta.key = "undesa-ims-bilateral".to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title = title.unwrap_or_default();
    out.meta.edition = edition(&grid, header).unwrap_or_else(|| year.to_string());
    out.meta.licence = licence(&grid, header);

    // Origins across: `Total` is the destination's total; the rest are areas.
    let mut total_col = None;
    let mut origins = Vec::new();
    for col in origin_col..grid.n_cols(names_row) {
        let name = grid.text(names_row, col);
        if name.is_empty() {
            continue;
        }
        if name.eq_ignore_ascii_case("Total") {
            total_col = Some((col, grid.column_name(col)));
            continue;
        }
        if let Some(area) = out.area(AreaId::Name(&name), || grid.location(file, names_row, col)) {
            origins.push((col, area, grid.column_name(col)));
        }
    }
    for row in names_row + 1..grid.n_rows() {
        let name = grid.text(row, name_col);
        let Some(code) = location_code(&grid, file, row, code_col)? else {
            if name.is_empty() {
                continue;
            }
            return Err(missing(
                grid.location(file, row, code_col),
                format!("the country code of {name:?}"),
            ));
        };
        let Some(dest) = out.area(AreaId::M49(code, &name), || grid.location(file, row, name_col))
        else {
            continue;
        };
        if let Some((col, column)) = &total_col
            && let Some(value) = persons(&grid, file, row, *col)?
        {
            let provenance = grid.provenance(file, row, column);
            out.area_value(Indicator::IMMIGRANT_STOCK, dest, year, Sex::Total, value, provenance)?;
        }
        for (col, orig, column) in &origins {
            if let Some(value) = persons(&grid, file, row, *col)? {
                out.push_pair(PairValue {
                    indicator: Indicator::MIGRANT_STOCK,
                    from: *orig,
                    to: dest,
                    year,
                    sex: Sex::Total,
                    value,
                    provenance: grid.provenance(file, row, column),
                })?;
            }
        }
    }
    Ok(())
}

/// The 2019 matrix as CSV: `Year,Dest,<origin names>…`, both sexes. Zeros are not
/// stored: this export writes 0 where the UN workbook has no estimate.
pub(crate) fn read_2019_csv(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    grid.set_header(0);
    if grid.text(0, 0) != "Year" || grid.text(0, 1) != "Dest" {
        return Err(missing(Location::line(file, 1), "a header \"Year,Dest,<origin names>…\""));
    }
    out.meta.key = "undesa-ims-bilateral".to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title =
        "International Migrant Stock 2019: origin × destination (CSV export)".to_owned();
    out.meta.edition = "2019".to_owned();
    out.meta.licence = None;

    let mut origins = Vec::new();
    for col in 2..grid.n_cols(0) {
        let name = grid.text(0, col);
        if name.is_empty() {
            return Err(missing(grid.location(file, 0, col), "an origin name"));
        }
        if let Some(area) = out.area(AreaId::Name(&name), || grid.location(file, 0, col)) {
            origins.push((col, area, grid.column_name(col)));
        }
    }
    let mut zeros = 0usize;
    for row in 1..grid.n_rows() {
        if (0..grid.n_cols(row)).all(|c| grid.cell(row, c).is_blank()) {
            continue;
        }
        let year = Year::parse(&grid.text(row, 0))
            .map_err(|_| bad_value(grid.location(file, row, 0), "a year", grid.text(row, 0)))?;
        let name = grid.text(row, 1);
        let Some(dest) = out.area(AreaId::Name(&name), || grid.location(file, row, 1)) else {
            continue;
        };
        for (col, orig, column) in &origins {
            match persons(&grid, file, row, *col)? {
                None => {}
                Some(0.0) => zeros += 1,
                Some(value) => out.push_pair(PairValue {
                    indicator: Indicator::MIGRANT_STOCK,
                    from: *orig,
                    to: dest,
                    year,
                    sex: Sex::Total,
                    value,
                    provenance: grid.provenance(file, row, column),
                })?,
            }
        }
    }
    if zeros > 0 {
        out.note(
            Location::file(file),
            format!("{zeros} cells holding 0 were not stored (this export writes 0 where the UN table has no estimate)"),
        );
    }
    Ok(())
}

/// World Population Prospects net migration in long form: `country_code,year,mig`
/// with M49 codes and values in thousands (as the `wpp` R packages publish
/// `mig1dt`). Values are stored in persons (multiplied by 1,000).
pub(crate) fn read_wpp_net_migration(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    grid.set_header(0);
    for (col, name) in ["country_code", "year", "mig"].into_iter().enumerate() {
        if grid.text(0, col) != name {
            return Err(missing(grid.location(file, 0, col), format!("the column {name:?}")));
        }
    }
    let edition = crate::wpp::year_in_name(file).unwrap_or_default();
    out.meta.key = "wpp-net-migration".to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title = format!("World Population Prospects {edition}: net migration (thousands)")
        .replace("  ", " ");
    out.meta.edition = edition;
    out.meta.licence = Some("CC BY 3.0 IGO".to_owned());
    let column = grid.column_name(2);
    for row in 1..grid.n_rows() {
        let Some(code) = location_code(&grid, file, row, 0)? else { continue };
        let Some(area) = out.area(AreaId::M49(code, ""), || grid.location(file, row, 0)) else {
            continue;
        };
        let year_text = grid.text(row, 1);
        let year = Year::parse(&year_text)
            .map_err(|_| bad_value(grid.location(file, row, 1), "a year", year_text.clone()))?;
        if let Value::Number(thousands) =
            grid.value(file, row, 2, "a number of thousands of persons")?
        {
            let provenance = grid.provenance(file, row, &column);
            out.area_value(
                Indicator::NET_MIGRATION,
                area,
                year,
                Sex::Total,
                thousands * 1000.0,
                provenance,
            )?;
        }
    }
    Ok(())
}
