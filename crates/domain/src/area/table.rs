//! The authored table of real countries and areas (placeholder rows; the full table
//! replaces this file).

use super::{AreaKind, Iso3, M49, RealArea};

const fn row(iso3: &'static str, iso2: &'static str, m49: u16, name: &'static str, kind: AreaKind) -> RealArea {
    RealArea { iso3: Iso3::from_static(iso3), iso2, m49: M49(m49), name, kind }
}

const S: AreaKind = AreaKind::Sovereign;

pub(super) static REAL_AREAS: &[RealArea] = &[
    row("IND", "IN", 356, "India", S),
    row("MEX", "MX", 484, "Mexico", S),
    row("PHL", "PH", 608, "Philippines", S),
];
