//! Corridor parameters that official statistics lack and surveys publish (wages,
//! recruitment costs, contract lengths), as reference data authored in this crate
//! (`data/corridor_parameters.csv`, each row with its source and a quotation).
//! `scenario example NAME --corridor` sets a model's parameter from here, citing the row.

/// The file, as shipped.
const FILE: &str = include_str!("../../data/corridor_parameters.csv");

/// The file's name in citations.
pub const FILE_NAME: &str = "crates/analysis/data/corridor_parameters.csv";

/// One row of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct CorridorParameter {
    /// Country of origin (ISO alpha-3).
    pub origin: String,
    /// Country of destination (ISO alpha-3), or `*` for every destination.
    pub destination: String,
    /// The parameter, as the models name it.
    pub parameter: String,
    /// Its value, in the model's unit.
    pub value: f64,
    /// The unit, as written.
    pub unit: String,
    /// The year of the figure.
    pub year: i32,
    /// The source.
    pub source: String,
    /// Where in the source, with a short quotation.
    pub locator: String,
    /// The row's line in the file (1-based).
    pub line: usize,
}

impl CorridorParameter {
    /// The citation written beside the value: source, year, locator and the file's line.
    pub fn citation(&self) -> String {
        format!(
            "{} ({}): {}; {FILE_NAME}, line {}",
            self.source, self.year, self.locator, self.line
        )
    }
}

/// Every row of the file, in file order.
///
/// # Panics
/// Never for the file shipped with this crate (its test reads every row); a malformed
/// row would be a build defect.
pub fn all() -> Vec<CorridorParameter> {
    let data: String =
        FILE.lines().filter(|l| !l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    // Lines of the data rows in the file (comments removed above).
    let lines: Vec<usize> = FILE
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#'))
        .map(|(i, _)| i + 1)
        .skip(1)
        .collect();
    let mut reader = csv::Reader::from_reader(data.as_bytes());
    reader
        .records()
        .zip(lines)
        .map(|(r, line)| {
            let r = r.unwrap_or_else(|e| panic!("{FILE_NAME} line {line}: {e}"));
            let field = |i: usize| r.get(i).unwrap_or_default().trim().to_owned();
            let number = |i: usize| -> f64 {
                field(i).parse().unwrap_or_else(|e| panic!("{FILE_NAME} line {line}: {e}"))
            };
            CorridorParameter {
                origin: field(0),
                destination: field(1),
                parameter: field(2),
                value: number(3),
                unit: field(4),
                year: number(5) as i32,
                source: field(6),
                locator: field(7),
                line,
            }
        })
        .collect()
}

/// Parameters of different models that are the same quantity, so that one surveyed row
/// serves both: (the parameter, the name the file's row uses). The recruitment model's
/// market fee and the temporary scheme's recruitment cost are both the mean recruitment
/// cost in months of earnings (SDG 10.7.1).
const SAME_QUANTITY: [(&str, &str); 1] = [("fee_ratio_market", "recruitment_cost_ratio")];

/// The row among `rows` (of one corridor) for the model parameter `parameter`: its own,
/// else that of a parameter that is the same quantity ([`SAME_QUANTITY`]).
pub fn row_for<'a>(
    rows: &'a [CorridorParameter],
    parameter: &str,
) -> Option<&'a CorridorParameter> {
    let alias = SAME_QUANTITY.iter().find(|s| s.0 == parameter).map(|s| s.1);
    rows.iter()
        .find(|r| r.parameter == parameter)
        .or_else(|| rows.iter().find(|r| Some(r.parameter.as_str()) == alias))
}

/// The rows for the corridor `origin` → `destination`: for each parameter, the row of
/// that corridor, else the origin's row for every destination (`*`), else the
/// destination's row for every origin (`*`).
pub fn for_corridor(origin: &str, destination: &str) -> Vec<CorridorParameter> {
    let rows = all();
    let mut out: Vec<CorridorParameter> = Vec::new();
    for (o, d) in [(origin, destination), (origin, "*"), ("*", destination)] {
        for r in &rows {
            let fits = r.origin == o && r.destination == d;
            if fits && !out.iter().any(|o| o.parameter == r.parameter) {
                out.push(r.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use montecarlo::model::Domain;

    #[test]
    fn a_corridor_takes_its_own_rows_then_its_origins_rows_for_every_destination() {
        let value = |o: &str, d: &str, p: &str| {
            for_corridor(o, d).into_iter().find(|r| r.parameter == p).map(|r| r.value)
        };
        assert_eq!(value("PAK", "SAU", "wage_usd_month"), Some(480.0));
        assert_eq!(value("PAK", "SAU", "recruitment_cost_ratio"), Some(8.9));
        assert_eq!(value("BGD", "SAU", "recruitment_cost_ratio"), Some(17.6));
        assert_eq!(value("BGD", "SAU", "wage_usd_month"), None);
        assert_eq!(value("NPL", "QAT", "wage_usd_month"), None, "a floor is not a mean wage");
        assert_eq!(value("NGA", "GBR", "destination_training_cost_usd"), Some(296_470.0));
        assert_eq!(value("NGA", "USA", "destination_training_cost_usd"), None);
        let pak = for_corridor("PAK", "SAU");
        assert_eq!(row_for(&pak, "fee_ratio_market").map(|r| r.value), Some(8.9), "same quantity");
        let row = for_corridor("MEX", "USA").into_iter().next().unwrap();
        assert!(row.citation().contains("corridor_parameters.csv, line "), "{}", row.citation());
    }

    #[test]
    fn every_row_names_a_model_parameter_in_its_domain_once_with_a_source() {
        let rows = all();
        for r in &rows {
            let defs: Vec<_> = montecarlo::models::all()
                .iter()
                .flat_map(|m| m.parameters().iter())
                .filter(|d| d.name == r.parameter)
                .collect();
            assert!(!defs.is_empty(), "line {}: no model has `{}`", r.line, r.parameter);
            for d in defs {
                assert!(
                    d.domain.contains(r.value),
                    "line {}: {} outside {}",
                    r.line,
                    r.value,
                    d.domain
                );
                assert!(!d.fixed || d.domain != Domain::Count || r.value.fract() == 0.0);
                assert_eq!(r.unit, d.unit, "line {}: the model's unit", r.line);
            }
            assert!(r.origin.len() == 3 || r.origin == "*", "line {}", r.line);
            assert!(r.destination.len() == 3 || r.destination == "*", "line {}", r.line);
            assert!(r.origin != r.destination, "line {}: a corridor", r.line);
            assert!(
                !r.source.is_empty() && r.locator.contains('"'),
                "line {}: a quotation",
                r.line
            );
            assert!((1990..=2026).contains(&r.year), "line {}", r.line);
            let twins = rows
                .iter()
                .filter(|o| {
                    (&o.origin, &o.destination, &o.parameter)
                        == (&r.origin, &r.destination, &r.parameter)
                })
                .count();
            assert_eq!(twins, 1, "line {}: one row per corridor and parameter", r.line);
        }
    }
}
