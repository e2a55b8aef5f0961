//! The brief's "Policy options" section: Monte Carlo scenario results as charts with
//! intervals (a fan chart per yearly output, an interval chart per total), the baseline
//! values with their sources, and a table of the quantiles.
//!
//! The input is plain data ([`ScenarioResult`]) that `analysis::scenario_run` builds
//! from a scenario run's summary; this module does not know the scenario engine.

use analysis::scenario_run::{MetricResult, ScenarioResult};

use crate::html;
use crate::html::Html;
use crate::markup::format_thousands;
use crate::svg::{self, FanChart, FanPoint, FanSeries, Interval, IntervalChart, NumberStyle};

/// The section's anchor.
pub const ANCHOR: &str = "policy-options";

/// The "Policy options" section for the given runs; empty when there are none.
pub fn section(results: &[ScenarioResult]) -> Html {
    if results.is_empty() {
        return Html::new();
    }
    let mut out = html!(
        "<section id=\"{}\" aria-labelledby=\"{}-h\">\n<h2 id=\"{}-h\">Policy options</h2>\n\
         <p>Effects of policy options simulated by Monte Carlo: each chart shows the median over the draws \
         and, shaded or as whiskers, the 50&#8239;% and 90&#8239;% intervals (5th to 95th percentile). \
         The intervals express the uncertainty of the parameters stated in the scenario file; \
         options were simulated on the same draws, so their differences are not blurred by sampling noise.</p>\n",
        ANCHOR,
        ANCHOR,
        ANCHOR
    );
    for (k, r) in results.iter().enumerate() {
        scenario(&mut out, k, r);
    }
    out.push(html!("</section>\n"));
    out
}

fn style_for(unit: &str) -> NumberStyle {
    let u = unit.to_ascii_lowercase();
    if u.contains("percent") || u == "%" { NumberStyle::Percent(1) } else { NumberStyle::Compact }
}

fn scenario(out: &mut Html, k: usize, r: &ScenarioResult) {
    out.push(html!(
        "<h3>{}</h3>\n<p>{}</p>\n<p class=\"run\">Baseline: {}. {} draws, seed {}, run {}.</p>\n",
        &r.name,
        &r.description,
        &r.baseline_label,
        format_thousands(r.draws as f64, 0),
        r.seed,
        &r.fingerprint
    ));
    if !r.baseline.is_empty() {
        out.push(html!("<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\"><table class=\"baseline\">\n<caption>Baseline values of “{}”</caption>\n<thead><tr><th scope=\"col\">Value</th><th scope=\"col\">Amount</th><th scope=\"col\">Unit</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n", crate::brief::scrolls(), &r.name));
        for b in &r.baseline {
            out.push(html!("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n", &b.key, format_thousands(b.value, if b.value.abs() < 100.0 { 2 } else { 0 }), &b.unit, &b.source));
        }
        out.push(html!("</tbody>\n</table>\n</div>\n"));
    }
    for (m, metric) in r.metrics.iter().enumerate() {
        let id = format!("scenario-{k}-{m}-{}", metric.name);
        let title = format!("{} ({})", metric.title, metric.side);
        let style = style_for(&metric.unit);
        let is_series = metric.options.iter().any(|o| o.points.iter().any(|p| p.year.is_some()));
        out.push(html!("<figure>\n"));
        if is_series {
            let series = metric
                .options
                .iter()
                .map(|o| FanSeries {
                    name: o.option.clone(),
                    points: o
                        .points
                        .iter()
                        .filter_map(|p| {
                            p.year.map(|y| FanPoint {
                                x: f64::from(y),
                                p05: p.p05,
                                p25: p.p25,
                                p50: p.p50,
                                p75: p.p75,
                                p95: p.p95,
                            })
                        })
                        .collect(),
                })
                .collect();
            out.push(svg::fan_chart(&FanChart {
                id,
                title: title.clone(),
                summary: String::new(),
                x_style: NumberStyle::Year,
                y_style: style,
                y_unit: metric.unit.clone(),
                series,
            }));
        } else {
            let rows = metric
                .options
                .iter()
                .filter_map(|o| {
                    o.points.first().map(|p| Interval {
                        label: o.option.clone(),
                        point: p.p50,
                        lower: p.p05,
                        upper: p.p95,
                    })
                })
                .collect();
            out.push(svg::interval_chart(&IntervalChart {
                id,
                title: title.clone(),
                summary: "Median over the draws with the 90% interval.".to_owned(),
                value_style: style,
                value_unit: metric.unit.clone(),
                interval_label: "90% interval".to_owned(),
                include_zero: true,
                reference: None,
                rows,
            }));
        }
        let axis = if is_series {
            " Horizontal axis: year of the policy (1 = its first year)."
        } else {
            ""
        };
        out.push(html!("<figcaption>{}: median and intervals over {} draws.{} Source: Coherence scenario run {} (seed {}).</figcaption>\n</figure>\n", &title, format_thousands(r.draws as f64, 0), axis, &r.fingerprint, r.seed));
    }
    totals_table(out, r);
}

/// A table of the scalar outputs: mean, median and 90 % interval per option.
fn totals_table(out: &mut Html, r: &ScenarioResult) {
    let scalars: Vec<&MetricResult> = r
        .metrics
        .iter()
        .filter(|m| m.options.iter().all(|o| o.points.iter().all(|p| p.year.is_none())))
        .collect();
    if scalars.is_empty() {
        return;
    }
    out.push(html!("<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\"><table class=\"quantiles\">\n<caption>Totals of “{}” over the draws</caption>\n<thead><tr><th scope=\"col\">Output</th><th scope=\"col\">Option</th><th scope=\"col\">Unit</th><th scope=\"col\">Mean</th><th scope=\"col\">Median</th><th scope=\"col\">5th pct.</th><th scope=\"col\">95th pct.</th></tr></thead>\n<tbody>\n", crate::brief::scrolls(), &r.name));
    for m in scalars {
        for o in &m.options {
            if let Some(p) = o.points.first() {
                let f = |v: f64| {
                    if v.abs() < 100.0 { format_thousands(v, 2) } else { format_thousands(v, 0) }
                };
                out.push(html!("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n", &m.title, &o.option, &m.unit, f(p.mean), f(p.p50), f(p.p05), f(p.p95)));
            }
        }
    }
    out.push(html!("</tbody>\n</table>\n</div>\n"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use analysis::scenario_run::{BaselineRow, OptionResult, Quantiles};

    fn q(year: Option<i32>, m: f64) -> Quantiles {
        Quantiles { year, mean: m, p05: m * 0.8, p25: m * 0.9, p50: m, p75: m * 1.1, p95: m * 1.2 }
    }

    fn result() -> ScenarioResult {
        ScenarioResult {
            name: "Circular scheme".to_owned(),
            description: "Two quotas <compared>".to_owned(),
            baseline_label: "Aland → Borduria, 2020".to_owned(),
            baseline: vec![BaselineRow {
                key: "corridor_stock".to_owned(),
                value: 874_797.0,
                unit: "persons".to_owned(),
                source: "demo stocks.csv, row 5".to_owned(),
            }],
            draws: 1000,
            seed: 7,
            fingerprint: "abc123".to_owned(),
            metrics: vec![
                MetricResult {
                    name: "remittances".to_owned(),
                    title: "Remittances".to_owned(),
                    unit: "USD".to_owned(),
                    side: "origin".to_owned(),
                    options: vec![OptionResult {
                        option: "Quota 5,000".to_owned(),
                        points: vec![q(Some(2021), 1e6), q(Some(2022), 2e6)],
                    }],
                },
                MetricResult {
                    name: "irregular_total".to_owned(),
                    title: "Irregular stays".to_owned(),
                    unit: "persons".to_owned(),
                    side: "destination".to_owned(),
                    options: vec![
                        OptionResult {
                            option: "Quota 5,000".to_owned(),
                            points: vec![q(None, 120.0)],
                        },
                        OptionResult {
                            option: "Quota 10,000".to_owned(),
                            points: vec![q(None, 250.0)],
                        },
                    ],
                },
            ],
        }
    }

    #[test]
    fn section_has_headings_charts_with_text_alternatives_and_sources() {
        let html = section(&[result()]).into_string();
        assert!(html.contains("<h2 id=\"policy-options-h\">Policy options</h2>"));
        assert!(html.contains("<h3>Circular scheme</h3>"));
        assert!(html.contains("Two quotas &lt;compared&gt;"), "escaped");
        assert!(html.contains("class=\"band90\""), "a fan chart for the series");
        assert!(html.contains("Quota 10,000: 250 (200–300)") || html.contains("Quota 10,000"));
        assert!(html.contains("demo stocks.csv, row 5"), "baseline sources shown");
        assert!(html.contains("<th scope=\"col\">Median</th>"));
        assert_eq!(html.matches("role=\"img\"").count(), 2);
        assert_eq!(html, section(&[result()]).into_string(), "deterministic");
        assert!(section(&[]).is_empty());
    }
}
