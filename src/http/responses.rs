//! The error responses each kind of operation documents, described once.

use std::collections::BTreeMap;

use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

use crate::http::error::PROBLEM_JSON;

fn problem(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .into()
}

fn set(codes: &[(&str, &str)]) -> BTreeMap<String, RefOr<Response>> {
    codes
        .iter()
        .map(|(code, text)| (code.to_string(), problem(text)))
        .collect()
}

const UNAUTHORIZED: (&str, &str) = ("401", "Missing, invalid or expired bearer token");
const UNAVAILABLE: (&str, &str) = (
    "503",
    "The database is not answering, a statement ran past its time budget (`RAPPORT_STATEMENT_TIMEOUT_MS`), or too much work is in progress; retry after `Retry-After` seconds",
);
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
            ("400", "Malformed JSON"),
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
            ("413", "The body is larger than 1 MiB"),
            ("415", "The body is not `application/json`"),
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

/// Errors of a workflow transition: a write whose 409 lists the permitted targets.
pub struct TransitionErrors;
impl utoipa::IntoResponses for TransitionErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut responses = WriteErrors::responses();
        responses.insert(
            "409".into(),
            problem(
                "The workflow does not permit this move from the current state; `allowed` lists the states it permits (empty when none). Also: the same Idempotency-Key is still being processed",
            ),
        );
        responses
    }
}
