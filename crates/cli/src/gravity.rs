//! `coherence gravity`: PPML or OLS gravity estimation with fixed effects from a CSV file,
//! printed as a fixest-style table (or JSON, or CSV), optionally stored with provenance.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use analysis::Workspace;
use analysis::gravity::{
    self, Estimator, FixefRm, GravityEstimate, GravityOptions, Separation, SscPreset, VcovSpec,
};
use clap::{Args, ValueEnum};

use crate::args::{Format, Global};
use crate::commands::Error;
use crate::output;

const EXAMPLES: &str = "\
Examples:
  coherence gravity trade.csv --model \"trade ~ fta | isoimp^year + isoexp^year + isoimp^isoexp\" \\
      --vcov cluster:isoimp^isoexp --ssc stata
  coherence gravity flows.csv --model \"flow ~ log(dist) + contig + lang | orig^year + dest^year\" \\
      --vcov cluster:orig^dest --format json
  coherence gravity flows.csv --model \"log(flow) ~ log(dist) | orig + dest\" --estimator ols
  coherence gravity trade.csv --model \"trade ~ fta | imp^year + exp^year\" --store fta-2024
  coherence gravity --list

The formula is fixest's: `y ~ x1 + log(x2) | fe1 + fe2^year`; `^` interacts variables.
Rows with a missing value (empty, NA, NaN, .) in a used column, or a non-positive value
under log(), are removed and counted, as fixest does. Defaults follow R fixest (fepois /
feols), except that standard errors are iid unless --vcov is given. --ssc stata with
--vcov cluster:... reproduces Stata ppmlhdfe. A fit that did not converge is printed with
a warning and the command fails, unless --allow-nonconvergence is given.";

/// Estimate a gravity model (PPML or OLS with high-dimensional fixed effects) from a CSV
/// file, or list stored estimates.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub(crate) struct GravityArgs {
    /// The data: a CSV file with a header row.
    #[arg(value_name = "DATA.csv", required_unless_present = "list")]
    data: Option<PathBuf>,
    /// The model, fixest-style: "y ~ x1 + log(x2) + x3 | fe1 + fe2^year".
    #[arg(long, value_name = "FORMULA", required_unless_present = "list")]
    model: Option<String>,
    /// Standard errors: iid, hetero, or cluster:VAR[+VAR] (one- or two-way; VAR may be an
    /// interaction such as isoimp^isoexp).
    #[arg(long, value_name = "TYPE", default_value = "iid")]
    vcov: String,
    /// Small-sample correction of the variance.
    #[arg(long, value_enum, default_value_t = SscArg::Fixest)]
    ssc: SscArg,
    /// The estimator.
    #[arg(long, value_enum, default_value_t = EstimatorArg::Ppml)]
    estimator: EstimatorArg,
    /// Column of observation weights.
    #[arg(long, value_name = "VAR")]
    weights: Option<String>,
    /// Column added to the linear predictor with coefficient 1 (PPML only).
    #[arg(long, value_name = "VAR")]
    offset: Option<String>,
    /// Maximum number of IRLS iterations (PPML; fixest's glm.iter).
    #[arg(long, value_name = "N", default_value_t = 25)]
    max_iter: u32,
    /// Rows removed before fitting: fixed-effect levels with only zero outcomes
    /// (perfect), singletons, both, or none.
    #[arg(long, value_enum, default_value_t = FixefRmArg::Perfect)]
    fixef_rm: FixefRmArg,
    /// Extra separation check (PPML): the iterated rectifier (ir), as ppmlhdfe.
    #[arg(long, value_enum, default_value_t = SeparationArg::None)]
    separation: SeparationArg,
    /// Print a fit that did not converge with a warning, and succeed.
    #[arg(long)]
    allow_nonconvergence: bool,
    /// Store the estimate in the store under this name, with its provenance.
    #[arg(long, value_name = "NAME")]
    store: Option<String>,
    /// With --store: replace an estimate of the same name.
    #[arg(long, requires = "store")]
    replace: bool,
    /// List the stored estimates instead of estimating.
    #[arg(long, conflicts_with_all = ["data", "model", "store"])]
    list: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SscArg {
    /// Stata (ppmlhdfe: G/(G−1) only when clustered).
    Stata,
    /// R fixest's defaults.
    Fixest,
    /// pyfixest's defaults.
    Pyfixest,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum EstimatorArg {
    /// Poisson pseudo-maximum likelihood.
    Ppml,
    /// Least squares.
    Ols,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FixefRmArg {
    /// Keep every row.
    None,
    /// Remove fixed-effect levels whose outcomes are all zero (PPML).
    Perfect,
    /// Remove singletons.
    Singleton,
    /// Both, repeated until nothing changes.
    Both,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SeparationArg {
    /// No check beyond --fixef-rm.
    None,
    /// The iterated rectifier (ppmlhdfe's `ir`).
    Ir,
}

impl GravityArgs {
    /// The analysis options ("high" arguments), checked before any work.
    fn options(&self, model: &str) -> Result<GravityOptions, Error> {
        Ok(GravityOptions {
            estimator: match self.estimator {
                EstimatorArg::Ppml => Estimator::Ppml,
                EstimatorArg::Ols => Estimator::Ols,
            },
            vcov: VcovSpec::parse(&self.vcov)?,
            ssc: match self.ssc {
                SscArg::Stata => SscPreset::Stata,
                SscArg::Fixest => SscPreset::Fixest,
                SscArg::Pyfixest => SscPreset::Pyfixest,
            },
            weights: self.weights.clone(),
            offset: self.offset.clone(),
            max_iter: self.max_iter,
            fixef_rm: match self.fixef_rm {
                FixefRmArg::None => FixefRm::None,
                FixefRmArg::Perfect => FixefRm::Perfect,
                FixefRmArg::Singleton => FixefRm::Singleton,
                FixefRmArg::Both => FixefRm::Both,
            },
            separation: match self.separation {
                SeparationArg::None => Separation::None,
                SeparationArg::Ir => Separation::Rectifier,
            },
            ..GravityOptions::new(model)
        })
    }
}

/// Runs `coherence gravity`; `db` is the store's path (opened only for --store/--list).
pub(crate) async fn run(
    global: &Global,
    args: GravityArgs,
    db: analysis::Location,
) -> Result<(), Error> {
    if args.list {
        let ws = Workspace::open_for_reading(&db).await?;
        crate::commands::register_closer(ws.closer());
        return list(global, &ws.gravity_estimates().await?);
    }
    let (Some(path), Some(model)) = (&args.data, &args.model) else {
        return Err("give a data file and --model, or --list".into());
    };
    let options = args.options(model)?;
    if options.estimator == Estimator::Ols && options.offset.is_some() {
        return Err("--offset is for PPML only".into());
    }

    let started = Instant::now();
    let input = crate::files::input(path, crate::files::MAX_TABLE_BYTES)?;
    let data = gravity::read_gravity_data(&input, &options)?;
    let read_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let estimate = gravity::fit_gravity(&data, &options)?;
    let fit_seconds = started.elapsed().as_secs_f64();
    tracing::info!(
        rows = data.file().rows,
        read_seconds = format!("{read_seconds:.3}"),
        fit_seconds = format!("{fit_seconds:.3}"),
        "gravity estimated"
    );

    let mut stored = None;
    let accept = estimate.converged || args.allow_nonconvergence;
    if let Some(name) = &args.store
        && accept
    {
        let ws = Workspace::open(&db).await?;
        crate::commands::register_closer(ws.closer());
        stored = Some(ws.save_gravity_estimate(name, &estimate, args.replace).await?);
    }

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match global.format {
        Format::Table => table(&mut out, &estimate)?,
        Format::Json => {
            let mut value = serde_json::to_value(&estimate)?;
            if let (Some(saved), Some(object)) = (&stored, value.as_object_mut()) {
                object.insert("stored".to_owned(), serde_json::to_value(saved)?);
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        Format::Csv => coefficients_csv(&mut out, &estimate)?,
    }
    out.flush()?;

    if let Some(saved) = &stored
        && !global.quiet
    {
        let verb = if saved.replaced { "replaced" } else { "stored" };
        eprintln!("{verb} as estimate {:?} in {}", saved.name, db);
    }
    if !estimate.converged {
        eprintln!("warning: {}", nonconvergence(&estimate));
        if !args.allow_nonconvergence {
            let not_stored = if args.store.is_some() { "; nothing was stored" } else { "" };
            return Err(format!(
                "the fit did not converge, so the numbers above are not estimates{not_stored} \
                 (raise --max-iter, or accept it with --allow-nonconvergence)"
            )
            .into());
        }
    }
    Ok(())
}

/// What did not converge, in words.
fn nonconvergence(estimate: &GravityEstimate) -> String {
    match (estimate.iterations, estimate.rel_dev_change) {
        (Some(n), Some(change)) => format!(
            "the IRLS did not converge in {n} iterations (last relative deviance change {change:.3e})"
        ),
        _ => "the fixed-effect demeaning did not converge".to_owned(),
    }
}

/// `value` with `digits` significant digits, in fixed notation when it is of moderate
/// size and in scientific notation otherwise.
fn significant(value: f64, digits: usize) -> String {
    if !value.is_finite() {
        return "NA".to_owned();
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    let magnitude = value.abs().log10().floor() as i32;
    if (-4..9).contains(&magnitude) {
        let decimals = (digits as i32 - 1 - magnitude).max(0) as usize;
        format!("{value:.decimals$}")
    } else {
        format!("{value:.*e}", digits - 1)
    }
}

fn p_value_text(p: f64) -> String {
    if !p.is_finite() {
        "NA".to_owned()
    } else if p < 2.2e-16 {
        "< 2.2e-16".to_owned()
    } else if p < 1e-4 {
        format!("{p:.2e}")
    } else {
        format!("{p:.4}")
    }
}

fn stars(p: f64) -> &'static str {
    match p {
        p if p < 0.001 => "***",
        p if p < 0.01 => "**",
        p if p < 0.05 => "*",
        p if p < 0.1 => ".",
        _ => "",
    }
}

fn groupings(list: &[gravity::Grouping]) -> String {
    list.iter()
        .map(|g| format!("{}: {}", g.name, output::number(g.levels as f64, 0)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The fixest-style table.
fn table(out: &mut dyn Write, e: &GravityEstimate) -> Result<(), Error> {
    let title = match e.estimator {
        Estimator::Ppml => "PPML estimation (Poisson pseudo-maximum likelihood)",
        Estimator::Ols => "OLS estimation",
    };
    writeln!(out, "{title}, dep. var.: {}", e.depvar)?;
    writeln!(out, "Model: {}", e.formula)?;
    writeln!(
        out,
        "Data: {} ({} rows, SHA-256 {})",
        e.data.name,
        output::number(e.data.rows as f64, 0),
        &e.data.sha256[..12.min(e.data.sha256.len())]
    )?;
    writeln!(out, "Observations: {}", output::number(e.n_obs as f64, 0))?;
    if !e.fixef.is_empty() {
        writeln!(out, "Fixed effects: {}", groupings(&e.fixef))?;
    }
    let vcov = if e.clusters.is_empty() {
        e.vcov_type.clone()
    } else {
        format!("clustered ({} clusters)", groupings(&e.clusters))
    };
    writeln!(
        out,
        "Standard errors: {vcov}; small-sample correction: {} (factor {})",
        e.ssc,
        significant(e.ssc_factor, 7)
    )?;

    let stat = e.statistic;
    let header = [
        "".to_owned(),
        "Estimate".to_owned(),
        "Std. Error".to_owned(),
        format!("{stat} value"),
        format!("Pr(>|{stat}|)"),
        String::new(),
    ];
    let mut rows: Vec<[String; 6]> = vec![header];
    for c in &e.coefficients {
        rows.push([
            c.name.clone(),
            significant(c.estimate, 7),
            significant(c.std_error, 7),
            format!("{:.4}", c.statistic),
            p_value_text(c.p_value),
            stars(c.p_value).to_owned(),
        ]);
    }
    let mut widths = [0usize; 6];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in &rows {
        let mut line = format!("{:<width$}", row[0], width = widths[0]);
        for (cell, w) in row[1..5].iter().zip(&widths[1..5]) {
            line.push_str(&format!("  {cell:>w$}"));
        }
        line.push(' ');
        line.push_str(&row[5]);
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "---")?;
    writeln!(out, "Signif. codes: 0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1")?;
    if let Some(df) = e.t_df {
        writeln!(out, "p-values from the t distribution with {df} degrees of freedom")?;
    }

    let reasons: Vec<String> = e
        .removed
        .by_reason()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(reason, n)| format!("{}: {}", reason_text(reason), output::number(*n as f64, 0)))
        .collect();
    if reasons.is_empty() {
        writeln!(out, "Removed rows: none")?;
    } else {
        writeln!(
            out,
            "Removed rows: {} ({})",
            output::number(e.removed.total() as f64, 0),
            reasons.join(", ")
        )?;
    }
    if !e.collinear.is_empty() {
        writeln!(out, "Dropped as collinear: {}", e.collinear.join(", "))?;
    }
    match (e.iterations, e.rel_dev_change) {
        (Some(n), Some(change)) => writeln!(
            out,
            "Iterations: {n}, {} (last relative deviance change {change:.2e})",
            if e.converged { "converged" } else { "NOT CONVERGED" }
        )?,
        _ => {
            writeln!(out, "Demeaning: {}", if e.converged { "converged" } else { "NOT CONVERGED" })?
        }
    }
    match e.estimator {
        Estimator::Ppml => writeln!(
            out,
            "Deviance: {}   Log-likelihood: {}   Pseudo R²: {}",
            output::number(e.deviance, 4),
            e.log_likelihood.map_or("NA".to_owned(), |l| output::number(l, 4)),
            e.pseudo_r2.map_or("NA".to_owned(), |r| format!("{r:.6}"))
        )?,
        Estimator::Ols => {
            let fmt = |v: Option<f64>| v.map_or("NA".to_owned(), |v| format!("{v:.6}"));
            writeln!(
                out,
                "RMSE: {}   R²: {}   Within R²: {}",
                e.rmse.map_or("NA".to_owned(), |v| significant(v, 7)),
                fmt(e.r2),
                fmt(e.r2_within)
            )?;
            writeln!(
                out,
                "Residual sum of squares: {}   Log-likelihood: {}",
                significant(e.deviance, 10),
                e.log_likelihood.map_or("NA".to_owned(), |l| output::number(l, 4))
            )?;
        }
    }
    Ok(())
}

fn reason_text(reason: &str) -> &'static str {
    match reason {
        "missing" => "missing values",
        "log_non_positive" => "log of a non-positive value",
        "zero_weight" => "zero weight",
        "singleton" => "singletons",
        "separated_fixef" => "separated (fixed effects with only zeros)",
        "separated_rectifier" => "separated (iterated rectifier)",
        _ => "other",
    }
}

fn coefficients_csv(out: &mut dyn Write, e: &GravityEstimate) -> Result<(), Error> {
    let mut writer = crate::output::SafeCsv::new(out);
    writer.write_record(["term", "estimate", "std_error", "statistic", "p_value"])?;
    for c in &e.coefficients {
        writer.write_record([
            c.name.clone(),
            c.estimate.to_string(),
            c.std_error.to_string(),
            c.statistic.to_string(),
            c.p_value.to_string(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

fn list(global: &Global, estimates: &[gravity::EstimateSummary]) -> Result<(), Error> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match global.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(estimates)?)?,
        Format::Table | Format::Csv => {
            let header = [
                "name",
                "estimator",
                "formula",
                "vcov",
                "ssc",
                "data",
                "sha256",
                "N",
                "converged",
                "saved",
            ];
            let rows: Vec<Vec<String>> = estimates
                .iter()
                .map(|e| {
                    vec![
                        e.name.clone(),
                        e.estimator.name().to_owned(),
                        e.formula.clone(),
                        e.vcov_type.clone(),
                        e.ssc.clone(),
                        e.data.name.clone(),
                        e.data.sha256.clone(),
                        e.n_obs.to_string(),
                        e.converged.to_string(),
                        e.created_at.clone(),
                    ]
                })
                .collect();
            if global.format == Format::Csv {
                let mut writer = crate::output::SafeCsv::new(&mut out);
                writer.write_record(header)?;
                for row in &rows {
                    writer.write_record(row)?;
                }
                writer.flush()?;
            } else if rows.is_empty() {
                writeln!(
                    out,
                    "no stored estimates (store one with coherence gravity ... --store NAME)"
                )?;
            } else {
                output::plain_table(&mut out, &header, &rows)?;
            }
        }
    }
    Ok(())
}
