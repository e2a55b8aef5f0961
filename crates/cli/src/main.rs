//! `coherence`: the command-line interface of Coherence.
//!
//! Arguments are parsed "low" by clap (strings and paths, mirroring the flags), turned
//! into calls on [`analysis::Workspace`], and the plain data it returns is rendered as
//! a table, JSON or CSV. This is the only crate that prints.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "the CLI is the one crate that prints"
)]

mod args;
mod assess;
mod briefs;
mod calibration;
mod commands;
mod corridor;
mod estimate;
mod files;
mod gravity;
mod hints;
mod outfile;
mod output;
mod profile_table;
mod progress;
mod register;
mod scenario;
mod serve;
mod sheets;
mod sweep;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse().resolve();
    // A server logs its requests (method, path, status, time) unless told to be quiet.
    let serving = matches!(cli.command, args::Command::Serve(_));
    init_logging(&cli.global, serving);
    // The server answers on every core; the other commands run on one thread.
    let mut builder = if matches!(cli.command, args::Command::Serve(_)) {
        tokio::runtime::Builder::new_multi_thread()
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    let runtime = match builder.enable_all().build() {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("error: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        tokio::select! {
            result = commands::run(cli) => result,
            _ = tokio::signal::ctrl_c() => Err("interrupted; nothing half-written was kept".into()),
        }
    });
    runtime.block_on(commands::close_stores());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`coherence profile X | head`) is not an error.
        Err(err)
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {}", hints::explain(&*err));
            ExitCode::FAILURE
        }
    }
}

fn init_logging(global: &args::Global, serving: bool) {
    use tracing_subscriber::EnvFilter;
    let level = match (global.quiet, global.verbose) {
        (true, _) => "error",
        (false, 0) if serving => "info",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        (false, _) => "trace",
    };
    let filter = EnvFilter::try_from_env("COHERENCE_LOG").unwrap_or_else(|_| EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false)
        .init();
}
