//! The `[sweep]` table of a scenario file: a set of corridors, each one a baseline of
//! its own, instead of the one place of `[baseline]` (which then gives only the year).
//!
//! ```toml
//! [baseline]
//! year = 2020
//! [sweep]
//! corridors = ["NPL-QAT", "PHL-SAU"]   # a list of corridors, or:
//! origin = "NPL"                       # a code or "*" (default "*")
//! destination = "*"                    # a code or "*" (default "*")
//! min_stock = 10000                    # only corridors whose migrant stock is at least this
//! ```
//!
//! `corridors` is exclusive with `origin` and `destination`; `min_stock` applies to
//! either. Which corridors a pattern names is decided by the caller (`analysis`) from
//! the store's bilateral migrant stocks. A sweep takes no `[calibration]`.

use super::{Ctx, Location, SpecError, Value, check_keys, join, number, string, table};
use toml::de::DeValue;

/// Most corridors a sweep may hold (a list, or what a pattern selects in the store).
pub const MAX_SWEEP_CORRIDORS: usize = 20_000;

/// The `[sweep]` table.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepSpec {
    /// The corridors listed (origin, destination), in file order; empty when the sweep
    /// is a pattern.
    pub corridors: Vec<(String, String)>,
    /// The pattern's origin code; `None` for any (`"*"` or absent).
    pub origin: Option<String>,
    /// The pattern's destination code; `None` for any.
    pub destination: Option<String>,
    /// The least migrant stock (persons) a corridor must have, if given.
    pub min_stock: Option<f64>,
    /// Where the table is.
    pub at: Location,
}

/// Reads a `[sweep]` table.
pub(super) fn parse(cx: &Ctx<'_>, v: &Value<'_>) -> Result<SweepSpec, SpecError> {
    let (t, span) = table(cx, v, "sweep")?;
    check_keys(cx, t, "sweep", &["corridors", "origin", "destination", "min_stock"])?;
    let mut corridors = Vec::new();
    if let Some(list) = t.get("corridors") {
        let field = join("sweep", "corridors");
        let DeValue::Array(items) = list.get_ref() else {
            return Err(cx.err(list.span(), &field, "expected a list of \"ORIGIN-DESTINATION\""));
        };
        if items.is_empty() || items.len() > MAX_SWEEP_CORRIDORS {
            let n = items.len();
            let msg = format!("expected 1 to {MAX_SWEEP_CORRIDORS} corridors, found {n}");
            return Err(cx.err(list.span(), &field, msg));
        }
        for (i, item) in items.iter().enumerate() {
            let f = format!("{field}[{}]", i + 1);
            let text = string(cx, item, &f)?;
            match text.split_once('-') {
                Some((o, d)) if !o.trim().is_empty() && !d.trim().is_empty() => {
                    corridors.push((o.trim().to_owned(), d.trim().to_owned()));
                }
                _ => {
                    let msg =
                        format!("expected ORIGIN-DESTINATION (e.g. \"NPL-QAT\"), found \"{text}\"");
                    return Err(cx.err(item.span(), &f, msg));
                }
            }
        }
    }
    let code = |key: &str| -> Result<Option<String>, SpecError> {
        match t.get(key) {
            None => Ok(None),
            Some(v) => {
                let s = string(cx, v, &join("sweep", key))?;
                let s = s.trim();
                if s.is_empty() {
                    return Err(cx.err(v.span(), &join("sweep", key), "expected a code or \"*\""));
                }
                Ok((s != "*").then(|| s.to_owned()))
            }
        }
    };
    let origin = code("origin")?;
    let destination = code("destination")?;
    let pattern = t.contains_key("origin") || t.contains_key("destination");
    if !corridors.is_empty() && pattern {
        let msg = "give either corridors or origin/destination, not both";
        return Err(cx.err(span, "sweep", msg));
    }
    let min_stock = match t.get("min_stock") {
        Some(v) => {
            let x = number(cx, v, "sweep.min_stock")?;
            if x < 0.0 {
                let msg = format!("expected a number of persons ≥ 0, found {x}");
                return Err(cx.err(v.span(), "sweep.min_stock", msg));
            }
            Some(x)
        }
        None => None,
    };
    if corridors.is_empty() && !pattern && min_stock.is_none() {
        let msg = "name the corridors: corridors = [\"ORIGIN-DESTINATION\", ...], origin/destination (\"*\" for any), or min_stock";
        return Err(cx.err(span, "sweep", msg));
    }
    Ok(SweepSpec { corridors, origin, destination, min_stock, at: cx.at(span.start) })
}
