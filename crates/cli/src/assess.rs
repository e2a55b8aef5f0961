//! `coherence assess` (score a framework's questionnaire) and `coherence matrix`
//! (cross-impact matrix metrics and exports).

use std::io::Write;
use std::path::{Path, PathBuf};

use analysis::assess::{
    AnswersProvenance, Assessment, FrameworkKind, FrameworkSource, MatrixReport, MetricsOptions,
    NonResponse, SecondOrderScale, SelfPaths, SignConvention, StoredAssessment, render,
};
use clap::{Args, Subcommand, ValueEnum};

use crate::args::{Format, Global};
use crate::commands::{Error, open, open_read};

/// The examples shown by `coherence assess --help`.
pub(crate) const ASSESS_EXAMPLES: &str = "\
Examples:
  coherence assess --answers examples/pelaria-sdg-10.7.2.csv
  coherence assess XAA --answers examples/pelaria-sdg-10.7.2.csv --format json
  coherence assess XAA --answers examples/pelaria-sdg-10.7.2.csv --store --reason \"2025 Inquiry\"
  coherence assess XAA                      (scores the answers stored for XAA)
  coherence assess XAA --history            (every stored version: file, when, who, why)
  coherence assess XAA --stored-version 1
  coherence assess XAB --framework pcmd-destination --answers examples/brevmark-pcmd-destination.csv
  coherence assess --framework-file my-framework.toml --answers answers.csv
  coherence assess --list

Answers are a CSV file of item,answer rows (SDG 10.7.2: items 1a ... 6e; answers yes/no,
and in domain 1 yes-all / yes-regular-only / no; no-response or an empty answer leaves an
item unanswered). Built-in frameworks: sdg-10.7.2 (exact), pcmd-origin, pcmd-destination
and mgi-checklist (Coherence's adaptations). --store keeps the answers for the country as
a new version (the same answers again change nothing); profiles and briefs show them.
See docs/assessment.md.";

/// The examples shown by `coherence matrix --help`.
pub(crate) const MATRIX_EXAMPLES: &str = "\
Examples:
  coherence matrix metrics examples/pelaria-brevmark-matrix.csv
  coherence matrix metrics examples/pelaria-brevmark-matrix.csv --sign-convention negative-dominant
  coherence matrix metrics examples/pelaria-brevmark-matrix.csv --second-order raw --include-self-paths
  coherence matrix metrics examples/pelaria-brevmark-matrix.csv --format csv > metrics.csv
  coherence matrix export examples/pelaria-brevmark-matrix.csv --to graphml -o matrix.graphml

The file has columns assessor,from,to,score,confidence,rationale,evidence; scores are on the
Nilsson scale -3 (cancelling) ... +3 (indivisible). Cells are the median over assessors
(the mean of the two middle scores for an even number). Second-order paths i -> j -> k count
their product divided by 3 and leave out paths back to the start (i -> j -> i); the raw
matrix square S^2 is --second-order raw --include-self-paths. See docs/assessment.md.";

#[derive(Debug, Args)]
pub(crate) struct AssessArgs {
    /// The country the answers describe (code, M49 code or name). Without --answers, the
    /// answers stored for it are scored.
    pub(crate) country: Option<String>,
    /// A built-in framework: sdg-10.7.2, pcmd-origin, pcmd-destination, mgi-checklist.
    #[arg(long, value_name = "ID", conflicts_with = "framework_file")]
    pub(crate) framework: Option<String>,
    /// A framework file of your own (TOML; see docs/assessment.md).
    #[arg(long, value_name = "PATH")]
    pub(crate) framework_file: Option<PathBuf>,
    /// The questionnaire's answers: a CSV file of item,answer rows.
    #[arg(long, value_name = "FILE.csv")]
    pub(crate) answers: Option<PathBuf>,
    /// Store the answers for COUNTRY as a new version (built-in frameworks only); the
    /// same answers as the latest version change nothing.
    #[arg(long, requires = "answers", conflicts_with = "framework_file")]
    pub(crate) store: bool,
    /// Why the answers are stored (default: "answers from FILE").
    #[arg(long, value_name = "TEXT", requires = "store")]
    pub(crate) reason: Option<String>,
    /// Who stores the answers (default: $USER).
    #[arg(long, env = "USER", value_name = "NAME")]
    pub(crate) user: Option<String>,
    /// List every stored version of COUNTRY's answers: file, when, who and why.
    #[arg(long, conflicts_with_all = ["answers", "framework_file", "stored_version"])]
    pub(crate) history: bool,
    /// Score this stored version of COUNTRY's answers instead of the latest.
    #[arg(long, value_name = "N", conflicts_with_all = ["answers", "framework_file"])]
    pub(crate) stored_version: Option<i64>,
    /// List the built-in frameworks and exit.
    #[arg(long, conflicts_with_all = ["answers", "country", "history", "stored_version"])]
    pub(crate) list: bool,
}

#[derive(Debug, Args)]
pub(crate) struct MatrixArgs {
    #[command(subcommand)]
    pub(crate) action: MatrixAction,
}

#[derive(Debug, Subcommand)]
pub(crate) enum MatrixAction {
    /// Influence of each objective (out, in, positive and negative parts, second order,
    /// PageRank on the positive network), the strongest conflicts and disagreements.
    Metrics(MetricsArgs),
    /// Write the aggregated matrix with its metrics as CSV, JSON or GraphML.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub(crate) struct MetricOptionArgs {
    /// How second-order paths i → j → k are signed: algebraic (the plain product: two
    /// negative links make a positive path) or negative-dominant (a path is negative if
    /// either link is).
    #[arg(long, value_enum, default_value_t = SignArg::Algebraic)]
    pub(crate) sign_convention: SignArg,
    /// The scale of a second-order path: divided-by-3 (back on the -3 ... +3 scale: two
    /// +3 links count +3) or raw (the product, up to ±9, as in the matrix square).
    #[arg(long, value_enum, value_name = "SCALE", default_value_t = ScaleArg::DividedBy3)]
    pub(crate) second_order: ScaleArg,
    /// Count second-order paths that return to their start (i → j → i), as the matrix
    /// square does; by default they are left out.
    #[arg(long)]
    pub(crate) include_self_paths: bool,
    /// The earlier spelling of --second-order divided-by-3, now the default.
    #[arg(long, hide = true, conflicts_with = "second_order")]
    pub(crate) divide_by_3: bool,
    /// Cells with a median at or below this are listed as conflicts.
    #[arg(long, default_value_t = -2, allow_negative_numbers = true, value_parser = clap::value_parser!(i8).range(-3..=0))]
    pub(crate) conflict_threshold: i8,
}

#[derive(Debug, Args)]
pub(crate) struct MetricsArgs {
    /// The judgements file (CSV).
    pub(crate) file: PathBuf,
    #[command(flatten)]
    pub(crate) options: MetricOptionArgs,
    /// How many conflicts and disagreements the table shows.
    #[arg(long, default_value_t = 10)]
    pub(crate) top: usize,
    /// Write to this file instead of standard output (required with `--format xlsx`).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

impl MatrixArgs {
    /// Whether the action writes `--format xlsx` (`matrix metrics`).
    pub(crate) fn writes_xlsx(&self) -> bool {
        matches!(self.action, MatrixAction::Metrics(_))
    }
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// The judgements file (CSV).
    pub(crate) file: PathBuf,
    /// The export format.
    #[arg(long, value_enum)]
    pub(crate) to: ExportFormat,
    /// Where to write (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) options: MetricOptionArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SignArg {
    /// s_ij · s_jk.
    Algebraic,
    /// −|s_ij · s_jk| if either link is negative.
    NegativeDominant,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScaleArg {
    /// Each path's product divided by 3.
    #[value(name = "divided-by-3")]
    DividedBy3,
    /// Each path's product as it is.
    Raw,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    /// One row per node with every metric.
    Csv,
    /// One row per judged cell: median, disagreement, rationales, evidence.
    CellsCsv,
    /// The matrix, its cells and metrics.
    Json,
    /// A directed graph for Gephi, yEd, Cytoscape or networkx.
    Graphml,
}

fn read(path: &Path) -> Result<analysis::Input, Error> {
    Ok(crate::files::document(path)?)
}

fn display_name(path: &Path) -> String {
    path.display().to_string()
}

pub(crate) async fn run_assess(global: &Global, args: AssessArgs) -> Result<(), Error> {
    let mut out = crate::output::stdout(global.format);
    if args.list {
        let list = analysis::assess::builtin_frameworks()?;
        match global.format {
            Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?,
            Format::Csv => {
                writeln!(out, "id,kind,domains,items,title,adaptation")?;
                for f in &list {
                    writeln!(
                        out,
                        "{},{},{},{},{},{}",
                        f.id,
                        kind_name(f.kind),
                        f.n_domains,
                        f.n_items,
                        csv_field(&f.title),
                        csv_field(f.adaptation.as_deref().unwrap_or(""))
                    )?;
                }
            }
            Format::Table => {
                for f in &list {
                    writeln!(
                        out,
                        "{:<18} {:<10} {:>2} domains {:>3} items  {}",
                        f.id,
                        kind_name(f.kind),
                        f.n_domains,
                        f.n_items,
                        f.title
                    )?;
                }
            }
        }
        return Ok(());
    }
    if args.history {
        return history(&mut out, global, &args).await;
    }
    let builtin_id = args.framework.as_deref().unwrap_or("sdg-10.7.2");
    let framework = match &args.framework_file {
        Some(path) => analysis::assess::load_framework(FrameworkSource::File(&read(path)?))?,
        None => analysis::assess::load_framework(FrameworkSource::Builtin(builtin_id))?,
    };
    let Some(answers_path) = &args.answers else {
        let Some(country) = &args.country else {
            return Err(
                "give a questionnaire with --answers FILE.csv (item,answer rows), or a COUNTRY \
                 whose answers are stored, or --list"
                    .into(),
            );
        };
        if args.framework_file.is_some() {
            return Err(format!(
                "answers are stored for the built-in frameworks only; score {country}'s answers to \
                 {} with --answers FILE.csv",
                framework.id
            )
            .into());
        }
        let ws = open_read(global).await?;
        let stored = ws.stored_assessment(country, builtin_id, args.stored_version).await?;
        return show_stored(&mut out, global.format, &stored, None);
    };
    let answers = read(answers_path)?;
    if args.store {
        let Some(country) = &args.country else {
            return Err(
                "--store needs the COUNTRY the answers describe: coherence assess COUNTRY \
                        --answers FILE.csv --store"
                    .into(),
            );
        };
        let user = crate::register::user_of(args.user.clone())?;
        let ws = open(global).await?;
        let outcome =
            ws.store_answers(country, builtin_id, &answers, &user, args.reason.as_deref()).await?;
        return show_stored(
            &mut out,
            global.format,
            &outcome.stored,
            Some(outcome.status.as_str()),
        );
    }
    let assessment = analysis::assess::score_answers(&framework, &answers)?;
    match global.format {
        Format::Json => {
            let value = serde_json::json!({
                "country": args.country,
                "answers_file": display_name(answers_path),
                "assessment": assessment,
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        Format::Csv => assessment_csv(&mut out, args.country.as_deref(), &assessment)?,
        Format::Table => {
            let answers = answers_path.display().to_string();
            assessment_table(&mut out, args.country.as_deref(), &answers, &assessment)?;
        }
    }
    Ok(())
}

/// Shows a stored version's score and where its answers come from; `status` is set
/// when the answers were just stored (`added` or `unchanged`).
fn show_stored(
    out: &mut impl Write,
    format: Format,
    stored: &StoredAssessment,
    status: Option<&str>,
) -> Result<(), Error> {
    let p = &stored.answers;
    match format {
        Format::Json => {
            let mut value = serde_json::json!({
                "country": p.country,
                "answers_file": p.file,
                "answers": p,
                "assessment": stored.assessment,
            });
            if let Some(status) = status {
                value["status"] = serde_json::Value::from(status);
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        Format::Csv => assessment_csv(out, Some(&p.country), &stored.assessment)?,
        Format::Table => {
            match status {
                Some("unchanged") => writeln!(
                    out,
                    "Unchanged: the same answers are already stored as version {} (nothing written).\n",
                    p.version
                )?,
                Some(_) => writeln!(out, "Stored as version {}.\n", p.version)?,
                None => {}
            }
            assessment_table(out, Some(&p.country), &provenance_text(p), &stored.assessment)?;
        }
    }
    Ok(())
}

fn provenance_text(p: &AnswersProvenance) -> String {
    format!(
        "version {}, from {}, stored {} by {} ({})",
        p.version, p.file, p.stored_at, p.stored_by, p.reason
    )
}

/// `coherence assess COUNTRY --history`: every stored version.
async fn history(out: &mut impl Write, global: &Global, args: &AssessArgs) -> Result<(), Error> {
    let Some(country) = &args.country else {
        return Err("--history needs a COUNTRY: coherence assess COUNTRY --history".into());
    };
    let ws = open_read(global).await?;
    let list = ws.answer_history(country, args.framework.as_deref()).await?;
    match global.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?,
        Format::Csv => {
            let mut w = crate::output::SafeCsv::new(out);
            w.write_record([
                "country",
                "framework",
                "version",
                "file",
                "sha256",
                "stored_at",
                "stored_by",
                "reason",
                "answers",
            ])?;
            for p in &list {
                w.write_record([
                    p.country.clone(),
                    p.framework.clone(),
                    p.version.to_string(),
                    p.file.clone(),
                    p.sha256.clone(),
                    p.stored_at.clone(),
                    p.stored_by.clone(),
                    p.reason.clone(),
                    p.n_answers.to_string(),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            if list.is_empty() {
                writeln!(
                    out,
                    "No answers are stored for {country}; store them with coherence assess \
                     {country} --answers FILE.csv --store"
                )?;
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|p| {
                    vec![
                        p.framework.clone(),
                        p.version.to_string(),
                        p.stored_at.clone(),
                        p.stored_by.clone(),
                        p.file.clone(),
                        p.n_answers.to_string(),
                        p.reason.clone(),
                    ]
                })
                .collect();
            if !rows.is_empty() {
                crate::output::plain_table(
                    out,
                    &["framework", "version", "stored", "by", "file", "answers", "why"],
                    &rows,
                )?;
            }
        }
    }
    Ok(())
}

fn kind_name(kind: FrameworkKind) -> &'static str {
    match kind {
        FrameworkKind::Scored => "scored",
        FrameworkKind::Checklist => "checklist",
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// A percentage for people: up to two decimals, trailing zeros dropped.
fn percent_text(p: f64) -> String {
    let s = format!("{p:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn score_text(score: Option<&analysis::assess::Score>) -> (String, String) {
    match score {
        None => ("—".into(), String::new()),
        Some(s) => {
            let exact = if s.percent_exact.denom() == 1 {
                String::new()
            } else {
                format!(" (exactly {})", s.percent_exact)
            };
            let band = s.band.as_ref().map_or(String::new(), |b| format!("{} {}", b.code, b.label));
            (format!("{}{exact}", percent_text(s.percent)), band)
        }
    }
}

fn assessment_table(
    out: &mut impl Write,
    country: Option<&str>,
    answers: &str,
    a: &Assessment,
) -> Result<(), Error> {
    writeln!(out, "{}", a.framework_title)?;
    if let Some(c) = country {
        writeln!(out, "Country: {c}")?;
    }
    writeln!(out, "Answers: {answers}")?;
    if let Some(adaptation) = &a.adaptation {
        writeln!(out, "Note: {adaptation}")?;
    }
    writeln!(out)?;
    let checklist = a.kind == FrameworkKind::Checklist;
    let width = a.domains.iter().map(|d| d.title.chars().count()).max().unwrap_or(10).max(7);
    if checklist {
        writeln!(out, "{:<4} {:<width$}  answered  tally", "id", "domain")?;
    } else {
        writeln!(out, "{:<4} {:<width$}  answered  {:<22} band", "id", "domain", "score (%)")?;
    }
    for d in &a.domains {
        let answered = format!("{}/{}", d.n_answered, d.n_items);
        if checklist {
            let tally: Vec<String> =
                d.tally.iter().map(|t| format!("{} {}", t.count, t.label.to_lowercase())).collect();
            writeln!(out, "{:<4} {:<width$}  {answered:<8}  {}", d.id, d.title, tally.join(", "))?;
        } else {
            let (score, band) = score_text(d.score.as_ref());
            writeln!(out, "{:<4} {:<width$}  {answered:<8}  {score:<22} {band}", d.id, d.title)?;
        }
    }
    if !checklist {
        let (score, band) = score_text(a.overall.as_ref());
        writeln!(out, "{:<4} {:<width$}  {:<8}  {score:<22} {band}", "", "overall", "")?;
    }
    if checklist {
        writeln!(out, "\nA checklist: answers are tallied, never scored or ranked.")?;
    }
    if !a.unanswered.is_empty() {
        writeln!(out, "\nUnanswered ({}): {}", a.unanswered.len(), a.unanswered.join(", "))?;
        match a.non_response {
            NonResponse::DomainNotComputed => writeln!(
                out,
                "A domain with an unanswered item is not computed, nor is the overall score \
                 (non-response is not counted as \"no\")."
            )?,
            NonResponse::ExcludeItem => {
                writeln!(out, "Unanswered items are left out of their domain's score.")?;
            }
            NonResponse::CountAsZero => writeln!(
                out,
                "Unanswered items count as 0 (the framework's rule; for SDG 10.7.2 its \
                 metadata assign missing values 0 at country level)."
            )?,
        }
    }
    Ok(())
}

fn assessment_csv(
    out: &mut impl Write,
    country: Option<&str>,
    a: &Assessment,
) -> Result<(), Error> {
    writeln!(
        out,
        "country,framework,level,domain,item,answer,points,max_points,percent,percent_exact,band_code,band_label"
    )?;
    let country = csv_field(country.unwrap_or(""));
    let score_cols = |s: Option<&analysis::assess::Score>| match s {
        None => ",,,".to_owned(),
        Some(s) => format!(
            "{},{},{},{}",
            s.percent,
            s.percent_exact,
            s.band.as_ref().map_or(String::new(), |b| b.code.to_string()),
            csv_field(s.band.as_ref().map_or("", |b| b.label.as_str()))
        ),
    };
    for item in &a.items {
        writeln!(
            out,
            "{country},{},item,{},{},{},{},{},,,,",
            a.framework,
            item.domain,
            item.item,
            item.answer.as_deref().unwrap_or(""),
            item.points.map_or(String::new(), |p| p.to_string()),
            item.max_points
        )?;
    }
    for d in &a.domains {
        writeln!(
            out,
            "{country},{},domain,{},,,,,{}",
            a.framework,
            d.id,
            score_cols(d.score.as_ref())
        )?;
    }
    if a.kind == FrameworkKind::Scored {
        writeln!(out, "{country},{},overall,,,,,,{}", a.framework, score_cols(a.overall.as_ref()))?;
    }
    Ok(())
}

fn options(args: &MetricOptionArgs) -> MetricsOptions {
    MetricsOptions {
        sign_convention: match args.sign_convention {
            SignArg::Algebraic => SignConvention::Algebraic,
            SignArg::NegativeDominant => SignConvention::NegativeDominant,
        },
        // --divide-by-3 conflicts with --second-order, so it only ever restates the
        // default.
        second_order_scale: match args.second_order {
            ScaleArg::DividedBy3 => SecondOrderScale::DividedBy3,
            ScaleArg::Raw => SecondOrderScale::Raw,
        },
        self_paths: if args.include_self_paths { SelfPaths::Included } else { SelfPaths::Excluded },
        conflict_threshold: args.conflict_threshold,
        ..MetricsOptions::default()
    }
}

fn load_matrix(file: &Path, args: &MetricOptionArgs) -> Result<MatrixReport, Error> {
    Ok(analysis::assess::matrix_report(&read(file)?, &options(args))?)
}

pub(crate) fn run_matrix(global: &Global, args: MatrixArgs) -> Result<(), Error> {
    match args.action {
        MatrixAction::Metrics(m) => {
            let report = load_matrix(&m.file, &m.options)?;
            if global.xlsx() {
                let path = crate::output::xlsx_path(m.output.as_deref())?;
                return crate::sheets::write(path, &crate::sheets::metrics(&report.metrics));
            }
            let write = |out: &mut dyn Write| -> Result<(), Error> {
                match global.format {
                    Format::Json => {
                        writeln!(out, "{}", render::json(&report.matrix, &report.metrics)?)?;
                    }
                    Format::Csv => write!(out, "{}", render::metrics_csv(&report.metrics))?,
                    Format::Table => metrics_table(out, &report, m.top)?,
                }
                Ok(())
            };
            match &m.output {
                Some(path) => crate::outfile::write_with(path, write),
                None => write(&mut crate::output::stdout(global.format)),
            }
        }
        MatrixAction::Export(e) => {
            let report = load_matrix(&e.file, &e.options)?;
            let text = match e.to {
                ExportFormat::Csv => render::metrics_csv(&report.metrics),
                ExportFormat::CellsCsv => render::cells_csv(&report.matrix),
                ExportFormat::Json => render::json(&report.matrix, &report.metrics)? + "\n",
                ExportFormat::Graphml => render::graphml(&report.matrix, &report.metrics),
            };
            match &e.output {
                Some(path) => crate::outfile::write_file(path, text.as_bytes())?,
                None => crate::output::stdout(global.format).write_all(text.as_bytes())?,
            }
            Ok(())
        }
    }
}

/// One sentence naming the options behind the second-order figures.
fn second_order_text(x: &analysis::assess::Metrics) -> String {
    let sign = match x.sign_convention {
        SignConvention::Algebraic => "algebraic sign (s_ij·s_jk)",
        SignConvention::NegativeDominant => {
            "negative-dominant sign (−|s_ij·s_jk| if either link is negative)"
        }
    };
    let scale = match x.second_order_scale {
        SecondOrderScale::DividedBy3 => "each path's product divided by 3",
        SecondOrderScale::Raw => "each path's product as it is (up to ±9)",
    };
    let self_paths = match x.self_paths {
        SelfPaths::Excluded => "paths back to the start (i → j → i) left out",
        SelfPaths::Included => "paths back to the start (i → j → i) counted",
    };
    format!("Second order: paths i → j → k, {sign},\n  {scale}, {self_paths}.")
}

fn metrics_table(out: &mut dyn Write, report: &MatrixReport, top: usize) -> Result<(), Error> {
    let (m, x) = (&report.matrix, &report.metrics);
    writeln!(
        out,
        "{} objectives, {} judged cells, {} assessor(s): {}",
        m.nodes.len(),
        m.cells.len(),
        m.assessors.len(),
        m.assessors.join(", ")
    )?;
    writeln!(out, "{}\n", second_order_text(x))?;
    let width = m.nodes.iter().map(|n| n.chars().count()).max().unwrap_or(9).max(9);
    writeln!(
        out,
        "{:<width$}  {:>6} {:>6} {:>6} {:>7} {:>8}  {:>6} {:>6} {:>6} {:>7} {:>8}  {:>8}",
        "objective",
        "out",
        "out+",
        "out−",
        "out 2nd",
        "out comb",
        "in",
        "in+",
        "in−",
        "in 2nd",
        "in comb",
        "pagerank"
    )?;
    for n in &x.nodes {
        writeln!(
            out,
            "{:<width$}  {:>6} {:>6} {:>6} {:>7} {:>8}  {:>6} {:>6} {:>6} {:>7} {:>8}  {:>8.4}",
            n.name,
            n.out_influence,
            n.out_positive,
            n.out_negative,
            percent_text(n.second_order_out),
            percent_text(n.combined_out),
            n.in_influence,
            n.in_positive,
            n.in_negative,
            percent_text(n.second_order_in),
            percent_text(n.combined_in),
            n.pagerank
        )?;
    }
    writeln!(
        out,
        "\nout, in: first order (row and column sums of S); 2nd: the second-order term;\n\
         comb: the two added. 2nd and comb are rounded to 2 decimals (exact: --format json)."
    )?;
    writeln!(out, "\nStrongest conflicts (median ≤ threshold):")?;
    if x.conflicts.is_empty() {
        writeln!(out, "  none")?;
    }
    for c in x.conflicts.iter().take(top) {
        let split = if c.opposite_signs { ", assessors disagree on the sign" } else { "" };
        writeln!(out, "  {:+} {} → {} (range {}{split})", c.median, c.from, c.to, c.range)?;
    }
    let mut disagreements: Vec<_> =
        m.cells.iter().filter(|c| c.opposite_signs || c.range >= 3).collect();
    disagreements
        .sort_by(|a, b| b.range.cmp(&a.range).then(a.from.cmp(&b.from)).then(a.to.cmp(&b.to)));
    writeln!(out, "\nDisagreements (opposite signs or a range of 3 or more):")?;
    if disagreements.is_empty() {
        writeln!(out, "  none")?;
    }
    for c in disagreements.into_iter().take(top) {
        let scores: Vec<String> =
            c.assessors.iter().zip(&c.scores).map(|(a, s)| format!("{a} {s:+}")).collect();
        writeln!(
            out,
            "  {} → {}: median {:+}, {}",
            m.nodes[c.from],
            m.nodes[c.to],
            c.median,
            scores.join(", ")
        )?;
    }
    Ok(())
}
