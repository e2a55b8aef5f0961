//! Downloads into the cache: resume, retries, checksums, the manifest.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::manifest::{self, Record};
use crate::{Dataset, FetchError, File, Url};

/// A browser-like User-Agent, for publishers that refuse default HTTP clients.
pub const BROWSER_USER_AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 \
     (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/// Coherence's own User-Agent, sent where the publisher accepts any client.
pub const OWN_USER_AGENT: &str = concat!("coherence/", env!("CARGO_PKG_VERSION"));

/// Which User-Agent header to send.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum UserAgent {
    /// [`BROWSER_USER_AGENT`] for datasets marked `browser_user_agent` in the
    /// catalogue, [`OWN_USER_AGENT`] for the others.
    #[default]
    Catalogue,
    /// [`BROWSER_USER_AGENT`] for every request.
    Browser,
    /// [`OWN_USER_AGENT`] for every request.
    Own,
    /// This exact value for every request.
    Custom(String),
}

impl UserAgent {
    /// The header value to send for `dataset`.
    pub fn for_dataset(&self, dataset: &Dataset) -> &str {
        match self {
            UserAgent::Catalogue if dataset.browser_user_agent => BROWSER_USER_AGENT,
            UserAgent::Catalogue | UserAgent::Own => OWN_USER_AGENT,
            UserAgent::Browser => BROWSER_USER_AGENT,
            UserAgent::Custom(value) => value,
        }
    }
}

/// How to download. Build it with [`Options::new`] and change the fields needed.
#[derive(Clone, Debug)]
pub struct Options {
    /// The cache folder: files go to `<cache_dir>/<dataset id>/<save_as>`, and the
    /// manifest is `<cache_dir>/manifest.json`.
    pub cache_dir: PathBuf,
    /// A mirror serving the official paths: the official URL's path and query are
    /// appended to this base.
    pub mirror: Option<Url>,
    /// Further attempts after the first when a failure is transient (connection
    /// errors, timeouts, HTTP 408/429/5xx, truncated bodies). Default 4.
    pub retries: u32,
    /// Time allowed to connect, and for each read or write on the connection, before
    /// the attempt counts as failed. Default 30 s.
    pub timeout: Duration,
    /// The pause before the first retry; it doubles before each further retry (1, 2,
    /// 4, 8 s by default), capped at 60 s.
    pub backoff: Duration,
    /// Which User-Agent to send.
    pub user_agent: UserAgent,
    /// The most bytes one downloaded file, or one member extracted from an archive,
    /// may have. Default 2 GiB. A file whose catalogue entry states its size is held to
    /// that size plus a margin ([`byte_limit`]), within this cap.
    pub max_bytes: u64,
}

/// The most bytes accepted for `file`: its catalogue size plus a tenth (at least
/// 1 MiB), when the catalogue states one, and never more than `cap`.
pub fn byte_limit(file: &File, cap: u64) -> u64 {
    match file.size {
        Some(size) => size.saturating_add((size / 10).max(1 << 20)).min(cap),
        None => cap,
    }
}

impl Options {
    /// The defaults, with files cached in `cache_dir`.
    pub fn new(cache_dir: impl Into<PathBuf>) -> Options {
        Options {
            cache_dir: cache_dir.into(),
            mirror: None,
            retries: 4,
            timeout: Duration::from_secs(30),
            backoff: Duration::from_secs(1),
            user_agent: UserAgent::Catalogue,
            max_bytes: 2 << 30,
        }
    }

    /// The URL a file is fetched from: the official one, or its path on the mirror.
    ///
    /// # Errors
    /// [`FetchError::Manual`] when the file has no URL; [`FetchError::InvalidUrl`]
    /// when the catalogue's URL does not parse (the catalogue check prevents this).
    pub fn source_url(&self, dataset: &Dataset, file: &File) -> Result<Url, FetchError> {
        let Some(official) = &file.url else {
            return Err(FetchError::Manual {
                dataset: dataset.id.clone(),
                file: file.save_as.clone(),
                page: dataset.page.clone(),
            });
        };
        let official = Url::parse(official)?;
        Ok(match &self.mirror {
            Some(mirror) => official.on_mirror(mirror),
            None => official,
        })
    }

    /// Where a file of a dataset is kept in the cache.
    pub fn cached_path(&self, dataset: &Dataset, file: &File) -> PathBuf {
        self.cache_dir.join(&dataset.id).join(&file.save_as)
    }
}

/// A file in the cache, downloaded now or found there. Plain data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Downloaded {
    /// The file's path in the cache.
    pub path: PathBuf,
    /// The URL it was fetched from (the mirror's when a mirror was used).
    pub url: String,
    /// Its SHA-256, lower-case hex.
    pub sha256: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Whether the download continued a partial file (`.part`) with a Range request.
    pub resumed: bool,
    /// Whether the file was already in the cache with a matching checksum, so nothing
    /// was downloaded.
    pub cached: bool,
    /// The files to pass to `coherence import --kind <kind>`: the downloaded file
    /// itself, or, for an archive with an `unzip` pattern, the members extracted from
    /// it into the same folder.
    pub import_files: Vec<PathBuf>,
}

/// Downloads one file of a dataset into the cache, or finds it there.
///
/// The bytes go to `<cache>/<dataset id>/<save_as>.part`. When a `.part` file exists,
/// the download continues it with an HTTP Range request; a server that answers 200
/// instead of 206 sends the whole file, which replaces the partial one. Transient
/// failures (connection errors, timeouts, HTTP 408, 429 and 5xx, a body cut short) are
/// retried `options.retries` times with a doubling pause, each retry resuming from
/// what has arrived. The complete file is checked against the catalogue's SHA-256 and
/// size (when it has them), renamed into place, and recorded in
/// `<cache>/manifest.json`. For a zip archive with an `unzip` pattern, the matching
/// members are extracted beside it ([`Downloaded::import_files`]). A file already in the cache is not downloaded again when
/// its SHA-256 matches the catalogue's, or, when the catalogue has none, the
/// manifest's record.
///
/// `progress(done, total)` is called as bytes arrive; `total` is `None` when the
/// server does not say.
///
/// # Errors
/// [`FetchError::Manual`] for a file without URL; [`FetchError::Unreachable`],
/// [`FetchError::Transfer`] or [`FetchError::Status`] when the attempts are used up or
/// the server refuses (4xx); [`FetchError::ChecksumMismatch`] or
/// [`FetchError::SizeMismatch`] when the file is not the expected one (nothing is left
/// in the cache then); [`FetchError::Io`] or [`FetchError::Manifest`] for the cache.
pub fn download(
    dataset: &Dataset,
    file: &File,
    options: &Options,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<Downloaded, FetchError> {
    let url = options.source_url(dataset, file)?;
    let dir = options.cache_dir.join(&dataset.id);
    let path = dir.join(&file.save_as);
    let part = dir.join(format!("{}.part", file.save_as));

    if let Some(mut found) = cached(dataset, file, options, &path, &url)? {
        progress(found.bytes, Some(found.bytes));
        found.import_files = import_files(file, &path, options.max_bytes)?;
        return Ok(found);
    }
    fs::create_dir_all(&dir).map_err(|e| FetchError::io(&dir, e))?;

    // A partial file as long as the expected size was complete when the previous run
    // stopped (before its rename); it only needs checking.
    let complete = file.size.is_some_and(|size| fs::metadata(&part).is_ok_and(|m| m.len() == size));
    let resumed = if complete {
        false
    } else {
        let user_agent = options.user_agent.for_dataset(dataset);
        let limit = byte_limit(file, options.max_bytes);
        let fetched =
            fetch_with_retries(&agent(options), &url, user_agent, &part, limit, options, progress);
        if matches!(fetched, Err(ref e) if !e.keeps_partial_download()) {
            // Only a transfer cut short is worth resuming; anything else leaves nothing.
            discard(&part);
        }
        fetched?
    };

    let (sha256, bytes) = hash_file(&part)?;
    if let Err(e) = check_expected(file, &url, &sha256, bytes) {
        // A wrong file must not survive, not even as a partial download to resume.
        discard(&part);
        return Err(e);
    }
    fs::rename(&part, &path).map_err(|e| FetchError::io(&path, e))?;
    let _ = fs::remove_file(validator_path(&part));
    manifest::record(
        &options.cache_dir,
        Record {
            dataset: dataset.id.clone(),
            file: file.save_as.clone(),
            url: file.url.clone().unwrap_or_default(),
            fetched_from: url.to_string(),
            sha256: sha256.clone(),
            bytes,
            fetched_at: now(),
        },
    )?;
    let import_files = import_files(file, &path, options.max_bytes)?;
    Ok(Downloaded {
        path,
        url: url.to_string(),
        sha256,
        bytes,
        resumed,
        cached: false,
        import_files,
    })
}

/// Removes a partial download and the validator beside it.
fn discard(part: &Path) {
    let _ = fs::remove_file(part);
    let _ = fs::remove_file(validator_path(part));
}

/// The files to import from a cached file: itself, or its members matching `unzip`.
fn import_files(file: &File, path: &Path, max_bytes: u64) -> Result<Vec<PathBuf>, FetchError> {
    match &file.unzip {
        Some(pattern) => crate::unzip::extract_matching(path, pattern, max_bytes),
        None => Ok(vec![path.to_owned()]),
    }
}

/// Attempts the download until it succeeds, fails for good, or the retries are used
/// up. Returns whether the successful attempt resumed a partial file.
fn fetch_with_retries(
    agent: &ureq::Agent,
    url: &Url,
    user_agent: &str,
    part: &Path,
    limit: u64,
    options: &Options,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<bool, FetchError> {
    let mut attempt: u32 = 0;
    loop {
        attempt += 1;
        let (kind, message) = match fetch_once(agent, url, user_agent, part, limit, progress) {
            Ok(resumed) => return Ok(resumed),
            Err(Failure::Permanent(e)) => return Err(e),
            Err(Failure::Transient(kind, message)) => (kind, message),
        };
        tracing::warn!(url = url.as_str(), attempt, "{message}");
        if attempt > options.retries {
            let url = url.to_string();
            return Err(match kind {
                Transient::Connect => FetchError::Unreachable { url, attempts: attempt, message },
                Transient::Status(status) => FetchError::Status { url, status },
                Transient::Transfer => FetchError::Transfer { url, attempts: attempt, message },
            });
        }
        thread::sleep(backoff(options.backoff, attempt));
    }
}

/// The pause before retry number `attempt` (1-based): `first`, doubled each time,
/// capped at 60 s.
fn backoff(first: Duration, attempt: u32) -> Duration {
    let factor = 1u32 << attempt.saturating_sub(1).min(6);
    first.saturating_mul(factor).min(Duration::from_secs(60))
}

fn agent(options: &Options) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(options.timeout))
        .timeout_resolve(Some(options.timeout))
        .timeout_recv_response(Some(options.timeout))
        .timeout_per_read(Some(options.timeout))
        .timeout_per_write(Some(options.timeout))
        .build()
        .new_agent()
}

/// The file in the cache, if it is there and matches what is expected.
fn cached(
    dataset: &Dataset,
    file: &File,
    options: &Options,
    path: &Path,
    url: &Url,
) -> Result<Option<Downloaded>, FetchError> {
    if !path.is_file() {
        return Ok(None);
    }
    let (sha256, bytes) = hash_file(path)?;
    if check_expected(file, url, &sha256, bytes).is_err() {
        return Ok(None);
    }
    let recorded = manifest::load(&options.cache_dir)?
        .files
        .into_iter()
        .find(|r| r.dataset == dataset.id && r.file == file.save_as);
    let trusted = match (&file.sha256, &recorded) {
        (Some(_), _) => true,
        (None, Some(record)) => record.sha256 == sha256,
        (None, None) => false,
    };
    if !trusted {
        return Ok(None);
    }
    let url = recorded.map_or_else(|| url.to_string(), |r| r.fetched_from);
    Ok(Some(Downloaded {
        path: path.to_owned(),
        url,
        sha256,
        bytes,
        resumed: false,
        cached: true,
        import_files: Vec::new(),
    }))
}

fn check_expected(file: &File, url: &Url, sha256: &str, bytes: u64) -> Result<(), FetchError> {
    if let Some(expected) = file.size
        && expected != bytes
    {
        return Err(FetchError::SizeMismatch { url: url.to_string(), expected, found: bytes });
    }
    if let Some(expected) = &file.sha256
        && expected != sha256
    {
        return Err(FetchError::ChecksumMismatch {
            url: url.to_string(),
            expected: expected.clone(),
            found: sha256.to_owned(),
        });
    }
    Ok(())
}

/// The SHA-256 (lower-case hex) and size of a file.
///
/// # Errors
/// [`FetchError::Io`] when the file cannot be read.
pub fn hash_file(path: &Path) -> Result<(String, u64), FetchError> {
    let mut reader = fs::File::open(path).map_err(|e| FetchError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut bytes = 0u64;
    loop {
        let n = reader.read(&mut buf).map_err(|e| FetchError::io(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(b & 0xf), 16).unwrap_or('0'));
    }
    Ok((hex, bytes))
}

fn now() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Why an attempt failed.
enum Failure {
    /// Worth another attempt.
    Transient(Transient, String),
    /// Retrying cannot help.
    Permanent(FetchError),
}

/// The kind of a transient failure, to build the error once attempts run out.
enum Transient {
    Connect,
    Status(u16),
    Transfer,
}

/// One GET, appending to `part` (Range) or replacing it, stopping past `limit` bytes.
/// Returns whether it resumed.
fn fetch_once(
    agent: &ureq::Agent,
    url: &Url,
    user_agent: &str,
    part: &Path,
    limit: u64,
    progress: &mut dyn FnMut(u64, Option<u64>),
) -> Result<bool, Failure> {
    let io_failure = |e: io::Error| Failure::Permanent(FetchError::io(part, e));
    let too_large = |found: u64| {
        Failure::Permanent(FetchError::TooLarge { url: url.to_string(), limit, found })
    };
    // Only a regular file is resumed; anything else at the name (a link planted there,
    // a device) is removed by `write_new` and the download starts afresh, so nothing is
    // written through it.
    let offset = match fs::symlink_metadata(part) {
        Ok(meta) if meta.is_file() => meta.len(),
        Ok(_) => 0,
        Err(e) if e.kind() == io::ErrorKind::NotFound => 0,
        Err(e) => return Err(io_failure(e)),
    };
    let validator_file = validator_path(part);
    let mut request = agent
        .get(url.as_str())
        .header("User-Agent", user_agent)
        // Byte ranges must count the file's own bytes, not a compressed encoding.
        .header("Accept-Encoding", "identity");
    if offset > 0 {
        request = request.header("Range", format!("bytes={offset}-"));
        // With the validator of the response the partial file came from, a server
        // whose file has changed since answers 200 with the new file instead of
        // appending the new file's tail to the old file's head.
        if fs::symlink_metadata(&validator_file).is_ok_and(|m| m.is_file())
            && let Ok(validator) = fs::read_to_string(&validator_file)
            && !validator.trim().is_empty()
        {
            request = request.header("If-Range", validator.trim());
        }
    }
    let mut response = request.call().map_err(|e| classify(url, e))?;
    let status = response.status().as_u16();
    let header =
        |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let content_length = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
    let (start, total) = match status {
        200 => (0, content_length),
        206 => match header("content-range").as_deref().and_then(parse_content_range) {
            Some((start, total)) if start == offset => {
                (start, total.or(content_length.map(|n| start + n)))
            }
            _ => {
                // A range other than the one asked for: start again from nothing.
                let _ = fs::remove_file(part);
                return Err(Failure::Transient(
                    Transient::Transfer,
                    format!("unexpected Content-Range for bytes={offset}-; restarting"),
                ));
            }
        },
        416 => {
            // The partial file is no prefix of the current file: start again.
            let _ = fs::remove_file(part);
            return Err(Failure::Transient(
                Transient::Status(status),
                "HTTP 416 for a resumed download; restarting".to_owned(),
            ));
        }
        408 | 429 | 500..=599 => {
            return Err(Failure::Transient(Transient::Status(status), format!("HTTP {status}")));
        }
        _ => {
            return Err(Failure::Permanent(FetchError::Status { url: url.to_string(), status }));
        }
    };
    if let Some(total) = total
        && total > limit
    {
        return Err(too_large(total));
    }
    let resumed = start > 0;
    if !resumed {
        // Remember what identifies this version of the file, for a later If-Range.
        let etag = header("etag").filter(|v| !v.starts_with("W/"));
        match etag.or_else(|| header("last-modified")) {
            Some(validator) => write_new(&validator_file, false)
                .and_then(|mut f| f.write_all(validator.as_bytes()))
                .map_err(io_failure)?,
            None => {
                let _ = fs::remove_file(&validator_file);
            }
        }
    }
    let mut out = write_new(part, resumed).map_err(io_failure)?;
    let mut done = start;
    progress(done, total);
    let mut reader = response.body_mut().as_reader();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => {
                out.flush().map_err(io_failure)?;
                return Err(Failure::Transient(
                    Transient::Transfer,
                    format!("connection lost after {done} bytes: {e}"),
                ));
            }
        };
        done += n as u64;
        if done > limit {
            return Err(too_large(done));
        }
        out.write_all(&buf[..n]).map_err(io_failure)?;
        progress(done, total);
    }
    out.sync_all().map_err(io_failure)?;
    if let Some(total) = total
        && done != total
    {
        return Err(Failure::Transient(
            Transient::Transfer,
            format!("body ended after {done} of {total} bytes"),
        ));
    }
    Ok(resumed)
}

/// Opens a file of the cache to write: appending to the regular file that is there
/// (`append`), or creating it anew — removing what was at the name first (a link is
/// removed, never followed) and creating exclusively, so that nothing planted at the
/// name between the two steps is written through.
fn write_new(path: &Path, append: bool) -> io::Result<fs::File> {
    if append {
        return fs::OpenOptions::new().append(true).open(path);
    }
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(io::Error::other("a folder is in the way")),
        Ok(_) => fs::remove_file(path)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    fs::OpenOptions::new().write(true).create_new(true).open(path)
}

/// The file beside a `.part` holding the ETag (or Last-Modified) of its response.
fn validator_path(part: &Path) -> PathBuf {
    let mut name = part.as_os_str().to_owned();
    name.push(".validator");
    PathBuf::from(name)
}

/// Sorts a ureq error into worth-retrying or not.
fn classify(url: &Url, error: ureq::Error) -> Failure {
    match error {
        ureq::Error::Io(_)
        | ureq::Error::Timeout(_)
        | ureq::Error::HostNotFound
        | ureq::Error::ConnectionFailed => {
            Failure::Transient(Transient::Connect, error.to_string())
        }
        ureq::Error::Protocol(_) | ureq::Error::BodyStalled => {
            Failure::Transient(Transient::Transfer, error.to_string())
        }
        other => Failure::Permanent(FetchError::Http {
            url: url.to_string(),
            message: other.to_string(),
        }),
    }
}

/// `bytes START-END/TOTAL` (TOTAL may be `*`) → (START, TOTAL).
fn parse_content_range(value: &str) -> Option<(u64, Option<u64>)> {
    let rest = value.trim().strip_prefix("bytes")?.trim_start();
    let (range, total) = rest.split_once('/')?;
    let (start, _end) = range.split_once('-')?;
    let start = start.trim().parse().ok()?;
    let total = total.trim().parse().ok();
    Some((start, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_range_is_read() {
        assert_eq!(parse_content_range("bytes 100-199/200"), Some((100, Some(200))));
        assert_eq!(parse_content_range("bytes 5-9/*"), Some((5, None)));
        assert_eq!(parse_content_range("items 1-2/3"), None);
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let first = Duration::from_secs(1);
        let pauses: Vec<u64> = (1..=5).map(|a| backoff(first, a).as_secs()).collect();
        assert_eq!(pauses, [1, 2, 4, 8, 16]);
        assert_eq!(backoff(first, 30), Duration::from_secs(60));
    }
}
