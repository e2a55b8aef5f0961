//! Command-line arguments, as the user typed them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  coherence demo                          Load the fictional demo world and write a country brief
  coherence --db team.sqlite init         Create (or migrate) a store at team.sqlite
  coherence datasets                      List the loaded datasets with their provenance
  coherence profile XAA                   Migration profile of the demo country Pelaria
  coherence profile Pelaria --format json Same, as JSON with every value's unit and source
  coherence profile XAA --format csv > pelaria.csv
  coherence profile XAA --format xlsx -o pelaria.xlsx

The store is one SQLite file: --db PATH, else $COHERENCE_DB, else
$XDG_DATA_HOME/coherence/coherence.sqlite (~/.local/share/coherence/coherence.sqlite);
or a PostgreSQL database: --db postgres://USER@HOST/DATABASE.";

/// Coherence: evidence and policy-coherence analysis for migration and development.
#[derive(Debug, Parser)]
#[command(name = "coherence", version, about, after_help = EXAMPLES)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: Global,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub(crate) struct Global {
    /// The store: an SQLite file (created if missing) or a `postgres://` URL.
    #[arg(long, global = true, env = "COHERENCE_DB", value_name = "PATH|URL")]
    pub(crate) db: Option<PathBuf>,
    /// Output format. `xlsx` (an Excel workbook, written to the file given with -o or
    /// --out) is for profile, estimate, matrix metrics, scenario compare and register
    /// export; `parquet` is for scenario run (with --out; the summary prints as a table).
    #[arg(id = "format", long = "format", global = true, value_enum, default_value_t = FormatArg::Table)]
    pub(crate) format_arg: FormatArg,
    /// The text format commands render: `format_arg`, with `xlsx` as `table` (commands
    /// that write workbooks look at [`Global::xlsx`] first). Set by [`Cli::resolve`].
    #[arg(skip = Format::Table)]
    pub(crate) format: Format,
    /// Print only errors; no progress bars.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub(crate) quiet: bool,
    /// Print more about what happens (-v, -vv, -vvv).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
    /// Read this edition of a dataset instead of its newest (repeatable), e.g.
    /// `--edition undesa-ims-destination=2020`; keys and editions as `coherence
    /// datasets` lists them. Applies to profiles, briefs, estimates and scenario
    /// baselines.
    #[arg(long, global = true, value_name = "KEY=EDITION", value_parser = parse_edition)]
    pub(crate) edition: Vec<(String, String)>,
    /// The language of the profile's tables and of the brief: en, fr, es or ar
    /// (docs/languages.md). Data (names of datasets, policies' texts) stays as stored.
    /// `en-XA` is the pseudo-language of the layout tests (English, every text 40 %
    /// longer).
    #[arg(long, global = true, env = "COHERENCE_LANG", default_value = "en", value_name = "LANG", value_parser = parse_lang)]
    pub(crate) lang: i18n::Lang,
}

/// One of the offered languages, or the pseudo-language of the layout tests.
fn parse_lang(s: &str) -> Result<i18n::Lang, String> {
    i18n::Lang::parse(s).map_err(|e| e.to_string())
}

impl Cli {
    /// Sets [`Global::format`] from the format asked for.
    pub(crate) fn resolve(mut self) -> Cli {
        self.global.format = match self.global.format_arg {
            FormatArg::Table | FormatArg::Xlsx | FormatArg::Parquet => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
        };
        self
    }
}

impl Global {
    /// Whether `--format xlsx` was asked for.
    pub(crate) fn xlsx(&self) -> bool {
        self.format_arg == FormatArg::Xlsx
    }

    /// Whether `--format parquet` was asked for.
    pub(crate) fn parquet(&self) -> bool {
        self.format_arg == FormatArg::Parquet
    }
}

/// `KEY=EDITION`, split at the first `=`.
fn parse_edition(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((k, e)) if !k.trim().is_empty() && !e.trim().is_empty() => {
            Ok((k.trim().to_owned(), e.trim().to_owned()))
        }
        _ => Err(format!("expected KEY=EDITION (e.g. undesa-ims-destination=2020), got {s:?}")),
    }
}

/// `coherence backup`.
#[derive(Debug, Args)]
pub(crate) struct BackupArgs {
    /// The new file to write (it must not exist).
    #[arg(long, value_name = "FILE")]
    pub(crate) to: std::path::PathBuf,
}

/// `coherence restore`.
#[derive(Debug, Args)]
pub(crate) struct RestoreArgs {
    /// The backup to restore (written by `coherence backup`).
    #[arg(long, value_name = "FILE")]
    pub(crate) from: std::path::PathBuf,
}

/// `coherence db`.
#[derive(Debug, Args)]
pub(crate) struct DbArgs {
    #[command(subcommand)]
    pub(crate) action: DbAction,
}

#[derive(Debug, Subcommand)]
pub(crate) enum DbAction {
    /// Copy a whole store into an empty one (SQLite file or PostgreSQL database, either
    /// way), then compare every table's rows; a target holding data is refused.
    #[command(
        after_help = "Examples:\n  coherence db copy --from team.sqlite --to postgres://coherence@db.example/team\n  \
                            coherence db copy --from postgres://coherence@db.example/team --to team-2026-12-07.sqlite"
    )]
    Copy {
        /// The store to copy: a file path or a `postgres://` URL.
        #[arg(long, value_name = "PATH|URL")]
        from: PathBuf,
        /// The empty store to copy into (a new file is created): a path or a URL.
        #[arg(long, value_name = "PATH|URL")]
        to: PathBuf,
    },
}

/// Output formats as `--format` takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// Aligned text for reading.
    Table,
    /// JSON, with every value's unit and source.
    Json,
    /// CSV, one value per row.
    Csv,
    /// An Excel workbook (needs -o FILE): numbers as numbers, units in the headers.
    Xlsx,
    /// Apache Parquet (`scenario run --out DIR` only): the draws also as
    /// `DIR/draws/option=NAME/part-K.parquet`, one table for DuckDB, pyarrow, Spark.
    Parquet,
}

/// The text formats commands render.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// Aligned text for reading.
    Table,
    /// JSON, with every value's unit and source.
    Json,
    /// CSV, one value per row.
    Csv,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Create the store, or migrate an older one to this version's schema.
    #[command(after_help = "Example:\n  coherence --db team.sqlite init")]
    Init,
    /// Write a consistent copy of the store to a new file, while it may be in use: the
    /// way to copy a store (copying the file alone can miss its latest changes).
    #[command(
        after_help = "Example:\n  coherence --db team.sqlite backup --to team-2026-12-06.sqlite"
    )]
    Backup(BackupArgs),
    /// Replace the store (--db) by a backup, after checking the backup is a whole store.
    #[command(
        after_help = "Example:\n  coherence --db team.sqlite restore --from team-2026-12-06.sqlite"
    )]
    Restore(RestoreArgs),
    /// Whole-store operations: copy a store between SQLite and PostgreSQL.
    Db(DbArgs),
    /// Load (or refresh) the fictional demo world and write an HTML brief of one country.
    #[command(
        after_help = "Examples:\n  coherence demo\n  coherence demo --country XAB -o brevmark.html"
    )]
    Demo(DemoArgs),
    /// List the loaded datasets with publisher, edition, files and checksums.
    #[command(
        after_help = "Examples:\n  coherence datasets\n  coherence datasets --format json\n  coherence datasets check"
    )]
    Datasets(DatasetsArgs),
    /// Import official data files or folders of them; each file's layout is recognised
    /// from its content.
    #[command(
        after_help = "Examples:\n  coherence import undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx\n  \
                            coherence import WB_Bilateral_Estimates_Migrant_Stocks_2017.xlsx --kind wb-bilateral-migration\n  \
                            coherence import API_SP.POP.TOTL_DS2_en_csv_v2.csv --skip-unknown\n  \
                            coherence import downloads/ --dry-run\n\n\
                            Each file is reported as imported, unchanged or refused (not a layout Coherence \
                            recognises, or, for a file found in a folder, not readable as the layout it \
                            resembles). The command fails if a named file cannot be read or the store \
                            fails, and nothing is stored if a file cannot be read; with --strict any \
                            refusal fails too."
    )]
    Import(ImportArgs),
    /// Download official datasets into a local cache (and optionally import them).
    #[command(
        after_help = "Examples:\n  coherence fetch --list\n  coherence fetch undesa-ims-2024-destination --import\n  \
                            coherence fetch wdi-remittances-received --mirror https://mirror.example.org\n\n\
                            Offline, fetch prints the URLs to download by hand and the import commands to run.\n\
                            The cache is --cache DIR, else $XDG_CACHE_HOME/coherence/downloads (~/.cache/coherence/downloads)."
    )]
    Fetch(FetchArgs),
    Gravity(crate::gravity::GravityArgs),
    /// Write a country's HTML brief: a self-contained page for a development ministry.
    #[command(
        after_help = "Examples:\n  coherence report XAA -o pelaria.html\n  coherence report Philippines -o phl.html\n  \
                            coherence report PHL --pdf -o phl.pdf --paper letter\n  \
                            coherence report --all --pdf -o briefs/"
    )]
    Report(ReportArgs),
    /// Show the migration profile of a country or a group of countries: stocks, corridors,
    /// remittances and their cost, the SDG migration indicators.
    #[command(
        after_help = "Examples:\n  coherence profile XAA\n  coherence profile Pelaria --format json\n  \
                            coherence profile 608 --year 2020\n  coherence profile \"Sub-Saharan Africa\"\n  \
                            coherence profile sdg:SSA\n  coherence profile income:LMC\n\n\
                            Groups: region:<M49 code or name> (UN regions, sub-regions, intermediate regions; \
                            region:SDG-SSA for an SDG region), sdg:<SSA|NAWA|CSA|ESEA|LAC|OCE|ANZ|ENA>, \
                            income:<LIC|LMC|UMC|HIC> (from the imported World Bank classification), world, \
                            or a region's name. A group's stocks, population, GDP and remittances are sums \
                            over its members; SDG 17.3.2 is GDP-weighted."
    )]
    Profile(ProfileArgs),
    /// Estimate flows from stocks, or the bilateral remittance matrix (`estimate flows --help`).
    Estimate(crate::estimate::EstimateArgs),
    /// Import, export, list and edit the policy register; every change is audited.
    #[command(
        after_help = "Examples:\n  coherence register import pelaria.toml --reason \"2026 review\"\n  \
                            coherence register list --country XAB\n  \
                            coherence register edit XAB-HEA-01 --set status=suspended --reason \"Drive paused\"\n  \
                            coherence register export --country XAA -o pelaria.csv\n  coherence register log"
    )]
    Register(crate::register::RegisterArgs),
    /// Check a corridor (origin → destination) against the corridor rules.
    #[command(
        after_help = "Examples:\n  coherence corridor XAA XAB\n  coherence corridor Pelaria Brevmark --format json\n  \
                            coherence corridor --all\n\nThe rules are in rules/corridor-rules.toml (embedded); see docs/register.md."
    )]
    Corridor(crate::corridor::CorridorArgs),
    /// Score a framework's questionnaire: SDG 10.7.2, PCMD-style dashboards, MGI-style checklist.
    #[command(after_help = crate::assess::ASSESS_EXAMPLES)]
    Assess(crate::assess::AssessArgs),
    /// Cross-impact matrix of objectives or policies: metrics, conflicts, exports.
    #[command(after_help = crate::assess::MATRIX_EXAMPLES)]
    Matrix(crate::assess::MatrixArgs),
    /// Policy-option scenarios: seeded Monte Carlo runs, shards and merge, comparisons.
    #[command(after_help = crate::scenario::SCENARIO_EXAMPLES)]
    Scenario(crate::scenario::ScenarioArgs),
    /// Serve the HTTP API (accounts, workspaces, roles, jobs) on the store.
    #[command(
        after_help = "Examples:\n  coherence --db demo.sqlite serve --demo --listen 127.0.0.1:8080 --insecure-cookies\n  \
                            coherence --db postgres://coherence@db/coherence serve --listen 0.0.0.0:8080\n\n\
                            On a store without an administrator, the first one is made and its one-time \
                            password printed. The API is described at /api/v1/docs (docs/api.md)."
    )]
    Serve(crate::serve::ServeArgs),
    /// Accounts of the server: add, list, disable, reset-password, token.
    #[command(
        after_help = "Examples:\n  coherence user add amina --display-name \"Amina Diallo\"\n  coherence user list\n  \
                            coherence user disable amina\n  coherence user reset-password amina\n  \
                            coherence user token amina --label nightly-import"
    )]
    User(crate::serve::UserArgs),
}

#[derive(Debug, Args)]
pub(crate) struct DemoArgs {
    /// The demo country whose brief is written.
    #[arg(long, default_value = "XAA")]
    pub(crate) country: String,
    /// Where to write the brief (default: `coherence-brief-<CODE>.html` in the current folder).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct DatasetsArgs {
    #[command(subcommand)]
    pub(crate) action: Option<DatasetsAction>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum DatasetsAction {
    /// Cross-check the loaded datasets: bilateral sums against published totals, and
    /// the same remittance series from two publishers; list the discrepancies.
    Check {
        /// How many discrepancies to list per check in a table (all in JSON and CSV).
        #[arg(long, default_value_t = 10)]
        top: usize,
    },
}

#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The files to import, or folders: a folder's files are taken recursively, in
    /// sorted path order, hidden files and folders skipped. All are read before any is
    /// stored.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) files: Vec<PathBuf>,
    /// Read every file as this layout instead of recognising it (see docs/importers.md).
    #[arg(long, value_name = "KIND")]
    pub(crate) kind: Option<String>,
    /// Skip values of unknown country names, listing each, instead of stopping.
    #[arg(long)]
    pub(crate) skip_unknown: bool,
    /// Read and check the files, say what they are, and store nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Fail, storing nothing, if any file is refused (not recognised, or not readable
    /// as the layout it resembles).
    #[arg(long)]
    pub(crate) strict: bool,
    /// Replace a stored edition (all its files) with the one read, instead of refusing
    /// a file whose bytes or values differ from what is stored; prints what went.
    /// Without it an import only adds: a new edition, or another file (part) of a
    /// stored edition whose values agree with it.
    #[arg(long)]
    pub(crate) replace: bool,
    /// Raise (or lower) one of the limits every file is held to, as NAME=VALUE:
    /// file-bytes (default 512 MiB), members (10000), uncompressed (256 MiB), ratio
    /// (1000), sheet-cells (16777216); sizes may end in K, M or G (binary). Repeatable.
    /// See docs/reliability.md.
    #[arg(long = "limit", value_name = "NAME=VALUE", value_parser = parse_limit)]
    pub(crate) limits: Vec<(analysis::Limit, u64)>,
}

/// Parses `--limit NAME=VALUE` (`sheet-cells=50000000`, `uncompressed=2G`).
fn parse_limit(text: &str) -> Result<(analysis::Limit, u64), String> {
    let (name, value) =
        text.split_once('=').ok_or_else(|| format!("expected NAME=VALUE, found {text:?}"))?;
    let limit = analysis::Limit::parse(name.trim()).ok_or_else(|| {
        let names: Vec<&str> = analysis::Limit::ALL.iter().map(|l| l.name()).collect();
        format!("unknown limit {name:?}; the limits are {}", names.join(", "))
    })?;
    Ok((limit, parse_size(value)?))
}

/// Parses a count or size: digits (`_` allowed), optionally ending in K, M or G (×2^10,
/// 2^20, 2^30).
fn parse_size(text: &str) -> Result<u64, String> {
    let value = text.trim().replace('_', "");
    let (digits, shift) = match value.char_indices().last() {
        Some((i, 'K' | 'k')) => (&value[..i], 10),
        Some((i, 'M' | 'm')) => (&value[..i], 20),
        Some((i, 'G' | 'g')) => (&value[..i], 30),
        _ => (value.as_str(), 0),
    };
    let n: u64 = digits.parse().map_err(|_| format!("expected a whole number, found {value:?}"))?;
    n.checked_mul(1 << shift).ok_or_else(|| format!("{value} is too large"))
}

#[derive(Debug, Args)]
pub(crate) struct FetchArgs {
    /// Catalogue ids of the datasets to fetch (default: every dataset that can be fetched).
    #[arg(value_name = "DATASET")]
    pub(crate) datasets: Vec<String>,
    /// List the catalogue instead of fetching.
    #[arg(long)]
    pub(crate) list: bool,
    /// Fetch from a mirror that serves the official paths (e.g. `https://mirror.example.org`).
    #[arg(long, value_name = "URL")]
    pub(crate) mirror: Option<String>,
    /// The download cache.
    #[arg(long, value_name = "DIR", env = "COHERENCE_CACHE")]
    pub(crate) cache: Option<PathBuf>,
    /// Attempts after the first for each file.
    #[arg(long, default_value_t = 4)]
    pub(crate) retries: u32,
    /// The most bytes one downloaded file (or one file extracted from a downloaded
    /// archive) may have; a file whose catalogue entry states its size is held to that
    /// size plus a tenth. Sizes may end in K, M or G (binary).
    #[arg(long, value_name = "SIZE", default_value = "2G", value_parser = parse_size)]
    pub(crate) max_bytes: u64,
    /// Import each file once downloaded.
    #[arg(long)]
    pub(crate) import: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// The country (ISO alpha-3 code, M49 code or name) or a group (region:, sdg:,
    /// income:, world).
    #[arg(required_unless_present = "all")]
    pub(crate) country: Option<String>,
    /// Every country and area of the store, one brief each (ISO3.html, or ISO3.pdf with
    /// --pdf) in the folder -o names; with --pdf, Chromium is started once for all.
    #[arg(long, conflicts_with_all = ["country", "scenarios"])]
    pub(crate) all: bool,
    /// Where to write the brief (with --all: the folder).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: PathBuf,
    /// A scenario run directory (`coherence scenario run --out DIR`, or a merged run)
    /// to show in a "Policy options" section; may be repeated.
    #[arg(long = "scenario", value_name = "DIR")]
    pub(crate) scenarios: Vec<PathBuf>,
    /// Print the brief to PDF with headless Chromium (found on PATH, or named by
    /// COHERENCE_CHROMIUM), with no network access.
    #[arg(long)]
    pub(crate) pdf: bool,
    /// The PDF's paper size: a4 or letter.
    #[arg(long, value_name = "a4|letter", default_value = "a4", requires = "pdf")]
    pub(crate) paper: print::Paper,
}

#[derive(Debug, Args)]
pub(crate) struct ProfileArgs {
    /// The country (ISO alpha-3 code, M49 code or name) or a group (region:, sdg:,
    /// income:, world).
    pub(crate) country: String,
    /// Show only this year's stocks and series (default: every year).
    #[arg(long)]
    pub(crate) year: Option<i32>,
    /// After the tables, say for each figure chosen among several datasets which rule
    /// chose it and which values it beat (JSON always carries this).
    #[arg(long)]
    pub(crate) why: bool,
    /// Write the profile to this file instead of standard output (required with
    /// `--format xlsx`).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}
