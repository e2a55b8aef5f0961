//! Coherence's application API.
//!
//! A [`Workspace`] is an opened store plus the operations analysts run on it: load the
//! demo world or an official dataset, list datasets, resolve a country given as code or
//! name, and build a country's [`profile::CountryProfile`]. Everything it returns is
//! plain data with public fields; no database or file-format type crosses this boundary.
//! The CLI (and later the server) call this crate and render what it returns.

mod area;
pub mod assess;
pub mod checks;
pub mod corridor;
pub mod estimate;
pub mod gravity;
mod groups;
pub mod profile;
mod profiles;
pub mod register;
pub mod scenario;
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
    /// No known layout fits the file.
    #[error(
        "{file}: not a layout coherence recognises; give --kind (one of: {})",
        ingest::Kind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    )]
    Unrecognised {
        /// The file.
        file: String,
    },
    /// `--kind` named no known layout.
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
    #[error("--{option} {value:?}: {reason}")]
    GravityOption {
        /// The option.
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
    /// An assessment input breaks a rule of the `assess` crate.
    #[error(transparent)]
    Assess(#[from] ::assess::Error),
    /// `--framework` named no embedded framework.
    #[error(
        "no built-in framework {id:?}; built-in frameworks: {known} (or give --framework-file PATH)"
    )]
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
        /// What is wrong and what to do.
        message: String,
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
            "version {v} of the {framework} answers for {country} is not stored; stored versions: {} \
             (coherence assess {country} --framework {framework} --history)",
            stored.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
        ),
        _ => format!(
            "no answers to {framework} are stored for {country}; store them with \
             `coherence assess {country} --framework {framework} --answers FILE.csv --store` \
             (a CSV file of item,answer rows; see docs/assessment.md)"
        ),
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
    /// `added`, `extended` (another file of a stored edition), `replaced` (only when
    /// asked) or `unchanged`.
    pub status: String,
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

/// Whether an import may replace a stored edition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Add a new edition, or another file (part) of a stored edition whose values agree
    /// with it; refuse anything that would change stored data ([`Error::is_conflict`]).
    Add,
    /// Replace the stored edition of the same dataset key (all its files).
    Replace,
}

impl Error {
    /// Whether the error is a conflict with stored data (an import that would change a
    /// stored edition): a front end's "conflict" (HTTP 409).
    pub fn is_conflict(&self) -> bool {
        matches!(
            self,
            Error::Store(store::Error::ImportConflict(_) | store::Error::Conflict { .. })
        )
    }

    /// The import limit a file went beyond, if that is the error: a front end says how
    /// its user raises it (HTTP 413 for an upload).
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
    /// The file's path as given.
    pub path: String,
    /// The layout's `--kind` name.
    pub kind: String,
    /// What the layout is, in words.
    pub description: String,
    /// Whether the layout was recognised (rather than forced with `--kind`).
    pub detected: bool,
    /// Things read but deliberately not stored (aggregates, skipped unknown areas...).
    pub diagnostics: Vec<String>,
    dataset: Dataset,
}

impl ReadFile {
    /// The dataset read.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
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

/// Reads official files (layouts recognised, or forced with `kind`), without storing
/// anything: every file is read before any is stored, so a bad file stops the whole
/// import with nothing written.
///
/// # Errors
/// [`Error::Io`], [`Error::UnknownKind`], [`Error::Unrecognised`], or
/// [`Error::Import`] naming the file, sheet, row and column.
pub fn read_files(
    paths: &[&Path],
    kind: Option<&str>,
    unknown: UnknownAreas,
    limits: &Limits,
) -> Result<Vec<ReadFile>, Error> {
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
    };
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let shown = path.display().to_string();
        let name =
            path.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        let bytes = read_input(path, limits.file_bytes)?;
        ingest::check_container(&name, &bytes, limits)?;
        let (kind, detected) = match forced {
            Some(k) => (k, false),
            None => (
                ingest::detect(&name, &bytes, limits)
                    .ok_or_else(|| Error::Unrecognised { file: shown.clone() })?,
                true,
            ),
        };
        tracing::info!(file = %shown, kind = kind.name(), "reading");
        // The path goes with the name: a layout that does not state its edition reads it
        // from a folder name (docs/data.md, "UN World Population Prospects 2019").
        let options = ingest::ReadOptions { path: Some(shown.clone()), ..options.clone() };
        let (dataset, diagnostics) = ingest::read(kind, &name, &bytes, &options)?;
        out.push(ReadFile {
            path: shown,
            kind: kind.name().to_owned(),
            description: kind.description().to_owned(),
            detected,
            diagnostics: diagnostics.iter().map(ToString::to_string).collect(),
            dataset,
        });
    }
    Ok(out)
}

/// The most bytes of a document read whole: a scenario, framework, answers, register,
/// corridor-rules or matrix file (64 MiB).
pub const MAX_DOCUMENT_BYTES: u64 = 64 << 20;

/// The most bytes of a data table read whole for an estimate (a gravity panel, a
/// stock table; 4 GiB).
pub const MAX_TABLE_BYTES: u64 = 4 << 30;

/// Reads a file whole, refusing it once it passes `max` bytes (counted as read, so a
/// file that grows, or a device that never ends, is refused too).
///
/// # Errors
/// [`Error::Io`] naming the path, or [`Error::Import`] with
/// [`ingest::ImportErrorKind::LimitExceeded`] (limit `file-bytes`) naming the file.
pub fn read_input(path: &Path, max: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let shown = path.display().to_string();
    let io = |source| Error::Io { path: shown.clone(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    // Room for the whole file at once when its size is known and within the limit; a
    // device or a growing file gets what it delivers, up to one byte past the limit.
    let known = file.metadata().map_or(0, |m| m.len());
    let room = usize::try_from(known.min(max).saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(room).map_err(|_| io(std::io::ErrorKind::OutOfMemory.into()))?;
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        let name =
            path.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        return Err(Error::Import(ingest::ImportError::new(
            ingest::Location::file(&name),
            ingest::ImportErrorKind::LimitExceeded {
                limit: Limit::FileBytes,
                found: bytes.len() as u64,
                max,
                what: "the file".to_owned(),
            },
        )));
    }
    Ok(bytes)
}

/// Reads a UTF-8 document whole, within [`MAX_DOCUMENT_BYTES`].
///
/// # Errors
/// As [`read_input`], and [`Error::Io`] for text that is not UTF-8.
pub fn read_document(path: &Path) -> Result<String, Error> {
    let bytes = read_input(path, MAX_DOCUMENT_BYTES)?;
    String::from_utf8(bytes).map_err(|e| Error::Io {
        path: path.display().to_string(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
    })
}

/// An opened store and the operations on it.
#[derive(Clone, Debug)]
pub struct Workspace {
    store: store::Store,
    /// The editions read instead of their keys' newest ([`Workspace::pin_editions`]),
    /// as "key edition".
    pinned: Vec<String>,
}

impl Workspace {
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

    /// Opens (creating and migrating if needed) the store at `location`: an SQLite file
    /// or a PostgreSQL database ([`store::Location`]).
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be opened.
    pub async fn open(location: impl Into<store::Location>) -> Result<Workspace, Error> {
        Ok(Workspace { store: store::Store::open(location).await?, pinned: Vec::new() })
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
        Ok(Workspace { store: store::Store::open_for_reading(location).await?, pinned: Vec::new() })
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
        progress: &mut dyn FnMut(u64, u64),
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
        progress: &mut dyn FnMut(u64, u64),
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
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<LoadOutcome, Error> {
        let mode = match mode {
            ImportMode::Add => store::ImportMode::Add,
            ImportMode::Replace => store::ImportMode::Replace,
        };
        let outcome = self.store.import_with(dataset, mode, progress).await?;
        let [(_, areas), (_, values), (_, pairs), (_, policies)] = dataset.row_counts();
        Ok(LoadOutcome {
            import_id: outcome.import_id,
            status: outcome.status.as_str().to_owned(),
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
