//! Network metrics of an aggregated cross-impact matrix `S` (METHODS.md §6.1).
//!
//! With `s_ij` the median score of "progress on i influences progress on j":
//!
//! * **out-influence** `O_i = Σ_j s_ij` (row sum) and **in-influence** `I_j = Σ_i s_ij`
//!   (column sum), each also split into its positive part `Σ max(s, 0)` and negative
//!   part `Σ min(s, 0)`, with the counts of positive and negative links. These are the
//!   first-order terms;
//! * the **second-order term** through paths `i → j → k`:
//!   `T_ik = Σ_j p(s_ij, s_jk) / c`, where
//!   - the product `p` follows a [`SignConvention`]: [`SignConvention::Algebraic`]
//!     (default) is the plain product, so two negative links make a positive path;
//!     [`SignConvention::NegativeDominant`] makes a path negative whenever either link
//!     is (`p = −|s_ij · s_jk|`);
//!   - `c` is the [`SecondOrderScale`]: [`SecondOrderScale::DividedBy3`] (default,
//!     `c = 3`) puts a path back on the −3 … +3 scale, so a path of two +3 links counts
//!     +3, as much as one +3 link; [`SecondOrderScale::Raw`] (`c = 1`) keeps the
//!     products (up to ±9 per path);
//!   - [`SelfPaths`] says whether paths that return to their start (`i → j → i`, the
//!     diagonal of `T`) count: by default they do not, since they are `i`'s feedback
//!     on itself, not its influence on the other objectives.
//!
//!   With [`SecondOrderScale::Raw`], [`SelfPaths::Included`] and the algebraic sign,
//!   `T` is the matrix square `S²` of METHODS.md §6.1's test vector;
//! * the **combined** out-influence `O_i + Σ_k T_ik` and in-influence `I_k + Σ_i T_ik`:
//!   first and second order added, each term also reported on its own because the
//!   second-order sum has up to `(n − 1)(n − 2)` paths against `n − 1` links;
//! * on the **positive network** (edges `max(s_ij, 0)`): out- and in-strength and
//!   PageRank (damping 0.85; nodes without positive out-links spread their rank evenly);
//! * the **strongest conflicts**: cells whose median is at or below the threshold
//!   (default −2, "counteracting"), most negative first.
//!
//! Every sum is done on integers (halves of the scale for first order, quarters or
//! twelfths for second order), so the metrics do not depend on the order of the nodes
//! and the second-order and combined sums are also given as exact fractions
//! ([`ExactSums`]); only PageRank is a float iteration.

use crate::matrix::{Matrix, as_f64};
use crate::rational::Rational;

/// How the product of two links' scores is signed in the second-order term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignConvention {
    /// `s_ij · s_jk`, the plain product: progress on i that hinders j, which hinders k,
    /// helps k. Default: it is the matrix product, linear in the scores.
    #[default]
    Algebraic,
    /// `−|s_ij · s_jk|` if either link is negative, else the product: every path
    /// through a trade-off is flagged as negative.
    NegativeDominant,
}

impl SignConvention {
    /// The name used in JSON, CSV, GraphML and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SignConvention::Algebraic => "algebraic",
            SignConvention::NegativeDominant => "negative-dominant",
        }
    }
}

/// The scale of second-order products.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecondOrderScale {
    /// The products as they are (up to ±9 per path), as in the matrix square.
    Raw,
    /// Each product divided by 3, back on the −3 … +3 scale: a path of two +3 links
    /// counts +3. Default.
    #[default]
    #[serde(rename = "divided-by-3")]
    DividedBy3,
}

impl SecondOrderScale {
    /// The name used in JSON, CSV, GraphML and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            SecondOrderScale::Raw => "raw",
            SecondOrderScale::DividedBy3 => "divided-by-3",
        }
    }
}

/// Whether second-order paths that return to their start (`i → j → i`) count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SelfPaths {
    /// Left out: the diagonal of the second-order term is zero. Default.
    #[default]
    Excluded,
    /// Counted, as in the matrix square.
    Included,
}

impl SelfPaths {
    /// The name used in JSON, CSV and GraphML.
    pub fn as_str(self) -> &'static str {
        match self {
            SelfPaths::Excluded => "excluded",
            SelfPaths::Included => "included",
        }
    }
}

/// Options of [`compute`].
#[derive(Clone, Debug, serde::Serialize)]
pub struct MetricsOptions {
    /// Sign of second-order paths. Default: [`SignConvention::Algebraic`].
    pub sign_convention: SignConvention,
    /// Scale of second-order products. Default: [`SecondOrderScale::DividedBy3`].
    pub second_order_scale: SecondOrderScale,
    /// Whether paths `i → j → i` count. Default: [`SelfPaths::Excluded`].
    pub self_paths: SelfPaths,
    /// PageRank damping factor. Default: `0.85`.
    pub damping: f64,
    /// PageRank stops when the L1 change falls below this. Default: `1e-12`.
    pub pagerank_tol: f64,
    /// PageRank's maximum number of iterations. Default: `1000`.
    pub pagerank_max_iter: u32,
    /// Cells with a median at or below this are conflicts. Default: `-2`.
    pub conflict_threshold: i8,
}

impl MetricsOptions {
    /// The options of METHODS.md §6.1's test vector: the raw matrix square `S²` with
    /// self paths, algebraic sign; the rest as [`MetricsOptions::default`].
    pub fn matrix_square() -> MetricsOptions {
        MetricsOptions {
            sign_convention: SignConvention::Algebraic,
            second_order_scale: SecondOrderScale::Raw,
            self_paths: SelfPaths::Included,
            ..MetricsOptions::default()
        }
    }
}

impl Default for MetricsOptions {
    fn default() -> MetricsOptions {
        MetricsOptions {
            sign_convention: SignConvention::default(),
            second_order_scale: SecondOrderScale::default(),
            self_paths: SelfPaths::default(),
            damping: 0.85,
            pagerank_tol: 1e-12,
            pagerank_max_iter: 1000,
            conflict_threshold: -2,
        }
    }
}

/// The second-order and combined sums of one node as exact fractions.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct ExactSums {
    /// The row sum of the second-order term.
    pub second_order_out: Rational,
    /// The column sum of the second-order term.
    pub second_order_in: Rational,
    /// `O_i` plus the row sum of the second-order term.
    pub combined_out: Rational,
    /// `I_i` plus the column sum of the second-order term.
    pub combined_in: Rational,
}

/// The metrics of one node.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NodeMetrics {
    /// The node's name.
    pub name: String,
    /// `O_i`, the row sum: first-order out-influence.
    pub out_influence: f64,
    /// The row sum of positive scores.
    pub out_positive: f64,
    /// The row sum of negative scores (≤ 0).
    pub out_negative: f64,
    /// The number of positive scores in the row.
    pub n_out_positive: usize,
    /// The number of negative scores in the row.
    pub n_out_negative: usize,
    /// `I_i`, the column sum: first-order in-influence.
    pub in_influence: f64,
    /// The column sum of positive scores.
    pub in_positive: f64,
    /// The column sum of negative scores (≤ 0).
    pub in_negative: f64,
    /// The number of positive scores in the column.
    pub n_in_positive: usize,
    /// The number of negative scores in the column.
    pub n_in_negative: usize,
    /// The row sum of the second-order term (under the options of [`Metrics`]).
    pub second_order_out: f64,
    /// The column sum of the second-order term.
    pub second_order_in: f64,
    /// `out_influence + second_order_out`.
    pub combined_out: f64,
    /// `in_influence + second_order_in`.
    pub combined_in: f64,
    /// The four second-order and combined sums above as exact fractions.
    pub exact: ExactSums,
    /// PageRank on the positive network (sums to 1 over the nodes).
    pub pagerank: f64,
}

/// A strongly negative cell.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Conflict {
    /// The influencing node.
    pub from: String,
    /// The influenced node.
    pub to: String,
    /// The median score.
    pub median: f64,
    /// Highest minus lowest assessor score.
    pub range: i8,
    /// Whether some assessors scored it positive.
    pub opposite_signs: bool,
}

/// The metrics of a matrix. Plain data.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// The sign convention of the second-order figures.
    pub sign_convention: SignConvention,
    /// The scale of the second-order figures.
    pub second_order_scale: SecondOrderScale,
    /// Whether the second-order figures count paths `i → j → i`.
    pub self_paths: SelfPaths,
    /// One entry per node, in the matrix's order.
    pub nodes: Vec<NodeMetrics>,
    /// The second-order term `T` as summed, row-major `n × n`: signed, scaled, and with
    /// a zero diagonal when self paths are excluded.
    pub second_order: Vec<f64>,
    /// Conflicts, most negative first (ties: larger disagreement first, then by name).
    pub conflicts: Vec<Conflict>,
    /// PageRank iterations run, and whether it met its tolerance.
    pub pagerank_iterations: u32,
    /// Whether PageRank met its tolerance.
    pub pagerank_converged: bool,
}

/// `S²` in units of ¼ (the inputs are halves), under `convention`: every path
/// `i → j → k`, the diagonal (`i → j → i`) included, unscaled.
pub fn second_order_quarters(halves: &[i64], n: usize, convention: SignConvention) -> Vec<i64> {
    let mut out = vec![0_i64; n * n];
    for i in 0..n {
        let row_out = &mut out[i * n..(i + 1) * n];
        for j in 0..n {
            let a = halves[i * n + j];
            if a == 0 {
                continue;
            }
            let row_j = &halves[j * n..(j + 1) * n];
            match convention {
                SignConvention::Algebraic => {
                    for (o, &b) in row_out.iter_mut().zip(row_j) {
                        *o += a * b;
                    }
                }
                SignConvention::NegativeDominant => {
                    for (o, &b) in row_out.iter_mut().zip(row_j) {
                        let p = a * b;
                        *o += if a < 0 || b < 0 { -p.abs() } else { p };
                    }
                }
            }
        }
    }
    out
}

/// PageRank of the positive network (weights in halves); returns ranks, iterations and
/// whether it converged.
fn pagerank(halves: &[i64], n: usize, options: &MetricsOptions) -> (Vec<f64>, u32, bool) {
    if n == 0 {
        return (Vec::new(), 0, true);
    }
    let nf = as_f64(i64::try_from(n).unwrap_or(i64::MAX));
    let out_weight: Vec<i64> =
        (0..n).map(|i| halves[i * n..(i + 1) * n].iter().map(|&w| w.max(0)).sum()).collect();
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    let d = options.damping;
    for iter in 1..=options.pagerank_max_iter {
        let dangling: f64 = (0..n).filter(|&i| out_weight[i] == 0).map(|i| rank[i]).sum();
        let base = (1.0 - d) / nf + d * dangling / nf;
        next.fill(base);
        for i in 0..n {
            if out_weight[i] == 0 {
                continue;
            }
            let share = d * rank[i] / as_f64(out_weight[i]);
            for (k, &w) in halves[i * n..(i + 1) * n].iter().enumerate() {
                if w > 0 {
                    next[k] += share * as_f64(w);
                }
            }
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < options.pagerank_tol {
            return (rank, iter, true);
        }
    }
    (rank, options.pagerank_max_iter, false)
}

/// The second-order term in units of `1 / den`, with `den` from `options`'s scale: the
/// signed matrix square (quarters), with its diagonal cleared when self paths are
/// excluded. Returns the term and `den` (4, or 12 when divided by 3).
fn second_order_term(halves: &[i64], n: usize, options: &MetricsOptions) -> (Vec<i64>, i64) {
    let mut q = second_order_quarters(halves, n, options.sign_convention);
    if options.self_paths == SelfPaths::Excluded {
        for i in 0..n {
            q[i * n + i] = 0;
        }
    }
    let den = match options.second_order_scale {
        SecondOrderScale::Raw => 4,
        SecondOrderScale::DividedBy3 => 12,
    };
    (q, den)
}

/// The metrics of node `i`: `s` in halves, `t` the second-order term in units of
/// `1 / den`.
fn node_metrics(matrix: &Matrix, s: &[i64], t: &[i64], den: i64, i: usize) -> NodeMetrics {
    let n = matrix.n();
    let half = |v: i64| as_f64(v) / 2.0;
    let row = &s[i * n..(i + 1) * n];
    let col = || (0..n).map(|k| s[k * n + i]);
    let row_sum: i64 = row.iter().sum();
    let col_sum: i64 = col().sum();
    // Both terms in units of 1 / den: first-order halves × den / 2.
    let t_row: i64 = t[i * n..(i + 1) * n].iter().sum();
    let t_col: i64 = (0..n).map(|k| t[k * n + i]).sum();
    let exact = ExactSums {
        second_order_out: Rational::new(t_row, den),
        second_order_in: Rational::new(t_col, den),
        combined_out: Rational::new(row_sum * (den / 2) + t_row, den),
        combined_in: Rational::new(col_sum * (den / 2) + t_col, den),
    };
    NodeMetrics {
        name: matrix.nodes[i].clone(),
        out_influence: half(row_sum),
        out_positive: half(row.iter().map(|&v| v.max(0)).sum()),
        out_negative: half(row.iter().map(|&v| v.min(0)).sum()),
        n_out_positive: row.iter().filter(|&&v| v > 0).count(),
        n_out_negative: row.iter().filter(|&&v| v < 0).count(),
        in_influence: half(col_sum),
        in_positive: half(col().map(|v| v.max(0)).sum()),
        in_negative: half(col().map(|v| v.min(0)).sum()),
        n_in_positive: col().filter(|&v| v > 0).count(),
        n_in_negative: col().filter(|&v| v < 0).count(),
        second_order_out: exact.second_order_out.to_f64(),
        second_order_in: exact.second_order_in.to_f64(),
        combined_out: exact.combined_out.to_f64(),
        combined_in: exact.combined_in.to_f64(),
        exact,
        pagerank: 0.0,
    }
}

/// The cells at or below `threshold` (whole scores), most negative first.
fn conflicts(matrix: &Matrix, threshold: i8) -> Vec<Conflict> {
    let threshold = 2 * i32::from(threshold);
    let mut cells: Vec<_> = matrix.cells.iter().filter(|c| c.median_halves <= threshold).collect();
    cells.sort_by(|a, b| {
        a.median_halves
            .cmp(&b.median_halves)
            .then(b.range.cmp(&a.range))
            .then_with(|| matrix.nodes[a.from].cmp(&matrix.nodes[b.from]))
            .then_with(|| matrix.nodes[a.to].cmp(&matrix.nodes[b.to]))
    });
    cells
        .into_iter()
        .map(|c| Conflict {
            from: matrix.nodes[c.from].clone(),
            to: matrix.nodes[c.to].clone(),
            median: c.median,
            range: c.range,
            opposite_signs: c.opposite_signs,
        })
        .collect()
}

/// Computes every metric of `matrix` (see the module docs).
pub fn compute(matrix: &Matrix, options: &MetricsOptions) -> Metrics {
    let n = matrix.n();
    let s = matrix.dense_halves();
    let (t, den) = second_order_term(&s, n, options);
    let (ranks, iterations, converged) = pagerank(&s, n, options);
    let nodes = (0..n)
        .map(|i| NodeMetrics { pagerank: ranks[i], ..node_metrics(matrix, &s, &t, den, i) })
        .collect();
    Metrics {
        sign_convention: options.sign_convention,
        second_order_scale: options.second_order_scale,
        self_paths: options.self_paths,
        nodes,
        second_order: t.iter().map(|&v| Rational::new(v, den).to_f64()).collect(),
        conflicts: conflicts(matrix, options.conflict_threshold),
        pagerank_iterations: iterations,
        pagerank_converged: converged,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use test_support::assert_close;

    use super::*;
    use crate::matrix::{Judgement, aggregate};

    fn j(assessor: &str, from: &str, to: &str, score: i8) -> Judgement {
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

    /// A matrix from a dense score table; zeros are judged explicitly so every node appears.
    fn from_dense(names: &[String], scores: &[i8]) -> Matrix {
        let n = names.len();
        let mut js = Vec::new();
        for i in 0..n {
            for k in 0..n {
                if i != k {
                    js.push(j("A", &names[i], &names[k], scores[i * n + k]));
                }
            }
        }
        aggregate(&js).unwrap()
    }

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("objective {i}")).collect()
    }

    /// METHODS.md §6.1's matrix: `S = [[0,2,−1],[1,0,3],[0,−2,0]]`.
    const S_6_1: [i8; 9] = [0, 2, -1, 1, 0, 3, 0, -2, 0];

    /// METHODS.md §6.1's test vector, reproduced through its explicit options (the raw
    /// matrix square with self paths).
    #[test]
    fn methods_6_1_vector() {
        let m = from_dense(&names(3), &S_6_1);
        let out = compute(&m, &MetricsOptions::matrix_square());
        let o: Vec<f64> = out.nodes.iter().map(|n| n.out_influence).collect();
        let i: Vec<f64> = out.nodes.iter().map(|n| n.in_influence).collect();
        assert_eq!(format!("{o:?}"), "[1.0, 4.0, -2.0]");
        assert_eq!(format!("{i:?}"), "[1.0, 0.0, 2.0]");
        assert_eq!(
            second_order_quarters(&m.dense_halves(), 3, SignConvention::Algebraic),
            [2, 2, 6, 0, -4, -1, -2, 0, -6].map(|v| 4 * v)
        );
        assert_eq!(
            format!("{:?}", out.second_order),
            "[2.0, 2.0, 6.0, 0.0, -4.0, -1.0, -2.0, 0.0, -6.0]"
        );
        // Positive and negative parts: row 0 = +2 and −1.
        assert_eq!(
            format!("{:?}", (out.nodes[0].out_positive, out.nodes[0].out_negative)),
            "(2.0, -1.0)"
        );
        // Combined out-influence: O + row sums of S² = (1 + 10, 4 − 5, −2 − 8).
        let c: Vec<f64> = out.nodes.iter().map(|n| n.combined_out).collect();
        assert_eq!(format!("{c:?}"), "[11.0, -1.0, -10.0]");
        assert_eq!(out.nodes[1].exact.combined_out, Rational::integer(-1));
        // The strongest conflict is c → b (−2).
        assert_eq!(out.conflicts.len(), 1);
        assert_eq!(
            (out.conflicts[0].from.as_str(), out.conflicts[0].to.as_str()),
            ("objective 2", "objective 1")
        );
    }

    /// Issue #21, finding 4: by default a path counts its product divided by 3 and the
    /// paths `i → j → i` are left out. By hand, on §6.1's matrix: `S²` without its
    /// diagonal is `[[0,2,6],[0,0,−1],[−2,0,0]]`, divided by 3 `[[0,⅔,2],[0,0,−⅓],
    /// [−⅔,0,0]]`; row sums `(8/3, −1/3, −2/3)`, column sums `(−2/3, 2/3, 5/3)`; with
    /// `O = (1,4,−2)` and `I = (1,0,2)` the combined sums are `(11/3, 11/3, −8/3)` out
    /// and `(1/3, 2/3, 11/3)` in. (The raw square with self paths gave `(11, −1, −10)`
    /// out: node 1's own loops `1 → 0 → 1` and `1 → 2 → 1`, worth −4, outweighed its
    /// first-order +4.)
    #[test]
    fn second_order_defaults_to_the_score_scale_without_self_paths() {
        let m = from_dense(&names(3), &S_6_1);
        let out = compute(&m, &MetricsOptions::default());
        let field = |f: fn(&NodeMetrics) -> f64| {
            format!("{:?}", out.nodes.iter().map(f).collect::<Vec<f64>>())
        };
        let thirds = |v: [i32; 3]| format!("{:?}", v.map(|x| f64::from(x) / 3.0));
        assert_eq!(field(|n| n.out_influence), "[1.0, 4.0, -2.0]");
        assert_eq!(field(|n| n.second_order_out), thirds([8, -1, -2]));
        assert_eq!(field(|n| n.second_order_in), thirds([-2, 2, 5]));
        assert_eq!(field(|n| n.combined_out), thirds([11, 11, -8]));
        assert_eq!(field(|n| n.combined_in), thirds([1, 2, 11]));
        assert_eq!(
            format!("{:?}", out.second_order),
            format!("{:?}", [0, 2, 6, 0, 0, -1, -2, 0, 0].map(|x| f64::from(x) / 3.0))
        );
    }

    /// The same figures as exact fractions, and each option on its own.
    #[test]
    fn second_order_options_one_at_a_time() {
        let m = from_dense(&names(3), &S_6_1);
        let exact = |opts: &MetricsOptions| {
            let out = compute(&m, opts);
            out.nodes.iter().map(|n| n.exact.combined_out.to_string()).collect::<Vec<_>>()
        };
        let default = MetricsOptions::default();
        assert_eq!(exact(&default), ["11/3", "11/3", "-8/3"]);
        // Self paths back in: the diagonal (2, −4, −6) / 3 is added to the rows.
        let with_self = MetricsOptions { self_paths: SelfPaths::Included, ..default.clone() };
        assert_eq!(exact(&with_self), ["13/3", "7/3", "-14/3"]);
        // Raw products without self paths: 1 + 8, 4 − 1, −2 − 2.
        let raw = MetricsOptions { second_order_scale: SecondOrderScale::Raw, ..default };
        assert_eq!(exact(&raw), ["9", "3", "-4"]);
        assert_eq!(exact(&MetricsOptions::matrix_square()), ["11", "-1", "-10"]);
        let out = compute(&m, &MetricsOptions::default());
        assert_eq!(out.nodes[2].exact.second_order_in, Rational::new(5, 3));
        assert_eq!(out.self_paths, SelfPaths::Excluded);
        assert_eq!(out.second_order_scale, SecondOrderScale::DividedBy3);
    }

    /// The names in outputs are the serde names.
    #[test]
    fn option_names_match_their_json() {
        let json = |v: serde_json::Value| v.as_str().unwrap().to_owned();
        for c in [SignConvention::Algebraic, SignConvention::NegativeDominant] {
            assert_eq!(json(serde_json::to_value(c).unwrap()), c.as_str());
        }
        for c in [SecondOrderScale::Raw, SecondOrderScale::DividedBy3] {
            assert_eq!(json(serde_json::to_value(c).unwrap()), c.as_str());
        }
        for c in [SelfPaths::Excluded, SelfPaths::Included] {
            assert_eq!(json(serde_json::to_value(c).unwrap()), c.as_str());
        }
    }

    #[test]
    fn negative_dominant_turns_double_negatives_negative() {
        let m = from_dense(&names(3), &S_6_1);
        let q = second_order_quarters(&m.dense_halves(), 3, SignConvention::NegativeDominant);
        // a → c → b: (−1)(−2) = +2 algebraically, −2 when negatives dominate.
        assert_eq!(q[1], -2 * 4);
        let opts = MetricsOptions {
            second_order_scale: SecondOrderScale::DividedBy3,
            ..MetricsOptions::default()
        };
        let out = compute(&m, &opts);
        assert_close("S²[0][2] / 3", out.second_order[2], 2.0, 0.0, 1e-15);
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_the_positive_sink() {
        let m = from_dense(&names(3), &[0, 3, 0, 0, 0, 3, 0, 0, 0]);
        let out = compute(&m, &MetricsOptions::default());
        let total: f64 = out.nodes.iter().map(|n| n.pagerank).sum();
        assert_close("sum of PageRank", total, 1.0, 0.0, 1e-12);
        assert!(out.nodes[2].pagerank > out.nodes[1].pagerank);
        assert!(out.nodes[1].pagerank > out.nodes[0].pagerank);
        assert!(out.pagerank_converged);
    }

    fn dense_strategy() -> impl Strategy<Value = (usize, Vec<i8>, Vec<usize>)> {
        (2_usize..9).prop_flat_map(|n| {
            (
                Just(n),
                proptest::collection::vec(-3_i8..=3, n * n),
                Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            )
        })
    }

    proptest! {
        /// Relabelling the nodes permutes the metrics and changes nothing else.
        #[test]
        fn metrics_are_invariant_to_relabelling((n, scores, perm) in dense_strategy()) {
            let base = names(n);
            let mut relabelled = vec![String::new(); n];
            let mut permuted = vec![0_i8; n * n];
            for i in 0..n {
                relabelled[perm[i]] = base[i].clone();
                for k in 0..n {
                    permuted[perm[i] * n + perm[k]] = scores[i * n + k];
                }
            }
            let opts = MetricsOptions::default();
            let a = compute(&from_dense(&base, &scores), &opts);
            let b = compute(&from_dense(&relabelled, &permuted), &opts);
            for (i, na) in a.nodes.iter().enumerate() {
                let nb = b.nodes.iter().find(|x| x.name == na.name).unwrap();
                let exact = |m: &NodeMetrics| format!("{:?} {:?}",
                    [m.out_influence, m.out_positive, m.out_negative, m.in_influence, m.in_positive, m.in_negative,
                     m.second_order_out, m.second_order_in, m.combined_out, m.combined_in],
                    [m.n_out_positive, m.n_out_negative, m.n_in_positive, m.n_in_negative]);
                prop_assert_eq!(exact(na), exact(nb));
                assert_close("PageRank", na.pagerank, nb.pagerank, 1e-9, 1e-12);
                for k in 0..n {
                    let (pi, pk) = (perm[i], perm[k]);
                    prop_assert_eq!(a.second_order[i * n + k].to_bits(), b.second_order[pi * n + pk].to_bits());
                }
            }
            let key = |c: &Conflict| format!("{}→{} {}", c.from, c.to, c.median);
            let mut ca: Vec<String> = a.conflicts.iter().map(key).collect();
            let mut cb: Vec<String> = b.conflicts.iter().map(key).collect();
            ca.sort();
            cb.sort();
            prop_assert_eq!(ca, cb);
        }

        /// Combined is first plus second order, exactly; leaving self paths out removes
        /// exactly the diagonal of the second-order term, divided by 3.
        #[test]
        fn combined_is_first_plus_second_order((n, scores, _) in dense_strategy()) {
            let m = from_dense(&names(n), &scores);
            let s = m.dense_halves();
            let diagonal = second_order_quarters(&s, n, SignConvention::Algebraic);
            let included = MetricsOptions { self_paths: SelfPaths::Included, ..MetricsOptions::default() };
            let with = compute(&m, &included);
            let without = compute(&m, &MetricsOptions::default());
            for i in 0..n {
                let (a, b) = (&with.nodes[i].exact, &without.nodes[i].exact);
                let first: i64 = s[i * n..(i + 1) * n].iter().sum();
                prop_assert_eq!(b.combined_out, Rational::new(first, 2) + b.second_order_out);
                let self_paths = Rational::new(diagonal[i * n + i], 12);
                prop_assert_eq!(a.second_order_out, b.second_order_out + self_paths);
                prop_assert_eq!(a.second_order_in, b.second_order_in + self_paths);
            }
        }
    }
}
