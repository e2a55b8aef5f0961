//! The brief's "Corridor coherence" section: the corridor checks of the country with
//! its largest partners ([`analysis::corridor::CorridorReport`]), each finding with the
//! policies, country attributes and data it rests on, coverage gaps at the three
//! levels of coherence, and policies that help development without intending to.

use analysis::corridor::{CorridorReport, Finding};
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
            "<p class=\"no-data\">No corridor of this country could be checked: the corridor rules need the policy register of at least one side of a corridor.</p>\n</section>\n",
        );
        return out;
    }
    out.push_str("<p>Each corridor with the country's largest partners is checked against Coherence's corridor rules (<code>rules/corridor-rules.toml</code>). A finding names the policies, country attributes and data it rests on.</p>\n");
    for r in &profile.corridor_checks {
        corridor(&mut out, r);
    }
    out.push_str("</section>\n");
    out
}

fn corridor(out: &mut String, r: &CorridorReport) {
    out.push_str(&format!(
        "<h3>{} ({}) → {} ({}): {} of {} rules fired</h3>\n",
        escape(&r.origin.name),
        escape(&r.origin.iso3),
        escape(&r.destination.name),
        escape(&r.destination.iso3),
        r.findings.len(),
        r.rules_checked
    ));
    if r.findings.is_empty() {
        out.push_str("<p>No rule fired for this corridor.</p>\n");
    } else {
        out.push_str("<ol class=\"findings\">\n");
        for f in &r.findings {
            finding(out, f);
        }
        out.push_str("</ol>\n");
    }
    if !r.unevaluated.is_empty() {
        out.push_str("<p>Not evaluated for lack of data:</p>\n<ul>");
        for u in &r.unevaluated {
            out.push_str(&format!(
                "<li>{} — missing {}</li>",
                escape(&u.title),
                escape(&u.missing.join("; "))
            ));
        }
        out.push_str("</ul>\n");
    }
    let mut gaps = Vec::new();
    for c in &r.coverage.countries {
        if !c.missing_areas.is_empty() || !c.missing_stages.is_empty() {
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

    #[test]
    fn a_profile_without_checks_says_so() {
        let html = section(&CountryProfile::default());
        assert!(html.contains("id=\"corridor-coherence\"") && html.contains("No corridor"));
    }
}
