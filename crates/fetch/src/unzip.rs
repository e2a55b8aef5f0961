//! Extraction of the importable members of a downloaded zip archive.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::FetchError;

/// Extracts the members of the archive at `path` whose file name matches `pattern`
/// (`*` stands for any run of characters) into the archive's folder, and returns their
/// paths, sorted. Folders inside the archive are ignored: a member is written under
/// its file name only, so no member can land outside the cache folder. Each member is
/// written to a temporary file created exclusively under a random name and renamed
/// into place; one that inflates past `max_bytes` is refused and nothing of it is left.
pub(crate) fn extract_matching(
    path: &Path,
    pattern: &str,
    max_bytes: u64,
) -> Result<Vec<PathBuf>, FetchError> {
    let archive_error = |message: String| FetchError::Archive { path: path.to_owned(), message };
    let dir = path.parent().unwrap_or(Path::new("."));
    let reader = fs::File::open(path).map_err(|e| FetchError::io(path, e))?;
    let mut archive = zip::ZipArchive::new(reader)
        .map_err(|e| archive_error(format!("not a zip archive: {e}")))?;
    let mut extracted = Vec::new();
    for index in 0..archive.len() {
        let mut member =
            archive.by_index(index).map_err(|e| archive_error(format!("member {index}: {e}")))?;
        if member.is_dir() {
            continue;
        }
        let Some(name) = member
            .enclosed_name()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        else {
            continue;
        };
        if !matches_pattern(pattern, &name) {
            continue;
        }
        let target = dir.join(&name);
        let mut out = tempfile::NamedTempFile::new_in(dir).map_err(|e| FetchError::io(dir, e))?;
        let copied = io::copy(&mut (&mut member).take(max_bytes.saturating_add(1)), &mut out)
            .map_err(|e| archive_error(format!("cannot extract {name}: {e}")))?;
        if copied > max_bytes {
            // Dropping the temporary file removes it.
            return Err(archive_error(format!(
                "member {name} inflates to more than {max_bytes} bytes, the most a file may have"
            )));
        }
        out.as_file().sync_all().map_err(|e| FetchError::io(out.path(), e))?;
        out.persist(&target).map_err(|e| FetchError::io(&target, e.error))?;
        extracted.push(target);
    }
    if extracted.is_empty() {
        return Err(archive_error(format!("no member matches `{pattern}`")));
    }
    extracted.sort();
    Ok(extracted)
}

/// Whether `name` matches `pattern`, where `*` stands for any run of characters.
fn matches_pattern(pattern: &str, name: &str) -> bool {
    let mut parts = pattern.split('*');
    let first = parts.next().unwrap_or("");
    let Some(mut rest) = name.strip_prefix(first) else { return false };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        // No `*`: the whole name must be the pattern.
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::matches_pattern;

    #[test]
    fn star_patterns() {
        let pattern = "API_SP.POP.TOTL_DS2_en_csv_v2_*.csv";
        assert!(matches_pattern(pattern, "API_SP.POP.TOTL_DS2_en_csv_v2_3401672.csv"));
        assert!(!matches_pattern(pattern, "Metadata_Country_API_SP.POP.TOTL_DS2_en_csv_v2_1.csv"));
        assert!(!matches_pattern(pattern, "API_SP.POP.TOTL_DS2_en_csv_v2_1.csv.bak"));
        assert!(matches_pattern("a*b*c", "aXbYc"));
        assert!(!matches_pattern("a*b*c", "acb"));
        assert!(matches_pattern("exact.csv", "exact.csv"));
        assert!(!matches_pattern("exact.csv", "exact.csv2"));
        assert!(matches_pattern("*", "anything"));
    }
}
