//! The brief's colophon: when it was generated, by which version of Coherence, and
//! from which dataset editions.
//!
//! The date is given by the caller, never read here (this crate reads no clock): the
//! CLI and the server pass today's UTC date, or the date of `SOURCE_DATE_EPOCH` when
//! that variable is set, so that the same data and the same epoch give the same bytes.

use std::fmt;

/// What a brief says about its own making.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colophon {
    /// The generation date (UTC).
    pub date: Date,
    /// The version of Coherence that wrote the brief, e.g. `0.4.1`.
    pub version: String,
}

impl Colophon {
    /// A colophon for the UTC date of `unix_seconds` (seconds since 1970-01-01T00:00Z)
    /// and the given version.
    pub fn at(unix_seconds: i64, version: &str) -> Colophon {
        Colophon { date: Date::from_unix_seconds(unix_seconds), version: version.to_owned() }
    }
}

/// The options a brief is rendered with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefOptions {
    /// Date, version and editions, shown in the header, "About this brief" and the footer.
    pub colophon: Colophon,
    /// The language the brief is written in.
    pub lang: i18n::Lang,
}

impl BriefOptions {
    /// Options with the given colophon, in English.
    pub fn new(colophon: Colophon) -> BriefOptions {
        BriefOptions { colophon, lang: i18n::Lang::En }
    }

    /// The same options in `lang`.
    pub fn in_lang(self, lang: i18n::Lang) -> BriefOptions {
        BriefOptions { lang, ..self }
    }
}

/// A calendar date in the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year.
    pub year: i64,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

impl Date {
    /// The UTC date of `unix_seconds` (negative: before 1970).
    pub fn from_unix_seconds(unix_seconds: i64) -> Date {
        let (year, month, day) = domain::time::civil_from_days(unix_seconds.div_euclid(86_400));
        Date { year, month, day }
    }

    /// The date written out in the language being rendered ([`crate::words`]): "7
    /// December 2026", "7 décembre 2026" (`i18n::date`); a year beyond ±2 billion as
    /// ISO 8601.
    pub fn long(&self) -> String {
        match i32::try_from(self.year) {
            Ok(year) => i18n::date::long(crate::words::lang(), year, self.month, self.day),
            Err(_) => self.to_string(),
        }
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2026-12-07`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_become_utc_dates() {
        assert_eq!(Date::from_unix_seconds(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_seconds(86_399).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix_seconds(-1).to_string(), "1969-12-31");
        // 2000-02-29 (a leap day of a century year) and 2026-12-07.
        assert_eq!(Date::from_unix_seconds(951_782_400).to_string(), "2000-02-29");
        assert_eq!(Date::from_unix_seconds(1_796_601_600).to_string(), "2026-12-07");
        assert_eq!(Date::from_unix_seconds(1_796_601_600).long(), "7 December 2026");
        assert_eq!(Date::from_unix_seconds(4_107_542_400).to_string(), "2100-03-01");
    }
}
