//! The zip container of xlsx workbooks: every member is read through once, so that a
//! damaged file is refused as corrupt before any reader sees it (a spreadsheet reader
//! may decode a damaged member without noticing and store wrong values).
//!
//! Limits ([`Limits`]), checked while reading, not trusted from the file's directory:
//! the number of members, the bytes they inflate to together, and how many times larger
//! than stored a large member inflates.

use std::io::{Cursor, Read};

use crate::error::{ImportError, ImportErrorKind, Location};
use crate::limits::{Limit, Limits, RATIO_FLOOR};

/// Checks a zip container (any file starting with a zip signature): every member
/// inflates without error, matches its CRC-32, and the limits hold. A legacy xls
/// workbook (a compound file) is walked as its reader would walk it (`xls`): its
/// sector chains must end and its sheets span at most [`Limits::sheet_cells`] cells
/// together. Other files pass.
///
/// # Errors
/// [`ImportErrorKind::Unreadable`] naming the member that is corrupt, or
/// [`ImportErrorKind::LimitExceeded`] naming the limit.
pub fn check_container(file: &str, bytes: &[u8], limits: &Limits) -> Result<(), ImportError> {
    crate::xls::check(file, bytes, limits)?;
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
    let over = |limit: Limit, found: u64, what: String| {
        ImportError::new(
            Location::file(file),
            ImportErrorKind::LimitExceeded { limit, found, max: limits.get(limit), what },
        )
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("the zip directory cannot be read: {e}")))?;
    if archive.len() as u64 > limits.members {
        return Err(over(Limit::Members, archive.len() as u64, "the zip container".to_owned()));
    }
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut member = archive
            .by_index(i)
            .map_err(|e| corrupt(format!("member {i} cannot be opened: {e}")))?;
        let name = member.name().map_or_else(|_| format!("number {i}"), |n| n.into_owned());
        let stored = member.compressed_size().max(1);
        let mut inflated: u64 = 0;
        loop {
            let n = member
                .read(&mut buf)
                .map_err(|e| corrupt(format!("member {name} is corrupt: {e}")))?;
            if n == 0 {
                break;
            }
            inflated += n as u64;
            total += n as u64;
            if total > limits.uncompressed {
                let what = format!("the zip container's members, inflated (at {name})");
                return Err(over(Limit::Uncompressed, total, what));
            }
            if inflated > RATIO_FLOOR && inflated / stored > limits.ratio {
                let what = format!("member {name}, inflated from {stored} bytes");
                return Err(over(Limit::Ratio, inflated / stored, what));
            }
        }
    }
    Ok(())
}
