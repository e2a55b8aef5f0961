//! World Development Indicators: the bulk download (CSV and legacy workbook), a
//! series in long form, DataBank exports and the World Bank API v2 JSON.
//!
//! Series are matched to Coherence's indicators by [`Indicator::wdi_code`]; series
//! Coherence does not store are reported in one diagnostic each and skipped. Values
//! are stored as published (WDI already uses base units: persons, current US$, %).
//! Economies are identified by their World Bank code (ISO alpha-3 for all but a few);
//! World Bank aggregates (`WLD`, `SSF`, `HIC`…) are not stored.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::HashSet;

use domain::dataset::AreaValue;
use domain::{Indicator, Provenance, Sex, Year};

use crate::error::{ImportError, ImportErrorKind, Location};
use crate::grid::{Grid, Value};
use crate::read::{AreaId, Builder, bad_value, missing};

/// The publisher.
const PUBLISHER: &str = "World Bank";
/// The licence the World Bank states for WDI data (in DataBank's series metadata and
/// the data catalogue).
const LICENCE: &str = "CC BY 4.0";
/// What a value cell must hold.
const NUMBER: &str = "a number";

/// The year at the start of a header such as `1990`, `2017 [YR2017]`.
fn header_year(text: &str) -> Option<Year> {
    let digits: String = text.trim().chars().take_while(char::is_ascii_digit).collect();
    if digits.len() == 4 { Year::parse(&digits).ok() } else { None }
}

/// Fills the metadata common to WDI files.
fn meta(out: &mut Builder<'_>, key: String, title: String, edition: String) {
    out.meta.key = key;
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title = title;
    out.meta.edition = edition;
    out.meta.licence = Some(LICENCE.to_owned());
}

/// Looks up the indicator of a series code, reporting a series Coherence does not
/// store once.
fn indicator(
    out: &mut Builder<'_>,
    skipped: &mut HashSet<String>,
    code: &str,
    location: impl FnOnce() -> Location,
) -> Option<Indicator> {
    let found = Indicator::by_wdi_code(code.trim());
    if found.is_none() && skipped.insert(code.trim().to_owned()) {
        out.note(
            location(),
            format!("series {:?} is not one Coherence stores; skipped", code.trim()),
        );
    }
    found
}

/// Converts an Excel serial date to `YYYY-MM-DD`.
fn excel_date(serial: f64) -> String {
    // Days since 1970-01-01; Excel's day 25569 is 1970-01-01 (1900 date system).
    let days = serial.floor() as i64 - 25569;
    let (y, m, d) = domain::time::civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The bulk layout: optional metadata lines (`Data Source`, `Last Updated Date`), a
/// header `Country Name, Country Code, Indicator Name, Indicator Code, 1960, …`, one
/// row per economy.
fn read_bulk(out: &mut Builder<'_>, mut grid: Grid) -> Result<(), ImportError> {
    let file = out.file;
    let header = (0..grid.n_rows().min(10))
        .find(|&r| grid.text(r, 0) == "Country Name" && grid.text(r, 1) == "Country Code")
        .ok_or_else(|| missing(grid.whole(file), "a header row \"Country Name\", \"Country Code\", \"Indicator Name\", \"Indicator Code\""))?;
    grid.set_header(header);
    if grid.text(header, 3) != "Indicator Code" {
        return Err(missing(grid.location(file, header, 3), "the column \"Indicator Code\""));
    }
    let updated = (0..header).find(|&r| grid.text(r, 0) == "Last Updated Date").map(|r| match grid
        .cell(r, 1)
    {
        crate::grid::Cell::Number(serial) => excel_date(serial),
        cell => cell.text().trim().to_owned(),
    });
    let years: Vec<(usize, Year, String)> = (4..grid.n_cols(header))
        .filter_map(|c| header_year(&grid.text(header, c)).map(|y| (c, y, grid.column_name(c))))
        .collect();
    if years.is_empty() {
        return Err(missing(grid.row_location(file, header), "year columns (1960, 1961, …)"));
    }
    let first = header + 1;
    let code = grid.text(first, 3).into_owned();
    let name = grid.text(first, 2).into_owned();
    let last_year = years.iter().map(|y| y.1).max().map_or_else(String::new, |y| y.to_string());
    meta(
        out,
        format!("wdi-{}", code.to_ascii_lowercase()),
        format!("World Development Indicators: {name} [{code}]"),
        updated.map_or(last_year, |u| format!("last updated {u}")),
    );
    let mut skipped = HashSet::new();
    for row in first..grid.n_rows() {
        let wb_code = grid.text(row, 1);
        if wb_code.is_empty() {
            if (0..grid.n_cols(row)).all(|c| grid.cell(row, c).is_blank()) {
                continue;
            }
            return Err(missing(grid.location(file, row, 1), "a country code"));
        }
        let series = grid.text(row, 3);
        let Some(indicator) = indicator(out, &mut skipped, &series, || grid.location(file, row, 3))
        else {
            continue;
        };
        let name = grid.text(row, 0);
        let Some(area) = out.area(AreaId::Wb(&wb_code, &name), || grid.location(file, row, 1))
        else {
            continue;
        };
        for (col, year, column) in &years {
            if let Value::Number(value) = grid.value(file, row, *col, NUMBER)? {
                let provenance = grid.provenance(file, row, column);
                out.area_value(indicator, area, *year, Sex::Total, value, provenance)?;
            }
        }
    }
    Ok(())
}

/// A WDI bulk CSV (`API_<code>_DS2_*.csv`), with or without its metadata lines.
pub(crate) fn read_bulk_csv(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let grid = out.csv()?;
    read_bulk(out, grid)
}

/// A WDI bulk workbook (`API_<code>_DS2_*.xls`, sheet `Data`).
pub(crate) fn read_bulk_xls(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let grid = out.workbook()?.sheet("Data")?;
    read_bulk(out, grid)
}

/// One series in long form: `Country Name,Country Code,Year,Value`. The file states
/// no series code, so the file name must contain one Coherence knows (e.g.
/// `wb_SP.POP.TOTL_population.csv`).
pub(crate) fn read_long_csv(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    grid.set_header(0);
    for (col, name) in ["Country Name", "Country Code", "Year", "Value"].into_iter().enumerate() {
        if grid.text(0, col) != name {
            return Err(missing(grid.location(file, 0, col), format!("the column {name:?}")));
        }
    }
    let indicator = Indicator::ALL
        .into_iter()
        .filter(|i| i.wdi_code.is_some_and(|c| file.contains(c)))
        .max_by_key(|i| i.wdi_code.map_or(0, str::len))
        .ok_or_else(|| {
            missing(
                Location::file(file),
                "a WDI series code in the file name, e.g. \"…_SP.POP.TOTL_…\"",
            )
        })?;
    let code = indicator.wdi_code.unwrap_or_default();
    meta(
        out,
        format!("wdi-{}", code.to_ascii_lowercase()),
        format!("World Development Indicators: {} [{code}]", indicator.title),
        String::new(),
    );
    let column = grid.column_name(3);
    let mut last = None;
    for row in 1..grid.n_rows() {
        let wb_code = grid.text(row, 1);
        if wb_code.is_empty() {
            continue;
        }
        let year_text = grid.text(row, 2);
        let year = Year::parse(&year_text)
            .map_err(|_| bad_value(grid.location(file, row, 2), "a year", year_text.clone()))?;
        let name = grid.text(row, 0);
        let Some(area) = out.area(AreaId::Wb(&wb_code, &name), || grid.location(file, row, 1))
        else {
            continue;
        };
        if let Value::Number(value) = grid.value(file, row, 3, NUMBER)? {
            last = last.max(Some(year));
            let provenance = grid.provenance(file, row, &column);
            out.area_value(indicator, area, year, Sex::Total, value, provenance)?;
        }
    }
    out.meta.edition = last.map_or_else(String::new, |y| format!("to {y}"));
    Ok(())
}

/// The date of a DataBank footer line `Last Updated: 10/18/2018`.
fn databank_updated(grid: &Grid) -> Option<String> {
    let (r, c) = grid.find(grid.n_rows(), |s| s.starts_with("Last Updated:"))?;
    Some(grid.text(r, c)["Last Updated:".len()..].trim().to_owned())
}

/// A DataBank export with series down: `Series Name, Series Code, Country Name,
/// Country Code, 2017 [YR2017], …`; footer lines below a blank row.
pub(crate) fn read_databank(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = if file.to_ascii_lowercase().ends_with(".csv") {
        out.csv()?
    } else {
        out.workbook()?.sheet("Data")?
    };
    grid.set_header(0);
    for (col, name) in ["Series Name", "Series Code"].into_iter().enumerate() {
        if grid.text(0, col) != name {
            return Err(missing(grid.location(file, 0, col), format!("the column {name:?}")));
        }
    }
    // The country dimension: "Country Name, Country Code", or as the Remittance Prices
    // Worldwide databases name it, "Receiving Countries  Name, Receiving Countries  Code".
    let (dim_name, dim_code) = (grid.text(0, 2), grid.text(0, 3));
    let dimension = dim_name.strip_suffix("Name").filter(|d| d.contains("Countr"));
    if dimension.is_none_or(|d| dim_code.strip_suffix("Code") != Some(d)) {
        return Err(missing(
            grid.location(file, 0, 2),
            "the columns \"Country Name\" and \"Country Code\" (or another country dimension's Name and Code)",
        ));
    }
    let years: Vec<(usize, Year, String)> = (4..grid.n_cols(0))
        .filter_map(|c| header_year(&grid.text(0, c)).map(|y| (c, y, grid.column_name(c))))
        .collect();
    if years.is_empty() {
        return Err(missing(grid.row_location(file, 0), "year columns (\"2017 [YR2017]\", …)"));
    }
    let updated = databank_updated(&grid);
    let codes: Vec<String> = {
        let mut seen = Vec::new();
        for row in 1..grid.n_rows() {
            let code = grid.text(row, 1).into_owned();
            if !code.is_empty() && !seen.contains(&code) {
                seen.push(code);
            }
        }
        seen
    };
    let key = match codes.as_slice() {
        [one] => format!("wdi-{}", one.to_ascii_lowercase()),
        _ => "wdi-databank".to_owned(),
    };
    let title = match codes.as_slice() {
        [one] => {
            format!("World Development Indicators: {} [{one}] (DataBank export)", grid.text(1, 0))
        }
        _ => "World Development Indicators (DataBank export)".to_owned(),
    };
    meta(out, key, title, updated.map_or_else(String::new, |u| format!("last updated {u}")));
    let mut skipped = HashSet::new();
    for row in 1..grid.n_rows() {
        let wb_code = grid.text(row, 3);
        let series = grid.text(row, 1);
        if wb_code.is_empty() || series.is_empty() {
            continue;
        }
        let Some(indicator) = indicator(out, &mut skipped, &series, || grid.location(file, row, 1))
        else {
            continue;
        };
        let name = grid.text(row, 2);
        let Some(area) = out.area(AreaId::Wb(&wb_code, &name), || grid.location(file, row, 3))
        else {
            continue;
        };
        for (col, year, column) in &years {
            if let Value::Number(value) = grid.value(file, row, *col, NUMBER)? {
                let provenance = grid.provenance(file, row, column);
                out.area_value(indicator, area, *year, Sex::Total, value, provenance)?;
            }
        }
    }
    Ok(())
}

/// A DataBank export with years down and series across: `Time, Time Code, Country
/// Name, Country Code, <series name> [<code>], …`.
pub(crate) fn read_databank_by_series(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = if file.to_ascii_lowercase().ends_with(".csv") {
        out.csv()?
    } else {
        out.workbook()?.sheet("Data")?
    };
    grid.set_header(0);
    for (col, name) in ["Time", "Time Code", "Country Name", "Country Code"].into_iter().enumerate()
    {
        if grid.text(0, col) != name {
            return Err(missing(grid.location(file, 0, col), format!("the column {name:?}")));
        }
    }
    let mut series = Vec::new();
    let mut skipped = 0usize;
    for col in 4..grid.n_cols(0) {
        let header = grid.text(0, col);
        let code =
            header.rsplit_once('[').map(|(_, c)| c.trim_end_matches(']').trim()).unwrap_or("");
        match Indicator::by_wdi_code(code) {
            Some(indicator) => series.push((col, indicator, grid.column_name(col))),
            None => skipped += 1,
        }
    }
    if skipped > 0 {
        out.note(
            grid.row_location(file, 0),
            format!(
                "{skipped} series are not ones Coherence stores; skipped ({} read)",
                series.len()
            ),
        );
    }
    let updated = databank_updated(&grid);
    meta(
        out,
        "wdi-databank".to_owned(),
        "World Development Indicators (DataBank export)".to_owned(),
        updated.map_or_else(String::new, |u| format!("last updated {u}")),
    );
    for row in 1..grid.n_rows() {
        let wb_code = grid.text(row, 3);
        if wb_code.is_empty() {
            continue;
        }
        let time = grid.text(row, 0);
        let year = Year::parse(&time)
            .map_err(|_| bad_value(grid.location(file, row, 0), "a year", time.clone()))?;
        let name = grid.text(row, 2);
        let Some(area) = out.area(AreaId::Wb(&wb_code, &name), || grid.location(file, row, 3))
        else {
            continue;
        };
        for (col, indicator, column) in &series {
            if let Value::Number(value) = grid.value(file, row, *col, NUMBER)? {
                let provenance = grid.provenance(file, row, column);
                out.area_value(*indicator, area, year, Sex::Total, value, provenance)?;
            }
        }
    }
    Ok(())
}

/// The World Bank API v2 JSON: `[{"page":…, "lastupdated":…}, [{"indicator": {"id":…},
/// "country": {"id":…, "value":…}, "countryiso3code":…, "date":…, "value":…}, …]]`.
///
/// Provenance: the row is the 1-based position of the record in the data array and
/// the column is `value`.
pub(crate) fn read_api_json(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let json: serde_json::Value = serde_json::from_slice(out.bytes).map_err(|e| {
        ImportError::new(
            Location::line(file, u32::try_from(e.line()).unwrap_or(u32::MAX)),
            ImportErrorKind::Unreadable {
                expected: "World Bank API v2 JSON".to_owned(),
                detail: e.to_string(),
            },
        )
    })?;
    let (page, records) = match json.as_array().map(Vec::as_slice) {
        Some([page, serde_json::Value::Array(records)]) => (page, records),
        _ => {
            // The API answers errors as `[{"message": […]}]`.
            return Err(missing(Location::file(file), "an array [page information, [records…]]"));
        }
    };
    let updated = page.get("lastupdated").and_then(serde_json::Value::as_str).map(str::to_owned);
    let first_code = records
        .first()
        .and_then(|r| r.pointer("/indicator/id"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or("")
        .to_owned();
    let first_name = records
        .first()
        .and_then(|r| r.pointer("/indicator/value"))
        .and_then(serde_json::Value::as_str)
        .unwrap_or("");
    meta(
        out,
        format!("wdi-{}", first_code.to_ascii_lowercase()),
        format!("World Development Indicators: {first_name} [{first_code}] (API)"),
        updated.map_or_else(String::new, |u| format!("last updated {u}")),
    );
    let mut skipped = HashSet::new();
    for (i, record) in records.iter().enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let field = |pointer: &str| {
            record.pointer(pointer).and_then(serde_json::Value::as_str).unwrap_or("").trim()
        };
        let code = field("/indicator/id");
        let Some(indicator) =
            indicator(out, &mut skipped, code, || Location::csv(file, row, "indicator"))
        else {
            continue;
        };
        let iso3 = match field("/countryiso3code") {
            "" => field("/country/id"),
            code => code,
        };
        let name = field("/country/value");
        let Some(area) =
            out.area(AreaId::Wb(iso3, name), || Location::csv(file, row, "countryiso3code"))
        else {
            continue;
        };
        let date = field("/date");
        let year = Year::parse(date)
            .map_err(|_| bad_value(Location::csv(file, row, "date"), "a year", date))?;
        let value = match record.get("value") {
            None | Some(serde_json::Value::Null) => continue,
            Some(serde_json::Value::Number(n)) => n.as_f64(),
            Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
            Some(_) => None,
        };
        let value = value.ok_or_else(|| {
            bad_value(
                Location::csv(file, row, "value"),
                NUMBER,
                record.get("value").map(ToString::to_string).unwrap_or_default(),
            )
        })?;
        out.push_value(AreaValue {
            indicator,
            area,
            year,
            sex: Sex::Total,
            value,
            provenance: Provenance::csv(file, row, "value"),
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(45056.0), "2023-05-10");
        assert_eq!(excel_date(25569.0), "1970-01-01");
    }

    #[test]
    fn header_years() {
        assert_eq!(header_year("2017 [YR2017]").map(Year::get), Some(2017));
        assert_eq!(header_year("1960").map(Year::get), Some(1960));
        assert_eq!(header_year("Country"), None);
    }
}
