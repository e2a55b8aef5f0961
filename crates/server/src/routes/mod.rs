//! The API's handlers, one module per resource. Each module gives an `OpenApiRouter`
//! built with `utoipa_axum::routes!`, so a route and its OpenAPI operation are declared
//! once, on the handler.

pub(crate) mod answers;
pub(crate) mod corridors;
pub(crate) mod data;
pub(crate) mod docs;
mod estimates;
pub(crate) mod imports;
pub(crate) mod jobs;
pub(crate) mod matrices;
pub(crate) mod register;
pub(crate) mod scenarios;
pub(crate) mod session;
pub(crate) mod users;
pub(crate) mod workspaces;

use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;
use crate::error::{ApiError, Kind};

/// Every route of the API, with its OpenAPI operations.
pub(crate) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(session::router())
        .merge(users::router())
        .merge(workspaces::router())
        .merge(data::router())
        .merge(register::router())
        .merge(answers::router())
        .merge(matrices::router())
        .merge(jobs::router())
        .merge(corridors::router())
        .merge(estimates::router())
        .merge(imports::router())
        .merge(scenarios::router())
}

/// The document's title, version, security schemes and shared schemas around `paths`.
pub(crate) fn document(mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    use utoipa::openapi::{InfoBuilder, LicenseBuilder};
    doc.info = InfoBuilder::new()
        .title("Coherence API")
        .version("1")
        .description(Some(
            "Migration profiles, the policy register, assessments, estimates and scenarios of \
             Coherence, with accounts, workspaces and roles. Sign in with POST /api/v1/session \
             (a cookie) or send an API token as `Authorization: Bearer TOKEN`.",
        ))
        .license(Some(LicenseBuilder::new().name("MIT OR Apache-2.0").build()))
        .build();
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        "token",
        SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
    );
    components.add_security_scheme(
        "session",
        SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("__Host-coherence_session"))),
    );
    document_common_answers(&mut doc);
    doc.security = Some(vec![
        utoipa::openapi::security::SecurityRequirement::new("token", Vec::<String>::new()),
        utoipa::openapi::security::SecurityRequirement::new("session", Vec::<String>::new()),
    ]);
    doc
}

/// A JSON body; a malformed one is a 400 naming what is wrong, an oversized one a 413,
/// both in the API's error shape.
pub(crate) struct ApiJson<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        use axum::extract::rejection::JsonRejection;
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::BytesRejection(e))
                if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE =>
            {
                Err(ApiError::new(
                    Kind::TooLarge,
                    "the request body is larger than the server's limit",
                )
                .on("body_limit"))
            }
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::new(
                Kind::InvalidInput,
                "the body must be JSON (Content-Type: application/json)",
            )),
            Err(e) => Err(ApiError::new(
                Kind::InvalidInput,
                format!("the JSON body cannot be used: {}", e.body_text()),
            )),
        }
    }
}

/// Paging of a list: `limit` items (at most 1,000; 100 by default) after `offset`.
#[derive(Clone, Copy, Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct Page {
    /// Items to return (1 to 1,000; default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub(crate) limit: Option<u32>,
    /// Items to skip (default 0).
    #[param(minimum = 0)]
    pub(crate) offset: Option<u64>,
}

impl Page {
    /// The limit, checked.
    pub(crate) fn limit(&self) -> Result<usize, ApiError> {
        match self.limit {
            None => Ok(100),
            Some(n @ 1..=1000) => Ok(n as usize),
            Some(_) => Err(ApiError::invalid("limit", "limit is between 1 and 1000")),
        }
    }

    /// One page of `items`.
    pub(crate) fn of<T>(&self, items: Vec<T>) -> Result<Paged<T>, ApiError> {
        let limit = self.limit()?;
        let total = items.len();
        let offset = usize::try_from(self.offset.unwrap_or(0)).unwrap_or(usize::MAX).min(total);
        let items: Vec<T> = items.into_iter().skip(offset).take(limit).collect();
        Ok(Paged { total: total as u64, offset: offset as u64, items })
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Paged<T> {
    /// How many items the whole list has (after filtering).
    pub(crate) total: u64,
    /// Where this page starts.
    pub(crate) offset: u64,
    /// The items.
    pub(crate) items: Vec<T>,
}

/// Adds to every operation the answers every route can give, where its handler does not
/// list them: 400 when it takes parameters or a body (they may not parse), 401 unless it
/// is public, 413 when it takes a body, and 503 (the store cannot be used now).
fn document_common_answers(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::{Ref, ResponseBuilder};
    let error = |text: &str| {
        ResponseBuilder::new()
            .description(text)
            .content(
                "application/json",
                utoipa::openapi::ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build()
    };
    for item in doc.paths.paths.values_mut() {
        for op in operations(item) {
            let has_input =
                op.parameters.as_ref().is_some_and(|p| !p.is_empty()) || op.request_body.is_some();
            let public =
                op.security.as_ref().is_some_and(|s| s.iter().any(|r| r == &Default::default()));
            let mut add = |code: &str, text: &str| {
                op.responses.responses.entry(code.to_owned()).or_insert_with(|| error(text).into());
            };
            if has_input {
                add("400", "The request's parameters or body cannot be used");
            }
            if !public {
                add("401", "No valid credentials");
            }
            if op.request_body.is_some() {
                add("413", "The body is larger than the server's limit");
            }
            add("503", "The store cannot be used now; try again later");
        }
    }
}

/// The operations of a path item.
fn operations(
    item: &mut utoipa::openapi::PathItem,
) -> impl Iterator<Item = &mut utoipa::openapi::path::Operation> {
    [
        item.get.as_mut(),
        item.put.as_mut(),
        item.post.as_mut(),
        item.delete.as_mut(),
        item.patch.as_mut(),
        item.head.as_mut(),
        item.options.as_mut(),
    ]
    .into_iter()
    .flatten()
}
