//! Building a country's profile from the store.
//!
//! Choices made here, each visible in the values' sources:
//! * Stocks in and out are the published totals (e.g. UN DESA's totals by destination
//!   and by origin) when a dataset has them for the country; otherwise sums over the
//!   country's corridors of the bilateral migrant stock. When several datasets hold
//!   bilateral stocks for the same year, the one the rule for bilateral stocks prefers
//!   is used ([`crate::select`]), so that two sources are never added together.
//! * A country-level series (population, GDP, remittances) takes, for each year, the
//!   value the indicator's rule chooses ([`crate::select`]); the value carries the rule
//!   and the alternatives.
//! * SDG 17.3.2 is the official series where loaded; beside it, remittances received ÷
//!   GDP × 100 recomputed for years that have both; group aggregates are recomputed
//!   GDP-weighted: Σ remittances ÷ Σ GDP × 100 over the members with
//!   both values that year (the others are listed).
//! * The emigration rate is emigrants ÷ (residents born in the country + emigrants),
//!   with residents born in the country = population − immigrants.
//! * SDG 10.c.1 summaries use each corridor's latest year and then the latest year
//!   with any corridor: simple average of corridor averages, share above 5 %, and the
//!   distance to the 3 % target.
//! * Concentration is the Herfindahl–Hirschman index Σ sᵢ² over partners' shares.

use std::collections::{BTreeMap, HashMap};

use domain::{Indicator, Iso3, Sex, Unit};
use store::{DatasetRecord, End, Store, StoredAreaValue, StoredPairValue};

use crate::groups::{self, Bulk};
use crate::labour::{Displacement, DisplacementInputs, LabourInputs, LabourMigration};
use crate::profile::{
    Concentration, CorridorCost, CorridorStock, CorridorTrend, CostSummary, CountryProfile,
    Diaspora, DiasporaDestination, EstimatedFlow, Fill, FrameworkAssessment, Gaps, PolicyChange,
    PolicySummary, ProfileArea, Source, Status, StockYear, Value, YearValue,
};
use crate::said::{Said, Term};
use crate::select::Ranker;
use crate::{AreaRef, Error, FICTIONAL_NOTICE};

/// How many corridors the profile lists in each direction.
const TOP_CORRIDORS: usize = 10;

pub(crate) struct Ctx<'a> {
    pub(crate) datasets: &'a HashMap<i64, DatasetRecord>,
    pub(crate) names: &'a HashMap<Iso3, String>,
    pub(crate) ranker: &'a Ranker,
    pub(crate) used_fictional: bool,
}

impl Ctx<'_> {
    pub(crate) fn source(
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

    pub(crate) fn cell_value(
        &mut self,
        import_id: i64,
        value: f64,
        unit: Unit,
        cell: String,
    ) -> Value {
        Value { value, unit, source: self.source(import_id, Some(cell), None), choice: None }
    }

    pub(crate) fn derived(&mut self, import_id: i64, value: f64, unit: Unit, how: String) -> Value {
        Value { value, unit, source: self.source(import_id, None, Some(how)), choice: None }
    }

    pub(crate) fn name(&self, code: Iso3) -> String {
        self.names.get(&code).cloned().unwrap_or_else(|| code.as_str().to_owned())
    }
}

/// What every profile of one store shares: the datasets, the names of areas, and the
/// values of all areas needed for group aggregates. Loaded once per batch of profiles.
pub(crate) struct Shared {
    pub(crate) datasets: HashMap<i64, DatasetRecord>,
    pub(crate) names: HashMap<Iso3, String>,
    /// The selection rules' order of every import.
    pub(crate) ranker: Ranker,
    pub(crate) bulk: Bulk,
    /// Stored flow estimates (`estimate-flows.METHOD.Y0-Y1`): import id → method and
    /// period.
    pub(crate) flow_estimates: BTreeMap<i64, (String, i32, i32)>,
    /// What corridor checks share (always `Some` with the built-in rules).
    pub(crate) corridors: Option<crate::register::CorridorBase>,
}

impl Shared {
    pub(crate) async fn load(store: &Store) -> Result<Shared, Error> {
        let datasets: HashMap<i64, DatasetRecord> =
            store.datasets().await?.into_iter().map(|d| (d.id, d)).collect();
        let mut names: HashMap<Iso3, String> =
            domain::area::real_areas().iter().map(|r| (r.iso3, r.name.to_owned())).collect();
        for (_, a) in store.defined_areas().await? {
            names.insert(a.iso3, a.name);
        }
        let ranker = Ranker::new(datasets.values());
        let bulk = Bulk::load(store, &ranker).await?;
        let flow_estimates = datasets
            .values()
            .filter(|d| d.is_default)
            .filter_map(|d| Some((d.id, flow_estimate_of(&d.key)?)))
            .collect();
        let corridors = crate::register::CorridorBase::load_for_profiles(store).await?;
        Ok(Shared { datasets, names, ranker, bulk, flow_estimates, corridors })
    }
}

pub(crate) async fn build(
    store: &Store,
    shared: &Shared,
    area: &AreaRef,
) -> Result<CountryProfile, Error> {
    let code = area.code();
    let mut ctx = Ctx {
        datasets: &shared.datasets,
        names: &shared.names,
        ranker: &shared.ranker,
        used_fictional: false,
    };
    let mut gaps = Gaps::default();
    // The country's values of every indicator, and its pairs at either end, each read
    // in one statement.
    let mut own = ByIndicator::new(store.area_values_of(code).await?, |v| &v.indicator);
    let mut pairs_from =
        ByIndicator::new(store.pair_values_of(code, End::From).await?, |v| &v.indicator);
    let mut pairs_to =
        ByIndicator::new(store.pair_values_of(code, End::To).await?, |v| &v.indicator);

    let population = series(&mut ctx, Indicator::POPULATION, own.take(Indicator::POPULATION));
    let gdp = series(&mut ctx, Indicator::GDP_USD, own.take(Indicator::GDP_USD));
    let received = series(
        &mut ctx,
        Indicator::REMITTANCES_RECEIVED_USD,
        own.take(Indicator::REMITTANCES_RECEIVED_USD),
    );
    let paid = series(
        &mut ctx,
        Indicator::REMITTANCES_PAID_USD,
        own.take(Indicator::REMITTANCES_PAID_USD),
    );

    let stocks_in = pairs_to.take(Indicator::MIGRANT_STOCK);
    let stocks_out = pairs_from.take(Indicator::MIGRANT_STOCK);
    let published_in = own.take(Indicator::IMMIGRANT_STOCK);
    let published_out = own.take(Indicator::EMIGRANT_STOCK);
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
    let destination_trends = trends(&mut ctx, &stocks_out, Side::Destinations, &top_destinations);
    let origin_trends = trends(&mut ctx, &stocks_in, Side::Origins, &top_origins);
    let diaspora = diaspora(&mut ctx, &stocks_out);
    let destination_concentration =
        concentration(&mut ctx, &stocks_out, Side::Destinations, "emigrants over destinations");
    let emigration_rate = emigration_rate(&mut ctx, &stock_out, &stock_in, &population);
    if !stock_out.is_empty() && emigration_rate.is_empty() {
        gaps.push(Said::plain("gap-emigration-rate"));
    }
    if top_destinations.is_empty() {
        gaps.push(Said::plain("gap-bilateral-stock"));
    }
    let net_migration =
        series(&mut ctx, Indicator::NET_MIGRATION, own.take(Indicator::NET_MIGRATION));
    if net_migration.is_empty() {
        gaps.push(coverage_gap(
            shared,
            ("gap-topic-net-migration", "gap-source-net-migration"),
            &["wpp-net-migration", "wdi-sm.pop.netm", "wdi-databank"],
        ));
    }
    let estimated_flows = estimated_flows(
        &mut ctx,
        shared,
        code,
        pairs_from.take(crate::estimate::FLOW_INDICATOR),
        pairs_to.take(crate::estimate::FLOW_INDICATOR),
    );
    if estimated_flows.is_empty() {
        let (said, fill) = flows_gap(ctx.ranker, &stocks_out, &stocks_in, shared);
        match fill {
            Some(fill) => gaps.push_fill(said, fill),
            None => gaps.push(said),
        }
    }
    let exports = series(&mut ctx, Indicator::EXPORTS_USD, own.take(Indicator::EXPORTS_USD));
    if stock_in.is_empty() {
        gaps.push(Said::plain("gap-immigrant-stock"));
    }
    if stock_out.is_empty() {
        gaps.push(Said::plain("gap-emigrant-stock"));
    }
    if population.is_empty() {
        gaps.push(coverage_gap(
            shared,
            ("gap-topic-population", "gap-source-population"),
            &["wdi-sp.pop.totl", "wdi-databank"],
        ));
    }

    let sdg_17_3_2 = series(
        &mut ctx,
        Indicator::REMITTANCES_RECEIVED_PCT_GDP,
        own.take(Indicator::REMITTANCES_RECEIVED_PCT_GDP),
    );
    let pct_gdp = recomputed_pct_gdp(&mut ctx, &received, &gdp, &sdg_17_3_2);
    if received.is_empty() {
        gaps.push(coverage_gap(
            shared,
            ("gap-topic-remittances-received", "gap-source-remittances-received"),
            &["wdi-bx.trf.pwkr.cd.dt", "wdi-databank", "knomad-remittance-inflows"],
        ));
    } else if pct_gdp.is_empty() {
        gaps.push(Said::plain("gap-pct-gdp"));
    }
    let remittances_pct_exports = ratio_series(
        &mut ctx,
        &received,
        &exports,
        100.0,
        Unit::Percent,
        "remittances received ÷ exports of goods and services × 100",
    );
    if !received.is_empty() && remittances_pct_exports.is_empty() {
        gaps.push(Said::plain("gap-pct-exports"));
    }
    let remittances_per_capita = ratio_series(
        &mut ctx,
        &received,
        &population,
        1.0,
        Unit::UsdCurrent,
        "remittances received ÷ population (US$ per person)",
    );
    let memberships = groups::memberships(shared, code, area.fictional);
    let remittances_pct_gdp_groups = match pct_gdp.last() {
        Some(last) => {
            let weights = shared.bulk.year(store, last.year).await?;
            groups::shares_for(&mut ctx, shared, &weights, &memberships, last.year)
        }
        None => Vec::new(),
    };
    let sender_concentration = concentration(
        &mut ctx,
        &pairs_to.take(Indicator::BILATERAL_REMITTANCES_USD),
        Side::Origins,
        "remittances received over sending countries",
    );
    if sender_concentration.is_none() {
        gaps.push(Said::plain("gap-sender-concentration"));
    }
    if paid.is_empty() {
        gaps.push(coverage_gap(
            shared,
            ("gap-topic-remittances-paid", "gap-source-remittances-paid"),
            &["wdi-bm.trf.pwkr.cd.dt", "wdi-databank", "knomad-remittance-outflows"],
        ));
    }

    let costs_to = costs(&mut ctx, pairs_to.take(Indicator::REMITTANCE_COST_200));
    let costs_from = costs(&mut ctx, pairs_from.take(Indicator::REMITTANCE_COST_200));
    let rpw_to = series(
        &mut ctx,
        Indicator::REMITTANCE_COST_TO_PCT,
        own.take(Indicator::REMITTANCE_COST_TO_PCT),
    )
    .pop();
    let cost_to_summary = cost_summary(&mut ctx, &costs_to, rpw_to);
    let rpw_from = series(
        &mut ctx,
        Indicator::REMITTANCE_COST_FROM_PCT,
        own.take(Indicator::REMITTANCE_COST_FROM_PCT),
    )
    .pop();
    let cost_from_summary = cost_summary(&mut ctx, &costs_from, rpw_from);
    if cost_to_summary.is_none() {
        gaps.push(coverage_gap(shared, ("gap-topic-cost-to", "gap-source-cost-to"), &["rpw-*"]));
    }

    let tertiary_emigrants = own.take(Indicator::EMIGRANTS_TERTIARY);
    let tertiary_residents = own.take(Indicator::RESIDENTS_TERTIARY);
    let has_tertiary_emigrants = !tertiary_emigrants.is_empty();
    let has_tertiary_residents = !tertiary_residents.is_empty();
    let skilled_emigration_rate = rate(
        &mut ctx,
        tertiary_emigrants,
        tertiary_residents,
        "tertiary-educated emigrants ÷ (emigrants + residents with tertiary education) × 100 (Docquier–Marfouk)",
    );
    if skilled_emigration_rate.is_none() {
        gaps.push(skilled_gap(shared, has_tertiary_emigrants, has_tertiary_residents));
    }
    let health_worker_emigration_rate = rate(
        &mut ctx,
        own.take(Indicator::HEALTH_WORKERS_ABROAD),
        own.take(Indicator::HEALTH_WORKERS_HOME),
        "health workers abroad ÷ (abroad + at home) × 100",
    );
    if health_worker_emigration_rate.is_none() {
        gaps.push(Said::plain("gap-health-workers"));
    }
    let physicians_per_1000 =
        series(&mut ctx, Indicator::PHYSICIANS_PER_1000, own.take(Indicator::PHYSICIANS_PER_1000))
            .pop();
    if physicians_per_1000.is_none() {
        gaps.push(coverage_gap(
            shared,
            ("gap-topic-physicians", "gap-source-physicians"),
            &["wdi-sh.med.phys.zs", "wdi-databank"],
        ));
    }
    let who_safeguards_list = groups::safeguards_status(&mut ctx, code, area.fictional);
    if who_safeguards_list.is_none() {
        gaps.push(Said::plain("gap-safeguards-fictional"));
    }
    let icmw = icmw_status(&mut ctx, own.take(Indicator::ICMW_STATUS), code, area.fictional);
    if icmw.is_none() {
        gaps.push(coverage_gap(shared, ("gap-topic-icmw", "gap-source-icmw"), &["icmw-*"]));
    }

    let policies = policy_summaries(&mut ctx, store, code).await?;
    if policies.is_empty() {
        gaps.push_fill(Said::plain("gap-register"), Fill::ImportRegister);
    }
    let assessments = framework_assessments(store, code).await?;
    if !assessments.iter().any(|a| a.framework == SDG_10_7_2) {
        gaps.push_fill(
            Said::new("gap-answers", vec![("country", Term::country(&area.iso3, &area.name))]),
            Fill::StoreAnswers { country: area.iso3.clone(), framework: SDG_10_7_2.to_owned() },
        );
    }

    let (labour, displacement) = labour_evidence(
        &mut ctx,
        shared,
        (&mut own, &mut pairs_from, &mut pairs_to),
        &stocks_out,
        &mut gaps,
    );
    let fictional = area.fictional || ctx.used_fictional;
    Ok(CountryProfile {
        area: ProfileArea {
            iso3: area.iso3.clone(),
            m49: area.m49,
            name: area.name.clone(),
            fictional: area.fictional,
        },
        fictional_notice: fictional.then(|| FICTIONAL_NOTICE.to_owned()),
        group: None,
        memberships,
        stock_in,
        stock_out,
        emigration_rate,
        top_destinations,
        top_origins,
        destination_trends,
        origin_trends,
        diaspora,
        destination_concentration,
        net_migration,
        estimated_flows,
        population,
        gdp,
        remittances_received: received,
        remittances_paid: paid,
        remittances_pct_gdp: pct_gdp,
        sdg_17_3_2,
        remittances_pct_gdp_groups,
        exports,
        remittances_pct_exports,
        remittances_per_capita,
        sender_concentration,
        costs_to,
        costs_from,
        cost_to_summary,
        cost_from_summary,
        skilled_emigration_rate,
        health_worker_emigration_rate,
        physicians_per_1000,
        who_safeguards_list,
        icmw,
        assessments,
        policies,
        labour,
        displacement,
        gaps: gaps.0,
        pinned_editions: Vec::new(),
        corridor_checks: crate::register::corridor_checks_of(
            store,
            shared.corridors.as_ref(),
            code,
            3,
            &stocks_out,
            &stocks_in,
        )
        .await?,
    })
}

/// Remittances received ÷ GDP × 100 recomputed from the chosen figures, for years with
/// both; where the custodian's official SDG 17.3.2 value exists, the derivation gives it
/// and the difference in percentage points (a recomputation is never shown as the
/// official indicator).
fn recomputed_pct_gdp(
    ctx: &mut Ctx<'_>,
    received: &[YearValue],
    gdp: &[YearValue],
    official: &[YearValue],
) -> Vec<YearValue> {
    let mut out = Vec::new();
    for r in received {
        let Some(g) = gdp.iter().find(|g| g.year == r.year).filter(|g| g.value.value > 0.0) else {
            continue;
        };
        let value = 100.0 * r.value.value / g.value.value;
        let mut how = format!(
            "recomputed, not the official series: remittances received ({}) ÷ GDP ({}) × 100",
            r.value.source.dataset, g.value.source.dataset
        );
        if let Some(o) = official.iter().find(|o| o.year == r.year) {
            how.push_str(&format!(
                "; official SDG 17.3.2 ({}): {:.2} %, difference {:+.2} percentage points",
                o.value.source.dataset,
                o.value.value,
                value - o.value.value
            ));
        }
        let v = ctx.derived(r.value.source.dataset_id, value, Unit::Percent, how);
        out.push(YearValue { year: r.year, value: v });
    }
    out
}

/// A data gap that tells "not loaded" from "loaded, but this country is not covered by
/// it": `families` are the dataset-key patterns (`wdi-*`, `oecd-dioc-*`) that could hold
/// the figure, `source` names them for readers; the advice names a dataset, never a
/// command (front ends add their own).
fn coverage_gap(
    shared: &Shared,
    (topic, source): (&'static str, &'static str),
    families: &[&str],
) -> Said {
    let matches = |key: &str, f: &&str| match f.strip_suffix('*') {
        Some(prefix) => key.starts_with(prefix),
        None => key == *f,
    };
    let mut loaded: Vec<(&str, &str)> = shared
        .datasets
        .values()
        .filter(|d| d.is_default && families.iter().any(|f| matches(&d.key, f)))
        .map(|d| (d.title.as_str(), d.edition.as_str()))
        .collect();
    loaded.sort();
    let topic = ("topic", Term::said(Said::plain(topic)));
    if loaded.is_empty() {
        return Said::new(
            "gap-not-loaded",
            vec![topic, ("source", Term::said(Said::plain(source)))],
        );
    }
    let count = Term::Count(loaded.len());
    let datasets = loaded
        .into_iter()
        .map(|(title, edition)| {
            let args = vec![("title", Term::text(title)), ("edition", Term::text(edition))];
            Term::said(Said::new("gap-dataset-edition", args))
        })
        .collect();
    Said::new("gap-not-covered", vec![topic, ("datasets", Term::list(datasets)), ("count", count)])
}

/// The country's labour-migration and forced-displacement evidence, with the gaps where
/// none is loaded or none covers it (most countries publish no deployments: a gap, not
/// a zero).
fn labour_evidence(
    ctx: &mut Ctx<'_>,
    shared: &Shared,
    (own, from, to): (
        &mut ByIndicator<StoredAreaValue>,
        &mut ByIndicator<StoredPairValue>,
        &mut ByIndicator<StoredPairValue>,
    ),
    stocks_out: &[StoredPairValue],
    gaps: &mut Gaps,
) -> (LabourMigration, Displacement) {
    let labour = {
        let (mut from_of, mut own_of) = (|i| from.take(i), |i| own.take(i));
        let input = LabourInputs { from: &mut from_of, own: &mut own_of, stocks_out };
        crate::labour::labour(ctx, input)
    };
    let displacement = {
        let (mut from_of, mut to_of, mut own_of) =
            (|i| from.take(i), |i| to.take(i), |i| own.take(i));
        let input = DisplacementInputs { from: &mut from_of, to: &mut to_of, own: &mut own_of };
        crate::labour::displacement(ctx, input)
    };
    for (family, stored) in &labour.incomplete_years {
        let args = vec![("dataset", Term::text(family)), ("count", Term::Count(*stored))];
        gaps.push(Said::new("gap-parts-missing", args));
    }
    if labour.deployments.is_empty() {
        gaps.push(coverage_gap(
            shared,
            ("gap-topic-deployments", "gap-source-deployments"),
            DEPLOYMENT_FAMILIES,
        ));
    }
    if labour.temporary_inflows.is_empty() && labour.permanent_inflows.is_empty() {
        gaps.push(coverage_gap(
            shared,
            ("gap-topic-inflows", "gap-source-inflows"),
            &["oecd-imd-*"],
        ));
    }
    let none = displacement.refugees_hosted.is_empty() && displacement.refugees_abroad.is_empty();
    if none {
        gaps.push(coverage_gap(
            shared,
            ("gap-topic-refugees", "gap-source-refugees"),
            &["unhcr-*"],
        ));
    }
    (labour, displacement)
}

/// The dataset families that hold deployments of nationals.
const DEPLOYMENT_FAMILIES: &[&str] = &["ilostat-*", "dofe-*", "slbfe-*", "coherence-deployments*"];

/// The skilled-emigration gap: which of its two inputs is missing, and why.
fn skilled_gap(shared: &Shared, emigrants: bool, residents: bool) -> Said {
    match (emigrants, residents) {
        (true, false) => Said::plain("gap-skilled-no-residents"),
        (false, true) => Said::plain("gap-skilled-no-emigrants"),
        _ => coverage_gap(
            shared,
            ("gap-topic-skilled", "gap-source-skilled"),
            &["oecd-dioc*", "dioc*"],
        ),
    }
}

/// The framework of SDG indicator 10.7.2.
const SDG_10_7_2: &str = "sdg-10.7.2";

/// The country's effective register (imported policies with the register's edits),
/// each policy with its latest change in the audit log.
async fn policy_summaries(
    ctx: &mut Ctx<'_>,
    store: &Store,
    code: Iso3,
) -> Result<Vec<PolicySummary>, Error> {
    let audit = store.register_audit(Some(code), None).await?;
    let mut summaries = Vec::new();
    for r in store.register(Some(code)).await? {
        if let store::Layer::Imported { import_id } | store::Layer::Edited { import_id } = r.layer {
            ctx.source(import_id, None, None);
        }
        let p = r.policy;
        let entries: Vec<&store::AuditEntry> =
            audit.iter().filter(|e| e.policy_id == p.id).collect();
        let last_change = entries
            .last()
            .map(|last| -> Result<PolicyChange, Error> {
                Ok(PolicyChange {
                    at: last.at.clone(),
                    user: last.user.clone(),
                    reason: last.reason.clone(),
                    action: crate::register::AuditAction::of(last)?,
                    fields: entries
                        .iter()
                        .filter(|e| {
                            e.at == last.at
                                && e.user == last.user
                                && e.reason == last.reason
                                && e.action == last.action
                        })
                        .filter_map(|e| {
                            Some(crate::register::FieldChangeInfo {
                                field: e.field.clone()?,
                                old: e.old_value.clone().unwrap_or_default(),
                                new: e.new_value.clone().unwrap_or_default(),
                            })
                        })
                        .collect(),
                })
            })
            .transpose()?;
        summaries.push(PolicySummary {
            id: p.id,
            ministry: p.ministry,
            title: p.title,
            stages: p.stages.iter().map(|s| s.as_str().to_owned()).collect(),
            area: p.area,
            partners: p.partners.iter().map(|c| c.as_str().to_owned()).collect(),
            status: p.status.as_str().to_owned(),
            layer: r.layer.into(),
            last_change,
        });
    }
    Ok(summaries)
}

/// The latest stored answers of the country to each built-in framework, scored, in the
/// order of the built-in frameworks (SDG 10.7.2 first). Answers to a framework this
/// build does not know are left out.
async fn framework_assessments(
    store: &Store,
    code: Iso3,
) -> Result<Vec<FrameworkAssessment>, Error> {
    let builtin = crate::assess::builtin_ids();
    let mut out = Vec::new();
    for set in store.latest_answer_sets(code).await? {
        if !builtin.contains(&set.record.framework.as_str()) {
            continue;
        }
        let stored = crate::assess::score_stored(set)?;
        let a = stored.assessment;
        out.push(FrameworkAssessment {
            framework: a.framework,
            framework_title: a.framework_title,
            adaptation: a.adaptation,
            kind: a.kind,
            overall: a.overall,
            domains: a.domains,
            unanswered: a.unanswered,
            non_response: a.non_response,
            answers: stored.answers,
        });
    }
    out.sort_by_key(|a| builtin.iter().position(|id| *id == a.framework));
    Ok(out)
}

/// Rows grouped by indicator code, each group in the order read.
struct ByIndicator<T>(HashMap<String, Vec<T>>);

impl<T> ByIndicator<T> {
    fn new(rows: Vec<T>, indicator: impl Fn(&T) -> &String) -> ByIndicator<T> {
        let mut map: HashMap<String, Vec<T>> = HashMap::new();
        for row in rows {
            match map.get_mut(indicator(&row)) {
                Some(list) => list.push(row),
                None => {
                    let key = indicator(&row).clone();
                    map.insert(key, vec![row]);
                }
            }
        }
        ByIndicator(map)
    }

    /// The rows of `indicator` (each indicator is taken once).
    fn take(&mut self, indicator: Indicator) -> Vec<T> {
        self.0.remove(indicator.code).unwrap_or_default()
    }
}

/// The method and period of a stored flow estimate's dataset key
/// (`estimate-flows.METHOD.Y0-Y1`).
fn flow_estimate_of(key: &str) -> Option<(String, i32, i32)> {
    let rest = key.strip_prefix(crate::estimate::FLOWS_KEY)?.strip_prefix('.')?;
    let (method, period) = rest.rsplit_once('.')?;
    let (a, b) = period.split_once('-')?;
    Some((method.to_owned(), a.parse().ok()?, b.parse().ok()?))
}

/// The stored flow estimates of `code`: inflow, outflow and net over each estimate's
/// period, oldest period first, from the country's rows of the flow indicator as origin
/// (`from`) and as destination (`to`).
fn estimated_flows(
    ctx: &mut Ctx<'_>,
    shared: &Shared,
    code: Iso3,
    from: Vec<StoredPairValue>,
    to: Vec<StoredPairValue>,
) -> Vec<EstimatedFlow> {
    // import id → (inflow, origins, outflow, destinations)
    let mut sums: BTreeMap<i64, (f64, usize, f64, usize)> = BTreeMap::new();
    let rows = from.into_iter().chain(to.into_iter().filter(|v| v.from != code));
    for v in rows.filter(|v| v.sex == Sex::Total && v.from != v.to) {
        if !shared.flow_estimates.contains_key(&v.import_id) {
            continue;
        }
        let e = sums.entry(v.import_id).or_default();
        if v.to == code {
            e.0 += v.value;
            e.1 += usize::from(v.value != 0.0);
        } else {
            e.2 += v.value;
            e.3 += usize::from(v.value != 0.0);
        }
    }
    let mut out: Vec<EstimatedFlow> = sums
        .into_iter()
        .filter_map(|(import_id, (inflow, n_origins, outflow, n_destinations))| {
            let (method, y0, y1) = shared.flow_estimates.get(&import_id)?.clone();
            let stored_by = shared
                .datasets
                .get(&import_id)
                .map(|d| format!("; stored by `{}`", d.source))
                .unwrap_or_default();
            let what = format!("the {method} flow estimate {y0}–{y1}");
            let inflow_v = ctx.derived(
                import_id,
                inflow,
                Unit::Persons,
                format!("sum of {what} over {n_origins} origins with a non-zero flow{stored_by}"),
            );
            let outflow_v = ctx.derived(
                import_id,
                outflow,
                Unit::Persons,
                format!(
                    "sum of {what} over {n_destinations} destinations with a non-zero flow{stored_by}"
                ),
            );
            let net = ctx.derived(
                import_id,
                inflow - outflow,
                Unit::Persons,
                format!("inflow − outflow of {what}"),
            );
            Some(EstimatedFlow {
                method,
                period_start: y0,
                period_end: y1,
                inflow: inflow_v,
                outflow: outflow_v,
                net,
                n_origins,
                n_destinations,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.period_start, a.period_end, &a.method).cmp(&(b.period_start, b.period_end, &b.method))
    });
    out
}

/// The data gap of a country without stored flow estimates, and the estimate that fills
/// it: the two latest years of one table of the bilateral stock (the one the rule
/// prefers for the latest year), never a difference between two publishers' tables.
fn flows_gap(
    ranker: &Ranker,
    stocks_out: &[StoredPairValue],
    stocks_in: &[StoredPairValue],
    shared: &Shared,
) -> (Said, Option<Fill>) {
    let all: Vec<StoredPairValue> = stocks_out.iter().chain(stocks_in).cloned().collect();
    let chosen = chosen_imports(ranker, &all);
    let table = chosen.values().next_back().copied();
    // Every year the table holds (not only those where it is the chosen table).
    let years: Vec<i32> = all
        .iter()
        .filter(|r| Some(r.import_id) == table && r.sex == Sex::Total)
        .map(|r| r.year)
        .collect::<std::collections::BTreeSet<i32>>()
        .into_iter()
        .collect();
    let stored = ("stored", Term::Count(shared.flow_estimates.len()));
    match (years.as_slice(), table) {
        ([.., from, to], Some(table)) => {
            let table = match shared.datasets.get(&table) {
                Some(d) => Term::said(Said::new(
                    "gap-dataset-edition",
                    vec![("title", Term::text(&d.title)), ("edition", Term::text(&d.edition))],
                )),
                None => Term::text(ranker.name(table)),
            };
            let args = vec![
                stored,
                ("from", Term::Year(*from)),
                ("to", Term::Year(*to)),
                ("table", table),
            ];
            (
                Said::new("gap-flows-estimable", args),
                Some(Fill::EstimateFlows { from: *from, to: *to }),
            )
        }
        _ => (Said::new("gap-flows-no-table", vec![stored]), None),
    }
}

/// A country-level series, one value per year (both sexes), chosen among the datasets
/// that hold the year by the indicator's rule ([`crate::select`]); each value carries
/// the rule and the alternatives. A year whose only values are placeholders is left out.
pub(crate) fn series(
    ctx: &mut Ctx<'_>,
    indicator: Indicator,
    rows: Vec<StoredAreaValue>,
) -> Vec<YearValue> {
    let rows: Vec<StoredAreaValue> = rows.into_iter().filter(|r| r.sex == Sex::Total).collect();
    let coverage = ctx.ranker.coverage(indicator.code, rows.iter().map(|r| (r.import_id, r.value)));
    let mut by_year: BTreeMap<i32, Vec<StoredAreaValue>> = BTreeMap::new();
    for row in rows {
        by_year.entry(row.year).or_default().push(row);
    }
    let mut out = Vec::with_capacity(by_year.len());
    for (year, mut rows) in by_year {
        let candidates: Vec<(i64, f64)> = rows.iter().map(|r| (r.import_id, r.value)).collect();
        let (chosen, choice) = ctx.ranker.choose(indicator.code, &candidates, &coverage);
        let Some(i) = chosen else { continue };
        let r = rows.swap_remove(i);
        let mut value = ctx.cell_value(r.import_id, r.value, r.unit, r.provenance.to_string());
        value.choice = Some(choice);
        out.push(YearValue { year, value });
    }
    out
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

/// Stocks by year and sex read from a published totals series (per year and sex, the
/// dataset the rule prefers).
fn published_stock_years(
    ctx: &mut Ctx<'_>,
    rows: Vec<StoredAreaValue>,
    population: &[YearValue],
) -> Vec<StockYear> {
    let mut by_year: BTreeMap<i32, [Option<StoredAreaValue>; 3]> = BTreeMap::new();
    // Every dataset's total by year, for the choice's alternatives.
    let mut totals: BTreeMap<i32, Vec<(i64, f64)>> = BTreeMap::new();
    let indicator = rows.first().map(|r| r.indicator.clone()).unwrap_or_default();
    let coverage = ctx.ranker.coverage(
        &indicator,
        rows.iter().filter(|r| r.sex == Sex::Total).map(|r| (r.import_id, r.value)),
    );
    for row in rows {
        if row.sex == Sex::Total {
            totals.entry(row.year).or_default().push((row.import_id, row.value));
        }
        let k = match row.sex {
            Sex::Total => 0,
            Sex::Male => 1,
            Sex::Female => 2,
        };
        let slot = &mut by_year.entry(row.year).or_default()[k];
        let better = |old: &StoredAreaValue| {
            let rank = |r: &StoredAreaValue| {
                let cover = coverage.get(&r.import_id).copied().unwrap_or(0);
                ctx.ranker.rank(&r.indicator, r.import_id, cover)
            };
            rank(&row) < rank(old)
        };
        if slot.as_ref().is_none_or(better) {
            *slot = Some(row);
        }
    }
    let mut out = Vec::new();
    for (year, [total, male, female]) in by_year {
        let Some(total) = total else { continue };
        let candidates = totals.remove(&year).unwrap_or_default();
        let choice = ctx.ranker.choose(&total.indicator, &candidates, &coverage).1;
        let mut cell = |v: StoredAreaValue| {
            ctx.cell_value(v.import_id, v.value, v.unit, v.provenance.to_string())
        };
        let import_id = total.import_id;
        let mut total = cell(total);
        total.choice = Some(choice);
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

/// For each year, the bilateral table chosen by the rule for `migrant_stock`
/// ([`crate::select`]): official UN DESA tables first, newest edition first; never two
/// tables added together.
fn chosen_imports(ranker: &Ranker, rows: &[StoredPairValue]) -> BTreeMap<i32, i64> {
    let totals = rows.iter().filter(|r| r.sex == Sex::Total);
    ranker.chosen_by_year(Indicator::MIGRANT_STOCK.code, totals.map(|r| (r.year, r.import_id)))
}

fn stock_years(
    ctx: &mut Ctx<'_>,
    rows: &[StoredPairValue],
    side: Side,
    population: &[YearValue],
) -> Vec<StockYear> {
    let chosen = chosen_imports(ctx.ranker, rows);
    // Every table's sum (both sexes) by year, for the choice's alternatives.
    let mut tables: BTreeMap<(i32, i64), f64> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.sex == Sex::Total && r.from != r.to) {
        *tables.entry((r.year, r.import_id)).or_default() += r.value;
    }
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
        let Some(mut total) = value(0, "both sexes") else { continue };
        let male = value(1, "males");
        let female = value(2, "females");
        let candidates: Vec<(i64, f64)> = tables
            .range((year, i64::MIN)..=(year, i64::MAX))
            .map(|(&(_, id), &v)| (id, v))
            .collect();
        let none = crate::select::Coverage::new();
        total.choice = Some(ctx.ranker.choose(Indicator::MIGRANT_STOCK.code, &candidates, &none).1);
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
    let chosen = chosen_imports(ctx.ranker, rows);
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
    // The newest year; among datasets of that year, the one the rule prefers.
    let key = |r: &StoredPairValue| {
        (std::cmp::Reverse(r.year), ctx.ranker.rank(&r.indicator, r.import_id, 0), r.import_id)
    };
    for r in rows.into_iter().filter(|r| r.sex == Sex::Total) {
        match latest.get(&(r.from, r.to)) {
            Some(old) if key(old) <= key(&r) => {}
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

/// `a ÷ b × scale` for the years both series have (b positive).
fn ratio_series(
    ctx: &mut Ctx<'_>,
    a: &[YearValue],
    b: &[YearValue],
    scale: f64,
    unit: Unit,
    what: &str,
) -> Vec<YearValue> {
    a.iter()
        .filter_map(|x| {
            let y = b.iter().find(|y| y.year == x.year).filter(|y| y.value.value > 0.0)?;
            let how = format!(
                "{what}; numerator: {}; denominator: {}",
                x.value.source.dataset, y.value.source.dataset
            );
            let v = ctx.derived(
                x.value.source.dataset_id,
                scale * x.value.value / y.value.value,
                unit,
                how,
            );
            Some(YearValue { year: x.year, value: v })
        })
        .collect()
}

/// Emigrants ÷ (population − immigrants + emigrants) × 100 for the years with all three.
fn emigration_rate(
    ctx: &mut Ctx<'_>,
    stock_out: &[StockYear],
    stock_in: &[StockYear],
    population: &[YearValue],
) -> Vec<YearValue> {
    let mut out = Vec::new();
    for e in stock_out {
        let Some(i) = stock_in.iter().find(|i| i.year == e.year) else { continue };
        let Some(p) = population.iter().find(|p| p.year == e.year) else { continue };
        let native_residents = p.value.value - i.total.value;
        let denominator = native_residents + e.total.value;
        if native_residents < 0.0 || denominator <= 0.0 {
            continue;
        }
        let how = format!(
            "emigrants ÷ (residents born in the country + emigrants) × 100, residents born in the country = population ({}) − immigrants ({}); emigrants: {}",
            p.value.source.dataset, i.total.source.dataset, e.total.source.dataset
        );
        let v = ctx.derived(
            e.total.source.dataset_id,
            100.0 * e.total.value / denominator,
            Unit::Percent,
            how,
        );
        out.push(YearValue { year: e.year, value: v });
    }
    out
}

/// The stocks of each top corridor across the years (one chosen import per year).
fn trends(
    ctx: &mut Ctx<'_>,
    rows: &[StoredPairValue],
    side: Side,
    top: &[CorridorStock],
) -> Vec<CorridorTrend> {
    top.iter()
        .map(|c| {
            // One table per trend, never a splice of tables: the one the rule for
            // bilateral stocks prefers, the longest series of the corridor first.
            let corridor: Vec<&StoredPairValue> = rows
                .iter()
                .filter(|r| r.sex == Sex::Total && side.partner(r).as_str() == c.partner)
                .collect();
            let coverage = ctx.ranker.coverage(
                Indicator::MIGRANT_STOCK.code,
                corridor.iter().map(|r| (r.import_id, r.value)),
            );
            let table = coverage.iter().min_by_key(|&(&id, &n)| {
                (ctx.ranker.rank(Indicator::MIGRANT_STOCK.code, id, n), id)
            });
            let table = table.map(|(&id, _)| id);
            let stocks = corridor
                .into_iter()
                .filter(|r| Some(r.import_id) == table)
                .map(|r| YearValue {
                    year: r.year,
                    value: ctx.cell_value(
                        r.import_id,
                        r.value,
                        Unit::Persons,
                        r.provenance.to_string(),
                    ),
                })
                .collect();
            CorridorTrend {
                partner: c.partner.clone(),
                partner_name: c.partner_name.clone(),
                stocks,
            }
        })
        .collect()
}

/// The latest year's corridors of the chosen import, both sexes, without self-pairs.
fn latest_corridors<'a>(
    ranker: &Ranker,
    rows: &'a [StoredPairValue],
) -> Option<(i32, i64, Vec<&'a StoredPairValue>)> {
    let chosen = chosen_imports(ranker, rows);
    let (&year, &import_id) = chosen.iter().next_back()?;
    let latest = rows
        .iter()
        .filter(|r| {
            r.year == year && r.import_id == import_id && r.sex == Sex::Total && r.from != r.to
        })
        .collect();
    Some((year, import_id, latest))
}

/// Every destination with a positive stock in the latest year, largest first.
fn diaspora(ctx: &mut Ctx<'_>, rows: &[StoredPairValue]) -> Option<Diaspora> {
    let (year, import_id, mut latest) = latest_corridors(ctx.ranker, rows)?;
    latest.retain(|r| r.value > 0.0);
    latest.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.to.cmp(&b.to)));
    let how = format!(
        "bilateral migrant stock from this country, {year}, {} destinations with a positive stock (each row one cell of the dataset)",
        latest.len()
    );
    let source = ctx.source(import_id, None, Some(how));
    let destinations = latest
        .iter()
        .map(|r| DiasporaDestination {
            iso3: r.to.as_str().to_owned(),
            m49: domain::area::real_area(r.to).map(|a| a.m49.get()),
            name: ctx.name(r.to),
            persons: r.value,
        })
        .collect();
    Some(Diaspora { year, source, destinations })
}

/// The Herfindahl–Hirschman index over the partners of the latest year.
fn concentration(
    ctx: &mut Ctx<'_>,
    rows: &[StoredPairValue],
    side: Side,
    what: &str,
) -> Option<Concentration> {
    let (year, import_id, latest) = latest_corridors(ctx.ranker, rows)?;
    let positive: Vec<f64> = latest.iter().map(|r| r.value).filter(|v| *v > 0.0).collect();
    let total: f64 = positive.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let index: f64 = positive.iter().map(|v| (v / total).powi(2)).sum();
    let how = format!(
        "Herfindahl–Hirschman index of {what}: Σ (partner ÷ total)² over {} {} with a positive value, {year}",
        positive.len(),
        side.noun()
    );
    Some(Concentration {
        year,
        index: ctx.derived(import_id, index, Unit::Number, how),
        n_partners: positive.len(),
    })
}

/// SDG 10.c.1 over the corridors' latest costs: the latest year with any corridor.
fn cost_summary(
    ctx: &mut Ctx<'_>,
    costs: &[CorridorCost],
    rpw_country_average: Option<YearValue>,
) -> Option<CostSummary> {
    let finite: Vec<&CorridorCost> =
        costs.iter().filter(|c| c.cost_pct.value.is_finite()).collect();
    let year = finite.iter().map(|c| c.year).max()?;
    let that_year: Vec<&CorridorCost> = finite.into_iter().filter(|c| c.year == year).collect();
    let n = that_year.len();
    let average = that_year.iter().map(|c| c.cost_pct.value).sum::<f64>() / n as f64;
    let above = that_year.iter().filter(|c| c.cost_pct.value > 5.0).count();
    let import_id = that_year[0].cost_pct.source.dataset_id;
    let what = format!("{n} corridors' average cost of sending US$200 in {year}");
    let average_pct =
        ctx.derived(import_id, average, Unit::Percent, format!("simple average of the {what}"));
    let share_above_5_pct = ctx.derived(
        import_id,
        100.0 * above as f64 / n as f64,
        Unit::Percent,
        format!("{above} of the {what} above 5 %, × 100"),
    );
    let gap_to_3_pct = ctx.derived(
        import_id,
        average - 3.0,
        Unit::Percent,
        format!("simple average of the {what} − 3 (SDG 10.c target), percentage points"),
    );
    Some(CostSummary {
        year,
        n_corridors: n,
        average_pct,
        share_above_5_pct,
        gap_to_3_pct,
        rpw_country_average,
    })
}

/// The ICMW status from the store, or for a demo country from its countries file.
fn icmw_status(
    ctx: &mut Ctx<'_>,
    rows: Vec<StoredAreaValue>,
    code: Iso3,
    fictional: bool,
) -> Option<Status> {
    if let Some(r) =
        rows.into_iter().filter(|r| r.sex == Sex::Total).max_by_key(|r| (r.year, -r.import_id))
    {
        let (yes, detail) = match r.value as i64 {
            2 => (true, format!("state party (ratification or accession {})", r.year)),
            1 => (false, "signatory, not ratified".to_owned()),
            _ => (false, "not a party, not a signatory".to_owned()),
        };
        return Some(Status {
            yes,
            detail,
            year: (r.value as i64 == 2).then_some(r.year),
            source: ctx.source(r.import_id, Some(r.provenance.to_string()), None),
        });
    }
    let attributes = fictional.then(groups::demo_attributes).flatten()?;
    let a = attributes.into_iter().find(|a| a.iso3 == code)?;
    let demo_id = ctx.datasets.values().find(|d| d.fictional).map(|d| d.id)?;
    Some(Status {
        yes: a.icmw_party,
        detail: if a.icmw_party { "state party".to_owned() } else { "not a party".to_owned() },
        year: None,
        source: ctx.source(demo_id, Some("countries.csv, column icmw_party".to_owned()), None),
    })
}
