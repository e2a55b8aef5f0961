//! `cargo run -p xtask -- <task>`: Coherence's development tasks.
//!
//! * `tidy`: checks the layering and the source invariants (see the `xtask`
//!   library) and prints every violation; exits with status 1 if there is any.

#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a command-line tool reports on the terminal"
)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["tidy"] => tidy(),
        _ => {
            eprintln!("usage: cargo run -p xtask -- tidy");
            ExitCode::from(2)
        }
    }
}

fn tidy() -> ExitCode {
    match xtask::tidy::run(&xtask::tidy::workspace_root()) {
        Ok(violations) if violations.is_empty() => {
            println!("tidy: no violations");
            ExitCode::SUCCESS
        }
        Ok(violations) => {
            for v in &violations {
                println!("{v}");
            }
            println!("tidy: {} violation(s)", violations.len());
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("tidy could not run: {e}");
            ExitCode::from(2)
        }
    }
}
