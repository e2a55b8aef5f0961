//! Helpers for reading the migest worked examples.

use faer::{Mat, MatRef};
use serde_json::Value;

/// The parsed `validation/migest_worked_examples.json`, or `None` (test skipped, with a
/// visible message) when the shared data folder is absent outside CI.
pub(crate) fn migest_examples() -> Option<Value> {
    let path = test_support::shared_data("validation/migest_worked_examples.json")?;
    let text = std::fs::read_to_string(&path).expect("reading migest_worked_examples.json");
    Some(serde_json::from_str(&text).expect("parsing migest_worked_examples.json"))
}

/// A row-major JSON list of rows as a matrix.
pub(crate) fn mat(v: &Value) -> Mat<f64> {
    let rows = v.as_array().expect("a list of rows");
    let n_row = rows.len();
    let n_col = rows.first().map_or(0, |r| r.as_array().expect("a row").len());
    Mat::from_fn(n_row, n_col, |i, j| rows[i][j].as_f64().expect("a number"))
}

/// A JSON list of numbers.
pub(crate) fn vector(v: &Value) -> Vec<f64> {
    v.as_array().expect("a list").iter().map(|x| x.as_f64().expect("a number")).collect()
}

/// The largest absolute cell difference between `got` and the JSON matrix `expected`.
pub(crate) fn max_abs_diff(got: MatRef<'_, f64>, expected: &Value) -> f64 {
    let expected = mat(expected);
    assert_eq!((got.nrows(), got.ncols()), (expected.nrows(), expected.ncols()), "shape");
    let mut worst: f64 = 0.0;
    for i in 0..got.nrows() {
        for j in 0..got.ncols() {
            worst = worst.max((got[(i, j)] - expected[(i, j)]).abs());
        }
    }
    worst
}

/// Asserts every cell of `got` is within `tol` of the JSON matrix `expected`.
#[track_caller]
pub(crate) fn assert_mat_close(what: &str, got: MatRef<'_, f64>, expected: &Value, tol: f64) {
    let diff = max_abs_diff(got, expected);
    assert!(diff <= tol, "{what}: largest cell difference {diff:e} exceeds {tol:e}\n{got:?}");
}

/// The number of proptest cases: `PROPTEST_CASES` if set (so CI and developers can turn
/// it up or down), otherwise `default`.
pub(crate) fn proptest_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}
