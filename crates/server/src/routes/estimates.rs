//! Estimates as jobs of a government workspace (its contributors and coordinators start
//! them; its members read them): flows from the stored stock tables, as `coherence
//! estimate flows --method M --from Y0 --to Y1 --out flows.csv` (the job's `flows.csv`
//! has the bytes of that file).

use analysis::estimate::{FlowRequest, FlowTotal, StockSource, VitalSource};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use store::{JobFile, Role};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::access::Access;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::jobs::{self, Output};
use crate::routes::ApiJson;
use crate::routes::jobs::JobInfo;

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(flows))
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
    let access = Access::to(&state, &caller, id).await?;
    access.read_records()?;
    access.country()?;
    if !matches!(access.role, Some(Role::Contributor | Role::Coordinator)) {
        return Err(ApiError::forbidden(format!(
            "an estimate in workspace {id} needs the contributor or coordinator role"
        )));
    }
    if !analysis::estimate::flow_method_names().contains(&body.method.as_str()) {
        return Err(ApiError::invalid("method", format!("{:?} is not a flow method", body.method)));
    }
    let params = serde_json::json!({
        "method": body.method, "from": body.from, "to": body.to, "no_vital": body.no_vital,
    });
    let request = FlowRequest {
        method: body.method,
        period_start: body.from,
        period_end: body.to,
        stocks: StockSource::Store,
        vital: if body.no_vital {
            VitalSource::Zero
        } else {
            VitalSource::Store { zero_where_missing: false }
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
            let mut text = String::from("orig,dest,period_start,period_end,flow\n");
            for r in &est.flows {
                text.push_str(&format!(
                    "{},{},{},{},{}\n",
                    r.orig, r.dest, est.period_start, est.period_end, r.flow
                ));
            }
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
