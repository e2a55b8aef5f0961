//! The frame of every page: the header with the site's navigation and the visitor's
//! account, a skip link, the main content, and the error page.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use report::html;
use report::html::Html;

use crate::auth::Caller;
use crate::error::ApiError;

/// The words of the frame.
pub(crate) mod text {
    use crate::web::lang::Msg;

    /// The product's name.
    pub(crate) const SITE: &str = "Coherence";
    /// The skip link.
    pub(crate) const SKIP: Msg = Msg("web-skip");
    /// The main navigation's label.
    pub(crate) const NAV: Msg = Msg("web-nav");
    /// Navigation entries.
    pub(crate) const HOME: Msg = Msg("web-nav-home");
    pub(crate) const PROFILES: Msg = Msg("web-nav-profiles");
    pub(crate) const DATASETS: Msg = Msg("web-nav-datasets");
    pub(crate) const ADMIN: Msg = Msg("web-nav-admin");
    pub(crate) const ACCOUNT: Msg = Msg("web-nav-account");
    pub(crate) const SIGN_OUT: Msg = Msg("web-sign-out");
    /// The workspace navigation's label and entries.
    pub(crate) const WORKSPACE_NAV: Msg = Msg("web-tabs");
    pub(crate) const OVERVIEW: Msg = Msg("web-tab-overview");
    pub(crate) const REGISTER: Msg = Msg("web-tab-register");
    pub(crate) const ANSWERS: Msg = Msg("web-tab-answers");
    pub(crate) const WORKSHOP: Msg = Msg("web-tab-workshop");
    pub(crate) const CORRIDOR: Msg = Msg("web-tab-corridor");
    pub(crate) const SCENARIOS: Msg = Msg("web-tab-scenarios");
    pub(crate) const AUDIT: Msg = Msg("web-tab-audit");
    /// What a table's scrolling frame is called (it takes the keyboard's focus).
    pub(crate) const SCROLLS: Msg = Msg("web-table-scrolls");
    /// Said on the pages of a demo country's workspace.
    pub(crate) const DEMO: Msg = Msg("web-demo-country");
    /// The error page's heading.
    pub(crate) const ERROR: Msg = Msg("web-error");
    /// The error page's way back.
    pub(crate) const BACK: Msg = Msg("web-error-back");
}

/// Which part of the site a page belongs to (marked in the navigation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Section {
    /// The home page and the workspaces' pages.
    Home,
    /// Profiles.
    Profiles,
    /// Datasets.
    Datasets,
    /// Administration.
    Admin,
    /// The visitor's account.
    Account,
    /// No section (sign-in, errors).
    None,
}

/// A page to send.
pub(crate) struct Page<'a> {
    /// Its title (text).
    pub(crate) title: String,
    /// Who is looking (`None` on the sign-in page).
    pub(crate) visitor: Option<&'a Caller>,
    /// Where it is in the site.
    pub(crate) section: Section,
    /// The content of `<main>`.
    pub(crate) body: Html,
    /// Whether it shows parts of the brief (and so loads the brief's style sheet).
    pub(crate) brief_styles: bool,
}

impl<'a> Page<'a> {
    /// A page titled `title` in `section`, for `visitor`.
    pub(crate) fn new(title: impl Into<String>, visitor: &'a Caller, section: Section) -> Page<'a> {
        Page {
            title: title.into(),
            visitor: Some(visitor),
            section,
            body: Html::new(),
            brief_styles: false,
        }
    }

    /// The page with `body` as its content.
    pub(crate) fn body(mut self, body: Html) -> Page<'a> {
        self.body = body;
        self
    }

    /// The whole document.
    pub(crate) fn document(&self) -> Html {
        let lang = crate::web::lang::current();
        let brief_css = if self.brief_styles {
            html!("<link rel=\"stylesheet\" href=\"/static/brief.css\">\n")
        } else {
            Html::new()
        };
        html!(
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{} — {}</title>\n<link rel=\"icon\" href=\"data:,\">\n{}<link rel=\"stylesheet\" href=\"/static/app.css\">\n\
             <script src=\"/static/app.js\" defer></script>\n</head>\n<body>\n\
             <a class=\"skip\" href=\"#main\">{}</a>\n{}\
             <main id=\"main\" tabindex=\"-1\">\n{}</main>\n</body>\n</html>\n",
            lang.code(),
            lang.dir(),
            self.title,
            text::SITE,
            brief_css,
            text::SKIP,
            top_bar(self.visitor, self.section),
            self.body
        )
    }

    /// The page as a response (200).
    pub(crate) fn response(&self) -> Response {
        html_response(self.document())
    }
}

/// `document` as an HTML response.
pub(crate) fn html_response(document: Html) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], document.into_string()).into_response()
}

/// The site's header: name, navigation, the visitor's account and sign-out.
fn top_bar(visitor: Option<&Caller>, section: Section) -> Html {
    let Some(visitor) = visitor else {
        return html!(
            "<header class=\"top\"><p class=\"site\">{}</p>{}</header>\n",
            text::SITE,
            crate::web::lang::menu()
        );
    };
    let mut links = vec![
        ("/", text::HOME, Section::Home),
        ("/profiles", text::PROFILES, Section::Profiles),
        ("/datasets", text::DATASETS, Section::Datasets),
    ];
    if visitor.user.is_admin {
        links.push(("/admin", text::ADMIN, Section::Admin));
    }
    links.push(("/account", text::ACCOUNT, Section::Account));
    let items: Html = links
        .into_iter()
        .map(|(href, label, s)| {
            let current = if s == section { html!(" aria-current=\"page\"") } else { Html::new() };
            html!("<li><a href=\"{}\"{}>{}</a></li>", href, current, label)
        })
        .collect();
    html!(
        "<header class=\"top\"><p class=\"site\"><a href=\"/\">{}</a></p>\
         <nav aria-label=\"{}\"><ul>{}</ul></nav>\
         <form class=\"signout\" method=\"post\" action=\"/signout\"><span class=\"who\">{}</span> \
         <button type=\"submit\">{}</button></form>{}</header>\n",
        text::SITE,
        text::NAV,
        items,
        visitor.user.display_name,
        text::SIGN_OUT,
        crate::web::lang::menu()
    )
}

/// The tabs of a workspace's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tab {
    /// The overview and members.
    Overview,
    /// The policy register.
    Register,
    /// The questionnaires.
    Answers,
    /// The cross-impact workshop.
    Workshop,
    /// The corridor (partnerships).
    Corridor,
    /// Scenarios.
    Scenarios,
    /// The audit trail.
    Audit,
}

/// The heading and tabs of workspace `ws`'s pages, `current` marked.
pub(crate) fn workspace_header(ws: &store::Workspace, current: Tab, heading: &str) -> Html {
    let partnership = matches!(ws.kind, store::WorkspaceKind::Partnership { .. });
    let mut tabs = vec![(Tab::Overview, "", text::OVERVIEW)];
    if partnership {
        tabs.push((Tab::Corridor, "/corridor", text::CORRIDOR));
    } else {
        tabs.push((Tab::Register, "/register", text::REGISTER));
        tabs.push((Tab::Answers, "/answers", text::ANSWERS));
    }
    tabs.push((Tab::Workshop, "/matrices", text::WORKSHOP));
    tabs.push((Tab::Scenarios, "/scenarios", text::SCENARIOS));
    tabs.push((Tab::Audit, "/audit", text::AUDIT));
    let items: Html = tabs
        .into_iter()
        .map(|(tab, path, label)| {
            let current =
                if tab == current { html!(" aria-current=\"page\"") } else { Html::new() };
            html!("<li><a href=\"/w/{}{}\"{}>{}</a></li>", ws.id, path, current, label)
        })
        .collect();
    let demo = match ws.kind {
        store::WorkspaceKind::Government { country } if country.is_fictional() => {
            html!("<p class=\"demo\" role=\"note\">{}</p>", text::DEMO)
        }
        _ => Html::new(),
    };
    html!(
        "{}<p class=\"kicker\">{}</p><h1>{}</h1>\
         <nav class=\"tabs\" aria-label=\"{}\"><ul>{}</ul></nav>\n",
        demo,
        ws.name,
        heading,
        text::WORKSPACE_NAV,
        items
    )
}

/// `table` in a frame that scrolls sideways when the table is wider than the screen, and
/// takes the keyboard's focus so that it can be scrolled without a mouse.
pub(crate) fn table_wrap(table: Html) -> Html {
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-label=\"{}\">{}</div>",
        text::SCROLLS,
        table
    )
}

/// The page of an error: its status, what is wrong, and a way back.
pub(crate) fn error_page(e: &ApiError) -> Response {
    let status = e.kind.status();
    let page = Page {
        title: text::ERROR.text(),
        visitor: None,
        section: Section::None,
        body: html!(
            "<h1>{}</h1><p class=\"status\">{} {}</p><p role=\"alert\">{}</p><p><a href=\"/\">{}</a></p>",
            text::ERROR,
            status.as_u16(),
            status.canonical_reason().unwrap_or(""),
            e.message,
            text::BACK
        ),
        brief_styles: false,
    };
    (status, page.response()).into_response()
}
