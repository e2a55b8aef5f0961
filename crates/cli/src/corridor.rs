//! `coherence corridor`: the corridor checks of one corridor, or of every corridor.

use std::io::Write;

use analysis::corridor::{CorridorReport, Reason};
use clap::Args;

use crate::args::{Format, Global};
use crate::commands::{Error, open_read};

/// Arguments of `coherence corridor`.
#[derive(Debug, Args)]
pub(crate) struct CorridorArgs {
    /// The origin: ISO alpha-3 code, M49 code or name.
    #[arg(required_unless_present = "all")]
    origin: Option<String>,
    /// The destination: ISO alpha-3 code, M49 code or name.
    #[arg(required_unless_present = "all")]
    destination: Option<String>,
    /// Check every corridor with a migrant stock in the store, largest first.
    #[arg(long, conflicts_with_all = ["origin", "destination"])]
    all: bool,
    /// Use the rules of this file instead of the built-in ones (the layout of
    /// rules/corridor-rules.toml, described in docs/register.md).
    #[arg(long, value_name = "FILE")]
    rules: Option<std::path::PathBuf>,
}

pub(crate) async fn run(global: &Global, args: CorridorArgs) -> Result<(), Error> {
    let ws = open_read(global).await?;
    let rules = args.rules.as_deref().map(crate::files::document).transpose()?;
    let reports = if args.all {
        ws.corridors_all(rules.as_ref()).await?
    } else {
        let (Some(o), Some(d)) = (&args.origin, &args.destination) else {
            return Err("give ORIGIN and DESTINATION, or --all".into());
        };
        vec![ws.corridor(o, d, rules.as_ref()).await?]
    };
    let mut out = crate::output::stdout(global.format);
    match global.format {
        Format::Json => {
            if args.all {
                writeln!(out, "{}", serde_json::to_string_pretty(&reports)?)?;
            } else {
                writeln!(out, "{}", serde_json::to_string_pretty(&reports[0])?)?;
            }
        }
        Format::Csv => csv_rows(&mut out, &reports)?,
        Format::Table if args.all => all_lines(&mut out, &reports)?,
        Format::Table => text(&mut out, &reports[0])?,
    }
    Ok(())
}

/// One line per corridor, then the totals: findings, and the rules not evaluated by
/// reason.
fn all_lines(out: &mut dyn Write, reports: &[CorridorReport]) -> Result<(), Error> {
    let (mut findings, mut no_register, mut no_data) = (0, 0, 0);
    for r in reports {
        let ids: Vec<&str> = r.findings.iter().map(|f| f.rule_id.as_str()).collect();
        findings += ids.len();
        let count = |reason| r.unevaluated.iter().filter(|u| u.reason == reason).count();
        let (reg, data) = (count(Reason::NoRegister), count(Reason::NoData));
        no_register += reg;
        no_data += data;
        let mut line = format!(
            "{} → {}: {} finding(s){}",
            r.origin.iso3,
            r.destination.iso3,
            ids.len(),
            if ids.is_empty() { String::new() } else { format!(": {}", ids.join(", ")) }
        );
        if reg > 0 {
            line.push_str(&format!(
                "; {reg} rule(s) not evaluated: {}",
                missing_registers(r).join("; ")
            ));
        }
        if data > 0 {
            line.push_str(&format!("; {data} rule(s) not evaluated: lack data"));
        }
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "\n{} corridor(s), {findings} finding(s); rules not evaluated: {no_register} for lack \
         of a register, {no_data} for lack of data",
        reports.len()
    )?;
    Ok(())
}

/// "no register for Nepal (NPL)", once per country whose register a rule needed.
fn missing_registers(r: &CorridorReport) -> Vec<String> {
    let mut list: Vec<String> = Vec::new();
    for c in r.unevaluated.iter().flat_map(|u| &u.missing_registers) {
        let s = format!("no register for {} ({})", c.name, c.iso3);
        if !list.contains(&s) {
            list.push(s);
        }
    }
    list
}

/// "3 of 6 rules fired", and how many were not evaluated.
fn fired(r: &CorridorReport) -> String {
    let mut s = format!("{} of {} rules fired", r.findings.len(), r.rules_checked);
    if !r.unevaluated.is_empty() {
        s.push_str(&format!("; {} not evaluated", r.unevaluated.len()));
    }
    s
}

fn text(out: &mut dyn Write, r: &CorridorReport) -> Result<(), Error> {
    if let Some(n) = &r.fictional_notice {
        writeln!(out, "{n}\n")?;
    }
    writeln!(
        out,
        "Corridor {} ({}) → {} ({}): {}",
        r.origin.name,
        r.origin.iso3,
        r.destination.name,
        r.destination.iso3,
        fired(r)
    )?;
    figures(out, r)?;
    for f in &r.findings {
        writeln!(out, "\n[{}] {} — {} ({} level)", f.severity, f.rule_id, f.title, f.level)?;
        for p in &f.policies {
            writeln!(out, "  policy     {} {} ({}): {}", p.id, p.title, p.status, p.why)?;
        }
        for a in &f.attributes {
            writeln!(
                out,
                "  country    {} [{}]",
                a.statement,
                a.source.cell.as_deref().unwrap_or("")
            )?;
        }
        for d in &f.data {
            writeln!(
                out,
                "  data       {} = {} {} in {} ({}) [{}]",
                d.what,
                d.value,
                d.unit,
                d.year,
                test(d),
                cited(&d.source)
            )?;
        }
        for a in &f.absences {
            writeln!(out, "  missing    {a}")?;
        }
        for p in &f.near_misses {
            writeln!(out, "  near miss  {} {}: {}", p.id, p.title, p.why)?;
        }
        for d in &f.context {
            writeln!(out, "  context    {} = {} {} in {}", d.what, d.value, d.unit, d.year)?;
        }
        writeln!(out, "  source     {}", f.source)?;
    }
    for u in &r.unevaluated {
        writeln!(out, "\nnot evaluated: {} — {}", u.rule_id, u.why)?;
    }
    writeln!(out, "\nCoverage")?;
    let mut both = true;
    for c in &r.coverage.countries {
        if !c.register {
            both = false;
            writeln!(out, "  {} ({}): no register loaded", c.country.name, c.country.iso3)?;
            continue;
        }
        writeln!(
            out,
            "  {} ({}): areas without an active policy: {}; stages without one: {}",
            c.country.name,
            c.country.iso3,
            list(&c.missing_areas),
            list(&c.missing_stages)
        )?;
    }
    if both {
        writeln!(
            out,
            "  between the two countries, stages without a corridor policy: {}",
            list(&r.coverage.corridor_gaps)
        )?;
    } else {
        writeln!(out, "  between the two countries: not known without both registers")?;
    }
    for p in &r.unintended {
        writeln!(
            out,
            "  helps development without intending to: {} {} ({})",
            p.id, p.title, p.country
        )?;
    }
    Ok(())
}

/// The corridor's figures, latest year each, with their source; "none" when the store
/// holds none.
fn figures(out: &mut dyn Write, r: &CorridorReport) -> Result<(), Error> {
    writeln!(out, "\nFigures")?;
    if r.figures.is_empty() {
        writeln!(out, "  none in the store")?;
    }
    for d in &r.figures {
        let value = crate::output::thousands(d.value);
        let cited = cited(&d.source);
        writeln!(out, "  {} = {value} {} in {} [{cited}]", d.what, d.unit, d.year)?;
    }
    Ok(())
}

/// Where a value comes from: its dataset and cell, or how it was derived (a fiscal
/// year summed from monthly tables has no one cell).
fn cited(s: &analysis::profile::Source) -> String {
    match (&s.cell, &s.derivation) {
        (Some(cell), _) => format!("{}, {cell}", s.dataset),
        (None, Some(how)) => format!("{}; {how}", s.dataset),
        (None, None) => s.dataset.clone(),
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() { "none".to_owned() } else { items.join(", ") }
}

fn csv_rows(out: &mut dyn Write, reports: &[CorridorReport]) -> Result<(), Error> {
    let mut w = crate::output::SafeCsv::new(out);
    w.write_record([
        "origin",
        "destination",
        "rule_id",
        "severity",
        "level",
        "evidence",
        "ref",
        "detail",
    ])?;
    for r in reports {
        for d in &r.figures {
            let detail = format!("{} {} in {} [{}]", d.value, d.unit, d.year, cited(&d.source));
            w.write_record([
                r.origin.iso3.as_str(),
                r.destination.iso3.as_str(),
                "",
                "",
                "",
                "figure",
                d.what.as_str(),
                detail.as_str(),
            ])?;
        }
        for f in &r.findings {
            let mut row = |kind: &str, reference: &str, detail: String| {
                w.write_record([
                    r.origin.iso3.as_str(),
                    r.destination.iso3.as_str(),
                    f.rule_id.as_str(),
                    f.severity.as_str(),
                    f.level.as_str(),
                    kind,
                    reference,
                    detail.as_str(),
                ])
            };
            for p in &f.policies {
                row("policy", &p.id, p.why.text.clone())?;
            }
            for a in &f.attributes {
                row("attribute", &a.attribute, a.statement.text.clone())?;
            }
            for d in &f.data {
                row(
                    "data",
                    &d.what,
                    format!("{} {} in {} ({})", d.value, d.unit, d.year, test(d)),
                )?;
            }
            for a in &f.absences {
                row("absence", "", a.text.clone())?;
            }
        }
        for u in &r.unevaluated {
            w.write_record([
                r.origin.iso3.as_str(),
                r.destination.iso3.as_str(),
                u.rule_id.as_str(),
                "",
                "",
                "not-evaluated",
                u.reason.as_str(),
                u.why.text.as_str(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

/// The test a datum passed, in English (empty for context).
fn test(d: &analysis::corridor::DataEvidence) -> &str {
    d.test.as_ref().map_or("", |t| t.text.as_str())
}
