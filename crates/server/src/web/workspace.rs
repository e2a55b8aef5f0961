//! A workspace's overview: what it is, where its work is, and its members (with the forms
//! its coordinators and the administrators use to add, change and remove them).

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use report::html;
use report::html::Html;
use serde::Deserialize;
use store::WorkspaceKind;

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::workspaces::{self as ws_routes, MemberBody, Why};
use crate::routes::{ApiJson, Page as ListPage};
use crate::web::form::{Control, Field, button_form, form, notice, problem};
use crate::web::layout::{Page, Section, Tab, table_wrap, workspace_header};
use crate::web::{PageResult, Pages, Visitor, WebForm, WebQuery, see_other};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const GOVERNMENT: Msg = Msg("web-ws-government");
    pub(crate) const PROFILE: Msg = Msg("web-ws-profile");
    pub(crate) const BRIEF: Msg = Msg("web-ws-brief");
    pub(crate) const PARTNERSHIP: Msg = Msg("web-ws-partnership");
    pub(crate) const AND: Msg = Msg("web-ws-and");
    pub(crate) const PARTNER_NOTE: Msg = Msg("web-ws-partner-note");
    pub(crate) const MEMBERS: Msg = Msg("web-ws-members");
    pub(crate) const NAME: Msg = Msg("web-ws-name");
    pub(crate) const ROLE: Msg = Msg("web-ws-role");
    pub(crate) const MINISTRY: Msg = Msg("web-ws-ministry");
    pub(crate) const ACTIONS: Msg = Msg("web-ws-actions");
    pub(crate) const REMOVE: Msg = Msg("web-ws-remove");
    pub(crate) const ADD: Msg = Msg("web-ws-add");
    pub(crate) const USER: Msg = Msg("web-ws-user");
    pub(crate) const USER_HINT: Msg = Msg("web-ws-user-hint");
    pub(crate) const ROLE_HINT: Msg = Msg("web-ws-role-hint");
    pub(crate) const MINISTRY_HINT: Msg = Msg("web-ws-ministry-hint");
    pub(crate) const REASON: Msg = Msg("web-ws-reason");
    pub(crate) const REASON_HINT: Msg = Msg("web-ws-reason-hint");
    pub(crate) const SAVE: Msg = Msg("web-ws-save");
    pub(crate) const REMOVE_REASON: Msg = Msg("web-ws-remove-reason");
    pub(crate) const NO_USER: Msg = Msg("web-ws-no-user");
    pub(crate) const SAVED: Msg = Msg("web-ws-saved");
    pub(crate) const REMOVED: Msg = Msg("web-ws-removed");
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/w/{id}", overview)
        .post("/w/{id}/members", set_member)
        .post("/w/{id}/members/{user_id}/remove", remove_member)
}

#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

async fn overview(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebQuery(q): WebQuery<Done>,
) -> PageResult {
    let note = match q.done.as_deref() {
        Some("saved") => notice(&text::SAVED.text()),
        Some("removed") => notice(&text::REMOVED.text()),
        _ => Html::new(),
    };
    render(&state, &caller, id, note, None).await
}

async fn render(
    state: &AppState,
    caller: &Caller,
    id: i64,
    note: Html,
    error: Option<&ApiError>,
) -> PageResult {
    let access = Access::to(state, caller, id).await?;
    let ws = &access.workspace;
    let what = match ws.kind {
        WorkspaceKind::Government { country } => {
            let name = state.app.resolve_area(country.as_str()).await.map(|a| a.name);
            html!(
                "<p>{} {} ({}): <a href=\"/profiles/{}\">{}</a>; <a href=\"/w/{}/brief\">{}</a>.</p>",
                text::GOVERNMENT,
                name.unwrap_or_else(|_| country.as_str().to_owned()),
                country.as_str(),
                country.as_str(),
                text::PROFILE,
                ws.id,
                text::BRIEF
            )
        }
        WorkspaceKind::Partnership { origin_id, destination_id } => {
            let name = |w: Option<store::Workspace>| w.map(|w| w.name).unwrap_or_default();
            let origin = name(state.store().workspace(origin_id).await?);
            let destination = name(state.store().workspace(destination_id).await?);
            html!(
                "<p>{} <a href=\"/w/{}\">{}</a> {} <a href=\"/w/{}\">{}</a>.</p>",
                text::PARTNERSHIP,
                origin_id,
                origin,
                text::AND,
                destination_id,
                destination
            )
        }
    };
    let members = if access.read_records().is_ok() {
        members(state, caller, &access, error).await?
    } else {
        html!("<p>{}</p>", text::PARTNER_NOTE)
    };
    let body =
        html!("{}{}{}{}", workspace_header(ws, Tab::Overview, &ws.name), note, what, members);
    let status = error.map_or(axum::http::StatusCode::OK, |e| e.kind.status());
    Ok((status, Page::new(ws.name.clone(), caller, Section::Home).body(body).response())
        .into_response())
}

/// The members' table and, for those who manage members, the forms.
async fn members(
    state: &AppState,
    caller: &Caller,
    access: &Access,
    error: Option<&ApiError>,
) -> PageResult<Html> {
    let id = access.workspace.id;
    let all = ListPage { limit: Some(1000), offset: None };
    let list =
        ws_routes::members(State(state.clone()), caller.clone(), Path(id), Query(all)).await?.0;
    let manage = access.manage_members().is_ok();
    let rows: Html = list
        .items
        .iter()
        .map(|m| {
            let remove = if manage {
                html!(
                    "<td>{}</td>",
                    button_form(&format!("/w/{id}/members/{}/remove", m.user_id), &text::REMOVE.text(), &[])
                )
            } else {
                Html::new()
            };
            html!(
                "<tr><th scope=\"row\">{} <span class=\"muted\">({})</span></th><td>{}</td><td>{}</td>{}</tr>",
                m.display_name,
                m.name,
                m.role,
                m.ministry.as_deref().unwrap_or("—"),
                remove
            )
        })
        .collect();
    let actions =
        if manage { html!("<th scope=\"col\">{}</th>", text::ACTIONS) } else { Html::new() };
    let table = table_wrap(html!(
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th>{}</tr></thead><tbody>{}</tbody></table>",
        text::MEMBERS,
        text::NAME,
        text::ROLE,
        text::MINISTRY,
        actions,
        rows
    ));
    let form = if manage { member_form(id, error) } else { Html::new() };
    Ok(html!("<h2>{}</h2>{}{}", text::MEMBERS, table, form))
}

fn member_form(id: i64, error: Option<&ApiError>) -> Html {
    let roles = ["viewer", "contributor", "coordinator"]
        .iter()
        .map(|r| ((*r).to_owned(), (*r).to_owned()))
        .collect();
    let fields: Html = [
        Field::text("user", &text::USER.text())
            .hint(text::USER_HINT)
            .required()
            .attr("maxlength", "64")
            .attr("autocomplete", "off")
            .error_of(error)
            .render(),
        Field::new("role", &text::ROLE.text(), Control::Select(roles))
            .hint(text::ROLE_HINT)
            .error_of(error)
            .render(),
        Field::text("ministry", &text::MINISTRY.text())
            .hint(text::MINISTRY_HINT)
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        Field::text("reason", &text::REASON.text())
            .hint(text::REASON_HINT)
            .required()
            .attr("maxlength", "2000")
            .error_of(error)
            .render(),
    ]
    .into_iter()
    .collect();
    html!(
        "<h3>{}</h3>{}{}",
        text::ADD,
        problem(error, &["user", "role", "ministry", "reason"]),
        form(&format!("/w/{id}/members"), fields, &text::SAVE.text())
    )
}

#[derive(Deserialize)]
struct MemberForm {
    user: String,
    role: String,
    ministry: Option<String>,
    reason: String,
}

async fn set_member(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebForm(f): WebForm<MemberForm>,
) -> PageResult {
    Access::to(&state, &caller, id).await?.manage_members()?;
    let name = f.user.trim();
    let user = state.store().users().await?.into_iter().find(|u| u.name == name);
    let result = match user {
        None => Err(ApiError::invalid("user", text::NO_USER)),
        Some(u) => {
            let body = MemberBody { role: f.role, ministry: f.ministry, reason: f.reason };
            ws_routes::member_set(
                State(state.clone()),
                caller.clone(),
                Path((id, u.id)),
                ApiJson(body),
            )
            .await
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/w/{id}?done=saved"))),
        Err(e) => render(&state, &caller, id, Html::new(), Some(&e)).await,
    }
}

async fn remove_member(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, user_id)): Path<(i64, i64)>,
) -> PageResult {
    let why = Why { reason: text::REMOVE_REASON.text() };
    ws_routes::member_remove(State(state), caller, Path((id, user_id)), Query(why)).await?;
    Ok(see_other(&format!("/w/{id}?done=removed")))
}
