//! Sweeps: one scenario run over many baselines (corridors), as one grid of work.
//!
//! # The grid
//!
//! A sweep of `B` baselines (sorted by origin, then destination code) at `D` draws
//! each is a grid of `B × D` cells; cell `b·D + i` is draw `i` of baseline `b`, with
//! every option of that draw (the options of a draw share their random numbers, so they
//! stay in one cell). Shard `k` of `n` runs the contiguous cells
//! `⌊(k−1)·B·D/n⌋ .. ⌊k·B·D/n⌋` ([`Grid::shard_cells`]); the rows of the shards, in
//! shard order, are the rows of the unsharded sweep, so any shard count gives the
//! same merged bytes.
//!
//! # Random streams
//!
//! Baseline `b` runs as a single-baseline run would, with its own seed
//! [`baseline_seed`]`(seed, code)`, `code` the corridor (`NPL-QAT`). The seed depends
//! on the corridor's code, not on its place in the sweep, so adding a corridor to the
//! store (or to the list) changes no other corridor's draws, and a corridor of a sweep
//! can be re-run alone, with that seed, to the same numbers.
//!
//! # Files
//!
//! The draws and parameters CSV files of a sweep carry a first column, `baseline`
//! ([`DRAWS_HEADER`], [`PARAMETERS_HEADER`]); the summary too ([`write_summary_csv`]).
//! The summary and the Parquet files are derived from the draws file by
//! [`read_draws`], by the run and by the merge alike, so that both give the same bytes.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::ops::Range;

use crate::engine::{Row, RunInfo, Shard};
use crate::output::field;
use crate::summary::{Summariser, SummaryRow};

/// Header of a sweep's draws file.
pub const DRAWS_HEADER: &str = "baseline,draw,option,metric,year,value";

/// Header of a sweep's parameters file.
pub const PARAMETERS_HEADER: &str = "baseline,draw,option,parameter,value";

/// Rows handed at once to [`read_draws`]'s caller.
const BATCH_ROWS: usize = 4096;

/// A corridor's code in a sweep: `ORIGIN-DESTINATION`, e.g. `NPL-QAT`.
pub fn corridor_code(origin: &str, destination: &str) -> String {
    format!("{origin}-{destination}")
}

/// 64-bit FNV-1a of `bytes`, continuing from `h`.
fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The FNV-1a offset basis.
const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// The seed of baseline `code` in a sweep seeded with `seed`: the SplitMix64 finaliser
/// of the 64-bit FNV-1a hash of `seed` (8 bytes, little-endian) followed by `code`'s
/// UTF-8 bytes. Stable across versions (documented in docs/scenarios.md).
pub fn baseline_seed(seed: u64, code: &str) -> u64 {
    let h = fnv1a(fnv1a(FNV_BASIS, &seed.to_le_bytes()), code.as_bytes());
    let mut z = h.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A short fingerprint of a sweep: its baselines' codes and plans' fingerprints, in
/// order (16 hexadecimal digits; a check that shards belong together, not a
/// cryptographic hash).
pub fn fingerprint<'a>(baselines: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut h = FNV_BASIS;
    for (code, plan) in baselines {
        h = fnv1a(h, code.as_bytes());
        h = fnv1a(h, b"\n");
        h = fnv1a(h, plan.as_bytes());
        h = fnv1a(h, b"\n");
    }
    format!("{h:016x}")
}

/// The cells of a sweep: `baselines × draws`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Baselines in the sweep.
    pub baselines: u64,
    /// Draws per baseline.
    pub draws: u64,
}

impl Grid {
    /// Cells in the grid (saturating; a sweep has at most 20,000 baselines).
    pub fn cells(self) -> u64 {
        self.baselines.saturating_mul(self.draws)
    }

    /// The cells of `shard`: `⌊(k−1)·cells/n⌋ .. ⌊k·cells/n⌋`.
    pub fn shard_cells(self, shard: Shard) -> Range<u64> {
        let cells = u128::from(self.cells());
        let at = |k: u64| (u128::from(k) * cells / u128::from(shard.n.max(1))) as u64;
        at(shard.k - 1)..at(shard.k)
    }

    /// The pieces of `cells`: (baseline index, its draws), in grid order.
    pub fn pieces(self, cells: Range<u64>) -> Vec<(usize, Range<u64>)> {
        let mut out = Vec::new();
        if self.draws == 0 {
            return out;
        }
        let mut at = cells.start;
        while at < cells.end {
            let b = at / self.draws;
            let end = cells.end.min((b + 1) * self.draws);
            out.push((b as usize, at - b * self.draws..end - b * self.draws));
            at = end;
        }
        out
    }
}

/// A sweep's draws file that cannot be read back.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SweepError {
    /// The file could not be read.
    #[error("cannot read the draws file: {0}")]
    Io(#[from] io::Error),
    /// A line that this sweep did not write.
    #[error("draws file, line {line}: {message}")]
    Corrupt {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Splits a CSV line into its fields as written (quotes kept).
fn split_fields(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                out.push(&line[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&line[start..]);
    out
}

/// The (option, metric) index of each CSV-written (option, metric) pair of a run.
type NameIndex = HashMap<(String, String), (u32, u32)>;

/// The [`NameIndex`] of `info`.
fn name_index(info: &RunInfo) -> NameIndex {
    let mut map = HashMap::new();
    for (o, opt) in info.options.iter().enumerate() {
        for (m, metric) in opt.metrics.iter().enumerate() {
            let key = (field(&opt.name).into_owned(), field(&metric.name).into_owned());
            map.insert(key, (o as u32, m as u32));
        }
    }
    map
}

/// Reads line `n` of a sweep's draws file: its baseline's index and its row.
fn parse_line(
    line: &str,
    n: usize,
    codes: &HashMap<String, usize>,
    indexes: &[NameIndex],
) -> Result<(usize, Row), SweepError> {
    let bad = |message: String| SweepError::Corrupt { line: n, message };
    let f = split_fields(line);
    if f.len() != 6 {
        return Err(bad(format!("expected 6 fields, found {}", f.len())));
    }
    let b = *codes.get(f[0]).ok_or_else(|| bad(format!("unknown baseline {:?}", f[0])))?;
    let draw = f[1].parse().map_err(|_| bad(format!("bad draw {:?}", f[1])))?;
    let (option, metric) = *indexes[b]
        .get(&(f[2].to_owned(), f[3].to_owned()))
        .ok_or_else(|| bad(format!("unknown option/output {:?}/{:?}", f[2], f[3])))?;
    let year = if f[4].is_empty() {
        None
    } else {
        Some(f[4].parse().map_err(|_| bad(format!("bad year {:?}", f[4])))?)
    };
    let value = f[5].parse().map_err(|_| bad(format!("bad value {:?}", f[5])))?;
    Ok((b, Row { draw, option, metric, year, value }))
}

/// Reads a sweep's draws file (with its header) whose baselines are `baselines`
/// (code and record, in grid order), hands each baseline's rows to
/// `each(baseline index, rows)` in file order, and returns each baseline's summary
/// (empty for a baseline with no row in the file). Holds one baseline's values at a
/// time (8 bytes each).
///
/// # Errors
/// [`SweepError`] for a line this sweep did not write, a baseline out of grid order,
/// and `each`'s error.
pub fn read_draws(
    baselines: &[(String, RunInfo)],
    r: impl BufRead,
    mut each: impl FnMut(usize, &[Row]) -> io::Result<()>,
) -> Result<Vec<Vec<SummaryRow>>, SweepError> {
    let codes: HashMap<String, usize> =
        baselines.iter().enumerate().map(|(i, (c, _))| (field(c).into_owned(), i)).collect();
    let indexes: Vec<NameIndex> = baselines.iter().map(|(_, info)| name_index(info)).collect();
    let mut summaries: Vec<Vec<SummaryRow>> = baselines.iter().map(|_| Vec::new()).collect();
    let mut current: Option<(usize, Summariser)> = None;
    let mut batch = Vec::with_capacity(BATCH_ROWS);
    let mut last: Option<usize> = None;
    for (i, line) in r.lines().enumerate() {
        let line = line?;
        if i == 0 {
            if line != DRAWS_HEADER {
                return Err(SweepError::Corrupt {
                    line: 1,
                    message: "not a sweep's draws file".into(),
                });
            }
            continue;
        }
        let (b, row) = parse_line(&line, i + 1, &codes, &indexes)?;
        if current.as_ref().is_none_or(|(c, _)| *c != b) {
            flush(&mut current, &mut batch, &mut each)?;
            if let Some((c, s)) = current.take() {
                summaries[c] = s.finish()?;
            }
            // Baselines come in grid order, each in one run of lines.
            if last.is_some_and(|l| l >= b) {
                let message = format!("baseline {} out of grid order", baselines[b].0);
                return Err(SweepError::Corrupt { line: i + 1, message });
            }
            last = Some(b);
            current = Some((b, Summariser::new(&baselines[b].1)));
        }
        batch.push(row);
        if batch.len() >= BATCH_ROWS {
            flush(&mut current, &mut batch, &mut each)?;
        }
    }
    flush(&mut current, &mut batch, &mut each)?;
    if let Some((c, s)) = current {
        summaries[c] = s.finish()?;
    }
    Ok(summaries)
}

/// Hands the batched rows of the current baseline over.
fn flush(
    current: &mut Option<(usize, Summariser)>,
    batch: &mut Vec<Row>,
    each: &mut impl FnMut(usize, &[Row]) -> io::Result<()>,
) -> io::Result<()> {
    if let (Some((b, s)), false) = (current.as_mut(), batch.is_empty()) {
        s.push(batch)?;
        each(*b, batch)?;
    }
    batch.clear();
    Ok(())
}

/// Writes a sweep's summary: `baseline` then the columns of
/// [`crate::output::write_summary_csv`], baseline after baseline.
///
/// # Errors
/// The writer's.
pub fn write_summary_csv(rows: &[(String, Vec<SummaryRow>)], mut w: impl Write) -> io::Result<()> {
    let mut first = true;
    for (code, summary) in rows {
        let mut buf = Vec::new();
        crate::output::write_summary_csv(summary, &mut buf)?;
        let text = String::from_utf8_lossy(&buf);
        for (i, line) in text.lines().enumerate() {
            if i == 0 {
                if first {
                    writeln!(w, "baseline,{line}")?;
                    first = false;
                }
                continue;
            }
            writeln!(w, "{},{line}", field(code))?;
        }
    }
    if first {
        let mut buf = Vec::new();
        crate::output::write_summary_csv(&[], &mut buf)?;
        write!(w, "baseline,{}", String::from_utf8_lossy(&buf))?;
    }
    Ok(())
}

/// The Parquet file of option `option` of baseline `code` in a sweep's `draws/`
/// folder: `baseline=CODE/option=NAME/part-K.parquet` (Hive style; `K` from
/// `info.shard`).
pub fn partition_path(code: &str, info: &RunInfo, option: u32) -> String {
    format!("baseline={code}/{}", crate::parquet::partition_path(info, option))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_of_any_count_cover_the_grid_once_in_order() {
        let grid = Grid { baselines: 7, draws: 13 };
        for n in [1, 2, 4, 7, 13, 91] {
            let mut next = 0;
            let mut pieces = Vec::new();
            for k in 1..=n {
                let cells = grid.shard_cells(Shard { k, n });
                assert_eq!(cells.start, next, "shard {k}/{n}");
                next = cells.end;
                pieces.extend(grid.pieces(cells));
            }
            assert_eq!(next, 91);
            // Joined, the pieces are each baseline's draws 0..13 in baseline order.
            let mut cells: Vec<(usize, u64)> = Vec::new();
            for (b, r) in pieces {
                cells.extend(r.map(|d| (b, d)));
            }
            let expected: Vec<(usize, u64)> =
                (0..7).flat_map(|b| (0..13).map(move |d| (b, d))).collect();
            assert_eq!(cells, expected, "{n} shards");
        }
        assert_eq!(grid.pieces(12..15), vec![(0, 12..13), (1, 0..2)]);
    }

    #[test]
    fn a_baseline_seed_depends_on_the_seed_and_the_code_only() {
        // Pinned (checked against an independent Python computation of the documented
        // function): a change would change every sweep.
        assert_eq!(baseline_seed(1, "NPL-QAT"), baseline_seed(1, "NPL-QAT"));
        assert_ne!(baseline_seed(1, "NPL-QAT"), baseline_seed(2, "NPL-QAT"));
        assert_ne!(baseline_seed(1, "NPL-QAT"), baseline_seed(1, "QAT-NPL"));
        assert_eq!(baseline_seed(0, ""), 0x5ba3_14b8_cfda_3b6b, "{:#x}", baseline_seed(0, ""));
    }

    #[test]
    fn sweep_tables_are_read_and_their_errors_named() {
        let head = "[scenario]\nname = \"s\"\n[baseline]\nyear = 2020\n\
                    [[option]]\nname = \"a\"\nmodel = \"remittance-cost\"\n";
        let s = crate::parse(
            "s.toml",
            &format!("{head}[sweep]\ncorridors = [\"NPL-QAT\", \"PHL-SAU\"]\nmin_stock = 1000\n"),
        )
        .unwrap();
        let sweep = s.sweep.unwrap();
        assert_eq!(
            sweep.corridors,
            vec![("NPL".into(), "QAT".into()), ("PHL".into(), "SAU".into())]
        );
        assert_eq!(sweep.min_stock, Some(1000.0));
        let s = crate::parse(
            "s.toml",
            &format!("{head}[sweep]\norigin = \"NPL\"\ndestination = \"*\"\n"),
        )
        .unwrap();
        let sweep = s.sweep.unwrap();
        assert_eq!((sweep.origin.as_deref(), sweep.destination.as_deref()), (Some("NPL"), None));
        let err = |extra: &str| {
            crate::parse("s.toml", &format!("{head}{extra}")).unwrap_err().to_string()
        };
        assert!(err("[sweep]\n").contains("name the corridors"), "{}", err("[sweep]\n"));
        let e = err("[sweep]\ncorridors = [\"NPL\"]\n");
        assert!(e.contains("sweep.corridors[1]: expected ORIGIN-DESTINATION"), "{e}");
        let e = err("[sweep]\ncorridors = [\"NPL-QAT\"]\norigin = \"NPL\"\n");
        assert!(e.contains("not both"), "{e}");
        let e = err("[sweep]\nmin_stock = -1\n");
        assert!(e.contains("sweep.min_stock"), "{e}");
        let e = err("[sweep]\norigin = \"*\"\n[calibration]\n");
        assert!(e.contains("a sweep cannot be calibrated"), "{e}");
        let text = head.replace("year = 2020", "corridor = \"NPL-QAT\"\nyear = 2020");
        let e = crate::parse("s.toml", &format!("{text}[sweep]\norigin = \"*\"\n")).unwrap_err();
        assert!(e.to_string().contains("[baseline] gives only the year"), "{e}");
    }

    #[test]
    fn a_draws_file_out_of_grid_order_or_foreign_is_refused() {
        let r = read_draws(&[], "draw,option\n".as_bytes(), |_, _| Ok(()));
        assert!(matches!(r, Err(SweepError::Corrupt { line: 1, .. })));
        let r = read_draws(
            &[],
            format!("{DRAWS_HEADER}\nXAA-XAB,0,a,m,,1\n").as_bytes(),
            |_, _| Ok(()),
        );
        assert!(r.unwrap_err().to_string().contains("unknown baseline"));
    }
}
