//! Corridor checks: the command line's `coherence corridor ORIGIN DESTINATION`, answered
//! at once (the check is cheap).
//!
//! A check reads the policy registers of both countries, and a register is the content
//! of its government's workspace. So the caller must be able to read the register of
//! both: as a member (or admin) of each workspace, or as a member of a partnership the
//! other side shares its register with. In practice a member of a government workspace
//! checks its own country against a partner that shares its register with their
//! partnership. A country without a government workspace holds no government's work: its
//! register is shared data. A register the caller may not read answers 404, as if it did
//! not exist.

use axum::Json;
use axum::extract::{Path, State};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, ErrorBody};

pub(crate) fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(check))
}

/// How much of the register of `area` (a country) the caller reads: `None` the whole
/// register, `Some(ids)` only those policies (shared one by one with a partnership of the
/// caller); 404 for a register its government keeps from the caller
/// ([`crate::access::withheld`], the rule of profiles and briefs too).
async fn register_readable(
    state: &AppState,
    caller: &Caller,
    area: &str,
) -> ApiResult<Option<Vec<String>>> {
    let country = state.app.resolve_area(area).await?.code().to_string();
    let generation = state.store().generation().await?;
    let withheld = crate::access::withheld(state, caller, generation).await?;
    match withheld.register_of(&country) {
        None => Err(ApiError::not_found(format!("the register of {area}"))),
        Some(seen) => Ok(seen.map(<[String]>::to_vec)),
    }
}

/// Checks a corridor (origin → destination) against the corridor rules, as
/// `coherence --format json corridor ORIGIN DESTINATION`: the rules that fire, with the
/// policies and figures behind each. A register the caller reads only in part (single
/// policies shared with its partnership) is checked as those policies alone.
#[utoipa::path(get, path = "/api/v1/corridors/{origin}/{destination}", tag = "corridors",
    params(("origin" = String, Path, description = "The origin country: ISO 3166-1 alpha-3, M49 or name"),
        ("destination" = String, Path, description = "The destination country")),
    responses((status = 200, description = "The corridor's report", body = Object), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn check(
    State(state): State<AppState>,
    caller: Caller,
    Path((origin, destination)): Path<(String, String)>,
) -> ApiResult<Json<analysis::corridor::CorridorReport>> {
    let origin_sees = register_readable(&state, &caller, &origin).await?;
    let destination_sees = register_readable(&state, &caller, &destination).await?;
    if origin_sees.is_none() && destination_sees.is_none() {
        return Ok(Json(state.app.corridor(&origin, &destination, None).await?));
    }
    Ok(Json(
        state
            .app
            .corridor_visible(
                &origin,
                &destination,
                origin_sees.as_deref(),
                destination_sees.as_deref(),
            )
            .await?
            .0,
    ))
}
