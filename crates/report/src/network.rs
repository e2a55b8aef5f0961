//! Cross-impact matrices drawn for people: a heat map of the cells' medians and a
//! network diagram of the influences, both inline SVG built with [`html!`](crate::html),
//! and the judgements as the CSV file `coherence matrix` reads.
//!
//! Both drawings are accessible: `role="img"` with a `<title>` and a `<desc>` (the
//! caller's summary) referenced by `aria-labelledby`, and every cell or link carries its
//! own `<title>`. Neither relies on colour alone: the heat map writes each median in
//! its cell and frames the cells flagged as disagreements with a thick border and a `!`;
//! the diagram draws negative links dashed and positive ones solid, with a width that
//! grows with the score's size, and an arrow at the influenced end. A page shows the
//! same numbers in a table beside them.
//!
//! Pure: the same input gives the same bytes.

use std::fmt::Write as _;

use crate::html;
use crate::html::Html;
use crate::markup::{format_trimmed, sanitize_id};

/// A square matrix of values to draw as a heat map on the −3 … +3 scale.
#[derive(Clone, Debug, Default)]
pub struct HeatMap {
    /// The SVG's id (made safe with [`sanitize_id`]); prefixes the ids inside.
    pub id: String,
    /// Its title (the accessible name).
    pub title: String,
    /// What it shows, for people who do not see it (the accessible description).
    pub summary: String,
    /// The rows' and columns' labels, in order (`n`).
    pub labels: Vec<String>,
    /// The values, row-major `n × n`: row influences column; `None` where nothing was
    /// scored (the diagonal is always drawn empty).
    pub values: Vec<Option<f64>>,
    /// Cells to mark as disagreements, row-major `n × n`.
    pub flagged: Vec<bool>,
}

/// A directed network of influences to draw with its nodes on a circle.
#[derive(Clone, Debug, Default)]
pub struct Network {
    /// The SVG's id (made safe with [`sanitize_id`]); prefixes the markers' ids.
    pub id: String,
    /// Its title (the accessible name).
    pub title: String,
    /// What it shows, for people who do not see it (the accessible description).
    pub summary: String,
    /// The nodes' labels, in order.
    pub labels: Vec<String>,
    /// The links; a link of value 0 is not drawn.
    pub links: Vec<Link>,
}

/// One link of a [`Network`]: `from` influences `to` by `value` (−3 … +3).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// The influencing node's index.
    pub from: usize,
    /// The influenced node's index.
    pub to: usize,
    /// The score.
    pub value: f64,
}

/// One assessor's score of one cell, as a row of [`judgements_csv`].
#[derive(Clone, Copy, Debug)]
pub struct JudgementRow<'a> {
    /// Who scored.
    pub assessor: &'a str,
    /// The influencing element's id.
    pub from: &'a str,
    /// The influenced element's id.
    pub to: &'a str,
    /// −3 … +3.
    pub score: i64,
    /// Why.
    pub rationale: &'a str,
}

/// The colour of the positive end of the scale (blue) and of the negative end
/// (dark red): a diverging pair that stays apart for the common colour-vision
/// deficiencies.
const POSITIVE: (u8, u8, u8) = (0x08, 0x30, 0x6b);
const NEGATIVE: (u8, u8, u8) = (0x67, 0x00, 0x1f);
/// The colours of positive and negative links in the diagram.
const POSITIVE_LINK: &str = "#08519c";
const NEGATIVE_LINK: &str = "#b2182b";
/// The longest label drawn; longer ones are cut with `…` (the full text is in the
/// element's `<title>` and in the page's tables).
const LABEL_CHARS: usize = 22;

/// A score as people read it: `+2`, `−1.5`, `0`.
pub fn signed(value: f64) -> String {
    let digits = format_trimmed(value.abs(), 1);
    if value > 0.0 {
        format!("+{digits}")
    } else if value < 0.0 {
        format!("\u{2212}{digits}")
    } else {
        digits
    }
}

/// A coordinate with one decimal.
fn at(v: f64) -> String {
    format!("{v:.1}")
}

/// `label` cut to [`LABEL_CHARS`] characters.
fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(LABEL_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// The fill of a cell of value `v` (−3 … +3): white at 0, the end colours at ±3.
fn fill(v: f64) -> String {
    let t = (v.abs() / 3.0).clamp(0.0, 1.0);
    let (r, g, b) = if v < 0.0 { NEGATIVE } else { POSITIVE };
    let mix = |c: u8| {
        let x = 255.0 - (255.0 - f64::from(c)) * t;
        // In 0 … 255 by construction.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "0 ≤ x ≤ 255")]
        let x = x.round() as u8;
        x
    };
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

/// The SVG heat map of `map` (row influences column), with a legend of the scale.
pub fn heat_map(map: &HeatMap) -> Html {
    let id = sanitize_id(&map.id);
    let n = map.labels.len();
    let (cell, label_w, top) = (44.0, 200.0, 34.0);
    let n_f = f64::from(u32::try_from(n).unwrap_or(u32::MAX));
    let width = label_w + cell * n_f + 10.0;
    let height = top + cell * n_f + 56.0;
    let mut body = Html::new();
    for (c, _) in map.labels.iter().enumerate() {
        let x = label_w + cell * idx(c) + cell / 2.0;
        body.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\">{}</text>",
            at(x),
            at(top - 10.0),
            c + 1
        ));
    }
    for (r, label) in map.labels.iter().enumerate() {
        let y = top + cell * idx(r);
        body.push(html!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\"><title>{}</title>{}. {}</text>",
            at(label_w - 8.0),
            at(y + cell / 2.0 + 4.5),
            label,
            r + 1,
            short(label)
        ));
        for c in 0..n {
            body.push(heat_cell(map, r, c, label_w + cell * idx(c), y, cell));
        }
    }
    body.push(heat_legend(label_w, top + cell * n_f + 14.0));
    html!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"chart heat\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" \
         role=\"img\" aria-labelledby=\"{}-title {}-desc\" font-family=\"system-ui, sans-serif\">\
         <title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>{}</svg>",
        id,
        at(width),
        at(height),
        at(width),
        at(height),
        id,
        id,
        id,
        map.title,
        id,
        map.summary,
        body
    )
}

/// One cell of the heat map at (`x`, `y`).
fn heat_cell(map: &HeatMap, r: usize, c: usize, x: f64, y: f64, size: f64) -> Html {
    let n = map.labels.len();
    let value = map.values.get(r * n + c).copied().flatten().filter(|_| r != c);
    let flagged = map.flagged.get(r * n + c).copied().unwrap_or(false) && r != c;
    let (from, to) = (&map.labels[r], &map.labels[c]);
    let Some(v) = value else {
        let what = if r == c { "—" } else { "not scored" };
        return html!(
            "<g><title>{} → {}: {}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f0f0f0\" stroke=\"#ffffff\"/></g>",
            from,
            to,
            what,
            at(x),
            at(y),
            at(size),
            at(size)
        );
    };
    let ink = if v.abs() >= 2.0 { "#ffffff" } else { "#1a1a1a" };
    let mark = if flagged { "!" } else { "" };
    let frame = if flagged {
        html!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"3\"/>",
            at(x + 1.5),
            at(y + 1.5),
            at(size - 3.0),
            at(size - 3.0)
        )
    } else {
        Html::new()
    };
    let disagree = if flagged { " (assessors disagree)" } else { "" };
    html!(
        "<g><title>{} → {}: {}{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\"/>{}\
         <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" fill=\"{}\">{}{}</text></g>",
        from,
        to,
        signed(v),
        disagree,
        at(x),
        at(y),
        at(size),
        at(size),
        fill(v),
        frame,
        at(x + size / 2.0),
        at(y + size / 2.0 + 4.5),
        ink,
        signed(v),
        mark
    )
}

/// The heat map's legend: the seven points of the scale, and the disagreement frame.
fn heat_legend(x0: f64, y: f64) -> Html {
    let mut out = Html::new();
    for (k, v) in (-3..=3).enumerate() {
        let x = x0 + 30.0 * idx(k);
        let v = f64::from(v);
        let ink = if v.abs() >= 2.0 { "#ffffff" } else { "#1a1a1a" };
        out.push(html!(
            "<rect x=\"{}\" y=\"{}\" width=\"30\" height=\"22\" fill=\"{}\" stroke=\"#767676\" stroke-width=\"0.5\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{}\">{}</text>",
            at(x),
            at(y),
            fill(v),
            at(x + 15.0),
            at(y + 15.5),
            ink,
            signed(v)
        ));
    }
    let x = x0 + 30.0 * 7.0 + 14.0;
    out.push(html!(
        "<rect x=\"{}\" y=\"{}\" width=\"22\" height=\"22\" fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"3\"/>\
         <text x=\"{}\" y=\"{}\" font-size=\"12\">! assessors disagree</text>",
        at(x),
        at(y),
        at(x + 28.0),
        at(y + 15.5)
    ));
    out
}

/// `i` as `f64`.
fn idx(i: usize) -> f64 {
    f64::from(u32::try_from(i).unwrap_or(u32::MAX))
}

/// The SVG network diagram of `net`: nodes numbered on a circle with their labels,
/// each non-zero link an arrow (solid if positive, dashed if negative, wider for a
/// larger score), bent so that the two directions of a pair stay apart; and a legend.
pub fn network_diagram(net: &Network) -> Html {
    let id = sanitize_id(&net.id);
    let n = net.labels.len();
    let (width, height, cx, cy) = (780.0, 640.0, 390.0, 300.0);
    let radius = if n <= 2 { 120.0 } else { 200.0 };
    let node_r = 15.0;
    let angle =
        |i: usize| std::f64::consts::TAU * idx(i) / idx(n.max(1)) - std::f64::consts::FRAC_PI_2;
    let pos = |i: usize| (cx + radius * angle(i).cos(), cy + radius * angle(i).sin());
    let mut links = Html::new();
    for l in net.links.iter().filter(|l| l.value != 0.0 && l.from != l.to) {
        if l.from >= n || l.to >= n {
            continue;
        }
        links.push(network_link(&id, net, *l, pos(l.from), pos(l.to), node_r));
    }
    let mut nodes = Html::new();
    for (i, label) in net.labels.iter().enumerate() {
        let (x, y) = pos(i);
        let a = angle(i);
        let (lx, ly) = (cx + (radius + 26.0) * a.cos(), cy + (radius + 26.0) * a.sin() + 4.5);
        let anchor = if a.cos() > 0.2 {
            "start"
        } else if a.cos() < -0.2 {
            "end"
        } else {
            "middle"
        };
        let ly = if a.cos().abs() <= 0.2 { ly + 8.0 * a.sin().signum() } else { ly };
        nodes.push(html!(
            "<g><title>{}. {}</title><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\">{}</text>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"13\">{}</text></g>",
            i + 1,
            label,
            at(x),
            at(y),
            at(node_r),
            at(x),
            at(y + 4.5),
            i + 1,
            at(lx),
            at(ly),
            anchor,
            short(label)
        ));
    }
    let marker = |suffix: &str, colour: &str| {
        html!(
            "<marker id=\"{}-{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" \
             markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
            id,
            suffix,
            colour
        )
    };
    html!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"chart network\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" \
         role=\"img\" aria-labelledby=\"{}-title {}-desc\" font-family=\"system-ui, sans-serif\">\
         <title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc><defs>{}{}</defs>\
         <g>{}</g><g>{}</g>{}</svg>",
        id,
        at(width),
        at(height),
        at(width),
        at(height),
        id,
        id,
        id,
        net.title,
        id,
        net.summary,
        marker("pos", POSITIVE_LINK),
        marker("neg", NEGATIVE_LINK),
        links,
        nodes,
        network_legend(height - 44.0)
    )
}

/// One link from `a` to `b`: a quadratic curve bent to its right, ending at the edge of
/// the target's circle (radius `node_r`) with an arrow.
fn network_link(
    id: &str,
    net: &Network,
    l: Link,
    a: (f64, f64),
    b: (f64, f64),
    node_r: f64,
) -> Html {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    // The control point: off the middle, to the right of the direction of travel.
    let bend = 0.14 * len;
    let ctrl = ((a.0 + b.0) / 2.0 - uy * bend, (a.1 + b.1) / 2.0 + ux * bend);
    let toward = |p: (f64, f64), q: (f64, f64), d: f64| {
        let (ex, ey) = (q.0 - p.0, q.1 - p.1);
        let e = (ex * ex + ey * ey).sqrt().max(1.0);
        (p.0 + ex / e * d, p.1 + ey / e * d)
    };
    let start = toward(a, ctrl, node_r + 1.0);
    let end = toward(b, ctrl, node_r + 2.0);
    let negative = l.value < 0.0;
    let (colour, dash, suffix) = if negative {
        (NEGATIVE_LINK, html!(" stroke-dasharray=\"7 4\""), "neg")
    } else {
        (POSITIVE_LINK, Html::new(), "pos")
    };
    let width = 0.75 + l.value.abs();
    html!(
        "<path d=\"M{},{} Q{},{} {},{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{} marker-end=\"url(#{}-{})\">\
         <title>{} → {}: {}</title></path>",
        at(start.0),
        at(start.1),
        at(ctrl.0),
        at(ctrl.1),
        at(end.0),
        at(end.1),
        colour,
        at(width),
        dash,
        id,
        suffix,
        net.labels[l.from],
        net.labels[l.to],
        signed(l.value)
    )
}

/// The diagram's legend at height `y`: what solid, dashed and wide lines mean.
fn network_legend(y: f64) -> Html {
    html!(
        "<g font-size=\"13\"><line x1=\"20\" y1=\"{}\" x2=\"70\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.75\"/>\
         <text x=\"78\" y=\"{}\">positive: progress helps (solid)</text>\
         <line x1=\"320\" y1=\"{}\" x2=\"370\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.75\" stroke-dasharray=\"7 4\"/>\
         <text x=\"378\" y=\"{}\">negative: progress hinders (dashed)</text>\
         <text x=\"20\" y=\"{}\">Wider lines: stronger influence (median score, 0.5 to 3). Arrows point at the influenced objective.</text></g>",
        at(y),
        at(y),
        POSITIVE_LINK,
        at(y + 4.5),
        at(y),
        at(y),
        NEGATIVE_LINK,
        at(y + 4.5),
        at(y + 26.0)
    )
}

/// A text field: formula-safe (`domain::spreadsheet::formula_safe`), then quoted when
/// it needs it (RFC 4180; a leading `#` or space, or a trailing space, too).
fn csv_field(s: &str) -> String {
    let s = domain::spreadsheet::formula_safe(s);
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(['#', ' ']) || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// The judgements file that `coherence matrix metrics` and `coherence matrix export`
/// read (`assessor,from,to,score,rationale`, RFC 4180 quoting), one row per score in
/// the order given. A text that a spreadsheet would take for a formula gets a `'`
/// before it, which the reader (`ingest::framework::read_judgements`) removes.
pub fn judgements_csv(rows: &[JudgementRow<'_>]) -> String {
    let mut out = String::from("assessor,from,to,score,rationale\n");
    for r in rows {
        let _ = writeln!(
            out,
            "{},{},{},{},{}",
            csv_field(r.assessor),
            csv_field(r.from),
            csv_field(r.to),
            r.score,
            csv_field(r.rationale)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVIL: &str = "<script>x</script>\"><img src=x onerror=alert(1)>";
    const LINK: &str = "=HYPERLINK(\"http://example.invalid\",\"x\")";

    fn labels() -> Vec<String> {
        vec!["Nurse recruitment".into(), EVIL.into(), "Cheaper remittances abroad for all".into()]
    }

    #[test]
    fn the_heat_map_escapes_labels_writes_each_value_and_marks_disagreement() {
        let map = HeatMap {
            id: "heat 1".into(),
            title: "Medians".into(),
            summary: EVIL.into(),
            labels: labels(),
            values: vec![None, Some(-2.5), Some(1.0), Some(3.0), None, None, Some(0.0), None, None],
            flagged: vec![false, true, false, false, false, false, false, false, false],
        };
        let svg = heat_map(&map).into_string();
        assert!(!svg.contains("<script>") && !svg.contains("<img"), "{svg}");
        assert!(svg.contains("role=\"img\" aria-labelledby=\"heat-1-title heat-1-desc\""));
        assert!(svg.contains(">\u{2212}2.5!</text>"), "{svg}");
        assert!(svg.contains(">+3</text>") && svg.contains(">0</text>"));
        assert!(svg.contains("(assessors disagree)"));
        assert!(svg.contains("Cheaper remittances a…"));
        assert_eq!(svg, heat_map(&map).into_string(), "the same input gives the same bytes");
    }

    #[test]
    fn the_diagram_draws_negative_links_dashed_and_skips_zero() {
        let net = Network {
            id: "net".into(),
            title: "Influences".into(),
            summary: "three".into(),
            labels: labels(),
            links: vec![
                Link { from: 0, to: 1, value: -3.0 },
                Link { from: 1, to: 0, value: 2.0 },
                Link { from: 2, to: 0, value: 0.0 },
            ],
        };
        let svg = network_diagram(&net).into_string();
        assert_eq!(svg.matches(" marker-end=").count(), 2, "one arrow per non-zero link: {svg}");
        assert_eq!(svg.matches("stroke-dasharray=\"7 4\" marker-end=\"url(#net-neg)\"").count(), 1);
        assert!(svg.contains("marker-end=\"url(#net-pos)\""));
        assert!(svg.contains("stroke-width=\"3.8\"") && svg.contains("stroke-width=\"2.8\""));
        assert!(!svg.contains("<script>") && !svg.contains("<img"));
        assert_eq!(svg.matches("<circle").count(), 3);
    }

    #[test]
    fn judgements_are_what_the_command_line_reads() {
        let rows = [
            JudgementRow { assessor: "amina", from: "a", to: "b", score: -2, rationale: EVIL },
            JudgementRow {
                assessor: "ben",
                from: "a",
                to: "b",
                score: 3,
                rationale: "x, \"y\"\nz",
            },
            JudgementRow {
                assessor: "amina",
                from: "b",
                to: "a",
                score: 1,
                rationale: "# not a comment",
            },
            JudgementRow { assessor: "=cmd", from: "a", to: "c", score: -3, rationale: LINK },
        ];
        let csv = judgements_csv(&rows);
        // Text that a spreadsheet would take for a formula is quoted; scores are numbers.
        assert!(
            csv.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"\n"),
            "{csv}"
        );
        assert!(csv.contains("\n'=cmd,a,c,-3,"), "{csv}");
        assert!(csv.contains("\namina,a,b,-2,"), "{csv}");
        let input = analysis::Input { name: "j.csv".into(), bytes: csv.into_bytes() };
        let report =
            analysis::assess::matrix_report(&input, &analysis::assess::MetricsOptions::default())
                .expect("the command line reads it");
        assert_eq!(report.matrix.nodes, ["a", "b", "c"]);
        assert!((report.matrix.cells[0].median - 0.5).abs() < 1e-12);
        // The reader removes the quote: the texts read back are the texts written.
        let linked = report.matrix.cells.iter().find(|c| c.to == 2).expect("a → c");
        assert_eq!(linked.rationales, [format!("=cmd: {LINK}")]);
        assert_eq!(report.matrix.cells[0].rationales[0], format!("amina: {EVIL}"));
        assert_eq!(report.matrix.cells[0].rationales[1], "ben: x, \"y\"\nz");
        let back = report.matrix.cells.iter().find(|c| (c.from, c.to) == (1, 0)).expect("b → a");
        assert_eq!(back.rationales[0], "amina: # not a comment");
    }

    #[test]
    fn scores_are_signed_with_a_true_minus() {
        assert_eq!(signed(2.0), "+2");
        assert_eq!(signed(-1.5), "\u{2212}1.5");
        assert_eq!(signed(0.0), "0");
    }
}
