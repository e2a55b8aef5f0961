//! The web workspace: server-rendered pages for people who never open a terminal.
//!
//! Every page is HTML built with [`report::html!`] (user text is escaped on the way in;
//! unescaped text cannot be passed by mistake), works without JavaScript for reading and
//! for plain form posts, and loads only this server's own style sheet and small script
//! (`static/app.css`, `static/app.js`: live progress, the workshop's tracker, inline
//! validation). Handlers call the API's handlers or the functions behind them, so a page
//! decides nothing the API does not: permissions stay in `access`, figures in `analysis`.
//!
//! Each page module keeps its words in one `text` module at its top, ready for
//! translation. Modules:
//!
//! * `layout`: the page's frame (header, navigation, skip link), the error page.
//! * `form`: labelled, accessible form controls with their errors.
//! * `signin`, `home`, `admin` (users and workspaces), `workspace` (a workspace's overview
//!   and members), `profiles` (country and group profiles with downloads), `register`,
//!   `answers` (questionnaires), `workshop` (cross-impact matrices), `corridor`,
//!   `scenarios`, `datasets`, `audit`.

mod admin;
mod answers;
mod assets;
mod audit;
mod corridor;
mod datasets;
pub(crate) mod form;
mod home;
pub(crate) mod lang;
pub(crate) mod layout;
mod profiles;
mod register;
mod scenarios;
mod signin;
mod workshop;
mod workspace;

use axum::Router;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::auth::{Caller, MaybeCaller};
use crate::error::{ApiError, Kind};

/// Every page, and the static files.
pub(crate) fn router() -> Router<AppState> {
    pages().router
}

/// Every page route: (method, path) in axum's syntax (`/w/{id}/register`). The permission
/// test of the pages checks that each has a row.
pub(crate) fn routes() -> Vec<(&'static str, &'static str)> {
    pages().list
}

fn pages() -> Pages {
    let pages = Pages::default();
    let pages = assets::routes(pages);
    let pages = signin::routes(pages);
    let pages = lang::routes(pages);
    let pages = home::routes(pages);
    let pages = admin::routes(pages);
    let pages = workspace::routes(pages);
    let pages = profiles::routes(pages);
    let pages = register::routes(pages);
    let pages = answers::routes(pages);
    let pages = workshop::routes(pages);
    let pages = corridor::routes(pages);
    let pages = scenarios::routes(pages);
    let pages = datasets::routes(pages);
    audit::routes(pages)
}

/// The pages' router, with the list of its routes: each page module adds its routes with
/// [`Pages::get`] and [`Pages::post`], so that the list cannot miss one.
#[derive(Default)]
pub(crate) struct Pages {
    router: Router<AppState>,
    list: Vec<(&'static str, &'static str)>,
}

impl Pages {
    /// Adds `GET path` (and `HEAD`).
    pub(crate) fn get<H, T>(mut self, path: &'static str, handler: H) -> Pages
    where
        H: axum::handler::Handler<T, AppState>,
        T: 'static,
    {
        self.router = self.router.route(path, axum::routing::get(handler));
        self.list.push(("GET", path));
        self
    }

    /// Adds `POST path` (a form post).
    pub(crate) fn post<H, T>(mut self, path: &'static str, handler: H) -> Pages
    where
        H: axum::handler::Handler<T, AppState>,
        T: 'static,
    {
        self.router = self.router.route(path, axum::routing::post(handler));
        self.list.push(("POST", path));
        self
    }
}

/// What a page handler returns.
pub(crate) type PageResult<T = Response> = Result<T, PageError>;

/// Why a page is not shown: the visitor must sign in first, or an error (shown as a page
/// with the error's status and message).
#[derive(Debug)]
pub(crate) enum PageError {
    /// Not signed in: the sign-in page, then back to this path.
    SignIn(String),
    /// An error, in the API's kinds.
    Api(ApiError),
}

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> PageError {
        PageError::Api(e)
    }
}

impl From<store::Error> for PageError {
    fn from(e: store::Error) -> PageError {
        PageError::Api(e.into())
    }
}

impl From<analysis::Error> for PageError {
    fn from(e: analysis::Error) -> PageError {
        PageError::Api(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        match self {
            PageError::SignIn(next) => {
                Redirect::to(&format!("/signin?next={}", url_encode(&next))).into_response()
            }
            PageError::Api(e) if e.kind == Kind::Unauthenticated => {
                Redirect::to("/signin").into_response()
            }
            PageError::Api(e) => layout::error_page(&e),
        }
    }
}

/// A signed-in visitor of the pages; anyone else is sent to the sign-in page.
#[derive(Clone, Debug)]
pub(crate) struct Visitor(pub(crate) Caller);

impl FromRequestParts<AppState> for Visitor {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let next = parts.uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
        match MaybeCaller::from_request_parts(parts, state).await {
            Ok(MaybeCaller(Some(caller))) => Ok(Visitor(caller)),
            Ok(MaybeCaller(None)) | Err(_) => Err(PageError::SignIn(next)),
        }
    }
}

/// A form post's fields (`application/x-www-form-urlencoded`); one that cannot be read is
/// a 400 page.
pub(crate) struct WebForm<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for WebForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, PageError> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(WebForm(v)),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(PageError::Api(
                ApiError::new(Kind::TooLarge, "the form is larger than the server's limit"),
            )),
            Err(e) => Err(PageError::Api(ApiError::new(
                Kind::InvalidInput,
                format!("the form cannot be read: {}", e.body_text()),
            ))),
        }
    }
}

/// A page's query string; one that cannot be read is a 400 page.
pub(crate) struct WebQuery<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for WebQuery<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, PageError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(WebQuery(v)),
            Err(e) => Err(PageError::Api(ApiError::new(
                Kind::InvalidInput,
                format!("the address's query cannot be read: {}", e.body_text()),
            ))),
        }
    }
}

/// After a form post: see `to` (303), so reloading does not post again.
pub(crate) fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A file to download, named `filename` (ASCII letters, digits, `.`, `-`, `_` kept).
pub(crate) fn download(content_type: &'static str, filename: &str, bytes: Vec<u8>) -> Response {
    let safe: String = filename
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{safe}\"")),
        ],
        bytes,
    )
        .into_response()
}

/// `text` percent-encoded for a URL's path segment or query value (everything but
/// ASCII letters, digits and `-._~`).
pub(crate) fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_encoding_keeps_only_unreserved_characters() {
        assert_eq!(url_encode("/w/1?x=<a b>"), "%2Fw%2F1%3Fx%3D%3Ca%20b%3E");
        assert_eq!(url_encode("NPL-np_1.~"), "NPL-np_1.~");
    }
}
