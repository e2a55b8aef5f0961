//! The cache manifest, `<cache>/manifest.json`: what was fetched, from where, when.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::FetchError;

/// The manifest's file name inside the cache folder.
pub const MANIFEST_FILE: &str = "manifest.json";

/// The cache manifest. Plain data; serialised as pretty-printed JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// One record per cached file, sorted by dataset and file.
    pub files: Vec<Record>,
}

/// One downloaded file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The dataset id.
    pub dataset: String,
    /// The file name in the dataset's folder.
    pub file: String,
    /// The official URL.
    pub url: String,
    /// The URL actually fetched (differs from `url` when a mirror was used).
    pub fetched_from: String,
    /// SHA-256 of the file, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// When the download completed, UTC, RFC 3339 (`2026-11-28T11:20:00Z`).
    pub fetched_at: String,
}

/// The manifest's path for a cache folder.
pub fn manifest_path(cache_dir: &Path) -> PathBuf {
    cache_dir.join(MANIFEST_FILE)
}

/// Reads the manifest of a cache folder; an absent manifest is an empty one.
///
/// # Errors
/// [`FetchError::Manifest`] when the file exists but cannot be read or is not a
/// manifest.
pub fn load(cache_dir: &Path) -> Result<Manifest, FetchError> {
    let path = manifest_path(cache_dir);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Manifest::default()),
        Err(e) => return Err(FetchError::Manifest { path, message: e.to_string() }),
    };
    serde_json::from_str(&text)
        .map_err(|e| FetchError::Manifest { path, message: format!("not a manifest: {e}") })
}

/// Adds or replaces the record of one file, writing the manifest atomically (a
/// temporary file renamed over the old one).
pub(crate) fn record(cache_dir: &Path, record: Record) -> Result<(), FetchError> {
    let mut manifest = load(cache_dir)?;
    manifest.files.retain(|r| !(r.dataset == record.dataset && r.file == record.file));
    manifest.files.push(record);
    manifest.files.sort_by(|a, b| (&a.dataset, &a.file).cmp(&(&b.dataset, &b.file)));
    let path = manifest_path(cache_dir);
    let manifest_error = |message: String| FetchError::Manifest { path: path.clone(), message };
    let mut json =
        serde_json::to_string_pretty(&manifest).map_err(|e| manifest_error(e.to_string()))?;
    json.push('\n');
    // Created exclusively under a random name: nothing planted in the cache is followed.
    let mut tmp =
        tempfile::NamedTempFile::new_in(cache_dir).map_err(|e| FetchError::io(cache_dir, e))?;
    std::io::Write::write_all(&mut tmp, json.as_bytes())
        .map_err(|e| FetchError::io(tmp.path(), e))?;
    tmp.persist(&path).map_err(|e| FetchError::io(&path, e.error))?;
    Ok(())
}
