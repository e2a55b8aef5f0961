//! Cross-checks between loaded datasets (`coherence datasets check`), like with like.
//!
//! Official sources overlap, and analysts need to know where they disagree before they
//! quote either. Two figures are compared only when they measure the same thing: the
//! same universe (all countries of the world against all countries of the world), the
//! same edition of the same publisher, the same area and the same year.
//! * **Bilateral sums against published totals**: the sum over origins of a bilateral
//!   migrant stock table against the immigrant stock of the same destination and year
//!   in the totals *of the same edition* (UN DESA 2019 bilateral against UN DESA 2019
//!   totals; the Rev. 2015 table against its own `Total` column), and the same by
//!   origin.
//! * **Remittances from two publishers**: KNOMAD's annual flows against WDI's series
//!   (same indicator, country and year). KNOMAD writes 0 where it has no estimate: such
//!   zeros are counted as "no estimate", not compared.
//!
//! Which datasets are comparable is decided from their metadata (dataset key,
//! publisher, edition) and the table [`KEYS`]; every pair of loaded datasets that was
//! *not* compared is reported with the reason, so that a missing check is never
//! silent. Each kind of comparison has its own tolerance ([`Tolerance`]), with the
//! reason for it. `docs/validation.md` ("Cross-checks between datasets") documents the
//! checks, the tolerances and the JSON shape.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use domain::{Indicator, Sex};
use store::{DatasetRecord, End, Store};

use crate::Error;

/// Whether a check was carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The two datasets were compared area-year by area-year.
    Compared,
    /// The datasets were not compared; [`Check::reason`] says why.
    NotCompared,
}

/// The band within which two figures agree, and why it is that wide.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Tolerance {
    /// Relative differences `|A - B| / B` up to this (in per cent) are agreement.
    pub pct: f64,
    /// Why this tolerance: what legitimately separates the two figures.
    pub basis: String,
}

/// One cross-check between two datasets (or one dataset that could not be checked),
/// and what it found.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Check {
    /// What is compared, e.g. "immigrants by destination: sum of the bilateral table
    /// against the published totals".
    pub name: String,
    /// Whether the comparison was made.
    pub status: Status,
    /// Why the datasets were not compared (`None` when they were).
    pub reason: Option<String>,
    /// The datasets, as "[import id] title (edition …)": A then B for a comparison
    /// (B is the reference), one dataset when it alone could not be checked.
    pub datasets: Vec<String>,
    /// The store's import ids of [`Check::datasets`], in the same order.
    pub dataset_ids: Vec<i64>,
    /// The agreement band (`None` when not compared).
    pub tolerance: Option<Tolerance>,
    /// How many area-years both datasets cover with a comparable value.
    pub compared: usize,
    /// How many of them agree within the tolerance.
    pub agree: usize,
    /// How many have A below B beyond the tolerance.
    pub below: usize,
    /// How many have A above B beyond the tolerance (a non-zero A against a zero B
    /// counts here).
    pub above: usize,
    /// Area-years where A or B holds a placeholder (a remittance flow of 0, which KNOMAD
    /// and WDI write for "no estimate"): not compared, not counted in
    /// [`Check::compared`].
    pub no_estimate: usize,
    /// The comparisons outside the tolerance, largest first.
    pub discrepancies: Vec<Discrepancy>,
}

/// Two values that should agree within the tolerance and do not.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Discrepancy {
    /// ISO alpha-3 code.
    pub area: String,
    /// The year.
    pub year: i32,
    /// Dataset A's value.
    pub value_a: f64,
    /// Dataset B's value.
    pub value_b: f64,
    /// `(A - B) / B` in per cent; `None` when B is 0 and A is not.
    pub difference_pct: Option<f64>,
    /// One line on what could cause a difference of this direction between these two
    /// datasets.
    pub cause: String,
}

/// The publisher family of a dataset key, as far as comparability goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// UN DESA Population Division, International Migrant Stock.
    UnDesa,
    /// World Bank bilateral migration matrix (staff estimates).
    WorldBankMatrix,
    /// IAB brain-drain data.
    Iab,
    /// World Bank / KNOMAD annual remittance flows.
    Knomad,
    /// World Bank, World Development Indicators.
    Wdi,
}

/// What `datasets check` knows about a dataset key (a key, or a key prefix ending in
/// `-`/`.`, as set by the `ingest` readers).
struct KeyInfo {
    /// The dataset key, or its prefix when `prefix` is set.
    key: &'static str,
    /// Whether `key` is a prefix.
    prefix: bool,
    /// Its publisher family.
    family: Family,
    /// `None` when its figures cover every country of the world; otherwise the
    /// restricted universe, in words.
    universe: Option<&'static str>,
    /// For a bilateral table: why it cannot be checked against its own totals (`None`
    /// when its own totals, if any, are stored with it).
    own_totals: Option<&'static str>,
}

/// The dataset keys `datasets check` knows: publisher family, universe and own totals.
/// A key not listed here is compared only with totals stored in the same dataset.
///
/// * `undesa-ims-bilateral` (the 2020/2024 workbooks, the Rev. 2015 `Table 16` and the
///   2019 CSV): all destinations and origins of the world. Only Rev. 2015 carries its
///   own totals (its `Total` column, stored as `immigrant_stock` in the same import).
/// * `undesa-ims-destination`, `undesa-ims-origin`: UN DESA totals, the whole world.
/// * `wb-bilateral-migration`: the World Bank's 2017 matrix covers the world, but its
///   only totals are its own `World` row and column, `=SUM()` formulas over the same
///   cells, which the importer does not store; it is World Bank staff estimates (UN
///   DESA, OECD and national sources), so UN DESA's totals are not its totals.
/// * `iab-brain-drain-gender`: 20 OECD destinations only; its `Total immigration
///   stock` rows are not stored.
/// * `knomad-remittance-…` and `wdi-…`: remittance series for every country.
const KEYS: &[KeyInfo] = &[
    KeyInfo {
        key: "undesa-ims-bilateral",
        prefix: false,
        family: Family::UnDesa,
        universe: None,
        own_totals: None,
    },
    KeyInfo {
        key: "undesa-ims-destination",
        prefix: false,
        family: Family::UnDesa,
        universe: None,
        own_totals: None,
    },
    KeyInfo {
        key: "undesa-ims-origin",
        prefix: false,
        family: Family::UnDesa,
        universe: None,
        own_totals: None,
    },
    KeyInfo {
        key: "wb-bilateral-migration",
        prefix: false,
        family: Family::WorldBankMatrix,
        universe: None,
        own_totals: Some(
            "its only totals are the matrix's own World row and column (=SUM() formulas over \
             the same cells, not stored at import); no other publisher's totals are its totals",
        ),
    },
    KeyInfo {
        key: "iab-brain-drain-gender",
        prefix: false,
        family: Family::Iab,
        universe: Some(
            "20 OECD destinations (AUS, AUT, CAN, CHE, CHL, DEU, DNK, ESP, FIN, FRA, GBR, GRC, \
             IRL, LUX, NLD, NOR, NZL, PRT, SWE, USA)",
        ),
        own_totals: Some(
            "its own \"Total immigration stock\" rows are not stored at import, and its \
             universe (20 OECD destinations) is not that of any world totals",
        ),
    },
    KeyInfo {
        key: "knomad-remittance-",
        prefix: true,
        family: Family::Knomad,
        universe: None,
        own_totals: None,
    },
    KeyInfo { key: "wdi-", prefix: true, family: Family::Wdi, universe: None, own_totals: None },
];

fn key_info(key: &str) -> Option<&'static KeyInfo> {
    KEYS.iter().find(|k| if k.prefix { key.starts_with(k.key) } else { key == k.key })
}

/// Bilateral sums against published totals: UN DESA's totals are the row and column
/// sums of the same edition's estimates, so only rounding separates them.
fn stock_tolerance() -> Tolerance {
    Tolerance {
        pct: 0.5,
        basis: "published totals of the same edition are sums of the same estimates: 0.5 % \
                allows for rounding in published tables; a sum further below the total is \
                expected where the total counts counterparts the table gives only as \
                \"Other North/South\" or unknown, or areas without an ISO code (not stored \
                as pairs)"
            .to_owned(),
    }
}

/// KNOMAD against WDI: both publish the IMF balance-of-payments series of personal
/// remittances, so only revisions between releases and rounding separate them.
fn remittance_tolerance() -> Tolerance {
    Tolerance {
        pct: 0.5,
        basis: "KNOMAD's annual flows are WDI's series (IMF balance-of-payments personal \
                remittances) completed with World Bank staff estimates: 0.5 % allows for \
                rounding of US$ millions and small revisions between the two releases; \
                KNOMAD's 0 means \"no estimate\" and is counted apart"
            .to_owned(),
    }
}

/// The causes of a difference of each direction, one line each.
struct Causes {
    below: String,
    above: String,
    b_zero: String,
}

fn describe(d: &DatasetRecord) -> String {
    format!("[{}] {} (edition {})", d.id, d.title, d.edition)
}

/// The first four-digit year in an edition ("2019", "Rev.2015", "2024.1" → 2024).
fn edition_year(edition: &str) -> Option<u32> {
    let b = edition.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let w = &b[i..i + 4];
        let starts = i == 0 || !b[i - 1].is_ascii_digit();
        let ends = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        (starts && ends && w.iter().all(u8::is_ascii_digit))
            .then(|| edition[i..i + 4].parse().ok())
            .flatten()
    })
}

/// Whether bilateral table `b` may be compared with totals `t`, or why not.
fn stock_comparable(b: &DatasetRecord, t: &DatasetRecord, noun: &str) -> Result<(), String> {
    if b.id == t.id {
        return Ok(());
    }
    let (bi, ti) = (key_info(&b.key), key_info(&t.key));
    if let Some(universe) = bi.and_then(|k| k.universe) {
        return Err(format!(
            "different universes: the bilateral table covers {universe} only; the totals \
             count {noun} in every country of the world"
        ));
    }
    if let Some(universe) = ti.and_then(|k| k.universe) {
        return Err(format!("different universes: the totals cover {universe} only"));
    }
    match (bi.map(|k| k.family), ti.map(|k| k.family)) {
        (Some(Family::UnDesa), Some(Family::UnDesa)) => {
            match (edition_year(&b.edition), edition_year(&t.edition)) {
                (Some(x), Some(y)) if x == y => Ok(()),
                _ => Err(format!(
                    "different editions ({} and {}): each UN DESA edition re-estimates every \
                     year, so differences would be revisions, not errors; load the {} \
                     edition's totals to check this table",
                    b.edition, t.edition, b.edition
                )),
            }
        }
        (Some(Family::WorldBankMatrix), _) => Err(format!(
            "different publishers: the World Bank matrix is World Bank staff estimates from \
             UN DESA, OECD and national sources, not a {} table, so these totals are not its \
             totals (and UN DESA published no totals of the matrix's edition)",
            t.publisher
        )),
        (None, _) | (_, None) => Err(format!(
            "no documented like-for-like comparison between keys {} and {}: a table \
             without a listed publisher is compared only with totals in the same dataset",
            b.key, t.key
        )),
        _ => Err(format!(
            "different publishers ({} and {}): only totals of the same publisher and \
             edition are the bilateral table's totals",
            b.publisher, t.publisher
        )),
    }
}

/// Whether remittance datasets `a` and `b` may be compared, with A = KNOMAD first, or why
/// not.
fn remittance_comparable<'d>(
    a: &'d DatasetRecord,
    b: &'d DatasetRecord,
) -> Result<(&'d DatasetRecord, &'d DatasetRecord), String> {
    let family = |d: &DatasetRecord| key_info(&d.key).map(|k| k.family);
    match (family(a), family(b)) {
        (Some(Family::Knomad), Some(Family::Wdi)) => Ok((a, b)),
        (Some(Family::Wdi), Some(Family::Knomad)) => Ok((b, a)),
        (Some(Family::Wdi), Some(Family::Wdi)) => Err(format!(
            "two World Bank releases of the same series (editions {} and {}): differences \
             are revisions between releases, not errors",
            a.edition, b.edition
        )),
        _ => Err(format!(
            "no documented like-for-like comparison between keys {} and {} (only KNOMAD \
             against WDI is)",
            a.key, b.key
        )),
    }
}

/// Two values to compare: area, year, value A, value B.
type Pair = (String, i32, f64, f64);

/// Compares `pairs`: A against the reference B. With `zero_is_placeholder` (remittance
/// flows), a 0 on either side is a publisher's "no estimate" (KNOMAD's, and WDI's:
/// docs/data.md) and is counted apart, never as a discrepancy.
fn compare(
    mut check: Check,
    tolerance: Tolerance,
    causes: &Causes,
    zero_is_placeholder: bool,
    pairs: impl Iterator<Item = Pair>,
) -> Check {
    let band = tolerance.pct / 100.0;
    for (area, year, a, b) in pairs {
        if zero_is_placeholder && (a == 0.0 || b == 0.0) {
            check.no_estimate += 1;
            continue;
        }
        check.compared += 1;
        let rel = if b != 0.0 {
            (a - b) / b
        } else if a != 0.0 {
            f64::INFINITY
        } else {
            0.0
        };
        if rel.abs() <= band {
            check.agree += 1;
            continue;
        }
        let cause = if b == 0.0 {
            check.above += 1;
            &causes.b_zero
        } else if rel < 0.0 {
            check.below += 1;
            &causes.below
        } else {
            check.above += 1;
            &causes.above
        };
        let difference_pct = rel.is_finite().then_some(100.0 * rel);
        check.discrepancies.push(Discrepancy {
            area,
            year,
            value_a: a,
            value_b: b,
            difference_pct,
            cause: cause.clone(),
        });
    }
    // Largest differences first; a difference against zero counts as the largest.
    let size = |d: &Discrepancy| d.difference_pct.map_or(f64::INFINITY, f64::abs);
    check.discrepancies.sort_by(|x, y| {
        size(y).total_cmp(&size(x)).then(x.area.cmp(&y.area)).then(x.year.cmp(&y.year))
    });
    check.tolerance = Some(tolerance);
    check
}

/// A check not made between `datasets`, with the reason.
fn not_compared(name: String, datasets: &[&DatasetRecord], reason: String) -> Check {
    Check {
        name,
        status: Status::NotCompared,
        reason: Some(reason),
        datasets: datasets.iter().map(|d| describe(d)).collect(),
        dataset_ids: datasets.iter().map(|d| d.id).collect(),
        tolerance: None,
        compared: 0,
        agree: 0,
        below: 0,
        above: 0,
        no_estimate: 0,
        discrepancies: Vec::new(),
    }
}

/// An empty comparison of A against B, to be filled by [`compare`].
fn compared(name: String, a: &DatasetRecord, b: &DatasetRecord) -> Check {
    let mut check = not_compared(name, &[a, b], String::new());
    check.status = Status::Compared;
    check.reason = None;
    check
}

/// Runs every check over the default editions of the store, and reports every pair of
/// datasets not compared (and every superseded edition) with the reason.
pub(crate) async fn run(store: &Store) -> Result<Vec<Check>, Error> {
    let all = store.datasets().await?;
    let datasets: HashMap<i64, &DatasetRecord> = all.iter().map(|d| (d.id, d)).collect();
    let mut done = Vec::new();
    let mut skipped = Vec::new();
    let mut checked_bilateral = BTreeSet::new();
    let mut bilateral = BTreeSet::new();
    for (total, end, noun, counterparts) in [
        (Indicator::IMMIGRANT_STOCK, End::To, "immigrants by destination", "origins"),
        (Indicator::EMIGRANT_STOCK, End::From, "emigrants by origin", "destinations"),
    ] {
        let totals = store.indicator_values(total.code, Sex::Total).await?;
        let sums = store.pair_sums(Indicator::MIGRANT_STOCK.code, Sex::Total, end).await?;
        let mut total_of: HashMap<(domain::Iso3, i32), Vec<(i64, f64)>> = HashMap::new();
        let mut total_imports = BTreeSet::new();
        for v in &totals {
            total_of.entry((v.area, v.year)).or_default().push((v.import_id, v.value));
            total_imports.insert(v.import_id);
        }
        let mut sums_of: BTreeMap<i64, Vec<&store::PairSum>> = BTreeMap::new();
        for s in &sums {
            sums_of.entry(s.import_id).or_default().push(s);
        }
        let name = format!(
            "{noun}: sum of the bilateral migrant stock table against the published totals"
        );
        let causes = Causes {
            below: format!(
                "{counterparts} counted in the total but not stored as pairs (\"Other \
                 North/South\" or unknown, areas without an ISO code), or pairs missing \
                 from the table"
            ),
            above: format!(
                "the sum exceeds the published total: {counterparts} counted twice (an area \
                 under two names or codes) or values read into the wrong row"
            ),
            b_zero: "the published total is 0 while the table has pairs".to_owned(),
        };
        for (&b_id, rows) in &sums_of {
            let Some(b) = datasets.get(&b_id) else { continue };
            bilateral.insert(b_id);
            for &t_id in &total_imports {
                let Some(t) = datasets.get(&t_id) else { continue };
                if let Err(reason) = stock_comparable(b, t, noun) {
                    skipped.push(not_compared(name.clone(), &[b, t], reason));
                    continue;
                }
                checked_bilateral.insert(b_id);
                let pairs = rows.iter().filter_map(|s| {
                    let (_, value) = total_of
                        .get(&(s.area, s.year))?
                        .iter()
                        .find(|(import, _)| *import == t_id)?;
                    Some((s.area.as_str().to_owned(), s.year, s.sum, *value))
                });
                done.push(compare(
                    compared(name.clone(), b, t),
                    stock_tolerance(),
                    &causes,
                    false,
                    pairs,
                ));
            }
        }
    }
    for id in bilateral.difference(&checked_bilateral) {
        let b = datasets[id];
        skipped.push(not_compared(
            "bilateral migrant stock table: no like-for-like totals".to_owned(),
            &[b],
            no_totals_reason(b),
        ));
    }
    remittances(store, &datasets, &mut done, &mut skipped).await?;
    skipped.extend(superseded(&all));
    done.extend(skipped);
    Ok(done)
}

/// Why bilateral table `b` was checked against no totals.
fn no_totals_reason(b: &DatasetRecord) -> String {
    match key_info(&b.key) {
        Some(KeyInfo { own_totals: Some(why), .. }) => format!("not checked: {why}"),
        Some(KeyInfo { family: Family::UnDesa, .. }) => format!(
            "not checked: no UN DESA totals of the {} edition are loaded; import that \
             edition's totals by destination and by origin to check this table",
            b.edition
        ),
        _ => format!(
            "not checked: the dataset (key {}) carries no totals of its own, and no other \
             dataset's totals are documented as its totals",
            b.key
        ),
    }
}

/// KNOMAD against WDI, for remittances received and paid.
async fn remittances(
    store: &Store,
    datasets: &HashMap<i64, &DatasetRecord>,
    done: &mut Vec<Check>,
    skipped: &mut Vec<Check>,
) -> Result<(), Error> {
    for indicator in [Indicator::REMITTANCES_RECEIVED_USD, Indicator::REMITTANCES_PAID_USD] {
        let values = store.indicator_values(indicator.code, Sex::Total).await?;
        let mut by_import: BTreeMap<i64, BTreeMap<(String, i32), f64>> = BTreeMap::new();
        for v in &values {
            by_import
                .entry(v.import_id)
                .or_default()
                .insert((v.area.as_str().to_owned(), v.year), v.value);
        }
        let ids: Vec<i64> = by_import.keys().copied().collect();
        for (i, x) in ids.iter().enumerate() {
            for y in &ids[i + 1..] {
                let (Some(dx), Some(dy)) = (datasets.get(x), datasets.get(y)) else { continue };
                let name = format!("{}: KNOMAD against WDI", indicator.title);
                let (a, b) = match remittance_comparable(dx, dy) {
                    Ok(ab) => ab,
                    Err(reason) => {
                        let name = format!("{} in two datasets", indicator.title);
                        skipped.push(not_compared(name, &[dx, dy], reason));
                        continue;
                    }
                };
                let causes = Causes {
                    below: format!(
                        "a revision between the releases (KNOMAD {}, WDI {}), or a KNOMAD \
                         staff estimate lower than WDI's figure",
                        a.edition, b.edition
                    ),
                    above: format!(
                        "a KNOMAD staff estimate where WDI's balance-of-payments figure is \
                         partial or carried from an earlier year, or a revision between the \
                         releases (KNOMAD {}, WDI {})",
                        a.edition, b.edition
                    ),
                    b_zero: "WDI records 0 where KNOMAD has an estimate (a staff estimate or \
                             a value carried forward)"
                        .to_owned(),
                };
                let (va, vb) = (&by_import[&a.id], &by_import[&b.id]);
                let pairs = va.iter().filter_map(|((area, year), &value_a)| {
                    let value_b = *vb.get(&(area.clone(), *year))?;
                    Some((area.clone(), *year, value_a, value_b))
                });
                done.push(compare(
                    compared(name, a, b),
                    remittance_tolerance(),
                    &causes,
                    true,
                    pairs,
                ));
            }
        }
    }
    Ok(())
}

/// Superseded editions of the keys the checks know: checks read each key's default
/// (newest) edition, so an older one is not checked.
fn superseded(all: &[DatasetRecord]) -> Vec<Check> {
    all.iter()
        .filter(|d| !d.is_default && key_info(&d.key).is_some())
        .map(|d| {
            let newer = all
                .iter()
                .find(|n| n.is_default && n.key == d.key)
                .map_or_else(String::new, |n| format!(" by [{}] (edition {})", n.id, n.edition));
            not_compared(
                "superseded edition".to_owned(),
                &[d],
                format!(
                    "not checked: superseded in this store{newer} of the same dataset key \
                     ({}), and checks read each key's default (newest) edition; import it \
                     into a store without the newer edition to check it",
                    d.key
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: i64, key: &str, publisher: &str, edition: &str) -> DatasetRecord {
        DatasetRecord {
            publisher: publisher.to_owned(),
            title: format!("dataset {id}"),
            ..crate::select::test_record(id, key, edition)
        }
    }

    fn causes() -> Causes {
        Causes { below: "below".to_owned(), above: "above".to_owned(), b_zero: "zero".to_owned() }
    }

    #[test]
    fn tolerance_direction_and_order() {
        let rows = vec![
            ("AAA".to_owned(), 2020, 100.0, 100.4),
            ("BBB".to_owned(), 2020, 110.0, 100.0),
            ("CCC".to_owned(), 2020, 50.0, 100.0),
            ("DDD".to_owned(), 2020, 1.0, 0.0),
            ("EEE".to_owned(), 2020, 0.0, 0.0),
        ];
        let (a, b) = (record(1, "x", "p", "1"), record(2, "y", "p", "1"));
        let check = compare(
            compared("x".to_owned(), &a, &b),
            stock_tolerance(),
            &causes(),
            false,
            rows.into_iter(),
        );
        assert_eq!((check.compared, check.agree, check.below, check.above), (5, 2, 1, 2));
        let areas: Vec<&str> = check.discrepancies.iter().map(|d| d.area.as_str()).collect();
        assert_eq!(areas, ["DDD", "CCC", "BBB"]);
        let causes: Vec<&str> = check.discrepancies.iter().map(|d| d.cause.as_str()).collect();
        assert_eq!(causes, ["zero", "below", "above"]);
        assert!((check.discrepancies[2].difference_pct.unwrap() - 10.0).abs() < 1e-9);
        assert_eq!(check.discrepancies[0].difference_pct, None);
    }

    #[test]
    fn placeholder_zeros_are_no_estimate() {
        let rows = vec![
            ("AAA".to_owned(), 2020, 0.0, 5.0),
            ("BBB".to_owned(), 2020, 5.0, 5.0),
            ("CCC".to_owned(), 2020, 5.0, 0.0),
        ];
        let (a, b) =
            (record(1, "knomad-remittance-inflows", "k", "1"), record(2, "wdi-x", "w", "1"));
        let check = compare(
            compared("x".to_owned(), &a, &b),
            remittance_tolerance(),
            &causes(),
            true,
            rows.into_iter(),
        );
        assert_eq!((check.compared, check.agree, check.no_estimate), (1, 1, 2));
        assert!(check.discrepancies.is_empty());
    }

    #[test]
    fn editions_and_universes_decide_comparability() {
        let un = "United Nations";
        let bilateral_2019 = record(1, "undesa-ims-bilateral", un, "2019");
        let totals_2024 = record(2, "undesa-ims-destination", un, "2024");
        let totals_2019 = record(3, "undesa-ims-destination", un, "2019");
        let iab = record(4, "iab-brain-drain-gender", "IAB", "1980–2010 v1");
        let wb = record(5, "wb-bilateral-migration", "World Bank", "2017");
        let noun = "immigrants";
        assert!(stock_comparable(&bilateral_2019, &totals_2019, noun).is_ok());
        assert!(
            stock_comparable(&bilateral_2019, &totals_2024, noun)
                .unwrap_err()
                .starts_with("different editions")
        );
        let iab_reason = stock_comparable(&iab, &totals_2024, noun).unwrap_err();
        assert!(iab_reason.contains("different universes") && iab_reason.contains("20 OECD"));
        assert!(stock_comparable(&wb, &totals_2024, noun).is_err());
        // A table's own totals are always its like.
        assert!(stock_comparable(&iab, &iab, noun).is_ok());
    }

    #[test]
    fn edition_years() {
        assert_eq!(edition_year("2019"), Some(2019));
        assert_eq!(edition_year("Rev.2015"), Some(2015));
        assert_eq!(edition_year("2024.1"), Some(2024));
        assert_eq!(edition_year("20245"), None);
        assert_eq!(edition_year("last updated"), None);
    }

    #[test]
    fn remittance_pairs_put_knomad_first() {
        let k = record(1, "knomad-remittance-inflows", "World Bank / KNOMAD", "2022");
        let w = record(2, "wdi-bx.trf.pwkr.cd.dt", "World Bank", "last updated 2023-05-10");
        let w2 = record(3, "wdi-databank", "World Bank", "2024");
        let (a, b) = remittance_comparable(&w, &k).unwrap();
        assert_eq!((a.id, b.id), (1, 2));
        assert!(remittance_comparable(&w, &w2).unwrap_err().contains("revisions"));
    }
}
