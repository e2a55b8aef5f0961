//! The zip container of xlsx workbooks: every member is read through once, so that a
//! damaged file is refused as corrupt before any reader sees it (a spreadsheet reader
//! may decode a damaged member without noticing and store wrong values).
//!
//! Limits, checked while reading (not trusted from the file's directory): at most
//! [`MAX_MEMBERS`] members and [`MAX_UNCOMPRESSED`] bytes once inflated.

use std::io::{Cursor, Read};

use crate::error::{ImportError, ImportErrorKind, Location};

/// Most members a workbook may have.
pub const MAX_MEMBERS: usize = 10_000;
/// Most bytes a workbook's members may inflate to, together (1 GiB).
pub const MAX_UNCOMPRESSED: u64 = 1 << 30;

/// Checks a zip container (any file starting with a zip signature): every member
/// inflates without error, matches its CRC-32, and the limits hold. A legacy xls
/// workbook (a compound file) is walked as its reader would walk it: sector chains must
/// end and its sheets span at most [`crate::MAX_XLS_CELLS`] cells. Other files pass.
///
/// # Errors
/// [`ImportErrorKind::Unreadable`] naming the member that is corrupt, or the limit.
pub fn check_container(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    crate::xls::check(file, bytes)?;
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(());
    }
    let corrupt = |detail: String| {
        ImportError::new(
            Location::file(file),
            ImportErrorKind::Unreadable {
                expected: "an intact workbook (zip container)".to_owned(),
                detail,
            },
        )
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("the zip directory cannot be read: {e}")))?;
    if archive.len() > MAX_MEMBERS {
        return Err(corrupt(format!(
            "{} members, more than the limit of {MAX_MEMBERS}",
            archive.len()
        )));
    }
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut member = archive
            .by_index(i)
            .map_err(|e| corrupt(format!("member {i} cannot be opened: {e}")))?;
        let name = member.name().map_or_else(|_| format!("number {i}"), |n| n.into_owned());
        loop {
            let n = member
                .read(&mut buf)
                .map_err(|e| corrupt(format!("member {name} is corrupt: {e}")))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > MAX_UNCOMPRESSED {
                return Err(corrupt(format!(
                    "its members inflate to more than the limit of {} MiB (at {name})",
                    MAX_UNCOMPRESSED >> 20
                )));
            }
        }
    }
    Ok(())
}
