//! Estimation I: bilateral migration flows from stock tables, and the bilateral
//! remittance matrix, wired from the store (or the user's CSV files) to `stats`.
//!
//! This module owns the translation between labels and indices: it reads labelled
//! values (ISO3 codes, years), orders the areas, builds the plain matrices that
//! [`stats::flows`] and [`stats::remit`] work on, and turns their results back into
//! labelled rows with every adjustment written out as a note. `stats` never sees an
//! area code.
//!
//! Results can be stored as derived datasets ([`Workspace::estimate_flows`] and
//! [`Workspace::estimate_remittances`] with `store_result`): one import per estimate,
//! whose key names the method and period (or variant, income and year), whose edition
//! describes the parameters, whose source is the command that made it, and whose files
//! are the inputs (each stored import as `key edition` with the SHA-256 of its
//! fingerprint; each CSV file with its own SHA-256). A flow estimate's period is kept in
//! its key and edition; its values are stored with the period's end year. See
//! `docs/flows.md`, "End to end".

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use domain::area::{Iso3, real_area};
use domain::dataset::{Dataset, DatasetMeta, PairValue, SourceFile};
use domain::measure::{Indicator, Sex, Shape, Unit};
use domain::{Provenance, Year};
use faer::Mat;
use ingest::formats::IncomeGroup;
pub use stats::flows::FlowTotal;
use stats::flows::{self, Diagnostic, FlowOptions, Method, StockTable, Stocks};
use stats::remit::{
    self, IncomeFloor, MissingIncome, OriginStatus, RemitDiagnostic, RemitInput, RemitOptions,
    Weighting,
};

use crate::{Error, LoadOutcome, Workspace};

/// The indicator under which estimated flows are stored: persons who moved from the
/// first area to the second during the period ending in the value's year.
pub const FLOW_INDICATOR: Indicator = Indicator {
    code: "migration_flow_estimate",
    unit: Unit::Persons,
    shape: Shape::Bilateral,
    title: "Bilateral migration flow over a period (estimated from stocks)",
    wdi_code: None,
};

/// The indicator under which estimated remittances are stored (current US$, sender →
/// receiver). Kept apart from the published matrix's `bilateral_remittances_usd`.
pub const REMITTANCE_INDICATOR: Indicator = Indicator {
    code: "bilateral_remittances_usd_estimate",
    unit: Unit::UsdCurrent,
    shape: Shape::Bilateral,
    title: "Bilateral remittances (current US$, estimated by allocating inflows)",
    wdi_code: None,
};

/// Key prefix of stored flow estimates.
pub const FLOWS_KEY: &str = "estimate-flows";
/// Key prefix of stored remittance estimates.
pub const REMITTANCES_KEY: &str = "estimate-remittances";

/// Store indicator code of the crude birth rate (per 1,000 people, WDI
/// `SP.DYN.CBRT.IN`, [`Indicator::BIRTH_RATE_CRUDE`]), used for births from the store.
pub const BIRTH_RATE_CODE: &str = Indicator::BIRTH_RATE_CRUDE.code;
/// Store indicator code of the crude death rate (per 1,000 people, WDI
/// `SP.DYN.CDRT.IN`, [`Indicator::DEATH_RATE_CRUDE`]), used for deaths from the store.
pub const DEATH_RATE_CODE: &str = Indicator::DEATH_RATE_CRUDE.code;
/// Store indicator code of live births over a five-year period (stored at its first
/// year), used for births from the store when it holds them.
pub const BIRTHS_5Y_CODE: &str = Indicator::BIRTHS_5Y.code;
/// Store indicator code of deaths over a five-year period (stored at its first year).
pub const DEATHS_5Y_CODE: &str = Indicator::DEATHS_5Y.code;

/// The calendar years whose births (or deaths) make up a period between two mid-year
/// stock tables, with their weights: `y0` and `y1` count half, the years between count
/// fully (mid-`y0` to mid-`y1`). The weights sum to `y1 − y0`.
///
/// WDI's crude rates are events in a calendar year per 1,000 mid-year people, so
/// `rate_y / 1000 × population_y` is the events of calendar year `y`; half of `y0`'s and
/// half of `y1`'s fall inside the period. See `docs/flows.md`, "Births and deaths from
/// the store".
pub fn vital_year_weights(y0: i32, y1: i32) -> Vec<(i32, f64)> {
    (y0..=y1).map(|y| (y, if y == y0 || y == y1 { 0.5 } else { 1.0 })).collect()
}

/// The default zero corridors of the remittance matrix, as (receiver, sender) pairs
/// listed in one direction; both directions are applied.
pub const DEFAULT_ZERO_CORRIDORS: [(&str, &str); 3] =
    [("IND", "PAK"), ("LBN", "ISR"), ("AZE", "ARM")];

/// The names of the flow methods, in Abel & Cohen's order.
pub fn flow_method_names() -> Vec<&'static str> {
    Method::ALL.iter().map(|m| m.name()).collect()
}

/// Where the stock tables of a flow estimate come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StockSource {
    /// The bilateral migrant stock (both sexes) of the one stored import that has both
    /// years.
    Store,
    /// A CSV file `orig,dest,year,value` (see `docs/input-formats.md`).
    Csv(crate::Input),
    /// The store's bilateral migrant stock of this dataset key (its default or pinned
    /// edition), instead of the one the rule prefers.
    Dataset(String),
}

/// Where births and deaths come from (demographic accounting only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VitalSource {
    /// Crude birth and death rates × population from the store, over the calendar years
    /// of [`vital_year_weights`].
    Store {
        /// Give an area that lacks a rate or its population for any of those years zero
        /// births and deaths (each such area is listed in the notes) instead of stopping
        /// with the list.
        zero_where_missing: bool,
    },
    /// A CSV file `area,period_start,period_end,births,deaths`.
    Csv(crate::Input),
    /// No births and no deaths: the stock change is all migration (as in migest's
    /// first worked examples). The closed-world balance then moves the world's natural
    /// increase into the native-born diagonals.
    Zero,
}

/// What to estimate: [`Workspace::estimate_flows`].
#[derive(Clone, Debug)]
pub struct FlowRequest {
    /// Method name (`sd_drop_neg`, ..., `da_pb_closed`).
    pub method: String,
    /// First year of the period (stock table at its mid-year).
    pub period_start: i32,
    /// Last year of the period.
    pub period_end: i32,
    /// The stock tables.
    pub stocks: StockSource,
    /// Births and deaths.
    pub vital: VitalSource,
    /// For demographic accounting: where neither the stocks nor the stored population
    /// give an area's native-born, leave them at zero (reported) instead of failing.
    pub zero_native_born_where_missing: bool,
    /// Leave out, with their stocks, the areas without population (where the diagonal is
    /// needed) or without births and deaths (where they are needed), listed in the notes:
    /// the common set of areas Abel & Cohen estimate on.
    pub complete_areas_only: bool,
    /// The dataset key to take population from (the diagonal's population − immigrants);
    /// `None` for the population rule ([`crate::select`]).
    pub population: Option<String>,
    /// The global total of `mig_rate` (Dennett): default [`FlowTotal::NetMigration`].
    pub flow_total: FlowTotal,
    /// Store the result as a derived dataset.
    pub store_result: bool,
    /// The command that asked for it (recorded as the stored dataset's source).
    pub command: String,
}

/// One stored or CSV input of an estimate.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct InputRef {
    /// What the input gave (`stocks`, `population`, `births and deaths`, ...).
    pub role: String,
    /// The dataset key, or `file` for a CSV file.
    pub key: String,
    /// The edition, or the file's path.
    pub edition: String,
    /// SHA-256 of the import's fingerprint (its files' names and checksums), or of the
    /// file's bytes.
    pub fingerprint: String,
}

/// One estimated flow.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct FlowRow {
    /// Origin (ISO3).
    pub orig: String,
    /// Destination (ISO3).
    pub dest: String,
    /// Persons who moved during the period.
    pub flow: f64,
}

/// Convergence of the allocation fit of a demographic-accounting method.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct FitReport {
    /// Sweeps.
    pub iterations: u32,
    /// Largest margin error left (persons).
    pub max_margin_error: f64,
    /// Whether the fit met its stopping rule and fits its margins.
    pub converged: bool,
}

/// A flow estimate with its inputs and everything that was adjusted.
#[derive(Clone, Debug, serde::Serialize)]
pub struct FlowEstimate {
    /// Method name.
    pub method: String,
    /// First year of the period.
    pub period_start: i32,
    /// Last year of the period.
    pub period_end: i32,
    /// Areas in the tables.
    pub n_areas: usize,
    /// Non-zero flows, by origin then destination.
    pub flows: Vec<FlowRow>,
    /// Sum of all flows.
    pub total: f64,
    /// The inputs read.
    pub inputs: Vec<InputRef>,
    /// Allocation fit (demographic accounting only).
    pub fit: Option<FitReport>,
    /// Every fitting step that did not converge (closure, deaths or allocation), in
    /// words; empty when all did. A closure step that did not converge leaves the
    /// birthplace totals of the two tables apart, which the allocation of minimisation
    /// absorbs (its movers' margins are rescaled to each other) but which makes the
    /// pseudo-Bayes allocation's independence fit miss its margins.
    pub not_converged: Vec<String>,
    /// Choices made and adjustments, in words, in the order they happened.
    pub notes: Vec<String>,
    /// The stored derived dataset, if asked for.
    pub stored: Option<LoadOutcome>,
}

/// The remittance weighting variants, by their command-line names. Each is one of the
/// three allocation rules of Ratha & Shaw (2007) as the Mohapatra & Ratha (2010) annex
/// states them; `docs/flows.md` gives each one's source and where Coherence departs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum RemitVariant {
    /// `stock`: migrant-stock weights (eq. 2A.1).
    Stock,
    /// `host-income`: stock × host income.
    HostIncome,
    /// `income-difference`: stock × an income term of host and origin income, set by
    /// [`RemitFloor`].
    IncomeDifference,
}

impl RemitVariant {
    /// All variants.
    pub const ALL: [RemitVariant; 3] =
        [RemitVariant::Stock, RemitVariant::HostIncome, RemitVariant::IncomeDifference];

    /// The default: the variant that, with [`RemitFloor::DEFAULT`] and PPP incomes, best
    /// matches the published 2017 and 2018 matrices (see `docs/validation.md`).
    pub const DEFAULT: RemitVariant = RemitVariant::IncomeDifference;

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            RemitVariant::Stock => "stock",
            RemitVariant::HostIncome => "host-income",
            RemitVariant::IncomeDifference => "income-difference",
        }
    }

    /// The variant with this name.
    pub fn from_name(name: &str) -> Option<RemitVariant> {
        RemitVariant::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// The per-capita income series used by the income weightings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum IncomeSeries {
    /// GDP per capita, PPP (current international $), WDI `NY.GDP.PCAP.PP.CD`.
    Ppp,
    /// GDP per capita, current US$, WDI `NY.GDP.PCAP.CD`.
    Usd,
}

impl IncomeSeries {
    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            IncomeSeries::Ppp => "ppp",
            IncomeSeries::Usd => "usd",
        }
    }

    fn indicator(self) -> Indicator {
        match self {
            IncomeSeries::Ppp => Indicator::GDP_PER_CAPITA_PPP,
            IncomeSeries::Usd => Indicator::GDP_PER_CAPITA_USD,
        }
    }
}

/// The income term of the `income-difference` weights, with `d` = host income − origin
/// income (see [`stats::remit::IncomeFloor`]).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub enum RemitFloor {
    /// `origin income + k · max(d, 0)`: every emigrant weighs at least the origin's
    /// income, emigrants in richer hosts add the share `k` of the gap. The shape of the
    /// published matrices; `k` is fitted to them.
    OriginIncome(f64),
    /// `max(d, 0)`: emigrants in hosts no richer than the origin get nothing.
    Zero,
    /// `max(d, s · host income)`: emigrants in poorer hosts weigh the share `s` of the
    /// host's income.
    HostIncome(f64),
}

impl RemitFloor {
    /// The default: the origin-income floor at the gap share fitted to the published
    /// 2017 and 2018 matrices ([`stats::remit::FITTED_GAP_SHARE`]).
    pub const DEFAULT: RemitFloor = RemitFloor::OriginIncome(remit::FITTED_GAP_SHARE);

    /// The rule as the command line writes it: `origin:K`, `zero` or `host:S`.
    pub fn name(self) -> String {
        match self {
            RemitFloor::OriginIncome(k) => format!("origin:{k}"),
            RemitFloor::Zero => "zero".to_owned(),
            RemitFloor::HostIncome(s) => format!("host:{s}"),
        }
    }

    /// Parses [`RemitFloor::name`]'s syntax; `origin` alone is the fitted default.
    pub fn parse(text: &str) -> Option<RemitFloor> {
        let text = text.trim();
        let number = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0);
        match text.split_once(':') {
            None if text == "zero" => Some(RemitFloor::Zero),
            None if text == "origin" => Some(RemitFloor::DEFAULT),
            Some(("origin", k)) => number(k).map(RemitFloor::OriginIncome),
            Some(("host", s)) => number(s).map(RemitFloor::HostIncome),
            _ => None,
        }
    }

    fn income_floor(self) -> IncomeFloor {
        match self {
            RemitFloor::OriginIncome(k) => IncomeFloor::OriginIncome(k),
            RemitFloor::Zero => IncomeFloor::Zero,
            RemitFloor::HostIncome(s) => IncomeFloor::HostIncomeShare(s),
        }
    }
}

/// What to do about an income the weights need but the store lacks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingIncomeRule {
    /// Stop with the list of areas (default).
    Fail,
    /// Leave the origins that need it unallocated.
    SkipOrigin,
    /// Drop the host from the origins' denominators (reported).
    DropHost,
}

/// What to estimate: [`Workspace::estimate_remittances`].
#[derive(Clone, Debug)]
pub struct RemitRequest {
    /// The year (inflows and incomes of that year; stocks too unless `stock_year`).
    pub year: i32,
    /// The year of the migrant stocks when it differs from `year` (the World Bank's
    /// 2018 matrix is compared here with stocks of 2017, the latest bilateral migration
    /// matrix in the shared data). `None` = `year`.
    pub stock_year: Option<i32>,
    /// The weighting.
    pub variant: RemitVariant,
    /// The income series.
    pub income: IncomeSeries,
    /// For `income-difference`: the income term ([`RemitFloor::DEFAULT`] unless asked).
    pub floor: RemitFloor,
    /// Extra zero corridors (ISO3 pairs, applied both ways).
    pub zero_corridors: Vec<(String, String)>,
    /// Apply [`DEFAULT_ZERO_CORRIDORS`].
    pub default_zero_corridors: bool,
    /// Missing incomes.
    pub missing_income: MissingIncomeRule,
    /// The dataset key of the remittance inflows to use (e.g.
    /// `knomad-remittance-inflows`); `None` uses the rule for remittances received
    /// ([`crate::select`]: KNOMAD first, then WDI). The output's notes say which was
    /// used and why.
    pub inflows: Option<String>,
    /// Store the result as a derived dataset.
    pub store_result: bool,
    /// The command that asked for it.
    pub command: String,
}

/// One estimated bilateral remittance.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RemitRow {
    /// Sending country (where the migrants live), ISO3.
    pub sender: String,
    /// Receiving country (their origin), ISO3.
    pub receiver: String,
    /// Amount, millions of current US$.
    pub usd_millions: f64,
}

/// A remittance matrix estimate.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RemitEstimate {
    /// The year.
    pub year: i32,
    /// The weighting.
    pub variant: RemitVariant,
    /// The income series.
    pub income: IncomeSeries,
    /// Non-zero amounts, by sender then receiver; receivers not allocated are absent.
    pub rows: Vec<RemitRow>,
    /// Inflow of each allocated receiver (US$), for checks: the receiver's amounts sum to it.
    pub allocated_inflows: BTreeMap<String, f64>,
    /// Receivers with emigrants in the matrix but no inflow for the year.
    pub missing_inflows: Vec<String>,
    /// Receivers with an inflow but nowhere to allocate it.
    pub unallocatable: Vec<String>,
    /// Areas whose income was needed but missing.
    pub missing_incomes: Vec<String>,
    /// The inputs read.
    pub inputs: Vec<InputRef>,
    /// Choices and adjustments, in words.
    pub notes: Vec<String>,
    /// The stored derived dataset, if asked for.
    pub stored: Option<LoadOutcome>,
}

/// The share of low- and middle-income receivers' remittances that come from low- and
/// middle-income senders (South–South), in an estimate and in the published matrix, over
/// the same cells.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SouthSouthShares {
    /// In the estimate.
    pub estimated: f64,
    /// In the published matrix.
    pub published: f64,
    /// The classification used (`key edition` of the stored income groups); an area's
    /// newest classification counts. Areas it does not classify count as not South.
    pub classification: String,
}

/// A cell-by-cell comparison of an estimated remittance matrix with a published one.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RemitComparison {
    /// Corridors compared (union of both matrices' non-zero cells over the receivers
    /// the estimate allocated).
    pub n_cells: usize,
    /// Pearson correlation of the cells.
    pub correlation: f64,
    /// Σ |estimate − published|, US$.
    pub total_abs_deviation: f64,
    /// Σ published over the compared cells, US$.
    pub published_total: f64,
    /// Σ estimate over the compared cells, US$.
    pub estimated_total: f64,
    /// The deviation the weights alone make: each receiver's estimated column rescaled to
    /// its published total, then Σ |rescaled − published| ÷ Σ published, over receivers
    /// with a positive total in both. Revisions of the inflows since the matrix was
    /// published do not count here; they do in `total_abs_deviation`.
    pub weights_deviation_share: f64,
    /// South–South shares, when the store holds World Bank income groups.
    pub south_south: Option<SouthSouthShares>,
}

impl RemitComparison {
    /// Total absolute deviation as a share of the published total (0 = identical).
    pub fn deviation_share(&self) -> f64 {
        self.total_abs_deviation / self.published_total
    }
}

/// A stored flow estimate, as profiles read it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct StoredFlow {
    /// The import holding it.
    pub import_id: i64,
    /// Method name.
    pub method: String,
    /// First year of the period.
    pub period_start: i32,
    /// Last year of the period.
    pub period_end: i32,
    /// Origin (ISO3).
    pub orig: String,
    /// Destination (ISO3).
    pub dest: String,
    /// Persons.
    pub flow: f64,
}

fn fingerprint_of(files: &[(String, Option<String>, Option<i64>)]) -> String {
    let mut parts: Vec<String> = files
        .iter()
        .map(|(name, sha, _)| format!("{name}={};", sha.as_deref().unwrap_or("")))
        .collect();
    parts.sort_unstable();
    ingest::sha256_hex(parts.concat().as_bytes())
}

fn file_text(input: &crate::Input) -> Result<&str, Error> {
    std::str::from_utf8(&input.bytes)
        .map_err(|e| estimate_error(format!("{}: not UTF-8 text: {e}", input.name)))
}

fn area_list(areas: &[Iso3]) -> String {
    areas.iter().map(Iso3::as_str).collect::<Vec<_>>().join(", ")
}

fn estimate_error(message: String) -> Error {
    Error::Estimate { message, remedies: Vec::new() }
}

/// An estimate refused, with the request options that would let it go ahead, in the
/// order the message names them.
fn refused(message: String, remedies: &[Remedy]) -> Error {
    Error::Estimate { message, remedies: remedies.to_vec() }
}

/// A request option that lets a refused estimate go ahead ([`Error::Estimate`]). The
/// message says it in words; a front end names it in its own terms (the CLI: a flag).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Remedy {
    /// Give the stock tables as a table ([`StockSource`]).
    GiveStocks,
    /// Give births and deaths as a table ([`VitalSource`]).
    GiveVital,
    /// Leave out the areas without the data ([`FlowRequest::complete_areas_only`]).
    CompleteAreasOnly,
    /// Take zero births and deaths where the store has none
    /// (`VitalSource::Store { zero_where_missing: true }`).
    ZeroVitalWhereMissing,
    /// Estimate without births and deaths ([`VitalSource::Zero`]).
    NoVital,
    /// Take zero native-born where neither stocks nor population give them
    /// ([`FlowRequest::zero_native_born_where_missing`]).
    ZeroNativeBornWhereMissing,
    /// Drop hosts without income from the weights ([`MissingIncomeRule::DropHost`]).
    DropHostsWithoutIncome,
    /// Leave unallocated the origins that need a missing income
    /// ([`MissingIncomeRule::SkipOrigin`]).
    SkipOriginsWithoutIncome,
}

/// Stored imports by id: (key, edition, fingerprint).
async fn imports_by_id(ws: &Workspace) -> Result<HashMap<i64, InputRef>, Error> {
    Ok(ws
        .store
        .datasets()
        .await?
        .into_iter()
        .map(|r| {
            (
                r.id,
                InputRef {
                    role: String::new(),
                    key: r.key,
                    edition: r.edition,
                    fingerprint: fingerprint_of(&r.files),
                },
            )
        })
        .collect())
}

fn input_of(imports: &HashMap<i64, InputRef>, id: i64, role: &str) -> InputRef {
    let mut r = imports.get(&id).cloned().unwrap_or(InputRef {
        role: String::new(),
        key: format!("import {id}"),
        edition: String::new(),
        fingerprint: String::new(),
    });
    r.role = role.to_owned();
    r
}

/// Values by (area, year).
type AreaYearValues = HashMap<(Iso3, i32), f64>;

/// [`RemitComparison::weights_deviation_share`] of compared cells (`keys` are (sender,
/// receiver), `pairs` (estimate, published)).
fn weights_deviation_share(keys: &[(String, String)], pairs: &[(f64, f64)]) -> f64 {
    let mut totals: HashMap<&str, (f64, f64)> = HashMap::new();
    for ((_, receiver), (e, p)) in keys.iter().zip(pairs) {
        let t = totals.entry(receiver.as_str()).or_default();
        t.0 += e;
        t.1 += p;
    }
    let (mut dev, mut published) = (0.0, 0.0);
    for ((_, receiver), (e, p)) in keys.iter().zip(pairs) {
        let (te, tp) = totals[receiver.as_str()];
        if te > 0.0 && tp > 0.0 {
            dev += (e * tp / te - p).abs();
            published += p;
        }
    }
    dev / published
}

/// Values of one stored series: (import used, (area, year) → value, other imports that
/// had it).
type Series = (i64, AreaYearValues, Vec<i64>);

/// Per-area values of one indicator and years from one stored import (one source for
/// every area, never a mix), chosen by the indicator's rule ([`crate::select`]): the
/// first source in the rule's order that has values for the years, placeholders left
/// out. Returns the values, the import used and the other imports that had values, in
/// the rule's order.
async fn area_series(ws: &Workspace, code: &str, years: &[i32]) -> Result<Option<Series>, Error> {
    area_series_from(ws, code, years, crate::select::rule_of(code), None).await
}

/// As [`area_series`], in the order of `rule`, or from the dataset key `key` when given
/// (an error lists the keys that hold the indicator when it has no values for the years).
async fn area_series_from(
    ws: &Workspace,
    code: &str,
    years: &[i32],
    rule: Option<&crate::select::Rule>,
    key: Option<&str>,
) -> Result<Option<Series>, Error> {
    area_series_by_sex(ws, (code, Sex::Total), years, rule, key).await
}

/// As [`area_series_from`], for one sex.
async fn area_series_by_sex(
    ws: &Workspace,
    (code, sex): (&str, Sex),
    years: &[i32],
    rule: Option<&crate::select::Rule>,
    key: Option<&str>,
) -> Result<Option<Series>, Error> {
    let datasets = ws.store.datasets().await?;
    let ranker = crate::select::Ranker::new(&datasets);
    let values = ws.store.indicator_values(code, sex).await?;
    let mut by_import: BTreeMap<i64, HashMap<(Iso3, i32), f64>> = BTreeMap::new();
    for v in values.into_iter().filter(|v| years.contains(&v.year)) {
        if ranker.placeholder(code, v.import_id, v.value) {
            continue;
        }
        by_import.entry(v.import_id).or_default().insert((v.area, v.year), v.value);
    }
    let mut order: Vec<i64> = by_import.keys().copied().collect();
    order.sort_by_key(|&id| (ranker.rank_by(rule, id, by_import[&id].len()), id));
    let best = match key {
        None => order.first().copied(),
        Some(k) => match order.iter().copied().find(|&id| ranker.key(id) == k) {
            Some(id) => Some(id),
            None => {
                let held: Vec<&str> = order.iter().map(|&id| ranker.key(id)).collect();
                return Err(estimate_error(format!(
                    "the dataset {k} holds no {code} for {}; datasets that do: {}",
                    years.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
                    if held.is_empty() { "none".to_owned() } else { held.join(", ") }
                )));
            }
        },
    };
    Ok(best.map(|id| {
        let others = order.iter().copied().filter(|&o| o != id).collect();
        (id, by_import.remove(&id).unwrap_or_default(), others)
    }))
}

/// The years for which the store holds any value of an indicator (both sexes).
async fn stored_years(ws: &Workspace, code: &str) -> Result<BTreeSet<i32>, Error> {
    Ok(ws.store.indicator_values(code, Sex::Total).await?.into_iter().map(|v| v.year).collect())
}

/// Years as runs: `1990–2019, 2021`, or `none`.
fn year_ranges(years: &BTreeSet<i32>) -> String {
    let mut runs: Vec<(i32, i32)> = Vec::new();
    for &y in years {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == y => *end = y,
            _ => runs.push((y, y)),
        }
    }
    if runs.is_empty() {
        return "none".to_owned();
    }
    runs.iter()
        .map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") })
        .collect::<Vec<_>>()
        .join(", ")
}

struct StockInput {
    /// (orig, dest, year) → persons.
    cells: HashMap<(Iso3, Iso3, i32), f64>,
    inputs: Vec<InputRef>,
    notes: Vec<String>,
    source_file: SourceFile,
}

async fn flow_stocks(ws: &Workspace, req: &FlowRequest) -> Result<StockInput, Error> {
    let years = [req.period_start, req.period_end];
    match &req.stocks {
        StockSource::Csv(input) => {
            let text = file_text(input)?;
            let name = input.file_name();
            let known: Vec<_> =
                ws.store.defined_areas().await?.into_iter().map(|(_, a)| a).collect();
            let values = ingest::formats::read_flow_stocks_csv(&name, text, &known)?;
            let sha = ingest::sha256_hex(&input.bytes);
            let cells: HashMap<_, _> = values
                .iter()
                .filter(|v| years.contains(&v.year.get()))
                .map(|v| ((v.from, v.to, v.year.get()), v.value))
                .collect();
            Ok(StockInput {
                cells,
                inputs: vec![InputRef {
                    role: "stocks".to_owned(),
                    key: "file".to_owned(),
                    edition: input.name.clone(),
                    fingerprint: sha.clone(),
                }],
                notes: vec![format!("stocks from {}", input.name)],
                source_file: SourceFile { name, sha256: sha, bytes: input.bytes.len() as u64 },
            })
        }
        StockSource::Store | StockSource::Dataset(_) => {
            let wanted = match &req.stocks {
                StockSource::Dataset(key) => Some(key.as_str()),
                _ => None,
            };
            let values = ws.store.pair_values(Indicator::MIGRANT_STOCK.code, None, None).await?;
            let mut by_import: BTreeMap<i64, (BTreeSet<i32>, usize)> = BTreeMap::new();
            for v in values.iter().filter(|v| v.sex == Sex::Total) {
                let e = by_import.entry(v.import_id).or_default();
                e.0.insert(v.year);
                if years.contains(&v.year) {
                    e.1 += 1;
                }
            }
            let imports = imports_by_id(ws).await?;
            let candidates: Vec<i64> = by_import
                .iter()
                .filter(|(_, (ys, _))| years.iter().all(|y| ys.contains(y)))
                .filter(|(id, _)| {
                    wanted.is_none_or(|k| imports.get(id).is_some_and(|r| r.key == k))
                })
                .map(|(id, _)| *id)
                .collect();
            // The table the rule for bilateral stocks prefers among those holding both
            // years ([`crate::select`]): official UN DESA tables first, newest edition first.
            let ranker = crate::select::Ranker::new(&ws.store.datasets().await?);
            let code = Indicator::MIGRANT_STOCK.code;
            let Some(&chosen) = candidates.iter().min_by_key(|&&id| (ranker.rank(code, id, 0), id))
            else {
                let held = by_import
                    .iter()
                    .map(|(id, (ys, _))| {
                        let r = input_of(&imports, *id, "");
                        format!(
                            "{} {} has {}",
                            r.key,
                            r.edition,
                            ys.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                        )
                    })
                    .collect::<Vec<_>>();
                return Err(refused(
                    format!(
                        "no stored bilateral migrant stock (both sexes){} has both {} and {}; {}; \
                         import one that does, choose years it has, or give the stocks as a table",
                        wanted.map_or(String::new(), |k| format!(" of the dataset {k}")),
                        req.period_start,
                        req.period_end,
                        if held.is_empty() {
                            "the store holds none".to_owned()
                        } else {
                            format!("the store holds: {}", held.join("; "))
                        }
                    ),
                    &[Remedy::GiveStocks],
                ));
            };
            let cells = values
                .iter()
                .filter(|v| v.import_id == chosen && v.sex == Sex::Total && years.contains(&v.year))
                .map(|v| ((v.from, v.to, v.year), v.value))
                .collect();
            let input = input_of(&imports, chosen, "stocks");
            let mut notes =
                vec![format!("stocks from the store: {} edition {}", input.key, input.edition)];
            for other in candidates.iter().filter(|&&c| c != chosen) {
                let r = input_of(&imports, *other, "");
                notes.push(format!(
                    "not used (ranked lower by the rule for bilateral stocks, docs/data.md): {} edition {}",
                    r.key, r.edition
                ));
            }
            let source_file = SourceFile {
                name: format!("{} {}", input.key, input.edition),
                sha256: input.fingerprint.clone(),
                bytes: 0,
            };
            Ok(StockInput { cells, inputs: vec![input], notes, source_file })
        }
    }
}

/// The births and deaths of a period by area, and what is missing.
struct Vital {
    /// Births and deaths of each area the source has them for.
    by_area: HashMap<Iso3, (f64, f64)>,
    /// Areas of the stock tables without them, in code order.
    missing: Vec<Iso3>,
    /// The error to give when missing areas are neither dropped nor given zero.
    error: String,
    /// The options that would let the estimate go ahead, as the error names them.
    remedies: &'static [Remedy],
    /// The note to add when missing areas are given zero births and deaths.
    zero_note: String,
}

/// Births and deaths of the period by area.
///
/// From the store, five-year totals (`births_5y`, `deaths_5y`, e.g. World Population
/// Prospects' period indicators) are used for a five-year period when the store holds
/// them; otherwise crude rates × population over the period's calendar years.
async fn flow_vital(
    ws: &Workspace,
    req: &FlowRequest,
    areas: &[Iso3],
    inputs: &mut Vec<InputRef>,
    notes: &mut Vec<String>,
) -> Result<Vital, Error> {
    match &req.vital {
        VitalSource::Zero => {
            notes.push("no births or deaths (as asked): all stock change is migration".to_owned());
            let by_area = areas.iter().map(|a| (*a, (0.0, 0.0))).collect();
            Ok(Vital {
                by_area,
                missing: Vec::new(),
                error: String::new(),
                remedies: &[],
                zero_note: String::new(),
            })
        }
        VitalSource::Csv(input) => csv_vital(ws, req, input, areas, inputs, notes).await,
        VitalSource::Store { .. } => {
            if req.period_end - req.period_start == 5
                && let Some(v) = period_vital(ws, req, areas, inputs, notes).await?
            {
                return Ok(v);
            }
            crude_vital(ws, req, areas, inputs, notes).await
        }
    }
}

/// Births and deaths from a CSV file `area,period_start,period_end,births,deaths`.
async fn csv_vital(
    ws: &Workspace,
    req: &FlowRequest,
    input: &crate::Input,
    areas: &[Iso3],
    inputs: &mut Vec<InputRef>,
    notes: &mut Vec<String>,
) -> Result<Vital, Error> {
    let text = file_text(input)?;
    let known: Vec<_> = ws.store.defined_areas().await?.into_iter().map(|(_, a)| a).collect();
    let rows = ingest::formats::read_vital_csv(&input.file_name(), text, &known)?;
    let by_area: HashMap<Iso3, (f64, f64)> = rows
        .iter()
        .filter(|r| {
            r.period_start.get() == req.period_start && r.period_end.get() == req.period_end
        })
        .map(|r| (r.area, (r.births, r.deaths)))
        .collect();
    let missing: Vec<Iso3> = areas.iter().copied().filter(|a| !by_area.contains_key(a)).collect();
    let error = format!(
        "{}: no births and deaths for {}–{} for {} of the {} areas in the stock tables: {}",
        input.name,
        req.period_start,
        req.period_end,
        missing.len(),
        areas.len(),
        area_list(&missing)
    );
    inputs.push(InputRef {
        role: "births and deaths".to_owned(),
        key: "file".to_owned(),
        edition: input.name.clone(),
        fingerprint: ingest::sha256_hex(&input.bytes),
    });
    notes.push(format!("births and deaths from {}", input.name));
    Ok(Vital { by_area, missing, error, remedies: &[], zero_note: String::new() })
}

/// Five-year totals of births and deaths from the store, when it holds them for the
/// period (stored at its first year); `None` when it holds none.
async fn period_vital(
    ws: &Workspace,
    req: &FlowRequest,
    areas: &[Iso3],
    inputs: &mut Vec<InputRef>,
    notes: &mut Vec<String>,
) -> Result<Option<Vital>, Error> {
    let (y0, y1) = (req.period_start, req.period_end);
    let Some(births) = area_series(ws, BIRTHS_5Y_CODE, &[y0]).await? else { return Ok(None) };
    let Some(deaths) = area_series(ws, DEATHS_5Y_CODE, &[y0]).await? else { return Ok(None) };
    let mut by_area = HashMap::new();
    let mut missing = Vec::new();
    for &a in areas {
        match (births.1.get(&(a, y0)), deaths.1.get(&(a, y0))) {
            (Some(b), Some(d)) => {
                by_area.insert(a, (*b, *d));
            }
            _ => missing.push(a),
        }
    }
    let imports = imports_by_id(ws).await?;
    for (role, s) in [("births over the period", &births), ("deaths over the period", &deaths)] {
        let used = input_of(&imports, s.0, role);
        notes.push(format!(
            "{role} {y0}–{y1} from the store: {} edition {} (five-year totals, 1 July {y0} to \
             30 June {y1})",
            used.key, used.edition
        ));
        inputs.push(used);
    }
    let error = format!(
        "{} needs births and deaths for {y0}–{y1}; the store's five-year totals ({} edition {}) \
         have none for {} area(s): {}; drop those areas (as Abel & Cohen did), accept zero \
         births and deaths for them, or give them as a table",
        req.method,
        input_of(&imports, births.0, "").key,
        input_of(&imports, births.0, "").edition,
        missing.len(),
        area_list(&missing)
    );
    let zero_note = format!(
        "ZERO births and deaths (as asked, where missing) for {} area(s) without five-year \
         totals: {}",
        missing.len(),
        area_list(&missing)
    );
    let remedies = &[Remedy::CompleteAreasOnly, Remedy::ZeroVitalWhereMissing, Remedy::GiveVital];
    Ok(Some(Vital { by_area, missing, error, remedies, zero_note }))
}

/// Births and deaths as crude rates × population over the period's calendar years.
async fn crude_vital(
    ws: &Workspace,
    req: &FlowRequest,
    areas: &[Iso3],
    inputs: &mut Vec<InputRef>,
    notes: &mut Vec<String>,
) -> Result<Vital, Error> {
    let n = areas.len();
    let weights = vital_year_weights(req.period_start, req.period_end);
    let years: Vec<i32> = weights.iter().map(|(y, _)| *y).collect();
    let cbr = area_series(ws, BIRTH_RATE_CODE, &years).await?;
    let cdr = area_series(ws, DEATH_RATE_CODE, &years).await?;
    let pop = area_series(ws, Indicator::POPULATION.code, &years).await?;
    let empty = HashMap::new();
    let get = |s: &Option<Series>| s.as_ref().map_or(&empty, |(_, m, _)| m).clone();
    let (cbr_m, cdr_m, pop_m) = (get(&cbr), get(&cdr), get(&pop));
    // What is missing, by series: the areas and, for each, the years.
    let mut missing: BTreeMap<&str, Vec<(Iso3, Vec<i32>)>> = BTreeMap::new();
    let mut incomplete: BTreeSet<Iso3> = BTreeSet::new();
    let (mut births, mut deaths) = (vec![0.0; n], vec![0.0; n]);
    for (k, &area) in areas.iter().enumerate() {
        for (what, m) in [
            ("crude birth rate (WDI SP.DYN.CBRT.IN)", &cbr_m),
            ("crude death rate (WDI SP.DYN.CDRT.IN)", &cdr_m),
            ("population (WDI SP.POP.TOTL)", &pop_m),
        ] {
            let absent: Vec<i32> =
                years.iter().copied().filter(|y| !m.contains_key(&(area, *y))).collect();
            if !absent.is_empty() {
                missing.entry(what).or_default().push((area, absent));
                incomplete.insert(area);
            }
        }
        if incomplete.contains(&area) {
            continue;
        }
        for &(y, w) in &weights {
            let p = pop_m[&(area, y)];
            births[k] += w * cbr_m[&(area, y)] / 1000.0 * p;
            deaths[k] += w * cdr_m[&(area, y)] / 1000.0 * p;
        }
    }
    let describe = |missing: &BTreeMap<&str, Vec<(Iso3, Vec<i32>)>>| -> Vec<String> {
        missing
            .iter()
            .map(|(what, list)| {
                let areas: Vec<String> = list
                    .iter()
                    .map(|(a, ys)| {
                        if ys.len() == years.len() {
                            a.as_str().to_owned()
                        } else {
                            let ys: Vec<String> = ys.iter().map(ToString::to_string).collect();
                            format!("{} ({})", a.as_str(), ys.join(", "))
                        }
                    })
                    .collect();
                format!("{what} missing for {} area(s): {}", list.len(), areas.join(", "))
            })
            .collect()
    };
    let mut held = Vec::new();
    if !missing.is_empty() {
        for (what, code) in
            [("crude birth rate", BIRTH_RATE_CODE), ("crude death rate", DEATH_RATE_CODE)]
        {
            let years = stored_years(ws, code).await?;
            held.push(format!("{what} {}", year_ranges(&years)));
        }
    }
    let error = format!(
        "{} needs births and deaths for {}–{} (crude rates × population of each \
             year {}–{}); from the store: {}; import the WDI series \
             (docs/flows.md), give them as a table (docs/input-formats.md), \
             drop these areas, accept zero births and deaths for them, or estimate \
             without births and deaths (years the store holds: {})",
        req.method,
        req.period_start,
        req.period_end,
        req.period_start,
        req.period_end,
        describe(&missing).join("; "),
        held.join("; ")
    );
    let imports = imports_by_id(ws).await?;
    for (role, s) in [("crude birth rate", &cbr), ("crude death rate", &cdr), ("population", &pop)]
    {
        if let Some((id, _, others)) = s {
            let used = input_of(&imports, *id, role);
            notes.push(format!("{role} from the store: {} edition {}", used.key, used.edition));
            for other in others {
                let r = input_of(&imports, *other, "");
                notes.push(format!(
                    "not used for the {role} (fewer area-years): {} edition {}",
                    r.key, r.edition
                ));
            }
            inputs.push(used);
        }
    }
    notes.push(format!(
        "births and deaths = Σ over years {}–{} of weight × crude rate ÷ 1,000 × \
         population, weight ½ for {} and {} (mid-year to mid-year); world {:.0} \
         births, {:.0} deaths",
        req.period_start,
        req.period_end,
        req.period_start,
        req.period_end,
        births.iter().sum::<f64>(),
        deaths.iter().sum::<f64>()
    ));
    let list: Vec<Iso3> = incomplete.into_iter().collect();
    let zero_note = format!(
        "ZERO births and deaths (as asked, where missing) for {} area(s): {}; {}",
        list.len(),
        area_list(&list),
        describe(&missing).join("; ")
    );
    let by_area = areas
        .iter()
        .enumerate()
        .filter(|(_, a)| !list.contains(a))
        .map(|(k, a)| (*a, (births[k], deaths[k])))
        .collect();
    let remedies = &[
        Remedy::GiveVital,
        Remedy::CompleteAreasOnly,
        Remedy::ZeroVitalWhereMissing,
        Remedy::NoVital,
    ];
    Ok(Vital { by_area, missing: list, error, remedies, zero_note })
}

impl Workspace {
    /// Estimates bilateral migration flows over one period (see [`FlowRequest`]).
    ///
    /// The areas are every area named in either stock table, in code order. The
    /// diagonal (native-born living at home) is taken from the stocks when given;
    /// otherwise it is population − immigrants, from the stored population (WDI
    /// `SP.POP.TOTL`) of each year. A negative result is passed on to the negative
    /// native-born guard of demographic accounting (reported), or set to zero for the
    /// other methods (reported). Without population the diagonal is zero for stock
    /// differencing and migration rates (reported) and an error for demographic
    /// accounting.
    ///
    /// # Errors
    /// [`Error::UnknownMethod`], [`Error::Estimate`] for missing inputs (naming them and
    /// the areas), [`Error::Import`] for a bad CSV (file, row, column),
    /// or if the estimator rejects its inputs, [`Error::Store`].
    pub async fn estimate_flows(&self, req: &FlowRequest) -> Result<FlowEstimate, Error> {
        let method = Method::from_name(&req.method).ok_or_else(|| Error::UnknownMethod {
            name: req.method.clone(),
            known: flow_method_names().join(", "),
        })?;
        if req.period_end <= req.period_start {
            return Err(estimate_error(format!(
                "the period must end after it starts (from {} to {} was asked)",
                req.period_start, req.period_end
            )));
        }
        let demographic =
            matches!(method, Method::DaMinOpen | Method::DaMinClosed | Method::DaPbClosed);
        let rate_total =
            method == Method::MigRate && !matches!(req.flow_total, FlowTotal::Given(_));
        let mut stocks = flow_stocks(self, req).await?;
        let mut notes = std::mem::take(&mut stocks.notes);
        let mut inputs = std::mem::take(&mut stocks.inputs);
        let (y0, y1) = (req.period_start, req.period_end);
        let mut areas: Vec<Iso3> = stocks
            .cells
            .keys()
            .flat_map(|(o, d, _)| [*o, *d])
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if areas.is_empty() {
            return Err(estimate_error(format!(
                "the stock tables hold no values for {y0} or {y1}"
            )));
        }
        for y in [y0, y1] {
            if !stocks.cells.keys().any(|k| k.2 == y) {
                return Err(estimate_error(format!("the stocks hold no values for {y}")));
            }
        }
        // The native-born diagonal: given in the stocks, or population − immigrants.
        let given: HashSet<(Iso3, i32)> =
            stocks.cells.keys().filter(|(o, d, _)| o == d).map(|(o, _, y)| (*o, *y)).collect();
        let need: Vec<Iso3> = areas
            .iter()
            .copied()
            .filter(|a| !given.contains(&(*a, y0)) || !given.contains(&(*a, y1)))
            .collect();
        let pop = if need.is_empty() {
            None
        } else {
            population_series(self, req, &[y0, y1], &mut notes).await?
        };
        let no_population: Vec<Iso3> = need
            .iter()
            .copied()
            .filter(|a| {
                pop.as_ref().is_none_or(|(_, m, _)| {
                    !m.contains_key(&(*a, y0)) || !m.contains_key(&(*a, y1))
                })
            })
            .collect();
        let mut vital = if demographic || (rate_total && req.flow_total == FlowTotal::NetMigration)
        {
            Some(flow_vital(self, req, &areas, &mut inputs, &mut notes).await?)
        } else {
            None
        };
        if req.complete_areas_only {
            let mut drop: BTreeSet<Iso3> = no_population.iter().copied().collect();
            if let Some(v) = &vital {
                drop.extend(v.missing.iter().copied());
            }
            if !drop.is_empty() {
                let drop: Vec<Iso3> = drop.into_iter().collect();
                notes.push(format!(
                    "left out (as asked: complete areas only), with their stocks, for want of \
                     population or births and deaths: {} area(s): {}",
                    drop.len(),
                    area_list(&drop)
                ));
                areas.retain(|a| !drop.contains(a));
            }
        } else {
            if !no_population.is_empty()
                && (demographic || rate_total)
                && !req.zero_native_born_where_missing
            {
                return Err(refused(
                    format!(
                        "{} needs the native-born population of every area (the stock tables' diagonal): \
                         it is not in the stocks and the store has no population for both \
                         {y0} and {y1} for {} area(s): {}; import population, or give the diagonal \
                         (orig = dest rows) in the stocks table, drop these areas, or accept zero \
                         native-born there",
                        req.method,
                        no_population.len(),
                        area_list(&no_population)
                    ),
                    &[
                        Remedy::GiveStocks,
                        Remedy::CompleteAreasOnly,
                        Remedy::ZeroNativeBornWhereMissing,
                    ],
                ));
            }
            if let Some(v) = &mut vital
                && !v.missing.is_empty()
            {
                if !matches!(req.vital, VitalSource::Store { zero_where_missing: true }) {
                    return Err(refused(std::mem::take(&mut v.error), v.remedies));
                }
                notes.push(std::mem::take(&mut v.zero_note));
            }
        }
        let n = areas.len();
        notes.push(format!("{n} areas; periods {y0}–{y1}"));
        let (mut s0, mut s1) = stock_tables(&stocks.cells, &areas, (y0, y1));
        if let Some((id, m, _)) = &pop {
            let used = input_of(&imports_by_id(self).await?, *id, "population");
            notes.push(format!(
                "population from the store: {} edition {}{}",
                used.key,
                used.edition,
                if req.population.is_some() { " (as asked)" } else { " (population rule)" }
            ));
            inputs.push(used);
            fill_native_born(
                (&mut s0, &mut s1),
                (&areas, &given),
                (m, (y0, y1)),
                demographic,
                &mut notes,
            );
        }
        let missing_population: Vec<Iso3> =
            no_population.iter().copied().filter(|a| areas.contains(a)).collect();
        if !missing_population.is_empty() {
            notes.push(format!(
                "native-born diagonal left at zero (no population for {y0} and {y1}) for {} area(s): {}",
                missing_population.len(),
                area_list(&missing_population)
            ));
        }
        let pinned =
            if demographic { no_immigrants(&s0, &s1, &areas, (y0, y1)) } else { Vec::new() };
        if !pinned.is_empty() {
            notes.push(format!(
                "no immigrants recorded (every origin missing or zero), so all residents \
                 count as native-born, for {} area-year(s): {}",
                pinned.len(),
                pinned.join(", ")
            ));
        }
        let (births, deaths): (Vec<f64>, Vec<f64>) = match &vital {
            Some(v) => {
                areas.iter().map(|a| v.by_area.get(a).copied().unwrap_or((0.0, 0.0))).unzip()
            }
            None => (vec![0.0; n], vec![0.0; n]),
        };
        if method == Method::MigRate {
            notes.push(describe_flow_total(req.flow_total));
        }
        let options = FlowOptions {
            rates: flows::RatesOptions { flow_total: req.flow_total, ..Default::default() },
            ..FlowOptions::default()
        };
        // The fit (an iterative allocation for the demographic methods) runs on a
        // blocking thread, with the tables moved there.
        let est = crate::off_executor("the flow estimate", move || {
            let input = Stocks {
                stock_start: s0.as_ref(),
                stock_end: s1.as_ref(),
                births: &births,
                deaths: &deaths,
            };
            flows::flows_from_stocks(method, &input, &options)
        })
        .await?
        .map_err(|e| {
            estimate_error(format!("{}: the estimator rejected its inputs: {e}", req.method))
        })?;
        let mut fit = None;
        let mut not_converged = Vec::new();
        if let Some(demo) = &est.demo {
            let c = demo.convergence;
            fit = Some(FitReport {
                iterations: c.iterations,
                max_margin_error: c.max_margin_error,
                converged: c.converged,
            });
            notes.extend(demo.diagnostics.iter().map(|d| describe_diagnostic(d, &areas)));
            for d in &demo.diagnostics {
                if let Diagnostic::NotConverged { step, convergence } = d {
                    not_converged.push(format!(
                        "{step} ({} sweeps, margin error {:.3e} persons)",
                        convergence.iterations, convergence.max_margin_error
                    ));
                }
            }
            if !not_converged.is_empty() && !pinned.is_empty() {
                notes.push(format!(
                    "a closed-world rescale keeps each area's residents and moves each \
                     birthplace's total half-way between the two tables; it cannot do so for \
                     a birthplace whose home area has no immigrants recorded (its residents \
                     are all native-born, so that cell is fixed) when the half-way total is \
                     below its native-born: see docs/flows.md, \"When the closed world \
                     cannot be balanced\" (areas with no immigrants: {})",
                    pinned.join(", ")
                ));
            }
        }
        let mut negative_flows = 0;
        let mut rows = Vec::new();
        for i in 0..n {
            for j in 0..n {
                let v = est.od[(i, j)];
                if i != j && v != 0.0 {
                    if v < 0.0 {
                        negative_flows += 1;
                    }
                    rows.push(FlowRow {
                        orig: areas[i].as_str().to_owned(),
                        dest: areas[j].as_str().to_owned(),
                        flow: v,
                    });
                }
            }
        }
        if negative_flows > 0 {
            notes.push(format!("{negative_flows} negative flows (the method allows them)"));
        }
        let mut out = FlowEstimate {
            method: req.method.clone(),
            period_start: y0,
            period_end: y1,
            n_areas: n,
            flows: rows,
            total: est.total,
            inputs,
            fit,
            not_converged,
            notes,
            stored: None,
        };
        if req.store_result {
            let vital = match &req.vital {
                VitalSource::Store { zero_where_missing: false } => {
                    "births and deaths from the store"
                }
                VitalSource::Store { zero_where_missing: true } => {
                    "births and deaths from the store, zero where missing"
                }
                VitalSource::Csv(_) => "births and deaths from a file",
                VitalSource::Zero => "no births or deaths",
            };
            let edition = format!(
                "{} {y0}-{y1}, {}{}",
                req.method,
                out.inputs[0].key,
                if demographic { format!(", {vital}") } else { String::new() }
            );
            let end_year = Year::new(i64::from(y1)).map_err(|e| estimate_error(e.to_string()))?;
            let pairs = out
                .flows
                .iter()
                .map(|r| PairValue {
                    indicator: FLOW_INDICATOR,
                    from: Iso3::parse(&r.orig).unwrap_or(areas[0]),
                    to: Iso3::parse(&r.dest).unwrap_or(areas[0]),
                    year: end_year,
                    sex: Sex::Total,
                    value: r.flow,
                    provenance: Provenance {
                        file: stocks.source_file.name.clone(),
                        sheet: None,
                        row: None,
                        column: Some(format!("{} {y0}-{y1}", req.method)),
                    },
                })
                .collect();
            let key = format!("{FLOWS_KEY}.{}.{y0}-{y1}", req.method);
            let title = format!(
                "Bilateral migration flows {y0}–{y1}, estimated from stocks ({})",
                req.method
            );
            out.stored = Some(
                self.store_derived(key, title, edition, &req.command, &out.inputs, pairs).await?,
            );
        }
        Ok(out)
    }

    /// Estimates the bilateral remittance matrix of one year (see [`RemitRequest`]).
    ///
    /// Inputs from the store: the bilateral migrant stock of the year or of
    /// [`RemitRequest::stock_year`] (the import with the most pairs; which one is noted),
    /// remittances received (the import with the most areas for the year), and GDP per
    /// capita of the year in the chosen series. Residual
    /// areas ("Other North", "Other South") are never stored by the importers, so their
    /// emigrants are not in the stock matrix and every inflow is allocated over
    /// identified hosts; this is noted in the result.
    ///
    /// # Errors
    /// [`Error::Estimate`] if an input is missing altogether or (under
    /// [`MissingIncomeRule::Fail`]) incomes are missing (listing the areas),
    /// or if the allocation rejects its inputs, [`Error::Store`].
    pub async fn estimate_remittances(&self, req: &RemitRequest) -> Result<RemitEstimate, Error> {
        let year = req.year;
        let stock_year = req.stock_year.unwrap_or(year);
        let imports = imports_by_id(self).await?;
        let mut notes = Vec::new();
        let mut inputs = Vec::new();
        // Stocks.
        let values = self.store.pair_values(Indicator::MIGRANT_STOCK.code, None, None).await?;
        let mut by_import: BTreeMap<i64, usize> = BTreeMap::new();
        for v in values.iter().filter(|v| v.year == stock_year && v.sex == Sex::Total) {
            *by_import.entry(v.import_id).or_default() += 1;
        }
        let Some((&stock_id, _)) = by_import.iter().max_by_key(|(_, c)| **c) else {
            return Err(estimate_error(format!(
                "the store holds no bilateral migrant stock (both sexes) for {stock_year}; import a \
                 bilateral migration matrix of that year (e.g. the World Bank's) or choose another \
                 stock year"
            )));
        };
        let stock_ref = input_of(&imports, stock_id, "migrant stocks");
        notes.push(format!(
            "migrant stocks: {} edition {}{}",
            stock_ref.key,
            stock_ref.edition,
            if stock_year == year {
                String::new()
            } else {
                format!(" (stocks of {stock_year} with inflows and incomes of {year})")
            }
        ));
        inputs.push(stock_ref);
        let cells: Vec<(Iso3, Iso3, f64)> = values
            .iter()
            .filter(|v| {
                v.import_id == stock_id
                    && v.year == stock_year
                    && v.sex == Sex::Total
                    && v.from != v.to
            })
            .map(|v| (v.from, v.to, v.value))
            .collect();
        // Inflows and incomes.
        let code = Indicator::REMITTANCES_RECEIVED_USD.code;
        let rule = crate::select::rule_of(code);
        let inflows = area_series_from(self, code, &[year], rule, req.inflows.as_deref())
            .await?
            .ok_or_else(|| {
            estimate_error(format!(
                "the store holds no remittances received for {year}; import KNOMAD inflows or WDI \
                     BX.TRF.PWKR.CD.DT"
            ))
        })?;
        let r = input_of(&imports, inflows.0, "remittance inflows");
        let why = match (&req.inflows, rule) {
            (Some(_), _) => "as asked".to_owned(),
            (None, Some(rule)) => format!("by the rule {}: {}", rule.name, rule.why),
            (None, None) => "the newest edition".to_owned(),
        };
        notes.push(format!(
            "inflows: {} edition {} ({} areas), chosen {why}",
            r.key,
            r.edition,
            inflows.1.len()
        ));
        for other in &inflows.2 {
            let o = input_of(&imports, *other, "");
            notes.push(format!(
                "not used: {} edition {} (choose it with the inflows option)",
                o.key, o.edition
            ));
        }
        inputs.push(r);
        let needs_income = req.variant != RemitVariant::Stock;
        let incomes = if needs_income {
            let ind = req.income.indicator();
            let s = area_series(self, ind.code, &[year]).await?.ok_or_else(|| {
                estimate_error(format!(
                    "the store holds no {} for {year}; import WDI {}",
                    ind.title,
                    ind.wdi_code.unwrap_or(ind.code)
                ))
            })?;
            let r = input_of(&imports, s.0, "incomes");
            notes.push(format!("incomes ({}): {} edition {}", ind.title, r.key, r.edition));
            inputs.push(r);
            s.1
        } else {
            HashMap::new()
        };
        let areas: Vec<Iso3> = cells
            .iter()
            .flat_map(|(o, d, _)| [*o, *d])
            .chain(inflows.1.keys().map(|(a, _)| *a))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let n = areas.len();
        let index: HashMap<Iso3, usize> = areas.iter().enumerate().map(|(i, a)| (*a, i)).collect();
        let mut stock = Mat::<f64>::zeros(n, n);
        for &(o, d, v) in &cells {
            stock[(index[&o], index[&d])] = v;
        }
        let inflow: Vec<Option<f64>> =
            areas.iter().map(|a| inflows.1.get(&(*a, year)).copied()).collect();
        let income: Vec<Option<f64>> =
            areas.iter().map(|a| incomes.get(&(*a, year)).copied()).collect();
        let has_emigrants: Vec<bool> =
            (0..n).map(|i| (0..n).any(|j| j != i && stock[(i, j)] > 0.0)).collect();
        let is_host: Vec<bool> =
            (0..n).map(|j| (0..n).any(|i| i != j && stock[(i, j)] > 0.0)).collect();
        let missing_inflows: Vec<String> = (0..n)
            .filter(|&i| has_emigrants[i] && inflow[i].is_none())
            .map(|i| areas[i].as_str().to_owned())
            .collect();
        if !missing_inflows.is_empty() {
            notes.push(format!(
                "no remittance inflow for {year} for {} area(s) with emigrants (left out, not zero): {}",
                missing_inflows.len(),
                missing_inflows.join(", ")
            ));
        }
        let missing_incomes: Vec<String> = if needs_income {
            (0..n)
                .filter(|&i| income[i].is_none())
                .filter(|&i| {
                    is_host[i]
                        || (req.variant == RemitVariant::IncomeDifference
                            && has_emigrants[i]
                            && inflow[i].is_some())
                })
                .map(|i| areas[i].as_str().to_owned())
                .collect()
        } else {
            Vec::new()
        };
        if !missing_incomes.is_empty() {
            let list = format!(
                "{} for {year} missing for {} area(s) the weights need: {}",
                req.income.indicator().title,
                missing_incomes.len(),
                missing_incomes.join(", ")
            );
            if req.missing_income == MissingIncomeRule::Fail {
                return Err(refused(
                    format!(
                        "{list}; import them, drop the hosts without income from the weights, \
                         or leave unallocated the origins that need them"
                    ),
                    &[Remedy::DropHostsWithoutIncome, Remedy::SkipOriginsWithoutIncome],
                ));
            }
            notes.push(list);
        }
        // Zero corridors.
        let mut corridor_codes: Vec<(String, String)> = Vec::new();
        if req.default_zero_corridors {
            corridor_codes.extend(
                DEFAULT_ZERO_CORRIDORS.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())),
            );
        }
        corridor_codes.extend(req.zero_corridors.iter().cloned());
        let mut zero = Vec::new();
        let mut corridor_text = Vec::new();
        for (a, b) in &corridor_codes {
            let parse = |s: &str| {
                Iso3::parse(&s.trim().to_ascii_uppercase())
                    .ok()
                    .filter(|c| real_area(*c).is_some() || index.contains_key(c))
                    .ok_or_else(|| {
                        estimate_error(format!(
                            "zero corridor {a}:{b}: {s:?} is not an ISO alpha-3 code"
                        ))
                    })
            };
            let (ca, cb) = (parse(a)?, parse(b)?);
            corridor_text.push(format!("{ca}–{cb}"));
            if let (Some(&i), Some(&j)) = (index.get(&ca), index.get(&cb)) {
                zero.push((i, j));
                zero.push((j, i));
            }
        }
        notes.push(if corridor_text.is_empty() {
            "no zero corridors".to_owned()
        } else {
            format!("zero corridors (both ways): {}", corridor_text.join(", "))
        });
        notes.push(
            "Other North / Other South: not in the store (importers drop residual areas), so \
             emigrants in unidentified hosts are not in the matrix and each inflow is allocated \
             over identified hosts only"
                .to_owned(),
        );
        let weighting = match req.variant {
            RemitVariant::Stock => Weighting::MigrantStock,
            RemitVariant::HostIncome => Weighting::HostIncome,
            RemitVariant::IncomeDifference => {
                notes.push(format!("income term: {}", req.floor.name()));
                Weighting::IncomeDifference { floor: req.floor.income_floor() }
            }
        };
        let options = RemitOptions {
            weighting,
            missing_income: match req.missing_income {
                MissingIncomeRule::Fail | MissingIncomeRule::DropHost => MissingIncome::DropHost,
                MissingIncomeRule::SkipOrigin => MissingIncome::SkipOrigin,
            },
            ..RemitOptions::default()
        };
        // The allocation runs on a blocking thread, with its inputs moved there (the
        // inflows come back: the report names them).
        let (matrix, inflow) = crate::off_executor("the remittance matrix", move || {
            let input = RemitInput {
                stock: stock.as_ref(),
                inflows: &inflow,
                income: &income,
                zero_corridors: &zero,
                other_areas: &[],
            };
            let matrix = remit::allocate(&input, &options);
            (matrix, inflow)
        })
        .await?;
        let matrix = matrix.map_err(|e| {
            estimate_error(format!("remittance matrix: the allocation rejected its inputs: {e}"))
        })?;
        let mut unallocatable = Vec::new();
        let mut skipped = Vec::new();
        let mut allocated_inflows = BTreeMap::new();
        for (i, s) in matrix.status.iter().enumerate() {
            match s {
                OriginStatus::Allocated => {
                    if let Some(v) = inflow[i] {
                        allocated_inflows.insert(areas[i].as_str().to_owned(), v);
                    }
                }
                OriginStatus::Unallocatable { inflow } => {
                    unallocatable.push(format!("{} (US${:.1}m)", areas[i], inflow / 1e6));
                }
                OriginStatus::MissingIncome { area } => {
                    skipped.push(format!("{} (income of {})", areas[i], areas[*area]));
                }
                OriginStatus::MissingInflow | OriginStatus::OtherArea => {}
            }
        }
        if !unallocatable.is_empty() {
            notes.push(format!(
                "inflow but no host with positive weight, left unallocated for {} area(s): {}",
                unallocatable.len(),
                unallocatable.join(", ")
            ));
        }
        if !skipped.is_empty() {
            notes.push(format!("not allocated for want of an income: {}", skipped.join(", ")));
        }
        let dropped = matrix
            .diagnostics
            .iter()
            .filter(|d| matches!(d, RemitDiagnostic::HostDropped { .. }))
            .count();
        if dropped > 0 {
            notes.push(format!(
                "{dropped} host(s) without income dropped from receivers' denominators"
            ));
        }
        let mut rows = Vec::new();
        for j in 0..n {
            for i in 0..n {
                let v = matrix.sent[(j, i)];
                if matrix.status[i] == OriginStatus::Allocated && v != 0.0 && v.is_finite() {
                    rows.push(RemitRow {
                        sender: areas[j].as_str().to_owned(),
                        receiver: areas[i].as_str().to_owned(),
                        usd_millions: v / 1e6,
                    });
                }
            }
        }
        let mut out = RemitEstimate {
            year,
            variant: req.variant,
            income: req.income,
            rows,
            allocated_inflows,
            missing_inflows,
            unallocatable,
            missing_incomes,
            inputs,
            notes,
            stored: None,
        };
        if req.store_result {
            let income_name = if needs_income { req.income.name() } else { "none" };
            let key = format!("{REMITTANCES_KEY}.{}.{income_name}.{year}", req.variant.name());
            let floor = match req.variant {
                RemitVariant::IncomeDifference => format!(", floor {}", req.floor.name()),
                _ => String::new(),
            };
            let stocks = if stock_year == year {
                String::new()
            } else {
                format!(", stocks of {stock_year}")
            };
            let edition = format!(
                "{year}, {} weights, income {income_name}{floor}{stocks}, {}",
                req.variant.name(),
                if corridor_text.is_empty() {
                    "no zero corridors".to_owned()
                } else {
                    format!("zero corridors {}", corridor_text.join(" "))
                }
            );
            let file = format!("{} {}", out.inputs[0].key, out.inputs[0].edition);
            let y = Year::new(i64::from(year)).map_err(|e| estimate_error(e.to_string()))?;
            let pairs = out
                .rows
                .iter()
                .filter_map(|r| {
                    Some(PairValue {
                        indicator: REMITTANCE_INDICATOR,
                        from: Iso3::parse(&r.sender).ok()?,
                        to: Iso3::parse(&r.receiver).ok()?,
                        year: y,
                        sex: Sex::Total,
                        value: r.usd_millions * 1e6,
                        provenance: Provenance {
                            file: file.clone(),
                            sheet: None,
                            row: None,
                            column: Some(req.variant.name().to_owned()),
                        },
                    })
                })
                .collect();
            let title = format!(
                "Bilateral remittances {year}, estimated by allocating inflows ({} weights)",
                req.variant.name()
            );
            out.stored = Some(
                self.store_derived(key, title, edition, &req.command, &out.inputs, pairs).await?,
            );
        }
        Ok(out)
    }

    /// The published bilateral remittance matrix of `year`: the default edition's when it
    /// holds the year, else the newest other edition that does (the World Bank's
    /// matrices of different years are stored as editions of one dataset, so the 2017
    /// matrix is not the default once the 2018 one is loaded).
    async fn published_matrix(&self, year: i32) -> Result<Vec<store::StoredPairValue>, Error> {
        let code = Indicator::BILATERAL_REMITTANCES_USD.code;
        let of_year = |rows: Vec<store::StoredPairValue>| -> Vec<store::StoredPairValue> {
            rows.into_iter().filter(|p| p.year == year).collect()
        };
        let default = of_year(self.store.pair_values(code, None, None).await?);
        if !default.is_empty() {
            return Ok(default);
        }
        let mut others: Vec<store::DatasetRecord> = self
            .store
            .datasets()
            .await?
            .into_iter()
            .filter(|d| !d.is_default && d.rows[2] > 0)
            .collect();
        others.sort_by(|a, b| (&b.edition_order, &b.edition).cmp(&(&a.edition_order, &a.edition)));
        for d in others {
            let rows: Vec<store::StoredPairValue> =
                of_year(self.store.pinned(&[d.id]).pair_values(code, None, None).await?)
                    .into_iter()
                    .filter(|p| p.import_id == d.id)
                    .collect();
            if !rows.is_empty() {
                return Ok(rows);
            }
        }
        Ok(Vec::new())
    }

    /// Compares an estimated remittance matrix cell by cell with the published matrix of
    /// its year in the store (`bilateral_remittances_usd`), over the receivers the
    /// estimate allocated. `None` if no published matrix of that year is stored.
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read.
    pub async fn compare_remittances(
        &self,
        est: &RemitEstimate,
    ) -> Result<Option<RemitComparison>, Error> {
        let published = self.published_matrix(est.year).await?;
        let mut cells: HashMap<(String, String), (f64, f64)> = HashMap::new();
        let mut any = false;
        for p in published.iter().filter(|p| p.year == est.year && p.from != p.to) {
            any = true;
            if est.allocated_inflows.contains_key(p.to.as_str()) {
                cells
                    .entry((p.from.as_str().to_owned(), p.to.as_str().to_owned()))
                    .or_default()
                    .1 += p.value;
            }
        }
        if !any {
            return Ok(None);
        }
        for r in &est.rows {
            cells.entry((r.sender.clone(), r.receiver.clone())).or_default().0 +=
                r.usd_millions * 1e6;
        }
        let mut keys: Vec<_> = cells.keys().cloned().collect();
        keys.sort_unstable();
        let pairs: Vec<(f64, f64)> = keys.iter().map(|k| cells[k]).collect();
        let south_south = self.south_south_shares(&keys, &pairs).await?;
        let weights_deviation_share = weights_deviation_share(&keys, &pairs);
        let n = pairs.len() as f64;
        let (sx, sy) = pairs.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
        let (mx, my) = (sx / n, sy / n);
        let (mut sxy, mut sxx, mut syy, mut dev) = (0.0, 0.0, 0.0, 0.0);
        for (x, y) in &pairs {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
            syy += (y - my) * (y - my);
            dev += (x - y).abs();
        }
        Ok(Some(RemitComparison {
            n_cells: pairs.len(),
            correlation: sxy / (sxx * syy).sqrt(),
            total_abs_deviation: dev,
            published_total: sy,
            estimated_total: sx,
            weights_deviation_share,
            south_south,
        }))
    }

    /// South–South shares of compared cells (`keys` are (sender, receiver) ISO3 codes,
    /// `pairs` (estimate, published) amounts), from the stored World Bank income groups:
    /// low and middle income (codes 1–3) is South. `None` without a classification.
    async fn south_south_shares(
        &self,
        keys: &[(String, String)],
        pairs: &[(f64, f64)],
    ) -> Result<Option<SouthSouthShares>, Error> {
        let groups = self.store.indicator_numbers(Indicator::INCOME_GROUP.code, Sex::Total).await?;
        // Rows come ordered by area and year: the last one of an area is its newest.
        let mut newest: HashMap<String, (i64, f64)> = HashMap::new();
        for g in &groups {
            newest.insert(g.area.as_str().to_owned(), (g.import_id, g.value));
        }
        if newest.is_empty() {
            return Ok(None);
        }
        let south = |area: &str| {
            newest.get(area).and_then(|(_, v)| crate::groups::income_code_of(*v)).is_some_and(|g| {
                matches!(g, IncomeGroup::Low | IncomeGroup::LowerMiddle | IncomeGroup::UpperMiddle)
            })
        };
        let (mut est, mut publ, mut est_ss, mut publ_ss) = (0.0, 0.0, 0.0, 0.0);
        for ((sender, receiver), (e, p)) in keys.iter().zip(pairs) {
            if !south(receiver) {
                continue;
            }
            est += e;
            publ += p;
            if south(sender) {
                est_ss += e;
                publ_ss += p;
            }
        }
        let imports = imports_by_id(self).await?;
        let used: BTreeSet<i64> = newest.values().map(|(id, _)| *id).collect();
        let classification = used
            .into_iter()
            .map(|id| {
                let r = input_of(&imports, id, "income groups");
                format!("{} {}", r.key, r.edition)
            })
            .collect::<Vec<_>>()
            .join("; ");
        Ok(Some(SouthSouthShares {
            estimated: est_ss / est,
            published: publ_ss / publ,
            classification,
        }))
    }

    /// Stored flow estimates (all methods and periods), optionally only those with
    /// `area` as origin or destination, for profiles.
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read.
    pub async fn estimated_flows(&self, area: Option<Iso3>) -> Result<Vec<StoredFlow>, Error> {
        let datasets = self.store.datasets().await?;
        let by_id: HashMap<i64, (String, i32, i32)> = datasets
            .iter()
            .filter_map(|d| {
                let rest = d.key.strip_prefix(FLOWS_KEY)?.strip_prefix('.')?;
                let (method, period) = rest.rsplit_once('.')?;
                let (a, b) = period.split_once('-')?;
                Some((d.id, (method.to_owned(), a.parse().ok()?, b.parse().ok()?)))
            })
            .collect();
        let mut values = Vec::new();
        match area {
            None => values.extend(self.store.pair_values(FLOW_INDICATOR.code, None, None).await?),
            Some(a) => {
                values.extend(self.store.pair_values(FLOW_INDICATOR.code, Some(a), None).await?);
                values.extend(
                    self.store
                        .pair_values(FLOW_INDICATOR.code, None, Some(a))
                        .await?
                        .into_iter()
                        .filter(|v| v.from != a),
                );
            }
        }
        Ok(values
            .into_iter()
            .filter_map(|v| {
                let (method, start, end) = by_id.get(&v.import_id)?.clone();
                Some(StoredFlow {
                    import_id: v.import_id,
                    method,
                    period_start: start,
                    period_end: end,
                    orig: v.from.as_str().to_owned(),
                    dest: v.to.as_str().to_owned(),
                    flow: v.value,
                })
            })
            .collect())
    }

    async fn store_derived(
        &self,
        key: String,
        title: String,
        edition: String,
        command: &str,
        inputs: &[InputRef],
        pairs: Vec<PairValue>,
    ) -> Result<LoadOutcome, Error> {
        let mut files: Vec<SourceFile> = Vec::new();
        for i in inputs {
            let name = if i.key == "file" {
                crate::file_name_of(&i.edition)
            } else {
                format!("{} {}", i.key, i.edition)
            };
            if !files.iter().any(|f| f.name == name) {
                files.push(SourceFile { name, sha256: i.fingerprint.clone(), bytes: 0 });
            }
        }
        // An estimate over fictional areas (the demo world's codes) is fictional too,
        // so everything built from it says so. Kosovo's XKX is user-assigned but real.
        let fictional = pairs.iter().any(|p| p.from.is_fictional() || p.to.is_fictional());
        let dataset = Dataset {
            meta: DatasetMeta {
                key,
                publisher: "Coherence (derived estimate)".to_owned(),
                title,
                edition,
                source: command.to_owned(),
                licence: None,
                fictional,
                files,
            },
            pairs,
            ..Dataset::default()
        };
        self.load(&dataset, &mut |_, _| {}).await
    }
}

/// The stored population for the years, from the dataset the request names or by the
/// population rule.
///
/// A dataset that gives population by sex only (World Population Prospects' R-package
/// tables) is read as males + females, for the areas that have both; a note says so.
async fn population_series(
    ws: &Workspace,
    req: &FlowRequest,
    years: &[i32],
    notes: &mut Vec<String>,
) -> Result<Option<Series>, Error> {
    let code = Indicator::POPULATION.code;
    let rule = crate::select::rule_of(code);
    let Some(key) = req.population.as_deref() else {
        return area_series_from(ws, code, years, rule, None).await;
    };
    let total = area_series_from(ws, code, years, rule, Some(key)).await;
    if let Ok(Some(series)) = total {
        return Ok(Some(series));
    }
    let male = area_series_by_sex(ws, (code, Sex::Male), years, rule, Some(key)).await;
    let female = area_series_by_sex(ws, (code, Sex::Female), years, rule, Some(key)).await;
    let (Ok(Some(m)), Ok(Some(f))) = (male, female) else { return total };
    let sum: AreaYearValues =
        m.1.iter().filter_map(|(k, v)| f.1.get(k).map(|w| (*k, v + w))).collect();
    let used = input_of(&imports_by_id(ws).await?, m.0, "");
    notes.push(format!(
        "population = males + females of {} edition {} (it gives population by sex only)",
        used.key, used.edition
    ));
    Ok(Some((m.0, sum, Vec::new())))
}

/// The two stock tables over `areas` (place of birth × place of residence); cells of
/// areas outside the list are left out.
fn stock_tables(
    cells: &HashMap<(Iso3, Iso3, i32), f64>,
    areas: &[Iso3],
    (y0, y1): (i32, i32),
) -> (Mat<f64>, Mat<f64>) {
    let n = areas.len();
    let index: HashMap<Iso3, usize> = areas.iter().enumerate().map(|(i, a)| (*a, i)).collect();
    let mut s0 = Mat::<f64>::zeros(n, n);
    let mut s1 = Mat::<f64>::zeros(n, n);
    for (&(o, d, y), &v) in cells {
        let (Some(&i), Some(&j)) = (index.get(&o), index.get(&d)) else { continue };
        if y == y0 {
            s0[(i, j)] = v;
        } else if y == y1 {
            s1[(i, j)] = v;
        }
    }
    (s0, s1)
}

/// Sets the diagonal cells the stocks do not give to population − immigrants (the
/// immigrants from the areas of the tables), noting negative results: passed on to the
/// negative native-born guard of demographic accounting, set to zero otherwise.
fn fill_native_born(
    (s0, s1): (&mut Mat<f64>, &mut Mat<f64>),
    (areas, given): (&[Iso3], &HashSet<(Iso3, i32)>),
    (pop, (y0, y1)): (&AreaYearValues, (i32, i32)),
    demographic: bool,
    notes: &mut Vec<String>,
) {
    let n = areas.len();
    let mut derived = 0;
    let mut negative = Vec::new();
    for (i, &a) in areas.iter().enumerate() {
        let (Some(p0), Some(p1)) = (pop.get(&(a, y0)), pop.get(&(a, y1))) else { continue };
        for (y, p, mat) in [(y0, *p0, &mut *s0), (y1, *p1, &mut *s1)] {
            if given.contains(&(a, y)) {
                continue;
            }
            let immigrants: f64 = (0..n).filter(|&b| b != i).map(|b| mat[(b, i)]).sum();
            let mut native = p - immigrants;
            if native < 0.0 {
                negative.push(format!("{a} {y} ({immigrants:.0} immigrants > population {p:.0})"));
                if !demographic {
                    native = 0.0;
                }
            }
            mat[(i, i)] = native;
            derived += 1;
        }
    }
    notes.push(format!("native-born diagonal = population − immigrants for {derived} area-years"));
    if !negative.is_empty() {
        notes.push(format!(
            "negative native-born for {} area-year(s), {}: {}",
            negative.len(),
            if demographic { "passed to the negative native-born guard" } else { "set to zero" },
            negative.join("; ")
        ));
    }
}

/// Areas whose residents are all native-born in a table: no immigrant from any origin
/// recorded (a source's missing destination row reads as none). They fix that
/// birthplace's home cell in demographic accounting.
fn no_immigrants(
    s0: &Mat<f64>,
    s1: &Mat<f64>,
    areas: &[Iso3],
    (y0, y1): (i32, i32),
) -> Vec<String> {
    let n = areas.len();
    let mut pinned = Vec::new();
    for (m, y) in [(s0, y0), (s1, y1)] {
        for (i, a) in areas.iter().enumerate() {
            let immigrants: f64 = (0..n).filter(|&b| b != i).map(|b| m[(b, i)]).sum();
            if immigrants == 0.0 && m[(i, i)] > 0.0 {
                pinned.push(format!("{a} {y}"));
            }
        }
    }
    pinned
}

/// The global total of `mig_rate`, in words.
fn describe_flow_total(total: FlowTotal) -> String {
    match total {
        FlowTotal::NetMigration => "mig_rate: global total = Σ |net migration|, net migration = \
             population change − (births − deaths) by area, balanced to sum to zero (Abel & \
             Cohen)"
            .to_owned(),
        FlowTotal::PopulationChange => {
            "mig_rate: global total = Σ |population change| (as asked: population change; \
             counts natural increase as migration)"
                .to_owned()
        }
        FlowTotal::Given(m) => format!("mig_rate: global total {m:.0} persons (as given)"),
    }
}

fn describe_diagnostic(d: &Diagnostic, areas: &[Iso3]) -> String {
    let table = |t: &StockTable| match t {
        StockTable::Start => "start",
        StockTable::End => "end",
    };
    match d {
        Diagnostic::NegativeNativeBorn { table: t, area, value } => format!(
            "negative native-born guard: {} {} table had native-born {value:.0}; its foreign-born were scaled down to keep the population",
            areas[*area],
            table(t)
        ),
        Diagnostic::GlobalImbalance { difference } => format!(
            "closed world: natural increase − stock change = {difference:.0} persons, moved into the native-born diagonals"
        ),
        Diagnostic::TooManyBirths { area } => {
            format!("too many births in {}: births spread over birthplaces", areas[*area])
        }
        Diagnostic::NegativeStock { table: t, count, min } => format!(
            "{count} negative cells in the adjusted {} table (most negative {min:.1})",
            table(t)
        ),
        Diagnostic::SeedUnusedByMinimisation => "seed unused by minimisation".to_owned(),
        Diagnostic::NotConverged { step, convergence } => format!(
            "NOT CONVERGED: {step} stopped after {} sweeps with margin error {:.3e}",
            convergence.iterations, convergence.max_margin_error
        ),
    }
}

impl FlowEstimate {
    /// The flows as CSV (`orig,dest,period_start,period_end,flow`: ISO3 codes, persons;
    /// non-zero flows), as `coherence estimate flows --out` writes them.
    pub fn to_csv(&self) -> String {
        let mut text = String::from("orig,dest,period_start,period_end,flow\n");
        for r in &self.flows {
            text.push_str(&format!(
                "{},{},{},{},{}\n",
                csv_text(&r.orig),
                csv_text(&r.dest),
                self.period_start,
                self.period_end,
                r.flow
            ));
        }
        text
    }
}

/// An area code as a CSV field: formula-safe (`domain::spreadsheet`) and quoted where
/// it holds a comma, quote or line break (codes from a user's stock file are free text).
fn csv_text(s: &str) -> String {
    let s = domain::spreadsheet::formula_safe(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

impl RemitEstimate {
    /// The matrix as CSV (`sender,receiver,year,usd_millions`), as `coherence estimate
    /// remittances --out` writes it.
    pub fn to_csv(&self) -> String {
        let mut text = String::from("sender,receiver,year,usd_millions\n");
        for r in &self.rows {
            text.push_str(&format!(
                "{},{},{},{}\n",
                csv_text(&r.sender),
                csv_text(&r.receiver),
                self.year,
                r.usd_millions
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vital_years_run_mid_year_to_mid_year() {
        assert_eq!(
            vital_year_weights(2015, 2020),
            [(2015, 0.5), (2016, 1.0), (2017, 1.0), (2018, 1.0), (2019, 1.0), (2020, 0.5)]
        );
        for (y0, y1) in [(1990, 1995), (2015, 2019), (2000, 2001)] {
            let total: f64 = vital_year_weights(y0, y1).iter().map(|(_, w)| w).sum();
            assert!((total - f64::from(y1 - y0)).abs() < 1e-12, "{y0}–{y1}: {total}");
        }
    }

    #[test]
    fn year_runs() {
        assert_eq!(year_ranges(&BTreeSet::new()), "none");
        assert_eq!(year_ranges(&[2021].into()), "2021");
        assert_eq!(
            year_ranges(&[1990, 1991, 1992, 2000, 2020, 2021].into()),
            "1990–1992, 2000, 2020–2021"
        );
    }
}
