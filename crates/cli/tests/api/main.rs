//! The HTTP API, tested against the real server (`coherence serve` on port 0) on SQLite,
//! and on PostgreSQL when `COHERENCE_TEST_STORE=postgres` (as `.ci/run`'s second pass).

mod accounts;
mod corridors;
mod data;
mod estimates;
mod harness;
mod imports;
mod jobs;
mod permissions;
mod scenarios;
