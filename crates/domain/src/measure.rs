//! Values with explicit units, the sex breakdown, and the indicators Coherence stores.
//!
//! Every stored value is kept in its *base* unit — persons, not thousands; US dollars,
//! not millions — so that no reader ever has to guess a scale. Output adapters may
//! rescale for display (e.g. `usd_millions` columns) and say so in the column name.

use std::fmt;

/// The unit of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// A number of people.
    Persons,
    /// US dollars at current prices and exchange rates.
    UsdCurrent,
    /// International (PPP) dollars at current prices.
    UsdPpp,
    /// A percentage (0–100, not a fraction).
    Percent,
    /// A number per 1,000 people.
    PerThousand,
    /// A pure number, such as an index or a count that is not of people.
    Number,
}

impl Unit {
    /// Every unit, in a stable order.
    pub const ALL: [Unit; 6] = [
        Unit::Persons,
        Unit::UsdCurrent,
        Unit::UsdPpp,
        Unit::Percent,
        Unit::PerThousand,
        Unit::Number,
    ];

    /// A stable identifier used in storage and machine-readable output.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Persons => "persons",
            Unit::UsdCurrent => "usd_current",
            Unit::UsdPpp => "usd_ppp",
            Unit::Percent => "percent",
            Unit::PerThousand => "per_1000",
            Unit::Number => "number",
        }
    }

    /// A short human label, as used in table headers.
    pub fn label(self) -> &'static str {
        match self {
            Unit::Persons => "persons",
            Unit::UsdCurrent => "current US$",
            Unit::UsdPpp => "PPP US$ (current international $)",
            Unit::Percent => "%",
            Unit::PerThousand => "per 1,000 people",
            Unit::Number => "number",
        }
    }

    /// Parses [`Unit::as_str`]'s output.
    pub fn parse(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value with its unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    /// The value, in `unit`.
    pub value: f64,
    /// The unit of `value`.
    pub unit: Unit,
}

/// The sex breakdown of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sex {
    /// Both sexes.
    Total,
    /// Males.
    Male,
    /// Females.
    Female,
}

impl Sex {
    /// Every value, in a stable order.
    pub const ALL: [Sex; 3] = [Sex::Total, Sex::Male, Sex::Female];

    /// A stable identifier used in storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Total => "total",
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// Parses [`Sex::as_str`]'s output and the usual spellings (`both`, `m`, `f`).
    pub fn parse(s: &str) -> Option<Sex> {
        match s.trim().to_ascii_lowercase().as_str() {
            "total" | "both" | "both sexes" | "t" | "all" => Some(Sex::Total),
            "male" | "males" | "m" => Some(Sex::Male),
            "female" | "females" | "f" => Some(Sex::Female),
            _ => None,
        }
    }
}

impl fmt::Display for Sex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether an indicator describes one area or a pair of areas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One value per area and year (e.g. population).
    Area,
    /// One value per ordered pair of areas and year (e.g. the migrant stock from an
    /// origin living in a destination). For remittances the pair is (sender, receiver).
    Bilateral,
}

/// An indicator Coherence stores: a stable code, its unit and its meaning.
///
/// The codes are Coherence's own and stay stable; where the World Bank's World
/// Development Indicators publish the same concept, [`Indicator::wdi_code`] names the
/// series so that importers and cross-checks can map between the two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Indicator {
    /// Stable identifier used in storage and output.
    pub code: &'static str,
    /// The unit values are stored in.
    pub unit: Unit,
    /// One area or a pair of areas.
    pub shape: Shape,
    /// A short human title.
    pub title: &'static str,
    /// The WDI series with the same definition, if any.
    pub wdi_code: Option<&'static str>,
}

impl Indicator {
    /// Population at mid-year (1 July): both sexes, or males and females where the
    /// source publishes them (UN World Population Prospects' population by sex).
    pub const POPULATION: Indicator = Indicator {
        code: "population",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Population",
        wdi_code: Some("SP.POP.TOTL"),
    };
    /// Gross domestic product at current US$.
    pub const GDP_USD: Indicator = Indicator {
        code: "gdp_usd",
        unit: Unit::UsdCurrent,
        shape: Shape::Area,
        title: "GDP (current US$)",
        wdi_code: Some("NY.GDP.MKTP.CD"),
    };
    /// GDP per capita, PPP (current international $).
    pub const GDP_PER_CAPITA_PPP: Indicator = Indicator {
        code: "gdp_per_capita_ppp",
        unit: Unit::UsdPpp,
        shape: Shape::Area,
        title: "GDP per capita, PPP (current international $)",
        wdi_code: Some("NY.GDP.PCAP.PP.CD"),
    };
    /// GDP per capita at current US$.
    pub const GDP_PER_CAPITA_USD: Indicator = Indicator {
        code: "gdp_per_capita_usd",
        unit: Unit::UsdCurrent,
        shape: Shape::Area,
        title: "GDP per capita (current US$)",
        wdi_code: Some("NY.GDP.PCAP.CD"),
    };
    /// Personal remittances received, current US$.
    pub const REMITTANCES_RECEIVED_USD: Indicator = Indicator {
        code: "remittances_received_usd",
        unit: Unit::UsdCurrent,
        shape: Shape::Area,
        title: "Personal remittances received (current US$)",
        wdi_code: Some("BX.TRF.PWKR.CD.DT"),
    };
    /// Personal remittances paid, current US$.
    pub const REMITTANCES_PAID_USD: Indicator = Indicator {
        code: "remittances_paid_usd",
        unit: Unit::UsdCurrent,
        shape: Shape::Area,
        title: "Personal remittances paid (current US$)",
        wdi_code: Some("BM.TRF.PWKR.CD.DT"),
    };
    /// Net migration (immigrants minus emigrants) over the year.
    pub const NET_MIGRATION: Indicator = Indicator {
        code: "net_migration",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Net migration",
        wdi_code: Some("SM.POP.NETM"),
    };
    /// Physicians per 1,000 people.
    pub const PHYSICIANS_PER_1000: Indicator = Indicator {
        code: "physicians_per_1000",
        unit: Unit::PerThousand,
        shape: Shape::Area,
        title: "Physicians (per 1,000 people)",
        wdi_code: Some("SH.MED.PHYS.ZS"),
    };
    /// Emigrants aged 25+ with tertiary education (Docquier–Marfouk numerator).
    pub const EMIGRANTS_TERTIARY: Indicator = Indicator {
        code: "emigrants_tertiary",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Emigrants aged 25+ with tertiary education",
        wdi_code: None,
    };
    /// Residents aged 25+ with tertiary education (Docquier–Marfouk denominator part).
    pub const RESIDENTS_TERTIARY: Indicator = Indicator {
        code: "residents_tertiary",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Resident population aged 25+ with tertiary education",
        wdi_code: None,
    };
    /// Doctors and nurses born in the area working abroad.
    pub const HEALTH_WORKERS_ABROAD: Indicator = Indicator {
        code: "health_workers_abroad",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Health workers (doctors and nurses) born here working abroad",
        wdi_code: None,
    };
    /// Doctors and nurses working in the area.
    pub const HEALTH_WORKERS_HOME: Indicator = Indicator {
        code: "health_workers_home",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Health workers (doctors and nurses) working here",
        wdi_code: None,
    };
    /// International migrant stock: people born in (or citizens of) the origin living
    /// in the destination, mid-year. Pair = (origin, destination).
    pub const MIGRANT_STOCK: Indicator = Indicator {
        code: "migrant_stock",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "International migrant stock",
        wdi_code: None,
    };
    /// Remittances sent along a corridor in a year. Pair = (sender, receiver).
    pub const BILATERAL_REMITTANCES_USD: Indicator = Indicator {
        code: "bilateral_remittances_usd",
        unit: Unit::UsdCurrent,
        shape: Shape::Bilateral,
        title: "Bilateral remittances (current US$)",
        wdi_code: None,
    };
    /// Average total cost of sending US$200 along a corridor, as a percentage of the
    /// amount sent (Remittance Prices Worldwide). Pair = (sender, receiver).
    pub const REMITTANCE_COST_200: Indicator = Indicator {
        code: "remittance_cost_200_pct",
        unit: Unit::Percent,
        shape: Shape::Bilateral,
        title: "Average cost of sending US$200 (% of amount sent)",
        wdi_code: None,
    };

    /// International migrant stock living in the area: people born in (or citizens
    /// of) another country, all origins together, mid-year (UN DESA totals by
    /// destination).
    pub const IMMIGRANT_STOCK: Indicator = Indicator {
        code: "immigrant_stock",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "International migrant stock (immigrants living here)",
        wdi_code: Some("SM.POP.TOTL"),
    };
    /// Emigrant stock: people born in (or citizens of) the area living in other
    /// countries, all destinations together, mid-year (UN DESA totals by origin).
    pub const EMIGRANT_STOCK: Indicator = Indicator {
        code: "emigrant_stock",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Emigrant stock (born here, living abroad)",
        wdi_code: None,
    };
    /// Personal remittances received, as a percentage of GDP.
    pub const REMITTANCES_RECEIVED_PCT_GDP: Indicator = Indicator {
        code: "remittances_received_pct_gdp",
        unit: Unit::Percent,
        shape: Shape::Area,
        title: "Personal remittances received (% of GDP)",
        wdi_code: Some("BX.TRF.PWKR.DT.GD.ZS"),
    };
    /// Average transaction cost of sending remittances *to* the area, as a percentage
    /// of the amount sent (SDG 10.c.1, receiver side).
    pub const REMITTANCE_COST_TO_PCT: Indicator = Indicator {
        code: "remittance_cost_to_pct",
        unit: Unit::Percent,
        shape: Shape::Area,
        title: "Average cost of sending remittances to the country (%)",
        wdi_code: Some("SI.RMT.COST.IB.ZS"),
    };
    /// Average transaction cost of sending remittances *from* the area, as a
    /// percentage of the amount sent (SDG 10.c.1, sender side).
    pub const REMITTANCE_COST_FROM_PCT: Indicator = Indicator {
        code: "remittance_cost_from_pct",
        unit: Unit::Percent,
        shape: Shape::Area,
        title: "Average cost of sending remittances from the country (%)",
        wdi_code: Some("SI.RMT.COST.OB.ZS"),
    };
    /// Gross enrolment ratio in tertiary education (% of the age group; may exceed 100).
    pub const TERTIARY_ENROLMENT: Indicator = Indicator {
        code: "tertiary_enrolment_pct",
        unit: Unit::Percent,
        shape: Shape::Area,
        title: "School enrollment, tertiary (% gross)",
        wdi_code: Some("SE.TER.ENRR"),
    };
    /// Average total cost of sending US$500 along a corridor, as a percentage of the
    /// amount sent (Remittance Prices Worldwide). Pair = (sender, receiver).
    pub const REMITTANCE_COST_500: Indicator = Indicator {
        code: "remittance_cost_500_pct",
        unit: Unit::Percent,
        shape: Shape::Bilateral,
        title: "Average cost of sending US$500 (% of amount sent)",
        wdi_code: None,
    };
    /// Exports of goods and services at current US$ (the denominator of remittance
    /// dependence on exports).
    pub const EXPORTS_USD: Indicator = Indicator {
        code: "exports_usd",
        unit: Unit::UsdCurrent,
        shape: Shape::Area,
        title: "Exports of goods and services (current US$)",
        wdi_code: Some("NE.EXP.GNFS.CD"),
    };
    /// The World Bank income group of an economy in the classification of the fiscal
    /// year given as the value's year, coded 1 low, 2 lower-middle, 3 upper-middle,
    /// 4 high income.
    pub const INCOME_GROUP: Indicator = Indicator {
        code: "income_group",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "World Bank income group (1 low, 2 lower-middle, 3 upper-middle, 4 high)",
        wdi_code: None,
    };
    /// Status under the 1990 International Convention on the Protection of the Rights
    /// of All Migrant Workers and Members of Their Families (ICMW), coded 2 state party
    /// (ratification or accession), 1 signatory, 0 no action; the value's year is the
    /// year of ratification for parties, otherwise the year of the status table.
    pub const ICMW_STATUS: Indicator = Indicator {
        code: "icmw_status",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "Migrant workers convention (ICMW) status (2 party, 1 signatory, 0 none)",
        wdi_code: None,
    };

    /// Whether the area is one of the least developed countries (LDC) in the UN
    /// classification of the value's year: 1 member, 0 not a member.
    pub const LDC: Indicator = Indicator {
        code: "ldc",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "Least developed country (1 member, 0 not)",
        wdi_code: None,
    };
    /// Whether the area is one of the land-locked developing countries (LLDC) in the UN
    /// classification of the value's year: 1 member, 0 not a member.
    pub const LLDC: Indicator = Indicator {
        code: "lldc",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "Land-locked developing country (1 member, 0 not)",
        wdi_code: None,
    };
    /// Whether the area is one of the small island developing States (SIDS) in the UN
    /// classification of the value's year: 1 member, 0 not a member.
    pub const SIDS: Indicator = Indicator {
        code: "sids",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "Small island developing State (1 member, 0 not)",
        wdi_code: None,
    };
    /// The UN M49 code of the area's development group in the classification of the
    /// value's year, stored as the number itself: 901 more developed regions, 902 less
    /// developed regions.
    pub const DEVELOPMENT_GROUP: Indicator = Indicator {
        code: "development_group_m49",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "UN development group (M49 code: 901 more, 902 less developed)",
        wdi_code: None,
    };
    /// The UN M49 code of the area's SDG region (e.g. 947 Sub-Saharan Africa, 927
    /// Australia and New Zealand) in the classification of the value's year, stored as
    /// the number itself.
    pub const SDG_REGION: Indicator = Indicator {
        code: "sdg_region_m49",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "SDG region (M49 code)",
        wdi_code: None,
    };
    /// The UN M49 code of the area's geographic region (903 Africa, 935 Asia, 908
    /// Europe, 904 Latin America and the Caribbean, 905 Northern America, 909 Oceania)
    /// in the classification of the value's year, stored as the number itself.
    pub const GEO_REGION: Indicator = Indicator {
        code: "region_m49",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "Geographic region (M49 code)",
        wdi_code: None,
    };
    /// The UN M49 code of the area's geographic subregion (e.g. 910 Eastern Africa,
    /// 5501 Southern Asia) in the classification of the value's year, stored as the
    /// number itself.
    pub const GEO_SUBREGION: Indicator = Indicator {
        code: "subregion_m49",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "Geographic subregion (M49 code)",
        wdi_code: None,
    };
    /// Crude birth rate: live births during the year per 1,000 people at mid-year (WDI
    /// takes it from UN World Population Prospects). Births in a year are this rate ÷
    /// 1,000 × the mid-year population.
    pub const BIRTH_RATE_CRUDE: Indicator = Indicator {
        code: "birth_rate_crude",
        unit: Unit::PerThousand,
        shape: Shape::Area,
        title: "Birth rate, crude (per 1,000 people)",
        wdi_code: Some("SP.DYN.CBRT.IN"),
    };
    /// Crude death rate: deaths during the year per 1,000 people at mid-year (WDI takes
    /// it from UN World Population Prospects). Deaths in a year are this rate ÷ 1,000 ×
    /// the mid-year population.
    pub const DEATH_RATE_CRUDE: Indicator = Indicator {
        code: "death_rate_crude",
        unit: Unit::PerThousand,
        shape: Shape::Area,
        title: "Death rate, crude (per 1,000 people)",
        wdi_code: Some("SP.DYN.CDRT.IN"),
    };
    /// Live births over the five years that start on 1 July of the stored year, as UN
    /// World Population Prospects publishes them per period: the period 1990–1995
    /// (1 July 1990 to 30 June 1995) is stored at 1990. Both sexes only: WPP publishes
    /// births by period without a split by sex, and Coherence does not derive one.
    pub const BIRTHS_5Y: Indicator = Indicator {
        code: "births_5y",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Births over the five years from 1 July",
        wdi_code: None,
    };
    /// Deaths over the five years that start on 1 July of the stored year, by sex as UN
    /// World Population Prospects publishes them per period (both sexes, males,
    /// females): the period 1990–1995 is stored at 1990.
    pub const DEATHS_5Y: Indicator = Indicator {
        code: "deaths_5y",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Deaths over the five years from 1 July",
        wdi_code: None,
    };
    /// Sex ratio at birth, male births per female birth, over the five-year period that
    /// starts on 1 July of the stored year (UN World Population Prospects; 1990–1995 is
    /// stored at 1990). Not WDI's annual `SP.POP.BRTH.MF`: a period value is not a
    /// year's, so the two are not mapped to each other.
    pub const SEX_RATIO_AT_BIRTH: Indicator = Indicator {
        code: "sex_ratio_at_birth",
        unit: Unit::Number,
        shape: Shape::Area,
        title: "Sex ratio at birth over five years (males per female)",
        wdi_code: None,
    };

    /// Nationals who left the origin for employment in the destination during the year (the
    /// ILO's "outflow of nationals for employment"; national deployment statistics: labour
    /// permits, registrations, deployments), every channel together, new and re-entry.
    /// Pair = (origin, destination). A flow, not a stock; the year is the publisher's
    /// (a fiscal year is stored at the calendar year it starts in, as its source says).
    pub const DEPLOYMENTS: Indicator = Indicator {
        code: "deployments",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Nationals who left for work abroad",
        wdi_code: None,
    };
    /// Nationals who left the area for employment abroad during the year, all
    /// destinations together, as the publisher totals them (ILOSTAT's `CDS_DES_TOTAL`):
    /// it includes destinations the publisher does not name, so it may exceed the sum of
    /// the [`Indicator::DEPLOYMENTS`] pairs.
    pub const DEPLOYMENTS_TOTAL: Indicator = Indicator {
        code: "deployments_total",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Nationals who left for work abroad, all destinations",
        wdi_code: None,
    };
    /// The part of [`Indicator::DEPLOYMENTS`] that are re-entries: workers who return to an
    /// employer abroad after a visit home (Nepal's re-entry labour permits). Pair =
    /// (origin, destination).
    pub const DEPLOYMENTS_REENTRY: Indicator = Indicator {
        code: "deployments_reentry",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Nationals who left again for work abroad (re-entry)",
        wdi_code: None,
    };
    /// The part of [`Indicator::DEPLOYMENTS`] placed by licensed private recruitment
    /// agencies. Pair = (origin, destination).
    pub const DEPLOYMENTS_AGENCY: Indicator = Indicator {
        code: "deployments_agency",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Nationals who left for work abroad through recruitment agencies",
        wdi_code: None,
    };
    /// The part of [`Indicator::DEPLOYMENTS`] who found their employment abroad themselves
    /// (individual, new permits). Pair = (origin, destination).
    pub const DEPLOYMENTS_INDIVIDUAL: Indicator = Indicator {
        code: "deployments_individual",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Nationals who left for work abroad on their own (individual, new)",
        wdi_code: None,
    };
    /// The part of [`Indicator::DEPLOYMENTS`] placed under government-to-government
    /// agreements (Nepal's G-to-G channel, e.g. the Employment Permit System of the
    /// Republic of Korea). Pair = (origin, destination).
    pub const DEPLOYMENTS_G2G: Indicator = Indicator {
        code: "deployments_g2g",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Nationals who left for work abroad under government-to-government agreements",
        wdi_code: None,
    };
    /// The part of [`Indicator::DEPLOYMENTS`] in skilled occupations, as the publisher
    /// classifies them (Sri Lanka's manpower levels: professional, middle level, clerical,
    /// skilled). Pair = (origin, destination).
    pub const DEPLOYMENTS_SKILLED: Indicator = Indicator {
        code: "deployments_skilled",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Skilled nationals who left for work abroad",
        wdi_code: None,
    };
    /// The part of [`Indicator::DEPLOYMENTS`] in low-skilled occupations (Sri Lanka's
    /// low-skilled and domestic-worker manpower levels). Pair = (origin, destination).
    pub const DEPLOYMENTS_LOW_SKILLED: Indicator = Indicator {
        code: "deployments_low_skilled",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Low-skilled nationals who left for work abroad",
        wdi_code: None,
    };
    /// Temporary migrants admitted by the area during the year in the category of
    /// seasonal workers (the OECD International Migration Database's standardised inflows of
    /// temporary migrants: entries, all nationalities together).
    pub const TEMPORARY_INFLOW_SEASONAL: Indicator = Indicator {
        code: "temporary_inflow_seasonal",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Temporary migrants admitted: seasonal workers",
        wdi_code: None,
    };
    /// Temporary migrants admitted by the area during the year in the category of
    /// working-holiday makers (the OECD International Migration Database's standardised inflows of
    /// temporary migrants: entries, all nationalities together).
    pub const TEMPORARY_INFLOW_WORKING_HOLIDAY: Indicator = Indicator {
        code: "temporary_inflow_working_holiday",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Temporary migrants admitted: working-holiday makers",
        wdi_code: None,
    };
    /// Temporary migrants admitted by the area during the year in the category of
    /// intra-company transferees (the OECD International Migration Database's standardised inflows of
    /// temporary migrants: entries, all nationalities together).
    pub const TEMPORARY_INFLOW_INTRA_COMPANY: Indicator = Indicator {
        code: "temporary_inflow_intra_company",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Temporary migrants admitted: intra-company transferees",
        wdi_code: None,
    };
    /// Temporary migrants admitted by the area during the year in the category of
    /// trainees (the OECD International Migration Database's standardised inflows of
    /// temporary migrants: entries, all nationalities together).
    pub const TEMPORARY_INFLOW_TRAINEES: Indicator = Indicator {
        code: "temporary_inflow_trainees",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Temporary migrants admitted: trainees",
        wdi_code: None,
    };
    /// Temporary migrants admitted by the area during the year in the category of
    /// international students (the OECD International Migration Database's standardised inflows of
    /// temporary migrants: entries, all nationalities together).
    pub const TEMPORARY_INFLOW_STUDENTS: Indicator = Indicator {
        code: "temporary_inflow_students",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Temporary migrants admitted: international students",
        wdi_code: None,
    };
    /// Temporary migrants admitted by the area during the year in the category of
    /// other temporary workers (the OECD International Migration Database's standardised inflows of
    /// temporary migrants: entries, all nationalities together).
    pub const TEMPORARY_INFLOW_OTHER_WORKERS: Indicator = Indicator {
        code: "temporary_inflow_other_workers",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Temporary migrants admitted: other temporary workers",
        wdi_code: None,
    };
    /// Permanent-type migrants admitted by the area during the year in the category
    /// "work" (the OECD International Migration Database's standardised inflows of
    /// permanent-type migrants, all nationalities together).
    pub const PERMANENT_INFLOW_WORK: Indicator = Indicator {
        code: "permanent_inflow_work",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Permanent-type migrants admitted: work",
        wdi_code: None,
    };
    /// Permanent-type migrants admitted by the area during the year in the category
    /// "accompanying family of workers" (the OECD International Migration Database's standardised inflows of
    /// permanent-type migrants, all nationalities together).
    pub const PERMANENT_INFLOW_ACCOMPANYING_FAMILY: Indicator = Indicator {
        code: "permanent_inflow_accompanying_family",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Permanent-type migrants admitted: accompanying family of workers",
        wdi_code: None,
    };
    /// Permanent-type migrants admitted by the area during the year in the category
    /// "family" (the OECD International Migration Database's standardised inflows of
    /// permanent-type migrants, all nationalities together).
    pub const PERMANENT_INFLOW_FAMILY: Indicator = Indicator {
        code: "permanent_inflow_family",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Permanent-type migrants admitted: family",
        wdi_code: None,
    };
    /// Permanent-type migrants admitted by the area during the year in the category
    /// "humanitarian" (the OECD International Migration Database's standardised inflows of
    /// permanent-type migrants, all nationalities together).
    pub const PERMANENT_INFLOW_HUMANITARIAN: Indicator = Indicator {
        code: "permanent_inflow_humanitarian",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Permanent-type migrants admitted: humanitarian",
        wdi_code: None,
    };
    /// Permanent-type migrants admitted by the area during the year in the category
    /// "free movements" (the OECD International Migration Database's standardised inflows of
    /// permanent-type migrants, all nationalities together).
    pub const PERMANENT_INFLOW_FREE_MOVEMENT: Indicator = Indicator {
        code: "permanent_inflow_free_movement",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Permanent-type migrants admitted: free movements",
        wdi_code: None,
    };
    /// Permanent-type migrants admitted by the area during the year in the category
    /// "other" (the OECD International Migration Database's standardised inflows of
    /// permanent-type migrants, all nationalities together).
    pub const PERMANENT_INFLOW_OTHER: Indicator = Indicator {
        code: "permanent_inflow_other",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Permanent-type migrants admitted: other",
        wdi_code: None,
    };
    /// Refugees under UNHCR's mandate at the end of the year, by country of origin and
    /// country of asylum (UNHCR Refugee Data Finder). Pair = (origin, asylum). A stock.
    pub const REFUGEES: Indicator = Indicator {
        code: "refugees",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Refugees under UNHCR's mandate",
        wdi_code: None,
    };
    /// Asylum-seekers (pending claims) at the end of the year, by country of origin and
    /// country of asylum (UNHCR). Pair = (origin, asylum). A stock.
    pub const ASYLUM_SEEKERS: Indicator = Indicator {
        code: "asylum_seekers",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Asylum-seekers",
        wdi_code: None,
    };
    /// Other people in need of international protection at the end of the year, by country
    /// of origin and country of asylum (UNHCR's category introduced in 2022). Pair =
    /// (origin, asylum). A stock.
    pub const OTHERS_IN_NEED_OF_PROTECTION: Indicator = Indicator {
        code: "others_in_need_of_protection",
        unit: Unit::Persons,
        shape: Shape::Bilateral,
        title: "Other people in need of international protection",
        wdi_code: None,
    };
    /// Internally displaced persons of concern to UNHCR at the end of the year, in the area
    /// (UNHCR rows whose origin and asylum are the same country). A stock.
    pub const IDPS: Indicator = Indicator {
        code: "idps",
        unit: Unit::Persons,
        shape: Shape::Area,
        title: "Internally displaced persons of concern to UNHCR",
        wdi_code: None,
    };

    /// Every indicator Coherence knows, in a stable order.
    pub const ALL: [Indicator; 61] = [
        Indicator::POPULATION,
        Indicator::GDP_USD,
        Indicator::GDP_PER_CAPITA_USD,
        Indicator::GDP_PER_CAPITA_PPP,
        Indicator::REMITTANCES_RECEIVED_USD,
        Indicator::REMITTANCES_PAID_USD,
        Indicator::NET_MIGRATION,
        Indicator::PHYSICIANS_PER_1000,
        Indicator::EMIGRANTS_TERTIARY,
        Indicator::RESIDENTS_TERTIARY,
        Indicator::HEALTH_WORKERS_ABROAD,
        Indicator::HEALTH_WORKERS_HOME,
        Indicator::MIGRANT_STOCK,
        Indicator::BILATERAL_REMITTANCES_USD,
        Indicator::REMITTANCE_COST_200,
        Indicator::IMMIGRANT_STOCK,
        Indicator::EMIGRANT_STOCK,
        Indicator::REMITTANCES_RECEIVED_PCT_GDP,
        Indicator::REMITTANCE_COST_TO_PCT,
        Indicator::REMITTANCE_COST_FROM_PCT,
        Indicator::TERTIARY_ENROLMENT,
        Indicator::REMITTANCE_COST_500,
        Indicator::EXPORTS_USD,
        Indicator::INCOME_GROUP,
        Indicator::ICMW_STATUS,
        Indicator::LDC,
        Indicator::LLDC,
        Indicator::SIDS,
        Indicator::DEVELOPMENT_GROUP,
        Indicator::SDG_REGION,
        Indicator::GEO_REGION,
        Indicator::GEO_SUBREGION,
        Indicator::BIRTH_RATE_CRUDE,
        Indicator::DEATH_RATE_CRUDE,
        Indicator::BIRTHS_5Y,
        Indicator::DEATHS_5Y,
        Indicator::SEX_RATIO_AT_BIRTH,
        Indicator::DEPLOYMENTS,
        Indicator::DEPLOYMENTS_TOTAL,
        Indicator::DEPLOYMENTS_REENTRY,
        Indicator::DEPLOYMENTS_AGENCY,
        Indicator::DEPLOYMENTS_INDIVIDUAL,
        Indicator::DEPLOYMENTS_G2G,
        Indicator::DEPLOYMENTS_SKILLED,
        Indicator::DEPLOYMENTS_LOW_SKILLED,
        Indicator::TEMPORARY_INFLOW_SEASONAL,
        Indicator::TEMPORARY_INFLOW_WORKING_HOLIDAY,
        Indicator::TEMPORARY_INFLOW_INTRA_COMPANY,
        Indicator::TEMPORARY_INFLOW_TRAINEES,
        Indicator::TEMPORARY_INFLOW_STUDENTS,
        Indicator::TEMPORARY_INFLOW_OTHER_WORKERS,
        Indicator::PERMANENT_INFLOW_WORK,
        Indicator::PERMANENT_INFLOW_ACCOMPANYING_FAMILY,
        Indicator::PERMANENT_INFLOW_FAMILY,
        Indicator::PERMANENT_INFLOW_HUMANITARIAN,
        Indicator::PERMANENT_INFLOW_FREE_MOVEMENT,
        Indicator::PERMANENT_INFLOW_OTHER,
        Indicator::REFUGEES,
        Indicator::ASYLUM_SEEKERS,
        Indicator::OTHERS_IN_NEED_OF_PROTECTION,
        Indicator::IDPS,
    ];

    /// Looks up an indicator by its code.
    pub fn by_code(code: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.code == code)
    }

    /// Looks up an indicator by the World Development Indicators series code it
    /// matches ([`Indicator::wdi_code`]).
    pub fn by_wdi_code(wdi_code: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.wdi_code == Some(wdi_code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_round_trip() {
        for u in Unit::ALL {
            assert_eq!(Unit::parse(u.as_str()), Some(u));
        }
        assert_eq!(Unit::parse("thousands"), None);
    }

    #[test]
    fn sex_spellings() {
        assert_eq!(Sex::parse("Both sexes"), Some(Sex::Total));
        assert_eq!(Sex::parse("F"), Some(Sex::Female));
        assert_eq!(Sex::parse("x"), None);
    }

    #[test]
    fn wdi_codes_are_unique() {
        for (i, a) in Indicator::ALL.iter().enumerate() {
            if let Some(code) = a.wdi_code {
                assert_eq!(Indicator::by_wdi_code(code), Some(*a));
                assert!(Indicator::ALL[i + 1..].iter().all(|b| b.wdi_code != Some(code)), "{code}");
            }
        }
        assert_eq!(Indicator::by_wdi_code("SE.TER.ENRR"), Some(Indicator::TERTIARY_ENROLMENT));
        assert_eq!(Indicator::by_wdi_code("SP.DYN.CBRT.IN"), Some(Indicator::BIRTH_RATE_CRUDE));
        assert_eq!(Indicator::by_wdi_code("SP.DYN.CDRT.IN"), Some(Indicator::DEATH_RATE_CRUDE));
    }

    #[test]
    fn indicator_codes_are_unique() {
        for (i, a) in Indicator::ALL.iter().enumerate() {
            assert_eq!(Indicator::by_code(a.code), Some(*a));
            for b in &Indicator::ALL[i + 1..] {
                assert_ne!(a.code, b.code);
            }
        }
    }

    #[test]
    fn five_year_period_indicators() {
        for i in [Indicator::BIRTHS_5Y, Indicator::DEATHS_5Y, Indicator::SEX_RATIO_AT_BIRTH] {
            assert!(Indicator::ALL.contains(&i), "{}", i.code);
            assert_eq!(i.shape, Shape::Area, "{}", i.code);
            assert_eq!(i.wdi_code, None, "{}: a period value is not a year's", i.code);
        }
        assert_eq!(Indicator::BIRTHS_5Y.unit, Unit::Persons);
        assert_eq!(Indicator::DEATHS_5Y.unit, Unit::Persons);
        assert_eq!(Indicator::SEX_RATIO_AT_BIRTH.unit, Unit::Number);
    }

    #[test]
    fn classification_indicators_are_listed_numbers() {
        for i in [
            Indicator::INCOME_GROUP,
            Indicator::ICMW_STATUS,
            Indicator::LDC,
            Indicator::LLDC,
            Indicator::SIDS,
            Indicator::DEVELOPMENT_GROUP,
            Indicator::SDG_REGION,
            Indicator::GEO_REGION,
            Indicator::GEO_SUBREGION,
        ] {
            assert!(Indicator::ALL.contains(&i), "{}", i.code);
            assert_eq!(i.unit, Unit::Number, "{}", i.code);
            assert_eq!(i.shape, Shape::Area, "{}", i.code);
        }
    }
}
