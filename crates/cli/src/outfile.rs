//! Output files: written whole or not at all, never through a link planted in the
//! output's folder, never over something that is not a regular file.
//!
//! A regular file (or a new path) is written to a temporary file created in the same
//! folder under a random name, exclusively (it cannot be a link someone planted), then
//! renamed over the target, so a reader never sees half a file. A special file that
//! already exists (`/dev/null`, `/dev/stdout`, a FIFO) is written directly, never
//! replaced. A symbolic link or a folder at the target is refused.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

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
    let mut file = Pending::create(path)?;
    fill(&mut file).map_err(|e| naming(path, e))?;
    file.commit()
}

/// An output file being written: a temporary file until [`Pending::commit`] renames it
/// into place (see the module documentation). Dropped uncommitted, it is removed and the
/// target is untouched. Several can be open at once, for files written side by side.
pub(crate) struct Pending {
    path: PathBuf,
    target: Target,
}

enum Target {
    /// A temporary file in the target's folder, and what the target was.
    Temporary(BufWriter<tempfile::NamedTempFile>, Option<Box<std::fs::Metadata>>),
    /// A device or FIFO, written in place.
    Special(BufWriter<std::fs::File>),
}

impl Pending {
    /// Starts writing `path`: refuses a link or a folder there, opens a device or FIFO
    /// in place, else creates a temporary file beside it.
    pub(crate) fn create(path: &Path) -> Result<Pending, Error> {
        let existing = match std::fs::symlink_metadata(path) {
            Ok(meta) => Some(meta),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(format!("cannot write {}: {e}", path.display()).into()),
        };
        if let Some(meta) = &existing {
            let kind = meta.file_type();
            if kind.is_symlink() {
                return Err(format!(
                    "{} is a symbolic link: Coherence does not write through links; give the \
                     path of the file itself",
                    path.display()
                )
                .into());
            }
            if kind.is_dir() {
                return Err(format!("{} is a folder, not a file", path.display()).into());
            }
            if !kind.is_file() {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                let target = Target::Special(BufWriter::new(file));
                return Ok(Pending { path: path.to_owned(), target });
            }
        }
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        if path.file_name().is_none() {
            return Err(format!("{} is not a file path", path.display()).into());
        }
        let tmp = tempfile::Builder::new()
            .prefix(".coherence-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
        let target = Target::Temporary(BufWriter::new(tmp), existing.map(Box::new));
        Ok(Pending { path: path.to_owned(), target })
    }

    /// Flushes and syncs the file and renames it into place (a special file is flushed).
    pub(crate) fn commit(self) -> Result<(), Error> {
        let path = self.path;
        let failed = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
        match self.target {
            Target::Special(mut w) => w.flush().map_err(|e| failed(&e))?,
            Target::Temporary(w, existing) => {
                let tmp = w.into_inner().map_err(|e| failed(e.error()))?;
                tmp.as_file().sync_all().map_err(|e| failed(&e))?;
                set_permissions(tmp.as_file(), existing.as_deref())?;
                tmp.persist(&path).map_err(|e| failed(&e.error))?;
            }
        }
        Ok(())
    }
}

impl Write for Pending {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.target {
            Target::Temporary(w, _) => w.write(buf),
            Target::Special(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match &mut self.target {
            Target::Temporary(w, _) => w.write_all(buf),
            Target::Special(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.target {
            Target::Temporary(w, _) => w.flush(),
            Target::Special(w) => w.flush(),
        }
    }
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
