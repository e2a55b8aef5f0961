//! The cross-impact workshop: a workspace's matrices with their progress, the
//! facilitator's form to make one (from register policies or typed objectives), each
//! assessor's scoring form (every cell −3 … +3 with a reason, in one post), the live
//! tracker of who has not scored what, the facilitator's view (heat map of the medians,
//! disagreements, every assessor's reasons side by side, the network diagram and the
//! network metrics) and the exports (CSV judgements as `coherence matrix` reads them,
//! XLSX, GraphML).
//!
//! Every decision is the API's (`routes::matrices`): who reads, who makes, who scores,
//! what a valid score is; the figures are `analysis`'s (`stored_matrix_report`).

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use report::html;
use report::html::Html;
use report::network::{self, HeatMap, JudgementRow, Link, Network, signed};
use serde::Deserialize;
use store::{MatrixRecord, MatrixScore, Shared};

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::{ApiError, Kind};
use crate::routes::matrices::{
    Element, NewMatrix, Progress, ScoreBody, add_matrix, check_score, matrices_of, may_score,
    progress_of, report_of, save_score, scores_of,
};
use crate::web::form::{Control, Field, notice, problem};
use crate::web::layout::{Page, Section, Tab, html_response, workspace_header};
use crate::web::{PageError, PageResult, Pages, Visitor, WebForm, WebQuery, download, see_other};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-wk-title");
    pub(crate) const INTRO: Msg = Msg("web-wk-intro");
    pub(crate) const MATRICES: Msg = Msg("web-wk-matrices");
    pub(crate) const NO_MATRICES: Msg = Msg("web-wk-no-matrices");
    pub(crate) const NO_MATRICES_ASK: Msg = Msg("web-wk-no-matrices-ask");
    pub(crate) const ELEMENTS: Msg = Msg("web-wk-elements");
    pub(crate) const CELLS: Msg = Msg("web-wk-cells");
    pub(crate) const FINISHED: Msg = Msg("web-wk-finished");
    pub(crate) const PROGRESS: Msg = Msg("web-wk-progress");
    pub(crate) const MAKE: Msg = Msg("web-wk-make");
    pub(crate) const MAKE_INTRO: Msg = Msg("web-wk-make-intro");
    pub(crate) const NAME: Msg = Msg("web-wk-name");
    pub(crate) const NAME_HINT: Msg = Msg("web-wk-name-hint");
    pub(crate) const POLICIES: Msg = Msg("web-wk-policies");
    pub(crate) const NO_POLICIES: Msg = Msg("web-wk-no-policies");
    pub(crate) const OBJECTIVES: Msg = Msg("web-wk-objectives");
    pub(crate) const OBJECTIVES_HINT: Msg = Msg("web-wk-objectives-hint");
    pub(crate) const REASON: Msg = Msg("web-wk-reason");
    pub(crate) const REASON_HINT: Msg = Msg("web-wk-reason-hint");
    pub(crate) const SUBMIT_MAKE: Msg = Msg("web-wk-submit-make");
    pub(crate) const SCALE: Msg = Msg("web-wk-scale");
    pub(crate) const NOT_SCORED: Msg = Msg("web-wk-not-scored");
    pub(crate) const SCORE_TITLE: Msg = Msg("web-wk-score-title");
    pub(crate) const SCORE_INTRO: Msg = Msg("web-wk-score-intro");
    pub(crate) const NEXT: Msg = Msg("web-wk-next");
    pub(crate) const ALL_DONE: Msg = Msg("web-wk-all-done");
    pub(crate) const ROW_LEGEND: Msg = Msg("web-wk-row-legend");
    pub(crate) const ROW_LEGEND_AFTER: Msg = Msg("web-wk-row-legend-after");
    pub(crate) const LEFT: Msg = Msg("web-wk-left");
    pub(crate) const WHY: Msg = Msg("web-wk-why");
    pub(crate) const SAVE: Msg = Msg("web-wk-save");
    pub(crate) const SAVED: Msg = Msg("web-wk-saved");
    pub(crate) const NOTHING_SAVED: Msg = Msg("web-wk-nothing-saved");
    pub(crate) const CANNOT_SCORE: Msg = Msg("web-wk-cannot-score");
    pub(crate) const NEEDS_SCORE: Msg = Msg("web-wk-needs-score");
    pub(crate) const BAD_SCORE: Msg = Msg("web-wk-bad-score");
    pub(crate) const FIX: Msg = Msg("web-wk-fix");
    pub(crate) const TRACKER: Msg = Msg("web-wk-tracker");
    pub(crate) const TRACKER_CAPTION: Msg = Msg("web-wk-tracker-caption");
    pub(crate) const ASSESSOR: Msg = Msg("web-wk-assessor");
    pub(crate) const ROLE: Msg = Msg("web-wk-role");
    pub(crate) const SCORED: Msg = Msg("web-wk-scored");
    pub(crate) const UNSCORED: Msg = Msg("web-wk-unscored");
    pub(crate) const FORMER: Msg = Msg("web-wk-former");
    pub(crate) const NO_ASSESSORS: Msg = Msg("web-wk-no-assessors");
    pub(crate) const EVERYONE: Msg = Msg("web-wk-everyone");
    pub(crate) const SCORES_LEFT: Msg = Msg("web-wk-scores-left");
    pub(crate) const NOT_FINISHED: Msg = Msg("web-wk-not-finished");
    pub(crate) const AND: Msg = Msg("web-wk-and");
    pub(crate) const MORE: Msg = Msg("web-wk-more");
    pub(crate) const YOU: Msg = Msg("web-wk-you");
    pub(crate) const RESULTS: Msg = Msg("web-wk-results");
    pub(crate) const RESULTS_LINK: Msg = Msg("web-wk-results-link");
    pub(crate) const BACK: Msg = Msg("web-wk-back");
    pub(crate) const SCORING_LINK: Msg = Msg("web-wk-scoring-link");
    pub(crate) const NO_SCORES: Msg = Msg("web-wk-no-scores");
    pub(crate) const MEDIANS: Msg = Msg("web-wk-medians");
    pub(crate) const MEDIANS_INTRO: Msg = Msg("web-wk-medians-intro");
    pub(crate) const HEAT_TITLE: Msg = Msg("web-wk-heat-title");
    pub(crate) const MEDIANS_CAPTION: Msg = Msg("web-wk-medians-caption");
    pub(crate) const INFLUENCES: Msg = Msg("web-wk-influences");
    pub(crate) const DISAGREE: Msg = Msg("web-wk-disagree");
    pub(crate) const REASONS: Msg = Msg("web-wk-reasons");
    pub(crate) const REASONS_CAPTION: Msg = Msg("web-wk-reasons-caption");
    pub(crate) const PAIR: Msg = Msg("web-wk-pair");
    pub(crate) const MEDIAN: Msg = Msg("web-wk-median");
    pub(crate) const RANGE: Msg = Msg("web-wk-range");
    pub(crate) const NETWORK: Msg = Msg("web-wk-network");
    pub(crate) const NETWORK_TITLE: Msg = Msg("web-wk-network-title");
    pub(crate) const METRICS: Msg = Msg("web-wk-metrics");
    pub(crate) const MOST_INFLUENTIAL: Msg = Msg("web-wk-most-influential");
    pub(crate) const MOST_INFLUENCED: Msg = Msg("web-wk-most-influenced");
    pub(crate) const METRICS_CAPTION: Msg = Msg("web-wk-metrics-caption");
    pub(crate) const OBJECTIVE: Msg = Msg("web-wk-objective");
    pub(crate) const CONFLICTS: Msg = Msg("web-wk-conflicts");
    pub(crate) const CONFLICTS_INTRO: Msg = Msg("web-wk-conflicts-intro");
    pub(crate) const NO_CONFLICTS: Msg = Msg("web-wk-no-conflicts");
    pub(crate) const OPPOSITE: Msg = Msg("web-wk-opposite");
    pub(crate) const YES: Msg = Msg("web-wk-yes");
    pub(crate) const NO: Msg = Msg("web-wk-no");
    pub(crate) const RIPPLES: Msg = Msg("web-wk-ripples");
    pub(crate) const RIPPLES_INTRO: Msg = Msg("web-wk-ripples-intro");
    pub(crate) const RIPPLES_CAPTION: Msg = Msg("web-wk-ripples-caption");
    pub(crate) const NO_RIPPLES: Msg = Msg("web-wk-no-ripples");
    pub(crate) const VIA: Msg = Msg("web-wk-via");
    pub(crate) const DOWNLOADS: Msg = Msg("web-wk-downloads");
    pub(crate) const CSV: Msg = Msg("web-wk-csv");
    pub(crate) const XLSX: Msg = Msg("web-wk-xlsx");
    pub(crate) const GRAPHML: Msg = Msg("web-wk-graphml");
    pub(crate) const NOTHING_TO_EXPORT: Msg = Msg("web-wk-nothing-to-export");
    /// The seven points of the scale (Nilsson, Griggs & Visbeck 2016), +3 first: the
    /// value, its name and what it means.
    pub(crate) const SCALE_POINTS: [(i8, Msg, Msg); 7] = [
        (3, Msg("ws-scale-indivisible"), Msg("ws-scale-indivisible-what")),
        (2, Msg("ws-scale-reinforcing"), Msg("ws-scale-reinforcing-what")),
        (1, Msg("ws-scale-enabling"), Msg("ws-scale-enabling-what")),
        (0, Msg("ws-scale-consistent"), Msg("ws-scale-consistent-what")),
        (-1, Msg("ws-scale-constraining"), Msg("ws-scale-constraining-what")),
        (-2, Msg("ws-scale-counteracting"), Msg("ws-scale-counteracting-what")),
        (-3, Msg("ws-scale-cancelling"), Msg("ws-scale-cancelling-what")),
    ];
    /// The metrics table's columns: key (as in the metrics' CSV and JSON), heading.
    pub(crate) const METRIC_COLUMNS: [(&str, Msg); 12] = [
        ("out_influence", Msg("ws-metric-out-influence")),
        ("out_positive", Msg("ws-metric-out-positive")),
        ("out_negative", Msg("ws-metric-out-negative")),
        ("in_influence", Msg("ws-metric-in-influence")),
        ("in_positive", Msg("ws-metric-in-positive")),
        ("in_negative", Msg("ws-metric-in-negative")),
        ("second_order_out", Msg("ws-metric-second-order-out")),
        ("second_order_in", Msg("ws-metric-second-order-in")),
        ("combined_out", Msg("ws-metric-combined-out")),
        ("combined_in", Msg("ws-metric-combined-in")),
        ("pagerank", Msg("ws-metric-pagerank")),
        ("n_out_negative", Msg("ws-metric-n-out-negative")),
    ];
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/w/{id}/matrices", list_page)
        .post("/w/{id}/matrices", make)
        .get("/w/{id}/matrices/{matrix}", matrix_page)
        .post("/w/{id}/matrices/{matrix}/scores", save_scores)
        .get("/w/{id}/matrices/{matrix}/tracker", tracker)
        .get("/w/{id}/matrices/{matrix}/results", results_page)
        .get("/w/{id}/matrices/{matrix}/export/{format}", export)
}

// ---------------------------------------------------------------------------------------
// The list of matrices, and making one.

/// What the make form was sent with, to show it again with its error.
#[derive(Default)]
struct MakeForm {
    name: String,
    policies: Vec<String>,
    elements: String,
    reason: String,
}

async fn list_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
) -> PageResult {
    list_response(&state, &caller, id, &MakeForm::default(), None).await
}

/// The list page, with the make form holding `sent` and `error` (the status of the error).
async fn list_response(
    state: &AppState,
    caller: &Caller,
    id: i64,
    sent: &MakeForm,
    error: Option<&ApiError>,
) -> PageResult {
    let (access, matrices) = matrices_of(state, caller, id).await?;
    let mut cards = Vec::new();
    for m in &matrices {
        let scores = state.store().matrix_scores(m.id).await?;
        let progress = progress_of(state, m, &scores).await?;
        cards.push(matrix_card(id, m, &progress));
    }
    let list = if cards.is_empty() {
        let ask = if access.coordinate("").is_ok() {
            String::new()
        } else {
            text::NO_MATRICES_ASK.text()
        };
        html!("<p>{} {}</p>", text::NO_MATRICES, ask)
    } else {
        html!("<ul class=\"cards\">{}</ul>", cards.into_iter().collect::<Html>())
    };
    let make = if access.coordinate("make a cross-impact matrix").is_ok() {
        make_form(state, &access, sent, error).await?
    } else {
        Html::new()
    };
    let body = html!(
        "{}<p>{}</p><h2>{}</h2>{}{}",
        workspace_header(&access.workspace, Tab::Workshop, &text::TITLE.text()),
        text::INTRO,
        text::MATRICES,
        list,
        make
    );
    let status = error.map_or(StatusCode::OK, |e| e.kind.status());
    Ok((status, Page::new(text::TITLE, caller, Section::Home).body(body).response())
        .into_response())
}

/// One matrix in the list: its name, size and progress.
fn matrix_card(id: i64, m: &MatrixRecord, p: &Progress) -> Html {
    let given: usize = p.assessors.iter().map(|a| a.scored).sum();
    let wanted = p.cells * p.assessors.len();
    let finished = p.assessors.iter().filter(|a| a.scored == p.cells).count();
    html!(
        "<li><h3 class=\"card-title\"><a href=\"/w/{}/matrices/{}\">{}</a></h3>\
         <p class=\"muted\">{} {} · {} {}</p>\
         <p><label for=\"progress-{}\">{}</label>: {} / {} · {} / {} {}<br>\
         <progress id=\"progress-{}\" max=\"{}\" value=\"{}\">{} / {}</progress></p>\
         <p><a href=\"/w/{}/matrices/{}/results\">{}</a></p></li>",
        id,
        m.id,
        m.name,
        m.elements.len(),
        text::ELEMENTS,
        p.cells,
        text::CELLS,
        m.id,
        text::PROGRESS,
        given,
        wanted,
        finished,
        p.assessors.len(),
        text::FINISHED,
        m.id,
        wanted.max(1),
        given,
        given,
        wanted,
        id,
        m.id,
        text::RESULTS
    )
}

/// The facilitator's form to make a matrix: name, register policies, typed objectives,
/// reason.
async fn make_form(
    state: &AppState,
    access: &Access,
    sent: &MakeForm,
    error: Option<&ApiError>,
) -> PageResult<Html> {
    let policies = register_policies(state, access).await?;
    let choices = match &policies {
        None => Html::new(),
        Some(list) if list.is_empty() => {
            html!(
                "<fieldset><legend>{}</legend><p>{}</p></fieldset>",
                text::POLICIES,
                text::NO_POLICIES
            )
        }
        Some(list) => {
            let boxes: Html = list
                .iter()
                .enumerate()
                .map(|(k, (pid, title))| {
                    let checked =
                        if sent.policies.contains(pid) { html!(" checked") } else { Html::new() };
                    html!(
                        "<div class=\"field check\"><input type=\"checkbox\" id=\"f-policy-{}\" name=\"policy\" value=\"{}\"{}>\
                         <label for=\"f-policy-{}\">{} <span class=\"muted\">({})</span></label></div>",
                        k,
                        pid,
                        checked,
                        k,
                        title,
                        pid
                    )
                })
                .collect();
            html!(
                "<fieldset class=\"choices\"><legend>{}</legend>{}</fieldset>",
                text::POLICIES,
                boxes
            )
        }
    };
    let fields = Html::join(
        [
            Field::text("name", &text::NAME.text())
                .value(sent.name.as_str())
                .hint(text::NAME_HINT)
                .required()
                .attr("maxlength", "200")
                .error_of(error)
                .render(),
            choices,
            Field::new("elements", &text::OBJECTIVES.text(), Control::TextArea)
                .value(sent.elements.as_str())
                .hint(text::OBJECTIVES_HINT)
                .error_of(error)
                .render(),
            Field::text("reason", &text::REASON.text())
                .value(sent.reason.as_str())
                .hint(text::REASON_HINT)
                .required()
                .attr("maxlength", "2000")
                .error_of(error)
                .render(),
        ],
        &Html::new(),
    );
    Ok(html!(
        "<h2 id=\"make\">{}</h2><p>{}</p>{}{}",
        text::MAKE,
        text::MAKE_INTRO,
        problem(error, &["name", "elements", "reason"]),
        crate::web::form::form(
            &format!("/w/{}/matrices", access.workspace.id),
            fields,
            &text::SUBMIT_MAKE.text()
        )
    ))
}

/// The register's policies (id, title) of a government workspace the caller reads the
/// register of; `None` for a partnership or when the register is not readable.
async fn register_policies(
    state: &AppState,
    access: &Access,
) -> PageResult<Option<Vec<(String, String)>>> {
    let (Ok(country), Ok(())) = (access.country(), access.read(Shared::Register)) else {
        return Ok(None);
    };
    let list = state.app.register_list(Some(country.as_str())).await?;
    Ok(Some(list.into_iter().map(|e| (e.id, e.title)).collect()))
}

/// The typed objectives: one per line, `id: label`, or a label alone (given the id
/// `o1`, `o2`, … by its place among the objectives).
fn typed_objectives(text: &str) -> Vec<Element> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (id, label) = match line.split_once(':') {
            Some((id, label))
                if !id.trim().is_empty()
                    && id
                        .trim()
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')) =>
            {
                (id.trim().to_owned(), label.trim().to_owned())
            }
            _ => (format!("o{}", out.len() + 1), line.to_owned()),
        };
        out.push(Element { id, label });
    }
    out
}

async fn make(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebForm(fields): WebForm<Vec<(String, String)>>,
) -> PageResult {
    let mut sent = MakeForm::default();
    for (k, v) in fields {
        match k.as_str() {
            "name" => sent.name = v,
            "policy" => sent.policies.push(v),
            "elements" => sent.elements = v,
            "reason" => sent.reason = v,
            _ => {}
        }
    }
    let (access, _) = matrices_of(&state, &caller, id).await?;
    let mut elements = Vec::new();
    if !sent.policies.is_empty() {
        let known = register_policies(&state, &access).await?.unwrap_or_default();
        for pid in &sent.policies {
            let Some((_, title)) = known.iter().find(|(k, _)| k == pid) else {
                let e =
                    ApiError::invalid("elements", format!("the register has no policy {pid:?}"));
                return list_response(&state, &caller, id, &sent, Some(&e)).await;
            };
            elements.push(Element { id: pid.clone(), label: title.clone() });
        }
    }
    elements.extend(typed_objectives(&sent.elements));
    let body = NewMatrix { name: sent.name.clone(), elements, reason: sent.reason.clone() };
    match add_matrix(&state, &caller, id, &body).await {
        Ok(made) => Ok(see_other(&format!("/w/{id}/matrices/{}", made.id))),
        Err(e) if matches!(e.kind, Kind::InvalidInput | Kind::Conflict | Kind::Forbidden) => {
            let e = if e.kind == Kind::Conflict { e.on("name") } else { e };
            list_response(&state, &caller, id, &sent, Some(&e)).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------
// Scoring, and the tracker.

/// The query of the matrix page: how many scores the last post saved.
#[derive(Deserialize, Default)]
struct Saved {
    saved: Option<usize>,
}

/// A post of the scoring form that could not be saved: what was sent, and the errors by
/// field name.
#[derive(Default)]
struct Sent {
    values: HashMap<String, String>,
    errors: HashMap<String, String>,
}

async fn matrix_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, matrix)): Path<(i64, i64)>,
    WebQuery(q): WebQuery<Saved>,
) -> PageResult {
    let (access, record, scores) = scores_of(&state, &caller, id, matrix).await?;
    let saved = q.saved.map(|n| {
        if n == 0 {
            notice(&text::NOTHING_SAVED.text())
        } else {
            notice(&format!("{n} {}", text::SAVED))
        }
    });
    matrix_response(&state, &caller, &access, &record, &scores, None, saved.unwrap_or_default())
        .await
}

/// The matrix page: links, the scale, the tracker and the visitor's scoring form (with
/// what a failed post sent, if any).
async fn matrix_response(
    state: &AppState,
    caller: &Caller,
    access: &Access,
    record: &MatrixRecord,
    scores: &[MatrixScore],
    sent: Option<&Sent>,
    message: Html,
) -> PageResult {
    let progress = progress_of(state, record, scores).await?;
    let names = assessor_names(state, access, &progress).await?;
    let id = access.workspace.id;
    let scale: Html = text::SCALE_POINTS
        .iter()
        .map(|(v, name, what)| {
            html!("<li><strong>{} {}</strong>: {}</li>", signed(f64::from(*v)), *name, *what)
        })
        .collect();
    let form = if may_score(access).is_ok() {
        scoring_form(access, record, scores, sent)
    } else {
        html!("<p class=\"notice\">{}</p>", text::CANNOT_SCORE)
    };
    let problem = if sent.is_some_and(|s| !s.errors.is_empty()) {
        html!("<p class=\"problem\" role=\"alert\">{}</p>", text::FIX)
    } else {
        Html::new()
    };
    let body = html!(
        "{}<p><a href=\"/w/{}/matrices\">{}</a> · <a href=\"/w/{}/matrices/{}/results\">{}</a></p>{}{}\
         <details><summary>{}</summary><ul>{}</ul></details>\
         <h2 id=\"tracker-h\">{}</h2><section aria-labelledby=\"tracker-h\" data-poll=\"/w/{}/matrices/{}/tracker\" data-every=\"3000\">{}</section>\
         <h2 id=\"score-h\">{}</h2>{}",
        workspace_header(&access.workspace, Tab::Workshop, &record.name),
        id,
        text::BACK,
        id,
        record.id,
        text::RESULTS_LINK,
        message,
        problem,
        text::SCALE,
        scale,
        text::TRACKER,
        id,
        record.id,
        tracker_html(access, record, &progress, &names),
        text::SCORE_TITLE,
        form
    );
    let status = if sent.is_some() { StatusCode::BAD_REQUEST } else { StatusCode::OK };
    let title = format!("{} — {}", record.name, text::TITLE);
    Ok((status, Page::new(title, caller, Section::Home).body(body).response()).into_response())
}

/// The names of the assessors of `progress`, by user id: display names for those who
/// read the workspace's records (its members and admins), else "Assessor N".
async fn assessor_names(
    state: &AppState,
    access: &Access,
    progress: &Progress,
) -> PageResult<HashMap<i64, String>> {
    let mut names = HashMap::new();
    for (k, a) in progress.assessors.iter().enumerate() {
        let name = if access.read_records().is_ok() {
            state.store().user(a.user_id).await?.map(|u| u.display_name)
        } else {
            None
        };
        names.insert(a.user_id, name.unwrap_or_else(|| format!("{} {}", text::ASSESSOR, k + 1)));
    }
    Ok(names)
}

/// The form field names of the cell (`row`, `col`) by element index: its score and reason.
fn cell_fields(r: usize, c: usize) -> (String, String) {
    (format!("s-{r}-{c}"), format!("r-{r}-{c}"))
}

/// The visitor's scoring form: one fieldset per influencing element, a score and a reason
/// per influenced one, pre-filled with the visitor's scores (or what a failed post sent).
fn scoring_form(
    access: &Access,
    record: &MatrixRecord,
    scores: &[MatrixScore],
    sent: Option<&Sent>,
) -> Html {
    let mine: HashMap<(&str, &str), &MatrixScore> = scores
        .iter()
        .filter(|s| s.assessor_id == access.user_id)
        .map(|s| ((s.row_id.as_str(), s.col_id.as_str()), s))
        .collect();
    let options: Vec<(String, String)> = std::iter::once((String::new(), text::NOT_SCORED.text()))
        .chain(
            text::SCALE_POINTS
                .iter()
                .map(|(v, name, _)| (v.to_string(), format!("{} {}", signed(f64::from(*v)), name))),
        )
        .collect();
    let mut next = None;
    let mut groups = Html::new();
    for (r, from) in record.elements.iter().enumerate() {
        let mut cells = Html::new();
        let mut left = 0;
        for (c, to) in record.elements.iter().enumerate().filter(|(c, _)| *c != r) {
            let (s_name, r_name) = cell_fields(r, c);
            let stored = mine.get(&(from.id.as_str(), to.id.as_str()));
            let (score, reason) = match sent {
                Some(sent) => (
                    sent.values.get(&s_name).cloned().unwrap_or_default(),
                    sent.values.get(&r_name).cloned().unwrap_or_default(),
                ),
                None => (
                    stored.map(|s| s.score.to_string()).unwrap_or_default(),
                    stored.map(|s| s.reason.clone()).unwrap_or_default(),
                ),
            };
            if stored.is_none() {
                left += 1;
                next.get_or_insert_with(|| format!("f-{s_name}"));
            }
            let error = |name: &str| sent.and_then(|s| s.errors.get(name).cloned());
            cells.push(html!(
                "<div class=\"score-cell\">{}{}</div>",
                Field::new(&s_name, &format!("… {}", to.label), Control::Select(options.clone()))
                    .value(score)
                    .error(error(&s_name))
                    .render(),
                Field::text(&r_name, &format!("{} ({} → {})", text::WHY, from.label, to.label))
                    .value(reason)
                    .attr("maxlength", "2000")
                    .error(error(&r_name))
                    .render()
            ));
        }
        groups.push(html!(
            "<fieldset class=\"score-row\" id=\"row-{}\"><legend>{} “{}”, {} <span class=\"badge\">{} {}</span></legend>{}</fieldset>",
            r,
            text::ROW_LEGEND,
            from.label,
            text::ROW_LEGEND_AFTER,
            left,
            text::LEFT,
            cells
        ));
    }
    let next = match next {
        Some(anchor) => html!("<p><a href=\"#{}\">{}</a></p>", anchor, text::NEXT),
        None => html!("<p class=\"badge good\">{}</p>", text::ALL_DONE),
    };
    html!(
        "<p>{}</p>{}<form method=\"post\" action=\"/w/{}/matrices/{}/scores\" data-validate>{}\
         <p class=\"actions\"><button type=\"submit\">{}</button></p></form>",
        text::SCORE_INTRO,
        next,
        access.workspace.id,
        record.id,
        groups,
        text::SAVE
    )
}

async fn save_scores(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, matrix)): Path<(i64, i64)>,
    WebForm(fields): WebForm<Vec<(String, String)>>,
) -> PageResult {
    let (access, record, scores) = scores_of(&state, &caller, id, matrix).await?;
    may_score(&access)?;
    let sent = Sent { values: fields.into_iter().collect(), errors: HashMap::new() };
    let (changes, errors) = scores_to_save(&access, &record, &scores, &sent);
    if !errors.is_empty() {
        let sent = Sent { errors, ..sent };
        return matrix_response(
            &state,
            &caller,
            &access,
            &record,
            &scores,
            Some(&sent),
            Html::new(),
        )
        .await;
    }
    let mut saved = 0;
    for (body, reason) in changes {
        save_score(&state, &access, &record, &body, reason).await?;
        saved += 1;
    }
    Ok(see_other(&format!("/w/{id}/matrices/{matrix}?saved={saved}")))
}

/// The cells of a post that change the visitor's scores, checked by the API's
/// `check_score` (with the reason to store), and the errors by form field.
fn scores_to_save(
    access: &Access,
    record: &MatrixRecord,
    scores: &[MatrixScore],
    sent: &Sent,
) -> (Vec<(ScoreBody, String)>, HashMap<String, String>) {
    let mut changes = Vec::new();
    let mut errors = HashMap::new();
    for (r, from) in record.elements.iter().enumerate() {
        for (c, to) in record.elements.iter().enumerate().filter(|(c, _)| *c != r) {
            let (s_name, r_name) = cell_fields(r, c);
            let score = sent.values.get(&s_name).map_or("", |s| s.trim());
            let reason = sent.values.get(&r_name).map_or("", |s| s.trim());
            if score.is_empty() {
                if !reason.is_empty() {
                    errors.insert(s_name, text::NEEDS_SCORE.text());
                }
                continue;
            }
            let Ok(score) = score.trim_start_matches('+').parse::<i64>() else {
                errors.insert(s_name, text::BAD_SCORE.text());
                continue;
            };
            let unchanged = scores.iter().any(|s| {
                s.assessor_id == access.user_id
                    && s.row_id == from.id
                    && s.col_id == to.id
                    && s.score == score
                    && s.reason == reason
            });
            if unchanged {
                continue;
            }
            let body = ScoreBody {
                row: from.id.clone(),
                col: to.id.clone(),
                score,
                reason: reason.to_owned(),
            };
            match check_score(record, &body) {
                Ok(reason) => changes.push((body, reason)),
                Err(e) => {
                    let field = if e.field.as_deref() == Some("reason") { r_name } else { s_name };
                    errors.insert(field, e.message);
                }
            }
        }
    }
    (changes, errors)
}

async fn tracker(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, matrix)): Path<(i64, i64)>,
) -> PageResult {
    let (access, record, scores) = scores_of(&state, &caller, id, matrix).await?;
    let progress = progress_of(&state, &record, &scores).await?;
    let names = assessor_names(&state, &access, &progress).await?;
    Ok(html_response(tracker_html(&access, &record, &progress, &names)))
}

/// The tracker: how many scores are left, who has not finished, and each assessor's
/// unscored pairs (the visitor's own linked to their place in the form).
fn tracker_html(
    access: &Access,
    record: &MatrixRecord,
    progress: &Progress,
    names: &HashMap<i64, String>,
) -> Html {
    if progress.assessors.is_empty() {
        return html!("<p>{}</p>", text::NO_ASSESSORS);
    }
    let left: usize = progress.assessors.iter().map(|a| progress.cells - a.scored).sum();
    let position = |id: &str| record.elements.iter().position(|e| e.id == id);
    let label = |id: &str| {
        record.elements.iter().find(|e| e.id == id).map_or(id.to_owned(), |e| e.label.clone())
    };
    let name = |user: i64| names.get(&user).cloned().unwrap_or_default();
    let summary = if left == 0 {
        html!("<p class=\"notice\" data-left=\"0\">{}</p>", text::EVERYONE)
    } else {
        let behind: Vec<String> = progress
            .assessors
            .iter()
            .filter(|a| a.scored < progress.cells)
            .map(|a| name(a.user_id))
            .collect();
        html!(
            "<p data-left=\"{}\"><strong>{}</strong> {}. {}: {}.</p>",
            left,
            left,
            text::SCORES_LEFT,
            text::NOT_FINISHED,
            behind.join(", ")
        )
    };
    let rows: Html = progress
        .assessors
        .iter()
        .map(|a| {
            let me = a.user_id == access.user_id;
            let shown: Html = a
                .unscored
                .iter()
                .take(12)
                .filter_map(|pair| pair.split_once('→'))
                .map(|(r, c)| {
                    let text = format!("{} → {}", label(r), label(c));
                    match (me, position(r), position(c)) {
                        (true, Some(i), Some(j)) => html!(
                            "<li><a href=\"/w/{}/matrices/{}#f-s-{}-{}\">{}</a></li>",
                            access.workspace.id,
                            record.id,
                            i,
                            j,
                            text
                        ),
                        _ => html!("<li>{}</li>", text),
                    }
                })
                .collect();
            let missing = progress.cells - a.scored;
            let more = if missing > 12 {
                html!("<li>{} {} {}</li>", text::AND, missing - 12, text::MORE)
            } else {
                Html::new()
            };
            let you = if me { html!(" ({})", text::YOU) } else { Html::new() };
            let row_class = if missing > 0 { html!(" class=\"disagree\"") } else { Html::new() };
            html!(
                "<tr{} data-assessor=\"{}\" data-unscored=\"{}\"><th scope=\"row\">{}{}</th><td>{}</td><td class=\"num\">{} / {}</td><td><ul class=\"pairs\">{}{}</ul></td></tr>",
                row_class,
                a.user_id,
                missing,
                name(a.user_id),
                you,
                a.role.as_deref().unwrap_or(&text::FORMER.text()),
                a.scored,
                progress.cells,
                shown,
                more
            )
        })
        .collect();
    html!(
        "{}<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"tracker\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        summary,
        text::TRACKER_CAPTION,
        text::TRACKER_CAPTION,
        text::ASSESSOR,
        text::ROLE,
        text::SCORED,
        text::UNSCORED,
        rows
    )
}

// ---------------------------------------------------------------------------------------
// The facilitator's view.

/// Whether the assessors of a cell disagree: some positive and some negative, or 3
/// points or more apart (what `coherence matrix metrics` lists as disagreements).
fn disagrees(opposite_signs: bool, range: i8) -> bool {
    opposite_signs || range >= 3
}

/// `n` as `f64` (counts far below 2^32).
fn count(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// A metric as a page shows it: two decimals at most.
fn figure(v: f64) -> String {
    report::markup::format_trimmed(v, 2)
}

/// The results in the matrix's element order: for each node of the report, its element's
/// index (`None` for a node no longer an element).
fn element_of_node(
    record: &MatrixRecord,
    report: &analysis::assess::MatrixReport,
) -> Vec<Option<usize>> {
    report.matrix.nodes.iter().map(|id| record.elements.iter().position(|e| &e.id == id)).collect()
}

async fn results_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, matrix)): Path<(i64, i64)>,
) -> PageResult {
    let (access, record, report) = report_of(&state, &caller, id, matrix).await?;
    let header = html!(
        "{}<p><a href=\"/w/{}/matrices\">{}</a> · <a href=\"/w/{}/matrices/{}\">{}</a></p>",
        workspace_header(
            &access.workspace,
            Tab::Workshop,
            &format!("{} — {}", record.name, text::RESULTS)
        ),
        id,
        text::BACK,
        id,
        record.id,
        text::SCORING_LINK
    );
    let title = format!("{} — {}", record.name, text::RESULTS);
    let Some(report) = report else {
        let body = html!("{}<p>{}</p>", header, text::NO_SCORES);
        return Ok(Page::new(title, &caller, Section::Home).body(body).response());
    };
    let scores = state.store().matrix_scores(matrix).await?;
    let progress = progress_of(&state, &record, &scores).await?;
    let names = assessor_names(&state, &access, &progress).await?;
    let assessors: Vec<i64> = progress
        .assessors
        .iter()
        .map(|a| a.user_id)
        .filter(|u| report.matrix.assessors.contains(&u.to_string()))
        .collect();
    let body = html!(
        "{}{}{}{}{}{}",
        header,
        medians_section(&record, &report),
        reasons_section(&record, &report, &assessors, &names),
        network_section(&record, &report),
        metrics_section(&record, &report),
        downloads(id, record.id)
    );
    Ok(Page::new(title, &caller, Section::Home).body(body).response())
}

/// The heat map of the medians and the same numbers in a table, disagreements marked.
fn medians_section(record: &MatrixRecord, report: &analysis::assess::MatrixReport) -> Html {
    let n = record.elements.len();
    let at = element_of_node(record, report);
    let mut medians = vec![None; n * n];
    let mut flagged = vec![false; n * n];
    for c in &report.matrix.cells {
        if let (Some(r), Some(k)) = (at[c.from], at[c.to]) {
            medians[r * n + k] = Some(c.median);
            flagged[r * n + k] = disagrees(c.opposite_signs, c.range);
        }
    }
    let labels: Vec<String> = record.elements.iter().map(|e| e.label.clone()).collect();
    let n_flagged = flagged.iter().filter(|f| **f).count();
    let scored = medians.iter().filter(|m| m.is_some()).count();
    let map = HeatMap {
        id: format!("heat-{}", record.id),
        title: text::HEAT_TITLE.text(),
        summary: format!(
            "{n} objectives; {scored} of {} pairs scored; assessors disagree on {n_flagged}. The numbers are in the table that follows.",
            n * n.saturating_sub(1)
        ),
        labels: labels.clone(),
        values: medians.clone(),
        flagged: flagged.clone(),
    };
    let head: Html = labels
        .iter()
        .enumerate()
        .map(|(c, l)| html!("<th scope=\"col\">{}. {}</th>", c + 1, l))
        .collect();
    let rows: Html = record
        .elements
        .iter()
        .enumerate()
        .map(|(r, from)| {
            let cells: Html = record
                .elements
                .iter()
                .enumerate()
                .map(|(c, to)| match medians[r * n + c] {
                    _ if r == c => html!("<td class=\"num muted\">—</td>"),
                    None => html!("<td class=\"num muted\">·</td>"),
                    Some(v) if flagged[r * n + c] => html!(
                        "<td class=\"num disagree\" data-from=\"{}\" data-to=\"{}\" data-median=\"{}\">{} <abbr title=\"{}\">!</abbr></td>",
                        from.id.as_str(),
                        to.id.as_str(),
                        v.to_string(),
                        signed(v),
                        text::DISAGREE
                    ),
                    Some(v) => html!(
                        "<td class=\"num\" data-from=\"{}\" data-to=\"{}\" data-median=\"{}\">{}</td>",
                        from.id.as_str(),
                        to.id.as_str(),
                        v.to_string(),
                        signed(v)
                    ),
                })
                .collect();
            html!("<tr><th scope=\"row\">{}. {}</th>{}</tr>", r + 1, from.label.as_str(), cells)
        })
        .collect();
    html!(
        "<h2>{}</h2><p>{}</p><div class=\"chart-wrap\">{}</div>\
         <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"medians\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>{}</tr></thead>\
         <tbody>{}</tbody></table></div>",
        text::MEDIANS,
        text::MEDIANS_INTRO,
        network::heat_map(&map),
        text::MEDIANS_CAPTION,
        text::MEDIANS_CAPTION,
        text::INFLUENCES,
        head,
        rows
    )
}

/// Every scored pair with each assessor's score and reason side by side, pairs where
/// assessors disagree first.
fn reasons_section(
    record: &MatrixRecord,
    report: &analysis::assess::MatrixReport,
    assessors: &[i64],
    names: &HashMap<i64, String>,
) -> Html {
    let at = element_of_node(record, report);
    let label = |node: usize| {
        at[node]
            .map_or_else(|| report.matrix.nodes[node].clone(), |e| record.elements[e].label.clone())
    };
    let mut cells: Vec<_> = report.matrix.cells.iter().collect();
    cells.sort_by_key(|c| (!disagrees(c.opposite_signs, c.range), at[c.from], at[c.to]));
    let head: Html = assessors
        .iter()
        .map(|u| html!("<th scope=\"col\">{}</th>", names.get(u).cloned().unwrap_or_default()))
        .collect();
    let rows: Html = cells
        .iter()
        .map(|c| {
            let by: Html = assessors
                .iter()
                .map(|u| {
                    let who = u.to_string();
                    match c.assessors.iter().position(|a| *a == who) {
                        Some(k) => {
                            let prefix = format!("{who}: ");
                            let reason = c.rationales[k].strip_prefix(&prefix).unwrap_or(&c.rationales[k]);
                            html!("<td><strong>{}</strong> — {}</td>", signed(f64::from(c.scores[k])), reason)
                        }
                        None => html!("<td class=\"muted\">—</td>"),
                    }
                })
                .collect();
            let split = disagrees(c.opposite_signs, c.range);
            let class = if split { html!(" class=\"disagree\"") } else { Html::new() };
            let flag = if split { html!(" <abbr title=\"{}\">!</abbr>", text::DISAGREE) } else { Html::new() };
            html!(
                "<tr{}><th scope=\"row\">{} → {}</th><td class=\"num\">{}{}</td><td class=\"num\">{}</td>{}</tr>",
                class,
                label(c.from),
                label(c.to),
                signed(c.median),
                flag,
                c.range,
                by
            )
        })
        .collect();
    html!(
        "<h2>{}</h2><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"reasons\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th>{}</tr></thead><tbody>{}</tbody></table></div>",
        text::REASONS,
        text::REASONS_CAPTION,
        text::REASONS_CAPTION,
        text::PAIR,
        text::MEDIAN,
        text::RANGE,
        head,
        rows
    )
}

/// The network diagram of the medians.
fn network_section(record: &MatrixRecord, report: &analysis::assess::MatrixReport) -> Html {
    let at = element_of_node(record, report);
    let links: Vec<Link> = report
        .matrix
        .cells
        .iter()
        .filter_map(|c| Some(Link { from: at[c.from]?, to: at[c.to]?, value: c.median }))
        .collect();
    let positive = links.iter().filter(|l| l.value > 0.0).count();
    let negative = links.iter().filter(|l| l.value < 0.0).count();
    let net = Network {
        id: format!("network-{}", record.id),
        title: text::NETWORK_TITLE.text(),
        summary: format!(
            "{} objectives on a circle, {positive} positive links (solid) and {negative} negative links (dashed) \
             between them. The numbers are in the tables of this page.",
            record.elements.len()
        ),
        labels: record.elements.iter().map(|e| e.label.clone()).collect(),
        links,
    };
    html!(
        "<h2>{}</h2><div class=\"chart-wrap\">{}</div>",
        text::NETWORK,
        network::network_diagram(&net)
    )
}

/// The network metrics: the most influential and most influenced objectives, every
/// objective's metrics, the conflicts and the ripple effects.
fn metrics_section(record: &MatrixRecord, report: &analysis::assess::MatrixReport) -> Html {
    let metrics = &report.metrics;
    let label = |id: &str| {
        record
            .elements
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_owned(), |e| e.label.clone())
    };
    let value = |i: usize, key: &str| {
        let n = &metrics.nodes[i];
        match key {
            "out_influence" => n.out_influence,
            "out_positive" => n.out_positive,
            "out_negative" => n.out_negative,
            "in_influence" => n.in_influence,
            "in_positive" => n.in_positive,
            "in_negative" => n.in_negative,
            "second_order_out" => n.second_order_out,
            "second_order_in" => n.second_order_in,
            "combined_out" => n.combined_out,
            "combined_in" => n.combined_in,
            "pagerank" => n.pagerank,
            "n_out_negative" => count(n.n_out_negative),
            _ => f64::NAN,
        }
    };
    let top = |key: &str| {
        let mut order: Vec<usize> =
            (0..metrics.nodes.len()).filter(|&i| value(i, key) > 0.0).collect();
        order.sort_by(|&a, &b| {
            value(b, key)
                .total_cmp(&value(a, key))
                .then(metrics.nodes[a].name.cmp(&metrics.nodes[b].name))
        });
        let items: Html = order
            .into_iter()
            .take(3)
            .map(|i| {
                html!(
                    "<li data-node=\"{}\">{} ({})</li>",
                    metrics.nodes[i].name.as_str(),
                    label(&metrics.nodes[i].name),
                    figure(value(i, key))
                )
            })
            .collect();
        if items.is_empty() { html!("<p>—</p>") } else { html!("<ol>{}</ol>", items) }
    };
    let head: Html = text::METRIC_COLUMNS
        .iter()
        .map(|(_, h)| html!("<th scope=\"col\" class=\"num\">{}</th>", *h))
        .collect();
    let mut order: Vec<usize> = (0..metrics.nodes.len()).collect();
    order.sort_by_key(|&i| record.elements.iter().position(|e| e.id == metrics.nodes[i].name));
    let rows: Html = order
        .into_iter()
        .map(|i| {
            let cells: Html = text::METRIC_COLUMNS
                .iter()
                .map(|(key, _)| {
                    let v = value(i, key);
                    let shown = if *key == "pagerank" {
                        report::markup::format_trimmed(v, 3)
                    } else {
                        figure(v)
                    };
                    html!(
                        "<td class=\"num\" data-metric=\"{}\" data-value=\"{}\">{}</td>",
                        *key,
                        v.to_string(),
                        shown
                    )
                })
                .collect();
            let name = metrics.nodes[i].name.as_str();
            html!("<tr data-node=\"{}\"><th scope=\"row\">{}</th>{}</tr>", name, label(name), cells)
        })
        .collect();
    html!(
        "<h2>{}</h2><p class=\"muted\">Second order: sign {}, scale {}, self paths {} (docs/assessment.md).</p>\
         <div class=\"top-lists\"><section><h3>{}</h3>{}</section><section><h3>{}</h3>{}</section></div>\
         <div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"metrics\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>{}</tr></thead>\
         <tbody>{}</tbody></table></div>{}{}",
        text::METRICS,
        metrics.sign_convention.as_str(),
        metrics.second_order_scale.as_str(),
        metrics.self_paths.as_str(),
        text::MOST_INFLUENTIAL,
        top("out_positive"),
        text::MOST_INFLUENCED,
        top("in_positive"),
        text::METRICS_CAPTION,
        text::METRICS_CAPTION,
        text::OBJECTIVE,
        head,
        rows,
        conflicts(report, &label),
        ripples(report, &label)
    )
}

/// The conflicts of the metrics (medians at or below the threshold).
fn conflicts(report: &analysis::assess::MatrixReport, label: &dyn Fn(&str) -> String) -> Html {
    let list = &report.metrics.conflicts;
    if list.is_empty() {
        return html!("<h3>{}</h3><p>{}</p>", text::CONFLICTS, text::NO_CONFLICTS);
    }
    let rows: Html = list
        .iter()
        .map(|c| {
            html!(
                "<tr data-from=\"{}\" data-to=\"{}\"><th scope=\"row\">{} → {}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                c.from.as_str(),
                c.to.as_str(),
                label(&c.from),
                label(&c.to),
                signed(c.median),
                c.range,
                if c.opposite_signs { text::YES } else { text::NO }
            )
        })
        .collect();
    html!(
        "<h3>{}</h3><p>{}</p><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"conflicts\"><caption>{}</caption><thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead>\
         <tbody>{}</tbody></table></div>",
        text::CONFLICTS,
        text::CONFLICTS_INTRO,
        text::CONFLICTS,
        text::CONFLICTS,
        text::PAIR,
        text::MEDIAN,
        text::RANGE,
        text::OPPOSITE,
        rows
    )
}

/// The strongest second-order influences (the term `T` of the metrics), at most eight.
fn ripples(report: &analysis::assess::MatrixReport, label: &dyn Fn(&str) -> String) -> Html {
    let nodes = &report.metrics.nodes;
    let n = nodes.len();
    let t = &report.metrics.second_order;
    let mut pairs: Vec<(usize, usize, f64)> = (0..n)
        .flat_map(|i| (0..n).map(move |k| (i, k)))
        .filter(|(i, k)| i != k)
        .filter_map(|(i, k)| t.get(i * n + k).map(|v| (i, k, *v)))
        .filter(|(_, _, v)| *v != 0.0)
        .collect();
    pairs.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()).then((a.0, a.1).cmp(&(b.0, b.1))));
    if pairs.is_empty() {
        return html!("<h3>{}</h3><p>{}</p>", text::RIPPLES, text::NO_RIPPLES);
    }
    let rows: Html = pairs
        .into_iter()
        .take(8)
        .map(|(i, k, v)| {
            html!(
                "<tr><th scope=\"row\">{} → {}</th><td class=\"num\" data-value=\"{}\">{}</td></tr>",
                label(&nodes[i].name),
                label(&nodes[k].name),
                v.to_string(),
                figure(v)
            )
        })
        .collect();
    html!(
        "<h3>{}</h3><p>{}</p><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"ripples\"><caption>{}</caption><thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        text::RIPPLES,
        text::RIPPLES_INTRO,
        text::RIPPLES_CAPTION,
        text::RIPPLES_CAPTION,
        text::PAIR,
        text::VIA,
        rows
    )
}

/// The downloads of matrix `m` of workspace `id`.
fn downloads(id: i64, m: i64) -> Html {
    html!(
        "<h2>{}</h2><ul class=\"downloads\"><li><a href=\"/w/{}/matrices/{}/export/csv\" download>{}</a></li>\
         <li><a href=\"/w/{}/matrices/{}/export/xlsx\" download>{}</a></li>\
         <li><a href=\"/w/{}/matrices/{}/export/graphml\" download>{}</a></li></ul>",
        text::DOWNLOADS,
        id,
        m,
        text::CSV,
        id,
        m,
        text::XLSX,
        id,
        m,
        text::GRAPHML
    )
}

// ---------------------------------------------------------------------------------------
// Exports.

async fn export(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, matrix, format)): Path<(i64, i64, String)>,
) -> PageResult {
    let file =
        |record: &MatrixRecord, ext: &str| format!("matrix-{}-{}.{ext}", record.id, record.name);
    match format.as_str() {
        "csv" => {
            let (_, record, scores) = scores_of(&state, &caller, id, matrix).await?;
            let assessors: Vec<String> = scores.iter().map(|s| s.assessor_id.to_string()).collect();
            let rows: Vec<JudgementRow<'_>> = scores
                .iter()
                .zip(&assessors)
                .map(|(s, a)| JudgementRow {
                    assessor: a,
                    from: &s.row_id,
                    to: &s.col_id,
                    score: s.score,
                    rationale: &s.reason,
                })
                .collect();
            let csv = network::judgements_csv(&rows);
            Ok(download("text/csv; charset=utf-8", &file(&record, "csv"), csv.into_bytes()))
        }
        "xlsx" | "graphml" => {
            let (_, record, report) = report_of(&state, &caller, id, matrix).await?;
            let report =
                report.ok_or_else(|| ApiError::new(Kind::Conflict, text::NOTHING_TO_EXPORT))?;
            if format == "graphml" {
                let g = analysis::assess::render::graphml(&report.matrix, &report.metrics);
                return Ok(download(
                    "application/graphml+xml",
                    &file(&record, "graphml"),
                    g.into_bytes(),
                ));
            }
            let scores = state.store().matrix_scores(matrix).await?;
            let bytes = report::xlsx::workbook(&sheets(&record, &report, &scores))
                .map_err(|e| ApiError::hidden(Kind::Internal, &e))?;
            Ok(download(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &file(&record, "xlsx"),
                bytes,
            ))
        }
        _ => Err(PageError::Api(ApiError::not_found(format!(
            "an export as {format:?} (csv, xlsx or graphml)"
        )))),
    }
}

/// The workbook's sheets: the cells (medians and disagreement), the metrics, and the
/// judgements.
fn sheets(
    record: &MatrixRecord,
    report: &analysis::assess::MatrixReport,
    scores: &[MatrixScore],
) -> Vec<report::xlsx::Sheet> {
    use report::xlsx::{Cell, Sheet};
    let label =
        |id: &str| record.elements.iter().find(|e| e.id == id).map_or("", |e| e.label.as_str());
    let m = &report.matrix;
    let cells = Sheet {
        name: "Cells".into(),
        keys: Vec::new(),
        columns: [
            "from",
            "to",
            "from_label",
            "to_label",
            "median",
            "n_assessors",
            "scores",
            "range",
            "mean_abs_deviation",
            "opposite_signs",
            "rationales",
        ]
        .map(String::from)
        .to_vec(),
        rows: m
            .cells
            .iter()
            .map(|c| {
                let scores: Vec<String> = c.scores.iter().map(i8::to_string).collect();
                vec![
                    Cell::from(m.nodes[c.from].as_str()),
                    Cell::from(m.nodes[c.to].as_str()),
                    Cell::from(label(&m.nodes[c.from])),
                    Cell::from(label(&m.nodes[c.to])),
                    Cell::from(c.median),
                    Cell::from(count(c.scores.len())),
                    Cell::from(scores.join(" ")),
                    Cell::from(f64::from(c.range)),
                    Cell::from(c.mean_abs_deviation),
                    Cell::from(if c.opposite_signs { "true" } else { "false" }),
                    Cell::from(c.rationales.join("; ")),
                ]
            })
            .collect(),
    };
    let metrics = Sheet {
        name: "Metrics".into(),
        keys: Vec::new(),
        columns: analysis::assess::render::METRICS_CSV_HEADER
            .split(',')
            .map(String::from)
            .collect(),
        rows: report
            .metrics
            .nodes
            .iter()
            .map(|n| {
                let mut row = vec![Cell::from(n.name.as_str())];
                row.extend(
                    [
                        n.out_influence,
                        n.out_positive,
                        n.out_negative,
                        count(n.n_out_positive),
                        count(n.n_out_negative),
                        n.in_influence,
                        n.in_positive,
                        n.in_negative,
                        count(n.n_in_positive),
                        count(n.n_in_negative),
                        n.second_order_out,
                        n.second_order_in,
                        n.combined_out,
                        n.combined_in,
                        n.pagerank,
                    ]
                    .map(Cell::from),
                );
                row.extend([
                    Cell::from(report.metrics.sign_convention.as_str()),
                    Cell::from(report.metrics.second_order_scale.as_str()),
                    Cell::from(report.metrics.self_paths.as_str()),
                ]);
                row
            })
            .collect(),
    };
    let judgements = Sheet {
        name: "Judgements".into(),
        keys: Vec::new(),
        columns: ["assessor", "from", "to", "score", "rationale"].map(String::from).to_vec(),
        rows: scores
            .iter()
            .map(|s| {
                vec![
                    Cell::from(s.assessor_id.to_string()),
                    Cell::from(s.row_id.as_str()),
                    Cell::from(s.col_id.as_str()),
                    Cell::from(f64::from(i32::try_from(s.score).unwrap_or(0))),
                    Cell::from(s.reason.as_str()),
                ]
            })
            .collect(),
    };
    vec![cells, metrics, judgements]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_objectives_take_an_id_or_get_one() {
        let got = typed_objectives(
            "health: Universal health coverage\n\n  Cheaper remittances: now \nbad id: x\n",
        );
        let pairs: Vec<(&str, &str)> =
            got.iter().map(|e| (e.id.as_str(), e.label.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("health", "Universal health coverage"),
                ("o2", "Cheaper remittances: now"),
                ("o3", "bad id: x")
            ]
        );
    }

    #[test]
    fn disagreement_is_a_sign_split_or_a_wide_range() {
        assert!(disagrees(true, 2));
        assert!(disagrees(false, 3));
        assert!(!disagrees(false, 2));
    }
}
