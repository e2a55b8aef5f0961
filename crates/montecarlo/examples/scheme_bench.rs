//! Benchmark of the temporary-scheme microsimulation: the first option of
//! `examples/scenarios/temporary-scheme.toml` (40,000 places a year for 20 years, filled
//! first by returnees, so about 100,000 distinct workers) run over many draws in
//! parallel, each draw on its own `(seed, draw)` stream, as the engine runs it.
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-mc cargo run --release -p montecarlo --example scheme_bench -- \
//!     [--draws 1000] [--quota 40000] [--years 20] [--seed 20261128] [--threads N]
//! ```
//!
//! Prints the load average, wall and CPU time, draws per second (in total, per core and
//! per CPU-second), nanoseconds per
//! person-year simulated (every person recruited so far, at home or abroad, is visited
//! every year), peak resident memory (VmHWM from /proc/self/status) and a few output
//! means, which are identical whatever the thread count.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use montecarlo::model::{DrawRng, Model, Outputs, Params, draw_rng};
use montecarlo::models::TemporaryScheme;
use rand::RngExt;
use rayon::prelude::*;

/// Command-line settings.
struct Args {
    draws: u64,
    quota: f64,
    years: f64,
    seed: u64,
    threads: usize,
}

fn parse_args() -> Args {
    let mut a = Args { draws: 1000, quota: 40_000.0, years: 20.0, seed: 20_261_128, threads: 0 };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < argv.len() {
        let value = argv.get(i + 1).cloned().unwrap_or_default();
        match argv[i].as_str() {
            "--draws" => a.draws = value.parse().expect("--draws N"),
            "--quota" => a.quota = value.parse().expect("--quota N"),
            "--years" => a.years = value.parse().expect("--years N"),
            "--seed" => a.seed = value.parse().expect("--seed N"),
            "--threads" => a.threads = value.parse().expect("--threads N"),
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    a
}

/// A standard normal deviate (Box–Muller, cosine branch).
fn normal(rng: &mut DrawRng) -> f64 {
    let u1: f64 = 1.0 - rng.random::<f64>();
    let u2: f64 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Gamma(k, 1) for a whole number k: minus the log of a product of k uniforms.
fn gamma_int(rng: &mut DrawRng, k: u32) -> f64 {
    (0..k).map(|_| -(1.0 - rng.random::<f64>()).ln()).sum()
}

/// Triangular(min, mode, max) by inversion.
fn triangular(rng: &mut DrawRng, lo: f64, mode: f64, hi: f64) -> f64 {
    let u: f64 = rng.random::<f64>();
    let f = (mode - lo) / (hi - lo);
    if u < f {
        lo + (u * (hi - lo) * (mode - lo)).sqrt()
    } else {
        hi - ((1.0 - u) * (hi - lo) * (hi - mode)).sqrt()
    }
}

/// One draw of the option's parameters, in the model's order. The distributions are
/// those of the scenario file; the baseline values are the demo world's Pelaria (XAA)
/// → Brevmark (XAB) corridor in 2020.
fn draw_parameters(model: &TemporaryScheme, args: &Args, rng: &mut DrawRng) -> Vec<f64> {
    let p_overstay = {
        let x = gamma_int(rng, 2);
        let y = gamma_int(rng, 40);
        x / (x + y)
    };
    let wage = (7.3 + 0.2 * normal(rng)).exp();
    let cost = triangular(rng, 0.5, 1.5, 3.0);
    model
        .parameters()
        .iter()
        .map(|d| match d.name {
            "quota" => args.quota,
            "years" => args.years,
            "contract_years" => 1.0,
            "months_worked" => 8.0,
            "wage_usd_month" => wage,
            "recruitment_cost_ratio" => cost,
            "p_overstay" => p_overstay,
            "p_reentry" => 0.6,
            "origin_earnings_usd_year" => 1879.98,
            "transfer_cost_pct" => 8.5,
            _ => match d.default {
                montecarlo::model::ParamDefault::Value(v) => v,
                _ => panic!("no value for {}", d.name),
            },
        })
        .collect()
}

/// CPU time (user + system) of the whole process so far, in seconds, from
/// /proc/self/stat (Linux; clock ticks of 1/100 s, the kernel's USER_HZ on x86-64).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): state is field 3,
    // utime field 14, stime field 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// The 1-minute load average (Linux), if readable: other work competing for the cores.
fn load_average() -> Option<String> {
    let s = std::fs::read_to_string("/proc/loadavg").ok()?;
    s.split_whitespace().next().map(str::to_owned)
}

/// Peak resident set size of this process in kB (Linux), if readable.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let args = parse_args();
    if args.threads > 0 {
        rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads)
            .build_global()
            .expect("thread pool");
    }
    let threads = rayon::current_num_threads();
    let model = TemporaryScheme;
    let horizon = args.years as usize;

    let load_before = load_average().unwrap_or_default();
    let cpu_before = cpu_seconds();
    let start = Instant::now();
    let results: Vec<[f64; 6]> = (0..args.draws)
        .into_par_iter()
        .map(|draw| {
            let mut rng = draw_rng(args.seed, draw);
            let values = draw_parameters(&model, &args, &mut rng);
            let params = Params::new(model.parameters(), &values);
            let mut out = Outputs::new(model.outputs(), horizon);
            model.simulate(&params, &mut rng, &mut out).expect("simulate");
            // Persons in the pool in year t: new recruits so far (quota − re-entries).
            let mut pool = 0.0;
            let mut person_years = 0.0;
            for r in out.series("reentries") {
                pool += args.quota - r;
                person_years += pool;
            }
            let years_abroad: f64 = out.series("labour_supplied").iter().sum::<f64>() * 12.0 / 8.0;
            [
                out.get("remittances_received_total"),
                out.get("persons_recruited"),
                out.get("persons_irregular"),
                out.get("earned_total")
                    - out.get("spent_total")
                    - out.get("saved_total")
                    - out.get("remitted_total"),
                person_years,
                years_abroad,
            ]
        })
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().zip(cpu_before).map(|(a, b)| a - b);
    let load_after = load_average().unwrap_or_default();

    let n = args.draws as f64;
    let mean = |k: usize| results.iter().map(|r| r[k]).sum::<f64>() / n;
    let max_gap = results.iter().map(|r| r[3].abs()).fold(0.0, f64::max);
    let person_years = mean(4) * n;
    println!("temporary-scheme benchmark");
    println!(
        "  draws {}  quota {}  years {}  seed {}  threads {}",
        args.draws, args.quota, args.years, args.seed, threads
    );
    println!("  persons per draw       {:.0} (mean distinct workers recruited)", mean(1));
    println!("  person-years per draw  {:.0} (at home or abroad)", mean(4));
    println!("  worker-years abroad    {:.0} per draw", mean(5));
    println!("  load average (1 min)   {load_before} before, {load_after} after");
    println!("  wall time              {secs:.2} s");
    println!("  draws per second       {:.1}", n / secs);
    println!("  draws per second/core  {:.1} (wall time × threads)", n / secs / threads as f64);
    if let Some(cpu) = cpu {
        println!("  CPU time               {cpu:.2} s");
        println!("  draws per CPU-second   {:.1}", n / cpu);
        println!("  ns per person-year     {:.2} (CPU time)", cpu * 1e9 / person_years);
    }
    println!(
        "  ns per person-year     {:.2} (wall time × threads)",
        secs * threads as f64 * 1e9 / person_years
    );
    match peak_rss_kb() {
        Some(kb) => println!("  peak memory (VmHWM)    {:.1} MB", kb as f64 / 1024.0),
        None => println!("  peak memory (VmHWM)    unavailable"),
    }
    println!("  mean remittances received (USD, total)  {:.6e}", mean(0));
    println!("  mean irregular at the end               {:.3}", mean(2));
    println!("  largest |earned − spent − saved − remitted|  {max_gap:.3e} USD");
}
