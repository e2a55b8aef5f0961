//! World choropleth maps drawn as inline SVG: where a country's diaspora lives.
//!
//! * Boundaries: Natural Earth 1:50m (public domain) from the npm package
//!   `world-atlas` 2.0.2 (ISC), file `countries-50m.json`, embedded with
//!   `include_str!` (see `crates/report/data/README.md` for the checksum). Natural
//!   Earth draws de-facto boundaries; every map says that they do not imply
//!   endorsement.
//! * Decoding: our own [`topojson`] decoder, run once per process ([`countries`]).
//! * Projection: Equal Earth ([`projection`]), an equal-area projection, so that a
//!   large country is not made to look more important than it is.
//! * The antimeridian: rings that cross ±180° (Fiji, Chukotka, Wrangel Island) are
//!   cut there and each piece is closed along the map's curved edge; rings that wind
//!   around a pole (Antarctica) are closed along the pole line. No path draws a line
//!   across the map.
//! * Precision: coordinates are rounded to 0.1 user units on a 720-unit-wide map and
//!   written as relative moves; consecutive vertices that round to the same position
//!   are written once, which loses nothing at that precision. No other vertex is
//!   dropped: the map is not simplified.
//! * Colours: a sequential ColorBrewer scale (YlGnBu, Brewer & Harrower,
//!   <https://colorbrewer2.org>, marked colour-blind safe) in classed breaks (see
//!   [`class_breaks`]), a light grey for countries without data, and the country of
//!   origin hatched and outlined in vermillion, so it is found without colour.
//! * Small states that shrink to a few pixels get a dot in their class colour, so
//!   that a value on an island state is not invisible.
//! * Accessibility and determinism as in [`crate::svg`]: `role="img"`, a `<title>` and a
//!   `<desc>` (which lists the largest destinations in words) referenced by
//!   `aria-labelledby`; the same input gives the same bytes; no `NaN` is written.
//!
//! # Example
//! ```
//! use report::map::{DiasporaMap, diaspora_map};
//!
//! let svg = diaspora_map(&DiasporaMap {
//!     id: "diaspora".to_owned(),
//!     title: "Where emigrants from the Philippines live".to_owned(),
//!     description: "Emigrants from the Philippines by country of residence, 2024.".to_owned(),
//!     origin_m49: Some(608),
//!     values: vec![(840, 2_100_000.0), (682, 700_000.0), (124, 600_000.0)],
//! })
//! .into_string();
//! assert!(svg.starts_with("<svg") && svg.contains("United States of America"));
//! ```

pub mod projection;
pub mod topojson;

mod geometry;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use domain::area::{M49, real_area_by_m49};

use crate::html;
use crate::html::Html;
use crate::markup::{format_compact, format_thousands, sanitize_id};
use crate::svg::{self, labels};
use crate::words;
use geometry::{Bounds, Frame};
use i18n::Arg;

/// The embedded Natural Earth 1:50m boundaries (TopoJSON).
pub const COUNTRIES_50M: &str = include_str!("../data/countries-50m.json");

/// The note every map carries about its boundaries, in English; [`boundary_note`] is
/// the same note in the language being rendered.
pub const BOUNDARY_NOTE: &str =
    "The boundaries and names shown do not imply official endorsement or acceptance.";

/// The note every map carries about its boundaries ([`BOUNDARY_NOTE`]), in the
/// language being rendered ([`crate::words`]).
pub fn boundary_note() -> String {
    words::t("brief-map-boundary-note")
}

/// The projection and the source of the boundaries, as written under the map.
fn source_note() -> String {
    words::t("brief-map-source-note")
}

/// Width of the map, in SVG user units.
const WIDTH: f64 = 720.0;
/// Space above the map.
const TOP: f64 = 8.0;
/// Colour of text.
const TEXT: &str = "#222222";
/// Colour of secondary text.
const MUTED: &str = "#555555";
/// The font stack: system fonts only.
const FONT: &str =
    "system-ui, -apple-system, &#39;Segoe UI&#39;, Roboto, Helvetica, Arial, sans-serif";
/// Fill of the globe (the sea).
const SEA: &str = "#f2f6f9";
/// Fill of countries without data.
const NO_DATA: &str = "#dcdcdc";
/// Country borders.
const BORDER: &str = "#ffffff";
/// The outline and hatch of the country of origin (Okabe–Ito vermillion).
const ORIGIN: &str = "#D55E00";
/// The sequential scale, light to dark (ColorBrewer YlGnBu, the six darker classes of
/// the seven-class scheme; the lightest, near white, is not distinguishable from paper).
pub const RAMP: [&str; 6] = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"];
/// A feature whose drawn extent is below this many user units gets a dot when it has
/// a value or is the origin.
const DOT_BELOW: f64 = 4.0;
/// How many destinations the text alternative names.
const DESC_TOP: usize = 10;

/// One country or area of the world map, projected and ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// The ISO 3166-1 numeric (= UN M49) code, or `None` for the few Natural Earth
    /// units without one (Kosovo, N. Cyprus, Somaliland, Indian Ocean Ter., Siachen
    /// Glacier); these are always drawn in the neutral colour.
    pub m49: Option<u16>,
    /// The Natural Earth short name.
    pub name: String,
    /// SVG path data of the outline (even-odd fill rule), in the map's user units.
    pub path: String,
    /// The bounding box of the largest ring of the outline (by width or height): (min
    /// x, min y, max x, max y); `None` if the whole outline is too small to draw at 0.1
    /// user units. Used to place a dot on small states.
    pub bounds: Option<(f64, f64, f64, f64)>,
}

/// The projected world, built once from [`COUNTRIES_50M`]. The order is the file's.
///
/// # Panics
/// Never in practice: the embedded file is checked by the crate's tests.
pub fn countries() -> &'static [Country] {
    static WORLD: OnceLock<Vec<Country>> = OnceLock::new();
    WORLD.get_or_init(|| {
        let features = topojson::decode(COUNTRIES_50M, "countries")
            .expect("the embedded countries-50m.json is valid TopoJSON (tested)");
        let frame = frame();
        features
            .into_iter()
            .map(|f| {
                let mut path = String::new();
                let mut bounds: Option<Bounds> = None;
                for ring in f.polygons.iter().flatten() {
                    for piece in geometry::split_at_antimeridian(ring) {
                        if let Some(b) = geometry::push_ring(&mut path, &piece, &frame) {
                            let extent = |r: Bounds| (r.2 - r.0).max(r.3 - r.1);
                            if bounds.is_none_or(|a| extent(b) > extent(a)) {
                                bounds = Some(b);
                            }
                        }
                    }
                }
                let m49 = f.id.as_deref().and_then(|id| id.parse::<u16>().ok());
                Country { m49, name: f.name, path, bounds }
            })
            .collect()
    })
}

/// The frame of the map inside the SVG.
fn frame() -> Frame {
    Frame::new(0.0, TOP, WIDTH)
}

/// A world map of where a country's emigrants live.
#[derive(Clone, Debug, PartialEq)]
pub struct DiasporaMap {
    /// The element id; the ids of the title, description and hatch pattern derive from
    /// it. Unique per page.
    pub id: String,
    /// The map's title (the `<title>` element).
    pub title: String,
    /// A sentence that says what the map shows; the text alternative adds the data.
    pub description: String,
    /// The country of origin's UN M49 code, hatched and outlined; `None` when the
    /// origin is not a real country (the demo world).
    pub origin_m49: Option<u16>,
    /// Emigrants (persons) by UN M49 code of the country of residence. Values that are
    /// not finite or not positive are not drawn; repeated codes are added up.
    pub values: Vec<(u16, f64)>,
}

/// The classes of a map's colour scale.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    /// The lower bounds of classes 2, 3, …: a value `v` is in class `i`, the number of
    /// breaks at or below `v`. Empty when there is one class (or no data).
    pub breaks: Vec<f64>,
    /// The colour of each class, light to dark; one more than the breaks (none without
    /// data).
    pub colours: Vec<&'static str>,
}

impl Classes {
    /// The class index of a value.
    pub fn class_of(&self, value: f64) -> usize {
        self.breaks.iter().take_while(|&&b| b <= value).count()
    }

    /// The legend labels, one per class: `under 10k`, `10k–50k`, …, `1M or more`.
    /// Each class includes its lower bound.
    pub fn labels(&self, values: &[f64]) -> Vec<String> {
        let k = self.colours.len();
        if k == 0 {
            return Vec::new();
        }
        if self.breaks.is_empty() {
            let (lo, hi) = values
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
            return vec![if lo.is_finite() && format_compact(lo) != format_compact(hi) {
                format!("{}–{}", format_compact(lo), format_compact(hi))
            } else if lo.is_finite() {
                format_compact(lo)
            } else {
                words::t("brief-map-class-all")
            }];
        }
        let bound = |i: usize| Arg::from(format_compact(self.breaks[i]));
        (0..k)
            .map(|i| match i {
                0 => words::tf("brief-map-class-under", &[("bound", bound(0))]),
                i if i == k - 1 => words::tf("brief-map-class-or-more", &[("bound", bound(i - 1))]),
                i => format!(
                    "{}–{}",
                    format_compact(self.breaks[i - 1]),
                    format_compact(self.breaks[i])
                ),
            })
            .collect()
    }
}

/// The "nice" number nearest to `v` on a logarithmic scale among 1, 2 and 5 times a
/// power of ten (and 10).
fn nice_125(v: f64) -> f64 {
    let exp = v.log10().floor();
    let mag = 10f64.powf(exp);
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|c| c * mag)
        .min_by(|a, b| (a.ln() - v.ln()).abs().total_cmp(&(b.ln() - v.ln()).abs()))
        .unwrap_or(mag)
}

/// Classed breaks for positive values: quantile breaks rounded to "nice" numbers.
///
/// With `n` values, at most six classes (fewer when there are few distinct values). The
/// `j`-th break starts from the value at rank `⌊j·n/k⌋` of the sorted values (a
/// quantile, so each class holds about as many countries), rounded to the nearest of
/// 1, 2 or 5 times a power of ten on a log scale (so the legend reads `10k–20k`, not
/// `9,871–23,402`). Breaks that coincide after rounding, or fall outside
/// (smallest, largest], are dropped, so every class is used and the classes together
/// cover every value: the first class is open below, the last open above.
pub fn class_breaks(values: &[f64]) -> Classes {
    let mut sorted: Vec<f64> =
        values.iter().copied().filter(|v| v.is_finite() && *v > 0.0).collect();
    sorted.sort_by(f64::total_cmp);
    if sorted.is_empty() {
        return Classes { breaks: Vec::new(), colours: Vec::new() };
    }
    let mut distinct = sorted.clone();
    distinct.dedup();
    let k = distinct.len().min(RAMP.len());
    let (lo, hi) = (sorted[0], sorted[sorted.len() - 1]);
    let n = sorted.len();
    let mut breaks: Vec<f64> = Vec::new();
    for j in 1..k {
        let b = nice_125(sorted[(j * n / k).min(n - 1)]);
        if b > lo && b <= hi && breaks.last().is_none_or(|&last| b > last) {
            breaks.push(b);
        }
    }
    let classes = breaks.len() + 1;
    let colours = (0..classes)
        .map(|i| {
            let idx = if classes == 1 { 3 } else { i * (RAMP.len() - 1) / (classes - 1) };
            RAMP[idx]
        })
        .collect();
    Classes { breaks, colours }
}

/// A coordinate with one decimal, never `-0.0` or `NaN`.
fn n(x: f64) -> String {
    if !x.is_finite() {
        return "0".to_owned();
    }
    let s = format!("{x:.1}");
    if s == "-0.0" { "0.0".to_owned() } else { s }
}

/// The name of an M49 code in the language being rendered: the UN name from the area
/// table ([`words::country`]), else the Natural Earth name, else the code.
fn name_of(code: u16) -> String {
    if let Some(area) = M49::new(code).ok().and_then(real_area_by_m49) {
        return words::country(area.iso3.as_str(), area.name);
    }
    countries().iter().find(|c| c.m49 == Some(code)).map(|c| c.name.clone()).unwrap_or_else(|| {
        words::tf("brief-map-area-code", &[("code", Arg::plain(format!("{code:03}")))])
    })
}

/// The name a country's tooltip shows: Natural Earth's short name in English (as the
/// boundaries' file writes it), the UN's name in another language where the outline
/// has an M49 code.
fn shown_name(country: &Country) -> String {
    match country.m49 {
        Some(code) if words::lang() != i18n::Lang::En => name_of(code),
        _ => country.name.clone(),
    }
}

/// The positive, finite values by code (repeated codes added up).
fn clean_values(values: &[(u16, f64)]) -> BTreeMap<u16, f64> {
    let mut out = BTreeMap::new();
    for &(code, v) in values {
        if v.is_finite() && v > 0.0 {
            *out.entry(code).or_insert(0.0) += v;
        }
    }
    out
}

/// The text alternative: the description, then the data in words.
fn describe(map: &DiasporaMap, data: &BTreeMap<u16, f64>, missing: &[u16]) -> String {
    let mut parts = vec![words::t("brief-map-desc-world")];
    if !map.description.trim().is_empty() {
        parts.push(map.description.trim().to_owned());
    }
    if missing.len() == data.len() {
        parts.push(words::t("brief-map-desc-no-data"));
    }
    if !data.is_empty() {
        let mut ranked: Vec<(u16, f64)> = data.iter().map(|(&c, &v)| (c, v)).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let top: Vec<String> = ranked
            .iter()
            .take(DESC_TOP)
            .map(|&(c, v)| {
                words::tf(
                    "brief-map-desc-item",
                    &[
                        ("name", Arg::from(name_of(c))),
                        ("value", Arg::from(format_thousands(v, 0))),
                    ],
                )
            })
            .collect();
        let label = if ranked.len() > DESC_TOP {
            words::tf(
                "brief-map-desc-largest",
                &[("shown", Arg::from(top.len())), ("total", Arg::from(ranked.len()))],
            )
        } else {
            words::tf("brief-map-desc-all", &[("total", Arg::from(ranked.len()))])
        };
        parts.push(format!("{label} {}.", svg::join_list(&top)));
    }
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|&c| name_of(c)).collect();
        parts.push(not_drawn(&svg::join_list(&names)));
    }
    if let Some(origin) = map.origin_m49 {
        parts.push(words::tf("brief-map-desc-origin", &[("name", Arg::from(name_of(origin)))]));
    }
    parts.push(source_note());
    parts.push(boundary_note());
    parts.join(" ")
}

/// The sentence that names the destinations with data but no outline at this scale.
fn not_drawn(names: &str) -> String {
    words::tf("brief-map-not-drawn", &[("names", Arg::from(names))])
}

/// Draws the world map of a diaspora as a complete `<svg>` element.
///
/// Destinations are filled by class (see [`class_breaks`]); countries without data are
/// grey; the origin is hatched and outlined. Values for codes that have no outline in
/// the 1:50m boundaries are not drawn and are named in the text alternative and under
/// the legend. With no usable values at all (for example the fictional countries of
/// the demo world, which have no M49 code), the world is drawn in grey and the legend
/// says that there is no data.
pub fn diaspora_map(map: &DiasporaMap) -> Html {
    let id = sanitize_id(&map.id);
    let world = countries();
    let data = clean_values(&map.values);
    let drawn: Vec<f64> = data
        .iter()
        .filter(|(c, _)| world.iter().any(|w| w.m49 == Some(**c) && w.bounds.is_some()))
        .map(|(_, &v)| v)
        .collect();
    let missing: Vec<u16> = data
        .keys()
        .copied()
        .filter(|c| !world.iter().any(|w| w.m49 == Some(*c) && w.bounds.is_some()))
        .collect();
    let classes = class_breaks(&drawn);
    let labels = classes.labels(&drawn);
    let frame = frame();
    let map_bottom = TOP + frame.height();
    let legend_top = map_bottom + 14.0;
    let rtl = words::lang().is_rtl();
    let (legend_svg, legend_rows) =
        legend(&id, (&classes, &labels), map.origin_m49.map(name_of), legend_top, rtl);
    let notes = notes(&missing);
    let notes_top = legend_top + LEGEND_ROW * legend_rows as f64 + 12.0;
    let height = notes_top + NOTE_LINE * notes.len() as f64 + 6.0;

    let direction = svg::bidi();
    let mut out = html!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{}\" class=\"chart map\" viewBox=\"0 0 {} {}\" \
         width=\"{}\" height=\"{}\" role=\"img\" aria-labelledby=\"{}-title {}-desc\" \
         font-family=\"{}\" font-size=\"12\" fill=\"{}\"{}>\
         <title id=\"{}-title\">{}</title><desc id=\"{}-desc\">{}</desc>\
         <defs><pattern id=\"{}-hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#ffffff\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"4\" stroke=\"{}\" stroke-width=\"2\"/></pattern></defs>",
        id,
        n(WIDTH),
        n(height),
        n(WIDTH),
        n(height),
        id,
        id,
        Html::from_static(FONT),
        TEXT,
        direction,
        id,
        &map.title,
        id,
        &describe(map, &data, &missing),
        id,
        ORIGIN
    );
    let mut sphere = String::new();
    geometry::push_ring(&mut sphere, &geometry::sphere_ring(), &frame);
    out.push(html!(
        "<path class=\"sphere\" d=\"{}\" fill=\"{}\" stroke=\"#c8d3dc\" stroke-width=\"0.5\"/>",
        sphere,
        SEA
    ));

    out.push(html!("<g class=\"countries\" fill-rule=\"evenodd\" stroke=\"{}\" stroke-width=\"0.3\" stroke-linejoin=\"round\">", BORDER));
    let mut dots = Html::new();
    let mut origin_path = None;
    for country in world {
        if country.bounds.is_none() {
            continue;
        }
        let value = country.m49.and_then(|c| data.get(&c).copied());
        let is_origin = country.m49.is_some() && country.m49 == map.origin_m49;
        let fill = match value {
            Some(v) if !classes.colours.is_empty() => classes.colours[classes.class_of(v)],
            _ => NO_DATA,
        };
        let name = shown_name(country);
        let tip = match value {
            Some(v) => words::tf(
                "brief-map-tip-persons",
                &[("name", Arg::from(name)), ("value", Arg::Number(v.round(), 0))],
            ),
            None if is_origin => origin_tip(&name),
            None => name,
        };
        if is_origin {
            origin_path = Some(country);
            continue;
        }
        // A white border would cover the whole of a small island.
        let small =
            country.bounds.is_some_and(|(x0, y0, x1, y1)| (x1 - x0).max(y1 - y0) < DOT_BELOW);
        out.push(html!(
            "<path d=\"{}\" fill=\"{}\"{}><title>{}</title></path>",
            country.path,
            fill,
            if small { html!(" stroke=\"none\"") } else { Html::new() },
            &tip
        ));
        if let Some((x0, y0, x1, y1)) = country.bounds
            && value.is_some()
            && small
        {
            dots.push(html!("<circle cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"{}\" stroke=\"{}\" stroke-width=\"0.6\"><title>{}</title></circle>", n((x0 + x1) / 2.0), n((y0 + y1) / 2.0), fill, TEXT, &tip));
        }
    }
    out.push(html!("</g>"));
    if let Some(origin) = origin_path {
        out.push(html!("<path class=\"origin\" d=\"{}\" fill=\"url(#{}-hatch)\" fill-rule=\"evenodd\" stroke=\"{}\" \
             stroke-width=\"1.2\" stroke-linejoin=\"round\"><title>{}</title></path>", origin.path, id, ORIGIN, &origin_tip(&shown_name(origin))));
        if let Some((x0, y0, x1, y1)) = origin.bounds
            && (x1 - x0).max(y1 - y0) < DOT_BELOW
        {
            dots.push(html!("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"url(#{}-hatch)\" stroke=\"{}\" stroke-width=\"1.2\"/>", n((x0 + x1) / 2.0), n((y0 + y1) / 2.0), id, ORIGIN));
        }
    }
    out.push(dots);
    out.push(legend_svg);
    // Right to left, the notes are set flush right.
    let (note_x, note_anchor) = if rtl { (WIDTH - INSET, "end") } else { (INSET, "start") };
    out.push(html!(
        "<g class=\"notes\" fill=\"{}\" font-size=\"{}\" text-anchor=\"{}\">",
        MUTED,
        n(NOTE_SIZE),
        note_anchor
    ));
    for (i, note) in notes.iter().enumerate() {
        out.push(html!(
            "<text x=\"{}\" y=\"{}\">{}</text>",
            n(note_x),
            n(notes_top + NOTE_SIZE + NOTE_LINE * i as f64),
            note
        ));
    }
    out.push(html!("</g></svg>"));
    out
}

/// The tooltip of the country of origin: "Nepal: origin".
fn origin_tip(name: &str) -> String {
    words::tf("brief-map-tip-origin", &[("name", Arg::from(name))])
}

/// Where the legend and notes start: a little in from the edge, which a glyph's
/// overhang would otherwise cross.
const INSET: f64 = 2.0;
/// Height of one row of the legend.
const LEGEND_ROW: f64 = 20.0;
/// Font size of the notes under the legend.
const NOTE_SIZE: f64 = 11.0;
/// Height of one line of the notes.
const NOTE_LINE: f64 = 15.0;

/// The notes under the map, broken into lines that fit its width: the areas not drawn
/// (at most three lines of them; all are named in the text alternative), the
/// projection and sources, and the boundary disclaimer.
fn notes(missing: &[u16]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|&c| name_of(c)).collect();
        let text = not_drawn(&names.join(&words::t("brief-map-name-separator")));
        lines.extend(labels::wrap(&text, WIDTH - 2.0 * INSET, NOTE_SIZE, 3));
    }
    for note in [source_note(), boundary_note()] {
        lines.extend(labels::wrap(&note, WIDTH - 2.0 * INSET, NOTE_SIZE, 3));
    }
    lines
}

/// The legend: one swatch per class with its range, then "no data" and the origin, in
/// rows that fit the map's width (measured, see [`labels::text_width`]), from the left,
/// or with `rtl` from the right, each swatch right of its label. Returns the markup
/// and the number of rows.
fn legend(
    id: &str,
    (classes, labels): (&Classes, &[String]),
    origin: Option<String>,
    top: f64,
    rtl: bool,
) -> (Html, usize) {
    const SIZE: f64 = 12.0;
    let title = words::t("brief-map-legend-title");
    let indent = INSET + labels::text_width(&title, SIZE) + 12.0;
    let mut entries: Vec<(String, &str, String)> = Vec::new();
    if classes.colours.is_empty() {
        entries.push((NO_DATA.to_owned(), "#999999", words::t("brief-map-legend-no-data-any")));
    } else {
        for (colour, label) in classes.colours.iter().zip(labels) {
            entries.push(((*colour).to_owned(), "none", label.clone()));
        }
        entries.push((NO_DATA.to_owned(), "none", words::t("brief-map-legend-no-data")));
    }
    if let Some(name) = origin {
        let label = words::tf("brief-map-legend-origin", &[("name", Arg::from(name))]);
        entries.push((format!("url(#{id}-hatch)"), ORIGIN, label));
    }
    let room = WIDTH - INSET - indent;
    let texts: Vec<String> =
        entries.iter().map(|(_, _, label)| labels::fit(label, room - 18.0, SIZE)).collect();
    let widths: Vec<f64> = texts.iter().map(|t| 18.0 + labels::text_width(t, SIZE)).collect();
    let placed = labels::flow(&widths, room, 12.0);
    let rows = placed.iter().map(|(_, row)| row + 1).max().unwrap_or(1);
    // Right to left, every x is mirrored about the map's centre, and texts end there.
    let mirror = |x: f64| if rtl { WIDTH - x } else { x };
    let anchor = if rtl { "end" } else { "start" };
    let mut out = html!(
        "<g class=\"legend\" text-anchor=\"{}\"><text x=\"{}\" y=\"{}\">{}</text>",
        anchor,
        n(mirror(INSET)),
        n(top + 10.0),
        &title
    );
    for (((fill, stroke, label), text), (dx, row)) in entries.iter().zip(&texts).zip(placed) {
        let (x, y) = (indent + dx, top + LEGEND_ROW * row as f64);
        let tip = if text == label { Html::new() } else { html!("<title>{}</title>", label) };
        // The swatch's left edge: `x` left to right, its mirror image right to left.
        let swatch_x = if rtl { WIDTH - x - 14.0 } else { x };
        out.push(html!("<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"12\" fill=\"{}\" stroke=\"{}\" stroke-width=\"0.8\"/>\
             <text x=\"{}\" y=\"{}\">{}{}</text>", n(swatch_x), n(y), fill, *stroke, n(mirror(x + 18.0)), n(y + 10.0), tip, text));
    }
    out.push(html!("</g>"));
    (out, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_and_notes_fit_with_a_long_origin_name() {
        // The legend used to run off the map ("origin: Philippi"); a long name and areas
        // that are not drawn must wrap inside it instead.
        let svg = diaspora_map(&DiasporaMap {
            id: "m".to_owned(),
            title: "Where emigrants live".to_owned(),
            description: "Emigrants by country of residence.".to_owned(),
            origin_m49: Some(826),
            values: vec![
                (840, 2_100_000.0),
                (682, 700_000.0),
                (124, 60_000.0),
                (36, 5_000.0),
                (392, 900.0),
                (250, 40.0),
                (16, 10.0),
                (574, 12.0),
                (744, 7.0),
            ],
        })
        .into_string();
        assert!(svg.contains("origin: United Kingdom of Great Britain and Northern Ireland"));
        labels::assert_no_collisions(&svg);
    }

    #[test]
    fn an_arabic_map_names_countries_in_arabic_and_mirrors_its_legend() {
        let map = DiasporaMap {
            id: "m".to_owned(),
            title: "t".to_owned(),
            description: String::new(),
            origin_m49: Some(524),
            values: vec![(634, 400_000.0), (682, 3.0), (356, 1.0), (744, 7.0)],
        };
        let svg = {
            let _ar = words::Scope::enter(i18n::Lang::Ar);
            diaspora_map(&map).into_string()
        };
        labels::assert_no_collisions(&svg);
        // The UN's Arabic names, the Arabic legend, plural forms and notes.
        assert!(svg.contains("بلد المنشأ: نيبال"), "{svg}");
        assert!(svg.contains("قطر: 400,000 شخص"), "{svg}");
        assert!(svg.contains(": 3 أشخاص") && svg.contains(": شخص واحد"), "{svg}");
        assert!(svg.contains("الحدود والأسماء المبينة"));
        assert!(svg.contains("غير مرسومة"), "Svalbard has no outline: {svg}");
        assert!(!svg.contains(" persons") && !svg.contains(": origin") && !svg.contains("no data"));
        // The legend starts at the right edge: its title ends there.
        let (_, boxes) = labels::text_boxes(&svg);
        let title = boxes.iter().find(|(t, _)| t == "الأشخاص").expect("legend title").1;
        assert!(title.x1 > WIDTH - 10.0, "{title:?}");
        assert!(svg.contains(" direction=\"ltr\""));
        // In English the tooltips keep Natural Earth's names and the legend its words.
        let english = diaspora_map(&map).into_string();
        assert!(english.contains("origin: Nepal") && english.contains("Qatar: 400,000 persons"));
        assert!(english.contains("India: 1 person"));
    }

    #[test]
    fn the_legend_and_notes_fit_when_lengthened() {
        // The pseudo-language lengthens the legend's words, the notes and the names.
        let _long = words::Scope::enter(i18n::Lang::Pseudo);
        let svg = diaspora_map(&DiasporaMap {
            id: "m".to_owned(),
            title: "t".to_owned(),
            description: String::new(),
            origin_m49: Some(826),
            values: vec![(840, 2_100_000.0), (682, 700_000.0), (124, 60_000.0), (744, 7.0)],
        })
        .into_string();
        assert!(svg.contains("órígíñ"), "{svg}");
        labels::assert_no_collisions(&svg);
    }

    #[test]
    fn nice_numbers() {
        assert!((nice_125(9_871.0) - 10_000.0).abs() < 1e-9);
        assert!((nice_125(23_402.0) - 20_000.0).abs() < 1e-9);
        assert!((nice_125(40_000.0) - 50_000.0).abs() < 1e-9);
        assert!((nice_125(1.0) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn breaks_cover_values_and_are_increasing() {
        let values: Vec<f64> = (1..=50).map(|i| f64::from(i).powi(4)).collect();
        let c = class_breaks(&values);
        assert!(c.breaks.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(c.colours.len(), c.breaks.len() + 1);
        assert!(c.colours.len() > 3);
        let used: std::collections::BTreeSet<usize> =
            values.iter().map(|&v| c.class_of(v)).collect();
        assert_eq!(used.len(), c.colours.len(), "every class is used");
        let labels = c.labels(&values);
        assert_eq!(labels.len(), c.colours.len());
        assert!(labels[0].starts_with("under "));
        assert!(labels.last().unwrap().ends_with(" or more"));
    }

    #[test]
    fn degenerate_scales() {
        assert!(class_breaks(&[]).colours.is_empty());
        assert!(class_breaks(&[f64::NAN, -1.0, 0.0]).colours.is_empty());
        let one = class_breaks(&[5_000.0, 5_000.0]);
        assert_eq!((one.breaks.len(), one.colours.len()), (0, 1));
        assert_eq!(one.labels(&[5_000.0]), vec!["5k".to_owned()]);
    }

    #[test]
    fn the_embedded_world_decodes() {
        let world = countries();
        assert_eq!(world.len(), 241);
        assert_eq!(world.iter().filter(|c| c.m49.is_none()).count(), 5);
        let fiji = world.iter().find(|c| c.m49 == Some(242)).unwrap();
        assert!(fiji.path.matches('M').count() > 2, "Fiji has several islands");
    }
}
