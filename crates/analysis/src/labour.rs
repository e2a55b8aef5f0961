//! The evidence of labour migration and forced displacement in a country's profile:
//! deployments of nationals by destination (with their channels, re-entries and the
//! corridor's turnover beside its stock), temporary and permanent-type inflows by
//! category for destinations, and refugees and asylum-seekers by origin and by asylum.
//!
//! Every total is a sum over the partners of ONE dataset in a year — the one the
//! selection rule prefers among those that hold the year ([`crate::select`]), the others
//! kept as the choice's alternatives; datasets are never added together. A country with
//! no such data gets none (and a data gap, never a zero).

use std::collections::{BTreeMap, HashMap};

use domain::{Indicator, Iso3, Sex, Unit};
use serde::Serialize;
use store::{DatasetRecord, StoredAreaValue, StoredPairValue};

use crate::profile::{Value, YearValue};
use crate::profiles::{Ctx, series};

/// How many partners the profile lists.
const TOP_PARTNERS: usize = 10;

/// A flow or stock along one corridor in one year, with its split by sex where the
/// source gives one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartnerValue {
    /// The other country's ISO alpha-3 code.
    pub partner: String,
    /// The other country's name.
    pub partner_name: String,
    /// The year.
    pub year: i32,
    /// Both sexes (persons).
    pub total: Value,
    /// Men, where the source gives them.
    pub male: Option<Value>,
    /// Women, where the source gives them.
    pub female: Option<Value>,
    /// The corridor's share of the country's total over all partners (percent).
    pub share: Value,
}

/// An indicator's yearly series (a category of inflows, a channel of deployments).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategorySeries {
    /// The indicator's code (e.g. `temporary_inflow_seasonal`).
    pub indicator: String,
    /// Its values by year.
    pub values: Vec<YearValue>,
}

/// Deployments along a corridor beside the migrant stock there: how many of the stock
/// left in one year, a turnover indicator of temporary migration.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Turnover {
    /// The destination's ISO alpha-3 code.
    pub partner: String,
    /// The destination's name.
    pub partner_name: String,
    /// Deployments in the year (persons).
    pub deployments: YearValue,
    /// The migrant stock along the corridor in the latest stock year not after it.
    pub stock: YearValue,
    /// Deployments ÷ stock × 100.
    pub ratio: Value,
}

/// Labour migration: the origin's deployments, the destination's inflows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LabourMigration {
    /// Nationals who left for work abroad, by year: the publisher's total over all
    /// destinations where it gives one, else the sum over the destinations of one
    /// dataset.
    pub deployments: Vec<YearValue>,
    /// The destinations of the latest year, largest first.
    pub top_destinations: Vec<PartnerValue>,
    /// The latest year's deployments by channel and skill, where published
    /// (`deployments_agency`, `deployments_individual`, `deployments_g2g`,
    /// `deployments_reentry`, `deployments_skilled`, `deployments_low_skilled`).
    pub channels: Vec<CategorySeries>,
    /// Re-entries as a share of the latest year's deployments (percent).
    pub reentry_share: Option<Value>,
    /// Deployments beside the stock, for the latest year's largest destinations.
    pub turnover: Vec<Turnover>,
    /// Temporary migrants admitted, by category (destinations).
    pub temporary_inflows: Vec<CategorySeries>,
    /// Permanent-type migrants admitted, by category (destinations).
    pub permanent_inflows: Vec<CategorySeries>,
    /// Years published in parts (monthly tables) with parts missing, left out:
    /// (the datasets' family, the parts stored of 12).
    pub incomplete_years: Vec<(String, usize)>,
}

/// Forced displacement: refugees and asylum-seekers the country hosts and those from
/// it, and its internally displaced people.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Displacement {
    /// Refugees hosted, by year, summed over origins.
    pub refugees_hosted: Vec<YearValue>,
    /// Refugees from the country, by year, summed over countries of asylum.
    pub refugees_abroad: Vec<YearValue>,
    /// Asylum-seekers hosted, by year.
    pub asylum_seekers_hosted: Vec<YearValue>,
    /// Asylum-seekers from the country, by year.
    pub asylum_seekers_abroad: Vec<YearValue>,
    /// Internally displaced people of concern to UNHCR, by year.
    pub idps: Vec<YearValue>,
    /// The origins of the refugees hosted in the latest year, largest first.
    pub top_origins: Vec<PartnerValue>,
    /// The countries of asylum of the refugees from the country in the latest year.
    pub top_asylum: Vec<PartnerValue>,
}

impl LabourMigration {
    /// Keeps only `year` (`profile --year`).
    pub fn keep_year(&mut self, year: i32) {
        self.deployments.retain(|v| v.year == year);
        self.top_destinations.retain(|p| p.year == year);
        self.turnover.retain(|t| t.deployments.year == year);
        for c in self
            .channels
            .iter_mut()
            .chain(&mut self.temporary_inflows)
            .chain(&mut self.permanent_inflows)
        {
            c.values.retain(|v| v.year == year);
        }
        if self.deployments.is_empty() {
            self.reentry_share = None;
        }
    }
}

impl Displacement {
    /// Keeps only `year` (`profile --year`).
    pub fn keep_year(&mut self, year: i32) {
        for series in [
            &mut self.refugees_hosted,
            &mut self.refugees_abroad,
            &mut self.asylum_seekers_hosted,
            &mut self.asylum_seekers_abroad,
            &mut self.idps,
        ] {
            series.retain(|v| v.year == year);
        }
        self.top_origins.retain(|p| p.year == year);
        self.top_asylum.retain(|p| p.year == year);
    }
}

/// Which end of a pair the country is.
#[derive(Clone, Copy)]
pub(crate) enum End {
    /// The country is the first area (origin); partners are second.
    From,
    /// The country is the second area (destination, asylum); partners are first.
    To,
}

impl End {
    fn partner(self, r: &StoredPairValue) -> Iso3 {
        match self {
            End::From => r.to,
            End::To => r.from,
        }
    }

    fn partners(self) -> &'static str {
        match self {
            End::From => "destinations",
            End::To => "origins",
        }
    }
}

/// The pairs of a country for one indicator, with the dataset chosen per year.
struct Pairs<'r> {
    indicator: Indicator,
    rows: &'r [StoredPairValue],
    end: End,
    /// Year → the chosen import.
    chosen: BTreeMap<i32, i64>,
    /// Imports whose rows are sums of a year published in parts ([`Parts`]), with how.
    summed: &'r BTreeMap<i64, Summed>,
}

impl<'r> Pairs<'r> {
    fn new(
        ctx: &Ctx<'_>,
        indicator: Indicator,
        (rows, summed): (&'r [StoredPairValue], &'r BTreeMap<i64, Summed>),
        end: End,
    ) -> Self {
        let totals = rows.iter().filter(|r| r.sex == Sex::Total && r.from != r.to);
        let chosen =
            ctx.ranker.chosen_by_year(indicator.code, totals.map(|r| (r.year, r.import_id)));
        Pairs { indicator, rows, end, chosen, summed }
    }

    fn of(&self, year: i32, import_id: i64) -> impl Iterator<Item = &'r StoredPairValue> + '_ {
        self.rows
            .iter()
            .filter(move |r| r.year == year && r.import_id == import_id && r.from != r.to)
    }

    /// The sum over partners by year, each year from the chosen dataset, the others'
    /// sums kept as the choice's alternatives.
    fn totals(&self, ctx: &mut Ctx<'_>) -> Vec<YearValue> {
        let mut sums: BTreeMap<(i32, i64), (f64, usize)> = BTreeMap::new();
        for r in self.rows.iter().filter(|r| r.sex == Sex::Total && r.from != r.to) {
            let e = sums.entry((r.year, r.import_id)).or_default();
            e.0 += r.value;
            e.1 += 1;
        }
        let none = crate::select::Coverage::new();
        let mut out = Vec::new();
        for (&year, &import_id) in &self.chosen {
            let candidates: Vec<(i64, f64)> = sums
                .range((year, i64::MIN)..=(year, i64::MAX))
                .map(|(&(_, id), &(v, _))| (id, v))
                .collect();
            let (sum, count) = sums.get(&(year, import_id)).copied().unwrap_or_default();
            let mut how =
                format!("sum over {count} {} of {}", self.end.partners(), self.indicator.code);
            let parts = self.summed.get(&import_id);
            if let Some(parts) = parts {
                how = format!("{how}; {}", parts.how);
            }
            let mut value = ctx.derived(import_id, sum, Unit::Persons, how);
            if let Some(parts) = parts {
                value.source.dataset.clone_from(&parts.dataset);
            }
            value.choice = Some(ctx.ranker.choose(self.indicator.code, &candidates, &none).1);
            out.push(YearValue { year, value });
        }
        out
    }

    /// The latest year's partners, largest first, with their split by sex.
    fn top(&self, ctx: &mut Ctx<'_>) -> Vec<PartnerValue> {
        let Some((&year, &import_id)) = self.chosen.iter().next_back() else { return Vec::new() };
        let rows: Vec<&StoredPairValue> = self.of(year, import_id).collect();
        let mut totals: Vec<&StoredPairValue> =
            rows.iter().copied().filter(|r| r.sex == Sex::Total).collect();
        let sum: f64 = totals.iter().map(|r| r.value).sum();
        let end = self.end;
        totals
            .sort_by(|a, b| b.value.total_cmp(&a.value).then(end.partner(a).cmp(&end.partner(b))));
        let mut out = Vec::new();
        for r in totals.into_iter().take(TOP_PARTNERS) {
            let partner = end.partner(r);
            let summed = self.summed.get(&import_id);
            let mut value = |v: &StoredPairValue| match summed {
                Some(parts) => {
                    let mut value =
                        ctx.derived(import_id, v.value, Unit::Persons, parts.how.clone());
                    value.source.dataset.clone_from(&parts.dataset);
                    value
                }
                None => ctx.cell_value(import_id, v.value, Unit::Persons, v.provenance.to_string()),
            };
            let mut by_sex = |sex: Sex| {
                rows.iter().find(|s| s.sex == sex && end.partner(s) == partner).map(|s| value(s))
            };
            let (male, female) = (by_sex(Sex::Male), by_sex(Sex::Female));
            let total = value(r);
            let cited = total.source.dataset.clone();
            let how = format!("corridor value ÷ sum over all {} × 100", end.partners());
            let share = if sum > 0.0 { 100.0 * r.value / sum } else { 0.0 };
            out.push(PartnerValue {
                partner: partner.as_str().to_owned(),
                partner_name: ctx.name(partner),
                year,
                total,
                male,
                female,
                share: {
                    let mut share_value = ctx.derived(import_id, share, Unit::Percent, how);
                    share_value.source.dataset.clone_from(&cited);
                    share_value
                },
            });
        }
        out
    }
}

/// Years published in parts — Nepal's Department of Foreign Employment publishes a
/// fiscal year as twelve monthly tables, each stored as a dataset of its own
/// (`dofe-nepal-<fy>-<nn>-<month>`, every month at the year the fiscal year starts in).
/// A year's figure is the sum of its twelve parts, made here (never one month taken for
/// the year); a year with parts missing is left out, and said in the gaps.
pub(crate) struct Parts {
    /// The rows, the parts of each complete year replaced by their sums.
    pub(crate) rows: Vec<StoredPairValue>,
    /// The imports standing for a summed year, with how the sum was made.
    pub(crate) summed: BTreeMap<i64, Summed>,
    /// The families with parts missing: (family, parts stored).
    pub(crate) incomplete: Vec<(String, usize)>,
}

/// A year summed from its parts: how, and the dataset the sum is cited as (the whole
/// year, not its first month).
pub(crate) struct Summed {
    /// How the sum was made (the derivation cited).
    pub(crate) how: String,
    /// The dataset cited: the whole year.
    pub(crate) dataset: String,
}

/// The citation of a year summed from monthly tables: the tables' title without its
/// month ("Labour permits by destination, channel and sex, Shrawan (month 1 …)" →
/// "Labour permits by destination, channel and sex"), the fiscal year and the sum.
fn year_title(datasets: &HashMap<i64, DatasetRecord>, first: i64, family: &str) -> String {
    let title = datasets.get(&first).map_or("", |d| d.title.as_str());
    let title = title.rsplit_once(", ").map_or(title, |(head, _)| head);
    let year = family
        .rsplit_once('-')
        .map_or(family.to_owned(), |(a, b)| format!("{}/{b}", a.rsplit('-').next().unwrap_or(a)));
    format!("{title}, fiscal year {year}: the {PARTS_PER_YEAR} monthly tables summed ({family})")
}

/// How many parts make a year of a family published in parts.
const PARTS_PER_YEAR: usize = 12;

/// The family and part number of a dataset key that is one part of a year
/// (`dofe-nepal-2079-80-01-shrawan` → `dofe-nepal-2079-80`, 1).
fn part_of(key: &str) -> Option<(&str, u32)> {
    let rest = key.strip_prefix("dofe-nepal-")?;
    let mut it = rest.splitn(4, '-');
    let (fy, next, part) = (it.next()?, it.next()?, it.next()?);
    it.next()?;
    let part: u32 = part.parse().ok()?;
    Some((&key[.."dofe-nepal-".len() + fy.len() + 1 + next.len()], part))
}

impl Parts {
    /// The rows with the parts of each complete year of `datasets` replaced by their
    /// sums; the rows of incomplete years left out.
    pub(crate) fn new(datasets: &HashMap<i64, DatasetRecord>, rows: Vec<StoredPairValue>) -> Parts {
        let family = |id: i64| datasets.get(&id).and_then(|d| part_of(&d.key));
        // Family → its parts' imports, from the datasets stored (a month may hold no
        // value of an indicator: no G-to-G permit that month is a zero, not a gap).
        let mut families: BTreeMap<String, BTreeMap<u32, i64>> = BTreeMap::new();
        for (&id, d) in datasets.iter().filter(|(_, d)| d.is_default) {
            if let Some((f, part)) = part_of(&d.key) {
                let parts = families.entry(f.to_owned()).or_default();
                let slot = parts.entry(part).or_insert(id);
                *slot = (*slot).min(id);
            }
        }
        families.retain(|_, members| {
            rows.iter().any(|r| members.values().any(|&id| id == r.import_id))
        });
        let (mut out, mut parts): (Vec<StoredPairValue>, Vec<StoredPairValue>) =
            rows.into_iter().partition(|r| family(r.import_id).is_none());
        let mut summed = BTreeMap::new();
        let mut incomplete = Vec::new();
        for (name, members) in families {
            let ids: Vec<i64> = members.values().copied().collect();
            let mine: Vec<StoredPairValue>;
            (mine, parts) = parts.into_iter().partition(|r| ids.contains(&r.import_id));
            if members.len() != PARTS_PER_YEAR {
                incomplete.push((name, members.len()));
                continue;
            }
            let first = ids[0];
            let mut sums: BTreeMap<(String, Iso3, Iso3, i32, u8), StoredPairValue> =
                BTreeMap::new();
            for r in mine {
                let sex = match r.sex {
                    Sex::Total => 0,
                    Sex::Male => 1,
                    Sex::Female => 2,
                };
                let key = (r.indicator.clone(), r.from, r.to, r.year, sex);
                sums.entry(key)
                    .and_modify(|s| s.value += r.value)
                    .or_insert(StoredPairValue { import_id: first, ..r });
            }
            out.extend(sums.into_values());
            let list: Vec<String> = ids.iter().map(i64::to_string).collect();
            let how = format!(
                "sum of the {PARTS_PER_YEAR} monthly tables of {name} (imports {})",
                list.join(", ")
            );
            summed.insert(first, Summed { how, dataset: year_title(datasets, first, &name) });
        }
        Parts { rows: out, summed, incomplete }
    }
}

/// The channels deployments are published by (agency, individual, government to
/// government, re-entry); together, where a publisher's channels are all stored, they
/// make the total (Nepal's legalisations are in none of them).
pub const CHANNELS: [Indicator; 4] = [
    Indicator::DEPLOYMENTS_AGENCY,
    Indicator::DEPLOYMENTS_INDIVIDUAL,
    Indicator::DEPLOYMENTS_G2G,
    Indicator::DEPLOYMENTS_REENTRY,
];

/// The skill levels deployments are published by; together, where all are published,
/// they make the total too.
pub const SKILLS: [Indicator; 2] =
    [Indicator::DEPLOYMENTS_SKILLED, Indicator::DEPLOYMENTS_LOW_SKILLED];

/// The categories of temporary inflows, in the order the profile lists them.
const TEMPORARY: [Indicator; 6] = [
    Indicator::TEMPORARY_INFLOW_SEASONAL,
    Indicator::TEMPORARY_INFLOW_WORKING_HOLIDAY,
    Indicator::TEMPORARY_INFLOW_INTRA_COMPANY,
    Indicator::TEMPORARY_INFLOW_TRAINEES,
    Indicator::TEMPORARY_INFLOW_OTHER_WORKERS,
    Indicator::TEMPORARY_INFLOW_STUDENTS,
];

/// The categories of permanent-type inflows.
const PERMANENT: [Indicator; 6] = [
    Indicator::PERMANENT_INFLOW_WORK,
    Indicator::PERMANENT_INFLOW_ACCOMPANYING_FAMILY,
    Indicator::PERMANENT_INFLOW_FAMILY,
    Indicator::PERMANENT_INFLOW_HUMANITARIAN,
    Indicator::PERMANENT_INFLOW_FREE_MOVEMENT,
    Indicator::PERMANENT_INFLOW_OTHER,
];

/// What the labour section reads of a country: its pairs as origin by indicator
/// (`take` removes them), its own values, and its migrant stock abroad.
pub(crate) struct LabourInputs<'a> {
    /// Pairs where the country is the origin, for one indicator.
    pub(crate) from: &'a mut dyn FnMut(Indicator) -> Vec<StoredPairValue>,
    /// The country's own values of one indicator.
    pub(crate) own: &'a mut dyn FnMut(Indicator) -> Vec<StoredAreaValue>,
    /// The migrant stock from the country, by destination.
    pub(crate) stocks_out: &'a [StoredPairValue],
}

/// The labour-migration evidence of a country.
pub(crate) fn labour(ctx: &mut Ctx<'_>, input: LabourInputs<'_>) -> LabourMigration {
    let parts = Parts::new(ctx.datasets, (input.from)(Indicator::DEPLOYMENTS));
    let deployments =
        Pairs::new(ctx, Indicator::DEPLOYMENTS, (&parts.rows, &parts.summed), End::From);
    let sums = deployments.totals(ctx);
    let totals = with_published(ctx, &sums, (input.own)(Indicator::DEPLOYMENTS_TOTAL));
    let mut top_destinations = deployments.top(ctx);
    share_of_published(ctx, &mut top_destinations, &totals);
    let latest = deployments.chosen.iter().next_back().map(|(&y, &id)| (y, id));
    let mut channels = Vec::new();
    let mut reentry_share = None;
    for indicator in CHANNELS.into_iter().chain(SKILLS) {
        let channel = Parts::new(ctx.datasets, (input.from)(indicator));
        let Some((year, import_id)) = latest else { continue };
        let part = Pairs::new(ctx, indicator, (&channel.rows, &channel.summed), End::From);
        // The channel of the same dataset and year as the deployments shown.
        let values: Vec<YearValue> =
            part.totals(ctx).into_iter().filter(|v| v.year == year).collect();
        let Some(v) = values.first().filter(|v| v.value.source.dataset_id == import_id) else {
            continue;
        };
        if indicator == Indicator::DEPLOYMENTS_REENTRY
            && let Some(total) = sums.iter().find(|t| t.year == year && t.value.value > 0.0)
        {
            let how = "re-entries ÷ deployments × 100".to_owned();
            let share = 100.0 * v.value.value / total.value.value;
            let mut share = ctx.derived(import_id, share, Unit::Percent, how);
            share.source.dataset.clone_from(&total.value.source.dataset);
            reentry_share = Some(share);
        }
        channels.push(CategorySeries { indicator: indicator.code.to_owned(), values });
    }
    let turnover = turnover(ctx, &top_destinations, input.stocks_out);
    let mut categories = |list: [Indicator; 6]| -> Vec<CategorySeries> {
        list.into_iter()
            .filter_map(|i| {
                let values = series(ctx, i, (input.own)(i));
                (!values.is_empty())
                    .then(|| CategorySeries { indicator: i.code.to_owned(), values })
            })
            .collect()
    };
    let temporary_inflows = categories(TEMPORARY);
    let permanent_inflows = categories(PERMANENT);
    LabourMigration {
        incomplete_years: parts.incomplete,
        deployments: totals,
        top_destinations,
        channels,
        reentry_share,
        turnover,
        temporary_inflows,
        permanent_inflows,
    }
}

/// Where the year's total is the publisher's own (ILOSTAT's counts the destinations it
/// does not name), each destination's share is of that total, not of the destinations
/// named: the Philippines' Saudi Arabia in 2024 is 419,355 of 1,827,799 (22.9 %), not of
/// the 1,226,000 the named destinations add up to (34.2 %).
fn share_of_published(ctx: &mut Ctx<'_>, top: &mut [PartnerValue], totals: &[YearValue]) {
    for p in top.iter_mut() {
        let Some(total) = totals.iter().find(|t| t.year == p.year) else { continue };
        let published = total.value.source.derivation.is_none();
        if !published || total.value.value <= 0.0 {
            continue;
        }
        let how = "corridor value ÷ the publisher's total over all destinations (with those it \
                   does not name) × 100"
            .to_owned();
        let share = 100.0 * p.total.value / total.value.value;
        let mut value = ctx.derived(total.value.source.dataset_id, share, Unit::Percent, how);
        value.source.dataset.clone_from(&total.value.source.dataset);
        p.share = value;
    }
}

/// Deployments by year: the publisher's own total over all destinations where it gives
/// one (ILOSTAT's, which counts the destinations it does not name), else the sum over
/// the destinations of one dataset.
fn with_published(
    ctx: &mut Ctx<'_>,
    sums: &[YearValue],
    published: Vec<StoredAreaValue>,
) -> Vec<YearValue> {
    let mut by_year: BTreeMap<i32, YearValue> = sums.iter().map(|v| (v.year, v.clone())).collect();
    for v in series(ctx, Indicator::DEPLOYMENTS_TOTAL, published) {
        by_year.insert(v.year, v);
    }
    by_year.into_values().collect()
}

/// Deployments ÷ stock for each listed destination with a stock in or before the
/// deployments' year (the table the migrant-stock rule prefers for that year).
fn turnover(ctx: &mut Ctx<'_>, top: &[PartnerValue], stocks: &[StoredPairValue]) -> Vec<Turnover> {
    let none = BTreeMap::new();
    let pairs = Pairs::new(ctx, Indicator::MIGRANT_STOCK, (stocks, &none), End::From);
    let mut out = Vec::new();
    for d in top {
        let Some((&year, &import_id)) = pairs.chosen.range(..=d.year).next_back() else {
            continue;
        };
        let Some(stock) = pairs
            .of(year, import_id)
            .find(|r| r.sex == Sex::Total && r.to.as_str() == d.partner && r.value > 0.0)
        else {
            continue;
        };
        let value =
            ctx.cell_value(import_id, stock.value, Unit::Persons, stock.provenance.to_string());
        let how = format!("deployments ({}) ÷ migrant stock ({year}) × 100", d.year);
        let ratio = 100.0 * d.total.value / stock.value;
        out.push(Turnover {
            partner: d.partner.clone(),
            partner_name: d.partner_name.clone(),
            deployments: YearValue { year: d.year, value: d.total.clone() },
            stock: YearValue { year, value },
            ratio: {
                let mut ratio = ctx.derived(d.total.source.dataset_id, ratio, Unit::Percent, how);
                ratio.source.dataset.clone_from(&d.total.source.dataset);
                ratio
            },
        });
    }
    out
}

/// What the displacement section reads of a country.
pub(crate) struct DisplacementInputs<'a> {
    /// Pairs where the country is the origin, for one indicator.
    pub(crate) from: &'a mut dyn FnMut(Indicator) -> Vec<StoredPairValue>,
    /// Pairs where the country is the asylum, for one indicator.
    pub(crate) to: &'a mut dyn FnMut(Indicator) -> Vec<StoredPairValue>,
    /// The country's own values of one indicator.
    pub(crate) own: &'a mut dyn FnMut(Indicator) -> Vec<StoredAreaValue>,
}

/// The forced-displacement evidence of a country.
pub(crate) fn displacement(ctx: &mut Ctx<'_>, input: DisplacementInputs<'_>) -> Displacement {
    let refugees_in = (input.to)(Indicator::REFUGEES);
    let refugees_out = (input.from)(Indicator::REFUGEES);
    let asylum_in = (input.to)(Indicator::ASYLUM_SEEKERS);
    let asylum_out = (input.from)(Indicator::ASYLUM_SEEKERS);
    let none = BTreeMap::new();
    let hosted = Pairs::new(ctx, Indicator::REFUGEES, (&refugees_in, &none), End::To);
    let abroad = Pairs::new(ctx, Indicator::REFUGEES, (&refugees_out, &none), End::From);
    Displacement {
        refugees_hosted: hosted.totals(ctx),
        refugees_abroad: abroad.totals(ctx),
        asylum_seekers_hosted: Pairs::new(
            ctx,
            Indicator::ASYLUM_SEEKERS,
            (&asylum_in, &none),
            End::To,
        )
        .totals(ctx),
        asylum_seekers_abroad: Pairs::new(
            ctx,
            Indicator::ASYLUM_SEEKERS,
            (&asylum_out, &none),
            End::From,
        )
        .totals(ctx),
        idps: series(ctx, Indicator::IDPS, (input.own)(Indicator::IDPS)),
        top_origins: hosted.top(ctx),
        top_asylum: abroad.top(ctx),
    }
}
