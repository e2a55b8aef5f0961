//! SDMX-CSV data files, such as the exports of the OECD Data Explorer, and the
//! dataflows Coherence maps to its indicators.
//!
//! **The layout, read generally.** An SDMX-CSV file has one header line and one line per
//! observation. SDMX-CSV 2.0 starts with `STRUCTURE` (the structure's type, `dataflow`),
//! `STRUCTURE_ID` (`AGENCY:ID(VERSION)`, e.g. `OECD.ELS.IMD:DSD_MIG_INT@DF_MIG_INT_TEMP(1.0)`)
//! and optionally `STRUCTURE_NAME` and `ACTION`; SDMX-CSV 1.0 starts with `DATAFLOW`,
//! which holds the id. Then come the components, each headed by its SDMX id (upper-case
//! letters, digits, `_`, `@`, `$`, `-`): the dimensions, `TIME_PERIOD`, `OBS_VALUE` and the
//! attributes (`OBS_STATUS`, `UNIT_MULT`, `UNIT_MEASURE`, `DECIMALS`, …). A column whose
//! header is not an SDMX id (`Reference area`) is the label column of the component
//! before it (the "labels both" export); a header `ID: Label` marks a component whose
//! cells read `CODE: label` (SDMX-CSV 1.0 with labels), of which the code is kept.
//! [`read_table`] reads this into a [`Table`] without knowing the dataflow.
//!
//! **Values.** `OBS_VALUE` is a number, multiplied by ten to the power `UNIT_MULT` (0
//! when the column is absent or empty; −30 to 30), the decimal point shifted in the text
//! so that the result is exact. An empty `OBS_VALUE` is an observation without a value:
//! not stored, and counted in one note. `DECIMALS` (the number of decimals to show) is
//! not applied: values are stored as written.
//!
//! **Limits.** One dataflow per file (a line of another is refused at its cell); `ACTION`
//! `D` (delete) is refused: a deletion message is not data. Only the dataflows of
//! [`MAPPINGS`] are stored; any other is recognised as SDMX-CSV and refused, naming its
//! id.
//!
//! **Mapped dataflows.** OECD International Migration Database, standardised inflows
//! (`OECD.ELS.IMD`): `DF_MIG_INT_TEMP`, temporary migrants, and `DF_MIG_INT_PER`,
//! permanent-type migrants, one indicator per entry category (`MIGRATION_TYPE`), in
//! persons (`MEASURE` `MIG_FLW`, `UNIT_MEASURE` `PS`), annual (`FREQ` `A`), by receiving
//! country (`REF_AREA`, ISO alpha-3), both sexes.
//!
//! **Observation status.** `OBS_STATUS` `A` (normal) is the rule. A value with any other
//! status (`E` estimated, `P` provisional, `B` break in series, …) is stored, and one
//! note per value names its indicator, area, year and status at the `OBS_STATUS` cell:
//! `domain::Provenance` has no field to carry the flag.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::HashMap;

use domain::{Indicator, Iso3, Provenance, Sex, Year};

use crate::error::{ImportError, ImportErrorKind, Location};
use crate::grid::Grid;
use crate::read::{AreaId, Builder, bad_value, missing};

/// The largest power of ten `UNIT_MULT` may give, either way.
const MAX_UNIT_MULT: i32 = 30;

/// Whether a header line is SDMX-CSV's (for [`crate::detect`]): `STRUCTURE,STRUCTURE_ID`
/// (2.0) or `DATAFLOW` (1.0) first, and an `OBS_VALUE` column.
pub(crate) fn is_header(fields: &[&str]) -> bool {
    let starts = matches!(fields, ["STRUCTURE", "STRUCTURE_ID", ..] | ["DATAFLOW", ..]);
    starts && fields.iter().any(|f| component_id(f).0 == "OBS_VALUE")
}

/// Whether a header is an SDMX id (`REF_AREA`, `DSD_MIG_INT@DF_MIG_INT_TEMP`).
fn is_id(text: &str) -> bool {
    let mut bytes = text.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_uppercase() || b == b'_')
        && bytes.all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'_' | b'@' | b'$' | b'-')
        })
}

/// A component header's id, and whether its cells carry labels (`ID: Label`).
fn component_id(header: &str) -> (&str, bool) {
    match header.split_once(':') {
        Some((id, _)) if is_id(id.trim()) => (id.trim(), true),
        _ => (header.trim(), false),
    }
}

/// A component of the dataflow: a dimension, `TIME_PERIOD`, `OBS_VALUE` or an attribute.
#[derive(Clone, Debug)]
pub(crate) struct Component {
    /// The SDMX id, e.g. `REF_AREA`.
    pub(crate) id: String,
    /// The header as written, which locations and provenance name.
    pub(crate) header: String,
    /// The column.
    col: usize,
    /// The label column after it ("labels both"), if any.
    label_col: Option<usize>,
    /// Whether its cells read `CODE: label`.
    labelled_cells: bool,
}

/// One observation: a data line.
#[derive(Clone, Debug)]
pub(crate) struct Observation {
    /// The 1-based line.
    pub(crate) line: u32,
    /// The code of each component, in the order of [`Table::components`] (empty when
    /// the cell is empty).
    pub(crate) codes: Vec<String>,
    /// The label of each component, when the file gives one.
    pub(crate) labels: Vec<Option<String>>,
    /// `OBS_VALUE` times ten to the power `UNIT_MULT`; `None` when empty.
    pub(crate) value: Option<f64>,
}

/// An SDMX-CSV file, read without knowing its dataflow.
#[derive(Clone, Debug)]
pub(crate) struct Table {
    /// The structure's id as written, e.g. `OECD.ELS.IMD:DSD_MIG_INT@DF_MIG_INT_TEMP(1.0)`.
    pub(crate) structure_id: String,
    /// The header of the column holding it (`STRUCTURE_ID` or `DATAFLOW`).
    pub(crate) structure_header: String,
    /// `STRUCTURE_NAME`, when given.
    pub(crate) name: Option<String>,
    /// The components, in file order.
    pub(crate) components: Vec<Component>,
    /// The observations, in file order.
    pub(crate) observations: Vec<Observation>,
}

impl Table {
    /// The index of a component by id.
    pub(crate) fn component(&self, id: &str) -> Option<usize> {
        self.components.iter().position(|c| c.id == id)
    }

    /// The location of a component's cell on an observation's line.
    pub(crate) fn location(&self, file: &str, obs: &Observation, component: usize) -> Location {
        let header = self.components.get(component).map_or("", |c| c.header.as_str());
        Provenance::csv(file, obs.line, header)
    }

    /// The agency, the dataflow id (without version) and the version.
    pub(crate) fn dataflow(&self) -> (&str, &str, &str) {
        let (agency, rest) = self.structure_id.split_once(':').unwrap_or(("", &self.structure_id));
        let (id, version) = match rest.split_once('(') {
            Some((id, v)) => (id, v.trim_end_matches(')')),
            None => (rest, ""),
        };
        (agency.trim(), id.trim(), version.trim())
    }
}

/// The columns of the header line.
struct Header {
    structure: Option<usize>,
    id: usize,
    name: Option<usize>,
    action: Option<usize>,
    components: Vec<Component>,
}

fn header(file: &str, grid: &Grid) -> Result<Header, ImportError> {
    let n = grid.n_cols(0);
    let first = grid.text(0, 0);
    let (mut structure, mut id, mut name, mut action) = (None, None, None, None);
    let mut components: Vec<Component> = Vec::new();
    let mut start = 0;
    if first == "DATAFLOW" {
        id = Some(0);
        start = 1;
    }
    for col in start..n {
        let text = grid.text(0, col);
        match text.as_ref() {
            "STRUCTURE" if col == 0 => structure = Some(col),
            "STRUCTURE_ID" if structure.is_some() => id = Some(col),
            "STRUCTURE_NAME" if structure.is_some() => name = Some(col),
            "ACTION" if structure.is_some() => action = Some(col),
            _ => {
                let (cid, labelled_cells) = component_id(&text);
                if is_id(cid) {
                    if components.iter().any(|c| c.id == cid) {
                        return Err(bad_value(
                            grid.location(file, 0, col),
                            "a component named once",
                            text,
                        ));
                    }
                    components.push(Component {
                        id: cid.to_owned(),
                        header: text.clone().into_owned(),
                        col,
                        label_col: None,
                        labelled_cells,
                    });
                    continue;
                }
                match components.last_mut() {
                    Some(c) if c.label_col.is_none() && c.col + 1 == col => c.label_col = Some(col),
                    _ => {
                        return Err(bad_value(
                            grid.location(file, 0, col),
                            "an SDMX component id, or the label column right after one",
                            text,
                        ));
                    }
                }
            }
        }
    }
    let id = id.ok_or_else(|| {
        missing(grid.row_location(file, 0), "STRUCTURE,STRUCTURE_ID or DATAFLOW first")
    })?;
    for required in ["TIME_PERIOD", "OBS_VALUE"] {
        if !components.iter().any(|c| c.id == required) {
            return Err(missing(grid.row_location(file, 0), format!("a column {required}")));
        }
    }
    Ok(Header { structure, id, name, action, components })
}

/// Reads an SDMX-CSV file into a [`Table`].
///
/// # Errors
/// A header without the structure's id, `TIME_PERIOD` or `OBS_VALUE`; a line of another
/// structure, of a structure type other than `dataflow`, or with `ACTION` `D`; an
/// `OBS_VALUE` that is not a number or a `UNIT_MULT` that is not an integer from −30 to
/// 30 — each at its cell.
pub(crate) fn read_table(file: &str, grid: &mut Grid) -> Result<Table, ImportError> {
    let h = header(file, grid)?;
    grid.set_header(0);
    let mut structure_id: Option<String> = None;
    let mut name = None;
    let value_idx = h.components.iter().position(|c| c.id == "OBS_VALUE").unwrap_or(0);
    let mult_idx = h.components.iter().position(|c| c.id == "UNIT_MULT");
    let mut observations = Vec::new();
    for row in 1..grid.n_rows() {
        if (0..grid.n_cols(row)).all(|c| grid.cell(row, c).is_blank()) {
            continue;
        }
        if let Some(col) = h.structure {
            let kind = grid.text(row, col);
            if !kind.eq_ignore_ascii_case("dataflow") {
                return Err(bad_value(grid.location(file, row, col), "dataflow", kind));
            }
        }
        let id = grid.text(row, h.id);
        match &structure_id {
            None if id.is_empty() => {
                return Err(bad_value(grid.location(file, row, h.id), "a dataflow id", ""));
            }
            None => structure_id = Some(id.into_owned()),
            Some(first) if *first != id => {
                return Err(bad_value(
                    grid.location(file, row, h.id),
                    format!("the file's one dataflow, {first}"),
                    id,
                ));
            }
            Some(_) => {}
        }
        if name.is_none() {
            name = h.name.map(|c| grid.text(row, c).into_owned()).filter(|n| !n.is_empty());
        }
        if let Some(col) = h.action {
            let action = grid.text(row, col);
            if !matches!(action.as_ref(), "" | "I" | "A" | "R" | "M") {
                return Err(bad_value(
                    grid.location(file, row, col),
                    "ACTION I, A, R or M (a deletion, D, is not data)",
                    action,
                ));
            }
        }
        observations.push(observation(file, grid, row, &h.components, value_idx, mult_idx)?);
    }
    let structure_id = structure_id
        .ok_or_else(|| missing(grid.row_location(file, 1), "at least one observation"))?;
    Ok(Table {
        structure_id,
        structure_header: grid.column_name(h.id),
        name,
        components: h.components,
        observations,
    })
}

/// Reads one data line.
fn observation(
    file: &str,
    grid: &Grid,
    row: usize,
    components: &[Component],
    value_idx: usize,
    mult_idx: Option<usize>,
) -> Result<Observation, ImportError> {
    let mut codes = Vec::with_capacity(components.len());
    let mut labels = Vec::with_capacity(components.len());
    for c in components {
        let text = grid.text(row, c.col);
        let (code, label) = match text.split_once(':') {
            Some((code, label)) if c.labelled_cells => {
                (code.trim().to_owned(), Some(label.trim().to_owned()))
            }
            _ => (text.into_owned(), None),
        };
        let label = label.or_else(|| c.label_col.map(|l| grid.text(row, l).into_owned()));
        codes.push(code);
        labels.push(label.filter(|l| !l.is_empty()));
    }
    let mult = match mult_idx.map(|i| codes[i].as_str()) {
        None | Some("") => 0,
        Some(text) => {
            text.parse::<i32>().ok().filter(|m| m.abs() <= MAX_UNIT_MULT).ok_or_else(|| {
                let col = mult_idx.and_then(|i| components.get(i)).map_or(0, |c| c.col);
                bad_value(
                    grid.location(file, row, col),
                    "UNIT_MULT, an integer power of ten from -30 to 30",
                    text,
                )
            })?
        }
    };
    let text = codes[value_idx].as_str();
    let value =
        if text.is_empty() {
            None
        } else {
            let col = components[value_idx].col;
            Some(scaled(text, mult).ok_or_else(|| {
                bad_value(grid.location(file, row, col), "OBS_VALUE, a number", text)
            })?)
        };
    Ok(Observation { line: grid.row_number(row), codes, labels, value })
}

/// `text` × 10^`mult`, shifting the decimal point of a plain decimal number so that the
/// result is the nearest `f64` to the exact product; other number forms (`1e3`) are
/// parsed and multiplied.
fn scaled(text: &str, mult: i32) -> Option<f64> {
    let plain = text.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
    let value = if plain && mult != 0 {
        let (sign, digits) = match text.as_bytes().first() {
            Some(b'-' | b'+') => text.split_at(1),
            _ => ("", text),
        };
        let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if int.is_empty() && frac.is_empty() || frac.contains(['.', '-', '+']) {
            return None;
        }
        if int.contains(['-', '+']) {
            return None;
        }
        let exponent = i64::from(mult) - frac.len() as i64;
        format!("{sign}{int}{frac}e{exponent}").parse::<f64>().ok()?
    } else {
        text.parse::<f64>().ok()? * 10f64.powi(mult)
    };
    value.is_finite().then_some(value)
}

/// A dataflow Coherence maps to its indicators.
pub(crate) struct Mapping {
    /// The maintenance agency, e.g. `OECD.ELS.IMD`.
    pub(crate) agency: &'static str,
    /// The dataflow's id after the OECD's `DSD…@` prefix, e.g. `DF_MIG_INT_TEMP`.
    pub(crate) dataflow: &'static str,
    /// The dataset key.
    pub(crate) key: &'static str,
    /// The title when the file gives no `STRUCTURE_NAME`.
    pub(crate) title: &'static str,
    /// Components every observation must hold with the given code.
    pub(crate) fixed: &'static [(&'static str, &'static str)],
    /// The dimension that selects the indicator.
    pub(crate) dimension: &'static str,
    /// Its codes and their indicators.
    pub(crate) indicators: &'static [(&'static str, Indicator)],
}

/// The dataflows Coherence stores.
pub(crate) const MAPPINGS: [Mapping; 2] = [
    Mapping {
        agency: "OECD.ELS.IMD",
        dataflow: "DF_MIG_INT_TEMP",
        key: "oecd-imd-temporary-inflows",
        title: "Standardised inflows of temporary migrants",
        fixed: &[("MEASURE", "MIG_FLW"), ("UNIT_MEASURE", "PS")],
        dimension: "MIGRATION_TYPE",
        indicators: &[
            ("SEAS", Indicator::TEMPORARY_INFLOW_SEASONAL),
            ("WHM", Indicator::TEMPORARY_INFLOW_WORKING_HOLIDAY),
            ("INTRA", Indicator::TEMPORARY_INFLOW_INTRA_COMPANY),
            ("TRA", Indicator::TEMPORARY_INFLOW_TRAINEES),
            ("STU", Indicator::TEMPORARY_INFLOW_STUDENTS),
            ("OTH", Indicator::TEMPORARY_INFLOW_OTHER_WORKERS),
        ],
    },
    Mapping {
        agency: "OECD.ELS.IMD",
        dataflow: "DF_MIG_INT_PER",
        key: "oecd-imd-permanent-inflows",
        title: "Standardised inflows of permanent-type migrants",
        fixed: &[("MEASURE", "MIG_FLW"), ("UNIT_MEASURE", "PS")],
        dimension: "MIGRATION_TYPE",
        indicators: &[
            ("WO", Indicator::PERMANENT_INFLOW_WORK),
            ("AC", Indicator::PERMANENT_INFLOW_ACCOMPANYING_FAMILY),
            ("FA", Indicator::PERMANENT_INFLOW_FAMILY),
            ("HU", Indicator::PERMANENT_INFLOW_HUMANITARIAN),
            ("FR", Indicator::PERMANENT_INFLOW_FREE_MOVEMENT),
            ("OT", Indicator::PERMANENT_INFLOW_OTHER),
        ],
    },
];

/// What an `OBS_STATUS` code of the SDMX code list (`CL_OBS_STATUS`) means.
fn status_name(code: &str) -> &'static str {
    match code {
        "A" => "normal value",
        "B" => "time series break",
        "D" => "definition differs",
        "E" => "estimated value",
        "F" => "forecast value",
        "G" => "experimental value",
        "I" => "imputed value",
        "K" => "data included in another category",
        "L" => "missing value; data exist but were not collected",
        "M" => "missing value; data cannot exist",
        "N" => "not significant",
        "O" => "missing value",
        "P" => "provisional value",
        "Q" => "missing value; suppressed",
        "S" => "strike and other special events",
        "U" => "low reliability",
        "V" => "unvalidated value",
        _ => "a status outside the SDMX code list",
    }
}

/// Reads an SDMX-CSV file of a mapped dataflow.
pub(crate) fn read(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    let table = read_table(file, &mut grid)?;
    let (agency, id, _) = table.dataflow();
    let short = id.rsplit_once('@').map_or(id, |(_, df)| df);
    let mapping = MAPPINGS.iter().find(|m| m.agency == agency && m.dataflow == short);
    let Some(mapping) = mapping else {
        let line = table.observations.first().map_or(2, |o| o.line);
        return Err(ImportError::new(
            Provenance::csv(file, line, &table.structure_header),
            ImportErrorKind::Unreadable {
                expected: "Coherence indicators".to_owned(),
                detail: format!(
                    "SDMX-CSV dataflow {}: no Coherence indicator is mapped to it",
                    table.structure_id
                ),
            },
        ));
    };
    out.meta.key = mapping.key.to_owned();
    out.meta.publisher = "OECD".to_owned();
    out.meta.title = table.name.clone().unwrap_or_else(|| mapping.title.to_owned());
    store(out, &table, mapping)
}

/// The components a mapping reads, by index.
struct Columns {
    area: usize,
    time: usize,
    category: usize,
    value: usize,
    freq: Option<usize>,
    status: Option<usize>,
    fixed: Vec<(usize, &'static str)>,
}

fn columns(file: &str, table: &Table, mapping: &Mapping) -> Result<Columns, ImportError> {
    let need = |id: &str| {
        table
            .component(id)
            .ok_or_else(|| missing(Location::line(file, 1), format!("a column {id}")))
    };
    let mut fixed = Vec::new();
    for (id, code) in mapping.fixed {
        fixed.push((need(id)?, *code));
    }
    Ok(Columns {
        area: need("REF_AREA")?,
        time: need("TIME_PERIOD")?,
        category: need(mapping.dimension)?,
        value: need("OBS_VALUE")?,
        freq: table.component("FREQ"),
        status: table.component("OBS_STATUS"),
        fixed,
    })
}

/// Stores the observations of a mapped dataflow.
fn store(out: &mut Builder<'_>, table: &Table, mapping: &Mapping) -> Result<(), ImportError> {
    let file = out.file;
    let cols = columns(file, table, mapping)?;
    let mut areas: HashMap<String, Option<Iso3>> = HashMap::new();
    let mut empty = 0usize;
    let mut latest: Option<Year> = None;
    for obs in &table.observations {
        let at = |i: usize| table.location(file, obs, i);
        if let Some(i) = cols.freq
            && obs.codes[i] != "A"
        {
            return Err(bad_value(
                at(i),
                "FREQ A (annual): Coherence stores annual values only",
                &obs.codes[i],
            ));
        }
        for &(i, code) in &cols.fixed {
            if obs.codes[i] != code {
                return Err(bad_value(
                    at(i),
                    format!("{} {code}", table.components[i].id),
                    &obs.codes[i],
                ));
            }
        }
        let time = &obs.codes[cols.time];
        let year = time
            .parse::<i64>()
            .ok()
            .filter(|_| time.len() == 4)
            .and_then(|y| Year::new(y).ok())
            .ok_or_else(|| bad_value(at(cols.time), "an annual TIME_PERIOD (a year)", time))?;
        latest = latest.max(Some(year));
        let category = &obs.codes[cols.category];
        let indicator = mapping
            .indicators
            .iter()
            .find(|(code, _)| code == category)
            .map(|(_, indicator)| *indicator)
            .ok_or_else(|| {
                let known: Vec<&str> = mapping.indicators.iter().map(|(c, _)| *c).collect();
                bad_value(
                    at(cols.category),
                    format!("{} one of {}", mapping.dimension, known.join(", ")),
                    category,
                )
            })?;
        let code = &obs.codes[cols.area];
        let area = match areas.get(code) {
            Some(found) => *found,
            None => {
                let label = obs.labels[cols.area].as_deref().unwrap_or(code);
                let found = out.area(AreaId::Wb(code, label), || at(cols.area));
                areas.insert(code.clone(), found);
                found
            }
        };
        let Some(area) = area else { continue };
        let Some(value) = obs.value else {
            empty += 1;
            continue;
        };
        if value < 0.0 {
            return Err(bad_value(
                at(cols.value),
                "a non-negative number of persons",
                &obs.codes[cols.value],
            ));
        }
        let provenance = at(cols.value);
        out.area_value(indicator, area, year, Sex::Total, value, provenance)?;
        if let Some(i) = cols.status {
            flag(out, table, obs, i, indicator, area, year);
        }
    }
    finish(out, mapping, latest, empty);
    Ok(())
}

/// Notes a stored value whose status is not `A` (normal).
fn flag(
    out: &mut Builder<'_>,
    table: &Table,
    obs: &Observation,
    i: usize,
    indicator: Indicator,
    area: Iso3,
    year: Year,
) {
    let status = &obs.codes[i];
    if status.is_empty() || status == "A" {
        return;
    }
    let name = obs.labels[i].clone().unwrap_or_else(|| status_name(status).to_owned());
    out.note(
        table.location(out.file, obs, i),
        format!("{} {area} {year} stored with OBS_STATUS {status} ({name})", indicator.code),
    );
}

/// Sets the edition and notes the observations without a value.
fn finish(out: &mut Builder<'_>, mapping: &Mapping, latest: Option<Year>, empty: usize) {
    let file = out.file;
    if let Some(year) = latest {
        out.meta.edition = year.to_string();
        out.note(
            Location::file(file),
            format!(
                "{}: edition {year}, the latest TIME_PERIOD of the export (the file states \
                 no edition or extraction date)",
                mapping.key
            ),
        );
    }
    if empty > 0 {
        out.note(
            Location::file(file),
            format!("{empty} observation(s) with an empty OBS_VALUE were not stored"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_multiplier_shifts_the_decimal_point() {
        assert_eq!(scaled("446.078", 3), Some(446_078.0));
        assert_eq!(scaled("-1.5", 1), Some(-15.0));
        assert_eq!(scaled("1234", -2), Some(12.34));
        assert_eq!(scaled("1e3", 0), Some(1000.0));
        assert_eq!(scaled("12a", 0), None);
        assert_eq!(scaled("1.2.3", 1), None);
        assert_eq!(scaled(".", 1), None);
        assert_eq!(scaled("1-2", 1), None);
    }

    #[test]
    fn ids_and_labels() {
        assert!(is_id("REF_AREA") && is_id("DSD_MIG_INT@DF_MIG_INT_TEMP"));
        assert!(!is_id("Reference area") && !is_id(""));
        assert_eq!(component_id("REF_AREA: Reference area"), ("REF_AREA", true));
        assert_eq!(component_id("REF_AREA"), ("REF_AREA", false));
    }
}
