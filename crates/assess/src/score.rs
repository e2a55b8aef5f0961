//! Scoring a set of answers against a framework, exactly.
//!
//! For a scored framework, a domain's score is its items' points as a percentage of
//! their maximum:
//!
//! ```text
//! D = (Σ_j points_j / Σ_j max_j) · 100
//! ```
//!
//! which for SDG 10.7.2 (every item worth at most 1, five items) is the published
//! `D_i = (Σ_j s_ji / 5) · 100`. The overall score pools all items
//! ([`Overall::MeanOfItems`]) or averages the domain scores
//! ([`Overall::MeanOfDomains`]). Every figure is a [`Rational`], and a band is chosen by
//! comparing fractions: 98⅓ is "Meets", not "Fully meets", and exactly 40 or 80 is in
//! the band that starts there.
//!
//! A checklist framework is only tallied: how many items of each domain have each
//! answer. It never has a score, a band or a rank.

use std::collections::BTreeMap;

use crate::framework::{Framework, FrameworkKind, NonResponse, Overall};
use crate::{Error, Rational, Result};

/// One answer: an item id and a level code of the item's scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The item's id (e.g. `1a`).
    pub item: String,
    /// The level's code (e.g. `yes-regular-only`).
    pub answer: String,
}

/// A score and its band.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Score {
    /// The exact percentage, e.g. `295/3`.
    pub percent_exact: Rational,
    /// The same, rounded to a float for display.
    pub percent: f64,
    /// The band the exact percentage falls in, if the framework has bands.
    pub band: Option<BandResult>,
}

/// The band a score falls in.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BandResult {
    /// The band's code.
    pub code: u32,
    /// The band's label.
    pub label: String,
}

/// How many items of a domain have one answer.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LevelCount {
    /// The level's code.
    pub code: String,
    /// The level's label.
    pub label: String,
    /// The number of items with this answer.
    pub count: usize,
}

/// One item's answer and points.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ItemResult {
    /// The domain's id.
    pub domain: String,
    /// The item's id.
    pub item: String,
    /// The item's text.
    pub text: String,
    /// The answer's code, or `None` if unanswered.
    pub answer: Option<String>,
    /// The answer's label.
    pub answer_label: Option<String>,
    /// The points it is worth (`None` if unanswered).
    pub points: Option<Rational>,
    /// The item's maximum.
    pub max_points: Rational,
}

/// A domain's result.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DomainResult {
    /// The domain's id.
    pub id: String,
    /// The domain's title.
    pub title: String,
    /// Its number of items.
    pub n_items: usize,
    /// How many were answered.
    pub n_answered: usize,
    /// The score: `None` for checklists, and when non-response prevents it.
    pub score: Option<Score>,
    /// How many items have each answer (in the order of the domain's scale, then of
    /// any other scale its items use).
    pub tally: Vec<LevelCount>,
}

/// The result of scoring one set of answers. Plain data.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Assessment {
    /// The framework's id.
    pub framework: String,
    /// The framework's title.
    pub framework_title: String,
    /// Whose adaptation the framework is, if not an official instrument.
    pub adaptation: Option<String>,
    /// Scored or checklist.
    pub kind: FrameworkKind,
    /// The rule applied to unanswered items.
    pub non_response: NonResponse,
    /// One result per domain, in the framework's order.
    pub domains: Vec<DomainResult>,
    /// The overall score, if the framework has one and it could be computed.
    pub overall: Option<Score>,
    /// Every item with its answer.
    pub items: Vec<ItemResult>,
    /// The unanswered items' ids.
    pub unanswered: Vec<String>,
}

/// The band `percent` falls in: the last band starting at or below it.
fn band_of(framework: &Framework, percent: Rational) -> Option<BandResult> {
    framework
        .bands
        .iter()
        .rev()
        .find(|b| b.from_percent <= percent)
        .map(|b| BandResult { code: b.code, label: b.label.clone() })
}

fn make_score(framework: &Framework, percent: Rational) -> Score {
    Score { percent_exact: percent, percent: percent.to_f64(), band: band_of(framework, percent) }
}

/// `points / max · 100`, or `None` when `max` is zero; an error when it does not fit.
fn percent_of(
    framework: &Framework,
    what: &str,
    points: Rational,
    max: Rational,
) -> Result<Option<Rational>> {
    if max <= Rational::ZERO {
        return Ok(None);
    }
    let percent = points.checked_div(max).and_then(|r| r.checked_mul(Rational::integer(100)));
    percent.map(Some).ok_or_else(|| overflow(framework, what))
}

/// `a + b`, or an error naming what was being added when it does not fit.
fn add(framework: &Framework, what: &str, a: Rational, b: Rational) -> Result<Rational> {
    a.checked_add(b).ok_or_else(|| overflow(framework, what))
}

fn overflow(framework: &Framework, what: &str) -> Error {
    Error::Overflow { framework: framework.id.clone(), what: what.to_owned() }
}

/// Scores `answers` against `framework` (which should have been validated).
///
/// # Errors
/// [`Error::UnknownItem`], [`Error::UnknownAnswer`] or [`Error::DuplicateAnswer`].
pub fn score(framework: &Framework, answers: &[Answer]) -> Result<Assessment> {
    let mut given: BTreeMap<&str, &str> = BTreeMap::new();
    for a in answers {
        let Some((domain, item)) = framework.item(&a.item) else {
            return Err(Error::UnknownItem {
                framework: framework.id.clone(),
                item: a.item.clone(),
            });
        };
        let scale = framework.item_scale(domain, item);
        if scale.level(&a.answer).is_none() {
            return Err(Error::UnknownAnswer {
                item: a.item.clone(),
                answer: a.answer.clone(),
                allowed: scale
                    .levels
                    .iter()
                    .map(|l| l.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        if given.insert(&a.item, &a.answer).is_some() {
            return Err(Error::DuplicateAnswer { item: a.item.clone() });
        }
    }

    let scored = framework.kind == FrameworkKind::Scored;
    let mut domains = Vec::with_capacity(framework.domains.len());
    let mut items = Vec::new();
    let mut unanswered = Vec::new();
    // Pooled over all items, for Overall::MeanOfItems.
    let (mut all_points, mut all_max) = (Rational::ZERO, Rational::ZERO);
    let mut any_missing = false;
    for domain in &framework.domains {
        let (mut points, mut max) = (Rational::ZERO, Rational::ZERO);
        let what = format!("domain {}", domain.id);
        let mut n_answered = 0;
        let mut tally: Vec<LevelCount> = Vec::new();
        for item in &domain.items {
            let scale = framework.item_scale(domain, item);
            for l in &scale.levels {
                if !tally.iter().any(|t| t.code == l.code) {
                    tally.push(LevelCount {
                        code: l.code.clone(),
                        label: l.label.clone(),
                        count: 0,
                    });
                }
            }
            let level = given.get(item.id.as_str()).and_then(|code| scale.level(code));
            let item_max = scale.max_points();
            match level {
                Some(level) => {
                    n_answered += 1;
                    points = add(framework, &what, points, level.points)?;
                    max = add(framework, &what, max, item_max)?;
                    if let Some(t) = tally.iter_mut().find(|t| t.code == level.code) {
                        t.count += 1;
                    }
                }
                None => {
                    unanswered.push(item.id.clone());
                    if framework.non_response == NonResponse::CountAsZero {
                        max = add(framework, &what, max, item_max)?;
                    }
                }
            }
            items.push(ItemResult {
                domain: domain.id.clone(),
                item: item.id.clone(),
                text: item.text.clone(),
                answer: level.map(|l| l.code.clone()),
                answer_label: level.map(|l| l.label.clone()),
                points: level.map(|l| l.points),
                max_points: item_max,
            });
        }
        let missing = n_answered < domain.items.len();
        any_missing |= missing;
        all_points = add(framework, "the overall score", all_points, points)?;
        all_max = add(framework, "the overall score", all_max, max)?;
        let computable =
            scored && !(missing && framework.non_response == NonResponse::DomainNotComputed);
        let score = if computable {
            percent_of(framework, &what, points, max)?.map(|p| make_score(framework, p))
        } else {
            None
        };
        domains.push(DomainResult {
            id: domain.id.clone(),
            title: domain.title.clone(),
            n_items: domain.items.len(),
            n_answered,
            score,
            tally,
        });
    }

    let blocked = any_missing && framework.non_response == NonResponse::DomainNotComputed;
    let overall = match framework.overall {
        _ if !scored || blocked => None,
        Overall::None => None,
        Overall::MeanOfItems => percent_of(framework, "the overall score", all_points, all_max)?
            .map(|p| make_score(framework, p)),
        Overall::MeanOfDomains => {
            let percents: Option<Vec<Rational>> =
                domains.iter().map(|d| d.score.as_ref().map(|s| s.percent_exact)).collect();
            match percents.filter(|p| !p.is_empty()) {
                None => None,
                Some(p) => {
                    let n = i64::try_from(p.len()).unwrap_or(i64::MAX);
                    let what = "the overall score";
                    let sum = p
                        .into_iter()
                        .try_fold(Rational::ZERO, |a, b| add(framework, what, a, b))?;
                    let mean = sum
                        .checked_div(Rational::integer(n))
                        .ok_or_else(|| overflow(framework, what))?;
                    Some(make_score(framework, mean))
                }
            }
        }
    };

    Ok(Assessment {
        framework: framework.id.clone(),
        framework_title: framework.title.clone(),
        adaptation: framework.adaptation.clone(),
        kind: framework.kind,
        non_response: framework.non_response,
        domains,
        overall,
        items,
        unanswered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::tests::sdg_10_7_2;

    /// Answers giving each domain the listed items; `1` → yes (yes-all in domain 1),
    /// `h` → yes-regular-only (½), `0` → no. Strings of 5 characters per domain.
    fn answers(domains: [&str; 6]) -> Vec<Answer> {
        let mut out = Vec::new();
        for (d, pattern) in domains.iter().enumerate() {
            for (i, c) in pattern.chars().enumerate() {
                let answer = match (d, c) {
                    (0, '1') => "yes-all",
                    (0, 'h') => "yes-regular-only",
                    (_, '1') => "yes",
                    (_, '0') => "no",
                    _ => panic!("bad pattern"),
                };
                let letter = char::from(b'a' + u8::try_from(i).unwrap());
                out.push(Answer { item: format!("{}{letter}", d + 1), answer: answer.into() });
            }
        }
        out
    }

    fn run(domains: [&str; 6]) -> Assessment {
        score(&sdg_10_7_2(), &answers(domains)).unwrap()
    }

    fn domain(a: &Assessment, i: usize) -> (Rational, u32) {
        let s = a.domains[i].score.as_ref().unwrap();
        (s.percent_exact, s.band.as_ref().unwrap().code)
    }

    fn overall(a: &Assessment) -> (Rational, u32) {
        let s = a.overall.as_ref().unwrap();
        (s.percent_exact, s.band.as_ref().unwrap().code)
    }

    const R: fn(i64) -> Rational = Rational::integer;

    // The derived test vectors of FRAMEWORKS.md §4.1, one test each.

    #[test]
    fn all_items_yes_is_fully_meets_everywhere() {
        let a = run(["11111"; 6]);
        for i in 0..6 {
            assert_eq!(domain(&a, i), (R(100), 4));
        }
        assert_eq!(overall(&a), (R(100), 4));
        assert_eq!(a.overall.as_ref().unwrap().band.as_ref().unwrap().label, "Fully meets");
    }

    #[test]
    fn domain_1_with_halves_is_60_partially_meets() {
        let a = run(["1hh10", "11111", "11111", "11111", "11111", "11111"]);
        assert_eq!(domain(&a, 0), (R(60), 2));
    }

    #[test]
    fn domain_1_four_yes_and_a_half_is_90_meets() {
        let a = run(["1111h", "11111", "11111", "11111", "11111", "11111"]);
        assert_eq!(domain(&a, 0), (R(90), 3));
    }

    #[test]
    fn band_edges_are_inclusive_in_every_domain() {
        for d in 0..6 {
            let mut pattern = ["11111"; 6];
            pattern[d] = "11110";
            assert_eq!(domain(&run(pattern), d), (R(80), 3), "4 of 5, domain {}", d + 1);
            pattern[d] = "01010";
            assert_eq!(domain(&run(pattern), d), (R(40), 2), "2 of 5, domain {}", d + 1);
            pattern[d] = "00100";
            assert_eq!(domain(&run(pattern), d), (R(20), 1), "1 of 5, domain {}", d + 1);
        }
    }

    #[test]
    fn domain_scores_100_to_0_average_50() {
        let a = run(["11111", "11110", "11100", "11000", "10000", "00000"]);
        let expected = [100, 80, 60, 40, 20, 0];
        for (i, e) in expected.iter().enumerate() {
            assert_eq!(domain(&a, i).0, R(*e));
        }
        assert_eq!(overall(&a), (R(50), 2));
    }

    #[test]
    fn twenty_four_of_thirty_is_80_meets() {
        let a = run(["11110", "11110", "11110", "11110", "11110", "11110"]);
        assert_eq!(overall(&a), (R(80), 3));
    }

    #[test]
    fn twenty_nine_and_a_half_is_meets_not_fully_meets() {
        let a = run(["1111h", "11111", "11111", "11111", "11111", "11111"]);
        assert_eq!(overall(&a), (Rational::new(295, 3), 3));
        assert!((a.overall.unwrap().percent - 98.333_333).abs() < 1e-5);
    }

    // METHODS.md §5.2's constructed vectors.
    #[test]
    fn methods_5_2_vectors() {
        assert_eq!(
            domain(&run(["11111", "11101", "11111", "11111", "11111", "11111"]), 1),
            (R(80), 3)
        );
        assert_eq!(
            domain(&run(["1h010", "11111", "11111", "11111", "11111", "11111"]), 0),
            (R(50), 2)
        );
    }

    #[test]
    fn non_response_leaves_the_domain_and_overall_uncomputed() {
        let mut given = answers(["11111"; 6]);
        given.retain(|a| a.item != "3c");
        let a = score(&sdg_10_7_2(), &given).unwrap();
        assert!(a.domains[2].score.is_none());
        assert_eq!(a.domains[2].n_answered, 4);
        assert!(a.domains[0].score.is_some());
        assert!(a.overall.is_none());
        assert_eq!(a.unanswered, ["3c"]);
    }

    #[test]
    fn other_non_response_rules() {
        let mut f = sdg_10_7_2();
        let mut given = answers(["11111"; 6]);
        given.retain(|a| a.item != "3c");
        f.non_response = NonResponse::ExcludeItem;
        let a = score(&f, &given).unwrap();
        assert_eq!(domain(&a, 2), (R(100), 4));
        f.non_response = NonResponse::CountAsZero;
        let a = score(&f, &given).unwrap();
        assert_eq!(domain(&a, 2), (R(80), 3));
        assert_eq!(overall(&a).0, Rational::new(290, 3));
    }

    #[test]
    fn bad_answers_are_refused() {
        let f = sdg_10_7_2();
        let one =
            |item: &str, answer: &str| vec![Answer { item: item.into(), answer: answer.into() }];
        assert!(matches!(score(&f, &one("7a", "yes")), Err(Error::UnknownItem { .. })));
        // Domain 2 has no half answer.
        assert!(matches!(
            score(&f, &one("2a", "yes-regular-only")),
            Err(Error::UnknownAnswer { .. })
        ));
        let mut twice = one("2a", "yes");
        twice.extend(one("2a", "no"));
        assert!(matches!(score(&f, &twice), Err(Error::DuplicateAnswer { .. })));
    }

    #[test]
    fn a_checklist_only_tallies() {
        let mut f = sdg_10_7_2();
        f.kind = FrameworkKind::Checklist;
        f.bands.clear();
        f.overall = Overall::None;
        let a =
            score(&f, &answers(["1h010", "11111", "11111", "11111", "11111", "11111"])).unwrap();
        assert!(a.overall.is_none());
        assert!(a.domains.iter().all(|d| d.score.is_none()));
        let counts: Vec<usize> = a.domains[0].tally.iter().map(|t| t.count).collect();
        assert_eq!(counts, [2, 1, 2]);
    }
}
