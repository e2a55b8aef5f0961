//! Building a country's profile from the store.
//!
//! Choices made here, each visible in the values' sources:
//! * Stocks in and out are the published totals (e.g. UN DESA's totals by destination
//!   and by origin) when a dataset has them for the country; otherwise sums over the
//!   country's corridors of the bilateral migrant stock. When several datasets hold
//!   bilateral stocks for the same year, the one with the most corridors for the
//!   country that year is used, so that two sources are never added together.
//! * A country-level series (population, GDP, remittances) takes, for each year, the
//!   value of the first dataset that has it (the lowest import id).
//! * SDG 17.3.2 is remittances received ÷ GDP × 100, for years that have both.

use std::collections::{BTreeMap, HashMap};

use domain::{Indicator, Iso3, Sex, Unit};
use store::{DatasetRecord, Store, StoredAreaValue, StoredPairValue};

use crate::profile::{
    CorridorCost, CorridorStock, CountryProfile, PolicySummary, ProfileArea, Source, StockYear,
    Value, YearValue,
};
use crate::{AreaRef, Error, FICTIONAL_NOTICE};

/// How many corridors the profile lists in each direction.
const TOP_CORRIDORS: usize = 10;

struct Ctx<'a> {
    datasets: HashMap<i64, DatasetRecord>,
    names: &'a HashMap<Iso3, String>,
    used_fictional: bool,
}

impl Ctx<'_> {
    fn source(
        &mut self,
        import_id: i64,
        cell: Option<String>,
        derivation: Option<String>,
    ) -> Source {
        let (dataset, publisher) = match self.datasets.get(&import_id) {
            Some(d) => {
                self.used_fictional |= d.fictional;
                (format!("{} (edition {})", d.title, d.edition), d.publisher.clone())
            }
            None => (format!("import {import_id}"), String::new()),
        };
        Source { dataset_id: import_id, dataset, publisher, cell, derivation }
    }

    fn cell_value(&mut self, import_id: i64, value: f64, unit: Unit, cell: String) -> Value {
        Value { value, unit, source: self.source(import_id, Some(cell), None) }
    }

    fn derived(&mut self, import_id: i64, value: f64, unit: Unit, how: String) -> Value {
        Value { value, unit, source: self.source(import_id, None, Some(how)) }
    }

    fn name(&self, code: Iso3) -> String {
        self.names.get(&code).cloned().unwrap_or_else(|| code.as_str().to_owned())
    }
}

pub(crate) async fn build(store: &Store, area: &AreaRef) -> Result<CountryProfile, Error> {
    let code = area.code();
    let datasets: HashMap<i64, DatasetRecord> =
        store.datasets().await?.into_iter().map(|d| (d.id, d)).collect();
    let mut names: HashMap<Iso3, String> =
        domain::area::real_areas().iter().map(|r| (r.iso3, r.name.to_owned())).collect();
    for (_, a) in store.defined_areas().await? {
        names.insert(a.iso3, a.name);
    }
    let mut ctx = Ctx { datasets, names: &names, used_fictional: false };
    let mut gaps = Vec::new();

    let population = series(&mut ctx, store.area_values(Indicator::POPULATION.code, code).await?);
    let gdp = series(&mut ctx, store.area_values(Indicator::GDP_USD.code, code).await?);
    let received =
        series(&mut ctx, store.area_values(Indicator::REMITTANCES_RECEIVED_USD.code, code).await?);
    let paid =
        series(&mut ctx, store.area_values(Indicator::REMITTANCES_PAID_USD.code, code).await?);

    let stocks_in = store.pair_values(Indicator::MIGRANT_STOCK.code, None, Some(code)).await?;
    let stocks_out = store.pair_values(Indicator::MIGRANT_STOCK.code, Some(code), None).await?;
    let published_in = store.area_values(Indicator::IMMIGRANT_STOCK.code, code).await?;
    let published_out = store.area_values(Indicator::EMIGRANT_STOCK.code, code).await?;
    let stock_in = if published_in.is_empty() {
        stock_years(&mut ctx, &stocks_in, Side::Origins, &population)
    } else {
        published_stock_years(&mut ctx, published_in, &population)
    };
    let stock_out = if published_out.is_empty() {
        stock_years(&mut ctx, &stocks_out, Side::Destinations, &population)
    } else {
        published_stock_years(&mut ctx, published_out, &population)
    };
    let top_origins = top_corridors(&mut ctx, &stocks_in, Side::Origins);
    let top_destinations = top_corridors(&mut ctx, &stocks_out, Side::Destinations);
    if stock_in.is_empty() {
        gaps.push("Immigrant stock: no bilateral migrant stock towards this country is loaded; import the UN DESA International Migrant Stock (coherence import).".to_owned());
    }
    if stock_out.is_empty() {
        gaps.push("Emigrant stock: no bilateral migrant stock from this country is loaded; import the UN DESA International Migrant Stock (coherence import).".to_owned());
    }
    if population.is_empty() {
        gaps.push("Population: not loaded, so stocks cannot be given as shares of population; import WDI SP.POP.TOTL or UN WPP.".to_owned());
    }

    let mut pct_gdp = Vec::new();
    for r in &received {
        if let Some(g) = gdp.iter().find(|g| g.year == r.year).filter(|g| g.value.value > 0.0) {
            let how = format!(
                "remittances received ({}) ÷ GDP ({}) × 100",
                r.value.source.dataset, g.value.source.dataset
            );
            let v = ctx.derived(
                r.value.source.dataset_id,
                100.0 * r.value.value / g.value.value,
                Unit::Percent,
                how,
            );
            pct_gdp.push(YearValue { year: r.year, value: v });
        }
    }
    if received.is_empty() {
        gaps.push("Remittances received: not loaded; import WDI BX.TRF.PWKR.CD.DT or the KNOMAD inflows workbook.".to_owned());
    } else if pct_gdp.is_empty() {
        gaps.push("SDG 17.3.2 (remittances as % of GDP): GDP is missing for the years with remittances; import WDI NY.GDP.MKTP.CD.".to_owned());
    }
    if paid.is_empty() {
        gaps.push("Remittances paid: not loaded; import WDI BM.TRF.PWKR.CD.DT or the KNOMAD outflows workbook.".to_owned());
    }

    let costs_to = costs(
        &mut ctx,
        store.pair_values(Indicator::REMITTANCE_COST_200.code, None, Some(code)).await?,
    );
    let costs_from = costs(
        &mut ctx,
        store.pair_values(Indicator::REMITTANCE_COST_200.code, Some(code), None).await?,
    );
    if costs_to.is_empty() {
        gaps.push("SDG 10.c.1 (remittance costs): no corridor costs towards this country are loaded; import Remittance Prices Worldwide.".to_owned());
    }

    let skilled_emigration_rate = rate(
        &mut ctx,
        store.area_values(Indicator::EMIGRANTS_TERTIARY.code, code).await?,
        store.area_values(Indicator::RESIDENTS_TERTIARY.code, code).await?,
        "tertiary-educated emigrants ÷ (emigrants + residents with tertiary education) × 100 (Docquier–Marfouk)",
    );
    if skilled_emigration_rate.is_none() {
        gaps.push("Skilled emigration rate: needs tertiary-educated emigrants and residents; import OECD DIOC-E.".to_owned());
    }
    let health_worker_emigration_rate = rate(
        &mut ctx,
        store.area_values(Indicator::HEALTH_WORKERS_ABROAD.code, code).await?,
        store.area_values(Indicator::HEALTH_WORKERS_HOME.code, code).await?,
        "health workers abroad ÷ (abroad + at home) × 100",
    );
    if health_worker_emigration_rate.is_none() {
        gaps.push("Health-worker emigration rate: needs doctors and nurses abroad and at home; import OECD or WHO health workforce data.".to_owned());
    }
    let physicians_per_1000 =
        series(&mut ctx, store.area_values(Indicator::PHYSICIANS_PER_1000.code, code).await?).pop();
    if physicians_per_1000.is_none() {
        gaps.push("Physicians per 1,000 people: not loaded; import WDI SH.MED.PHYS.ZS.".to_owned());
    }

    let policies: Vec<PolicySummary> = store
        .policies(code)
        .await?
        .into_iter()
        .map(|p| {
            ctx.source(p.import_id, None, None);
            let p = p.policy;
            PolicySummary {
                id: p.id,
                ministry: p.ministry,
                title: p.title,
                stages: p.stages.iter().map(|s| s.as_str().to_owned()).collect(),
                area: p.area,
                partners: p.partners.iter().map(|c| c.as_str().to_owned()).collect(),
                status: p.status.as_str().to_owned(),
            }
        })
        .collect();
    if policies.is_empty() {
        gaps.push(
            "Policy register: no policies of this country are loaded; import a register (TOML)."
                .to_owned(),
        );
    }

    let fictional = area.fictional || ctx.used_fictional;
    Ok(CountryProfile {
        area: ProfileArea {
            iso3: area.iso3.clone(),
            m49: area.m49,
            name: area.name.clone(),
            fictional: area.fictional,
        },
        fictional_notice: fictional.then(|| FICTIONAL_NOTICE.to_owned()),
        stock_in,
        stock_out,
        top_destinations,
        top_origins,
        population,
        gdp,
        remittances_received: received,
        remittances_paid: paid,
        remittances_pct_gdp: pct_gdp,
        costs_to,
        costs_from,
        skilled_emigration_rate,
        health_worker_emigration_rate,
        physicians_per_1000,
        policies,
        gaps,
    })
}

/// A country-level series, one value per year (both sexes), from the first dataset
/// that has the year.
fn series(ctx: &mut Ctx<'_>, rows: Vec<StoredAreaValue>) -> Vec<YearValue> {
    let mut by_year: BTreeMap<i32, StoredAreaValue> = BTreeMap::new();
    for row in rows.into_iter().filter(|r| r.sex == Sex::Total) {
        match by_year.get(&row.year) {
            Some(old) if old.import_id <= row.import_id => {}
            _ => {
                by_year.insert(row.year, row);
            }
        }
    }
    by_year
        .into_values()
        .map(|r| YearValue {
            year: r.year,
            value: ctx.cell_value(r.import_id, r.value, r.unit, r.provenance.to_string()),
        })
        .collect()
}

#[derive(Clone, Copy)]
enum Side {
    /// The country is the destination; partners are origins.
    Origins,
    /// The country is the origin; partners are destinations.
    Destinations,
}

impl Side {
    fn partner(self, v: &StoredPairValue) -> Iso3 {
        match self {
            Side::Origins => v.from,
            Side::Destinations => v.to,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Side::Origins => "origins",
            Side::Destinations => "destinations",
        }
    }
}

/// Stocks by year and sex read from a published totals series (first dataset per year).
fn published_stock_years(
    ctx: &mut Ctx<'_>,
    rows: Vec<StoredAreaValue>,
    population: &[YearValue],
) -> Vec<StockYear> {
    let mut by_year: BTreeMap<i32, [Option<StoredAreaValue>; 3]> = BTreeMap::new();
    for row in rows {
        let k = match row.sex {
            Sex::Total => 0,
            Sex::Male => 1,
            Sex::Female => 2,
        };
        let slot = &mut by_year.entry(row.year).or_default()[k];
        if slot.as_ref().is_none_or(|old| old.import_id > row.import_id) {
            *slot = Some(row);
        }
    }
    let mut out = Vec::new();
    for (year, [total, male, female]) in by_year {
        let Some(total) = total else { continue };
        let mut cell = |v: StoredAreaValue| {
            ctx.cell_value(v.import_id, v.value, v.unit, v.provenance.to_string())
        };
        let import_id = total.import_id;
        let total = cell(total);
        let male = male.map(&mut cell);
        let female = female.map(&mut cell);
        let share =
            population.iter().find(|p| p.year == year).filter(|p| p.value.value > 0.0).map(|p| {
                let how = format!("stock ÷ population ({}) × 100", p.value.source.dataset);
                ctx.derived(import_id, 100.0 * total.value / p.value.value, Unit::Percent, how)
            });
        out.push(StockYear { year, total, male, female, share_of_population: share });
    }
    out
}

/// For each year, the import with the most corridors (ties: the lowest id).
fn chosen_imports(rows: &[StoredPairValue]) -> BTreeMap<i32, i64> {
    let mut counts: BTreeMap<(i32, i64), usize> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.sex == Sex::Total) {
        *counts.entry((r.year, r.import_id)).or_default() += 1;
    }
    let mut best: BTreeMap<i32, (usize, i64)> = BTreeMap::new();
    for ((year, import), n) in counts {
        let e = best.entry(year).or_insert((n, import));
        if n > e.0 {
            *e = (n, import);
        }
    }
    best.into_iter().map(|(y, (_, i))| (y, i)).collect()
}

fn stock_years(
    ctx: &mut Ctx<'_>,
    rows: &[StoredPairValue],
    side: Side,
    population: &[YearValue],
) -> Vec<StockYear> {
    let chosen = chosen_imports(rows);
    let mut out = Vec::new();
    for (&year, &import_id) in &chosen {
        let mut sums = [0.0f64; 3];
        let mut counts = [0usize; 3];
        for r in
            rows.iter().filter(|r| r.year == year && r.import_id == import_id && r.from != r.to)
        {
            let k = match r.sex {
                Sex::Total => 0,
                Sex::Male => 1,
                Sex::Female => 2,
            };
            sums[k] += r.value;
            counts[k] += 1;
        }
        let mut value = |k: usize, what: &str| {
            (counts[k] > 0).then(|| {
                let how = format!(
                    "sum over {} {} of the bilateral migrant stock ({what})",
                    counts[k],
                    side.noun()
                );
                ctx.derived(import_id, sums[k], Unit::Persons, how)
            })
        };
        let Some(total) = value(0, "both sexes") else { continue };
        let male = value(1, "males");
        let female = value(2, "females");
        let share =
            population.iter().find(|p| p.year == year).filter(|p| p.value.value > 0.0).map(|p| {
                let how = format!("stock ÷ population ({}) × 100", p.value.source.dataset);
                ctx.derived(import_id, 100.0 * total.value / p.value.value, Unit::Percent, how)
            });
        out.push(StockYear { year, total, male, female, share_of_population: share });
    }
    out
}

fn top_corridors(ctx: &mut Ctx<'_>, rows: &[StoredPairValue], side: Side) -> Vec<CorridorStock> {
    let chosen = chosen_imports(rows);
    let Some((&year, &import_id)) = chosen.iter().next_back() else { return Vec::new() };
    let mut latest: Vec<&StoredPairValue> = rows
        .iter()
        .filter(|r| {
            r.year == year && r.import_id == import_id && r.sex == Sex::Total && r.from != r.to
        })
        .collect();
    let total: f64 = latest.iter().map(|r| r.value).sum();
    // Largest first; ties by code so the order is deterministic.
    latest.sort_by(|a, b| b.value.total_cmp(&a.value).then(side.partner(a).cmp(&side.partner(b))));
    latest
        .into_iter()
        .take(TOP_CORRIDORS)
        .map(|r| {
            let partner = side.partner(r);
            let stock = ctx.cell_value(import_id, r.value, Unit::Persons, r.provenance.to_string());
            let share_value = if total > 0.0 { 100.0 * r.value / total } else { 0.0 };
            let how = format!("corridor stock ÷ sum over all {} × 100", side.noun());
            CorridorStock {
                partner: partner.as_str().to_owned(),
                partner_name: ctx.name(partner),
                year,
                stock,
                share: ctx.derived(import_id, share_value, Unit::Percent, how),
            }
        })
        .collect()
}

/// The latest cost of each corridor.
fn costs(ctx: &mut Ctx<'_>, rows: Vec<StoredPairValue>) -> Vec<CorridorCost> {
    let mut latest: BTreeMap<(Iso3, Iso3), StoredPairValue> = BTreeMap::new();
    for r in rows.into_iter().filter(|r| r.sex == Sex::Total) {
        match latest.get(&(r.from, r.to)) {
            Some(old) if (old.year, -old.import_id) >= (r.year, -r.import_id) => {}
            _ => {
                latest.insert((r.from, r.to), r);
            }
        }
    }
    latest
        .into_values()
        .map(|r| CorridorCost {
            sender: r.from.as_str().to_owned(),
            sender_name: ctx.name(r.from),
            receiver: r.to.as_str().to_owned(),
            receiver_name: ctx.name(r.to),
            year: r.year,
            cost_pct: ctx.cell_value(r.import_id, r.value, r.unit, r.provenance.to_string()),
        })
        .collect()
}

/// `abroad ÷ (abroad + home) × 100` for the latest year with both.
fn rate(
    ctx: &mut Ctx<'_>,
    abroad: Vec<StoredAreaValue>,
    home: Vec<StoredAreaValue>,
    how: &str,
) -> Option<YearValue> {
    let home: HashMap<i32, StoredAreaValue> =
        home.into_iter().filter(|r| r.sex == Sex::Total).map(|r| (r.year, r)).collect();
    let (a, h) = abroad
        .into_iter()
        .filter(|r| r.sex == Sex::Total)
        .filter_map(|a| home.get(&a.year).map(|h| (a, h)))
        .filter(|(a, h)| a.value + h.value > 0.0)
        .max_by_key(|(a, _)| a.year)?;
    let cells = format!("{how}; emigrants: {}; residents: {}", a.provenance, h.provenance);
    Some(YearValue {
        year: a.year,
        value: ctx.derived(
            a.import_id,
            100.0 * a.value / (a.value + h.value),
            Unit::Percent,
            cells,
        ),
    })
}
