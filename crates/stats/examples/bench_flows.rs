//! Timings of the flow and remittance estimators at world scale.
//!
//! Run with `cargo run --release -p stats --example bench_flows`. Results are recorded in
//! `docs/benchmarks.md` ("Flows and remittance matrix"). The inputs are the synthetic
//! world of the scale tests: 230 areas, six five-year periods (1990–2020).

#![allow(clippy::print_stdout, reason = "an example binary reports its timings")]

use std::time::{Duration, Instant};

use faer::Mat;
use stats::flows::{self, DemoOptions, FlowOptions, Method, Output, Stocks};
use stats::remit::{self, RemitInput, RemitOptions};

#[path = "../tests/it/world.rs"]
mod world;

/// The best of `runs` wall-clock timings of `f`.
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .expect("at least one run")
}

fn main() {
    let n = 230;
    let periods = world::periods(n, 1990);
    let options = FlowOptions::default();
    println!("{n} areas, {} periods, {} threads", periods.len(), rayon::current_num_threads());
    // An optional argument restricts the run to one method, e.g. `da_pb_closed`.
    let only = std::env::args().nth(1);
    for method in Method::ALL {
        if only.as_deref().is_some_and(|name| name != method.name()) {
            continue;
        }
        let time = best_of(5, || {
            for p in &periods {
                let stocks = Stocks {
                    stock_start: p.stock_start.as_ref(),
                    stock_end: p.stock_end.as_ref(),
                    births: &p.births,
                    deaths: &p.deaths,
                };
                let est = flows::flows_from_stocks(method, &stocks, &options).unwrap();
                std::hint::black_box(est.total);
            }
        });
        println!("{:<14} six periods: {:>8.1} ms", method.name(), time.as_secs_f64() * 1e3);
    }

    // The same estimates without the n³ flows by birthplace.
    let od_only = FlowOptions {
        demo: DemoOptions { output: Output::OdOnly, ..DemoOptions::default() },
        ..FlowOptions::default()
    };
    for method in [Method::DaMinClosed, Method::DaPbClosed] {
        if only.as_deref().is_some_and(|name| name != "od_only") {
            continue;
        }
        let time = best_of(5, || {
            for p in &periods {
                let stocks = Stocks {
                    stock_start: p.stock_start.as_ref(),
                    stock_end: p.stock_end.as_ref(),
                    births: &p.births,
                    deaths: &p.deaths,
                };
                let est = flows::flows_from_stocks(method, &stocks, &od_only).unwrap();
                std::hint::black_box(est.total);
            }
        });
        println!(
            "{:<14} six periods, od only: {:>8.1} ms",
            method.name(),
            time.as_secs_f64() * 1e3
        );
    }

    let p = &periods[5];
    let income: Vec<Option<f64>> =
        (0..n).map(|i| Some(1000.0 + 50_000.0 * ((i * 37 % n) as f64 / n as f64))).collect();
    let inflows: Vec<Option<f64>> =
        (0..n).map(|i| if i % 17 == 0 { None } else { Some(1e3 * (1 + i % 13) as f64) }).collect();
    let stock: Mat<f64> = p.stock_end.clone();
    let input = RemitInput {
        stock: stock.as_ref(),
        inflows: &inflows,
        income: &income,
        zero_corridors: &[(0, 1), (1, 0)],
        other_areas: &[n - 2, n - 1],
    };
    let time = best_of(20, || {
        let m = remit::allocate(&input, &RemitOptions::default()).unwrap();
        std::hint::black_box(m.sent[(0, 0)]);
    });
    println!("remittance matrix ({n} × {n}): {:>8.3} ms", time.as_secs_f64() * 1e3);
}
