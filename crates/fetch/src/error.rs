//! The crate's error type.

use std::path::PathBuf;

/// A problem in the catalogue file, with the line and the field it concerns.
///
/// The embedded catalogue is checked by the tests, so this error reaches users only
/// when the catalogue is edited; it is public so the CLI can print it and so other
/// catalogues can be checked with [`crate::Catalogue::parse`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("catalogue line {line}, field `{field}`: {message}")]
pub struct CatalogueError {
    /// The 1-based line of the catalogue text.
    pub line: usize,
    /// The field (TOML key) concerned, or `dataset`/`file` for a whole table.
    pub field: String,
    /// What is wrong, lower-case, without a trailing period.
    pub message: String,
}

/// An error of the fetcher: the catalogue, a download, the cache or the manifest.
///
/// Messages name the URL or the path concerned and say what happened.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The catalogue is invalid.
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    /// A dataset id that the catalogue does not have.
    #[error("no dataset `{id}` in the catalogue{}", suggest(suggestions))]
    UnknownDataset {
        /// The id asked for.
        id: String,
        /// Catalogue ids that look like it.
        suggestions: Vec<String>,
    },
    /// A file that has no download URL: it must be downloaded by hand.
    #[error("{dataset}/{file} has no download URL: download it by hand{}", from_page(page))]
    Manual {
        /// The dataset id.
        dataset: String,
        /// The file name.
        file: String,
        /// The official page to download it from, if known.
        page: Option<String>,
    },
    /// A URL (of the catalogue or a mirror) that is not an absolute http(s) URL.
    #[error("invalid URL `{url}`: {reason}")]
    InvalidUrl {
        /// The text given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The server could not be reached (DNS, connection refused, timeout), after all
    /// retries. Offline, this is the error to expect; see [`crate::offline_help`].
    #[error("GET {url}: cannot reach the server after {attempts} attempt(s): {message}")]
    Unreachable {
        /// The URL requested.
        url: String,
        /// How many attempts were made.
        attempts: u32,
        /// The last failure.
        message: String,
    },
    /// The server answered with an error status (after all retries for 5xx).
    #[error("GET {url}: the server answered HTTP {status}{}", ua_hint(*status))]
    Status {
        /// The URL requested.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The transfer failed part-way (connection dropped, body shorter than announced),
    /// after all retries.
    #[error("GET {url}: transfer failed after {attempts} attempt(s): {message}")]
    Transfer {
        /// The URL requested.
        url: String,
        /// How many attempts were made.
        attempts: u32,
        /// The last failure.
        message: String,
    },
    /// Another HTTP failure that retrying cannot fix (TLS, redirects, bad response).
    #[error("GET {url}: {message}")]
    Http {
        /// The URL requested.
        url: String,
        /// What happened.
        message: String,
    },
    /// The downloaded file's SHA-256 differs from the catalogue's. Nothing is kept.
    #[error(
        "GET {url}: SHA-256 {found} differs from the expected {expected}; the download was discarded"
    )]
    ChecksumMismatch {
        /// The URL requested.
        url: String,
        /// The catalogue's SHA-256.
        expected: String,
        /// The downloaded file's SHA-256.
        found: String,
    },
    /// The downloaded file's size differs from the catalogue's. Nothing is kept.
    #[error("GET {url}: {found} bytes received, expected {expected}; the download was discarded")]
    SizeMismatch {
        /// The URL requested.
        url: String,
        /// The catalogue's size in bytes.
        expected: u64,
        /// The downloaded size in bytes.
        found: u64,
    },
    /// The server sent, or announced, more bytes than the file may have: its catalogue
    /// size plus a margin, or the cap [`crate::Options::max_bytes`]. Nothing is kept.
    #[error(
        "GET {url}: more than {limit} bytes ({found} sent or announced), the most this file may have; the download was discarded"
    )]
    TooLarge {
        /// The URL requested.
        url: String,
        /// The most bytes accepted ([`crate::byte_limit`]).
        limit: u64,
        /// How many were sent or announced (counting stopped past the limit).
        found: u64,
    },
    /// A file-system operation in the cache failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A downloaded zip archive could not be read, or holds no member to import.
    #[error("{}: {message}", path.display())]
    Archive {
        /// The archive.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The cache manifest could not be read or written.
    #[error("{}: {message}", path.display())]
    Manifest {
        /// The manifest's path.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl FetchError {
    /// Whether the error suggests the machine is offline (or the publisher unreachable),
    /// so that the caller should show [`crate::offline_help`].
    pub fn is_unreachable(&self) -> bool {
        matches!(self, FetchError::Unreachable { .. })
    }

    /// Whether a partial download is worth keeping after this error, to resume it
    /// later: only when the transfer was cut short or the server was unreachable.
    pub fn keeps_partial_download(&self) -> bool {
        matches!(
            self,
            FetchError::Transfer { .. }
                | FetchError::Unreachable { .. }
                | FetchError::Status { status: 408 | 429 | 500..=599, .. }
        )
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> FetchError {
        FetchError::Io { path: path.into(), source }
    }
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", suggestions.join(", "))
    }
}

fn from_page(page: &Option<String>) -> String {
    page.as_ref().map(|p| format!(" from {p}")).unwrap_or_default()
}

fn ua_hint(status: u16) -> &'static str {
    if status == 403 {
        " (forbidden; some publishers refuse non-browser clients, and a mirror or a manual download may help)"
    } else {
        ""
    }
}
