//! Country migration profiles: the evidence base, as plain data.
//!
//! A [`CountryProfile`] holds, for one country, its migrant stocks in and out by year
//! and sex, its top corridors, its remittances and their cost, with every value
//! carrying its [`Unit`] and its [`Source`]. It is built by [`crate::Workspace::profile`]
//! and rendered by the CLI (table, JSON, CSV) and the `report` crate (HTML).

use domain::Unit;
use serde::Serialize;

use crate::said::{Said, Term};

fn ser_unit<S: serde::Serializer>(unit: &Unit, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(unit.as_str())
}

/// Where a value comes from: the dataset and, for a value read from one cell, that cell;
/// for a derived value, how it was derived.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// The store's id of the dataset import.
    pub dataset_id: i64,
    /// The dataset's title and edition, e.g. "International Migrant Stock 2024".
    pub dataset: String,
    /// The publisher.
    pub publisher: String,
    /// The cell the value was read from, as "file, sheet "S", row R, column C"; `None`
    /// for derived values.
    pub cell: Option<String>,
    /// How a derived value was computed from stored values, e.g. "sum over 9 origins";
    /// `None` for values read from one cell.
    pub derivation: Option<String>,
}

/// A value with its unit and source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Value {
    /// The value, in `unit`.
    pub value: f64,
    /// The unit.
    #[serde(serialize_with = "ser_unit")]
    pub unit: Unit,
    /// Where it comes from.
    pub source: Source,
    /// Why this value was chosen over other datasets' values for the same cell (the
    /// rule and the alternatives); `None` where only one dataset can hold the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choice: Option<crate::select::Choice>,
}

/// Migrant stock in one year, by sex.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StockYear {
    /// The year (mid-year stock).
    pub year: i32,
    /// Both sexes.
    pub total: Value,
    /// Males, where known.
    pub male: Option<Value>,
    /// Females, where known.
    pub female: Option<Value>,
    /// The stock as a percentage of the country's population that year, where known.
    pub share_of_population: Option<Value>,
}

/// One corridor of the country with its size.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CorridorStock {
    /// The other country's ISO alpha-3 code.
    pub partner: String,
    /// The other country's name.
    pub partner_name: String,
    /// The year.
    pub year: i32,
    /// The migrant stock along the corridor (persons).
    pub stock: Value,
    /// The corridor's share of the country's total stock in or out (percent).
    pub share: Value,
}

/// A value of a country-level series in one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearValue {
    /// The year.
    pub year: i32,
    /// The value.
    pub value: Value,
}

/// The cost of sending remittances along one corridor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CorridorCost {
    /// The sending country's ISO alpha-3 code.
    pub sender: String,
    /// The sending country's name.
    pub sender_name: String,
    /// The receiving country's ISO alpha-3 code.
    pub receiver: String,
    /// The receiving country's name.
    pub receiver_name: String,
    /// The year.
    pub year: i32,
    /// Average total cost of sending US$200, percent of the amount sent.
    pub cost_pct: Value,
}

/// A policy of the country's register, summarised.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicySummary {
    /// Register identifier.
    pub id: String,
    /// Owning ministry.
    pub ministry: String,
    /// Title.
    pub title: String,
    /// Migration-cycle stages (identifiers).
    pub stages: Vec<String>,
    /// Policy area.
    pub area: String,
    /// Partner countries (ISO alpha-3).
    pub partners: Vec<String>,
    /// Status (after any register edit).
    pub status: String,
    /// Where the policy comes from, as `coherence register list` says: `imported` (as
    /// in a dataset), `edited` (a dataset's policy changed in the register) or
    /// `register` (only in the register).
    pub layer: crate::register::RegisterLayer,
    /// The latest change of the policy in the register's audit log (an edit, or an
    /// import of a register file); `None` when it is as imported.
    pub last_change: Option<PolicyChange>,
}

/// The latest change of a policy in the register's audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyChange {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub user: String,
    /// Why.
    pub reason: String,
    /// An edit, or an import from a register file.
    pub action: crate::register::AuditAction,
    /// The fields that change changed, with their old and new values (empty for a
    /// policy added by a register file).
    pub fields: Vec<crate::register::FieldChangeInfo>,
}

/// The latest stored answers of the country to a built-in framework, scored
/// (`coherence assess COUNTRY --answers FILE.csv --store`; see `docs/assessment.md`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FrameworkAssessment {
    /// The framework's id, e.g. `sdg-10.7.2`.
    pub framework: String,
    /// The framework's title.
    pub framework_title: String,
    /// Whose adaptation the framework is, if not an official instrument.
    pub adaptation: Option<String>,
    /// Scored or checklist.
    pub kind: crate::assess::FrameworkKind,
    /// The overall score and band (SDG 10.7.2: the mean of the 30 items × 100), if the
    /// framework has one and every item needed is answered.
    pub overall: Option<crate::assess::Score>,
    /// Each domain's score and band (or tally, for a checklist).
    pub domains: Vec<crate::assess::DomainResult>,
    /// Unanswered items.
    pub unanswered: Vec<String>,
    /// How the unanswered items were scored (the framework's rule).
    pub non_response: crate::assess::NonResponse,
    /// Where the answers come from: version, file, stored when, by whom and why.
    pub answers: crate::assess::AnswersProvenance,
}

/// The identity of the profiled country.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProfileArea {
    /// ISO alpha-3 code.
    pub iso3: String,
    /// UN M49 code, for real areas.
    pub m49: Option<u16>,
    /// Name.
    pub name: String,
    /// Whether the area is fictional (the demo world).
    pub fictional: bool,
}

impl ProfileArea {
    /// The area as an argument of a sentence (named in the reader's language).
    pub fn country(&self) -> Term {
        Term::country(&self.iso3, &self.name)
    }
}

/// One corridor's migrant stock across the years loaded: the trend of a top corridor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CorridorTrend {
    /// The other country's ISO alpha-3 code.
    pub partner: String,
    /// The other country's name.
    pub partner_name: String,
    /// The corridor's stock (persons) in each year, oldest first.
    pub stocks: Vec<YearValue>,
}

/// SDG 10.c.1 for one side of the country's corridors: what sending US$200 costs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostSummary {
    /// The latest year with corridor costs; the figures below are for that year.
    pub year: i32,
    /// How many corridors have a cost that year.
    pub n_corridors: usize,
    /// Simple average of the corridors' average costs (percent of the amount sent).
    pub average_pct: Value,
    /// Share of the corridors costing more than 5 % (percent of corridors).
    pub share_above_5_pct: Value,
    /// The average minus the SDG 10.c target of 3 % (percentage points; negative when
    /// the target is met).
    pub gap_to_3_pct: Value,
    /// Remittance Prices Worldwide's own country average (WDI `SI.RMT.COST.IB.ZS` for
    /// the receiving side, `SI.RMT.COST.OB.ZS` for the sending side), latest year, where
    /// loaded.
    pub rpw_country_average: Option<YearValue>,
}

/// A GDP-weighted aggregate of SDG 17.3.2 over a group of countries:
/// Σ remittances received ÷ Σ GDP × 100 over the members with both values.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupShare {
    /// The group's code in `coherence profile` syntax, e.g. `sdg:SSA`, `world`.
    pub code: String,
    /// The group's name with its kind, e.g. "SDG region: Sub-Saharan Africa".
    pub name: String,
    /// The year.
    pub year: i32,
    /// The aggregate (percent of GDP).
    pub value: Value,
    /// Members of the group.
    pub n_members: usize,
    /// Members with both remittances and GDP that year (those summed).
    pub n_with_data: usize,
    /// Members lacking remittances or GDP that year (ISO alpha-3), left out of both sums.
    pub missing: Vec<String>,
}

/// A Herfindahl–Hirschman index of concentration: Σ sᵢ² over partners' shares sᵢ
/// (fractions), from 1/n (evenly spread) to 1 (a single partner).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Concentration {
    /// The year.
    pub year: i32,
    /// The index (a number between 0 and 1).
    pub index: Value,
    /// Partners with a positive value.
    pub n_partners: usize,
}

/// One destination of the country's emigrants, for maps.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiasporaDestination {
    /// ISO alpha-3 code of the destination.
    pub iso3: String,
    /// UN M49 code of the destination, for real areas.
    pub m49: Option<u16>,
    /// The destination's name.
    pub name: String,
    /// Emigrants living there (persons).
    pub persons: f64,
}

/// The country's diaspora by destination: every destination with a positive stock.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diaspora {
    /// The year (latest with bilateral stocks).
    pub year: i32,
    /// Where the stocks come from (one dataset; each row is one of its cells).
    pub source: Source,
    /// Destinations, largest first.
    pub destinations: Vec<DiasporaDestination>,
}

/// Whether the country is on a list or party to a convention, with the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Status {
    /// On the list, or a state party.
    pub yes: bool,
    /// Details: the edition of a list, or "signed, not ratified", "ratified 2005".
    pub detail: String,
    /// The year the status dates from, where known (year of ratification).
    pub year: Option<i32>,
    /// Where it comes from.
    pub source: Source,
}

/// A group of countries the area belongs to, or, for a group's profile, what it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The group's code in `coherence profile` syntax (`region:202`, `sdg:SSA`,
    /// `income:LMC`, `world`).
    pub code: String,
    /// The kind of group ("UN region", "SDG region", "World Bank income group"...).
    pub kind: String,
    /// The group's name.
    pub name: String,
}

/// For the profile of a group of countries: its members and how they were found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupMembers {
    /// The group.
    pub group: Group,
    /// Members (ISO alpha-3), sorted.
    pub members: Vec<String>,
    /// Where the membership comes from.
    pub source: String,
}

/// A stored estimate of the country's migration flows over one period: persons who
/// moved in and out, summed over the estimate's corridors (`coherence estimate flows
/// ... --store`; see `docs/flows.md`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EstimatedFlow {
    /// The estimation method, e.g. `sd_rev_neg`, `da_pb_closed`.
    pub method: String,
    /// First year of the period (the first stock table).
    pub period_start: i32,
    /// Last year of the period (the second stock table).
    pub period_end: i32,
    /// Persons who moved into the country during the period: the sum of the stored
    /// flows from every other area (persons). Its source names the derived dataset
    /// and the command that stored it.
    pub inflow: Value,
    /// Persons who moved out of the country during the period: the sum of the stored
    /// flows to every other area (persons).
    pub outflow: Value,
    /// Inflow minus outflow over the period (persons).
    pub net: Value,
    /// Areas with a non-zero flow into the country.
    pub n_origins: usize,
    /// Areas with a non-zero flow out of the country.
    pub n_destinations: usize,
}

/// A country's migration profile. `Default` is the empty profile of no area.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CountryProfile {
    /// The country.
    pub area: ProfileArea,
    /// Set when any value comes from fictional data: the notice every output must show.
    pub fictional_notice: Option<String>,
    /// For the profile of a group of countries (region, income group, world): the
    /// group and its members. Stocks, remittances and GDP are then sums over members.
    pub group: Option<GroupMembers>,
    /// The groups the country belongs to (UN regions, SDG region, income group).
    pub memberships: Vec<Group>,
    /// Immigrants living in the country, by year.
    pub stock_in: Vec<StockYear>,
    /// Emigrants from the country living abroad, by year.
    pub stock_out: Vec<StockYear>,
    /// Emigration rate: emigrants ÷ (residents born in the country + emigrants) × 100,
    /// where residents born in the country = population − immigrants, by year.
    pub emigration_rate: Vec<YearValue>,
    /// Where the country's emigrants live, largest first (latest year).
    pub top_destinations: Vec<CorridorStock>,
    /// Where the country's immigrants come from, largest first (latest year).
    pub top_origins: Vec<CorridorStock>,
    /// The top destinations' stocks across years (trend), in the order of
    /// `top_destinations`.
    pub destination_trends: Vec<CorridorTrend>,
    /// The top origins' stocks across years (trend), in the order of `top_origins`.
    pub origin_trends: Vec<CorridorTrend>,
    /// Every destination of the country's emigrants (latest year), for maps.
    pub diaspora: Option<Diaspora>,
    /// Concentration of emigrants over destinations (Herfindahl index), latest year.
    pub destination_concentration: Option<Concentration>,
    /// Net migration (immigrants minus emigrants over the year; WDI SM.POP.NETM or UN
    /// WPP), persons, by year.
    pub net_migration: Vec<YearValue>,
    /// Flow estimates stored in the store (derived datasets of `coherence estimate
    /// flows --store`), one per method and period, oldest period first; empty when none
    /// is stored (then listed in `gaps`).
    pub estimated_flows: Vec<EstimatedFlow>,
    /// Population, by year.
    pub population: Vec<YearValue>,
    /// GDP, current US$, by year.
    pub gdp: Vec<YearValue>,
    /// Personal remittances received, current US$, by year.
    pub remittances_received: Vec<YearValue>,
    /// Personal remittances paid, current US$, by year.
    pub remittances_paid: Vec<YearValue>,
    /// Remittances received as a percentage of GDP recomputed here (the chosen
    /// remittances ÷ the chosen GDP × 100), by year: not the official SDG 17.3.2 series
    /// (see `sdg_17_3_2`); each value's derivation gives the official value and the
    /// difference where both exist.
    pub remittances_pct_gdp: Vec<YearValue>,
    /// SDG 17.3.2 as its custodian publishes it (WDI BX.TRF.PWKR.DT.GD.ZS), by year.
    pub sdg_17_3_2: Vec<YearValue>,
    /// SDG 17.3.2 of the country's groups and the world, GDP-weighted, in the latest
    /// year of the country's own value.
    pub remittances_pct_gdp_groups: Vec<GroupShare>,
    /// Exports of goods and services, current US$, by year.
    pub exports: Vec<YearValue>,
    /// Remittances received as a percentage of exports of goods and services, by year.
    pub remittances_pct_exports: Vec<YearValue>,
    /// Remittances received per person living in the country, current US$, by year.
    pub remittances_per_capita: Vec<YearValue>,
    /// Concentration of remittances received over sending countries (Herfindahl
    /// index over the bilateral remittance matrix), latest year.
    pub sender_concentration: Option<Concentration>,
    /// Costs of sending US$200 to the country, by corridor (latest year of each).
    pub costs_to: Vec<CorridorCost>,
    /// Costs of sending US$200 from the country, by corridor (latest year of each).
    pub costs_from: Vec<CorridorCost>,
    /// SDG 10.c.1 for remittances sent to the country.
    pub cost_to_summary: Option<CostSummary>,
    /// SDG 10.c.1 for remittances sent from the country.
    pub cost_from_summary: Option<CostSummary>,
    /// Skilled emigration rate (Docquier–Marfouk): tertiary-educated emigrants as a
    /// percentage of the tertiary-educated born in the country, latest year.
    pub skilled_emigration_rate: Option<YearValue>,
    /// Health workers born in the country working abroad as a percentage of those
    /// working at home plus abroad, latest year.
    pub health_worker_emigration_rate: Option<YearValue>,
    /// Physicians per 1,000 people, latest year.
    pub physicians_per_1000: Option<YearValue>,
    /// Whether the country is on the WHO Health Workforce Support and Safeguards List
    /// (2023 edition).
    pub who_safeguards_list: Option<Status>,
    /// Whether the country is party to the 1990 International Convention on the
    /// Protection of the Rights of All Migrant Workers and Members of Their Families.
    pub icmw: Option<Status>,
    /// Scores of the latest answers stored for the country, one per built-in
    /// framework answered (SDG 10.7.2 first); empty when none is stored (then the
    /// missing SDG 10.7.2 answers are listed in `gaps`).
    pub assessments: Vec<FrameworkAssessment>,
    /// The country's effective policy register: imported policies with the register's
    /// edits, as `coherence register list` and the corridor checks read it.
    pub policies: Vec<PolicySummary>,
    /// Labour migration: deployments of nationals by destination (origins), temporary
    /// and permanent-type inflows by category (destinations).
    pub labour: crate::labour::LabourMigration,
    /// Forced displacement: refugees and asylum-seekers hosted and abroad, IDPs.
    pub displacement: crate::labour::Displacement,
    /// Indicators that could not be computed, each with what would fill the gap.
    pub gaps: Vec<Gap>,
    /// Editions read instead of their datasets' newest, as asked ("KEY edition E");
    /// empty when every dataset's newest edition was read.
    pub pinned_editions: Vec<String>,
    /// Corridor checks with the country's largest partners (see
    /// [`crate::corridor`]); empty when the country has no bilateral migrant stock (and
    /// for groups). Rules that need a register not loaded are "not evaluated".
    pub corridor_checks: Vec<crate::corridor::CorridorReport>,
}

/// A data gap: what could not be computed and why, in words for readers (naming the
/// dataset that is missing or does not cover the country, never a command), and what
/// would fill it, for front ends to offer in their own terms (the CLI prints a command).
/// Serialized as the sentence's `code`, `args` and English `text`, then `fill`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    /// The gap as a sentence, worded in any language with [`Said::in_lang`].
    #[serde(flatten)]
    pub said: Said,
    /// An action that would fill it, when one exists beyond importing the data named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fill: Option<Fill>,
}

/// An action that fills a data gap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Fill {
    /// Estimate migration flows between two years of one stored table of the bilateral
    /// migrant stock, and store them.
    EstimateFlows {
        /// The first year.
        from: i32,
        /// The second year.
        to: i32,
    },
    /// Import a policy register of the country.
    ImportRegister,
    /// Store the country's answers to a framework's questionnaire.
    StoreAnswers {
        /// The country's code.
        country: String,
        /// The framework's id, e.g. `sdg-10.7.2`.
        framework: String,
    },
}

/// The data gaps of a profile as it is built.
#[derive(Default)]
pub(crate) struct Gaps(pub(crate) Vec<Gap>);

impl Gaps {
    /// A gap in words only.
    pub(crate) fn push(&mut self, said: Said) {
        self.0.push(Gap { said, fill: None });
    }

    /// A gap with the action that would fill it.
    pub(crate) fn push_fill(&mut self, said: Said, fill: Fill) {
        self.0.push(Gap { said, fill: Some(fill) });
    }
}

impl CountryProfile {
    /// Keeps only `year` in the profile's yearly series (`profile --year`).
    pub fn keep_year(&mut self, year: i32) {
        self.stock_in.retain(|s| s.year == year);
        self.stock_out.retain(|s| s.year == year);
        self.top_destinations.retain(|c| c.year == year);
        self.top_origins.retain(|c| c.year == year);
        self.estimated_flows.retain(|f| (f.period_start..=f.period_end).contains(&year));
        for series in [
            &mut self.population,
            &mut self.gdp,
            &mut self.remittances_received,
            &mut self.remittances_paid,
            &mut self.remittances_pct_gdp,
            &mut self.sdg_17_3_2,
        ] {
            series.retain(|v| v.year == year);
        }
        self.labour.keep_year(year);
        self.displacement.keep_year(year);
    }

    /// Keeps of the country's register only the policies `ids` (what a government shares
    /// one by one with a partnership of the reader), and removes the corridor checks,
    /// which read the whole register; both removals are said in `gaps`.
    pub fn keep_policies(&mut self, ids: &[String]) {
        let country = self.area.country();
        let before = self.policies.len();
        self.policies.retain(|p| ids.contains(&p.id));
        self.corridor_checks.clear();
        self.gaps.retain(|g| g.fill != Some(Fill::ImportRegister));
        let said = Said::new(
            "gap-register-partly-shared",
            vec![
                ("country", country),
                ("shared", Term::Count(self.policies.len())),
                ("total", Term::Count(before)),
            ],
        );
        self.gaps.push(Gap { said, fill: None });
    }

    /// Removes what the reader may not see of governments' own work: the country's
    /// register (`policies`, and the corridor checks, which read it) when `register` is
    /// withheld, its stored answers (`assessments`) when `answers` is, and the corridor
    /// checks with any partner in `partners` (whose register is withheld). Each removal is
    /// said in `gaps`, in place of the gaps that would tell the reader to fill them.
    pub fn withhold(&mut self, register: bool, answers: bool, partners: &[String]) {
        let country = || vec![("country", self.area.country())];
        if register {
            let said = Said::new("gap-register-withheld", country());
            self.policies.clear();
            self.corridor_checks.clear();
            self.gaps.retain(|g| g.fill != Some(Fill::ImportRegister));
            self.gaps.push(Gap { said, fill: None });
        }
        if answers {
            let said = Said::new("gap-answers-withheld", country());
            self.assessments.clear();
            self.gaps.retain(|g| !matches!(g.fill, Some(Fill::StoreAnswers { .. })));
            self.gaps.push(Gap { said, fill: None });
        }
        let before = self.corridor_checks.len();
        let hidden = |r: &crate::corridor::CorridorReport| {
            partners.iter().any(|p| *p == r.origin.iso3 || *p == r.destination.iso3)
        };
        self.corridor_checks.retain(|r| !hidden(r));
        if self.corridor_checks.len() < before {
            let count = Term::Count(before - self.corridor_checks.len());
            let said = Said::new("gap-checks-withheld", vec![("count", count)]);
            self.gaps.push(Gap { said, fill: None });
        }
    }
}
