//! Cross-impact matrices: judgements by several assessors, aggregated by the median.
//!
//! Each [`Judgement`] answers, for an ordered pair of objectives or policies, "if
//! progress is made on `from`, how does it influence progress on `to`?" on the scale of
//! Nilsson, Griggs & Visbeck (2016): +3 indivisible, +2 reinforcing, +1 enabling,
//! 0 consistent, −1 constraining, −2 counteracting, −3 cancelling. Each carries a
//! rationale, evidence links and the assessor's confidence.
//!
//! [`aggregate`] puts the judgements of all assessors into one matrix:
//!
//! * **Median.** A cell's score is the median of its assessors' scores. With an even
//!   number of assessors it is the mean of the two middle scores, which can be a half
//!   (−1 and +2 give +0.5). Scores are therefore kept as integer *halves*
//!   ([`Cell::median_halves`]), so every later sum is exact.
//! * **Disagreement** per cell: the range (max − min), the mean absolute deviation from
//!   the median, and whether assessors disagree on the sign (some positive, some
//!   negative).
//! * A pair nobody judged is an empty cell; metrics treat it as 0 ("consistent").
//!
//! Nodes are numbered in the order they first appear in the judgements.

use std::collections::{BTreeMap, HashMap};

use crate::{Error, Result};

/// How sure an assessor is of a judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Little evidence or agreement.
    Low,
    /// Some evidence.
    Medium,
    /// Strong evidence.
    High,
}

impl Confidence {
    /// Parses `low`, `medium` or `high`.
    pub fn parse(text: &str) -> Option<Confidence> {
        match text {
            "low" => Some(Confidence::Low),
            "medium" => Some(Confidence::Medium),
            "high" => Some(Confidence::High),
            _ => None,
        }
    }

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// One assessor's judgement of one ordered pair.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Judgement {
    /// Who judged.
    pub assessor: String,
    /// The influencing objective or policy.
    pub from: String,
    /// The influenced one.
    pub to: String,
    /// −3 … +3.
    pub score: i8,
    /// The assessor's confidence, if given.
    pub confidence: Option<Confidence>,
    /// Why.
    pub rationale: String,
    /// Links or references.
    pub evidence: Vec<String>,
    /// The row of the file it came from (0 if none), for messages.
    pub row: u32,
}

/// One cell of the aggregated matrix.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Cell {
    /// Index of the influencing node.
    pub from: usize,
    /// Index of the influenced node.
    pub to: usize,
    /// Twice the median score (so +0.5 is `1`).
    pub median_halves: i32,
    /// The median score.
    pub median: f64,
    /// The assessors' scores, in the order of the assessors' first appearance.
    pub scores: Vec<i8>,
    /// Their assessors.
    pub assessors: Vec<String>,
    /// Highest minus lowest score.
    pub range: i8,
    /// Mean absolute deviation of the scores from the median.
    pub mean_abs_deviation: f64,
    /// Some assessors scored it positive and others negative.
    pub opposite_signs: bool,
    /// The lowest confidence given, if any was.
    pub min_confidence: Option<Confidence>,
    /// Each assessor's rationale, prefixed with the assessor's name.
    pub rationales: Vec<String>,
    /// All evidence links, without repeats, in order of appearance.
    pub evidence: Vec<String>,
}

/// An aggregated cross-impact matrix.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Matrix {
    /// The nodes (objectives or policies), in order of first appearance.
    pub nodes: Vec<String>,
    /// The assessors, in order of first appearance.
    pub assessors: Vec<String>,
    /// The judged cells, sorted by (from, to).
    pub cells: Vec<Cell>,
}

impl Matrix {
    /// The number of nodes.
    pub fn n(&self) -> usize {
        self.nodes.len()
    }

    /// The dense matrix of median halves, row-major `n × n`, 0 where not judged.
    pub fn dense_halves(&self) -> Vec<i64> {
        let n = self.n();
        let mut out = vec![0; n * n];
        for c in &self.cells {
            out[c.from * n + c.to] = i64::from(c.median_halves);
        }
        out
    }
}

/// Twice the median of `scores` (non-empty): the middle value, or the sum of the two
/// middle values for an even count.
fn median_halves(scores: &[i8]) -> i32 {
    let mut sorted: Vec<i32> = scores.iter().map(|&s| i32::from(s)).collect();
    sorted.sort_unstable();
    let n = sorted.len();
    if n % 2 == 1 { 2 * sorted[n / 2] } else { sorted[n / 2 - 1] + sorted[n / 2] }
}

/// The index of node `name`, adding it if new.
fn node_index<'a>(
    index: &mut HashMap<&'a str, usize>,
    nodes: &mut Vec<String>,
    name: &'a str,
) -> usize {
    *index.entry(name).or_insert_with(|| {
        nodes.push(name.to_owned());
        nodes.len() - 1
    })
}

/// Aggregates judgements into one matrix (see the module docs).
///
/// # Errors
/// [`Error::Judgement`] for a score outside −3 … +3, a judgement of a node on itself,
/// an empty node or assessor name, or the same assessor judging the same pair twice.
pub fn aggregate(judgements: &[Judgement]) -> Result<Matrix> {
    let mut nodes: Vec<String> = Vec::new();
    let mut node_idx: HashMap<&str, usize> = HashMap::new();
    let mut assessors: Vec<String> = Vec::new();
    let mut seen: HashMap<(&str, &str, &str), u32> = HashMap::new();
    let mut grouped: BTreeMap<(usize, usize), Vec<&Judgement>> = BTreeMap::new();
    for j in judgements {
        let bad = |message: String| Err(Error::Judgement { row: j.row, message });
        if !(-3..=3).contains(&j.score) {
            return bad(format!("score {} is outside the scale −3 … +3", j.score));
        }
        if j.from.trim().is_empty() || j.to.trim().is_empty() || j.assessor.trim().is_empty() {
            return bad("assessor, from and to must not be empty".into());
        }
        if j.from == j.to {
            return bad(format!(
                "{:?} is judged against itself (the diagonal is undefined)",
                j.from
            ));
        }
        if let Some(first) = seen.insert((&j.assessor, &j.from, &j.to), j.row) {
            return bad(format!(
                "{} judges {} → {} twice (first on row {first})",
                j.assessor, j.from, j.to
            ));
        }
        if !assessors.contains(&j.assessor) {
            assessors.push(j.assessor.clone());
        }
        let from = node_index(&mut node_idx, &mut nodes, &j.from);
        let to = node_index(&mut node_idx, &mut nodes, &j.to);
        grouped.entry((from, to)).or_default().push(j);
    }
    let cells = grouped
        .into_iter()
        .map(|((from, to), js)| {
            let scores: Vec<i8> = js.iter().map(|j| j.score).collect();
            let median_halves = median_halves(&scores);
            let min = *scores.iter().min().unwrap_or(&0);
            let max = *scores.iter().max().unwrap_or(&0);
            let dev: i64 =
                scores.iter().map(|&s| (2 * i64::from(s) - i64::from(median_halves)).abs()).sum();
            let count = i64::try_from(scores.len()).unwrap_or(i64::MAX);
            let mut evidence: Vec<String> = Vec::new();
            for e in js.iter().flat_map(|j| &j.evidence) {
                if !evidence.contains(e) {
                    evidence.push(e.clone());
                }
            }
            Cell {
                from,
                to,
                median_halves,
                median: f64::from(median_halves) / 2.0,
                assessors: js.iter().map(|j| j.assessor.clone()).collect(),
                range: max - min,
                mean_abs_deviation: as_f64(dev) / (2.0 * as_f64(count)),
                opposite_signs: min < 0 && max > 0,
                min_confidence: js.iter().filter_map(|j| j.confidence).min(),
                rationales: js.iter().map(|j| format!("{}: {}", j.assessor, j.rationale)).collect(),
                evidence,
                scores,
            }
        })
        .collect();
    Ok(Matrix { nodes, assessors, cells })
}

/// An integer as `f64` (exact below 2^53, which every count here is).
#[allow(clippy::cast_precision_loss, reason = "counts and sums far below 2^53")]
pub(crate) fn as_f64(v: i64) -> f64 {
    v as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn j(assessor: &str, from: &str, to: &str, score: i8) -> Judgement {
        Judgement {
            assessor: assessor.into(),
            from: from.into(),
            to: to.into(),
            score,
            confidence: None,
            rationale: "because".into(),
            evidence: vec![],
            row: 0,
        }
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median_halves(&[3, -1, 2]), 4);
        assert_eq!(median_halves(&[-1, 2]), 1);
        assert_eq!(median_halves(&[-3, -3, 1, 2]), -2);
        assert_eq!(median_halves(&[0]), 0);
    }

    #[test]
    fn aggregation_keeps_disagreement() {
        let m =
            aggregate(&[j("A", "x", "y", -2), j("B", "x", "y", 3), j("C", "x", "y", 1)]).unwrap();
        assert_eq!(m.nodes, ["x", "y"]);
        assert_eq!(m.assessors, ["A", "B", "C"]);
        let c = &m.cells[0];
        assert_eq!(c.median_halves, 2);
        assert_eq!(c.range, 5);
        assert!(c.opposite_signs);
        // |−2−1| + |3−1| + |1−1| = 5, over 3.
        assert!((c.mean_abs_deviation - 5.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn bad_judgements_are_refused() {
        assert!(aggregate(&[j("A", "x", "y", 4)]).is_err());
        assert!(aggregate(&[j("A", "x", "x", 1)]).is_err());
        assert!(aggregate(&[j("A", "x", "y", 1), j("A", "x", "y", 2)]).is_err());
        assert!(aggregate(&[j("", "x", "y", 1)]).is_err());
    }
}
