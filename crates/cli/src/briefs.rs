//! `coherence report`: a country's brief as HTML or, with `--pdf`, printed by headless
//! Chromium; with `--all`, every country's brief into a folder, with one browser for
//! them all.

use std::path::Path;

use analysis::Workspace;
use analysis::profile::CountryProfile;

use crate::args::{Global, ReportArgs};
use crate::commands::Error;

/// How many profiles `--all` builds at a time (what all profiles share is read once
/// per batch; the briefs of a batch are held in memory together).
const BATCH: usize = 16;

/// Runs `coherence report` on the open store.
pub(crate) async fn report(global: &Global, ws: &Workspace, args: ReportArgs) -> Result<(), Error> {
    // Chromium is started before any work, so a missing browser fails at once.
    let mut printer = if args.pdf { Some(start_printer()?) } else { None };
    match &args.country {
        Some(country) if !args.all => one(global, ws, &args, country, printer.as_mut()).await,
        _ => all(global, ws, &args, printer.as_mut()).await,
    }
}

/// Starts the browser named by `COHERENCE_CHROMIUM` or found on `PATH`.
fn start_printer() -> Result<print::Printer, Error> {
    Ok(print::Printer::start(&print::Options::from_env())?)
}

async fn one(
    global: &Global,
    ws: &Workspace,
    args: &ReportArgs,
    country: &str,
    printer: Option<&mut print::Printer>,
) -> Result<(), Error> {
    let profile = ws.profile(country).await?;
    let (scenarios, warnings) =
        crate::scenario::brief_results(&args.scenarios, &profile.area.iso3)?;
    if !global.quiet {
        for w in &warnings {
            eprintln!("warning: {w}");
        }
    }
    let html =
        report::brief::render_with(&profile, &scenarios, &crate::commands::brief_options(global)?);
    let bytes = match printer {
        Some(printer) => pdf(printer, &profile, &html, args.paper, global.lang)?,
        None => html.into_bytes(),
    };
    crate::outfile::write_file(&args.output, &bytes)?;
    if let Some(notice) = profile.fictional_notice.as_ref().filter(|_| !global.quiet) {
        eprintln!("{notice}");
    }
    println!("{}", args.output.display());
    Ok(())
}

/// Every country and area of the store (the demo world's first, then the real ones),
/// one `ISO3.html` or `ISO3.pdf` each in the folder `args.output`.
async fn all(
    global: &Global,
    ws: &Workspace,
    args: &ReportArgs,
    mut printer: Option<&mut print::Printer>,
) -> Result<(), Error> {
    let dir = &args.output;
    ensure_folder(dir)?;
    let areas = ws.profile_areas().await?;
    let bar = crate::progress::bar("briefs", global.quiet);
    bar.set_length(areas.len() as u64);
    let extension = if printer.is_some() { "pdf" } else { "html" };
    let options = crate::commands::brief_options(global)?;
    for batch in areas.chunks(BATCH) {
        let codes: Vec<&str> = batch.iter().map(|a| a.iso3.as_str()).collect();
        for profile in ws.profiles(&codes).await? {
            let html = report::brief::render(&profile, &options);
            let bytes = match printer.as_deref_mut() {
                Some(printer) => pdf(printer, &profile, &html, args.paper, global.lang)
                    .map_err(|e| format!("{}: {e}", profile.area.iso3))?,
                None => html.into_bytes(),
            };
            let path = dir.join(format!("{}.{extension}", profile.area.iso3));
            crate::outfile::write_file(&path, &bytes)?;
            bar.inc(1);
            bar.suspend(|| println!("{}", path.display()));
        }
    }
    bar.finish_and_clear();
    Ok(())
}

/// Creates the folder `dir` if needed; refuses a file or a link there.
fn ensure_folder(dir: &Path) -> Result<(), Error> {
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(format!(
            "{} is not a folder: with --all, -o names the folder the briefs are written to",
            dir.display()
        )
        .into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()).into()),
        Err(e) => Err(format!("cannot write in {}: {e}", dir.display()).into()),
    }
}

/// The options of printing a brief with the page labels `labels` on `paper`.
pub(crate) fn pdf_options(
    labels: report::print_css::PageLabels,
    paper: print::Paper,
) -> print::PdfOptions {
    let furniture = print::Furniture {
        page: labels.page,
        of: labels.of,
        lang: labels.lang.code().to_owned(),
        dir: labels.lang.dir().to_owned(),
    };
    print::PdfOptions { paper, title: labels.title, banner: labels.banner, furniture }
}

/// Prints the brief `html` of `profile` in `lang` on `paper`, with its title in the
/// footer and, for fictional data, the banner on every page.
fn pdf(
    printer: &mut print::Printer,
    profile: &CountryProfile,
    html: &str,
    paper: print::Paper,
    lang: i18n::Lang,
) -> Result<Vec<u8>, Error> {
    let labels = report::print_css::page_labels(profile, lang);
    let options = crate::briefs::pdf_options(labels, paper);
    Ok(printer.print(html, &options)?)
}
