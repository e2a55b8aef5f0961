//! `coherence estimate`: flows from stocks and the bilateral remittance matrix.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use analysis::Workspace;
use analysis::estimate::{
    FlowRequest, FlowTotal, IncomeSeries, MissingIncomeRule, RemitFloor, RemitRequest,
    RemitVariant, StockSource, VitalSource,
};
use clap::{Args, Subcommand, ValueEnum};

use crate::args::Global;
use crate::commands::Error;

const FLOWS_HELP: &str = "\
Methods (Abel & Cohen 2019, 2022): sd_drop_neg, sd_rev_neg, mig_rate, da_min_open,
da_min_closed, da_pb_closed (= 0.87 · da_min_closed + 0.13 · independence, as Abel & Cohen).
The da_* methods and mig_rate (for its global total) need births and deaths and the
native-born diagonal (given in --stocks as orig = dest rows, else population − immigrants
from the store's population). Births and deaths: --vital FILE.csv; by default from the
store: five-year totals (World Population Prospects period indicators) when it holds them
for a five-year period, else the WDI crude birth and death rates (SP.DYN.CBRT.IN,
SP.DYN.CDRT.IN) × population, mid-year to mid-year (half of the first and last calendar
year, all of the years between); areas missing them stop the command with their list unless
--complete-areas-only (leave them out) or --zero-vital-where-missing; --no-vital for none.

Output CSV columns: orig,dest,period_start,period_end,flow (ISO3, persons; non-zero flows).

Examples:
  coherence estimate flows --method da_pb_closed --from 2010 --to 2015 --vital vital.csv --out flows.csv
  coherence estimate flows --method sd_rev_neg --from 2015 --to 2019 --out flows.csv --store
  coherence estimate flows --method da_min_closed --from 2015 --to 2020 --stocks stocks.csv \\
      --vital vital.csv --out flows.csv
  coherence estimate flows --method da_min_open --from 1990 --to 1995 \\
      --stocks-dataset undesa-ims-bilateral-chord-2020 --population wpp-population \\
      --complete-areas-only --out flows.csv     (Abel & Cohen 2022's inputs; docs/validation.md)";

const REMIT_HELP: &str = "\
Inputs from the store: the bilateral migration matrix of the year (or of --stock-year),
remittances received (KNOMAD or WDI) and GDP per capita (PPP or current US$). Default
weights: income-difference with PPP incomes and the origin-income floor at the gap share
fitted to the published 2017 and 2018 matrices (docs/validation.md). Default zero
corridors: India–Pakistan, Lebanon–Israel, Azerbaijan–Armenia, both ways.

Output CSV columns: sender,receiver,year,usd_millions (ISO3; receivers without an inflow are
left out, not zero).

Examples:
  coherence estimate remittances --year 2017 --missing-income drop-host --out remit2017.csv
  coherence estimate remittances --year 2018 --stock-year 2017 --missing-income drop-host \\
      --out remit2018.csv
  coherence estimate remittances --year 2017 --floor zero --missing-income drop-host --out remit.csv
  coherence estimate remittances --year 2017 --variant stock --out remit.csv
  coherence estimate remittances --year 2017 --missing-income drop-host --zero-corridor KOR:PRK \\
      --store --out remit.csv";

/// `coherence estimate ...`
#[derive(Debug, Args)]
pub(crate) struct EstimateArgs {
    #[command(subcommand)]
    pub(crate) what: EstimateCommand,
}

/// What to estimate.
#[derive(Debug, Subcommand)]
pub(crate) enum EstimateCommand {
    /// Bilateral migration flows over a period, from two bilateral stock tables.
    #[command(after_help = FLOWS_HELP)]
    Flows(FlowsArgs),
    /// The bilateral remittance matrix of a year: inflows allocated over emigrants' hosts.
    #[command(after_help = REMIT_HELP)]
    Remittances(RemittancesArgs),
}

#[derive(Debug, Args)]
pub(crate) struct FlowsArgs {
    /// The method (see below).
    #[arg(long)]
    method: String,
    /// First year of the period (stock table of that year).
    #[arg(long = "from", value_name = "YEAR")]
    from: i32,
    /// Last year of the period.
    #[arg(long = "to", value_name = "YEAR")]
    to: i32,
    /// Stocks from a CSV file `orig,dest,year,value` instead of the store.
    #[arg(long, value_name = "FILE.csv")]
    stocks: Option<PathBuf>,
    /// Stocks from this stored dataset (key as `coherence datasets` lists it) instead of
    /// the one the selection rule prefers.
    #[arg(long, value_name = "KEY", conflicts_with = "stocks")]
    stocks_dataset: Option<String>,
    /// Population (for the native-born diagonal, population − immigrants) from this
    /// stored dataset instead of the one the selection rule prefers.
    #[arg(long, value_name = "KEY")]
    population: Option<String>,
    /// Leave out, with their stocks, the areas without population or without births and
    /// deaths (listed), as Abel & Cohen estimate on the areas with every input, instead
    /// of stopping.
    #[arg(long)]
    complete_areas_only: bool,
    /// mig_rate: the global flow total: `net-migration` (default: Σ |population change −
    /// births + deaths|, balanced to sum to zero, as Abel & Cohen), `population-change`
    /// (Σ |population change|, migest's example for tables without births and deaths),
    /// or a number of persons.
    #[arg(long, value_name = "RULE|PERSONS", default_value = "net-migration", value_parser = parse_flow_total)]
    flow_total: FlowTotal,
    /// Births and deaths from a CSV file `area,period_start,period_end,births,deaths`.
    #[arg(long, value_name = "FILE.csv", conflicts_with = "no_vital")]
    vital: Option<PathBuf>,
    /// Assume no births and no deaths (demographic accounting only).
    #[arg(long)]
    no_vital: bool,
    /// Births and deaths from the store: give areas without a crude rate or population
    /// for a year of the period zero births and deaths (listed) instead of stopping.
    #[arg(long, conflicts_with_all = ["vital", "no_vital"])]
    zero_vital_where_missing: bool,
    /// Demographic accounting: leave the native-born of areas without population at zero
    /// (listed) instead of stopping.
    #[arg(long)]
    zero_native_born_where_missing: bool,
    /// Where to write the flows (CSV; an Excel workbook with `--format xlsx`).
    #[arg(short = 'o', long, value_name = "FILE.csv")]
    out: PathBuf,
    /// Also store the estimate in the store as a derived dataset.
    #[arg(long)]
    store: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Variant {
    /// Migrant-stock weights.
    Stock,
    /// Stock × host income.
    HostIncome,
    /// Stock × an income term of host and origin income (see --floor).
    IncomeDifference,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Income {
    /// GDP per capita, PPP (NY.GDP.PCAP.PP.CD).
    Ppp,
    /// GDP per capita, current US$ (NY.GDP.PCAP.CD).
    Usd,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum MissingIncomeArg {
    /// Stop, listing the areas.
    Fail,
    /// Leave receivers that need a missing income unallocated.
    SkipOrigin,
    /// Drop hosts without income from receivers' denominators.
    DropHost,
}

#[derive(Debug, Args)]
pub(crate) struct RemittancesArgs {
    /// The year.
    #[arg(long)]
    year: i32,
    /// The year of the migrant stocks, when the store has none of --year (e.g. 2017
    /// stocks for the 2018 matrix).
    #[arg(long, value_name = "YEAR")]
    stock_year: Option<i32>,
    /// The weighting (default: income-difference, the variant closest to the published
    /// 2017 and 2018 matrices; see docs/validation.md).
    #[arg(long, value_enum)]
    variant: Option<Variant>,
    /// The income series of the income weightings.
    #[arg(long, value_enum, default_value_t = Income::Ppp)]
    income: Income,
    /// For income-difference, the income term (d = host − origin income):
    /// `origin:K` = origin income + K·max(d, 0) (default: K fitted to the published
    /// matrices; `origin` alone is the default), `zero` = max(d, 0) (poorer hosts get
    /// nothing), `host:S` = max(d, S·host income).
    #[arg(long, value_name = "RULE", value_parser = parse_floor)]
    floor: Option<RemitFloor>,
    /// Another zero corridor, ISO3 `A:B` (both ways); repeatable.
    #[arg(long, value_name = "A:B")]
    zero_corridor: Vec<String>,
    /// Do not apply the default zero corridors.
    #[arg(long)]
    no_default_zero_corridors: bool,
    /// What to do about incomes the weights need but the store lacks.
    #[arg(long, value_enum, default_value_t = MissingIncomeArg::Fail)]
    missing_income: MissingIncomeArg,
    /// The dataset key of the remittance inflows to allocate (e.g.
    /// knomad-remittance-inflows, wdi-bx.trf.pwkr.cd.dt; see `coherence datasets`).
    /// Default: the rule for remittances, KNOMAD's inflows first (the input of the
    /// published bilateral matrices), then WDI's (docs/data.md).
    /// The output says which was used.
    #[arg(long, value_name = "KEY")]
    inflows: Option<String>,
    /// Where to write the matrix (CSV; an Excel workbook with `--format xlsx`).
    #[arg(short = 'o', long, value_name = "FILE.csv")]
    out: PathBuf,
    /// Also store the estimate in the store as a derived dataset.
    #[arg(long)]
    store: bool,
}

fn parse_floor(text: &str) -> Result<RemitFloor, String> {
    RemitFloor::parse(text)
        .ok_or_else(|| format!("{text:?}: expected origin, origin:K, zero or host:S (K, S ≥ 0)"))
}

fn command_line() -> String {
    let args: Vec<String> = std::env::args().skip(1).collect();
    format!("coherence {}", args.join(" "))
}

impl EstimateArgs {
    /// Whether the estimate is to be stored (`--store`): the store is opened for writing.
    pub(crate) fn stores(&self) -> bool {
        match &self.what {
            EstimateCommand::Flows(a) => a.store,
            EstimateCommand::Remittances(a) => a.store,
        }
    }
}

/// Runs `coherence estimate` on the opened workspace.
pub(crate) async fn run(global: &Global, ws: Workspace, args: EstimateArgs) -> Result<(), Error> {
    match args.what {
        EstimateCommand::Flows(a) => flows(global, &ws, a).await,
        EstimateCommand::Remittances(a) => remittances(global, &ws, a).await,
    }
}

/// Writes the output whole or not at all (`crate::outfile`).
fn write_output(path: &Path, text: &str) -> Result<(), Error> {
    crate::outfile::write_file(path, text.as_bytes())
}

fn print_notes(global: &Global, notes: &[String]) {
    if global.quiet {
        return;
    }
    for note in notes {
        eprintln!("  {note}");
    }
}

/// Parses `--flow-total`.
fn parse_flow_total(text: &str) -> Result<FlowTotal, String> {
    match text {
        "net-migration" => Ok(FlowTotal::NetMigration),
        "population-change" => Ok(FlowTotal::PopulationChange),
        _ => match text.replace(['_', ','], "").parse::<f64>() {
            Ok(m) if m.is_finite() && m >= 0.0 => Ok(FlowTotal::Given(m)),
            _ => Err(format!(
                "{text:?} is not net-migration, population-change or a non-negative number of persons"
            )),
        },
    }
}

/// A data table the user names, read whole within [`crate::files::MAX_TABLE_BYTES`].
fn table(path: &std::path::Path) -> Result<analysis::Input, Error> {
    Ok(crate::files::input(path, crate::files::MAX_TABLE_BYTES)?)
}

async fn flows(global: &Global, ws: &Workspace, a: FlowsArgs) -> Result<(), Error> {
    let req = FlowRequest {
        method: a.method,
        period_start: a.from,
        period_end: a.to,
        stocks: match (a.stocks, a.stocks_dataset) {
            (Some(p), _) => StockSource::Csv(table(&p)?),
            (None, Some(key)) => StockSource::Dataset(key),
            (None, None) => StockSource::Store,
        },
        vital: match (a.vital, a.no_vital) {
            (Some(p), _) => VitalSource::Csv(table(&p)?),
            (None, true) => VitalSource::Zero,
            (None, false) => VitalSource::Store { zero_where_missing: a.zero_vital_where_missing },
        },
        zero_native_born_where_missing: a.zero_native_born_where_missing,
        complete_areas_only: a.complete_areas_only,
        population: a.population,
        flow_total: a.flow_total,
        store_result: a.store,
        command: command_line(),
    };
    let started = Instant::now();
    let est = ws.estimate_flows(&req).await?;
    let seconds = started.elapsed().as_secs_f64();
    if global.xlsx() {
        crate::sheets::write(&a.out, &crate::sheets::flows(&est))?;
    } else {
        write_output(&a.out, &est.to_csv())?;
    }
    if !global.quiet {
        eprintln!(
            "{} {}–{}: {} areas, {} non-zero flows, total {:.0} persons ({seconds:.2} s)",
            est.method,
            est.period_start,
            est.period_end,
            est.n_areas,
            est.flows.len(),
            est.total
        );
        match est.fit {
            Some(f) => eprintln!(
                "  allocation fit: {} after {} sweeps, largest margin error {:.3e}",
                if f.converged { "converged" } else { "NOT CONVERGED" },
                f.iterations,
                f.max_margin_error
            ),
            None => eprintln!("  closed-form method: no iterative fit"),
        }
        for step in &est.not_converged {
            eprintln!(
                "  WARNING: NOT CONVERGED: {step}; the accounts do not balance (see the notes)"
            );
        }
        print_notes(global, &est.notes);
        if let Some(s) = &est.stored {
            eprintln!("  {} import {} ({} edition {})", s.status, s.import_id, s.key, s.edition);
        }
    }
    let mut out = crate::output::stdout(global.format);
    writeln!(out, "{}", a.out.display())?;
    Ok(())
}

async fn remittances(global: &Global, ws: &Workspace, a: RemittancesArgs) -> Result<(), Error> {
    let mut zero_corridors = Vec::new();
    for z in &a.zero_corridor {
        let Some((x, y)) = z.split_once(':') else {
            return Err(format!("--zero-corridor {z:?}: expected two ISO3 codes as A:B").into());
        };
        zero_corridors.push((x.to_owned(), y.to_owned()));
    }
    let req = RemitRequest {
        year: a.year,
        stock_year: a.stock_year,
        variant: match a.variant {
            None => RemitVariant::DEFAULT,
            Some(Variant::Stock) => RemitVariant::Stock,
            Some(Variant::HostIncome) => RemitVariant::HostIncome,
            Some(Variant::IncomeDifference) => RemitVariant::IncomeDifference,
        },
        income: match a.income {
            Income::Ppp => IncomeSeries::Ppp,
            Income::Usd => IncomeSeries::Usd,
        },
        floor: a.floor.unwrap_or(RemitFloor::DEFAULT),
        zero_corridors,
        default_zero_corridors: !a.no_default_zero_corridors,
        missing_income: match a.missing_income {
            MissingIncomeArg::Fail => MissingIncomeRule::Fail,
            MissingIncomeArg::SkipOrigin => MissingIncomeRule::SkipOrigin,
            MissingIncomeArg::DropHost => MissingIncomeRule::DropHost,
        },
        inflows: a.inflows.clone(),
        store_result: a.store,
        command: command_line(),
    };
    let est = ws.estimate_remittances(&req).await?;
    if global.xlsx() {
        crate::sheets::write(&a.out, &crate::sheets::remittances(&est))?;
    } else {
        write_output(&a.out, &est.to_csv())?;
    }
    if !global.quiet {
        let total: f64 = est.allocated_inflows.values().sum();
        eprintln!(
            "remittance matrix {} ({} weights{}): {} receivers allocated, US${:.1} bn, {} corridors",
            est.year,
            est.variant.name(),
            match est.variant {
                RemitVariant::Stock => String::new(),
                RemitVariant::HostIncome => format!(", {} income", est.income.name()),
                RemitVariant::IncomeDifference => {
                    format!(", {} income, floor {}", est.income.name(), req.floor.name())
                }
            },
            est.allocated_inflows.len(),
            total / 1e9,
            est.rows.len()
        );
        print_notes(global, &est.notes);
        if let Some(cmp) = ws.compare_remittances(&est).await? {
            eprintln!(
                "  against the published matrix of {}: correlation {:.4}, total absolute deviation US${:.1} bn ({:.1}% of US${:.1} bn published; {:.1}% with each receiver scaled to its published total) over {} corridors",
                est.year,
                cmp.correlation,
                cmp.total_abs_deviation / 1e9,
                100.0 * cmp.deviation_share(),
                cmp.published_total / 1e9,
                100.0 * cmp.weights_deviation_share,
                cmp.n_cells
            );
            if let Some(ss) = &cmp.south_south {
                eprintln!(
                    "  South–South share of low- and middle-income receivers' remittances: {:.1}% estimated, {:.1}% published ({})",
                    100.0 * ss.estimated,
                    100.0 * ss.published,
                    ss.classification
                );
            }
        }
        if let Some(s) = &est.stored {
            eprintln!("  {} import {} ({} edition {})", s.status, s.import_id, s.key, s.edition);
        }
    }
    let mut out = crate::output::stdout(global.format);
    writeln!(out, "{}", a.out.display())?;
    Ok(())
}
