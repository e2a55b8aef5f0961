//! Coherence assessment: scoring a framework's questionnaire and analysing a
//! cross-impact matrix.
//!
//! Frameworks are data (the `frameworks/` files, embedded in the binary, or an analyst's
//! own file); [`load_framework`] reads one, [`score_answers`] scores a questionnaire
//! given as `item,answer` rows, and [`matrix_report`] aggregates cross-impact judgements
//! and computes their network metrics. Everything returned is plain data from the pure
//! `assess` crate, re-exported here so front ends need no other dependency.
//!
//! Answers are not yet stored in the policy register; a front end passes the bytes of
//! an answers file.

pub use assess::framework::{Framework, FrameworkKind, NonResponse};
pub use assess::matrix::Matrix;
pub use assess::metrics::{Metrics, MetricsOptions, SecondOrderScale, SignConvention};
pub use assess::render;
pub use assess::score::{Assessment, DomainResult, Score};

use crate::Error;

/// Which framework to load.
#[derive(Clone, Copy, Debug)]
pub enum FrameworkSource<'a> {
    /// One of the frameworks embedded in the binary, by id.
    Builtin(&'a str),
    /// A framework file's name and bytes.
    File {
        /// The file name, for messages.
        name: &'a str,
        /// Its contents.
        bytes: &'a [u8],
    },
}

/// A framework as listed to users.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FrameworkInfo {
    /// The id given to `--framework`.
    pub id: String,
    /// The title.
    pub title: String,
    /// Scored or checklist.
    pub kind: FrameworkKind,
    /// Whose adaptation it is, if it is not an official instrument.
    pub adaptation: Option<String>,
    /// The number of domains.
    pub n_domains: usize,
    /// The number of items.
    pub n_items: usize,
}

/// The ids of the embedded frameworks.
pub fn builtin_ids() -> Vec<&'static str> {
    ingest::framework::BUILTIN_FRAMEWORKS.iter().map(|(id, _, _)| *id).collect()
}

/// The embedded frameworks, described.
///
/// # Errors
/// [`Error::Import`] if an embedded file is invalid (tests guard against it).
pub fn builtin_frameworks() -> Result<Vec<FrameworkInfo>, Error> {
    builtin_ids()
        .into_iter()
        .map(|id| {
            let f = load_framework(FrameworkSource::Builtin(id))?;
            Ok(FrameworkInfo {
                id: f.id.clone(),
                title: f.title.clone(),
                kind: f.kind,
                adaptation: f.adaptation.clone(),
                n_domains: f.domains.len(),
                n_items: f.domains.iter().map(|d| d.items.len()).sum(),
            })
        })
        .collect()
}

/// Loads and validates a framework.
///
/// # Errors
/// [`Error::UnknownFramework`] for an unknown built-in id; [`Error::Import`] naming
/// file, line and field for an invalid file.
pub fn load_framework(source: FrameworkSource<'_>) -> Result<Framework, Error> {
    match source {
        FrameworkSource::Builtin(id) => match ingest::framework::builtin_framework(id) {
            Some(result) => Ok(result?),
            None => {
                Err(Error::UnknownFramework { id: id.to_owned(), known: builtin_ids().join(", ") })
            }
        },
        FrameworkSource::File { name, bytes } => {
            Ok(ingest::framework::read_framework(name, bytes)?)
        }
    }
}

/// Scores the answers file `name` (`item,answer` rows) against `framework`.
///
/// # Errors
/// [`Error::Import`] naming file, row and column for a malformed answers file.
pub fn score_answers(framework: &Framework, name: &str, bytes: &[u8]) -> Result<Assessment, Error> {
    let answers = ingest::framework::read_answers(name, bytes, framework)?;
    Ok(assess::score::score(framework, &answers)?)
}

/// An aggregated cross-impact matrix and its metrics.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct MatrixReport {
    /// The matrix: nodes, assessors, cells with median and disagreement.
    pub matrix: Matrix,
    /// Its network metrics.
    pub metrics: Metrics,
}

/// Reads the judgements file `name`, aggregates it and computes its metrics.
///
/// # Errors
/// [`Error::Import`] naming file, row and column for a malformed file.
pub fn matrix_report(
    name: &str,
    bytes: &[u8],
    options: &MetricsOptions,
) -> Result<MatrixReport, Error> {
    let judgements = ingest::framework::read_judgements(name, bytes)?;
    let matrix = assess::matrix::aggregate(&judgements)?;
    let metrics = assess::metrics::compute(&matrix, options);
    Ok(MatrixReport { matrix, metrics })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_list_and_unknown_ids_name_the_known_ones() {
        let list = builtin_frameworks().unwrap();
        assert_eq!(list.len(), 4);
        assert_eq!(list[0].n_items, 30);
        let err = load_framework(FrameworkSource::Builtin("sdg")).unwrap_err();
        assert!(err.to_string().contains("sdg-10.7.2, pcmd-origin"), "{err}");
    }

    #[test]
    fn a_matrix_file_gives_metrics() {
        let csv = "assessor,from,to,score,rationale\nA,x,y,2,r\nB,x,y,-1,r\nA,y,x,-3,r\n";
        let report = matrix_report("m.csv", csv.as_bytes(), &MetricsOptions::default()).unwrap();
        assert_eq!(report.matrix.cells[0].median_halves, 1);
        assert_eq!(report.metrics.conflicts.len(), 1);
    }
}
