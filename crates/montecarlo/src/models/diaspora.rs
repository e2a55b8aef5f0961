//! Diaspora engagement: finance mobilised from the diaspora through diaspora bonds
//! (Ketkar & Ratha 2010) and a matching fund for diaspora contributions (in the manner
//! of Mexico's Tres por Uno), against the diaspora's savings.
//!
//! Equations, parameter sources and limits: `docs/models/diaspora.md`.

use crate::model::{
    Domain, DrawRng, Model, ModelError, OutputDef, Outputs, ParamDef, ParamDefault, Params, Shape,
    Side,
};

/// The diaspora-engagement model (`"diaspora"` in scenario files).
#[derive(Clone, Copy, Debug, Default)]
pub struct Diaspora;

const NAME: &str = "diaspora";

/// The parameters of [`Diaspora`], in order.
pub const PARAMETERS: &[ParamDef] = &[
    ParamDef {
        name: "horizon_years",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(5.0),
        fixed: true,
        source: "convention: five years, the life of one bond issue",
        doc: "Number of simulated years (year 0 is the first year of the programme).",
    },
    ParamDef {
        name: "diaspora_size",
        unit: "persons",
        domain: Domain::NonNegative,
        default: ParamDefault::Baseline("diaspora_stock"),
        fixed: false,
        source: "baseline: emigrants of the origin living abroad (store; UN DESA International Migrant Stock or the corridor stock)",
        doc: "Members of the diaspora in year 0.",
    },
    ParamDef {
        name: "diaspora_growth",
        unit: "share per year",
        domain: Domain::Range { min: -0.5, max: 0.5 },
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: constant diaspora; set from the change in the stock",
        doc: "Yearly growth of the diaspora.",
    },
    ParamDef {
        name: "income_usd",
        unit: "USD per person per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Baseline("destination_gdp_per_capita_usd"),
        fixed: false,
        source: "baseline: destination GDP per capita, an upper bound; Ratha & Mohapatra (2011, Migration and Development Brief 14) assume that diaspora members with a college degree earn the average income of their host country and the others a third of the host's average household income",
        doc: "Average yearly income of a diaspora member.",
    },
    ParamDef {
        name: "saving_rate",
        unit: "share of income",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.1),
        fixed: false,
        source: "convention: 10 %; Ratha & Mohapatra (2011) assume migrants have the personal saving rate of their home country; set the origin's household saving rate (not its gross national saving rate, which includes firms and government)",
        doc: "Share of income a diaspora member saves; used only to compare the finance mobilised with the diaspora's savings.",
    },
    ParamDef {
        name: "bond_issue_usd",
        unit: "USD per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0, no bond; for magnitudes, India and Israel raised over US$35 billion with diaspora bonds (Ketkar & Ratha 2010, JICEP 1(2):251–263)",
        doc: "Diaspora bonds offered each year; subscriptions above it are turned away.",
    },
    ParamDef {
        name: "bond_takeup",
        unit: "share of diaspora per year",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0; no published take-up rate generalises, give a distribution",
        doc: "Share of diaspora members who subscribe to the bond in a year.",
    },
    ParamDef {
        name: "bond_ticket_usd",
        unit: "USD per buyer",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0; give a distribution (the average subscription of a buyer)",
        doc: "Average amount a subscriber buys in a year.",
    },
    ParamDef {
        name: "bond_coupon",
        unit: "share per year",
        domain: Domain::Range { min: 0.0, max: 0.5 },
        default: ParamDefault::Value(0.04),
        fixed: false,
        source: "convention: 4 %; diaspora bonds are often priced at a 'patriotic discount' below market rates (Ketkar & Ratha 2010)",
        doc: "Interest the government pays each year on bonds outstanding.",
    },
    ParamDef {
        name: "market_rate",
        unit: "share per year",
        domain: Domain::Range { min: 0.0, max: 0.5 },
        default: ParamDefault::Value(0.06),
        fixed: false,
        source: "convention: 6 %; set the yield of the government's external borrowing",
        doc: "Interest the government would pay on the same amount borrowed on the market.",
    },
    ParamDef {
        name: "bond_maturity_years",
        unit: "years",
        domain: Domain::Count,
        default: ParamDefault::Value(5.0),
        fixed: true,
        source: "India's Resurgent India Bonds (1998) and India Millennium Deposits (2000) were five-year instruments (Ketkar & Ratha 2010)",
        doc: "Years a bond is outstanding; it is repaid at the start of the year after.",
    },
    ParamDef {
        name: "match_participation",
        unit: "share of diaspora per year",
        domain: Domain::Probability,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0; give a distribution",
        doc: "Share of diaspora members who contribute to matched projects in a year.",
    },
    ParamDef {
        name: "match_contribution_usd",
        unit: "USD per contributor per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0; give a distribution",
        doc: "Average yearly contribution of a contributor.",
    },
    ParamDef {
        name: "match_rate",
        unit: "USD per USD contributed",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(1.0),
        fixed: false,
        source: "convention: one to one; Mexico's Tres por Uno matched each migrant dollar with three public dollars (federal, state, municipal)",
        doc: "Public dollars added to each dollar the diaspora contributes, until the budget runs out.",
    },
    ParamDef {
        name: "match_budget_usd",
        unit: "USD per year",
        domain: Domain::NonNegative,
        default: ParamDefault::Value(0.0),
        fixed: false,
        source: "convention: 0, no matching fund",
        doc: "Most the government spends on matching in a year.",
    },
    ParamDef {
        name: "origin_population",
        unit: "persons",
        domain: Domain::Positive,
        default: ParamDefault::Baseline("origin_population"),
        fixed: true,
        source: "baseline: origin population in the baseline year (store)",
        doc: "Population of the origin, for the finance mobilised per resident.",
    },
];

/// The outputs of [`Diaspora`], in order.
pub const OUTPUTS: &[OutputDef] = &[
    OutputDef {
        name: "diaspora_members",
        unit: "persons",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Diaspora members each year.",
    },
    OutputDef {
        name: "bond_demand_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Subscriptions offered each year: members × take-up × ticket.",
    },
    OutputDef {
        name: "bonds_sold_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Bonds sold each year: the smaller of demand and the issue.",
    },
    OutputDef {
        name: "bonds_outstanding_usd",
        unit: "USD",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Bonds outstanding during each year.",
    },
    OutputDef {
        name: "bond_interest_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Interest paid each year: coupon × bonds outstanding.",
    },
    OutputDef {
        name: "bond_repayment_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Principal repaid each year on matured bonds.",
    },
    OutputDef {
        name: "contributions_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Migrants,
        doc: "Diaspora contributions to matched projects each year.",
    },
    OutputDef {
        name: "matched_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Public matching each year: the smaller of match_rate × contributions and the budget.",
    },
    OutputDef {
        name: "mobilised_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Finance mobilised each year: bonds sold + contributions + matching.",
    },
    OutputDef {
        name: "government_cost_usd",
        unit: "USD per year",
        shape: Shape::Series,
        side: Side::Origin,
        doc: "Cost to the government each year: bond interest + matching.",
    },
    OutputDef {
        name: "bonds_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Bonds sold over the horizon.",
    },
    OutputDef {
        name: "bond_demand_unmet_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Subscriptions turned away over the horizon (demand above the issue).",
    },
    OutputDef {
        name: "contributions_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Diaspora contributions over the horizon.",
    },
    OutputDef {
        name: "matched_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Public matching over the horizon.",
    },
    OutputDef {
        name: "diaspora_finance_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Money put up by the diaspora over the horizon: bonds + contributions.",
    },
    OutputDef {
        name: "mobilised_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Finance mobilised over the horizon: diaspora money + matching.",
    },
    OutputDef {
        name: "interest_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Bond interest paid over the horizon.",
    },
    OutputDef {
        name: "government_cost_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Cost to the government over the horizon: interest + matching (principal is not a cost).",
    },
    OutputDef {
        name: "patriotic_discount_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Interest saved against market borrowing over the horizon: (market_rate − bond_coupon) × outstanding; negative if the coupon is above market.",
    },
    OutputDef {
        name: "outstanding_end_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Bonds still outstanding in the last year.",
    },
    OutputDef {
        name: "diaspora_savings_total_usd",
        unit: "USD",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Diaspora savings over the horizon: members × income × saving rate.",
    },
    OutputDef {
        name: "share_of_savings",
        unit: "share",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Diaspora money mobilised over its savings (0 when savings are 0).",
    },
    OutputDef {
        name: "mobilised_per_member_usd",
        unit: "USD per member per year",
        shape: Shape::Scalar,
        side: Side::Migrants,
        doc: "Finance mobilised per diaspora member-year (0 with no members).",
    },
    OutputDef {
        name: "mobilised_per_resident_usd",
        unit: "USD per resident per year",
        shape: Shape::Scalar,
        side: Side::Origin,
        doc: "Finance mobilised per origin resident and year.",
    },
];

impl Model for Diaspora {
    fn name(&self) -> &'static str {
        NAME
    }

    fn description(&self) -> &'static str {
        "Diaspora engagement: diaspora bonds (issue size, take-up and ticket) and a matching \
         fund for diaspora contributions (match rate up to a budget); outputs the finance \
         mobilised, what it costs the government (interest and matching), the patriotic \
         discount against market borrowing, and the finance mobilised per diaspora member, \
         per origin resident and as a share of diaspora savings."
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
        if params.get("bond_maturity_years") < 1.0 {
            return fail("bond_maturity_years must be at least 1");
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
        let n0 = params.get("diaspora_size");
        let growth = params.get("diaspora_growth");
        let income = params.get("income_usd");
        let saving = params.get("saving_rate");
        let issue = params.get("bond_issue_usd");
        let takeup = params.get("bond_takeup");
        let ticket = params.get("bond_ticket_usd");
        let coupon = params.get("bond_coupon");
        let market = params.get("market_rate");
        let maturity = params.get("bond_maturity_years") as usize;
        let participation = params.get("match_participation");
        let contribution = params.get("match_contribution_usd");
        let rate = params.get("match_rate");
        let budget = params.get("match_budget_usd");

        let mut members = vec![0.0; h];
        let mut demand = vec![0.0; h];
        let mut sold = vec![0.0; h];
        let mut outstanding = vec![0.0; h];
        let mut interest = vec![0.0; h];
        let mut repayment = vec![0.0; h];
        let mut contributions = vec![0.0; h];
        let mut matched = vec![0.0; h];
        let mut mobilised = vec![0.0; h];
        let mut cost = vec![0.0; h];
        let mut discount = 0.0;
        let mut savings = 0.0;
        for t in 0..h {
            let n = n0 * (1.0 + growth).powi(t as i32);
            members[t] = n;
            savings += n * income * saving;
            demand[t] = n * takeup * ticket;
            sold[t] = demand[t].min(issue);
            outstanding[t] = sold[(t + 1).saturating_sub(maturity)..=t].iter().sum();
            if t >= maturity {
                repayment[t] = sold[t - maturity];
            }
            interest[t] = coupon * outstanding[t];
            discount += (market - coupon) * outstanding[t];
            contributions[t] = n * participation * contribution;
            matched[t] = (rate * contributions[t]).min(budget);
            mobilised[t] = sold[t] + contributions[t] + matched[t];
            cost[t] = interest[t] + matched[t];
        }
        let sum = |v: &[f64]| v.iter().sum::<f64>();
        let bonds = sum(&sold);
        let contributed = sum(&contributions);
        let matched_total = sum(&matched);
        let diaspora_money = bonds + contributed;
        let mobilised_total = sum(&mobilised);
        let member_years = sum(&members);
        let ratio = |num: f64, den: f64| if den > 0.0 { num / den } else { 0.0 };

        out.set_series("diaspora_members", &members);
        out.set_series("bond_demand_usd", &demand);
        out.set_series("bonds_sold_usd", &sold);
        out.set_series("bonds_outstanding_usd", &outstanding);
        out.set_series("bond_interest_usd", &interest);
        out.set_series("bond_repayment_usd", &repayment);
        out.set_series("contributions_usd", &contributions);
        out.set_series("matched_usd", &matched);
        out.set_series("mobilised_usd", &mobilised);
        out.set_series("government_cost_usd", &cost);
        out.set("bonds_total_usd", bonds);
        out.set("bond_demand_unmet_total_usd", sum(&demand) - bonds);
        out.set("contributions_total_usd", contributed);
        out.set("matched_total_usd", matched_total);
        out.set("diaspora_finance_total_usd", diaspora_money);
        out.set("mobilised_total_usd", mobilised_total);
        out.set("interest_total_usd", sum(&interest));
        out.set("government_cost_total_usd", sum(&cost));
        out.set("patriotic_discount_total_usd", discount);
        out.set("outstanding_end_usd", outstanding[h - 1]);
        out.set("diaspora_savings_total_usd", savings);
        out.set("share_of_savings", ratio(diaspora_money, savings));
        out.set("mobilised_per_member_usd", ratio(mobilised_total, member_years));
        out.set(
            "mobilised_per_resident_usd",
            mobilised_total / (params.get("origin_population") * h as f64),
        );
        Ok(())
    }
}
