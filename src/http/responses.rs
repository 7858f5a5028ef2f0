//! The error responses each kind of operation documents, described once.

use std::collections::BTreeMap;

use serde_json::Value;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

use crate::domain::version::Precondition;
use crate::http::error::{ApiError, PROBLEM_JSON};
use crate::http::extract::{JSON_LIMIT, too_large_for};
use crate::model::error::FieldCode;
use crate::model::error::{Conflict, DomainError};

fn problem(code: &str, description: &str, example: Option<Value>) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .example(example.or_else(|| example_for(code)))
                .build(),
        )
        .into()
}

/// A document the service sends with `code`, built by `ApiError` as the real ones are, so
/// that each status shows its own type, title and detail rather than one shared example.
fn example_for(code: &str) -> Option<Value> {
    let error: ApiError = match code {
        "400" => ApiError::BadRequest(
            "malformed JSON: EOF while parsing an object at line 1 column 15".into(),
        ),
        "401" => ApiError::Unauthorized("a bearer token is required".into()),
        "403" => DomainError::Forbidden("viewers cannot change records".into()).into(),
        "404" => DomainError::not_found("customer").into(),
        "409" => {
            DomainError::conflict("a request with this Idempotency-Key is still being processed")
                .into()
        }
        "412" => Precondition::Versions(vec![3]).check(4).err()?.into(),
        "413" => too_large_for(JSON_LIMIT),
        "415" => ApiError::UnsupportedMediaType("send the body as application/json".into()),
        "422" => ApiError::invalid(
            "email",
            FieldCode::InvalidFormat,
            "must be a valid email address",
        ),
        "429" => DomainError::Throttled {
            detail:
                "at most 2 segment evaluations per caller run at once; retry when one has finished"
                    .into(),
            retry_after_secs: 1,
        }
        .into(),
        "503" => DomainError::Unavailable(String::new()).into(),
        _ => return None,
    };
    serde_json::to_value(error.problem()).ok()
}

/// The headers that tell an authenticated caller where it stands against its rate limit.
pub fn rate_limit_headers() -> [(&'static str, utoipa::openapi::header::Header); 2] {
    use utoipa::openapi::header::HeaderBuilder;
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let header = |text: &str| {
        HeaderBuilder::new()
            .schema(Some(ObjectBuilder::new().schema_type(Type::String).build()))
            .description(Some(text))
            .build()
    };
    [
        (
            "RateLimit-Policy",
            header(
                "The caller's policy (draft-ietf-httpapi-ratelimit-headers): its class, quota and window in seconds, e.g. `\"agent\";q=600;w=60` (`RAPPORT_RATE_LIMITS`)",
            ),
        ),
        (
            "RateLimit",
            header(
                "Where the caller stands: requests left and seconds until the quota is whole again, e.g. `\"agent\";r=597;t=1`",
            ),
        ),
    ]
}

/// The 429 of a caller past its rate limit, with its headers.
pub fn rate_limited() -> RefOr<Response> {
    let example = ApiError::TooManyRequests {
        detail: "more than 600 requests in 60 s for a caller of class agent; retry after `Retry-After` seconds".into(),
        retry_after_secs: 6,
    };
    let mut response = problem(
        "429",
        "The caller is past its rate limit; retry after `Retry-After` seconds",
        serde_json::to_value(example.problem()).ok(),
    );
    if let RefOr::T(response) = &mut response {
        for (name, _) in rate_limit_headers() {
            response.headers.insert(
                name.into(),
                RefOr::Ref(Ref::new(format!("#/components/headers/{name}"))),
            );
        }
    }
    response
}

fn set(codes: &[(&str, &str)]) -> BTreeMap<String, RefOr<Response>> {
    codes
        .iter()
        .map(|(code, text)| (code.to_string(), problem(code, text, None)))
        .collect()
}

const UNAUTHORIZED: (&str, &str) = ("401", "Missing, invalid or expired bearer token");
const UNAVAILABLE: (&str, &str) = (
    "503",
    "The database is not answering, a statement ran past its time budget (`RAPPORT_STATEMENT_TIMEOUT_MS`), too much work is in progress, or the server is shutting down (`shutting-down`: long work is not started during a drain, and what runs past the grace is answered so); retry after `Retry-After` seconds",
);
const MALFORMED: (&str, &str) = ("400", "Malformed JSON");
const TOO_LARGE: (&str, &str) = ("413", "The body is larger than 1 MiB");
const NOT_JSON: (&str, &str) = ("415", "The body is not `application/json`");
const INVALID: (&str, &str) = (
    "422",
    "Invalid fields or parameters; `errors` names each one",
);

/// Errors of a read that takes query parameters.
pub struct ListErrors;
impl utoipa::IntoResponses for ListErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        set(&[
            UNAUTHORIZED,
            ("403", "The caller's role may not read this"),
            INVALID,
            UNAVAILABLE,
        ])
    }
}

/// Errors of a read of one record.
pub struct ReadErrors;
impl utoipa::IntoResponses for ReadErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        set(&[
            UNAUTHORIZED,
            ("403", "The caller's role may not read this"),
            ("404", "No such record, or not visible to the caller"),
            UNAVAILABLE,
        ])
    }
}

/// Errors of a write with a JSON body.
pub struct WriteErrors;
impl utoipa::IntoResponses for WriteErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        set(&[
            MALFORMED,
            UNAUTHORIZED,
            ("403", "The caller's role may not make this change"),
            ("404", "No such record, or not visible to the caller"),
            (
                "409",
                "Conflicts with stored data, or the same Idempotency-Key is still being processed",
            ),
            (
                "412",
                "`If-Match` names a version that is no longer current",
            ),
            TOO_LARGE,
            NOT_JSON,
            INVALID,
            UNAVAILABLE,
        ])
    }
}

/// Errors of a delete.
pub struct DeleteErrors;
impl utoipa::IntoResponses for DeleteErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        set(&[
            UNAUTHORIZED,
            ("403", "The caller's role may not make this change"),
            ("404", "No such record, or not visible to the caller"),
            (
                "412",
                "`If-Match` names a version that is no longer current",
            ),
            UNAVAILABLE,
        ])
    }
}

/// Errors of an action without a body.
pub struct ActionErrors;
impl utoipa::IntoResponses for ActionErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        set(&[
            UNAUTHORIZED,
            ("403", "The caller's role may not do this"),
            ("409", "The same Idempotency-Key is still being processed"),
            (
                "422",
                "The Idempotency-Key is malformed or was used for another request",
            ),
            UNAVAILABLE,
        ])
    }
}

/// Added to operations that evaluate segment rules, the reads with a per-caller budget.
pub struct Busy;
impl utoipa::IntoResponses for Busy {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        set(&[(
            "429",
            "The caller already runs as many segment evaluations as allowed at once (2); retry after `Retry-After` seconds",
        )])
    }
}

/// Errors of an action on one record without a body.
pub struct RecordActionErrors;
impl utoipa::IntoResponses for RecordActionErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        set(&[
            UNAUTHORIZED,
            ("403", "The caller's role may not do this"),
            ("404", "No such record, or not visible to the caller"),
            (
                "409",
                "The record's state does not allow this, or the same Idempotency-Key is still being processed",
            ),
            (
                "422",
                "The Idempotency-Key is malformed or was used for another request",
            ),
            UNAVAILABLE,
        ])
    }
}

/// Errors of signing in: the only operation without a token, whose 401 and 429 are its own.
pub struct SignInErrors;
impl utoipa::IntoResponses for SignInErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut responses = set(&[MALFORMED, TOO_LARGE, NOT_JSON, INVALID, UNAVAILABLE]);
        let wrong = DomainError::Unauthenticated("email or password is wrong".into());
        responses.insert(
            "401".into(),
            problem(
                "401",
                "Email or password is wrong, or the user is deactivated",
                serde_json::to_value(ApiError::from(wrong).problem()).ok(),
            ),
        );
        let throttled = DomainError::Throttled {
            detail: crate::domain::login::THROTTLED.into(),
            retry_after_secs: 30,
        };
        responses.insert(
            "429".into(),
            problem(
                "429",
                "Too many failed sign-ins for this email (the fifth locks it for 30 s, doubling up to 15 min); retry after `Retry-After` seconds",
                serde_json::to_value(ApiError::from(throttled).problem()).ok(),
            ),
        );
        responses
    }
}

/// Errors of a workflow transition: a write whose 409 lists the permitted targets.
pub struct TransitionErrors;
impl utoipa::IntoResponses for TransitionErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut responses = WriteErrors::responses();
        let refused = ApiError::Conflict(Conflict {
            detail: "a complaint that is resolved cannot move to in_progress; it can move to closed, reopened".into(),
            allowed: Some(vec!["closed".into(), "reopened".into()]),
            candidates: None,
        });
        responses.insert(
            "409".into(),
            problem(
                "409",
                "The workflow does not permit this move from the current state; `allowed` lists the states it permits (empty when none). Also: the same Idempotency-Key is still being processed",
                serde_json::to_value(refused.problem()).ok(),
            ),
        );
        responses
    }
}

fn merged_example() -> Option<Value> {
    let into = uuid::Uuid::from_u128(0x01932c90_0000_7000_8000_000000000001);
    serde_json::to_value(ApiError::from(DomainError::Merged { into }).problem()).ok()
}

/// Errors of reading a customer: its 404 names the customer a merged one now is.
pub struct CustomerReadErrors;
impl utoipa::IntoResponses for CustomerReadErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut responses = ReadErrors::responses();
        responses.insert(
            "404".into(),
            problem(
                "404",
                "No such customer, or not visible to the caller; a customer merged into another answers with `merged_into`, the id of the customer it now is",
                None,
            ),
        );
        responses
    }
}

/// Errors of creating a customer: its 409 lists the customers it would duplicate.
pub struct DuplicateRefused;
impl utoipa::IntoResponses for DuplicateRefused {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut responses = WriteErrors::responses();
        let candidate = crate::model::duplicate::Candidate {
            customer_id: uuid::Uuid::from_u128(0x01932c90_0000_7000_8000_000000000003),
            other_id: uuid::Uuid::from_u128(0x01932c90_0000_7000_8000_000000000001),
            score: 90,
            reasons: vec![crate::model::duplicate::Reason {
                code: crate::model::duplicate::ReasonCode::SameEmail,
                detail: "ada@example.com".into(),
            }],
        };
        let refused = ApiError::Conflict(Conflict {
            detail: "the customer may exist already: see candidates, or create it with on_duplicate=allow".into(),
            allowed: None,
            candidates: Some(vec![candidate]),
        });
        responses.insert(
            "409".into(),
            problem(
                "409",
                "With `on_duplicate=reject`: a strong duplicate candidate exists, listed in `candidates`. Also: the same Idempotency-Key is still being processed",
                serde_json::to_value(refused.problem()).ok(),
            ),
        );
        responses
    }
}

/// Errors of a merge: both customers' versions are required.
pub struct MergeErrors;
impl utoipa::IntoResponses for MergeErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut responses = WriteErrors::responses();
        responses.insert(
            "404".into(),
            problem(
                "404",
                "No such customer, or not visible to the caller; one merged already answers with `merged_into`",
                merged_example(),
            ),
        );
        responses.insert(
            "412".into(),
            problem(
                "412",
                "`If-Match` or `from_version` names a version that is no longer current",
                None,
            ),
        );
        let required = ApiError::PreconditionRequired(
            "a merge must name the survivor's version in If-Match".into(),
        );
        responses.insert(
            "428".into(),
            problem(
                "428",
                "`If-Match` is missing",
                serde_json::to_value(required.problem()).ok(),
            ),
        );
        responses
    }
}
