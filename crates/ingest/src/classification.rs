//! Classifications of countries that the domain has no stored type for yet: the World
//! Bank's regions and income groups, and ratifications of the 1990 International
//! Convention on the Protection of the Rights of All Migrant Workers and Members of
//! Their Families (ICMW).
//!
//! They are returned as plain rows with their provenance, beside diagnostics, like the
//! other readers; country names and codes are harmonised by [`crate::areas`] and the
//! same rules apply (aggregates reported and left out, unknown names rejected unless
//! [`crate::UnknownAreas::Skip`]).

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use domain::{Iso3, Provenance, Year};

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
    let diagnostics = out.finish_rows()?;
    Ok((rows, diagnostics))
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
    let diagnostics = out.finish_rows()?;
    Ok((rows, diagnostics))
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
}
