//! The catalogue of official data sources and a downloader for them.
//!
//! [`catalogue`] loads the embedded `catalogue.toml`: one [`Dataset`] per official
//! publication (UN DESA International Migrant Stock, World Bank and KNOMAD matrices
//! and flows, World Development Indicators series, ...), each with its publisher,
//! edition, official page, licence and files. A [`File`] has its official URL (or is
//! manual), the name to save it as, the `coherence import --kind` that reads it, and
//! the SHA-256 or size when the sources state them.
//!
//! [`download`] fetches one file into a cache folder (`<cache>/<dataset>/<file>`),
//! resuming partial downloads with HTTP Range requests, retrying transient failures
//! with a doubling pause, checking the expected checksum, and recording each file in
//! `<cache>/manifest.json`; zip archives (the WDI bulk downloads) are unpacked beside
//! themselves. [`Options::mirror`] fetches the same paths from a mirror.
//! Offline, [`offline_help`] says which URLs to download by hand and which `import`
//! commands to run. The layout and behaviour are described in `docs/fetch.md`.
//!
//! This crate is an adapter: it does network and file I/O, blocking (no async
//! runtime), and prints nothing.
//!
//! # Example
//! ```no_run
//! let catalogue = fetch::catalogue()?;
//! let options = fetch::Options::new("cache");
//! for dataset in catalogue.select(&["undesa-ims-2024-destination"])? {
//!     for file in &dataset.files {
//!         let got = fetch::download(dataset, file, &options, &mut |_done, _total| {})?;
//!         assert_eq!(got.bytes, 541_936);
//!     }
//! }
//! # Ok::<(), fetch::FetchError>(())
//! ```

mod catalogue;
mod download;
mod error;
mod manifest;
mod offline;
mod unzip;
mod url;

pub use catalogue::{CATALOGUE_TOML, Catalogue, Dataset, File, IMPORT_KINDS, catalogue};
pub use download::{
    BROWSER_USER_AGENT, Downloaded, OWN_USER_AGENT, Options, UserAgent, byte_limit, download,
    hash_file,
};
pub use error::{CatalogueError, FetchError};
pub use manifest::{MANIFEST_FILE, Manifest, Record, load as load_manifest, manifest_path};
pub use offline::offline_help;
pub use url::Url;
