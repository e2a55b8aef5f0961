//! The audit pages: a workspace's history (its members and administrators) and the
//! instance's (administrators), filterable by action, user and date, a page at a time.
//!
//! Rows are read by the API's function (`routes::workspaces::audit_rows`), after the
//! same checks as `GET /api/v1/workspaces/{id}/audit` and `GET /api/v1/audit`.

use std::collections::HashMap;

use axum::extract::{Path, State};
use report::html;
use report::html::Html;
use serde::Deserialize;

use crate::AppState;
use crate::access::{self, Access};
use crate::error::ApiError;
use crate::routes::workspaces::{AuditInfo, AuditPage, audit_rows};
use crate::web::form::{Control, Field, problem};
use crate::web::layout::{Page, Section, Tab, workspace_header};
use crate::web::{PageResult, Pages, Visitor, WebQuery, url_encode};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-audit-title");
    pub(crate) const INSTANCE: Msg = Msg("web-audit-instance");
    pub(crate) const INTRO: Msg = Msg("web-audit-intro");
    pub(crate) const FILTER: Msg = Msg("web-audit-filter");
    pub(crate) const ACTION: Msg = Msg("web-audit-action");
    pub(crate) const ACTION_HINT: Msg = Msg("web-audit-action-hint");
    pub(crate) const USER: Msg = Msg("web-audit-user");
    pub(crate) const ANYONE: Msg = Msg("web-audit-anyone");
    pub(crate) const SINCE: Msg = Msg("web-audit-since");
    pub(crate) const APPLY: Msg = Msg("web-audit-apply");
    pub(crate) const WHEN: Msg = Msg("web-audit-when");
    pub(crate) const WHO: Msg = Msg("web-audit-who");
    pub(crate) const WHAT: Msg = Msg("web-audit-what");
    pub(crate) const TARGET: Msg = Msg("web-audit-target");
    pub(crate) const CHANGE: Msg = Msg("web-audit-change");
    pub(crate) const WHY: Msg = Msg("web-audit-why");
    pub(crate) const CONSOLE: Msg = Msg("web-audit-console");
    pub(crate) const NONE: Msg = Msg("web-audit-none");
    pub(crate) const NEXT: Msg = Msg("web-audit-next");
    pub(crate) const FIRST: Msg = Msg("web-audit-first");
    pub(crate) const ROWS: Msg = Msg("web-audit-rows");
}

/// Rows on a page.
const PER_PAGE: u32 = 50;

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages.get("/w/{id}/audit", workspace_audit).get("/audit", instance_audit)
}

/// The filters of the page's GET form.
#[derive(Deserialize, Default)]
struct Filters {
    action: Option<String>,
    user: Option<String>,
    since: Option<String>,
    after: Option<i64>,
}

impl Filters {
    /// The API's query of these filters; a filter that cannot be one is the field's
    /// error.
    fn page(&self) -> Result<AuditPage, ApiError> {
        let empty = |s: &Option<String>| {
            s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
        };
        let user_id = match empty(&self.user) {
            Some(u) => {
                Some(u.parse::<i64>().map_err(|_| ApiError::invalid("user", "choose a user"))?)
            }
            None => None,
        };
        Ok(AuditPage {
            action: empty(&self.action),
            user_id,
            since: empty(&self.since),
            after: self.after,
            limit: Some(PER_PAGE),
        })
    }

    /// The query string of these filters with `after`.
    fn query(&self, after: i64) -> String {
        let mut q = format!("after={after}");
        for (k, v) in [("action", &self.action), ("user", &self.user), ("since", &self.since)] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                q.push_str(&format!("&{k}={}", url_encode(v)));
            }
        }
        q
    }
}

async fn workspace_audit(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebQuery(filters): WebQuery<Filters>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    access.read_records()?;
    let members: Vec<i64> =
        state.store().memberships_of_workspace(id).await?.iter().map(|m| m.user_id).collect();
    let body = trail(&state, Some(id), &filters, &members).await?;
    let body =
        html!("{}{}", workspace_header(&access.workspace, Tab::Audit, &text::TITLE.text()), body);
    Ok(Page::new(text::TITLE, &caller, Section::Home).body(body).response())
}

async fn instance_audit(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    WebQuery(filters): WebQuery<Filters>,
) -> PageResult {
    access::admin(&caller)?;
    let everyone: Vec<i64> = state.store().users().await?.iter().map(|u| u.id).collect();
    let body = trail(&state, None, &filters, &everyone).await?;
    let body = html!("<h1>{}</h1>{}", text::INSTANCE, body);
    Ok(Page::new(text::INSTANCE, &caller, Section::Admin).body(body).response())
}

/// The filter form and one page of the trail of `workspace` (`None`: the instance's),
/// the users of the form's list being `users`.
async fn trail(
    state: &AppState,
    workspace: Option<i64>,
    filters: &Filters,
    users: &[i64],
) -> PageResult<Html> {
    let names: HashMap<i64, String> =
        state.store().users().await?.into_iter().map(|u| (u.id, u.display_name)).collect();
    let (rows, error) = match filters.page() {
        Ok(page) => match audit_rows(state, workspace, &page).await {
            Ok(rows) => (rows, None),
            Err(e) if e.field.is_some() => (Vec::new(), Some(e)),
            Err(e) => return Err(e.into()),
        },
        Err(e) => (Vec::new(), Some(e)),
    };
    let action = match workspace {
        Some(id) => format!("/w/{id}/audit"),
        None => "/audit".to_owned(),
    };
    let mut choices = vec![(String::new(), text::ANYONE.text())];
    let mut listed: Vec<(i64, String)> = users
        .iter()
        .map(|id| (*id, names.get(id).cloned().unwrap_or_else(|| id.to_string())))
        .collect();
    listed.sort_by(|a, b| a.1.cmp(&b.1));
    choices.extend(listed.into_iter().map(|(id, name)| (id.to_string(), name)));
    let e = error.as_ref();
    let form = html!(
        "<form method=\"get\" action=\"{}\" class=\"filters\" aria-label=\"{}\">{}{}{}\
         <p class=\"actions\"><button type=\"submit\">{}</button></p></form>{}",
        action,
        text::FILTER,
        Field::text("action", &text::ACTION.text())
            .value(filters.action.clone().unwrap_or_default())
            .attr("maxlength", "100")
            .hint(text::ACTION_HINT)
            .error_of(e)
            .render(),
        Field::new("user", &text::USER.text(), Control::Select(choices))
            .value(filters.user.clone().unwrap_or_default())
            .error_of(e)
            .render(),
        Field::new("since", &text::SINCE.text(), Control::Input("date"))
            .value(filters.since.clone().unwrap_or_default())
            .error_of(e)
            .render(),
        text::APPLY,
        problem(e, &["action", "user", "since"])
    );
    let table =
        if rows.is_empty() { html!("<p>{}</p>", text::NONE) } else { rows_table(&rows, &names) };
    let mut paging = Vec::new();
    if filters.after.is_some() {
        paging.push(html!("<a href=\"{}?{}\">{}</a>", action, filters.query(0), text::FIRST));
    }
    if rows.len() == PER_PAGE as usize
        && let Some(last) = rows.last()
    {
        paging.push(html!(
            "<a href=\"{}?{}\" rel=\"next\">{}</a>",
            action,
            filters.query(last.seq),
            text::NEXT
        ));
    }
    let paging = if paging.is_empty() {
        Html::new()
    } else {
        html!(
            "<nav aria-label=\"{}\"><p>{}</p></nav>",
            text::ROWS,
            Html::join(paging, &html!(" · "))
        )
    };
    Ok(html!("<p>{}</p>{}{}{}", text::INTRO, form, table, paging))
}

/// The rows as a table.
fn rows_table(rows: &[AuditInfo], names: &HashMap<i64, String>) -> Html {
    let body: Html = rows
        .iter()
        .map(|r| {
            let who = match r.user_id {
                Some(id) => names.get(&id).cloned().unwrap_or_else(|| id.to_string()),
                None => text::CONSOLE.text(),
            };
            let change = match (&r.old_value, &r.new_value) {
                (None, None) => Html::new(),
                (old, new) => html!(
                    "<code>{}</code> → <code>{}</code>",
                    old.clone().unwrap_or_else(|| "—".to_owned()),
                    new.clone().unwrap_or_else(|| "—".to_owned())
                ),
            };
            html!(
                "<tr><td>{}</td><td>{}</td><th scope=\"row\"><code>{}</code></th><td><code>{}</code></td><td class=\"change\">{}</td><td>{}</td></tr>",
                r.at.get(..19).unwrap_or(&r.at).replace('T', " "),
                who,
                r.action,
                r.target,
                change,
                r.reason
            )
        })
        .collect();
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"audit\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        text::ROWS,
        text::WHEN,
        text::WHO,
        text::WHAT,
        text::TARGET,
        text::CHANGE,
        text::WHY,
        body
    )
}
