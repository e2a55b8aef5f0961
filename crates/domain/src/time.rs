//! Calendar years and periods.

use std::fmt;

/// A calendar year. Coherence accepts years from 1900 to 2200.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Year(u16);

impl Year {
    /// The earliest year accepted.
    pub const MIN: Year = Year(1900);
    /// The latest year accepted.
    pub const MAX: Year = Year(2200);

    /// Makes a year.
    ///
    /// # Errors
    /// Returns [`YearError`] outside [`Year::MIN`]..=[`Year::MAX`].
    pub fn new(year: i64) -> Result<Year, YearError> {
        if (i64::from(Year::MIN.0)..=i64::from(Year::MAX.0)).contains(&year) {
            Ok(Year(year as u16))
        } else {
            Err(YearError(year.to_string()))
        }
    }

    /// Parses a year written as digits, allowing a trailing `.0` as spreadsheets write it.
    ///
    /// # Errors
    /// Returns [`YearError`] if `s` is not a year in range.
    pub fn parse(s: &str) -> Result<Year, YearError> {
        let t = s.trim();
        let t = t.strip_suffix(".0").unwrap_or(t);
        t.parse::<i64>().map_err(|_| YearError(s.to_owned())).and_then(Year::new)
    }

    /// The year as a number.
    pub fn get(self) -> i32 {
        i32::from(self.0)
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A year outside the accepted range, or text that is not a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearError(String);

impl fmt::Display for YearError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a year between {} and {}", self.0, Year::MIN, Year::MAX)
    }
}

impl std::error::Error for YearError {}

/// A period from one year to a later one, such as the five-year period 2015–2020
/// between two stock tables (mid-year to mid-year in UN DESA's convention).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    start: Year,
    end: Year,
}

impl Period {
    /// Makes a period.
    ///
    /// # Errors
    /// Returns [`PeriodError`] unless `start < end`.
    pub fn new(start: Year, end: Year) -> Result<Period, PeriodError> {
        if start < end { Ok(Period { start, end }) } else { Err(PeriodError { start, end }) }
    }

    /// The first year.
    pub fn start(self) -> Year {
        self.start
    }

    /// The last year.
    pub fn end(self) -> Year {
        self.end
    }

    /// The length in years.
    pub fn years(self) -> u16 {
        self.end.0 - self.start.0
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// A period whose start is not before its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodError {
    start: Year,
    end: Year,
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a period must end after it starts, got {} to {}", self.start, self.end)
    }
}

impl std::error::Error for PeriodError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(Year::parse("2020").unwrap().get(), 2020);
        assert_eq!(Year::parse("2020.0").unwrap().get(), 2020);
        assert!(Year::parse("20x0").is_err());
        assert!(Year::new(1899).is_err());
        assert!(Year::new(2201).is_err());
    }

    #[test]
    fn periods() {
        let p = Period::new(Year::new(2015).unwrap(), Year::new(2020).unwrap()).unwrap();
        assert_eq!((p.years(), p.to_string()), (5, "2015-2020".to_owned()));
        assert!(Period::new(p.end(), p.start()).is_err());
        assert!(Period::new(p.end(), p.end()).is_err());
    }
}

/// The proleptic Gregorian date (year, month 1–12, day 1–31) of a count of days since
/// 1970-01-01 (negative: before). Counts in 400-year eras of 146,097 days that start on
/// 1 March, so that the leap day ends a year.
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both are in range by construction: day 1–31, month 1–12.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod civil_tests {
    use super::civil_from_days;

    #[test]
    fn days_become_civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_794), (2026, 12, 7));
    }
}
