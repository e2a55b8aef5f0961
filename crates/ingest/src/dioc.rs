//! OECD Database on Immigrants in OECD and non-OECD Countries (DIOC-E) 2010/11, File 1
//! (by age): one CSV line per country of residence (`country`), country of birth
//! (`coub`), sex, age group, region of birth, native- or foreign-born (`fborn`) and
//! education level, with the number of persons.
//!
//! Coherence stores the two terms of the Docquier–Marfouk skilled emigration rate
//! (`METHODS.md` §4.1), for 2010, by sex and for both sexes:
//!
//! * [`Indicator::EMIGRANTS_TERTIARY`] per country of birth: foreign-born persons
//!   (`fborn` 1) with tertiary education (`education` 56, ISCED 5–6) aged 25 or more,
//!   summed over every country of residence other than the country of birth;
//! * [`Indicator::RESIDENTS_TERTIARY`] per country of residence: native-born persons
//!   (`fborn` 0, `coub` = `country`) with tertiary education aged 25 or more.
//!
//! **Age.** DIOC-E codes the age groups 1–7 as 15–24, 25–34, 35–44, 45–54, 55–64,
//! 65–74 and 75+, and 99 as "age not stated". Aged 25+ is codes 2–7. The file mixes
//! three tabulations by country of residence, and each is read as follows:
//!
//! * countries with age groups 1–7 and no aggregated education codes at age 99: age
//!   groups 2–7 count, and so do the rows of age 99 (age unknown), which are
//!   tertiary-educated persons whose age is not stated — counted as 25+ because the
//!   file records practically no tertiary-educated persons aged 15–24 (age group 1);
//! * countries without age groups (every row age 99: most OECD countries, the United
//!   States, Germany, the United Kingdom, France, Canada, Australia…): all rows count;
//!   the population is 15+ but, as above, tertiary education is practically only
//!   recorded at 25+;
//! * countries whose age-99 rows use the aggregated education codes 12 and 34 beside
//!   age groups 1–7 coded 1–4 (Latvia, Lithuania, Romania in this edition): the age-99
//!   rows are a second tabulation of the same population, not people of unknown age,
//!   and are not counted (summing both would count those people twice).
//!
//! Each of these choices is reported as a diagnostic with the persons concerned.
//! Age group 1 (15–24) is never counted.
//!
//! **Migrant stocks are not stored from this file**: its populations are aged 15+ (all
//! ages in some countries) and three countries are tabulated twice, so its bilateral
//! totals are not comparable with the all-ages `migrant_stock` of the other sources.
//!
//! **Codes.** ISO alpha-3 codes are read as such; `USSR-ARM`, `FYUG-HRV`, … (a
//! successor state of the USSR or Yugoslavia) as the state after the dash;
//! `KOREA-SO`/`KOREA-NO` as the Republic of Korea and the Democratic People's Republic
//! of Korea. Regions of birth without a country (`AFRI`, `ASIA`, `EURO`, `NOAM`,
//! `OCEA`, `SCAC`), `OTH`, `UNK`, the former states without a successor named (`CSFR`,
//! `FYUG`, `FYUG-YUG`, `USSR`) and `KOREA-NS` are aggregates; `ANT` (Netherlands
//! Antilles) no longer has a code of its own. None of them is stored; each is reported
//! once. `FYUG-XXK` (Kosovo) is stored under the World Bank's code `XKX`, as the
//! domain table keeps it. Any other code stops the import as an unknown area.
//!
//! **Provenance.** A stored value is a sum: its provenance names the file, the line of
//! the first row summed, and the column `number (sum over N rows: <rule>)`.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::{BTreeMap, HashMap};

use domain::dataset::AreaValue;
use domain::{Indicator, Iso3, Provenance, Sex, Year};

use crate::areas::AreaMatch;
use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value};
use crate::read::{AreaId, Builder, bad_value, missing};

/// The columns the reader needs, in the order of the file's header.
const COLUMNS: [&str; 7] = ["country", "coub", "sex", "age", "fborn", "education", "number"];

/// The education code of tertiary education (ISCED 5–6).
const TERTIARY: u16 = 56;
/// The age code "not stated".
const AGE_UNKNOWN: u8 = 99;
/// The reference year of the 2010/11 round.
const YEAR: i64 = 2010;

/// Whether a header line is DIOC-E's (for [`crate::detect`]).
pub(crate) fn is_header(fields: &[&str]) -> bool {
    COLUMNS.iter().all(|c| fields.contains(c)) && fields.first() == Some(&"country")
}

/// One data line.
struct Record {
    /// 0-based record index in the grid.
    row: usize,
    country: String,
    coub: String,
    male: bool,
    age: u8,
    foreign_born: bool,
    education: u16,
    number: f64,
}

/// How a country of residence tabulates age (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AgeTable {
    /// Age groups 1–7, and age 99 for persons whose age is not stated.
    Groups,
    /// Age 99 only: no age groups.
    NoGroups,
    /// Age groups 1–7, and a second tabulation at age 99 with aggregated education.
    GroupsAndSecondTable,
}

/// What a DIOC code stands for, beyond plain ISO codes.
enum Code<'a> {
    /// A code to resolve through the common harmonisation (an ISO code).
    Iso(&'a str),
    /// Not a country: an aggregate or a former area without a code, with a description.
    NotStored(AreaMatch, &'static str),
}

fn classify(code: &str) -> Code<'_> {
    let aggregate = |what| Code::NotStored(AreaMatch::Aggregate, what);
    match code {
        "AFRI" => aggregate("Africa, country not stated"),
        "ASIA" => aggregate("Asia, country not stated"),
        "EURO" => aggregate("Europe, country not stated"),
        "NOAM" => aggregate("North America, country not stated"),
        "OCEA" => aggregate("Oceania, country not stated"),
        "SCAC" => aggregate("South and Central America and the Caribbean, country not stated"),
        "OTH" => aggregate("other countries"),
        "UNK" => aggregate("country of birth unknown"),
        "CSFR" => aggregate("former Czechoslovakia, successor not stated"),
        "FYUG" => aggregate("former Yugoslavia, successor not stated"),
        "FYUG-YUG" => aggregate("Yugoslavia (Serbia and Montenegro), not separated"),
        "USSR" => aggregate("former USSR, successor not stated"),
        "KOREA-NS" => aggregate("Korea, North or South not stated"),
        "FYUG-XXK" => Code::Iso("XKX"),
        "ANT" => Code::NotStored(AreaMatch::WithoutIsoCode, "Netherlands Antilles"),
        "KOREA-SO" => Code::Iso("KOR"),
        "KOREA-NO" => Code::Iso("PRK"),
        _ => match code.split_once('-') {
            Some(("USSR" | "FYUG", successor)) => Code::Iso(successor),
            _ => Code::Iso(code),
        },
    }
}

/// Resolves a code once: the ISO code, or `None` (reported through the builder).
fn resolve(
    out: &mut Builder<'_>,
    cache: &mut HashMap<String, Option<Iso3>>,
    code: &str,
    location: impl FnOnce() -> Location,
) -> Option<Iso3> {
    if let Some(found) = cache.get(code) {
        return *found;
    }
    let found = match classify(code) {
        Code::Iso(iso) => out.area(AreaId::Wb(iso, code), location),
        Code::NotStored(kind, what) => {
            out.skip_area(format!("{code} ({what})"), kind, location);
            None
        }
    };
    cache.insert(code.to_owned(), found);
    found
}

/// A sum under construction: the total, the first row summed and the number of rows.
struct Sum {
    value: f64,
    first_row: usize,
    rows: usize,
}

/// Reads DIOC-E 2010/11 File 1.
pub(crate) fn read(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    let header: Vec<String> = (0..grid.n_cols(0)).map(|c| grid.text(0, c).into_owned()).collect();
    let mut cols = [0usize; COLUMNS.len()];
    for (slot, name) in cols.iter_mut().zip(COLUMNS) {
        *slot = header.iter().position(|h| h == name).ok_or_else(|| {
            missing(
                grid.row_location(file, 0),
                format!(
                    "the DIOC-E header with a column {name:?} (country, coub, sex, age, \
                     reg_region, fborn, education, number)"
                ),
            )
        })?;
    }
    grid.set_header(0);
    out.meta.key = "oecd-dioc-e".to_owned();
    out.meta.publisher = "OECD".to_owned();
    out.meta.title = "Database on Immigrants in OECD and non-OECD Countries (DIOC-E) 2010/11, \
                      File 1: population by age"
        .to_owned();
    out.meta.edition = "2010/11".to_owned();

    let records = parse(out.file, &grid, &cols)?;
    let tables = age_tables(&records);
    let year = Year::new(YEAR).map_err(|_| missing(Location::file(file), "year 2010"))?;

    let mut cache = HashMap::new();
    // (indicator, area, male) → sum; BTreeMap for a stable output order.
    let mut sums: BTreeMap<(&'static str, Iso3, bool), Sum> = BTreeMap::new();
    let mut second_table: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    let mut young_tertiary = 0.0;
    let mut unknown_age_counted = 0.0;
    for rec in &records {
        // Resolve every code once, so that every aggregate and unknown is reported.
        let residence =
            resolve(out, &mut cache, &rec.country, || grid.location(file, rec.row, cols[0]));
        let birth = resolve(out, &mut cache, &rec.coub, || grid.location(file, rec.row, cols[1]));
        if rec.education != TERTIARY {
            continue;
        }
        let table = tables[rec.country.as_str()];
        if rec.age == AGE_UNKNOWN && table == AgeTable::GroupsAndSecondTable {
            let e = second_table.entry(rec.country.as_str()).or_default();
            e.0 += 1;
            e.1 += rec.number;
            continue;
        }
        if rec.age == 1 {
            young_tertiary += rec.number;
            continue;
        }
        if rec.age == AGE_UNKNOWN && table == AgeTable::Groups {
            unknown_age_counted += rec.number;
        }
        let (indicator, area) = if rec.foreign_born {
            match (birth, residence) {
                (Some(b), Some(r)) if b == r => continue,
                (Some(b), _) => (Indicator::EMIGRANTS_TERTIARY.code, b),
                (None, _) => continue,
            }
        } else {
            match residence {
                Some(r) if rec.country == rec.coub => (Indicator::RESIDENTS_TERTIARY.code, r),
                _ => continue,
            }
        };
        let sum = sums.entry((indicator, area, rec.male)).or_insert(Sum {
            value: 0.0,
            first_row: rec.row,
            rows: 0,
        });
        sum.value += rec.number;
        sum.rows += 1;
    }

    push_sums(out, &grid, year, &sums)?;
    report_ages(out, &grid, &records, &tables, &second_table, young_tertiary, unknown_age_counted);
    out.note(
        grid.whole(file),
        "bilateral migrant stocks are not stored from DIOC-E: its populations are aged 15+ \
         (all ages in some countries) and some countries are tabulated twice"
            .to_owned(),
    );
    Ok(())
}

/// Parses and checks every data line.
fn parse(file: &str, grid: &Grid, cols: &[usize; 7]) -> Result<Vec<Record>, ImportError> {
    let [c_country, c_coub, c_sex, c_age, c_fborn, c_edu, c_number] = *cols;
    let mut records = Vec::with_capacity(grid.n_rows());
    for row in 1..grid.n_rows() {
        if (0..grid.n_cols(row)).all(|c| grid.cell(row, c).is_blank()) {
            continue;
        }
        let code = |col: usize| -> Result<String, ImportError> {
            let text = grid.text(row, col);
            if text.is_empty() {
                return Err(bad_value(grid.location(file, row, col), "a country code", ""));
            }
            Ok(text.into_owned())
        };
        let int = |col: usize, allowed: &[i64], expected: &str| -> Result<i64, ImportError> {
            match grid.cell(row, col).integer() {
                Some(n) if allowed.contains(&n) => Ok(n),
                _ => Err(bad_value(grid.location(file, row, col), expected, grid.text(row, col))),
            }
        };
        let sex = int(c_sex, &[1, 2], "sex 1 (men) or 2 (women)")?;
        let age = int(c_age, &[1, 2, 3, 4, 5, 6, 7, 99], "an age code 1–7 or 99")?;
        let fborn = int(c_fborn, &[0, 1], "fborn 0 (native-born) or 1 (foreign-born)")?;
        let education = int(
            c_edu,
            &[1, 2, 3, 4, 12, 34, 56, 99],
            "an education code (1, 2, 3, 4, 12, 34, 56 or 99)",
        )?;
        const PERSONS: &str = "a non-negative number of persons";
        let number = match grid.value(file, row, c_number, PERSONS)? {
            Value::Number(n) if n >= 0.0 => n,
            _ => {
                return Err(bad_value(
                    grid.location(file, row, c_number),
                    PERSONS,
                    grid.text(row, c_number),
                ));
            }
        };
        records.push(Record {
            row,
            country: code(c_country)?,
            coub: code(c_coub)?,
            male: sex == 1,
            age: u8::try_from(age).unwrap_or(AGE_UNKNOWN),
            foreign_born: fborn == 1,
            education: u16::try_from(education).unwrap_or(0),
            number,
        });
    }
    Ok(records)
}

/// How each country of residence tabulates age.
fn age_tables(records: &[Record]) -> HashMap<&str, AgeTable> {
    let mut groups: HashMap<&str, (bool, bool)> = HashMap::new();
    for rec in records {
        let e = groups.entry(rec.country.as_str()).or_default();
        if rec.age == AGE_UNKNOWN {
            e.1 |= matches!(rec.education, 12 | 34);
        } else {
            e.0 = true;
        }
    }
    groups
        .into_iter()
        .map(|(country, (has_groups, aggregated_at_99))| {
            let table = match (has_groups, aggregated_at_99) {
                (false, _) => AgeTable::NoGroups,
                (true, false) => AgeTable::Groups,
                (true, true) => AgeTable::GroupsAndSecondTable,
            };
            (country, table)
        })
        .collect()
}

/// Stores the sums, by sex and for both sexes.
fn push_sums(
    out: &mut Builder<'_>,
    grid: &Grid,
    year: Year,
    sums: &BTreeMap<(&'static str, Iso3, bool), Sum>,
) -> Result<(), ImportError> {
    let file = out.file;
    let mut areas: BTreeMap<(&'static str, Iso3), Vec<(bool, &Sum)>> = BTreeMap::new();
    for ((code, area, male), sum) in sums {
        areas.entry((code, *area)).or_default().push((*male, sum));
    }
    for ((code, area), parts) in areas {
        let indicator = Indicator::by_code(code)
            .ok_or_else(|| missing(Location::file(file), format!("the indicator {code}")))?;
        let rule = if code == Indicator::EMIGRANTS_TERTIARY.code {
            "fborn 1, education 56, age 25+ (codes 2–7, or 99 as documented), every country \
             of residence other than the country of birth"
        } else {
            "fborn 0, coub = country, education 56, age 25+ (codes 2–7, or 99 as documented)"
        };
        let provenance = |first_row: usize, rows: usize| {
            Provenance::csv(
                file,
                grid.row_number(first_row),
                &format!("number (sum over {rows} rows: {rule})"),
            )
        };
        let mut total = Sum { value: 0.0, first_row: usize::MAX, rows: 0 };
        for (male, sum) in parts {
            total.value += sum.value;
            total.rows += sum.rows;
            total.first_row = total.first_row.min(sum.first_row);
            out.push_value(AreaValue {
                indicator,
                area,
                year,
                sex: if male { Sex::Male } else { Sex::Female },
                value: sum.value,
                provenance: provenance(sum.first_row, sum.rows),
            })?;
        }
        out.push_value(AreaValue {
            indicator,
            area,
            year,
            sex: Sex::Total,
            value: total.value,
            provenance: provenance(total.first_row, total.rows),
        })?;
    }
    Ok(())
}

/// Reports how age was read: the countries without age groups, the second
/// tabulations not counted, tertiary-educated persons aged 15–24 and of unknown age.
fn report_ages(
    out: &mut Builder<'_>,
    grid: &Grid,
    records: &[Record],
    tables: &HashMap<&str, AgeTable>,
    second_table: &BTreeMap<&str, (usize, f64)>,
    young_tertiary: f64,
    unknown_age_counted: f64,
) {
    let file = out.file;
    let mut no_groups: Vec<&str> =
        tables.iter().filter(|(_, t)| **t == AgeTable::NoGroups).map(|(c, _)| *c).collect();
    no_groups.sort_unstable();
    let tertiary_in_groups: f64 = records
        .iter()
        .filter(|r| r.education == TERTIARY && r.age != AGE_UNKNOWN)
        .map(|r| r.number)
        .sum();
    if !no_groups.is_empty() {
        out.note(
            grid.whole(file),
            format!(
                "{} countries of residence give no age groups (age 99 only: {}); their \
                 tertiary-educated persons are counted as aged 25+ (in the countries with age \
                 groups, {} of {} tertiary-educated persons are aged 15–24)",
                no_groups.len(),
                no_groups.join(", "),
                crate::grid::number_text(young_tertiary),
                crate::grid::number_text(tertiary_in_groups),
            ),
        );
    }
    for (country, (rows, persons)) in second_table {
        out.note(
            Location::file(file),
            format!(
                "{country}: {rows} tertiary rows of age 99 ({} persons) belong to a second \
                 tabulation with aggregated education codes (12, 34) beside the age groups; \
                 not counted",
                crate::grid::number_text(*persons)
            ),
        );
    }
    out.note(
        grid.whole(file),
        format!(
            "tertiary-educated persons aged 15–24 (age 1) not counted: {}; of unknown age \
             (99) in countries with age groups, counted as 25+: {}",
            crate::grid::number_text(young_tertiary),
            crate::grid::number_text(unknown_age_counted),
        ),
    );
}
