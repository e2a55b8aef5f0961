//! Renders Coherence's analysis results for people: self-contained HTML briefs with
//! inline SVG charts.
//!
//! * [`svg`]: small chart-drawing functions (line, horizontal bar, reference-line and
//!   interval charts) that return SVG markup as [`html::Html`], shared by the HTML brief, the PDF and
//!   the web workspace.
//! * [`brief`]: the country brief for a development ministry, rendered from an
//!   [`analysis::profile::CountryProfile`].
//! * [`map`]: a world choropleth map (Natural Earth boundaries, Equal Earth
//!   projection) of where a country's diaspora lives.
//! * [`html`]: [`html::Html`], markup safe to put in a page, and the `html!` macro,
//!   the only way user text reaches a page.
//! * [`markup`]: escaping and deterministic number formatting.
//! * [`words`]: the language a brief is rendered in: its words from the message files,
//!   its numbers by the language's conventions.
//! * [`xlsx`]: Excel workbooks of tables, the same bytes for the same tables.
//! * [`print_css`]: the brief's print style sheet and the words of a printed brief's
//!   page header and footer.
//! * [`network`]: a cross-impact matrix's heat map and network diagram (SVG), and its
//!   judgements as the CSV file `coherence matrix` reads.
//!
//! This crate is pure: it does no I/O, reads no clock, runs no SQL and makes no
//! network request. The output loads nothing either: no fonts, scripts, styles or
//! images from anywhere. The same input always gives the same bytes.
//!
//! # Example
//! ```
//! use report::svg::{self, Bar, BarChart, NumberStyle};
//!
//! let svg = svg::bar_chart(&BarChart {
//!     id: "top-destinations".to_owned(),
//!     title: "Top destinations".to_owned(),
//!     summary: String::new(),
//!     value_style: NumberStyle::Compact,
//!     value_unit: "persons".to_owned(),
//!     bars: vec![Bar { label: "Aland".to_owned(), value: 350_000.0, share_pct: Some(35.0) }],
//! });
//! assert!(svg.as_str().contains("350k (35.0%)"));
//! ```

pub mod brief;
mod corridor;
pub mod html;
pub mod map;
pub mod markup;
pub mod network;
pub mod print_css;
pub mod scenario;
pub mod svg;
pub mod words;
pub mod xlsx;
