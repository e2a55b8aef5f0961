//! Estimators on plain matrices and vectors.
//!
//! `stats` knows nothing about countries or years: it sees `f64` matrices and `u32`
//! group ids, and `analysis` attaches labels. It does no I/O, reads no clock and draws
//! no random numbers, so the same inputs give the same bits.
//!
//! * [`ipf`]: matrix balancing (iterative proportional fitting, conditional maximisation).
//! * [`flows`]: bilateral migration flows from stock tables (Abel & Cohen's methods).
//! * [`remit`]: the bilateral remittance matrix (Ratha & Shaw allocation).
//! * [`ppml`]: Poisson pseudo-maximum likelihood and OLS with high-dimensional fixed effects.
//! * [`special`]: `erfc`, `ln Γ`, the normal CDF and the normal and Student-t p-values,
//!   the workspace's one copy of each.

pub mod error;
pub mod flows;
pub mod formula;
pub mod ipf;
pub mod ppml;
pub mod remit;
pub mod special;

pub use error::Error;
