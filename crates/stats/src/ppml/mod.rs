//! ppml (being built).
