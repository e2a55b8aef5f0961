//! World Development Indicators.
