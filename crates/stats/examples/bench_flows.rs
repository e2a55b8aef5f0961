//! Timings of the flow and remittance estimators at world scale.
//!
//! Run with `cargo run --release -p stats --example bench_flows [method | od_only]`.
//! Results are recorded in `docs/benchmarks.md` ("Flows and remittance matrix"). The inputs
//! are the synthetic world of the scale tests: 230 areas, six five-year periods
//! (1990–2020).
//!
//! Each line gives the best wall-clock time of several runs and, on Linux, the mean CPU
//! time of the process per run (from `/proc/self/stat`, in 10 ms ticks), which is less
//! sensitive to other work on the machine.

#![allow(clippy::print_stdout, reason = "an example binary reports its timings")]

use std::time::{Duration, Instant};

use faer::Mat;
use stats::flows::{self, DemoOptions, FlowOptions, Method, Output, Stocks};
use stats::remit::{self, RemitInput, RemitOptions};

#[path = "../tests/it/world.rs"]
mod world;

/// User plus system CPU time of this process so far, if the platform reports it.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): state is field 3, utime
    // and stime are fields 14 and 15, in clock ticks (100 per second on Linux).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Runs `f` `runs` times and prints the best wall-clock time and the mean CPU time.
fn report(label: &str, runs: u32, mut f: impl FnMut()) {
    let cpu_start = cpu_time();
    let best = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .expect("at least one run");
    let cpu = match (cpu_start, cpu_time()) {
        (Some(a), Some(b)) => {
            format!("{:>8.1} ms CPU", (b - a).as_secs_f64() * 1e3 / f64::from(runs))
        }
        _ => "n/a".to_owned(),
    };
    println!("{label:<36} {:>9.2} ms wall  {cpu}", best.as_secs_f64() * 1e3);
}

fn main() {
    let n = 230;
    let periods = world::periods(n, 1990);
    println!("{n} areas, {} periods, {} threads", periods.len(), rayon::current_num_threads());
    // An optional argument restricts the run to one method (e.g. `da_pb_closed`), or to
    // the od-only runs (`od_only`).
    let only = std::env::args().nth(1);
    let wanted = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let run_all = |method: Method, options: &FlowOptions| {
        for p in &periods {
            let stocks = Stocks {
                stock_start: p.stock_start.as_ref(),
                stock_end: p.stock_end.as_ref(),
                births: &p.births,
                deaths: &p.deaths,
            };
            let est = flows::flows_from_stocks(method, &stocks, options).unwrap();
            std::hint::black_box(est.total);
        }
    };
    let full = FlowOptions::default();
    for method in Method::ALL.into_iter().filter(|m| wanted(m.name())) {
        report(&format!("{}, six periods", method.name()), 5, || run_all(method, &full));
    }
    // The same estimates without the n³ flows by birthplace.
    let od_only = FlowOptions {
        demo: DemoOptions { output: Output::OdOnly, ..DemoOptions::default() },
        ..FlowOptions::default()
    };
    if wanted("od_only") {
        for method in [Method::DaMinClosed, Method::DaPbClosed] {
            let label = format!("{}, six periods, od only", method.name());
            report(&label, 5, || run_all(method, &od_only));
        }
    }

    if wanted("remit") {
        let p = &periods[5];
        let income: Vec<Option<f64>> =
            (0..n).map(|i| Some(1000.0 + 50_000.0 * ((i * 37 % n) as f64 / n as f64))).collect();
        let inflows: Vec<Option<f64>> = (0..n)
            .map(|i| if i % 17 == 0 { None } else { Some(1e3 * (1 + i % 13) as f64) })
            .collect();
        let stock: Mat<f64> = p.stock_end.clone();
        let input = RemitInput {
            stock: stock.as_ref(),
            inflows: &inflows,
            income: &income,
            zero_corridors: &[(0, 1), (1, 0)],
            other_areas: &[n - 2, n - 1],
        };
        report(&format!("remittance matrix, {n} x {n}"), 50, || {
            let m = remit::allocate(&input, &RemitOptions::default()).unwrap();
            std::hint::black_box(m.sent[(0, 0)]);
        });
    }
}
