//! The WHO Health Workforce Support and Safeguards List, as reference data authored in
//! this crate (`data/who_ssl_2023.csv`, with its source and criteria in the file's
//! header comment).
//!
//! Countries on the list have a density of doctors, nurses and midwives below the
//! global median (49 per 10,000 population) and a UHC service coverage index below 55.
//! Under the WHO Global Code of Practice on the International Recruitment of Health
//! Personnel, they should not be targeted for active international recruitment of
//! health personnel except through government-to-government agreements.

use domain::Iso3;

const WHO_SSL_2023: &str = include_str!("../data/who_ssl_2023.csv");

/// The list's edition and source, for citations.
pub const WHO_SSL_2023_SOURCE: &str = "WHO health workforce support and safeguards list 2023 (World Health Organization, 14 March 2023)";

/// One country on a safeguards list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeguardsEntry {
    /// The country.
    pub iso3: Iso3,
    /// Its UN M49 short name.
    pub name: String,
    /// The line of `data/who_ssl_2023.csv` it is on (1-based), for provenance.
    pub line: usize,
}

/// The 55 countries of the WHO Health Workforce Support and Safeguards List 2023,
/// sorted by alpha-3 code.
///
/// # Panics
/// Never for the file shipped with this crate (its tests read every line); a malformed
/// line would be a build defect.
pub fn who_ssl_2023() -> Vec<SafeguardsEntry> {
    WHO_SSL_2023
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| {
            let (code, name) = l.split_once(',').unwrap_or((l, ""));
            SafeguardsEntry {
                iso3: Iso3::parse(code.trim())
                    .unwrap_or_else(|e| panic!("who_ssl_2023.csv line {}: {e}", i + 1)),
                name: name.trim().to_owned(),
                line: i + 1,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_has_55_real_countries_by_name() {
        let list = who_ssl_2023();
        assert_eq!(list.len(), 55);
        assert!(list.windows(2).all(|w| w[0].iso3 < w[1].iso3), "sorted, no duplicates");
        for e in &list {
            let area = domain::area::real_area(e.iso3).unwrap_or_else(|| panic!("{}", e.iso3));
            let same = area.name.replace('\u{2019}', "'") == e.name.replace('\u{2019}', "'");
            assert!(same, "{}: {} vs {}", e.iso3, e.name, area.name);
        }
        // By WHO region: 37 African, 1 Americas (Haiti), 6 Eastern Mediterranean,
        // 3 South-East Asia, 8 Western Pacific.
        let has = |c: &str| list.iter().any(|e| e.iso3.as_str() == c);
        assert!(has("HTI") && has("NPL") && has("BGD") && has("TLS") && has("WSM"));
        assert!(!has("IND") && !has("PHL"));
    }
}
