//! remit (being built).
