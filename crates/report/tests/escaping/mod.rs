//! Every free-text field of a profile that reaches the brief is escaped: two attack
//! strings are put in all of them, and neither may appear as markup in the page.

use analysis::assess::{DomainResult, FrameworkKind, NonResponse};
use analysis::corridor::{
    AttributeEvidence, CorridorReport, CountryCoverage, CountryRef, Coverage, DataEvidence,
    Finding, PolicyEvidence, Reason, Unevaluated,
};
use analysis::profile::{
    CountryProfile, EstimatedFlow, FrameworkAssessment, Gap, Group, GroupMembers, PolicyChange,
    Source, Value, YearValue,
};
use analysis::scenario_run::{
    BaselineFit, BaselineRow, FittedRow, MetricResult, ObservedRow, OptionResult, Quantiles,
    ScenarioResult,
};
use analysis::select::{Alternative, Choice};

use report::brief;

use crate::fixture;

/// Closes nothing and opens a script.
const SCRIPT: &str = "<script>alert(1)</script>";
/// Leaves an attribute value and opens an element with a handler.
const IMG: &str = "\"><img src=x onerror=alert(1)>";

/// `field`'s text with both attack strings.
fn evil(field: &str) -> String {
    format!("{field} {SCRIPT} {IMG}")
}

/// A source whose every text field is hostile.
fn evil_source(what: &str) -> Source {
    Source {
        dataset_id: 7,
        dataset: evil(&format!("{what} dataset")),
        publisher: evil(&format!("{what} publisher")),
        cell: Some(evil(&format!("{what} cell"))),
        derivation: Some(evil(&format!("{what} derivation"))),
    }
}

/// Makes the source of `value` hostile, and its choice note too.
fn taint(value: &mut Value, what: &str) {
    value.source = evil_source(what);
    value.choice = Some(Choice {
        rule: evil(&format!("{what} rule")),
        alternatives: vec![Alternative {
            dataset: evil(&format!("{what} alternative")),
            value: 1.0,
            reason: evil(&format!("{what} reason")),
        }],
    });
}

fn taint_series(series: &mut [YearValue], what: &str) {
    for v in series {
        taint(&mut v.value, what);
    }
}

fn country(what: &str) -> CountryRef {
    CountryRef { iso3: evil(&format!("{what} iso3")), name: evil(&format!("{what} name")) }
}

fn policy_evidence(what: &str) -> PolicyEvidence {
    PolicyEvidence {
        id: evil(&format!("{what} id")),
        country: evil(&format!("{what} country")),
        title: evil(&format!("{what} title")),
        status: evil(&format!("{what} status")),
        why: fixture::said_naming(&evil(&format!("{what} why"))),
    }
}

fn data_evidence(what: &str) -> DataEvidence {
    DataEvidence {
        indicator: evil(&format!("{what} indicator")),
        what: evil(&format!("{what} what")),
        year: 2020,
        value: 4.5,
        unit: evil(&format!("{what} unit")),
        test: Some(fixture::said_naming(&evil(&format!("{what} test")))),
        source: evil_source(what),
    }
}

/// A corridor check with every list filled.
fn corridor_report() -> CorridorReport {
    let (origin, destination) = (country("origin"), country("destination"));
    let coverage = |c: &CountryRef, register: bool| CountryCoverage {
        country: c.clone(),
        register,
        cells: Vec::new(),
        ministries: Vec::new(),
        missing_areas: vec![evil("missing area")],
        missing_stages: vec![evil("missing stage")],
    };
    CorridorReport {
        origin: origin.clone(),
        destination: destination.clone(),
        fictional_notice: Some(evil("corridor notice")),
        rules_checked: 3,
        rules_evaluated: 2,
        findings: vec![Finding {
            rule_id: evil("rule id"),
            title: evil("finding title"),
            level: evil("finding level"),
            severity: evil("finding severity"),
            rationale: evil("finding rationale"),
            source: evil("finding source"),
            policies: vec![policy_evidence("finding policy")],
            attributes: vec![AttributeEvidence {
                country: evil("attribute country"),
                attribute: evil("attribute"),
                value: true,
                statement: fixture::said_naming(&evil("attribute statement")),
                source: evil_source("attribute"),
            }],
            data: vec![data_evidence("finding data")],
            absences: vec![fixture::said_naming(&evil("absence"))],
            near_misses: vec![policy_evidence("near miss")],
            context: vec![data_evidence("context")],
        }],
        unevaluated: vec![Unevaluated {
            rule_id: evil("unevaluated rule"),
            title: evil("unevaluated title"),
            reason: Reason::NoRegister,
            missing_registers: vec![origin.clone()],
            missing: vec![fixture::said_naming(&evil("unevaluated missing"))],
            why: fixture::said_naming(&evil("unevaluated why")),
        }],
        coverage: Coverage {
            countries: vec![coverage(&origin, true), coverage(&destination, false)],
            corridor: Vec::new(),
            corridor_gaps: vec![evil("corridor gap")],
            findings_by_level: Vec::new(),
        },
        unintended: vec![policy_evidence("unintended")],
        figures: vec![data_evidence("figure")],
    }
}

/// A framework assessment with every text filled; `kind` picks scored or checklist.
fn assessment(kind: FrameworkKind, non_response: NonResponse) -> FrameworkAssessment {
    FrameworkAssessment {
        framework: evil("framework"),
        framework_title: evil("framework title"),
        adaptation: Some(evil("adaptation")),
        kind,
        overall: None,
        domains: vec![DomainResult {
            id: evil("domain id"),
            title: evil("domain title"),
            n_items: 3,
            n_answered: 2,
            score: None,
            // `LevelCount` (a checklist's tally) is not reachable from `analysis`; its
            // label goes into the page as an `html!` argument like every other text.
            tally: Vec::new(),
        }],
        unanswered: vec![evil("unanswered item")],
        non_response,
        answers: analysis::assess::AnswersProvenance {
            country: evil("answers country"),
            framework: evil("answers framework"),
            version: 2,
            file: evil("answers file"),
            sha256: evil("answers sha256"),
            stored_at: evil("stored at"),
            stored_by: evil("stored by"),
            reason: evil("answers reason"),
            n_answers: 2,
        },
    }
}

/// A scenario run with every text filled.
fn scenario() -> ScenarioResult {
    let q = |year: Option<i32>, m: f64| Quantiles {
        year,
        mean: m,
        p05: m * 0.8,
        p25: m * 0.9,
        p50: m,
        p75: m * 1.1,
        p95: m * 1.2,
    };
    let metric = |name: &str, points: Vec<Quantiles>| MetricResult {
        name: evil(&format!("{name} metric name")),
        title: evil(&format!("{name} metric title")),
        unit: evil(&format!("{name} metric unit")),
        side: evil(&format!("{name} metric side")),
        options: vec![OptionResult { option: evil(&format!("{name} option")), points }],
    };
    ScenarioResult {
        name: evil("scenario name"),
        description: evil("scenario description"),
        baseline_label: evil("baseline label"),
        baseline: vec![BaselineRow {
            key: evil("baseline key"),
            value: 12.0,
            unit: evil("baseline unit"),
            source: evil("baseline source"),
        }],
        draws: 100,
        seed: 7,
        fingerprint: evil("fingerprint"),
        fit: Some(BaselineFit {
            option: evil("fit option"),
            tolerance: 0.1,
            observed: vec![ObservedRow {
                output: evil("fit output"),
                year: Some(20),
                unit: evil("fit unit"),
                observed: 100.0,
                source: evil("fit source"),
                modelled: [90.0, 101.0, 110.0],
            }],
            fitted: vec![FittedRow {
                name: evil("fit parameter"),
                unit: evil("fit parameter unit"),
                prior: [0.0, 1.0],
                posterior: [0.2, 0.3, 0.4],
            }],
        }),
        metrics: vec![
            metric("yearly", vec![q(Some(1), 10.0), q(Some(2), 20.0)]),
            metric("total", vec![q(None, 30.0)]),
        ],
    }
}

/// The full fixture with a hostile text in every field that reaches the brief.
fn hostile_profile() -> CountryProfile {
    let mut p = fixture::xandria();
    p.area.name = evil("area name");
    p.fictional_notice = Some(evil("fictional notice"));
    p.pinned_editions = vec![evil("pinned edition")];
    for s in p.stock_in.iter_mut().chain(p.stock_out.iter_mut()) {
        taint(&mut s.total, "stock");
        for v in [&mut s.female, &mut s.male, &mut s.share_of_population].into_iter().flatten() {
            taint(v, "stock part");
        }
    }
    for c in p.top_destinations.iter_mut().chain(p.top_origins.iter_mut()) {
        c.partner = evil("partner code");
        c.partner_name = evil("partner name");
        taint(&mut c.stock, "corridor stock");
        taint(&mut c.share, "corridor share");
    }
    for t in p.destination_trends.iter_mut().chain(p.origin_trends.iter_mut()) {
        t.partner = evil("trend partner code");
        t.partner_name = evil("trend partner name");
        taint_series(&mut t.stocks, "trend");
    }
    if let Some(d) = &mut p.diaspora {
        d.source = evil_source("diaspora");
        for x in &mut d.destinations {
            x.name = evil("diaspora destination");
            x.iso3 = evil("diaspora iso3");
        }
    }
    for series in [
        &mut p.emigration_rate,
        &mut p.net_migration,
        &mut p.population,
        &mut p.gdp,
        &mut p.remittances_received,
        &mut p.remittances_paid,
        &mut p.remittances_pct_gdp,
        &mut p.sdg_17_3_2,
        &mut p.exports,
        &mut p.remittances_pct_exports,
        &mut p.remittances_per_capita,
    ] {
        taint_series(series, "series");
    }
    p.estimated_flows = vec![EstimatedFlow {
        method: evil("flow method"),
        period_start: 2015,
        period_end: 2020,
        inflow: p.stock_in[0].total.clone(),
        outflow: p.stock_in[0].total.clone(),
        net: p.stock_in[0].total.clone(),
        n_origins: 2,
        n_destinations: 2,
    }];
    for g in &mut p.remittances_pct_gdp_groups {
        g.name = evil("group share name");
        g.missing = vec![evil("group share missing")];
        taint(&mut g.value, "group share");
    }
    for c in p.costs_to.iter_mut().chain(p.costs_from.iter_mut()) {
        c.sender_name = evil("sender name");
        c.receiver_name = evil("receiver name");
        taint(&mut c.cost_pct, "cost");
    }
    for s in [&mut p.who_safeguards_list, &mut p.icmw].into_iter().flatten() {
        s.detail = evil("status detail");
        s.source = evil_source("status");
    }
    for r in [
        &mut p.skilled_emigration_rate,
        &mut p.health_worker_emigration_rate,
        &mut p.physicians_per_1000,
    ]
    .into_iter()
    .flatten()
    {
        taint(&mut r.value, "skills");
    }
    for c in [&mut p.destination_concentration, &mut p.sender_concentration].into_iter().flatten() {
        taint(&mut c.index, "concentration");
    }
    for policy in &mut p.policies {
        policy.id = evil("policy id");
        policy.title = evil("policy title");
        policy.ministry = evil("policy ministry");
        policy.area = evil("policy area");
        policy.stages = vec![evil("policy stage")];
        policy.partners = vec![evil("policy partner")];
        policy.status = evil("policy status");
        policy.last_change = Some(PolicyChange {
            at: evil("change date"),
            user: evil("change user"),
            reason: evil("change reason"),
            action: analysis::register::AuditAction::Edit,
            fields: vec![analysis::register::FieldChangeInfo {
                field: evil("changed field"),
                old: evil("old value"),
                new: evil("new value"),
            }],
        });
    }
    p.gaps.push(Gap { said: fixture::said_naming(&evil("gap text")), fill: None });
    p.assessments = vec![
        assessment(FrameworkKind::Scored, NonResponse::DomainNotComputed),
        assessment(FrameworkKind::Checklist, NonResponse::CountAsZero),
    ];
    p.corridor_checks = vec![corridor_report()];
    p
}

#[track_caller]
fn assert_escaped(html: &str, what: &str) {
    assert!(!html.contains(SCRIPT), "{what}: a script element is in the brief");
    assert!(!html.contains(IMG), "{what}: an attribute was closed and an element opened");
    assert!(!html.contains("<img"), "{what}: an img element is in the brief");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{what}: text was dropped");
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "{what}: text dropped");
}

#[test]
fn every_free_text_field_is_escaped() {
    let profile = hostile_profile();
    let html = brief::render_with(&profile, &[scenario()], &fixture::options());
    assert_escaped(&html, "country brief");
    // Each hostile field reached the page (escaped): the test covers what it claims.
    for field in [
        "area name",
        "partner name",
        "trend partner name",
        "diaspora destination",
        "flow method",
        "sender name",
        "status detail",
        "policy title",
        "policy ministry",
        "change reason",
        "changed field",
        "gap text",
        "framework title",
        "adaptation",
        "domain title",
        "unanswered item",
        "answers reason",
        "finding title",
        "finding rationale",
        "attribute statement",
        "finding data what",
        "absence",
        "near miss why",
        "unevaluated why",
        "missing area",
        "corridor gap",
        "unintended title",
        "scenario name",
        "scenario description",
        "baseline label",
        "baseline source",
        "yearly metric title",
        "total option",
        "stock dataset",
        "stock publisher",
        "stock cell",
        "stock derivation",
        "stock rule",
        "stock alternative",
        "fictional notice",
        "pinned edition",
    ] {
        assert!(
            html.contains(&format!("{field} &lt;script&gt;")),
            "{field} does not reach the brief"
        );
    }

    let mut group = hostile_profile();
    group.group = Some(GroupMembers {
        group: Group {
            code: evil("group code"),
            kind: evil("group kind"),
            name: evil("group name"),
        },
        members: vec![evil("member")],
        source: evil("membership source"),
    });
    let html = brief::render(&group, &fixture::options());
    assert_escaped(&html, "group brief");
    for field in ["group kind", "group name", "member", "membership source"] {
        assert!(html.contains(&format!("{field} &lt;script&gt;")), "{field} is not in the brief");
    }

    // The parts a page places in its own layout are escaped the same way.
    let parts = brief::parts(&profile, &[scenario()], &fixture::options());
    for part in [&parts.banner, &parts.header, &parts.main] {
        assert_escaped(part.as_str(), "brief parts");
    }
}
