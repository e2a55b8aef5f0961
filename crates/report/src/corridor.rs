//! The brief's "Corridor coherence" section: the corridor checks of the country with
//! its largest partners ([`analysis::corridor::CorridorReport`]), each finding with the
//! policies, country attributes and data it rests on, coverage gaps at the three
//! levels of coherence, and policies that help development without intending to.

use analysis::corridor::{CorridorReport, CountryRef, Finding, Reason};
use analysis::profile::CountryProfile;
use analysis::said::Said;
use i18n::Arg;

use crate::html;
use crate::html::Html;
use crate::words::{self, Piece};

/// The section's anchor.
pub(crate) const ANCHOR: &str = "corridor-coherence";

/// The "Corridor coherence" section.
pub(crate) fn section(profile: &CountryProfile) -> Html {
    let mut out = html!(
        "<section id=\"{}\" aria-labelledby=\"{}-h\">\n<h2 id=\"{}-h\">{}</h2>\n",
        ANCHOR,
        ANCHOR,
        ANCHOR,
        words::h("brief-h-corridor-coherence")
    );
    if profile.corridor_checks.is_empty() {
        out.push(html!(
            "<p class=\"no-data\">{}</p>\n</section>\n",
            words::h("brief-corridor-none")
        ));
        return out;
    }
    let rules = html!("<code>rules/corridor-rules.toml</code>");
    out.push(html!(
        "<p>{}</p>\n",
        words::html("brief-corridor-intro", &[("file", Piece::Html(rules))])
    ));
    unchecked(&mut out, &profile.corridor_checks);
    for r in &profile.corridor_checks {
        corridor(&mut out, r);
    }
    out.push(html!("</section>\n"));
    out
}

/// A country's name in the brief's language.
fn name(c: &CountryRef) -> String {
    words::country(&c.iso3, &c.name)
}

/// "no register for Nepal (NPL)".
fn no_register_for(c: &CountryRef) -> String {
    words::said(&Said::new("check-no-register-for", c.named()))
}

/// The arguments naming a corridor's two countries: `origin`, `origin-code`,
/// `destination`, `destination-code`.
fn ends(r: &CorridorReport) -> [(&'static str, Arg<'_>); 4] {
    [
        ("origin", Arg::from(name(&r.origin))),
        ("origin-code", Arg::from(r.origin.iso3.as_str())),
        ("destination", Arg::from(name(&r.destination))),
        ("destination-code", Arg::from(r.destination.iso3.as_str())),
    ]
}

/// The corridors where some rule could not be evaluated for want of a register: which,
/// and whose register is missing.
fn unchecked(out: &mut Html, reports: &[CorridorReport]) {
    let mut items = Vec::new();
    for r in reports {
        let n = r.unevaluated.iter().filter(|u| u.reason == Reason::NoRegister).count();
        if n == 0 {
            continue;
        }
        let mut whose: Vec<String> = Vec::new();
        for c in r.unevaluated.iter().flat_map(|u| &u.missing_registers) {
            let s = no_register_for(c);
            if !whose.contains(&s) {
                whose.push(s);
            }
        }
        let mut args = ends(r).to_vec();
        args.extend([
            ("count", Arg::from(n)),
            ("total", Arg::from(r.rules_checked)),
            ("whose", Arg::from(crate::svg::join_list(&whose))),
        ]);
        items.push(html!("<li>{}</li>", &words::tf("brief-corridor-unchecked-item", &args)));
    }
    if !items.is_empty() {
        out.push(html!(
            "<p>{}</p>\n<ul>{}</ul>\n",
            words::h("brief-corridor-unchecked-intro"),
            items.into_iter().collect::<Html>()
        ));
    }
}

/// A list under its introducing paragraph.
fn list(out: &mut Html, intro_key: &str, items: Vec<Html>) {
    if items.is_empty() {
        return;
    }
    out.push(html!("<p>{}</p>\n<ul>", words::h(intro_key)));
    for item in items {
        out.push(html!("<li>{}</li>", item));
    }
    out.push(html!("</ul>\n"));
}

fn corridor(out: &mut Html, r: &CorridorReport) {
    let mut args = ends(r).to_vec();
    args.extend([("fired", Arg::from(r.findings.len())), ("total", Arg::from(r.rules_checked))]);
    let heading = if r.unevaluated.is_empty() {
        words::tf("brief-corridor-heading", &args)
    } else {
        args.push(("unevaluated", Arg::from(r.unevaluated.len())));
        words::tf("brief-corridor-heading-unevaluated", &args)
    };
    out.push(html!("<h3>{}</h3>\n", &heading));
    list(out, "brief-corridor-figures-intro", figures(r));
    if r.findings.is_empty() {
        let text =
            words::tf("brief-corridor-no-finding", &[("count", Arg::from(r.rules_evaluated))]);
        out.push(html!("<p>{}</p>\n", &text));
    } else {
        out.push(html!("<ol class=\"findings\">\n"));
        for f in &r.findings {
            finding(out, f);
        }
        out.push(html!("</ol>\n"));
    }
    let unevaluated = r
        .unevaluated
        .iter()
        .map(|u| html!("{} — {}", rules_text(&u.title), &words::said(&u.why)))
        .collect();
    list(out, "brief-corridor-not-evaluated", unevaluated);
    list(out, "brief-corridor-gaps-intro", gaps(r));
    let unintended = r.unintended.iter().map(|p| html!("{} {}", &p.id, &p.title)).collect();
    list(out, "brief-corridor-unintended-intro", unintended);
}

/// The corridor's figures (stock, deployments, remittances, cost), each with its source.
fn figures(r: &CorridorReport) -> Vec<Html> {
    r.figures
        .iter()
        .map(|d| {
            let name = analysis::said::indicator_name(words::lang(), &d.indicator);
            // "XAA→XAB", the codes of the evidence's `what` after the indicator.
            let place = d.what.strip_prefix(d.indicator.as_str()).unwrap_or("").trim();
            let text = words::tf(
                "brief-corridor-figure",
                &[
                    ("name", Arg::from(upper_first(&name))),
                    ("place", Arg::from(place)),
                    ("value", Arg::from(words::number(d.value, decimals(&d.unit)))),
                    ("unit", Arg::from(unit(&d.unit))),
                    ("year", Arg::plain(d.year)),
                ],
            );
            let cited = d.source.cell.as_deref().or(d.source.derivation.as_deref()).unwrap_or("");
            html!(
                "{} <span class=\"meta\" dir=\"ltr\">[{}; {}]</span>",
                &text,
                &d.source.dataset,
                cited
            )
        })
        .collect()
}

/// What a data value is, in the brief's language: "Deployments (NPL→QAT)" for the
/// engine's "deployments NPL→QAT"; any other description as it is.
fn what(d: &analysis::corridor::DataEvidence) -> String {
    match d.what.strip_prefix(d.indicator.as_str()).map(str::trim) {
        Some(place) if !place.is_empty() => {
            let name = analysis::said::indicator_name(words::lang(), &d.indicator);
            format!("{} ({place})", upper_first(&name))
        }
        _ => d.what.clone(),
    }
}

/// Decimals a figure is written with: none for people and money, two otherwise.
fn decimals(unit: &str) -> usize {
    if matches!(unit, "persons" | "usd_current") { 0 } else { 2 }
}

/// `text` with its first letter capitalised.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The coverage gaps of a corridor: each country's, then the corridor's own.
fn gaps(r: &CorridorReport) -> Vec<Html> {
    let mut gaps = Vec::new();
    for c in &r.coverage.countries {
        let country = Arg::from(name(&c.country));
        if !c.register {
            gaps.push(words::tf("brief-corridor-gap-no-register", &[("name", country)]));
        } else if c.missing_areas.is_empty() && !c.missing_stages.is_empty() {
            let stages = Arg::from(stages(&c.missing_stages));
            gaps.push(words::tf(
                "brief-corridor-gap-stages",
                &[("name", country), ("stages", stages)],
            ));
        } else if !c.missing_areas.is_empty() {
            let areas = c.missing_areas.join(&words::t("brief-map-name-separator"));
            let mut args = vec![("name", country), ("areas", Arg::from(areas))];
            gaps.push(if c.missing_stages.is_empty() {
                words::tf("brief-corridor-gap-areas", &args)
            } else {
                args.push(("stages", Arg::from(stages(&c.missing_stages))));
                words::tf("brief-corridor-gap-areas-stages", &args)
            });
        }
    }
    if !r.coverage.corridor_gaps.is_empty() {
        let stages = stages(&r.coverage.corridor_gaps);
        gaps.push(words::tf("brief-corridor-gap-between", &[("stages", Arg::from(stages))]));
    }
    gaps.iter().map(|g| html!("{}", g)).collect()
}

/// Stages of the migration cycle (their codes, `before-departure`), named in the
/// brief's language and joined into one text.
fn stages(codes: &[String]) -> String {
    let names: Vec<String> = codes
        .iter()
        .map(|code| match domain::policy::Stage::parse(code) {
            Some(stage) => words::t(analysis::said::stage_in_text_key(stage)),
            None => code.clone(),
        })
        .collect();
    names.join(&words::t("brief-map-name-separator"))
}

/// A unit's identifier (`persons`) in the brief's language; an identifier that names
/// no unit as it is stored.
fn unit(id: &str) -> String {
    domain::Unit::parse(id).map_or_else(|| id.to_owned(), crate::brief::unit_label)
}

/// A finding's severity (`high`, `medium`, `low`) in the brief's language.
fn severity(code: &str) -> String {
    analysis::said::severity_key(code).map_or_else(|| code.to_owned(), words::t)
}

/// A level of coherence (`institutional`, `working`, `between-countries`) in the
/// brief's language.
fn level(code: &str) -> String {
    analysis::said::level_key(code).map_or_else(|| code.replace('-', " "), words::t)
}

/// A text of the rules file (a rule's title or rationale, written in English): marked as
/// English in a brief of another language, so that a screen reader reads it as English.
fn rules_text(text: &str) -> Html {
    if words::lang() == i18n::Lang::En {
        html!("{}", text)
    } else {
        html!("<span lang=\"en\" dir=\"ltr\">{}</span>", text)
    }
}

fn finding(out: &mut Html, f: &Finding) {
    let meta = words::tf(
        "brief-corridor-finding-meta",
        &[("severity", Arg::from(severity(&f.severity))), ("level", Arg::from(level(&f.level)))],
    );
    out.push(html!(
        "<li><p><strong>{}</strong> <span class=\"meta\">{}</span></p>\n<ul>",
        rules_text(&f.title),
        &meta
    ));
    for p in &f.policies {
        let title = html!("<em>{}</em>", &p.title);
        out.push(html!(
            "<li>{}</li>",
            words::html(
                "brief-corridor-policy",
                &[
                    ("id", Piece::from(p.id.as_str())),
                    ("title", Piece::Html(title)),
                    ("status", Piece::from(words::status_name(&p.status).as_str())),
                ],
            )
        ));
    }
    for a in &f.attributes {
        out.push(html!(
            "<li>{} <span class=\"meta\" dir=\"ltr\">[{}]</span></li>",
            &words::said(&a.statement),
            a.source.cell.as_deref().unwrap_or(&a.source.dataset)
        ));
    }
    for d in &f.data {
        let text = words::tf(
            "brief-corridor-data",
            &[
                ("what", Arg::from(what(d))),
                ("value", Arg::from(crate::markup::format_trimmed(d.value, 2))),
                ("unit", Arg::from(unit(&d.unit))),
                ("year", Arg::plain(d.year)),
                ("test", Arg::from(d.test.as_ref().map(words::said).unwrap_or_default())),
            ],
        );
        out.push(html!(
            "<li>{} <span class=\"meta\" dir=\"ltr\">[{}]</span></li>",
            &text,
            d.source.cell.as_deref().unwrap_or(&d.source.dataset)
        ));
    }
    for a in &f.absences {
        out.push(html!(
            "<li>{}</li>",
            &words::tf("brief-corridor-absent", &[("what", Arg::from(words::said(a)))])
        ));
    }
    for p in &f.near_misses {
        let text = words::tf(
            "brief-corridor-near-miss",
            &[("id", Arg::from(p.id.as_str())), ("why", Arg::from(words::said(&p.why)))],
        );
        out.push(html!("<li>{}</li>", &text));
    }
    let source =
        words::html("brief-corridor-source", &[("source", Piece::Html(rules_text(&f.source)))]);
    out.push(html!(
        "</ul>\n<p class=\"note\">{}</p>\n<p class=\"note\"><span class=\"meta\">{}</span></p></li>\n",
        rules_text(&f.rationale),
        source
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    use analysis::corridor::{CountryCoverage, CountryRef, Coverage, Unevaluated};
    use analysis::said::Term;

    #[test]
    fn a_profile_without_checks_says_so() {
        let html = section(&CountryProfile::default()).into_string();
        assert!(html.contains("id=\"corridor-coherence\"") && html.contains("No corridor"));
    }

    fn country(iso3: &str, name: &str) -> CountryRef {
        CountryRef { iso3: iso3.to_owned(), name: name.to_owned() }
    }

    #[test]
    fn a_corridor_without_registers_says_whose_register_is_missing() {
        let (npl, gbr) = (country("NPL", "Nepal"), country("GBR", "United Kingdom"));
        let unevaluated = Unevaluated {
            rule_id: "costly-corridor-no-cost-reduction".to_owned(),
            title: "Sending money costs more than 5 %".to_owned(),
            reason: Reason::NoRegister,
            missing_registers: vec![npl.clone(), gbr.clone()],
            missing: vec![Said::new("check-register-of", npl.named())],
            why: Said::new(
                "analysis-items",
                vec![(
                    "items",
                    Term::list(vec![
                        Term::said(Said::new("check-no-register-for", npl.named())),
                        Term::said(Said::new("check-no-register-for", gbr.named())),
                    ]),
                )],
            ),
        };
        let coverage = |c: &CountryRef| CountryCoverage {
            country: c.clone(),
            register: false,
            cells: Vec::new(),
            ministries: Vec::new(),
            missing_areas: Vec::new(),
            missing_stages: Vec::new(),
        };
        let report = CorridorReport {
            origin: npl.clone(),
            destination: gbr.clone(),
            fictional_notice: None,
            rules_checked: 2,
            rules_evaluated: 1,
            findings: Vec::new(),
            unevaluated: vec![unevaluated],
            coverage: Coverage {
                countries: vec![coverage(&npl), coverage(&gbr)],
                corridor: Vec::new(),
                corridor_gaps: Vec::new(),
                findings_by_level: Vec::new(),
            },
            unintended: Vec::new(),
            figures: Vec::new(),
        };
        let profile = CountryProfile { corridor_checks: vec![report], ..CountryProfile::default() };
        let html = section(&profile).into_string();
        assert!(html.contains("could not be fully checked"), "{html}");
        assert!(html.contains(
            "Nepal (NPL) → United Kingdom (GBR): 1 of 2 rules not evaluated — no register for \
             Nepal (NPL); no register for United Kingdom (GBR)"
        ));
        assert!(html.contains("0 of 2 rules fired; 1 not evaluated"));
        assert!(html.contains("Nepal: no register loaded"));

        // The same section in French and Arabic: the UN's country names, the
        // language's plurals, and in Arabic the arrow pointing the way it reads.
        let french = {
            let _fr = words::Scope::enter(i18n::Lang::Fr);
            section(&profile).into_string()
        };
        assert!(french.contains("Cohérence des couloirs"), "{french}");
        assert!(
            french.contains(
                "Népal (NPL) → Royaume-Uni de Grande-Bretagne et d&#39;Irlande du Nord \
                 (GBR)\u{a0}: 0 règle déclenchée sur 2\u{202f}; 1 non évaluée"
            ),
            "{french}"
        );
        assert!(french.contains("aucun registre des politiques (Népal, NPL)"), "{french}");
        let arabic = {
            let _ar = words::Scope::enter(i18n::Lang::Ar);
            section(&profile).into_string()
        };
        assert!(arabic.contains("اتساق السياسات في الممر"), "{arabic}");
        assert!(arabic.contains("نيبال (NPL) ← "), "{arabic}");
        assert!(arabic.contains("من أصل قاعدتين"), "{arabic}");
        for english in ["register", " rules", "Corridor", "evaluated"] {
            assert!(!arabic.contains(english), "{english} in {arabic}");
        }
    }
}
