//! The command line's words for the application's errors.
//!
//! `analysis` (and the crates below it) say what is wrong in the terms of the data: a
//! file, a dataset, a country, a policy. How a user of this command fixes it — the
//! flag to give, the command to run — is the CLI's to say, and is added here, in one
//! place, to every error a command shows.

use analysis::UnusableStore;

/// The message of an error as the command line shows it: an [`analysis::Error`] with
/// the flag or command that helps, any other error as it is.
pub(crate) fn explain(err: &(dyn std::error::Error + 'static)) -> String {
    match err.downcast_ref::<analysis::Error>() {
        Some(e) => analysis_error(e),
        None => err.to_string(),
    }
}

/// An application error with the command line's way out.
pub(crate) fn analysis_error(err: &analysis::Error) -> String {
    use analysis::Error as E;
    match err {
        E::Unrecognised { .. } => format!("{err}; give --kind"),
        // The option is named as the flag the user typed.
        E::GravityOption { option, value, reason } => format!("--{option} {value:?}: {reason}"),
        E::UnknownFramework { .. } => format!("{err} (or give --framework-file PATH)"),
        E::NoStoredAnswers { country, framework, version: Some(_), stored }
            if !stored.is_empty() =>
        {
            format!("{err} (coherence assess {country} --framework {framework} --history)")
        }
        E::NoStoredAnswers { country, framework, .. } => format!(
            "{err}; store them with \
             `coherence assess {country} --framework {framework} --answers FILE.csv --store` \
             (a CSV file of item,answer rows; see docs/assessment.md)"
        ),
        E::MissingActor => format!("{err}; pass --user or set $USER"),
        E::MissingReason { .. } => format!("{err}; pass --reason \"...\""),
        E::NothingToEdit => format!("{err}; give --set field=value"),
        E::AmbiguousPolicy { .. } => format!("{err}; give --country"),
        E::Estimate { remedies, .. } if !remedies.is_empty() => {
            let flags: Vec<&str> = remedies.iter().map(|r| remedy_flag(*r)).collect();
            format!("{err} (options, in that order: {})", flags.join(", "))
        }
        _ => match err.unusable_store() {
            Some(UnusableStore::Newer) => {
                format!("{err}; use a newer coherence, or another store (--db)")
            }
            Some(_) => format!("{err}: give another store file (--db)"),
            None => err.to_string(),
        },
    }
}

/// The flag of `coherence estimate` that applies a remedy.
fn remedy_flag(remedy: analysis::estimate::Remedy) -> &'static str {
    use analysis::estimate::Remedy as R;
    match remedy {
        R::GiveStocks => "--stocks FILE.csv",
        R::GiveVital => "--vital FILE.csv",
        R::CompleteAreasOnly => "--complete-areas-only",
        R::ZeroVitalWhereMissing => "--zero-vital-where-missing",
        R::NoVital => "--no-vital",
        R::ZeroNativeBornWhereMissing => "--zero-native-born-where-missing",
        R::DropHostsWithoutIncome => "--missing-income drop-host",
        R::SkipOriginsWithoutIncome => "--missing-income skip-origin",
        _ => "see coherence estimate --help",
    }
}
