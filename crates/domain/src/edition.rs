//! Ordering the editions of one dataset family by what their labels say, never by text.
//!
//! Publishers label editions in many ways: "2024", "2022 (June 2023)", "last updated
//! 10/18/2018", "last updated 2023-07-25", "FY2024", "2018 (release 2019)". Compared as
//! text, "last updated 10/18/2018" sorts after "2021", so a 2018 extract would hide a
//! 2021 series. [`EditionOrder::parse`] reads a label into a date that orders editions:
//!
//! 1. a full date, `MM/DD/YYYY` (World Bank DataBank's "last updated") or `YYYY-MM-DD`
//!    (World Bank API files' "last updated"): that day;
//! 2. otherwise a month name followed by a year ("June 2023", "April 2018 Version"):
//!    that month, day unknown;
//! 3. otherwise the word "release" followed by a year ("release 2019"): that year;
//! 4. otherwise the latest four-digit year in the label ("2024", "FY2023", "to 2023",
//!    "1980–2010 v1"): that year, month and day unknown;
//! 5. otherwise nothing is known and the edition sorts before every dated one.
//!
//! Unknown parts sort before known ones, so "2018" sorts before "last updated
//! 10/18/2018". Ties (two labels with the same date) are broken by the label's text,
//! so the order never depends on which was imported first.

use std::fmt;

/// When an edition was released (or the latest year it refers to), as far as its label
/// says: month and day are 0 when the label does not give them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct EditionOrder {
    /// The year; 0 when the label has none.
    pub year: u16,
    /// The month, 1–12, or 0 when unknown.
    pub month: u8,
    /// The day, 1–31, or 0 when unknown.
    pub day: u8,
}

/// The English month names, January first, in lower case (as labels and dates in
/// publishers' files are matched after lower-casing).
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A plausible edition year.
fn year_of(digits: &str) -> Option<u16> {
    let y: u16 = digits.parse().ok()?;
    (1900..=2200).contains(&y).then_some(y)
}

/// Runs of ASCII digits with their byte offsets.
fn digit_runs(s: &str) -> Vec<(usize, &str)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, &s[start..i]));
        } else {
            i += 1;
        }
    }
    out
}

fn date(year: u16, month: u32, day: u32) -> Option<EditionOrder> {
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
    Some(EditionOrder { year, month, day })
}

/// A full date: `MM/DD/YYYY` or `YYYY-MM-DD`.
fn full_date(label: &str) -> Option<EditionOrder> {
    let runs = digit_runs(label);
    for w in runs.windows(3) {
        let [(s0, a), (s1, b), (s2, c)] = [w[0], w[1], w[2]];
        let sep = |from: usize, len: usize, to: usize| label.get(from + len..to);
        let slashes = sep(s0, a.len(), s1) == Some("/") && sep(s1, b.len(), s2) == Some("/");
        let dashes = sep(s0, a.len(), s1) == Some("-") && sep(s1, b.len(), s2) == Some("-");
        if a.len() <= 2 && b.len() <= 2 && c.len() == 4 && slashes {
            return date(year_of(c)?, a.parse().ok()?, b.parse().ok()?);
        }
        if a.len() == 4 && b.len() <= 2 && c.len() <= 2 && dashes {
            return date(year_of(a)?, b.parse().ok()?, c.parse().ok()?);
        }
    }
    None
}

/// A month name followed by a year: "June 2023".
fn month_year(lower: &str) -> Option<EditionOrder> {
    let words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(2).find_map(|w| {
        let month = MONTH_NAMES.iter().position(|m| *m == w[0])?;
        let year = year_of(w[1])?;
        Some(EditionOrder { year, month: month as u8 + 1, day: 0 })
    })
}

/// "release 2019".
fn release_year(lower: &str) -> Option<EditionOrder> {
    let at = lower.find("release")?;
    let (_, digits) = digit_runs(&lower[at..]).into_iter().next()?;
    Some(EditionOrder { year: year_of(digits)?, month: 0, day: 0 })
}

impl EditionOrder {
    /// Reads an edition label (see the module documentation for the rules).
    pub fn parse(label: &str) -> EditionOrder {
        let lower = label.to_lowercase();
        full_date(label)
            .or_else(|| month_year(&lower))
            .or_else(|| release_year(&lower))
            .or_else(|| {
                let year = digit_runs(label)
                    .into_iter()
                    .filter(|(_, d)| d.len() == 4)
                    .filter_map(|(_, d)| year_of(d))
                    .max()?;
                Some(EditionOrder { year, month: 0, day: 0 })
            })
            .unwrap_or_default()
    }

    /// Whether the label gave no year at all.
    pub fn is_unknown(self) -> bool {
        self.year == 0
    }
}

impl fmt::Display for EditionOrder {
    /// `YYYY-MM-DD` with `00` for unknown parts: the text sorts as the value does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        EditionOrder::parse(s).to_string()
    }

    #[test]
    fn labels_seen_in_official_files() {
        assert_eq!(p("last updated 10/18/2018"), "2018-10-18");
        assert_eq!(p("last updated 03/28/2024"), "2024-03-28");
        assert_eq!(p("last updated 2023-07-25"), "2023-07-25");
        assert_eq!(p("2021"), "2021-00-00");
        assert_eq!(p("2022 (June 2023)"), "2023-06-00");
        assert_eq!(p("2017 (April 2018 Version)"), "2018-04-00");
        assert_eq!(p("2018 (release 2019)"), "2019-00-00");
        assert_eq!(p("FY2024"), "2024-00-00");
        assert_eq!(p("to 2023"), "2023-00-00");
        assert_eq!(p("1980–2010 v1"), "2010-00-00");
        assert_eq!(p("ratifications to 2022"), "2022-00-00");
        assert_eq!(p("demo"), "0000-00-00");
    }

    #[test]
    fn a_2018_extract_sorts_before_a_2021_series() {
        // Compared as text, "last updated 10/18/2018" > "2021".
        assert!(EditionOrder::parse("last updated 10/18/2018") < EditionOrder::parse("2021"));
        assert!(EditionOrder::parse("2020") < EditionOrder::parse("2024"));
        assert!(EditionOrder::parse("2018") < EditionOrder::parse("last updated 10/18/2018"));
    }

    #[test]
    fn impossible_dates_fall_back_to_the_year() {
        assert_eq!(p("13/45/2019"), "2019-00-00");
        assert_eq!(p("9999"), "0000-00-00");
    }

    #[test]
    fn the_text_form_sorts_as_the_value() {
        let labels = ["2024", "last updated 01/22/2018", "June 2023", "x", "2019-12-01"];
        let mut by_value: Vec<EditionOrder> =
            labels.iter().map(|l| EditionOrder::parse(l)).collect();
        let mut by_text: Vec<String> = by_value.iter().map(ToString::to_string).collect();
        by_value.sort();
        by_text.sort();
        assert_eq!(by_value.iter().map(ToString::to_string).collect::<Vec<_>>(), by_text);
    }
}
