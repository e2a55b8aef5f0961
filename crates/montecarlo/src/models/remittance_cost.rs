//! Remittance cost reduction: the cost of sending money along a corridor (SDG
//! indicator 10.c.1, METHODS §5.3) brought to a target along a linear path, the fees
//! households save, and — through an optional cost elasticity — the extra remittances
//! sent.
//!
//! Equations, parameter sources and limits: `docs/models/remittance-cost.md`.

use crate::model::{
    Domain, DrawRng, Model, ModelError, OutputDef, Outputs, ParamDef, ParamDefault, Params, Shape,
    Side,
};

/// The remittance-cost model (`"remittance-cost"` in scenario files).
#[derive(Clone, Copy, Debug, Default)]
pub struct RemittanceCost;

const NAME: &str = "remittance-cost";

/// The parameters of [`RemittanceCost`], in order.
pub const PARAMETERS: &[ParamDef] = &[
    ParamDef {
        name: "horizon_years",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(10.0),
        fixed: true,
        source: "convention: ten years (2021 to 2030, the SDG target year, after a 2020 baseline)",
        doc: "Number of simulated years; year 0 is the first year of the policy, the year after the baseline year.",
    },
    ParamDef {
        name: "remittances_usd",
        unit: "USD per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Baseline("corridor_remittances_usd"),
        fixed: false,
        source: "baseline: remittances along the corridor (store; World Bank bilateral remittance estimates, METHODS §1), read as the amount sent; for a whole country use origin_remittances_received_usd",
        doc: "Amount sent along the corridor in the baseline year (the year before year 0), fees included.",
    },
    ParamDef {
        name: "remittance_growth",
        unit: "share per year",
        domain: Domain::Range { min: -0.5, max: 1.0 },
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: constant volume; set from the corridor's recent growth",
        doc: "Yearly growth of the amount sent without the policy, from the baseline year on.",
    },
    ParamDef {
        name: "cost_start_pct",
        unit: "percent of amount sent",
        domain: Domain::Range { min: 0.0, max: 100.0 },
        default: ParamDefault::Baseline("corridor_cost_pct"),
        fixed: false,
        source: "baseline: average total cost of sending US$200 along the corridor (store; World Bank Remittance Prices Worldwide, SDG 10.c.1)",
        doc: "Total cost (fee and exchange-rate margin) as a percentage of the amount sent in the baseline year, before the policy.",
    },
    ParamDef {
        name: "target_pct",
        unit: "percent of amount sent",
        domain: Domain::Range { min: 0.0, max: 100.0 },
        default: ParamDefault::Value(3.0),
        fixed: false,
        source: "SDG target 10.c: reduce remittance costs to less than 3 % by 2030 and eliminate corridors above 5 % (METHODS §5.3); set the corridor's SmaRT for the cheapest-qualifying-services option",
        doc: "Cost the policy brings the corridor to; a target above the starting cost leaves the cost unchanged.",
    },
    ParamDef {
        name: "years_to_target",
        unit: "years",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(10.0),
        fixed: false,
        source: "convention: reached in the tenth year of the policy (2030 after a 2020 baseline)",
        doc: "Years over which the cost falls linearly to the target, reached in year years_to_target − 1 (0 = at once, from year 0).",
    },
    ParamDef {
        name: "elasticity",
        unit: "elasticity",
        domain: Domain::Range { min: -5.0, max: 5.0 },
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0, no behavioural response. Estimates are negative and uncertain: Gibson, McKenzie & Rohorua (2006, Waikato WP 2/06), Ahmed et al. (Economics discussion paper 2015-12), Kpodar & Imam (2022, IMF WP/22/218: 3 % would add US$32bn, more than the fees saved; of the order of −0.1 on this log–log scale by our conversion, see docs); give a distribution",
        doc: "Elasticity of the amount sent to the cost: sent = baseline × (cost / starting cost)^elasticity.",
    },
];

/// The outputs of [`RemittanceCost`], in order.
pub const OUTPUTS: &[OutputDef] = &[
    OutputDef {
        name: "cost_pct",
        unit: "percent of amount sent",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Cost of sending along the corridor each year (the 10.c.1 path).",
    },
    OutputDef {
        name: "sent_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Amount sent each year under the policy.",
    },
    OutputDef {
        name: "received_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Amount households receive each year under the policy: sent minus fees.",
    },
    OutputDef {
        name: "fees_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Fees and exchange-rate margins paid each year under the policy.",
    },
    OutputDef {
        name: "fees_baseline_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Fees each year without the policy (baseline amount at the starting cost).",
    },
    OutputDef {
        name: "savings_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Fees saved each year on the baseline amount: baseline amount × (starting cost − cost).",
    },
    OutputDef {
        name: "extra_remittances_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Extra amount sent each year through the elasticity.",
    },
    OutputDef {
        name: "cost_end_pct",
        unit: "percent of amount sent",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Cost in the last year.",
    },
    OutputDef {
        name: "years_above_5pct",
        unit: "years",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Years in which the corridor costs more than 5 % (the 10.c corridor ceiling).",
    },
    OutputDef {
        name: "years_at_or_below_3pct",
        unit: "years",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Years in which the corridor costs 3 % or less (the 10.c target level).",
    },
    OutputDef {
        name: "sent_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Amount sent over the horizon under the policy.",
    },
    OutputDef {
        name: "received_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Amount received over the horizon under the policy.",
    },
    OutputDef {
        name: "fees_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Fees over the horizon under the policy.",
    },
    OutputDef {
        name: "received_baseline_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Amount received over the horizon without the policy.",
    },
    OutputDef {
        name: "fees_baseline_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Fees over the horizon without the policy.",
    },
    OutputDef {
        name: "savings_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Fees saved over the horizon on the baseline amount.",
    },
    OutputDef {
        name: "extra_remittances_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Extra amount sent over the horizon through the elasticity.",
    },
    OutputDef {
        name: "extra_received_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Extra amount received over the horizon: savings plus extra remittances net of their fees.",
    },
];

/// The cost in year `t` (0-based) of a linear path from `start` to `target` reached in
/// year `years - 1` (at once if `years` is 0); the cost never rises above `start`.
pub fn cost_path(start: f64, target: f64, years: f64, t: usize) -> f64 {
    let goal = target.min(start);
    if years <= 0.0 {
        return goal;
    }
    let progress = (t as f64 + 1.0) / years;
    if progress >= 1.0 { goal } else { start + (goal - start) * progress }
}

/// The total cost, in per cent of what the sender pays, of sending `amount` under a fee
/// schedule of a fixed fee `fixed` paid on top of the amount (same currency) and an
/// exchange-rate margin `fx_margin` (a share of the amount converted):
/// `100 · (1 − (1 − fx_margin) · amount / (amount + fixed))`, i.e. one minus what the
/// recipient gets, valued at the mid-market rate, over what the sender pays. This is the
/// definition that reproduces the World Bank's worked NZ→Tonga example (NZ$20 fixed fee
/// and 6 % margin: 32.9 % on NZ$50) to rounding; see `docs/validation.md`, "Policy-option
/// models against evaluated programmes". Limits: returns 0 when `amount + fixed` is not
/// positive (nothing is paid); no other input is checked.
pub fn cost_pct_of_fee_schedule(fixed: f64, fx_margin: f64, amount: f64) -> f64 {
    let paid = amount + fixed;
    if paid <= 0.0 {
        return 0.0;
    }
    100.0 * (1.0 - (1.0 - fx_margin) * amount / paid)
}

impl Model for RemittanceCost {
    fn name(&self) -> &'static str {
        NAME
    }

    fn description(&self) -> &'static str {
        "Remittance cost reduction: the corridor's cost of sending (SDG 10.c.1) falls \
         linearly to a target (3 % by default, or the corridor's SmaRT); outputs the fees \
         paid with and without the policy, the fees households save, the extra remittances \
         sent through an optional cost elasticity, and the 10.c.1 path."
    }

    fn parameters(&self) -> &'static [ParamDef] {
        PARAMETERS
    }

    fn outputs(&self) -> &'static [OutputDef] {
        OUTPUTS
    }

    fn horizon(&self, params: &Params<'_>) -> usize {
        params.get("horizon_years") as usize
    }

    fn check(&self, params: &Params<'_>) -> Result<(), ModelError> {
        let fail = |message: &str| Err(ModelError { model: NAME, message: message.into() });
        if params.get("horizon_years") < 1.0 {
            return fail("horizon_years must be at least 1");
        }
        let elasticity = params.get("elasticity");
        let start = params.get("cost_start_pct");
        let target = params.get("target_pct").min(start);
        if elasticity < 0.0 && start > 0.0 && target <= 0.0 {
            return fail(
                "a negative elasticity needs a target cost above 0 % (the amount sent would be \
                 infinite at zero cost)",
            );
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
        let volume = params.get("remittances_usd");
        let growth = params.get("remittance_growth");
        let c0 = params.get("cost_start_pct");
        let target = params.get("target_pct");
        let years = params.get("years_to_target");
        let elasticity = params.get("elasticity");

        let mut cost = vec![0.0; h];
        let mut sent = vec![0.0; h];
        let mut received = vec![0.0; h];
        let mut fees = vec![0.0; h];
        let mut fees_base = vec![0.0; h];
        let mut savings = vec![0.0; h];
        let mut extra = vec![0.0; h];
        let mut received_base_total = 0.0;
        for t in 0..h {
            let c = cost_path(c0, target, years, t);
            // Year t is t + 1 years after the baseline year whose amount is `volume`.
            let base = volume * (1.0 + growth).powi(t as i32 + 1);
            let ratio = if c0 > 0.0 { c / c0 } else { 1.0 };
            let s = if elasticity == 0.0 { base } else { base * ratio.powf(elasticity) };
            cost[t] = c;
            sent[t] = s;
            // Received and fees are computed each from the amount sent, so that
            // `sent = received + fees` is a check, not a definition.
            fees[t] = s * c / 100.0;
            received[t] = s * (1.0 - c / 100.0);
            fees_base[t] = base * c0 / 100.0;
            savings[t] = base * (c0 - c) / 100.0;
            extra[t] = s - base;
            received_base_total += base * (1.0 - c0 / 100.0);
        }
        let sum = |v: &[f64]| v.iter().sum::<f64>();
        let received_total = sum(&received);
        out.set_series("cost_pct", &cost);
        out.set_series("sent_usd", &sent);
        out.set_series("received_usd", &received);
        out.set_series("fees_usd", &fees);
        out.set_series("fees_baseline_usd", &fees_base);
        out.set_series("savings_usd", &savings);
        out.set_series("extra_remittances_usd", &extra);
        out.set("cost_end_pct", cost[h - 1]);
        out.set("years_above_5pct", cost.iter().filter(|&&c| c > 5.0).count() as f64);
        out.set("years_at_or_below_3pct", cost.iter().filter(|&&c| c <= 3.0).count() as f64);
        out.set("sent_total_usd", sum(&sent));
        out.set("received_total_usd", received_total);
        out.set("fees_total_usd", sum(&fees));
        out.set("received_baseline_total_usd", received_base_total);
        out.set("fees_baseline_total_usd", sum(&fees_base));
        out.set("savings_total_usd", sum(&savings));
        out.set("extra_remittances_total_usd", sum(&extra));
        out.set("extra_received_total_usd", received_total - received_base_total);
        Ok(())
    }
}
