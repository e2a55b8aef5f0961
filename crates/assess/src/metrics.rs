//! Network metrics of an aggregated cross-impact matrix `S` (METHODS.md §6.1).
//!
//! With `s_ij` the median score of "progress on i influences progress on j":
//!
//! * **out-influence** `O_i = Σ_j s_ij` (row sum) and **in-influence** `I_j = Σ_i s_ij`
//!   (column sum), each also split into its positive part `Σ max(s, 0)` and negative
//!   part `Σ min(s, 0)`, with the counts of positive and negative links;
//! * **second-order influence** through paths `i → j → k`:
//!   `(S²)_ik = Σ_j p(s_ij, s_jk)`, where the product `p` follows a
//!   [`SignConvention`]: [`SignConvention::Algebraic`] is the plain product (so two
//!   negative links make a positive path: the matrix square), and
//!   [`SignConvention::NegativeDominant`] makes a path negative whenever either link is
//!   negative (`p = −|s_ij · s_jk|`), since hindering something that hinders a third
//!   objective is not a synergy. Paths that return to their start (`i → j → i`) are
//!   included, as in the matrix square. [`SecondOrderScale::DividedBy3`] divides each
//!   product by 3 to keep it on the −3 … +3 scale. The **combined** out-influence is
//!   `O²_i = Σ_k (S + S²)_ik` and the combined in-influence its column analogue;
//! * on the **positive network** (edges `max(s_ij, 0)`): out- and in-strength and
//!   PageRank (damping 0.85; nodes without positive out-links spread their rank evenly);
//! * the **strongest conflicts**: cells whose median is at or below the threshold
//!   (default −2, "counteracting"), most negative first.
//!
//! Every sum is done on integers (halves and quarters of the scale), so the metrics do
//! not depend on the order of the nodes; only PageRank is a float iteration.

use crate::matrix::{Matrix, as_f64};

/// How the product of two links' scores is signed in second-order influence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignConvention {
    /// `s_ij · s_jk`: the matrix square. Default (METHODS.md §6.1's test vector).
    #[default]
    Algebraic,
    /// `−|s_ij · s_jk|` if either link is negative, else the product.
    NegativeDominant,
}

/// The scale of second-order products.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecondOrderScale {
    /// The products as they are (up to ±9 per path). Default.
    #[default]
    Raw,
    /// Each product divided by 3, back on the −3 … +3 scale.
    DividedBy3,
}

/// Options of [`compute`].
#[derive(Clone, Debug, serde::Serialize)]
pub struct MetricsOptions {
    /// Sign of second-order paths. Default: [`SignConvention::Algebraic`].
    pub sign_convention: SignConvention,
    /// Scale of second-order products. Default: [`SecondOrderScale::Raw`].
    pub second_order_scale: SecondOrderScale,
    /// PageRank damping factor. Default: `0.85`.
    pub damping: f64,
    /// PageRank stops when the L1 change falls below this. Default: `1e-12`.
    pub pagerank_tol: f64,
    /// PageRank's maximum number of iterations. Default: `1000`.
    pub pagerank_max_iter: u32,
    /// Cells with a median at or below this are conflicts. Default: `-2`.
    pub conflict_threshold: i8,
}

impl Default for MetricsOptions {
    fn default() -> MetricsOptions {
        MetricsOptions {
            sign_convention: SignConvention::default(),
            second_order_scale: SecondOrderScale::default(),
            damping: 0.85,
            pagerank_tol: 1e-12,
            pagerank_max_iter: 1000,
            conflict_threshold: -2,
        }
    }
}

/// The metrics of one node.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NodeMetrics {
    /// The node's name.
    pub name: String,
    /// `O_i`, the row sum.
    pub out_influence: f64,
    /// The row sum of positive scores.
    pub out_positive: f64,
    /// The row sum of negative scores (≤ 0).
    pub out_negative: f64,
    /// The number of positive scores in the row.
    pub n_out_positive: usize,
    /// The number of negative scores in the row.
    pub n_out_negative: usize,
    /// `I_j`, the column sum.
    pub in_influence: f64,
    /// The column sum of positive scores.
    pub in_positive: f64,
    /// The column sum of negative scores (≤ 0).
    pub in_negative: f64,
    /// The number of positive scores in the column.
    pub n_in_positive: usize,
    /// The number of negative scores in the column.
    pub n_in_negative: usize,
    /// The row sum of `S²`.
    pub second_order_out: f64,
    /// The column sum of `S²`.
    pub second_order_in: f64,
    /// The row sum of `S + S²`.
    pub combined_out: f64,
    /// The column sum of `S + S²`.
    pub combined_in: f64,
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
    /// One entry per node, in the matrix's order.
    pub nodes: Vec<NodeMetrics>,
    /// `S²`, row-major `n × n`.
    pub second_order: Vec<f64>,
    /// Conflicts, most negative first (ties: larger disagreement first, then by name).
    pub conflicts: Vec<Conflict>,
    /// PageRank iterations run, and whether it met its tolerance.
    pub pagerank_iterations: u32,
    /// Whether PageRank met its tolerance.
    pub pagerank_converged: bool,
}

/// `S²` in units of ¼ (the inputs are halves), under `convention`.
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

/// Computes every metric of `matrix` (see the module docs).
pub fn compute(matrix: &Matrix, options: &MetricsOptions) -> Metrics {
    let n = matrix.n();
    let s = matrix.dense_halves();
    let q = second_order_quarters(&s, n, options.sign_convention);
    // Second-order figures are q / 4, or q / 12 when divided by 3; first-order are s / 2.
    let q_den = match options.second_order_scale {
        SecondOrderScale::Raw => 4,
        SecondOrderScale::DividedBy3 => 12,
    };
    // S + S² in units of 1/q_den: s halves × (q_den / 2).
    let s_to_q = q_den / 2;
    let half = |v: i64| as_f64(v) / 2.0;
    let by_q = |v: i64| as_f64(v) / as_f64(q_den);
    let (ranks, iterations, converged) = pagerank(&s, n, options);
    let mut nodes = Vec::with_capacity(n);
    for i in 0..n {
        let row = &s[i * n..(i + 1) * n];
        let col = || (0..n).map(|k| s[k * n + i]);
        let q_row: i64 = q[i * n..(i + 1) * n].iter().sum();
        let q_col: i64 = (0..n).map(|k| q[k * n + i]).sum();
        let row_sum: i64 = row.iter().sum();
        let col_sum: i64 = col().sum();
        nodes.push(NodeMetrics {
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
            second_order_out: by_q(q_row),
            second_order_in: by_q(q_col),
            combined_out: by_q(row_sum * s_to_q + q_row),
            combined_in: by_q(col_sum * s_to_q + q_col),
            pagerank: ranks[i],
        });
    }
    let threshold = 2 * i32::from(options.conflict_threshold);
    let mut conflict_cells: Vec<_> =
        matrix.cells.iter().filter(|c| c.median_halves <= threshold).collect();
    conflict_cells.sort_by(|a, b| {
        a.median_halves
            .cmp(&b.median_halves)
            .then(b.range.cmp(&a.range))
            .then_with(|| matrix.nodes[a.from].cmp(&matrix.nodes[b.from]))
            .then_with(|| matrix.nodes[a.to].cmp(&matrix.nodes[b.to]))
    });
    let conflicts = conflict_cells
        .into_iter()
        .map(|c| Conflict {
            from: matrix.nodes[c.from].clone(),
            to: matrix.nodes[c.to].clone(),
            median: c.median,
            range: c.range,
            opposite_signs: c.opposite_signs,
        })
        .collect();
    Metrics {
        sign_convention: options.sign_convention,
        second_order_scale: options.second_order_scale,
        nodes,
        second_order: q.iter().map(|&v| by_q(v)).collect(),
        conflicts,
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

    /// METHODS.md §6.1: S = [[0,2,−1],[1,0,3],[0,−2,0]].
    #[test]
    fn methods_6_1_vector() {
        let m = from_dense(&names(3), &[0, 2, -1, 1, 0, 3, 0, -2, 0]);
        let out = compute(&m, &MetricsOptions::default());
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
        // The strongest conflict is c → b (−2).
        assert_eq!(out.conflicts.len(), 1);
        assert_eq!(
            (out.conflicts[0].from.as_str(), out.conflicts[0].to.as_str()),
            ("objective 2", "objective 1")
        );
    }

    #[test]
    fn negative_dominant_turns_double_negatives_negative() {
        let m = from_dense(&names(3), &[0, 2, -1, 1, 0, 3, 0, -2, 0]);
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
    }
}
