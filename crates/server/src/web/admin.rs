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
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-admin-title");
    pub(crate) const USERS: Msg = Msg("web-admin-users");
    pub(crate) const WORKSPACES: Msg = Msg("web-admin-workspaces");
    pub(crate) const NAME: Msg = Msg("web-admin-name");
    pub(crate) const NAME_HINT: Msg = Msg("web-admin-name-hint");
    pub(crate) const DISPLAY: Msg = Msg("web-admin-display");
    pub(crate) const IS_ADMIN: Msg = Msg("web-admin-is-admin");
    pub(crate) const ADD_USER: Msg = Msg("web-admin-add-user");
    pub(crate) const STATE: Msg = Msg("web-admin-state");
    pub(crate) const ACTIONS: Msg = Msg("web-admin-actions");
    pub(crate) const ACTIVE: Msg = Msg("web-admin-active");
    pub(crate) const DISABLED: Msg = Msg("web-admin-disabled");
    pub(crate) const LOCKED: Msg = Msg("web-admin-locked");
    pub(crate) const DISABLE: Msg = Msg("web-admin-disable");
    pub(crate) const ENABLE: Msg = Msg("web-admin-enable");
    pub(crate) const NEW_PASSWORD: Msg = Msg("web-admin-new-password");
    pub(crate) const MADE: Msg = Msg("web-admin-made");
    pub(crate) const MADE_AFTER: Msg = Msg("web-admin-made-after");
    pub(crate) const RESET: Msg = Msg("web-admin-reset");
    pub(crate) const BACK: Msg = Msg("web-admin-back");
    pub(crate) const ADD_GOVERNMENT: Msg = Msg("web-admin-add-government");
    pub(crate) const GOVERNMENT_HINT: Msg = Msg("web-admin-government-hint");
    pub(crate) const WS_NAME: Msg = Msg("web-admin-ws-name");
    pub(crate) const COUNTRY: Msg = Msg("web-admin-country");
    pub(crate) const COUNTRY_HINT: Msg = Msg("web-admin-country-hint");
    pub(crate) const ADD_PARTNERSHIP: Msg = Msg("web-admin-add-partnership");
    pub(crate) const PARTNERSHIP_HINT: Msg = Msg("web-admin-partnership-hint");
    pub(crate) const ORIGIN: Msg = Msg("web-admin-origin");
    pub(crate) const DESTINATION: Msg = Msg("web-admin-destination");
    pub(crate) const REASON: Msg = Msg("web-admin-reason");
    pub(crate) const REASON_HINT: Msg = Msg("web-admin-reason-hint");
    pub(crate) const MAKE: Msg = Msg("web-admin-make");
    pub(crate) const KIND: Msg = Msg("web-admin-kind");
    pub(crate) const GOVERNMENT: Msg = Msg("web-admin-government");
    pub(crate) const PARTNERSHIP: Msg = Msg("web-admin-partnership");
    pub(crate) const NO_GOVERNMENTS: Msg = Msg("web-admin-no-governments");
    pub(crate) const AUDIT: Msg = Msg("web-admin-audit");
    pub(crate) const DISABLE_REASON: Msg = Msg("web-admin-disable-reason");
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
        button_form(
            &format!("/admin/users/{}/state", u.id),
            &text::ENABLE.text(),
            &[("disabled", "false")],
        )
    } else {
        button_form(
            &format!("/admin/users/{}/state", u.id),
            &text::DISABLE.text(),
            &[("disabled", "true")],
        )
    };
    let reset =
        button_form(&format!("/admin/users/{}/password", u.id), &text::NEW_PASSWORD.text(), &[]);
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
        Field::text("name", &text::NAME.text())
            .hint(text::NAME_HINT)
            .required()
            .attr("maxlength", "64")
            .attr("pattern", "[a-z][a-z0-9._\\-]*")
            .attr("autocomplete", "off")
            .error_of(error)
            .render(),
        Field::text("display_name", &text::DISPLAY.text())
            .required()
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        Field::new("is_admin", &text::IS_ADMIN.text(), Control::Checkbox).render(),
    ]
    .into_iter()
    .collect();
    form("/admin/users", fields, &text::ADD_USER.text())
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
            Ok(password_page(&caller, &text::MADE.text(), &made.user.display_name, &made.password))
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
    let body = UserUpdate { disabled: f.disabled, reason: text::DISABLE_REASON.text() };
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
    Ok(password_page(&caller, &text::RESET.text(), &user, &made.password))
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
    Field::text("reason", &text::REASON.text())
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
        Field::text("name", &text::WS_NAME.text())
            .scope("g")
            .required()
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        Field::text("country", &text::COUNTRY.text())
            .hint(text::COUNTRY_HINT)
            .required()
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        reason_field("g", error),
    ]
    .into_iter()
    .collect();
    form("/admin/workspaces", fields, &text::MAKE.text())
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
        Field::text("name", &text::WS_NAME.text())
            .scope("p")
            .required()
            .attr("maxlength", "200")
            .error_of(error)
            .render(),
        select("origin_id", &text::ORIGIN.text()),
        select("destination_id", &text::DESTINATION.text()),
        reason_field("p", error),
    ]
    .into_iter()
    .collect();
    form("/admin/workspaces", fields, &text::MAKE.text())
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
