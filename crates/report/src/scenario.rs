//! The brief's "Policy options" section: Monte Carlo scenario results as charts with
//! intervals (a fan chart per yearly output, an interval chart per total), the baseline
//! values with their sources, and a table of the quantiles.
//!
//! The input is plain data ([`ScenarioResult`]) that `analysis::scenario_run` builds
//! from a scenario run's summary; this module does not know the scenario engine.

use analysis::scenario_run::{BaselineFit, MetricResult, ScenarioResult};
use i18n::Arg;

use crate::html;
use crate::html::Html;
use crate::markup::format_thousands;
use crate::svg::{self, FanChart, FanPoint, FanSeries, Interval, IntervalChart, NumberStyle};
use crate::words;

/// The section's anchor.
pub const ANCHOR: &str = "policy-options";

/// The "Policy options" section for the given runs, in the language being rendered
/// ([`crate::words`]); empty when there are none.
pub fn section(results: &[ScenarioResult]) -> Html {
    if results.is_empty() {
        return Html::new();
    }
    let mut out = html!(
        "<section id=\"{}\" aria-labelledby=\"{}-h\">\n<h2 id=\"{}-h\">{}</h2>\n<p>{}</p>\n",
        ANCHOR,
        ANCHOR,
        ANCHOR,
        words::h("brief-h-options"),
        words::h("brief-scenario-intro")
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

/// The side of the corridor an output concerns (`origin`, `destination`, `migrants`),
/// in the brief's language.
fn side(code: &str) -> String {
    match code {
        "origin" => words::t("brief-scenario-side-origin"),
        "destination" => words::t("brief-scenario-side-destination"),
        "migrants" => words::t("brief-scenario-side-migrants"),
        other => other.to_owned(),
    }
}

/// Header cells of a table, each the message of its key.
fn header(keys: &[&str]) -> Html {
    keys.iter().map(|k| html!("<th scope=\"col\">{}</th>", words::h(k))).collect()
}

fn scenario(out: &mut Html, k: usize, r: &ScenarioResult) {
    let draws = Arg::Number(r.draws as f64, 0);
    let run = words::tf(
        "brief-scenario-run",
        &[
            ("baseline", Arg::from(r.baseline_label.as_str())),
            ("draws", draws.clone()),
            ("seed", Arg::plain(r.seed)),
            ("run", Arg::from(r.fingerprint.as_str())),
        ],
    );
    out.push(html!(
        "<h3>{}</h3>\n<p>{}</p>\n<p class=\"run\">{}</p>\n",
        &r.name,
        &r.description,
        &run
    ));
    if !r.baseline.is_empty() {
        let caption =
            words::tf("brief-scenario-baseline-caption", &[("name", Arg::from(r.name.as_str()))]);
        let head = header(&[
            "brief-scenario-col-value",
            "brief-scenario-col-amount",
            "brief-scenario-col-unit",
            "brief-scenario-col-source",
        ]);
        out.push(html!("<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\"><table class=\"baseline\">\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>\n", crate::brief::scrolls(), &caption, head));
        for b in &r.baseline {
            out.push(html!("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n", &b.key, format_thousands(b.value, if b.value.abs() < 100.0 { 2 } else { 0 }), &b.unit, &b.source));
        }
        out.push(html!("</tbody>\n</table>\n</div>\n"));
    }
    if let Some(fit) = &r.fit {
        baseline_fit(out, r, fit);
    }
    for (m, metric) in r.metrics.iter().enumerate() {
        let id = format!("scenario-{k}-{m}-{}", metric.name);
        let title = words::tf(
            "brief-scenario-chart-title",
            &[("title", Arg::from(metric.title.as_str())), ("side", Arg::from(side(&metric.side)))],
        );
        let is_series = metric.options.iter().any(|o| o.points.iter().any(|p| p.year.is_some()));
        out.push(html!("<figure>\n"));
        out.push(if is_series { fan(metric, id, &title) } else { intervals(metric, id, &title) });
        let args = [
            ("title", Arg::from(title.as_str())),
            ("draws", draws.clone()),
            ("run", Arg::from(r.fingerprint.as_str())),
            ("seed", Arg::plain(r.seed)),
        ];
        let caption = if is_series {
            words::tf("brief-scenario-caption-series", &args)
        } else {
            words::tf("brief-scenario-caption", &args)
        };
        out.push(html!("<figcaption>{}</figcaption>\n</figure>\n", &caption));
    }
    totals_table(out, r);
}

/// A calibrated run's baseline against what is observed, before any option: each
/// target observed (with its source) and as this run's baseline option gives it, then
/// the parameters fitted to them.
fn baseline_fit(out: &mut Html, r: &ScenarioResult, fit: &BaselineFit) {
    let caption = words::tf(
        "brief-scenario-fit-caption",
        &[("name", Arg::from(r.name.as_str())), ("option", Arg::from(fit.option.as_str()))],
    );
    let head = header(&[
        "brief-scenario-col-output",
        "brief-scenario-col-observed",
        "brief-scenario-col-median",
        "brief-scenario-col-p05",
        "brief-scenario-col-p95",
        "brief-scenario-col-gap",
        "brief-scenario-col-unit",
        "brief-scenario-col-source",
    ]);
    out.push(html!("<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\"><table class=\"baseline fit\">\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>\n", crate::brief::scrolls(), &caption, head));
    for o in &fit.observed {
        let name = match o.year {
            Some(y) => words::tf(
                "brief-scenario-fit-output-year",
                &[("output", Arg::from(o.output.as_str())), ("year", Arg::plain(y))],
            ),
            None => o.output.clone(),
        };
        let gap = (o.modelled[1] / o.observed - 1.0) * 100.0;
        let n = |x: f64| format_thousands(x, if x.abs() < 100.0 { 2 } else { 0 });
        out.push(html!(
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
            &name,
            n(o.observed),
            n(o.modelled[1]),
            n(o.modelled[0]),
            n(o.modelled[2]),
            format!("{gap:+.1} %"),
            &o.unit,
            &o.source
        ));
    }
    out.push(html!("</tbody>\n</table>\n</div>\n"));
    let fitted: Vec<String> = fit
        .fitted
        .iter()
        .map(|f| {
            words::tf(
                "brief-scenario-fit-parameter",
                &[
                    ("name", Arg::from(f.name.as_str())),
                    ("median", Arg::plain(sig(f.posterior[1]))),
                    ("low", Arg::plain(sig(f.posterior[0]))),
                    ("high", Arg::plain(sig(f.posterior[2]))),
                    ("min", Arg::plain(f.prior[0])),
                    ("max", Arg::plain(f.prior[1])),
                ],
            )
        })
        .collect();
    let note = words::tf(
        "brief-scenario-fit-note",
        &[
            ("tolerance", Arg::Number(fit.tolerance * 100.0, 0)),
            ("parameters", Arg::from(fitted.join("; ").as_str())),
        ],
    );
    out.push(html!("<p class=\"fit-note\">{}</p>\n", &note));
}

/// Four significant digits.
fn sig(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return format!("{x}");
    }
    let decimals = (3 - x.abs().log10().floor() as i32).clamp(0, 12) as usize;
    format_thousands(x, decimals)
}

/// The fan chart of an output over the years of the policy.
fn fan(metric: &MetricResult, id: String, title: &str) -> Html {
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
    svg::fan_chart(&FanChart {
        id,
        title: title.to_owned(),
        summary: String::new(),
        x_style: NumberStyle::Year,
        y_style: style_for(&metric.unit),
        y_unit: metric.unit.clone(),
        series,
    })
}

/// The interval chart of a total: each option's median with its 90 % interval.
fn intervals(metric: &MetricResult, id: String, title: &str) -> Html {
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
    svg::interval_chart(&IntervalChart {
        id,
        title: title.to_owned(),
        summary: words::t("brief-scenario-interval-summary"),
        value_style: style_for(&metric.unit),
        value_unit: metric.unit.clone(),
        interval_label: words::t("brief-scenario-interval-label"),
        include_zero: true,
        reference: None,
        rows,
    })
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
    let caption =
        words::tf("brief-scenario-totals-caption", &[("name", Arg::from(r.name.as_str()))]);
    let head = header(&[
        "brief-scenario-col-output",
        "brief-scenario-col-option",
        "brief-scenario-col-unit",
        "brief-scenario-col-mean",
        "brief-scenario-col-median",
        "brief-scenario-col-p05",
        "brief-scenario-col-p95",
    ]);
    out.push(html!("<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\"><table class=\"quantiles\">\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>\n", crate::brief::scrolls(), &caption, head));
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
            fit: None,
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

    #[test]
    fn the_section_speaks_the_briefs_language() {
        let spanish = {
            let _es = crate::words::Scope::enter(i18n::Lang::Es);
            section(&[result()]).into_string()
        };
        assert!(spanish.contains("<h2 id=\"policy-options-h\">Opciones de política</h2>"));
        assert!(spanish.contains("1000 extracciones, semilla 7"), "{spanish}");
        assert!(spanish.contains("Remittances (origen)"), "{spanish}");
        assert!(spanish.contains("<th scope=\"col\">Mediana</th>"));
        assert!(spanish.contains("intervalo del 90\u{a0}%"), "{spanish}");
        let arabic = {
            let _ar = crate::words::Scope::enter(i18n::Lang::Ar);
            section(&[result()]).into_string()
        };
        assert!(arabic.contains("خيارات السياسات") && arabic.contains("(بلد المقصد)"));
        for english in ["Baseline", "draws", "Median", "interval"] {
            assert!(!arabic.contains(english), "{english} in {arabic}");
        }
    }
}
