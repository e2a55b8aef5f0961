//! A dataset as read from its source files, ready to be stored.
//!
//! Importers turn official files (and the demo world) into a [`Dataset`]; the store
//! writes one `Dataset` as one versioned import, in one transaction. Every value
//! carries its [`Provenance`].

use crate::area::{Area, Iso3};
use crate::measure::{Indicator, Sex};
use crate::policy::Policy;
use crate::provenance::Provenance;
use crate::time::Year;

/// Who published a dataset and which edition it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DatasetMeta {
    /// A stable key for the dataset family, e.g. `undesa-ims-destination` or `demo-world`.
    /// Editions of the same family share the key.
    pub key: String,
    /// The publisher, e.g. "United Nations, DESA, Population Division".
    pub publisher: String,
    /// The title as the publisher gives it.
    pub title: String,
    /// The edition, e.g. "2024" or "2017 (December 2017 release)". Editions of one key
    /// are ordered by the date the label gives ([`crate::edition::EditionOrder`]), never
    /// by its text. One edition may come in several files (parts).
    pub edition: String,
    /// Where the data came from: the official URL, or the file name given by the user.
    pub source: String,
    /// The licence or terms of use, if the publisher states them.
    pub licence: Option<String>,
    /// Whether the data describe a fictional world (the demo world). Every output built
    /// from fictional data must say so.
    pub fictional: bool,
    /// The files read, with their checksums.
    pub files: Vec<SourceFile>,
}

/// One file a dataset was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// The file name.
    pub name: String,
    /// SHA-256 of the file's bytes, as 64 lower-case hex digits.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// A value for one area and year.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaValue {
    /// What is measured; the value is in `indicator.unit`.
    pub indicator: Indicator,
    /// The area.
    pub area: Iso3,
    /// The year.
    pub year: Year,
    /// The sex breakdown.
    pub sex: Sex,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// Where the value was read.
    pub provenance: Provenance,
}

/// A value for an ordered pair of areas and a year.
///
/// For migrant stocks the pair is (origin, destination); for remittance flows and
/// costs it is (sender, receiver) — see [`crate::measure::Shape::Bilateral`].
#[derive(Clone, Debug, PartialEq)]
pub struct PairValue {
    /// What is measured; the value is in `indicator.unit`.
    pub indicator: Indicator,
    /// The first area of the pair (origin, or sender of remittances).
    pub from: Iso3,
    /// The second area of the pair (destination, or receiver of remittances).
    pub to: Iso3,
    /// The year.
    pub year: Year,
    /// The sex breakdown.
    pub sex: Sex,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// Where the value was read.
    pub provenance: Provenance,
}

/// Everything one import brings: metadata, any areas it defines (fictional areas, or
/// areas the real table lacks), values and policies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    /// Publisher, edition and files.
    pub meta: DatasetMeta,
    /// Areas defined by this dataset (e.g. the demo world's fictional countries).
    pub areas: Vec<Area>,
    /// Values per area and year.
    pub values: Vec<AreaValue>,
    /// Values per pair of areas and year.
    pub pairs: Vec<PairValue>,
    /// Policies of a policy register.
    pub policies: Vec<Policy>,
}

impl Dataset {
    /// The number of stored rows this dataset brings, by table: areas, values, pairs,
    /// policies.
    pub fn row_counts(&self) -> [(&'static str, usize); 4] {
        [
            ("areas", self.areas.len()),
            ("values", self.values.len()),
            ("pairs", self.pairs.len()),
            ("policies", self.policies.len()),
        ]
    }
}
