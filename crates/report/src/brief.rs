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
//! the pictures. Every figure carries a numbered reference to the "Sources" list,
//! which names the dataset, the publisher and the cell the value was read from or how
//! it was derived; identical sources share one number.
//!
//! The page loads nothing: the CSS is inline, the charts are inline SVG, fonts are the
//! reader's own. It carries no timestamp, so the same profile always gives the same
//! bytes.

use std::collections::BTreeMap;

use analysis::profile::{
    Concentration, CorridorCost, CorridorStock, CorridorTrend, CostSummary, CountryProfile,
    EstimatedFlow, Source, Status, StockYear, Value, YearValue,
};
use domain::Unit;

use crate::html::Html;
use crate::markup::{escape, format_thousands, format_trimmed};
use crate::svg::{
    self, Bar, BarChart, LineChart, Mark, NumberStyle, RefLine, ReferenceChart, Series,
};

/// The SDG 10.c target: by 2030, the cost of sending remittances below 3 % of the
/// amount sent.
pub const SDG_COST_TARGET_PCT: f64 = 3.0;

/// The second reference line of the cost chart: corridors costing more than 5 % are
/// to be eliminated by 2030 (SDG 10.c).
pub const COST_CEILING_PCT: f64 = 5.0;

/// The numbered list of sources cited so far, in order of first citation, each with
/// why its figure was chosen over other datasets' values, when it was.
#[derive(Default)]
struct Citations {
    sources: Vec<(Source, Option<String>)>,
}

/// Why a value was chosen, for its footnote: the rule and the values it beat; `None`
/// when no other dataset held the cell.
fn choice_note(value: &Value) -> Option<String> {
    let choice = value.choice.as_ref().filter(|c| !c.alternatives.is_empty())?;
    let beaten: Vec<String> = choice
        .alternatives
        .iter()
        .map(|a| format!("{} {} ({})", a.dataset, format_trimmed(a.value, 2), a.reason))
        .collect();
    Some(format!("chosen by the rule {}; not used: {}", choice.rule, beaten.join("; ")))
}

impl Citations {
    /// The number of `source` with its choice note, adding it if it is new.
    fn numbered(&mut self, source: &Source, why: Option<String>) -> usize {
        match self.sources.iter().position(|(s, w)| s == source && *w == why) {
            Some(idx) => idx + 1,
            None => {
                self.sources.push((source.clone(), why));
                self.sources.len()
            }
        }
    }

    /// The number of `source`, adding it if it is new.
    fn number(&mut self, source: &Source) -> usize {
        self.numbered(source, None)
    }

    /// A footnote reference to `source`.
    fn cite(&mut self, source: &Source) -> String {
        let number = self.number(source);
        refs_html(&[number])
    }

    /// A footnote reference to a value's source, with the rule that chose it.
    fn cite_value(&mut self, value: &Value) -> String {
        let number = self.numbered(&value.source, choice_note(value));
        refs_html(&[number])
    }

    /// One footnote reference to several sources (deduplicated, in increasing order).
    fn cite_all<'a>(&mut self, sources: impl IntoIterator<Item = &'a Source>) -> String {
        let mut numbers: Vec<usize> = sources.into_iter().map(|s| self.number(s)).collect();
        numbers.sort_unstable();
        numbers.dedup();
        refs_html(&numbers)
    }
}

/// `<sup>` with links to the numbered sources.
fn refs_html(numbers: &[usize]) -> String {
    if numbers.is_empty() {
        return String::new();
    }
    let links: Vec<String> = numbers
        .iter()
        .map(|n| format!("<a href=\"#src-{n}\" aria-label=\"Source {n}\">{n}</a>"))
        .collect();
    format!("<sup class=\"fn\">[{}]</sup>", links.join(", "))
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
    if amount.abs() >= 1e9 {
        format!("US$ {} billion", format_thousands(amount / 1e9, 2))
    } else if amount.abs() >= 1e6 {
        format!("US$ {} million", format_thousands(amount / 1e6, 1))
    } else {
        format!("US$ {}", format_thousands(amount, 0))
    }
}

/// A number with its unit, as in running text.
fn with_unit(value: &Value, percent_decimals: usize) -> String {
    let number = plain(value, percent_decimals);
    match value.unit {
        Unit::Persons => format!("{number} persons"),
        Unit::UsdCurrent => usd_words(value.value),
        Unit::UsdPpp => format!("{number} PPP US$"),
        Unit::Percent => format!("{number}%"),
        Unit::PerThousand => format!("{number} per 1,000 people"),
        Unit::Number => number,
    }
}

/// The entry of a series with the latest year.
fn latest(values: &[YearValue]) -> Option<&YearValue> {
    values.iter().filter(|v| v.value.value.is_finite()).max_by_key(|v| v.year)
}

/// The stock year with the latest year.
fn latest_stock(stocks: &[StockYear]) -> Option<&StockYear> {
    stocks.iter().filter(|s| s.total.value.is_finite()).max_by_key(|s| s.year)
}

/// One cell of a data table; the strings are HTML, already escaped.
enum Cell {
    /// A row header (`<th scope="row">`).
    Head(String),
    /// Text.
    Text(String),
    /// A number, right-aligned.
    Num(String),
}

/// What a table's frame is called: it takes the keyboard's focus so that a table wider
/// than the screen can be scrolled without a mouse.
const SCROLLS: &str = "Table (scrolls sideways on narrow screens)";

/// A data table with a caption and column headers. `headers` pairs each header's HTML
/// with whether the column is numeric.
fn table(class: &str, caption: &str, headers: &[(&str, bool)], rows: &[Vec<Cell>]) -> String {
    let mut out = format!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{SCROLLS}\"><table class=\"{class}\"><caption>{caption}</caption><thead><tr>"
    );
    for (header, numeric) in headers {
        let class = if *numeric { " class=\"num\"" } else { "" };
        out.push_str(&format!("<th scope=\"col\"{class}>{header}</th>"));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            match cell {
                Cell::Head(html) => out.push_str(&format!("<th scope=\"row\">{html}</th>")),
                Cell::Text(html) => out.push_str(&format!("<td>{html}</td>")),
                Cell::Num(html) => out.push_str(&format!("<td class=\"num\">{html}</td>")),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

/// A numeric cell for an optional value, with its citation.
fn num_cell(cites: &mut Citations, value: Option<&Value>, percent_decimals: usize) -> Cell {
    match value {
        Some(v) => Cell::Num(format!("{}{}", plain(v, percent_decimals), cites.cite_value(v))),
        None => Cell::Num("<span class=\"na\">n/a</span>".to_owned()),
    }
}

/// A chart in a `<figure>` with a caption pointing to its table.
fn figure(svg: &str, caption: &str) -> String {
    format!(
        "<figure>{svg}<figcaption>{caption} The numbers are in the table below.</figcaption></figure>"
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

/// A paragraph saying that a part of the profile is empty.
fn no_data(what: &str) -> String {
    format!(
        "<p class=\"no-data\">No data on {} in this profile. See <a href=\"#gaps\">Data gaps</a>.</p>",
        escape(what)
    )
}

/// The brief's style sheet (screen and print): inline in the document, and served by
/// the web workspace for the profile pages, which show the same parts.
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
.card{border:1px solid #c8c8c8;border-left:5px solid #0072B2;border-radius:4px;padding:.6rem .8rem;background:#fafafa}\
.card dt{font-weight:600;color:#333;font-size:.92rem}\
.card dd{margin:.15rem 0 0}\
.card .big{font-size:1.45rem;font-weight:700;line-height:1.25}\
.card .note{font-size:.88rem;color:#444}\
.above{color:#a33a00;font-weight:600}\
.below{color:#00664a;font-weight:600}\
figure{margin:1rem 0 .5rem}\
figure svg{display:block;width:100%;max-width:720px;height:auto}\
figcaption{font-size:.88rem;color:#444;margin-top:.25rem}\
.table-wrap{overflow-x:auto}\
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem;font-variant-numeric:tabular-nums}\
caption{text-align:left;font-weight:600;padding:.25rem 0;caption-side:top}\
th,td{border:1px solid #c8c8c8;padding:.3rem .55rem;vertical-align:top}\
thead th{background:#eef2f6;text-align:left}\
tbody th{text-align:left;font-weight:600;background:#f7f7f7}\
.num{text-align:right;white-space:nowrap}\
thead th.num{white-space:normal}\
.na{color:#555}\
.register td:first-child{white-space:nowrap}\
.register td{overflow-wrap:anywhere}\
sup.fn{font-size:.7em;line-height:0;white-space:nowrap}\
sup.fn a{text-decoration:none}\
.no-data{padding:.6rem .8rem;background:#f4f4f4;border:1px dashed #999;color:#333}\
ol.sources{font-size:.88rem;padding-left:2.2rem}\
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
pub fn render(profile: &CountryProfile) -> String {
    render_with(profile, &[])
}

/// Renders the brief of `profile` with a "Policy options" section for the given
/// scenario runs (none: the same bytes as [`render`]).
pub fn render_with(
    profile: &CountryProfile,
    scenarios: &[analysis::scenario_run::ScenarioResult],
) -> String {
    let parts = parts(profile, scenarios);
    let mut out = String::with_capacity(parts.main.len() + CSS.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(&parts.title)
    ));
    out.push_str(parts.banner.as_str());
    out.push_str("<div class=\"page\">\n<header>\n");
    out.push_str(parts.header.as_str());
    out.push_str("</header>\n<main>\n");
    out.push_str(parts.main.as_str());
    out.push_str("</main>\n<footer><p>Prepared with Coherence from official statistics. Every figure links to its source; the same data always gives the same brief.</p></footer>\n</div>\n</body>\n</html>\n");
    out
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
}

/// The parts of the brief of `profile` with the given scenario runs.
pub fn parts(
    profile: &CountryProfile,
    scenarios: &[analysis::scenario_run::ScenarioResult],
) -> BriefParts {
    let mut cites = Citations::default();
    let name = escape(&profile.area.name);
    let main = [
        headline(profile, &mut cites),
        stocks(profile, &mut cites),
        corridors(profile, &mut cites),
        remittances(profile, &mut cites),
        costs(profile, &mut cites),
        sdg(profile, &mut cites),
        dependence(profile, &mut cites),
        diaspora(profile, &mut cites),
        skills(profile, &mut cites),
        governance(profile, &mut cites),
        assessments(profile),
        members(profile),
        policies(profile),
        crate::corridor::section(profile),
        crate::scenario::section(scenarios),
        gaps(profile),
        about(profile, &cites),
        sources(&cites),
    ]
    .concat();
    let title = match &profile.fictional_notice {
        Some(notice) => {
            format!("{notice} — {}: migration and development brief", profile.area.name)
        }
        None => format!("{}: migration and development brief", profile.area.name),
    };
    let mut banner = String::new();
    if let Some(notice) = &profile.fictional_notice {
        // The label makes the banner unmistakable, unless the notice already says it.
        let label = if notice.to_lowercase().contains("fictional") {
            ""
        } else {
            "<strong>Fictional data</strong> — "
        };
        banner = format!(
            "<p class=\"fictional\" id=\"fictional-notice\" role=\"note\">{label}<strong>{}</strong></p>\n",
            escape(notice)
        );
    }
    let mut out = String::from("<p class=\"kicker\">Migration and development brief</p>\n");
    out.push_str(&format!(
        "<h1>{name}</h1>\n<p class=\"meta\">ISO 3166-1 alpha-3 code {}",
        escape(&profile.area.iso3)
    ));
    if let Some(m49) = profile.area.m49 {
        out.push_str(&format!(" · UN M49 code {m49:03}"));
    }
    if profile.area.fictional {
        out.push_str(" · a fictional country of the demo world");
    }
    out.push_str("</p>\n");
    if !profile.pinned_editions.is_empty() {
        out.push_str(&format!(
            "<p class=\"meta\">Editions read instead of the newest, as asked: {}.</p>\n",
            escape(&profile.pinned_editions.join("; "))
        ));
    }
    out.push_str(&contents(profile, scenarios));
    // The sections are built from escaped text (`escape`, `format_*`) and literal markup;
    // they become `Html` here until each is written with `html!`.
    BriefParts {
        title,
        banner: Html::__from_macro(banner),
        header: Html::__from_macro(out),
        main: Html::__from_macro(main),
    }
}

/// The contents list of the header.
fn contents(
    profile: &CountryProfile,
    scenarios: &[analysis::scenario_run::ScenarioResult],
) -> String {
    let mut out = String::from("<nav aria-label=\"Contents\"><ul>");
    for (anchor, label) in [
        ("headline", "Headline numbers"),
        ("stocks", "Migrant stocks"),
        ("corridors", "Destinations and origins"),
        ("remittances", "Remittances"),
        ("costs", "Cost of remittances"),
        ("sdg", "SDG migration indicators"),
        ("dependence", "Remittance dependence"),
        ("diaspora", "Diaspora"),
        ("skills", "Skills and health workers"),
        ("governance", "Conventions and safeguards"),
        ("assessments", "Migration governance assessments"),
        ("policies", "Policy register"),
        (crate::corridor::ANCHOR, "Corridor coherence"),
        (crate::scenario::ANCHOR, "Policy options"),
        ("gaps", "Data gaps"),
        ("about", "About this brief"),
        ("sources", "Sources"),
    ] {
        if anchor == crate::scenario::ANCHOR && scenarios.is_empty() {
            continue;
        }
        if anchor == "assessments" && profile.group.is_some() {
            continue;
        }
        out.push_str(&format!("<li><a href=\"#{anchor}\">{label}</a></li>"));
    }
    out.push_str("</ul></nav>\n");
    out
}

/// Opens a section with its `h2`.
fn section_open(id: &str, heading: &str) -> String {
    format!("<section id=\"{id}\" aria-labelledby=\"{id}-h\">\n<h2 id=\"{id}-h\">{heading}</h2>\n")
}

/// One headline card: a term, a main figure and optional notes (all HTML).
fn card(term: &str, figure: &str, notes: &[String]) -> String {
    let mut out = format!("<div class=\"card\"><dt>{term}</dt><dd class=\"big\">{figure}</dd>");
    for note in notes {
        out.push_str(&format!("<dd class=\"note\">{note}</dd>"));
    }
    out.push_str("</div>");
    out
}

/// The card for a stock in or out.
fn stock_card(cites: &mut Citations, term: &str, stocks: &[StockYear], share_of: &str) -> String {
    match latest_stock(stocks) {
        Some(s) => {
            let figure = format!("{}{}", with_unit(&s.total, 1), cites.cite_value(&s.total));
            let mut notes = Vec::new();
            if let Some(share) = &s.share_of_population {
                notes.push(format!(
                    "{} {share_of}{}",
                    with_unit(share, 1),
                    cites.cite_value(share)
                ));
            }
            card(&format!("{term} ({})", s.year), &figure, &notes)
        }
        None => card(term, "Not available", &["See <a href=\"#gaps\">Data gaps</a>.".to_owned()]),
    }
}

/// The card for a rate that may be missing.
fn rate_card(cites: &mut Citations, term: &str, rate: Option<&YearValue>, note: &str) -> String {
    match rate {
        Some(r) => {
            let figure = format!("{}{}", with_unit(&r.value, 1), cites.cite_value(&r.value));
            card(&format!("{term} ({})", r.year), &figure, &[note.to_owned()])
        }
        None => card(term, "Not available", &["See <a href=\"#gaps\">Data gaps</a>.".to_owned()]),
    }
}

/// The finite corridor costs, with their values.
fn finite_costs(costs: &[CorridorCost]) -> Vec<&CorridorCost> {
    costs.iter().filter(|c| c.cost_pct.value.is_finite()).collect()
}

/// "above the target by 2.10 points" or "at or below the target", as HTML.
fn against_target(cost_pct: f64) -> String {
    if cost_pct > SDG_COST_TARGET_PCT {
        format!(
            "<span class=\"above\">above the 3% target by {} percentage points</span>",
            format_thousands(cost_pct - SDG_COST_TARGET_PCT, 2)
        )
    } else {
        "<span class=\"below\">at or below the 3% target</span>".to_owned()
    }
}

/// The headline numbers.
fn headline(profile: &CountryProfile, cites: &mut Citations) -> String {
    let name = escape(&profile.area.name);
    let mut out = section_open("headline", "Headline numbers");
    out.push_str("<dl class=\"cards\">");
    out.push_str(&stock_card(
        cites,
        &format!("Immigrants living in {name}"),
        &profile.stock_in,
        "of the population",
    ));
    out.push_str(&stock_card(
        cites,
        &format!("Emigrants from {name} living abroad"),
        &profile.stock_out,
        "of the population",
    ));

    match latest(&profile.remittances_received) {
        Some(r) => {
            let figure = format!("{}{}", with_unit(&r.value, 1), cites.cite_value(&r.value));
            let mut notes = vec!["Personal remittances, current US$.".to_owned()];
            if let Some(p) = latest(&profile.sdg_17_3_2) {
                notes.push(format!(
                    "{} of GDP in {} (SDG 17.3.2, official){}",
                    with_unit(&p.value, 1),
                    p.year,
                    cites.cite_value(&p.value)
                ));
            } else if let Some(p) = latest(&profile.remittances_pct_gdp) {
                notes.push(format!(
                    "{} of GDP in {} (recomputed here; the official SDG 17.3.2 series is not loaded){}",
                    with_unit(&p.value, 1),
                    p.year,
                    cites.cite_value(&p.value)
                ));
            }
            out.push_str(&card(&format!("Remittances received ({})", r.year), &figure, &notes));
        }
        None => out.push_str(&card(
            "Remittances received",
            "Not available",
            &["See <a href=\"#gaps\">Data gaps</a>.".to_owned()],
        )),
    }

    let costs = finite_costs(&profile.costs_to);
    if costs.is_empty() {
        out.push_str(&card(
            &format!("Cost of sending US$200 to {name}"),
            "Not available",
            &["See <a href=\"#gaps\">Data gaps</a>.".to_owned()],
        ));
    } else {
        let mean = costs.iter().map(|c| c.cost_pct.value).sum::<f64>() / costs.len() as f64;
        let refs = cites.cite_all(costs.iter().map(|c| &c.cost_pct.source));
        let corridors = if costs.len() == 1 {
            "1 corridor".to_owned()
        } else {
            format!("{} corridors", costs.len())
        };
        out.push_str(&card(
            &format!("Average cost of sending US$200 to {name} (SDG 10.c.1)"),
            &format!("{}%{refs}", format_thousands(mean, 2)),
            &[
                "of the amount sent, all fees and the exchange-rate margin included.".to_owned(),
                against_target(mean),
                format!("Unweighted mean over {corridors}, latest year of each; see <a href=\"#costs\">the corridors</a>."),
            ],
        ));
    }
    out.push_str(&rate_card(
        cites,
        "Emigration rate",
        latest(&profile.emigration_rate),
        "Emigrants as a share of everyone born in the country: emigrants ÷ (residents born in the country + emigrants).",
    ));
    if let Some(n) = latest(&profile.net_migration) {
        let figure = format!("{}{}", with_unit(&n.value, 1), cites.cite_value(&n.value));
        out.push_str(&card(
            &format!("Net migration ({})", n.year),
            &figure,
            &["Immigrants minus emigrants over the year; negative when more people leave."
                .to_owned()],
        ));
    }
    out.push_str(&rate_card(
        cites,
        "Skilled emigration rate",
        profile.skilled_emigration_rate.as_ref(),
        "Tertiary-educated emigrants as a share of all tertiary-educated people born in the country.",
    ));
    out.push_str(&rate_card(
        cites,
        "Health-worker emigration rate",
        profile.health_worker_emigration_rate.as_ref(),
        "Doctors and nurses born in the country working abroad, as a share of those working at home and abroad.",
    ));
    out.push_str("</dl>\n</section>\n");
    out
}

/// One stock direction: chart and table.
fn stock_block(
    cites: &mut Citations,
    id: &str,
    heading: &str,
    stocks: &[StockYear],
    direction: &str,
) -> String {
    let mut out = format!("<h3>{}</h3>\n", escape(heading));
    if stocks.is_empty() {
        out.push_str(&no_data(direction));
        return out;
    }
    let mut rows: Vec<&StockYear> = stocks.iter().collect();
    rows.sort_by_key(|s| s.year);
    let series = |name: &str, pick: &dyn Fn(&StockYear) -> Option<f64>| Series {
        name: name.to_owned(),
        points: rows.iter().filter_map(|s| pick(s).map(|v| (f64::from(s.year), v))).collect(),
    };
    let mut all_series = vec![series("Total", &|s| Some(s.total.value))];
    if rows.iter().any(|s| s.female.is_some()) {
        all_series.push(series("Female", &|s| s.female.as_ref().map(|v| v.value)));
    }
    if rows.iter().any(|s| s.male.is_some()) {
        all_series.push(series("Male", &|s| s.male.as_ref().map(|v| v.value)));
    }
    let chart = svg::line_chart(&LineChart {
        id: format!("chart-{id}"),
        title: heading.to_owned(),
        summary: format!("Line chart of {direction} by year and sex."),
        x_style: NumberStyle::Year,
        y_style: NumberStyle::Compact,
        y_unit: "persons".to_owned(),
        series: all_series,
    });
    out.push_str(&figure(&chart, &format!("{} by year and sex (persons).", escape(heading))));
    let table_rows: Vec<Vec<Cell>> = rows
        .iter()
        .map(|s| {
            vec![
                Cell::Head(s.year.to_string()),
                num_cell(cites, Some(&s.total), 1),
                num_cell(cites, s.female.as_ref(), 1),
                num_cell(cites, s.male.as_ref(), 1),
                num_cell(cites, s.share_of_population.as_ref(), 1),
            ]
        })
        .collect();
    out.push_str(&table(
        "data",
        &format!("{}, mid-year stock", escape(heading)),
        &[
            ("Year", false),
            ("Total (persons)", true),
            ("Female (persons)", true),
            ("Male (persons)", true),
            ("Share of population (%)", true),
        ],
        &table_rows,
    ));
    out
}

/// Migrant stocks in and out.
fn stocks(profile: &CountryProfile, cites: &mut Citations) -> String {
    let name = &profile.area.name;
    let mut out = section_open("stocks", "Migrant stocks");
    out.push_str(&stock_block(
        cites,
        "stock-in",
        &format!("Immigrants living in {name}"),
        &profile.stock_in,
        "immigrants",
    ));
    out.push_str(&stock_block(
        cites,
        "stock-out",
        &format!("Emigrants from {name} living abroad"),
        &profile.stock_out,
        "emigrants",
    ));
    out.push_str(&flows_block(cites, name, &profile.estimated_flows));
    out.push_str("</section>\n");
    out
}

/// The stored flow estimates: inflow, outflow and net over each period, in a table.
fn flows_block(cites: &mut Citations, name: &str, flows: &[EstimatedFlow]) -> String {
    let heading = format!("Estimated migration flows of {name}");
    let mut out = format!("<h3>{}</h3>\n", escape(&heading));
    if flows.is_empty() {
        out.push_str(&no_data("estimated migration flows"));
        return out;
    }
    out.push_str(
        "<p>Persons who moved in and out over each period, estimated from two \
         tables of the bilateral migrant stock and summed over the country's corridors. These \
         are model results, not counts; the method is named in each row and its source.</p>\n",
    );
    let rows: Vec<Vec<Cell>> = flows
        .iter()
        .map(|f| {
            vec![
                Cell::Head(format!("{}–{}", f.period_start, f.period_end)),
                Cell::Text(format!("<span class=\"code\">{}</span>", escape(&f.method))),
                num_cell(cites, Some(&f.inflow), 1),
                num_cell(cites, Some(&f.outflow), 1),
                num_cell(cites, Some(&f.net), 1),
            ]
        })
        .collect();
    out.push_str(&table(
        "data",
        &format!("{}, persons over each period (stored estimates)", escape(&heading)),
        &[
            ("Period", false),
            ("Method", false),
            ("Inflow (persons)", true),
            ("Outflow (persons)", true),
            ("Net (persons)", true),
        ],
        &rows,
    ));
    out
}

/// One corridor list: chart and table.
fn corridor_block(
    cites: &mut Citations,
    id: &str,
    heading: &str,
    corridors: &[CorridorStock],
    partner_header: &str,
    share_header: &str,
) -> String {
    let mut out = format!("<h3>{}</h3>\n", escape(heading));
    if corridors.is_empty() {
        out.push_str(&no_data(&lower_first(heading)));
        return out;
    }
    let chart = svg::bar_chart(&BarChart {
        id: format!("chart-{id}"),
        title: heading.to_owned(),
        summary: format!(
            "Bar chart, largest first; the percentage is the {}.",
            share_header.to_lowercase()
        ),
        value_style: NumberStyle::Compact,
        value_unit: "persons".to_owned(),
        bars: corridors
            .iter()
            .map(|c| Bar {
                label: c.partner_name.clone(),
                value: c.stock.value,
                share_pct: Some(c.share.value),
            })
            .collect(),
    });
    out.push_str(&figure(
        &chart,
        &format!("{}, persons; in brackets the {}.", escape(heading), share_header.to_lowercase()),
    ));
    let rows: Vec<Vec<Cell>> = corridors
        .iter()
        .enumerate()
        .map(|(idx, c)| {
            vec![
                Cell::Num((idx + 1).to_string()),
                Cell::Head(escape(&c.partner_name)),
                Cell::Text(escape(&c.partner)),
                Cell::Num(c.year.to_string()),
                num_cell(cites, Some(&c.stock), 1),
                num_cell(cites, Some(&c.share), 1),
            ]
        })
        .collect();
    let share_col = format!("{share_header} (%)");
    out.push_str(&table(
        "data",
        &escape(heading),
        &[
            ("Rank", true),
            (partner_header, false),
            ("ISO code", false),
            ("Year", true),
            ("Migrants (persons)", true),
            (share_col.as_str(), true),
        ],
        &rows,
    ));
    out
}

/// Top destinations and origins.
fn corridors(profile: &CountryProfile, cites: &mut Citations) -> String {
    let name = &profile.area.name;
    let mut out = section_open("corridors", "Destinations and origins");
    out.push_str(&corridor_block(
        cites,
        "destinations",
        &format!("Where emigrants from {name} live"),
        &profile.top_destinations,
        "Country of destination",
        "Share of all emigrants",
    ));
    out.push_str(&diaspora_map(profile, cites));
    out.push_str(&corridor_block(
        cites,
        "origins",
        &format!("Where immigrants in {name} come from"),
        &profile.top_origins,
        "Country of origin",
        "Share of all immigrants",
    ));
    out.push_str("</section>\n");
    out
}

/// "Where the diaspora lives": a world map of the emigrants by country of residence,
/// from the full diaspora list when the profile has one, else from the top
/// destinations. The fictional countries of the demo world have no place on a real
/// map, so for them the brief says that the map cannot be drawn.
fn diaspora_map(profile: &CountryProfile, cites: &mut Citations) -> String {
    use crate::map::{self, DiasporaMap};
    use domain::area::{Iso3, real_area};

    let name = &profile.area.name;
    let heading = "Where the diaspora lives";
    if profile.area.fictional || profile.area.m49.is_none() {
        return format!(
            "<h3>{heading}</h3>\n<p class=\"no-data\">The demo world cannot be mapped: its \
             fictional countries have no place on a map of the real world.</p>\n"
        );
    }
    let (values, year, refs): (Vec<(u16, f64)>, Option<i32>, String) = match &profile.diaspora {
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
        return String::new();
    }
    let year_text = year.map(|y| format!(", {y}")).unwrap_or_default();
    let scope =
        if profile.diaspora.is_some() { "every destination" } else { "the main destinations only" };
    let svg = map::diaspora_map(&DiasporaMap {
        id: "map-diaspora".to_owned(),
        title: format!("Where emigrants from {name} live{year_text}"),
        description: format!(
            "Emigrants from {name} by country of residence{year_text} ({scope}); darker means more."
        ),
        origin_m49: profile.area.m49,
        values,
    });
    format!(
        "<h3>{heading}</h3>\n<figure>{svg}<figcaption>Emigrants from {} by country of residence{year_text}, \
         persons ({scope}); {} is hatched.{refs} {}</figcaption></figure>\n",
        escape(name),
        escape(name),
        escape(map::BOUNDARY_NOTE),
    )
}

/// Points of a year series for a chart.
fn points(values: &[YearValue]) -> Vec<(f64, f64)> {
    values.iter().map(|v| (f64::from(v.year), v.value.value)).collect()
}

/// Remittances received and paid, and received as a share of GDP.
fn remittances(profile: &CountryProfile, cites: &mut Citations) -> String {
    let name = &profile.area.name;
    let mut out = section_open("remittances", "Remittances");
    let series = [
        &profile.remittances_received,
        &profile.remittances_paid,
        &profile.gdp,
        &profile.remittances_pct_gdp,
    ];
    if series.iter().all(|s| s.is_empty()) {
        out.push_str(&no_data("remittances"));
        out.push_str("</section>\n");
        return out;
    }
    let title = format!("Personal remittances received and paid by {name}");
    out.push_str(&format!("<h3>{}</h3>\n", escape(&title)));
    if profile.remittances_received.is_empty() && profile.remittances_paid.is_empty() {
        out.push_str(&no_data("remittances received or paid"));
    } else {
        let mut usd_series = Vec::new();
        if !profile.remittances_received.is_empty() {
            usd_series.push(Series {
                name: "Received".to_owned(),
                points: points(&profile.remittances_received),
            });
        }
        if !profile.remittances_paid.is_empty() {
            usd_series.push(Series {
                name: "Paid".to_owned(),
                points: points(&profile.remittances_paid),
            });
        }
        let chart = svg::line_chart(&LineChart {
            id: "chart-remittances".to_owned(),
            title: title.clone(),
            summary: "Line chart of personal remittances by year, in current US dollars."
                .to_owned(),
            x_style: NumberStyle::Year,
            y_style: NumberStyle::Compact,
            y_unit: "current US$".to_owned(),
            series: usd_series,
        });
        out.push_str(&figure(&chart, &format!("{} (current US$).", escape(&title))));
        out.push_str(&year_table(
            cites,
            &format!("Personal remittances of {}, by year", escape(name)),
            &["Received (current US$ million)", "Paid (current US$ million)"],
            &[&profile.remittances_received, &profile.remittances_paid],
        ));
    }

    let title_pct = format!(
        "Remittances received by {name} as a share of GDP (SDG 17.3.2 and a recomputation)"
    );
    out.push_str(&format!("<h3>{}</h3>\n", escape(&title_pct)));
    if profile.remittances_pct_gdp.is_empty() && profile.gdp.is_empty() {
        out.push_str(&no_data("remittances as a share of GDP"));
    } else {
        let chart = svg::line_chart(&LineChart {
            id: "chart-remittances-gdp".to_owned(),
            title: title_pct.clone(),
            summary: "Line chart of personal remittances received as a percentage of GDP, by year."
                .to_owned(),
            x_style: NumberStyle::Year,
            y_style: NumberStyle::Percent(1),
            y_unit: "% of GDP".to_owned(),
            series: std::iter::once(Series {
                name: "Received, % of GDP (recomputed)".to_owned(),
                points: points(&profile.remittances_pct_gdp),
            })
            .chain((!profile.sdg_17_3_2.is_empty()).then(|| Series {
                name: "SDG 17.3.2, official (WDI)".to_owned(),
                points: points(&profile.sdg_17_3_2),
            }))
            .collect(),
        });
        out.push_str(&figure(&chart, &format!("{} (%).", escape(&title_pct))));
        out.push_str(&year_table(
            cites,
            &format!("Remittances received by {} and GDP, by year", escape(name)),
            &[
                "SDG 17.3.2, official (%)",
                "Received (% of GDP), recomputed",
                "GDP (current US$ million)",
            ],
            &[&profile.sdg_17_3_2, &profile.remittances_pct_gdp, &profile.gdp],
        ));
    }
    out.push_str("</section>\n");
    out
}

/// A table with one row per year and one column per series. Amounts in current US$
/// are shown in millions (the header says so); other values as stored.
fn year_table(
    cites: &mut Citations,
    caption: &str,
    headers: &[&str],
    columns: &[&[YearValue]],
) -> String {
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
            let mut row = vec![Cell::Head(year.to_string())];
            row.extend(cols.iter().map(|v| match v {
                Some(v) if v.unit == Unit::UsdCurrent => Cell::Num(format!(
                    "{}{}",
                    format_thousands(v.value / 1e6, 1),
                    cites.cite_value(v)
                )),
                other => num_cell(cites, *other, 1),
            }));
            row
        })
        .collect();
    let mut all_headers = vec![("Year", false)];
    all_headers.extend(headers.iter().map(|h| (*h, true)));
    table("data", caption, &all_headers, &rows)
}

/// One list of corridor costs: chart and table. `to` is true for costs of sending to
/// the country (the partner is the sender).
fn cost_block(
    cites: &mut Citations,
    id: &str,
    heading: &str,
    costs: &[CorridorCost],
    to: bool,
) -> String {
    let mut out = format!("<h3>{}</h3>\n", escape(heading));
    if costs.is_empty() {
        out.push_str(&no_data(&lower_first(heading)));
        return out;
    }
    let mut sorted: Vec<&CorridorCost> = costs.iter().collect();
    sorted.sort_by(|a, b| {
        b.cost_pct
            .value
            .total_cmp(&a.cost_pct.value)
            .then_with(|| a.sender_name.cmp(&b.sender_name))
    });
    let partner =
        |c: &CorridorCost| if to { c.sender_name.clone() } else { c.receiver_name.clone() };
    let chart = svg::reference_chart(&ReferenceChart {
        id: format!("chart-{id}"),
        title: heading.to_owned(),
        summary: format!(
            "Bar chart of the average cost of sending US$200 {} each country, as a percentage of the amount sent, \
             highest first, against the SDG 10.c target of 3% and the 5% line.",
            if to { "from" } else { "to" }
        ),
        value_style: NumberStyle::Percent(2),
        value_unit: "% of US$200 sent".to_owned(),
        mark: Mark::Bar,
        items: sorted
            .iter()
            .map(|c| Bar { label: partner(c), value: c.cost_pct.value, share_pct: None })
            .collect(),
        references: vec![
            RefLine { value: SDG_COST_TARGET_PCT, label: "SDG target 3%".to_owned() },
            RefLine { value: COST_CEILING_PCT, label: "5%".to_owned() },
        ],
    });
    out.push_str(&figure(
        &chart,
        &format!(
            "{}: total cost as a percentage of US$200 sent; dashed line: the SDG 10.c target of 3%; dotted line: 5%.",
            escape(heading)
        ),
    ));
    let rows: Vec<Vec<Cell>> = sorted
        .iter()
        .map(|c| {
            vec![
                Cell::Head(escape(&c.sender_name)),
                Cell::Text(escape(&c.receiver_name)),
                Cell::Num(c.year.to_string()),
                num_cell(cites, Some(&c.cost_pct), 2),
                Cell::Text(if c.cost_pct.value.is_finite() {
                    against_target(c.cost_pct.value)
                } else {
                    "n/a".to_owned()
                }),
            ]
        })
        .collect();
    out.push_str(&table(
        "data",
        &escape(heading),
        &[
            ("Sending country", false),
            ("Receiving country", false),
            ("Year", true),
            ("Cost (% of US$200)", true),
            ("Compared with the SDG 10.c target", false),
        ],
        &rows,
    ));
    out
}

/// Costs of sending remittances to and from the country.
fn costs(profile: &CountryProfile, cites: &mut Citations) -> String {
    let name = &profile.area.name;
    let mut out = section_open("costs", "Cost of sending remittances (SDG 10.c.1)");
    out.push_str(
        "<p>SDG target 10.c: by 2030, reduce to less than 3% the transaction costs of migrant remittances \
         and eliminate remittance corridors with costs higher than 5%.</p>\n",
    );
    out.push_str(&cost_block(
        cites,
        "costs-to",
        &format!("Cost of sending US$200 to {name}"),
        &profile.costs_to,
        true,
    ));
    if !profile.costs_from.is_empty() {
        out.push_str(&cost_block(
            cites,
            "costs-from",
            &format!("Cost of sending US$200 from {name}"),
            &profile.costs_from,
            false,
        ));
    }
    out.push_str("</section>\n");
    out
}

/// Skilled and health-worker emigration, physicians.
fn skills(profile: &CountryProfile, cites: &mut Citations) -> String {
    let mut out = section_open("skills", "Skills and health workers");
    let items = [
        ("Skilled emigration rate (tertiary-educated, %)", &profile.skilled_emigration_rate),
        (
            "Health-worker emigration rate (doctors and nurses, %)",
            &profile.health_worker_emigration_rate,
        ),
        ("Physicians per 1,000 people", &profile.physicians_per_1000),
    ];
    let rows: Vec<Vec<Cell>> = items
        .iter()
        .map(|(label, value)| match value {
            Some(v) => vec![
                Cell::Head((*label).to_owned()),
                Cell::Num(v.year.to_string()),
                num_cell(cites, Some(&v.value), 1),
                Cell::Text(escape(v.value.unit.label())),
            ],
            None => vec![
                Cell::Head((*label).to_owned()),
                Cell::Num("<span class=\"na\">n/a</span>".to_owned()),
                Cell::Num("<span class=\"na\">n/a</span>".to_owned()),
                Cell::Text("see <a href=\"#gaps\">Data gaps</a>".to_owned()),
            ],
        })
        .collect();
    out.push_str(&table(
        "data",
        "Skilled and health-worker emigration, latest year",
        &[("Indicator", false), ("Year", true), ("Value", true), ("Unit", false)],
        &rows,
    ));
    out.push_str("</section>\n");
    out
}

/// A "yes/no" cell of a status, with its citation.
fn status_text(cites: &mut Citations, status: Option<&Status>, yes: &str, no: &str) -> String {
    match status {
        Some(s) => format!(
            "{} ({}){}",
            if s.yes { yes } else { no },
            escape(&s.detail),
            cites.cite(&s.source)
        ),
        None => "<span class=\"na\">n/a</span> — see <a href=\"#gaps\">Data gaps</a>".to_owned(),
    }
}

/// One SDG 10.c.1 summary as table rows.
fn cost_summary_rows(cites: &mut Citations, side: &str, c: &CostSummary) -> Vec<Vec<Cell>> {
    let mut rows = vec![
        vec![
            Cell::Head(format!(
                "Average cost of the corridors {side} ({} corridors)",
                c.n_corridors
            )),
            Cell::Num(c.year.to_string()),
            num_cell(cites, Some(&c.average_pct), 2),
            Cell::Text("% of the amount sent".to_owned()),
        ],
        vec![
            Cell::Head(format!("Corridors {side} costing more than 5 %")),
            Cell::Num(c.year.to_string()),
            num_cell(cites, Some(&c.share_above_5_pct), 1),
            Cell::Text("% of corridors".to_owned()),
        ],
        vec![
            Cell::Head(format!("Distance of the average {side} to the 3 % target")),
            Cell::Num(c.year.to_string()),
            num_cell(cites, Some(&c.gap_to_3_pct), 2),
            Cell::Text("percentage points".to_owned()),
        ],
    ];
    if let Some(r) = &c.rpw_country_average {
        rows.push(vec![
            Cell::Head(format!("Remittance Prices Worldwide country average {side}")),
            Cell::Num(r.year.to_string()),
            num_cell(cites, Some(&r.value), 2),
            Cell::Text("% of the amount sent".to_owned()),
        ]);
    }
    rows
}

/// SDG 17.3.2 with the GDP-weighted aggregates of the country's groups, and SDG 10.c.1.
fn sdg(profile: &CountryProfile, cites: &mut Citations) -> String {
    let mut out = section_open("sdg", "SDG migration indicators");
    let mut rows = Vec::new();
    if let Some(p) = latest(&profile.sdg_17_3_2) {
        rows.push(vec![
            Cell::Head(format!("17.3.2 Remittances, % of GDP — {}", escape(&profile.area.name))),
            Cell::Num(p.year.to_string()),
            num_cell(cites, Some(&p.value), 2),
            Cell::Text("official series (custodian's publication)".to_owned()),
        ]);
    }
    if let Some(p) = latest(&profile.remittances_pct_gdp) {
        rows.push(vec![
            Cell::Head(format!(
                "Remittances received ÷ GDP, recomputed — {}",
                escape(&profile.area.name)
            )),
            Cell::Num(p.year.to_string()),
            num_cell(cites, Some(&p.value), 2),
            Cell::Text("recomputed from the figures above; not the official indicator".to_owned()),
        ]);
    }
    for g in &profile.remittances_pct_gdp_groups {
        rows.push(vec![
            Cell::Head(format!(
                "Remittances ÷ GDP, GDP-weighted, recomputed — {}",
                escape(&g.name)
            )),
            Cell::Num(g.year.to_string()),
            num_cell(cites, Some(&g.value), 2),
            Cell::Text(format!(
                "GDP-weighted over {} of {} members{}",
                g.n_with_data,
                g.n_members,
                if g.missing.is_empty() {
                    String::new()
                } else {
                    format!("; {} without data (listed in the source)", g.missing.len())
                }
            )),
        ]);
    }
    for (side, summary) in [
        ("to the country", &profile.cost_to_summary),
        ("from the country", &profile.cost_from_summary),
    ] {
        if let Some(c) = summary {
            for mut row in cost_summary_rows(cites, side, c) {
                if let Some(Cell::Head(h)) = row.first_mut() {
                    *h = format!("10.c.1 {h}");
                }
                rows.push(row);
            }
        }
    }
    if rows.is_empty() {
        out.push_str(&no_data("the SDG migration indicators"));
    } else {
        out.push_str(&table(
            "data",
            "SDG 17.3.2 (remittances as % of GDP: the official series, and recomputations from the figures chosen here, the groups' GDP-weighted: Σ remittances ÷ Σ GDP over members with both) and SDG 10.c.1 (cost of sending US$200)",
            &[("Indicator", false), ("Year", true), ("Value", true), ("Note", false)],
            &rows,
        ));
    }
    out.push_str("</section>\n");
    out
}

/// A row for a concentration index.
fn concentration_row(cites: &mut Citations, label: &str, c: Option<&Concentration>) -> Vec<Cell> {
    match c {
        Some(c) => vec![
            Cell::Head(label.to_owned()),
            Cell::Num(c.year.to_string()),
            Cell::Num(format!(
                "{}{}",
                format_trimmed(c.index.value, 3),
                cites.cite_value(&c.index)
            )),
            Cell::Text(format!(
                "Herfindahl index over {} partners (1 = a single partner)",
                c.n_partners
            )),
        ],
        None => vec![
            Cell::Head(label.to_owned()),
            Cell::Num("<span class=\"na\">n/a</span>".to_owned()),
            Cell::Num("<span class=\"na\">n/a</span>".to_owned()),
            Cell::Text("see <a href=\"#gaps\">Data gaps</a>".to_owned()),
        ],
    }
}

/// Remittances against GDP, exports and population; concentration.
fn dependence(profile: &CountryProfile, cites: &mut Citations) -> String {
    let mut out = section_open("dependence", "Remittance dependence");
    let mut rows = Vec::new();
    for (label, series, decimals, unit) in [
        ("SDG 17.3.2, remittances received, % of GDP (official)", &profile.sdg_17_3_2, 2, "%"),
        ("Remittances received, % of GDP (recomputed)", &profile.remittances_pct_gdp, 2, "%"),
        (
            "Remittances received, % of exports of goods and services",
            &profile.remittances_pct_exports,
            2,
            "%",
        ),
        (
            "Remittances received per person living in the country",
            &profile.remittances_per_capita,
            0,
            "current US$",
        ),
    ] {
        rows.push(match latest(series) {
            Some(v) => vec![
                Cell::Head(label.to_owned()),
                Cell::Num(v.year.to_string()),
                num_cell(cites, Some(&v.value), decimals),
                Cell::Text(unit.to_owned()),
            ],
            None => vec![
                Cell::Head(label.to_owned()),
                Cell::Num("<span class=\"na\">n/a</span>".to_owned()),
                Cell::Num("<span class=\"na\">n/a</span>".to_owned()),
                Cell::Text("see <a href=\"#gaps\">Data gaps</a>".to_owned()),
            ],
        });
    }
    rows.push(concentration_row(
        cites,
        "Concentration of emigrants over destinations",
        profile.destination_concentration.as_ref(),
    ));
    rows.push(concentration_row(
        cites,
        "Concentration of remittances over sending countries",
        profile.sender_concentration.as_ref(),
    ));
    out.push_str(&table(
        "data",
        "Remittance dependence and corridor concentration, latest year",
        &[("Indicator", false), ("Year", true), ("Value", true), ("Unit", false)],
        &rows,
    ));
    out.push_str("</section>\n");
    out
}

/// One trend table: corridors down, years across.
fn trend_table(cites: &mut Citations, caption: &str, trends: &[CorridorTrend]) -> String {
    let mut years: Vec<i32> = trends.iter().flat_map(|t| t.stocks.iter().map(|s| s.year)).collect();
    years.sort_unstable();
    years.dedup();
    let year_headers: Vec<String> = years.iter().map(ToString::to_string).collect();
    let mut headers: Vec<(&str, bool)> = vec![("Corridor", false)];
    headers.extend(year_headers.iter().map(|y| (y.as_str(), true)));
    let rows: Vec<Vec<Cell>> = trends
        .iter()
        .map(|t| {
            let mut row = vec![Cell::Head(format!(
                "{} <span class=\"code\">{}</span>",
                escape(&t.partner_name),
                escape(&t.partner)
            ))];
            for y in &years {
                let v = t.stocks.iter().find(|s| s.year == *y).map(|s| &s.value);
                row.push(num_cell(cites, v, 1));
            }
            row
        })
        .collect();
    table("data", caption, &headers, &rows)
}

/// The top corridors over time and every destination of the diaspora.
fn diaspora(profile: &CountryProfile, cites: &mut Citations) -> String {
    let mut out = section_open("diaspora", "Diaspora");
    if profile.destination_trends.is_empty()
        && profile.origin_trends.is_empty()
        && profile.diaspora.is_none()
    {
        out.push_str(&no_data("corridors over time or the diaspora by destination"));
        out.push_str("</section>\n");
        return out;
    }
    if !profile.destination_trends.is_empty() {
        out.push_str(&trend_table(
            cites,
            "Emigrants in the main destinations over time (persons)",
            &profile.destination_trends,
        ));
    }
    if !profile.origin_trends.is_empty() {
        out.push_str(&trend_table(
            cites,
            "Immigrants from the main origins over time (persons)",
            &profile.origin_trends,
        ));
    }
    if let Some(d) = &profile.diaspora {
        let total: f64 = d.destinations.iter().map(|x| x.persons).sum();
        let refs = cites.cite(&d.source);
        out.push_str(&format!(
            // The citation links follow the summary: a link inside a summary would be a
            // control inside a control.
            "<details><summary>All {} destinations of the diaspora in {} ({} persons)</summary><p class=\"meta\">Source: {refs}</p>",
            d.destinations.len(),
            d.year,
            format_thousands(total, 0)
        ));
        let rows: Vec<Vec<Cell>> = d
            .destinations
            .iter()
            .map(|x| {
                vec![
                    Cell::Head(escape(&x.name)),
                    Cell::Text(format!("<span class=\"code\">{}</span>", escape(&x.iso3))),
                    Cell::Num(x.m49.map(|m| format!("{m:03}")).unwrap_or_default()),
                    Cell::Num(format_thousands(x.persons, 0)),
                ]
            })
            .collect();
        out.push_str(&table(
            "data",
            "Emigrants by destination (persons)",
            &[("Destination", false), ("ISO3", false), ("M49", true), ("Persons", true)],
            &rows,
        ));
        out.push_str("</details>");
    }
    out.push_str("</section>\n");
    out
}

/// The WHO safeguards list and the migrant workers convention.
fn governance(profile: &CountryProfile, cites: &mut Citations) -> String {
    let mut out = section_open("governance", "Conventions and safeguards");
    let ssl = status_text(
        cites,
        profile.who_safeguards_list.as_ref(),
        "<strong>On the list</strong>: destinations should not actively recruit its health workers outside government-to-government agreements",
        "Not on the list",
    );
    let icmw = status_text(
        cites,
        profile.icmw.as_ref(),
        "<strong>State party</strong>",
        "Not a state party",
    );
    out.push_str(&format!(
        "<dl class=\"about\"><dt>WHO Health Workforce Support and Safeguards List</dt><dd>{ssl}</dd>\
         <dt>International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (1990)</dt><dd>{icmw}</dd></dl>\n"
    ));
    out.push_str("</section>\n");
    out
}

/// A score for people: "66.67 % (exactly 200/3)", and the band.
fn assessment_score(score: Option<&analysis::assess::Score>) -> (String, String) {
    match score {
        None => ("<span class=\"na\">not computed</span>".to_owned(), String::new()),
        Some(s) => {
            let exact = if s.percent_exact.denom() == 1 {
                String::new()
            } else {
                format!(" (exactly {})", s.percent_exact)
            };
            let band = s
                .band
                .as_ref()
                .map_or(String::new(), |b| format!("{} — {}", b.code, escape(&b.label)));
            (format!("{} %{exact}", format_trimmed(s.percent, 2)), band)
        }
    }
}

/// The stored framework assessments: each framework's domains and overall score with
/// their bands, and where the answers come from.
fn assessments(profile: &CountryProfile) -> String {
    if profile.group.is_some() {
        return String::new();
    }
    let mut out = section_open("assessments", "Migration governance assessments");
    if profile.assessments.is_empty() {
        out.push_str(&format!(
            "<p class=\"no-data\">No answers to an assessment framework are stored for this country. \
             Store the government's answers to the SDG 10.7.2 questions with \
             <code>coherence assess {} --answers FILE.csv --store</code>.</p>\n</section>\n",
            escape(&profile.area.iso3)
        ));
        return out;
    }
    for a in &profile.assessments {
        let p = &a.answers;
        out.push_str(&format!("<h3>{}</h3>\n", escape(&a.framework_title)));
        if let Some(adaptation) = &a.adaptation {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(adaptation)));
        }
        out.push_str(&format!(
            "<p>Answers: version {} of the <code>{}</code> answers, from <code>{}</code> \
             (SHA-256 <code>{}…</code>), stored {} by {} — {}.</p>\n",
            p.version,
            escape(&p.framework),
            escape(&p.file),
            escape(p.sha256.get(..12).unwrap_or(&p.sha256)),
            escape(&p.stored_at),
            escape(&p.stored_by),
            escape(&p.reason)
        ));
        let checklist = a.kind == analysis::assess::FrameworkKind::Checklist;
        let mut rows: Vec<Vec<Cell>> = a
            .domains
            .iter()
            .map(|d| {
                let answered = Cell::Num(format!("{} of {}", d.n_answered, d.n_items));
                if checklist {
                    let tally: Vec<String> = d
                        .tally
                        .iter()
                        .map(|t| format!("{} {}", t.count, escape(&t.label.to_lowercase())))
                        .collect();
                    vec![Cell::Head(escape(&d.title)), answered, Cell::Text(tally.join(", "))]
                } else {
                    let (score, band) = assessment_score(d.score.as_ref());
                    vec![Cell::Head(escape(&d.title)), answered, Cell::Num(score), Cell::Text(band)]
                }
            })
            .collect();
        let caption =
            format!("{} of {} by domain", escape(&a.framework_title), escape(&profile.area.name));
        if checklist {
            out.push_str(&table(
                "data",
                &caption,
                &[("Domain", false), ("Answered", true), ("Answers", false)],
                &rows,
            ));
            out.push_str("<p>A checklist: answers are tallied, never scored or ranked.</p>\n");
        } else {
            let (score, band) = assessment_score(a.overall.as_ref());
            rows.push(vec![
                Cell::Head("<strong>Overall</strong>".to_owned()),
                Cell::Num(String::new()),
                Cell::Num(format!("<strong>{score}</strong>")),
                Cell::Text(format!("<strong>{band}</strong>")),
            ]);
            out.push_str(&table(
                "data",
                &caption,
                &[("Domain", false), ("Answered", true), ("Score", true), ("Band", false)],
                &rows,
            ));
        }
        if !a.unanswered.is_empty() {
            let rule = match a.non_response {
                analysis::assess::NonResponse::DomainNotComputed => {
                    "A domain with an unanswered item is not computed under the framework's \
                     non-response rule; non-response is not counted as \"no\"."
                }
                analysis::assess::NonResponse::ExcludeItem => {
                    "Unanswered items are left out of their domain's score."
                }
                analysis::assess::NonResponse::CountAsZero => {
                    "Unanswered items count as 0, as the framework's rule says (for SDG 10.7.2, \
                     its metadata assign missing values 0 at country level)."
                }
            };
            out.push_str(&format!(
                "<p>Unanswered: {}. {rule}</p>\n",
                escape(&a.unanswered.join(", "))
            ));
        }
    }
    out.push_str("</section>\n");
    out
}

/// A policy's latest register change for people: "Edited 2026-11-28 by ana: REASON
/// (status: active → suspended)".
fn change_html(change: &analysis::profile::PolicyChange) -> String {
    let date = change.at.get(..10).unwrap_or(&change.at);
    let verb = if change.action == analysis::register::AuditAction::Edit {
        "Edited"
    } else {
        "Imported from a register file"
    };
    let fields: Vec<String> = change
        .fields
        .iter()
        .map(|f| {
            format!("{}: {} → {}", escape(&humanise(&f.field)), escape(&f.old), escape(&f.new))
        })
        .collect();
    let fields =
        if fields.is_empty() { String::new() } else { format!(" ({})", fields.join("; ")) };
    format!(
        "{verb} {} by {}: {}{fields}",
        escape(date),
        escape(&change.user),
        escape(&change.reason)
    )
}

/// For the brief of a group of countries: its members.
fn members(profile: &CountryProfile) -> String {
    let Some(g) = &profile.group else { return String::new() };
    let mut out = section_open("members", &format!("Members of {}", escape(&g.group.name)));
    out.push_str(&format!(
        "<p>{} — {} members; membership from {}. Stocks, population, GDP and remittances are sums over the members with a value; remittances as a share of GDP are recomputed GDP-weighted (not the official SDG 17.3.2).</p>\n<p class=\"codes\">{}</p>\n",
        escape(&g.group.kind),
        g.members.len(),
        escape(&g.source),
        g.members.iter().map(|m| escape(m)).collect::<Vec<_>>().join(", ")
    ));
    out.push_str("</section>\n");
    out
}

/// An identifier such as `pre_departure` written for people: `pre departure`.
fn humanise(identifier: &str) -> String {
    identifier.replace('_', " ")
}

/// The policy register.
fn policies(profile: &CountryProfile) -> String {
    let mut out = section_open("policies", "Policy register");
    if profile.policies.is_empty() {
        out.push_str("<p class=\"no-data\">No policies are registered for this country yet.</p>\n");
    } else {
        let changed = profile.policies.iter().filter(|p| p.last_change.is_some()).count();
        if changed > 0 {
            out.push_str(&format!(
                "<p>The register as it stands after its audited changes: {changed} of these policies \
                 changed since they were imported (<code>coherence register log</code> lists every change).</p>\n"
            ));
        }
        let rows: Vec<Vec<Cell>> = profile
            .policies
            .iter()
            .map(|p| {
                let mut row = vec![
                    Cell::Text(escape(&p.id)),
                    Cell::Head(escape(&p.title)),
                    Cell::Text(escape(&p.ministry)),
                    Cell::Text(escape(&humanise(&p.area))),
                    Cell::Text(escape(
                        &p.stages.iter().map(|s| humanise(s)).collect::<Vec<_>>().join(", "),
                    )),
                    Cell::Text(if p.partners.is_empty() {
                        "—".to_owned()
                    } else {
                        escape(&p.partners.join(", "))
                    }),
                    Cell::Text(escape(&humanise(&p.status))),
                ];
                if changed > 0 {
                    row.push(Cell::Text(
                        p.last_change.as_ref().map_or_else(String::new, change_html),
                    ));
                }
                row
            })
            .collect();
        let mut headers = vec![
            ("ID", false),
            ("Policy", false),
            ("Ministry", false),
            ("Area", false),
            ("Migration-cycle stages", false),
            ("Partner countries", false),
            ("Status", false),
        ];
        if changed > 0 {
            headers.push(("Register change", false));
        }
        out.push_str(&table(
            "register",
            &format!(
                "Migration-relevant policies of {} ({})",
                escape(&profile.area.name),
                profile.policies.len()
            ),
            &headers,
            &rows,
        ));
    }
    out.push_str("</section>\n");
    out
}

/// The data gaps.
fn gaps(profile: &CountryProfile) -> String {
    let mut out = section_open("gaps", "Data gaps");
    if profile.gaps.is_empty() {
        out.push_str("<p>The profile records no data gaps.</p>\n");
    } else {
        out.push_str("<p>These indicators could not be computed from the data available, with what would fill each gap:</p>\n<ul>");
        for gap in &profile.gaps {
            out.push_str(&format!("<li>{}</li>", escape(&gap.text)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
    out
}

/// The generation parameters: country, datasets used.
fn about(profile: &CountryProfile, cites: &Citations) -> String {
    let mut out = section_open("about", "About this brief");
    out.push_str("<dl class=\"about\">");
    out.push_str(&format!(
        "<dt>Country</dt><dd>{} (ISO 3166-1 alpha-3 <code>{}</code>{})</dd>",
        escape(&profile.area.name),
        escape(&profile.area.iso3),
        profile.area.m49.map(|m| format!(", UN M49 {m:03}")).unwrap_or_default()
    ));
    if let Some(notice) = &profile.fictional_notice {
        out.push_str(&format!("<dt>Fictional data</dt><dd>{}</dd>", escape(notice)));
    }
    let mut datasets: BTreeMap<(i64, &str, &str), usize> = BTreeMap::new();
    for (s, _) in &cites.sources {
        *datasets.entry((s.dataset_id, s.dataset.as_str(), s.publisher.as_str())).or_default() += 1;
    }
    out.push_str("<dt>Datasets used</dt><dd>");
    if datasets.is_empty() {
        out.push_str("None: the profile holds no values.");
    } else {
        out.push_str("<ul>");
        for ((id, dataset, publisher), n) in &datasets {
            let plural = if *n == 1 { "source entry" } else { "source entries" };
            // Reference data shipped with Coherence has no import of its own.
            let origin = if *id == 0 {
                "reference data shipped with Coherence".to_owned()
            } else {
                format!("dataset import {id}")
            };
            out.push_str(&format!(
                "<li>{} — {} ({origin}; {n} {plural})</li>",
                escape(dataset),
                escape(publisher)
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str("</dd>");
    out.push_str(
        "<dt>Method</dt><dd>Figures are shown as stored, in their base units (persons, current US$, %). \
         The average cost of sending US$200 is the unweighted mean of the corridor costs shown. \
         The brief carries no date of generation: the same data always gives the same brief.</dd>",
    );
    out.push_str("</dl>\n</section>\n");
    out
}

/// The numbered sources.
fn sources(cites: &Citations) -> String {
    let mut out = section_open("sources", "Sources");
    if cites.sources.is_empty() {
        out.push_str("<p>No figures are cited.</p>\n");
    } else {
        out.push_str("<ol class=\"sources\">");
        for (idx, (s, why)) in cites.sources.iter().enumerate() {
            let mut detail = Vec::new();
            if let Some(cell) = &s.cell {
                detail.push(format!("cell: {}", escape(cell)));
            }
            if let Some(derivation) = &s.derivation {
                detail.push(format!("derived: {}", escape(derivation)));
            }
            if let Some(why) = why {
                detail.push(escape(why));
            }
            if detail.is_empty() {
                detail.push("no cell recorded".to_owned());
            }
            out.push_str(&format!(
                "<li id=\"src-{}\"><cite>{}</cite>, {}; {}.</li>",
                idx + 1,
                escape(&s.dataset),
                escape(&s.publisher),
                detail.join("; ")
            ));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_value_has_a_footnote_with_its_rule_and_the_values_it_beat() {
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
        let list = sources(&cites);
        assert!(list.contains("chosen by the rule remittances: WDI first"), "{list}");
        assert!(
            list.contains("not used: KNOMAD inflows (edition 2022 (June 2023)) 0 (placeholder"),
            "{list}"
        );
        // The same cell without alternatives is cited as the plain source.
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
        assert_eq!(cites.number(&source("A1")), 1);
        assert_eq!(cites.number(&source("A2")), 2);
        assert_eq!(cites.number(&source("A1")), 1);
        assert_eq!(
            cites.cite_all([&source("A2"), &source("A1"), &source("A2")]).matches("<a ").count(),
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
        let html = flows_block(&mut cites, "Pelaria", &[flow]);
        assert!(html.contains("<h3>Estimated migration flows of Pelaria</h3>"), "{html}");
        assert!(html.contains("<th scope=\"row\">2015–2020</th>"), "{html}");
        assert!(html.contains("sd_rev_neg"));
        for number in ["15,100", "600,744", "-585,644"] {
            assert!(html.contains(number), "{number} in {html}");
        }
        assert_eq!(cites.sources.len(), 3, "inflow, outflow and net each cited");
        assert_eq!(html.matches("href=\"#src-").count(), 3);

        let mut cites = Citations::default();
        let none = flows_block(&mut cites, "Pelaria", &[]);
        assert!(none.contains("No data on estimated migration flows"), "{none}");
        assert!(cites.sources.is_empty());
    }

    #[test]
    fn target_comparison() {
        assert!(against_target(5.25).contains("by 2.25 percentage points"));
        assert!(against_target(3.0).contains("at or below"));
    }
}
