//! The limits every imported file is held to, so that no file — damaged, hostile or
//! merely huge — can exhaust memory or abort the program. Each is checked before the
//! work it bounds, from what the file really holds (bytes read, cells seen), never from
//! what it declares about itself; a file beyond a limit is refused with
//! [`ImportErrorKind::LimitExceeded`](crate::ImportErrorKind::LimitExceeded), naming the
//! limit, and a caller may raise any of them.
//!
//! The defaults are far above every official file Coherence reads (the largest
//! workbook of the shared data inflates to 7.3 MiB; its largest sheet spans 784 × 224
//! cells) and keep the memory of one import to a few GiB at most.

use std::fmt;

/// One of the limits of [`Limits`], by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// Bytes of one file as stored on disk or uploaded.
    FileBytes,
    /// Members of one zip container (an xlsx workbook).
    Members,
    /// Bytes the members of one zip container inflate to, together.
    Uncompressed,
    /// How many times larger a zip member may inflate than it is stored, once it
    /// inflates past [`RATIO_FLOOR`] bytes.
    Ratio,
    /// Cells a sheet spans: rows × columns from its first to its last cell, which is
    /// what reading it as a table costs (an empty cell costs as much as a full one).
    SheetCells,
}

impl Limit {
    /// Every limit, in the order they are documented.
    pub const ALL: [Limit; 5] =
        [Limit::FileBytes, Limit::Members, Limit::Uncompressed, Limit::Ratio, Limit::SheetCells];

    /// The limit's stable name (`file-bytes`, `members`, `uncompressed`, `ratio`,
    /// `sheet-cells`): what a front end lets its user name to raise it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Limit::FileBytes => "file-bytes",
            Limit::Members => "members",
            Limit::Uncompressed => "uncompressed",
            Limit::Ratio => "ratio",
            Limit::SheetCells => "sheet-cells",
        }
    }

    /// The limit of that name.
    #[must_use]
    pub fn parse(name: &str) -> Option<Limit> {
        Limit::ALL.into_iter().find(|l| l.name() == name)
    }

    /// What the limit counts, for messages ("bytes", "cells", ...).
    #[must_use]
    pub fn unit(self) -> &'static str {
        match self {
            Limit::FileBytes | Limit::Uncompressed => "bytes",
            Limit::Members => "members",
            Limit::Ratio => "times its stored size",
            Limit::SheetCells => "cells",
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A zip member must inflate past this many bytes (16 MiB) before [`Limit::Ratio`]
/// applies: small members of real workbooks (styles, empty sheets) compress far more
/// than large ones.
pub const RATIO_FLOOR: u64 = 16 << 20;

/// The limits one import is held to. [`Limits::default`] gives the documented
/// defaults; every field may be raised (or lowered) by the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// [`Limit::FileBytes`]; default 512 MiB (the file is held in memory while read).
    pub file_bytes: u64,
    /// [`Limit::Members`]; default 10,000.
    pub members: u64,
    /// [`Limit::Uncompressed`]; default 256 MiB.
    pub uncompressed: u64,
    /// [`Limit::Ratio`]; default 1,000 (DEFLATE cannot exceed about 1,032).
    pub ratio: u64,
    /// [`Limit::SheetCells`]; default 2^24 = 16,777,216 (65,536 rows × 256 columns, the
    /// most an xls sheet holds; about 512 MiB once read).
    pub sheet_cells: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            file_bytes: 512 << 20,
            members: 10_000,
            uncompressed: 256 << 20,
            ratio: 1_000,
            sheet_cells: 1 << 24,
        }
    }
}

impl Limits {
    /// The value of one limit.
    #[must_use]
    pub fn get(&self, limit: Limit) -> u64 {
        match limit {
            Limit::FileBytes => self.file_bytes,
            Limit::Members => self.members,
            Limit::Uncompressed => self.uncompressed,
            Limit::Ratio => self.ratio,
            Limit::SheetCells => self.sheet_cells,
        }
    }

    /// Sets one limit.
    pub fn set(&mut self, limit: Limit, value: u64) {
        match limit {
            Limit::FileBytes => self.file_bytes = value,
            Limit::Members => self.members = value,
            Limit::Uncompressed => self.uncompressed = value,
            Limit::Ratio => self.ratio = value,
            Limit::SheetCells => self.sheet_cells = value,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_set_reaches_get() {
        let mut limits = Limits::default();
        for (i, limit) in Limit::ALL.into_iter().enumerate() {
            assert_eq!(Limit::parse(limit.name()), Some(limit));
            limits.set(limit, i as u64 + 1);
        }
        for (i, limit) in Limit::ALL.into_iter().enumerate() {
            assert_eq!(limits.get(limit), i as u64 + 1);
        }
        assert_eq!(Limit::parse("cells"), None);
    }
}
