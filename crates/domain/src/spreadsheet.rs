//! Text cells that a spreadsheet cannot take for a formula.
//!
//! A spreadsheet opening a CSV file treats a field that starts with `=`, `+`, `-` or
//! `@` (and, in some programs, a tab or carriage return before one) as a formula, so a
//! policy title such as `=HYPERLINK("http://example.invalid","x")` would become a live
//! link or worse. Every CSV export neutralises such a text field by putting a single
//! quote `'` before it (the OWASP convention for CSV injection); a field that is a
//! number as a whole (`-12.5`, `+3`, `1e-5`) is left as it is, since a spreadsheet reads
//! it as that number. Readers of Coherence's own CSV formats remove the quote again
//! ([`unquote`]), so a file written by an export reads back to the same text.

use std::borrow::Cow;

/// The characters that make a spreadsheet read a text field as a formula when it
/// starts with one of them.
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The field as a CSV export writes it: with `'` before it when it starts with one of
/// [`FORMULA_STARTS`] and is not a number as a whole (or when it is such a field after
/// a `'` of its own, so that [`unquote`] gives it back); otherwise unchanged.
#[must_use]
pub fn formula_safe(field: &str) -> Cow<'_, str> {
    if needs_quote(field) { Cow::Owned(format!("'{field}")) } else { Cow::Borrowed(field) }
}

fn needs_quote(field: &str) -> bool {
    let text = field.trim_start_matches('\'');
    text.starts_with(FORMULA_STARTS) && text.parse::<f64>().is_err()
}

/// The text of a field [`formula_safe`] wrote: the quote it added removed (a `'`
/// followed by one of [`FORMULA_STARTS`]); any other field unchanged.
#[must_use]
pub fn unquote(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_quoted_and_numbers_are_not() {
        let link = "=HYPERLINK(\"http://example.invalid\",\"x\")";
        assert_eq!(formula_safe(link), format!("'{link}"));
        for text in ["+1+2", "-2+3", "@SUM(A1)", "\tx", "\r=1", "-", "=", "- a dash"] {
            assert_eq!(formula_safe(text), format!("'{text}"), "{text:?}");
        }
        assert_eq!(formula_safe("'=x"), "''=x");
        for number in ["-12.5", "+3", "-0", "1e-5", "-1e5", "12", "", "a=b", "'x", "'-3"] {
            assert_eq!(formula_safe(number), number, "{number:?}");
        }
    }

    #[test]
    fn unquote_reverses_formula_safe() {
        for text in ["=1+2", "-x", "@a", "plain", "-12.5", "'quoted", "'", "'=x", "''=x", "'-3"] {
            assert_eq!(unquote(&formula_safe(text)), text, "{text:?}");
        }
    }
}
