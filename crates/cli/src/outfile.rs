//! Output files: written whole or not at all, never through a link planted in the
//! output's folder, never over something that is not a regular file.
//!
//! A regular file (or a new path) is written to a temporary file created in the same
//! folder under a random name, exclusively (it cannot be a link someone planted), then
//! renamed over the target, so a reader never sees half a file. A special file that
//! already exists (`/dev/null`, `/dev/stdout`, a FIFO) is written directly, never
//! replaced. A symbolic link or a folder at the target is refused.

use std::io::Write;
use std::path::Path;

use crate::commands::Error;

/// Writes `bytes` to `path` (see the module documentation).
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_with(path, |w| Ok(w.write_all(bytes)?))
}

/// Writes what `fill` writes to `path` (see the module documentation).
pub(crate) fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
) -> Result<(), Error> {
    let existing = match std::fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot write {}: {e}", path.display()).into()),
    };
    if let Some(meta) = &existing {
        let kind = meta.file_type();
        if kind.is_symlink() {
            return Err(format!(
                "{} is a symbolic link: Coherence does not write through links; give the path \
                 of the file itself",
                path.display()
            )
            .into());
        }
        if kind.is_dir() {
            return Err(format!("{} is a folder, not a file", path.display()).into());
        }
        if !kind.is_file() {
            return write_special(path, fill);
        }
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if path.file_name().is_none() {
        return Err(format!("{} is not a file path", path.display()).into());
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".coherence-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut w).map_err(|e| naming(path, e))?;
        w.flush().map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    tmp.as_file().sync_all().map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    set_permissions(tmp.as_file(), existing.as_ref())?;
    tmp.persist(path).map_err(|e| format!("cannot write {}: {}", path.display(), e.error))?;
    Ok(())
}

/// A device or FIFO: written in place, never replaced.
fn write_special(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), Error>,
) -> Result<(), Error> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    fill(&mut w).map_err(|e| naming(path, e))?;
    w.flush().map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}

/// An error of writing `path` caused by the system (a full disk, an I/O error), which
/// writers report without the file's name, with the name; any other error as it is.
fn naming(path: &Path, err: Error) -> Error {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err.as_ref());
    while let Some(e) = cause {
        if e.is::<std::io::Error>() {
            return format!("cannot write {}: {err}", path.display()).into();
        }
        cause = e.source();
    }
    err
}

/// The temporary file is created readable by its owner only; the output gets the
/// replaced file's permissions, or those of a new file (read-write for the owner,
/// readable by others, as most tools create them).
fn set_permissions(
    file: &std::fs::File,
    replaced: Option<&std::fs::Metadata>,
) -> Result<(), Error> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = replaced.map_or(0o644, |m| m.permissions().mode() & 0o7777);
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = (file, replaced);
    Ok(())
}
