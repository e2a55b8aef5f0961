//! National statistics of nationals who left for work abroad ("deployments"), by
//! destination: Nepal's Department of Foreign Employment (DoFE) monthly labour-permit
//! tables ([`dofe`]), the Sri Lanka Bureau of Foreign Employment (SLBFE) registrations
//! by country and manpower level ([`slbfe`]), and Coherence's own deployments CSV, a
//! layout any ministry can fill in ([`own`]).
//!
//! Every value is a pair (origin → destination) of [`domain::Indicator::DEPLOYMENTS`]
//! or one of its parts (`DEPLOYMENTS_AGENCY`, `…_INDIVIDUAL`, `…_G2G`, `…_REENTRY`,
//! `…_SKILLED`, `…_LOW_SKILLED`), in persons. What each layout stores, and how its year
//! is chosen, is described in its module and in `docs/data.md`.

#![allow(
    clippy::result_large_err,
    reason = "ImportError is built once per failed import, never in a loop; boxing it would only add noise"
)]

pub(crate) mod dofe;
pub(crate) mod own;
pub(crate) mod slbfe;

use domain::dataset::PairValue;
use domain::{Indicator, Iso3, Provenance, Sex, Year};

use crate::error::ImportError;
use crate::read::Builder;

/// What a value cell must hold.
const PERSONS: &str = "a non-negative number of persons";

/// One deployment value read from a cell, before it is stored.
struct Deployment {
    indicator: Indicator,
    origin: Iso3,
    destination: Iso3,
    year: Year,
    sex: Sex,
    value: f64,
    provenance: Provenance,
}

/// Stores a deployment value as a pair (origin → destination).
fn push(out: &mut Builder<'_>, d: Deployment) -> Result<(), ImportError> {
    out.push_pair(PairValue {
        indicator: d.indicator,
        from: d.origin,
        to: d.destination,
        year: d.year,
        sex: d.sex,
        value: d.value,
        provenance: d.provenance,
    })
}

/// The national publishers' spellings that the shared name table does not know:
/// abbreviations, misspellings and long forms of the DoFE and SLBFE tables (compared
/// without case), with the ISO alpha-3 code each one names. Kept here, not in the
/// reviewed alias table, because several are misspellings of these files only.
const SPELLINGS: [(&str, &str); 17] = [
    ("UAE", "ARE"),
    ("USA", "USA"),
    ("Cayman", "CYM"),
    ("Netherland", "NLD"),
    ("Phillippines", "PHL"),
    ("Kazakhastan", "KAZ"),
    ("Maroc", "MAR"),
    ("Saipan", "MNP"),
    ("Macau SAR,China", "MAC"),
    ("Republic of Bulgaria", "BGR"),
    ("Republic of Lithuania", "LTU"),
    ("Republic of Macedonia", "MKD"),
    ("Republic of Seychelles", "SYC"),
    ("Republic of Kosovo", "XKX"),
    ("Slovakia(Republic of Slovak)", "SVK"),
    ("Turks and Caicos Island", "TCA"),
    ("Turks and Caicos Islands", "TCA"),
];

/// Names that cannot be told apart: `Combodia` is listed beside `Cambodia` in the same
/// DoFE tables, between `China` and `Comoros` (Colombia or Cambodia). Reported in a note
/// with the row; not stored.
const UNCLEAR: [&str; 1] = ["Combodia"];

/// Names of several countries together: reported as aggregates, not stored.
const SEVERAL: [&str; 3] = ["West-Indies", "West Indies", "Other"];

/// Resolves a destination's name: a publisher spelling of [`SPELLINGS`], an aggregate
/// of [`SEVERAL`] (reported, `None`), or the shared name table.
fn destination(
    out: &mut Builder<'_>,
    name: &str,
    location: impl FnOnce() -> crate::error::Location,
) -> Option<Iso3> {
    let name = name.trim();
    if UNCLEAR.iter().any(|s| s.eq_ignore_ascii_case(name)) {
        let message = format!(
            "{name:?} does not name one country unambiguously (Cambodia is listed on its own \
             line; perhaps Colombia): the row's values were not stored"
        );
        out.note(location(), message);
        return None;
    }
    if SEVERAL.iter().any(|s| s.eq_ignore_ascii_case(name)) {
        let label = format!("{name} (several countries)");
        out.skip_area(label, crate::areas::AreaMatch::Aggregate, location);
        return None;
    }
    match SPELLINGS.iter().find(|(s, _)| s.eq_ignore_ascii_case(name)) {
        Some((_, code)) => out.area(crate::read::AreaId::Wb(code, name), location),
        None => out.area(crate::read::AreaId::Name(name), location),
    }
}
