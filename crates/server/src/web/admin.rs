//! Administration: the instance's users (add, disable or enable, new password) and
//! workspaces (a government's, a corridor partnership). Administrators only; every
//! change goes through the API's handlers, so it is checked and audited the same way.

use axum::extract::{Path, State};
use axum::response::IntoResponse;
use report::html;
use report::html::Html;
use serde::Deserialize;
use store::WorkspaceKind;

use crate::AppState;
use crate::access;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::users::{self, NewUserBody, UserUpdate};
use crate::routes::workspaces::{self as ws_routes, NewWorkspace};
use crate::routes::{ApiJson, Page as ListPage};
use crate::web::form::{Control, Field, button_form, form, notice, problem};
use crate::web::layout::{Page, Section, table_wrap};
use crate::web::{PageResult, Pages, Visitor, WebForm, WebQuery, see_other};

/// The words of these pages.
mod text {
    pub(crate) const TITLE: &str = "Administration";
    pub(crate) const USERS: &str = "Users";
    pub(crate) const WORKSPACES: &str = "Workspaces";
    pub(crate) const NAME: &str = "Sign-in name";
    pub(crate) const NAME_HINT: &str =
        "Lower-case letters, digits, '.', '-' and '_', starting with a letter.";
    pub(crate) const DISPLAY: &str = "Name shown to others";
    pub(crate) const IS_ADMIN: &str = "Administrator of this Coherence";
    pub(crate) const ADD_USER: &str = "Add a user";
    pub(crate) const STATE: &str = "State";
    pub(crate) const ACTIONS: &str = "Actions";
    pub(crate) const ACTIVE: &str = "active";
    pub(crate) const DISABLED: &str = "disabled";
    pub(crate) const LOCKED: &str = "locked until";
    pub(crate) const DISABLE: &str = "Disable";
    pub(crate) const ENABLE: &str = "Enable";
    pub(crate) const NEW_PASSWORD: &str = "New password";
    pub(crate) const MADE: &str = "The account is ready. Give this one-time password to";
    pub(crate) const MADE_AFTER: &str = "in person or by another channel; it is shown only now. They replace it on their \
         Account page after signing in.";
    pub(crate) const RESET: &str = "A new one-time password for";
    pub(crate) const BACK: &str = "Back to administration";
    pub(crate) const ADD_GOVERNMENT: &str = "Make a government's workspace";
    pub(crate) const GOVERNMENT_HINT: &str = "One per country: its policy register, answers, \
        workshops and scenarios, worked on by its ministries.";
    pub(crate) const WS_NAME: &str = "Workspace name";
    pub(crate) const COUNTRY: &str = "Country";
    pub(crate) const COUNTRY_HINT: &str = "ISO 3166-1 alpha-3 code, UN M49 code or name.";
    pub(crate) const ADD_PARTNERSHIP: &str = "Make a corridor partnership";
    pub(crate) const PARTNERSHIP_HINT: &str = "Joins the workspaces of a corridor's origin and \
        destination governments; each side decides what it shares.";
    pub(crate) const ORIGIN: &str = "Origin government";
    pub(crate) const DESTINATION: &str = "Destination government";
    pub(crate) const REASON: &str = "Reason";
    pub(crate) const REASON_HINT: &str = "Recorded in the audit trail.";
    pub(crate) const MAKE: &str = "Make the workspace";
    pub(crate) const KIND: &str = "Kind";
    pub(crate) const GOVERNMENT: &str = "government";
    pub(crate) const PARTNERSHIP: &str = "partnership";
    pub(crate) const NO_GOVERNMENTS: &str = "Make two government workspaces first.";
    pub(crate) const AUDIT: &str = "The instance's audit trail";
    pub(crate) const DISABLE_REASON: &str = "changed on the administration page";
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/admin", admin_page)
        .post("/admin/users", add_user)
        .post("/admin/users/{id}/state", set_state)
        .post("/admin/users/{id}/password", new_password)
        .post("/admin/workspaces", add_workspace)
}

/// What the page shows after a change.
#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

async fn admin_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    WebQuery(q): WebQuery<Done>,
) -> PageResult {
    access::admin(&caller)?;
    let note = q.done.as_deref().map(notice).unwrap_or_default();
    let body = html!("{}{}", note, page_body(&state, &caller, None, None).await?);
    Ok(Page::new(text::TITLE, &caller, Section::Admin).body(body).response())
}

/// The page's content; `user_error`/`ws_error` are the last post's errors.
async fn page_body(
    state: &AppState,
    caller: &Caller,
    user_error: Option<&ApiError>,
    ws_error: Option<(&ApiError, &str)>,
) -> PageResult<Html> {
    let all = ListPage { limit: Some(1000), offset: None };
    let filter = users::UserFilter { disabled: None, admin: None };
    let list = users::list(
        State(state.clone()),
        caller.clone(),
        axum::extract::Query(all),
        axum::extract::Query(filter),
    )
    .await?
    .0;
    let rows: Html = list.items.iter().map(|u| user_row(u, caller.user.id)).collect();
    let users_table = table_wrap(html!(
        "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\
         <tbody>{}</tbody></table>",
        text::USERS,
        text::NAME,
        text::DISPLAY,
        text::STATE,
        text::ACTIONS,
        rows
    ));
    let workspaces = workspaces_section(state, ws_error).await?;
    Ok(html!(
        "<h1>{}</h1><p><a href=\"/audit\">{}</a></p><h2 id=\"users\">{}</h2>{}<h3>{}</h3>{}{}\
         <h2 id=\"workspaces\">{}</h2>{}",
        text::TITLE,
        text::AUDIT,
        text::USERS,
        users_table,
        text::ADD_USER,
        problem(user_error, &["name", "display_name"]),
        user_form(user_error),
        text::WORKSPACES,
        workspaces
    ))
}

fn user_row(u: &users::UserInfo, me: i64) -> Html {
    let state = match (&u.disabled, &u.locked_until) {
        (true, _) => html!("<span class=\"badge bad\">{}</span>", text::DISABLED),
        (false, Some(t)) => html!("{} {}", text::LOCKED, t),
        (false, None) => html!("{}", text::ACTIVE),
    };
    let admin = if u.is_admin { html!(" <span class=\"badge\">admin</span>") } else { Html::new() };
    let toggle = if u.id == me {
        Html::new()
    } else if u.disabled {
        button_form(&format!("/admin/users/{}/state", u.id), text::ENABLE, &[("disabled", "false")])
    } else {
        button_form(&format!("/admin/users/{}/state", u.id), text::DISABLE, &[("disabled", "true")])
    };
    let reset = button_form(&format!("/admin/users/{}/password", u.id), text::NEW_PASSWORD, &[]);
    html!(
        "<tr><th scope=\"row\">{}{}</th><td>{}</td><td>{}</td><td>{} {}</td></tr>",
        u.name,
        admin,
        u.display_name,
        state,
        toggle,
        reset
    )
}

fn user_form(error: Option<&ApiError>) -> Html {
    let fields: Html = [
        Field::text("name", text::NAME)
            .hint(text::NAME_HINT)
            .required()
            .attr("maxlength", "64")
            .attr("pattern", "[a-z][a-z0-9._\\-]*")
            .attr("autocomplete", "off")
            .error_of(error)
            .render(),
        Field::text("display_name", text::DISPLAY)
            .required()
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        Field::new("is_admin", text::IS_ADMIN, Control::Checkbox).render(),
    ]
    .into_iter()
    .collect();
    form("/admin/users", fields, text::ADD_USER)
}

#[derive(Deserialize)]
struct NewUserForm {
    name: String,
    display_name: String,
    is_admin: Option<String>,
}

async fn add_user(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    WebForm(f): WebForm<NewUserForm>,
) -> PageResult {
    access::admin(&caller)?;
    let body = NewUserBody {
        name: f.name.trim().to_owned(),
        display_name: f.display_name.trim().to_owned(),
        is_admin: f.is_admin.is_some(),
    };
    match users::add(State(state.clone()), caller.clone(), ApiJson(body)).await {
        Ok((_, axum::Json(made))) => {
            Ok(password_page(&caller, text::MADE, &made.user.display_name, &made.password))
        }
        Err(e) => {
            let body = page_body(&state, &caller, Some(&e), None).await?;
            Ok((
                e.kind.status(),
                Page::new(text::TITLE, &caller, Section::Admin).body(body).response(),
            )
                .into_response())
        }
    }
}

/// The page that shows a one-time password, once.
fn password_page(
    caller: &Caller,
    lead: &str,
    who: &str,
    password: &str,
) -> axum::response::Response {
    let body = html!(
        "<h1>{}</h1><p>{} <strong>{}</strong>:</p><p class=\"secret\" id=\"one-time-password\">{}</p>\
         <p>{}</p><p><a href=\"/admin\">{}</a></p>",
        text::TITLE,
        lead,
        who,
        password,
        text::MADE_AFTER,
        text::BACK
    );
    Page::new(text::TITLE, caller, Section::Admin).body(body).response()
}

#[derive(Deserialize)]
struct StateForm {
    disabled: bool,
}

async fn set_state(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebForm(f): WebForm<StateForm>,
) -> PageResult {
    let body = UserUpdate { disabled: f.disabled, reason: text::DISABLE_REASON.to_owned() };
    let user = users::update(State(state), caller, Path(id), ApiJson(body)).await?.0;
    let what = if user.disabled { text::DISABLED } else { text::ACTIVE };
    Ok(see_other(&format!(
        "/admin?done={}",
        crate::web::url_encode(&format!("{}: {what}", user.name))
    )))
}

async fn new_password(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
) -> PageResult {
    let made = users::reset_password(State(state.clone()), caller.clone(), Path(id)).await?.0;
    let user = state.store().user(id).await?.map(|u| u.display_name).unwrap_or_default();
    Ok(password_page(&caller, text::RESET, &user, &made.password))
}

/// The workspaces' table and the forms that make one.
async fn workspaces_section(
    state: &AppState,
    error: Option<(&ApiError, &str)>,
) -> PageResult<Html> {
    let all = state.store().workspaces().await?;
    let mut governments = Vec::new();
    let rows: Html = all
        .iter()
        .map(|w| {
            let kind = match w.kind {
                WorkspaceKind::Government { country } => {
                    governments
                        .push((w.id.to_string(), format!("{} ({})", w.name, country.as_str())));
                    html!("{} · {}", text::GOVERNMENT, country.as_str())
                }
                WorkspaceKind::Partnership { .. } => html!("{}", text::PARTNERSHIP),
            };
            html!(
                "<tr><th scope=\"row\"><a href=\"/w/{}\">{}</a></th><td>{}</td></tr>",
                w.id,
                w.name,
                kind
            )
        })
        .collect();
    let table = if all.is_empty() {
        Html::new()
    } else {
        table_wrap(html!(
            "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table>",
            text::WORKSPACES,
            text::WS_NAME,
            text::KIND,
            rows
        ))
    };
    let (gov_error, partner_error) = match error {
        Some((e, "government")) => (Some(e), None),
        Some((e, _)) => (None, Some(e)),
        None => (None, None),
    };
    Ok(html!(
        "{}<h3>{}</h3><p>{}</p>{}{}<h3>{}</h3><p>{}</p>{}",
        table,
        text::ADD_GOVERNMENT,
        text::GOVERNMENT_HINT,
        problem(gov_error, &["name", "country", "reason"]),
        government_form(gov_error),
        text::ADD_PARTNERSHIP,
        text::PARTNERSHIP_HINT,
        partnership_form(&governments, partner_error)
    ))
}

fn reason_field(scope: &str, error: Option<&ApiError>) -> Html {
    Field::text("reason", text::REASON)
        .scope(scope)
        .hint(text::REASON_HINT)
        .required()
        .attr("maxlength", "2000")
        .error_of(error)
        .render()
}

fn government_form(error: Option<&ApiError>) -> Html {
    let fields: Html = [
        html!("<input type=\"hidden\" name=\"kind\" value=\"government\">"),
        Field::text("name", text::WS_NAME)
            .scope("g")
            .required()
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        Field::text("country", text::COUNTRY)
            .hint(text::COUNTRY_HINT)
            .required()
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        reason_field("g", error),
    ]
    .into_iter()
    .collect();
    form("/admin/workspaces", fields, text::MAKE)
}

fn partnership_form(governments: &[(String, String)], error: Option<&ApiError>) -> Html {
    if governments.len() < 2 {
        return html!("<p class=\"muted\">{}</p>", text::NO_GOVERNMENTS);
    }
    let select = |name: &str, label: &str| {
        Field::new(name, label, Control::Select(governments.to_vec())).required().render()
    };
    let fields: Html = [
        html!("<input type=\"hidden\" name=\"kind\" value=\"partnership\">"),
        Field::text("name", text::WS_NAME)
            .scope("p")
            .required()
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        select("origin_id", text::ORIGIN),
        select("destination_id", text::DESTINATION),
        reason_field("p", error),
    ]
    .into_iter()
    .collect();
    form("/admin/workspaces", fields, text::MAKE)
}

#[derive(Deserialize)]
struct WorkspaceForm {
    kind: String,
    name: String,
    country: Option<String>,
    origin_id: Option<i64>,
    destination_id: Option<i64>,
    reason: String,
}

async fn add_workspace(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    WebForm(f): WebForm<WorkspaceForm>,
) -> PageResult {
    access::admin(&caller)?;
    let government = f.kind == "government";
    let body = NewWorkspace {
        name: f.name,
        country: if government { f.country } else { None },
        origin_id: if government { None } else { f.origin_id },
        destination_id: if government { None } else { f.destination_id },
        reason: f.reason,
    };
    match ws_routes::add(State(state.clone()), caller.clone(), ApiJson(body)).await {
        Ok((_, axum::Json(made))) => Ok(see_other(&format!("/w/{}", made.id))),
        Err(e) => {
            let which = if government { "government" } else { "partnership" };
            let body = page_body(&state, &caller, None, Some((&e, which))).await?;
            Ok((
                e.kind.status(),
                Page::new(text::TITLE, &caller, Section::Admin).body(body).response(),
            )
                .into_response())
        }
    }
}
