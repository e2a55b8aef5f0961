//! The HTTP API, tested against the real server (`coherence serve` on port 0) on SQLite,
//! and on PostgreSQL when `COHERENCE_TEST_STORE=postgres` (as `.ci/run`'s second pass).

mod accounts;
mod answers;
mod harness;
mod matrices;
mod permissions;
mod register;
