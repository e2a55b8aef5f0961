//! Cross-checks between loaded datasets (`coherence datasets check`).
//!
//! Official sources overlap, and analysts need to know where they disagree before they
//! quote either:
//! * **bilateral sums against published totals**: the sum over origins of a bilateral
//!   migrant stock table against the immigrant stock a totals workbook publishes for
//!   the same destination and year (and the same for emigrants by origin);
//! * **remittances from two publishers**: remittances received (and paid) by the same
//!   country and year in two datasets, e.g. KNOMAD's workbooks against WDI.
//!
//! A comparison is a *discrepancy* when the relative difference exceeds the tolerance.

use std::collections::{BTreeMap, HashMap};

use domain::{Indicator, Sex};
use store::{End, Store};

use crate::Error;

/// Relative differences up to this are agreement (rounding in published tables).
pub const TOLERANCE: f64 = 0.005;

/// One cross-check and what it found.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Check {
    /// What is compared.
    pub name: String,
    /// The two datasets compared (title and edition).
    pub datasets: [String; 2],
    /// How many area-years both datasets cover.
    pub compared: usize,
    /// The comparisons whose relative difference exceeds [`TOLERANCE`], largest first.
    pub discrepancies: Vec<Discrepancy>,
}

/// Two values that should agree and do not.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Discrepancy {
    /// ISO alpha-3 code.
    pub area: String,
    /// The year.
    pub year: i32,
    /// The first dataset's value.
    pub value_a: f64,
    /// The second dataset's value.
    pub value_b: f64,
    /// `(a - b) / b` in per cent; `None` when `b` is 0 and `a` is not.
    pub difference_pct: Option<f64>,
}

fn describe(datasets: &HashMap<i64, store::DatasetRecord>, id: i64) -> String {
    datasets
        .get(&id)
        .map_or_else(|| format!("import {id}"), |d| format!("{} (edition {})", d.title, d.edition))
}

/// Two values to compare: area, year, value A, value B.
type Pair = (String, i32, f64, f64);

/// Comparisons grouped by the two imports they come from.
type ByImports = BTreeMap<(i64, i64), Vec<Pair>>;

fn compare(name: String, datasets: [String; 2], pairs: impl Iterator<Item = Pair>) -> Check {
    let mut compared = 0;
    let mut discrepancies = Vec::new();
    for (area, year, a, b) in pairs {
        compared += 1;
        let rel = if b != 0.0 {
            (a - b) / b
        } else if a != 0.0 {
            f64::INFINITY
        } else {
            0.0
        };
        if rel.abs() > TOLERANCE {
            let difference_pct = rel.is_finite().then_some(100.0 * rel);
            discrepancies.push(Discrepancy { area, year, value_a: a, value_b: b, difference_pct });
        }
    }
    // Largest differences first; a difference against zero counts as the largest.
    let size = |d: &Discrepancy| d.difference_pct.map_or(f64::INFINITY, f64::abs);
    discrepancies.sort_by(|x, y| {
        size(y).total_cmp(&size(x)).then(x.area.cmp(&y.area)).then(x.year.cmp(&y.year))
    });
    Check { name, datasets, compared, discrepancies }
}

pub(crate) async fn run(store: &Store) -> Result<Vec<Check>, Error> {
    let datasets: HashMap<i64, store::DatasetRecord> =
        store.datasets().await?.into_iter().map(|d| (d.id, d)).collect();
    let mut checks = Vec::new();

    // Bilateral sums against published totals.
    for (total, end, noun) in [
        (Indicator::IMMIGRANT_STOCK, End::To, "immigrants by destination"),
        (Indicator::EMIGRANT_STOCK, End::From, "emigrants by origin"),
    ] {
        let totals = store.indicator_values(total.code, Sex::Total).await?;
        let sums = store.pair_sums(Indicator::MIGRANT_STOCK.code, Sex::Total, end).await?;
        let mut by_import: ByImports = BTreeMap::new();
        let total_index: HashMap<(domain::Iso3, i32), Vec<&store::StoredAreaValue>> =
            totals.iter().fold(HashMap::new(), |mut m, v| {
                m.entry((v.area, v.year)).or_insert_with(Vec::new).push(v);
                m
            });
        for s in &sums {
            for t in total_index.get(&(s.area, s.year)).into_iter().flatten() {
                by_import.entry((s.import_id, t.import_id)).or_default().push((
                    s.area.as_str().to_owned(),
                    s.year,
                    s.sum,
                    t.value,
                ));
            }
        }
        for ((bilateral, published), rows) in by_import {
            checks.push(compare(
                format!("sum of the bilateral migrant stock against published totals of {noun}"),
                [describe(&datasets, bilateral), describe(&datasets, published)],
                rows.into_iter(),
            ));
        }
    }

    // The same remittance series from two datasets.
    for indicator in [Indicator::REMITTANCES_RECEIVED_USD, Indicator::REMITTANCES_PAID_USD] {
        let values = store.indicator_values(indicator.code, Sex::Total).await?;
        let mut by_key: BTreeMap<(domain::Iso3, i32), Vec<&store::StoredAreaValue>> =
            BTreeMap::new();
        for v in &values {
            by_key.entry((v.area, v.year)).or_default().push(v);
        }
        let mut by_pair: ByImports = BTreeMap::new();
        for ((area, year), vs) in &by_key {
            for (i, a) in vs.iter().enumerate() {
                for b in &vs[i + 1..] {
                    if a.import_id != b.import_id {
                        by_pair.entry((a.import_id, b.import_id)).or_default().push((
                            area.as_str().to_owned(),
                            *year,
                            a.value,
                            b.value,
                        ));
                    }
                }
            }
        }
        for ((a, b), rows) in by_pair {
            checks.push(compare(
                format!("{} in two datasets", indicator.title),
                [describe(&datasets, a), describe(&datasets, b)],
                rows.into_iter(),
            ));
        }
    }
    Ok(checks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_and_order() {
        let rows = vec![
            ("AAA".to_owned(), 2020, 100.0, 100.4),
            ("BBB".to_owned(), 2020, 110.0, 100.0),
            ("CCC".to_owned(), 2020, 50.0, 100.0),
            ("DDD".to_owned(), 2020, 1.0, 0.0),
            ("EEE".to_owned(), 2020, 0.0, 0.0),
        ];
        let check = compare("x".to_owned(), ["a".to_owned(), "b".to_owned()], rows.into_iter());
        assert_eq!(check.compared, 5);
        let areas: Vec<&str> = check.discrepancies.iter().map(|d| d.area.as_str()).collect();
        assert_eq!(areas, ["DDD", "CCC", "BBB"]);
        assert!((check.discrepancies[2].difference_pct.unwrap() - 10.0).abs() < 1e-9);
        assert_eq!(check.discrepancies[0].difference_pct, None);
    }
}
