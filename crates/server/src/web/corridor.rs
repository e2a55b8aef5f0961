//! The corridor page of a partnership: origin and destination side by side — the
//! corridor's figures with their sources, each government's register as far as it
//! shares it with the partnership, the corridor rules that fire with their evidence —
//! and, under each finding, the notes the two governments exchange on it. Each side's
//! coordinator decides there what its government shares: the whole register, or single
//! policies.
//!
//! The check reads of each register only what its government shares with the
//! partnership (`analysis::Workspace::corridor_visible`), the same for every member, so
//! that no finding rests on a policy a government keeps to itself and both sides discuss
//! the same findings.

use std::collections::BTreeMap;

use analysis::corridor::{CorridorReport, DataEvidence, DataFact, Finding, PolicyEvidence};
use analysis::register::RegisterEntry;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use report::html;
use report::html::Html;
use serde::Deserialize;
use store::{Actor, CorridorNote, Shared, Workspace, WorkspaceKind};

use crate::AppState;
use crate::access::{Access, RegisterView};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Kind};
use crate::routes::ApiJson;
use crate::routes::workspaces::{ShareBody, share_set};
use crate::web::form::{Control, Field, notice, problem};
use crate::web::lang::said;
use crate::web::layout::{Page, Section, Tab, workspace_header};
use crate::web::{PageResult, Pages, Visitor, WebForm, WebQuery, see_other, url_encode};

/// The words of the page.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-cor-title");
    pub(crate) const NOT_PARTNERSHIP: Msg = Msg("web-cor-not-partnership");
    pub(crate) const FIGURES: Msg = Msg("web-cor-figures");
    pub(crate) const FIGURES_CAPTION: Msg = Msg("web-cor-figures-caption");
    pub(crate) const NO_FIGURES: Msg = Msg("web-cor-no-figures");
    pub(crate) const INDICATOR: Msg = Msg("web-cor-indicator");
    pub(crate) const WHERE: Msg = Msg("web-cor-where");
    pub(crate) const YEAR: Msg = Msg("web-cor-year");
    pub(crate) const VALUE: Msg = Msg("web-cor-value");
    pub(crate) const UNIT: Msg = Msg("web-cor-unit");
    pub(crate) const SOURCE: Msg = Msg("web-cor-source");
    pub(crate) const REGISTERS: Msg = Msg("web-cor-registers");
    pub(crate) const ORIGIN: Msg = Msg("web-cor-origin");
    pub(crate) const DESTINATION: Msg = Msg("web-cor-destination");
    pub(crate) const SHARES_ALL: Msg = Msg("web-cor-shares-all");
    pub(crate) const SHARES_NONE: Msg = Msg("web-cor-shares-none");
    pub(crate) const SHARES_SOME: Msg = Msg("web-cor-shares-some");
    pub(crate) const ID: Msg = Msg("web-cor-id");
    pub(crate) const POLICY_TITLE: Msg = Msg("web-cor-policy-title");
    pub(crate) const MINISTRY: Msg = Msg("web-cor-ministry");
    pub(crate) const STATUS: Msg = Msg("web-cor-status");
    pub(crate) const FINDINGS: Msg = Msg("web-cor-findings");
    pub(crate) const FINDINGS_INTRO: Msg = Msg("web-cor-findings-intro");
    pub(crate) const NO_FINDINGS: Msg = Msg("web-cor-no-findings");
    pub(crate) const UNEVALUATED: Msg = Msg("web-cor-unevaluated");
    pub(crate) const SEVERITY: Msg = Msg("web-cor-severity");
    pub(crate) const LEVEL: Msg = Msg("web-cor-level");
    pub(crate) const WHY: Msg = Msg("web-cor-why");
    pub(crate) const RULE_SOURCE: Msg = Msg("web-cor-rule-source");
    pub(crate) const POLICIES: Msg = Msg("web-cor-policies");
    pub(crate) const ATTRIBUTES: Msg = Msg("web-cor-attributes");
    pub(crate) const DATA: Msg = Msg("web-cor-data");
    pub(crate) const ABSENCES: Msg = Msg("web-cor-absences");
    pub(crate) const NEAR: Msg = Msg("web-cor-near");
    pub(crate) const NOTES: Msg = Msg("web-cor-notes");
    pub(crate) const NO_NOTES: Msg = Msg("web-cor-no-notes");
    pub(crate) const GENERAL: Msg = Msg("web-cor-general");
    pub(crate) const NOTE: Msg = Msg("web-cor-note");
    pub(crate) const NOTE_HINT: Msg = Msg("web-cor-note-hint");
    pub(crate) const ADD_NOTE: Msg = Msg("web-cor-add-note");
    pub(crate) const NOTE_ADDED: Msg = Msg("web-cor-note-added");
    pub(crate) const NOTE_REASON: Msg = Msg("web-cor-note-reason");
    pub(crate) const NOTE_BAD: Msg = Msg("web-cor-note-bad");
    pub(crate) const FINDING_BAD: Msg = Msg("web-cor-finding-bad");
    pub(crate) const SHARING: Msg = Msg("web-cor-sharing");
    pub(crate) const SHARE_WHOLE: Msg = Msg("web-cor-share-whole");
    pub(crate) const SHARE_WHOLE_HINT: Msg = Msg("web-cor-share-whole-hint");
    pub(crate) const SHARE_ONE: Msg = Msg("web-cor-share-one");
    pub(crate) const SHARE_REASON: Msg = Msg("web-cor-share-reason");
    pub(crate) const SHARE_SAVE: Msg = Msg("web-cor-share-save");
    pub(crate) const SHARED_SAVED: Msg = Msg("web-cor-shared-saved");
    pub(crate) const NOTHING_CHANGED: Msg = Msg("web-cor-nothing-changed");
    pub(crate) const SIDE: Msg = Msg("web-cor-side");
    pub(crate) const WROTE: Msg = Msg("web-cor-wrote");
    pub(crate) const FICTIONAL: Msg = Msg("web-cor-fictional");

    /// The caption of a side's shared policies.
    pub(crate) fn shared_caption(name: &str) -> String {
        format!("Policies of {name} shared with this partnership")
    }

    /// The heading of a side's sharing form.
    pub(crate) fn sharer(name: &str, country: &str) -> String {
        format!("{name} ({country})")
    }

    /// A side's heading: the workspace, its country and its side.
    pub(crate) fn side(name: &str, country: &str, side: &str) -> String {
        format!("{name} ({country}), {side}")
    }
}

/// Adds the routes of the page.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/w/{id}/corridor", corridor)
        .post("/w/{id}/corridor/notes", note_post)
        .post("/w/{id}/corridor/share", share_post)
}

/// A partnership's two governments.
struct Sides {
    origin: Workspace,
    destination: Workspace,
}

/// The partnership's sides; 400 for a government's workspace.
async fn sides(state: &AppState, access: &Access) -> ApiResult<Sides> {
    let WorkspaceKind::Partnership { origin_id, destination_id } = access.workspace.kind else {
        return Err(ApiError::invalid("id", text::NOT_PARTNERSHIP));
    };
    let store = state.store();
    let get = |id: i64| async move {
        store.workspace(id).await?.ok_or_else(|| ApiError::not_found(format!("workspace {id}")))
    };
    Ok(Sides { origin: get(origin_id).await?, destination: get(destination_id).await? })
}

/// The country of a government's workspace.
fn country(w: &Workspace) -> String {
    match w.kind {
        WorkspaceKind::Government { country } => country.to_string(),
        WorkspaceKind::Partnership { .. } => String::new(),
    }
}

/// What side `w` shares of its register with partnership `p`: whether the whole
/// register, and the policies shared one by one.
async fn side_shares(state: &AppState, p: i64, w: i64) -> ApiResult<(bool, Vec<String>)> {
    let store = state.store();
    let whole =
        store.shares(p).await?.iter().any(|s| s.workspace_id == w && s.what == Shared::Register);
    let singles = store
        .shared_policies(p)
        .await?
        .into_iter()
        .filter(|s| s.workspace_id == w)
        .map(|s| s.policy_id)
        .collect();
    Ok((whole, singles))
}

/// How much of side `w`'s register it shares with partnership `p`.
async fn shared_view(state: &AppState, p: i64, w: i64) -> ApiResult<RegisterView> {
    let (whole, singles) = side_shares(state, p, w).await?;
    Ok(if whole { RegisterView::Whole } else { RegisterView::Only(singles) })
}

/// What went wrong with a form of the page, to show it there.
struct Failed<'a> {
    /// The form: `note` or `share`.
    form: &'a str,
    /// The error.
    error: ApiError,
}

#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

async fn corridor(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebQuery(q): WebQuery<Done>,
) -> PageResult {
    let done = match q.done.as_deref() {
        Some("note") => notice(&text::NOTE_ADDED.text()),
        Some("shared") => notice(&text::SHARED_SAVED.text()),
        Some("unchanged") => notice(&text::NOTHING_CHANGED.text()),
        _ => Html::new(),
    };
    page(&state, &caller, id, done, None).await
}

/// The page, with `done` said at its top and the error of a form of it.
async fn page(
    state: &AppState,
    caller: &Caller,
    id: i64,
    done: Html,
    failed: Option<Failed<'_>>,
) -> PageResult {
    let access = Access::to(state, caller, id).await?;
    let sides = sides(state, &access).await?;
    let (o, d) = (country(&sides.origin), country(&sides.destination));
    let o_view = shared_view(state, id, sides.origin.id).await?;
    let d_view = shared_view(state, id, sides.destination.id).await?;
    let (report, figures) =
        state.app.corridor_visible(&o, &d, o_view.only(), d_view.only()).await?;
    let o_register = state.app.register_list(Some(&o)).await?;
    let d_register = state.app.register_list(Some(&d)).await?;
    let notes = state.store().corridor_notes(id).await?;
    let authors = authors(state, &notes, &sides).await?;
    let member = access.role.is_some();
    let note_error = failed.as_ref().filter(|f| f.form == "note").map(|f| &f.error);
    let share_error = failed.as_ref().filter(|f| f.form == "share").map(|f| &f.error);
    let threads = Threads { id, notes: &notes, authors: &authors, member, error: note_error };
    let heading = format!("{}: {} → {}", text::TITLE, sides.origin.name, sides.destination.name);
    let fictional = report
        .fictional_notice
        .as_ref()
        .map(|n| html!("<p class=\"notice\"><strong>{}:</strong> {}</p>", text::FICTIONAL, n))
        .unwrap_or_default();
    let mut sharing = Html::new();
    for (side, register) in [(&sides.origin, &o_register), (&sides.destination, &d_register)] {
        let coordinates = match Access::to(state, caller, side.id).await {
            Ok(a) => a.coordinate("share").is_ok(),
            Err(_) => false,
        };
        if coordinates {
            let shares = side_shares(state, id, side.id).await?;
            sharing.push(share_form(id, side, register, &shares, share_error));
        }
    }
    if !sharing.is_empty() {
        sharing = html!("<h2>{}</h2>{}", text::SHARING, sharing);
    }
    let body = html!(
        "{}{}{}{}<h2>{}</h2>{}<h2>{}</h2><div class=\"sides\">{}{}</div>{}{}",
        workspace_header(&access.workspace, Tab::Corridor, &heading),
        done,
        top_problem(failed.as_ref().map(|f| &f.error)),
        fictional,
        text::FIGURES,
        figures_table(&figures),
        text::REGISTERS,
        side_register(&sides.origin, &text::ORIGIN.text(), &o_register, &o_view),
        side_register(&sides.destination, &text::DESTINATION.text(), &d_register, &d_view),
        findings(&report, &threads),
        sharing
    );
    let status = failed.map_or(StatusCode::OK, |f| f.error.kind.status());
    Ok((status, Page::new(heading, caller, Section::Home).body(body).response()).into_response())
}

/// An error of a form of the page that is not shown at one of its fields.
fn top_problem(error: Option<&ApiError>) -> Html {
    let at_field = |f: &str| f == "reason" || f.starts_with("note-");
    match error {
        Some(e) if e.field.as_deref().is_some_and(at_field) => Html::new(),
        _ => problem(error, &[]),
    }
}

/// Each note's author: display name and side (the government it is a member of).
async fn authors(
    state: &AppState,
    notes: &[CorridorNote],
    sides: &Sides,
) -> ApiResult<BTreeMap<i64, (String, String)>> {
    let mut out = BTreeMap::new();
    for n in notes {
        if out.contains_key(&n.user_id) {
            continue;
        }
        let name = state.store().user(n.user_id).await?.map(|u| u.display_name).unwrap_or_default();
        let of = state.store().memberships_of_user(n.user_id).await?;
        let side = if of.iter().any(|m| m.workspace_id == sides.origin.id) {
            sides.origin.name.clone()
        } else if of.iter().any(|m| m.workspace_id == sides.destination.id) {
            sides.destination.name.clone()
        } else {
            String::new()
        };
        out.insert(n.user_id, (name, side));
    }
    Ok(out)
}

/// A value in the request's language: persons and large values without decimals,
/// others with two.
fn number(value: f64, unit: &str) -> String {
    let lang = crate::web::lang::current();
    if unit.contains("person") || value.abs() >= 1000.0 {
        i18n::number::integer(lang, value)
    } else {
        i18n::number::decimal(lang, value, 2)
    }
}

/// An indicator's name in the request's language, as a row heading; its code when it
/// has no message.
fn indicator(code: &str) -> String {
    let name = analysis::said::indicator_name(crate::web::lang::current(), code);
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// A unit's name in the request's language; an unknown identifier as stored.
fn unit(id: &str) -> String {
    domain::Unit::parse(id).map_or_else(
        || id.to_owned(),
        |u| crate::web::lang::current().messages().text(report::words::unit_key(u)),
    )
}

/// Where a figure is: `XAA → XAB` for a pair, the country for an area.
fn place(area: Option<&String>, pair: Option<&(String, String)>) -> String {
    match (pair, area) {
        (Some((a, b)), _) => format!("{a} → {b}"),
        (None, Some(a)) => a.clone(),
        (None, None) => String::new(),
    }
}

/// A source in words: dataset, publisher, cell or derivation.
fn source(s: &analysis::profile::Source) -> String {
    let mut parts = vec![s.dataset.clone()];
    if !s.publisher.is_empty() {
        parts.push(s.publisher.clone());
    }
    parts.extend(s.cell.clone());
    parts.extend(s.derivation.clone());
    parts.join(", ")
}

/// The corridor's figures.
fn figures_table(figures: &[DataFact]) -> Html {
    if figures.is_empty() {
        return html!("<p>{}</p>", text::NO_FIGURES);
    }
    let rows: Html = figures
        .iter()
        .map(|f| {
            html!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                indicator(&f.indicator),
                place(f.area.as_ref(), f.pair.as_ref()),
                f.year.to_string(),
                number(f.value, &f.unit),
                unit(&f.unit),
                source(&f.source)
            )
        })
        .collect();
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>\n",
        text::FIGURES_CAPTION,
        text::FIGURES_CAPTION,
        text::INDICATOR,
        text::WHERE,
        text::YEAR,
        text::VALUE,
        text::UNIT,
        text::SOURCE,
        rows
    )
}

/// One side's register as shared with the partnership.
fn side_register(
    w: &Workspace,
    side: &str,
    register: &[RegisterEntry],
    view: &RegisterView,
) -> Html {
    let shown: Vec<&RegisterEntry> = register.iter().filter(|p| view.shows(&p.id)).collect();
    let said = match view {
        RegisterView::Whole => text::SHARES_ALL,
        RegisterView::Only(_) if shown.is_empty() => text::SHARES_NONE,
        RegisterView::Only(_) => text::SHARES_SOME,
    };
    let heading = text::side(&w.name, &country(w), side);
    let table = if shown.is_empty() {
        Html::new()
    } else {
        let rows: Html = shown
            .iter()
            .map(|p| {
                html!(
                    "<tr><th scope=\"row\"><a href=\"/w/{}/register/{}\">{}</a></th><td>{}</td><td>{}</td><td>{}</td></tr>",
                    w.id,
                    url_encode(&p.id),
                    p.id,
                    p.title,
                    p.ministry,
                    p.status
                )
            })
            .collect();
        html!(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
            text::shared_caption(&w.name),
            text::shared_caption(&w.name),
            text::ID,
            text::POLICY_TITLE,
            text::MINISTRY,
            text::STATUS,
            rows
        )
    };
    html!("<section><h3>{}</h3><p>{}</p>{}</section>\n", heading, said, table)
}

/// The notes of the page and what is needed to show and add them.
struct Threads<'a> {
    id: i64,
    notes: &'a [CorridorNote],
    authors: &'a BTreeMap<i64, (String, String)>,
    member: bool,
    error: Option<&'a ApiError>,
}

/// `finding` (a rule's id, or `general`) as a name in the page's ids.
fn slug(finding: &str) -> String {
    finding.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect()
}

impl Threads<'_> {
    /// The notes on `finding` and, for members, the form to add one.
    fn thread(&self, finding: &str, heading: &str) -> Html {
        let items: Html = self
            .notes
            .iter()
            .filter(|n| n.finding == finding)
            .map(|n| {
                let (who, side) = self.authors.get(&n.user_id).cloned().unwrap_or_default();
                let side = if side.is_empty() { Html::new() } else { html!(" ({} {})", side, text::SIDE) };
                html!(
                    "<li><p class=\"muted\"><strong>{}</strong>{} {} {} UTC</p><p class=\"note-body\">{}</p></li>",
                    who,
                    side,
                    text::WROTE,
                    n.at.get(..16).unwrap_or(&n.at).replace('T', " "),
                    n.body
                )
            })
            .collect();
        let list = if items.is_empty() {
            html!("<p class=\"muted\">{}</p>", text::NO_NOTES)
        } else {
            html!("<ol class=\"notes\">{}</ol>", items)
        };
        let form = if self.member {
            let name = format!("note-{}", slug(finding));
            let error = self
                .error
                .filter(|e| e.field.as_deref() == Some(name.as_str()))
                .map(|e| e.message.clone());
            html!(
                "<form method=\"post\" action=\"/w/{}/corridor/notes\" data-validate>\
                 <input type=\"hidden\" name=\"finding\" value=\"{}\">{}\
                 <p class=\"actions\"><button type=\"submit\">{}</button></p></form>",
                self.id,
                finding,
                Field::new(&name, &text::NOTE.text(), Control::TextArea)
                    .hint(text::NOTE_HINT)
                    .required()
                    .attr("maxlength", "4000")
                    .error(error)
                    .render(),
                text::ADD_NOTE
            )
        } else {
            Html::new()
        };
        html!(
            "<section class=\"thread\" id=\"notes-{}\"><h4>{}</h4>{}{}</section>",
            slug(finding),
            heading,
            list,
            form
        )
    }
}

/// The findings, each with its evidence and its notes, then the general notes.
fn findings(report: &CorridorReport, threads: &Threads<'_>) -> Html {
    let list: Html = report.findings.iter().map(|f| finding(f, threads)).collect();
    let list =
        if report.findings.is_empty() { html!("<p>{}</p>", text::NO_FINDINGS) } else { list };
    let unevaluated = if report.unevaluated.is_empty() {
        Html::new()
    } else {
        let items: Html = report
            .unevaluated
            .iter()
            .map(|u| html!("<li><strong>{}</strong>: {}</li>", u.title, said(&u.why)))
            .collect();
        html!("<h3>{}</h3><ul>{}</ul>", text::UNEVALUATED, items)
    };
    html!(
        "<h2>{}</h2><p>{}</p>{}{}<h2>{}</h2>{}",
        text::FINDINGS,
        text::FINDINGS_INTRO,
        list,
        unevaluated,
        text::GENERAL,
        threads.thread("general", &text::NOTES.text())
    )
}

/// One finding: the rule, why it matters, its evidence, and its notes.
fn finding(f: &Finding, threads: &Threads<'_>) -> Html {
    let class = if f.severity == "high" { "badge bad" } else { "badge" };
    let policies = |heading: &str, list: &[PolicyEvidence]| {
        if list.is_empty() {
            return Html::new();
        }
        let items: Html = list
            .iter()
            .map(|p| {
                let why = said(&p.why);
                html!("<li><strong>{}</strong> ({}): {} — {}</li>", p.id, p.country, p.title, why)
            })
            .collect();
        html!("<h4>{}</h4><ul>{}</ul>", heading, items)
    };
    let attributes: Html = f
        .attributes
        .iter()
        .map(|a| {
            let statement = said(&a.statement);
            html!("<li>{} <span class=\"muted\">({})</span></li>", statement, source(&a.source))
        })
        .collect();
    let attributes = if f.attributes.is_empty() {
        Html::new()
    } else {
        html!("<h4>{}</h4><ul>{}</ul>", text::ATTRIBUTES, attributes)
    };
    let data: Html = f.data.iter().chain(&f.context).map(evidence).collect();
    let data = if data.is_empty() {
        Html::new()
    } else {
        html!("<h4>{}</h4><ul>{}</ul>", text::DATA, data)
    };
    let absences: Html = f.absences.iter().map(|a| html!("<li>{}</li>", said(a))).collect();
    let absences = if f.absences.is_empty() {
        Html::new()
    } else {
        html!("<h4>{}</h4><ul>{}</ul>", text::ABSENCES, absences)
    };
    html!(
        "<article class=\"finding\" id=\"finding-{}\"><h3>{}</h3><p><span class=\"{}\">{} {}</span> \
         <span class=\"badge\">{} {}</span></p><p><strong>{}:</strong> {}</p><p class=\"muted\">{}: {}</p>\
         {}{}{}{}{}{}</article>\n",
        slug(&f.rule_id),
        f.title,
        class,
        text::SEVERITY,
        code_word(analysis::said::severity_key(&f.severity), &f.severity),
        text::LEVEL,
        code_word(analysis::said::level_key(&f.level), &f.level),
        text::WHY,
        f.rationale,
        text::RULE_SOURCE,
        f.source,
        policies(&text::POLICIES.text(), &f.policies),
        attributes,
        data,
        absences,
        policies(&text::NEAR.text(), &f.near_misses),
        threads.thread(&f.rule_id, &text::NOTES.text())
    )
}

/// A code's word in the request's language (the code as stored when it has none).
fn code_word(key: Option<&'static str>, code: &str) -> String {
    key.map_or_else(|| code.to_owned(), |k| crate::web::lang::Msg(k).text())
}

/// One datum tested or shown with a finding.
fn evidence(d: &DataEvidence) -> Html {
    let test = d.test.as_ref().map_or_else(Html::new, |t| html!(" ({})", said(t)));
    html!(
        "<li>{}, {}: {} {}{} <span class=\"muted\">({})</span></li>",
        d.what,
        d.year.to_string(),
        number(d.value, &d.unit),
        unit(&d.unit),
        test,
        source(&d.source)
    )
}

/// The sharing form of side `w` (for its coordinator), with what it shares now.
fn share_form(
    p: i64,
    w: &Workspace,
    register: &[RegisterEntry],
    (whole, singles): &(bool, Vec<String>),
    error: Option<&ApiError>,
) -> Html {
    let boxes: Html = register
        .iter()
        .map(|pol| {
            let label = format!("{} — {}", pol.id, pol.title);
            Field::new(&format!("policy-{}", pol.id), &label, Control::Checkbox)
                .value(if singles.contains(&pol.id) { "on" } else { "" })
                .render()
        })
        .collect();
    let reason_name = format!("reason-{}", w.id);
    let reason_error =
        error.filter(|e| e.field.as_deref() == Some("reason")).map(|e| e.message.clone());
    html!(
        "<section><h3>{}</h3><form method=\"post\" action=\"/w/{}/corridor/share\" data-validate>\
         <input type=\"hidden\" name=\"side\" value=\"{}\">{}<fieldset><legend>{}</legend>{}</fieldset>{}\
         <p class=\"actions\"><button type=\"submit\">{}</button></p></form></section>\n",
        text::sharer(&w.name, &country(w)),
        p,
        w.id,
        Field::new(&format!("register-{}", w.id), &text::SHARE_WHOLE.text(), Control::Checkbox)
            .value(if *whole { "on" } else { "" })
            .hint(text::SHARE_WHOLE_HINT)
            .render(),
        text::SHARE_ONE,
        boxes,
        Field::new(&reason_name, &text::SHARE_REASON.text(), Control::TextArea)
            .required()
            .attr("maxlength", "2000")
            .error(reason_error)
            .render(),
        text::SHARE_SAVE
    )
}

/// The form's values by field name.
type Values = BTreeMap<String, String>;

async fn note_post(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebForm(form): WebForm<Values>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    sides(&state, &access).await?;
    access.take_part("write notes on its corridor")?;
    let finding = form.get("finding").map(|f| f.trim().to_owned()).unwrap_or_default();
    let field = format!("note-{}", slug(&finding));
    let body = form.get(&field).map(|b| b.trim().to_owned()).unwrap_or_default();
    let fail = |e: ApiError| async {
        page(&state, &caller, id, Html::new(), Some(Failed { form: "note", error: e })).await
    };
    if finding.is_empty() || finding.chars().count() > 100 {
        return fail(ApiError::invalid("finding", text::FINDING_BAD)).await;
    }
    if body.is_empty() || body.chars().count() > 4000 {
        return fail(ApiError::invalid(&field, text::NOTE_BAD)).await;
    }
    let actor = Actor::user(caller.user.id, text::NOTE_REASON);
    state.store().corridor_note_add(id, &finding, &body, &actor).await?;
    Ok(see_other(&format!("/w/{id}/corridor?done=note#notes-{}", slug(&finding))))
}

async fn share_post(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebForm(form): WebForm<Values>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    sides(&state, &access).await?;
    let side: i64 = form.get("side").and_then(|s| s.trim().parse().ok()).unwrap_or(0);
    let side_access = Access::to(&state, &caller, side).await?;
    side_access.coordinate("decide what it shares with a partnership")?;
    let register = state.app.register_list(Some(&country(&side_access.workspace))).await?;
    let (whole_now, singles) = side_shares(&state, id, side).await?;
    let reason = form.get(&format!("reason-{side}")).cloned().unwrap_or_default();
    let on = |name: String| form.get(&name).is_some_and(|v| !v.is_empty());
    let mut changes: Vec<(Option<String>, bool)> = Vec::new();
    let whole = on(format!("register-{side}"));
    if whole != whole_now {
        changes.push((None, whole));
    }
    for p in &register {
        let want = on(format!("policy-{}", p.id));
        if want != singles.contains(&p.id) {
            changes.push((Some(p.id.clone()), want));
        }
    }
    if changes.is_empty() {
        return Ok(see_other(&format!("/w/{id}/corridor?done=unchanged")));
    }
    for (policy, shared) in changes {
        let body = ShareBody {
            workspace_id: side,
            what: Shared::Register.as_str().to_owned(),
            policy,
            shared,
            reason: reason.clone(),
        };
        if let Err(e) =
            share_set(State(state.clone()), caller.clone(), Path(id), ApiJson(body)).await
        {
            if e.kind == Kind::InvalidInput {
                let failed = Failed { form: "share", error: e };
                return page(&state, &caller, id, Html::new(), Some(failed)).await;
            }
            return Err(e.into());
        }
    }
    Ok(see_other(&format!("/w/{id}/corridor?done=shared")))
}
