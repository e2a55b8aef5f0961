//! `coherence scenario run` of a file with a `[sweep]` table, and `scenario merge` of a
//! sweep's shards (docs/scenarios.md, "Sweeps").
//!
//! A sweep's folder: `draws.csv` and `parameters.csv` (streamed, then put in place),
//! `summary.csv`, `baselines.json` and, with `--format parquet`,
//! `draws/baseline=O-D/option=NAME/part-K.parquet`, all derived from `draws.csv`; then
//! `manifest.json`, last, with the SHA-256 of every other file: a folder without it is
//! an unfinished shard. A re-run shard writes the same bytes.

use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};

use analysis::scenario_run::{
    self, MANIFEST, ParquetFiles, RunRequest, SWEEP_FILES, SweepRecord, sweep_outputs,
};
use montecarlo::engine::{RunInfo, Shard};
use montecarlo::output::FileRecord;

use crate::args::Global;
use crate::commands::{Error, open_read};
use crate::outfile::Pending;

/// What `scenario run` was asked, for a sweep.
pub(crate) struct SweepRun<'a> {
    /// The file, parsed.
    pub(crate) scenario: &'a montecarlo::spec::Scenario,
    /// Draws, seed, shard, memory.
    pub(crate) request: RunRequest,
    /// Worker threads.
    pub(crate) threads: Option<usize>,
    /// The output folder.
    pub(crate) out: &'a Path,
}

/// Runs a sweep (or one shard of it) into its folder.
pub(crate) async fn run(global: &Global, args: SweepRun<'_>) -> Result<(), Error> {
    let ws = open_read(global).await?;
    let planned = ws.plan_sweep(args.scenario, &args.request).await?;
    let out = args.out;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let bar = crate::scenario::draws_bar(global.quiet);
    let progress = |done: u64, total: u64| {
        bar.set_length(total);
        if done > bar.position() {
            bar.set_position(done);
        }
    };
    let draws = Pending::create(&out.join("draws.csv"))?;
    let params = Pending::create(&out.join("parameters.csv"))?;
    let (draws, params) = planned.run(args.threads, draws, params, &progress)?;
    bar.finish_and_clear();
    draws.commit()?;
    params.commit()?;
    let record = planned.record().clone();
    let baselines = planned.baselines();
    let shard: Shard = record.shard.parse().map_err(|e: montecarlo::RunError| e.to_string())?;
    finish(global, out, &record, &baselines, shard)?;
    if !global.quiet {
        let options = baselines.first().map_or(0, |(_, i)| i.options.len());
        println!(
            "swept {} corridors × {} options × {} draws (seed {}; shard {}, cells {}..{}) → {}",
            record.baselines.len(),
            options,
            record.draws,
            record.seed,
            record.shard,
            record.cell_range[0],
            record.cell_range[1],
            out.display()
        );
    }
    Ok(())
}

/// Derives the summary, `baselines.json` and the Parquet files from the folder's
/// `draws.csv`, then writes the manifest (the same steps for a run and a merge).
fn finish(
    global: &Global,
    out: &Path,
    record: &SweepRecord,
    baselines: &[(String, RunInfo)],
    shard: Shard,
) -> Result<(), Error> {
    let draws_path = out.join("draws.csv");
    let open =
        |p: &Path| std::fs::File::open(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let mut parquet_names = Vec::new();
    let io = |e: Error| std::io::Error::other(e.to_string());
    let mut make = |path: &str| -> std::io::Result<Pending> {
        parquet_names.push(format!("draws/{path}"));
        Pending::create(&out.join("draws").join(path)).map_err(io)
    };
    let mut done = |file: Pending| file.commit().map_err(io);
    let parquet: Option<ParquetFiles<'_, Pending>> =
        if global.parquet() { Some((&mut make, &mut done)) } else { None };
    let summary = sweep_outputs(baselines, BufReader::new(open(&draws_path)?), shard, parquet)?;
    crate::outfile::write_file(&out.join("summary.csv"), &summary)?;
    crate::outfile::write_file(
        &out.join("baselines.json"),
        &scenario_run::baselines_json(baselines)?,
    )?;
    let mut files = Vec::new();
    let names = SWEEP_FILES.iter().map(|n| n.to_string()).chain(parquet_names);
    for name in names {
        let sha256 = sha256_of(&mut open(&out.join(&name))?)?;
        files.push(FileRecord { name, sha256: Some(sha256) });
    }
    crate::outfile::write_with(&out.join(MANIFEST), |w| {
        Ok(scenario_run::write_sweep_manifest(record, &files, w)?)
    })
}

/// The SHA-256 of what `r` reads, in lower-case hexadecimal.
fn sha256_of(r: &mut impl Read) -> Result<String, Error> {
    Ok(scenario_run::sha256_of(r).map_err(|e| format!("cannot read: {e}"))?)
}

/// Whether `dir` holds a sweep's shard (its manifest says so).
pub(crate) fn is_sweep(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join(MANIFEST)).is_ok_and(|t| scenario_run::is_sweep_manifest(&t))
}

/// A shard's record and files, its files checked against the manifest's SHA-256.
fn read_shard(dir: &Path) -> Result<(SweepRecord, Vec<FileRecord>), Error> {
    let path = dir.join(MANIFEST);
    let text = crate::files::read_input(&path, crate::files::MAX_DOCUMENT_BYTES)?;
    let text = String::from_utf8(text).map_err(|_| format!("{}: not UTF-8", path.display()))?;
    let (record, files) = scenario_run::read_sweep_manifest(&text)?;
    for f in &files {
        let p = dir.join(&f.name);
        let mut file =
            std::fs::File::open(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
        let got = sha256_of(&mut file)?;
        if Some(&got) != f.sha256.as_ref() {
            return Err(format!(
                "{}: its SHA-256 is not the manifest's: the file changed after the run",
                p.display()
            )
            .into());
        }
    }
    Ok((record, files))
}

/// Merges a sweep's shards into `out`: every shard's files checked first, then the
/// draws and parameters concatenated in grid order and the rest derived as a run does.
pub(crate) fn merge(global: &Global, dirs: &[PathBuf], out: &Path) -> Result<(), Error> {
    let shards = dirs.iter().map(|d| read_shard(d)).collect::<Result<Vec<_>, Error>>()?;
    let records: Vec<SweepRecord> = shards.iter().map(|(r, _)| r.clone()).collect();
    let (merged, order) = scenario_run::sweep_merge_order(&records)?;
    let read =
        |p: PathBuf| crate::files::read_input(&p, crate::files::MAX_DOCUMENT_BYTES.max(1 << 26));
    let first_baselines = read(dirs[order[0]].join("baselines.json"))?;
    let baselines = scenario_run::read_baselines_json(&first_baselines)?;
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for name in ["draws.csv", "parameters.csv"] {
        let mut target = Pending::create(&out.join(name))?;
        for (n, &i) in order.iter().enumerate() {
            let p = dirs[i].join(name);
            let f =
                std::fs::File::open(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let mut r = BufReader::new(f);
            let mut header = String::new();
            std::io::BufRead::read_line(&mut r, &mut header)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            if n == 0 {
                target.write_all(header.as_bytes()).map_err(|e| e.to_string())?;
            }
            std::io::copy(&mut r, &mut target)
                .map_err(|e| format!("cannot copy {}: {e}", p.display()))?;
        }
        target.commit()?;
    }
    finish(global, out, &merged, &baselines, Shard::FULL)?;
    if !global.quiet {
        println!(
            "merged {} parts: {} corridors × {} draws of \"{}\" (seed {}, sweep {}) → {}",
            dirs.len(),
            merged.baselines.len(),
            merged.draws,
            merged.scenario,
            merged.seed,
            merged.fingerprint,
            out.display()
        );
    }
    Ok(())
}
