//! Numbers and percentages written by each language's conventions.
//!
//! | language | thousands | decimal | example | percent |
//! |---|---|---|---|---|
//! | English | `,` | `.` | `1,234,567.8` | `4.2%` |
//! | French | narrow no-break space (U+202F) | `,` | `1 234 567,8` | `4,2 %` (U+202F before `%`) |
//! | Spanish | `.`, from five digits | `,` | `1.234.567,8`, `1234` | `4,2 %` (U+00A0 before `%`) |
//! | Arabic | `,` | `.` | `1,234,567.8` | `4.2%` |
//!
//! The choices follow the Unicode CLDR's data for each language (French and Spanish
//! as CLDR writes them, Spanish not grouping a four-digit number, by CLDR's minimum
//! grouping of two digits and the Real Academia Española's rule). For Arabic,
//! Coherence writes the digits 0–9 as the United Nations' Arabic documents do, with
//! CLDR's separators for Arabic in those digits (`,` and `.`); the Arabic-Indic digits
//! (٠–٩) are not used. A number inside right-to-left text keeps its left-to-right
//! order by the Unicode bidirectional algorithm.
//!
//! A value that is not finite is written as an em dash.

use crate::Lang;

/// Narrow no-break space: French thousands and the space before `%`.
const NNBSP: &str = "\u{202F}";
/// No-break space: the Spanish space before `%`.
const NBSP: &str = "\u{00A0}";

/// A language's separators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Separators {
    /// Between groups of three digits.
    pub group: &'static str,
    /// Before the decimals.
    pub decimal: &'static str,
    /// The smallest number of digits before the group separator's first use plus
    /// three: `1` groups `1,234`; `2` leaves `1234` and groups `12.345`.
    pub min_grouping: usize,
    /// Between the number and `%` (empty when none).
    pub before_percent: &'static str,
}

/// The separators of `lang`.
pub fn separators(lang: Lang) -> Separators {
    match lang {
        Lang::En | Lang::Pseudo | Lang::Ar => {
            Separators { group: ",", decimal: ".", min_grouping: 1, before_percent: "" }
        }
        Lang::Fr => {
            Separators { group: NNBSP, decimal: ",", min_grouping: 1, before_percent: NNBSP }
        }
        Lang::Es => Separators { group: ".", decimal: ",", min_grouping: 2, before_percent: NBSP },
    }
}

/// `value` rounded to `decimals` decimals, with the language's separators.
pub fn decimal(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let seps = separators(lang);
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::with_capacity(text.len() + 8);
    // "-0" and "-0.00" are written without the sign.
    if value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    out.push_str(&group(int, seps));
    if !frac.is_empty() {
        out.push_str(seps.decimal);
        out.push_str(frac);
    }
    out
}

/// A whole number (rounded), with the language's separators.
pub fn integer(lang: Lang, value: f64) -> String {
    decimal(lang, value, 0)
}

/// `value`, a percentage (`4.2` for 4.2 %), with `decimals` decimals and the
/// language's percent sign and spacing.
pub fn percent(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    format!("{}{}%", decimal(lang, value, decimals), separators(lang).before_percent)
}

/// The digits of a whole number, grouped by threes.
fn group(int: &str, seps: Separators) -> String {
    if int.len() < 4 + seps.min_grouping - 1 {
        return int.to_owned();
    }
    let mut out = String::with_capacity(int.len() * 2);
    let first = int.len() % 3;
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (i + 3 - first).is_multiple_of(3) {
            out.push_str(seps.group);
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_own_separators() {
        assert_eq!(decimal(Lang::En, 1_234_567.8, 1), "1,234,567.8");
        assert_eq!(decimal(Lang::Fr, 1_234_567.8, 1), "1\u{202F}234\u{202F}567,8");
        assert_eq!(decimal(Lang::Es, 1_234_567.8, 1), "1.234.567,8");
        assert_eq!(decimal(Lang::Ar, 1_234_567.8, 1), "1,234,567.8");
    }

    #[test]
    fn spanish_leaves_four_digits_ungrouped() {
        assert_eq!(integer(Lang::Es, 1234.0), "1234");
        assert_eq!(integer(Lang::Es, 12_345.0), "12.345");
        assert_eq!(integer(Lang::En, 1234.0), "1,234");
        assert_eq!(integer(Lang::Fr, 1234.0), "1\u{202F}234");
    }

    #[test]
    fn small_negative_and_odd_values() {
        assert_eq!(integer(Lang::En, 999.0), "999");
        assert_eq!(integer(Lang::En, 100_000.0), "100,000");
        assert_eq!(decimal(Lang::En, -1234.5, 1), "-1,234.5");
        assert_eq!(decimal(Lang::En, -0.001, 2), "0.00");
        assert_eq!(decimal(Lang::Fr, f64::NAN, 2), "—");
        assert_eq!(integer(Lang::En, 0.0), "0");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(Lang::En, 4.2, 1), "4.2%");
        assert_eq!(percent(Lang::Fr, 4.2, 1), "4,2\u{202F}%");
        assert_eq!(percent(Lang::Es, 4.25, 2), "4,25\u{00A0}%");
        assert_eq!(percent(Lang::Ar, 4.2, 1), "4.2%");
    }
}
