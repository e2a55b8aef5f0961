//! The aggregated matrix and its metrics as text: CSV, JSON and GraphML.
//!
//! * [`metrics_csv`]: one row per node with every metric and the options of the
//!   second-order figures;
//! * [`cells_csv`]: one row per judged cell with the median, the disagreement and the
//!   rationales and evidence;
//! * [`json`]: the matrix, its cells and its metrics as one JSON document;
//! * [`graphml`]: a directed graph (nodes with their metrics, edges with the median,
//!   the disagreement and the evidence) that Gephi, yEd, Cytoscape or networkx open.
//!
//! Floats are written with Rust's shortest round-trip formatting, so the same input
//! gives the same bytes.

use std::fmt::Write as _;

use crate::matrix::Matrix;
use crate::metrics::Metrics;

/// Quotes a CSV field when it needs it (RFC 4180).
/// A CSV field: formula-like text quoted for spreadsheets
/// (`domain::spreadsheet::formula_safe`), then CSV-quoted where needed.
fn csv_field(s: &str) -> String {
    let s = domain::spreadsheet::formula_safe(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.into_owned()
    }
}

/// Escapes text for XML content and attribute values.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The header of [`metrics_csv`].
pub const METRICS_CSV_HEADER: &str = "node,out_influence,out_positive,out_negative,n_out_positive,n_out_negative,\
in_influence,in_positive,in_negative,n_in_positive,n_in_negative,second_order_out,second_order_in,\
combined_out,combined_in,pagerank_positive,sign_convention,second_order_scale,self_paths";

/// One row per node (header [`METRICS_CSV_HEADER`]): first-order, second-order and
/// combined sums, PageRank, and on every row the options the second-order figures were
/// computed with.
pub fn metrics_csv(metrics: &Metrics) -> String {
    let mut out = String::from(METRICS_CSV_HEADER);
    out.push('\n');
    for n in &metrics.nodes {
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            csv_field(&n.name),
            n.out_influence,
            n.out_positive,
            n.out_negative,
            n.n_out_positive,
            n.n_out_negative,
            n.in_influence,
            n.in_positive,
            n.in_negative,
            n.n_in_positive,
            n.n_in_negative,
            n.second_order_out,
            n.second_order_in,
            n.combined_out,
            n.combined_in,
            n.pagerank,
            metrics.sign_convention.as_str(),
            metrics.second_order_scale.as_str(),
            metrics.self_paths.as_str(),
        );
    }
    out
}

/// One row per judged cell: `from,to,median,n_assessors,scores,range,mean_abs_deviation,
/// opposite_signs,min_confidence,rationales,evidence` (lists joined with `; `).
pub fn cells_csv(matrix: &Matrix) -> String {
    let mut out = String::from(
        "from,to,median,n_assessors,scores,range,mean_abs_deviation,opposite_signs,min_confidence,rationales,evidence\n",
    );
    for c in &matrix.cells {
        let scores: Vec<String> = c.scores.iter().map(i8::to_string).collect();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{}",
            csv_field(&matrix.nodes[c.from]),
            csv_field(&matrix.nodes[c.to]),
            c.median,
            c.scores.len(),
            csv_field(&scores.join(" ")),
            c.range,
            c.mean_abs_deviation,
            c.opposite_signs,
            c.min_confidence.map_or("", |x| x.as_str()),
            csv_field(&c.rationales.join("; ")),
            csv_field(&c.evidence.join("; ")),
        );
    }
    out
}

/// The matrix and its metrics as one pretty-printed JSON document.
///
/// # Errors
/// Only if serialisation fails, which plain data does not.
pub fn json(matrix: &Matrix, metrics: &Metrics) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&serde_json::json!({
        "scale": "Nilsson et al. (2016): -3 cancelling … +3 indivisible; cells are medians over assessors",
        "matrix": matrix,
        "metrics": metrics,
    }))
}

/// The matrix as a GraphML directed graph, each node carrying its metrics and each edge
/// its median score (`weight`), disagreement and evidence. Cells with median 0 are kept,
/// since "consistent" is a judgement too.
pub fn graphml(matrix: &Matrix, metrics: &Metrics) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    let node_keys: [(&str, &str); 10] = [
        ("label", "string"),
        ("out_influence", "double"),
        ("in_influence", "double"),
        ("out_negative", "double"),
        ("in_negative", "double"),
        ("second_order_out", "double"),
        ("second_order_in", "double"),
        ("combined_out", "double"),
        ("combined_in", "double"),
        ("pagerank_positive", "double"),
    ];
    for (name, ty) in node_keys {
        let _ = writeln!(
            out,
            "  <key id=\"{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    let edge_keys: [(&str, &str); 6] = [
        ("weight", "double"),
        ("n_assessors", "int"),
        ("range", "int"),
        ("opposite_signs", "boolean"),
        ("rationale", "string"),
        ("evidence", "string"),
    ];
    for (name, ty) in edge_keys {
        let _ = writeln!(
            out,
            "  <key id=\"{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    let _ = writeln!(
        out,
        "  <graph id=\"cross-impact\" edgedefault=\"directed\">\n    <desc>second order: \
sign {}, scale {}, self paths {}</desc>",
        metrics.sign_convention.as_str(),
        metrics.second_order_scale.as_str(),
        metrics.self_paths.as_str(),
    );
    for (i, n) in metrics.nodes.iter().enumerate() {
        let _ = writeln!(out, "    <node id=\"n{i}\">");
        let _ = writeln!(out, "      <data key=\"label\">{}</data>", xml(&n.name));
        let values = [
            ("out_influence", n.out_influence),
            ("in_influence", n.in_influence),
            ("out_negative", n.out_negative),
            ("in_negative", n.in_negative),
            ("second_order_out", n.second_order_out),
            ("second_order_in", n.second_order_in),
            ("combined_out", n.combined_out),
            ("combined_in", n.combined_in),
            ("pagerank_positive", n.pagerank),
        ];
        for (k, v) in values {
            let _ = writeln!(out, "      <data key=\"{k}\">{v}</data>");
        }
        out.push_str("    </node>\n");
    }
    for (e, c) in matrix.cells.iter().enumerate() {
        let _ = writeln!(out, "    <edge id=\"e{e}\" source=\"n{}\" target=\"n{}\">", c.from, c.to);
        let _ = writeln!(out, "      <data key=\"weight\">{}</data>", c.median);
        let _ = writeln!(out, "      <data key=\"n_assessors\">{}</data>", c.scores.len());
        let _ = writeln!(out, "      <data key=\"range\">{}</data>", c.range);
        let _ = writeln!(out, "      <data key=\"opposite_signs\">{}</data>", c.opposite_signs);
        let _ =
            writeln!(out, "      <data key=\"rationale\">{}</data>", xml(&c.rationales.join("; ")));
        let _ =
            writeln!(out, "      <data key=\"evidence\">{}</data>", xml(&c.evidence.join("; ")));
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::{Judgement, aggregate};
    use crate::metrics::{MetricsOptions, compute};

    fn sample() -> (Matrix, Metrics) {
        let j = |a: &str, from: &str, to: &str, score: i8, rationale: &str| Judgement {
            assessor: a.into(),
            from: from.into(),
            to: to.into(),
            score,
            confidence: None,
            rationale: rationale.into(),
            evidence: vec!["https://example.org/a?x=1&y=2".into()],
            row: 0,
        };
        let m = aggregate(&[
            j("A", "Nurse recruitment", "Health <coverage>", -2, "drains \"staff\", fast"),
            j("B", "Nurse recruitment", "Health <coverage>", -3, "same"),
            j("A", "Remittance cost", "Nurse recruitment", 1, "ok"),
        ])
        .unwrap();
        let metrics = compute(&m, &MetricsOptions::default());
        (m, metrics)
    }

    #[test]
    fn csv_quotes_and_has_one_row_per_node_and_cell() {
        let (m, metrics) = sample();
        let nodes = metrics_csv(&metrics);
        assert_eq!(nodes.lines().count(), 4);
        assert!(nodes.starts_with("node,out_influence"));
        assert!(nodes.lines().skip(1).all(|l| l.ends_with(",algebraic,divided-by-3,excluded")));
        let cells = cells_csv(&m);
        assert_eq!(cells.lines().count(), 3);
        // "-2 -3" is text a spreadsheet would read as a formula: quoted; -2.5 is a number.
        assert!(cells.contains("-2.5,2,'-2 -3,1,"), "{cells}");
        assert!(cells.contains("\"A: drains \"\"staff\"\", fast; B: same\""), "{cells}");
    }

    #[test]
    fn graphml_escapes_and_is_balanced() {
        let (m, metrics) = sample();
        let g = graphml(&m, &metrics);
        assert!(g.contains("Health &lt;coverage&gt;"));
        assert!(g.contains("x=1&amp;y=2"));
        assert_eq!(g.matches("<node ").count(), 3);
        assert_eq!(g.matches("<edge ").count(), 2);
        assert_eq!(g.matches("</edge>").count(), 2);
        assert!(g.contains(
            "<desc>second order: sign algebraic, scale divided-by-3, self paths excluded</desc>"
        ));
    }

    #[test]
    fn json_round_trips_as_json() {
        let (m, metrics) = sample();
        let v: serde_json::Value = serde_json::from_str(&json(&m, &metrics).unwrap()).unwrap();
        assert_eq!(v["matrix"]["nodes"].as_array().unwrap().len(), 3);
        assert_eq!(v["metrics"]["sign_convention"], "algebraic");
        assert_eq!(v["metrics"]["second_order_scale"], "divided-by-3");
        assert_eq!(v["metrics"]["self_paths"], "excluded");
        assert!(v["metrics"]["nodes"][0]["exact"]["combined_out"].is_string());
    }
}
