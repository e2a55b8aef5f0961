//! The fuzz targets: for each format Coherence reads, which files seed it, how its
//! inputs are mutated, and the library calls one input goes through (the same calls
//! the command line makes, minus the store).

use std::path::{Path, PathBuf};

use crate::dice::Dice;

/// How a target's inputs are mutated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mutation {
    /// Text formats: byte, text, line and cell mutations.
    Text,
    /// Legacy binary workbooks: byte and integer mutations.
    Binary,
    /// xlsx workbooks: mutations inside a member, re-zipped with correct CRCs, and of
    /// the container.
    Workbook,
}

/// One input of a target: the file name (as the readers see it) and its bytes.
#[derive(Clone, Debug)]
pub(crate) struct Input {
    /// The file name the target passes to the readers.
    pub(crate) name: String,
    /// The bytes.
    pub(crate) bytes: Vec<u8>,
}

/// Where corpus files come from.
pub(crate) struct Sources {
    /// The shared data folder (`../shared/data`).
    pub(crate) shared: PathBuf,
    /// The repository's root (frameworks, rules, examples, demo).
    pub(crate) repo: PathBuf,
}

/// A fuzz target.
pub(crate) struct Target {
    /// Its name on the command line.
    pub(crate) name: &'static str,
    /// What it exercises, in one line.
    pub(crate) about: &'static str,
    /// Its corpus, in words (for `list` and the docs).
    pub(crate) corpus: &'static str,
    /// How inputs are mutated.
    pub(crate) mutation: Mutation,
    /// The seed inputs.
    pub(crate) seeds: fn(&Sources) -> Vec<Input>,
    /// Runs one input; `variant` picks among the ways the input may be read (a forced
    /// layout, the unknown-areas rule, ...). The error text is shown by `replay`.
    pub(crate) run: fn(&Input, u64) -> Result<(), String>,
}

/// Every target, in the order `fuzz-all` runs them.
pub(crate) const TARGETS: &[Target] = &[
    Target {
        name: "import-xlsx",
        about: "xlsx workbooks: check_container, detect and read (sometimes with a forced --kind)",
        corpus: "every .xlsx of the shared data",
        mutation: Mutation::Workbook,
        seeds: |s| files(&s.shared, &["xlsx"]),
        run: run_import,
    },
    Target {
        name: "import-xls",
        about: "legacy xls workbooks: detect and read (sometimes with a forced --kind)",
        corpus: "every .xls of the shared data",
        mutation: Mutation::Binary,
        seeds: |s| files(&s.shared, &["xls"]),
        run: run_import,
    },
    Target {
        name: "import-csv",
        about: "CSV and text tables: detect and read (sometimes with a forced --kind)",
        corpus: "every .csv and .txt of the shared data",
        mutation: Mutation::Text,
        seeds: |s| files(&s.shared, &["csv", "txt"]),
        run: run_import,
    },
    Target {
        name: "import-json",
        about: "JSON files (World Bank API, chord diagrams): detect and read",
        corpus: "every .json of the shared data and of crates/ingest/tests/data",
        mutation: Mutation::Text,
        seeds: |s| {
            let mut out = files(&s.shared, &["json"]);
            out.extend(files(&s.repo.join("crates/ingest/tests/data"), &["json"]));
            out
        },
        run: run_import,
    },
    Target {
        name: "container",
        about: "the zip layer: check_container, then opening the workbook (detect)",
        corpus: "every .xlsx of the shared data",
        mutation: Mutation::Workbook,
        seeds: |s| files(&s.shared, &["xlsx"]),
        run: run_container,
    },
    Target {
        name: "scenario",
        about: "scenario TOML: parse, resolve against a baseline, run 3 draws, summarise",
        corpus: "examples/scenarios/*.toml",
        mutation: Mutation::Text,
        seeds: |s| files(&s.repo.join("examples/scenarios"), &["toml"]),
        run: crate::formats::run_scenario,
    },
    Target {
        name: "framework",
        about: "assessment framework files: read_framework (and validate)",
        corpus: "frameworks/*.toml",
        mutation: Mutation::Text,
        seeds: |s| files(&s.repo.join("frameworks"), &["toml"]),
        run: crate::formats::run_framework,
    },
    Target {
        name: "answers",
        about: "answer files: read_answers against the built-in framework the name gives, then score",
        corpus: "the answer files of examples/",
        mutation: Mutation::Text,
        seeds: |s| {
            let mut out = files(&s.repo.join("examples"), &["csv"]);
            out.retain(|i| !i.name.contains("matrix"));
            out
        },
        run: crate::formats::run_answers,
    },
    Target {
        name: "matrix",
        about: "cross-impact judgements: read_judgements, aggregate, metrics, CSV/JSON/GraphML",
        corpus: "the matrix files of examples/",
        mutation: Mutation::Text,
        seeds: |s| {
            let mut out = files(&s.repo.join("examples"), &["csv"]);
            out.retain(|i| i.name.contains("matrix"));
            out
        },
        run: crate::formats::run_matrix,
    },
    Target {
        name: "rules",
        about: "corridor rule files: read_corridor_rules",
        corpus: "rules/*.toml",
        mutation: Mutation::Text,
        seeds: |s| files(&s.repo.join("rules"), &["toml"]),
        run: crate::formats::run_rules,
    },
    Target {
        name: "register-csv",
        about: "policy registers in CSV: read_register",
        corpus: "the demo world's policies written as a CSV register",
        mutation: Mutation::Text,
        seeds: crate::formats::register_csv_seeds,
        run: crate::formats::run_register,
    },
    Target {
        name: "register-toml",
        about: "policy registers in TOML: read_register",
        corpus: "demo/policies.toml, and the same policies as written by write_register_toml",
        mutation: Mutation::Text,
        seeds: crate::formats::register_toml_seeds,
        run: crate::formats::run_register,
    },
    Target {
        name: "formats",
        about: "Coherence's own CSV/TOML formats (ingest::formats), by file name",
        corpus: "demo/*.csv, demo/world.toml, and flow-stock and vital-event tables made from them",
        mutation: Mutation::Text,
        seeds: crate::formats::own_format_seeds,
        run: crate::formats::run_own_format,
    },
    Target {
        name: "formula",
        about: "gravity formulas: stats::formula::parse",
        corpus: "the formulas of docs/gravity.md and the formula tests (built in)",
        mutation: Mutation::Text,
        seeds: crate::formats::formula_seeds,
        run: crate::formats::run_formula,
    },
];

/// The target called `name`.
pub(crate) fn find(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// The files under `dir` (recursively) whose extension is one of `extensions`, sorted
/// by path so that the corpus order, and with it every case, is stable.
pub(crate) fn files(dir: &Path, extensions: &[&str]) -> Vec<Input> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
            {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some(Input { name, bytes })
        })
        .collect()
}

/// The import path of `coherence import`: the container check, then the detected
/// layout or (one case in four) a layout forced as `--kind` would.
fn run_import(input: &Input, variant: u64) -> Result<(), String> {
    let limits = ingest::Limits::default();
    ingest::check_container(&input.name, &input.bytes, &limits).map_err(|e| e.to_string())?;
    let mut dice = Dice::for_case(variant, 0);
    let kind = if dice.chance(25) {
        Some(*dice.pick(&ingest::Kind::ALL))
    } else {
        ingest::detect(&input.name, &input.bytes, &limits)
    };
    let Some(kind) = kind else { return Err("not recognised".to_owned()) };
    let options = ingest::ReadOptions {
        unknown_areas: if dice.chance(50) {
            ingest::UnknownAreas::Skip
        } else {
            ingest::UnknownAreas::Reject
        },
        path: Some(format!("/data/wpp2019_Rpkg/{}", input.name)),
        limits,
        defined_areas: Vec::new(),
    };
    let (dataset, _) =
        ingest::read(kind, &input.name, &input.bytes, &options).map_err(|e| e.to_string())?;
    let _ = dataset.values.len() + dataset.pairs.len();
    Ok(())
}

/// The zip layer alone: the container check, then opening the workbook to detect it.
fn run_container(input: &Input, _variant: u64) -> Result<(), String> {
    let limits = ingest::Limits::default();
    ingest::check_container(&input.name, &input.bytes, &limits).map_err(|e| e.to_string())?;
    match ingest::detect(&input.name, &input.bytes, &limits) {
        Some(kind) => Err(format!("detected as {kind}")),
        None => Err("not recognised".to_owned()),
    }
}
