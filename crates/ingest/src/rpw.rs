//! Remittance Prices Worldwide (World Bank): the DataBank corridor extract and the
//! official quarterly dataset of service-level quotes.
//!
//! Coherence stores one cost per corridor (sender, receiver) and year. RPW publishes
//! quarters (half-years until 2012), so the value stored for a year is the latest
//! quarter of that year with a value; the number of earlier quarters not stored is
//! reported as a diagnostic. In the quotes dataset, a corridor's cost for a quarter is
//! the simple mean of its services' total costs, as RPW computes its corridor
//! averages; its provenance is the first quote of the corridor and quarter.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

use std::collections::BTreeMap;

use domain::dataset::PairValue;
use domain::{Indicator, Iso3, Provenance, Sex, Year};

use crate::error::{ImportError, Location};
use crate::grid::{Grid, Value};
use crate::read::{AreaId, Builder, bad_value, missing};

/// The publisher.
const PUBLISHER: &str = "World Bank, Remittance Prices Worldwide";
/// The licence the World Bank states for RPW data (data catalogue).
const LICENCE: &str = "CC BY 4.0";
/// What a cost cell must hold.
const PERCENT: &str = "a cost in % of the amount sent";

/// A quarter: year and quarter number (1–4).
type Quarter = (Year, u8);

/// The quotes of one cost column for one corridor and quarter: their sum, their
/// number, and the provenance of the first.
type Quotes = (f64, u32, Provenance);

/// Parses `2011Q1 [YR2011Q1]`, `2016_2Q`, `Q2 2016`, `2016Q2`.
fn quarter(text: &str) -> Option<Quarter> {
    let t = text.split('[').next().unwrap_or("").trim().to_ascii_uppercase();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 5 || !t.contains('Q') {
        return None;
    }
    // The year is four digits, the quarter one, in either order.
    let (year, q) = if t.starts_with('Q') {
        (&digits[1..], &digits[..1])
    } else {
        (&digits[..4], &digits[4..])
    };
    let q: u8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some((Year::parse(year).ok()?, q))
}

/// Keeps, for each corridor and year, the latest quarter; counts the others.
#[derive(Default)]
struct Latest {
    best: BTreeMap<(Iso3, Iso3, Year), (u8, f64, Provenance)>,
    dropped: usize,
}

impl Latest {
    fn offer(
        &mut self,
        from: Iso3,
        to: Iso3,
        (year, q): Quarter,
        value: f64,
        provenance: Provenance,
    ) {
        match self.best.get_mut(&(from, to, year)) {
            Some(entry) if entry.0 >= q => self.dropped += 1,
            Some(entry) => {
                *entry = (q, value, provenance);
                self.dropped += 1;
            }
            None => {
                self.best.insert((from, to, year), (q, value, provenance));
            }
        }
    }

    fn store(
        self,
        out: &mut Builder<'_>,
        indicator: Indicator,
        location: Location,
    ) -> Result<(), ImportError> {
        if self.dropped > 0 {
            out.note(
                location,
                format!(
                    "{} values of earlier quarters were not stored ({}: one value per corridor and year, the latest quarter)",
                    self.dropped, indicator.code
                ),
            );
        }
        for ((from, to, year), (_, value, provenance)) in self.best {
            out.push_pair(PairValue {
                indicator,
                from,
                to,
                year,
                sex: Sex::Total,
                value,
                provenance,
            })?;
        }
        Ok(())
    }
}

/// The DataBank corridor extract: `Sending Countries Name, Sending Countries Code,
/// Series Name, Series Code, Receiving Countries Name, Receiving Countries Code,
/// 2011Q1 [YR2011Q1], …`; missing values are `..`; footer lines at the end.
pub(crate) fn read_corridors(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut grid = out.csv()?;
    grid.set_header(0);
    let column = |grid: &Grid, name: &str| {
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        (0..grid.n_cols(0))
            .find(|&c| squash(&grid.text(0, c)).eq_ignore_ascii_case(name))
            .ok_or_else(|| missing(Location::line(file, 1), format!("the column {name:?}")))
    };
    let sender_name = column(&grid, "Sending Countries Name")?;
    let sender_code = column(&grid, "Sending Countries Code")?;
    let series_code = column(&grid, "Series Code")?;
    let receiver_name = column(&grid, "Receiving Countries Name")?;
    let receiver_code = column(&grid, "Receiving Countries Code")?;
    let quarters: Vec<(usize, Quarter, String)> = (0..grid.n_cols(0))
        .filter_map(|c| quarter(&grid.text(0, c)).map(|q| (c, q, grid.column_name(c))))
        .collect();
    if quarters.is_empty() {
        return Err(missing(Location::line(file, 1), "quarter columns (\"2011Q1 [YR2011Q1]\", …)"));
    }
    let updated = grid
        .find(grid.n_rows(), |s| s.starts_with("Last Updated:"))
        .map(|(r, c)| grid.text(r, c)["Last Updated:".len()..].trim().to_owned());
    out.meta.key = "rpw-corridors".to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title =
        "Remittance Prices Worldwide (Corridors): average total cost to remit in corridor"
            .to_owned();
    out.meta.edition = updated.map_or_else(String::new, |u| format!("last updated {u}"));
    out.meta.licence = Some(LICENCE.to_owned());

    let mut latest = Latest::default();
    for row in 1..grid.n_rows() {
        let series = grid.text(row, series_code);
        if series.is_empty() {
            continue;
        }
        if series != "ATCR.CORR" {
            return Err(bad_value(
                grid.location(file, row, series_code),
                "the series ATCR.CORR",
                series,
            ));
        }
        let has_value = quarters.iter().any(|(c, _, _)| {
            matches!(crate::grid::value(grid.cell(row, *c)), Ok(Value::Number(_)) | Err(_))
        });
        if !has_value {
            continue;
        }
        let (s_code, s_name) = (grid.text(row, sender_code), grid.text(row, sender_name));
        let (r_code, r_name) = (grid.text(row, receiver_code), grid.text(row, receiver_name));
        let from = out.area(AreaId::Wb(&s_code, &s_name), || grid.location(file, row, sender_code));
        let to = out.area(AreaId::Wb(&r_code, &r_name), || grid.location(file, row, receiver_code));
        let (Some(from), Some(to)) = (from, to) else { continue };
        for (col, q, column) in &quarters {
            if let Value::Number(value) = grid.value(file, row, *col, PERCENT)? {
                latest.offer(from, to, *q, value, grid.provenance(file, row, column));
            }
        }
    }
    latest.store(out, Indicator::REMITTANCE_COST_200, Location::file(file))
}

/// The quotes dataset: one row per service, corridor and quarter, with `period`,
/// `source_code`, `destination_code`, `cc1 total cost %` (US$200) and `cc2 total cost
/// %` (US$500) among its columns.
pub(crate) fn read_dataset(out: &mut Builder<'_>) -> Result<(), ImportError> {
    let file = out.file;
    let mut wb = out.workbook()?;
    let sheet = wb
        .sheet_names()
        .into_iter()
        .find(|s| s.to_ascii_lowercase().starts_with("dataset"))
        .ok_or_else(|| missing(Location::file(file), "a sheet named \"Dataset …\""))?;
    let grid = wb.sheet(&sheet)?;
    let (header, _) = grid
        .find(10, |s| s.eq_ignore_ascii_case("cc1 total cost %"))
        .ok_or_else(|| missing(grid.whole(file), "a header row with \"cc1 total cost %\""))?;
    let col = |name: &str| {
        (0..grid.n_cols(header))
            .find(|&c| grid.text(header, c).eq_ignore_ascii_case(name))
            .ok_or_else(|| missing(grid.row_location(file, header), format!("the column {name:?}")))
    };
    let period = col("period")?;
    let (source_code, source_name) = (col("source_code")?, col("source_name")?);
    let (dest_code, dest_name) = (col("destination_code")?, col("destination_name")?);
    let costs = [
        (col("cc1 total cost %")?, Indicator::REMITTANCE_COST_200),
        (col("cc2 total cost %")?, Indicator::REMITTANCE_COST_500),
    ];
    out.meta.key = "rpw-dataset".to_owned();
    out.meta.publisher = PUBLISHER.to_owned();
    out.meta.title = format!("Remittance Prices Worldwide dataset ({sheet})");
    out.meta.licence = Some(LICENCE.to_owned());

    // (indicator index, sender, receiver, quarter) → (sum, count, first provenance).
    let mut means: BTreeMap<(usize, Iso3, Iso3, Quarter), Quotes> = BTreeMap::new();
    let mut last: Option<Quarter> = None;
    for row in header + 1..grid.n_rows() {
        let period_text = grid.text(row, period);
        if period_text.is_empty() {
            continue;
        }
        let q = quarter(&period_text).ok_or_else(|| {
            bad_value(
                grid.location(file, row, period),
                "a quarter such as 2016_2Q",
                period_text.clone(),
            )
        })?;
        last = last.max(Some(q));
        let (s_code, s_name) = (grid.text(row, source_code), grid.text(row, source_name));
        let (d_code, d_name) = (grid.text(row, dest_code), grid.text(row, dest_name));
        let from = out.area(AreaId::Wb(&s_code, &s_name), || grid.location(file, row, source_code));
        let to = out.area(AreaId::Wb(&d_code, &d_name), || grid.location(file, row, dest_code));
        let (Some(from), Some(to)) = (from, to) else { continue };
        for (i, (c, _)) in costs.iter().enumerate() {
            if let Value::Number(value) = grid.value(file, row, *c, PERCENT)? {
                let entry = means
                    .entry((i, from, to, q))
                    .or_insert_with(|| (0.0, 0, grid.provenance(file, row, &grid.column_name(*c))));
                entry.0 += value;
                entry.1 += 1;
            }
        }
    }
    out.meta.edition = last.map_or_else(String::new, |(y, q)| format!("{y} Q{q}"));
    let mut latest = [Latest::default(), Latest::default()];
    for ((i, from, to, q), (sum, n, provenance)) in means {
        latest[i].offer(from, to, q, sum / f64::from(n), provenance);
    }
    let [l200, l500] = latest;
    l200.store(out, Indicator::REMITTANCE_COST_200, grid.whole(file))?;
    l500.store(out, Indicator::REMITTANCE_COST_500, grid.whole(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters() {
        let q = |s: &str| quarter(s).map(|(y, q)| (y.get(), q));
        assert_eq!(q("2011Q1 [YR2011Q1]"), Some((2011, 1)));
        assert_eq!(q("2016_2Q"), Some((2016, 2)));
        assert_eq!(q("Q3 2020"), Some((2020, 3)));
        assert_eq!(q("2020Q5"), None);
        assert_eq!(q("Series Code"), None);
    }
}
