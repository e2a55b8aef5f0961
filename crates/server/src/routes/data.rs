//! The official data every workspace shares: datasets, country and group profiles, and
//! briefs. Readable by every signed-in user.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiResult, ErrorBody};
use crate::routes::{Page, Paged};

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(datasets)).routes(routes!(profile)).routes(routes!(brief))
}

/// The stored datasets (every edition), with their files, checksums and row counts.
#[utoipa::path(get, path = "/api/v1/datasets", tag = "data", params(Page),
    responses((status = 200, description = "One page of datasets", body = Object), (status = 401, body = ErrorBody)))]
async fn datasets(
    State(state): State<AppState>,
    _caller: Caller,
    Query(page): Query<Page>,
) -> ApiResult<Json<Paged<analysis::DatasetInfo>>> {
    Ok(Json(page.of(state.app.datasets().await?)?))
}

/// What a profile is wanted as.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ProfileQuery {
    /// Only this year's figures (as `coherence profile --year`).
    year: Option<i32>,
    /// `json` (the default) or `csv` (one value per row with its unit and source).
    format: Option<ProfileFormat>,
}

/// The formats of a profile.
#[derive(Clone, Copy, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ProfileFormat {
    /// JSON, as `coherence --format json profile`.
    #[default]
    Json,
    /// CSV, as `coherence --format csv profile`.
    Csv,
}

/// The migration profile of a country or group (code, M49 or name), as the command
/// line's `coherence --format json profile AREA` (or its CSV with `format=csv`): every
/// figure with its source.
#[utoipa::path(get, path = "/api/v1/profiles/{area}", tag = "data",
    params(("area" = String, Path, description = "A country or group: ISO 3166-1 alpha-3, M49 or name"), ProfileQuery),
    responses((status = 200, description = "The profile", content(
            (Object = "application/json"),
            (String = "text/csv"))),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
async fn profile(
    State(state): State<AppState>,
    _caller: Caller,
    Path(area): Path<String>,
    Query(query): Query<ProfileQuery>,
) -> ApiResult<Response> {
    let mut profile = state.app.profile(&area).await?;
    if let Some(year) = query.year {
        profile.keep_year(year);
    }
    Ok(match query.format.unwrap_or_default() {
        ProfileFormat::Json => Json(profile).into_response(),
        ProfileFormat::Csv => {
            let text = report::csv::profile(&profile)
                .map_err(|e| crate::error::ApiError::hidden(crate::Kind::Internal, &e))?;
            ([(CONTENT_TYPE, "text/csv; charset=utf-8")], text).into_response()
        }
    })
}

/// The self-contained HTML brief of a country or group (as `coherence brief`).
#[utoipa::path(get, path = "/api/v1/briefs/{area}", tag = "data",
    params(("area" = String, Path, description = "A country or group: ISO 3166-1 alpha-3, M49 or name")),
    responses((status = 200, description = "The brief", content_type = "text/html", body = String),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn brief(
    State(state): State<AppState>,
    _caller: Caller,
    Path(area): Path<String>,
) -> ApiResult<Response> {
    let profile = state.app.profile(&area).await?;
    let html = report::brief::render(&profile);
    // The brief is one file with its styles inline and no script.
    let policy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
    Ok(([(CONTENT_TYPE, "text/html; charset=utf-8"), (CONTENT_SECURITY_POLICY, policy)], html)
        .into_response())
}
