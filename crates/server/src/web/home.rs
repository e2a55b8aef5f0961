//! The home page: the visitor's workspaces, each with what changed since the visitor's
//! previous sign-in (by others), and where to go next.

use axum::extract::State;
use report::html;
use report::html::Html;
use store::{AuditQuery, WorkspaceKind};

use crate::AppState;
use crate::access::Access;
use crate::routes::workspaces::readable;
use crate::web::layout::{Page, Section};
use crate::web::{PageResult, Pages, Visitor};

/// The words of the page.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-home-title");
    pub(crate) const NONE: Msg = Msg("web-home-none");
    pub(crate) const NONE_ADMIN: Msg = Msg("web-home-none-admin");
    pub(crate) const ADMINISTRATION: Msg = Msg("web-home-administration");
    pub(crate) const GOVERNMENT: Msg = Msg("web-home-government");
    pub(crate) const PARTNERSHIP: Msg = Msg("web-home-partnership");
    pub(crate) const ROLE: Msg = Msg("web-home-role");
    pub(crate) const ADMIN_ROLE: Msg = Msg("web-home-admin-role");
    pub(crate) const SHARED: Msg = Msg("web-home-shared");
    pub(crate) const SINCE: Msg = Msg("web-home-since");
    pub(crate) const FIRST: Msg = Msg("web-home-first");
    pub(crate) const NOTHING: Msg = Msg("web-home-nothing");
    pub(crate) const CHANGES: Msg = Msg("web-home-changes");
    pub(crate) const ALSO: Msg = Msg("web-home-also");
    pub(crate) const PROFILES: Msg = Msg("web-home-profiles");
    pub(crate) const PROFILES_WHY: Msg = Msg("web-home-profiles-why");
}

/// Adds the route of the page.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages.get("/", home)
}

async fn home(State(state): State<AppState>, Visitor(caller): Visitor) -> PageResult {
    let since = caller.user.previous_sign_in_at.clone();
    let mut cards = Vec::new();
    for access in readable(&state, &caller).await? {
        cards.push(card(&state, &access, since.as_deref(), caller.user.id).await?);
    }
    let intro = match &since {
        Some(at) => {
            html!("<p>{}: {} UTC.</p>", text::SINCE, at.get(..16).unwrap_or(at).replace('T', " "))
        }
        None => html!("<p>{}</p>", text::FIRST),
    };
    let list = if cards.is_empty() {
        if caller.user.is_admin {
            html!("<p>{} <a href=\"/admin\">{}</a>.</p>", text::NONE_ADMIN, text::ADMINISTRATION)
        } else {
            html!("<p>{}</p>", text::NONE)
        }
    } else {
        html!("<ul class=\"cards\">{}</ul>", cards.into_iter().collect::<Html>())
    };
    let body = html!(
        "<h1>{}</h1>{}{}<h2>{}</h2><p><a href=\"/profiles\">{}</a>: {}.</p>",
        text::TITLE,
        intro,
        list,
        text::ALSO,
        text::PROFILES,
        text::PROFILES_WHY
    );
    Ok(Page::new(text::TITLE, &caller, Section::Home).body(body).response())
}

/// One workspace: its kind, the visitor's role, and the changes by others since `since`.
async fn card(state: &AppState, a: &Access, since: Option<&str>, me: i64) -> PageResult<Html> {
    let kind = match a.workspace.kind {
        WorkspaceKind::Government { country } => {
            html!("{} · {}", text::GOVERNMENT, country.as_str())
        }
        WorkspaceKind::Partnership { .. } => html!("{}", text::PARTNERSHIP),
    };
    let role = match (&a.role, &a.ministry) {
        (Some(r), Some(m)) => html!("{} ({})", r.as_str(), m),
        (Some(r), None) => html!("{}", r.as_str()),
        (None, _) if a.admin => html!("{}", text::ADMIN_ROLE),
        (None, _) => html!("{}", text::SHARED),
    };
    let changes = match since {
        Some(since) if a.is_member_or_admin() => changes(state, a.workspace.id, since, me).await?,
        _ => Html::new(),
    };
    Ok(html!(
        "<li><h2 class=\"card-title\"><a href=\"/w/{}\">{}</a></h2><p class=\"muted\">{}</p>\
         <p>{}: {}</p>{}</li>",
        a.workspace.id,
        a.workspace.name,
        kind,
        text::ROLE,
        role,
        changes
    ))
}

/// What others changed in workspace `id` after `since`: how many changes and the latest.
async fn changes(state: &AppState, id: i64, since: &str, me: i64) -> PageResult<Html> {
    let rows = state
        .store()
        .audit_log(AuditQuery {
            workspace_id: Some(id),
            since: Some(since),
            limit: 100_000,
            ..AuditQuery::default()
        })
        .await?;
    let new: Vec<_> = rows.iter().filter(|r| r.user_id != Some(me)).collect();
    if new.is_empty() {
        return Ok(html!("<p>{}: {}.</p>", text::SINCE, text::NOTHING));
    }
    let latest: Html = new
        .iter()
        .rev()
        .take(3)
        .map(|r| html!("<li>{} <code>{}</code> — {}</li>", r.action, r.target, r.reason))
        .collect();
    Ok(html!(
        "<p>{}: <strong>{} {}</strong> (<a href=\"/w/{}/audit\">audit</a>)</p><ul>{}</ul>",
        text::SINCE,
        new.len(),
        text::CHANGES,
        id,
        latest
    ))
}
