//! A country profile as a workbook: an "About" sheet, one sheet per section of the
//! profile that has data (stocks, population and migration, corridors, corridor
//! trends, diaspora, remittances, remittances by group, costs, SDG 10.c.1, dependence,
//! skills, conventions and lists, estimated flows, labour migration, forced
//! displacement, assessments, policies, and the corridor checks: corridors, findings,
//! the data the findings rest on), and a "Sources" sheet with every footnote.
//!
//! Every sheet has two frozen header rows: the column's name with its unit
//! ("Stock (persons)"), and the field of the profile's JSON (`coherence profile X
//! --format json`) the column holds. A field without a leading `/` is read in the
//! object the row's "JSON path" names; a field with one (`/population`) is the element
//! of that series whose `year` is the row's year. Each value row's "Sources" column
//! lists the numbers (`[1], [3]`) of its values' sources in the Sources sheet.
//!
//! [`workbook_in`] writes the sheet names, column headers and the workbook's own notes
//! in a language (messages `xlsx-*` of `i18n`), and country names as the UN's short
//! names in it ([`i18n::Lang::country_name`]); numbers stay numbers, and texts that
//! come with the data (dataset titles, policies, findings) stay as stored. A column
//! whose cells are names translated so has no JSON field in its second header row.

mod checks;
mod labour;

use std::collections::{BTreeMap, BTreeSet};

use analysis::profile::{CountryProfile, Source, Value, YearValue};
use domain::Unit;
use i18n::{Arg, Lang, Messages};

use super::{Cell, Sheet, XlsxError};

/// The workbook of a profile in English (see the module documentation). The same
/// profile gives the same bytes.
///
/// # Errors
/// If the writer fails, or a value's unit is not its column's (a defect).
pub fn workbook(p: &CountryProfile) -> Result<Vec<u8>, XlsxError> {
    workbook_in(p, Lang::En)
}

/// The workbook of a profile in `lang`: sheet names, headers and notes from the
/// language's messages, country names in it, every sheet right to left in Arabic. The
/// same profile and language give the same bytes.
///
/// # Errors
/// If the writer fails, or a value's unit is not its column's (a defect).
pub fn workbook_in(p: &CountryProfile, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    super::workbook_with_direction(&sheets_in(p, lang)?, lang.is_rtl())
}

/// The sheets of [`workbook`], in order.
///
/// # Errors
/// If a value's unit is not its column's (a defect of the layout).
pub fn sheets(p: &CountryProfile) -> Result<Vec<Sheet>, XlsxError> {
    sheets_in(p, Lang::En)
}

/// The sheets of [`workbook_in`], in order.
///
/// # Errors
/// If a value's unit is not its column's (a defect of the layout).
pub fn sheets_in(p: &CountryProfile, lang: Lang) -> Result<Vec<Sheet>, XlsxError> {
    let w = &Words::new(lang);
    let mut notes = Notes::default();
    let mut sheets = vec![about(p, w)];
    let sections = [
        stocks(p, w, &mut notes)?,
        population(p, w, &mut notes)?,
        corridors(p, w, &mut notes)?,
        trends(p, w, &mut notes)?,
        diaspora(p, w, &mut notes)?,
        remittances(p, w, &mut notes)?,
        groups(p, w, &mut notes)?,
        costs(p, w, &mut notes)?,
        cost_summaries(p, w, &mut notes)?,
        dependence(p, w, &mut notes)?,
        skills(p, w, &mut notes)?,
        statuses(p, w, &mut notes)?,
        flows(p, w, &mut notes)?,
        labour::labour(p, w, &mut notes)?,
        labour::displacement(p, w, &mut notes)?,
        assessments(p, w),
        policies(p, w),
        checks::corridors(p, w, &mut notes)?,
        checks::findings(p, w, &mut notes)?,
        checks::data(p, w, &mut notes)?,
    ];
    sheets.extend(sections.into_iter().filter(|s| !s.rows.is_empty()));
    sheets.push(notes.sheet(w));
    Ok(sheets)
}

/// The sheet names of a workbook in `lang`, as the messages give them (before any
/// shortening): every one is at most 31 characters and free of `[]:*?/\` in every
/// offered language (tested).
#[must_use]
pub fn sheet_names(lang: Lang) -> Vec<String> {
    let w = Words::new(lang);
    SHEETS.iter().map(|k| w.t(k)).collect()
}

/// The message keys of every sheet's name.
const SHEETS: [&str; 22] = [
    "xlsx-sheet-about",
    "xlsx-sheet-stocks",
    "xlsx-sheet-population",
    "xlsx-sheet-corridors",
    "xlsx-sheet-trends",
    "xlsx-sheet-diaspora",
    "xlsx-sheet-remittances",
    "xlsx-sheet-groups",
    "xlsx-sheet-costs",
    "xlsx-sheet-sdg-costs",
    "xlsx-sheet-dependence",
    "xlsx-sheet-skills",
    "xlsx-sheet-statuses",
    "xlsx-sheet-flows",
    "xlsx-sheet-labour",
    "xlsx-sheet-displacement",
    "xlsx-sheet-assessments",
    "xlsx-sheet-policies",
    "xlsx-sheet-corridor-checks",
    "xlsx-sheet-corridor-findings",
    "xlsx-sheet-corridor-data",
    "xlsx-sheet-sources",
];

/// The workbook's words in one language.
struct Words {
    lang: Lang,
    messages: &'static Messages,
}

impl Words {
    fn new(lang: Lang) -> Words {
        Words { lang, messages: lang.messages() }
    }

    /// A sentence of the analysis in the workbook's language.
    fn said(&self, said: &analysis::said::Said) -> String {
        said.in_lang(self.lang)
    }

    /// The message `key`.
    fn t(&self, key: &str) -> String {
        self.messages.text(key)
    }

    /// The message `key` with arguments.
    fn f(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.messages.format(key, args)
    }

    /// A country's name in the language (the name as stored for a code without one).
    fn country(&self, iso3: &str, name: &str) -> String {
        self.lang.country_name(iso3, name)
    }

    /// The name of a channel of deployments or a category of inflows in the language
    /// ([`analysis::said::indicator_name`]); empty for another indicator (a row's part
    /// names it).
    fn indicator(&self, code: &str) -> String {
        analysis::said::indicator_key(code).map_or_else(String::new, |k| self.t(k))
    }

    /// The JSON field of a column of country names: none when the names are
    /// translated (the cells then differ from the JSON's English names).
    fn name_key(&self, key: &'static str) -> &'static str {
        if self.lang == Lang::En { key } else { "" }
    }

    /// The JSON field of a column of the analysis's sentences ([`Said`]: its English
    /// `text`, e.g. `why/text`): none in another language, where the cells are the
    /// sentence in that language.
    ///
    /// [`Said`]: analysis::said::Said
    fn said_key(&self, key: &'static str) -> &'static str {
        self.name_key(key)
    }
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

    fn sheet(&self, w: &Words) -> Sheet {
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
        let columns = [
            "xlsx-col-number",
            "xlsx-col-dataset",
            "xlsx-col-publisher",
            "xlsx-col-dataset-id",
            "xlsx-col-file",
            "xlsx-col-cell",
            "xlsx-col-derivation",
        ]
        .map(|k| w.t(k));
        let keys = ["", "dataset", "publisher", "dataset_id", "", "cell", "derivation"];
        Sheet {
            name: w.t("xlsx-sheet-sources"),
            columns: columns.to_vec(),
            keys: keys.map(String::from).to_vec(),
            rows,
        }
    }
}

/// One column of a section: its header (with the unit), its JSON field, and the unit
/// its values must have (`None` for text, years and counts).
struct Col {
    header: String,
    key: &'static str,
    unit: Option<Unit>,
}

/// The column whose header is the message `header`.
fn col(w: &Words, header: &str, key: &'static str, unit: Option<Unit>) -> Col {
    Col { header: w.t(header), key, unit }
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
    /// A sheet named by the message `name`.
    fn new(w: &Words, name: &str, cols: &[Col]) -> Table {
        let mut columns: Vec<String> = cols.iter().map(|c| c.header.clone()).collect();
        columns.extend([w.t("xlsx-col-sources"), w.t("xlsx-col-json-path")]);
        let mut keys: Vec<String> = cols.iter().map(|c| c.key.to_owned()).collect();
        keys.extend([String::new(), String::new()]);
        Table {
            sheet: Sheet { name: w.t(name), columns, keys, rows: Vec::new() },
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
                    self.check_unit(i, v.unit)?;
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

    /// Refuses a value in another unit than column `i`'s.
    fn check_unit(&self, i: usize, unit: Unit) -> Result<(), XlsxError> {
        if self.units.get(i).copied().flatten() == Some(unit) {
            return Ok(());
        }
        Err(XlsxError::Unit {
            sheet: self.sheet.name.clone(),
            column: self.sheet.columns[i].clone(),
            found: unit.as_str().to_owned(),
        })
    }
}

fn about(p: &CountryProfile, w: &Words) -> Sheet {
    let mut rows: Vec<(String, String)> = vec![
        (w.t("xlsx-about-country"), w.country(&p.area.iso3, &p.area.name)),
        (w.t("xlsx-about-code"), p.area.iso3.clone()),
        (w.t("xlsx-about-m49"), p.area.m49.map(|m| format!("{m:03}")).unwrap_or_default()),
    ];
    if let Some(n) = &p.fictional_notice {
        rows.insert(0, (w.t("xlsx-about-fictional"), n.clone()));
    }
    if let Some(g) = &p.group {
        let list = w.f(
            "xlsx-about-members-list",
            &[("count", g.members.len().into()), ("members", g.members.join(", ").into())],
        );
        rows.push((w.t("xlsx-about-members"), list));
        rows.push((w.t("xlsx-about-members-from"), g.source.clone()));
    }
    for g in &p.memberships {
        rows.push((w.t("xlsx-about-member-of"), format!("{}: {}", g.kind, g.name)));
    }
    for e in &p.pinned_editions {
        rows.push((w.t("xlsx-about-edition"), e.clone()));
    }
    for g in &p.gaps {
        rows.push((w.t("xlsx-about-gap"), w.said(&g.said)));
    }
    rows.push((w.t("xlsx-about-how"), w.t("xlsx-about-how-text")));
    if w.lang != Lang::En {
        rows.push((w.t("xlsx-about-language"), w.t("xlsx-about-language-text")));
    }
    let rows = rows.into_iter().map(|(k, v)| vec![Cell::Text(k), Cell::Text(v)]).collect();
    Sheet {
        name: w.t("xlsx-sheet-about"),
        columns: vec![w.t("xlsx-col-item"), w.t("xlsx-col-text")],
        keys: vec![String::new(), String::new()],
        rows,
    }
}

fn stocks(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let persons = Some(Unit::Persons);
    let mut t = Table::new(
        w,
        "xlsx-sheet-stocks",
        &[
            col(w, "xlsx-col-migrants", "", None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-stock", "total", persons),
            col(w, "xlsx-col-males", "male", persons),
            col(w, "xlsx-col-females", "female", persons),
            col(w, "xlsx-col-share-population", "share_of_population", Some(Unit::Percent)),
        ],
    );
    for (key, what, list) in [
        ("stock_in", w.t("xlsx-row-immigrants"), &p.stock_in),
        ("stock_out", w.t("xlsx-row-emigrants"), &p.stock_out),
    ] {
        for (i, s) in list.iter().enumerate() {
            let items = vec![
                text(&what),
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
    w: &Words,
    name: &str,
    series: Vec<(Col, &[YearValue])>,
    notes: &mut Notes,
) -> Result<Sheet, XlsxError> {
    let mut cols = vec![col(w, "xlsx-col-year", "year", None)];
    let mut lists = Vec::with_capacity(series.len());
    for (c, list) in series {
        cols.push(c);
        lists.push(list);
    }
    let mut t = Table::new(w, name, &cols);
    let mut years: BTreeMap<i32, Vec<Option<&Value>>> = BTreeMap::new();
    for (i, list) in lists.iter().enumerate() {
        for v in list.iter() {
            years.entry(v.year).or_insert_with(|| vec![None; lists.len()])[i] = Some(&v.value);
        }
    }
    for (y, values) in years {
        let mut items = vec![year(y)];
        items.extend(values.into_iter().map(Item::Val));
        t.push(notes, String::new(), items, &[])?;
    }
    Ok(t.sheet)
}

fn population(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let (persons, pct) = (Some(Unit::Persons), Some(Unit::Percent));
    by_year(
        w,
        "xlsx-sheet-population",
        vec![
            (col(w, "xlsx-col-population", "/population", persons), &p.population),
            (col(w, "xlsx-col-net-migration", "/net_migration", persons), &p.net_migration),
            (col(w, "xlsx-col-emigration-rate", "/emigration_rate", pct), &p.emigration_rate),
        ],
        notes,
    )
}

fn remittances(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let usd = Some(Unit::UsdCurrent);
    let pct = Some(Unit::Percent);
    by_year(
        w,
        "xlsx-sheet-remittances",
        vec![
            (
                col(w, "xlsx-col-remit-received", "/remittances_received", usd),
                &p.remittances_received,
            ),
            (col(w, "xlsx-col-remit-paid", "/remittances_paid", usd), &p.remittances_paid),
            (col(w, "xlsx-col-gdp", "/gdp", usd), &p.gdp),
            (col(w, "xlsx-col-exports", "/exports", usd), &p.exports),
            (col(w, "xlsx-col-remit-pct-gdp", "/remittances_pct_gdp", pct), &p.remittances_pct_gdp),
            (col(w, "xlsx-col-sdg-17-3-2", "/sdg_17_3_2", pct), &p.sdg_17_3_2),
            (
                col(w, "xlsx-col-remit-pct-exports", "/remittances_pct_exports", pct),
                &p.remittances_pct_exports,
            ),
            (
                col(w, "xlsx-col-remit-per-person", "/remittances_per_capita", usd),
                &p.remittances_per_capita,
            ),
        ],
        notes,
    )
}

fn corridors(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-corridors",
        &[
            col(w, "xlsx-col-corridor", "", None),
            col(w, "xlsx-col-partner-code", "partner", None),
            col(w, "xlsx-col-partner", w.name_key("partner_name"), None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-stock", "stock", Some(Unit::Persons)),
            col(w, "xlsx-col-share-all", "share", Some(Unit::Percent)),
        ],
    );
    for (key, what, list) in [
        ("top_destinations", w.t("xlsx-row-by-destination"), &p.top_destinations),
        ("top_origins", w.t("xlsx-row-by-origin"), &p.top_origins),
    ] {
        for (i, c) in list.iter().enumerate() {
            let items = vec![
                text(&what),
                text(&c.partner),
                Item::Text(w.country(&c.partner, &c.partner_name)),
                year(c.year),
                Item::Val(Some(&c.stock)),
                Item::Val(Some(&c.share)),
            ];
            t.push(notes, format!("/{key}/{i}"), items, &[])?;
        }
    }
    Ok(t.sheet)
}

fn trends(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-trends",
        &[
            col(w, "xlsx-col-corridor", "", None),
            col(w, "xlsx-col-partner-code", "", None),
            col(w, "xlsx-col-partner", "", None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-stock", "value", Some(Unit::Persons)),
        ],
    );
    for (key, what, list) in [
        ("destination_trends", w.t("xlsx-row-by-destination"), &p.destination_trends),
        ("origin_trends", w.t("xlsx-row-by-origin"), &p.origin_trends),
    ] {
        for (i, c) in list.iter().enumerate() {
            let partner = w.country(&c.partner, &c.partner_name);
            for (j, s) in c.stocks.iter().enumerate() {
                let items = vec![
                    text(&what),
                    text(&c.partner),
                    text(&partner),
                    year(s.year),
                    Item::Val(Some(&s.value)),
                ];
                t.push(notes, format!("/{key}/{i}/stocks/{j}"), items, &[])?;
            }
        }
    }
    Ok(t.sheet)
}

fn diaspora(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-diaspora",
        &[
            col(w, "xlsx-col-destination-code", "iso3", None),
            col(w, "xlsx-col-m49", "", None),
            col(w, "xlsx-col-destination", w.name_key("name"), None),
            col(w, "xlsx-col-year", "", None),
            col(w, "xlsx-col-emigrants", "persons", None),
        ],
    );
    if let Some(d) = &p.diaspora {
        for (i, x) in d.destinations.iter().enumerate() {
            let items = vec![
                text(&x.iso3),
                Item::Text(x.m49.map(|m| format!("{m:03}")).unwrap_or_default()),
                Item::Text(w.country(&x.iso3, &x.name)),
                year(d.year),
                Item::Num(x.persons),
            ];
            t.push(notes, format!("/diaspora/destinations/{i}"), items, &[&d.source])?;
        }
    }
    Ok(t.sheet)
}

fn groups(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-groups",
        &[
            col(w, "xlsx-col-group-code", "code", None),
            col(w, "xlsx-col-group", "name", None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-group-pct-gdp", "value", Some(Unit::Percent)),
            col(w, "xlsx-col-members", "n_members", None),
            col(w, "xlsx-col-members-with-data", "n_with_data", None),
            col(w, "xlsx-col-members-without-data", "", None),
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

fn costs(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-costs",
        &[
            col(w, "xlsx-col-direction", "", None),
            col(w, "xlsx-col-sender-code", "sender", None),
            col(w, "xlsx-col-sender", w.name_key("sender_name"), None),
            col(w, "xlsx-col-receiver-code", "receiver", None),
            col(w, "xlsx-col-receiver", w.name_key("receiver_name"), None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-cost", "cost_pct", Some(Unit::Percent)),
        ],
    );
    for (key, what, list) in [
        ("costs_to", w.t("xlsx-row-sending-to"), &p.costs_to),
        ("costs_from", w.t("xlsx-row-sending-from"), &p.costs_from),
    ] {
        for (i, c) in list.iter().enumerate() {
            let items = vec![
                text(&what),
                text(&c.sender),
                Item::Text(w.country(&c.sender, &c.sender_name)),
                text(&c.receiver),
                Item::Text(w.country(&c.receiver, &c.receiver_name)),
                year(c.year),
                Item::Val(Some(&c.cost_pct)),
            ];
            t.push(notes, format!("/{key}/{i}"), items, &[])?;
        }
    }
    Ok(t.sheet)
}

fn cost_summaries(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let pct = Some(Unit::Percent);
    let mut t = Table::new(
        w,
        "xlsx-sheet-sdg-costs",
        &[
            col(w, "xlsx-col-direction", "", None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-corridors-number", "n_corridors", None),
            col(w, "xlsx-col-average-cost", "average_pct", pct),
            col(w, "xlsx-col-above-5", "share_above_5_pct", pct),
            col(w, "xlsx-col-gap-3", "gap_to_3_pct", pct),
            col(w, "xlsx-col-rpw-year", "rpw_country_average/year", None),
            col(w, "xlsx-col-rpw-average", "rpw_country_average/value", pct),
        ],
    );
    for (key, what, summary) in [
        ("cost_to_summary", w.t("xlsx-row-sending-to"), &p.cost_to_summary),
        ("cost_from_summary", w.t("xlsx-row-sending-from"), &p.cost_from_summary),
    ] {
        let Some(s) = summary else { continue };
        let rpw = s.rpw_country_average.as_ref();
        let items = vec![
            text(&what),
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

fn dependence(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-dependence",
        &[
            col(w, "xlsx-col-measure", "", None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-hhi", "index", Some(Unit::Number)),
            col(w, "xlsx-col-partners", "n_partners", None),
        ],
    );
    for (key, what, c) in [
        (
            "destination_concentration",
            "xlsx-row-concentration-destinations",
            &p.destination_concentration,
        ),
        ("sender_concentration", "xlsx-row-concentration-senders", &p.sender_concentration),
    ] {
        let Some(c) = c else { continue };
        let items = vec![
            Item::Text(w.t(what)),
            year(c.year),
            Item::Val(Some(&c.index)),
            count(c.n_partners),
        ];
        t.push(notes, format!("/{key}"), items, &[])?;
    }
    Ok(t.sheet)
}

fn skills(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-skills",
        &[
            col(w, "xlsx-col-indicator", "", None),
            col(w, "xlsx-col-year", "year", None),
            col(w, "xlsx-col-rate", "value", Some(Unit::Percent)),
            col(w, "xlsx-col-physicians", "value", Some(Unit::PerThousand)),
        ],
    );
    for (key, what, v, rate) in [
        (
            "skilled_emigration_rate",
            "xlsx-row-skilled-emigration",
            &p.skilled_emigration_rate,
            true,
        ),
        (
            "health_worker_emigration_rate",
            "xlsx-row-health-workers-abroad",
            &p.health_worker_emigration_rate,
            true,
        ),
        ("physicians_per_1000", "xlsx-row-physicians", &p.physicians_per_1000, false),
    ] {
        let Some(v) = v else { continue };
        let (a, b) = if rate { (Some(&v.value), None) } else { (None, Some(&v.value)) };
        let items = vec![Item::Text(w.t(what)), year(v.year), Item::Val(a), Item::Val(b)];
        t.push(notes, format!("/{key}"), items, &[])?;
    }
    Ok(t.sheet)
}

fn statuses(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let mut t = Table::new(
        w,
        "xlsx-sheet-statuses",
        &[
            col(w, "xlsx-col-item", "", None),
            col(w, "xlsx-col-yes-no", "", None),
            col(w, "xlsx-col-detail", "detail", None),
            col(w, "xlsx-col-year", "year", None),
        ],
    );
    for (key, what, s) in [
        ("who_safeguards_list", "xlsx-row-who-list", &p.who_safeguards_list),
        ("icmw", "xlsx-row-icmw", &p.icmw),
    ] {
        let Some(s) = s else { continue };
        let items = vec![
            Item::Text(w.t(what)),
            Item::Text(w.t(if s.yes { "yes" } else { "no" })),
            text(&s.detail),
            s.year.map_or(Item::Val(None), year),
        ];
        t.push(notes, format!("/{key}"), items, &[&s.source])?;
    }
    Ok(t.sheet)
}

fn flows(p: &CountryProfile, w: &Words, notes: &mut Notes) -> Result<Sheet, XlsxError> {
    let persons = Some(Unit::Persons);
    let mut t = Table::new(
        w,
        "xlsx-sheet-flows",
        &[
            col(w, "xlsx-col-method", "method", None),
            col(w, "xlsx-col-from-year", "period_start", None),
            col(w, "xlsx-col-to-year", "period_end", None),
            col(w, "xlsx-col-inflow", "inflow", persons),
            col(w, "xlsx-col-outflow", "outflow", persons),
            col(w, "xlsx-col-net-flow", "net", persons),
            col(w, "xlsx-col-origins", "n_origins", None),
            col(w, "xlsx-col-destinations", "n_destinations", None),
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
fn assessments(p: &CountryProfile, w: &Words) -> Sheet {
    let mut rows = Vec::new();
    let overall = w.t("xlsx-part-overall");
    for (i, a) in p.assessments.iter().enumerate() {
        let prov = &a.answers;
        let answers = w.f(
            "xlsx-answers",
            &[
                ("version", Arg::plain(prov.version)),
                ("file", prov.file.as_str().into()),
                ("at", prov.stored_at.as_str().into()),
                ("user", prov.stored_by.as_str().into()),
                ("reason", prov.reason.as_str().into()),
            ],
        );
        let parts =
            std::iter::once((overall.as_str(), format!("/assessments/{i}/overall"), &a.overall))
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
    let columns = [
        "xlsx-col-framework",
        "xlsx-col-title",
        "xlsx-col-part",
        "xlsx-col-score",
        "xlsx-col-band",
        "xlsx-col-answers",
        "xlsx-col-json-path",
    ]
    .map(|k| w.t(k));
    Sheet {
        name: w.t("xlsx-sheet-assessments"),
        columns: columns.to_vec(),
        keys: ["", "", "", "percent", "", "", ""].map(String::from).to_vec(),
        rows,
    }
}

fn policies(p: &CountryProfile, w: &Words) -> Sheet {
    let rows = p
        .policies
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let change = x.last_change.as_ref().map_or(String::new(), |c| {
                w.f(
                    "xlsx-change",
                    &[
                        ("at", c.at.as_str().into()),
                        ("user", c.user.as_str().into()),
                        ("reason", c.reason.as_str().into()),
                    ],
                )
            });
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
    let columns = [
        "xlsx-col-id",
        "xlsx-col-ministry",
        "xlsx-col-title",
        "xlsx-col-stages",
        "xlsx-col-area",
        "xlsx-col-partners-policy",
        "xlsx-col-status",
        "xlsx-col-layer",
        "xlsx-col-last-change",
        "xlsx-col-json-path",
    ]
    .map(|k| w.t(k));
    Sheet {
        name: w.t("xlsx-sheet-policies"),
        columns: columns.to_vec(),
        keys: ["id", "ministry", "title", "", "area", "", "status", "", "", ""]
            .map(String::from)
            .to_vec(),
        rows,
    }
}
