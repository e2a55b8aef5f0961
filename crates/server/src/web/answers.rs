//! The assessment questionnaires of a government workspace (SDG 10.7.2, the PCMD-style
//! dashboards, the MGI-style checklist): which ministry answers which item, each
//! ministry's proposed answer with its comment and evidence, conflicts between
//! ministries, the coordinator's decision, the versions stored, their sign-off, and what
//! changed between two versions.
//!
//! Every figure is the framework's own (SDG 10.7.2's exact score and band); a checklist
//! is tallied, never scored; nothing is ranked. The pages call the API's functions
//! (`routes::answers`), so they decide nothing the API does not.

use std::collections::{BTreeMap, HashMap};

use analysis::assess::{Assessment, Framework, FrameworkKind, Score};
use analysis::drafts::{COORDINATOR, Draft, ItemState, Questionnaire};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use report::html;
use report::html::Html;
use serde::Deserialize;
use store::Role;

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::answers::{
    AssignBody, Pair, ProposeBody, VersionInfo, assign_items, comparison, framework_list,
    propose_answer, questionnaire, sign_off, store_resolved, stored_version, version_list,
};
use crate::web::form::{Control, Field, form, notice, problem};
use crate::web::layout::{Page, Section, Tab, workspace_header};
use crate::web::{PageResult, Pages, Visitor, WebForm, WebQuery, see_other, url_encode};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-ans-title");
    pub(crate) const INTRO: Msg = Msg("web-ans-intro");
    pub(crate) const FRAMEWORKS: Msg = Msg("web-ans-frameworks");
    pub(crate) const KIND: Msg = Msg("web-ans-kind");
    pub(crate) const SCORED: Msg = Msg("web-ans-scored");
    pub(crate) const CHECKLIST: Msg = Msg("web-ans-checklist");
    pub(crate) const LATEST: Msg = Msg("web-ans-latest");
    pub(crate) const NONE_STORED: Msg = Msg("web-ans-none-stored");
    pub(crate) const SIGNED: Msg = Msg("web-ans-signed");
    pub(crate) const NOT_SIGNED: Msg = Msg("web-ans-not-signed");
    pub(crate) const ADAPTATION: Msg = Msg("web-ans-adaptation");
    pub(crate) const ITEMS: Msg = Msg("web-ans-items");
    pub(crate) const ASSIGNED: Msg = Msg("web-ans-assigned");
    pub(crate) const PROPOSED: Msg = Msg("web-ans-proposed");
    pub(crate) const CONFLICTS: Msg = Msg("web-ans-conflicts");
    pub(crate) const ANSWERED: Msg = Msg("web-ans-answered");
    pub(crate) const PROGRESS_LABEL: Msg = Msg("web-ans-progress-label");
    pub(crate) const OF: Msg = Msg("web-ans-of");
    pub(crate) const VERSIONS: Msg = Msg("web-ans-versions");
    pub(crate) const SCORE: Msg = Msg("web-ans-score");
    pub(crate) const OVERALL: Msg = Msg("web-ans-overall");
    pub(crate) const DOMAIN: Msg = Msg("web-ans-domain");
    pub(crate) const N_ANSWERED: Msg = Msg("web-ans-n-answered");
    pub(crate) const BAND: Msg = Msg("web-ans-band");
    pub(crate) const PERCENT: Msg = Msg("web-ans-percent");
    pub(crate) const NOT_COMPUTED: Msg = Msg("web-ans-not-computed");
    pub(crate) const TALLY: Msg = Msg("web-ans-tally");
    pub(crate) const ITEM: Msg = Msg("web-ans-item");
    pub(crate) const ASSIGNED_TO: Msg = Msg("web-ans-assigned-to");
    pub(crate) const NOBODY: Msg = Msg("web-ans-nobody");
    pub(crate) const CURRENT: Msg = Msg("web-ans-current");
    pub(crate) const UNANSWERED: Msg = Msg("web-ans-unanswered");
    pub(crate) const CONFLICT: Msg = Msg("web-ans-conflict");
    pub(crate) const DECIDED: Msg = Msg("web-ans-decided");
    pub(crate) const AGREED: Msg = Msg("web-ans-agreed");
    pub(crate) const PROPOSALS: Msg = Msg("web-ans-proposals");
    pub(crate) const NO_PROPOSAL: Msg = Msg("web-ans-no-proposal");
    pub(crate) const MINISTRY: Msg = Msg("web-ans-ministry");
    pub(crate) const ANSWER: Msg = Msg("web-ans-answer");
    pub(crate) const COMMENT: Msg = Msg("web-ans-comment");
    pub(crate) const EVIDENCE: Msg = Msg("web-ans-evidence");
    pub(crate) const EVIDENCE_HINT: Msg = Msg("web-ans-evidence-hint");
    pub(crate) const BY: Msg = Msg("web-ans-by");
    pub(crate) const WHEN: Msg = Msg("web-ans-when");
    pub(crate) const COORDINATOR_NAME: Msg = Msg("web-ans-coordinator-name");
    pub(crate) const CHOOSE: Msg = Msg("web-ans-choose");
    pub(crate) const PROPOSE: Msg = Msg("web-ans-propose");
    pub(crate) const DECIDE: Msg = Msg("web-ans-decide");
    pub(crate) const DECIDE_SUMMARY: Msg = Msg("web-ans-decide-summary");
    pub(crate) const PROPOSE_SUMMARY: Msg = Msg("web-ans-propose-summary");
    pub(crate) const DECIDE_HINT: Msg = Msg("web-ans-decide-hint");
    pub(crate) const NOT_YOURS: Msg = Msg("web-ans-not-yours");
    pub(crate) const NOT_YOURS_END: Msg = Msg("web-ans-not-yours-end");
    pub(crate) const UNASSIGNED: Msg = Msg("web-ans-unassigned");
    pub(crate) const READ_ONLY: Msg = Msg("web-ans-read-only");
    pub(crate) const COORDINATION: Msg = Msg("web-ans-coordination");
    pub(crate) const STORE: Msg = Msg("web-ans-store");
    pub(crate) const STORE_HINT: Msg = Msg("web-ans-store-hint");
    pub(crate) const STORE_BLOCKED: Msg = Msg("web-ans-store-blocked");
    pub(crate) const REASON: Msg = Msg("web-ans-reason");
    pub(crate) const ASSIGN_REASON: Msg = Msg("web-ans-assign-reason");
    pub(crate) const ASSIGN: Msg = Msg("web-ans-assign");
    pub(crate) const ASSIGN_ITEM: Msg = Msg("web-ans-assign-item");
    pub(crate) const ASSIGN_MINISTRY: Msg = Msg("web-ans-assign-ministry");
    pub(crate) const ASSIGN_HINT: Msg = Msg("web-ans-assign-hint");
    pub(crate) const ASSIGN_SUBMIT: Msg = Msg("web-ans-assign-submit");
    pub(crate) const DONE_PROPOSED: Msg = Msg("web-ans-done-proposed");
    pub(crate) const DONE_ASSIGNED: Msg = Msg("web-ans-done-assigned");
    pub(crate) const DONE_STORED: Msg = Msg("web-ans-done-stored");
    pub(crate) const DONE_UNCHANGED: Msg = Msg("web-ans-done-unchanged");
    pub(crate) const DONE_SIGNED: Msg = Msg("web-ans-done-signed");
    pub(crate) const VERSION: Msg = Msg("web-ans-version");
    pub(crate) const STORED_AT: Msg = Msg("web-ans-stored-at");
    pub(crate) const STORED_BY: Msg = Msg("web-ans-stored-by");
    pub(crate) const WHY: Msg = Msg("web-ans-why");
    pub(crate) const SIGNOFF: Msg = Msg("web-ans-signoff");
    pub(crate) const SIGN: Msg = Msg("web-ans-sign");
    pub(crate) const NOTE: Msg = Msg("web-ans-note");
    pub(crate) const SIGNED_BY: Msg = Msg("web-ans-signed-by");
    pub(crate) const ON: Msg = Msg("web-ans-on");
    pub(crate) const NO_VERSION: Msg = Msg("web-ans-no-version");
    pub(crate) const SIGNED_READ_ONLY: Msg = Msg("web-ans-signed-read-only");
    pub(crate) const COMPARE: Msg = Msg("web-ans-compare");
    pub(crate) const FROM: Msg = Msg("web-ans-from");
    pub(crate) const TO: Msg = Msg("web-ans-to");
    pub(crate) const COMPARE_SUBMIT: Msg = Msg("web-ans-compare-submit");
    pub(crate) const COMPARE_TITLE: Msg = Msg("web-ans-compare-title");
    pub(crate) const CHANGED: Msg = Msg("web-ans-changed");
    pub(crate) const NOTHING_CHANGED: Msg = Msg("web-ans-nothing-changed");
    pub(crate) const SCORES: Msg = Msg("web-ans-scores");
    pub(crate) const CHANGE: Msg = Msg("web-ans-change");
    pub(crate) const TALLIES: Msg = Msg("web-ans-tallies");
    pub(crate) const BACK: Msg = Msg("web-ans-back");
    pub(crate) const TO_VERSIONS: Msg = Msg("web-ans-to-versions");
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/w/{id}/answers", list)
        .get("/w/{id}/answers/{framework}", questionnaire_page)
        .post("/w/{id}/answers/{framework}/drafts", propose)
        .post("/w/{id}/answers/{framework}/assignments", assign)
        .post("/w/{id}/answers/{framework}/versions", store_version)
        .get("/w/{id}/answers/{framework}/versions", versions_page)
        .post("/w/{id}/answers/{framework}/versions/{version}/signoff", signoff)
        .get("/w/{id}/answers/{framework}/compare", compare_page)
}

/// `2026-12-07T08:01:02.123Z` as `2026-12-07 08:01`.
fn when(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

/// A score: the percentage (two decimals, the exact fraction beside it) and its band.
fn score_html(score: Option<&Score>) -> Html {
    match score {
        None => html!("<span class=\"muted\">{}</span>", text::NOT_COMPUTED),
        Some(s) => {
            let band = match &s.band {
                Some(b) => html!(" — {} {}: {}", text::BAND, b.code, b.label),
                None => Html::new(),
            };
            html!(
                "<strong data-percent-exact=\"{}\">{}</strong> <span class=\"muted\">({})</span>{}",
                s.percent_exact.to_string(),
                format!("{:.2}", s.percent),
                s.percent_exact.to_string(),
                band
            )
        }
    }
}

/// The label of `code` on the scale of `item`, or the code.
fn answer_label(f: &Framework, item: &str, code: &str) -> String {
    f.item(item)
        .and_then(|(d, i)| f.item_scale(d, i).level(code))
        .map_or_else(|| code.to_owned(), |l| l.label.clone())
}

/// The names of users by id, for "who".
async fn user_names(state: &AppState) -> PageResult<HashMap<i64, String>> {
    Ok(state.store().users().await?.into_iter().map(|u| (u.id, u.display_name)).collect())
}

/// The list: each framework's progress, latest version and sign-off.
async fn list(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    let mut cards = Vec::new();
    for f in framework_list()? {
        let (_, _, q) = questionnaire(&state, &caller, id, &f.id).await?;
        let versions = version_list(&state, &caller, id, &f.id).await?;
        let latest = match versions.last() {
            Some(v) => {
                let signed = if v.signoff.is_some() {
                    html!("<span class=\"badge good\">{}</span>", text::SIGNED)
                } else {
                    html!("<span class=\"badge\">{}</span>", text::NOT_SIGNED)
                };
                html!("{} {} ({}) {}", text::VERSION, v.version, when(&v.stored_at), signed)
            }
            None => html!("<span class=\"muted\">{}</span>", text::NONE_STORED),
        };
        let kind = if f.kind == "checklist" { text::CHECKLIST } else { text::SCORED };
        let adaptation = match &f.adaptation {
            Some(a) => html!("<p class=\"muted\">{}: {}</p>", text::ADAPTATION, a),
            None => Html::new(),
        };
        cards.push(html!(
            "<li><h2 class=\"card-title\"><a href=\"/w/{}/answers/{}\">{}</a></h2>{}\
             <p>{}: {}</p>{}<p>{}: {}</p></li>",
            id,
            url_encode(&f.id),
            f.title,
            adaptation,
            text::KIND,
            kind,
            progress_html(&q, &f.id),
            text::LATEST,
            latest
        ));
    }
    let body = html!(
        "{}<p>{}</p><h2>{}</h2><ul class=\"cards\">{}</ul>",
        workspace_header(&access.workspace, Tab::Answers, &text::TITLE.text()),
        text::INTRO,
        text::FRAMEWORKS,
        cards.into_iter().collect::<Html>()
    );
    Ok(Page::new(text::TITLE, &caller, Section::Home).body(body).response())
}

/// The counts and a progress bar (with its text) of a questionnaire.
fn progress_html(q: &Questionnaire, key: &str) -> Html {
    let p = q.progress;
    let conflicts = if p.conflicts > 0 {
        html!(" <span class=\"badge bad\">{} {}</span>", p.conflicts, text::CONFLICTS)
    } else {
        Html::new()
    };
    html!(
        "<p><label for=\"progress-{}\">{}</label>: <progress id=\"progress-{}\" max=\"{}\" value=\"{}\">{} {} {}</progress> \
         {} {} {}</p><p class=\"muted\">{} {} · {} {} · {} {} · {} {}{}</p>",
        key,
        text::PROGRESS_LABEL,
        key,
        p.items,
        p.resolved,
        p.resolved,
        text::OF,
        p.items,
        p.resolved,
        text::OF,
        p.items,
        p.items,
        text::ITEMS,
        p.assigned,
        text::ASSIGNED,
        p.proposed,
        text::PROPOSED,
        p.answered,
        text::ANSWERED,
        conflicts
    )
}

/// What a page shows after a post: a notice (`done`), or an error about one item's form
/// (`item`) or a coordinator's form.
#[derive(Default, Deserialize)]
struct Done {
    done: Option<String>,
}

/// Where an error of a post belongs on the questionnaire page.
enum Failed<'a> {
    /// The proposal form of this item.
    Item(&'a str, &'a ApiError),
    /// A form of the coordinator's panel.
    Panel(&'a ApiError),
}

async fn questionnaire_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, framework)): Path<(i64, String)>,
    WebQuery(q): WebQuery<Done>,
) -> PageResult {
    let done = match q.done.as_deref() {
        Some("proposed") => Some(text::DONE_PROPOSED),
        Some("assigned") => Some(text::DONE_ASSIGNED),
        _ => None,
    };
    render_questionnaire(&state, &caller, id, &framework, done.map(|m| m.text()).as_deref(), None)
        .await
}

/// The questionnaire page, with a notice or the error of a post.
async fn render_questionnaire(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    done: Option<&str>,
    failed: Option<Failed<'_>>,
) -> PageResult {
    let (access, f, q) = questionnaire(state, caller, id, framework).await?;
    let names = user_names(state).await?;
    let latest = match stored_version(state, caller, id, &f.id, None).await {
        Ok(v) => Some(v),
        Err(e) if e.kind == crate::Kind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    let score = match &latest {
        Some(v) => {
            html!(
                "<h2>{}</h2><p>{} {} · <a href=\"/w/{}/answers/{}/versions\">{}</a></p>{}",
                text::SCORE,
                text::VERSION,
                v.answers.version,
                id,
                url_encode(&f.id),
                text::TO_VERSIONS,
                assessment_html(&v.assessment, "latest")
            )
        }
        None => html!(
            "<h2>{}</h2><p class=\"muted\">{} · <a href=\"/w/{}/answers/{}/versions\">{}</a></p>",
            text::SCORE,
            text::NO_VERSION,
            id,
            url_encode(&f.id),
            text::TO_VERSIONS
        ),
    };
    let (item_error, panel_error) = match failed {
        Some(Failed::Item(item, e)) => (Some((item, e)), None),
        Some(Failed::Panel(e)) => (None, Some(e)),
        None => (None, None),
    };
    let panel = if access.role == Some(Role::Coordinator) {
        coordinator_panel(id, &f, &q, panel_error)
    } else {
        Html::new()
    };
    let mut domains = Html::new();
    for d in &f.domains {
        let question = d.question.as_ref().map(|t| html!("<p>{}</p>", t)).unwrap_or_default();
        let items: Html = q
            .items
            .iter()
            .filter(|i| i.domain == d.id)
            .map(|i| {
                let err = item_error.filter(|(item, _)| *item == i.item).map(|(_, e)| e);
                item_html(&access, id, &f, i, &names, err)
            })
            .collect();
        domains.push(html!(
            "<section><h2>{} {}</h2>{}{}</section>",
            d.id,
            d.title,
            question,
            items
        ));
    }
    let body = html!(
        "{}{}<p class=\"muted\">{}</p>{}{}{}{}",
        workspace_header(&access.workspace, Tab::Answers, &f.title),
        done.map(notice).unwrap_or_default(),
        f.source,
        progress_html(&q, "this"),
        score,
        panel,
        domains
    );
    let status =
        panel_error.or(item_error.map(|(_, e)| e)).map_or(StatusCode::OK, |e| e.kind.status());
    Ok((status, Page::new(&f.title, caller, Section::Home).body(body).response()).into_response())
}

/// A score's overall figure and its domains (a scored framework), or the tallies of its
/// answers (a checklist: never a score).
fn assessment_html(a: &Assessment, key: &str) -> Html {
    if a.kind == FrameworkKind::Checklist {
        return tally_html(a, key);
    }
    let rows: Html = a
        .domains
        .iter()
        .map(|d| {
            html!(
                "<tr><th scope=\"row\">{} {}</th><td class=\"num\">{} / {}</td><td>{}</td></tr>",
                d.id,
                d.title,
                d.n_answered,
                d.n_items,
                score_html(d.score.as_ref())
            )
        })
        .collect();
    html!(
        "<p class=\"overall\" id=\"overall-{}\">{}: {}</p><div class=\"table-wrap\" tabindex=\"0\"><table>\
         <caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        key,
        text::OVERALL,
        score_html(a.overall.as_ref()),
        a.framework_title,
        text::DOMAIN,
        text::N_ANSWERED,
        text::PERCENT,
        rows
    )
}

/// A checklist's tallies: per domain, how many items have each answer.
fn tally_html(a: &Assessment, key: &str) -> Html {
    let rows: Html = a
        .domains
        .iter()
        .map(|d| {
            let counts: Vec<Html> =
                d.tally.iter().map(|c| html!("{}: {}", c.label, c.count)).collect();
            html!(
                "<tr><th scope=\"row\">{} {}</th><td class=\"num\">{} / {}</td><td>{}</td></tr>",
                d.id,
                d.title,
                d.n_answered,
                d.n_items,
                Html::join(counts, &html!("; "))
            )
        })
        .collect();
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\" id=\"tally-{}\"><table><caption>{} — {}</caption><thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\
         <tbody>{}</tbody></table></div>",
        key,
        a.framework_title,
        text::TALLY,
        text::DOMAIN,
        text::N_ANSWERED,
        text::TALLY,
        rows
    )
}

/// One item: its text, assignment, latest answer, proposals (a conflict highlighted) and
/// the visitor's form, or why the visitor cannot answer it.
fn item_html(
    access: &Access,
    id: i64,
    f: &Framework,
    i: &ItemState,
    names: &HashMap<i64, String>,
    error: Option<&ApiError>,
) -> Html {
    let item_text = f.item(&i.item).map(|(_, it)| it.text.clone()).unwrap_or_default();
    let assigned = match &i.assigned {
        Some(m) => html!("{}", m),
        None => html!("<span class=\"muted\">{}</span>", text::NOBODY),
    };
    let current = match &i.current {
        Some(a) => html!("{}", answer_label(f, &i.item, a)),
        None => html!("<span class=\"muted\">{}</span>", text::UNANSWERED),
    };
    let state = if i.conflict {
        html!("<p><span class=\"badge bad\">{}</span></p>", text::CONFLICT)
    } else {
        match (&i.decision, &i.resolved) {
            (Some(_), Some(a)) => html!(
                "<p><span class=\"badge good\">{}</span> {}</p>",
                text::DECIDED,
                answer_label(f, &i.item, a)
            ),
            (None, Some(a)) => html!(
                "<p><span class=\"badge\">{}</span> {}</p>",
                text::AGREED,
                answer_label(f, &i.item, a)
            ),
            _ => Html::new(),
        }
    };
    let class = if i.conflict { "item disagree" } else { "item" };
    html!(
        "<article class=\"{}\" id=\"item-{}\"><h3>{} — {}</h3><p>{}: {} · {}: {}</p>{}{}{}</article>",
        class,
        i.item,
        i.item,
        item_text,
        text::ASSIGNED_TO,
        assigned,
        text::CURRENT,
        current,
        state,
        proposals_html(f, i, names),
        item_form(access, id, f, i, error)
    )
}

/// The proposals of an item, in a table; a conflicting answer is marked.
fn proposals_html(f: &Framework, i: &ItemState, names: &HashMap<i64, String>) -> Html {
    let all: Vec<&Draft> = i.proposals.iter().chain(i.decision.iter()).collect();
    if all.is_empty() {
        return html!("<p class=\"muted\">{}</p>", text::NO_PROPOSAL);
    }
    let rows: Html = all
        .iter()
        .map(|d| {
            let ministry =
                if d.ministry == COORDINATOR { text::COORDINATOR_NAME.text() } else { d.ministry.clone() };
            let differs = i.conflict
                || i.resolved.as_ref().is_some_and(|r| *r != d.answer) && d.ministry != COORDINATOR;
            let class = if differs { html!(" class=\"disagree\"") } else { Html::new() };
            html!(
                "<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                class,
                ministry,
                answer_label(f, &i.item, &d.answer),
                d.comment,
                d.evidence,
                names.get(&d.user_id).cloned().unwrap_or_else(|| d.user_id.to_string()),
                when(&d.at)
            )
        })
        .collect();
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\"><table><caption>{} {}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        text::PROPOSALS,
        i.item,
        text::MINISTRY,
        text::ANSWER,
        text::COMMENT,
        text::EVIDENCE,
        text::BY,
        text::WHEN,
        rows
    )
}

/// The visitor's proposal form for an item, or why the visitor cannot answer it.
fn item_form(
    access: &Access,
    id: i64,
    f: &Framework,
    i: &ItemState,
    error: Option<&ApiError>,
) -> Html {
    if let Err(e) = access.edit_for(i.assigned.as_deref()) {
        let why = match (access.role, &i.assigned) {
            (Some(Role::Contributor), Some(m)) => {
                html!("{} {}{}", text::NOT_YOURS, m, text::NOT_YOURS_END)
            }
            (Some(Role::Contributor), None) => html!("{}", text::UNASSIGNED),
            (Some(Role::Viewer), _) => html!("{}", text::READ_ONLY),
            _ => html!("{}", e.message),
        };
        return html!("<p class=\"why\">{}</p>", why);
    }
    let coordinator = access.role == Some(Role::Coordinator);
    let mine = if coordinator {
        i.decision.as_ref()
    } else {
        i.proposals.iter().find(|p| Some(&p.ministry) == access.ministry.as_ref())
    };
    let mut options = vec![(String::new(), text::CHOOSE.text())];
    if let Some((d, it)) = f.item(&i.item) {
        options
            .extend(f.item_scale(d, it).levels.iter().map(|l| (l.code.clone(), l.label.clone())));
    }
    let key = |name: &str| format!("{name}-{}", i.item);
    let err_of = |field: &str| {
        error.filter(|e| e.field.as_deref() == Some(field)).map(|e| e.message.clone())
    };
    let mut answer = Field::new(
        &key("answer"),
        &format!("{} ({})", text::ANSWER, i.item),
        Control::Select(options),
    )
    .value(mine.map(|m| m.answer.clone()).unwrap_or_default())
    .required()
    .error(err_of("answer"));
    if coordinator {
        answer = answer.hint(text::DECIDE_HINT);
    }
    let fields = Html::join(
        [
            html!("<input type=\"hidden\" name=\"item\" value=\"{}\">", i.item),
            answer.render(),
            Field::new(
                &key("comment"),
                &format!("{} ({})", text::COMMENT, i.item),
                Control::TextArea,
            )
            .value(mine.map(|m| m.comment.clone()).unwrap_or_default())
            .attr("maxlength", analysis::drafts::MAX_TEXT.to_string())
            .error(err_of("comment"))
            .render(),
            Field::new(
                &key("evidence"),
                &format!("{} ({})", text::EVIDENCE, i.item),
                Control::TextArea,
            )
            .value(mine.map(|m| m.evidence.clone()).unwrap_or_default())
            .hint(text::EVIDENCE_HINT)
            .attr("maxlength", analysis::drafts::MAX_TEXT.to_string())
            .error(err_of("evidence"))
            .render(),
        ],
        &Html::new(),
    );
    let other = error
        .filter(|e| !matches!(e.field.as_deref(), Some("answer" | "comment" | "evidence")))
        .map(|e| problem(Some(e), &[]))
        .unwrap_or_default();
    // A contributor's own items, a conflict and a form with an error are open; the
    // coordinator's other forms are folded, so that the questionnaire can be read.
    let open =
        if !coordinator || i.conflict || error.is_some() { html!(" open") } else { Html::new() };
    let summary = if coordinator { text::DECIDE_SUMMARY } else { text::PROPOSE_SUMMARY };
    html!(
        "<details class=\"propose\"{}><summary>{} {}</summary>{}{}</details>",
        open,
        summary,
        i.item,
        other,
        form(
            &format!("/w/{id}/answers/{}/drafts", url_encode(&f.id)),
            fields,
            &if coordinator { text::DECIDE.text() } else { text::PROPOSE.text() }
        )
    )
}

/// The coordinator's forms: store the answers as a version, assign an item.
fn coordinator_panel(id: i64, f: &Framework, q: &Questionnaire, error: Option<&ApiError>) -> Html {
    let base = format!("/w/{id}/answers/{}", url_encode(&f.id));
    let blocked = if q.progress.conflicts > 0 {
        html!("<p class=\"problem\">{}</p>", text::STORE_BLOCKED)
    } else {
        Html::new()
    };
    let store_form = form(
        &format!("{base}/versions"),
        Field::text("reason", &text::REASON.text())
            .hint(text::STORE_HINT)
            .required()
            .attr("maxlength", "2000")
            .error_of(error.filter(|e| e.field.as_deref() == Some("reason")))
            .render(),
        &text::STORE.text(),
    );
    let items: Vec<(String, String)> = q
        .items
        .iter()
        .map(|i| {
            let t = f.item(&i.item).map(|(_, it)| it.text.as_str()).unwrap_or_default();
            (i.item.clone(), format!("{} — {}", i.item, t))
        })
        .collect();
    let assign_fields = Html::join(
        [
            Field::new("items", &text::ASSIGN_ITEM.text(), Control::Select(items))
                .required()
                .error_of(error)
                .render(),
            Field::text("ministry", &text::ASSIGN_MINISTRY.text())
                .hint(text::ASSIGN_HINT)
                .attr("maxlength", "200")
                .error_of(error)
                .render(),
            Field::text("assign_reason", &text::ASSIGN_REASON.text())
                .required()
                .attr("maxlength", "2000")
                .error(
                    error
                        .filter(|e| e.field.as_deref() == Some("assign_reason"))
                        .map(|e| e.message.clone()),
                )
                .render(),
        ],
        &Html::new(),
    );
    html!(
        "<section class=\"coordination\"><h2>{}</h2>{}<h3>{}</h3>{}{}<h3>{}</h3>{}</section>",
        text::COORDINATION,
        problem(error, &["reason", "items", "ministry", "assign_reason"]),
        text::STORE,
        blocked,
        store_form,
        text::ASSIGN,
        form(&format!("{base}/assignments"), assign_fields, &text::ASSIGN_SUBMIT.text())
    )
}

/// A proposal form's fields: `item`, and `answer-ITEM`, `comment-ITEM`, `evidence-ITEM`.
async fn propose(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, framework)): Path<(i64, String)>,
    WebForm(form): WebForm<BTreeMap<String, String>>,
) -> PageResult {
    let item = form.get("item").cloned().unwrap_or_default();
    let field = |name: &str| form.get(&format!("{name}-{item}")).cloned().unwrap_or_default();
    let body = ProposeBody {
        item: item.clone(),
        answer: field("answer"),
        comment: field("comment"),
        evidence: field("evidence"),
    };
    match propose_answer(&state, &caller, id, &framework, &body).await {
        Ok(_) => Ok(see_other(&format!(
            "/w/{id}/answers/{}?done=proposed#item-{}",
            url_encode(&framework),
            url_encode(&item)
        ))),
        Err(e) if is_form_error(&e) => {
            render_questionnaire(
                &state,
                &caller,
                id,
                &framework,
                None,
                Some(Failed::Item(&item, &e)),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// Whether an error is about what was posted (shown on the form), not about the page
/// (not found, forbidden: shown as an error page).
fn is_form_error(e: &ApiError) -> bool {
    matches!(e.kind, crate::Kind::InvalidInput | crate::Kind::Conflict)
}

#[derive(Deserialize)]
struct AssignForm {
    items: String,
    #[serde(default)]
    ministry: String,
    assign_reason: String,
}

async fn assign(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, framework)): Path<(i64, String)>,
    WebForm(f): WebForm<AssignForm>,
) -> PageResult {
    let body = AssignBody {
        items: vec![f.items],
        ministry: Some(f.ministry).filter(|m| !m.trim().is_empty()),
        reason: f.assign_reason,
    };
    match assign_items(&state, &caller, id, &framework, body).await {
        Ok(()) => {
            Ok(see_other(&format!("/w/{id}/answers/{}?done=assigned", url_encode(&framework))))
        }
        Err(mut e) if is_form_error(&e) => {
            if e.field.as_deref() == Some("reason") {
                e.field = Some("assign_reason".to_owned());
            }
            render_questionnaire(&state, &caller, id, &framework, None, Some(Failed::Panel(&e)))
                .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct ReasonForm {
    reason: String,
}

async fn store_version(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, framework)): Path<(i64, String)>,
    WebForm(f): WebForm<ReasonForm>,
) -> PageResult {
    match store_resolved(&state, &caller, id, &framework, &f.reason).await {
        Ok(outcome) => {
            let done = if outcome.status == "added" { "stored" } else { "unchanged" };
            Ok(see_other(&format!(
                "/w/{id}/answers/{}/versions?done={done}",
                url_encode(&framework)
            )))
        }
        Err(e) if is_form_error(&e) => {
            render_questionnaire(&state, &caller, id, &framework, None, Some(Failed::Panel(&e)))
                .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn signoff(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, framework, version)): Path<(i64, String, i64)>,
    WebForm(f): WebForm<BTreeMap<String, String>>,
) -> PageResult {
    let note = f.get(&format!("note-{version}")).map_or("", String::as_str);
    match sign_off(&state, &caller, id, &framework, version, note).await {
        Ok(_) => Ok(see_other(&format!(
            "/w/{id}/answers/{}/versions?done=signed",
            url_encode(&framework)
        ))),
        Err(e) if is_form_error(&e) => {
            render_versions(&state, &caller, id, &framework, None, Some((version, &e))).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn versions_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, framework)): Path<(i64, String)>,
    WebQuery(q): WebQuery<Done>,
) -> PageResult {
    let done = match q.done.as_deref() {
        Some("stored") => Some(text::DONE_STORED),
        Some("unchanged") => Some(text::DONE_UNCHANGED),
        Some("signed") => Some(text::DONE_SIGNED),
        _ => None,
    };
    render_versions(&state, &caller, id, &framework, done.map(|m| m.text()).as_deref(), None).await
}

/// The versions page: each version with its score and sign-off (a form for the
/// coordinator on an unsigned version), and the comparison form.
async fn render_versions(
    state: &AppState,
    caller: &Caller,
    id: i64,
    framework: &str,
    done: Option<&str>,
    failed: Option<(i64, &ApiError)>,
) -> PageResult {
    let (access, f, _) = questionnaire(state, caller, id, framework).await?;
    let versions = version_list(state, caller, id, &f.id).await?;
    let names = user_names(state).await?;
    let coordinator = access.role == Some(Role::Coordinator);
    let base = format!("/w/{id}/answers/{}", url_encode(&f.id));
    let mut rows = Html::new();
    for v in versions.iter().rev() {
        let a = stored_version(state, caller, id, &f.id, Some(v.version)).await?.assessment;
        let score = if a.kind == FrameworkKind::Checklist {
            html!("<span class=\"muted\">{}</span>", text::CHECKLIST)
        } else {
            score_html(a.overall.as_ref())
        };
        let error = failed.filter(|(n, _)| *n == v.version).map(|(_, e)| e);
        rows.push(html!(
            "<tr id=\"version-{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            v.version,
            v.version,
            when(&v.stored_at),
            v.stored_by,
            v.reason,
            v.n_answers,
            score,
            signoff_cell(v, &names, coordinator, &base, error)
        ));
    }
    let table = if versions.is_empty() {
        html!("<p>{}</p>", text::NO_VERSION)
    } else {
        html!(
            "<p>{}</p><div class=\"table-wrap\" tabindex=\"0\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
            text::SIGNED_READ_ONLY,
            text::VERSIONS,
            text::VERSION,
            text::STORED_AT,
            text::STORED_BY,
            text::WHY,
            text::N_ANSWERED,
            text::OVERALL,
            text::SIGNOFF,
            rows
        )
    };
    let compare = if versions.len() >= 2 {
        let opts: Vec<(String, String)> = versions
            .iter()
            .map(|v| (v.version.to_string(), format!("{} {}", text::VERSION, v.version)))
            .collect();
        let n = versions.len();
        let fields = Html::join(
            [
                Field::new("from", &text::FROM.text(), Control::Select(opts.clone()))
                    .value(versions[n - 2].version.to_string())
                    .render(),
                Field::new("to", &text::TO.text(), Control::Select(opts))
                    .value(versions[n - 1].version.to_string())
                    .render(),
            ],
            &Html::new(),
        );
        html!(
            "<h2>{}</h2><form method=\"get\" action=\"{}/compare\" class=\"filters\">{}<p class=\"actions\"><button type=\"submit\">{}</button></p></form>",
            text::COMPARE,
            base,
            fields,
            text::COMPARE_SUBMIT
        )
    } else {
        Html::new()
    };
    let body = html!(
        "{}{}<p><a href=\"{}\">{}</a></p>{}{}",
        workspace_header(
            &access.workspace,
            Tab::Answers,
            &format!("{} — {}", f.title, text::VERSIONS)
        ),
        done.map(notice).unwrap_or_default(),
        base,
        text::BACK,
        table,
        compare
    );
    let status = failed.map_or(StatusCode::OK, |(_, e)| e.kind.status());
    let title = format!("{} — {}", f.title, text::VERSIONS);
    Ok((status, Page::new(title, caller, Section::Home).body(body).response()).into_response())
}

/// A version's sign-off: who, when and the note (read-only), or the coordinator's form.
fn signoff_cell(
    v: &VersionInfo,
    names: &HashMap<i64, String>,
    coordinator: bool,
    base: &str,
    error: Option<&ApiError>,
) -> Html {
    match &v.signoff {
        Some(s) => html!(
            "<span class=\"badge good\">{}</span> {} {} {} {}: {}",
            text::SIGNED,
            text::SIGNED_BY,
            names.get(&s.user_id).cloned().unwrap_or_else(|| s.user_id.to_string()),
            text::ON,
            when(&s.at),
            s.note
        ),
        None if coordinator => {
            let field = Field::text(
                &format!("note-{}", v.version),
                &format!("{} {}", text::NOTE, v.version),
            )
            .required()
            .attr("maxlength", "2000")
            .error(error.map(|e| e.message.clone()))
            .render();
            html!(
                "<form method=\"post\" action=\"{}/versions/{}/signoff\" data-validate>{}<p class=\"actions\"><button type=\"submit\">{} {} {}</button></p></form>",
                base,
                v.version,
                field,
                text::SIGN,
                text::VERSION,
                v.version
            )
        }
        None => html!("<span class=\"badge\">{}</span>", text::NOT_SIGNED),
    }
}

/// The overall and domain scores of two versions side by side, with the change in
/// percentage points.
fn moved_html(a: &Assessment, b: &Assessment, from: i64, to: i64) -> Html {
    let change = |x: Option<&Score>, y: Option<&Score>| match (x, y) {
        (Some(x), Some(y)) => html!("{}", format!("{:+.2}", y.percent - x.percent)),
        _ => html!("<span class=\"muted\">{}</span>", text::NOT_COMPUTED),
    };
    let mut rows = html!(
        "<tr><th scope=\"row\">{}</th><td id=\"overall-from\">{}</td><td id=\"overall-to\">{}</td><td class=\"num\">{}</td></tr>",
        text::OVERALL,
        score_html(a.overall.as_ref()),
        score_html(b.overall.as_ref()),
        change(a.overall.as_ref(), b.overall.as_ref())
    );
    for (da, db) in a.domains.iter().zip(&b.domains) {
        rows.push(html!(
            "<tr><th scope=\"row\">{} {}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            da.id,
            da.title,
            score_html(da.score.as_ref()),
            score_html(db.score.as_ref()),
            change(da.score.as_ref(), db.score.as_ref())
        ));
    }
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\"><table><caption>{} — {}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{} {}</th><th scope=\"col\">{} {}</th><th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        a.framework_title,
        text::SCORES,
        text::DOMAIN,
        text::VERSION,
        from,
        text::VERSION,
        to,
        text::CHANGE,
        rows
    )
}

#[derive(Deserialize)]
struct PairQuery {
    from: i64,
    to: i64,
}

async fn compare_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, framework)): Path<(i64, String)>,
    WebQuery(q): WebQuery<PairQuery>,
) -> PageResult {
    let (access, f, _) = questionnaire(&state, &caller, id, &framework).await?;
    let (a, b, c) = comparison(&state, &caller, id, &f.id, Pair { from: q.from, to: q.to }).await?;
    let base = format!("/w/{id}/answers/{}", url_encode(&f.id));
    let label = |item: &str, code: &Option<String>| match code {
        Some(code) => html!("{}", answer_label(&f, item, code)),
        None => html!("<span class=\"muted\">{}</span>", text::UNANSWERED),
    };
    let changed = if c.changed.is_empty() {
        html!("<p>{}</p>", text::NOTHING_CHANGED)
    } else {
        let rows: Html = c
            .changed
            .iter()
            .map(|ch| {
                let t = f.item(&ch.item).map(|(_, it)| it.text.as_str()).unwrap_or_default();
                html!(
                    "<tr><th scope=\"row\">{} — {}</th><td>{}</td><td>{}</td></tr>",
                    ch.item,
                    t,
                    label(&ch.item, &ch.from),
                    label(&ch.item, &ch.to)
                )
            })
            .collect();
        html!(
            "<div class=\"table-wrap\" tabindex=\"0\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
             <th scope=\"col\">{} {}</th><th scope=\"col\">{} {}</th></tr></thead><tbody>{}</tbody></table></div>",
            text::CHANGED,
            text::ITEM,
            text::VERSION,
            c.from,
            text::VERSION,
            c.to,
            rows
        )
    };
    let moved = if a.assessment.kind == FrameworkKind::Checklist {
        html!(
            "<h2>{}</h2><h3>{} {}</h3>{}<h3>{} {}</h3>{}",
            text::TALLIES,
            text::VERSION,
            c.from,
            tally_html(&a.assessment, "from"),
            text::VERSION,
            c.to,
            tally_html(&b.assessment, "to")
        )
    } else {
        html!("<h2>{}</h2>{}", text::SCORES, moved_html(&a.assessment, &b.assessment, c.from, c.to))
    };
    let title = format!("{} — {}", f.title, text::COMPARE_TITLE);
    let body = html!(
        "{}<p><a href=\"{}/versions\">{}</a></p><h2>{}: {} {} → {}</h2>{}{}",
        workspace_header(&access.workspace, Tab::Answers, &title),
        base,
        text::TO_VERSIONS,
        text::COMPARE_TITLE,
        text::VERSION,
        c.from,
        c.to,
        changed,
        moved
    );
    Ok(Page::new(title, &caller, Section::Home).body(body).response())
}
