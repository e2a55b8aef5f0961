//! Coherence's application API (being built).

pub mod profile;
