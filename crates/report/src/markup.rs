//! Escaping and number formatting shared by the SVG charts and the HTML brief.
//!
//! Every function here is deterministic: the same input gives the same bytes. Numbers
//! are formatted with a fixed precision and never print `NaN` or `inf`: a value that is
//! not finite is written as [`NOT_AVAILABLE`].

/// What a value that is not a finite number is shown as.
pub const NOT_AVAILABLE: &str = "n/a";

/// Escapes text for use in HTML or SVG element content and in double- or
/// single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// Appends `text` to `out`, escaped as [`escape`] does.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not allowed in XML 1.0.
            c if c.is_control() && c != '\t' && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Makes a string safe to use as an element `id`: ASCII letters, digits, `-` and `_`
/// are kept, every other character becomes `-`; an empty result becomes `chart`.
pub fn sanitize_id(id: &str) -> String {
    let out: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' })
        .collect();
    if out.is_empty() {
        "chart".to_owned()
    } else if out.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
        format!("c{out}")
    } else {
        out
    }
}

/// Formats `value` with `decimals` decimals and the separators of the language being
/// rendered ([`crate::words`]; English outside a brief): `1234567.891` with 1 decimal
/// is `"1,234,567.9"` in English, `"1 234 567,9"` in French.
///
/// A value that rounds to zero is printed without a minus sign; a value that is not
/// finite is printed as the language's "not available" ([`NOT_AVAILABLE`] in English).
pub fn format_thousands(value: f64, decimals: usize) -> String {
    crate::words::number(value, decimals)
}

/// Formats a number with fixed decimals and trailing zeros (and a trailing decimal
/// separator) removed: `2.50` → `"2.5"`, `3.00` → `"3"`.
pub fn format_trimmed(value: f64, decimals: usize) -> String {
    let s = format_thousands(value, decimals);
    let separator = crate::words::decimal_separator();
    if value.is_finite() && decimals > 0 && s.contains(separator) {
        s.trim_end_matches('0').trim_end_matches(separator).to_owned()
    } else {
        s
    }
}

/// The magnitudes used by [`format_compact`]: divisor and the message that writes a
/// number of that magnitude (`brief-compact-k`: `"{ $n }k"`).
const MAGNITUDES: [(f64, &str); 4] = [
    (1e12, "brief-compact-tn"),
    (1e9, "brief-compact-bn"),
    (1e6, "brief-compact-m"),
    (1e3, "brief-compact-k"),
];

/// Picks the magnitude (divisor, message key) for a value's absolute size; below a
/// thousand the key is empty.
pub(crate) fn magnitude_of(abs: f64) -> (f64, &'static str) {
    MAGNITUDES.iter().copied().find(|(div, _)| abs >= *div).unwrap_or((1.0, ""))
}

/// `number` (already written) at the magnitude of `key` (from [`magnitude_of`]):
/// `"350"` and `brief-compact-k` → `"350k"`.
pub(crate) fn with_magnitude(number: &str, key: &str) -> String {
    if key.is_empty() {
        return number.to_owned();
    }
    crate::words::tf(key, &[("n", i18n::Arg::from(number))])
}

/// Formats a count or an amount in a short form: `1_234_567.0` → `"1.2M"`,
/// `350_000.0` → `"350k"`, `2.5e9` → `"2.5bn"`, `950.0` → `"950"` (in English; each
/// language writes its own magnitudes).
///
/// Values under ten in their magnitude keep one decimal (trailing `.0` removed);
/// larger ones are rounded to whole units of the magnitude.
pub fn format_compact(value: f64) -> String {
    if !value.is_finite() {
        return crate::words::t("brief-not-available");
    }
    let abs = value.abs();
    let (mut div, mut key) = magnitude_of(abs);
    let mut scaled = abs / div;
    // Rounding can push a value into the next magnitude: 999_960 is "1M", not "1000k".
    if format!("{scaled:.0}") == "1000" && div < 1e12 {
        (div, key) = magnitude_of(abs * 1.001);
        scaled = abs / div;
    }
    let body = if scaled < 9.95 { format_trimmed(scaled, 1) } else { format_thousands(scaled, 0) };
    let sign = if value < 0.0 && body != "0" { "-" } else { "" };
    format!("{sign}{}", with_magnitude(&body, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(escape("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn ids_are_safe() {
        assert_eq!(sanitize_id("stock in/out"), "stock-in-out");
        assert_eq!(sanitize_id(""), "chart");
        assert_eq!(sanitize_id("1a"), "c1a");
    }

    #[test]
    fn thousands() {
        assert_eq!(format_thousands(1_234_567.891, 1), "1,234,567.9");
        assert_eq!(format_thousands(999.0, 0), "999");
        assert_eq!(format_thousands(1000.0, 0), "1,000");
        assert_eq!(format_thousands(-1234.0, 0), "-1,234");
        assert_eq!(format_thousands(-0.0001, 2), "0.00");
        assert_eq!(format_thousands(f64::NAN, 2), "n/a");
        assert_eq!(format_thousands(f64::INFINITY, 0), "n/a");
    }

    #[test]
    fn trimmed() {
        assert_eq!(format_trimmed(2.50, 2), "2.5");
        assert_eq!(format_trimmed(3.0, 2), "3");
        assert_eq!(format_trimmed(1500.0, 0), "1,500");
    }

    #[test]
    fn compact() {
        assert_eq!(format_compact(1_234_567.0), "1.2M");
        assert_eq!(format_compact(350_000.0), "350k");
        assert_eq!(format_compact(2.5e9), "2.5bn");
        assert_eq!(format_compact(950.0), "950");
        assert_eq!(format_compact(0.0), "0");
        assert_eq!(format_compact(999_960.0), "1M");
        assert_eq!(format_compact(9_960.0), "10k");
        assert_eq!(format_compact(-45_000.0), "-45k");
        assert_eq!(format_compact(f64::NAN), "n/a");
    }
}
