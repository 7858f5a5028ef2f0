//! The HTTP layer's error: every failure, from a handler, an extractor, the domain or the
//! router, becomes an RFC 9457 problem document here, and only here. Internal causes are
//! logged once and never sent to the client.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::model::error::{Conflict, DomainError, MAX_FIELD_ERRORS};
pub use crate::model::error::{FieldCode, FieldError};

pub type ApiResult<T> = Result<T, ApiError>;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// RFC 9457 problem details.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "https://rapport.dev/problems/validation",
    "title": "Invalid request fields",
    "status": 422,
    "detail": "1 field is invalid",
    "errors": [{"field": "email", "code": "invalid_format", "message": "must be a valid email address"}]
}))]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Present on validation errors (422): at most 100, each field name at most 200
    /// characters and each message at most 500.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, max_items = 100)]
    pub errors: Option<Vec<FieldError>>,
    /// On validation errors: how many more there were than `errors` lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, minimum = 1, example = 3)]
    pub errors_omitted: Option<usize>,
    /// On a conflict with a workflow (409): the states the record may move to from its
    /// current one; empty when it can move nowhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = json!(["closed", "reopened"]))]
    pub allowed: Option<Vec<String>>,
    /// On `POST /customers?on_duplicate=reject` (409): the customers the new one would
    /// duplicate, most likely first.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub candidates: Option<Vec<crate::model::duplicate::Candidate>>,
    /// On a customer that was merged into another (404): the customer it now is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false)]
    pub merged_into: Option<uuid::Uuid>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("the customer was merged into {into}")]
    Merged { into: uuid::Uuid },
    #[error("method not allowed")]
    MethodNotAllowed { allow: Vec<String> },
    #[error("{}", .0.detail)]
    Conflict(Conflict),
    #[error("{0}")]
    PreconditionFailed(String),
    #[error("{0}")]
    PreconditionRequired(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    #[error("{0}")]
    UriTooLong(String),
    #[error("{0}")]
    HeadersTooLarge(String),
    #[error("invalid fields")]
    Validation(Vec<FieldError>),
    #[error("{detail}")]
    TooManyRequests {
        detail: String,
        retry_after_secs: u64,
    },
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("statement timed out: {0}")]
    TimedOut(String),
    #[error("{0}")]
    Overloaded(String),
    #[error("the server is shutting down; retry, another replica answers")]
    ShuttingDown,
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, code: FieldCode, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self::Internal(cause.to_string())
    }

    fn slug_and_title(&self) -> (&'static str, &'static str) {
        match self {
            Self::BadRequest(_) => ("bad-request", "Malformed request"),
            Self::Unauthorized(_) => ("unauthorized", "Authentication required"),
            Self::Forbidden(_) => ("forbidden", "Not allowed"),
            Self::NotFound(_) | Self::Merged { .. } => ("not-found", "Not found"),
            Self::MethodNotAllowed { .. } => ("method-not-allowed", "Method not allowed"),
            Self::Conflict(_) => ("conflict", "Conflict"),
            Self::PreconditionFailed(_) => ("precondition-failed", "Precondition failed"),
            Self::PreconditionRequired(_) => ("precondition-required", "Precondition required"),
            Self::PayloadTooLarge(_) => ("payload-too-large", "Request body too large"),
            Self::UnsupportedMediaType(_) => ("unsupported-media-type", "Unsupported media type"),
            Self::UriTooLong(_) => ("uri-too-long", "Request line too long"),
            Self::HeadersTooLarge(_) => ("headers-too-large", "Request headers too large"),
            Self::Validation(_) => ("validation", "Invalid request fields"),
            Self::TooManyRequests { .. } => ("too-many-requests", "Too many requests"),
            Self::Unavailable(_) => ("unavailable", "Service unavailable"),
            Self::TimedOut(_) => ("timed-out", "Request took too long"),
            Self::Overloaded(_) => ("overloaded", "Too much work in progress"),
            Self::ShuttingDown => ("shutting-down", "Shutting down"),
            Self::Internal(_) => ("internal", "Internal server error"),
        }
    }

    fn detail(&self) -> String {
        match self {
            Self::MethodNotAllowed { allow } => {
                format!("this resource supports {}", allow.join(", "))
            }
            Self::Validation(errors) => match errors.len() {
                1 => format!("{}: {}", errors[0].field, errors[0].message),
                n => format!("{n} fields are invalid"),
            },
            // Causes of server-side failures stay in the logs.
            Self::Unavailable(_) => "the database is not answering; retry shortly".into(),
            Self::TimedOut(_) => {
                "the request needed more database time than one statement is allowed; retry later or narrow it".into()
            }
            Self::Internal(_) => "an unexpected error occurred; it has been logged".into(),
            other => other.to_string(),
        }
    }

    pub fn problem(&self) -> Problem {
        let (slug, title) = self.slug_and_title();
        let (errors, omitted) = match self {
            Self::Validation(errors) => {
                let omitted = errors.len().saturating_sub(MAX_FIELD_ERRORS);
                let listed = errors.iter().take(MAX_FIELD_ERRORS).cloned().collect();
                (Some(listed), (omitted > 0).then_some(omitted))
            }
            _ => (None, None),
        };
        Problem {
            kind: format!("https://rapport.dev/problems/{slug}"),
            title: title.into(),
            status: self.status_code().as_u16(),
            detail: self.detail(),
            errors,
            errors_omitted: omitted,
            allowed: match self {
                Self::Conflict(conflict) => conflict.allowed.clone(),
                _ => None,
            },
            candidates: match self {
                Self::Conflict(conflict) => conflict.candidates.clone(),
                _ => None,
            },
            merged_into: match self {
                Self::Merged { into } => Some(*into),
                _ => None,
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) | Self::Merged { .. } => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            Self::PreconditionRequired(_) => StatusCode::PRECONDITION_REQUIRED,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            Self::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) | Self::TimedOut(_) | Self::Overloaded(_) | Self::ShuttingDown => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::Internal(cause) => tracing::error!(error.cause = %cause, "request failed"),
            Self::Unavailable(cause) => {
                tracing::warn!(error.cause = %cause, "database unavailable")
            }
            Self::TimedOut(cause) => tracing::warn!(error.cause = %cause, "statement timed out"),
            _ => {}
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, PROBLEM_JSON));
        response.insert_header((header::CACHE_CONTROL, "no-store"));
        match self {
            Self::Unauthorized(_) => {
                response.insert_header((header::WWW_AUTHENTICATE, "Bearer realm=\"rapport\""));
            }
            Self::MethodNotAllowed { allow } => {
                response.insert_header((header::ALLOW, allow.join(", ")));
            }
            Self::TooManyRequests {
                retry_after_secs, ..
            } => {
                response.insert_header((header::RETRY_AFTER, retry_after_secs.to_string()));
            }
            Self::Unavailable(_) | Self::TimedOut(_) => {
                response.insert_header((header::RETRY_AFTER, "5"));
            }
            Self::Overloaded(_) | Self::ShuttingDown => {
                response.insert_header((header::RETRY_AFTER, "1"));
            }
            _ => {}
        }
        response.body(serde_json::to_string(&self.problem()).unwrap_or_default())
    }
}

impl From<DomainError> for ApiError {
    fn from(err: DomainError) -> Self {
        match err {
            DomainError::Unauthenticated(detail) => Self::Unauthorized(detail),
            DomainError::Forbidden(detail) => Self::Forbidden(detail),
            DomainError::NotFound(detail) => Self::NotFound(detail),
            DomainError::Merged { into } => Self::Merged { into },
            DomainError::Conflict(conflict) => Self::Conflict(conflict),
            DomainError::StalePrecondition(detail) => Self::PreconditionFailed(detail),
            DomainError::PreconditionRequired(detail) => Self::PreconditionRequired(detail),
            DomainError::Validation(errors) => Self::Validation(errors),
            DomainError::Throttled {
                detail,
                retry_after_secs,
            } => Self::TooManyRequests {
                detail,
                retry_after_secs,
            },
            DomainError::Unavailable(cause) => Self::Unavailable(cause),
            DomainError::TimedOut(cause) => Self::TimedOut(cause),
            DomainError::Overloaded(detail) => Self::Overloaded(detail),
            DomainError::Internal(cause) => Self::Internal(cause),
        }
    }
}
