//! Signing in and out, and the visitor's account (changing its password).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Redirect, Response};
use report::html;
use report::html::Html;
use serde::Deserialize;

use crate::AppState;
use crate::auth::MaybeCaller;
use crate::error::ApiError;
use crate::routes::session::{close_session, open_session, set_own_password};
use crate::web::form::{Control, Field, form, notice, problem};
use crate::web::layout::{Page, Section, html_response};
use crate::web::{PageResult, Pages, Visitor, WebForm, WebQuery, see_other};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-signin-title");
    pub(crate) const INTRO: Msg = Msg("web-signin-intro");
    pub(crate) const NAME: Msg = Msg("web-signin-name");
    pub(crate) const PASSWORD: Msg = Msg("web-signin-password");
    pub(crate) const SUBMIT: Msg = Msg("web-signin-submit");
    pub(crate) const ACCOUNT: Msg = Msg("web-signin-account");
    pub(crate) const CHANGE: Msg = Msg("web-signin-change");
    pub(crate) const CHANGE_HINT: Msg = Msg("web-signin-change-hint");
    pub(crate) const CURRENT: Msg = Msg("web-signin-current");
    pub(crate) const NEW: Msg = Msg("web-signin-new");
    pub(crate) const NEW_HINT: Msg = Msg("web-signin-new-hint");
    pub(crate) const SAVE: Msg = Msg("web-signin-save");
    pub(crate) const CHANGED: Msg = Msg("web-signin-changed");
    pub(crate) const SIGNED_AS: Msg = Msg("web-signin-signed-as");
    pub(crate) const ADMIN: Msg = Msg("web-signin-admin");
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/signin", sign_in_page)
        .post("/signin", sign_in)
        .post("/signout", sign_out)
        .get("/account", account)
        .post("/account", change_password)
}

/// Where to go after signing in.
#[derive(Deserialize, Default)]
struct Next {
    next: Option<String>,
    done: Option<String>,
}

/// A path on this site to go back to: `/…` but not `//…` (another site).
fn local(next: Option<&str>) -> &str {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n,
        _ => "/",
    }
}

fn sign_in_form(next: &str, name: &str, error: Option<&ApiError>, done: Option<&str>) -> Response {
    let fields = Html::join(
        [
            html!("<input type=\"hidden\" name=\"next\" value=\"{}\">", next),
            Field::text("name", &text::NAME.text())
                .value(name)
                .required()
                .attr("autocomplete", "username")
                .attr("maxlength", "200")
                .render(),
            Field::new("password", &text::PASSWORD.text(), Control::Input("password"))
                .required()
                .attr("autocomplete", "current-password")
                .attr("maxlength", "1024")
                .render(),
        ],
        &Html::new(),
    );
    let status = error.map_or(axum::http::StatusCode::OK, |e| e.kind.status());
    let done = done.map(notice).unwrap_or_default();
    let page = Page {
        title: text::TITLE.text(),
        visitor: None,
        section: Section::None,
        body: html!(
            "<h1>{}</h1><p>{}</p>{}{}{}",
            text::TITLE,
            text::INTRO,
            done,
            problem(error, &[]),
            form("/signin", fields, &text::SUBMIT.text())
        ),
        brief_styles: false,
    };
    (status, html_response(page.document())).into_response()
}

async fn sign_in_page(MaybeCaller(caller): MaybeCaller, WebQuery(q): WebQuery<Next>) -> Response {
    if caller.is_some() {
        return Redirect::to(local(q.next.as_deref())).into_response();
    }
    let done = (q.done.as_deref() == Some("password")).then(|| text::CHANGED.text());
    sign_in_form(local(q.next.as_deref()), "", None, done.as_deref())
}

#[derive(Deserialize)]
struct SignIn {
    name: String,
    password: String,
    next: Option<String>,
}

async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    WebForm(f): WebForm<SignIn>,
) -> Response {
    let next = local(f.next.as_deref()).to_owned();
    match open_session(&state, peer, &f.name, f.password).await {
        Ok((_, cookie)) => ([(SET_COOKIE, cookie)], Redirect::to(&next)).into_response(),
        Err(e) => sign_in_form(&next, &f.name, Some(&e), None),
    }
}

async fn sign_out(State(state): State<AppState>, Visitor(caller): Visitor) -> PageResult {
    let cookie = close_session(&state, &caller).await?;
    Ok(([(SET_COOKIE, cookie)], Redirect::to("/signin")).into_response())
}

fn account_page(caller: &crate::auth::Caller, error: Option<&ApiError>) -> Response {
    let role = if caller.user.is_admin { html!(" ({})", text::ADMIN) } else { Html::new() };
    let fields = Html::join(
        [
            Field::new("current", &text::CURRENT.text(), Control::Input("password"))
                .required()
                .attr("autocomplete", "current-password")
                .error_of(error)
                .render(),
            Field::new("new", &text::NEW.text(), Control::Input("password"))
                .required()
                .hint(text::NEW_HINT)
                .attr("minlength", "12")
                .attr("maxlength", "1024")
                .attr("autocomplete", "new-password")
                .error_of(error)
                .render(),
        ],
        &Html::new(),
    );
    let body = html!(
        "<h1>{}</h1><p>{} <strong>{}</strong> ({}){}.</p><h2>{}</h2><p>{}</p>{}{}",
        text::ACCOUNT,
        text::SIGNED_AS,
        caller.user.display_name,
        caller.user.name,
        role,
        text::CHANGE,
        text::CHANGE_HINT,
        problem(error, &["current", "new"]),
        form("/account", fields, &text::SAVE.text())
    );
    let status = error.map_or(axum::http::StatusCode::OK, |e| e.kind.status());
    (status, Page::new(text::ACCOUNT, caller, Section::Account).body(body).response())
        .into_response()
}

async fn account(Visitor(caller): Visitor) -> Response {
    account_page(&caller, None)
}

#[derive(Deserialize)]
struct Change {
    current: String,
    new: String,
}

async fn change_password(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    WebForm(f): WebForm<Change>,
) -> PageResult {
    match set_own_password(&state, &caller, f.current, f.new).await {
        Ok(()) => Ok(see_other("/signin?done=password")),
        Err(e) => Ok(account_page(&caller, Some(&e))),
    }
}
