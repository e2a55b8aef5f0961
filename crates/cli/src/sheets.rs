//! Excel workbooks of the commands that write `--format xlsx` besides `profile`
//! (whose workbook is `report::xlsx::profile`): the same columns as their CSV, numbers
//! as numbers, units in the headers, and an "About" sheet with the inputs, notes and
//! options where the command has them.

use analysis::estimate::{FlowEstimate, InputRef, RemitEstimate};
use analysis::register::RegisterEntry;
use domain::policy::join_list;
use montecarlo::summary::DiffRow;
use report::xlsx::{Cell, Sheet};

use crate::commands::Error;

/// Writes `sheets` as a workbook to `path` (through `outfile`).
pub(crate) fn write(path: &std::path::Path, sheets: &[Sheet]) -> Result<(), Error> {
    crate::outfile::write_file(path, &report::xlsx::workbook(sheets)?)
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_owned())
}

fn num(v: f64) -> Cell {
    Cell::Number(v)
}

fn count(n: usize) -> Cell {
    Cell::Number(n as f64)
}

/// The "About" sheet: one item and its text per row.
fn about(items: Vec<(&str, String)>) -> Sheet {
    let rows = items.into_iter().map(|(k, v)| vec![text(k), Cell::Text(v)]).collect();
    Sheet::new("About", &["Item", "Text"], rows)
}

fn input_rows(inputs: &[InputRef]) -> Vec<(&'static str, String)> {
    inputs
        .iter()
        .map(|i| {
            ("Input", format!("{}: {} edition {} ({})", i.role, i.key, i.edition, i.fingerprint))
        })
        .collect()
}

/// `estimate flows`: the flows (the CSV's columns) and what was read and done.
pub(crate) fn flows(est: &FlowEstimate) -> Vec<Sheet> {
    let rows = est
        .flows
        .iter()
        .map(|r| {
            vec![
                text(&r.orig),
                text(&r.dest),
                num(f64::from(est.period_start)),
                num(f64::from(est.period_end)),
                num(r.flow),
            ]
        })
        .collect();
    let flows = Sheet::new(
        "Flows",
        &["orig", "dest", "period_start", "period_end", "flow (persons)"],
        rows,
    );
    let mut items = vec![
        ("Method", est.method.clone()),
        ("Period", format!("{}–{}", est.period_start, est.period_end)),
        ("Areas", est.n_areas.to_string()),
        ("Total (persons)", est.total.to_string()),
    ];
    items.extend(input_rows(&est.inputs));
    items.extend(est.not_converged.iter().map(|s| ("NOT CONVERGED", s.clone())));
    items.extend(est.notes.iter().map(|n| ("Note", n.clone())));
    vec![flows, about(items)]
}

/// `estimate remittances`: the matrix (the CSV's columns) and what was read and done.
pub(crate) fn remittances(est: &RemitEstimate) -> Vec<Sheet> {
    let rows = est
        .rows
        .iter()
        .map(|r| {
            vec![text(&r.sender), text(&r.receiver), num(f64::from(est.year)), num(r.usd_millions)]
        })
        .collect();
    let matrix = Sheet::new(
        "Remittances",
        &["sender", "receiver", "year", "usd_millions (current US$, millions)"],
        rows,
    );
    let mut items = vec![
        ("Year", est.year.to_string()),
        ("Weights", est.variant.name().to_owned()),
        ("Income series", est.income.name().to_owned()),
    ];
    items.extend(input_rows(&est.inputs));
    for (what, list) in [
        ("Receiver without inflow", &est.missing_inflows),
        ("Receiver not allocatable", &est.unallocatable),
        ("Area without income", &est.missing_incomes),
    ] {
        items.extend(list.iter().map(|a| (what, a.clone())));
    }
    items.extend(est.notes.iter().map(|n| ("Note", n.clone())));
    vec![matrix, about(items)]
}

/// The columns of the "Metrics" sheet: the CSV's, with units.
const METRIC_COLUMNS: [&str; 19] = [
    "node",
    "out_influence (score sum)",
    "out_positive (score sum)",
    "out_negative (score sum)",
    "n_out_positive (links)",
    "n_out_negative (links)",
    "in_influence (score sum)",
    "in_positive (score sum)",
    "in_negative (score sum)",
    "n_in_positive (links)",
    "n_in_negative (links)",
    "second_order_out (score sum)",
    "second_order_in (score sum)",
    "combined_out (score sum)",
    "combined_in (score sum)",
    "pagerank_positive (share, 0 to 1)",
    "sign_convention",
    "second_order_scale",
    "self_paths",
];

/// `matrix metrics`: one row per node (the CSV's columns, the options on every row as
/// in the CSV) and the options again in "About".
pub(crate) fn metrics(m: &analysis::assess::Metrics) -> Vec<Sheet> {
    let rows = m
        .nodes
        .iter()
        .map(|n| {
            vec![
                text(&n.name),
                num(n.out_influence),
                num(n.out_positive),
                num(n.out_negative),
                count(n.n_out_positive),
                count(n.n_out_negative),
                num(n.in_influence),
                num(n.in_positive),
                num(n.in_negative),
                count(n.n_in_positive),
                count(n.n_in_negative),
                num(n.second_order_out),
                num(n.second_order_in),
                num(n.combined_out),
                num(n.combined_in),
                num(n.pagerank),
                text(m.sign_convention.as_str()),
                text(m.second_order_scale.as_str()),
                text(m.self_paths.as_str()),
            ]
        })
        .collect();
    let nodes = Sheet::new("Metrics", &METRIC_COLUMNS, rows);
    let options = about(vec![
        ("sign_convention", m.sign_convention.as_str().to_owned()),
        ("second_order_scale", m.second_order_scale.as_str().to_owned()),
        ("self_paths", m.self_paths.as_str().to_owned()),
    ]);
    vec![nodes, options]
}

/// `scenario compare`: the paired differences (the CSV's columns). Each row's figures
/// are in its metric's unit, named in the "unit" column.
pub(crate) fn diff(rows: &[DiffRow], draws: u64) -> Vec<Sheet> {
    let body = rows
        .iter()
        .map(|r| {
            let s = &r.stats;
            vec![
                text(&r.a),
                text(&r.b),
                text(&r.metric),
                text(&r.unit),
                r.year.map_or(Cell::Empty, |y| num(f64::from(y))),
                count(s.n),
                num(s.mean),
                num(s.sd),
                num(s.p05),
                num(s.p25),
                num(s.p50),
                num(s.p75),
                num(s.p95),
                num(r.share_b_greater),
            ]
        })
        .collect();
    let sheet = Sheet::new(
        "Differences B - A",
        &[
            "a",
            "b",
            "metric",
            "unit",
            "year (0-based)",
            "n (draws)",
            "mean (row's unit)",
            "sd (row's unit)",
            "p05 (row's unit)",
            "p25 (row's unit)",
            "p50 (row's unit)",
            "p75 (row's unit)",
            "p95 (row's unit)",
            "share_b_greater (0 to 1)",
        ],
        body,
    );
    let about = about(vec![
        ("Differences", "B − A, paired draw by draw".to_owned()),
        ("Draws", draws.to_string()),
    ]);
    vec![sheet, about]
}

/// `register export`: one row per policy, the register file's columns (lists joined as
/// in the CSV) and the layer.
pub(crate) fn register(list: &[RegisterEntry]) -> Vec<Sheet> {
    let year = |y: Option<i32>| y.map_or(Cell::Empty, |y| num(f64::from(y)));
    let rows = list
        .iter()
        .map(|e| {
            vec![
                text(&e.id),
                text(&e.country),
                text(&e.ministry),
                text(&e.title),
                text(&e.instrument),
                Cell::Text(join_list(e.stages.iter().map(String::as_str))),
                text(&e.area),
                Cell::Text(join_list(e.partners.iter().map(String::as_str))),
                Cell::Text(join_list(e.target_groups.iter().map(String::as_str))),
                text(&e.status),
                year(e.start_year),
                year(e.end_year),
                text(&e.objectives),
                Cell::Text(join_list(e.tags.iter().map(String::as_str))),
                text(&e.source),
                text(e.layer.as_str()),
            ]
        })
        .collect();
    let mut columns: Vec<&str> = domain::policy::PolicyField::NAMES.to_vec();
    columns.push("layer");
    vec![Sheet::new("Register", &columns, rows)]
}

/// A sheet's column names without their units, to hold them to a CSV header.
#[cfg(test)]
fn names(sheet: &Sheet) -> Vec<String> {
    sheet.columns.iter().map(|c| c.split(" (").next().unwrap_or(c).to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_columns_are_the_register_files() {
        let sheet = &register(&[])[0];
        let mut expected: Vec<String> =
            domain::policy::PolicyField::NAMES.iter().map(|s| (*s).to_owned()).collect();
        expected.push("layer".to_owned());
        assert_eq!(names(sheet), expected);
    }

    #[test]
    fn metrics_columns_are_the_csvs() {
        let header: Vec<String> =
            analysis::assess::render::METRICS_CSV_HEADER.split(',').map(str::to_owned).collect();
        let sheet = Sheet::new("m", &METRIC_COLUMNS, Vec::new());
        assert_eq!(names(&sheet), header);
    }
}
