//! UN World Population Prospects (WPP) demographic inputs: the period indicators CSV
//! (`WPP2019_Period_Indicators_Medium.csv`: births, deaths and the sex ratio at birth per
//! five-year period) and the WPP R package's population by sex and five-year age group
//! (`popM.txt`, `popF.txt` of the `wpp2019` package).
//!
//! Areas are identified by their location code (UN M49); aggregates (the world, regions,
//! development, income and other groups) are not stored. Counts in thousands are stored
//! in persons. Only estimates are stored: a year after the edition's last estimate year,
//! or a period ending after it, is a projection and is left out with one note. The
//! layouts, keys and rules are described in docs/data.md, "UN World Population
//! Prospects 2019".

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::BTreeSet;

use domain::{Indicator, Period, Sex, Unit, Year};

use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value};
use crate::read::{AreaId, Builder, bad_value, missing};
use crate::undesa::{PUBLISHER, location_code};

/// The dataset key of the period indicators.
const KEY_PERIODS: &str = "wpp-period-indicators";
/// The dataset key of the population by sex (both R package tables, one edition).
const KEY_POPULATION: &str = "wpp-population";
/// The licence the UN states for World Population Prospects.
const LICENCE: &str = "CC BY 3.0 IGO";

/// The last year of each edition's estimates. Population on 1 July of that year is an
/// estimate, and so is a period ending on it; later years and periods are projections.
/// WPP 2019's projections start on 1 July 2020 (its estimates cover 1950–2020).
const ESTIMATES_END: [(&str, i32); 1] = [("2019", 2020)];

/// The first columns of the period indicators CSV: what identifies the layout.
pub(crate) const PERIOD_HEADER: [&str; 5] = ["LocID", "Location", "VarID", "Variant", "Time"];

/// The columns of the period indicators that are stored, with their indicator and sex.
const PERIOD_VALUES: [(&str, Indicator, Sex); 5] = [
    ("Births", Indicator::BIRTHS_5Y, Sex::Total),
    ("Deaths", Indicator::DEATHS_5Y, Sex::Total),
    ("DeathsMale", Indicator::DEATHS_5Y, Sex::Male),
    ("DeathsFemale", Indicator::DEATHS_5Y, Sex::Female),
    ("SRB", Indicator::SEX_RATIO_AT_BIRTH, Sex::Total),
];

/// The only variant stored: the UN's Medium projection variant, whose rows up to the
/// base year are the estimates.
const MEDIUM: &str = "Medium";

/// The WPP 2019 period indicators were published in June 2019 and revised in August 2019
/// (rev1). Neither file says which it is; the revision changed India's (location 356) net
/// migration from 2050–2055 on, so that cell (thousands) tells them apart. Values from
/// the two copies described in the shared data's SOURCES.md, §22.
const REVISIONS_2019: [(f64, &str); 2] =
    [(-2280.804, "August 2019 revision (rev1)"), (-2067.186, "June 2019 release")];

/// The first columns of the R package's population tables.
const POPULATION_HEADER: [&str; 3] = ["country_code", "name", "age"];

/// The age groups of the R package's population tables, in their order.
const AGE_GROUPS: [&str; 21] = [
    "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
    "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95-99", "100+",
];

/// What a count cell must hold.
const THOUSANDS: &str = "a non-negative number of thousands of persons";

/// Whether a file's first line is the header of the R package's population tables:
/// `country_code`, `name`, `age`, then years, tab-separated.
pub(crate) fn is_population_header(first_line: &str) -> bool {
    let fields: Vec<&str> = first_line.split('\t').map(str::trim).collect();
    fields.len() > POPULATION_HEADER.len()
        && fields[..POPULATION_HEADER.len()] == POPULATION_HEADER
        && fields[POPULATION_HEADER.len()..].iter().all(|f| Year::parse(f).is_ok())
}

/// The WPP edition in a file or folder name such as `wpp2024_…` or `WPP2019_…`.
pub(crate) fn year_in_name(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let at = lower.find("wpp")?;
    let digits: String = lower[at + 3..].chars().take_while(char::is_ascii_digit).collect();
    (digits.len() == 4).then_some(digits)
}

/// Where a file's edition was found.
enum EditionFrom {
    /// In the file's own name (`WPP2019_Period_Indicators_Medium.csv`).
    FileName,
    /// In the name of a folder on the file's path (`wpp2019_Rpkg/popM.txt`).
    Folder(String),
}

/// The WPP edition of `file`: from its name, else from the nearest folder of `path`
/// whose name holds `wpp<year>`.
fn find_edition(file: &str, path: Option<&str>) -> Option<(String, EditionFrom)> {
    if let Some(edition) = year_in_name(file) {
        return Some((edition, EditionFrom::FileName));
    }
    let mut parts: Vec<&str> = path?.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    // The last part is the file itself.
    parts.pop();
    parts.iter().rev().find_map(|folder| {
        year_in_name(folder).map(|e| (e, EditionFrom::Folder((*folder).to_owned())))
    })
}

/// The file's edition and the last year of its estimates. An edition read from a folder
/// name is noted, so that it is never taken silently.
///
/// # Errors
/// [`missing`] when neither the file name nor its path names an edition (the contents
/// do not state it, and the year columns of different editions overlap, so they cannot
/// settle it); [`bad_value`] for an edition whose last estimate year is not known.
fn edition(out: &mut Builder<'_>) -> Result<(String, i32), ImportError> {
    let file = out.file;
    let Some((edition, from)) = find_edition(file, out.path()) else {
        return Err(missing(
            Location::file(file),
            "the World Population Prospects edition in the file's name or in the name of a \
             folder on its path (such as wpp2019_Rpkg/popM.txt): the file does not state it",
        ));
    };
    let Some(&(_, end)) = ESTIMATES_END.iter().find(|(e, _)| *e == edition) else {
        let known: Vec<&str> = ESTIMATES_END.iter().map(|(e, _)| *e).collect();
        return Err(bad_value(
            Location::file(file),
            format!(
                "a World Population Prospects edition whose first projection year Coherence knows ({})",
                known.join(", ")
            ),
            edition,
        ));
    };
    if let EditionFrom::Folder(folder) = from {
        let path = out.path().unwrap_or(file);
        out.note(
            Location::file(file),
            format!(
                "edition {edition} taken from the folder name {folder:?} in the path {path}: \
                 the file does not state its edition"
            ),
        );
    }
    Ok((edition, end))
}

/// A count in thousands as persons. A number written with at most three decimals is a
/// whole number of persons, so the product is rounded to it (removing only the error of
/// binary fractions, which makes sums over age groups exact); any other number is
/// multiplied by 1,000 as it is.
fn persons(text: &str, thousands: f64) -> f64 {
    let fraction = text.trim().split_once('.').map_or("", |(_, f)| f);
    let product = thousands * 1000.0;
    if fraction.len() <= 3 && fraction.bytes().all(|b| b.is_ascii_digit()) {
        product.round()
    } else {
        product
    }
}

/// "the periods A to B", or "the period A" when they are one.
fn periods_text(first: Period, last: Period) -> String {
    if first == last {
        format!("the period {first}")
    } else {
        format!("the periods {first} to {last}")
    }
}

/// Reads a five-year period `1990-1995`.
fn period(grid: &Grid, file: &str, row: usize, col: usize) -> Result<Period, ImportError> {
    let text = grid.text(row, col);
    let bad = || {
        bad_value(
            grid.location(file, row, col),
            "a five-year period such as 1990-1995",
            text.clone(),
        )
    };
    let (start, end) = text.split_once('-').ok_or_else(bad)?;
    let (start, end) =
        (Year::parse(start).map_err(|_| bad())?, Year::parse(end).map_err(|_| bad())?);
    Period::new(start, end).ok().filter(|p| p.years() == 5).ok_or_else(bad)
}

/// What the period indicators reader left out, for its notes.
#[derive(Default)]
struct Left {
    /// Rows of countries and areas for periods after the estimates.
    projections: usize,
    /// The first and last projected period.
    projected: Option<(Period, Period)>,
    /// Rows of variants other than Medium.
    other_variants: usize,
    /// Empty value cells of stored rows, and the areas they belong to.
    empty_cells: usize,
    empty_areas: BTreeSet<String>,
}

/// The period indicators CSV of World Population Prospects (`LocID, Location, VarID,
/// Variant, Time, …`, counts in thousands): births, deaths by sex and the sex ratio at
/// birth of each five-year period, stored at the period's first year.
pub(crate) fn read_period_indicators(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    grid.set_header(0);
    for (col, name) in PERIOD_HEADER.into_iter().enumerate() {
        if grid.text(0, col) != name {
            return Err(missing(grid.location(file, 0, col), format!("the column {name:?}")));
        }
    }
    let find = |name: &str| (0..grid.n_cols(0)).find(|&c| grid.text(0, c) == name);
    let mut columns = Vec::with_capacity(PERIOD_VALUES.len());
    for (name, indicator, sex) in PERIOD_VALUES {
        let col = find(name)
            .ok_or_else(|| missing(grid.row_location(file, 0), format!("a column {name:?}")))?;
        columns.push((col, grid.column_name(col), indicator, sex));
    }
    let net_migration = find("NetMigrations");
    let (edition, end) = edition(out)?;
    out.meta.key = KEY_PERIODS.to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.edition = edition.clone();
    out.meta.licence = Some(LICENCE.to_owned());

    let mut left = Left::default();
    let mut marker = None;
    for row in 1..grid.n_rows() {
        if (0..grid.n_cols(row)).all(|c| grid.cell(row, c).is_blank()) {
            continue;
        }
        let code = location_code(&grid, file, row, 0)?
            .ok_or_else(|| missing(grid.location(file, row, 0), "a location code"))?;
        let period = period(&grid, file, row, 4)?;
        if code == 356 && period.start().get() == 2050 {
            marker = net_migration.map(|c| grid.text(row, c).into_owned());
        }
        if grid.text(row, 3) != MEDIUM {
            left.other_variants += 1;
            continue;
        }
        let name = grid.text(row, 1);
        let Some(area) = out.area(AreaId::M49(code, &name), || grid.location(file, row, 1)) else {
            continue;
        };
        if period.end().get() > end {
            left.projections += 1;
            let (first, last) = left.projected.get_or_insert((period, period));
            (*first, *last) = ((*first).min(period), (*last).max(period));
            continue;
        }
        for (col, column, indicator, sex) in &columns {
            let value = match grid.value(file, row, *col, THOUSANDS)? {
                Value::Missing => {
                    left.empty_cells += 1;
                    left.empty_areas.insert(name.clone().into_owned());
                    continue;
                }
                Value::Number(n) if n >= 0.0 => n,
                Value::Number(n) => {
                    let found = crate::grid::number_text(n);
                    return Err(bad_value(grid.location(file, row, *col), THOUSANDS, found));
                }
            };
            let value = match indicator.unit {
                Unit::Persons => persons(&grid.text(row, *col), value),
                _ => value,
            };
            let provenance = grid.provenance(file, row, column);
            out.area_value(*indicator, area, period.start(), *sex, value, provenance)?;
        }
    }
    out.meta.title = period_title(out, &edition, marker.as_deref());
    period_notes(out, &left, end);
    Ok(())
}

/// The title, naming the revision of the 2019 edition when its marker cell identifies
/// it (and noting when it does not).
fn period_title(out: &mut Builder<'_>, edition: &str, marker: Option<&str>) -> String {
    let title = format!(
        "World Population Prospects {edition}: period indicators, Medium variant (births, deaths, sex ratio at birth)"
    );
    if edition != "2019" {
        return title;
    }
    let value = marker.and_then(|m| m.trim().parse::<f64>().ok());
    match REVISIONS_2019.iter().find(|(v, _)| Some(*v) == value) {
        Some((_, revision)) => format!(
            "World Population Prospects {edition}, {revision}: period indicators, Medium variant (births, deaths, sex ratio at birth)"
        ),
        None => {
            out.note(
                Location::file(out.file),
                "the revision of the 2019 edition (June 2019 or August 2019, rev1) could not be \
                 told from the file: India's net migration 2050–2055 is not one of the two \
                 published values"
                    .to_owned(),
            );
            title
        }
    }
}

/// The notes on what the period indicators reader left out.
fn period_notes(out: &mut Builder<'_>, left: &Left, end: i32) {
    let file = out.file;
    if let Some((first, last)) = left.projected {
        out.note(
            Location::file(file),
            format!(
                "{} rows of countries and areas for {} were not stored: they are projections \
                 (the estimates end on 30 June {end})",
                left.projections,
                periods_text(first, last)
            ),
        );
    }
    if left.other_variants > 0 {
        out.note(
            Location::file(file),
            format!(
                "{} rows of variants other than {MEDIUM} were not stored: Coherence stores the \
                 Medium variant's estimates",
                left.other_variants
            ),
        );
    }
    if left.empty_cells > 0 {
        let names: Vec<&str> = left.empty_areas.iter().map(String::as_str).collect();
        out.note(
            Location::file(file),
            format!(
                "{} empty cells of {} countries and areas were not stored (no births, deaths or \
                 sex ratio at birth published): {}",
                left.empty_cells,
                names.len(),
                names.join(", ")
            ),
        );
    }
}

/// The sex of an R package population table, from its file name: the package names
/// them `popM` (males) and `popF` (females); the table itself does not say.
fn sex_of(file: &str) -> Result<Sex, ImportError> {
    let stem = file.split('.').next().unwrap_or(file);
    match stem {
        "popM" => Ok(Sex::Male),
        "popF" => Ok(Sex::Female),
        _ => Err(missing(
            Location::file(file),
            "the file name popM.txt (males) or popF.txt (females), as the WPP R package names \
             them: the table does not state the sex",
        )),
    }
}

/// The year columns of a population table's header, from column 3 on.
fn year_columns(grid: &Grid, file: &str) -> Result<Vec<(usize, Year, String)>, ImportError> {
    let mut out = Vec::new();
    for col in POPULATION_HEADER.len()..grid.n_cols(0) {
        let text = grid.text(0, col);
        let year = Year::parse(&text)
            .map_err(|_| bad_value(grid.location(file, 0, col), "a year", text.clone()))?;
        out.push((col, year, grid.column_name(col)));
    }
    if out.is_empty() {
        return Err(missing(grid.row_location(file, 0), "year columns (1950, 1955, …)"));
    }
    Ok(out)
}

/// Checks that the rows from `first` hold one location's 21 age groups in order;
/// returns the location's code.
fn age_block(grid: &Grid, file: &str, first: usize) -> Result<u16, ImportError> {
    let code = location_code(grid, file, first, 0)?
        .ok_or_else(|| missing(grid.location(file, first, 0), "a location code"))?;
    for (i, age) in AGE_GROUPS.into_iter().enumerate() {
        let row = (first + i).min(grid.n_rows().saturating_sub(1));
        let same = first + i < grid.n_rows() && location_code(grid, file, row, 0)? == Some(code);
        if !same || grid.text(row, 2) != age {
            let found = if same { grid.text(row, 2).into_owned() } else { String::new() };
            return Err(bad_value(
                grid.location(file, row, 2),
                format!(
                    "the age group {age:?} of location {code} (each location has the 21 age \
                     groups 0-4 … 100+, in order)"
                ),
                found,
            ));
        }
    }
    Ok(code)
}

/// A population table of the WPP R package (`popM.txt`, `popF.txt`: `country_code`,
/// `name`, `age`, then one column per year, tab-separated, thousands on 1 July). Each
/// location's 21 age groups are summed into its population of the file's sex; the
/// edition comes from the file's name or path ([`ReadOptions::path`]).
///
/// [`ReadOptions::path`]: crate::ReadOptions::path
pub(crate) fn read_population_by_age(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = Grid::csv(file, out.bytes, b'\t')?;
    grid.set_header(0);
    for (col, name) in POPULATION_HEADER.into_iter().enumerate() {
        if grid.text(0, col) != name {
            return Err(missing(grid.location(file, 0, col), format!("the column {name:?}")));
        }
    }
    let sex = sex_of(file)?;
    let years = year_columns(&grid, file)?;
    let (edition, end) = edition(out)?;
    let (stored, projected): (Vec<_>, Vec<_>) =
        years.into_iter().partition(|(_, year, _)| year.get() <= end);
    let span = match (stored.first(), stored.last()) {
        (Some(first), Some(last)) => format!("{}–{}", first.1, last.1),
        _ => String::new(),
    };
    out.meta.key = KEY_POPULATION.to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title = format!(
        "World Population Prospects {edition}: population by sex on 1 July, {span} (R package wpp{edition}, popM and popF summed over age groups)"
    );
    out.meta.edition = edition;
    out.meta.licence = Some(LICENCE.to_owned());

    let (mut row, mut incomplete) = (1, 0usize);
    while row < grid.n_rows() {
        if (0..grid.n_cols(row)).all(|c| grid.cell(row, c).is_blank()) {
            row += 1;
            continue;
        }
        let first = row;
        let code = age_block(&grid, file, first)?;
        row = first + AGE_GROUPS.len();
        let name = grid.text(first, 1);
        let Some(area) = out.area(AreaId::M49(code, &name), || grid.location(file, first, 1))
        else {
            continue;
        };
        for (col, year, column) in &stored {
            let mut sum = Some(0.0);
            for r in first..row {
                match grid.value(file, r, *col, THOUSANDS)? {
                    Value::Missing => sum = None,
                    Value::Number(n) if n >= 0.0 => {
                        sum = sum.map(|s| s + persons(&grid.text(r, *col), n));
                    }
                    Value::Number(n) => {
                        let found = crate::grid::number_text(n);
                        return Err(bad_value(grid.location(file, r, *col), THOUSANDS, found));
                    }
                }
            }
            let Some(sum) = sum else {
                incomplete += 1;
                continue;
            };
            let provenance = grid.provenance(file, first, column);
            out.area_value(Indicator::POPULATION, area, *year, sex, sum, provenance)?;
        }
    }
    population_notes(out, &projected, incomplete, end);
    Ok(())
}

/// The notes of a population table: how values were summed and what was left out.
fn population_notes(
    out: &mut Builder<'_>,
    projected: &[(usize, Year, String)],
    incomplete: usize,
    end: i32,
) {
    let file = out.file;
    out.note(
        Location::file(file),
        format!(
            "each value is the sum of a country's or area's {n} age groups (0-4 … 100+); its \
             provenance names the first of those rows (the sum covers that row and the next {m})",
            n = AGE_GROUPS.len(),
            m = AGE_GROUPS.len() - 1
        ),
    );
    if let (Some(first), Some(last)) = (projected.first(), projected.last()) {
        let columns = if first.1 == last.1 {
            format!("the year column {} was", first.1)
        } else {
            format!("the year columns {}–{} were", first.1, last.1)
        };
        out.note(
            Location::file(file),
            format!("{columns} not stored: projections (the estimates end on 1 July {end})"),
        );
    }
    if incomplete > 0 {
        out.note(
            Location::file(file),
            format!(
                "{incomplete} populations were not stored: an age group of theirs is empty, so \
                 the sum would be incomplete"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_from_names_and_folders() {
        assert_eq!(year_in_name("WPP2019_Period_Indicators_Medium.csv").as_deref(), Some("2019"));
        assert_eq!(year_in_name("wpp2024_mig1dt.csv").as_deref(), Some("2024"));
        assert_eq!(year_in_name("popM.txt"), None);
        let folder = |path| match find_edition("popM.txt", Some(path)) {
            Some((e, EditionFrom::Folder(f))) => Some((e, f)),
            _ => None,
        };
        assert_eq!(
            folder("/data/wpp2019_demographic_inputs/wpp2019_Rpkg/popM.txt"),
            Some(("2019".to_owned(), "wpp2019_Rpkg".to_owned()))
        );
        // The nearest folder wins.
        assert_eq!(folder("wpp2022/old/wpp2019/popM.txt").map(|f| f.0), Some("2019".to_owned()));
        assert_eq!(folder(r"C:\wpp2019\data\popM.txt").map(|f| f.1), Some("wpp2019".to_owned()));
        // The file's own name is not a folder, and a path without one gives nothing.
        assert!(find_edition("popM.txt", Some("downloads/popM.txt")).is_none());
        assert!(find_edition("popM.txt", None).is_none());
    }

    #[test]
    #[allow(
        clippy::float_cmp,
        reason = "whole numbers of persons are exact in f64: exact equality is the claim"
    )]
    fn thousands_with_three_decimals_are_whole_persons() {
        assert_eq!(persons("3701.778", 3701.778), 3_701_778.0);
        assert_eq!(persons("0.001", 0.001), 1.0);
        assert_eq!(persons("12", 12.0), 12_000.0);
        // More decimals are not rounded away.
        assert_eq!(persons("0.0015", 0.0015), 1.5);
    }

    #[test]
    fn population_header() {
        assert!(is_population_header("country_code\tname\tage\t1950\t1955"));
        assert!(!is_population_header("country_code\tname\t1950-1955\t1955-1960"));
        assert!(!is_population_header("country_code\tname\tage"));
    }
}
