//! Finding the browser and the flags it is started with.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::{Error, ErrorKind, NOT_FOUND};

/// The names looked up on `PATH` when none is given, in order.
const NAMES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// The browser to run: `named` (a path, or a name looked up on `PATH`), else the first
/// of [`NAMES`] found on `PATH`.
pub(crate) fn find(named: Option<&Path>) -> Result<PathBuf, Error> {
    let found = match named {
        Some(name) if name.components().count() > 1 || name.is_absolute() => {
            is_executable(name).then(|| name.to_owned())
        }
        Some(name) => on_path(name),
        None => NAMES.iter().find_map(|n| on_path(Path::new(n))),
    };
    found.ok_or_else(|| match named {
        Some(name) => Error::new(
            ErrorKind::NotFound,
            format!(
                "Chromium was not found: COHERENCE_CHROMIUM names {}, which is not an executable \
                 file; install Chromium (`apt-get install chromium` on Debian) or correct it",
                name.display()
            ),
        ),
        None => Error::new(ErrorKind::NotFound, NOT_FOUND),
    })
}

fn on_path(name: &Path) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Whether this process runs as root, read from `/proc/self` (no `unsafe` call to
/// `geteuid`). Chromium refuses to start its sandbox as root.
fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The flags: headless, driven over the pipe, with its own profile folder, no network
/// (see the crate documentation) and no background services.
pub(crate) fn args(profile: &Path) -> Vec<String> {
    let mut args: Vec<String> = [
        "--headless",
        "--remote-debugging-pipe",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--disable-component-update",
        "--disable-background-networking",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-breakpad",
        "--disable-features=Translate,MediaRouter,OptimizationHints,DialMediaRouteProvider",
        "--metrics-recording-only",
        "--safebrowsing-disable-auto-update",
        "--password-store=basic",
        "--use-mock-keychain",
        "--mute-audio",
        "--hide-scrollbars",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    if running_as_root() {
        args.push("--no-sandbox".to_owned());
    }
    args.push(format!("--user-data-dir={}", profile.display()));
    args.push("about:blank".to_owned());
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_path_that_is_not_executable_is_not_found_with_the_name() {
        let e = find(Some(Path::new("/nonexistent/chromium"))).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NotFound);
        assert!(e.to_string().contains("/nonexistent/chromium"), "{e}");
        assert!(e.to_string().contains("apt-get install chromium"), "{e}");
    }

    #[test]
    fn the_flags_block_the_network_and_use_the_pipe() {
        let args = args(Path::new("/tmp/p"));
        for flag in [
            "--remote-debugging-pipe",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--user-data-dir=/tmp/p",
        ] {
            assert!(args.iter().any(|a| a == flag), "{flag} missing from {args:?}");
        }
        assert!(!args.iter().any(|a| a.starts_with("--remote-debugging-port")));
    }
}
