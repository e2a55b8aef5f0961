//! Coherence's own input formats: plain CSV and TOML files that a user can write by
//! hand or export from a spreadsheet, and that the built-in demo world ([`crate::demo`])
//! is written in.
//!
//! | File               | Reader                    | Gives                                   |
//! |--------------------|---------------------------|-----------------------------------------|
//! | dataset metadata   | [`read_world_toml`]       | [`DatasetDescription`]                  |
//! | countries          | [`read_countries_csv`]    | [`Area`]s and their [`CountryAttributes`] |
//! | area indicators    | [`read_indicators_csv`]   | [`AreaValue`]s                          |
//! | migrant stocks     | [`read_stocks_csv`]       | [`PairValue`]s of [`Indicator::MIGRANT_STOCK`] |
//! | remittance flows   | [`read_remittances_csv`]  | [`PairValue`]s of [`Indicator::BILATERAL_REMITTANCES_USD`] |
//! | remittance costs   | [`read_costs_csv`]        | [`PairValue`]s of [`Indicator::REMITTANCE_COST_200`] |
//! | flow-estimate stocks | [`read_flow_stocks_csv`] | [`PairValue`]s of [`Indicator::MIGRANT_STOCK`], diagonal allowed |
//! | births and deaths  | [`read_vital_csv`]        | [`VitalEvents`] by area and period      |
//! | policy register    | [`read_policies_toml`]    | [`Policy`]s                             |
//!
//! The exact layout of each file (columns, types, units, allowed values) is documented
//! in `demo/README.md` and summarised in `docs/input-formats.md`.
//!
//! # Rules shared by the CSV formats
//!
//! * The first line is the header. Columns are found by their header name, in any
//!   order; columns the format does not name are ignored. A UTF-8 byte-order mark is
//!   accepted. Cells are trimmed of surrounding white space.
//! * Numbers are plain decimals (`1234567`, `8.5`), with no thousands separators and
//!   no units; amounts are in base units (persons, not thousands; US dollars, not
//!   millions).
//! * Area codes are ISO 3166-1 alpha-3. A code must be either a real country or area
//!   ([`domain::area::real_area`]) or one of the `known` areas the caller passes (the
//!   areas of the countries file). All unknown codes of a file are reported together
//!   ([`ImportErrorKind::UnknownAreas`]).
//! * A key (e.g. origin, destination, year and sex) appears at most once.
//!
//! Every value read carries a [`Provenance`]: the file name given by the caller, the
//! 1-based line and the header of the value's column.
//!
//! # Errors
//! Every reader stops at the first problem that makes the file unusable and returns an
//! [`ImportError`] naming the file, the line and the column (for TOML files: the field),
//! with what was expected and what was found. Unknown area codes are collected over the
//! whole file first and reported together.

// `ImportError` is the crate's one error type (STYLE.md §6) and carries its location
// by value; an error ends the import, so its size costs nothing on the path that
// matters.
#![allow(clippy::result_large_err)]

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use domain::area::{Area, AreaKind, Iso3, real_area};
use domain::dataset::{AreaValue, DatasetMeta, PairValue};
use domain::measure::{Indicator, Sex, Shape, Unit};
use domain::policy::{Policy, PolicyStatus, Stage};
use domain::{Provenance, Year};
use serde::Deserialize;
use toml::Spanned;

use crate::{ImportError, ImportErrorKind, Location};

// ---------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------

/// The contents of a dataset metadata file (`world.toml` in the demo world).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetDescription {
    /// Key, publisher, title, edition, source, licence and whether the data are
    /// fictional. `files` is empty: the caller adds the files it reads.
    pub meta: DatasetMeta,
    /// A notice that every output built from the dataset must show, such as the demo
    /// world's statement that it is fictional. Required when `fictional = true`.
    pub notice: Option<String>,
}

/// A World Bank–style income group, as given in the `income_group` column of a
/// countries file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IncomeGroup {
    /// Low income.
    Low,
    /// Lower-middle income.
    LowerMiddle,
    /// Upper-middle income.
    UpperMiddle,
    /// High income.
    High,
}

impl IncomeGroup {
    /// Every group, from low to high.
    pub const ALL: [IncomeGroup; 4] =
        [IncomeGroup::Low, IncomeGroup::LowerMiddle, IncomeGroup::UpperMiddle, IncomeGroup::High];

    /// The identifier used in files: `low`, `lower-middle`, `upper-middle`, `high`.
    pub fn as_str(self) -> &'static str {
        match self {
            IncomeGroup::Low => "low",
            IncomeGroup::LowerMiddle => "lower-middle",
            IncomeGroup::UpperMiddle => "upper-middle",
            IncomeGroup::High => "high",
        }
    }

    /// Parses [`IncomeGroup::as_str`]'s output.
    pub fn parse(s: &str) -> Option<IncomeGroup> {
        IncomeGroup::ALL.into_iter().find(|g| g.as_str() == s)
    }
}

/// Attributes of a country that the countries file gives beyond its [`Area`] (code,
/// name, kind).
///
/// They describe the country's place in the governance of migration and feed the
/// corridor checks: whether the country is on the (demo world's copy of the) WHO
/// health-workforce support and safeguards list, and which of the three migrant-worker
/// conventions it is party to. Coherence's domain has no type for them yet, so they
/// are returned beside the areas and not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryAttributes {
    /// The country.
    pub iso3: Iso3,
    /// A free-text region, e.g. "Northern Reach"; empty when not given.
    pub region: String,
    /// The income group; `None` when the cell is empty.
    pub income_group: Option<IncomeGroup>,
    /// Whether the country is on the health-workforce support and safeguards list
    /// (WHO Global Code of Practice on the International Recruitment of Health
    /// Personnel): destinations should not actively recruit its health workers outside
    /// a government-to-government agreement.
    pub who_ssl: bool,
    /// Whether the country is party to the International Convention on the Protection
    /// of the Rights of All Migrant Workers and Members of Their Families (1990).
    pub icmw_party: bool,
    /// Whether the country is party to ILO Convention No. 97, Migration for Employment
    /// (Revised), 1949.
    pub ilo_c97_party: bool,
    /// Whether the country is party to ILO Convention No. 143, Migrant Workers
    /// (Supplementary Provisions), 1975.
    pub ilo_c143_party: bool,
}

// ---------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------

/// Reads a dataset metadata file (TOML): `key`, `publisher`, `title`, `edition`,
/// `source`, optional `licence`, `fictional` (default `false`) and `notice` (required
/// when `fictional = true`).
///
/// # Errors
/// Returns an [`ImportError`] for invalid TOML, an unknown or missing field (with its
/// line), an empty text field, a `key` that is not a lower-case identifier, or a
/// fictional dataset without a notice.
pub fn read_world_toml(file_name: &str, text: &str) -> Result<DatasetDescription, ImportError> {
    let text = strip_bom(text);
    let raw: RawWorld = toml::from_str(text)
        .map_err(|e| toml_error(file_name, text, &e, "a dataset metadata file (TOML)"))?;
    let field = |name: &str, value: &Spanned<String>| -> Result<String, ImportError> {
        non_empty(file_name, text, name, value)
    };
    let key = field("key", &raw.key)?;
    if !is_identifier(&key) {
        return Err(toml_bad_value(
            file_name,
            text,
            "key",
            raw.key.span(),
            "a lower-case identifier (letters, digits and hyphens)",
            &key,
        ));
    }
    let meta = DatasetMeta {
        key,
        publisher: field("publisher", &raw.publisher)?,
        title: field("title", &raw.title)?,
        edition: field("edition", &raw.edition)?,
        source: field("source", &raw.source)?,
        licence: raw.licence.as_ref().map(|l| field("licence", l)).transpose()?,
        fictional: raw.fictional,
        files: Vec::new(),
    };
    let notice = raw.notice.as_ref().map(|n| field("notice", n)).transpose()?;
    if meta.fictional && notice.is_none() {
        return Err(ImportError::new(
            Location { column: Some("notice".to_owned()), ..Location::file(file_name) },
            ImportErrorKind::BadValue {
                expected: "a notice text, required when fictional = true".to_owned(),
                found: String::new(),
            },
        ));
    }
    Ok(DatasetDescription { meta, notice })
}

/// Reads a countries file (CSV) with the columns `iso3`, `name`, `kind`, `region`,
/// `income_group`, `who_ssl`, `icmw_party`, `ilo_c97_party` and `ilo_c143_party`.
///
/// The file defines areas that the table of real areas lacks: today only fictional
/// ones, so `kind` must be `fictional` and `iso3` a fictional code: ISO 3166-1
/// user-assigned and not a publisher's code for a real area ([`Iso3::is_fictional`]).
/// `income_group` is `low`, `lower-middle`, `upper-middle`, `high` or empty; the last
/// four columns are `yes` or `no`.
///
/// # Errors
/// Returns an [`ImportError`] for a missing column, an invalid or duplicate code, a
/// code that is not fictional, an empty name, or a cell outside its allowed
/// values.
pub fn read_countries_csv(
    file_name: &str,
    text: &str,
) -> Result<Vec<(Area, CountryAttributes)>, ImportError> {
    const COLUMNS: [&str; 9] = [
        "iso3",
        "name",
        "kind",
        "region",
        "income_group",
        "who_ssl",
        "icmw_party",
        "ilo_c97_party",
        "ilo_c143_party",
    ];
    let table = CsvTable::read(file_name, text, &COLUMNS)?;
    let mut seen = HashMap::new();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let line = *line;
        let cell = |k: usize| table.cell(record, k);
        let bad = |k: usize, expected: &str| table.bad_value(line, k, expected, cell(k));

        let iso3 = Iso3::parse(cell(0))
            .map_err(|_| bad(0, "an ISO 3166-1 alpha-3 code (three letters)"))?;
        if !iso3.is_fictional() {
            return Err(bad(
                0,
                "an ISO 3166-1 user-assigned code (AAA-AAZ, QMA-QZZ, XAA-XZZ or ZZA-ZZZ) \
                 that no publisher uses for a real area (not XKX or CHI)",
            ));
        }
        check_duplicate(&mut seen, iso3, line, || iso3.to_string(), &table, 0)?;
        let name = cell(1);
        if name.is_empty() {
            return Err(bad(1, "the country's name"));
        }
        if AreaKind::parse(cell(2)) != Some(AreaKind::Fictional) {
            return Err(bad(2, "fictional"));
        }
        let income_group =
            match cell(4) {
                "" => None,
                s => Some(IncomeGroup::parse(s).ok_or_else(|| {
                    bad(4, "low, lower-middle, upper-middle, high or an empty cell")
                })?),
            };
        let yes_no = |k: usize| match cell(k) {
            "yes" => Ok(true),
            "no" => Ok(false),
            _ => Err(bad(k, "yes or no")),
        };
        let attributes = CountryAttributes {
            iso3,
            region: cell(3).to_owned(),
            income_group,
            who_ssl: yes_no(5)?,
            icmw_party: yes_no(6)?,
            ilo_c97_party: yes_no(7)?,
            ilo_c143_party: yes_no(8)?,
        };
        let area = Area { iso3, m49: None, name: name.to_owned(), kind: AreaKind::Fictional };
        out.push((area, attributes));
    }
    Ok(out)
}

/// Reads area indicators (CSV, long format) with the columns `iso3`, `indicator`,
/// `year`, `sex` and `value`.
///
/// `indicator` is the code of an area indicator ([`Shape::Area`], e.g. `population`,
/// `gdp_usd`); `value` is in that indicator's base unit ([`Indicator::unit`]) and is
/// non-negative, except for `net_migration`. `sex` is `total`, `male` or `female`.
/// `known` are the areas the dataset defines besides the real ones.
///
/// # Errors
/// Returns an [`ImportError`] for a missing column, an unknown indicator code, a year
/// out of range, a value that is not a number or out of its range, a duplicate
/// (`iso3`, `indicator`, `year`, `sex`), or unknown area codes (all of them).
pub fn read_indicators_csv(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<AreaValue>, ImportError> {
    const COLUMNS: [&str; 5] = ["iso3", "indicator", "year", "sex", "value"];
    let table = CsvTable::read(file_name, text, &COLUMNS)?;
    let mut codes = AreaCodes::new(known);
    let mut seen = HashMap::new();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let line = *line;
        let area = codes.resolve(table.cell(record, 0), line);
        let indicator = Indicator::by_code(table.cell(record, 1))
            .filter(|i| i.shape == Shape::Area)
            .ok_or_else(|| {
                let names: Vec<&str> = Indicator::ALL
                    .iter()
                    .filter(|i| i.shape == Shape::Area)
                    .map(|i| i.code)
                    .collect();
                table.bad_value(
                    line,
                    1,
                    &format!("an area indicator code ({})", names.join(", ")),
                    table.cell(record, 1),
                )
            })?;
        let year = table.year(record, line, 2)?;
        let sex = table.sex(record, line, 3)?;
        let value = table.value(record, line, 4, indicator)?;
        let Some(area) = area else { continue };
        let key = (area, indicator.code, year, sex);
        check_duplicate(
            &mut seen,
            key,
            line,
            || format!("{area} {} {year} {sex}", indicator.code),
            &table,
            4,
        )?;
        out.push(AreaValue {
            indicator,
            area,
            year,
            sex,
            value,
            provenance: Provenance::csv(file_name, line, COLUMNS[4]),
        });
    }
    codes.finish(file_name)?;
    Ok(out)
}

/// Reads bilateral migrant stocks (CSV) with the columns `orig`, `dest`, `year`, `sex`
/// and `value` (persons, non-negative).
///
/// Where a corridor and year has rows for all of `total`, `male` and `female`, the
/// total must equal male + female (up to the rounding of decimals).
///
/// # Errors
/// Returns an [`ImportError`] for a missing column, a bad year, sex or value, an origin
/// equal to its destination, a duplicate (`orig`, `dest`, `year`, `sex`), unknown area
/// codes (all of them), or a total that is not male + female
/// ([`ImportErrorKind::SexMismatch`], naming the three rows).
pub fn read_stocks_csv(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<PairValue>, ImportError> {
    const COLUMNS: [&str; 5] = ["orig", "dest", "year", "sex", "value"];
    let indicator = Indicator::MIGRANT_STOCK;
    let table = CsvTable::read(file_name, text, &COLUMNS)?;
    let mut codes = AreaCodes::new(known);
    let mut seen = HashMap::new();
    // Per corridor and year: the (value, line) of total, male and female.
    let mut by_sex: HashMap<(Iso3, Iso3, Year), SexParts> = HashMap::new();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let line = *line;
        let orig = codes.resolve(table.cell(record, 0), line);
        let dest = codes.resolve(table.cell(record, 1), line);
        let year = table.year(record, line, 2)?;
        let sex = table.sex(record, line, 3)?;
        let value = table.value(record, line, 4, indicator)?;
        let (Some(orig), Some(dest)) = (orig, dest) else { continue };
        if orig == dest {
            return Err(table.bad_value(
                line,
                1,
                "a destination other than the origin",
                table.cell(record, 1),
            ));
        }
        check_duplicate(
            &mut seen,
            (orig, dest, year, sex),
            line,
            || format!("{orig}→{dest} {year} {sex}"),
            &table,
            4,
        )?;
        let slot = match sex {
            Sex::Total => 0,
            Sex::Male => 1,
            Sex::Female => 2,
        };
        by_sex.entry((orig, dest, year)).or_default()[slot] = Some((value, line));
        out.push(PairValue {
            indicator,
            from: orig,
            to: dest,
            year,
            sex,
            value,
            provenance: Provenance::csv(file_name, line, COLUMNS[4]),
        });
    }
    codes.finish(file_name)?;
    // Report the first mismatch in file order, so that the message is deterministic.
    let mismatch = by_sex
        .into_iter()
        .filter_map(|((orig, dest, year), parts)| {
            let [Some(total), Some(male), Some(female)] = parts else { return None };
            let difference = total.0 - (male.0 + female.0);
            let tol = 1e-9 * total.0.abs().max(1.0);
            (difference.abs() > tol)
                .then(|| (format!("{orig}→{dest} {year}"), [total.1, male.1, female.1], difference))
        })
        .min_by_key(|(_, rows, _)| rows[0]);
    if let Some((key, rows, difference)) = mismatch {
        return Err(ImportError::new(
            Location::csv(file_name, rows[0], COLUMNS[4]),
            ImportErrorKind::SexMismatch { key, rows, difference },
        ));
    }
    Ok(out)
}

/// Reads bilateral remittance flows (CSV) with the columns `sender`, `receiver`,
/// `year` and `value` (current US$, non-negative): the money sent in the year from
/// the `sender` country (where the migrants live) to the `receiver` (their origin).
///
/// # Errors
/// Returns an [`ImportError`] for a missing column, a bad year or value, a sender equal
/// to the receiver, a duplicate (`sender`, `receiver`, `year`), or unknown area codes
/// (all of them).
pub fn read_remittances_csv(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<PairValue>, ImportError> {
    read_pair_csv(
        file_name,
        text,
        known,
        ["sender", "receiver", "year", "value"],
        Indicator::BILATERAL_REMITTANCES_USD,
    )
}

/// Reads remittance costs (CSV) with the columns `sender`, `receiver`, `year` and
/// `cost_pct`: the average total cost of sending US$200 from `sender` to `receiver`,
/// as a percentage (0–100) of the amount sent.
///
/// # Errors
/// Returns an [`ImportError`] for a missing column, a bad year, a cost that is not a
/// number between 0 and 100, a sender equal to the receiver, a duplicate (`sender`,
/// `receiver`, `year`), or unknown area codes (all of them).
pub fn read_costs_csv(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<PairValue>, ImportError> {
    read_pair_csv(
        file_name,
        text,
        known,
        ["sender", "receiver", "year", "cost_pct"],
        Indicator::REMITTANCE_COST_200,
    )
}

/// Reads a policy register (TOML): one `[[policy]]` table per policy, with the fields
/// of [`Policy`].
///
/// `id`, `country`, `ministry`, `title`, `instrument`, `stages`, `area`, `status`,
/// `objectives` and `source` are required; `partners`, `target_groups` and `tags`
/// default to empty lists, `start_year` and `end_year` to unknown. `stages` are
/// [`Stage`] identifiers (`before-departure`, `recruitment-departure`, `stay-abroad`,
/// `return-reintegration`), at least one; `status` is `planned`, `active`,
/// `suspended` or `ended`; `instrument`, `area`, `target_groups` and `tags` are
/// lower-case identifiers (letters, digits, hyphens). `country` and `partners` must be
/// real or `known` areas.
///
/// # Errors
/// Returns an [`ImportError`] naming the line and field for invalid TOML, a missing,
/// unknown or mistyped field, a value outside its allowed values, a duplicate `id`, an
/// `end_year` before the `start_year`, or unknown area codes (all of them).
pub fn read_policies_toml(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<Policy>, ImportError> {
    let text = strip_bom(text);
    let raw: RawRegister = toml::from_str(text)
        .map_err(|e| toml_error(file_name, text, &e, "a policy register (TOML)"))?;
    let mut codes = AreaCodes::new(known);
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::with_capacity(raw.policy.len());
    for raw in &raw.policy {
        let line_of_value = |v: &Range<usize>| line_of(text, v.start);
        let bad = |field: &str, span: Range<usize>, expected: &str, found: &str| {
            toml_bad_value(file_name, text, field, span, expected, found)
        };
        let text_field =
            |name: &str, value: &Spanned<String>| non_empty(file_name, text, name, value);
        let identifier = |name: &str, value: &Spanned<String>| -> Result<String, ImportError> {
            if is_identifier(value.get_ref()) {
                Ok(value.get_ref().clone())
            } else {
                Err(bad(
                    name,
                    value.span(),
                    "a lower-case identifier (letters, digits and hyphens)",
                    value.get_ref(),
                ))
            }
        };

        let id = text_field("id", &raw.id)?;
        let id_line = line_of_value(&raw.id.span());
        match seen.entry(id.clone()) {
            Entry::Occupied(first) => {
                return Err(ImportError::new(
                    Location::csv(file_name, id_line, "id"),
                    ImportErrorKind::Duplicate {
                        key: format!("policy id {id:?}"),
                        first_row: *first.get(),
                    },
                ));
            }
            Entry::Vacant(slot) => {
                slot.insert(id_line);
            }
        }
        let country = codes.resolve(raw.country.get_ref(), line_of_value(&raw.country.span()));
        let partners: Vec<Option<Iso3>> = raw
            .partners
            .iter()
            .map(|p| codes.resolve(p.get_ref(), line_of_value(&p.span())))
            .collect();
        if raw.stages.get_ref().is_empty() {
            return Err(bad(
                "stages",
                raw.stages.span(),
                "at least one stage of the migration cycle",
                "[]",
            ));
        }
        let stages = raw
            .stages
            .get_ref()
            .iter()
            .map(|s| {
                Stage::parse(s.get_ref()).ok_or_else(|| {
                    bad(
                        "stages",
                        s.span(),
                        "before-departure, recruitment-departure, stay-abroad or return-reintegration",
                        s.get_ref(),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let status = PolicyStatus::parse(raw.status.get_ref()).ok_or_else(|| {
            bad(
                "status",
                raw.status.span(),
                "planned, active, suspended or ended",
                raw.status.get_ref(),
            )
        })?;
        let year = |name: &str, value: &Option<Spanned<i64>>| -> Result<Option<i32>, ImportError> {
            value
                .as_ref()
                .map(|y| {
                    Year::new(*y.get_ref()).map(Year::get).map_err(|_| {
                        bad(
                            name,
                            y.span(),
                            "a year between 1900 and 2200",
                            &y.get_ref().to_string(),
                        )
                    })
                })
                .transpose()
        };
        let start_year = year("start_year", &raw.start_year)?;
        let end_year = year("end_year", &raw.end_year)?;
        if let (Some(start), Some(end), Some(span)) =
            (start_year, end_year, raw.end_year.as_ref().map(Spanned::span))
            && end < start
        {
            return Err(bad(
                "end_year",
                span,
                &format!("a year not before start_year ({start})"),
                &end.to_string(),
            ));
        }
        let list = |name: &str, values: &[Spanned<String>]| -> Result<Vec<String>, ImportError> {
            values.iter().map(|v| identifier(name, v)).collect()
        };
        let ministry = text_field("ministry", &raw.ministry)?;
        let title = text_field("title", &raw.title)?;
        let instrument = identifier("instrument", &raw.instrument)?;
        let area = identifier("area", &raw.area)?;
        let target_groups = list("target_groups", &raw.target_groups)?;
        let objectives = text_field("objectives", &raw.objectives)?;
        let tags = list("tags", &raw.tags)?;
        let source = text_field("source", &raw.source)?;
        // An unknown country is reported with the other unknown codes below.
        let Some(country) = country else { continue };
        out.push(Policy {
            id,
            country,
            ministry,
            title,
            instrument,
            stages,
            area,
            partners: partners.into_iter().flatten().collect(),
            target_groups,
            status,
            start_year,
            end_year,
            objectives,
            tags,
            source,
        });
    }
    codes.finish(file_name)?;
    Ok(out)
}

// ---------------------------------------------------------------------------------
// TOML shapes
// ---------------------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWorld {
    key: Spanned<String>,
    publisher: Spanned<String>,
    title: Spanned<String>,
    edition: Spanned<String>,
    source: Spanned<String>,
    licence: Option<Spanned<String>>,
    #[serde(default)]
    fictional: bool,
    notice: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRegister {
    #[serde(default)]
    policy: Vec<RawPolicy>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    id: Spanned<String>,
    country: Spanned<String>,
    ministry: Spanned<String>,
    title: Spanned<String>,
    instrument: Spanned<String>,
    stages: Spanned<Vec<Spanned<String>>>,
    area: Spanned<String>,
    #[serde(default)]
    partners: Vec<Spanned<String>>,
    #[serde(default)]
    target_groups: Vec<Spanned<String>>,
    status: Spanned<String>,
    start_year: Option<Spanned<i64>>,
    end_year: Option<Spanned<i64>>,
    objectives: Spanned<String>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    source: Spanned<String>,
}

// ---------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Whether `s` is a non-empty lower-case identifier: ASCII letters, digits, hyphens.
fn is_identifier(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The 1-based line of byte offset `offset` in `text`.
fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let newlines = text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

/// An error for a TOML field: its line and name, what was expected and found.
fn toml_bad_value(
    file: &str,
    text: &str,
    field: &str,
    span: Range<usize>,
    expected: &str,
    found: &str,
) -> ImportError {
    ImportError::new(
        Location::csv(file, line_of(text, span.start), field),
        ImportErrorKind::BadValue { expected: expected.to_owned(), found: found.to_owned() },
    )
}

/// A required text field, which must not be empty or blank.
fn non_empty(
    file: &str,
    text: &str,
    field: &str,
    value: &Spanned<String>,
) -> Result<String, ImportError> {
    let s = value.get_ref().trim();
    if s.is_empty() {
        return Err(toml_bad_value(
            file,
            text,
            field,
            value.span(),
            "a non-empty text",
            value.get_ref(),
        ));
    }
    Ok(s.to_owned())
}

/// Converts a TOML syntax or shape error: the line from the error's span, the field
/// from the message (missing and unknown fields) or from the key on that line.
fn toml_error(file: &str, text: &str, err: &toml::de::Error, expected: &str) -> ImportError {
    let row = err.span().map(|span| line_of(text, span.start));
    let message = err.message().trim().to_owned();
    let column = quoted_field(&message).or_else(|| row.and_then(|row| key_on_line(text, row)));
    ImportError::new(
        Location { file: file.to_owned(), sheet: None, row, column },
        ImportErrorKind::Unreadable { expected: expected.to_owned(), detail: message },
    )
}

/// The field named in serde's "missing field `x`" and "unknown field `x`" messages.
fn quoted_field(message: &str) -> Option<String> {
    let rest = message.split_once("field `")?.1;
    Some(rest.split_once('`')?.0.to_owned())
}

/// The bare key assigned on line `row` (1-based) of `text`, if the line is `key = ...`.
fn key_on_line(text: &str, row: u32) -> Option<String> {
    let line = text.lines().nth(usize::try_from(row).ok()?.checked_sub(1)?)?;
    let key = line.split_once('=')?.0.trim();
    let bare =
        !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    bare.then(|| key.to_owned())
}

/// Records `key` as seen on `line`, or fails if it was seen before.
fn check_duplicate<K: std::hash::Hash + Eq>(
    seen: &mut HashMap<K, u32>,
    key: K,
    line: u32,
    describe: impl FnOnce() -> String,
    table: &CsvTable<'_>,
    column: usize,
) -> Result<(), ImportError> {
    match seen.entry(key) {
        Entry::Occupied(first) => Err(ImportError::new(
            Location::csv(table.file, line, table.names[column]),
            ImportErrorKind::Duplicate { key: describe(), first_row: *first.get() },
        )),
        Entry::Vacant(slot) => {
            slot.insert(line);
            Ok(())
        }
    }
}

/// The (value, line) of the total, male and female rows of one key.
type SexParts = [Option<(f64, u32)>; 3];

/// The shared reader of the two (sender, receiver, year, value) formats.
fn read_pair_csv(
    file_name: &str,
    text: &str,
    known: &[Area],
    columns: [&'static str; 4],
    indicator: Indicator,
) -> Result<Vec<PairValue>, ImportError> {
    let table = CsvTable::read(file_name, text, &columns)?;
    let mut codes = AreaCodes::new(known);
    let mut seen = HashMap::new();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let line = *line;
        let sender = codes.resolve(table.cell(record, 0), line);
        let receiver = codes.resolve(table.cell(record, 1), line);
        let year = table.year(record, line, 2)?;
        let value = table.value(record, line, 3, indicator)?;
        let (Some(sender), Some(receiver)) = (sender, receiver) else { continue };
        if sender == receiver {
            return Err(table.bad_value(
                line,
                1,
                "a receiver other than the sender",
                table.cell(record, 1),
            ));
        }
        check_duplicate(
            &mut seen,
            (sender, receiver, year),
            line,
            || format!("{sender}→{receiver} {year}"),
            &table,
            3,
        )?;
        out.push(PairValue {
            indicator,
            from: sender,
            to: receiver,
            year,
            sex: Sex::Total,
            value,
            provenance: Provenance::csv(file_name, line, columns[3]),
        });
    }
    codes.finish(file_name)?;
    Ok(out)
}

/// A CSV file read into records, with the position of each required column.
struct CsvTable<'a> {
    file: &'a str,
    /// The required column names, in the reader's order.
    names: Vec<&'static str>,
    /// The index in each record of each required column.
    index: Vec<usize>,
    /// The records with their 1-based line.
    rows: Vec<(u32, csv::StringRecord)>,
}

impl<'a> CsvTable<'a> {
    fn read(
        file: &'a str,
        text: &str,
        required: &[&'static str],
    ) -> Result<CsvTable<'a>, ImportError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .trim(csv::Trim::All)
            .from_reader(strip_bom(text).as_bytes());
        let headers = reader.headers().map_err(|e| csv_error(file, &e))?.clone();
        let mut index = Vec::with_capacity(required.len());
        for name in required {
            let Some(i) = headers.iter().position(|h| h == *name) else {
                return Err(ImportError::new(
                    Location::csv(file, 1, name),
                    ImportErrorKind::MissingHeader {
                        expected: format!(
                            "a column {name:?} in the header line (required columns: {})",
                            required.join(",")
                        ),
                    },
                ));
            };
            index.push(i);
        }
        let bytes = strip_bom(text).as_bytes();
        let mut rows = Vec::new();
        // Lines are counted here from byte offsets: the csv crate's own line count lags
        // by one per record in files with CRLF line ends.
        let (mut counted_to, mut newlines) = (0usize, 0usize);
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let mut start = record.position().map_or(0, |p| p.byte() as usize).min(bytes.len());
            while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
                start += 1;
            }
            if start > counted_to {
                newlines += bytes[counted_to..start].iter().filter(|&&b| b == b'\n').count();
                counted_to = start;
            }
            rows.push((u32::try_from(newlines + 1).unwrap_or(u32::MAX), record));
        }
        Ok(CsvTable { file, names: required.to_vec(), index, rows })
    }

    /// The cell of required column `k`.
    fn cell<'r>(&self, record: &'r csv::StringRecord, k: usize) -> &'r str {
        record.get(self.index[k]).unwrap_or("")
    }

    fn bad_value(&self, line: u32, k: usize, expected: &str, found: &str) -> ImportError {
        ImportError::new(
            Location::csv(self.file, line, self.names[k]),
            ImportErrorKind::BadValue { expected: expected.to_owned(), found: found.to_owned() },
        )
    }

    fn year(&self, record: &csv::StringRecord, line: u32, k: usize) -> Result<Year, ImportError> {
        let cell = self.cell(record, k);
        Year::parse(cell).map_err(|_| self.bad_value(line, k, "a year between 1900 and 2200", cell))
    }

    fn sex(&self, record: &csv::StringRecord, line: u32, k: usize) -> Result<Sex, ImportError> {
        let cell = self.cell(record, k);
        Sex::parse(cell).ok_or_else(|| self.bad_value(line, k, "total, male or female", cell))
    }

    /// A value of `indicator`, checked against the range of its unit.
    fn value(
        &self,
        record: &csv::StringRecord,
        line: u32,
        k: usize,
        indicator: Indicator,
    ) -> Result<f64, ImportError> {
        let cell = self.cell(record, k);
        let (expected, in_range): (&str, fn(f64) -> bool) = match indicator.unit {
            Unit::Persons if indicator == Indicator::NET_MIGRATION => {
                ("a number of persons (negative for net emigration)", |_| true)
            }
            Unit::Persons => ("a non-negative number of persons", |v| v >= 0.0),
            Unit::UsdCurrent => {
                ("a non-negative amount in current US$ (not thousands or millions)", |v| v >= 0.0)
            }
            Unit::UsdPpp => ("a non-negative amount in PPP dollars", |v| v >= 0.0),
            Unit::PerThousand => ("a non-negative number per 1,000 people", |v| v >= 0.0),
            Unit::Percent => ("a percentage between 0 and 100", |v| (0.0..=100.0).contains(&v)),
            Unit::Number => ("a number", |_| true),
        };
        match cell.parse::<f64>() {
            Ok(v) if v.is_finite() && in_range(v) => Ok(v),
            _ => Err(self.bad_value(line, k, expected, cell)),
        }
    }
}

fn csv_error(file: &str, err: &csv::Error) -> ImportError {
    let row = err.position().and_then(|p| u32::try_from(p.line()).ok());
    ImportError::new(
        Location { row, ..Location::file(file) },
        ImportErrorKind::Unreadable {
            expected: "a CSV file with the same number of fields on every line".to_owned(),
            detail: err.to_string(),
        },
    )
}

/// Resolves area codes against the real areas and the dataset's own, collecting every
/// unknown code (once, with the first line it appears on).
struct AreaCodes {
    known: HashSet<Iso3>,
    unknown: Vec<(String, u32)>,
}

impl AreaCodes {
    fn new(known: &[Area]) -> AreaCodes {
        AreaCodes { known: known.iter().map(|a| a.iso3).collect(), unknown: Vec::new() }
    }

    fn resolve(&mut self, code: &str, line: u32) -> Option<Iso3> {
        match Iso3::parse(code) {
            Ok(iso3) if self.known.contains(&iso3) || real_area(iso3).is_some() => Some(iso3),
            _ => {
                if !self.unknown.iter().any(|(c, _)| c == code) {
                    self.unknown.push((code.to_owned(), line));
                }
                None
            }
        }
    }

    fn finish(self, file: &str) -> Result<(), ImportError> {
        if self.unknown.is_empty() {
            Ok(())
        } else {
            Err(ImportError::new(
                Location::file(file),
                ImportErrorKind::UnknownAreas { names: self.unknown },
            ))
        }
    }
}

/// Reads the stock tables of a flow estimate (CSV) with the columns `orig`, `dest`,
/// `year` and `value` (persons, non-negative): the people born in `orig` living in
/// `dest` at the year's mid-point, both sexes. A row with `orig` equal to `dest` is the
/// native-born population living at home (the stock table's diagonal); it may be left
/// out. See `docs/input-formats.md`, "Inputs of flow estimates".
///
/// The values are returned as [`PairValue`]s of [`Indicator::MIGRANT_STOCK`] for
/// [`Sex::Total`], with the cell each was read from.
///
/// # Errors
/// Returns an [`ImportError`] for a missing column, a bad year or value, a duplicate
/// (`orig`, `dest`, `year`), or unknown area codes (all of them).
pub fn read_flow_stocks_csv(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<PairValue>, ImportError> {
    const COLUMNS: [&str; 4] = ["orig", "dest", "year", "value"];
    let indicator = Indicator::MIGRANT_STOCK;
    let table = CsvTable::read(file_name, text, &COLUMNS)?;
    let mut codes = AreaCodes::new(known);
    let mut seen = HashMap::new();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let line = *line;
        let orig = codes.resolve(table.cell(record, 0), line);
        let dest = codes.resolve(table.cell(record, 1), line);
        let year = table.year(record, line, 2)?;
        let value = table.value(record, line, 3, indicator)?;
        let (Some(orig), Some(dest)) = (orig, dest) else { continue };
        check_duplicate(
            &mut seen,
            (orig, dest, year),
            line,
            || format!("{orig}→{dest} {year}"),
            &table,
            3,
        )?;
        out.push(PairValue {
            indicator,
            from: orig,
            to: dest,
            year,
            sex: Sex::Total,
            value,
            provenance: Provenance::csv(file_name, line, COLUMNS[3]),
        });
    }
    codes.finish(file_name)?;
    Ok(out)
}

/// Births and deaths of one area over one period, as read by [`read_vital_csv`].
#[derive(Clone, Debug, PartialEq)]
pub struct VitalEvents {
    /// The area (place of residence).
    pub area: Iso3,
    /// The year the period starts (mid-year).
    pub period_start: Year,
    /// The year the period ends (mid-year); after `period_start`.
    pub period_end: Year,
    /// Live births during the period, persons.
    pub births: f64,
    /// Deaths during the period, persons.
    pub deaths: f64,
    /// Where the births were read (the deaths are on the same line, column `deaths`).
    pub provenance: Provenance,
}

/// Reads births and deaths by area and period (CSV) with the columns `area`,
/// `period_start`, `period_end`, `births` and `deaths` (persons, non-negative, summed
/// over the period). See `docs/input-formats.md`, "Inputs of flow estimates".
///
/// # Errors
/// Returns an [`ImportError`] for a missing column, a bad year or value, a period that
/// does not end after it starts, a duplicate (`area`, `period_start`, `period_end`), or
/// unknown area codes (all of them).
pub fn read_vital_csv(
    file_name: &str,
    text: &str,
    known: &[Area],
) -> Result<Vec<VitalEvents>, ImportError> {
    const COLUMNS: [&str; 5] = ["area", "period_start", "period_end", "births", "deaths"];
    let persons = Indicator::POPULATION;
    let table = CsvTable::read(file_name, text, &COLUMNS)?;
    let mut codes = AreaCodes::new(known);
    let mut seen = HashMap::new();
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, record) in &table.rows {
        let line = *line;
        let area = codes.resolve(table.cell(record, 0), line);
        let period_start = table.year(record, line, 1)?;
        let period_end = table.year(record, line, 2)?;
        if period_end <= period_start {
            return Err(table.bad_value(
                line,
                2,
                &format!("a year after period_start ({period_start})"),
                table.cell(record, 2),
            ));
        }
        let births = table.value(record, line, 3, persons)?;
        let deaths = table.value(record, line, 4, persons)?;
        let Some(area) = area else { continue };
        check_duplicate(
            &mut seen,
            (area, period_start, period_end),
            line,
            || format!("{area} {period_start}–{period_end}"),
            &table,
            0,
        )?;
        out.push(VitalEvents {
            area,
            period_start,
            period_end,
            births,
            deaths,
            provenance: Provenance::csv(file_name, line, COLUMNS[3]),
        });
    }
    codes.finish(file_name)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fictional(code: &'static str) -> Area {
        Area {
            iso3: Iso3::from_static(code),
            m49: None,
            name: code.to_owned(),
            kind: AreaKind::Fictional,
        }
    }

    fn known() -> Vec<Area> {
        vec![fictional("XAA"), fictional("XAB")]
    }

    #[track_caller]
    fn error<T: std::fmt::Debug>(result: Result<T, ImportError>) -> ImportError {
        result.expect_err("the reader should fail")
    }

    #[track_caller]
    fn at(err: &ImportError, row: Option<u32>, column: Option<&str>) {
        assert_eq!(err.location.row, row, "{err}");
        assert_eq!(err.location.column.as_deref(), column, "{err}");
    }

    #[test]
    fn stocks_read_with_provenance() {
        let text = "orig,dest,year,sex,value\nXAA,XAB,2020,total,10\nXAA,XAB,2020,male,6\nXAA,XAB,2020,female,4\nXAA,FRA,2020,total,3\n";
        let pairs = read_stocks_csv("s.csv", text, &known()).unwrap();
        assert_eq!(pairs.len(), 4);
        assert_eq!(pairs[1].sex, Sex::Male);
        assert_eq!(pairs[1].from, Iso3::from_static("XAA"));
        assert_eq!(pairs[1].to, Iso3::from_static("XAB"));
        assert_eq!(pairs[1].provenance, Provenance::csv("s.csv", 3, "value"));
        assert_eq!(pairs[3].to, Iso3::from_static("FRA"), "real areas need no countries file");
    }

    #[test]
    fn columns_in_any_order_with_extras_and_bom() {
        let text = "\u{feff}value,note,sex,year,dest,orig\n7,hi,total,2020,XAB,XAA\n";
        let pairs = read_stocks_csv("s.csv", text, &known()).unwrap();
        assert!((pairs[0].value - 7.0).abs() < 1e-12);
    }

    #[test]
    fn missing_header() {
        let err = error(read_stocks_csv(
            "s.csv",
            "orig,dest,year,sex,persons\nXAA,XAB,2020,total,1\n",
            &known(),
        ));
        assert!(
            matches!(&err.kind, ImportErrorKind::MissingHeader { expected } if expected.contains("\"value\"")),
            "{err}"
        );
        at(&err, Some(1), Some("value"));
        let err = error(read_indicators_csv("i.csv", "", &known()));
        assert!(matches!(err.kind, ImportErrorKind::MissingHeader { .. }), "{err}");
    }

    #[test]
    fn text_in_a_numeric_cell() {
        let text = "iso3,indicator,year,sex,value\nXAA,population,2020,total,1000\nXAA,gdp_usd,2020,total,n/a\n";
        let err = error(read_indicators_csv("i.csv", text, &known()));
        at(&err, Some(3), Some("value"));
        match &err.kind {
            ImportErrorKind::BadValue { expected, found } => {
                assert!(expected.contains("US$"), "{expected}");
                assert_eq!(found, "n/a");
            }
            other => panic!("unexpected {other:?}"),
        }
        let err = error(read_indicators_csv(
            "i.csv",
            "iso3,indicator,year,sex,value\nXAA,population,20x0,total,1\n",
            &known(),
        ));
        at(&err, Some(2), Some("year"));
        let err = error(read_indicators_csv(
            "i.csv",
            "iso3,indicator,year,sex,value\nXAA,population,2020,both?,1\n",
            &known(),
        ));
        at(&err, Some(2), Some("sex"));
    }

    #[test]
    fn negative_persons_and_money() {
        let err = error(read_stocks_csv(
            "s.csv",
            "orig,dest,year,sex,value\nXAA,XAB,2020,total,-5\n",
            &known(),
        ));
        at(&err, Some(2), Some("value"));
        assert!(
            matches!(&err.kind, ImportErrorKind::BadValue { expected, found } if expected.contains("non-negative") && found == "-5"),
            "{err}"
        );
        let err = error(read_remittances_csv(
            "r.csv",
            "sender,receiver,year,value\nXAB,XAA,2020,-1e6\n",
            &known(),
        ));
        at(&err, Some(2), Some("value"));
        let err = error(read_costs_csv(
            "c.csv",
            "sender,receiver,year,cost_pct\nXAB,XAA,2020,101\n",
            &known(),
        ));
        at(&err, Some(2), Some("cost_pct"));
        // Net migration may be negative.
        let ok = read_indicators_csv(
            "i.csv",
            "iso3,indicator,year,sex,value\nXAA,net_migration,2020,total,-5000\n",
            &known(),
        );
        assert!(ok.is_ok());
    }

    #[test]
    fn unknown_indicator_code() {
        let text = "iso3,indicator,year,sex,value\nXAA,populaton,2020,total,1\n";
        let err = error(read_indicators_csv("i.csv", text, &known()));
        at(&err, Some(2), Some("indicator"));
        assert!(
            matches!(&err.kind, ImportErrorKind::BadValue { expected, found } if expected.contains("population") && found == "populaton"),
            "{err}"
        );
        // A bilateral indicator is not an area indicator.
        let text = "iso3,indicator,year,sex,value\nXAA,migrant_stock,2020,total,1\n";
        assert!(read_indicators_csv("i.csv", text, &known()).is_err());
    }

    #[test]
    fn unknown_areas_are_reported_together() {
        let text = "orig,dest,year,sex,value\nXAA,XZZ,2020,total,1\nABC,XAB,2020,total,1\nXAA,XZZ,2015,total,1\nXAA,FRA,2020,total,1\nfoo,XAB,2020,total,1\n";
        let err = error(read_stocks_csv("s.csv", text, &known()));
        let ImportErrorKind::UnknownAreas { names } = &err.kind else { panic!("unexpected {err}") };
        let expected = [("XZZ", 2), ("ABC", 3), ("foo", 6)];
        assert_eq!(names.len(), expected.len(), "{err}");
        for ((name, row), (want, want_row)) in names.iter().zip(expected) {
            assert_eq!((name.as_str(), *row), (want, want_row));
        }
        let text = "sender,receiver,year,value\nXQQ,XAA,2020,1\nXAB,XQR,2020,1\n";
        let err = error(read_remittances_csv("r.csv", text, &known()));
        assert!(
            matches!(&err.kind, ImportErrorKind::UnknownAreas { names } if names.len() == 2),
            "{err}"
        );
    }

    #[test]
    fn duplicate_keys() {
        let text = "orig,dest,year,sex,value\nXAA,XAB,2020,total,1\nXAA,XAB,2015,total,1\nXAA,XAB,2020,Total,2\n";
        let err = error(read_stocks_csv("s.csv", text, &known()));
        at(&err, Some(4), Some("value"));
        assert!(
            matches!(&err.kind, ImportErrorKind::Duplicate { key, first_row: 2 } if key == "XAA→XAB 2020 total"),
            "{err}"
        );
        let text = "sender,receiver,year,cost_pct\nXAB,XAA,2020,5\nXAB,XAA,2020,6\n";
        let err = error(read_costs_csv("c.csv", text, &known()));
        assert!(matches!(err.kind, ImportErrorKind::Duplicate { first_row: 2, .. }), "{err}");
        let text = "iso3,name,kind,region,income_group,who_ssl,icmw_party,ilo_c97_party,ilo_c143_party\n\
                    XAA,A,fictional,,low,yes,no,no,no\nXAA,B,fictional,,low,yes,no,no,no\n";
        let err = error(read_countries_csv("k.csv", text));
        assert!(matches!(err.kind, ImportErrorKind::Duplicate { first_row: 2, .. }), "{err}");
    }

    #[test]
    fn total_must_be_male_plus_female() {
        let text = "orig,dest,year,sex,value\nXAA,XAB,2020,female,40\nXAA,XAB,2015,total,9\nXAA,XAB,2020,total,100\nXAA,XAB,2020,male,61\n";
        let err = error(read_stocks_csv("s.csv", text, &known()));
        let ImportErrorKind::SexMismatch { key, rows, difference } = &err.kind else {
            panic!("unexpected {err}")
        };
        assert_eq!(key, "XAA→XAB 2020");
        assert_eq!(rows, &[4, 5, 2]);
        assert!((difference + 1.0).abs() < 1e-12, "{difference}");
        let message = err.to_string();
        assert!(
            message.contains("row 4") && message.contains("row 5") && message.contains("row 2"),
            "{message}"
        );
    }

    #[test]
    fn origin_must_differ_from_destination() {
        let err = error(read_stocks_csv(
            "s.csv",
            "orig,dest,year,sex,value\nXAA,XAA,2020,total,1\n",
            &known(),
        ));
        at(&err, Some(2), Some("dest"));
    }

    #[test]
    fn ragged_csv_line() {
        let err = error(read_stocks_csv(
            "s.csv",
            "orig,dest,year,sex,value\nXAA,XAB,2020,total\n",
            &known(),
        ));
        assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
        assert_eq!(err.location.row, Some(2), "{err}");
    }

    #[test]
    fn crlf_files_report_their_real_lines() {
        let text =
            "orig,dest,year,sex,value\r\nXAA,XAB,2020,total,10\r\n\r\nXAA,XAB,2020,male,x\r\n";
        let err = error(read_stocks_csv("s.csv", text, &known()));
        assert_eq!(err.location.row, Some(4), "{err}");
        assert_eq!(err.location.column.as_deref(), Some("value"), "{err}");
    }

    const HEADER: &str =
        "iso3,name,kind,region,income_group,who_ssl,icmw_party,ilo_c97_party,ilo_c143_party\n";

    #[test]
    fn countries() {
        let text = format!(
            "{HEADER}XAA,Alpha,fictional,North,lower-middle,yes,no,yes,no\nXAB,Beta,fictional,,,no,no,no,yes\n"
        );
        let rows = read_countries_csv("k.csv", &text).unwrap();
        assert_eq!(rows.len(), 2);
        let (area, attributes) = &rows[0];
        assert_eq!(area.name, "Alpha");
        assert!(area.is_fictional());
        assert_eq!(attributes.income_group, Some(IncomeGroup::LowerMiddle));
        assert!(attributes.who_ssl && !attributes.icmw_party && attributes.ilo_c97_party);
        assert_eq!(rows[1].1.income_group, None);
        assert!(rows[1].1.ilo_c143_party);
    }

    #[test]
    fn countries_errors() {
        let err = error(read_countries_csv(
            "k.csv",
            &format!("{HEADER}FRA,France,fictional,,high,no,no,no,no\n"),
        ));
        at(&err, Some(2), Some("iso3"));
        let err = error(read_countries_csv(
            "k.csv",
            &format!("{HEADER}XAA,A,fictional,,high,maybe,no,no,no\n"),
        ));
        at(&err, Some(2), Some("who_ssl"));
        let err = error(read_countries_csv(
            "k.csv",
            &format!("{HEADER}XAA,A,sovereign,,high,no,no,no,no\n"),
        ));
        at(&err, Some(2), Some("kind"));
        let err = error(read_countries_csv(
            "k.csv",
            &format!("{HEADER}XAA,A,fictional,,rich,no,no,no,no\n"),
        ));
        at(&err, Some(2), Some("income_group"));
    }

    const POLICY: &str = r#"
[[policy]]
id = "XAA-1"
country = "XAA"
ministry = "Ministry of Labour"
title = "A scheme"
instrument = "programme"
stages = ["recruitment-departure", "stay-abroad"]
area = "labour-migration"
partners = ["XAB"]
target_groups = ["seasonal-workers"]
status = "active"
start_year = 2012
objectives = "Admit seasonal workers."
tags = ["temporary-scheme"]
source = "A regulation"
"#;

    #[test]
    fn policies() {
        let policies = read_policies_toml("p.toml", POLICY, &known()).unwrap();
        assert_eq!(policies.len(), 1);
        let p = &policies[0];
        assert_eq!(p.country, Iso3::from_static("XAA"));
        assert_eq!(p.stages, vec![Stage::RecruitmentDeparture, Stage::StayAbroad]);
        assert_eq!(p.partners, vec![Iso3::from_static("XAB")]);
        assert_eq!(p.status, PolicyStatus::Active);
        assert_eq!((p.start_year, p.end_year), (Some(2012), None));
        assert_eq!(p.tags, vec!["temporary-scheme".to_owned()]);
    }

    #[test]
    fn toml_syntax_error_has_its_line() {
        let text = POLICY.replace("status = \"active\"", "status = active");
        let err = error(read_policies_toml("p.toml", &text, &known()));
        assert!(matches!(err.kind, ImportErrorKind::Unreadable { .. }), "{err}");
        at(&err, Some(12), Some("status"));
    }

    #[test]
    fn toml_type_error_has_its_line_and_field() {
        let text = POLICY.replace("start_year = 2012", "start_year = \"2012\"");
        let err = error(read_policies_toml("p.toml", &text, &known()));
        at(&err, Some(13), Some("start_year"));
    }

    #[test]
    fn toml_missing_and_unknown_fields() {
        let text = POLICY.replace("title = \"A scheme\"\n", "");
        let err = error(read_policies_toml("p.toml", &text, &known()));
        assert_eq!(err.location.column.as_deref(), Some("title"), "{err}");
        assert!(err.location.row.is_some(), "{err}");
        let text = POLICY.replace("tags =", "tag =");
        let err = error(read_policies_toml("p.toml", &text, &known()));
        at(&err, Some(15), Some("tag"));
    }

    #[test]
    fn policy_values_are_checked() {
        let cases = [
            ("\"stay-abroad\"]", "\"abroad\"]", 8, "stages"),
            ("status = \"active\"", "status = \"on\"", 12, "status"),
            ("start_year = 2012", "start_year = 2012\nend_year = 2010", 14, "end_year"),
            ("tags = [\"temporary-scheme\"]", "tags = [\"Temporary scheme\"]", 15, "tags"),
            ("stages = [\"recruitment-departure\", \"stay-abroad\"]", "stages = []", 8, "stages"),
            ("ministry = \"Ministry of Labour\"", "ministry = \" \"", 5, "ministry"),
        ];
        for (from, to, row, field) in cases {
            let text = POLICY.replace(from, to);
            let err = error(read_policies_toml("p.toml", &text, &known()));
            assert!(matches!(err.kind, ImportErrorKind::BadValue { .. }), "{err}");
            at(&err, Some(row), Some(field));
        }
    }

    #[test]
    fn policy_duplicates_and_unknown_areas() {
        let text = format!("{POLICY}{POLICY}");
        let err = error(read_policies_toml("p.toml", &text, &known()));
        assert!(matches!(err.kind, ImportErrorKind::Duplicate { first_row: 3, .. }), "{err}");
        at(&err, Some(19), Some("id"));
        let text = POLICY
            .replace("partners = [\"XAB\"]", "partners = [\"XAB\", \"XQQ\", \"FRA\"]")
            .replace("country = \"XAA\"", "country = \"XQA\"");
        let err = error(read_policies_toml("p.toml", &text, &known()));
        let ImportErrorKind::UnknownAreas { names } = &err.kind else { panic!("unexpected {err}") };
        assert_eq!(names, &vec![("XQA".to_owned(), 4), ("XQQ".to_owned(), 10)]);
    }

    const WORLD: &str = r#"
key = "test-world"
publisher = "P"
title = "T"
edition = "1"
source = "here"
fictional = true
notice = "Invented."
"#;

    #[test]
    fn world() {
        let world = read_world_toml("w.toml", WORLD).unwrap();
        assert_eq!(world.meta.key, "test-world");
        assert!(world.meta.fictional);
        assert_eq!(world.meta.licence, None);
        assert_eq!(world.notice.as_deref(), Some("Invented."));
    }

    #[test]
    fn world_errors() {
        let err = error(read_world_toml("w.toml", &WORLD.replace("notice = \"Invented.\"\n", "")));
        assert_eq!(err.location.column.as_deref(), Some("notice"), "{err}");
        let err = error(read_world_toml(
            "w.toml",
            &WORLD.replace("key = \"test-world\"", "key = \"Test World\""),
        ));
        at(&err, Some(2), Some("key"));
        let err = error(read_world_toml(
            "w.toml",
            &WORLD.replace("fictional = true", "fictional = \"yes\""),
        ));
        at(&err, Some(7), Some("fictional"));
        let err = error(read_world_toml("w.toml", &format!("{WORLD}colour = \"red\"\n")));
        at(&err, Some(9), Some("colour"));
    }

    #[test]
    fn flow_stocks_keep_the_diagonal_and_reject_bad_cells() {
        let text = "orig,dest,year,value\nXAA,XAA,2015,100\nXAA,XAB,2015,5\n";
        let pairs = read_flow_stocks_csv("f.csv", text, &known()).unwrap();
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[0].from, pairs[0].to), (pairs[0].to, pairs[0].from));
        assert_eq!(pairs[1].provenance, Provenance::csv("f.csv", 3, "value"));
        let err = error(read_flow_stocks_csv(
            "f.csv",
            "orig,dest,year,value\nXAA,XAB,2015,-1\n",
            &known(),
        ));
        at(&err, Some(2), Some("value"));
        let err = error(read_flow_stocks_csv(
            "f.csv",
            "orig,dest,year,value\nXAA,XAB,2015,1\nXAA,XAB,2015,2\n",
            &known(),
        ));
        assert!(matches!(err.kind, ImportErrorKind::Duplicate { first_row: 2, .. }), "{err}");
    }

    #[test]
    fn vital_events_need_a_period_that_ends_after_it_starts() {
        let text = "area,period_start,period_end,births,deaths\nXAA,2015,2020,50,30\n";
        let rows = read_vital_csv("v.csv", text, &known()).unwrap();
        assert_eq!((rows[0].births, rows[0].deaths), (50.0, 30.0));
        let err = error(read_vital_csv(
            "v.csv",
            "area,period_start,period_end,births,deaths\nXAA,2020,2015,50,30\n",
            &known(),
        ));
        at(&err, Some(2), Some("period_end"));
        let err = error(read_vital_csv("v.csv", "area,births,deaths\nXAA,1,1\n", &known()));
        at(&err, Some(1), Some("period_start"));
    }
}
