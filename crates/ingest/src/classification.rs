//! Classifications of countries that the domain has no stored type for yet: the World
//! Bank's regions and income groups, and ratifications of the 1990 International
//! Convention on the Protection of the Rights of All Migrant Workers and Members of
//! Their Families (ICMW).
//!
//! [`read_wb_classification`] and [`read_icmw_ratifications`] return plain rows with
//! their provenance, beside diagnostics; the kinds `wb-income-classification`,
//! `icmw-ratifications` and `wdi-metadata-country` of [`crate::read()`] store the same
//! rows as `income_group` and `icmw_status` values (`docs/importers.md`). The kind
//! `undesa-classification-annex` stores UN DESA's classification of countries (LDC,
//! LLDC and SIDS flags, development group and regions as M49 codes, income groups). In both,
//! country names and codes are harmonised by [`crate::areas`] and the same rules apply
//! (aggregates reported and left out, unknown names rejected unless
//! [`crate::UnknownAreas::Skip`]).

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use domain::{Indicator, Iso3, Provenance, Sex, Year};

use crate::areas::AreaMatch;
use crate::error::{ImportError, Location};
use crate::formats::IncomeGroup;
use crate::grid::Grid;
use crate::read::{AreaId, Builder, Diagnostic, ReadOptions, bad_value, missing};

/// The World Bank's classification of one economy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EconomyClass {
    /// The economy.
    pub area: Iso3,
    /// The World Bank region, e.g. "Sub-Saharan Africa".
    pub region: String,
    /// The income group; `None` where the World Bank leaves the economy unclassified.
    pub income_group: Option<IncomeGroup>,
    /// The income group's cell.
    pub provenance: Provenance,
}

/// Parses the World Bank's income-group labels ("Lower middle income", …).
fn income_group(text: &str) -> Option<Option<IncomeGroup>> {
    match text.trim().to_ascii_lowercase().replace('-', " ").as_str() {
        "" => Some(None),
        "low income" => Some(Some(IncomeGroup::Low)),
        "lower middle income" => Some(Some(IncomeGroup::LowerMiddle)),
        "upper middle income" => Some(Some(IncomeGroup::UpperMiddle)),
        "high income" | "high income: oecd" | "high income: nonoecd" => {
            Some(Some(IncomeGroup::High))
        }
        _ => None,
    }
}

/// Reads the World Bank's regions and income groups from the `CLASS.xlsx` workbook
/// (sheet `List of economies`: `Economy, Code, Region, Income group, …`) or from a WDI
/// bulk download's country metadata (`Metadata_Country_….csv`, or sheet `Metadata -
/// Countries` of the `.xls`: `Country Code, Region, IncomeGroup, …`). Aggregates (rows
/// with an aggregate code) are reported and left out.
///
/// # Errors
/// As [`crate::read()`]: an unreadable file, missing headers, an unknown income group
/// label, unknown economies.
pub fn read_wb_classification(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Vec<EconomyClass>, Vec<Diagnostic>), ImportError> {
    let mut out = Builder::new(file_name, bytes, options);
    let rows = class_rows(&mut out)?;
    let diagnostics = out.finish_rows()?;
    Ok((rows, diagnostics))
}

/// The rows of [`read_wb_classification`], read into `out`'s diagnostics.
fn class_rows(out: &mut Builder<'_>) -> Result<Vec<EconomyClass>, ImportError> {
    let (file_name, bytes) = (out.file, out.bytes);
    let workbook = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let mut grid = if workbook {
        let mut wb = out.workbook()?;
        let sheet = ["List of economies", "Metadata - Countries"]
            .into_iter()
            .find(|s| wb.has_sheet(s))
            .ok_or_else(|| {
                missing(
                    Location::file(file_name),
                    "a sheet \"List of economies\" or \"Metadata - Countries\"",
                )
            })?;
        wb.sheet(sheet)?
    } else {
        out.csv()?
    };
    grid.set_header(0);
    let col = |grid: &Grid, names: &[&str]| {
        (0..grid.n_cols(0))
            .find(|&c| names.iter().any(|n| grid.text(0, c).eq_ignore_ascii_case(n)))
            .ok_or_else(|| {
                missing(grid.row_location(file_name, 0), format!("a column {:?}", names[0]))
            })
    };
    let code_col = col(&grid, &["Code", "Country Code"])?;
    let region_col = col(&grid, &["Region"])?;
    let income_col = col(&grid, &["Income group", "IncomeGroup"])?;
    let name_col = col(&grid, &["Economy", "TableName"]).ok();
    let income_name = grid.column_name(income_col);
    let mut rows = Vec::new();
    for row in 1..grid.n_rows() {
        let code = grid.text(row, code_col);
        if code.is_empty() {
            continue;
        }
        let name = name_col.map(|c| grid.text(row, c)).unwrap_or_default();
        let Some(area) =
            out.area(AreaId::Wb(&code, &name), || grid.location(file_name, row, code_col))
        else {
            continue;
        };
        let label = grid.text(row, income_col);
        let income_group = income_group(&label).ok_or_else(|| {
            bad_value(
                grid.location(file_name, row, income_col),
                "a World Bank income group",
                label.clone(),
            )
        })?;
        rows.push(EconomyClass {
            area,
            region: grid.text(row, region_col).into_owned(),
            income_group,
            provenance: grid.provenance(file_name, row, &income_name),
        });
    }
    Ok(rows)
}

/// A country's status under the 1990 migrant workers convention (ICMW).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreatyStatus {
    /// The country.
    pub area: Iso3,
    /// Whether it is a state party (ratification or accession).
    pub party: bool,
    /// Whether it has signed without (yet) ratifying.
    pub signatory: bool,
    /// The year of ratification or accession, for parties.
    pub year: Option<Year>,
    /// The `state party` cell.
    pub provenance: Provenance,
}

/// Reads a table of ratifications of the ICMW compiled from the UN Treaty Collection
/// (chapter IV-13): `iso2, member, state party, year ratification or accession,
/// signatory, …`, flags as `0`/`1`.
///
/// # Errors
/// As [`crate::read()`]: missing headers, a flag other than 0 or 1, a bad year, an
/// unknown country code.
pub fn read_icmw_ratifications(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<(Vec<TreatyStatus>, Vec<Diagnostic>), ImportError> {
    let mut out = Builder::new(file_name, bytes, options);
    let rows = icmw_rows(&mut out)?;
    let diagnostics = out.finish_rows()?;
    Ok((rows, diagnostics))
}

/// The rows of [`read_icmw_ratifications`], read into `out`'s diagnostics.
fn icmw_rows(out: &mut Builder<'_>) -> Result<Vec<TreatyStatus>, ImportError> {
    let file_name = out.file;
    let mut grid = out.csv()?;
    grid.set_header(0);
    let col = |name: &str| {
        (0..grid.n_cols(0))
            .find(|&c| grid.text(0, c).eq_ignore_ascii_case(name))
            .ok_or_else(|| missing(grid.location(file_name, 0, 0), format!("a column {name:?}")))
    };
    let (iso2_col, name_col, party_col) = (col("iso2")?, col("member")?, col("state party")?);
    let (year_col, signatory_col) = (col("year ratification or accession")?, col("signatory")?);
    let party_name = grid.column_name(party_col);
    let flag = |row: usize, c: usize| match grid.text(row, c).as_ref() {
        "1" => Ok(true),
        "0" | "" => Ok(false),
        other => Err(bad_value(grid.location(file_name, row, c), "0 or 1", other)),
    };
    let mut rows = Vec::new();
    for row in 1..grid.n_rows() {
        let iso2 = grid.text(row, iso2_col);
        let name = grid.text(row, name_col);
        if iso2.is_empty() && name.is_empty() {
            continue;
        }
        // Codes are ISO alpha-2; the name decides where the code is missing.
        let found = domain::area::find_real_area(&iso2).map(|a| a.iso3);
        let area = match found {
            Some(iso3) => Some(iso3),
            None => out.area(AreaId::Name(&name), || grid.location(file_name, row, iso2_col)),
        };
        let Some(area) = area else { continue };
        let year_text = grid.text(row, year_col);
        let year = if year_text.is_empty() {
            None
        } else {
            Some(Year::parse(&year_text).map_err(|_| {
                bad_value(grid.location(file_name, row, year_col), "a year", year_text.clone())
            })?)
        };
        rows.push(TreatyStatus {
            area,
            party: flag(row, party_col)?,
            signatory: flag(row, signatory_col)?,
            year,
            provenance: grid.provenance(file_name, row, &party_name),
        });
    }
    Ok(rows)
}

/// The stored code of an income group, as `domain::Indicator::INCOME_GROUP` defines
/// it: 1 low, 2 lower-middle, 3 upper-middle, 4 high.
pub fn income_code(group: IncomeGroup) -> f64 {
    match group {
        IncomeGroup::Low => 1.0,
        IncomeGroup::LowerMiddle => 2.0,
        IncomeGroup::UpperMiddle => 3.0,
        IncomeGroup::High => 4.0,
    }
}

/// The four digits after `prefix` in `text` (case-insensitive), or two digits taken as
/// 20xx when `two_digits` is set.
fn year_after(text: &str, prefix: &str, two_digits: bool) -> Option<i64> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(prefix) {
        let start = from + i + prefix.len();
        let digits: String = lower[start..].chars().take_while(char::is_ascii_digit).collect();
        match digits.len() {
            4 => return digits.parse().ok(),
            2 if two_digits => return digits.parse::<i64>().ok().map(|y| 2000 + y),
            _ => from = start,
        }
    }
    None
}

/// The fiscal year a file name states (`FY2024`, `FY24`).
fn fiscal_year_of_name(file_name: &str) -> Option<i64> {
    year_after(file_name, "fy", true)
}

/// Stores the income groups of `rows` under `year`, reporting unclassified economies.
fn store_income(
    out: &mut Builder<'_>,
    rows: Vec<EconomyClass>,
    year: Year,
) -> Result<(), ImportError> {
    for row in rows {
        let Some(group) = row.income_group else {
            let location = Location {
                file: row.provenance.file.clone(),
                sheet: row.provenance.sheet.clone(),
                row: row.provenance.row,
                column: row.provenance.column.clone(),
            };
            out.note(
                location,
                format!("{} has no income group in this classification; nothing stored", row.area),
            );
            continue;
        };
        out.area_value(
            Indicator::INCOME_GROUP,
            row.area,
            year,
            Sex::Total,
            income_code(group),
            row.provenance,
        )?;
    }
    Ok(())
}

fn year_of(location: impl FnOnce() -> Location, y: i64) -> Result<Year, ImportError> {
    Year::new(y).map_err(|_| bad_value(location(), "a fiscal year", y.to_string()))
}

/// `wb-income-classification`: the World Bank's `CLASS.xlsx` (sheet `List of
/// economies`). Each economy's income group is stored as `income_group` for the
/// classification's fiscal year FY*n* (1 July *n*−1 to 30 June *n*), taken from the
/// workbook's note "Income classifications set on 1 July *n*−1 remain in effect until
/// 1 July *n*", else from "according to *n*−2 gross national income", else from the
/// file name (`FY2024`). A file name that states another fiscal year is reported.
pub(crate) fn read_class_dataset(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file_name = out.file;
    let mut wb = out.workbook()?;
    let mut found: Option<(i64, Location, &'static str)> = None;
    for sheet in wb.sheet_names() {
        let grid = wb.sheet(&sheet)?;
        for row in 0..grid.n_rows() {
            for col in 0..grid.n_cols(row) {
                let text = grid.text(row, col);
                let year = year_after(&text, "remain in effect until 1 july ", false)
                    .map(|y| (y, "remain in effect until 1 July"))
                    .or_else(|| {
                        year_after(&text, "according to ", false)
                            .filter(|_| text.contains("gross national income"))
                            .map(|y| (y + 2, "according to … gross national income"))
                    });
                if let Some((y, rule)) = year {
                    let better = match &found {
                        None => true,
                        Some((_, _, r)) => r.starts_with("according") && rule.starts_with("remain"),
                    };
                    if better {
                        found = Some((y, grid.location(file_name, row, col), rule));
                    }
                }
            }
        }
    }
    let named = fiscal_year_of_name(file_name);
    let (fy, location) = match (found, named) {
        (Some((fy, location, rule)), named) => {
            out.note(location.clone(), format!("fiscal year FY{fy} from the note \"{rule}\""));
            if let Some(n) = named.filter(|n| *n != fy) {
                out.note(
                    Location::file(file_name),
                    format!(
                        "the file name says FY{n} but the workbook's note gives FY{fy}; \
                         FY{fy} is used"
                    ),
                );
            }
            (fy, location)
        }
        (None, Some(n)) => {
            let location = Location::file(file_name);
            out.note(location.clone(), format!("fiscal year FY{n} from the file name"));
            (n, location)
        }
        (None, None) => {
            return Err(missing(
                Location::file(file_name),
                "a note giving the classification's fiscal year, or FY<year> in the file name",
            ));
        }
    };
    let year = year_of(|| location, fy)?;
    out.meta.key = "wb-income-classification".to_owned();
    out.meta.publisher = "World Bank".to_owned();
    out.meta.title = "World Bank country and lending groups: income classification".to_owned();
    out.meta.edition = format!("FY{fy}");
    out.meta.licence = None;
    let rows = class_rows(out)?;
    store_income(out, rows, year)
}

/// `wdi-metadata-country`: a WDI bulk download's `Metadata_Country_….csv`. Income
/// groups are stored for the fiscal year of the classification the download carries:
/// from a download date in the file name (`…_2023-05-10.csv`: the fiscal year in
/// effect that day, FY*n* runs from 1 July *n*−1), else the fiscal year the file's own
/// notes state for the World Bank's lists ("… as of FY24 …"), reported as a
/// diagnostic. The bulk file names' `v2_<number>` is a download number, not a date.
pub(crate) fn read_metadata_country(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file_name = out.file;
    let from_name = file_date(file_name).map(|(y, m)| if m >= 7 { y + 1 } else { y });
    let (fy, location) = match from_name {
        Some(fy) => {
            let location = Location::file(file_name);
            out.note(
                location.clone(),
                format!("fiscal year FY{fy} from the date in the file name"),
            );
            (fy, location)
        }
        None => {
            let grid = out.csv()?;
            let mut found = None;
            'rows: for row in 1..grid.n_rows() {
                for col in 0..grid.n_cols(row) {
                    if let Some(y) = year_after(&grid.text(row, col), "as of fy", true) {
                        found = Some((y, grid.location(file_name, row, col)));
                        break 'rows;
                    }
                }
            }
            let (fy, location) = found.ok_or_else(|| {
                missing(
                    Location::file(file_name),
                    "a date in the file name or a note \"as of FY<year>\" giving the fiscal year",
                )
            })?;
            out.note(
                location.clone(),
                format!(
                    "fiscal year FY{fy} from the note \"as of FY…\" (no date in the file name)"
                ),
            );
            (fy, location)
        }
    };
    let year = year_of(|| location, fy)?;
    out.meta.key = "wdi-metadata-country".to_owned();
    out.meta.publisher = "World Bank".to_owned();
    out.meta.title =
        "World Development Indicators, country metadata (region and income group)".to_owned();
    out.meta.edition = format!("FY{fy}");
    out.meta.licence = Some("CC BY 4.0".to_owned());
    let rows = class_rows(out)?;
    store_income(out, rows, year)
}

/// A `YYYY-MM-DD` date in a file name: (year, month).
fn file_date(file_name: &str) -> Option<(i64, u32)> {
    let b = file_name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let s = std::str::from_utf8(&b[i..i + 10]).ok()?;
        let ok = s
            .bytes()
            .enumerate()
            .all(|(j, c)| if j == 4 || j == 7 { c == b'-' } else { c.is_ascii_digit() });
        if !ok {
            return None;
        }
        let month: u32 = s[5..7].parse().ok()?;
        (1..=12).contains(&month).then(|| s[..4].parse().ok().map(|y| (y, month)))?
    })
}

/// `icmw-ratifications`: the ICMW status table. Each country's status is stored as
/// `icmw_status` (2 state party, 1 signatory, 0 no action). A party's year is its year
/// of ratification or accession; the table states no date of its own, so other
/// countries' year (and a party's without a year) is the latest year of ratification
/// or accession in the table, the earliest the table can date from (reported).
pub(crate) fn read_icmw_dataset(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let rows = icmw_rows(out)?;
    let latest = rows.iter().filter_map(|r| r.year).max().ok_or_else(|| {
        missing(Location::file(out.file), "at least one year of ratification or accession")
    })?;
    out.note(
        Location::file(out.file),
        format!(
            "the table states no date: statuses other than ratification are stored for \
             {latest}, its latest year of ratification or accession"
        ),
    );
    out.meta.key = "icmw-ratifications".to_owned();
    out.meta.publisher = "United Nations Treaty Collection (compiled table)".to_owned();
    out.meta.title = "Status of the International Convention on the Protection of the \
                      Rights of All Migrant Workers and Members of Their Families (IV-13)"
        .to_owned();
    out.meta.edition = format!("ratifications to {latest}");
    out.meta.licence = None;
    for row in rows {
        let (code, year) = match (row.party, row.signatory) {
            (true, _) => (2.0, row.year.unwrap_or(latest)),
            (false, true) => (1.0, latest),
            (false, false) => (0.0, latest),
        };
        if row.party && row.year.is_none() {
            let p = &row.provenance;
            let location = Location {
                file: p.file.clone(),
                sheet: p.sheet.clone(),
                row: p.row,
                column: p.column.clone(),
            };
            out.note(
                location,
                format!("{} is a party without a year; stored for {latest}", row.area),
            );
        }
        out.area_value(Indicator::ICMW_STATUS, row.area, year, Sex::Total, code, row.provenance)?;
    }
    Ok(())
}

/// The UN M49 code a header of the annex's group columns ends with
/// ("Least developed countries\n941" → 941).
fn trailing_code(text: &str) -> Option<i64> {
    let last = text.lines().last()?.trim();
    (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit())).then(|| last.parse().ok())?
}

/// `undesa-classification-annex`: the annex of UN DESA's International Migrant Stock
/// 2020 (sheet `Annex`, "Classification of countries and areas by development group,
/// region and subregion"). Rows of location type 4 (country or area) are harmonised
/// by their M49 location code; every other row (world, regions, groups) is reported as
/// an aggregate. For each country, for the year of the title ("International Migrant
/// Stock 2020"), it stores the M49 codes of its development group (901 or 902), SDG
/// region, geographic region and subregion, the flags `ldc`, `lldc` and `sids` (1 or
/// 0), and `income_group` coded as for `wb-income-classification` (countries marked
/// "No income group available" are reported, as are those without a subregion, i.e.
/// Northern America). Group columns are found by the M49 code
/// their header ends with; each value's provenance is its cell.
pub(crate) fn read_undesa_annex(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file_name = out.file;
    let mut wb = out.workbook()?;
    if !wb.has_sheet("Annex") {
        return Err(missing(Location::file(file_name), "a sheet \"Annex\""));
    }
    let grid = wb.sheet("Annex")?;
    let header_at = |pred: &dyn Fn(&str) -> bool, what: &str| {
        grid.find(20, |s| pred(s)).ok_or_else(|| missing(grid.whole(file_name), what.to_owned()))
    };
    let (header, iso_col) =
        header_at(&|s| s.eq_ignore_ascii_case("ISO3 Alpha-code"), "a column \"ISO3 Alpha-code\"")?;
    let header_col = |names: &[&str], row: usize| {
        (0..grid.n_cols(row))
            .find(|&c| names.iter().any(|n| grid.text(row, c).eq_ignore_ascii_case(n)))
            .ok_or_else(|| {
                missing(grid.row_location(file_name, row), format!("a column {:?}", names[0]))
            })
    };
    let code_col = header_col(&["Location code"], header)?;
    let name_col = (0..grid.n_cols(header))
        .find(|&c| grid.text(header, c).to_ascii_lowercase().starts_with("region, subregion"))
        .unwrap_or(0);
    let group_row = header.checked_sub(1).ok_or_else(|| {
        missing(grid.row_location(file_name, header), "group headers above the column names")
    })?;
    let type_col = header_col(&["Location Type"], group_row)?;
    let subregion_col = header_col(&["Subregion"], group_row)?;
    let sdg_col = header_col(&["SDG region"], group_row)?;
    let region_col = header_col(&["Geographic region"], group_row)?;
    let by_code = |code: i64| {
        (0..grid.n_cols(header))
            .find(|&c| trailing_code(&grid.text(header, c)) == Some(code))
            .ok_or_else(|| {
                missing(
                    grid.row_location(file_name, header),
                    format!("a column for M49 code {code}"),
                )
            })
    };
    let (more_col, less_col) = (by_code(901)?, by_code(902)?);
    let flags = [
        (Indicator::LDC, by_code(941)?),
        (Indicator::LLDC, by_code(1636)?),
        (Indicator::SIDS, by_code(1637)?),
    ];
    let incomes = [
        (IncomeGroup::High, by_code(1503)?),
        (IncomeGroup::UpperMiddle, by_code(1502)?),
        (IncomeGroup::LowerMiddle, by_code(1501)?),
        (IncomeGroup::Low, by_code(1500)?),
    ];
    let no_income_col = by_code(1518).ok();

    // Title, edition and licence from the lines above the table.
    let mut lines = Vec::new();
    for row in 0..group_row {
        for col in 0..grid.n_cols(row) {
            let text = grid.text(row, col);
            if !text.is_empty() {
                lines.push((text.into_owned(), grid.location(file_name, row, col)));
            }
        }
    }
    let (edition, location) = lines
        .iter()
        .find_map(|(t, l)| year_after(t, "international migrant stock ", false).map(|y| (y, l)))
        .ok_or_else(|| {
            missing(Location::file(file_name), "a title \"International Migrant Stock <year>\"")
        })?;
    let year = year_of(|| location.clone(), edition)?;
    let title = lines.iter().take(2).map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", ");
    out.meta.key = "undesa-classification".to_owned();
    out.meta.publisher =
        "United Nations Department of Economic and Social Affairs, Population Division".to_owned();
    out.meta.title = title;
    out.meta.edition = edition.to_string();
    out.meta.licence =
        lines.iter().any(|(t, _)| t.contains("CC BY 3.0 IGO")).then(|| "CC BY 3.0 IGO".to_owned());

    let marked = |row: usize, col: usize, code: i64| -> Result<bool, ImportError> {
        if grid.cell(row, col).is_blank() {
            return Ok(false);
        }
        match grid.cell(row, col).integer() {
            Some(c) if c == code => Ok(true),
            _ => Err(bad_value(
                grid.location(file_name, row, col),
                format!("{code} or an empty cell"),
                grid.text(row, col).into_owned(),
            )),
        }
    };
    let m49_of = |row: usize, col: usize| -> Result<i64, ImportError> {
        grid.cell(row, col).integer().ok_or_else(|| {
            bad_value(
                grid.location(file_name, row, col),
                "an M49 code",
                grid.text(row, col).into_owned(),
            )
        })
    };
    for row in header + 1..grid.n_rows() {
        let name = grid.text(row, name_col);
        let code_text = grid.text(row, code_col);
        if name.is_empty() && code_text.is_empty() {
            continue;
        }
        let code = u16::try_from(m49_of(row, code_col)?).map_err(|_| {
            bad_value(grid.location(file_name, row, code_col), "an M49 code", code_text.clone())
        })?;
        let name = name.trim_end_matches('*').trim();
        if grid.cell(row, type_col).integer() != Some(4) {
            out.skip_area(format!("{name} ({code})"), AreaMatch::Aggregate, || {
                grid.location(file_name, row, name_col)
            });
            continue;
        }
        let Some(area) =
            out.area(AreaId::M49(code, name), || grid.location(file_name, row, code_col))
        else {
            continue;
        };
        let iso = grid.text(row, iso_col);
        if !iso.eq_ignore_ascii_case(area.as_str()) {
            out.note(
                grid.location(file_name, row, iso_col),
                format!(
                    "M49 code {code} is {area} but the ISO3 column says {iso:?}; {area} is used"
                ),
            );
        }
        let store = |out: &mut Builder<'_>, indicator: Indicator, col: usize, value: f64| {
            let provenance = grid.provenance(file_name, row, &grid.column_name(col));
            out.area_value(indicator, area, year, Sex::Total, value, provenance)
        };
        for (indicator, col) in [
            (Indicator::GEO_SUBREGION, subregion_col),
            (Indicator::SDG_REGION, sdg_col),
            (Indicator::GEO_REGION, region_col),
        ] {
            if indicator == Indicator::GEO_SUBREGION && grid.cell(row, col).is_blank() {
                // Northern America has no subregions.
                out.note(
                    grid.location(file_name, row, col),
                    format!("{area} has no subregion in this classification; nothing stored"),
                );
                continue;
            }
            let m49 = m49_of(row, col)?;
            store(out, indicator, col, m49 as f64)?;
        }
        match (marked(row, more_col, 901)?, marked(row, less_col, 902)?) {
            (true, false) => store(out, Indicator::DEVELOPMENT_GROUP, more_col, 901.0)?,
            (false, true) => store(out, Indicator::DEVELOPMENT_GROUP, less_col, 902.0)?,
            _ => {
                return Err(bad_value(
                    grid.row_location(file_name, row),
                    "exactly one of the development groups 901 and 902",
                    format!("{area}"),
                ));
            }
        }
        for (indicator, col) in flags {
            let code = trailing_code(&grid.text(header, col)).unwrap_or_default();
            let member = marked(row, col, code)?;
            store(out, indicator, col, if member { 1.0 } else { 0.0 })?;
        }
        let mut income = None;
        for (group, col) in incomes {
            let code = trailing_code(&grid.text(header, col)).unwrap_or_default();
            if marked(row, col, code)? {
                if income.is_some() {
                    return Err(bad_value(
                        grid.location(file_name, row, col),
                        "one income group",
                        format!("{area} marked in two income groups"),
                    ));
                }
                income = Some((group, col));
            }
        }
        match income {
            Some((group, col)) => store(out, Indicator::INCOME_GROUP, col, income_code(group))?,
            None => {
                let col = no_income_col.unwrap_or(name_col);
                out.note(
                    grid.location(file_name, row, col),
                    format!("{area} has no income group in this classification; nothing stored"),
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn income_labels() {
        assert_eq!(income_group("Lower middle income"), Some(Some(IncomeGroup::LowerMiddle)));
        assert_eq!(income_group("Upper-middle income"), Some(Some(IncomeGroup::UpperMiddle)));
        assert_eq!(income_group(""), Some(None));
        assert_eq!(income_group("Rich"), None);
    }

    #[test]
    fn years_from_text_and_names() {
        assert_eq!(fiscal_year_of_name("WB_CLASS_income_groups_FY2024.xlsx"), Some(2024));
        assert_eq!(fiscal_year_of_name("CLASS_FY24.xlsx"), Some(2024));
        assert_eq!(file_date("API_X_2023-05-10.xls"), Some((2023, 5)));
        assert_eq!(file_date("Metadata_Country_API_X_DS2_en_csv_v2_3403591.csv"), None);
        let note = "Income classifications set on 1 July 2022 remain in effect until 1 July 2023.";
        assert_eq!(year_after(note, "remain in effect until 1 july ", false), Some(2023));
        assert_eq!(year_after("aggregate as of FY24 (July 1", "as of fy", true), Some(2024));
    }
}
