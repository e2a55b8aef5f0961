//! `coherence profile COUNTRY` as text tables, in the language of `--lang`: headings,
//! labels, numbers (by the language's conventions, `i18n::number`) and country names
//! (the UN's names, `i18n::names`). Values from the data (a policy's title, a
//! dataset's name) are shown as they are stored.

use std::io::Write;

use analysis::profile::{CountryProfile, StockYear, Value, YearValue};
use i18n::{Arg, Lang, Messages};

use crate::commands::Error;
use crate::output::plain_table as table;

mod labour;

/// Writes the profile's tables.
pub(crate) fn write(out: &mut dyn Write, p: &CountryProfile, lang: Lang) -> Result<(), Error> {
    let t = Tables { msg: lang.messages(), lang };
    t.header(out, p)?;
    t.stocks(out, &t.msg.text("profile-stock-in"), &p.stock_in)?;
    t.stocks(out, &t.msg.text("profile-stock-out"), &p.stock_out)?;
    t.corridors(out, p)?;
    t.flows(out, p)?;
    t.economy(out, p)?;
    t.costs(out, p)?;
    t.skills(out, p)?;
    t.labour(out, p)?;
    t.displacement(out, p)?;
    t.assessments(out, p)?;
    t.indicators(out, p)?;
    t.register(out, p)?;
    t.gaps(out, p)?;
    let line = t.msg.format("profile-sources", &[("iso3", p.area.iso3.as_str().into())]);
    writeln!(out, "\n{line}")?;
    Ok(())
}

/// The language's messages and conventions.
struct Tables {
    msg: &'static Messages,
    lang: Lang,
}

impl Tables {
    fn text(&self, key: &str) -> String {
        self.msg.text(key)
    }

    /// A value in its unit.
    fn show(&self, v: &Value) -> String {
        use domain::Unit;
        let lang = self.lang;
        match v.unit {
            Unit::Persons => i18n::number::integer(lang, v.value),
            Unit::UsdCurrent | Unit::UsdPpp => {
                self.msg.format("profile-usd-million", &[("amount", Arg::Number(v.value / 1e6, 1))])
            }
            Unit::Percent => i18n::number::percent(lang, v.value, 2),
            Unit::PerThousand | Unit::Number => i18n::number::decimal(lang, v.value, 2),
        }
    }

    fn show_opt(&self, v: Option<&Value>) -> String {
        v.map_or_else(|| "—".to_owned(), |v| self.show(v))
    }

    /// "value (year)" or a dash.
    fn latest(&self, v: Option<&YearValue>) -> String {
        v.map_or_else(|| "—".to_owned(), |v| format!("{} ({})", self.show(&v.value), v.year))
    }

    fn country(&self, iso3: &str, english: &str) -> String {
        format!("{} ({iso3})", self.lang.country_name(iso3, english))
    }

    fn no_data(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "  {}", self.text("profile-no-data"))
    }

    fn header(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        if let Some(notice) = &p.fictional_notice {
            writeln!(out, "*** {notice} ***\n")?;
        }
        let m49 = p.area.m49.map(|m| format!(", M49 {m:03}")).unwrap_or_default();
        let name = self.lang.country_name(&p.area.iso3, &p.area.name);
        writeln!(out, "{name} ({}{m49})", p.area.iso3)?;
        if !p.pinned_editions.is_empty() {
            let editions = p.pinned_editions.join("; ");
            let line = self.msg.format("profile-editions-pinned", &[("editions", editions.into())]);
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    fn stocks(&self, out: &mut dyn Write, title: &str, rows: &[StockYear]) -> Result<(), Error> {
        writeln!(out, "\n{title}")?;
        if rows.is_empty() {
            return Ok(self.no_data(out)?);
        }
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|s| {
                vec![
                    s.year.to_string(),
                    self.show(&s.total),
                    self.show_opt(s.male.as_ref()),
                    self.show_opt(s.female.as_ref()),
                    self.show_opt(s.share_of_population.as_ref()),
                ]
            })
            .collect();
        let head =
            ["col-year", "col-total-persons", "col-male", "col-female", "col-pct-population"]
                .map(|k| self.text(k));
        Ok(table(out, &head.each_ref().map(String::as_str), &rows)?)
    }

    fn corridors(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        for (key, list) in [
            ("profile-top-destinations", &p.top_destinations),
            ("profile-top-origins", &p.top_origins),
        ] {
            writeln!(out, "\n{}", self.text(key))?;
            if list.is_empty() {
                self.no_data(out)?;
                continue;
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|c| {
                    vec![
                        self.country(&c.partner, &c.partner_name),
                        c.year.to_string(),
                        self.show(&c.stock),
                        self.show(&c.share),
                    ]
                })
                .collect();
            let head =
                ["col-country", "col-year", "col-persons", "col-share"].map(|k| self.text(k));
            table(out, &head.each_ref().map(String::as_str), &rows)?;
        }
        Ok(())
    }

    fn flows(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        writeln!(out, "\n{}", self.text("profile-flows"))?;
        if p.estimated_flows.is_empty() {
            writeln!(out, "  {}", self.text("profile-flows-none"))?;
            return Ok(());
        }
        let rows: Vec<Vec<String>> = p
            .estimated_flows
            .iter()
            .map(|f| {
                let source = self.msg.format(
                    "profile-flow-source",
                    &[
                        ("dataset", f.inflow.source.dataset.as_str().into()),
                        ("import", Arg::plain(f.inflow.source.dataset_id)),
                    ],
                );
                vec![
                    format!("{}–{}", f.period_start, f.period_end),
                    f.method.clone(),
                    self.show(&f.inflow),
                    self.show(&f.outflow),
                    self.show(&f.net),
                    source,
                ]
            })
            .collect();
        let head = [
            "col-period",
            "col-method",
            "col-inflow-persons",
            "col-outflow",
            "col-net",
            "col-source",
        ]
        .map(|k| self.text(k));
        Ok(table(out, &head.each_ref().map(String::as_str), &rows)?)
    }

    fn economy(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        writeln!(out, "\n{}", self.text("profile-economy"))?;
        let series = [
            &p.population,
            &p.gdp,
            &p.remittances_received,
            &p.remittances_paid,
            &p.sdg_17_3_2,
            &p.remittances_pct_gdp,
        ];
        let mut years: Vec<i32> =
            series[..4].iter().flat_map(|s| s.iter().map(|v| v.year)).collect();
        years.sort_unstable();
        years.dedup();
        if years.is_empty() {
            return Ok(self.no_data(out)?);
        }
        let find = |s: &[YearValue], y: i32| {
            s.iter().find(|v| v.year == y).map_or_else(|| "—".to_owned(), |v| self.show(&v.value))
        };
        let rows: Vec<Vec<String>> = years
            .iter()
            .map(|&y| {
                let mut row = vec![y.to_string()];
                row.extend(series.iter().map(|s| find(s, y)));
                row
            })
            .collect();
        let head = [
            "col-year",
            "col-population",
            "col-gdp-usd",
            "col-received-usd",
            "col-paid-usd",
            "col-sdg-17-3-2-official",
            "col-received-pct-gdp",
        ]
        .map(|k| self.text(k));
        Ok(table(out, &head.each_ref().map(String::as_str), &rows)?)
    }

    fn costs(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        for (key, list) in [("profile-cost-to", &p.costs_to), ("profile-cost-from", &p.costs_from)]
        {
            writeln!(out, "\n{}", self.text(key))?;
            if list.is_empty() {
                self.no_data(out)?;
                continue;
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|c| {
                    let against = if c.cost_pct.value > 5.0 {
                        "profile-cost-above-5"
                    } else if c.cost_pct.value > 3.0 {
                        "profile-cost-above-3"
                    } else {
                        "profile-cost-within-3"
                    };
                    vec![
                        format!(
                            "{} → {}",
                            self.lang.country_name(&c.sender, &c.sender_name),
                            self.lang.country_name(&c.receiver, &c.receiver_name)
                        ),
                        c.year.to_string(),
                        self.show(&c.cost_pct),
                        self.text(against),
                    ]
                })
                .collect();
            let head = ["col-corridor", "col-year", "col-cost", "col-against-target"]
                .map(|k| self.text(k));
            table(out, &head.each_ref().map(String::as_str), &rows)?;
        }
        Ok(())
    }

    /// Labelled lines, the labels padded to one width.
    fn lines(&self, out: &mut dyn Write, lines: &[(String, String)]) -> std::io::Result<()> {
        let width = lines.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
        for (label, value) in lines {
            let pad = width - label.chars().count();
            writeln!(out, "  {label}{}  {value}", " ".repeat(pad))?;
        }
        Ok(())
    }

    fn skills(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        writeln!(out, "\n{}", self.text("profile-skills"))?;
        let status = |s: &Option<analysis::profile::Status>| {
            s.as_ref().map_or_else(
                || "—".to_owned(),
                |s| format!("{} ({})", self.text(if s.yes { "yes" } else { "no" }), s.detail),
            )
        };
        let lines = [
            ("profile-skilled-rate", self.latest(p.skilled_emigration_rate.as_ref())),
            ("profile-health-rate", self.latest(p.health_worker_emigration_rate.as_ref())),
            ("profile-physicians", self.latest(p.physicians_per_1000.as_ref())),
            ("profile-who-list", status(&p.who_safeguards_list)),
            ("profile-icmw", status(&p.icmw)),
        ]
        .map(|(k, v)| (self.text(k), v));
        Ok(self.lines(out, &lines)?)
    }
}

impl Tables {
    /// A framework score: percent, exact fraction when not whole, band.
    fn score(&self, s: Option<&analysis::assess::Score>) -> String {
        let Some(s) = s else { return self.text("profile-not-computed") };
        let exact = if s.percent_exact.denom() == 1 {
            String::new()
        } else {
            let exact = s.percent_exact.to_string();
            format!(" ({})", self.msg.format("profile-exactly", &[("value", exact.into())]))
        };
        let band = s.band.as_ref().map_or(String::new(), |b| format!(", {} {}", b.code, b.label));
        format!("{}{exact}{band}", i18n::number::decimal(self.lang, s.percent, 2))
    }

    fn assessments(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        use analysis::assess::FrameworkKind;
        writeln!(out, "\n{}", self.text("profile-assessments"))?;
        if p.assessments.is_empty() {
            writeln!(out, "  {}", self.text("profile-none-stored"))?;
        }
        for a in &p.assessments {
            writeln!(out, "  {} ({})", a.framework_title, a.framework)?;
            if let Some(adaptation) = &a.adaptation {
                let line = self.msg.format("profile-note", &[("note", adaptation.as_str().into())]);
                writeln!(out, "    {line}")?;
            }
            let prov = &a.answers;
            let line = self.msg.format(
                "profile-answers",
                &[
                    ("version", Arg::plain(prov.version)),
                    ("file", prov.file.as_str().into()),
                    ("at", prov.stored_at.as_str().into()),
                    ("user", prov.stored_by.as_str().into()),
                    ("reason", prov.reason.as_str().into()),
                ],
            );
            writeln!(out, "    {line}")?;
            if a.kind == FrameworkKind::Scored {
                let overall = self.score(a.overall.as_ref());
                let line = self.msg.format("profile-overall", &[("score", overall.into())]);
                writeln!(out, "    {line}")?;
            }
            let width = a.domains.iter().map(|d| d.title.chars().count()).max().unwrap_or(0);
            for d in &a.domains {
                let text = match a.kind {
                    FrameworkKind::Scored => self.score(d.score.as_ref()),
                    FrameworkKind::Checklist => d
                        .tally
                        .iter()
                        .map(|t| format!("{} {}", t.count, t.label.to_lowercase()))
                        .collect::<Vec<_>>()
                        .join(", "),
                };
                writeln!(out, "    {:<4} {:<width$}  {text}", d.id, d.title)?;
            }
            if !a.unanswered.is_empty() {
                let list = a.unanswered.join(", ");
                let line = self.msg.format("profile-unanswered", &[("items", list.into())]);
                writeln!(out, "    {line}")?;
            }
        }
        Ok(())
    }

    fn indicators(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        writeln!(out, "\n{}", self.text("profile-indicators"))?;
        let lines = [
            ("profile-emigration-rate", self.latest(p.emigration_rate.last())),
            ("profile-net-migration", self.latest(p.net_migration.last())),
            ("profile-sdg-17-3-2", self.latest(p.sdg_17_3_2.last())),
            ("profile-received-pct-gdp", self.latest(p.remittances_pct_gdp.last())),
        ]
        .map(|(k, v)| (self.text(k), v));
        self.lines(out, &lines)?;
        if !p.remittances_pct_gdp_groups.is_empty() {
            writeln!(out, "  {}", self.text("profile-groups-recomputed"))?;
        }
        for g in &p.remittances_pct_gdp_groups {
            let detail = self.msg.format(
                "profile-group-members",
                &[
                    ("year", Arg::plain(g.year)),
                    ("with_data", g.n_with_data.into()),
                    ("members", g.n_members.into()),
                ],
            );
            writeln!(out, "    {:<28}  {} ({detail})", g.name, self.show(&g.value))?;
        }
        self.cost_summaries(out, p)?;
        self.concentrations(out, p)
    }

    fn cost_summaries(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        for (key, summary) in [
            ("profile-cost-to-summary", &p.cost_to_summary),
            ("profile-cost-from-summary", &p.cost_from_summary),
        ] {
            let Some(c) = summary else { continue };
            let side = if c.gap_to_3_pct.value >= 0.0 { "above" } else { "below" };
            let line = self.msg.format(
                key,
                &[
                    ("average", self.show(&c.average_pct).into()),
                    ("corridors", c.n_corridors.into()),
                    ("year", Arg::plain(c.year)),
                    ("share_above_5", self.show(&c.share_above_5_pct).into()),
                    ("gap", Arg::Number(c.gap_to_3_pct.value.abs(), 2)),
                    ("side", side.into()),
                ],
            );
            writeln!(out, "  {line}")?;
        }
        Ok(())
    }

    fn concentrations(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        for (key, c) in [
            ("profile-concentration-destinations", &p.destination_concentration),
            ("profile-concentration-senders", &p.sender_concentration),
        ] {
            let Some(c) = c else { continue };
            let line = self.msg.format(
                key,
                &[
                    ("index", Arg::Number(c.index.value, 3)),
                    ("partners", c.n_partners.into()),
                    ("year", Arg::plain(c.year)),
                ],
            );
            writeln!(out, "  {line}")?;
        }
        Ok(())
    }

    fn register(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        if let Some(g) = &p.group {
            let line = self.msg.format(
                "profile-members",
                &[("group", g.group.name.as_str().into()), ("count", g.members.len().into())],
            );
            writeln!(out, "\n{line}: {}", g.members.join(", "))?;
        }
        let line = self.msg.format("profile-register", &[("count", p.policies.len().into())]);
        writeln!(out, "\n{line}")?;
        if p.policies.is_empty() {
            return Ok(());
        }
        let rows: Vec<Vec<String>> = p
            .policies
            .iter()
            .map(|x| {
                vec![
                    x.id.clone(),
                    x.ministry.clone(),
                    x.title.clone(),
                    x.stages.join(", "),
                    x.status.clone(),
                    self.change_text(x),
                ]
            })
            .collect();
        let head =
            ["col-id", "col-ministry", "col-title", "col-stages", "col-status", "col-change"]
                .map(|k| self.text(k));
        Ok(table(out, &head.each_ref().map(String::as_str), &rows)?)
    }

    /// "edited 2026-11-28 by ana: REASON (status: active → suspended)", or nothing for
    /// a policy as imported.
    fn change_text(&self, p: &analysis::profile::PolicySummary) -> String {
        let Some(c) = &p.last_change else { return String::new() };
        let date = c.at.get(..10).unwrap_or(&c.at);
        let key = if c.action == analysis::register::AuditAction::Edit {
            "profile-change-edited"
        } else {
            "profile-change-imported"
        };
        let fields: Vec<String> =
            c.fields.iter().map(|f| format!("{}: {} → {}", f.field, f.old, f.new)).collect();
        let fields =
            if fields.is_empty() { String::new() } else { format!(" ({})", fields.join("; ")) };
        let args = [
            ("date", date.into()),
            ("user", c.user.as_str().into()),
            ("reason", c.reason.as_str().into()),
        ];
        format!("{}{fields}", self.msg.format(key, &args))
    }

    fn gaps(&self, out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
        if p.gaps.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{}", self.text("profile-gaps"))?;
        for gap in &p.gaps {
            writeln!(out, "  - {}", gap.said.in_lang(self.lang))?;
            if let Some(fill) = &gap.fill {
                writeln!(out, "      {}", crate::output::fill_command(fill, &p.area.iso3))?;
            }
        }
        Ok(())
    }
}
