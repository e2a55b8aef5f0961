//! Skilled emigration and compensation: a yearly stock–flow model of a profession at
//! origin (health workers by default), with ethical-recruitment caps, a
//! government-to-government (G2G) agreement that finances replacement training, a
//! Bhagwati-type transfer and a skills-replenishment fund.
//!
//! Equations, parameter sources and limits: `docs/models/skills.md`. The training cost
//! per professional follows Mills et al. (2011, BMJ 343:d7031), METHODS §4.4:
//! `C = Σ_t e_t (1 + r)^(T − t)`, see [`mills_training_cost`].

use crate::model::{
    Domain, DrawRng, Model, ModelError, OutputDef, Outputs, ParamDef, ParamDefault, Params, Shape,
    Side,
};

/// The skilled-emigration model (`"skills"` in scenario files).
#[derive(Clone, Copy, Debug, Default)]
pub struct Skills;

const NAME: &str = "skills";

/// The parameters of [`Skills`], in order.
pub const PARAMETERS: &[ParamDef] = &[
    ParamDef {
        name: "horizon_years",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(10.0),
        fixed: true,
        source: "convention: ten years, the span of a national health workforce plan",
        doc: "Number of simulated years (year 0 is the baseline year).",
    },
    ParamDef {
        name: "population",
        unit: "persons",
        domain: Domain::Positive,
        default: ParamDefault::Baseline("origin_population"),
        fixed: true,
        source: "baseline: origin population in the baseline year (store)",
        doc: "Population of the origin country at the start of year 0.",
    },
    ParamDef {
        name: "population_growth",
        unit: "share per year",
        domain: Domain::Range { min: -0.1, max: 0.1 },
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: constant population; set from UN World Population Prospects projections",
        doc: "Yearly growth rate of the origin population (density denominator).",
    },
    ParamDef {
        name: "stock_start",
        unit: "persons",
        domain: Domain::NonNegative,
        default: ParamDefault::Baseline("origin_health_workers_home"),
        fixed: false,
        source: "baseline: doctors and nurses working in the origin country (store; WHO NHWA where available)",
        doc: "Stock of the profession working at origin at the start of year 0.",
    },
    ParamDef {
        name: "graduates_per_year",
        unit: "persons per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Required,
        fixed: false,
        source: "scenario: national training statistics (graduates of medical and nursing schools entering practice)",
        doc: "Graduates of the domestic training pipeline entering the stock in year 0.",
    },
    ParamDef {
        name: "graduates_growth",
        unit: "share per year",
        domain: Domain::Range { min: -0.5, max: 0.5 },
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: constant intake; set from the training plan",
        doc: "Yearly growth rate of domestic graduates without the policy levers.",
    },
    ParamDef {
        name: "attrition_rate",
        unit: "share of stock per year",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.03),
        fixed: false,
        source: "convention: about 3 % a year (retirement, death, leaving the profession; a working life of about 33 years); set from national workforce accounts",
        doc: "Share of the stock at the start of a year that leaves the profession at home during the year, other than by emigration.",
    },
    ParamDef {
        name: "emigration_rate",
        unit: "share of stock per year",
        domain: Domain::Probability,
        default: ParamDefault::Required,
        fixed: false,
        source: "scenario: e.g. the yearly change in origin_health_workers_abroad over origin_health_workers_home (Clemens & Pettersson 2008 method, METHODS §4.3, gives stocks abroad, not rates)",
        doc: "Share of the stock at the start of a year that emigrates during the year without the policy levers.",
    },
    ParamDef {
        name: "destination_share",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(1.0),
        fixed: false,
        source: "convention: all emigrants go to the destination of the scenario; set from the destination's share of the stock abroad",
        doc: "Share of emigrants recruited by the destination the levers concern; the rest go elsewhere and are untouched by the levers.",
    },
    ParamDef {
        name: "cap_per_year",
        unit: "persons per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0, no active recruitment, which the WHO Code (WHA63.16, art. 5.1; METHODS §7.2) asks of destinations recruiting from developing countries facing critical shortages, today those on the WHO safeguards list (METHODS §7.3); only binds when cap_compliance > 0",
        doc: "Ethical-recruitment cap: the most the destination may recruit in a year.",
    },
    ParamDef {
        name: "cap_compliance",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0, no cap; the WHO Code is voluntary and private agencies may not follow it, so a value below 1 is realistic",
        doc: "Share of the recruitment above the cap that the cap actually prevents (0 = no cap, 1 = fully enforced).",
    },
    ParamDef {
        name: "cap_diversion",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0; no estimate of diversion to other destinations was found",
        doc: "Share of the recruits stopped by the cap who emigrate to another destination anyway.",
    },
    ParamDef {
        name: "g2g_trainees_per_recruit",
        unit: "trainees per recruit",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0, no G2G agreement; the WHO Code (art. 5) asks for mutual benefits and training support in bilateral agreements",
        doc: "Under a G2G agreement, trainees whose professional training the destination finances at origin for each recruit.",
    },
    ParamDef {
        name: "fund_usd_per_year",
        unit: "USD per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0, no fund",
        doc: "Skills-replenishment fund paid by the destination each year; it finances fund / replacement cost extra trainees a year.",
    },
    ParamDef {
        name: "completion_rate",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(1.0),
        fixed: false,
        source: "convention: every funded trainee graduates; set lower for drop-out",
        doc: "Share of funded trainees (G2G and fund) who graduate and join the stock.",
    },
    ParamDef {
        name: "bhagwati_rate",
        unit: "share of earnings",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0, no transfer; Bhagwati & Dellalfar (1973) proposed about 10 % (METHODS §4.4, unverified figure)",
        doc: "Bhagwati-type supplementary tax on the destination earnings of recruits, transferred to the origin.",
    },
    ParamDef {
        name: "bhagwati_years",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(10.0),
        fixed: true,
        source: "Bhagwati & Dellalfar (1973): about ten years (METHODS §4.4, unverified figure)",
        doc: "Number of years, from the year of emigration, for which each recruit pays the transfer.",
    },
    ParamDef {
        name: "host_earnings_usd",
        unit: "USD per person per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Baseline("destination_gdp_per_capita_usd"),
        fixed: false,
        source: "baseline: destination GDP per capita as a proxy; set health workers' earnings at destination where known (physicians usually earn several times GDP per capita)",
        doc: "Yearly earnings of a recruit at destination, the base of the Bhagwati-type transfer.",
    },
    ParamDef {
        name: "spend_primary_usd",
        unit: "USD per student-year",
        domain: Domain::NonNegative,
        default: ParamDefault::Required,
        fixed: false,
        source: "scenario: public spending per primary pupil (UNESCO UIS), as in Mills et al. (2011)",
        doc: "Government spending per student-year in primary school.",
    },
    ParamDef {
        name: "years_primary",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(6.0),
        fixed: true,
        source: "convention: six years of primary school; set the national duration",
        doc: "Years of primary school.",
    },
    ParamDef {
        name: "spend_secondary_usd",
        unit: "USD per student-year",
        domain: Domain::NonNegative,
        default: ParamDefault::Required,
        fixed: false,
        source: "scenario: public spending per secondary student (UNESCO UIS), as in Mills et al. (2011)",
        doc: "Government spending per student-year in secondary school.",
    },
    ParamDef {
        name: "years_secondary",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(6.0),
        fixed: true,
        source: "convention: six years of secondary school; set the national duration",
        doc: "Years of secondary school.",
    },
    ParamDef {
        name: "spend_professional_usd",
        unit: "USD per student-year",
        domain: Domain::Positive,
        default: ParamDefault::Required,
        fixed: false,
        source: "scenario: public spending per student-year in medical or nursing school, as in Mills et al. (2011)",
        doc: "Government spending per student-year in professional (medical or nursing) school; also the yearly cost of a funded trainee.",
    },
    ParamDef {
        name: "years_professional",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(4.0),
        fixed: true,
        source: "convention: four years (nursing degrees take 3–4 years, medical degrees 5–7)",
        doc: "Years of professional school; also the lag between a funded trainee's start and graduation.",
    },
    ParamDef {
        name: "interest_rate",
        unit: "share per year",
        domain: Domain::Range { min: 0.0, max: 0.5 },
        default: ParamDefault::Value(0.05),
        fixed: false,
        source: "convention: 5 %; Mills et al. (2011) compound at country-specific interest rates",
        doc: "Interest rate at which past training spending is compounded to the evaluation year.",
    },
    ParamDef {
        name: "years_since_graduation",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(0.0),
        fixed: true,
        source: "convention: evaluated at graduation; Mills et al. (2011) compound to their evaluation year",
        doc: "Years between graduation and the evaluation year over which the training cost is further compounded.",
    },
    ParamDef {
        name: "destination_training_cost_usd",
        unit: "USD per professional",
        domain: Domain::NonNegative,
        default: ParamDefault::Required,
        fixed: false,
        source: "scenario: what it costs the destination to train one professional itself (the training cost it avoids by recruiting)",
        doc: "Training cost the destination avoids for each recruit.",
    },
    ParamDef {
        name: "density_threshold",
        unit: "per 10,000 population",
        domain: Domain::Positive,
        default: ParamDefault::Value(49.0),
        fixed: false,
        source: "WHO Health Workforce Support and Safeguards List 2023: global median density of doctors, nurses and midwives, 49 per 10,000 (METHODS §7.3)",
        doc: "Density below which the origin counts as short of health workers.",
    },
];

/// The outputs of [`Skills`], in order.
pub const OUTPUTS: &[OutputDef] = &[
    OutputDef {
        name: "stock",
        unit: "persons",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Stock of the profession at origin at the end of each year.",
    },
    OutputDef {
        name: "density_per_10000",
        unit: "per 10,000 population",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Stock at the end of each year per 10,000 population.",
    },
    OutputDef {
        name: "graduates",
        unit: "persons per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Graduates joining the stock each year, domestic and funded.",
    },
    OutputDef {
        name: "extra_graduates",
        unit: "persons per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Graduates each year from trainees funded by the G2G agreement and the fund.",
    },
    OutputDef {
        name: "attrition",
        unit: "persons per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Workers leaving the profession at home each year.",
    },
    OutputDef {
        name: "emigrants",
        unit: "persons per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Workers emigrating each year, to every destination.",
    },
    OutputDef {
        name: "recruits",
        unit: "persons per year",
        shape: Shape::Series,
        side: Side::Destination,
        doc: "Workers recruited each year by the destination the levers concern.",
    },
    OutputDef {
        name: "lost_investment_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Training investment lost each year: emigrants times the training cost per professional.",
    },
    OutputDef {
        name: "compensation_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Compensation received each year: Bhagwati-type transfer, G2G training finance and fund.",
    },
    OutputDef {
        name: "stock_start",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Stock at the start of year 0.",
    },
    OutputDef {
        name: "stock_end",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Stock at the end of the horizon; equals stock_start + graduates_total − attrition_total − emigrants_total.",
    },
    OutputDef {
        name: "graduates_total",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Graduates over the horizon.",
    },
    OutputDef {
        name: "extra_graduates_total",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Funded graduates over the horizon (trainees still in school at the end are not counted).",
    },
    OutputDef {
        name: "attrition_total",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Attrition over the horizon.",
    },
    OutputDef {
        name: "emigrants_total",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Emigrants over the horizon.",
    },
    OutputDef {
        name: "recruits_total",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Destination,
        doc: "Recruits of the destination over the horizon.",
    },
    OutputDef {
        name: "cap_blocked_total",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Recruitments the cap prevented over the horizon.",
    },
    OutputDef {
        name: "cap_diverted_total",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Of those, workers who emigrated elsewhere anyway.",
    },
    OutputDef {
        name: "trainees_funded_total",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Trainees whose training the G2G agreement and the fund financed over the horizon.",
    },
    OutputDef {
        name: "density_start",
        unit: "per 10,000 population",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Density at the start of year 0.",
    },
    OutputDef {
        name: "density_end",
        unit: "per 10,000 population",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Density at the end of the horizon.",
    },
    OutputDef {
        name: "years_below_threshold",
        unit: "years",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Years whose end-of-year density is below density_threshold.",
    },
    OutputDef {
        name: "workers_short_end",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Workers missing at the end of the horizon to reach density_threshold (0 if reached).",
    },
    OutputDef {
        name: "stock_end_without_levers",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Stock at the end of the horizon in the same draw with no cap, no G2G training and no fund.",
    },
    OutputDef {
        name: "density_end_without_levers",
        unit: "per 10,000 population",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Density at the end of the horizon in the same draw without the levers.",
    },
    OutputDef {
        name: "training_cost_per_professional_usd",
        unit: "USD per professional",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Public cost of training one professional, compounded (Mills et al. 2011).",
    },
    OutputDef {
        name: "replacement_cost_per_trainee_usd",
        unit: "USD per trainee",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Cost of one funded trainee: professional-school spending per year times its years.",
    },
    OutputDef {
        name: "lost_investment_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Training investment lost to emigration over the horizon.",
    },
    OutputDef {
        name: "compensation_bhagwati_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Bhagwati-type transfers received over the horizon (paid by the recruits).",
    },
    OutputDef {
        name: "compensation_g2g_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Training finance received under the G2G agreement over the horizon (paid by the destination).",
    },
    OutputDef {
        name: "compensation_fund_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Skills-replenishment fund received over the horizon (paid by the destination).",
    },
    OutputDef {
        name: "compensation_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "All compensation received over the horizon.",
    },
    OutputDef {
        name: "net_cost_origin_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Lost training investment minus compensation received.",
    },
    OutputDef {
        name: "benefit_destination_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Destination,
        doc: "Training cost the destination avoids: recruits times destination_training_cost_usd.",
    },
    OutputDef {
        name: "net_benefit_destination_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Destination,
        doc: "Benefit to the destination minus what it pays (G2G training finance and fund).",
    },
];

/// Public cost of training one professional by the method of Mills et al. (2011):
/// `C = Σ_{t=1..T} e_t (1 + r)^(T − t + g)`, where the stages are attended in order,
/// `stages[i] = (spending per student-year, years)`, `T` is the total number of years,
/// `r` the interest rate and `g` the years from graduation to the evaluation year.
pub fn mills_training_cost(stages: &[(f64, u32)], interest_rate: f64, years_after: u32) -> f64 {
    let total: u32 = stages.iter().map(|s| s.1).sum();
    let mut t = 0u32;
    let mut cost = 0.0;
    for &(spend, years) in stages {
        for _ in 0..years {
            t += 1;
            let exponent = (total - t + years_after) as i32;
            cost += spend * (1.0 + interest_rate).powi(exponent);
        }
    }
    cost
}

/// The lever settings of one projection.
#[derive(Clone, Copy)]
struct Levers {
    cap: f64,
    compliance: f64,
    diversion: f64,
    trainees_per_recruit: f64,
    fund: f64,
}

/// One projection of the stock over the horizon.
struct Projection {
    stock: Vec<f64>,
    graduates: Vec<f64>,
    extra: Vec<f64>,
    attrition: Vec<f64>,
    emigrants: Vec<f64>,
    recruits: Vec<f64>,
    blocked: f64,
    diverted: f64,
    trainees: f64,
}

struct Inputs {
    horizon: usize,
    stock_start: f64,
    graduates: f64,
    graduates_growth: f64,
    attrition: f64,
    emigration: f64,
    destination_share: f64,
    completion: f64,
    lag: usize,
    trainee_cost: f64,
}

fn project(x: &Inputs, lv: Levers) -> Projection {
    let h = x.horizon;
    let mut p = Projection {
        stock: vec![0.0; h],
        graduates: vec![0.0; h],
        extra: vec![0.0; h],
        attrition: vec![0.0; h],
        emigrants: vec![0.0; h],
        recruits: vec![0.0; h],
        blocked: 0.0,
        diverted: 0.0,
        trainees: 0.0,
    };
    let mut s = x.stock_start;
    for t in 0..h {
        let base = x.graduates * (1.0 + x.graduates_growth).powi(t as i32);
        let grads = base + p.extra[t];
        let attr = x.attrition * s;
        let emig0 = x.emigration * s;
        let dest0 = x.destination_share * emig0;
        let other = emig0 - dest0;
        let blocked = lv.compliance * (dest0 - lv.cap).max(0.0);
        let dest = dest0 - blocked;
        let diverted = lv.diversion * blocked;
        let emig = dest + other + diverted;
        let trainees = lv.trainees_per_recruit * dest + lv.fund / x.trainee_cost;
        if t + x.lag < h {
            p.extra[t + x.lag] += x.completion * trainees;
        }
        p.trainees += trainees;
        p.blocked += blocked;
        p.diverted += diverted;
        p.graduates[t] = grads;
        p.attrition[t] = attr;
        p.emigrants[t] = emig;
        p.recruits[t] = dest;
        s = s + grads - attr - emig;
        p.stock[t] = s;
    }
    p
}

fn count(params: &Params<'_>, name: &str) -> usize {
    params.get(name) as usize
}

impl Model for Skills {
    fn name(&self) -> &'static str {
        NAME
    }

    fn description(&self) -> &'static str {
        "Skilled emigration and compensation: a yearly stock–flow model of a profession at \
         origin (graduates in, attrition and emigration out) with an ethical-recruitment \
         cap, a G2G agreement financing replacement trainees, a Bhagwati-type transfer and a \
         skills-replenishment fund; outputs the density per 10,000 against the WHO \
         safeguards-list threshold, the training investment lost (Mills et al. 2011), the \
         compensation received and the training cost the destination avoids."
    }

    fn parameters(&self) -> &'static [ParamDef] {
        PARAMETERS
    }

    fn outputs(&self) -> &'static [OutputDef] {
        OUTPUTS
    }

    fn horizon(&self, params: &Params<'_>) -> usize {
        count(params, "horizon_years")
    }

    fn check(&self, params: &Params<'_>) -> Result<(), ModelError> {
        let fail = |message: String| Err(ModelError { model: NAME, message });
        if count(params, "horizon_years") < 1 {
            return fail("horizon_years must be at least 1".into());
        }
        if count(params, "years_professional") < 1 {
            return fail("years_professional must be at least 1 (it is the training lag)".into());
        }
        let a = params.get("attrition_rate");
        let e = params.get("emigration_rate");
        if a + e > 1.0 {
            return fail(format!(
                "attrition_rate + emigration_rate = {} exceeds 1: more workers would leave than \
                 there are",
                a + e
            ));
        }
        Ok(())
    }

    fn simulate(
        &self,
        params: &Params<'_>,
        _rng: &mut DrawRng,
        out: &mut Outputs,
    ) -> Result<(), ModelError> {
        let h = out.horizon();
        let lag = count(params, "years_professional");
        let spend_prof = params.get("spend_professional_usd");
        let trainee_cost = spend_prof * lag as f64;
        let x = Inputs {
            horizon: h,
            stock_start: params.get("stock_start"),
            graduates: params.get("graduates_per_year"),
            graduates_growth: params.get("graduates_growth"),
            attrition: params.get("attrition_rate"),
            emigration: params.get("emigration_rate"),
            destination_share: params.get("destination_share"),
            completion: params.get("completion_rate"),
            lag,
            trainee_cost,
        };
        let levers = Levers {
            cap: params.get("cap_per_year"),
            compliance: params.get("cap_compliance"),
            diversion: params.get("cap_diversion"),
            trainees_per_recruit: params.get("g2g_trainees_per_recruit"),
            fund: params.get("fund_usd_per_year"),
        };
        let p = project(&x, levers);
        let none = project(
            &x,
            Levers {
                cap: 0.0,
                compliance: 0.0,
                diversion: 0.0,
                trainees_per_recruit: 0.0,
                fund: 0.0,
            },
        );

        let pop0 = params.get("population");
        let growth = params.get("population_growth");
        let pop_end = |t: usize| pop0 * (1.0 + growth).powi(t as i32 + 1);
        let threshold = params.get("density_threshold");
        let density: Vec<f64> = (0..h).map(|t| p.stock[t] / pop_end(t) * 1e4).collect();

        let cost = mills_training_cost(
            &[
                (params.get("spend_primary_usd"), count(params, "years_primary") as u32),
                (params.get("spend_secondary_usd"), count(params, "years_secondary") as u32),
                (spend_prof, lag as u32),
            ],
            params.get("interest_rate"),
            count(params, "years_since_graduation") as u32,
        );

        let tau = params.get("bhagwati_rate");
        let pay_years = count(params, "bhagwati_years");
        let earnings = params.get("host_earnings_usd");
        let k = levers.trainees_per_recruit;
        let mut lost = vec![0.0; h];
        let mut compensation = vec![0.0; h];
        let (mut bhagwati_total, mut g2g_total, mut fund_total) = (0.0, 0.0, 0.0);
        for t in 0..h {
            let payers: f64 = if pay_years == 0 {
                0.0
            } else {
                p.recruits[(t + 1).saturating_sub(pay_years)..=t].iter().sum()
            };
            let bhagwati = tau * earnings * payers;
            let g2g = k * p.recruits[t] * trainee_cost;
            let fund = levers.fund;
            bhagwati_total += bhagwati;
            g2g_total += g2g;
            fund_total += fund;
            compensation[t] = bhagwati + g2g + fund;
            lost[t] = p.emigrants[t] * cost;
        }
        let sum = |v: &[f64]| v.iter().sum::<f64>();
        let lost_total = sum(&lost);
        let compensation_total = bhagwati_total + g2g_total + fund_total;
        let recruits_total = sum(&p.recruits);
        let benefit = recruits_total * params.get("destination_training_cost_usd");
        let stock_end = p.stock[h - 1];

        out.set_series("stock", &p.stock);
        out.set_series("density_per_10000", &density);
        out.set_series("graduates", &p.graduates);
        out.set_series("extra_graduates", &p.extra);
        out.set_series("attrition", &p.attrition);
        out.set_series("emigrants", &p.emigrants);
        out.set_series("recruits", &p.recruits);
        out.set_series("lost_investment_usd", &lost);
        out.set_series("compensation_usd", &compensation);
        out.set("stock_start", x.stock_start);
        out.set("stock_end", stock_end);
        out.set("graduates_total", sum(&p.graduates));
        out.set("extra_graduates_total", sum(&p.extra));
        out.set("attrition_total", sum(&p.attrition));
        out.set("emigrants_total", sum(&p.emigrants));
        out.set("recruits_total", recruits_total);
        out.set("cap_blocked_total", p.blocked);
        out.set("cap_diverted_total", p.diverted);
        out.set("trainees_funded_total", p.trainees);
        out.set("density_start", x.stock_start / pop0 * 1e4);
        out.set("density_end", density[h - 1]);
        out.set("years_below_threshold", density.iter().filter(|&&d| d < threshold).count() as f64);
        out.set("workers_short_end", (threshold * pop_end(h - 1) / 1e4 - stock_end).max(0.0));
        out.set("stock_end_without_levers", none.stock[h - 1]);
        out.set("density_end_without_levers", none.stock[h - 1] / pop_end(h - 1) * 1e4);
        out.set("training_cost_per_professional_usd", cost);
        out.set("replacement_cost_per_trainee_usd", trainee_cost);
        out.set("lost_investment_total_usd", lost_total);
        out.set("compensation_bhagwati_total_usd", bhagwati_total);
        out.set("compensation_g2g_total_usd", g2g_total);
        out.set("compensation_fund_total_usd", fund_total);
        out.set("compensation_total_usd", compensation_total);
        out.set("net_cost_origin_usd", lost_total - compensation_total);
        out.set("benefit_destination_usd", benefit);
        out.set("net_benefit_destination_usd", benefit - g2g_total - fund_total);
        Ok(())
    }
}
