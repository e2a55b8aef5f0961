//! Groups of countries: UN M49 regions, SDG regions, World Bank income groups and the
//! world — how users name them, who their members are, and their aggregates.
//!
//! # Syntax (as `coherence profile` takes it)
//!
//! * `region:<code or name>`: a UN M49 region, sub-region or intermediate region,
//!   e.g. `region:202`, `region:Africa`, `region:"Western Asia"`; `region:SDG-SSA`
//!   names an SDG region.
//! * `sdg:<abbreviation, code or name>`: an SDG region — `SSA`, `NAWA`, `CSA`, `ESEA`,
//!   `LAC`, `OCE`, `ANZ`, `ENA`.
//! * `income:<LIC|LMC|UMC|HIC>` (or `low`, `lower-middle`, `upper-middle`, `high`): a
//!   World Bank income group, from the imported classification (`income_group`
//!   values) or, for the demo world, its countries file.
//! * `world`: every country and area.
//! * A bare name that is no country's, e.g. `"Sub-Saharan Africa"`, is tried as a
//!   region name.
//!
//! Aggregates are sums over members with a value that year; SDG 17.3.2 is
//! GDP-weighted (Σ remittances ÷ Σ GDP over members with both). Members without a
//! value are listed in the derivation, never silently counted as zero.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use domain::area::regions::{self, Region, RegionKind};
use domain::{Indicator, Iso3, Sex, Unit};
use ingest::formats::{CountryAttributes, IncomeGroup};
use store::{AreaNumber, End, Store};

use crate::profile::{
    CountryProfile, Group, GroupMembers, GroupShare, ProfileArea, Source, Status, StockYear,
    YearValue,
};
use crate::profiles::{Ctx, Shared};
use crate::said::Said;
use crate::select::Ranker;
use crate::{Error, FICTIONAL_NOTICE};

/// A group of countries, parsed from what the user typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GroupSpec {
    /// A UN M49 region or an SDG region.
    Region(&'static Region),
    /// A World Bank income group.
    Income(IncomeGroup),
    /// Every country and area.
    World,
}

const INCOME_CODES: [(IncomeGroup, &str, &str); 4] = [
    (IncomeGroup::Low, "LIC", "Low income"),
    (IncomeGroup::LowerMiddle, "LMC", "Lower middle income"),
    (IncomeGroup::UpperMiddle, "UMC", "Upper middle income"),
    (IncomeGroup::High, "HIC", "High income"),
];

fn income_code(group: IncomeGroup) -> (&'static str, &'static str) {
    INCOME_CODES.iter().find(|(g, _, _)| *g == group).map_or(("", ""), |(_, c, n)| (c, n))
}

/// The stored code of an income group (1 low … 4 high).
fn income_value(group: IncomeGroup) -> i64 {
    match group {
        IncomeGroup::Low => 1,
        IncomeGroup::LowerMiddle => 2,
        IncomeGroup::UpperMiddle => 3,
        IncomeGroup::High => 4,
    }
}

/// The income group a stored value codes (codes are whole numbers).
pub(crate) fn income_code_of(value: f64) -> Option<IncomeGroup> {
    let code = value.round() as i64;
    INCOME_CODES.iter().map(|(g, _, _)| *g).find(|g| income_value(*g) == code)
}

impl GroupSpec {
    /// Parses the prefixed syntax (`region:`, `sdg:`, `income:`, `world`). `None`
    /// when the query has no prefix; `Some(Err(suggestions))` when the prefix is
    /// known but the rest names nothing.
    pub(crate) fn parse(query: &str) -> Option<Result<GroupSpec, Vec<String>>> {
        let q = query.trim();
        if q.eq_ignore_ascii_case("world") || q == "001" || q.eq_ignore_ascii_case("region:world") {
            return Some(Ok(GroupSpec::World));
        }
        let (prefix, rest) = q.split_once(':')?;
        let rest = rest.trim();
        let found = match prefix.trim().to_ascii_lowercase().as_str() {
            "region" => regions::find_region(rest).map(GroupSpec::Region),
            "sdg" => regions::find_region(&format!("SDG-{rest}"))
                .or_else(|| regions::find_region(rest))
                .filter(|r| r.kind == RegionKind::SdgRegion)
                .or_else(|| rest.parse::<u16>().ok().and_then(regions::sdg_region))
                .map(GroupSpec::Region),
            "income" => {
                let r = rest.to_ascii_lowercase().replace([' ', '_'], "-");
                INCOME_CODES
                    .iter()
                    .find(|(g, c, _)| c.eq_ignore_ascii_case(&r) || g.as_str() == r)
                    .map(|(g, _, _)| GroupSpec::Income(*g))
            }
            _ => return None,
        };
        Some(found.ok_or_else(|| group_suggestions(prefix)))
    }

    /// Tries a bare name as a region name.
    pub(crate) fn by_name(query: &str) -> Option<GroupSpec> {
        regions::find_region(query).map(GroupSpec::Region)
    }

    /// The group's code in `coherence profile` syntax.
    pub(crate) fn code(self) -> String {
        match self {
            GroupSpec::Region(r) if r.kind == RegionKind::SdgRegion => format!("sdg:{}", r.abbr),
            GroupSpec::Region(r) => format!("region:{:03}", r.code),
            GroupSpec::Income(g) => format!("income:{}", income_code(g).0),
            GroupSpec::World => "world".to_owned(),
        }
    }

    fn group(self) -> Group {
        let (kind, name) = match self {
            GroupSpec::Region(r) => (r.kind.label().to_owned(), r.name.to_owned()),
            GroupSpec::Income(g) => {
                ("World Bank income group".to_owned(), income_code(g).1.to_owned())
            }
            GroupSpec::World => ("World".to_owned(), "World".to_owned()),
        };
        Group { code: self.code(), kind, name }
    }
}

/// Region names close to a mistyped query (edit distance), as `region:` suggestions.
pub(crate) fn region_suggestions(query: &str) -> Vec<String> {
    let folded = crate::area::fold(query);
    if folded.len() < 4 {
        return Vec::new();
    }
    let limit = (folded.len() / 4).max(2);
    let mut scored: Vec<(usize, String)> = regions::regions()
        .iter()
        .map(|r| {
            let d = crate::area::levenshtein(&folded, &crate::area::fold(r.name));
            (d, format!("{} ({})", r.name, GroupSpec::Region(r).code()))
        })
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, s)| s).collect()
}

/// Every group a profile can be made of: (query, name) — the world, the UN M49 regions,
/// sub-regions and intermediate regions, the SDG regions and the income groups.
pub(crate) fn group_choices() -> Vec<(String, String)> {
    let mut out = vec![("world".to_owned(), "World".to_owned())];
    out.extend(regions::regions().iter().map(|r| (GroupSpec::Region(r).code(), r.name.to_owned())));
    out.extend(INCOME_CODES.iter().map(|(_, c, n)| (format!("income:{c}"), (*n).to_owned())));
    out
}

fn group_suggestions(prefix: &str) -> Vec<String> {
    match prefix.trim().to_ascii_lowercase().as_str() {
        "income" => INCOME_CODES.iter().map(|(_, c, n)| format!("income:{c} ({n})")).collect(),
        "sdg" => regions::regions()
            .iter()
            .filter(|r| r.kind == RegionKind::SdgRegion)
            .map(|r| format!("sdg:{} ({})", r.abbr, r.name))
            .collect(),
        _ => regions::regions()
            .iter()
            .filter(|r| r.kind == RegionKind::Region)
            .map(|r| format!("region:{:03} ({})", r.code, r.name))
            .collect(),
    }
}

/// One number per area and year (both sexes), chosen by the indicator's rule
/// ([`crate::select`]), placeholders left out: the same figures as the members' own
/// profiles show.
type ByArea = HashMap<Iso3, BTreeMap<i32, AreaNumber>>;

fn by_area(ranker: &Ranker, indicator: Indicator, rows: Vec<AreaNumber>) -> ByArea {
    let code = indicator.code;
    let rows: Vec<AreaNumber> =
        rows.into_iter().filter(|r| !ranker.placeholder(code, r.import_id, r.value)).collect();
    // How many years each import holds for each area: the rules' second criterion.
    let mut coverage: HashMap<(Iso3, i64), usize> = HashMap::new();
    for r in &rows {
        *coverage.entry((r.area, r.import_id)).or_default() += 1;
    }
    let mut out: ByArea = HashMap::new();
    for r in rows {
        let years = out.entry(r.area).or_default();
        let rank = |n: &AreaNumber| {
            let cover = coverage.get(&(n.area, n.import_id)).copied().unwrap_or(0);
            (ranker.rank(code, n.import_id, cover), n.import_id)
        };
        match years.get(&r.year) {
            Some(old) if rank(old) <= rank(&r) => {}
            _ => {
                years.insert(r.year, r);
            }
        }
    }
    drop_composites_with_parts(&mut out);
    out
}

/// Areas that publishers give either as one or as their parts: the Channel Islands
/// (`CHI`, as the World Bank and UN DESA's migrant stock give them) and Guernsey and
/// Jersey (as World Population Prospects also gives them).
const COMPOSITES: &[(&str, &[&str])] = &[("CHI", &["GGY", "JEY"])];

/// Removes a composite area's value for a year where one of its parts has a value, so
/// that a group's sum counts the area once (WPP 2024 gives net migration for the Channel
/// Islands and for Guernsey and Jersey).
fn drop_composites_with_parts(out: &mut ByArea) {
    for (whole, parts) in COMPOSITES {
        let whole = Iso3::from_static(whole);
        let years_of_parts: Vec<i32> = parts
            .iter()
            .filter_map(|p| out.get(&Iso3::from_static(p)))
            .flat_map(|years| years.keys().copied())
            .collect();
        if let Some(years) = out.get_mut(&whole) {
            years.retain(|y, _| !years_of_parts.contains(y));
        }
    }
}

/// Remittances received and GDP of every area, for the GDP-weighted SDG 17.3.2 of
/// groups: every year (group profiles) or one year (a country's groups).
pub(crate) struct Weights {
    received: ByArea,
    gdp: ByArea,
}

/// Values of every area needed for group aggregates of SDG 17.3.2 and for income
/// groups, shared by a batch of profiles. Remittances and GDP are read when first
/// needed: every year for a group's profile, else only the years asked for (a country
/// profile needs its groups' aggregates in one year).
pub(crate) struct Bulk {
    ranker: Ranker,
    income: HashMap<Iso3, AreaNumber>,
    all_years: Mutex<Option<Arc<Weights>>>,
    by_year: Mutex<HashMap<i32, Arc<Weights>>>,
}

impl Bulk {
    pub(crate) async fn load(store: &Store, ranker: &Ranker) -> Result<Bulk, Error> {
        // Only numbers are needed here: the aggregates' sources name the datasets and
        // how they were derived, never single cells.
        let incomes = store.indicator_numbers(Indicator::INCOME_GROUP.code, Sex::Total).await?;
        let income = by_area(ranker, Indicator::INCOME_GROUP, incomes)
            .into_iter()
            .filter_map(|(area, years)| years.into_values().next_back().map(|v| (area, v)))
            .collect();
        Ok(Bulk {
            ranker: ranker.clone(),
            income,
            all_years: Mutex::new(None),
            by_year: Mutex::new(HashMap::new()),
        })
    }

    /// Remittances received and GDP of every area and year.
    pub(crate) async fn all_years(&self, store: &Store) -> Result<Arc<Weights>, Error> {
        if let Some(w) = lock(&self.all_years).as_ref() {
            return Ok(Arc::clone(w));
        }
        let w = Arc::new(Weights {
            received: by_area(
                &self.ranker,
                Indicator::REMITTANCES_RECEIVED_USD,
                store
                    .indicator_numbers(Indicator::REMITTANCES_RECEIVED_USD.code, Sex::Total)
                    .await?,
            ),
            gdp: by_area(
                &self.ranker,
                Indicator::GDP_USD,
                store.indicator_numbers(Indicator::GDP_USD.code, Sex::Total).await?,
            ),
        });
        *lock(&self.all_years) = Some(Arc::clone(&w));
        Ok(w)
    }

    /// Remittances received and GDP of every area in `year` (the same numbers as
    /// [`Bulk::all_years`] has for that year).
    pub(crate) async fn year(&self, store: &Store, year: i32) -> Result<Arc<Weights>, Error> {
        if let Some(w) = lock(&self.all_years).as_ref() {
            return Ok(Arc::clone(w));
        }
        if let Some(w) = lock(&self.by_year).get(&year) {
            return Ok(Arc::clone(w));
        }
        let read = |ind: Indicator| store.indicator_numbers_in(ind.code, Sex::Total, year);
        let w = Arc::new(Weights {
            received: by_area(
                &self.ranker,
                Indicator::REMITTANCES_RECEIVED_USD,
                read(Indicator::REMITTANCES_RECEIVED_USD).await?,
            ),
            gdp: by_area(&self.ranker, Indicator::GDP_USD, read(Indicator::GDP_USD).await?),
        });
        lock(&self.by_year).insert(year, Arc::clone(&w));
        Ok(w)
    }
}

/// The guarded value; a panic elsewhere while holding the lock cannot leave a cache
/// half-written (each write is one assignment), so a poisoned lock is used as is.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The demo world's country attributes (income group, safeguards list, ICMW).
pub(crate) fn demo_attributes() -> Option<Vec<CountryAttributes>> {
    ingest::demo::demo_country_attributes().ok()
}

fn income_of(shared: &Shared, code: Iso3, fictional: bool) -> Option<IncomeGroup> {
    if fictional {
        return demo_attributes()?.into_iter().find(|a| a.iso3 == code)?.income_group;
    }
    let v = shared.bulk.income.get(&code)?;
    income_code_of(v.value)
}

/// The members of a group, sorted.
pub(crate) fn members(shared: &Shared, spec: GroupSpec) -> Vec<Iso3> {
    match spec {
        GroupSpec::Region(r) => regions::members(r),
        GroupSpec::World => domain::area::real_areas().iter().map(|a| a.iso3).collect(),
        GroupSpec::Income(g) => {
            let mut out: Vec<Iso3> = shared
                .bulk
                .income
                .iter()
                .filter(|(_, v)| income_code_of(v.value) == Some(g))
                .map(|(a, _)| *a)
                .collect();
            if out.is_empty() {
                // The demo world's own income groups, when no classification is loaded.
                out = demo_attributes()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|a| a.income_group == Some(g))
                    .map(|a| a.iso3)
                    .collect();
            }
            out.sort();
            out
        }
    }
}

/// The groups an area belongs to: UN regions (smallest first), SDG region, income
/// group where known, and the world for real areas.
pub(crate) fn memberships(shared: &Shared, code: Iso3, fictional: bool) -> Vec<Group> {
    let mut out: Vec<Group> =
        regions::regions_of(code).into_iter().map(|r| GroupSpec::Region(r).group()).collect();
    if let Some(g) = income_of(shared, code, fictional) {
        out.push(GroupSpec::Income(g).group());
    }
    if !fictional {
        out.push(GroupSpec::World.group());
    }
    out
}

fn spec_of(group: &Group) -> Option<GroupSpec> {
    GroupSpec::parse(&group.code)?.ok()
}

/// SDG 17.3.2 GDP-weighted over `members` in `year`.
fn share(
    ctx: &mut Ctx<'_>,
    weights: &Weights,
    group: &Group,
    members: &[Iso3],
    year: i32,
) -> Option<GroupShare> {
    let (mut rem, mut gdp) = (0.0, 0.0);
    let mut with_data = 0;
    let mut missing = Vec::new();
    let mut first_import = None;
    for m in members {
        let r = weights.received.get(m).and_then(|y| y.get(&year));
        let g = weights.gdp.get(m).and_then(|y| y.get(&year)).filter(|g| g.value > 0.0);
        match (r, g) {
            (Some(r), Some(g)) => {
                rem += r.value;
                gdp += g.value;
                with_data += 1;
                first_import.get_or_insert(r.import_id);
            }
            _ => missing.push(m.as_str().to_owned()),
        }
    }
    if with_data == 0 || gdp <= 0.0 {
        return None;
    }
    let how = format!(
        "remittances received as % of GDP, GDP-weighted and recomputed here (not the official SDG 17.3.2): Σ remittances received ÷ Σ GDP × 100 over the {with_data} of {} members with both values in {year}{}",
        members.len(),
        if missing.is_empty() {
            String::new()
        } else {
            format!("; left out (a value missing): {}", missing.join(", "))
        }
    );
    let value = ctx.derived(first_import.unwrap_or(0), 100.0 * rem / gdp, Unit::Percent, how);
    Some(GroupShare {
        code: group.code.clone(),
        name: format!("{}: {}", group.kind, group.name),
        year,
        value,
        n_members: members.len(),
        n_with_data: with_data,
        missing,
    })
}

/// SDG 17.3.2 of each group a country belongs to (SDG region, UN region, income
/// group, world) in `year`.
pub(crate) fn shares_for(
    ctx: &mut Ctx<'_>,
    shared: &Shared,
    weights: &Weights,
    memberships: &[Group],
    year: i32,
) -> Vec<GroupShare> {
    memberships
        .iter()
        .filter(|g| g.kind != RegionKind::IntermediateRegion.label())
        .filter_map(|g| {
            let spec = spec_of(g)?;
            let members = members(shared, spec);
            share(ctx, weights, g, &members, year)
        })
        .collect()
}

/// The WHO safeguards list status: the authored 2023 list for real countries, the
/// countries file for the demo world.
pub(crate) fn safeguards_status(ctx: &mut Ctx<'_>, code: Iso3, fictional: bool) -> Option<Status> {
    if fictional {
        let a = demo_attributes()?.into_iter().find(|a| a.iso3 == code)?;
        let demo_id = ctx.datasets.values().find(|d| d.fictional).map(|d| d.id)?;
        return Some(Status {
            yes: a.who_ssl,
            detail: "the demo world's copy of the list".to_owned(),
            year: None,
            source: ctx.source(demo_id, Some("countries.csv, column who_ssl".to_owned()), None),
        });
    }
    domain::area::real_area(code)?;
    let list = ingest::safeguards::who_ssl_2023();
    let entry = list.iter().find(|e| e.iso3 == code);
    let source = Source {
        dataset_id: 0,
        dataset: ingest::safeguards::WHO_SSL_2023_SOURCE.to_owned(),
        publisher: "World Health Organization".to_owned(),
        cell: entry.map(|e| format!("crates/ingest/data/who_ssl_2023.csv, line {}", e.line)),
        derivation: entry
            .is_none()
            .then(|| format!("not among the {} countries of the list", list.len())),
    };
    Some(Status {
        yes: entry.is_some(),
        detail: "2023 edition (55 countries)".to_owned(),
        year: Some(2023),
        source,
    })
}

/// Sums of an area series over members, per year, with the members left out.
fn sum_series(ctx: &mut Ctx<'_>, values: &ByArea, members: &[Iso3], what: &str) -> Vec<YearValue> {
    let mut years: BTreeMap<i32, (f64, Vec<Iso3>, i64)> = BTreeMap::new();
    for m in members {
        for (year, v) in values.get(m).into_iter().flatten() {
            let e = years.entry(*year).or_insert((0.0, Vec::new(), v.import_id));
            e.0 += v.value;
            e.1.push(*m);
        }
    }
    years
        .into_iter()
        .map(|(year, (sum, present, import_id))| {
            let missing: Vec<&str> =
                members.iter().filter(|m| !present.contains(m)).map(Iso3::as_str).collect();
            let how = format!(
                "sum of {what} over the {} of {} members with a value in {year}{}",
                present.len(),
                members.len(),
                if missing.is_empty() {
                    String::new()
                } else {
                    format!("; without a value: {}", missing.join(", "))
                }
            );
            let unit =
                values.values().flat_map(BTreeMap::values).next().map_or(Unit::Number, |v| v.unit);
            YearValue { year, value: ctx.derived(import_id, sum, unit, how) }
        })
        .collect()
}

/// Stocks by year and sex summed over members: the published totals, or else sums
/// of the bilateral stock.
async fn group_stocks(
    ctx: &mut Ctx<'_>,
    store: &Store,
    members: &[Iso3],
    published: Indicator,
    end: End,
    population: &[YearValue],
) -> Result<Vec<StockYear>, Error> {
    let mut by_sex: Vec<ByArea> = Vec::new();
    for sex in Sex::ALL {
        by_sex.push(by_area(
            ctx.ranker,
            published,
            store.indicator_numbers(published.code, sex).await?,
        ));
    }
    let what = match end {
        End::To => "immigrants (published totals by destination)",
        End::From => {
            "emigrants (published totals by origin; includes those living in other members)"
        }
    };
    if by_sex[0].is_empty() {
        // No published totals: sums of the bilateral stock, the import with the most
        // pairs per area and year.
        by_sex.clear();
        for sex in Sex::ALL {
            let mut best: HashMap<(Iso3, i32), store::PairSum> = HashMap::new();
            for s in store.pair_sums(Indicator::MIGRANT_STOCK.code, sex, end).await? {
                match best.get(&(s.area, s.year)) {
                    Some(old) if old.n_pairs >= s.n_pairs => {}
                    _ => {
                        best.insert((s.area, s.year), s);
                    }
                }
            }
            let mut out: ByArea = HashMap::new();
            for ((area, year), s) in best {
                out.entry(area).or_default().insert(
                    year,
                    AreaNumber {
                        import_id: s.import_id,
                        area,
                        year,
                        value: s.sum,
                        unit: Unit::Persons,
                    },
                );
            }
            by_sex.push(out);
        }
    }
    let totals = sum_series(ctx, &by_sex[0], members, what);
    let males = sum_series(ctx, &by_sex[1], members, &format!("{what}, males"));
    let females = sum_series(ctx, &by_sex[2], members, &format!("{what}, females"));
    Ok(totals
        .into_iter()
        .map(|t| {
            let share = population.iter().find(|p| p.year == t.year).filter(|p| p.value.value > 0.0).map(|p| {
                ctx.derived(
                    t.value.source.dataset_id,
                    100.0 * t.value.value / p.value.value,
                    Unit::Percent,
                    "group stock ÷ group population × 100 (members may differ in coverage; see both derivations)".to_owned(),
                )
            });
            StockYear {
                year: t.year,
                male: males.iter().find(|m| m.year == t.year).map(|m| m.value.clone()),
                female: females.iter().find(|m| m.year == t.year).map(|m| m.value.clone()),
                total: t.value,
                share_of_population: share,
            }
        })
        .collect())
}

/// The profile of a group of countries: members' stocks, population, GDP and
/// remittances summed, SDG 17.3.2 GDP-weighted by year.
pub(crate) async fn build(
    store: &Store,
    shared: &Shared,
    spec: GroupSpec,
) -> Result<CountryProfile, Error> {
    let mut ctx = Ctx {
        datasets: &shared.datasets,
        names: &shared.names,
        ranker: &shared.ranker,
        used_fictional: false,
    };
    let group = spec.group();
    let members = members(shared, spec);
    let fictional_group = !members.is_empty() && members.iter().all(Iso3::is_fictional);
    let mut gaps = crate::profile::Gaps::default();
    if members.is_empty() {
        gaps.push(Said::plain(match spec {
            GroupSpec::Income(_) => "gap-group-income-unclassified",
            _ => "gap-group-no-members",
        }));
    }
    let ranker = &shared.ranker;
    let load = |ind: Indicator| async move {
        store.indicator_numbers(ind.code, Sex::Total).await.map(|rows| by_area(ranker, ind, rows))
    };
    let population =
        sum_series(&mut ctx, &load(Indicator::POPULATION).await?, &members, "population");
    let weights = shared.bulk.all_years(store).await?;
    let gdp = sum_series(&mut ctx, &weights.gdp, &members, "GDP");
    let received = sum_series(&mut ctx, &weights.received, &members, "remittances received");
    let paid = sum_series(
        &mut ctx,
        &load(Indicator::REMITTANCES_PAID_USD).await?,
        &members,
        "remittances paid",
    );
    let net_migration = sum_series(
        &mut ctx,
        &load(Indicator::NET_MIGRATION).await?,
        &members,
        "net migration (includes migration between members)",
    );
    let exports = sum_series(&mut ctx, &load(Indicator::EXPORTS_USD).await?, &members, "exports");
    let stock_in =
        group_stocks(&mut ctx, store, &members, Indicator::IMMIGRANT_STOCK, End::To, &population)
            .await?;
    let stock_out =
        group_stocks(&mut ctx, store, &members, Indicator::EMIGRANT_STOCK, End::From, &population)
            .await?;
    let years: Vec<i32> = received.iter().map(|r| r.year).collect();
    let pct_gdp: Vec<YearValue> = years
        .iter()
        .filter_map(|&y| {
            share(&mut ctx, &weights, &group, &members, y)
                .map(|s| YearValue { year: y, value: s.value })
        })
        .collect();
    let world = GroupSpec::World.group();
    let remittances_pct_gdp_groups = match (pct_gdp.last(), spec) {
        (Some(last), GroupSpec::Region(_) | GroupSpec::Income(_)) if !fictional_group => {
            let all = self::members(shared, GroupSpec::World);
            share(&mut ctx, &weights, &world, &all, last.year).into_iter().collect()
        }
        _ => Vec::new(),
    };
    for (empty, what) in [
        (stock_in.is_empty(), "gap-group-immigrant-stock"),
        (population.is_empty(), "gap-group-population"),
        (received.is_empty(), "gap-group-remittances-received"),
        (net_migration.is_empty(), "gap-group-net-migration"),
    ] {
        if empty {
            gaps.push(Said::plain(what));
        }
    }
    gaps.push(Said::plain("gap-group-scope"));
    let source = match spec {
        GroupSpec::Region(_) => {
            "UN M49 / SDG regional groupings, authored in crates/domain/src/area/regions.rs"
                .to_owned()
        }
        GroupSpec::Income(_) if shared.bulk.income.is_empty() => {
            "the demo world's countries file (income_group)".to_owned()
        }
        GroupSpec::Income(_) => {
            "World Bank income classification (imported income_group values)".to_owned()
        }
        GroupSpec::World => "every country and area of the ISO 3166-1 table".to_owned(),
    };
    let fictional = fictional_group || ctx.used_fictional;
    Ok(CountryProfile {
        area: ProfileArea {
            iso3: group.code.clone(),
            m49: match spec {
                GroupSpec::Region(r) if r.kind != RegionKind::SdgRegion => Some(r.code),
                GroupSpec::World => Some(1),
                _ => None,
            },
            name: group.name.clone(),
            fictional: fictional_group,
        },
        fictional_notice: fictional.then(|| FICTIONAL_NOTICE.to_owned()),
        group: Some(GroupMembers {
            group,
            members: members.iter().map(|m| m.as_str().to_owned()).collect(),
            source,
        }),
        memberships: Vec::new(),
        stock_in,
        stock_out,
        emigration_rate: Vec::new(),
        top_destinations: Vec::new(),
        top_origins: Vec::new(),
        destination_trends: Vec::new(),
        origin_trends: Vec::new(),
        diaspora: None,
        destination_concentration: None,
        net_migration,
        estimated_flows: Vec::new(),
        population,
        gdp,
        remittances_received: received,
        remittances_paid: paid,
        remittances_pct_gdp: pct_gdp,
        sdg_17_3_2: Vec::new(),
        remittances_pct_gdp_groups,
        exports,
        remittances_pct_exports: Vec::new(),
        remittances_per_capita: Vec::new(),
        sender_concentration: None,
        costs_to: Vec::new(),
        costs_from: Vec::new(),
        cost_to_summary: None,
        cost_from_summary: None,
        skilled_emigration_rate: None,
        health_worker_emigration_rate: None,
        physicians_per_1000: None,
        who_safeguards_list: None,
        icmw: None,
        assessments: Vec::new(),
        policies: Vec::new(),
        labour: Default::default(),
        displacement: Default::default(),
        gaps: gaps.0,
        pinned_editions: Vec::new(),
        corridor_checks: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_counts_the_channel_islands_once() {
        let n = |area: &'static str, year: i32, value: f64| AreaNumber {
            import_id: 1,
            area: Iso3::from_static(area),
            year,
            value,
            unit: Unit::Persons,
        };
        let datasets = [crate::select::test_record(1, "wpp-net-migration", "2024")];
        let ranker = Ranker::new(&datasets);
        let rows = vec![
            n("CHI", 2020, 700.0),
            n("GGY", 2020, 300.0),
            n("JEY", 2020, 400.0),
            n("CHI", 2019, 650.0),
        ];
        let by = by_area(&ranker, Indicator::NET_MIGRATION, rows);
        let chi = &by[&Iso3::from_static("CHI")];
        assert!(!chi.contains_key(&2020), "the parts are given for 2020");
        assert!(chi.contains_key(&2019), "only the whole is given for 2019");
    }

    #[test]
    fn group_syntax() {
        let code = |q: &str| GroupSpec::parse(q).map(|r| r.map(GroupSpec::code));
        assert_eq!(code("sdg:SSA"), Some(Ok("sdg:SSA".to_owned())));
        assert_eq!(code("region:SDG-SSA"), Some(Ok("sdg:SSA".to_owned())));
        assert_eq!(code("region:202"), Some(Ok("region:202".to_owned())));
        assert_eq!(code("region:Africa"), Some(Ok("region:002".to_owned())));
        assert_eq!(code("income:lmc"), Some(Ok("income:LMC".to_owned())));
        assert_eq!(code("income:lower-middle"), Some(Ok("income:LMC".to_owned())));
        assert_eq!(code("World"), Some(Ok("world".to_owned())));
        assert_eq!(code("PHL"), None);
        assert!(matches!(code("income:XYZ"), Some(Err(s)) if s.len() == 4));
        assert_eq!(
            GroupSpec::by_name("Sub-Saharan Africa").map(GroupSpec::code).as_deref(),
            Some("region:202")
        );
    }

    #[test]
    fn region_typos_are_suggested() {
        let s = region_suggestions("Westrn Asia");
        assert_eq!(s.first().map(String::as_str), Some("Western Asia (region:145)"), "{s:?}");
        assert!(region_suggestions("xyz").is_empty());
    }
}
