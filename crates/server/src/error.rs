//! The API's one error shape: `{"error": {"kind", "message", "field"?}}` with the status
//! of its kind. A 5xx never shows internals: its message is generic and carries a
//! reference that the server's log repeats beside the detail.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// What kind of failure an API error is; its name is the `kind` of the JSON body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The request cannot be used (400).
    InvalidInput,
    /// No credentials, or credentials that are not valid (401).
    Unauthenticated,
    /// Signed in, but the role does not allow it (403).
    Forbidden,
    /// Nothing there, or nothing the caller may see (404).
    NotFound,
    /// The request conflicts with stored data (409).
    Conflict,
    /// A body or file beyond a limit (413).
    TooLarge,
    /// Too many attempts, e.g. failed sign-ins (429).
    TooManyRequests,
    /// The store cannot be used now (503).
    Unavailable,
    /// A defect (500).
    Internal,
}

impl Kind {
    /// The HTTP status of this kind.
    pub fn status(self) -> StatusCode {
        match self {
            Kind::InvalidInput => StatusCode::BAD_REQUEST,
            Kind::Unauthenticated => StatusCode::UNAUTHORIZED,
            Kind::Forbidden => StatusCode::FORBIDDEN,
            Kind::NotFound => StatusCode::NOT_FOUND,
            Kind::Conflict => StatusCode::CONFLICT,
            Kind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Kind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            Kind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Kind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// An error answered by the API.
#[derive(Clone, Debug)]
pub struct ApiError {
    /// Its kind (and so its status).
    pub kind: Kind,
    /// What is wrong, for the user.
    pub message: String,
    /// The request field concerned, if one is.
    pub field: Option<String>,
}

/// The JSON body of an error.
#[derive(Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// The error inside [`ErrorBody`].
#[derive(Serialize, ToSchema)]
pub(crate) struct ErrorDetail {
    /// What kind of failure it is.
    pub kind: Kind,
    /// What is wrong.
    pub message: String,
    /// The request field concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Counts 5xx answers, so that each has a reference the log repeats.
static INTERNAL_REFERENCE: AtomicU64 = AtomicU64::new(1);

impl ApiError {
    /// An error of `kind` saying `message`.
    pub fn new(kind: Kind, message: impl Into<String>) -> ApiError {
        ApiError { kind, message: message.into(), field: None }
    }

    /// The same error, naming the request field concerned.
    pub fn on(mut self, field: &str) -> ApiError {
        self.field = Some(field.to_owned());
        self
    }

    /// 400 about `field`.
    pub fn invalid(field: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(Kind::InvalidInput, message).on(field)
    }

    /// 404: nothing called `what` that the caller may see.
    pub fn not_found(what: impl std::fmt::Display) -> ApiError {
        ApiError::new(Kind::NotFound, format!("{what} not found"))
    }

    /// 403 saying what the role does not allow.
    pub fn forbidden(message: impl Into<String>) -> ApiError {
        ApiError::new(Kind::Forbidden, message)
    }

    /// 401.
    pub fn unauthenticated() -> ApiError {
        ApiError::new(
            Kind::Unauthenticated,
            "sign in, or send an API token as `Authorization: Bearer TOKEN`",
        )
    }

    /// A failure whose detail is for the log only: the answer says what kind it is and
    /// gives a reference the log repeats.
    pub fn hidden(kind: Kind, detail: &dyn std::fmt::Display) -> ApiError {
        let reference = INTERNAL_REFERENCE.fetch_add(1, Ordering::Relaxed);
        tracing::error!(reference, %detail, "request failed");
        let what = if kind == Kind::Unavailable {
            "the store cannot be used now; try again later"
        } else {
            "an internal error occurred"
        };
        ApiError::new(kind, format!("{what} (reference {reference} in the server's log)"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.kind.status();
        let body = ErrorBody {
            error: ErrorDetail { kind: self.kind, message: self.message, field: self.field },
        };
        (status, Json(body)).into_response()
    }
}

impl From<analysis::Error> for ApiError {
    fn from(e: analysis::Error) -> ApiError {
        use analysis::ErrorKind as K;
        let kind = match e.kind() {
            K::NotFound => Kind::NotFound,
            K::InvalidInput => Kind::InvalidInput,
            K::Conflict => Kind::Conflict,
            K::Forbidden => Kind::Forbidden,
            K::TooLarge => Kind::TooLarge,
            K::Unavailable => return ApiError::hidden(Kind::Unavailable, &e),
            _ => return ApiError::hidden(Kind::Internal, &e),
        };
        let mut error = ApiError::new(kind, e.to_string());
        if let Some(limit) = e.exceeded_limit() {
            error.field = Some(limit.name().to_owned());
        }
        error
    }
}

impl From<store::Error> for ApiError {
    fn from(e: store::Error) -> ApiError {
        use store::ErrorKind as K;
        match e.kind() {
            K::Conflict => ApiError::new(Kind::Conflict, e.to_string()),
            K::InvalidInput => ApiError::new(Kind::InvalidInput, e.to_string()),
            K::Forbidden => ApiError::hidden(Kind::Unavailable, &e),
            K::Unavailable => ApiError::hidden(Kind::Unavailable, &e),
            _ => ApiError::hidden(Kind::Internal, &e),
        }
    }
}

/// The result of a handler.
pub(crate) type ApiResult<T> = Result<T, ApiError>;
