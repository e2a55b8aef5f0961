//! Coherence's own deployments CSV: one line per origin, destination, year, sex,
//! channel and skill level, a layout a ministry can fill in.
//!
//! ```text
//! origin,destination,year,sex,channel,skill,persons,source
//! NPL,MYS,2022,total,,,162000,Department of Foreign Employment
//! NPL,QAT,2022,male,agency,,40500,Department of Foreign Employment
//! LKA,KWT,2024,female,,low-skilled,1291,SLBFE annual report 2024
//! ```
//!
//! * `origin`, `destination`: ISO 3166-1 alpha-3 codes (unknown codes stop the import
//!   with all of them listed, unless told to skip them);
//! * `year`: the calendar year (a fiscal year at the calendar year it starts in);
//! * `sex`: `total`, `male` or `female`;
//! * `channel`: `all` (or empty), `agency`, `individual`, `g2g` or `reentry`;
//! * `skill`: `all` (or empty), `skilled` or `low-skilled`;
//! * `persons`: a non-negative number;
//! * `source`: free text, kept in the dataset's publisher (the distinct texts, in order
//!   of appearance).
//!
//! A channel and a skill level together (e.g. `agency`, `skilled`) have no indicator
//! and are refused at the `skill` cell. Stored: [`Indicator::DEPLOYMENTS`] for `all`,
//! `all`; `DEPLOYMENTS_AGENCY`, `…_INDIVIDUAL`, `…_G2G`, `…_REENTRY` for a channel;
//! `DEPLOYMENTS_SKILLED`, `…_LOW_SKILLED` for a skill level. Key
//! `coherence-deployments-` and the origins' codes (`coherence-deployments-npl`): files of
//! different origins are different datasets; edition the years covered (`2022–2024`). A
//! file none of whose lines can be stored (every country unknown and skipped) is
//! refused: an import adds or refuses, it never stores an empty edition.

use std::collections::BTreeSet;

use domain::{Indicator, Iso3, Sex, Year};

use super::{Deployment, PERSONS, push};
use crate::error::ImportError;
use crate::grid::{Grid, Value};
use crate::read::{AreaId, Builder, bad_value, missing};

/// The header, exactly.
pub(crate) const HEADER: [&str; 8] =
    ["origin", "destination", "year", "sex", "channel", "skill", "persons", "source"];

/// Whether the first line is [`HEADER`].
pub(crate) fn is_header(fields: &[&str]) -> bool {
    fields == HEADER
}

/// The indicator of a channel and a skill level, if they have one.
fn indicator(channel: &str, skill: &str) -> Option<Indicator> {
    match (channel, skill) {
        ("all", "all") => Some(Indicator::DEPLOYMENTS),
        ("agency", "all") => Some(Indicator::DEPLOYMENTS_AGENCY),
        ("individual", "all") => Some(Indicator::DEPLOYMENTS_INDIVIDUAL),
        ("g2g", "all") => Some(Indicator::DEPLOYMENTS_G2G),
        ("reentry", "all") => Some(Indicator::DEPLOYMENTS_REENTRY),
        ("all", "skilled") => Some(Indicator::DEPLOYMENTS_SKILLED),
        ("all", "low-skilled") => Some(Indicator::DEPLOYMENTS_LOW_SKILLED),
        _ => None,
    }
}

/// Reads the file.
pub(crate) fn read(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    let header: Vec<String> = (0..grid.n_cols(0)).map(|c| grid.text(0, c).into_owned()).collect();
    for (col, expected) in HEADER.iter().enumerate() {
        if header.get(col).map(String::as_str) != Some(*expected) {
            return Err(missing(
                grid.location(file, 0, col),
                format!("the header {}", HEADER.join(",")),
            ));
        }
    }
    grid.set_header(0);
    out.meta.title = "Nationals who left for work abroad, by destination, channel and skill level \
                      (Coherence deployments CSV)"
        .to_owned();
    let (mut sources, mut years): (Vec<String>, Vec<i64>) = (Vec::new(), Vec::new());
    let mut origins: BTreeSet<Iso3> = BTreeSet::new();
    for row in 1..grid.n_rows() {
        if (0..HEADER.len()).all(|c| grid.cell(row, c).is_blank()) {
            continue;
        }
        let (year, origin) = read_line(out, &grid, row)?;
        let Some(origin) = origin else { continue };
        origins.insert(origin);
        years.push(year);
        let source = grid.text(row, 7).into_owned();
        if !source.is_empty() && !sources.contains(&source) {
            sources.push(source);
        }
    }
    if origins.is_empty() {
        return Err(missing(
            grid.location(file, 1, 0),
            "at least one line whose origin and destination are known countries (every line was skipped: nothing to store)",
        ));
    }
    out.meta.key = key(&origins);
    out.meta.publisher =
        if sources.is_empty() { "not stated".to_owned() } else { sources.join("; ") };
    out.meta.edition = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => "empty".to_owned(),
    };
    Ok(())
}

/// The dataset key of a file of the origins `origins`: `coherence-deployments-npl`, or
/// `coherence-deployments-lka-npl` for two. Files of different origins are different
/// datasets, both read; a new file of the same origins is a new edition of theirs. More
/// than [`KEY_ORIGINS`] origins are named by their count and a digest of the list.
fn key(origins: &BTreeSet<Iso3>) -> String {
    let codes: Vec<String> = origins.iter().map(|c| c.as_str().to_ascii_lowercase()).collect();
    if codes.len() <= KEY_ORIGINS {
        return format!("coherence-deployments-{}", codes.join("-"));
    }
    let digest = crate::sha256_hex(codes.join(",").as_bytes());
    format!("coherence-deployments-{}-origins-{}", codes.len(), &digest[..12])
}

/// How many origins a dataset key names one by one.
const KEY_ORIGINS: usize = 6;

/// Reads and stores one line; returns its year and, when stored, its origin (`None`
/// when a country of the line was unknown and skipped).
fn read_line(
    out: &mut Builder<'_>,
    grid: &Grid,
    row: usize,
) -> Result<(i64, Option<Iso3>), ImportError> {
    let file = out.file;
    let text = |c: usize| grid.text(row, c).into_owned();
    let year_cell = grid.cell(row, 2);
    let year_number = year_cell
        .integer()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or_else(|| bad_value(grid.location(file, row, 2), "a year (1900–2100)", text(2)))?;
    let year = Year::new(year_number)
        .map_err(|_| bad_value(grid.location(file, row, 2), "a year (1900–2100)", text(2)))?;
    let sex = match text(3).as_str() {
        "total" => Sex::Total,
        "male" => Sex::Male,
        "female" => Sex::Female,
        other => {
            return Err(bad_value(grid.location(file, row, 3), "total, male or female", other));
        }
    };
    let channel = match text(4).as_str() {
        "" | "all" => "all",
        c @ ("agency" | "individual" | "g2g" | "reentry") => c,
        other => {
            return Err(bad_value(
                grid.location(file, row, 4),
                "all (or empty), agency, individual, g2g or reentry",
                other,
            ));
        }
    }
    .to_owned();
    let skill = match text(5).as_str() {
        "" | "all" => "all",
        s @ ("skilled" | "low-skilled") => s,
        other => {
            return Err(bad_value(
                grid.location(file, row, 5),
                "all (or empty), skilled or low-skilled",
                other,
            ));
        }
    }
    .to_owned();
    let indicator = indicator(&channel, &skill).ok_or_else(|| {
        bad_value(
            grid.location(file, row, 5),
            format!(
                "skill `all` with channel `{channel}` (no indicator crosses channel and skill)"
            ),
            skill.as_str(),
        )
    })?;
    let value = match grid.value(file, row, 6, PERSONS)? {
        Value::Number(n) if n >= 0.0 => n,
        Value::Number(n) => {
            return Err(bad_value(
                grid.location(file, row, 6),
                PERSONS,
                crate::grid::number_text(n),
            ));
        }
        Value::Missing => return Err(bad_value(grid.location(file, row, 6), PERSONS, text(6))),
    };
    let (origin_code, destination_code) = (text(0), text(1));
    let origin = out.area(AreaId::Wb(&origin_code, &origin_code), || grid.location(file, row, 0));
    let destination =
        out.area(AreaId::Wb(&destination_code, &destination_code), || grid.location(file, row, 1));
    let (Some(origin), Some(destination)) = (origin, destination) else {
        return Ok((year_number, None));
    };
    let provenance = grid.provenance(file, row, "persons");
    push(out, Deployment { indicator, origin, destination, year, sex, value, provenance })?;
    Ok((year_number, Some(origin)))
}
