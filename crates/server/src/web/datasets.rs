//! The datasets pages: the stored official datasets (every signed-in user), one
//! dataset's provenance, and for administrators the upload of an official file (with a
//! progress bar when the script runs, a plain multipart post otherwise) and the import
//! job's progress and outcome.
//!
//! Uploads go through the API's upload function (`routes::imports::start_import`): the
//! same limits, the same checks, the same job; datasets are read as `GET /api/v1/datasets`
//! reads them.

use axum::body::Bytes;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::IntoResponse;
use report::html;
use report::html::Html;
use store::{Job, JobStatus};

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, Kind};
use crate::routes::imports::start_import;
use crate::routes::jobs::visible;
use crate::web::form::{Field, problem};
use crate::web::layout::{Page, Section};
use crate::web::{PageResult, Pages, Visitor, see_other};

/// The words of these pages.
mod text {
    use crate::web::lang::Msg;

    pub(crate) const TITLE: Msg = Msg("web-data-title");
    pub(crate) const INTRO: Msg = Msg("web-data-intro");
    pub(crate) const NONE: Msg = Msg("web-data-none");
    pub(crate) const STORED: Msg = Msg("web-data-stored");
    pub(crate) const DATASET: Msg = Msg("web-data-dataset");
    pub(crate) const PUBLISHER: Msg = Msg("web-data-publisher");
    pub(crate) const EDITION: Msg = Msg("web-data-edition");
    pub(crate) const FILES: Msg = Msg("web-data-files");
    pub(crate) const ROWS: Msg = Msg("web-data-rows");
    pub(crate) const IMPORTED: Msg = Msg("web-data-imported");
    pub(crate) const DEFAULT: Msg = Msg("web-data-default");
    pub(crate) const FICTIONAL: Msg = Msg("web-data-fictional");
    pub(crate) const UPLOAD: Msg = Msg("web-data-upload");
    pub(crate) const UPLOAD_INTRO: Msg = Msg("web-data-upload-intro");
    /// What the page's script writes while a file is sent, before its name.
    pub(crate) const UPLOADING: Msg = Msg("ws-upload-uploading");
    /// What the page's script writes when the server refused a file, before the status.
    pub(crate) const UPLOAD_FAILED: Msg = Msg("ws-upload-failed");
    /// What the page's script writes when the server could not be reached.
    pub(crate) const UNREACHABLE: Msg = Msg("ws-upload-unreachable");
    pub(crate) const FILE: Msg = Msg("web-data-file");
    pub(crate) const FILE_HINT: Msg = Msg("web-data-file-hint");
    pub(crate) const KIND: Msg = Msg("web-data-kind");
    pub(crate) const KIND_HINT: Msg = Msg("web-data-kind-hint");
    pub(crate) const SEND: Msg = Msg("web-data-send");
    pub(crate) const PROGRESS: Msg = Msg("web-data-progress");
    pub(crate) const IMPORTS: Msg = Msg("web-data-imports");
    pub(crate) const JOB: Msg = Msg("web-data-job");
    pub(crate) const STATUS: Msg = Msg("web-data-status");
    pub(crate) const FETCH: Msg = Msg("web-data-fetch");
    pub(crate) const FETCH_TEXT: Msg = Msg("web-data-fetch-text");
    pub(crate) const FETCH_LATER: Msg = Msg("web-data-fetch-later");
    pub(crate) const PROVENANCE: Msg = Msg("web-data-provenance");
    pub(crate) const KEY: Msg = Msg("web-data-key");
    pub(crate) const SOURCE: Msg = Msg("web-data-source");
    pub(crate) const LICENCE: Msg = Msg("web-data-licence");
    pub(crate) const NOT_STATED: Msg = Msg("web-data-not-stated");
    pub(crate) const NAME: Msg = Msg("web-data-name");
    pub(crate) const SIZE: Msg = Msg("web-data-size");
    pub(crate) const AREAS: Msg = Msg("web-data-areas");
    pub(crate) const VALUES: Msg = Msg("web-data-values");
    pub(crate) const PAIRS: Msg = Msg("web-data-pairs");
    pub(crate) const POLICIES: Msg = Msg("web-data-policies");
    pub(crate) const RECOGNISED: Msg = Msg("web-data-recognised");
    pub(crate) const LAYOUT: Msg = Msg("web-data-layout");
    pub(crate) const DETECTED: Msg = Msg("web-data-detected");
    pub(crate) const NAMED: Msg = Msg("web-data-named");
    pub(crate) const CHECKS: Msg = Msg("web-data-checks");
    pub(crate) const NO_NOTES: Msg = Msg("web-data-no-notes");
    pub(crate) const OUTCOME: Msg = Msg("web-data-outcome");
    pub(crate) const DUPLICATES: Msg = Msg("web-data-duplicates");
    pub(crate) const RUNNING: Msg = Msg("web-data-running");
    pub(crate) const RELOAD: Msg = Msg("web-data-reload");
    pub(crate) const FAILED: Msg = Msg("web-data-failed");
    pub(crate) const OPEN: Msg = Msg("web-data-open");
    pub(crate) const BACK: Msg = Msg("web-data-back");
    pub(crate) const NO_FILE: Msg = Msg("web-data-no-file");
    pub(crate) const NOT_IMPORT: Msg = Msg("web-data-not-import");
}

/// Adds the routes of these pages.
pub(crate) fn routes(pages: Pages) -> Pages {
    pages
        .get("/datasets", index)
        .post("/datasets/upload", upload)
        .get("/datasets/jobs/{id}", job_page)
        .get("/datasets/{id}", dataset)
}

/// `at` (RFC 3339) as `YYYY-MM-DD HH:MM`.
fn when(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}

async fn index(State(state): State<AppState>, Visitor(caller): Visitor) -> PageResult {
    let datasets = state.app.datasets().await?;
    let list =
        if datasets.is_empty() { html!("<p>{}</p>", text::NONE) } else { dataset_table(&datasets) };
    let admin = if caller.user.is_admin { admin_part(&state, None).await? } else { Html::new() };
    let body = html!(
        "<h1>{}</h1><p>{}</p><h2>{}</h2>{}{}",
        text::TITLE,
        text::INTRO,
        text::STORED,
        list,
        admin
    );
    Ok(Page::new(text::TITLE, &caller, Section::Datasets).body(body).response())
}

/// The table of the stored datasets.
fn dataset_table(datasets: &[analysis::DatasetInfo]) -> Html {
    let rows: Html = datasets
        .iter()
        .map(|d| {
            let mut badges = Html::new();
            if d.is_default {
                badges.push(html!(" <span class=\"badge good\">{}</span>", text::DEFAULT));
            }
            if d.fictional {
                badges.push(html!(" <span class=\"badge bad\">{}</span>", text::FICTIONAL));
            }
            let files: Html = d
                .files
                .iter()
                .map(|f| {
                    let sha = f.sha256.as_deref().map(|s| s.get(..12).unwrap_or(s)).unwrap_or("");
                    html!("<li>{} <code title=\"SHA-256\">{}</code></li>", f.name, sha)
                })
                .collect();
            let rows = d.rows.areas + d.rows.values + d.rows.pairs + d.rows.policies;
            html!(
                "<tr><th scope=\"row\"><a href=\"/datasets/{}\">{}</a></th><td>{}</td><td>{}{}</td><td><ul class=\"plain\">{}</ul></td>\
                 <td class=\"num\">{}</td><td>{}</td></tr>",
                d.id,
                d.title,
                d.publisher,
                d.edition,
                badges,
                files,
                rows,
                when(&d.imported_at)
            )
        })
        .collect();
    html!(
        "<div class=\"table-wrap\" tabindex=\"0\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>\
         <th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
        text::STORED,
        text::DATASET,
        text::PUBLISHER,
        text::EDITION,
        text::FILES,
        text::ROWS,
        text::IMPORTED,
        rows
    )
}

/// The administrator's part: the upload form (with the error of the last upload), the
/// recent imports, and how to fetch official files.
async fn admin_part(state: &AppState, error: Option<&ApiError>) -> PageResult<Html> {
    let fields = Html::join(
        [
            Field::new("file", &text::FILE.text(), crate::web::form::Control::Input("file"))
                .required()
                .hint(text::FILE_HINT)
                .error_of(error)
                .render(),
            Field::text("kind", &text::KIND.text())
                .attr("maxlength", "100")
                .hint(text::KIND_HINT)
                .error_of(error)
                .render(),
        ],
        &Html::new(),
    );
    let upload = html!(
        "<h2>{}</h2><p>{}</p>{}<form method=\"post\" action=\"/datasets/upload\" enctype=\"multipart/form-data\" \
         data-upload=\"/api/v1/datasets\" data-next=\"/datasets/jobs/{{id}}\" \
         data-uploading=\"{}\" data-failed=\"{}\" data-unreachable=\"{}\">{}\
         <p><label for=\"upload-progress\">{}</label> <progress id=\"upload-progress\" max=\"1\" value=\"0\"></progress> \
         <span data-status role=\"status\"></span></p>\
         <p class=\"actions\"><button type=\"submit\">{}</button></p></form>",
        text::UPLOAD,
        text::UPLOAD_INTRO,
        problem(error, &["file", "kind"]),
        text::UPLOADING,
        text::UPLOAD_FAILED,
        text::UNREACHABLE,
        fields,
        text::PROGRESS,
        text::SEND
    );
    let jobs: Vec<Job> = state
        .store()
        .jobs(None, None)
        .await?
        .into_iter()
        .filter(|j| j.kind == "import")
        .take(10)
        .collect();
    let imports = if jobs.is_empty() {
        Html::new()
    } else {
        let rows: Html = jobs
            .iter()
            .map(|j| {
                html!(
                    "<tr><th scope=\"row\"><a href=\"/datasets/jobs/{}\">{} {}</a></th><td>{}</td><td>{}</td><td>{}</td></tr>",
                    j.id,
                    text::JOB,
                    j.id,
                    param(j, "name"),
                    j.status.as_str(),
                    when(&j.created_at)
                )
            })
            .collect();
        html!(
            "<h2>{}</h2><div class=\"table-wrap\" tabindex=\"0\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table></div>",
            text::IMPORTS,
            text::IMPORTS,
            text::JOB,
            text::FILE,
            text::STATUS,
            text::IMPORTED,
            rows
        )
    };
    let fetch = html!(
        "<h2>{}</h2><p>{}</p><pre>coherence fetch --list\ncoherence fetch DATASET-ID\ncoherence import FILE</pre><p class=\"muted\">{}</p>",
        text::FETCH,
        text::FETCH_TEXT,
        text::FETCH_LATER
    );
    Ok(html!("{}{}{}", upload, imports, fetch))
}

/// A text of a job's parameters.
fn param(job: &Job, key: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(&job.params).unwrap_or_default();
    v[key].as_str().unwrap_or("").to_owned()
}

/// The upload without the script: a multipart post of `file` (and `kind`).
async fn upload(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    multipart: Result<Multipart, MultipartRejection>,
) -> PageResult {
    crate::access::admin(&caller)?;
    let mut multipart = multipart.map_err(|e| {
        ApiError::new(Kind::InvalidInput, format!("the upload cannot be read: {}", e.body_text()))
    })?;
    let mut file: Option<(String, Bytes)> = None;
    let mut kind = None;
    let unreadable = |e: axum::extract::multipart::MultipartError| {
        ApiError::new(Kind::InvalidInput, format!("the upload cannot be read: {}", e.body_text()))
    };
    while let Some(field) = multipart.next_field().await.map_err(unreadable)? {
        match field.name() {
            Some("file") => {
                let name = field.file_name().unwrap_or("").to_owned();
                let bytes = field.bytes().await.map_err(unreadable)?;
                file = Some((name, bytes));
            }
            Some("kind") => {
                let k = field.text().await.map_err(unreadable)?;
                kind = Some(k.trim().to_owned()).filter(|k| !k.is_empty());
            }
            _ => {}
        }
    }
    let started = match file {
        Some((name, bytes)) if !name.is_empty() => {
            start_import(&state, &caller, &name, kind, bytes).await
        }
        _ => Err(ApiError::invalid("file", text::NO_FILE)),
    };
    match started {
        Ok(job) => Ok(see_other(&format!("/datasets/jobs/{}", job.id))),
        Err(e) if e.kind != Kind::Internal => upload_refused(&state, &caller, &e).await,
        Err(e) => Err(e.into()),
    }
}

/// The datasets page again with the error of a refused upload.
async fn upload_refused(state: &AppState, caller: &Caller, e: &ApiError) -> PageResult {
    let datasets = state.app.datasets().await?;
    let body = html!(
        "<h1>{}</h1><p>{}</p>{}<h2>{}</h2>{}",
        text::TITLE,
        text::INTRO,
        admin_part(state, Some(e)).await?,
        text::STORED,
        dataset_table(&datasets)
    );
    let page = Page::new(text::TITLE, caller, Section::Datasets).body(body).response();
    Ok((e.kind.status(), page).into_response())
}

async fn job_page(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
) -> PageResult {
    let (job, _) = visible(&state, &caller, id).await?;
    if job.kind != "import" || job.workspace_id.is_some() {
        return Err(ApiError::not_found(format!("job {id} {}", text::NOT_IMPORT)).into());
    }
    let heading = format!("{} {}: {}", text::JOB, job.id, param(&job, "name"));
    let content = match job.status {
        JobStatus::Queued | JobStatus::Running => html!(
            "<section data-job=\"{}\"><h2>{}</h2><progress max=\"{}\" value=\"{}\" aria-label=\"{}\"></progress>\
             <p data-status role=\"status\">{}</p><noscript><p>{}</p></noscript></section>",
            job.id,
            text::RUNNING,
            job.progress_total.max(1),
            job.progress_done,
            text::RUNNING,
            job.status.as_str(),
            text::RELOAD
        ),
        JobStatus::Failed | JobStatus::Cancelled => html!(
            "<h2>{}</h2><p class=\"problem\" role=\"alert\">{}</p>",
            text::FAILED,
            job.error.clone().unwrap_or_else(|| job.status.as_str().to_owned())
        ),
        JobStatus::Done => outcome(&job),
    };
    let body = html!(
        "<h1>{}</h1><p><a href=\"/datasets\">{}</a></p><p class=\"muted\">SHA-256 <code>{}</code> · {} {}</p>{}",
        heading,
        text::BACK,
        param(&job, "sha256"),
        text::IMPORTED,
        when(&job.created_at),
        content
    );
    Ok(Page::new(heading, &caller, Section::Datasets).body(body).response())
}

/// What an import recognised and did (its job's result).
fn outcome(job: &Job) -> Html {
    let r: serde_json::Value =
        job.result.as_deref().and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default();
    let s = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    let detected =
        if r["detected"].as_bool().unwrap_or(false) { text::DETECTED } else { text::NAMED };
    let notes: Vec<String> = r["diagnostics"].as_array().into_iter().flatten().map(&s).collect();
    let notes = if notes.is_empty() {
        html!("<p>{}</p>", text::NO_NOTES)
    } else {
        html!("<ul>{}</ul>", notes.iter().map(|n| html!("<li>{}</li>", n)).collect::<Html>())
    };
    let o = &r["outcome"];
    let rows = &o["rows"];
    html!(
        "<h2>{}</h2><dl class=\"facts\"><dt>{}</dt><dd><code>{}</code> ({})</dd><dt>{}</dt><dd>{}</dd></dl>\
         <h2>{}</h2>{}<h2>{}</h2><dl class=\"facts\"><dt>{}</dt><dd><strong>{}</strong></dd><dt>{}</dt><dd><code>{}</code></dd>\
         <dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>\
         <p><a href=\"/datasets/{}\">{}</a></p>",
        text::RECOGNISED,
        text::LAYOUT,
        s(&r["kind"]),
        detected,
        text::DATASET,
        s(&r["description"]),
        text::CHECKS,
        notes,
        text::OUTCOME,
        text::STATUS,
        s(&o["status"]),
        text::KEY,
        s(&o["key"]),
        text::EDITION,
        s(&o["edition"]),
        text::AREAS,
        s(&rows["areas"]),
        text::VALUES,
        s(&rows["values"]),
        text::PAIRS,
        s(&rows["pairs"]),
        text::POLICIES,
        s(&rows["policies"]),
        text::DUPLICATES,
        s(&o["duplicates"]),
        s(&o["import_id"]),
        text::OPEN
    )
}

async fn dataset(
    State(state): State<AppState>,
    Visitor(caller): Visitor,
    Path(id): Path<i64>,
) -> PageResult {
    let all = state.app.datasets().await?;
    let d = all
        .into_iter()
        .find(|d| d.id == id)
        .ok_or_else(|| ApiError::not_found(format!("dataset {id}")))?;
    let files: Html = d
        .files
        .iter()
        .map(|f| {
            html!(
                "<tr><th scope=\"row\">{}</th><td><code class=\"sha\">{}</code></td><td class=\"num\">{}</td></tr>",
                f.name,
                f.sha256.clone().unwrap_or_default(),
                f.bytes.map(|b| b.to_string()).unwrap_or_default()
            )
        })
        .collect();
    // The import job that stored it, if it was uploaded here: what was recognised.
    let mut recognised = Html::new();
    if caller.user.is_admin {
        for job in state.store().jobs(None, Some(JobStatus::Done)).await? {
            let r: serde_json::Value = job
                .result
                .as_deref()
                .and_then(|t| serde_json::from_str(t).ok())
                .unwrap_or_default();
            if job.kind == "import" && r["outcome"]["import_id"].as_i64() == Some(id) {
                recognised = html!(
                    "<p><a href=\"/datasets/jobs/{}\">{} {}</a></p>",
                    job.id,
                    text::JOB,
                    job.id
                );
                break;
            }
        }
    }
    let fictional = if d.fictional {
        html!(" <span class=\"badge bad\">{}</span>", text::FICTIONAL)
    } else {
        Html::new()
    };
    let body = html!(
        "<h1>{}</h1><p><a href=\"/datasets\">{}</a></p><h2>{}</h2><dl class=\"facts\"><dt>{}</dt><dd>{}{}</dd><dt>{}</dt><dd>{}</dd>\
         <dt>{}</dt><dd><code>{}</code></dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>{}\
         <div class=\"table-wrap\" tabindex=\"0\"><table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">SHA-256</th>\
         <th scope=\"col\" class=\"num\">{}</th></tr></thead><tbody>{}</tbody></table></div>\
         <h2>{}</h2><dl class=\"facts\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
        d.title,
        text::BACK,
        text::PROVENANCE,
        text::PUBLISHER,
        d.publisher,
        fictional,
        text::EDITION,
        d.edition,
        text::KEY,
        d.key,
        text::SOURCE,
        d.source,
        text::LICENCE,
        d.licence.clone().unwrap_or_else(|| text::NOT_STATED.text()),
        text::IMPORTED,
        when(&d.imported_at),
        recognised,
        text::FILES,
        text::NAME,
        text::SIZE,
        files,
        text::ROWS,
        text::AREAS,
        d.rows.areas,
        text::VALUES,
        d.rows.values,
        text::PAIRS,
        d.rows.pairs,
        text::POLICIES,
        d.rows.policies
    );
    Ok(Page::new(d.title.clone(), &caller, Section::Datasets).body(body).response())
}
