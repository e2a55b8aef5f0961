//! The brief's "Corridor coherence" section: the corridor checks of the country with
//! its largest partners ([`analysis::corridor::CorridorReport`]), each finding with the
//! policies, country attributes and data it rests on, coverage gaps at the three
//! levels of coherence, and policies that help development without intending to.

use analysis::corridor::{CorridorReport, Finding, Reason};
use analysis::profile::CountryProfile;

use crate::markup::escape;

/// The section's anchor.
pub(crate) const ANCHOR: &str = "corridor-coherence";

/// The "Corridor coherence" section.
pub(crate) fn section(profile: &CountryProfile) -> String {
    let mut out = format!(
        "<section id=\"{ANCHOR}\" aria-labelledby=\"{ANCHOR}-h\">\n<h2 id=\"{ANCHOR}-h\">Corridor coherence</h2>\n"
    );
    if profile.corridor_checks.is_empty() {
        out.push_str(
            "<p class=\"no-data\">No corridor was checked: the store has no bilateral migrant stock of this country, from which its largest partners are chosen.</p>\n</section>\n",
        );
        return out;
    }
    out.push_str("<p>Each corridor with the country's largest partners is checked against Coherence's corridor rules (<code>rules/corridor-rules.toml</code>). A finding names the policies, country attributes and data it rests on. A rule about a country's policies is evaluated only when that country's policy register is loaded: the absence of a register is not evidence that a policy is absent.</p>\n");
    unchecked(&mut out, &profile.corridor_checks);
    for r in &profile.corridor_checks {
        corridor(&mut out, r);
    }
    out.push_str("</section>\n");
    out
}

/// The corridors where some rule could not be evaluated for want of a register: which,
/// and whose register is missing.
fn unchecked(out: &mut String, reports: &[CorridorReport]) {
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
        items.push(format!(
            "<li>{} ({}) → {} ({}): {n} of {} rules not evaluated — {}</li>",
            escape(&r.origin.name),
            escape(&r.origin.iso3),
            escape(&r.destination.name),
            escape(&r.destination.iso3),
            r.rules_checked,
            escape(&whose.join("; "))
        ));
    }
    if !items.is_empty() {
        out.push_str(&format!(
            "<p>Corridors that could not be fully checked, for want of a policy register:</p>\n<ul>{}</ul>\n",
            items.concat()
        ));
    }
}

fn corridor(out: &mut String, r: &CorridorReport) {
    let not_evaluated = if r.unevaluated.is_empty() {
        String::new()
    } else {
        format!("; {} not evaluated", r.unevaluated.len())
    };
    out.push_str(&format!(
        "<h3>{} ({}) → {} ({}): {} of {} rules fired{not_evaluated}</h3>\n",
        escape(&r.origin.name),
        escape(&r.origin.iso3),
        escape(&r.destination.name),
        escape(&r.destination.iso3),
        r.findings.len(),
        r.rules_checked
    ));
    if r.findings.is_empty() {
        out.push_str(&format!(
            "<p>No rule fired of the {} evaluated for this corridor.</p>\n",
            r.rules_evaluated
        ));
    } else {
        out.push_str("<ol class=\"findings\">\n");
        for f in &r.findings {
            finding(out, f);
        }
        out.push_str("</ol>\n");
    }
    if !r.unevaluated.is_empty() {
        out.push_str("<p>Not evaluated:</p>\n<ul>");
        for u in &r.unevaluated {
            out.push_str(&format!("<li>{} — {}</li>", escape(&u.title), escape(&u.why)));
        }
        out.push_str("</ul>\n");
    }
    let mut gaps = Vec::new();
    for c in &r.coverage.countries {
        if !c.register {
            gaps.push(format!(
                "{}: no register loaded, so its coverage is not known",
                escape(&c.country.name)
            ));
        } else if !c.missing_areas.is_empty() || !c.missing_stages.is_empty() {
            gaps.push(format!(
                "{}: no active policy in {}{}",
                escape(&c.country.name),
                escape(&or_none(&c.missing_areas)),
                if c.missing_stages.is_empty() {
                    String::new()
                } else {
                    format!("; none at the stage(s) {}", escape(&c.missing_stages.join(", ")))
                }
            ));
        }
    }
    if !r.coverage.corridor_gaps.is_empty() {
        gaps.push(format!(
            "Between the two countries: no corridor-specific policy at the stage(s) {}",
            escape(&r.coverage.corridor_gaps.join(", "))
        ));
    }
    if !gaps.is_empty() {
        out.push_str("<p>Coverage gaps (migration-cycle stage × policy area):</p>\n<ul>");
        for g in gaps {
            out.push_str(&format!("<li>{g}</li>"));
        }
        out.push_str("</ul>\n");
    }
    if !r.unintended.is_empty() {
        out.push_str("<p>Policies that help development without intending to:</p>\n<ul>");
        for p in &r.unintended {
            out.push_str(&format!("<li>{} {}</li>", escape(&p.id), escape(&p.title)));
        }
        out.push_str("</ul>\n");
    }
}

fn or_none(items: &[String]) -> String {
    if items.is_empty() { "no listed area".to_owned() } else { items.join(", ") }
}

fn finding(out: &mut String, f: &Finding) {
    out.push_str(&format!(
        "<li><p><strong>{}</strong> <span class=\"meta\">({} severity, {} level)</span></p>\n<ul>",
        escape(&f.title),
        escape(&f.severity),
        escape(&f.level.replace('-', " "))
    ));
    for p in &f.policies {
        out.push_str(&format!(
            "<li>Policy {} <em>{}</em> ({})</li>",
            escape(&p.id),
            escape(&p.title),
            escape(&p.status)
        ));
    }
    for a in &f.attributes {
        out.push_str(&format!(
            "<li>{} <span class=\"meta\">[{}]</span></li>",
            escape(&a.statement),
            escape(a.source.cell.as_deref().unwrap_or(&a.source.dataset))
        ));
    }
    for d in &f.data {
        out.push_str(&format!(
            "<li>{} = {} {} in {} ({}) <span class=\"meta\">[{}]</span></li>",
            escape(&d.what),
            crate::markup::format_trimmed(d.value, 2),
            escape(&d.unit),
            d.year,
            escape(&d.test),
            escape(d.source.cell.as_deref().unwrap_or(&d.source.dataset))
        ));
    }
    for a in &f.absences {
        out.push_str(&format!("<li>Missing: {}</li>", escape(a)));
    }
    for p in &f.near_misses {
        out.push_str(&format!("<li>Does not count: {} — {}</li>", escape(&p.id), escape(&p.why)));
    }
    out.push_str(&format!(
        "</ul>\n<p class=\"note\">{} <span class=\"meta\">Source: {}</span></p></li>\n",
        escape(&f.rationale),
        escape(&f.source)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    use analysis::corridor::{CountryCoverage, CountryRef, Coverage, Unevaluated};

    #[test]
    fn a_profile_without_checks_says_so() {
        let html = section(&CountryProfile::default());
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
        let html = section(&profile);
        assert!(html.contains("could not be fully checked"), "{html}");
        assert!(html.contains(
            "Nepal (NPL) → United Kingdom (GBR): 1 of 2 rules not evaluated — no register for \
             Nepal (NPL); no register for United Kingdom (GBR)"
        ));
        assert!(html.contains("0 of 2 rules fired; 1 not evaluated"));
        assert!(html.contains("Nepal: no register loaded"));
    }
}
