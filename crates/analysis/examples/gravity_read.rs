//! Benchmark driver for the gravity reader: reads a CSV file as `coherence gravity` does
//! (the file into memory, then the used columns, hash and label ids) `--repeat` times
//! (default 9) in one process and prints the fastest and the median time and MB/s.
//! Within one process, repeated runs show the reader's own cost with less noise from a
//! loaded machine than separate processes; `bench/gravity/read.sh` times the command.
//!
//! Usage: `gravity_read DATA.csv --model "y ~ x | fe1 + fe2" [--repeat N]`

#![allow(clippy::print_stdout, reason = "a command-line benchmark prints its result")]

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: gravity_read DATA.csv --model FORMULA")?;
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let model = flag("--model").ok_or("--model is required")?;
    let repeat: usize = flag("--repeat").map_or(Ok(9), |r| r.parse())?;
    let options = analysis::gravity::GravityOptions::new(model);
    let mut times = Vec::with_capacity(repeat);
    let mut bytes = 0;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        let input = analysis::Input::new(path.clone(), std::fs::read(path)?);
        bytes = input.bytes.len();
        let data = analysis::gravity::read_gravity_data(&input, &options)?;
        times.push(started.elapsed().as_secs_f64());
        drop((data, input));
    }
    times.sort_by(f64::total_cmp);
    let (best, median) = (times[0], times[times.len() / 2]);
    println!(
        "read {:.1} MB: fastest {best:.4} s ({:.0} MB/s), median {median:.4} s ({:.0} MB/s), {} runs",
        bytes as f64 / 1e6,
        bytes as f64 / best / 1e6,
        bytes as f64 / median / 1e6,
        times.len()
    );
    Ok(())
}
