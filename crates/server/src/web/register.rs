//! The policy register of a government's workspace: the register filtered by ministry,
//! stage, area, partner and status; one policy with its history (who, when, what, why);
//! editing a policy with a reason; a new policy.
//!
//! Every page calls the API's handlers (`routes::register`), so what a visitor reads and
//! edits is what the API allows: a contributor edits its ministry's policies only, a
//! partner reads the register as far as it is shared with its partnership. A visitor who
//! may not edit a policy gets its form with every field read-only and the reason said.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::policy::{PolicyField, PolicyStatus, Stage};
use report::html;
use report::html::Html;
use serde::Deserialize;
use store::Role;

use crate::AppState;
use crate::access::{Access, RegisterView};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::register::{self as api, PolicyChange, PolicyFilter, PolicyInfo};
use crate::routes::{ApiJson, Page as Paging};
use crate::web::form::{Control, Field, form, notice, problem};
use crate::web::layout::{Page, Section, Tab, workspace_header};
use crate::web::{PageResult, Pages, Visitor, WebForm, WebQuery, see_other, url_encode};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;
    use domain::policy::{PolicyStatus, Stage};

    pub(crate) const REGISTER: Msg = Msg("web-reg-register");
    pub(crate) const FILTERS: Msg = Msg("web-reg-filters");
    pub(crate) const ANY: Msg = Msg("web-reg-any");
    pub(crate) const APPLY: Msg = Msg("web-reg-apply");
    pub(crate) const CLEAR: Msg = Msg("web-reg-clear");
    pub(crate) const NEW: Msg = Msg("web-reg-new");
    pub(crate) const CAPTION: Msg = Msg("web-reg-caption");
    pub(crate) const NONE: Msg = Msg("web-reg-none");
    pub(crate) const PARTIAL: Msg = Msg("web-reg-partial");
    pub(crate) const HISTORY: Msg = Msg("web-reg-history");
    pub(crate) const DETAILS: Msg = Msg("web-reg-details");
    pub(crate) const SEE_ABOVE: Msg = Msg("web-reg-see-above");
    pub(crate) const HISTORY_CAPTION: Msg = Msg("web-reg-history-caption");
    pub(crate) const NO_HISTORY: Msg = Msg("web-reg-no-history");
    pub(crate) const WHEN: Msg = Msg("web-reg-when");
    pub(crate) const WHO: Msg = Msg("web-reg-who");
    pub(crate) const ACTION: Msg = Msg("web-reg-action");
    pub(crate) const FIELD: Msg = Msg("web-reg-field");
    pub(crate) const CHANGE: Msg = Msg("web-reg-change");
    pub(crate) const WHY: Msg = Msg("web-reg-why");
    pub(crate) const EDIT: Msg = Msg("web-reg-edit");
    pub(crate) const VIEW: Msg = Msg("web-reg-view");
    pub(crate) const EDIT_TITLE: Msg = Msg("web-reg-edit-title");
    pub(crate) const SAVE: Msg = Msg("web-reg-save");
    pub(crate) const CREATE: Msg = Msg("web-reg-create");
    pub(crate) const SAVED: Msg = Msg("web-reg-saved");
    pub(crate) const CREATED: Msg = Msg("web-reg-created");
    pub(crate) const READ_ONLY: Msg = Msg("web-reg-read-only");
    pub(crate) const REASON: Msg = Msg("web-reg-reason");
    pub(crate) const REASON_HINT: Msg = Msg("web-reg-reason-hint");
    pub(crate) const LIST_HINT: Msg = Msg("web-reg-list-hint");
    pub(crate) const PARTNERS_HINT: Msg = Msg("web-reg-partners-hint");
    pub(crate) const IDENT_HINT: Msg = Msg("web-reg-ident-hint");
    pub(crate) const YEAR_HINT: Msg = Msg("web-reg-year-hint");
    pub(crate) const ID_HINT: Msg = Msg("web-reg-id-hint");
    pub(crate) const STAGES: Msg = Msg("web-reg-stages");
    pub(crate) const MINISTRY_FIXED: Msg = Msg("web-reg-ministry-fixed");
    pub(crate) const NEW_MINISTRY_FIXED: Msg = Msg("web-reg-new-ministry-fixed");
    pub(crate) const VERSION_GONE: Msg = Msg("web-reg-version-gone");
    pub(crate) const DASH: Msg = Msg("web-reg-dash");

    /// Why a contributor of `mine` may not edit a policy of `owner`.
    pub(crate) fn owned_by(owner: &str, mine: &str) -> String {
        crate::web::lang::current()
            .messages()
            .format("web-reg-owned-by", &[("owner", owner.into()), ("mine", mine.into())])
    }

    /// The name of a stage of the migration cycle.
    pub(crate) fn stage(stage: Stage) -> Msg {
        Msg(report::words::stage_key(stage))
    }

    /// A policy's stages (their identifiers) as the reader reads them: each by its name,
    /// an identifier that names no stage as it is stored.
    pub(crate) fn stages(ids: &[String]) -> Vec<String> {
        ids.iter()
            .map(|id| Stage::parse(id).map_or_else(|| id.clone(), |s| stage(s).text()))
            .collect()
    }

    /// A policy's status (its identifier) as the reader reads it; an identifier that
    /// names no status as it is stored.
    pub(crate) fn status(id: &str) -> String {
        let key = match PolicyStatus::parse(id) {
            Some(status) => report::words::status_key(status),
            None => return id.to_owned(),
        };
        Msg(key).text()
    }

    /// The statuses a policy may have, as (identifier, name) choices.
    pub(crate) fn status_choices() -> Vec<(String, String)> {
        ["planned", "active", "suspended", "ended"]
            .iter()
            .map(|s| ((*s).to_owned(), status(s)))
            .collect()
    }

    /// The label of a policy's field.
    pub(crate) fn field(name: &str) -> Msg {
        Msg(match name {
            "id" => "web-reg-field-id",
            "country" => "web-reg-field-country",
            "ministry" => "web-reg-field-ministry",
            "title" => "web-reg-field-title",
            "instrument" => "web-reg-field-instrument",
            "stages" => "web-reg-field-stages",
            "area" => "web-reg-field-area",
            "partners" => "web-reg-field-partners",
            "target_groups" => "web-reg-field-target-groups",
            "status" => "web-reg-field-status",
            "start_year" => "web-reg-field-start-year",
            "end_year" => "web-reg-field-end-year",
            "objectives" => "web-reg-field-objectives",
            "tags" => "web-reg-field-tags",
            "source" => "web-reg-field-source",
            "layer" => "web-reg-field-layer",
            "stage" => "web-reg-field-stage",
            "partner" => "web-reg-field-partner",
            _ => "web-reg-field-other",
        })
    }
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/w/{id}/register", register)
        .get("/w/{id}/register/new", new_page)
        .post("/w/{id}/register/new", new_post)
        .get("/w/{id}/register/{policy}", policy_page)
        .get("/w/{id}/register/{policy}/edit", edit_page)
        .post("/w/{id}/register/{policy}/edit", edit_post)
}

/// The filters of the register page (a GET form), and a notice after a post.
#[derive(Deserialize, Default)]
struct Filters {
    ministry: Option<String>,
    stage: Option<String>,
    area: Option<String>,
    partner: Option<String>,
    status: Option<String>,
    done: Option<String>,
}

/// A filter's value: `None` when empty.
fn chosen(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// The whole register as the caller reads it, filtered.
async fn policies(
    state: &AppState,
    caller: &Caller,
    id: i64,
    filter: PolicyFilter,
) -> PageResult<Vec<PolicyInfo>> {
    let all = Paging { limit: Some(1000), offset: None };
    let list = api::list(State(state.clone()), caller.clone(), Path(id), Query(filter), Query(all))
        .await?;
    Ok(list.0.items)
}

async fn register(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebQuery(f): WebQuery<Filters>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    let view = access.read_register()?;
    let every = policies(&state, &caller, id, PolicyFilter::default()).await?;
    let filter = PolicyFilter {
        ministry: chosen(&f.ministry),
        stage: chosen(&f.stage),
        area: chosen(&f.area),
        partner: chosen(&f.partner),
        status: chosen(&f.status),
    };
    let shown = policies(&state, &caller, id, filter).await?;
    let distinct = |pick: &dyn Fn(&PolicyInfo) -> Vec<String>| {
        let mut v: Vec<String> = every.iter().flat_map(pick).collect();
        v.sort();
        v.dedup();
        v.into_iter().map(|x| (x.clone(), x)).collect::<Vec<_>>()
    };
    let stages =
        Stage::ALL.iter().map(|&s| (s.as_str().to_owned(), text::stage(s).text())).collect();
    let statuses = text::status_choices();
    let select = |name: &str, options: Vec<(String, String)>, value: &Option<String>| {
        let mut all = vec![(String::new(), text::ANY.text())];
        all.extend(options);
        Field::new(name, &text::field(name).text(), Control::Select(all))
            .value(value.clone().unwrap_or_default())
            .render()
    };
    let filters = html!(
        "<form class=\"filters\" method=\"get\" action=\"/w/{}/register\" role=\"search\" aria-label=\"{}\">{}{}{}{}{}\
         <p class=\"actions\"><button type=\"submit\">{}</button> <a href=\"/w/{}/register\">{}</a></p></form>\n",
        id,
        text::FILTERS,
        select("ministry", distinct(&|p| vec![p.ministry.clone()]), &f.ministry),
        select("stage", stages, &f.stage),
        select("area", distinct(&|p| vec![p.area.clone()]), &f.area),
        select("partner", distinct(&|p| p.partners.clone()), &f.partner),
        select("status", statuses, &f.status),
        text::APPLY,
        id,
        text::CLEAR
    );
    let new = if access.edit_for(access.ministry.as_deref()).is_ok() {
        html!("<p><a class=\"button\" href=\"/w/{}/register/new\">{}</a></p>", id, text::NEW)
    } else {
        Html::new()
    };
    let partial = match view {
        RegisterView::Only(_) => html!("<p class=\"notice\">{}</p>", text::PARTIAL),
        RegisterView::Whole => Html::new(),
    };
    let done = match f.done.as_deref() {
        Some("created") => notice(&text::CREATED.text()),
        _ => Html::new(),
    };
    let body = html!(
        "{}{}{}{}{}{}",
        workspace_header(&access.workspace, Tab::Register, &text::REGISTER.text()),
        done,
        partial,
        new,
        filters,
        table(id, &shown)
    );
    Ok(Page::new(text::REGISTER, &caller, Section::Home).body(body).response())
}

/// The table of `shown` policies, each linked to its page.
fn table(id: i64, shown: &[PolicyInfo]) -> Html {
    if shown.is_empty() {
        return html!("<p>{}</p>", text::NONE);
    }
    let heads: Html = ["id", "title", "ministry", "stages", "area", "partners", "status"]
        .iter()
        .map(|h| html!("<th scope=\"col\">{}</th>", text::field(h)))
        .collect();
    let rows: Html = shown
        .iter()
        .map(|p| {
            html!(
                "<tr><th scope=\"row\"><a href=\"/w/{}/register/{}\">{}</a></th><td>{}</td><td>{}</td>\
                 <td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                id,
                url_encode(&p.id),
                p.id,
                p.title,
                p.ministry,
                text::stages(&p.stages).join("; "),
                p.area,
                p.partners.join("; "),
                status_badge(&p.status)
            )
        })
        .collect();
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table><caption>{} ({})</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>\n",
        text::CAPTION,
        text::CAPTION,
        shown.len(),
        heads,
        rows
    )
}

/// A policy's status as a badge.
fn status_badge(status: &str) -> Html {
    let class = match PolicyStatus::parse(status) {
        Some(PolicyStatus::Active) => "badge good",
        Some(PolicyStatus::Suspended | PolicyStatus::Ended) => "badge bad",
        _ => "badge",
    };
    html!("<span class=\"{}\">{}</span>", class, text::status(status))
}

/// A notice after a post.
#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

async fn policy_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, policy)): Path<(i64, String)>,
    WebQuery(q): WebQuery<Done>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    let p = api::one(State(state.clone()), caller.clone(), Path((id, policy.clone()))).await?.0;
    let all = Paging { limit: Some(1000), offset: None };
    let changes =
        api::history(State(state.clone()), caller.clone(), Path((id, policy)), Query(all))
            .await?
            .0
            .items;
    let done = match q.done.as_deref() {
        Some("saved") => notice(&text::SAVED.text()),
        Some("created") => notice(&text::CREATED.text()),
        _ => Html::new(),
    };
    // Those who edit in this workspace get the form: a contributor of another ministry
    // finds there why this policy's fields are read-only.
    let edit = if matches!(access.role, Some(Role::Contributor | Role::Coordinator)) {
        html!("<p><a href=\"/w/{}/register/{}/edit\">{}</a></p>", id, url_encode(&p.id), text::EDIT)
    } else {
        Html::new()
    };
    let body = html!(
        "{}{}<h2>{}</h2>{}{}<h2>{}</h2>{}",
        workspace_header(&access.workspace, Tab::Register, &format!("{} — {}", p.id, p.title)),
        done,
        text::DETAILS,
        details(&p),
        edit,
        text::HISTORY,
        history_table(&changes)
    );
    Ok(Page::new(format!("{} — {}", p.id, p.title), &caller, Section::Home).body(body).response())
}

/// Every field of a policy, as a description list.
fn details(p: &PolicyInfo) -> Html {
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_else(|| text::DASH.text());
    let list = |v: &[String]| if v.is_empty() { text::DASH.text() } else { v.join("; ") };
    let rows = [
        ("id", p.id.clone()),
        ("country", p.country.clone()),
        ("ministry", p.ministry.clone()),
        ("title", p.title.clone()),
        ("instrument", p.instrument.clone()),
        ("stages", list(&text::stages(&p.stages))),
        ("area", p.area.clone()),
        ("partners", list(&p.partners)),
        ("target_groups", list(&p.target_groups)),
        ("status", text::status(&p.status)),
        ("start_year", year(p.start_year)),
        ("end_year", year(p.end_year)),
        ("objectives", p.objectives.clone()),
        ("tags", list(&p.tags)),
        ("source", p.source.clone()),
        ("layer", p.layer.clone()),
    ];
    let items: Html =
        rows.iter().map(|(k, v)| html!("<dt>{}</dt><dd>{}</dd>", text::field(k), v)).collect();
    html!("<dl class=\"policy\">{}</dl>\n", items)
}

/// The history of a policy: who, when, what, old → new, why.
fn history_table(changes: &[PolicyChange]) -> Html {
    if changes.is_empty() {
        return html!("<p>{}</p>", text::NO_HISTORY);
    }
    let heads: Html = [text::WHEN, text::WHO, text::ACTION, text::FIELD, text::CHANGE, text::WHY]
        .iter()
        .map(|h| html!("<th scope=\"col\">{}</th>", *h))
        .collect();
    let rows: Html = changes
        .iter()
        .map(|c| {
            let change = match (&c.old_value, &c.new_value) {
                (None, None) => Html::new(),
                (old, new) => html!(
                    "{} → {}",
                    old.as_deref().filter(|v| !v.is_empty()).unwrap_or(&text::DASH.text()),
                    new.as_deref().filter(|v| !v.is_empty()).unwrap_or(&text::DASH.text())
                ),
            };
            html!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                c.at.get(..16).unwrap_or(&c.at).replace('T', " "),
                c.user,
                c.action,
                c.field.as_deref().map_or_else(|| text::DASH.text(), |f| text::field(f).text()),
                change,
                c.reason
            )
        })
        .collect();
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table><caption>{}</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>\n",
        text::HISTORY_CAPTION,
        text::HISTORY_CAPTION,
        heads,
        rows
    )
}

/// The form's values by field name (`stage-…` checkboxes for the stages).
type Values = BTreeMap<String, String>;

/// A policy's fields as the form's values.
fn values_of(p: &PolicyInfo) -> Values {
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    let mut v = Values::new();
    for (k, x) in [
        ("ministry", p.ministry.clone()),
        ("title", p.title.clone()),
        ("instrument", p.instrument.clone()),
        ("area", p.area.clone()),
        ("partners", p.partners.join("; ")),
        ("target_groups", p.target_groups.join("; ")),
        ("status", p.status.clone()),
        ("start_year", year(p.start_year)),
        ("end_year", year(p.end_year)),
        ("objectives", p.objectives.clone()),
        ("tags", p.tags.join("; ")),
        ("source", p.source.clone()),
    ] {
        v.insert(k.to_owned(), x);
    }
    for s in &p.stages {
        v.insert(format!("stage-{s}"), "on".to_owned());
    }
    v.insert("stages".to_owned(), "shown".to_owned());
    v
}

/// The policy's fields as the API takes them, from the form's values: those the form
/// sent (the stages when their fieldset's marker `stages` is sent, since an unticked box
/// is not).
fn fields_of(v: &Values) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for f in PolicyField::ALL.into_iter().filter(|f| f.is_editable()) {
        if !v.contains_key(f.as_str()) {
            continue;
        }
        let value = if f == PolicyField::Stages {
            Stage::ALL
                .iter()
                .filter(|s| v.get(&format!("stage-{}", s.as_str())).is_some_and(|x| !x.is_empty()))
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(";")
        } else {
            v.get(f.as_str()).map(|x| x.trim().to_owned()).unwrap_or_default()
        };
        out.insert(f.as_str().to_owned(), value);
    }
    out
}

/// Whether two list texts hold the same items.
fn same_list(a: &str, b: &str) -> bool {
    let items = |s: &str| -> Vec<String> {
        s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(str::to_owned).collect()
    };
    items(a) == items(b)
}

/// The form's fields: every editable field of a policy, the stages as checkboxes in a
/// fieldset, then the reason. `locked`: why every field is read-only; `ministry_fixed`:
/// why the ministry is.
fn policy_fields(
    v: &Values,
    error: Option<&ApiError>,
    locked: Option<&str>,
    ministry_fixed: Option<&str>,
) -> Html {
    let why = |own: Option<&str>| locked.or(own).map(str::to_owned);
    let text_field = |name: &str| {
        Field::text(name, &text::field(name).text())
            .value(v.get(name).cloned().unwrap_or_default())
            .read_only(why(None))
            .error_of(error)
    };
    let year = |name: &str| {
        Field::new(name, &text::field(name).text(), Control::Input("number"))
            .value(v.get(name).cloned().unwrap_or_default())
            .hint(text::YEAR_HINT)
            .attr("min", "1900")
            .attr("max", "2200")
            .attr("step", "1")
            .read_only(why(None))
            .error_of(error)
    };
    // Patterns are compiled with the `v` flag: a `-` in a class is escaped.
    let ident = r"[a-z0-9][a-z0-9\-]*";
    let idents = r"\s*([a-z0-9][a-z0-9\-]*\s*(;\s*[a-z0-9][a-z0-9\-]*\s*)*)?;?\s*";
    let statuses = text::status_choices();
    let stage_error = error
        .filter(|e| e.field.as_deref() == Some("stages"))
        .map(|e| html!("<p class=\"error\" role=\"alert\">{}</p>", e.message))
        .unwrap_or_default();
    let stages: Html = Stage::ALL
        .iter()
        .map(|s| {
            let name = format!("stage-{}", s.as_str());
            Field::new(&name, &text::stage(*s).text(), Control::Checkbox)
                .value(v.get(&name).cloned().unwrap_or_default())
                .read_only(locked.map(|_| text::SEE_ABOVE.text()))
                .render()
        })
        .collect();
    let stages = html!(
        "<fieldset><legend>{}</legend><input type=\"hidden\" name=\"stages\" value=\"shown\">{}{}{}</fieldset>\n",
        text::STAGES,
        locked.map(|w| html!("<p class=\"why\">{}</p>", w)).unwrap_or_default(),
        stages,
        stage_error
    );
    Html::join(
        [
            text_field("ministry")
                .read_only(why(ministry_fixed))
                .required()
                .attr("maxlength", "200")
                .render(),
            text_field("title").required().attr("maxlength", "500").render(),
            text_field("instrument")
                .required()
                .hint(text::IDENT_HINT)
                .attr("pattern", ident)
                .attr("maxlength", "100")
                .render(),
            stages,
            text_field("area")
                .required()
                .hint(text::IDENT_HINT)
                .attr("pattern", ident)
                .attr("maxlength", "100")
                .render(),
            text_field("partners")
                .hint(text::PARTNERS_HINT)
                .attr("pattern", r"\s*([A-Za-z]{3}\s*(;\s*[A-Za-z]{3}\s*)*)?;?\s*")
                .attr("maxlength", "1000")
                .render(),
            text_field("target_groups")
                .hint(text::LIST_HINT)
                .attr("pattern", idents)
                .attr("maxlength", "1000")
                .render(),
            Field::new("status", &text::field("status").text(), Control::Select(statuses))
                .value(v.get("status").cloned().unwrap_or_else(|| "planned".to_owned()))
                .read_only(why(None))
                .error_of(error)
                .render(),
            year("start_year").render(),
            year("end_year").render(),
            Field::new("objectives", &text::field("objectives").text(), Control::TextArea)
                .value(v.get("objectives").cloned().unwrap_or_default())
                .required()
                .attr("maxlength", "4000")
                .read_only(why(None))
                .error_of(error)
                .render(),
            text_field("tags")
                .hint(text::LIST_HINT)
                .attr("pattern", idents)
                .attr("maxlength", "1000")
                .render(),
            text_field("source").required().attr("maxlength", "1000").render(),
            Field::new("reason", &text::REASON.text(), Control::TextArea)
                .value(v.get("reason").cloned().unwrap_or_default())
                .hint(text::REASON_HINT)
                .required()
                .attr("maxlength", "2000")
                .read_only(why(None))
                .error_of(error)
                .render(),
        ],
        &Html::new(),
    )
}

/// The names of the form's fields (an error naming another is shown above the form): a
/// policy's fields but its country (the workspace's), and the reason.
fn form_fields() -> Vec<&'static str> {
    domain::policy::PolicyField::NAMES
        .iter()
        .copied()
        .filter(|name| *name != "country")
        .chain(["reason"])
        .collect()
}

/// Why the caller may not edit `p`, if it may not: said at every field.
fn locked_why(access: &Access, p: &PolicyInfo) -> Option<String> {
    match access.edit_for(Some(p.ministry.as_str())) {
        Ok(()) => None,
        Err(e) => match (access.role, access.ministry.as_deref()) {
            (Some(Role::Contributor), Some(mine)) => Some(text::owned_by(&p.ministry, mine)),
            _ => Some(e.message),
        },
    }
}

/// The edit form of `p` with `values`, and the error of the last post.
fn edit_form(
    caller: &Caller,
    access: &Access,
    p: &PolicyInfo,
    values: &Values,
    error: Option<&ApiError>,
) -> Response {
    let id = access.workspace.id;
    let locked = locked_why(access, p);
    let ministry_fixed =
        (access.role != Some(Role::Coordinator)).then(|| text::MINISTRY_FIXED.text());
    let version = values.get("version").cloned().unwrap_or_else(|| p.version.clone());
    let fields = html!(
        "<input type=\"hidden\" name=\"version\" value=\"{}\">{}",
        version,
        policy_fields(values, error, locked.as_deref(), ministry_fixed.as_deref())
    );
    let action = format!("/w/{id}/register/{}/edit", url_encode(&p.id));
    let form = match &locked {
        // No button: the form cannot be sent (a post from it is refused anyway).
        Some(why) => html!(
            "<p class=\"why\" role=\"note\">{}</p><form method=\"post\" action=\"{}\">{}</form>",
            why,
            action,
            fields
        ),
        None => form(&action, fields, &text::SAVE.text()),
    };
    let intro = if locked.is_some() { html!("<p>{}</p>", text::READ_ONLY) } else { Html::new() };
    let problem = match error {
        Some(e) if e.kind == crate::Kind::Conflict => {
            html!("<p class=\"problem\" role=\"alert\">{} ({})</p>", text::VERSION_GONE, e.message)
        }
        _ => problem(error, &form_fields()),
    };
    let title = format!("{} {}", text::EDIT_TITLE, p.id);
    let body = html!(
        "{}{}{}<p><a href=\"/w/{}/register/{}\">{}</a></p>{}",
        workspace_header(&access.workspace, Tab::Register, &title),
        intro,
        problem,
        id,
        url_encode(&p.id),
        text::VIEW,
        form
    );
    let status = error.map_or(StatusCode::OK, |e| e.kind.status());
    (status, Page::new(title, caller, Section::Home).body(body).response()).into_response()
}

async fn edit_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, policy)): Path<(i64, String)>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    let p = api::one(State(state.clone()), caller.clone(), Path((id, policy))).await?.0;
    Ok(edit_form(&caller, &access, &p, &values_of(&p), None))
}

async fn edit_post(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, policy)): Path<(i64, String)>,
    WebForm(form): WebForm<Values>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    let p = api::one(State(state.clone()), caller.clone(), Path((id, policy.clone()))).await?.0;
    // Only what changed is sent: the history records each changed field.
    let current = fields_of(&values_of(&p));
    let mut set = BTreeMap::new();
    for (name, value) in fields_of(&form) {
        let before = current.get(&name).map_or("", String::as_str);
        let list = PolicyField::parse(&name).is_some_and(PolicyField::is_list);
        let same = if list { same_list(before, &value) } else { before == value };
        if !same {
            set.insert(name, serde_json::Value::String(value));
        }
    }
    let edit = api::PolicyEdit {
        version: form.get("version").cloned().unwrap_or_default(),
        set,
        add: BTreeMap::new(),
        remove: BTreeMap::new(),
        reason: form.get("reason").cloned().unwrap_or_default(),
    };
    match api::edit(State(state.clone()), caller.clone(), Path((id, policy)), ApiJson(edit)).await {
        Ok(_) => Ok(see_other(&format!("/w/{id}/register/{}?done=saved", url_encode(&p.id)))),
        Err(e) if matches!(e.kind, crate::Kind::InvalidInput | crate::Kind::Conflict) => {
            Ok(edit_form(&caller, &access, &p, &form, Some(&e)))
        }
        Err(e) => Err(e.into()),
    }
}

/// The form of a new policy, with `values` and the error of the last post.
fn new_form(
    caller: &Caller,
    access: &Access,
    values: &Values,
    error: Option<&ApiError>,
) -> Response {
    let id = access.workspace.id;
    let ministry_fixed =
        (access.role != Some(Role::Coordinator)).then(|| text::NEW_MINISTRY_FIXED.text());
    let fields = html!(
        "{}{}",
        Field::text("id", &text::field("id").text())
            .value(values.get("id").cloned().unwrap_or_default())
            .hint(text::ID_HINT)
            .required()
            .attr("pattern", r"[A-Za-z0-9._\-]{1,64}")
            .attr("maxlength", "64")
            .error_of(error)
            .render(),
        policy_fields(values, error, None, ministry_fixed.as_deref())
    );
    let body = html!(
        "{}{}{}",
        workspace_header(&access.workspace, Tab::Register, &text::NEW.text()),
        problem(error, &form_fields()),
        form(&format!("/w/{id}/register/new"), fields, &text::CREATE.text())
    );
    let status = error.map_or(StatusCode::OK, |e| e.kind.status());
    (status, Page::new(text::NEW, caller, Section::Home).body(body).response()).into_response()
}

async fn new_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    access.read(store::Shared::Register)?;
    access.country()?;
    // A coordinator adds for any ministry, a contributor for its own; others may not.
    access.edit_for(access.ministry.as_deref())?;
    let mut values = Values::new();
    if let Some(m) = &access.ministry {
        values.insert("ministry".to_owned(), m.clone());
    }
    Ok(new_form(&caller, &access, &values, None))
}

async fn new_post(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebForm(form): WebForm<Values>,
) -> PageResult {
    let access = Access::to(&state, &caller, id).await?;
    let fields: BTreeMap<String, serde_json::Value> = fields_of(&form)
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    let new = api::NewPolicy {
        id: form.get("id").cloned().unwrap_or_default(),
        fields,
        reason: form.get("reason").cloned().unwrap_or_default(),
    };
    match api::create(State(state.clone()), caller.clone(), Path(id), ApiJson(new)).await {
        Ok((_, made)) => {
            Ok(see_other(&format!("/w/{id}/register/{}?done=created", url_encode(&made.0.id))))
        }
        Err(e) if matches!(e.kind, crate::Kind::InvalidInput | crate::Kind::Conflict) => {
            Ok(new_form(&caller, &access, &form, Some(&e)))
        }
        Err(e) => Err(e.into()),
    }
}
