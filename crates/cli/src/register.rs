//! `coherence register`: import, export, list and edit the policy register, and read
//! its audit log.

use std::io::Write;
use std::path::PathBuf;

use analysis::register::{FieldEdit, RegisterEntry, RegisterFileFormat, RegisterLayer};
use clap::{Args, Subcommand, ValueEnum};
use domain::policy::join_list;

use crate::args::{Format, Global};
use crate::commands::{Error, open, open_read};
use crate::output;

/// Arguments of `coherence register`.
#[derive(Debug, Args)]
pub(crate) struct RegisterArgs {
    #[command(subcommand)]
    action: RegisterAction,
}

#[derive(Debug, Subcommand)]
enum RegisterAction {
    /// Import a register file (.toml or .csv) into the register; each new or changed
    /// policy is recorded in the audit log. A malformed file is refused with its line
    /// and field, and nothing is stored.
    #[command(
        after_help = "Examples:\n  coherence register import pelaria-register.toml --reason \"2026 review\"\n  \
                            coherence register import policies.csv --user analyst"
    )]
    Import {
        /// The register file.
        file: PathBuf,
        /// Who makes the change (default: $USER).
        #[arg(long, env = "USER", value_name = "NAME")]
        user: Option<String>,
        /// Why (default: "import of FILE").
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
    },
    /// Write the effective register (imported policies with edits) as TOML, CSV or an
    /// Excel workbook. In CSV and Excel, text that a spreadsheet would take for a formula
    /// stays text (a CSV field gets a `'` before it, which `register import` removes).
    #[command(
        after_help = "Examples:\n  coherence register export --country XAA -o pelaria.toml\n  \
                            coherence register export --to csv > register.csv\n  \
                            coherence register export --country XAA -o pelaria.xlsx"
    )]
    Export {
        /// Only this country's policies (code, M49 code or name).
        #[arg(long)]
        country: Option<String>,
        /// The file layout (default: from the output file's extension, else TOML).
        #[arg(long, value_enum)]
        to: Option<FileFormat>,
        /// The output file (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the effective register.
    #[command(
        after_help = "Examples:\n  coherence register list --country XAB\n  coherence register list --format json"
    )]
    List {
        /// Only this country's policies (code, M49 code or name).
        #[arg(long)]
        country: Option<String>,
    },
    /// Edit fields of one policy, as one transaction recorded in the audit log with who,
    /// when, why, and each field's old and new value. A reason is required.
    #[command(after_help = "Examples:\n  \
        coherence register edit XAB-HEA-01 --set status=suspended --reason \"Recruitment drive paused\"\n  \
        coherence register edit XAA-FIN-01 --set end_year=2026 --set tags-=revenue --reason \"Levy repealed\"\n  \
        coherence register edit XAB-LAB-01 --set tags+=social-security-portability --reason \"Agreement signed\" --user m.ortiz\n\n\
        Fields: ministry, title, instrument, stages, area, partners, target_groups, status, start_year,\n\
        end_year, objectives, tags, source. Lists take items separated by ';'; field+=item adds,\n\
        field-=item removes.")]
    Edit {
        /// The policy's id.
        id: String,
        /// The policy's country, when several countries use the id.
        #[arg(long)]
        country: Option<String>,
        /// A change: field=value, field+=item or field-=item (repeatable).
        #[arg(long = "set", value_name = "FIELD=VALUE", required = true)]
        sets: Vec<String>,
        /// Why the change is made (required).
        #[arg(long, value_name = "TEXT", required = true)]
        reason: String,
        /// Who makes the change (default: $USER).
        #[arg(long, env = "USER", value_name = "NAME")]
        user: Option<String>,
    },
    /// Show the audit log: who changed what, when and why.
    #[command(
        after_help = "Examples:\n  coherence register log\n  coherence register log XAB-HEA-01 --format json"
    )]
    Log {
        /// Only this policy's changes.
        id: Option<String>,
    },
}

/// Register file layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FileFormat {
    /// `[[policy]]` tables.
    Toml,
    /// One row per policy; lists separated by ';'.
    Csv,
    /// An Excel workbook: the CSV's columns, years as numbers (needs -o FILE).
    Xlsx,
}

impl RegisterArgs {
    /// Whether the action writes `--format xlsx` (`register export`).
    pub(crate) fn writes_xlsx(&self) -> bool {
        matches!(self.action, RegisterAction::Export { .. })
    }
}

/// The user named by `--user` or `$USER`, refusing an empty one.
pub(crate) fn user_of(user: Option<String>) -> Result<String, Error> {
    user.filter(|u| !u.trim().is_empty())
        .ok_or_else(|| "no user given; pass --user NAME or set $USER".into())
}

pub(crate) async fn run(global: &Global, args: RegisterArgs) -> Result<(), Error> {
    let ws = match args.action {
        RegisterAction::Import { .. } | RegisterAction::Edit { .. } => open(global).await?,
        RegisterAction::Export { .. }
        | RegisterAction::List { .. }
        | RegisterAction::Log { .. } => open_read(global).await?,
    };
    let mut out = crate::output::stdout(global.format);
    match args.action {
        RegisterAction::Import { file, user, reason } => {
            let user = user_of(user)?;
            let file = crate::files::document(&file)?;
            let s = ws.register_import(&file, &user, reason.as_deref()).await?;
            match global.format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&s)?)?,
                _ => writeln!(
                    out,
                    "{}: {} policies read; {} added, {} changed, {} unchanged",
                    s.file, s.read, s.added, s.changed, s.unchanged
                )?,
            }
        }
        RegisterAction::Export { country, to, output } => {
            let by_name = output.as_ref().and_then(|p| p.extension()).and_then(|e| {
                match e.to_string_lossy().to_ascii_lowercase().as_str() {
                    "csv" => Some(FileFormat::Csv),
                    "toml" => Some(FileFormat::Toml),
                    "xlsx" => Some(FileFormat::Xlsx),
                    _ => None,
                }
            });
            let asked = if global.xlsx() { Some(FileFormat::Xlsx) } else { to.or(by_name) };
            let format = match asked.unwrap_or(FileFormat::Toml) {
                FileFormat::Toml => RegisterFileFormat::Toml,
                FileFormat::Csv => RegisterFileFormat::Csv,
                FileFormat::Xlsx => {
                    let path = output::xlsx_path(output.as_deref())?;
                    let list = ws.register_list(country.as_deref()).await?;
                    return crate::sheets::write(path, &crate::sheets::register(&list));
                }
            };
            let text = ws.register_export(country.as_deref(), format).await?;
            match output {
                Some(path) => crate::outfile::write_file(&path, text.as_bytes())?,
                None => out.write_all(text.as_bytes())?,
            }
        }
        RegisterAction::List { country } => {
            let list = ws.register_list(country.as_deref()).await?;
            list_entries(&mut out, &list, global.format)?;
        }
        RegisterAction::Edit { id, country, sets, reason, user } => {
            let user = user_of(user)?;
            let edits = sets.iter().map(|s| FieldEdit::parse(s)).collect::<Result<Vec<_>, _>>()?;
            let changes = ws.register_edit(&id, country.as_deref(), &edits, &user, &reason).await?;
            match global.format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&changes)?)?,
                _ if changes.is_empty() => writeln!(out, "{id}: nothing changed")?,
                _ => {
                    for c in &changes {
                        writeln!(out, "{id}: {} {:?} → {:?}", c.field, c.old, c.new)?;
                    }
                }
            }
        }
        RegisterAction::Log { id } => {
            let log = ws.register_audit(id.as_deref()).await?;
            match global.format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&log)?)?,
                Format::Csv => {
                    let mut w = crate::output::SafeCsv::new(&mut out);
                    w.write_record([
                        "seq",
                        "at",
                        "user",
                        "reason",
                        "country",
                        "policy_id",
                        "action",
                        "field",
                        "old_value",
                        "new_value",
                    ])?;
                    for a in &log {
                        w.write_record([
                            a.seq.to_string(),
                            a.at.clone(),
                            a.user.clone(),
                            a.reason.clone(),
                            a.country.clone(),
                            a.policy_id.clone(),
                            a.action.as_str().to_owned(),
                            a.field.clone().unwrap_or_default(),
                            a.old_value.clone().unwrap_or_default(),
                            a.new_value.clone().unwrap_or_default(),
                        ])?;
                    }
                    w.flush()?;
                }
                Format::Table => {
                    let rows: Vec<Vec<String>> = log
                        .iter()
                        .map(|a| {
                            vec![
                                a.at.clone(),
                                a.user.clone(),
                                format!("{} {}", a.country, a.policy_id),
                                a.action.as_str().to_owned(),
                                a.field.clone().unwrap_or_default(),
                                a.old_value.clone().unwrap_or_default(),
                                a.new_value.clone().unwrap_or_default(),
                                a.reason.clone(),
                            ]
                        })
                        .collect();
                    output::plain_table(
                        &mut out,
                        &["when", "who", "policy", "action", "field", "old", "new", "why"],
                        &rows,
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn list_entries(out: &mut dyn Write, list: &[RegisterEntry], format: Format) -> Result<(), Error> {
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(list)?)?,
        Format::Csv => {
            let mut w = crate::output::SafeCsv::new(out);
            w.write_record([
                "layer",
                "id",
                "country",
                "ministry",
                "title",
                "instrument",
                "stages",
                "area",
                "partners",
                "target_groups",
                "status",
                "start_year",
                "end_year",
                "tags",
            ])?;
            for e in list {
                let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
                w.write_record([
                    e.layer.as_str().to_owned(),
                    e.id.clone(),
                    e.country.clone(),
                    e.ministry.clone(),
                    e.title.clone(),
                    e.instrument.clone(),
                    join_list(e.stages.iter().map(String::as_str)),
                    e.area.clone(),
                    join_list(e.partners.iter().map(String::as_str)),
                    join_list(e.target_groups.iter().map(String::as_str)),
                    e.status.clone(),
                    year(e.start_year),
                    year(e.end_year),
                    join_list(e.tags.iter().map(String::as_str)),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|e| {
                    vec![
                        e.id.clone(),
                        e.status.clone(),
                        e.area.clone(),
                        e.stages.join(", "),
                        e.partners.join(", "),
                        e.title.clone(),
                        if e.layer == RegisterLayer::Imported {
                            String::new()
                        } else {
                            e.layer.as_str().to_owned()
                        },
                    ]
                })
                .collect();
            output::plain_table(
                out,
                &["id", "status", "area", "stages", "partners", "title", "layer"],
                &rows,
            )?;
        }
    }
    Ok(())
}
