//! Sri Lanka Bureau of Foreign Employment (SLBFE): registrations for foreign employment
//! by destination country and manpower level, one year (`data.json`, transcribed from
//! Table 1.6 of the SLBFE's annual statistical report by the Lanka Data Foundation).
//!
//! **Layout.** A JSON object `{"columns": ["Country", "Skilled Male", "Skilled Female",
//! "Low Skilled Male", "Low Skilled Female"], "rows": [["Kuwait", 16435, …], …]}`;
//! `Other` is the rest of the world (reported, not stored).
//!
//! **Stored** (persons): `DEPLOYMENTS_SKILLED` and `DEPLOYMENTS_LOW_SKILLED` for males,
//! females and both sexes (their sum), and [`Indicator::DEPLOYMENTS`] = skilled +
//! low-skilled, by sex and in total. Zeros are stored (the table is complete).
//! Provenance: the 1-based position of the row in `rows` and the column name (for a
//! sum, the columns added).
//!
//! **Year and country.** `data.json` states neither (its companion `metadata.json`
//! does, in words). They are taken from the path under which the file was found
//! ([`crate::ReadOptions::path`], else the file name): the country must be named
//! (`sri_lanka`, `sri-lanka`, `srilanka` or `slbfe`) and the year is the last
//! four-digit year in it (`sri_lanka_slbfe_2024/data.json` → Sri Lanka, 2024). A note
//! says so; without them the file is refused.
//!
//! **Limits.** A file over [`MAX_BYTES`] (1 MiB) is refused before it is parsed.

use domain::{Indicator, Iso3, Provenance, Sex, Year};
use serde::Deserialize;

use super::{Deployment, PERSONS, destination, push};
use crate::error::{ImportError, ImportErrorKind, Location};
use crate::read::{Builder, bad_value, missing};

/// The largest file read (the 2024 table has 1.7 KB).
pub(crate) const MAX_BYTES: usize = 1 << 20;

/// The origin of every value.
const SRI_LANKA: Iso3 = Iso3::from_static("LKA");

/// The columns, in order.
const COLUMNS: [&str; 5] =
    ["Country", "Skilled Male", "Skilled Female", "Low Skilled Male", "Low Skilled Female"];

/// The JSON object.
#[derive(Deserialize)]
struct Table {
    columns: Vec<String>,
    rows: Vec<Vec<serde_json::Value>>,
}

/// Whether the bytes are the SLBFE table: a JSON object whose `columns` are [`COLUMNS`].
pub(crate) fn is_table(bytes: &[u8]) -> bool {
    bytes.len() <= MAX_BYTES
        && serde_json::from_slice::<Table>(bytes).is_ok_and(|t| columns_match(&t.columns))
}

fn columns_match(columns: &[String]) -> bool {
    columns.len() == COLUMNS.len()
        && columns.iter().zip(COLUMNS).all(|(c, e)| c.trim().eq_ignore_ascii_case(e))
}

/// The year from the path (the last four-digit year in it), if it names Sri Lanka.
fn year_of(path: &str) -> Option<i64> {
    let lower = path.to_ascii_lowercase();
    let named = ["sri_lanka", "sri-lanka", "srilanka", "sri lanka", "slbfe"]
        .iter()
        .any(|n| lower.contains(n));
    if !named {
        return None;
    }
    lower
        .split(|c: char| !c.is_ascii_digit())
        .rev()
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i64>().ok())
        .find(|y| (1970..=2100).contains(y))
}

/// Reads the table.
pub(crate) fn read(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    if out.bytes.len() > MAX_BYTES {
        return Err(ImportError::new(
            Location::file(file),
            ImportErrorKind::Unreadable {
                expected: format!("an SLBFE table of at most {MAX_BYTES} bytes"),
                detail: format!("the file has {} bytes", out.bytes.len()),
            },
        ));
    }
    let table: Table = serde_json::from_slice(out.bytes).map_err(|e| {
        let mut location = Location::line(file, u32::try_from(e.line()).unwrap_or(u32::MAX));
        location.column = Some(format!("character {}", e.column()));
        ImportError::new(
            location,
            ImportErrorKind::Unreadable {
                expected: "a JSON object {\"columns\": […], \"rows\": [[country, numbers…]…]}"
                    .to_owned(),
                detail: e.to_string(),
            },
        )
    })?;
    if !columns_match(&table.columns) {
        let mut location = Location::file(file);
        location.column = Some("columns".to_owned());
        return Err(bad_value(location, COLUMNS.join(", "), table.columns.join(", ")));
    }
    let path = out.path().unwrap_or(file);
    let year = year_of(path).and_then(|y| Year::new(y).ok()).ok_or_else(|| {
        missing(
            Location::file(file),
            "Sri Lanka (`sri_lanka` or `slbfe`) and the year in the file's path (e.g. \
             `sri_lanka_slbfe_2024/data.json`): data.json states neither",
        )
    })?;
    out.meta.key = "slbfe-registrations".to_owned();
    out.meta.publisher = "Sri Lanka Bureau of Foreign Employment (transcribed by the Lanka \
                          Data Foundation)"
        .to_owned();
    out.meta.title = format!(
        "Migrant employees' registrations with the SLBFE by country and manpower level, {year}"
    );
    out.meta.edition = year.to_string();
    out.note(
        Location::file(file),
        format!(
            "origin Sri Lanka and year {year} taken from the path {path:?}: data.json states \
             neither"
        ),
    );
    for (i, row) in table.rows.iter().enumerate() {
        read_row(out, i, row, year)?;
    }
    Ok(())
}

/// The location of a cell: the row's 1-based position in `rows`, the column name.
fn cell(file: &str, i: usize, column: &str) -> Location {
    Location {
        file: file.to_owned(),
        sheet: None,
        row: Some(u32::try_from(i + 1).unwrap_or(u32::MAX)),
        column: Some(column.to_owned()),
    }
}

/// Reads one row: the country and its four numbers.
fn read_row(
    out: &mut Builder<'_>,
    i: usize,
    row: &[serde_json::Value],
    year: Year,
) -> Result<(), ImportError> {
    let file = out.file;
    if row.len() != COLUMNS.len() {
        return Err(bad_value(
            cell(file, i, "rows"),
            format!("{} cells", COLUMNS.len()),
            format!("{} cells", row.len()),
        ));
    }
    let name = row[0]
        .as_str()
        .ok_or_else(|| bad_value(cell(file, i, COLUMNS[0]), "a country name", row[0].to_string()))?
        .trim();
    let mut v = [0.0; 4];
    for (k, slot) in v.iter_mut().enumerate() {
        let column = COLUMNS[k + 1];
        *slot = row[k + 1]
            .as_f64()
            .filter(|n| n.is_finite() && *n >= 0.0)
            .ok_or_else(|| bad_value(cell(file, i, column), PERSONS, row[k + 1].to_string()))?;
    }
    let Some(destination) = destination(out, name, || cell(file, i, COLUMNS[0])) else {
        return Ok(());
    };
    let [sm, sf, lm, lf] = v;
    let values = [
        (Indicator::DEPLOYMENTS_SKILLED, Sex::Male, sm, "Skilled Male"),
        (Indicator::DEPLOYMENTS_SKILLED, Sex::Female, sf, "Skilled Female"),
        (Indicator::DEPLOYMENTS_SKILLED, Sex::Total, sm + sf, "Skilled Male + Skilled Female"),
        (Indicator::DEPLOYMENTS_LOW_SKILLED, Sex::Male, lm, "Low Skilled Male"),
        (Indicator::DEPLOYMENTS_LOW_SKILLED, Sex::Female, lf, "Low Skilled Female"),
        (
            Indicator::DEPLOYMENTS_LOW_SKILLED,
            Sex::Total,
            lm + lf,
            "Low Skilled Male + Low Skilled Female",
        ),
        (Indicator::DEPLOYMENTS, Sex::Male, sm + lm, "Skilled Male + Low Skilled Male"),
        (Indicator::DEPLOYMENTS, Sex::Female, sf + lf, "Skilled Female + Low Skilled Female"),
        (
            Indicator::DEPLOYMENTS,
            Sex::Total,
            sm + sf + lm + lf,
            "Skilled Male + Skilled Female + Low Skilled Male + Low Skilled Female",
        ),
    ];
    let position = u32::try_from(i + 1).unwrap_or(u32::MAX);
    for (indicator, sex, value, column) in values {
        let provenance = Provenance {
            file: file.to_owned(),
            sheet: None,
            row: Some(position),
            column: Some(column.to_owned()),
        };
        let d =
            Deployment { indicator, origin: SRI_LANKA, destination, year, sex, value, provenance };
        push(out, d)?;
    }
    Ok(())
}
