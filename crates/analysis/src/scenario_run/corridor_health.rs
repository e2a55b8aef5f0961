//! The skills model on a real corridor, from what the store holds of the origin's health
//! workforce: physicians per 1,000 people (WDI), not nurses, not graduates, not spending
//! per student.
//!
//! The file then models **physicians**. Its stock starts from the physicians of the
//! baseline year; the density it compares with is the origin's own density of that year
//! (no WHO threshold exists for physicians alone); the two rates nothing publishes —
//! graduates a year and the emigration rate — are fitted by a calibration that replays
//! the past: an option `history-A-B` starts from the physicians of an earlier year A and
//! must reach those of the baseline year B; every option then draws the fitted rates.
//! Public spending per student-year, which only the money outputs use, takes a wide prior
//! relative to the origin's GDP per capita, from the range UNESCO's data show.

use std::fmt::Write as _;

use montecarlo::model::{Baseline, ParamDef};

use super::corridor_example::{number, one_line, quoted};
use crate::{Error, Workspace};

/// Years a history may span: at least 3 (a rate needs a change to fit), at most 10 (the
/// models' default horizon).
const SPAN: std::ops::RangeInclusive<i32> = 3..=10;

/// What the store gives a skills scenario of a corridor: the baseline year (that of the
/// origin's physicians) and, if the store has an earlier figure to replay from, its year
/// and baseline.
pub(super) struct Health {
    /// The baseline year: the year of the origin's newest physicians figure in or before
    /// the year asked for.
    pub year: i32,
    /// The earlier year the history starts from, with the store's baseline of that year.
    pub history: Option<(i32, Baseline)>,
}

impl Workspace {
    /// The skills plan of the corridor `origin` → `destination` for a baseline `year`;
    /// `None` when the store holds no physicians of the origin in or before it.
    pub(super) async fn health(
        &self,
        (origin, destination): (&str, &str),
        year: i32,
    ) -> Result<Option<Health>, Error> {
        let years = self.origin_years(origin, "origin_physicians_per_1000").await?;
        let Some(&now) = years.iter().rev().find(|y| **y <= year) else {
            return Ok(None);
        };
        let history = match years.iter().find(|y| SPAN.contains(&(now - **y))) {
            Some(&from) => {
                let baseline =
                    self.scenario_baseline(origin, Some(destination), Some(from)).await?;
                baseline.get("origin_physicians").is_some().then_some((from, baseline))
            }
            None => None,
        };
        Ok(Some(Health { year: now, history }))
    }
}

/// The file's opening note: what it models, and how it reads the model's outputs.
pub(super) fn header(health: &Health) -> String {
    let year = health.year;
    let history = match &health.history {
        Some((from, _)) => format!(
            "\n# The option history-{from}-{year} replays {from}–{year}; it is the calibration's, not a policy."
        ),
        None => String::new(),
    };
    format!(
        "#\n# THIS FILE MODELS PHYSICIANS: the store holds physicians per 1,000 people (WDI), not nurses or\n\
         # midwives. The density threshold is the origin's own density of physicians in {year}, not the\n\
         # WHO's 49 per 10,000 (which counts doctors, nurses and midwives): years_below_threshold and\n\
         # workers_short_end compare with {year}.{history}\n"
    )
}

/// What the scenario's description adds (the brief shows it above the charts).
pub(super) fn description(health: &Health) -> String {
    let year = health.year;
    let history = match &health.history {
        Some((from, _)) => format!(
            " The option history-{from}-{year} replays {from}–{year} for the calibration; it is not a policy."
        ),
        None => String::new(),
    };
    format!(
        " Physicians only (the store holds no nurses); the density threshold is the origin's own density of physicians in {year}, not the WHO's 49 per 10,000.{history}"
    )
}

/// Wide priors of public spending per student-year, as shares of the origin's GDP per
/// capita: (parameter, low, high, what the range rests on).
const SPENDING: [(&str, f64, f64, &str); 3] = [
    (
        "spend_primary_usd",
        0.05,
        0.20,
        "primary: 41 of 47 African countries lie between 5 % and 20 % (all: 4.1 % to 37.3 %)",
    ),
    (
        "spend_secondary_usd",
        0.10,
        0.35,
        "secondary: 32 of 43 African countries lie between 10 % and 35 % (all: 0.7 % to 52.4 %)",
    ),
    (
        "spend_professional_usd",
        0.5,
        3.5,
        "tertiary: 30 of 44 African countries lie between 50 % and 350 % (all: 0 % to 1,318 %); a medical student costs more than the average tertiary student, so the upper half is the likelier",
    ),
];

/// Where [`SPENDING`]'s ranges come from.
const SPENDING_SOURCE: &str = "government expenditure per student, % of GDP per capita (UNESCO Institute for Statistics; WDI SE.XPD.PRIM.PC.ZS, SE.XPD.SECO.PC.ZS, SE.XPD.TERT.PC.ZS), each African country's latest value as listed by IndexMundi (data retrieved March 2019)";

/// Wide prior of the destination's cost of training a doctor, as multiples of its GDP per
/// capita, where the corridor parameters file has no figure for the destination.
const TRAINING: (f64, f64, &str) = (
    3.0,
    10.0,
    "wide prior: 3 to 10 times the destination's GDP per capita; England's published cost of training a doctor (£230,000 in 2017, US$296,470; corridor_parameters.csv) is 7.3 to 7.5 times the United Kingdom's GDP per capita of that year (WDI)",
);

/// The line of parameter `def` in a skills option of the corridor, for the parameters the
/// store's physicians decide; `None` for the others (written as usual).
pub(super) fn parameter(def: &ParamDef, baseline: &Baseline, health: &Health) -> Option<String> {
    let year = health.year;
    let fixed = |v: f64, source: &str| {
        format!(
            "{} = {{ dist = \"fixed\", value = {}, source = {} }}",
            def.name,
            number(v),
            quoted(&one_line(source))
        )
    };
    match def.name {
        "stock_start" => {
            let v = baseline.get("origin_physicians")?;
            Some(fixed(
                v.value,
                &format!(
                    "baseline origin_physicians: {}. The store holds physicians alone (not nurses or midwives): the profession modelled is physicians",
                    v.source
                ),
            ))
        }
        "density_threshold" => {
            let v = baseline.get("origin_physicians_per_1000")?;
            Some(fixed(
                v.value * 10.0,
                &format!(
                    "the origin's own density of physicians in {year} (per 10,000; {}). No WHO threshold exists for physicians alone — the WHO's 49 per 10,000 counts doctors, nurses and midwives — so years_below_threshold counts the years with fewer physicians per person than in {year}, and workers_short_end the physicians missing to keep that density",
                    v.source
                ),
            ))
        }
        "destination_share" => {
            let v = baseline.get("corridor_share_of_emigrants")?;
            Some(fixed(
                v.value,
                &format!(
                    "proxy: baseline corridor_share_of_emigrants, the destination's share of all the origin's emigrants ({}); physicians' destinations may differ",
                    v.source
                ),
            ))
        }
        "population_growth" => {
            let (from, past) = health.history.as_ref()?;
            let (pop, now) = (past.get("origin_population")?, baseline.get("origin_population")?);
            let growth = (now.value / pop.value).powf(1.0 / f64::from(year - from)) - 1.0;
            Some(format!(
                "population_growth = {{ dist = \"fixed\", value = {growth:.6}, source = {} }}",
                quoted(&format!(
                    "the origin's yearly population growth from {from} to {year} (origin_population {} to {}), continued",
                    number(pop.value),
                    number(now.value)
                ))
            ))
        }
        "graduates_per_year" | "emigration_rate" if health.history.is_some() => Some(format!(
            "# {} is fitted by the calibration below (every skills option draws it from the fit)",
            def.name
        )),
        "destination_training_cost_usd" => {
            let gdp = baseline.get("destination_gdp_per_capita_usd")?;
            let (low, high, why) = TRAINING;
            Some(uniform(
                def.name,
                gdp.value * low,
                gdp.value * high,
                &format!("{why}; destination GDP per capita: {}", gdp.source),
            ))
        }
        name => {
            let (_, low, high, why) = SPENDING.iter().find(|s| s.0 == name)?;
            let gdp = baseline.get("origin_gdp_per_capita_usd")?;
            Some(uniform(
                name,
                gdp.value * low,
                gdp.value * high,
                &format!(
                    "wide prior: {}–{} % of the origin's GDP per capita ({}); {why}; {SPENDING_SOURCE}",
                    number(low * 100.0),
                    number(high * 100.0),
                    one_line(&gdp.source)
                ),
            ))
        }
    }
}

/// A uniform distribution's line, its bounds rounded to whole dollars.
fn uniform(name: &str, low: f64, high: f64, source: &str) -> String {
    format!(
        "{name} = {{ dist = \"uniform\", min = {}, max = {}, source = {} }}",
        number(low.round()),
        number(high.round()),
        quoted(&one_line(source))
    )
}

/// The option that replays the past, its calibration, or a note that none is possible.
/// `lines` are the as-observed option's lines set from the store, which the history
/// shares except for its own start.
pub(super) fn history(s: &mut String, health: &Health, baseline: &Baseline, lines: &[String]) {
    let now = health.year;
    let Some((from, past)) = &health.history else {
        let _ = writeln!(
            s,
            "\n# No calibration: the store holds no physicians of the origin {} to {} years before {now}\n\
             # to replay; graduates_per_year and emigration_rate must be set above.",
            SPAN.start(),
            SPAN.end()
        );
        return;
    };
    let (Some(stock), Some(pop), Some(pop_now)) = (
        past.get("origin_physicians"),
        past.get("origin_population"),
        baseline.get("origin_population"),
    ) else {
        return;
    };
    let span = now - from;
    let name = format!("history-{from}-{now}");
    let growth = (pop_now.value / pop.value).powf(1.0 / f64::from(span)) - 1.0;
    let _ = writeln!(
        s,
        "\n# The past, replayed: from the physicians of {from} to those of {now}. The calibration\n\
         # fits the two rates nothing publishes to it, and every option draws them from the fit."
    );
    let _ = writeln!(
        s,
        "[[option]]\nname = {}\nmodel = \"skills\"\n[option.parameters]",
        quoted(&name)
    );
    let _ = writeln!(s, "horizon_years = {span}");
    let _ = writeln!(
        s,
        "population = {{ dist = \"fixed\", value = {}, source = {} }}",
        number(pop.value),
        quoted(&format!("baseline origin_population of {from}: {}", one_line(&pop.source)))
    );
    let _ = writeln!(
        s,
        "population_growth = {{ dist = \"fixed\", value = {growth:.6}, source = {} }}",
        quoted(&format!(
            "the origin's yearly population growth from {from} to {now} (origin_population {} to {})",
            number(pop.value),
            number(pop_now.value)
        ))
    );
    let _ = writeln!(
        s,
        "stock_start = {{ dist = \"fixed\", value = {}, source = {} }}",
        number(stock.value),
        quoted(&format!("baseline origin_physicians of {from}: {}", one_line(&stock.source)))
    );
    let own = ["stock_start ", "population_growth "];
    for line in
        lines.iter().filter(|l| !l.starts_with('#') && !own.iter().any(|o| l.starts_with(o)))
    {
        let _ = writeln!(s, "{line}");
    }
    let gmax = (stock.value * 0.25).round().max(1.0);
    let _ = writeln!(
        s,
        "\n# Calibration (docs/scenarios.md, \"Calibration\"): graduates a year and the emigration rate\n\
         # such that {name} ends with the physicians of {now}. One observed figure fits the two only\n\
         # together (more graduates with more emigration), so their intervals are wide; the\n\
         # options carry that width. Attrition stays at the model's 3 % a year."
    );
    let _ = writeln!(s, "[calibration]\noption = {}", quoted(&name));
    s.push_str("[calibration.targets]\nstock = \"origin_physicians\"\n[calibration.free]\n");
    let _ = writeln!(
        s,
        "graduates_per_year = {{ min = 0, max = {}, source = {} }}",
        number(gmax),
        quoted(&format!("wide prior: from none to a quarter of the physicians of {from} a year"))
    );
    let _ = writeln!(
        s,
        "emigration_rate = {{ min = 0, max = 0.15, source = \"wide prior: from none to 15 % of the physicians a year\" }}"
    );
}
