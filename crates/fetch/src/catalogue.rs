//! The catalogue of official sources (`catalogue.toml`), parsed and checked once.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::{CatalogueError, FetchError, Url};

/// The catalogue text embedded in the binary.
pub const CATALOGUE_TOML: &str = include_str!("../catalogue.toml");

/// The `coherence import --kind` names the catalogue may use (the names of
/// `ingest::Kind`; a test checks that the two lists agree).
pub const IMPORT_KINDS: [&str; 36] = [
    "undesa-destination",
    "undesa-origin",
    "undesa-bilateral",
    "undesa-bilateral-2015",
    "undesa-bilateral-2019-csv",
    "wb-bilateral-migration",
    "wb-bilateral-remittances",
    "wb-bilateral-remittances-csv",
    "knomad-inflows",
    "knomad-outflows",
    "wdi-bulk-csv",
    "wdi-bulk-xls",
    "wdi-long-csv",
    "wdi-databank",
    "wdi-databank-by-series",
    "wdi-api-json",
    "rpw-corridors",
    "rpw-dataset",
    "wpp-net-migration",
    "oecd-dioc-e",
    "iab-brain-drain-gender",
    "wb-income-classification",
    "icmw-ratifications",
    "wdi-metadata-country",
    "undesa-classification-annex",
    "undesa-bilateral-tidy-csv",
    "undesa-bilateral-chord-json",
    "wpp-period-indicators",
    "wpp-population-by-age",
    "sdmx-csv",
    "unhcr-population",
    "ilostat-ddf",
    "ilostat-csv",
    "dofe-nepal-monthly",
    "slbfe-registrations",
    "coherence-deployments-csv",
];

/// The official sources Coherence knows, in catalogue order. Plain data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue {
    /// The datasets, in the order of the catalogue file.
    pub datasets: Vec<Dataset>,
}

/// One dataset of one publisher: one or more files, or only an official page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// Stable id, lower-case ASCII letters, digits and `-` (`undesa-ims-2024-destination`).
    pub id: String,
    /// The publisher, as it names itself.
    pub publisher: String,
    /// The dataset's title.
    pub title: String,
    /// The edition or vintage (`2024`, `June 2023`, `latest`).
    pub edition: String,
    /// The official page, when the sources record one.
    pub page: Option<String>,
    /// The licence or terms of use.
    pub licence: String,
    /// Whether the publisher refuses default HTTP clients, so that a browser-like
    /// User-Agent is sent (see [`crate::UserAgent::Catalogue`]).
    pub browser_user_agent: bool,
    /// A note for the user (a moved URL, a file name that changes, the size).
    pub note: Option<String>,
    /// The files; empty when only the official page is known.
    pub files: Vec<File>,
}

/// One file of a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct File {
    /// The official download URL; `None` when the file must be downloaded by hand
    /// from the dataset's page.
    pub url: Option<String>,
    /// The file name in the cache (and the name to save a manual download as).
    pub save_as: String,
    /// The `coherence import --kind` name; `None` when no importer reads the file.
    pub kind: Option<String>,
    /// The expected SHA-256 (lower-case hex), when the sources state it.
    pub sha256: Option<String>,
    /// The expected size in bytes, when the sources state it.
    pub size: Option<u64>,
    /// For a zip archive, the member to import (a `*` pattern).
    pub unzip: Option<String>,
    /// Where a copy of the file lives under `../shared/data` (used by tests only).
    pub shared_copy: Option<String>,
}

impl File {
    /// Whether the file has no download URL and must be downloaded by hand.
    pub fn is_manual(&self) -> bool {
        self.url.is_none()
    }

    /// The file to pass to `coherence import`: the zip member pattern for an archive,
    /// the file itself otherwise.
    pub fn import_name(&self) -> &str {
        self.unzip.as_deref().unwrap_or(&self.save_as)
    }
}

/// Loads the embedded catalogue.
///
/// # Errors
/// A [`CatalogueError`] naming the line and field when the embedded file is invalid
/// (the crate's tests make sure it is not).
pub fn catalogue() -> Result<Catalogue, CatalogueError> {
    Catalogue::parse(CATALOGUE_TOML)
}

impl Catalogue {
    /// Parses and checks a catalogue in the format of `catalogue.toml`.
    ///
    /// # Errors
    /// A [`CatalogueError`] with the line and field of the first problem: TOML syntax,
    /// an unknown or missing field, an id used twice, a URL that is not absolute
    /// http(s), a file with both or neither of `url` and `manual = true`, an unknown
    /// import kind, a malformed SHA-256, an unsafe file name or shared path.
    pub fn parse(text: &str) -> Result<Catalogue, CatalogueError> {
        let raw: RawCatalogue = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().to_owned();
            let field = backticked(&message).unwrap_or_else(|| "dataset".to_owned());
            let line = e.span().map_or(1, |span| line_of(text, span.start));
            CatalogueError { line, field, message }
        })?;
        let checker = Checker { text };
        let mut ids = BTreeSet::new();
        let mut datasets = Vec::with_capacity(raw.dataset.len());
        for raw_dataset in raw.dataset {
            let dataset = checker.dataset(raw_dataset.into_inner())?;
            datasets.push(dataset);
        }
        // Ids are unique (checked here to name the second occurrence's line).
        for (dataset, line) in &datasets {
            if !ids.insert(dataset.id.clone()) {
                return Err(CatalogueError {
                    line: *line,
                    field: "id".to_owned(),
                    message: format!("dataset id `{}` is used twice", dataset.id),
                });
            }
        }
        Ok(Catalogue { datasets: datasets.into_iter().map(|(d, _)| d).collect() })
    }

    /// The dataset with this id.
    pub fn get(&self, id: &str) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.id == id)
    }

    /// The datasets with these ids, in the order given; all datasets when `ids` is
    /// empty.
    ///
    /// # Errors
    /// [`FetchError::UnknownDataset`] for the first unknown id, with the ids that
    /// contain it or share its first word as suggestions.
    pub fn select<S: AsRef<str>>(&self, ids: &[S]) -> Result<Vec<&Dataset>, FetchError> {
        if ids.is_empty() {
            return Ok(self.datasets.iter().collect());
        }
        ids.iter()
            .map(|id| {
                let id = id.as_ref();
                self.get(id).ok_or_else(|| FetchError::UnknownDataset {
                    id: id.to_owned(),
                    suggestions: self.suggestions(id),
                })
            })
            .collect()
    }

    fn suggestions(&self, id: &str) -> Vec<String> {
        let id = id.to_ascii_lowercase();
        let first_word = id.split('-').next().unwrap_or("");
        let mut found: Vec<String> = self
            .datasets
            .iter()
            .filter(|d| !id.is_empty() && d.id.contains(&id))
            .map(|d| d.id.clone())
            .collect();
        if found.is_empty() && !first_word.is_empty() {
            found = self
                .datasets
                .iter()
                .filter(|d| d.id.split('-').next() == Some(first_word))
                .map(|d| d.id.clone())
                .collect();
        }
        found.truncate(8);
        found
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue {
    #[serde(default)]
    dataset: Vec<Spanned<RawDataset>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDataset {
    id: Spanned<String>,
    publisher: Spanned<String>,
    title: Spanned<String>,
    edition: Spanned<String>,
    page: Option<Spanned<String>>,
    licence: Spanned<String>,
    #[serde(default)]
    browser_user_agent: bool,
    note: Option<String>,
    #[serde(default)]
    file: Vec<Spanned<RawFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    url: Option<Spanned<String>>,
    manual: Option<Spanned<bool>>,
    save_as: Spanned<String>,
    kind: Option<Spanned<String>>,
    sha256: Option<Spanned<String>>,
    size: Option<u64>,
    unzip: Option<Spanned<String>>,
    shared_copy: Option<Spanned<String>>,
}

struct Checker<'a> {
    text: &'a str,
}

impl Checker<'_> {
    fn error(&self, span: Range<usize>, field: &str, message: String) -> CatalogueError {
        CatalogueError { line: line_of(self.text, span.start), field: field.to_owned(), message }
    }

    fn non_empty(&self, value: Spanned<String>, field: &str) -> Result<String, CatalogueError> {
        if value.get_ref().trim().is_empty() {
            return Err(self.error(value.span(), field, "must not be empty".to_owned()));
        }
        Ok(value.into_inner())
    }

    fn url(&self, value: Spanned<String>, field: &str) -> Result<String, CatalogueError> {
        match Url::parse(value.get_ref()) {
            Ok(_) => Ok(value.into_inner()),
            Err(e) => Err(self.error(value.span(), field, e.to_string())),
        }
    }

    fn dataset(&self, raw: RawDataset) -> Result<(Dataset, usize), CatalogueError> {
        let id_span = raw.id.span();
        let line = line_of(self.text, id_span.start);
        let id = raw.id.get_ref();
        let id_ok = !id.is_empty()
            && !id.starts_with('-')
            && !id.ends_with('-')
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !id_ok {
            return Err(self.error(
                id_span,
                "id",
                format!("`{id}` is not an id (lower-case ASCII letters, digits and `-`)"),
            ));
        }
        let id = raw.id.into_inner();
        let page = raw.page.map(|p| self.url(p, "page")).transpose()?;
        let mut files = Vec::with_capacity(raw.file.len());
        let mut names = BTreeSet::new();
        for raw_file in raw.file {
            let file_span = raw_file.span();
            let file = self.file(raw_file.into_inner(), file_span.clone())?;
            if file.is_manual() && page.is_none() && raw.note.is_none() {
                return Err(self.error(
                    file_span,
                    "manual",
                    "a manual file needs the dataset's `page` or a `note` saying where to get it"
                        .to_owned(),
                ));
            }
            if !names.insert(file.save_as.clone()) {
                return Err(self.error(
                    file_span,
                    "save_as",
                    format!("`{}` is used twice in dataset `{id}`", file.save_as),
                ));
            }
            files.push(file);
        }
        if files.is_empty() && page.is_none() {
            return Err(self.error(
                id_span,
                "file",
                format!("dataset `{id}` has neither a file nor an official page"),
            ));
        }
        let dataset = Dataset {
            publisher: self.non_empty(raw.publisher, "publisher")?,
            title: self.non_empty(raw.title, "title")?,
            edition: self.non_empty(raw.edition, "edition")?,
            licence: self.non_empty(raw.licence, "licence")?,
            id,
            page,
            browser_user_agent: raw.browser_user_agent,
            note: raw.note,
            files,
        };
        Ok((dataset, line))
    }

    fn file(&self, raw: RawFile, span: Range<usize>) -> Result<File, CatalogueError> {
        let manual = raw.manual.as_ref().is_some_and(|m| *m.get_ref());
        let url = match (raw.url, manual) {
            (Some(url), false) => Some(self.url(url, "url")?),
            (None, true) => None,
            (Some(url), true) => {
                return Err(self.error(
                    url.span(),
                    "url",
                    "a file has either `url` or `manual = true`, not both".to_owned(),
                ));
            }
            (None, false) => {
                let span = raw.manual.map_or(span, |m| m.span());
                return Err(self.error(
                    span,
                    "url",
                    "a file needs `url`, or `manual = true` when it must be downloaded by hand"
                        .to_owned(),
                ));
            }
        };
        let save_as_span = raw.save_as.span();
        let save_as = raw.save_as.into_inner();
        let plain_name = !save_as.is_empty()
            && !save_as.starts_with('.')
            && !save_as.contains(['/', '\\', ':'])
            && !save_as.chars().any(char::is_control);
        if !plain_name {
            return Err(self.error(
                save_as_span,
                "save_as",
                format!("`{save_as}` is not a plain file name"),
            ));
        }
        let kind = match raw.kind {
            Some(kind) if !IMPORT_KINDS.contains(&kind.get_ref().as_str()) => {
                return Err(self.error(
                    kind.span(),
                    "kind",
                    format!(
                        "`{}` is not an import kind (expected one of {})",
                        kind.get_ref(),
                        IMPORT_KINDS.join(", ")
                    ),
                ));
            }
            kind => kind.map(Spanned::into_inner),
        };
        let sha256 = match raw.sha256 {
            Some(sha) => {
                let ok = sha.get_ref().len() == 64
                    && sha
                        .get_ref()
                        .bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
                if !ok {
                    return Err(self.error(
                        sha.span(),
                        "sha256",
                        format!("`{}` is not 64 lower-case hex digits", sha.get_ref()),
                    ));
                }
                Some(sha.into_inner())
            }
            None => None,
        };
        let unzip = match raw.unzip {
            Some(member) if !save_as.ends_with(".zip") || member.get_ref().trim().is_empty() => {
                return Err(self.error(
                    member.span(),
                    "unzip",
                    "`unzip` names a member of a `.zip` file: save_as must end in .zip".to_owned(),
                ));
            }
            member => member.map(Spanned::into_inner),
        };
        let shared_copy = match raw.shared_copy {
            Some(path) => {
                let p = path.get_ref();
                let safe = !p.is_empty()
                    && !p.starts_with('/')
                    && !p.contains('\\')
                    && p.split('/').all(|part| !part.is_empty() && part != "." && part != "..");
                if !safe {
                    return Err(self.error(
                        path.span(),
                        "shared_copy",
                        format!("`{p}` is not a relative path inside the shared data folder"),
                    ));
                }
                Some(path.into_inner())
            }
            None => None,
        };
        Ok(File { url, save_as, kind, sha256, size: raw.size, unzip, shared_copy })
    }
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The first `name` quoted with backticks in a serde message (`missing field `url``).
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[[dataset]]
id = "x-1"
publisher = "P"
title = "T"
edition = "1"
licence = "L"

[[dataset.file]]
url = "https://example.org/a.csv"
save_as = "a.csv"
"#;

    fn error_of(text: &str) -> CatalogueError {
        Catalogue::parse(text).expect_err("the catalogue should be refused")
    }

    #[test]
    fn a_minimal_catalogue_parses() {
        let catalogue = Catalogue::parse(MINIMAL).unwrap();
        assert_eq!(catalogue.datasets.len(), 1);
        assert_eq!(
            catalogue.datasets[0].files[0].url.as_deref(),
            Some("https://example.org/a.csv")
        );
    }

    #[test]
    fn errors_name_the_line_and_field() {
        let e = error_of(&MINIMAL.replace("https://example.org/a.csv", "example.org/a.csv"));
        assert_eq!((e.line, e.field.as_str()), (10, "url"), "{e}");
        let e = error_of(
            &MINIMAL.replace("save_as = \"a.csv\"", "save_as = \"a.csv\"\nkind = \"nope\""),
        );
        assert_eq!((e.line, e.field.as_str()), (12, "kind"), "{e}");
        let e = error_of(&MINIMAL.replace("save_as = \"a.csv\"", "save_as = \"../a.csv\""));
        assert_eq!((e.line, e.field.as_str()), (11, "save_as"), "{e}");
        let e = error_of(
            &MINIMAL.replace("save_as = \"a.csv\"", "save_as = \"a.csv\"\nsha256 = \"ABC\""),
        );
        assert_eq!((e.line, e.field.as_str()), (12, "sha256"), "{e}");
        let e = error_of(&MINIMAL.replace("licence = \"L\"\n", ""));
        assert_eq!(e.field, "licence", "{e}");
        let e = error_of(&MINIMAL.replace("edition = \"1\"", "edition = \"1\"\ncolour = \"red\""));
        assert_eq!((e.line, e.field.as_str()), (7, "colour"), "{e}");
        let twice = format!("{MINIMAL}{}", MINIMAL.replace("a.csv", "b.csv"));
        let e = error_of(&twice);
        assert_eq!((e.line, e.field.as_str()), (14, "id"), "{e}");
        let e = error_of(&MINIMAL.replace("url = \"https://example.org/a.csv\"", "manual = true"));
        assert_eq!(e.field, "manual", "{e}");
        assert!(e.to_string().starts_with("catalogue line 9, field `manual`:"), "{e}");
    }
}
