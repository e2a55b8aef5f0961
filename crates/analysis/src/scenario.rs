//! Scenario baselines: the values of a corridor or a country that policy-option models
//! start from, read from the store with their sources.
//!
//! The keys are a fixed vocabulary that models name as parameter defaults
//! (`montecarlo::model::ParamDefault::Baseline`). A key is present only when the store
//! has a value for it; the scenario engine then names the missing key if a model needs
//! it and the scenario file does not set the parameter. Nothing is filled in.
//!
//! For each key the value is the newest one in or before the baseline year (the newest
//! of all when no year is given), from the default edition of its dataset, total over
//! sexes.

use std::collections::HashMap;

use domain::area::Iso3;
use domain::measure::{Indicator, Sex};
use montecarlo::model::{Baseline, BaselineValue};
use store::{StoredAreaValue, StoredPairValue};

use crate::select::Ranker;
use crate::{Error, Workspace};

/// One key of the baseline vocabulary: where its value comes from.
#[derive(Clone, Copy, Debug)]
pub struct BaselineKey {
    /// The key models name, e.g. `"corridor_stock"`.
    pub key: &'static str,
    /// Unit of the value.
    pub unit: &'static str,
    /// What it is, in one sentence.
    pub doc: &'static str,
}

/// Every key a baseline may carry, in the order they appear in a baseline.
pub const BASELINE_KEYS: &[BaselineKey] = &[
    BaselineKey {
        key: "corridor_stock",
        unit: "persons",
        doc: "Migrants born in the origin living in the destination (bilateral migrant stock).",
    },
    BaselineKey {
        key: "corridor_share_of_emigrants",
        unit: "share",
        doc: "The corridor's share of the origin's emigrants: its bilateral stock over the sum of the origin's bilateral stocks in the same table and year.",
    },
    BaselineKey {
        key: "corridor_remittances_usd",
        unit: "USD per year",
        doc: "Remittances sent from the destination to the origin (bilateral remittance matrix).",
    },
    BaselineKey {
        key: "corridor_cost_pct",
        unit: "percent",
        doc: "Average total cost of sending US$200 from the destination to the origin (SDG 10.c.1 corridor).",
    },
    BaselineKey {
        key: "corridor_deployments",
        unit: "persons per year",
        doc: "Nationals of the origin who left for work in the destination in the year (ILOSTAT outflows or national deployment statistics; a fiscal year published as monthly tables is their sum).",
    },
    BaselineKey {
        key: "diaspora_stock",
        unit: "persons",
        doc: "Emigrants of the origin living anywhere abroad.",
    },
    BaselineKey { key: "origin_population", unit: "persons", doc: "Population of the origin." },
    BaselineKey { key: "origin_gdp_usd", unit: "USD", doc: "GDP of the origin, current US$." },
    BaselineKey {
        key: "origin_gdp_per_capita_usd",
        unit: "USD",
        doc: "GDP per capita of the origin, current US$.",
    },
    BaselineKey {
        key: "origin_remittances_received_usd",
        unit: "USD per year",
        doc: "Personal remittances received by the origin.",
    },
    BaselineKey {
        key: "origin_cost_to_pct",
        unit: "percent",
        doc: "Average total cost of sending US$200 to the origin, over its corridors.",
    },
    BaselineKey {
        key: "origin_physicians_per_1000",
        unit: "per 1,000 people",
        doc: "Physicians per 1,000 people in the origin.",
    },
    BaselineKey {
        key: "origin_physicians",
        unit: "persons",
        doc: "Physicians in the origin: physicians per 1,000 people times the population of the same year, over 1,000.",
    },
    BaselineKey {
        key: "origin_health_workers_home",
        unit: "persons",
        doc: "Health professionals born in the origin and working there.",
    },
    BaselineKey {
        key: "origin_health_workers_abroad",
        unit: "persons",
        doc: "Health professionals born in the origin and working abroad.",
    },
    BaselineKey {
        key: "destination_population",
        unit: "persons",
        doc: "Population of the destination.",
    },
    BaselineKey {
        key: "destination_gdp_per_capita_usd",
        unit: "USD",
        doc: "GDP per capita of the destination, current US$.",
    },
];

/// The keys read from the origin's own series, and their indicators.
const ORIGIN_KEYS: [(&str, Indicator); 8] = [
    ("origin_population", Indicator::POPULATION),
    ("origin_gdp_usd", Indicator::GDP_USD),
    ("origin_gdp_per_capita_usd", Indicator::GDP_PER_CAPITA_USD),
    ("origin_remittances_received_usd", Indicator::REMITTANCES_RECEIVED_USD),
    ("origin_cost_to_pct", Indicator::REMITTANCE_COST_TO_PCT),
    ("origin_physicians_per_1000", Indicator::PHYSICIANS_PER_1000),
    ("origin_health_workers_home", Indicator::HEALTH_WORKERS_HOME),
    ("origin_health_workers_abroad", Indicator::HEALTH_WORKERS_ABROAD),
];

/// Titles and editions of the stored datasets, by import id.
struct Datasets(HashMap<i64, String>);

impl Datasets {
    async fn load(ws: &Workspace) -> Result<Datasets, Error> {
        let records = ws.store.datasets().await?;
        Ok(Datasets(
            records
                .into_iter()
                .map(|r| (r.id, format!("{}, {} ({})", r.publisher, r.title, r.edition)))
                .collect(),
        ))
    }

    fn cite(&self, import_id: i64, cell: &str, year: i32) -> String {
        match self.0.get(&import_id) {
            Some(d) => format!("{d}: {cell}; year {year}"),
            None => format!("{cell}; year {year}"),
        }
    }
}

/// The newest value in or before `year` (any year when `None`), placeholders left out;
/// among several datasets for that year, the one the indicator's rule prefers
/// ([`crate::select`]), never the order of imports. `key` gives a row's (year, import,
/// value).
fn pick<'a, T>(
    rows: &'a [T],
    year: Option<i32>,
    ranker: &Ranker,
    indicator: &str,
    key: impl Fn(&T) -> (i32, i64, f64),
) -> Option<&'a T> {
    let coverage = ranker.coverage(indicator, rows.iter().map(|r| (key(r).1, key(r).2)));
    pick_among(rows, year, (ranker, &coverage), indicator, key)
}

/// As [`pick`], for a bilateral table: the table is chosen as the profiles and the
/// corridor checks choose it, by the rule's order in each year, not by how long one
/// corridor's series happens to be in each table (so that a corridor's stock is the
/// same figure in a profile, a corridor check and a scenario's baseline).
fn pick_pair<'a>(
    rows: &'a [StoredPairValue],
    year: Option<i32>,
    ranker: &Ranker,
    indicator: &str,
) -> Option<&'a StoredPairValue> {
    let none = crate::select::Coverage::new();
    pick_among(rows, year, (ranker, &none), indicator, |r| (r.year, r.import_id, r.value))
}

fn pick_among<'a, T>(
    rows: &'a [T],
    year: Option<i32>,
    (ranker, coverage): (&Ranker, &crate::select::Coverage),
    indicator: &str,
    key: impl Fn(&T) -> (i32, i64, f64),
) -> Option<&'a T> {
    rows.iter()
        .filter(|r| {
            let (y, id, v) = key(r);
            year.is_none_or(|max| y <= max) && !ranker.placeholder(indicator, id, v)
        })
        .min_by_key(|r| {
            let (y, id, _) = key(r);
            let cover = coverage.get(&id).copied().unwrap_or(0);
            (std::cmp::Reverse(y), ranker.rank(indicator, id, cover), id)
        })
}

impl Workspace {
    /// The corridors of a sweep (`[sweep]`, docs/scenarios.md): the listed ones, or
    /// those of the store's bilateral migrant stocks whose origin and destination fit
    /// the pattern; then, with `min_stock`, only those whose stock in `year` (the value
    /// a baseline would hold as `corridor_stock`) is at least that. Codes as the store
    /// writes them, sorted by origin then destination, each once.
    ///
    /// # Errors
    /// [`Error::UnknownArea`] for an unknown country, [`Error::Store`] if the store
    /// cannot be read.
    pub async fn sweep_corridors(
        &self,
        sweep: &montecarlo::spec::SweepSpec,
        year: Option<i32>,
    ) -> Result<Vec<(String, String)>, Error> {
        let code = |a: crate::AreaRef| a.code();
        let mut rows: Vec<StoredPairValue> = Vec::new();
        let mut listed = Vec::new();
        if sweep.corridors.is_empty() {
            let o = match &sweep.origin {
                Some(q) => Some(code(self.resolve_area(q).await?)),
                None => None,
            };
            let d = match &sweep.destination {
                Some(q) => Some(code(self.resolve_area(q).await?)),
                None => None,
            };
            rows = self.store.pair_values(Indicator::MIGRANT_STOCK.code, o, d).await?;
        } else {
            for (o, d) in &sweep.corridors {
                let pair = (code(self.resolve_area(o).await?), code(self.resolve_area(d).await?));
                listed.push(pair);
                if sweep.min_stock.is_some() {
                    let got = self.store.pair_values(
                        Indicator::MIGRANT_STOCK.code,
                        Some(pair.0),
                        Some(pair.1),
                    );
                    rows.extend(got.await?);
                }
            }
        }
        rows.retain(|r| r.sex == Sex::Total && r.value.is_finite());
        let mut by_pair: std::collections::BTreeMap<(Iso3, Iso3), Vec<StoredPairValue>> =
            std::collections::BTreeMap::new();
        for r in rows {
            by_pair.entry((r.from, r.to)).or_default().push(r);
        }
        let ranker = Ranker::new(&self.store.datasets().await?);
        let stock_ok = |rows: Option<&Vec<StoredPairValue>>| match sweep.min_stock {
            None => true,
            Some(min) => rows
                .and_then(|rows| pick_pair(rows, year, &ranker, Indicator::MIGRANT_STOCK.code))
                .is_some_and(|v| v.value >= min),
        };
        let pairs: Vec<(Iso3, Iso3)> = if sweep.corridors.is_empty() {
            by_pair.iter().filter(|(_, rows)| stock_ok(Some(rows))).map(|(k, _)| *k).collect()
        } else {
            listed.into_iter().filter(|p| stock_ok(by_pair.get(p))).collect()
        };
        let mut out: Vec<(String, String)> =
            pairs.iter().map(|(o, d)| (o.as_str().to_owned(), d.as_str().to_owned())).collect();
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The baseline of a scenario: `origin` alone (a country baseline) or the corridor
    /// `origin` → `destination`, in `year` (the newest data when `None`).
    ///
    /// Countries are given as for [`Workspace::profile`] (ISO3, M49 or name). Keys with
    /// no stored value are left out; see [`BASELINE_KEYS`].
    ///
    /// # Errors
    /// [`Error::UnknownArea`] for an unknown country, [`Error::Store`] if the store
    /// cannot be read.
    pub async fn scenario_baseline(
        &self,
        origin: &str,
        destination: Option<&str>,
        year: Option<i32>,
    ) -> Result<Baseline, Error> {
        let o = self.resolve_area(origin).await?;
        let d = match destination {
            Some(q) => Some(self.resolve_area(q).await?),
            None => None,
        };
        let datasets = Datasets::load(self).await?;
        let mut values = Vec::new();
        let origin_code = o.code();
        let dest_code = d.as_ref().map(|d| d.code());

        if let Some(dest) = dest_code {
            let stock = self.pair(Indicator::MIGRANT_STOCK, origin_code, dest, year).await?;
            push_pair(&mut values, &datasets, "corridor_stock", stock.as_ref());
            if let Some(stock) = &stock {
                values.extend(self.corridor_share(stock, &datasets).await?);
            }
            let remit =
                self.pair(Indicator::BILATERAL_REMITTANCES_USD, dest, origin_code, year).await?;
            push_pair(&mut values, &datasets, "corridor_remittances_usd", remit.as_ref());
            let cost = self.pair(Indicator::REMITTANCE_COST_200, dest, origin_code, year).await?;
            push_pair(&mut values, &datasets, "corridor_cost_pct", cost.as_ref());
            values.extend(self.deployments(origin_code, dest, year, &datasets).await?);
        }

        let diaspora = self.area(Indicator::EMIGRANT_STOCK, origin_code, year).await?;
        match diaspora {
            Some(v) => push_area(&mut values, &datasets, "diaspora_stock", &v),
            None => {
                if let Some(v) = self.diaspora_from_pairs(origin_code, year, &datasets).await? {
                    values.push(v);
                }
            }
        }
        for (key, indicator) in ORIGIN_KEYS {
            if let Some(v) = self.area(indicator, origin_code, year).await? {
                push_area(&mut values, &datasets, key, &v);
                if indicator == Indicator::PHYSICIANS_PER_1000 {
                    values.extend(self.physicians(origin_code, &v, &datasets).await?);
                }
            }
        }
        if let Some(dest) = dest_code {
            let dest_keys = [
                ("destination_population", Indicator::POPULATION),
                ("destination_gdp_per_capita_usd", Indicator::GDP_PER_CAPITA_USD),
            ];
            for (key, indicator) in dest_keys {
                if let Some(v) = self.area(indicator, dest, year).await? {
                    push_area(&mut values, &datasets, key, &v);
                }
            }
        }
        // The vocabulary's order, whatever order the reads happened in.
        values.sort_by_key(|v: &BaselineValue| {
            BASELINE_KEYS.iter().position(|k| k.key == v.key).unwrap_or(usize::MAX)
        });

        let label = match &d {
            Some(d) => format!("{} → {}", o.name, d.name),
            None => o.name.clone(),
        };
        let label = match year {
            Some(y) => format!("{label}, {y}"),
            None => format!("{label}, newest data"),
        };
        Ok(Baseline {
            label,
            origin: Some(o.iso3.clone()),
            destination: d.map(|d| d.iso3),
            year,
            values,
        })
    }

    async fn area(
        &self,
        indicator: Indicator,
        area: Iso3,
        year: Option<i32>,
    ) -> Result<Option<StoredAreaValue>, Error> {
        let rows: Vec<StoredAreaValue> = self
            .store
            .area_values(indicator.code, area)
            .await?
            .into_iter()
            .filter(|r| r.sex == Sex::Total && r.value.is_finite())
            .collect();
        let ranker = Ranker::new(&self.store.datasets().await?);
        Ok(pick(&rows, year, &ranker, indicator.code, |r| (r.year, r.import_id, r.value)).cloned())
    }

    async fn pair(
        &self,
        indicator: Indicator,
        from: Iso3,
        to: Iso3,
        year: Option<i32>,
    ) -> Result<Option<StoredPairValue>, Error> {
        let rows: Vec<StoredPairValue> = self
            .store
            .pair_values(indicator.code, Some(from), Some(to))
            .await?
            .into_iter()
            .filter(|r| r.sex == Sex::Total && r.value.is_finite())
            .collect();
        let ranker = Ranker::new(&self.store.datasets().await?);
        Ok(pick_pair(&rows, year, &ranker, indicator.code).cloned())
    }

    /// The deployments of the corridor in or before `year`: a fiscal year published in
    /// monthly tables counts as their sum (as in profiles and corridor checks), never
    /// one month for the year, and is cited as the whole year.
    async fn deployments(
        &self,
        origin: Iso3,
        dest: Iso3,
        year: Option<i32>,
        datasets: &Datasets,
    ) -> Result<Option<BaselineValue>, Error> {
        let rows: Vec<StoredPairValue> = self
            .store
            .pair_values(Indicator::DEPLOYMENTS.code, Some(origin), Some(dest))
            .await?
            .into_iter()
            .filter(|r| r.sex == Sex::Total && r.value.is_finite())
            .collect();
        let records = self.store.datasets().await?;
        let ranker = Ranker::new(&records);
        let by_id: HashMap<i64, store::DatasetRecord> =
            records.into_iter().map(|d| (d.id, d)).collect();
        let parts = crate::labour::Parts::new(&by_id, rows);
        let code = Indicator::DEPLOYMENTS.code;
        let Some(v) = pick_pair(&parts.rows, year, &ranker, code) else {
            return Ok(None);
        };
        let source = match parts.summed.get(&v.import_id) {
            Some(sum) => format!("{}: {}; year {}", sum.dataset, sum.how, v.year),
            None => datasets.cite(v.import_id, &v.provenance.to_string(), v.year),
        };
        Ok(Some(BaselineValue {
            key: "corridor_deployments".to_owned(),
            value: v.value,
            unit: unit_of("corridor_deployments"),
            source,
        }))
    }

    /// The origin's emigrants summed over the bilateral stock table of the newest year
    /// (in or before `year`) of the newest import, when no emigrant total is stored.
    async fn diaspora_from_pairs(
        &self,
        origin: Iso3,
        year: Option<i32>,
        datasets: &Datasets,
    ) -> Result<Option<BaselineValue>, Error> {
        let rows: Vec<StoredPairValue> = self
            .store
            .pair_values(Indicator::MIGRANT_STOCK.code, Some(origin), None)
            .await?
            .into_iter()
            .filter(|r| r.sex == Sex::Total && r.value.is_finite() && r.to != r.from)
            .collect();
        let ranker = Ranker::new(&self.store.datasets().await?);
        let code = Indicator::MIGRANT_STOCK.code;
        let Some(newest) = pick_pair(&rows, year, &ranker, code) else {
            return Ok(None);
        };
        let (y, import) = (newest.year, newest.import_id);
        let members: Vec<&StoredPairValue> =
            rows.iter().filter(|r| r.year == y && r.import_id == import).collect();
        let total: f64 = members.iter().map(|r| r.value).sum();
        let what = format!("sum of {} bilateral stocks from {}", members.len(), origin.as_str());
        Ok(Some(BaselineValue {
            key: "diaspora_stock".to_owned(),
            value: total,
            unit: "persons".to_owned(),
            source: datasets.cite(import, &what, y),
        }))
    }
}

impl Workspace {
    /// The physicians of `origin` in the year of `density` (its physicians per 1,000):
    /// the density times the population of that same year, over 1,000; `None` when the
    /// store has no population of that year (a population of another year would mix
    /// two years in one figure).
    async fn physicians(
        &self,
        origin: Iso3,
        density: &StoredAreaValue,
        datasets: &Datasets,
    ) -> Result<Option<BaselineValue>, Error> {
        let y = density.year;
        let Some(pop) =
            self.area(Indicator::POPULATION, origin, Some(y)).await?.filter(|p| p.year == y)
        else {
            return Ok(None);
        };
        let cite = |v: &StoredAreaValue| datasets.cite(v.import_id, &v.provenance.to_string(), y);
        Ok(Some(BaselineValue {
            key: "origin_physicians".to_owned(),
            value: (density.value * pop.value / 1000.0).round(),
            unit: unit_of("origin_physicians"),
            source: format!(
                "origin_physicians_per_1000 {} × origin_population {} / 1,000 ({}; {})",
                density.value,
                pop.value,
                cite(density),
                cite(&pop)
            ),
        }))
    }

    /// The share of the origin's emigrants who live in the destination: the corridor's
    /// bilateral `stock` over the sum of the origin's bilateral stocks in the same table
    /// and year (never a total of another table or year).
    async fn corridor_share(
        &self,
        stock: &StoredPairValue,
        datasets: &Datasets,
    ) -> Result<Option<BaselineValue>, Error> {
        let rows =
            self.store.pair_values(Indicator::MIGRANT_STOCK.code, Some(stock.from), None).await?;
        let (n, total) = rows
            .iter()
            .filter(|r| r.sex == Sex::Total && r.value.is_finite() && r.to != r.from)
            .filter(|r| r.import_id == stock.import_id && r.year == stock.year)
            .fold((0usize, 0.0), |(n, t), r| (n + 1, t + r.value));
        if total <= 0.0 || stock.value > total {
            return Ok(None);
        }
        let what = format!(
            "corridor_stock {} over the sum of the origin's {n} bilateral stocks {} in the same table",
            stock.value, total
        );
        Ok(Some(BaselineValue {
            key: "corridor_share_of_emigrants".to_owned(),
            value: stock.value / total,
            unit: unit_of("corridor_share_of_emigrants"),
            source: datasets.cite(stock.import_id, &what, stock.year),
        }))
    }

    /// The years in which the store holds a value of the origin key `key` (one of the
    /// `origin_…` keys read from the origin's own series, e.g.
    /// `"origin_physicians_per_1000"`) for `origin` (countries as for
    /// [`Workspace::profile`]), oldest first; empty for any other key. A scenario file
    /// starts from one of these years or compares with it.
    ///
    /// # Errors
    /// [`Error::UnknownArea`], [`Error::Store`].
    pub async fn origin_years(&self, origin: &str, key: &str) -> Result<Vec<i32>, Error> {
        let Some((_, indicator)) = ORIGIN_KEYS.iter().find(|k| k.0 == key) else {
            return Ok(Vec::new());
        };
        let o = self.resolve_area(origin).await?.code();
        let code = indicator.code;
        let ranker = Ranker::new(&self.store.datasets().await?);
        let mut years: Vec<i32> = self
            .store
            .area_values(code, o)
            .await?
            .into_iter()
            .filter(|r| r.sex == Sex::Total && r.value.is_finite())
            .filter(|r| !ranker.placeholder(code, r.import_id, r.value))
            .map(|r| r.year)
            .collect();
        years.sort_unstable();
        years.dedup();
        Ok(years)
    }
}

fn unit_of(key: &str) -> String {
    BASELINE_KEYS.iter().find(|k| k.key == key).map_or("", |k| k.unit).to_owned()
}

fn push_area(out: &mut Vec<BaselineValue>, d: &Datasets, key: &str, v: &StoredAreaValue) {
    out.push(BaselineValue {
        key: key.to_owned(),
        value: v.value,
        unit: unit_of(key),
        source: d.cite(v.import_id, &v.provenance.to_string(), v.year),
    });
}

fn push_pair(out: &mut Vec<BaselineValue>, d: &Datasets, key: &str, v: Option<&StoredPairValue>) {
    if let Some(v) = v {
        out.push(BaselineValue {
            key: key.to_owned(),
            value: v.value,
            unit: unit_of(key),
            source: d.cite(v.import_id, &v.provenance.to_string(), v.year),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_takes_the_newest_in_or_before_the_year_then_the_rule_s_source() {
        let record = crate::select::test_record;
        // Import 1 is WDI, import 2 KNOMAD: for remittances KNOMAD comes first whichever
        // was imported first, and KNOMAD's 0 (no estimate) is never taken.
        let ranker = Ranker::new(&[
            record(1, "wdi-bx.trf.pwkr.cd.dt", "last updated 2023-05-10"),
            record(2, "knomad-remittance-inflows", "2022 (June 2023)"),
        ]);
        let code = "remittances_received_usd";
        let rows = [(2015, 1, 5.0), (2020, 1, 7.0), (2020, 2, 6.0), (2024, 2, 0.0), (2022, 1, 8.0)];
        let pick = |year| pick(&rows, year, &ranker, code, |r| *r);
        assert_eq!(pick(Some(2020)), Some(&(2020, 2, 6.0)));
        assert_eq!(pick(Some(2019)), Some(&(2015, 1, 5.0)));
        assert_eq!(pick(None), Some(&(2022, 1, 8.0)), "the 2024 placeholder is skipped");
        assert_eq!(pick(Some(2000)), None);
    }

    #[test]
    fn every_key_has_a_unit_and_a_doc() {
        for k in BASELINE_KEYS {
            assert!(!k.unit.is_empty() && !k.doc.is_empty(), "{}", k.key);
        }
        let mut keys: Vec<_> = BASELINE_KEYS.iter().map(|k| k.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), BASELINE_KEYS.len(), "keys are unique");
    }
}
