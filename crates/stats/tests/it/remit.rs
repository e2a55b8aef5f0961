//! The bilateral remittance matrix.
