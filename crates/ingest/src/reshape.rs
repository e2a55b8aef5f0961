//! Third-party reshapes of the UN DESA International Migrant Stock destination × origin
//! table: the tidy CSV subset (`year,origin,destination,migrant_stock`, ISO3 codes)
//! and the chord-diagram JSON (`names`, `regions`, `matrix[year][i][j]`).
//!
//! Both are stored as `migrant_stock` pairs (origin → destination), as the official
//! workbooks are, but under dataset keys of their own (`undesa-ims-bilateral-tidy-…`,
//! `undesa-ims-bilateral-chord-…`), never the official `undesa-ims-bilateral`: a
//! partial reshape must not become the default edition of the official table. The
//! publisher names UN DESA and says that a third party reshaped the data; diagnostics
//! state each file's caveats.
//!
//! # Limits
//!
//! A tidy CSV larger than [`MAX_TIDY_BYTES`] (16 MiB: about 970,000 lines as long as
//! the shared file's) or a chord JSON larger than [`MAX_CHORD_BYTES`] (8 MiB) is
//! refused before it is parsed, so that no input can exhaust memory; a chord JSON may
//! name at most [`MAX_CHORD_NAMES`] areas. JSON nesting is bounded by `serde_json`'s recursion
//! limit (128 levels).

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::{BTreeMap, BTreeSet};

use domain::dataset::PairValue;
use domain::{Indicator, Iso3, Provenance, Sex, Year};
use serde::Deserialize;

use crate::areas::{self, AreaMatch};
use crate::error::{ImportError, ImportErrorKind, Location};
use crate::grid::Value;
use crate::read::{AreaId, Builder, bad_value, missing};

/// The largest tidy CSV read: 16 MiB (the shared subset is 0.66 MB, 38,530 rows).
pub const MAX_TIDY_BYTES: usize = 16 << 20;
/// The largest chord-diagram JSON read: 8 MiB (the shared files are about 1.6 MB).
pub const MAX_CHORD_BYTES: usize = 8 << 20;
/// The most labels (`names`) a chord-diagram JSON may have (the 2020 files have 243).
pub const MAX_CHORD_NAMES: usize = 1000;

/// The publisher of a reshape of the given edition (`None`: not known).
fn publisher(edition: Option<&str>) -> String {
    let edition = edition.map_or_else(|| ", edition not stated".to_owned(), |e| format!(" {e}"));
    format!(
        "United Nations, DESA, Population Division (International Migrant Stock{edition}), \
         reshaped by a third party"
    )
}
/// What a stock must be.
const PERSONS: &str = "a non-negative number of persons";
/// The columns of the tidy CSV, in order.
const TIDY_HEADER: [&str; 4] = ["year", "origin", "destination", "migrant_stock"];

/// Whether the fields of a CSV file's first line are the tidy subset's header.
pub(crate) fn is_tidy_header(fields: &[&str]) -> bool {
    fields == TIDY_HEADER
}

/// Whether a text starting with `{` looks like the chord-diagram JSON: it has the keys
/// `names`, `regions` and `matrix` among its first 64 KiB.
pub(crate) fn is_chord_json(text: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&text[..text.len().min(64 << 10)]);
    if !head.trim_start().starts_with('{') {
        return false;
    }
    ["names", "regions", "matrix"].iter().all(|key| {
        let quoted = format!("\"{key}\"");
        head.match_indices(&quoted)
            .any(|(at, _)| head[at + quoted.len()..].trim_start().starts_with(':'))
    })
}

/// The error for a file larger than a reader accepts.
fn too_large(file: &str, bytes: usize, max: usize, what: &str) -> ImportError {
    ImportError::new(
        Location::file(file),
        ImportErrorKind::Unreadable {
            expected: format!("{what} of at most {max} bytes"),
            detail: format!("the file has {bytes} bytes"),
        },
    )
}

/// A stock cell's number: non-negative and finite.
fn stock(value: f64, location: impl FnOnce() -> Location) -> Result<f64, ImportError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(bad_value(location(), PERSONS, crate::grid::number_text(value)))
    }
}

/// The edition of a tidy subset, recognised by a value the editions revised: Mexico →
/// United States in 2020 is 11,177,052 in the 2024 edition and 10,853,105 in the 2020
/// edition. `None` if the file does not have that pair.
fn tidy_edition(mex_usa_2020: Option<f64>) -> Option<&'static str> {
    let is = |published: f64| mex_usa_2020.is_some_and(|v| (v - published).abs() < 0.5);
    if is(11_177_052.0) {
        Some("2024")
    } else if is(10_853_105.0) {
        Some("2020")
    } else {
        None
    }
}

/// Resolves an ISO alpha-3 code of the tidy CSV (an aggregate or an area without ISO
/// code is reported; anything else is an unknown area).
fn tidy_area(
    out: &mut Builder<'_>,
    code: &str,
    location: impl FnOnce() -> Location,
) -> Option<Iso3> {
    match areas::match_wb_code(code) {
        Some(AreaMatch::Area(iso3)) => Some(iso3),
        Some(other) => {
            out.skip_area(code.to_owned(), other, location);
            None
        }
        None => out.area(AreaId::Name(code), location),
    }
}

/// The tidy subset: `year,origin,destination,migrant_stock`, one line per pair and
/// year, ISO alpha-3 codes, both sexes. Provenance: the line and column
/// `migrant_stock`.
pub(crate) fn read_tidy_csv(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    if out.bytes.len() > MAX_TIDY_BYTES {
        return Err(too_large(file, out.bytes.len(), MAX_TIDY_BYTES, "a tidy CSV"));
    }
    let mut grid = out.csv()?;
    for (col, name) in TIDY_HEADER.into_iter().enumerate() {
        if grid.n_rows() == 0 || grid.text(0, col).trim() != name {
            return Err(missing(
                Location::csv(file, 1, name),
                "the header \"year,origin,destination,migrant_stock\"",
            ));
        }
    }
    grid.set_header(0);
    let column = grid.column_name(3);
    let mut years = BTreeSet::new();
    let mut mex_usa_2020 = None;
    for row in 1..grid.n_rows() {
        if (0..grid.n_cols(row)).all(|c| grid.cell(row, c).is_blank()) {
            continue;
        }
        let year_text = grid.text(row, 0);
        let year = Year::parse(year_text.trim())
            .map_err(|_| bad_value(grid.location(file, row, 0), "a year", year_text.clone()))?;
        let value = match grid.value(file, row, 3, PERSONS)? {
            Value::Missing => continue,
            Value::Number(n) => stock(n, || grid.location(file, row, 3))?,
        };
        let (orig_code, dest_code) = (grid.text(row, 1), grid.text(row, 2));
        let orig = tidy_area(out, orig_code.trim(), || grid.location(file, row, 1));
        let dest = tidy_area(out, dest_code.trim(), || grid.location(file, row, 2));
        let (Some(orig), Some(dest)) = (orig, dest) else { continue };
        if year.get() == 2020 && orig.as_str() == "MEX" && dest.as_str() == "USA" {
            mex_usa_2020 = Some(value);
        }
        years.insert(year.get());
        out.push_pair(PairValue {
            indicator: Indicator::MIGRANT_STOCK,
            from: orig,
            to: dest,
            year,
            sex: Sex::Total,
            value,
            provenance: grid.provenance(file, row, &column),
        })?;
    }
    let years_text = years.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
    let edition = tidy_edition(mex_usa_2020);
    out.meta.key = edition.map_or_else(
        || "undesa-ims-bilateral-tidy".to_owned(),
        |e| format!("undesa-ims-bilateral-tidy-{e}"),
    );
    out.meta.publisher = publisher(edition);
    out.meta.title = format!(
        "International Migrant Stock {}: destination and origin, tidy subset by a third party \
         (years {years_text}; both sexes; zero pairs and some areas dropped)",
        edition.unwrap_or("(edition not stated)")
    );
    out.meta.edition = edition.unwrap_or("not stated").to_owned();
    out.meta.licence = None;
    let whole = Location::file(file);
    out.note(
        whole.clone(),
        format!(
            "a third party's reshape of UN DESA's destination × origin table, not the official \
             file: its author dropped areas it could not map to ISO3 (Puerto Rico, Greenland, \
             Gibraltar, Kosovo, \"Other\" origins and others) and every aggregate, so \
             destination totals fall short of the official ones; use it for corridors, not \
             totals. Stored under its own key {}, never as the official table",
            out.meta.key
        ),
    );
    out.note(
        whole,
        match edition {
            Some(e) => format!(
                "the file states no edition: {e} inferred from Mexico → United States 2020 \
                 ({} persons), the value of the {e} edition",
                mex_usa_2020.map_or_else(String::new, crate::grid::number_text)
            ),
            None => "the file states no edition, and its Mexico → United States 2020 value is \
                     that of no known edition: stored as edition \"not stated\""
                .to_owned(),
        },
    );
    Ok(())
}

/// The parts of the chord-diagram JSON that are read; `flags`, `colours`, `threshold`
/// and the totals are ignored.
#[derive(Deserialize)]
struct Chord {
    /// Row and column labels: region headers and countries or areas.
    names: Vec<String>,
    /// The indices of the region headers in `names`.
    regions: Vec<usize>,
    /// `matrix[year][i][j]`: migrants born in `names[i]` living in `names[j]`; `null`
    /// is no value.
    matrix: BTreeMap<String, Vec<Vec<Option<f64>>>>,
}

/// The location of a JSON value: the file and the path as the column.
fn json_path(file: &str, path: String) -> Location {
    Location { file: file.to_owned(), sheet: None, row: None, column: Some(path) }
}

/// The sex a chord-diagram file holds, from its name (`stock_female.json`,
/// `stock_male.json`, `stock.json`): the content does not say.
fn chord_sex(file: &str) -> Sex {
    let lower = file.to_ascii_lowercase();
    if lower.contains("female") {
        Sex::Female
    } else if lower.contains("male") {
        Sex::Male
    } else {
        Sex::Total
    }
}

/// Parses the chord-diagram JSON and checks its shape: every year a square matrix of
/// `names.len()` rows, every region index a name.
fn parse_chord(file: &str, bytes: &[u8]) -> Result<(Chord, Vec<(Year, String)>), ImportError> {
    if bytes.len() > MAX_CHORD_BYTES {
        return Err(too_large(file, bytes.len(), MAX_CHORD_BYTES, "a chord-diagram JSON"));
    }
    let chord: Chord = serde_json::from_slice(bytes).map_err(|e| {
        let mut location = Location::line(file, u32::try_from(e.line()).unwrap_or(u32::MAX));
        location.column = Some(format!("character {}", e.column()));
        ImportError::new(
            location,
            ImportErrorKind::Unreadable {
                expected:
                    "a chord-diagram JSON object {names, regions, matrix: {year: [[persons…]…]}}"
                        .to_owned(),
                detail: e.to_string(),
            },
        )
    })?;
    let n = chord.names.len();
    if n == 0 || n > MAX_CHORD_NAMES {
        return Err(bad_value(
            json_path(file, "$.names".to_owned()),
            format!("between 1 and {MAX_CHORD_NAMES} names"),
            format!("{n} names"),
        ));
    }
    if let Some((k, &i)) = chord.regions.iter().enumerate().find(|(_, i)| **i >= n) {
        return Err(bad_value(
            json_path(file, format!("$.regions[{k}]")),
            format!("an index into names (below {n})"),
            i.to_string(),
        ));
    }
    let mut years = Vec::with_capacity(chord.matrix.len());
    for (key, rows) in &chord.matrix {
        let year = Year::parse(key.trim()).map_err(|_| {
            bad_value(json_path(file, format!("$.matrix[{key:?}]")), "a year as key", key.clone())
        })?;
        let expected = || format!("{n} rows of {n} values, one per name");
        if rows.len() != n {
            let path = json_path(file, format!("$.matrix[{key:?}]"));
            return Err(bad_value(path, expected(), format!("{} rows", rows.len())));
        }
        if let Some((i, row)) = rows.iter().enumerate().find(|(_, r)| r.len() != n) {
            let path = json_path(file, format!("$.matrix[{key:?}][{i}]"));
            return Err(bad_value(path, expected(), format!("{} values", row.len())));
        }
        years.push((year, key.clone()));
    }
    if years.is_empty() {
        return Err(missing(json_path(file, "$.matrix".to_owned()), "at least one year"));
    }
    Ok((chord, years))
}

/// The chord-diagram JSON: `matrix[year][i][j]` migrants born in `names[i]` living in
/// `names[j]`. Region headers (`regions`) are aggregates and are not stored; names are
/// harmonised by [`crate::areas`]. The sex is taken from the file name. Provenance:
/// the JSON path of the number, `$.matrix["2020"][i][j]` (0-based indices).
pub(crate) fn read_chord_json(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let (chord, years) = parse_chord(file, out.bytes)?;
    let regions: BTreeSet<usize> = chord.regions.iter().copied().collect();
    let mut ids: Vec<Option<Iso3>> = Vec::with_capacity(chord.names.len());
    for (i, name) in chord.names.iter().enumerate() {
        let location = || json_path(file, format!("$.names[{i}]"));
        if regions.contains(&i) {
            out.skip_area(name.trim().to_owned(), AreaMatch::Aggregate, location);
            ids.push(None);
        } else {
            ids.push(out.area(AreaId::Name(name), location));
        }
    }
    let sex = chord_sex(file);
    let mut zeros = 0usize;
    for (year, key) in &years {
        for (i, row) in chord.matrix[key].iter().enumerate() {
            let Some(orig) = ids[i] else { continue };
            for (j, cell) in row.iter().enumerate() {
                let (Some(dest), Some(value)) = (ids[j], *cell) else { continue };
                let path = || format!("$.matrix[{key:?}][{i}][{j}]");
                let value = stock(value, || json_path(file, path()))?;
                if value == 0.0 {
                    zeros += 1;
                    continue;
                }
                out.push_pair(PairValue {
                    indicator: Indicator::MIGRANT_STOCK,
                    from: orig,
                    to: dest,
                    year: *year,
                    sex,
                    value,
                    provenance: Provenance { column: Some(path()), ..Provenance::file(file) },
                })?;
            }
        }
    }
    chord_meta(out, &years, sex, zeros);
    Ok(())
}

/// The chord-diagram JSON's metadata and caveats.
fn chord_meta(out: &mut Builder<'_>, years: &[(Year, String)], sex: Sex, zeros: usize) {
    let file = out.file;
    // The edition is the latest year of the matrix (the file states none): the 2020
    // edition ends with 2020, the 2024 edition with 2024.
    let edition = years.iter().map(|(y, _)| y.get()).max().unwrap_or_default().to_string();
    let (suffix, sexes) = match sex {
        Sex::Total => ("", "both sexes"),
        Sex::Male => ("-male", "males"),
        Sex::Female => ("-female", "females"),
    };
    out.meta.key = format!("undesa-ims-bilateral-chord-{edition}{suffix}");
    out.meta.publisher = publisher(Some(&edition));
    let first = years.iter().map(|(y, _)| y.get()).min().unwrap_or_default();
    out.meta.title = format!(
        "International Migrant Stock {edition}: origin × destination, chord-diagram JSON \
         reshaped by a third party ({first}–{edition}, {sexes})"
    );
    out.meta.edition = edition.clone();
    out.meta.licence = None;
    let whole = Location::file(file);
    out.note(
        whole.clone(),
        format!(
            "a third party's chord-diagram reshape of UN DESA's table, not the official file: \
             short English names harmonised here; its own region headers (rows and columns \
             listed in `regions`) are sums and are not stored; origins \"Other\"/unknown are \
             not in it, so destination totals fall short of the official ones. Stored under \
             its own key {}, never as the official table; edition {edition} inferred from its \
             latest year",
            out.meta.key
        ),
    );
    out.note(
        whole.clone(),
        format!("sex taken from the file name: {sexes} (the content does not state it)"),
    );
    if zeros > 0 {
        out.note(
            whole,
            format!("{zeros} cells holding 0 were not stored (a missing pair is zero)"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chord_keys_are_found_only_as_keys() {
        assert!(is_chord_json(br#"{"names": [], "regions": [], "matrix": {}}"#));
        assert!(!is_chord_json(br#"{"names": ["regions", "matrix"]}"#));
        assert!(!is_chord_json(br#"["names", "regions", "matrix"]"#));
    }

    #[test]
    fn sex_from_the_file_name() {
        assert_eq!(chord_sex("stock_female.json"), Sex::Female);
        assert_eq!(chord_sex("stock_male.json"), Sex::Male);
        assert_eq!(chord_sex("stock.json"), Sex::Total);
    }
}
