//! Exact fractions for scores and band edges.
//!
//! Item points such as ½ and band edges such as 40 % are compared exactly: a
//! domain score of 4 × 1 + 0 out of 5 is 80, not 79.999…, so it falls in the band that
//! starts at 80.

use std::cmp::Ordering;
use std::fmt;

use crate::{Error, Result};

/// A fraction `num / den` in lowest terms with `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rational {
    num: i64,
    den: i64,
}

impl Rational {
    /// Zero.
    pub const ZERO: Rational = Rational { num: 0, den: 1 };

    /// `num / den` in lowest terms.
    ///
    /// # Panics
    /// Panics if `den` is zero.
    pub fn new(num: i64, den: i64) -> Rational {
        assert!(den != 0, "a fraction with denominator zero");
        from_i128(i128::from(num), i128::from(den))
    }

    /// `num / den` in lowest terms, or `None` when `den` is zero or the fraction in
    /// lowest terms does not fit (`i64::MIN / -1`).
    pub fn checked_new(num: i64, den: i64) -> Option<Rational> {
        (den != 0).then(|| try_from_i128(i128::from(num), i128::from(den))).flatten()
    }

    /// The exact sum, or `None` when it does not fit in `i64` over `i64`.
    pub fn checked_add(self, other: Rational) -> Option<Rational> {
        try_from_i128(
            i128::from(self.num) * i128::from(other.den)
                + i128::from(other.num) * i128::from(self.den),
            i128::from(self.den) * i128::from(other.den),
        )
    }

    /// The exact product, or `None` when it does not fit.
    pub fn checked_mul(self, other: Rational) -> Option<Rational> {
        try_from_i128(
            i128::from(self.num) * i128::from(other.num),
            i128::from(self.den) * i128::from(other.den),
        )
    }

    /// The exact quotient, or `None` when `other` is zero or it does not fit.
    pub fn checked_div(self, other: Rational) -> Option<Rational> {
        if other.num == 0 {
            return None;
        }
        try_from_i128(
            i128::from(self.num) * i128::from(other.den),
            i128::from(self.den) * i128::from(other.num),
        )
    }

    /// The integer `n`.
    pub fn integer(n: i64) -> Rational {
        Rational { num: n, den: 1 }
    }

    /// The numerator (lowest terms; carries the sign).
    pub fn numer(self) -> i64 {
        self.num
    }

    /// The denominator (lowest terms; always positive).
    pub fn denom(self) -> i64 {
        self.den
    }

    /// The nearest `f64`, for display only: comparisons use the exact value.
    #[allow(clippy::cast_precision_loss, reason = "display only; exact comparisons use num/den")]
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    /// Parses an exact decimal (`"0.5"`, `"-2"`, `"33.25"`) or a fraction (`"1/2"`).
    ///
    /// # Errors
    /// [`Error::Number`] if `text` is neither.
    pub fn parse(text: &str) -> Result<Rational> {
        let bad = || Error::Number { text: text.to_owned() };
        let t = text.trim();
        if let Some((n, d)) = t.split_once('/') {
            let n: i64 = n.trim().parse().map_err(|_| bad())?;
            let d: i64 = d.trim().parse().map_err(|_| bad())?;
            if d == 0 {
                return Err(bad());
            }
            return Rational::checked_new(n, d).ok_or_else(bad);
        }
        let (negative, digits) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int_part.is_empty() && frac_part.is_empty()
            || !all_digits(int_part)
            || !all_digits(frac_part)
            || frac_part.len() > 12
        {
            return Err(bad());
        }
        let scale = 10_i64.pow(u32::try_from(frac_part.len()).map_err(|_| bad())?);
        let int: i64 = if int_part.is_empty() { 0 } else { int_part.parse().map_err(|_| bad())? };
        let frac: i64 =
            if frac_part.is_empty() { 0 } else { frac_part.parse().map_err(|_| bad())? };
        let num = int.checked_mul(scale).and_then(|v| v.checked_add(frac)).ok_or_else(bad)?;
        Ok(Rational::new(if negative { -num } else { num }, scale))
    }
}

impl std::ops::Add for Rational {
    type Output = Rational;

    /// The exact sum. Panics on overflow of `i64` (scores never come near it).
    fn add(self, other: Rational) -> Rational {
        let num = i128::from(self.num) * i128::from(other.den)
            + i128::from(other.num) * i128::from(self.den);
        let den = i128::from(self.den) * i128::from(other.den);
        from_i128(num, den)
    }
}

impl std::ops::Mul for Rational {
    type Output = Rational;

    /// The exact product. Panics on overflow of `i64`.
    fn mul(self, other: Rational) -> Rational {
        from_i128(
            i128::from(self.num) * i128::from(other.num),
            i128::from(self.den) * i128::from(other.den),
        )
    }
}

impl std::ops::Div for Rational {
    type Output = Rational;

    /// The exact quotient. Panics if `other` is zero, or on overflow of `i64`.
    fn div(self, other: Rational) -> Rational {
        assert!(other.num != 0, "division by zero");
        from_i128(
            i128::from(self.num) * i128::from(other.den),
            i128::from(self.den) * i128::from(other.num),
        )
    }
}

fn from_i128(num: i128, den: i128) -> Rational {
    try_from_i128(num, den).expect("score arithmetic overflowed i64")
}

/// `num / den` (`den` not zero; both products of two `i64`, so no `i128` overflow) in
/// lowest terms, if that fits in `i64` over `i64`.
fn try_from_i128(num: i128, den: i128) -> Option<Rational> {
    let mut a = num.unsigned_abs();
    let mut b = den.unsigned_abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    let g = i128::try_from(a.max(1)).ok()?;
    let sign = if den < 0 { -1 } else { 1 };
    let n = i64::try_from(sign * (num / g)).ok()?;
    let d = i64::try_from(sign * (den / g)).ok()?;
    Some(Rational { num: n, den: d })
}

impl Ord for Rational {
    fn cmp(&self, other: &Rational) -> Ordering {
        (i128::from(self.num) * i128::from(other.den))
            .cmp(&(i128::from(other.num) * i128::from(self.den)))
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Rational) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Rational {
    /// `80`, `1/2`, `295/3`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

impl serde::Serialize for Rational {
    /// As the exact text `"295/3"` (or `"80"`).
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Rational;

    #[test]
    fn the_edges_of_64_bits_are_exact_or_refused() {
        assert_eq!(
            Rational::parse("-9223372036854775808/2").unwrap(),
            Rational::integer(-(1 << 62))
        );
        assert!(Rational::parse("-9223372036854775808/-1").is_err());
        assert_eq!(Rational::new(i64::MIN, 4), Rational::integer(i64::MIN / 4));
        let big = Rational::integer(i64::MAX);
        assert_eq!(big.checked_add(Rational::integer(1)), None);
        assert_eq!(big.checked_add(Rational::integer(-1)), Some(Rational::integer(i64::MAX - 1)));
        assert_eq!(big.checked_mul(Rational::integer(2)), None);
        assert_eq!(Rational::integer(1).checked_div(Rational::ZERO), None);
        assert_eq!(Rational::checked_new(1, 0), None);
    }

    #[test]
    fn parses_decimals_and_fractions_exactly() {
        assert_eq!(Rational::parse("0.5").unwrap(), Rational::new(1, 2));
        assert_eq!(Rational::parse("1/2").unwrap(), Rational::new(1, 2));
        assert_eq!(Rational::parse("-2").unwrap(), Rational::integer(-2));
        assert_eq!(Rational::parse("33.25").unwrap(), Rational::new(133, 4));
        assert_eq!(Rational::parse("10").unwrap(), Rational::integer(10));
        for bad in ["", ".", "a", "1/0", "1.2.3", "0x10", "1e3"] {
            assert!(Rational::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn arithmetic_and_order() {
        let third = Rational::new(1, 3);
        assert_eq!(third + third + third, Rational::integer(1));
        assert_eq!(Rational::new(2, -4), Rational::new(-1, 2));
        assert!(Rational::new(295, 3) < Rational::integer(100));
        assert!(Rational::new(80, 1) >= Rational::integer(80));
        assert_eq!(
            Rational::integer(3) / Rational::integer(5) * Rational::integer(100),
            Rational::integer(60)
        );
        assert_eq!(Rational::new(295, 3).to_string(), "295/3");
    }
}
