//! The vocabulary every Coherence crate speaks.
//!
//! * [`area`]: countries and areas, identified by ISO 3166-1 alpha-3 ([`Iso3`]) and
//!   UN M49 ([`M49`]) codes, with the full table of real countries and areas and the
//!   ISO user-assigned range that the fictional demo world uses.
//! * [`time`]: calendar [`Year`]s and [`Period`]s between two years.
//! * [`corridor`]: an origin → destination pair ([`Corridor`]).
//! * [`measure`]: values with an explicit [`Unit`] ([`Quantity`]), the [`Sex`]
//!   breakdown, and the [`Indicator`]s Coherence stores.
//! * [`dataset`]: a dataset as read from its files, ready to be stored.
//! * [`edition`]: the order of a dataset family's editions, read from their labels.
//! * [`policy`]: policies of a government's register and the migration-cycle stages.
//! * [`provenance`]: where a value came from: dataset, file, sheet, row, column.
//! * [`spreadsheet`]: text cells a spreadsheet cannot take for a formula (CSV exports).
//!
//! This crate is pure: it does no I/O, reads no clock and draws no random numbers.
//! It depends on nothing but `std`.

pub mod area;
pub mod corridor;
pub mod dataset;
pub mod edition;
pub mod measure;
pub mod policy;
pub mod provenance;
pub mod spreadsheet;
pub mod time;

pub use area::{Area, AreaKind, Iso3, M49};
pub use corridor::Corridor;
pub use measure::{Indicator, Quantity, Sex, Unit};
pub use provenance::Provenance;
pub use time::{Period, Year};
