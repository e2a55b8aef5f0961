//! The policy-option models, and the registry scenario files name them from.

use crate::model::Model;

/// Every model, in the order they are documented.
pub fn all() -> Vec<&'static dyn Model> {
    vec![]
}

/// The model called `name` in scenario files.
pub fn by_name(name: &str) -> Option<&'static dyn Model> {
    all().into_iter().find(|m| m.name() == name)
}
