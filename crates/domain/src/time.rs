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
