//! Output files: draws, parameters and summary CSV, paired differences CSV, and the run
//! manifest (JSON). The columnar files (Arrow IPC) are in [`crate::arrow`].
//!
//! Numbers are written in Rust's shortest round-trip decimal form, so a value read
//! back from a file has the same bits, and a run gives the same bytes every time.
//! Text fields (option, model, metric and parameter names, units) are made
//! formula-safe (`domain::spreadsheet::formula_safe`): an option named
//! `=HYPERLINK(...)` is written `'=HYPERLINK(...)`, so a spreadsheet opening the file
//! shows it as text; numbers, negative ones included, are written as they are.
//!
//! Writers take any [`std::io::Write`]; readers take text or bytes. This crate opens
//! no file.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::engine::{Ensemble, MetricInfo, OptionInfo, ParamInfo, Row, RunInfo, Shard};
use crate::model::{Baseline, BaselineValue, Shape, Side};
use crate::summary::{DiffRow, Stats, SummaryRow};

/// The draws file's columns, in order.
pub const DRAWS_COLUMNS: [&str; 5] = ["draw", "option", "metric", "year", "value"];

/// Version of the manifest layout written; [`read_manifest`] reads it and
/// [`MANIFEST_FORMAT_V1`], and refuses others.
pub const MANIFEST_FORMAT: &str = "coherence-scenario-run/2";

/// The first manifest layout: its `files` are names only, without checksums.
pub const MANIFEST_FORMAT_V1: &str = "coherence-scenario-run/1";

/// A text field of a CSV file: formula-safe (`domain::spreadsheet::formula_safe`),
/// then quoted when it holds a comma, quote or line break (RFC 4180).
pub(crate) fn field(s: &str) -> std::borrow::Cow<'_, str> {
    let s = domain::spreadsheet::formula_safe(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s
    }
}

fn year(y: Option<u32>) -> String {
    y.map(|y| y.to_string()).unwrap_or_default()
}

/// Each option's name and the names of its rows (outputs or parameters, as `rows_of`
/// lists them), quoted for CSV once rather than per row.
fn csv_names(
    info: &RunInfo,
    rows_of: impl Fn(&OptionInfo) -> Vec<&str>,
) -> Vec<(String, Vec<String>)> {
    info.options
        .iter()
        .map(|o| {
            (
                field(&o.name).into_owned(),
                rows_of(o).into_iter().map(|n| field(n).into_owned()).collect(),
            )
        })
        .collect()
}

/// A CSV table of rows written as they arrive: the draws file or the parameters file.
/// The bytes are those of [`write_draws_csv`] (or [`write_parameters_csv`]) over all
/// the rows pushed, in however many pieces they came.
pub struct CsvRows<W: Write> {
    w: W,
    /// Each option's CSV name and its rows' CSV names.
    names: Vec<(String, Vec<String>)>,
    /// Whether rows have a `year` column (the draws file).
    years: bool,
    /// Written before each row: a sweep's `baseline` field and its comma; empty for a
    /// single run.
    prefix: String,
}

impl<W: Write> CsvRows<W> {
    /// Starts the draws file of `info` (writes its header).
    ///
    /// # Errors
    /// The writer's.
    pub fn draws(info: &RunInfo, mut w: W) -> io::Result<CsvRows<W>> {
        writeln!(w, "{}", DRAWS_COLUMNS.join(","))?;
        let names = csv_names(info, |o| o.metrics.iter().map(|m| m.name.as_str()).collect());
        Ok(CsvRows { w, names, years: true, prefix: String::new() })
    }

    /// Starts the parameters file of `info` (writes its header).
    ///
    /// # Errors
    /// The writer's.
    pub fn parameters(info: &RunInfo, mut w: W) -> io::Result<CsvRows<W>> {
        writeln!(w, "draw,option,parameter,value")?;
        let names = csv_names(info, |o| o.parameters.iter().map(|p| p.name.as_str()).collect());
        Ok(CsvRows { w, names, years: false, prefix: String::new() })
    }

    /// Rows of the draws file of a sweep (`baseline,draw,option,metric,year,value`) for
    /// the baseline `code` of `info`; no header (a sweep's file has one, written by
    /// its caller: [`crate::sweep::DRAWS_HEADER`]).
    pub fn sweep_draws(info: &RunInfo, code: &str, w: W) -> CsvRows<W> {
        let names = csv_names(info, |o| o.metrics.iter().map(|m| m.name.as_str()).collect());
        CsvRows { w, names, years: true, prefix: format!("{},", field(code)) }
    }

    /// Rows of the parameters file of a sweep (`baseline,draw,option,parameter,value`)
    /// for the baseline `code` of `info`; no header ([`crate::sweep::PARAMETERS_HEADER`]).
    pub fn sweep_parameters(info: &RunInfo, code: &str, w: W) -> CsvRows<W> {
        let names = csv_names(info, |o| o.parameters.iter().map(|p| p.name.as_str()).collect());
        CsvRows { w, names, years: false, prefix: format!("{},", field(code)) }
    }

    /// Writes rows (the next ones in the table's order).
    ///
    /// # Errors
    /// The writer's.
    pub fn push(&mut self, rows: &[Row]) -> io::Result<()> {
        for r in rows {
            let (option, names) = &self.names[r.option as usize];
            let name = &names[r.metric as usize];
            self.w.write_all(self.prefix.as_bytes())?;
            if self.years {
                writeln!(self.w, "{},{option},{name},{},{}", r.draw, year(r.year), r.value)?;
            } else {
                writeln!(self.w, "{},{option},{name},{}", r.draw, r.value)?;
            }
        }
        Ok(())
    }

    /// Returns the writer.
    pub fn finish(self) -> W {
        self.w
    }
}

/// Writes every value in long form: `draw,option,metric,year,value` (year empty for a
/// scalar), in the ensemble's order.
///
/// # Errors
/// The writer's.
pub fn write_draws_csv(e: &Ensemble, w: impl Write) -> io::Result<()> {
    CsvRows::draws(&e.info, w)?.push(&e.rows)
}

/// Writes every drawn parameter value: `draw,option,parameter,value`, in draw, option
/// and parameter order (fixed values included, so each draw's inputs are complete).
///
/// # Errors
/// The writer's.
pub fn write_parameters_csv(e: &Ensemble, w: impl Write) -> io::Result<()> {
    CsvRows::parameters(&e.info, w)?.push(&e.params)
}

fn stats_fields(s: &Stats) -> String {
    format!("{},{},{},{},{},{},{},{}", s.n, s.mean, s.sd, s.p05, s.p25, s.p50, s.p75, s.p95)
}

/// Writes the summary: `option,model,metric,unit,side,year,n,mean,sd,p05,p25,p50,p75,p95`.
///
/// # Errors
/// The writer's.
pub fn write_summary_csv(rows: &[SummaryRow], mut w: impl Write) -> io::Result<()> {
    writeln!(w, "option,model,metric,unit,side,year,n,mean,sd,p05,p25,p50,p75,p95")?;
    for r in rows {
        writeln!(
            w,
            "{},{},{},{},{},{},{}",
            field(&r.option),
            field(&r.model),
            field(&r.metric),
            field(&r.unit),
            r.side.as_str(),
            year(r.year),
            stats_fields(&r.stats)
        )?;
    }
    Ok(())
}

/// Writes paired differences:
/// `a,b,metric,unit,year,n,mean,sd,p05,p25,p50,p75,p95,share_b_greater`.
///
/// # Errors
/// The writer's.
pub fn write_diff_csv(rows: &[DiffRow], mut w: impl Write) -> io::Result<()> {
    writeln!(w, "a,b,metric,unit,year,n,mean,sd,p05,p25,p50,p75,p95,share_b_greater")?;
    for r in rows {
        writeln!(
            w,
            "{},{},{},{},{},{},{}",
            field(&r.a),
            field(&r.b),
            field(&r.metric),
            field(&r.unit),
            year(r.year),
            stats_fields(&r.stats),
            r.share_b_greater
        )?;
    }
    Ok(())
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestJson {
    format: String,
    engine_version: String,
    scenario: String,
    description: String,
    file: String,
    fingerprint: String,
    seed: u64,
    draws: u64,
    shard: String,
    draw_range: [u64; 2],
    baseline: BaselineJson,
    options: Vec<OptionJson>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    calibration: Option<crate::calibrate::CalibrationFit>,
    files: Vec<FileJson>,
}

/// A file of the manifest: a name (layout 1) or a name and its checksum (layout 2).
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum FileJson {
    Name(String),
    Record(FileRecordJson),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRecordJson {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
}

/// A file of a run directory, as the manifest records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRecord {
    /// The file's name in the run directory.
    pub name: String,
    /// The SHA-256 of its bytes, as 64 lower-case hexadecimal digits; `None` for the
    /// manifest itself, and for every file of a layout-1 manifest.
    pub sha256: Option<String>,
}

/// A manifest read back: the run's record and its files.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    /// The run.
    pub info: RunInfo,
    /// The files of the run directory, in the order written.
    pub files: Vec<FileRecord>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineJson {
    label: String,
    origin: Option<String>,
    destination: Option<String>,
    year: Option<i32>,
    values: Vec<BaselineValueJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineValueJson {
    key: String,
    value: f64,
    unit: String,
    source: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionJson {
    name: String,
    model: String,
    horizon: usize,
    parameters: Vec<ParamJson>,
    outputs: Vec<MetricJson>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamJson {
    name: String,
    unit: String,
    domain: String,
    value: String,
    source: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricJson {
    name: String,
    unit: String,
    shape: String,
    side: String,
}

/// A manifest that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("manifest: {0}")]
pub struct ManifestError(String);

/// Writes the run's manifest (pretty JSON): scenario, baseline values with sources,
/// every option's resolved parameters with their sources, outputs, seed, draws, shard,
/// draw range, plan fingerprint, engine version, and the files written with their
/// SHA-256 (computed by the caller, which writes the files).
///
/// # Errors
/// The writer's.
pub fn write_manifest(info: &RunInfo, files: &[FileRecord], mut w: impl Write) -> io::Result<()> {
    let b = &info.baseline;
    let r = info.range();
    let m = ManifestJson {
        format: MANIFEST_FORMAT.to_owned(),
        engine_version: env!("CARGO_PKG_VERSION").to_owned(),
        scenario: info.scenario.clone(),
        description: info.description.clone(),
        file: info.file.clone(),
        fingerprint: info.fingerprint.clone(),
        seed: info.seed,
        draws: info.draws,
        shard: info.shard.to_string(),
        draw_range: [r.start, r.end],
        baseline: BaselineJson {
            label: b.label.clone(),
            origin: b.origin.clone(),
            destination: b.destination.clone(),
            year: b.year,
            values: b
                .values
                .iter()
                .map(|v| BaselineValueJson {
                    key: v.key.clone(),
                    value: v.value,
                    unit: v.unit.clone(),
                    source: v.source.clone(),
                })
                .collect(),
        },
        options: info
            .options
            .iter()
            .map(|o| OptionJson {
                name: o.name.clone(),
                model: o.model.clone(),
                horizon: o.horizon,
                parameters: o
                    .parameters
                    .iter()
                    .map(|p| ParamJson {
                        name: p.name.clone(),
                        unit: p.unit.clone(),
                        domain: p.domain.clone(),
                        value: p.value.clone(),
                        source: p.origin.clone(),
                    })
                    .collect(),
                outputs: o
                    .metrics
                    .iter()
                    .map(|m| MetricJson {
                        name: m.name.clone(),
                        unit: m.unit.clone(),
                        shape: match m.shape {
                            Shape::Scalar => "scalar",
                            Shape::Series => "series",
                        }
                        .to_owned(),
                        side: m.side.as_str().to_owned(),
                    })
                    .collect(),
            })
            .collect(),
        calibration: info.calibration.clone(),
        files: files
            .iter()
            .map(|f| {
                FileJson::Record(FileRecordJson { name: f.name.clone(), sha256: f.sha256.clone() })
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut w, &m).map_err(io::Error::other)?;
    writeln!(w)
}

/// Reads a manifest written by [`write_manifest`] back into the run's record.
///
/// # Errors
/// As [`parse_manifest`].
pub fn read_manifest(text: &str) -> Result<RunInfo, ManifestError> {
    parse_manifest(text).map(|m| m.info)
}

/// Reads a manifest written by [`write_manifest`] (or by layout 1): the run's record
/// and its files.
///
/// # Errors
/// Not JSON, another layout version, or a field that does not parse (shard, shape, side).
pub fn parse_manifest(text: &str) -> Result<Manifest, ManifestError> {
    let m: ManifestJson = serde_json::from_str(text).map_err(|e| ManifestError(e.to_string()))?;
    if m.format != MANIFEST_FORMAT && m.format != MANIFEST_FORMAT_V1 {
        return Err(ManifestError(format!("format \"{}\" is not \"{MANIFEST_FORMAT}\"", m.format)));
    }
    let files = m
        .files
        .into_iter()
        .map(|f| match f {
            FileJson::Name(name) => FileRecord { name, sha256: None },
            FileJson::Record(r) => FileRecord { name: r.name, sha256: r.sha256 },
        })
        .collect();
    let shard: Shard = m.shard.parse().map_err(|e| ManifestError(format!("{e}")))?;
    let info_range = shard.range(m.draws);
    if [info_range.start, info_range.end] != m.draw_range {
        return Err(ManifestError(format!(
            "draw_range {:?} is not shard {shard} of {} draws",
            m.draw_range, m.draws
        )));
    }
    let mut options = Vec::with_capacity(m.options.len());
    for o in m.options {
        let mut metrics = Vec::with_capacity(o.outputs.len());
        for x in o.outputs {
            let shape = match x.shape.as_str() {
                "scalar" => Shape::Scalar,
                "series" => Shape::Series,
                other => {
                    return Err(ManifestError(format!(
                        "output {}: unknown shape \"{other}\"",
                        x.name
                    )));
                }
            };
            let side = match x.side.as_str() {
                "origin" => Side::Origin,
                "destination" => Side::Destination,
                "migrants" => Side::Migrants,
                other => {
                    return Err(ManifestError(format!(
                        "output {}: unknown side \"{other}\"",
                        x.name
                    )));
                }
            };
            metrics.push(MetricInfo { name: x.name, unit: x.unit, shape, side });
        }
        options.push(OptionInfo {
            name: o.name,
            model: o.model,
            horizon: o.horizon,
            parameters: o
                .parameters
                .into_iter()
                .map(|p| ParamInfo {
                    name: p.name,
                    unit: p.unit,
                    domain: p.domain,
                    value: p.value,
                    origin: p.source,
                })
                .collect(),
            metrics,
        });
    }
    let info = RunInfo {
        scenario: m.scenario,
        description: m.description,
        file: m.file,
        baseline: Baseline {
            label: m.baseline.label,
            origin: m.baseline.origin,
            destination: m.baseline.destination,
            year: m.baseline.year,
            values: m
                .baseline
                .values
                .into_iter()
                .map(|v| BaselineValue {
                    key: v.key,
                    value: v.value,
                    unit: v.unit,
                    source: v.source,
                })
                .collect(),
        },
        fingerprint: m.fingerprint,
        seed: m.seed,
        draws: m.draws,
        shard,
        options,
        calibration: m.calibration,
    };
    Ok(Manifest { info, files })
}
