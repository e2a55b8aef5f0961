//! Corridor rules as data: the reader of `rules/corridor-rules.toml` and the rules'
//! types.
//!
//! A corridor rule states an incoherence between the policies and the data of the two
//! countries of a corridor (an origin and a destination) — for example active
//! recruitment of health workers from a country on the WHO safeguards list outside a
//! government-to-government agreement — with its rationale and source. Its condition
//! is written in a small declarative vocabulary ([`Condition`]): patterns over the
//! policies of either register, country attributes, and thresholds on the corridor's
//! data. The engine that evaluates the rules is pure and lives in `analysis`; this
//! module only reads and checks the file. The vocabulary is documented in
//! `docs/register.md`.
//!
//! [`builtin_corridor_rules`] returns the rules shipped in the binary;
//! [`read_corridor_rules`] reads another rules file (an analyst's own).

#![allow(clippy::result_large_err, reason = "ImportError is the crate's one error type")]

use std::collections::HashSet;
use std::ops::Range;

use domain::Indicator;
use domain::measure::Shape;
use domain::policy::{PolicyStatus, Stage};
use serde::Deserialize;
use toml::Spanned;

use crate::{ImportError, ImportErrorKind, Location};

const BUILTIN: &str = include_str!("../../../rules/corridor-rules.toml");

/// The file name the built-in rules are reported under.
pub const BUILTIN_FILE: &str = "rules/corridor-rules.toml";

/// A set of corridor rules and the policy areas coverage looks for.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleSet {
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    /// Policy areas whose absence from a register is a coverage gap.
    pub coverage_areas: Vec<String>,
}

/// One corridor rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// A stable identifier (lower-case, hyphens), unique in the file.
    pub id: String,
    /// A one-line statement of the incoherence.
    pub title: String,
    /// The level of coherence it concerns (IOM MRS No. 34).
    pub level: Level,
    /// How serious a finding is.
    pub severity: Severity,
    /// Why this is an incoherence.
    pub rationale: String,
    /// The citation the rule rests on.
    pub source: String,
    /// The condition: every one must hold for the rule to fire.
    pub all: Vec<Condition>,
    /// Data shown with a finding without being part of the condition.
    pub context: Vec<DataPlace>,
    /// The line of the rule's `id` in its file.
    pub line: u32,
}

/// The three levels of coherence of IOM Migration Research Series No. 34.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Within one government: ministries and strategies.
    Institutional,
    /// Programmes along the migration cycle.
    Working,
    /// Between the origin and the destination of a corridor.
    BetweenCountries,
}

impl Level {
    /// Every level.
    pub const ALL: [Level; 3] = [Level::Institutional, Level::Working, Level::BetweenCountries];

    /// The identifier used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Institutional => "institutional",
            Level::Working => "working",
            Level::BetweenCountries => "between-countries",
        }
    }

    /// Parses [`Level::as_str`]'s output.
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Acts directly against a stated development objective or an international code.
    High,
    /// A gap that weakens the development effect of migration.
    Medium,
    /// Worth a look.
    Low,
}

impl Severity {
    /// The identifier used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }

    /// Parses [`Severity::as_str`]'s output.
    pub fn parse(s: &str) -> Option<Severity> {
        [Severity::High, Severity::Medium, Severity::Low].into_iter().find(|v| v.as_str() == s)
    }
}

/// Which country of the corridor a condition looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The origin.
    Origin,
    /// The destination.
    Destination,
    /// Either country (a policy of either register; an attribute of at least one).
    Either,
    /// Both countries (an attribute of each; not for policies).
    Both,
}

impl Side {
    /// The identifier used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Origin => "origin",
            Side::Destination => "destination",
            Side::Either => "either",
            Side::Both => "both",
        }
    }

    fn parse(s: &str) -> Option<Side> {
        [Side::Origin, Side::Destination, Side::Either, Side::Both]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// What a policy's partner list must say about the other country of the corridor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Partner {
    /// Anything (the default).
    Any,
    /// The partners include the other country.
    Other,
    /// The partners include the other country, or name no country (a policy for all).
    OtherOrNone,
}

/// A pattern over the policies of one or both registers.
#[derive(Clone, Debug, PartialEq)]
pub struct PolicyPattern {
    /// Whose policies: origin, destination or either.
    pub of: Side,
    /// The status is one of these (empty: any).
    pub status: Vec<PolicyStatus>,
    /// Every one of these tags is present.
    pub tags: Vec<String>,
    /// At least one of these tags is present (empty: no requirement).
    pub any_tags: Vec<String>,
    /// At least one of these target groups (empty: no requirement).
    pub target_groups: Vec<String>,
    /// At least one of these stages (empty: no requirement).
    pub stages: Vec<Stage>,
    /// What the partners must say about the other country.
    pub partner: Partner,
    /// A name for the policies matched, for `target_groups_meet` of a later pattern.
    pub bind: Option<String>,
    /// The target groups meet those of a policy matched by the named pattern.
    pub target_groups_meet: Option<String>,
}

/// A country attribute the rules can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Attribute {
    /// On the WHO health workforce support and safeguards list.
    WhoSsl,
    /// Party to the 1990 migrant workers convention (ICMW).
    IcmwParty,
    /// Party to ILO C97.
    IloC97Party,
    /// Party to ILO C143.
    IloC143Party,
}

impl Attribute {
    /// Every attribute.
    pub const ALL: [Attribute; 4] =
        [Attribute::WhoSsl, Attribute::IcmwParty, Attribute::IloC97Party, Attribute::IloC143Party];

    /// The identifier used in files (the demo world's `countries.csv` column).
    pub fn as_str(self) -> &'static str {
        match self {
            Attribute::WhoSsl => "who_ssl",
            Attribute::IcmwParty => "icmw_party",
            Attribute::IloC97Party => "ilo_c97_party",
            Attribute::IloC143Party => "ilo_c143_party",
        }
    }

    /// A human label.
    pub fn label(self) -> &'static str {
        match self {
            Attribute::WhoSsl => "on the WHO health workforce support and safeguards list",
            Attribute::IcmwParty => "party to the migrant workers convention (ICMW)",
            Attribute::IloC97Party => "party to ILO C97",
            Attribute::IloC143Party => "party to ILO C143",
        }
    }

    /// Parses [`Attribute::as_str`]'s output.
    pub fn parse(s: &str) -> Option<Attribute> {
        Attribute::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Where a data value is read: one country, or the corridor in one direction.
#[derive(Clone, Debug, PartialEq)]
pub struct DataPlace {
    /// The indicator code (`domain::Indicator`).
    pub indicator: String,
    /// The country, for an area indicator.
    pub area: Option<Side>,
    /// The first and second country, for a bilateral indicator (origin→destination
    /// for stocks; sender→receiver for remittances and their cost).
    pub pair: Option<(Side, Side)>,
}

/// A threshold on the latest value of a data place.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTest {
    /// Where the value is read.
    pub place: DataPlace,
    /// The value is strictly above this.
    pub above: Option<f64>,
    /// The value is strictly below this.
    pub below: Option<f64>,
}

/// A rule's condition.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// Some policy matches.
    Policy(PolicyPattern),
    /// No policy matches.
    NoPolicy(PolicyPattern),
    /// A country attribute has a value.
    Country {
        /// Whose attribute: origin, destination, either or both.
        of: Side,
        /// The attribute.
        attribute: Attribute,
        /// The value it must have.
        is: bool,
    },
    /// The latest value passes a threshold.
    Data(DataTest),
    /// At least one holds.
    Any(Vec<Condition>),
    /// Every one holds.
    All(Vec<Condition>),
}

/// The rules shipped in the binary (`rules/corridor-rules.toml`).
///
/// # Errors
/// Never for the file shipped (tests read it); an [`ImportError`] would be a build
/// defect.
pub fn builtin_corridor_rules() -> Result<RuleSet, ImportError> {
    read_corridor_rules(BUILTIN_FILE, BUILTIN)
}

/// Reads a corridor rules file.
///
/// # Errors
/// An [`ImportError`] naming the file, line and field for invalid TOML, a missing,
/// unknown or mistyped field, a value outside its vocabulary, a duplicate rule id, a
/// condition with other than exactly one key, an unknown indicator or one of the wrong
/// shape, or a `target_groups_meet` naming no pattern of the rule.
pub fn read_corridor_rules(file_name: &str, text: &str) -> Result<RuleSet, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: RawFile = toml::from_str(text).map_err(|e| toml_error(file_name, text, &e))?;
    let cx = Cx { file: file_name, text };
    let mut seen: HashSet<String> = HashSet::new();
    let mut rules = Vec::with_capacity(raw.rule.len());
    for r in raw.rule {
        let id = cx.identifier("id", &r.id)?;
        if !seen.insert(id.clone()) {
            return Err(cx.bad("id", r.id.span(), "a rule id not used before", &id));
        }
        let level = Level::parse(r.level.get_ref()).ok_or_else(|| {
            cx.bad(
                "level",
                r.level.span(),
                "institutional, working or between-countries",
                r.level.get_ref(),
            )
        })?;
        let severity = Severity::parse(r.severity.get_ref()).ok_or_else(|| {
            cx.bad("severity", r.severity.span(), "high, medium or low", r.severity.get_ref())
        })?;
        if r.all.get_ref().is_empty() {
            return Err(cx.bad("all", r.all.span(), "at least one condition", "[]"));
        }
        let mut bound = Vec::new();
        let all = r
            .all
            .get_ref()
            .iter()
            .map(|c| cx.condition(c, &mut bound))
            .collect::<Result<Vec<_>, _>>()?;
        let context = r
            .context
            .iter()
            .map(|d| {
                let (span, d) = (d.span(), d.get_ref());
                cx.place(&d.indicator, d.area.as_ref(), d.from.as_ref(), d.to.as_ref(), span)
            })
            .collect::<Result<Vec<_>, _>>()?;
        rules.push(Rule {
            line: line_of(text, r.id.span().start),
            id,
            title: cx.text("title", &r.title)?,
            level,
            severity,
            rationale: cx.text("rationale", &r.rationale)?,
            source: cx.text("source", &r.source)?,
            all,
            context,
        });
    }
    let coverage_areas = match &raw.coverage {
        Some(c) => {
            c.areas.iter().map(|a| cx.identifier("areas", a)).collect::<Result<Vec<_>, _>>()?
        }
        None => Vec::new(),
    };
    Ok(RuleSet { rules, coverage_areas })
}

struct Cx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Cx<'_> {
    fn bad(&self, field: &str, span: Range<usize>, expected: &str, found: &str) -> ImportError {
        ImportError::new(
            Location::csv(self.file, line_of(self.text, span.start), field),
            ImportErrorKind::BadValue { expected: expected.to_owned(), found: found.to_owned() },
        )
    }

    fn text(&self, field: &str, value: &Spanned<String>) -> Result<String, ImportError> {
        let s = value.get_ref().trim();
        if s.is_empty() {
            return Err(self.bad(field, value.span(), "a non-empty text", value.get_ref()));
        }
        Ok(s.to_owned())
    }

    fn identifier(&self, field: &str, value: &Spanned<String>) -> Result<String, ImportError> {
        let s = value.get_ref();
        if !s.is_empty()
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            Ok(s.clone())
        } else {
            Err(self.bad(
                field,
                value.span(),
                "a lower-case identifier (letters, digits and hyphens)",
                s,
            ))
        }
    }

    fn identifiers(
        &self,
        field: &str,
        values: &[Spanned<String>],
    ) -> Result<Vec<String>, ImportError> {
        values.iter().map(|v| self.identifier(field, v)).collect()
    }

    fn side(
        &self,
        field: &str,
        value: &Spanned<String>,
        allowed: &[Side],
    ) -> Result<Side, ImportError> {
        Side::parse(value.get_ref()).filter(|s| allowed.contains(s)).ok_or_else(|| {
            let names: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
            self.bad(field, value.span(), &names.join(", "), value.get_ref())
        })
    }

    fn condition(
        &self,
        raw: &Spanned<RawCondition>,
        bound: &mut Vec<String>,
    ) -> Result<Condition, ImportError> {
        let c = raw.get_ref();
        let n = [
            c.policy.is_some(),
            c.no_policy.is_some(),
            c.country.is_some(),
            c.data.is_some(),
            c.any.is_some(),
            c.all.is_some(),
        ]
        .into_iter()
        .filter(|x| *x)
        .count();
        if n != 1 {
            return Err(self.bad(
                "condition",
                raw.span(),
                "exactly one of policy, no_policy, country, data, any, all",
                &format!("{n} of them"),
            ));
        }
        if let Some(p) = &c.policy {
            return Ok(Condition::Policy(self.pattern(p, bound)?));
        }
        if let Some(p) = &c.no_policy {
            return Ok(Condition::NoPolicy(self.pattern(p, bound)?));
        }
        if let Some(k) = &c.country {
            let k = k.get_ref();
            let attribute = Attribute::parse(k.attribute.get_ref()).ok_or_else(|| {
                self.bad(
                    "attribute",
                    k.attribute.span(),
                    "who_ssl, icmw_party, ilo_c97_party or ilo_c143_party",
                    k.attribute.get_ref(),
                )
            })?;
            return Ok(Condition::Country {
                of: self.side(
                    "of",
                    &k.of,
                    &[Side::Origin, Side::Destination, Side::Either, Side::Both],
                )?,
                attribute,
                is: k.is,
            });
        }
        if let Some(d) = &c.data {
            let span = d.span();
            let d = d.get_ref();
            if d.above.is_none() && d.below.is_none() {
                return Err(self.bad("data", span, "a threshold: above or below", "neither"));
            }
            let place =
                self.place(&d.indicator, d.area.as_ref(), d.from.as_ref(), d.to.as_ref(), span)?;
            return Ok(Condition::Data(DataTest { place, above: d.above, below: d.below }));
        }
        let (list, any) = match (&c.any, &c.all) {
            (Some(list), _) => (list, true),
            (None, Some(list)) => (list, false),
            (None, None) => unreachable!("exactly one key was counted"),
        };
        if list.get_ref().is_empty() {
            return Err(self.bad(
                if any { "any" } else { "all" },
                list.span(),
                "at least one condition",
                "[]",
            ));
        }
        let items = list
            .get_ref()
            .iter()
            .map(|c| self.condition(c, bound))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(if any { Condition::Any(items) } else { Condition::All(items) })
    }

    fn pattern(
        &self,
        raw: &Spanned<RawPattern>,
        bound: &mut Vec<String>,
    ) -> Result<PolicyPattern, ImportError> {
        let p = raw.get_ref();
        let of = match &p.of {
            Some(of) => self.side("of", of, &[Side::Origin, Side::Destination, Side::Either])?,
            None => Side::Either,
        };
        let status = p
            .status
            .iter()
            .map(|s| {
                PolicyStatus::parse(s.get_ref()).ok_or_else(|| {
                    self.bad("status", s.span(), "planned, active, suspended or ended", s.get_ref())
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let stages = p
            .stages
            .iter()
            .map(|s| {
                Stage::parse(s.get_ref()).ok_or_else(|| {
                    self.bad(
                        "stages",
                        s.span(),
                        "before-departure, recruitment-departure, stay-abroad or return-reintegration",
                        s.get_ref(),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let partner = match &p.partner {
            None => Partner::Any,
            Some(v) => match v.get_ref().as_str() {
                "any" => Partner::Any,
                "other" => Partner::Other,
                "other-or-none" => Partner::OtherOrNone,
                found => {
                    return Err(self.bad(
                        "partner",
                        v.span(),
                        "any, other or other-or-none",
                        found,
                    ));
                }
            },
        };
        let target_groups_meet = match &p.target_groups_meet {
            Some(name) if !bound.contains(name.get_ref()) => {
                return Err(self.bad(
                    "target_groups_meet",
                    name.span(),
                    "the `as` name of an earlier policy pattern of the rule",
                    name.get_ref(),
                ));
            }
            Some(name) => Some(name.get_ref().clone()),
            None => None,
        };
        let bind = match &p.bind {
            Some(name) => {
                let name = self.identifier("as", name)?;
                bound.push(name.clone());
                Some(name)
            }
            None => None,
        };
        Ok(PolicyPattern {
            of,
            status,
            tags: self.identifiers("tags", &p.tags)?,
            any_tags: self.identifiers("any_tags", &p.any_tags)?,
            target_groups: self.identifiers("target_groups", &p.target_groups)?,
            stages,
            partner,
            bind,
            target_groups_meet,
        })
    }

    fn place(
        &self,
        indicator: &Spanned<String>,
        area: Option<&Spanned<String>>,
        from: Option<&Spanned<String>>,
        to: Option<&Spanned<String>>,
        span: Range<usize>,
    ) -> Result<DataPlace, ImportError> {
        let known = Indicator::by_code(indicator.get_ref()).ok_or_else(|| {
            self.bad("indicator", indicator.span(), "an indicator code", indicator.get_ref())
        })?;
        let ends = [Side::Origin, Side::Destination];
        match (area, from, to) {
            (Some(area), None, None) => {
                if known.shape != Shape::Area {
                    return Err(self.bad(
                        "indicator",
                        indicator.span(),
                        "an indicator of one area (with `area`)",
                        indicator.get_ref(),
                    ));
                }
                Ok(DataPlace {
                    indicator: known.code.to_owned(),
                    area: Some(self.side("area", area, &ends)?),
                    pair: None,
                })
            }
            (None, Some(from), Some(to)) => {
                if known.shape != Shape::Bilateral {
                    return Err(self.bad(
                        "indicator",
                        indicator.span(),
                        "a bilateral indicator (with `from` and `to`)",
                        indicator.get_ref(),
                    ));
                }
                let from_side = self.side("from", from, &ends)?;
                let to_side = self.side("to", to, &ends)?;
                if from_side == to_side {
                    return Err(self.bad(
                        "to",
                        to.span(),
                        "the other end of the corridor",
                        to.get_ref(),
                    ));
                }
                Ok(DataPlace {
                    indicator: known.code.to_owned(),
                    area: None,
                    pair: Some((from_side, to_side)),
                })
            }
            _ => Err(self.bad(
                "data",
                span,
                "either `area`, or `from` and `to`",
                "another combination",
            )),
        }
    }
}

/// The 1-based line of byte offset `offset` in `text`.
fn line_of(text: &str, offset: usize) -> u32 {
    let end = offset.min(text.len());
    let newlines = text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count();
    u32::try_from(newlines + 1).unwrap_or(u32::MAX)
}

fn toml_error(file: &str, text: &str, err: &toml::de::Error) -> ImportError {
    let row = err.span().map(|span| line_of(text, span.start));
    let message = err.message().trim().to_owned();
    let column = message
        .split_once("field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(field, _)| field.to_owned())
        .or_else(|| {
            let line = text.lines().nth(usize::try_from(row?).ok()?.checked_sub(1)?)?;
            let key = line.split_once('=')?.0.trim();
            (!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
                .then(|| key.to_owned())
        });
    ImportError::new(
        Location { file: file.to_owned(), sheet: None, row, column },
        ImportErrorKind::Unreadable {
            expected: "a corridor rules file (TOML)".to_owned(),
            detail: message,
        },
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    coverage: Option<RawCoverage>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCoverage {
    areas: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    title: Spanned<String>,
    level: Spanned<String>,
    severity: Spanned<String>,
    rationale: Spanned<String>,
    source: Spanned<String>,
    all: Spanned<Vec<Spanned<RawCondition>>>,
    #[serde(default)]
    context: Vec<Spanned<RawPlace>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    policy: Option<Spanned<RawPattern>>,
    no_policy: Option<Spanned<RawPattern>>,
    country: Option<Spanned<RawCountry>>,
    data: Option<Spanned<RawData>>,
    any: Option<Spanned<Vec<Spanned<RawCondition>>>>,
    all: Option<Spanned<Vec<Spanned<RawCondition>>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPattern {
    of: Option<Spanned<String>>,
    #[serde(default)]
    status: Vec<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    #[serde(default)]
    any_tags: Vec<Spanned<String>>,
    #[serde(default)]
    target_groups: Vec<Spanned<String>>,
    #[serde(default)]
    stages: Vec<Spanned<String>>,
    partner: Option<Spanned<String>>,
    #[serde(rename = "as")]
    bind: Option<Spanned<String>>,
    target_groups_meet: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    of: Spanned<String>,
    attribute: Spanned<String>,
    is: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawData {
    indicator: Spanned<String>,
    area: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
    above: Option<f64>,
    below: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    indicator: Spanned<String>,
    area: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        read_corridor_rules("r.toml", text).unwrap_err().to_string()
    }

    const RULE: &str = r#"
[[rule]]
id = "x"
title = "T"
level = "working"
severity = "low"
rationale = "R"
source = "S"
all = [
    { policy = { of = "origin", tags = ["a"] } },
]
"#;

    #[test]
    fn builtin_rules_read() {
        let set = builtin_corridor_rules().unwrap();
        assert_eq!(set.rules.len(), 7);
        assert!(set.coverage_areas.contains(&"health".to_owned()));
        assert!(set.rules.iter().all(|r| !r.rationale.is_empty() && !r.source.is_empty()));
    }

    #[test]
    fn a_minimal_rule_reads() {
        let set = read_corridor_rules("r.toml", RULE).unwrap();
        assert_eq!(set.rules[0].line, 3);
        assert!(matches!(&set.rules[0].all[0], Condition::Policy(p) if p.of == Side::Origin));
    }

    #[test]
    fn errors_name_file_line_and_field() {
        let e = err(&RULE.replace("\"working\"", "\"work\""));
        assert!(e.starts_with("r.toml, row 5, column level:"), "{e}");
        let e = err(&RULE.replace("of = \"origin\"", "of = \"both\""));
        assert!(e.starts_with("r.toml, row 10, column of:"), "{e}");
        let e = err(&RULE.replace("tags = [\"a\"]", "tagz = [\"a\"]"));
        assert!(e.contains("r.toml, row 10") && e.contains("tagz"), "{e}");
        let e = err(&RULE.replace("source = \"S\"\n", ""));
        assert!(e.contains("column source"), "{e}");
        let e = err(&format!("{RULE}{}", RULE.replace("title = \"T\"", "title = \"U\"")));
        assert!(e.contains("row 14, column id") && e.contains("not used before"), "{e}");
    }

    #[test]
    fn conditions_are_checked() {
        let e = err(&RULE.replace(
            "{ policy = { of = \"origin\", tags = [\"a\"] } }",
            "{ data = { indicator = \"migrant_stock\", area = \"origin\", above = 1.0 } }",
        ));
        assert!(e.contains("column indicator") && e.contains("one area"), "{e}");
        let e = err(&RULE.replace(
            "{ policy = { of = \"origin\", tags = [\"a\"] } }",
            "{ data = { indicator = \"no_such\", area = \"origin\", above = 1.0 } }",
        ));
        assert!(e.contains("an indicator code"), "{e}");
        let e = err(&RULE.replace(
            "{ policy = { of = \"origin\", tags = [\"a\"] } }",
            "{ policy = { of = \"origin\" }, country = { of = \"origin\", attribute = \"who_ssl\", is = true } }",
        ));
        assert!(e.contains("exactly one of"), "{e}");
        let e =
            err(&RULE.replace("tags = [\"a\"]", "tags = [\"a\"], target_groups_meet = \"nobody\""));
        assert!(e.contains("column target_groups_meet"), "{e}");
        let e = err(&RULE.replace(
            "{ policy = { of = \"origin\", tags = [\"a\"] } }",
            "{ country = { of = \"origin\", attribute = \"c189\", is = true } }",
        ));
        assert!(e.contains("column attribute"), "{e}");
    }
}
