//! Times the metrics of a 200 × 200 cross-impact matrix (three assessors, every cell
//! judged), for docs/benchmarks.md. Run with
//! `cargo run --release -p assess --example bench_matrix [N]`.

#![allow(clippy::print_stdout, reason = "a benchmark prints its timings")]

use std::time::{Duration, Instant};

use assess::matrix::{Judgement, aggregate};
use assess::metrics::{MetricsOptions, SignConvention, compute};

/// A small deterministic generator (64-bit LCG), so the matrix is the same every run.
fn scores(n: usize, seed: u64) -> impl Iterator<Item = i8> {
    let mut state = seed;
    std::iter::repeat_with(move || {
        state =
            state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        i8::try_from((state >> 33) % 7).unwrap() - 3
    })
    .take(n)
}

fn best<T>(runs: u32, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed());
        last = Some(out);
    }
    (best, last.unwrap())
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let names: Vec<String> = (0..n).map(|i| format!("objective {i:03}")).collect();
    let mut judgements = Vec::with_capacity(3 * n * n);
    for (a, assessor) in ["A", "B", "C"].iter().enumerate() {
        let mut s = scores(n * n, 42 + a as u64);
        for i in 0..n {
            for k in 0..n {
                let score = s.next().unwrap();
                if i != k {
                    judgements.push(Judgement {
                        assessor: (*assessor).to_owned(),
                        from: names[i].clone(),
                        to: names[k].clone(),
                        score,
                        confidence: None,
                        rationale: String::new(),
                        evidence: Vec::new(),
                        row: 0,
                    });
                }
            }
        }
    }
    let (t_agg, matrix) = best(5, || aggregate(&judgements).unwrap());
    let (t_alg, _) = best(20, || compute(&matrix, &MetricsOptions::default()));
    let opts = MetricsOptions {
        sign_convention: SignConvention::NegativeDominant,
        ..MetricsOptions::default()
    };
    let (t_neg, m) = best(20, || compute(&matrix, &opts));
    println!("{n} × {n}, {} judgements, {} cells", judgements.len(), matrix.cells.len());
    println!("aggregate (median, disagreement): {:.1} ms", t_agg.as_secs_f64() * 1e3);
    println!("metrics, algebraic:               {:.1} ms", t_alg.as_secs_f64() * 1e3);
    println!(
        "metrics, negative-dominant:       {:.1} ms (PageRank {} iterations)",
        t_neg.as_secs_f64() * 1e3,
        m.pagerank_iterations
    );
}
