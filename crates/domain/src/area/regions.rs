//! The authored table of UN M49 geographic regions and of the SDG regions, with the
//! countries and areas each contains.
//!
//! # Sources of the facts
//!
//! * United Nations Statistics Division, *Standard country or area codes for
//!   statistical use* (M49), "Geographic regions": 5 regions (Africa, Americas, Asia,
//!   Europe, Oceania), 17 sub-regions and 8 intermediate regions, with the region
//!   codes and the countries and areas of each.
//! * The same page's SDG regional groupings (used by the *Sustainable Development
//!   Goals Report* and the Global SDG Indicators Database): 8 regions, each a union of
//!   M49 sub-regions; the SDG database's codes for them.
//!
//! # Rules
//!
//! * Membership is given once, for the smallest M49 group that contains the area
//!   (an intermediate region where one exists, otherwise a sub-region); every larger
//!   group follows from the parent links in [`GROUPS`].
//! * Antarctica (`ATA`) belongs to no region (M49 lists it under "World" only).
//!   Taiwan (`TWN`), which M49 does not list separately, is placed in Eastern Asia
//!   (and so in Eastern and South-Eastern Asia), as UN DESA's World Population
//!   Prospects places "China, Taiwan Province of China".
//! * The two real areas outside ISO 3166-1 (see `table.rs`) are placed as UN DESA
//!   places them. The Channel Islands (`CHI`) are M49's intermediate region 830 taken
//!   as one area, as UN DESA's International Migrant Stock and the World Bank publish
//!   them; they are listed in 830 beside Guernsey (`GGY`) and Jersey (`JEY`), and so
//!   count in Northern Europe, Europe and Europe and Northern America. World Population
//!   Prospects gives both the Channel Islands and Guernsey and Jersey; a group's sum
//!   counts them once (the whole is left out of a year where a part has a value:
//!   `analysis::groups`). Kosovo (`XKX`) is not in M49's tables; it is
//!   placed in Southern Europe, as World Population Prospects 2024 places it
//!   (location 412), and so counts in Southern Europe, Europe, Europe and Northern
//!   America and the world. The publishers that list Kosovo separately (the World
//!   Bank, WPP) leave it out of Serbia, and UN DESA's migrant stock, which does not
//!   list it, says that its Serbia excludes it too, so it is never counted twice.
//! * The table is checked in `crates/domain/tests/it.rs` against the region columns of
//!   `country_codes/country-codes.csv` and the SDG-region columns of
//!   `WPP2024_UNlocations.txt` in the shared data folder.

use super::Iso3;

/// What kind of group of countries a [`Region`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionKind {
    /// One of the 5 M49 regions (continents).
    Region,
    /// One of the 17 M49 sub-regions.
    SubRegion,
    /// One of the 8 M49 intermediate regions (parts of Africa, Latin America and the
    /// Caribbean, and Northern Europe's Channel Islands).
    IntermediateRegion,
    /// One of the 8 regions of the SDG reports.
    SdgRegion,
}

impl RegionKind {
    /// A short human label: "UN region", "UN sub-region", "UN intermediate region",
    /// "SDG region".
    pub fn label(self) -> &'static str {
        match self {
            RegionKind::Region => "UN region",
            RegionKind::SubRegion => "UN sub-region",
            RegionKind::IntermediateRegion => "UN intermediate region",
            RegionKind::SdgRegion => "SDG region",
        }
    }
}

/// A region: an M49 geographic region or an SDG region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// The M49 code of the group (for SDG regions, the code the Global SDG Indicators
    /// Database uses).
    pub code: u16,
    /// A short identifier for SDG regions (`SSA`, `NAWA`, `CSA`, `ESEA`, `LAC`, `OCE`,
    /// `ANZ`, `ENA`); empty for M49 regions.
    pub abbr: &'static str,
    /// The English name, as the UN publishes it.
    pub name: &'static str,
    /// The kind of group.
    pub kind: RegionKind,
    /// For M49 groups, the code of the enclosing group (`None` for the 5 regions).
    /// For SDG regions, `None`.
    pub parent: Option<u16>,
}

const fn m49(code: u16, name: &'static str, kind: RegionKind, parent: Option<u16>) -> Region {
    Region { code, abbr: "", name, kind, parent }
}

const fn sdg(code: u16, abbr: &'static str, name: &'static str) -> Region {
    Region { code, abbr, name, kind: RegionKind::SdgRegion, parent: None }
}

use RegionKind::{IntermediateRegion as Int, Region as Reg, SubRegion as Sub};

/// Every region, M49 groups first (regions, then sub-regions, then intermediate
/// regions), then the SDG regions.
pub const GROUPS: &[Region] = &[
    m49(2, "Africa", Reg, None),
    m49(19, "Americas", Reg, None),
    m49(142, "Asia", Reg, None),
    m49(150, "Europe", Reg, None),
    m49(9, "Oceania", Reg, None),
    m49(15, "Northern Africa", Sub, Some(2)),
    m49(202, "Sub-Saharan Africa", Sub, Some(2)),
    m49(419, "Latin America and the Caribbean", Sub, Some(19)),
    m49(21, "Northern America", Sub, Some(19)),
    m49(143, "Central Asia", Sub, Some(142)),
    m49(30, "Eastern Asia", Sub, Some(142)),
    m49(35, "South-eastern Asia", Sub, Some(142)),
    m49(34, "Southern Asia", Sub, Some(142)),
    m49(145, "Western Asia", Sub, Some(142)),
    m49(151, "Eastern Europe", Sub, Some(150)),
    m49(154, "Northern Europe", Sub, Some(150)),
    m49(39, "Southern Europe", Sub, Some(150)),
    m49(155, "Western Europe", Sub, Some(150)),
    m49(53, "Australia and New Zealand", Sub, Some(9)),
    m49(54, "Melanesia", Sub, Some(9)),
    m49(57, "Micronesia", Sub, Some(9)),
    m49(61, "Polynesia", Sub, Some(9)),
    m49(14, "Eastern Africa", Int, Some(202)),
    m49(17, "Middle Africa", Int, Some(202)),
    m49(18, "Southern Africa", Int, Some(202)),
    m49(11, "Western Africa", Int, Some(202)),
    m49(29, "Caribbean", Int, Some(419)),
    m49(13, "Central America", Int, Some(419)),
    m49(5, "South America", Int, Some(419)),
    m49(830, "Channel Islands", Int, Some(154)),
    sdg(202, "SSA", "Sub-Saharan Africa"),
    sdg(747, "NAWA", "Northern Africa and Western Asia"),
    sdg(62, "CSA", "Central and Southern Asia"),
    sdg(753, "ESEA", "Eastern and South-Eastern Asia"),
    sdg(419, "LAC", "Latin America and the Caribbean"),
    sdg(543, "OCE", "Oceania (excluding Australia and New Zealand)"),
    sdg(53, "ANZ", "Australia and New Zealand"),
    sdg(513, "ENA", "Europe and Northern America"),
];

/// The M49 sub-regions that make up each SDG region, by SDG region code.
const SDG_PARTS: &[(u16, &[u16])] = &[
    (202, &[202]),
    (747, &[15, 145]),
    (62, &[143, 34]),
    (753, &[30, 35]),
    (419, &[419]),
    (543, &[54, 57, 61]),
    (53, &[53]),
    (513, &[150, 21]),
];

/// The countries and areas of each smallest M49 group (ISO 3166-1 alpha-3 codes).
const MEMBERS: &[(u16, &[&str])] = &[
    (15, &["DZA", "EGY", "ESH", "LBY", "MAR", "SDN", "TUN"]),
    (
        14,
        &[
            "ATF", "BDI", "COM", "DJI", "ERI", "ETH", "IOT", "KEN", "MDG", "MOZ", "MUS", "MWI",
            "MYT", "REU", "RWA", "SOM", "SSD", "SYC", "TZA", "UGA", "ZMB", "ZWE",
        ],
    ),
    (17, &["AGO", "CAF", "CMR", "COD", "COG", "GAB", "GNQ", "STP", "TCD"]),
    (18, &["BWA", "LSO", "NAM", "SWZ", "ZAF"]),
    (
        11,
        &[
            "BEN", "BFA", "CIV", "CPV", "GHA", "GIN", "GMB", "GNB", "LBR", "MLI", "MRT", "NER",
            "NGA", "SEN", "SHN", "SLE", "TGO",
        ],
    ),
    (
        29,
        &[
            "ABW", "AIA", "ATG", "BES", "BHS", "BLM", "BRB", "CUB", "CUW", "CYM", "DMA", "DOM",
            "GLP", "GRD", "HTI", "JAM", "KNA", "LCA", "MAF", "MSR", "MTQ", "PRI", "SXM", "TCA",
            "TTO", "VCT", "VGB", "VIR",
        ],
    ),
    (13, &["BLZ", "CRI", "GTM", "HND", "MEX", "NIC", "PAN", "SLV"]),
    (
        5,
        &[
            "ARG", "BOL", "BRA", "BVT", "CHL", "COL", "ECU", "FLK", "GUF", "GUY", "PER", "PRY",
            "SGS", "SUR", "URY", "VEN",
        ],
    ),
    (21, &["BMU", "CAN", "GRL", "SPM", "USA"]),
    (143, &["KAZ", "KGZ", "TJK", "TKM", "UZB"]),
    (30, &["CHN", "HKG", "JPN", "KOR", "MAC", "MNG", "PRK", "TWN"]),
    (35, &["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "TLS", "VNM"]),
    (34, &["AFG", "BGD", "BTN", "IND", "IRN", "LKA", "MDV", "NPL", "PAK"]),
    (
        145,
        &[
            "ARE", "ARM", "AZE", "BHR", "CYP", "GEO", "IRQ", "ISR", "JOR", "KWT", "LBN", "OMN",
            "PSE", "QAT", "SAU", "SYR", "TUR", "YEM",
        ],
    ),
    (151, &["BGR", "BLR", "CZE", "HUN", "MDA", "POL", "ROU", "RUS", "SVK", "UKR"]),
    (
        154,
        &[
            "ALA", "DNK", "EST", "FIN", "FRO", "GBR", "IMN", "IRL", "ISL", "LTU", "LVA", "NOR",
            "SJM", "SWE",
        ],
    ),
    (830, &["CHI", "GGY", "JEY"]),
    (
        39,
        &[
            "ALB", "AND", "BIH", "ESP", "GIB", "GRC", "HRV", "ITA", "MKD", "MLT", "MNE", "PRT",
            "SMR", "SRB", "SVN", "VAT", "XKX",
        ],
    ),
    (155, &["AUT", "BEL", "CHE", "DEU", "FRA", "LIE", "LUX", "MCO", "NLD"]),
    (53, &["AUS", "CCK", "CXR", "HMD", "NFK", "NZL"]),
    (54, &["FJI", "NCL", "PNG", "SLB", "VUT"]),
    (57, &["FSM", "GUM", "KIR", "MHL", "MNP", "NRU", "PLW", "UMI"]),
    (61, &["ASM", "COK", "NIU", "PCN", "PYF", "TKL", "TON", "TUV", "WLF", "WSM"]),
];

/// Every region (M49 groups and SDG regions).
pub fn regions() -> &'static [Region] {
    GROUPS
}

/// The M49 group with `code` (regions, sub-regions and intermediate regions).
pub fn m49_region(code: u16) -> Option<&'static Region> {
    GROUPS.iter().find(|r| r.code == code && r.kind != RegionKind::SdgRegion)
}

/// The SDG region with `code`.
pub fn sdg_region(code: u16) -> Option<&'static Region> {
    GROUPS.iter().find(|r| r.code == code && r.kind == RegionKind::SdgRegion)
}

/// Whether M49 group `inner` is `outer` or lies inside it.
fn within(inner: u16, outer: u16) -> bool {
    let mut at = Some(inner);
    while let Some(code) = at {
        if code == outer {
            return true;
        }
        at = m49_region(code).and_then(|r| r.parent);
    }
    false
}

/// The countries and areas of `region`, sorted by alpha-3 code.
pub fn members(region: &Region) -> Vec<Iso3> {
    let parts: &[u16] = match region.kind {
        RegionKind::SdgRegion => {
            SDG_PARTS.iter().find(|(c, _)| *c == region.code).map_or(&[], |(_, p)| *p)
        }
        _ => std::slice::from_ref(&region.code),
    };
    let mut out: Vec<Iso3> = MEMBERS
        .iter()
        .filter(|(leaf, _)| parts.iter().any(|&p| within(*leaf, p)))
        .flat_map(|(_, codes)| {
            codes.iter().map(|c| Iso3::parse(c).unwrap_or(Iso3::from_static("ZZZ")))
        })
        .collect();
    out.sort();
    out
}

/// The regions an area belongs to, smallest M49 group first, then its SDG region.
/// Empty for areas in no region (Antarctica, fictional areas).
pub fn regions_of(area: Iso3) -> Vec<&'static Region> {
    let Some(&(leaf, _)) = MEMBERS.iter().find(|(_, codes)| codes.contains(&area.as_str())) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = Some(leaf);
    while let Some(code) = at {
        let Some(r) = m49_region(code) else { break };
        out.push(r);
        at = r.parent;
    }
    if let Some(&(sdg_code, _)) =
        SDG_PARTS.iter().find(|(_, parts)| parts.iter().any(|&p| within(leaf, p)))
    {
        out.extend(sdg_region(sdg_code));
    }
    out
}

/// Finds a region by M49 code (`"202"`, `"002"`), SDG abbreviation (`"SSA"`,
/// `"SDG-SSA"`) or name (case-insensitive). A name shared by an M49 group and an SDG
/// region with the same members (e.g. "Sub-Saharan Africa") finds the M49 group.
pub fn find_region(query: &str) -> Option<&'static Region> {
    let q = query.trim();
    if q.is_empty() {
        return None;
    }
    if q.bytes().all(|b| b.is_ascii_digit()) {
        let code: u16 = q.parse().ok()?;
        return m49_region(code).or_else(|| sdg_region(code));
    }
    let abbr = q.strip_prefix("SDG-").or_else(|| q.strip_prefix("sdg-")).unwrap_or(q);
    if let Some(r) = GROUPS.iter().find(|r| !r.abbr.is_empty() && r.abbr.eq_ignore_ascii_case(abbr))
    {
        return Some(r);
    }
    let fold = |s: &str| -> String {
        s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    let folded = fold(q);
    GROUPS.iter().find(|r| fold(r.name) == folded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::area::{real_area, real_areas};

    #[test]
    fn every_member_is_a_real_area_once() {
        let mut seen = std::collections::BTreeSet::new();
        for (_, codes) in MEMBERS {
            for c in *codes {
                let iso3 = Iso3::parse(c).unwrap();
                assert!(real_area(iso3).is_some(), "{c}");
                assert!(seen.insert(iso3), "{c} twice");
            }
        }
        // Every real area but Antarctica.
        assert_eq!(seen.len(), real_areas().len() - 1);
    }

    #[test]
    fn sdg_regions_partition_the_regions() {
        let n: usize = GROUPS
            .iter()
            .filter(|r| r.kind == RegionKind::SdgRegion)
            .map(|r| members(r).len())
            .sum();
        let m: usize =
            GROUPS.iter().filter(|r| r.kind == RegionKind::Region).map(|r| members(r).len()).sum();
        assert_eq!(n, m);
    }

    #[test]
    fn lookups() {
        assert_eq!(find_region("Sub-Saharan Africa").unwrap().kind, RegionKind::SubRegion);
        assert_eq!(find_region("SDG-SSA").unwrap().kind, RegionKind::SdgRegion);
        assert_eq!(find_region("nawa").unwrap().code, 747);
        assert_eq!(find_region("002").unwrap().name, "Africa");
        let phl = regions_of(Iso3::from_static("PHL"));
        let names: Vec<&str> = phl.iter().map(|r| r.name).collect();
        assert_eq!(names, ["South-eastern Asia", "Asia", "Eastern and South-Eastern Asia"]);
        let kosovo: Vec<&str> =
            regions_of(Iso3::from_static("XKX")).iter().map(|r| r.name).collect();
        assert_eq!(kosovo, ["Southern Europe", "Europe", "Europe and Northern America"]);
        let channel: Vec<u16> =
            regions_of(Iso3::from_static("CHI")).iter().map(|r| r.code).collect();
        assert_eq!(channel, [830, 154, 150, 513]);
        assert!(
            members(find_region("Europe and Northern America").unwrap())
                .contains(&Iso3::from_static("USA"))
        );
    }
}
