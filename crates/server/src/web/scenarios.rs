//! The scenarios pages: the five option models with their parameter tables and the
//! built-in examples; a form generated from a model's parameter table (or an example's
//! file to edit), checked by the same parser and planner as the run, so that an invalid
//! value is refused at its field before any job starts; a run's progress, then its fan
//! charts and interval tables, summary and files; comparisons of runs and of options;
//! and the workspace's brief with the runs added to it.
//!
//! Who may do what is the API's: the workspace's scenario jobs are read as
//! `GET /api/v1/workspaces/{id}/jobs` reads them (`routes::jobs`), runs are started by
//! the API's run function for its contributors and coordinators (`routes::scenarios`).

use std::collections::HashMap;

use analysis::scenario_run::{
    self, EXAMPLES, ModelInfo, ParameterInfo, RunFolder, ScenarioError, ScenarioResult,
};
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::IntoResponse;
use report::html;
use report::html::Html;
use serde::Deserialize;
use store::{Actor, Job, JobStatus};

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::{ApiError, Kind};
use crate::routes::jobs::{visible, workspace_job_list};
use crate::routes::scenarios::{plan, runner, start};
use crate::web::form::{Control, Field, button_form, form, notice, problem};
use crate::web::layout::{Page, Section, Tab, workspace_header};
use crate::web::{PageResult, Pages, Visitor, WebForm, WebQuery, see_other, url_encode};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-sc-title");
    pub(crate) const INTRO: Msg = Msg("web-sc-intro");
    pub(crate) const MODELS: Msg = Msg("web-sc-models");
    pub(crate) const USE_MODEL: Msg = Msg("web-sc-use-model");
    pub(crate) const PARAMETERS: Msg = Msg("web-sc-parameters");
    pub(crate) const PARAMETERS_OF: Msg = Msg("web-sc-parameters-of");
    pub(crate) const PARAMETER: Msg = Msg("web-sc-parameter");
    pub(crate) const UNIT: Msg = Msg("web-sc-unit");
    pub(crate) const DOMAIN: Msg = Msg("web-sc-domain");
    pub(crate) const DEFAULT: Msg = Msg("web-sc-default");
    pub(crate) const SOURCE: Msg = Msg("web-sc-source");
    pub(crate) const FIXED: Msg = Msg("web-sc-fixed");
    pub(crate) const EXAMPLES: Msg = Msg("web-sc-examples");
    pub(crate) const EXAMPLES_INTRO: Msg = Msg("web-sc-examples-intro");
    pub(crate) const USE_EXAMPLE: Msg = Msg("web-sc-use-example");
    pub(crate) const RUNS: Msg = Msg("web-sc-runs");
    pub(crate) const NO_RUNS: Msg = Msg("web-sc-no-runs");
    pub(crate) const RUN: Msg = Msg("web-sc-run");
    pub(crate) const SCENARIO: Msg = Msg("web-sc-scenario");
    pub(crate) const STATUS: Msg = Msg("web-sc-status");
    pub(crate) const DRAWS: Msg = Msg("web-sc-draws");
    pub(crate) const SEED: Msg = Msg("web-sc-seed");
    pub(crate) const STARTED: Msg = Msg("web-sc-started");
    pub(crate) const IN_BRIEF: Msg = Msg("web-sc-in-brief");
    pub(crate) const CANNOT_RUN: Msg = Msg("web-sc-cannot-run");
    pub(crate) const COMPARE: Msg = Msg("web-sc-compare");
    pub(crate) const COMPARE_INTRO: Msg = Msg("web-sc-compare-intro");
    pub(crate) const FIRST: Msg = Msg("web-sc-first");
    pub(crate) const SECOND: Msg = Msg("web-sc-second");
    pub(crate) const COMPARE_SUBMIT: Msg = Msg("web-sc-compare-submit");
    pub(crate) const BRIEF: Msg = Msg("web-sc-brief");
    pub(crate) const BRIEF_LINK: Msg = Msg("web-sc-brief-link");
    pub(crate) const NEW_TITLE: Msg = Msg("web-sc-new-title");
    pub(crate) const NEW_EXAMPLE: Msg = Msg("web-sc-new-example");
    pub(crate) const NAME: Msg = Msg("web-sc-name");
    pub(crate) const DESCRIPTION: Msg = Msg("web-sc-description");
    pub(crate) const DESCRIPTION_HINT: Msg = Msg("web-sc-description-hint");
    pub(crate) const OPTION: Msg = Msg("web-sc-option");
    pub(crate) const OPTION_HINT: Msg = Msg("web-sc-option-hint");
    pub(crate) const BASELINE: Msg = Msg("web-sc-baseline");
    pub(crate) const ORIGIN: Msg = Msg("web-sc-origin");
    pub(crate) const ORIGIN_HINT: Msg = Msg("web-sc-origin-hint");
    pub(crate) const DESTINATION: Msg = Msg("web-sc-destination");
    pub(crate) const DESTINATION_HINT: Msg = Msg("web-sc-destination-hint");
    pub(crate) const YEAR: Msg = Msg("web-sc-year");
    pub(crate) const YEAR_HINT: Msg = Msg("web-sc-year-hint");
    pub(crate) const RUN_OPTIONS: Msg = Msg("web-sc-run-options");
    pub(crate) const SEED_HINT: Msg = Msg("web-sc-seed-hint");
    pub(crate) const DRAWS_HINT: Msg = Msg("web-sc-draws-hint");
    pub(crate) const FILE: Msg = Msg("web-sc-file");
    pub(crate) const FILE_HINT: Msg = Msg("web-sc-file-hint");
    pub(crate) const SPREAD: Msg = Msg("web-sc-spread");
    pub(crate) const SPREAD_HINT: Msg = Msg("web-sc-spread-hint");
    pub(crate) const REQUIRED: Msg = Msg("web-sc-required");
    pub(crate) const FROM_BASELINE: Msg = Msg("web-sc-from-baseline");
    pub(crate) const START: Msg = Msg("web-sc-start");
    pub(crate) const BACK: Msg = Msg("web-sc-back");
    pub(crate) const RUNNING: Msg = Msg("web-sc-running");
    pub(crate) const RUNNING_NOSCRIPT: Msg = Msg("web-sc-running-noscript");
    pub(crate) const FAILED: Msg = Msg("web-sc-failed");
    pub(crate) const CANCELLED: Msg = Msg("web-sc-cancelled");
    pub(crate) const SUMMARY: Msg = Msg("web-sc-summary");
    pub(crate) const OUTPUT: Msg = Msg("web-sc-output");
    pub(crate) const SIDE: Msg = Msg("web-sc-side");
    pub(crate) const YEAR_COL: Msg = Msg("web-sc-year-col");
    pub(crate) const MEAN: Msg = Msg("web-sc-mean");
    pub(crate) const FILES: Msg = Msg("web-sc-files");
    pub(crate) const THE_FILE: Msg = Msg("web-sc-the-file");
    pub(crate) const ADD_BRIEF: Msg = Msg("web-sc-add-brief");
    pub(crate) const REMOVE_BRIEF: Msg = Msg("web-sc-remove-brief");
    pub(crate) const ADDED: Msg = Msg("web-sc-added");
    pub(crate) const REMOVED: Msg = Msg("web-sc-removed");
    pub(crate) const ADD_REASON: Msg = Msg("web-sc-add-reason");
    pub(crate) const REMOVE_REASON: Msg = Msg("web-sc-remove-reason");
    pub(crate) const OPTIONS_COMPARE: Msg = Msg("web-sc-options-compare");
    pub(crate) const OPTION_A: Msg = Msg("web-sc-option-a");
    pub(crate) const OPTION_B: Msg = Msg("web-sc-option-b");
    pub(crate) const COMPARE_TITLE: Msg = Msg("web-sc-compare-title");
    pub(crate) const DIFFERENCES: Msg = Msg("web-sc-differences");
    pub(crate) const SHARE: Msg = Msg("web-sc-share");
    pub(crate) const NOT_A_RUN: Msg = Msg("web-sc-not-a-run");
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/w/{id}/scenarios", index)
        .get("/w/{id}/scenarios/new", new_page)
        .post("/w/{id}/scenarios/new", new_run)
        .get("/w/{id}/scenarios/runs/{job}", run_page)
        .post("/w/{id}/scenarios/runs/{job}/brief", brief_set)
        .get("/w/{id}/scenarios/compare", compare_page)
        .get("/w/{id}/brief", brief)
}

/// The scenario jobs of workspace `id` the visitor sees, newest first, with its access.
async fn scenario_jobs(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> PageResult<(Access, Vec<Job>)> {
    let (access, jobs) = workspace_job_list(state, caller, id, None).await?;
    Ok((access, jobs.into_iter().filter(|j| j.kind == "scenario").collect()))
}

/// A value of a job's JSON (params or result) as text.
fn json_text(json: Option<&str>, key: &str) -> String {
    let value: serde_json::Value =
        json.and_then(|t| serde_json::from_str(t).ok()).unwrap_or(serde_json::Value::Null);
    match &value[key] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// `at` (RFC 3339) as `YYYY-MM-DD HH:MM`.
fn when(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

async fn index(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
) -> PageResult {
    let (access, jobs) = scenario_jobs(&state, &caller, id).await?;
    let can_run = runner(&state, &caller, id).await.is_ok();
    let in_brief: Vec<i64> =
        state.store().brief_scenarios(id).await?.iter().map(|b| b.job_id).collect();
    let start = if can_run {
        html!("{}{}", models_section(id), examples_section(id))
    } else {
        html!("<p class=\"muted\">{}</p>{}", text::CANNOT_RUN, models_section(id))
    };
    let brief = if access.country().is_ok() {
        html!(
            "<h2>{}</h2><p><a href=\"/w/{}/brief\">{}</a> ({})</p>",
            text::BRIEF,
            id,
            text::BRIEF_LINK,
            in_brief.len()
        )
    } else {
        Html::new()
    };
    let body = html!(
        "{}<p>{}</p>{}{}{}{}",
        workspace_header(&access.workspace, Tab::Scenarios, &text::TITLE.text()),
        text::INTRO,
        runs_section(id, &jobs, &in_brief),
        compare_form(id, &jobs, None, None),
        brief,
        start
    );
    Ok(Page::new(text::TITLE, &caller, Section::Home).body(body).response())
}

/// The table of the workspace's runs.
fn runs_section(id: i64, jobs: &[Job], in_brief: &[i64]) -> Html {
    if jobs.is_empty() {
        return html!("<h2>{}</h2><p>{}</p>", text::RUNS, text::NO_RUNS);
    }
    let rows: Html = jobs
        .iter()
        .map(|j| {
            let badge = match j.status {
                JobStatus::Done => html!("<span class=\"badge good\">{}</span>", j.status.as_str()),
                JobStatus::Failed | JobStatus::Cancelled => {
                    html!("<span class=\"badge bad\">{}</span>", j.status.as_str())
                }
                _ => html!("<span class=\"badge\">{}</span>", j.status.as_str()),
            };
            let brief = if in_brief.contains(&j.id) {
                html!(" <span class=\"badge\">{}</span>", text::IN_BRIEF)
            } else {
                Html::new()
            };
            html!(
                "<tr><th scope=\"row\"><a href=\"/w/{}/scenarios/runs/{}\">{} {}</a></th><td>{}</td>\
                 <td>{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                id,
                j.id,
                text::RUN,
                j.id,
                json_text(Some(&j.params), "scenario"),
                badge,
                brief,
                json_text(Some(&j.params), "draws"),
                json_text(Some(&j.params), "seed"),
                when(&j.created_at)
            )
        })
        .collect();
    html!(
        "<h2 id=\"runs\">{}</h2><div class=\"table-wrap\" tabindex=\"0\"><table><caption>{}</caption><thead><tr>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        text::RUNS,
        text::RUNS,
        text::RUN,
        text::SCENARIO,
        text::STATUS,
        text::DRAWS,
        text::SEED,
        text::STARTED,
        rows
    )
}

/// The GET form choosing two finished runs to compare (`a`, `b` pre-selected).
fn compare_form(id: i64, jobs: &[Job], a: Option<i64>, b: Option<i64>) -> Html {
    let done: Vec<(String, String)> = jobs
        .iter()
        .filter(|j| j.status == JobStatus::Done)
        .map(|j| {
            let label =
                format!("{} {} — {}", text::RUN, j.id, json_text(Some(&j.params), "scenario"));
            (j.id.to_string(), label)
        })
        .collect();
    if done.len() < 2 {
        return Html::new();
    }
    let pick = |name: &str, label: &str, chosen: Option<i64>, fallback: usize| {
        let value = chosen.map_or_else(|| done[fallback].0.clone(), |c| c.to_string());
        Field::new(name, label, Control::Select(done.clone())).value(value).render()
    };
    html!(
        "<h2>{}</h2><p>{}</p><form method=\"get\" action=\"/w/{}/scenarios/compare\" class=\"filters\">\
         {}{}<p class=\"actions\"><button type=\"submit\">{}</button></p></form>",
        text::COMPARE,
        text::COMPARE_INTRO,
        id,
        pick("a", &text::FIRST.text(), a, 1),
        pick("b", &text::SECOND.text(), b, 0),
        text::COMPARE_SUBMIT
    )
}

/// The models, each with its parameter table and a link to its form.
fn models_section(id: i64) -> Html {
    let cards: Html = scenario_run::models()
        .iter()
        .map(|m| {
            html!(
                "<li><h3 class=\"card-title\">{}</h3><p>{}</p><p><a href=\"/w/{}/scenarios/new?model={}\">{}</a></p>\
                 <details><summary>{} ({})</summary>{}</details></li>",
                m.name,
                m.description,
                id,
                url_encode(m.name),
                text::USE_MODEL,
                text::PARAMETERS,
                m.parameters.len(),
                parameter_table(m)
            )
        })
        .collect();
    html!("<h2>{}</h2><ul class=\"cards\">{}</ul>", text::MODELS, cards)
}

/// A model's parameter table: name, unit, domain, default, source.
fn parameter_table(m: &ModelInfo) -> Html {
    let rows: Html = m
        .parameters
        .iter()
        .map(|p| {
            let fixed =
                if p.fixed { html!("<br><span class=\"muted\">{}</span>", text::FIXED) } else { Html::new() };
            html!(
                "<tr><th scope=\"row\"><code>{}</code>{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                p.name,
                fixed,
                p.unit,
                p.domain,
                p.default,
                p.source
            )
        })
        .collect();
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\"><table><caption>{} {}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         </tr></thead><tbody>{}</tbody></table></div>",
        text::PARAMETERS_OF,
        m.name,
        text::PARAMETER,
        text::UNIT,
        text::DOMAIN,
        text::DEFAULT,
        text::SOURCE,
        rows
    )
}

/// The built-in examples, each a link to its form.
fn examples_section(id: i64) -> Html {
    let items: Html = EXAMPLES
        .iter()
        .map(|(name, file)| {
            let title = example_title(file);
            html!(
                "<li><a href=\"/w/{}/scenarios/new?example={}\">{}: {}</a></li>",
                id,
                url_encode(name),
                text::USE_EXAMPLE,
                if title.is_empty() { (*name).to_owned() } else { title }
            )
        })
        .collect();
    html!("<h2>{}</h2><p>{}</p><ul>{}</ul>", text::EXAMPLES, text::EXAMPLES_INTRO, items)
}

/// The `name = "…"` of an example file's `[scenario]` table.
fn example_title(file: &str) -> String {
    file.lines()
        .find_map(|l| l.strip_prefix("name = \""))
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or("")
        .to_owned()
}

/// What a new scenario starts from.
#[derive(Deserialize, Default)]
struct Start {
    model: Option<String>,
    example: Option<String>,
}

/// The form's values, by field name.
type Values = HashMap<String, String>;

/// The model called `name`, or 404.
fn model(name: &str) -> Result<ModelInfo, ApiError> {
    scenario_run::models()
        .into_iter()
        .find(|m| m.name == name)
        .ok_or_else(|| ApiError::not_found(format!("model {name:?}")))
}

async fn new_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebQuery(start): WebQuery<Start>,
) -> PageResult {
    let access = runner(&state, &caller, id).await?;
    let mut values = Values::new();
    values.insert("seed".into(), "42".into());
    values.insert("draws".into(), "200".into());
    if let Some(name) = &start.example {
        let file = scenario_run::example(name).map_err(|e| ApiError::not_found(e.to_string()))?;
        values.insert("example".into(), name.clone());
        values.insert("scenario".into(), file.to_owned());
    } else {
        let m = model(start.model.as_deref().unwrap_or(""))?;
        values.insert("model".into(), m.name.to_owned());
        values.insert("option".into(), format!("{}-option", m.name));
        values.insert("year".into(), "2020".into());
        if let store::WorkspaceKind::Government { country } = access.workspace.kind {
            values.insert("origin".into(), country.as_str().to_owned());
        }
    }
    new_form(&caller, &access, &values, None)
}

/// The form of a new scenario with `values` and the error of the last post.
fn new_form(
    caller: &Caller,
    access: &Access,
    values: &Values,
    error: Option<&ApiError>,
) -> PageResult {
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    let id = access.workspace.id;
    let run = Html::join(
        [
            Field::new("seed", &text::SEED.text(), Control::Input("number"))
                .value(v("seed"))
                .required()
                .attr("min", "0")
                .attr("step", "1")
                .hint(text::SEED_HINT)
                .error_of(error)
                .render(),
            Field::new("draws", &text::DRAWS.text(), Control::Input("number"))
                .value(v("draws"))
                .required()
                .attr("min", "1")
                .attr("max", "1000000")
                .attr("step", "1")
                .hint(text::DRAWS_HINT)
                .error_of(error)
                .render(),
        ],
        &Html::new(),
    );
    let run = html!("<fieldset><legend>{}</legend>{}</fieldset>", text::RUN_OPTIONS, run);
    let (heading, fields, names) = match values.get("model") {
        Some(name) => {
            let m = model(name)?;
            let (fields, names) = model_fields(&m, values, error);
            (
                format!("{}: {}", text::NEW_TITLE, m.name),
                html!("<input type=\"hidden\" name=\"model\" value=\"{}\">{}", m.name, fields),
                names,
            )
        }
        None => {
            let example = v("example");
            let file = Field::new("scenario", &text::FILE.text(), Control::TextArea)
                .value(v("scenario"))
                .required()
                .attr("rows", "24")
                .attr("spellcheck", "false")
                .hint(text::FILE_HINT)
                .error_of(error)
                .render();
            let fields =
                html!("<input type=\"hidden\" name=\"example\" value=\"{}\">{}", example, file);
            (format!("{}: {}", text::NEW_EXAMPLE, example), fields, vec!["scenario".to_owned()])
        }
    };
    let mut known: Vec<&str> = names.iter().map(String::as_str).collect();
    known.extend(["seed", "draws"]);
    let body = html!(
        "{}<p><a href=\"/w/{}/scenarios\">{}</a></p>{}{}",
        workspace_header(&access.workspace, Tab::Scenarios, &heading),
        id,
        text::BACK,
        problem(error, &known),
        form(&format!("/w/{id}/scenarios/new"), html!("{}{}", fields, run), &text::START.text())
    );
    let page = Page::new(heading, caller, Section::Home).body(body).response();
    let status = error.map_or(axum::http::StatusCode::OK, |e| e.kind.status());
    Ok((status, page).into_response())
}

/// The fields of a scenario of model `m`: name, description, option, baseline, and one
/// per parameter; with the names of every field.
fn model_fields(m: &ModelInfo, values: &Values, error: Option<&ApiError>) -> (Html, Vec<String>) {
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    let mut names: Vec<String> = ["name", "description", "option", "origin", "destination", "year"]
        .map(String::from)
        .to_vec();
    let scenario = Html::join(
        [
            Field::text("name", &text::NAME.text())
                .value(v("name"))
                .required()
                .attr("maxlength", "200")
                .error_of(error)
                .render(),
            Field::new("description", &text::DESCRIPTION.text(), Control::TextArea)
                .value(v("description"))
                .attr("maxlength", "2000")
                .hint(text::DESCRIPTION_HINT)
                .error_of(error)
                .render(),
            Field::text("option", &text::OPTION.text())
                .value(v("option"))
                .required()
                .attr("maxlength", "100")
                .hint(text::OPTION_HINT)
                .error_of(error)
                .render(),
        ],
        &Html::new(),
    );
    let baseline = Html::join(
        [
            Field::text("origin", &text::ORIGIN.text())
                .value(v("origin"))
                .required()
                .attr("maxlength", "100")
                .hint(text::ORIGIN_HINT)
                .error_of(error)
                .render(),
            Field::text("destination", &text::DESTINATION.text())
                .value(v("destination"))
                .attr("maxlength", "100")
                .hint(text::DESTINATION_HINT)
                .error_of(error)
                .render(),
            Field::new("year", &text::YEAR.text(), Control::Input("number"))
                .value(v("year"))
                .required()
                .attr("min", "1950")
                .attr("max", "2100")
                .attr("step", "1")
                .hint(text::YEAR_HINT)
                .error_of(error)
                .render(),
        ],
        &Html::new(),
    );
    let mut params = Html::new();
    for p in &m.parameters {
        names.push(format!("p-{}", p.name));
        params.push(parameter_field(p, values, error));
        if !p.fixed {
            names.push(format!("u-{}", p.name));
        }
    }
    let fields = html!(
        "<fieldset><legend>{}</legend>{}</fieldset><fieldset><legend>{}</legend>{}</fieldset>\
         <fieldset><legend>{} ({})</legend>{}</fieldset>",
        text::SCENARIO,
        scenario,
        text::BASELINE,
        baseline,
        text::PARAMETERS,
        m.name,
        params
    );
    (fields, names)
}

/// A parameter's fields: its value (the domain as `min`/`max`/`step`, the default
/// pre-filled, its unit, domain and source as the hint) and, unless it is fixed, its
/// uncertainty.
fn parameter_field(p: &ParameterInfo, values: &Values, error: Option<&ApiError>) -> Html {
    let name = format!("p-{}", p.name);
    let value = values.get(&name).cloned().unwrap_or_else(|| {
        if p.default.parse::<f64>().is_ok() { p.default.clone() } else { String::new() }
    });
    let default = match p.default.as_str() {
        "required" => text::REQUIRED.text(),
        d if d.starts_with("baseline ") => format!("{} ({d})", text::FROM_BASELINE),
        d => d.to_owned(),
    };
    let hint = format!(
        "{}; {}; {}: {}. {}: {}",
        p.unit,
        p.domain,
        text::DEFAULT,
        default,
        text::SOURCE,
        p.source
    );
    let mut field =
        Field::new(&name, &format!("{} ({})", p.name, p.unit), Control::Input("number"))
            .value(value)
            .hint(hint)
            .error_of(error);
    let bounds = bounds(&p.domain);
    if let Some(min) = bounds.min {
        field = field.attr("min", number(min));
    }
    if let Some(max) = bounds.max {
        field = field.attr("max", number(max));
    }
    field = field.attr("step", if bounds.whole { "1" } else { "any" });
    if p.default == "required" {
        field = field.required();
    }
    let spread = if p.fixed {
        Html::new()
    } else {
        let u = format!("u-{}", p.name);
        Field::new(&u, &format!("{}: {}", p.name, text::SPREAD), Control::Input("number"))
            .value(values.get(&u).cloned().unwrap_or_default())
            .attr("min", "0")
            .attr("max", "100")
            .attr("step", "any")
            .hint(text::SPREAD_HINT)
            .error_of(error)
            .render()
    };
    html!("<div class=\"parameter\">{}{}</div>", field.render(), spread)
}

/// A number as a form or TOML value: no exponent, no trailing `.0`.
fn number(x: f64) -> String {
    let s = format!("{x}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// The bounds of a parameter's domain, read from its description (the five forms of
/// `montecarlo::model::Domain`'s `Display`).
#[derive(Debug, Default, PartialEq)]
struct Bounds {
    min: Option<f64>,
    max: Option<f64>,
    /// Whether the lower bound is excluded (`> 0`).
    open_min: bool,
    /// A whole number.
    whole: bool,
}

fn bounds(domain: &str) -> Bounds {
    match domain {
        "a number ≥ 0" => Bounds { min: Some(0.0), ..Bounds::default() },
        "a number > 0" => Bounds { min: Some(0.0), open_min: true, ..Bounds::default() },
        "a probability in [0, 1]" => Bounds { min: Some(0.0), max: Some(1.0), ..Bounds::default() },
        "a whole number ≥ 0" => Bounds { min: Some(0.0), whole: true, ..Bounds::default() },
        d => {
            let range = d
                .strip_prefix("a number in [")
                .and_then(|r| r.strip_suffix(']'))
                .and_then(|r| r.split_once(", "))
                .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
            match range {
                Some((min, max)) => Bounds { min: Some(min), max: Some(max), ..Bounds::default() },
                None => Bounds::default(),
            }
        }
    }
}

/// `s` as a TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The scenario file of the form's `values` for model `m`, or the error of the field
/// that cannot be one. Draws and seed are written in the file too, so that the file
/// alone repeats the run (`coherence scenario run FILE`).
fn scenario_file(m: &ModelInfo, values: &Values) -> Result<String, ApiError> {
    let v = |k: &str| values.get(k).map(|s| s.trim().to_owned()).unwrap_or_default();
    let mut toml = String::from("[scenario]\n");
    let name = v("name");
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiError::invalid("name", "a scenario's name has 1 to 200 characters"));
    }
    toml.push_str(&format!("name = {}\n", toml_string(&name)));
    let description = v("description");
    if description.chars().count() > 2000 {
        return Err(ApiError::invalid("description", "a description has at most 2,000 characters"));
    }
    if !description.is_empty() {
        toml.push_str(&format!("description = {}\n", toml_string(&description)));
    }
    toml.push_str(&format!(
        "draws = {}\nseed = {}\n",
        whole(values, "draws")?,
        whole(values, "seed")?
    ));
    let (origin, destination) = (v("origin"), v("destination"));
    if origin.is_empty() || origin.contains('-') {
        return Err(ApiError::invalid("origin", "give a country: a code, M49 code or name"));
    }
    if destination.contains('-') {
        return Err(ApiError::invalid("destination", "give a country: a code, M49 code or name"));
    }
    toml.push_str("\n[baseline]\n");
    if destination.is_empty() {
        toml.push_str(&format!("country = {}\n", toml_string(&origin)));
    } else {
        toml.push_str(&format!("corridor = {}\n", toml_string(&format!("{origin}-{destination}"))));
    }
    toml.push_str(&format!("year = {}\n", whole(values, "year")?));
    let option = v("option");
    if option.is_empty() || option.chars().count() > 100 {
        return Err(ApiError::invalid("option", "an option's name has 1 to 100 characters"));
    }
    toml.push_str(&format!(
        "\n[[option]]\nname = {}\nmodel = {}\n[option.parameters]\n",
        toml_string(&option),
        toml_string(m.name)
    ));
    for p in &m.parameters {
        if let Some(line) = parameter_line(p, values)? {
            toml.push_str(&line);
        }
    }
    Ok(toml)
}

/// A whole number ≥ 0 of field `name`.
fn whole(values: &Values, name: &str) -> Result<u64, ApiError> {
    values
        .get(name)
        .and_then(|s| s.trim().parse::<u64>().ok())
        .ok_or_else(|| ApiError::invalid(name, "a whole number ≥ 0"))
}

/// The TOML line of parameter `p`: nothing when its value is empty (the model's
/// default), a number, or a triangular distribution around it with an uncertainty.
fn parameter_line(p: &ParameterInfo, values: &Values) -> Result<Option<String>, ApiError> {
    let field = format!("p-{}", p.name);
    let raw = values.get(&field).map(|s| s.trim()).unwrap_or("");
    if raw.is_empty() {
        return Ok(None);
    }
    let value: f64 =
        raw.parse().ok().filter(|x: &f64| x.is_finite()).ok_or_else(|| {
            ApiError::invalid(&field, format!("{}: a number ({})", p.name, p.domain))
        })?;
    let u = format!("u-{}", p.name);
    let spread = values.get(&u).map(|s| s.trim()).unwrap_or("");
    if p.fixed || spread.is_empty() {
        return Ok(Some(format!("{} = {}\n", p.name, number(value))));
    }
    let pct: f64 = spread
        .parse()
        .ok()
        .filter(|x: &f64| (0.0..=100.0).contains(x))
        .ok_or_else(|| ApiError::invalid(&u, "a percentage from 0 to 100"))?;
    if pct == 0.0 {
        return Ok(Some(format!("{} = {}\n", p.name, number(value))));
    }
    let b = bounds(&p.domain);
    let half = value.abs() * pct / 100.0;
    let mut lo = value - half;
    let mut hi = value + half;
    if let Some(min) = b.min {
        lo = lo.max(min);
    }
    if let Some(max) = b.max {
        hi = hi.min(max);
    }
    if b.open_min && lo <= 0.0 {
        lo = value / 2.0;
    }
    Ok(Some(format!(
        "{} = {{ dist = \"triangular\", min = {}, mode = {}, max = {}, source = {} }}\n",
        p.name,
        number(lo),
        number(value),
        number(hi),
        toml_string(&format!("web form: ±{} % around {}", number(pct), number(value)))
    )))
}

/// The field of the form that a scenario error concerns (`option[1].parameters.quota` is
/// the parameter's), given the fields the form has.
fn field_of(e: &analysis::Error, example: bool) -> Option<String> {
    let analysis::Error::Scenario(s) = e else { return None };
    if example {
        return Some("scenario".to_owned());
    }
    match &**s {
        ScenarioError::Spec(spec) => {
            let f = spec.field.as_str();
            if let Some(p) = f.split(".parameters.").nth(1) {
                let name = p.split(['.', '[']).next().unwrap_or(p);
                Some(format!("p-{name}"))
            } else if f.starts_with("baseline") {
                Some("origin".to_owned())
            } else if f == "scenario.name" {
                Some("name".to_owned())
            } else if f.ends_with(".name") {
                Some("option".to_owned())
            } else {
                None
            }
        }
        ScenarioError::Baseline { .. } => Some("origin".to_owned()),
        _ => None,
    }
}

/// The message of a scenario error without the file's name and place (the form shows it
/// at its field).
fn message_of(e: &analysis::Error) -> String {
    if let analysis::Error::Scenario(s) = e
        && let ScenarioError::Spec(spec) = &**s
    {
        return spec.message.clone();
    }
    e.to_string()
}

async fn new_run(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebForm(values): WebForm<Values>,
) -> PageResult {
    let access = runner(&state, &caller, id).await?;
    let example = values.contains_key("example") && !values.contains_key("model");
    let file = if example {
        let text = values.get("scenario").cloned().unwrap_or_default();
        if text.len() > 1024 * 1024 {
            Err(ApiError::new(Kind::TooLarge, "a scenario file is at most 1 MiB").on("scenario"))
        } else {
            Ok(text)
        }
    } else {
        model(values.get("model").map_or("", String::as_str))
            .and_then(|m| scenario_file(&m, &values))
    };
    let draws = whole(&values, "draws");
    let seed = whole(&values, "seed");
    let checked = match (file, draws, seed) {
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e),
        (Ok(file), Ok(draws), Ok(seed)) => {
            let bytes = file.into_bytes();
            match plan(&state, "scenario.toml".to_owned(), bytes.clone(), Some(draws), Some(seed))
                .await
            {
                Ok(planned) => Ok((planned, bytes)),
                Err(e) => {
                    let (field, message) = (field_of(&e, example), message_of(&e));
                    let api = ApiError::from(e);
                    Err(match field {
                        Some(f) => ApiError::new(api.kind, message).on(&f),
                        None => api,
                    })
                }
            }
        }
    };
    match checked {
        Ok((planned, file)) => {
            let job = start(&state, &caller, id, planned, &file).await?;
            Ok(see_other(&format!("/w/{id}/scenarios/runs/{}", job.id)))
        }
        Err(e) if matches!(e.kind, Kind::InvalidInput | Kind::TooLarge | Kind::NotFound) => {
            new_form(&caller, &access, &values, Some(&e))
        }
        Err(e) => Err(e.into()),
    }
}

/// A finished run's files, read from the store, as a folder the analysis reads.
struct StoredRun {
    job: i64,
    files: HashMap<String, Vec<u8>>,
}

impl StoredRun {
    /// The files of run `job` that reading it back needs (the manifest and the Arrow
    /// tables).
    async fn load(state: &AppState, job: i64) -> PageResult<StoredRun> {
        let mut files = HashMap::new();
        for name in [scenario_run::MANIFEST, "draws.arrow", "parameters.arrow"] {
            if let Some(f) = state.store().job_file(job, name).await? {
                files.insert(name.to_owned(), f.bytes);
            }
        }
        Ok(StoredRun { job, files })
    }
}

impl RunFolder for StoredRun {
    fn name(&self) -> String {
        format!("run {}", self.job)
    }

    fn file_name(&self, file: &str) -> String {
        format!("run {}: {file}", self.job)
    }

    fn read(&self, file: &str) -> Result<Vec<u8>, analysis::Error> {
        self.files.get(file).cloned().ok_or_else(|| analysis::Error::Io {
            path: self.file_name(file),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        })
    }

    fn open(&self, file: &str) -> Result<Box<dyn std::io::Read + '_>, analysis::Error> {
        Ok(Box::new(std::io::Cursor::new(self.read(file)?)))
    }
}

/// The "Policy options" section of `results`: fan charts and interval tables, in the
/// reader's language.
fn policy_options(results: &[ScenarioResult]) -> Html {
    let _lang = report::words::Scope::enter(super::lang::current());
    report::scenario::section(results)
}

/// Job `job` of workspace `id` if it is a scenario run the visitor sees, with the
/// visitor's access to the workspace; 404 otherwise.
async fn run_of(state: &AppState, caller: &Caller, id: i64, job: i64) -> PageResult<(Access, Job)> {
    let (found, _) = visible(state, caller, job).await?;
    if found.workspace_id != Some(id) || found.kind != "scenario" {
        return Err(ApiError::not_found(format!("run {job} of workspace {id}")).into());
    }
    let (access, _) = workspace_job_list(state, caller, id, None).await?;
    Ok((access, found))
}

/// What a run page was sent after a post.
#[derive(Deserialize, Default)]
struct Done {
    done: Option<String>,
}

async fn run_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, job_id)): Path<(i64, i64)>,
    WebQuery(done): WebQuery<Done>,
) -> PageResult {
    let (access, job) = run_of(&state, &caller, id, job_id).await?;
    let name = json_text(Some(&job.params), "scenario");
    let heading = format!("{} {}: {}", text::RUN, job.id, name);
    let said = match done.done.as_deref() {
        Some("added") => notice(&text::ADDED.text()),
        Some("removed") => notice(&text::REMOVED.text()),
        _ => Html::new(),
    };
    let content = match job.status {
        JobStatus::Queued | JobStatus::Running => html!(
            "<section data-job=\"{}\"><h2>{}</h2><progress max=\"{}\" value=\"{}\" aria-label=\"{}\"></progress>\
             <p data-status role=\"status\">{} — {} / {}</p><noscript><p>{} <a href=\"/w/{}/scenarios/runs/{}\">{}</a></p></noscript></section>",
            job.id,
            text::RUNNING,
            job.progress_total.max(1),
            job.progress_done,
            text::RUNNING,
            job.status.as_str(),
            job.progress_done,
            job.progress_total,
            text::RUNNING_NOSCRIPT,
            id,
            job.id,
            heading
        ),
        JobStatus::Failed => html!(
            "<h2>{}</h2><p class=\"problem\" role=\"alert\">{}</p>",
            text::FAILED,
            job.error.clone().unwrap_or_default()
        ),
        JobStatus::Cancelled => html!("<p class=\"problem\">{}</p>", text::CANCELLED),
        JobStatus::Done => finished(&state, &caller, &access, &job).await?,
    };
    let file = json_text(Some(&job.params), "file");
    let file = if file.is_empty() {
        Html::new()
    } else {
        html!(
            "<details><summary>{}</summary><pre class=\"scenario-file\">{}</pre></details>",
            text::THE_FILE,
            file
        )
    };
    let body = html!(
        "{}<p><a href=\"/w/{}/scenarios\">{}</a></p>{}<p class=\"muted\">{}: {} · {}: {} · {}: {}</p>{}{}",
        workspace_header(&access.workspace, Tab::Scenarios, &heading),
        id,
        text::BACK,
        said,
        text::DRAWS,
        json_text(Some(&job.params), "draws"),
        text::SEED,
        json_text(Some(&job.params), "seed"),
        text::STARTED,
        when(&job.created_at),
        content,
        file
    );
    let mut page = Page::new(heading, &caller, Section::Home).body(body);
    page.brief_styles = job.status == JobStatus::Done;
    Ok(page.response())
}

/// A finished run: adding it to the brief, its files, its charts and interval tables,
/// its summary, and the comparison of its options.
async fn finished(
    state: &AppState,
    caller: &Caller,
    access: &Access,
    job: &Job,
) -> PageResult<Html> {
    let id = access.workspace.id;
    let folder = StoredRun::load(state, job.id).await?;
    let country = access.country().map(|c| c.as_str().to_owned()).unwrap_or_default();
    let result = tokio::task::spawn_blocking(move || scenario_run::brief_result(&folder, &country))
        .await
        .map_err(|e| ApiError::hidden(Kind::Internal, &e))??;
    let brief = if runner(state, caller, id).await.is_ok() && access.country().is_ok() {
        let listed = state.store().brief_scenarios(id).await?.iter().any(|b| b.job_id == job.id);
        let action = format!("/w/{id}/scenarios/runs/{}/brief", job.id);
        if listed {
            html!(
                "<p>{} <a href=\"/w/{}/brief\">{}</a></p>{}",
                text::ADDED,
                id,
                text::BRIEF_LINK,
                button_form(&action, &text::REMOVE_BRIEF.text(), &[("action", "remove")])
            )
        } else {
            button_form(&action, &text::ADD_BRIEF.text(), &[("action", "add")])
        }
    } else {
        Html::new()
    };
    let files: Html = state
        .store()
        .job_files(job.id)
        .await?
        .into_iter()
        .map(|f| {
            html!(
                "<li><a href=\"/api/v1/jobs/{}/files/{}\" download>{}</a> <span class=\"muted\">({} bytes)</span></li>",
                job.id,
                url_encode(&f.name),
                f.name,
                f.size
            )
        })
        .collect();
    let summary = summary_table(job);
    let options = options_form(id, job);
    Ok(html!(
        "{}<h2>{}</h2><ul class=\"downloads\">{}</ul><div class=\"brief-part\">{}</div>{}{}",
        brief,
        text::FILES,
        files,
        policy_options(&[result.0]),
        summary,
        options
    ))
}

/// The run's summary (the job's result, the numbers of `summary.csv`), each number's
/// full value in `data-value`.
fn summary_table(job: &Job) -> Html {
    let result: serde_json::Value =
        job.result.as_deref().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    let Some(rows) = result["summary"].as_array() else { return Html::new() };
    let cell = |v: &serde_json::Value| {
        let x = v.as_f64().unwrap_or(f64::NAN);
        html!("<td class=\"num\" data-value=\"{}\">{}</td>", format!("{x:?}"), short(x))
    };
    let body: Html = rows
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or("").to_owned();
            let year = r["year"].as_u64().map(|y| y.to_string()).unwrap_or_default();
            html!(
                "<tr><td>{}</td><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td>{}{}{}{}</tr>",
                s("option"),
                s("metric"),
                s("unit"),
                s("side"),
                year,
                cell(&r["mean"]),
                cell(&r["p05"]),
                cell(&r["p50"]),
                cell(&r["p95"])
            )
        })
        .collect();
    html!(
        "<h2 id=\"summary\">{} ({})</h2><div class=\"table-wrap\" tabindex=\"0\"><table class=\"summary\">\
         <caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\" class=\"num\">p05</th><th scope=\"col\" class=\"num\">p50</th><th scope=\"col\" class=\"num\">p95</th>\
         </tr></thead><tbody>{}</tbody></table></div>",
        text::SUMMARY,
        rows.len(),
        text::SUMMARY,
        text::OPTION,
        text::OUTPUT,
        text::UNIT,
        text::SIDE,
        text::YEAR_COL,
        text::MEAN,
        body
    )
}

/// `x` with about four significant digits and thousands separators.
fn short(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let decimals = if x.abs() >= 1000.0 {
        0
    } else if x.abs() >= 1.0 {
        2
    } else {
        4
    };
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 { "−" } else { "" };
    if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{frac}") }
}

/// The options of a finished run (from its summary).
fn run_options(job: &Job) -> Vec<String> {
    let result: serde_json::Value =
        job.result.as_deref().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    let mut options: Vec<String> = Vec::new();
    for r in result["summary"].as_array().into_iter().flatten() {
        if let Some(o) = r["option"].as_str()
            && !options.iter().any(|k| k == o)
        {
            options.push(o.to_owned());
        }
    }
    options
}

/// The GET form comparing two options of run `job`, if it has two.
fn options_form(id: i64, job: &Job) -> Html {
    let options: Vec<(String, String)> =
        run_options(job).into_iter().map(|o| (o.clone(), o)).collect();
    if options.len() < 2 {
        return Html::new();
    }
    html!(
        "<h2>{}</h2><form method=\"get\" action=\"/w/{}/scenarios/compare\" class=\"filters\">\
         <input type=\"hidden\" name=\"run\" value=\"{}\">{}{}<p class=\"actions\"><button type=\"submit\">{}</button></p></form>",
        text::OPTIONS_COMPARE,
        id,
        job.id,
        Field::new("x", &text::OPTION_A.text(), Control::Select(options.clone()))
            .value(options[0].0.clone())
            .render(),
        Field::new("y", &text::OPTION_B.text(), Control::Select(options.clone()))
            .value(options[1].0.clone())
            .render(),
        text::COMPARE_SUBMIT
    )
}

/// The form of adding a run to the brief or taking it out.
#[derive(Deserialize)]
struct BriefAction {
    action: String,
}

async fn brief_set(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path((id, job_id)): Path<(i64, i64)>,
    WebForm(form): WebForm<BriefAction>,
) -> PageResult {
    let access = runner(&state, &caller, id).await?;
    access.country()?;
    let (job, _) = visible(&state, &caller, job_id).await?;
    if job.workspace_id != Some(id) || job.kind != "scenario" {
        return Err(ApiError::not_found(format!("run {job_id} of workspace {id}")).into());
    }
    let done = match form.action.as_str() {
        "add" => {
            let actor = Actor::user(caller.user.id, text::ADD_REASON);
            state.store().brief_scenario_add(id, job_id, &actor).await?;
            "added"
        }
        "remove" => {
            let actor = Actor::user(caller.user.id, text::REMOVE_REASON);
            state.store().brief_scenario_remove(id, job_id, &actor).await?;
            "removed"
        }
        _ => return Err(ApiError::invalid("action", "the action is add or remove").into()),
    };
    Ok(see_other(&format!("/w/{id}/scenarios/runs/{job_id}?done={done}")))
}

/// What to compare: two runs (`a`, `b`) or two options (`x`, `y`) of one run.
#[derive(Deserialize, Default)]
struct CompareQuery {
    a: Option<i64>,
    b: Option<i64>,
    run: Option<i64>,
    x: Option<String>,
    y: Option<String>,
}

/// A finished run `job` of the workspace among `jobs`, or 404.
fn finished_run(jobs: &[Job], job: i64) -> Result<&Job, ApiError> {
    jobs.iter()
        .find(|j| j.id == job && j.status == JobStatus::Done)
        .ok_or_else(|| ApiError::not_found(format!("{} {job} {}", text::RUN, text::NOT_A_RUN)))
}

async fn compare_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
    WebQuery(q): WebQuery<CompareQuery>,
) -> PageResult {
    let (access, jobs) = scenario_jobs(&state, &caller, id).await?;
    let (label, compared) = match (&q.a, &q.b, &q.run, &q.x, &q.y) {
        (Some(a), Some(b), _, _, _) => {
            finished_run(&jobs, *a)?;
            finished_run(&jobs, *b)?;
            let (fa, fb) = (StoredRun::load(&state, *a).await?, StoredRun::load(&state, *b).await?);
            let label = format!("{} {a} → {} {b}", text::RUN, text::RUN);
            let c = tokio::task::spawn_blocking(move || scenario_run::compare_runs(&fa, &fb)).await;
            (label, c.map_err(|e| ApiError::hidden(Kind::Internal, &e))??)
        }
        (_, _, Some(run), Some(x), Some(y)) => {
            finished_run(&jobs, *run)?;
            let folder = StoredRun::load(&state, *run).await?;
            let label = format!("{} {run}: {x} → {y}", text::RUN);
            let (x, y) = (x.clone(), y.clone());
            let c =
                tokio::task::spawn_blocking(move || scenario_run::compare_options(&folder, &x, &y))
                    .await;
            (label, c.map_err(|e| ApiError::hidden(Kind::Internal, &e))??)
        }
        _ => {
            let body = html!(
                "{}<p><a href=\"/w/{}/scenarios\">{}</a></p>{}",
                workspace_header(&access.workspace, Tab::Scenarios, &text::COMPARE_TITLE.text()),
                id,
                text::BACK,
                compare_form(id, &jobs, None, None)
            );
            return Ok(Page::new(text::COMPARE_TITLE, &caller, Section::Home)
                .body(body)
                .response());
        }
    };
    let rows: Html = compared
        .rows
        .iter()
        .map(|r| {
            let year = r.year.map(|y| (y + 1).to_string()).unwrap_or_default();
            html!(
                "<tr><td>{}</td><td>{}</td><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td>\
                 <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                r.a,
                r.b,
                r.metric,
                r.unit,
                year,
                short(r.stats.mean),
                short(r.stats.p05),
                short(r.stats.p50),
                short(r.stats.p95),
                format!("{:.1} %", r.share_b_greater * 100.0)
            )
        })
        .collect();
    let heading = format!("{}: {label}", text::COMPARE_TITLE);
    let body = html!(
        "{}<p><a href=\"/w/{}/scenarios\">{}</a></p><p>{}: {}</p><div class=\"table-wrap\" tabindex=\"0\"><table><caption>{}</caption>\
         <thead><tr><th scope=\"col\">A</th><th scope=\"col\">B</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">p05</th>\
         <th scope=\"col\" class=\"num\">p50</th><th scope=\"col\" class=\"num\">p95</th><th scope=\"col\" class=\"num\">{}</th>\
         </tr></thead><tbody>{}</tbody></table></div>{}",
        workspace_header(&access.workspace, Tab::Scenarios, &heading),
        id,
        text::BACK,
        text::DRAWS,
        compared.draws,
        text::DIFFERENCES,
        text::OUTPUT,
        text::UNIT,
        text::YEAR_COL,
        text::MEAN,
        text::SHARE,
        rows,
        compare_form(id, &jobs, q.a, q.b)
    );
    Ok(Page::new(heading, &caller, Section::Home).body(body).response())
}

/// The brief of the workspace's country with the runs added to it, as
/// `GET /api/v1/briefs/{area}` gives it (one document, its styles inline, no script).
async fn brief(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
) -> PageResult {
    let (access, jobs) = scenario_jobs(&state, &caller, id).await?;
    let country = access.country()?;
    let mut results = Vec::new();
    for added in state.store().brief_scenarios(id).await? {
        if finished_run(&jobs, added.job_id).is_err() {
            continue;
        }
        let folder = StoredRun::load(&state, added.job_id).await?;
        let code = country.as_str().to_owned();
        let r = tokio::task::spawn_blocking(move || scenario_run::brief_result(&folder, &code))
            .await
            .map_err(|e| ApiError::hidden(Kind::Internal, &e))??;
        results.push(r.0);
    }
    let generation = state.store().generation().await?;
    let withheld = crate::access::withheld(&state, &caller, generation).await?;
    let profile =
        crate::routes::data::readable_profile(&state, country.as_str(), &withheld).await?;
    let options = crate::routes::data::brief_options().in_lang(crate::web::lang::current());
    let document = report::brief::render_with(&profile, &results, &options);
    let policy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
    let mut response = ([(CONTENT_TYPE, "text/html; charset=utf-8")], document).into_response();
    response.headers_mut().insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_of_the_models_has_its_bounds() {
        for m in scenario_run::models() {
            for p in &m.parameters {
                let b = bounds(&p.domain);
                if p.domain != "a finite number" {
                    assert!(b.min.is_some(), "{}: {}", p.name, p.domain);
                }
            }
        }
        assert_eq!(
            bounds("a number in [1, 200]"),
            Bounds { min: Some(1.0), max: Some(200.0), ..Bounds::default() }
        );
        assert!(bounds("a whole number ≥ 0").whole);
        assert!(bounds("a number > 0").open_min);
    }

    #[test]
    fn a_form_makes_a_scenario_file_that_parses_with_its_text_kept() {
        let m = model("recruitment").unwrap();
        let mut values = Values::new();
        for (k, v) in [
            ("name", "Cap \"fees\" <script>"),
            ("description", "line\nbreak \\ and \u{7}"),
            ("option", "cap"),
            ("origin", "XAA"),
            ("destination", "XAB"),
            ("year", "2020"),
            ("draws", "10"),
            ("seed", "42"),
            ("p-workers", "1000"),
            ("p-compliance", "0.9"),
            ("u-compliance", "50"),
        ] {
            values.insert(k.to_owned(), v.to_owned());
        }
        let file = scenario_file(&m, &values).unwrap();
        assert!(
            file.contains("compliance = { dist = \"triangular\", min = 0.45, mode = 0.9, max = 1,"),
            "{file}"
        );
        let parsed =
            scenario_run::parse_scenario(&analysis::Input::new("s.toml", file.into_bytes()))
                .unwrap();
        assert_eq!(parsed.name, "Cap \"fees\" <script>");
        values.insert("p-workers".into(), "many".into());
        assert_eq!(scenario_file(&m, &values).unwrap_err().field.as_deref(), Some("p-workers"));
    }

    #[test]
    fn numbers_are_shown_short_with_separators() {
        assert_eq!(short(1234567.8), "1,234,568");
        assert_eq!(short(-12.345), "−12.35");
        assert_eq!(short(0.012345), "0.0123");
    }
}
