//! The repository checks behind `cargo run -p xtask -- tidy`.
//!
//! [`run`] gets the workspace's `cargo metadata`, then runs the layering checks
//! ([`crate::layering`]), [`check_crate_docs`] and [`check_no_ignore`].

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::layering::{self, Policy};
use crate::{Error, Violation};

/// The root folder of the Coherence workspace (the parent of `xtask/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap_or(Path::new("..")).to_path_buf()
}

/// The host's target triple, from `rustc -vV` (`$RUSTC` when set).
///
/// # Errors
/// Returns [`Error`] if rustc cannot be run or prints no `host:` line.
pub fn host_triple() -> Result<String, Error> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| OsString::from("rustc"));
    let output = Command::new(&rustc)
        .arg("-vV")
        .output()
        .map_err(|e| Error::new(format!("cannot run {}: {e}", rustc.to_string_lossy())))?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(|h| h.trim().to_owned())
        .ok_or_else(|| Error::new("rustc -vV printed no `host:` line"))
}

/// Runs `cargo metadata --format-version 1 --offline` on the workspace whose root
/// manifest is `manifest_path`, and again without `--offline` if that fails (for
/// example when the dependencies have not been fetched yet). Returns the JSON.
///
/// The dependency graph is filtered to the host platform (`--filter-platform`): what
/// matters is what is compiled here, not the dependencies a crate has only when built
/// for another target (e.g. `getrandom`'s WebAssembly bindings).
///
/// # Errors
/// Returns [`Error`] if cargo cannot be run or fails both times.
pub fn cargo_metadata(manifest_path: &Path) -> Result<String, Error> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let host = host_triple()?;
    let mut last_error = String::new();
    for offline in [true, false] {
        let mut command = Command::new(&cargo);
        command.args(["metadata", "--format-version", "1", "--filter-platform", &host]);
        command.arg("--manifest-path");
        command.arg(manifest_path);
        if offline {
            command.arg("--offline");
        }
        let output = command
            .output()
            .map_err(|e| Error::new(format!("cannot run {}: {e}", cargo.to_string_lossy())))?;
        if output.status.success() {
            return String::from_utf8(output.stdout)
                .map_err(|e| Error::new(format!("cargo metadata printed non-UTF-8: {e}")));
        }
        last_error = String::from_utf8_lossy(&output.stderr).into_owned();
    }
    Err(Error::new(format!("cargo metadata failed for {}: {last_error}", manifest_path.display())))
}

/// The crate folders of the workspace: every folder under `crates/`, and `xtask/`.
fn crate_dirs(root: &Path) -> Result<Vec<PathBuf>, Error> {
    let crates = root.join("crates");
    let entries =
        std::fs::read_dir(&crates).map_err(|e| Error::new(format!("{}: {e}", crates.display())))?;
    let mut dirs = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::new(format!("{}: {e}", crates.display())))?.path();
        if path.join("Cargo.toml").is_file() {
            dirs.push(path);
        }
    }
    dirs.push(root.join("xtask"));
    dirs.sort();
    Ok(dirs)
}

/// Checks that every crate root (`src/lib.rs`, `src/main.rs`) of the crates under
/// `crates/` and of `xtask` starts with a `//!` crate doc: its first non-blank line
/// must begin with `//!`.
///
/// # Errors
/// Returns [`Error`] if a folder or file cannot be read.
pub fn check_crate_docs(root: &Path) -> Result<Vec<Violation>, Error> {
    let mut violations = Vec::new();
    for dir in crate_dirs(root)? {
        for file in ["src/lib.rs", "src/main.rs"].map(|f| dir.join(f)) {
            if !file.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
            let first = text.lines().map(str::trim).find(|l| !l.is_empty());
            if !first.is_some_and(|l| l.starts_with("//!")) {
                violations.push(Violation::MissingCrateDoc { file });
            }
        }
    }
    Ok(violations)
}

/// Checks that no `.rs` file under `crates/` contains `#[ignore`: a test either runs
/// or is deleted. (A plain text search: even a comment quoting the attribute counts.)
///
/// # Errors
/// Returns [`Error`] if a folder or file cannot be read.
pub fn check_no_ignore(root: &Path) -> Result<Vec<Violation>, Error> {
    let mut files = Vec::new();
    layering::rust_files(&root.join("crates"), &mut files)?;
    files.sort();
    let mut violations = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| Error::new(format!("{}: {e}", file.display())))?;
        for (n, line) in text.lines().enumerate() {
            if line.contains("#[ignore") {
                violations.push(Violation::IgnoredTest { file: file.clone(), line: n + 1 });
            }
        }
    }
    Ok(violations)
}

/// Runs every tidy check on the workspace at `root` with Coherence's [`Policy`].
///
/// # Errors
/// Returns [`Error`] if a check cannot run (cargo fails, a file cannot be read).
pub fn run(root: &Path) -> Result<Vec<Violation>, Error> {
    let metadata = cargo_metadata(&root.join("Cargo.toml"))?;
    let mut violations = layering::check(&metadata, &Policy::coherence())?;
    violations.extend(check_crate_docs(root)?);
    violations.extend(check_no_ignore(root)?);
    Ok(violations)
}
