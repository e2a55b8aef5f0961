//! The built-in fictional demo world (being built).
