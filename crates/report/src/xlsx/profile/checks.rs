//! The corridor checks of a profile as three sheets, as the brief's "Corridor
//! coherence" section shows them (`crate::corridor`):
//!
//! * *Corridor checks*: one row per corridor checked, with how many rules were
//!   checked, evaluated and fired, its coverage gaps and the policies that help
//!   development without intending to;
//! * *Corridor findings*: one row per rule that fired (its level, severity, the
//!   policies, country attributes and absences it rests on, its rationale and the rule's
//!   citation) and per rule that could not be evaluated (and why);
//! * *Corridor check data*: one row per corridor figure (stock, deployments,
//!   remittances, cost) and per data value a finding tested or shows for context, the
//!   value in the column of its unit, with its source.

use analysis::corridor::{CorridorReport, DataEvidence, Finding, PolicyEvidence};
use analysis::profile::CountryProfile;
use domain::Unit;

use super::{Col, Item, Notes, Table, Words, col, count, text, year};
use crate::xlsx::{Sheet, XlsxError};

/// "Origin name (ORG) → Destination name (DST)", names in the workbook's language.
fn corridor_label(w: &Words, r: &CorridorReport) -> String {
    format!(
        "{} ({}) → {} ({})",
        w.country(&r.origin.iso3, &r.origin.name),
        r.origin.iso3,
        w.country(&r.destination.iso3, &r.destination.name),
        r.destination.iso3
    )
}

/// The *Corridor checks* sheet.
pub(super) fn corridors(
    p: &CountryProfile,
    w: &Words,
    notes: &mut Notes,
) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-corridor-checks",
        &[
            col(w, "xlsx-col-origin-code", "origin/iso3", None),
            col(w, "xlsx-col-origin", w.name_key("origin/name"), None),
            col(w, "xlsx-col-destination-code", "destination/iso3", None),
            col(w, "xlsx-col-destination", w.name_key("destination/name"), None),
            col(w, "xlsx-col-rules-checked", "rules_checked", None),
            col(w, "xlsx-col-rules-evaluated", "rules_evaluated", None),
            col(w, "xlsx-col-rules-fired", "", None),
            col(w, "xlsx-col-rules-not-evaluated", "", None),
            col(w, "xlsx-col-coverage-gaps", "", None),
            col(w, "xlsx-col-unintended", "", None),
        ],
    );
    for (i, r) in p.corridor_checks.iter().enumerate() {
        let unintended: Vec<String> =
            r.unintended.iter().map(|x| format!("{} {}", x.id, x.title)).collect();
        let items = vec![
            text(&r.origin.iso3),
            Item::Text(w.country(&r.origin.iso3, &r.origin.name)),
            text(&r.destination.iso3),
            Item::Text(w.country(&r.destination.iso3, &r.destination.name)),
            count(r.rules_checked),
            count(r.rules_evaluated),
            count(r.findings.len()),
            count(r.unevaluated.len()),
            Item::Text(gaps(w, r).join("; ")),
            Item::Text(unintended.join("; ")),
        ];
        t.push(notes, format!("/corridor_checks/{i}"), items, &[])?;
    }
    Ok(t.sheet)
}

/// The coverage gaps of a corridor (migration-cycle stage × policy area), in words.
fn gaps(w: &Words, r: &CorridorReport) -> Vec<String> {
    let mut out = Vec::new();
    for c in &r.coverage.countries {
        let country = w.country(&c.country.iso3, &c.country.name);
        if !c.register {
            out.push(w.f("xlsx-gap-no-register", &[("country", country.into())]));
            continue;
        }
        if !c.missing_areas.is_empty() {
            out.push(w.f(
                "xlsx-gap-areas",
                &[
                    ("country", country.as_str().into()),
                    ("areas", c.missing_areas.join(", ").into()),
                ],
            ));
        }
        if !c.missing_stages.is_empty() {
            out.push(w.f(
                "xlsx-gap-stages",
                &[("country", country.into()), ("stages", c.missing_stages.join(", ").into())],
            ));
        }
    }
    if !r.coverage.corridor_gaps.is_empty() {
        let stages = r.coverage.corridor_gaps.join(", ");
        out.push(w.f("xlsx-gap-corridor", &[("stages", stages.into())]));
    }
    out
}

/// Policies as "ID title (status)", one after another.
fn policy_list(list: &[PolicyEvidence], why: bool, w: &Words) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|p| {
            if why {
                format!("{} {}: {}", p.id, p.title, w.said(&p.why))
            } else {
                format!("{} {} ({})", p.id, p.title, p.status)
            }
        })
        .collect();
    items.join("; ")
}

/// The *Corridor findings* sheet.
pub(super) fn findings(
    p: &CountryProfile,
    w: &Words,
    notes: &mut Notes,
) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-corridor-findings",
        &[
            col(w, "xlsx-col-corridor", "", None),
            col(w, "xlsx-col-rule", "rule_id", None),
            col(w, "xlsx-col-result", "", None),
            col(w, "xlsx-col-title", "title", None),
            col(w, "xlsx-col-level", "level", None),
            col(w, "xlsx-col-severity", "severity", None),
            col(w, "xlsx-col-policies", "", None),
            col(w, "xlsx-col-attributes", "", None),
            col(w, "xlsx-col-missing", "", None),
            col(w, "xlsx-col-near-misses", "", None),
            col(w, "xlsx-col-rationale", "rationale", None),
            col(w, "xlsx-col-rule-source", "source", None),
            col(w, "xlsx-col-why-not-evaluated", w.said_key("why/text"), None),
        ],
    );
    for (i, r) in p.corridor_checks.iter().enumerate() {
        let corridor = corridor_label(w, r);
        for (j, f) in r.findings.iter().enumerate() {
            finding_row(
                &mut t,
                notes,
                w,
                &corridor,
                f,
                format!("/corridor_checks/{i}/findings/{j}"),
            )?;
        }
        for (j, u) in r.unevaluated.iter().enumerate() {
            let mut items = vec![
                text(&corridor),
                text(&u.rule_id),
                Item::Text(w.t("xlsx-result-not-evaluated")),
                text(&u.title),
            ];
            items.extend((0..8).map(|_| Item::Val(None)));
            items.push(Item::Text(w.said(&u.why)));
            t.push(notes, format!("/corridor_checks/{i}/unevaluated/{j}"), items, &[])?;
        }
    }
    Ok(t.sheet)
}

/// A row of the findings sheet for a rule that fired; its sources are those of the
/// attributes and data it rests on.
fn finding_row(
    t: &mut Table,
    notes: &mut Notes,
    w: &Words,
    corridor: &str,
    f: &Finding,
    path: String,
) -> Result<(), XlsxError> {
    let attributes: Vec<String> = f.attributes.iter().map(|a| w.said(&a.statement)).collect();
    let absences: Vec<String> = f.absences.iter().map(|a| w.said(a)).collect();
    let items = vec![
        text(corridor),
        text(&f.rule_id),
        Item::Text(w.t("xlsx-result-fired")),
        text(&f.title),
        text(&f.level),
        text(&f.severity),
        Item::Text(policy_list(&f.policies, false, w)),
        Item::Text(attributes.join("; ")),
        Item::Text(absences.join("; ")),
        Item::Text(policy_list(&f.near_misses, true, w)),
        text(&f.rationale),
        text(&f.source),
        Item::Val(None),
    ];
    let sources: Vec<_> = f
        .attributes
        .iter()
        .map(|a| &a.source)
        .chain(f.data.iter().chain(&f.context).map(|d| &d.source))
        .collect();
    t.push(notes, path, items, &sources)
}

/// The columns of the data sheet's values: one per unit the data has, in
/// [`Unit::ALL`]'s order.
fn value_columns(w: &Words, units: &[Unit]) -> Vec<Col> {
    Unit::ALL
        .into_iter()
        .filter(|u| units.contains(u))
        .map(|u| {
            let key = match u {
                Unit::Persons => "xlsx-col-value-persons",
                Unit::UsdCurrent => "xlsx-col-value-usd",
                Unit::UsdPpp => "xlsx-col-value-usd-ppp",
                Unit::Percent => "xlsx-col-value-percent",
                Unit::PerThousand => "xlsx-col-value-per-1000",
                Unit::Number => "xlsx-col-value-number",
            };
            col(w, key, "value", Some(u))
        })
        .collect()
}

/// Every data value of the corridors: each corridor's figures, then the values its
/// findings tested or show for context; with its JSON path, the rule (none for a
/// figure) and the message key of its role.
fn data_values(
    p: &CountryProfile,
) -> Vec<(String, &CorridorReport, &str, &DataEvidence, &'static str)> {
    let mut out = Vec::new();
    for (i, r) in p.corridor_checks.iter().enumerate() {
        for (k, d) in r.figures.iter().enumerate() {
            out.push((format!("/corridor_checks/{i}/figures/{k}"), r, "", d, "xlsx-role-figure"));
        }
        for (j, f) in r.findings.iter().enumerate() {
            let parts = [
                ("data", &f.data, "xlsx-role-tested"),
                ("context", &f.context, "xlsx-role-context"),
            ];
            for (part, list, role) in parts {
                for (k, d) in list.iter().enumerate() {
                    let path = format!("/corridor_checks/{i}/findings/{j}/{part}/{k}");
                    out.push((path, r, f.rule_id.as_str(), d, role));
                }
            }
        }
    }
    out
}

/// The *Corridor check data* sheet.
pub(super) fn data(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let values = data_values(p);
    let mut units = Vec::new();
    for (path, _, _, d, _) in &values {
        let unit = Unit::parse(&d.unit).ok_or_else(|| XlsxError::Unit {
            sheet: w.t("xlsx-sheet-corridor-data"),
            column: path.clone(),
            found: d.unit.clone(),
        })?;
        units.push(unit);
    }
    let mut cols = vec![
        col(w, "xlsx-col-corridor", "", None),
        col(w, "xlsx-col-rule", "", None),
        col(w, "xlsx-col-role", "", None),
        col(w, "xlsx-col-what", "what", None),
        col(w, "xlsx-col-indicator-code", "indicator", None),
        col(w, "xlsx-col-year", "year", None),
        col(w, "xlsx-col-test", w.said_key("test/text"), None),
    ];
    let fixed = cols.len();
    let value_cols = value_columns(w, &units);
    let order: Vec<Option<Unit>> = value_cols.iter().map(|c| c.unit).collect();
    cols.extend(value_cols);
    let mut t = Table::new(w, "xlsx-sheet-corridor-data", &cols);
    for ((path, r, rule, d, role), unit) in values.into_iter().zip(units) {
        let mut items = vec![
            Item::Text(corridor_label(w, r)),
            text(rule),
            Item::Text(w.t(role)),
            text(&d.what),
            text(&d.indicator),
            year(d.year),
            Item::Text(d.test.as_ref().map(|t| w.said(t)).unwrap_or_default()),
        ];
        let at = order.iter().position(|u| *u == Some(unit)).unwrap_or(0);
        items.extend(
            (0..order.len()).map(|c| if c == at { Item::Num(d.value) } else { Item::Val(None) }),
        );
        debug_assert_eq!(items.len(), fixed + order.len());
        t.push(notes, path, items, &[&d.source])?;
    }
    Ok(t.sheet)
}

#[cfg(test)]
mod tests {
    use analysis::corridor::{
        AttributeEvidence, CountryCoverage, CountryRef, Coverage, Reason, Unevaluated,
    };
    use analysis::profile::Source;
    use analysis::said::{Said, Term};
    use i18n::Lang;

    use super::*;
    use crate::xlsx::Cell;

    fn source(n: i64) -> Source {
        Source {
            dataset_id: n,
            dataset: format!("Dataset {n}"),
            publisher: "Publisher".to_owned(),
            cell: Some(format!("file{n}.csv, row 2")),
            derivation: None,
        }
    }

    fn datum(what: &str, value: f64, unit: &str, n: i64) -> DataEvidence {
        DataEvidence {
            indicator: "remittance_cost_200_pct".to_owned(),
            what: what.to_owned(),
            year: 2020,
            value,
            unit: unit.to_owned(),
            test: Some(Said::new("check-test-above", vec![("value", Term::trimmed(5.0))])),
            source: source(n),
        }
    }

    /// Nepal → Qatar: one rule fired on a cost (%), with a stock (persons) for context
    /// and an attribute; one rule not evaluated.
    fn profile() -> CountryProfile {
        let (npl, qat) = (
            CountryRef { iso3: "NPL".into(), name: "Nepal".into() },
            CountryRef { iso3: "QAT".into(), name: "Qatar".into() },
        );
        let finding = Finding {
            rule_id: "costly-corridor".into(),
            title: "Sending money costs more than 5 %".into(),
            level: "between-countries".into(),
            severity: "high".into(),
            rationale: "=HYPERLINK(\"http://example.invalid\",\"x\")".into(),
            source: "SDG 10.c".into(),
            policies: Vec::new(),
            attributes: vec![AttributeEvidence {
                country: "NPL".into(),
                attribute: "who_ssl".into(),
                value: true,
                statement: Said::new("check-attribute-who-ssl", {
                    let mut args = npl.named();
                    args.push(("value", Term::text("yes")));
                    args
                }),
                source: source(3),
            }],
            data: vec![datum("cost QAT→NPL", 6.25, "percent", 1)],
            absences: vec![Said::new(
                "check-no-policy",
                vec![("pattern", Term::text("of Nepal (NPL), tagged cost-reduction"))],
            )],
            near_misses: Vec::new(),
            context: vec![datum("stock NPL→QAT", 400_000.0, "persons", 2)],
        };
        let report = CorridorReport {
            origin: npl.clone(),
            destination: qat.clone(),
            fictional_notice: None,
            rules_checked: 2,
            rules_evaluated: 1,
            findings: vec![finding],
            unevaluated: vec![Unevaluated {
                rule_id: "no-bla".into(),
                title: "A bilateral agreement".into(),
                reason: Reason::NoRegister,
                missing_registers: vec![qat.clone()],
                missing: Vec::new(),
                why: Said::new("check-no-register-for", qat.named()),
            }],
            coverage: Coverage {
                countries: vec![CountryCoverage {
                    country: qat,
                    register: false,
                    cells: Vec::new(),
                    ministries: Vec::new(),
                    missing_areas: Vec::new(),
                    missing_stages: Vec::new(),
                }],
                corridor: Vec::new(),
                corridor_gaps: Vec::new(),
                findings_by_level: Vec::new(),
            },
            unintended: Vec::new(),
            figures: Vec::new(),
        };
        CountryProfile { corridor_checks: vec![report], ..CountryProfile::default() }
    }

    #[test]
    fn corridor_checks_have_their_sheets_values_in_unit_columns_and_sources() {
        let p = profile();
        let w = Words::new(Lang::En);
        let mut notes = Notes::default();
        let checks = corridors(&p, &w, &mut notes).unwrap();
        assert_eq!(checks.name, "Corridor checks");
        let row = &checks.rows[0];
        assert_eq!(row[..4], ["NPL", "Nepal", "QAT", "Qatar"].map(Cell::from));
        assert_eq!(row[4..8], [2.0, 1.0, 1.0, 1.0].map(Cell::Number));
        assert_eq!(row[8], Cell::from("Qatar: no register loaded, so its coverage is not known"));
        let found = findings(&p, &w, &mut notes).unwrap();
        assert_eq!(found.rows.len(), 2, "one rule fired, one not evaluated");
        let at = |s: &Sheet, h: &str| s.columns.iter().position(|c| c == h).unwrap();
        assert_eq!(found.rows[0][at(&found, "Result")], Cell::from("fired"));
        assert_eq!(found.rows[1][at(&found, "Result")], Cell::from("not evaluated"));
        // The finding's sources: the attribute's, then the data's and the context's.
        assert_eq!(found.rows[0][at(&found, "Sources")], Cell::from("[1], [2], [3]"));
        let data = data(&p, &w, &mut notes).unwrap();
        let (pct, persons) = (at(&data, "Value (%)"), at(&data, "Value (persons)"));
        assert!(persons < pct, "columns in the order of Unit::ALL: {:?}", data.columns);
        assert_eq!(
            (data.rows[0][pct].clone(), data.rows[0][persons].clone()),
            (Cell::Number(6.25), Cell::Empty)
        );
        assert_eq!(data.rows[1][persons], Cell::Number(400_000.0));
        assert_eq!(
            data.rows[1][at(&data, "JSON path")],
            Cell::from("/corridor_checks/0/findings/0/context/0")
        );
        assert_eq!(data.keys[pct], "value");
        assert_eq!(notes.list.len(), 3, "each source once");
        // In Arabic, the countries have the UN's Arabic names.
        let arabic = corridors(&p, &Words::new(Lang::Ar), &mut Notes::default()).unwrap();
        assert_eq!(arabic.rows[0][1], Cell::from("نيبال"));
        assert_eq!(arabic.keys[1], "", "translated names have no JSON field");
    }

    #[test]
    fn a_value_in_an_unknown_unit_is_refused() {
        let mut p = profile();
        p.corridor_checks[0].findings[0].data[0].unit = "furlongs".into();
        let err = data(&p, &Words::new(Lang::En), &mut Notes::default()).unwrap_err();
        assert!(err.to_string().contains("furlongs"), "{err}");
    }
}
