//! The error type of the readers.

use std::fmt;

/// Where in a file a problem was found: the same file, sheet, row and column that a
/// stored value's [`domain::Provenance`] names, so an error and a value point at cells
/// the same way. Rows are 1-based (lines of text files, spreadsheet rows of workbooks);
/// columns are headers for CSV files and letters for workbooks.
pub type Location = domain::Provenance;

/// An error that stops a file from being imported. Nothing of the file is stored.
#[derive(Debug)]
pub struct ImportError {
    /// Where the problem is.
    pub location: Location,
    /// What the problem is.
    pub kind: ImportErrorKind,
}

impl ImportError {
    /// Makes an error at `location`.
    pub fn new(location: Location, kind: ImportErrorKind) -> ImportError {
        ImportError { location, kind }
    }
}

/// The kind of an [`ImportError`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ImportErrorKind {
    /// The file is not in the expected format at all (not UTF-8, not a workbook, ...).
    Unreadable {
        /// What the reader expected.
        expected: String,
        /// What went wrong.
        detail: String,
    },
    /// A header or sheet the layout requires is missing.
    MissingHeader {
        /// The header, column or sheet expected.
        expected: String,
    },
    /// A cell holds something other than what the column requires.
    BadValue {
        /// What the column requires, e.g. "a non-negative number of persons".
        expected: String,
        /// The cell's content.
        found: String,
    },
    /// The same key appears twice.
    Duplicate {
        /// The key, e.g. "XAA→XAB 2020 female".
        key: String,
        /// The row where it first appeared.
        first_row: u32,
    },
    /// Country or area names or codes that could not be matched; all of them are listed.
    UnknownAreas {
        /// Each unknown name with the row where it appears.
        names: Vec<(String, u32)>,
    },
    /// A total that is not the sum of its male and female parts; the three rows are named.
    SexMismatch {
        /// The key of the three rows, e.g. "XAA→XAB 2020".
        key: String,
        /// The rows of the total, male and female values.
        rows: [u32; 3],
        /// The total minus (male + female).
        difference: f64,
    },
    /// The file goes beyond one of the import's [`Limits`](crate::Limits); nothing of it
    /// is read further.
    LimitExceeded {
        /// Which limit.
        limit: crate::Limit,
        /// What was found (at least this much: counting stops at the limit).
        found: u64,
        /// The limit's value.
        max: u64,
        /// What was measured, e.g. "sheet \"Table 1\" (A1:XFD1048576)".
        what: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        match &self.kind {
            ImportErrorKind::Unreadable { expected, detail } => {
                write!(f, "cannot be read as {expected}: {detail}")
            }
            ImportErrorKind::MissingHeader { expected } => write!(f, "expected {expected}"),
            ImportErrorKind::BadValue { expected, found } => {
                write!(f, "expected {expected}, found {found:?}")
            }
            ImportErrorKind::Duplicate { key, first_row } => {
                write!(f, "duplicate {key} (first seen on row {first_row})")
            }
            ImportErrorKind::UnknownAreas { names } => {
                write!(f, "{} unknown country or area name(s): ", names.len())?;
                for (i, (name, row)) in names.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{name:?} (row {row})")?;
                }
                Ok(())
            }
            ImportErrorKind::SexMismatch { key, rows, difference } => write!(
                f,
                "{key}: total (row {}) differs from male (row {}) + female (row {}) by {difference}",
                rows[0], rows[1], rows[2]
            ),
            ImportErrorKind::LimitExceeded { limit, found, max, what } => write!(
                f,
                "{what}: beyond the limit {limit} = {max} {unit} (found {found})",
                unit = limit.unit()
            ),
        }
    }
}

impl std::error::Error for ImportError {}
