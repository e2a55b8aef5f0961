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
use crate::words::tf;
use i18n::Arg;

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
        let key = match (self.role, self.from_data) {
            (Role::Origin, _) => "brief-role-origin",
            (Role::Destination, _) => "brief-role-destination",
            (Role::Both, true) => "brief-role-both",
            (Role::Both, false) => "brief-role-unknown",
        };
        tf(key, &[("country", Arg::from(name)), ("basis", Arg::from(self.basis.join("; ")))])
    }
}

/// A number of persons in words: "16.8 million", "845,000".
fn persons_words(n: f64) -> String {
    if n.abs() >= 1e6 {
        tf("brief-million", &[("n", Arg::Number(n / 1e6, 1))])
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
            tf("brief-years-and", &[("a", Arg::plain(i.year)), ("b", Arg::plain(e.year))])
        };
        basis.push(tf(
            "brief-role-stocks",
            &[
                ("immigrants", Arg::from(persons_words(i.total.value))),
                ("emigrants", Arg::from(persons_words(e.total.value))),
                ("years", Arg::from(years)),
            ],
        ));
    }
    if let Some((year, paid, received)) =
        latest_pair(&profile.remittances_paid, &profile.remittances_received)
    {
        let destination = paid > received;
        signals.push(destination);
        let key = if destination { "brief-role-paid-exceed" } else { "brief-role-paid-short" };
        basis.push(tf(
            key,
            &[
                ("paid", Arg::from(usd_words(paid))),
                ("received", Arg::from(usd_words(received))),
                ("year", Arg::plain(year)),
            ],
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
