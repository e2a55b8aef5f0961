//! Rendering results as aligned text tables, JSON or CSV.

use std::io::Write;

use analysis::profile::{CountryProfile, Value};
use analysis::{DatasetInfo, RowCounts};

use crate::args::Format;
use crate::commands::Error;

/// "N areas, N values, N pairs, N policies".
pub(crate) fn rows_text(rows: &RowCounts) -> String {
    format!(
        "{} areas, {} values, {} pairs, {} policies",
        rows.areas, rows.values, rows.pairs, rows.policies
    )
}

/// Standard output for a command's result. In table format, or whenever standard output
/// is a terminal, control characters that came with the data (an escape sequence in a
/// country's name, say) are shown as `�` instead of reaching the terminal; line feeds and
/// tabs pass. JSON and CSV sent to a file or a pipe are written as they are.
pub(crate) fn stdout(format: Format) -> Screen<std::io::StdoutLock<'static>> {
    use std::io::IsTerminal;
    let out = std::io::stdout();
    let clean = format == Format::Table || out.is_terminal();
    Screen { inner: out.lock(), clean }
}

/// A writer that replaces control characters (see [`stdout`]).
pub(crate) struct Screen<W: Write> {
    inner: W,
    clean: bool,
}

impl<W: Write> Screen<W> {
    /// A writer that cleans what passes through it.
    #[cfg(test)]
    fn new(inner: W) -> Screen<W> {
        Screen { inner, clean: true }
    }
}

impl<W: Write> Write for Screen<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.clean || !buf.iter().any(|b| is_control(*b)) {
            return self.inner.write(buf);
        }
        let mut cleaned = Vec::with_capacity(buf.len() + 8);
        for &b in buf {
            if is_control(b) {
                cleaned.extend_from_slice("\u{fffd}".as_bytes());
            } else {
                cleaned.push(b);
            }
        }
        self.inner.write_all(&cleaned)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A C0 control other than line feed and tab, or DEL. (UTF-8 continuation bytes are all
/// ≥ 0x80, so a byte test never splits a character.)
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f
}

/// The commands that write `--format xlsx`, for messages.
pub(crate) const XLSX_COMMANDS: &str =
    "profile, estimate, matrix metrics, scenario compare and register export";

/// The file an Excel workbook is written to: `-o FILE` (or `--out FILE`), which a
/// workbook needs (it is binary: never written to a terminal or a pipe by default).
pub(crate) fn xlsx_path(output: Option<&std::path::Path>) -> Result<&std::path::Path, Error> {
    output.ok_or_else(|| {
        "--format xlsx writes an Excel workbook, a binary file: give the file with -o FILE \
         (e.g. -o profile.xlsx)"
            .into()
    })
}

/// A CSV writer whose text fields cannot start a formula in a spreadsheet: a field that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is not a number as a
/// whole gets a `'` before it (`domain::spreadsheet::formula_safe`). Every CSV the CLI
/// writes goes through it, but for the files of other crates' writers, which apply the
/// same rule (`montecarlo::output`, `analysis`'s estimates and profiles, `assess::render`,
/// `ingest::register`).
pub(crate) struct SafeCsv<W: Write>(csv::Writer<W>);

impl<W: Write> SafeCsv<W> {
    /// A writer of CSV records into `out`.
    pub(crate) fn new(out: W) -> SafeCsv<W> {
        SafeCsv(csv::Writer::from_writer(out))
    }

    /// Writes one record, each text field made formula-safe.
    pub(crate) fn write_record<I, T>(&mut self, fields: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        self.0.write_record(
            fields.into_iter().map(|f| domain::spreadsheet::formula_safe(f.as_ref()).into_owned()),
        )
    }

    /// Writes out what is buffered.
    pub(crate) fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Writes rows as a table with columns padded to their widest cell.
fn table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line =
        |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| -> std::io::Result<()> {
            let mut text = String::new();
            for (i, (cell, w)) in cells.zip(&widths).enumerate() {
                if i > 0 {
                    text.push_str("  ");
                }
                text.push_str(cell);
                text.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.chars().count())));
            }
            writeln!(out, "{}", text.trim_end())
        };
    line(out, &mut header.iter().copied())?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &mut rule.iter().map(String::as_str))?;
    for row in rows {
        line(out, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

/// Writes a plain text table (for commands whose output is a list).
pub(crate) fn plain_table(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
) -> std::io::Result<()> {
    table(out, header, rows)
}

/// Formats a number with thousands separators and the given decimals.
pub(crate) fn number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign =
        if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn show(v: &Value) -> String {
    use domain::Unit;
    match v.unit {
        Unit::Persons => number(v.value, 0),
        Unit::UsdCurrent | Unit::UsdPpp => format!("{} million", number(v.value / 1e6, 1)),
        Unit::Percent => format!("{}%", number(v.value, 2)),
        Unit::PerThousand | Unit::Number => number(v.value, 2),
    }
}

pub(crate) fn datasets(
    out: &mut dyn Write,
    list: &[DatasetInfo],
    format: Format,
) -> Result<(), Error> {
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(list)?)?,
        Format::Csv => {
            let mut w = crate::output::SafeCsv::new(out);
            w.write_record([
                "id",
                "key",
                "edition",
                "default",
                "fictional",
                "publisher",
                "title",
                "source",
                "licence",
                "imported_at",
                "areas",
                "values",
                "pairs",
                "policies",
                "files",
            ])?;
            for d in list {
                let files: Vec<String> = d
                    .files
                    .iter()
                    .map(|f| format!("{}:{}", f.name, f.sha256.as_deref().unwrap_or("")))
                    .collect();
                w.write_record([
                    d.id.to_string(),
                    d.key.clone(),
                    d.edition.clone(),
                    d.is_default.to_string(),
                    d.fictional.to_string(),
                    d.publisher.clone(),
                    d.title.clone(),
                    d.source.clone(),
                    d.licence.clone().unwrap_or_default(),
                    d.imported_at.clone(),
                    d.rows.areas.to_string(),
                    d.rows.values.to_string(),
                    d.rows.pairs.to_string(),
                    d.rows.policies.to_string(),
                    files.join(" "),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            if list.is_empty() {
                writeln!(
                    out,
                    "no datasets loaded; try `coherence demo` or `coherence import FILE`"
                )?;
                return Ok(());
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|d| {
                    vec![
                        d.id.to_string(),
                        d.key.clone(),
                        format!("{}{}", d.edition, if d.is_default { " *" } else { "" }),
                        d.publisher.clone(),
                        d.title.clone(),
                        rows_text(&d.rows),
                        d.imported_at.clone(),
                    ]
                })
                .collect();
            table(out, &["id", "key", "edition", "publisher", "title", "rows", "imported"], &rows)?;
            writeln!(out, "\n* default (newest) edition of its key")?;
            for d in list {
                writeln!(out, "\n[{}] {} — source: {}", d.id, d.title, d.source)?;
                if let Some(licence) = &d.licence {
                    writeln!(out, "    licence: {licence}")?;
                }
                if d.fictional {
                    writeln!(out, "    {}", analysis::FICTIONAL_NOTICE)?;
                }
                for f in &d.files {
                    let size = f
                        .bytes
                        .map(|b| format!(", {} bytes", number(b as f64, 0)))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "    {}  sha256 {}{size}",
                        f.name,
                        f.sha256.as_deref().unwrap_or("(not recorded)")
                    )?;
                }
            }
        }
    }
    Ok(())
}

pub(crate) fn checks(
    out: &mut dyn Write,
    checks: &[analysis::checks::Check],
    format: Format,
    top: usize,
) -> Result<(), Error> {
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(checks)?)?,
        Format::Csv => {
            let mut w = crate::output::SafeCsv::new(out);
            w.write_record([
                "check",
                "dataset_a",
                "dataset_b",
                "area",
                "year",
                "value_a",
                "value_b",
                "difference_pct",
                "cause",
            ])?;
            for c in checks {
                for d in &c.discrepancies {
                    w.write_record([
                        c.name.as_str(),
                        c.datasets.first().map_or("", String::as_str),
                        c.datasets.get(1).map_or("", String::as_str),
                        &d.area,
                        &d.year.to_string(),
                        &d.value_a.to_string(),
                        &d.value_b.to_string(),
                        &d.difference_pct.map(|p| p.to_string()).unwrap_or_default(),
                        &d.cause,
                    ])?;
                }
            }
            w.flush()?;
        }
        Format::Table => checks_table(out, checks, top)?,
    }
    Ok(())
}

/// `datasets check` as text: each comparison with its tolerance, counts and largest
/// differences (causes as numbered notes), then what was not compared and why.
fn checks_table(
    out: &mut dyn Write,
    checks: &[analysis::checks::Check],
    top: usize,
) -> Result<(), Error> {
    use analysis::checks::Status;
    if checks.is_empty() {
        writeln!(
            out,
            "nothing to cross-check: load overlapping datasets first (e.g. bilateral stocks and totals)"
        )?;
        return Ok(());
    }
    for c in checks.iter().filter(|c| c.status == Status::Compared) {
        writeln!(out, "{}", c.name)?;
        writeln!(out, "  A: {}", c.datasets.first().map_or("", String::as_str))?;
        let same = c.dataset_ids.first() == c.dataset_ids.get(1);
        let b = c.datasets.get(1).map_or("", String::as_str);
        writeln!(out, "  B: {}", if same { "the same dataset's own totals" } else { b })?;
        let pct = c.tolerance.as_ref().map_or(0.0, |t| t.pct);
        if let Some(t) = &c.tolerance {
            writeln!(out, "  tolerance \u{b1}{pct}%: {}", t.basis)?;
        }
        writeln!(
            out,
            "  {} area-years compared: {} agree within \u{b1}{pct}%, {} with A below B, {} with A above B",
            c.compared, c.agree, c.below, c.above
        )?;
        if c.no_estimate > 0 {
            writeln!(
                out,
                "  {} area-years where either side is 0 (no estimate): not compared, not discrepancies",
                c.no_estimate
            )?;
        }
        if !c.discrepancies.is_empty() {
            let mut causes: Vec<&str> = Vec::new();
            let rows: Vec<Vec<String>> = c
                .discrepancies
                .iter()
                .take(top)
                .map(|d| {
                    let n = causes.iter().position(|x| *x == d.cause).unwrap_or_else(|| {
                        causes.push(&d.cause);
                        causes.len() - 1
                    });
                    vec![
                        d.area.clone(),
                        d.year.to_string(),
                        number(d.value_a, 0),
                        number(d.value_b, 0),
                        d.difference_pct
                            .map_or_else(|| "n/a (B is 0)".to_owned(), |p| format!("{p:+.2}%")),
                        format!("({})", n + 1),
                    ]
                })
                .collect();
            writeln!(out, "  largest differences ({} of {}):", rows.len(), c.discrepancies.len())?;
            table(out, &["area", "year", "A", "B", "(A-B)/B", "cause"], &rows)?;
            for (i, cause) in causes.iter().enumerate() {
                writeln!(out, "  ({}) {cause}", i + 1)?;
            }
        }
        writeln!(out)?;
    }
    let skipped: Vec<_> = checks.iter().filter(|c| c.status == Status::NotCompared).collect();
    if !skipped.is_empty() {
        writeln!(out, "Not compared")?;
    }
    for c in skipped {
        writeln!(out, "- {}", c.name)?;
        for (label, d) in ["A", "B"].iter().zip(&c.datasets) {
            writeln!(out, "  {label}: {d}")?;
        }
        writeln!(out, "  why: {}", c.reason.as_deref().unwrap_or(""))?;
    }
    Ok(())
}

pub(crate) fn profile(
    out: &mut dyn Write,
    p: &CountryProfile,
    format: Format,
    lang: i18n::Lang,
) -> Result<(), Error> {
    match format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(p)?)?,
        Format::Csv => out.write_all(p.to_csv()?.as_bytes())?,
        Format::Table => crate::profile_table::write(out, p, lang)?,
    }
    Ok(())
}

/// A number with thousands separators and at most two decimals.
pub(crate) fn thousands(v: f64) -> String {
    number(v, if v.fract() == 0.0 || v.abs() >= 1000.0 { 0 } else { 2 })
}

/// The command that fills a data gap.
pub(crate) fn fill_command(fill: &analysis::profile::Fill, country: &str) -> String {
    use analysis::profile::Fill;
    match fill {
        Fill::EstimateFlows { from, to } => format!(
            "coherence estimate flows --method sd_rev_neg --from {from} --to {to} --out flows.csv --store   (methods: coherence estimate flows --help)"
        ),
        Fill::ImportRegister => format!(
            "coherence register import FILE.toml   (a register of {country}; docs/register.md)"
        ),
        Fill::StoreAnswers { country, framework } => format!(
            "coherence assess {country} --answers FILE.csv --store   (answers to {framework})"
        ),
    }
}

/// With `--why`: for each figure chosen among several datasets, the rule that chose it
/// and the values it beat.
pub(crate) fn profile_why(out: &mut dyn Write, p: &CountryProfile) -> Result<(), Error> {
    writeln!(out, "\nWhy these figures (the selection rules, docs/data.md)")?;
    let mut chosen: Vec<(&str, i32, &Value)> = Vec::new();
    for (label, list) in [("immigrant stock", &p.stock_in), ("emigrant stock", &p.stock_out)] {
        chosen.extend(list.iter().map(|s| (label, s.year, &s.total)));
    }
    for (label, list) in [
        ("population", &p.population),
        ("GDP", &p.gdp),
        ("remittances received", &p.remittances_received),
        ("remittances paid", &p.remittances_paid),
        ("SDG 17.3.2", &p.sdg_17_3_2),
        ("net migration", &p.net_migration),
        ("exports", &p.exports),
    ] {
        chosen.extend(list.iter().map(|v| (label, v.year, &v.value)));
    }
    let mut any = false;
    for (label, year, value) in chosen {
        let Some(choice) = value.choice.as_ref().filter(|c| !c.alternatives.is_empty()) else {
            continue;
        };
        any = true;
        writeln!(out, "  {label} {year}: {} from {}", show(value), value.source.dataset)?;
        writeln!(out, "    rule {}", choice.rule)?;
        for a in &choice.alternatives {
            writeln!(
                out,
                "    not used: {} from {} ({})",
                thousands(a.value),
                a.dataset,
                a.reason
            )?;
        }
    }
    if !any {
        writeln!(out, "  every figure came from the only dataset that holds it")?;
    }
    Ok(())
}

/// The reason given for a file whose layout is not recognised.
pub(crate) const NOT_RECOGNISED: &str = "not a layout Coherence recognises";

/// What became of one file given to (or found by) `coherence import`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum FileOutcome {
    /// Stored as a new or replacing import.
    Imported,
    /// Stored before with the same content: nothing changed.
    Unchanged,
    /// Read; `--dry-run` stores nothing.
    WouldImport,
    /// Read, but not stored because another file failed (or, with `--strict`, was
    /// refused).
    NotStored,
    /// Not taken: not a recognised layout, or not readable as the layout it resembles.
    Refused,
    /// A real error: a named file that cannot be read, or a store error.
    Failed,
}

/// One file's line in the import report.
#[derive(Clone, Debug, serde::Serialize)]
pub(crate) struct ImportedFile {
    /// The file's path.
    pub(crate) file: String,
    /// What became of it.
    pub(crate) outcome: FileOutcome,
    /// The layout's `--kind` name, for a file read.
    pub(crate) kind: Option<String>,
    /// What the layout is, in words.
    pub(crate) description: Option<String>,
    /// Whether the layout was recognised (rather than forced with `--kind`).
    pub(crate) recognised: bool,
    /// The rows the file holds, for a file read.
    pub(crate) rows: Option<RowCounts>,
    /// What storing did, for a file stored.
    pub(crate) import: Option<analysis::LoadOutcome>,
    /// Things read but not stored (aggregates, skipped unknown areas...).
    pub(crate) diagnostics: Vec<analysis::FileDiagnostic>,
    /// Why the file was refused or failed.
    pub(crate) reason: Option<String>,
}

impl ImportedFile {
    /// A file read; `dry_run` marks it as one that would be imported.
    pub(crate) fn read(file: &analysis::ReadFile, dry_run: bool) -> ImportedFile {
        let [(_, areas), (_, values), (_, pairs), (_, policies)] = file.dataset().row_counts();
        ImportedFile {
            file: file.path.clone(),
            outcome: if dry_run { FileOutcome::WouldImport } else { FileOutcome::NotStored },
            kind: Some(file.kind.clone()),
            description: Some(file.description.clone()),
            recognised: file.detected,
            rows: Some(RowCounts {
                areas: areas as i64,
                values: values as i64,
                pairs: pairs as i64,
                policies: policies as i64,
            }),
            import: None,
            diagnostics: file.diagnostics.clone(),
            reason: None,
        }
    }

    /// A file refused, with the reason.
    pub(crate) fn refused(path: &std::path::Path, reason: String) -> ImportedFile {
        ImportedFile::unread(path, FileOutcome::Refused, reason)
    }

    /// A file that failed to read, with the error.
    pub(crate) fn failed(path: &std::path::Path, error: String) -> ImportedFile {
        ImportedFile::unread(path, FileOutcome::Failed, error)
    }

    fn unread(path: &std::path::Path, outcome: FileOutcome, reason: String) -> ImportedFile {
        ImportedFile {
            file: path.display().to_string(),
            outcome,
            kind: None,
            description: None,
            recognised: false,
            rows: None,
            import: None,
            diagnostics: Vec::new(),
            reason: Some(reason),
        }
    }

    /// Records what storing the file did.
    pub(crate) fn stored(&mut self, outcome: analysis::LoadOutcome) {
        self.outcome = if outcome.status == analysis::LoadStatus::Unchanged {
            FileOutcome::Unchanged
        } else {
            FileOutcome::Imported
        };
        self.import = Some(outcome);
    }

    /// Records a store error for the file.
    pub(crate) fn fail(&mut self, error: String) {
        self.outcome = FileOutcome::Failed;
        self.reason = Some(error);
    }
}

/// The counts at the end of an import report.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub(crate) struct ImportSummary {
    /// Files stored as new or replacing imports.
    pub(crate) imported: usize,
    /// Files stored before with the same content.
    pub(crate) unchanged: usize,
    /// Files read that `--dry-run` would store.
    pub(crate) would_import: usize,
    /// Files read but not stored because of another file.
    pub(crate) not_stored: usize,
    /// Files refused.
    pub(crate) refused: usize,
    /// Files that failed.
    pub(crate) failed: usize,
}

impl ImportSummary {
    /// Counts the outcomes of `files`.
    pub(crate) fn of(files: &[ImportedFile]) -> ImportSummary {
        let mut s = ImportSummary::default();
        for f in files {
            *match f.outcome {
                FileOutcome::Imported => &mut s.imported,
                FileOutcome::Unchanged => &mut s.unchanged,
                FileOutcome::WouldImport => &mut s.would_import,
                FileOutcome::NotStored => &mut s.not_stored,
                FileOutcome::Refused => &mut s.refused,
                FileOutcome::Failed => &mut s.failed,
            } += 1;
        }
        s
    }

    /// The summary line: "3 file(s) imported, 1 unchanged, 2 refused".
    fn text(&self) -> String {
        let mut parts = Vec::new();
        if self.would_import > 0 {
            parts.push(format!("{} file(s) would be imported", self.would_import));
        } else {
            parts.push(format!("{} file(s) imported", self.imported));
            parts.push(format!("{} unchanged", self.unchanged));
        }
        parts.push(format!("{} refused", self.refused));
        if self.failed > 0 {
            parts.push(format!("{} failed", self.failed));
        }
        if self.not_stored > 0 {
            parts.push(format!("{} read but not stored", self.not_stored));
        }
        parts.join(", ")
    }
}

/// Renders an import report: each file's outcome, then the summary. In a table, notes
/// and warnings go to stderr, each naming its file; `verbose` lists every note.
pub(crate) fn import(
    out: &mut dyn Write,
    files: &[ImportedFile],
    summary: &ImportSummary,
    format: Format,
    verbose: bool,
) -> Result<(), Error> {
    match format {
        Format::Json => {
            let value = serde_json::json!({ "files": files, "summary": summary });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        Format::Csv => import_csv(out, files)?,
        Format::Table => {
            for f in files.iter().filter(|f| f.kind.is_some() || f.outcome == FileOutcome::Failed) {
                import_file_text(out, f, verbose)?;
            }
            writeln!(out, "{}", summary.text())?;
            for f in files.iter().filter(|f| f.outcome == FileOutcome::Refused) {
                writeln!(out, "  refused: {}: {}", f.file, f.reason.as_deref().unwrap_or(""))?;
            }
        }
    }
    Ok(())
}

/// One file's lines in a table report (notes to stderr).
fn import_file_text(out: &mut dyn Write, f: &ImportedFile, verbose: bool) -> Result<(), Error> {
    let path = &f.file;
    if let (Some(kind), Some(description)) = (&f.kind, &f.description) {
        let how = if f.recognised { "recognised as" } else { "read as" };
        write!(out, "{path}: {how} {description} ({kind})")?;
        match (&f.outcome, &f.import, &f.rows) {
            (FileOutcome::WouldImport, _, Some(rows)) => {
                writeln!(out, "; would store {}", rows_text(rows))?;
            }
            (FileOutcome::NotStored, _, _) => writeln!(out, "; not stored")?,
            (_, Some(o), _) => {
                writeln!(out)?;
                writeln!(
                    out,
                    "  {} import {} ({} edition {}): {}",
                    o.status,
                    o.import_id,
                    o.key,
                    o.edition,
                    rows_text(&o.rows)
                )?;
                if o.duplicates > 0 {
                    writeln!(
                        out,
                        "  {} cell(s) were already stored with the same value from another file of this edition",
                        o.duplicates
                    )?;
                }
                if let Some(r) = &o.replaced {
                    writeln!(
                        out,
                        "  replaced import {}: {} from {} went",
                        r.import_id,
                        rows_text(&r.rows),
                        r.files.join(", ")
                    )?;
                }
            }
            _ => writeln!(out)?,
        }
    }
    if f.outcome == FileOutcome::Failed {
        writeln!(out, "{path}: failed: {}", f.reason.as_deref().unwrap_or(""))?;
    }
    let (unknown, others): (Vec<_>, Vec<_>) =
        f.diagnostics.iter().partition(|d| d.kind == analysis::DiagnosticKind::UnknownArea);
    for d in &unknown {
        eprintln!("{path}: warning: {d}");
    }
    if verbose {
        for d in &others {
            eprintln!("{path}: note: {d}");
        }
    } else if !others.is_empty() {
        eprintln!(
            "{path}: {} note(s) on values not stored (aggregates, areas without a code); -v lists them",
            others.len()
        );
    }
    Ok(())
}

/// An import report as CSV: one row per file.
fn import_csv(out: &mut dyn Write, files: &[ImportedFile]) -> Result<(), Error> {
    let mut w = crate::output::SafeCsv::new(out);
    w.write_record([
        "file",
        "outcome",
        "kind",
        "recognised",
        "status",
        "import_id",
        "key",
        "edition",
        "areas",
        "values",
        "pairs",
        "policies",
        "notes",
        "reason",
    ])?;
    for f in files {
        let outcome = serde_json::to_value(f.outcome)?;
        let rows = f.import.as_ref().map(|o| &o.rows).or(f.rows.as_ref());
        let count = |pick: fn(&RowCounts) -> i64| rows.map(|r| pick(r).to_string());
        let import = f.import.as_ref();
        w.write_record([
            f.file.clone(),
            outcome.as_str().unwrap_or("").to_owned(),
            f.kind.clone().unwrap_or_default(),
            f.recognised.to_string(),
            import.map(|o| o.status.as_str().to_owned()).unwrap_or_default(),
            import.map(|o| o.import_id.to_string()).unwrap_or_default(),
            import.map(|o| o.key.clone()).unwrap_or_default(),
            import.map(|o| o.edition.clone()).unwrap_or_default(),
            count(|r| r.areas).unwrap_or_default(),
            count(|r| r.values).unwrap_or_default(),
            count(|r| r.pairs).unwrap_or_default(),
            count(|r| r.policies).unwrap_or_default(),
            f.diagnostics.len().to_string(),
            f.reason.clone().unwrap_or_default(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(number(1234567.0, 0), "1,234,567");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(-1234.5, 1), "-1,234.5");
        assert_eq!(number(0.004, 2), "0.00");
        assert_eq!(number(-0.001, 2), "0.00");
    }
}

#[cfg(test)]
mod screen_tests {
    use std::io::Write;

    use super::Screen;

    #[test]
    fn escape_sequences_from_data_do_not_reach_the_terminal() {
        let mut s = Screen::new(Vec::new());
        write!(s, "Mali\x1b[31m red\x07\tok\nnext\x7f é").unwrap();
        let text = String::from_utf8(s.inner).unwrap();
        assert_eq!(text, "Mali\u{fffd}[31m red\u{fffd}\tok\nnext\u{fffd} é");
    }
}
