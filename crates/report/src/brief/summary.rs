//! The one-page summary that opens the brief: the country's role, the key figures
//! (each with its year and source number) and findings written from the data.
//!
//! Every sentence is built from figures the profile holds; a finding whose figures are
//! missing is left out, never written with a placeholder.

use analysis::profile::{CorridorCost, CountryProfile};

use super::role::{Role, RoleFinding};
use super::{
    COST_CEILING_PCT, Citations, SDG_COST_TARGET_PCT, finite_costs, latest, latest_stock,
    section_open, with_unit,
};
use crate::html;
use crate::html::Html;
use crate::markup::format_thousands;

/// The summary section.
pub(super) fn section(
    profile: &CountryProfile,
    finding: &RoleFinding,
    cites: &mut Citations,
) -> Html {
    let name = &profile.area.name;
    let mut out = section_open("summary", "Summary");
    out.push(html!("<p class=\"role\">{}</p>\n", finding.sentence(name)));
    let figures = key_figures(profile, finding.role, cites);
    if !figures.is_empty() {
        out.push(html!("<h3>Key figures</h3>\n<ul class=\"key-figures\">"));
        for f in figures {
            out.push(html!("<li>{}</li>", f));
        }
        out.push(html!("</ul>\n"));
    }
    let findings = findings(profile, finding.role, cites);
    if !findings.is_empty() {
        out.push(html!("<h3>Findings</h3>\n<ul class=\"findings\">"));
        for f in findings {
            out.push(html!("<li>{}</li>", f));
        }
        out.push(html!("</ul>\n"));
    }
    out.push(html!("</section>\n"));
    out
}

/// Four to six figures: the stocks, remittances on the role's side, their share of
/// GDP, and net migration; each with its year and source number.
fn key_figures(profile: &CountryProfile, role: Role, cites: &mut Citations) -> Vec<Html> {
    let mut out = Vec::new();
    if let Some(s) = latest_stock(&profile.stock_in) {
        out.push(html!(
            "Immigrants: <strong>{}</strong> ({}){}",
            with_unit(&s.total, 1),
            s.year,
            cites.cite_value(&s.total)
        ));
    }
    if let Some(s) = latest_stock(&profile.stock_out) {
        out.push(html!(
            "Emigrants: <strong>{}</strong> ({}){}",
            with_unit(&s.total, 1),
            s.year,
            cites.cite_value(&s.total)
        ));
    }
    let sides: [(bool, &str, &[analysis::profile::YearValue]); 2] = [
        (role.shows_origin_side(), "Remittances received", &profile.remittances_received),
        (role.shows_destination_side(), "Remittances paid", &profile.remittances_paid),
    ];
    for (shown, label, series) in sides {
        if let Some(r) = latest(series).filter(|_| shown) {
            out.push(html!(
                "{}: <strong>{}</strong> ({}){}",
                label,
                with_unit(&r.value, 1),
                r.year,
                cites.cite_value(&r.value)
            ));
        }
    }
    if let Some(p) = latest(&profile.sdg_17_3_2).or_else(|| latest(&profile.remittances_pct_gdp)) {
        out.push(html!(
            "Remittances received, share of GDP: <strong>{}</strong> ({}){}",
            with_unit(&p.value, 1),
            p.year,
            cites.cite_value(&p.value)
        ));
    }
    if let Some(n) = latest(&profile.net_migration) {
        out.push(html!(
            "Net migration: <strong>{}</strong> ({}){}",
            with_unit(&n.value, 1),
            n.year,
            cites.cite_value(&n.value)
        ));
    }
    out.truncate(6);
    out
}

/// Up to five findings, each written from the figures it names.
fn findings(profile: &CountryProfile, role: Role, cites: &mut Citations) -> Vec<Html> {
    let name = &profile.area.name;
    let mut out = Vec::new();
    if let Some(p) = latest(&profile.sdg_17_3_2).or_else(|| latest(&profile.remittances_pct_gdp)) {
        let world = profile
            .remittances_pct_gdp_groups
            .iter()
            .find(|g| g.code == "world" && g.year == p.year);
        let comparison = match world {
            Some(w) => html!(
                ", against {} for the world as a whole (GDP-weighted){}",
                with_unit(&w.value, 1),
                cites.cite_value(&w.value)
            ),
            None => Html::new(),
        };
        out.push(html!(
            "Remittances received were {} of GDP in {}{}{}.",
            with_unit(&p.value, 1),
            p.year,
            cites.cite_value(&p.value),
            comparison
        ));
    }
    for (shown, costs, direction) in [
        (role.shows_origin_side(), &profile.costs_to, "to"),
        (role.shows_destination_side(), &profile.costs_from, "from"),
    ] {
        if shown {
            out.extend(cost_finding(cites, name, costs, direction));
        }
    }
    let mut stocks: Vec<_> = profile.stock_out.iter().filter(|s| s.total.value > 0.0).collect();
    stocks.sort_by_key(|s| s.year);
    if let (Some(first), Some(last)) = (stocks.first(), stocks.last())
        && first.year < last.year
    {
        let change = (last.total.value / first.total.value - 1.0) * 100.0;
        out.push(html!(
            "The number of emigrants from {} {} from {} in {} to {} in {} ({}{}%){}.",
            name,
            if change >= 0.0 { "grew" } else { "fell" },
            format_thousands(first.total.value, 0),
            first.year,
            format_thousands(last.total.value, 0),
            last.year,
            if change >= 0.0 { "+" } else { "" },
            format_thousands(change, 0),
            cites.cite_value(&last.total)
        ));
    }
    if let Some(top) = profile.top_destinations.first() {
        out.push(html!(
            "The largest destination of emigrants is {}, with {} ({} of all emigrants, {}){}.",
            &top.partner_name,
            with_unit(&top.stock, 1),
            with_unit(&top.share, 1),
            top.year,
            cites.cite_value(&top.stock)
        ));
    }
    out.truncate(5);
    out
}

/// "The cost of sending US$200 to X averaged 4.10% over 12 corridors, above the SDG
/// target of 3%; 3 corridors cost more than 5%."
fn cost_finding(
    cites: &mut Citations,
    name: &str,
    costs: &[CorridorCost],
    direction: &str,
) -> Option<Html> {
    let costs = finite_costs(costs);
    if costs.is_empty() {
        return None;
    }
    let mean = costs.iter().map(|c| c.cost_pct.value).sum::<f64>() / costs.len() as f64;
    let above_ceiling = costs.iter().filter(|c| c.cost_pct.value > COST_CEILING_PCT).count();
    let against = if mean > SDG_COST_TARGET_PCT { "above" } else { "at or below" };
    let refs = cites.cite_all(costs.iter().map(|c| &c.cost_pct.source));
    Some(html!(
        "The cost of sending US$200 {} {} averaged {}% over {} corridor{}{}, {} the SDG target of 3%; {} of them cost more than 5%.",
        direction,
        name,
        format_thousands(mean, 2),
        costs.len(),
        if costs.len() == 1 { "" } else { "s" },
        refs,
        against,
        above_ceiling
    ))
}
