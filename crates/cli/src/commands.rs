//! The commands: each turns its arguments into analysis calls and renders the result.

use std::path::{Path, PathBuf};

use analysis::Workspace;

use crate::args::{
    Cli, Command, DatasetsAction, DatasetsArgs, DemoArgs, FetchArgs, Format, Global, ImportArgs,
    ProfileArgs, ReportArgs,
};
use crate::output;
use crate::progress;

/// An error shown to the user as one line.
pub(crate) type Error = Box<dyn std::error::Error>;

pub(crate) async fn run(cli: Cli) -> Result<(), Error> {
    let global = &cli.global;
    if global.xlsx() && !writes_xlsx(&cli.command) {
        return Err(format!(
            "--format xlsx is for {}; this command writes table, json or csv",
            crate::output::XLSX_COMMANDS
        )
        .into());
    }
    if global.parquet() && !matches!(&cli.command, Command::Scenario(a) if a.writes_parquet()) {
        return Err("--format parquet is for scenario run (with --out DIR); this command writes table, json or csv".into());
    }
    match cli.command {
        Command::Init => init(global).await,
        Command::Backup(args) => {
            // Not `open_read`: SQLite's `query_only` refuses `VACUUM INTO`.
            let ws = open(global).await?;
            ws.backup_to(&args.to).await?;
            if !global.quiet {
                println!("backup written: {}", args.to.display());
            }
            Ok(())
        }
        Command::Restore(args) => {
            let location = db_location(global);
            Workspace::restore(&args.from, &location).await?;
            if !global.quiet {
                println!("store {location} restored from {}", args.from.display());
            }
            Ok(())
        }
        Command::Db(args) => db(global, args).await,
        Command::Gravity(args) => crate::gravity::run(global, args, db_location(global)).await,
        Command::Demo(args) => demo(global, args).await,
        Command::Datasets(args) => datasets(global, args).await,
        Command::Import(args) => import(global, args).await,
        Command::Profile(args) => profile(global, args).await,
        Command::Report(args) => report(global, args).await,
        Command::Fetch(args) => fetch_datasets(global, args).await,
        Command::Register(args) => crate::register::run(global, args).await,
        Command::Corridor(args) => crate::corridor::run(global, args).await,
        Command::Assess(args) => crate::assess::run_assess(global, args).await,
        Command::Matrix(args) => crate::assess::run_matrix(global, args),
        Command::Scenario(args) => crate::scenario::run(global, args).await,
        Command::Serve(args) => crate::serve::serve(global, args).await,
        Command::User(args) => crate::serve::user(global, args).await,
        Command::Estimate(args) => {
            let ws = if args.stores() { open(global).await? } else { open_read(global).await? };
            crate::estimate::run(global, ws, args).await
        }
    }
}

/// Whether the command can write an Excel workbook (`--format xlsx`).
fn writes_xlsx(command: &Command) -> bool {
    match command {
        Command::Profile(_) | Command::Estimate(_) => true,
        Command::Register(args) => args.writes_xlsx(),
        Command::Matrix(args) => args.writes_xlsx(),
        Command::Scenario(args) => args.writes_xlsx(),
        _ => false,
    }
}

/// The store's path: `--db`/`$COHERENCE_DB`, else the per-user data folder.
fn db_path(global: &Global) -> PathBuf {
    if let Some(db) = &global.db {
        return db.clone();
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local").join("share")));
    match data {
        Some(dir) => dir.join("coherence").join("coherence.sqlite"),
        None => PathBuf::from("coherence.sqlite"),
    }
}

/// A location as typed (`--db`, `db copy --from/--to`): a `postgres://` URL, else a path.
fn location(text: &Path) -> analysis::Location {
    match text.to_str() {
        Some(text) => analysis::Location::parse(text),
        None => analysis::Location::Sqlite(text.to_owned()),
    }
}

/// The store's location: [`db_path`] as a path or a `postgres://` URL.
pub(crate) fn db_location(global: &Global) -> analysis::Location {
    location(&db_path(global))
}

/// Opens the store for a command that writes to it.
pub(crate) async fn open(global: &Global) -> Result<Workspace, Error> {
    let location = db_location(global);
    tracing::info!(store = %location, "opening store");
    let ws = Workspace::open(&location).await?;
    opened(global, ws).await
}

/// `coherence db copy`: the whole store from one location into an empty one, compared
/// table by table afterwards.
async fn db(global: &Global, args: crate::args::DbArgs) -> Result<(), Error> {
    let crate::args::DbAction::Copy { from, to } = args.action;
    let source = Workspace::open(location(&from)).await?;
    register_closer(source.closer());
    let target = Workspace::open(location(&to)).await?;
    register_closer(target.closer());
    let report = source.copy_to(&target).await?;
    match global.format {
        Format::Json => {
            let tables: Vec<_> = report
                .tables
                .iter()
                .map(|t| serde_json::json!({ "table": t.table, "rows": t.rows }))
                .collect();
            let value = serde_json::json!({
                "from": source.location().to_string(),
                "to": target.location().to_string(),
                "tables": tables,
            });
            println!("{}", serde_json::to_string_pretty(&value)?);
        }
        Format::Table | Format::Csv => {
            for t in &report.tables {
                println!("{}\t{}", t.table, t.rows);
            }
            if !global.quiet {
                eprintln!(
                    "copied {} into {}; every table's rows compared equal",
                    source.location(),
                    target.location()
                );
            }
        }
    }
    Ok(())
}

/// Opens the store for a command that only reads it: read-only, so that a store in a
/// read-only folder can be read and a read never writes (`Workspace::open_for_reading`).
pub(crate) async fn open_read(global: &Global) -> Result<Workspace, Error> {
    let location = db_location(global);
    tracing::info!(store = %location, "opening store to read it");
    let ws = Workspace::open_for_reading(&location).await?;
    opened(global, ws).await
}

/// Registers the opened store to be closed on exit and pins the editions asked for.
async fn opened(global: &Global, mut ws: Workspace) -> Result<Workspace, Error> {
    register_closer(ws.closer());
    ws.pin_editions(&global.edition).await?;
    Ok(ws)
}

/// The stores opened by this run, closed on every exit path ([`close_stores`]).
static OPEN_STORES: std::sync::Mutex<Vec<analysis::StoreCloser>> =
    std::sync::Mutex::new(Vec::new());

pub(crate) fn register_closer(closer: analysis::StoreCloser) {
    if let Ok(mut list) = OPEN_STORES.lock() {
        list.push(closer);
    }
}

/// Closes every store this run opened, so that each is one file again (its write-ahead
/// log written back). Called by `main` after the command, whether it succeeded, failed
/// or was interrupted.
pub(crate) async fn close_stores() {
    let closers = OPEN_STORES.lock().map(|mut l| std::mem::take(&mut *l)).unwrap_or_default();
    for closer in closers {
        closer.close().await;
    }
}

async fn init(global: &Global) -> Result<(), Error> {
    let ws = open(global).await?;
    if !global.quiet {
        println!("store ready: {}", ws.location());
    }
    Ok(())
}

async fn demo(global: &Global, args: DemoArgs) -> Result<(), Error> {
    let ws = open(global).await?;
    let bar = progress::bar("demo world", global.quiet);
    let outcome = ws.load_demo(&mut progress::callback(&bar)).await?;
    bar.finish_and_clear();
    let area = ws.resolve_area(&args.country).await?;
    if !area.fictional {
        return Err(format!(
            "{} ({}) is not a demo-world country; `coherence demo` writes briefs of demo countries only \
             (use `coherence profile` for real ones)",
            area.name, area.iso3
        )
        .into());
    }
    let profile = ws.profile(&area.iso3).await?;
    let html = report::brief::render(&profile, &brief_options(global)?);
    let path =
        args.output.unwrap_or_else(|| PathBuf::from(format!("coherence-brief-{}.html", area.iso3)));
    crate::outfile::write_file(&path, html.as_bytes())?;
    match global.format {
        Format::Json => {
            let value = serde_json::json!({
                "notice": analysis::FICTIONAL_NOTICE,
                "store": ws.location().to_string(),
                "demo_world": outcome,
                "brief": path,
                "country": area,
            });
            println!("{}", serde_json::to_string_pretty(&value)?);
        }
        Format::Table | Format::Csv => {
            if !global.quiet {
                eprintln!("{}", analysis::FICTIONAL_NOTICE);
                eprintln!(
                    "demo world {} (edition {}): {} in {}",
                    outcome.status,
                    outcome.edition,
                    output::rows_text(&outcome.rows),
                    ws.location()
                );
                eprintln!("brief of {} ({}) written to:", area.name, area.iso3);
            }
            println!("{}", path.display());
        }
    }
    Ok(())
}

async fn datasets(global: &Global, args: DatasetsArgs) -> Result<(), Error> {
    let ws = open_read(global).await?;
    if let Some(DatasetsAction::Check { top }) = args.action {
        let checks = ws.check_datasets().await?;
        let mut out = crate::output::stdout(global.format);
        output::checks(&mut out, &checks, global.format, top)?;
        return Ok(());
    }
    let list = ws.datasets().await?;
    let mut out = crate::output::stdout(global.format);
    output::datasets(&mut out, &list, global.format)?;
    Ok(())
}

async fn profile(global: &Global, args: ProfileArgs) -> Result<(), Error> {
    let ws = open_read(global).await?;
    let mut profile = ws.profile(&args.country).await?;
    if let Some(year) = args.year {
        profile.keep_year(year);
    }
    if global.xlsx() {
        let path = output::xlsx_path(args.output.as_deref())?;
        return crate::outfile::write_file(
            path,
            &report::xlsx::profile::workbook_in(&profile, global.lang)?,
        );
    }
    let write = |out: &mut dyn std::io::Write| -> Result<(), Error> {
        output::profile(out, &profile, global.format, global.lang)?;
        if args.why && global.format == Format::Table {
            output::profile_why(out, &profile)?;
        }
        Ok(())
    };
    match &args.output {
        Some(path) => crate::outfile::write_with(path, write),
        None => write(&mut crate::output::stdout(global.format)),
    }
}

/// `coherence import`: reads every file (named, or found in the named folders), then
/// stores each readable dataset as one transaction, unless a file could not be read
/// (or, with `--strict`, was refused): then nothing is stored.
async fn import(global: &Global, args: ImportArgs) -> Result<(), Error> {
    let unknown = if args.skip_unknown {
        analysis::UnknownAreas::Skip
    } else {
        analysis::UnknownAreas::Reject
    };
    let mut limits = analysis::Limits::default();
    for (limit, value) in &args.limits {
        limits.set(*limit, *value);
    }
    let mut reports = Vec::new();
    let mut read = Vec::new();
    // Every file is read (and validated) before anything is stored.
    for (path, named) in import_paths(&args.files)? {
        let file = analysis::FileReader::new(args.kind.as_deref(), unknown, &limits)
            .and_then(|r| r.read(&crate::files::input(&path, limits.file_bytes)?));
        match file {
            Ok(file) => {
                reports.push(output::ImportedFile::read(&file, args.dry_run));
                read.push((reports.len() - 1, file));
            }
            Err(err @ analysis::Error::UnknownKind { .. }) => return Err(err.into()),
            Err(analysis::Error::Unrecognised { .. }) => {
                reports.push(output::ImportedFile::refused(&path, output::NOT_RECOGNISED.into()));
            }
            // A file found in a folder that resembles a layout but does not fit it is
            // refused; a file the user named is expected to be readable.
            Err(err) if err.exceeded_limit().is_some() => {
                let limit = err.exceeded_limit().map_or("", |l| l.name());
                let reason = format!("{err}; to read it, raise the limit with --limit {limit}=N");
                reports.push(output::ImportedFile::failed(&path, reason));
            }
            Err(err @ analysis::Error::Import(_)) if !named => {
                let reason = format!("not readable as the layout it resembles: {err}");
                reports.push(output::ImportedFile::refused(&path, reason));
            }
            Err(err) => {
                reports
                    .push(output::ImportedFile::failed(&path, crate::hints::analysis_error(&err)));
            }
        }
    }
    let summary = output::ImportSummary::of(&reports);
    let blocked = summary.failed > 0 || (args.strict && summary.refused > 0);
    if !args.dry_run && !blocked && !read.is_empty() {
        let ws = open(global).await?;
        for (i, file) in &read {
            let bar = progress::bar("storing", global.quiet);
            let mode = if args.replace {
                analysis::ImportMode::Replace
            } else {
                analysis::ImportMode::Add
            };
            let result = ws.load_with(file.dataset(), mode, &mut progress::callback(&bar)).await;
            bar.finish_and_clear();
            // Each dataset is one transaction: a failed one leaves the store as it was,
            // and the others are still stored.
            match result {
                Ok(outcome) => reports[*i].stored(outcome),
                Err(err) if err.is_conflict() => reports[*i]
                    .fail(format!("{err}; to replace the stored edition, import with --replace")),
                Err(err) => reports[*i].fail(crate::hints::analysis_error(&err)),
            }
        }
    }
    let summary = output::ImportSummary::of(&reports);
    let mut out = crate::output::stdout(global.format);
    output::import(&mut out, &reports, &summary, global.format, global.verbose > 0)?;
    if summary.failed > 0 {
        let stored = if blocked { "; nothing was stored" } else { "" };
        return Err(format!("{} file(s) could not be imported{stored}", summary.failed).into());
    }
    if args.strict && summary.refused > 0 {
        return Err(
            format!("--strict: {} file(s) refused; nothing was stored", summary.refused).into()
        );
    }
    Ok(())
}

/// The files to import, each with whether the user named it (`true`) or it was found
/// in a named folder (`false`). A folder is searched recursively; its files come in
/// sorted path order, hidden files and folders (names starting with `.`) skipped.
fn import_paths(given: &[PathBuf]) -> Result<Vec<(PathBuf, bool)>, Error> {
    let mut out = Vec::new();
    for path in given {
        if path.is_dir() {
            let mut found = Vec::new();
            files_under(path, &mut found)?;
            found.sort();
            out.extend(found.into_iter().map(|p| (p, false)));
        } else {
            out.push((path.clone(), true));
        }
    }
    Ok(out)
}

/// Collects the files under `dir`, recursively, skipping hidden entries.
fn files_under(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, found)?;
        } else if path.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

async fn report(global: &Global, args: ReportArgs) -> Result<(), Error> {
    let ws = open_read(global).await?;
    crate::briefs::report(global, &ws, args).await
}

/// The download cache: `--cache`/`$COHERENCE_CACHE`, else the per-user cache folder.
fn cache_dir(args: &FetchArgs) -> PathBuf {
    if let Some(dir) = &args.cache {
        return dir.clone();
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")));
    match base {
        Some(dir) => dir.join("coherence").join("downloads"),
        None => PathBuf::from("coherence-downloads"),
    }
}

async fn fetch_datasets(global: &Global, args: FetchArgs) -> Result<(), Error> {
    let catalogue = fetch::catalogue()?;
    if args.list {
        let rows: Vec<Vec<String>> = catalogue
            .datasets
            .iter()
            .map(|d| {
                let manual = d.files.iter().filter(|f| f.is_manual()).count();
                let how = if manual == d.files.len() { "by hand" } else { "automatic" };
                vec![
                    d.id.clone(),
                    d.publisher.clone(),
                    d.title.clone(),
                    d.edition.clone(),
                    how.to_owned(),
                ]
            })
            .collect();
        let mut out = crate::output::stdout(global.format);
        output::plain_table(
            &mut out,
            &["dataset", "publisher", "title", "edition", "download"],
            &rows,
        )?;
        return Ok(());
    }
    let selected = catalogue.select(&args.datasets)?;
    let mut options = fetch::Options::new(cache_dir(&args));
    options.retries = args.retries;
    options.max_bytes = args.max_bytes;
    if let Some(mirror) = &args.mirror {
        options.mirror = Some(fetch::Url::parse(mirror)?);
    }
    let mut by_hand: Vec<&fetch::Dataset> = Vec::new();
    let mut to_import: Vec<(PathBuf, String)> = Vec::new();
    let mut unreachable = None;
    for dataset in &selected {
        let mut needs_hand = false;
        for file in &dataset.files {
            if file.is_manual() {
                needs_hand = true;
                continue;
            }
            let bar = progress::bytes_bar(&file.save_as, global.quiet);
            // Downloads are blocking; nothing else runs on this runtime meanwhile.
            let result = fetch::download(dataset, file, &options, &mut |done, total| {
                if let Some(total) = total {
                    bar.set_length(total);
                }
                bar.set_position(done);
            });
            bar.finish_and_clear();
            match result {
                Ok(got) => {
                    let how = if got.cached {
                        "already in the cache"
                    } else if got.resumed {
                        "downloaded (resumed)"
                    } else {
                        "downloaded"
                    };
                    println!(
                        "{}: {how}: {} ({} bytes, sha256 {})",
                        dataset.id,
                        got.path.display(),
                        got.bytes,
                        got.sha256
                    );
                    if let Some(kind) = &file.kind {
                        to_import
                            .extend(got.import_files.iter().map(|p| (p.clone(), kind.clone())));
                    }
                }
                Err(err) if err.is_unreachable() => {
                    needs_hand = true;
                    unreachable.get_or_insert_with(|| err.to_string());
                }
                Err(err @ fetch::FetchError::TooLarge { .. }) => {
                    return Err(format!(
                        "{err}; to allow larger files, fetch with --max-bytes SIZE"
                    )
                    .into());
                }
                Err(err) => return Err(err.into()),
            }
        }
        if needs_hand {
            by_hand.push(dataset);
        }
    }
    if !by_hand.is_empty() {
        eprint!("{}", fetch::offline_help(&by_hand));
    }
    if args.import && !to_import.is_empty() {
        let ws = open(global).await?;
        for (path, kind) in &to_import {
            let limits = analysis::Limits::default();
            let files = analysis::read_files(
                &[crate::files::input(path, limits.file_bytes)?],
                Some(kind),
                analysis::UnknownAreas::Reject,
                &limits,
            )?;
            for f in &files {
                let bar = progress::bar("storing", global.quiet);
                let outcome = ws.load(f.dataset(), &mut progress::callback(&bar)).await?;
                bar.finish_and_clear();
                println!(
                    "{}: {} import {} ({})",
                    f.path,
                    outcome.status,
                    outcome.import_id,
                    output::rows_text(&outcome.rows)
                );
            }
        }
    }
    match unreachable {
        Some(err) => Err(format!(
            "could not reach the publisher ({err}); the files to download by hand are listed above"
        )
        .into()),
        None => Ok(()),
    }
}

/// The options of a brief written now: its colophon carries today's UTC date, or the
/// date of `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention)
/// when that variable is set, and this program's version; it is written in `--lang`.
pub(crate) fn brief_options(global: &Global) -> Result<report::brief::BriefOptions, Error> {
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) => text.trim().parse::<i64>().map_err(|_| {
            format!(
                "SOURCE_DATE_EPOCH is {text:?}: expected whole seconds since 1970-01-01 (UTC), e.g. 1796601600"
            )
        })?,
        Err(_) => jiff::Timestamp::now().as_second(),
    };
    let colophon = report::brief::Colophon::at(seconds, env!("CARGO_PKG_VERSION"));
    Ok(report::brief::BriefOptions::new(colophon).in_lang(global.lang))
}
