//! UNHCR Refugee Data Finder, population figures exported as CSV (`population.csv`):
//! an optional preamble (`Extracted:,"United Nations High Commissioner for Refugees"`,
//! `Date extracted:`, `Last updated:`, the licence, the population types and filters
//! chosen), then the header `Year, Country of origin, Country of origin (ISO), Country
//! of asylum, Country of asylum (ISO)` followed by one column per population type the
//! export includes, then one line per year, country of origin and country of asylum.
//! Values are end-year stocks of persons; `-` means not applicable. The header is
//! looked for among the first [`MAX_PREAMBLE`] lines; every line after it must have as
//! many fields as the header, and every header must be one of the export's.
//!
//! Stored, for the line's year, both sexes, in persons:
//!
//! * [`Indicator::REFUGEES`] (`Refugees under UNHCR's mandate`),
//!   [`Indicator::ASYLUM_SEEKERS`] (`Asylum-seekers`) and
//!   [`Indicator::OTHERS_IN_NEED_OF_PROTECTION`] (`Other people in need of international
//!   protection`) as pairs (origin → asylum);
//! * [`Indicator::IDPS`] (`IDPs of concern to UNHCR`) as a value of the country, on the
//!   lines whose origin and asylum are the same country. A non-zero IDP figure on any
//!   other line is an error: internally displaced persons are in their own country, and
//!   the export never has one elsewhere.
//!
//! Not stored, each with a diagnostic giving its total: `Stateless persons`, `Host
//! Community` and `Others of concern` (no indicator measures them: they are neither
//! displacement across a border nor within the country). Zero cells are not stored (a
//! missing pair means zero), nor are `-` cells; both are counted in diagnostics, per
//! column. Pairs whose origin and asylum are the same country are not stored either
//! (counted, with their persons).
//!
//! **Codes.** Areas are read from the ISO columns alone (the name beside the code serves
//! only in messages): a real ISO alpha-3 code of the area table. UNHCR's own codes for
//! what is not a country — `UKN`/`UNK` (unknown origin), `XXA`/`STA` (stateless),
//! `TIB` (Tibetan) — are not stored; one diagnostic per code gives its lines and
//! persons. Any other code stops the import as an unknown area (named `name (code)`;
//! skipped and reported with [`crate::UnknownAreas::Skip`]), or is reported as an
//! aggregate if it is a World Bank aggregate code.
//! `SRB` ("Serbia and Kosovo: S/RES/1244 (1999)") is stored as Serbia and includes
//! Kosovo (a diagnostic says so).
//!
//! **Metadata.** Title from the preamble's `Data table contains the following:` and
//! `Content type`; edition the `Last updated:` date (`2024-06-13`), failing that the
//! `Date extracted:` date, failing both the years covered; licence from `Usage
//! licence`.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::HashMap;

use domain::dataset::PairValue;
use domain::{Indicator, Iso3, Sex, Year};

use crate::areas::{self, AreaMatch};
use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value, number_text};
use crate::read::{AreaId, Builder, bad_value, missing};

/// The first cell of the header row.
const YEAR: &str = "Year";
/// The column of the origin's code.
const ORIGIN_ISO: &str = "Country of origin (ISO)";
/// The column of the origin's name.
const ORIGIN_NAME: &str = "Country of origin";
/// The column of the country of asylum's code.
const ASYLUM_ISO: &str = "Country of asylum (ISO)";
/// The column of the country of asylum's name.
const ASYLUM_NAME: &str = "Country of asylum";
/// The publisher as the preamble's first line names it.
const PUBLISHER_LINE: &str = "United Nations High Commissioner for Refugees";
/// The header is looked for among this many first lines (the preamble has 14).
const MAX_PREAMBLE: usize = 64;
/// What a population cell must hold.
const PERSONS: &str = "a non-negative number of persons, or \"-\"";

/// What becomes of a population column.
#[derive(Clone, Copy, Debug)]
enum Role {
    /// Stored as pairs (origin → asylum).
    Pair(Indicator),
    /// Stored as the country's value where origin and asylum are the same.
    Idp,
    /// Not stored, for the reason given.
    NotStored(&'static str),
}

/// The population columns a Refugee Data Finder export may hold, and their roles.
const POPULATIONS: [(&str, Role); 7] = [
    ("Refugees under UNHCR's mandate", Role::Pair(Indicator::REFUGEES)),
    ("Asylum-seekers", Role::Pair(Indicator::ASYLUM_SEEKERS)),
    ("IDPs of concern to UNHCR", Role::Idp),
    (
        "Other people in need of international protection",
        Role::Pair(Indicator::OTHERS_IN_NEED_OF_PROTECTION),
    ),
    ("Stateless persons", Role::NotStored("no indicator measures statelessness")),
    ("Host Community", Role::NotStored("members of host communities are not displaced persons")),
    ("Others of concern", Role::NotStored("a residual category of UNHCR's own, not displacement")),
];

/// UNHCR's codes for origins that are not a country, with what they stand for.
const NOT_COUNTRIES: [(&str, &str); 5] = [
    ("UKN", "unknown origin"),
    ("UNK", "unknown origin"),
    ("XXA", "stateless"),
    ("STA", "stateless"),
    ("TIB", "Tibetan"),
];

/// Whether the beginning of a text file is a Refugee Data Finder export: its preamble
/// names UNHCR, or its header is among the first lines (for [`crate::detect`]).
pub(crate) fn is_export(head: &str) -> bool {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(head.as_bytes());
    for (i, record) in reader.records().take(MAX_PREAMBLE).enumerate() {
        let Ok(record) = record else { return false };
        let field = |k: usize| record.get(k).map_or("", str::trim);
        if i == 0 && field(0) == "Extracted:" && field(1) == PUBLISHER_LINE {
            return true;
        }
        if is_header(&record) {
            return true;
        }
    }
    false
}

/// Whether a record is the export's header: `Year` first, and both ISO columns.
fn is_header(record: &csv::StringRecord) -> bool {
    let has = |name: &str| record.iter().any(|f| f.trim() == name);
    record.get(0).map(str::trim) == Some(YEAR) && has(ORIGIN_ISO) && has(ASYLUM_ISO)
}

/// A population column of the file.
struct Population {
    col: usize,
    name: &'static str,
    role: Role,
    /// Cells holding `-` (or nothing).
    missing: usize,
    /// Zero cells.
    zeros: usize,
    /// Persons in cells not stored because of the column (`NotStored`).
    persons: f64,
    /// Lines with the same origin and asylum (pairs only), and their persons.
    same: (usize, f64),
}

/// The columns of the file.
struct Columns {
    /// The number of fields of the header, which every line must have.
    width: usize,
    year: usize,
    origin: usize,
    origin_name: Option<usize>,
    asylum: usize,
    asylum_name: Option<usize>,
    populations: Vec<Population>,
}

/// An origin code that is not a country: what it is, its name, first line, lines and
/// persons per population column.
struct NotCountry {
    what: &'static str,
    name: String,
    first_row: usize,
    rows: usize,
    persons: Vec<f64>,
}

/// What a reading has found so far.
struct State {
    areas: HashMap<String, Option<Iso3>>,
    not_countries: Vec<(&'static str, NotCountry)>,
    years: Option<(i64, i64)>,
}

/// Reads a Refugee Data Finder population export.
pub(crate) fn read(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    let header = (0..grid.n_rows().min(MAX_PREAMBLE))
        .find(|&r| grid.text(r, 0) == YEAR && grid.n_cols(r) > 1)
        .ok_or_else(|| {
            missing(
                grid.row_location(file, grid.n_rows().min(MAX_PREAMBLE)),
                format!(
                    "the Refugee Data Finder header (\"Year\", {ORIGIN_NAME:?}, \
                     {ORIGIN_ISO:?}, {ASYLUM_NAME:?}, {ASYLUM_ISO:?}, population types…)"
                ),
            )
        })?;
    grid.set_header(header);
    read_preamble(out, &grid, header)?;
    let mut columns = columns(file, &grid, header)?;
    let mut state = State { areas: HashMap::new(), not_countries: Vec::new(), years: None };
    for row in header + 1..grid.n_rows() {
        read_row(out, &grid, &mut columns, &mut state, row)?;
    }
    if out.meta.edition.is_empty() {
        let years = match state.years {
            Some((a, b)) if a == b => a.to_string(),
            Some((a, b)) => format!("{a}–{b}"),
            None => String::new(),
        };
        out.note(grid.whole(file), "the export states no date: the edition is its years".into());
        out.meta.edition = years;
    }
    report(out, &grid, &columns, &state);
    Ok(())
}

/// Fills the dataset's metadata from the preamble (lines before the header).
fn read_preamble(out: &mut Builder<'_>, grid: &Grid, header: usize) -> Result<(), ImportError> {
    let file = out.file;
    out.meta.key = "unhcr-population".to_owned();
    out.meta.publisher = "UNHCR".to_owned();
    let mut contains = None;
    let mut content = None;
    let (mut updated, mut extracted) = (None, None);
    for row in 0..header {
        let value = grid.text(row, 1).into_owned();
        match grid.text(row, 0).as_ref() {
            "Data table contains the following:" => contains = Some(value),
            "Content type" => content = Some(value),
            "Last updated:" => updated = Some((row, value)),
            "Date extracted:" => extracted = Some((row, value)),
            "Usage licence" => out.meta.licence = Some(licence(&value)),
            _ => {}
        }
    }
    out.meta.title = match (contains, content) {
        (Some(a), Some(b)) => format!("UNHCR Refugee Data Finder: {a} ({b})"),
        (Some(a), None) | (None, Some(a)) => format!("UNHCR Refugee Data Finder: {a}"),
        (None, None) => "UNHCR Refugee Data Finder: population figures".to_owned(),
    };
    if let Some((row, text)) = updated {
        out.meta.edition = long_date(&text).ok_or_else(|| {
            bad_value(grid.location(file, row, 1), "a date such as \"13 June 2024\"", &text)
        })?;
    } else if let Some((row, text)) = extracted {
        out.meta.edition = numeric_date(&text).ok_or_else(|| {
            bad_value(grid.location(file, row, 1), "a date such as \"21/07/2024 14:54 UTC\"", &text)
        })?;
    }
    Ok(())
}

/// The licence as stated: Creative Commons Attribution 4.0 by its short name.
fn licence(stated: &str) -> String {
    if stated.to_ascii_lowercase().contains("creativecommons.org/licenses/by/4.0") {
        format!("CC BY 4.0 ({stated})")
    } else {
        stated.to_owned()
    }
}

/// `13 June 2024` as `2024-06-13`.
fn long_date(text: &str) -> Option<String> {
    let mut parts = text.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?.to_ascii_lowercase();
    let month = domain::edition::MONTH_NAMES
        .iter()
        .position(|m| month.len() >= 3 && m.starts_with(&month))?
        + 1;
    let year: u32 = parts.next()?.parse().ok()?;
    iso_date(year, u32::try_from(month).ok()?, day)
}

/// `21/07/2024 14:54 UTC` (day/month/year) as `2024-07-21`.
fn numeric_date(text: &str) -> Option<String> {
    let mut parts = text.split_whitespace().next()?.split('/');
    let day = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let year = parts.next()?.parse().ok()?;
    iso_date(year, month, day)
}

/// An ISO 8601 date, if the parts can be one.
fn iso_date(year: u32, month: u32, day: u32) -> Option<String> {
    let ok = (1950..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day);
    ok.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Finds the columns by their headers: every header must be one of the export's.
fn columns(file: &str, grid: &Grid, header: usize) -> Result<Columns, ImportError> {
    let names: Vec<String> =
        (0..grid.n_cols(header)).map(|c| grid.text(header, c).into_owned()).collect();
    let find = |name: &str| names.iter().position(|n| n == name);
    let required = |name: &str| {
        find(name).ok_or_else(|| {
            let mut location = grid.row_location(file, header);
            location.column = Some(name.to_owned());
            missing(location, format!("a column {name:?} in the header"))
        })
    };
    let mut columns = Columns {
        width: names.len(),
        year: required(YEAR)?,
        origin: required(ORIGIN_ISO)?,
        origin_name: find(ORIGIN_NAME),
        asylum: required(ASYLUM_ISO)?,
        asylum_name: find(ASYLUM_NAME),
        populations: Vec::new(),
    };
    for (col, name) in names.iter().enumerate() {
        if [YEAR, ORIGIN_ISO, ORIGIN_NAME, ASYLUM_ISO, ASYLUM_NAME].contains(&name.as_str()) {
            continue;
        }
        let Some((name, role)) = POPULATIONS.iter().find(|(n, _)| n == name) else {
            let known: Vec<&str> = POPULATIONS.iter().map(|(n, _)| *n).collect();
            return Err(bad_value(
                grid.location(file, header, col),
                format!("a population type of the Refugee Data Finder ({})", known.join(", ")),
                name,
            ));
        };
        columns.populations.push(Population {
            col,
            name,
            role: *role,
            missing: 0,
            zeros: 0,
            persons: 0.0,
            same: (0, 0.0),
        });
    }
    if columns.populations.is_empty() {
        return Err(missing(grid.row_location(file, header), "at least one population type"));
    }
    Ok(columns)
}

/// Reads one line: checks its cells, then stores its values.
fn read_row(
    out: &mut Builder<'_>,
    grid: &Grid,
    columns: &mut Columns,
    state: &mut State,
    row: usize,
) -> Result<(), ImportError> {
    let file = out.file;
    let found = grid.n_cols(row);
    if found != columns.width {
        return Err(bad_value(
            grid.row_location(file, row),
            format!("{} fields, as in the header", columns.width),
            format!("{found} fields"),
        ));
    }
    let year = year(file, grid, row, columns.year, state)?;
    let origin_code = grid.text(row, columns.origin).into_owned();
    let asylum_code = grid.text(row, columns.asylum).into_owned();
    let values = values(file, grid, columns, row, origin_code != asylum_code)?;
    let origin = resolve(out, grid, state, row, columns.origin, columns.origin_name, &values)?;
    let asylum = resolve(out, grid, state, row, columns.asylum, columns.asylum_name, &values)?;
    let (Some(origin), Some(asylum)) = (origin, asylum) else { return Ok(()) };
    for (p, value) in columns.populations.iter_mut().zip(values) {
        let Some(value) = value.filter(|v| *v != 0.0) else { continue };
        let provenance = grid.provenance(file, row, p.name);
        match p.role {
            Role::NotStored(_) => {}
            Role::Pair(_) if origin == asylum => {
                p.same.0 += 1;
                p.same.1 += value;
            }
            Role::Pair(indicator) => out.push_pair(PairValue {
                indicator,
                from: origin,
                to: asylum,
                year,
                sex: Sex::Total,
                value,
                provenance,
            })?,
            Role::Idp => {
                out.area_value(Indicator::IDPS, origin, year, Sex::Total, value, provenance)?;
            }
        }
    }
    Ok(())
}

/// The line's year, within 1950–2100.
fn year(
    file: &str,
    grid: &Grid,
    row: usize,
    col: usize,
    state: &mut State,
) -> Result<Year, ImportError> {
    let cell = grid.cell(row, col);
    let year = cell
        .integer()
        .filter(|y| (1950..=2100).contains(y))
        .ok_or_else(|| bad_value(grid.location(file, row, col), "a year", cell.text()))?;
    state.years = Some(state.years.map_or((year, year), |(a, b)| (a.min(year), b.max(year))));
    Year::new(year).map_err(|_| bad_value(grid.location(file, row, col), "a year", cell.text()))
}

/// The line's population cells (`None` for `-`), counted per column; `across` says
/// whether origin and asylum differ (an IDP figure there is an error).
fn values(
    file: &str,
    grid: &Grid,
    columns: &mut Columns,
    row: usize,
    across: bool,
) -> Result<Vec<Option<f64>>, ImportError> {
    let mut out = Vec::with_capacity(columns.populations.len());
    for p in &mut columns.populations {
        let value = match grid.value(file, row, p.col, PERSONS)? {
            Value::Missing => {
                p.missing += 1;
                None
            }
            Value::Number(n) if n < 0.0 => {
                return Err(bad_value(grid.location(file, row, p.col), PERSONS, number_text(n)));
            }
            Value::Number(n) => Some(n),
        };
        match (value, p.role) {
            (Some(n), Role::Idp) if across && n != 0.0 => {
                return Err(bad_value(
                    grid.location(file, row, p.col),
                    "0 or \"-\": internally displaced persons are counted where the country \
                     of origin is the country of asylum",
                    number_text(n),
                ));
            }
            (Some(0.0), Role::Pair(_) | Role::Idp) => p.zeros += 1,
            (Some(n), Role::NotStored(_)) => p.persons += n,
            _ => {}
        }
        out.push(value);
    }
    Ok(out)
}

/// Resolves the code in `col`: the ISO code of a country, or `None` for UNHCR's codes
/// that are not countries (counted) and for aggregates and unknown codes (reported by
/// the builder).
fn resolve(
    out: &mut Builder<'_>,
    grid: &Grid,
    state: &mut State,
    row: usize,
    col: usize,
    name_col: Option<usize>,
    values: &[Option<f64>],
) -> Result<Option<Iso3>, ImportError> {
    let file = out.file;
    let code = grid.text(row, col);
    if code.is_empty() {
        return Err(bad_value(grid.location(file, row, col), "a country code", ""));
    }
    let name = name_col.map(|c| grid.text(row, c).into_owned()).unwrap_or_default();
    if let Some((code, what)) = NOT_COUNTRIES.iter().find(|(c, _)| *c == code) {
        let i = match state.not_countries.iter().position(|(c, _)| c == code) {
            Some(i) => i,
            None => {
                let persons = vec![0.0; values.len()];
                let entry = NotCountry { what, name, first_row: row, rows: 0, persons };
                state.not_countries.push((code, entry));
                state.not_countries.len() - 1
            }
        };
        let entry = &mut state.not_countries[i].1;
        entry.rows += 1;
        for (sum, value) in entry.persons.iter_mut().zip(values) {
            *sum += value.unwrap_or(0.0);
        }
        return Ok(None);
    }
    if let Some(found) = state.areas.get(code.as_ref()) {
        return Ok(*found);
    }
    let location = || grid.location(file, row, col);
    let label =
        if name.trim().is_empty() { code.to_string() } else { format!("{} ({code})", name.trim()) };
    // The code alone decides: a code that is not a country's is reported under the name
    // and code together, never matched by the name.
    let found = match areas::match_wb_code(&code) {
        Some(AreaMatch::Area(iso3)) => Some(iso3),
        Some(kind) => {
            out.skip_area(label, kind, location);
            None
        }
        None => out.area(AreaId::Name(&label), location),
    };
    if found == Some(Iso3::from_static("SRB")) && name.contains("Kosovo") {
        out.note(
            grid.location(file, row, col),
            format!("{name:?} ({code}) is stored as Serbia (SRB): its figures include Kosovo"),
        );
    }
    state.areas.insert(code.into_owned(), found);
    Ok(found)
}

/// The diagnostics of what was read and not stored.
fn report(out: &mut Builder<'_>, grid: &Grid, columns: &Columns, state: &State) {
    let file = out.file;
    for p in &columns.populations {
        let whole = || Location { column: Some(p.name.to_owned()), ..grid.whole(file) };
        if let Role::NotStored(why) = p.role {
            out.note(
                whole(),
                format!(
                    "{}: not stored ({why}); {} persons in all",
                    p.name,
                    number_text(p.persons)
                ),
            );
        }
        if p.missing > 0 {
            out.note(
                whole(),
                format!("{}: {} cells hold \"-\" (not applicable) and no value", p.name, p.missing),
            );
        }
        if p.zeros > 0 && !matches!(p.role, Role::NotStored(_)) {
            out.note(
                whole(),
                format!(
                    "{}: {} zero cells were not stored (a missing pair or value means zero)",
                    p.name, p.zeros
                ),
            );
        }
        if p.same.0 > 0 {
            out.note(
                whole(),
                format!(
                    "{}: {} lines whose country of origin is the country of asylum ({} persons) \
                     were not stored as pairs",
                    p.name,
                    p.same.0,
                    number_text(p.same.1)
                ),
            );
        }
    }
    for (code, n) in &state.not_countries {
        let persons: Vec<String> = columns
            .populations
            .iter()
            .zip(&n.persons)
            .map(|(p, sum)| format!("{} {}", p.name, number_text(*sum)))
            .collect();
        out.note(
            grid.location(file, n.first_row, columns.origin),
            format!(
                "{code} ({}, {:?}) is not a country: its {} lines were not stored ({})",
                n.what,
                n.name.trim(),
                n.rows,
                persons.join(", ")
            ),
        );
    }
}
