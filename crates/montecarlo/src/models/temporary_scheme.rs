//! Temporary or circular labour scheme: a worker-level microsimulation over years.
//!
//! Each year the destination admits up to `quota` workers: first returnees at origin who
//! completed a contract and re-apply (circularity), then new recruits for the places
//! left. A worker has a monthly wage drawn around the scheme mean, pays a recruitment
//! cost (a multiple of that wage: the SDG 10.7.1 ratio) financed by a debt repaid from
//! the first earnings, spends, remits and saves a share of what is left, and at the end
//! of the contract either returns home with the savings, renews, or overstays into
//! irregularity. Irregular workers leave or are regularised at yearly rates. Returnees
//! who use the skills they gained earn a premium at home.
//!
//! Equations, state transitions and sources are in `docs/models/temporary-scheme.md`.
//!
//! Performance: worker state is kept as a struct of arrays in a per-thread buffer that
//! is reused between draws (no allocation in the year loop), decisions are integer
//! comparisons of 32-bit halves of one `u64`, and the per-worker stream is a
//! `Xoshiro256PlusPlus` seeded from 32 bytes of the draw's ChaCha8 stream, so a draw's
//! result depends only on `(seed, draw)`.

use std::cell::RefCell;

use rand::rngs::Xoshiro256PlusPlus;
use rand::{Rng, SeedableRng};

use crate::model::{
    Domain, DrawRng, Model, ModelError, OutputDef, ParamDef, ParamDefault, Params, Shape, Side,
    Size,
};

/// The temporary or circular labour scheme model (`"temporary-scheme"`).
#[derive(Clone, Copy, Debug, Default)]
pub struct TemporaryScheme;

/// Largest worker pool (`quota × years`) a draw may simulate: the arrays and lists take
/// about 50 bytes per worker recruited (memory is reserved for the whole pool and
/// touched as workers are recruited).
pub const MAX_POOL: f64 = 20_000_000.0;

const NAME: &str = "temporary-scheme";

/// Rounding allowed when shares or probabilities that must sum to at most 1 are checked.
const SLACK: f64 = 1e-12;

const PARAMETERS: &[ParamDef] = &[
    ParamDef {
        name: "quota",
        unit: "persons per year",
        domain: Domain::Count,
        default: ParamDefault::Baseline("corridor_deployments"),
        fixed: true,
        source: "Policy choice: the number of places the scheme offers each year. Unset, the corridor's observed deployments of the baseline year (nationals of the origin who left for work in the destination: ILOSTAT outflows or the origin's national deployment statistics), so that the baseline is the flow as it is today.",
        doc: "Places offered each year; filled first by returnees re-entering, then by new recruits.",
    },
    ParamDef {
        name: "years",
        unit: "years",
        domain: Domain::Range { min: 1.0, max: 200.0 },
        default: ParamDefault::Value(20.0),
        fixed: true,
        source: "Convention: a 20-year horizon, long enough for several contract cycles.",
        doc: "Simulated horizon in years; the scheme admits workers in every year of it.",
    },
    ParamDef {
        name: "contract_years",
        unit: "years",
        domain: Domain::Range { min: 1.0, max: 20.0 },
        default: ParamDefault::Value(1.0),
        fixed: true,
        source: "Convention: one season a year, as in seasonal schemes such as Canada's Seasonal Agricultural Worker Program (up to 8 months a year) and New Zealand's Recognised Seasonal Employer scheme (up to 7 months in 11); multi-year schemes such as Korea's Employment Permit System use 3-year contracts.",
        doc: "Length of one contract in whole years; at its end the worker returns, renews or overstays.",
    },
    ParamDef {
        name: "months_worked",
        unit: "months per year",
        domain: Domain::Range { min: 0.0, max: 12.0 },
        default: ParamDefault::Value(12.0),
        fixed: false,
        source: "Convention: full-year employment; seasonal schemes are shorter (SAWP up to 8 months, RSE up to 7 months in 11).",
        doc: "Months of paid work in each year spent abroad.",
    },
    ParamDef {
        name: "wage_usd_month",
        unit: "USD per month",
        domain: Domain::Positive,
        default: ParamDefault::Value(1500.0),
        fixed: false,
        source: "Convention: about the statutory monthly minimum wage of a high-income destination for full-time work (Korea 2020: KRW 1,795,310 a month, about US$1,520); set it from the corridor's wage data.",
        doc: "Mean monthly earnings of a scheme worker in the destination (the 10.7.1 denominator).",
    },
    ParamDef {
        name: "wage_sd_log",
        unit: "log points",
        domain: Domain::Range { min: 0.0, max: 3.0 },
        default: ParamDefault::Value(0.25),
        fixed: false,
        source: "Convention: modest wage dispersion within one low-skilled occupation; 0 gives every worker the mean wage.",
        doc: "Standard deviation of log wages across workers (lognormal, mean preserved).",
    },
    ParamDef {
        name: "recruitment_cost_ratio",
        unit: "months of earnings",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(2.0),
        fixed: false,
        source: "KNOMAD–ILO Migration Cost Surveys 2015–2016: low-skilled workers paid one to seven months of foreign earnings (P. Martin 2016, 'What do migrant workers pay for foreign jobs? KNOMAD data and SDG indicator 10.7.1', background paper for the IOM conference Improving Data on International Migration, Berlin), from about one month (Korea) to 15 months (Pakistanis returning from Saudi Arabia) (S. Yi, 'Labor migration costs – too high for low-skilled workers', World Bank People Move blog); 2 is a round value in that range.",
        doc: "Mean recruitment cost paid by a new recruit, in months of their own earnings (SDG 10.7.1 ratio).",
    },
    ParamDef {
        name: "recruitment_cost_sd_log",
        unit: "log points",
        domain: Domain::Range { min: 0.0, max: 3.0 },
        default: ParamDefault::Value(0.5),
        fixed: false,
        source: "Convention: the KNOMAD–ILO surveys show wide dispersion of costs within a corridor; 0 gives every recruit the mean ratio.",
        doc: "Standard deviation of the log cost ratio across recruits (lognormal, mean preserved).",
    },
    ParamDef {
        name: "reentry_cost_share",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.25),
        fixed: false,
        source: "Convention: returning workers re-hired by the same employer pay documents and travel but little or no placement fee.",
        doc: "Cost of a re-entry as a share of the worker's first recruitment cost.",
    },
    ParamDef {
        name: "debt_interest_rate",
        unit: "per year",
        domain: Domain::Range { min: 0.0, max: 5.0 },
        default: ParamDefault::Value(0.2),
        fixed: false,
        source: "Convention: recruitment costs are often financed by informal lenders at high rates; set it from corridor survey data.",
        doc: "Interest on the outstanding recruitment debt, charged at the start of each year abroad.",
    },
    ParamDef {
        name: "consumption_share",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.4),
        fixed: false,
        source: "Convention: the remainder of remittance_share and savings; scheme workers' living costs are often partly covered by employers.",
        doc: "Share of earnings net of debt service spent in the destination.",
    },
    ParamDef {
        name: "remittance_share",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.4),
        fixed: false,
        source: "Convention informed by the KNOMAD–ILO surveys (a Pakistani driver in Saudi Arabia sent about 60% of his earnings home; S. Yi, World Bank People Move blog); temporary workers remit more than settled migrants.",
        doc: "Share of earnings net of debt service remitted home; the rest after consumption is saved.",
    },
    ParamDef {
        name: "p_overstay",
        unit: "probability",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.02),
        fixed: false,
        source: "Convention: overstaying is rare in well-run seasonal schemes (about 1% or less in New Zealand's RSE; Gibson & McKenzie 2014, Review of Economics and Statistics 96(2)) and higher elsewhere.",
        doc: "Probability that a worker whose contract ends stays on irregularly.",
    },
    ParamDef {
        name: "p_renew",
        unit: "probability",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "Convention: no in-country renewal (workers leave at the end of the contract).",
        doc: "Probability that a contract ending is renewed in place (no new recruitment cost, not counted against the quota).",
    },
    ParamDef {
        name: "p_reentry",
        unit: "probability per year",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.5),
        fixed: false,
        source: "Convention: circular schemes re-hire many workers (employers name returning workers in SAWP; many RSE workers return the next season); set it from scheme records.",
        doc: "Yearly probability that a returnee who completed a contract re-applies; admitted while places remain.",
    },
    ParamDef {
        name: "p_irregular_exit",
        unit: "probability per year",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.2),
        fixed: false,
        source: "Convention: departures and removals of irregular residents; it sets the mean irregular stay (1 / rate, 5 years by default).",
        doc: "Yearly probability that an irregular worker leaves (returns home, barred from re-entry).",
    },
    ParamDef {
        name: "p_regularise",
        unit: "probability per year",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.02),
        fixed: false,
        source: "Convention: occasional case-by-case regularisation; 0 when the destination has none.",
        doc: "Yearly probability that an irregular worker is regularised (stays, regular, outside the scheme).",
    },
    ParamDef {
        name: "irregular_wage_ratio",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.85),
        fixed: false,
        source: "Convention within the literature's range: legalisation under the US IRCA raised wages by about 6% (Kossoudji & Cobb-Clark 2002, Journal of Labor Economics 20(3)); other studies find larger gaps.",
        doc: "Earnings of an irregular worker as a share of their scheme wage.",
    },
    ParamDef {
        name: "skill_gain_per_year",
        unit: "share of origin earnings per year abroad",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.03),
        fixed: false,
        source: "Convention: returnee wage premia of roughly 10–40% are reported for some origins (e.g. Wahba 2015, Journal of Population Economics 28(3), for Egypt) after several years abroad; 3% a year is at the low end.",
        doc: "Earnings premium at home per year worked abroad, for returnees who use their skills.",
    },
    ParamDef {
        name: "skill_use_share",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.5),
        fixed: false,
        source: "Convention: many returnees do not work in the trade learned abroad; drawn for each return.",
        doc: "Probability that a returnee uses the skills gained abroad in work at home.",
    },
    ParamDef {
        name: "origin_earnings_usd_year",
        unit: "USD per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Baseline("origin_gdp_per_capita_usd"),
        fixed: false,
        source: "Convention: the origin's GDP per capita (World Bank WDI NY.GDP.PCAP.CD in real data) stands for a worker's earnings at home.",
        doc: "Earnings a worker would make at home in a year, base of foregone earnings and the skills premium.",
    },
    ParamDef {
        name: "origin_employment_rate",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.6),
        fixed: false,
        source: "Convention: many recruits were under-employed before leaving; set it from the origin's labour force survey.",
        doc: "Probability that a worker abroad would have been employed at home (scales foregone earnings).",
    },
    ParamDef {
        name: "transfer_cost_pct",
        unit: "% of amount sent",
        domain: Domain::Range { min: 0.0, max: 100.0 },
        default: ParamDefault::Baseline("corridor_cost_pct"),
        fixed: false,
        source: "World Bank Remittance Prices Worldwide: total cost of sending US$200 along the corridor (SDG 10.c.1).",
        doc: "Cost of sending remittances from destination to origin, per cent of the amount sent.",
    },
    ParamDef {
        name: "p_leave_scheme",
        unit: "probability per year",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "Convention: 0, every returnee stays a candidate in every later year. Real schemes lose past workers: in New Zealand's RSE, 44 % of the 36,675 workers of 2007–2022 came once only (Bedford & Bedford 2023, Devpolicy blog, 19 April 2023); set it from scheme records or fit it ([calibration]).",
        doc: "Yearly probability that a returnee at home stops applying to the scheme for good (decided before re-entry each year).",
    },
];

const OUTPUTS: &[OutputDef] = &[
    OutputDef {
        name: "labour_supplied",
        unit: "worker-years per year",
        shape: Shape::Series,
        side: Side::Destination,
        doc: "Labour supplied by scheme workers (regular, regularised and irregular): persons abroad × months worked / 12.",
    },
    OutputDef {
        name: "workers_present",
        unit: "persons",
        shape: Shape::Series,
        side: Side::Destination,
        doc: "Workers regularly present at the end of the year (in contract or regularised).",
    },
    OutputDef {
        name: "irregular_stays",
        unit: "persons",
        shape: Shape::Series,
        side: Side::Destination,
        doc: "Former scheme workers staying irregularly at the end of the year.",
    },
    OutputDef {
        name: "reentries",
        unit: "persons per year",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Returnees re-admitted in the year (circular moves); the quota's other places go to new recruits.",
    },
    OutputDef {
        name: "remittances_received",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Remittances received by households at origin, net of the transfer cost.",
    },
    OutputDef {
        name: "returnees_with_skills",
        unit: "persons",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Returnees at home at the end of the year who worked abroad and use the skills gained.",
    },
    OutputDef {
        name: "household_income_gain",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Remittances received + savings brought home + skills premium − debt carried home − earnings foregone at home.",
    },
    OutputDef {
        name: "remittances_received_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Remittances received at origin over the horizon, net of the transfer cost.",
    },
    OutputDef {
        name: "household_income_gain_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Sum of household_income_gain over the horizon.",
    },
    OutputDef {
        name: "transfer_cost_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Paid to remittance service providers: transfer_cost_pct per cent of every remittance sent (= remitted_total − remittances_received_total).",
    },
    OutputDef {
        name: "sdg_10_7_1_mean",
        unit: "months of earnings",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "SDG 10.7.1 as the mean over new recruits of recruitment cost / monthly earnings (re-entries excluded); 0 without recruits.",
    },
    OutputDef {
        name: "sdg_10_7_1_ratio_of_means",
        unit: "months of earnings",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "SDG 10.7.1 as total recruitment cost of new recruits / their total monthly earnings; 0 without recruits.",
    },
    OutputDef {
        name: "earnings_per_worker_year",
        unit: "USD per worker-year",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Mean earnings per year spent abroad (earned_total / years abroad); 0 without years abroad.",
    },
    OutputDef {
        name: "recruitment_fees_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Recruitment costs incurred by workers (new recruits and re-entries), before interest.",
    },
    OutputDef {
        name: "interest_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Interest charged on recruitment debt.",
    },
    OutputDef {
        name: "recruitment_cost_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Recruitment fees plus interest = debt_service_total + debt_carried_home_total + debt_outstanding_end.",
    },
    OutputDef {
        name: "persons_recruited",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Distinct persons ever recruited = persons_returned + persons_present + persons_irregular.",
    },
    OutputDef {
        name: "reentries_total",
        unit: "admissions",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Admissions of returnees (circular moves); admissions = persons_recruited + reentries_total.",
    },
    OutputDef {
        name: "persons_returned",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Persons recruited who are at home at the end of the horizon.",
    },
    OutputDef {
        name: "persons_present",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Destination,
        doc: "Persons recruited who are regularly in the destination at the end (in contract or regularised).",
    },
    OutputDef {
        name: "persons_irregular",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Destination,
        doc: "Persons recruited who stay irregularly at the end of the horizon.",
    },
    OutputDef {
        name: "persons_regularised",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Destination,
        doc: "Of persons_present, those regularised out of irregularity.",
    },
    OutputDef {
        name: "earned_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Earnings abroad over the horizon = spent_total + saved_total + remitted_total.",
    },
    OutputDef {
        name: "spent_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Spent out of earnings abroad = consumption_total (in the destination) + debt_service_total (paid to the recruitment lender, wherever it is).",
    },
    OutputDef {
        name: "consumption_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Destination,
        doc: "Consumption spending in the destination.",
    },
    OutputDef {
        name: "debt_service_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Recruitment debt (fees and interest) repaid out of earnings abroad.",
    },
    OutputDef {
        name: "saved_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Saved out of earnings = savings_repatriated_total + savings_held_end.",
    },
    OutputDef {
        name: "remitted_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Remittances sent, before the transfer cost.",
    },
    OutputDef {
        name: "savings_repatriated_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Savings brought home by workers on return.",
    },
    OutputDef {
        name: "savings_held_end",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Savings still held abroad at the end of the horizon.",
    },
    OutputDef {
        name: "debt_carried_home_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Recruitment debt not yet repaid when a worker returned home, left to the household.",
    },
    OutputDef {
        name: "debt_outstanding_end",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Recruitment debt still owed by workers abroad at the end of the horizon.",
    },
    OutputDef {
        name: "persons_reentered",
        unit: "persons",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Distinct persons re-admitted at least once (circular migrants), of persons_recruited.",
    },
    OutputDef {
        name: "admissions_per_person",
        unit: "admissions per person",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Admissions per distinct person recruited = (persons_recruited + reentries_total) / persons_recruited; 0 without recruits.",
    },
];

/// The outputs proportional to `quota` in expectation (all but the ratios).
const PROPORTIONAL: &[&str] = &[
    "labour_supplied",
    "workers_present",
    "irregular_stays",
    "reentries",
    "remittances_received",
    "returnees_with_skills",
    "household_income_gain",
    "remittances_received_total",
    "household_income_gain_total",
    "transfer_cost_total",
    "recruitment_fees_total",
    "interest_total",
    "recruitment_cost_total",
    "persons_recruited",
    "reentries_total",
    "persons_returned",
    "persons_present",
    "persons_irregular",
    "persons_regularised",
    "earned_total",
    "spent_total",
    "consumption_total",
    "debt_service_total",
    "saved_total",
    "remitted_total",
    "savings_repatriated_total",
    "savings_held_end",
    "debt_carried_home_total",
    "debt_outstanding_end",
    "persons_reentered",
];

// Worker states.
const HOME: u8 = 0; // at origin, completed a contract: may re-enter
const BARRED: u8 = 1; // at origin after an irregular stay: never re-enters
const CONTRACT: u8 = 2; // abroad, in contract
const IRREGULAR: u8 = 3; // abroad, irregular
const REGULARISED: u8 = 4; // abroad, regularised (absorbing)

/// Worker state as a struct of arrays (slot `i` is the `i`-th person recruited), plus
/// the lists of workers abroad and of returnees who may re-enter, both kept in
/// ascending slot order so that the arrays are read front to back. Workers barred from
/// re-entry are in neither list and are never visited again.
#[derive(Default)]
struct Pool {
    state: Vec<u8>,
    contract_left: Vec<u8>,
    uses_skills: Vec<bool>,
    years_abroad: Vec<u16>,
    wage: Vec<f64>,
    fee: Vec<f64>,
    debt: Vec<f64>,
    savings: Vec<f64>,
    /// Whether the worker was ever re-admitted.
    reentered: Vec<bool>,
    /// Workers abroad, by ascending slot.
    abroad: Vec<u32>,
    /// Returnees who may re-enter, by ascending slot.
    home: Vec<u32>,
    /// Scratch lists, kept for their allocations.
    scratch: [Vec<u32>; 4],
}

impl Pool {
    fn reset(&mut self, capacity: usize) {
        self.state.clear();
        self.contract_left.clear();
        self.uses_skills.clear();
        self.years_abroad.clear();
        self.wage.clear();
        self.fee.clear();
        self.debt.clear();
        self.savings.clear();
        self.reentered.clear();
        self.abroad.clear();
        self.home.clear();
        self.state.reserve(capacity);
        self.contract_left.reserve(capacity);
        self.uses_skills.reserve(capacity);
        self.years_abroad.reserve(capacity);
        self.wage.reserve(capacity);
        self.fee.reserve(capacity);
        self.debt.reserve(capacity);
        self.savings.reserve(capacity);
        self.reentered.reserve(capacity);
        self.abroad.reserve(capacity);
        self.home.reserve(capacity);
        for list in &mut self.scratch {
            list.clear();
            list.reserve(capacity);
        }
    }
}

thread_local! {
    /// Worker arrays reused by every draw run on this thread.
    static POOL: RefCell<Pool> = RefCell::new(Pool::default());
}

/// One draw's parameters, read once.
struct Inputs {
    quota: usize,
    years: usize,
    contract_years: u8,
    months: f64,
    wage: f64,
    wage_sd: f64,
    cost_ratio: f64,
    cost_sd: f64,
    reentry_share: f64,
    interest: f64,
    consumption: f64,
    remit: f64,
    t_overstay: u64,
    t_overstay_renew: u64,
    t_reentry: u64,
    t_leave: u64,
    t_exit: u64,
    t_exit_regularise: u64,
    irregular_wage: f64,
    skill_gain: f64,
    t_skill_use: u64,
    origin_earnings: f64,
    employment: f64,
    kept_after_transfer: f64,
    transfer_share: f64,
}

/// `p` as a threshold on a uniform 32-bit integer: the event happens when `u < t`, so
/// `p = 0` never and `p = 1` always.
fn threshold(p: f64) -> u64 {
    (p.clamp(0.0, 1.0) * 4_294_967_296.0) as u64
}

fn err(message: String) -> ModelError {
    ModelError { model: NAME, message }
}

impl Inputs {
    fn read(p: &Params<'_>) -> Self {
        let p_overstay = p.get("p_overstay");
        let p_exit = p.get("p_irregular_exit");
        Inputs {
            quota: p.get("quota") as usize,
            years: p.get("years") as usize,
            contract_years: p.get("contract_years") as u8,
            months: p.get("months_worked"),
            wage: p.get("wage_usd_month"),
            wage_sd: p.get("wage_sd_log"),
            cost_ratio: p.get("recruitment_cost_ratio"),
            cost_sd: p.get("recruitment_cost_sd_log"),
            reentry_share: p.get("reentry_cost_share"),
            interest: p.get("debt_interest_rate"),
            consumption: p.get("consumption_share"),
            remit: p.get("remittance_share"),
            t_overstay: threshold(p_overstay),
            t_overstay_renew: threshold(p_overstay + p.get("p_renew")),
            t_reentry: threshold(p.get("p_reentry")),
            t_leave: threshold(p.get("p_leave_scheme")),
            t_exit: threshold(p_exit),
            t_exit_regularise: threshold(p_exit + p.get("p_regularise")),
            irregular_wage: p.get("irregular_wage_ratio"),
            skill_gain: p.get("skill_gain_per_year"),
            t_skill_use: threshold(p.get("skill_use_share")),
            origin_earnings: p.get("origin_earnings_usd_year"),
            employment: p.get("origin_employment_rate"),
            kept_after_transfer: 1.0 - p.get("transfer_cost_pct") / 100.0,
            transfer_share: p.get("transfer_cost_pct") / 100.0,
        }
    }
}

/// Money and head counts accumulated over a draw.
#[derive(Default)]
struct Totals {
    earned: f64,
    consumption: f64,
    debt_service: f64,
    saved: f64,
    remitted: f64,
    fees: f64,
    interest: f64,
    repatriated: f64,
    carried_home: f64,
    recruited: u64,
    reentries: u64,
    reentered_persons: u64,
    worker_years: u64,
    barred: u64,
    ratio_sum: f64,
    new_cost_sum: f64,
    new_wage_sum: f64,
    /// Returnees at home who use their skills, and the sum of their years abroad.
    skilled_home: u64,
    skill_years_home: u64,
}

/// Accumulators of one year.
#[derive(Default)]
struct Year {
    abroad: u64,
    present: u64,
    irregular: u64,
    remitted: f64,
    repatriated: f64,
    carried_home: f64,
}

/// Two standard normal deviates (Box–Muller) from two `u64`s.
fn normal_pair(rng: &mut Xoshiro256PlusPlus) -> (f64, f64) {
    const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
    let u1 = ((rng.next_u64() >> 11) + 1) as f64 * SCALE; // (0, 1]
    let u2 = (rng.next_u64() >> 11) as f64 * SCALE; // [0, 1)
    let r = (-2.0 * u1.ln()).sqrt();
    let (s, c) = (std::f64::consts::TAU * u2).sin_cos();
    (r * c, r * s)
}

/// One year abroad for worker `i`: earn, repay debt, consume, remit, save.
#[inline(always)]
fn work(pool: &mut Pool, i: usize, irregular: bool, x: &Inputs, tot: &mut Totals, yr: &mut Year) {
    let mut earned = pool.wage[i] * x.months;
    if irregular {
        earned *= x.irregular_wage;
    }
    let mut net = earned;
    let debt = pool.debt[i];
    if debt > 0.0 {
        let interest = debt * x.interest;
        let owed = debt + interest;
        let pay = owed.min(earned);
        pool.debt[i] = owed - pay;
        tot.interest += interest;
        tot.debt_service += pay;
        net = earned - pay;
    }
    let consumed = x.consumption * net;
    let remitted = x.remit * net;
    let saved = net - consumed - remitted;
    pool.savings[i] += saved;
    pool.years_abroad[i] = pool.years_abroad[i].saturating_add(1);
    tot.earned += earned;
    tot.consumption += consumed;
    tot.saved += saved;
    yr.remitted += remitted;
    yr.abroad += 1;
}

/// Worker `i` goes home: savings come home, unpaid debt passes to the household, and
/// whether they use their skills at home is drawn from the high half of `r`.
#[inline(always)]
fn go_home(
    pool: &mut Pool,
    i: usize,
    state: u8,
    r: u64,
    x: &Inputs,
    tot: &mut Totals,
    yr: &mut Year,
) {
    let uses = (r >> 32) < x.t_skill_use;
    pool.state[i] = state;
    pool.uses_skills[i] = uses;
    tot.skilled_home += u64::from(uses);
    tot.skill_years_home += u64::from(uses) * u64::from(pool.years_abroad[i]);
    yr.repatriated += pool.savings[i];
    yr.carried_home += pool.debt[i];
    pool.savings[i] = 0.0;
    pool.debt[i] = 0.0;
}

/// One year for worker `i`, abroad at the start of the year or just admitted: work,
/// then the end-of-year transition. Returns the worker's state at the end of the year.
#[inline(always)]
fn abroad_year(
    pool: &mut Pool,
    i: usize,
    rng: &mut Xoshiro256PlusPlus,
    x: &Inputs,
    tot: &mut Totals,
    yr: &mut Year,
) -> u8 {
    match pool.state[i] {
        CONTRACT => {
            work(pool, i, false, x, tot, yr);
            let left = pool.contract_left[i] - 1;
            pool.contract_left[i] = left;
            if left > 0 {
                yr.present += 1;
                return CONTRACT;
            }
            let r = rng.next_u64();
            let u = r & 0xFFFF_FFFF;
            if u < x.t_overstay {
                pool.state[i] = IRREGULAR;
                yr.irregular += 1;
                IRREGULAR
            } else if u < x.t_overstay_renew {
                pool.contract_left[i] = x.contract_years;
                yr.present += 1;
                CONTRACT
            } else {
                go_home(pool, i, HOME, r, x, tot, yr);
                HOME
            }
        }
        IRREGULAR => {
            work(pool, i, true, x, tot, yr);
            let r = rng.next_u64();
            let u = r & 0xFFFF_FFFF;
            if u < x.t_exit {
                go_home(pool, i, BARRED, r, x, tot, yr);
                tot.barred += 1;
                BARRED
            } else if u < x.t_exit_regularise {
                pool.state[i] = REGULARISED;
                yr.present += 1;
                REGULARISED
            } else {
                yr.irregular += 1;
                IRREGULAR
            }
        }
        _ => {
            work(pool, i, false, x, tot, yr);
            yr.present += 1;
            REGULARISED
        }
    }
}

/// Writes the union of two ascending lists into `out` (cleared first), ascending.
fn merge(a: &[u32], b: &[u32], out: &mut Vec<u32>) {
    out.clear();
    out.resize(a.len() + b.len(), 0);
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        // Branch-free: the interleaving is random, so a branch would mispredict. Past
        // the end of a list its head reads as u32::MAX (slots are below u32::MAX).
        let x = a.get(i).copied().unwrap_or(u32::MAX);
        let y = b.get(j).copied().unwrap_or(u32::MAX);
        let take_a = x < y;
        *slot = if take_a { x } else { y };
        i += usize::from(take_a);
        j += usize::from(!take_a);
    }
}

/// Runs one draw; writes every output.
///
/// Each year: (1) returnees in the re-entry list are considered by seniority (the
/// earliest recruited first) and re-apply with probability `p_reentry` while places remain; (2) new
/// recruits take the places left; (3) every worker abroad works and makes the
/// end-of-year transition. Returnees who use their skills are tracked as aggregates,
/// so workers at home cost nothing once the quota is filled.
fn run(x: &Inputs, rng: &mut Xoshiro256PlusPlus, pool: &mut Pool, out: &mut crate::model::Outputs) {
    let years = x.years;
    let mut tot = Totals::default();
    let mut labour = vec![0.0; years];
    let mut present = vec![0.0; years];
    let mut irregular = vec![0.0; years];
    let mut reentries = vec![0.0; years];
    let mut received = vec![0.0; years];
    let mut skilled = vec![0.0; years];
    let mut gain = vec![0.0; years];
    // Paid to remittance service providers, summed on its own so that
    // `remitted = received + transfer cost` is a check, not a definition.
    let mut transfer_cost = 0.0;
    let skill_premium = x.origin_earnings * x.skill_gain;
    let wage_shift = -0.5 * x.wage_sd * x.wage_sd;
    let cost_shift = -0.5 * x.cost_sd * x.cost_sd;
    let foregone_per_worker = x.origin_earnings * x.employment * x.months / 12.0;
    let draw_normals = x.wage_sd > 0.0 || x.cost_sd > 0.0;

    pool.reset(x.quota.saturating_mul(years));
    for t in 0..years {
        let mut yr = Year::default();
        let mut room = x.quota;

        // (1) Re-entry, by seniority (ascending slot); those not re-entering stay.
        let [mut kept, mut reentered, mut merged, mut returned] = std::mem::take(&mut pool.scratch);
        kept.clear();
        reentered.clear();
        merged.clear();
        returned.clear();
        let mut home = std::mem::take(&mut pool.home);
        // (1) Returnees who stop applying for good leave the list first (no draw is
        // made when nobody leaves, so p_leave_scheme = 0 changes no number).
        if x.t_leave > 0 {
            home.retain(|_| (rng.next_u64() & 0xFFFF_FFFF) >= x.t_leave);
        }
        // (1a) Who re-applies, without branching on the draw (a branch on a 60/40
        // outcome would mispredict): each returnee is written to both lists and
        // the right list's length advances.
        kept.resize(home.len(), 0);
        reentered.resize(home.len(), 0);
        let (mut n_kept, mut n_in) = (0, 0);
        let mut k = 0;
        if x.t_reentry > 0 {
            while k < home.len() && n_in < x.quota {
                let idx = home[k];
                k += 1;
                let admitted = usize::from((rng.next_u64() & 0xFFFF_FFFF) < x.t_reentry);
                kept[n_kept] = idx;
                reentered[n_in] = idx;
                n_kept += 1 - admitted;
                n_in += admitted;
            }
        }
        kept.truncate(n_kept);
        reentered.truncate(n_in);
        room -= n_in;
        // (1b) Admit them: a new contract, the re-entry fee as debt; they leave the
        // returnees who use their skills at home.
        tot.reentries += n_in as u64;
        let mut fees = 0.0;
        for &idx in &reentered {
            let i = idx as usize;
            let uses = u64::from(pool.uses_skills[i]);
            tot.skilled_home -= uses;
            tot.skill_years_home -= uses * u64::from(pool.years_abroad[i]);
            let fee = x.reentry_share * pool.fee[i];
            pool.state[i] = CONTRACT;
            pool.contract_left[i] = x.contract_years;
            pool.debt[i] = fee;
            fees += fee;
            tot.reentered_persons += u64::from(!pool.reentered[i]);
            pool.reentered[i] = true;
        }
        tot.fees += fees;
        kept.extend_from_slice(&home[k..]);
        reentries[t] = (x.quota - room) as f64;
        let skill_income = skill_premium * tot.skill_years_home as f64;
        merge(&pool.abroad, &reentered, &mut merged);

        // (2) New recruits take the places left (their slots come last).
        for _ in 0..room {
            let (z1, z2) = if draw_normals { normal_pair(rng) } else { (0.0, 0.0) };
            let wage = x.wage * (x.wage_sd * z1 + wage_shift).exp();
            let ratio = x.cost_ratio * (x.cost_sd * z2 + cost_shift).exp();
            let fee = ratio * wage;
            tot.ratio_sum += ratio;
            tot.new_cost_sum += fee;
            tot.new_wage_sum += wage;
            tot.fees += fee;
            tot.recruited += 1;
            merged.push(pool.state.len() as u32);
            pool.state.push(CONTRACT);
            pool.contract_left.push(x.contract_years);
            pool.uses_skills.push(false);
            pool.years_abroad.push(0);
            pool.wage.push(wage);
            pool.fee.push(fee);
            pool.debt.push(fee);
            pool.savings.push(0.0);
            pool.reentered.push(false);
        }

        // (3) A year abroad, then the transitions.
        let mut staying = home;
        staying.clear();
        for &idx in &merged {
            match abroad_year(pool, idx as usize, rng, x, &mut tot, &mut yr) {
                HOME => returned.push(idx),
                BARRED => {}
                _ => staying.push(idx),
            }
        }
        let mut next_home = std::mem::take(&mut pool.abroad);
        merge(&kept, &returned, &mut next_home);
        pool.abroad = staying;
        pool.home = next_home;
        pool.scratch = [kept, reentered, merged, returned];

        tot.worker_years += yr.abroad;
        tot.remitted += yr.remitted;
        tot.repatriated += yr.repatriated;
        tot.carried_home += yr.carried_home;
        labour[t] = yr.abroad as f64 * x.months / 12.0;
        present[t] = yr.present as f64;
        irregular[t] = yr.irregular as f64;
        received[t] = yr.remitted * x.kept_after_transfer;
        transfer_cost += yr.remitted * x.transfer_share;
        skilled[t] = tot.skilled_home as f64;
        gain[t] = received[t] + yr.repatriated + skill_income
            - yr.carried_home
            - foregone_per_worker * yr.abroad as f64;
    }

    // End-of-horizon stocks: everyone not abroad is at home.
    let (mut in_dest, mut irr, mut regularised) = (0u64, 0u64, 0u64);
    let (mut held, mut owed) = (0.0, 0.0);
    for &idx in &pool.abroad {
        let i = idx as usize;
        match pool.state[i] {
            IRREGULAR => irr += 1,
            s => {
                in_dest += 1;
                if s == REGULARISED {
                    regularised += 1;
                }
            }
        }
        held += pool.savings[i];
        owed += pool.debt[i];
    }
    let at_home = pool.home.len() as u64 + tot.barred;

    let received_total: f64 = received.iter().sum();
    out.set_series("labour_supplied", &labour);
    out.set_series("workers_present", &present);
    out.set_series("irregular_stays", &irregular);
    out.set_series("reentries", &reentries);
    out.set_series("remittances_received", &received);
    out.set_series("returnees_with_skills", &skilled);
    out.set_series("household_income_gain", &gain);
    out.set("remittances_received_total", received_total);
    out.set("household_income_gain_total", gain.iter().sum());
    out.set("transfer_cost_total", transfer_cost);
    let new = tot.recruited as f64;
    // Ratios with nobody to average over (a quota of 0) are reported as 0: the engine
    // takes a NaN for an unset output.
    out.set("sdg_10_7_1_mean", if new > 0.0 { tot.ratio_sum / new } else { 0.0 });
    out.set(
        "sdg_10_7_1_ratio_of_means",
        if tot.new_wage_sum > 0.0 { tot.new_cost_sum / tot.new_wage_sum } else { 0.0 },
    );
    out.set(
        "earnings_per_worker_year",
        if tot.worker_years > 0 { tot.earned / tot.worker_years as f64 } else { 0.0 },
    );
    out.set("recruitment_fees_total", tot.fees);
    out.set("interest_total", tot.interest);
    out.set("recruitment_cost_total", tot.fees + tot.interest);
    out.set("persons_recruited", new);
    out.set("reentries_total", tot.reentries as f64);
    out.set("persons_returned", at_home as f64);
    out.set("persons_present", in_dest as f64);
    out.set("persons_irregular", irr as f64);
    out.set("persons_regularised", regularised as f64);
    out.set("earned_total", tot.earned);
    out.set("spent_total", tot.consumption + tot.debt_service);
    out.set("consumption_total", tot.consumption);
    out.set("debt_service_total", tot.debt_service);
    out.set("saved_total", tot.saved);
    out.set("remitted_total", tot.remitted);
    out.set("savings_repatriated_total", tot.repatriated);
    out.set("savings_held_end", held);
    out.set("debt_carried_home_total", tot.carried_home);
    out.set("debt_outstanding_end", owed);
    out.set("persons_reentered", tot.reentered_persons as f64);
    out.set(
        "admissions_per_person",
        if new > 0.0 { (new + tot.reentries as f64) / new } else { 0.0 },
    );
}

impl Model for TemporaryScheme {
    fn name(&self) -> &'static str {
        NAME
    }

    fn description(&self) -> &'static str {
        "Temporary or circular labour scheme: a worker-level microsimulation over years. Each year up to `quota` workers are admitted (returnees re-entering first, then new recruits); each has a wage drawn around the mean, pays a recruitment cost (the SDG 10.7.1 ratio times the monthly wage) financed by a debt repaid from earnings, spends, remits and saves, and at the end of the contract returns with the savings, renews, or overstays into irregularity. Outputs for the destination (labour supplied, irregular stays), the origin (remittances, returnees using their skills, household income) and the migrants (earnings, recruitment cost, 10.7.1), with conservation totals."
    }

    fn parameters(&self) -> &'static [ParamDef] {
        PARAMETERS
    }

    /// Workers are independent but for the quota's filling, which scales with it: every
    /// count of persons and sum of money is proportional to `quota` in expectation.
    fn size(&self) -> Option<Size> {
        Some(Size { param: "quota", outputs: PROPORTIONAL })
    }

    fn outputs(&self) -> &'static [OutputDef] {
        OUTPUTS
    }

    fn horizon(&self, params: &Params<'_>) -> usize {
        (params.get("years") as usize).max(1)
    }

    fn check(&self, p: &Params<'_>) -> Result<(), ModelError> {
        let years = p.get("years");
        let contract = p.get("contract_years");
        if years.fract() != 0.0 {
            return Err(err(format!("years must be a whole number, got {years}")));
        }
        if contract.fract() != 0.0 {
            return Err(err(format!("contract_years must be a whole number, got {contract}")));
        }
        let pool = p.get("quota") * years;
        if pool > MAX_POOL {
            return Err(err(format!(
                "quota × years = {pool} workers exceeds the limit of {MAX_POOL}"
            )));
        }
        let c = p.get("consumption_share");
        let r = p.get("remittance_share");
        if c + r > 1.0 + SLACK {
            return Err(err(format!("consumption_share + remittance_share = {c} + {r} exceeds 1")));
        }
        let o = p.get("p_overstay");
        let n = p.get("p_renew");
        if o + n > 1.0 + SLACK {
            return Err(err(format!("p_overstay + p_renew = {o} + {n} exceeds 1")));
        }
        let e = p.get("p_irregular_exit");
        let g = p.get("p_regularise");
        if e + g > 1.0 + SLACK {
            return Err(err(format!("p_irregular_exit + p_regularise = {e} + {g} exceeds 1")));
        }
        Ok(())
    }

    fn simulate(
        &self,
        params: &Params<'_>,
        rng: &mut DrawRng,
        out: &mut crate::model::Outputs,
    ) -> Result<(), ModelError> {
        self.check(params)?;
        let x = Inputs::read(params);
        let mut seed = [0u8; 32];
        rng.fill_bytes(&mut seed);
        let mut fast = Xoshiro256PlusPlus::from_seed(seed);
        POOL.with(|cell| match cell.try_borrow_mut() {
            Ok(mut pool) => run(&x, &mut fast, &mut pool, out),
            // Re-entered on this thread (not done by the engine): use a fresh pool.
            Err(_) => run(&x, &mut fast, &mut Pool::default(), out),
        });
        Ok(())
    }
}
