//! Which stored value becomes a figure, when several datasets hold one: the rules, in
//! one place.
//!
//! A store may hold the same indicator for the same area and year from several
//! publishers (remittances from WDI and from KNOMAD's workbooks) and from several
//! datasets of one publisher (a WDI bulk file and a DataBank extract). Reads see each
//! dataset key's default edition (its newest by the date its label gives, or the one
//! pinned with `--edition`); among the datasets left, the figure is chosen by the
//! indicator's [`Rule`]:
//!
//! 1. sources in the rule's order of publisher families (e.g. KNOMAD before WDI for
//!    remittances); sources the rule does not name come after, in the order below;
//! 2. within a family, the dataset that holds the longest series for the area (a
//!    publisher's full series before an extract of a few years, so that one vintage
//!    makes a series and a one-year extract is never spliced into it);
//! 3. then the newest edition (by the date its label gives);
//! 4. then the dataset key's text, so that equal editions never fall to the order in
//!    which files were imported;
//! 5. a value a publisher writes as a placeholder (a remittance flow of exactly 0)
//!    never wins: it is listed as an alternative, marked as a placeholder.
//!
//! Every chosen figure carries a [`Choice`]: the rule and the alternatives it beat,
//! with their values. docs/data.md explains the rules per indicator.

use std::cmp::Reverse;
use std::collections::HashMap;

use serde::Serialize;
use store::DatasetRecord;

/// A family of sources: dataset keys matched exactly, or by prefix when the pattern
/// ends with `*`.
#[derive(Clone, Copy, Debug)]
pub struct Family {
    /// The key or key prefix (`wdi-*`).
    pub pattern: &'static str,
    /// The family's name in words.
    pub label: &'static str,
}

impl Family {
    fn matches(&self, key: &str) -> bool {
        match self.pattern.strip_suffix('*') {
            Some(prefix) => key.starts_with(prefix),
            None => key == self.pattern,
        }
    }
}

/// How one indicator's figure is chosen among sources.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// A short name, e.g. `remittances`.
    pub name: &'static str,
    /// The indicator codes it governs.
    pub indicators: &'static [&'static str],
    /// The publisher families in order of preference.
    pub order: &'static [Family],
    /// Why, in one sentence.
    pub why: &'static str,
}

const WDI: Family = Family { pattern: "wdi-*", label: "World Bank WDI" };
const KNOMAD: Family =
    Family { pattern: "knomad-*", label: "KNOMAD/World Bank remittance workbooks" };
const WPP: Family = Family { pattern: "wpp-*", label: "UN World Population Prospects" };
const UNDESA_TOTALS: Family =
    Family { pattern: "undesa-ims-*", label: "UN DESA International Migrant Stock" };
const UNDESA_BILATERAL: Family = Family {
    pattern: "undesa-ims-bilateral",
    label: "UN DESA International Migrant Stock, origin × destination",
};
const WB_BILATERAL: Family =
    Family { pattern: "wb-bilateral-migration", label: "World Bank bilateral migration matrix" };
const UNDESA_RESHAPED: Family = Family {
    pattern: "undesa-ims-bilateral-*",
    label: "UN DESA bilateral stocks reshaped by a third party",
};
const IAB: Family =
    Family { pattern: "iab-*", label: "IAB brain-drain data (20 OECD destinations)" };
const DOFE: Family = Family { pattern: "dofe-*", label: "Nepal Department of Foreign Employment" };
const SLBFE: Family =
    Family { pattern: "slbfe-*", label: "Sri Lanka Bureau of Foreign Employment" };
const ILOSTAT: Family = Family { pattern: "ilostat-*", label: "ILOSTAT" };
const OWN_DEPLOYMENTS: Family =
    Family { pattern: "coherence-deployments*", label: "a deployments CSV loaded by a user" };

/// Every rule. An indicator without a rule is chosen by the fallback order (the longest
/// series, the newest edition, then the key).
pub const RULES: &[Rule] = &[
    Rule {
        name: "remittances",
        indicators: &["remittances_received_usd", "remittances_paid_usd"],
        order: &[KNOMAD, WDI],
        why: "KNOMAD's workbooks first: the World Bank remittance team's own estimates, which WDI republishes (BX/BM.TRF.PWKR.CD.DT), and the input of the published bilateral remittance matrices; KNOMAD's 0 means no estimate and never wins, WDI fills those cells",
    },
    Rule {
        name: "remittances-share-of-gdp",
        indicators: &["remittances_received_pct_gdp"],
        order: &[WDI],
        why: "the official SDG 17.3.2 series as WDI publishes it (BX.TRF.PWKR.DT.GD.ZS), the newest release first",
    },
    Rule {
        name: "population",
        indicators: &["population"],
        order: &[WDI, WPP],
        why: "WDI's annual series (the file with the longest series for the country first, then the newest release); UN World Population Prospects after it, so that a five-yearly WPP figure is taken only for a year no WDI dataset holds",
    },
    Rule {
        name: "wdi-series",
        indicators: &[
            "gdp_usd",
            "gdp_per_capita_usd",
            "gdp_per_capita_ppp",
            "exports_usd",
            "physicians_per_1000",
            "tertiary_enrolment_pct",
            "birth_rate_crude",
            "death_rate_crude",
        ],
        order: &[WDI],
        why: "WDI; the file with the longest series for the country first (a bulk file before a DataBank extract of a few years, so that one release makes the series), then the newest release",
    },
    Rule {
        name: "net-migration",
        indicators: &["net_migration"],
        order: &[WPP, WDI],
        why: "UN World Population Prospects, the primary source, before WDI's copy of it (SM.POP.NETM), the newest edition first",
    },
    Rule {
        name: "migrant-stock-totals",
        indicators: &["immigrant_stock", "emigrant_stock"],
        order: &[UNDESA_TOTALS],
        why: "UN DESA's published totals, the newest edition first (another edition can be pinned)",
    },
    Rule {
        name: "bilateral-migrant-stock",
        indicators: &["migrant_stock"],
        order: &[UNDESA_BILATERAL, WB_BILATERAL, UNDESA_RESHAPED, IAB],
        why: "UN DESA's official origin × destination tables, the newest edition first; the World Bank matrix next; third-party reshapes and tables of a narrower universe (IAB: 20 OECD destinations) last",
    },
    Rule {
        name: "deployments",
        indicators: &[
            "deployments",
            "deployments_total",
            "deployments_agency",
            "deployments_individual",
            "deployments_g2g",
            "deployments_reentry",
            "deployments_skilled",
            "deployments_low_skilled",
        ],
        order: &[DOFE, SLBFE, ILOSTAT, OWN_DEPLOYMENTS],
        why: "the origin's own published statistics (Nepal's DoFE, Sri Lanka's SLBFE) first, ILOSTAT's compilation next; a deployments CSV a user loads fills the years the published sources lack and is otherwise listed as an alternative, so that a file of a few lines never replaces a published series",
    },
];

/// The rule of `indicator`, if it has one.
pub fn rule_of(indicator: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.indicators.contains(&indicator))
}

/// Whether `value` of `indicator` from the dataset `key` is a placeholder for "no
/// estimate" (documented in docs/data.md): a remittance flow of exactly 0 from KNOMAD's
/// workbooks (which write 0 where they have no estimate) or from WDI (whose files hold 0
/// where KNOMAD has an estimate, e.g. Burundi's inflows 2019–20, and for Mexico's
/// outflows 2005–12 where neither has one).
pub fn is_placeholder(key: &str, indicator: &str, value: f64) -> bool {
    value == 0.0
        && matches!(indicator, "remittances_received_usd" | "remittances_paid_usd")
        && (KNOMAD.matches(key) || WDI.matches(key))
}

/// Why a figure was chosen: the rule, and the alternatives it beat.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Choice {
    /// The rule's name and reason, e.g. "remittances: WDI's published series first, …".
    pub rule: String,
    /// The other sources' values for the same cell, in the rule's order.
    pub alternatives: Vec<Alternative>,
}

/// A value the rule did not choose.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alternative {
    /// The dataset (title and edition).
    pub dataset: String,
    /// Its value.
    pub value: f64,
    /// Why it was not chosen.
    pub reason: String,
}

/// The rank of each stored import for each rule: what [`Ranker::choose`] sorts by.
#[derive(Clone)]
pub(crate) struct Ranker {
    imports: HashMap<i64, (String, String, String)>,
}

/// A sort key: family position, longest series first, newest edition first, dataset key.
pub(crate) type Rank = (usize, Reverse<usize>, Reverse<String>, String);

/// How many values (years, or areas × years) each import holds of the series being
/// chosen: the second criterion of the rules.
pub(crate) type Coverage = HashMap<i64, usize>;

impl Ranker {
    pub(crate) fn new<'a>(datasets: impl IntoIterator<Item = &'a DatasetRecord>) -> Ranker {
        let imports = datasets
            .into_iter()
            .map(|d| {
                let name = format!("{} (edition {})", d.title, d.edition);
                (d.id, (d.key.clone(), d.edition_order.clone(), name))
            })
            .collect();
        Ranker { imports }
    }

    /// The key of an import's dataset.
    pub(crate) fn key(&self, import_id: i64) -> &str {
        self.imports.get(&import_id).map_or("", |i| i.0.as_str())
    }

    /// The dataset's title and edition.
    pub(crate) fn name(&self, import_id: i64) -> String {
        self.imports.get(&import_id).map_or_else(|| format!("import {import_id}"), |i| i.2.clone())
    }

    /// Where an import stands for `indicator` when it holds `coverage` values of the
    /// series: lower is preferred.
    pub(crate) fn rank(&self, indicator: &str, import_id: i64, coverage: usize) -> Rank {
        self.rank_by(rule_of(indicator), import_id, coverage)
    }

    /// Where an import stands by `rule` (the fallback order when `None`).
    pub(crate) fn rank_by(&self, rule: Option<&Rule>, import_id: i64, coverage: usize) -> Rank {
        let (key, order) = self
            .imports
            .get(&import_id)
            .map_or((String::new(), String::new()), |i| (i.0.clone(), i.1.clone()));
        let families = rule.map_or(&[][..], |r| r.order);
        // The most specific matching family wins (an exact key before a prefix).
        let position = families
            .iter()
            .enumerate()
            .filter(|(_, f)| f.matches(&key))
            .max_by_key(|(_, f)| (!f.pattern.ends_with('*'), f.pattern.len()))
            .map_or(families.len(), |(i, _)| i);
        (position, Reverse(coverage), Reverse(order), key)
    }

    /// For each year, the import the rule of `indicator` prefers among `rows` (year and
    /// import of each stored value): one table per year, the rows of two tables never
    /// added together. Coverage plays no part (a bilateral table is chosen whole, not by
    /// how long one corridor's series is in it).
    pub(crate) fn chosen_by_year(
        &self,
        indicator: &str,
        rows: impl IntoIterator<Item = (i32, i64)>,
    ) -> std::collections::BTreeMap<i32, i64> {
        let mut best = std::collections::BTreeMap::new();
        let rank = |id: i64| (self.rank(indicator, id, 0), id);
        for (year, import_id) in rows {
            let e = best.entry(year).or_insert(import_id);
            if rank(import_id) < rank(*e) {
                *e = import_id;
            }
        }
        best
    }

    /// Whether `value` of `indicator` from `import_id` is a publisher's placeholder.
    pub(crate) fn placeholder(&self, indicator: &str, import_id: i64, value: f64) -> bool {
        is_placeholder(self.key(import_id), indicator, value)
    }

    /// How many values of `indicator` each import holds among `rows` (import, value),
    /// placeholders left out.
    pub(crate) fn coverage(
        &self,
        indicator: &str,
        rows: impl IntoIterator<Item = (i64, f64)>,
    ) -> Coverage {
        let mut out = Coverage::new();
        for (id, v) in rows {
            if !self.placeholder(indicator, id, v) {
                *out.entry(id).or_default() += 1;
            }
        }
        out
    }

    /// Chooses among candidates for one cell: `(import_id, value)` of each, with how
    /// much of the series each import holds. Returns the index of the chosen one (none
    /// when every candidate is a placeholder) and the choice with its alternatives.
    pub(crate) fn choose(
        &self,
        indicator: &str,
        candidates: &[(i64, f64)],
        coverage: &Coverage,
    ) -> (Option<usize>, Choice) {
        let cover = |id: i64| coverage.get(&id).copied().unwrap_or(0);
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by_key(|&i| {
            let id = candidates[i].0;
            (self.rank(indicator, id, cover(id)), id)
        });
        let placeholder = |i: usize| self.placeholder(indicator, candidates[i].0, candidates[i].1);
        let chosen = order.iter().copied().find(|&i| !placeholder(i));
        let rule = match rule_of(indicator) {
            Some(r) => format!("{}: {}", r.name, r.why),
            None => "the longest series, then the newest edition, then the dataset key".to_owned(),
        };
        let alternatives = order
            .iter()
            .filter(|&&i| Some(i) != chosen)
            .map(|&i| {
                let (import_id, value) = candidates[i];
                let reason = if placeholder(i) {
                    "placeholder: the publisher writes 0 where it has no estimate".to_owned()
                } else {
                    "ranked lower by the rule".to_owned()
                };
                Alternative { dataset: self.name(import_id), value, reason }
            })
            .collect();
        (chosen, Choice { rule, alternatives })
    }
}

/// A stored import's record for unit tests: `key` and `edition` as given, the rest
/// empty.
#[cfg(test)]
pub(crate) fn test_record(id: i64, key: &str, edition: &str) -> DatasetRecord {
    DatasetRecord {
        id,
        key: key.to_owned(),
        publisher: String::new(),
        title: key.to_owned(),
        edition: edition.to_owned(),
        edition_order: domain::edition::EditionOrder::parse(edition).to_string(),
        source: String::new(),
        licence: None,
        fictional: false,
        imported_at: String::new(),
        is_default: true,
        files: Vec::new(),
        rows: [0; 4],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: i64, key: &str, edition: &str) -> DatasetRecord {
        test_record(id, key, edition)
    }

    #[test]
    fn knomad_comes_first_but_its_placeholder_zero_never_wins_over_a_wdi_value() {
        let datasets = [
            record(1, "knomad-remittance-inflows", "2022 (June 2023)"),
            record(2, "wdi-bx.trf.pwkr.cd.dt", "last updated 2023-05-10"),
        ];
        let ranker = Ranker::new(&datasets);
        for candidates in [[(1, 0.0), (2, 537.9e6)], [(2, 537.9e6), (1, 0.0)]] {
            let none = Coverage::new();
            let (chosen, choice) = ranker.choose("remittances_received_usd", &candidates, &none);
            assert_eq!(candidates[chosen.unwrap()].0, 2);
            assert!(choice.alternatives[0].reason.starts_with("placeholder"));
        }
        // A KNOMAD estimate comes before WDI's value for the same cell.
        let none = Coverage::new();
        let (chosen, _) =
            ranker.choose("remittances_received_usd", &[(2, 9.07e9), (1, 38.05e9)], &none);
        assert_eq!(chosen, Some(1));
        // Alone, a placeholder gives no figure at all.
        let (chosen, _) = ranker.choose("remittances_received_usd", &[(1, 0.0)], &none);
        assert_eq!(chosen, None);
    }

    #[test]
    fn the_order_does_not_depend_on_import_ids() {
        let a = [
            record(1, "wdi-databank", "last updated 03/28/2024"),
            record(2, "wdi-ny.gdp.mktp.cd", "to 2023"),
        ];
        let b = [
            record(2, "wdi-databank", "last updated 03/28/2024"),
            record(1, "wdi-ny.gdp.mktp.cd", "to 2023"),
        ];
        let pick = |d: &[DatasetRecord], databank: i64| {
            let ranker = Ranker::new(d);
            let other = 3 - databank;
            let (i, _) =
                ranker.choose("gdp_usd", &[(other, 1.0), (databank, 2.0)], &Coverage::new());
            i.unwrap()
        };
        assert_eq!(pick(&a, 1), 1);
        assert_eq!(pick(&b, 2), 1);
    }

    #[test]
    fn a_full_series_comes_before_an_extract_of_one_year_of_the_same_publisher() {
        // A DataBank extract of 2021 released after the bulk file would win by edition
        // alone; the bulk file holds the whole series and wins.
        let datasets = [
            record(1, "wdi-databank", "last updated 03/28/2024"),
            record(2, "wdi-sp.pop.totl", "to 2024"),
        ];
        let ranker = Ranker::new(&datasets);
        let coverage = Coverage::from([(1, 1), (2, 64)]);
        let (i, choice) =
            ranker.choose("population", &[(1, 113_880_328.0), (2, 113_100_950.0)], &coverage);
        assert_eq!(i, Some(1));
        assert_eq!(choice.alternatives[0].value.to_bits(), 113_880_328.0f64.to_bits());
        // A WDI zero for a remittance flow is a placeholder too; for another indicator it
        // is a value.
        assert!(is_placeholder("wdi-bm.trf.pwkr.cd.dt", "remittances_paid_usd", 0.0));
        assert!(!is_placeholder("wdi-sm.pop.netm", "net_migration", 0.0));
    }

    #[test]
    fn wdi_population_comes_before_wpp_population_whatever_the_series_length() {
        // WPP 2019 holds 1950–2020 (15 values), longer than a WDI extract; WDI still
        // comes first, and WPP before sources the rule does not name.
        let datasets = [
            record(1, "wpp-population", "2019"),
            record(2, "wdi-sp.pop.totl", "to 2024"),
            record(3, "coherence-population", "2025"),
        ];
        let ranker = Ranker::new(&datasets);
        let coverage = Coverage::from([(1, 15), (2, 1), (3, 80)]);
        let (i, choice) = ranker.choose(
            "population",
            &[(1, 57_134_377.0), (2, 57_247_586.0), (3, 1.0)],
            &coverage,
        );
        assert_eq!(i, Some(1));
        assert!(choice.rule.starts_with("population: WDI's annual series"), "{}", choice.rule);
        let mut ids = vec![3, 1, 2];
        ids.sort_by_key(|&id| ranker.rank("population", id, coverage[&id]));
        assert_eq!(ids, [2, 1, 3]);
    }

    #[test]
    fn official_bilateral_tables_come_before_reshapes_and_narrower_universes() {
        let datasets = [
            record(1, "iab-brain-drain-gender", "1980–2010 v1"),
            record(2, "undesa-ims-bilateral-tidy-2024", "2024"),
            record(3, "undesa-ims-bilateral", "2019"),
            record(4, "wb-bilateral-migration", "2017"),
        ];
        let ranker = Ranker::new(&datasets);
        let mut ids = vec![1, 2, 3, 4];
        ids.sort_by_key(|&i| ranker.rank("migrant_stock", i, 0));
        assert_eq!(ids, [3, 4, 2, 1]);
    }
}
