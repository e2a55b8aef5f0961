//! Estimates as jobs of a government workspace (its contributors and coordinators start
//! them; its members read them): flows from the stored stock tables, as `coherence
//! estimate flows --method M --from Y0 --to Y1 --out flows.csv` (the job's `flows.csv`
//! has the bytes of that file).

use analysis::estimate::{
    FlowRequest, FlowTotal, IncomeSeries, MissingIncomeRule, RemitFloor, RemitRequest,
    RemitVariant, StockSource, VitalSource,
};
use analysis::gravity::{self, Estimator, GravityOptions, VcovSpec};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use store::{JobFile, Role};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody, Kind};
use crate::jobs::{self, Output, Stop};
use crate::routes::ApiJson;
use crate::routes::jobs::JobInfo;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(flows))
        .routes(routes!(remittances))
        .routes(routes!(gravity))
}

/// Requires that the caller may start an estimate in the government workspace `id`: its
/// contributors and coordinators.
async fn may_estimate(state: &AppState, caller: &Caller, id: i64) -> ApiResult<()> {
    let access = Access::to(state, caller, id).await?;
    access.read_records()?;
    access.country()?;
    if !matches!(access.role, Some(Role::Contributor | Role::Coordinator)) {
        return Err(ApiError::forbidden(format!(
            "an estimate in workspace {id} needs the contributor or coordinator role"
        )));
    }
    Ok(())
}

/// A flow estimate from the stored stocks, births and deaths.
#[derive(Deserialize, ToSchema)]
pub(crate) struct FlowsBody {
    /// The method (`coherence estimate flows --method`).
    method: String,
    /// The period's first year.
    from: i32,
    /// The period's last year.
    to: i32,
    /// Take births and deaths as zero (`--no-vital`).
    #[serde(default)]
    no_vital: bool,
    /// The bilateral stocks as CSV text (`orig,dest,year,value`, as `--stocks FILE`),
    /// instead of the store's.
    stocks_csv: Option<String>,
    /// Births and deaths as CSV text (`area,period_start,period_end,births,deaths`, as
    /// `--vital FILE`), instead of the store's.
    vital_csv: Option<String>,
}

/// Starts a flow estimate in a government workspace (its contributors and
/// coordinators). 202 with the job; its file `flows.csv` is the command line's `--out`.
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/estimates/flows", tag = "estimates",
    params(("id" = i64, Path, description = "The government workspace's id")), request_body = FlowsBody,
    responses((status = 202, body = JobInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn flows(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<FlowsBody>,
) -> ApiResult<(StatusCode, Json<JobInfo>)> {
    may_estimate(&state, &caller, id).await?;
    if !analysis::estimate::flow_method_names().contains(&body.method.as_str()) {
        return Err(ApiError::invalid("method", format!("{:?} is not a flow method", body.method)));
    }
    let params = serde_json::json!({
        "method": body.method, "from": body.from, "to": body.to, "no_vital": body.no_vital,
        "stocks_csv": body.stocks_csv.is_some(), "vital_csv": body.vital_csv.is_some(),
    });
    let request = FlowRequest {
        method: body.method,
        period_start: body.from,
        period_end: body.to,
        stocks: match body.stocks_csv {
            Some(text) => StockSource::Csv(analysis::Input::new("stocks.csv", text.into_bytes())),
            None => StockSource::Store,
        },
        vital: match (body.vital_csv, body.no_vital) {
            (Some(_), true) => {
                return Err(ApiError::invalid("no_vital", "give vital_csv or no_vital, not both"));
            }
            (Some(text), false) => {
                VitalSource::Csv(analysis::Input::new("vital.csv", text.into_bytes()))
            }
            (None, true) => VitalSource::Zero,
            (None, false) => VitalSource::Store { zero_where_missing: false },
        },
        zero_native_born_where_missing: false,
        complete_areas_only: false,
        population: None,
        flow_total: FlowTotal::NetMigration,
        store_result: false,
        command: "coherence serve: estimate flows".to_owned(),
    };
    let app = state.app.clone();
    let job =
        jobs::start(&state, &caller, Some(id), "estimate.flows", &params, move |_| async move {
            let est = app.estimate_flows(&request).await?;
            let text = est.to_csv();
            let result = serde_json::json!({
                "method": request.method, "period_start": est.period_start,
                "period_end": est.period_end, "flows": est.flows.len(),
            });
            let file = JobFile {
                name: "flows.csv".to_owned(),
                content_type: "text/csv; charset=utf-8".to_owned(),
                bytes: text.into_bytes(),
            };
            Ok(Output { result, files: vec![file] })
        })
        .await?;
    Ok((StatusCode::ACCEPTED, Json(crate::routes::jobs::info(&state, job, false).await?)))
}

/// A bilateral remittance matrix from the stored stocks, inflows and incomes, with the
/// options of `coherence estimate remittances`.
#[derive(Deserialize, ToSchema)]
pub(crate) struct RemittancesBody {
    /// The year.
    year: i32,
    /// The year of the migrant stocks, when the store has none of `year`.
    stock_year: Option<i32>,
    /// `stock`, `host-income` or `income-difference` (the default).
    variant: Option<String>,
    /// `ppp` (the default) or `usd`.
    income: Option<String>,
    /// For income-difference: `origin`, `origin:K`, `zero` or `host:S` (the default:
    /// `origin` with K fitted to the published matrices).
    floor: Option<String>,
    /// More zero corridors, ISO3 pairs `A:B` (both ways).
    #[serde(default)]
    zero_corridors: Vec<String>,
    /// Leave out the default zero corridors.
    #[serde(default)]
    no_default_zero_corridors: bool,
    /// `fail` (the default), `skip-origin` or `drop-host`.
    missing_income: Option<String>,
    /// The dataset key of the inflows to allocate (default: KNOMAD's, then WDI's).
    inflows: Option<String>,
}

impl RemittancesBody {
    /// The request, each option checked.
    fn request(self) -> ApiResult<RemitRequest> {
        let variant = match self.variant.as_deref() {
            None => RemitVariant::DEFAULT,
            Some(v) => RemitVariant::from_name(v).ok_or_else(|| {
                ApiError::invalid(
                    "variant",
                    "the variant is stock, host-income or income-difference",
                )
            })?,
        };
        let income = match self.income.as_deref() {
            None | Some("ppp") => IncomeSeries::Ppp,
            Some("usd") => IncomeSeries::Usd,
            Some(_) => return Err(ApiError::invalid("income", "the income series is ppp or usd")),
        };
        let floor = match self.floor.as_deref() {
            None => RemitFloor::DEFAULT,
            Some(f) => RemitFloor::parse(f).ok_or_else(|| {
                ApiError::invalid("floor", "the floor is origin, origin:K, zero or host:S")
            })?,
        };
        let missing_income = match self.missing_income.as_deref() {
            None | Some("fail") => MissingIncomeRule::Fail,
            Some("skip-origin") => MissingIncomeRule::SkipOrigin,
            Some("drop-host") => MissingIncomeRule::DropHost,
            Some(_) => {
                return Err(ApiError::invalid(
                    "missing_income",
                    "the rule is fail, skip-origin or drop-host",
                ));
            }
        };
        let mut zero_corridors = Vec::new();
        for z in &self.zero_corridors {
            let (a, b) = z.split_once(':').ok_or_else(|| {
                ApiError::invalid(
                    "zero_corridors",
                    format!("{z:?}: expected two ISO3 codes as A:B"),
                )
            })?;
            zero_corridors.push((a.to_owned(), b.to_owned()));
        }
        Ok(RemitRequest {
            year: self.year,
            stock_year: self.stock_year,
            variant,
            income,
            floor,
            zero_corridors,
            default_zero_corridors: !self.no_default_zero_corridors,
            missing_income,
            inflows: self.inflows,
            store_result: false,
            command: "coherence serve: estimate remittances".to_owned(),
        })
    }
}

/// Starts the bilateral remittance matrix of a year in a government workspace (its
/// contributors and coordinators). 202 with the job; its file `remittances.csv` is the
/// command line's `--out`, its result the allocation's totals and notes.
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/estimates/remittances", tag = "estimates",
    params(("id" = i64, Path, description = "The government workspace's id")), request_body = RemittancesBody,
    responses((status = 202, body = JobInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn remittances(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<RemittancesBody>,
) -> ApiResult<(StatusCode, Json<JobInfo>)> {
    may_estimate(&state, &caller, id).await?;
    let request = body.request()?;
    let params = serde_json::json!({
        "year": request.year, "stock_year": request.stock_year, "variant": request.variant.name(),
        "income": request.income.name(), "floor": request.floor.name(),
    });
    let app = state.app.clone();
    let job = jobs::start(
        &state,
        &caller,
        Some(id),
        "estimate.remittances",
        &params,
        move |_| async move {
            let est = app.estimate_remittances(&request).await?;
            let total: f64 = est.allocated_inflows.values().sum();
            let result = serde_json::json!({
                "year": est.year, "variant": est.variant.name(), "income": est.income.name(),
                "receivers": est.allocated_inflows.len(), "corridors": est.rows.len(),
                "allocated_usd": total, "notes": est.notes,
            });
            let file = JobFile {
                name: "remittances.csv".to_owned(),
                content_type: "text/csv; charset=utf-8".to_owned(),
                bytes: est.to_csv().into_bytes(),
            };
            Ok(Output { result, files: vec![file] })
        },
    )
    .await?;
    Ok((StatusCode::ACCEPTED, Json(crate::routes::jobs::info(&state, job, false).await?)))
}

/// A gravity model's options (`coherence gravity`'s), in the query; the data file is the
/// body (CSV).
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct GravityQuery {
    /// The fixest-style formula, `y ~ x1 + log(x2) | fe1 + fe2^year`.
    #[param(min_length = 1, max_length = 2000)]
    model: String,
    /// `ppml` (the default) or `ols`.
    estimator: Option<String>,
    /// The variance: `iid` (the default), `hetero`, or `cluster:VAR[+VAR]`.
    vcov: Option<String>,
    /// The data file's name, as provenance records it (default `data.csv`).
    name: Option<String>,
}

/// Fits a gravity model (PPML or OLS with absorbed fixed effects) to the CSV in the body,
/// in a government workspace (its contributors and coordinators). 202 with the job; its
/// result is the command line's `coherence --format json gravity FILE --model …`.
#[utoipa::path(post, path = "/api/v1/workspaces/{id}/estimates/gravity", tag = "estimates",
    params(("id" = i64, Path, description = "The government workspace's id"), GravityQuery),
    request_body(content = String, content_type = "text/csv", description = "The data, one row per observation"),
    responses((status = 202, body = JobInfo), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, body = ErrorBody)))]
async fn gravity(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    Query(query): Query<GravityQuery>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<JobInfo>)> {
    may_estimate(&state, &caller, id).await?;
    let mut options = GravityOptions::new(&query.model);
    options.estimator = match query.estimator.as_deref() {
        None | Some("ppml") => Estimator::Ppml,
        Some("ols") => Estimator::Ols,
        Some(_) => return Err(ApiError::invalid("estimator", "the estimator is ppml or ols")),
    };
    if let Some(v) = &query.vcov {
        options.vcov = VcovSpec::parse(v).map_err(|e| ApiError::from(e).on("vcov"))?;
    }
    let name = query.name.unwrap_or_else(|| "data.csv".to_owned());
    let input = analysis::Input::new(name.clone(), body.to_vec());
    // The formula and the file's columns are checked now (400), the fit in the job.
    let data = gravity::read_gravity_data(&input, &options)?;
    let params = serde_json::json!({
        "model": options.model, "estimator": options.estimator.name(), "data": name,
    });
    let job =
        jobs::start(&state, &caller, Some(id), "estimate.gravity", &params, move |_| async move {
            let internal =
                |e: &dyn std::fmt::Display| Stop::from(ApiError::hidden(Kind::Internal, e));
            let estimate =
                tokio::task::spawn_blocking(move || gravity::fit_gravity(&data, &options))
                    .await
                    .map_err(|e| internal(&e))??;
            let result = serde_json::to_value(&estimate).map_err(|e| internal(&e))?;
            Ok(Output { result, files: Vec::new() })
        })
        .await?;
    Ok((StatusCode::ACCEPTED, Json(crate::routes::jobs::info(&state, job, false).await?)))
}
