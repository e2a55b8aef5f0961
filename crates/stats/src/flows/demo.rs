//! Demographic accounting: flows that reproduce the change between two stock tables
//! after births and deaths (migest `ffs_demo`; Abel 2013; Abel & Sander 2014; Azose &
//! Raftery 2019).

use faer::Mat;
use rayon::prelude::*;

use super::Stocks;
use crate::error::Error;
use crate::ipf::{Convergence, IpfOptions, Table, check_len, check_sums, factor, fit_slices, sum};

/// How flows are allocated within each birthplace table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allocation {
    /// Minimum migration (Abel 2013; migest `stayer_assumption = TRUE`): everyone who can
    /// have stayed did; the remaining movers are fitted by a quasi-independence model
    /// with structural zeros on the diagonal.
    Minimisation,
    /// Independence (migest `stayer_assumption = FALSE`): the whole birthplace table is
    /// fitted to its margins from the seed, stayers included.
    Independence,
    /// Abel & Cohen's pseudo-Bayesian estimate: each birthplace table is the mixture
    /// `(1 − w) · minimisation + w · independence` with the fixed share
    /// `w =` [`DemoOptions::independence_share`] (0.13 in Abel & Cohen's estimation
    /// script), which stands in for the smoothing of Azose & Raftery (2019). The share does
    /// not depend on the scale of the counts.
    PseudoBayes,
}

/// How the place-of-birth totals of the two tables are made equal after births and
/// deaths are removed (migest `match_birthplace_tot_method`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closure {
    /// Closed world (Abel & Sander 2014): each table is refitted by two-way IPF so that
    /// the birthplace totals meet half-way while residence totals are kept.
    Rescale,
    /// Open world: a birthplace's shortfall is booked as moves to or from outside the
    /// system, spread over residences in proportion to the end table (moves out) or the
    /// start table (moves in).
    Open,
    /// Open world as in Abel (2013) (*Demographic Research*): as [`Closure::Open`] with the
    /// two seeds swapped. migest keeps it for replication and does not prefer it.
    OpenDr,
}

/// Which seed the minimisation fit of the movers uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinimisationSeed {
    /// All ones off the diagonal, whatever [`DemoOptions::seed`] says. This is what
    /// migest 2.0.5 `ffs_demo` does with `stayer_assumption = TRUE`, and what reproduces
    /// its published examples (Abel 2018's distance-seed example among them).
    Uniform,
    /// [`DemoOptions::seed`] off the diagonal (structural zeros on it).
    Seed,
}

/// When the world's stock change is matched to its natural increase, for
/// [`Closure::Rescale`] (migest `match_global`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchGlobal {
    /// Before births and deaths are removed, by rescaling the native-born diagonals of
    /// both tables (migest `nb_scale_global`; the code default of migest 2.0.5).
    BeforeDemoAdjust,
    /// After births and deaths are removed, by moving half the remaining difference into
    /// each table's native-born diagonal in proportion to its size.
    AfterDemoAdjust,
}

/// How births by place of residence are spread over places of birth (migest
/// `birth_method`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BirthMethod {
    /// Newborns are native-born: births in `r` are added to the cell `(r, r)`.
    Native,
    /// Births in `r` are spread over places of birth in proportion to the end stock in `r`.
    Proportion,
}

/// How deaths by place of residence are spread over places of birth (migest
/// `death_method`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeathMethod {
    /// In proportion to the start stock in each place of residence.
    Proportion,
    /// Two-way IPF of the start stock to deaths by residence and to the deaths by birthplace
    /// implied by the accounts, `Σ_r S0[b][r] + births[b] − Σ_r S1[b][r]` (migest marks it
    /// as still to be explored).
    Accounting,
}

/// Options for [`demographic_accounting`]. The defaults are the code defaults of migest
/// 2.0.5 `ffs_demo`.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoOptions {
    /// Flow allocation. Default: [`Allocation::Minimisation`].
    pub allocation: Allocation,
    /// Birthplace-total closure. Default: [`Closure::Rescale`].
    pub closure: Closure,
    /// Global balancing step, used with [`Closure::Rescale`]. Default:
    /// [`MatchGlobal::BeforeDemoAdjust`].
    pub match_global: MatchGlobal,
    /// Default: [`BirthMethod::Native`].
    pub birth_method: BirthMethod,
    /// With [`BirthMethod::Native`], when an area's births exceed its native-born end
    /// stock, spread that area's births over birthplaces in proportion to its end stock
    /// instead, so no stock turns negative (negative native-born guard for births).
    /// Default: `true`.
    pub birth_non_negative: bool,
    /// Default: [`DeathMethod::Proportion`].
    pub death_method: DeathMethod,
    /// Prior origin × destination flow pattern (e.g. a distance-decay term), used for
    /// every birthplace by the independence fit (and so by the pseudo-Bayes prior).
    /// Default: `None` (all ones).
    pub seed: Option<Mat<f64>>,
    /// Whether the minimisation fit uses `seed` too. Default: [`MinimisationSeed::Uniform`]
    /// (migest 2.0.5); a seed left unused is reported as
    /// [`Diagnostic::SeedUnusedByMinimisation`].
    pub minimisation_seed: MinimisationSeed,
    /// The share `w` of the independence estimate in [`Allocation::PseudoBayes`], in
    /// `[0, 1]`. Default: `0.13`, Abel & Cohen's (`0.87 · da_min_closed + 0.13 ·
    /// independence`).
    pub independence_share: f64,
    /// Whether the global balancing step ([`MatchGlobal::BeforeDemoAdjust`]) works in whole
    /// persons as migest does: the rescaled native-born cells are rounded (half to even)
    /// and one person is added first when the gap is odd. Rounding depends on the unit of
    /// the counts (persons or thousands), so the default is `false`: the cells are scaled
    /// exactly and every flow scales with the stocks. Set `true` to reproduce migest's
    /// printed examples to the person.
    pub whole_persons: bool,
    /// Settings of every IPF step. Default: [`IpfOptions::mipfp`], the settings migest
    /// passes to `mipfp::Ipfp` (`tol = 1e-3` on the cell change, `1e5` sweeps).
    pub ipf: IpfOptions,
    /// Whether the flows by place of birth are returned. Default: [`Output::Full`].
    pub output: Output,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            allocation: Allocation::Minimisation,
            closure: Closure::Rescale,
            match_global: MatchGlobal::BeforeDemoAdjust,
            birth_method: BirthMethod::Native,
            birth_non_negative: true,
            death_method: DeathMethod::Proportion,
            seed: None,
            minimisation_seed: MinimisationSeed::Uniform,
            independence_share: 0.13,
            whole_persons: false,
            ipf: IpfOptions::mipfp(),
            output: Output::Full,
        }
    }
}

/// Which parts of the account [`demographic_accounting`] returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// Everything, including the flows by place of birth (n³ values: 97 MB for 230 areas),
    /// as migest's `ffs_demo` returns them.
    Full,
    /// Everything but the flows by place of birth: [`DemoFlows::flow_by_pob`] is left empty
    /// and the memory kept is n² instead of n³.
    OdOnly,
}

/// Which stock table a diagnostic is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StockTable {
    /// The table at the start of the period.
    Start,
    /// The table at the end of the period.
    End,
}

/// Something the estimator adjusted or could not do exactly. Reported, never hidden.
#[derive(Clone, Debug, PartialEq)]
pub enum Diagnostic {
    /// An area had more foreign-born than people (negative native-born cell); its
    /// foreign-born were scaled down so the native-born cell is zero and the area's
    /// total is kept (migest `nb_non_zero`).
    NegativeNativeBorn {
        /// Which table.
        table: StockTable,
        /// The area (place of residence).
        area: usize,
        /// The native-born value found.
        value: f64,
    },
    /// The world's stock change differed from its natural increase (births − deaths) by
    /// `difference`; the native-born diagonals were rescaled to close the gap.
    GlobalImbalance {
        /// Natural increase minus stock change, before adjustment.
        difference: f64,
    },
    /// An area's births exceed its native-born end stock; its births were spread over
    /// birthplaces in proportion to its end stock ("too many births").
    TooManyBirths {
        /// The area (place of residence).
        area: usize,
    },
    /// After removing births or deaths, or after the closure step, some cells of a table
    /// are negative.
    NegativeStock {
        /// Which table.
        table: StockTable,
        /// Number of negative cells.
        count: usize,
        /// The most negative value.
        min: f64,
    },
    /// A seed was given but the minimisation fit used ones (see [`MinimisationSeed`]).
    SeedUnusedByMinimisation,
    /// An IPF step stopped at `maxit` without meeting its tolerance.
    NotConverged {
        /// The step (e.g. `"rescale stock_start"`, `"allocation"`).
        step: &'static str,
        /// How far it got.
        convergence: Convergence,
    },
}

/// The demographic account of one period. Plain data.
#[derive(Clone, Debug)]
pub struct DemoFlows {
    /// Flows by place of birth: `flow_by_pob[k][(i, j)]` people born in `k` who lived in
    /// `i` at the start and in `j` at the end. Stayers are on the diagonal. Empty with
    /// [`Output::OdOnly`].
    pub flow_by_pob: Vec<Mat<f64>>,
    /// Origin × destination flows summed over places of birth, zero diagonal (migest
    /// `sum_od`).
    pub od: Mat<f64>,
    /// Sum of `od`.
    pub total: f64,
    /// Births by place of birth × place of residence.
    pub births: Mat<f64>,
    /// Deaths by place of birth × place of residence.
    pub deaths: Mat<f64>,
    /// Moves into the system from outside, place of birth × place of residence (zero for
    /// [`Closure::Rescale`]).
    pub outside_in: Mat<f64>,
    /// Moves out of the system, place of birth × place of residence (zero for
    /// [`Closure::Rescale`]).
    pub outside_out: Mat<f64>,
    /// The start table the flows reproduce (after all adjustments): for each `k`,
    /// `Σ_j flow_by_pob[k][(i, j)] = stock_start_adj[(k, i)]`.
    pub stock_start_adj: Mat<f64>,
    /// The end table the flows reproduce: `Σ_i flow_by_pob[k][(i, j)] = stock_end_adj[(k, j)]`.
    pub stock_end_adj: Mat<f64>,
    /// Convergence of the allocation fit (for [`Allocation::PseudoBayes`], the worse of
    /// the two fits).
    pub convergence: Convergence,
    /// For [`Allocation::PseudoBayes`], the share given to the independence estimate in
    /// each birthplace table (0 for a table without people); empty otherwise.
    pub prior_weight: Vec<f64>,
    /// Adjustments made and steps that did not converge, in the order they happened.
    pub diagnostics: Vec<Diagnostic>,
}

/// Estimates flows by demographic accounting (migest `ffs_demo`).
///
/// The steps, with `S0`, `S1` the stock tables (place of birth × place of residence),
/// `b`, `d` births and deaths by residence:
///
/// 1. Negative native-born guard on both tables ([`Diagnostic::NegativeNativeBorn`]).
/// 2. For [`Closure::Rescale`] with [`MatchGlobal::BeforeDemoAdjust`]: rescale the
///    native-born diagonals so that `ΣS1 − ΣS0 = Σb − Σd`.
/// 3. Births matrix `B` and deaths matrix `D` (see [`BirthMethod`], [`DeathMethod`]);
///    `S0' = S0 − D`, `S1' = S1 − B`.
/// 4. Birthplace totals made equal by the [`Closure`].
/// 5. Flows by birthplace fitted by three-way IPF to the margins `S0'ᵀ` (origin × birthplace)
///    and `S1'ᵀ` (destination × birthplace) under the [`Allocation`].
///
/// See `docs/flows.md` for the equations.
///
/// # Errors
/// [`Error::DimensionMismatch`] for inconsistent sizes; [`Error::InvalidValue`] for a
/// negative or non-finite off-diagonal stock, birth or death, a negative column total,
/// or an adjusted stock that is negative where a fit needs it non-negative;
/// [`Error::MarginMismatch`] if the closed-world accounts cannot be balanced (an area
/// with deaths but no start population, say).
#[doc(alias = "ffs_demo")]
pub fn demographic_accounting(
    stocks: &Stocks<'_>,
    options: &DemoOptions,
) -> Result<DemoFlows, Error> {
    let n = stocks.n_area()?;
    crate::ipf::check_options(options.ipf.tol)?;
    if !(0.0..=1.0).contains(&options.independence_share) {
        return Err(Error::InvalidOption {
            what: "independence_share",
            reason: "must lie in [0, 1]",
        });
    }
    let mut s0 = Table::from_mat(stocks.stock_start);
    let mut s1 = Table::from_mat(stocks.stock_end);
    check_stock("stock_start", &s0)?;
    check_stock("stock_end", &s1)?;
    crate::ipf::check_values("births", stocks.births)?;
    crate::ipf::check_values("deaths", stocks.deaths)?;
    let seed = match &options.seed {
        None => None,
        Some(m) => {
            check_len("seed rows", n, m.nrows())?;
            check_len("seed columns", n, m.ncols())?;
            let t = Table::from_mat(m.as_ref());
            crate::ipf::check_values("seed", &t.data)?;
            Some(t)
        }
    };
    let mut diagnostics = Vec::new();

    // 1. Negative native-born guard.
    non_negative_native_born(&mut s0, StockTable::Start, &mut diagnostics)?;
    non_negative_native_born(&mut s1, StockTable::End, &mut diagnostics)?;

    // 2. Global balance before births and deaths.
    if options.closure == Closure::Rescale && options.match_global == MatchGlobal::BeforeDemoAdjust
    {
        scale_native_born_global(
            (&mut s0, &mut s1),
            (stocks.births, stocks.deaths),
            options.whole_persons,
            &mut diagnostics,
        );
    }

    // 3. Births and deaths.
    let births = birth_matrix(&s1, stocks.births, options, &mut diagnostics);
    let deaths = death_matrix(&s0, &s1, stocks.births, stocks.deaths, options, &mut diagnostics)?;
    let mut s0 = subtract(&s0, &deaths);
    let mut s1 = subtract(&s1, &births);

    if options.closure == Closure::Rescale && options.match_global == MatchGlobal::AfterDemoAdjust {
        let dd: f64 = s1.data.iter().sum::<f64>() - s0.data.iter().sum::<f64>();
        let diag0: f64 = (0..n).map(|i| s0.at(i, i)).sum();
        let diag1: f64 = (0..n).map(|i| s1.at(i, i)).sum();
        if dd != 0.0 && diag0 > 0.0 && diag1 > 0.0 {
            diagnostics.push(Diagnostic::GlobalImbalance { difference: -dd });
            for i in 0..n {
                let (a, b) = (s0.at(i, i), s1.at(i, i));
                *s0.at_mut(i, i) = a + dd * a / diag0 * 0.5;
                *s1.at_mut(i, i) = b - dd * b / diag1 * 0.5;
            }
        }
    }
    report_negative(&s0, StockTable::Start, &mut diagnostics);
    report_negative(&s1, StockTable::End, &mut diagnostics);

    // 4. Birthplace totals.
    let zeros = Table::filled(n, n, 0.0);
    let (s0, s1, outside_in, outside_out) = match options.closure {
        Closure::Rescale => {
            let dd: Vec<f64> =
                s0.row_sums().iter().zip(s1.row_sums()).map(|(a, b)| a - b).collect();
            let r0: Vec<f64> = s0.row_sums().iter().zip(&dd).map(|(r, d)| r - d / 2.0).collect();
            let r1: Vec<f64> = s1.row_sums().iter().zip(&dd).map(|(r, d)| r + d / 2.0).collect();
            let c0 = s0.col_sums();
            let c1 = s1.col_sums();
            let s0 = rescale("rescale stock_start", s0, &r0, &c0, options, &mut diagnostics)?;
            let s1 = rescale("rescale stock_end", s1, &r1, &c1, options, &mut diagnostics)?;
            (s0, s1, zeros.clone(), zeros)
        }
        Closure::Open | Closure::OpenDr => {
            let dd: Vec<f64> =
                s0.row_sums().iter().zip(s1.row_sums()).map(|(a, b)| a - b).collect();
            let into: Vec<f64> = dd.iter().map(|d| (-d).max(0.0)).collect();
            let out_of: Vec<f64> = dd.iter().map(|d| d.max(0.0)).collect();
            let (mut in_mat, mut out_mat) = match options.closure {
                Closure::Open => (s0.clone(), s1.clone()),
                _ => (s1.clone(), s0.clone()),
            };
            in_mat.scale_rows_to(&into);
            out_mat.scale_rows_to(&out_of);
            let s0 = subtract(&s0, &out_mat);
            let s1 = subtract(&s1, &in_mat);
            report_negative(&s0, StockTable::Start, &mut diagnostics);
            report_negative(&s1, StockTable::End, &mut diagnostics);
            (s0, s1, in_mat, out_mat)
        }
    };

    // 5. Allocation.
    let min_seed = match options.minimisation_seed {
        MinimisationSeed::Seed => seed.as_ref(),
        MinimisationSeed::Uniform => {
            if seed.is_some() && options.allocation != Allocation::Independence {
                diagnostics.push(Diagnostic::SeedUnusedByMinimisation);
            }
            None
        }
    };
    let (fit, convergence) = match options.allocation {
        Allocation::Minimisation => {
            let (movers, conv) = minimisation(&s0, &s1, min_seed, &options.ipf);
            (Fitted::Minimisation(movers), conv)
        }
        Allocation::Independence => {
            let (prior, conv) = independence(&s0, &s1, seed.as_ref(), &options.ipf)?;
            (Fitted::Independence(prior), conv)
        }
        Allocation::PseudoBayes => {
            let (prior, c_ind) = independence(&s0, &s1, seed.as_ref(), &options.ipf)?;
            let (movers, c_min) = minimisation(&s0, &s1, min_seed, &options.ipf);
            let conv = Convergence {
                iterations: c_min.iterations.max(c_ind.iterations),
                max_margin_error: c_min.max_margin_error.max(c_ind.max_margin_error),
                criterion: c_min.criterion.max(c_ind.criterion),
                converged: c_min.converged && c_ind.converged,
            };
            (Fitted::PseudoBayes(movers, prior), conv)
        }
    };
    if !convergence.converged {
        diagnostics.push(Diagnostic::NotConverged { step: "allocation", convergence });
    }

    // Each birthplace table is built (and smoothed) once, while it is in cache, and summed
    // into the origin-destination matrix. The sum runs in a fixed order whatever the
    // threads: each task takes a fixed group of consecutive birthplaces, and the groups
    // are added in order.
    const GROUP: usize = 8;
    let keep = options.output == Output::Full;
    let birthplaces: Vec<usize> = (0..n).collect();
    let groups: Vec<(Table, Vec<Mat<f64>>, Vec<f64>)> = birthplaces
        .par_chunks(GROUP)
        .map(|group| {
            let mut od = Table::filled(n, n, 0.0);
            let (mut kept, mut weights) = (Vec::new(), Vec::new());
            let mut spare: Option<Mat<f64>> = None;
            for &k in group {
                let m = match &fit {
                    Fitted::Minimisation(movers) => {
                        // The movers are the only off-diagonal cells: no full table is
                        // needed for the sum.
                        movers[k].add_to(&mut od);
                        if keep {
                            let mut m = Mat::<f64>::zeros(n, n);
                            movers[k].write(&mut m, &s0, &s1, k);
                            kept.push(m);
                        }
                        continue;
                    }
                    Fitted::Independence(prior) => {
                        let mut m = spare.take().unwrap_or_else(|| Mat::<f64>::zeros(n, n));
                        prior.write(&mut m, k);
                        m
                    }
                    Fitted::PseudoBayes(movers, prior) => {
                        let mut m = spare.take().unwrap_or_else(|| Mat::<f64>::zeros(n, n));
                        for j in 0..n {
                            m.col_as_slice_mut(j).fill(0.0);
                        }
                        movers[k].write(&mut m, &s0, &s1, k);
                        weights.push(blend(&mut m, prior, k, options.independence_share));
                        m
                    }
                };
                for j in 0..n {
                    for (a, x) in od.col_mut(j).iter_mut().zip(m.col_as_slice(j)) {
                        *a += *x;
                    }
                }
                if keep {
                    kept.push(m);
                } else {
                    spare = Some(m);
                }
            }
            (od, kept, weights)
        })
        .collect();
    let mut od = Table::filled(n, n, 0.0);
    let mut flow_by_pob = Vec::with_capacity(if keep { n } else { 0 });
    let mut prior_weight = Vec::new();
    for (partial, kept, weights) in groups {
        for (a, x) in od.data.iter_mut().zip(&partial.data) {
            *a += *x;
        }
        flow_by_pob.extend(kept);
        prior_weight.extend(weights);
    }
    for i in 0..n {
        *od.at_mut(i, i) = 0.0;
    }
    let total = od.data.iter().sum();
    Ok(DemoFlows {
        flow_by_pob,
        od: od.to_mat(),
        total,
        births: births.to_mat(),
        deaths: deaths.to_mat(),
        outside_in: outside_in.to_mat(),
        outside_out: outside_out.to_mat(),
        stock_start_adj: s0.to_mat(),
        stock_end_adj: s1.to_mat(),
        convergence,
        prior_weight,
        diagnostics,
    })
}

/// Off-diagonal stocks must be finite and non-negative; a negative diagonal (more
/// foreign-born than people) is repaired by the guard, so only finiteness is checked.
fn check_stock(what: &'static str, s: &Table) -> Result<(), Error> {
    for (idx, &v) in s.data.iter().enumerate() {
        let (i, j) = (idx % s.n_row, idx / s.n_row);
        if !v.is_finite() || (i != j && v < 0.0) {
            return Err(Error::InvalidValue { what, index: idx, value: v });
        }
    }
    Ok(())
}

/// migest `nb_non_zero`: a column with a negative native-born cell is replaced by the
/// column of `max(S, 0)` scaled to the column's original total.
fn non_negative_native_born(
    s: &mut Table,
    table: StockTable,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<(), Error> {
    let n = s.n_row;
    let bad: Vec<usize> = (0..n).filter(|&r| s.at(r, r) < 0.0).collect();
    if bad.is_empty() {
        return Ok(());
    }
    let totals = s.col_sums();
    for &r in &bad {
        diagnostics.push(Diagnostic::NegativeNativeBorn { table, area: r, value: s.at(r, r) });
        if totals[r] < 0.0 {
            let what = match table {
                StockTable::Start => "stock_start column total",
                StockTable::End => "stock_end column total",
            };
            return Err(Error::InvalidValue { what, index: r, value: totals[r] });
        }
        let positive: f64 = (0..n).map(|b| s.at(b, r).max(0.0)).sum();
        let f = factor(totals[r], positive);
        for b in 0..n {
            let v = s.at(b, r).max(0.0) * f;
            *s.at_mut(b, r) = v;
        }
    }
    Ok(())
}

/// migest `nb_scale_global`: close the gap between natural increase and stock change by
/// rescaling the native-born diagonals, half into each table.
fn scale_native_born_global(
    (s0, s1): (&mut Table, &mut Table),
    (births, deaths): (&[f64], &[f64]),
    whole_persons: bool,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let n = s0.n_row;
    let nat_grow: f64 = births.iter().zip(deaths).map(|(b, d)| b - d).sum();
    let gap = |s0: &Table, s1: &Table| {
        let pop_grow: f64 = s1.data.iter().zip(&s0.data).map(|(b, a)| b - a).sum();
        nat_grow - pop_grow
    };
    let mut dd = gap(s0, s1);
    let original = dd;
    // migest adds one person to the end table's native-born total first when `dd mod 2`
    // lies in (0, 0.5] (R's `round(dd %% 2) == 0 & dd %% 2 != 0`, rounding half to even).
    // See: R/nb_scale_global.R in migest 2.0.5.
    let parity = dd.rem_euclid(2.0);
    if whole_persons && parity > 0.0 && parity.round_ties_even() == 0.0 {
        let diag: Vec<f64> = (0..n).map(|i| s1.at(i, i)).collect();
        let tot: f64 = diag.iter().sum();
        set_diag(s1, &rescale_integer_sum(&diag, tot + 1.0));
        dd = gap(s0, s1);
    }
    if dd != 0.0 {
        diagnostics.push(Diagnostic::GlobalImbalance { difference: original });
        let diag0: Vec<f64> = (0..n).map(|i| s0.at(i, i)).collect();
        let diag1: Vec<f64> = (0..n).map(|i| s1.at(i, i)).collect();
        let tot0: f64 = diag0.iter().sum();
        let tot1: f64 = diag1.iter().sum();
        if whole_persons {
            set_diag(s0, &rescale_integer_sum(&diag0, tot0 - dd / 2.0));
            set_diag(s1, &rescale_integer_sum(&diag1, tot1 + dd / 2.0));
        } else {
            set_diag(s0, &rescale_sum(&diag0, tot0 - dd / 2.0));
            set_diag(s1, &rescale_sum(&diag1, tot1 + dd / 2.0));
        }
    }
}

/// `x` scaled to sum to `tot`.
fn rescale_sum(x: &[f64], tot: f64) -> Vec<f64> {
    let scale = factor(tot, x.iter().sum());
    x.iter().map(|v| v * scale).collect()
}

fn set_diag(s: &mut Table, diag: &[f64]) {
    for (i, &v) in diag.iter().enumerate() {
        *s.at_mut(i, i) = v;
    }
}

/// migest `rescale_integer_sum`: scale `x` to sum to `tot`, round each value (half to
/// even, as R), and put the rounding remainder on the largest value. migest breaks ties
/// at random; here the first largest value is used, so the result is reproducible.
fn rescale_integer_sum(x: &[f64], tot: f64) -> Vec<f64> {
    let sum: f64 = x.iter().sum();
    let scale = if sum == 0.0 { 0.0 } else { tot / sum };
    let mut out: Vec<f64> = x.iter().map(|v| (v * scale).round_ties_even()).collect();
    let rest = tot - out.iter().sum::<f64>();
    if rest != 0.0 && !out.is_empty() {
        let largest = (0..x.len()).fold(0, |best, i| if x[i] > x[best] { i } else { best });
        out[largest] += rest;
    }
    out
}

/// migest `birth_mat`.
fn birth_matrix(
    s1: &Table,
    births: &[f64],
    options: &DemoOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Table {
    let n = s1.n_row;
    let mut proportional = s1.clone();
    proportional.scale_cols_to(births);
    match options.birth_method {
        BirthMethod::Proportion => proportional,
        BirthMethod::Native => {
            let mut b = Table::filled(n, n, 0.0);
            for (r, &born) in births.iter().enumerate() {
                if options.birth_non_negative && s1.at(r, r) - born < 0.0 {
                    diagnostics.push(Diagnostic::TooManyBirths { area: r });
                    for k in 0..n {
                        *b.at_mut(k, r) = proportional.at(k, r);
                    }
                } else {
                    *b.at_mut(r, r) = born;
                }
            }
            b
        }
    }
}

/// migest `death_mat`.
fn death_matrix(
    s0: &Table,
    s1: &Table,
    births: &[f64],
    deaths: &[f64],
    options: &DemoOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Table, Error> {
    let mut d = s0.clone();
    match options.death_method {
        DeathMethod::Proportion => d.scale_cols_to(deaths),
        DeathMethod::Accounting => {
            // migest indexes births by birthplace here, as written.
            let by_pob: Vec<f64> = s0
                .row_sums()
                .iter()
                .zip(births)
                .zip(s1.row_sums())
                .map(|((r0, b), r1)| r0 + b - r1)
                .collect();
            crate::ipf::check_values("deaths by birthplace (accounting)", &by_pob)?;
            check_sums(by_pob.iter().sum(), deaths.iter().sum())?;
            let conv = d.fit(Some(&by_pob), Some(deaths), &options.ipf);
            if !conv.converged {
                diagnostics.push(Diagnostic::NotConverged { step: "deaths", convergence: conv });
            }
        }
    }
    Ok(d)
}

fn subtract(a: &Table, b: &Table) -> Table {
    Table {
        n_row: a.n_row,
        n_col: a.n_col,
        data: a.data.iter().zip(&b.data).map(|(x, y)| x - y).collect(),
    }
}

fn report_negative(s: &Table, table: StockTable, diagnostics: &mut Vec<Diagnostic>) {
    let count = s.data.iter().filter(|v| **v < 0.0).count();
    if count > 0 {
        let min = s.data.iter().copied().fold(f64::INFINITY, f64::min);
        diagnostics.push(Diagnostic::NegativeStock { table, count, min });
    }
}

/// The closed-world rescale of one table: two-way IPF to `row_tot`, `col_tot`.
fn rescale(
    step: &'static str,
    mut s: Table,
    row_tot: &[f64],
    col_tot: &[f64],
    options: &DemoOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Table, Error> {
    crate::ipf::check_values(step, &s.data)?;
    crate::ipf::check_values(step, row_tot)?;
    check_sums(row_tot.iter().sum(), col_tot.iter().sum())?;
    let conv = s.fit(Some(row_tot), Some(col_tot), &options.ipf);
    if !conv.converged {
        diagnostics.push(Diagnostic::NotConverged { step, convergence: conv });
    }
    Ok(s)
}

/// The fitted movers of one birthplace: the block of origins losing (`rows`) and
/// destinations gaining (`cols`) its people.
struct Movers {
    rows: Vec<usize>,
    cols: Vec<usize>,
    block: Table,
}

impl Movers {
    /// Adds the movers to an origin-destination table.
    fn add_to(&self, od: &mut Table) {
        for (cj, &j) in self.cols.iter().enumerate() {
            let col = od.col_mut(j);
            for (&i, &v) in self.rows.iter().zip(self.block.col(cj)) {
                col[i] += v;
            }
        }
    }

    /// Writes birthplace `k`'s table (movers off the diagonal, stayers on it) into a
    /// matrix of zeros.
    fn write(&self, m: &mut Mat<f64>, s0: &Table, s1: &Table, k: usize) {
        for (cj, &j) in self.cols.iter().enumerate() {
            let col = m.col_as_slice_mut(j);
            for (&i, &v) in self.rows.iter().zip(self.block.col(cj)) {
                col[i] = v;
            }
        }
        for r in 0..m.nrows() {
            m[(r, r)] += s0.at(k, r).min(s1.at(k, r));
        }
    }
}

/// The fitted allocation, before the birthplace tables are assembled.
enum Fitted {
    Minimisation(Vec<Movers>),
    Independence(Prior),
    PseudoBayes(Vec<Movers>, Prior),
}

/// Minimum migration: stayers `min(S0[k][r], S1[k][r])` fixed, movers fitted by
/// quasi-independence (structural zeros on the diagonal) birthplace by birthplace.
fn minimisation(
    s0: &Table,
    s1: &Table,
    seed: Option<&Table>,
    ipf: &IpfOptions,
) -> (Vec<Movers>, Convergence) {
    let n = s0.n_row;
    // Margins of birthplace k: movers out of each origin (x0) and into each destination (x1).
    let margins: Vec<(Vec<f64>, Vec<f64>)> = (0..n)
        .map(|k| {
            let (a, b) = (s0.row(k), s1.row(k));
            let x0: Vec<f64> = a.iter().zip(&b).map(|(a, b)| a - a.min(*b)).collect();
            let mut x1: Vec<f64> = a.iter().zip(&b).map(|(a, b)| b - a.min(*b)).collect();
            // Remove rounding drift between the two birthplace totals (migest rescales x1).
            let f = factor(x0.iter().sum(), x1.iter().sum());
            x1.iter_mut().for_each(|x| *x *= f);
            (x0, x1)
        })
        .collect();
    // Only origins losing k-born (x0 > 0) and destinations gaining them (x1 > 0) take part;
    // every other row and column of the fit is zero after the first sweep. An area cannot
    // both lose and gain k-born, so the two sets are disjoint, the diagonal's structural
    // zeros fall outside the block, and the block is fitted alone: the same fixed point,
    // at a fraction of the cost for sparse stock tables.
    let active: Vec<(Vec<usize>, Vec<usize>)> = margins
        .iter()
        .map(|(x0, x1)| {
            let rows = (0..n).filter(|&i| x0[i] > 0.0).collect();
            let cols = (0..n).filter(|&j| x1[j] > 0.0).collect();
            (rows, cols)
        })
        .collect();
    let block_margins: Vec<(Vec<f64>, Vec<f64>)> = margins
        .iter()
        .zip(&active)
        .map(|((x0, x1), (rows, cols))| {
            (rows.iter().map(|&i| x0[i]).collect(), cols.iter().map(|&j| x1[j]).collect())
        })
        .collect();
    let make = |k: usize| {
        let (rows, cols) = &active[k];
        let mut t = Table::filled(rows.len(), cols.len(), 1.0);
        if let Some(seed) = seed {
            for (cj, &j) in cols.iter().enumerate() {
                for (ri, &i) in rows.iter().enumerate() {
                    *t.at_mut(ri, cj) = seed.at(i, j);
                }
            }
        }
        t
    };
    let (blocks, conv) = fit_slices(n, make, &block_margins, ipf, |_, block| block);
    let movers = active
        .into_iter()
        .zip(blocks)
        .map(|((rows, cols), block)| Movers { rows, cols, block })
        .collect();
    (movers, conv)
}

/// The independence estimate of every birthplace table.
enum Prior {
    /// Tables fitted by IPF from a given seed.
    Tables(Vec<Table>),
    /// From a seed of ones IPF is exact after its first sweep: `y[i][j] = a[i] * b[j]`
    /// with `a = row_tot / n` and `b = col_tot / Σa`, the first sweep's factors (the same
    /// bits). Kept as the factors, one pair per birthplace.
    RankOne(Vec<(Vec<f64>, Vec<f64>)>),
}

impl Prior {
    fn total(&self, k: usize) -> f64 {
        match self {
            Prior::Tables(t) => sum(&t[k].data),
            Prior::RankOne(f) => sum(&f[k].0) * sum(&f[k].1),
        }
    }

    /// Writes birthplace table `k` into `m`, overwriting every cell.
    fn write(&self, m: &mut Mat<f64>, k: usize) {
        for j in 0..m.ncols() {
            let col = m.col_as_slice_mut(j);
            match self {
                Prior::Tables(t) => col.copy_from_slice(t[k].col(j)),
                Prior::RankOne(f) => {
                    let (a, b) = &f[k];
                    for (v, a) in col.iter_mut().zip(a) {
                        *v = a * b[j];
                    }
                }
            }
        }
    }
}

/// Independence: each birthplace table fitted from the seed to the adjusted stocks.
fn independence(
    s0: &Table,
    s1: &Table,
    seed: Option<&Table>,
    ipf: &IpfOptions,
) -> Result<(Prior, Convergence), Error> {
    let n = s0.n_row;
    crate::ipf::check_values("adjusted stock_start", &s0.data)?;
    crate::ipf::check_values("adjusted stock_end", &s1.data)?;
    let margins: Vec<(Vec<f64>, Vec<f64>)> = (0..n).map(|k| (s0.row(k), s1.row(k))).collect();
    if let Some(base) = seed {
        let (tables, conv) = fit_slices(n, |_| base.clone(), &margins, ipf, |_, t| t);
        return Ok((Prior::Tables(tables), conv));
    }
    let mut max_margin_error: f64 = 0.0;
    let mut scale: f64 = 0.0;
    let factors = margins
        .iter()
        .map(|(r, c)| {
            let a: Vec<f64> = r.iter().map(|&r| factor(r, n as f64)).collect();
            let sum_a = sum(&a);
            let b: Vec<f64> = c.iter().map(|&c| factor(c, sum_a)).collect();
            let sum_b = sum(&b);
            for (r, a) in r.iter().zip(&a) {
                max_margin_error = max_margin_error.max((r - a * sum_b).abs());
                scale = scale.max(*r);
            }
            for (c, b) in c.iter().zip(&b) {
                max_margin_error = max_margin_error.max((c - b * sum_a).abs());
                scale = scale.max(*c);
            }
            (a, b)
        })
        .collect();
    let conv = Convergence {
        iterations: 1,
        max_margin_error,
        criterion: 0.0,
        converged: max_margin_error <= ipf.margin_rtol * scale,
    };
    Ok((Prior::RankOne(factors), conv))
}

/// Abel & Cohen's pseudo-Bayesian mixture of birthplace table `k`: `x`, the
/// minimisation estimate, becomes `(1 − w) · x + w · Nλ`, with `Nλ` the independence
/// estimate scaled to the total of `x`. Both tables have the same margins, so the mixture
/// keeps them. Returns the share used (0 for an empty table).
fn blend(x: &mut Mat<f64>, prior: &Prior, k: usize, w: f64) -> f64 {
    let mut total = 0.0;
    for j in 0..x.ncols() {
        total += sum(x.col_as_slice(j));
    }
    let prior_total = prior.total(k);
    if total <= 0.0 || prior_total <= 0.0 {
        return 0.0;
    }
    let ratio = total / prior_total;
    for j in 0..x.ncols() {
        let (p, scale): (&[f64], f64) = match prior {
            Prior::Tables(t) => (t[k].col(j), ratio),
            Prior::RankOne(f) => (&f[k].0, f[k].1[j] * ratio),
        };
        for (v, p) in x.col_as_slice_mut(j).iter_mut().zip(p) {
            *v = (1.0 - w) * *v + w * (p * scale);
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rescale_integer_sum_hits_the_total() {
        let out = rescale_integer_sum(&[10.0, 20.0, 30.5], 61.0);
        assert!((out.iter().sum::<f64>() - 61.0).abs() < 1e-12);
        let out = rescale_integer_sum(&[10.0, 20.0, 30.0], 59.5);
        assert!((out.iter().sum::<f64>() - 59.5).abs() < 1e-12);
    }

    #[test]
    fn negative_native_born_is_repaired_and_reported() {
        let mut s = Table { n_row: 2, n_col: 2, data: vec![10.0, 3.0, 5.0, -1.0] };
        let mut diags = Vec::new();
        non_negative_native_born(&mut s, StockTable::Start, &mut diags).unwrap();
        assert!(s.at(1, 1).abs() < 1e-300);
        assert!((s.at(0, 1) - 4.0).abs() < 1e-12);
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn rank_one_prior_is_its_table() {
        let s0 =
            Table { n_row: 3, n_col: 3, data: vec![5.0, 1.0, 0.0, 2.0, 7.0, 1.0, 0.0, 3.0, 9.0] };
        let s1 =
            Table { n_row: 3, n_col: 3, data: vec![4.0, 2.0, 1.0, 2.0, 6.0, 2.0, 1.0, 3.0, 7.0] };
        let (prior, conv) = independence(&s0, &s1, None, &IpfOptions::mipfp()).unwrap();
        assert!(conv.converged);
        let (fitted, _) =
            independence(&s0, &s1, Some(&Table::filled(3, 3, 1.0)), &IpfOptions::mipfp()).unwrap();
        let as_mats = |p: &Prior| {
            (0..3)
                .map(|k| {
                    let mut m = Mat::<f64>::zeros(3, 3);
                    p.write(&mut m, k);
                    m
                })
                .collect::<Vec<_>>()
        };
        let (direct, fitted) = (as_mats(&prior), as_mats(&fitted));
        for (a, b) in direct.iter().zip(&fitted) {
            for j in 0..3 {
                for i in 0..3 {
                    assert!((a[(i, j)] - b[(i, j)]).abs() < 1e-12);
                }
            }
        }
        let x = faer::mat![[5.0, 0.0, 0.0], [0.0, 6.0, 0.0], [0.0, 1.0, 8.0]];
        let (mut a, mut b) = (x.clone(), x);
        let tables = direct.iter().map(|m| Table::from_mat(m.as_ref())).collect();
        let wa = blend(&mut a, &Prior::Tables(tables), 1, 0.13);
        let (prior, _) = independence(&s0, &s1, None, &IpfOptions::mipfp()).unwrap();
        let wb = blend(&mut b, &prior, 1, 0.13);
        assert!((wa - wb).abs() < 1e-12);
        for j in 0..3 {
            for i in 0..3 {
                assert!((a[(i, j)] - b[(i, j)]).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn blend_keeps_margins_and_mixes_by_the_share() {
        let mut x = faer::mat![[5.0, 0.0], [0.0, 5.0]];
        let prior = Prior::Tables(vec![Table { n_row: 2, n_col: 2, data: vec![2.5; 4] }]);
        let w = blend(&mut x, &prior, 0, 0.13);
        assert!((w - 0.13).abs() < 1e-15);
        assert!((x[(0, 1)] - 0.13 * 2.5).abs() < 1e-12);
        assert!((x[(0, 0)] + x[(0, 1)] - 5.0).abs() < 1e-12);
        assert!((x[(0, 1)] + x[(1, 1)] - 5.0).abs() < 1e-12);
    }
}
