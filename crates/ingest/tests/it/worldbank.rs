//! World Bank/KNOMAD bilateral matrices and annual remittance flows.
