//! The HTTP API, tested against the real server (`coherence serve` on port 0) on SQLite,
//! and on PostgreSQL when `COHERENCE_TEST_STORE=postgres` (as `.ci/run`'s second pass).

#![allow(
    unreachable_pub,
    reason = "the test modules share the harness and their permission rows with `pub` items"
)]

mod accounts;
mod answers;
mod corridors;
mod data;
mod estimates;
mod harness;
mod imports;
mod jobs;
mod matrices;
mod pages;
mod permissions;
mod register;
mod scenarios;
mod web_admin;
mod web_answers;
mod web_languages;
mod web_profiles;
mod web_register;
mod web_scenarios;
mod web_workshop;
