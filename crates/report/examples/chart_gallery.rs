//! Writes an HTML page with every chart of `report::svg`, including the edge cases
//! (one point, missing values, no data, many categories), to the path given as the
//! first argument: `cargo run -p report --example chart_gallery -- /tmp/charts.html`. A
//! second argument names the language the charts write their own words in (`fr`, `es`,
//! `ar`, `en-XA`); in Arabic the page is right to left, as the brief's is.

use report::html;
use report::html::Html;
use report::map::{self, DiasporaMap};
use report::svg::{
    self, Bar, BarChart, FanChart, FanPoint, FanSeries, Interval, IntervalChart, LineChart, Mark,
    NumberStyle, RefLine, ReferenceChart, Series,
};

fn line(id: &str, title: &str, series: Vec<Series>) -> Html {
    svg::line_chart(&LineChart {
        id: id.to_owned(),
        title: title.to_owned(),
        summary: String::new(),
        x_style: NumberStyle::Year,
        y_style: NumberStyle::Compact,
        y_unit: "persons".to_owned(),
        series,
    })
}

fn costs(id: &str, title: &str, mark: Mark, n_items: usize) -> Html {
    let items = (0..n_items)
        .map(|i| Bar {
            label: format!("Sending country {i}"),
            value: 1.5 + (i as f64 * 1.37) % 8.0,
            share_pct: None,
        })
        .collect();
    svg::reference_chart(&ReferenceChart {
        id: id.to_owned(),
        title: title.to_owned(),
        summary: String::new(),
        value_style: NumberStyle::Percent(2),
        value_unit: "% of US$200 sent".to_owned(),
        mark,
        items,
        references: vec![
            RefLine { value: 3.0, label: "SDG target 3%".to_owned() },
            RefLine { value: 5.0, label: "5%".to_owned() },
        ],
    })
}

fn main() -> Result<(), String> {
    let path = std::env::args_os().nth(1).ok_or("usage: chart_gallery <output.html> [lang]")?;
    let lang = match std::env::args().nth(2) {
        Some(code) => i18n::Lang::parse(&code).map_err(|e| e.to_string())?,
        None => i18n::Lang::En,
    };
    let _scope = report::words::Scope::enter(lang);
    let charts = [
        line(
            "line",
            "Several series",
            vec![
                Series {
                    name: "Total".to_owned(),
                    points: vec![
                        (1990.0, 1.2e6),
                        (2000.0, 1.6e6),
                        (2010.0, 2.3e6),
                        (2024.0, 3.1e6),
                    ],
                },
                Series {
                    name: "Female".to_owned(),
                    points: vec![
                        (1990.0, 0.6e6),
                        (2000.0, 0.7e6),
                        (2010.0, f64::NAN),
                        (2024.0, 1.5e6),
                    ],
                },
                Series { name: "Male".to_owned(), points: vec![(1990.0, 0.6e6), (2024.0, 1.6e6)] },
                Series { name: "Other".to_owned(), points: vec![(2005.0, 0.2e6)] },
            ],
        ),
        line(
            "one",
            "One point",
            vec![Series { name: "Total".to_owned(), points: vec![(2020.0, 350_000.0)] }],
        ),
        line("none", "No data", Vec::new()),
        svg::bar_chart(&BarChart {
            id: "bars".to_owned(),
            title: "Bars".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Compact,
            value_unit: "persons".to_owned(),
            bars: vec![
                Bar {
                    label: "A very long country name that goes on".to_owned(),
                    value: 1.25e6,
                    share_pct: Some(45.2),
                },
                Bar { label: "B".to_owned(), value: 350_000.0, share_pct: Some(12.6) },
                Bar { label: "C".to_owned(), value: f64::NAN, share_pct: None },
            ],
        }),
        costs("costs-few", "Costs, bars", Mark::Bar, 4),
        costs("costs-dots", "Costs, dots", Mark::Dot, 6),
        costs("costs-many", "Costs, many corridors", Mark::Bar, 18),
        svg::interval_chart(&IntervalChart {
            id: "mc".to_owned(),
            title: "Intervals".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Compact,
            value_unit: "persons".to_owned(),
            interval_label: "90% interval".to_owned(),
            include_zero: false,
            reference: Some(RefLine { value: 1.0e6, label: "Baseline".to_owned() }),
            rows: vec![
                Interval {
                    label: "Scenario A".to_owned(),
                    point: 1.2e6,
                    lower: 0.95e6,
                    upper: 1.45e6,
                },
                Interval {
                    label: "Scenario B".to_owned(),
                    point: 0.9e6,
                    lower: 0.7e6,
                    upper: 1.05e6,
                },
                Interval {
                    label: "Scenario C".to_owned(),
                    point: 1.05e6,
                    lower: f64::NAN,
                    upper: f64::NAN,
                },
            ],
        }),
        svg::fan_chart(&FanChart {
            id: "fan".to_owned(),
            title: "Remittances by option".to_owned(),
            summary: String::new(),
            x_style: NumberStyle::Year,
            y_style: NumberStyle::Compact,
            y_unit: "USD".to_owned(),
            series: ["Quota 5,000", "Quota 10,000"]
                .iter()
                .enumerate()
                .map(|(k, name)| FanSeries {
                    name: (*name).to_owned(),
                    points: (1..=8)
                        .map(|y| {
                            let m = 1e6 * (1.0 + k as f64) * (1.0 + f64::from(y) / 8.0);
                            FanPoint {
                                x: f64::from(y),
                                p05: m * 0.7,
                                p25: m * 0.85,
                                p50: m,
                                p75: m * 1.15,
                                p95: m * 1.3,
                            }
                        })
                        .collect(),
                })
                .collect(),
        }),
        map::diaspora_map(&DiasporaMap {
            id: "map".to_owned(),
            title: "Where emigrants from the Philippines live".to_owned(),
            description: String::new(),
            origin_m49: Some(608),
            values: vec![
                (840, 2.1e6),
                (682, 7e5),
                (124, 6e5),
                (784, 5e5),
                (392, 3e5),
                (634, 2.5e5),
                (36, 2.7e5),
                (826, 1.5e5),
                (380, 1.7e5),
                (702, 2e5),
                (744, 50.0),
            ],
        }),
    ];
    let mut page = html!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\"><title>Chart gallery</title>\
         <style>body{{font-family:system-ui,sans-serif;margin:1rem}}figure{{margin:0 0 1.5rem}}\
         svg{{max-width:720px;width:100%;height:auto;border:1px dotted #ccc}}</style></head><body>",
        lang.code(),
        lang.dir()
    );
    for chart in charts {
        page.push(html!("<figure>{}</figure>", chart));
    }
    page.push(html!("</body></html>\n"));
    std::fs::write(&path, page.into_string())
        .map_err(|e| format!("cannot write {}: {e}", path.to_string_lossy()))
}
