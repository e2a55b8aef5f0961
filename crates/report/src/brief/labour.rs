//! The brief's "Labour migration" and "Forced displacement" sections
//! ([`analysis::labour`]): deployments of nationals by year and destination, their
//! channels and turnover beside the stock, temporary and permanent-type inflows by
//! category; refugees and asylum-seekers hosted and abroad, and where they come from
//! and go. A country with none of these data says so and points to the data gaps.

use analysis::labour::{CategorySeries, PartnerValue};
use analysis::profile::{CorridorStock, CountryProfile, YearValue};
use i18n::Arg;

use super::{
    Cell, Citations, CorridorWords, area_name, corridor_block, data_table, no_data, num_cell,
    section_open, year_table,
};
use crate::html;
use crate::html::Html;
use crate::words::{self, h, t, tf};

/// The "Labour migration" section.
pub(super) fn labour(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let l = &profile.labour;
    let mut out = section_open("labour", "brief-h-labour");
    let empty = l.deployments.is_empty()
        && l.temporary_inflows.is_empty()
        && l.permanent_inflows.is_empty();
    if empty {
        out.push(no_data("brief-what-labour"));
        out.push(html!("</section>\n"));
        return out;
    }
    let name = area_name(profile);
    let country = || [("country", Arg::from(name.as_str()))];
    if !l.deployments.is_empty() {
        let caption = Html::text(&tf("brief-deployments-caption", &country()));
        out.push(year_table(
            cites,
            &caption,
            &["brief-col-deployments-persons"],
            &[&l.deployments],
        ));
        out.push(corridor_block(
            cites,
            "deployments",
            &tf("brief-where-workers-went", &country()),
            &as_corridors(&l.top_destinations),
            &CorridorWords {
                what: "brief-what-deployment-destinations",
                partner: "brief-col-destination-country",
                share: "brief-share-deployments",
                share_column: "brief-col-share-deployments-pct",
                value_column: "brief-col-deployments-persons",
            },
        ));
        out.push(channels(profile, cites));
        out.push(turnover(profile, cites));
    }
    for (key, list) in [
        ("brief-temporary-caption", &l.temporary_inflows),
        ("brief-permanent-caption", &l.permanent_inflows),
    ] {
        if !list.is_empty() {
            out.push(categories(cites, &tf(key, &country()), list));
        }
    }
    out.push(html!("</section>\n"));
    out
}

/// Partners of one year as corridor rows (persons and share), for the corridor block.
fn as_corridors(list: &[PartnerValue]) -> Vec<CorridorStock> {
    list.iter()
        .map(|p| CorridorStock {
            partner: p.partner.clone(),
            partner_name: p.partner_name.clone(),
            year: p.year,
            stock: p.total.clone(),
            share: p.share.clone(),
        })
        .collect()
}

/// The latest year's deployments by channel and skill level, and the re-entry share.
fn channels(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let l = &profile.labour;
    let Some(year) = l.channels.iter().flat_map(|c| &c.values).map(|v| v.year).max() else {
        return Html::new();
    };
    let rows: Vec<Vec<Cell>> = l
        .channels
        .iter()
        .filter_map(|c| {
            let v = c.values.iter().find(|v| v.year == year)?;
            Some(vec![
                Cell::Head(Html::text(&indicator(&c.indicator))),
                num_cell(Some(&v.value), 1),
            ])
        })
        .collect();
    let caption = Html::text(&tf("brief-channels-caption", &[("year", Arg::plain(year))]));
    let mut out = data_table(
        cites,
        "data",
        &caption,
        &[("brief-col-channel", false), ("brief-col-deployments-persons", true)],
        &rows,
    );
    if let Some(share) = &l.reentry_share {
        let text =
            tf("brief-reentry-note", &[("share", Arg::from(words::percent(share.value, 1)))]);
        out.push(html!("<p class=\"note\">{}</p>\n", &text));
    }
    out
}

/// Deployments ÷ stock along the largest corridors.
fn turnover(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let list = &profile.labour.turnover;
    if list.is_empty() {
        return Html::new();
    }
    let rows: Vec<Vec<Cell>> = list
        .iter()
        .map(|r| {
            vec![
                Cell::Head(Html::text(&words::country(&r.partner, &r.partner_name))),
                Cell::Num(html!("{}", r.deployments.year)),
                num_cell(Some(&r.deployments.value), 1),
                Cell::Num(html!("{}", r.stock.year)),
                num_cell(Some(&r.stock.value), 1),
                num_cell(Some(&r.ratio), 1),
            ]
        })
        .collect();
    let mut out =
        html!("<h3>{}</h3>\n<p>{}</p>\n", h("brief-turnover-heading"), h("brief-turnover-intro"));
    out.push(data_table(
        cites,
        "data",
        &Html::text(&t("brief-turnover-heading")),
        &[
            ("brief-col-destination-country", false),
            ("brief-col-year", true),
            ("brief-col-deployments-persons", true),
            ("brief-col-stock-year", true),
            ("brief-col-migrants-persons", true),
            ("brief-col-turnover-pct", true),
        ],
        &rows,
    ));
    out
}

/// Categories of inflows side by side, a row per year.
fn categories(cites: &mut Citations, caption: &str, list: &[CategorySeries]) -> Html {
    let names: Vec<String> = list.iter().map(|c| indicator(&c.indicator)).collect();
    let headers: Vec<&str> = names.iter().map(String::as_str).collect();
    let columns: Vec<&[YearValue]> = list.iter().map(|c| c.values.as_slice()).collect();
    year_table(cites, &Html::text(caption), &headers, &columns)
}

/// An indicator's name in the brief's language.
fn indicator(code: &str) -> String {
    analysis::said::indicator_name(words::lang(), code)
}

/// The "Forced displacement" section.
pub(super) fn displacement(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let d = &profile.displacement;
    let mut out = section_open("displacement", "brief-h-displacement");
    let series: [(&str, &[YearValue]); 5] = [
        ("brief-col-refugees-hosted", &d.refugees_hosted),
        ("brief-col-asylum-seekers-hosted", &d.asylum_seekers_hosted),
        ("brief-col-refugees-abroad", &d.refugees_abroad),
        ("brief-col-asylum-seekers-abroad", &d.asylum_seekers_abroad),
        ("brief-col-idps", &d.idps),
    ];
    if series.iter().all(|(_, s)| s.is_empty()) {
        out.push(no_data("brief-what-displacement"));
        out.push(html!("</section>\n"));
        return out;
    }
    let name = area_name(profile);
    let country = || [("country", Arg::from(name.as_str()))];
    let headers: Vec<&str> = series.iter().map(|(k, _)| *k).collect();
    let columns: Vec<&[YearValue]> = series.iter().map(|(_, s)| *s).collect();
    let caption = Html::text(&tf("brief-displacement-caption", &country()));
    out.push(year_table(cites, &caption, &headers, &columns));
    if !d.top_origins.is_empty() {
        out.push(corridor_block(
            cites,
            "refugee-origins",
            &tf("brief-refugee-origins", &country()),
            &as_corridors(&d.top_origins),
            &CorridorWords {
                what: "brief-what-refugee-origins",
                partner: "brief-col-origin-country",
                share: "brief-share-refugees-hosted",
                share_column: "brief-col-share-refugees-hosted-pct",
                value_column: "brief-col-refugees-persons",
            },
        ));
    }
    if !d.top_asylum.is_empty() {
        out.push(corridor_block(
            cites,
            "refugee-asylum",
            &tf("brief-refugee-asylum", &country()),
            &as_corridors(&d.top_asylum),
            &CorridorWords {
                what: "brief-what-refugee-asylum",
                partner: "brief-col-asylum-country",
                share: "brief-share-refugees-abroad",
                share_column: "brief-col-share-refugees-abroad-pct",
                value_column: "brief-col-refugees-persons",
            },
        ));
    }
    out.push(html!("</section>\n"));
    out
}
