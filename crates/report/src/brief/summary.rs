//! The one-page summary that opens the brief: the country's role, the key figures
//! (each with its year and source number) and findings written from the data.
//!
//! Every sentence is built from figures the profile holds; a finding whose figures are
//! missing is left out, never written with a placeholder.

use analysis::profile::{CorridorCost, CountryProfile, Value};

use super::role::{Role, RoleFinding};
use i18n::Arg;

use super::{
    COST_CEILING_PCT, Citations, SDG_COST_TARGET_PCT, area_name, finite_costs, latest,
    latest_stock, section_open, with_unit,
};
use crate::html;
use crate::html::Html;
use crate::words::{self, Piece, h};

/// The summary section.
pub(super) fn section(
    profile: &CountryProfile,
    finding: &RoleFinding,
    previous: Option<&super::Previous>,
    cites: &mut Citations,
) -> Html {
    let name = &area_name(profile);
    let mut out = section_open("summary", "brief-h-summary");
    out.push(html!("<p class=\"role\">{}</p>\n", finding.sentence(name)));
    let figures = key_figures(profile, finding.role, cites);
    if !figures.is_empty() {
        out.push(html!("<h3>{}</h3>\n<ul class=\"key-figures\">", h("brief-key-figures")));
        for f in figures {
            out.push(html!("<li>{}</li>", f));
        }
        out.push(html!("</ul>\n"));
    }
    let findings = findings(profile, finding.role, cites);
    if !findings.is_empty() {
        out.push(html!("<h3>{}</h3>\n<ul class=\"findings\">", h("brief-findings")));
        for f in findings {
            out.push(html!("<li>{}</li>", f));
        }
        out.push(html!("</ul>\n"));
    }
    if let Some(previous) = previous {
        out.push(changes(profile, previous, cites));
    }
    out.push(html!("</section>\n"));
    out
}

/// A key figure: "Immigrants: **3.2 million persons** (2020)[1]".
fn key_figure(key: &str, value: &analysis::profile::Value, year: i32, cite: Html) -> Html {
    words::html(
        key,
        &[
            ("figure", Piece::Html(html!("<strong>{}</strong>", with_unit(value, 1)))),
            ("year", Piece::Arg(Arg::plain(year))),
            ("source", Piece::Html(cite)),
        ],
    )
}

/// Four to six figures: the stocks, remittances on the role's side, their share of
/// GDP, and net migration; each with its year and source number.
fn key_figures(profile: &CountryProfile, role: Role, cites: &mut Citations) -> Vec<Html> {
    let mut out = Vec::new();
    if let Some(s) = latest_stock(&profile.stock_in) {
        out.push(key_figure("brief-kf-immigrants", &s.total, s.year, cites.cite_value(&s.total)));
    }
    if let Some(s) = latest_stock(&profile.stock_out) {
        out.push(key_figure("brief-kf-emigrants", &s.total, s.year, cites.cite_value(&s.total)));
    }
    let sides: [(bool, &str, &[analysis::profile::YearValue]); 2] = [
        (role.shows_origin_side(), "brief-kf-received", &profile.remittances_received),
        (role.shows_destination_side(), "brief-kf-paid", &profile.remittances_paid),
    ];
    for (shown, key, series) in sides {
        if let Some(r) = latest(series).filter(|_| shown) {
            out.push(key_figure(key, &r.value, r.year, cites.cite_value(&r.value)));
        }
    }
    if let Some(p) = latest(&profile.sdg_17_3_2).or_else(|| latest(&profile.remittances_pct_gdp)) {
        out.push(key_figure("brief-kf-share-gdp", &p.value, p.year, cites.cite_value(&p.value)));
    }
    if let Some(n) = latest(&profile.net_migration) {
        out.push(key_figure("brief-kf-net", &n.value, n.year, cites.cite_value(&n.value)));
    }
    out.truncate(6);
    out
}

/// The key figures the summary compares with the previous editions: each a message
/// key and the figure's latest year and value in a profile.
type KeyFigure = (&'static str, fn(&CountryProfile) -> Option<(i32, Value)>);

/// The figures compared between editions.
const COMPARED: [KeyFigure; 6] = [
    ("brief-change-immigrants", |p| latest_stock(&p.stock_in).map(|s| (s.year, s.total.clone()))),
    ("brief-change-emigrants", |p| latest_stock(&p.stock_out).map(|s| (s.year, s.total.clone()))),
    ("brief-change-received", |p| {
        latest(&p.remittances_received).map(|v| (v.year, v.value.clone()))
    }),
    ("brief-change-paid", |p| latest(&p.remittances_paid).map(|v| (v.year, v.value.clone()))),
    ("brief-change-share-gdp", |p| latest(&p.sdg_17_3_2).map(|v| (v.year, v.value.clone()))),
    ("brief-change-net", |p| latest(&p.net_migration).map(|v| (v.year, v.value.clone()))),
];

/// "What changed since the previous editions": each key figure that is new, has a
/// later year, or was revised, against the same country's profile read from the
/// previous editions of the datasets; the editions compared are named.
fn changes(profile: &CountryProfile, previous: &super::Previous, cites: &mut Citations) -> Html {
    let mut out = html!("<h3>{}</h3>\n", h("brief-changes"));
    let editions = Arg::from(previous.editions.join("; "));
    out.push(html!("<p>{}</p>\n", words::tf("brief-changes-intro", &[("editions", editions)])));
    let mut items = Vec::new();
    for (label, pick) in COMPARED {
        let Some((year, now)) = pick(profile) else { continue };
        let before = pick(&previous.profile);
        let same = |(y, v): &(i32, Value)| *y == year && v.value.to_bits() == now.value.to_bits();
        if before.as_ref().is_some_and(same) {
            continue;
        }
        let mut args = vec![
            ("what", Piece::from(words::t(label))),
            ("figure", Piece::Html(html!("<strong>{}</strong>", with_unit(&now, 1)))),
            ("year", Piece::Arg(Arg::plain(year))),
            ("source", Piece::Html(cites.cite_value(&now))),
        ];
        let key = match &before {
            None => "brief-change-new",
            Some((y, v)) => {
                args.push(("before", Piece::from(with_unit(v, 1))));
                args.push(("before_year", Piece::Arg(Arg::plain(*y))));
                if *y == year { "brief-change-revised" } else { "brief-change-later" }
            }
        };
        items.push(words::html(key, &args));
    }
    if items.is_empty() {
        out.push(html!("<p>{}</p>\n", h("brief-changes-none")));
    } else {
        out.push(html!("<ul class=\"changes\">"));
        for item in items {
            out.push(html!("<li>{}</li>", item));
        }
        out.push(html!("</ul>\n"));
    }
    out
}

/// Up to five findings, each written from the figures it names.
fn findings(profile: &CountryProfile, role: Role, cites: &mut Citations) -> Vec<Html> {
    let name = &area_name(profile);
    let mut out = Vec::new();
    if let Some(p) = latest(&profile.sdg_17_3_2).or_else(|| latest(&profile.remittances_pct_gdp)) {
        let world = profile
            .remittances_pct_gdp_groups
            .iter()
            .find(|g| g.code == "world" && g.year == p.year);
        let share = with_unit(&p.value, 1);
        let year = Arg::plain(p.year);
        let source = Piece::Html(cites.cite_value(&p.value));
        out.push(match world {
            Some(w) => words::html(
                "brief-finding-gdp-world",
                &[
                    ("share", Piece::from(share)),
                    ("year", Piece::Arg(year)),
                    ("source", source),
                    ("world", Piece::from(with_unit(&w.value, 1))),
                    ("world_source", Piece::Html(cites.cite_value(&w.value))),
                ],
            ),
            None => words::html(
                "brief-finding-gdp",
                &[("share", Piece::from(share)), ("year", Piece::Arg(year)), ("source", source)],
            ),
        });
    }
    for (shown, costs, to) in [
        (role.shows_origin_side(), &profile.costs_to, true),
        (role.shows_destination_side(), &profile.costs_from, false),
    ] {
        if shown {
            out.extend(cost_finding(cites, name, costs, to));
        }
    }
    let mut stocks: Vec<_> = profile.stock_out.iter().filter(|s| s.total.value > 0.0).collect();
    stocks.sort_by_key(|s| s.year);
    if let (Some(first), Some(last)) = (stocks.first(), stocks.last())
        && first.year < last.year
    {
        let change = (last.total.value / first.total.value - 1.0) * 100.0;
        let sign = if change >= 0.0 { "+" } else { "" };
        let key = if change >= 0.0 { "brief-finding-grew" } else { "brief-finding-fell" };
        out.push(words::html(
            key,
            &[
                ("country", Piece::from(name.as_str())),
                ("from", Piece::Arg(Arg::Number(first.total.value, 0))),
                ("first", Piece::Arg(Arg::plain(first.year))),
                ("to", Piece::Arg(Arg::Number(last.total.value, 0))),
                ("last", Piece::Arg(Arg::plain(last.year))),
                ("change", Piece::from(format!("{sign}{}", words::percent(change, 0)))),
                ("source", Piece::Html(cites.cite_value(&last.total))),
            ],
        ));
    }
    if let Some(top) = profile.top_destinations.first() {
        out.push(words::html(
            "brief-finding-top",
            &[
                ("partner", Piece::from(words::country(&top.partner, &top.partner_name))),
                ("stock", Piece::from(with_unit(&top.stock, 1))),
                ("share", Piece::from(with_unit(&top.share, 1))),
                ("year", Piece::Arg(Arg::plain(top.year))),
                ("source", Piece::Html(cites.cite_value(&top.stock))),
            ],
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
    to: bool,
) -> Option<Html> {
    let costs = finite_costs(costs);
    if costs.is_empty() {
        return None;
    }
    let mean = costs.iter().map(|c| c.cost_pct.value).sum::<f64>() / costs.len() as f64;
    let above_ceiling = costs.iter().filter(|c| c.cost_pct.value > COST_CEILING_PCT).count();
    let refs = cites.cite_all(costs.iter().map(|c| &c.cost_pct.source));
    let key = match (to, mean > SDG_COST_TARGET_PCT) {
        (true, true) => "brief-finding-cost-to-above",
        (true, false) => "brief-finding-cost-to-within",
        (false, true) => "brief-finding-cost-from-above",
        (false, false) => "brief-finding-cost-from-within",
    };
    Some(words::html(
        key,
        &[
            ("country", Piece::from(name)),
            ("mean", Piece::from(words::percent(mean, 2))),
            ("count", Piece::Arg(Arg::from(costs.len()))),
            ("source", Piece::Html(refs)),
            ("target", Piece::from(words::percent(SDG_COST_TARGET_PCT, 0))),
            ("ceiling", Piece::from(words::percent(COST_CEILING_PCT, 0))),
            ("above", Piece::Arg(Arg::from(above_ceiling))),
        ],
    ))
}
