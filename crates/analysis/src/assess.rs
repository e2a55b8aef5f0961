//! Coherence assessment: scoring a framework's questionnaire and analysing a
//! cross-impact matrix.
//!
//! Frameworks are data (the `frameworks/` files, embedded in the binary, or an analyst's
//! own file); [`load_framework`] reads one, [`score_answers`] scores a questionnaire
//! given as `item,answer` rows, and [`matrix_report`] aggregates cross-impact judgements
//! and computes their network metrics. Everything returned is plain data from the pure
//! `assess` crate, re-exported here so front ends need no other dependency.
//!
//! A country's answers to a built-in framework can be stored
//! ([`Workspace::store_answers`]): numbered versions per country and framework, each
//! with the file it came from, who stored it, when and why (the register's audit
//! convention). [`Workspace::stored_assessment`] scores a stored version, and profiles
//! show the latest version's scores ([`crate::profile::FrameworkAssessment`]).

pub use assess::framework::{Framework, FrameworkKind, NonResponse};
pub use assess::matrix::Matrix;
pub use assess::metrics::{Metrics, MetricsOptions, SecondOrderScale, SelfPaths, SignConvention};
pub use assess::render;
pub use assess::score::{Assessment, DomainResult, Score};

use serde::Serialize;
use store::{AnswerSet, AnswerSetRecord, NewAnswers, StoredAnswer};

use crate::{Error, Workspace};

/// Which framework to load.
#[derive(Clone, Copy, Debug)]
pub enum FrameworkSource<'a> {
    /// One of the frameworks embedded in the binary, by id.
    Builtin(&'a str),
    /// A framework file (its name is for messages).
    File(&'a crate::Input),
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
        FrameworkSource::File(file) => {
            Ok(ingest::framework::read_framework(&file.name, &file.bytes)?)
        }
    }
}

/// Scores the answers file `answers` (`item,answer` rows) against `framework`.
///
/// # Errors
/// [`Error::Import`] naming file, row and column for a malformed answers file.
pub fn score_answers(framework: &Framework, answers: &crate::Input) -> Result<Assessment, Error> {
    let answers = ingest::framework::read_answers(&answers.name, &answers.bytes, framework)?;
    Ok(assess::score::score(framework, &answers)?)
}

/// Where stored answers come from: the version, the file, who stored them, when and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnswersProvenance {
    /// The country (ISO alpha-3).
    pub country: String,
    /// The framework's id.
    pub framework: String,
    /// The version: 1 for the first answers stored for the country and framework,
    /// then 2, 3, ... for each change.
    pub version: i64,
    /// The answers file's name, as given when it was stored.
    pub file: String,
    /// The file's SHA-256 (hex).
    pub sha256: String,
    /// When the answers were stored (RFC 3339, UTC).
    pub stored_at: String,
    /// Who stored them (`--user`, else `$USER`).
    pub stored_by: String,
    /// Why (`--reason`, else "answers from FILE").
    pub reason: String,
    /// How many items are answered.
    pub n_answers: usize,
}

impl AnswersProvenance {
    fn new(r: AnswerSetRecord) -> AnswersProvenance {
        AnswersProvenance {
            country: r.country.as_str().to_owned(),
            framework: r.framework,
            version: r.version,
            file: r.file_name,
            sha256: r.sha256,
            stored_at: r.at,
            stored_by: r.user,
            reason: r.reason,
            n_answers: r.n_answers,
        }
    }
}

/// A stored version of a country's answers, scored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredAssessment {
    /// Where the answers come from.
    pub answers: AnswersProvenance,
    /// The score of those answers.
    pub assessment: Assessment,
}

/// What storing answers did to the stored versions, written `added` or `unchanged`: the
/// store's own status.
pub use store::AnswersStatus;

/// What storing answers did.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoreAnswersOutcome {
    /// A new version, or the same answers as the latest.
    pub status: AnswersStatus,
    /// The version that holds the answers, and its score.
    pub stored: StoredAssessment,
}

/// Scores a stored version against the built-in framework it answers.
pub(crate) fn score_stored(set: AnswerSet) -> Result<StoredAssessment, Error> {
    let framework = load_framework(FrameworkSource::Builtin(&set.record.framework))?;
    let answers: Vec<assess::score::Answer> = set
        .answers
        .into_iter()
        .map(|a| assess::score::Answer { item: a.item, answer: a.answer })
        .collect();
    let assessment = assess::score::score(&framework, &answers)?;
    Ok(StoredAssessment { answers: AnswersProvenance::new(set.record), assessment })
}

impl Workspace {
    /// Reads the answers file `name` against the built-in framework `framework_id` and
    /// stores the answers for `country` (code, M49 or name) as its next version, with
    /// who, when and why, in one transaction. Storing the same answers as the latest
    /// version writes nothing. Returns the version holding the answers, scored.
    ///
    /// # Errors
    /// [`Error::UnknownFramework`], [`Error::UnknownArea`], [`Error::Import`] naming
    /// the file, row and column for a malformed file (nothing is stored),
    /// [`Error::MissingActor`] for an empty user, [`Error::MissingReason`] for an empty
    /// reason, [`Error::Store`] if the write
    /// fails (the store is then unchanged).
    pub async fn store_answers(
        &self,
        country: &str,
        framework_id: &str,
        answers: &crate::Input,
        user: &str,
        reason: Option<&str>,
    ) -> Result<StoreAnswersOutcome, Error> {
        let (name, bytes) = (answers.name.as_str(), answers.bytes.as_slice());
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        let area = self.resolve_area(country).await?;
        let answers = ingest::framework::read_answers(name, bytes, &framework)?;
        // Refuses what scoring would refuse, before anything is written.
        assess::score::score(&framework, &answers)?;
        let reason = reason.map_or_else(|| format!("answers from {name}"), str::to_owned);
        if user.trim().is_empty() {
            return Err(Error::MissingActor);
        }
        if reason.trim().is_empty() {
            return Err(Error::MissingReason { what: "stored set of answers" });
        }
        let stored_answers: Vec<StoredAnswer> =
            answers.into_iter().map(|a| StoredAnswer { item: a.item, answer: a.answer }).collect();
        let by = store::ChangeBy {
            user: user.trim().to_owned(),
            user_id: self.user_id,
            reason: reason.trim().to_owned(),
        };
        let sha256 = ingest::sha256_hex(bytes);
        let outcome = self
            .store
            .store_answers(
                &NewAnswers {
                    country: area.code(),
                    framework: &framework.id,
                    file_name: name,
                    sha256: &sha256,
                    answers: &stored_answers,
                },
                &by,
            )
            .await?;
        let set = self
            .store
            .answer_set(area.code(), &framework.id, Some(outcome.record.version))
            .await?
            .ok_or_else(|| Error::NoStoredAnswers {
                country: area.iso3.clone(),
                framework: framework.id.clone(),
                version: Some(outcome.record.version),
                stored: Vec::new(),
            })?;
        Ok(StoreAnswersOutcome { status: outcome.status, stored: score_stored(set)? })
    }

    /// Scores the answers stored for `country` (code, M49 or name) to the built-in
    /// framework `framework_id`: `version`, or the latest when `None`.
    ///
    /// # Errors
    /// [`Error::NoStoredAnswers`] (saying how to store answers, or which versions
    /// exist), [`Error::UnknownFramework`], [`Error::UnknownArea`], [`Error::Store`].
    pub async fn stored_assessment(
        &self,
        country: &str,
        framework_id: &str,
        version: Option<i64>,
    ) -> Result<StoredAssessment, Error> {
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        let area = self.resolve_area(country).await?;
        match self.store.answer_set(area.code(), &framework.id, version).await? {
            Some(set) => score_stored(set),
            None => Err(Error::NoStoredAnswers {
                country: area.iso3.clone(),
                framework: framework.id.clone(),
                version,
                stored: self
                    .store
                    .answer_sets(Some(area.code()), Some(&framework.id))
                    .await?
                    .into_iter()
                    .map(|r| r.version)
                    .collect(),
            }),
        }
    }

    /// Every stored version of `country`'s answers (to `framework_id` when given),
    /// oldest first within each framework.
    ///
    /// # Errors
    /// [`Error::UnknownArea`], [`Error::Store`].
    pub async fn answer_history(
        &self,
        country: &str,
        framework_id: Option<&str>,
    ) -> Result<Vec<AnswersProvenance>, Error> {
        let area = self.resolve_area(country).await?;
        Ok(self
            .store
            .answer_sets(Some(area.code()), framework_id)
            .await?
            .into_iter()
            .map(AnswersProvenance::new)
            .collect())
    }
}

/// An aggregated cross-impact matrix and its metrics.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct MatrixReport {
    /// The matrix: nodes, assessors, cells with median and disagreement.
    pub matrix: Matrix,
    /// Its network metrics.
    pub metrics: Metrics,
}

/// Reads the judgements file `file`, aggregates it and computes its metrics.
///
/// # Errors
/// [`Error::Import`] naming file, row and column for a malformed file.
pub fn matrix_report(file: &crate::Input, options: &MetricsOptions) -> Result<MatrixReport, Error> {
    let judgements = ingest::framework::read_judgements(&file.name, &file.bytes)?;
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
        let file = crate::Input::new("m.csv", csv.as_bytes().to_vec());
        let report = matrix_report(&file, &MetricsOptions::default()).unwrap();
        assert_eq!(report.matrix.cells[0].median_halves, 1);
        assert_eq!(report.metrics.conflicts.len(), 1);
    }
}

/// The rows of an answers file holding `answers` (item, answer), as
/// [`ingest::framework::read_answers`] reads them.
fn answers_csv(answers: &[(String, String)]) -> Vec<u8> {
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut text = String::from("item,answer\n");
    for (item, answer) in answers {
        text.push_str(&quote(item));
        text.push(',');
        text.push_str(&quote(answer));
        text.push('\n');
    }
    text.into_bytes()
}

/// A signed-off version of a country's answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignoffInfo {
    /// The signed version.
    pub version: i64,
    /// The coordinator (a server user id).
    pub user_id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The coordinator's note.
    pub note: String,
}

impl From<store::AnswerSignoff> for SignoffInfo {
    fn from(s: store::AnswerSignoff) -> SignoffInfo {
        SignoffInfo { version: s.version, user_id: s.user_id, at: s.at, note: s.note }
    }
}

impl Workspace {
    /// Stores `answers` (item, answer pairs) for `country` to the built-in framework
    /// `framework_id` as [`Workspace::store_answers`] stores a file's (read and checked
    /// the same way; the version's record names `user` as their source). With `merge`, the
    /// answers replace only their items in the latest version (a ministry answering its
    /// own items); the others are kept.
    ///
    /// # Errors
    /// As [`Workspace::store_answers`].
    pub async fn store_answer_items(
        &self,
        country: &str,
        framework_id: &str,
        answers: &[(String, String)],
        merge: bool,
        user: &str,
        reason: &str,
    ) -> Result<StoreAnswersOutcome, Error> {
        let mut all: Vec<(String, String)> = Vec::new();
        if merge {
            let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
            let area = self.resolve_area(country).await?;
            if let Some(latest) = self.store.answer_set(area.code(), &framework.id, None).await? {
                all = latest
                    .answers
                    .into_iter()
                    .filter(|a| !answers.iter().any(|(item, _)| item.eq_ignore_ascii_case(&a.item)))
                    .map(|a| (a.item, a.answer))
                    .collect();
            }
        }
        all.extend(answers.iter().cloned());
        let input = crate::Input::new(format!("answers from {user}"), answers_csv(&all));
        self.store_answers(country, framework_id, &input, user, Some(reason)).await
    }

    /// Which ministry answers which item of `framework_id` for `country`: (item,
    /// ministry) by item.
    ///
    /// # Errors
    /// [`Error::UnknownFramework`], [`Error::UnknownArea`], [`Error::Store`].
    pub async fn answer_assignments(
        &self,
        country: &str,
        framework_id: &str,
    ) -> Result<Vec<(String, String)>, Error> {
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        let area = self.resolve_area(country).await?;
        Ok(self
            .store
            .answer_assignments(area.code(), &framework.id)
            .await?
            .into_iter()
            .map(|a| (a.item, a.ministry))
            .collect())
    }

    /// Assigns `items` of `framework_id` to `ministry` for `country` (or unassigns them,
    /// `None`), recording who and why.
    ///
    /// # Errors
    /// [`Error::UnknownFramework`], [`Error::UnknownArea`], [`Error::Register`] naming
    /// an item the framework does not have, [`Error::MissingReason`], [`Error::Store`].
    pub async fn answers_assign(
        &self,
        country: &str,
        framework_id: &str,
        items: &[String],
        ministry: Option<&str>,
        reason: &str,
    ) -> Result<(), Error> {
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        let area = self.resolve_area(country).await?;
        if reason.trim().is_empty() {
            return Err(Error::MissingReason { what: "answer assignment" });
        }
        let known = |item: &str| {
            framework.domains.iter().flat_map(|d| d.items.iter()).any(|i| i.id == item)
        };
        if let Some(bad) = items.iter().find(|i| !known(i.as_str())) {
            return Err(Error::Register(format!("{} has no item {bad:?}", framework.id)));
        }
        let actor = store::Actor { user_id: self.user_id, reason: reason.trim().to_owned() };
        self.store.answers_assign(area.code(), &framework.id, items, ministry, &actor).await?;
        Ok(())
    }

    /// Signs off `version` of `country`'s answers to `framework_id`, with a note.
    ///
    /// # Errors
    /// [`Error::UnknownFramework`], [`Error::UnknownArea`], [`Error::MissingReason`],
    /// [`Error::Store`] ([`store::Error::Conflict`] for a version that does not exist or
    /// is already signed).
    pub async fn answers_signoff(
        &self,
        country: &str,
        framework_id: &str,
        version: i64,
        note: &str,
    ) -> Result<SignoffInfo, Error> {
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        let area = self.resolve_area(country).await?;
        if note.trim().is_empty() {
            return Err(Error::MissingReason { what: "sign-off" });
        }
        let actor = store::Actor { user_id: self.user_id, reason: note.trim().to_owned() };
        Ok(self.store.answers_signoff(area.code(), &framework.id, version, &actor).await?.into())
    }

    /// The sign-offs of `country`'s answers to `framework_id`, by version.
    ///
    /// # Errors
    /// [`Error::UnknownFramework`], [`Error::UnknownArea`], [`Error::Store`].
    pub async fn answer_signoffs(
        &self,
        country: &str,
        framework_id: &str,
    ) -> Result<Vec<SignoffInfo>, Error> {
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        let area = self.resolve_area(country).await?;
        Ok(self
            .store
            .answer_signoffs(area.code(), &framework.id)
            .await?
            .into_iter()
            .map(SignoffInfo::from)
            .collect())
    }

    /// The aggregate of the scores stored for matrix `matrix_id` (each assessor named by
    /// its user id) and its metrics, as [`matrix_report`] computes them from a file.
    /// `None` when no cell is scored yet.
    ///
    /// # Errors
    /// [`Error::Store`] if the store cannot be read, [`Error::Assess`]-like errors of
    /// the aggregation for scores it refuses.
    pub async fn stored_matrix_report(
        &self,
        matrix_id: i64,
        options: &MetricsOptions,
    ) -> Result<Option<MatrixReport>, Error> {
        let scores = self.store.matrix_scores(matrix_id).await?;
        if scores.is_empty() {
            return Ok(None);
        }
        let judgements = scores
            .into_iter()
            .map(|s| assess::matrix::Judgement {
                assessor: s.assessor_id.to_string(),
                from: s.row_id,
                to: s.col_id,
                score: i8::try_from(s.score).unwrap_or(0),
                confidence: None,
                rationale: s.reason,
                evidence: Vec::new(),
                row: 0,
            })
            .collect::<Vec<_>>();
        let matrix = assess::matrix::aggregate(&judgements)?;
        let metrics = assess::metrics::compute(&matrix, options);
        Ok(Some(MatrixReport { matrix, metrics }))
    }
}

/// Reads an answers file (`item,answer` rows, as [`Workspace::store_answers`] reads it)
/// against the built-in framework `framework_id`: its (item, answer) pairs, checked.
///
/// # Errors
/// [`Error::UnknownFramework`], [`Error::Import`] naming file, row and column.
pub fn read_answer_items(
    framework_id: &str,
    file: &crate::Input,
) -> Result<Vec<(String, String)>, Error> {
    let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
    let answers = ingest::framework::read_answers(&file.name, &file.bytes, &framework)?;
    Ok(answers.into_iter().map(|a| (a.item, a.answer)).collect())
}
