//! The reference chart: one value per category compared with reference lines (remittance
//! costs against the SDG 10.c target of 3 %, for example).
//!
//! Its labels are laid out from their measured widths ([`super::labels`]), never from
//! fixed offsets, so that no two labels overlap whatever the language:
//!
//! * **Columns** when every category's value label fits above its column and its name
//!   fits under it on at most two lines. Reference-line labels are in the right margin,
//!   moved apart vertically when two lines are close ([`labels::spread`]).
//! * **Rows** (a horizontal chart) otherwise: one row per category, its name on the left
//!   (shortened to a third of the width, the full name in a tooltip), its value after the
//!   mark. Reference-line labels are above the plot, stacked into as many rows as needed
//!   so that none overlaps another ([`labels::rows_for`]).

use super::labels::{self, LINE_EM};
use super::{
    ABOVE, BELOW, Bar, Direction, GRID, HALO, MUTED, NumberStyle, Swatch, TEXT, WIDTH, bars_desc,
    describe, empty, item_text, join_list, legend, n, nice_ticks, open, text_width, tick_labels,
    x_axis, y_axis,
};
use crate::html;
use crate::html::Html;
use crate::markup::sanitize_id;
use crate::words;
use i18n::Arg;

/// A reference line, such as a target.
#[derive(Clone, Debug, PartialEq)]
pub struct RefLine {
    /// The value at which the line is drawn.
    pub value: f64,
    /// Its label, e.g. "SDG target 3%".
    pub label: String,
}

/// How the values of a [`ReferenceChart`] are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// A bar from zero.
    Bar,
    /// A dot at the value.
    Dot,
}

/// Categories with one value each, compared with reference lines: remittance costs
/// against the SDG 10.c target of 3 % and the 5 % line, for example. Marks above the
/// lowest reference line are drawn in vermillion, the others in bluish green, and every
/// mark is labelled with its value. Drawn as columns when the labels fit, else as rows.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceChart {
    /// The element id. Unique per page.
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// An optional sentence put before the data in the text alternative.
    pub summary: String,
    /// How values are written.
    pub value_style: NumberStyle,
    /// The unit of the values, shown with the axis.
    pub value_unit: String,
    /// Bars or dots.
    pub mark: Mark,
    /// The categories, in order (left to right, or top to bottom). `share_pct` is ignored.
    pub items: Vec<Bar>,
    /// The reference lines.
    pub references: Vec<RefLine>,
}

/// Font size of every label of the chart.
const SIZE: f64 = 12.0;
/// Height of the plot of the column layout.
const PLOT_H: f64 = 220.0;
/// Height of one row of the row layout.
const ROW_H: f64 = 22.0;

/// The text alternative's data of a [`ReferenceChart`]: the reference lines, the
/// values, and how many are above the lowest line.
fn reference_data(chart: &ReferenceChart, refs: &[&RefLine], threshold: f64) -> String {
    let ref_text: Vec<String> = refs
        .iter()
        .map(|r| {
            words::tf(
                "brief-chart-reference-at",
                &[
                    ("label", Arg::from(r.label.as_str())),
                    ("value", Arg::from(chart.value_style.full(r.value))),
                ],
            )
        })
        .collect();
    let mut data = bars_desc(&chart.items, chart.value_style, &chart.value_unit);
    if !ref_text.is_empty() {
        let lines =
            words::tf("brief-chart-reference-lines", &[("lines", Arg::from(join_list(&ref_text)))]);
        data = format!("{lines} {data}");
        if threshold.is_finite() && !chart.items.is_empty() {
            let above =
                chart.items.iter().filter(|b| b.value.is_finite() && b.value > threshold).count();
            let count = words::tf(
                "brief-chart-above-count",
                &[
                    ("above", Arg::from(above)),
                    ("total", Arg::from(chart.items.len())),
                    ("threshold", Arg::from(chart.value_style.full(threshold))),
                ],
            );
            data.push_str(&format!(" {count}"));
        }
    }
    data
}

/// The label written for an item's value: its short form, or "n/a".
fn value_text(item: &Bar, style: NumberStyle) -> String {
    if item.value.is_finite() { style.short(item.value) } else { words::t("brief-not-available") }
}

/// What both layouts share: the chart, its finite reference lines, the threshold (the
/// lowest line) and the legend entries.
struct Common<'a> {
    chart: &'a ReferenceChart,
    id: String,
    desc: String,
    refs: Vec<&'a RefLine>,
    threshold: f64,
    entries: Vec<(String, Swatch)>,
    values: Vec<String>,
    direction: Direction,
}

impl Common<'_> {
    /// The value range to show: zero, every finite value and every reference line.
    fn range(&self) -> (f64, f64) {
        self.chart
            .items
            .iter()
            .map(|b| b.value)
            .chain(self.refs.iter().map(|r| r.value))
            .filter(|v| v.is_finite())
            .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)))
    }

    /// The fill of a mark of `value`.
    fn fill(&self, value: f64) -> &'static str {
        if self.threshold.is_finite() && value > self.threshold { ABOVE } else { BELOW }
    }

    /// The tooltip of an item's mark.
    fn tip(&self, item: &Bar) -> String {
        item_text(&item.label, &self.chart.value_style.full(item.value))
    }
}

/// Draws a [`ReferenceChart`] in the direction of the language being rendered
/// ([`Direction::current`]).
pub fn reference_chart(chart: &ReferenceChart) -> Html {
    reference_chart_in(chart, Direction::current())
}

/// Draws a [`ReferenceChart`] in the given direction: right to left puts the value axis
/// on the right and runs the categories (or the values, in rows) from right to left.
pub fn reference_chart_in(chart: &ReferenceChart, direction: Direction) -> Html {
    let id = sanitize_id(&chart.id);
    let refs: Vec<&RefLine> = chart.references.iter().filter(|r| r.value.is_finite()).collect();
    let threshold = refs.iter().map(|r| r.value).fold(f64::INFINITY, f64::min);
    let desc = describe(&chart.summary, &reference_data(chart, &refs, threshold));
    if chart.items.is_empty() {
        return empty(&id, &chart.title, &desc, WIDTH);
    }
    let entries: Vec<(String, Swatch)> = if threshold.is_finite() {
        let name =
            refs.iter().min_by(|a, b| a.value.total_cmp(&b.value)).map_or("", |r| r.label.as_str());
        vec![
            (words::tf("brief-chart-above", &[("name", Arg::from(name))]), Swatch::Fill(ABOVE)),
            (
                words::tf("brief-chart-at-or-below", &[("name", Arg::from(name))]),
                Swatch::Fill(BELOW),
            ),
        ]
    } else {
        Vec::new()
    };
    let values = chart.items.iter().map(|b| value_text(b, chart.value_style)).collect();
    let common = Common { chart, id, desc, refs, threshold, entries, values, direction };
    columns(&common).unwrap_or_else(|| rows(&common))
}

/// The legend at the top of the chart, across `[x0, x0 + width]`; its markup and height.
fn top_legend(common: &Common<'_>, x0: f64, width: f64) -> (Html, f64) {
    if common.entries.is_empty() {
        (Html::new(), 0.0)
    } else {
        legend(&common.entries, (x0, 14.0), width, common.direction)
    }
}

/// Ticks for values in `[lo, hi]` whose top leaves `headroom` user units above the
/// highest value on a plot `plot_h` high.
fn ticks_with_headroom(lo: f64, hi: f64, plot_h: f64, headroom: f64) -> super::Ticks {
    let span = (hi - lo).max(f64::EPSILON);
    nice_ticks(lo, hi + span * headroom / (plot_h - headroom).max(1.0), 5)
}

/// The column layout, or `None` when a value or category label would not fit its
/// column.
fn columns(common: &Common<'_>) -> Option<Html> {
    let chart = common.chart;
    let (lo, hi) = common.range();
    // The value label (a line and a gap) must fit above the highest column.
    let ticks = ticks_with_headroom(lo, hi, PLOT_H, LINE_EM * SIZE + 8.0);
    let tick_text = tick_labels(&ticks, chart.value_style);
    let tick_w = tick_text.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let ref_w = common.refs.iter().map(|r| text_width(&r.label)).fold(0.0, f64::max);
    // Outer margins: the value axis on one side, the reference labels on the other.
    let axis_margin = (tick_w + 14.0).max(40.0);
    let ref_margin = ref_w.max(16.0) + 12.0;
    let plot_w = WIDTH - axis_margin - ref_margin;
    let cat_w = plot_w / chart.items.len() as f64;
    let room = cat_w - 6.0;
    let fits = common.values.iter().all(|v| text_width(v) <= room)
        && chart.items.iter().all(|b| labels::wraps_within(&b.label, room, SIZE, 2));
    if !fits || plot_w < 120.0 {
        return None;
    }
    let rtl = common.direction == Direction::Rtl;
    let (left, right) =
        if rtl { (ref_margin, WIDTH - axis_margin) } else { (axis_margin, WIDTH - ref_margin) };
    let (legend_svg, legend_h) = top_legend(common, left, right - left);
    let top = 14.0 + legend_h + 28.0;
    let bottom = top + PLOT_H;
    let height = bottom + 16.0 + LINE_EM * SIZE * 2.0 + 8.0;
    let y_of = |v: f64| bottom - (v - ticks.first()) / (ticks.last() - ticks.first()) * PLOT_H;
    // The k-th category from the start of the reading direction.
    let cx_of = |k: usize| {
        let from_start = cat_w * (k as f64 + 0.5);
        if rtl { right - from_start } else { left + from_start }
    };

    let mut out = open(&common.id, WIDTH, height, &chart.title, &common.desc);
    out.push(legend_svg);
    let unit_x = if rtl { WIDTH - 4.0 } else { 4.0 };
    let anchor = if rtl { "end" } else { "start" };
    out.push(html!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text>",
        n(unit_x),
        n(top - 14.0),
        anchor,
        MUTED,
        &labels::fit(&chart.value_unit, WIDTH - 8.0, SIZE)
    ));
    out.push(y_axis(&ticks, &tick_text, (left, right), common.direction, y_of));
    out.push(html!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
        n(left),
        n(y_of(0.0)),
        n(right),
        n(y_of(0.0)),
        MUTED
    ));
    // Value labels are drawn last, over the reference lines, each with a white halo.
    let mut value_labels = html!("<g class=\"values\">");
    for (idx, item) in chart.items.iter().enumerate() {
        let cx = cx_of(idx);
        out.push(html!("<g class=\"item\">"));
        let top_of_mark = if item.value.is_finite() {
            let y = y_of(item.value);
            let fill = common.fill(item.value);
            let tip = common.tip(item);
            match chart.mark {
                Mark::Bar => {
                    let bar_w = (cat_w * 0.6).min(48.0);
                    let y0 = y_of(0.0);
                    out.push(html!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>", n(cx - bar_w / 2.0), n(y.min(y0)), n(bar_w), n((y0 - y).abs()), fill, &tip));
                }
                Mark::Dot => {
                    out.push(html!(
                        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
                        n(cx),
                        n(y_of(0.0)),
                        n(cx),
                        n(y),
                        GRID
                    ));
                    out.push(html!("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"><title>{}</title></circle>", n(cx), n(y), fill, &tip));
                }
            }
            y.min(y_of(0.0)) - if chart.mark == Mark::Dot { 6.0 } else { 0.0 }
        } else {
            y_of(0.0)
        };
        value_labels.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" {}>{}</text>",
            n(cx),
            n(top_of_mark - 6.0),
            Html::from_static(HALO),
            &common.values[idx]
        ));
        let mut label = html!("<text text-anchor=\"middle\"><title>{}</title>", &item.label);
        for (line_idx, line) in labels::wrap(&item.label, room, SIZE, 2).iter().enumerate() {
            label.push(html!(
                "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                n(cx),
                n(bottom + 16.0 + LINE_EM * SIZE * line_idx as f64),
                line
            ));
        }
        label.push(html!("</text>"));
        out.push(label);
        out.push(html!("</g>"));
    }
    // Reference labels beside the plot, moved apart where two lines are close.
    let line_h = LINE_EM * SIZE + 2.0;
    let wished: Vec<f64> = common.refs.iter().map(|r| y_of(r.value)).collect();
    let placed = labels::spread(&wished, &vec![line_h; wished.len()], top - 4.0, bottom + 12.0)
        .unwrap_or(wished);
    for (idx, r) in common.refs.iter().enumerate() {
        let y = y_of(r.value);
        let (stroke, dash) = if idx == 0 { (TEXT, "7 4") } else { (MUTED, "2 3") };
        let (x, anchor) = if rtl { (left - 4.0, "end") } else { (right + 4.0, "start") };
        out.push(html!(
            "<g class=\"reference\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" \
             stroke-width=\"1.5\" stroke-dasharray=\"{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text></g>",
            n(left),
            n(y),
            n(right),
            n(y),
            stroke,
            dash,
            n(x),
            n(placed[idx] + 4.0),
            anchor,
            &r.label
        ));
    }
    value_labels.push(html!("</g>"));
    out.push(value_labels);
    out.push(html!("</svg>"));
    Some(out)
}

/// The row layout: a horizontal chart, one row per category.
fn rows(common: &Common<'_>) -> Html {
    let chart = common.chart;
    let rtl = common.direction == Direction::Rtl;
    let names: Vec<String> =
        chart.items.iter().map(|b| labels::fit(&b.label, WIDTH / 3.0, SIZE)).collect();
    let name_w = names.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let value_w = common.values.iter().map(|v| text_width(v)).fold(0.0, f64::max);
    let name_margin = name_w + 16.0;
    let value_margin = value_w + 14.0;
    let (left, right) =
        if rtl { (value_margin, WIDTH - name_margin) } else { (name_margin, WIDTH - value_margin) };
    let (lo, hi) = common.range();
    let ticks = nice_ticks(lo, hi, 5);
    let x_of = |v: f64| {
        let t = (v - ticks.first()) / (ticks.last() - ticks.first());
        if rtl { right - t * (right - left) } else { left + t * (right - left) }
    };

    // Reference labels above the plot, centred on their line but inside the chart, in
    // as many rows as it takes for none to overlap another.
    let spans: Vec<(f64, f64)> = common
        .refs
        .iter()
        .map(|r| {
            let w = text_width(&r.label).min(WIDTH);
            let x0 = (x_of(r.value) - w / 2.0).clamp(0.0, WIDTH - w);
            (x0, x0 + w)
        })
        .collect();
    let ref_rows = labels::rows_for(&spans, 8.0);
    let n_ref_rows = ref_rows.iter().map(|r| r + 1).max().unwrap_or(0);
    let (legend_svg, legend_h) = top_legend(common, 0.0, WIDTH);
    let line_h = LINE_EM * SIZE + 3.0;
    let refs_top = 14.0 + legend_h + 4.0;
    let top = refs_top + line_h * n_ref_rows as f64 + 6.0;
    let bottom = top + ROW_H * chart.items.len() as f64;
    let height = bottom + 16.0 + line_h + LINE_EM * SIZE + 6.0;

    let mut out = open(&common.id, WIDTH, height, &chart.title, &common.desc);
    out.push(legend_svg);
    let tick_text = tick_labels(&ticks, chart.value_style);
    out.push(x_axis(&ticks, &tick_text, (top, bottom), GRID, x_of));
    out.push(html!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text>",
        n(if rtl { 4.0 } else { WIDTH - 4.0 }),
        n(bottom + 16.0 + line_h),
        if rtl { "start" } else { "end" },
        MUTED,
        &labels::fit(&chart.value_unit, WIDTH - 8.0, SIZE)
    ));
    let mut value_labels = html!("<g class=\"values\">");
    for (idx, item) in chart.items.iter().enumerate() {
        let mid = top + ROW_H * (idx as f64 + 0.5);
        out.push(html!("<g class=\"item\">"));
        let (name_x, name_anchor) = if rtl { (right + 8.0, "start") } else { (left - 8.0, "end") };
        out.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"><title>{}</title>{}</text>",
            n(name_x),
            n(mid + 4.0),
            name_anchor,
            &item.label,
            &names[idx]
        ));
        let zero = x_of(0.0);
        let mut end = zero;
        if item.value.is_finite() {
            let x = x_of(item.value);
            let fill = common.fill(item.value);
            let tip = common.tip(item);
            match chart.mark {
                Mark::Bar => out.push(html!("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{}\"><title>{}</title></rect>", n(zero.min(x)), n(mid - 7.0), n((x - zero).abs()), fill, &tip)),
                Mark::Dot => {
                    out.push(html!("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>", n(zero), n(mid), n(x), n(mid), GRID));
                    out.push(html!("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"><title>{}</title></circle>", n(x), n(mid), fill, &tip));
                }
            }
            end = if rtl { x.min(zero) } else { x.max(zero) };
        }
        let (value_x, value_anchor) = if rtl { (end - 7.0, "end") } else { (end + 7.0, "start") };
        value_labels.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" {}>{}</text>",
            n(value_x),
            n(mid + 4.0),
            value_anchor,
            Html::from_static(HALO),
            &common.values[idx]
        ));
        out.push(html!("</g>"));
    }
    for (idx, r) in common.refs.iter().enumerate() {
        let x = x_of(r.value);
        let (stroke, dash) = if idx == 0 { (TEXT, "7 4") } else { (MUTED, "2 3") };
        let (x0, x1) = spans[idx];
        let label_y = refs_top + line_h * ref_rows[idx] as f64 + SIZE;
        out.push(html!(
            "<g class=\"reference\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" \
             stroke-width=\"1.5\" stroke-dasharray=\"{}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            n(x),
            n(label_y + 4.0),
            n(x),
            n(bottom),
            stroke,
            dash,
            n((x0 + x1) / 2.0),
            n(label_y),
            &labels::fit(&r.label, WIDTH, SIZE)
        ));
    }
    value_labels.push(html!("</g>"));
    out.push(value_labels);
    out.push(html!("</svg>"));
    out
}

#[cfg(test)]
mod tests {
    use super::super::labels::assert_no_collisions;
    use super::super::tests::assert_clean;
    use super::*;

    fn costs(labels: &[&str], values: &[f64]) -> ReferenceChart {
        ReferenceChart {
            id: "r".to_owned(),
            title: "Costs".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Percent(2),
            value_unit: "% of US$200 sent".to_owned(),
            mark: Mark::Bar,
            items: labels
                .iter()
                .zip(values)
                .map(|(l, v)| Bar { label: (*l).to_owned(), value: *v, share_pct: None })
                .collect(),
            references: vec![
                RefLine { value: 3.0, label: "SDG target 3%".to_owned() },
                RefLine { value: 5.0, label: "5%".to_owned() },
            ],
        }
    }

    #[test]
    fn counts_marks_above_the_target() {
        for mark in [Mark::Bar, Mark::Dot] {
            let chart = ReferenceChart { mark, ..costs(&["Aland", "Cland"], &[2.5, 6.75]) };
            let svg = reference_chart(&chart).into_string();
            assert_clean(&svg);
            assert!(svg.contains("1 of 2 above 3.00%"), "{svg}");
            assert!(svg.contains(ABOVE) && svg.contains(BELOW));
            assert_no_collisions(&svg);
        }
    }

    /// The Philippines' costs of 2020, whose labels ran together ("4.40%4.20%4.14%…").
    const PHL: [(&str, f64); 12] = [
        ("Japan", 4.85),
        ("Saudi Arabia", 4.40),
        ("United Arab Emirates", 4.20),
        ("Kuwait", 4.14),
        ("Qatar", 4.06),
        ("Singapore", 3.89),
        ("United Kingdom of Great Britain and Northern Ireland", 3.73),
        ("Canada", 3.64),
        ("United States of America", 3.59),
        ("Australia", 3.07),
        ("Italy", 3.05),
        ("Republic of Korea", 2.95),
    ];

    #[test]
    fn many_categories_become_rows_without_overlap() {
        let (names, values): (Vec<&str>, Vec<f64>) = PHL.iter().copied().unzip();
        for mark in [Mark::Bar, Mark::Dot] {
            let chart = ReferenceChart { mark, ..costs(&names, &values) };
            let svg = reference_chart(&chart).into_string();
            assert_clean(&svg);
            assert!(!svg.contains("rotate("), "no rotated labels");
            assert!(svg.contains(">4.40%<") && svg.contains(">4.20%<"), "every value labelled");
            assert!(svg.contains("<title>United Kingdom of Great Britain and Northern Ireland"));
            assert_no_collisions(&svg);
        }
    }

    #[test]
    fn close_reference_lines_get_separate_labels() {
        let mut chart = costs(&["Aland", "Bland"], &[2.0, 4.0]);
        chart.references.push(RefLine { value: 3.1, label: "Regional average".to_owned() });
        assert_no_collisions(&reference_chart(&chart).into_string());
        let (names, values): (Vec<&str>, Vec<f64>) = PHL.iter().copied().unzip();
        let mut chart = costs(&names, &values);
        chart.references.push(RefLine { value: 3.1, label: "Regional average".to_owned() });
        assert_no_collisions(&reference_chart(&chart).into_string());
    }

    #[test]
    fn lengthened_text_still_does_not_overlap() {
        // A pseudo-locale: every text 40 % longer.
        let long = |s: &str| format!("{s}{}", "ŵ".repeat(s.chars().count() * 2 / 5 + 1));
        for count in [2, 4, 7, 12] {
            let names: Vec<String> = PHL.iter().take(count).map(|(l, _)| long(l)).collect();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let values: Vec<f64> = PHL.iter().take(count).map(|(_, v)| *v).collect();
            let mut chart = costs(&refs, &values);
            chart.value_unit = long(&chart.value_unit);
            for r in &mut chart.references {
                r.label = long(&r.label);
            }
            for direction in [Direction::Ltr, Direction::Rtl] {
                assert_no_collisions(&reference_chart_in(&chart, direction).into_string());
            }
        }
    }

    #[test]
    fn right_to_left_mirrors_the_axes() {
        let chart = costs(&["Aland", "Bland"], &[2.0, 4.0]);
        let ltr = reference_chart(&chart).into_string();
        let rtl = reference_chart_in(&chart, Direction::Rtl).into_string();
        // The first category is on the right, the value axis' labels too.
        let first_x = |svg: &str| {
            let at = svg.find("<title>Aland</title>").expect("label");
            let x_at = at + svg[at..].find("<tspan x=\"").expect("tspan") + 10;
            svg[x_at..].split('"').next().expect("x").parse::<f64>().expect("number")
        };
        assert!(first_x(&ltr) < WIDTH / 2.0 && first_x(&rtl) > WIDTH / 2.0);
        assert!(rtl.contains("class=\"y-labels\" text-anchor=\"start\""));
        assert_no_collisions(&rtl);
    }
}
