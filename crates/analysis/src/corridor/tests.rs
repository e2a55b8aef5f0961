//! The rule engine on the demo world's corridor Pelaria → Brevmark: every rule fires
//! on the data as shipped, and each stops firing when the incoherence is removed.

use domain::policy::{Policy, PolicyStatus, Stage};
use domain::{Iso3, Sex};
use ingest::rules::{Attribute, builtin_corridor_rules};

use super::*;

fn source(cell: &str) -> Source {
    Source {
        dataset_id: 1,
        dataset: "demo".to_owned(),
        publisher: "Coherence".to_owned(),
        cell: Some(cell.to_owned()),
        derivation: None,
    }
}

/// The demo world's facts for `orig` → `dest`, built from the embedded files.
fn facts(orig: &str, dest: &str) -> CorridorFacts {
    let world = ingest::demo::demo_world().unwrap();
    let attributes = ingest::demo::demo_country_attributes().unwrap();
    let country = |code: &str| {
        let iso3 = Iso3::parse(code).unwrap();
        let a = attributes.iter().find(|a| a.iso3 == iso3).unwrap();
        let name = world.areas.iter().find(|x| x.iso3 == iso3).unwrap().name.clone();
        let attr =
            |attribute, value| AttributeFact { attribute, value, source: source("countries.csv") };
        CountryFacts {
            iso3: code.to_owned(),
            name,
            // As the store reports it: a register is loaded when the country has a policy.
            register: Some(
                world.policies.iter().filter(|p| p.country == iso3).cloned().collect::<Vec<_>>(),
            )
            .filter(|list| !list.is_empty()),
            attributes: vec![
                attr(Attribute::WhoSsl, a.who_ssl),
                attr(Attribute::IcmwParty, a.icmw_party),
                attr(Attribute::IloC97Party, a.ilo_c97_party),
                attr(Attribute::IloC143Party, a.ilo_c143_party),
            ],
        }
    };
    let (o, d) = (Iso3::parse(orig).unwrap(), Iso3::parse(dest).unwrap());
    let mut data: Vec<DataFact> = Vec::new();
    let mut latest = |indicator: &str, area: Option<Iso3>, pair: Option<(Iso3, Iso3)>| {
        let best = if let Some(a) = area {
            world
                .values
                .iter()
                .filter(|v| v.indicator.code == indicator && v.area == a && v.sex == Sex::Total)
                .max_by_key(|v| v.year.get())
                .map(|v| (v.year.get(), v.value, v.indicator.unit))
        } else {
            let (f, t) = pair.unwrap();
            world
                .pairs
                .iter()
                .filter(|v| {
                    v.indicator.code == indicator && v.from == f && v.to == t && v.sex == Sex::Total
                })
                .max_by_key(|v| v.year.get())
                .map(|v| (v.year.get(), v.value, v.indicator.unit))
        };
        if let Some((year, value, unit)) = best {
            data.push(DataFact {
                indicator: indicator.to_owned(),
                area: area.map(|a| a.as_str().to_owned()),
                pair: pair.map(|(f, t)| (f.as_str().to_owned(), t.as_str().to_owned())),
                year,
                value,
                unit: unit.as_str().to_owned(),
                source: source(indicator),
            });
        }
    };
    latest("remittance_cost_200_pct", None, Some((d, o)));
    latest("migrant_stock", None, Some((o, d)));
    latest("deployments", None, Some((o, d)));
    for ind in ["health_workers_abroad", "health_workers_home", "physicians_per_1000"] {
        latest(ind, Some(o), None);
    }
    CorridorFacts { origin: country(orig), destination: country(dest), data }
}

fn fired(facts: &CorridorFacts) -> Vec<String> {
    let rules = builtin_corridor_rules().unwrap();
    check(&rules, facts).findings.into_iter().map(|f| f.rule_id).collect()
}

fn finding(facts: &CorridorFacts, id: &str) -> Finding {
    let rules = builtin_corridor_rules().unwrap();
    check(&rules, facts).findings.into_iter().find(|f| f.rule_id == id).unwrap()
}

fn add(facts: &mut CorridorFacts, origin: bool, id: &str, tags: &[&str], partner: Option<&str>) {
    let side = if origin { &mut facts.origin } else { &mut facts.destination };
    side.register.get_or_insert_default().push(Policy {
        id: id.to_owned(),
        country: Iso3::parse(&side.iso3).unwrap(),
        ministry: "Ministry".to_owned(),
        title: id.to_owned(),
        instrument: "programme".to_owned(),
        stages: vec![Stage::ReturnReintegration],
        area: "reintegration".to_owned(),
        partners: partner.map(|p| vec![Iso3::parse(p).unwrap()]).unwrap_or_default(),
        target_groups: vec!["health-workers".to_owned()],
        status: PolicyStatus::Active,
        start_year: None,
        end_year: None,
        objectives: "o".to_owned(),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        source: "s".to_owned(),
    });
}

const ALL_SEVEN: [&str; 7] = [
    "who-code-active-recruitment",
    "costly-corridor-no-cost-reduction",
    "temporary-scheme-without-return-or-portability",
    "skilled-migration-without-replenishment",
    "large-stock-without-conventions",
    "remittance-tax-and-promotion",
    "large-deployments-without-return-support",
];

#[test]
fn the_demo_corridor_yields_the_seven_intended_findings() {
    assert_eq!(fired(&facts("XAA", "XAB")), ALL_SEVEN);
}

#[test]
fn who_code_fires_and_names_its_evidence() {
    let f = finding(&facts("XAA", "XAB"), "who-code-active-recruitment");
    assert_eq!(f.policies.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["XAB-HEA-01"]);
    assert!(f.attributes.iter().any(|a| a.country == "XAA" && a.attribute == "who_ssl" && a.value));
    assert!(f.absences[0].text.contains("g2g-agreement"), "{:?}", f.absences);
    // Pelaria's g2g agreement is with Duneshar: shown as a near miss.
    assert!(f.near_misses.iter().any(|p| p.id == "XAA-LAB-03" && p.why.text.contains("XAC")));
}

#[test]
fn who_code_does_not_fire_with_a_g2g_agreement_or_off_the_list() {
    let mut f = facts("XAA", "XAB");
    add(&mut f, false, "XAB-G2G", &["g2g-agreement"], Some("XAA"));
    assert!(!fired(&f).contains(&ALL_SEVEN[0].to_owned()));
    let mut f = facts("XAA", "XAB");
    f.origin.attributes.retain(|a| a.attribute != Attribute::WhoSsl);
    f.origin.attributes.push(AttributeFact {
        attribute: Attribute::WhoSsl,
        value: false,
        source: source("x"),
    });
    assert!(!fired(&f).contains(&ALL_SEVEN[0].to_owned()));
}

#[test]
fn costly_corridor_fires_and_does_not() {
    let f = finding(&facts("XAA", "XAB"), ALL_SEVEN[1]);
    assert_eq!(f.data[0].what, "remittance_cost_200_pct XAB→XAA");
    assert!(f.data[0].value > 5.0 && f.data[0].year == 2024);
    let mut f = facts("XAA", "XAB");
    add(&mut f, true, "XAA-COST", &["cost-reduction"], None);
    assert!(!fired(&f).contains(&ALL_SEVEN[1].to_owned()));
    let mut f = facts("XAA", "XAB");
    f.data
        .iter_mut()
        .filter(|d| d.indicator == "remittance_cost_200_pct")
        .for_each(|d| d.value = 4.0);
    assert!(!fired(&f).contains(&ALL_SEVEN[1].to_owned()));
}

#[test]
fn a_rule_without_its_data_is_unevaluated_not_passed() {
    let mut f = facts("XAA", "XAB");
    f.data.retain(|d| d.indicator != "remittance_cost_200_pct");
    let report = check(&builtin_corridor_rules().unwrap(), &f);
    let u = report.unevaluated.iter().find(|u| u.rule_id == ALL_SEVEN[1]).unwrap();
    let missing: Vec<&str> = u.missing.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(missing, ["remittance_cost_200_pct for XAB→XAA"]);
    assert_eq!(u.reason, Reason::NoData);
    assert_eq!(report.rules_evaluated, 6);
}

#[test]
fn registers_needed_follow_the_policy_conditions() {
    let rules = builtin_corridor_rules().unwrap();
    let needs = |id: &str| registers_needed(rules.rules.iter().find(|r| r.id == id).unwrap());
    let both = RegisterNeeds { origin: true, destination: true };
    for id in [ALL_SEVEN[0], ALL_SEVEN[1], ALL_SEVEN[2], ALL_SEVEN[3]] {
        assert_eq!(needs(id), both, "{id}");
    }
    assert!(needs(ALL_SEVEN[4]).none(), "data and attributes only");
    assert_eq!(needs(ALL_SEVEN[5]), RegisterNeeds { origin: true, destination: false });
    assert_eq!(needs(ALL_SEVEN[6]), RegisterNeeds { origin: true, destination: false });
}

#[test]
fn a_rule_needing_an_absent_register_is_not_evaluated() {
    let rules = builtin_corridor_rules().unwrap();
    // Pelaria → Brevmark with neither register loaded: the corridor is costly (8.1 %)
    // and its stock large, but "neither side acts" cannot be inferred from absence.
    let mut f = facts("XAA", "XAB");
    f.origin.register = None;
    f.destination.register = None;
    let report = check(&rules, &f);
    let fired: Vec<&str> = report.findings.iter().map(|x| x.rule_id.as_str()).collect();
    assert_eq!(fired, [ALL_SEVEN[4]], "only the rule on data and attributes");
    assert_eq!((report.rules_checked, report.rules_evaluated), (7, 1));
    let u = report.unevaluated.iter().find(|u| u.rule_id == ALL_SEVEN[1]).unwrap();
    assert_eq!(u.reason, Reason::NoRegister);
    let codes: Vec<&str> = u.missing_registers.iter().map(|c| c.iso3.as_str()).collect();
    assert_eq!(codes, ["XAA", "XAB"]);
    assert_eq!(u.why.text, "no register for Pelaria (XAA); no register for Brevmark (XAB)");
    assert!(report.unevaluated.iter().all(|u| u.reason == Reason::NoRegister));
    // Nothing is said of a register that is not loaded.
    assert!(report.coverage.countries.iter().all(|c| !c.register && c.missing_areas.is_empty()));
    assert!(report.coverage.corridor_gaps.is_empty());

    // Only the destination's register missing: the origin-only rule is evaluated.
    let mut f = facts("XAA", "XAB");
    f.destination.register = None;
    let report = check(&rules, &f);
    let fired: Vec<&str> = report.findings.iter().map(|x| x.rule_id.as_str()).collect();
    assert_eq!(fired, [ALL_SEVEN[4], ALL_SEVEN[5], ALL_SEVEN[6]]);
    let u = report.unevaluated.iter().find(|u| u.rule_id == ALL_SEVEN[1]).unwrap();
    assert_eq!(u.why.text, "no register for Brevmark (XAB)");
}

#[test]
fn a_loaded_register_without_the_policy_is_evidence() {
    let rules = builtin_corridor_rules().unwrap();
    // Both registers loaded, neither with a cost-reduction policy: the finding stands.
    let mut f = facts("XAA", "XAB");
    f.origin.register = Some(Vec::new());
    f.destination
        .register
        .as_mut()
        .unwrap()
        .retain(|p| !p.tags.iter().any(|t| t == "cost-reduction"));
    let report = check(&rules, &f);
    assert!(report.findings.iter().any(|x| x.rule_id == ALL_SEVEN[1]));
    assert!(!report.unevaluated.iter().any(|u| u.rule_id == ALL_SEVEN[1]));
    // An empty loaded register shows its gaps; it is no longer unknown.
    let pel = &report.coverage.countries[0];
    assert!(pel.register && pel.missing_stages.len() == 4);
}

#[test]
fn temporary_scheme_fires_and_does_not() {
    let f = finding(&facts("XAA", "XAB"), ALL_SEVEN[2]);
    assert!(f.policies.iter().any(|p| p.id == "XAB-LAB-01"));
    assert!(f.near_misses.iter().any(|p| p.id == "XAA-RET-01" && p.why.text.contains("ended")));
    let mut f = facts("XAA", "XAB");
    add(&mut f, true, "XAA-RET-02", &["reintegration"], None);
    assert!(fired(&f).contains(&ALL_SEVEN[2].to_owned()), "portability still missing");
    add(&mut f, false, "XAB-SSP", &["social-security-portability"], Some("XAA"));
    assert!(!fired(&f).contains(&ALL_SEVEN[2].to_owned()));
}

#[test]
fn skilled_migration_fires_and_does_not() {
    let f = finding(&facts("XAA", "XAB"), ALL_SEVEN[3]);
    let ids: Vec<&str> = f.policies.iter().map(|p| p.id.as_str()).collect();
    assert!(ids.contains(&"XAA-HEA-01") && ids.contains(&"XAB-INT-01"), "{ids:?}");
    assert!(
        f.context
            .iter()
            .any(|d| d.indicator == "health_workers_abroad" && (d.value - 36_500.0).abs() < 0.5)
    );
    let mut f = facts("XAA", "XAB");
    add(&mut f, false, "XAB-REPL", &["skills-replenishment"], Some("XAA"));
    assert!(!fired(&f).contains(&ALL_SEVEN[3].to_owned()));
}

#[test]
fn conventions_fire_and_do_not() {
    let f = finding(&facts("XAA", "XAB"), ALL_SEVEN[4]);
    assert!(f.data[0].value > 1_000_000.0);
    assert_eq!(f.attributes.len(), 6, "three conventions × two countries");
    let mut f = facts("XAA", "XAB");
    for a in &mut f.destination.attributes {
        if a.attribute == Attribute::IloC97Party {
            a.value = true;
        }
    }
    assert!(!fired(&f).contains(&ALL_SEVEN[4].to_owned()));
    // A small corridor: Pelaria → Ventoria.
    assert!(!fired(&facts("XAA", "XAF")).contains(&ALL_SEVEN[4].to_owned()));
}

#[test]
fn remittance_tax_fires_and_does_not() {
    let f = finding(&facts("XAA", "XAB"), ALL_SEVEN[5]);
    let ids: Vec<&str> = f.policies.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["XAA-FIN-01", "XAA-DIA-01"]);
    let mut f = facts("XAA", "XAB");
    f.origin.register.as_mut().unwrap().retain(|p| p.id != "XAA-FIN-01");
    assert!(!fired(&f).contains(&ALL_SEVEN[5].to_owned()));
}

#[test]
fn coverage_and_unintended_effects() {
    let report = check(&builtin_corridor_rules().unwrap(), &facts("XAA", "XAB"));
    assert_eq!(report.unintended.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["XAA-INT-01"]);
    let pel = &report.coverage.countries[0];
    assert!(pel.missing_stages.contains(&"return-reintegration".to_owned()));
    assert!(
        pel.cells
            .iter()
            .any(|c| c.area == "health" && c.policies.contains(&"XAA-HEA-01".to_owned()))
    );
    let stage =
        report.coverage.corridor.iter().find(|c| c.stage == "recruitment-departure").unwrap();
    assert!(stage.destination.contains(&"XAB-HEA-01".to_owned()));
    assert!(report.coverage.corridor_gaps.contains(&"return-reintegration".to_owned()));
}

#[test]
fn the_engine_is_deterministic() {
    let rules = builtin_corridor_rules().unwrap();
    let f = facts("XAA", "XAB");
    assert_eq!(check(&rules, &f), check(&rules, &f));
}

const DEPLOYMENTS_RULE: &str = "large-deployments-without-return-support";

/// The demo corridor with its deployments figure set to `persons`.
fn with_deployments(persons: f64) -> CorridorFacts {
    let mut f = facts("XAA", "XAB");
    f.data.iter_mut().filter(|d| d.indicator == "deployments").for_each(|d| d.value = persons);
    f
}

#[test]
fn large_deployments_without_return_support_fire_on_evidence_only() {
    let rules = builtin_corridor_rules().unwrap();
    // About 38,000 Pelarians left for Brevmark in 2024 and Pelaria's returnee loans
    // ended in 2019: it fires, naming the figure, the test and the stock beside it.
    let f = finding(&facts("XAA", "XAB"), DEPLOYMENTS_RULE);
    assert_eq!(f.data[0].what, "deployments XAA→XAB");
    assert_eq!(f.data[0].year, 2024);
    assert!(f.data[0].value > 30_000.0, "{}", f.data[0].value);
    assert_eq!(f.data[0].test.as_ref().unwrap().text, "above 10,000");
    assert_eq!(f.context[0].indicator, "migrant_stock");
    assert!(f.absences[0].text.contains("return"), "{:?}", f.absences);
    assert!(f.near_misses.iter().any(|p| p.id == "XAA-RET-01"), "{:?}", f.near_misses);

    // Below the threshold, or with active return support at origin: no finding.
    assert!(!fired(&with_deployments(9_000.0)).contains(&DEPLOYMENTS_RULE.to_owned()));
    let mut f = facts("XAA", "XAB");
    add(&mut f, true, "XAA-RET-02", &[], None);
    assert!(!fired(&f).contains(&DEPLOYMENTS_RULE.to_owned()));

    // Without the figure (most countries publish none), the rule says so; it does not
    // pass.
    let mut f = facts("XAA", "XAB");
    f.data.retain(|d| d.indicator != "deployments");
    let report = check(&rules, &f);
    let u = report.unevaluated.iter().find(|u| u.rule_id == DEPLOYMENTS_RULE).unwrap();
    assert_eq!(u.reason, Reason::NoData);
    assert_eq!(u.missing[0].text, "deployments for XAA→XAB");

    // Without Pelaria's register, nothing is inferred; Brevmark's is not needed.
    let mut f = facts("XAA", "XAB");
    f.origin.register = None;
    let report = check(&rules, &f);
    let u = report.unevaluated.iter().find(|u| u.rule_id == DEPLOYMENTS_RULE).unwrap();
    assert_eq!(u.reason, Reason::NoRegister);
    let mut f = facts("XAA", "XAB");
    f.destination.register = None;
    assert!(fired(&f).contains(&DEPLOYMENTS_RULE.to_owned()));
}

#[test]
fn every_report_shows_the_corridor_figures_in_order() {
    let report = check(&builtin_corridor_rules().unwrap(), &facts("XAA", "XAB"));
    let what: Vec<&str> = report.figures.iter().map(|d| d.what.as_str()).collect();
    // `facts` holds no bilateral remittances of the corridor: left out.
    assert_eq!(
        what,
        ["migrant_stock XAA→XAB", "deployments XAA→XAB", "remittance_cost_200_pct XAB→XAA"]
    );
    assert!(report.figures.iter().all(|d| d.test.is_none()));
    let mut f = facts("XAA", "XAB");
    f.data.retain(|d| d.indicator != "deployments");
    let report = check(&builtin_corridor_rules().unwrap(), &f);
    assert!(report.figures.iter().all(|d| d.indicator != "deployments"), "never a zero");
}
