//! Ministries' proposed answers to a framework's questionnaire, and what the coordinator
//! makes of them.
//!
//! As in the UN inquiry behind SDG 10.7.2, one official answer is assembled from several
//! ministries: each ministry proposes an answer to the items assigned to it (with a
//! comment and evidence); the coordinator may propose for any item, and the
//! coordinator's proposal is the decision. An item's answer, when the coordinator stores
//! a version, is the decision, else the one answer all ministries propose; two
//! ministries proposing different answers, with no decision, is a conflict, and no
//! version is stored while one remains ([`Workspace::store_resolved`]). As in IOM's MGI
//! process, the government owns the result: the version then goes to sign-off.

use serde::Serialize;
pub use store::AnswerDraft;

use crate::assess::{Framework, FrameworkSource, StoreAnswersOutcome, load_framework};
use crate::{Error, Workspace};

/// The name under which a coordinator's proposal (the decision) is kept.
pub const COORDINATOR: &str = "(coordinator)";

/// The longest comment or evidence, in characters.
pub const MAX_TEXT: usize = 4000;

/// One item of the questionnaire with its proposals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemState {
    /// The domain's id.
    pub domain: String,
    /// The item's id.
    pub item: String,
    /// The ministry it is assigned to.
    pub assigned: Option<String>,
    /// The ministries' proposals, by ministry.
    pub proposals: Vec<Draft>,
    /// The coordinator's decision, if any.
    pub decision: Option<Draft>,
    /// The answer in the latest stored version.
    pub current: Option<String>,
    /// The answer a new version would store: the decision, else the ministries' common
    /// answer.
    pub resolved: Option<String>,
    /// Whether ministries propose different answers and the coordinator has not decided.
    pub conflict: bool,
}

/// A proposal as shown and served.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// The ministry (or [`COORDINATOR`]).
    pub ministry: String,
    /// The answer's level code.
    pub answer: String,
    /// Why.
    pub comment: String,
    /// What supports it.
    pub evidence: String,
    /// Who proposed it (a user id).
    pub user_id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
}

impl From<AnswerDraft> for Draft {
    fn from(d: AnswerDraft) -> Draft {
        Draft {
            ministry: d.ministry,
            answer: d.answer,
            comment: d.comment,
            evidence: d.evidence,
            user_id: d.user_id,
            at: d.at,
        }
    }
}

/// How far the questionnaire is: counts of items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Items in the framework.
    pub items: usize,
    /// Items assigned to a ministry.
    pub assigned: usize,
    /// Items with at least one proposal (or a decision).
    pub proposed: usize,
    /// Items a new version would answer (decided, or all proposals agree).
    pub resolved: usize,
    /// Items in conflict.
    pub conflicts: usize,
    /// Items answered in the latest stored version.
    pub answered: usize,
}

/// The questionnaire's items with their proposals, and its progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Questionnaire {
    /// The items, in the framework's order.
    pub items: Vec<ItemState>,
    /// The counts.
    pub progress: Progress,
}

/// The items of `framework` with `drafts`, `assignments` (item, ministry) and the
/// `latest` stored answers (item, answer).
pub fn questionnaire(
    framework: &Framework,
    drafts: &[AnswerDraft],
    assignments: &[(String, String)],
    latest: &[(String, String)],
) -> Questionnaire {
    let mut items = Vec::new();
    let mut progress = Progress::default();
    for domain in &framework.domains {
        for item in &domain.items {
            let mine = drafts.iter().filter(|d| d.item == item.id);
            let decision =
                mine.clone().find(|d| d.ministry == COORDINATOR).cloned().map(Draft::from);
            let proposals: Vec<Draft> =
                mine.filter(|d| d.ministry != COORDINATOR).cloned().map(Draft::from).collect();
            let agreed = proposals
                .first()
                .filter(|first| proposals.iter().all(|p| p.answer == first.answer))
                .map(|p| p.answer.clone());
            let conflict = decision.is_none() && !proposals.is_empty() && agreed.is_none();
            let resolved = decision.as_ref().map(|d| d.answer.clone()).or(agreed);
            let state = ItemState {
                domain: domain.id.clone(),
                item: item.id.clone(),
                assigned: assignments.iter().find(|(i, _)| *i == item.id).map(|(_, m)| m.clone()),
                current: latest.iter().find(|(i, _)| *i == item.id).map(|(_, a)| a.clone()),
                conflict,
                resolved,
                decision,
                proposals,
            };
            progress.items += 1;
            progress.assigned += usize::from(state.assigned.is_some());
            progress.proposed +=
                usize::from(state.decision.is_some() || !state.proposals.is_empty());
            progress.resolved += usize::from(state.resolved.is_some());
            progress.conflicts += usize::from(state.conflict);
            progress.answered += usize::from(state.current.is_some());
            items.push(state);
        }
    }
    Questionnaire { items, progress }
}

/// Checks a proposal of `answer` to `item` of `framework`: `Err((field, message))`
/// naming the form field (`item`, `answer`, `comment`, `evidence`) that is wrong.
pub fn check_proposal(
    framework: &Framework,
    item: &str,
    answer: &str,
    comment: &str,
    evidence: &str,
) -> Result<(), (&'static str, String)> {
    let Some((domain, it)) = framework.item(item) else {
        return Err(("item", format!("{} has no item {item:?}", framework.id)));
    };
    let scale = framework.item_scale(domain, it);
    if scale.level(answer).is_none() {
        let codes: Vec<&str> = scale.levels.iter().map(|l| l.code.as_str()).collect();
        return Err((
            "answer",
            format!("choose an answer to item {item}: {} (not {answer:?})", codes.join(", ")),
        ));
    }
    for (field, text) in [("comment", comment), ("evidence", evidence)] {
        if text.chars().count() > MAX_TEXT {
            return Err((field, format!("the {field} has at most {MAX_TEXT} characters")));
        }
    }
    Ok(())
}

impl Workspace {
    /// Every proposal for the items of the built-in framework `framework_id` in workspace
    /// `workspace_id`, by item then ministry.
    ///
    /// # Errors
    /// [`Error::UnknownFramework`], [`Error::Store`].
    pub async fn answer_drafts(
        &self,
        workspace_id: i64,
        framework_id: &str,
    ) -> Result<Vec<AnswerDraft>, Error> {
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        Ok(self.store.answer_drafts(workspace_id, &framework.id).await?)
    }

    /// Records `ministry`'s proposal of `answer` to `item` (with a comment and
    /// evidence), replacing the ministry's earlier one (returned); `reason` is the audit
    /// trail's.
    ///
    /// # Errors
    /// [`Error::UnknownFramework`], [`Error::Register`] for an unknown item, an answer not
    /// on the item's scale or a text too long, [`Error::MissingActor`] without a user,
    /// [`Error::Store`].
    #[allow(clippy::too_many_arguments, reason = "one proposal's fields")]
    pub async fn propose_answer(
        &self,
        workspace_id: i64,
        framework_id: &str,
        item: &str,
        ministry: &str,
        answer: &str,
        comment: &str,
        evidence: &str,
    ) -> Result<Option<AnswerDraft>, Error> {
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        check_proposal(&framework, item, answer, comment, evidence)
            .map_err(|(_, message)| Error::Register(message))?;
        let Some(user_id) = self.user_id else { return Err(Error::MissingActor) };
        let new = store::NewDraft {
            workspace_id,
            framework: &framework.id,
            item,
            ministry: ministry.trim(),
            answer,
            comment: comment.trim(),
            evidence: evidence.trim(),
        };
        let actor = store::Actor::user(user_id, format!("proposed answer to {item}"));
        Ok(self.store.answer_draft_put(&new, &actor).await?)
    }

    /// The questionnaire of workspace `workspace_id` (the government of `country`) for
    /// `framework_id`: its items with their proposals, assignments and latest answers.
    ///
    /// # Errors
    /// [`Error::UnknownFramework`], [`Error::UnknownArea`], [`Error::Store`].
    pub async fn questionnaire(
        &self,
        workspace_id: i64,
        country: &str,
        framework_id: &str,
    ) -> Result<(Framework, Questionnaire), Error> {
        let framework = load_framework(FrameworkSource::Builtin(framework_id))?;
        let area = self.resolve_area(country).await?;
        let drafts = self.store.answer_drafts(workspace_id, &framework.id).await?;
        let assignments = self.answer_assignments(country, &framework.id).await?;
        let latest: Vec<(String, String)> = self
            .store
            .answer_set(area.code(), &framework.id, None)
            .await?
            .map(|s| s.answers.into_iter().map(|a| (a.item, a.answer)).collect())
            .unwrap_or_default();
        let q = questionnaire(&framework, &drafts, &assignments, &latest);
        Ok((framework, q))
    }

    /// Stores the resolved answers of the questionnaire as a new version (items without
    /// a resolved answer keep the latest version's), by `user` for `reason`.
    ///
    /// # Errors
    /// [`Error::Store`] with a conflict when items are in conflict (named) or nothing is
    /// proposed; otherwise as [`Workspace::store_answer_items`].
    pub async fn store_resolved(
        &self,
        workspace_id: i64,
        country: &str,
        framework_id: &str,
        user: &str,
        reason: &str,
    ) -> Result<StoreAnswersOutcome, Error> {
        let (framework, q) = self.questionnaire(workspace_id, country, framework_id).await?;
        let conflicts: Vec<&str> =
            q.items.iter().filter(|i| i.conflict).map(|i| i.item.as_str()).collect();
        if !conflicts.is_empty() {
            return Err(Error::Store(store::Error::Conflict {
                what: format!(
                    "ministries propose different answers to {}: the coordinator decides first",
                    conflicts.join(", ")
                ),
            }));
        }
        let resolved: Vec<(String, String)> =
            q.items.into_iter().filter_map(|i| i.resolved.map(|a| (i.item, a))).collect();
        if resolved.is_empty() {
            return Err(Error::Store(store::Error::Conflict {
                what: "no answer is proposed yet: nothing to store".to_owned(),
            }));
        }
        self.store_answer_items(country, &framework.id, &resolved, true, user, reason).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(item: &str, ministry: &str, answer: &str) -> AnswerDraft {
        AnswerDraft {
            workspace_id: 1,
            framework: "sdg-10.7.2".into(),
            item: item.into(),
            ministry: ministry.into(),
            answer: answer.into(),
            comment: String::new(),
            evidence: String::new(),
            user_id: 1,
            at: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn disagreeing_ministries_conflict_until_the_coordinator_decides() {
        let f = load_framework(FrameworkSource::Builtin("sdg-10.7.2")).unwrap();
        let assigned = vec![("1a".to_owned(), "Labour".to_owned())];
        let latest = vec![("1c".to_owned(), "no".to_owned())];
        let mut drafts = vec![
            d("1a", "Health", "no"),
            d("1a", "Labour", "yes-all"),
            d("1b", "Labour", "no"),
            d("1b", "Health", "no"),
        ];
        let q = questionnaire(&f, &drafts, &assigned, &latest);
        assert_eq!(q.items.len(), 30);
        let (a, b) = (&q.items[0], &q.items[1]);
        assert!(a.conflict && a.resolved.is_none());
        assert_eq!(a.assigned.as_deref(), Some("Labour"));
        assert!(!b.conflict);
        assert_eq!(b.resolved.as_deref(), Some("no"));
        assert_eq!(q.items[2].current.as_deref(), Some("no"));
        assert_eq!(
            q.progress,
            Progress {
                items: 30,
                assigned: 1,
                proposed: 2,
                resolved: 1,
                conflicts: 1,
                answered: 1
            }
        );
        drafts.push(d("1a", COORDINATOR, "yes-regular-only"));
        let q = questionnaire(&f, &drafts, &assigned, &latest);
        assert!(!q.items[0].conflict);
        assert_eq!(q.items[0].resolved.as_deref(), Some("yes-regular-only"));
        assert_eq!(q.items[0].proposals.len(), 2);
        assert_eq!(q.progress.conflicts, 0);
        assert_eq!(q.progress.resolved, 2);
    }

    #[test]
    fn a_proposal_is_checked_against_the_items_scale() {
        let f = load_framework(FrameworkSource::Builtin("sdg-10.7.2")).unwrap();
        assert_eq!(check_proposal(&f, "1a", "yes-all", "", ""), Ok(()));
        assert_eq!(check_proposal(&f, "9z", "yes", "", "").unwrap_err().0, "item");
        // Domain 2's scale is yes/no: "yes-all" is not on it.
        assert_eq!(check_proposal(&f, "2a", "yes-all", "", "").unwrap_err().0, "answer");
        let long = "x".repeat(MAX_TEXT + 1);
        assert_eq!(check_proposal(&f, "2a", "yes", &long, "").unwrap_err().0, "comment");
        assert_eq!(check_proposal(&f, "2a", "yes", "", &long).unwrap_err().0, "evidence");
    }
}
