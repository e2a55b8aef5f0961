//! The country brief (being built).

/// Renders the brief (being built).
pub fn render(_profile: &analysis::profile::CountryProfile) -> String {
    String::new()
}
