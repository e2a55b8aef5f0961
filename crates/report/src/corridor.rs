//! The brief's "Corridor coherence" section: the corridor checks of the country with
//! its largest partners ([`analysis::corridor::CorridorReport`]), each finding with the
//! policies, country attributes and data it rests on, coverage gaps at the three
//! levels of coherence, and policies that help development without intending to.

use analysis::corridor::{CorridorReport, Finding, Reason};
use analysis::profile::CountryProfile;

use crate::html;
use crate::html::Html;

/// The section's anchor.
pub(crate) const ANCHOR: &str = "corridor-coherence";

/// The "Corridor coherence" section.
pub(crate) fn section(profile: &CountryProfile) -> Html {
    let mut out = html!(
        "<section id=\"{}\" aria-labelledby=\"{}-h\">\n<h2 id=\"{}-h\">Corridor coherence</h2>\n",
        ANCHOR,
        ANCHOR,
        ANCHOR
    );
    if profile.corridor_checks.is_empty() {
        out.push(html!(
            "<p class=\"no-data\">No corridor was checked: the store has no bilateral migrant stock of this country, from which its largest partners are chosen.</p>\n</section>\n"
        ));
        return out;
    }
    out.push(html!("<p>Each corridor with the country's largest partners is checked against Coherence's corridor rules (<code>rules/corridor-rules.toml</code>). A finding names the policies, country attributes and data it rests on. A rule about a country's policies is evaluated only when that country's policy register is loaded: the absence of a register is not evidence that a policy is absent.</p>\n"));
    unchecked(&mut out, &profile.corridor_checks);
    for r in &profile.corridor_checks {
        corridor(&mut out, r);
    }
    out.push(html!("</section>\n"));
    out
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
            let s = format!("no register for {} ({})", c.name, c.iso3);
            if !whose.contains(&s) {
                whose.push(s);
            }
        }
        items.push(html!(
            "<li>{} ({}) → {} ({}): {} of {} rules not evaluated — {}</li>",
            &r.origin.name,
            &r.origin.iso3,
            &r.destination.name,
            &r.destination.iso3,
            n,
            r.rules_checked,
            &whose.join("; ")
        ));
    }
    if !items.is_empty() {
        out.push(html!("<p>Corridors that could not be fully checked, for want of a policy register:</p>\n<ul>{}</ul>\n", items.into_iter().collect::<Html>()));
    }
}

fn corridor(out: &mut Html, r: &CorridorReport) {
    let not_evaluated = if r.unevaluated.is_empty() {
        String::new()
    } else {
        format!("; {} not evaluated", r.unevaluated.len())
    };
    out.push(html!(
        "<h3>{} ({}) → {} ({}): {} of {} rules fired{}</h3>\n",
        &r.origin.name,
        &r.origin.iso3,
        &r.destination.name,
        &r.destination.iso3,
        r.findings.len(),
        r.rules_checked,
        not_evaluated
    ));
    if r.findings.is_empty() {
        out.push(html!(
            "<p>No rule fired of the {} evaluated for this corridor.</p>\n",
            r.rules_evaluated
        ));
    } else {
        out.push(html!("<ol class=\"findings\">\n"));
        for f in &r.findings {
            finding(out, f);
        }
        out.push(html!("</ol>\n"));
    }
    if !r.unevaluated.is_empty() {
        out.push(html!("<p>Not evaluated:</p>\n<ul>"));
        for u in &r.unevaluated {
            out.push(html!("<li>{} — {}</li>", &u.title, &u.why));
        }
        out.push(html!("</ul>\n"));
    }
    let mut gaps = Vec::new();
    for c in &r.coverage.countries {
        if !c.register {
            gaps.push(html!(
                "{}: no register loaded, so its coverage is not known",
                &c.country.name
            ));
        } else if !c.missing_areas.is_empty() || !c.missing_stages.is_empty() {
            let stages = if c.missing_stages.is_empty() {
                String::new()
            } else {
                format!("; none at the stage(s) {}", c.missing_stages.join(", "))
            };
            gaps.push(html!(
                "{}: no active policy in {}{}",
                &c.country.name,
                or_none(&c.missing_areas),
                stages
            ));
        }
    }
    if !r.coverage.corridor_gaps.is_empty() {
        gaps.push(html!(
            "Between the two countries: no corridor-specific policy at the stage(s) {}",
            r.coverage.corridor_gaps.join(", ")
        ));
    }
    if !gaps.is_empty() {
        out.push(html!("<p>Coverage gaps (migration-cycle stage × policy area):</p>\n<ul>"));
        for g in gaps {
            out.push(html!("<li>{}</li>", g));
        }
        out.push(html!("</ul>\n"));
    }
    if !r.unintended.is_empty() {
        out.push(html!("<p>Policies that help development without intending to:</p>\n<ul>"));
        for p in &r.unintended {
            out.push(html!("<li>{} {}</li>", &p.id, &p.title));
        }
        out.push(html!("</ul>\n"));
    }
}

fn or_none(items: &[String]) -> String {
    if items.is_empty() { "no listed area".to_owned() } else { items.join(", ") }
}

fn finding(out: &mut Html, f: &Finding) {
    out.push(html!(
        "<li><p><strong>{}</strong> <span class=\"meta\">({} severity, {} level)</span></p>\n<ul>",
        &f.title,
        &f.severity,
        &f.level.replace('-', " ")
    ));
    for p in &f.policies {
        out.push(html!("<li>Policy {} <em>{}</em> ({})</li>", &p.id, &p.title, &p.status));
    }
    for a in &f.attributes {
        out.push(html!(
            "<li>{} <span class=\"meta\">[{}]</span></li>",
            &a.statement,
            a.source.cell.as_deref().unwrap_or(&a.source.dataset)
        ));
    }
    for d in &f.data {
        out.push(html!(
            "<li>{} = {} {} in {} ({}) <span class=\"meta\">[{}]</span></li>",
            &d.what,
            crate::markup::format_trimmed(d.value, 2),
            &d.unit,
            d.year,
            &d.test,
            d.source.cell.as_deref().unwrap_or(&d.source.dataset)
        ));
    }
    for a in &f.absences {
        out.push(html!("<li>Missing: {}</li>", a));
    }
    for p in &f.near_misses {
        out.push(html!("<li>Does not count: {} — {}</li>", &p.id, &p.why));
    }
    out.push(html!(
        "</ul>\n<p class=\"note\">{} <span class=\"meta\">Source: {}</span></p></li>\n",
        &f.rationale,
        &f.source
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    use analysis::corridor::{CountryCoverage, CountryRef, Coverage, Unevaluated};

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
            missing: vec!["register of Nepal (NPL)".to_owned()],
            why: "no register for Nepal (NPL); no register for United Kingdom (GBR)".to_owned(),
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
    }
}
