//! Every variant of [`Error`] maps to the kind a front end expects of it.

use std::collections::BTreeSet;

use crate::{Error, ErrorKind};

/// The position of each variant: exhaustive (no `_` arm), so a new variant does not
/// compile until it is listed here, next to [`VARIANTS`], and given a sample below.
fn position(e: &Error) -> usize {
    match e {
        Error::Store(_) => 0,
        Error::Import(_) => 1,
        Error::Io { .. } => 2,
        Error::Unrecognised { .. } => 3,
        Error::UnknownKind { .. } => 4,
        Error::Stats(_) => 5,
        Error::GravityOption { .. } => 6,
        Error::UnknownColumn { .. } => 7,
        Error::DataCell { .. } => 8,
        Error::Csv { .. } => 9,
        Error::EstimateExists { .. } => 10,
        Error::UnknownEstimate { .. } => 11,
        Error::Assess(_) => 12,
        Error::UnknownFramework { .. } => 13,
        Error::NoStoredAnswers { .. } => 14,
        Error::Register(_) => 15,
        Error::MissingActor => 16,
        Error::MissingReason { .. } => 17,
        Error::NothingToEdit => 18,
        Error::UnknownPolicy { .. } => 19,
        Error::AmbiguousPolicy { .. } => 20,
        Error::UnknownArea { .. } => 21,
        Error::Estimate { .. } => 22,
        Error::UnknownEdition { .. } => 23,
        Error::UnknownMethod { .. } => 24,
        Error::Stopped { .. } => 25,
        Error::Scenario(_) => 26,
    }
}

/// How many variants [`position`] lists.
const VARIANTS: usize = 27;

fn s(text: &str) -> String {
    text.to_owned()
}

fn import(kind: ingest::ImportErrorKind) -> Error {
    Error::Import(ingest::ImportError::new(ingest::Location::file("f.csv"), kind))
}

fn io(kind: std::io::ErrorKind) -> Error {
    Error::Io { path: s("f.csv"), source: kind.into() }
}

/// One or more errors of every variant, with the kind each must have.
fn samples() -> Vec<(Error, ErrorKind)> {
    use ErrorKind::*;
    let path = std::path::PathBuf::from("w.sqlite");
    vec![
        (Error::Store(store::Error::Conflict { what: s("changed meanwhile") }), Conflict),
        (Error::Store(store::Error::Corrupt { what: "area code", value: s("??") }), Internal),
        (
            Error::Store(store::Error::NotAStore { store: path.clone().into(), tables: 3 }),
            Unavailable,
        ),
        (
            Error::Store(store::Error::TooNew {
                store: path.clone().into(),
                found: 99,
                supported: 1,
            }),
            Unavailable,
        ),
        (Error::Store(store::Error::Backup { path, reason: s("it exists") }), InvalidInput),
        (
            import(ingest::ImportErrorKind::BadValue { expected: s("a number"), found: s("x") }),
            InvalidInput,
        ),
        (
            import(ingest::ImportErrorKind::LimitExceeded {
                limit: ingest::Limit::FileBytes,
                found: 10,
                max: 1,
                what: s("the file"),
            }),
            TooLarge,
        ),
        (io(std::io::ErrorKind::NotFound), NotFound),
        (io(std::io::ErrorKind::PermissionDenied), Forbidden),
        (io(std::io::ErrorKind::InvalidData), InvalidInput),
        (io(std::io::ErrorKind::Interrupted), Unavailable),
        (Error::Unrecognised { file: s("f.csv") }, InvalidInput),
        (Error::UnknownKind { name: s("nope") }, InvalidInput),
        (Error::Stats(stats::Error::NoObservations { removed: 3, total: 3 }), InvalidInput),
        (
            Error::GravityOption { option: "vcov", value: s("x"), reason: s("expected iid") },
            InvalidInput,
        ),
        (
            Error::UnknownColumn { file: s("f.csv"), column: s("c"), available: vec![s("a")] },
            InvalidInput,
        ),
        (
            Error::DataCell { file: s("f.csv"), line: 2, column: s("c"), message: s("empty") },
            InvalidInput,
        ),
        (Error::Csv { file: s("f.csv"), message: s("unequal lengths") }, InvalidInput),
        (Error::EstimateExists { name: s("m1") }, Conflict),
        (Error::UnknownEstimate { name: s("m1") }, NotFound),
        (Error::Assess(::assess::Error::Number { text: s("x") }), InvalidInput),
        (Error::UnknownFramework { id: s("x"), known: s("sdg-10.7.2") }, NotFound),
        (
            Error::NoStoredAnswers {
                country: s("XAA"),
                framework: s("sdg-10.7.2"),
                version: None,
                stored: Vec::new(),
            },
            NotFound,
        ),
        (Error::Register(s("expected field=value")), InvalidInput),
        (Error::MissingActor, Forbidden),
        (Error::MissingReason { what: "register change" }, InvalidInput),
        (Error::NothingToEdit, InvalidInput),
        (Error::UnknownPolicy { id: s("XAA-1") }, NotFound),
        (Error::AmbiguousPolicy { id: s("P1"), countries: vec![s("XAA"), s("XAB")] }, InvalidInput),
        (Error::UnknownArea { query: s("Atlantis"), suggestions: Vec::new() }, NotFound),
        (Error::Estimate { message: s("no stocks"), remedies: Vec::new() }, InvalidInput),
        (Error::UnknownEdition { key: s("k"), edition: s("2020"), available: s("none") }, NotFound),
        (Error::UnknownMethod { name: s("x"), known: s("sd_drop_neg") }, InvalidInput),
        (Error::Stopped { task: "the flow estimate", reason: s("it panicked") }, Internal),
        (
            crate::scenario_run::ScenarioError::Shard { folder: s("r"), k: 1, n: 2 }.into(),
            InvalidInput,
        ),
        (
            crate::scenario_run::ScenarioError::UnknownExample { name: s("x"), known: Vec::new() }
                .into(),
            NotFound,
        ),
    ]
}

#[test]
fn every_variant_has_its_kind() {
    let samples = samples();
    let mut seen = BTreeSet::new();
    for (error, kind) in &samples {
        let at = position(error);
        assert!(at < VARIANTS, "position {at} of {error:?}: raise VARIANTS");
        seen.insert(at);
        assert_eq!(error.kind(), *kind, "{error:?} ({error})");
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen.contains(i)).collect();
    assert!(missing.is_empty(), "no sample of the variants at positions {missing:?}");
}

#[test]
fn the_older_questions_agree_with_the_kind() {
    for (error, kind) in samples() {
        assert_eq!(error.is_conflict(), kind == ErrorKind::Conflict, "{error:?}");
        assert_eq!(error.exceeded_limit().is_some(), kind == ErrorKind::TooLarge, "{error:?}");
    }
}

#[tokio::test]
async fn a_panic_off_the_executor_is_an_internal_error() {
    let result: Result<(), Error> =
        crate::off_executor("a test", || panic!("a defect in the estimator")).await;
    let err = result.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Internal);
    assert!(err.to_string().contains("a defect in the estimator"), "{err}");
    let done = crate::off_executor("a test", || 6 * 7).await.unwrap();
    assert_eq!(done, 42);
}

#[test]
fn each_kind_has_its_http_status() {
    let statuses = [
        (ErrorKind::NotFound, 404),
        (ErrorKind::InvalidInput, 400),
        (ErrorKind::Conflict, 409),
        (ErrorKind::Forbidden, 403),
        (ErrorKind::TooLarge, 413),
        (ErrorKind::Unavailable, 503),
        (ErrorKind::Internal, 500),
    ];
    for (kind, status) in statuses {
        assert_eq!(kind.http_status(), status, "{kind:?}");
    }
}

#[test]
fn messages_carry_no_command_line_words() {
    for (error, _) in samples() {
        let text = error.to_string();
        for word in ["--", "coherence assess", "$USER", "(--db)"] {
            assert!(!text.contains(word), "{error:?} says {word:?}: {text}");
        }
    }
}
