//! The languages of Coherence: which texts a reader sees, and how numbers, dates and
//! country names are written, in English, French, Spanish and Arabic.
//!
//! * [`Lang`] names a language (`en`, `fr`, `es`, `ar`) and its direction; a fifth,
//!   the pseudo-language `en-XA`, lengthens every English text by about 40 % so that
//!   tests can find layouts that only fit English.
//! * [`Messages`] holds a language's texts, read from the Fluent message files in
//!   `locales/LANG/` (compiled into the binary) with the plural rules of
//!   the Unicode CLDR ([`Messages::text`], [`Messages::format`]).
//! * [`number`] and [`date`] write numbers, percentages and dates by each language's
//!   conventions (the choices are documented there).
//! * [`names`] holds the UN's names of the real countries and areas in French, Spanish
//!   and Arabic; [`Lang::country_name`] picks one.
//!
//! The crate does no I/O: everything it reads is compiled in.

pub mod date;
mod messages;
pub mod names;
pub mod number;
mod pseudo;

pub use messages::{Arg, Messages, PARTS};

/// A language of the briefs, tables and pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Arabic, written right to left.
    Ar,
    /// The pseudo-language `en-XA`: English with every text lengthened by about 40 %
    /// and its letters accented, for layout tests. Not offered to readers.
    Pseudo,
}

/// A language code that is not one of [`Lang::OFFERED`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {code:?}: the languages are en, fr, es and ar")]
pub struct UnknownLang {
    /// The code as given.
    pub code: String,
}

impl Lang {
    /// The languages offered to readers, in the order menus list them.
    pub const OFFERED: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ar];

    /// Every language with message files, the pseudo-language included.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ar, Lang::Pseudo];

    /// The BCP 47 code (`en`, `fr`, `es`, `ar`; `en-XA` for the pseudo-language).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The language's own name, for a menu (`Français`, `العربية`).
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ar => "العربية",
            Lang::Pseudo => "Ƥşḗŭḓǿ",
        }
    }

    /// Reads a code: `en`, `fr`, `es`, `ar` (any case, with or without a region such
    /// as `fr-CH`), or `en-XA` for the pseudo-language.
    pub fn parse(code: &str) -> Result<Lang, UnknownLang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower == "en-xa" {
            return Ok(Lang::Pseudo);
        }
        let primary = lower.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Ok(Lang::En),
            "fr" => Ok(Lang::Fr),
            "es" => Ok(Lang::Es),
            "ar" => Ok(Lang::Ar),
            _ => Err(UnknownLang { code: code.to_owned() }),
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The value of HTML's `dir` attribute: `rtl` or `ltr`.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The language's messages.
    pub fn messages(self) -> &'static Messages {
        Messages::of(self)
    }

    /// The name of a country or area in this language: the UN's name from [`names`]
    /// for a real code, else `english` (the English name, which is also what
    /// fictional areas of the demo world keep in every language: they are proper
    /// names). The pseudo-language lengthens the English name.
    pub fn country_name(self, iso3: &str, english: &str) -> String {
        let row = names::row(iso3);
        match (self, row) {
            (Lang::Fr, Some(r)) => r.2.to_owned(),
            (Lang::Es, Some(r)) => r.3.to_owned(),
            (Lang::Ar, Some(r)) => r.4.to_owned(),
            (Lang::Pseudo, _) => pseudo::lengthen(english),
            _ => english.to_owned(),
        }
    }

    /// The name of a country as running text writes it: [`Lang::country_name`]
    /// without the bracketed article of the UN's French and Spanish lists ("France",
    /// not "France (la)"), as the UN's own sentences name countries. Names whose
    /// bracket is part of the name ("Iran (République islamique d')") keep it.
    pub fn country_in_text(self, iso3: &str, english: &str) -> String {
        let name = self.country_name(iso3, english);
        const ARTICLES: [&str; 7] =
            [" (la)", " (le)", " (l')", " (les)", " (el)", " (las)", " (los)"];
        match ARTICLES.iter().find_map(|a| name.strip_suffix(a)) {
            Some(bare) => bare.to_owned(),
            None => name,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(code: &str) -> Result<Lang, UnknownLang> {
        Lang::parse(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_regions_are_accepted() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Ok(lang));
        }
        assert_eq!(Lang::parse("fr-CH"), Ok(Lang::Fr));
        assert_eq!(Lang::parse(" AR "), Ok(Lang::Ar));
        let err = Lang::parse("de").unwrap_err();
        assert!(err.to_string().contains("en, fr, es and ar"), "{err}");
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        for lang in [Lang::En, Lang::Fr, Lang::Es, Lang::Pseudo] {
            assert_eq!(lang.dir(), "ltr");
        }
    }

    #[test]
    fn country_names_come_from_the_table_and_fall_back_to_english() {
        assert_eq!(Lang::Fr.country_name("FRA", "France"), "France (la)");
        assert_eq!(Lang::Es.country_name("NPL", "Nepal"), "Nepal");
        assert_eq!(Lang::Ar.country_name("QAT", "Qatar"), "قطر");
        assert_eq!(Lang::Fr.country_name("XAA", "Aldmark"), "Aldmark");
        assert_eq!(Lang::En.country_name("FRA", "France"), "France");
    }
}
