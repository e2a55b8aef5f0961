//! Readers for official data files and for the built-in demo world.
//!
//! Every reader takes the bytes of a file (and its name, for messages and provenance)
//! and returns a [`domain::dataset::Dataset`] whose values each carry the file, sheet,
//! row and column they were read from. Readers do no other I/O: the caller reads the
//! file. A file that cannot be read as the layout it claims to be is an
//! [`ImportError`] naming the file, sheet, row and column and what was expected.
//!
//! * [`demo`]: the fictional demo world embedded in the binary.
//! * [`formats`]: Coherence's own CSV and TOML input formats (the demo world's files).
//! * [`read`](mod@read): official data files — [`detect`] recognises a file's layout ([`Kind`]),
//!   [`read()`] reads it; [`areas`] harmonises country names and codes. The layouts,
//!   units and rules are described in `docs/importers.md`; [`classification`] reads
//!   World Bank regions and income groups and ratifications of the migrant workers
//!   convention.

pub mod demo;
mod error;
pub mod formats;
pub mod framework;

pub mod areas;
pub mod classification;
mod container;
mod deployments;
mod dioc;
mod grid;
mod iab;
mod ilostat;
mod limits;
pub mod read;
pub mod register;
pub mod reshape;
mod rpw;
pub mod rules;
pub mod safeguards;
mod sdmx;
mod undesa;
mod unhcr;
mod wdi;
mod worldbank;
mod wpp;
mod xls;

pub use container::check_container;
pub use error::{ImportError, ImportErrorKind, Location};
pub use limits::{Limit, Limits, RATIO_FLOOR};
pub use read::{Diagnostic, DiagnosticKind, Kind, ReadOptions, UnknownAreas, detect, read};

/// SHA-256 of `bytes` as 64 lower-case hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha256_of_empty_input() {
        assert_eq!(
            super::sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
