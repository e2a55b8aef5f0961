//! The fetcher against a small HTTP/1.1 server on 127.0.0.1, written here with
//! `std::net` only. The server serves the copies of official files kept in the shared
//! data folder under their official URL paths, and is used as a mirror. Faults are
//! injected per test: 503 answers, connections dropped half-way, Range requests
//! ignored, User-Agent checks.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use fetch::{Catalogue, Dataset, FetchError, Options, Url, UserAgent};

// ---------------------------------------------------------------------------------
// The test server.

/// One request as the server saw it.
#[derive(Clone, Debug)]
struct Seen {
    target: String,
    range: Option<String>,
    if_range: Option<String>,
    user_agent: Option<String>,
}

/// Faults to inject; each counter is used up one request at a time.
#[derive(Default)]
struct Faults {
    /// Answer this many requests with 503.
    unavailable: usize,
    /// Cut this many responses after half the body.
    drop_half_way: usize,
    /// Answer with the whole file (200) even when a Range is asked for.
    ignore_range: bool,
    /// Request targets that answer 403 unless the User-Agent looks like a browser's.
    browser_only: Vec<String>,
    /// The ETag sent with every file (`"v1"` when empty); an `If-Range` naming
    /// another one gets the whole file.
    etag: String,
    /// Answer 200 with a body that never ends (no Content-Length), until the client
    /// hangs up.
    endless: bool,
    /// Announce this Content-Length instead of the file's (the body is the file's).
    claim_length: Option<u64>,
}

struct State {
    /// Request target (path and query) → file to serve.
    routes: HashMap<String, PathBuf>,
    requests: AtomicUsize,
    seen: Mutex<Vec<Seen>>,
    faults: Mutex<Faults>,
}

struct Server {
    base: Url,
    state: Arc<State>,
    catalogue: Catalogue,
}

impl Server {
    /// Starts a server for every catalogue file that has a URL and a shared copy, or
    /// returns `None` (after `shared_data` printed why) when the shared data is absent.
    fn start(faults: Faults) -> Option<Server> {
        Server::start_with(faults, Vec::new())
    }

    /// As [`Server::start`], also serving `extra` (request target, file) routes.
    fn start_with(faults: Faults, extra: Vec<(String, PathBuf)>) -> Option<Server> {
        let catalogue = fetch::catalogue().expect("the catalogue loads");
        let mut routes = HashMap::new();
        for dataset in &catalogue.datasets {
            for file in &dataset.files {
                let (Some(url), Some(copy)) = (&file.url, &file.shared_copy) else { continue };
                let path = test_support::shared_data(copy)?;
                routes.insert(Url::parse(url).unwrap().path_and_query(), path);
            }
        }
        routes.extend(extra);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
        let state = Arc::new(State {
            routes,
            requests: AtomicUsize::new(0),
            seen: Mutex::new(Vec::new()),
            faults: Mutex::new(faults),
        });
        let accept_state = Arc::clone(&state);
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let state = Arc::clone(&accept_state);
                thread::spawn(move || serve(&state, stream));
            }
        });
        Some(Server { base, state, catalogue })
    }

    fn requests(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    fn dataset(&self, id: &str) -> &Dataset {
        self.catalogue.get(id).unwrap_or_else(|| panic!("no dataset {id}"))
    }

    /// Options using this server as the mirror, with short pauses, caching in `dir`.
    fn options(&self, dir: &tempfile::TempDir) -> Options {
        let mut options = Options::new(dir.path());
        options.mirror = Some(self.base.clone());
        options.backoff = Duration::from_millis(10);
        options.timeout = Duration::from_secs(10);
        options
    }
}

fn serve(state: &State, stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
        }
    }
    state.requests.fetch_add(1, Ordering::SeqCst);
    let range = headers.get("range").cloned();
    let user_agent = headers.get("user-agent").cloned();
    let if_range = headers.get("if-range").cloned();
    state.seen.lock().unwrap().push(Seen {
        target: target.clone(),
        range: range.clone(),
        if_range: if_range.clone(),
        user_agent: user_agent.clone(),
    });

    let mut out = stream;
    let (drop_half_way, ignore_range, etag, claim_length) = {
        let mut faults = state.faults.lock().unwrap();
        if faults.endless {
            drop(faults);
            return endless(&mut out);
        }
        if faults.unavailable > 0 {
            faults.unavailable -= 1;
            drop(faults);
            return empty(&mut out, "503 Service Unavailable");
        }
        if faults.browser_only.contains(&target)
            && !user_agent.as_deref().is_some_and(|ua| ua.starts_with("Mozilla/5.0"))
        {
            drop(faults);
            return empty(&mut out, "403 Forbidden");
        }
        let drop_half_way = faults.drop_half_way > 0;
        if drop_half_way {
            faults.drop_half_way -= 1;
        }
        let etag = if faults.etag.is_empty() { "\"v1\"".to_owned() } else { faults.etag.clone() };
        let stale = if_range.as_ref().is_some_and(|v| *v != etag);
        (drop_half_way, faults.ignore_range || stale, etag, faults.claim_length)
    };
    let Some(path) = state.routes.get(&target) else {
        return empty(&mut out, "404 Not Found");
    };
    let data = std::fs::read(path).unwrap();
    let len = data.len();
    let start = match range.as_deref().and_then(|r| r.strip_prefix("bytes=")) {
        Some(spec) if !ignore_range => {
            let start: usize = spec.trim_end_matches('-').parse().unwrap();
            if start >= len {
                return empty(&mut out, "416 Range Not Satisfiable");
            }
            Some(start)
        }
        _ => None,
    };
    let (status, body, extra) = match start {
        Some(start) => (
            "206 Partial Content",
            &data[start..],
            format!("Content-Range: bytes {start}-{}/{len}\r\n", len - 1),
        ),
        None => ("200 OK", &data[..], String::new()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\n\
         Accept-Ranges: bytes\r\nETag: {etag}\r\n{extra}Connection: close\r\n\r\n",
        claim_length.unwrap_or(body.len() as u64)
    );
    let _ = out.write_all(head.as_bytes());
    if drop_half_way {
        let _ = out.write_all(&body[..body.len() / 2]);
        let _ = out.flush();
        let _ = out.shutdown(Shutdown::Both);
        return;
    }
    let _ = out.write_all(body);
    let _ = out.flush();
}

/// A 200 answer whose body never ends: it stops when the client hangs up.
fn endless(out: &mut TcpStream) {
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
    let _ = out.write_all(head.as_bytes());
    let block = vec![b'x'; 64 * 1024];
    while out.write_all(&block).is_ok() {}
}

fn empty(out: &mut TcpStream, status: &str) {
    let head = format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    let _ = out.write_all(head.as_bytes());
    let _ = out.flush();
}

/// The SHA-256 and size of a file's shared copy.
fn shared_sha256(dataset: &Dataset) -> (String, u64) {
    let copy = dataset.files[0].shared_copy.as_deref().unwrap();
    let path = test_support::shared_data(copy).unwrap();
    fetch::hash_file(&path).unwrap()
}

const DESTINATION_2024: &str = "undesa-ims-2024-destination";
const ORIGIN_2024: &str = "undesa-ims-2024-origin";
const DESTINATION_2020: &str = "undesa-ims-2020-destination";

// ---------------------------------------------------------------------------------
// The catalogue.

#[test]
fn catalogue_loads_and_every_shared_copy_exists() {
    let catalogue = fetch::catalogue().expect("the embedded catalogue is valid");
    assert!(catalogue.datasets.len() >= 30, "{} datasets", catalogue.datasets.len());
    let mut copies = 0;
    for dataset in &catalogue.datasets {
        for file in &dataset.files {
            if let Some(copy) = &file.shared_copy {
                let Some(path) = test_support::shared_data(copy) else { return };
                assert!(path.is_file(), "{}: {} is not a file", dataset.id, path.display());
                copies += 1;
            }
        }
    }
    assert!(copies >= 9, "only {copies} shared copies");
}

#[test]
fn catalogue_kinds_are_the_import_kinds() {
    let import: Vec<&str> = ingest::Kind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(
        import,
        fetch::IMPORT_KINDS,
        "fetch::IMPORT_KINDS must list the names of ingest::Kind::ALL, in order"
    );
    let catalogue = fetch::catalogue().unwrap();
    for file in catalogue.datasets.iter().flat_map(|d| &d.files) {
        if let Some(kind) = &file.kind {
            assert!(ingest::Kind::parse(kind).is_some(), "{kind}");
        }
    }
}

/// Every URL of the catalogue is written in SOURCES.md: verbatim, as a stated prefix
/// followed by a stated file name, or as the World Bank API template with `{CODE}`
/// standing for the indicator code.
#[test]
fn catalogue_urls_are_the_ones_in_sources_md() {
    let Some(sources) = test_support::shared_data("SOURCES.md") else { return };
    let sources = std::fs::read_to_string(sources).unwrap();
    let catalogue = fetch::catalogue().unwrap();
    let urls = catalogue
        .datasets
        .iter()
        .flat_map(|d| d.page.iter().chain(d.files.iter().filter_map(|f| f.url.as_ref())));
    for url in urls {
        let templated = match url.split_once("/indicator/") {
            Some((head, tail)) => {
                let code_end = tail.find('?').unwrap_or(tail.len());
                format!("{head}/indicator/{{CODE}}{}", &tail[code_end..])
            }
            None => url.clone(),
        };
        let prefixed = url.match_indices('/').any(|(i, _)| {
            sources.contains(&url[..=i]) && sources.contains(&format!("`{}`", &url[i + 1..]))
        });
        assert!(
            sources.contains(url.as_str()) || sources.contains(&templated) || prefixed,
            "{url} is not in SOURCES.md"
        );
    }
}

#[test]
fn offline_help_lists_the_urls_and_the_import_commands() {
    let catalogue = fetch::catalogue().unwrap();
    let chosen = catalogue
        .select(&[DESTINATION_2024, "wdi-sp-pop-totl", "undesa-ims-2015-bilateral", "wpp-2024"])
        .unwrap();
    let help = fetch::offline_help(&chosen);
    for needle in [
        "https://www.un.org/development/desa/pd/sites/www.un.org.development.desa.pd/files/undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
        "coherence import --kind undesa-destination undesa_pd_2024_ims_stock_by_sex_and_destination.xlsx",
        "https://api.worldbank.org/v2/en/indicator/SP.POP.TOTL?downloadformat=csv",
        "unzip     API_SP.POP.TOTL_DS2_en_csv_v2_*.csv from API_SP.POP.TOTL_DS2_en_csv_v2.zip",
        "coherence import --kind wdi-bulk-csv API_SP.POP.TOTL_DS2_en_csv_v2_*.csv",
        "download  by hand from https://www.un.org/development/desa/pd/content/international-migrant-stock",
        "coherence import --kind undesa-bilateral-2015 UN_MigrantStockByOriginAndDestination_2015.xlsx",
        "see       https://population.un.org/wpp/",
        "size      541936 bytes",
    ] {
        assert!(help.contains(needle), "offline help lacks {needle:?}:\n{help}");
    }
}

#[test]
fn unknown_dataset_ids_are_refused_with_suggestions() {
    let catalogue = fetch::catalogue().unwrap();
    let e = catalogue.select(&["undesa-ims-2024"]).unwrap_err();
    let message = e.to_string();
    assert!(message.contains("no dataset `undesa-ims-2024`"), "{message}");
    assert!(message.contains(DESTINATION_2024), "{message}");
}

#[test]
fn manual_files_are_not_downloaded() {
    let catalogue = fetch::catalogue().unwrap();
    let dataset = catalogue.get("undesa-ims-2015-bilateral").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let e = fetch::download(dataset, &dataset.files[0], &Options::new(dir.path()), &mut |_, _| {})
        .unwrap_err();
    assert!(matches!(e, FetchError::Manual { .. }), "{e}");
    assert!(e.to_string().contains("international-migrant-stock"), "{e}");
}

// ---------------------------------------------------------------------------------
// Downloads.

#[test]
fn downloads_from_the_mirror_check_sizes_and_record_the_manifest() {
    let Some(server) = Server::start(Faults::default()) else { return };
    let dir = tempfile::tempdir().unwrap();
    let options = server.options(&dir);
    for id in [DESTINATION_2024, ORIGIN_2024, DESTINATION_2020] {
        let dataset = server.dataset(id);
        let mut calls = 0;
        let mut last = (0, None);
        let got = fetch::download(dataset, &dataset.files[0], &options, &mut |done, total| {
            calls += 1;
            last = (done, total);
        })
        .unwrap();
        let (sha256, bytes) = shared_sha256(dataset);
        assert_eq!((got.sha256.as_str(), got.bytes), (sha256.as_str(), bytes), "{id}");
        assert_eq!(got.path, dir.path().join(id).join(&dataset.files[0].save_as));
        assert!(got.path.is_file() && !got.resumed && !got.cached);
        assert!(got.url.starts_with(server.base.as_str()), "{}", got.url);
        assert!(calls >= 2 && last == (bytes, Some(bytes)), "{calls} calls, last {last:?}");
    }
    assert_eq!(server.requests(), 3);
    let manifest = fetch::load_manifest(dir.path()).unwrap();
    assert_eq!(manifest.files.len(), 3);
    let record = manifest.files.iter().find(|r| r.dataset == ORIGIN_2024).unwrap();
    assert_eq!(record.url, server.dataset(ORIGIN_2024).files[0].url.clone().unwrap());
    assert_eq!(record.sha256, shared_sha256(server.dataset(ORIGIN_2024)).0);
    assert!(record.fetched_at.ends_with('Z') && record.fetched_at.len() == 20);
    // The requests went to the official paths, with the query kept.
    let seen = server.seen();
    assert!(seen.iter().all(|s| s.target.starts_with("/development/desa/pd/sites/")));
}

#[test]
fn a_503_is_retried() {
    let Some(server) = Server::start(Faults { unavailable: 1, ..Faults::default() }) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let dataset = server.dataset(ORIGIN_2024);
    let got =
        fetch::download(dataset, &dataset.files[0], &server.options(&dir), &mut |_, _| {}).unwrap();
    assert_eq!(got.sha256, shared_sha256(dataset).0);
    assert_eq!(server.requests(), 2);
}

#[test]
fn persistent_503s_use_up_the_retries_and_name_the_url() {
    let Some(server) = Server::start(Faults { unavailable: 100, ..Faults::default() }) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut options = server.options(&dir);
    options.retries = 2;
    let dataset = server.dataset(ORIGIN_2024);
    let e = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap_err();
    assert!(matches!(e, FetchError::Status { status: 503, .. }), "{e}");
    assert!(e.to_string().contains(&format!("GET {}", server.base)), "{e}");
    assert_eq!(server.requests(), 3);
}

#[test]
fn a_connection_dropped_half_way_is_resumed_with_a_range_request() {
    let Some(server) = Server::start(Faults { drop_half_way: 1, ..Faults::default() }) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let dataset = server.dataset(DESTINATION_2024);
    let got =
        fetch::download(dataset, &dataset.files[0], &server.options(&dir), &mut |_, _| {}).unwrap();
    let (sha256, bytes) = shared_sha256(dataset);
    assert!(got.resumed);
    assert_eq!((got.sha256, got.bytes), (sha256, bytes));
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert_eq!(seen[0].range, None);
    let half = bytes / 2;
    assert_eq!(seen[1].range.as_deref(), Some(format!("bytes={half}-").as_str()));
    assert_eq!(seen[1].if_range.as_deref(), Some("\"v1\""));
    assert!(
        !dir.path()
            .join(DESTINATION_2024)
            .join(format!("{}.part", dataset.files[0].save_as))
            .exists()
    );
}

#[test]
fn a_server_that_ignores_range_restarts_the_file_cleanly() {
    let Some(server) = Server::start(Faults { ignore_range: true, ..Faults::default() }) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let dataset = server.dataset(ORIGIN_2024);
    let folder = dir.path().join(ORIGIN_2024);
    std::fs::create_dir_all(&folder).unwrap();
    let part = folder.join(format!("{}.part", dataset.files[0].save_as));
    std::fs::write(&part, b"stale bytes of an older download").unwrap();
    let got =
        fetch::download(dataset, &dataset.files[0], &server.options(&dir), &mut |_, _| {}).unwrap();
    assert!(!got.resumed);
    assert_eq!(got.sha256, shared_sha256(dataset).0);
    assert!(server.seen()[0].range.is_some(), "the .part file was offered for resumption");
}

#[test]
fn a_wrong_checksum_is_an_error_and_leaves_no_file() {
    let Some(server) = Server::start(Faults::default()) else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut dataset = server.dataset(DESTINATION_2020).clone();
    dataset.files[0].sha256 = Some("0".repeat(64));
    let e = fetch::download(&dataset, &dataset.files[0], &server.options(&dir), &mut |_, _| {})
        .unwrap_err();
    let FetchError::ChecksumMismatch { url, expected, found } = &e else { panic!("{e}") };
    assert!(url.ends_with("undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"), "{e}");
    assert_eq!(expected, &"0".repeat(64));
    assert_eq!(found, &shared_sha256(&dataset).0);
    assert!(e.to_string().contains(url.as_str()), "{e}");
    let folder = dir.path().join(DESTINATION_2020);
    let left: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
    assert!(left.is_empty(), "files left in the cache: {left:?}");
    assert!(fetch::load_manifest(dir.path()).unwrap().files.is_empty());
}

#[test]
fn a_wrong_size_is_an_error_and_leaves_no_file() {
    let Some(server) = Server::start(Faults::default()) else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut dataset = server.dataset(ORIGIN_2024).clone();
    dataset.files[0].size = Some(12);
    let e = fetch::download(&dataset, &dataset.files[0], &server.options(&dir), &mut |_, _| {})
        .unwrap_err();
    assert!(matches!(e, FetchError::SizeMismatch { expected: 12, .. }), "{e}");
    assert_eq!(std::fs::read_dir(dir.path().join(ORIGIN_2024)).unwrap().count(), 0);
}

#[test]
fn publishers_that_need_a_browser_user_agent_get_one() {
    let dataset_id = DESTINATION_2024;
    let catalogue = fetch::catalogue().unwrap();
    let dataset = catalogue.get(dataset_id).unwrap();
    assert!(dataset.browser_user_agent, "un.org refuses default clients");
    let target = Url::parse(dataset.files[0].url.as_deref().unwrap()).unwrap().path_and_query();
    let faults = Faults { browser_only: vec![target], ..Faults::default() };
    let Some(server) = Server::start(faults) else { return };

    // Our own User-Agent is refused with 403, which is not retried.
    let dir = tempfile::tempdir().unwrap();
    let mut options = server.options(&dir);
    options.user_agent = UserAgent::Own;
    let e = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap_err();
    assert!(matches!(e, FetchError::Status { status: 403, .. }), "{e}");
    assert!(e.to_string().contains("non-browser clients"), "{e}");
    assert_eq!(server.requests(), 1);

    // The catalogue's policy sends the browser-like one, and the download succeeds.
    options.user_agent = UserAgent::Catalogue;
    let got = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap();
    assert_eq!(got.sha256, shared_sha256(dataset).0);
    let seen = server.seen();
    assert_eq!(seen[0].user_agent.as_deref(), Some(fetch::OWN_USER_AGENT));
    assert_eq!(seen[1].user_agent.as_deref(), Some(fetch::BROWSER_USER_AGENT));

    // An API entry that does not need it gets Coherence's own.
    let api = catalogue.get("wdi-sp-pop-totl-api").unwrap();
    assert!(!api.browser_user_agent);
    assert_eq!(UserAgent::Catalogue.for_dataset(api), fetch::OWN_USER_AGENT);
}

#[test]
fn a_cached_file_is_not_fetched_again() {
    let Some(server) = Server::start(Faults::default()) else { return };
    let dir = tempfile::tempdir().unwrap();
    let options = server.options(&dir);
    // One entry with an expected size, one checked only against the manifest.
    for id in [ORIGIN_2024, DESTINATION_2020] {
        let dataset = server.dataset(id);
        let before = server.requests();
        let first = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap();
        assert_eq!(server.requests(), before + 1);
        let second = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap();
        assert_eq!(server.requests(), before + 1, "{id} was fetched again");
        assert!(second.cached && !first.cached);
        assert_eq!(second.sha256, first.sha256);
    }

    // A cached file that was altered no longer matches, and is fetched again.
    let dataset = server.dataset(DESTINATION_2020);
    let path = options.cached_path(dataset, &dataset.files[0]);
    std::fs::write(&path, b"not the workbook").unwrap();
    let before = server.requests();
    let again = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap();
    assert!(!again.cached);
    assert_eq!(server.requests(), before + 1);
    assert_eq!(again.sha256, shared_sha256(dataset).0);
}

#[test]
fn an_unreachable_mirror_is_reported_as_such() {
    let catalogue = fetch::catalogue().unwrap();
    let dataset = catalogue.get(ORIGIN_2024).unwrap();
    // A port that was just free: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let mut options = Options::new(dir.path());
    options.mirror = Some(Url::parse(&format!("http://127.0.0.1:{port}/")).unwrap());
    options.retries = 1;
    options.backoff = Duration::from_millis(10);
    let e = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap_err();
    assert!(e.is_unreachable(), "{e}");
    let message = e.to_string();
    assert!(
        message.contains(&format!("GET http://127.0.0.1:{port}/development/desa/")),
        "{message}"
    );
    assert!(message.contains("after 2 attempt(s)"), "{message}");
}

#[test]
fn a_wdi_bulk_zip_is_unpacked_for_import() {
    // The official zip holds the data CSV and two metadata files; build one from the
    // shared copies of such members.
    let members = [
        "wdi_net_migration/API_SM.POP.NETM_DS2_en_csv_v2_3401672.csv",
        "wdi_net_migration/Metadata_Indicator_API_SM.POP.NETM_DS2_en_csv_v2_3401672.csv",
    ];
    let mut paths = Vec::new();
    for member in members {
        let Some(path) = test_support::shared_data(member) else { return };
        paths.push(path);
    }
    let work = tempfile::tempdir().unwrap();
    let zip_path = work.path().join("bulk.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for path in &paths {
        let name = path.file_name().unwrap().to_str().unwrap();
        writer.start_file(name, deflated).unwrap();
        writer.write_all(&std::fs::read(path).unwrap()).unwrap();
    }
    writer.finish().unwrap();

    let catalogue = fetch::catalogue().unwrap();
    let dataset = catalogue.get("wdi-sm-pop-netm").unwrap();
    let file = &dataset.files[0];
    let target = Url::parse(file.url.as_deref().unwrap()).unwrap().path_and_query();
    assert_eq!(target, "/v2/en/indicator/SM.POP.NETM?downloadformat=csv");
    let Some(server) = Server::start_with(Faults::default(), vec![(target, zip_path)]) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let options = server.options(&dir);
    let expected =
        dir.path().join("wdi-sm-pop-netm").join("API_SM.POP.NETM_DS2_en_csv_v2_3401672.csv");
    for round in 0..2 {
        let got = fetch::download(dataset, file, &options, &mut |_, _| {}).unwrap();
        assert_eq!(got.cached, round == 1);
        assert_eq!(
            got.import_files,
            std::slice::from_ref(&expected),
            "only the data CSV is to be imported"
        );
        assert_eq!(std::fs::read(&expected).unwrap(), std::fs::read(&paths[0]).unwrap());
    }
    assert_eq!(server.requests(), 1);
    assert!(server.seen()[0].target.ends_with("?downloadformat=csv"));
}

#[test]
fn a_file_changed_since_the_partial_download_is_fetched_whole() {
    let faults = Faults { drop_half_way: 1, ..Faults::default() };
    let Some(server) = Server::start(faults) else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut options = server.options(&dir);
    // No retry: the first run stops with half the file in the .part.
    options.retries = 0;
    let dataset = server.dataset(DESTINATION_2020);
    let e = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap_err();
    assert!(matches!(e, FetchError::Transfer { attempts: 1, .. }), "{e}");
    let part = dir.path().join(DESTINATION_2020).join(format!("{}.part", dataset.files[0].save_as));
    assert!(part.is_file());

    // The publisher replaces the file: its ETag changes, so the server answers the
    // If-Range request with the whole file, which replaces the partial one.
    server.state.faults.lock().unwrap().etag = "\"v2\"".to_owned();
    let got = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap();
    assert!(!got.resumed);
    assert_eq!(got.sha256, shared_sha256(dataset).0);
    let seen = server.seen();
    assert_eq!(seen[1].if_range.as_deref(), Some("\"v1\""));
    assert!(seen[1].range.is_some());
    assert!(std::fs::read_dir(dir.path().join(DESTINATION_2020)).unwrap().count() == 1);
}

#[test]
fn a_complete_partial_file_is_checked_without_a_request() {
    let Some(server) = Server::start(Faults::default()) else { return };
    let dir = tempfile::tempdir().unwrap();
    let dataset = server.dataset(ORIGIN_2024);
    let folder = dir.path().join(ORIGIN_2024);
    std::fs::create_dir_all(&folder).unwrap();
    let copy = test_support::shared_data(dataset.files[0].shared_copy.as_deref().unwrap()).unwrap();
    std::fs::copy(&copy, folder.join(format!("{}.part", dataset.files[0].save_as))).unwrap();
    let got =
        fetch::download(dataset, &dataset.files[0], &server.options(&dir), &mut |_, _| {}).unwrap();
    assert_eq!(got.sha256, shared_sha256(dataset).0);
    assert_eq!(server.requests(), 0);
    assert_eq!(fetch::load_manifest(dir.path()).unwrap().files.len(), 1);
}

// ---------------------------------------------------------------------------------
// Limits (issue "Hardening", item 6).

/// The files left in a dataset's cache folder (none, or the folder is absent).
fn left_in(dir: &tempfile::TempDir, dataset: &str) -> Vec<String> {
    std::fs::read_dir(dir.path().join(dataset)).map_or_else(
        |_| Vec::new(),
        |entries| entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect(),
    )
}

#[test]
fn an_endless_body_stops_at_the_cap_and_leaves_nothing() {
    let Some(server) = Server::start(Faults { endless: true, ..Faults::default() }) else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut options = server.options(&dir);
    options.max_bytes = 4 << 20;
    let dataset = server.dataset(DESTINATION_2020);
    let e = fetch::download(dataset, &dataset.files[0], &options, &mut |_, _| {}).unwrap_err();
    let FetchError::TooLarge { limit, found, .. } = &e else { panic!("{e}") };
    assert_eq!(*limit, 4 << 20);
    assert!(*found > 4 << 20, "{e}");
    assert!(e.to_string().contains("the download was discarded"), "{e}");
    assert_eq!(left_in(&dir, DESTINATION_2020), Vec::<String>::new());
    assert_eq!(server.requests(), 1, "a file too large is not retried");
}

#[test]
fn an_announced_length_past_the_cap_is_refused_before_the_body() {
    let faults = Faults { claim_length: Some(10 << 30), ..Faults::default() };
    let Some(server) = Server::start(faults) else { return };
    let dir = tempfile::tempdir().unwrap();
    let dataset = server.dataset(DESTINATION_2020);
    let e = fetch::download(dataset, &dataset.files[0], &server.options(&dir), &mut |_, _| {})
        .unwrap_err();
    assert!(
        matches!(e, FetchError::TooLarge { limit, found, .. } if limit == 2 << 30 && found == 10 << 30),
        "{e}"
    );
    assert_eq!(left_in(&dir, DESTINATION_2020), Vec::<String>::new());
}

#[test]
fn a_file_of_known_size_is_held_to_it_plus_a_margin() {
    let Some(server) = Server::start(Faults { endless: true, ..Faults::default() }) else { return };
    let dir = tempfile::tempdir().unwrap();
    let dataset = server.dataset(ORIGIN_2024);
    let size = dataset.files[0].size.expect("the catalogue states this file's size");
    let e = fetch::download(dataset, &dataset.files[0], &server.options(&dir), &mut |_, _| {})
        .unwrap_err();
    let expected = size + (size / 10).max(1 << 20);
    assert!(matches!(e, FetchError::TooLarge { limit, .. } if limit == expected), "{e}");
    assert_eq!(fetch::byte_limit(&dataset.files[0], 1 << 20), 1 << 20, "the cap wins");
    assert_eq!(left_in(&dir, ORIGIN_2024), Vec::<String>::new());
}

#[test]
fn a_link_planted_at_the_partial_name_is_not_followed() {
    let Some(server) = Server::start(Faults::default()) else { return };
    let dir = tempfile::tempdir().unwrap();
    let dataset = server.dataset(DESTINATION_2020);
    let file = &dataset.files[0];
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let folder = dir.path().join(DESTINATION_2020);
    std::fs::create_dir_all(&folder).unwrap();
    std::os::unix::fs::symlink(&victim, folder.join(format!("{}.part", file.save_as))).unwrap();
    std::os::unix::fs::symlink(&victim, folder.join(format!("{}.part.validator", file.save_as)))
        .unwrap();
    let got = fetch::download(dataset, file, &server.options(&dir), &mut |_, _| {}).unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!((got.sha256, got.bytes), shared_sha256(dataset));
    assert!(server.seen()[0].range.is_none(), "a link is not resumed");
}

#[test]
fn an_archive_member_past_the_cap_is_refused_and_leaves_nothing() {
    let work = tempfile::tempdir().unwrap();
    let zip_path = work.path().join("bulk.zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer.start_file("API_SM.POP.NETM_DS2_en_csv_v2_1.csv", deflated).unwrap();
    let block = vec![b'0'; 1 << 20];
    for _ in 0..8 {
        writer.write_all(&block).unwrap();
    }
    writer.finish().unwrap();
    let catalogue = fetch::catalogue().unwrap();
    let dataset = catalogue.get("wdi-sm-pop-netm").unwrap();
    let file = &dataset.files[0];
    let target = Url::parse(file.url.as_deref().unwrap()).unwrap().path_and_query();
    let Some(server) = Server::start_with(Faults::default(), vec![(target, zip_path)]) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut options = server.options(&dir);
    options.max_bytes = 4 << 20;
    let e = fetch::download(dataset, file, &options, &mut |_, _| {}).unwrap_err();
    assert!(
        matches!(e, FetchError::Archive { .. })
            && e.to_string().contains("inflates to more than 4194304 bytes"),
        "{e}"
    );
    let left = left_in(&dir, "wdi-sm-pop-netm");
    assert!(
        left.iter().all(|name| !name.ends_with(".csv") && !name.starts_with(".tmp")),
        "{left:?}"
    );
}
