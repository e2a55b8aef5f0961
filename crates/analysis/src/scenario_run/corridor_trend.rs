//! The growth of a corridor's remittances, for the remittance-cost model's file: the
//! store has no series of a corridor's amount (the bilateral matrix is one estimate,
//! whose editions are not a series), but it has the origin's remittances received year by
//! year. The file assumes the corridor grows as the origin's total did over the last
//! five to ten years: the growth is drawn from a normal distribution with the mean of
//! the total's observed yearly changes and its standard error, so the uncertainty of the
//! trend (not the noise of single years) is in the results, and the file says so with the
//! figures and their sources. A series that jumps by more than the parameter allows in
//! one year (a change of what is recorded) gives nothing: the default stays.

use montecarlo::model::{Baseline, BaselineValue, ParamDef};

use super::corridor_example::{quoted, signed};
use crate::{Error, Workspace};

/// The key whose series gives the growth.
const KEY: &str = "origin_remittances_received_usd";

/// Years the growth is measured over: at least 5, at most 10.
const SPAN: std::ops::RangeInclusive<i32> = 5..=10;

/// The origin's remittances received over the years the growth is measured on.
pub(super) struct Trend {
    /// The first year's value, cited.
    pub from: (i32, BaselineValue),
    /// The last year's value (the newest in or before the baseline year), cited.
    pub to: (i32, BaselineValue),
    /// Every observed (year, value) from the first to the last, oldest first.
    pub points: Vec<(i32, f64)>,
}

impl Trend {
    /// The yearly changes between consecutive observed years, oldest first (a gap of
    /// several years counts as its compounded yearly rate).
    pub(super) fn changes(&self) -> Vec<f64> {
        self.points
            .windows(2)
            .map(|w| (w[1].1 / w[0].1).powf(1.0 / f64::from(w[1].0 - w[0].0)) - 1.0)
            .collect()
    }

    /// The compounded yearly change from the first year to the last.
    pub(super) fn overall(&self) -> f64 {
        let years = f64::from(self.to.0 - self.from.0);
        (self.to.1.value / self.from.1.value).powf(1.0 / years) - 1.0
    }
}

impl Workspace {
    /// The trend of the origin's remittances up to `year`, over the longest span of 5
    /// to 10 years the store covers; `None` without two such figures.
    pub(super) async fn remittance_trend(
        &self,
        origin: &str,
        year: i32,
    ) -> Result<Option<Trend>, Error> {
        let years = self.origin_years(origin, KEY).await?;
        let Some(&to) = years.iter().rev().find(|y| **y <= year) else {
            return Ok(None);
        };
        let Some(&from) = years.iter().find(|y| SPAN.contains(&(to - **y))) else {
            return Ok(None);
        };
        let mut cited = Vec::new();
        for &y in years.iter().filter(|y| (from..=to).contains(*y)) {
            match self.scenario_baseline(origin, None, Some(y)).await?.get(KEY) {
                Some(v) if v.value > 0.0 => cited.push((y, v.clone())),
                _ => return Ok(None),
            }
        }
        let points = cited.iter().map(|(y, v)| (*y, v.value)).collect();
        let (Some(first), Some(last)) = (cited.first().cloned(), cited.last().cloned()) else {
            return Ok(None);
        };
        Ok(Some(Trend { from: first, to: last, points }))
    }
}

/// The line of `def` from the trend: `remittances_usd` carried to the baseline year
/// ([`carried`]) or `remittance_growth` ([`growth`]); `None` for other parameters.
pub(super) fn parameter(def: &ParamDef, baseline: &Baseline, trend: &Trend) -> Option<String> {
    match def.name {
        "remittances_usd" => carried(baseline, trend),
        "remittance_growth" => growth(def, trend),
        _ => None,
    }
}

/// The corridor's amount of an earlier year carried to the newest year of the origin's
/// total: the bilateral matrix allocates a country's inflows among its corridors by
/// migrant stocks and incomes (Ratha & Shaw 2007), so the corridor's estimate is scaled by
/// the change of the origin's total. `None` when the amount is of that year already or
/// the origin's total of its year is not in the trend.
fn carried(baseline: &Baseline, trend: &Trend) -> Option<String> {
    let amount = baseline.get("corridor_remittances_usd")?;
    let year = cited_year(&amount.source)?;
    let (to, total) = (&trend.to.0, &trend.to.1);
    if year >= *to {
        return None;
    }
    let (_, then) = trend.points.iter().find(|p| p.0 == year)?;
    let value = (amount.value * total.value / then).round();
    let source = format!(
        "corridor_remittances_usd of {year} (US${:.0} m; {}) × the origin's remittances received of {to} over {year} (US${:.0} m / US${:.0} m; {}): the bilateral estimate carried to {to} by the origin's total, as the bilateral matrix allocates a country's inflows among its corridors (Ratha & Shaw 2007)",
        amount.value / 1e6,
        amount.source,
        total.value / 1e6,
        then / 1e6,
        total.source
    );
    Some(format!(
        "remittances_usd = {{ dist = \"fixed\", value = {value:.0}, source = {} }}",
        quoted(&super::corridor_example::one_line(&source))
    ))
}

/// The year a baseline value's citation ends with (`…; year 2018`, as
/// [`Workspace::scenario_baseline`] cites every value).
fn cited_year(source: &str) -> Option<i32> {
    source.rsplit_once("; year ")?.1.trim().parse().ok()
}

/// The line of `remittance_growth` from the trend, if every observed change lies in its
/// domain.
fn growth(def: &ParamDef, trend: &Trend) -> Option<String> {
    let changes: Vec<f64> = trend.changes().iter().map(|c| (c * 1e6).round() / 1e6).collect();
    if changes.is_empty() || !changes.iter().all(|c| def.domain.contains(*c)) {
        return None;
    }
    let n = changes.len() as f64;
    let mean = changes.iter().sum::<f64>() / n;
    let var = changes.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
    let se = (var / n).sqrt().max(1e-6);
    let ((a, va), (b, vb)) = (&trend.from, &trend.to);
    let source = format!(
        "the mean of the origin's {} yearly changes of remittances received from {a} to {b} ({} % a year, standard error {:.1} points; {} % a year compounded over the whole span: US${:.0} m to US${:.0} m; {}; {}): the corridor is assumed to grow as the origin's total did, the store holding no series of the corridor's own amount",
        changes.len(),
        signed(mean * 100.0),
        se * 100.0,
        signed(trend.overall() * 100.0),
        va.value / 1e6,
        vb.value / 1e6,
        va.source,
        vb.source
    );
    let (lower, upper) = match def.domain {
        montecarlo::model::Domain::Range { min, max } => (min, max),
        _ => return None,
    };
    Some(format!(
        "remittance_growth = {{ dist = \"normal\", mean = {mean:.6}, sd = {se:.6}, lower = {lower}, upper = {upper}, source = {} }}",
        quoted(&super::corridor_example::one_line(&source))
    ))
}
