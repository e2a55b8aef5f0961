//! Benchmark driver: fits a PPML model with fixed effects on a CSV file and prints one
//! JSON line (coefficients, timings, sample size, deviance). Used by
//! `bench/gravity/run.sh` to compare with pyfixest; see docs/benchmarks.md.
//!
//! Usage: `gravity_bench DATA.csv --model "y ~ x1 + log(x2) | fe1 + fe2^fe3" [--repeat 3]
//! [--separation ir] [--fixef-tol TOL] [--cluster VAR]`
//!
//! The fit is repeated (`--repeat`, default 3); the first time, the fastest later
//! ("warm") time and the median of the later times are reported, as for pyfixest, whose
//! first call compiles its kernels. `--cluster VAR` asks for cluster-robust (CRV1)
//! standard errors by the label column VAR (which must also be a fixed effect of the
//! model), as `coherence gravity --vcov cluster:VAR` does.

#![allow(clippy::print_stdout, reason = "a command-line benchmark prints its result")]

use std::collections::HashMap;
use std::time::Instant;

use stats::formula::{self, Transform};
use stats::ppml::{self, Data, FixefRm, PpmlOptions, Separation, Vcov, group_ids, interact};

/// CPU time (all threads) of this process so far, in seconds: the sum of the on-CPU
/// nanoseconds of its threads in `/proc/self/task/*/schedstat` (Linux, nanosecond
/// resolution; exited threads are not counted, and rayon's workers live as long as the
/// process), or the user + system ticks of `/proc/self/stat` (1/100 s) if that is not
/// available. `NaN` elsewhere.
fn cpu_seconds() -> f64 {
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        let mut nanos = 0u64;
        let mut any = false;
        for task in tasks.flatten() {
            let path = task.path().join("schedstat");
            if let Some(first) = std::fs::read_to_string(path)
                .ok()
                .and_then(|s| s.split_whitespace().next().and_then(|f| f.parse::<u64>().ok()))
            {
                nanos += first;
                any = true;
            }
        }
        if any {
            return nanos as f64 * 1e-9;
        }
    }
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return f64::NAN };
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(f64::NAN);
    (ticks(11) + ticks(12)) / 100.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: gravity_bench DATA.csv --model FORMULA")?;
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let model = flag("--model").ok_or("--model is required")?;
    let repeat: usize = flag("--repeat").map_or(Ok(3), |r| r.parse())?;
    let spec = formula::parse(model)?;

    let started = Instant::now();
    let mut reader = csv::Reader::from_path(path)?;
    let headers: Vec<String> = reader.headers()?.iter().map(str::to_string).collect();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| format!("no column `{name}`"))
    };
    // Numeric columns (y and regressors) and label columns (fixed effects).
    let mut numeric: Vec<(usize, Vec<f64>)> = Vec::new();
    for term in std::iter::once(&spec.depvar).chain(&spec.regressors) {
        let index = column(&term.var)?;
        if !numeric.iter().any(|(i, _)| *i == index) {
            numeric.push((index, Vec::new()));
        }
    }
    let mut labels: Vec<(usize, Vec<u32>, HashMap<String, u32>)> = Vec::new();
    let cluster_var = flag("--cluster");
    for var in spec.fixef.iter().flatten().chain(cluster_var) {
        let index = column(var)?;
        if !labels.iter().any(|(i, _, _)| *i == index) {
            labels.push((index, Vec::new(), HashMap::new()));
        }
    }
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record)? {
        for (index, values) in &mut numeric {
            values.push(record[*index].parse().unwrap_or(f64::NAN));
        }
        for (index, ids, seen) in &mut labels {
            let text = &record[*index];
            let next = seen.len() as u32;
            let id = match seen.get(text) {
                Some(&id) => id,
                None => *seen.entry(text.to_string()).or_insert(next),
            };
            ids.push(id);
        }
    }
    let numeric_of = |name: &str| -> Vec<f64> {
        let index = headers.iter().position(|h| h == name).expect("checked above");
        numeric.iter().find(|(i, _)| *i == index).expect("read above").1.clone()
    };
    let ids_of = |name: &str| -> &[u32] {
        let index = headers.iter().position(|h| h == name).expect("checked above");
        &labels.iter().find(|(i, _, _)| *i == index).expect("read above").1
    };
    let transform = |term: &formula::Term| -> Vec<f64> {
        let values = numeric_of(&term.var);
        match term.transform {
            Transform::Identity => values,
            Transform::Log => values.iter().map(|v| v.ln()).collect(),
        }
    };
    let y = transform(&spec.depvar);
    let mut x: Vec<Vec<f64>> = spec.regressors.iter().map(transform).collect();
    if spec.intercept {
        x.push(vec![1.0; y.len()]);
    }
    let fixef: Vec<Vec<u32>> = spec
        .fixef
        .iter()
        .map(|vars| {
            let mut ids = group_ids(ids_of(&vars[0]));
            for var in &vars[1..] {
                ids = interact(&ids, ids_of(var));
            }
            ids
        })
        .collect();
    let cluster: Vec<Vec<u32>> = cluster_var.map(|v| group_ids(ids_of(v))).into_iter().collect();
    drop(numeric);
    drop(labels);
    let read_seconds = started.elapsed().as_secs_f64();

    let data = Data {
        y: &y,
        x: x.iter().map(Vec::as_slice).collect(),
        fixef: fixef.iter().map(Vec::as_slice).collect(),
        cluster: cluster.iter().map(Vec::as_slice).collect(),
        ..Data::default()
    };
    // pyfixest's fepois defaults: singletons and all-zero fixed-effect levels removed.
    let mut options = PpmlOptions { fixef_rm: FixefRm::Both, ..PpmlOptions::default() };
    if flag("--separation").is_some_and(|s| s == "ir") {
        options.separation = Separation::Rectifier;
    }
    if !cluster.is_empty() {
        options.vcov = Vcov::Cluster;
    }
    if let Some(tol) = flag("--fixef-tol") {
        options.fixef_tol = tol.parse()?;
    }
    let mut seconds = Vec::new();
    let mut cpu = Vec::new();
    let mut fit = None;
    for _ in 0..repeat.max(1) {
        let (started, cpu_started) = (Instant::now(), cpu_seconds());
        fit = Some(ppml::fit(&data, &options)?);
        seconds.push(started.elapsed().as_secs_f64());
        cpu.push(cpu_seconds() - cpu_started);
    }
    let warm = |v: &[f64]| {
        if v.len() > 1 { v[1..].iter().copied().fold(f64::INFINITY, f64::min) } else { v[0] }
    };
    let median = |v: &[f64]| {
        let mut later: Vec<f64> = if v.len() > 1 { v[1..].to_vec() } else { v.to_vec() };
        later.sort_by(f64::total_cmp);
        later[later.len() / 2]
    };
    let fit = fit.expect("at least one fit");
    let mut names: Vec<String> = spec.regressors.iter().map(|t| format!("\"{t}\"")).collect();
    if spec.intercept {
        names.push("\"(Intercept)\"".to_string());
    }
    let list = |v: &[f64]| v.iter().map(|c| format!("{c:.17e}")).collect::<Vec<_>>().join(", ");
    println!(
        "{{\"engine\": \"coherence\", \"names\": [{}], \"coef\": [{}], \"se\": [{}], \
         \"n_obs\": {}, \"n_removed\": {}, \"iterations\": {}, \"demean_sweeps\": {}, \"converged\": {}, \
         \"deviance\": {:.6}, \"read_seconds\": {read_seconds:.4}, \"fit_seconds_first\": {:.4}, \
         \"fit_seconds_warm\": {:.4}, \"fit_seconds_median\": {:.4}, \"cpu_seconds_warm\": {:.4}, \
         \"threads\": {}}}",
        names.join(", "),
        list(&fit.coef),
        list(&fit.se),
        fit.sample.n_obs,
        fit.sample.removed.len(),
        fit.n_iter,
        fit.n_demean_sweeps,
        fit.converged,
        fit.deviance,
        seconds[0],
        warm(&seconds),
        median(&seconds),
        warm(&cpu),
        rayon::current_num_threads(),
    );
    Ok(())
}
