//! ILOSTAT indicator `MNA_OEMP_SEX_CDS_NB`, "Outflow of nationals for employment by sex
//! and country of destination" (thousands), in two layouts:
//!
//! * **DDF datapoints** (Gapminder's `open-numbers/ddf--ilo--ilostat`):
//!   `ref_area,sex,classif1,time,mna_oemp_sex_cds_nb`, one line per origin, sex,
//!   destination and year, lower-case codes (`phl`, `sex_f`, `cds_des_sau`);
//! * **ILOSTAT's bulk CSV**: `ref_area, source, indicator, sex, classif1, time,
//!   obs_value, obs_status, note_classif, note_indicator, note_source` (`source`,
//!   `obs_status` and the notes optional, other columns ignored), upper-case codes.
//!
//! Stored: [`Indicator::DEPLOYMENTS`] pairs (origin `ref_area` → destination
//! `classif1`), by sex (`SEX_T`, `SEX_M`, `SEX_F`), for the year `time`, in persons:
//! the value in thousands × 1,000, **rounded to the nearest person when the cell has at
//! most three decimals** (a count in thousands written to the person; the rounding
//! only removes the binary artefacts of the multiplication, `3.198 × 1000 =
//! 3197.9999…`). A cell with more decimals, or in exponent notation, is stored
//! unrounded and counted in a diagnostic.
//!
//! The origin's total over all destinations (`CDS_DES_TOTAL`) is stored as the area
//! value [`Indicator::DEPLOYMENTS_TOTAL`], by sex: it includes the destinations the
//! ILO does not name (`CDS_DES_X`), so it is the figure of "how many left", where the
//! pairs' sum is not; it is compared with the sum of the other destination cells in a
//! diagnostic.
//!
//! **Not stored**, each reported: the other destination aggregates (`CDS_DES_X` other
//! or unstated destinations, the regions `CDS_DES_USACAN` and `CDS_DES_CIS`). `SEX_O` (other
//! sex), empty values, rows of another indicator (bulk CSV) and ILOSTAT's aggregate
//! origin codes (`X` and two digits) are reported too. Any other destination or origin
//! code goes through the common harmonisation (`crate::areas`): unknown codes stop the
//! import with all of them listed.
//!
//! **Observation flags** (`obs_status`, bulk CSV) are kept in diagnostics: one per
//! flag, with the number of stored values carrying it and the first line.
//!
//! Provenance: the file, the line and the value column (`mna_oemp_sex_cds_nb` or
//! `obs_value`). A cell read twice (same origin, destination, year and sex — e.g. two
//! `source`s in a bulk file) stops the import as a duplicate.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::BTreeMap;

use domain::dataset::PairValue;
use domain::{Indicator, Iso3, Sex, Year};

use crate::areas::AreaMatch;
use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value};
use crate::read::{AreaId, Builder, bad_value, missing};

/// The indicator column of the DDF datapoints file (the only one mapped).
const DDF_INDICATOR: &str = "mna_oemp_sex_cds_nb";
/// The indicator code of the bulk CSV (the only one mapped).
const BULK_INDICATOR: &str = "MNA_OEMP_SEX_CDS_NB";
/// The key columns of the DDF datapoints file.
const DDF_KEYS: [&str; 4] = ["ref_area", "sex", "classif1", "time"];
/// The columns the bulk CSV must have.
const BULK_COLUMNS: [&str; 6] = ["ref_area", "indicator", "sex", "classif1", "time", "obs_value"];
/// The prefix of a destination code (compared in lower case).
const DESTINATION_PREFIX: &str = "cds_des_";
/// What a value cell must hold.
const THOUSANDS: &str = "a non-negative number (thousands of persons)";
/// The most decimals a value may have to be rounded to the nearest person.
const ROUNDED_DECIMALS: usize = 3;

/// One of the two layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// Gapminder's DDF datapoints file.
    Ddf,
    /// ILOSTAT's bulk download CSV.
    Bulk,
}

/// Whether the fields of a CSV file's first line are a DDF datapoints header of
/// `MNA_OEMP_SEX_CDS_NB`: the four key columns and that indicator, in any order.
pub(crate) fn is_ddf_header(fields: &[&str]) -> bool {
    fields.len() == DDF_KEYS.len() + 1
        && DDF_KEYS.iter().all(|k| fields.contains(k))
        && fields.contains(&DDF_INDICATOR)
}

/// Whether a CSV file's head is ILOSTAT's bulk layout of `MNA_OEMP_SEX_CDS_NB`: the
/// bulk columns in the header, and that indicator on the first data line.
pub(crate) fn is_bulk(head: &str) -> bool {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(head.as_bytes());
    let mut records = reader.records();
    let Some(Ok(header)) = records.next() else { return false };
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    if !BULK_COLUMNS.iter().all(|c| names.contains(c)) {
        return false;
    }
    let Some(at) = names.iter().position(|n| *n == "indicator") else { return false };
    let Some(Ok(first)) = records.next() else { return false };
    first.get(at).is_some_and(|i| i.trim().eq_ignore_ascii_case(BULK_INDICATOR))
}

/// Reads the DDF datapoints file.
pub(crate) fn read_ddf(out: &mut Builder<'_>) -> Result<(), ImportError> {
    read(out, Layout::Ddf)
}

/// Reads ILOSTAT's bulk CSV.
pub(crate) fn read_bulk(out: &mut Builder<'_>) -> Result<(), ImportError> {
    read(out, Layout::Bulk)
}

/// The columns read, by index.
struct Columns {
    ref_area: usize,
    sex: usize,
    classif1: usize,
    time: usize,
    value: usize,
    indicator: Option<usize>,
    status: Option<usize>,
}

fn columns(file: &str, grid: &Grid, layout: Layout) -> Result<Columns, ImportError> {
    let header: Vec<String> =
        (0..grid.n_cols(0)).map(|c| grid.text(0, c).to_ascii_lowercase()).collect();
    let find = |name: &str| header.iter().position(|h| h == name);
    let need = |name: &str| {
        find(name).ok_or_else(|| {
            let layout = match layout {
                Layout::Ddf => "ref_area, sex, classif1, time, mna_oemp_sex_cds_nb",
                Layout::Bulk => "ref_area, indicator, sex, classif1, time, obs_value",
            };
            missing(Location::csv(file, 1, name), format!("a column {name:?} ({layout})"))
        })
    };
    let (value, indicator, status) = match layout {
        Layout::Ddf => (need(DDF_INDICATOR)?, None, None),
        Layout::Bulk => (need("obs_value")?, Some(need("indicator")?), find("obs_status")),
    };
    Ok(Columns {
        ref_area: need("ref_area")?,
        sex: need("sex")?,
        classif1: need("classif1")?,
        time: need("time")?,
        value,
        indicator,
        status,
    })
}

/// A destination code, once read.
enum Destination {
    /// A country or area code, to harmonise.
    Area(String),
    /// An aggregate (not stored), with its description; `total` for all destinations.
    Aggregate { label: String, total: bool },
}

/// Reads a destination code: `cds_des_` and an ISO alpha-3 code or an aggregate.
fn destination(code: &str) -> Option<Destination> {
    let lower = code.to_ascii_lowercase();
    let rest = lower.strip_prefix(DESTINATION_PREFIX)?;
    let aggregate =
        |what: &str, total| Destination::Aggregate { label: format!("{code} ({what})"), total };
    Some(match rest {
        "total" => aggregate("all destinations", true),
        "x" => aggregate("other or unstated destinations", false),
        "usacan" => aggregate("United States and Canada", false),
        "cis" => aggregate("Commonwealth of Independent States", false),
        "" => return None,
        other => Destination::Area(other.to_ascii_uppercase()),
    })
}

/// An ILOSTAT aggregate area code (`X01`, `X85`…).
fn is_aggregate_origin(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 3 && b[0].eq_ignore_ascii_case(&b'x') && b[1..].iter().all(u8::is_ascii_digit)
}

/// The number of decimals of a number as written; `None` in exponent notation.
fn decimals(text: &str) -> Option<usize> {
    let t = text.trim();
    if t.contains(['e', 'E']) {
        return None;
    }
    Some(t.split_once('.').map_or(0, |(_, fraction)| fraction.len()))
}

/// An origin's destination cells of one year and sex, in persons.
#[derive(Default)]
struct Sums {
    /// The `CDS_DES_TOTAL` cell and its line.
    total: Option<(f64, u32)>,
    /// Every other destination cell, stored or not.
    parts: f64,
    /// The number of those cells.
    n_parts: usize,
}

/// What the reader counts for its diagnostics.
#[derive(Default)]
struct Tally {
    /// Per origin code, year and sex.
    sums: BTreeMap<(String, i32, Sex), Sums>,
    /// Observation flag → (values stored with it, first line).
    flags: BTreeMap<String, (usize, u32)>,
    /// Other indicator → (rows, first line).
    other_indicators: BTreeMap<String, (usize, u32)>,
    /// Empty values: (count, first line).
    empty: (usize, u32),
    /// `SEX_O` rows: (count, first line).
    other_sex: (usize, u32),
    /// Values with more than three decimals: (count, first line).
    unrounded: (usize, u32),
    /// Pairs of an origin with itself: (count, first line).
    same_area: (usize, u32),
    /// Years of stored values.
    years: (i32, i32),
}

/// Counts one more occurrence, keeping the first line.
fn count(slot: &mut (usize, u32), line: u32) {
    if slot.0 == 0 {
        slot.1 = line;
    }
    slot.0 += 1;
}

fn read(out: &mut Builder<'_>, layout: Layout) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    if grid.n_rows() == 0 {
        return Err(missing(Location::line(file, 1), "a header line"));
    }
    let cols = columns(file, &grid, layout)?;
    grid.set_header(0);
    let column = grid.column_name(cols.value);
    let mut tally = Tally { years: (i32::MAX, i32::MIN), ..Tally::default() };
    for row in 1..grid.n_rows() {
        if (0..grid.n_cols(row)).all(|c| grid.cell(row, c).is_blank()) {
            continue;
        }
        read_row(out, &grid, &cols, &column, row, &mut tally)?;
    }
    fill_meta(out, layout, &tally);
    report(out, &grid, layout, &tally);
    Ok(())
}

/// Reads one data line: stores its pair or counts it for the diagnostics.
fn read_row(
    out: &mut Builder<'_>,
    grid: &Grid,
    cols: &Columns,
    column: &str,
    row: usize,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let file = out.file;
    let line = grid.row_number(row);
    if let Some(at) = cols.indicator {
        let indicator = grid.text(row, at);
        if !indicator.eq_ignore_ascii_case(BULK_INDICATOR) {
            let slot = tally.other_indicators.entry(indicator.into_owned()).or_default();
            count(slot, line);
            return Ok(());
        }
    }
    let sex_text = grid.text(row, cols.sex);
    let sex = match sex_text.to_ascii_lowercase().as_str() {
        "sex_t" => Sex::Total,
        "sex_m" => Sex::Male,
        "sex_f" => Sex::Female,
        "sex_o" => {
            count(&mut tally.other_sex, line);
            return Ok(());
        }
        _ => {
            return Err(bad_value(
                grid.location(file, row, cols.sex),
                "SEX_T, SEX_M, SEX_F or SEX_O",
                sex_text,
            ));
        }
    };
    let time = grid.text(row, cols.time);
    let year = Year::parse(&time)
        .map_err(|_| bad_value(grid.location(file, row, cols.time), "a year", time.clone()))?;
    let thousands = match grid.value(file, row, cols.value, THOUSANDS)? {
        Value::Missing => {
            count(&mut tally.empty, line);
            return Ok(());
        }
        Value::Number(n) if n < 0.0 => {
            return Err(bad_value(
                grid.location(file, row, cols.value),
                THOUSANDS,
                grid.text(row, cols.value),
            ));
        }
        Value::Number(n) => n,
    };
    let persons = match decimals(&grid.text(row, cols.value)) {
        Some(d) if d <= ROUNDED_DECIMALS => (thousands * 1000.0).round(),
        _ => {
            count(&mut tally.unrounded, line);
            thousands * 1000.0
        }
    };
    let dest_text = grid.text(row, cols.classif1);
    let dest = destination(&dest_text).ok_or_else(|| {
        bad_value(
            grid.location(file, row, cols.classif1),
            "a destination code CDS_DES_<ISO alpha-3>, CDS_DES_TOTAL or CDS_DES_X",
            dest_text.clone(),
        )
    })?;
    let origin_text = grid.text(row, cols.ref_area);
    let sums = tally.sums.entry((origin_text.to_ascii_uppercase(), year.get(), sex)).or_default();
    let is_total = matches!(dest, Destination::Aggregate { total: true, .. });
    let to = match dest {
        Destination::Aggregate { total: true, .. } => {
            sums.total = Some((persons, line));
            None
        }
        Destination::Aggregate { label, .. } => {
            sums.parts += persons;
            sums.n_parts += 1;
            out.skip_area(label, AreaMatch::Aggregate, || grid.location(file, row, cols.classif1));
            None
        }
        Destination::Area(code) => {
            sums.parts += persons;
            sums.n_parts += 1;
            out.area(AreaId::Wb(&code, &dest_text), || grid.location(file, row, cols.classif1))
        }
    };
    let from = origin(out, grid, &origin_text, row, cols.ref_area);
    if let (true, Some(from)) = (is_total, from) {
        // The publisher's total over all destinations, named or not.
        tally.years = (tally.years.0.min(year.get()), tally.years.1.max(year.get()));
        let provenance = grid.provenance(file, row, column);
        return out.area_value(Indicator::DEPLOYMENTS_TOTAL, from, year, sex, persons, provenance);
    }
    let (Some(from), Some(to)) = (from, to) else { return Ok(()) };
    if from == to {
        count(&mut tally.same_area, line);
        return Ok(());
    }
    if let Some(at) = cols.status {
        let flag = grid.text(row, at);
        if !flag.is_empty() {
            count(tally.flags.entry(flag.into_owned()).or_default(), line);
        }
    }
    tally.years = (tally.years.0.min(year.get()), tally.years.1.max(year.get()));
    out.push_pair(PairValue {
        indicator: Indicator::DEPLOYMENTS,
        from,
        to,
        year,
        sex,
        value: persons,
        provenance: grid.provenance(file, row, column),
    })
}

/// Resolves an origin code (`ref_area`).
fn origin(out: &mut Builder<'_>, grid: &Grid, code: &str, row: usize, col: usize) -> Option<Iso3> {
    let file = out.file;
    if is_aggregate_origin(code) {
        out.skip_area(format!("{code} (ILOSTAT aggregate)"), AreaMatch::Aggregate, || {
            grid.location(file, row, col)
        });
        return None;
    }
    out.area(AreaId::Wb(&code.to_ascii_uppercase(), code), || grid.location(file, row, col))
}

/// The dataset's key, publisher, title, edition and licence.
fn fill_meta(out: &mut Builder<'_>, layout: Layout, tally: &Tally) {
    let (key, publisher) = match layout {
        Layout::Ddf => (
            "ilostat-outflows-ddf",
            "International Labour Organization (ILOSTAT), in Gapminder's DDF layout \
             (open-numbers/ddf--ilo--ilostat)",
        ),
        Layout::Bulk => ("ilostat-outflows", "International Labour Organization (ILOSTAT)"),
    };
    out.meta.key = key.to_owned();
    out.meta.publisher = publisher.to_owned();
    out.meta.title = "Outflow of nationals for employment by sex and country of destination \
                      (ILOSTAT MNA_OEMP_SEX_CDS_NB)"
        .to_owned();
    out.meta.edition = if tally.years.0 <= tally.years.1 {
        format!("{}–{}", tally.years.0, tally.years.1)
    } else {
        "not stated".to_owned()
    };
    out.meta.licence = Some("CC BY 4.0".to_owned());
}

/// The diagnostics: conversion, totals, flags and the rows not stored.
fn report(out: &mut Builder<'_>, grid: &Grid, layout: Layout, tally: &Tally) {
    let file = out.file;
    let whole = grid.whole(file);
    let mut note = |first: u32, message: String| {
        let location = if first == 0 { whole.clone() } else { Location::line(file, first) };
        out.note(location, message);
    };
    note(
        0,
        format!(
            "values in thousands were multiplied by 1,000 and rounded to the nearest person \
             (cells with at most {ROUNDED_DECIMALS} decimals)"
        ),
    );
    if layout == Layout::Ddf {
        note(
            0,
            "Gapminder's DDF reshape of ILOSTAT's MNA_OEMP_SEX_CDS_NB, not ILO's own file"
                .to_owned(),
        );
    }
    let (n, first) = tally.unrounded;
    if n > 0 {
        note(
            first,
            format!(
                "{n} values with more than {ROUNDED_DECIMALS} decimals or an exponent were stored unrounded (× 1,000)"
            ),
        );
    }
    for (flag, (n, first)) in &tally.flags {
        note(
            *first,
            format!("{n} stored values carry the ILOSTAT observation flag obs_status {flag:?}"),
        );
    }
    for (indicator, (n, first)) in &tally.other_indicators {
        note(
            *first,
            format!(
                "{n} rows of indicator {indicator:?} were not read (only {BULK_INDICATOR} is mapped)"
            ),
        );
    }
    let rows = [
        (tally.empty, "rows without a value were not stored"),
        (tally.other_sex, "rows of sex SEX_O (other) were not stored"),
        (tally.same_area, "rows whose destination is the origin itself were not stored"),
    ];
    for ((n, first), what) in rows {
        if n > 0 {
            note(first, format!("{n} {what}"));
        }
    }
    let (summary, mismatches) = totals_messages(tally);
    note(0, summary);
    for (line, message) in mismatches {
        note(line, message);
    }
}

/// Compares each origin's `CDS_DES_TOTAL` with the sum of its other destination cells:
/// a summary, and a message at the total's line for each total that differs by more
/// than half a person.
fn totals_messages(tally: &Tally) -> (String, Vec<(u32, String)>) {
    let (mut equal, mut alone) = (0usize, 0usize);
    let mut mismatches = Vec::new();
    for ((origin, year, sex), sums) in &tally.sums {
        let Some((total, line)) = sums.total else { continue };
        if sums.n_parts == 0 {
            alone += 1;
        } else if (sums.parts - total).abs() <= 0.5 {
            equal += 1;
        } else {
            mismatches.push((
                line,
                format!(
                    "{origin} {year} {sex}: the {} destination cells add up to {} persons, the \
                     total (CDS_DES_TOTAL, stored as deployments_total) is {total}",
                    sums.n_parts, sums.parts
                ),
            ));
        }
    }
    let summary = format!(
        "destination totals (CDS_DES_TOTAL) are stored as deployments_total: {} origin-year-sex totals, {alone} \
         without any other destination cell; the destination cells (countries, CDS_DES_X and \
         regions) add up to the total in {equal} and differ from it in {}",
        equal + mismatches.len() + alone,
        mismatches.len()
    );
    (summary, mismatches)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_as_written() {
        assert_eq!(decimals("3.198"), Some(3));
        assert_eq!(decimals("12"), Some(0));
        assert_eq!(decimals("0.1234"), Some(4));
        assert_eq!(decimals("1e3"), None);
    }

    #[test]
    fn destination_codes() {
        assert!(matches!(destination("cds_des_sau"), Some(Destination::Area(c)) if c == "SAU"));
        assert!(matches!(
            destination("CDS_DES_TOTAL"),
            Some(Destination::Aggregate { total: true, .. })
        ));
        assert!(matches!(
            destination("CDS_DES_X"),
            Some(Destination::Aggregate { total: false, .. })
        ));
        assert!(destination("cds_des_").is_none());
        assert!(destination("eco_sector_x").is_none());
        assert!(is_aggregate_origin("X01") && !is_aggregate_origin("XKX"));
    }
}
