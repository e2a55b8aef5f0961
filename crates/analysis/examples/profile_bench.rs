//! Times profiles on a store: one country's profile (as `coherence profile` builds it,
//! reading what profiles share each time) and every country's profile in one batch
//! (`Workspace::profiles`, reading what they share once).
//!
//! ```text
//! cargo run --release -p analysis --example profile_bench -- STORE [ISO3] [REPEATS] [JSON_OUT]
//! ```
//!
//! STORE is an SQLite file or a `postgres://` URL, as `--db` takes it. With JSON_OUT, every
//! country's and area's profile is also written there as JSON, one per line, so that two
//! stores can be compared byte for byte (`bench/store/run.sh`).
//!
//! `bench/profiles/run.sh` builds a store with every supported shared file imported and
//! runs this. Results are recorded in `docs/benchmarks.md` ("Profiles").

#![allow(clippy::print_stdout, reason = "a benchmark prints its timings")]

use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: profile_bench STORE [ISO3] [REPEATS] [JSON_OUT]";
    let db = analysis::Location::parse(&args.next().ok_or(usage)?);
    let country = args.next().unwrap_or_else(|| "PHL".to_owned());
    let repeats: usize = args.next().map_or(Ok(5), |s| s.parse())?;
    let json_out = args.next().map(PathBuf::from);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let ws = analysis::Workspace::open(db).await?;
        let mut one = Vec::new();
        for _ in 0..repeats.max(1) {
            let start = Instant::now();
            let p = ws.profile(&country).await?;
            one.push(start.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(p);
        }
        one.sort_by(f64::total_cmp);
        println!(
            "one profile ({country}): fastest {:.1} ms, median {:.1} ms over {} runs",
            one[0],
            one[one.len() / 2],
            one.len()
        );
        let codes: Vec<&str> = domain::area::real_areas().iter().map(|a| a.iso3.as_str()).collect();
        let start = Instant::now();
        let all = ws.profiles(&codes).await?;
        let all_ms = start.elapsed().as_secs_f64() * 1e3;
        println!(
            "all profiles: {} countries and areas in {:.0} ms ({:.1} ms each)",
            all.len(),
            all_ms,
            all_ms / all.len() as f64
        );
        let groups = ["world", "sdg:SSA", "region:Asia"];
        let start = Instant::now();
        let g = ws.profiles(&groups).await?;
        println!(
            "group profiles ({}): {:.0} ms",
            groups.join(", "),
            start.elapsed().as_secs_f64() * 1e3
        );
        if let Some(out) = &json_out {
            let mut text = String::new();
            for profile in &all {
                text.push_str(&serde_json::to_string(profile)?);
                text.push('\n');
            }
            std::fs::write(out, text)?;
        }
        std::hint::black_box((all, g));
        Ok::<(), Box<dyn std::error::Error>>(())
    })
}
