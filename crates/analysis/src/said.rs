//! What the analysis says in sentences — a profile's data gaps, the corridor checks'
//! statements — kept as a message of `analysis.ftl` with its arguments, so that every
//! front end words it in its reader's language ([`Said::in_lang`]). The English
//! wording is kept beside ([`Said::text`]) for the outputs that have no language
//! (JSON, logs) and for tests.
//!
//! Arguments stay what they are until they are worded: a country keeps its code and
//! English name (each language names it from the UN's list), a year is never grouped,
//! a nested message is worded in the same language, and a dataset's title (a proper
//! name) stays as its publisher wrote it.

use i18n::{Arg, Lang};
use serde::Serialize;
use serde::ser::SerializeMap;

/// A sentence of the analysis: a message of `analysis.ftl` and its arguments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Said {
    /// The message's key, e.g. `gap-not-loaded` (stable: front ends may map it).
    pub code: &'static str,
    /// The message's arguments, by name.
    #[serde(serialize_with = "args_map")]
    pub args: Vec<(&'static str, Term)>,
    /// The sentence in English.
    pub text: String,
}

/// An argument of a [`Said`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Term {
    /// A text kept as it is in every language: a code, an identifier, a dataset's title.
    Text(String),
    /// A count (chooses the message's plural forms).
    Count(usize),
    /// A number written by the language's conventions, with at most `decimals`.
    Number {
        /// The value.
        value: f64,
        /// The decimals written.
        decimals: usize,
    },
    /// A year, never grouped.
    Year(i32),
    /// A country or area, named in the reader's language.
    Country {
        /// ISO alpha-3 code.
        iso3: String,
        /// The stored (English) name.
        name: String,
    },
    /// Another message, worded in the same language.
    Said(Box<Said>),
    /// Items worded one by one and joined by a separator of `analysis.ftl`
    /// (`analysis-list-separator`, `analysis-or`, `analysis-and`, `analysis-comma`).
    Joined {
        /// The separator's message key.
        by: &'static str,
        /// The items.
        items: Vec<Term>,
    },
}

fn args_map<S: serde::Serializer>(
    args: &[(&'static str, Term)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(args.len()))?;
    for (name, value) in args {
        map.serialize_entry(name, value)?;
    }
    map.end()
}

impl Said {
    /// The message `code` with `args`, its English wording computed once.
    pub fn new(code: &'static str, args: Vec<(&'static str, Term)>) -> Said {
        let mut said = Said { code, args, text: String::new() };
        said.text = said.in_lang(Lang::En);
        said
    }

    /// The message `code` without arguments.
    pub fn plain(code: &'static str) -> Said {
        Said::new(code, Vec::new())
    }

    /// The sentence in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg<'_>)> =
            self.args.iter().map(|(name, value)| (*name, value.arg(lang))).collect();
        lang.messages().format(self.code, &args)
    }
}

impl Term {
    /// A text argument.
    pub fn text(text: impl Into<String>) -> Term {
        Term::Text(text.into())
    }

    /// A country argument.
    pub fn country(iso3: impl Into<String>, name: impl Into<String>) -> Term {
        Term::Country { iso3: iso3.into(), name: name.into() }
    }

    /// A nested message argument.
    pub fn said(said: Said) -> Term {
        Term::Said(Box::new(said))
    }

    /// A number written with as few decimals as it needs (at most 6): a threshold.
    pub fn trimmed(value: f64) -> Term {
        let decimals = (0..6).find(|&d| {
            let scale = 10f64.powi(d as i32);
            ((value * scale).round() / scale - value).abs() < 1e-9
        });
        Term::Number { value, decimals: decimals.unwrap_or(6) }
    }

    /// Items joined as a list ("a; b").
    pub fn list(items: Vec<Term>) -> Term {
        Term::Joined { by: "analysis-list-separator", items }
    }

    /// Alternatives ("a or b").
    pub fn either(items: Vec<Term>) -> Term {
        Term::Joined { by: "analysis-or", items }
    }

    /// Conditions that all hold ("a and b").
    pub fn all(items: Vec<Term>) -> Term {
        Term::Joined { by: "analysis-and", items }
    }

    /// Parts of one description ("a, b").
    pub fn parts(items: Vec<Term>) -> Term {
        Term::Joined { by: "analysis-comma", items }
    }

    fn arg(&self, lang: Lang) -> Arg<'static> {
        match self {
            Term::Count(n) => Arg::from(*n),
            Term::Number { value, decimals } => Arg::Number(*value, *decimals),
            other => Arg::from(other.words(lang)),
        }
    }

    /// The value as text in `lang`.
    fn words(&self, lang: Lang) -> String {
        match self {
            Term::Text(text) => text.clone(),
            Term::Count(n) => i18n::number::integer(lang, *n as f64),
            Term::Number { value, decimals } => i18n::number::decimal(lang, *value, *decimals),
            Term::Year(year) => year.to_string(),
            Term::Country { iso3, name } => lang.country_in_text(iso3, name),
            Term::Said(said) => said.in_lang(lang),
            Term::Joined { by, items } => {
                let separator = lang.messages().text(by);
                let words: Vec<String> = items.iter().map(|v| v.words(lang)).collect();
                words.join(&separator)
            }
        }
    }
}

/// The message key of a stage of the migration cycle (the brief and the workspace's
/// pages name stages with it).
pub fn stage_key(stage: domain::policy::Stage) -> &'static str {
    use domain::policy::Stage;
    match stage {
        Stage::BeforeDeparture => "ws-stage-before-departure",
        Stage::RecruitmentDeparture => "ws-stage-recruitment-departure",
        Stage::StayAbroad => "ws-stage-stay-abroad",
        Stage::ReturnReintegration => "ws-stage-return-reintegration",
    }
}

/// The message key of a stage as a rule or finding names it in running text (its
/// identifier in English, `before-departure`).
pub fn stage_in_text_key(stage: domain::policy::Stage) -> &'static str {
    use domain::policy::Stage;
    match stage {
        Stage::BeforeDeparture => "check-stage-before-departure",
        Stage::RecruitmentDeparture => "check-stage-recruitment-departure",
        Stage::StayAbroad => "check-stage-stay-abroad",
        Stage::ReturnReintegration => "check-stage-return-reintegration",
    }
}

/// The message key of a policy's status.
pub fn status_key(status: domain::policy::PolicyStatus) -> &'static str {
    use domain::policy::PolicyStatus;
    match status {
        PolicyStatus::Planned => "ws-status-planned",
        PolicyStatus::Active => "ws-status-active",
        PolicyStatus::Suspended => "ws-status-suspended",
        PolicyStatus::Ended => "ws-status-ended",
    }
}

/// The message key of a corridor finding's severity (`high`, `medium`, `low`); none for
/// another code.
pub fn severity_key(code: &str) -> Option<&'static str> {
    match code {
        "high" => Some("check-severity-high"),
        "medium" => Some("check-severity-medium"),
        "low" => Some("check-severity-low"),
        _ => None,
    }
}

/// The message key of a level of coherence (`institutional`, `working`,
/// `between-countries`); none for another code.
pub fn level_key(code: &str) -> Option<&'static str> {
    match code {
        "institutional" => Some("check-level-institutional"),
        "working" => Some("check-level-working"),
        "between-countries" => Some("check-level-between-countries"),
        _ => None,
    }
}

/// The message key naming an indicator in tables and charts — a corridor's figures, a
/// channel or skill level of deployments, a category of inflows; none for the others
/// (their titles are shown).
pub fn indicator_key(code: &str) -> Option<&'static str> {
    Some(match code {
        "migrant_stock" => "ind-migrant-stock",
        "deployments" => "ind-deployments",
        "bilateral_remittances_usd" => "ind-bilateral-remittances",
        "remittance_cost_200_pct" => "ind-remittance-cost-200",
        "health_workers_abroad" => "ind-health-workers-abroad",
        "health_workers_home" => "ind-health-workers-home",
        "physicians_per_1000" => "ind-physicians-per-1000",
        "deployments_agency" => "ind-deployments-agency",
        "deployments_individual" => "ind-deployments-individual",
        "deployments_g2g" => "ind-deployments-g2g",
        "deployments_reentry" => "ind-deployments-reentry",
        "deployments_skilled" => "ind-deployments-skilled",
        "deployments_low_skilled" => "ind-deployments-low-skilled",
        "temporary_inflow_seasonal" => "ind-temporary-inflow-seasonal",
        "temporary_inflow_working_holiday" => "ind-temporary-inflow-working-holiday",
        "temporary_inflow_intra_company" => "ind-temporary-inflow-intra-company",
        "temporary_inflow_trainees" => "ind-temporary-inflow-trainees",
        "temporary_inflow_other_workers" => "ind-temporary-inflow-other-workers",
        "temporary_inflow_students" => "ind-temporary-inflow-students",
        "permanent_inflow_work" => "ind-permanent-inflow-work",
        "permanent_inflow_accompanying_family" => "ind-permanent-inflow-accompanying-family",
        "permanent_inflow_family" => "ind-permanent-inflow-family",
        "permanent_inflow_humanitarian" => "ind-permanent-inflow-humanitarian",
        "permanent_inflow_free_movement" => "ind-permanent-inflow-free-movement",
        "permanent_inflow_other" => "ind-permanent-inflow-other",
        _ => return None,
    })
}

/// An indicator's name in `lang`: its message where it has one, else its code.
pub fn indicator_name(lang: Lang, code: &str) -> String {
    indicator_key(code).map_or_else(|| code.to_owned(), |k| lang.messages().text(k))
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_worded_in_each_language_from_its_arguments() {
        let said = Said::new(
            "gap-answers",
            vec![("country", Term::country("FRA", "France")), ("framework", Term::text("x"))],
        );
        assert!(said.text.contains("France"), "{}", said.text);
        assert!(said.in_lang(Lang::Es).contains("Francia"), "{}", said.in_lang(Lang::Es));
        assert!(!said.in_lang(Lang::Fr).contains("(la)"), "{}", said.in_lang(Lang::Fr));
        let json = serde_json::to_string(&said).unwrap();
        assert!(json.starts_with(r#"{"code":"gap-answers","args":{"country":{"type":"country""#));
    }

    #[test]
    fn lists_and_nested_messages_follow_the_language() {
        let said = Said::new(
            "gap-not-loaded",
            vec![
                ("topic", Term::said(Said::plain("gap-topic-population"))),
                ("source", Term::said(Said::plain("gap-source-population"))),
            ],
        );
        assert!(said.text.starts_with("Population"), "{}", said.text);
        assert!(said.in_lang(Lang::Fr).starts_with("Population"), "{}", said.in_lang(Lang::Fr));
        let list = Term::list(vec![Term::Year(2020), Term::Year(2024)]);
        assert_eq!(list.words(Lang::En), "2020; 2024");
        let either = Term::either(vec![Term::text("a"), Term::text("b")]);
        assert_eq!(either.words(Lang::Es), "a o b");
        assert_eq!(Term::trimmed(0.5).words(Lang::Fr), "0,5");
        assert_eq!(Term::trimmed(5.0).words(Lang::En), "5");
    }
}
