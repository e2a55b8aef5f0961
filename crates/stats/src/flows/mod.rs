//! Bilateral migration flows from two stock tables (flows from stocks).
//!
//! A stock table `S[b][r]` counts the people born in `b` (place of birth, *pob*) living
//! in `r` (place of residence, *por*). Given the tables at the start and end of a period,
//! and, for demographic accounting, the births and deaths in each place of residence
//! during the period, these estimators return an origin × destination flow matrix
//! `F[i][j]` (row = origin, column = destination, zero diagonal).
//!
//! The six methods compared by Abel & Cohen (2019) are named by [`Method`]; each maps to
//! one of three families:
//!
//! | [`Method`] | family | function |
//! | --- | --- | --- |
//! | `sd_drop_neg`, `sd_rev_neg` | stock differencing | [`stock_diff`] |
//! | `mig_rate` | migration rates (Dennett; Rogers–von Rabenau) | [`rates`] |
//! | `da_min_open`, `da_min_closed`, `da_pb_closed` | demographic accounting | [`demographic_accounting`] |
//!
//! [`flows_from_stocks`] runs any of them by name. Inputs are [`faer::Mat`] borrowed as
//! [`MatRef`], with rows = place of birth and columns = place of residence; vectors are
//! indexed by the same areas in the same order. `stats` never sees area codes.
//!
//! The reference implementation is the R package migest (Abel, v2.0.5), whose documented
//! examples are reproduced by this crate's tests; see `docs/flows.md` for the equations.
//!
//! # Example
//! ```
//! use stats::flows::{self, Method, FlowOptions, Stocks};
//!
//! // Abel (2013) and Abel & Sander (2014): four regions, no births or deaths.
//! let stock_start = faer::mat![
//!     [1000.0, 100.0, 10.0, 0.0], [55.0, 555.0, 50.0, 5.0],
//!     [80.0, 40.0, 800.0, 40.0], [20.0, 25.0, 20.0, 200.0]];
//! let stock_end = faer::mat![
//!     [950.0, 100.0, 60.0, 0.0], [80.0, 505.0, 75.0, 5.0],
//!     [90.0, 30.0, 800.0, 40.0], [40.0, 45.0, 0.0, 180.0]];
//! let zero = [0.0; 4];
//! let stocks = Stocks {
//!     stock_start: stock_start.as_ref(), stock_end: stock_end.as_ref(),
//!     births: &zero, deaths: &zero,
//! };
//! let est = flows::flows_from_stocks(Method::DaMinClosed, &stocks, &FlowOptions::default())?;
//! assert!((est.total - 150.0).abs() < 1e-6);
//! assert!((est.od[(0, 2)] - 50.0).abs() < 1e-6);
//! # Ok::<(), stats::Error>(())
//! ```
//!
//! # References
//! * Abel, G. J. (2013). Estimating global migration flow tables using place of birth
//!   data. *Demographic Research* 28(18), 505–546.
//! * Abel, G. J. and Sander, N. (2014). Quantifying global international migration flows.
//!   *Science* 343(6178), 1520–1522.
//! * Abel, G. J. (2018). Estimates of global bilateral migration flows by gender between
//!   1960 and 2015. *International Migration Review* 52(3), 809–852.
//! * Abel, G. J. and Cohen, J. E. (2019). Bilateral international migration flow estimates
//!   for 200 countries. *Scientific Data* 6, 82.
//! * Azose, J. J. and Raftery, A. E. (2019). Estimation of emigration, return migration,
//!   and transit migration between all pairs of countries. *PNAS* 116(1), 116–122.

mod demo;
mod diff;

use faer::{Mat, MatRef};

pub use demo::{
    Allocation, BirthMethod, Closure, DeathMethod, DemoFlows, DemoOptions, Diagnostic, MatchGlobal,
    MinimisationSeed, Output, StockTable, demographic_accounting,
};
pub use diff::{Decrease, DiffOptions, FlowTotal, RateMethod, RatesOptions, rates, stock_diff};

use crate::error::Error;
use crate::ipf::check_len;

/// The stock tables and vital events of one period.
#[derive(Clone, Copy, Debug)]
pub struct Stocks<'a> {
    /// Stock at the start of the period, place of birth × place of residence.
    pub stock_start: MatRef<'a, f64>,
    /// Stock at the end of the period, same areas in the same order.
    pub stock_end: MatRef<'a, f64>,
    /// Births during the period by place of residence (used by demographic accounting).
    pub births: &'a [f64],
    /// Deaths during the period by place of residence (used by demographic accounting).
    pub deaths: &'a [f64],
}

impl Stocks<'_> {
    /// The number of areas, after checking that every input has it.
    ///
    /// # Errors
    /// [`Error::DimensionMismatch`] if a table is not square or the sizes disagree.
    pub fn n_area(&self) -> Result<usize, Error> {
        let n = self.stock_start.nrows();
        check_len("stock_start columns", n, self.stock_start.ncols())?;
        check_len("stock_end rows", n, self.stock_end.nrows())?;
        check_len("stock_end columns", n, self.stock_end.ncols())?;
        check_len("births", n, self.births.len())?;
        check_len("deaths", n, self.deaths.len())?;
        Ok(n)
    }
}

/// The six flow-estimation methods compared by Abel & Cohen (2019), under the column
/// names of their published estimates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `sd_drop_neg`: stock differencing, decreases dropped ([`Decrease::Zero`]).
    SdDropNeg,
    /// `sd_rev_neg`: stock differencing, decreases booked as return flows
    /// ([`Decrease::Return`]).
    SdRevNeg,
    /// `mig_rate`: migration rates ([`rates`], variant chosen in [`RatesOptions`]).
    MigRate,
    /// `da_min_open`: demographic accounting, minimisation, open closure as Abel & Cohen
    /// estimated it ([`Closure::OpenDr`], migest `match_pob_tot_method = "open-dr"`).
    DaMinOpen,
    /// `da_min_closed`: demographic accounting, minimisation, closed (rescale) closure.
    DaMinClosed,
    /// `da_pb_closed`: Abel & Cohen's pseudo-Bayesian estimate, `0.87 · da_min_closed +
    /// 0.13 · independence` ([`Allocation::PseudoBayes`]), closed (rescale) closure. It
    /// stands in for, and is not, Azose & Raftery's (2019) smoothing.
    DaPbClosed,
}

impl Method {
    /// All methods, in Abel & Cohen's order.
    pub const ALL: [Method; 6] = [
        Method::SdDropNeg,
        Method::SdRevNeg,
        Method::MigRate,
        Method::DaMinOpen,
        Method::DaMinClosed,
        Method::DaPbClosed,
    ];

    /// The method's name in the literature, e.g. `"da_pb_closed"`.
    pub fn name(self) -> &'static str {
        match self {
            Method::SdDropNeg => "sd_drop_neg",
            Method::SdRevNeg => "sd_rev_neg",
            Method::MigRate => "mig_rate",
            Method::DaMinOpen => "da_min_open",
            Method::DaMinClosed => "da_min_closed",
            Method::DaPbClosed => "da_pb_closed",
        }
    }

    /// The method with the given name, if any.
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Whether every flow the method returns is non-negative whatever the input
    /// (all but `mig_rate` with the Rogers–von Rabenau variant).
    pub fn non_negative(self, rates: &RatesOptions) -> bool {
        !(self == Method::MigRate && rates.method == RateMethod::RogersVonRabenau)
    }
}

/// Options for [`flows_from_stocks`]: one set per family. The [`Method`] fixes the
/// fields that define it (`diff.decrease`, `demo.allocation`, `demo.closure`); the other
/// fields are taken from here. Defaults are migest's.
#[derive(Clone, Debug, Default)]
pub struct FlowOptions {
    /// Stock differencing options (`decrease` is set by the method).
    pub diff: DiffOptions,
    /// Migration-rate options.
    pub rates: RatesOptions,
    /// Demographic accounting options (`allocation` and `closure` are set by the method).
    pub demo: DemoOptions,
}

/// Flows estimated by one [`Method`].
#[derive(Clone, Debug)]
pub struct FlowEstimate {
    /// The method used.
    pub method: Method,
    /// Origin × destination flows, zero diagonal.
    pub od: Mat<f64>,
    /// Sum of `od`.
    pub total: f64,
    /// The full demographic account, for the `da_*` methods.
    pub demo: Option<DemoFlows>,
}

/// Estimates bilateral flows from two stock tables with one of Abel & Cohen's methods.
///
/// # Errors
/// As the family's function: [`stock_diff`], [`rates`] or [`demographic_accounting`].
#[doc(alias = "ffs")]
pub fn flows_from_stocks(
    method: Method,
    stocks: &Stocks<'_>,
    options: &FlowOptions,
) -> Result<FlowEstimate, Error> {
    let (od, demo) = match method {
        Method::SdDropNeg | Method::SdRevNeg => {
            let decrease =
                if method == Method::SdDropNeg { Decrease::Zero } else { Decrease::Return };
            let opts = DiffOptions { decrease, ..options.diff };
            (stock_diff(stocks.stock_start, stocks.stock_end, &opts)?, None)
        }
        Method::MigRate => (rates(stocks, &options.rates)?, None),
        Method::DaMinOpen | Method::DaMinClosed | Method::DaPbClosed => {
            let (allocation, closure) = match method {
                Method::DaMinOpen => (Allocation::Minimisation, Closure::OpenDr),
                Method::DaMinClosed => (Allocation::Minimisation, Closure::Rescale),
                _ => (Allocation::PseudoBayes, Closure::Rescale),
            };
            let opts = DemoOptions { allocation, closure, ..options.demo.clone() };
            let demo = demographic_accounting(stocks, &opts)?;
            (demo.od.clone(), Some(demo))
        }
    };
    let total = mat_sum(od.as_ref());
    Ok(FlowEstimate { method, od, total, demo })
}

pub(crate) fn mat_sum(m: MatRef<'_, f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..m.nrows() {
        for j in 0..m.ncols() {
            s += m[(i, j)];
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_names_round_trip() {
        for m in Method::ALL {
            assert_eq!(Method::from_name(m.name()), Some(m));
        }
        assert_eq!(Method::from_name("da_pb_open"), None);
    }
}
