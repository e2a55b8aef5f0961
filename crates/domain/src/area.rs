//! Countries and areas.
//!
//! An area is identified by its ISO 3166-1 alpha-3 code ([`Iso3`]); real areas also
//! carry their UN M49 numeric code ([`M49`]), which for countries and areas equals the
//! ISO 3166-1 numeric code. The full table of real countries and areas is authored in
//! this crate ([`real_areas`]); its source and review notes are in `table.rs`.
//!
//! A few real areas that official publishers list separately have no ISO 3166-1 code;
//! they are kept under the code their publishers give them, which lies in a
//! user-assigned range: Kosovo (`XKX`, the World Bank's code) and the Channel Islands
//! (`CHI`, the World Bank's code; M49 830). [`RealArea::publisher`] names the
//! publisher of such a code; the list is documented in `table.rs`.
//!
//! Fictional areas, such as those of Coherence's demo world, use every other code of
//! the ISO 3166-1 *user-assigned* alpha-3 ranges (`AAA`–`AAZ`, `QMA`–`QZZ`,
//! `XAA`–`XZZ`, `ZZA`–`ZZZ`), which ISO guarantees will never be given to a real
//! country, and have no M49 code ([`Iso3::is_fictional`]).

use std::fmt;

pub mod regions;
mod table;

/// An ISO 3166-1 alpha-3 code. Always three upper-case ASCII letters.
///
/// A parsed code is not necessarily assigned: use [`real_area`] to look it up, or
/// [`Iso3::is_fictional`] to tell a fictional code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Iso3([u8; 3]);

impl Iso3 {
    /// Parses a code. Lower-case letters are accepted and upper-cased; surrounding
    /// white space is not accepted.
    ///
    /// # Errors
    /// Returns [`ParseCodeError`] if `s` is not three ASCII letters.
    pub fn parse(s: &str) -> Result<Iso3, ParseCodeError> {
        let bytes = s.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(ParseCodeError { kind: "ISO 3166-1 alpha-3", input: s.to_owned() });
        }
        Ok(Iso3([
            bytes[0].to_ascii_uppercase(),
            bytes[1].to_ascii_uppercase(),
            bytes[2].to_ascii_uppercase(),
        ]))
    }

    /// Builds a code from a literal known to be valid; for tables and tests.
    ///
    /// # Panics
    /// Panics if `s` is not three upper-case ASCII letters.
    pub const fn from_static(s: &'static str) -> Iso3 {
        let b = s.as_bytes();
        assert!(b.len() == 3, "an ISO alpha-3 code has three letters");
        assert!(
            b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase()
        );
        Iso3([b[0], b[1], b[2]])
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        // The bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Whether the code lies in one of the ISO 3166-1 user-assigned ranges
    /// (`AAA`–`AAZ`, `QMA`–`QZZ`, `XAA`–`XZZ`, `ZZA`–`ZZZ`), which ISO never gives to
    /// a country. Publishers use some of them for real areas outside ISO 3166-1
    /// (Kosovo's `XKX`), so this does not say that the area is fictional: ask
    /// [`Iso3::is_fictional`] for that.
    pub fn is_user_assigned(&self) -> bool {
        let [a, b, _] = self.0;
        (a == b'A' && b == b'A')
            || (a == b'Q' && b >= b'M')
            || a == b'X'
            || (a == b'Z' && b == b'Z')
    }

    /// Whether the code stands for a fictional area: a user-assigned code
    /// ([`Iso3::is_user_assigned`]) that is not one of the publisher codes of real
    /// areas outside ISO 3166-1 in the table of real areas (`XKX` Kosovo, `CHI`
    /// Channel Islands). The demo world's codes (`XAA`…) are fictional.
    pub fn is_fictional(&self) -> bool {
        self.is_user_assigned() && real_area(*self).is_none()
    }
}

impl fmt::Display for Iso3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Iso3 {
    type Err = ParseCodeError;
    fn from_str(s: &str) -> Result<Iso3, ParseCodeError> {
        Iso3::parse(s)
    }
}

/// A UN M49 numeric code (countries, areas and regions), 1 to 999 for countries and
/// areas; the UN uses larger numbers for some aggregates (e.g. SDG regions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct M49(u16);

impl M49 {
    /// Makes a code from its number.
    ///
    /// # Errors
    /// Returns [`ParseCodeError`] for 0.
    pub fn new(code: u16) -> Result<M49, ParseCodeError> {
        if code == 0 {
            return Err(ParseCodeError { kind: "UN M49", input: "0".to_owned() });
        }
        Ok(M49(code))
    }

    /// Parses a code given as digits, with or without leading zeros (`"4"`, `"004"`).
    ///
    /// # Errors
    /// Returns [`ParseCodeError`] if `s` is not a positive number below 65,536.
    pub fn parse(s: &str) -> Result<M49, ParseCodeError> {
        let err = || ParseCodeError { kind: "UN M49", input: s.to_owned() };
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        s.parse::<u16>().ok().filter(|&c| c > 0).map(M49).ok_or_else(err)
    }

    /// The numeric value.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for M49 {
    /// Formats the code zero-padded to three digits, as the UN publishes it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

/// An identifier that could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseCodeError {
    kind: &'static str,
    input: String,
}

impl fmt::Display for ParseCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a valid {} code", self.input, self.kind)
    }
}

impl std::error::Error for ParseCodeError {}

/// What kind of area an [`Area`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AreaKind {
    /// A sovereign state: one of the 193 UN member states or the two observer states.
    Sovereign,
    /// A dependent territory or any other real area that is not a UN member or
    /// observer state, with an ISO 3166-1 code or a publisher's code (Kosovo).
    Territory,
    /// A fictional area (an ISO user-assigned code that no publisher uses for a real
    /// area), such as a demo-world country.
    Fictional,
}

impl AreaKind {
    /// A stable lower-case name, used in storage and output.
    pub fn as_str(self) -> &'static str {
        match self {
            AreaKind::Sovereign => "sovereign",
            AreaKind::Territory => "territory",
            AreaKind::Fictional => "fictional",
        }
    }

    /// Parses [`AreaKind::as_str`]'s output.
    pub fn parse(s: &str) -> Option<AreaKind> {
        match s {
            "sovereign" => Some(AreaKind::Sovereign),
            "territory" => Some(AreaKind::Territory),
            "fictional" => Some(AreaKind::Fictional),
            _ => None,
        }
    }
}

/// A country or area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Area {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: Iso3,
    /// UN M49 code; `None` for fictional areas.
    pub m49: Option<M49>,
    /// Short English name (UN terminology where the UN lists the area).
    pub name: String,
    /// Sovereign state, territory or fictional area.
    pub kind: AreaKind,
}

impl Area {
    /// Whether this area is fictional.
    pub fn is_fictional(&self) -> bool {
        self.kind == AreaKind::Fictional
    }
}

/// One row of the authored table of real countries and areas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RealArea {
    /// ISO 3166-1 alpha-3 code, or for an area outside ISO 3166-1 the code its
    /// publishers use ([`RealArea::publisher`]).
    pub iso3: Iso3,
    /// ISO 3166-1 alpha-2 code (for an area outside ISO 3166-1, the publisher's).
    pub iso2: &'static str,
    /// UN M49 code (equal to the ISO 3166-1 numeric code). For an area outside
    /// ISO 3166-1, the numeric code UN DESA uses (Kosovo's 412 is World Population
    /// Prospects' code; M49 itself does not list Kosovo).
    pub m49: M49,
    /// Short English name.
    pub name: &'static str,
    /// Whether the area is a sovereign state or a territory.
    pub kind: AreaKind,
    /// `None` for an ISO 3166-1 code; for a real area outside ISO 3166-1, the
    /// publisher whose code `iso3` is (e.g. `"World Bank"` for Kosovo's `XKX`).
    pub publisher: Option<&'static str>,
}

impl RealArea {
    /// This row as an owned [`Area`].
    pub fn to_area(&self) -> Area {
        Area { iso3: self.iso3, m49: Some(self.m49), name: self.name.to_owned(), kind: self.kind }
    }
}

/// Every real country and area: those with an ISO 3166-1 code and the few that
/// publishers code outside it ([`RealArea::publisher`]), sorted by alpha-3 code.
pub fn real_areas() -> &'static [RealArea] {
    table::REAL_AREAS
}

/// Looks up a real area by its alpha-3 code.
pub fn real_area(iso3: Iso3) -> Option<&'static RealArea> {
    let areas = real_areas();
    areas.binary_search_by(|a| a.iso3.cmp(&iso3)).ok().map(|i| &areas[i])
}

/// Looks up a real area by its M49 code.
pub fn real_area_by_m49(m49: M49) -> Option<&'static RealArea> {
    real_areas().iter().find(|a| a.m49 == m49)
}

/// Looks up a real area by any of its identifiers: an ISO 3166-1 alpha-3 code
/// (`"PHL"`), an alpha-2 code (`"PH"`), an M49 number with or without leading zeros
/// (`"608"`, `"004"`), or its name in the table (`"Philippines"`).
///
/// Codes and names are matched case-insensitively. A name must otherwise match the
/// table's name exactly, except that the typographic apostrophe (`’`) and the ASCII
/// one (`'`) count as the same: `"côte d'ivoire"` finds `Côte d’Ivoire`, but
/// `"Cote d'Ivoire"` (no diacritic) and `"Bolivia"` (short form) find nothing.
/// Surrounding white space is ignored. Returns `None` when nothing matches,
/// including for fictional codes; the publisher codes of real areas outside
/// ISO 3166-1 (`XKX`, `CHI`) are found.
pub fn find_real_area(query: &str) -> Option<&'static RealArea> {
    let query = query.trim();
    if query.is_empty() {
        return None;
    }
    let bytes = query.as_bytes();
    if bytes.iter().all(u8::is_ascii_digit) {
        return M49::parse(query).ok().and_then(real_area_by_m49);
    }
    if bytes.len() == 2 && bytes.iter().all(u8::is_ascii_alphabetic) {
        return real_areas().iter().find(|a| a.iso2.eq_ignore_ascii_case(query));
    }
    if let Some(area) = Iso3::parse(query).ok().and_then(real_area) {
        return Some(area);
    }
    real_areas().iter().find(|a| same_name(a.name, query))
}

/// Whether two names are equal ignoring case and the kind of apostrophe.
fn same_name(a: &str, b: &str) -> bool {
    fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }).flat_map(char::to_lowercase)
    }
    fold(a).eq(fold(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_normalises_iso3() {
        assert_eq!(Iso3::parse("phl").unwrap().as_str(), "PHL");
        assert!(Iso3::parse("PH").is_err());
        assert!(Iso3::parse("PH1").is_err());
        assert!(Iso3::parse(" PHL").is_err());
    }

    #[test]
    fn user_assigned_ranges() {
        for code in ["AAA", "AAZ", "QMA", "QZZ", "XAA", "XZZ", "ZZA", "ZZZ"] {
            assert!(Iso3::from_static(code).is_user_assigned(), "{code}");
            assert!(Iso3::from_static(code).is_fictional(), "{code}");
        }
        for code in ["ABW", "QAT", "QLZ", "ZAF", "ZWE", "PHL", "CHI"] {
            assert!(!Iso3::from_static(code).is_user_assigned(), "{code}");
            assert!(!Iso3::from_static(code).is_fictional(), "{code}");
        }
    }

    #[test]
    fn publisher_codes_are_real_not_fictional() {
        let xkx = Iso3::from_static("XKX");
        assert!(xkx.is_user_assigned(), "XKX lies in the user-assigned range");
        assert!(!xkx.is_fictional(), "XKX is Kosovo, a real area");
        let kosovo = real_area(xkx).unwrap();
        assert_eq!(
            (kosovo.name, kosovo.m49.get(), kosovo.kind, kosovo.publisher),
            ("Kosovo", 412, AreaKind::Territory, Some("World Bank"))
        );
        let chi = real_area(Iso3::from_static("CHI")).unwrap();
        assert_eq!(
            (chi.name, chi.m49.get(), chi.publisher),
            ("Channel Islands", 830, Some("World Bank"))
        );
        let publisher_coded: Vec<&str> = real_areas()
            .iter()
            .filter(|a| a.publisher.is_some())
            .map(|a| a.iso3.as_str())
            .collect();
        assert_eq!(publisher_coded, ["CHI", "XKX"]);
        assert!(Iso3::from_static("XAA").is_fictional(), "the demo world stays fictional");
        assert!(Iso3::from_static("XKA").is_fictional());
    }

    #[test]
    fn m49_parse_and_display() {
        assert_eq!(M49::parse("004").unwrap().get(), 4);
        assert_eq!(M49::parse("608").unwrap().to_string(), "608");
        assert_eq!(M49::new(4).unwrap().to_string(), "004");
        assert!(M49::parse("0").is_err());
        assert!(M49::parse("-4").is_err());
        assert!(M49::parse("").is_err());
    }

    #[test]
    fn table_is_sorted_unique_and_real() {
        let areas = real_areas();
        assert!(areas.len() >= 240, "the ISO 3166-1 table has 249 entries, got {}", areas.len());
        for pair in areas.windows(2) {
            assert!(pair[0].iso3 < pair[1].iso3, "{} before {}", pair[0].iso3, pair[1].iso3);
        }
        for a in areas {
            assert!(!a.iso3.is_fictional(), "{} is fictional", a.iso3);
            // Only a documented publisher code may lie in the user-assigned ranges.
            if a.iso3.is_user_assigned() {
                assert!(a.publisher.is_some(), "{} is user-assigned, not a publisher code", a.iso3);
            }
            assert_eq!(real_area(a.iso3), Some(a));
            assert_eq!(real_area_by_m49(a.m49).map(|r| r.iso3), Some(a.iso3));
        }
    }

    #[test]
    fn well_known_rows() {
        let phl = real_area(Iso3::from_static("PHL")).unwrap();
        assert_eq!((phl.m49.get(), phl.name, phl.kind), (608, "Philippines", AreaKind::Sovereign));
        let mex = real_area(Iso3::from_static("MEX")).unwrap();
        assert_eq!(mex.m49.get(), 484);
        assert_eq!(real_area_by_m49(M49::new(356).unwrap()).unwrap().iso3.as_str(), "IND");
    }

    #[test]
    fn table_counts() {
        let areas = real_areas();
        assert_eq!(areas.len(), 251, "249 ISO 3166-1 codes and 2 publisher codes");
        assert_eq!(areas.iter().filter(|a| a.publisher.is_none()).count(), 249);
        let sovereign = areas.iter().filter(|a| a.kind == AreaKind::Sovereign).count();
        assert_eq!(sovereign, 195, "193 UN member states and 2 observer states");
        assert!(areas.iter().all(|a| a.kind != AreaKind::Fictional));
        assert!(real_area(Iso3::from_static("XKA")).is_none(), "a fictional code");
        for a in areas {
            assert!(
                a.iso2.len() == 2 && a.iso2.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                a.iso3
            );
            assert_eq!(areas.iter().filter(|b| b.iso2 == a.iso2).count(), 1, "{}", a.iso2);
            assert!(!a.name.is_empty() && a.name.trim() == a.name, "{}", a.iso3);
            let same = areas.iter().filter(|b| same_name(a.name, b.name)).count();
            assert_eq!(same, 1, "{} is not unique: find_real_area would be ambiguous", a.name);
        }
    }

    #[test]
    fn find_by_codes() {
        let code = |q: &str| find_real_area(q).map(|a| a.iso3.as_str());
        assert_eq!(code("PHL"), Some("PHL"));
        assert_eq!(code("phl"), Some("PHL"));
        assert_eq!(code("PH"), Some("PHL"));
        assert_eq!(code("ph"), Some("PHL"));
        assert_eq!(code("608"), Some("PHL"));
        assert_eq!(code("004"), Some("AFG"));
        assert_eq!(code("4"), Some("AFG"));
        assert_eq!(code(" GB "), Some("GBR"));
        assert_eq!(code("NA"), Some("NAM"), "Namibia's alpha-2 code is not a missing value");
        assert_eq!(code("XKX"), Some("XKX"), "Kosovo, under the World Bank's code");
        assert_eq!(code("XK"), Some("XKX"));
        assert_eq!(code("412"), Some("XKX"), "World Population Prospects' code");
        assert_eq!(code("CHI"), Some("CHI"));
        assert_eq!(code("830"), Some("CHI"));
        assert_eq!(code("XAA"), None, "fictional");
        assert_eq!(code("0"), None);
        assert_eq!(code("999"), None);
        assert_eq!(code(""), None);
        assert_eq!(code("P"), None);
    }

    #[test]
    fn find_by_name() {
        let code = |q: &str| find_real_area(q).map(|a| a.iso3.as_str());
        assert_eq!(code("Philippines"), Some("PHL"));
        assert_eq!(code("philippines"), Some("PHL"));
        assert_eq!(code("TÜRKIYE"), Some("TUR"));
        assert_eq!(code("Bolivia (Plurinational State of)"), Some("BOL"));
        assert_eq!(code("United Kingdom of Great Britain and Northern Ireland"), Some("GBR"));
        assert_eq!(code("Côte d’Ivoire"), Some("CIV"));
        assert_eq!(code("côte d'ivoire"), Some("CIV"));
        assert_eq!(code("Lao People’s Democratic Republic"), Some("LAO"));
        assert_eq!(code("Philippine"), None, "names match exactly");
        assert_eq!(code("Bolivia"), None, "names match exactly");
        assert_eq!(code("Cote d'Ivoire"), None, "diacritics are not folded");
    }
}
