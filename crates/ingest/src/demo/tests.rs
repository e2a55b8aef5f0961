//! Tests of the demo world: it loads, its numbers hang together, and it holds the
//! story and the deliberate incoherences that `demo/README.md` tells.

use std::collections::HashMap;

use domain::area::Iso3;
use domain::dataset::{Dataset, PairValue};
use domain::measure::{Indicator, Sex};
use domain::policy::{Policy, PolicyStatus, Stage};
use domain::time::Year;

use super::*;

const PELARIA: Iso3 = Iso3::from_static("XAA");
const BREVMARK: Iso3 = Iso3::from_static("XAB");
const DUNESHAR: Iso3 = Iso3::from_static("XAC");

fn world() -> Dataset {
    demo_world().expect("the demo world reads")
}

fn year(y: i64) -> Year {
    Year::new(y).unwrap()
}

fn pairs(world: &Dataset, indicator: Indicator) -> impl Iterator<Item = &PairValue> {
    world.pairs.iter().filter(move |p| p.indicator == indicator)
}

fn pair(world: &Dataset, indicator: Indicator, from: Iso3, to: Iso3, y: i64, sex: Sex) -> f64 {
    pairs(world, indicator)
        .find(|p| p.from == from && p.to == to && p.year == year(y) && p.sex == sex)
        .map(|p| p.value)
        .unwrap_or_else(|| panic!("no {} {from}→{to} {y} {sex}", indicator.code))
}

fn area_value(world: &Dataset, indicator: Indicator, area: Iso3, y: i64) -> f64 {
    world
        .values
        .iter()
        .find(|v| v.indicator == indicator && v.area == area && v.year == year(y))
        .map(|v| v.value)
        .unwrap_or_else(|| panic!("no {} {area} {y}", indicator.code))
}

fn register(world: &Dataset, country: Iso3) -> Vec<&Policy> {
    world.policies.iter().filter(|p| p.country == country).collect()
}

fn has_tag(p: &Policy, tag: &str) -> bool {
    p.tags.iter().any(|t| t == tag)
}

fn targets(p: &Policy, group: &str) -> bool {
    p.target_groups.iter().any(|g| g == group)
}

fn attributes(iso3: Iso3) -> CountryAttributes {
    demo_country_attributes().unwrap().into_iter().find(|a| a.iso3 == iso3).unwrap()
}

#[test]
fn loads_as_a_fictional_dataset() {
    let world = world();
    assert_eq!(world.meta.key, "demo-world");
    assert_eq!(world.meta.publisher, "Coherence demo world (fictional)");
    assert!(world.meta.fictional);
    let description = formats::read_world_toml(WORLD, text(WORLD)).unwrap();
    assert_eq!(description.notice.as_deref(), Some(notice()), "world.toml and notice() agree");
    assert!(notice().starts_with("FICTIONAL DEMO WORLD"));

    assert!((8..=12).contains(&world.areas.len()), "{} countries", world.areas.len());
    for area in &world.areas {
        assert!(area.iso3.is_fictional(), "{}", area.iso3);
        assert!(area.is_fictional());
        assert!(domain::area::real_area(area.iso3).is_none());
    }
    assert_eq!(demo_country_attributes().unwrap().len(), world.areas.len());
}

#[test]
fn files_are_listed_with_checksums() {
    let world = world();
    assert_eq!(world.meta.files.len(), files().len());
    for (file, (name, text)) in world.meta.files.iter().zip(files()) {
        assert_eq!(&file.name, name);
        assert!(file.name.starts_with("demo/"));
        assert_eq!(file.bytes, text.len() as u64);
        assert_eq!(file.sha256.len(), 64);
        assert_eq!(file.sha256, crate::sha256_hex(text.as_bytes()));
    }
}

#[test]
fn every_value_carries_provenance() {
    let world = world();
    assert!(!world.values.is_empty() && !world.pairs.is_empty() && !world.policies.is_empty());
    let provenances =
        world.values.iter().map(|v| &v.provenance).chain(world.pairs.iter().map(|p| &p.provenance));
    for provenance in provenances {
        assert!(files().iter().any(|(name, _)| *name == provenance.file), "{provenance}");
        assert!(provenance.row.is_some_and(|r| r >= 2), "{provenance}");
        let column = provenance.column.as_deref();
        assert!(column.is_some_and(|c| ["value", "cost_pct", "persons"].contains(&c)));
    }
}

#[test]
fn stocks_split_by_sex_add_up() {
    let world = world();
    let mut parts: HashMap<(Iso3, Iso3, Year), [f64; 3]> = HashMap::new();
    for p in pairs(&world, Indicator::MIGRANT_STOCK) {
        let slot = match p.sex {
            Sex::Total => 0,
            Sex::Male => 1,
            Sex::Female => 2,
        };
        parts.entry((p.from, p.to, p.year)).or_default()[slot] = p.value;
        assert!(p.value.fract().abs() < 1e-9, "stocks are whole persons");
    }
    let corridors: std::collections::HashSet<_> = parts.keys().map(|k| (k.0, k.1)).collect();
    assert!((30..=45).contains(&corridors.len()), "{} corridors", corridors.len());
    assert_eq!(parts.len(), corridors.len() * 6, "every corridor has the six years");
    for ((from, to, y), [total, male, female]) in parts {
        assert!(total > 0.0 && male > 0.0 && female > 0.0, "{from}→{to} {y}");
        assert!((total - male - female).abs() < 0.5, "{from}→{to} {y}");
    }
}

#[test]
fn numbers_hang_together() {
    let world = world();
    // Emigrants are a plausible share of each origin's population.
    for area in &world.areas {
        for y in [2000, 2024] {
            let emigrants: f64 = pairs(&world, Indicator::MIGRANT_STOCK)
                .filter(|p| p.from == area.iso3 && p.year == year(y) && p.sex == Sex::Total)
                .map(|p| p.value)
                .sum();
            let population = area_value(&world, Indicator::POPULATION, area.iso3, y);
            assert!(emigrants < 0.45 * population, "{} {y}", area.iso3);
        }
        let gdp = area_value(&world, Indicator::GDP_USD, area.iso3, 2024);
        let per_capita = area_value(&world, Indicator::GDP_PER_CAPITA_USD, area.iso3, 2024);
        let population = area_value(&world, Indicator::POPULATION, area.iso3, 2024);
        assert!((gdp / population - per_capita).abs() < 0.01, "{}", area.iso3);
    }
    // Remittances received are at least the listed corridors towards the receiver.
    let mut listed: HashMap<(Iso3, Year), f64> = HashMap::new();
    for p in pairs(&world, Indicator::BILATERAL_REMITTANCES_USD) {
        *listed.entry((p.to, p.year)).or_default() += p.value;
    }
    for ((receiver, y), sum) in listed {
        let received =
            area_value(&world, Indicator::REMITTANCES_RECEIVED_USD, receiver, i64::from(y.get()));
        assert!(received >= sum, "{receiver} {y}: {received} < {sum}");
    }
    // Pelaria lives on remittances: 15-20% of GDP in recent years.
    for y in [2020, 2024] {
        let share = area_value(&world, Indicator::REMITTANCES_RECEIVED_USD, PELARIA, y)
            / area_value(&world, Indicator::GDP_USD, PELARIA, y);
        assert!((0.15..=0.20).contains(&share), "{y}: {share}");
    }
    // Duneshar: few citizens, many temporary workers, most of them men.
    let immigrants: Vec<&PairValue> = pairs(&world, Indicator::MIGRANT_STOCK)
        .filter(|p| p.to == DUNESHAR && p.year == year(2024))
        .collect();
    let total: f64 = immigrants.iter().filter(|p| p.sex == Sex::Total).map(|p| p.value).sum();
    let male: f64 = immigrants.iter().filter(|p| p.sex == Sex::Male).map(|p| p.value).sum();
    assert!(total > 0.6 * area_value(&world, Indicator::POPULATION, DUNESHAR, 2024));
    assert!(male > 0.7 * total);
    // The seasonal scheme (from 2012) speeds up the growth of Pelarians in Brevmark.
    let stock = |y| pair(&world, Indicator::MIGRANT_STOCK, PELARIA, BREVMARK, y, Sex::Total);
    assert!(stock(2020) - stock(2010) > 3.0 * (stock(2010) - stock(2000)));
    // Some corridors are cheap.
    assert!(
        pairs(&world, Indicator::REMITTANCE_COST_200)
            .any(|p| p.year == year(2024) && p.value < 3.0)
    );
}

/// (a) Brevmark's health ministry actively recruits nurses from Pelaria, which is on
/// the safeguards list, outside a government-to-government agreement.
#[test]
fn incoherence_a_active_recruitment_from_a_safeguards_list_country() {
    let world = world();
    assert!(attributes(PELARIA).who_ssl);
    let recruiting: Vec<&Policy> = register(&world, BREVMARK)
        .into_iter()
        .filter(|p| {
            has_tag(p, "active-recruitment")
                && targets(p, "health-workers")
                && p.partners.contains(&PELARIA)
                && p.status == PolicyStatus::Active
        })
        .collect();
    assert_eq!(recruiting.len(), 1);
    assert_eq!(recruiting[0].area, "health");
    let g2g = world.policies.iter().any(|p| {
        has_tag(p, "g2g-agreement")
            && (p.partners.contains(&PELARIA) || p.partners.contains(&BREVMARK))
    });
    assert!(!g2g, "no government-to-government agreement between Pelaria and Brevmark");
}

/// (b) The main corridor costs more than 5% and nobody acts on it.
#[test]
fn incoherence_b_costly_corridor_without_cost_reduction() {
    let world = world();
    let cost = |y| pair(&world, Indicator::REMITTANCE_COST_200, BREVMARK, PELARIA, y, Sex::Total);
    assert!(cost(2024) > 5.0 && cost(2024) < cost(2016) && cost(2016) - cost(2024) < 1.0);
    let corridor = [register(&world, PELARIA), register(&world, BREVMARK)].concat();
    assert!(!corridor.iter().any(|p| has_tag(p, "cost-reduction")));
}

/// (c) The seasonal scheme has no return and reintegration support at origin and no
/// social-security portability.
#[test]
fn incoherence_c_seasonal_scheme_without_return_or_portability() {
    let world = world();
    let scheme = register(&world, BREVMARK).into_iter().find(|p| {
        has_tag(p, "temporary-scheme")
            && has_tag(p, "seasonal-workers")
            && p.partners.contains(&PELARIA)
    });
    assert_eq!(scheme.map(|p| p.start_year), Some(Some(2012)));
    let reintegration = register(&world, PELARIA).into_iter().any(|p| {
        p.status == PolicyStatus::Active && p.stages.contains(&Stage::ReturnReintegration)
    });
    assert!(!reintegration, "no active return and reintegration policy at origin");
    assert!(!world.policies.iter().any(|p| has_tag(p, "social-security-portability")));
}

/// (d) A skilled-migration scheme aimed at occupations short at origin, without
/// skills replenishment or compensation.
#[test]
fn incoherence_d_skilled_migration_of_shortage_occupations() {
    let world = world();
    let shortage: Vec<&String> = register(&world, PELARIA)
        .into_iter()
        .filter(|p| has_tag(p, "skills-shortage"))
        .flat_map(|p| &p.target_groups)
        .collect();
    assert!(shortage.iter().any(|g| *g == "health-workers"));
    let skilled = register(&world, BREVMARK).into_iter().any(|p| {
        has_tag(p, "skilled-migration") && p.target_groups.iter().any(|g| shortage.contains(&g))
    });
    assert!(skilled);
    assert!(
        !world
            .policies
            .iter()
            .any(|p| has_tag(p, "skills-replenishment") || has_tag(p, "compensation"))
    );
}

/// (e) Pelaria taxes the remittances its diaspora strategy promotes.
#[test]
fn incoherence_e_remittance_tax_against_remittance_promotion() {
    let world = world();
    let pelaria = register(&world, PELARIA);
    assert!(
        pelaria.iter().any(|p| has_tag(p, "remittance-tax") && p.status == PolicyStatus::Active)
    );
    assert!(
        pelaria
            .iter()
            .any(|p| has_tag(p, "remittance-promotion") && p.status == PolicyStatus::Active)
    );
}

/// (f) Neither side is party to the migrant-worker conventions although the stock is
/// large.
#[test]
fn incoherence_f_no_conventions_for_a_large_stock() {
    let world = world();
    for iso3 in [PELARIA, BREVMARK] {
        let a = attributes(iso3);
        assert!(!a.icmw_party && !a.ilo_c97_party && !a.ilo_c143_party, "{iso3}");
    }
    assert!(
        pair(&world, Indicator::MIGRANT_STOCK, PELARIA, BREVMARK, 2024, Sex::Total) > 500_000.0
    );
    // Elsewhere in the demo world some countries are party.
    assert!(demo_country_attributes().unwrap().iter().any(|a| a.icmw_party));
}

/// (g) Tens of thousands leave for Brevmark each year and Pelaria has no active return
/// and reintegration policy.
#[test]
fn incoherence_g_large_deployments_without_return_support() {
    let world = world();
    let deployed = pair(&world, Indicator::DEPLOYMENTS, PELARIA, BREVMARK, 2024, Sex::Total);
    assert!(deployed > 10_000.0, "{deployed}");
    let reintegration = register(&world, PELARIA).into_iter().any(|p| {
        p.status == PolicyStatus::Active && p.stages.contains(&Stage::ReturnReintegration)
    });
    assert!(!reintegration);
}

/// Pelaria's deployments hang together: men and women make the total, the channels
/// partition it, and so do the skill levels; every corridor has six years.
#[test]
fn deployments_add_up() {
    let world = world();
    let mut sums: HashMap<(Iso3, Iso3, Year), [f64; 4]> = HashMap::new();
    let rows = world.pairs.iter().filter(|p| p.indicator.code.starts_with("deployments"));
    for p in rows {
        assert_eq!(p.from, PELARIA);
        let e = sums.entry((p.from, p.to, p.year)).or_default();
        match (p.indicator, p.sex) {
            (Indicator::DEPLOYMENTS, Sex::Total) => e[0] += p.value,
            (Indicator::DEPLOYMENTS, _) => e[1] += p.value,
            (Indicator::DEPLOYMENTS_SKILLED | Indicator::DEPLOYMENTS_LOW_SKILLED, _) => {
                e[3] += p.value;
            }
            _ => e[2] += p.value,
        }
    }
    assert_eq!(sums.len(), 5 * 6, "five destinations, six years");
    for (key, [total, by_sex, by_channel, by_skill]) in sums {
        assert!(total > 0.0, "{key:?}");
        for part in [by_sex, by_channel, by_skill] {
            assert!((part - total).abs() < 0.5, "{key:?}: {part} of {total}");
        }
    }
}

#[test]
fn coherent_and_unintended_policies() {
    let world = world();
    assert!(
        register(&world, PELARIA)
            .iter()
            .any(|p| has_tag(p, "g2g-agreement") && p.partners.contains(&DUNESHAR))
    );
    assert!(
        register(&world, BREVMARK)
            .iter()
            .any(|p| has_tag(p, "rights-protection") && targets(p, "seasonal-workers"))
    );
    let unintended: Vec<&Policy> =
        world.policies.iter().filter(|p| has_tag(p, "unintended-development-effect")).collect();
    assert_eq!(unintended.len(), 1);
    assert_eq!(unintended[0].area, "governance");
    for country in [PELARIA, BREVMARK] {
        assert!((8..=12).contains(&register(&world, country).len()), "{country}");
    }
    assert!(world.policies.iter().all(|p| p.country == PELARIA || p.country == BREVMARK));
}
