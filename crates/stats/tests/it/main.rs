//! The one integration-test binary of `stats`.
//!
//! * `flows`: golden tests against migest's documented examples (METHODS.md §8, V-F1…V-F6)
//!   and property tests of the flow estimators.
//! * `ipf`: golden tests of matrix balancing (migest `ipf2`, `cm2`, `cm3`) and properties.
//! * `ppml`: PPML and OLS with fixed effects: golden tests V-G1…V-G4 and properties.
//! * `remit`: the remittance matrix (constructed test vector, properties).

mod flows;
mod ipf;
mod ppml;
mod remit;
mod support;
mod world;
