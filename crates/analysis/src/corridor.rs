//! Corridor checks: the rule engine and its results, as plain data.
//!
//! A corridor is an origin and a destination. [`check`] evaluates the corridor rules
//! (`ingest::rules`, declared in `rules/corridor-rules.toml`) over the two countries'
//! registers, attributes and data ([`CorridorFacts`]) and returns a [`CorridorReport`]:
//! the findings, each naming the policies, attributes and data it rests on; the rules
//! that could not be evaluated for lack of data; coverage of the migration cycle by
//! policy area at the three levels of coherence (IOM MRS No. 34); and the policies
//! that help development without intending to.
//!
//! The engine is pure: no store, no clock, no I/O. A rule is evaluated only on
//! evidence: a rule with a condition on a side's policies (`policy` or `no_policy`)
//! needs that side's register ([`registers_needed`]), and when that country has no
//! register loaded the rule is *not evaluated* ([`Reason::NoRegister`]) — the absence
//! of a register is not the absence of policy. The conditions of the other rules are
//! evaluated in three-valued logic: a condition on data or an attribute that is not
//! available is *unknown*; a rule whose condition is unknown is listed with what is
//! missing ([`Reason::NoData`]), never reported as passed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use domain::policy::{Policy, PolicyStatus, Stage};
use ingest::rules::{
    Attribute, Condition, DataPlace, DataTest, Partner, PolicyPattern, Rule, RuleSet, Side,
};
use serde::Serialize;

use crate::profile::Source;
use crate::said::{Said, Term, stage_in_text_key, status_key};

/// The tag that marks a policy made for another purpose that affects migration and
/// development.
pub const UNINTENDED_TAG: &str = "unintended-development-effect";

/// What the engine knows about one country of the corridor.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryFacts {
    /// ISO alpha-3 code.
    pub iso3: String,
    /// Name.
    pub name: String,
    /// The country's register (effective: imported policies with register edits), or
    /// `None` when no register of the country is loaded. A loaded register is evidence
    /// of what the country does and does not do; a missing one is evidence of nothing.
    pub register: Option<Vec<Policy>>,
    /// Attributes known, with their source.
    pub attributes: Vec<AttributeFact>,
}

impl CountryFacts {
    /// The policies of the country's register; none when no register is loaded.
    pub fn policies(&self) -> &[Policy] {
        self.register.as_deref().unwrap_or_default()
    }

    fn reference(&self) -> CountryRef {
        CountryRef { iso3: self.iso3.clone(), name: self.name.clone() }
    }

    /// The arguments `country` and `code` naming the country in a sentence.
    fn named(&self) -> Vec<(&'static str, Term)> {
        self.reference().named()
    }
}

impl CountryRef {
    /// The arguments `country` and `code` naming the country in a sentence.
    pub fn named(&self) -> Vec<(&'static str, Term)> {
        vec![("country", Term::country(&self.iso3, &self.name)), ("code", Term::text(&self.iso3))]
    }
}

/// A country attribute's value and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct AttributeFact {
    /// The attribute.
    pub attribute: Attribute,
    /// Its value.
    pub value: bool,
    /// Where it comes from.
    pub source: Source,
}

/// The latest value of an indicator for one country or one direction of the corridor.
#[derive(Clone, Debug, PartialEq)]
pub struct DataFact {
    /// The indicator code.
    pub indicator: String,
    /// The country, for an area indicator.
    pub area: Option<String>,
    /// The first and second country, for a bilateral indicator.
    pub pair: Option<(String, String)>,
    /// The year of the value.
    pub year: i32,
    /// The value.
    pub value: f64,
    /// The unit, e.g. `percent`, `persons`.
    pub unit: String,
    /// Where it comes from.
    pub source: Source,
}

/// Everything [`check`] reads.
#[derive(Clone, Debug, PartialEq)]
pub struct CorridorFacts {
    /// The origin.
    pub origin: CountryFacts,
    /// The destination.
    pub destination: CountryFacts,
    /// Latest values of the indicators the rules name.
    pub data: Vec<DataFact>,
}

/// A country of the corridor, in results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountryRef {
    /// ISO alpha-3 code.
    pub iso3: String,
    /// Name.
    pub name: String,
}

/// A policy a finding rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyEvidence {
    /// The policy's id.
    pub id: String,
    /// Whose policy.
    pub country: String,
    /// The title.
    pub title: String,
    /// Its status.
    pub status: String,
    /// What in the rule it matched (or, for a near miss, why it did not count).
    pub why: Said,
}

/// A country attribute a finding rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttributeEvidence {
    /// The country.
    pub country: String,
    /// The attribute (`who_ssl`, `icmw_party`, ...).
    pub attribute: String,
    /// Its value.
    pub value: bool,
    /// A sentence: "Pelaria (XAA) is on the WHO ... list".
    pub statement: Said,
    /// Where it comes from.
    pub source: Source,
}

/// A data value a finding rests on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DataEvidence {
    /// The indicator code.
    pub indicator: String,
    /// What the value is, e.g. "remittance_cost_200_pct XAB→XAA".
    pub what: String,
    /// The year.
    pub year: i32,
    /// The value.
    pub value: f64,
    /// The unit.
    pub unit: String,
    /// The test it passed, e.g. "above 5"; none for context.
    pub test: Option<Said>,
    /// Where it comes from.
    pub source: Source,
}

/// A rule that fired.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// The rule's id.
    pub rule_id: String,
    /// The rule's title.
    pub title: String,
    /// `institutional`, `working` or `between-countries`.
    pub level: String,
    /// `high`, `medium` or `low`.
    pub severity: String,
    /// Why this is an incoherence.
    pub rationale: String,
    /// The rule's citation.
    pub source: String,
    /// Policies that matched the rule's patterns.
    pub policies: Vec<PolicyEvidence>,
    /// Country attributes the rule tested.
    pub attributes: Vec<AttributeEvidence>,
    /// Data the rule tested.
    pub data: Vec<DataEvidence>,
    /// What the rule found missing from the registers, in words.
    pub absences: Vec<Said>,
    /// Policies that come close to what is missing but do not count, and why.
    pub near_misses: Vec<PolicyEvidence>,
    /// Data shown with the finding for context.
    pub context: Vec<DataEvidence>,
}

/// Why a rule was not evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// The rule has a condition on the policies of a side whose register is not loaded.
    NoRegister,
    /// A data value or country attribute its condition tests is not available.
    NoData,
}

impl Reason {
    /// The identifier used in output: `no-register`, `no-data`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoRegister => "no-register",
            Reason::NoData => "no-data",
        }
    }
}

/// A rule that could not be evaluated: neither a finding nor passed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unevaluated {
    /// The rule's id.
    pub rule_id: String,
    /// The rule's title.
    pub title: String,
    /// Why it was not evaluated.
    pub reason: Reason,
    /// The countries whose register the rule needs and that have none loaded (for
    /// [`Reason::NoRegister`]; empty otherwise).
    pub missing_registers: Vec<CountryRef>,
    /// What is missing, item by item: "register of Nepal (NPL)", or a data value or
    /// attribute, e.g. "remittance_cost_200_pct for XAB→XAA".
    pub missing: Vec<Said>,
    /// The reason as one sentence, as every output shows it: "no register for Nepal
    /// (NPL); no register for United Kingdom (GBR)", or "missing ...".
    pub why: Said,
}

/// The registers a rule needs: those of the sides its `policy` and `no_policy`
/// conditions name (`either`, the default, names both).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegisterNeeds {
    /// The origin's register.
    pub origin: bool,
    /// The destination's register.
    pub destination: bool,
}

impl RegisterNeeds {
    /// Whether the rule needs no register at all (it tests only data and attributes).
    pub fn none(self) -> bool {
        !self.origin && !self.destination
    }
}

/// The registers `rule` needs, derived from its conditions: any condition on a side's
/// policies — that some policy matches, or that none does — needs that side's
/// register. Context data needs none.
pub fn registers_needed(rule: &Rule) -> RegisterNeeds {
    fn walk(c: &Condition, needs: &mut RegisterNeeds) {
        match c {
            Condition::Policy(p) | Condition::NoPolicy(p) => match p.of {
                Side::Origin => needs.origin = true,
                Side::Destination => needs.destination = true,
                Side::Either | Side::Both => {
                    needs.origin = true;
                    needs.destination = true;
                }
            },
            Condition::Any(list) | Condition::All(list) => {
                list.iter().for_each(|c| walk(c, needs));
            }
            Condition::Country { .. } | Condition::Data(_) => {}
        }
    }
    let mut needs = RegisterNeeds::default();
    rule.all.iter().for_each(|c| walk(c, &mut needs));
    needs
}

/// One cell of a register's coverage: a stage of the migration cycle and a policy area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoverageCell {
    /// The stage.
    pub stage: String,
    /// The policy area.
    pub area: String,
    /// Active policies at that stage in that area.
    pub policies: Vec<String>,
}

/// A country's register coverage (institutional and working level).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CountryCoverage {
    /// The country.
    pub country: CountryRef,
    /// Whether the country's register is loaded. Without it, nothing is known of its
    /// policies: the cells and ministries are empty and no gap is reported.
    pub register: bool,
    /// Every stage × area cell with at least one active policy.
    pub cells: Vec<CoverageCell>,
    /// Ministries and the number of active policies each owns (institutional level).
    pub ministries: Vec<(String, usize)>,
    /// Policy areas of the rules' coverage list with no active policy (institutional gap).
    pub missing_areas: Vec<String>,
    /// Stages with no active policy (working-level gap).
    pub missing_stages: Vec<String>,
}

/// Coverage of the corridor by policies that name the other country (or name none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CorridorStageCoverage {
    /// The stage.
    pub stage: String,
    /// Active origin policies at that stage naming the destination.
    pub origin: Vec<String>,
    /// Active destination policies at that stage naming the origin.
    pub destination: Vec<String>,
}

/// Coverage at the three levels of coherence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Each country's register: stage × area, ministries, gaps.
    pub countries: Vec<CountryCoverage>,
    /// Between countries: stages and the corridor-specific policies of each side.
    pub corridor: Vec<CorridorStageCoverage>,
    /// Stages where neither side has a corridor-specific active policy; empty unless
    /// both registers are loaded.
    pub corridor_gaps: Vec<String>,
    /// Findings by level: (level, number of findings).
    pub findings_by_level: Vec<(String, usize)>,
}

/// The result of checking one corridor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CorridorReport {
    /// The origin.
    pub origin: CountryRef,
    /// The destination.
    pub destination: CountryRef,
    /// The notice every output built from fictional data shows, if any.
    pub fictional_notice: Option<String>,
    /// How many rules were checked (the rules of the rules file).
    pub rules_checked: usize,
    /// How many of them were evaluated (fired or passed); the others are in
    /// `unevaluated`.
    pub rules_evaluated: usize,
    /// The rules that fired, in rule order.
    pub findings: Vec<Finding>,
    /// Rules that could not be evaluated, with what is missing.
    pub unevaluated: Vec<Unevaluated>,
    /// Coverage at the three levels.
    pub coverage: Coverage,
    /// Policies of either side that help development without intending to.
    pub unintended: Vec<PolicyEvidence>,
    /// The corridor's figures, each the latest value with its source, in the order of
    /// [`figure_places`]: the migrant stock, the deployments of the year, remittances
    /// and their cost; a figure the store lacks is left out (never a zero).
    pub figures: Vec<DataEvidence>,
}

/// The figures every corridor report shows beside its findings, whatever the rules
/// read: the migrant stock along the corridor (origin → destination), the nationals
/// who left for work there in a year (origin → destination), the remittances sent back
/// and their cost (destination → origin).
pub fn figure_places() -> Vec<DataPlace> {
    use domain::Indicator;
    let pair = |indicator: Indicator, a: Side, b: Side| DataPlace {
        indicator: indicator.code.to_owned(),
        area: None,
        pair: Some((a, b)),
    };
    vec![
        pair(Indicator::MIGRANT_STOCK, Side::Origin, Side::Destination),
        pair(Indicator::DEPLOYMENTS, Side::Origin, Side::Destination),
        pair(Indicator::BILATERAL_REMITTANCES_USD, Side::Destination, Side::Origin),
        pair(Indicator::REMITTANCE_COST_200, Side::Destination, Side::Origin),
    ]
}

/// The facts' values of [`figure_places`].
fn figures(facts: &CorridorFacts) -> Vec<DataEvidence> {
    let code = |s: Side| match s {
        Side::Destination => facts.destination.iso3.clone(),
        _ => facts.origin.iso3.clone(),
    };
    figure_places()
        .iter()
        .filter_map(|p| {
            let pair = p.pair.map(|(a, b)| (code(a), code(b)));
            facts.find(p, (None, pair))
        })
        .map(|d| data_evidence(d, None))
        .collect()
}

/// Evaluates `rules` over one corridor. Pure: the same facts give the same report.
pub fn check(rules: &RuleSet, facts: &CorridorFacts) -> CorridorReport {
    let mut findings = Vec::new();
    let mut unevaluated = Vec::new();
    for rule in &rules.rules {
        let (reason, missing_registers, missing) = match evaluate(rule, facts) {
            Outcome::Fires(f) => {
                findings.push(*f);
                continue;
            }
            Outcome::Passes => continue,
            Outcome::NoRegister(countries) => {
                let missing =
                    countries.iter().map(|c| Said::new("check-register-of", c.named())).collect();
                (Reason::NoRegister, countries, missing)
            }
            Outcome::Unknown(missing) => (Reason::NoData, Vec::new(), missing),
        };
        let why = match reason {
            Reason::NoRegister => {
                let each = missing_registers
                    .iter()
                    .map(|c| Term::said(Said::new("check-no-register-for", c.named())))
                    .collect();
                Said::new("analysis-items", vec![("items", Term::list(each))])
            }
            Reason::NoData => {
                let items = missing.iter().cloned().map(Term::said).collect();
                Said::new("check-missing", vec![("items", Term::list(items))])
            }
        };
        unevaluated.push(Unevaluated {
            rule_id: rule.id.clone(),
            title: rule.title.clone(),
            reason,
            missing_registers,
            missing,
            why,
        });
    }
    let coverage = coverage(rules, facts, &findings);
    let unintended = [&facts.origin, &facts.destination]
        .into_iter()
        .flat_map(|c| c.policies().iter())
        .filter(|p| p.tags.iter().any(|t| t == UNINTENDED_TAG))
        .map(|p| evidence(p, Said::plain("check-unintended")))
        .collect();
    CorridorReport {
        origin: facts.origin.reference(),
        destination: facts.destination.reference(),
        fictional_notice: None,
        rules_checked: rules.rules.len(),
        rules_evaluated: rules.rules.len() - unevaluated.len(),
        findings,
        unevaluated,
        coverage,
        unintended,
        figures: figures(facts),
    }
}

/// The result of evaluating one rule.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The rule fired.
    Fires(Box<Finding>),
    /// The condition does not hold.
    Passes,
    /// Not evaluated: the rule needs the registers of these countries, which have none
    /// loaded.
    NoRegister(Vec<CountryRef>),
    /// Not evaluated: the condition could not be decided; what is missing.
    Unknown(Vec<Said>),
}

/// Evaluates one rule: first whether the registers it needs are loaded, then its
/// condition.
pub fn evaluate(rule: &Rule, facts: &CorridorFacts) -> Outcome {
    let needs = registers_needed(rule);
    let absent: Vec<CountryRef> =
        [(needs.origin, &facts.origin), (needs.destination, &facts.destination)]
            .into_iter()
            .filter(|(needed, c)| *needed && c.register.is_none())
            .map(|(_, c)| c.reference())
            .collect();
    if !absent.is_empty() {
        return Outcome::NoRegister(absent);
    }
    let mut cx = Eval { facts, bound: HashMap::new() };
    let (truth, ev) = cx.all(&rule.all);
    match truth {
        Truth::True => {
            let context = rule
                .context
                .iter()
                .filter_map(|place| facts.find(place, cx.resolve_place(place)))
                .map(|d| data_evidence(d, None))
                .collect();
            Outcome::Fires(Box::new(Finding {
                rule_id: rule.id.clone(),
                title: rule.title.clone(),
                level: rule.level.as_str().to_owned(),
                severity: rule.severity.as_str().to_owned(),
                rationale: rule.rationale.clone(),
                source: rule.source.clone(),
                policies: dedup(ev.policies),
                attributes: ev.attributes,
                data: ev.data,
                absences: ev.absences,
                near_misses: dedup(ev.near_misses),
                context,
            }))
        }
        Truth::False => Outcome::Passes,
        Truth::Unknown(missing) => Outcome::Unknown(missing),
    }
}

fn dedup(list: Vec<PolicyEvidence>) -> Vec<PolicyEvidence> {
    let mut seen = BTreeSet::new();
    list.into_iter().filter(|p| seen.insert(p.id.clone())).collect()
}

#[derive(Clone, Debug, PartialEq)]
enum Truth {
    True,
    False,
    Unknown(Vec<Said>),
}

#[derive(Default)]
struct Evidence {
    policies: Vec<PolicyEvidence>,
    attributes: Vec<AttributeEvidence>,
    data: Vec<DataEvidence>,
    absences: Vec<Said>,
    near_misses: Vec<PolicyEvidence>,
}

impl Evidence {
    fn extend(&mut self, other: Evidence) {
        self.policies.extend(other.policies);
        self.attributes.extend(other.attributes);
        self.data.extend(other.data);
        self.absences.extend(other.absences);
        self.near_misses.extend(other.near_misses);
    }
}

struct Eval<'a> {
    facts: &'a CorridorFacts,
    bound: HashMap<String, Vec<&'a Policy>>,
}

impl<'a> Eval<'a> {
    fn all(&mut self, list: &[Condition]) -> (Truth, Evidence) {
        let mut ev = Evidence::default();
        let mut missing = Vec::new();
        for c in list {
            let (t, e) = self.condition(c);
            match t {
                Truth::True => ev.extend(e),
                Truth::False => return (Truth::False, Evidence::default()),
                Truth::Unknown(m) => missing.extend(m),
            }
        }
        if missing.is_empty() { (Truth::True, ev) } else { (Truth::Unknown(missing), ev) }
    }

    fn any(&mut self, list: &[Condition]) -> (Truth, Evidence) {
        let mut ev = Evidence::default();
        let mut held = false;
        let mut missing = Vec::new();
        for c in list {
            let (t, e) = self.condition(c);
            match t {
                Truth::True => {
                    held = true;
                    ev.extend(e);
                }
                Truth::False => {}
                Truth::Unknown(m) => missing.extend(m),
            }
        }
        if held {
            (Truth::True, ev)
        } else if missing.is_empty() {
            (Truth::False, ev)
        } else {
            (Truth::Unknown(missing), ev)
        }
    }

    fn condition(&mut self, c: &Condition) -> (Truth, Evidence) {
        match c {
            Condition::All(list) => self.all(list),
            Condition::Any(list) => self.any(list),
            Condition::Policy(p) => self.policy(p),
            Condition::NoPolicy(p) => self.no_policy(p),
            Condition::Country { of, attribute, is } => self.country(*of, *attribute, *is),
            Condition::Data(test) => self.data(test),
        }
    }

    fn sides(&self, of: Side) -> Vec<(&'a CountryFacts, &'a CountryFacts)> {
        let (o, d) = (&self.facts.origin, &self.facts.destination);
        match of {
            Side::Origin => vec![(o, d)],
            Side::Destination => vec![(d, o)],
            Side::Either | Side::Both => vec![(o, d), (d, o)],
        }
    }

    /// The policies matching `p`; with `strict = false`, ignoring status and partners
    /// (for near misses).
    fn matching(&self, p: &PolicyPattern, strict: bool) -> Vec<&'a Policy> {
        let mut out = Vec::new();
        for (own, other) in self.sides(p.of) {
            for policy in own.policies() {
                if matches(p, policy, &other.iso3, strict, &self.bound) {
                    out.push(policy);
                }
            }
        }
        out
    }

    fn policy(&mut self, p: &PolicyPattern) -> (Truth, Evidence) {
        let found = self.matching(p, true);
        if let Some(name) = &p.bind {
            self.bound.insert(name.clone(), found.clone());
        }
        if found.is_empty() {
            return (Truth::False, Evidence::default());
        }
        let why = describe(p, self.facts);
        let ev = Evidence {
            policies: found.iter().map(|pol| evidence(pol, why.clone())).collect(),
            ..Evidence::default()
        };
        (Truth::True, ev)
    }

    fn no_policy(&mut self, p: &PolicyPattern) -> (Truth, Evidence) {
        if !self.matching(p, true).is_empty() {
            return (Truth::False, Evidence::default());
        }
        let near: Vec<PolicyEvidence> = self
            .matching(p, false)
            .into_iter()
            .map(|pol| {
                let other = if pol.country.as_str() == self.facts.origin.iso3 {
                    &self.facts.destination
                } else {
                    &self.facts.origin
                };
                let mut reasons = Vec::new();
                if !p.status.is_empty() && !p.status.contains(&pol.status) {
                    let status = Term::said(Said::plain(status_key(pol.status)));
                    reasons
                        .push(Term::said(Said::new("check-near-status", vec![("status", status)])));
                }
                if !partner_ok(p.partner, pol, &other.iso3) {
                    let partners = if pol.partners.is_empty() {
                        Term::said(Said::plain("check-no-partners"))
                    } else {
                        Term::parts(pol.partners.iter().map(|c| Term::text(c.as_str())).collect())
                    };
                    let args = vec![("other", Term::text(&other.iso3)), ("partners", partners)];
                    reasons.push(Term::said(Said::new("check-near-partner", args)));
                }
                evidence(pol, Said::new("check-near-miss", vec![("reasons", Term::list(reasons))]))
            })
            .collect();
        let ev = Evidence {
            absences: vec![Said::new(
                "check-no-policy",
                vec![("pattern", Term::said(describe(p, self.facts)))],
            )],
            near_misses: near,
            ..Evidence::default()
        };
        (Truth::True, ev)
    }

    fn country(&mut self, of: Side, attribute: Attribute, is: bool) -> (Truth, Evidence) {
        let mut ev = Evidence::default();
        let mut results = Vec::new();
        let mut missing = Vec::new();
        for (c, _) in self.sides(of) {
            match c.attributes.iter().find(|a| a.attribute == attribute) {
                Some(a) => {
                    results.push(a.value == is);
                    if a.value == is {
                        let mut args = c.named();
                        args.push(("value", Term::text(if a.value { "yes" } else { "no" })));
                        ev.attributes.push(AttributeEvidence {
                            country: c.iso3.clone(),
                            attribute: attribute.as_str().to_owned(),
                            value: a.value,
                            statement: Said::new(statement_key(attribute), args),
                            source: a.source.clone(),
                        });
                    }
                }
                None => missing.push(Said::new(whether_key(attribute), c.named())),
            }
        }
        let any_true = results.iter().any(|r| *r);
        let any_false = results.iter().any(|r| !*r);
        let truth = if of == Side::Either {
            if any_true {
                Truth::True
            } else if missing.is_empty() {
                Truth::False
            } else {
                Truth::Unknown(missing)
            }
        } else if any_false {
            Truth::False
        } else if missing.is_empty() {
            Truth::True
        } else {
            Truth::Unknown(missing)
        };
        match truth {
            Truth::True => (Truth::True, ev),
            other => (other, Evidence::default()),
        }
    }

    fn resolve_place(&self, place: &DataPlace) -> (Option<String>, Option<(String, String)>) {
        let code = |s: Side| match s {
            Side::Destination => self.facts.destination.iso3.clone(),
            _ => self.facts.origin.iso3.clone(),
        };
        (place.area.map(code), place.pair.map(|(a, b)| (code(a), code(b))))
    }

    fn data(&mut self, test: &DataTest) -> (Truth, Evidence) {
        let resolved = self.resolve_place(&test.place);
        let Some(fact) = self.facts.find(&test.place, resolved.clone()) else {
            let place = match resolved {
                (Some(a), _) => a,
                (None, Some((a, b))) => format!("{a}→{b}"),
                (None, None) => String::new(),
            };
            let args = vec![
                ("indicator", Term::text(&test.place.indicator)),
                ("place", Term::text(place)),
            ];
            return (
                Truth::Unknown(vec![Said::new("check-missing-data", args)]),
                Evidence::default(),
            );
        };
        let mut tests = Vec::new();
        let mut holds = true;
        if let Some(above) = test.above {
            holds &= fact.value > above;
            let args = vec![("value", Term::trimmed(above))];
            tests.push(Term::said(Said::new("check-test-above", args)));
        }
        if let Some(below) = test.below {
            holds &= fact.value < below;
            let args = vec![("value", Term::trimmed(below))];
            tests.push(Term::said(Said::new("check-test-below", args)));
        }
        if !holds {
            return (Truth::False, Evidence::default());
        }
        let ev = Evidence {
            data: vec![data_evidence(
                fact,
                Some(Said::new("analysis-items", vec![("items", Term::all(tests))])),
            )],
            ..Evidence::default()
        };
        (Truth::True, ev)
    }
}

impl CorridorFacts {
    fn find(
        &self,
        place: &DataPlace,
        (area, pair): (Option<String>, Option<(String, String)>),
    ) -> Option<&DataFact> {
        self.data
            .iter()
            .find(|d| d.indicator == place.indicator && d.area == area && d.pair == pair)
    }
}

fn partner_ok(partner: Partner, policy: &Policy, other: &str) -> bool {
    let names_other = policy.partners.iter().any(|c| c.as_str() == other);
    match partner {
        Partner::Any => true,
        Partner::Other => names_other,
        Partner::OtherOrNone => names_other || policy.partners.is_empty(),
    }
}

fn matches(
    p: &PolicyPattern,
    policy: &Policy,
    other: &str,
    strict: bool,
    bound: &HashMap<String, Vec<&Policy>>,
) -> bool {
    let has = |t: &String| policy.tags.contains(t);
    if !p.tags.iter().all(has) || (!p.any_tags.is_empty() && !p.any_tags.iter().any(has)) {
        return false;
    }
    if !p.target_groups.is_empty()
        && !p.target_groups.iter().any(|g| policy.target_groups.contains(g))
    {
        return false;
    }
    if !p.stages.is_empty() && !p.stages.iter().any(|s| policy.stages.contains(s)) {
        return false;
    }
    if let Some(name) = &p.target_groups_meet {
        let groups: BTreeSet<&String> =
            bound.get(name).into_iter().flatten().flat_map(|b| b.target_groups.iter()).collect();
        if !policy.target_groups.iter().any(|g| groups.contains(g)) {
            return false;
        }
    }
    if !strict {
        return true;
    }
    (p.status.is_empty() || p.status.contains(&policy.status))
        && partner_ok(p.partner, policy, other)
}

/// A pattern in words, e.g. "of Brevmark (XAB), active, tagged active-recruitment, for
/// health-workers, naming Pelaria (XAA) as partner".
fn describe(p: &PolicyPattern, facts: &CorridorFacts) -> Said {
    let (o, d) = (&facts.origin, &facts.destination);
    let said = |code, args| Term::said(Said::new(code, args));
    let texts = |list: &[String]| list.iter().map(Term::text).collect::<Vec<_>>();
    let mut parts = vec![match p.of {
        Side::Origin => said("check-pattern-of", o.named()),
        Side::Destination => said("check-pattern-of", d.named()),
        _ => said(
            "check-pattern-of-either",
            vec![
                ("origin", Term::country(&o.iso3, &o.name)),
                ("origin-code", Term::text(&o.iso3)),
                ("destination", Term::country(&d.iso3, &d.name)),
                ("destination-code", Term::text(&d.iso3)),
            ],
        ),
    }];
    if !p.status.is_empty() {
        let statuses = p.status.iter().map(|s| Term::said(Said::plain(status_key(*s))));
        parts.push(Term::either(statuses.collect()));
    }
    if !p.tags.is_empty() {
        parts.push(said("check-pattern-tags", vec![("tags", Term::all(texts(&p.tags)))]));
    }
    if !p.any_tags.is_empty() {
        parts.push(said("check-pattern-tags", vec![("tags", Term::either(texts(&p.any_tags)))]));
    }
    if !p.target_groups.is_empty() {
        let groups = Term::either(texts(&p.target_groups));
        parts.push(said("check-pattern-groups", vec![("groups", groups)]));
    }
    if !p.stages.is_empty() {
        let stages = p.stages.iter().map(|s| Term::said(Said::plain(stage_in_text_key(*s))));
        parts.push(said("check-pattern-stages", vec![("stages", Term::either(stages.collect()))]));
    }
    if let Some(name) = &p.target_groups_meet {
        parts.push(said("check-pattern-meet", vec![("name", Term::text(name))]));
    }
    let other = match p.of {
        Side::Origin => said("check-country", d.named()),
        Side::Destination => said("check-country", o.named()),
        _ => said("check-the-other-country", Vec::new()),
    };
    match p.partner {
        Partner::Any => {}
        Partner::Other => parts.push(said("check-pattern-partner", vec![("other", other)])),
        Partner::OtherOrNone => {
            parts.push(said("check-pattern-partner-or-none", vec![("other", other)]));
        }
    }
    Said::new("analysis-items", vec![("items", Term::parts(parts))])
}

/// The message of a country attribute's statement ("Pelaria (XAA) is on the … list").
fn statement_key(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::WhoSsl => "check-attribute-who-ssl",
        Attribute::IcmwParty => "check-attribute-icmw-party",
        Attribute::IloC97Party => "check-attribute-ilo-c97-party",
        Attribute::IloC143Party => "check-attribute-ilo-c143-party",
    }
}

/// The message of a country attribute that is not known ("whether Pelaria (XAA) is …").
fn whether_key(attribute: Attribute) -> &'static str {
    match attribute {
        Attribute::WhoSsl => "check-whether-who-ssl",
        Attribute::IcmwParty => "check-whether-icmw-party",
        Attribute::IloC97Party => "check-whether-ilo-c97-party",
        Attribute::IloC143Party => "check-whether-ilo-c143-party",
    }
}

fn evidence(p: &Policy, why: Said) -> PolicyEvidence {
    PolicyEvidence {
        id: p.id.clone(),
        country: p.country.as_str().to_owned(),
        title: p.title.clone(),
        status: p.status.as_str().to_owned(),
        why,
    }
}

fn data_evidence(d: &DataFact, test: Option<Said>) -> DataEvidence {
    let what = match (&d.area, &d.pair) {
        (Some(a), _) => format!("{} {a}", d.indicator),
        (None, Some((a, b))) => format!("{} {a}→{b}", d.indicator),
        (None, None) => d.indicator.clone(),
    };
    DataEvidence {
        indicator: d.indicator.clone(),
        what,
        year: d.year,
        value: d.value,
        unit: d.unit.clone(),
        test,
        source: d.source.clone(),
    }
}

fn active(p: &Policy) -> bool {
    p.status == PolicyStatus::Active
}

fn coverage(rules: &RuleSet, facts: &CorridorFacts, findings: &[Finding]) -> Coverage {
    let countries = [&facts.origin, &facts.destination]
        .into_iter()
        .map(|c| {
            let mut cells: BTreeMap<(usize, String), Vec<String>> = BTreeMap::new();
            let mut ministries: BTreeMap<String, usize> = BTreeMap::new();
            for p in c.policies().iter().filter(|p| active(p)) {
                *ministries.entry(p.ministry.clone()).or_default() += 1;
                for s in &p.stages {
                    let idx = Stage::ALL.iter().position(|x| x == s).unwrap_or(0);
                    cells.entry((idx, p.area.clone())).or_default().push(p.id.clone());
                }
            }
            let covered_areas: BTreeSet<&str> = cells.keys().map(|(_, a)| a.as_str()).collect();
            let register = c.register.is_some();
            let missing_areas = rules
                .coverage_areas
                .iter()
                .filter(|a| register && !covered_areas.contains(a.as_str()))
                .cloned()
                .collect();
            let missing_stages = Stage::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| register && !cells.keys().any(|(j, _)| j == i))
                .map(|(_, s)| s.as_str().to_owned())
                .collect();
            CountryCoverage {
                country: c.reference(),
                register,
                cells: cells
                    .into_iter()
                    .map(|((i, area), policies)| CoverageCell {
                        stage: Stage::ALL[i].as_str().to_owned(),
                        area,
                        policies,
                    })
                    .collect(),
                ministries: ministries.into_iter().collect(),
                missing_areas,
                missing_stages,
            }
        })
        .collect();
    let naming = |own: &CountryFacts, other: &str, stage: Stage| -> Vec<String> {
        own.policies()
            .iter()
            .filter(|p| {
                active(p)
                    && p.stages.contains(&stage)
                    && p.partners.iter().any(|c| c.as_str() == other)
            })
            .map(|p| p.id.clone())
            .collect()
    };
    let corridor: Vec<CorridorStageCoverage> = Stage::ALL
        .iter()
        .map(|&s| CorridorStageCoverage {
            stage: s.as_str().to_owned(),
            origin: naming(&facts.origin, &facts.destination.iso3, s),
            destination: naming(&facts.destination, &facts.origin.iso3, s),
        })
        .collect();
    let both = facts.origin.register.is_some() && facts.destination.register.is_some();
    let corridor_gaps = corridor
        .iter()
        .filter(|c| both && c.origin.is_empty() && c.destination.is_empty())
        .map(|c| c.stage.clone())
        .collect();
    let findings_by_level = ingest::rules::Level::ALL
        .iter()
        .map(|l| (l.as_str().to_owned(), findings.iter().filter(|f| f.level == l.as_str()).count()))
        .collect();
    Coverage { countries, corridor, corridor_gaps, findings_by_level }
}

#[cfg(test)]
mod tests;
