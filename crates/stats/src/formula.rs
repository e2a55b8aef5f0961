//! fixest-style regression formulas, parsed into variable names.
//!
//! A formula has the form `y ~ x1 + log(x2) + x3 | fe1 + fe2^year`, as in R's `fixest`
//! and Python's `pyfixest`:
//!
//! * left of `~`: the dependent variable (a [`Term`]);
//! * between `~` and `|`: the regressors, separated by `+`. `1` asks for an intercept
//!   (the default when there are no fixed effects), `0` or `-1` removes it;
//! * right of `|`: the fixed effects, separated by `+`; `a^b^c` is the interaction of
//!   several variables (one fixed effect per combination of values).
//!
//! A term is a variable name or `log(name)` (`ln(name)` is accepted as a synonym).
//! Parsing is pure string work: which columns exist, and how labels become group ids, is
//! the caller's business.
//!
//! # Example
//! ```
//! use stats::formula::{self, Transform};
//!
//! let f = formula::parse("trade ~ log(DIST) + CNTG | exporter^year + importer^year")?;
//! assert_eq!(f.depvar.var, "trade");
//! assert_eq!(f.regressors[0].transform, Transform::Log);
//! assert_eq!(f.regressors[0].to_string(), "log(DIST)");
//! assert_eq!(f.fixef[0], ["exporter", "year"]);
//! assert!(!f.intercept);
//! # Ok::<(), stats::Error>(())
//! ```

use std::fmt;

use crate::Error;

/// A transformation applied to a variable in a formula term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transform {
    /// The variable as it is.
    Identity,
    /// Its natural logarithm, `log(x)`.
    Log,
}

/// One term of a formula: a variable, possibly transformed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The variable (column) name.
    pub var: String,
    /// What is applied to it.
    pub transform: Transform,
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.transform {
            Transform::Identity => f.write_str(&self.var),
            Transform::Log => write!(f, "log({})", self.var),
        }
    }
}

/// A parsed formula: names only, no data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formula {
    /// The dependent variable.
    pub depvar: Term,
    /// The regressors, in formula order (without the intercept).
    pub regressors: Vec<Term>,
    /// Whether an intercept is estimated: true when there are no fixed effects unless
    /// `0`/`-1` is given; always false with fixed effects (they absorb it).
    pub intercept: bool,
    /// The fixed effects; each is the list of variables interacted with `^`.
    pub fixef: Vec<Vec<String>>,
}

/// Parses a fixest-style formula `y ~ x1 + log(x2) | fe1 + fe2^fe3`.
///
/// # Errors
/// Returns [`Error::Formula`] when there is not exactly one `~`, more than one `|`, an
/// empty or malformed term, or a transformation other than `log`/`ln`.
pub fn parse(formula: &str) -> Result<Formula, Error> {
    let fail = |reason: String| Error::Formula { formula: formula.to_string(), reason };
    let mut sides = formula.split('~');
    let (Some(lhs), Some(rhs), None) = (sides.next(), sides.next(), sides.next()) else {
        return Err(fail("expected exactly one `~`".into()));
    };
    let depvar = parse_term(lhs).map_err(&fail)?;
    let mut parts = rhs.split('|');
    let regressor_part = parts.next().unwrap_or_default();
    let fixef_part = parts.next();
    if parts.next().is_some() {
        return Err(fail("expected at most one `|`".into()));
    }

    let mut regressors = Vec::new();
    let mut intercept_asked = None;
    for raw in split_plus(regressor_part).map_err(&fail)? {
        match raw.as_str() {
            "1" => intercept_asked = Some(true),
            "0" | "-1" => intercept_asked = Some(false),
            _ => regressors.push(parse_term(&raw).map_err(&fail)?),
        }
    }

    let mut fixef = Vec::new();
    if let Some(part) = fixef_part {
        for raw in split_plus(part).map_err(&fail)? {
            let vars: Vec<String> = raw.split('^').map(|v| v.trim().to_string()).collect();
            if let Some(bad) = vars.iter().find(|v| !is_name(v)) {
                return Err(fail(format!("`{bad}` is not a fixed-effect variable name")));
            }
            fixef.push(vars);
        }
        if fixef.is_empty() {
            return Err(fail("no fixed effects after `|`".into()));
        }
    }
    let intercept = fixef.is_empty() && intercept_asked.unwrap_or(true);
    if regressors.is_empty() && !intercept && fixef.is_empty() {
        return Err(fail("nothing to estimate: no regressor, intercept or fixed effect".into()));
    }
    Ok(Formula { depvar, regressors, intercept, fixef })
}

/// Splits `a + b + c` into trimmed, non-empty pieces (an empty side is allowed).
fn split_plus(s: &str) -> Result<Vec<String>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(Vec::new());
    }
    s.split('+')
        .map(|piece| {
            let piece = piece.trim();
            if piece.is_empty() {
                Err("empty term between `+` signs".to_string())
            } else {
                Ok(piece.to_string())
            }
        })
        .collect()
}

fn parse_term(raw: &str) -> Result<Term, String> {
    let raw = raw.trim();
    if let Some(open) = raw.find('(') {
        let function = raw[..open].trim();
        let Some(inner) = raw[open + 1..].strip_suffix(')') else {
            return Err(format!("`{raw}`: missing closing parenthesis"));
        };
        let transform = match function {
            "log" | "ln" => Transform::Log,
            other => return Err(format!("`{other}(...)` is not supported (only log)")),
        };
        let var = inner.trim();
        if !is_name(var) {
            return Err(format!("`{var}` is not a variable name"));
        }
        return Ok(Term { var: var.to_string(), transform });
    }
    if !is_name(raw) {
        return Err(format!("`{raw}` is not a variable name"));
    }
    Ok(Term { var: raw.to_string(), transform: Transform::Identity })
}

/// A column name: letters, digits, `_` and `.`, not starting with a digit.
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '.')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_formula() {
        let f = parse("y ~ x1 + log(x2) + x3 | fe1 + fe2^year").unwrap();
        assert_eq!(f.depvar.to_string(), "y");
        let names: Vec<String> = f.regressors.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["x1", "log(x2)", "x3"]);
        assert_eq!(f.fixef, vec![vec!["fe1".to_string()], vec!["fe2".into(), "year".into()]]);
        assert!(!f.intercept);
    }

    #[test]
    fn intercept_rules() {
        assert!(parse("y ~ x").unwrap().intercept);
        assert!(!parse("y ~ x + 0").unwrap().intercept);
        assert!(!parse("y ~ -1 + x").unwrap().intercept);
        let only_fe = parse("y ~ 1 | a + b").unwrap();
        assert!(only_fe.regressors.is_empty() && !only_fe.intercept);
        assert_eq!(parse("ln(y) ~ x").unwrap().depvar.transform, Transform::Log);
    }

    #[test]
    fn errors() {
        for bad in
            ["y x", "y ~ x ~ z", "y ~ x | a | b", "y ~ x + | a", "y ~ exp(x)", "y ~ x |", "y ~ 0"]
        {
            assert!(matches!(parse(bad), Err(Error::Formula { .. })), "{bad}");
        }
    }
}
