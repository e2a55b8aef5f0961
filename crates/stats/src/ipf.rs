//! ipf (being built).
