//! The country brief: one self-contained HTML5 page that a development ministry can
//! read, print and act on, rendered from a [`CountryProfile`].
//!
//! The page shows, in order: the fictional-data banner (when the profile carries a
//! notice), headline numbers, migrant stocks in and out by sex with the stored flow
//! estimates (inflow, outflow and net over each period), the main destinations
//! and origins, remittances and their share of GDP (SDG 17.3.2), the cost of sending
//! US$200 against the SDG 10.c target of 3 % (SDG 10.c.1), the SDG migration indicators
//! (17.3.2 beside the GDP-weighted aggregates of the country's regions, income group
//! and the world; the 10.c.1 summaries), remittance dependence and corridor
//! concentration, the diaspora (top corridors over time, every destination), skilled
//! and health-worker emigration, the WHO safeguards list and the migrant workers
//! convention, the stored framework assessments (SDG 10.7.2 domains and bands, with the
//! answers' version, file, who stored them and when), the members of a group (for a
//! group's brief), the policy register (after the register's edits, each edited
//! policy with its latest change), the data gaps, "About this brief" and the sources.
//!
//! Every chart is followed by a table of the same numbers, so the brief reads without
//! the pictures. Sources are numbered by dataset edition (identical ones share one
//! number) and cited once per table, in a note under it: each column's (or, for a table
//! with years across, each row's) dataset, and every change of dataset along a series as
//! a break in the series, whose first figure carries the new dataset's number. Figures
//! chosen among several datasets' values are underlined and the note cites the rule.
//! The cell each figure was read from (or how it was derived, and the values a choice
//! beat) is in the figure's tooltip (`title`) and in the JSON profile.
//!
//! The markup is built only with [`Html`] and [`html!`](crate::html): every text from
//! the profile (names, titles, notes, sources) is escaped on its way into the page.
//!
//! The page loads nothing: the CSS is inline, the charts are inline SVG, fonts are the
//! reader's own. Its colophon (the generation date, the Coherence version and the
//! dataset editions used) comes from the caller's [`BriefOptions`], so the same profile
//! and options always give the same bytes. The brief never asks its reader to run a
//! command.

mod colophon;
mod labour;
mod role;
mod summary;

pub use colophon::{BriefOptions, Colophon, Date, Previous};
pub use role::{Role, RoleFinding, role};

use std::collections::BTreeMap;

use analysis::profile::{
    Concentration, CorridorCost, CorridorStock, CorridorTrend, CostSummary, CountryProfile,
    EstimatedFlow, Source, Status, StockYear, Value, YearValue,
};
use domain::Unit;

use crate::html;
use crate::html::Html;
use crate::markup::{format_thousands, format_trimmed};
use crate::svg::{
    self, Bar, BarChart, LineChart, Mark, NumberStyle, RefLine, ReferenceChart, Series,
};
use crate::words::{self, Piece, h, t, tf};
use i18n::Arg;

/// The SDG 10.c target: by 2030, the cost of sending remittances below 3 % of the
/// amount sent.
pub const SDG_COST_TARGET_PCT: f64 = 3.0;

/// The second reference line of the cost chart: corridors costing more than 5 % are
/// to be eliminated by 2030 (SDG 10.c).
pub const COST_CEILING_PCT: f64 = 5.0;

/// The numbered list of sources cited so far, in order of first citation: each a
/// dataset edition (title, edition, publisher), and for figures chosen among several
/// datasets' values, the rule that chose them.
///
/// A number stands for a dataset, not a cell: a table or chart cites its datasets once
/// (in a note under it), and a figure keeps its own marker only where its dataset or
/// choice rule differs from its column's. The cell a figure was read from (or how it was
/// derived, and the values a choice beat) is in the figure's tooltip (`title`) and in the
/// JSON profile.
#[derive(Default)]
struct Citations {
    sources: Vec<Entry>,
    /// The long tables moved to the "Appendix: tables" section, in order (table A1
    /// first): each its anchor and markup. They travel with the citations because
    /// every section that cites may move a table there.
    appendix: Vec<(String, Html)>,
}

/// One numbered source: a dataset edition, with the rule that chose its figures where
/// other datasets held them too.
#[derive(Clone, Debug, PartialEq)]
struct Entry {
    /// The import's id (0: reference data shipped with Coherence).
    dataset_id: i64,
    /// The dataset's title and edition.
    dataset: String,
    /// The publisher.
    publisher: String,
    /// The rule that chose figures of this dataset over other datasets' values.
    rule: Option<String>,
}

impl Entry {
    /// The entry of `source`'s dataset, with `rule`.
    fn of(source: &Source, rule: Option<String>) -> Entry {
        Entry {
            dataset_id: source.dataset_id,
            dataset: source.dataset.clone(),
            publisher: source.publisher.clone(),
            rule,
        }
    }

    /// The entry of a value: its dataset, with the rule that chose it when other
    /// datasets held the cell.
    fn of_value(value: &Value) -> Entry {
        let rule =
            value.choice.as_ref().filter(|c| !c.alternatives.is_empty()).map(|c| c.rule.clone());
        Entry::of(&value.source, rule)
    }
}

/// Why a value was chosen, for its tooltip: the rule and the values it beat; `None`
/// when no other dataset held the cell.
fn choice_note(value: &Value) -> Option<String> {
    let choice = value.choice.as_ref().filter(|c| !c.alternatives.is_empty())?;
    let beaten: Vec<String> = choice
        .alternatives
        .iter()
        .map(|a| format!("{} {} ({})", a.dataset, format_trimmed(a.value, 2), a.reason))
        .collect();
    Some(tf(
        "brief-choice-note",
        &[("rule", Arg::from(choice.rule.as_str())), ("beaten", Arg::from(beaten.join("; ")))],
    ))
}

/// Where one figure comes from, in words, for its tooltip: the dataset and publisher,
/// the cell or derivation, and the choice.
fn provenance(value: &Value) -> String {
    let s = &value.source;
    let mut parts = vec![format!("{}, {}", s.dataset, s.publisher)];
    if let Some(cell) = &s.cell {
        parts.push(tf("brief-provenance-cell", &[("cell", Arg::from(cell.as_str()))]));
    }
    if let Some(derivation) = &s.derivation {
        parts.push(tf("brief-provenance-derived", &[("how", Arg::from(derivation.as_str()))]));
    }
    parts.extend(choice_note(value));
    parts.join("; ")
}

impl Citations {
    /// The number of `entry`, adding it if it is new.
    fn entry(&mut self, entry: Entry) -> usize {
        match self.sources.iter().position(|e| *e == entry) {
            Some(idx) => idx + 1,
            None => {
                self.sources.push(entry);
                self.sources.len()
            }
        }
    }

    /// The number of `source`'s dataset, adding it if it is new.
    fn number(&mut self, source: &Source) -> usize {
        self.entry(Entry::of(source, None))
    }

    /// A footnote reference to `source`'s dataset.
    fn cite(&mut self, source: &Source) -> Html {
        let number = self.number(source);
        refs_html(&[number])
    }

    /// A footnote reference to a value's dataset (with the rule that chose it).
    fn cite_value(&mut self, value: &Value) -> Html {
        let number = self.entry(Entry::of_value(value));
        refs_html(&[number])
    }

    /// One footnote reference to several sources' datasets (deduplicated, in increasing
    /// order).
    fn cite_all<'a>(&mut self, sources: impl IntoIterator<Item = &'a Source>) -> Html {
        let mut numbers: Vec<usize> = sources.into_iter().map(|s| self.number(s)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        refs_html(&numbers)
    }
}

/// `<sup>` with links to the numbered sources.
fn refs_html(numbers: &[usize]) -> Html {
    if numbers.is_empty() {
        return Html::new();
    }
    let links = numbers
        .iter()
        .map(|n| {
            let label = tf("brief-source-label", &[("n", Arg::from(*n))]);
            html!("<a href=\"#src-{}\" aria-label=\"{}\">{}</a>", n, label, n)
        })
        .collect::<Vec<Html>>();
    html!("<sup class=\"fn\">[{}]</sup>", Html::join(links, &html!(", ")))
}

/// A number in a table cell, without its unit (the column header carries it).
fn plain(value: &Value, percent_decimals: usize) -> String {
    match value.unit {
        Unit::Persons | Unit::UsdCurrent | Unit::UsdPpp => format_thousands(value.value, 0),
        Unit::Percent => format_thousands(value.value, percent_decimals),
        Unit::PerThousand => format_thousands(value.value, 2),
        Unit::Number => format_trimmed(value.value, 2),
    }
}

/// Large US dollar amounts in words: "US$ 1.23 billion".
fn usd_words(amount: f64) -> String {
    // A number argument, so that a language can choose its plural ("1,23 milliard").
    let (key, number) = if amount.abs() >= 1e9 {
        ("brief-usd-billion", Arg::Number(amount / 1e9, 2))
    } else if amount.abs() >= 1e6 {
        ("brief-usd-million", Arg::Number(amount / 1e6, 1))
    } else {
        ("brief-usd", Arg::Number(amount, 0))
    };
    tf(key, &[("n", number)])
}

/// A number with its unit, as in running text.
fn with_unit(value: &Value, percent_decimals: usize) -> String {
    let number = plain(value, percent_decimals);
    match value.unit {
        Unit::Persons => tf("brief-persons", &[("n", Arg::Number(value.value, 0))]),
        Unit::UsdCurrent => usd_words(value.value),
        Unit::UsdPpp => tf("brief-usd-ppp", &[("n", Arg::from(number))]),
        Unit::Percent => words::percent_sign(&number),
        Unit::PerThousand => tf("brief-per-thousand", &[("n", Arg::from(number))]),
        Unit::Number => number,
    }
}

/// The country's or area's name in the brief's language.
fn area_name(profile: &CountryProfile) -> String {
    words::country(&profile.area.iso3, &profile.area.name)
}

/// The entry of a series with the latest year.
fn latest(values: &[YearValue]) -> Option<&YearValue> {
    values.iter().filter(|v| v.value.value.is_finite()).max_by_key(|v| v.year)
}

/// The stock year with the latest year.
fn latest_stock(stocks: &[StockYear]) -> Option<&StockYear> {
    stocks.iter().filter(|s| s.total.value.is_finite()).max_by_key(|s| s.year)
}

/// One cell of a data table, as markup.
enum Cell {
    /// A row header (`<th scope="row">`).
    Head(Html),
    /// Text.
    Text(Html),
    /// A number, right-aligned.
    Num(Html),
    /// A figure, right-aligned, with where it comes from: the table cites its column's
    /// source once and marks the figures whose source differs.
    Fig(Html, Box<Value>),
}

/// What a table's frame is called: it takes the keyboard's focus so that a table wider
/// than the screen can be scrolled without a mouse.
pub(crate) fn scrolls() -> String {
    t("brief-table-scrolls")
}

/// A table with a caption and column headers, whose cells cite nothing. `headers`
/// pairs each header's text with whether the column is numeric.
fn table(class: &str, caption: &Html, headers: &[(&str, bool)], rows: &[Vec<Cell>]) -> Html {
    render_table(None, SeriesIn::Columns, class, caption, headers, rows)
}

/// A data table: as [`table`], with its figures' sources cited once, in a note under
/// it (see [`Citations`]).
fn data_table(
    cites: &mut Citations,
    class: &str,
    caption: &Html,
    headers: &[(&str, bool)],
    rows: &[Vec<Cell>],
) -> Html {
    render_table(Some(cites), SeriesIn::Columns, class, caption, headers, rows)
}

/// How a data table's column cites its figures' sources.
#[derive(Debug, PartialEq)]
enum ColumnCites {
    /// No figures.
    None,
    /// Runs of figures from one dataset each, down the column (one run: the column's
    /// single source; several: the series changes source, each run's first figure is
    /// marked).
    Runs(Vec<Run>),
    /// Figures from a different dataset nearly row by row (a table of indicators):
    /// each figure is marked.
    Each,
}

/// A run of figures from one dataset down a column.
#[derive(Debug, PartialEq)]
struct Run {
    /// The dataset, by number.
    number: usize,
    /// The row index of the run's first figure.
    first: usize,
    /// The row headers of its first and last rows.
    span: (Html, Html),
}

/// A row's header (its first `Head` cell), or nothing.
fn row_head(row: &[Cell]) -> Html {
    row.iter()
        .find_map(|c| if let Cell::Head(h) = c { Some(h.clone()) } else { None })
        .unwrap_or_default()
}

/// How a table's series run: down its columns (a series by column: years down; every
/// table of the brief is laid out so, to fit a page however many years it covers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SeriesIn {
    /// Each column is a series.
    Columns,
}

/// How each series of a table cites: its runs of figures from one dataset, numbered
/// through `cites` (a series whose runs are mostly single figures is cited figure by
/// figure). `series` is the number of series, `cell(series, position)` a cell and
/// `label(position)` the header of a position along a series.
fn series_cites<'a>(
    cites: &mut Citations,
    series: usize,
    positions: usize,
    cell: impl Fn(usize, usize) -> Option<&'a Cell>,
    label: impl Fn(usize) -> Html,
) -> Vec<ColumnCites> {
    (0..series)
        .map(|line| {
            let mut runs: Vec<Run> = Vec::new();
            let mut figures = 0;
            for idx in 0..positions {
                let Some(Cell::Fig(_, value)) = cell(line, idx) else { continue };
                figures += 1;
                let number = cites.number(&value.source);
                match runs.last_mut() {
                    Some(run) if run.number == number => run.span.1 = label(idx),
                    _ => runs.push(Run { number, first: idx, span: (label(idx), label(idx)) }),
                }
            }
            if runs.is_empty() {
                ColumnCites::None
            } else if runs.len() > 1 && runs.len() * 2 > figures {
                ColumnCites::Each
            } else {
                ColumnCites::Runs(runs)
            }
        })
        .collect()
}

/// A dataset's number with its title and publisher: "[3] Title, Publisher".
fn named_ref(cites: &Citations, number: usize) -> Html {
    let e = &cites.sources[number - 1];
    html!("{} {}, {}", refs_html(&[number]), &e.dataset, &e.publisher)
}

/// The note under a data table: each column's source once ("Source: [3] …" when one
/// source serves every column), each change of source down a column as a break in the
/// series, and the rules that chose figures among several datasets.
fn sources_note(
    cites: &Citations,
    labels: &[Html],
    columns: &[ColumnCites],
    chosen: &[usize],
) -> Html {
    let mut single: Vec<(usize, Vec<Html>)> = Vec::new();
    let mut items = Vec::new();
    let mut breaks = Vec::new();
    for (col, cited) in columns.iter().enumerate() {
        let header = labels.get(col).cloned().unwrap_or_default();
        match cited {
            ColumnCites::None => {}
            ColumnCites::Each => {
                items.push(words::html("brief-note-each", &[("column", Piece::from(&header))]))
            }
            ColumnCites::Runs(runs) if runs.len() == 1 => {
                match single.iter_mut().find(|(n, _)| *n == runs[0].number) {
                    Some((_, names)) => names.push(header),
                    None => single.push((runs[0].number, vec![header])),
                }
            }
            ColumnCites::Runs(runs) => {
                let spans = runs.iter().map(|r| {
                    let span = if r.span.0 == r.span.1 {
                        r.span.0.clone()
                    } else {
                        html!("{}–{}", &r.span.0, &r.span.1)
                    };
                    html!("{} ({})", named_ref(cites, r.number), span)
                });
                items.push(html!("{}: {}", &header, Html::join(spans, &html!("; "))));
                for pair in runs.windows(2) {
                    breaks.push(words::html(
                        "brief-note-break",
                        &[
                            ("column", Piece::from(&header)),
                            ("from", Piece::from(&pair[1].span.0)),
                            ("new", Piece::Html(refs_html(&[pair[1].number]))),
                            ("old", Piece::Html(refs_html(&[pair[0].number]))),
                        ],
                    ));
                }
            }
        }
    }
    let only_one = items.is_empty() && single.len() == 1;
    let mut all: Vec<Html> = single
        .iter()
        .map(|(n, names)| {
            if only_one {
                named_ref(cites, *n)
            } else {
                html!(
                    "{}: {}",
                    Html::join(names.iter().cloned(), &html!(", ")),
                    named_ref(cites, *n)
                )
            }
        })
        .collect();
    all.extend(items);
    if all.is_empty() {
        return Html::new();
    }
    let key = if only_one { "brief-note-source" } else { "brief-note-sources" };
    let mut out = html!(
        "<p class=\"table-note\">{}",
        words::html(key, &[("list", Piece::Html(Html::join(all, &html!("; "))))])
    );
    if !breaks.is_empty() {
        out.push(html!(
            " {}",
            words::html(
                "brief-note-breaks",
                &[
                    (
                        "label",
                        Piece::Html(html!("<strong class=\"break\">{}</strong>", h("brief-break")))
                    ),
                    ("breaks", Piece::Html(Html::join(breaks, &html!("; ")))),
                ]
            )
        ));
    }
    if !chosen.is_empty() {
        out.push(html!(
            " {}",
            words::html("brief-note-chosen", &[("rule", Piece::Html(refs_html(chosen)))])
        ));
    }
    out.push(html!(" {}</p>", h("brief-note-cell")));
    out
}

/// Whether the figure in row `idx` of a column cited as `cited` carries its own number.
fn marks(cited: Option<&ColumnCites>, idx: usize) -> bool {
    match cited {
        Some(ColumnCites::Each) => true,
        Some(ColumnCites::Runs(runs)) => runs.len() > 1 && runs.iter().any(|r| r.first == idx),
        _ => false,
    }
}

/// A table's markup, citing its figures' sources through `cites` when given.
fn render_table(
    mut cites: Option<&mut Citations>,
    series_in: SeriesIn,
    class: &str,
    caption: &Html,
    headers: &[(&str, bool)],
    rows: &[Vec<Cell>],
) -> Html {
    let header = |col: usize| headers.get(col).map_or_else(Html::new, |c| header_text(c.0));
    let (series, labels) = match series_in {
        SeriesIn::Columns => (
            match cites.as_deref_mut() {
                Some(c) => series_cites(
                    c,
                    headers.len(),
                    rows.len(),
                    |col, row| rows[row].get(col),
                    |row| row_head(&rows[row]),
                ),
                None => Vec::new(),
            },
            (0..headers.len()).map(header).collect::<Vec<Html>>(),
        ),
    };
    let mut out = html!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\"><table class=\"{}\"><caption>{}</caption><thead><tr>",
        scrolls(),
        class,
        caption
    );
    for &(header, numeric) in headers {
        let class = if numeric { html!(" class=\"num\"") } else { Html::new() };
        out.push(html!("<th scope=\"col\"{}>{}</th>", class, header_text(header)));
    }
    out.push(html!("</tr></thead><tbody>"));
    let mut chosen = Vec::new();
    for (idx, row) in rows.iter().enumerate() {
        out.push(html!("<tr>"));
        for (col, cell) in row.iter().enumerate() {
            match cell {
                Cell::Head(html) => out.push(html!("<th scope=\"row\">{}</th>", html)),
                Cell::Text(html) => out.push(html!("<td>{}</td>", html)),
                Cell::Num(html) => out.push(html!("<td class=\"num\">{}</td>", html)),
                Cell::Fig(html, value) => {
                    let entry = Entry::of_value(value);
                    let class = if entry.rule.is_some() { "num chosen" } else { "num" };
                    let mut marker = Html::new();
                    if let Some(c) = cites.as_deref_mut() {
                        let (line, position) = match series_in {
                            SeriesIn::Columns => (col, idx),
                        };
                        if marks(series.get(line), position) {
                            marker = refs_html(&[c.number(&value.source)]);
                        }
                        if entry.rule.is_some() {
                            chosen.push(c.entry(entry));
                        }
                    }
                    out.push(html!(
                        "<td class=\"{}\" title=\"{}\">{}{}</td>",
                        class,
                        provenance(value),
                        html,
                        marker
                    ));
                }
            }
        }
        out.push(html!("</tr>"));
    }
    out.push(html!("</tbody></table>"));
    if let Some(c) = cites {
        chosen.sort_unstable();
        chosen.dedup();
        out.push(sources_note(c, &labels, &series, &chosen));
    }
    out.push(html!("</div>"));
    out
}

/// A column header: a message key (`brief-col-…`) in the brief's language, or a text
/// from the data (a country's name) as it is.
fn header_text(header: &str) -> Html {
    if header.starts_with("brief-") { h(header) } else { Html::text(header) }
}

/// A numeric cell for an optional value, cited by its table.
fn num_cell(value: Option<&Value>, percent_decimals: usize) -> Cell {
    match value {
        Some(v) => Cell::Fig(Html::text(&plain(v, percent_decimals)), Box::new(v.clone())),
        None => Cell::Num(html!("<span class=\"na\">{}</span>", h("brief-not-available"))),
    }
}

/// A chart in a `<figure>` with a caption pointing to its table.
fn figure(svg: &Html, caption: &Html) -> Html {
    html!(
        "<figure>{}<figcaption>{} {}</figcaption></figure>",
        svg,
        caption,
        h("brief-figure-table-below")
    )
}

/// `text` with its first letter in lower case (names further on keep their capitals).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A paragraph saying that a part of the profile is empty; `what` names the part
/// (a message key: "remittances", "migrant stocks").
fn no_data(what: &str) -> Html {
    html!(
        "<p class=\"no-data\">{}</p>",
        words::html(
            "brief-no-data",
            &[("what", Piece::from(t(what))), ("gaps", Piece::Html(gaps_link()))]
        )
    )
}

/// A link to the "Data gaps" section.
fn gaps_link() -> Html {
    html!("<a href=\"#gaps\">{}</a>", h("brief-h-gaps"))
}

/// The brief's style sheet (screen and print): inline in the document, and served by
/// the web workspace for the profile pages, which show the same parts.
///
/// It uses logical properties (`inline-start`, `text-align: start`), so a brief in
/// Arabic mirrors. Charts keep `direction: ltr`: their labels are placed from measured
/// widths with SVG's left-to-right anchors, and a right-to-left brief mirrors their
/// axes in the drawing itself ([`svg::Direction`]).
pub const CSS: &str = "\
:root{color-scheme:light}\
*{box-sizing:border-box}\
body{margin:0;background:#fff;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5}\
.page{max-width:62rem;margin:0 auto;padding:1rem 1.5rem 3rem}\
.fictional{margin:0;padding:.9rem 1.5rem;background:#fff1c2;border-bottom:4px solid #7a5200;color:#3b2700;font-size:1.05rem;text-align:center}\
.fictional strong:first-child:not(:only-child){text-transform:uppercase;letter-spacing:.04em}\
header{border-bottom:2px solid #0072B2;margin-bottom:1.5rem;padding-bottom:.5rem}\
.kicker{margin:.5rem 0 0;color:#444;text-transform:uppercase;letter-spacing:.06em;font-size:.85rem}\
h1{margin:.2rem 0;font-size:2rem;line-height:1.2}\
h2{margin:2.5rem 0 .75rem;font-size:1.4rem;border-bottom:1px solid #ccc;padding-bottom:.25rem}\
h3{margin:1.75rem 0 .5rem;font-size:1.1rem}\
.meta{margin:.25rem 0;color:#444}\
nav ul{margin:.5rem 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}\
a{color:#005a8c}\
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.75rem;margin:0}\
.card{border:1px solid #c8c8c8;border-inline-start:5px solid #0072B2;border-radius:4px;padding:.6rem .8rem;background:#fafafa;min-width:0;overflow-wrap:anywhere}\
.card sup.fn{white-space:normal}\
.card dt{font-weight:600;color:#333;font-size:.92rem}\
.card dd{margin:.15rem 0 0}\
.card .big{font-size:1.45rem;font-weight:700;line-height:1.25}\
.card .note{font-size:.88rem;color:#444}\
.above{color:#a33a00;font-weight:600}\
.below{color:#00664a;font-weight:600}\
figure{margin:1rem 0 .5rem}\
figure svg{display:block;width:100%;max-width:720px;height:auto;direction:ltr}\
[dir=rtl] svg.chart text{unicode-bidi:plaintext}\
figcaption{font-size:.88rem;color:#444;margin-top:.25rem}\
.table-wrap{overflow-x:auto}\
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem;font-variant-numeric:tabular-nums}\
caption{text-align:start;font-weight:600;padding:.25rem 0;caption-side:top}\
th,td{border:1px solid #c8c8c8;padding:.3rem .55rem;vertical-align:top}\
thead th{background:#eef2f6;text-align:start}\
tbody th{text-align:start;font-weight:600;background:#f7f7f7}\
.num{text-align:end;white-space:nowrap}\
thead th.num{white-space:normal;overflow-wrap:anywhere}\
.na{color:#555}\
.register td:first-child{white-space:nowrap}\
.register td{overflow-wrap:anywhere}\
sup.fn{font-size:.7em;line-height:0;white-space:nowrap}\
sup.fn a{text-decoration:none}\
.chosen{text-decoration:underline dotted #777}\
.table-note{margin:-.5rem 0 1rem;font-size:.85rem;color:#444}\
.role{margin:0 0 .75rem;font-size:1.05rem;font-weight:600}\
.no-data{padding:.6rem .8rem;background:#f4f4f4;border:1px dashed #999;color:#333}\
ol.sources{font-size:.88rem;padding-inline-start:2.2rem}\
ol.sources li{margin:.15rem 0}\
ol.sources li:target{background:#fff1c2}\
.about dt{font-weight:600}\
.about dd{margin:0 0 .5rem 0}\
footer{margin-top:3rem;border-top:1px solid #ccc;padding-top:.5rem;font-size:.85rem;color:#444}\
@media print{\
@page{margin:15mm}\
body{font-size:10.5pt}\
.page{max-width:none;padding:0}\
nav{display:none}\
.fictional{-webkit-print-color-adjust:exact;print-color-adjust:exact;border:2px solid #7a5200}\
a{color:inherit;text-decoration:none}\
h2,h3{break-after:avoid}\
figure,table,.card{break-inside:avoid}\
.table-wrap{overflow:visible}\
table{font-size:9pt}\
.register td:first-child{white-space:normal}\
}";

/// Renders the brief of `profile` as a complete HTML5 document.
///
/// When `profile.fictional_notice` is set, the notice is the first thing on the page
/// (a banner) and is part of the document title.
pub fn render(profile: &CountryProfile, options: &BriefOptions) -> String {
    render_with(profile, &[], options)
}

/// Renders the brief of `profile` with a "Policy options" section for the given
/// scenario runs (none: the same bytes as [`render`]).
pub fn render_with(
    profile: &CountryProfile,
    scenarios: &[analysis::scenario_run::ScenarioResult],
    options: &BriefOptions,
) -> String {
    let parts = parts(profile, scenarios, options);
    let mut out = Html::new();
    let lang = options.lang;
    out.push(html!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
        lang.code(),
        lang.dir()
    ));
    out.push(html!("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"));
    out.push(html!(
        "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n",
        &parts.title,
        Html::from_static(CSS),
        Html::from_static(crate::print_css::PRINT_CSS)
    ));
    out.push(&parts.banner);
    out.push(html!("<div class=\"page\">\n<header>\n"));
    out.push(&parts.header);
    out.push(html!("</header>\n<main>\n"));
    out.push(&parts.main);
    out.push(html!("</main>\n<footer>{}</footer>\n</div>\n</body>\n</html>\n", &parts.footer));
    out.into_string()
}

/// A brief in parts, for a page that places them in its own layout (the web
/// workspace's profile page): the same markup as the document's.
#[derive(Clone, Debug)]
pub struct BriefParts {
    /// The document's title (text, not escaped).
    pub title: String,
    /// The fictional-data banner (empty for real data).
    pub banner: Html,
    /// The header's content: kicker, name, codes and contents.
    pub header: Html,
    /// The sections.
    pub main: Html,
    /// The footer's content: the colophon in one paragraph.
    pub footer: Html,
}

/// The parts of the brief of `profile` with the given scenario runs.
pub fn parts(
    profile: &CountryProfile,
    scenarios: &[analysis::scenario_run::ScenarioResult],
    options: &BriefOptions,
) -> BriefParts {
    let _lang = crate::words::Scope::enter(options.lang);
    let colophon = &options.colophon;
    let mut cites = Citations::default();
    let name = &area_name(profile);
    let finding = role::role(profile);
    let main: Html = [
        summary::section(profile, &finding, options.previous.as_ref(), &mut cites),
        headline(profile, &mut cites),
        stocks(profile, &mut cites),
        corridors(profile, &mut cites),
        remittances(profile, &mut cites),
        costs(profile, &mut cites),
        sdg(profile, &mut cites),
        dependence(profile, &mut cites),
        diaspora(profile, &mut cites),
        skills(profile, &mut cites),
        labour::labour(profile, &mut cites),
        labour::displacement(profile, &mut cites),
        governance(profile, &mut cites),
        assessments(profile),
        members(profile),
        policies(profile),
        crate::corridor::section(profile),
        crate::scenario::section(scenarios),
        gaps(profile),
        about(profile, &cites, colophon),
        appendix(&cites),
        sources(&cites),
    ]
    .into_iter()
    .collect();
    let title = tf("brief-title", &[("country", Arg::from(name.as_str()))]);
    let title = match fictional_notice(profile) {
        Some(notice) => format!("{notice} — {title}"),
        None => title,
    };
    let header = header(profile, scenarios, &cites, colophon);
    BriefParts { title, banner: banner(profile), header, main, footer: footer(colophon) }
}

/// The profile's fictional-data notice in the brief's language: the demo world's
/// notice translated, another notice (the data's own text) as it is.
pub(crate) fn fictional_notice(profile: &CountryProfile) -> Option<String> {
    let notice = profile.fictional_notice.as_ref()?;
    Some(if notice == analysis::FICTIONAL_NOTICE { t("brief-demo-notice") } else { notice.clone() })
}

/// Whether the notice already says that the data are fictional, so that a label
/// saying it again is not needed: the demo world's (in every language), or an English
/// notice with the word.
pub(crate) fn notice_says_fictional(profile: &CountryProfile) -> bool {
    profile.fictional_notice.as_ref().is_some_and(|notice| {
        notice == analysis::FICTIONAL_NOTICE
            || (words::lang() == i18n::Lang::En && notice.to_lowercase().contains("fictional"))
    })
}

/// The fictional-data banner (empty for real data).
fn banner(profile: &CountryProfile) -> Html {
    let Some(notice) = fictional_notice(profile) else { return Html::new() };
    // The label makes the banner unmistakable, unless the notice already says it.
    let label = if notice_says_fictional(profile) {
        Html::new()
    } else {
        html!("<strong>{}</strong> — ", h("brief-fictional-label"))
    };
    html!(
        "<p class=\"fictional\" id=\"fictional-notice\" role=\"note\">{}<strong>{}</strong></p>\n",
        label,
        notice
    )
}

/// The header: kicker, name, codes, the colophon's line and the contents.
fn header(
    profile: &CountryProfile,
    scenarios: &[analysis::scenario_run::ScenarioResult],
    cites: &Citations,
    colophon: &Colophon,
) -> Html {
    let mut out = html!("<p class=\"kicker\">{}</p>\n", h("brief-kicker"));
    out.push(html!(
        "<h1>{}</h1>\n<p class=\"meta\">{}",
        area_name(profile),
        tf("brief-iso3", &[("code", Arg::from(profile.area.iso3.as_str()))])
    ));
    if let Some(m49) = profile.area.m49 {
        out.push(html!(" · {}", tf("brief-m49", &[("code", Arg::plain(format!("{m49:03}")))])));
    }
    if profile.area.fictional {
        out.push(html!(" · {}", h("brief-fictional-country")));
    }
    out.push(html!("</p>\n"));
    if !profile.pinned_editions.is_empty() {
        out.push(html!(
            "<p class=\"meta\">{}</p>\n",
            tf("brief-pinned", &[("editions", Arg::from(profile.pinned_editions.join("; ")))])
        ));
    }
    let date =
        html!("<time datetime=\"{}\">{}</time>", colophon.date.to_string(), colophon.date.long());
    let about = html!("<a href=\"#about\">{}</a>", h("brief-h-about"));
    out.push(html!(
        "<p class=\"meta colophon\">{}</p>\n",
        words::html(
            "brief-generated",
            &[
                ("date", Piece::Html(date)),
                ("version", Piece::from(colophon.version.as_str())),
                ("editions", Piece::from(editions_phrase(&editions_used(cites)))),
                ("about", Piece::Html(about)),
            ]
        )
    ));
    out.push(contents(profile, scenarios, !cites.appendix.is_empty()));
    out
}

/// The footer: who prepared the brief, when, and the promise of its sources.
fn footer(colophon: &Colophon) -> Html {
    let date =
        html!("<time datetime=\"{}\">{}</time>", colophon.date.to_string(), colophon.date.long());
    html!(
        "<p>{}</p>",
        words::html(
            "brief-footer",
            &[("version", Piece::from(colophon.version.as_str())), ("date", Piece::Html(date))]
        )
    )
}

/// The contents list of the header.
fn contents(
    profile: &CountryProfile,
    scenarios: &[analysis::scenario_run::ScenarioResult],
    has_appendix: bool,
) -> Html {
    let mut out = html!("<nav aria-label=\"{}\"><ul>", h("brief-contents"));
    for (anchor, label) in [
        ("summary", "brief-h-summary"),
        ("headline", "brief-h-headline"),
        ("stocks", "brief-h-stocks"),
        ("corridors", "brief-h-corridors"),
        ("remittances", "brief-h-remittances"),
        ("costs", "brief-h-costs"),
        ("sdg", "brief-h-sdg"),
        ("dependence", "brief-h-dependence"),
        ("diaspora", "brief-h-diaspora"),
        ("skills", "brief-h-skills"),
        ("labour", "brief-h-labour"),
        ("displacement", "brief-h-displacement"),
        ("governance", "brief-h-governance"),
        ("assessments", "brief-h-assessments"),
        ("policies", "brief-h-policies"),
        (crate::corridor::ANCHOR, "brief-h-corridor-coherence"),
        (crate::scenario::ANCHOR, "brief-h-options"),
        ("gaps", "brief-h-gaps"),
        ("about", "brief-h-about"),
        ("appendix", "brief-h-appendix"),
        ("sources", "brief-h-sources"),
    ] {
        if anchor == "appendix" && !has_appendix {
            continue;
        }
        if anchor == crate::scenario::ANCHOR && scenarios.is_empty() {
            continue;
        }
        if anchor == "assessments" && profile.group.is_some() {
            continue;
        }
        out.push(html!("<li><a href=\"#{}\">{}</a></li>", anchor, h(label)));
    }
    out.push(html!("</ul></nav>\n"));
    out
}

/// Opens a section with its `h2`, whose text is the message `heading`.
fn section_open(id: &str, heading: &str) -> Html {
    html!(
        "<section id=\"{}\" aria-labelledby=\"{}-h\">\n<h2 id=\"{}-h\">{}</h2>\n",
        id,
        id,
        id,
        h(heading)
    )
}

/// One headline card: a term, a main figure and optional notes.
fn card(term: &Html, figure: &Html, notes: &[Html]) -> Html {
    let mut out = html!("<div class=\"card\"><dt>{}</dt><dd class=\"big\">{}</dd>", term, figure);
    for note in notes {
        out.push(html!("<dd class=\"note\">{}</dd>", note));
    }
    out.push(html!("</div>"));
    out
}

/// A card's term with its year: "Emigration rate (2020)".
fn term_year(term: &str, year: i32) -> Html {
    Html::text(&tf("brief-term-year", &[("term", Arg::from(term)), ("year", Arg::plain(year))]))
}

/// The card of a figure that is not available.
fn unavailable_card(term: &Html) -> Html {
    let see = words::html("brief-see", &[("link", Piece::Html(gaps_link()))]);
    card(term, &h("brief-card-unavailable"), &[see])
}

/// The card for a stock in or out; `term` is text.
fn stock_card(cites: &mut Citations, term: &str, stocks: &[StockYear], share_of: &str) -> Html {
    match latest_stock(stocks) {
        Some(s) => {
            let figure = html!("{}{}", with_unit(&s.total, 1), cites.cite_value(&s.total));
            let mut notes = Vec::new();
            if let Some(share) = &s.share_of_population {
                notes.push(html!(
                    "{} {}{}",
                    with_unit(share, 1),
                    share_of,
                    cites.cite_value(share)
                ));
            }
            card(&term_year(term, s.year), &figure, &notes)
        }
        None => unavailable_card(&Html::text(term)),
    }
}

/// The card for a rate that may be missing; `term` and `note` are text.
fn rate_card(cites: &mut Citations, term: &str, rate: Option<&YearValue>, note: &str) -> Html {
    match rate {
        Some(r) => {
            let figure = html!("{}{}", with_unit(&r.value, 1), cites.cite_value(&r.value));
            card(&term_year(term, r.year), &figure, &[Html::text(note)])
        }
        None => unavailable_card(&Html::text(term)),
    }
}

/// The finite corridor costs, with their values.
fn finite_costs(costs: &[CorridorCost]) -> Vec<&CorridorCost> {
    costs.iter().filter(|c| c.cost_pct.value.is_finite()).collect()
}

/// "above the target by 2.10 points" or "at or below the target", as HTML.
fn against_target(cost_pct: f64) -> Html {
    let target = Arg::from(words::percent(SDG_COST_TARGET_PCT, 0));
    if cost_pct > SDG_COST_TARGET_PCT {
        let points = Arg::Number(cost_pct - SDG_COST_TARGET_PCT, 2);
        html!(
            "<span class=\"above\">{}</span>",
            tf("brief-above-target", &[("target", target), ("points", points)])
        )
    } else {
        html!("<span class=\"below\">{}</span>", tf("brief-within-target", &[("target", target)]))
    }
}

/// The remittance and cost cards, for the sides the country's role calls for: an
/// origin's remittances received and cost of sending to it, a destination's remittances
/// paid and cost of sending from it, both for "both". A side without data gives way to
/// the other side's figure rather than to a "not available" card.
fn money_cards(profile: &CountryProfile, role: Role, cites: &mut Citations) -> Vec<Html> {
    let name = &area_name(profile);
    let (received, paid) = sides(
        role,
        latest(&profile.remittances_received).is_some(),
        latest(&profile.remittances_paid).is_some(),
    );
    let mut cards = Vec::new();
    if received {
        cards.push(remittance_card(profile, cites, true));
    }
    if paid {
        cards.push(remittance_card(profile, cites, false));
    }
    let (to, from) = sides(
        role,
        !finite_costs(&profile.costs_to).is_empty(),
        !finite_costs(&profile.costs_from).is_empty(),
    );
    if to {
        cards.push(cost_card(cites, name, &profile.costs_to, true));
    }
    if from {
        cards.push(cost_card(cites, name, &profile.costs_from, false));
    }
    cards
}

/// Which sides of a figure the headline shows, as (origin side, destination side),
/// given the role and which sides have data: the role's sides that have data; else
/// the other side, when it has data; else the role's first side (as "not available").
fn sides(role: Role, origin_has: bool, destination_has: bool) -> (bool, bool) {
    let (origin, destination) = (role.shows_origin_side(), role.shows_destination_side());
    if (origin && origin_has) || (destination && destination_has) {
        (origin && origin_has, destination && destination_has)
    } else if origin_has || destination_has {
        (origin_has, destination_has)
    } else {
        (origin, !origin)
    }
}

/// The card of remittances received (`received`) or paid, in the latest year.
fn remittance_card(profile: &CountryProfile, cites: &mut Citations, received: bool) -> Html {
    let (series, term) = if received {
        (&profile.remittances_received, t("brief-remittances-received"))
    } else {
        (&profile.remittances_paid, t("brief-remittances-paid"))
    };
    let Some(r) = latest(series) else {
        return unavailable_card(&Html::text(&term));
    };
    let figure = html!("{}{}", with_unit(&r.value, 1), cites.cite_value(&r.value));
    let mut notes = vec![h("brief-remittances-note")];
    let share = |key: &str, p: &YearValue, cites: &mut Citations| {
        words::html(
            key,
            &[
                ("share", Piece::from(with_unit(&p.value, 1))),
                ("year", Piece::Arg(Arg::plain(p.year))),
                ("source", Piece::Html(cites.cite_value(&p.value))),
            ],
        )
    };
    if !received {
        notes.push(h("brief-remittances-paid-note"));
    } else if let Some(p) = latest(&profile.sdg_17_3_2) {
        notes.push(share("brief-share-gdp-official", p, cites));
    } else if let Some(p) = latest(&profile.remittances_pct_gdp) {
        notes.push(share("brief-share-gdp-recomputed", p, cites));
    }
    card(&term_year(&term, r.year), &figure, &notes)
}

/// The card of the average cost of sending US$200 to (`to`) or from the country.
fn cost_card(cites: &mut Citations, name: &str, costs: &[CorridorCost], to: bool) -> Html {
    let country = || Arg::from(name);
    let costs = finite_costs(costs);
    if costs.is_empty() {
        let key = if to { "brief-cost-to" } else { "brief-cost-from" };
        return unavailable_card(&Html::text(&tf(key, &[("country", country())])));
    }
    let mean = costs.iter().map(|c| c.cost_pct.value).sum::<f64>() / costs.len() as f64;
    let refs = cites.cite_all(costs.iter().map(|c| &c.cost_pct.source));
    let anchor = if to { "chart-costs-to" } else { "chart-costs-from" };
    let key = if to { "brief-cost-mean-to" } else { "brief-cost-mean-from" };
    let link = html!("<a href=\"#{}\">{}</a>", anchor, h("brief-the-corridors"));
    card(
        &Html::text(&tf(key, &[("country", country())])),
        &html!("{}{}", words::percent(mean, 2), refs),
        &[
            h("brief-cost-of-amount"),
            against_target(mean),
            words::html(
                "brief-cost-mean-note",
                &[("count", Piece::Arg(Arg::from(costs.len()))), ("link", Piece::Html(link))],
            ),
        ],
    )
}

/// The headline numbers.
fn headline(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let name = || Arg::from(area_name(profile));
    let mut out = section_open("headline", "brief-h-headline");
    out.push(html!("<dl class=\"cards\">"));
    let of_population = t("brief-of-population");
    out.push(stock_card(
        cites,
        &tf("brief-immigrants-in", &[("country", name())]),
        &profile.stock_in,
        &of_population,
    ));
    out.push(stock_card(
        cites,
        &tf("brief-emigrants-from", &[("country", name())]),
        &profile.stock_out,
        &of_population,
    ));

    let finding = role::role(profile);
    for card in money_cards(profile, finding.role, cites) {
        out.push(card);
    }
    out.push(rate_card(
        cites,
        &t("brief-emigration-rate"),
        latest(&profile.emigration_rate),
        &t("brief-emigration-rate-note"),
    ));
    if let Some(n) = latest(&profile.net_migration) {
        let figure = html!("{}{}", with_unit(&n.value, 1), cites.cite_value(&n.value));
        out.push(card(
            &term_year(&t("brief-net-migration"), n.year),
            &figure,
            &[h("brief-net-migration-note")],
        ));
    }
    out.push(rate_card(
        cites,
        &t("brief-skilled-rate"),
        profile.skilled_emigration_rate.as_ref(),
        &t("brief-skilled-rate-note"),
    ));
    out.push(rate_card(
        cites,
        &t("brief-health-rate"),
        profile.health_worker_emigration_rate.as_ref(),
        &t("brief-health-rate-note"),
    ));
    out.push(html!("</dl>\n</section>\n"));
    out
}

/// One stock direction: chart and table.
fn stock_block(
    cites: &mut Citations,
    id: &str,
    heading: &str,
    stocks: &[StockYear],
    direction: &str,
) -> Html {
    let mut out = html!("<h3>{}</h3>\n", heading);
    if stocks.is_empty() {
        out.push(no_data(direction));
        return out;
    }
    let direction = t(direction);
    let mut rows: Vec<&StockYear> = stocks.iter().collect();
    rows.sort_by_key(|s| s.year);
    let series = |name: &str, pick: &dyn Fn(&StockYear) -> Option<&Value>| {
        (name.to_owned(), rows.iter().filter_map(|s| pick(s).map(|v| (s.year, v))).collect())
    };
    let mut parts = vec![series(&t("brief-total"), &|s| Some(&s.total))];
    if rows.iter().any(|s| s.female.is_some()) {
        parts.push(series(&t("brief-female"), &|s| s.female.as_ref()));
    }
    if rows.iter().any(|s| s.male.is_some()) {
        parts.push(series(&t("brief-male"), &|s| s.male.as_ref()));
    }
    let (all_series, broken) = sourced_series(cites, parts);
    let chart = svg::line_chart(&LineChart {
        id: format!("chart-{id}"),
        title: heading.to_owned(),
        summary: tf("brief-stock-summary", &[("who", Arg::from(direction))]),
        x_style: NumberStyle::Year,
        y_style: NumberStyle::Compact,
        y_unit: t("brief-unit-persons"),
        series: all_series,
    });
    let caption = tf("brief-stock-caption", &[("heading", Arg::from(heading))]);
    out.push(figure(&chart, &chart_caption(caption, broken)));
    let table_rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|s| {
            vec![
                Cell::Head(html!("{}", s.year)),
                num_cell(Some(&s.total), 1),
                num_cell(s.female.as_ref(), 1),
                num_cell(s.male.as_ref(), 1),
                num_cell(s.share_of_population.as_ref(), 1),
            ]
        })
        .collect();
    out.push(data_table(
        cites,
        "data",
        &Html::text(&tf("brief-stock-table", &[("heading", Arg::from(heading))])),
        &[
            ("brief-col-year", false),
            ("brief-col-total-persons", true),
            ("brief-col-female-persons", true),
            ("brief-col-male-persons", true),
            ("brief-col-share-of-population-pct", true),
        ],
        &table_rows,
    ));
    out
}

/// Migrant stocks in and out.
fn stocks(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let name = &area_name(profile);
    let country = || [("country", Arg::from(name.as_str()))];
    let mut out = section_open("stocks", "brief-h-stocks");
    out.push(stock_block(
        cites,
        "stock-in",
        &tf("brief-immigrants-in", &country()),
        &profile.stock_in,
        "brief-what-immigrants",
    ));
    out.push(stock_block(
        cites,
        "stock-out",
        &tf("brief-emigrants-from", &country()),
        &profile.stock_out,
        "brief-what-emigrants",
    ));
    out.push(flows_block(cites, name, &profile.estimated_flows));
    out.push(html!("</section>\n"));
    out
}

/// The stored flow estimates: inflow, outflow and net over each period, in a table.
fn flows_block(cites: &mut Citations, name: &str, flows: &[EstimatedFlow]) -> Html {
    let heading = tf("brief-flows", &[("country", Arg::from(name))]);
    let mut out = html!("<h3>{}</h3>\n", &heading);
    if flows.is_empty() {
        out.push(no_data("brief-what-flows"));
        return out;
    }
    out.push(html!("<p>{}</p>\n", h("brief-flows-intro")));
    let rows: Vec<Vec<Cell>> = flows
        .iter()
        .map(|f| {
            vec![
                Cell::Head(html!("{}–{}", f.period_start, f.period_end)),
                Cell::Text(html!("<span class=\"code\">{}</span>", &f.method)),
                num_cell(Some(&f.inflow), 1),
                num_cell(Some(&f.outflow), 1),
                num_cell(Some(&f.net), 1),
            ]
        })
        .collect();
    out.push(data_table(
        cites,
        "data",
        &Html::text(&tf("brief-flows-table", &[("heading", Arg::from(heading.as_str()))])),
        &[
            ("brief-col-period", false),
            ("brief-col-method", false),
            ("brief-col-inflow-persons", true),
            ("brief-col-outflow-persons", true),
            ("brief-col-net-persons", true),
        ],
        &rows,
    ));
    out
}

/// One corridor list: chart and table.
/// The message keys of a corridor list's words.
struct CorridorWords {
    /// What the list is, for "No data on …".
    what: &'static str,
    /// The partner column's header.
    partner: &'static str,
    /// The share's name ("Share of all emigrants").
    share: &'static str,
    /// The share column's header, with its unit.
    share_column: &'static str,
    /// The value column's header, with its unit.
    value_column: &'static str,
}

fn corridor_block(
    cites: &mut Citations,
    id: &str,
    heading: &str,
    corridors: &[CorridorStock],
    keys: &CorridorWords,
) -> Html {
    let (what, partner_header, share_header) = (keys.what, keys.partner, keys.share);
    let mut out = html!("<h3>{}</h3>\n", heading);
    if corridors.is_empty() {
        out.push(no_data(what));
        return out;
    }
    let share = || [("share", Arg::from(lower_first(&t(share_header))))];
    let chart = svg::bar_chart(&BarChart {
        id: format!("chart-{id}"),
        title: heading.to_owned(),
        summary: tf("brief-corridor-summary", &share()),
        value_style: NumberStyle::Compact,
        value_unit: t("brief-unit-persons"),
        bars: corridors
            .iter()
            .map(|c| Bar {
                label: words::country(&c.partner, &c.partner_name),
                value: c.stock.value,
                share_pct: Some(c.share.value),
            })
            .collect(),
    });
    let mut caption = vec![("heading", Arg::from(heading))];
    caption.extend(share());
    out.push(figure(&chart, &Html::text(&tf("brief-corridor-caption", &caption))));
    let rows: Vec<Vec<Cell>> = corridors
        .iter()
        .enumerate()
        .map(|(idx, c)| {
            vec![
                Cell::Num(html!("{}", idx + 1)),
                Cell::Head(Html::text(&words::country(&c.partner, &c.partner_name))),
                Cell::Text(Html::text(&c.partner)),
                Cell::Num(html!("{}", c.year)),
                num_cell(Some(&c.stock), 1),
                num_cell(Some(&c.share), 1),
            ]
        })
        .collect();
    out.push(data_table(
        cites,
        "data",
        &Html::text(heading),
        &[
            ("brief-col-rank", true),
            (partner_header, false),
            ("brief-col-iso-code", false),
            ("brief-col-year", true),
            (keys.value_column, true),
            (keys.share_column, true),
        ],
        &rows,
    ));
    out
}

/// Top destinations and origins.
fn corridors(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let name = area_name(profile);
    let country = || [("country", Arg::from(name.as_str()))];
    let mut out = section_open("corridors", "brief-h-corridors");
    out.push(corridor_block(
        cites,
        "destinations",
        &tf("brief-where-emigrants", &country()),
        &profile.top_destinations,
        &CorridorWords {
            what: "brief-what-destinations",
            partner: "brief-col-destination-country",
            share: "brief-share-emigrants",
            share_column: "brief-col-share-emigrants-pct",
            value_column: "brief-col-migrants-persons",
        },
    ));
    out.push(diaspora_map(profile, cites));
    out.push(corridor_block(
        cites,
        "origins",
        &tf("brief-where-immigrants", &country()),
        &profile.top_origins,
        &CorridorWords {
            what: "brief-what-origins",
            partner: "brief-col-origin-country",
            share: "brief-share-immigrants",
            share_column: "brief-col-share-immigrants-pct",
            value_column: "brief-col-migrants-persons",
        },
    ));
    out.push(html!("</section>\n"));
    out
}

/// "Where the diaspora lives": a world map of the emigrants by country of residence,
/// from the full diaspora list when the profile has one, else from the top
/// destinations. The fictional countries of the demo world have no place on a real
/// map, so for them the brief says that the map cannot be drawn.
fn diaspora_map(profile: &CountryProfile, cites: &mut Citations) -> Html {
    use crate::map::{self, DiasporaMap};
    use domain::area::{Iso3, real_area};

    let name = &area_name(profile);
    let heading = h("brief-map-heading");
    if profile.area.fictional || profile.area.m49.is_none() {
        return html!("<h3>{}</h3>\n<p class=\"no-data\">{}</p>\n", heading, h("brief-map-demo"));
    }
    let (values, year, refs): (Vec<(u16, f64)>, Option<i32>, Html) = match &profile.diaspora {
        Some(d) => (
            d.destinations.iter().filter_map(|x| Some((x.m49?, x.persons))).collect(),
            Some(d.year),
            cites.cite(&d.source),
        ),
        None => (
            profile
                .top_destinations
                .iter()
                .filter_map(|c| {
                    let area = real_area(Iso3::parse(&c.partner).ok()?)?;
                    Some((area.m49.get(), c.stock.value))
                })
                .collect(),
            profile.top_destinations.iter().map(|c| c.year).max(),
            cites.cite_all(profile.top_destinations.iter().map(|c| &c.stock.source)),
        ),
    };
    if values.is_empty() {
        return Html::new();
    }
    let Some(year) = year else { return Html::new() };
    let year = Arg::plain(year);
    let scope = t(if profile.diaspora.is_some() {
        "brief-map-every-destination"
    } else {
        "brief-map-main-destinations"
    });
    let args = [("country", Arg::from(name.as_str())), ("year", year), ("scope", Arg::from(scope))];
    let svg = map::diaspora_map(&DiasporaMap {
        id: "map-diaspora".to_owned(),
        title: tf("brief-map-title", &args),
        description: tf("brief-map-description", &args),
        origin_m49: profile.area.m49,
        values,
    });
    let caption = tf("brief-map-caption", &args);
    html!(
        "<h3>{}</h3>\n<figure>{}<figcaption>{}{} {}</figcaption></figure>\n",
        heading,
        svg,
        caption,
        refs,
        map::boundary_note()
    )
}

/// Points of a year series for a chart.
fn points(values: &[YearValue]) -> Vec<(f64, f64)> {
    values.iter().map(|v| (f64::from(v.year), v.value.value)).collect()
}

/// Series of a chart split where their figures' dataset changes, each part named with
/// its source's number ("Total [8]", "Total [9]") and drawn apart (no line joins two
/// datasets), so that the chart marks a break in a series as the table's note does.
/// `parts` gives each series' name and figures. A series whose dataset changes more
/// than twice, or a chart that would need more series than the palette has colours,
/// keeps its series whole (the table's note still marks every break). Returns the
/// series and whether any is split.
fn sourced_series(
    cites: &mut Citations,
    parts: Vec<(String, Vec<(i32, &Value)>)>,
) -> (Vec<Series>, bool) {
    let mut whole = Vec::new();
    let mut split = Vec::new();
    for (name, mut figures) in parts {
        figures.retain(|(_, v)| v.value.is_finite());
        figures.sort_by_key(|(year, _)| *year);
        let mut runs: Vec<(Entry, Vec<(f64, f64)>)> = Vec::new();
        for (year, v) in &figures {
            let entry = Entry::of(&v.source, None);
            let point = (f64::from(*year), v.value);
            match runs.last_mut() {
                Some((e, pts)) if *e == entry => pts.push(point),
                _ => runs.push((entry, vec![point])),
            }
        }
        let all: Vec<(f64, f64)> = runs.iter().flat_map(|(_, p)| p.iter().copied()).collect();
        whole.push(Series { name: name.clone(), points: all.clone() });
        if (2..=3).contains(&runs.len()) {
            split.extend(runs.into_iter().map(|(entry, points)| {
                let number = cites.entry(entry);
                let part = tf(
                    "brief-series-part",
                    &[("name", Arg::from(name.as_str())), ("source", Arg::from(number))],
                );
                Series { name: part, points }
            }));
        } else {
            split.push(Series { name, points: all });
        }
    }
    if split.len() > whole.len() && split.len() <= svg::PALETTE.len() {
        (split, true)
    } else {
        (whole, false)
    }
}

/// The figures of a year series, for [`sourced_series`].
fn figures(values: &[YearValue]) -> Vec<(i32, &Value)> {
    values.iter().map(|v| (v.year, &v.value)).collect()
}

/// A chart's caption, with the note on its broken series when it has some.
fn chart_caption(caption: String, broken: bool) -> Html {
    if broken {
        Html::text(&format!("{caption} {}", t("brief-chart-breaks")))
    } else {
        Html::text(&caption)
    }
}

/// Remittances received and paid, and received as a share of GDP.
fn remittances(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let name = &area_name(profile);
    let country = || [("country", Arg::from(name.as_str()))];
    let mut out = section_open("remittances", "brief-h-remittances");
    let series = [
        &profile.remittances_received,
        &profile.remittances_paid,
        &profile.gdp,
        &profile.remittances_pct_gdp,
    ];
    if series.iter().all(|s| s.is_empty()) {
        out.push(no_data("brief-what-remittances"));
        out.push(html!("</section>\n"));
        return out;
    }
    let title = tf("brief-remittances-title", &country());
    out.push(html!("<h3>{}</h3>\n", &title));
    if profile.remittances_received.is_empty() && profile.remittances_paid.is_empty() {
        out.push(no_data("brief-what-remittances-flows"));
    } else {
        let mut parts = Vec::new();
        if !profile.remittances_received.is_empty() {
            parts.push((t("brief-received"), figures(&profile.remittances_received)));
        }
        if !profile.remittances_paid.is_empty() {
            parts.push((t("brief-paid"), figures(&profile.remittances_paid)));
        }
        let (usd_series, broken) = sourced_series(cites, parts);
        let chart = svg::line_chart(&LineChart {
            id: "chart-remittances".to_owned(),
            title: title.clone(),
            summary: t("brief-remittances-summary"),
            x_style: NumberStyle::Year,
            y_style: NumberStyle::Compact,
            y_unit: t("brief-unit-current-usd"),
            series: usd_series,
        });
        let caption = tf("brief-remittances-caption", &[("title", Arg::from(title.as_str()))]);
        out.push(figure(&chart, &chart_caption(caption, broken)));
        out.push(year_table(
            cites,
            &Html::text(&tf("brief-remittances-table", &country())),
            &["brief-col-received-usd-million", "brief-col-paid-usd-million"],
            &[&profile.remittances_received, &profile.remittances_paid],
        ));
    }

    let title_pct = tf("brief-remittances-gdp-title", &country());
    out.push(html!("<h3>{}</h3>\n", &title_pct));
    if profile.remittances_pct_gdp.is_empty() && profile.gdp.is_empty() {
        out.push(no_data("brief-what-remittances-gdp"));
    } else {
        let chart = svg::line_chart(&LineChart {
            id: "chart-remittances-gdp".to_owned(),
            title: title_pct.clone(),
            summary: t("brief-remittances-gdp-summary"),
            x_style: NumberStyle::Year,
            y_style: NumberStyle::Percent(1),
            y_unit: t("brief-unit-pct-gdp"),
            series: std::iter::once(Series {
                name: t("brief-series-recomputed"),
                points: points(&profile.remittances_pct_gdp),
            })
            .chain((!profile.sdg_17_3_2.is_empty()).then(|| Series {
                name: t("brief-series-official"),
                points: points(&profile.sdg_17_3_2),
            }))
            .collect(),
        });
        let caption =
            tf("brief-remittances-gdp-caption", &[("title", Arg::from(title_pct.as_str()))]);
        out.push(figure(&chart, &Html::text(&caption)));
        out.push(year_table(
            cites,
            &Html::text(&tf("brief-remittances-gdp-table", &country())),
            &[
                "brief-col-sdg-17-3-2-official-pct",
                "brief-col-received-pct-gdp-recomputed",
                "brief-col-gdp-usd-million",
            ],
            &[&profile.sdg_17_3_2, &profile.remittances_pct_gdp, &profile.gdp],
        ));
    }
    out.push(html!("</section>\n"));
    out
}

/// A table with one row per year and one column per series. Amounts in current US$
/// are shown in millions (the header says so); other values as stored.
fn year_table(
    cites: &mut Citations,
    caption: &Html,
    headers: &[&str],
    columns: &[&[YearValue]],
) -> Html {
    let mut by_year: BTreeMap<i32, Vec<Option<&Value>>> = BTreeMap::new();
    for (col, values) in columns.iter().enumerate() {
        for v in values.iter() {
            by_year.entry(v.year).or_insert_with(|| vec![None; columns.len()])[col] =
                Some(&v.value);
        }
    }
    let rows: Vec<Vec<Cell>> = by_year
        .iter()
        .map(|(year, cols)| {
            let mut row = vec![Cell::Head(html!("{}", *year))];
            row.extend(cols.iter().map(|v| match v {
                Some(v) if v.unit == Unit::UsdCurrent => Cell::Fig(
                    Html::text(&format_thousands(v.value / 1e6, 1)),
                    Box::new((*v).clone()),
                ),
                other => num_cell(*other, 1),
            }));
            row
        })
        .collect();
    let mut all_headers = vec![("brief-col-year", false)];
    all_headers.extend(headers.iter().map(|h| (*h, true)));
    if rows.len() <= APPENDIX_ROWS {
        return data_table(cites, "data", caption, &all_headers, &rows);
    }
    // A long series: the body shows the recent years, the appendix every year.
    let number = cites.appendix.len() + 1;
    let anchor = format!("table-a{number}");
    let table_number = || Piece::Arg(Arg::plain(number));
    let full_caption = words::html(
        "brief-appendix-caption",
        &[("number", table_number()), ("caption", Piece::from(caption))],
    );
    let full = data_table(cites, "data", &full_caption, &all_headers, &rows);
    cites.appendix.push((anchor.clone(), full));
    let recent = &rows[rows.len() - RECENT_ROWS..];
    let recent_caption = words::html(
        "brief-recent-caption",
        &[("caption", Piece::from(caption)), ("years", Piece::Arg(Arg::from(RECENT_ROWS)))],
    );
    let mut out = data_table(cites, "data", &recent_caption, &all_headers, recent);
    let link = html!(
        "<a href=\"#{}\">{}</a>",
        &anchor,
        tf("brief-appendix-link", &[("number", Arg::plain(number))])
    );
    out.push(html!(
        "<p class=\"more\">{}</p>\n",
        words::html(
            "brief-appendix-more",
            &[("link", Piece::Html(link)), ("rows", Piece::Arg(Arg::from(rows.len())))]
        )
    ));
    out
}

/// A year-by-year table longer than this many rows moves to the appendix; the body
/// keeps its [`RECENT_ROWS`] most recent rows.
const APPENDIX_ROWS: usize = 12;

/// The rows of a long year-by-year table the body keeps: the most recent years.
const RECENT_ROWS: usize = 5;

/// The "Appendix: tables" section: the long year-by-year tables, in full (nothing when
/// no table was moved).
fn appendix(cites: &Citations) -> Html {
    if cites.appendix.is_empty() {
        return Html::new();
    }
    let mut out = section_open("appendix", "brief-h-appendix");
    out.push(html!("<p>{}</p>\n", h("brief-appendix-intro")));
    for (anchor, table) in &cites.appendix {
        out.push(html!("<div id=\"{}\" class=\"appendix-table\">{}</div>\n", anchor, table));
    }
    out.push(html!("</section>\n"));
    out
}

/// One list of corridor costs: chart and table. `to` is true for costs of sending to
/// the country (the partner is the sender).
fn cost_block(
    cites: &mut Citations,
    id: &str,
    heading: &str,
    costs: &[CorridorCost],
    to: bool,
) -> Html {
    let mut out = html!("<h3>{}</h3>\n", heading);
    if costs.is_empty() {
        out.push(no_data(if to { "brief-what-costs-to" } else { "brief-what-costs-from" }));
        return out;
    }
    let mut sorted: Vec<&CorridorCost> = costs.iter().collect();
    sorted.sort_by(|a, b| {
        b.cost_pct
            .value
            .total_cmp(&a.cost_pct.value)
            .then_with(|| a.sender_name.cmp(&b.sender_name))
    });
    let sender = |c: &CorridorCost| words::country(&c.sender, &c.sender_name);
    let receiver = |c: &CorridorCost| words::country(&c.receiver, &c.receiver_name);
    let partner = |c: &CorridorCost| if to { sender(c) } else { receiver(c) };
    let lines = [
        ("target", Arg::from(words::percent(SDG_COST_TARGET_PCT, 0))),
        ("ceiling", Arg::from(words::percent(COST_CEILING_PCT, 0))),
    ];
    let summary_key = if to { "brief-cost-summary-from" } else { "brief-cost-summary-to" };
    let chart = svg::reference_chart(&ReferenceChart {
        id: format!("chart-{id}"),
        title: heading.to_owned(),
        summary: tf(summary_key, &lines),
        value_style: NumberStyle::Percent(2),
        value_unit: t("brief-unit-pct-usd200"),
        mark: Mark::Bar,
        items: sorted
            .iter()
            .map(|c| Bar { label: partner(c), value: c.cost_pct.value, share_pct: None })
            .collect(),
        references: vec![
            RefLine { value: SDG_COST_TARGET_PCT, label: tf("brief-sdg-target-line", &lines) },
            RefLine { value: COST_CEILING_PCT, label: words::percent(COST_CEILING_PCT, 0) },
        ],
    });
    let mut caption = vec![("heading", Arg::from(heading))];
    caption.extend(lines);
    out.push(figure(&chart, &Html::text(&tf("brief-cost-caption", &caption))));
    let rows: Vec<Vec<Cell>> = sorted
        .iter()
        .map(|c| {
            vec![
                Cell::Head(Html::text(&sender(c))),
                Cell::Text(Html::text(&receiver(c))),
                Cell::Num(html!("{}", c.year)),
                num_cell(Some(&c.cost_pct), 2),
                Cell::Text(if c.cost_pct.value.is_finite() {
                    against_target(c.cost_pct.value)
                } else {
                    h("brief-not-available")
                }),
            ]
        })
        .collect();
    out.push(data_table(
        cites,
        "data",
        &Html::text(heading),
        &[
            ("brief-col-sending-country", false),
            ("brief-col-receiving-country", false),
            ("brief-col-year", true),
            ("brief-col-cost-pct-of-usd200", true),
            ("brief-col-compared-with-the-sdg-10-c-target", false),
        ],
        &rows,
    ));
    out
}

/// Costs of sending remittances to and from the country.
fn costs(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let name = &area_name(profile);
    let country = || [("country", Arg::from(name.as_str()))];
    let mut out = section_open("costs", "brief-h-costs-full");
    out.push(html!("<p>{}</p>\n", h("brief-sdg-10-c")));
    // A destination's costs of sending from it come first; a side without data is
    // mentioned only when the other side has none either.
    let to = |cites: &mut Citations| {
        cost_block(cites, "costs-to", &tf("brief-cost-to", &country()), &profile.costs_to, true)
    };
    let from = |cites: &mut Citations| {
        cost_block(
            cites,
            "costs-from",
            &tf("brief-cost-from", &country()),
            &profile.costs_from,
            false,
        )
    };
    let destination_first = role::role(profile).role == Role::Destination;
    let (has_to, has_from) = (!profile.costs_to.is_empty(), !profile.costs_from.is_empty());
    if destination_first {
        out.push(from(cites));
        if has_to {
            out.push(to(cites));
        }
    } else {
        if has_to || !has_from {
            out.push(to(cites));
        }
        if has_from {
            out.push(from(cites));
        }
    }
    out.push(html!("</section>\n"));
    out
}

/// Skilled and health-worker emigration, physicians.
fn skills(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let mut out = section_open("skills", "brief-h-skills");
    let items = [
        (t("brief-skilled-rate-row"), &profile.skilled_emigration_rate),
        (t("brief-health-rate-row"), &profile.health_worker_emigration_rate),
        (t("brief-physicians-row"), &profile.physicians_per_1000),
    ];
    let rows: Vec<Vec<Cell>> = items
        .iter()
        .map(|(label, value)| match value {
            Some(v) => vec![
                Cell::Head(Html::text(label)),
                Cell::Num(html!("{}", v.year)),
                num_cell(Some(&v.value), 1),
                Cell::Text(Html::text(&unit_label(v.value.unit))),
            ],
            None => {
                vec![Cell::Head(Html::text(label)), na_cell(), na_cell(), Cell::Text(see_gaps())]
            }
        })
        .collect();
    out.push(data_table(
        cites,
        "data",
        &h("brief-skills-table"),
        &[
            ("brief-col-indicator", false),
            ("brief-col-year", true),
            ("brief-col-value", true),
            ("brief-col-unit", false),
        ],
        &rows,
    ));
    out.push(html!("</section>\n"));
    out
}

/// A "yes/no" cell of a status, with its citation.
fn status_text(cites: &mut Citations, status: Option<&Status>, yes: Html, no: Html) -> Html {
    match status {
        Some(s) => {
            html!("{} ({}){}", if s.yes { yes } else { no }, &s.detail, cites.cite(&s.source))
        }
        None => html!("<span class=\"na\">{}</span> — {}", h("brief-not-available"), see_gaps()),
    }
}

/// One SDG 10.c.1 summary as table rows.
/// `to` is true for the costs of sending to the country.
fn cost_summary_rows(to: bool, c: &CostSummary) -> Vec<Vec<Cell>> {
    let pick = |to_key: &'static str, from_key: &'static str| if to { to_key } else { from_key };
    let head = |key: &str| {
        let args = [
            ("count", Arg::from(c.n_corridors)),
            ("target", Arg::from(words::percent(SDG_COST_TARGET_PCT, 0))),
            ("ceiling", Arg::from(words::percent(COST_CEILING_PCT, 0))),
        ];
        Cell::Head(html!("{} {}", t("brief-sdg-10-c-1-short"), tf(key, &args)))
    };
    let mut rows = vec![
        vec![
            head(pick("brief-cost-average-to", "brief-cost-average-from")),
            Cell::Num(html!("{}", c.year)),
            num_cell(Some(&c.average_pct), 2),
            Cell::Text(h("brief-unit-pct-sent")),
        ],
        vec![
            head(pick("brief-cost-above-5-to", "brief-cost-above-5-from")),
            Cell::Num(html!("{}", c.year)),
            num_cell(Some(&c.share_above_5_pct), 1),
            Cell::Text(h("brief-unit-pct-corridors")),
        ],
        vec![
            head(pick("brief-cost-gap-to", "brief-cost-gap-from")),
            Cell::Num(html!("{}", c.year)),
            num_cell(Some(&c.gap_to_3_pct), 2),
            Cell::Text(h("brief-unit-points")),
        ],
    ];
    if let Some(r) = &c.rpw_country_average {
        rows.push(vec![
            head(pick("brief-cost-rpw-to", "brief-cost-rpw-from")),
            Cell::Num(html!("{}", r.year)),
            num_cell(Some(&r.value), 2),
            Cell::Text(h("brief-unit-pct-sent")),
        ]);
    }
    rows
}

/// A cell with nothing to show.
fn na_cell() -> Cell {
    Cell::Num(html!("<span class=\"na\">{}</span>", h("brief-not-available")))
}

/// "see Data gaps", with the link.
fn see_gaps() -> Html {
    words::html("brief-see-gaps", &[("link", Piece::Html(gaps_link()))])
}

/// A unit's name, in the brief's language.
pub(crate) fn unit_label(unit: Unit) -> String {
    t(words::unit_key(unit))
}

/// SDG 17.3.2 with the GDP-weighted aggregates of the country's groups, and SDG 10.c.1.
fn sdg(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let mut out = section_open("sdg", "brief-h-sdg");
    out.push(sdg_names());
    let name = area_name(profile);
    let country = || [("country", Arg::from(name.as_str()))];
    let mut rows = Vec::new();
    if let Some(p) = latest(&profile.sdg_17_3_2) {
        rows.push(vec![
            Cell::Head(Html::text(&tf("brief-sdg-17-3-2-row", &country()))),
            Cell::Num(html!("{}", p.year)),
            num_cell(Some(&p.value), 2),
            Cell::Text(h("brief-sdg-official-note")),
        ]);
    }
    if let Some(p) = latest(&profile.remittances_pct_gdp) {
        rows.push(vec![
            Cell::Head(Html::text(&tf("brief-recomputed-row", &country()))),
            Cell::Num(html!("{}", p.year)),
            num_cell(Some(&p.value), 2),
            Cell::Text(h("brief-recomputed-note")),
        ]);
    }
    for g in &profile.remittances_pct_gdp_groups {
        let args = [
            ("group", Arg::from(g.name.as_str())),
            ("with", Arg::from(g.n_with_data)),
            ("members", Arg::from(g.n_members)),
            ("missing", Arg::from(g.missing.len())),
        ];
        rows.push(vec![
            Cell::Head(Html::text(&tf("brief-group-row", &args))),
            Cell::Num(html!("{}", g.year)),
            num_cell(Some(&g.value), 2),
            Cell::Text(Html::text(&tf("brief-group-note", &args))),
        ]);
    }
    for (to, summary) in [(true, &profile.cost_to_summary), (false, &profile.cost_from_summary)] {
        if let Some(c) = summary {
            rows.extend(cost_summary_rows(to, c));
        }
    }
    if rows.is_empty() {
        out.push(no_data("brief-what-sdg"));
    } else {
        out.push(data_table(
            cites,
            "data",
            &h("brief-sdg-table"),
            &[
                ("brief-col-indicator", false),
                ("brief-col-year", true),
                ("brief-col-value", true),
                ("brief-col-note", false),
            ],
            &rows,
        ));
    }
    out.push(html!("</section>\n"));
    out
}

/// The UN's names of the two SDG indicators the section shows (the global indicator
/// framework's wording, in the brief's language).
fn sdg_names() -> Html {
    html!(
        "<dl class=\"about\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n",
        h("brief-sdg-17-3-2-code"),
        h("brief-sdg-17-3-2-name"),
        h("brief-sdg-10-c-1-code"),
        h("brief-sdg-10-c-1-name")
    )
}

/// A row for a concentration index.
fn concentration_row(label: &str, c: Option<&Concentration>) -> Vec<Cell> {
    match c {
        Some(c) => vec![
            Cell::Head(Html::text(label)),
            Cell::Num(html!("{}", c.year)),
            Cell::Fig(Html::text(&format_trimmed(c.index.value, 3)), Box::new(c.index.clone())),
            Cell::Text(Html::text(&tf(
                "brief-herfindahl",
                &[("partners", Arg::from(c.n_partners))],
            ))),
        ],
        None => vec![Cell::Head(Html::text(label)), na_cell(), na_cell(), Cell::Text(see_gaps())],
    }
}

/// Remittances against GDP, exports and population; concentration.
fn dependence(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let mut out = section_open("dependence", "brief-h-dependence");
    let mut rows = Vec::new();
    for (label, series, decimals, unit) in [
        ("brief-dep-official", &profile.sdg_17_3_2, 2, Unit::Percent),
        ("brief-dep-recomputed", &profile.remittances_pct_gdp, 2, Unit::Percent),
        ("brief-dep-exports", &profile.remittances_pct_exports, 2, Unit::Percent),
        ("brief-dep-per-person", &profile.remittances_per_capita, 0, Unit::UsdCurrent),
    ] {
        let label = t(label);
        rows.push(match latest(series) {
            Some(v) => vec![
                Cell::Head(Html::text(&label)),
                Cell::Num(html!("{}", v.year)),
                num_cell(Some(&v.value), decimals),
                Cell::Text(Html::text(&unit_label(unit))),
            ],
            None => {
                vec![Cell::Head(Html::text(&label)), na_cell(), na_cell(), Cell::Text(see_gaps())]
            }
        });
    }
    rows.push(concentration_row(
        &t("brief-concentration-destinations"),
        profile.destination_concentration.as_ref(),
    ));
    rows.push(concentration_row(
        &t("brief-concentration-senders"),
        profile.sender_concentration.as_ref(),
    ));
    out.push(data_table(
        cites,
        "data",
        &h("brief-dependence-table"),
        &[
            ("brief-col-indicator", false),
            ("brief-col-year", true),
            ("brief-col-value", true),
            ("brief-col-unit", false),
        ],
        &rows,
    ));
    out.push(html!("</section>\n"));
    out
}

/// Corridors per trend table: with years down and corridors across, a table of this
/// many numeric columns fits an A4 page's width (checked by e2e/brief-layout.mjs).
const TREND_COLUMNS: usize = 5;

/// Trend tables: years down, corridors across, at most [`TREND_COLUMNS`] corridors per
/// table (so that a table fits the page however many years there are).
fn trend_table(cites: &mut Citations, caption: &Html, trends: &[CorridorTrend]) -> Html {
    let mut years: Vec<i32> = trends.iter().flat_map(|t| t.stocks.iter().map(|s| s.year)).collect();
    years.sort_unstable();
    years.dedup();
    let parts = trends.len().div_ceil(TREND_COLUMNS);
    let mut out = Html::new();
    for (part, chunk) in trends.chunks(TREND_COLUMNS).enumerate() {
        let headers_text: Vec<String> = chunk
            .iter()
            .map(|t| format!("{} ({})", words::country(&t.partner, &t.partner_name), t.partner))
            .collect();
        let mut headers: Vec<(&str, bool)> = vec![("brief-col-year", false)];
        headers.extend(headers_text.iter().map(|h| (h.as_str(), true)));
        let rows: Vec<Vec<Cell>> = years
            .iter()
            .map(|y| {
                let mut row = vec![Cell::Head(html!("{}", *y))];
                for t in chunk {
                    let v = t.stocks.iter().find(|s| s.year == *y).map(|s| &s.value);
                    row.push(num_cell(v, 1));
                }
                row
            })
            .collect();
        let caption = if parts > 1 {
            words::html(
                "brief-table-part",
                &[
                    ("caption", Piece::from(caption)),
                    ("part", Piece::Arg(Arg::from(part + 1))),
                    ("parts", Piece::Arg(Arg::from(parts))),
                ],
            )
        } else {
            caption.clone()
        };
        out.push(render_table(
            Some(&mut *cites),
            SeriesIn::Columns,
            "data",
            &caption,
            &headers,
            &rows,
        ));
    }
    out
}

/// The top corridors over time and every destination of the diaspora.
fn diaspora(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let mut out = section_open("diaspora", "brief-h-diaspora");
    if profile.destination_trends.is_empty()
        && profile.origin_trends.is_empty()
        && profile.diaspora.is_none()
    {
        out.push(no_data("brief-what-diaspora"));
        out.push(html!("</section>\n"));
        return out;
    }
    if !profile.destination_trends.is_empty() {
        out.push(trend_table(cites, &h("brief-trend-destinations"), &profile.destination_trends));
    }
    if !profile.origin_trends.is_empty() {
        out.push(trend_table(cites, &h("brief-trend-origins"), &profile.origin_trends));
    }
    if let Some(d) = &profile.diaspora {
        let total: f64 = d.destinations.iter().map(|x| x.persons).sum();
        let refs = cites.cite(&d.source);
        out.push(html!(
            // The citation links follow the summary: a link inside a summary would be a
            // control inside a control.
            "<details><summary>{}</summary><p class=\"meta\">{}</p>",
            tf(
                "brief-diaspora-all",
                &[
                    ("count", Arg::from(d.destinations.len())),
                    ("year", Arg::plain(d.year)),
                    ("persons", Arg::Number(total, 0)),
                ]
            ),
            words::html("brief-note-source-one", &[("source", Piece::Html(refs))])
        ));
        let rows: Vec<Vec<Cell>> = d
            .destinations
            .iter()
            .map(|x| {
                vec![
                    Cell::Head(Html::text(&words::country(&x.iso3, &x.name))),
                    Cell::Text(html!("<span class=\"code\">{}</span>", &x.iso3)),
                    Cell::Num(html!("{}", x.m49.map(|m| format!("{m:03}")))),
                    Cell::Num(html!("{}", format_thousands(x.persons, 0))),
                ]
            })
            .collect();
        out.push(table(
            "data",
            &h("brief-diaspora-table"),
            &[
                ("brief-col-destination", false),
                ("brief-col-iso3", false),
                ("brief-col-m49", true),
                ("brief-col-persons", true),
            ],
            &rows,
        ));
        out.push(html!("</details>"));
    }
    out.push(html!("</section>\n"));
    out
}

/// The WHO safeguards list and the migrant workers convention.
fn governance(profile: &CountryProfile, cites: &mut Citations) -> Html {
    let mut out = section_open("governance", "brief-h-governance");
    let ssl = status_text(
        cites,
        profile.who_safeguards_list.as_ref(),
        html!("<strong>{}</strong>: {}", h("brief-ssl-on"), h("brief-ssl-on-note")),
        h("brief-ssl-off"),
    );
    let icmw = status_text(
        cites,
        profile.icmw.as_ref(),
        html!("<strong>{}</strong>", h("brief-icmw-party")),
        h("brief-icmw-not-party"),
    );
    out.push(html!(
        "<dl class=\"about\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\n",
        h("brief-ssl"),
        ssl,
        h("brief-icmw"),
        icmw
    ));
    out.push(html!("</section>\n"));
    out
}

/// A score for people: "66.67 % (exactly 200/3)", and the band.
fn assessment_score(score: Option<&analysis::assess::Score>) -> (Html, Html) {
    match score {
        None => (html!("<span class=\"na\">{}</span>", h("brief-not-computed")), Html::new()),
        Some(s) => {
            let exact = if s.percent_exact.denom() == 1 {
                String::new()
            } else {
                format!(" ({})", tf("brief-exactly", &[("n", Arg::plain(s.percent_exact))]))
            };
            let band = s.band.as_ref().map_or(Html::new(), |b| html!("{} — {}", &b.code, &b.label));
            (html!("{}{}", words::percent_sign(&format_trimmed(s.percent, 2)), exact), band)
        }
    }
}

/// The stored framework assessments: each framework's domains and overall score with
/// their bands, and where the answers come from.
fn assessments(profile: &CountryProfile) -> Html {
    if profile.group.is_some() {
        return Html::new();
    }
    let mut out = section_open("assessments", "brief-h-assessments");
    if profile.assessments.is_empty() {
        out.push(html!("<p class=\"no-data\">{}</p>\n</section>\n", h("brief-no-assessments")));
        return out;
    }
    for a in &profile.assessments {
        let p = &a.answers;
        out.push(html!("<h3>{}</h3>\n", &a.framework_title));
        if let Some(adaptation) = &a.adaptation {
            out.push(html!("<p class=\"note\">{}</p>\n", adaptation));
        }
        let code = |text: &str| Piece::Html(html!("<code>{}</code>", text));
        out.push(html!(
            "<p>{}</p>\n",
            words::html(
                "brief-answers-line",
                &[
                    ("version", Piece::Arg(Arg::plain(p.version))),
                    ("framework", code(&p.framework)),
                    ("file", code(&p.file)),
                    ("sha", code(&format!("{}…", p.sha256.get(..12).unwrap_or(&p.sha256)))),
                    ("at", Piece::from(p.stored_at.as_str())),
                    ("by", Piece::from(p.stored_by.as_str())),
                    ("reason", Piece::from(p.reason.as_str())),
                ]
            )
        ));
        let checklist = a.kind == analysis::assess::FrameworkKind::Checklist;
        let mut rows: Vec<Vec<Cell>> = a
            .domains
            .iter()
            .map(|d| {
                let answered = Cell::Num(Html::text(&tf(
                    "brief-answered-of",
                    &[("answered", Arg::from(d.n_answered)), ("items", Arg::from(d.n_items))],
                )));
                if checklist {
                    let tally =
                        d.tally.iter().map(|t| html!("{} {}", t.count, t.label.to_lowercase()));
                    let tally = Html::join(tally, &html!(", "));
                    vec![Cell::Head(Html::text(&d.title)), answered, Cell::Text(tally)]
                } else {
                    let (score, band) = assessment_score(d.score.as_ref());
                    vec![
                        Cell::Head(Html::text(&d.title)),
                        answered,
                        Cell::Num(score),
                        Cell::Text(band),
                    ]
                }
            })
            .collect();
        let caption = Html::text(&tf(
            "brief-assessment-caption",
            &[
                ("framework", Arg::from(a.framework_title.as_str())),
                ("country", Arg::from(area_name(profile))),
            ],
        ));
        if checklist {
            out.push(table(
                "data",
                &caption,
                &[
                    ("brief-col-domain", false),
                    ("brief-col-answered", true),
                    ("brief-col-answers", false),
                ],
                &rows,
            ));
            out.push(html!("<p>{}</p>\n", h("brief-checklist")));
        } else {
            let (score, band) = assessment_score(a.overall.as_ref());
            rows.push(vec![
                Cell::Head(html!("<strong>{}</strong>", h("brief-overall"))),
                Cell::Num(Html::new()),
                Cell::Num(html!("<strong>{}</strong>", score)),
                Cell::Text(html!("<strong>{}</strong>", band)),
            ]);
            out.push(table(
                "data",
                &caption,
                &[
                    ("brief-col-domain", false),
                    ("brief-col-answered", true),
                    ("brief-col-score", true),
                    ("brief-col-band", false),
                ],
                &rows,
            ));
        }
        if !a.unanswered.is_empty() {
            let rule = h(match a.non_response {
                analysis::assess::NonResponse::DomainNotComputed => "brief-rule-not-computed",
                analysis::assess::NonResponse::ExcludeItem => "brief-rule-exclude",
                analysis::assess::NonResponse::CountAsZero => "brief-rule-zero",
            });
            let items = Arg::from(a.unanswered.join(", "));
            out.push(html!("<p>{} {}</p>\n", tf("brief-unanswered", &[("items", items)]), rule));
        }
    }
    out.push(html!("</section>\n"));
    out
}

/// A policy's latest register change for people: "Edited 2026-11-28 by ana: REASON
/// (status: active → suspended)".
fn change_html(change: &analysis::profile::PolicyChange) -> Html {
    let date = change.at.get(..10).unwrap_or(&change.at);
    let key = if change.action == analysis::register::AuditAction::Edit {
        "brief-change-edited"
    } else {
        "brief-change-imported"
    };
    let fields: Vec<Html> = change
        .fields
        .iter()
        .map(|f| html!("{}: {} → {}", humanise(&f.field), &f.old, &f.new))
        .collect();
    let fields = if fields.is_empty() {
        Html::new()
    } else {
        html!(" ({})", Html::join(fields, &html!("; ")))
    };
    let args = [
        ("date", Arg::from(date)),
        ("user", Arg::from(change.user.as_str())),
        ("reason", Arg::from(change.reason.as_str())),
    ];
    html!("{}{}", tf(key, &args), fields)
}

/// For the brief of a group of countries: its members.
fn members(profile: &CountryProfile) -> Html {
    let Some(g) = &profile.group else { return Html::new() };
    let heading = tf("brief-members", &[("group", Arg::from(g.group.name.as_str()))]);
    let mut out = html!(
        "<section id=\"members\" aria-labelledby=\"members-h\">\n<h2 id=\"members-h\">{}</h2>\n",
        heading
    );
    let args = [
        ("kind", Arg::from(g.group.kind.as_str())),
        ("count", Arg::from(g.members.len())),
        ("source", Arg::from(g.source.as_str())),
    ];
    out.push(html!(
        "<p>{}</p>\n<p class=\"codes\">{}</p>\n",
        tf("brief-members-note", &args),
        g.members.join(", ")
    ));
    out.push(html!("</section>\n"));
    out
}

/// An identifier such as `pre_departure` written for people: `pre departure`.
fn humanise(identifier: &str) -> String {
    identifier.replace('_', " ")
}

/// The policy register.
fn policies(profile: &CountryProfile) -> Html {
    let mut out = section_open("policies", "brief-h-policies");
    if profile.policies.is_empty() {
        out.push(html!("<p class=\"no-data\">{}</p>\n", h("brief-no-policies")));
    } else {
        let changed = profile.policies.iter().filter(|p| p.last_change.is_some()).count();
        if changed > 0 {
            let text = tf("brief-register-changed", &[("changed", Arg::from(changed))]);
            out.push(html!("<p>{}</p>\n", text));
        }
        let rows: Vec<Vec<Cell>> = profile
            .policies
            .iter()
            .map(|p| {
                let mut row = vec![
                    Cell::Text(Html::text(&p.id)),
                    Cell::Head(Html::text(&p.title)),
                    Cell::Text(Html::text(&p.ministry)),
                    // The area is an open vocabulary of English identifiers (data).
                    Cell::Text(html!("<span lang=\"en\">{}</span>", humanise(&p.area))),
                    Cell::Text(Html::text(
                        &p.stages
                            .iter()
                            .map(|s| words::stage_name(s))
                            .collect::<Vec<_>>()
                            .join(", "),
                    )),
                    Cell::Text(if p.partners.is_empty() {
                        html!("—")
                    } else {
                        Html::text(&p.partners.join(", "))
                    }),
                    Cell::Text(Html::text(&words::status_name(&p.status))),
                ];
                if changed > 0 {
                    row.push(Cell::Text(
                        p.last_change.as_ref().map_or_else(Html::new, change_html),
                    ));
                }
                row
            })
            .collect();
        let mut headers = vec![
            ("brief-col-id", false),
            ("brief-col-policy", false),
            ("brief-col-ministry", false),
            ("brief-col-area", false),
            ("brief-col-migration-cycle-stages", false),
            ("brief-col-partner-countries", false),
            ("brief-col-status", false),
        ];
        if changed > 0 {
            headers.push(("brief-col-register-change", false));
        }
        out.push(table(
            "register",
            &Html::text(&tf(
                "brief-policies-caption",
                &[
                    ("country", Arg::from(area_name(profile))),
                    ("count", Arg::from(profile.policies.len())),
                ],
            )),
            &headers,
            &rows,
        ));
    }
    out.push(html!("</section>\n"));
    out
}

/// The data gaps.
fn gaps(profile: &CountryProfile) -> Html {
    let mut out = section_open("gaps", "brief-h-gaps");
    if profile.gaps.is_empty() {
        out.push(html!("<p>{}</p>\n", h("brief-no-gaps")));
    } else {
        out.push(html!("<p>{}</p>\n<ul>", h("brief-gaps-intro")));
        for gap in &profile.gaps {
            out.push(html!("<li>{}</li>", &words::said(&gap.said)));
        }
        out.push(html!("</ul>\n"));
    }
    out.push(html!("</section>\n"));
    out
}

/// The dataset editions the brief's figures come from, in order (title and edition as
/// stored, with the publisher); reference data shipped with Coherence is left out.
fn editions_used(cites: &Citations) -> Vec<(String, String)> {
    let mut editions: Vec<(String, String)> = cites
        .sources
        .iter()
        .filter(|e| e.dataset_id != 0)
        .map(|e| (e.dataset.clone(), e.publisher.clone()))
        .collect();
    editions.sort();
    editions.dedup();
    editions
}

/// "3 dataset editions" or "no dataset".
fn editions_phrase(editions: &[(String, String)]) -> String {
    tf("brief-editions", &[("count", Arg::from(editions.len()))])
}

/// The generation parameters: country, date, version, the dataset editions used.
fn about(profile: &CountryProfile, cites: &Citations, colophon: &Colophon) -> Html {
    let mut out = section_open("about", "brief-h-about");
    out.push(html!("<dl class=\"about\">"));
    let mut codes = tf("brief-iso3", &[("code", Arg::from(profile.area.iso3.as_str()))]);
    if let Some(m) = profile.area.m49 {
        codes.push_str(", ");
        codes.push_str(&tf("brief-m49", &[("code", Arg::plain(format!("{m:03}")))]));
    }
    out.push(html!(
        "<dt>{}</dt><dd>{} ({})</dd>",
        h("brief-about-country"),
        area_name(profile),
        codes
    ));
    if let Some(notice) = fictional_notice(profile) {
        out.push(html!("<dt>{}</dt><dd>{}</dd>", h("brief-fictional-label"), notice));
    }
    out.push(html!(
        "<dt>{}</dt><dd><time datetime=\"{}\">{}</time> (UTC)</dd><dt>{}</dt><dd>{}</dd>",
        h("brief-about-generated"),
        colophon.date.to_string(),
        colophon.date.long(),
        h("brief-about-version"),
        &colophon.version
    ));
    if !profile.pinned_editions.is_empty() {
        out.push(html!(
            "<dt>{}</dt><dd>{}</dd>",
            h("brief-about-editions-chosen"),
            tf("brief-pinned", &[("editions", Arg::from(profile.pinned_editions.join("; ")))])
        ));
    }
    let mut datasets: Vec<(i64, &str, &str)> = cites
        .sources
        .iter()
        .map(|e| (e.dataset_id, e.dataset.as_str(), e.publisher.as_str()))
        .collect();
    datasets.sort_unstable();
    datasets.dedup();
    out.push(html!("<dt>{}</dt><dd>", h("brief-about-editions-used")));
    if datasets.is_empty() {
        out.push(h("brief-about-no-values"));
    } else {
        out.push(html!("<ul>"));
        for (id, dataset, publisher) in &datasets {
            // Reference data shipped with Coherence has no import of its own.
            let origin = if *id == 0 {
                t("brief-about-reference-data")
            } else {
                tf("brief-about-import", &[("id", Arg::plain(id))])
            };
            out.push(html!("<li>{} — {} ({})</li>", dataset, publisher, origin));
        }
        out.push(html!("</ul>"));
    }
    out.push(html!("</dd>"));
    out.push(html!(
        "<dt>{}</dt><dd>{}</dd>",
        h("brief-about-method"),
        h("brief-about-method-text")
    ));
    out.push(html!("</dl>\n</section>\n"));
    out
}

/// The numbered sources.
fn sources(cites: &Citations) -> Html {
    let mut out = section_open("sources", "brief-h-sources");
    if cites.sources.is_empty() {
        out.push(html!("<p>{}</p>\n", h("brief-no-sources")));
    } else {
        out.push(html!("<ol class=\"sources\">"));
        for (idx, e) in cites.sources.iter().enumerate() {
            let rule = match &e.rule {
                Some(rule) => {
                    html!("; {}", tf("brief-source-rule", &[("rule", Arg::from(rule.as_str()))]))
                }
                None => Html::new(),
            };
            out.push(html!(
                "<li id=\"src-{}\"><cite>{}</cite>, {}{}.</li>",
                idx + 1,
                &e.dataset,
                &e.publisher,
                rule
            ));
        }
        out.push(html!("</ol>\n"));
    }
    out.push(html!("</section>\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_value_cites_its_rule_and_its_tooltip_names_the_values_it_beat() {
        use analysis::select::{Alternative, Choice};
        let mut cites = Citations::default();
        let mut v = Value {
            value: 537.9e6,
            unit: Unit::UsdCurrent,
            source: source("BO266"),
            choice: Some(Choice {
                rule: "remittances: WDI first".to_owned(),
                alternatives: vec![Alternative {
                    dataset: "KNOMAD inflows (edition 2022 (June 2023))".to_owned(),
                    value: 0.0,
                    reason: "placeholder: the publisher writes 0 where it has no estimate"
                        .to_owned(),
                }],
            }),
        };
        let chosen = cites.cite_value(&v);
        let list = sources(&cites).into_string();
        assert!(list.contains("chosen by the rule remittances: WDI first"), "{list}");
        let tooltip = provenance(&v);
        assert!(tooltip.contains("cell: BO266"), "{tooltip}");
        assert!(
            tooltip.contains("not used: KNOMAD inflows (edition 2022 (June 2023)) 0 (placeholder"),
            "{tooltip}"
        );
        // The same dataset without alternatives is cited as the plain source.
        v.choice = None;
        assert_ne!(cites.cite_value(&v), chosen);
        assert_eq!(cites.cite_value(&v), cites.cite(&v.source));
    }

    fn source(cell: &str) -> Source {
        Source {
            dataset_id: 1,
            dataset: "Demo stocks".to_owned(),
            publisher: "Demo office".to_owned(),
            cell: Some(cell.to_owned()),
            derivation: None,
        }
    }

    #[test]
    fn identical_sources_share_a_number() {
        let mut cites = Citations::default();
        // A number stands for a dataset: two cells of one dataset share it.
        assert_eq!(cites.number(&source("A1")), 1);
        assert_eq!(cites.number(&source("A2")), 1);
        let mut other = source("A1");
        other.dataset = "Demo flows".to_owned();
        assert_eq!(cites.number(&other), 2);
        assert_eq!(
            cites.cite_all([&source("A2"), &other, &source("A1")]).as_str().matches("<a ").count(),
            2
        );
    }

    #[test]
    fn units_are_written_out() {
        let v = |value, unit| Value { value, unit, source: source("A1"), choice: None };
        assert_eq!(with_unit(&v(1_234_567.0, Unit::Persons), 1), "1,234,567 persons");
        assert_eq!(with_unit(&v(2.345e9, Unit::UsdCurrent), 1), "US$ 2.35 billion");
        assert_eq!(with_unit(&v(45.5e6, Unit::UsdCurrent), 1), "US$ 45.5 million");
        assert_eq!(with_unit(&v(12.34, Unit::Percent), 1), "12.3%");
        assert_eq!(with_unit(&v(0.8, Unit::PerThousand), 1), "0.80 per 1,000 people");
    }

    #[test]
    fn stored_flow_estimates_are_a_cited_table_or_a_no_data_note() {
        let derived = |value: f64, how: &str| Value {
            value,
            unit: Unit::Persons,
            source: Source {
                dataset_id: 7,
                dataset: "Bilateral migration flows 2015–2020 (edition sd_rev_neg 2015-2020)"
                    .to_owned(),
                publisher: "Coherence (derived estimate)".to_owned(),
                cell: None,
                derivation: Some(how.to_owned()),
            },
            choice: None,
        };
        let flow = EstimatedFlow {
            method: "sd_rev_neg".to_owned(),
            period_start: 2015,
            period_end: 2020,
            inflow: derived(15_100.0, "sum over 2 origins"),
            outflow: derived(600_744.0, "sum over 7 destinations"),
            net: derived(-585_644.0, "inflow − outflow"),
            n_origins: 2,
            n_destinations: 7,
        };
        let mut cites = Citations::default();
        let html = flows_block(&mut cites, "Pelaria", &[flow]).into_string();
        assert!(html.contains("<h3>Estimated migration flows of Pelaria</h3>"), "{html}");
        assert!(html.contains("<th scope=\"row\">2015–2020</th>"), "{html}");
        assert!(html.contains("sd_rev_neg"));
        for number in ["15,100", "600,744", "-585,644"] {
            assert!(html.contains(number), "{number} in {html}");
        }
        assert_eq!(cites.sources.len(), 1, "one dataset");
        assert_eq!(html.matches("href=\"#src-").count(), 1, "cited once, under the table");
        assert!(html.contains("<p class=\"table-note\">Source: <sup"), "{html}");
        assert!(html.contains("title=\"Bilateral migration flows 2015–2020 (edition sd_rev_neg 2015-2020), Coherence (derived estimate); derived: sum over 2 origins\""), "{html}");

        let mut cites = Citations::default();
        let none = flows_block(&mut cites, "Pelaria", &[]).into_string();
        assert!(none.contains("No data on estimated migration flows"), "{none}");
        assert!(cites.sources.is_empty());
    }

    #[test]
    fn target_comparison() {
        assert!(against_target(5.25).as_str().contains("by 2.25 percentage points"));
        assert!(against_target(3.0).as_str().contains("at or below"));
    }
}
