//! Small dense linear algebra for the `k × k` normal equations (k = number of regressors).
//!
//! Long sums over observations run in a fixed order, one pair of columns per task, so the
//! bits do not depend on the thread count.

use rayon::prelude::*;

/// `G[i][j] = Σ_n w_n x_{i n} x_{j n}`, row-major `k × k`.
pub(crate) fn weighted_gram(cols: &[&[f64]], w: &[f64]) -> Vec<f64> {
    let k = cols.len();
    let pairs: Vec<(usize, usize)> = (0..k).flat_map(|i| (0..=i).map(move |j| (i, j))).collect();
    let values: Vec<f64> = pairs
        .par_iter()
        .map(|&(i, j)| cols[i].iter().zip(cols[j]).zip(w).map(|((&a, &b), &w)| w * a * b).sum())
        .collect();
    let mut gram = vec![0.0; k * k];
    for (&(i, j), &v) in pairs.iter().zip(&values) {
        gram[i * k + j] = v;
        gram[j * k + i] = v;
    }
    gram
}

/// Observations per task in [`weighted_moments`].
const MOMENT_CHUNK: usize = 1 << 14;

/// `X'WX` and `X'Wv` in one pass over the data: chunks in parallel, each summed in order,
/// and the chunk sums added in chunk order (so the bits do not depend on the thread count).
pub(crate) fn weighted_moments(cols: &[&[f64]], w: &[f64], v: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let k = cols.len();
    let n_chunks = w.len().div_ceil(MOMENT_CHUNK);
    let partial: Vec<Vec<f64>> = (0..n_chunks)
        .into_par_iter()
        .map(|c| {
            let range = c * MOMENT_CHUNK..((c + 1) * MOMENT_CHUNK).min(w.len());
            let w = &w[range.clone()];
            let mut acc = vec![0.0; k * k + k];
            for i in 0..k {
                let xi = &cols[i][range.clone()];
                for j in 0..=i {
                    acc[i * k + j] = dot_weighted(xi, w, &cols[j][range.clone()]);
                }
                acc[k * k + i] = dot_weighted(xi, w, &v[range.clone()]);
            }
            acc
        })
        .collect();
    let mut gram = vec![0.0; k * k];
    let mut cross = vec![0.0; k];
    for acc in &partial {
        for i in 0..k {
            for j in 0..=i {
                gram[i * k + j] += acc[i * k + j];
            }
            cross[i] += acc[k * k + i];
        }
    }
    for i in 0..k {
        for j in 0..i {
            gram[j * k + i] = gram[i * k + j];
        }
    }
    (gram, cross)
}

/// `Σ (a_n w_n) b_n` with four partial sums combined in a fixed order, so the additions
/// do not wait on each other.
fn dot_weighted(a: &[f64], w: &[f64], b: &[f64]) -> f64 {
    let mut sums = [0.0; 4];
    let n4 = a.len() - a.len() % 4;
    let (a4, a_rest) = a.split_at(n4);
    let (w4, w_rest) = w[..a.len()].split_at(n4);
    let (b4, b_rest) = b[..a.len()].split_at(n4);
    for ((x, w), y) in a4.chunks_exact(4).zip(w4.chunks_exact(4)).zip(b4.chunks_exact(4)) {
        for l in 0..4 {
            sums[l] += (x[l] * w[l]) * y[l];
        }
    }
    let rest: f64 = a_rest.iter().zip(w_rest).zip(b_rest).map(|((x, w), y)| (x * w) * y).sum();
    (sums[0] + sums[1]) + (sums[2] + sums[3]) + rest
}

/// `b[i] = Σ_n w_n x_{i n} v_n`.
pub(crate) fn weighted_cross(cols: &[&[f64]], w: &[f64], v: &[f64]) -> Vec<f64> {
    cols.par_iter().map(|c| c.iter().zip(w).zip(v).map(|((&a, &w), &v)| w * a * v).sum()).collect()
}

/// Which columns to keep: a Cholesky factorisation in column order that drops column `j`
/// when its pivot (the squared residual norm after projecting on the kept earlier
/// columns) is at most `tol` times its own squared norm `gram[j][j]`, or when
/// `gram[j][j]` is at most `tol` times `reference[j]` (the squared norm before the fixed
/// effects were partialled out: a column the fixed effects absorb).
pub(crate) fn independent_columns(gram: &[f64], reference: &[f64], tol: f64) -> Vec<bool> {
    let k = reference.len();
    let mut keep = vec![false; k];
    let mut l = vec![0.0; k * k];
    for j in 0..k {
        let diag = gram[j * k + j];
        if diag.is_nan() || diag <= tol * reference[j] || diag <= 0.0 {
            continue;
        }
        let mut pivot = diag;
        for p in (0..j).filter(|&p| keep[p]) {
            pivot -= l[j * k + p] * l[j * k + p];
        }
        if pivot.is_nan() || pivot <= tol * diag {
            continue;
        }
        let root = pivot.sqrt();
        l[j * k + j] = root;
        keep[j] = true;
        for i in j + 1..k {
            let mut v = gram[i * k + j];
            for p in (0..j).filter(|&p| keep[p]) {
                v -= l[i * k + p] * l[j * k + p];
            }
            l[i * k + j] = v / root;
        }
    }
    keep
}

/// Inverse of a symmetric positive-definite `k × k` matrix by Cholesky factorisation.
/// Returns `None` if a pivot is not positive.
pub(crate) fn spd_inverse(a: &[f64], k: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; k * k];
    for j in 0..k {
        let mut d = a[j * k + j];
        for p in 0..j {
            d -= l[j * k + p] * l[j * k + p];
        }
        if d.is_nan() || d <= 0.0 {
            return None;
        }
        let root = d.sqrt();
        l[j * k + j] = root;
        for i in j + 1..k {
            let mut v = a[i * k + j];
            for p in 0..j {
                v -= l[i * k + p] * l[j * k + p];
            }
            l[i * k + j] = v / root;
        }
    }
    // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
    let mut linv = vec![0.0; k * k];
    for j in 0..k {
        linv[j * k + j] = 1.0 / l[j * k + j];
        for i in j + 1..k {
            let mut v = 0.0;
            for p in j..i {
                v -= l[i * k + p] * linv[p * k + j];
            }
            linv[i * k + j] = v / l[i * k + i];
        }
    }
    let mut inv = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..=i {
            let v: f64 = (i..k).map(|p| linv[p * k + i] * linv[p * k + j]).sum();
            inv[i * k + j] = v;
            inv[j * k + i] = v;
        }
    }
    Some(inv)
}

/// `y = A x` for a row-major `k × k` matrix.
pub(crate) fn mat_vec(a: &[f64], x: &[f64]) -> Vec<f64> {
    let k = x.len();
    (0..k).map(|i| (0..k).map(|j| a[i * k + j] * x[j]).sum()).collect()
}

/// `A B A` for row-major `k × k` matrices (the sandwich).
pub(crate) fn sandwich(a: &[f64], b: &[f64], k: usize) -> Vec<f64> {
    let mut ab = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            ab[i * k + j] = (0..k).map(|p| a[i * k + p] * b[p * k + j]).sum();
        }
    }
    let mut out = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            out[i * k + j] = (0..k).map(|p| ab[i * k + p] * a[p * k + j]).sum();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_and_collinearity() {
        let a = [4.0, 2.0, 2.0, 3.0];
        let inv = spd_inverse(&a, 2).unwrap();
        let expected = [0.375, -0.25, -0.25, 0.5];
        for (x, e) in inv.iter().zip(expected) {
            assert!((x - e).abs() < 1e-14);
        }
        // Column 2 = column 0 + column 1.
        let x0 = [1.0, 2.0, 3.0, 4.0];
        let x1 = [0.0, 1.0, 0.0, 2.0];
        let x2: Vec<f64> = x0.iter().zip(&x1).map(|(a, b)| a + b).collect();
        let w = [1.0; 4];
        let gram = weighted_gram(&[&x0, &x1, &x2], &w);
        let reference = [gram[0], gram[4], gram[8]];
        assert_eq!(independent_columns(&gram, &reference, 1e-10), [true, true, false]);
    }
}
