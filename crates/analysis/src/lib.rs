//! Coherence's application API.
//!
//! A [`Workspace`] is an opened store plus the operations analysts run on it: load the
//! demo world or an official dataset, list datasets, resolve a country given as code or
//! name, and build a country's [`profile::CountryProfile`]. Everything it returns is
//! plain data with public fields; no database or file-format type crosses this boundary.
//! The CLI (and later the server) call this crate and render what it returns.
//!
//! Files come in as an [`Input`] (a name and bytes): the CLI reads them, a server takes
//! the upload; this crate opens no file but the store's. Scenario runs
//! ([`scenario_run`]) write into the caller's writers.

mod area;
pub mod assess;
pub mod checks;
pub mod corridor;
pub mod drafts;
#[cfg(test)]
mod error_kinds;
pub mod estimate;
pub mod gravity;
mod groups;
pub mod labour;
mod numeric_csv;
pub mod profile;
mod profile_csv;
mod profiles;
pub mod register;
pub mod said;
pub mod scenario;
pub mod scenario_run;
pub mod select;

use std::path::Path;

use domain::dataset::Dataset;

pub use area::AreaRef;
/// Closes a workspace's store from a program's exit path ([`Workspace::closer`]).
pub use ingest::{Limit, Limits};
pub use store::Closer as StoreCloser;
pub use store::Location;

/// The notice every output built from fictional data shows.
pub const FICTIONAL_NOTICE: &str = "FICTIONAL DEMO WORLD: all countries, figures and policies are invented \
     for demonstration and describe no real country.";

/// An error of the application layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// A file could not be read as the layout it was taken for.
    #[error(transparent)]
    Import(#[from] ingest::ImportError),
    /// A file could not be read from disk.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// No known layout fits the file (a front end may offer to name the layout).
    #[error(
        "{file}: not a layout coherence recognises (the known layouts: {})",
        ingest::Kind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    )]
    Unrecognised {
        /// The file.
        file: String,
    },
    /// A layout was named that is not one of the known layouts.
    #[error(
        "unknown kind {name:?}; known kinds: {}",
        ingest::Kind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    )]
    UnknownKind {
        /// What the user gave.
        name: String,
    },
    /// An estimator could not work with its input.
    #[error(transparent)]
    Stats(#[from] stats::Error),
    /// A gravity option has a value that cannot be used.
    #[error("gravity option {option} = {value:?}: {reason}")]
    GravityOption {
        /// The option's name (`vcov`).
        option: &'static str,
        /// What the user gave.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A model names a column the data file does not have.
    #[error("{file}: no column {column:?} (the header has: {})", available.join(", "))]
    UnknownColumn {
        /// The data file.
        file: String,
        /// The name asked for.
        column: String,
        /// The header's column names.
        available: Vec<String>,
    },
    /// A data cell cannot be used.
    #[error("{file}: line {line}, column {column:?}: {message}")]
    DataCell {
        /// The data file.
        file: String,
        /// The 1-based line (the header is line 1).
        line: usize,
        /// The column's name.
        column: String,
        /// What is wrong.
        message: String,
    },
    /// A data file is not well-formed CSV.
    #[error("{file}: {message}")]
    Csv {
        /// The data file.
        file: String,
        /// The CSV reader's message.
        message: String,
    },
    /// An estimate of that name is already stored.
    #[error("an estimate named {name:?} is already stored; choose another name or replace it")]
    EstimateExists {
        /// The name.
        name: String,
    },
    /// No estimate of that name is stored.
    #[error("no estimate named {name:?} is stored")]
    UnknownEstimate {
        /// The name.
        name: String,
    },
    /// A scenario run, merge, comparison or run read back failed.
    #[error(transparent)]
    Scenario(Box<scenario_run::ScenarioError>),
    /// An assessment input breaks a rule of the `assess` crate.
    #[error(transparent)]
    Assess(#[from] ::assess::Error),
    /// A framework id names no built-in framework (a front end may offer to read a
    /// framework file instead).
    #[error("no built-in framework {id:?}; built-in frameworks: {known}")]
    UnknownFramework {
        /// What the user gave.
        id: String,
        /// The built-in ids, comma-separated.
        known: String,
    },
    /// No answers (or not the version asked for) are stored for a country and framework.
    #[error("{}", no_stored_answers_text(.country, .framework, *.version, .stored))]
    NoStoredAnswers {
        /// The country (ISO alpha-3).
        country: String,
        /// The framework's id.
        framework: String,
        /// The version asked for (`None`: the latest).
        version: Option<i64>,
        /// The versions that are stored.
        stored: Vec<i64>,
    },
    /// A register edit or corridor request that cannot be carried out.
    #[error("{0}")]
    Register(String),
    /// A change to stored data (a register edit, stored answers) names no one who makes
    /// it; every change is recorded with who made it.
    #[error("no user given: every change is recorded with who made it")]
    MissingActor,
    /// A change to stored data gives no reason (or an empty one).
    #[error("every {what} needs a reason, and none was given")]
    MissingReason {
        /// What needs it: `register change`, `stored set of answers`.
        what: &'static str,
    },
    /// A register edit with no field to change.
    #[error("nothing to edit: no field change was given")]
    NothingToEdit,
    /// No policy of that id is in the register (of the country, when one is given).
    #[error("no policy {id:?} in the register")]
    UnknownPolicy {
        /// The policy id asked for.
        id: String,
    },
    /// Several countries have a policy of that id, and no country was given.
    #[error("several countries have a policy {id:?}: {}", countries.join(", "))]
    AmbiguousPolicy {
        /// The policy id asked for.
        id: String,
        /// The countries (ISO alpha-3) that have one.
        countries: Vec<String>,
    },
    /// A country or area given by the user was not found.
    #[error("no country or area matches {query:?}{}", suggestions_text(.suggestions))]
    UnknownArea {
        /// What the user typed.
        query: String,
        /// The closest codes and names, best first.
        suggestions: Vec<String>,
    },
    /// An estimate cannot be made as asked (missing inputs, named with their areas).
    #[error("{message}")]
    Estimate {
        /// What is wrong and what to do, in words.
        message: String,
        /// The request options that would let it go ahead, in the order the message
        /// names them (empty when none would).
        remedies: Vec<estimate::Remedy>,
    },
    /// An edition asked for (`KEY=EDITION`) is not stored.
    #[error("no stored edition {edition:?} of the dataset {key:?}; {available}")]
    UnknownEdition {
        /// The dataset key asked for.
        key: String,
        /// The edition asked for.
        edition: String,
        /// What is stored instead, in words.
        available: String,
    },
    /// A computation run off the async executor (a fit, an estimate) stopped without a
    /// result: it panicked (a defect) or its runtime shut down.
    #[error("{task} stopped without a result: {reason}")]
    Stopped {
        /// What was being computed, e.g. `the flow estimate`.
        task: &'static str,
        /// Why: the panic's message, or the runtime shutting down.
        reason: String,
    },
    /// A flow method name that is not one of the known methods.
    #[error("unknown method {name:?}; the methods are: {known}")]
    UnknownMethod {
        /// What the user gave.
        name: String,
        /// The known methods, comma-separated.
        known: String,
    },
}

fn no_stored_answers_text(
    country: &str,
    framework: &str,
    version: Option<i64>,
    stored: &[i64],
) -> String {
    match version {
        Some(v) if !stored.is_empty() => format!(
            "version {v} of the {framework} answers for {country} is not stored; stored versions: {}",
            stored.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
        ),
        _ => format!("no answers to {framework} are stored for {country}"),
    }
}

fn suggestions_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// A stored dataset, as listed to users.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DatasetInfo {
    /// The import's id.
    pub id: i64,
    /// The dataset family's key.
    pub key: String,
    /// Publisher.
    pub publisher: String,
    /// Title.
    pub title: String,
    /// Edition.
    pub edition: String,
    /// Official URL or file name.
    pub source: String,
    /// Licence or terms, if stated.
    pub licence: Option<String>,
    /// Whether the data are fictional.
    pub fictional: bool,
    /// Whether this is its family's default (newest) edition.
    pub is_default: bool,
    /// Import time (RFC 3339, UTC).
    pub imported_at: String,
    /// Files read, with SHA-256 checksums and sizes.
    pub files: Vec<FileInfo>,
    /// Rows stored: areas defined, area values, pair values, policies.
    pub rows: RowCounts,
}

/// A file a dataset was read from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FileInfo {
    /// File name.
    pub name: String,
    /// SHA-256, if the file itself was read.
    pub sha256: Option<String>,
    /// Size in bytes, if the file itself was read.
    pub bytes: Option<i64>,
}

/// Rows an import stored, by table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RowCounts {
    /// Areas defined.
    pub areas: i64,
    /// Values per area and year.
    pub values: i64,
    /// Values per pair of areas and year.
    pub pairs: i64,
    /// Policies.
    pub policies: i64,
}

/// What loading a dataset did.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LoadOutcome {
    /// The import's id.
    pub import_id: i64,
    /// What happened to the stored edition.
    pub status: LoadStatus,
    /// The dataset's key.
    pub key: String,
    /// The dataset's edition.
    pub edition: String,
    /// Rows the dataset holds.
    pub rows: RowCounts,
    /// Cells another file of the same edition had already stored with the same value.
    pub duplicates: u64,
    /// What a replacement deleted: its files and rows.
    pub replaced: Option<ReplacedImport>,
}

/// What loading a dataset did to the store, written in lower case in output (`added`,
/// `extended`, `replaced`, `unchanged`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LoadStatus {
    /// A new dataset or edition was stored.
    Added,
    /// Another file (part) of a stored edition: its values were added to it.
    Extended,
    /// The stored edition was replaced, as asked ([`ImportMode::Replace`]).
    Replaced,
    /// The same files were already stored; nothing changed.
    Unchanged,
}

impl LoadStatus {
    /// The word used in output: `added`, `extended`, `replaced` or `unchanged`.
    pub fn as_str(self) -> &'static str {
        match self {
            LoadStatus::Added => "added",
            LoadStatus::Extended => "extended",
            LoadStatus::Replaced => "replaced",
            LoadStatus::Unchanged => "unchanged",
        }
    }
}

impl std::fmt::Display for LoadStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<store::ImportStatus> for LoadStatus {
    fn from(status: store::ImportStatus) -> Self {
        match status {
            store::ImportStatus::Added => LoadStatus::Added,
            store::ImportStatus::Extended => LoadStatus::Extended,
            store::ImportStatus::Replaced => LoadStatus::Replaced,
            store::ImportStatus::Unchanged => LoadStatus::Unchanged,
        }
    }
}

/// Whether an import may replace a stored edition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Add a new edition, or another file (part) of a stored edition whose values agree
    /// with it; refuse anything that would change stored data ([`Error::is_conflict`]).
    Add,
    /// Replace the stored edition of the same dataset key (all its files).
    Replace,
}

/// Why a store cannot be used ([`Error::unusable_store`]); both are
/// [`ErrorKind::Unavailable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnusableStore {
    /// It is another program's database: Coherence adds no tables to it.
    Foreign,
    /// It was written by a newer Coherence (a newer schema).
    Newer,
}

/// What kind of failure an [`Error`] is: a front end chooses its words by it, and an
/// HTTP server its status (named on each kind).
///
/// The messages of [`Error`] say what is wrong in the terms of the data (a dataset, a
/// country, a policy, a file's row and column), never in a front end's terms (a flag, a
/// command, a form field): a front end adds how its user fixes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Something named is not there: a country, an estimate, a policy, a framework, a
    /// stored edition or set of answers (HTTP 404).
    NotFound,
    /// The request or a file it brings cannot be used: a malformed or unrecognised file,
    /// an unknown option value, data an estimator cannot work with, a change without a
    /// reason (HTTP 400; a server may prefer 422 for a well-formed file whose content is
    /// refused).
    InvalidInput,
    /// The request would change stored data it may not change: an import that differs
    /// from a stored edition, an estimate name already taken, a policy changed by someone
    /// else meanwhile (HTTP 409).
    Conflict,
    /// The change is not allowed: the store was opened for reading or cannot be written,
    /// or a change names no one who makes it (HTTP 403).
    Forbidden,
    /// A file goes beyond an import limit ([`Error::exceeded_limit`] names which). Its own
    /// kind, not [`ErrorKind::InvalidInput`], because a front end answers it differently:
    /// HTTP 413 for an upload, "raise the limit" on the command line.
    TooLarge,
    /// The store cannot be used for reasons outside the request: it cannot be opened,
    /// is another program's database or of a newer schema, the disk is full, an I/O
    /// error, another writer held it too long (HTTP 503). Not [`ErrorKind::Internal`]:
    /// no defect is implied, an operator (or the user, choosing another store) can fix
    /// it, and a later try may succeed.
    Unavailable,
    /// A defect, or a damaged store or build (HTTP 500).
    Internal,
}

impl ErrorKind {
    /// The HTTP status a server answers with for this kind.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorKind::NotFound => 404,
            ErrorKind::InvalidInput => 400,
            ErrorKind::Conflict => 409,
            ErrorKind::Forbidden => 403,
            ErrorKind::TooLarge => 413,
            ErrorKind::Unavailable => 503,
            ErrorKind::Internal => 500,
        }
    }
}

impl From<store::ErrorKind> for ErrorKind {
    fn from(kind: store::ErrorKind) -> ErrorKind {
        match kind {
            store::ErrorKind::InvalidInput => ErrorKind::InvalidInput,
            store::ErrorKind::Conflict => ErrorKind::Conflict,
            store::ErrorKind::Forbidden => ErrorKind::Forbidden,
            store::ErrorKind::Unavailable => ErrorKind::Unavailable,
            store::ErrorKind::Internal => ErrorKind::Internal,
            // A kind the store gains later is a defect until it is mapped here.
            _ => ErrorKind::Internal,
        }
    }
}

impl Error {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Store(e) => e.kind().into(),
            Error::Import(e) => match e.kind {
                ingest::ImportErrorKind::LimitExceeded { .. } => ErrorKind::TooLarge,
                _ => ErrorKind::InvalidInput,
            },
            Error::Io { source, .. } => match source.kind() {
                std::io::ErrorKind::NotFound => ErrorKind::NotFound,
                std::io::ErrorKind::PermissionDenied => ErrorKind::Forbidden,
                std::io::ErrorKind::InvalidData | std::io::ErrorKind::IsADirectory => {
                    ErrorKind::InvalidInput
                }
                _ => ErrorKind::Unavailable,
            },
            // Every estimator refusal is about the data or options it was given.
            Error::Stats(_) => ErrorKind::InvalidInput,
            // Scoring's refusals are about the framework or answers given; the built-in
            // frameworks are tested to score.
            Error::Assess(_) => ErrorKind::InvalidInput,
            Error::Unrecognised { .. }
            | Error::UnknownKind { .. }
            | Error::GravityOption { .. }
            | Error::UnknownColumn { .. }
            | Error::DataCell { .. }
            | Error::Csv { .. }
            | Error::Register(_)
            | Error::MissingReason { .. }
            | Error::NothingToEdit
            | Error::AmbiguousPolicy { .. }
            | Error::Estimate { .. }
            | Error::UnknownMethod { .. } => ErrorKind::InvalidInput,
            Error::UnknownEstimate { .. }
            | Error::UnknownFramework { .. }
            | Error::NoStoredAnswers { .. }
            | Error::UnknownPolicy { .. }
            | Error::UnknownArea { .. }
            | Error::UnknownEdition { .. } => ErrorKind::NotFound,
            Error::EstimateExists { .. } => ErrorKind::Conflict,
            Error::MissingActor => ErrorKind::Forbidden,
            Error::Stopped { .. } => ErrorKind::Internal,
            Error::Scenario(e) => e.kind(),
        }
    }

    /// The error of an input of `found` bytes (or more) past the limit `file-bytes` of
    /// `max` bytes, naming the file's last component: a front end that reads a file or
    /// an upload within that limit reports it with this.
    pub fn input_too_large(name: &str, found: u64, max: u64) -> Error {
        Error::Import(ingest::ImportError::new(
            ingest::Location::file(&file_name_of(name)),
            ingest::ImportErrorKind::LimitExceeded {
                limit: Limit::FileBytes,
                found,
                max,
                what: "the file".to_owned(),
            },
        ))
    }

    /// Why the store named cannot be used as it is, whatever the request, if that is the
    /// error: a front end offers to choose another store (or a newer Coherence).
    pub fn unusable_store(&self) -> Option<UnusableStore> {
        match self {
            Error::Store(store::Error::NotAStore { .. }) => Some(UnusableStore::Foreign),
            Error::Store(store::Error::TooNew { .. }) => Some(UnusableStore::Newer),
            _ => None,
        }
    }

    /// Whether the error is a conflict with stored data (an import that would change a
    /// stored edition, a policy changed meanwhile, an estimate name taken): the same as
    /// `kind() == ErrorKind::Conflict` (HTTP 409).
    pub fn is_conflict(&self) -> bool {
        self.kind() == ErrorKind::Conflict
    }

    /// The import limit a file went beyond, if that is the error ([`ErrorKind::TooLarge`]):
    /// a front end says how its user raises it (HTTP 413 for an upload).
    pub fn exceeded_limit(&self) -> Option<Limit> {
        match self {
            Error::Import(e) => match &e.kind {
                ingest::ImportErrorKind::LimitExceeded { limit, .. } => Some(*limit),
                _ => None,
            },
            _ => None,
        }
    }
}

/// What an import replaced (only when asked): the files and rows that went.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ReplacedImport {
    /// The deleted import's id.
    pub import_id: i64,
    /// Its files.
    pub files: Vec<String>,
    /// Its rows.
    pub rows: RowCounts,
}

/// One file read by [`read_files`], ready to be stored.
#[derive(Clone, Debug)]
pub struct ReadFile {
    /// The file's name as given ([`Input::name`]: its path, from the CLI).
    pub path: String,
    /// The layout's `--kind` name.
    pub kind: String,
    /// What the layout is, in words.
    pub description: String,
    /// Whether the layout was recognised (rather than forced with `--kind`).
    pub detected: bool,
    /// Things read but deliberately not stored (aggregates, skipped unknown areas...).
    pub diagnostics: Vec<FileDiagnostic>,
    dataset: Dataset,
}

impl ReadFile {
    /// The dataset read.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }
}

/// Something a reader read but did not store. It is written as its text in output (a
/// JSON string); [`FileDiagnostic::kind`] tells a front end how to show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileDiagnostic {
    /// What kind of thing was left out.
    pub kind: DiagnosticKind,
    /// The reader's message, with the place in the file.
    pub text: String,
}

/// The kind of a [`FileDiagnostic`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticKind {
    /// An aggregate (world, region, income group): Coherence computes aggregates.
    Aggregate,
    /// A real area without an ISO 3166-1 code.
    NoIsoCode,
    /// A name or code that matches no known area, skipped as asked
    /// ([`UnknownAreas::Skip`]): a warning, since it may be a misspelt country.
    UnknownArea,
    /// Anything else (e.g. series of a WDI file that Coherence does not store).
    Note,
}

impl FileDiagnostic {
    fn new(d: &ingest::Diagnostic) -> FileDiagnostic {
        let kind = match d.kind {
            ingest::DiagnosticKind::AggregateSkipped { .. } => DiagnosticKind::Aggregate,
            ingest::DiagnosticKind::NoIsoCodeSkipped { .. } => DiagnosticKind::NoIsoCode,
            ingest::DiagnosticKind::UnknownAreaSkipped { .. } => DiagnosticKind::UnknownArea,
            _ => DiagnosticKind::Note,
        };
        FileDiagnostic { kind, text: d.to_string() }
    }
}

impl std::fmt::Display for FileDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl serde::Serialize for FileDiagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// How a reader should treat names that match no country or area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnknownAreas {
    /// Stop with the complete list of unknown names.
    Reject,
    /// Skip their values and report each name.
    Skip,
}

/// A file given to the application: its name and its bytes. The CLI reads the file; a
/// server takes the upload. Nothing in this crate opens a file by path.
#[derive(Clone, PartialEq, Eq)]
pub struct Input {
    /// The file as its user knows it: the path it was given or found under (as text),
    /// or an upload's name. Messages and provenance show it; a layout that does not
    /// state its edition may read the edition from a folder name in it.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl Input {
    /// A file named `name` holding `bytes`.
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Input {
        Input { name: name.into(), bytes }
    }

    /// The last component of [`Input::name`] (the whole name if it has none), as layout
    /// detection, provenance and error locations use it.
    pub fn file_name(&self) -> String {
        file_name_of(&self.name)
    }

    /// The bytes as UTF-8 text.
    ///
    /// # Errors
    /// [`Error::Io`] naming the file for bytes that are not UTF-8.
    pub fn text(&self) -> Result<&str, Error> {
        std::str::from_utf8(&self.bytes).map_err(|e| Error::Io {
            path: self.name.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })
    }
}

impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Input").field("name", &self.name).field("bytes", &self.bytes.len()).finish()
    }
}

/// The last component of a file's name as given (text only; no file is touched).
fn file_name_of(name: &str) -> String {
    Path::new(name)
        .file_name()
        .map_or_else(|| name.to_owned(), |n| n.to_string_lossy().into_owned())
}

/// Reads official files one by one (layouts recognised, or forced with a `--kind`
/// name), without storing anything.
#[derive(Clone, Debug)]
pub struct FileReader {
    forced: Option<ingest::Kind>,
    options: ingest::ReadOptions,
}

impl FileReader {
    /// A reader of the layout `kind` (else of whichever layout a file is recognised
    /// as), treating unknown area names as `unknown` says, within `limits`.
    ///
    /// # Errors
    /// [`Error::UnknownKind`] if `kind` names no layout.
    pub fn new(
        kind: Option<&str>,
        unknown: UnknownAreas,
        limits: &Limits,
    ) -> Result<FileReader, Error> {
        let forced = match kind {
            Some(name) => Some(
                ingest::Kind::parse(name)
                    .ok_or_else(|| Error::UnknownKind { name: name.to_owned() })?,
            ),
            None => None,
        };
        let options = ingest::ReadOptions {
            unknown_areas: match unknown {
                UnknownAreas::Reject => ingest::UnknownAreas::Reject,
                UnknownAreas::Skip => ingest::UnknownAreas::Skip,
            },
            path: None,
            limits: *limits,
            defined_areas: Vec::new(),
        };
        Ok(FileReader { forced, options })
    }

    /// Reads one file.
    ///
    /// # Errors
    /// [`Error::Unrecognised`], or [`Error::Import`] naming the file, sheet, row and
    /// column (a file past a limit included).
    pub fn read(&self, input: &Input) -> Result<ReadFile, Error> {
        let shown = &input.name;
        let name = input.file_name();
        let bytes = &input.bytes;
        let limits = &self.options.limits;
        if bytes.len() as u64 > limits.file_bytes {
            return Err(Error::input_too_large(shown, bytes.len() as u64, limits.file_bytes));
        }
        ingest::check_container(&name, bytes, limits)?;
        let (kind, detected) = match self.forced {
            Some(k) => (k, false),
            None => (
                ingest::detect(&name, bytes, limits)
                    .ok_or_else(|| Error::Unrecognised { file: shown.clone() })?,
                true,
            ),
        };
        tracing::info!(file = %shown, kind = kind.name(), "reading");
        // The path goes with the name: a layout that does not state its edition reads it
        // from a folder name (docs/data.md, "UN World Population Prospects 2019").
        let options = ingest::ReadOptions { path: Some(shown.clone()), ..self.options.clone() };
        let (dataset, diagnostics) = ingest::read(kind, &name, bytes, &options)?;
        Ok(ReadFile {
            path: shown.clone(),
            kind: kind.name().to_owned(),
            description: kind.description().to_owned(),
            detected,
            diagnostics: diagnostics.iter().map(FileDiagnostic::new).collect(),
            dataset,
        })
    }
}

/// Runs CPU-heavy work (a fit, an estimate) on tokio's blocking threads, so that the
/// async executor keeps serving other requests meanwhile; the inputs are moved in.
/// Must be called within a tokio runtime (as every [`Workspace`] method is: the store
/// runs on tokio).
///
/// # Errors
/// [`Error::Stopped`] (an [`ErrorKind::Internal`]) if the work panicked, with the
/// panic's message, or was cancelled by the runtime shutting down.
pub(crate) async fn off_executor<T, F>(task: &'static str, work: F) -> Result<T, Error>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        let reason = if e.is_panic() {
            let panic = e.into_panic();
            panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "it panicked".to_owned())
        } else {
            "the runtime shut down before it finished".to_owned()
        };
        Error::Stopped { task, reason }
    })
}

/// Reads official files (layouts recognised, or forced with `kind`), without storing
/// anything: every file is read before any is stored, so a bad file stops the whole
/// import with nothing written.
///
/// # Errors
/// As [`FileReader::new`] and [`FileReader::read`].
pub fn read_files(
    inputs: &[Input],
    kind: Option<&str>,
    unknown: UnknownAreas,
    limits: &Limits,
) -> Result<Vec<ReadFile>, Error> {
    let reader = FileReader::new(kind, unknown, limits)?;
    inputs.iter().map(|input| reader.read(input)).collect()
}

/// An opened store and the operations on it.
#[derive(Clone, Debug)]
pub struct Workspace {
    store: store::Store,
    /// The editions read instead of their keys' newest ([`Workspace::pin_editions`]),
    /// as "key edition".
    pinned: Vec<String>,
    /// The user whose changes this handle writes, when it acts for a user of the server
    /// ([`Workspace::acting_as`]); the command line records only a name.
    user_id: Option<i64>,
}

impl Workspace {
    /// The same store, recording `user_id` (a user of the server) beside the user's name
    /// in every change it writes: register edits and imports, stored answers.
    pub fn acting_as(&self, user_id: i64) -> Workspace {
        Workspace { user_id: Some(user_id), ..self.clone() }
    }

    /// The store under this workspace, for the server's own tables (accounts,
    /// workspaces, jobs), which `analysis` does not interpret.
    pub fn store(&self) -> &store::Store {
        &self.store
    }

    /// Reads the given editions (dataset key and edition label, as `datasets` lists
    /// them) in place of their keys' default (newest) editions, for every later read of
    /// this workspace: profiles, briefs, estimates and scenario baselines. Returns the
    /// pinned imports' ids.
    ///
    /// # Errors
    /// [`Error::UnknownEdition`] naming what is stored when a key or edition is not,
    /// [`Error::Store`] if the store cannot be read.
    pub async fn pin_editions(&mut self, pins: &[(String, String)]) -> Result<Vec<i64>, Error> {
        if pins.is_empty() {
            return Ok(Vec::new());
        }
        let datasets = self.store.datasets().await?;
        let mut ids = Vec::with_capacity(pins.len());
        for (key, edition) in pins {
            match datasets.iter().find(|d| &d.key == key && &d.edition == edition) {
                Some(d) => ids.push(d.id),
                None => {
                    let editions: Vec<String> = datasets
                        .iter()
                        .filter(|d| &d.key == key)
                        .map(|d| format!("{:?}", d.edition))
                        .collect();
                    let available = if editions.is_empty() {
                        let mut keys: Vec<&str> = datasets.iter().map(|d| d.key.as_str()).collect();
                        keys.dedup();
                        format!("the stored dataset keys are: {}", keys.join(", "))
                    } else {
                        format!("the stored editions of {key} are: {}", editions.join(", "))
                    };
                    return Err(Error::UnknownEdition {
                        key: key.clone(),
                        edition: edition.clone(),
                        available,
                    });
                }
            }
        }
        self.store = self.store.pinned(&ids);
        self.pinned = pins.iter().map(|(k, e)| format!("{k} edition {e}")).collect();
        Ok(ids)
    }

    /// The same store read at the previous editions: for every dataset key with an
    /// edition older than its default one, the edition just before the default; every
    /// other key at its default. With it, a brief says what changed since the previous
    /// editions. Returns the workspace and the editions it reads instead ("key edition
    /// E"), or `None` when no key has an older edition, or when this workspace already
    /// reads pinned editions (the comparison is made from the default editions).
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read.
    pub async fn previous_editions(&self) -> Result<Option<(Workspace, Vec<String>)>, Error> {
        if !self.pinned.is_empty() {
            return Ok(None);
        }
        // By key, newest edition first: the record after a key's default is its previous.
        let datasets = self.store.datasets().await?;
        let mut ids = Vec::new();
        let mut labels = Vec::new();
        for (i, d) in datasets.iter().enumerate() {
            // An older edition of the key, not a second import of the same edition.
            let previous = datasets[i + 1..]
                .iter()
                .take_while(|p| p.key == d.key)
                .find(|p| p.edition != d.edition);
            if let (true, Some(p)) = (d.is_default, previous) {
                ids.push(p.id);
                labels.push(format!("{} edition {}", p.key, p.edition));
            }
        }
        if ids.is_empty() {
            return Ok(None);
        }
        let previous =
            Workspace { store: self.store.pinned(&ids), pinned: labels.clone(), ..self.clone() };
        Ok(Some((previous, labels)))
    }

    /// Opens (creating and migrating if needed) the store at `location`: an SQLite file
    /// or a PostgreSQL database ([`store::Location`]).
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be opened.
    pub async fn open(location: impl Into<store::Location>) -> Result<Workspace, Error> {
        Ok(Workspace {
            store: store::Store::open(location).await?,
            pinned: Vec::new(),
            user_id: None,
        })
    }

    /// Opens the store at `location` for reading only: every later write through this
    /// workspace fails, and a store whose file or folder is read-only can be read (see
    /// [`store::Store::open_for_reading`]). A missing or older store is created or
    /// migrated first, as by [`Workspace::open`].
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be opened.
    pub async fn open_for_reading(
        location: impl Into<store::Location>,
    ) -> Result<Workspace, Error> {
        Ok(Workspace {
            store: store::Store::open_for_reading(location).await?,
            pinned: Vec::new(),
            user_id: None,
        })
    }

    /// Where the store lives (shown without a password).
    pub fn location(&self) -> &store::Location {
        self.store.location()
    }

    /// Copies this whole store into `target`, which must be empty, and compares every
    /// table's rows afterwards (`coherence db copy`; see [`store::copy`]).
    ///
    /// # Errors
    /// [`Error::Store`] if the target holds data, or a read, the write or the comparison
    /// fails (the target is then left empty).
    pub async fn copy_to(&self, target: &Workspace) -> Result<store::CopyReport, Error> {
        Ok(store::copy(&self.store, &target.store).await?)
    }

    /// A handle that closes the store from a program's exit path, so that the store is
    /// one file again (see [`store::Store::closer`]).
    pub fn closer(&self) -> StoreCloser {
        self.store.closer()
    }

    /// Writes a consistent copy of the store to a new file (`coherence backup`).
    ///
    /// # Errors
    /// [`Error::Store`] if the file exists or cannot be written.
    pub async fn backup_to(&self, target: &Path) -> Result<(), Error> {
        Ok(self.store.backup_to(target).await?)
    }

    /// Replaces the store at `target` by a backup, after checking the backup
    /// (`coherence restore`; see [`store::restore`]).
    ///
    /// # Errors
    /// [`Error::Store`] naming the file and what is wrong with it.
    pub async fn restore(backup: &Path, target: &store::Location) -> Result<(), Error> {
        Ok(store::restore(backup, target).await?)
    }

    /// Loads (or refreshes) the built-in demo world. Loading it again changes nothing; a
    /// demo world of another build replaces the stored one (it is ours, and fictional).
    ///
    /// # Errors
    /// [`Error::Import`] if the embedded files do not parse (a build defect),
    /// [`Error::Store`] if the write fails (the store is then unchanged).
    pub async fn load_demo(
        &self,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<LoadOutcome, Error> {
        let dataset = ingest::demo::demo_world()?;
        self.load_with(&dataset, ImportMode::Replace, progress).await
    }

    /// Stores a dataset read by an importer, as one transaction.
    ///
    /// # Errors
    /// [`Error::Store`] if the write fails; the store is then unchanged.
    pub async fn load(
        &self,
        dataset: &Dataset,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<LoadOutcome, Error> {
        self.load_with(dataset, ImportMode::Add, progress).await
    }

    /// Stores a dataset read by an importer, as one transaction, replacing a stored
    /// edition of the same key only in [`ImportMode::Replace`].
    ///
    /// # Errors
    /// [`Error::Store`] if the import conflicts with stored data or the write fails; the
    /// store is then unchanged.
    pub async fn load_with(
        &self,
        dataset: &Dataset,
        mode: ImportMode,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<LoadOutcome, Error> {
        let mode = match mode {
            ImportMode::Add => store::ImportMode::Add,
            ImportMode::Replace => store::ImportMode::Replace,
        };
        let outcome = self.store.import_with(dataset, mode, progress).await?;
        let [(_, areas), (_, values), (_, pairs), (_, policies)] = dataset.row_counts();
        Ok(LoadOutcome {
            import_id: outcome.import_id,
            status: outcome.status.into(),
            key: dataset.meta.key.clone(),
            edition: dataset.meta.edition.clone(),
            rows: RowCounts {
                areas: areas as i64,
                values: values as i64,
                pairs: pairs as i64,
                policies: policies as i64,
            },
            duplicates: outcome.duplicates,
            replaced: outcome.replaced.map(|r| ReplacedImport {
                import_id: r.import_id,
                files: r.files,
                rows: RowCounts {
                    areas: r.rows[0],
                    values: r.rows[1],
                    pairs: r.rows[2],
                    policies: r.rows[3],
                },
            }),
        })
    }

    /// Every stored dataset import, by key and newest edition first.
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read.
    pub async fn datasets(&self) -> Result<Vec<DatasetInfo>, Error> {
        let records = self.store.datasets().await?;
        Ok(records
            .into_iter()
            .map(|r| DatasetInfo {
                id: r.id,
                key: r.key,
                publisher: r.publisher,
                title: r.title,
                edition: r.edition,
                source: r.source,
                licence: r.licence,
                fictional: r.fictional,
                is_default: r.is_default,
                imported_at: r.imported_at,
                files: r
                    .files
                    .into_iter()
                    .map(|(name, sha256, bytes)| FileInfo { name, sha256, bytes })
                    .collect(),
                rows: RowCounts {
                    areas: r.rows[0],
                    values: r.rows[1],
                    pairs: r.rows[2],
                    policies: r.rows[3],
                },
            })
            .collect())
    }

    /// Finds a country or area given as ISO alpha-3 code, M49 code or name (any case),
    /// among the real areas and those the stored datasets define.
    ///
    /// # Errors
    /// [`Error::UnknownArea`] with the closest matches if nothing matches.
    pub async fn resolve_area(&self, query: &str) -> Result<AreaRef, Error> {
        let defined = self.store.defined_areas().await?;
        area::resolve(query, &defined)
    }

    /// Every area a profile can be made of: the areas the stored datasets define (the
    /// demo world's fictional countries) first, then the real countries and areas, each
    /// once, by name within each part.
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read.
    pub async fn profile_areas(&self) -> Result<Vec<AreaRef>, Error> {
        let defined = self.store.defined_areas().await?;
        Ok(area::all(&defined))
    }

    /// Every group a profile can be made of: (query, name).
    pub fn profile_groups(&self) -> Vec<(String, String)> {
        groups::group_choices()
    }

    /// Cross-checks the loaded datasets against each other (see [`checks`]).
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read.
    pub async fn check_datasets(&self) -> Result<Vec<checks::Check>, Error> {
        checks::run(&self.store).await
    }

    /// Builds the migration profile of the country given as ISO alpha-3 code, M49 code
    /// or name, or of a group of countries:
    ///
    /// * `region:<M49 code or name>` — a UN region, sub-region or intermediate region
    ///   (`region:202`, `region:Africa`);
    /// * `sdg:<SSA|NAWA|CSA|ESEA|LAC|OCE|ANZ|ENA>` — an SDG region (also
    ///   `region:SDG-SSA`);
    /// * `income:<LIC|LMC|UMC|HIC>` — a World Bank income group (from the imported
    ///   classification, or the demo world's countries file);
    /// * `world`;
    /// * a bare region name that is no country's, e.g. `Sub-Saharan Africa`.
    ///
    /// A group's profile sums its members' stocks, population, GDP and remittances and
    /// computes SDG 17.3.2 GDP-weighted over the members with both values.
    ///
    /// # Errors
    /// [`Error::UnknownArea`] if nothing is found (with suggestions), [`Error::Store`]
    /// if the store cannot be read.
    pub async fn profile(&self, query: &str) -> Result<profile::CountryProfile, Error> {
        let shared = profiles::Shared::load(&self.store).await?;
        self.profile_with(&shared, query).await
    }

    /// The profiles of several countries or groups (as [`Workspace::profile`] takes
    /// them), reading what all profiles share once.
    ///
    /// # Errors
    /// As [`Workspace::profile`], for the first query that fails.
    pub async fn profiles(&self, queries: &[&str]) -> Result<Vec<profile::CountryProfile>, Error> {
        let shared = profiles::Shared::load(&self.store).await?;
        let mut out = Vec::with_capacity(queries.len());
        for q in queries {
            out.push(self.profile_with(&shared, q).await?);
        }
        Ok(out)
    }

    async fn profile_with(
        &self,
        shared: &profiles::Shared,
        query: &str,
    ) -> Result<profile::CountryProfile, Error> {
        let mut profile = self.build_profile(shared, query).await?;
        profile.pinned_editions.clone_from(&self.pinned);
        Ok(profile)
    }

    async fn build_profile(
        &self,
        shared: &profiles::Shared,
        query: &str,
    ) -> Result<profile::CountryProfile, Error> {
        match groups::GroupSpec::parse(query) {
            Some(Ok(spec)) => return groups::build(&self.store, shared, spec).await,
            Some(Err(suggestions)) => {
                return Err(Error::UnknownArea { query: query.trim().to_owned(), suggestions });
            }
            None => {}
        }
        match self.resolve_area(query).await {
            Ok(area) => profiles::build(&self.store, shared, &area).await,
            Err(err) => match groups::GroupSpec::by_name(query) {
                Some(spec) => groups::build(&self.store, shared, spec).await,
                None => match err {
                    Error::UnknownArea { query, mut suggestions } => {
                        suggestions.extend(groups::region_suggestions(&query));
                        Err(Error::UnknownArea { query, suggestions })
                    }
                    other => Err(other),
                },
            },
        }
    }
}

#[cfg(test)]
mod input_tests {
    use super::Input;

    #[test]
    fn an_input_names_its_file_and_refuses_text_that_is_not_utf8() {
        let input = Input::new("runs/a/rules.toml", vec![0xff, 0xfe]);
        assert_eq!(input.file_name(), "rules.toml");
        let err = input.text().unwrap_err();
        assert!(err.to_string().starts_with("cannot read runs/a/rules.toml: "), "{err}");
        assert_eq!(Input::new("rules.toml", b"a = 1".to_vec()).text().unwrap(), "a = 1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outcome enums write the words the strings they replaced held, so the JSON
    /// of front ends is unchanged.
    #[test]
    fn outcome_enums_serialise_as_their_words() {
        let json = |v: serde_json::Value| v.to_string();
        let words = [
            (json(serde_json::json!(LoadStatus::Added)), "\"added\""),
            (json(serde_json::json!(LoadStatus::Extended)), "\"extended\""),
            (json(serde_json::json!(LoadStatus::Replaced)), "\"replaced\""),
            (json(serde_json::json!(LoadStatus::Unchanged)), "\"unchanged\""),
            (json(serde_json::json!(assess::AnswersStatus::Added)), "\"added\""),
            (json(serde_json::json!(assess::AnswersStatus::Unchanged)), "\"unchanged\""),
            (json(serde_json::json!(register::AuditAction::Create)), "\"create\""),
            (json(serde_json::json!(register::AuditAction::Import)), "\"import\""),
            (json(serde_json::json!(register::AuditAction::Edit)), "\"edit\""),
            (json(serde_json::json!(register::RegisterLayer::Imported)), "\"imported\""),
            (json(serde_json::json!(register::RegisterLayer::Edited)), "\"edited\""),
            (json(serde_json::json!(register::RegisterLayer::Register)), "\"register\""),
        ];
        for (got, want) in words {
            assert_eq!(got, want);
        }
        for status in [LoadStatus::Added, LoadStatus::Unchanged] {
            assert_eq!(serde_json::to_string(&status).unwrap(), format!("\"{status}\""));
        }
        let note = FileDiagnostic { kind: DiagnosticKind::UnknownArea, text: "a \"b\"".into() };
        assert_eq!(serde_json::to_string(&[note]).unwrap(), r#"["a \"b\""]"#);
    }

    /// A stored estimate's listing writes the fields `EstimateInfo` wrote, in its order
    /// (the store's id is not written).
    #[test]
    fn an_estimate_listing_writes_the_fields_it_wrote() {
        let summary = store::EstimateSummary {
            id: 7,
            name: "m".into(),
            estimator: store::Estimator::Ppml,
            formula: "y ~ x".into(),
            vcov_type: "iid".into(),
            ssc: "fixest".into(),
            data: store::DataFile { name: "d.csv".into(), sha256: "ab".into(), rows: 3 },
            n_obs: 3,
            converged: true,
            created_at: "t".into(),
        };
        assert_eq!(
            serde_json::to_string(&summary).unwrap(),
            r#"{"name":"m","estimator":"ppml","formula":"y ~ x","vcov_type":"iid","ssc":"fixest","data":{"name":"d.csv","sha256":"ab","rows":3},"n_obs":3,"converged":true,"created_at":"t"}"#
        );
    }
}
