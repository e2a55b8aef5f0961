//! A synthetic world for scale tests and benchmarks: `n` areas observed every five years
//! from 1990 to 2020 (seven stock tables, six periods), with births and deaths.
//!
//! The numbers are drawn from a fixed-seed linear congruential generator, so every run
//! sees the same world. Populations span four orders of magnitude, half of the corridors
//! are empty, and a few areas have more births than native-born (the guard is exercised).

/// One period: start and end stock tables (place of birth × residence, row-major) and
/// births and deaths by residence.
pub(crate) struct Period {
    pub(crate) stock_start: faer::Mat<f64>,
    pub(crate) stock_end: faer::Mat<f64>,
    pub(crate) births: Vec<f64>,
    pub(crate) deaths: Vec<f64>,
}

struct Lcg(u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Six five-year periods (1990–1995 … 2015–2020) for `n` areas.
pub(crate) fn periods(n: usize, seed: u64) -> Vec<Period> {
    let mut rng = Lcg(seed);
    let pop: Vec<f64> = (0..n).map(|_| (10f64.powf(4.0 + 4.0 * rng.uniform())).round()).collect();
    let mut stock = faer::Mat::<f64>::zeros(n, n);
    for r in 0..n {
        let foreign_share = 0.02 + 0.3 * rng.uniform().powi(3);
        let mut foreign = 0.0;
        for b in 0..n {
            if b != r && rng.uniform() < 0.5 {
                let v = (pop[r] * foreign_share * rng.uniform().powi(4) / 4.0).round();
                stock[(b, r)] = v;
                foreign += v;
            }
        }
        stock[(r, r)] = (pop[r] - foreign).max(0.0);
    }
    let mut out = Vec::new();
    for _ in 0..6 {
        let mut next = stock.clone();
        let mut births = vec![0.0; n];
        let mut deaths = vec![0.0; n];
        for r in 0..n {
            let total: f64 = (0..n).map(|b| stock[(b, r)]).sum();
            births[r] = (total * (0.03 + 0.12 * rng.uniform())).round();
            deaths[r] = (total * (0.02 + 0.05 * rng.uniform())).round();
            for b in 0..n {
                if b != r {
                    let change = 0.6 + 0.8 * rng.uniform();
                    next[(b, r)] = (stock[(b, r)] * change).round();
                }
            }
            next[(r, r)] = (stock[(r, r)] * (0.9 + 0.1 * rng.uniform()) + births[r]
                - deaths[r] * 0.5)
                .round()
                .max(0.0);
        }
        out.push(Period { stock_start: stock.clone(), stock_end: next.clone(), births, deaths });
        stock = next;
    }
    out
}
