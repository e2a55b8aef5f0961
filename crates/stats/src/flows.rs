//! flows (being built).
