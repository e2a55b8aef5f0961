//! Country harmonisation: the names and codes publishers use, matched to ISO 3166-1
//! alpha-3 codes, with regions and other aggregates recognised and kept apart.
//!
//! # Rules
//!
//! A name is matched after [`normalise`]: case, accents, punctuation and spacing do not
//! matter, nor do footnote marks, so "Guinea-Bissau", "Guinea Bissau" and
//! "GuineaBissau" are one name, as are "Côte d’Ivoire" and "Cote dIvoire". The
//! normalised name is looked up in this order:
//!
//! 1. the reviewed alias table `data/aliases.csv` (`alias,iso3,note`): UN, World Bank
//!    and common English names that differ from the domain table's names ("Turkey",
//!    "Ivory Coast"). An alias with an empty `iso3` is an area that no longer exists
//!    under a code of its own (the Netherlands Antilles, dissolved in 2010): it is
//!    recognised, and its values are skipped with a diagnostic;
//! 2. the aggregates table `data/aggregates.csv` (`scheme,key,name`): world, regions,
//!    development and income groups, "Other North"/"Other South" and the like;
//! 3. the names of [`domain::area::real_areas`] (UN M49 short names, and the real
//!    areas outside ISO 3166-1 under their publishers' codes: Kosovo `XKX`, the
//!    Channel Islands `CHI`).
//!
//! The unit test `no_two_areas_share_a_normalised_name` checks that the loose
//! normalisation never makes two different areas (or an area and an aggregate) share a
//! name.
//!
//! A numeric code is an M49 code: a real area if the domain table has it (including
//! the Channel Islands' 830 and Kosovo's 412, as World Population Prospects codes it),
//! an aggregate if it is 900 or above or listed as an M49 region in the aggregates
//! table. A three-letter code is an ISO alpha-3 code or one of the publisher codes of
//! the domain table (`XKX`, `CHI`), except the World Bank's aggregate codes (listed in
//! the aggregates table).
//!
//! Anything else is unknown: the readers stop with the complete list of unknown names
//! ([`crate::ImportErrorKind::UnknownAreas`]) unless told to skip them.

use std::collections::HashMap;
use std::sync::OnceLock;

use domain::Iso3;
use domain::area::{M49, real_area, real_area_by_m49, real_areas};

/// The reviewed alias table, `alias,iso3,note`.
const ALIASES: &str = include_str!("../data/aliases.csv");
/// The aggregates table, `scheme,key,name`.
const AGGREGATES: &str = include_str!("../data/aggregates.csv");

/// What a name or code stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaMatch {
    /// A real country or area.
    Area(Iso3),
    /// A region, income or development group, the world, or a residual such as
    /// "Other South": not a country.
    Aggregate,
    /// A former area that has no code of its own any more (the Netherlands Antilles,
    /// whose ISO code `ANT` was withdrawn in 2010): its values are not stored.
    WithoutIsoCode,
}

/// Normalises a name for matching: drops footnote marks (`*`, a trailing `(a)`-style
/// or numeric mark), folds case and common Latin diacritics, reads `&` as "and", and
/// keeps letters and digits only, so that punctuation and spacing do not matter
/// (`"Côte d’Ivoire"` and `"Cote dIvoire"` both give `"cotedivoire"`).
pub fn normalise(name: &str) -> String {
    let mut s = name.trim().trim_end_matches(['*', '†']).trim_end();
    // Footnote letters such as "Sudan (b)".
    if let Some(open) = s.rfind(" (")
        && s.ends_with(')')
        && s.len() - open <= 5
        && s[open + 2..s.len() - 1].chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        s = &s[..open];
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold(c) {
            Some(f) => out.push(f),
            None if c == '&' => out.push_str("and"),
            None if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            // Spaces, hyphens, apostrophes, commas, dots, parentheses...
            None => {}
        }
    }
    out
}

/// The plain letter of a common accented Latin letter.
fn fold(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ø' | 'Ø' | 'ő' | 'Ő' => 'o',
        'š' | 'Š' => 's',
        'č' | 'Č' | 'ć' | 'Ć' => 'c',
        'ž' | 'Ž' => 'z',
        'ł' | 'Ł' => 'l',
        'ű' | 'Ű' => 'u',
        _ => return None,
    })
}

struct Tables {
    names: HashMap<String, AreaMatch>,
    m49_regions: Vec<u16>,
    wb_codes: HashMap<String, AreaMatch>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build_tables)
}

fn build_tables() -> Tables {
    let mut names = HashMap::new();
    for area in real_areas() {
        names.insert(normalise(area.name), AreaMatch::Area(area.iso3));
    }
    let mut m49_regions = Vec::new();
    let mut wb_codes = HashMap::new();
    for row in csv_rows(AGGREGATES) {
        let (Some(scheme), Some(key)) = (row.first(), row.get(1)) else { continue };
        let key = key.clone();
        match scheme.as_str() {
            "name" => {
                names.insert(normalise(&key), AreaMatch::Aggregate);
            }
            "m49" => {
                m49_regions.extend(key.parse::<u16>().ok());
                // The region's name is an aggregate name too ("Caribbean", "Melanesia").
                if let Some(name) = row.get(2) {
                    names.insert(normalise(name), AreaMatch::Aggregate);
                }
            }
            "wb" => {
                wb_codes.insert(key, AreaMatch::Aggregate);
            }
            _ => {}
        }
    }
    // Aliases last: they are reviewed and take precedence.
    for row in csv_rows(ALIASES) {
        let (Some(alias), Some(code)) = (row.first(), row.get(1)) else { continue };
        let target = if code.is_empty() {
            AreaMatch::WithoutIsoCode
        } else {
            match Iso3::parse(code).ok().filter(|c| real_area(*c).is_some()) {
                Some(iso3) => AreaMatch::Area(iso3),
                // A typo in the table must not turn into a silent skip: the unit test
                // `alias_table_is_valid` checks every row.
                None => continue,
            }
        };
        names.insert(normalise(alias), target);
    }
    Tables { names, m49_regions, wb_codes }
}

/// The rows of an embedded CSV table, header and comment lines (`#`) skipped.
fn csv_rows(text: &'static str) -> impl Iterator<Item = Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(|f| f.trim().to_owned()).collect())
        .collect();
    rows.into_iter()
}

/// Matches a country or area name (UN, World Bank or short form).
pub fn match_name(name: &str) -> Option<AreaMatch> {
    let key = normalise(name);
    if key.is_empty() {
        return None;
    }
    tables().names.get(&key).copied()
}

/// Matches a UN M49 code (or the code UN DESA gives an area outside M49, such as
/// Kosovo's 412 in World Population Prospects).
pub fn match_m49(code: u16) -> Option<AreaMatch> {
    if let Some(area) = M49::new(code).ok().and_then(real_area_by_m49) {
        return Some(AreaMatch::Area(area.iso3));
    }
    if code >= 900 || tables().m49_regions.contains(&code) {
        return Some(AreaMatch::Aggregate);
    }
    None
}

/// Matches a World Bank economy or aggregate code (ISO alpha-3 for economies, and the
/// World Bank's own codes for Kosovo, `XKX`, and the Channel Islands, `CHI`).
pub fn match_wb_code(code: &str) -> Option<AreaMatch> {
    let code = code.trim();
    if let Some(m) = tables().wb_codes.get(&code.to_ascii_uppercase()) {
        return Some(*m);
    }
    Iso3::parse(code).ok().filter(|c| real_area(*c).is_some()).map(AreaMatch::Area)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(name: &str) -> Option<&'static str> {
        match match_name(name)? {
            AreaMatch::Area(iso3) => Some(real_area(iso3)?.iso3.as_str()),
            _ => None,
        }
    }

    #[test]
    fn alias_table_is_valid() {
        let mut seen = HashMap::new();
        for (i, row) in csv_rows(ALIASES).enumerate() {
            assert!(row.len() >= 2, "aliases.csv row {} has fewer than two fields", i + 2);
            let code = &row[1];
            if !code.is_empty() {
                let parsed = Iso3::parse(code).ok().and_then(real_area);
                assert!(
                    parsed.is_some(),
                    "aliases.csv: {code:?} for {:?} is not a real ISO code",
                    row[0]
                );
            }
            let key = normalise(&row[0]);
            if let Some(previous) = seen.insert(key.clone(), code.clone()) {
                assert_eq!(&previous, code, "aliases.csv: {key:?} maps to two codes");
            }
            // An alias that repeats the table's own name for another area would hide it.
            if let Some(area) = real_areas().iter().find(|a| normalise(a.name) == key) {
                assert_eq!(
                    area.iso3.as_str(),
                    code,
                    "aliases.csv: {key:?} contradicts the area table"
                );
            }
        }
    }

    #[test]
    fn names_of_several_publishers() {
        assert_eq!(iso("Egypt, Arab Rep."), Some("EGY"));
        assert_eq!(iso("Côte d'Ivoire"), Some("CIV"));
        assert_eq!(iso("Cote d'Ivoire"), Some("CIV"));
        assert_eq!(iso("  Guam* "), Some("GUM"));
        assert_eq!(iso("Türkiye"), Some("TUR"));
        assert_eq!(iso("Turkey"), Some("TUR"));
        assert_eq!(iso("Kosovo"), Some("XKX"));
        assert_eq!(iso("Kosovo (under UNSC res. 1244)"), Some("XKX"));
        assert_eq!(iso("Channel Islands"), Some("CHI"));
        assert_eq!(match_name("Netherlands Antilles"), Some(AreaMatch::WithoutIsoCode));
        assert_eq!(match_name("Other South"), Some(AreaMatch::Aggregate));
        assert_eq!(match_name("WORLD"), Some(AreaMatch::Aggregate));
        assert_eq!(match_name("Sub-Saharan Africa"), Some(AreaMatch::Aggregate));
        assert_eq!(match_name("Atlantis"), None);
    }

    #[test]
    fn codes() {
        assert_eq!(match_m49(608), Some(AreaMatch::Area(Iso3::from_static("PHL"))));
        assert_eq!(match_m49(900), Some(AreaMatch::Aggregate));
        assert_eq!(match_m49(1833), Some(AreaMatch::Aggregate));
        assert_eq!(match_m49(29), Some(AreaMatch::Aggregate));
        assert_eq!(match_m49(830), Some(AreaMatch::Area(Iso3::from_static("CHI"))));
        assert_eq!(match_m49(412), Some(AreaMatch::Area(Iso3::from_static("XKX"))));
        assert_eq!(match_m49(899), None);
        assert_eq!(match_wb_code("PHL"), Some(AreaMatch::Area(Iso3::from_static("PHL"))));
        assert_eq!(match_wb_code("WLD"), Some(AreaMatch::Aggregate));
        assert_eq!(match_wb_code("XKX"), Some(AreaMatch::Area(Iso3::from_static("XKX"))));
        assert_eq!(match_wb_code("CHI"), Some(AreaMatch::Area(Iso3::from_static("CHI"))));
        assert_eq!(match_wb_code("XKA"), None, "a fictional code is no World Bank code");
        assert_eq!(match_wb_code("QQQ"), None);
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalise("  Curaçao* "), "curacao");
        assert_eq!(normalise("Sudan (b)"), "sudan");
        assert_eq!(normalise("Lao People’s  Democratic Republic"), "laopeoplesdemocraticrepublic");
        assert_eq!(normalise("Bolivia (Plurinational State of)"), "boliviaplurinationalstateof");
        assert_eq!(normalise("Guinea-Bissau"), normalise("GuineaBissau"));
        assert_eq!(normalise("Guinea Bissau"), normalise("guinea-bissau"));
        assert_eq!(normalise("Côte d’Ivoire"), normalise("Cote dIvoire"));
    }

    #[test]
    fn spelling_without_hyphens_spaces_or_accents() {
        for (name, code) in [
            ("Turkey", "TUR"),
            ("Ivory Coast", "CIV"),
            ("GuineaBissau", "GNB"),
            ("Guinea Bissau", "GNB"),
            ("Guinea-Bissau", "GNB"),
            ("TimorLeste", "TLS"),
            ("Côte d'Ivoire", "CIV"),
            ("Cote dIvoire", "CIV"),
            ("CoteDIvoire", "CIV"),
            ("Korea Rep", "KOR"),
            ("Sao Tomé and Príncipe", "STP"),
            ("Trinidad & Tobago", "TTO"),
        ] {
            assert_eq!(iso(name), Some(code), "{name}");
        }
        // Loose matching keeps different areas apart.
        assert_eq!(iso("Niger"), Some("NER"));
        assert_eq!(iso("Nigeria"), Some("NGA"));
        assert_eq!(iso("Guinea"), Some("GIN"));
        assert_eq!(iso("Equatorial Guinea"), Some("GNQ"));
        assert_eq!(iso("Dominica"), Some("DMA"));
        assert_eq!(iso("Dominican Republic"), Some("DOM"));
    }

    /// The loose normalisation must not make two different areas, or an area and an
    /// aggregate, share a key: every name of the domain table, every alias and every
    /// aggregate name is normalised, and each key must stand for one thing.
    #[test]
    fn no_two_areas_share_a_normalised_name() {
        let mut owner: HashMap<String, (String, String)> = HashMap::new();
        let mut clashes = Vec::new();
        let mut claim = |name: &str, target: String| {
            let key = normalise(name);
            assert!(!key.is_empty(), "{name:?} normalises to nothing");
            match owner.get(&key) {
                Some((first, t)) if *t != target => {
                    clashes.push(format!("{name:?} ({target}) and {first:?} ({t}) share {key:?}"));
                }
                Some(_) => {}
                None => {
                    owner.insert(key, (name.to_owned(), target));
                }
            }
        };
        for area in real_areas() {
            claim(area.name, area.iso3.to_string());
        }
        for row in csv_rows(ALIASES) {
            let target = if row[1].is_empty() { "no code".to_owned() } else { row[1].clone() };
            claim(&row[0], target);
        }
        for row in csv_rows(AGGREGATES) {
            match row[0].as_str() {
                "name" => claim(&row[1], "aggregate".to_owned()),
                "m49" => claim(&row[2], "aggregate".to_owned()),
                _ => {}
            }
        }
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
    }
}
