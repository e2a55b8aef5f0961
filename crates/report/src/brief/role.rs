//! The country's role in migration (origin, destination or both), from the figures the
//! profile holds, so that the headline shows the side of each figure that matters.
//!
//! The rule, in two signals:
//! * **migrants**: the latest stock of immigrants against the latest stock of
//!   emigrants; more immigrants is a sign of destination, more emigrants of origin;
//! * **remittances**: in the latest year with both, remittances paid against received;
//!   more paid is a sign of destination, more received of origin.
//!
//! Both signals agreeing (or only one available) give that role; signals disagreeing
//! give "both"; no signal gives "both" too (the headline then shows either side with
//! data). The sentence the brief shows names the figures the role rests on.

use analysis::profile::{CountryProfile, YearValue};

use super::{latest_stock, usd_words};
use crate::markup::format_thousands;

/// A country's role in migration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Mainly a country people leave and send money to.
    Origin,
    /// Mainly a country people move to and send money from.
    Destination,
    /// Both, or the data do not tell.
    Both,
}

impl Role {
    /// Whether figures of the origin side (cost of sending to the country, remittances
    /// received) lead the headline.
    pub fn shows_origin_side(self) -> bool {
        self != Role::Destination
    }

    /// Whether figures of the destination side (cost of sending from the country,
    /// remittances paid) lead the headline.
    pub fn shows_destination_side(self) -> bool {
        self != Role::Origin
    }
}

/// The role with the figures it rests on, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleFinding {
    /// The role.
    pub role: Role,
    /// Whether any figure told it (false: no stock and no pair of remittance figures).
    pub from_data: bool,
    /// The figures the role rests on, as clauses ("16.8 million immigrants against 3.9
    /// million emigrants (2020)").
    pub basis: Vec<String>,
}

impl RoleFinding {
    /// The sentence the brief shows: "Germany is mainly a country of destination: …".
    pub fn sentence(&self, name: &str) -> String {
        let what = match (self.role, self.from_data) {
            (Role::Origin, _) => format!("{name} is mainly a country of origin"),
            (Role::Destination, _) => format!("{name} is mainly a country of destination"),
            (Role::Both, true) => format!("{name} is both a country of origin and of destination"),
            (Role::Both, false) => {
                return format!(
                    "The profile holds neither migrant stocks nor remittances paid and received for {name}, so its role as a country of origin or destination is not known; the headline shows both sides."
                );
            }
        };
        format!("{what}: {}.", self.basis.join("; "))
    }
}

/// A number of persons in words: "16.8 million", "845,000".
fn persons_words(n: f64) -> String {
    if n.abs() >= 1e6 {
        format!("{} million", format_thousands(n / 1e6, 1))
    } else {
        format_thousands(n, 0)
    }
}

/// The latest year with both series, and their values there.
fn latest_pair(a: &[YearValue], b: &[YearValue]) -> Option<(i32, f64, f64)> {
    a.iter()
        .filter(|x| x.value.value.is_finite())
        .filter_map(|x| {
            let y = b.iter().find(|y| y.year == x.year && y.value.value.is_finite())?;
            Some((x.year, x.value.value, y.value.value))
        })
        .max_by_key(|(year, _, _)| *year)
}

/// The role of the profile's country, by the rule of this module.
pub fn role(profile: &CountryProfile) -> RoleFinding {
    let mut signals = Vec::new();
    let mut basis = Vec::new();
    if let (Some(i), Some(e)) = (latest_stock(&profile.stock_in), latest_stock(&profile.stock_out))
    {
        let destination = i.total.value > e.total.value;
        signals.push(destination);
        let years = if i.year == e.year {
            format!("{}", i.year)
        } else {
            format!("{} and {}", i.year, e.year)
        };
        basis.push(format!(
            "{} immigrants against {} emigrants ({years})",
            persons_words(i.total.value),
            persons_words(e.total.value),
        ));
    }
    if let Some((year, paid, received)) =
        latest_pair(&profile.remittances_paid, &profile.remittances_received)
    {
        let destination = paid > received;
        signals.push(destination);
        basis.push(format!(
            "remittances paid ({}) {} those received ({}) in {year}",
            usd_words(paid),
            if destination { "exceed" } else { "fall short of" },
            usd_words(received),
        ));
    }
    let role = match (signals.iter().all(|d| *d), signals.iter().any(|d| *d)) {
        _ if signals.is_empty() => Role::Both,
        (true, _) => Role::Destination,
        (false, false) => Role::Origin,
        (false, true) => Role::Both,
    };
    RoleFinding { role, from_data: !signals.is_empty(), basis }
}
