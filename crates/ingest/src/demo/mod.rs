//! The built-in fictional demo world.
//!
//! Ten invented countries with ISO 3166-1 user-assigned codes (`XAA`–`XAJ`), their
//! population, GDP, remittances and health workforce, the migrant stocks between them,
//! remittance flows and costs, Pelaria's deployments of workers abroad, and the policy
//! registers of the two countries of the
//! main corridor: Pelaria (`XAA`, the origin) and Brevmark (`XAB`, the destination of
//! a seasonal worker scheme). The registers hold a few deliberate incoherences for
//! the corridor checks to find. Everything is described in `demo/README.md`.
//!
//! The files live in the repository's `demo/` folder and are embedded in the binary,
//! so that Coherence runs offline on a fresh machine. They are written in Coherence's
//! own input formats ([`crate::formats`]) and double as their documentation: a user
//! can copy them as templates.
//!
//! **Nothing in the demo world describes a real country.** Every output built from it
//! must show [`notice`].
//!
//! # Example
//! ```
//! let world = ingest::demo::demo_world()?;
//! assert!(world.meta.fictional);
//! assert!(world.areas.iter().all(|a| a.iso3.is_fictional()));
//! # Ok::<(), ingest::ImportError>(())
//! ```

// `ImportError` is the crate's one error type (STYLE.md §6) and carries its location
// by value; an error ends the import, so its size costs nothing on the path that
// matters.
#![allow(clippy::result_large_err)]

use domain::area::Area;
use domain::dataset::{Dataset, SourceFile};

use crate::formats::{self, CountryAttributes};
use crate::{ImportError, sha256_hex};

/// The notice every output built from the demo world must show.
const NOTICE: &str = "FICTIONAL DEMO WORLD: all countries, figures and policies are invented for demonstration; they describe no real country.";

const WORLD: &str = "demo/world.toml";
const COUNTRIES: &str = "demo/countries.csv";
const INDICATORS: &str = "demo/indicators.csv";
const STOCKS: &str = "demo/stocks.csv";
const REMITTANCES: &str = "demo/remittances.csv";
const COSTS: &str = "demo/remittance_costs.csv";
const DEPLOYMENTS: &str = "demo/deployments.csv";
const POLICIES: &str = "demo/policies.toml";

/// The embedded files, by the name they carry in provenance (relative to the
/// repository root).
const FILES: [(&str, &str); 8] = [
    (WORLD, include_str!("../../../../demo/world.toml")),
    (COUNTRIES, include_str!("../../../../demo/countries.csv")),
    (INDICATORS, include_str!("../../../../demo/indicators.csv")),
    (STOCKS, include_str!("../../../../demo/stocks.csv")),
    (REMITTANCES, include_str!("../../../../demo/remittances.csv")),
    (COSTS, include_str!("../../../../demo/remittance_costs.csv")),
    (DEPLOYMENTS, include_str!("../../../../demo/deployments.csv")),
    (POLICIES, include_str!("../../../../demo/policies.toml")),
];

/// The notice every output built from the demo world must show: that its countries,
/// figures and policies are invented.
pub fn notice() -> &'static str {
    NOTICE
}

/// The embedded demo files as `(name, text)`, e.g. `("demo/stocks.csv", "orig,dest,...")`,
/// in the order they are read. A user can write them out as templates for their own
/// files.
pub fn files() -> &'static [(&'static str, &'static str)] {
    &FILES
}

fn text(name: &str) -> &'static str {
    FILES.iter().find(|(n, _)| *n == name).map_or("", |(_, t)| *t)
}

/// Reads the demo world into one [`Dataset`]: its metadata (with every embedded file,
/// its SHA-256 and size), the fictional countries, the area indicators, the migrant
/// stocks ([`domain::Indicator::MIGRANT_STOCK`], from origin to destination),
/// remittance flows and costs (from sender to receiver), and the two policy registers.
///
/// # Errors
/// Returns the [`ImportError`] of the first embedded file that does not read; the
/// crate's tests make sure none does.
pub fn demo_world() -> Result<Dataset, ImportError> {
    let description = formats::read_world_toml(WORLD, text(WORLD))?;
    let areas: Vec<Area> = demo_countries()?.into_iter().map(|(area, _)| area).collect();
    let values = formats::read_indicators_csv(INDICATORS, text(INDICATORS), &areas)?;
    let mut pairs = formats::read_stocks_csv(STOCKS, text(STOCKS), &areas)?;
    pairs.extend(formats::read_remittances_csv(REMITTANCES, text(REMITTANCES), &areas)?);
    pairs.extend(formats::read_costs_csv(COSTS, text(COSTS), &areas)?);
    pairs.extend(demo_deployments(&areas)?);
    let policies = formats::read_policies_toml(POLICIES, text(POLICIES), &areas)?;

    let mut meta = description.meta;
    meta.files = FILES
        .iter()
        .map(|(name, text)| SourceFile {
            name: (*name).to_owned(),
            sha256: sha256_hex(text.as_bytes()),
            bytes: text.len() as u64,
        })
        .collect();
    Ok(Dataset { meta, areas, values, pairs, policies })
}

/// Pelaria's deployments ([`domain::Indicator::DEPLOYMENTS`] and its channels and skill
/// levels, from origin to destination), read by the reader of Coherence's deployments
/// CSV ([`crate::Kind::CoherenceDeploymentsCsv`]) told of the fictional countries.
fn demo_deployments(areas: &[Area]) -> Result<Vec<domain::dataset::PairValue>, ImportError> {
    let options = crate::ReadOptions {
        defined_areas: areas.iter().map(|a| a.iso3).collect(),
        ..crate::ReadOptions::default()
    };
    let bytes = text(DEPLOYMENTS).as_bytes();
    let (dataset, _) =
        crate::read(crate::Kind::CoherenceDeploymentsCsv, DEPLOYMENTS, bytes, &options)?;
    Ok(dataset.pairs)
}

/// The attributes of the demo world's countries that have no domain type yet: region,
/// income group, whether on the health-workforce safeguards list, and which
/// migrant-worker conventions they are party to. In the order of `demo/countries.csv`.
///
/// # Errors
/// Returns the [`ImportError`] of `demo/countries.csv` if it does not read; the crate's
/// tests make sure it does.
pub fn demo_country_attributes() -> Result<Vec<CountryAttributes>, ImportError> {
    Ok(demo_countries()?.into_iter().map(|(_, attributes)| attributes).collect())
}

fn demo_countries() -> Result<Vec<(Area, CountryAttributes)>, ImportError> {
    formats::read_countries_csv(COUNTRIES, text(COUNTRIES))
}

#[cfg(test)]
mod tests;
