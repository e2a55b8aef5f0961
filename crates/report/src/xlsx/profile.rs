//! A country profile as a workbook: an "About" sheet, one sheet per section of the
//! profile that has data (stocks, population and migration, corridors, corridor
//! trends, diaspora, remittances, remittances by group, costs, SDG 10.c.1, dependence,
//! skills, conventions and lists, estimated flows, assessments, policies), and a
//! "Sources" sheet with every footnote.
//!
//! Every sheet has two frozen header rows: the column's name with its unit
//! ("Stock (persons)"), and the field of the profile's JSON (`coherence profile X
//! --format json`) the column holds. A field without a leading `/` is read in the
//! object the row's "JSON path" names; a field with one (`/population`) is the element
//! of that series whose `year` is the row's year. Each value row's "Sources" column
//! lists the numbers (`[1], [3]`) of its values' sources in the Sources sheet.

use std::collections::{BTreeMap, BTreeSet};

use analysis::profile::{CountryProfile, Source, Value, YearValue};
use domain::Unit;

use super::{Cell, Sheet, XlsxError};

/// The workbook of a profile (see the module documentation). The same profile gives
/// the same bytes.
///
/// # Errors
/// If the writer fails, or a value's unit is not its column's (a defect).
pub fn workbook(p: &CountryProfile) -> Result<Vec<u8>, XlsxError> {
    super::workbook(&sheets(p)?)
}

/// The sheets of [`workbook`], in order.
///
/// # Errors
/// If a value's unit is not its column's (a defect of the layout).
pub fn sheets(p: &CountryProfile) -> Result<Vec<Sheet>, XlsxError> {
    let mut notes = Notes::default();
    let mut sheets = vec![about(p)];
    let sections = [
        stocks(p, &mut notes)?,
        population(p, &mut notes)?,
        corridors(p, &mut notes)?,
        trends(p, &mut notes)?,
        diaspora(p, &mut notes)?,
        remittances(p, &mut notes)?,
        groups(p, &mut notes)?,
        costs(p, &mut notes)?,
        cost_summaries(p, &mut notes)?,
        dependence(p, &mut notes)?,
        skills(p, &mut notes)?,
        statuses(p, &mut notes)?,
        flows(p, &mut notes)?,
        assessments(p),
        policies(p),
    ];
    sheets.extend(sections.into_iter().filter(|s| !s.rows.is_empty()));
    sheets.push(notes.sheet());
    Ok(sheets)
}

/// The footnotes: each distinct source once, numbered from 1 in order of first use.
#[derive(Default)]
struct Notes {
    list: Vec<Source>,
}

impl Notes {
    fn number(&mut self, s: &Source) -> usize {
        match self.list.iter().position(|x| x == s) {
            Some(i) => i + 1,
            None => {
                self.list.push(s.clone());
                self.list.len()
            }
        }
    }

    fn sheet(&self) -> Sheet {
        let rows = self
            .list
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let cell = s.cell.clone().unwrap_or_default();
                let file = s.cell.as_deref().and_then(|c| c.split(", ").next()).unwrap_or("");
                vec![
                    Cell::Number((i + 1) as f64),
                    Cell::from(s.dataset.as_str()),
                    Cell::from(s.publisher.as_str()),
                    Cell::Number(s.dataset_id as f64),
                    Cell::from(file),
                    Cell::from(cell),
                    Cell::from(s.derivation.clone().unwrap_or_default()),
                ]
            })
            .collect();
        let mut sheet = Sheet::new(
            "Sources",
            &[
                "No.",
                "Dataset (title and edition)",
                "Publisher",
                "Dataset id (store)",
                "File",
                "Cell read",
                "How derived",
            ],
            rows,
        );
        sheet.keys = ["", "dataset", "publisher", "dataset_id", "", "cell", "derivation"]
            .map(String::from)
            .to_vec();
        sheet
    }
}

/// One column of a section: its header (with the unit), its JSON field, and the unit
/// its values must have (`None` for text, years and counts).
struct Col {
    header: &'static str,
    key: &'static str,
    unit: Option<Unit>,
}

const fn col(header: &'static str, key: &'static str, unit: Option<Unit>) -> Col {
    Col { header, key, unit }
}

/// One cell of a section's row.
enum Item<'v> {
    Text(String),
    Num(f64),
    Val(Option<&'v Value>),
}

fn text(s: &str) -> Item<'static> {
    Item::Text(s.to_owned())
}

fn year(y: i32) -> Item<'static> {
    Item::Num(f64::from(y))
}

fn count(n: usize) -> Item<'static> {
    Item::Num(n as f64)
}

/// A section's sheet being built: the columns given, then "Sources" and "JSON path".
struct Table {
    sheet: Sheet,
    units: Vec<Option<Unit>>,
}

impl Table {
    fn new(name: &str, cols: &[Col]) -> Table {
        let mut columns: Vec<String> = cols.iter().map(|c| c.header.to_owned()).collect();
        columns.extend(["Sources".to_owned(), "JSON path".to_owned()]);
        let mut keys: Vec<String> = cols.iter().map(|c| c.key.to_owned()).collect();
        keys.extend([String::new(), String::new()]);
        Table {
            sheet: Sheet { name: name.to_owned(), columns, keys, rows: Vec::new() },
            units: cols.iter().map(|c| c.unit).collect(),
        }
    }

    /// Adds a row: `items` in column order, `extra` sources of the row that no cell
    /// shows, and the row's JSON path (empty for rows keyed by year).
    fn push(
        &mut self,
        notes: &mut Notes,
        path: String,
        items: Vec<Item<'_>>,
        extra: &[&Source],
    ) -> Result<(), XlsxError> {
        let mut cells = Vec::with_capacity(items.len() + 2);
        let mut refs = BTreeSet::new();
        let mut order = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            cells.push(match item {
                Item::Text(s) => Cell::Text(s),
                Item::Num(v) => Cell::Number(v),
                Item::Val(None) => Cell::Empty,
                Item::Val(Some(v)) => {
                    if self.units.get(i).copied().flatten() != Some(v.unit) {
                        return Err(XlsxError::Unit {
                            sheet: self.sheet.name.clone(),
                            column: self.sheet.columns[i].clone(),
                            found: v.unit.as_str().to_owned(),
                        });
                    }
                    let n = notes.number(&v.source);
                    if refs.insert(n) {
                        order.push(n);
                    }
                    Cell::Number(v.value)
                }
            });
        }
        for s in extra {
            let n = notes.number(s);
            if refs.insert(n) {
                order.push(n);
            }
        }
        cells.resize(self.units.len(), Cell::Empty);
        let refs: Vec<String> = order.iter().map(|n| format!("[{n}]")).collect();
        cells.push(Cell::Text(refs.join(", ")));
        cells.push(Cell::Text(path));
        self.sheet.rows.push(cells);
        Ok(())
    }
}

fn about(p: &CountryProfile) -> Sheet {
    let mut rows: Vec<(String, String)> = vec![
        ("Country or group".into(), p.area.name.clone()),
        ("Code".into(), p.area.iso3.clone()),
        ("UN M49 code".into(), p.area.m49.map(|m| format!("{m:03}")).unwrap_or_default()),
    ];
    if let Some(n) = &p.fictional_notice {
        rows.insert(0, ("Fictional data".into(), n.clone()));
    }
    if let Some(g) = &p.group {
        rows.push((
            "Members".into(),
            format!("{} members ({})", g.members.len(), g.members.join(", ")),
        ));
        rows.push(("Members from".into(), g.source.clone()));
    }
    for g in &p.memberships {
        rows.push(("Member of".into(), format!("{}: {}", g.kind, g.name)));
    }
    for e in &p.pinned_editions {
        rows.push(("Edition read (pinned)".into(), e.clone()));
    }
    for g in &p.gaps {
        rows.push(("Data gap".into(), g.text.clone()));
    }
    rows.push((
        "How to read".into(),
        "One sheet per section. The first header row names each column and its unit; the \
         second names the field of the profile's JSON it holds. \"Sources\" gives the \
         numbers of the row's sources in the Sources sheet."
            .into(),
    ));
    let rows = rows.into_iter().map(|(k, v)| vec![Cell::Text(k), Cell::Text(v)]).collect();
    let mut sheet = Sheet::new("About", &["Item", "Text"], rows);
    sheet.keys = vec![String::new(), String::new()];
    sheet
}

fn stocks(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let persons = Some(Unit::Persons);
    let mut t = Table::new(
        "Stocks",
        &[
            col("Migrants", "", None),
            col("Year", "year", None),
            col("Stock (persons)", "total", persons),
            col("Males (persons)", "male", persons),
            col("Females (persons)", "female", persons),
            col("Share of population (%)", "share_of_population", Some(Unit::Percent)),
        ],
    );
    for (key, what, list) in [
        ("stock_in", "immigrants (living in the country)", &p.stock_in),
        ("stock_out", "emigrants (born in the country, living abroad)", &p.stock_out),
    ] {
        for (i, s) in list.iter().enumerate() {
            let items = vec![
                text(what),
                year(s.year),
                Item::Val(Some(&s.total)),
                Item::Val(s.male.as_ref()),
                Item::Val(s.female.as_ref()),
                Item::Val(s.share_of_population.as_ref()),
            ];
            t.push(notes, format!("/{key}/{i}"), items, &[])?;
        }
    }
    Ok(t.sheet)
}

/// A sheet of yearly series side by side: one row per year any of them has.
fn by_year(
    name: &str,
    series: &[(Col, &[YearValue])],
    notes: &mut Notes,
) -> Result<Sheet, XlsxError> {
    let mut cols = vec![col("Year", "year", None)];
    cols.extend(series.iter().map(|(c, _)| col(c.header, c.key, c.unit)));
    let mut t = Table::new(name, &cols);
    let mut years: BTreeMap<i32, Vec<Option<&Value>>> = BTreeMap::new();
    for (i, (_, list)) in series.iter().enumerate() {
        for v in list.iter() {
            years.entry(v.year).or_insert_with(|| vec![None; series.len()])[i] = Some(&v.value);
        }
    }
    for (y, values) in years {
        let mut items = vec![year(y)];
        items.extend(values.into_iter().map(Item::Val));
        t.push(notes, String::new(), items, &[])?;
    }
    Ok(t.sheet)
}

fn population(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    by_year(
        "Population and migration",
        &[
            (col("Population (persons)", "/population", Some(Unit::Persons)), &p.population),
            (
                col("Net migration (persons)", "/net_migration", Some(Unit::Persons)),
                &p.net_migration,
            ),
            (
                col("Emigration rate (%)", "/emigration_rate", Some(Unit::Percent)),
                &p.emigration_rate,
            ),
        ],
        notes,
    )
}

fn remittances(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let usd = Some(Unit::UsdCurrent);
    let pct = Some(Unit::Percent);
    by_year(
        "Remittances",
        &[
            (
                col("Remittances received (current US$)", "/remittances_received", usd),
                &p.remittances_received,
            ),
            (col("Remittances paid (current US$)", "/remittances_paid", usd), &p.remittances_paid),
            (col("GDP (current US$)", "/gdp", usd), &p.gdp),
            (col("Exports of goods and services (current US$)", "/exports", usd), &p.exports),
            (
                col("Received, recomputed (% of GDP)", "/remittances_pct_gdp", pct),
                &p.remittances_pct_gdp,
            ),
            (col("SDG 17.3.2, official (% of GDP)", "/sdg_17_3_2", pct), &p.sdg_17_3_2),
            (
                col("Received (% of exports)", "/remittances_pct_exports", pct),
                &p.remittances_pct_exports,
            ),
            (
                col("Received per person (current US$)", "/remittances_per_capita", usd),
                &p.remittances_per_capita,
            ),
        ],
        notes,
    )
}

fn corridors(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        "Corridors",
        &[
            col("Corridor", "", None),
            col("Partner (code)", "partner", None),
            col("Partner", "partner_name", None),
            col("Year", "year", None),
            col("Stock (persons)", "stock", Some(Unit::Persons)),
            col("Share of all (%)", "share", Some(Unit::Percent)),
        ],
    );
    for (key, what, list) in [
        ("top_destinations", "emigrants by destination", &p.top_destinations),
        ("top_origins", "immigrants by origin", &p.top_origins),
    ] {
        for (i, c) in list.iter().enumerate() {
            let items = vec![
                text(what),
                text(&c.partner),
                text(&c.partner_name),
                year(c.year),
                Item::Val(Some(&c.stock)),
                Item::Val(Some(&c.share)),
            ];
            t.push(notes, format!("/{key}/{i}"), items, &[])?;
        }
    }
    Ok(t.sheet)
}

fn trends(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        "Corridor trends",
        &[
            col("Corridor", "", None),
            col("Partner (code)", "", None),
            col("Partner", "", None),
            col("Year", "year", None),
            col("Stock (persons)", "value", Some(Unit::Persons)),
        ],
    );
    for (key, what, list) in [
        ("destination_trends", "emigrants by destination", &p.destination_trends),
        ("origin_trends", "immigrants by origin", &p.origin_trends),
    ] {
        for (i, c) in list.iter().enumerate() {
            for (j, s) in c.stocks.iter().enumerate() {
                let items = vec![
                    text(what),
                    text(&c.partner),
                    text(&c.partner_name),
                    year(s.year),
                    Item::Val(Some(&s.value)),
                ];
                t.push(notes, format!("/{key}/{i}/stocks/{j}"), items, &[])?;
            }
        }
    }
    Ok(t.sheet)
}

fn diaspora(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        "Diaspora",
        &[
            col("Destination (code)", "iso3", None),
            col("UN M49 code", "", None),
            col("Destination", "name", None),
            col("Year", "", None),
            col("Emigrants (persons)", "persons", None),
        ],
    );
    if let Some(d) = &p.diaspora {
        for (i, x) in d.destinations.iter().enumerate() {
            let items = vec![
                text(&x.iso3),
                Item::Text(x.m49.map(|m| format!("{m:03}")).unwrap_or_default()),
                text(&x.name),
                year(d.year),
                Item::Num(x.persons),
            ];
            t.push(notes, format!("/diaspora/destinations/{i}"), items, &[&d.source])?;
        }
    }
    Ok(t.sheet)
}

fn groups(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        "Remittances by group",
        &[
            col("Group (code)", "code", None),
            col("Group", "name", None),
            col("Year", "year", None),
            col("Remittances received (% of GDP)", "value", Some(Unit::Percent)),
            col("Members (countries)", "n_members", None),
            col("Members with data (countries)", "n_with_data", None),
            col("Members without data", "", None),
        ],
    );
    for (i, g) in p.remittances_pct_gdp_groups.iter().enumerate() {
        let items = vec![
            text(&g.code),
            text(&g.name),
            year(g.year),
            Item::Val(Some(&g.value)),
            count(g.n_members),
            count(g.n_with_data),
            Item::Text(g.missing.join(", ")),
        ];
        t.push(notes, format!("/remittances_pct_gdp_groups/{i}"), items, &[])?;
    }
    Ok(t.sheet)
}

fn costs(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        "Costs",
        &[
            col("Direction", "", None),
            col("Sender (code)", "sender", None),
            col("Sender", "sender_name", None),
            col("Receiver (code)", "receiver", None),
            col("Receiver", "receiver_name", None),
            col("Year", "year", None),
            col("Cost (% of US$200)", "cost_pct", Some(Unit::Percent)),
        ],
    );
    for (key, what, list) in [
        ("costs_to", "sending to the country", &p.costs_to),
        ("costs_from", "sending from the country", &p.costs_from),
    ] {
        for (i, c) in list.iter().enumerate() {
            let items = vec![
                text(what),
                text(&c.sender),
                text(&c.sender_name),
                text(&c.receiver),
                text(&c.receiver_name),
                year(c.year),
                Item::Val(Some(&c.cost_pct)),
            ];
            t.push(notes, format!("/{key}/{i}"), items, &[])?;
        }
    }
    Ok(t.sheet)
}

fn cost_summaries(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let pct = Some(Unit::Percent);
    let mut t = Table::new(
        "SDG 10.c.1 costs",
        &[
            col("Direction", "", None),
            col("Year", "year", None),
            col("Corridors (number)", "n_corridors", None),
            col("Average cost (% of US$200)", "average_pct", pct),
            col("Corridors above 5% (% of corridors)", "share_above_5_pct", pct),
            col("Gap to the 3% target (percentage points)", "gap_to_3_pct", pct),
            col("RPW country average, year", "rpw_country_average/year", None),
            col("RPW country average (% of US$200)", "rpw_country_average/value", pct),
        ],
    );
    for (key, what, summary) in [
        ("cost_to_summary", "sending to the country", &p.cost_to_summary),
        ("cost_from_summary", "sending from the country", &p.cost_from_summary),
    ] {
        let Some(s) = summary else { continue };
        let rpw = s.rpw_country_average.as_ref();
        let items = vec![
            text(what),
            year(s.year),
            count(s.n_corridors),
            Item::Val(Some(&s.average_pct)),
            Item::Val(Some(&s.share_above_5_pct)),
            Item::Val(Some(&s.gap_to_3_pct)),
            rpw.map_or(Item::Val(None), |r| year(r.year)),
            Item::Val(rpw.map(|r| &r.value)),
        ];
        t.push(notes, format!("/{key}"), items, &[])?;
    }
    Ok(t.sheet)
}

fn dependence(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        "Dependence",
        &[
            col("Measure", "", None),
            col("Year", "year", None),
            col("Herfindahl-Hirschman index (0 to 1)", "index", Some(Unit::Number)),
            col("Partners (countries)", "n_partners", None),
        ],
    );
    for (key, what, c) in [
        (
            "destination_concentration",
            "concentration of emigrants over destinations",
            &p.destination_concentration,
        ),
        (
            "sender_concentration",
            "concentration of remittances received over senders",
            &p.sender_concentration,
        ),
    ] {
        let Some(c) = c else { continue };
        let items = vec![text(what), year(c.year), Item::Val(Some(&c.index)), count(c.n_partners)];
        t.push(notes, format!("/{key}"), items, &[])?;
    }
    Ok(t.sheet)
}

fn skills(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        "Skills",
        &[
            col("Indicator", "", None),
            col("Year", "year", None),
            col("Rate (%)", "value", Some(Unit::Percent)),
            col("Physicians (per 1,000 people)", "value", Some(Unit::PerThousand)),
        ],
    );
    for (key, what, v, rate) in [
        (
            "skilled_emigration_rate",
            "skilled emigration rate (tertiary-educated)",
            &p.skilled_emigration_rate,
            true,
        ),
        (
            "health_worker_emigration_rate",
            "health workers working abroad",
            &p.health_worker_emigration_rate,
            true,
        ),
        ("physicians_per_1000", "physicians per 1,000 people", &p.physicians_per_1000, false),
    ] {
        let Some(v) = v else { continue };
        let (a, b) = if rate { (Some(&v.value), None) } else { (None, Some(&v.value)) };
        let items = vec![text(what), year(v.year), Item::Val(a), Item::Val(b)];
        t.push(notes, format!("/{key}"), items, &[])?;
    }
    Ok(t.sheet)
}

fn statuses(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        "Conventions and lists",
        &[
            col("Item", "", None),
            col("Yes or no", "", None),
            col("Detail", "detail", None),
            col("Year", "year", None),
        ],
    );
    for (key, what, s) in [
        (
            "who_safeguards_list",
            "on the WHO health workforce support and safeguards list",
            &p.who_safeguards_list,
        ),
        ("icmw", "party to the migrant workers convention (ICMW, 1990)", &p.icmw),
    ] {
        let Some(s) = s else { continue };
        let items = vec![
            text(what),
            text(if s.yes { "yes" } else { "no" }),
            text(&s.detail),
            s.year.map_or(Item::Val(None), year),
        ];
        t.push(notes, format!("/{key}"), items, &[&s.source])?;
    }
    Ok(t.sheet)
}

fn flows(p: &CountryProfile, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let persons = Some(Unit::Persons);
    let mut t = Table::new(
        "Estimated flows",
        &[
            col("Method", "method", None),
            col("From (year)", "period_start", None),
            col("To (year)", "period_end", None),
            col("Inflow (persons)", "inflow", persons),
            col("Outflow (persons)", "outflow", persons),
            col("Net flow (persons)", "net", persons),
            col("Origins (areas)", "n_origins", None),
            col("Destinations (areas)", "n_destinations", None),
        ],
    );
    for (i, f) in p.estimated_flows.iter().enumerate() {
        let items = vec![
            text(&f.method),
            year(f.period_start),
            year(f.period_end),
            Item::Val(Some(&f.inflow)),
            Item::Val(Some(&f.outflow)),
            Item::Val(Some(&f.net)),
            count(f.n_origins),
            count(f.n_destinations),
        ];
        t.push(notes, format!("/estimated_flows/{i}"), items, &[])?;
    }
    Ok(t.sheet)
}

/// Stored framework scores: no dataset; the answers' version, file, who, when and why
/// are in the "Answers" column.
fn assessments(p: &CountryProfile) -> Sheet {
    let mut rows = Vec::new();
    for (i, a) in p.assessments.iter().enumerate() {
        let prov = &a.answers;
        let answers = format!(
            "version {} ({}), stored {} by {}: {}",
            prov.version, prov.file, prov.stored_at, prov.stored_by, prov.reason
        );
        let parts = std::iter::once(("overall", format!("/assessments/{i}/overall"), &a.overall))
            .chain(a.domains.iter().enumerate().map(|(j, d)| {
                (d.title.as_str(), format!("/assessments/{i}/domains/{j}/score"), &d.score)
            }));
        for (part, path, score) in parts {
            let Some(s) = score else { continue };
            let band = s.band.as_ref().map_or(String::new(), |b| format!("{} {}", b.code, b.label));
            rows.push(vec![
                Cell::from(a.framework.as_str()),
                Cell::from(a.framework_title.as_str()),
                Cell::from(part),
                Cell::Number(s.percent),
                Cell::Text(band),
                Cell::from(answers.as_str()),
                Cell::Text(path),
            ]);
        }
    }
    let mut sheet = Sheet::new(
        "Assessments",
        &["Framework", "Title", "Part", "Score (%)", "Band", "Answers", "JSON path"],
        rows,
    );
    sheet.keys = ["", "", "", "percent", "", "", ""].map(String::from).to_vec();
    sheet
}

fn policies(p: &CountryProfile) -> Sheet {
    let rows = p
        .policies
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let change = x
                .last_change
                .as_ref()
                .map_or(String::new(), |c| format!("{} by {}: {}", c.at, c.user, c.reason));
            vec![
                Cell::from(x.id.as_str()),
                Cell::from(x.ministry.as_str()),
                Cell::from(x.title.as_str()),
                Cell::Text(x.stages.join("; ")),
                Cell::from(x.area.as_str()),
                Cell::Text(x.partners.join("; ")),
                Cell::from(x.status.as_str()),
                Cell::from(x.layer.as_str()),
                Cell::Text(change),
                Cell::Text(format!("/policies/{i}")),
            ]
        })
        .collect();
    let mut sheet = Sheet::new(
        "Policies",
        &[
            "Id",
            "Ministry",
            "Title",
            "Stages",
            "Area",
            "Partners",
            "Status",
            "Layer",
            "Last change",
            "JSON path",
        ],
        rows,
    );
    sheet.keys = ["id", "ministry", "title", "", "area", "", "status", "", "", ""]
        .map(String::from)
        .to_vec();
    sheet
}
