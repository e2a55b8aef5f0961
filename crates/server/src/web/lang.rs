//! The language of the pages (docs/languages.md): chosen by the visitor with the
//! language menu of every page (a cookie, `coherence_lang`), else by the browser's
//! `Accept-Language`, else English. A middleware sets it for the request's task; the
//! pages' words are [`Msg`] keys of the message files (`crates/i18n/locales`), written
//! in that language when a page is rendered.

use axum::extract::Request;
use axum::http::HeaderMap;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, SET_COOKIE};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use i18n::Lang;
use report::html::ToHtml;
use serde::Deserialize;

use crate::web::{Pages, WebQuery};

/// The cookie that keeps the visitor's language.
pub(crate) const COOKIE_NAME: &str = "coherence_lang";

tokio::task_local! {
    /// The language of the request being served, and its path and query (for the
    /// language menu's way back).
    static CURRENT: (Lang, String);
}

/// The language of the request being served (English outside a request).
pub(crate) fn current() -> Lang {
    CURRENT.try_with(|(l, _)| *l).unwrap_or_default()
}

/// A sentence of the analysis ([`analysis::said::Said`]) in the request's language.
pub(crate) fn said(said: &analysis::said::Said) -> String {
    said.in_lang(current())
}

/// The path and query of the request being served (`/` outside a request).
fn here() -> String {
    CURRENT.try_with(|(_, p)| p.clone()).unwrap_or_else(|_| "/".to_owned())
}

/// A word or sentence of the pages: a message key, written in the request's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Msg(pub(crate) &'static str);

impl Msg {
    /// The text in the request's language.
    pub(crate) fn text(self) -> String {
        current().messages().text(self.0)
    }
}

impl ToHtml for Msg {
    fn write_html(&self, out: &mut String) {
        self.text().write_html(out);
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

impl From<Msg> for String {
    fn from(m: Msg) -> String {
        m.text()
    }
}

/// Runs the rest of the request in the visitor's language.
pub(crate) async fn choose(request: Request, next: Next) -> Response {
    let lang = from_headers(request.headers());
    let here = request.uri().path_and_query().map_or("/", |p| p.as_str()).to_owned();
    CURRENT.scope((lang, here), next.run(request)).await
}

/// The cookie's language, else the first offered one of `Accept-Language` by weight,
/// else English.
fn from_headers(headers: &HeaderMap) -> Lang {
    let cookie = headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE_NAME)
        .and_then(|(_, v)| offered(v));
    cookie
        .or_else(|| headers.get(ACCEPT_LANGUAGE)?.to_str().ok().and_then(accepted))
        .unwrap_or_default()
}

/// `code` if it names an offered language.
fn offered(code: &str) -> Option<Lang> {
    Lang::parse(code).ok().filter(|l| Lang::OFFERED.contains(l))
}

/// The best offered language of an `Accept-Language` value (`fr-CH, fr;q=0.9, en;q=0.8`):
/// the highest weight wins, the first listed among equals; a weight of 0 refuses.
fn accepted(value: &str) -> Option<Lang> {
    let mut best: Option<(u16, Lang)> = None;
    for item in value.split(',').take(32) {
        let mut parts = item.split(';');
        let Some(lang) = parts.next().and_then(|c| offered(c.trim())) else { continue };
        let weight = parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(1000, |q| {
            (q.trim().parse::<f32>().unwrap_or(0.0).clamp(0.0, 1.0) * 1000.0) as u16
        });
        if weight > 0 && best.is_none_or(|(w, _)| weight > w) {
            best = Some((weight, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

/// Adds the route of the language menu.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages.get("/language", switch)
}

/// The language menu's choice.
#[derive(Deserialize)]
struct Choice {
    lang: String,
    next: Option<String>,
}

/// `GET /language?lang=fr&next=/path`: keeps the language in a cookie and goes back to
/// the page (a path of this site only). Anyone may choose, signed in or not.
async fn switch(WebQuery(choice): WebQuery<Choice>) -> Response {
    let next = match choice.next.as_deref() {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n,
        _ => "/",
    };
    let Some(lang) = offered(&choice.lang) else {
        return Redirect::to(next).into_response();
    };
    let cookie =
        format!("{COOKIE_NAME}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly", lang.code());
    ([(SET_COOKIE, cookie)], Redirect::to(next)).into_response()
}

/// The language menu of every page: each language in its own name, the current one
/// marked, each link coming back to the page.
pub(crate) fn menu() -> report::html::Html {
    use report::html;
    let current = current();
    let here = here();
    let items: report::html::Html = Lang::OFFERED
        .iter()
        .map(|&l| {
            let mark = if l == current {
                html!(" aria-current=\"true\"")
            } else {
                report::html::Html::new()
            };
            html!(
                "<li><a href=\"/language?lang={}&amp;next={}\" lang=\"{}\" hreflang=\"{}\"{}>{}</a></li>",
                l.code(),
                crate::web::url_encode(&here),
                l.code(),
                l.code(),
                mark,
                l.endonym()
            )
        })
        .collect();
    html!(
        "<nav class=\"languages\" aria-label=\"{}\"><ul>{}</ul></nav>",
        Msg("web-languages"),
        items
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_read_by_weight() {
        assert_eq!(accepted("fr-CH, fr;q=0.9, en;q=0.8"), Some(Lang::Fr));
        assert_eq!(accepted("de, es;q=0.5, ar;q=0.7"), Some(Lang::Ar));
        assert_eq!(accepted("de, ja"), None);
        assert_eq!(accepted("fr;q=0, es"), Some(Lang::Es));
        assert_eq!(accepted("en-XA"), None, "the pseudo-language is not offered");
    }

    #[test]
    fn the_cookie_wins_over_the_browser() {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_LANGUAGE, "es".parse().unwrap());
        assert_eq!(from_headers(&headers), Lang::Es);
        headers.insert(COOKIE, "a=b; coherence_lang=ar".parse().unwrap());
        assert_eq!(from_headers(&headers), Lang::Ar);
        headers.insert(COOKIE, "coherence_lang=xx".parse().unwrap());
        assert_eq!(from_headers(&headers), Lang::Es, "an unknown cookie value is ignored");
    }
}
