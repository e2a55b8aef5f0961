//! Policies of a government's policy register.
//!
//! A policy is owned by one ministry, acts at one or more stages of the migration
//! cycle, in a policy area, possibly towards partner countries, for target groups.

use std::fmt;

use crate::area::Iso3;

/// A stage of the migration cycle (IOM MRS No. 34; IPPMD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// Before departure: information, skills, the decision to migrate.
    BeforeDeparture,
    /// Recruitment and departure: recruitment, contracts, fees, travel.
    RecruitmentDeparture,
    /// Stay abroad: rights, working conditions, remittances, diaspora links.
    StayAbroad,
    /// Return and reintegration: re-entry, skills recognition, reinsertion.
    ReturnReintegration,
}

impl Stage {
    /// Every stage, in the order of the cycle.
    pub const ALL: [Stage; 4] = [
        Stage::BeforeDeparture,
        Stage::RecruitmentDeparture,
        Stage::StayAbroad,
        Stage::ReturnReintegration,
    ];

    /// A stable identifier used in files, storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::BeforeDeparture => "before-departure",
            Stage::RecruitmentDeparture => "recruitment-departure",
            Stage::StayAbroad => "stay-abroad",
            Stage::ReturnReintegration => "return-reintegration",
        }
    }

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Stage::BeforeDeparture => "Before departure",
            Stage::RecruitmentDeparture => "Recruitment and departure",
            Stage::StayAbroad => "Stay abroad",
            Stage::ReturnReintegration => "Return and reintegration",
        }
    }

    /// Parses [`Stage::as_str`]'s output.
    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.as_str() == s.trim())
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The status of a policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PolicyStatus {
    /// Announced or under preparation.
    Planned,
    /// In force.
    Active,
    /// Suspended.
    Suspended,
    /// Ended.
    Ended,
}

impl PolicyStatus {
    /// A stable identifier used in files, storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyStatus::Planned => "planned",
            PolicyStatus::Active => "active",
            PolicyStatus::Suspended => "suspended",
            PolicyStatus::Ended => "ended",
        }
    }

    /// Parses [`PolicyStatus::as_str`]'s output.
    pub fn parse(s: &str) -> Option<PolicyStatus> {
        [PolicyStatus::Planned, PolicyStatus::Active, PolicyStatus::Suspended, PolicyStatus::Ended]
            .into_iter()
            .find(|st| st.as_str() == s.trim())
    }
}

/// A policy in a government's register.
///
/// Policy areas, instruments and target groups are open vocabularies given as short
/// lower-case identifiers (e.g. area `health`, instrument `bilateral-agreement`, target
/// group `health-workers`); the assessment frameworks and corridor rules name them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// An identifier unique within the register, e.g. `XAA-HEALTH-01`.
    pub id: String,
    /// The government whose policy it is.
    pub country: Iso3,
    /// The owning ministry or agency.
    pub ministry: String,
    /// The title.
    pub title: String,
    /// The instrument: law, regulation, programme, bilateral agreement, tax, ...
    pub instrument: String,
    /// The stages of the migration cycle it acts on (at least one).
    pub stages: Vec<Stage>,
    /// The policy area (IPPMD sectors plus migration-specific areas).
    pub area: String,
    /// Partner countries, if it concerns specific corridors.
    pub partners: Vec<Iso3>,
    /// Target groups, e.g. `health-workers`, `seasonal-workers`, `diaspora`.
    pub target_groups: Vec<String>,
    /// Status.
    pub status: PolicyStatus,
    /// Year it took effect (or will).
    pub start_year: Option<i32>,
    /// Year it ended (or will).
    pub end_year: Option<i32>,
    /// Stated objectives, in the policy's own words.
    pub objectives: String,
    /// Free-form tags used by corridor rules, e.g. `active-recruitment`,
    /// `g2g-agreement`, `remittance-tax`, `cost-reduction`.
    pub tags: Vec<String>,
    /// The source document (title, URL or reference).
    pub source: String,
}
