//! The brief's "Labour migration" and "Forced displacement" sections
//! ([`analysis::labour`]): deployments of nationals by year and destination, their
//! channels and turnover beside the stock, temporary and permanent-type inflows by
//! category; refugees and asylum-seekers hosted and abroad, and where they come from
//! and go. A country with none of these data says so and points to the data gaps.
//!
//! Each series by year with at least [`MIN_YEARS`] years is drawn as a line chart (the
//! deployments; the inflows by category, one line per category; the five displacement
//! series), and each list of partners as a bar chart with shares; every chart is
//! followed by its table, which carries the sources.

use analysis::labour::{CategorySeries, PartnerValue};
use analysis::profile::{CorridorStock, CountryProfile, YearValue};
use i18n::Arg;

use super::{
    Cell, Citations, CorridorWords, area_name, chart_caption, corridor_block, data_table, figure,
    figures, no_data, num_cell, section_open, sourced_series, year_table,
};
use crate::html;
use crate::html::Html;
use crate::svg::{self, LineChart, NumberStyle};
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
        let title = tf("brief-deployments-caption", &country());
        out.push(year_chart(
            cites,
            "deployments-by-year",
            &title,
            &t("brief-deployments-summary"),
            vec![(t("brief-series-deployments"), &l.deployments)],
        ));
        let caption = Html::text(&title);
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
        out.push(by_sex(profile, cites));
        out.push(channels(profile, cites));
        out.push(turnover(profile, cites));
    }
    for (id, key, list) in [
        ("temporary-inflows", "brief-temporary-caption", &l.temporary_inflows),
        ("permanent-inflows", "brief-permanent-caption", &l.permanent_inflows),
    ] {
        if !list.is_empty() {
            out.push(categories(cites, id, &tf(key, &country()), list));
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

/// The latest year's deployments to each destination by sex, where the source splits
/// them; nothing when it does not.
fn by_sex(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let list = &profile.labour.top_destinations;
    if list.iter().all(|p| p.male.is_none() && p.female.is_none()) {
        return Html::new();
    }
    let rows: Vec<Vec<Cell>> = list
        .iter()
        .map(|p| {
            vec![
                Cell::Head(Html::text(&words::country(&p.partner, &p.partner_name))),
                Cell::Num(html!("{}", p.year)),
                num_cell(p.male.as_ref(), 1),
                num_cell(p.female.as_ref(), 1),
                num_cell(Some(&p.total), 1),
            ]
        })
        .collect();
    let name = area_name(profile);
    let caption = tf("brief-deployments-by-sex-caption", &[("country", Arg::from(name.as_str()))]);
    data_table(
        cites,
        "data",
        &Html::text(&caption),
        &[
            ("brief-col-destination-country", false),
            ("brief-col-year", true),
            ("brief-col-male-persons", true),
            ("brief-col-female-persons", true),
            ("brief-col-deployments-persons", true),
        ],
        &rows,
    )
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
    out.push(channels_rest(profile, year));
    out
}

/// The deployments of `year` in no channel shown (Nepal's permits of workers legalised
/// abroad, which no channel indicator holds): the total less the channels, said when the
/// channels do not add up to the total, so that the table is not read as complete.
fn channels_rest(profile: &CountryProfile, year: i32) -> Html {
    let l = &profile.labour;
    let Some(total) = l.deployments.iter().find(|d| d.year == year) else { return Html::new() };
    let shown: Vec<f64> = l
        .channels
        .iter()
        .filter(|c| analysis::labour::CHANNELS.iter().any(|i| i.code == c.indicator))
        .filter_map(|c| c.values.iter().find(|v| v.year == year).map(|v| v.value.value))
        .collect();
    let rest = total.value.value - shown.iter().sum::<f64>();
    if shown.is_empty() || rest < 0.5 {
        return Html::new();
    }
    let args = [
        ("rest", Arg::from(words::number(rest, 0))),
        ("total", Arg::from(words::number(total.value.value, 0))),
    ];
    html!("<p class=\"note\">{}</p>\n", &tf("brief-channels-rest", &args))
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

/// Categories of inflows: a line per category (when one has [`MIN_YEARS`] years), then
/// the categories side by side in a table, a row per year.
fn categories(cites: &mut Citations, id: &str, caption: &str, list: &[CategorySeries]) -> Html {
    let names: Vec<String> = list.iter().map(|c| indicator(&c.indicator)).collect();
    let lines = names.iter().cloned().zip(list.iter().map(|c| c.values.as_slice())).collect();
    let mut out = year_chart(cites, id, caption, &t("brief-inflows-summary"), lines);
    let headers: Vec<&str> = names.iter().map(String::as_str).collect();
    let columns: Vec<&[YearValue]> = list.iter().map(|c| c.values.as_slice()).collect();
    out.push(year_table(cites, &Html::text(caption), &headers, &columns));
    out
}

/// A series is drawn as a line from this many years on; a single year is a table only.
pub(super) const MIN_YEARS: usize = 2;

/// A line chart of persons by year, one line per named series (series without values
/// are left out), in a figure whose caption points to the table below; nothing when no
/// series has [`MIN_YEARS`] years. A series whose dataset changes is drawn in parts,
/// each named with its source's number, as the other charts of the brief do.
fn year_chart(
    cites: &mut Citations,
    id: &str,
    title: &str,
    summary: &str,
    series: Vec<(String, &[YearValue])>,
) -> Html {
    if !series.iter().any(|(_, values)| values.len() >= MIN_YEARS) {
        return Html::new();
    }
    let parts = series
        .into_iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(name, values)| (name, figures(values)))
        .collect();
    let (mut lines, broken) = sourced_series(cites, parts);
    for line in &mut lines {
        break_at_missing_years(&mut line.points);
    }
    let chart = svg::line_chart(&LineChart {
        id: format!("chart-{id}"),
        title: title.to_owned(),
        summary: summary.to_owned(),
        x_style: NumberStyle::Year,
        y_style: NumberStyle::Compact,
        y_unit: t("brief-unit-persons"),
        series: lines,
    });
    let caption = tf("brief-labour-chart-caption", &[("title", Arg::from(title))]);
    figure(&chart, &chart_caption(caption, broken))
}

/// Flows are yearly: a year missing between two published years breaks the line (a
/// point without value), so that no line is drawn across years nobody published.
fn break_at_missing_years(points: &mut Vec<(f64, f64)>) {
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let gaps: Vec<f64> =
        points.windows(2).filter(|w| w[1].0 - w[0].0 > 1.0).map(|w| w[0].0 + 1.0).collect();
    points.extend(gaps.into_iter().map(|x| (x, f64::NAN)));
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
    let title = tf("brief-displacement-caption", &country());
    let lines = series.iter().map(|(key, values)| (t(key), *values)).collect();
    let summary = t("brief-displacement-summary");
    out.push(year_chart(cites, "displacement-by-year", &title, &summary, lines));
    out.push(year_table(cites, &Html::text(&title), &headers, &columns));
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

#[cfg(test)]
mod tests {
    use analysis::labour::{CategorySeries, Displacement, LabourMigration, PartnerValue};
    use analysis::profile::{CountryProfile, ProfileArea, Source, Value, YearValue};
    use domain::Unit;
    use i18n::Lang;

    use super::break_at_missing_years;
    use crate::brief::{BriefOptions, Colophon, render};
    use crate::svg::labels::assert_no_collisions;

    /// A value of `unit` read from row `row` of a demo table.
    fn value(v: f64, unit: Unit, row: u32) -> Value {
        Value {
            value: v,
            unit,
            source: Source {
                dataset_id: 1,
                dataset: "Demo labour and displacement tables".to_owned(),
                publisher: "Demo Office".to_owned(),
                cell: Some(format!("demo.csv, row {row}, column C")),
                derivation: None,
            },
            choice: None,
        }
    }

    /// Persons over `years`, growing from `base`.
    fn series(years: std::ops::Range<i32>, base: f64) -> Vec<YearValue> {
        years
            .enumerate()
            .map(|(i, year)| YearValue {
                year,
                value: value(base * (1.0 + 0.3 * i as f64), Unit::Persons, 2 + i as u32),
            })
            .collect()
    }

    fn category(code: &str, base: f64) -> CategorySeries {
        CategorySeries { indicator: code.to_owned(), values: series(2015..2024, base) }
    }

    fn partner(code: &str, name: &str, persons: f64) -> PartnerValue {
        PartnerValue {
            partner: code.to_owned(),
            partner_name: name.to_owned(),
            year: 2023,
            total: value(persons, Unit::Persons, 50),
            male: None,
            female: None,
            share: value(persons / 1_000.0, Unit::Percent, 51),
        }
    }

    /// A profile with every series charted: nine years of deployments, all six
    /// categories of temporary inflows (the longest legend), the five displacement
    /// series and partners with long names.
    fn profile(years: std::ops::Range<i32>) -> CountryProfile {
        let temporary = [
            "temporary_inflow_seasonal",
            "temporary_inflow_working_holiday",
            "temporary_inflow_intra_company",
            "temporary_inflow_trainees",
            "temporary_inflow_other_workers",
            "temporary_inflow_students",
        ];
        let partners = vec![
            partner("PHL", "Philippines", 41_300.0),
            partner("XEE", "Estravia and the Northern Isles", 9_875.0),
        ];
        CountryProfile {
            area: ProfileArea {
                iso3: "NPL".to_owned(),
                m49: None,
                name: "Nepal".to_owned(),
                fictional: false,
            },
            labour: LabourMigration {
                deployments: series(years.clone(), 354_000.0),
                top_destinations: partners.clone(),
                temporary_inflows: temporary
                    .iter()
                    .enumerate()
                    .map(|(i, code)| category(code, 1_000.0 * (i + 1) as f64))
                    .collect(),
                ..LabourMigration::default()
            },
            displacement: Displacement {
                refugees_hosted: series(years.clone(), 19_500.0),
                refugees_abroad: series(years.clone(), 7_200.0),
                asylum_seekers_hosted: series(years.clone(), 310.0),
                asylum_seekers_abroad: series(years.clone(), 1_450.0),
                idps: series(years, 52_000.0),
                top_origins: partners.clone(),
                top_asylum: partners,
            },
            ..CountryProfile::default()
        }
    }

    /// The `<svg>` of the chart with element id `id`, if the page has it.
    fn chart<'a>(html: &'a str, id: &str) -> Option<&'a str> {
        let at = html.find(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\""))?;
        let svg = &html[at..];
        Some(&svg[..svg.find("</svg>")? + "</svg>".len()])
    }

    const CHARTS: [&str; 6] = [
        "chart-deployments-by-year",
        "chart-deployments",
        "chart-temporary-inflows",
        "chart-displacement-by-year",
        "chart-refugee-origins",
        "chart-refugee-asylum",
    ];

    #[test]
    fn the_charts_keep_their_texts_apart_in_every_language() {
        let options = || BriefOptions::new(Colophon::at(1_796_601_600, "0.0.0-test"));
        for lang in Lang::OFFERED {
            let html = render(&profile(2015..2024), &options().in_lang(lang));
            for id in CHARTS {
                let svg = chart(&html, id).unwrap_or_else(|| panic!("{lang}: no {id}"));
                assert_no_collisions(svg);
            }
            // One line per category and per displacement series.
            let lines = |id| chart(&html, id).map(|s| s.matches("<g class=\"series\"").count());
            assert_eq!(lines("chart-temporary-inflows"), Some(6), "{lang}");
            assert_eq!(lines("chart-displacement-by-year"), Some(5), "{lang}");
        }
    }

    #[test]
    fn a_missing_year_breaks_the_line() {
        let mut points: Vec<(f64, f64)> =
            vec![(2014.0, 5.0), (2013.0, 4.0), (2020.0, 1.0), (2021.0, 2.0)];
        break_at_missing_years(&mut points);
        let xs: Vec<f64> = points.iter().map(|p| p.0).collect();
        assert_eq!(xs, [2013.0, 2014.0, 2020.0, 2021.0, 2015.0]);
        assert!(points[4].1.is_nan());
    }

    #[test]
    fn one_year_of_deployments_is_not_charted() {
        let options = BriefOptions::new(Colophon::at(1_796_601_600, "0.0.0-test"));
        let html = render(&profile(2023..2024), &options);
        assert!(chart(&html, "chart-deployments-by-year").is_none());
        assert!(chart(&html, "chart-displacement-by-year").is_none());
        assert!(chart(&html, "chart-deployments").is_some(), "the destinations stay a bar chart");
        let html = render(&profile(2022..2024), &options);
        assert!(chart(&html, "chart-deployments-by-year").is_some());
    }
}
