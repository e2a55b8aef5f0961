//! Special functions needed for the Poisson log-likelihood.

/// `log Γ(x)` for `x > 0`, accurate to about 1e-14 relative for the values met here.
///
/// Stirling's series with six correction terms for `x ≥ 10` (truncation error below
/// 1e-16 there), and the recurrence `log Γ(x) = log Γ(x + m) − log(x (x+1) ⋯ (x+m−1))`
/// below (Abramowitz & Stegun 1964, 6.1.40 and 6.1.15).
pub(crate) fn ln_gamma(x: f64) -> f64 {
    if x < 10.0 {
        let mut product = 1.0;
        let mut shifted = x;
        while shifted < 10.0 {
            product *= shifted;
            shifted += 1.0;
        }
        return ln_gamma(shifted) - product.ln();
    }
    let inv = 1.0 / x;
    let inv2 = inv * inv;
    // Bernoulli-number coefficients B_2k / (2k (2k−1)).
    let series = inv
        * (1.0 / 12.0
            + inv2
                * (-1.0 / 360.0
                    + inv2
                        * (1.0 / 1260.0
                            + inv2
                                * (-1.0 / 1680.0
                                    + inv2 * (1.0 / 1188.0 + inv2 * (-691.0 / 360_360.0))))));
    (x - 0.5) * x.ln() - x + 0.5 * (2.0 * std::f64::consts::PI).ln() + series
}

/// `log Γ(y + 1)` with the values of small whole `y` (counts) from a table of
/// [`ln_gamma`] itself, so that it gives the same bits as `ln_gamma(y + 1.0)`, faster.
pub(crate) struct LnGammaY1 {
    table: Vec<f64>,
}

impl LnGammaY1 {
    /// Whole `y` below this are looked up.
    const TABLE: usize = 1024;

    pub(crate) fn new() -> Self {
        Self { table: (0..Self::TABLE).map(|k| ln_gamma(k as f64 + 1.0)).collect() }
    }

    /// `log Γ(y + 1)`.
    pub(crate) fn at(&self, y: f64) -> f64 {
        // `y - trunc(y)` by a conversion (no call to `trunc`).
        if (0.0..Self::TABLE as f64).contains(&y) && y - (y as usize) as f64 == 0.0 {
            self.table[y as usize]
        } else {
            ln_gamma(y + 1.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{LnGammaY1, ln_gamma};

    #[test]
    fn table_gives_the_same_bits() {
        let table = LnGammaY1::new();
        for y in [0.0, 1.0, 2.0, 7.0, 1023.0, 1024.0, 1e6, 0.5, 3.25] {
            assert_eq!(table.at(y).to_bits(), ln_gamma(y + 1.0).to_bits(), "{y}");
        }
    }

    #[test]
    fn matches_factorials() {
        let mut log_factorial = 0.0f64;
        for n in 1..60u32 {
            // ln Γ(n + 1) = ln n!
            log_factorial += f64::from(n).ln();
            let got = ln_gamma(f64::from(n) + 1.0);
            assert!((got - log_factorial).abs() <= 1e-13 * log_factorial.max(1.0), "{n}");
        }
        assert!((ln_gamma(0.5) - 0.5 * std::f64::consts::PI.ln()).abs() < 1e-14);
        assert!(ln_gamma(1.0).abs() < 1e-14);
    }
}
