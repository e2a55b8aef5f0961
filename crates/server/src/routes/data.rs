//! The official data every workspace shares: datasets, country and group profiles, and
//! briefs. Readable by every signed-in user.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::HeaderValue;
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::cache::Withheld;
use crate::error::{ApiError, ApiResult, ErrorBody, Kind};
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
    #[param(inline)]
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
    caller: Caller,
    Path(area): Path<String>,
    Query(query): Query<ProfileQuery>,
) -> ApiResult<Response> {
    let format = query.format.unwrap_or_default();
    let key = format!("profile\u{0}{area}\u{0}{:?}\u{0}{format:?}", query.year);
    let st = state.clone();
    cached(&state, &caller, key, |withheld| async move {
        let mut profile = readable_profile(&st, &area, &withheld).await?;
        if let Some(year) = query.year {
            profile.keep_year(year);
        }
        let internal = |e: &dyn std::fmt::Display| ApiError::hidden(Kind::Internal, e);
        Ok(match format {
            ProfileFormat::Json => {
                ("application/json", serde_json::to_vec(&profile).map_err(|e| internal(&e))?)
            }
            ProfileFormat::Csv => {
                let text = profile.to_csv().map_err(|e| internal(&e))?;
                ("text/csv; charset=utf-8", text.into_bytes())
            }
        })
    })
    .await
}

/// The language a brief is wanted in.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct BriefQuery {
    /// `en` (the default), `fr`, `es` or `ar` (docs/languages.md).
    lang: Option<String>,
}

/// The self-contained HTML brief of a country or group (as `coherence report`), in
/// English or the language asked for (as `coherence report --lang`).
#[utoipa::path(get, path = "/api/v1/briefs/{area}", tag = "data",
    params(("area" = String, Path, description = "A country or group: ISO 3166-1 alpha-3, M49 or name"), BriefQuery),
    responses((status = 200, description = "The brief", content_type = "text/html", body = String),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn brief(
    State(state): State<AppState>,
    caller: Caller,
    Path(area): Path<String>,
    Query(query): Query<BriefQuery>,
) -> ApiResult<Response> {
    let lang = match query.lang.as_deref() {
        None => i18n::Lang::En,
        Some(code) => i18n::Lang::parse(code)
            .ok()
            .filter(|l| i18n::Lang::OFFERED.contains(l))
            .ok_or_else(|| {
                ApiError::invalid(
                    "lang",
                    format!("unknown language {code:?}: the languages are en, fr, es and ar"),
                )
            })?,
    };
    let key = format!("brief\u{0}{area}\u{0}{}", lang.code());
    let st = state.clone();
    let mut response = cached(&state, &caller, key, |withheld| async move {
        let profile = readable_profile(&st, &area, &withheld).await?;
        Ok((
            "text/html; charset=utf-8",
            report::brief::render(&profile, &brief_options().in_lang(lang)).into_bytes(),
        ))
    })
    .await?;
    // The brief is one file with its styles inline and no script.
    let policy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
    response.headers_mut().insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
    Ok(response)
}

/// The profile of `area` without what the reader may not see of governments' work
/// ([`crate::access::withheld`]).
pub(crate) async fn readable_profile(
    state: &AppState,
    area: &str,
    withheld: &Withheld,
) -> ApiResult<analysis::profile::CountryProfile> {
    let mut profile = state.app.profile(area).await?;
    let code = profile.area.iso3.clone();
    let hidden = |list: &[String]| list.contains(&code);
    // Corridor checks read the partner's whole register: left out unless it is read whole.
    let partners: Vec<String> = withheld
        .register
        .iter()
        .cloned()
        .chain(withheld.policies.iter().map(|(c, _)| c.clone()))
        .collect();
    profile.withhold(hidden(&withheld.register), hidden(&withheld.answers), &partners);
    if let Some(Some(ids)) = withheld.register_of(&code) {
        profile.keep_policies(ids);
    }
    Ok(profile)
}

/// The answer cached under `key` for the store's current data and what the caller may
/// not read, or `compute`d (given that) and kept.
async fn cached<F, Fut>(
    state: &AppState,
    caller: &Caller,
    key: String,
    compute: F,
) -> ApiResult<Response>
where
    F: FnOnce(Arc<Withheld>) -> Fut,
    Fut: std::future::Future<Output = ApiResult<(&'static str, Vec<u8>)>>,
{
    let (content_type, bytes) = cached_bytes(state, caller, key, compute).await?;
    Ok(([(CONTENT_TYPE, content_type)], bytes).into_response())
}

/// A part of a web page cached under `key` like [`cached`]'s answers (for the store's
/// current data and what the caller may not read), or `compute`d and kept.
pub(crate) async fn cached_page<F, Fut>(
    state: &AppState,
    caller: &Caller,
    key: String,
    compute: F,
) -> ApiResult<Arc<crate::cache::PagePart>>
where
    F: FnOnce(Arc<Withheld>) -> Fut,
    Fut: std::future::Future<Output = ApiResult<crate::cache::PagePart>>,
{
    let generation = state.store().generation().await?;
    let withheld = crate::access::withheld(state, caller, generation).await?;
    let key = format!("{key}\u{0}{:?}\u{0}{:?}", withheld.register, withheld.answers);
    if let Some(hit) = state.cache.get_page(generation, &key) {
        return Ok(hit);
    }
    let part = Arc::new(compute(withheld).await?);
    state.cache.put_page(generation, key, part.clone());
    Ok(part)
}

/// [`cached`]'s content type and bytes, for a caller that places them itself (the web
/// workspace's profile page).
pub(crate) async fn cached_bytes<F, Fut>(
    state: &AppState,
    caller: &Caller,
    key: String,
    compute: F,
) -> ApiResult<(&'static str, Bytes)>
where
    F: FnOnce(Arc<Withheld>) -> Fut,
    Fut: std::future::Future<Output = ApiResult<(&'static str, Vec<u8>)>>,
{
    let generation = state.store().generation().await?;
    let withheld = crate::access::withheld(state, caller, generation).await?;
    let key = format!(
        "{key}\u{0}{:?}\u{0}{:?}\u{0}{:?}",
        withheld.register, withheld.answers, withheld.policies
    );
    let (content_type, bytes) = match state.cache.get(generation, &key) {
        Some(hit) => hit,
        None => {
            let (content_type, bytes) = compute(withheld).await?;
            let bytes = Bytes::from(bytes);
            state.cache.put(generation, key, content_type, bytes.clone());
            (content_type, bytes)
        }
    };
    Ok((content_type, bytes))
}

/// The options of a brief served now: today's UTC date, or the date of
/// `SOURCE_DATE_EPOCH` (seconds since 1970) when that variable holds a number, as the
/// CLI reads it; and this server's version.
pub(crate) fn brief_options() -> report::brief::BriefOptions {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|text| text.trim().parse::<i64>().ok())
        .unwrap_or_else(|| jiff::Timestamp::now().as_second());
    report::brief::BriefOptions::new(report::brief::Colophon::at(
        seconds,
        env!("CARGO_PKG_VERSION"),
    ))
}
