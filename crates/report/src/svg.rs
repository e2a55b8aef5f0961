//! Small, dependency-free SVG charts: pure functions from data to SVG markup ([`Html`]).
//!
//! The same drawing serves the HTML brief, the PDF and the web workspace, so every
//! chart is a complete `<svg>` element with its own `xmlns` and can be saved as a file
//! or inlined in HTML. Each chart
//!
//! * is accessible: `role="img"`, a `<title>` and a `<desc>` referenced by
//!   `aria-labelledby`; the description states the data, so a screen-reader user
//!   hears the numbers the chart shows;
//! * uses the Okabe–Ito colour-blind-safe [`PALETTE`], and does not rely on colour
//!   alone: series also differ by dash pattern and marker shape;
//! * loads nothing: no fonts, no scripts, no images; the font is the reader's
//!   system sans-serif;
//! * is deterministic: the same input gives the same bytes, coordinates are written
//!   with one decimal and numbers with a fixed precision;
//! * degrades gracefully: values that are not finite are left out (and said to be
//!   missing in the description), and a chart without data draws a "No data" panel;
//! * speaks the language being rendered ([`crate::words`]): the words it writes itself
//!   (legends it adds, "no data", reference-line phrases, the text alternative's
//!   sentences) come from the message files, its numbers follow the language's
//!   conventions, and in a right-to-left language it is drawn right to left
//!   ([`Direction::current`]).
//!
//! Every chart is [`Html`]: its markup is built only with [`html!`](crate::html), so all
//! text (titles, labels, descriptions) is escaped on the way in.
//!
//! # Example
//! ```
//! use report::svg::{self, LineChart, NumberStyle, Series};
//!
//! let chart = LineChart {
//!     id: "stock-in".to_owned(),
//!     title: "Immigrants".to_owned(),
//!     summary: String::new(),
//!     x_style: NumberStyle::Year,
//!     y_style: NumberStyle::Compact,
//!     y_unit: "persons".to_owned(),
//!     series: vec![Series { name: "Total".to_owned(), points: vec![(2000.0, 1.2e6), (2010.0, 1.5e6)] }],
//! };
//! let svg = svg::line_chart(&chart).into_string();
//! assert!(svg.starts_with("<svg") && svg.contains("role=\"img\""));
//! ```

pub mod labels;
mod reference;

pub use reference::{Mark, RefLine, ReferenceChart, reference_chart, reference_chart_in};

use crate::html;
use crate::html::Html;
use crate::markup::{format_thousands, format_trimmed, magnitude_of, sanitize_id};
use crate::words;
use i18n::Arg;

/// The Okabe–Ito palette, reordered so that the first colours have the best contrast
/// on white: blue, vermillion, bluish green, black, reddish purple, orange.
pub const PALETTE: [&str; 6] = ["#0072B2", "#D55E00", "#009E73", "#222222", "#CC79A7", "#E69F00"];

/// Dash patterns paired with [`PALETTE`] entries, so that series differ without colour.
const DASHES: [&str; 4] = ["", "7 4", "2 3", "9 3 2 3"];

/// Colour of text.
const TEXT: &str = "#222222";
/// Colour of secondary text and axes.
const MUTED: &str = "#555555";
/// A white outline behind value labels, so that reference lines do not cross them.
const HALO: &str = "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"";
/// Colour of grid lines.
const GRID: &str = "#dddddd";
/// The font size of chart text, in user units.
const SIZE: f64 = 12.0;
/// The font stack: system fonts only, nothing is loaded.
const FONT: &str =
    "system-ui, -apple-system, &#39;Segoe UI&#39;, Roboto, Helvetica, Arial, sans-serif";

/// How the numbers of an axis and of the text alternative are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberStyle {
    /// Counts and amounts: `1.2M`, `350k`, `2.5bn` on axes; `1,234,567` in full.
    Compact,
    /// Percentages with the given number of decimals in full (`3.45%`); axes use as
    /// few decimals as the tick step needs.
    Percent(u8),
    /// Years: whole numbers without separators.
    Year,
}

impl NumberStyle {
    /// Formats a value in full, as in a table or a text alternative.
    pub fn full(self, value: f64) -> String {
        if !value.is_finite() {
            return words::t("brief-not-available");
        }
        match self {
            NumberStyle::Compact if value.abs() >= 100.0 => format_thousands(value, 0),
            NumberStyle::Compact => format_trimmed(value, 2),
            NumberStyle::Percent(decimals) => words::percent(value, usize::from(decimals)),
            NumberStyle::Year => format!("{value:.0}"),
        }
    }

    /// Formats a value briefly, as next to a bar: `1.2M`, `3.45%`, `2020`.
    pub fn short(self, value: f64) -> String {
        match self {
            NumberStyle::Compact => crate::markup::format_compact(value),
            other => other.full(value),
        }
    }
}

/// Evenly spaced axis ticks.
#[derive(Clone, Debug, PartialEq)]
pub struct Ticks {
    /// The tick values, increasing.
    pub values: Vec<f64>,
    /// The distance between two ticks.
    pub step: f64,
}

impl Ticks {
    /// The lowest tick (the start of the axis).
    pub fn first(&self) -> f64 {
        self.values.first().copied().unwrap_or(0.0)
    }

    /// The highest tick (the end of the axis).
    pub fn last(&self) -> f64 {
        self.values.last().copied().unwrap_or(1.0)
    }
}

/// A "nice" step (1, 2, 2.5 or 5 times a power of ten) that splits `range` into about
/// `target` intervals. With `integer`, the step is at least 1 and 2.5 is avoided below 10.
fn nice_step(range: f64, target: usize, integer: bool) -> f64 {
    let raw = range / target.max(1) as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let mut candidates = vec![1.0, 2.0, 2.5, 5.0, 10.0];
    if integer && mag < 10.0 {
        candidates.retain(|c| (c * mag).fract() == 0.0);
    }
    let nice = candidates.into_iter().find(|&c| c >= norm - 1e-9).unwrap_or(10.0);
    let step = nice * mag;
    if integer { step.max(1.0) } else { step }
}

/// Ticks that enclose `[min, max]` with about `target` intervals: the first tick is at
/// or below `min` and the last at or above `max`. Handles an empty range (`min ==
/// max`) and values that are not finite (treated as the range 0–1).
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Ticks {
    let (mut lo, mut hi) =
        if min.is_finite() && max.is_finite() { (min.min(max), min.max(max)) } else { (0.0, 1.0) };
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        if lo >= 0.0 && lo - pad < 0.0 {
            hi += pad;
        } else {
            lo -= pad;
            hi += pad;
        }
    }
    let step = nice_step(hi - lo, target, false);
    let start = (lo / step + 1e-9).floor() as i64;
    let end = (hi / step - 1e-9).ceil() as i64;
    Ticks { values: (start..=end).map(|k| k as f64 * step).collect(), step }
}

/// Whole-number ticks (for years) within `[min, max]`, about `target` of them.
fn integer_ticks_within(min: f64, max: f64, target: usize) -> Ticks {
    let step = nice_step(max - min, target, true);
    let start = (min / step - 1e-9).ceil() as i64;
    let end = (max / step + 1e-9).floor() as i64;
    Ticks { values: (start..=end).map(|k| k as f64 * step).collect(), step }
}

/// The fewest decimals (up to 3) that write every multiple of `step` exactly.
fn decimals_for(step: f64) -> usize {
    (0..=3)
        .find(|&d| {
            ((step * 10f64.powi(d as i32)).round() - step * 10f64.powi(d as i32)).abs() < 1e-6
        })
        .unwrap_or(3)
}

/// Labels for axis ticks: one magnitude suffix for the whole axis for
/// [`NumberStyle::Compact`], and as many decimals as the step needs.
pub fn tick_labels(ticks: &Ticks, style: NumberStyle) -> Vec<String> {
    match style {
        NumberStyle::Compact => {
            let max_abs = ticks.values.iter().fold(0.0f64, |m, v| m.max(v.abs()));
            let (div, key) = magnitude_of(max_abs);
            let decimals = decimals_for(ticks.step / div);
            ticks
                .values
                .iter()
                .map(|v| {
                    let s = format_trimmed(v / div, decimals);
                    if s == "0" { s } else { crate::markup::with_magnitude(&s, key) }
                })
                .collect()
        }
        NumberStyle::Percent(_) => {
            let decimals = decimals_for(ticks.step);
            ticks
                .values
                .iter()
                .map(|v| words::percent_sign(&format_trimmed(*v, decimals)))
                .collect()
        }
        NumberStyle::Year => ticks.values.iter().map(|v| format!("{v:.0}")).collect(),
    }
}

/// Writes a coordinate with one decimal; never `-0.0`, never `NaN`.
fn n(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_owned();
    }
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_owned() } else { s }
}

/// The estimated width of `text` in chart text ([`SIZE`]); see [`labels::text_width`].
fn text_width(text: &str) -> f64 {
    labels::text_width(text, SIZE)
}

/// The reading direction of a chart. Right to left (for Arabic) mirrors the axes: the
/// value axis is on the right and x (or the categories) runs from right to left.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// Left to right: the value axis on the left.
    #[default]
    Ltr,
    /// Right to left: the value axis on the right.
    Rtl,
}

impl Direction {
    /// The direction of the language being rendered ([`words::lang`]): right to left
    /// in Arabic, else left to right. The charts drawn without a direction take it.
    pub fn current() -> Direction {
        if words::lang().is_rtl() { Direction::Rtl } else { Direction::Ltr }
    }
}

/// What every chart and map carries so that its layout holds in a right-to-left page:
/// the attribute `direction="ltr"` on the `<svg>`, since the coordinates and
/// `text-anchor` of every text are laid out left to right and a page's `dir="rtl"`
/// would otherwise turn `start` into the right end of a text (an English chart shown
/// in the Arabic workspace keeps its layout too). The page's style sheet orders each
/// text of a chart in a right-to-left page by its own first strong letter
/// ([`RTL_TEXT_CSS`]), so that an Arabic sentence with numbers reads right to left
/// within its box; the chart itself carries no `<style>` (the workspace's pages allow
/// no inline style).
pub(crate) fn bidi() -> Html {
    html!(" direction=\"ltr\"")
}

/// The style rule of a right-to-left page for its charts' texts (in the brief's style
/// sheet, [`crate::brief::CSS`]).
pub const RTL_TEXT_CSS: &str = "[dir=rtl] svg.chart text{unicode-bidi:plaintext}";

/// Items joined into one text by the language's list separator (`; ` in English, `؛ `
/// in Arabic).
pub(crate) fn join_list(items: &[String]) -> String {
    items.join(&words::t("brief-chart-list-separator"))
}

/// The opening `<svg>` tag with its title and description.
fn open(id: &str, width: f64, height: f64, title: &str, desc: &str) -> Html {
    let direction = bidi();
    html!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"chart\" viewBox=\"0 0 {} {}\" \
         width=\"{}\" height=\"{}\" role=\"img\" aria-labelledby=\"{}-title {}-desc\" \
         font-family=\"{}\" font-size=\"12\" fill=\"{}\"{}>\
         <title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>",
        id,
        n(width),
        n(height),
        n(width),
        n(height),
        id,
        id,
        Html::from_static(FONT),
        TEXT,
        direction,
        id,
        title,
        id,
        desc
    )
}

/// A chart without data: a framed panel that says so.
fn empty(id: &str, title: &str, desc: &str, width: f64) -> Html {
    let height = 120.0;
    let mut out = open(id, width, height, title, desc);
    out.push(html!(
        "<rect x=\"0.5\" y=\"0.5\" width=\"{}\" height=\"{}\" fill=\"#f7f7f7\" stroke=\"{}\"/>\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text></svg>",
        n(width - 1.0),
        n(height - 1.0),
        GRID,
        n(width / 2.0),
        n(height / 2.0 + 4.0),
        MUTED,
        &words::t("brief-chart-no-data")
    ));
    out
}

/// Joins a summary sentence and a data statement into one description.
fn describe(summary: &str, data: &str) -> String {
    match (summary.trim(), data.trim()) {
        ("", d) => d.to_owned(),
        (s, "") => s.to_owned(),
        (s, d) => format!("{s} {d}"),
    }
}

/// A marker of the given shape index centred on (x, y).
fn marker(shape: usize, x: f64, y: f64, colour: &str, tip: &str) -> Html {
    let tip = html!("<title>{}</title>", tip);
    match shape % 4 {
        0 => html!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\">{}</circle>",
            n(x),
            n(y),
            colour,
            tip
        ),
        1 => html!(
            "<rect x=\"{}\" y=\"{}\" width=\"7\" height=\"7\" fill=\"{}\">{}</rect>",
            n(x - 3.5),
            n(y - 3.5),
            colour,
            tip
        ),
        2 => html!(
            "<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\">{}</path>",
            n(x),
            n(y - 4.5),
            n(x + 4.5),
            n(y + 3.5),
            n(x - 4.5),
            n(y + 3.5),
            colour,
            tip
        ),
        _ => html!(
            "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\">{}</path>",
            n(x),
            n(y - 5.0),
            n(x + 5.0),
            n(y),
            n(x),
            n(y + 5.0),
            n(x - 5.0),
            n(y),
            colour,
            tip
        ),
    }
}

/// Legend entries laid out in rows that fit `width` (each name shortened to the width
/// if it must be, the full name in a tooltip), from the left or, right to left, from
/// the right with each swatch right of its name; returns the markup and its height.
fn legend(
    entries: &[(String, Swatch)],
    (x0, y0): (f64, f64),
    width: f64,
    direction: Direction,
) -> (Html, f64) {
    let rtl = direction == Direction::Rtl;
    let mut out = html!("<g class=\"legend\">");
    let names: Vec<String> =
        entries.iter().map(|(name, _)| labels::fit(name, width - 30.0, SIZE)).collect();
    let widths: Vec<f64> = names.iter().map(|l| 30.0 + text_width(l)).collect();
    let placed = labels::flow(&widths, width, 16.0);
    let mut rows = 0;
    for (((name, swatch), label), (dx, row)) in entries.iter().zip(&names).zip(placed) {
        // `x` is the left end of the entry's swatch, which starts the entry left to
        // right and ends it right to left.
        let x = if rtl { x0 + width - dx - 24.0 } else { x0 + dx };
        let y = y0 + 18.0 * row as f64;
        rows = rows.max(row + 1);
        match *swatch {
            Swatch::Fill(fill) => out.push(html!(
                "<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>",
                n(x + 6.0),
                n(y - 6.0),
                fill
            )),
            Swatch::Series(idx) => {
                let colour = PALETTE[idx % PALETTE.len()];
                let dash = DASHES[idx % DASHES.len()];
                let dash_attr = if dash.is_empty() {
                    Html::new()
                } else {
                    html!(" stroke-dasharray=\"{}\"", dash)
                };
                out.push(html!("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\"{}/>", n(x), n(y), n(x + 24.0), n(y), colour, dash_attr));
                out.push(marker(idx, x + 12.0, y, colour, name));
            }
        }
        let title = if label == name { Html::new() } else { html!("<title>{}</title>", name) };
        let (text_x, anchor) = if rtl { (x - 6.0, "end") } else { (x + 30.0, "start") };
        out.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}{}</text>",
            n(text_x),
            n(y + 4.0),
            anchor,
            title,
            label
        ));
    }
    out.push(html!("</g>"));
    (out, 18.0 * rows.max(1) as f64)
}

/// What a legend entry shows before its name.
#[derive(Clone, Copy)]
enum Swatch {
    /// The line and marker of the series with this index.
    Series(usize),
    /// A box of this fill.
    Fill(&'static str),
}

/// Fill of a mark above the reference line.
const ABOVE: &str = "#D55E00";
/// Fill of a mark at or below the reference line.
const BELOW: &str = "#009E73";

/// Horizontal grid lines across `[left, right]` and labels for a vertical value axis:
/// on the left (left to right) or on the right (right to left).
fn y_axis(
    ticks: &Ticks,
    labels: &[String],
    (left, right): (f64, f64),
    direction: Direction,
    y_of: impl Fn(f64) -> f64,
) -> Html {
    let mut out = html!("<g class=\"y-axis\" stroke=\"{}\">", GRID);
    for v in &ticks.values {
        let y = y_of(*v);
        out.push(html!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            n(left),
            n(y),
            n(right),
            n(y)
        ));
    }
    let (x, anchor) = match direction {
        Direction::Ltr => (left - 6.0, "end"),
        Direction::Rtl => (right + 6.0, "start"),
    };
    out.push(html!("</g><g class=\"y-labels\" text-anchor=\"{}\" fill=\"{}\">", anchor, MUTED));
    for (v, label) in ticks.values.iter().zip(labels) {
        out.push(html!("<text x=\"{}\" y=\"{}\">{}</text>", n(x), n(y_of(*v) + 4.0), label));
    }
    out.push(html!("</g>"));
    out
}

/// Every how many ticks a label is written so that no two labels of a horizontal axis
/// overlap: 1 when they all fit, else the smallest step that leaves room.
fn label_stride(labels: &[String], positions: &[f64]) -> usize {
    let widest = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let gap = positions.windows(2).map(|w| (w[1] - w[0]).abs()).fold(f64::INFINITY, f64::min);
    if !gap.is_finite() || gap <= 0.0 {
        return 1;
    }
    ((widest + 8.0) / gap).ceil().max(1.0) as usize
}

/// Vertical lines from `top` to `bottom` in `stroke` (grid lines, or tick marks when
/// the two are close) and labels under `bottom`, for a horizontal axis. Labels are thinned
/// out when they would overlap, and kept inside the chart's width.
fn x_axis(
    ticks: &Ticks,
    labels: &[String],
    (top, bottom): (f64, f64),
    stroke: &str,
    x_of: impl Fn(f64) -> f64,
) -> Html {
    let mut out = html!("<g class=\"x-grid\" stroke=\"{}\">", stroke);
    let xs: Vec<f64> = ticks.values.iter().map(|v| x_of(*v)).collect();
    for x in &xs {
        out.push(html!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            n(*x),
            n(top),
            n(*x),
            n(bottom)
        ));
    }
    out.push(html!("</g><g class=\"x-labels\" text-anchor=\"middle\" fill=\"{}\">", MUTED));
    let stride = label_stride(labels, &xs);
    for (k, (x, label)) in xs.iter().zip(labels).enumerate() {
        if k % stride != 0 {
            continue;
        }
        let half = text_width(label) / 2.0;
        let x = x.clamp(half + 1.0, (WIDTH - half - 1.0).max(half + 1.0));
        out.push(html!("<text x=\"{}\" y=\"{}\">{}</text>", n(x), n(bottom + 16.0), label));
    }
    out.push(html!("</g>"));
    out
}

/// One line of a [`LineChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The series name, shown in the legend.
    pub name: String,
    /// The points, as (x, y). Order does not matter; points are drawn by increasing x.
    /// Points with a coordinate that is not finite are left out.
    pub points: Vec<(f64, f64)>,
}

/// A line chart with one or more series sharing one value axis.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    /// The element id; the title and description ids derive from it. Unique per page.
    pub id: String,
    /// The chart's title (the `<title>` element).
    pub title: String,
    /// An optional sentence put before the data in the text alternative.
    pub summary: String,
    /// How x values are written (usually [`NumberStyle::Year`]).
    pub x_style: NumberStyle,
    /// How y values are written.
    pub y_style: NumberStyle,
    /// The unit of the y values, shown above the axis (e.g. "persons").
    pub y_unit: String,
    /// The series.
    pub series: Vec<Series>,
}

/// Width of every chart, in SVG user units.
const WIDTH: f64 = 640.0;

/// The finite points of a series, by increasing x.
fn clean_points(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut pts: Vec<(f64, f64)> =
        points.iter().copied().filter(|(x, y)| x.is_finite() && y.is_finite()).collect();
    pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    pts
}

/// The runs of consecutive finite points, by increasing x; a point whose y is not
/// finite ends a run. Points whose x is not finite are dropped.
fn segments(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let mut sorted: Vec<(f64, f64)> =
        points.iter().copied().filter(|(x, _)| x.is_finite()).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut runs = vec![Vec::new()];
    for (x, y) in sorted {
        if y.is_finite() {
            runs.last_mut().expect("runs is never empty").push((x, y));
        } else if runs.last().is_some_and(|r| !r.is_empty()) {
            runs.push(Vec::new());
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// The frame of a chart with a numeric x axis and a value axis: legend, unit label,
/// grid, axes and the two scales. Shared by [`line_chart`] and [`fan_chart`].
struct XyFrame {
    /// The opening `<svg>` with the legend, unit label and axes drawn.
    svg: Html,
    left: f64,
    right: f64,
    bottom: f64,
    plot_h: f64,
    x_lo: f64,
    x_hi: f64,
    y_first: f64,
    y_last: f64,
    direction: Direction,
}

impl XyFrame {
    /// Lays out a chart whose x values span `x_range`, whose y values span `y_range`
    /// (zero is always included), with `entries` in the legend, in `direction`.
    #[allow(clippy::too_many_arguments, reason = "one call per chart kind, all named")]
    fn new(
        id: &str,
        title: &str,
        desc: &str,
        (x_min, x_max): (f64, f64),
        (y_min, y_max): (f64, f64),
        (x_style, y_style): (NumberStyle, NumberStyle),
        y_unit: &str,
        entries: &[(String, Swatch)],
        direction: Direction,
    ) -> XyFrame {
        let (x_lo, x_hi) = if x_max > x_min { (x_min, x_max) } else { (x_min - 1.0, x_max + 1.0) };
        let y_ticks = nice_ticks(y_min.min(0.0), y_max.max(0.0), 5);
        let y_labels = tick_labels(&y_ticks, y_style);
        let x_ticks = if x_style == NumberStyle::Year {
            integer_ticks_within(x_lo, x_hi, 8)
        } else {
            let t = nice_ticks(x_lo, x_hi, 6);
            Ticks {
                values: t
                    .values
                    .into_iter()
                    .filter(|v| *v >= x_lo - 1e-9 && *v <= x_hi + 1e-9)
                    .collect(),
                step: t.step,
            }
        };
        let x_labels = tick_labels(&x_ticks, x_style);
        let label_w = y_labels.iter().map(|l| text_width(l)).fold(0.0, f64::max);
        let axis_margin = (label_w + 14.0).max(40.0);
        // The far side keeps room for half of the last x label.
        let far_margin = x_labels.last().map_or(0.0, |l| text_width(l) / 2.0 + 4.0).max(24.0);
        let (left, right) = match direction {
            Direction::Ltr => (axis_margin, WIDTH - far_margin),
            Direction::Rtl => (far_margin, WIDTH - axis_margin),
        };
        let (legend_svg, legend_h) = legend(entries, (left, 14.0), right - left, direction);
        let top = 14.0 + legend_h + 28.0;
        let plot_h = 220.0;
        let bottom = top + plot_h;
        let height = bottom + 30.0;
        let mut frame = XyFrame {
            svg: Html::new(),
            left,
            right,
            bottom,
            plot_h,
            x_lo,
            x_hi,
            y_first: y_ticks.first(),
            y_last: y_ticks.last(),
            direction,
        };
        let mut out = open(id, WIDTH, height, title, desc);
        out.push(legend_svg);
        let (unit_x, unit_anchor) = match direction {
            Direction::Ltr => (4.0, "start"),
            Direction::Rtl => (WIDTH - 4.0, "end"),
        };
        out.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text>",
            n(unit_x),
            n(top - 14.0),
            unit_anchor,
            MUTED,
            &labels::fit(y_unit, WIDTH - 8.0, SIZE)
        ));
        out.push(y_axis(&y_ticks, &y_labels, (left, right), direction, |y| frame.y_of(y)));
        out.push(html!(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
            n(left),
            n(bottom),
            n(right),
            n(bottom),
            MUTED
        ));
        out.push(x_axis(&x_ticks, &x_labels, (bottom, bottom + 4.0), MUTED, |x| frame.x_of(x)));
        frame.svg = out;
        frame
    }

    fn x_of(&self, x: f64) -> f64 {
        let t = (x - self.x_lo) / (self.x_hi - self.x_lo);
        match self.direction {
            Direction::Ltr => self.left + t * (self.right - self.left),
            Direction::Rtl => self.right - t * (self.right - self.left),
        }
    }

    fn y_of(&self, y: f64) -> f64 {
        self.bottom - (y - self.y_first) / (self.y_last - self.y_first) * self.plot_h
    }
}

/// Draws a [`LineChart`] in the direction of the language being rendered
/// ([`Direction::current`]). Axes start at zero when all values are positive, so
/// that the height of a line is comparable to its value.
pub fn line_chart(chart: &LineChart) -> Html {
    line_chart_in(chart, Direction::current())
}

/// The text alternative's sentence for one series: its name, unit and values (`x y`
/// pairs), or that it has no data.
fn series_sentence(name: &str, unit: &str, values: &[String], gaps: bool) -> String {
    if values.is_empty() {
        return words::tf("brief-chart-series-no-data", &[("name", Arg::from(name))]);
    }
    let args = [
        ("name", Arg::from(name)),
        ("unit", Arg::from(unit)),
        ("values", Arg::from(join_list(values))),
    ];
    if gaps {
        words::tf("brief-chart-series-values-gaps", &args)
    } else {
        words::tf("brief-chart-series-values", &args)
    }
}

/// One point in a text alternative: `2000 1,500,000`.
fn point_text(x: &str, y: &str) -> String {
    words::tf("brief-chart-point", &[("x", Arg::from(x)), ("y", Arg::from(y))])
}

/// "Label: value", as a tooltip or an item of a text alternative.
fn item_text(label: &str, value: &str) -> String {
    words::tf("brief-chart-item", &[("label", Arg::from(label)), ("value", Arg::from(value))])
}

/// The "no data" sentence of a text alternative.
fn no_data_sentence() -> String {
    words::t("brief-chart-no-data-sentence")
}

/// Draws a [`LineChart`] in `direction`: right to left puts the value axis on the right
/// and runs x from right to left.
pub fn line_chart_in(chart: &LineChart, direction: Direction) -> Html {
    let id = sanitize_id(&chart.id);
    let series: Vec<(&str, Vec<(f64, f64)>)> =
        chart.series.iter().map(|s| (s.name.as_str(), clean_points(&s.points))).collect();
    let data = series
        .iter()
        .zip(&chart.series)
        .map(|((name, pts), original)| {
            let values: Vec<String> = pts
                .iter()
                .map(|(x, y)| point_text(&chart.x_style.full(*x), &chart.y_style.full(*y)))
                .collect();
            series_sentence(name, &chart.y_unit, &values, pts.len() < original.points.len())
        })
        .collect::<Vec<_>>()
        .join(" ");
    let desc = describe(&chart.summary, &data);
    let all: Vec<(f64, f64)> = series.iter().flat_map(|(_, p)| p.iter().copied()).collect();
    if all.is_empty() {
        return empty(&id, &chart.title, &describe(&chart.summary, &no_data_sentence()), WIDTH);
    }

    let (x_min, x_max) = all
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let (y_min, y_max) =
        all.iter().fold((0.0f64, 0.0f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let entries: Vec<(String, Swatch)> = series
        .iter()
        .enumerate()
        .map(|(idx, (name, _))| ((*name).to_owned(), Swatch::Series(idx)))
        .collect();
    let frame = XyFrame::new(
        &id,
        &chart.title,
        &desc,
        (x_min, x_max),
        (y_min, y_max),
        (chart.x_style, chart.y_style),
        &chart.y_unit,
        &entries,
        direction,
    );
    let x_of = |x: f64| frame.x_of(x);
    let y_of = |y: f64| frame.y_of(y);
    let mut out = frame.svg.clone();
    for (idx, (name, pts)) in series.iter().enumerate() {
        if pts.is_empty() {
            continue;
        }
        let colour = PALETTE[idx % PALETTE.len()];
        let dash = DASHES[idx % DASHES.len()];
        let dash_attr =
            if dash.is_empty() { Html::new() } else { html!(" stroke-dasharray=\"{}\"", dash) };
        out.push(html!("<g class=\"series\" data-series=\"{}\">", name));
        // A missing value breaks the line rather than being bridged.
        for segment in segments(&chart.series[idx].points) {
            if segment.len() < 2 {
                continue;
            }
            let d: Vec<String> = segment
                .iter()
                .enumerate()
                .map(|(i, (x, y))| {
                    format!("{}{} {}", if i == 0 { "M" } else { "L" }, n(x_of(*x)), n(y_of(*y)))
                })
                .collect();
            out.push(html!(
                "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>",
                d.join(""),
                colour,
                dash_attr
            ));
        }
        for (x, y) in pts {
            let tip = words::tf(
                "brief-chart-point-tip",
                &[
                    ("name", Arg::from(*name)),
                    ("x", Arg::from(chart.x_style.full(*x))),
                    ("y", Arg::from(chart.y_style.full(*y))),
                    ("unit", Arg::from(chart.y_unit.as_str())),
                ],
            );
            out.push(marker(idx, x_of(*x), y_of(*y), colour, &tip));
        }
        out.push(html!("</g>"));
    }
    out.push(html!("</svg>"));
    out
}

/// One bar of a [`BarChart`] or one mark of a [`ReferenceChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The category label.
    pub label: String,
    /// The value. A value that is not finite is drawn as missing.
    pub value: f64,
    /// An optional percentage shown after the value, e.g. a share of a total.
    pub share_pct: Option<f64>,
}

/// A horizontal bar chart: one labelled bar per category, in the given order.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The element id. Unique per page.
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// An optional sentence put before the data in the text alternative.
    pub summary: String,
    /// How values are written.
    pub value_style: NumberStyle,
    /// The unit of the values, shown under the axis.
    pub value_unit: String,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
}

/// The text shown next to a bar: value and, if any, share.
fn bar_text(bar: &Bar, style: NumberStyle) -> String {
    let value = style.short(bar.value);
    match bar.share_pct {
        Some(p) if p.is_finite() => words::tf(
            "brief-chart-bar-share",
            &[("value", Arg::from(value)), ("share", Arg::from(words::percent(p, 1)))],
        ),
        _ => value,
    }
}

/// "Values in persons.": the unit sentence of a text alternative.
fn unit_sentence(unit: &str) -> String {
    words::tf("brief-chart-values-in", &[("unit", Arg::from(unit))])
}

/// The text alternative for a list of bars.
fn bars_desc(bars: &[Bar], style: NumberStyle, unit: &str) -> String {
    if bars.is_empty() {
        return no_data_sentence();
    }
    let items: Vec<String> = bars
        .iter()
        .map(|b| match b.share_pct {
            Some(p) if p.is_finite() => words::tf(
                "brief-chart-item-share",
                &[
                    ("label", Arg::from(b.label.as_str())),
                    ("value", Arg::from(style.full(b.value))),
                    ("share", Arg::from(words::percent(p, 1))),
                ],
            ),
            _ => item_text(&b.label, &style.full(b.value)),
        })
        .collect();
    format!("{} {}.", unit_sentence(unit), join_list(&items))
}

/// Draws a [`BarChart`] in the direction of the language being rendered
/// ([`Direction::current`]).
pub fn bar_chart(chart: &BarChart) -> Html {
    bar_chart_in(chart, Direction::current())
}

/// Draws a [`BarChart`] in `direction`: right to left puts the category labels on the
/// right and grows the bars from right to left, each value written at its bar's end.
pub fn bar_chart_in(chart: &BarChart, direction: Direction) -> Html {
    let rtl = direction == Direction::Rtl;
    let id = sanitize_id(&chart.id);
    let desc =
        describe(&chart.summary, &bars_desc(&chart.bars, chart.value_style, &chart.value_unit));
    if chart.bars.is_empty() {
        return empty(&id, &chart.title, &desc, WIDTH);
    }
    let labels: Vec<String> =
        chart.bars.iter().map(|b| labels::fit(&b.label, WIDTH / 3.0, SIZE)).collect();
    let label_w = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let texts: Vec<String> = chart.bars.iter().map(|b| bar_text(b, chart.value_style)).collect();
    let text_w = texts.iter().map(|t| text_width(t)).fold(0.0, f64::max);
    let (left, right) = if rtl {
        (text_w + 16.0, WIDTH - label_w - 16.0)
    } else {
        (label_w + 16.0, WIDTH - text_w - 16.0)
    };
    let finite: Vec<f64> = chart.bars.iter().map(|b| b.value).filter(|v| v.is_finite()).collect();
    let lo = finite.iter().fold(0.0f64, |m, v| m.min(*v));
    let hi = finite.iter().fold(0.0f64, |m, v| m.max(*v));
    let ticks = nice_ticks(lo, hi, 4);
    let tick_text = tick_labels(&ticks, chart.value_style);
    let row_h = 26.0;
    let top = 8.0;
    let bottom = top + row_h * chart.bars.len() as f64;
    let height = bottom + 44.0;
    let x_of = |v: f64| {
        let t = (v - ticks.first()) / (ticks.last() - ticks.first());
        if rtl { right - t * (right - left) } else { left + t * (right - left) }
    };

    let mut out = open(&id, WIDTH, height, &chart.title, &desc);
    out.push(x_axis(&ticks, &tick_text, (top, bottom), GRID, x_of));
    out.push(html!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text>",
        n(if rtl { 4.0 } else { WIDTH - 4.0 }),
        n(bottom + 36.0),
        if rtl { "start" } else { "end" },
        MUTED,
        &labels::fit(&chart.value_unit, WIDTH - 8.0, SIZE)
    ));
    let (name_x, name_anchor) = if rtl { (right + 8.0, "start") } else { (left - 8.0, "end") };
    for (idx, bar) in chart.bars.iter().enumerate() {
        let y = top + row_h * idx as f64;
        let mid = y + row_h / 2.0;
        out.push(html!("<g class=\"bar\">"));
        out.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"><title>{}</title>{}</text>",
            n(name_x),
            n(mid + 4.0),
            name_anchor,
            &bar.label,
            &labels[idx]
        ));
        let end_x = if bar.value.is_finite() {
            let (x0, x1) = (x_of(0.0), x_of(bar.value));
            out.push(html!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/>",
                n(x0.min(x1)),
                n(mid - 8.0),
                n((x1 - x0).abs()),
                PALETTE[0]
            ));
            if rtl { x0.min(x1) } else { x0.max(x1) }
        } else {
            x_of(0.0)
        };
        let (value_x, value_anchor) =
            if rtl { (end_x - 6.0, "end") } else { (end_x + 6.0, "start") };
        out.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>",
            n(value_x),
            n(mid + 4.0),
            value_anchor,
            &texts[idx]
        ));
        out.push(html!("</g>"));
    }
    out.push(html!(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>",
        n(x_of(0.0)),
        n(top),
        n(x_of(0.0)),
        n(bottom),
        MUTED
    ));
    out.push(html!("</svg>"));
    out
}

/// One row of an [`IntervalChart`]: a point estimate and its interval.
#[derive(Clone, Debug, PartialEq)]
pub struct Interval {
    /// The row label.
    pub label: String,
    /// The point estimate (e.g. the median of the draws).
    pub point: f64,
    /// The lower bound of the interval.
    pub lower: f64,
    /// The upper bound of the interval.
    pub upper: f64,
}

/// Point estimates with intervals, one row each: for Monte Carlo results, for example.
#[derive(Clone, Debug, PartialEq)]
pub struct IntervalChart {
    /// The element id. Unique per page.
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// An optional sentence put before the data in the text alternative.
    pub summary: String,
    /// How values are written.
    pub value_style: NumberStyle,
    /// The unit of the values, shown under the axis.
    pub value_unit: String,
    /// What the interval is, e.g. "90% interval".
    pub interval_label: String,
    /// Whether the axis must include zero.
    pub include_zero: bool,
    /// An optional vertical reference line (e.g. the baseline).
    pub reference: Option<RefLine>,
    /// The rows, top to bottom.
    pub rows: Vec<Interval>,
}

/// Draws an [`IntervalChart`] in the direction of the language being rendered
/// ([`Direction::current`]). Bounds that are not finite are left out; a row whose
/// point is not finite is marked "n/a".
pub fn interval_chart(chart: &IntervalChart) -> Html {
    interval_chart_in(chart, Direction::current())
}

/// The text alternative's data of an [`IntervalChart`].
fn intervals_desc(chart: &IntervalChart) -> String {
    let style = chart.value_style;
    if chart.rows.is_empty() {
        return no_data_sentence();
    }
    let items: Vec<String> = chart
        .rows
        .iter()
        .map(|r| {
            if r.lower.is_finite() && r.upper.is_finite() {
                words::tf(
                    "brief-chart-interval-item",
                    &[
                        ("label", Arg::from(r.label.as_str())),
                        ("value", Arg::from(style.full(r.point))),
                        ("interval", Arg::from(chart.interval_label.as_str())),
                        ("lower", Arg::from(style.full(r.lower))),
                        ("upper", Arg::from(style.full(r.upper))),
                    ],
                )
            } else {
                item_text(&r.label, &style.full(r.point))
            }
        })
        .collect();
    let reference = match &chart.reference {
        Some(r) if r.value.is_finite() => format!(
            " {}",
            words::tf(
                "brief-chart-reference-line",
                &[
                    ("label", Arg::from(r.label.as_str())),
                    ("value", Arg::from(style.full(r.value)))
                ],
            )
        ),
        _ => String::new(),
    };
    format!("{}{reference} {}.", unit_sentence(&chart.value_unit), join_list(&items))
}

/// Draws an [`IntervalChart`] in `direction`: right to left puts the row labels on the
/// right and runs the values from right to left.
pub fn interval_chart_in(chart: &IntervalChart, direction: Direction) -> Html {
    let rtl = direction == Direction::Rtl;
    let id = sanitize_id(&chart.id);
    let style = chart.value_style;
    let row_text = |r: &Interval| {
        if r.lower.is_finite() && r.upper.is_finite() {
            format!("{} ({}–{})", style.short(r.point), style.short(r.lower), style.short(r.upper))
        } else {
            style.short(r.point)
        }
    };
    let desc = describe(&chart.summary, &intervals_desc(chart));
    if chart.rows.is_empty() {
        return empty(&id, &chart.title, &desc, WIDTH);
    }
    let mut values: Vec<f64> = chart
        .rows
        .iter()
        .flat_map(|r| [r.point, r.lower, r.upper])
        .chain(chart.reference.iter().map(|r| r.value))
        .filter(|v| v.is_finite())
        .collect();
    if chart.include_zero || values.is_empty() {
        values.push(0.0);
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let ticks = nice_ticks(lo, hi, 5);
    let tick_text = tick_labels(&ticks, style);
    let labels: Vec<String> =
        chart.rows.iter().map(|r| labels::fit(&r.label, WIDTH / 3.0, SIZE)).collect();
    let name_margin = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 16.0;
    let texts: Vec<String> = chart.rows.iter().map(row_text).collect();
    let value_margin = texts.iter().map(|t| text_width(t)).fold(0.0, f64::max) + 20.0;
    let (left, right) =
        if rtl { (value_margin, WIDTH - name_margin) } else { (name_margin, WIDTH - value_margin) };
    let row_h = 26.0;
    let top = if chart.reference.is_some() { 24.0 } else { 8.0 };
    let bottom = top + row_h * chart.rows.len() as f64;
    let height = bottom + 44.0;
    let x_of = |v: f64| {
        let t = (v - ticks.first()) / (ticks.last() - ticks.first());
        if rtl { right - t * (right - left) } else { left + t * (right - left) }
    };

    let mut out = open(&id, WIDTH, height, &chart.title, &desc);
    out.push(x_axis(&ticks, &tick_text, (top, bottom), GRID, x_of));
    let axis_text = words::tf(
        "brief-chart-interval-axis",
        &[
            ("unit", Arg::from(chart.value_unit.as_str())),
            ("interval", Arg::from(chart.interval_label.as_str())),
        ],
    );
    out.push(html!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text>",
        n(if rtl { 4.0 } else { WIDTH - 4.0 }),
        n(bottom + 36.0),
        if rtl { "start" } else { "end" },
        MUTED,
        &labels::fit(&axis_text, WIDTH - 8.0, SIZE)
    ));
    if let Some(r) = chart.reference.as_ref().filter(|r| r.value.is_finite()) {
        let x = x_of(r.value);
        // The label is centred on its line but kept inside the chart.
        let label = labels::fit(&r.label, WIDTH - 2.0, SIZE);
        let half = text_width(&label) / 2.0;
        let label_x = x.clamp(half + 1.0, (WIDTH - half - 1.0).max(half + 1.0));
        out.push(html!("<g class=\"reference\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" \
             stroke-dasharray=\"7 4\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>", n(x), n(top - 4.0), n(x), n(bottom), TEXT, n(label_x), n(top - 8.0), &label));
    }
    for (idx, row) in chart.rows.iter().enumerate() {
        let mid = top + row_h * (idx as f64 + 0.5);
        out.push(html!("<g class=\"row\">"));
        out.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\"><title>{}</title>{}</text>",
            n(if rtl { right + 8.0 } else { left - 8.0 }),
            n(mid + 4.0),
            if rtl { "start" } else { "end" },
            &row.label,
            &labels[idx]
        ));
        // The end of the row's marks in the reading direction, where its text goes.
        let mut end_x = if rtl { right } else { left };
        if row.lower.is_finite() && row.upper.is_finite() {
            let (x0, x1) = (x_of(row.lower.min(row.upper)), x_of(row.lower.max(row.upper)));
            out.push(html!("<path d=\"M{} {}V{}M{} {}H{}M{} {}V{}\" stroke=\"{}\" stroke-width=\"2\" fill=\"none\"/>", n(x0), n(mid - 6.0), n(mid + 6.0), n(x0), n(mid), n(x1), n(x1), n(mid - 6.0), n(mid + 6.0), PALETTE[0]));
            end_x = if rtl { x0.min(x1) } else { x0.max(x1) };
        }
        if row.point.is_finite() {
            let x = x_of(row.point);
            out.push(html!("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\" stroke=\"#ffffff\"><title>{}</title></circle>", n(x), n(mid), PALETTE[1], &item_text(&row.label, &texts[idx])));
            end_x = if rtl { end_x.min(x) } else { end_x.max(x) };
        }
        let (text_x, text_anchor) = if rtl { (end_x - 8.0, "end") } else { (end_x + 8.0, "start") };
        out.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>",
            n(text_x),
            n(mid + 4.0),
            text_anchor,
            &texts[idx]
        ));
        out.push(html!("</g>"));
    }
    out.push(html!("</svg>"));
    out
}

/// One point of a [`FanSeries`]: the quantiles of the draws at one x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FanPoint {
    /// The x value (usually a year).
    pub x: f64,
    /// 5th percentile.
    pub p05: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// One band-and-line of a [`FanChart`]: a policy option's median over time with its
/// 50 % and 90 % intervals.
#[derive(Clone, Debug, PartialEq)]
pub struct FanSeries {
    /// The series name, shown in the legend.
    pub name: String,
    /// The points. Points whose median is not finite are left out.
    pub points: Vec<FanPoint>,
}

/// Medians with shaded 50 % and 90 % intervals, one series per policy option: for
/// Monte Carlo results over time.
#[derive(Clone, Debug, PartialEq)]
pub struct FanChart {
    /// The element id. Unique per page.
    pub id: String,
    /// The chart's title.
    pub title: String,
    /// An optional sentence put before the data in the text alternative.
    pub summary: String,
    /// How x values are written.
    pub x_style: NumberStyle,
    /// How y values are written.
    pub y_style: NumberStyle,
    /// The unit of the y values.
    pub y_unit: String,
    /// The series.
    pub series: Vec<FanSeries>,
}

/// Draws a [`FanChart`] in the direction of the language being rendered
/// ([`Direction::current`]): for each series a light band from the 5th to the 95th
/// percentile, a darker band from the 25th to the 75th, and the median as a line with
/// markers. The text alternative gives every median with its 90 % interval.
pub fn fan_chart(chart: &FanChart) -> Html {
    let id = sanitize_id(&chart.id);
    let series: Vec<(&str, Vec<FanPoint>)> = chart
        .series
        .iter()
        .map(|s| {
            let mut pts: Vec<FanPoint> =
                s.points.iter().copied().filter(|p| p.x.is_finite() && p.p50.is_finite()).collect();
            pts.sort_by(|a, b| a.x.total_cmp(&b.x));
            (s.name.as_str(), pts)
        })
        .collect();
    let (xs, ys) = (chart.x_style, chart.y_style);
    let data = series
        .iter()
        .map(|(name, pts)| {
            if pts.is_empty() {
                return words::tf("brief-chart-series-no-data", &[("name", Arg::from(*name))]);
            }
            let values: Vec<String> = pts
                .iter()
                .map(|p| {
                    if p.p05.is_finite() && p.p95.is_finite() {
                        words::tf(
                            "brief-chart-fan-point",
                            &[
                                ("x", Arg::from(xs.full(p.x))),
                                ("median", Arg::from(ys.full(p.p50))),
                                ("lower", Arg::from(ys.full(p.p05))),
                                ("upper", Arg::from(ys.full(p.p95))),
                            ],
                        )
                    } else {
                        point_text(&xs.full(p.x), &ys.full(p.p50))
                    }
                })
                .collect();
            words::tf(
                "brief-chart-fan-series",
                &[
                    ("name", Arg::from(*name)),
                    ("unit", Arg::from(chart.y_unit.as_str())),
                    ("values", Arg::from(join_list(&values))),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let desc = describe(&chart.summary, &data);
    let values: Vec<f64> = series
        .iter()
        .flat_map(|(_, p)| p.iter().flat_map(|p| [p.p05, p.p25, p.p50, p.p75, p.p95]))
        .filter(|v| v.is_finite())
        .collect();
    let all_x: Vec<f64> = series.iter().flat_map(|(_, p)| p.iter().map(|p| p.x)).collect();
    if all_x.is_empty() {
        return empty(&id, &chart.title, &describe(&chart.summary, &no_data_sentence()), WIDTH);
    }
    let (x_min, x_max) = all_x
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| (lo.min(*x), hi.max(*x)));
    let (y_min, y_max) =
        values.iter().fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let mut entries: Vec<(String, Swatch)> = series
        .iter()
        .enumerate()
        .map(|(idx, (name, _))| {
            (
                words::tf("brief-chart-fan-median", &[("name", Arg::from(*name))]),
                Swatch::Series(idx),
            )
        })
        .collect();
    entries.push((words::t("brief-chart-fan-bands"), Swatch::Fill("#c8c8c8")));
    let frame = XyFrame::new(
        &id,
        &chart.title,
        &desc,
        (x_min, x_max),
        (y_min, y_max),
        (xs, ys),
        &chart.y_unit,
        &entries,
        Direction::current(),
    );
    let x_of = |x: f64| frame.x_of(x);
    let y_of = |y: f64| frame.y_of(y);
    let mut out = frame.svg.clone();
    let band = |pts: &[FanPoint], lo: fn(&FanPoint) -> f64, hi: fn(&FanPoint) -> f64| {
        let ok: Vec<&FanPoint> =
            pts.iter().filter(|p| lo(p).is_finite() && hi(p).is_finite()).collect();
        if ok.len() < 2 {
            return None;
        }
        let mut d = String::new();
        for (i, p) in ok.iter().enumerate() {
            d.push_str(&format!(
                "{}{} {}",
                if i == 0 { "M" } else { "L" },
                n(x_of(p.x)),
                n(y_of(hi(p)))
            ));
        }
        for p in ok.iter().rev() {
            d.push_str(&format!("L{} {}", n(x_of(p.x)), n(y_of(lo(p)))));
        }
        d.push('Z');
        Some(d)
    };
    for (idx, (name, pts)) in series.iter().enumerate() {
        if pts.is_empty() {
            continue;
        }
        let colour = PALETTE[idx % PALETTE.len()];
        let dash = DASHES[idx % DASHES.len()];
        let dash_attr =
            if dash.is_empty() { Html::new() } else { html!(" stroke-dasharray=\"{}\"", dash) };
        out.push(html!("<g class=\"series\" data-series=\"{}\">", name));
        if let Some(d) = band(pts, |p| p.p05, |p| p.p95) {
            out.push(html!(
                "<path class=\"band90\" d=\"{}\" fill=\"{}\" fill-opacity=\"0.12\"/>",
                d,
                colour
            ));
        }
        if let Some(d) = band(pts, |p| p.p25, |p| p.p75) {
            out.push(html!(
                "<path class=\"band50\" d=\"{}\" fill=\"{}\" fill-opacity=\"0.25\"/>",
                d,
                colour
            ));
        }
        if pts.len() >= 2 {
            let d: Vec<String> = pts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    format!("{}{} {}", if i == 0 { "M" } else { "L" }, n(x_of(p.x)), n(y_of(p.p50)))
                })
                .collect();
            out.push(html!(
                "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>",
                d.join(""),
                colour,
                dash_attr
            ));
        }
        for p in pts {
            let tip = words::tf(
                "brief-chart-fan-tip",
                &[
                    ("name", Arg::from(*name)),
                    ("x", Arg::from(xs.full(p.x))),
                    ("median", Arg::from(ys.full(p.p50))),
                    ("unit", Arg::from(chart.y_unit.as_str())),
                    ("lower", Arg::from(ys.full(p.p05))),
                    ("upper", Arg::from(ys.full(p.p95))),
                ],
            );
            out.push(marker(idx, x_of(p.x), y_of(p.p50), colour, &tip));
        }
        out.push(html!("</g>"));
    }
    out.push(html!("</svg>"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    pub(super) fn assert_clean(svg: &str) {
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title id=") && svg.contains("<desc id="));
        for bad in ["NaN", "inf", "-0.0\""] {
            assert!(!svg.contains(bad), "found {bad} in {svg}");
        }
    }

    fn line(series: Vec<Series>) -> LineChart {
        LineChart {
            id: "t".to_owned(),
            title: "Test".to_owned(),
            summary: String::new(),
            x_style: NumberStyle::Year,
            y_style: NumberStyle::Compact,
            y_unit: "persons".to_owned(),
            series,
        }
    }

    #[test]
    fn missing_values_break_lines() {
        let runs = segments(&[
            (2010.0, 3.0),
            (2000.0, 1.0),
            (2005.0, f64::NAN),
            (2015.0, 4.0),
            (f64::NAN, 9.0),
        ]);
        assert_eq!(runs, vec![vec![(2000.0, 1.0)], vec![(2010.0, 3.0), (2015.0, 4.0)]]);
        assert!(segments(&[(2000.0, f64::NAN)]).is_empty());
    }

    #[test]
    fn ticks_are_nice() {
        let t = nice_ticks(0.0, 1_234_567.0, 5);
        assert_close(t.step, 250_000.0);
        assert_eq!(
            tick_labels(&t, NumberStyle::Compact),
            ["0", "0.25M", "0.5M", "0.75M", "1M", "1.25M"]
        );
        let t = nice_ticks(0.0, 7.2, 5);
        assert_eq!(tick_labels(&t, NumberStyle::Percent(2)), ["0%", "2%", "4%", "6%", "8%"]);
        let t = nice_ticks(0.0, 0.0, 5);
        assert!(t.values.len() >= 2 && t.first() < t.last());
        let t = nice_ticks(5.0, 5.0, 5);
        assert!(t.first() <= 5.0 && t.last() >= 5.0 && t.first() < t.last());
        let t = nice_ticks(f64::NAN, 3.0, 5);
        assert!(t.values.iter().all(|v| v.is_finite()));
        let years = integer_ticks_within(1990.0, 2024.0, 8);
        assert_close(years.step, 5.0);
        assert_close(years.first(), 1990.0);
        assert_close(years.last(), 2020.0);
    }

    #[test]
    fn line_chart_states_data() {
        let svg = line_chart(&line(vec![
            Series {
                name: "Total".to_owned(),
                points: vec![(2010.0, 2_000_000.0), (2000.0, 1_500_000.0)],
            },
            Series {
                name: "Female".to_owned(),
                points: vec![(2000.0, 700_000.0), (2010.0, 950_000.0)],
            },
        ]))
        .into_string();
        assert_clean(&svg);
        assert!(svg.contains("Total, persons: 2000 1,500,000; 2010 2,000,000."), "{svg}");
        assert!(svg.contains("aria-labelledby=\"t-title t-desc\""));
    }

    #[test]
    fn line_chart_single_point_and_missing_values() {
        let svg = line_chart(&line(vec![Series {
            name: "Total".to_owned(),
            points: vec![(2020.0, 42.0), (2021.0, f64::NAN), (f64::INFINITY, 1.0)],
        }]))
        .into_string();
        assert_clean(&svg);
        assert!(svg.contains("some values missing"));
        assert!(svg.contains("<circle"));
    }

    #[test]
    fn empty_charts_say_so() {
        let svg = line_chart(&line(Vec::new())).into_string();
        assert_clean(&svg);
        assert!(svg.contains("No data available"));
        let svg = line_chart(&line(vec![Series { name: "x".to_owned(), points: Vec::new() }]))
            .into_string();
        assert_clean(&svg);
        let svg = bar_chart(&BarChart {
            id: "b".to_owned(),
            title: "B".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Compact,
            value_unit: "persons".to_owned(),
            bars: Vec::new(),
        })
        .into_string();
        assert_clean(&svg);
        let svg = reference_chart(&ReferenceChart {
            id: "r".to_owned(),
            title: "R".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Percent(2),
            value_unit: "%".to_owned(),
            mark: Mark::Dot,
            items: Vec::new(),
            references: vec![RefLine { value: 3.0, label: "SDG target 3%".to_owned() }],
        })
        .into_string();
        assert_clean(&svg);
        let svg = interval_chart(&IntervalChart {
            id: "i".to_owned(),
            title: "I".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Compact,
            value_unit: "persons".to_owned(),
            interval_label: "90% interval".to_owned(),
            include_zero: false,
            reference: None,
            rows: Vec::new(),
        })
        .into_string();
        assert_clean(&svg);
    }

    #[test]
    fn bars_escape_and_show_shares() {
        let svg = bar_chart(&BarChart {
            id: "b".to_owned(),
            title: "Top <b>".to_owned(),
            summary: "Largest first.".to_owned(),
            value_style: NumberStyle::Compact,
            value_unit: "persons".to_owned(),
            bars: vec![
                Bar { label: "A & <script>".to_owned(), value: 350_000.0, share_pct: Some(35.04) },
                Bar { label: "B".to_owned(), value: f64::NAN, share_pct: Some(f64::NAN) },
            ],
        })
        .into_string();
        assert_clean(&svg);
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("A &amp; &lt;script&gt;"));
        assert!(svg.contains("350k (35.0%)"));
        assert!(svg.contains("A &amp; &lt;script&gt;: 350,000 (35.0% of total)"));
    }

    /// A pseudo-locale: `text` 40 % longer, in letters wider than English ones.
    fn long(text: &str) -> String {
        format!("{text}{}", "ŵ".repeat(text.chars().count() * 2 / 5 + 1))
    }

    const NAMES: [&str; 6] = [
        "United Kingdom of Great Britain and Northern Ireland",
        "United States of America",
        "Saudi Arabia",
        "Bosnia and Herzegovina",
        "Republic of Moldova",
        "Viet Nam",
    ];

    #[test]
    fn no_chart_has_overlapping_or_clipped_labels_even_when_lengthened() {
        for stretch in [false, true] {
            let text = |s: &str| if stretch { long(s) } else { s.to_owned() };
            let series = NAMES
                .iter()
                .take(4)
                .enumerate()
                .map(|(i, name)| Series {
                    name: text(name),
                    points: (0..35)
                        .map(|y| (1990.0 + f64::from(y), 1e6 * (i + 1) as f64))
                        .collect(),
                })
                .collect();
            let mut chart = line(series);
            chart.y_unit = text("persons living abroad");
            for direction in [Direction::Ltr, Direction::Rtl] {
                labels::assert_no_collisions(&line_chart_in(&chart, direction).into_string());
            }
            let bars = NAMES
                .iter()
                .map(|name| Bar { label: text(name), value: 1.2e6, share_pct: Some(12.5) })
                .collect();
            labels::assert_no_collisions(
                &bar_chart(&BarChart {
                    id: "b".to_owned(),
                    title: "B".to_owned(),
                    summary: String::new(),
                    value_style: NumberStyle::Compact,
                    value_unit: text("persons"),
                    bars,
                })
                .into_string(),
            );
            let rows = NAMES
                .iter()
                .map(|name| Interval { label: text(name), point: 5.0, lower: 1.0, upper: 9.5 })
                .collect();
            labels::assert_no_collisions(
                &interval_chart(&IntervalChart {
                    id: "i".to_owned(),
                    title: "I".to_owned(),
                    summary: String::new(),
                    value_style: NumberStyle::Compact,
                    value_unit: text("persons"),
                    interval_label: text("90% interval"),
                    include_zero: true,
                    reference: Some(RefLine { value: 9.9, label: text("Baseline") }),
                    rows,
                })
                .into_string(),
            );
        }
    }

    #[test]
    fn right_to_left_line_charts_mirror_the_axes() {
        let chart = line(vec![Series {
            name: "Total".to_owned(),
            points: vec![(2000.0, 1.0), (2020.0, 2.0)],
        }]);
        let svg = line_chart_in(&chart, Direction::Rtl).into_string();
        assert!(svg.contains("class=\"y-labels\" text-anchor=\"start\""), "{svg}");
        let x_of_label = |svg: &str, label: &str| {
            let at = svg.find(&format!(">{label}</text>")).expect("label");
            let x_at = svg[..at].rfind("x=\"").expect("x") + 3;
            svg[x_at..].split('"').next().expect("x").parse::<f64>().expect("number")
        };
        assert!(x_of_label(&svg, "2000") > x_of_label(&svg, "2020"), "x runs right to left");
        let ltr = line_chart(&chart).into_string();
        assert!(x_of_label(&ltr, "2000") < x_of_label(&ltr, "2020"));
        // The y labels are right of the plot: right of every x label.
        assert!(x_of_label(&svg, "0") > x_of_label(&svg, "2000"));
    }

    /// The x of the text `label` (its first occurrence as a whole text).
    fn x_of_text(svg: &str, label: &str) -> f64 {
        let at = svg.find(&format!(">{label}</text>")).expect("label");
        let x_at = svg[..at].rfind("x=\"").expect("x") + 3;
        svg[x_at..].split('"').next().expect("x").parse::<f64>().expect("number")
    }

    /// The right end of the plot of a line chart: where its horizontal grid lines end.
    fn plot_right(svg: &str) -> f64 {
        let grid = &svg[svg.find("class=\"y-axis\"").expect("y axis")..];
        let x2 = grid.find("x2=\"").expect("x2") + 4;
        grid[x2..].split('"').next().expect("x2").parse::<f64>().expect("number")
    }

    #[test]
    fn an_arabic_brief_draws_its_charts_right_to_left() {
        let chart = line(vec![Series {
            name: "المجموع".to_owned(),
            points: vec![(2000.0, 1.0e6), (2010.0, 1.5e6), (2020.0, 2.0e6)],
        }]);
        let svg = {
            let _ar = words::Scope::enter(i18n::Lang::Ar);
            line_chart(&chart).into_string()
        };
        assert_clean(&svg);
        // The value axis is right of the plot: every y label starts right of its end.
        let right = plot_right(&svg);
        let labels = &svg[svg.find("class=\"y-labels\"").expect("y labels")..];
        let labels = &labels[..labels.find("</g>").expect("end")];
        assert!(labels.contains("text-anchor=\"start\""), "{labels}");
        let xs: Vec<f64> = labels
            .split("<text x=\"")
            .skip(1)
            .map(|t| t.split('"').next().expect("x").parse().expect("number"))
            .collect();
        assert!(!xs.is_empty() && xs.iter().all(|x| *x > right), "{xs:?} right of {right}");
        // Time runs from right to left.
        assert!(x_of_text(&svg, "2000") > x_of_text(&svg, "2020"));
        // The texts are laid out left to right (a page's dir="rtl" would turn their
        // anchors round) and ordered each by its own letters.
        assert!(svg.contains(" direction=\"ltr\""));
        assert!(!svg.contains("<style"), "no inline style: the page's sheet has the rule");
        assert!(crate::brief::CSS.contains(RTL_TEXT_CSS));
        // The chart's own words are Arabic, its numbers as UN Arabic documents write them.
        assert!(svg.contains("2000: 1,000,000"), "{svg}");
        labels::assert_no_collisions(&svg);
        // The same chart outside the scope is English, left to right.
        let ltr = line_chart(&chart).into_string();
        assert!(x_of_text(&ltr, "2000") < x_of_text(&ltr, "2020"));
        assert!(ltr.contains(" direction=\"ltr\"") && !ltr.contains("<style>"));
    }

    #[test]
    fn arabic_bar_and_interval_charts_put_labels_on_the_right() {
        let _ar = words::Scope::enter(i18n::Lang::Ar);
        let bars = BarChart {
            id: "b".to_owned(),
            title: "B".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Compact,
            value_unit: "أشخاص".to_owned(),
            bars: NAMES
                .iter()
                .map(|name| Bar { label: (*name).to_owned(), value: 1.2e6, share_pct: Some(12.5) })
                .collect(),
        };
        let svg = bar_chart(&bars).into_string();
        labels::assert_no_collisions(&svg);
        let (_, boxes) = labels::text_boxes(&svg);
        let name = boxes.iter().find(|(t, _)| t == "Saudi Arabia").expect("name").1.x0;
        let value = boxes.iter().find(|(t, _)| t.ends_with("(12.5%)")).expect("value").1.x1;
        assert!(name > value, "the name is right of its bar's value");
        assert!(svg.contains("(12.5%)"), "{svg}");
        let rows = IntervalChart {
            id: "i".to_owned(),
            title: "I".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Compact,
            value_unit: "أشخاص".to_owned(),
            interval_label: "فاصل 90%".to_owned(),
            include_zero: true,
            reference: Some(RefLine { value: 9.9, label: "خط الأساس".to_owned() }),
            rows: NAMES
                .iter()
                .map(|name| Interval {
                    label: (*name).to_owned(),
                    point: 5.0,
                    lower: 1.0,
                    upper: 9.5,
                })
                .collect(),
        };
        let svg = interval_chart(&rows).into_string();
        labels::assert_no_collisions(&svg);
        let (_, boxes) = labels::text_boxes(&svg);
        let name = boxes.iter().find(|(t, _)| t == "Viet Nam").expect("name").1.x0;
        assert!(name > WIDTH / 2.0, "row names on the right");
        assert!(svg.contains("الوحدة: أشخاص."), "the text alternative is Arabic: {svg}");
    }

    #[test]
    fn french_charts_write_decimal_commas_and_french_words() {
        let _fr = words::Scope::enter(i18n::Lang::Fr);
        let mut chart = line(vec![Series {
            name: "Envois de fonds".to_owned(),
            points: vec![(2000.0, 1.5), (2010.0, 2.25)],
        }]);
        chart.y_style = NumberStyle::Percent(2);
        let svg = line_chart(&chart).into_string();
        assert_clean(&svg);
        // Axis ticks, the text alternative and tooltips use the decimal comma.
        assert!(svg.contains(">0,5\u{202f}%<"), "{svg}");
        assert!(svg.contains("2000\u{a0}: 1,50\u{202f}%"), "{svg}");
        assert!(!svg.contains("1.50"), "{svg}");
        assert!(!svg.contains("<style"), "no inline style");
        let empty = line_chart(&line(Vec::new())).into_string();
        assert!(empty.contains("Aucune donnée disponible"));
        let bars = bar_chart(&BarChart {
            id: "b".to_owned(),
            title: "B".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Compact,
            value_unit: "personnes".to_owned(),
            bars: vec![Bar {
                label: "Népal".to_owned(), value: 350_000.0, share_pct: Some(35.04)
            }],
        })
        .into_string();
        assert!(bars.contains("(35,0\u{202f}% du total)"), "{bars}");
    }

    #[test]
    fn the_charts_own_words_fit_when_lengthened() {
        // The pseudo-language lengthens every text the charts write themselves.
        let _long = words::Scope::enter(i18n::Lang::Pseudo);
        let fan = FanChart {
            id: "fan".to_owned(),
            title: "F".to_owned(),
            summary: String::new(),
            x_style: NumberStyle::Year,
            y_style: NumberStyle::Compact,
            y_unit: long("persons"),
            series: NAMES
                .iter()
                .take(3)
                .enumerate()
                .map(|(i, name)| FanSeries {
                    name: long(name),
                    points: (1..=10)
                        .map(|y| FanPoint {
                            x: f64::from(y),
                            p05: 1.0,
                            p25: 2.0,
                            p50: 3.0 + i as f64,
                            p75: 4.0 + i as f64,
                            p95: 5.0 + i as f64,
                        })
                        .collect(),
                })
                .collect(),
        };
        let svg = fan_chart(&fan).into_string();
        assert!(svg.contains("(médíáñ)"), "{svg}");
        labels::assert_no_collisions(&svg);
        let chart = line(vec![Series { name: long("Total"), points: vec![(2000.0, 1.0)] }]);
        labels::assert_no_collisions(&line_chart(&chart).into_string());
    }

    #[test]
    fn interval_chart_draws_points_and_bounds() {
        let chart = IntervalChart {
            id: "mc".to_owned(),
            title: "Scenario".to_owned(),
            summary: String::new(),
            value_style: NumberStyle::Compact,
            value_unit: "persons".to_owned(),
            interval_label: "90% interval".to_owned(),
            include_zero: false,
            reference: Some(RefLine { value: 1_000_000.0, label: "Baseline".to_owned() }),
            rows: vec![
                Interval {
                    label: "A".to_owned(),
                    point: 1_200_000.0,
                    lower: 900_000.0,
                    upper: 1_500_000.0,
                },
                Interval { label: "B".to_owned(), point: 1_100_000.0, lower: f64::NAN, upper: 1.0 },
                Interval {
                    label: "C".to_owned(),
                    point: f64::NAN,
                    lower: f64::NAN,
                    upper: f64::NAN,
                },
            ],
        };
        let svg = interval_chart(&chart).into_string();
        assert_clean(&svg);
        assert!(svg.contains("A: 1,200,000, 90% interval 900,000 to 1,500,000"), "{svg}");
        assert!(svg.contains("1.2M (900k–1.5M)"));
        assert_eq!(svg, interval_chart(&chart).into_string());
    }
    #[test]
    fn fan_chart_draws_bands_and_states_the_intervals() {
        let pt = |x: f64, m: f64| FanPoint {
            x,
            p05: m - 2.0,
            p25: m - 1.0,
            p50: m,
            p75: m + 1.0,
            p95: m + 2.0,
        };
        let chart = FanChart {
            id: "fan".to_owned(),
            title: "Remittances".to_owned(),
            summary: String::new(),
            x_style: NumberStyle::Year,
            y_style: NumberStyle::Compact,
            y_unit: "USD".to_owned(),
            series: vec![
                FanSeries {
                    name: "A".to_owned(),
                    points: vec![pt(2021.0, 10.0), pt(2022.0, 12.0)],
                },
                FanSeries {
                    name: "B".to_owned(),
                    points: vec![pt(2021.0, 5.0), pt(2022.0, f64::NAN)],
                },
            ],
        };
        let svg = fan_chart(&chart).into_string();
        assert_eq!(svg.matches("class=\"band90\"").count(), 1, "B has one finite point: no band");
        assert_eq!(svg.matches("class=\"band50\"").count(), 1);
        assert!(svg.contains("A, median USD: 2021 10 (90% interval 8 to 12)"), "{svg}");
        assert!(svg.contains("role=\"img\""));
        assert_eq!(svg, fan_chart(&chart).into_string(), "deterministic");
        let none = fan_chart(&FanChart { series: vec![], ..chart }).into_string();
        assert!(none.contains("No data available"));
    }
}
