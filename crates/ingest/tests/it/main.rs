//! The ingest crate's integration tests: one binary, one module per family of files.
//!
//! Real files are read only through `test_support::shared_data`; small fixtures written
//! for these tests live in `tests/data/`, and workbooks in layouts too large for the
//! shared data folder are built by the tests themselves (`rust_xlsxwriter`).

#![allow(
    clippy::float_cmp,
    reason = "published totals are whole numbers, summed exactly in f64: exact equality is the claim"
)]

mod common;

mod container;
// The limits every file is held to: hostile workbooks built by the tests.
mod limits;
// UN DESA International Migrant Stock: totals, bilateral tables, 2015 and 2019 files.
mod undesa;
// World Bank/KNOMAD matrices and annual remittance flows.
mod worldbank;
// World Development Indicators in their several layouts.
mod wdi;
// Crude birth and death rates (WDI), the births and deaths of demographic accounting.
mod vital;
// Remittance Prices Worldwide.
mod rpw;
// Classifications: World Bank income groups, ICMW ratifications.
mod classification;
// Harmonisation against the publishers' code lists.
mod harmonise;
// OECD DIOC-E 2010/11: tertiary-educated emigrants and residents.
mod dioc;
// IAB brain-drain data: migrant stocks by sex.
mod iab;
// Malformed input: each rejected with its location.
mod malformed;
// Inputs found by the fuzzer that made the spreadsheet reader panic.
mod fuzzed;
// Every supported file of the shared data folder, recognised and read.
mod all_files;
// Third-party reshapes of the UN DESA destination × origin table.
mod reshape;
// UN World Population Prospects 2019: births, deaths, sex ratio at birth, population by sex.
mod wpp;
// SDMX-CSV: OECD International Migration Database inflows (Data Explorer exports).
mod sdmx;
// UNHCR Refugee Data Finder: refugees, asylum-seekers, others in need of protection, IDPs.
mod unhcr;
// ILOSTAT outflow of nationals for employment by destination (DDF and bulk CSV).
mod ilostat;
// National deployment statistics: Nepal DoFE, Sri Lanka SLBFE, Coherence's deployments CSV.
mod deployments;
