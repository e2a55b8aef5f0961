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

/// The separator of the items of a list field (`stages`, `partners`, `target_groups`,
/// `tags`) wherever a list is one text: register CSV cells, `field=a;b` edits, the
/// store's policy rows and its audit log. Items are identifiers, ISO codes or stage
/// names, so they never contain it.
pub const LIST_SEPARATOR: char = ';';

/// Joins list items with [`LIST_SEPARATOR`].
pub fn join_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(LIST_SEPARATOR);
        }
        out.push_str(item);
    }
    out
}

/// Splits a list joined with [`LIST_SEPARATOR`], trimming items and dropping empty ones.
pub fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(LIST_SEPARATOR).map(str::trim).filter(|s| !s.is_empty())
}

/// A field of a [`Policy`], named as in register files, the store and edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PolicyField {
    /// [`Policy::id`].
    Id,
    /// [`Policy::country`].
    Country,
    /// [`Policy::ministry`].
    Ministry,
    /// [`Policy::title`].
    Title,
    /// [`Policy::instrument`].
    Instrument,
    /// [`Policy::stages`] (a list).
    Stages,
    /// [`Policy::area`].
    Area,
    /// [`Policy::partners`] (a list).
    Partners,
    /// [`Policy::target_groups`] (a list).
    TargetGroups,
    /// [`Policy::status`].
    Status,
    /// [`Policy::start_year`].
    StartYear,
    /// [`Policy::end_year`].
    EndYear,
    /// [`Policy::objectives`].
    Objectives,
    /// [`Policy::tags`] (a list).
    Tags,
    /// [`Policy::source`].
    Source,
}

impl PolicyField {
    /// Every field, in register-file order (the CSV columns).
    pub const ALL: [PolicyField; 15] = [
        PolicyField::Id,
        PolicyField::Country,
        PolicyField::Ministry,
        PolicyField::Title,
        PolicyField::Instrument,
        PolicyField::Stages,
        PolicyField::Area,
        PolicyField::Partners,
        PolicyField::TargetGroups,
        PolicyField::Status,
        PolicyField::StartYear,
        PolicyField::EndYear,
        PolicyField::Objectives,
        PolicyField::Tags,
        PolicyField::Source,
    ];

    /// The fields' names, in the order of [`PolicyField::ALL`].
    pub const NAMES: [&'static str; 15] = [
        "id",
        "country",
        "ministry",
        "title",
        "instrument",
        "stages",
        "area",
        "partners",
        "target_groups",
        "status",
        "start_year",
        "end_year",
        "objectives",
        "tags",
        "source",
    ];

    /// The name used in files, storage, edits and output, e.g. `target_groups`.
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Parses [`PolicyField::as_str`]'s output.
    pub fn parse(s: &str) -> Option<PolicyField> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Whether the field holds a list (joined with [`LIST_SEPARATOR`] as text).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            PolicyField::Stages
                | PolicyField::Partners
                | PolicyField::TargetGroups
                | PolicyField::Tags
        )
    }

    /// Whether a user may edit the field (all but `id` and `country`, which identify
    /// the policy).
    pub fn is_editable(self) -> bool {
        !matches!(self, PolicyField::Id | PolicyField::Country)
    }
}

impl fmt::Display for PolicyField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Policy {
    /// One field's value as text: lists joined with [`LIST_SEPARATOR`], a missing year
    /// empty. This is the form of register CSV cells and of the audit log.
    pub fn field_text(&self, field: PolicyField) -> String {
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        match field {
            PolicyField::Id => self.id.clone(),
            PolicyField::Country => self.country.as_str().to_owned(),
            PolicyField::Ministry => self.ministry.clone(),
            PolicyField::Title => self.title.clone(),
            PolicyField::Instrument => self.instrument.clone(),
            PolicyField::Stages => join_list(self.stages.iter().map(|s| s.as_str())),
            PolicyField::Area => self.area.clone(),
            PolicyField::Partners => join_list(self.partners.iter().map(Iso3::as_str)),
            PolicyField::TargetGroups => join_list(self.target_groups.iter().map(String::as_str)),
            PolicyField::Status => self.status.as_str().to_owned(),
            PolicyField::StartYear => year(self.start_year),
            PolicyField::EndYear => year(self.end_year),
            PolicyField::Objectives => self.objectives.clone(),
            PolicyField::Tags => join_list(self.tags.iter().map(String::as_str)),
            PolicyField::Source => self.source.clone(),
        }
    }

    /// Every field's value as text ([`Policy::field_text`]), in register-file order.
    pub fn field_texts(&self) -> [(PolicyField, String); 15] {
        PolicyField::ALL.map(|f| (f, self.field_text(f)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_order_of_the_fields() {
        for (i, f) in PolicyField::ALL.into_iter().enumerate() {
            assert_eq!(f as usize, i);
            assert_eq!(PolicyField::parse(f.as_str()), Some(f));
        }
        assert_eq!(PolicyField::parse("stage"), None);
        let lists: Vec<_> = PolicyField::ALL.into_iter().filter(|f| f.is_list()).collect();
        assert_eq!(
            lists,
            [
                PolicyField::Stages,
                PolicyField::Partners,
                PolicyField::TargetGroups,
                PolicyField::Tags
            ]
        );
    }

    #[test]
    fn lists_round_trip_through_text() {
        let items = ["health-workers", "diaspora"];
        let text = join_list(items);
        assert_eq!(text, "health-workers;diaspora");
        assert_eq!(split_list(&text).collect::<Vec<_>>(), items);
        assert_eq!(split_list(" a ;; b ;").collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(join_list([]), "");
        assert_eq!(split_list("").count(), 0);
    }
}
