//! Gravity estimation from a CSV file: PPML or OLS with high-dimensional fixed effects.
//!
//! [`read_gravity_data`] reads the columns a fixest-style formula names from a CSV file
//! with a header row (numeric columns parsed once into `f64`, fixed-effect and cluster
//! columns mapped to group ids), [`fit_gravity`] runs `stats::ppml` on them and returns
//! a [`GravityEstimate`] with labelled coefficients. Estimates can be stored under a name
//! with their provenance ([`Workspace::save_gravity_estimate`]) for use by scenarios.
//!
//! Rows are removed, and counted with their reason, when a used column is missing there
//! (an empty cell, `NA`, `NaN`, `.`), when `log(x)` meets `x ≤ 0` (as R fixest, which
//! removes the resulting infinite or undefined values), and by the estimator (zero
//! weights, singletons, separation). A cell that is neither a number nor a missing-value
//! mark is an error naming the file, line and column.
//!
//! # Example
//! ```no_run
//! use analysis::gravity::{self, GravityOptions, VcovSpec};
//!
//! let options = GravityOptions {
//!     vcov: VcovSpec::parse("cluster:isoimp^isoexp")?,
//!     ssc: gravity::SscPreset::Stata,
//!     ..GravityOptions::new("trade ~ fta | isoimp^year + isoexp^year + isoimp^isoexp")
//! };
//! // The caller reads the file (the CLI) or takes the upload (a server).
//! let input = analysis::Input::new("trade.csv", b"trade,fta,isoimp,isoexp,year\n".to_vec());
//! let data = gravity::read_gravity_data(&input, &options)?;
//! let estimate = gravity::fit_gravity(&data, &options)?;
//! println!("{}: {}", estimate.coefficients[0].name, estimate.coefficients[0].estimate);
//! # Ok::<(), analysis::Error>(())
//! ```

use std::collections::HashMap;

use stats::formula::{self, Formula, Term, Transform};
use stats::ppml::{self, Data, OlsOptions, PpmlOptions, Removal, Ssc, Vcov};
use stats::special;
// The stored estimate is defined once, in `store`, and returned as it is: see
// ARCHITECTURE.md ("One home per concept").
pub use store::{DataFile, EstimateRecord, EstimateSummary, Estimator, StoredCoefficient};

pub use stats::ppml::{FixefRm, Separation, SscPreset};

use crate::{Error, Workspace, numeric_csv};

/// The variance estimator, with the cluster variables named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VcovSpec {
    /// Model-based.
    Iid,
    /// Heteroskedasticity-robust.
    Hetero,
    /// Clustered by one or two cluster definitions, each a list of columns interacted
    /// (`cluster:isoimp^isoexp`, two-way `cluster:exporter+importer`).
    Cluster(Vec<Vec<String>>),
}

impl VcovSpec {
    /// Parses `iid`, `hetero` or `cluster:VAR[+VAR]`, where each `VAR` may be an
    /// interaction `a^b`.
    ///
    /// # Errors
    /// [`Error::GravityOption`] for anything else, or more than two cluster dimensions.
    pub fn parse(text: &str) -> Result<VcovSpec, Error> {
        let bad = |reason: &str| Error::GravityOption {
            option: "vcov",
            value: text.to_owned(),
            reason: reason.to_owned(),
        };
        match text.trim() {
            "iid" => return Ok(VcovSpec::Iid),
            "hetero" | "robust" => return Ok(VcovSpec::Hetero),
            _ => {}
        }
        let Some(vars) = text.trim().strip_prefix("cluster:") else {
            return Err(bad("expected iid, hetero or cluster:VAR[+VAR]"));
        };
        let clusters: Vec<Vec<String>> = vars
            .split('+')
            .map(|term| term.split('^').map(|v| v.trim().to_owned()).collect())
            .collect();
        if clusters.iter().flatten().any(String::is_empty) {
            return Err(bad("empty cluster variable name"));
        }
        if clusters.len() > 2 {
            return Err(bad("at most two cluster dimensions (two-way clustering)"));
        }
        Ok(VcovSpec::Cluster(clusters))
    }

    /// The canonical text (`iid`, `hetero`, `cluster:a^b+c`).
    pub fn text(&self) -> String {
        match self {
            VcovSpec::Iid => "iid".to_owned(),
            VcovSpec::Hetero => "hetero".to_owned(),
            VcovSpec::Cluster(clusters) => format!(
                "cluster:{}",
                clusters.iter().map(|c| c.join("^")).collect::<Vec<_>>().join("+")
            ),
        }
    }
}

/// The lower-case name of a small-sample-correction preset.
pub fn ssc_name(preset: SscPreset) -> &'static str {
    match preset {
        SscPreset::Stata => "stata",
        SscPreset::Fixest => "fixest",
        SscPreset::Pyfixest => "pyfixest",
    }
}

/// What to estimate and how. Defaults follow R fixest (`fepois`/`feols`) except that
/// the variance is iid unless asked for.
#[derive(Clone, Debug)]
pub struct GravityOptions {
    /// The fixest-style formula, `y ~ x1 + log(x2) | fe1 + fe2^year`.
    pub model: String,
    /// The estimator. Default: PPML.
    pub estimator: Estimator,
    /// The variance estimator. Default: iid.
    pub vcov: VcovSpec,
    /// The small-sample-correction preset. Default: fixest.
    pub ssc: SscPreset,
    /// Column of observation weights. Default: none.
    pub weights: Option<String>,
    /// Column added to the linear predictor with coefficient 1 (PPML only). Default: none.
    pub offset: Option<String>,
    /// Maximum IRLS iterations (PPML). Default: 25 (fixest `glm.iter`).
    pub max_iter: u32,
    /// Removal of singletons and of all-zero fixed-effect levels. Default:
    /// [`FixefRm::Perfect`] for PPML; singleton removal is also honoured by OLS.
    pub fixef_rm: FixefRm,
    /// Extra separation check (PPML). Default: [`Separation::None`].
    pub separation: Separation,
}

impl GravityOptions {
    /// The defaults for a model formula.
    pub fn new(model: &str) -> GravityOptions {
        GravityOptions {
            model: model.to_owned(),
            estimator: Estimator::Ppml,
            vcov: VcovSpec::Iid,
            ssc: SscPreset::Fixest,
            weights: None,
            offset: None,
            max_iter: PpmlOptions::default().glm_max_iter,
            fixef_rm: FixefRm::Perfect,
            separation: Separation::None,
        }
    }
}

/// Why an input row is left out before the estimator sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Skip {
    /// A used column is empty, `NA`, `NaN`, `.` or infinite there.
    Missing,
    /// `log(x)` with `x ≤ 0`.
    LogNonPositive,
}

/// The columns of a CSV file that a model uses, read once. Opaque: pass it to
/// [`fit_gravity`].
#[derive(Clone, Debug)]
pub struct GravityData {
    formula: Formula,
    file: DataFile,
    y: Vec<f64>,
    x: Vec<Vec<f64>>,
    names: Vec<String>,
    fixef: Vec<(String, Vec<u32>)>,
    cluster: Vec<(String, Vec<u32>)>,
    weights: Option<Vec<f64>>,
    offset: Option<Vec<f64>>,
    skip: Vec<Option<Skip>>,
}

impl GravityData {
    /// The data file's name, SHA-256 and row count.
    pub fn file(&self) -> &DataFile {
        &self.file
    }
}

/// One estimated coefficient.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Coefficient {
    /// The regressor as written in the formula (`log(dist)`), or `(Intercept)`.
    pub name: String,
    /// The estimate.
    pub estimate: f64,
    /// Its standard error.
    pub std_error: f64,
    /// `estimate / std_error` (a z value for PPML, a t value for OLS).
    pub statistic: f64,
    /// Two-sided p-value (normal for PPML; Student t with
    /// [`GravityEstimate::t_df`] degrees of freedom for OLS).
    pub p_value: f64,
}

/// Input rows left out of the estimation, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Removed {
    /// A used column (variable, weight, offset, fixed effect or cluster) is missing.
    pub missing: usize,
    /// `log(x)` of a value `x ≤ 0`.
    pub log_non_positive: usize,
    /// Weight zero.
    pub zero_weight: usize,
    /// Alone in a fixed-effect level (removed repeatedly).
    pub singleton: usize,
    /// Separated by the fixed-effect method: a level whose outcomes are all zero.
    pub separated_fixef: usize,
    /// Separated by the iterated rectifier.
    pub separated_rectifier: usize,
}

impl Removed {
    /// Every reason with its stable name, in a fixed order.
    pub fn by_reason(&self) -> [(&'static str, usize); 6] {
        [
            ("missing", self.missing),
            ("log_non_positive", self.log_non_positive),
            ("zero_weight", self.zero_weight),
            ("singleton", self.singleton),
            ("separated_fixef", self.separated_fixef),
            ("separated_rectifier", self.separated_rectifier),
        ]
    }

    /// All rows removed.
    pub fn total(&self) -> usize {
        self.by_reason().iter().map(|(_, n)| n).sum()
    }
}

/// A grouping (fixed effect or cluster) and its number of levels in the sample.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Grouping {
    /// As written (`isoimp^year`).
    pub name: String,
    /// Levels (fixed effects) or clusters in the estimation sample.
    pub levels: usize,
}

/// A fitted gravity model with labelled coefficients. Plain data.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct GravityEstimate {
    /// The estimator.
    pub estimator: Estimator,
    /// The formula as given.
    pub formula: String,
    /// The dependent variable as written (`trade`, `log(trade)`).
    pub depvar: String,
    /// The variance estimator (`iid`, `hetero`, `cluster:a^b`).
    pub vcov_type: String,
    /// The small-sample-correction preset.
    pub ssc: String,
    /// The factor `c` it gave.
    pub ssc_factor: f64,
    /// The data file.
    pub data: DataFile,
    /// Observations used.
    pub n_obs: usize,
    /// Estimated coefficients, in formula order (regressors dropped as collinear are
    /// left out and listed in `collinear`).
    pub coefficients: Vec<Coefficient>,
    /// Regressors dropped as collinear with others or absorbed by the fixed effects.
    pub collinear: Vec<String>,
    /// The variance matrix of `coefficients`, row by row.
    pub vcov: Vec<Vec<f64>>,
    /// `z` (PPML) or `t` (OLS).
    pub statistic: &'static str,
    /// Degrees of freedom of the t distribution of the p-values (OLS only): `G − 1`
    /// with the smallest number of clusters `G` when clustered, otherwise `N` minus the
    /// coefficients and fixed-effect levels (less one per extra dimension).
    pub t_df: Option<f64>,
    /// Rows removed, by reason.
    pub removed: Removed,
    /// The fixed effects and their levels.
    pub fixef: Vec<Grouping>,
    /// The cluster dimensions and their clusters.
    pub clusters: Vec<Grouping>,
    /// IRLS iterations (PPML).
    pub iterations: Option<u32>,
    /// Whether the fit converged (OLS: whether the demeaning converged).
    pub converged: bool,
    /// The last relative deviance change `|D − D_old| / (0.1 + |D|)` (PPML).
    pub rel_dev_change: Option<f64>,
    /// Deviance (OLS: the residual sum of squares).
    pub deviance: f64,
    /// Log-likelihood (Poisson; Gaussian for unweighted OLS).
    pub log_likelihood: Option<f64>,
    /// McFadden's pseudo-R² `1 − ℓ/ℓ₀` (PPML, as ppmlhdfe).
    pub pseudo_r2: Option<f64>,
    /// R² (OLS).
    pub r2: Option<f64>,
    /// Within R² (OLS with fixed effects).
    pub r2_within: Option<f64>,
    /// Root mean squared error `√(RSS/N)` (OLS).
    pub rmse: Option<f64>,
}

/// What [`Workspace::save_gravity_estimate`] did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SavedEstimate {
    /// The name it is stored under.
    pub name: String,
    /// Its id in the store.
    pub id: i64,
    /// Whether an estimate of the same name was replaced.
    pub replaced: bool,
}

/// Tokens read as a missing value in a numeric or label column.
fn is_missing(cell: &[u8]) -> bool {
    matches!(cell, b"" | b"NA" | b"na" | b"N/A" | b"NaN" | b"nan" | b".")
}

/// Where each used column is in the file and what is read from it.
struct Layout {
    /// Column indices read as numbers, in first-use order.
    numeric: Vec<usize>,
    /// Column indices read as labels, in first-use order.
    label: Vec<usize>,
}

/// Reads the columns `options.model` (and the weights, offset and cluster variables)
/// use from a CSV file with a header row.
///
/// # Errors
/// [`Error::Stats`] if the formula does not
/// parse; [`Error::UnknownColumn`] for a name the header lacks;
/// [`Error::DataCell`] for a cell that is not a number (nor a missing-value mark) in a
/// numeric column, a negative outcome for PPML, or a negative weight, naming the file,
/// line and column; [`Error::Csv`] for malformed CSV.
pub fn read_gravity_data(
    input: &crate::Input,
    options: &GravityOptions,
) -> Result<GravityData, Error> {
    let formula = formula::parse(&options.model)?;
    let shown = input.name.clone();
    let bytes = &input.bytes;
    let name = input.file_name();
    let csv_error =
        |error: csv::Error| Error::Csv { file: shown.clone(), message: error.to_string() };

    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(bytes.as_slice());
    let headers: Vec<String> =
        reader.headers().map_err(csv_error)?.iter().map(|h| h.trim().to_owned()).collect();
    let column = |var: &str| {
        headers.iter().position(|h| h == var).ok_or_else(|| Error::UnknownColumn {
            file: shown.clone(),
            column: var.to_owned(),
            available: headers.clone(),
        })
    };

    // Which columns are numbers and which are labels.
    let mut layout = Layout { numeric: Vec::new(), label: Vec::new() };
    let add = |list: &mut Vec<usize>, index: usize| {
        if !list.contains(&index) {
            list.push(index);
        }
    };
    let numeric_vars = std::iter::once(&formula.depvar.var)
        .chain(formula.regressors.iter().map(|t| &t.var))
        .chain(options.weights.iter())
        .chain(options.offset.iter());
    for var in numeric_vars {
        add(&mut layout.numeric, column(var)?);
    }
    let cluster_vars: Vec<&Vec<String>> = match &options.vcov {
        VcovSpec::Cluster(clusters) => clusters.iter().collect(),
        _ => Vec::new(),
    };
    for var in formula.fixef.iter().chain(cluster_vars.iter().copied()).flatten() {
        add(&mut layout.label, column(var)?);
    }

    // The file's hash alongside the parsing: the fast path for plain files, the csv
    // crate (which names the line of any error) otherwise.
    let (sha256, fast) = rayon::join(
        || ingest::sha256_hex(bytes),
        || {
            let body = plain_body(bytes)?;
            numeric_csv::read(body, headers.len(), &layout.numeric, &layout.label, is_missing)
        },
    );
    let (numbers, labels, mut skip) = match fast {
        Some(columns) => {
            let skip = columns.missing.iter().map(|&m| m.then_some(Skip::Missing)).collect();
            (columns.numbers, columns.labels, skip)
        }
        None => read_records(&mut reader, &shown, bytes, &headers, &layout)?,
    };
    let n_rows = skip.len();

    // Check values the estimator would reject, where the row is otherwise used.
    let numeric_of = |var: &str| -> &[f64] {
        let index = headers.iter().position(|h| h == var).expect("looked up above");
        let slot = layout.numeric.iter().position(|&i| i == index).expect("read above");
        &numbers[slot]
    };
    let locate = |row: usize, var: &str, what: String| {
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(bytes.as_slice());
        let mut record = csv::ByteRecord::new();
        let mut line = row + 2;
        for _ in 0..=row {
            if reader.read_byte_record(&mut record).unwrap_or(false) {
                line = line_of(bytes, &record);
            }
        }
        Error::DataCell { file: shown.clone(), line, column: var.to_owned(), message: what }
    };
    if options.estimator == Estimator::Ppml && formula.depvar.transform == Transform::Identity {
        let y = numeric_of(&formula.depvar.var);
        if let Some(row) = (0..n_rows).find(|&r| skip[r].is_none() && y[r] < 0.0) {
            return Err(locate(
                row,
                &formula.depvar.var,
                format!("negative outcome {}; Poisson needs y >= 0", y[row]),
            ));
        }
    }
    if let Some(var) = &options.weights {
        let w = numeric_of(var);
        if let Some(row) = (0..n_rows).find(|&r| skip[r].is_none() && w[r] < 0.0) {
            return Err(locate(row, var, format!("negative weight {}", w[row])));
        }
    }

    // The columns handed to the fit: the last use of a column read takes it, earlier
    // uses copy it; log of a non-positive value removes the row.
    let slot_of = |var: &str, layout_list: &[usize]| {
        let index = headers.iter().position(|h| h == var).expect("looked up above");
        layout_list.iter().position(|&i| i == index).expect("read above")
    };
    let numeric_uses: Vec<usize> = std::iter::once(&formula.depvar.var)
        .chain(formula.regressors.iter().map(|t| &t.var))
        .chain(options.weights.iter())
        .chain(options.offset.iter())
        .map(|var| slot_of(var, &layout.numeric))
        .collect();
    let mut numbers = Handout::new(numbers, &numeric_uses);
    let mut transform = |term: &Term| -> Vec<f64> {
        let mut values = numbers.take(slot_of(&term.var, &layout.numeric));
        if term.transform == Transform::Log {
            for (v, s) in values.iter_mut().zip(skip.iter_mut()) {
                if v.is_finite() && *v <= 0.0 && s.is_none() {
                    *s = Some(Skip::LogNonPositive);
                }
                *v = v.ln();
            }
        }
        values
    };
    let mut y = transform(&formula.depvar);
    let mut x = Vec::with_capacity(formula.regressors.len() + 1);
    let mut names = Vec::with_capacity(formula.regressors.len() + 1);
    if formula.intercept {
        x.push(vec![1.0; n_rows]);
        names.push("(Intercept)".to_owned());
    }
    for term in &formula.regressors {
        x.push(transform(term));
        names.push(term.to_string());
    }
    let mut weights = options.weights.as_deref().map(|v| numbers.take(slot_of(v, &layout.numeric)));
    let offset = options.offset.as_deref().map(|v| numbers.take(slot_of(v, &layout.numeric)));

    // Group ids of interactions (label ids are already dense, numbered in order of first
    // appearance).
    let groups: Vec<&Vec<String>> =
        formula.fixef.iter().chain(cluster_vars.iter().copied()).collect();
    let label_uses: Vec<usize> =
        groups.iter().flat_map(|vars| vars.iter()).map(|var| slot_of(var, &layout.label)).collect();
    let mut labels = Handout::new(labels, &label_uses);
    let mut grouping = |vars: &Vec<String>| -> (String, Vec<u32>) {
        let mut ids = labels.take(slot_of(&vars[0], &layout.label));
        for var in &vars[1..] {
            let slot = slot_of(var, &layout.label);
            ids = ppml::interact(&ids, labels.get(slot));
            labels.release(slot);
        }
        (vars.join("^"), ids)
    };
    let mut groupings: Vec<(String, Vec<u32>)> = groups.iter().map(|v| grouping(v)).collect();
    let cluster = groupings.split_off(formula.fixef.len());
    let fixef = groupings;

    // Rows skipped here reach the estimator as missing outcomes (and weights, which it
    // would otherwise check).
    for (row, s) in skip.iter().enumerate() {
        if s.is_some() {
            y[row] = f64::NAN;
            if let Some(w) = weights.as_mut() {
                w[row] = f64::NAN;
            }
        }
    }
    Ok(GravityData {
        formula,
        file: DataFile { name, sha256, rows: n_rows },
        y,
        x,
        names,
        fixef,
        cluster,
        weights,
        offset,
        skip,
    })
}

/// Columns read once and handed out to several uses: the last use of a column takes it,
/// earlier ones copy it, so that a column used once is not copied.
struct Handout<T> {
    columns: Vec<Vec<T>>,
    /// Uses left per column.
    uses: Vec<usize>,
}

impl<T: Clone> Handout<T> {
    /// `columns`, to be used once per entry of `uses` (column slots).
    fn new(columns: Vec<Vec<T>>, uses: &[usize]) -> Self {
        let mut left = vec![0; columns.len()];
        for &slot in uses {
            left[slot] += 1;
        }
        Handout { columns, uses: left }
    }

    /// Column `slot` for a use that borrows it (then [`Handout::release`] it).
    fn get(&self, slot: usize) -> &[T] {
        &self.columns[slot]
    }

    /// Counts a use of column `slot` that borrowed it; the last one frees it.
    fn release(&mut self, slot: usize) {
        self.uses[slot] = self.uses[slot].saturating_sub(1);
        if self.uses[slot] == 0 {
            self.columns[slot] = Vec::new();
        }
    }

    /// Column `slot` for a use that keeps it: the column itself at its last use, else a
    /// copy.
    fn take(&mut self, slot: usize) -> Vec<T> {
        self.uses[slot] = self.uses[slot].saturating_sub(1);
        if self.uses[slot] == 0 {
            std::mem::take(&mut self.columns[slot])
        } else {
            self.columns[slot].clone()
        }
    }
}

/// The body of `bytes` after a plain header line (no quote, no lone `\r`, no byte-order
/// mark), or `None` to leave the whole file to the `csv` crate.
fn plain_body(bytes: &[u8]) -> Option<&[u8]> {
    let end = memchr::memchr(b'\n', bytes)?;
    let header = &bytes[..end];
    let header = header.strip_suffix(b"\r").unwrap_or(header);
    let plain =
        !header.starts_with(b"\xef\xbb\xbf") && !header.iter().any(|&b| b == b'"' || b == b'\r');
    plain.then(|| &bytes[end + 1..])
}

/// The columns of `layout`, one row per record of `reader` (positioned after the header),
/// with the reason each row is skipped, read with the `csv` crate.
fn read_records(
    reader: &mut csv::Reader<&[u8]>,
    shown: &str,
    bytes: &[u8],
    headers: &[String],
    layout: &Layout,
) -> Result<ReadColumns, Error> {
    let csv_error =
        |error: csv::Error| Error::Csv { file: shown.to_owned(), message: error.to_string() };
    let mut numbers: Vec<Vec<f64>> = vec![Vec::new(); layout.numeric.len()];
    let mut labels: Vec<Vec<u32>> = vec![Vec::new(); layout.label.len()];
    let mut label_ids: Vec<HashMap<Vec<u8>, u32, BuildLabelHasher>> =
        vec![HashMap::default(); layout.label.len()];
    let mut skip: Vec<Option<Skip>> = Vec::new();
    let mut record = csv::ByteRecord::new();
    while reader.read_byte_record(&mut record).map_err(csv_error)? {
        let mut row_skip = None;
        for (values, &index) in numbers.iter_mut().zip(&layout.numeric) {
            let cell = trim(record.get(index).unwrap_or_default());
            let value = if is_missing(cell) {
                f64::NAN
            } else {
                match numeric_csv::parse_f64(cell) {
                    Some(v) => v,
                    None => {
                        return Err(cell_error(
                            shown,
                            bytes,
                            &record,
                            &headers[index],
                            format!(
                                "{:?} is not a number",
                                String::from_utf8_lossy(cell).into_owned()
                            ),
                        ));
                    }
                }
            };
            if !value.is_finite() {
                row_skip = Some(Skip::Missing);
            }
            values.push(value);
        }
        for ((ids, seen), &index) in labels.iter_mut().zip(&mut label_ids).zip(&layout.label) {
            let cell = trim(record.get(index).unwrap_or_default());
            if is_missing(cell) {
                row_skip = Some(Skip::Missing);
            }
            let next = u32::try_from(seen.len()).expect("fewer than 2^32 labels");
            let id = match seen.get(cell) {
                Some(&id) => id,
                None => *seen.entry(cell.to_vec()).or_insert(next),
            };
            ids.push(id);
        }
        skip.push(row_skip);
    }
    Ok((numbers, labels, skip))
}

/// Numeric columns, label columns and the reason each row is skipped.
type ReadColumns = (Vec<Vec<f64>>, Vec<Vec<u32>>, Vec<Option<Skip>>);

/// A fast hasher for the short label cells of fixed-effect and cluster columns: eight
/// bytes at a time, rotate, xor and multiply by an odd constant. Not resistant to
/// crafted collisions, which only slow a local computation down.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct LabelHasher(u64);

impl std::hash::Hasher for LabelHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            self.add(word);
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // Mix the high bits down: hashbrown takes its control bits from the top.
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
}

impl LabelHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

pub(crate) type BuildLabelHasher = std::hash::BuildHasherDefault<LabelHasher>;

fn trim(cell: &[u8]) -> &[u8] {
    cell.trim_ascii()
}

/// The 1-based line of `record` in `bytes`, counted from its byte offset (exact with
/// CRLF line ends and quoted line breaks).
fn line_of(bytes: &[u8], record: &csv::ByteRecord) -> usize {
    let mut offset = record.position().map_or(0, |p| p.byte() as usize).min(bytes.len());
    // With CRLF line ends the reader's record position can fall on the previous line's
    // end; the record starts after it.
    while offset < bytes.len() && matches!(bytes[offset], b'\r' | b'\n') {
        offset += 1;
    }
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

fn cell_error(
    file: &str,
    bytes: &[u8],
    record: &csv::ByteRecord,
    column: &str,
    message: String,
) -> Error {
    Error::DataCell {
        file: file.to_owned(),
        line: line_of(bytes, record),
        column: column.to_owned(),
        message,
    }
}

/// Fits the model of `options` to data read by [`read_gravity_data`] with the same
/// options. A fit that did not converge is returned with `converged = false`.
///
/// # Errors
/// [`Error::Stats`] when the estimator cannot work with the data (for instance no
/// observation left).
pub fn fit_gravity(data: &GravityData, options: &GravityOptions) -> Result<GravityEstimate, Error> {
    let poisson = options.estimator == Estimator::Ppml;
    let vcov = match options.vcov {
        VcovSpec::Iid => Vcov::Iid,
        VcovSpec::Hetero => Vcov::Hetero,
        VcovSpec::Cluster(_) => Vcov::Cluster,
    };
    let input = Data {
        y: &data.y,
        x: data.x.iter().map(Vec::as_slice).collect(),
        fixef: data.fixef.iter().map(|(_, ids)| ids.as_slice()).collect(),
        weights: data.weights.as_deref(),
        offset: data.offset.as_deref(),
        cluster: data.cluster.iter().map(|(_, ids)| ids.as_slice()).collect(),
    };
    let ssc = Ssc::preset(options.ssc, poisson);
    let fixef_names = data.fixef.iter().map(|(n, _)| n.clone());
    let cluster_names = data.cluster.iter().map(|(n, _)| n.clone());
    let mut estimate = GravityEstimate {
        estimator: options.estimator,
        formula: options.model.clone(),
        depvar: data.formula.depvar.to_string(),
        vcov_type: options.vcov.text(),
        ssc: ssc_name(options.ssc).to_owned(),
        ssc_factor: f64::NAN,
        data: data.file.clone(),
        n_obs: 0,
        coefficients: Vec::new(),
        collinear: Vec::new(),
        vcov: Vec::new(),
        statistic: if poisson { "z" } else { "t" },
        t_df: None,
        removed: Removed::default(),
        fixef: Vec::new(),
        clusters: Vec::new(),
        iterations: None,
        converged: false,
        rel_dev_change: None,
        deviance: f64::NAN,
        log_likelihood: None,
        pseudo_r2: None,
        r2: None,
        r2_within: None,
        rmse: None,
    };
    let (coef, se, vcov_matrix, sample) = if poisson {
        let ppml_options = PpmlOptions {
            glm_max_iter: options.max_iter,
            fixef_rm: options.fixef_rm,
            separation: options.separation,
            vcov,
            ssc,
            ..PpmlOptions::default()
        };
        let fit = ppml::fit(&input, &ppml_options)?;
        estimate.ssc_factor = fit.ssc_factor;
        estimate.iterations = Some(fit.n_iter);
        estimate.converged = fit.converged;
        estimate.rel_dev_change = Some(fit.rel_dev_change);
        estimate.deviance = fit.deviance;
        estimate.log_likelihood = Some(fit.log_likelihood);
        estimate.pseudo_r2 = Some(fit.pseudo_r2);
        (fit.coef, fit.se, fit.vcov, fit.sample)
    } else {
        let ols_options = OlsOptions {
            fixef_rm: match options.fixef_rm {
                FixefRm::Singleton | FixefRm::Both => FixefRm::Singleton,
                FixefRm::None | FixefRm::Perfect => FixefRm::None,
            },
            vcov,
            ssc,
            ..OlsOptions::default()
        };
        let fit = ppml::fit_ols(&input, &ols_options)?;
        let n = fit.sample.n_obs as f64;
        estimate.ssc_factor = fit.ssc_factor;
        estimate.converged = fit.demean_converged;
        estimate.deviance = fit.rss;
        estimate.r2 = Some(fit.r2);
        estimate.r2_within = (!data.fixef.is_empty()).then_some(fit.r2_within);
        estimate.rmse = Some((fit.rss / n).sqrt());
        estimate.log_likelihood = data
            .weights
            .is_none()
            .then(|| -0.5 * n * ((2.0 * std::f64::consts::PI).ln() + (fit.rss / n).ln() + 1.0));
        (fit.coef, fit.se, fit.vcov, fit.sample)
    };
    estimate.n_obs = sample.n_obs;
    estimate.fixef = fixef_names
        .zip(&sample.n_fixef_levels)
        .map(|(name, &levels)| Grouping { name, levels })
        .collect();
    estimate.clusters = cluster_names
        .zip(&sample.n_clusters)
        .map(|(name, &levels)| Grouping { name, levels })
        .collect();
    for &(row, reason) in &sample.removed {
        let removed = &mut estimate.removed;
        match reason {
            Removal::Missing => match data.skip[row] {
                Some(Skip::LogNonPositive) => removed.log_non_positive += 1,
                Some(Skip::Missing) | None => removed.missing += 1,
            },
            Removal::ZeroWeight => removed.zero_weight += 1,
            Removal::Singleton => removed.singleton += 1,
            Removal::SeparatedFixef => removed.separated_fixef += 1,
            Removal::SeparatedRectifier => removed.separated_rectifier += 1,
        }
    }
    estimate.collinear = sample.collinear.iter().map(|&i| data.names[i].clone()).collect();
    let kept: Vec<usize> = (0..coef.len()).filter(|&i| coef[i].is_finite()).collect();
    if !poisson {
        let n_fixef_levels: usize = sample.n_fixef_levels.iter().sum();
        let df_k = kept.len() + n_fixef_levels - sample.n_fixef_levels.len().saturating_sub(1);
        estimate.t_df = Some(match sample.n_clusters.iter().min() {
            Some(&g) if matches!(options.vcov, VcovSpec::Cluster(_)) => g as f64 - 1.0,
            _ => sample.n_obs as f64 - df_k as f64,
        });
    }
    estimate.coefficients = kept
        .iter()
        .map(|&i| {
            let statistic = coef[i] / se[i];
            let p_value = match estimate.t_df {
                Some(df) => special::student_t_two_sided_p(statistic, df),
                None => special::normal_two_sided_p(statistic),
            };
            Coefficient {
                name: data.names[i].clone(),
                estimate: coef[i],
                std_error: se[i],
                statistic,
                p_value,
            }
        })
        .collect();
    estimate.vcov =
        kept.iter().map(|&i| kept.iter().map(|&j| vcov_matrix[(i, j)]).collect()).collect();
    Ok(estimate)
}

/// [`fit_gravity`] on a blocking thread, off the async executor, for a front end that
/// serves other requests meanwhile (a server): the data and options are moved there and
/// the data come back with the estimate. Call it within a tokio runtime.
///
/// # Errors
/// As [`fit_gravity`]; [`Error::Stopped`] if the fit panicked (a defect).
pub async fn fit_gravity_off_executor(
    data: GravityData,
    options: GravityOptions,
) -> Result<(GravityData, GravityEstimate), Error> {
    crate::off_executor("the gravity fit", move || {
        let estimate = fit_gravity(&data, &options);
        (data, estimate)
    })
    .await
    .and_then(|(data, estimate)| Ok((data, estimate?)))
}

/// Reads the data and fits the model: [`read_gravity_data`] then [`fit_gravity`].
///
/// # Errors
/// As those two functions.
pub fn estimate_gravity(
    input: &crate::Input,
    options: &GravityOptions,
) -> Result<GravityEstimate, Error> {
    let data = read_gravity_data(input, options)?;
    fit_gravity(&data, options)
}

impl Workspace {
    /// Stores `estimate` under `name` with its provenance, in one transaction. A name
    /// already used is an error unless `replace` is true.
    ///
    /// # Errors
    /// [`Error::EstimateExists`] if the name is taken and `replace` is false;
    /// [`Error::Store`] if the write fails (the store is then unchanged).
    pub async fn save_gravity_estimate(
        &self,
        name: &str,
        estimate: &GravityEstimate,
        replace: bool,
    ) -> Result<SavedEstimate, Error> {
        let mut coefficients: Vec<StoredCoefficient> = estimate
            .coefficients
            .iter()
            .map(|c| StoredCoefficient {
                name: c.name.clone(),
                estimate: Some(c.estimate),
                std_error: Some(c.std_error),
            })
            .collect();
        coefficients.extend(estimate.collinear.iter().map(|name| StoredCoefficient {
            name: name.clone(),
            estimate: None,
            std_error: None,
        }));
        let record = EstimateRecord {
            name: name.to_owned(),
            estimator: estimate.estimator,
            formula: estimate.formula.clone(),
            vcov_type: estimate.vcov_type.clone(),
            ssc: estimate.ssc.clone(),
            data: estimate.data.clone(),
            n_obs: estimate.n_obs as i64,
            converged: estimate.converged,
            iterations: estimate.iterations.map(i64::from),
            deviance: Some(estimate.deviance).filter(|d| d.is_finite()),
            log_likelihood: estimate.log_likelihood.filter(|l| l.is_finite()),
            coefficients,
            vcov: estimate.vcov.clone(),
            removed: estimate
                .removed
                .by_reason()
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|&(reason, n)| (reason.to_owned(), n as i64))
                .collect(),
            // Set by the store.
            created_at: String::new(),
        };
        let (id, replaced) = match self.store.save_estimate(&record, replace).await? {
            store::EstimateSaved::Added(id) => (id, false),
            store::EstimateSaved::Replaced(id) => (id, true),
            store::EstimateSaved::NameTaken(_) => {
                return Err(Error::EstimateExists { name: name.to_owned() });
            }
        };
        Ok(SavedEstimate { name: name.to_owned(), id, replaced })
    }

    /// The stored estimates, by name.
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read.
    pub async fn gravity_estimates(&self) -> Result<Vec<EstimateSummary>, Error> {
        Ok(self.store.estimates().await?)
    }

    /// The estimate stored under `name` (coefficients, standard errors, variance matrix
    /// and provenance), for scenarios.
    ///
    /// # Errors
    /// [`Error::UnknownEstimate`] if there is none; [`Error::Store`] if the store cannot
    /// be read.
    pub async fn gravity_estimate(&self, name: &str) -> Result<EstimateRecord, Error> {
        self.store
            .estimate(name)
            .await?
            .ok_or_else(|| Error::UnknownEstimate { name: name.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_estimate_is_stored_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("flows.csv");
        std::fs::write(
            &csv,
            "orig,dest,flow,dist\nA,W,10,1\nA,X,6,2\nA,Y,3,3\nB,W,5,2\nB,X,9,1\nB,Y,4,2\n",
        )
        .unwrap();
        let options = GravityOptions::new("flow ~ log(dist) + dist | orig + dest");
        let input = crate::Input::new(csv.display().to_string(), std::fs::read(&csv).unwrap());
        let estimate = estimate_gravity(&input, &options).unwrap();
        assert!(estimate.converged);
        let ws = Workspace::open(&dir.path().join("s.sqlite")).await.unwrap();
        let saved = ws.save_gravity_estimate("small", &estimate, false).await.unwrap();
        assert!(!saved.replaced);
        let back = ws.gravity_estimate("small").await.unwrap();
        assert_eq!(back.formula, options.model);
        assert_eq!(back.data, estimate.data);
        assert_eq!(back.n_obs, 6);
        let estimated: Vec<f64> = back.coefficients.iter().filter_map(|c| c.estimate).collect();
        let fitted: Vec<f64> = estimate.coefficients.iter().map(|c| c.estimate).collect();
        assert_eq!(estimated, fitted);
        assert_eq!(back.vcov, estimate.vcov);
        assert_eq!(back.deviance, Some(estimate.deviance));
        assert!(matches!(
            ws.save_gravity_estimate("small", &estimate, false).await,
            Err(Error::EstimateExists { .. })
        ));
        assert!(matches!(ws.gravity_estimate("other").await, Err(Error::UnknownEstimate { .. })));
        assert_eq!(ws.gravity_estimates().await.unwrap().len(), 1);
    }

    #[test]
    fn vcov_specs() {
        assert_eq!(VcovSpec::parse("iid").unwrap(), VcovSpec::Iid);
        assert_eq!(VcovSpec::parse("hetero").unwrap(), VcovSpec::Hetero);
        let two = VcovSpec::parse("cluster:a^b+c").unwrap();
        assert_eq!(two, VcovSpec::Cluster(vec![vec!["a".into(), "b".into()], vec!["c".into()]]));
        assert_eq!(two.text(), "cluster:a^b+c");
        assert!(VcovSpec::parse("cluster:a+b+c").is_err());
        assert!(VcovSpec::parse("cluster:").is_err());
        assert!(VcovSpec::parse("sandwich").is_err());
    }
    /// The plain file (fast path) and the same values quoted (read by the csv crate)
    /// give the same columns, ids, skipped rows and hash of their own bytes.
    #[test]
    fn plain_and_quoted_files_read_the_same() {
        let mut plain = String::from("orig,dest,flow,note,dist\r\n");
        for i in 0..3000u32 {
            let flow = match i % 101 {
                0 => "NA".to_owned(),
                1 => "inf".to_owned(),
                _ => format!("{}.{:03}", i % 17, i % 1000),
            };
            let dist = if i % 211 == 0 { "-1".to_owned() } else { format!("{}e-1", 1 + i % 9) };
            let orig = if i % 307 == 0 { String::new() } else { format!("o{}", (i * 31) % 47) };
            plain.push_str(&format!("{orig}, d{} ,{flow},x,{dist}\r\n", (i * 17) % 53));
            if i % 1000 == 7 {
                plain.push_str("\r\n");
            }
        }
        let quoted: String = plain
            .lines()
            .map(|line| {
                let cells: Vec<String> = line.split(',').map(|c| format!("\"{c}\"")).collect();
                if line.is_empty() { String::from("\n") } else { cells.join(",") + "\n" }
            })
            .collect();
        let options = GravityOptions {
            vcov: VcovSpec::Cluster(vec![vec!["orig".into(), "dest".into()]]),
            ..GravityOptions::new("flow ~ log(dist) + dist | orig + dest")
        };
        let read = |text: &str| {
            read_gravity_data(&crate::Input::new("f.csv", text.as_bytes().to_vec()), &options)
                .unwrap()
        };
        let (fast, slow) = (read(&plain), read(&quoted));
        assert!(plain_body(plain.as_bytes()).is_some() && plain_body(quoted.as_bytes()).is_none());
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(fast.file.rows, 3000);
        assert_eq!(slow.file.rows, 3000);
        assert_eq!(bits(&fast.y), bits(&slow.y));
        for (a, b) in fast.x.iter().zip(&slow.x) {
            assert_eq!(bits(a), bits(b));
        }
        assert_eq!(fast.fixef, slow.fixef);
        assert_eq!(fast.cluster, slow.cluster);
        assert_eq!(fast.skip, slow.skip);
        assert!(fast.skip.iter().filter(|s| s.is_some()).count() > 40);
        assert_eq!(fast.file.sha256, ingest::sha256_hex(plain.as_bytes()));
    }
}
