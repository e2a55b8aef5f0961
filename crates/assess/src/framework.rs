//! Assessment frameworks as data: domains, items, answer scales, bands.
//!
//! A [`Framework`] is read from a file by `ingest::framework` and checked by
//! [`Framework::validate`]; any mistake is an [`Error::Framework`] whose [`FieldPath`]
//! names the field, so the reader can point to the file's line.
//!
//! The model is general enough for three kinds of instrument:
//!
//! * SDG 10.7.2: six domains of five yes/no items (domain 1 on a three-level scale
//!   worth 1, ½ and 0), domain and overall scores as a percentage of the maximum,
//!   four bands starting at 0, 40, 80 and 100;
//! * PCMD-style dashboards: items on an anchored 0/5/10 scale, each item with its own
//!   anchor texts, scored as a percentage of the maximum, without bands;
//! * MGI-style checklists ([`FrameworkKind::Checklist`]): absent / partial / complete
//!   answers that are tallied per domain and never turned into a score or ranking.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use crate::{Error, Rational, Result};

/// What a framework produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FrameworkKind {
    /// Domain scores (percent of the maximum), an optional overall score, optional bands.
    Scored,
    /// Tallies of answers per domain; never a score, a band or a ranking.
    Checklist,
}

/// How the overall score is formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Overall {
    /// All items pooled: their points as a percentage of their maximum (SDG 10.7.2).
    MeanOfItems,
    /// The unweighted mean of the domain percentages.
    MeanOfDomains,
    /// No overall score (required of checklists).
    None,
}

/// What an unanswered item does to the scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NonResponse {
    /// A domain with any unanswered item is not computed, nor is the overall score
    /// (non-response is not treated as "no").
    DomainNotComputed,
    /// Unanswered items are left out of the domain's numerator and denominator.
    ExcludeItem,
    /// Unanswered items count as zero points (SDG 10.7.2: its metadata assign missing
    /// values 0 at country level).
    CountAsZero,
}

/// One answer of a scale.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Level {
    /// The code used in answer files, e.g. `yes-regular-only`.
    pub code: String,
    /// The label shown to people.
    pub label: String,
    /// The points it is worth (exact; `1/2` for half a point).
    pub points: Rational,
}

/// An answer scale: its levels, in order.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AnswerScale {
    /// The scale's id, referred to by domains and items.
    pub id: String,
    /// The levels, usually from lowest to highest.
    pub levels: Vec<Level>,
}

impl AnswerScale {
    /// The largest number of points of any level.
    pub fn max_points(&self) -> Rational {
        self.levels.iter().map(|l| l.points).max().unwrap_or(Rational::ZERO)
    }

    /// The level with this code.
    pub fn level(&self, code: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.code == code)
    }
}

/// A band of scores: from `from_percent` (inclusive) up to the next band's start.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Band {
    /// The lower bound in percent, inclusive.
    pub from_percent: Rational,
    /// The band's code (SDG 10.7.2: 1 to 4).
    pub code: u32,
    /// The band's label.
    pub label: String,
}

/// One item (question, sub-category or indicator).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Item {
    /// The id used in answer files, unique in the framework (e.g. `1a`).
    pub id: String,
    /// The item's wording.
    pub text: String,
    /// A scale of its own, overriding the domain's.
    pub scale: Option<String>,
    /// Anchor texts, one per level of the item's scale, in the scale's order (PCMD 0/5/10).
    pub anchors: Vec<String>,
    /// The measurement level (PCMD: input, output or outcome), if the framework has one.
    pub measure: Option<String>,
}

/// A domain (dimension) of items.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Domain {
    /// The domain's id, e.g. `1`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The question put for the domain, if any.
    pub question: Option<String>,
    /// The scale of its items (unless an item names its own).
    pub scale: String,
    /// The items, in order.
    pub items: Vec<Item>,
}

/// An assessment framework.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Framework {
    /// The id used on the command line, e.g. `sdg-10.7.2`.
    pub id: String,
    /// The title.
    pub title: String,
    /// The source, as a citation.
    pub source: String,
    /// For instruments whose official wording is not public: the label saying whose
    /// adaptation this is ("Coherence's adaptation …"). `None` for official instruments.
    pub adaptation: Option<String>,
    /// Notes on the method (e.g. that an aggregation rule is unverified).
    pub notes: Option<String>,
    /// Scored or checklist.
    pub kind: FrameworkKind,
    /// How the overall score is formed.
    pub overall: Overall,
    /// What an unanswered item does.
    pub non_response: NonResponse,
    /// The answer scales.
    pub scales: Vec<AnswerScale>,
    /// The bands, by increasing lower bound; may be empty.
    pub bands: Vec<Band>,
    /// The domains.
    pub domains: Vec<Domain>,
}

/// A field of a framework, for error messages: the reader maps it to a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldPath {
    /// A top-level field.
    Top(&'static str),
    /// A field of scale `scale` (0-based).
    Scale {
        /// The scale's index.
        scale: usize,
        /// The field.
        field: &'static str,
    },
    /// A field of level `level` of scale `scale`.
    Level {
        /// The scale's index.
        scale: usize,
        /// The level's index.
        level: usize,
        /// The field.
        field: &'static str,
    },
    /// A field of band `band`.
    Band {
        /// The band's index.
        band: usize,
        /// The field.
        field: &'static str,
    },
    /// A field of domain `domain`.
    Domain {
        /// The domain's index.
        domain: usize,
        /// The field.
        field: &'static str,
    },
    /// A field of item `item` of domain `domain`.
    Item {
        /// The domain's index.
        domain: usize,
        /// The item's index within the domain.
        item: usize,
        /// The field.
        field: &'static str,
    },
}

impl FieldPath {
    /// The last component: the field's own name.
    pub fn field(self) -> &'static str {
        match self {
            FieldPath::Top(f)
            | FieldPath::Scale { field: f, .. }
            | FieldPath::Level { field: f, .. }
            | FieldPath::Band { field: f, .. }
            | FieldPath::Domain { field: f, .. }
            | FieldPath::Item { field: f, .. } => f,
        }
    }
}

impl fmt::Display for FieldPath {
    /// In the file's own terms, 1-based: `domains[2].items[3].scale`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            FieldPath::Top(field) => write!(f, "{field}"),
            FieldPath::Scale { scale, field } => write!(f, "scales[{}].{field}", scale + 1),
            FieldPath::Level { scale, level, field } => {
                write!(f, "scales[{}].levels[{}].{field}", scale + 1, level + 1)
            }
            FieldPath::Band { band, field } => write!(f, "bands[{}].{field}", band + 1),
            FieldPath::Domain { domain, field } => write!(f, "domains[{}].{field}", domain + 1),
            FieldPath::Item { domain, item, field } => {
                write!(f, "domains[{}].items[{}].{field}", domain + 1, item + 1)
            }
        }
    }
}

fn fail<T>(path: FieldPath, message: impl Into<String>) -> Result<T> {
    Err(Error::Framework { path, message: message.into() })
}

fn check_text(path: FieldPath, value: &str) -> Result<()> {
    if value.trim().is_empty() { fail(path, "must not be empty") } else { Ok(()) }
}

/// Whether `s` is a code: lower-case ASCII letters, digits, `-`, `.` and `_`.
fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-._".contains(&b))
}

fn check_code(path: FieldPath, value: &str) -> Result<()> {
    if is_code(value) {
        Ok(())
    } else {
        fail(path, format!("{value:?} is not a code (lower-case letters, digits, '-', '.', '_')"))
    }
}

impl Framework {
    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&AnswerScale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The scale that applies to `item` of `domain`.
    ///
    /// # Panics
    /// Panics if the framework was not validated and names an unknown scale.
    pub fn item_scale(&self, domain: &Domain, item: &Item) -> &AnswerScale {
        let id = item.scale.as_deref().unwrap_or(&domain.scale);
        self.scale(id).expect("a validated framework names only known scales")
    }

    /// The domain and item with this id.
    pub fn item(&self, id: &str) -> Option<(&Domain, &Item)> {
        self.domains.iter().find_map(|d| d.items.iter().find(|i| i.id == id).map(|i| (d, i)))
    }

    /// Checks every rule a framework must follow.
    ///
    /// # Errors
    /// [`Error::Framework`] naming the first field that breaks a rule: an empty or
    /// duplicate id, a scale with fewer than two levels or no positive maximum, a
    /// negative number of points, a reference to an unknown scale, anchors that do not
    /// match the scale's levels, bands that do not start at 0 or do not increase, and
    /// a checklist with bands or an overall score (a checklist never ranks).
    pub fn validate(&self) -> Result<()> {
        check_code(FieldPath::Top("id"), &self.id)?;
        check_text(FieldPath::Top("title"), &self.title)?;
        check_text(FieldPath::Top("source"), &self.source)?;
        if let Some(a) = &self.adaptation {
            check_text(FieldPath::Top("adaptation"), a)?;
        }
        if self.scales.is_empty() {
            return fail(FieldPath::Top("scales"), "a framework needs at least one answer scale");
        }
        let mut scale_ids = BTreeSet::new();
        for (si, scale) in self.scales.iter().enumerate() {
            check_code(FieldPath::Scale { scale: si, field: "id" }, &scale.id)?;
            if !scale_ids.insert(scale.id.as_str()) {
                return fail(
                    FieldPath::Scale { scale: si, field: "id" },
                    format!("scale {:?} is declared twice", scale.id),
                );
            }
            if scale.levels.len() < 2 {
                return fail(
                    FieldPath::Scale { scale: si, field: "levels" },
                    "a scale needs at least two levels",
                );
            }
            let mut codes = BTreeSet::new();
            for (li, level) in scale.levels.iter().enumerate() {
                let path = |field| FieldPath::Level { scale: si, level: li, field };
                check_code(path("code"), &level.code)?;
                if !codes.insert(level.code.as_str()) {
                    return fail(
                        path("code"),
                        format!("level {:?} appears twice in this scale", level.code),
                    );
                }
                check_text(path("label"), &level.label)?;
                if level.points < Rational::ZERO {
                    return fail(path("points"), "points may not be negative");
                }
            }
            if scale.max_points() <= Rational::ZERO {
                return fail(
                    FieldPath::Scale { scale: si, field: "levels" },
                    "some level must be worth more than 0 points",
                );
            }
        }
        self.validate_bands()?;
        if self.domains.is_empty() {
            return fail(FieldPath::Top("domains"), "a framework needs at least one domain");
        }
        let mut domain_ids = BTreeSet::new();
        let mut item_ids: HashMap<&str, ()> = HashMap::new();
        for (di, domain) in self.domains.iter().enumerate() {
            let dpath = |field| FieldPath::Domain { domain: di, field };
            check_code(dpath("id"), &domain.id)?;
            if !domain_ids.insert(domain.id.as_str()) {
                return fail(dpath("id"), format!("domain {:?} is declared twice", domain.id));
            }
            check_text(dpath("title"), &domain.title)?;
            if self.scale(&domain.scale).is_none() {
                return fail(dpath("scale"), format!("no scale {:?} is declared", domain.scale));
            }
            if domain.items.is_empty() {
                return fail(dpath("items"), "a domain needs at least one item");
            }
            for (ii, item) in domain.items.iter().enumerate() {
                let ipath = |field| FieldPath::Item { domain: di, item: ii, field };
                check_code(ipath("id"), &item.id)?;
                if item_ids.insert(item.id.as_str(), ()).is_some() {
                    return fail(ipath("id"), format!("item {:?} is declared twice", item.id));
                }
                check_text(ipath("text"), &item.text)?;
                let scale_id = item.scale.as_deref().unwrap_or(&domain.scale);
                let Some(scale) = self.scale(scale_id) else {
                    return fail(ipath("scale"), format!("no scale {scale_id:?} is declared"));
                };
                if !item.anchors.is_empty() && item.anchors.len() != scale.levels.len() {
                    return fail(
                        ipath("anchors"),
                        format!(
                            "{} anchors for a scale of {} levels (give one per level, in the scale's order)",
                            item.anchors.len(),
                            scale.levels.len()
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    fn validate_bands(&self) -> Result<()> {
        if self.kind == FrameworkKind::Checklist {
            if !self.bands.is_empty() {
                return fail(
                    FieldPath::Band { band: 0, field: "from" },
                    "a checklist has no bands: it never produces a score or a ranking",
                );
            }
            if self.overall != Overall::None {
                return fail(
                    FieldPath::Top("overall"),
                    "a checklist has no overall score (use \"none\"): it never produces a ranking",
                );
            }
            return Ok(());
        }
        let hundred = Rational::integer(100);
        let mut codes = BTreeSet::new();
        for (bi, band) in self.bands.iter().enumerate() {
            let path = |field| FieldPath::Band { band: bi, field };
            check_text(path("label"), &band.label)?;
            if !codes.insert(band.code) {
                return fail(path("code"), format!("band code {} appears twice", band.code));
            }
            if bi == 0 && band.from_percent != Rational::ZERO {
                return fail(path("from"), "the first band must start at 0");
            }
            if band.from_percent > hundred || band.from_percent < Rational::ZERO {
                return fail(path("from"), "a band starts between 0 and 100");
            }
            if bi > 0 && band.from_percent <= self.bands[bi - 1].from_percent {
                return fail(path("from"), "bands must start at increasing percentages");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn level(code: &str, points: Rational) -> Level {
        Level { code: code.into(), label: code.into(), points }
    }

    /// SDG 10.7.2 as in FRAMEWORKS.md §4.1, built in code (the file version is tested in ingest).
    pub(crate) fn sdg_10_7_2() -> Framework {
        let yes_no = AnswerScale {
            id: "yes-no".into(),
            levels: vec![level("yes", Rational::integer(1)), level("no", Rational::ZERO)],
        };
        let three = AnswerScale {
            id: "equal-access".into(),
            levels: vec![
                level("yes-all", Rational::integer(1)),
                level("yes-regular-only", Rational::new(1, 2)),
                level("no", Rational::ZERO),
            ],
        };
        let domains = (1..=6)
            .map(|d| Domain {
                id: d.to_string(),
                title: format!("Domain {d}"),
                question: None,
                scale: if d == 1 { "equal-access".into() } else { "yes-no".into() },
                items: ["a", "b", "c", "d", "e"]
                    .iter()
                    .map(|l| Item {
                        id: format!("{d}{l}"),
                        text: format!("item {d}{l}"),
                        scale: None,
                        anchors: vec![],
                        measure: None,
                    })
                    .collect(),
            })
            .collect();
        let band = |from: i64, code: u32, label: &str| Band {
            from_percent: Rational::integer(from),
            code,
            label: label.into(),
        };
        Framework {
            id: "sdg-10.7.2".into(),
            title: "SDG 10.7.2".into(),
            source: "UN SDG metadata".into(),
            adaptation: None,
            notes: None,
            kind: FrameworkKind::Scored,
            overall: Overall::MeanOfItems,
            non_response: NonResponse::DomainNotComputed,
            scales: vec![three, yes_no],
            bands: vec![
                band(0, 1, "Requires further progress"),
                band(40, 2, "Partially meets"),
                band(80, 3, "Meets"),
                band(100, 4, "Fully meets"),
            ],
            domains,
        }
    }

    #[test]
    fn the_built_in_10_7_2_is_valid() {
        sdg_10_7_2().validate().unwrap();
    }

    fn path_of(f: &Framework) -> String {
        match f.validate() {
            Err(Error::Framework { path, .. }) => path.to_string(),
            other => panic!("expected a framework error, got {other:?}"),
        }
    }

    #[test]
    fn mistakes_name_their_field() {
        let mut f = sdg_10_7_2();
        f.domains[2].items[3].scale = Some("nope".into());
        assert_eq!(path_of(&f), "domains[3].items[4].scale");

        let mut f = sdg_10_7_2();
        f.domains[1].items[0].id = "1a".into();
        assert_eq!(path_of(&f), "domains[2].items[1].id");

        let mut f = sdg_10_7_2();
        f.bands[2].from_percent = Rational::integer(30);
        assert_eq!(path_of(&f), "bands[3].from");

        let mut f = sdg_10_7_2();
        f.scales[0].levels[1].points = Rational::integer(-1);
        assert_eq!(path_of(&f), "scales[1].levels[2].points");

        let mut f = sdg_10_7_2();
        f.domains[0].items[0].anchors = vec!["only one".into()];
        assert_eq!(path_of(&f), "domains[1].items[1].anchors");
    }

    #[test]
    fn a_checklist_never_ranks() {
        let mut f = sdg_10_7_2();
        f.kind = FrameworkKind::Checklist;
        assert_eq!(path_of(&f), "bands[1].from");
        f.bands.clear();
        assert_eq!(path_of(&f), "overall");
        f.overall = Overall::None;
        f.validate().unwrap();
    }
}
