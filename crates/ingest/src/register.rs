//! Policy register files: import from TOML or CSV, export to TOML or CSV.
//!
//! The TOML layout is the one of the demo world's `policies.toml` (one `[[policy]]`
//! table per policy; read by [`crate::formats::read_policies_toml`]). The CSV layout
//! has one row per policy and one column per field, with the same names; list fields
//! (`stages`, `partners`, `target_groups`, `tags`) hold their items separated by `;`
//! ([`domain::policy::LIST_SEPARATOR`]),
//! and empty `start_year`/`end_year` cells mean "not given". Both are documented in
//! `docs/register.md`. Errors name the file, the line and the field.

#![allow(clippy::result_large_err, reason = "ImportError is the crate's one error type")]

use std::collections::HashMap;

use domain::Year;
use domain::area::{Area, Iso3, real_area};
use domain::policy::{Policy, PolicyField, PolicyStatus, Stage, split_list};
use domain::spreadsheet::{formula_safe, unquote};
use serde::Serialize;

use crate::{ImportError, ImportErrorKind, Location};

/// A register file's layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegisterFormat {
    /// `[[policy]]` tables.
    Toml,
    /// One row per policy.
    Csv,
}

impl RegisterFormat {
    /// The layout a file name's extension says (`.toml`, `.csv`), if any.
    pub fn from_file_name(name: &str) -> Option<RegisterFormat> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".toml") {
            Some(RegisterFormat::Toml)
        } else if lower.ends_with(".csv") {
            Some(RegisterFormat::Csv)
        } else {
            None
        }
    }
}

/// The CSV columns, in the order [`write_register_csv`] writes them: the policy fields
/// ([`PolicyField::NAMES`]).
pub const CSV_COLUMNS: [&str; 15] = PolicyField::NAMES;

/// Reads a register file, choosing the layout from the file name's extension.
/// Area codes must be real or among `known` (the areas datasets define).
///
/// # Errors
/// An [`ImportError`] naming the file, line and field: an unknown extension, invalid
/// TOML or CSV, a missing or empty required field, a value outside its vocabulary, a
/// duplicate id, an end year before the start year, or unknown area codes.
pub fn read_register(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<Policy>, ImportError> {
    match RegisterFormat::from_file_name(file_name) {
        Some(RegisterFormat::Toml) => crate::formats::read_policies_toml(file_name, text, known),
        Some(RegisterFormat::Csv) => read_register_csv(file_name, text, known),
        None => Err(ImportError::new(
            Location::file(file_name),
            ImportErrorKind::Unreadable {
                expected: "a policy register (.toml or .csv)".to_owned(),
                detail: "the file name ends neither in .toml nor in .csv".to_owned(),
            },
        )),
    }
}

/// Reads a register in the CSV layout.
///
/// # Errors
/// As [`read_register`].
pub fn read_register_csv(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<Policy>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let csv_err = |e: csv::Error| {
        let row = e.position().map(|p| line_of(text, p.byte()));
        ImportError::new(
            Location { file: file_name.to_owned(), sheet: None, row, column: None },
            ImportErrorKind::Unreadable {
                expected: "a policy register (CSV)".to_owned(),
                detail: e.to_string(),
            },
        )
    };
    let header = reader.headers().map_err(csv_err)?.clone();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        index.insert(h.trim(), i);
    }
    for required in CSV_COLUMNS {
        if !index.contains_key(required) && !matches!(required, "start_year" | "end_year") {
            return Err(ImportError::new(
                Location::csv(file_name, 1, required),
                ImportErrorKind::MissingHeader { expected: format!("a column {required:?}") },
            ));
        }
    }
    let known_codes: Vec<Iso3> = known.iter().map(|a| a.iso3).collect();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(csv_err)?;
        let line = record.position().map_or(0, |p| line_of(text, p.byte()));
        let cell = |name: &str| -> &str {
            // A quote an export put before a formula-like text is removed
            // (`domain::spreadsheet`).
            index.get(name).and_then(|&i| record.get(i)).map_or("", |v| unquote(v.trim()).trim())
        };
        let bad = |name: &str, expected: &str, found: &str| {
            ImportError::new(
                Location::csv(file_name, line, name),
                ImportErrorKind::BadValue {
                    expected: expected.to_owned(),
                    found: found.to_owned(),
                },
            )
        };
        let required = |name: &str| -> Result<String, ImportError> {
            let v = cell(name);
            if v.is_empty() { Err(bad(name, "a non-empty text", v)) } else { Ok(v.to_owned()) }
        };
        let identifier = |name: &str, v: &str| -> Result<String, ImportError> {
            if is_identifier(v) {
                Ok(v.to_owned())
            } else {
                Err(bad(name, "a lower-case identifier (letters, digits and hyphens)", v))
            }
        };
        let items = |name: &str| -> Vec<&str> { split_list(cell(name)).collect() };
        let code = |name: &str, v: &str| -> Result<Iso3, ImportError> {
            Iso3::parse(v)
                .ok()
                .filter(|c| real_area(*c).is_some() || known_codes.contains(c))
                .ok_or_else(|| bad(name, "a known ISO 3166-1 alpha-3 code", v))
        };
        let year = |name: &str| -> Result<Option<i32>, ImportError> {
            let v = cell(name);
            if v.is_empty() {
                return Ok(None);
            }
            v.parse::<i64>()
                .ok()
                .and_then(|y| Year::new(y).ok())
                .map(|y| Some(y.get()))
                .ok_or_else(|| bad(name, "a year between 1900 and 2200, or nothing", v))
        };

        let id = required("id")?;
        if let Some(first) = seen.insert(id.clone(), line) {
            return Err(ImportError::new(
                Location::csv(file_name, line, "id"),
                ImportErrorKind::Duplicate { key: format!("policy id {id:?}"), first_row: first },
            ));
        }
        let country = code("country", cell("country"))?;
        let stages = items("stages")
            .into_iter()
            .map(|s| {
                Stage::parse(s).ok_or_else(|| {
                    bad(
                        "stages",
                        "before-departure, recruitment-departure, stay-abroad or return-reintegration",
                        s,
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if stages.is_empty() {
            return Err(bad("stages", "at least one stage of the migration cycle", ""));
        }
        let status = PolicyStatus::parse(cell("status"))
            .ok_or_else(|| bad("status", "planned, active, suspended or ended", cell("status")))?;
        let start_year = year("start_year")?;
        let end_year = year("end_year")?;
        if let (Some(s), Some(e)) = (start_year, end_year)
            && e < s
        {
            return Err(bad(
                "end_year",
                &format!("a year not before start_year ({s})"),
                &e.to_string(),
            ));
        }
        let list = |name: &str| -> Result<Vec<String>, ImportError> {
            items(name).into_iter().map(|v| identifier(name, v)).collect()
        };
        out.push(Policy {
            id,
            country,
            ministry: required("ministry")?,
            title: required("title")?,
            instrument: identifier("instrument", cell("instrument"))?,
            stages,
            area: identifier("area", cell("area"))?,
            partners: items("partners")
                .into_iter()
                .map(|p| code("partners", p))
                .collect::<Result<_, _>>()?,
            target_groups: list("target_groups")?,
            status,
            start_year,
            end_year,
            objectives: required("objectives")?,
            tags: list("tags")?,
            source: required("source")?,
        });
    }
    Ok(out)
}

/// Writes policies in the TOML layout (`[[policy]]` tables), readable by
/// [`read_register`].
pub fn write_register_toml(policies: &[Policy]) -> String {
    #[derive(Serialize)]
    struct File<'a> {
        policy: Vec<Out<'a>>,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        id: &'a str,
        country: &'a str,
        ministry: &'a str,
        title: &'a str,
        instrument: &'a str,
        stages: Vec<&'static str>,
        area: &'a str,
        partners: Vec<&'a str>,
        target_groups: &'a [String],
        status: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        start_year: Option<i32>,
        #[serde(skip_serializing_if = "Option::is_none")]
        end_year: Option<i32>,
        objectives: &'a str,
        tags: &'a [String],
        source: &'a str,
    }
    let file = File {
        policy: policies
            .iter()
            .map(|p| Out {
                id: &p.id,
                country: p.country.as_str(),
                ministry: &p.ministry,
                title: &p.title,
                instrument: &p.instrument,
                stages: p.stages.iter().map(|s| s.as_str()).collect(),
                area: &p.area,
                partners: p.partners.iter().map(Iso3::as_str).collect(),
                target_groups: &p.target_groups,
                status: p.status.as_str(),
                start_year: p.start_year,
                end_year: p.end_year,
                objectives: &p.objectives,
                tags: &p.tags,
                source: &p.source,
            })
            .collect(),
    };
    // Serialising plain strings, lists and integers cannot fail.
    toml::to_string(&file).unwrap_or_default()
}

/// Writes policies in the CSV layout, readable by [`read_register`]. A field a
/// spreadsheet would read as a formula gets a `'` before it
/// ([`domain::spreadsheet::formula_safe`]); the reader removes it.
pub fn write_register_csv(policies: &[Policy]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(CSV_COLUMNS);
    for p in policies {
        // Text that a spreadsheet would take for a formula is quoted (`'`).
        let _ = w.write_record(p.field_texts().map(|(_, text)| formula_safe(&text).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn line_of(text: &str, offset: u64) -> u32 {
    let end = usize::try_from(offset).unwrap_or(usize::MAX).min(text.len());
    let newlines = text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (Vec<Policy>, Vec<Area>) {
        let world = crate::demo::demo_world().unwrap();
        (world.policies, world.areas)
    }

    #[test]
    fn toml_and_csv_round_trip() {
        let (policies, areas) = demo();
        let toml = write_register_toml(&policies);
        assert_eq!(read_register("r.toml", &toml, &areas).unwrap(), policies);
        let csv = write_register_csv(&policies);
        assert_eq!(read_register("r.csv", &csv, &areas).unwrap(), policies);
    }

    #[test]
    fn formula_like_text_is_quoted_in_csv_and_read_back_as_it_was() {
        let (mut policies, areas) = demo();
        policies.truncate(2);
        policies[0].title = "=HYPERLINK(\"http://example.invalid\",\"x\")".to_owned();
        policies[1].ministry = "-Ministry+".to_owned();
        let csv = write_register_csv(&policies);
        assert!(
            csv.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\","),
            "{csv}"
        );
        assert!(csv.contains(",'-Ministry+,"), "{csv}");
        assert_eq!(read_register("r.csv", &csv, &areas).unwrap(), policies);
    }

    #[test]
    fn malformed_csv_names_file_line_and_field() {
        let (policies, areas) = demo();
        let csv = write_register_csv(&policies[..3]);
        let broken = csv.replacen(",active,", ",in-force,", 2);
        let e = read_register("r.csv", &broken, &areas).unwrap_err().to_string();
        assert!(e.starts_with("r.csv, row 2, column status: expected planned"), "{e}");
        let broken = csv.replace("stay-abroad", "abroad");
        let e = read_register("r.csv", &broken, &areas).unwrap_err().to_string();
        assert!(e.starts_with("r.csv, row 2, column stages"), "{e}");
        let e = read_register("r.csv", "id,country\n", &areas).unwrap_err().to_string();
        assert!(e.contains("column ministry"), "{e}");
        let e = read_register("r.txt", "", &areas).unwrap_err().to_string();
        assert!(e.contains(".toml or .csv"), "{e}");
    }
}
