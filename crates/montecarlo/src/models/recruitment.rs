//! Rights and recruitment: a cap on recruitment fees, its enforcement, and the effect on
//! SDG 10.7.1, on migrants' net earnings and on net remittances.
//!
//! A closed-form model of one year's cohort of recruits. Without a cap, the fee a
//! recruit pays, in months of their earnings, is lognormal with mean
//! `fee_ratio_market` and log standard deviation `fee_sd_log`. Under a cap `K`, a
//! compliant recruitment charges `min(F, K)`; a non-compliant one charges
//! `(1 + evasion_markup)·F`. Part of the fee is borrowed at a flat interest rate. The
//! deterministic core is [`outcomes`]; uncertainty comes from drawing the parameters.
//!
//! Equations and sources are in `docs/models/recruitment.md`.

use stats::special;

use crate::model::{
    Domain, DrawRng, Model, ModelError, OutputDef, Outputs, ParamDef, ParamDefault, Params, Shape,
    Side,
};

/// The recruitment fee cap model (`"recruitment"`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Recruitment;

const NAME: &str = "recruitment";

const PARAMETERS: &[ParamDef] = &[
    ParamDef {
        name: "workers",
        unit: "persons per year",
        domain: Domain::Count,
        default: ParamDefault::Baseline("corridor_deployments"),
        fixed: true,
        source: "baseline: the corridor's deployments in the year (ILOSTAT outflows of nationals for employment, or the origin's own deployment records), the recruits of one year",
        doc: "Workers recruited in one year (the cohort whose fees, earnings and remittances are counted).",
    },
    ParamDef {
        name: "wage_usd_month",
        unit: "USD per month",
        domain: Domain::Positive,
        default: ParamDefault::Value(1500.0),
        fixed: false,
        source: "Convention: about the statutory monthly minimum wage of a high-income destination for full-time work (Korea 2020: KRW 1,795,310 a month, about US$1,520); set it from the corridor's wage data.",
        doc: "Monthly earnings in the first job in the destination (the 10.7.1 denominator).",
    },
    ParamDef {
        name: "contract_months",
        unit: "months",
        domain: Domain::Range { min: 1.0, max: 120.0 },
        default: ParamDefault::Value(24.0),
        fixed: false,
        source: "Convention: a two-year contract, a common length for low-skilled contracts in the Gulf.",
        doc: "Months worked abroad under the contract the fee buys.",
    },
    ParamDef {
        name: "fee_ratio_market",
        unit: "months of earnings",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(2.0),
        fixed: false,
        source: "KNOMAD–ILO Migration Cost Surveys 2015–2016: low-skilled workers paid one to seven months of foreign earnings (P. Martin 2016, 'What do migrant workers pay for foreign jobs? KNOMAD data and SDG indicator 10.7.1', background paper for the IOM conference Improving Data on International Migration, Berlin), from about one month (Korea) to 15 months (Pakistanis returning from Saudi Arabia) (S. Yi, 'Labor migration costs – too high for low-skilled workers', World Bank People Move blog); 2 is a round value in that range.",
        doc: "Mean recruitment cost without a cap, in months of earnings (10.7.1 without the policy).",
    },
    ParamDef {
        name: "fee_sd_log",
        unit: "log points",
        domain: Domain::Range { min: 0.0, max: 3.0 },
        default: ParamDefault::Value(0.6),
        fixed: false,
        source: "Convention: the KNOMAD–ILO surveys show costs spread widely within a corridor; 0 gives every worker the mean.",
        doc: "Standard deviation of the log fee across recruits (lognormal, mean preserved).",
    },
    ParamDef {
        name: "fee_cap_ratio",
        unit: "months of earnings",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(1.0),
        fixed: false,
        source: "The Philippines caps placement fees at one month's basic salary (POEA Rules and Regulations on overseas land-based workers); 0 is a ban on worker-paid fees (the ILO 'employer pays' principle, C181 Art. 7).",
        doc: "Legal cap on the cost a worker may be charged, in months of earnings.",
    },
    ParamDef {
        name: "compliance",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.3),
        fixed: false,
        source: "Convention: the KNOMAD–ILO surveys find workers paying far more than regulated amounts; compliance rises with inspection and sanctions.",
        doc: "Share of recruitments in which the cap is respected (set by enforcement).",
    },
    ParamDef {
        name: "evasion_markup",
        unit: "share",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "Convention: none; a positive value lets non-compliant recruiters charge more than the market fee (risk premium, informal payments).",
        doc: "Extra charged by non-compliant recruiters, as a share of the market fee.",
    },
    ParamDef {
        name: "debt_share",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.5),
        fixed: false,
        source: "Convention: many low-skilled migrants borrow to pay recruitment costs (KNOMAD–ILO surveys); set it from corridor data.",
        doc: "Share of the fee financed by a loan.",
    },
    ParamDef {
        name: "debt_interest_rate",
        unit: "per year (flat)",
        domain: Domain::Range { min: 0.0, max: 5.0 },
        default: ParamDefault::Value(0.2),
        fixed: false,
        source: "Convention: informal lenders charge high flat rates; set it from corridor survey data.",
        doc: "Flat yearly interest on the borrowed principal, charged for the whole repayment period.",
    },
    ParamDef {
        name: "repayment_months",
        unit: "months",
        domain: Domain::Range { min: 0.0, max: 120.0 },
        default: ParamDefault::Value(12.0),
        fixed: false,
        source: "Convention: the loan is repaid out of the first year's earnings.",
        doc: "Months over which the loan runs.",
    },
    ParamDef {
        name: "remittance_share",
        unit: "share",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.4),
        fixed: false,
        source: "Convention informed by the KNOMAD–ILO surveys (a Pakistani driver in Saudi Arabia sent about 60% of his earnings home; S. Yi, World Bank People Move blog).",
        doc: "Share of earnings remitted home over the contract, before the fee is repaid.",
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
];

const OUTPUTS: &[OutputDef] = &[
    OutputDef {
        name: "sdg_10_7_1_mean",
        unit: "months of earnings",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "SDG 10.7.1 under the cap: mean over recruits of fee / monthly earnings (equal wages, so also the ratio of means).",
    },
    OutputDef {
        name: "sdg_10_7_1_mean_no_cap",
        unit: "months of earnings",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "SDG 10.7.1 without the cap (the market fee).",
    },
    OutputDef {
        name: "share_above_cap",
        unit: "share",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Share of recruits charged more than the cap.",
    },
    OutputDef {
        name: "share_above_cap_no_cap",
        unit: "share",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Share of recruits whose market fee exceeds the cap level (before the policy).",
    },
    OutputDef {
        name: "fee_per_worker",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Mean recruitment fee paid under the cap.",
    },
    OutputDef {
        name: "interest_per_worker",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Mean interest paid on the recruitment loan under the cap.",
    },
    OutputDef {
        name: "net_earnings_per_worker",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Earnings over the contract minus fee and interest, under the cap.",
    },
    OutputDef {
        name: "recruitment_cost_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Fees plus interest paid by the cohort under the cap.",
    },
    OutputDef {
        name: "recruitment_cost_total_no_cap",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Fees plus interest the cohort would pay without the cap.",
    },
    OutputDef {
        name: "worker_saving_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Recruitment cost avoided by the cohort thanks to the cap (no cap − cap).",
    },
    OutputDef {
        name: "remittances_received_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Remittances the cohort's households receive over the contract, net of the transfer cost.",
    },
    OutputDef {
        name: "net_remittances_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Remittances received minus the fees and interest repaid at origin, under the cap.",
    },
    OutputDef {
        name: "net_remittances_no_cap_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Remittances received minus fees and interest, without the cap.",
    },
    OutputDef {
        name: "net_remittance_gain_total",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Gain in net remittances from the cap (equals worker_saving_total).",
    },
];

/// The parameters of [`outcomes`], as plain numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RecruitmentInputs {
    /// Workers recruited in the year.
    pub workers: f64,
    /// Monthly earnings, USD.
    pub wage_usd_month: f64,
    /// Months worked under the contract.
    pub contract_months: f64,
    /// Mean market fee, months of earnings.
    pub fee_ratio_market: f64,
    /// Log standard deviation of the market fee.
    pub fee_sd_log: f64,
    /// Cap, months of earnings.
    pub fee_cap_ratio: f64,
    /// Share of recruitments respecting the cap.
    pub compliance: f64,
    /// Markup of non-compliant recruiters over the market fee.
    pub evasion_markup: f64,
    /// Share of the fee borrowed.
    pub debt_share: f64,
    /// Flat yearly interest rate on the loan.
    pub debt_interest_rate: f64,
    /// Months the loan runs.
    pub repayment_months: f64,
    /// Share of earnings remitted.
    pub remittance_share: f64,
    /// Transfer cost, per cent of the amount sent.
    pub transfer_cost_pct: f64,
}

impl RecruitmentInputs {
    /// Reads the values from one draw's parameters.
    pub fn from_params(p: &Params<'_>) -> Self {
        RecruitmentInputs {
            workers: p.get("workers"),
            wage_usd_month: p.get("wage_usd_month"),
            contract_months: p.get("contract_months"),
            fee_ratio_market: p.get("fee_ratio_market"),
            fee_sd_log: p.get("fee_sd_log"),
            fee_cap_ratio: p.get("fee_cap_ratio"),
            compliance: p.get("compliance"),
            evasion_markup: p.get("evasion_markup"),
            debt_share: p.get("debt_share"),
            debt_interest_rate: p.get("debt_interest_rate"),
            repayment_months: p.get("repayment_months"),
            remittance_share: p.get("remittance_share"),
            transfer_cost_pct: p.get("transfer_cost_pct"),
        }
    }
}

/// The outputs of [`outcomes`], named as the model's outputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RecruitmentOutcomes {
    /// Mean fee ratio under the cap (10.7.1).
    pub sdg_10_7_1_mean: f64,
    /// Mean fee ratio without the cap.
    pub sdg_10_7_1_mean_no_cap: f64,
    /// Share charged above the cap.
    pub share_above_cap: f64,
    /// Share whose market fee exceeds the cap level.
    pub share_above_cap_no_cap: f64,
    /// Mean fee under the cap, USD.
    pub fee_per_worker: f64,
    /// Mean interest under the cap, USD.
    pub interest_per_worker: f64,
    /// Earnings minus fee and interest, USD.
    pub net_earnings_per_worker: f64,
    /// Cohort's fees and interest under the cap, USD.
    pub recruitment_cost_total: f64,
    /// Cohort's fees and interest without the cap, USD.
    pub recruitment_cost_total_no_cap: f64,
    /// Cost avoided thanks to the cap, USD.
    pub worker_saving_total: f64,
    /// Remittances received net of the transfer cost, USD.
    pub remittances_received_total: f64,
    /// Remittances received minus fees and interest under the cap, USD.
    pub net_remittances_total: f64,
    /// The same without the cap, USD.
    pub net_remittances_no_cap_total: f64,
    /// Gain in net remittances, USD.
    pub net_remittance_gain_total: f64,
}

/// `E[min(F, k)]` and `P(F > k)` for `F` lognormal with mean `mean` and log standard
/// deviation `sd` (`F = mean` when `sd = 0`).
fn capped_mean_and_tail(mean: f64, sd: f64, k: f64) -> (f64, f64) {
    if mean <= 0.0 {
        return (0.0, 0.0);
    }
    if sd == 0.0 {
        return (mean.min(k), if mean > k { 1.0 } else { 0.0 });
    }
    if k <= 0.0 {
        return (0.0, 1.0);
    }
    if k.is_infinite() {
        return (mean, 0.0);
    }
    let mu = mean.ln() - 0.5 * sd * sd;
    let z = (k.ln() - mu) / sd;
    let tail = 1.0 - special::normal_cdf(z);
    (mean * special::normal_cdf(z - sd) + k * tail, tail)
}

/// The deterministic core: every output from the parameter values.
pub fn outcomes(x: &RecruitmentInputs) -> RecruitmentOutcomes {
    let m = x.fee_ratio_market;
    let k = x.fee_cap_ratio;
    let c = x.compliance;
    let markup = 1.0 + x.evasion_markup;
    let (capped_mean, market_tail) = capped_mean_and_tail(m, x.fee_sd_log, k);
    // Non-compliant recruiters charge (1 + markup)·F, above the cap when F > k/(1+markup).
    let (_, evader_tail) = capped_mean_and_tail(m, x.fee_sd_log, k / markup);
    let ratio_cap = c * capped_mean + (1.0 - c) * markup * m;
    let ratio_no_cap = m;
    let interest_factor = x.debt_share * x.debt_interest_rate * x.repayment_months / 12.0;
    let fee = ratio_cap * x.wage_usd_month;
    let fee_no_cap = ratio_no_cap * x.wage_usd_month;
    let interest = fee * interest_factor;
    let interest_no_cap = fee_no_cap * interest_factor;
    let earnings = x.wage_usd_month * x.contract_months;
    let cost_total = x.workers * (fee + interest);
    let cost_total_no_cap = x.workers * (fee_no_cap + interest_no_cap);
    let received = x.workers * earnings * x.remittance_share * (1.0 - x.transfer_cost_pct / 100.0);
    let net = received - cost_total;
    let net_no_cap = received - cost_total_no_cap;
    RecruitmentOutcomes {
        sdg_10_7_1_mean: ratio_cap,
        sdg_10_7_1_mean_no_cap: ratio_no_cap,
        share_above_cap: (1.0 - c) * evader_tail,
        share_above_cap_no_cap: market_tail,
        fee_per_worker: fee,
        interest_per_worker: interest,
        net_earnings_per_worker: earnings - fee - interest,
        recruitment_cost_total: cost_total,
        recruitment_cost_total_no_cap: cost_total_no_cap,
        worker_saving_total: cost_total_no_cap - cost_total,
        remittances_received_total: received,
        net_remittances_total: net,
        net_remittances_no_cap_total: net_no_cap,
        net_remittance_gain_total: net - net_no_cap,
    }
}

impl Model for Recruitment {
    fn name(&self) -> &'static str {
        NAME
    }

    fn description(&self) -> &'static str {
        "Rights and recruitment: a cap on the recruitment fees workers pay, enforced with a given compliance. Market fees are lognormal around the 10.7.1 ratio without the policy; compliant recruiters charge at most the cap, the others the market fee (plus an optional markup). Part of the fee is borrowed at a flat interest rate. Outputs: 10.7.1 with and without the cap, the share charged above the cap, migrants' net earnings, and remittances net of fee repayment at origin. Closed form; uncertainty comes from the parameter distributions."
    }

    fn parameters(&self) -> &'static [ParamDef] {
        PARAMETERS
    }

    fn outputs(&self) -> &'static [OutputDef] {
        OUTPUTS
    }

    fn horizon(&self, _params: &Params<'_>) -> usize {
        1
    }

    fn simulate(
        &self,
        params: &Params<'_>,
        _rng: &mut DrawRng,
        out: &mut Outputs,
    ) -> Result<(), ModelError> {
        let r = outcomes(&RecruitmentInputs::from_params(params));
        out.set("sdg_10_7_1_mean", r.sdg_10_7_1_mean);
        out.set("sdg_10_7_1_mean_no_cap", r.sdg_10_7_1_mean_no_cap);
        out.set("share_above_cap", r.share_above_cap);
        out.set("share_above_cap_no_cap", r.share_above_cap_no_cap);
        out.set("fee_per_worker", r.fee_per_worker);
        out.set("interest_per_worker", r.interest_per_worker);
        out.set("net_earnings_per_worker", r.net_earnings_per_worker);
        out.set("recruitment_cost_total", r.recruitment_cost_total);
        out.set("recruitment_cost_total_no_cap", r.recruitment_cost_total_no_cap);
        out.set("worker_saving_total", r.worker_saving_total);
        out.set("remittances_received_total", r.remittances_received_total);
        out.set("net_remittances_total", r.net_remittances_total);
        out.set("net_remittances_no_cap_total", r.net_remittances_no_cap_total);
        out.set("net_remittance_gain_total", r.net_remittance_gain_total);
        Ok(())
    }
}
