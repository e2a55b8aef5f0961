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

#[cfg(test)]
mod tests {
    use super::analysis_error;
    use analysis::Error;
    use analysis::estimate::Remedy;

    #[test]
    fn the_command_line_adds_its_flags_and_commands() {
        let shown = analysis_error(&Error::MissingActor);
        assert!(shown.contains("pass --user or set $USER"), "{shown}");
        let shown = analysis_error(&Error::MissingReason { what: "register change" });
        assert!(
            shown.contains("every register change needs a reason")
                && shown.contains("; pass --reason"),
            "{shown}"
        );
        let shown = analysis_error(&Error::GravityOption {
            option: "vcov",
            value: "x".to_owned(),
            reason: "expected iid, hetero or cluster:VAR[+VAR]".to_owned(),
        });
        assert!(shown.starts_with("--vcov \"x\": expected iid"), "{shown}");
        let shown = analysis_error(&Error::NoStoredAnswers {
            country: "XAA".to_owned(),
            framework: "sdg-10.7.2".to_owned(),
            version: None,
            stored: Vec::new(),
        });
        assert!(
            shown
                .contains("coherence assess XAA --framework sdg-10.7.2 --answers FILE.csv --store"),
            "{shown}"
        );
        let shown = analysis_error(&Error::Estimate {
            message: "incomes missing; import them, drop the hosts, or skip the origins".to_owned(),
            remedies: vec![Remedy::DropHostsWithoutIncome, Remedy::SkipOriginsWithoutIncome],
        });
        assert!(
            shown.ends_with("--missing-income drop-host, --missing-income skip-origin)"),
            "{shown}"
        );
        // An error with no way out on the command line is shown as it is.
        let plain = Error::UnknownPolicy { id: "P1".to_owned() };
        assert_eq!(analysis_error(&plain), plain.to_string());
    }
}
