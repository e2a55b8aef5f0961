//! Calls into the spreadsheet reader (calamine) with its panics caught. A damaged or
//! hostile workbook can make it index past the end of a record or overflow an integer
//! (found by `coherence-fuzz`, docs/reliability.md "Fuzzing"); the import then stops
//! with an [`ImportError`] naming the file (and sheet) instead of the process dying.
//! Allocation failures cannot be caught: those are prevented by limits checked before.

use std::panic::{self, AssertUnwindSafe};

use crate::error::{ImportError, ImportErrorKind, Location};

/// Runs `f`; a panic inside it is an [`ImportErrorKind::Unreadable`] at `at`.
pub(crate) fn spreadsheet<T>(
    at: impl FnOnce() -> Location,
    expected: &str,
    f: impl FnOnce() -> T,
) -> Result<T, ImportError> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        ImportError::new(
            at(),
            ImportErrorKind::Unreadable {
                expected: expected.to_owned(),
                detail: format!("the spreadsheet reader failed on this file ({message})"),
            },
        )
    })
}
