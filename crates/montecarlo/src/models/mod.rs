//! The policy-option models, and the registry scenario files name them from.

use crate::model::Model;

pub mod diaspora;
pub mod recruitment;
pub mod remittance_cost;
pub mod skills;
pub mod temporary_scheme;

pub use diaspora::Diaspora;
pub use recruitment::Recruitment;
pub use remittance_cost::RemittanceCost;
pub use skills::Skills;
pub use temporary_scheme::TemporaryScheme;

/// Every model, in the order they are documented (one per line).
#[rustfmt::skip]
pub fn all() -> Vec<&'static dyn Model> {
    vec![
        &TemporaryScheme,
        &Recruitment,
        &Skills,
        &RemittanceCost,
        &Diaspora,
    ]
}

/// The model called `name` in scenario files.
pub fn by_name(name: &str) -> Option<&'static dyn Model> {
    all().into_iter().find(|m| m.name() == name)
}
