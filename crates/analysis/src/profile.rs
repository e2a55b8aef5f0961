//! Country migration profiles: the evidence base, as plain data.
//!
//! A [`CountryProfile`] holds, for one country, its migrant stocks in and out by year
//! and sex, its top corridors, its remittances and their cost, with every value
//! carrying its [`Unit`] and its [`Source`]. It is built by [`crate::Workspace::profile`]
//! and rendered by the CLI (table, JSON, CSV) and the `report` crate (HTML).

use domain::Unit;
use serde::Serialize;

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
    /// Status.
    pub status: String,
}

/// The identity of the profiled country.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// A country's migration profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountryProfile {
    /// The country.
    pub area: ProfileArea,
    /// Set when any value comes from fictional data: the notice every output must show.
    pub fictional_notice: Option<String>,
    /// Immigrants living in the country, by year.
    pub stock_in: Vec<StockYear>,
    /// Emigrants from the country living abroad, by year.
    pub stock_out: Vec<StockYear>,
    /// Where the country's emigrants live, largest first (latest year).
    pub top_destinations: Vec<CorridorStock>,
    /// Where the country's immigrants come from, largest first (latest year).
    pub top_origins: Vec<CorridorStock>,
    /// Population, by year.
    pub population: Vec<YearValue>,
    /// GDP, current US$, by year.
    pub gdp: Vec<YearValue>,
    /// Personal remittances received, current US$, by year.
    pub remittances_received: Vec<YearValue>,
    /// Personal remittances paid, current US$, by year.
    pub remittances_paid: Vec<YearValue>,
    /// Remittances received as a percentage of GDP (SDG 17.3.2), by year.
    pub remittances_pct_gdp: Vec<YearValue>,
    /// Costs of sending US$200 to the country, by corridor (latest year of each).
    pub costs_to: Vec<CorridorCost>,
    /// Costs of sending US$200 from the country, by corridor (latest year of each).
    pub costs_from: Vec<CorridorCost>,
    /// Skilled emigration rate (Docquier–Marfouk): tertiary-educated emigrants as a
    /// percentage of the tertiary-educated born in the country, latest year.
    pub skilled_emigration_rate: Option<YearValue>,
    /// Health workers born in the country working abroad as a percentage of those
    /// working at home plus abroad, latest year.
    pub health_worker_emigration_rate: Option<YearValue>,
    /// Physicians per 1,000 people, latest year.
    pub physicians_per_1000: Option<YearValue>,
    /// The country's policy register.
    pub policies: Vec<PolicySummary>,
    /// Indicators that could not be computed, each with what would fill the gap.
    pub gaps: Vec<String>,
}
