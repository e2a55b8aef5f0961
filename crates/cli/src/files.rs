//! Reading the files the user names, within bounds. `analysis` takes bytes and names,
//! never paths: the CLI reads the file here and hands over an [`analysis::Input`] (a
//! server hands over an upload instead).

use std::io::Read;
use std::path::Path;

/// The most bytes of a document read whole: a scenario, framework, answers, register,
/// corridor-rules or matrix file (64 MiB).
pub(crate) const MAX_DOCUMENT_BYTES: u64 = 64 << 20;

/// The most bytes of a data table read whole for an estimate (a gravity panel, a
/// stock table, a run's Arrow file; 4 GiB).
pub(crate) const MAX_TABLE_BYTES: u64 = 4 << 30;

/// Reads a file whole, refusing it once it passes `max` bytes (counted as read, so a
/// file that grows, or a device that never ends, is refused too).
///
/// # Errors
/// [`analysis::Error::Io`] naming the path, or the error of
/// [`analysis::Error::input_too_large`] (limit `file-bytes`) naming the file.
pub(crate) fn read_input(path: &Path, max: u64) -> Result<Vec<u8>, analysis::Error> {
    let shown = path.display().to_string();
    let io = |source| analysis::Error::Io { path: shown.clone(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    // Room for the whole file at once when its size is known and within the limit; a
    // device or a growing file gets what it delivers, up to one byte past the limit.
    let known = file.metadata().map_or(0, |m| m.len());
    let room = usize::try_from(known.min(max).saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(room).map_err(|_| io(std::io::ErrorKind::OutOfMemory.into()))?;
    file.take(max.saturating_add(1)).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(analysis::Error::input_too_large(&shown, bytes.len() as u64, max));
    }
    Ok(bytes)
}

/// Reads a file whole within `max` bytes as an [`analysis::Input`] named by its path.
///
/// # Errors
/// As [`read_input`].
pub(crate) fn input(path: &Path, max: u64) -> Result<analysis::Input, analysis::Error> {
    Ok(analysis::Input::new(path.display().to_string(), read_input(path, max)?))
}

/// Reads a document (UTF-8 expected; `analysis` checks it, naming the file) whole as an
/// [`analysis::Input`], within [`MAX_DOCUMENT_BYTES`].
///
/// # Errors
/// As [`read_input`].
pub(crate) fn document(path: &Path) -> Result<analysis::Input, analysis::Error> {
    input(path, MAX_DOCUMENT_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_past_the_limit_is_refused_naming_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        std::fs::write(&path, [b'x'; 11]).unwrap();
        assert_eq!(read_input(&path, 11).unwrap().len(), 11);
        let err = read_input(&path, 10).unwrap_err();
        assert_eq!(err.exceeded_limit(), Some(analysis::Limit::FileBytes));
        assert!(err.to_string().contains("big.csv"), "{err}");
    }

    #[test]
    fn a_device_that_never_ends_is_refused() {
        let zero = Path::new("/dev/zero");
        if zero.exists() {
            let err = read_input(zero, 1 << 10).unwrap_err();
            assert_eq!(err.exceeded_limit(), Some(analysis::Limit::FileBytes));
        }
    }
}
